#!/usr/bin/env python3
"""test/stress/20_cancel.py DB: how fast statement_timeout and
pg_cancel_backend stop pathological work in pg_news functions.

Each case is stored first (so building the input is not timed), then parsed
twice: once under statement_timeout = 1s (latency = elapsed - 1 s), once
cancelled by pg_cancel_backend from a second session 1 s after it became
active (latency = time from the cancel to the error).  A case that finishes
on its own before then is reported as such.  The script fails when any
latency exceeds PG_NEWS_STRESS_MAX_LATENCY seconds (default 1.0) or a case
ends with anything but the cancel error.
"""
import os
import subprocess
import sys
import time

from common import Session

LIMIT = "64MB"
CASES = [
    ("5M paragraphs (40 MB)", "repeat('<p>word ', 5 * 1024 * 1024)", "news.parse_article(page)"),
    ("divs and 5M stray end tags (35 MB)", "repeat('<div>', 200) || repeat('</span>', 5 * 1024 * 1024)",
     "news.parse_article(page)"),
    ("8M stray end tags as bytea (32 MB)", "'<div>' || repeat('</b>', 8 * 1024 * 1024 - 10)",
     "news.parse_article(convert_to(page, 'UTF8'))"),
    ("250 nested divs of 2M paragraphs (40 MB)", "repeat('<div>', 250) || repeat('<p>word word</p>', 2 * 1024 * 1024)",
     "news.parse_article(page)"),
    ("JSON-LD of 1,600,000 items (50 MB)",
     "'<script type=\"application/ld+json\">{\"@graph\": [' || repeat('{\"@type\": \"Thing\", \"name\": \"x\"},', 1600000) || '{}]}</script><p>x</p>'",
     "news.parse_article(page)"),
    ("timestamp of 30 MB", "repeat('Monday 12:', 3000000)", "news.parse_timestamp(page)"),
    ("dateline of 30 MB", "repeat('NEW DELHI, ', 3000000)", "news.parse_dateline(page)"),
    ("simhash of 40 MB", "repeat('officials said on Monday that people ', 1100000)", "news.simhash(page)"),
    ("text search over 40 MB", "repeat('U.S. officials said on Monday that 2,40,000 people ', 800000)",
     "to_tsvector('news.english', page)"),
]


def main():
    db = sys.argv[1]
    max_latency = float(os.environ.get("PG_NEWS_STRESS_MAX_LATENCY", "1.0"))
    setup = Session(db)
    setup.run("DROP TABLE IF EXISTS stress_cases")
    setup.run("CREATE UNLOGGED TABLE stress_cases (id int PRIMARY KEY, page text)")
    setup.run("ALTER TABLE stress_cases ALTER COLUMN page SET STORAGE EXTERNAL")
    for i, (_, sql, _) in enumerate(CASES):
        out = setup.run(f"INSERT INTO stress_cases VALUES ({i}, {sql})")
        if out.strip():
            print(f"20_cancel: cannot build case {i}: {out}")
            return 1
    worst = 0.0
    failed = False
    for i, (name, _, call) in enumerate(CASES):
        query = f"SELECT count(r.x) FROM stress_cases, LATERAL (SELECT {call} AS x OFFSET 0) AS r WHERE id = {i}"
        # statement_timeout
        s = Session(db, [f"SET news.max_page_bytes = '{LIMIT}'", "SET statement_timeout = '1s'"])
        started = time.monotonic()
        out = s.run(query)
        elapsed = time.monotonic() - started
        s.close()
        if "statement timeout" in out:
            latency = elapsed - 1.0
            worst = max(worst, latency)
            timeout_note = f"timeout latency {latency * 1000:.0f} ms"
        elif "ERROR" in out:
            failed = True
            timeout_note = f"ERROR {out!r}"
        else:
            timeout_note = f"finished in {elapsed:.2f} s, before the timeout"
        # pg_cancel_backend from another session
        victim = subprocess.Popen(["psql", "-X", "-q", "-At", "-d", db, "-c", f"SET news.max_page_bytes = '{LIMIT}'",
                                   "-c", query], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        watcher = Session(db)
        pid = None
        deadline = time.monotonic() + 10
        while pid is None and time.monotonic() < deadline and victim.poll() is None:
            found = watcher.run("SELECT pid FROM pg_stat_activity WHERE state = 'active' "
                                "AND query LIKE '%FROM stress_cases%' AND pid <> pg_backend_pid()")
            pid = int(found.split()[0]) if found.strip() else None
            if pid is None:
                time.sleep(0.02)
        time.sleep(1.0)
        if victim.poll() is None and pid is not None:
            cancelled_at = time.monotonic()
            watcher.run(f"SELECT pg_cancel_backend({pid})")
            out = victim.communicate()[0]
            latency = time.monotonic() - cancelled_at
            if "canceling statement due to user request" in out:
                worst = max(worst, latency)
                cancel_note = f"cancel latency {latency * 1000:.0f} ms"
            else:
                failed = True
                cancel_note = f"unexpected end {out!r}"
        else:
            victim.communicate()
            cancel_note = "finished before the cancel"
        watcher.close()
        print(f"20_cancel: {name}: {timeout_note}; {cancel_note}", flush=True)
    setup.run("DROP TABLE stress_cases")
    setup.close()
    print(f"20_cancel: worst latency {worst * 1000:.0f} ms (limit {max_latency * 1000:.0f} ms)")
    if failed or worst > max_latency:
        print("20_cancel: FAILED")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
