\pset null '(null)'
-- news.quotes, news.cited_sources, news.entities, news.text_stats on the
-- bundled sample page.  The body is taken from the page's <p> elements, one
-- paragraph a line, as news.article.body holds it (self-contained: the test
-- does not depend on the article extractor's choices).
\set page `cat test/fixtures/ht_world_sample.html`
CREATE TEMP TABLE sample AS
SELECT string_agg(regexp_replace((regexp_match(part, '<p(?: [^>]*)?>(.*)$'))[1], '<[^>]*>', '', 'g'),
                  E'\n' ORDER BY ord) AS body
FROM regexp_split_to_table(:'page', '</p>') WITH ORDINALITY AS t(part, ord)
WHERE part ~ '<p(?: [^>]*)?>';

-- Every direct quote with its speaker; "he added" is Konashenkov's
SELECT paragraph, speaker, speaker_role, cue, partial, quote
FROM sample, news.quotes(body);

-- Who the story cites: AFP among them
SELECT source, kind, mentions, first_paragraph FROM sample, news.cited_sources(body);

-- Entities from capitalisation alone: made-up names no entity list holds,
-- so the output does not depend on the installed pg_news_entities.tsv
SELECT entity, kind, mentions FROM news.entities(
  E'Trade Minister Arun Rao met officials of the Velmora Ministry in Kestrel on Monday.\n'
  'Rao said the Harlan Group would invest in Kestrel. Tactical talks follow.\n'
  'Analysts at the Orvane Institute and Velmoran traders were cautious, the VTX exchange said.');

SELECT words, sentences, paragraphs, syllables, round(reading_minutes::numeric, 2) AS minutes,
       round(flesch_reading_ease::numeric, 1) AS flesch
FROM sample, news.text_stats(body);

-- Quote forms, one body per case
CREATE TEMP TABLE forms (id int, body text);
INSERT INTO forms VALUES
 (1, 'She wrote that the plan was “a disaster waiting to happen,” and left.'),
 (2, '"We will not back down," said Maria Lopez, the union''s president.'),
 (3, E'Senator Jane Roe spoke to reporters on Monday.\n“This bill is dead,” she said. “It will not pass.”'),
 (4, E'Police chief Tom Hale and Mayor Ann Lee met on Friday.\n“We are ready,” he said.'),
 (5, E'“The budget,” Finance Minister Arun Rao said, “is balanced.”'),
 (6, E'According to the ministry, “no civilians were hurt.”'),
 (7, E'“He told me ‘never again’ and walked out,” said witness Sam Cole.'),
 (8, E'A government official told Reuters that talks had stalled.'),
 (9, E'“First part of the statement.\n“Second part of it,” said Dr. Ken Ito.'),
 (10, E'Prime Minister Narendra Modi said: “India is ready.”'),
 (11, E'Finance Minister Arun Rao told parliament:\n“The budget is balanced.”\n“Next question,” the speaker said.'),
 (12, E'Cook said “We are ready” and left. Critics called it a “charade.”'),
 (13, E'Mrs Ann Lee met the press.\n“We are tired,” he said.'),
 (14, E'Lord Tom Hale met the press.\n“We are tired,” he said.\n“It is late,” he added.');
SELECT id, paragraph, speaker, speaker_role, cue, partial, quote
FROM forms, news.quotes(body) ORDER BY id, paragraph;
SELECT id, source, kind, mentions FROM forms, news.cited_sources(body) ORDER BY id, first_paragraph, source;

-- NULL in, no rows out; empty bodies have no quotes and no readability
SELECT count(*) FROM news.quotes(NULL);
SELECT count(*) FROM news.quotes('');
SELECT * FROM news.text_stats('');
-- A run of 5,000 letters without a space is one word (it was counted ~900 times).
SELECT words FROM news.text_stats(repeat('a', 5000));
