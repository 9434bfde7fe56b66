-- Site rules: the zone of news sites whose domain hides their country.

CREATE TABLE news.site_rules (
    domain  text PRIMARY KEY CHECK (domain = pg_catalog.lower(domain) AND domain !~ '^[.]|/'),
    country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    zone    text NOT NULL,
    note    text,
    shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE news.site_rules IS
'the country and IANA zone of a news site, by domain (a rule covers its subdomains; the longest match wins); rows with shipped = false are the analyst''s own and survive pg_dump';
COMMENT ON COLUMN news.site_rules.shipped IS
'true for the rules pg_news ships; set it to false on a row you change so that pg_dump keeps your version';

-- Rows an analyst adds or changes (shipped = false) are dumped with the extension's data.
SELECT pg_catalog.pg_extension_config_dump('news.site_rules', 'WHERE NOT shipped');

INSERT INTO news.site_rules (domain, country, zone, note, shipped) VALUES
    ('hindustantimes.com', 'IN', 'Asia/Kolkata', 'HT Media, New Delhi', true),
    ('livemint.com', 'IN', 'Asia/Kolkata', 'HT Media (Mint), New Delhi', true),
    ('ndtv.com', 'IN', 'Asia/Kolkata', 'New Delhi Television', true),
    ('indiatimes.com', 'IN', 'Asia/Kolkata', 'Times Group (Times of India, Economic Times), Mumbai', true),
    ('thehindu.com', 'IN', 'Asia/Kolkata', 'The Hindu, Chennai', true),
    ('thehindubusinessline.com', 'IN', 'Asia/Kolkata', 'The Hindu group, Chennai', true),
    ('indianexpress.com', 'IN', 'Asia/Kolkata', 'Indian Express, Noida', true),
    ('news18.com', 'IN', 'Asia/Kolkata', 'Network18, Noida', true),
    ('firstpost.com', 'IN', 'Asia/Kolkata', 'Network18, Mumbai', true),
    ('deccanherald.com', 'IN', 'Asia/Kolkata', 'Deccan Herald, Bengaluru', true),
    ('business-standard.com', 'IN', 'Asia/Kolkata', 'Business Standard, New Delhi', true),
    ('indiatoday.in', 'IN', 'Asia/Kolkata', 'India Today, Noida (.in, listed for clarity)', true),
    ('dawn.com', 'PK', 'Asia/Karachi', 'Dawn, Karachi', true),
    ('geo.tv', 'PK', 'Asia/Karachi', 'Geo News, Karachi', true),
    ('thedailystar.net', 'BD', 'Asia/Dhaka', 'The Daily Star, Dhaka', true),
    ('bdnews24.com', 'BD', 'Asia/Dhaka', 'bdnews24.com, Dhaka', true),
    ('dhakatribune.com', 'BD', 'Asia/Dhaka', 'Dhaka Tribune', true),
    ('haaretz.com', 'IL', 'Asia/Jerusalem', 'Haaretz, Tel Aviv', true),
    ('timesofisrael.com', 'IL', 'Asia/Jerusalem', 'The Times of Israel, Jerusalem', true),
    ('jpost.com', 'IL', 'Asia/Jerusalem', 'The Jerusalem Post', true),
    ('ynetnews.com', 'IL', 'Asia/Jerusalem', 'Ynet, Rishon LeZion', true),
    ('irishtimes.com', 'IE', 'Europe/Dublin', 'The Irish Times, Dublin', true),
    ('irishexaminer.com', 'IE', 'Europe/Dublin', 'Irish Examiner, Cork', true),
    ('scmp.com', 'HK', 'Asia/Hong_Kong', 'South China Morning Post, Hong Kong', true),
    ('straitstimes.com', 'SG', 'Asia/Singapore', 'The Straits Times, Singapore', true),
    ('channelnewsasia.com', 'SG', 'Asia/Singapore', 'CNA, Singapore', true),
    ('aljazeera.com', 'QA', 'Asia/Qatar', 'Al Jazeera, Doha', true),
    ('gulfnews.com', 'AE', 'Asia/Dubai', 'Gulf News, Dubai', true),
    ('khaleejtimes.com', 'AE', 'Asia/Dubai', 'Khaleej Times, Dubai', true),
    ('thenationalnews.com', 'AE', 'Asia/Dubai', 'The National, Abu Dhabi', true),
    ('arabnews.com', 'SA', 'Asia/Riyadh', 'Arab News, Riyadh', true),
    ('koreaherald.com', 'KR', 'Asia/Seoul', 'The Korea Herald, Seoul', true),
    ('bangkokpost.com', 'TH', 'Asia/Bangkok', 'Bangkok Post', true),
    ('inquirer.net', 'PH', 'Asia/Manila', 'Philippine Daily Inquirer, Makati', true),
    ('rappler.com', 'PH', 'Asia/Manila', 'Rappler, Pasig', true),
    ('theguardian.com', 'GB', 'Europe/London', 'Guardian Media Group, London', true),
    ('bbc.com', 'GB', 'Europe/London', 'BBC, London (international domain)', true),
    ('dw.com', 'DE', 'Europe/Berlin', 'Deutsche Welle, Bonn', true),
    ('france24.com', 'FR', 'Europe/Paris', 'France 24, Paris', true),
    ('elpais.com', 'ES', 'Europe/Madrid', 'El País, Madrid', true),
    ('kyivindependent.com', 'UA', 'Europe/Kyiv', 'The Kyiv Independent', true),
    ('themoscowtimes.com', 'RU', 'Europe/Moscow', 'The Moscow Times (edited from Amsterdam, reports Moscow time)', true),
    ('nytimes.com', 'US', 'America/New_York', 'The New York Times', true),
    ('washingtonpost.com', 'US', 'America/New_York', 'The Washington Post', true),
    ('wsj.com', 'US', 'America/New_York', 'The Wall Street Journal, New York', true),
    ('nypost.com', 'US', 'America/New_York', 'New York Post', true),
    ('bostonglobe.com', 'US', 'America/New_York', 'The Boston Globe', true),
    ('chicagotribune.com', 'US', 'America/Chicago', 'Chicago Tribune', true),
    ('denverpost.com', 'US', 'America/Denver', 'The Denver Post', true),
    ('latimes.com', 'US', 'America/Los_Angeles', 'Los Angeles Times', true),
    ('sfchronicle.com', 'US', 'America/Los_Angeles', 'San Francisco Chronicle', true),
    ('mercurynews.com', 'US', 'America/Los_Angeles', 'The Mercury News, San Jose', true),
    ('news24.com', 'ZA', 'Africa/Johannesburg', 'News24, Cape Town', true),
    ('nation.africa', 'KE', 'Africa/Nairobi', 'Nation Media Group, Nairobi', true),
    ('punchng.com', 'NG', 'Africa/Lagos', 'The Punch, Lagos', true),
    ('premiumtimesng.com', 'NG', 'Africa/Lagos', 'Premium Times, Abuja', true);

-- The host of a URL, lower case, without user or port.
CREATE FUNCTION news.url_host(url text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.lower(pg_catalog.substring(url, '^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^@/?#]*@)?([^/:?#]+)'));
COMMENT ON FUNCTION news.url_host(text) IS
'the host name of an absolute URL, lower case; NULL when url has none';

CREATE FUNCTION news.site_zone(url text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE   -- reads news.site_rules
BEGIN ATOMIC
    SELECT coalesce(
        (SELECT r.zone
           FROM news.site_rules r
          WHERE news.url_host(url) OPERATOR(pg_catalog.=) r.domain
             OR pg_catalog.right(news.url_host(url), pg_catalog.length(r.domain) OPERATOR(pg_catalog.+) 1)
                OPERATOR(pg_catalog.=) ('.' OPERATOR(pg_catalog.||) r.domain)
          ORDER BY pg_catalog.length(r.domain) DESC
          LIMIT 1),
        (SELECT c.zone
           FROM news.country_zones c
          WHERE c.country OPERATOR(pg_catalog.=) news.host_country(news.url_host(url))));
END;
COMMENT ON FUNCTION news.site_zone(text) IS
'the IANA zone of the site a URL belongs to: from news.site_rules (longest matching domain), else from its country-code domain via news.country_zones; NULL when neither knows';

CREATE FUNCTION news.parse_article_for_site(html text, url text)
RETURNS news.article
LANGUAGE sql STABLE PARALLEL SAFE COST 10000   -- reads news.site_rules
RETURN news.parse_article(html, url, news.site_zone(url));
COMMENT ON FUNCTION news.parse_article_for_site(text, text) IS
'news.parse_article with the site''s zone from news.site_rules (news.site_zone) as default_zone';

CREATE FUNCTION news.parse_article_for_site(html bytea, url text, content_type text DEFAULT NULL)
RETURNS news.article
LANGUAGE sql STABLE PARALLEL SAFE COST 10000   -- reads news.site_rules
RETURN news.parse_article(html, url, content_type, news.site_zone(url));
COMMENT ON FUNCTION news.parse_article_for_site(bytea, text, text) IS
'news.parse_article of raw page bytes with the site''s zone from news.site_rules (news.site_zone) as default_zone';
