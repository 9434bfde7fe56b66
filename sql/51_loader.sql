\pset null '(null)'
-- pg_news_load end to end (test/loader/run.sh prints TAP): a WARC with
-- malformed records, gzip and chunked responses, a resumed load, and
-- pg_dump + pg_restore of the loaded database.
\! bash test/loader/run.sh
