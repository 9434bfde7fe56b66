-- Analysis of article bodies: quotes and speakers, cited sources, entities,
-- text statistics, keywords.  Bodies are news.article.body: one paragraph a line.

CREATE FUNCTION news.quotes(body text)
RETURNS TABLE(quote text, speaker text, speaker_role text, cue text, paragraph integer, partial boolean)
AS 'MODULE_PATHNAME', 'news_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 250 ROWS 5;
COMMENT ON FUNCTION news.quotes(text) IS
'direct quotations of an article body with speaker, the speaker''s role, the attribution verb, the paragraph (line, from 1) and whether the quote is a fragment woven into a sentence; speaker is NULL unless the text names one unambiguously';

CREATE FUNCTION news.cited_sources(body text)
RETURNS TABLE(source text, kind text, mentions integer, first_paragraph integer)
AS 'MODULE_PATHNAME', 'news_cited_sources'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 250 ROWS 5;
COMMENT ON FUNCTION news.cited_sources(text) IS
'who an article body cites: named speakers (person, organisation), unnamed ones such as "a US official" (official), news agencies (agency); mentions counts attributions';

CREATE FUNCTION news.entities(body text)
RETURNS TABLE(entity text, kind text, mentions integer)
AS 'MODULE_PATHNAME', 'news_entities'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 250 ROWS 20;
COMMENT ON FUNCTION news.entities(text) IS
'people, organisations, places and groups an article body mentions, from the pg_news_entities list, capitalised word sequences and acronyms; kind is unknown where the text gives no evidence; most mentioned first';

CREATE FUNCTION news.text_stats(body text,
                                OUT words integer, OUT sentences integer, OUT paragraphs integer,
                                OUT syllables integer, OUT reading_minutes double precision,
                                OUT flesch_reading_ease double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'news_text_stats'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.text_stats(text) IS
'words (as news.article.word_count counts them), sentences, paragraphs, syllables, reading minutes at 238 words a minute, and the Flesch reading ease (English; higher is easier; NULL without a sentence)';

-- news.keywords reads news.articles (branch storage) and news.english (branch
-- search) at run time, so PL/pgSQL rather than a SQL-standard body, which
-- would bind them when this script runs.
CREATE FUNCTION news.keywords(body text, n integer DEFAULT 10)
RETURNS TABLE(keyword text, lexeme text, score double precision, tf integer, df bigint)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
    -- The configuration the stored vectors are built with (PG 15 has no to_regconfig)
    cfg    regconfig := coalesce((SELECT c.oid::pg_catalog.regconfig
                                  FROM pg_catalog.pg_ts_config c
                                  JOIN pg_catalog.pg_namespace ns ON ns.oid OPERATOR(pg_catalog.=) c.cfgnamespace
                                  WHERE ns.nspname OPERATOR(pg_catalog.=) 'news'
                                    AND c.cfgname OPERATOR(pg_catalog.=) 'english'),
                                 'pg_catalog.english'::pg_catalog.regconfig);
    ndocs  bigint;
BEGIN
    IF pg_catalog.to_regclass('news.articles') IS NULL THEN
        RAISE EXCEPTION 'news.keywords needs table news.articles'
            USING ERRCODE = 'undefined_table',
                  DETAIL = 'Document frequencies come from the stored search vectors, news.articles.search_vector.',
                  HINT = 'Store articles with pg_news first.';
    END IF;
    SELECT pg_catalog.count(*) INTO ndocs FROM news.articles a WHERE a.search_vector IS NOT NULL;
    RETURN QUERY
    WITH doc_terms AS (
        SELECT d.lexeme, pg_catalog.array_length(d.positions, 1) AS tf
        FROM pg_catalog.unnest(pg_catalog.to_tsvector(cfg, body)) AS d
        WHERE d.lexeme OPERATOR(pg_catalog.~) '[[:alpha:]]' AND pg_catalog.length(d.lexeme) OPERATOR(pg_catalog.>) 1
    ),
    doc_freq AS (
        SELECT l.lexeme, pg_catalog.count(*) AS df
        FROM news.articles a
        CROSS JOIN LATERAL pg_catalog.unnest(pg_catalog.tsvector_to_array(a.search_vector)) AS l(lexeme)
        WHERE l.lexeme OPERATOR(pg_catalog.=) ANY (SELECT doc.lexeme FROM doc_terms AS doc)
        GROUP BY l.lexeme
    ),
    -- The surface word a lexeme most often comes from in this body, for display
    surface AS (
        SELECT DISTINCT ON (v.lexeme) v.lexeme, v.word
        FROM (SELECT pg_catalog.lower(t.token) AS word, x.lexeme
              FROM pg_catalog.ts_parse((SELECT c.cfgparser FROM pg_catalog.pg_ts_config c
                                        WHERE c.oid OPERATOR(pg_catalog.=) cfg), body) AS t
              CROSS JOIN LATERAL pg_catalog.unnest(pg_catalog.to_tsvector(cfg, t.token)) AS x) AS v
        GROUP BY v.lexeme, v.word
        ORDER BY v.lexeme, pg_catalog.count(*) DESC, v.word
    ),
    scored AS (
        SELECT coalesce(s.word, doc.lexeme) AS keyword,
               doc.lexeme,
               -- sublinear tf times smoothed idf: ln((N + 1) / (df + 1)) + 1
               (1 OPERATOR(pg_catalog.+) pg_catalog.ln(doc.tf::double precision))
                 OPERATOR(pg_catalog.*) (pg_catalog.ln((ndocs OPERATOR(pg_catalog.+) 1)::double precision
                                         OPERATOR(pg_catalog./) (coalesce(df.df, 0) OPERATOR(pg_catalog.+) 1))
                                         OPERATOR(pg_catalog.+) 1) AS score,
               doc.tf,
               coalesce(df.df, 0) AS df
        FROM doc_terms AS doc
        LEFT JOIN doc_freq AS df ON df.lexeme OPERATOR(pg_catalog.=) doc.lexeme
        LEFT JOIN surface s ON s.lexeme OPERATOR(pg_catalog.=) doc.lexeme
    )
    -- One row per surface word: a word the configuration indexes twice keeps its best lexeme
    SELECT b.keyword, b.lexeme, b.score, b.tf, b.df
    FROM (SELECT DISTINCT ON (sc.keyword) sc.keyword, sc.lexeme, sc.score, sc.tf, sc.df
          FROM scored sc
          ORDER BY sc.keyword, sc.score DESC, sc.lexeme) AS b
    ORDER BY b.score DESC, b.lexeme
    LIMIT n;
END
$fn$;
COMMENT ON FUNCTION news.keywords(text, integer) IS
'the n terms of a body with the highest tf-idf, document frequencies taken from the stored search vectors of news.articles (configuration news.english, else english); keyword is the commonest surface form of the lexeme';
