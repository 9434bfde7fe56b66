/*
 * src/ts_parser.c
 *		news.parser: the text-search parser over the core tokeniser.
 *
 * start / nexttoken / end / lextype.  Token ids 1..23 mean what they mean
 * in PostgreSQL's default parser, so the parser declares the built-in
 * prsd_headline as its headline function; the news types (acronym,
 * money, hashtag, ...) follow from 24.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "tsearch/ts_public.h"
#include "utils/memutils.h"

#include "nc_core.h"

PG_FUNCTION_INFO_V1(news_prs_start);
Datum
news_prs_start(PG_FUNCTION_ARGS)
{
	NcTokenizer *tz = palloc(sizeof(NcTokenizer));

	nc_tokenizer_init(tz, (const char *) PG_GETARG_POINTER(0), (size_t) PG_GETARG_INT32(1));
	PG_RETURN_POINTER(tz);
}

PG_FUNCTION_INFO_V1(news_prs_nexttoken);
Datum
news_prs_nexttoken(PG_FUNCTION_ARGS)
{
	NcTokenizer *tz = (NcTokenizer *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	size_t		start,
				len;
	int			type;

	/*
	 * to_tsvector runs the whole text through here in one call: a cancel
	 * must not wait for 40 MB of tokens.  The tokeniser holds no memory of
	 * its own, so raising here leaks nothing.
	 */
	CHECK_FOR_INTERRUPTS();
	type = nc_tokenizer_next(tz, &start, &len);
	if (type == NC_TOK_END)
		PG_RETURN_INT32(0);
	*t = (char *) tz->text + start;
	*tlen = (int) len;
	PG_RETURN_INT32(type);
}

PG_FUNCTION_INFO_V1(news_prs_end);
Datum
news_prs_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(news_prs_lextype);
Datum
news_prs_lextype(PG_FUNCTION_ARGS)
{
	LexDescr   *descr = palloc(sizeof(LexDescr) * (NC_TOK_LAST + 1));
	int			i;

	for (i = 1; i <= NC_TOK_LAST; i++)
	{
		descr[i - 1].lexid = i;
		descr[i - 1].alias = pstrdup(nc_token_alias(i));
		descr[i - 1].descr = pstrdup(nc_token_description(i));
	}
	descr[NC_TOK_LAST].lexid = 0;
	PG_RETURN_POINTER(descr);
}
