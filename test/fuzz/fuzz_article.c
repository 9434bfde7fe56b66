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

/*
 * Strict UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF), as PostgreSQL's verifier wants it; traps otherwise.
 */
static void
check_utf8(const char *text)
{
	const unsigned char *s = (const unsigned char *) text;

	if (s == NULL)
		return;
	while (*s)
	{
		int			n;
		uint32_t	cp;

		if (*s < 0x80)
		{
			s++;
			continue;
		}
		if (*s >= 0xC2 && *s <= 0xDF)
			n = 2, cp = *s & 0x1F;
		else if ((*s & 0xF0) == 0xE0)
			n = 3, cp = *s & 0x0F;
		else if (*s >= 0xF0 && *s <= 0xF4)
			n = 4, cp = *s & 0x07;
		else
			__builtin_trap();
		for (int i = 1; i < n; i++)
		{
			if ((s[i] & 0xC0) != 0x80)
				__builtin_trap();
			cp = (cp << 6) | (s[i] & 0x3F);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
			(cp >= 0xD800 && cp <= 0xDFFF))
			__builtin_trap();
		s += n;
	}
}

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
	/* Whatever came back is NUL-terminated, strictly valid UTF-8. */
	if (status == NC_OK)
	{
		check_utf8(article.url);
		check_utf8(article.canonical_url);
		check_utf8(article.site_name);
		check_utf8(article.lang);
		check_utf8(article.headline);
		check_utf8(article.summary);
		check_utf8(article.section);
		check_utf8(article.dateline_place);
		check_utf8(article.agency);
		check_utf8(article.body);
		check_utf8(article.image_url);
		for (int i = 0; i < article.tags.count; i++)
			check_utf8(article.tags.items[i]);
		for (int i = 0; i < article.authors.count; i++)
			check_utf8(article.authors.items[i]);
		for (int i = 0; i < article.provenance_count; i++)
		{
			check_utf8(article.provenance[i].field);
			check_utf8(article.provenance[i].source);
			check_utf8(article.provenance[i].raw);
		}
	}
	nc_test_host_reset();
	return 0;
}
