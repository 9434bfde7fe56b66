BEGIN;
SELECT plan(24);

SELECT has_function('news', 'search_vector', ARRAY['news.article'], 'news.search_vector(news.article) exists');
SELECT volatility_is('news', 'search_vector', ARRAY['news.article'], 'immutable', 'search_vector is IMMUTABLE');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'news.search_vector(news.article)'::regprocedure), 's',
          'search_vector is PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
            WHERE n.nspname = 'news' AND c.cfgname IN ('english', 'simple', 'hindi')), 3,
          'configurations news.english, news.simple, news.hindi');
SELECT is((SELECT count(*)::int FROM ts_token_type('news.parser') n JOIN ts_token_type('default') d USING (tokid, alias)), 23,
          'token ids 1..23 keep the default parser''s aliases');
SELECT is((SELECT count(*)::int FROM ts_token_type('news.parser')), 30, 'seven news token types after 23');
SELECT is((SELECT count(*)::int FROM pg_description d JOIN pg_ts_dict t ON d.objoid = t.oid
            JOIN pg_namespace n ON n.oid = t.dictnamespace WHERE n.nspname = 'news'),
          (SELECT count(*)::int FROM pg_ts_dict t JOIN pg_namespace n ON n.oid = t.dictnamespace WHERE n.nspname = 'news'),
          'every news dictionary has a comment');

-- Acronyms, stop words and stemming protection.
SELECT ok(to_tsvector('news.english', 'IS militants seized the town') @@ websearch_to_tsquery('news.english', 'IS'),
          'IS survives stop-word removal as an acronym');
SELECT ok(NOT (to_tsvector('news.english', 'THIS IS WAR') @@ websearch_to_tsquery('news.english', 'IS')),
          'an all-caps headline is not a row of acronyms');
SELECT ok(NOT (to_tsvector('news.english', 'Pakistan''s ISI denied it') @@ websearch_to_tsquery('news.english', 'ISIS')),
          'ISIS does not find ISI');
SELECT ok(NOT (to_tsvector('news.english', 'the universe') @@ websearch_to_tsquery('news.english', 'university')),
          'university is not universe');
SELECT ok(to_tsvector('news.english', 'U.S. troops') @@ websearch_to_tsquery('news.english', 'US'), 'U.S. = US');
SELECT ok(NOT (to_tsvector('news.english', 'he told us') @@ websearch_to_tsquery('news.english', 'US')), 'US is not us');

-- Entities over several words.
SELECT ok(to_tsvector('news.english', 'Daesh fighters') @@ websearch_to_tsquery('news.english', 'ISIL'), 'Daesh = ISIL');
SELECT ok(to_tsvector('news.english', 'Bashar al-Assad spoke') @@ websearch_to_tsquery('news.english', '"Bashar Assad"'),
          '"Bashar Assad" is a phrase of Bashar al-Assad');
SELECT ok(to_tsvector('news.english', 'the United States said') @@ websearch_to_tsquery('news.english', 'United States'),
          'the words of a name stay searchable');
SELECT ok(to_tsvector('news.english', 'the United States said') @@ phraseto_tsquery('news.english', 'United States'),
          'and stay a phrase');

-- Folding.
SELECT is(to_tsvector('news.simple', 'ÇANAKKALE'), to_tsvector('news.simple', 'canakkale'), 'case and diacritics fold in a C-ctype database');
SELECT is(to_tsvector('news.simple', E'\u0958\u093e\u0928\u0942\u0928'), to_tsvector('news.simple', E'\u0915\u093c\u093e\u0928\u0942\u0928'),
          'both nukta encodings meet');
SELECT is(ts_lexize('news.money', '$5bn'), ARRAY['usd5000000000'], '$5bn is usd5000000000');
SELECT is(ts_lexize('news.numbers', '2,40,000'), ARRAY['240000'], 'Indian digit grouping');

-- Helpers.
SELECT is(news.token_count(to_tsvector('news.english', 'talks talks ceasefire')), 3, 'token_count counts positions');
SELECT is(news.highlight(E'Nothing here.\nNor here.', websearch_to_tsquery('news.english', 'ceasefire')), NULL,
          'highlight is NULL when no paragraph matches');
SELECT ok(news.highlight(E'Nothing here.\nThe ceasefire held.', websearch_to_tsquery('news.english', 'ceasefire')) LIKE '%<b>ceasefire</b>%',
          'highlight marks the matching paragraph');

SELECT * FROM finish();
ROLLBACK;
