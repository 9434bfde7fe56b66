-- pgTAP: news.quotes, news.cited_sources, news.entities, news.text_stats,
-- news.keywords.  news.keywords is exercised against a news.articles table
-- created here (any real one is renamed aside inside the transaction), so
-- the test runs whether or not the storage branch's table is installed.
BEGIN;
SELECT plan(29);

SELECT has_function('news', 'quotes', ARRAY['text']);
SELECT has_function('news', 'cited_sources', ARRAY['text']);
SELECT has_function('news', 'entities', ARRAY['text']);
SELECT has_function('news', 'text_stats', ARRAY['text']);
SELECT has_function('news', 'keywords', ARRAY['text', 'integer']);
SELECT volatility_is('news', 'quotes', ARRAY['text'], 'immutable');
SELECT volatility_is('news', 'entities', ARRAY['text'], 'immutable');
SELECT volatility_is('news', 'keywords', ARRAY['text', 'integer'], 'stable');
SELECT is((SELECT bool_and(proparallel = 's') FROM pg_proc
           WHERE pronamespace = 'news'::regnamespace
             AND proname IN ('quotes', 'cited_sources', 'entities', 'text_stats', 'keywords')),
          true, 'analysis functions are PARALLEL SAFE');

-- Pronouns: resolved to the one person named, left NULL when two were named
SELECT results_eq(
    $$SELECT speaker, cue FROM news.quotes(E'Mayor Ann Lee visited the site.\n“It is a tragedy,” she said.')$$,
    $$VALUES ('Ann Lee'::text, 'said'::text)$$,
    'a pronoun after one named person is that person');
SELECT results_eq(
    $$SELECT speaker FROM news.quotes(E'Tom Hale and Ann Lee met on Friday.\n“We are ready,” he said.')$$,
    $$VALUES (NULL::text)$$,
    'a pronoun after two named people stays NULL');
SELECT results_eq(
    $$SELECT speaker, speaker_role FROM news.quotes('“No,” said Peter Cook, a spokesman for the Pentagon.')$$,
    $$VALUES ('Peter Cook'::text, 'a spokesman for the Pentagon'::text)$$,
    'inverted attribution with an appositive role');
SELECT results_eq(
    $$SELECT quote, partial FROM news.quotes('The deal was "dead on arrival," Senator Jo Park said.')$$,
    $$VALUES ('dead on arrival'::text, true)$$,
    'straight quotes; a fragment woven into the sentence is partial');
SELECT results_eq(
    $$SELECT quote, paragraph FROM news.quotes(E'Intro.\n“One part.\n“Two parts,” said Ken Ito.')$$,
    $$VALUES (E'One part.\nTwo parts'::text, 2)$$,
    'a quote running over paragraphs is one quote, numbered by its first');
SELECT is((SELECT count(*)::int FROM news.quotes('They called it a “victory” of sorts.')), 0,
          'a scare-quoted word with nobody speaking is not a quote');

SELECT ok(EXISTS (SELECT 1 FROM news.cited_sources('Four jets landed there, a US official told AFP.')
                  WHERE source = 'AFP' AND kind = 'agency'), 'AFP is a cited agency');
SELECT ok(EXISTS (SELECT 1 FROM news.cited_sources('Four jets landed there, a US official told AFP.')
                  WHERE source = 'a US official' AND kind = 'official'), 'an unnamed official is a cited source');

-- The entity list as installed: each kind's first entry is found by a variant
CREATE TEMP TABLE entity_list AS
SELECT n, split_part(l, E'\t', 1) AS kind, split_part(l, E'\t', 2) AS canonical,
       nullif(split_part(split_part(l, E'\t', 3), '|', 1), '') AS variant
FROM regexp_split_to_table(pg_read_file((SELECT setting FROM pg_config WHERE name = 'SHAREDIR')
                                        || '/tsearch_data/pg_news_entities.tsv'), E'\n')
     WITH ORDINALITY AS t(l, n)
WHERE l !~ '^#' AND l LIKE E'%\t%';
SELECT ok((SELECT count(DISTINCT kind) FROM entity_list) >= 3, 'the entity list gives several kinds');
SELECT results_eq(
    $$SELECT e.entity, e.kind
      FROM (SELECT DISTINCT ON (kind) kind, canonical, coalesce(variant, canonical) AS variant
            FROM entity_list WHERE kind IN ('person', 'place') ORDER BY kind, n) AS l,
           news.entities('Later that day ' || l.variant || ' was in the news.') AS e
      ORDER BY l.kind$$,
    $$SELECT canonical, kind
      FROM (SELECT DISTINCT ON (kind) kind, canonical FROM entity_list
            WHERE kind IN ('person', 'place') ORDER BY kind, n) AS l
      ORDER BY kind$$,
    'entities: a variant from the list gives its canonical name and kind');
SELECT ok(NOT EXISTS (SELECT 1 FROM news.entities('Tactical discussions went on.')),
          'a lone capitalised word that only opens a sentence is not an entity');

SELECT results_eq(
    $$SELECT words, sentences, paragraphs FROM news.text_stats(E'One two three. Four five!\nSix seven')$$,
    $$VALUES (7, 3, 2)$$, 'text_stats counts words, sentences and paragraphs');

-- The real pipeline: the sample page stored in news.articles, analysed from its body
\set page `cat test/fixtures/ht_world_sample.html`
SELECT ok(news.ingest('https://www.hindustantimes.com/world/sample-story.html', :'page') IS NOT NULL,
          'the sample page is stored');
SELECT ok(EXISTS (SELECT 1 FROM news.articles a, news.quotes(a.body) q
                  WHERE q.speaker = 'Igor Konashenkov' AND q.cue = 'added'),
          'stored body: "he added" is Konashenkov');
SELECT ok(EXISTS (SELECT 1 FROM news.articles a, news.cited_sources(a.body) s WHERE s.source = 'AFP'),
          'stored body: AFP is a cited source');
SELECT ok((SELECT bool_and(k.df >= 1) FROM news.articles a, news.keywords(a.body, 5) k),
          'keywords of a stored body: each term occurs in the stored search vectors');

-- keywords over a corpus of three stored vectors
DO $$
BEGIN
    IF to_regclass('news.articles') IS NOT NULL THEN
        ALTER TABLE news.articles RENAME TO articles_pgtap_aside;
    END IF;
END
$$;
CREATE TABLE news.articles (search_vector tsvector);
INSERT INTO news.articles
SELECT to_tsvector(coalesce((SELECT c.oid::regconfig FROM pg_ts_config c
                             WHERE c.cfgnamespace = 'news'::regnamespace AND c.cfgname = 'english'),
                            'english'), t)
FROM (VALUES ('the government met today'), ('government talks stalled'), ('a government spokesman spoke')) AS v(t);
SELECT results_eq(
    $$SELECT keyword, tf, df FROM news.keywords('Government, government and the government zeppelin.', 2)$$,
    $$VALUES ('zeppelin'::text, 1, 0::bigint), ('government', 3, 3::bigint)$$,
    'keywords: a rare term outranks a frequent one that every document has');
SELECT is((SELECT count(*)::int FROM news.keywords('alpha beta gamma delta epsilon', 3)), 3, 'keywords: n limits the rows');
DROP TABLE news.articles;
SELECT throws_ok($$SELECT * FROM news.keywords('anything')$$, '42P01',
                 'news.keywords needs table news.articles', 'keywords without news.articles says so');
SELECT is((SELECT count(*)::int FROM news.keywords(NULL)), 0, 'keywords of NULL: no rows');

SELECT * FROM finish();
ROLLBACK;
