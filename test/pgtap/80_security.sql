-- test/pgtap/80_security.sql: the extension's own security.  Every SQL or
-- PL/pgSQL function binds its names at creation (SQL-standard body) or pins
-- search_path (the CVE-2018-1058 class); nothing runs as its definer; a role
-- with no privileges can use the parsing and search surface; a plain role
-- with CREATE on the database can install the (trusted) extension and
-- ingest; pages cannot make the parser read files or the network.
BEGIN;
SELECT plan(17);

SELECT is_empty($$
    SELECT p.oid::regprocedure::text FROM pg_proc AS p JOIN pg_language AS l ON l.oid = p.prolang
    WHERE p.pronamespace = 'news'::regnamespace AND l.lanname = 'sql'
      AND p.prosqlbody IS NULL
      AND NOT coalesce(p.proconfig::text[] && ARRAY['search_path=pg_catalog, pg_temp'], false)$$,
    'every SQL function has a SQL-standard body or pins search_path');
SELECT is_empty($$
    SELECT p.oid::regprocedure::text FROM pg_proc AS p JOIN pg_language AS l ON l.oid = p.prolang
    WHERE p.pronamespace = 'news'::regnamespace AND l.lanname NOT IN ('sql', 'c', 'internal')
      AND NOT coalesce(EXISTS (SELECT FROM unnest(p.proconfig) AS c
                               WHERE c LIKE 'search_path=pg_catalog%'), false)$$,
    'every procedural-language function pins search_path with pg_catalog first');
SELECT is_empty($$
    SELECT p.oid::regprocedure::text FROM pg_proc AS p
    WHERE p.pronamespace = 'news'::regnamespace AND p.prosecdef$$,
    'no function runs as its definer');
SELECT is_empty($$
    SELECT c.oid::regclass::text FROM pg_class AS c
    WHERE c.relnamespace = 'news'::regnamespace AND c.relkind IN ('v', 'm')
      AND NOT coalesce(c.reloptions && ARRAY['security_barrier=true'], false)
      AND pg_get_viewdef(c.oid) ~ '\m(FROM|JOIN)\s+(?!news\.|pg_catalog\.)[a-z_]+\s'$$,
    'views name their tables with a schema');
SELECT is_empty($$
    SELECT p.oid::regprocedure::text FROM pg_proc AS p
    WHERE p.pronamespace = 'news'::regnamespace
      AND NOT has_function_privilege('public', p.oid, 'EXECUTE')$$,
    'every function is executable by PUBLIC');
SELECT ok(has_schema_privilege('public', 'news', 'USAGE'), 'every role may use schema news');
SELECT ok(NOT has_schema_privilege('public', 'news', 'CREATE'), 'no role but its owner may create in schema news');

-- A role with no privileges at all: the parsing and search surface works.
CREATE ROLE news_tap_nobody NOLOGIN;
SET LOCAL ROLE news_tap_nobody;
SELECT is((news.parse_article('<title>Floods | Example</title><p>NEW DELHI (PTI) - Rain fell.</p>')).dateline_place,
          'NEW DELHI', 'a role without privileges parses a page (text)');
SELECT is((news.parse_article(convert_to('<p>Caf' || chr(233) || '</p>', 'LATIN1'), NULL,
                              'text/html; charset=iso-8859-1')).body,
          'Caf' || chr(233), '... and raw bytes with their charset');
SELECT is(news.parse_timestamp('Sep 19, 2015 12:38 IST', 'Asia/Kolkata'), '2015-09-19 07:08:00+00'::timestamptz,
          '... reads a timestamp');
SELECT is((news.parse_dateline('KYIV, Ukraine (AP) - Russian forces struck.')).agency, 'AP',
          '... reads a dateline');
SELECT ok(to_tsvector('news.english', 'U.S. officials said') @@ to_tsquery('news.english', 'officials'),
          '... searches with news.english');
SELECT ok((news.parse_article_for_site('<p>hi</p>', 'https://example.in/a/b')).body = 'hi',
          '... parses with the site rules');
RESET ROLE;

-- No file or network access from a page: external entities and DTDs stay unread.
SELECT ok(body LIKE '%before &x; after%' AND body NOT LIKE '%root:%', 'an external entity in a page is never read')
FROM news.parse_article(
    '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>before &x; after</p>'
    '<iframe src="file:///etc/passwd"></iframe><p><!--#include file="/etc/passwd" --></p></body></html>');


-- A trusted install by a plain role with CREATE on the database, then ingest
-- (only a trusted extension installs without superuser).
DROP EXTENSION pg_news CASCADE;
CREATE ROLE news_tap_owner NOLOGIN;
SELECT set_config('pg_news_tap.db', current_database(), true);
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO news_tap_owner', current_setting('pg_news_tap.db')); END $$;
SET LOCAL ROLE news_tap_owner;
SELECT lives_ok('CREATE EXTENSION pg_news', 'a plain role with CREATE on the database installs pg_news');
SELECT lives_ok($$SELECT news.ingest('https://example.in/world/a/story.html', '<title>A</title><p>Words.</p>')$$,
                '... and ingests a page into news.articles');
SET LOCAL ROLE news_tap_nobody;
SELECT throws_ok('SELECT count(*) FROM news.articles', '42501', NULL,
                 'stored articles stay with the owner until granted');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
