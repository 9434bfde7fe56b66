/*
 * test/core/test_time.c
 *		Timestamps, zone context, page dates and datelines outside the
 *		server (the tz database comes from /usr/share/zoneinfo through the
 *		test host).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "nc_internal.h"
#include "nc_test_host.h"

static int64_t
epoch_of(const char *text, const char *zone, const char *country)
{
	NcHost		host = nc_test_host();
	NcZoneContext ctx = {zone, country, NULL};
	NcTimestamp ts;

	if (!nc_parse_timestamp(&host, text, strlen(text), &ctx, &ts))
		return -1;
	return nc_timestamp_epoch(&ts);
}

static bool
page_dates(const char *html, const char *url, const char *country,
		   NcDateFound *pub, NcDateFound *upd)
{
	NcHost		host = nc_test_host();
	NcZoneContext ctx = {NULL, country, NULL};
	htmlDocPtr	doc = htmlReadMemory(html, (int) strlen(html), url, "UTF-8",
									 HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
									 HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	bool		ok = nc_find_page_dates(&host, doc, url, &ctx, NULL, NULL, pub, upd);

	xmlFreeDoc(doc);
	return ok;
}

/* True when got is the string want (NULL only when want is). */
static bool
str_is(const char *got, const char *want)
{
	return got == NULL ? want == NULL : want != NULL && strcmp(got, want) == 0;
}

static bool
day_is(const NcDateFound *d, int y, int m, int day)
{
	return d->ts.valid && d->ts.local.year == y && d->ts.local.month == m && d->ts.local.day == day;
}

int
main(void)
{
	NcHost		host = nc_test_host();
	NcDateFound pub,
				upd;
	NcDateline	dl;
	NcTimestamp ts;
	NcTimestamp ref;
	NcZoneContext ctx = {NULL, NULL, NULL};
	size_t		len;
	char	   *page;
	const char *lead = "LONDON, Sept 19 (AFP) — Britain said";
	const char *spaced_lead = "\u200BGENEVA —\u2009Talks resumed";
	/* 03:00 UTC on Sep 20 is still Sep 19 in Washington. */
	const char *utc_page =
		"<html><head><meta property=\"article:published_time\" content=\"2015-09-20T03:00:00Z\"></head>"
		"<body><h1>Ministers meet in Washington</h1></body></html>";

	/* 2015-09-19 07:08:00 UTC is 1442646480. */
	nc_tap_ok(epoch_of("Updated: Sep 19, 2015 12:38 IST", NULL, "IN") == 1442646480,
			  "\"12:38 IST\" on an .in site is 07:08 UTC");
	nc_tap_ok(epoch_of("Sep 19, 2015 12:38 IST", "Asia/Jerusalem", NULL) == 1442646480 + 12600,
			  "IST in Asia/Jerusalem's context is UTC+02");
	nc_tap_ok(epoch_of("Sep 19, 2015 12:38 IST", NULL, "IE") == 1442646480 + 16200,
			  "IST on an Irish site is UTC+01");
	nc_tap_ok(epoch_of("Sep 19, 2015 12:38 CST", NULL, "CN") == 1442646480 - 9000,
			  "CST on a Chinese site is UTC+08");
	nc_tap_ok(epoch_of("Sep 19, 2015 12:38", NULL, "IN") == 1442646480,
			  "a bare time on an Indian site is India's clock");
	nc_tap_ok(epoch_of("19 सितंबर 2015 12:38 IST", "Asia/Kolkata", NULL) == 1442646480,
			  "Hindi month names");
	nc_tap_ok(epoch_of("Samstag, 19. September 2015, 09:08 Uhr", "Europe/Berlin", NULL) == 1442646480,
			  "German, with weekday and Uhr");
	nc_tap_ok(epoch_of("Copyright © 2020", NULL, NULL) == -1, "a copyright year is not a date");

	memset(&ref, 0, sizeof(ref));
	ref.valid = ref.has_time = ref.has_offset = true;
	ref.local.year = 2015;
	ref.local.month = 9;
	ref.local.day = 19;
	ref.local.hour = 10;
	ctx.reference = &ref;
	nc_tap_ok(nc_parse_timestamp(&host, "3 hours ago", 11, &ctx, &ts) && ts.local.hour == 7 &&
			  ts.local.day == 19, "3 hours ago");
	nc_tap_ok(nc_parse_timestamp(&host, "vor 2 Tagen", 11, &ctx, &ts) && ts.local.day == 17,
			  "vor 2 Tagen");

	nc_tap_ok(str_is(nc_country_of_host("www.thehindu.co.in"), "IN") &&
			  str_is(nc_country_of_host("www.example.com"), NULL) &&
			  str_is(nc_country_of_host("bbc.co.uk"), "GB") &&
			  str_is(nc_country_of_host("x.io"), NULL),
			  "countries of host names");
	nc_tap_ok(str_is(nc_country_of_language("en-IN"), "IN") &&
			  str_is(nc_country_of_language("en"), NULL) &&
			  str_is(nc_country_of_language("hi"), "IN"),
			  "countries of language tags");

	/* The sample page: its header's "Jan 26, 2020-Sunday" and copyright year are decoys. */
	page = nc_test_read_file("test/fixtures/ht_world_sample.html", &len);
	nc_tap_ok(page_dates(page, "https://www.hindustantimes.com/world/story-sample.html", "IN", &pub, &upd) &&
			  day_is(&upd, 2015, 9, 19) && upd.ts.utc_offset == 19800 && day_is(&pub, 2015, 9, 19),
			  "sample page: updated Sep 19, 2015 12:38 IST, not the header's date of the day");
	free(page);

	nc_tap_ok(page_dates("<html><body><div class=\"todays-date\">Jan 26, 2020</div>"
						 "<h1>Ministers meet in Delhi</h1><p>Story text.</p>"
						 "<div class=\"comments\"><p>Posted on Jan 27, 2020</p></div>"
						 "<div class=\"related-stories\"><time datetime=\"2020-01-25\">Jan 25</time></div>"
						 "</body></html>",
						 "https://example.com/2015/09/19/ministers-meet", NULL, &pub, &upd) &&
			  day_is(&pub, 2015, 9, 19) && strcmp(pub.source, "url") == 0,
			  "header, comment and related-story dates are skipped; the URL's date is used");
	nc_tap_ok(page_dates("<html><head><meta property=\"article:published_time\" content=\"2015-09-19T12:38:00+05:30\">"
						 "<meta property=\"article:modified_time\" content=\"2015-09-20T08:00:00+05:30\"></head>"
						 "<body><h1>Ministers meet in Delhi</h1><p>Jan 26, 2020</p></body></html>",
						 NULL, NULL, &pub, &upd) &&
			  day_is(&pub, 2015, 9, 19) && day_is(&upd, 2015, 9, 20) && strcmp(pub.source, "meta") == 0,
			  "meta tags beat visible text");
	nc_tap_ok(page_dates("<html><body><h1>Ministers meet in Delhi</h1>"
						 "<div class=\"byline\">By A. Writer | Published 19 September 2015 | Updated 20 September 2015</div>"
						 "</body></html>", NULL, NULL, &pub, &upd) &&
			  day_is(&pub, 2015, 9, 19) && day_is(&upd, 2015, 9, 20),
			  "one byline line with a publication and an update date");
	nc_tap_ok(page_dates("<html><head><meta property=\"article:published_time\" content=\"2015-09-19T20:00:00Z\"></head>"
						 "<body><h1>Ministers meet in Delhi</h1></body></html>",
						 "https://www.example.in/story", "IN", &pub, &upd) &&
			  day_is(&pub, 2015, 9, 20) && pub.ts.utc_offset == 19800,
			  "a UTC time on an .in site is re-expressed on India's clock");
	nc_tap_ok(page_dates(utc_page, "https://www.example.com/2015/09/19/story", "US", &pub, &upd) &&
			  day_is(&pub, 2015, 9, 19) && pub.ts.utc_offset == -4 * 3600,
			  "a UTC time is put on the URL's day when the language's country agrees");
	nc_tap_ok(page_dates(utc_page, "https://www.example.com/story", "US", &pub, &upd) &&
			  day_is(&pub, 2015, 9, 20) && pub.ts.utc_offset == 0,
			  "otherwise a UTC time stays as the page states it");

	nc_tap_ok(page_dates("<html><body><h1>Ministers meet in Beijing</h1></body></html>",
						 "https://www.example.cn/news/2012-06/04/content_1.htm", NULL, &pub, &upd) &&
			  day_is(&pub, 2012, 6, 4) &&
			  page_dates("<html><body><h1>Ministers meet in Berlin</h1></body></html>",
						 "https://www.example.de/meldungen/29-10-2021", NULL, &pub, &upd) &&
			  day_is(&pub, 2021, 10, 29),
			  "URL dates: 2012-06/04 and day-first 29-10-2021");
	nc_tap_ok(nc_parse_dateline(&host, lead, strlen(lead), &dl) &&
			  strcmp(dl.place, "LONDON") == 0 && dl.agency && strcmp(dl.agency, "AFP") == 0 &&
			  strcmp(lead + dl.story_offset, "Britain said") == 0,
			  "dateline with date and agency");
	/* A zero-width space before the place and a thin space after the dash are white space. */
	nc_tap_ok(nc_parse_dateline(&host, spaced_lead, strlen(spaced_lead), &dl) &&
			  strcmp(dl.place, "GENEVA") == 0 &&
			  strcmp(spaced_lead + dl.story_offset, "Talks resumed") == 0,
			  "dateline between typographic spaces");
	nc_tap_ok(!nc_parse_dateline(&host, "Update: the story", 17, &dl), "\"Update:\" is not a place");
	nc_tap_ok(nc_agency_name("By Agence France-Presse", 23) && strcmp(nc_agency_name("By Agence France-Presse", 23), "AFP") == 0,
			  "agency names");

	nc_test_host_reset();
	return nc_tap_done();
}
