-- Page dates: where news.parse_article finds published_at and updated_at,
-- and the decoys it leaves alone.
\pset null '(null)'
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';

-- The sample page: its only article date is "Updated: Sep 19, 2015 12:38 IST"
-- (India, by the site's rule); the header's "Jan 26, 2020-Sunday" and the
-- footer's copyright year are not taken.
\set page `cat test/fixtures/ht_world_sample.html`
SELECT a.published_at, a.updated_at, a.published_local,
       a.provenance -> 'updated_at' AS updated_from
FROM news.parse_article_for_site(:'page',
     'https://www.hindustantimes.com/world/us-and-russian-militaries/story-sample.html') AS a;

-- Best source first: JSON-LD, then meta tags, then <time>, then the URL, then text.
SELECT case_name, a.published_at, a.updated_at, a.provenance -> 'published_at' ->> 'source' AS source
FROM (VALUES
  ('json-ld beats meta',
   '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks resume in Geneva",'
   ' "datePublished": "2015-09-19T12:38:00+02:00", "dateModified": "2015-09-20T08:00:00+02:00"}</script>'
   '<meta property="article:published_time" content="2015-09-18T00:00:00Z"></head>'
   '<body><h1>Talks resume in Geneva</h1><p>Story.</p></body></html>', NULL),
  ('meta beats visible text',
   '<html><head><meta property="article:published_time" content="2015-09-19T12:38:00-04:00"></head>'
   '<body><h1>Talks resume in Geneva</h1><p class="byline">Sep 21, 2015</p><p>Story.</p></body></html>', NULL),
  ('parse.ly JSON in a meta tag',
   '<html><head><meta name="parsely-page" content=''{"title": "Talks", "pub_date": "2015-09-19T07:08:00Z"}''>'
   '</head><body><h1>Talks resume in Geneva</h1><p>Story.</p></body></html>', NULL),
  ('time element',
   '<html><body><h1>Talks resume in Geneva</h1><time datetime="2015-09-19T12:38:00Z">Sat</time><p>Story.</p></body></html>', NULL),
  ('url date, decoys around it',
   '<html><body><div class="todays-date">Jan 26, 2020-Sunday</div><h1>Talks resume in Geneva</h1><p>Story.</p>'
   '<div class="comments"><p>Jan 27, 2020 at 10:00</p></div>'
   '<div class="related-stories"><time datetime="2020-01-25">Jan 25</time></div>'
   '<footer>Copyright © 2020</footer></body></html>',
   'https://example.com/2015/09/19/talks-resume'),
  ('labelled text, German',
   '<html><body><h1>Gespräche in Genf gehen weiter</h1><p>Veröffentlicht am 19.09.2015, 12:38 Uhr</p>'
   '<p>Text.</p></body></html>', 'https://example.de/politik/gespraeche'),
  ('no date at all',
   '<html><body><h1>Talks resume in Geneva</h1><p>Story.</p><footer>© 2020</footer></body></html>', NULL)
) AS c(case_name, html, url),
LATERAL news.parse_article(html, url) AS a;
