/*
 * src/core/nc_body.h
 *		The article body extractor.
 */
#ifndef NC_BODY_H
#define NC_BODY_H

#include "nc_html.h"

/*
 * Sets *body to the article text of doc, one block per line, or NULL when
 * the page has none, and *lead to its first paragraph (from a <p>, else
 * its first line that is no heading), or NULL.  headline, when known,
 * keeps a repeated title out of the body; description, the page's declared
 * summary, finds a standfirst that no class marks.
 * False when cancelled or out of memory, with err set.  Uses the _private
 * field of the tree's nodes.
 */
extern bool nc_extract_body(const NcHost *host, xmlDocPtr doc, int max_depth,
							const char *headline, const char *description,
							const char **body, const char **lead, NcError *err);

#endif							/* NC_BODY_H */
