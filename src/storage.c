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

#include "pg_news.h"

PG_FUNCTION_INFO_V1(news_simhash);
Datum
news_simhash(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		len;
	const char *utf8;
	NcHost		host = news_host_for(CurrentMemoryContext);
	NcError		err;
	uint64_t	fingerprint;
	bool		has_words;

	/* The core reads UTF-8: words must split alike in every database. */
	utf8 = news_text_to_utf8(t, &len);

	/*
	 * The shared host stops only for a cancel or a termination, not for the
	 * harmless interrupts CHECK_FOR_INTERRUPTS absorbs; nc_simhash reports
	 * nothing but its status.
	 */
	memset(&err, 0, sizeof(err));
	err.status = nc_simhash(&host, utf8, len, &fingerprint, &has_words);
	if (err.status != NC_OK)
		news_report_core_error(&err);
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
