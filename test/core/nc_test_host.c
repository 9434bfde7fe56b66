/*
 * test/core/nc_test_host.c
 *		The standalone NcHost: malloc'd blocks freed all at once, time zones
 *		from the C library's tz database, JSON from PostgreSQL's frontend
 *		common/jsonapi (libpgcommon), the same parser the server uses.
 */
#include "postgres_fe.h"

#include <stdarg.h>
#include <time.h>
#include <unistd.h>

#include "common/jsonapi.h"
#include "mb/pg_wchar.h"

#include "nc_test_host.h"
#include "../../src/json_events.h"

typedef struct Block
{
	struct Block *next;
	max_align_t data[];
} Block;

static Block *blocks;

static void *
test_alloc(void *arg, size_t size)
{
	Block	   *b = malloc(sizeof(Block) + size);

	if (b == NULL)
		return NULL;
	b->next = blocks;
	blocks = b;
	return b->data;
}

void
nc_test_host_reset(void)
{
	while (blocks)
	{
		Block	   *next = blocks->next;

		free(blocks);
		blocks = next;
	}
}

static bool
test_should_stop(void *arg)
{
	return false;
}

static bool
test_zone_offset(void *arg, const char *zone, const NcLocalTime *local, int *offset)
{
	char		path[512];
	struct tm	tm;
	time_t		t;
	char	   *old = getenv("TZ");
	char	   *saved = old ? strdup(old) : NULL;

	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", zone);
	if (strstr(zone, "..") || access(path, R_OK) != 0)
	{
		free(saved);
		return false;
	}
	setenv("TZ", zone, 1);
	tzset();
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = local->year - 1900;
	tm.tm_mon = local->month - 1;
	tm.tm_mday = local->day;
	tm.tm_hour = local->hour;
	tm.tm_min = local->minute;
	tm.tm_sec = local->second;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	localtime_r(&t, &tm);
	*offset = (int) tm.tm_gmtoff;
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	return true;
}

static bool
test_parse_json(void *arg, const char *json, size_t len, const NcJsonEvents *events)
{
	JsonLexContext *lex = makeJsonLexContextCstringLen((char *) json, (int) len, PG_UTF8, true);
	JsonSemAction sem;
	bool		ok;

	json_events_actions(&sem, events);

	ok = pg_parse_json(lex, &sem) == JSON_SUCCESS;
	/* PostgreSQL 15 has no freeJsonLexContext: the lexer is its string and itself. */
	if (lex->strval)
	{
		pfree(lex->strval->data);
		pfree(lex->strval);
	}
	pfree(lex);
	return ok;
}

NcHost
nc_test_host(void)
{
	NcHost		host;

	host.alloc = test_alloc;
	host.should_stop = test_should_stop;
	host.zone_offset = test_zone_offset;
	host.parse_json = test_parse_json;
	host.arg = NULL;
	return host;
}

NcLimits
nc_test_limits(void)
{
	NcLimits	limits;

	limits.max_page_bytes = 64 * 1024 * 1024;
	limits.max_tree_depth = 256;
	return limits;
}

char *
nc_test_read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *data;
	long		size;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0)
	{
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	rewind(f);
	data = malloc(size + 1);
	if (data == NULL || fread(data, 1, size, f) != (size_t) size)
	{
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	data[size] = '\0';
	fclose(f);
	*len = (size_t) size;
	return data;
}

static int	tap_count;
static int	tap_failed;

void
nc_tap_ok(int ok, const char *fmt, ...)
{
	va_list		ap;

	printf("%s %d - ", ok ? "ok" : "not ok", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!ok)
		tap_failed++;
}

int
nc_tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}
