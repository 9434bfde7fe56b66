-- Time and place: news timestamps, zone context, datelines and agencies.

CREATE FUNCTION news.parse_timestamp(input text, default_zone text DEFAULT NULL,
                                     reference timestamptz DEFAULT NULL)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'news_parse_timestamp'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION news.parse_timestamp(text, text, timestamptz) IS
'a date-time string as news sites print it (ISO 8601, RFC 822, "Sep 19, 2015 12:38 IST", month names in eight languages, "3 hours ago" against reference) as timestamptz; zone abbreviations and bare times are read in default_zone''s context (UTC without one); NULL when the string holds no date';

CREATE FUNCTION news.host_country(host text)
RETURNS text
AS 'MODULE_PATHNAME', 'news_host_country'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.host_country(text) IS
'ISO 3166 country of a host name''s country-code domain (www.dawn.com.pk gives PK, .co.uk GB), NULL for generic domains';

CREATE FUNCTION news.language_country(lang text)
RETURNS text
AS 'MODULE_PATHNAME', 'news_language_country'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.language_country(text) IS
'ISO 3166 country a language tag suggests: its region (en-IN gives IN), else a language spoken mainly in one country (hi gives IN); NULL otherwise';

CREATE TYPE news.dateline AS (
    place        text,
    agency       text,
    story_offset integer
);
COMMENT ON TYPE news.dateline IS
'the dateline of a lead paragraph: place, news agency, and the number of characters before the story proper';

CREATE FUNCTION news.parse_dateline(lead text)
RETURNS news.dateline
AS 'MODULE_PATHNAME', 'news_parse_dateline'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.parse_dateline(text) IS
'the dateline of a lead ("WASHINGTON (Reuters) -", "Mumbai, Jan 26 (PTI)"); NULL when the lead has none';

CREATE FUNCTION news.agency_name(credit text)
RETURNS text
AS 'MODULE_PATHNAME', 'news_agency_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news.agency_name(text) IS
'the short name of the news agency a byline or credit line names ("Agence France-Presse" gives AFP), NULL when none';
