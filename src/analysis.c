/*
 * src/analysis.c
 *		news.quotes, news.cited_sources, news.entities, news.text_stats:
 *		who said what, citing whom, about whom, in an article body.
 *
 * The entity list (tsearch_data/pg_news_entities.tsv) comes from
 * news_entity_list, read once per backend.  Each set-returning call runs
 * the core in a child context of the caller's, deleted once its rows are
 * in the materialised tuplestore.
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

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return *isnull ? (Datum) 0 : PointerGetDatum(news_text_from_utf8(s));
}

/*
 * Sets up the materialised result of a set-returning analysis function and
 * runs the core on the body in argument 0: nc_find_quotes when quotes is
 * given, else nc_find_entities.  The results live in the context returned,
 * which the caller deletes once its rows are stored.
 */
static MemoryContext
analyse_body(FunctionCallInfo fcinfo, NcQuoteResult *quotes, NcEntityResult *entities)
{
	const NcEntityDict *dict = news_entity_list("pg_news_entities");
	size_t		len;
	const char *body;
	MemoryContext cxt;
	NcHost		host;
	NcError		err;
	NcStatus	status;

	InitMaterializedSRF(fcinfo, 0);
	body = news_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	cxt = AllocSetContextCreate(CurrentMemoryContext, "pg_news analysis", ALLOCSET_DEFAULT_SIZES);
	host = news_host_for(cxt);
	memset(&err, 0, sizeof(err));
	if (quotes)
		status = nc_find_quotes(&host, dict, body, len, quotes, &err);
	else
		status = nc_find_entities(&host, dict, body, len, entities, &err);
	if (status != NC_OK)
		news_report_core_error(&err);
	return cxt;
}

PG_FUNCTION_INFO_V1(news_quotes);
Datum
news_quotes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	NcQuoteResult result;
	MemoryContext cxt = analyse_body(fcinfo, &result, NULL);
	int			i;

	for (i = 0; i < result.nquotes; i++)
	{
		const NcQuote *q = &result.quotes[i];
		Datum		values[6];
		bool		nulls[6] = {false};

		values[0] = text_or_null(q->quote, &nulls[0]);
		values[1] = text_or_null(q->speaker, &nulls[1]);
		values[2] = text_or_null(q->speaker_role, &nulls[2]);
		values[3] = text_or_null(q->cue, &nulls[3]);
		values[4] = Int32GetDatum(q->paragraph);
		values[5] = BoolGetDatum(q->partial);
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
	NcQuoteResult result;
	MemoryContext cxt = analyse_body(fcinfo, &result, NULL);
	int			i;

	for (i = 0; i < result.nsources; i++)
	{
		const NcSource *s = &result.sources[i];
		Datum		values[4];
		bool		nulls[4] = {false};

		values[0] = text_or_null(s->source, &nulls[0]);
		values[1] = text_or_null(s->kind, &nulls[1]);
		values[2] = Int32GetDatum(s->mentions);
		values[3] = Int32GetDatum(s->first_paragraph);
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
	NcEntityResult result;
	MemoryContext cxt = analyse_body(fcinfo, NULL, &result);
	int			i;

	for (i = 0; i < result.count; i++)
	{
		const NcEntity *e = &result.items[i];
		Datum		values[3];
		bool		nulls[3] = {false};

		values[0] = text_or_null(e->entity, &nulls[0]);
		values[1] = text_or_null(e->kind, &nulls[1]);
		values[2] = Int32GetDatum(e->mentions);
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
	const char *body = news_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	Datum		values[6];
	bool		nulls[6] = {false};

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
