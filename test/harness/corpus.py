"""test/harness/corpus.py: corpus access shared by the eval and bench scripts.

Pages are read in place from the shared corpus (never copied into the
repository) and loaded into a table of the private cluster with COPY.
"""
import gzip
import json
import os
import subprocess

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("PG_NEWS_SHARED", os.path.join(os.path.dirname(TOP), "shared"))
CORPUS = os.path.join(SHARED, "corpus")
SCORER = os.path.join(SHARED, "eval", "score.py")


def psql(db, sql, stdin=None):
    """Runs SQL with psql and returns its unaligned, tuples-only output."""
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
                         input=stdin, capture_output=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode("utf-8", "replace"))
    return out.stdout.decode("utf-8")


def pages(set_name):
    """(id, url, raw bytes) of every page of a corpus set, in id order."""
    folder = os.path.join(CORPUS, set_name)
    with open(os.path.join(folder, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    for pid in sorted(truth):
        path = os.path.join(folder, "pages", pid + ".html.gz")
        if not os.path.exists(path):
            continue
        with gzip.open(path, "rb") as f:
            yield pid, truth[pid].get("url"), f.read()


def copy_escape(value):
    if value is None:
        return "\\N"
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def load(db, table, set_name):
    """Creates table (id, url, html bytea) and fills it with the set's pages."""
    psql(db, f"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id text PRIMARY KEY, url text, html bytea NOT NULL)")
    rows = []
    total = 0
    for pid, url, raw in pages(set_name):
        total += len(raw)
        rows.append("\t".join([copy_escape(pid), copy_escape(url), "\\\\x" + raw.hex()]))
    data = ("\n".join(rows) + "\n").encode("utf-8")
    psql(db, f"COPY {table} (id, url, html) FROM STDIN", stdin=data)
    return len(rows), total
