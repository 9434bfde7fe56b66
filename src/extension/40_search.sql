-- News text search: news.parser, dictionaries, configurations news.english,
-- news.simple and news.hindi, news.search_vector, BM25 ranking, highlights.

CREATE FUNCTION news.prs_start(internal, int4) RETURNS internal
AS 'MODULE_PATHNAME', 'news_prs_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.prs_start(internal, int4) IS 'news.parser: starts tokenising a text';
CREATE FUNCTION news.prs_nexttoken(internal, internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'news_prs_nexttoken' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.prs_nexttoken(internal, internal, internal) IS 'news.parser: the next token and its type';
CREATE FUNCTION news.prs_end(internal) RETURNS void
AS 'MODULE_PATHNAME', 'news_prs_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.prs_end(internal) IS 'news.parser: frees the tokeniser state';
CREATE FUNCTION news.prs_lextype(internal) RETURNS internal
AS 'MODULE_PATHNAME', 'news_prs_lextype' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.prs_lextype(internal) IS 'news.parser: token types (ids 1..23 as the default parser, news types from 24)';

-- Ids 1..23 mean what they mean in the default parser, so its headline
-- function (which knows blank, tag, url and compounds by id) works as is.
CREATE TEXT SEARCH PARSER news.parser (
    START = news.prs_start, GETTOKEN = news.prs_nexttoken, END = news.prs_end,
    HEADLINE = pg_catalog.prsd_headline, LEXTYPES = news.prs_lextype);
COMMENT ON TEXT SEARCH PARSER news.parser IS
'news tokens, the same in every locale: words in any script, acronyms, compounds, apostrophe names, numbers, money, measures, hashtags, mentions, URLs, hosts, e-mail';

CREATE FUNCTION news.words_init(internal) RETURNS internal
AS 'MODULE_PATHNAME', 'news_words_init' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.words_init(internal) IS 'news.words_template: reads Stemmer, Entities, Protect, MultiWord';
CREATE FUNCTION news.words_lexize(internal, internal, internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'news_words_lexize' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.words_lexize(internal, internal, internal, internal) IS 'news.words_template: folds, matches entity names, stems';
CREATE TEXT SEARCH TEMPLATE news.words_template (INIT = news.words_init, LEXIZE = news.words_lexize);
COMMENT ON TEXT SEARCH TEMPLATE news.words_template IS
'words: Unicode folding, entity names over several words (words and canonical form at the same positions), protected words, then a Snowball stemmer';

CREATE FUNCTION news.token_init(internal) RETURNS internal
AS 'MODULE_PATHNAME', 'news_token_init' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.token_init(internal) IS 'news.token_template: reads Kind and Entities';
CREATE FUNCTION news.token_lexize(internal, internal, internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'news_token_lexize' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.token_lexize(internal, internal, internal, internal) IS 'news.token_template: normalises acronyms, numbers, money, measures, tags';
CREATE TEXT SEARCH TEMPLATE news.token_template (INIT = news.token_init, LEXIZE = news.token_lexize);
COMMENT ON TEXT SEARCH TEMPLATE news.token_template IS
'news token types by Kind: acronym (U.S. = us, never a stop word), number (240,000 = 240000), money (canonical currency and value), measure, tag';

CREATE TEXT SEARCH DICTIONARY news.english_words (TEMPLATE = news.words_template,
    Stemmer = 'pg_catalog.english_stem', Entities = 'pg_news_entities', Protect = 'pg_news_protect');
COMMENT ON TEXT SEARCH DICTIONARY news.english_words IS 'English words: folding, entity names, protected words, english_stem';
CREATE TEXT SEARCH DICTIONARY news.english_single (TEMPLATE = news.words_template,
    Stemmer = 'pg_catalog.english_stem', Entities = 'pg_news_entities', Protect = 'pg_news_protect',
    MultiWord = false);
COMMENT ON TEXT SEARCH DICTIONARY news.english_single IS
'fallback after news.english_words when a multi-word match is abandoned: the same, one word at a time';
CREATE TEXT SEARCH DICTIONARY news.hindi_words (TEMPLATE = news.words_template,
    Stemmer = 'pg_catalog.hindi_stem', Entities = 'pg_news_entities', Protect = 'pg_news_protect');
COMMENT ON TEXT SEARCH DICTIONARY news.hindi_words IS 'Hindi words: folding (nukta, joiners), entity names, hindi_stem';
CREATE TEXT SEARCH DICTIONARY news.hindi_single (TEMPLATE = news.words_template,
    Stemmer = 'pg_catalog.hindi_stem', Entities = 'pg_news_entities', Protect = 'pg_news_protect',
    MultiWord = false);
COMMENT ON TEXT SEARCH DICTIONARY news.hindi_single IS 'fallback after news.hindi_words';
CREATE TEXT SEARCH DICTIONARY news.simple_words (TEMPLATE = news.words_template,
    Entities = 'pg_news_entities');
COMMENT ON TEXT SEARCH DICTIONARY news.simple_words IS 'words folded, entity names, no stemming and no stop words';
CREATE TEXT SEARCH DICTIONARY news.simple_single (TEMPLATE = news.words_template,
    Entities = 'pg_news_entities', MultiWord = false);
COMMENT ON TEXT SEARCH DICTIONARY news.simple_single IS 'fallback after news.simple_words';
CREATE TEXT SEARCH DICTIONARY news.acronyms (TEMPLATE = news.token_template,
    Kind = 'acronym', Entities = 'pg_news_entities');
COMMENT ON TEXT SEARCH DICTIONARY news.acronyms IS
'acronyms: dots removed and lower-cased (U.S. = US = us), never stop words, never stemmed; plus the entity an acronym stands for (ISIS = Islamic State)';
CREATE TEXT SEARCH DICTIONARY news.numbers (TEMPLATE = news.token_template, Kind = 'number');
COMMENT ON TEXT SEARCH DICTIONARY news.numbers IS 'numbers without group separators: 240,000 and 2,40,000 are 240000';
CREATE TEXT SEARCH DICTIONARY news.money (TEMPLATE = news.token_template, Kind = 'money');
COMMENT ON TEXT SEARCH DICTIONARY news.money IS
'money: ISO currency and value ($5bn = $5 billion = usd5000000000; Rs 2.4 lakh = inr240000)';
CREATE TEXT SEARCH DICTIONARY news.measures (TEMPLATE = news.token_template, Kind = 'measure');
COMMENT ON TEXT SEARCH DICTIONARY news.measures IS 'numbers with units, lower-cased: 15%, 40km';
CREATE TEXT SEARCH DICTIONARY news.tags (TEMPLATE = news.token_template, Kind = 'tag');
COMMENT ON TEXT SEARCH DICTIONARY news.tags IS 'hashtags and mentions: #Syria gives #syria and syria';

CREATE TEXT SEARCH CONFIGURATION news.english (PARSER = news.parser);
COMMENT ON TEXT SEARCH CONFIGURATION news.english IS 'English news: entities, acronyms, numbers, money, tags; english_stem for other words';
CREATE TEXT SEARCH CONFIGURATION news.simple (PARSER = news.parser);
COMMENT ON TEXT SEARCH CONFIGURATION news.simple IS 'news tokens folded, no stemming and no stop words';
CREATE TEXT SEARCH CONFIGURATION news.hindi (PARSER = news.parser);
COMMENT ON TEXT SEARCH CONFIGURATION news.hindi IS 'Hindi news: hindi_stem for words in any script, English rules for ASCII words';

ALTER TEXT SEARCH CONFIGURATION news.english
    ADD MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
        hword_asciipart, hword_part, hword_numpart, aposword
    WITH news.english_words, news.english_single;
ALTER TEXT SEARCH CONFIGURATION news.simple
    ADD MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
        hword_asciipart, hword_part, hword_numpart, aposword
    WITH news.simple_words, news.simple_single;
ALTER TEXT SEARCH CONFIGURATION news.hindi
    ADD MAPPING FOR asciiword, asciihword, hword_asciipart, aposword
    WITH news.english_words, news.english_single;
ALTER TEXT SEARCH CONFIGURATION news.hindi
    ADD MAPPING FOR word, numword, hword, numhword, hword_part, hword_numpart
    WITH news.hindi_words, news.hindi_single;
ALTER TEXT SEARCH CONFIGURATION news.english ADD MAPPING FOR acronym WITH news.acronyms;
ALTER TEXT SEARCH CONFIGURATION news.simple ADD MAPPING FOR acronym WITH news.acronyms;
ALTER TEXT SEARCH CONFIGURATION news.hindi ADD MAPPING FOR acronym WITH news.acronyms;
ALTER TEXT SEARCH CONFIGURATION news.english ADD MAPPING FOR number WITH news.numbers;
ALTER TEXT SEARCH CONFIGURATION news.simple ADD MAPPING FOR number WITH news.numbers;
ALTER TEXT SEARCH CONFIGURATION news.hindi ADD MAPPING FOR number WITH news.numbers;
ALTER TEXT SEARCH CONFIGURATION news.english ADD MAPPING FOR money WITH news.money;
ALTER TEXT SEARCH CONFIGURATION news.simple ADD MAPPING FOR money WITH news.money;
ALTER TEXT SEARCH CONFIGURATION news.hindi ADD MAPPING FOR money WITH news.money;
ALTER TEXT SEARCH CONFIGURATION news.english ADD MAPPING FOR measure WITH news.measures;
ALTER TEXT SEARCH CONFIGURATION news.simple ADD MAPPING FOR measure WITH news.measures;
ALTER TEXT SEARCH CONFIGURATION news.hindi ADD MAPPING FOR measure WITH news.measures;
ALTER TEXT SEARCH CONFIGURATION news.english ADD MAPPING FOR hashtag, mention WITH news.tags;
ALTER TEXT SEARCH CONFIGURATION news.simple ADD MAPPING FOR hashtag, mention WITH news.tags;
ALTER TEXT SEARCH CONFIGURATION news.hindi ADD MAPPING FOR hashtag, mention WITH news.tags;
ALTER TEXT SEARCH CONFIGURATION news.english
    ADD MAPPING FOR email, url, host, url_path, float, uint, version WITH pg_catalog.simple;
ALTER TEXT SEARCH CONFIGURATION news.simple
    ADD MAPPING FOR email, url, host, url_path, float, uint, version WITH pg_catalog.simple;
ALTER TEXT SEARCH CONFIGURATION news.hindi
    ADD MAPPING FOR email, url, host, url_path, float, uint, version WITH pg_catalog.simple;

CREATE FUNCTION news.search_vector(a news.article) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.setweight(pg_catalog.to_tsvector('news.english'::regconfig, coalesce(a.headline, '')), 'A')
       OPERATOR(pg_catalog.||)
       pg_catalog.setweight(pg_catalog.to_tsvector('news.english'::regconfig, coalesce(a.summary, '')), 'B')
       OPERATOR(pg_catalog.||)
       pg_catalog.setweight(pg_catalog.to_tsvector('news.english'::regconfig, coalesce(a.body, '')), 'C');
COMMENT ON FUNCTION news.search_vector(news.article) IS
'news.english tsvector of an article: headline weight A, summary B, body C (positions past 16383 are clamped; see README)';

-- BM25 ---------------------------------------------------------------

CREATE TABLE news.bm25_corpus (
    corpus      text PRIMARY KEY,
    documents   bigint NOT NULL,
    avg_length  float8 NOT NULL
);
COMMENT ON TABLE news.bm25_corpus IS 'BM25 corpus statistics: document count and mean document length (positions), per corpus name';
CREATE TABLE news.bm25_terms (
    corpus      text NOT NULL REFERENCES news.bm25_corpus ON DELETE CASCADE,
    lexeme      text NOT NULL,
    documents   bigint NOT NULL,
    PRIMARY KEY (corpus, lexeme)
);
COMMENT ON TABLE news.bm25_terms IS 'BM25 corpus statistics: number of documents containing each lexeme';
SELECT pg_catalog.pg_extension_config_dump('news.bm25_corpus', '');
SELECT pg_catalog.pg_extension_config_dump('news.bm25_terms', '');

CREATE FUNCTION news.token_count(vector tsvector) RETURNS integer
AS 'MODULE_PATHNAME', 'news_token_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.token_count(tsvector) IS 'number of positions in a tsvector (lexemes without positions count once): the BM25 document length';

CREATE FUNCTION news.bm25_analyze(corpus text, vectors text) RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    n bigint;
BEGIN
    DELETE FROM news.bm25_corpus c WHERE c.corpus = bm25_analyze.corpus;
    EXECUTE format('INSERT INTO news.bm25_corpus SELECT $1, count(*), coalesce(avg(news.token_count(v)), 0) FROM (%s) AS s(v) WHERE v IS NOT NULL', vectors)
        USING corpus;
    SELECT c.documents INTO n FROM news.bm25_corpus c WHERE c.corpus = bm25_analyze.corpus;
    EXECUTE format('INSERT INTO news.bm25_terms SELECT $1, word, ndoc FROM ts_stat(%L)', vectors)
        USING corpus;
    RETURN n;
END
$fn$;
COMMENT ON FUNCTION news.bm25_analyze(text, text) IS
'stores BM25 statistics for corpus from a query returning one tsvector column, run with search_path pg_catalog, pg_temp (so qualify tables: ''SELECT search_vector FROM public.articles''); returns the document count';

CREATE FUNCTION news.bm25(corpus text, vector tsvector, query tsquery, k1 float8 DEFAULT 1.2, b float8 DEFAULT 0.75)
RETURNS float8
AS 'MODULE_PATHNAME', 'news_bm25' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.bm25(text, tsvector, tsquery, float8, float8) IS
'BM25 score of a document vector for the lexemes of a query, with idf from news.bm25_analyze statistics (STABLE: reads them)';

-- Highlights -------------------------------------------------------------

CREATE FUNCTION news.paragraph_may_match(paragraph text, query tsquery) RETURNS boolean
AS 'MODULE_PATHNAME', 'news_paragraph_may_match' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.paragraph_may_match(text, tsquery) IS
'cheap prefilter: false when no token of the paragraph can produce a lexeme of the query (tokeniser only, no dictionaries)';

CREATE FUNCTION news.highlight(body text, query tsquery, config regconfig DEFAULT 'news.english', options text DEFAULT '')
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    -- Each paragraph past the prefilter is parsed once, for both the match
    -- and the rank: OFFSET 0 keeps the planner from pulling the subquery up
    -- and writing to_tsvector into both places again.
    SELECT pg_catalog.ts_headline(config, p.para, query, options)
      FROM pg_catalog.regexp_split_to_table(body, E'\n') WITH ORDINALITY AS p(para, n)
           CROSS JOIN LATERAL (SELECT pg_catalog.to_tsvector(config, p.para) AS vector OFFSET 0) AS v
     WHERE news.paragraph_may_match(p.para, query)
       AND v.vector OPERATOR(pg_catalog.@@) query
     ORDER BY pg_catalog.ts_rank(v.vector, query) DESC, p.n
     LIMIT 1;
END;
COMMENT ON FUNCTION news.highlight(text, tsquery, regconfig, text) IS
'ts_headline of the best-matching paragraph of a body (one paragraph per line); only paragraphs passing a tokeniser prefilter are parsed; NULL when none matches';
