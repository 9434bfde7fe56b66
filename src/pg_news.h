/*
 * src/pg_news.h
 *		What the glue files share: the host the core receives, the limits
 *		from the settings, and core-status-to-ereport translation.
 */
#ifndef PG_NEWS_H
#define PG_NEWS_H

#include "datatype/timestamp.h"

#include "nc_core.h"

extern int	news_max_page_bytes;

/* An NcHost whose allocations land in cxt. */
extern NcHost news_host_for(MemoryContext cxt);

/* The core's limits, from the news.* settings. */
extern NcLimits news_limits(void);

/* Raises the error a core status stands for; NC_CANCELLED raises the pending cancel. */
extern void news_report_core_error(const NcError *err) pg_attribute_noreturn();

/* Errors out when a page is larger than news.max_page_bytes allows. */
extern void news_check_page_size(size_t len);

/* text in the database encoding from UTF-8 produced by the core. */
extern text *news_text_from_utf8(const char *s);

/*
 * A text value's bytes as UTF-8 for the core, which takes a length: the
 * datum's own bytes when the database is UTF-8 (no copy, no NUL), else a
 * converted copy.
 */
extern const char *news_text_to_utf8(const text *t, size_t *len);

/*
 * A timestamp the core read, as the instant it names (its offset, else
 * its wall clock taken as UTC) or as its wall clock alone.  False when it
 * is invalid or out of PostgreSQL's range.
 */
extern bool news_timestamp_from_core(const NcTimestamp *ts, bool instant, Timestamp *result);

/*
 * The entity list tsearch_data/NAME.tsv, parsed on first use and kept for
 * the backend's life.  ERROR when the file is missing.
 */
extern const NcEntityDict *news_entity_list(const char *name);

/* Validates an IANA zone name given by a user; ERROR with a hint when unknown. */
extern void news_check_zone_name(const char *zone);

#endif							/* PG_NEWS_H */
