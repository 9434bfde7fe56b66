-- Where each field comes from: one small page per metadata source, and a
-- page holding every kind of boilerplate around an article.
\pset null '(null)'
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';

-- Every kind of boilerplate goes (picture credits and galleries too); subhead, list, quote and table stay.
\set page `cat test/fixtures/boilerplate_kinds.html`
SELECT n, line
FROM news.parse_article(:'page', 'https://www.beispielzeitung.de/panorama/hochwasser-koeln.html') a,
     regexp_split_to_table(a.body, '\n') WITH ORDINALITY AS b(line, n);
SELECT headline, lang, section, provenance->'headline' AS headline_from
FROM news.parse_article(:'page', 'https://www.beispielzeitung.de/panorama/hochwasser-koeln.html');

-- OpenGraph and article:* metas.
SELECT headline, summary, site_name, section, tags, authors, image_url, canonical_url
FROM news.parse_article(
 '<html><head><meta property="og:title" content="Budget passes after all-night session">
  <meta property="og:description" content="The vote was 52 to 48.">
  <meta property="og:site_name" content="The Capital Ledger">
  <meta property="article:section" content="Politics">
  <meta property="article:tag" content="budget"><meta property="article:tag" content="senate">
  <meta property="article:author" content="Maria Lopez">
  <meta property="og:image" content="/img/senate.jpg">
  <meta property="og:url" content="https://ledger.example/politics/budget-passes"></head></html>',
 'https://ledger.example/politics/budget-passes?utm_source=x');

-- Twitter cards and standard metas; a byline's "By" and role go.
SELECT headline, summary, authors, tags, provenance->'authors' AS authors_from
FROM news.parse_article(
 '<html><head><meta name="twitter:title" content="Rail strike called off">
  <meta name="description" content="Unions and operators reached a deal overnight.">
  <meta name="author" content="By Sam Okafor, Transport Correspondent">
  <meta name="news_keywords" content="rail, strike, unions"></head></html>');

-- Dublin Core outranks OpenGraph, as catalogue metadata the publisher curated.
SELECT headline, authors, provenance->'headline' AS headline_from
FROM news.parse_article(
 '<html><head><meta property="og:title" content="Share title | Site">
  <meta name="DC.title" content="Catalogue title">
  <meta name="DC.creator" content="Ines Moreau"></head></html>');

-- Microdata, rel=author and <html lang>.
SELECT headline, authors, section, lang, provenance->'authors' AS authors_from
FROM news.parse_article(
 '<html lang="pt-BR"><body><article itemscope itemtype="https://schema.org/NewsArticle">
  <h1 itemprop="headline">Chuva forte alaga ruas do centro</h1>
  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ana Souza</span></span>
  <meta itemprop="articleSection" content="Cidades">
  <p>A chuva que caiu na tarde de segunda-feira alagou ruas do centro e interrompeu o trânsito em várias avenidas, segundo a Defesa Civil.</p>
  </article></body></html>');

-- The visible page last: <title> without its site decoration, the byline element.
SELECT headline, authors, provenance->'headline' AS headline_from
FROM news.parse_article(
 '<html><head><title>Council approves new bus lanes | City News | Example Herald</title></head>
  <body><h1>Council approves new bus lanes</h1><div class="byline">By Priya Natarajan and Tom Hale</div>
  <p>The council voted on Tuesday to add bus lanes on three main roads, with work starting in the spring after a consultation that drew hundreds of responses.</p></body></html>');

-- JSON-LD: several blocks, a malformed one skipped, CDATA markers, Organization authors kept apart.
SELECT headline, authors, agency, section, published_at, provenance->'published_at' AS published_from
FROM news.parse_article(
 '<html><head>
  <script type="application/ld+json">{ "@type": "NewsArticle", "headline": oops }</script>
  <script type="application/ld+json"><![CDATA[
   [{"@type": "Organization", "name": "Daily Example"},
    {"@type": "ReportageNews", "headline": "Port reopens after storm",
     "datePublished": "2024-03-05T08:30:00+01:00", "articleSection": ["Business"],
     "author": [{"@type": "Person", "name": "Lena Fischer"}, {"@type": "Organization", "name": "Reuters"}]}]
  ]]></script></head></html>');

-- Metas that name one person each may write "Surname, Given": read in natural order.
SELECT authors, provenance->'authors' AS authors_from
FROM news.parse_article(
 '<html><head><meta name="citation_author" content="Kooman, F.">
  <meta name="citation_author" content="Jong, Michiel de">
  <meta name="citation_author" content="Dupont, Marie"></head></html>');
-- A byline meta may list people with commas: "A, B" stays two names.
SELECT authors
FROM news.parse_article('<html><head><meta name="author" content="Ana Ruiz, Tom Berg"></head></html>');
-- Parentheses in a byline: "(avec B et C)" names more people, a URL is no name.
SELECT authors
FROM news.parse_article('<html><body><p class="byline">Martin Untersinger (avec Damien Leloup et Morgane Tual)</p></body></html>');
SELECT authors
FROM news.parse_article('<html><body><p class="byline">Bradley M. Kuhn (http://ebb.org/bkuhn/)</p></body></html>');
-- Commenters and a comment form's "Name" field did not write the article; "Published by" is no name.
SELECT authors
FROM news.parse_article(
 '<html><body><aside><ul id="recentcomments"><li><span class="comment-author-link">wuff</span> on a post</li></ul></aside>
  <form><p class="comment-form-author"><label for="author">Name (required)</label><input id="author" name="author"></p></form>
  <div class="author-info"><h2 class="author-heading">Published by</h2><h3 class="author-title">Daniel Lemire</h3></div></body></html>');
-- Metadata escaped twice reads as the publisher meant it; unknown names stay.
SELECT headline, site_name, summary
FROM news.parse_article(
 '<html><head><script type="application/ld+json">{"@type": "NewsArticle",
   "headline": "Olive &#038; Herb Focaccia &#8211; the &quot;easy&quot; way"}</script>
  <meta property="og:site_name" content="Harper&amp;#039;s Magazine">
  <meta name="description" content="Caf&amp;eacute; &amp;bogus; &amp;#xFFFFFFFF; done"></head></html>');
-- An organisation with its address is one credit; a label or a weekday is no name.
SELECT authors
FROM news.parse_article('<html><head><meta name="author" content="Kirche und Leben, Münster, Germany"></head></html>');
SELECT authors
FROM news.parse_article('<html><head><meta name="author" content="Ministerium für Wirtschaft und Klimaschutz"></head></html>');
SELECT authors
FROM news.parse_article('<html><head><meta name="author" content="Unknown"></head><body><span class="author">Donnerstag</span></body></html>');
-- JSON-LD "name" against "headline": the one closer to <title> both ways wins.
SELECT headline
FROM news.parse_article(
 '<html><head><title>West Ham threaten the giants, and charm Lineker - Aktuálně.cz</title><script type="application/ld+json">
  {"@type": "NewsArticle", "name": "Aktuálně.cz", "headline": "West Ham threaten the giants, charm Lineker too"}</script></head></html>');
SELECT headline
FROM news.parse_article(
 '<html><head><title>Hermitian matrix - Wikipedia</title><script type="application/ld+json">
  {"@type": "Article", "name": "Hermitian matrix", "headline": "square matrix equal to its own conjugate transpose"}</script></head></html>');
-- A dateline set in a span of its own is still the lead's, and read as the dateline.
SELECT dateline_place, left(body, 40) AS body_starts
FROM news.parse_article(
 '<html><body><article><p><span class="dateline">CAIRO —</span> Gunmen opened fire on visitors at Tunisia''s
  most renowned museum on Wednesday, killing at least 19 people, officials said.</p>
  <p>It was the most deadly attack in the North African nation in more than a decade, and the
  government said it would respond with force against those who planned it.</p></article></body></html>');
