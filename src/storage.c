/*
 * src/storage.c
 *		news.simhash(text) and news.hamming(bigint, bigint): the fingerprints
 *		news.articles keeps for near-duplicate (wire copy) search.
 *
 * The fingerprint is an unsigned 64-bit value stored in a bigint, bit for
 * bit, so it may print as a negative number.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"

#include "pg_news.h"

static bool
simhash_should_stop(void *arg)
{
	(void) arg;
	return INTERRUPTS_PENDING_CONDITION();
}

PG_FUNCTION_INFO_V1(news_simhash);
Datum
news_simhash(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	char	   *utf8;
	NcHost		host;
	uint64_t	fingerprint;
	bool		has_words;
	NcStatus	status;

	/* The core reads UTF-8: words must split alike in every database. */
	utf8 = pg_server_to_any(s, (int) len, PG_UTF8);
	if (utf8 != s)
		len = strlen(utf8);

	memset(&host, 0, sizeof(host));
	host.should_stop = simhash_should_stop;
	status = nc_simhash(&host, utf8, len, &fingerprint, &has_words);
	if (status == NC_CANCELLED)
	{
		CHECK_FOR_INTERRUPTS();
		ereport(ERROR,
				(errcode(ERRCODE_QUERY_CANCELED),
				 errmsg("canceling news.simhash")));
	}
	if (status != NC_OK)
		elog(ERROR, "unrecognized simhash status: %d", (int) status);
	if (!has_words)
		PG_RETURN_NULL();
	PG_RETURN_INT64((int64) fingerprint);
}

PG_FUNCTION_INFO_V1(news_hamming);
Datum
news_hamming(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(nc_hamming((uint64_t) PG_GETARG_INT64(0),
							   (uint64_t) PG_GETARG_INT64(1)));
}
