-- news.parse_dateline and news.agency_name: where a story was filed, and by whom.
\pset null '(null)'

SELECT lead, d.place, d.agency, d.story_offset,
       substr(lead, d.story_offset + 1, 20) AS story_starts
FROM (VALUES ('NEW DELHI: The government on Saturday said ...'),
             ('WASHINGTON (Reuters) - The United States and Russia ...'),
             ('LONDON, Sept 19 (AFP) — Britain said on Saturday ...'),
             ('Mumbai, Jan 26 (PTI) The city celebrated ...'),
             ('BEIRUT — Lebanon''s government ...'),
             ('KYIV, Ukraine (AP) — Russia launched ...'),
             ('ST. LOUIS, Mo. (AP) — A man was charged ...'),
             ('WASHINGTON, Sept. 19, 2015 (Reuters) - The Pentagon ...'),
             ('SÃO PAULO (Reuters) - Brazil''s central bank ...'),
             ('KUWAIT CITY (KUNA) -- The cabinet ...'),
             ('Srinagar, Sep 19 (IANS): Security forces ...'),
             ('नई दिल्ली: सरकार ने शनिवार को कहा ...')) AS l(lead),
     LATERAL news.parse_dateline(lead) AS d;

-- Leads without a dateline give NULL, not a guess.
SELECT lead, news.parse_dateline(lead) AS dateline
FROM (VALUES ('The US military renewed contacts with Russia on Saturday.'),
             ('Update: the story has been corrected.'),
             ('Analysis - what the talks mean'),
             ('I - for one - disagree.'),
             ('NASA said on Friday that ...'),
             ('Die Chicago Mercantile Exchange (CME) hat am Montag ...'),
             (''),
             (NULL)) AS l(lead);

-- Agencies named in bylines and credit lines.
SELECT credit, news.agency_name(credit) AS agency
FROM (VALUES ('By Agence France-Presse'),
             ('Reuters'),
             ('With inputs from PTI'),
             ('Associated Press'),
             ('AP Photo/Evan Vucci'),
             ('Press Trust of India | Updated: Sep 19, 2015'),
             ('IANS'),
             ('Bloomberg'),
             ('Associated Press of Pakistan'),
             ('By Jane Doe, Staff Writer'),
             ('snapshot of the apple market')) AS c(credit);
