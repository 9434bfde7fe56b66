/*
 * src/timestamps.c
 *		news.parse_timestamp(input, default_zone, reference): the date-time
 *		strings news sites print, as timestamptz.
 *
 * The zone context is the caller's default_zone, never the session's
 * TimeZone, so the function is IMMUTABLE: the same arguments give the same
 * instant in every session (PostgreSQL's own timezone(text, timestamptz)
 * is IMMUTABLE on the same grounds).  A string without any zone, read
 * without default_zone, is taken as UTC.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "pg_news.h"

/* The reference instant as the wall clock of zone (UTC when zone is NULL). */
static bool
reference_from_timestamptz(TimestampTz t, const char *zone, NcTimestamp *ref)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tz;
	pg_tz	   *tzp = NULL;

	memset(ref, 0, sizeof(*ref));
	if (TIMESTAMP_NOT_FINITE(t))
		return false;
	if (zone)
		tzp = pg_tzset(zone);
	if (timestamp2tm(t, tzp ? &tz : NULL, &tm, &fsec, NULL, tzp) != 0)
		return false;
	ref->valid = true;
	ref->has_time = true;
	ref->has_offset = true;
	ref->utc_offset = tzp ? -tz : 0;
	ref->zone = zone;
	ref->local.year = tm.tm_year;
	ref->local.month = tm.tm_mon;
	ref->local.day = tm.tm_mday;
	ref->local.hour = tm.tm_hour;
	ref->local.minute = tm.tm_min;
	ref->local.second = tm.tm_sec;
	ref->local.microsecond = fsec;
	return true;
}

PG_FUNCTION_INFO_V1(news_parse_timestamp);
Datum
news_parse_timestamp(PG_FUNCTION_ARGS)
{
	text	   *input;
	char	   *zone = NULL;
	const char *utf8;
	size_t		len;
	NcHost		host;
	NcZoneContext context;
	NcTimestamp reference;
	NcTimestamp ts;
	TimestampTz result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	input = PG_GETARG_TEXT_PP(0);
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
	{
		zone = text_to_cstring(PG_GETARG_TEXT_PP(1));
		news_check_zone_name(zone);
	}

	memset(&context, 0, sizeof(context));
	context.default_zone = zone;
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2) &&
		reference_from_timestamptz(PG_GETARG_TIMESTAMPTZ(2), zone, &reference))
		context.reference = &reference;

	utf8 = news_text_to_utf8(input, &len);

	/* The reader allocates nothing: the caller's context will do. */
	host = news_host_for(CurrentMemoryContext);
	if (!nc_parse_timestamp(&host, utf8, len, &context, &ts) ||
		!news_timestamp_from_core(&ts, true, &result))
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(result);
}

/* A country code from the core as text, NULL for none. */
static Datum
country_datum(FunctionCallInfo fcinfo, const char *country)
{
	if (country == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(country));
}

PG_FUNCTION_INFO_V1(news_host_country);
Datum
news_host_country(PG_FUNCTION_ARGS)
{
	return country_datum(fcinfo, nc_country_of_host(text_to_cstring(PG_GETARG_TEXT_PP(0))));
}

PG_FUNCTION_INFO_V1(news_language_country);
Datum
news_language_country(PG_FUNCTION_ARGS)
{
	return country_datum(fcinfo, nc_country_of_language(text_to_cstring(PG_GETARG_TEXT_PP(0))));
}
