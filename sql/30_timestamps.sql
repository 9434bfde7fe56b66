-- news.parse_timestamp: the date-time strings news sites print.
\pset null '(null)'
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET intervalstyle = 'postgres';

-- The table of cases: input, default zone, reference, and the expected UTC
-- instant, computed by test/fixtures/gen_timestamps.py with Python's zoneinfo.
CREATE TEMP TABLE ts_cases (
    n            integer PRIMARY KEY,
    input        text,
    default_zone text,
    reference    timestamptz,
    expected     timestamptz
);
\copy ts_cases FROM 'test/fixtures/timestamps.tsv'
SELECT count(*) AS cases, count(expected) AS with_a_date FROM ts_cases;

-- Every case: what news.parse_timestamp returns, and whether it is the expected instant.
SELECT n, input, default_zone AS zone, reference,
       news.parse_timestamp(input, default_zone, reference) AS parsed,
       news.parse_timestamp(input, default_zone, reference) IS NOT DISTINCT FROM expected AS ok
FROM ts_cases ORDER BY n;

-- The cases that fail (none).
SELECT n, input, default_zone, expected, news.parse_timestamp(input, default_zone, reference) AS parsed
FROM ts_cases
WHERE news.parse_timestamp(input, default_zone, reference) IS DISTINCT FROM expected;

-- The session's TimeZone changes nothing: the zone context is an argument.
SET timezone = 'America/Los_Angeles';
SELECT count(*) AS differ_in_los_angeles FROM ts_cases
WHERE news.parse_timestamp(input, default_zone, reference) IS DISTINCT FROM expected;
SET timezone = 'UTC';

-- The sample page's time: 12:38 in India is 07:08 UTC.
SELECT news.parse_timestamp('Updated: Sep 19, 2015 12:38 IST', 'Asia/Kolkata') AS sample_page;

-- Where PostgreSQL's own cast goes wrong: it reads each abbreviation one way
-- (timezone_abbreviations = Default), pg_news by the zone the site is in.
SELECT input, zone,
       input::timestamptz AS postgres_cast,
       news.parse_timestamp(input, zone) AS pg_news,
       input::timestamptz - news.parse_timestamp(input, zone) AS cast_off_by
FROM (VALUES ('Sep 19, 2015 12:38 IST', 'Asia/Kolkata'),
             ('Sep 19, 2015 12:38 IST', 'Europe/Dublin'),
             ('Sep 19, 2015 12:38 CST', 'Asia/Shanghai'),
             ('Sep 19, 2015 12:38 BST', 'Asia/Dhaka'),
             ('Sep 19, 2015 12:38 AST', 'Asia/Riyadh'),
             ('Sep 19, 2015 12:38 PST', 'Asia/Manila')) AS c(input, zone);

-- Zone abbreviations are data: news.zone_abbreviations lists every meaning.
SELECT abbrev, country, zone, utc_offset, preferred
FROM news.zone_abbreviations
WHERE abbrev IN ('IST', 'CST', 'BST', 'AST', 'PST', 'ET')
ORDER BY abbrev, preferred DESC, country;

-- An unknown default zone is an error; unparsable input is NULL.
SELECT news.parse_timestamp('Sep 19, 2015', 'Asia/Kolkatta');
SELECT news.parse_timestamp('no date here', 'Asia/Kolkata') AS no_date,
       news.parse_timestamp(NULL) AS null_input;

-- Declared as documented.
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'news' AND p.proname IN ('parse_timestamp', 'parse_dateline', 'agency_name',
      'host_country', 'language_country', 'site_zone', 'url_host', 'parse_article_for_site')
ORDER BY p.proname;
