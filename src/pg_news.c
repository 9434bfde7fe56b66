/*
 * src/pg_news.c
 *		Module magic and the news.* settings.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "pg_news.h"

PG_MODULE_MAGIC;

/* Pages above this size are refused before any parsing. */
int			news_max_page_bytes = 32 * 1024 * 1024;

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomIntVariable("news.max_page_bytes",
							"Largest article page, in bytes, that pg_news parses.",
							"Larger pages are refused with an error before any parsing.",
							&news_max_page_bytes,
							32 * 1024 * 1024,
							1024,
							MaxAllocSize / 4,
							PGC_USERSET,
							GUC_UNIT_BYTE,
							NULL, NULL, NULL);
	MarkGUCPrefixReserved("news");
}
