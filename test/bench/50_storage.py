#!/usr/bin/env python3
"""test/bench/50_storage.py DBNAME: bulk-load speed and storage cost.

Loads the trafilatura corpus pages (read in place, gzipped, from
$PG_NEWS_SHARED/corpus/trafilatura/pages) with pg_news_load -j1 and -j2,
each into a fresh database, and prints pages per second.  Then reports,
per 1,000 pages, the bytes news.articles spends on the raw page (as
crawled and as stored, lz4/TOAST), on the parsed columns, on the search
vector and on the indexes.

PGHOST/PGPORT/PGUSER name the private cluster; DBNAME is only used to
connect while creating the benchmark's own databases.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.environ.get("PG_NEWS_SHARED", os.path.join(TOP, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus", "trafilatura")
LOADER = os.environ.get("PG_NEWS_LOAD", os.path.join(TOP, "src", "loader", "pg_news_load"))

PARSED = ["canonical_url", "site", "content_type", "site_name", "lang", "headline", "summary",
          "section", "tags", "authors", "published_at", "updated_at", "published_local",
          "updated_local", "dateline_place", "agency", "body", "image_url", "word_count",
          "provenance", "content_hash", "simhash"]


def psql(db, sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def load(admin_db, jobs, urls, pages):
    db = f"pgnews_bench_load_j{jobs}"
    psql(admin_db, f"DROP DATABASE IF EXISTS {db}")
    psql(admin_db, f"CREATE DATABASE {db} TEMPLATE template0 ENCODING 'UTF8'")
    psql(db, "CREATE EXTENSION pg_news")
    start = time.monotonic()
    run = subprocess.run([LOADER, "-q", "-d", db, "-j", str(jobs), "-u", urls, pages],
                         capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if run.returncode not in (0, 3):
        sys.exit(f"pg_news_load -j{jobs} failed ({run.returncode}):\n{run.stdout}{run.stderr}")
    count = int(psql(db, "SELECT count(*) FROM news.articles"))
    read = next(int(line.split()[2]) for line in run.stdout.splitlines()
                if line.strip().startswith("pages read"))
    failures = next(int(line.split()[1]) for line in run.stdout.splitlines()
                    if line.strip().startswith("failures"))
    return db, read, count, failures, elapsed


def main():
    admin_db = sys.argv[1]
    pages = os.path.join(CORPUS, "pages")
    if not os.path.isdir(pages):
        sys.exit(f"50_storage: no corpus at {pages}")
    if not os.access(LOADER, os.X_OK):
        sys.exit(f"50_storage: {LOADER} is not built (run make)")
    with open(os.path.join(CORPUS, "truth.json")) as f:
        truth = json.load(f)
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as urls:
        for key, item in truth.items():
            urls.write(f"{key}.html.gz\t{item['url']}\n")
    dbs = []
    try:
        print("pg_news_load over the trafilatura corpus "
              f"({len(os.listdir(pages))} gzipped pages, read in place)")
        print(f"{'jobs':>4} {'pages':>6} {'articles':>8} {'failed':>6} {'seconds':>8} {'pages/s':>8}")
        results = {}
        # Two rounds, alternating, best of each: the first load also pays for
        # cold page cache and catalog caches, and the machine is shared.
        for _ in range(2):
            for jobs in (1, 2):
                db, read, count, failures, elapsed = load(admin_db, jobs, urls.name, pages)
                if db not in dbs:
                    dbs.append(db)
                if read / elapsed > results.get(jobs, (0,))[0]:
                    results[jobs] = (read / elapsed, read, count, failures, elapsed)
        for jobs in (1, 2):
            rate, read, count, failures, elapsed = results[jobs]
            print(f"{jobs:>4} {read:>6} {count:>8} {failures:>6} {elapsed:>8.2f} {rate:>8.1f}")
        print(f"-j2 / -j1 speed-up: {results[2][0] / results[1][0]:.2f}x (best of 2 alternating runs each)")

        db = dbs[0]
        psql(db, "VACUUM ANALYZE news.articles")
        parsed = " + ".join(f"coalesce(pg_column_size({c}), 0)" for c in PARSED)
        row = psql(db, f"""
            SELECT count(*),
                   sum(octet_length(raw_page)),
                   sum(pg_column_size(raw_page)),
                   sum({parsed}),
                   sum(pg_column_size(search_vector)),
                   pg_indexes_size('news.articles'),
                   pg_total_relation_size('news.articles')
            FROM news.articles""").split("|")
        n, raw, raw_stored, parsed_bytes, vector, indexes, total = (int(x) for x in row)
        per = 1000.0 / n / 1024 / 1024
        print(f"\nnews.articles storage per 1,000 pages ({n} articles, MiB):")
        print(f"  raw page as crawled         {raw * per:8.2f}")
        print(f"  raw page as stored (lz4)    {raw_stored * per:8.2f}   ratio {raw / raw_stored:.1f}x")
        print(f"  parsed columns + hashes     {parsed_bytes * per:8.2f}")
        print(f"  search_vector               {vector * per:8.2f}")
        print(f"  indexes (all)               {indexes * per:8.2f}")
        print(f"  table + TOAST + indexes     {total * per:8.2f}")
    finally:
        os.unlink(urls.name)
        for db in dbs:
            psql(admin_db, f"DROP DATABASE IF EXISTS {db}")


if __name__ == "__main__":
    main()
