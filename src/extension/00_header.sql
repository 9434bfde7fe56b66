-- pg_news install script, assembled by make from src/extension/[0-9]*.sql.
\echo Use "CREATE EXTENSION pg_news" to load this file. \quit

-- News is multilingual: the entity list, the dictionaries and every string
-- the core returns are UTF-8, and a database in another encoding cannot
-- hold them.  Refuse plainly rather than fail halfway through the script.
DO $$
BEGIN
    IF pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.<>) 'UTF8' THEN
        RAISE EXCEPTION 'pg_news needs a UTF8 database'
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = pg_catalog.format('This database''s encoding is %s.',
                                             pg_catalog.getdatabaseencoding()),
                  HINT = 'Create the database with ENCODING ''UTF8'' and install pg_news there.';
    END IF;
END
$$;
