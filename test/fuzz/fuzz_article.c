/*
 * test/fuzz/fuzz_article.c
 *		libFuzzer target for nc_parse_article: any bytes as a crawled page.
 *
 * The input's length picks one of three request shapes, so one corpus
 * exercises the bytea path (no charset: BOM, <meta> and byte sniffing
 * decide), the text path (charset "UTF-8") and a Content-Type header that
 * mislabels the page.
 */
#include <stdint.h>
#include <string.h>

#include "nc_core.h"
#include "nc_test_host.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NcHost		host = nc_test_host();
	NcLimits	limits = nc_test_limits();
	NcArticleRequest req;
	NcArticle	article;
	NcError		err;
	NcStatus	status;

	memset(&req, 0, sizeof(req));
	req.bytes = (const char *) data;
	req.len = size;
	switch (size % 3)
	{
		case 0:
			req.url = "https://www.example.in/world/some-story/story-1.html";
			break;
		case 1:
			req.charset = "UTF-8";
			req.url = "https://news.example.co.uk/politics/2024/01/02/story";
			req.default_zone = "Europe/London";
			break;
		default:
			req.content_type = "text/html; charset=iso-8859-1";
			break;
	}
	status = nc_parse_article(&host, &limits, &req, &article, &err);
	/* Whatever came back must be readable NUL-terminated UTF-8 strings. */
	if (status == NC_OK)
	{
		volatile size_t n = 0;

		if (article.headline)
			n += strlen(article.headline);
		if (article.body)
			n += strlen(article.body);
		if (article.summary)
			n += strlen(article.summary);
		for (int i = 0; i < article.authors.count; i++)
			n += strlen(article.authors.items[i]);
		for (int i = 0; i < article.provenance_count; i++)
			n += strlen(article.provenance[i].field) + strlen(article.provenance[i].source);
		(void) n;
	}
	nc_test_host_reset();
	return 0;
}
