-- Hostile input: every pg_news function answers with a value, NULL or a
-- clear ERROR, never a crash or a hang.  Each case below shows its outcome;
-- sizes are shown instead of megabytes of text.
\pset null '(null)'
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';

-- A summary of a parsed page: which fields came out, and how big.
CREATE TEMP TABLE hostile (name text, page bytea, content_type text);
CREATE FUNCTION pg_temp.outcome(a news.article)
RETURNS text LANGUAGE sql IMMUTABLE
RETURN concat_ws(' ',
    'headline=' || coalesce(left(a.headline, 30), '(null)'),
    'body=' || coalesce(length(a.body)::text || ' chars', '(null)'),
    'words=' || coalesce(a.word_count::text, '(null)'),
    'charset=' || coalesce(a.provenance->'charset'->>'raw', '(null)'));

-- Empty, white space, NULL.
SELECT pg_temp.outcome(news.parse_article('')) AS empty_page,
       pg_temp.outcome(news.parse_article(E' \t\r\n' || repeat(' ', 10000) || E'\n')) AS white_space,
       news.parse_article(NULL::text) IS NULL AS null_page_is_null;

-- Bytes through the bytea path: garbage, NUL bytes, invalid UTF-8, charsets
-- that lie.  Undecodable bytes become U+FFFD, NULs go; a page is never refused
-- for its bytes.
INSERT INTO hostile VALUES
    ('binary garbage, 128 kB',
     (SELECT string_agg(sha512(convert_to(i::text, 'UTF8')), ''::bytea ORDER BY i) FROM generate_series(1, 2048) AS i), NULL),
    ('NUL bytes', '\x3c703e4e55004c3c2f703e'::bytea, NULL),
    ('only NUL bytes', '\x00000000'::bytea, NULL),
    ('invalid UTF-8 declared UTF-8', convert_to('<p>Caf', 'UTF8') || '\xe9ff80c0af'::bytea || convert_to(' ok</p>', 'UTF8'),
     'text/html; charset=utf-8'),
    ('truncated UTF-8 sequence at the end', convert_to('<p>abc ', 'UTF8') || '\xe282'::bytea, NULL),
    ('Latin-1 bytes, header says UTF-8', convert_to('<p>Caf', 'UTF8') || '\xe9'::bytea || convert_to(' au lait</p>', 'UTF8'),
     'text/html; charset=UTF-8'),
    ('UTF-8 bytes, header says Shift_JIS', convert_to('<p>Café Zürich</p>', 'UTF8'), 'text/html; charset=shift_jis'),
    ('UTF-8 bytes, meta says windows-1251', convert_to('<meta charset="windows-1251"><p>Café Zürich</p>', 'UTF8'), NULL),
    ('unknown charset label', convert_to('<p>Café</p>', 'UTF8'), 'text/html; charset=x-klingon'),
    ('UTF-16LE BOM, odd length', '\xfffe3c00700031'::bytea, NULL),
    ('UTF-16BE BOM only', '\xfeff'::bytea, NULL),
    ('charset label 10,000 bytes long', convert_to('<p>x</p>', 'UTF8'), 'text/html; charset=' || repeat('a', 10000));
SELECT name, pg_temp.outcome(news.parse_article(page, NULL, content_type)) FROM hostile ORDER BY name;
SELECT body FROM news.parse_article('\x3c703e4e55004c3c2f703e'::bytea) AS nul_bytes_dropped;
SELECT body FROM news.parse_article(convert_to('<p>Caf', 'UTF8') || '\xe9ff'::bytea || convert_to(' ok</p>', 'UTF8'),
                                    NULL, 'text/html; charset=utf-8') AS invalid_utf8_replaced;

-- Size: news.max_page_bytes (default 32MB) refuses larger pages before any
-- parsing, on both paths; a 50 MB page parses once the limit allows it
-- (libxml2 keeps at most 10,000,000 bytes of one text node).
SHOW news.max_page_bytes;
SELECT pg_temp.outcome(news.parse_article(repeat('<p>word word word word word word</p>', 1500000)));
SELECT pg_temp.outcome(news.parse_article(convert_to(repeat('<p>word word word word word word</p>', 1500000), 'UTF8')));
SET news.max_page_bytes = '64MB';
SELECT pg_temp.outcome(news.parse_article('<title>Big</title><p>' || repeat('word ', 10 * 1024 * 1024) || '</p>'));
SET news.max_page_bytes = '1kB';
SELECT pg_temp.outcome(news.parse_article(repeat('<p>x</p>', 200)));
SET news.max_page_bytes = 100;
SET news.max_page_bytes = '2GB';
SET news.no_such_setting = 1;
RESET news.max_page_bytes;

-- Structure: deep nesting stops at libxml2's depth limit (content below it
-- is dropped); a tag with more than 4096 attribute names is refused (its
-- parse would be quadratic); unclosed comments, scripts and styles swallow
-- the rest of the page, never what came before.
SELECT pg_temp.outcome(news.parse_article('<title>Deep</title><p>Lead paragraph here.</p>' || repeat('<div>', 100000) || '<p>deep</p>')) AS nested_100000_divs;
SELECT pg_temp.outcome(news.parse_article(repeat('<b><i><table><tr><td>', 20000) || 'cell')) AS nested_formatting_and_tables;
SELECT pg_temp.outcome(news.parse_article('<div>' || repeat('</span></b></p>', 100000) || '<p>After stray end tags.</p>')) AS stray_end_tags;
SELECT pg_temp.outcome(news.parse_article('<p ' || repeat('a="b" ', 1000000) || '>x</p>')) AS million_attributes;
SELECT pg_temp.outcome(news.parse_article('<p ' || (SELECT string_agg('a' || i, ' ') FROM generate_series(1, 5000) AS i) || '>x</p>')) AS distinct_attributes_5000;
SELECT pg_temp.outcome(news.parse_article('<p ' || (SELECT string_agg('a' || i, ' ') FROM generate_series(1, 4000) AS i) || '>x</p>')) AS distinct_attributes_4000;
SELECT pg_temp.outcome(news.parse_article('<title>T</title><p>Visible text.</p><!--' || repeat('comment ', 100000))) AS unclosed_comment;
SELECT pg_temp.outcome(news.parse_article('<title>T</title><p>Visible text.</p><script>' || repeat('var a = "<p>";', 100000))) AS unclosed_script;
SELECT pg_temp.outcome(news.parse_article('<title>T</title><p>Visible text.</p><style>' || repeat('p{}', 100000))) AS unclosed_style;
SELECT pg_temp.outcome(news.parse_article('<title>T</title><p>Visible text.</p><p class="' || repeat('x', 100000))) AS unclosed_attribute;
SELECT pg_temp.outcome(news.parse_article('<title>T</title><p>Visible text.</p><![CDATA[' || repeat('x', 100000))) AS unclosed_cdata;
SELECT pg_temp.outcome(news.parse_article(repeat('<', 100000) || repeat('>', 100000) || repeat('&#', 100000))) AS angle_brackets_and_entities;
SELECT pg_temp.outcome(news.parse_article('<p>' || repeat('a', 1000000) || '</p>')) AS million_character_word;

-- JSON-LD: huge, deeply nested, not JSON.  Bad JSON-LD is ignored and the
-- other sources answer.
SELECT pg_temp.outcome(news.parse_article('<title>From title</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": "'
       || repeat('Huge ', 1000000) || '"}</script><p>Body.</p>')) AS jsonld_huge_headline;
SELECT pg_temp.outcome(news.parse_article('<title>From title</title><script type="application/ld+json">{"@graph": ['
       || repeat('{"@type": "Thing", "name": "x"},', 100000) || '{"@type": "NewsArticle", "headline": "Last of many"}]}</script>')) AS jsonld_100000_items;
SELECT pg_temp.outcome(news.parse_article('<title>From title</title><script type="application/ld+json">'
       || repeat('[', 100000) || '{"@type": "NewsArticle", "headline": "Too deep"}' || repeat(']', 100000) || '</script>')) AS jsonld_nested_100000;
SELECT pg_temp.outcome(news.parse_article('<title>From title</title><script type="application/ld+json">'
       || repeat('{"a":', 100000) || '</script>')) AS jsonld_unclosed_objects;
SELECT pg_temp.outcome(news.parse_article('<title>From title</title><script type="application/ld+json">{not json at all, "headline": "No"}</script>')) AS jsonld_not_json;
SELECT pg_temp.outcome(news.parse_article('<title>From title</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Nul\u0000 and \ud800 lone"}</script>')) AS jsonld_bad_escapes;

-- Dates: pathological strings give NULL; an unknown zone is an ERROR.
SELECT input, news.parse_timestamp(input) AS parsed
FROM unnest(ARRAY[
    '', ' ', 'garbage', 'Sep 31, 2015', '2015-02-29', '0000-00-00 00:00:00', '9999999999-01-01',
    '99:99', '2015-09-19T2380', '2015-09-19T12:38:00-00:01', '12/13/14 15:16:17 XYZ', 'infinity',
    'epoch', 'now', '1 hour ago', '31/12/99 23:59:60 UTC', '294277-01-01']) AS input;
SELECT length(input) AS input_length, news.parse_timestamp(input) AS parsed
FROM unnest(ARRAY[repeat('1', 1000000), repeat('Monday ', 100000), repeat('12:', 100000),
                  repeat('Sep ', 100000) || '19, 2015', repeat('-', 1000000)]) AS input;
SELECT news.parse_timestamp('Sep 19, 2015 12:38', 'Mars/Olympus_Mons');
SELECT news.parse_timestamp(NULL) IS NULL AS null_is_null;

-- Datelines: NULL when there is none, whatever the lead.
SELECT length(input) AS input_length, news.parse_dateline(input) AS dateline
FROM unnest(ARRAY['', repeat('A', 1000000) || ' (AFP) - x', repeat('(', 100000), repeat('NEW DELHI: ', 100000),
                  'KYIV, ' || repeat('Ukraine, ', 10000) || '(AP) - x']) AS input;
SELECT news.agency_name(repeat('Agence France-Presse ', 100000)) AS agency;

-- Text search: every token class, and inputs that stress each.
SELECT alias, count(*) AS tokens
FROM ts_debug('news.english',
    'Officials said U.S. NATO O''Brien D''Souza co-operation e-mail 2nd-quarter Erdoğan नमस्ते मार्च عربي 中文 '
    || 'a@b.org https://example.com/a/b?c=d#e example.com/x #Syria @AFP $5bn Rs 500 crore ₹2.4 lakh US$3 million '
    || '15% 40km 300MW 240,000 2,40,000.50 2.5 2024 1.2.3 v2 x86 e' || chr(769) || ' zero' || chr(8205) || 'width soft' || chr(173) || 'hyphen 🙂 ...')
GROUP BY alias ORDER BY alias;
SELECT length(to_tsvector('news.english', repeat('a', 1000000))::text) AS million_char_word_tsvector;
SELECT array_length(tsvector_to_array(to_tsvector('news.english', 'https://example.com/' || repeat('a/', 50000))), 1) AS long_url_lexemes;
SELECT array_length(tsvector_to_array(to_tsvector('news.english', repeat('#', 100000) || repeat('@', 100000) || repeat('$', 100000))), 1) AS only_symbols;
SELECT array_length(tsvector_to_array(to_tsvector('news.english', repeat('1,', 100000) || repeat('U.', 100000) || repeat('-x', 100000))), 1) AS separators;
SELECT count(*) AS tokens FROM ts_parse('news.parser', repeat(chr(769), 100000) || repeat(chr(8205), 100000));
SELECT length(ts_headline('news.english', repeat('word ', 200000), to_tsquery('news.english', 'word'))) AS headline_of_1mb;
SELECT length(news.highlight(repeat('<p>word</p> ', 100000), to_tsquery('news.english', 'word'), 'news.english', '')) > 0 AS highlight_of_1mb;
SELECT news.simhash('') AS simhash_empty, news.simhash(repeat('#', 100000)) AS simhash_symbols,
       news.simhash(repeat('a', 1000000)) = news.simhash(repeat('a', 1000000)) AS simhash_stable;
