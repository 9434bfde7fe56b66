#!/usr/bin/env python3
"""test/bench/30_time.py DB: news.parse_timestamp calls per second.

The strings are the inputs of test/fixtures/timestamps.tsv.  The baseline,
measured in the same run on the same server, is PostgreSQL's own
::timestamptz cast of the strings it accepts; parse_timestamp is timed on
that same subset and on every string (news formats the cast rejects
included).  Each figure is the best of three runs of a query that calls
the function ROUNDS times per string, minus the same query without the call,
timed by the server (EXPLAIN ANALYZE's execution time), in UTC, without
parallel workers.
"""
import json
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROUNDS = int(os.environ.get("PG_NEWS_BENCH_ROUNDS", "5000"))


def psql(db, sql):
    env = dict(os.environ, PGOPTIONS="-c timezone=UTC -c max_parallel_workers_per_gather=0")
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
                         capture_output=True, check=False, env=env)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode("utf-8", "replace"))
    return out.stdout.decode("utf-8")


def best_seconds(db, sql):
    """Best of five server-side execution times (EXPLAIN ANALYZE, no per-node timing)."""
    best = None
    for _ in range(5):
        plan = json.loads(psql(db, "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql))
        dt = plan[0]["Execution Time"] / 1000.0
        best = dt if best is None or dt < best else best
    return best


def main():
    db = sys.argv[1]
    strings = []
    with open(os.path.join(TOP, "test", "fixtures", "timestamps.tsv"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[1] != "\\N" and fields[4] != "\\N":
                strings.append(fields[1].replace("\\t", "\t").replace("\\\\", "\\"))
    accepted = []
    for s in strings:
        try:
            psql(db, "SELECT %s::timestamptz" % quote(s))
            accepted.append(s)
        except RuntimeError:
            pass
    psql(db, "DROP TABLE IF EXISTS bench_ts; CREATE TABLE bench_ts (s text, pg_ok boolean)")
    psql(db, "INSERT INTO bench_ts VALUES " +
         ", ".join("(%s, %s)" % (quote(s), "true" if s in accepted else "false") for s in strings))
    psql(db, "ANALYZE bench_ts")

    def rate(expr, where):
        n = ROUNDS * int(psql(db, "SELECT count(*) FROM bench_ts WHERE %s" % where))
        q = "SELECT count(%s) FROM bench_ts, generate_series(1, %d) g WHERE %s"
        t = best_seconds(db, q % (expr, ROUNDS, where))
        t0 = best_seconds(db, q % ("g", ROUNDS, where))
        return n, n / t, n / max(t - t0, 1e-9)

    n_pg, cast, cast_net = rate("s::timestamptz", "pg_ok")
    _, ours, ours_net = rate("news.parse_timestamp(s)", "pg_ok")
    n_all, all_gross, all_net = rate("news.parse_timestamp(s, 'Asia/Kolkata')", "true")
    print("parse_timestamp benchmark: %d strings, %d of them accepted by ::timestamptz, %d rounds;"
          % (len(strings), len(accepted), ROUNDS))
    print("calls/s of the whole query (scan included), and net of the same query without the call")
    print("  ::timestamptz (baseline), %7d calls: %9.0f/s  net %9.0f/s" % (n_pg, cast, cast_net))
    print("  news.parse_timestamp, same strings:     %9.0f/s  net %9.0f/s  (%.2fx the cast, whole query)"
          % (ours, ours_net, ours / cast))
    print("  news.parse_timestamp, all %d strings, default_zone Asia/Kolkata: %9.0f/s  net %9.0f/s"
          % (len(strings), all_gross, all_net))


def quote(s):
    return "'" + s.replace("'", "''") + "'"


if __name__ == "__main__":
    main()
