\pset null '(null)'
-- news.parser, its dictionaries and news.english against the stock english
-- configuration.  The test database has lc_ctype C: the stock parser then
-- leaves curly quotes and the danda on words and cannot lower-case ERDOĞAN;
-- news.parser classifies code points from its own tables.
SET client_min_messages = warning;

-- Token types: ids 1..23 as the default parser, news types after them.
SELECT tokid, alias, description FROM ts_token_type('news.parser') WHERE tokid > 23;
SELECT count(*) AS same_as_default
  FROM ts_token_type('news.parser') n JOIN ts_token_type('default') d USING (tokid, alias);

-- The examples of the issue, stock english first, then news.english.
SELECT to_tsvector('english', 'IS militants seized the town') AS stock,
       to_tsvector('news.english', 'IS militants seized the town') AS news;
SELECT to_tsvector('english', 'U.S. troops; 240,000 fled; #Syria @AFP O''Brien Russia''s') AS stock;
SELECT to_tsvector('news.english', 'U.S. troops; 240,000 fled; #Syria @AFP O''Brien Russia''s') AS news;

-- A tour of the tokens and what the dictionaries make of them.
SELECT alias, token, dictionaries, lexemes
  FROM ts_debug('news.english',
       'THIS IS WAR: ISIS fighters and Bashar al-Assad''s army; the IMF lent $5bn (₹2.4 lakh crore?) at 15%, see https://www.imf.org/en/News or mail press@imf.org.')
 WHERE alias <> 'blank';

-- Locale independence: capitals, curly quotes, the danda, joiners, nukta.
SELECT to_tsvector('english', 'ERDOĞAN said “Syria” भारत।') AS stock,
       to_tsvector('news.english', 'ERDOĞAN said “Syria” भारत।') AS news;
SELECT to_tsvector('news.simple', E'\u0958\u093e\u0928\u0942\u0928') = to_tsvector('news.simple', E'\u0915\u093c\u093e\u0928\u0942\u0928') AS nukta_encodings_meet,
       to_tsvector('news.simple', E'\u0915\u094d\u200d\u0937') = to_tsvector('news.simple', E'\u0915\u094d\u0937') AS joiner_ignored;
SELECT to_tsvector('news.hindi', 'प्रधानमंत्री नरेंद्र मोदी ने संसद में नए क़ानून पर बात की। ISRO') AS hindi;

-- Dictionaries one at a time.
SELECT ts_lexize('news.acronyms', 'U.S.') AS us, ts_lexize('news.acronyms', 'ISIS') AS isis,
       ts_lexize('news.acronyms', 'IS') AS "is", ts_lexize('news.acronyms', 'NATO') AS nato;
SELECT ts_lexize('news.numbers', '2,40,000.50') AS indian, ts_lexize('news.numbers', '240,000') AS western;
SELECT ts_lexize('news.money', '$5bn') AS a, ts_lexize('news.money', '$5 billion') AS b,
       ts_lexize('news.money', 'Rs. 2.4 lakh') AS c, ts_lexize('news.money', '€3.25') AS d;
SELECT ts_lexize('news.tags', '#Syria') AS hashtag, ts_lexize('news.measures', '40KM') AS measure;
SELECT ts_lexize('news.english_words', 'Erdoğan') AS erdogan, ts_lexize('news.english_words', 'Hamas') AS hamas,
       ts_lexize('news.english_words', 'hamas') AS hamas_lower, ts_lexize('english_stem', 'hamas') AS stock_hamas,
       ts_lexize('news.english_words', 'universities') AS universities, ts_lexize('news.english_words', 'the') AS stop;

-- Names over several words: the words at their positions and the
-- canonical form at each of them, so typed words and variants both match.
SELECT to_tsvector('news.english', 'Bashar al-Assad met United States envoys') AS vector;
SELECT websearch_to_tsquery('news.english', 'United States') AS websearch,
       plainto_tsquery('news.english', 'United States') AS plain,
       phraseto_tsquery('news.english', 'Bashar Assad') AS phrase,
       websearch_to_tsquery('news.english', 'Daesh') AS variant;

-- Relevance: (query, document, should match), websearch_to_tsquery in both.
CREATE TEMP TABLE relevance (query text, document text, should_match boolean);
\copy relevance FROM 'test/fixtures/40_relevance.tsv'
CREATE TEMP VIEW verdicts AS
SELECT query, document, should_match,
       to_tsvector('english', document) @@ websearch_to_tsquery('english', query) AS stock,
       to_tsvector('news.english', document) @@ websearch_to_tsquery('news.english', query) AS news
  FROM relevance;
SELECT count(*) AS cases,
       count(*) FILTER (WHERE stock = should_match) AS stock_right,
       count(*) FILTER (WHERE news = should_match) AS news_right
  FROM verdicts;
-- Where news.english is wrong (none expected):
SELECT query, document, should_match, news FROM verdicts WHERE news <> should_match;
-- Where the stock configuration is wrong:
SELECT query, document, should_match, stock FROM verdicts WHERE stock <> should_match ORDER BY query, document;

-- ts_headline with the parser (the built-in headline function).
SELECT ts_headline('news.english',
       'Syrian President Bashar al-Assad met U.S. envoys in Damascus on Tuesday.',
       websearch_to_tsquery('news.english', 'Assad'));
SELECT ts_headline('news.english',
       'Daesh, also called ISIS, lost Raqqa. Read more at https://example.com/raqqa today.',
       websearch_to_tsquery('news.english', 'ISIL'), 'MaxWords=12, MinWords=5');

-- news.search_vector: headline A, summary B, body C.
SELECT news.search_vector(ROW(NULL, NULL, NULL, 'en', 'IS fighters retreat', 'Militants left Raqqa',
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'The Islamic State group withdrew.', NULL, NULL, NULL)::news.article);
SELECT provolatile, proparallel FROM pg_proc WHERE oid = 'news.search_vector(news.article)'::regprocedure;

-- BM25 over corpus statistics: a rare word outweighs a common one.
CREATE TEMP TABLE docs (id int, v tsvector);
INSERT INTO docs VALUES
  (1, to_tsvector('news.english', 'Talks on the ceasefire in Gaza resumed in Cairo')),
  (2, to_tsvector('news.english', 'The talks stalled as talks on talks went nowhere')),
  (3, to_tsvector('news.english', 'Cairo hosted talks on trade')),
  (4, to_tsvector('news.english', 'Talks continue')),
  (5, to_tsvector('news.english', 'Ceasefire holds in Gaza'));
SELECT news.bm25_analyze('test', 'SELECT v FROM docs') AS documents;
SELECT corpus, documents, round(avg_length::numeric, 2) AS avg_length FROM news.bm25_corpus;
SELECT id, round(news.bm25('test', v, q)::numeric, 4) AS bm25, round(ts_rank(v, q)::numeric, 4) AS ts_rank
  FROM docs, websearch_to_tsquery('news.english', 'talks or ceasefire') q
 WHERE v @@ q ORDER BY news.bm25('test', v, q) DESC, id;
SELECT news.bm25('nosuch', to_tsvector('news.english', 'talks'), 'talk');
SELECT news.bm25('test', to_tsvector('news.english', 'talks'), 'talk', 1.2, 2);

-- news.highlight: only paragraphs that can match are parsed.
SELECT news.paragraph_may_match('Markets rallied on Friday.', websearch_to_tsquery('news.english', 'ceasefire')) AS no,
       news.paragraph_may_match('The ceasefire held.', websearch_to_tsquery('news.english', 'ceasefire')) AS yes;
-- A typographic apostrophe is dropped as the dictionaries drop it.
SELECT to_tsvector('news.english', 'O’Brien resigned.') @@ websearch_to_tsquery('news.english', 'O''Brien') AS matches,
       news.paragraph_may_match('O’Brien resigned.', websearch_to_tsquery('news.english', 'O''Brien')) AS may_match;
SELECT news.highlight(E'Markets rallied on Friday.\nThe ceasefire in Gaza held overnight, officials said.\nRain is expected.',
       websearch_to_tsquery('news.english', 'ceasefire Gaza'));
SELECT news.highlight(E'Markets rallied.\nRain is expected.', websearch_to_tsquery('news.english', 'ceasefire')) AS none;

-- Positions cap at 16383: words past it are still found, phrases there are not reliable.
SELECT max(p) AS last_position
  FROM unnest(to_tsvector('news.english', repeat('filler words here ', 6000) || 'final ceasefire')) u,
       unnest(u.positions) p;

-- Dictionary options are checked.
CREATE TEXT SEARCH DICTIONARY bad_words (TEMPLATE = news.words_template, Stemer = 'english_stem');
CREATE TEXT SEARCH DICTIONARY bad_token (TEMPLATE = news.token_template, Kind = 'emoji');
