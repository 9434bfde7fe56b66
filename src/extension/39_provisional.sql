-- PROVISIONAL stand-ins for objects that land on other branches; the lead
-- deletes this file at merge.  news.search_vector (search branch) and
-- news.site_zone (time branch) keep the signatures of issues 5 and 4 so
-- that 50_storage.sql binds to the real ones once they exist.

CREATE FUNCTION news.search_vector(a news.article) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig,
                                                   coalesce(a.headline, '')), 'A')
       OPERATOR(pg_catalog.||)
       pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig,
                                                   coalesce(a.summary, '')), 'B')
       OPERATOR(pg_catalog.||)
       pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig,
                                                   coalesce(a.body, '')), 'C');
COMMENT ON FUNCTION news.search_vector(news.article) IS
'PROVISIONAL: weighted headline A, summary B, body C with the stock english configuration';

CREATE FUNCTION news.site_zone(url text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN NULL::text;
COMMENT ON FUNCTION news.site_zone(text) IS 'PROVISIONAL: the IANA zone of a site; NULL until the time branch lands';
