\pset null '(null)'
-- news.articles: ingest, re-crawls, another URL of the same story, a
-- syndicated copy on another site, edits kept in news.article_versions.
SET timezone = 'UTC';
\set original `cat test/fixtures/storage/original.html`
\set amp `cat test/fixtures/storage/amp.html`
\set edited `cat test/fixtures/storage/edited.html`
\set syndicated `cat test/fixtures/storage/syndicated.html`
\set unrelated `cat test/fixtures/storage/unrelated.html`
\set url 'https://www.alpineherald.example/world/2024/03/12/river-treaty'

-- First crawl: a new article.
SELECT news.ingest(:'url', :'original', '2024-03-12 06:00Z') AS id \gset
SELECT url, canonical_url, site, version, fetched_at, first_fetched_at, headline,
       simhash IS NOT NULL AS has_simhash, octet_length(content_hash) AS hash_bytes,
       search_vector @@ to_tsquery('english', 'treaty & river') AS found_by_search
FROM news.articles;

-- The same page again an hour later: same id, only fetched_at moves.
SELECT news.ingest(:'url', :'original', '2024-03-12 07:00Z') = :id AS same_id;
SELECT version, fetched_at, first_fetched_at,
       (SELECT count(*) FROM news.article_versions) AS versions
FROM news.articles;
-- An older crawl of the same text does not move fetched_at back.
SELECT * FROM news.ingest_page(:'url', convert_to(:'original', 'UTF8'), '2024-03-12 05:00Z');
SELECT fetched_at FROM news.articles;

-- The AMP page names the same canonical URL: one story, not two.
SELECT article_id = :id AS same_id, outcome
FROM news.ingest_page('https://amp.alpineherald.example/world/2024/03/12/river-treaty.amp',
                      convert_to(:'amp', 'UTF8'), '2024-03-12 07:30Z', 'text/html; charset=utf-8');
SELECT count(*) AS articles, max(fetched_at) AS fetched_at FROM news.articles;

-- Wire copy on another site: its own article, and a near duplicate of the first.
SELECT news.ingest('https://valleydaily.example/news/water-treaty-agreed-1234', :'syndicated',
                   '2024-03-12 08:00Z') AS syndicated_id \gset
SELECT news.ingest('https://valleydaily.example/news/tram-extension-approved', :'unrelated',
                   '2024-03-12 08:00Z') AS unrelated_id \gset
SELECT article_id = :syndicated_id AS is_syndicated_copy, site, distance <= 3 AS close
FROM news.near_duplicates(:id);
-- The unrelated story is far away, even with a wide threshold.
SELECT count(*) AS unrelated_within_12_bits
FROM news.near_duplicates(:id, 12) WHERE article_id = :unrelated_id;
SELECT news.hamming(a.simhash, b.simhash) > 12 AS far_apart
FROM news.articles a, news.articles b WHERE a.id = :id AND b.id = :unrelated_id;

-- An edited re-crawl: the old text moves to news.article_versions.
SELECT article_id = :id AS same_id, outcome
FROM news.ingest_page(:'url', convert_to(:'edited', 'UTF8'), '2024-03-12 09:00Z');
SELECT version, headline, fetched_at, first_fetched_at,
       raw_page = convert_to(:'edited', 'UTF8') AS raw_page_is_latest
FROM news.articles WHERE id = :id;
SELECT article_id = :id AS same_id, version, first_fetched_at, fetched_at, superseded_at,
       'headline' = ANY (changed) AS headline_changed, 'body' = ANY (changed) AS body_changed,
       'url' = ANY (changed) AS url_listed, (article).headline AS old_headline,
       raw_page = convert_to(:'original', 'UTF8') AS old_raw_page_kept
FROM news.article_versions;
-- A later crawl of the edited text is no new version.
SELECT outcome FROM news.ingest_page(:'url', convert_to(:'edited', 'UTF8'), '2024-03-12 10:00Z');
SELECT version, fetched_at, (SELECT count(*) FROM news.article_versions) AS versions
FROM news.articles WHERE id = :id;
-- A crawl from before the edit that arrives late stays history, not the current text.
-- Its text is the first version's: that version was seen once more.
SELECT outcome FROM news.ingest_page(:'url', convert_to(:'original', 'UTF8'), '2024-03-12 06:30Z');
-- A draft headline crawled even earlier is a text of its own.
SELECT outcome FROM news.ingest_page(:'url', convert_to(replace(:'original', 'Twelve countries agree',
                                                            'Twelve countries near'), 'UTF8'),
                                     '2024-03-12 05:30Z');
SELECT version, headline LIKE '%minimum summer flows' AS edited_headline_kept, first_fetched_at
FROM news.articles WHERE id = :id;
SELECT version, first_fetched_at, fetched_at, superseded_at, changed && ARRAY['headline'] AS headline_changed,
       (article).headline
FROM news.article_versions ORDER BY first_fetched_at;

-- Stealth edits of a site, the query an analyst runs.
SELECT a.site, v.superseded_at, v.changed && ARRAY['headline', 'body'] AS text_changed
FROM news.article_versions v JOIN news.articles a ON a.id = v.article_id
ORDER BY v.superseded_at;

-- Fingerprints.
SELECT news.simhash('') AS empty, news.simhash(' -- ... ') AS no_words,
       news.simhash('Hello world') = news.simhash('HELLO,  world!') AS case_and_punctuation_ignored,
       news.simhash('Émile Zola') = news.simhash('émile zola') AS latin1_case_folded,
       news.hamming(0, -1) AS all_bits, news.hamming(5, 5) AS none, news.hamming(NULL, 1) AS null_in;
SELECT news.url_site('https://WWW.Example.COM:8443/a?b') AS site, news.url_site('file:///tmp/x.html') AS no_host;

-- Errors.
\set VERBOSITY terse
SELECT news.ingest(NULL, '<p>x</p>'::text);
SELECT news.ingest('', '<p>x</p>'::text);
SELECT news.ingest('https://example.org/a', NULL::bytea);

\set VERBOSITY default

-- Raw pages are compressed with lz4 where the server has it.
SELECT attname, attcompression = 'l' OR NOT EXISTS (
           SELECT FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals))
       AS lz4_or_unavailable
FROM pg_attribute
WHERE attrelid IN ('news.articles'::regclass, 'news.article_versions'::regclass) AND attname = 'raw_page';
