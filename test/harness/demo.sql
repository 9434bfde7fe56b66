-- test/harness/demo.sql: what `make demo` prints for the bundled sample page.
SET timezone = 'UTC';
\pset null '(null)'
\x on
SELECT a.headline, a.summary, a.section, a.published_at, a.updated_at,
       a.updated_local, a.authors, a.lang, a.site_name, a.canonical_url,
       a.dateline_place, a.agency, a.word_count, a.provenance
FROM sample_pages p, news.parse_article(p.html, p.url) AS a;
\x off
\echo body, one block per line:
SELECT line_no, line
FROM sample_pages p, news.parse_article(p.html, p.url) AS a,
     regexp_split_to_table(a.body, '\n') WITH ORDINALITY AS b(line, line_no);
