-- news.article and news.parse_article: an article page as typed columns.

CREATE TYPE news.article AS (
    url             text,
    canonical_url   text,
    site_name       text,
    lang            text,
    headline        text,
    summary         text,
    section         text,
    tags            text[],
    authors         text[],
    published_at    timestamptz,
    updated_at      timestamptz,
    published_local timestamp,
    updated_local   timestamp,
    dateline_place  text,
    agency          text,
    body            text,
    image_url       text,
    word_count      integer,
    provenance      jsonb
);
COMMENT ON TYPE news.article IS 'an article page as typed columns; see news.parse_article';

CREATE FUNCTION news.parse_article(html text, url text DEFAULT NULL, default_zone text DEFAULT NULL)
RETURNS news.article
AS 'MODULE_PATHNAME', 'news_parse_article_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION news.parse_article(text, text, text) IS
'article page HTML to typed columns; url gives the site context, default_zone the IANA zone for times without an offset';

CREATE FUNCTION news.parse_article(html bytea, url text DEFAULT NULL, content_type text DEFAULT NULL,
                                   default_zone text DEFAULT NULL)
RETURNS news.article
AS 'MODULE_PATHNAME', 'news_parse_article_bytea'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION news.parse_article(bytea, text, text, text) IS
'raw crawled page bytes to typed columns; the charset comes from a BOM, content_type, <meta charset> or detection';
