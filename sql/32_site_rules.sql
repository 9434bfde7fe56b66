-- news.site_rules, news.site_zone and news.parse_article_for_site: the zone of
-- sites whose domain hides their country.
\pset null '(null)'
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';

-- Shipped rules are readable like any table.
SELECT domain, country, zone FROM news.site_rules
WHERE domain IN ('hindustantimes.com', 'ndtv.com', 'indiatimes.com', 'dawn.com', 'haaretz.com',
                 'timesofisrael.com', 'irishtimes.com', 'scmp.com')
ORDER BY domain;

-- Every shipped zone is one PostgreSQL knows, every country is in news.country_zones.
SELECT count(*) AS rules,
       count(*) FILTER (WHERE zone NOT IN (SELECT name FROM pg_timezone_names)) AS unknown_zones,
       count(*) FILTER (WHERE country NOT IN (SELECT country FROM news.country_zones)) AS unknown_countries
FROM news.site_rules;

-- The zone for a URL: the longest matching rule (subdomains included),
-- else the country-code domain, else NULL.
SELECT url, news.url_host(url) AS host, news.site_zone(url) AS zone
FROM (VALUES ('https://www.hindustantimes.com/world/story-sample.html'),
             ('https://timesofindia.indiatimes.com/india/x/articleshow/1.cms'),
             ('http://www.dawn.com/news/1'),
             ('https://www.haaretz.com/israel-news/1.2'),
             ('https://www.irishtimes.com/news/1'),
             ('https://www.scmp.com/news/china/article/1'),
             ('https://www.spiegel.de/politik/a-1.html'),
             ('https://www.bbc.co.uk/news/uk-1'),
             ('https://example.com/2015/09/19/story'),
             ('https://notndtv.com/story'),
             ('not a url')) AS u(url);

-- An analyst's own rule beats the domain; it is kept by pg_dump (shipped = false).
INSERT INTO news.site_rules (domain, country, zone, note)
VALUES ('example.com', 'IN', 'Asia/Kolkata', 'our Indian partner site');
SELECT news.site_zone('https://news.example.com/a') AS own_rule;

-- parse_article_for_site reads a page's times in its site's zone: the sample
-- page's "12:38 IST" is India on hindustantimes.com, and a bare time on an
-- Irish site is Dublin's clock.
SELECT a.published_at, a.published_local
FROM news.parse_article_for_site(
    '<html><head><title>T</title></head><body><h1>Ministers meet in Delhi today</h1>'
    '<p class="byline">Updated: Sep 19, 2015 12:38 IST</p><p>Text of the story.</p></body></html>',
    'https://www.hindustantimes.com/india/story.html') AS a;
SELECT a.published_at, a.published_local
FROM news.parse_article_for_site(
    '<html><head><meta property="article:published_time" content="2015-09-19T12:38:00"></head>'
    '<body><h1>Ministers meet in Dublin today</h1><p>Text of the story.</p></body></html>',
    'https://www.irishtimes.com/news/story') AS a;

-- The bytea form takes the page's bytes as crawled.
SELECT a.published_at, a.published_local
FROM news.parse_article_for_site(
    pg_catalog.convert_to('<html><body><h1>Ministers meet in Karachi today</h1>'
    '<p class="date">Sep 19, 2015 12:38 PKT</p><p>Text of the story.</p></body></html>', 'UTF8'),
    'https://www.dawn.com/news/1') AS a;
