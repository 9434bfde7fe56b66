/*
 * src/core/nc_time.c
 *		News timestamps: the date-time strings news sites print, read into
 *		an NcTimestamp, with zone abbreviations resolved by context.
 *
 * The reader tokenises the string (numbers, words, punctuation), then
 * fills three slots -- date, time, zone -- from the first token run that
 * fits each, ignoring everything else ("Updated:", weekdays, "um", "Uhr").
 * Month names come in eight languages (and Russian and Ukrainian
 * genitives), CJK dates as 2019年6月24日 or 2019년 6월 24일; relative forms
 * ("3 hours ago", "yesterday") need a reference time.
 *
 * A zone abbreviation means what the context says: the line of
 * nc_zonedata.c (generated from src/data/zone_abbreviations.tsv) whose zone
 * is the caller's default zone, else whose country is the context's, else
 * the preferred line.  Offsets of IANA zones come from the host's tz
 * database (host->zone_offset); the core holds no offset rules.
 */
#include <stdlib.h>
#include <string.h>

#include "nc_internal.h"
#include "nc_zonedata.h"

#define MAX_TOKENS	64
#define WORD_MAX	32

typedef enum TokKind
{
	TK_NUM,
	TK_WORD,
	TK_PUNCT,
	TK_AMPM
} TokKind;

typedef struct Tok
{
	TokKind		kind;
	bool		space_before;	/* white space separates it from the previous token */
	bool		upper;			/* a word printed in ASCII capitals */
	char		punct;			/* TK_PUNCT: the ASCII character, '-' for dashes */
	int			ndigits;		/* TK_NUM */
	int64_t		num;			/* TK_NUM */
	int			ampm;			/* TK_AMPM: 1 am, 2 pm */
	char		word[WORD_MAX];	/* TK_WORD, lower-cased; "" when too long */
} Tok;

typedef struct Parse
{
	Tok			tok[MAX_TOKENS];
	int			n;
	bool		have_date;
	bool		have_time;
	bool		have_offset;
	int			year;			/* 0: not printed */
	int			month;
	int			day;
	int			hour;
	int			minute;
	int			second;
	int			usec;
	int			offset;
	int			time_end;		/* index after the time's last token */
	const char *abbrev;			/* zone abbreviation as printed */
} Parse;

/* ---------------------------------------------------------------------
 * Word tables
 * ---------------------------------------------------------------------
 */

typedef struct WordNum
{
	const char *word;
	int			value;
} WordNum;

/*
 * Month names and abbreviations in English, German, French, Spanish,
 * Italian, Portuguese, Dutch and Hindi, lower case (a trailing dot is a
 * separate token).
 */
static const WordNum month_names[] = {
	{"january", 1}, {"jan", 1}, {"januar", 1}, {"jänner", 1}, {"janvier", 1},
	{"janv", 1}, {"enero", 1}, {"ene", 1}, {"gennaio", 1}, {"gen", 1},
	{"janeiro", 1}, {"januari", 1}, {"जनवरी", 1},
	{"february", 2}, {"feb", 2}, {"febr", 2}, {"februar", 2}, {"février", 2},
	{"fevrier", 2}, {"févr", 2}, {"fevr", 2}, {"febrero", 2}, {"febbraio", 2},
	{"fevereiro", 2}, {"fev", 2}, {"februari", 2}, {"फ़रवरी", 2}, {"फरवरी", 2},
	{"march", 3}, {"mar", 3}, {"märz", 3}, {"maerz", 3}, {"mär", 3},
	{"mars", 3}, {"marzo", 3}, {"março", 3}, {"marco", 3}, {"maart", 3},
	{"mrt", 3}, {"मार्च", 3},
	{"april", 4}, {"apr", 4}, {"avril", 4}, {"avr", 4}, {"abril", 4},
	{"abr", 4}, {"aprile", 4}, {"अप्रैल", 4}, {"अप्रेल", 4},
	{"may", 5}, {"mai", 5}, {"mayo", 5}, {"maggio", 5}, {"mag", 5},
	{"maio", 5}, {"mei", 5}, {"मई", 5},
	{"june", 6}, {"jun", 6}, {"juni", 6}, {"juin", 6}, {"junio", 6},
	{"giugno", 6}, {"giu", 6}, {"junho", 6}, {"जून", 6},
	{"july", 7}, {"jul", 7}, {"juli", 7}, {"juillet", 7}, {"juil", 7},
	{"julio", 7}, {"luglio", 7}, {"lug", 7}, {"julho", 7}, {"जुलाई", 7},
	{"august", 8}, {"aug", 8}, {"août", 8}, {"aout", 8}, {"agosto", 8},
	{"ago", 8}, {"augustus", 8}, {"अगस्त", 8},
	{"september", 9}, {"sep", 9}, {"sept", 9}, {"septembre", 9},
	{"septiembre", 9}, {"setiembre", 9}, {"settembre", 9}, {"set", 9},
	{"setembro", 9}, {"सितंबर", 9}, {"सितम्बर", 9},
	{"october", 10}, {"oct", 10}, {"oktober", 10}, {"okt", 10},
	{"octobre", 10}, {"octubre", 10}, {"ottobre", 10}, {"ott", 10},
	{"outubro", 10}, {"out", 10}, {"अक्टूबर", 10}, {"अक्तूबर", 10},
	{"november", 11}, {"nov", 11}, {"novembre", 11}, {"noviembre", 11},
	{"novembro", 11}, {"नवंबर", 11}, {"नवम्बर", 11},
	{"december", 12}, {"dec", 12}, {"dezember", 12}, {"dez", 12},
	{"décembre", 12}, {"decembre", 12}, {"déc", 12}, {"diciembre", 12},
	{"dic", 12}, {"dicembre", 12}, {"dezembro", 12}, {"दिसंबर", 12},
	{"दिसम्बर", 12},
	/* Russian and Ukrainian, in the genitive a date uses ("15 августа 2016"). */
	{"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5},
	{"июня", 6}, {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10},
	{"ноября", 11}, {"декабря", 12},
	{"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5},
	{"червня", 6}, {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10},
	{"листопада", 11}, {"грудня", 12},
	{NULL, 0}
};

/* Units of relative forms, in seconds; months and years count 30 and 365 days. */
static const WordNum relative_units[] = {
	{"second", 1}, {"seconds", 1}, {"sec", 1}, {"secs", 1},
	{"sekunde", 1}, {"sekunden", 1}, {"seconde", 1}, {"secondes", 1},
	{"segundo", 1}, {"segundos", 1}, {"secondo", 1}, {"secondi", 1},
	{"seconden", 1}, {"सेकंड", 1},
	{"minute", 60}, {"minutes", 60}, {"min", 60}, {"mins", 60},
	{"minuten", 60}, {"minuto", 60}, {"minutos", 60}, {"minuti", 60},
	{"minuut", 60}, {"मिनट", 60},
	{"hour", 3600}, {"hours", 3600}, {"hr", 3600}, {"hrs", 3600},
	{"stunde", 3600}, {"stunden", 3600}, {"std", 3600}, {"heure", 3600},
	{"heures", 3600}, {"hora", 3600}, {"horas", 3600}, {"ora", 3600},
	{"ore", 3600}, {"uur", 3600}, {"घंटे", 3600}, {"घंटा", 3600},
	{"day", 86400}, {"days", 86400}, {"tag", 86400}, {"tagen", 86400},
	{"tage", 86400}, {"jour", 86400}, {"jours", 86400}, {"día", 86400},
	{"días", 86400}, {"dia", 86400}, {"dias", 86400}, {"giorno", 86400},
	{"giorni", 86400}, {"dag", 86400}, {"dagen", 86400}, {"दिन", 86400},
	{"week", 604800}, {"weeks", 604800}, {"woche", 604800},
	{"wochen", 604800}, {"semaine", 604800}, {"semaines", 604800},
	{"semana", 604800}, {"semanas", 604800}, {"settimana", 604800},
	{"settimane", 604800}, {"weken", 604800}, {"हफ्ते", 604800},
	{"month", 2592000}, {"months", 2592000}, {"monat", 2592000},
	{"monaten", 2592000}, {"mois", 2592000}, {"mes", 2592000},
	{"meses", 2592000}, {"mese", 2592000}, {"mesi", 2592000},
	{"maand", 2592000}, {"maanden", 2592000}, {"महीने", 2592000},
	{"year", 31536000}, {"years", 31536000}, {"jahr", 31536000},
	{"jahren", 31536000}, {"an", 31536000}, {"ans", 31536000},
	{"año", 31536000}, {"años", 31536000}, {"anno", 31536000},
	{"anni", 31536000}, {"ano", 31536000}, {"anos", 31536000},
	{"jaar", 31536000}, {"साल", 31536000},
	{NULL, 0}
};

/* Words that make a count-and-unit relative: "3 hours ago", "vor 3 Stunden". */
static const char *const relative_markers[] = {
	"ago", "vor", "hace", "fa", "geleden", "há", "ha", "il", "पहले", NULL
};

/* Words standing for the count one: "an hour ago", "vor einer Stunde". */
static const char *const one_words[] = {
	"a", "an", "one", "ein", "eine", "einem", "einer", "un", "une", "uno",
	"una", "um", "uma", "een", "एक", NULL
};

/* Days relative to the reference date. */
static const WordNum day_words[] = {
	{"today", 0}, {"heute", 0}, {"aujourd'hui", 0}, {"hoy", 0}, {"oggi", 0},
	{"hoje", 0}, {"vandaag", 0}, {"आज", 0},
	{"yesterday", -1}, {"gestern", -1}, {"hier", -1}, {"ayer", -1},
	{"ieri", -1}, {"ontem", -1}, {"gisteren", -1},
	{"vorgestern", -2}, {"anteayer", -2}, {"eergisteren", -2},
	{NULL, 0}
};

static int
word_value(const WordNum *table, const char *word, int missing)
{
	for (; table->word; table++)
		if (table->word[0] == word[0] && strcmp(table->word, word) == 0)
			return table->value;
	return missing;
}

static bool
word_in(const char *const *list, const char *word)
{
	for (; *list; list++)
		if (strcmp(*list, word) == 0)
			return true;
	return false;
}

/* ---------------------------------------------------------------------
 * Calendar arithmetic (proleptic Gregorian)
 * ---------------------------------------------------------------------
 */

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return (m == 2 && is_leap(y)) ? 29 : dim[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t		era;
	unsigned	yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t) doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t		era;
	unsigned	doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned) (z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

int64_t
nc_timestamp_epoch(const NcTimestamp *ts)
{
	int64_t		secs;

	secs = days_from_civil(ts->local.year, ts->local.month, ts->local.day) * 86400 +
		ts->local.hour * 3600 + ts->local.minute * 60 + ts->local.second;
	return ts->has_offset ? secs - ts->utc_offset : secs;
}

/* The wall clock at epoch seconds seen offset seconds east of UTC. */
static void
local_from_epoch(int64_t epoch, int offset, NcLocalTime *local)
{
	int64_t		secs = epoch + offset;
	int64_t		days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	int			rem = (int) (secs - days * 86400);

	civil_from_days(days, &local->year, &local->month, &local->day);
	local->hour = rem / 3600;
	local->minute = rem % 3600 / 60;
	local->second = rem % 60;
	local->microsecond = 0;
}

/* ---------------------------------------------------------------------
 * Tokenizer
 * ---------------------------------------------------------------------
 */

static bool
is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
		cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
		cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/* Punctuation outside ASCII, as the ASCII character the reader treats it as. */
static char
unicode_punct(uint32_t cp)
{
	if (cp >= 0x2010 && cp <= 0x2015)
		return '-';
	if (cp == 0x2212)
		return '-';
	if (cp == 0x00B7 || cp == 0x2022 || cp == 0x2219 || cp == 0x0964 ||
		cp == 0x00AB || cp == 0x00BB || (cp >= 0x2018 && cp <= 0x201F) ||
		cp == 0x2026 || cp == 0x00A9 || cp == 0x00AE || cp == 0xFF5C)
		return '|';
	return 0;
}

static bool
is_ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return is_ascii_alpha((int) cp);
	return !is_space_cp(cp) && unicode_punct(cp) == 0 && cp != 0xB0 && cp != 0xBA;
}

/* Splits text into tokens; beyond MAX_TOKENS the rest is ignored. */
static void
tokenize(Parse *p, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		i = 0;
	bool		space = true;

	p->n = 0;
	while (i < len && p->n < MAX_TOKENS)
	{
		uint32_t	cp;
		int			l = nc_utf8_decode(s + i, len - i, &cp);
		Tok		   *t;

		if (cp == 0)
			break;
		if (is_space_cp(cp))
		{
			space = true;
			i += l;
			continue;
		}
		t = &p->tok[p->n];
		memset(t, 0, offsetof(Tok, word) + 1);
		t->space_before = space;
		space = false;
		if (cp >= '0' && cp <= '9')
		{
			t->kind = TK_NUM;
			while (i < len && s[i] >= '0' && s[i] <= '9')
			{
				if (t->ndigits < 18)
					t->num = t->num * 10 + (s[i] - '0');
				t->ndigits++;
				i++;
			}
		}
		else if (is_word_cp(cp))
		{
			size_t		wl = 0;
			bool		upper = true;
			bool		toolong = false;

			t->kind = TK_WORD;
			while (i < len)
			{
				l = nc_utf8_decode(s + i, len - i, &cp);
				if (!is_word_cp(cp))
				{
					/* An apostrophe inside a word: "aujourd'hui". */
					if ((cp == '\'' || cp == 0x2019) && i + l < len &&
						is_ascii_alpha(s[i + l]) && wl > 0)
						cp = '\'';
					else
						break;
				}
				if (cp < 0x80)
				{
					if (cp >= 'a' && cp <= 'z')
						upper = false;
					if (wl + 1 < WORD_MAX)
						t->word[wl++] = (char) ((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
					else
						toolong = true;
					i += (cp == '\'' && s[i] != '\'') ? l : 1;
				}
				else
				{
					upper = false;
					if (wl + l < WORD_MAX)
					{
						memcpy(t->word + wl, s + i, l);
						/* Latin-1 capitals (U+00C0..U+00DE) to small letters. */
						if (l == 2 && s[i] == 0xC3 && s[i + 1] >= 0x80 &&
							s[i + 1] <= 0x9E && s[i + 1] != 0x97)
							t->word[wl + 1] = (char) (s[i + 1] + 0x20);
						wl += l;
					}
					else
						toolong = true;
					i += l;
				}
			}
			t->word[toolong ? 0 : wl] = '\0';
			t->upper = upper;
		}
		else
		{
			t->kind = TK_PUNCT;
			t->punct = cp < 0x80 ? (char) cp : unicode_punct(cp);
			if (t->punct == 0)
				t->punct = '|';
			i += l;
		}
		p->n++;
	}

	/* "a.m.", "p. m.", "am", "pm" become one token. */
	{
		int			r,
					w = 0;

		for (r = 0; r < p->n; r++)
		{
			Tok		   *t = &p->tok[r];

			if (t->kind == TK_WORD && (strcmp(t->word, "am") == 0 || strcmp(t->word, "pm") == 0))
			{
				t->kind = TK_AMPM;
				t->ampm = t->word[0] == 'a' ? 1 : 2;
			}
			else if (t->kind == TK_WORD && (strcmp(t->word, "a") == 0 || strcmp(t->word, "p") == 0) &&
					 r + 2 < p->n && p->tok[r + 1].kind == TK_PUNCT && p->tok[r + 1].punct == '.' &&
					 p->tok[r + 2].kind == TK_WORD && strcmp(p->tok[r + 2].word, "m") == 0)
			{
				t->kind = TK_AMPM;
				t->ampm = t->word[0] == 'a' ? 1 : 2;
				r += 2;
				if (r + 1 < p->n && p->tok[r + 1].kind == TK_PUNCT && p->tok[r + 1].punct == '.')
					r++;
			}
			p->tok[w++] = *t;
		}
		p->n = w;
	}
}

/* ---------------------------------------------------------------------
 * Slot readers: each returns the number of tokens it consumed, 0 if none
 * ---------------------------------------------------------------------
 */

static bool
is_punct(const Parse *p, int i, char c)
{
	return i < p->n && p->tok[i].kind == TK_PUNCT && p->tok[i].punct == c;
}

static bool
is_num(const Parse *p, int i)
{
	return i < p->n && p->tok[i].kind == TK_NUM;
}

static bool
is_word(const Parse *p, int i, const char *w)
{
	return i < p->n && p->tok[i].kind == TK_WORD && strcmp(p->tok[i].word, w) == 0;
}

static int
month_at(const Parse *p, int i)
{
	if (i >= p->n || p->tok[i].kind != TK_WORD || p->tok[i].word[0] == '\0')
		return 0;
	return word_value(month_names, p->tok[i].word, 0);
}

static bool
valid_date(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static int
year_of(const Tok *t)
{
	if (t->ndigits == 4 && t->num >= 1900 && t->num <= 2199)
		return (int) t->num;
	return 0;
}

static void
set_date(Parse *p, int y, int m, int d)
{
	p->have_date = true;
	p->year = y;
	p->month = m;
	p->day = d;
}

/* 2015-09-19, 19.09.2015, 09/19/2015, 19/09/15, 20150919. */
static int
read_numeric_date(Parse *p, int i, const char *country)
{
	const Tok  *a = &p->tok[i];
	char		sep;

	if (a->ndigits == 8 && !is_punct(p, i + 1, '.') && !is_punct(p, i + 1, ':'))
	{
		int			y = (int) (a->num / 10000),
					m = (int) (a->num / 100 % 100),
					d = (int) (a->num % 100);

		if (y >= 1990 && y <= 2199 && valid_date(y, m, d))
		{
			set_date(p, y, m, d);
			return 1;
		}
		return 0;
	}
	if (i + 4 >= p->n || p->tok[i + 1].kind != TK_PUNCT || !is_num(p, i + 2) ||
		!is_num(p, i + 4) || p->tok[i + 3].kind != TK_PUNCT)
		return 0;
	sep = p->tok[i + 1].punct;
	if ((sep != '-' && sep != '/' && sep != '.') || p->tok[i + 3].punct != sep)
		return 0;
	if (p->tok[i + 2].space_before || p->tok[i + 4].space_before)
		return 0;
	{
		const Tok  *b = &p->tok[i + 2],
				   *c = &p->tok[i + 4];
		int			y,
					m,
					d;

		/* Dotted quads and version numbers are not dates. */
		if (is_punct(p, i + 5, sep) && is_num(p, i + 6) && !p->tok[i + 5].space_before)
			return 0;
		if (a->ndigits == 4 && b->ndigits <= 2 && c->ndigits <= 2)
		{
			y = (int) a->num;
			m = (int) b->num;
			d = (int) c->num;
		}
		else if (a->ndigits <= 2 && b->ndigits <= 2 && (c->ndigits == 4 || c->ndigits == 2))
		{
			y = c->ndigits == 4 ? (int) c->num : (c->num < 70 ? 2000 : 1900) + (int) c->num;
			if (c->ndigits == 2 && sep == '-')
				return 0;
			if (sep == '/' && (b->num > 12 ||
							   (a->num <= 12 && (country == NULL || strcmp(country, "US") == 0 ||
												 strcmp(country, "PH") == 0))))
			{
				m = (int) a->num;
				d = (int) b->num;
			}
			else
			{
				d = (int) a->num;
				m = (int) b->num;
			}
		}
		else
			return 0;
		if (y < 1900 || !valid_date(y, m, d))
			return 0;
		set_date(p, y, m, d);
		return 5;
	}
}

/* Skips an ordinal suffix or the dot of "19." after a day number. */
static int
skip_ordinal(const Parse *p, int i)
{
	static const char *const suffixes[] = {"st", "nd", "rd", "th", "er", "e", "eme", "ème", "º", "o", "a", NULL};

	if (i < p->n && p->tok[i].kind == TK_WORD && !p->tok[i].space_before &&
		word_in(suffixes, p->tok[i].word))
		return 1;
	if (is_punct(p, i, '.'))
		return 1;
	return 0;
}

static int
read_year_after(Parse *p, int i, int *year)
{
	int			k = i;

	if (is_punct(p, k, ',') || is_punct(p, k, '.'))
		k++;
	if (is_word(p, k, "de") || is_word(p, k, "del"))
		k++;
	if (is_num(p, k) && year_of(&p->tok[k]) && !is_punct(p, k + 1, ':'))
	{
		*year = year_of(&p->tok[k]);
		return k + 1 - i;
	}
	/* "Sep 19, '15" */
	if (is_punct(p, k, '\'') && is_num(p, k + 1) && p->tok[k + 1].ndigits == 2)
	{
		*year = 2000 + (int) p->tok[k + 1].num;
		return k + 2 - i;
	}
	*year = 0;
	return 0;
}

/* 2019年6月24日 (Chinese, Japanese), 2019년 6월 24일 (Korean). */
static int
read_cjk_date(Parse *p, int i)
{
	static const char *const year_marks[] = {"年", "년", NULL};
	static const char *const month_marks[] = {"月", "월", NULL};
	int			y,
				m,
				d;

	if (p->tok[i].ndigits != 4 || i + 4 >= p->n || p->tok[i + 1].kind != TK_WORD ||
		!word_in(year_marks, p->tok[i + 1].word) || !is_num(p, i + 2) ||
		p->tok[i + 3].kind != TK_WORD || !word_in(month_marks, p->tok[i + 3].word) || !is_num(p, i + 4))
		return 0;
	y = (int) p->tok[i].num;
	m = (int) p->tok[i + 2].num;
	d = (int) p->tok[i + 4].num;
	if (y < 1900 || !valid_date(y, m, d))
		return 0;
	set_date(p, y, m, d);
	/* The day mark (日, 일) is a word token of its own, ignored like any other. */
	return 5;
}

/* "Sep 19, 2015", "September 19th 2015", "Sept. 19". */
static int
read_month_first(Parse *p, int i)
{
	int			m = month_at(p, i);
	int			k = i + 1;
	int			d,
				y;

	if (m == 0)
		return 0;
	if (is_punct(p, k, '.'))
		k++;
	if (is_punct(p, k, '-') && !p->tok[k].space_before)
		k++;
	if (!is_num(p, k) || p->tok[k].ndigits > 2 || is_punct(p, k + 1, ':'))
		return 0;
	d = (int) p->tok[k].num;
	if (d < 1 || d > 31)
		return 0;
	k++;
	k += skip_ordinal(p, k);
	if (is_punct(p, k, '-') && !p->tok[k].space_before)
		k++;
	k += read_year_after(p, k, &y);
	if (y && !valid_date(y, m, d))
		return 0;
	set_date(p, y, m, d);
	return k - i;
}

/* "19 September 2015", "19. September 2015", "19 de septiembre de 2015", "1er octobre". */
static int
read_day_first(Parse *p, int i)
{
	const Tok  *a = &p->tok[i];
	int			k = i + 1;
	int			m,
				y;

	if (a->ndigits > 2 || a->num < 1 || a->num > 31)
		return 0;
	k += skip_ordinal(p, k);
	if (is_word(p, k, "de") || is_word(p, k, "of") || is_word(p, k, "di"))
		k++;
	if (is_punct(p, k, '-') && !p->tok[k].space_before)
		k++;
	m = month_at(p, k);
	if (m == 0)
		return 0;
	k++;
	if (is_punct(p, k, '.'))
		k++;
	if (is_punct(p, k, '-') && !p->tok[k].space_before)
		k++;
	k += read_year_after(p, k, &y);
	if (y && !valid_date(y, m, (int) a->num))
		return 0;
	set_date(p, y, m, (int) a->num);
	return k - i;
}

static int
apply_ampm(Parse *p, int k)
{
	if (k < p->n && p->tok[k].kind == TK_AMPM)
	{
		if (p->hour < 1 || p->hour > 12)
			return -1;
		if (p->tok[k].ampm == 2 && p->hour < 12)
			p->hour += 12;
		else if (p->tok[k].ampm == 1 && p->hour == 12)
			p->hour = 0;
		return 1;
	}
	return 0;
}

/* "12:38", "12:38:05.123", "12:38 p.m.", "12h38", "12時30分", "12.38 Uhr", "5 pm", "T123800". */
static int
read_time_at(Parse *p, int i)
{
	const Tok  *a = &p->tok[i];
	int			k = i + 1;
	int			extra;

	if (a->ndigits > 2)
	{
		/* Compact ISO: T1238 or T123800 right after a compact date. */
		if (i > 0 && is_word(p, i - 1, "t") && !a->space_before &&
			(a->ndigits == 4 || a->ndigits == 6))
		{
			int64_t		v = a->ndigits == 4 ? a->num * 100 : a->num;

			p->hour = (int) (v / 10000);
			p->minute = (int) (v / 100 % 100);
			p->second = (int) (v % 100);
			if (p->hour > 23 || p->minute > 59 || p->second > 60)
				return 0;
			p->have_time = true;
			return 1;
		}
		return 0;
	}
	p->hour = (int) a->num;
	p->minute = p->second = p->usec = 0;
	if (is_punct(p, k, ':') && is_num(p, k + 1) && p->tok[k + 1].ndigits == 2)
	{
		p->minute = (int) p->tok[k + 1].num;
		k += 2;
		if (is_punct(p, k, ':') && is_num(p, k + 1) && p->tok[k + 1].ndigits == 2)
		{
			p->second = (int) p->tok[k + 1].num;
			k += 2;
			/* Fractions: ".123", ",5", and ":684" as some sites print milliseconds. */
			if ((is_punct(p, k, '.') || is_punct(p, k, ',') ||
				 (is_punct(p, k, ':') && is_num(p, k + 1) && p->tok[k + 1].ndigits == 3)) &&
				is_num(p, k + 1) && !p->tok[k + 1].space_before)
			{
				const Tok  *f = &p->tok[k + 1];
				int64_t		us = f->num;
				int			nd = f->ndigits > 18 ? 18 : f->ndigits;

				while (nd > 6)
				{
					us /= 10;
					nd--;
				}
				while (nd < 6)
				{
					us *= 10;
					nd++;
				}
				p->usec = (int) us;
				k += 2;
			}
		}
	}
	else if ((is_word(p, k, "h") || is_word(p, k, "時") || is_word(p, k, "时") || is_word(p, k, "시")) &&
			 !p->tok[k].space_before)
	{
		/* 12h38, 12時30分, 12시 30분 */
		k++;
		if (is_num(p, k) && p->tok[k].ndigits <= 2 && p->tok[k].num <= 59 &&
			(p->tok[k - 1].word[0] != 'h' || (p->tok[k].ndigits == 2 && !p->tok[k].space_before)))
		{
			p->minute = (int) p->tok[k].num;
			k++;
			if (is_word(p, k, "分") || is_word(p, k, "분"))
				k++;
		}
	}
	else if (is_punct(p, k, '.') && is_num(p, k + 1) && p->tok[k + 1].ndigits == 2 &&
			 !p->tok[k + 1].space_before &&
			 ((k + 2 < p->n && (p->tok[k + 2].kind == TK_AMPM || is_word(p, k + 2, "uhr") ||
								(p->tok[k + 2].kind == TK_WORD && p->tok[k + 2].upper))) ||
			  (k + 2 >= p->n && p->have_date)))
	{
		p->minute = (int) p->tok[k + 1].num;
		k += 2;
	}
	else if (!((k < p->n && p->tok[k].kind == TK_AMPM) || is_word(p, k, "uhr")))
		return 0;
	extra = apply_ampm(p, k);
	if (extra < 0)
		return 0;
	k += extra;
	if (p->hour > 23 || p->minute > 59 || p->second > 60)
		return 0;
	if (p->second == 60)
		p->second = 59;
	p->have_time = true;
	p->time_end = k;
	return k - i;
}

/*
 * read_time_at, leaving the time already read untouched when it fails: a
 * failed candidate ("T50") must not overwrite a time read before it.
 */
static int
read_time(Parse *p, int i)
{
	int			hour = p->hour,
				minute = p->minute,
				second = p->second,
				usec = p->usec;
	int			n = read_time_at(p, i);

	if (n == 0)
	{
		p->hour = hour;
		p->minute = minute;
		p->second = second;
		p->usec = usec;
	}
	return n;
}

/* "+05:30", "+0530", "-04", "+5:30" at i; false when it is none of these. */
static int
read_signed_offset(Parse *p, int i)
{
	int			sign,
				h,
				m = 0,
				k = i + 1;

	if (!(is_punct(p, i, '+') || is_punct(p, i, '-')) || !is_num(p, i + 1) ||
		p->tok[i + 1].space_before)
		return 0;
	sign = p->tok[i].punct == '-' ? -1 : 1;
	if (p->tok[k].ndigits == 4 || p->tok[k].ndigits == 3)
	{
		h = (int) (p->tok[k].num / 100);
		m = (int) (p->tok[k].num % 100);
		k++;
	}
	else if (p->tok[k].ndigits <= 2)
	{
		h = (int) p->tok[k].num;
		k++;
		if (is_punct(p, k, ':') && is_num(p, k + 1) && p->tok[k + 1].ndigits == 2)
		{
			m = (int) p->tok[k + 1].num;
			k += 2;
		}
	}
	else
		return 0;
	if (h > 14 || m > 59)
		return 0;
	p->have_offset = true;
	p->offset = sign * (h * 3600 + m * 60);
	return k - i;
}

static const NcZoneAbbrev *
first_abbrev(const char *abbrev)
{
	int			lo = 0,
				hi = nc_zone_abbrev_count - 1;

	/* Lower bound: the first line for abbrev. */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (strcmp(nc_zone_abbrevs[mid].abbrev, abbrev) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nc_zone_abbrev_count && strcmp(nc_zone_abbrevs[lo].abbrev, abbrev) == 0)
		return &nc_zone_abbrevs[lo];
	return NULL;
}

/* "Z", "UTC", "GMT+5:30", "+05:30", "IST" at i. */
static int
read_zone(Parse *p, int i)
{
	const Tok  *t = &p->tok[i];

	if (t->kind == TK_PUNCT)
		return (p->have_time && i == p->time_end) ? read_signed_offset(p, i) : 0;
	if (t->kind != TK_WORD)
		return 0;
	if (strcmp(t->word, "z") == 0 && (t->upper || !t->space_before))
	{
		p->have_offset = true;
		p->offset = 0;
		return 1;
	}
	if (strcmp(t->word, "utc") == 0 || strcmp(t->word, "gmt") == 0)
	{
		p->have_offset = true;
		p->offset = 0;
		return 1 + read_signed_offset(p, i + 1);
	}
	if (t->upper && t->word[0] && strlen(t->word) <= 5)
	{
		char		up[8];
		int			j;
		const NcZoneAbbrev *known;

		for (j = 0; t->word[j]; j++)
			up[j] = (char) (t->word[j] - 32);
		up[j] = '\0';
		if ((known = first_abbrev(up)) != NULL)
		{
			p->abbrev = known->abbrev;
			return 1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * Zones and context
 * ---------------------------------------------------------------------
 */

static int
cmp_zone_key(const void *key, const void *elt)
{
	return strcmp((const char *) key, ((const NcZoneCountry *) elt)->zone);
}

static int
cmp_country_key(const void *key, const void *elt)
{
	return strcmp((const char *) key, ((const NcZoneCountry *) elt)->country);
}

/* The country of an IANA zone (zone.tab), or NULL. */
static const char *
country_of_zone(const char *zone)
{
	const NcZoneCountry *z = bsearch(zone, nc_zone_countries, nc_zone_country_count,
									 sizeof(NcZoneCountry), cmp_zone_key);

	return z ? z->country : NULL;
}

/* The line of nc_country_zones for an upper-case ISO 3166 code, or NULL. */
static const NcZoneCountry *
country_line(const char *country)
{
	return bsearch(country, nc_country_zones, nc_country_zone_count,
				   sizeof(NcZoneCountry), cmp_country_key);
}

/*
 * The country a two-letter code in either case names, as nc_country_zones
 * spells it, or NULL.  "UK" (the domain, and a common mistake in language
 * tags) is GB.
 */
static const char *
country_of_code(char first, char second)
{
	char		code[3];
	const NcZoneCountry *z;

	if (!is_ascii_alpha(first) || !is_ascii_alpha(second))
		return NULL;
	code[0] = (char) (first & ~0x20);
	code[1] = (char) (second & ~0x20);
	code[2] = '\0';
	if (strcmp(code, "UK") == 0)
		return "GB";
	z = country_line(code);
	return z ? z->country : NULL;
}

const char *
nc_zone_of_country(const char *country)
{
	const NcZoneCountry *z = country ? country_line(country) : NULL;

	return z ? z->zone : NULL;
}

const char *
nc_context_zone(const NcZoneContext *context)
{
	if (context == NULL)
		return NULL;
	return context->default_zone ? context->default_zone : nc_zone_of_country(context->country);
}

bool
nc_timestamp_to_zone(const NcHost *host, NcTimestamp *ts, const char *zone)
{
	int64_t		epoch;
	NcLocalTime local;
	int			off1,
				off2;
	int			usec = ts->local.microsecond;

	if (!ts->valid || !ts->has_offset || zone == NULL || host->zone_offset == NULL)
		return false;
	epoch = nc_timestamp_epoch(ts);
	/* The offset at the wall clock the first guess gives, checked once more across a DST change. */
	local_from_epoch(epoch, ts->utc_offset, &local);
	if (!host->zone_offset(host->arg, zone, &local, &off1))
		return false;
	local_from_epoch(epoch, off1, &local);
	if (host->zone_offset(host->arg, zone, &local, &off2) && off2 != off1)
	{
		local_from_epoch(epoch, off2, &local);
		off1 = off2;
	}
	ts->local = local;
	ts->local.microsecond = usec;
	ts->utc_offset = off1;
	ts->zone = zone;
	return true;
}

/* The meaning of an abbreviation in a context: see the file header. */
static const NcZoneAbbrev *
resolve_abbrev(const char *abbrev, const NcZoneContext *context)
{
	const NcZoneAbbrev *first = first_abbrev(abbrev);
	const NcZoneAbbrev *a;
	const NcZoneAbbrev *end = nc_zone_abbrevs + nc_zone_abbrev_count;
	const char *country = NULL;

	if (first == NULL)
		return NULL;
	if (context && context->default_zone)
	{
		for (a = first; a < end && strcmp(a->abbrev, abbrev) == 0; a++)
			if (strcmp(a->zone, context->default_zone) == 0)
				return a;
		country = country_of_zone(context->default_zone);
	}
	if (country == NULL && context)
		country = context->country;
	if (country)
		for (a = first; a < end && strcmp(a->abbrev, abbrev) == 0; a++)
			if (a->country && strcmp(a->country, country) == 0)
				return a;
	return first;				/* the preferred line sorts first */
}

const char *
nc_country_of_host(const char *host_name)
{
	/* Country-code domains sold for other uses. */
	static const char *const generic[] = {
		"ac", "ai", "am", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "ml",
		"nu", "sh", "st", "tk", "to", "tv", "ws", "ga", "cf", "gq", "vc", "gd",
		"cx", "xyz", NULL
	};
	const char *end,
			   *dot;
	char		tld[3];

	if (host_name == NULL)
		return NULL;
	end = host_name + strlen(host_name);
	/* Drop a port and a final dot. */
	if ((dot = strchr(host_name, ':')) != NULL)
		end = dot;
	if (end > host_name && end[-1] == '.')
		end--;
	dot = end;
	while (dot > host_name && dot[-1] != '.')
		dot--;
	if (end - dot != 2 || dot == host_name)
		return NULL;
	tld[0] = (char) (dot[0] | 0x20);
	tld[1] = (char) (dot[1] | 0x20);
	tld[2] = '\0';
	if (word_in(generic, tld))
		return NULL;
	return country_of_code(tld[0], tld[1]);
}

const char *
nc_country_of_language(const char *lang)
{
	/* Languages spoken mainly in one country with one clock. */
	static const char *const lang_country[][2] = {
		{"as", "IN"}, {"bg", "BG"}, {"cs", "CZ"}, {"cy", "GB"}, {"da", "DK"},
		{"de", "DE"}, {"el", "GR"}, {"et", "EE"}, {"fa", "IR"}, {"fi", "FI"},
		{"fr", "FR"}, {"ga", "IE"}, {"gu", "IN"}, {"he", "IL"}, {"hi", "IN"},
		{"hr", "HR"}, {"hu", "HU"}, {"id", "ID"}, {"is", "IS"}, {"it", "IT"},
		{"iw", "IL"}, {"ja", "JP"}, {"kn", "IN"}, {"ko", "KR"}, {"lt", "LT"},
		{"lv", "LV"}, {"ml", "IN"}, {"mr", "IN"}, {"ms", "MY"}, {"nb", "NO"},
		{"ne", "NP"}, {"nl", "NL"}, {"nn", "NO"}, {"no", "NO"}, {"or", "IN"},
		{"pa", "IN"}, {"pl", "PL"}, {"ro", "RO"}, {"ru", "RU"}, {"si", "LK"},
		{"sk", "SK"}, {"sl", "SI"}, {"sr", "RS"}, {"sv", "SE"}, {"ta", "IN"},
		{"te", "IN"}, {"th", "TH"}, {"tr", "TR"}, {"uk", "UA"}, {"ur", "PK"},
		{"vi", "VN"}
	};
	size_t		i,
				n;
	char		code[4];

	if (lang == NULL)
		return NULL;
	for (n = 0; lang[n] && lang[n] != '-' && lang[n] != '_'; n++)
		;
	/* A region subtag decides: en-IN, pt-BR. */
	if (lang[n] && strlen(lang + n + 1) >= 2 &&
		(lang[n + 3] == '\0' || lang[n + 3] == '-' || lang[n + 3] == '_'))
	{
		const char *region = country_of_code(lang[n + 1], lang[n + 2]);

		if (region)
			return region;
	}
	if (n != 2)
		return NULL;
	code[0] = (char) (lang[0] | 0x20);
	code[1] = (char) (lang[1] | 0x20);
	code[2] = '\0';
	for (i = 0; i < sizeof(lang_country) / sizeof(lang_country[0]); i++)
		if (strcmp(lang_country[i][0], code) == 0)
			return lang_country[i][1];
	return NULL;
}

/* ---------------------------------------------------------------------
 * Relative forms
 * ---------------------------------------------------------------------
 */

/* "3 hours ago", "vor 2 Tagen", "il y a 3 heures": seconds back, or -1. */
static int64_t
relative_seconds(const Parse *p)
{
	int64_t		total = 0;
	bool		marker = false,
				unit = false;
	int			i;

	for (i = 0; i < p->n; i++)
	{
		const Tok  *t = &p->tok[i];
		int			secs;

		if (t->kind != TK_WORD)
			continue;
		if (word_in(relative_markers, t->word))
		{
			/* "il" only in "il y a". */
			if (strcmp(t->word, "il") != 0 || (is_word(p, i + 1, "y") && is_word(p, i + 2, "a")))
				marker = true;
			continue;
		}
		secs = word_value(relative_units, t->word, 0);
		if (secs == 0 || i == 0)
			continue;
		if (p->tok[i - 1].kind == TK_NUM && p->tok[i - 1].ndigits <= 6)
			total += p->tok[i - 1].num * secs;
		else if (p->tok[i - 1].kind == TK_WORD && word_in(one_words, p->tok[i - 1].word))
			total += secs;
		else
			continue;
		unit = true;
	}
	if (marker && unit)
		return total;
	if (p->n >= 2 && is_word(p, 0, "just") && is_word(p, 1, "now"))
		return 0;
	return -1;
}

/* ---------------------------------------------------------------------
 * The reader
 * ---------------------------------------------------------------------
 */

static bool
finish(const NcHost *host, Parse *p, const NcZoneContext *context, NcTimestamp *out)
{
	const char *zone = NULL;

	memset(out, 0, sizeof(*out));
	if (!valid_date(p->year, p->month, p->day))
		return false;
	out->local.year = p->year;
	out->local.month = p->month;
	out->local.day = p->day;
	out->has_time = p->have_time;
	if (p->have_time)
	{
		out->local.hour = p->hour;
		out->local.minute = p->minute;
		out->local.second = p->second;
		out->local.microsecond = p->usec;
	}
	if (p->have_offset)
	{
		out->has_offset = true;
		out->utc_offset = p->offset;
	}
	else if (p->abbrev)
	{
		const NcZoneAbbrev *a = resolve_abbrev(p->abbrev, context);

		out->zone = a->zone;
		if (a->fixed)
		{
			out->has_offset = true;
			out->utc_offset = a->utc_offset;
		}
		else
			zone = a->zone;
	}
	else
		zone = nc_context_zone(context);
	if (zone)
	{
		int			off;

		if (host->zone_offset && host->zone_offset(host->arg, zone, &out->local, &off))
		{
			out->has_offset = true;
			out->utc_offset = off;
			out->zone = zone;
		}
	}
	out->valid = true;
	return true;
}

bool
nc_parse_timestamp(const NcHost *host, const char *text, size_t len,
				   const NcZoneContext *context, NcTimestamp *out)
{
	Parse		p;
	const char *country = context ? context->country : NULL;
	const NcTimestamp *ref = context ? context->reference : NULL;
	int			spare_year = 0;
	int			i;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		return false;
	/* Everything but the token array, which tokenize() fills. */
	memset((char *) &p + offsetof(Parse, n), 0, sizeof(Parse) - offsetof(Parse, n));
	p.abbrev = NULL;
	p.time_end = -1;
	tokenize(&p, text, len);
	if (p.n == 0)
		return false;
	if (country == NULL && context && context->default_zone)
		country = country_of_zone(context->default_zone);

	if (ref && ref->valid)
	{
		int64_t		back = relative_seconds(&p);

		if (back >= 0)
		{
			int64_t		epoch = nc_timestamp_epoch(ref) - back;
			int			off = ref->has_offset ? ref->utc_offset : 0;

			out->valid = true;
			out->has_time = true;
			out->has_offset = ref->has_offset;
			out->utc_offset = off;
			out->zone = ref->zone;
			local_from_epoch(epoch, off, &out->local);
			return true;
		}
		/* "yesterday", "heute 12:38": the date from the reference. */
		for (i = 0; i < p.n && !p.have_date; i++)
		{
			int			shift;

			if (p.tok[i].kind != TK_WORD)
				continue;
			shift = word_value(day_words, p.tok[i].word, 1);
			if (shift <= 0)
			{
				civil_from_days(days_from_civil(ref->local.year, ref->local.month,
												ref->local.day) + shift,
								&p.year, &p.month, &p.day);
				p.have_date = true;
			}
		}
	}

	for (i = 0; i < p.n;)
	{
		Tok		   *t = &p.tok[i];
		int			k = 0;

		if (!p.have_date)
		{
			if (t->kind == TK_NUM)
			{
				k = read_numeric_date(&p, i, country);
				if (k == 0)
					k = read_cjk_date(&p, i);
				if (k == 0)
					k = read_day_first(&p, i);
			}
			else if (t->kind == TK_WORD)
				k = read_month_first(&p, i);
			/* Compact ISO time right after a compact date: 20150919T123800Z. */
			if (k == 1 && t->ndigits == 8 && is_word(&p, i + 1, "t") && !p.tok[i + 1].space_before &&
				is_num(&p, i + 2))
			{
				if (read_time(&p, i + 2))
				{
					p.time_end = i + 3;
					k = 3;
				}
			}
		}
		if (k == 0 && !p.have_time && t->kind == TK_NUM)
			k = read_time(&p, i);
		if (k == 0 && (p.have_time || p.have_date) && !p.have_offset && p.abbrev == NULL)
			k = read_zone(&p, i);
		if (k == 0)
		{
			if (t->kind == TK_NUM && year_of(t) && !spare_year)
				spare_year = year_of(t);
			k = 1;
		}
		i += k;
	}
	if (!p.have_date)
		return false;
	if (p.year == 0)
	{
		/* A year printed apart from the day ("Sep 19 | 2015"), else the reference's. */
		if (spare_year)
			p.year = spare_year;
		else if (ref && ref->valid)
		{
			p.year = ref->local.year;
			/* A date after the reference belongs to the year before. */
			if (p.month > ref->local.month ||
				(p.month == ref->local.month && p.day > ref->local.day + 1))
				p.year--;
		}
		else
			return false;
	}
	return finish(host, &p, context, out);
}
