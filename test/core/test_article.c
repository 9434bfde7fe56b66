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


/* A paragraph of prose long enough to count as the story's. */
#define PROSE(n) "<p>Paragraph " #n " tells the story at length, with details, names, places and numbers, " \
	"so that it reads as prose and not as a caption, a menu entry or a link.</p>"

static int
count_of(const char *haystack, const char *needle)
{
	int			n = 0;

	for (; haystack && (haystack = strstr(haystack, needle)) != NULL; haystack++)
		n++;
	return n;
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
	{
		/* The standfirst again as the lead goes; a refrain among siblings stays. */
		static const char html[] =
			"<html><body><h1>Headline</h1><div class=\"story\">"
			"<h2 class=\"standfirst\">The standfirst says what happened and why it matters, at some length, in one sentence.</h2>"
			"<div class=\"text\"><p>The standfirst says what happened and why it matters, at some length, in one sentence.</p>"
			PROSE(1) PROSE(2) PROSE(1) PROSE(3) "</div></div></body></html>";

		nc_tap_ok(parse(html, sizeof(html) - 1, "UTF-8", NULL, &a) == NC_OK &&
				  count_of(a.body, "The standfirst says") == 1 && count_of(a.body, "Paragraph 1 ") == 2,
				  "a paragraph copied from elsewhere in the layout comes once, one repeated among its siblings twice");
	}
	nc_test_host_reset();
	{
		/*
		 * An info box the template places twice, as long as the story: its
		 * copies are no rivals that would widen the story to the page.
		 */
		static const char html[] =
			"<html><body><div class=\"page\">"
			"<div class=\"center\"><h2>Headline</h2><div>" PROSE(1) PROSE(2) PROSE(3) PROSE(4) PROSE(5) "</div></div>"
			"<div class=\"side\"><div>" PROSE(6) PROSE(7) PROSE(8) PROSE(9) PROSE(0) "</div></div>"
			"<div class=\"side\"><div>" PROSE(6) PROSE(7) PROSE(8) PROSE(9) PROSE(0) "</div></div>"
			"</div></body></html>";

		nc_tap_ok(parse(html, sizeof(html) - 1, "UTF-8", NULL, &a) == NC_OK &&
				  count_of(a.body, "Paragraph 1 ") == 1 && count_of(a.body, "Paragraph 7 ") == 0,
				  "a widget the template places twice is no rival of the story");
	}
	nc_test_host_reset();
	{
		static const char html[] =
			"<html><body><h1>Links of the day</h1><div class=\"entry-content\"><ul>"
			"<li><p><a href=\"https://a.example/1\">First story elsewhere</a></p></li>"
			"<li><p><a href=\"https://b.example/2\">Second story elsewhere</a></p></li>"
			"<li><p><a href=\"https://c.example/3\">Third story elsewhere</a></p></li>"
			"<li><p><a href=\"https://d.example/4\">Fourth story elsewhere</a></p></li>"
			"<li><p><a href=\"https://e.example/5\">Fifth story elsewhere</a></p></li>"
			"</ul></div></body></html>";

		nc_tap_ok(parse(html, sizeof(html) - 1, "UTF-8", NULL, &a) == NC_OK && a.body &&
				  strstr(a.body, "Second story elsewhere") != NULL,
				  "a post that is a list of links keeps its links as its body");
		nc_test_host_reset();
		nc_tap_ok(parse(strstr(html, "<ul>"), strlen(strstr(html, "<ul>")), "UTF-8", NULL, &a) == NC_OK &&
				  a.body == NULL,
				  "the same links outside anything marked as an article are no body");
	}
	nc_test_host_reset();
	{
		static const char html[] =
			"<html><body><noscript><img src=\"pixel.gif\"></noscript>"
			"<div class=\"post\"><script type=\"text/template\">" PROSE(1) "</script>"
			"<noscript>" PROSE(1) PROSE(2) PROSE(3) "</noscript></div>"
			"<noscript>Please enable JavaScript to read the comments.</noscript></body></html>";

		nc_tap_ok(parse(html, sizeof(html) - 1, "UTF-8", NULL, &a) == NC_OK &&
				  count_of(a.body, "Paragraph 3 ") == 1 && count_of(a.body, "enable JavaScript") == 0,
				  "a post in <noscript> is read; a noscript notice is not");
	}
	nc_test_host_reset();
	{
		static const char html[] =
			"<html><head><script type=\"application/ld+json\">{\"@type\": \"Article\", "
			"\"author\": {\"@type\": \"Organization\", \"name\": \"Contributors to Example projects\"}}"
			"</script></head><body>" PROSE(1) "</body></html>";

		nc_tap_ok(parse(html, sizeof(html) - 1, "UTF-8", NULL, &a) == NC_OK && a.authors.count == 1 &&
				  strcmp(a.authors.items[0], "Contributors to Example projects") == 0,
				  "an Organization credited as author stands when no person is named");
	}
	nc_test_host_reset();
	{
		/* A content-sounding class around a time stamp is no story. */
#define WRAPPED(n) "<div class=\"paragraph\"><p>Paragraph " #n " tells the story at length with details " \
	"and names and places and numbers so that it reads as prose and not as a caption.</p></div>"
		static const char html[] =
			"<html><body><div class=\"top\"><h1>Headline</h1><div class=\"articleMeta\">"
			"<p>Updated: 20 April 2020, 14:57 local time</p></div></div><div class=\"main\">"
			"<div class=\"box\">" WRAPPED(1) WRAPPED(2) WRAPPED(3) WRAPPED(4) "</div>"
			"<div class=\"box\">" WRAPPED(5) WRAPPED(6) "</div></div></body></html>";

		nc_tap_ok(parse(html, sizeof(html) - 1, "UTF-8", NULL, &a) == NC_OK &&
				  count_of(a.body, "Paragraph 6 ") == 1,
				  "a container with less than a sentence of text is never the story");
	}
	nc_test_host_reset();
	{
		/* No description and no <p>: the summary is the first text, not a heading. */
		static const char html[] =
			"<html><head><title>A title that is not the heading</title></head><body><article>"
			"<h1>Kicker</h1><div>The first sentence of the story, set without paragraph tags, "
			"says what happened and where.<br><br>The second sentence follows it, in the same way, "
			"with more of the details.<br><br>The third sentence ends the story with a quote and a "
			"date, as stories do.</div></article></body></html>";

		NcStatus	st = parse(html, sizeof(html) - 1, "UTF-8", NULL, &a);

		nc_tap_ok(st == NC_OK && a.summary && strncmp(a.summary, "The first sentence", 18) == 0,
				  "without a <p>, the summary is the first line of text, not a heading: %s",
				  a.summary ? a.summary : "(null)");
	}
	nc_test_host_reset();
	{
		/* A standfirst no class marks, set far above the text, saying the description. */
		static const char html[] =
			"<html><head><meta name=\"description\" content=\"Snow on solar panels costs power and "
			"strains the frames; experts warn owners against clearing it themselves.\"></head><body><main>"
			"<div class=\"wrap\"><header><h2>Snow weighs on solar panels</h2>"
			"<p class=\"text-xl\">Snow on solar panels costs power and strains the frames; experts warn "
			"owners against clearing it themselves.</p><p class=\"text-sm\">Another teaser that is long "
			"enough to be prose, about something else entirely, on this page.</p></header></div>"
			"<div class=\"a\"><div class=\"b\"><div class=\"c\"><div class=\"d\">"
			PROSE(1) PROSE(2) PROSE(3) "</div></div></div></div></main></body></html>";
		NcStatus	st = parse(html, sizeof(html) - 1, "UTF-8", NULL, &a);

		nc_tap_ok(st == NC_OK && a.body && strncmp(a.body, "Snow on solar panels costs power", 32) == 0 &&
				  count_of(a.body, "Another teaser") == 0,
				  "the paragraph saying the page's description opens the body; other teasers do not");
	}
	nc_test_host_reset();
	{
		/* A list of sentences carrying a link each stays; a list of links goes. */
		static const char html[] =
			"<html><body><div class=\"post\">" PROSE(1) PROSE(2)
			"<ul><li>Ana Ruiz <a href=\"/b/1\">fixed an issue with revoked permissions</a> in the add-on manager</li>"
			"<li>Tom Berg <a href=\"/b/2\">removed an attribute</a> from dialogs where it was not needed</li>"
			"<li>Lia Moss <a href=\"/b/3\">converted old code</a> to use promises instead of a library</li></ul>"
			PROSE(3) "<ul><li><a href=\"/s/1\">Another story you may like to read next</a></li>"
			"<li><a href=\"/s/2\">Yet another story you may like to read next</a></li>"
			"<li><a href=\"/s/3\">One more story you may like to read next</a> (2 hours ago)</li></ul>"
			"</div></body></html>";
		NcStatus	st = parse(html, sizeof(html) - 1, "UTF-8", NULL, &a);

		nc_tap_ok(st == NC_OK && count_of(a.body, "removed an attribute") == 1 &&
				  count_of(a.body, "you may like") == 0,
				  "a list of sentences with links is the article's; a list of links is not");
	}
	nc_test_host_reset();
	{
		/* Furigana over kanji (<rt>) is read above the text, not in it. */
		static const char html[] =
			"<html><body><article><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの"
			"<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、"
			"<ruby>親<rt>おや</rt></ruby>が子どもを教育するために、体罰をしてはいけないと決まりました。"
			"</p></article></body></html>";
		NcStatus	st = parse(html, sizeof(html) - 1, "UTF-8", NULL, &a);

		nc_tap_ok(st == NC_OK && count_of(a.body, "子どもへの虐待をなくすための法律ができて、親が") == 1,
				  "ruby annotations are left out of the text");
	}
	nc_test_host_reset();
	{
		/* The publisher's itemprop=articleBody is the story, not just its best-scoring part. */
		static const char html[] =
			"<html><body><div itemprop=\"articleBody\">"
			"<div class=\"opening\"><div><p>The opening part of the story, set apart in its own block by the "
			"layout, says where it all began.</p></div></div>"
			"<div class=\"main\"><div>" PROSE(1) PROSE(2) PROSE(3) PROSE(4) PROSE(5) "</div></div>"
			"</div><div class=\"more\">" PROSE(7) "</div></body></html>";
		NcStatus	st = parse(html, sizeof(html) - 1, "UTF-8", NULL, &a);

		nc_tap_ok(st == NC_OK && count_of(a.body, "The opening part of the story") == 1 &&
				  count_of(a.body, "Paragraph 5 ") == 1 && count_of(a.body, "Paragraph 7 ") == 0,
				  "the element the page marks as articleBody is the story, whole");
	}
	nc_test_host_reset();
	free(page);
	return nc_tap_done();
}
