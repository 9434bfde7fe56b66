#!/usr/bin/env python3
"""test/eval/10_article.py DB: news.parse_article over the development corpora,
scored by the shared score.py (the metrics of the held-out sets).

Every page of corpus/{readability,trafilatura,dates} goes through
news.parse_article(html bytea, url) in the private cluster; the predictions
are written as JSONL and handed to score.py.  Set PG_NEWS_EVAL_KEEP=DIR to
keep the predictions for a closer look (score.py --worst N).
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import corpus  # noqa: E402

QUERY = """
SELECT json_build_object(
  'id', p.id, 'headline', a.headline, 'body', a.body, 'authors', a.authors,
  'summary', a.summary, 'site_name', a.site_name, 'lang', a.lang,
  'published_at', to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
  'published_local', to_char(a.published_local, 'YYYY-MM-DD"T"HH24:MI:SS'))
FROM {table} p, news.parse_article(p.html, p.url) a ORDER BY p.id
"""


def main():
    db = sys.argv[1]
    keep = os.environ.get("PG_NEWS_EVAL_KEEP")
    outdir = keep or tempfile.mkdtemp(prefix="pg_news_eval.")
    os.makedirs(outdir, exist_ok=True)
    for set_name in ("readability", "trafilatura", "dates"):
        table = "eval_" + set_name
        n, size = corpus.load(db, table, set_name)
        predictions = os.path.join(outdir, set_name + ".jsonl")
        with open(predictions, "w", encoding="utf-8") as f:
            f.write(corpus.psql(db, QUERY.format(table=table)))
        print(f"== {set_name}: {n} pages, {size / 1e6:.1f} MB", flush=True)
        subprocess.run([sys.executable, corpus.SCORER, os.path.join(corpus.CORPUS, set_name), predictions],
                       check=True)
    if keep:
        print(f"predictions kept in {outdir}")


if __name__ == "__main__":
    main()
