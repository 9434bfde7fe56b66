#!/usr/bin/env bash
# test/install/run.sh: installing pg_news where it cannot work fails plainly.
# Needs the private cluster of `make test` (PGHOST/PGPORT/PGUSER); prints TAP.
set -uo pipefail
db=pgnews_latin1_$$
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
echo "1..2"
createdb -T template0 -E LATIN1 --locale=C "$db"
out=$(psql -X -q -d "$db" -v VERBOSITY=verbose -c 'CREATE EXTENSION pg_news' 2>&1)
if grep -q '0A000: pg_news needs a UTF8 database' <<<"$out"; then
    echo "ok 1 - CREATE EXTENSION in a LATIN1 database fails with 0A000 and says why"
else
    echo "not ok 1 - CREATE EXTENSION in a LATIN1 database fails with 0A000 and says why"
    echo "# $out"
fi
if [ "$(psql -X -At -d "$db" -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'news'")" = 0 ]; then
    echo "ok 2 - nothing of the extension is left behind"
else
    echo "not ok 2 - nothing of the extension is left behind"
fi
