-- test/pgtap/10_article.sql: assertions about news.parse_article.
BEGIN;
SELECT plan(14);

SELECT has_type('news', 'article', 'news.article exists');
SELECT has_function('news', 'parse_article', ARRAY['text', 'text', 'text']);
SELECT has_function('news', 'parse_article', ARRAY['bytea', 'text', 'text', 'text']);
SELECT volatility_is('news', 'parse_article', ARRAY['text', 'text', 'text'], 'immutable');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'news.parse_article(text, text, text)'::regprocedure),
          's', 'parse_article(text) is PARALLEL SAFE');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'news.parse_article(bytea, text, text, text)'::regprocedure),
          's', 'parse_article(bytea) is PARALLEL SAFE');

CREATE TEMP TABLE page AS
SELECT (news.parse_article(
    '<html lang="en"><head><title>Floods hit the north | Example Times</title>'
    '<meta property="og:site_name" content="Example Times">'
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
    '{"@type": "WebSite", "name": "Example Times"},'
    '{"@type": ["NewsArticle"], "headline": "Floods hit the north", "author": [{"@type": "Person", "name": "Asha Rao"}, {"@type": "Person", "name": "Tom Lee"}],'
    ' "articleSection": "India", "keywords": ["floods", "monsoon"], "description": "Rivers burst their banks."}]}</script>'
    '<script type="application/ld+json">{ not json </script>'
    '</head><body><article><h1>Floods hit the north</h1>'
    '<p>Rivers burst their banks across the north on Monday, cutting roads, and forcing thousands from their homes, officials said.</p>'
    '<div class="share-tools"><a href="#">Share on Facebook</a></div>'
    '<p>The army was called in to help with rescue work in three districts, where rain has fallen for nine days without a break.</p>'
    '</article><footer>Copyright 2024 Example Times</footer></body></html>',
    'https://example.in/india/floods-hit-the-north.html')).*;

SELECT is(headline, 'Floods hit the north', 'JSON-LD headline from an @graph') FROM page;
SELECT is(authors, ARRAY['Asha Rao', 'Tom Lee'], 'authors from nested Person objects') FROM page;
SELECT is(section, 'India', 'articleSection') FROM page;
SELECT is(tags, ARRAY['floods', 'monsoon'], 'keywords array as tags') FROM page;
SELECT is(provenance->'headline'->>'source', 'json-ld', 'provenance names the source') FROM page;
SELECT ok(body LIKE 'Rivers burst their banks%' AND body NOT LIKE '%Share on Facebook%'
          AND body NOT LIKE '%Copyright%', 'body without share bar and footer') FROM page;
SELECT is(array_length(regexp_split_to_array(body, '\n'), 1), 2, 'two paragraphs, one per line') FROM page;
SELECT is(site_name, 'Example Times', 'site name') FROM page;

SELECT * FROM finish();
ROLLBACK;
