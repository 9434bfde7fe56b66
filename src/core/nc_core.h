/*
 * src/core/nc_core.h
 *		The whole interface of the pg_news core: HTML page to article,
 *		news timestamps and time zones, datelines.
 *
 * The core is plain C over libc and libxml2.  It knows nothing of the
 * PostgreSQL backend: whatever it needs from its host (memory, a way to
 * notice cancellation, the time-zone database, a JSON parser) arrives
 * through NcHost.  The server glue in src/ supplies the backend's versions;
 * test/core supplies standalone ones, so the core can be fuzzed and
 * benchmarked outside the server.
 *
 * No hook may longjmp: the core holds libxml2 trees allocated with malloc
 * and frees them on every return path, then reports a status.
 *
 * All strings are UTF-8 and NUL-terminated.  Everything the core hands
 * back lives in memory obtained from host->alloc and is never freed
 * individually: the host releases it all at once (a memory context in the
 * server, an arena standalone).
 */
#ifndef NC_CORE_H
#define NC_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum NcStatus
{
	NC_OK = 0,
	NC_NO_MEMORY,
	NC_TOO_LARGE,
	NC_BAD_ENCODING,
	NC_CANCELLED
} NcStatus;

typedef struct NcError
{
	NcStatus	status;
	char		detail[256];
} NcError;

/* A wall-clock time as a page prints it; fields are 1-based like struct tm's mday. */
typedef struct NcLocalTime
{
	int			year;
	int			month;			/* 1..12 */
	int			day;			/* 1..31 */
	int			hour;
	int			minute;
	int			second;
	int			microsecond;
} NcLocalTime;

/* Events of a JSON document, fed by the host's JSON parser. */
typedef struct NcJsonEvents
{
	void	   *state;
	void		(*object_start) (void *state);
	void		(*object_end) (void *state);
	void		(*array_start) (void *state);
	void		(*array_end) (void *state);
	/* A member name; its value's events follow. */
	void		(*object_field) (void *state, const char *name);
	/* A scalar: text is NULL for JSON null; is_string tells "1" from 1. */
	void		(*scalar) (void *state, const char *text, bool is_string);
} NcJsonEvents;

typedef struct NcHost
{
	/* Memory for the core's results; NULL when out of memory. */
	void	   *(*alloc) (void *arg, size_t size);
	/* Polled in long loops: true when the caller wants the work abandoned. */
	bool		(*should_stop) (void *arg);

	/*
	 * The offset east of UTC, in seconds, of a wall-clock time in an IANA
	 * zone, from the host's time-zone database (DST included).  False when
	 * the zone is unknown.
	 */
	bool		(*zone_offset) (void *arg, const char *zone,
								const NcLocalTime *local, int *utc_offset_seconds);

	/*
	 * Parses JSON text, calling events as it goes.  False when the text is
	 * not JSON; the events seen until then must be discarded by the caller.
	 * The core never passes documents nested deeper than NC_JSON_MAX_DEPTH.
	 */
	bool		(*parse_json) (void *arg, const char *json, size_t len,
							   const NcJsonEvents *events);
	void	   *arg;
} NcHost;

#define NC_JSON_MAX_DEPTH 64

/* Limits a caller may tighten; the core refuses input beyond them. */
typedef struct NcLimits
{
	size_t		max_page_bytes;
	int			max_tree_depth;		/* DOM depth the extractor descends */
} NcLimits;

/* ---------------------------------------------------------------------
 * Timestamps
 * ---------------------------------------------------------------------
 */

/* A point in time read from a page, with what the page said of its zone. */
typedef struct NcTimestamp
{
	bool		valid;
	bool		has_time;		/* false: a date alone, time set to 00:00 */
	bool		has_offset;		/* false: no zone known; treat local as UTC */
	NcLocalTime local;			/* wall-clock time as printed */
	int			utc_offset;		/* seconds east of UTC, when has_offset */
	const char *zone;			/* IANA zone the offset came from, or NULL */
} NcTimestamp;

/* What decides the meaning of a zone abbreviation and of a bare local time. */
typedef struct NcZoneContext
{
	const char *default_zone;	/* IANA zone name given by the caller, or NULL */
	const char *country;		/* ISO 3166 alpha-2, upper case, or NULL */
	const NcTimestamp *reference;	/* "now" for relative forms, or NULL */
} NcZoneContext;

/*
 * Reads a date-time string as news sites print it.  Returns false when the
 * string holds no date.
 */
extern bool nc_parse_timestamp(const NcHost *host, const char *text, size_t len,
							   const NcZoneContext *context, NcTimestamp *out);

/* Country (ISO alpha-2) suggested by a host name's top-level domain, or NULL. */
extern const char *nc_country_of_host(const char *host_name);

/* Country suggested by a language tag such as "en-IN" or "hi", or NULL. */
extern const char *nc_country_of_language(const char *lang);

/* Seconds since 1970-01-01 00:00 UTC of a valid timestamp. */
extern int64_t nc_timestamp_epoch(const NcTimestamp *ts);

/* ---------------------------------------------------------------------
 * Articles
 * ---------------------------------------------------------------------
 */

typedef struct NcStrList
{
	int			count;
	const char **items;
} NcStrList;

/* Where one field's value came from, for news.article.provenance. */
typedef struct NcProvenance
{
	const char *field;
	const char *source;			/* "json-ld", "opengraph", "meta", "text", ... */
	const char *raw;			/* the string as found, or NULL */
} NcProvenance;

#define NC_MAX_PROVENANCE 32

typedef struct NcArticle
{
	const char *url;
	const char *canonical_url;
	const char *site_name;
	const char *lang;
	const char *headline;
	const char *summary;
	const char *section;
	NcStrList	tags;
	NcStrList	authors;
	NcTimestamp published;
	NcTimestamp updated;
	const char *dateline_place;
	const char *agency;
	const char *body;			/* one block per line */
	const char *image_url;
	int			word_count;
	int			provenance_count;
	NcProvenance provenance[NC_MAX_PROVENANCE];
} NcArticle;

typedef struct NcArticleRequest
{
	const char *bytes;			/* the page as stored */
	size_t		len;
	const char *charset;		/* known charset ("UTF-8" for text), or NULL */
	const char *content_type;	/* HTTP Content-Type header, or NULL */
	const char *url;			/* the page's address, or NULL */
	const char *default_zone;	/* IANA zone for the site, or NULL */
} NcArticleRequest;

/*
 * Extracts an article from a page.  On NC_OK *out is filled (fields a page
 * lacks are NULL); otherwise err says why.
 */
extern NcStatus nc_parse_article(const NcHost *host, const NcLimits *limits,
								 const NcArticleRequest *request,
								 NcArticle *out, NcError *err);

/* ---------------------------------------------------------------------
 * Datelines
 * ---------------------------------------------------------------------
 */

typedef struct NcDateline
{
	const char *place;			/* "NEW DELHI", "KYIV, Ukraine", or NULL */
	const char *agency;			/* "AFP", "Reuters", ... or NULL */
	size_t		story_offset;	/* byte offset where the story proper starts */
} NcDateline;

/* Reads the dateline of a lead paragraph.  False when it has none. */
extern bool nc_parse_dateline(const NcHost *host, const char *text, size_t len,
							  NcDateline *out);

/*
 * The short name of the news agency a byline or credit line names
 * ("Agence France-Presse" and "AFP" give "AFP"), or NULL.
 */
extern const char *nc_agency_name(const char *text, size_t len);

/* ---------------------------------------------------------------------
 * Tokeniser (nc_tokenize.c), used by the text-search parser news.parser
 *
 * Code points are classified from the core's own Unicode tables, never
 * from the C library's locale, so every database (and every parallel
 * worker) sees the same tokens.  Ids 1..23 keep the meanings of
 * PostgreSQL's default parser, so its headline function and mappings
 * copied from its configurations keep working; news types follow.
 * ---------------------------------------------------------------------
 */

typedef enum NcTokenType
{
	NC_TOK_END = 0,
	NC_TOK_ASCIIWORD = 1,		/* letters, all ASCII */
	NC_TOK_WORD = 2,			/* letters (and marks), any script */
	NC_TOK_NUMWORD = 3,			/* letters and digits */
	NC_TOK_EMAIL = 4,
	NC_TOK_URL = 5,				/* host and path; its parts follow */
	NC_TOK_HOST = 6,
	NC_TOK_SFLOAT = 7,			/* never produced; kept for the id */
	NC_TOK_VERSION = 8,			/* 1.2.3 */
	NC_TOK_HWORD_NUMPART = 9,	/* part of a compound with digits */
	NC_TOK_HWORD_PART = 10,		/* part of a compound, any letters */
	NC_TOK_HWORD_ASCIIPART = 11,	/* part of a compound, ASCII letters */
	NC_TOK_BLANK = 12,			/* spaces, punctuation, possessive 's */
	NC_TOK_TAG = 13,			/* never produced; kept for the id */
	NC_TOK_PROTOCOL = 14,		/* "https://" */
	NC_TOK_NUMHWORD = 15,		/* hyphenated compound with digits */
	NC_TOK_ASCIIHWORD = 16,		/* hyphenated compound, all ASCII */
	NC_TOK_HWORD = 17,			/* hyphenated compound, any script */
	NC_TOK_URL_PATH = 18,
	NC_TOK_FILE = 19,			/* never produced; kept for the id */
	NC_TOK_FLOAT = 20,			/* 2.5 */
	NC_TOK_INT = 21,			/* never produced; kept for the id */
	NC_TOK_UINT = 22,			/* 2024 */
	NC_TOK_ENTITY = 23,			/* never produced; kept for the id */
	NC_TOK_ACRONYM = 24,		/* NATO, U.S., ISIS (not in all-caps runs) */
	NC_TOK_APOSWORD = 25,		/* O'Brien, D'Souza */
	NC_TOK_NUMBER = 26,			/* 240,000  2,40,000.50 */
	NC_TOK_MONEY = 27,			/* $5bn  Rs 500 crore  ₹2.4 lakh  US$3 million */
	NC_TOK_MEASURE = 28,		/* 15%  40km  300MW */
	NC_TOK_HASHTAG = 29,		/* #Syria */
	NC_TOK_MENTION = 30			/* @AFP */
} NcTokenType;

#define NC_TOK_LAST NC_TOK_MENTION

/* State of one pass over a text; no memory beyond the struct itself. */
typedef struct NcTokenizer
{
	const unsigned char *text;
	size_t		len;
	size_t		pos;			/* where the next token starts */
	size_t		skip_to;		/* a blank token must reach at least here */
	int			parts;			/* 0, or the kind of parts still to emit */
	size_t		part_pos;		/* next part of a compound or URL */
	size_t		part_end;
	size_t		host_end;		/* URL: where the host ends */
	int			caps_run;		/* all-caps words right before pos */
} NcTokenizer;

extern void nc_tokenizer_init(NcTokenizer *tz, const char *text, size_t len);

/*
 * The next token: its type (NC_TOK_END at the end) and its byte span.
 * Tokens cover the text without gaps, except that the parts of a compound
 * or URL repeat bytes of the token before them.
 */
extern int	nc_tokenizer_next(NcTokenizer *tz, size_t *start, size_t *len);

/* Short alias ("word", "acronym") and description of a token type, or NULL. */
extern const char *nc_token_alias(int type);
extern const char *nc_token_description(int type);

/*
 * Search folding of one token: lower case from the Unicode tables, Latin
 * and Greek diacritics removed (Erdoğan = erdogan), zero-width joiners and
 * soft hyphens dropped, Devanagari nukta letters in their decomposed
 * spelling.  out needs room for 3 * len + 1 bytes; returns the length
 * written (out is NUL-terminated).
 */
extern size_t nc_fold_word(const char *in, size_t len, char *out);

/*
 * The search key of a token: nc_fold_word's folding, less dots and
 * apostrophes (typographic U+2019 too), so O'Brien, O’Brien and OBrien are
 * obrien and U.S. is us.  Same room and result as nc_fold_word.
 */
extern size_t nc_fold_key(const char *in, size_t len, char *out);

/* True when s has at least two letters and every letter is upper case. */
extern bool nc_is_all_caps(const char *s, size_t len);

/* ---------------------------------------------------------------------
 * Near-duplicate fingerprints (nc_simhash.c)
 * ---------------------------------------------------------------------
 */

/*
 * The 64-bit simhash of a text: each overlapping run of NC_SIMHASH_SHINGLE
 * words (letters and digits, ASCII and Latin-1 folded to lower case) votes
 * with its 64-bit hash, and bit i of the result is set when most votes had
 * it set.  Texts that share most of their word runs differ in few bits, so
 * the Hamming distance between two fingerprints estimates how much of the
 * wording two articles share.  Texts shorter than the shingle hash their
 * words one by one (their order then does not count).  Sets *has_words
 * false (and *out 0) when the text has no word.  Returns NC_CANCELLED when
 * host->should_stop said so.
 */
#define NC_SIMHASH_SHINGLE 3

extern NcStatus nc_simhash(const NcHost *host, const char *text, size_t len,
						   uint64_t *out, bool *has_words);

/* Number of bits that differ between two fingerprints (0..64). */
extern int	nc_hamming(uint64_t a, uint64_t b);

/* ---------------------------------------------------------------------
 * Analysis: quotes and speakers, cited sources, entities, text statistics
 * ---------------------------------------------------------------------
 *
 * Inputs are article bodies as news.article.body holds them: UTF-8, one
 * paragraph per line.  Paragraphs are numbered from 1 by line.
 */

/* Kinds an entity-list line may give. */
#define NC_ENTITY_KINDS "person organisation place group"

typedef struct NcEntityDef
{
	const char *kind;			/* "person", "organisation", "place", "group" */
	const char *canonical;
	int			nvariants;		/* the canonical form is variant 0 */
	const char **variants;
} NcEntityDef;

/* The entity list (pg_news_entities.tsv), parsed once per backend. */
typedef struct NcEntityDict
{
	int			count;
	NcEntityDef *items;
	/* Every variant, sorted by text, for lookup by whole words. */
	int			nkeys;
	const char **keys;
	const NcEntityDef **key_defs;
	int			max_key_words;
} NcEntityDict;

/*
 * Parses the entity list: one entity per line, kind TAB canonical TAB
 * variant|variant|..., '#' comment lines and blank lines skipped.  Lines
 * that do not fit the format are counted in *bad_lines and skipped.
 * Returns NC_NO_MEMORY or NC_OK.
 */
extern NcStatus nc_entity_dict_parse(const NcHost *host, const char *text, size_t len,
									 NcEntityDict *out, int *bad_lines);

typedef struct NcQuote
{
	const char *quote;			/* the words inside the marks; paragraphs joined by '\n' */
	const char *speaker;		/* a name, or NULL when the text names nobody unambiguously */
	const char *speaker_role;	/* "Pentagon spokesman", "a US official", or NULL */
	const char *cue;			/* "said", "added", "according to", ... or NULL */
	int			paragraph;		/* 1-based line where the quote opens */
	bool		partial;		/* a fragment woven into the writer's sentence */
} NcQuote;

typedef struct NcSource
{
	const char *source;			/* "Peter Cook", "AFP", "a US official" */
	const char *kind;			/* "person", "agency", "official", "organisation", "unknown" */
	int			mentions;		/* attributions to it */
	int			first_paragraph;
} NcSource;

typedef struct NcQuoteResult
{
	int			nquotes;
	NcQuote    *quotes;
	int			nsources;
	NcSource   *sources;
} NcQuoteResult;

/*
 * Finds the direct quotations of a body with their attribution, and the
 * sources the story cites.  dict may be NULL.  NC_CANCELLED when
 * host->should_stop said so.
 */
extern NcStatus nc_find_quotes(const NcHost *host, const NcEntityDict *dict,
							   const char *body, size_t len,
							   NcQuoteResult *out, NcError *err);

typedef struct NcEntity
{
	const char *entity;
	const char *kind;			/* "person", "organisation", "place", "group", "unknown" */
	int			mentions;
	int			first_offset;	/* byte offset of the first mention */
} NcEntity;

typedef struct NcEntityResult
{
	int			count;
	NcEntity   *items;			/* most mentioned first, then by first mention */
} NcEntityResult;

/*
 * The people, organisations and places a body mentions: entity-list
 * variants, capitalised word sequences and acronyms.
 */
extern NcStatus nc_find_entities(const NcHost *host, const NcEntityDict *dict,
								 const char *body, size_t len,
								 NcEntityResult *out, NcError *err);

typedef struct NcTextStats
{
	int			words;
	int			sentences;
	int			syllables;
	int			paragraphs;
	double		reading_minutes;	/* at NC_READING_WPM words a minute */
	double		flesch_reading_ease;	/* NaN-free: 0 words gives 0 */
} NcTextStats;

#define NC_READING_WPM 238

/* Counts words, sentences and syllables; Flesch reading ease from them. */
extern void nc_text_stats(const char *body, size_t len, NcTextStats *out);

#endif							/* NC_CORE_H */
