/*
 * test/core/test_article.c
 *		The article extractor outside the server, on the sample page and
 *		on hand-made pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nc_core.h"
#include "nc_test_host.h"

static NcStatus
parse(const char *html, size_t len, const char *charset, const char *url, NcArticle *a)
{
	NcHost		host = nc_test_host();
	NcLimits	limits = nc_test_limits();
	NcArticleRequest req;
	NcError		err;

	memset(&req, 0, sizeof(req));
	req.bytes = html;
	req.len = len;
	req.charset = charset;
	req.url = url;
	return nc_parse_article(&host, &limits, &req, a, &err);
}

int
main(void)
{
	size_t		len;
	char	   *page = nc_test_read_file("test/fixtures/ht_world_sample.html", &len);
	NcArticle	a;
	int64_t		epoch;

	nc_tap_ok(parse(page, len, "UTF-8",
					"https://www.hindustantimes.com/world/us-and-russian-militaries/story-x.html", &a) == NC_OK,
			  "sample page parses");
	nc_tap_ok(a.headline && strcmp(a.headline, "US and Russian militaries discuss force deployment in Syria") == 0,
			  "headline: %s", a.headline ? a.headline : "(null)");
	nc_tap_ok(a.section && strcmp(a.section, "world") == 0, "section: %s", a.section ? a.section : "(null)");
	nc_tap_ok(a.body && strncmp(a.body, "The US military renewed contacts", 32) == 0, "body starts with the lead");
	nc_tap_ok(a.body && strstr(a.body, "Select city") == NULL && strstr(a.body, "Jan 26, 2020") == NULL &&
			  strstr(a.body, "Related stories") == NULL && strstr(a.body, "Copyright") == NULL &&
			  strstr(a.body, "Advertisement") == NULL && strstr(a.body, "newsletter") == NULL,
			  "no menu, date of the day, related links, ads, newsletter or footer in the body");
	nc_tap_ok(a.body && strstr(a.body, "Tactical discussions\n") != NULL, "subhead kept as its own line");
	nc_tap_ok(a.body && strstr(strstr(a.body, "The US military renewed") + 1, "The US military renewed") == NULL,
			  "the repeated standfirst appears once");
	nc_tap_ok(a.updated.valid && a.updated.has_offset && a.updated.utc_offset == 19800,
			  "Updated ... IST on an Indian site is UTC+05:30");
	epoch = a.updated.valid ? nc_timestamp_epoch(&a.updated) : 0;
	nc_tap_ok(epoch == 1442646480, "12:38 IST is 07:08 UTC (epoch %lld)", (long long) epoch);
	nc_test_host_reset();

	nc_tap_ok(parse("", 0, NULL, NULL, &a) == NC_OK && a.headline == NULL && a.body == NULL,
			  "an empty page gives an article of NULLs");
	{
		const char	latin1[] = "<meta charset=\"iso-8859-1\"><title>Caf\xe9</title>";

		nc_tap_ok(parse(latin1, sizeof(latin1) - 1, NULL, NULL, &a) == NC_OK && a.headline &&
				  strcmp(a.headline, "Caf\xc3\xa9") == 0, "meta charset decodes latin-1");
	}
	{
		const char	bad[] = "<title>Ok \xff world</title>";

		nc_tap_ok(parse(bad, sizeof(bad) - 1, NULL, NULL, &a) == NC_OK && a.headline &&
				  strcmp(a.headline, "Ok \xc3\xbf world") == 0,
				  "undeclared non-UTF-8 bytes are read as windows-1252");
	}
	nc_test_host_reset();
	{
		/* "<a" inside a script, then thousands of words: text, not a tag. */
		size_t		cap = 64 * 1024;
		char	   *html = malloc(cap);
		size_t		n = 0;
		int			i;
		NcStatus	st;

		n += snprintf(html + n, cap - n, "<script>var s = \"<a\" + 'b';");
		for (i = 0; i < 5000; i++)
			n += snprintf(html + n, cap - n, " w%d", i);
		n += snprintf(html + n, cap - n, "</script><p>The story is still read.</p>");
		st = parse(html, n, "UTF-8", NULL, &a);
		nc_tap_ok(st == NC_OK && a.body && strstr(a.body, "The story is still read.") != NULL,
				  "a tag-like string inside a script is not counted as a tag's attributes");
		nc_test_host_reset();
		n = snprintf(html, cap, "<p");
		for (i = 0; i < 5000; i++)
			n += snprintf(html + n, cap - n, " a%d", i);
		n += snprintf(html + n, cap - n, ">x</p>");
		nc_tap_ok(parse(html, n, "UTF-8", NULL, &a) == NC_TOO_LARGE,
				  "a real tag with 5000 attributes is still refused");
		free(html);
	}
	nc_test_host_reset();
	free(page);
	return nc_tap_done();
}
