/*
 * src/analysis.c
 *		news.quotes, news.cited_sources, news.entities, news.text_stats:
 *		who said what, citing whom, about whom, in an article body.
 *
 * The entity list (tsearch_data/pg_news_entities.tsv) comes from
 * news_entity_list, read once per backend.  Each call
 * runs the core in a child context of the caller's, deleted before return;
 * rows go to a materialised tuplestore.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "pg_news.h"

/* The body as NUL-terminated UTF-8. */
static char *
body_utf8(text *body, size_t *len)
{
	char	   *s = text_to_cstring(body);
	char	   *utf8 = pg_server_to_any(s, strlen(s), PG_UTF8);

	*len = strlen(utf8);
	return utf8;
}

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return *isnull ? (Datum) 0 : PointerGetDatum(news_text_from_utf8(s));
}

/* Runs the quote analysis of argument 0 in cxt. */
static void
analyse_quotes(FunctionCallInfo fcinfo, MemoryContext cxt, NcQuoteResult *result)
{
	const NcEntityDict *dict = news_entity_list("pg_news_entities");
	size_t		len;
	char	   *body = body_utf8(PG_GETARG_TEXT_PP(0), &len);
	NcHost		host = news_host_for(cxt);
	NcError		err;

	memset(&err, 0, sizeof(err));
	if (nc_find_quotes(&host, dict, body, len, result, &err) != NC_OK)
		news_report_core_error(&err);
}

PG_FUNCTION_INFO_V1(news_quotes);
Datum
news_quotes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext cxt;
	NcQuoteResult result;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	cxt = AllocSetContextCreate(CurrentMemoryContext, "pg_news quotes", ALLOCSET_DEFAULT_SIZES);
	analyse_quotes(fcinfo, cxt, &result);
	for (i = 0; i < result.nquotes; i++)
	{
		const NcQuote *q = &result.quotes[i];
		Datum		values[6];
		bool		nulls[6];

		values[0] = text_or_null(q->quote, &nulls[0]);
		values[1] = text_or_null(q->speaker, &nulls[1]);
		values[2] = text_or_null(q->speaker_role, &nulls[2]);
		values[3] = text_or_null(q->cue, &nulls[3]);
		values[4] = Int32GetDatum(q->paragraph);
		nulls[4] = false;
		values[5] = BoolGetDatum(q->partial);
		nulls[5] = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(news_cited_sources);
Datum
news_cited_sources(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext cxt;
	NcQuoteResult result;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	cxt = AllocSetContextCreate(CurrentMemoryContext, "pg_news sources", ALLOCSET_DEFAULT_SIZES);
	analyse_quotes(fcinfo, cxt, &result);
	for (i = 0; i < result.nsources; i++)
	{
		const NcSource *s = &result.sources[i];
		Datum		values[4];
		bool		nulls[4];

		values[0] = text_or_null(s->source, &nulls[0]);
		values[1] = text_or_null(s->kind, &nulls[1]);
		values[2] = Int32GetDatum(s->mentions);
		nulls[2] = false;
		values[3] = Int32GetDatum(s->first_paragraph);
		nulls[3] = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(news_entities);
Datum
news_entities(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const NcEntityDict *dict = news_entity_list("pg_news_entities");
	MemoryContext cxt;
	NcHost		host;
	NcError		err;
	NcEntityResult result;
	size_t		len;
	char	   *body;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	body = body_utf8(PG_GETARG_TEXT_PP(0), &len);
	cxt = AllocSetContextCreate(CurrentMemoryContext, "pg_news entities", ALLOCSET_DEFAULT_SIZES);
	host = news_host_for(cxt);
	memset(&err, 0, sizeof(err));
	if (nc_find_entities(&host, dict, body, len, &result, &err) != NC_OK)
		news_report_core_error(&err);
	for (i = 0; i < result.count; i++)
	{
		Datum		values[3];
		bool		nulls[3];

		values[0] = text_or_null(result.items[i].entity, &nulls[0]);
		values[1] = text_or_null(result.items[i].kind, &nulls[1]);
		values[2] = Int32GetDatum(result.items[i].mentions);
		nulls[2] = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(news_text_stats);
Datum
news_text_stats(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	NcTextStats stats;
	size_t		len;
	char	   *body = body_utf8(PG_GETARG_TEXT_PP(0), &len);
	Datum		values[6];
	bool		nulls[6] = {false, false, false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "news.text_stats must return a composite type");
	tupdesc = BlessTupleDesc(tupdesc);
	nc_text_stats(body, len, &stats);
	values[0] = Int32GetDatum(stats.words);
	values[1] = Int32GetDatum(stats.sentences);
	values[2] = Int32GetDatum(stats.paragraphs);
	values[3] = Int32GetDatum(stats.syllables);
	values[4] = Float8GetDatum(stats.reading_minutes);
	/* No sentence, no readability */
	values[5] = Float8GetDatum(stats.flesch_reading_ease);
	nulls[5] = (stats.words == 0 || stats.sentences == 0);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
