/*
 * src/article.c
 *		news.parse_article(text|bytea, ...): a page in, a news.article out.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/json.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "utils/xml.h"


#include "pg_news.h"

/* Columns of news.article, in the order 10_article.sql declares them. */
enum
{
	COL_URL, COL_CANONICAL_URL, COL_SITE_NAME, COL_LANG, COL_HEADLINE,
	COL_SUMMARY, COL_SECTION, COL_TAGS, COL_AUTHORS, COL_PUBLISHED_AT,
	COL_UPDATED_AT, COL_PUBLISHED_LOCAL, COL_UPDATED_LOCAL, COL_DATELINE_PLACE,
	COL_AGENCY, COL_BODY, COL_IMAGE_URL, COL_WORD_COUNT, COL_PROVENANCE,
	ARTICLE_COLUMNS
};

static Datum
text_datum(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return *isnull ? (Datum) 0 : PointerGetDatum(news_text_from_utf8(s));
}

static Datum
text_array_datum(const NcStrList *list, bool *isnull)
{
	Datum	   *items;
	int			i;

	*isnull = (list->count == 0);
	if (*isnull)
		return (Datum) 0;
	items = palloc(sizeof(Datum) * list->count);
	for (i = 0; i < list->count; i++)
		items[i] = PointerGetDatum(news_text_from_utf8(list->items[i]));
	return PointerGetDatum(construct_array(items, list->count, TEXTOID, -1, false, TYPALIGN_INT));
}

/* The UTC instant, or the page's wall-clock time (NULL when its zone is unknown). */
static Datum
timestamp_datum(const NcTimestamp *ts, bool utc, bool *isnull)
{
	Timestamp	result;

	*isnull = !((utc || ts->has_offset) && news_timestamp_from_core(ts, utc, &result));
	return *isnull ? (Datum) 0 : TimestampGetDatum(result);
}

/* {"field": {"source": ..., "raw": ...}, ...} */
static Datum
provenance_datum(const NcArticle *a, bool *isnull)
{
	StringInfoData buf;
	int			i;

	*isnull = (a->provenance_count == 0);
	if (*isnull)
		return (Datum) 0;
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < a->provenance_count; i++)
	{
		const NcProvenance *p = &a->provenance[i];

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		escape_json(&buf, p->field);
		appendStringInfoString(&buf, ": {\"source\": ");
		escape_json(&buf, p->source);
		if (p->raw)
		{
			appendStringInfoString(&buf, ", \"raw\": ");
			escape_json(&buf, pg_any_to_server(p->raw, strlen(p->raw), PG_UTF8));
		}
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfoChar(&buf, '}');
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data));
}

static Datum
article_datum(FunctionCallInfo fcinfo, const NcArticle *a)
{
	TupleDesc	tupdesc;
	Datum		values[ARTICLE_COLUMNS];
	bool		nulls[ARTICLE_COLUMNS];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "news.parse_article must return news.article");
	if (tupdesc->natts != ARTICLE_COLUMNS)
		elog(ERROR, "news.article has %d columns, the library expects %d: is the extension up to date?",
			 tupdesc->natts, ARTICLE_COLUMNS);
	tupdesc = BlessTupleDesc(tupdesc);

	values[COL_URL] = text_datum(a->url, &nulls[COL_URL]);
	values[COL_CANONICAL_URL] = text_datum(a->canonical_url, &nulls[COL_CANONICAL_URL]);
	values[COL_SITE_NAME] = text_datum(a->site_name, &nulls[COL_SITE_NAME]);
	values[COL_LANG] = text_datum(a->lang, &nulls[COL_LANG]);
	values[COL_HEADLINE] = text_datum(a->headline, &nulls[COL_HEADLINE]);
	values[COL_SUMMARY] = text_datum(a->summary, &nulls[COL_SUMMARY]);
	values[COL_SECTION] = text_datum(a->section, &nulls[COL_SECTION]);
	values[COL_TAGS] = text_array_datum(&a->tags, &nulls[COL_TAGS]);
	values[COL_AUTHORS] = text_array_datum(&a->authors, &nulls[COL_AUTHORS]);
	values[COL_PUBLISHED_AT] = timestamp_datum(&a->published, true, &nulls[COL_PUBLISHED_AT]);
	values[COL_UPDATED_AT] = timestamp_datum(&a->updated, true, &nulls[COL_UPDATED_AT]);
	values[COL_PUBLISHED_LOCAL] = timestamp_datum(&a->published, false, &nulls[COL_PUBLISHED_LOCAL]);
	values[COL_UPDATED_LOCAL] = timestamp_datum(&a->updated, false, &nulls[COL_UPDATED_LOCAL]);
	values[COL_DATELINE_PLACE] = text_datum(a->dateline_place, &nulls[COL_DATELINE_PLACE]);
	values[COL_AGENCY] = text_datum(a->agency, &nulls[COL_AGENCY]);
	values[COL_BODY] = text_datum(a->body, &nulls[COL_BODY]);
	values[COL_IMAGE_URL] = text_datum(a->image_url, &nulls[COL_IMAGE_URL]);
	values[COL_WORD_COUNT] = Int32GetDatum(a->word_count);
	nulls[COL_WORD_COUNT] = (a->body == NULL);
	values[COL_PROVENANCE] = provenance_datum(a, &nulls[COL_PROVENANCE]);

	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

static char *
optional_text_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	return text_to_cstring(PG_GETARG_TEXT_PP(argno));
}

/*
 * Runs the core over one page.  Scratch memory lives in a child context
 * deleted before return; the result tuple is built in the caller's context.
 */
static Datum
parse_page(FunctionCallInfo fcinfo, NcArticleRequest *request)
{
	MemoryContext callcxt;
	MemoryContext oldcxt;
	PgXmlErrorContext *xmlerrcxt;
	volatile NcStatus status = NC_OK;
	NcHost		host;
	NcLimits	limits = news_limits();
	NcArticle	article;
	NcError		err;
	Datum		result;
	int			attempt;

	news_check_page_size(request->len);
	if (request->default_zone)
		news_check_zone_name(request->default_zone);

	callcxt = AllocSetContextCreate(CurrentMemoryContext, "pg_news parse",
									ALLOCSET_DEFAULT_SIZES);
	host = news_host_for(callcxt);
	for (attempt = 0;; attempt++)
	{
		xmlerrcxt = pg_xml_init(PG_XML_STRICTNESS_LEGACY);
		PG_TRY();
		{
			status = nc_parse_article(&host, &limits, request, &article, &err);
		}
		PG_CATCH();
		{
			pg_xml_done(xmlerrcxt, true);
			PG_RE_THROW();
		}
		PG_END_TRY();
		pg_xml_done(xmlerrcxt, false);

		/*
		 * The core stopped for a pending cancel: raise it.  Should the
		 * interrupt turn out to be one the server absorbs (a cancel that
		 * arrived while cancels were held off), parse again.
		 */
		if (status != NC_CANCELLED || attempt >= 2)
			break;
		CHECK_FOR_INTERRUPTS();
		MemoryContextReset(callcxt);
	}
	if (status != NC_OK)
		news_report_core_error(&err);

	/* Text conversions allocate: keep them out of the caller's context. */
	oldcxt = MemoryContextSwitchTo(callcxt);
	result = article_datum(fcinfo, &article);
	MemoryContextSwitchTo(oldcxt);
	result = datumCopy(result, false, -1);
	MemoryContextDelete(callcxt);
	PG_RETURN_DATUM(result);
}

PG_FUNCTION_INFO_V1(news_parse_article_text);
Datum
news_parse_article_text(PG_FUNCTION_ARGS)
{
	text	   *html;
	NcArticleRequest request;
	const char *utf8;
	size_t		len;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	html = PG_GETARG_TEXT_PP(0);
	news_check_page_size(VARSIZE_ANY_EXHDR(html));
	utf8 = news_text_to_utf8(html, &len);

	memset(&request, 0, sizeof(request));
	request.bytes = utf8;
	request.len = len;
	request.charset = "UTF-8";
	request.url = optional_text_arg(fcinfo, 1);
	request.default_zone = optional_text_arg(fcinfo, 2);
	return parse_page(fcinfo, &request);
}

PG_FUNCTION_INFO_V1(news_parse_article_bytea);
Datum
news_parse_article_bytea(PG_FUNCTION_ARGS)
{
	bytea	   *html;
	NcArticleRequest request;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	html = PG_GETARG_BYTEA_PP(0);

	memset(&request, 0, sizeof(request));
	request.bytes = VARDATA_ANY(html);
	request.len = VARSIZE_ANY_EXHDR(html);
	request.url = optional_text_arg(fcinfo, 1);
	request.content_type = optional_text_arg(fcinfo, 2);
	request.default_zone = optional_text_arg(fcinfo, 3);
	return parse_page(fcinfo, &request);
}
