/*
 * src/ts_dicts.c
 *		Dictionary templates of news text search.
 *
 * news.words_template: words.  Folds (case from the core's Unicode tables,
 * diacritics, joiners, nukta), keeps protected words from the stemmer,
 * otherwise asks the Snowball dictionary named by Stemmer.  With Entities
 * it is a multi-word dictionary: a name from pg_news_entities.tsv spanning
 * several words ("Bashar al-Assad", "United States") gives each word its
 * own lexemes at its own position plus the entity's canonical lexeme at
 * every position, so both the words a user types and the canonical form
 * match.  A hyphenated compound and its parts share one position, so
 * "Bashar Assad" is a phrase of "Bashar al-Assad".
 *
 * news.token_template: the news token types, by Kind: acronym (U.S. = US
 * = us, never a stop word, never stemmed, plus the entity an all-caps
 * name stands for), number (240,000 = 240000), money (a canonical
 * currency-and-value lexeme), measure, tag (#Syria gives #syria and syria).
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/defrem.h"
#include "fmgr.h"
#include "tsearch/ts_cache.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/regproc.h"

#include "pg_news.h"

#define MAX_ENTITY_WORDS 8
#define MAX_GROUP_LEXEMES 12

/* ----------------------------------------------------------------
 * The entity list
 * ----------------------------------------------------------------
 */

typedef struct EntKey
{
	char	   *key;			/* normalised words joined by one space */
	int			canon;			/* index into canon[] when complete, else -1 */
	bool		longer;			/* a longer name starts with these words */
	char	   *alt;			/* protected words: the lexeme, or NULL */
	bool		lower_ok;		/* some name with these words starts in lower case */
} EntKey;

/* Keys sorted and merged by keytable_finish, with a filter over them. */
typedef struct KeyTable
{
	int			n;
	int			cap;
	EntKey	   *keys;
	uint8	   *filter;
} KeyTable;

typedef struct EntityTable
{
	KeyTable	words;
	KeyTable	acr;			/* acronym spellings, dots removed */
	char	  **canon;
} EntityTable;

/* A token's search key (nc_fold_key): O'Brien = obrien, U.S. = us. */
static char *
norm_token(const char *s, int len)
{
	char	   *out = palloc(3 * len + 1);

	nc_fold_key(s, len, out);
	return out;
}

static int
entkey_cmp(const void *a, const void *b)
{
	return strcmp(((const EntKey *) a)->key, ((const EntKey *) b)->key);
}

/*
 * A bitmap over the hashes of all keys of a table: most words are in no
 * table, and one bit test is cheaper than a binary search of strings.
 */
#define FILTER_BITS (1 << 16)

static uint32
key_hash(const char *s)
{
	uint32		h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h & (FILTER_BITS - 1);
}

static EntKey *
keytable_find(const KeyTable *t, const char *key)
{
	uint32		h;
	EntKey		k;

	if (t->n == 0)
		return NULL;
	h = key_hash(key);
	if ((t->filter[h >> 3] & (1 << (h & 7))) == 0)
		return NULL;
	k.key = (char *) key;
	return bsearch(&k, t->keys, t->n, sizeof(EntKey), entkey_cmp);
}

static void
keytable_add(KeyTable *t, char *key, int canon, bool longer, char *alt, bool lower_ok)
{
	EntKey	   *k;

	if (t->n == t->cap)
	{
		t->cap = t->cap ? t->cap * 2 : 256;
		t->keys = t->keys ? repalloc(t->keys, sizeof(EntKey) * t->cap)
			: palloc(sizeof(EntKey) * t->cap);
	}
	k = &t->keys[t->n++];
	k->key = key;
	k->canon = canon;
	k->longer = longer;
	k->alt = alt;
	k->lower_ok = lower_ok;
}

/* Sorts the keys, merges duplicates and builds the filter. */
static void
keytable_finish(KeyTable *t)
{
	int			i,
				o = 0;

	t->filter = palloc0(FILTER_BITS / 8);
	if (t->n == 0)
		return;
	qsort(t->keys, t->n, sizeof(EntKey), entkey_cmp);
	for (i = 1; i < t->n; i++)
	{
		EntKey	   *kept = &t->keys[o];

		if (strcmp(t->keys[i].key, kept->key) == 0)
		{
			kept->longer |= t->keys[i].longer;
			if (kept->canon < 0)
				kept->canon = t->keys[i].canon;
			if (kept->alt == NULL)
				kept->alt = t->keys[i].alt;
			kept->lower_ok |= t->keys[i].lower_ok;
		}
		else
			t->keys[++o] = t->keys[i];
	}
	t->n = o + 1;
	for (i = 0; i < t->n; i++)
	{
		uint32		h = key_hash(t->keys[i].key);

		t->filter[h >> 3] |= (uint8) (1 << (h & 7));
	}
}

/* The words of a name as the parser sees them: compounds whole, parts skipped. */
static int
name_words(const char *s, int len, char **words, int *types)
{
	NcTokenizer tz;
	size_t		st,
				l;
	int			t,
				n = 0;

	nc_tokenizer_init(&tz, s, len);
	while ((t = nc_tokenizer_next(&tz, &st, &l)) != NC_TOK_END)
	{
		if (t == NC_TOK_BLANK || t == NC_TOK_HWORD_ASCIIPART ||
			t == NC_TOK_HWORD_PART || t == NC_TOK_HWORD_NUMPART)
			continue;
		if (n == MAX_ENTITY_WORDS)
			return -1;
		words[n] = norm_token(s + st, (int) l);
		types[n] = t;
		n++;
	}
	return n;
}

static char *
join_words(char **words, int n)
{
	StringInfoData b;
	int			i;

	initStringInfo(&b);
	for (i = 0; i < n; i++)
	{
		if (i)
			appendStringInfoChar(&b, ' ');
		appendStringInfoString(&b, words[i]);
	}
	return b.data;
}

static bool
word_type(int t)
{
	return t == NC_TOK_ASCIIWORD || t == NC_TOK_WORD || t == NC_TOK_NUMWORD ||
		t == NC_TOK_ASCIIHWORD || t == NC_TOK_HWORD || t == NC_TOK_NUMHWORD ||
		t == NC_TOK_APOSWORD;
}

/*
 * The entity list NAME.tsv (parsed by news_entity_list, shared with the
 * analysis functions) as search keys: every variant's words, and its
 * acronyms, pointing at the canonical form.
 */
static EntityTable *
load_entities(const char *name)
{
	const NcEntityDict *dict = news_entity_list(name);
	EntityTable *et = palloc0(sizeof(EntityTable));
	int			ncanon = 0,
				e;

	et->canon = palloc(sizeof(char *) * Max(dict->count, 1));

	for (e = 0; e < dict->count; e++)
	{
		const NcEntityDef *def = &dict->items[e];
		char	   *cw[MAX_ENTITY_WORDS];
		int			ct[MAX_ENTITY_WORDS];
		int			cn;
		int			canon;
		int			k;

		cn = name_words(def->canonical, strlen(def->canonical), cw, ct);
		if (cn <= 0)
			continue;
		canon = ncanon++;
		et->canon[canon] = join_words(cw, cn);

		/* Variant 0 is the canonical spelling itself. */
		for (k = 0; k < def->nvariants; k++)
		{
			const char *v = def->variants[k];
			char	   *w[MAX_ENTITY_WORDS];
			int			t[MAX_ENTITY_WORDS];
			int			n,
						i;
			bool		ok = true;
			bool		lower = (v[0] >= 'a' && v[0] <= 'z');

			n = name_words(v, strlen(v), w, t);
			if (n <= 0)
				continue;
			if (n == 1 && t[0] == NC_TOK_ACRONYM)
			{
				keytable_add(&et->acr, w[0], canon, false, NULL, false);
				continue;
			}
			for (i = 0; i < n; i++)
				if (!word_type(t[i]))
					ok = false;
			/* "The Hague" is found from its second word: "The" starts too much. */
			if (n > 1 && strcmp(w[0], "the") == 0)
			{
				for (i = 1; i < n; i++)
					w[i - 1] = w[i];
				n--;
			}
			if (!ok)
				continue;
			/* Every leading run of words, so a name is matched word by word. */
			for (i = 1; i <= n; i++)
				keytable_add(&et->words, join_words(w, i), (i == n) ? canon : -1,
							 i < n, NULL, lower);
		}
	}
	keytable_finish(&et->words);
	keytable_finish(&et->acr);
	return et;
}

/* Protected words: "word" or "word lexeme" per line; they skip the stemmer. */
static void
load_protect(const char *name, KeyTable *protect)
{
	char	   *filename = get_tsearch_config_filename(name, "syn");
	tsearch_readline_state trst;
	char	   *line;

	if (!tsearch_readline_begin(&trst, filename))
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not open protected-word file \"%s\": %m", filename)));
	while ((line = tsearch_readline(&trst)) != NULL)
	{
		char	   *w,
				   *l;

		if (line[0] == '#')
			continue;
		w = strtok(line, " \t\r\n");
		if (!w)
			continue;
		l = strtok(NULL, " \t\r\n");
		keytable_add(protect, norm_token(w, strlen(w)), -1, false,
					 l ? norm_token(l, strlen(l)) : NULL, false);
	}
	tsearch_readline_end(&trst);
	keytable_finish(protect);
}

/* ----------------------------------------------------------------
 * Lexeme arrays
 * ----------------------------------------------------------------
 */

typedef struct LexBuf
{
	TSLexeme   *lex;
	int			n;
	int			cap;
} LexBuf;

static void
lexbuf_add(LexBuf *b, const char *s, uint16 nvariant, uint16 flags)
{
	if (b->n + 1 >= b->cap)
	{
		b->cap = b->cap ? b->cap * 2 : 8;
		b->lex = b->lex ? repalloc(b->lex, sizeof(TSLexeme) * b->cap)
			: palloc(sizeof(TSLexeme) * b->cap);
	}
	b->lex[b->n].lexeme = pstrdup(s);
	b->lex[b->n].nvariant = nvariant;
	b->lex[b->n].flags = flags;
	b->n++;
	b->lex[b->n].lexeme = NULL;
}

static TSLexeme *
lexbuf_done(LexBuf *b)
{
	if (b->lex == NULL)
		return palloc0(sizeof(TSLexeme));	/* a stop word */
	return b->lex;
}

/* ----------------------------------------------------------------
 * news.words_template
 * ----------------------------------------------------------------
 */

typedef struct WordsDict
{
	Oid			stemmer;		/* InvalidOid: no stemming */
	EntityTable *entities;		/* NULL: no entity list */
	KeyTable	protect;		/* empty: no protected words */
	bool		multiword;
} WordsDict;

/* Lexemes of one word, without entity matching. */
typedef struct WordLex
{
	int			n;
	char	   *lex[MAX_GROUP_LEXEMES];
} WordLex;

static void
word_lexemes(WordsDict *d, const char *norm, WordLex *out)
{
	EntKey	   *pk;

	if ((pk = keytable_find(&d->protect, norm)) != NULL)
	{
		if (out->n < MAX_GROUP_LEXEMES)
			out->lex[out->n++] = pk->alt ? pk->alt : pk->key;
		return;
	}
	if (OidIsValid(d->stemmer))
	{
		TSDictionaryCacheEntry *sd = lookup_ts_dictionary_cache(d->stemmer);
		DictSubState sub = {false, false, NULL};
		TSLexeme   *r;

		r = (TSLexeme *) DatumGetPointer(FunctionCall4(&sd->lexize,
													   PointerGetDatum(sd->dictData),
													   PointerGetDatum(norm),
													   Int32GetDatum(strlen(norm)),
													   PointerGetDatum(&sub)));
		if (r == NULL)
		{
			if (out->n < MAX_GROUP_LEXEMES)
				out->lex[out->n++] = (char *) norm;
			return;
		}
		for (; r->lexeme; r++)
			if (out->n < MAX_GROUP_LEXEMES)
				out->lex[out->n++] = r->lexeme;
		return;
	}
	if (out->n < MAX_GROUP_LEXEMES)
		out->lex[out->n++] = (char *) norm;
}

/* One multi-word attempt, kept in DictSubState.private_state. */
typedef struct WordsState
{
	int			nwords;			/* complete words so far */
	int			parts_left;		/* compound parts still to swallow */
	bool		first_capital;
	StringInfoData key;
	WordLex		groups[MAX_ENTITY_WORDS];
} WordsState;

static bool
is_compound(const char *s, int len)
{
	int			i;

	if (len < 3)
		return false;
	for (i = 1; i < len - 1; i++)
		if (s[i] == '-')
			return true;
	return false;
}

static int
compound_parts(const char *s, int len)
{
	int			i,
				n = 1;

	for (i = 1; i < len - 1; i++)
		if (s[i] == '-')
			n++;
	return n;
}

/* Groups as lexemes: one position per word, the canonical form at each. */
static TSLexeme *
build_result(WordsState *st, int nwords, const char *canon)
{
	LexBuf		b = {NULL, 0, 0};
	int			i,
				j;

	for (i = 0; i < nwords; i++)
	{
		uint16		addpos = (i > 0) ? TSL_ADDPOS : 0;

		for (j = 0; j < st->groups[i].n; j++)
		{
			lexbuf_add(&b, st->groups[i].lex[j], 1, addpos);
			addpos = 0;
		}
		if (canon)
		{
			for (j = 0; j < st->groups[i].n; j++)
				if (strcmp(st->groups[i].lex[j], canon) == 0)
					break;
			if (j == st->groups[i].n || addpos)
				lexbuf_add(&b, canon, 2, addpos);
		}
	}
	return lexbuf_done(&b);
}

PG_FUNCTION_INFO_V1(news_words_init);
Datum
news_words_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	WordsDict  *d = palloc0(sizeof(WordsDict));
	ListCell   *l;

	d->multiword = true;
	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "stemmer") == 0)
			d->stemmer = get_ts_dict_oid(stringToQualifiedNameList(defGetString(def)), false);
		else if (strcmp(def->defname, "entities") == 0)
			d->entities = load_entities(defGetString(def));
		else if (strcmp(def->defname, "protect") == 0)
			load_protect(defGetString(def), &d->protect);
		else if (strcmp(def->defname, "multiword") == 0)
			d->multiword = defGetBoolean(def);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized news words dictionary parameter: \"%s\"",
							def->defname),
					 errhint("Valid parameters are Stemmer, Entities, Protect and MultiWord.")));
	}
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(news_words_lexize);
Datum
news_words_lexize(PG_FUNCTION_ARGS)
{
	WordsDict  *d = (WordsDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	DictSubState *ds = (DictSubState *) PG_GETARG_POINTER(3);
	WordsState *st;
	char	   *norm;
	EntKey	   *ek;
	bool		multi = d->multiword && d->entities != NULL && ds != NULL;

	if (multi && ds->isend)
	{
		ds->getnext = false;
		ds->private_state = NULL;
		PG_RETURN_POINTER(NULL);
	}
	norm = norm_token(in, len);
	st = multi ? (WordsState *) ds->private_state : NULL;

	if (st == NULL)
	{
		WordLex		wl;
		bool		capital = !(in[0] >= 'a' && in[0] <= 'z');

		if (!multi)
		{
			LexBuf		b = {NULL, 0, 0};
			int			i;

			wl.n = 0;
			word_lexemes(d, norm, &wl);
			for (i = 0; i < wl.n; i++)
				lexbuf_add(&b, wl.lex[i], 1, 0);
			if (d->entities &&
				(ek = keytable_find(&d->entities->words, norm)) != NULL &&
				ek->canon >= 0 && (capital || ek->lower_ok) &&
				(wl.n != 1 || strcmp(wl.lex[0], d->entities->canon[ek->canon]) != 0))
				lexbuf_add(&b, d->entities->canon[ek->canon], 2, 0);
			PG_RETURN_POINTER(lexbuf_done(&b));
		}

		/* Fast path: a plain word that starts no name. */
		if (!is_compound(in, len) &&
			((ek = keytable_find(&d->entities->words, norm)) == NULL ||
			 !(capital || ek->lower_ok)))
		{
			LexBuf		b = {NULL, 0, 0};
			int			i;

			wl.n = 0;
			word_lexemes(d, norm, &wl);
			for (i = 0; i < wl.n; i++)
				lexbuf_add(&b, wl.lex[i], 1, 0);
			ds->getnext = false;
			PG_RETURN_POINTER(lexbuf_done(&b));
		}
		st = palloc0(sizeof(WordsState));
		st->first_capital = capital;
		initStringInfo(&st->key);
		ds->private_state = st;
	}

	if (st->parts_left > 0)
	{
		/* A part of the compound just read: same position as the compound. */
		WordLex    *g = &st->groups[st->nwords - 1];

		word_lexemes(d, norm, g);
		if (--st->parts_left > 0)
		{
			ds->getnext = true;
			PG_RETURN_POINTER(NULL);
		}
	}
	else
	{
		WordLex    *g;

		if (st->nwords == MAX_ENTITY_WORDS)
		{
			ds->getnext = false;
			ds->private_state = NULL;
			PG_RETURN_POINTER(NULL);
		}
		g = &st->groups[st->nwords++];
		g->n = 0;
		word_lexemes(d, norm, g);
		if (st->key.len)
			appendStringInfoChar(&st->key, ' ');
		appendStringInfoString(&st->key, norm);
		if (is_compound(in, len))
		{
			st->parts_left = compound_parts(in, len);
			ds->getnext = true;
			PG_RETURN_POINTER(NULL);
		}
	}

	/* A whole word has been read: does it continue or complete a name? */
	ek = keytable_find(&d->entities->words, st->key.data);
	if (ek && !st->first_capital && !ek->lower_ok)
		ek = NULL;
	if (ek == NULL)
	{
		ds->getnext = false;
		ds->private_state = NULL;
		if (st->nwords == 1)
			PG_RETURN_POINTER(build_result(st, 1, NULL));
		PG_RETURN_POINTER(NULL);	/* the last complete result stands */
	}
	{
		TSLexeme   *res = NULL;

		if (ek->canon >= 0)
			res = build_result(st, st->nwords, d->entities->canon[ek->canon]);
		else if (st->nwords == 1)
			res = build_result(st, 1, NULL);
		ds->getnext = ek->longer;
		if (!ek->longer)
			ds->private_state = NULL;
		PG_RETURN_POINTER(res);
	}
}

/* ----------------------------------------------------------------
 * news.token_template
 * ----------------------------------------------------------------
 */

typedef enum TokenKind
{
	KIND_ACRONYM,
	KIND_NUMBER,
	KIND_MONEY,
	KIND_MEASURE,
	KIND_TAG
} TokenKind;

typedef struct TokenDict
{
	TokenKind	kind;
	EntityTable *entities;
} TokenDict;

PG_FUNCTION_INFO_V1(news_token_init);
Datum
news_token_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	TokenDict  *d = palloc0(sizeof(TokenDict));
	ListCell   *l;
	bool		have_kind = false;

	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "kind") == 0)
		{
			char	   *k = defGetString(def);

			have_kind = true;
			if (pg_strcasecmp(k, "acronym") == 0)
				d->kind = KIND_ACRONYM;
			else if (pg_strcasecmp(k, "number") == 0)
				d->kind = KIND_NUMBER;
			else if (pg_strcasecmp(k, "money") == 0)
				d->kind = KIND_MONEY;
			else if (pg_strcasecmp(k, "measure") == 0)
				d->kind = KIND_MEASURE;
			else if (pg_strcasecmp(k, "tag") == 0)
				d->kind = KIND_TAG;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unrecognized token kind: \"%s\"", k),
						 errhint("Valid kinds are acronym, number, money, measure and tag.")));
		}
		else if (strcmp(def->defname, "entities") == 0)
			d->entities = load_entities(defGetString(def));
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized news token dictionary parameter: \"%s\"",
							def->defname),
					 errhint("Valid parameters are Kind and Entities.")));
	}
	if (!have_kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("missing Kind parameter"),
				 errhint("Kind is one of acronym, number, money, measure and tag.")));
	PG_RETURN_POINTER(d);
}

/*
 * Short English words that are also acronyms (US/us, IS/is, WHO/who): for
 * these the acronym gives only its capitalised lexeme, so the pronoun or
 * verb in running text never matches it.
 */
static bool
common_word(const char *w)
{
	static const char *const words[] = {
		"a", "ad", "ai", "all", "am", "an", "and", "are", "as", "at", "be", "bed", "by",
		"can", "cat", "do", "dog", "ed", "eu", "for", "go", "he", "hi", "i", "if", "in",
		"is", "it", "its", "man", "me", "my", "no", "not", "of", "oh", "ok", "on", "or",
		"pa", "pm", "raw", "so", "the", "to", "up", "us", "war", "was", "we", "who", "ya",
		NULL
	};
	int			i;

	for (i = 0; words[i]; i++)
		if (strcmp(w, words[i]) == 0)
			return true;
	return false;
}

/* Digits without group separators: "2,40,000.50" -> "240000.50". */
static char *
plain_number(const char *s, int len)
{
	char	   *out = palloc(len + 1);
	int			i,
				o = 0;

	for (i = 0; i < len; i++)
		if (s[i] != ',')
			out[o++] = s[i];
	out[o] = '\0';
	return out;
}

/* digits (with one optional '.') times 10^shift, as a decimal string. */
static char *
decimal_shift(const char *num, int shift)
{
	StringInfoData b;
	const char *dot = strchr(num, '.');
	int			ilen = dot ? (int) (dot - num) : (int) strlen(num);
	char	   *all = psprintf("%.*s%s", ilen, num, dot ? dot + 1 : "");
	int			point = ilen + shift;
	int			alen = strlen(all),
				i;
	char	   *r;

	initStringInfo(&b);
	if (point >= alen)
	{
		appendStringInfoString(&b, all);
		for (i = alen; i < point; i++)
			appendStringInfoChar(&b, '0');
	}
	else
	{
		int			end = alen;

		while (end > point && all[end - 1] == '0')
			end--;
		appendBinaryStringInfo(&b, all, point);
		if (end > point)
		{
			appendStringInfoChar(&b, '.');
			appendBinaryStringInfo(&b, all + point, end - point);
		}
	}
	r = b.data;
	while (r[0] == '0' && r[1] != '\0' && r[1] != '.')
		r++;
	return r;
}

typedef struct Magnitude
{
	const char *word;
	int			shift;
	const char *lexeme;			/* what the english stemmer makes of the word */
} Magnitude;

static const Magnitude magnitudes[] = {
	{"bn", 9, "billion"}, {"billion", 9, "billion"}, {"billions", 9, "billion"},
	{"cr", 7, "crore"}, {"crore", 7, "crore"}, {"crores", 7, "crore"},
	{"k", 3, "thousand"}, {"lakh", 5, "lakh"}, {"lakhs", 5, "lakh"},
	{"m", 6, "million"}, {"million", 6, "million"}, {"millions", 6, "million"},
	{"mn", 6, "million"}, {"thousand", 3, "thousand"}, {"tn", 12, "trillion"},
	{"trillion", 12, "trillion"}, {"trillions", 12, "trillion"}, {NULL, 0, NULL}
};

typedef struct Currency
{
	const char *sign;
	const char *code;
} Currency;

static const Currency currencies[] = {
	{"US$", "usd"}, {"A$", "aud"}, {"AU$", "aud"}, {"C$", "cad"}, {"CA$", "cad"},
	{"HK$", "hkd"}, {"NZ$", "nzd"}, {"S$", "sgd"}, {"$", "usd"}, {"Rs.", "inr"},
	{"Rs", "inr"}, {"\u20ac", "eur"}, {"\u00a3", "gbp"}, {"\u00a5", "jpy"},
	{"\u20b9", "inr"}, {"\u20bd", "rub"}, {"\u20a9", "krw"}, {"\u20ba", "try"},
	{"\u20a6", "ngn"}, {"\u20b1", "php"}, {"\u20b4", "uah"}, {"\u20aa", "ils"},
	{"\u09f3", "bdt"}, {"\u20a8", "rs"}, {NULL, NULL}
};

/*
 * Money: "$5 billion" gives, at the first position, the canonical value
 * usd5000000000 and the amount as written (usd5); at the second, the
 * magnitude word as a user types it (billion) and the canonical value.
 */
static TSLexeme *
money_lexemes(const char *s, int len)
{
	LexBuf		b = {NULL, 0, 0};
	const char *code = "cur";
	int			i,
				p = 0,
				q,
				shift = 0;
	char	   *num,
			   *piece,
			   *canon;
	const Magnitude *mag = NULL;
	bool		separate = false;

	for (i = 0; currencies[i].sign; i++)
	{
		int			sl = strlen(currencies[i].sign);

		if (sl <= len && pg_strncasecmp(s, currencies[i].sign, sl) == 0)
		{
			code = currencies[i].code;
			p = sl;
			break;
		}
	}
	if (!currencies[i].sign)
	{
		/* another currency sign: skip it */
		while (p < len && !(s[p] >= '0' && s[p] <= '9'))
			p++;
	}
	while (p < len && s[p] == ' ')
		p++;
	q = p;
	while (q < len && ((s[q] >= '0' && s[q] <= '9') || s[q] == ',' || s[q] == '.'))
		q++;
	num = plain_number(s + p, q - p);
	if (q < len)
	{
		int			r = q;

		if (s[r] == ' ')
		{
			separate = true;
			r++;
		}
		for (i = 0; magnitudes[i].word; i++)
			if ((int) strlen(magnitudes[i].word) == len - r &&
				pg_strncasecmp(s + r, magnitudes[i].word, len - r) == 0)
				mag = &magnitudes[i];
		if (mag)
			shift = mag->shift;
	}
	piece = psprintf("%s%s", code, decimal_shift(num, 0));
	canon = psprintf("%s%s", code, decimal_shift(num, shift));
	lexbuf_add(&b, canon, 1, 0);
	if (separate && mag)
	{
		lexbuf_add(&b, piece, 2, 0);
		lexbuf_add(&b, mag->lexeme, 1, TSL_ADDPOS);
		lexbuf_add(&b, canon, 2, 0);
	}
	return lexbuf_done(&b);
}

PG_FUNCTION_INFO_V1(news_token_lexize);
Datum
news_token_lexize(PG_FUNCTION_ARGS)
{
	TokenDict  *d = (TokenDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	LexBuf		b = {NULL, 0, 0};
	char	   *norm;

	switch (d->kind)
	{
		case KIND_ACRONYM:
			{
				EntKey	   *ek;

				char	   *upper;
				int			i;

				norm = norm_token(in, len);
				upper = pstrdup(norm);
				for (i = 0; upper[i]; i++)
					if (upper[i] >= 'a' && upper[i] <= 'z')
						upper[i] -= 32;
				lexbuf_add(&b, upper, 1, 0);
				if (!common_word(norm))
					lexbuf_add(&b, norm, 1, 0);
				if (d->entities &&
					(ek = keytable_find(&d->entities->acr, norm)) != NULL &&
					strcmp(d->entities->canon[ek->canon], norm) != 0)
					lexbuf_add(&b, d->entities->canon[ek->canon], 2, 0);
				break;
			}
		case KIND_NUMBER:
			lexbuf_add(&b, plain_number(in, len), 1, 0);
			break;
		case KIND_MONEY:
			PG_RETURN_POINTER(money_lexemes(in, len));
		case KIND_MEASURE:
			norm = palloc(3 * len + 1);
			nc_fold_word(in, len, norm);
			lexbuf_add(&b, plain_number(norm, strlen(norm)), 1, 0);
			break;
		case KIND_TAG:
			norm = palloc(3 * len + 1);
			nc_fold_word(in, len, norm);
			lexbuf_add(&b, norm, 1, 0);
			if (strlen(norm) > 1)
				lexbuf_add(&b, norm + 1, 2, 0);
			break;
	}
	PG_RETURN_POINTER(lexbuf_done(&b));
}
