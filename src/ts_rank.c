/*
 * src/ts_rank.c
 *		BM25 ranking over stored corpus statistics, the tsvector length it
 *		needs, and the paragraph prefilter of news.highlight.
 *
 * ts_rank has no inverse document frequency.  news.bm25 weighs each query
 * lexeme by idf = ln(1 + (N - df + 0.5) / (df + 0.5)) with N and df from
 * news.bm25_corpus / news.bm25_terms (filled by news.bm25_analyze), and
 * the term frequency by the lexeme's positions in the vector.  The
 * statistics of one (corpus, query) pair are read once per query and
 * cached in fn_extra, so ranking 10,000 matches costs one SPI round trip.
 */
#include "postgres.h"

#include <math.h>

#include "executor/spi.h"
#include "fmgr.h"
#include "tsearch/ts_type.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "nc_core.h"

/* Positions in a vector, a lexeme without positions counting once. */
static int64
vector_length(TSVector v)
{
	WordEntry  *we = ARRPTR(v);
	int64		n = 0;
	int			i;

	for (i = 0; i < v->size; i++)
		n += we[i].haspos ? POSDATALEN(v, &we[i]) : 1;
	return n;
}

PG_FUNCTION_INFO_V1(news_token_count);
Datum
news_token_count(PG_FUNCTION_ARGS)
{
	TSVector	v = PG_GETARG_TSVECTOR(0);
	int64		n = vector_length(v);

	PG_FREE_IF_COPY(v, 0);
	PG_RETURN_INT32((int32) Min(n, PG_INT32_MAX));
}

typedef struct Bm25Cache
{
	char	   *corpus;
	TSQuery		query;			/* a copy, to notice a different query */
	double		documents;
	double		avg_length;
	int			nterms;
	char	  **terms;
	int		   *lens;
	double	   *idf;
} Bm25Cache;

static Bm25Cache *
bm25_load(FunctionCallInfo fcinfo, const char *corpus, TSQuery query)
{
	MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;
	Bm25Cache  *c = (Bm25Cache *) fcinfo->flinfo->fn_extra;
	QueryItem  *item = GETQUERY(query);
	char	   *operand = GETOPERAND(query);
	Oid			argtypes[2] = {TEXTOID, TEXTOID};
	Datum		args[2];
	int			i,
				ret;
	bool		isnull;

	if (c && strcmp(c->corpus, corpus) == 0 && VARSIZE(c->query) == VARSIZE(query) &&
		memcmp(c->query, query, VARSIZE(query)) == 0)
		return c;

	c = MemoryContextAllocZero(mcxt, sizeof(Bm25Cache));
	c->corpus = MemoryContextStrdup(mcxt, corpus);
	c->query = MemoryContextAlloc(mcxt, VARSIZE(query));
	memcpy(c->query, query, VARSIZE(query));
	c->terms = MemoryContextAllocZero(mcxt, sizeof(char *) * (query->size + 1));
	c->lens = MemoryContextAllocZero(mcxt, sizeof(int) * (query->size + 1));
	c->idf = MemoryContextAllocZero(mcxt, sizeof(double) * (query->size + 1));

	SPI_connect();
	args[0] = CStringGetTextDatum(corpus);
	ret = SPI_execute_with_args("SELECT documents::float8, avg_length FROM news.bm25_corpus WHERE corpus = $1",
								1, argtypes, args, NULL, true, 1);
	if (ret != SPI_OK_SELECT || SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("no BM25 statistics for corpus \"%s\"", corpus),
				 errhint("Run news.bm25_analyze('%s', 'SELECT <tsvector column> FROM <table>') first.",
						 corpus)));
	c->documents = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	c->avg_length = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	if (c->avg_length <= 0)
		c->avg_length = 1;

	for (i = 0; i < query->size; i++)
	{
		QueryOperand *op;
		double		df = 0;
		int			j;
		bool		dup = false;

		if (item[i].type != QI_VAL)
			continue;
		op = &item[i].qoperand;
		for (j = 0; j < c->nterms; j++)
			if (c->lens[j] == op->length &&
				memcmp(c->terms[j], operand + op->distance, op->length) == 0)
				dup = true;
		if (dup)
			continue;
		args[1] = PointerGetDatum(cstring_to_text_with_len(operand + op->distance, op->length));
		ret = SPI_execute_with_args("SELECT documents::float8 FROM news.bm25_terms WHERE corpus = $1 AND lexeme = $2",
									2, argtypes, args, NULL, true, 1);
		if (ret == SPI_OK_SELECT && SPI_processed > 0)
			df = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		c->terms[c->nterms] = MemoryContextAlloc(mcxt, op->length);
		memcpy(c->terms[c->nterms], operand + op->distance, op->length);
		c->lens[c->nterms] = op->length;
		c->idf[c->nterms] = log(1.0 + (c->documents - df + 0.5) / (df + 0.5));
		c->nterms++;
	}
	SPI_finish();
	fcinfo->flinfo->fn_extra = c;
	return c;
}

/* The entry of a lexeme in a vector, or NULL (entries are sorted as tsCompareString). */
static WordEntry *
find_lexeme(TSVector v, const char *lex, int len)
{
	WordEntry  *we = ARRPTR(v);
	char	   *str = STRPTR(v);
	int			lo = 0,
				hi = v->size;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		int			cmp = tsCompareString(str + we[mid].pos, we[mid].len, (char *) lex, len, false);

		if (cmp == 0)
			return &we[mid];
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

PG_FUNCTION_INFO_V1(news_bm25);
Datum
news_bm25(PG_FUNCTION_ARGS)
{
	text	   *corpus = PG_GETARG_TEXT_PP(0);
	TSVector	v = PG_GETARG_TSVECTOR(1);
	TSQuery		q = PG_GETARG_TSQUERY(2);
	double		k1 = PG_GETARG_FLOAT8(3);
	double		b = PG_GETARG_FLOAT8(4);
	Bm25Cache  *c;
	double		dl,
				score = 0;
	int			i;

	if (k1 < 0 || b < 0 || b > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid BM25 parameters: k1 = %g, b = %g", k1, b),
				 errdetail("k1 must be at least 0 and b between 0 and 1."),
				 errhint("The usual values are k1 = 1.2 and b = 0.75.")));
	c = bm25_load(fcinfo, text_to_cstring(corpus), q);
	dl = (double) vector_length(v);
	for (i = 0; i < c->nterms; i++)
	{
		WordEntry  *e = find_lexeme(v, c->terms[i], c->lens[i]);
		double		tf;

		if (e == NULL)
			continue;
		tf = e->haspos ? POSDATALEN(v, e) : 1;
		score += c->idf[i] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / c->avg_length));
	}
	PG_RETURN_FLOAT8(score);
}

/*
 * False only when no token of the paragraph can give a lexeme of the
 * query: each query lexeme must be a prefix of some folded token, or
 * differ from one only in its last letter (Snowball stems: happi/happy).
 * Lexemes that are not plain letters (numbers, money, entity names with
 * spaces, tags) disable the filter.
 */
PG_FUNCTION_INFO_V1(news_paragraph_may_match);
Datum
news_paragraph_may_match(PG_FUNCTION_ARGS)
{
	text	   *para = PG_GETARG_TEXT_PP(0);
	TSQuery		q = PG_GETARG_TSQUERY(1);
	QueryItem  *item = GETQUERY(q);
	char	   *operand = GETOPERAND(q);
	const char *s = VARDATA_ANY(para);
	size_t		len = VARSIZE_ANY_EXHDR(para);
	const char **prefix = palloc(sizeof(char *) * q->size);
	size_t	   *prefix_len = palloc(sizeof(size_t) * q->size);
	int			nprefixes = 0;
	NcTokenizer tz;
	size_t		st,
				tl;
	int			t,
				i;
	char	   *buf = NULL;
	size_t		bufcap = 0;

	/* The prefix of each query lexeme a token must start with. */
	for (i = 0; i < q->size; i++)
	{
		QueryOperand *op;
		int			j;

		if (item[i].type != QI_VAL)
			continue;
		op = &item[i].qoperand;
		for (j = 0; j < op->length; j++)
		{
			unsigned char ch = operand[op->distance + j];

			if (!(ch >= 'a' && ch <= 'z') && ch < 0x80)
				PG_RETURN_BOOL(true);
		}
		prefix[nprefixes] = operand + op->distance;
		prefix_len[nprefixes] = op->length > 3 ? op->length - 1 : op->length;
		nprefixes++;
	}

	nc_tokenizer_init(&tz, s, len);
	while ((t = nc_tokenizer_next(&tz, &st, &tl)) != NC_TOK_END)
	{
		size_t		o;

		if (t == NC_TOK_BLANK)
			continue;
		if (3 * tl + 1 > bufcap)
		{
			bufcap = 3 * tl + 64;
			buf = buf ? repalloc(buf, bufcap) : palloc(bufcap);
		}

		/* The dictionaries' key: a query lexeme is obrien for O'Brien written either way. */
		o = nc_fold_key(s + st, tl, buf);
		for (i = 0; i < nprefixes; i++)
			if (o >= prefix_len[i] && memcmp(buf, prefix[i], prefix_len[i]) == 0)
				PG_RETURN_BOOL(true);
	}
	PG_RETURN_BOOL(false);
}
