#!/usr/bin/env python3
"""test/stress/10_memory.py DB: one backend's memory over 20,000 page parses
in one query.

The readability corpus pages (130) are loaded once and parsed, repeated,
in a single SELECT, serially (no parallel workers) in one backend; VmRSS is
read from /proc/<pid>/status before the query (after a warm-up pass over
every page once), every second during it, and after it.  Per-row memory
must go with the row: the script fails when RSS grows by more than
PG_NEWS_STRESS_SLACK_MB (default 32) between the end of the first tenth of
the run and its end.  PG_NEWS_STRESS_PAGES sets the page count (20000).
"""
import os
import sys
import threading
import time

from common import Session, corpus, find_corpus, memory


def main():
    db = sys.argv[1]
    total = int(os.environ.get("PG_NEWS_STRESS_PAGES", "20000"))
    slack_mb = int(os.environ.get("PG_NEWS_STRESS_SLACK_MB", "32"))
    if not os.path.isdir(find_corpus()):
        print("10_memory: no corpus found; set PG_NEWS_SHARED")
        return 1
    n, size = corpus.load(db, "stress_pages", "readability")
    s = Session(db, ["SET max_parallel_workers_per_gather = 0", "SET jit = off"])
    s.run("SELECT count((news.parse_article(html, url)).body) FROM stress_pages")
    rss0, hwm0 = memory(s.pid)
    samples = []
    done = threading.Event()

    def sample():
        start = time.monotonic()
        while not done.wait(1.0):
            try:
                samples.append((time.monotonic() - start, memory(s.pid)[0]))
            except (OSError, KeyError):
                break

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.monotonic()
    reps = -(-total // n)
    out = s.run(f"""SELECT count(*), count(a.body), sum(a.word_count)
                    FROM (SELECT p.html, p.url FROM generate_series(1, {reps}) AS g, stress_pages AS p
                          LIMIT {total}) AS page,
                         LATERAL news.parse_article(page.html, page.url) AS a""")
    elapsed = time.monotonic() - started
    done.set()
    sampler.join()
    rss1, hwm1 = memory(s.pid)
    s.close()
    tenth = [kb for t, kb in samples if t >= elapsed / 10]
    early = tenth[0] if tenth else rss0
    growth_mb = (rss1 - early) / 1024
    print(f"10_memory: {out.strip()} (pages, bodies, words) from {n} distinct pages ({size / 1e6:.1f} MB) "
          f"repeated to {total}, one query, {elapsed:.0f} s")
    print(f"10_memory: backend VmRSS {rss0 / 1024:.1f} MB before, {early / 1024:.1f} MB at 10%, "
          f"{rss1 / 1024:.1f} MB after (peak during {max([kb for _, kb in samples] + [rss1]) / 1024:.1f} MB; "
          f"VmHWM {hwm0 / 1024:.1f} -> {hwm1 / 1024:.1f} MB); growth after 10%: {growth_mb:+.1f} MB")
    if "ERROR" in out or growth_mb > slack_mb:
        print(f"10_memory: FAILED (allowed growth {slack_mb} MB)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
