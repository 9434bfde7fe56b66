-- news.parse_article on the bundled sample page: an Indian news site's
-- world story with a weather widget, a city menu, today's date, related
-- links, a newsletter box and a footer around the article.
\pset null '(null)'
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
\set page `cat test/fixtures/ht_world_sample.html`
\set url 'https://www.hindustantimes.com/world/us-and-russian-militaries-discuss-force-deployment-in-syria/story-sample.html'

SELECT headline, section, site_name, lang, canonical_url
FROM news.parse_article(:'page', :'url');

-- IST on an Indian site is UTC+05:30: 12:38 IST is 07:08 UTC.  PostgreSQL's
-- own cast reads IST as Israel Standard Time.
SELECT updated_at, updated_local,
       'Sep 19, 2015 12:38 IST'::timestamptz AS postgres_cast
FROM news.parse_article(:'page', :'url');

SELECT summary FROM news.parse_article(:'page', :'url');

-- The body, one block per line: no menu, weather, date of the day,
-- related links, newsletter or footer; the repeated standfirst once.
SELECT n, line
FROM news.parse_article(:'page', :'url') a,
     regexp_split_to_table(a.body, '\n') WITH ORDINALITY AS b(line, n);

SELECT word_count, provenance->'headline' AS headline_from,
       provenance->'section' AS section_from
FROM news.parse_article(:'page', :'url');

-- NULL in, NULL out; a page without an article gives a row of NULLs.
SELECT news.parse_article(NULL::text) IS NULL AS null_page;
SELECT headline, body, word_count FROM news.parse_article('');
SELECT headline, body FROM news.parse_article('<html><body><nav><a href="/">Home</a></nav></body></html>');

-- The bytea form reads the charset from the page or the HTTP header.
SELECT headline
FROM news.parse_article(convert_to('<html><head><meta charset="iso-8859-1"><title>Caf' || chr(233) || ' ' || chr(252) || 'ber alles</title></head></html>', 'LATIN1'));
SELECT headline
FROM news.parse_article('\x3c7469746c653e4d6172c3a92c20d0bfd180d0b8d0b2d0b5d1823c2f7469746c653e'::bytea,
                        NULL, 'text/html; charset=utf-8');
-- Bytes that are not valid in the declared charset become U+FFFD.
SELECT headline FROM news.parse_article('\x3c7469746c653e4f6b20ff20776f726c643c2f7469746c653e'::bytea, NULL, 'text/html; charset=utf-8');

-- Limits are settings.
SET news.max_page_bytes = 1024;
SELECT headline FROM news.parse_article(:'page', :'url');
RESET news.max_page_bytes;
-- An unknown zone is an error with a hint.
SELECT headline FROM news.parse_article('<title>x</title>', NULL, 'Mars/Olympus_Mons');
