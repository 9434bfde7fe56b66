/*
 * test/bench/bench_parse.c FILE...
 *		Times bare libxml2 HTML parsing against the whole article
 *		extraction (nc_parse_article, which includes that parse) over the
 *		same pages in one process, and prints both with their ratio.
 *		Each pass runs three times; the fastest counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "nc_core.h"
#include "nc_test_host.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	int			n = argc - 1;
	char	  **pages = malloc(sizeof(char *) * n);
	size_t	   *lens = malloc(sizeof(size_t) * n);
	size_t		total = 0;
	double		best_bare = 1e9,
				best_full = 1e9;
	int			run,
				i;
	NcHost		host = nc_test_host();
	NcLimits	limits = nc_test_limits();

	for (i = 0; i < n; i++)
	{
		pages[i] = nc_test_read_file(argv[i + 1], &lens[i]);
		total += lens[i];
	}
	for (run = 0; run < 3; run++)
	{
		double		t0 = now();

		for (i = 0; i < n; i++)
		{
			xmlDocPtr	doc = htmlReadMemory(pages[i], (int) lens[i], NULL, NULL,
											 HTML_PARSE_RECOVER | HTML_PARSE_NONET |
											 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
											 HTML_PARSE_COMPACT);

			if (doc)
				xmlFreeDoc(doc);
		}
		if (now() - t0 < best_bare)
			best_bare = now() - t0;
		t0 = now();
		for (i = 0; i < n; i++)
		{
			NcArticleRequest req;
			NcArticle	a;
			NcError		err;

			memset(&req, 0, sizeof(req));
			req.bytes = pages[i];
			req.len = lens[i];
			nc_parse_article(&host, &limits, &req, &a, &err);
			nc_test_host_reset();
		}
		if (now() - t0 < best_full)
			best_full = now() - t0;
	}
	printf("core, one process: %d pages, %.1f MB\n", n, total / 1e6);
	printf("  bare libxml2 parse     %8.1f pages/s %7.1f MB/s\n", n / best_bare, total / 1e6 / best_bare);
	printf("  nc_parse_article       %8.1f pages/s %7.1f MB/s\n", n / best_full, total / 1e6 / best_full);
	printf("  extraction / bare parse time: %.2fx\n", best_full / best_bare);
	return 0;
}
