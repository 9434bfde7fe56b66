#!/usr/bin/env bash
# test/loader/run.sh: pg_news_load end to end, printing TAP.
#
# Needs a server with pg_news installed, reached through PGHOST/PGPORT/PGUSER
# (make test's private cluster), and the loader built at src/loader/ (or
# PG_NEWS_LOAD=path).  Builds WARC files from test/fixtures/storage (one
# with malformed records), loads them with -j2, loads again (resume),
# then pg_dump -Fc and pg_restore into a fresh database and compares rows.
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
loader=${PG_NEWS_LOAD:-$top/src/loader/pg_news_load}
db=pgnews_loader_$$
restored=pgnews_restored_$$
tmp=$(mktemp -d /tmp/pg_news_loader.XXXXXX)
cleanup() {
    dropdb --if-exists "$db" >/dev/null 2>&1
    dropdb --if-exists "$restored" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

n=0
failed=0
check() {  # check DESCRIPTION COMMAND...: ok when the command succeeds
    local desc=$1
    shift
    n=$((n + 1))
    if "$@"; then
        echo "ok $n - $desc"
    else
        echo "not ok $n - $desc"
        failed=$((failed + 1))
    fi
}
is() {  # is GOT WANT
    [ "$1" = "$2" ] || { echo "#   got: '$1'"; echo "#  want: '$2'"; return 1; }
}
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

echo "1..19"
createdb -T template0 -E UTF8 "$db" && q "$db" 'CREATE EXTENSION pg_news' >/dev/null || exit 1

mkdir -p "$tmp/in/html"
python3 "$top/test/loader/make_warc.py" "$top/test/fixtures/storage" "$tmp/in" || exit 1
gzip -c "$top/test/fixtures/storage/amp.html" >"$tmp/in/html/amp.html.gz"
printf 'amp.html\thttps://amp.alpineherald.example/world/2024/03/12/river-treaty.amp\n' >"$tmp/urls.tsv"
# The AMP copy was fetched between the original crawl and the edit.
touch -d '2024-03-12 12:00:00 UTC' "$tmp/in/html/amp.html.gz"

"$loader" -d "$db" -j 2 -u "$tmp/urls.tsv" "$tmp/in" >"$tmp/out1" 2>"$tmp/err1"
status=$?
check "a load with bad records completes and exits 3" is "$status" 3
check "the summary counts 5 pages read" grep -q '^  pages read *5 ' "$tmp/out1"
check "3 new articles: original, syndicated, unrelated" grep -q '^  new articles *3$' "$tmp/out1"
# Whether the AMP copy meets the original or the edit depends on which
# connection answers first; the stored result is the same either way.
check "the AMP copy, fetched before the edit, is a duplicate or an older crawl" \
    is "$(awk '/^  older crawls / { n += $3 } /^  duplicates / { n += $2 } END { print n }' "$tmp/out1")" 1
check "the edited re-crawl is a version" grep -q '^  edited (versions) *1$' "$tmp/out1"
check "the 404 and the PNG are skipped, not failed" grep -q '^  skipped records *2 ' "$tmp/out1"
check "three malformed records are failures" grep -q '^  failures *3$' "$tmp/out1"
check "a Content-Length that is no number is reported with its record offset" \
    grep -Eq 'crawl\.warc\.gz@[0-9]+: record without a valid Content-Length' "$tmp/out1"
check "a wrong Content-Length is reported" \
    grep -q 'Content-Length does not match the record' "$tmp/out1"
check "a record cut short is reported with its file" \
    grep -q 'tail\.warc@[0-9]*: record cut short by the end of the file' "$tmp/out1"
check "progress without a terminal is plain lines" bash -c "! grep -q \$'\\r' '$tmp/err1'"
check "the story after the bad records loaded" \
    is "$(q "$db" "SELECT count(*) FROM news.articles WHERE url LIKE '%tram-extension-approved'")" 1
check "the AMP page joined its story and the version of its text" \
    is "$(q "$db" "SELECT count(*) || '/' || (SELECT count(*) FROM news.article_versions) FROM news.articles")" 3/1
check "the edited text (gzip, chunked) is current, fetched from the WARC date" \
    is "$(q "$db" "SELECT version || ' ' || to_char(fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' ' || (body LIKE '%four driest months%') FROM news.articles WHERE url LIKE 'https://www.alpine%'")" "2 2024-03-13 true"

"$loader" -d "$db" -j 2 -q -u "$tmp/urls.tsv" "$tmp/in" >"$tmp/out2" 2>"$tmp/err2"
check "a second run skips what is stored" bash -c \
    "grep -q '^  new articles *0$' '$tmp/out2' && grep -q '^  already loaded *4$' '$tmp/out2' && grep -q '^  edited (versions) *0$' '$tmp/out2'"

# On a terminal the progress is a bar redrawn in place (script(1) gives a pty).
if command -v script >/dev/null 2>&1; then
    script -qec "'$loader' -d '$db' -j 1 --force -u '$tmp/urls.tsv' '$tmp/in/html'" /dev/null >"$tmp/tty" 2>&1
    check "on a terminal the progress is a bar redrawn in place" \
        bash -c "grep -q \$'\\r\\033\\[K\\[#' '$tmp/tty'"
else
    check "on a terminal the progress is a bar redrawn in place # SKIP no script(1)" true
fi

pg_dump -Fc -d "$db" -f "$tmp/dump" 2>"$tmp/dump.err"
createdb -T template0 -E UTF8 "$restored"
pg_restore -d "$restored" "$tmp/dump" 2>"$tmp/restore.err"
check "pg_restore succeeds" is "$?" 0
rows="SELECT (SELECT count(*) FROM news.articles) || ' ' || (SELECT count(*) FROM news.article_versions) || ' ' || (SELECT count(*) FROM news.articles WHERE search_vector @@ 'treaty'::tsquery AND simhash IS NOT NULL)"
check "the restored database has the same rows, vectors and fingerprints" \
    is "$(q "$restored" "$rows")" "$(q "$db" "$rows")"
check "ids continue after the restored ones" \
    is "$(q "$restored" "SELECT news.ingest('https://new.example/a/b', '<p>new page</p>'::text) > (SELECT max(id) FROM news.articles WHERE url <> 'https://new.example/a/b')")" t

if [ "$failed" -ne 0 ]; then
    echo "# loader output:"; sed 's/^/#   /' "$tmp/out1" "$tmp/err1" "$tmp/restore.err"
fi
exit $(( failed > 0 ))
