/*
 * src/core/nc_internal.h
 *		Helpers shared by the core's files; not part of its interface.
 */
#ifndef NC_INTERNAL_H
#define NC_INTERNAL_H

#include "nc_core.h"

/* Memory from the host; NULL when it has none left. */
extern void *nc_alloc(const NcHost *host, size_t size);
extern char *nc_strndup(const NcHost *host, const char *s, size_t len);
extern char *nc_strdup(const NcHost *host, const char *s);

/*
 * A growable string in host memory.  After an allocation failure the
 * buffer is marked failed and keeps quiet: callers check once at the end.
 */
typedef struct NcBuf
{
	const NcHost *host;
	char	   *data;
	size_t		len;
	size_t		cap;
	bool		failed;
} NcBuf;

extern void nc_buf_init(NcBuf *buf, const NcHost *host);
extern void nc_buf_append(NcBuf *buf, const char *s, size_t len);
extern void nc_buf_append_str(NcBuf *buf, const char *s);
extern void nc_buf_append_char(NcBuf *buf, char c);
extern void nc_buf_reset(NcBuf *buf);
/* The text with runs of white space folded to one space and no ends. */
extern char *nc_collapse_space(const NcHost *host, const char *s, size_t len);

/*
 * Makes room for one more element in a growable array of host memory
 * (*items holds count elements of elem_size, room for *cap): doubles it
 * when full.  False when out of memory; the array is then unchanged.
 */
extern bool nc_reserve(const NcHost *host, void **items, int *cap, int count, size_t elem_size);

/* True when w is in list, a sorted array of n strings (strcmp order). */
extern bool nc_in_sorted_list(const char *w, const char *const *list, size_t n);
/* Argument pair for nc_in_sorted_list: a static array and its length. */
#define NC_LIST(l) (l), (sizeof(l) / sizeof((l)[0]))

/*
 * The short name of the agency text names exactly ("Press Trust of
 * India" gives "PTI"), or NULL.
 */
extern const char *nc_agency_exact(const char *text, size_t len);

/* Bytes of the space at s: ASCII white space, no-break and typographic spaces; 0 if none. */
extern size_t nc_space_length(const unsigned char *s, size_t left);

/* ASCII case-insensitive helpers: pages mix cases freely. */
extern bool nc_ascii_ieq(const char *a, const char *b);
extern bool nc_ascii_istarts(const char *s, const char *prefix);
extern const char *nc_ascii_istr(const char *haystack, const char *needle);
/*
 * The first entry of a NULL-terminated phrase list that s equals, starts
 * with, or contains (ASCII case-insensitive), or NULL.
 */
extern const char *nc_ascii_ieq_any(const char *s, const char *const *list);
extern const char *nc_ascii_istarts_any(const char *s, const char *const *list);
extern const char *nc_ascii_istr_any(const char *s, const char *const *list);

/* Length of the UTF-8 sequence at s (1 for a stray byte), and its code point. */
extern int	nc_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* The host part of an absolute URL, lower-cased, without its port; NULL if none. */
extern const char *nc_url_host(const NcHost *host, const char *url);

/* Words (runs of letters or digits) in UTF-8 text. */
extern int	nc_count_words(const char *s);
/* The same for the len bytes at s, which need not end in a NUL. */
extern int	nc_count_words_n(const char *s, size_t len);

/* ---------------------------------------------------------------------
 * JSON trees (nc_json.c), built from the host's JSON parser's events
 * ---------------------------------------------------------------------
 */
typedef enum NcJsonKind
{
	NC_JSON_NULL, NC_JSON_STRING, NC_JSON_OTHER_SCALAR, NC_JSON_OBJECT, NC_JSON_ARRAY
} NcJsonKind;

typedef struct NcJson
{
	NcJsonKind	kind;
	const char *key;			/* member name inside an object, else NULL */
	const char *text;			/* scalars' text */
	struct NcJson *first;		/* children of objects and arrays */
	struct NcJson *next;
} NcJson;

/* The tree of a JSON text; NULL when it is not JSON or nests too deep. */
extern NcJson *nc_json_parse(const NcHost *host, const char *text, size_t len);
/* An object's member, or NULL. */
extern const NcJson *nc_json_member(const NcJson *object, const char *key);

/* ---------------------------------------------------------------------
 * Page dates (nc_pagedate.c), called by the article extractor
 * ---------------------------------------------------------------------
 */
#include <libxml/tree.h>

typedef struct NcDateFound
{
	NcTimestamp ts;				/* ts.valid false: nothing found */
	const char *source;			/* "json-ld", "meta", "time", "url", "text", ... */
	const char *raw;			/* the string the date was read from */
} NcDateFound;

/*
 * Finds the publication and update times of a page, best source first.
 * jsonld_published and jsonld_modified are what the JSON-LD pass found
 * (or NULL); the rest is looked up in doc: meta tags, <time>, itemprop,
 * the URL, the visible text near the headline.  Decoys (today's date in
 * the header, copyright years, comment and related-story dates) are
 * avoided.  Returns false only when cancelled (host->should_stop).
 */
extern bool nc_find_page_dates(const NcHost *host, xmlDocPtr doc, const char *url,
							   const NcZoneContext *context,
							   const char *jsonld_published, const char *jsonld_modified,
							   NcDateFound *published, NcDateFound *updated);

/* ---------------------------------------------------------------------
 * Analysis helpers (nc_entities.c), shared by nc_quotes.c
 * ---------------------------------------------------------------------
 */

/* A word of running text: the letters, without edge punctuation. */
typedef struct NcWord
{
	const char *text;			/* NUL-terminated copy of the word proper */
	size_t		offset;			/* byte offset of the word in the text split */
	size_t		end;			/* offset just past its trailing punctuation */
	char		trail;			/* first trailing ',' '.' ';' ':' '!' '?' or 0 */
	bool		possessive;		/* "Russia's": text is "Russia" */
	bool		cap;			/* starts with an upper-case letter */
	bool		acronym;		/* "NATO", "U.S." */
} NcWord;

/* Splits s[0..len) into words; -1 when out of memory. */
extern int	nc_split_words(const NcHost *host, const char *s, size_t len, NcWord **out);

/* True when a word is a capitalised function word ("The", "But", "However"). */
extern bool nc_is_cap_stopword(const char *w);
/* True for titles that precede a name ("President", "Sen.", "Minister"). */
extern bool nc_is_title_word(const char *w);
/* True for words that make a capitalised sequence an organisation ("Ministry"). */
extern bool nc_is_org_word(const char *w);
/* True for words that make a capitalised sequence a place ("United", "Republic"). */
extern bool nc_is_place_word(const char *w);
/* True for "Mr", "Gen", "U.S": a period after it need not end a sentence. */
extern bool nc_is_abbreviation(const char *w);
/* True when w ends a sentence: a final mark not after an abbreviation. */
extern bool nc_ends_sentence(const NcWord *w);

/*
 * The longest entity-list variant spelled by words w[0..n), or NULL;
 * *nwords says how many words it covers.
 */
extern const NcEntityDef *nc_entity_dict_match(const NcEntityDict *dict, const NcWord *w,
											   int n, int *nwords);

/*
 * A hash index over the string keys of a growing array of items (the key
 * is the const char * at byte offset key_offset in each item of stride
 * bytes), so that collecting distinct names stays linear.
 */
typedef struct NcIndex
{
	const NcHost *host;
	int		   *slots;			/* item index + 1; 0 is empty */
	int			cap;
	bool		failed;
} NcIndex;

/* Index of the item whose key is key, or -1. */
extern int	nc_index_find(NcIndex *ix, const char *key, const void *items,
						  size_t stride, size_t key_offset);
/* Records item idx (items[0..idx] valid); false when out of memory. */
extern bool nc_index_add(NcIndex *ix, int idx, const void *items,
						 size_t stride, size_t key_offset);

/* The short name of a news agency spelled by w[0..n) ("AFP", "Reuters"), or NULL. */
extern const char *nc_agency_at(const NcWord *w, int n, int *nwords);

#endif							/* NC_INTERNAL_H */
