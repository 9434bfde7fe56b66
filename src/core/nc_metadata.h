/*
 * src/core/nc_metadata.h
 *		Article metadata gathered from every source a page offers, each
 *		value with where it came from.
 */
#ifndef NC_METADATA_H
#define NC_METADATA_H

#include "nc_html.h"

/* Sources, best first: a value from a better source is never replaced. */
typedef enum NcSourceRank
{
	NC_SRC_NONE = 0,
	NC_SRC_JSONLD,
	NC_SRC_DUBLIN_CORE,			/* curated by the publisher for catalogues */
	NC_SRC_OPENGRAPH,
	NC_SRC_TWITTER,
	NC_SRC_META,
	NC_SRC_MICRODATA,
	NC_SRC_LINK,
	NC_SRC_TEXT
} NcSourceRank;

typedef struct NcField
{
	const char *value;
	NcSourceRank rank;
	const char *raw;			/* the value before cleaning, when it differs */
} NcField;

#define NC_MAX_LIST 32

typedef struct NcListField
{
	int			count;
	const char *items[NC_MAX_LIST];
	NcSourceRank rank;
} NcListField;

typedef struct NcMetadata
{
	NcField		headline;
	NcField		title_tag;		/* <title>, kept apart: it carries site suffixes */
	NcField		h1;
	NcField		summary;
	NcField		site_name;
	NcField		section;
	NcField		lang;
	NcField		canonical_url;
	NcField		image_url;
	NcField		locale;			/* og:locale, e.g. en_IN */
	NcField		jsonld_name;	/* "name" of the JSON-LD article, beside its "headline" */
	NcField		jsonld_body;	/* JSON-LD articleBody: the publisher's own text */
	NcField		jsonld_published;
	NcField		jsonld_modified;
	NcListField authors;
	int			authors_precedence; /* rank * 16 + the meta name's order; 0: none */
	NcListField tags;
	NcListField byline_agencies;	/* agencies named where authors were expected */
	NcListField organization_authors;	/* JSON-LD Organizations credited as author */
} NcMetadata;

/* Fills meta from the page; false only when cancelled. */
extern bool nc_collect_metadata(const NcHost *host, xmlDocPtr doc, NcMetadata *meta);

/* Name of a source rank as provenance shows it. */
extern const char *nc_source_name(NcSourceRank rank);

/*
 * The headline in a <title>, without the site's decoration ("... | world
 * news | Hindustan Times"): the page's h1 when the title starts with it,
 * else the title less its last segment.
 */
extern const char *nc_headline_from_title(const NcHost *host, const char *title,
										  const char *h1);

#endif							/* NC_METADATA_H */
