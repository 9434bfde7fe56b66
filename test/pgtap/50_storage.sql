-- news.articles and news.ingest: schema, markings and behaviour the
-- regression tour does not show.
BEGIN;
SELECT plan(37);

SELECT has_table('news', 'articles', 'news.articles exists');
SELECT has_table('news', 'article_versions', 'news.article_versions exists');
SELECT col_is_pk('news', 'articles', 'id', 'id is the primary key');
SELECT col_is_unique('news', 'articles', 'url', 'url is unique');
SELECT is((SELECT attidentity FROM pg_attribute
           WHERE attrelid = 'news.articles'::regclass AND attname = 'id'), 'd',
          'id is an identity column');

-- Every news.article field is a column of news.articles, with the same type.
SELECT is_empty($$
    SELECT f.attname FROM pg_attribute f
    WHERE f.attrelid = 'news.article'::regclass AND f.attnum > 0 AND NOT f.attisdropped
      AND NOT EXISTS (SELECT FROM pg_attribute c
                      WHERE c.attrelid = 'news.articles'::regclass AND c.attname = f.attname
                        AND c.atttypid = f.atttypid AND NOT c.attisdropped)
$$, 'every news.article field is a news.articles column of the same type');

SELECT is((SELECT array_agg(attname::text ORDER BY attname) FROM pg_attribute
           WHERE attrelid = 'news.articles'::regclass AND attgenerated = 's'),
          ARRAY['content_hash', 'search_vector', 'simhash'],
          'content_hash, simhash and search_vector are stored generated columns');

SELECT is((SELECT am.amname::text FROM pg_index i
           JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
           WHERE i.indrelid = 'news.articles'::regclass AND a.attname = 'search_vector'),
          'gin', 'search_vector has a GIN index');
SELECT ok(EXISTS (SELECT FROM pg_index i JOIN pg_attribute a
                  ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                  WHERE i.indrelid = 'news.articles'::regclass AND a.attname = col),
          format('%s leads a btree index', col))
FROM unnest(ARRAY['published_at', 'site', 'canonical_url', 'content_hash']) AS col;
SELECT is((SELECT count(*)::int FROM pg_index
           WHERE indrelid = 'news.articles'::regclass
             AND pg_get_indexdef(indexrelid) LIKE '%simhash >>%'), 3,
          'simhash bands 1..3 are indexed (band 0 is simhash & 65535)');

-- pg_dump keeps the rows: both tables and the identity sequence are registered.
SELECT ok(ARRAY['news.articles', 'news.articles_id_seq', 'news.article_versions']
          <@ (SELECT array_agg(c::regclass::text) FROM pg_extension, unnest(extconfig) AS c
              WHERE extname = 'pg_news'),
   'tables and identity sequence are extension configuration (dumped by pg_dump)');

-- Markings.
SELECT volatility_is('news', 'ingest', ARRAY['text', 'bytea', 'timestamp with time zone', 'text'], 'volatile',
                     'ingest(bytea) is VOLATILE');
SELECT volatility_is('news', 'ingest', ARRAY['text', 'text', 'timestamp with time zone'], 'volatile',
                     'ingest(text) is VOLATILE');
SELECT is_empty($$
    SELECT p.oid::regprocedure FROM pg_proc p
    WHERE p.pronamespace = 'news'::regnamespace
      AND p.proname IN ('ingest', 'ingest_page', 'store_article') AND p.proparallel <> 'u'
$$, 'writers are PARALLEL UNSAFE');
SELECT is_empty($$
    SELECT p.oid::regprocedure FROM pg_proc p
    WHERE p.pronamespace = 'news'::regnamespace
      AND p.proname IN ('simhash', 'hamming', 'content_hash', 'url_site') AND
          (p.provolatile <> 'i' OR p.proparallel <> 's')
$$, 'fingerprint helpers are IMMUTABLE PARALLEL SAFE');
SELECT is_empty($$
    SELECT p.oid::regprocedure FROM pg_proc p
    LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass
    WHERE p.pronamespace = 'news'::regnamespace AND d.description IS NULL
$$, 'every news function has a comment');

-- Fingerprints stay comparable across releases: the algorithm is fixed.
SELECT is(news.simhash('The quick brown fox jumps over the lazy dog'), -1321776380129614184::bigint,
          'simhash of a 3-shingled sentence is stable');
SELECT is(news.simhash('fox'), 1464857431499522931::bigint, 'simhash of one word is stable');
SELECT is(news.hamming(x, y), news.hamming(y, x), 'hamming is symmetric')
FROM (VALUES (news.simhash('a b c d'), news.simhash('a b c e'))) v(x, y);
SELECT cmp_ok(news.hamming(news.simhash(t || ' end'), news.simhash(t || ' stop')),
              '<=', 3, 'one changed word in a long text moves few bits')
FROM (SELECT string_agg('word' || i, ' ') FROM generate_series(1, 300) i) v(t);

-- Behaviour.
SELECT lives_ok($$SELECT news.ingest('https://a.example/one', '<html><head><link rel="canonical" href="https://a.example/"></head><body><h1>One</h1><p>First story about the harbour and its new cranes, which arrived on Monday.</p></body></html>', '2024-01-01Z')$$,
                'a page whose canonical is the front page is stored');
SELECT lives_ok($$SELECT news.ingest('https://a.example/two', '<html><head><link rel="canonical" href="https://a.example/"></head><body><h1>Two</h1><p>Second story about the airport and its longer runway, opened on Friday.</p></body></html>', '2024-01-01Z')$$,
                'a second page with the same front-page canonical is stored');
SELECT is((SELECT count(*)::int FROM news.articles WHERE site = 'a.example'), 2,
          'a canonical URL that names the front page does not merge stories');

SELECT is(pg_column_compression(raw_page), 'lz4', 'a large raw page is stored lz4-compressed')
FROM news.articles
WHERE id = news.ingest('https://a.example/big',
                       '<html><body><h1>Big</h1>' || repeat('<p>A long page of repeated markup.</p>', 4000) || '</body></html>',
                       '2024-01-02Z')
  AND EXISTS (SELECT FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals));

SELECT is((SELECT outcome FROM news.ingest_page('https://a.example/one',
           convert_to('<html><head><link rel="canonical" href="https://a.example/"></head><body><h1>One</h1><p>First story about the harbour and its new cranes, which arrived on Tuesday.</p></body></html>', 'UTF8'),
           '2024-01-03Z')), 'changed', 'a changed body is an edit');
SELECT is((SELECT version FROM news.articles WHERE url = 'https://a.example/one'), 2,
          'the edit bumps the version');
SELECT ok((SELECT 'body' = ANY (changed) AND NOT 'headline' = ANY (changed)
           FROM news.article_versions v JOIN news.articles a ON a.id = v.article_id
           WHERE a.url = 'https://a.example/one'),
          'changed names the body, not the unchanged headline');
SELECT is(news.changed_fields(ROW('u', NULL, NULL, NULL, 'h', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                  NULL, NULL, NULL, 'b', NULL, 1, '{"a": 1}')::news.article,
                              ROW('v', 'c', NULL, NULL, 'h', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                  NULL, NULL, 'AFP', 'b2', NULL, 1, '{"a": 2}')::news.article),
          ARRAY['canonical_url', 'agency', 'body'],
          'changed_fields lists differing fields in column order, url and provenance aside');
SELECT ok((SELECT (article).body LIKE '%arrived on Monday%'
           FROM news.article_versions v JOIN news.articles a ON a.id = v.article_id
           WHERE a.url = 'https://a.example/one'), 'the old body is kept');
DELETE FROM news.articles WHERE url = 'https://a.example/one';
SELECT is((SELECT count(*)::int FROM news.article_versions), 0, 'deleting an article deletes its versions');

-- news.articles repeats news.article's fields as columns, and the generated
-- columns and news.store_article rebuild the article from them with
-- ROW(...)::news.article, which matches by position.  Rebuilt by name from a
-- row whose fields all differ, the article must give the same results.
INSERT INTO news.articles (url, canonical_url, fetched_at, first_fetched_at, raw_page, site_name,
    lang, headline, summary, section, tags, authors, published_at, updated_at, published_local,
    updated_local, dateline_place, agency, body, image_url, word_count, provenance)
VALUES ('https://guard.example/a', 'https://guard.example/c', '2024-02-01Z', '2024-02-01Z', '\x00',
    'Guard Site', 'en', 'Headline heron', 'Summary swallow', 'Section sparrow', '{tag-thrush}',
    '{Author Avocet}', '2024-01-01 01:00Z', '2024-01-02 02:00Z', '2024-01-03 03:00',
    '2024-01-04 04:00', 'Dateline Dunlin', 'Agency Auk', 'Body bittern and its nest',
    'https://guard.example/i.png', 5, '{"source": "guard"}');
CREATE TEMP TABLE guard_article AS
SELECT jsonb_populate_record(NULL::news.article, to_jsonb(t) - 'raw_page') AS article
FROM news.articles t WHERE t.url = 'https://guard.example/a';
SELECT is((SELECT t.content_hash FROM news.articles t WHERE t.url = 'https://guard.example/a'),
          (SELECT news.content_hash(article) FROM guard_article),
          'the content_hash column hashes the article its columns hold, field for field');
SELECT is((SELECT t.search_vector FROM news.articles t WHERE t.url = 'https://guard.example/a'),
          (SELECT news.search_vector(article) FROM guard_article),
          'the search_vector column indexes the article its columns hold, field for field');
SELECT is((SELECT s.outcome
           FROM guard_article g,
                news.store_article('https://guard.example/a', '\x01', NULL, '2024-02-02Z',
                                   jsonb_populate_record(g.article,
                                                         '{"body": "Body edited"}')) AS s),
          'changed', 'an edit of the guard row is stored');
SELECT is((SELECT v.article FROM news.article_versions v
           JOIN news.articles t ON t.id = v.article_id WHERE t.url = 'https://guard.example/a'),
          (SELECT article FROM guard_article),
          'the version keeps the article the replaced columns held, field for field');

SELECT throws_ok($$SELECT news.ingest('', 'x'::text)$$, '22023', NULL, 'an empty URL is refused');

SELECT * FROM finish();
ROLLBACK;
