-- Privileges.  Functions are executable by PUBLIC (PostgreSQL's default);
-- the schema is usable by every role, but only the extension's owner may
-- create in it.  Reference tables are readable by every role (the parser's
-- helpers read them as the caller).  The storage tables stay with the
-- extension's owner: a trusted install by a plain role runs this script as
-- the bootstrap superuser, who would otherwise own them alone.  The owner
-- grants further access as the site's policy says.

GRANT USAGE ON SCHEMA news TO PUBLIC;

DO $privileges$
DECLARE
    rel record;
BEGIN
    FOR rel IN
        SELECT c.oid::pg_catalog.regclass AS name, c.relname, c.relkind
        FROM pg_catalog.pg_class AS c
        WHERE c.relnamespace OPERATOR(pg_catalog.=) 'news'::pg_catalog.regnamespace
          AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,p,S}'::"char"[])
    LOOP
        IF rel.relkind OPERATOR(pg_catalog.=) 'S' THEN
            EXECUTE pg_catalog.format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %s TO @extowner@', rel.name);
        ELSE
            EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %s TO @extowner@', rel.name);
            IF rel.relname OPERATOR(pg_catalog.<>) ALL ('{articles,article_versions}'::pg_catalog.name[]) THEN
                EXECUTE pg_catalog.format('GRANT SELECT ON TABLE %s TO PUBLIC', rel.name);
            END IF;
        END IF;
    END LOOP;
END
$privileges$;
