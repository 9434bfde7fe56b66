#!/usr/bin/env python3
"""test/bench/10_article.py DB: news.parse_article throughput.

In one run: the extraction in one backend over the corpus pages (and in a
parallel query), the backend's RSS before and after, and outside the
server the same pages through bare libxml2 parsing and through the core's
whole extraction, with their ratio.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import corpus  # noqa: E402

TOP = corpus.TOP


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0



def main():
    db = sys.argv[1]
    n, size = corpus.load(db, "bench_pages", "trafilatura")
    corpus.psql(db, "VACUUM ANALYZE bench_pages")
    print(f"corpus: trafilatura, {n} pages, {size / 1e6:.1f} MB")

    proc = subprocess.Popen(["psql", "-X", "-q", "-At", "-d", db], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    proc.stdin.write("SET max_parallel_workers_per_gather = 0;\nSELECT pg_backend_pid();\n")
    proc.stdin.flush()
    pid = int(proc.stdout.readline())
    before = rss_kb(pid)
    proc.stdin.write("SELECT count(*) FROM bench_pages p, news.parse_article(p.html, p.url) a;\n")
    proc.stdin.flush()
    proc.stdout.readline()
    t0 = time.monotonic()
    proc.stdin.write("SELECT count(a.body) FROM bench_pages p, news.parse_article(p.html, p.url) a;\n")
    proc.stdin.flush()
    proc.stdout.readline()
    serial = time.monotonic() - t0
    after = rss_kb(pid)
    proc.stdin.write("SELECT count(a.body) FROM bench_pages p, news.parse_article(p.html, p.url) a;\n")
    proc.stdin.flush()
    proc.stdout.readline()
    after2 = rss_kb(pid)
    proc.stdin.close()
    proc.wait()
    print(f"one backend: {n / serial:.1f} pages/s, {size / 1e6 / serial:.1f} MB/s")
    print(f"  backend RSS: {before} kB before, {after} kB after one pass, {after2} kB after two")

    t0 = time.monotonic()
    corpus.psql(db, "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; "
                    "SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2; "
                    "SELECT count(a.body) FROM bench_pages p, news.parse_article(p.html, p.url) a")
    par = time.monotonic() - t0
    print(f"parallel query, 2 workers + leader: {n / par:.1f} pages/s ({serial / par:.2f}x one backend)")

    # The core outside the server, against bare libxml2 on the same pages.
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for pid_, _url, raw in corpus.pages("trafilatura"):
            path = os.path.join(tmp, pid_.replace("/", "_") + ".html")
            with open(path, "wb") as f:
                f.write(raw)
            files.append(path)
        binary = os.path.join(tmp, "bench_parse")
        build = ["cc", "-O2", "-Isrc/core", "-Itest/core",
                 "-I" + subprocess.check_output(["pg_config", "--includedir-server"], text=True).strip(),
                 *subprocess.check_output(["xml2-config", "--cflags"], text=True).split(),
                 "-o", binary, "test/bench/bench_parse.c", "test/core/nc_test_host.c",
                 *sorted(os.path.join("src/core", f) for f in os.listdir(os.path.join(TOP, "src/core"))
                         if f.endswith(".c")),
                 *subprocess.check_output(["xml2-config", "--libs"], text=True).split(),
                 "-L" + subprocess.check_output(["pg_config", "--pkglibdir"], text=True).strip(),
                 "-lpgcommon", "-lpgport", "-lm"]
        subprocess.run(build, cwd=TOP, check=True)
        subprocess.run([binary, *files], check=True)


if __name__ == "__main__":
    main()
