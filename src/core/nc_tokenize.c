/*
 * src/core/nc_tokenize.c
 *		Token classes over UTF-8 for the news text-search parser.
 *
 * A hand-written scanner: at each position it tries, in order, URLs,
 * money, hashtags and mentions, numbers, e-mail addresses and hosts,
 * dotted acronyms, words with their compounds and apostrophes, and
 * otherwise a blank run.  Code points are classified with the generated
 * tables in nc_tokenize_tables.h (letters, marks, digits, currency
 * signs), never with the C library, so the tokens are the same in every
 * locale.  Nothing is allocated.
 */
#include <string.h>

#include "nc_internal.h"
#include "nc_tokenize_tables.h"

#define CLS_OTHER	0
#define CLS_LETTER	1
#define CLS_MARK	2
#define CLS_DIGIT	3
#define CLS_CURRENCY 4

/* Parts still to emit after a compound or URL token. */
#define PARTS_NONE		0
#define PARTS_COMPOUND	1
#define PARTS_URL		2

static const char *const tok_alias[] = {
	"", "asciiword", "word", "numword", "email", "url", "host", "sfloat",
	"version", "hword_numpart", "hword_part", "hword_asciipart", "blank",
	"tag", "protocol", "numhword", "asciihword", "hword", "url_path", "file",
	"float", "int", "uint", "entity",
	"acronym", "aposword", "number", "money", "measure", "hashtag", "mention"
};

static const char *const tok_descr[] = {
	"",
	"Word, all ASCII",
	"Word, all letters",
	"Word, letters and digits",
	"Email address",
	"URL",
	"Host",
	"Scientific notation",
	"Version number",
	"Hyphenated word part, letters and digits",
	"Hyphenated word part, all letters",
	"Hyphenated word part, all ASCII",
	"Space symbols",
	"XML tag",
	"Protocol head",
	"Hyphenated word, letters and digits",
	"Hyphenated word, all ASCII",
	"Hyphenated word, all letters",
	"URL path",
	"File or path name",
	"Decimal notation",
	"Signed integer",
	"Unsigned integer",
	"XML entity",
	"Acronym, all capitals or dotted",
	"Name with an apostrophe",
	"Number with digit group separators",
	"Amount of money",
	"Number with a unit",
	"Hashtag",
	"Mention"
};

const char *
nc_token_alias(int type)
{
	if (type < 1 || type > NC_TOK_LAST)
		return NULL;
	return tok_alias[type];
}

const char *
nc_token_description(int type)
{
	if (type < 1 || type > NC_TOK_LAST)
		return NULL;
	return tok_descr[type];
}

/* ----------------------------------------------------------------
 * Code points
 * ----------------------------------------------------------------
 */

/*
 * One code point, as nc_utf8_decode reads it (a stray or truncated byte
 * is U+FFFD), with ASCII inline: the scanner reads every character.
 */
static inline int
decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (s[0] < 0x80)
	{
		*cp = s[0];
		return 1;
	}
	return nc_utf8_decode(s, len, cp);
}

static int
encode(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

static int
cp_class(uint32_t cp)
{
	size_t		lo = 0,
				hi = sizeof(nc_cp_classes) / sizeof(nc_cp_classes[0]);

	if (cp < 0x80)
	{
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return CLS_LETTER;
		if (cp >= '0' && cp <= '9')
			return CLS_DIGIT;
		if (cp == '$')
			return CLS_CURRENCY;
		return CLS_OTHER;
	}
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (cp < nc_cp_classes[mid].lo)
			hi = mid;
		else if (cp > nc_cp_classes[mid].hi)
			lo = mid + 1;
		else
			return nc_cp_classes[mid].cls;
	}
	return CLS_OTHER;
}

static uint32_t
cp_lower(uint32_t cp)
{
	size_t		lo = 0,
				hi = sizeof(nc_cp_lower) / sizeof(nc_cp_lower[0]);

	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (cp < nc_cp_lower[mid].cp)
			hi = mid;
		else if (cp > nc_cp_lower[mid].cp)
			lo = mid + 1;
		else
			return nc_cp_lower[mid].to;
	}
	return cp;
}

static const char *
cp_fold(uint32_t cp)
{
	size_t		lo = 0,
				hi = sizeof(nc_cp_fold) / sizeof(nc_cp_fold[0]);

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (cp < nc_cp_fold[mid].cp)
			hi = mid;
		else if (cp > nc_cp_fold[mid].cp)
			lo = mid + 1;
		else
			return nc_cp_fold[mid].to;
	}
	return NULL;
}

/* Zero-width joiner and non-joiner, soft hyphen: invisible inside words. */
static inline bool
is_joiner(uint32_t cp)
{
	return cp == 0x200C || cp == 0x200D || cp == 0x00AD;
}

static inline bool
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* Letters, marks, digits and joiners continue a word. */
static inline bool
is_wordchar(uint32_t cp)
{
	int			c = cp_class(cp);

	return c == CLS_LETTER || c == CLS_MARK || c == CLS_DIGIT || is_joiner(cp);
}

size_t
nc_fold_word(const char *in, size_t len, char *out)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		i = 0,
				o = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			n;
		const char *f;

		if (s[i] < 0x80)
		{
			unsigned char c = s[i++];

			out[o++] = (char) ((c >= 'A' && c <= 'Z') ? c + 32 : c);
			continue;
		}
		n = decode(s + i, len - i, &cp);
		i += n;
		if (is_joiner(cp) || (cp >= 0x0300 && cp <= 0x036F))
			continue;
		f = cp_fold(cp);
		if (f)
		{
			size_t		fl = strlen(f);

			memcpy(out + o, f, fl);
			o += fl;
			continue;
		}
		o += encode(cp_lower(cp), out + o);
	}
	out[o] = '\0';
	return o;
}

size_t
nc_fold_key(const char *in, size_t len, char *out)
{
	size_t		n = nc_fold_word(in, len, out);
	size_t		i,
				o = 0;

	for (i = 0; i < n; i++)
	{
		unsigned char c = out[i];

		if (c == '\'' || c == '.')
			continue;
		/* U+2019 right single quotation mark */
		if (c == 0xE2 && i + 2 < n && (unsigned char) out[i + 1] == 0x80 &&
			(unsigned char) out[i + 2] == 0x99)
		{
			i += 2;
			continue;
		}
		out[o++] = out[i];
	}
	out[o] = '\0';
	return o;
}

bool
nc_is_all_caps(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		i = 0;
	int			letters = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			n = decode(s + i, len - i, &cp);

		i += n;
		if (cp_class(cp) != CLS_LETTER)
			continue;
		if (cp_lower(cp) == cp)
			return false;
		letters++;
	}
	return letters >= 2;
}

/* ----------------------------------------------------------------
 * Scanning helpers: each returns the end of what it recognises at p,
 * or p itself when nothing matches.
 * ----------------------------------------------------------------
 */

typedef struct Scan
{
	const unsigned char *s;
	size_t		len;
} Scan;

static inline uint32_t
cp_at(const Scan *sc, size_t p, int *n)
{
	uint32_t	cp;

	if (p >= sc->len)
	{
		*n = 0;
		return 0;
	}
	*n = decode(sc->s + p, sc->len - p, &cp);
	return cp;
}

static inline bool
ascii_digit_at(const Scan *sc, size_t p)
{
	return p < sc->len && sc->s[p] >= '0' && sc->s[p] <= '9';
}

static inline bool
ascii_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
ascii_alnum(unsigned char c)
{
	return ascii_alpha(c) || (c >= '0' && c <= '9');
}

static inline bool
wordchar_at(const Scan *sc, size_t p)
{
	int			n;
	uint32_t	cp = cp_at(sc, p, &n);

	return n > 0 && is_wordchar(cp);
}

/* A run of word characters; sets flags for what it held. */
static size_t
scan_run(const Scan *sc, size_t p, bool *has_digit, bool *has_letter, bool *non_ascii)
{
	while (p < sc->len)
	{
		int			n;
		uint32_t	cp = cp_at(sc, p, &n);
		int			c = cp_class(cp);

		if (c == CLS_DIGIT)
			*has_digit = true;
		else if (c == CLS_LETTER || c == CLS_MARK)
		{
			*has_letter = true;
			if (cp >= 0x80)
				*non_ascii = true;
		}
		else if (is_joiner(cp))
			*non_ascii = true;
		else
			break;
		p += n;
	}
	return p;
}

static size_t
scan_digits(const Scan *sc, size_t p)
{
	while (ascii_digit_at(sc, p))
		p++;
	return p;
}

/*
 * A number at p: digit groups with commas (240,000; 2,40,000 in Indian
 * grouping), optionally a decimal part.  *grouped tells whether commas
 * were seen, *dots how many decimal points.
 */
static size_t
scan_number(const Scan *sc, size_t p, bool *grouped, int *dots)
{
	size_t		e = scan_digits(sc, p);
	size_t		q;

	*grouped = false;
	*dots = 0;
	if (e == p)
		return p;
	if (e - p <= 3)
	{
		/* Groups of two or three digits after commas, ending on three. */
		size_t		good = e;

		q = e;
		while (q < sc->len && sc->s[q] == ',' && ascii_digit_at(sc, q + 1))
		{
			size_t		g = scan_digits(sc, q + 1);
			size_t		glen = g - (q + 1);

			if (glen != 2 && glen != 3)
				break;
			q = g;
			if (glen == 3)
				good = g;
		}
		if (good != e)
		{
			*grouped = true;
			e = good;
		}
	}
	while (e < sc->len && sc->s[e] == '.' && ascii_digit_at(sc, e + 1))
	{
		e = scan_digits(sc, e + 1);
		(*dots)++;
	}
	return e;
}

/* Words that scale an amount: "$5 billion", "Rs 40 crore". */
static const char *const magnitudes[] = {
	"bn", "billion", "billions", "cr", "crore", "crores", "k", "lakh", "lakhs",
	"m", "million", "millions", "mn", "thousand", "tn", "trillion", "trillions", NULL
};

/* Units that make a number a measure when written against it: "40km". */
static const char *const units[] = {
	"bn", "c", "cm", "cr", "f", "ft", "g", "gb", "gw", "ha", "hrs", "kg", "km", "kmph",
	"kph", "kw", "kwh", "l", "lb", "lbs", "m", "mbps", "mg", "mi", "ml", "mm", "mn",
	"mph", "mt", "mw", "mwh", "pc", "sq", "tb", "tn", "yrs", NULL
};

static bool
word_in(const Scan *sc, size_t p, size_t e, const char *const *list)
{
	size_t		n = e - p;
	int			i;

	for (i = 0; list[i]; i++)
	{
		size_t		k;

		if (strlen(list[i]) != n)
			continue;
		for (k = 0; k < n; k++)
		{
			unsigned char c = sc->s[p + k];

			if (c >= 'A' && c <= 'Z')
				c += 32;
			if (c != (unsigned char) list[i][k])
				break;
		}
		if (k == n)
			return true;
	}
	return false;
}

static size_t
scan_alpha(const Scan *sc, size_t p)
{
	while (p < sc->len && ascii_alpha(sc->s[p]))
		p++;
	return p;
}

/* An amount after a currency sign at p (the sign already consumed). */
static size_t
scan_amount(const Scan *sc, size_t p)
{
	bool		grouped;
	int			dots;
	size_t		q = p,
				e,
				a;

	if (q < sc->len && sc->s[q] == ' ')
		q++;
	e = scan_number(sc, q, &grouped, &dots);
	if (e == q || dots > 1)
		return p;
	a = scan_alpha(sc, e);
	if (a > e)
	{
		if (word_in(sc, e, a, magnitudes) && !wordchar_at(sc, a))
			return a;
		return p;				/* "$5abc": not an amount */
	}
	if (e < sc->len && sc->s[e] == ' ')
	{
		a = scan_alpha(sc, e + 1);
		if (a > e + 1 && word_in(sc, e + 1, a, magnitudes) && !wordchar_at(sc, a))
			return a;
	}
	return e;
}

/* Top-level domains longer than two letters (two-letter ones are countries). */
static const char *const tlds[] = {
	"app", "biz", "blog", "com", "edu", "gov", "info", "int", "mil", "museum", "net",
	"news", "online", "org", "site", "tech", "xyz", NULL
};

/* Host labels at p: letters, digits, hyphens, dots; a lower-case TLD. */
static size_t
scan_host(const Scan *sc, size_t p)
{
	size_t		q = p,
				end = p;
	int			labels = 0;

	for (;;)
	{
		size_t		l = q;
		bool		tld_ok = true;

		while (q < sc->len && (ascii_alnum(sc->s[q]) || sc->s[q] == '-'))
		{
			if (!(sc->s[q] >= 'a' && sc->s[q] <= 'z'))
				tld_ok = false;
			q++;
		}
		if (q == l)
			break;
		labels++;
		if (labels >= 2 && tld_ok && (q - l == 2 || word_in(sc, l, q, tlds)))
			end = q;
		if (q + 1 < sc->len && sc->s[q] == '.' && ascii_alnum(sc->s[q + 1]))
			q++;
		else
			break;
	}
	if (end > p && wordchar_at(sc, end))
		return p;
	return end;
}

/* A URL path at p ("/..."), up to white space, less closing punctuation. */
static size_t
scan_path(const Scan *sc, size_t p)
{
	size_t		q = p;

	if (q >= sc->len || sc->s[q] != '/')
		return p;
	while (q < sc->len && sc->s[q] > ' ' && sc->s[q] < 0x7F && sc->s[q] != '"' &&
		   sc->s[q] != '<' && sc->s[q] != '>')
		q++;
	while (q > p + 1 && strchr(".,;:!?)]'", sc->s[q - 1]))
		q--;
	return q;
}

static bool
starts_ci(const Scan *sc, size_t p, const char *w)
{
	size_t		n = strlen(w),
				k;

	if (p + n > sc->len)
		return false;
	for (k = 0; k < n; k++)
	{
		unsigned char c = sc->s[p + k];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != (unsigned char) w[k])
			return false;
	}
	return true;
}

/* Is the word at p (after spaces or tabs only) written in capitals? */
static size_t
next_caps_word(const Scan *sc, size_t p, bool *caps)
{
	bool		d = false,
				l = false,
				na = false;
	size_t		e;

	*caps = false;
	while (p < sc->len && (sc->s[p] == ' ' || sc->s[p] == '\t'))
		p++;
	e = scan_run(sc, p, &d, &l, &na);
	if (e == p)
		return p;
	*caps = nc_is_all_caps((const char *) sc->s + p, e - p) ||
		(e - p == 1 && sc->s[p] >= 'A' && sc->s[p] <= 'Z');
	return e;
}

/* ----------------------------------------------------------------
 * The tokenizer
 * ----------------------------------------------------------------
 */

void
nc_tokenizer_init(NcTokenizer *tz, const char *text, size_t len)
{
	memset(tz, 0, sizeof(*tz));
	tz->text = (const unsigned char *) text;
	tz->len = len;
}

static int
emit(NcTokenizer *tz, int type, size_t start, size_t end, size_t *ostart, size_t *olen)
{
	*ostart = start;
	*olen = end - start;
	tz->pos = end;
	return type;
}

/* The next part of a compound ("al", "-", "Assad") or of a URL. */
static int
next_part(NcTokenizer *tz, size_t *ostart, size_t *olen)
{
	Scan		sc = {tz->text, tz->len};
	size_t		p = tz->part_pos;

	if (tz->parts == PARTS_URL)
	{
		if (p < tz->host_end)
		{
			tz->part_pos = tz->host_end;
			*ostart = p;
			*olen = tz->host_end - p;
			return NC_TOK_HOST;
		}
		tz->parts = PARTS_NONE;
		*ostart = p;
		*olen = tz->part_end - p;
		return NC_TOK_URL_PATH;
	}

	/* Compound: a hyphen is a blank, a part is a word. */
	if (sc.s[p] == '-')
	{
		tz->part_pos = p + 1;
		*ostart = p;
		*olen = 1;
		return NC_TOK_BLANK;
	}
	else
	{
		bool		d = false,
					l = false,
					na = false;
		size_t		e = scan_run(&sc, p, &d, &l, &na);

		if (e >= tz->part_end)
		{
			e = tz->part_end;
			tz->parts = PARTS_NONE;
		}
		tz->part_pos = e;
		*ostart = p;
		*olen = e - p;
		if (d)
			return NC_TOK_HWORD_NUMPART;
		return na ? NC_TOK_HWORD_PART : NC_TOK_HWORD_ASCIIPART;
	}
}

/*
 * A host (with its URL path, if any) or an e-mail address at p, which
 * starts with an ASCII letter or digit; NC_TOK_END when neither.
 */
static int
scan_host_or_email(NcTokenizer *tz, const Scan *sc, size_t p, size_t *ostart, size_t *olen)
{
	size_t		h = scan_host(sc, p);
	size_t		q = p;

	if (h > p)
	{
		size_t		pe = scan_path(sc, h);

		/* "U.S." is an acronym, not a host: hosts need a 2+ letter TLD. */
		tz->caps_run = 0;
		if (pe > h)
		{
			tz->parts = PARTS_URL;
			tz->part_pos = p;
			tz->host_end = h;
			tz->part_end = pe;
			return emit(tz, NC_TOK_URL, p, pe, ostart, olen);
		}
		return emit(tz, NC_TOK_HOST, p, h, ostart, olen);
	}

	/* E-mail: ASCII local part, @, host. */
	while (q < sc->len && (ascii_alnum(sc->s[q]) || strchr("._%+-", sc->s[q])))
		q++;
	if (q < sc->len && sc->s[q] == '@')
	{
		h = scan_host(sc, q + 1);
		if (h > q + 1)
		{
			tz->caps_run = 0;
			return emit(tz, NC_TOK_EMAIL, p, h, ostart, olen);
		}
	}
	return NC_TOK_END;
}

/* Contractions and the possessive after an apostrophe: not part of the word. */
static const char *const clitics[] = {"d", "ll", "m", "re", "s", "t", "ve", NULL};

static int
scan_word(NcTokenizer *tz, const Scan *sc, size_t p, size_t *ostart, size_t *olen)
{
	bool		d = false,
				l = false,
				na = false;
	size_t		e = scan_run(sc, p, &d, &l, &na);
	int			n;
	uint32_t	cp;

	/* Hyphenated compound: run (- run)+, starting with a letter. */
	if (l && e + 1 < sc->len && sc->s[e] == '-' && wordchar_at(sc, e + 1))
	{
		size_t		q = e;
		bool		d2 = d,
					na2 = na,
					l2 = l;

		while (q + 1 < sc->len && sc->s[q] == '-' && wordchar_at(sc, q + 1))
			q = scan_run(sc, q + 1, &d2, &l2, &na2);
		tz->parts = PARTS_COMPOUND;
		tz->part_pos = p;
		tz->part_end = q;
		tz->caps_run = 0;
		return emit(tz, d2 ? NC_TOK_NUMHWORD : (na2 ? NC_TOK_HWORD : NC_TOK_ASCIIHWORD),
					p, q, ostart, olen);
	}

	/* Apostrophe: O'Brien is one name; Russia's is Russia plus a blank. */
	cp = cp_at(sc, e, &n);
	if (l && n > 0 && is_apostrophe(cp))
	{
		size_t		a = e + n;
		bool		d3 = false,
					l3 = false,
					na3 = false;
		size_t		ae = scan_run(sc, a, &d3, &l3, &na3);

		if (ae > a && !d3)
		{
			if (word_in(sc, a, ae, clitics))
				tz->skip_to = ae;
			else if (!d)
			{
				tz->caps_run = 0;
				return emit(tz, NC_TOK_APOSWORD, p, ae, ostart, olen);
			}
		}
	}

	if (d && l)
	{
		tz->caps_run = 0;
		return emit(tz, NC_TOK_NUMWORD, p, e, ostart, olen);
	}

	/* Capitals: an acronym, unless part of a run of three capitalised words. */
	if (e - p <= 6 * 4 && nc_is_all_caps((const char *) sc->s + p, e - p))
	{
		bool		c1,
					c2 = false;
		size_t		n1 = next_caps_word(sc, e, &c1);
		int			run;

		if (c1)
			next_caps_word(sc, n1, &c2);
		run = tz->caps_run + 1 + (c1 ? 1 + (c2 ? 1 : 0) : 0);
		tz->caps_run++;
		if (run < 3)
		{
			size_t		chars = 0,
						q;

			for (q = p; q < e; q++)
				if ((sc->s[q] & 0xC0) != 0x80)
					chars++;
			if (chars <= 6)
				return emit(tz, NC_TOK_ACRONYM, p, e, ostart, olen);
		}
	}
	else if (e - p == 1 && sc->s[p] >= 'A' && sc->s[p] <= 'Z')
		tz->caps_run++;
	else
		tz->caps_run = 0;

	return emit(tz, na ? NC_TOK_WORD : NC_TOK_ASCIIWORD, p, e, ostart, olen);
}

int
nc_tokenizer_next(NcTokenizer *tz, size_t *ostart, size_t *olen)
{
	Scan		sc = {tz->text, tz->len};
	size_t		p = tz->pos,
				e;
	int			n = 1;
	uint32_t	cp;
	int			cls;

	if (tz->parts != PARTS_NONE)
		return next_part(tz, ostart, olen);
	if (p >= sc.len)
		return NC_TOK_END;

	/* A pending clitic ("'s") starts a blank token. */
	if (tz->skip_to > p)
		goto blank;

	cp = cp_at(&sc, p, &n);
	cls = cp_class(cp);

	/* URLs with a protocol, or starting with www. */
	if (cp == 'h' || cp == 'H')
	{
		size_t		proto = 0;

		if (starts_ci(&sc, p, "https://"))
			proto = 8;
		else if (starts_ci(&sc, p, "http://"))
			proto = 7;
		if (proto && scan_host(&sc, p + proto) > p + proto)
		{
			tz->caps_run = 0;
			return emit(tz, NC_TOK_PROTOCOL, p, p + proto, ostart, olen);
		}
	}
	/*
	 * Hosts, URLs without a protocol and e-mail addresses start with an
	 * ASCII run followed by a character of a host or a local part: most
	 * words are not, and skip both scans.
	 */
	if (cp < 0x80 && ascii_alnum((unsigned char) cp))
	{
		size_t		q = p;

		while (q < sc.len && ascii_alnum(sc.s[q]))
			q++;
		if (q < sc.len && strchr(".@-_%+", sc.s[q]))
		{
			int			type = scan_host_or_email(tz, &sc, p, ostart, olen);

			if (type != NC_TOK_END)
				return type;
		}
	}

	/* Money: a currency sign, or US$/A$/HK$/Rs, and an amount. */
	if (cls == CLS_CURRENCY)
	{
		e = scan_amount(&sc, p + n);
		if (e > p + n)
		{
			tz->caps_run = 0;
			return emit(tz, NC_TOK_MONEY, p, e, ostart, olen);
		}
	}
	if (cp < 0x80 && ascii_alpha((unsigned char) cp))
	{
		size_t		a = scan_alpha(&sc, p);

		if (a - p <= 3 && a < sc.len && sc.s[a] == '$' &&
			(word_in(&sc, p, a, (const char *const[]) {"a", "au", "c", "ca", "hk", "nz", "s", "us", NULL})))
		{
			e = scan_amount(&sc, a + 1);
			if (e > a + 1)
			{
				tz->caps_run = 0;
				return emit(tz, NC_TOK_MONEY, p, e, ostart, olen);
			}
		}
		if (a - p == 2 && (sc.s[p] == 'R') && (sc.s[p + 1] == 's'))
		{
			size_t		q = a;

			if (q < sc.len && sc.s[q] == '.')
				q++;
			if (q < sc.len && sc.s[q] == ' ')
				q++;
			if (ascii_digit_at(&sc, q))
			{
				e = scan_amount(&sc, q);
				if (e > q)
				{
					tz->caps_run = 0;
					return emit(tz, NC_TOK_MONEY, p, e, ostart, olen);
				}
			}
		}
	}

	/* Hashtags and mentions. */
	if ((cp == '#' || cp == '@') && p + 1 < sc.len)
	{
		bool		d = false,
					l = false,
					na = false;

		e = p + 1;
		for (;;)
		{
			size_t		r = scan_run(&sc, e, &d, &l, &na);

			if (r < sc.len && sc.s[r] == '_' && wordchar_at(&sc, r + 1))
				e = r + 1;
			else
			{
				e = r;
				break;
			}
		}
		if (l && (p == 0 || !wordchar_at(&sc, p - 1)))
		{
			tz->caps_run = 0;
			return emit(tz, cp == '#' ? NC_TOK_HASHTAG : NC_TOK_MENTION, p, e, ostart, olen);
		}
	}

	/* Numbers. */
	if (cp >= '0' && cp <= '9')
	{
		bool		grouped;
		int			dots;
		size_t		a;

		e = scan_number(&sc, p, &grouped, &dots);
		tz->caps_run = 0;
		if (e < sc.len && sc.s[e] == '%')
			return emit(tz, NC_TOK_MEASURE, p, e + 1, ostart, olen);
		a = scan_alpha(&sc, e);
		if (a > e && !wordchar_at(&sc, a) && word_in(&sc, e, a, units) && dots <= 1)
			return emit(tz, NC_TOK_MEASURE, p, a, ostart, olen);
		/* Plain digits running into letters: "2nd", "4G"; "2023-24" is a compound. */
		if (!grouped && dots == 0 && wordchar_at(&sc, e))
			return scan_word(tz, &sc, p, ostart, olen);
		if (grouped)
			return emit(tz, NC_TOK_NUMBER, p, e, ostart, olen);
		if (dots == 1)
			return emit(tz, NC_TOK_FLOAT, p, e, ostart, olen);
		if (dots > 1)
			return emit(tz, NC_TOK_VERSION, p, e, ostart, olen);
		return emit(tz, NC_TOK_UINT, p, e, ostart, olen);
	}

	/* Dotted acronyms: U.S., U.K., U.S.A. */
	if (cp >= 'A' && cp <= 'Z' && p + 2 < sc.len && sc.s[p + 1] == '.' &&
		sc.s[p + 2] >= 'A' && sc.s[p + 2] <= 'Z')
	{
		size_t		q = p;

		while (q + 1 < sc.len && sc.s[q] >= 'A' && sc.s[q] <= 'Z' && sc.s[q + 1] == '.')
			q += 2;
		if (q < sc.len && sc.s[q] >= 'A' && sc.s[q] <= 'Z' && !wordchar_at(&sc, q + 1))
			q++;
		if (q - p >= 3 && !wordchar_at(&sc, q))
		{
			tz->caps_run = 0;
			return emit(tz, NC_TOK_ACRONYM, p, q, ostart, olen);
		}
	}

	if (cls == CLS_LETTER || cls == CLS_MARK)
		return scan_word(tz, &sc, p, ostart, olen);

blank:
	/* A blank run: up to the next character that can start a token. */
	{
		size_t		q = p;
		bool		only_spaces = true;

		while (q < sc.len)
		{
			uint32_t	c;
			int			m;
			int			k;

			if (q < tz->skip_to)
			{
				q++;
				only_spaces = false;
				continue;
			}
			c = cp_at(&sc, q, &m);
			k = cp_class(c);
			if (q > p && (k == CLS_LETTER || k == CLS_DIGIT || k == CLS_CURRENCY ||
						  ((c == '#' || c == '@') && wordchar_at(&sc, q + 1))))
				break;
			if (q == p && (k == CLS_LETTER || k == CLS_DIGIT) && q >= tz->skip_to)
				break;
			if (c != ' ' && c != '\t')
				only_spaces = false;
			q += m;
		}
		if (q == p)
		{
			/* A lone character that starts nothing (a currency sign alone). */
			q = p + n;
		}
		if (!only_spaces)
			tz->caps_run = 0;
		return emit(tz, NC_TOK_BLANK, p, q, ostart, olen);
	}
}
