#!/usr/bin/env bash
# test/harness/run.sh MODE: the developer commands behind `make demo`,
# `make psql`, `make test`, `make eval`, `make bench`, `make fuzz` and
# `make stress`.
#
# Each run installs missing Debian packages, builds pg_news, installs it
# into a private staging directory (the server finds it there through
# Debian's extension_destdir setting), starts a throwaway cluster of its own
# (own data and socket directory, a free port, run as the unprivileged
# postgres user because initdb refuses root), does its job and stops the
# cluster on every exit path.  It never touches a cluster it did not start.
set -euo pipefail

mode=${1:?usage: run.sh demo|psql|test|eval|bench|fuzz|stress}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"

bash test/harness/packages.sh
export LC_ALL=C.UTF-8
PG_BINDIR=$(pg_config --bindir)
export PATH="$PG_BINDIR:$PATH"
jobs=$(nproc 2>/dev/null || echo 2)

make -s -j"$jobs" >/dev/null

# The cluster's directory must be reachable by the postgres user, which
# rules out a checkout under /root: keep everything under /tmp.
work=$(mktemp -d /tmp/pg_news.XXXXXX)
chmod 755 "$work"
stage="$work/stage"
make -s install DESTDIR="$stage" >/dev/null
# PostgreSQL reads text-search files only from its own share directory.
if compgen -G "src/tsearch_data/pg_news_*" >/dev/null; then
    install -m 644 src/tsearch_data/pg_news_* "$(pg_config --sharedir)/tsearch_data/"
fi

pgdata="$work/data"
mkdir "$pgdata"
chown postgres: "$pgdata" "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop_cluster() {
    if [ -f "$pgdata/postmaster.pid" ]; then
        (cd / && runuser -u postgres -- "$PG_BINDIR/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$work"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM HUP

(cd / && runuser -u postgres -- "$PG_BINDIR/initdb" -D "$pgdata" -E UTF8 --locale=C.UTF-8 \
    --no-sync -A trust -U postgres >"$work/initdb.log" 2>&1) || { cat "$work/initdb.log" >&2; exit 1; }
cat >>"$pgdata/postgresql.conf" <<CONF
listen_addresses = ''
port = $port
unix_socket_directories = '$work'
extension_destdir = '$stage'
fsync = off
max_parallel_workers_per_gather = 2
CONF
(cd / && runuser -u postgres -- "$PG_BINDIR/pg_ctl" -D "$pgdata" -l "$work/server.log" -w start >/dev/null) ||
    { cat "$work/server.log" >&2; exit 1; }

unset PGHOSTADDR PGSERVICE PGDATABASE PGPASSWORD
export PGHOST="$work" PGPORT="$port" PGUSER=postgres
export PG_NEWS_WORK="$work"

sample=test/fixtures/ht_world_sample.html
sample_url='https://www.hindustantimes.com/world/us-and-russian-militaries-discuss-force-deployment-in-syria/story-sample.html'

load_sample() {
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" \
        -v page="$(cat "$sample")" -v url="$sample_url" <<'SQL'
CREATE EXTENSION IF NOT EXISTS pg_news;
CREATE TABLE sample_pages (url text PRIMARY KEY, html text NOT NULL);
INSERT INTO sample_pages VALUES (:'url', :'page');
SQL
}

case "$mode" in
demo)
    createdb -T template0 -E UTF8 demo
    load_sample demo
    echo "pg_news demo: the bundled sample page ($sample) parsed into news.article; times in UTC"
    psql -X -q -v ON_ERROR_STOP=1 -d demo -f test/harness/demo.sql
    ;;
psql)
    createdb -T template0 -E UTF8 news
    load_sample news
    echo "pg_news: a private cluster with the extension and table sample_pages; \\q ends it and removes it."
    PGOPTIONS="-c timezone=UTC" psql -X -d news </dev/tty || true
    ;;
test)
    # Every suite runs whatever the others did; the last line counts them.
    passed=0
    failed=()
    suite() {  # suite NAME COMMAND...
        local name=$1
        shift
        if "$@"; then passed=$((passed + 1)); else failed+=("$name"); fi
    }
    regress() {
        make -s installcheck || { [ -f regression.diffs ] && cat regression.diffs; return 1; }
    }
    pgtap() {
        createdb -T template0 -E UTF8 pgnews_tap &&
        psql -X -q -v ON_ERROR_STOP=1 -d pgnews_tap -c 'CREATE EXTENSION pg_news; CREATE EXTENSION pgtap;' &&
        pg_prove --norc -d pgnews_tap test/pgtap/*.sql
    }
    suite pg_regress regress
    suite pgTAP pgtap
    suite core bash test/core/run.sh
    suite end-to-end prove --exec bash test/loader/run.sh test/install/run.sh
    suite fuzz bash test/fuzz/run.sh --smoke
    [ ${#failed[@]} -gt 0 ] && echo "failed suites: ${failed[*]}"
    echo "suites: $passed passed, ${#failed[@]} failed"
    [ ${#failed[@]} -eq 0 ]
    ;;
fuzz)
    bash test/fuzz/run.sh
    ;;
eval|bench|stress)
    createdb -T template0 -E UTF8 "pgnews_$mode"
    psql -X -q -v ON_ERROR_STOP=1 -d "pgnews_$mode" -c 'CREATE EXTENSION pg_news'
    # Beside the repository, as on CI; a git worktree sits one level deeper.
    if [ -z "${PG_NEWS_SHARED:-}" ]; then
        for candidate in "$top/../shared" "$top/../../shared"; do
            [ -d "$candidate/corpus" ] && { PG_NEWS_SHARED=$(cd "$candidate" && pwd); break; }
        done
    fi
    export PG_NEWS_SHARED="${PG_NEWS_SHARED:-$top/../shared}"
    status=0
    for script in test/$mode/[0-9]*.py; do
        [ -e "$script" ] || continue
        echo "### $script"
        python3 "$script" "pgnews_$mode" || status=1
    done
    exit $status
    ;;
*)
    echo "run.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
