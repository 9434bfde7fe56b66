/*
 * src/datelines.c
 *		news.parse_dateline(lead) and news.agency_name(credit): datelines
 *		and news agencies.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "pg_news.h"

/* Characters in the first len bytes of UTF-8 text. */
static int
utf8_chars(const char *s, size_t len)
{
	int			n = 0;
	size_t		i;

	for (i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

PG_FUNCTION_INFO_V1(news_parse_dateline);
Datum
news_parse_dateline(PG_FUNCTION_ARGS)
{
	size_t		len;
	const char *lead = news_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	NcHost		host = news_host_for(CurrentMemoryContext);
	NcDateline	dateline;
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	if (!nc_parse_dateline(&host, lead, len, &dateline))
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "news.parse_dateline must return news.dateline");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = PointerGetDatum(news_text_from_utf8(dateline.place));
	if (dateline.agency)
		values[1] = PointerGetDatum(news_text_from_utf8(dateline.agency));
	else
		nulls[1] = true;
	values[2] = Int32GetDatum(utf8_chars(lead, dateline.story_offset));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(news_agency_name);
Datum
news_agency_name(PG_FUNCTION_ARGS)
{
	size_t		len;
	const char *credit = news_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	const char *agency = nc_agency_name(credit, len);

	if (agency == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(news_text_from_utf8(agency));
}
