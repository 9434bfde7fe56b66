-- test/pgtap/30_time.sql: timestamps, zone data, datelines and site rules.
BEGIN;
SELECT plan(20);

SELECT has_function('news', 'parse_timestamp', ARRAY['text', 'text', 'timestamp with time zone'],
                    'news.parse_timestamp(text, text, timestamptz) exists');
SELECT volatility_is('news', 'parse_timestamp', ARRAY['text', 'text', 'timestamp with time zone'], 'immutable',
                     'parse_timestamp is IMMUTABLE');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'news.parse_timestamp(text, text, timestamptz)'::regprocedure),
          's'::"char", 'parse_timestamp is PARALLEL SAFE');
SELECT volatility_is('news', 'parse_article_for_site', ARRAY['text', 'text'], 'stable',
                     'parse_article_for_site is STABLE: it reads news.site_rules');

SELECT is(news.parse_timestamp('Updated: Sep 19, 2015 12:38 IST', 'Asia/Kolkata'),
          '2015-09-19 07:08:00+00'::timestamptz, 'the sample page''s time: 12:38 IST is 07:08 UTC');
SELECT is(news.parse_timestamp('Sep 19, 2015 12:38 IST', 'Asia/Jerusalem'),
          '2015-09-19 10:38:00+00'::timestamptz, 'IST on an Israeli site is UTC+02');
SELECT is(news.parse_timestamp('3 hours ago', NULL, '2015-09-19 12:00:00+00'),
          '2015-09-19 09:00:00+00'::timestamptz, 'relative forms count back from the reference');
SELECT is(news.parse_timestamp('3 hours ago'), NULL, 'relative forms without a reference are NULL');
SELECT is(news.parse_timestamp('Copyright 2020'), NULL, 'a bare year is not a date');
SELECT throws_ok($$SELECT news.parse_timestamp('Sep 19, 2015', 'Mars/Olympus_Mons')$$, '22023',
                 'time zone "Mars/Olympus_Mons" not recognized', 'an unknown default zone is an error');

-- The core's compiled table and news.zone_abbreviations come from one source:
-- every row, read in its own zone's context, gives the row's offset.
SELECT is((SELECT count(*) FROM news.zone_abbreviations z
           WHERE news.parse_timestamp('2015-01-15 12:00 ' || z.abbrev, z.zone)
                 IS DISTINCT FROM
                 CASE WHEN z.utc_offset IS NULL THEN '2015-01-15 12:00'::timestamp AT TIME ZONE z.zone
                      ELSE ('2015-01-15 12:00'::timestamp - z.utc_offset) AT TIME ZONE 'UTC' END),
          0::bigint, 'every row of news.zone_abbreviations is what the parser does in that zone');
SELECT is((SELECT count(*) FROM (SELECT abbrev FROM news.zone_abbreviations GROUP BY abbrev
                                 HAVING count(*) FILTER (WHERE preferred) <> 1) s),
          0::bigint, 'each abbreviation has exactly one preferred meaning');
SELECT is((SELECT count(*) FROM news.zone_abbreviations
           WHERE zone NOT IN (SELECT name FROM pg_timezone_names)), 0::bigint,
          'every abbreviation names a zone PostgreSQL knows');
SELECT is((SELECT count(*) FROM news.country_zones
           WHERE zone NOT IN (SELECT name FROM pg_timezone_names)), 0::bigint,
          'every country zone is one PostgreSQL knows');

SELECT is(news.site_zone('https://www.ndtv.com/india-news/story-1'), 'Asia/Kolkata', 'ndtv.com is India');
SELECT is(news.site_zone('https://www.tagesschau.de/inland/x.html'), 'Europe/Berlin', '.de falls back to the country zone');
SELECT is(news.host_country('www.nzherald.co.nz'), 'NZ', 'second-level country domains count');
SELECT is(news.language_country('en-IN'), 'IN', 'a language tag''s region names the country');

SELECT is((news.parse_dateline('WASHINGTON (Reuters) - The talks')).agency, 'Reuters', 'dateline agency');
SELECT is(news.parse_dateline('The talks began on Monday.'), NULL, 'no dateline, NULL');

SELECT * FROM finish();
ROLLBACK;
