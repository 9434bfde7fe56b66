#!/usr/bin/env python3
"""test/bench/40_search.py DBNAME: news.english against the stock english.

Reads the article bodies of $PG_NEWS_SHARED/corpus/readability/truth.json
at run time (nothing is copied into the repository), loads them into a
scratch table (repeated to about 10 MB of text) and reports, from the same
run on the same rows:

  * to_tsvector('news.english', body) and to_tsvector('english', body) in
    MB/s (best of three) and their ratio (goal: news.english >= 0.7x);
  * GIN index build time on the stored vectors of both;
  * ranking 10,000 matches with news.bm25 (corpus statistics from
    news.bm25_analyze) against ts_rank.

PGHOST/PGPORT/PGUSER name the private cluster where pg_news is created.
"""
import json
import os
import subprocess
import sys
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.environ.get("PG_NEWS_SHARED", os.path.join(TOP, "..", "shared"))
TRUTH = os.path.join(SHARED, "corpus", "readability", "truth.json")


def psql(db, sql, stdin=None):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
                         input=stdin, check=True, capture_output=True, text=True)
    return out.stdout.strip()


def timed(db, sql, runs=3):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        psql(db, sql)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def main():
    db = sys.argv[1]
    with open(TRUTH, encoding="utf-8") as f:
        truth = json.load(f)
    bodies = [v.get("body") or "" for _, v in sorted(truth.items())]
    bodies = [b for b in bodies if b.strip()]
    size = sum(len(b.encode("utf-8")) for b in bodies)
    copies = max(1, round(10e6 / size))

    psql(db, "DROP TABLE IF EXISTS bench_bodies; CREATE TABLE bench_bodies (id serial, body text)")
    # COPY text format: escape backslashes, tabs and newlines ourselves.
    rows = "".join(b.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + "\n"
                   for b in bodies)
    psql(db, "COPY bench_bodies (body) FROM STDIN", stdin=rows * copies)
    nbytes = int(psql(db, "SELECT sum(octet_length(body)) FROM bench_bodies"))
    nrows = int(psql(db, "SELECT count(*) FROM bench_bodies"))
    mb = nbytes / 1e6
    print(f"search bench: {nrows} bodies ({len(bodies)} distinct x {copies}), {mb:.1f} MB of text")

    # Alternate the two so that load from elsewhere on the machine hits both alike.
    stock = news = None
    for _ in range(3):
        t = timed(db, "SELECT count(to_tsvector('english', body)) FROM bench_bodies", runs=1)
        stock = t if stock is None else min(stock, t)
        t = timed(db, "SELECT count(to_tsvector('news.english', body)) FROM bench_bodies", runs=1)
        news = t if news is None else min(news, t)
    print(f"to_tsvector english      : {mb / stock:6.2f} MB/s ({stock:.2f} s)")
    print(f"to_tsvector news.english : {mb / news:6.2f} MB/s ({news:.2f} s)")
    print(f"ratio news/stock         : {stock / news:6.2f}x (goal >= 0.70x)")

    psql(db, "DROP TABLE IF EXISTS bench_vectors; CREATE TABLE bench_vectors AS "
             "SELECT id, to_tsvector('english', body) AS v_stock, to_tsvector('news.english', body) AS v_news "
             "FROM bench_bodies")
    for col in ("v_stock", "v_news"):
        t = timed(db, f"DROP INDEX IF EXISTS bench_gin_{col}; CREATE INDEX bench_gin_{col} ON bench_vectors USING gin ({col})", runs=1)
        print(f"GIN build on {col:7s}     : {t:.2f} s")

    # Ranking: 10,000 matches of a query made of the two most frequent lexemes.
    psql(db, "DROP TABLE IF EXISTS bench_rank; CREATE TABLE bench_rank AS SELECT id, v_news AS v FROM bench_vectors")
    while int(psql(db, "SELECT count(*) FROM bench_rank")) < 10000:
        psql(db, "INSERT INTO bench_rank SELECT id, v FROM bench_rank")
    psql(db, "SELECT news.bm25_analyze('bench', 'SELECT v FROM public.bench_rank')")
    words = psql(db, "SELECT string_agg(quote_literal(word), ' | ') FROM "
                     "(SELECT word FROM ts_stat('SELECT v FROM bench_rank') ORDER BY ndoc DESC LIMIT 2) s")
    q = "'" + words.replace("'", "''") + "'::tsquery"
    matches = int(psql(db, f"SELECT count(*) FROM (SELECT 1 FROM bench_rank WHERE v @@ {q} LIMIT 10000) s"))
    bm25 = timed(db, f"SELECT max(news.bm25('bench', v, {q})) FROM (SELECT v FROM bench_rank WHERE v @@ {q} LIMIT 10000) s")
    rank = timed(db, f"SELECT max(ts_rank(v, {q})) FROM (SELECT v FROM bench_rank WHERE v @@ {q} LIMIT 10000) s")
    print(f"rank {matches} matches of {words}: news.bm25 {bm25 * 1000:.0f} ms, ts_rank {rank * 1000:.0f} ms")
    psql(db, "DROP TABLE bench_rank; DROP TABLE bench_vectors; DROP TABLE bench_bodies; "
             "DELETE FROM news.bm25_corpus WHERE corpus = 'bench'")


main()
