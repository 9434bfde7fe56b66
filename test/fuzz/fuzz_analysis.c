/*
 * test/fuzz/fuzz_analysis.c
 *		libFuzzer target for the analysis entry points: quotes and sources,
 *		entities and text statistics of any bytes taken as an article body,
 *		with the shipped entity list; and the entity-list parser itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nc_core.h"
#include "nc_test_host.h"

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static NcEntityDict dict;
static bool have_dict;
static char *dict_text;

/*
 * The entity list is parsed once and lives for the whole run, but
 * nc_test_host_reset frees every block of the test host after each input:
 * so the list gets memory of its own, chained from a global so that
 * LeakSanitizer sees it reachable at exit.
 */
typedef struct Lasting
{
	struct Lasting *next;
	max_align_t data[];
} Lasting;

static Lasting *lasting;

static void *
lasting_alloc(void *arg, size_t size)
{
	Lasting    *b = malloc(sizeof(Lasting) + size);

	if (b == NULL)
		return NULL;
	b->next = lasting;
	lasting = b;
	return b->data;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	NcHost		host = nc_test_host();
	size_t		len;
	int			bad = 0;
	FILE	   *f = fopen("src/tsearch_data/pg_news_entities.tsv", "rb");

	if (f == NULL)
		return 0;				/* run from elsewhere: no list */
	fclose(f);
	dict_text = nc_test_read_file("src/tsearch_data/pg_news_entities.tsv", &len);
	host.alloc = lasting_alloc;
	have_dict = nc_entity_dict_parse(&host, dict_text, len, &dict, &bad) == NC_OK;
	return 0;
}

static void
check_in(const char *s)
{
	if (s != NULL)
		(void) strlen(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NcHost		host = nc_test_host();
	NcError		err;
	NcQuoteResult quotes;
	NcEntityResult entities;
	NcTextStats stats;
	NcEntityDict input_dict;
	int			bad = 0;
	const char *body = (const char *) data;

	if (nc_find_quotes(&host, have_dict ? &dict : NULL, body, size, &quotes, &err) == NC_OK)
	{
		for (int i = 0; i < quotes.nquotes; i++)
		{
			if (quotes.quotes[i].paragraph < 1 || quotes.quotes[i].quote == NULL)
				__builtin_trap();
			check_in(quotes.quotes[i].quote);
			check_in(quotes.quotes[i].speaker);
			check_in(quotes.quotes[i].speaker_role);
			check_in(quotes.quotes[i].cue);
		}
		for (int i = 0; i < quotes.nsources; i++)
		{
			if (quotes.sources[i].mentions < 1 || quotes.sources[i].source == NULL)
				__builtin_trap();
			check_in(quotes.sources[i].kind);
		}
	}
	if (nc_find_entities(&host, have_dict ? &dict : NULL, body, size, &entities, &err) == NC_OK)
	{
		for (int i = 0; i < entities.count; i++)
		{
			if (entities.items[i].mentions < 1 || entities.items[i].first_offset < 0 ||
				(size_t) entities.items[i].first_offset >= size || entities.items[i].entity == NULL)
				__builtin_trap();
			check_in(entities.items[i].kind);
		}
	}
	nc_text_stats(body, size, &stats);
	if (stats.words < 0 || stats.sentences < 0 || stats.reading_minutes < 0 ||
		stats.flesch_reading_ease != stats.flesch_reading_ease)
		__builtin_trap();
	(void) nc_entity_dict_parse(&host, body, size, &input_dict, &bad);
	nc_test_host_reset();
	return 0;
}
