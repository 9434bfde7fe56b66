#!/usr/bin/env python3
"""test/bench/60_analysis.py DB: news.quotes and news.entities throughput.

Loads the article bodies of the readability corpus (truth.json, read at run
time from $PG_NEWS_SHARED) into a table and times, in one backend, a full
pass of news.quotes, news.cited_sources, news.entities and news.text_stats
over them, against to_tsvector('english', body) over the same bodies as the
baseline of the same run.  Best of three passes each.
"""
import json
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("PG_NEWS_SHARED", os.path.join(os.path.dirname(TOP), "shared"))


def psql(db, sql, stdin=None):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db],
                         input=sql.encode("utf-8") if stdin is None else stdin,
                         capture_output=True, check=False)
    if out.returncode != 0:
        sys.exit("psql failed: " + out.stderr.decode("utf-8", "replace"))
    return out.stdout.decode("utf-8")


def copy_escape(value):
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def main():
    db = sys.argv[1]
    path = os.path.join(SHARED, "corpus", "readability", "truth.json")
    if not os.path.exists(path):
        sys.exit(f"no corpus at {path}: set PG_NEWS_SHARED to the shared folder")
    with open(path, encoding="utf-8") as f:
        truth = json.load(f)
    bodies = [(k, v["body"]) for k, v in sorted(truth.items()) if v.get("body")]
    data = "".join(f"{copy_escape(k)}\t{copy_escape(b)}\n" for k, b in bodies).encode("utf-8")
    psql(db, "DROP TABLE IF EXISTS bench_bodies; CREATE TABLE bench_bodies (id text, body text)")
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-c",
                    "COPY bench_bodies FROM STDIN"], input=data, check=True)
    total_bytes = int(psql(db, "SELECT sum(octet_length(body)) FROM bench_bodies"))
    n = len(bodies)

    queries = [
        ("baseline to_tsvector", "SELECT count(to_tsvector('english', body)) FROM bench_bodies"),
        ("news.quotes", "SELECT count(*) FROM bench_bodies, news.quotes(body)"),
        ("news.cited_sources", "SELECT count(*) FROM bench_bodies, news.cited_sources(body)"),
        ("news.entities", "SELECT count(*) FROM bench_bodies, news.entities(body)"),
        ("news.text_stats", "SELECT count((news.text_stats(body)).words) FROM bench_bodies"),
    ]
    # Warm the entity list and the caches once
    psql(db, "SELECT count(*) FROM bench_bodies, news.entities(body)")
    print(f"{n} bodies, {total_bytes / 1e6:.2f} MB, from corpus/readability/truth.json; best of 3 passes")
    base = None
    for label, sql in queries:
        script = "\\timing on\n" + "\n".join([sql + ";"] * 3) + "\n"
        out = psql(db, script)
        times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
        rows = out.split("\n")[0].strip()
        best = min(times) / 1000.0
        if base is None:
            base = best
        print(f"  {label:<22} {n / best:9.0f} bodies/s  {total_bytes / 1e6 / best:7.2f} MB/s  "
              f"{best / base:5.2f}x baseline time  ({rows} results)")


if __name__ == "__main__":
    main()
