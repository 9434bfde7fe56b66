/*
 * src/core/nc_html.h
 *		The HTML layer of the core: decoding, parsing, and the DOM helpers
 *		the metadata and body extractors share.
 */
#ifndef NC_HTML_H
#define NC_HTML_H

#include <libxml/tree.h>

#include "nc_internal.h"

/*
 * The page as UTF-8 (invalid sequences replaced, NULs removed), decoded
 * from the charset its BOM, the request or its <meta> declare, or the one
 * detected.  NULL on failure, with err set.
 */
extern const char *nc_decode_page(const NcHost *host, const NcArticleRequest *request,
							size_t *outlen, const char **charset_used, NcError *err);

/*
 * Parses UTF-8 HTML; the caller frees the tree with xmlFreeDoc.  NULL with
 * err->status NC_OK when nothing is readable; NC_CANCELLED when the host
 * asked to stop; NC_TOO_LARGE for a tag with too many attributes.
 */
extern xmlDocPtr nc_parse_html(const NcHost *host, const char *utf8, size_t len,
							   const char *url, NcError *err);

/* The value of an attribute without copying it, or NULL. */
extern const char *nc_attr(xmlNodePtr node, const char *name);

/* True when node is an element with this (lower-case) tag name. */
extern bool nc_is_tag(xmlNodePtr node, const char *tag);

/* True when name is in list, a NULL-terminated array of tag or word names. */
extern bool nc_tag_in(const char *name, const char *const *list);

/* Bytes of the title separator (" | ", " - ", " – " ...) at s; 0 if none. */
extern size_t nc_title_separator_at(const char *s);

/* First element in document order with this tag below node, or NULL. */
extern xmlNodePtr nc_find_tag(xmlNodePtr node, const char *tag, int max_depth);

/*
 * Visible text of a subtree, white space folded: script, style and
 * hidden elements are left out, block elements separated by a space.
 */
extern char *nc_node_text(const NcHost *host, xmlNodePtr node, int max_depth);

/*
 * s with its character references decoded ("&amp;", "&#8211;", "&#x2019;"),
 * or s itself when it has none.  For metadata, which publishers often
 * escape twice; invalid code points become U+FFFD, unknown names stay.
 */
extern const char *nc_unescape_entities(const NcHost *host, const char *s);

/* True for elements whose content a reader never sees (script, hidden...). */
extern bool nc_is_invisible(xmlNodePtr node);

/* True for elements that start a new block of text (p, div, h1, li...). */
extern bool nc_is_block(xmlNodePtr node);

#endif							/* NC_HTML_H */
