/*
 * src/host.c
 *		The NcHost the core receives in the server: memory from a memory
 *		context, cancellation from the interrupt flags, time zones from the
 *		server's tz database, JSON from common/jsonapi.h.  None of these
 *		hooks throws: the core holds malloc'd libxml2 trees and must reach
 *		its own cleanup.
 */
#include "postgres.h"

#include "common/jsonapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "json_events.h"
#include "pg_news.h"

static void *
host_alloc(void *arg, size_t size)
{
	if (!AllocSizeIsValid(size))
		return NULL;
	return MemoryContextAllocExtended((MemoryContext) arg, size, MCXT_ALLOC_NO_OOM);
}

/*
 * Only a cancel or a termination stops the core.  InterruptPending alone
 * also flags harmless work (a parallel leader's messages from its
 * workers, a catchup signal), which CHECK_FOR_INTERRUPTS absorbs.
 */
static bool
host_should_stop(void *arg)
{
	return INTERRUPTS_PENDING_CONDITION() && (QueryCancelPending || ProcDiePending);
}

static bool
host_zone_offset(void *arg, const char *zone, const NcLocalTime *local, int *utc_offset)
{
	pg_tz	   *tz = pg_tzset(zone);
	struct pg_tm tm;

	if (tz == NULL)
		return false;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = local->year;
	tm.tm_mon = local->month;
	tm.tm_mday = local->day;
	tm.tm_hour = local->hour;
	tm.tm_min = local->minute;
	tm.tm_sec = local->second;
	/* DetermineTimeZoneOffset answers in seconds west of UTC. */
	*utc_offset = -DetermineTimeZoneOffset(&tm, tz);
	return true;
}

static bool
host_parse_json(void *arg, const char *json, size_t len, const NcJsonEvents *events)
{
	JsonLexContext *lex;
	JsonSemAction sem;
	JsonParseErrorType result;
	MemoryContext oldcxt;

	if (len > (size_t) PG_INT32_MAX)
		return false;
	json_events_actions(&sem, events);

	/*
	 * The core's JSON is UTF-8 whatever the database encoding; the core
	 * caps nesting below NC_JSON_MAX_DEPTH, so the parser's stack check
	 * cannot fire.
	 */
	/* The lexer's tokens go with the call's memory, not the caller's. */
	oldcxt = MemoryContextSwitchTo((MemoryContext) arg);
	lex = makeJsonLexContextCstringLen((char *) json, (int) len, PG_UTF8, true);
	result = pg_parse_json(lex, &sem);
	MemoryContextSwitchTo(oldcxt);
	return result == JSON_SUCCESS;
}

NcHost
news_host_for(MemoryContext cxt)
{
	NcHost		host;

	host.alloc = host_alloc;
	host.should_stop = host_should_stop;
	host.zone_offset = host_zone_offset;
	host.parse_json = host_parse_json;
	host.arg = cxt;
	return host;
}

NcLimits
news_limits(void)
{
	NcLimits	limits;

	limits.max_page_bytes = (size_t) news_max_page_bytes;
	limits.max_tree_depth = 256;
	return limits;
}

void
news_check_page_size(size_t len)
{
	if (len > (size_t) news_max_page_bytes)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("article page is too large: %zu bytes", len),
				 errdetail("news.max_page_bytes is %d bytes.", news_max_page_bytes),
				 errhint("Raise news.max_page_bytes, or store the page without inline images.")));
}

void
news_report_core_error(const NcError *err)
{
	switch (err->status)
	{
		case NC_CANCELLED:
			CHECK_FOR_INTERRUPTS();
			/* The interrupt was a false alarm: still, the work is abandoned. */
			ereport(ERROR,
					(errcode(ERRCODE_QUERY_CANCELED),
					 errmsg("pg_news parse was interrupted")));
			break;
		case NC_NO_MEMORY:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory while parsing an article page"),
					 errdetail("%s", err->detail)));
			break;
		case NC_TOO_LARGE:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("article page exceeds a pg_news limit"),
					 errdetail("%s", err->detail),
					 errhint("The page size is limited by news.max_page_bytes; the other limits keep "
							 "the HTML parser's work bounded and are fixed.")));
			break;
		case NC_BAD_ENCODING:
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("article page cannot be decoded"),
					 errdetail("%s", err->detail)));
			break;
		case NC_OK:
			break;
	}
	elog(ERROR, "unrecognized pg_news core status: %d", (int) err->status);
}

const char *
news_text_to_utf8(const text *t, size_t *len)
{
	int			n = VARSIZE_ANY_EXHDR(t);
	const char *bytes = VARDATA_ANY(t);
	const char *utf8 = pg_server_to_any(bytes, n, PG_UTF8);

	*len = (utf8 == bytes) ? (size_t) n : strlen(utf8);
	return utf8;
}

text *
news_text_from_utf8(const char *s)
{
	size_t		len = strlen(s);
	char	   *converted = pg_any_to_server(s, (int) len, PG_UTF8);

	if (converted == s)
		return cstring_to_text_with_len(s, (int) len);
	return cstring_to_text(converted);
}

bool
news_timestamp_from_core(const NcTimestamp *ts, bool instant, Timestamp *result)
{
	struct pg_tm tm;
	int			tz;

	if (!ts->valid)
		return false;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = ts->local.year;
	tm.tm_mon = ts->local.month;
	tm.tm_mday = ts->local.day;
	tm.tm_hour = ts->local.hour;
	tm.tm_min = ts->local.minute;
	tm.tm_sec = ts->local.second;
	/* Without a zone the page's time is taken as UTC, never the session's zone. */
	tz = ts->has_offset ? -ts->utc_offset : 0;
	if (tm2timestamp(&tm, ts->local.microsecond, instant ? &tz : NULL, result) != 0)
		return false;
	return IS_VALID_TIMESTAMP(*result);
}

void
news_check_zone_name(const char *zone)
{
	if (pg_tzset(zone) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" not recognized", zone),
				 errhint("Give an IANA time-zone name such as \"Asia/Kolkata\" or \"Europe/London\"; "
						 "pg_timezone_names lists them.")));
}
