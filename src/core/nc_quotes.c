/*
 * src/core/nc_quotes.c
 *		Direct quotations and who said them; the sources a story cites.
 *
 * A body is read paragraph by paragraph (one per line).  Quotation marks
 * split a paragraph into quoted spans and the writer's own text between
 * them.  The writer's text is cut into sentence fragments, and each
 * fragment is searched for an attribution clause: a subject and a speech
 * verb ("Pentagon spokesman Peter Cook said", "said Peter Cook",
 * "according to Cook", "a US official told AFP").  A quote takes the
 * clause that follows it in the same sentence ("..., he added."), else the
 * clause that leads into it ("Cook said: ...", "Konashenkov told Russian
 * agencies that the call was focused on ..."), else, when the paragraph
 * opens with it, the speaker of the quote just before.
 *
 * Pronouns ("he added") name the last named person speaker, and only when
 * nobody else has been named since and no unnamed speaker ("a US official
 * said") spoke since: otherwise the speaker stays NULL, never a guess.
 *
 * Quote marks: curly double quotes, straight double quotes, low-9 and
 * guillemets open; quotes inside quotes (single marks, or the other kind
 * of double mark) stay inside.  A paragraph that ends inside a quote and a
 * next paragraph that opens with a quote mark make one quotation, the
 * convention of news writing for a quote running over paragraphs.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "nc_internal.h"

/* Speech verbs, sorted. */
static const char *const speech_verbs[] = {
	"acknowledged", "added", "adds", "admitted", "alleged", "announced", "answered",
	"argued", "argues", "asked", "asks", "asserted", "begged", "boasted", "cautioned",
	"claimed", "claims", "commented", "complained", "conceded", "concluded", "confirmed",
	"contended", "continued", "countered", "cried", "declared", "demanded", "emphasised",
	"emphasized", "exclaimed", "explained", "explains", "insisted", "insists", "joked",
	"maintained", "noted", "notes", "observed", "pleaded", "posted", "predicted",
	"promised", "quipped", "recalled", "recounted", "reiterated", "remarked", "replied",
	"reported", "responded", "said", "say", "says", "screamed", "shouted", "stated",
	"stressed", "suggested", "tells", "testified", "told", "tweeted", "urged", "vowed",
	"warned", "warns", "whispered", "writes", "wrote", "yelled"
};

/* Words between a subject and its verb: "Cook later said", "he has said". */
static const char *const aux_words[] = {
	"also", "earlier", "had", "has", "have", "later", "previously", "reportedly",
	"separately", "then", "would"
};

/* Words after a speech verb that start no subject: "said on Friday". */
static const char *const not_subject_words[] = {
	"after", "as", "at", "before", "by", "during", "earlier", "for", "from", "he", "in",
	"it", "last", "later", "of", "on", "she", "that", "the", "they", "this", "to",
	"today", "when", "while", "with", "yesterday"
};

/* Prepositions and conjunctions: a phrase opening with one is no subject or role. */
static const char *const preposition_words[] = {
	"after", "and", "as", "at", "before", "but", "by", "during", "for", "from", "in",
	"on", "or", "since", "speaking", "to", "when", "while", "with"
};

/* Words opening a clause that are not part of its subject. */
static const char *const lead_words[] = {
	"And", "But", "However", "Meanwhile", "So", "Still", "Yet", "and", "but", "however",
	"meanwhile", "so", "still", "yet"
};

/* Titles of courtesy, which are no role: "Mr Cook said". */
static const char *const honorifics[] = {
	"Miss", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms."
};

/* Heads of unnamed sources: "a US official", "diplomatic sources". */
static const char *const official_words[] = {
	"adviser", "advisers", "advisor", "aide", "aides", "analyst", "analysts",
	"authorities", "diplomat", "diplomats", "doctors", "experts", "investigators",
	"minister", "ministers", "ministries", "ministry", "officer", "officers", "official",
	"officials", "organisers", "organizers", "police", "prosecutors", "rescuers",
	"residents", "source", "sources", "spokesman", "spokespeople", "spokesperson",
	"spokespersons", "spokeswoman", "witnesses"
};


/* ---------------------------------------------------------------------
 * Quote spans within one paragraph
 * ---------------------------------------------------------------------
 */

typedef enum MarkKind
{
	MARK_NONE, MARK_CURLY, MARK_STRAIGHT, MARK_GUILLEMET
} MarkKind;

typedef struct Span
{
	size_t		open;			/* offset of the opening mark */
	size_t		start;			/* first byte inside */
	size_t		end;			/* first byte of the closing mark, or line end */
	size_t		after;			/* first byte after the closing mark */
	bool		closed;
} Span;

/* The mark at s: its kind, whether it can open / close, its length. */
static int
mark_at(const unsigned char *s, size_t left, MarkKind *kind, bool *opens, bool *closes)
{
	if (*s == '"')
	{
		*kind = MARK_STRAIGHT, *opens = *closes = true;
		return 1;
	}
	if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80)
	{
		if (s[2] == 0x9C || s[2] == 0x9E)	/* “ „ */
		{
			*kind = MARK_CURLY, *opens = true, *closes = false;
			return 3;
		}
		if (s[2] == 0x9D)		/* ” */
		{
			*kind = MARK_CURLY, *opens = false, *closes = true;
			return 3;
		}
	}
	if (left >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB))
	{
		*kind = MARK_GUILLEMET, *opens = (s[1] == 0xAB), *closes = (s[1] == 0xBB);
		return 2;
	}
	return 0;
}

static bool
is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int
find_spans(const NcHost *host, const char *line, size_t len, Span **out)
{
	const unsigned char *u = (const unsigned char *) line;
	int			n = 0,
				cap = 8;
	Span	   *spans = nc_alloc(host, sizeof(Span) * cap);
	MarkKind	in = MARK_NONE;
	int			depth = 0;
	size_t		i = 0;

	if (spans == NULL)
		return -1;
	while (i < len)
	{
		MarkKind	kind;
		bool		opens,
					closes;
		int			ml = mark_at(u + i, len - i, &kind, &opens, &closes);

		if (ml == 0)
		{
			i++;
			continue;
		}
		if (in == MARK_NONE)
		{
			/* A closing curly mark before a word is a misplaced opener */
			if (!opens && kind == MARK_CURLY && i + ml < len && !is_space_byte(u[i + ml]) &&
				(i == 0 || is_space_byte(u[i - 1])))
				opens = true;
			if (opens)
			{
				if (!nc_reserve(host, (void **) &spans, &cap, n, sizeof(Span)))
					return -1;
				spans[n].open = i;
				spans[n].start = i + ml;
				spans[n].end = len;
				spans[n].after = len;
				spans[n].closed = false;
				n++;
				in = kind;
				depth = 0;
			}
		}
		else if (kind == in)
		{
			if (kind == MARK_STRAIGHT || (closes && depth == 0))
			{
				spans[n - 1].end = i;
				spans[n - 1].after = i + ml;
				spans[n - 1].closed = true;
				in = MARK_NONE;
			}
			else if (closes)
				depth--;
			else if (opens)
				depth++;
		}
		i += ml;
	}
	*out = spans;
	return n;
}

/* ---------------------------------------------------------------------
 * Attribution clauses
 * ---------------------------------------------------------------------
 */

typedef struct Clause
{
	bool		found;
	const char *cue;			/* "said", "according to" */
	const NcWord *subj;			/* subject words */
	int			nsubj;
	const NcWord *recipient;	/* "told AFP": AFP */
	int			nrecipient;
} Clause;

/* Who a clause names. */
typedef struct Speaker
{
	const char *name;			/* NULL: nobody named */
	const char *role;
	const char *kind;			/* "person", "organisation", "agency", "official", "unknown" */
	bool		pronoun;		/* he / she */
	char		gender;			/* of the pronoun: 'm' he, 'f' she */
	bool		other_pronoun;	/* it / they / we / I */
} Speaker;

static bool
word_ieq(const NcWord *w, const char *s)
{
	return nc_ascii_ieq(w->text, s);
}

/*
 * Finds the attribution clause of a sentence fragment f[0..n).  after_quote
 * asks for a clause at the very start of the fragment (after a quote:
 * "..., he said"), where the subject cannot be a long phrase.
 */
static Clause
find_clause(const NcWord *f, int n, bool after_quote)
{
	Clause		c;
	int			k,
				s,
				e,
				limit = after_quote ? 10 : n;

	memset(&c, 0, sizeof(c));
	for (k = 0; k < n && k < limit; k++)
	{
		if (k + 1 < n && word_ieq(&f[k], "according") && word_ieq(&f[k + 1], "to"))
		{
			if (after_quote && k > 0)
				continue;
			/* according to X, ... */
			for (e = k + 2; e < n; e++)
				if ((f[e].trail && !(f[e].trail == '.' && nc_is_abbreviation(f[e].text))) ||
					e - (k + 2) >= 8)
					break;
			c.found = k + 2 < n;
			c.cue = "according to";
			c.subj = &f[k + 2];
			c.nsubj = (e < n ? e + 1 : n) - (k + 2);
			return c;
		}
		if (!nc_in_sorted_list(f[k].text, NC_LIST(speech_verbs)))
			continue;
		/* A verb at the end of a subject such as "the group's says" is not a thing */
		c.cue = f[k].text;
		if (strcmp(f[k].text, "told") == 0 || strcmp(f[k].text, "tells") == 0)
		{
			int			r = k + 1;

			while (r < n && r - (k + 1) < 5 && !f[r - 1 < k + 1 ? k + 1 : r - 1].trail &&
				   !word_ieq(&f[r], "that") && !word_ieq(&f[r], "on") && !word_ieq(&f[r], "in"))
			{
				if (f[r].trail)
				{
					r++;
					break;
				}
				r++;
			}
			c.recipient = &f[k + 1];
			c.nrecipient = r - (k + 1);
		}
		/* Subject before the verb, past "But" and before "also" */
		s = 0;
		while (s < k && nc_in_sorted_list(f[s].text, NC_LIST(lead_words)))
			s++;
		e = k;
		while (e > s && nc_in_sorted_list(f[e - 1].text, NC_LIST(aux_words)))
			e--;
		if (e > s)
		{
			/* A long lead-in: the subject is its last comma-separated part */
			if (e - s > 12)
			{
				int			j;

				for (j = e - 2; j >= s; j--)
					if (f[j].trail == ',')
						break;
				if (j < s || e - (j + 1) > 8)
					return c;
				s = j + 1;
			}
			else if (after_quote && e - s > 8)
				return c;
			c.found = true;
			c.subj = &f[s];
			c.nsubj = e - s;
			return c;
		}
		/* Inverted: "said Peter Cook, a spokesman for the Pentagon" */
		if (k + 1 < n && (f[k + 1].cap || word_ieq(&f[k + 1], "a") || word_ieq(&f[k + 1], "an") ||
						  word_ieq(&f[k + 1], "the") ||
						  /* "said witness Sam Cole" */
						  (!nc_in_sorted_list(f[k + 1].text, NC_LIST(not_subject_words)) &&
						   ((k + 2 < n && f[k + 2].cap) || (k + 3 < n && f[k + 3].cap)))))
		{
			for (e = k + 1; e < n; e++)
				if (nc_ends_sentence(&f[e]) || e - (k + 1) >= 12)
					break;
			c.found = true;
			c.subj = &f[k + 1];
			c.nsubj = (e < n ? e + 1 : n) - (k + 1);
			c.recipient = NULL;
			c.nrecipient = 0;
		}
		return c;
	}
	return c;
}

/* Joins words w[0..n) with spaces, possessives spelled out. */
static char *
words_text(const NcHost *host, const NcWord *w, int n)
{
	NcBuf		buf;
	int			i;

	nc_buf_init(&buf, host);
	for (i = 0; i < n; i++)
	{
		if (i > 0)
			nc_buf_append_char(&buf, ' ');
		nc_buf_append_str(&buf, w[i].text);
		if (w[i].possessive)
			nc_buf_append_str(&buf, "'s");
	}
	if (buf.failed)
		return NULL;
	return buf.data ? buf.data : nc_strdup(host, "");
}

static bool
is_determiner(const NcWord *w)
{
	return word_ieq(w, "a") || word_ieq(w, "an") || word_ieq(w, "the");
}

static bool
is_name_word(const NcWord *w)
{
	return (w->cap || w->acronym) && !nc_is_cap_stopword(w->text);
}

/* "official", "Officials", "police": heads of unnamed sources, any case. */
static bool
is_official_word(const char *w)
{
	char		lower[32];
	size_t		i,
				len = strlen(w);

	if (len >= sizeof(lower))
		return false;
	for (i = 0; i <= len; i++)
		lower[i] = (w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i];
	return nc_in_sorted_list(lower, NC_LIST(official_words));
}

/*
 * Finds the name in one comma-free phrase p[0..n): the trailing run of
 * capitalised words less any leading titles, "Pentagon spokesman Peter
 * Cook" giving "Peter Cook".  Returns the name's word count (0: no name)
 * and sets *name_end to the index just past it: "Professor Alan Reid of
 * Oxford University" names Alan Reid, whose role runs on after the name.
 */
static int
trailing_name(const NcWord *p, int n, bool *org, int *name_end)
{
	int			run = 0,
				name = 0,
				i;

	*org = false;
	*name_end = n;
	if (n > 0 && !is_name_word(&p[n - 1]))
	{
		/*
		 * No name at the end: "chief inspector Jennifer Mattinson from the
		 * police" names the first run of two or more capitalised words.
		 */
		for (i = 0; i + 1 < n; i++)
		{
			int			e = i;

			while (e < n && is_name_word(&p[e]) && !nc_is_title_word(p[e].text) &&
				   !nc_is_org_word(p[e].text) && !nc_is_place_word(p[e].text) && !p[e].acronym &&
				   (e == i || !p[e - 1].trail))
				e++;
			if (e - i >= 2 && e - i <= 4)
			{
				*name_end = e;
				return e - i;
			}
		}
		return 0;
	}
	while (run < n && (is_name_word(&p[n - 1 - run]) ||
					   (run > 0 && run + 1 < n && (strcmp(p[n - 1 - run].text, "of") == 0 ||
												   strcmp(p[n - 1 - run].text, "bin") == 0 ||
												   strcmp(p[n - 1 - run].text, "de") == 0) &&
						is_name_word(&p[n - 2 - run]))))
		run++;
	if (run == 0)
		return 0;
	/* A possessive inside the run ends it: "Russia's Defense Minister" */
	for (i = n - run; i < n - 1; i++)
		if (p[i].possessive)
			run = n - 1 - i;
	/* "State Department": an organisation, named by its head word */
	if (nc_is_org_word(p[n - 1].text) || nc_is_place_word(p[n - 1].text))
	{
		/* ... unless a person "of" it comes first */
		for (i = n - 2; i > n - run; i--)
			if (strcmp(p[i].text, "of") == 0)
			{
				bool		inner_org;
				int			inner_end;
				int			inner = trailing_name(p, i, &inner_org, &inner_end);

				if (inner > 0 && !inner_org)
				{
					*name_end = inner_end;
					return inner;
				}
				break;
			}
		*org = true;
		return run;
	}
	/* The name proper stops at a title ("Minister Sergei Shoigu") */
	while (name < run && name < 4 && !nc_is_title_word(p[n - 1 - name].text) &&
		   strcmp(p[n - 1 - name].text, "of") != 0)
		name++;
	if (name == 1 && p[n - 1].acronym && n - 1 > 0 && !is_determiner(&p[n - 2]))
		return 0;				/* "a US official" ends in a noun, not "US" */
	/* "Officials said": a capitalised common noun, not a name */
	if (name == 1 && is_official_word(p[n - 1].text))
		return 0;
	return name;
}

static const char *
official_or_unknown(const NcWord *w, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (is_official_word(w[i].text))
			return "official";
	return "unknown";
}

static Speaker
speaker_of(const NcHost *host, const NcEntityDict *dict, const NcWord *subj, int n)
{
	Speaker		sp;
	int			parts[8][2];
	int			nparts = 0,
				i,
				best = -1,
				bestlen = 0,
				best_end = 0;
	bool		best_org = false;
	bool		best_name_part = false;

	memset(&sp, 0, sizeof(sp));
	sp.kind = "unknown";
	/* "In an interview, he said": the subject is the part next to the verb */
	for (i = n - 1; i > 0; i--)
		if (subj[i - 1].trail == ',')
			break;
	if (i > 0 && i == n - 1 && (word_ieq(&subj[i], "he") || word_ieq(&subj[i], "she") ||
								word_ieq(&subj[i], "it") || word_ieq(&subj[i], "they")))
	{
		subj += i;
		n = 1;
	}
	/* "she remembered telling Harry": the pronoun is the subject, the rest its verbs */
	if (n > 1 && !subj[0].trail && (word_ieq(&subj[0], "he") || word_ieq(&subj[0], "she")))
		n = 1;
	if (n == 1 && (word_ieq(&subj[0], "he") || word_ieq(&subj[0], "she")))
	{
		sp.pronoun = true;
		sp.gender = word_ieq(&subj[0], "he") ? 'm' : 'f';
		return sp;
	}
	if (n == 1 && (word_ieq(&subj[0], "it") || word_ieq(&subj[0], "they") ||
				   word_ieq(&subj[0], "we") || word_ieq(&subj[0], "i") ||
				   word_ieq(&subj[0], "you") || word_ieq(&subj[0], "who")))
	{
		sp.other_pronoun = true;
		return sp;
	}
	/* Comma-separated parts: a name and its appositive role */
	parts[0][0] = 0;
	for (i = 0; i < n; i++)
		if ((subj[i].trail == ',' || i == n - 1) && nparts < 8)
		{
			parts[nparts][1] = i + 1;
			nparts++;
			if (nparts < 8)
				parts[nparts][0] = i + 1;
		}
	for (i = 0; i < nparts; i++)
	{
		const NcWord *p = subj + parts[i][0];
		int			len = parts[i][1] - parts[i][0];
		bool		org;
		int			name_end;
		int			name = trailing_name(p, len, &org, &name_end);

		if (name == 0)
			continue;
		/* "In an interview with the BBC, Obama said": an adverbial, not the subject */
		if (i < nparts - 1 && nc_in_sorted_list(p[0].text, NC_LIST(preposition_words)))
			continue;
		/*
		 * With several parts, the subject is a part that is a name with
		 * at most titles before it ("Mark Toner", "Senator Jane Roe"),
		 * else the part next to the verb; a name further back ("...
		 * disclosed by the Aspen Times, the former mayor argued") is not.
		 */
		{
			bool		name_part = (name_end == len);
			int			t;

			for (t = 0; name_part && t < len - name; t++)
				if (!nc_is_title_word(p[t].text))
					name_part = false;
			if (nparts > 1 && !name_part && i != nparts - 1)
				continue;
			if (best >= 0 && !(name_part && !best_name_part))
				continue;
			best = i;
			bestlen = name;
			best_org = org;
			best_end = parts[i][0] + name_end;
			best_name_part = name_part;
		}
	}
	if (best < 0)
	{
		/* Nobody named: "a US official", "the ministry"; the part nearest the verb */
		const NcWord *last = subj + parts[nparts - 1][0];
		int			nlast = parts[nparts - 1][1] - parts[nparts - 1][0];

		sp.kind = official_or_unknown(last, nlast);
		/* Only a noun phrase makes a role: "a US official", "the ministry", "police" */
		if (strcmp(sp.kind, "official") == 0 || is_determiner(&last[0]) ||
			word_ieq(&last[0], "one") || word_ieq(&last[0], "two") || word_ieq(&last[0], "three") ||
			word_ieq(&last[0], "several") || word_ieq(&last[0], "some") || word_ieq(&last[0], "many"))
			sp.role = words_text(host, last, nlast);
		return sp;
	}
	{
		int			nstart = best_end - bestlen;
		NcBuf		role;
		int			matched = 0;
		const NcEntityDef *def;
		int			k;

		sp.name = words_text(host, subj + nstart, bestlen);

		/*
		 * The role: words before the name in its part ("Pentagon
		 * spokesman"), and an appositive next to it that opens with a
		 * determiner ("a spokesman for the State Department, Mark Toner").
		 */
		nc_buf_init(&role, host);
		for (k = 0; k < nparts; k++)
		{
			int			from = parts[k][0],
						to = parts[k][1];

			if (k != best && !((k == best - 1 || k == best + 1) && is_determiner(&subj[from])))
				continue;
			for (i = from; i < to; i++)
			{
				if (i >= nstart && i < best_end)
					continue;
				if (i == from && k == best && is_determiner(&subj[i]) && nstart == from + 1)
					continue;
				if (role.len > 0)
					nc_buf_append_char(&role, ' ');
				nc_buf_append_str(&role, subj[i].text);
				if (subj[i].possessive)
					nc_buf_append_str(&role, "'s");
			}
		}
		sp.role = (role.len > 0 && !role.failed) ? role.data : NULL;
		/* A role is a noun phrase: "and for the first time" is not one */
		if (sp.role)
		{
			char		first[16];
			size_t		fl = strcspn(sp.role, " ");

			if (fl < sizeof(first))
			{
				memcpy(first, sp.role, fl);
				first[fl] = '\0';
				if (first[0] >= 'A' && first[0] <= 'Z')
					first[0] += 32;
				if (nc_in_sorted_list(first, NC_LIST(preposition_words)))
					sp.role = NULL;
			}
			/* An honorific alone says nothing of the speaker's role */
			if (sp.role && nc_in_sorted_list(sp.role, NC_LIST(honorifics)))
				sp.role = NULL;
		}
		def = nc_entity_dict_match(dict, subj + nstart, bestlen, &matched);
		if (def && matched == bestlen)
		{
			sp.name = def->canonical;
			sp.kind = strcmp(def->kind, "person") == 0 ? "person" : def->kind;
		}
		else if (nc_agency_at(subj + nstart, bestlen, &matched) && matched == bestlen)
			sp.kind = "agency";
		else if (best_org)
			sp.kind = "organisation";
		else if (bestlen == 1 && subj[nstart].acronym)
			sp.kind = "organisation";
		else
			sp.kind = "person";
		if (sp.role && strcmp(sp.kind, "person") != 0 && bestlen == n - 1 &&
			is_determiner(&subj[0]))
			sp.role = NULL;
	}
	return sp;
}

/* ---------------------------------------------------------------------
 * The analysis
 * ---------------------------------------------------------------------
 */

typedef struct State
{
	const NcHost *host;
	const NcEntityDict *dict;
	/* Named people so far, for surnames and for pronouns */
	const char *persons[64];
	const char *person_roles[64];
	char		person_genders[64];	/* 'm', 'f' or 0: from titles and pronouns */
	int			npersons;
	const char *last_person;
	const char *last_role;
	bool		ambiguous;		/* someone else named, or an unnamed speaker, since */
	NcQuote    *quotes;
	int			nquotes;
	int			cap;
	NcSource   *sources;
	int			nsources;
	int			scap;
	NcIndex		source_index;
	bool		failed;
} State;

static bool
surname_of(const char *full, const char *word)
{
	size_t		fl = strlen(full),
				wl = strlen(word);

	if (fl <= wl + 1 || strcmp(full + fl - wl, word) != 0)
		return false;
	return full[fl - wl - 1] == ' ' || full[fl - wl - 1] == '-';
}

/* The full name a surname stands for, when exactly one person has it. */
static const char *
expand_surname(State *st, const char *name)
{
	const char *found = NULL;
	int			i;

	if (strchr(name, ' ') != NULL)
		return name;
	for (i = 0; i < st->npersons; i++)
		if (surname_of(st->persons[i], name))
		{
			if (found && strcmp(found, st->persons[i]) != 0)
				return name;
			found = st->persons[i];
		}
	return found ? found : name;
}

/* 'm' or 'f' when a role opens with a gendered title ("Mrs", "King"), else 0. */
static char
gender_of_role(const char *role)
{
	static const char *const male[] = {"Father", "King", "Lord", "Mr", "Mr.", "Prince", "Sir"};
	static const char *const female[] = {"Lady", "Miss", "Mrs", "Mrs.", "Ms", "Ms.", "Princess", "Queen"};
	char		first[16];
	size_t		len;
	size_t		i;

	if (role == NULL)
		return 0;
	len = strcspn(role, " ");
	if (len >= sizeof(first))
		return 0;
	memcpy(first, role, len);
	first[len] = '\0';
	for (i = 0; i < sizeof(male) / sizeof(male[0]); i++)
		if (strcmp(first, male[i]) == 0)
			return 'm';
	for (i = 0; i < sizeof(female) / sizeof(female[0]); i++)
		if (strcmp(first, female[i]) == 0)
			return 'f';
	return 0;
}

/* Index of a remembered person, or -1. */
static int
person_index(const State *st, const char *name)
{
	int			i;

	for (i = 0; i < st->npersons; i++)
		if (strcmp(st->persons[i], name) == 0)
			return i;
	return -1;
}

static void
remember_person(State *st, const char *name, const char *role)
{
	int			i = person_index(st, name);

	if (i >= 0)
	{
		if (role && !st->person_roles[i])
			st->person_roles[i] = role;
		return;
	}
	if (st->npersons < 64)
	{
		st->persons[st->npersons] = name;
		st->person_roles[st->npersons] = role;
		st->person_genders[st->npersons] = gender_of_role(role);
		st->npersons++;
	}
}

static void
add_source(State *st, const char *source, const char *kind, int paragraph)
{
	int			i;

	if (source == NULL || *source == '\0')
		return;
	i = nc_index_find(&st->source_index, source, st->sources, sizeof(NcSource),
					  offsetof(NcSource, source));
	if (i >= 0)
	{
		st->sources[i].mentions++;
		if (strcmp(st->sources[i].kind, "unknown") == 0)
			st->sources[i].kind = kind;
		return;
	}
	if (!nc_reserve(st->host, (void **) &st->sources, &st->scap, st->nsources, sizeof(NcSource)))
	{
		st->failed = true;
		return;
	}
	st->sources[st->nsources].source = source;
	st->sources[st->nsources].kind = kind;
	st->sources[st->nsources].mentions = 1;
	st->sources[st->nsources].first_paragraph = paragraph;
	if (!nc_index_add(&st->source_index, st->nsources, st->sources, sizeof(NcSource),
					  offsetof(NcSource, source)))
	{
		st->failed = true;
		return;
	}
	st->nsources++;
}

static NcQuote *
new_quote(State *st)
{
	if (!nc_reserve(st->host, (void **) &st->quotes, &st->cap, st->nquotes, sizeof(NcQuote)))
	{
		st->failed = true;
		return NULL;
	}
	memset(&st->quotes[st->nquotes], 0, sizeof(NcQuote));
	return &st->quotes[st->nquotes++];
}

/*
 * Resolves a clause to the speaker it names, updating who "he" would be,
 * and counts it as a cited source.
 */
static Speaker
resolve_clause(State *st, const Clause *c, int paragraph)
{
	Speaker		sp = speaker_of(st->host, st->dict, c->subj, c->nsubj);
	int			matched;

	if (sp.pronoun)
	{
		int			p = st->last_person ? person_index(st, st->last_person) : -1;

		/*
		 * "he" is the last person named, unless someone else was named
		 * since or that person is known to be "she" (from a title or an
		 * earlier pronoun).
		 */
		if (st->last_person && !st->ambiguous &&
			!(p >= 0 && st->person_genders[p] && st->person_genders[p] != sp.gender))
		{
			sp.name = st->last_person;
			sp.role = st->last_role;
			sp.kind = "person";
			if (p >= 0)
				st->person_genders[p] = sp.gender;
		}
		else if (st->last_person)
			st->ambiguous = true;
	}
	else if (sp.name && strcmp(sp.kind, "person") == 0)
	{
		int			known;

		sp.name = expand_surname(st, sp.name);
		known = person_index(st, sp.name);
		if (sp.role == NULL && known >= 0)
			sp.role = st->person_roles[known];
		remember_person(st, sp.name, sp.role);
		st->last_person = sp.name;
		st->last_role = sp.role;
		st->ambiguous = false;
	}
	else if (!sp.name && !sp.other_pronoun)
		st->ambiguous = true;	/* "a US official said ... he added": not the last named */

	if (sp.name)
		add_source(st, sp.name, sp.kind, paragraph);
	else if (sp.role)
		add_source(st, sp.role, sp.kind, paragraph);
	/* "told Russian agencies": agencies named by the recipient */
	if (c->recipient && c->nrecipient > 0 && !nc_agency_at(c->recipient, c->nrecipient, &matched))
	{
		int			i;

		for (i = 0; i < c->nrecipient; i++)
			if (word_ieq(&c->recipient[i], "agencies") || word_ieq(&c->recipient[i], "media") ||
				word_ieq(&c->recipient[i], "agency"))
			{
				add_source(st, words_text(st->host, c->recipient, i + 1), "agency", paragraph);
				break;
			}
	}
	return sp;
}

/*
 * A person named in the writer's text: the one "he" would mean if nobody
 * else is named before the pronoun, else the pronoun becomes ambiguous.
 */
static void
person_mentioned(State *st, const char *name, const char *role)
{
	if (st->last_person == NULL)
	{
		st->last_person = name;
		st->last_role = role;
		remember_person(st, name, role);
	}
	else if (strcmp(st->last_person, name) != 0 && !surname_of(st->last_person, name))
		st->ambiguous = true;
}

/*
 * Notes the people a stretch of the writer's text names, outside the
 * words skip[0..nskip).
 */
static void
note_mentions(State *st, const NcWord *w, int n, const NcWord *skip, int nskip)
{
	int			i = 0;

	while (i < n)
	{
		int			start,
					end,
					matched = 0,
					j;
		bool		org = false;
		const NcEntityDef *def;

		if ((skip && &w[i] >= skip && &w[i] < skip + nskip) || !is_name_word(&w[i]) ||
			nc_is_title_word(w[i].text))
		{
			i++;
			continue;
		}
		def = nc_entity_dict_match(st->dict, w + i, n - i, &matched);
		if (def)
		{
			if (strcmp(def->kind, "person") == 0)
				person_mentioned(st, def->canonical, NULL);
			i += matched;
			continue;
		}
		start = end = i;
		while (end + 1 < n && !w[end].trail && !w[end].possessive && is_name_word(&w[end + 1]) &&
			   !(skip && &w[end + 1] >= skip && &w[end + 1] < skip + nskip))
			end++;
		i = end + 1;
		for (j = start; j <= end; j++)
			if (nc_is_org_word(w[j].text) || nc_is_place_word(w[j].text) || w[j].acronym ||
				nc_is_title_word(w[j].text))
				org = true;
		if (org)
			continue;
		if (end > start && end - start < 4)
		{
			char	   *name = words_text(st->host, w + start, end - start + 1);
			char	   *role = NULL;
			int			t = start;

			/* "Senator Jane Roe": the titles before the name are a role */
			while (t > 0 && nc_is_title_word(w[t - 1].text) && !w[t - 1].trail)
				t--;
			if (t < start)
				role = words_text(st->host, w + t, start - t);
			if (name == NULL || (t < start && role == NULL))
			{
				st->failed = true;
				return;
			}
			person_mentioned(st, name, role);
		}
		else if (end == start)
		{
			/* A surname alone: someone named before */
			for (j = 0; j < st->npersons; j++)
				if (surname_of(st->persons[j], w[start].text))
				{
					person_mentioned(st, st->persons[j], st->person_roles[j]);
					break;
				}
		}
	}
}

static bool
first_letter_lower(const char *s)
{
	const unsigned char *u = (const unsigned char *) s;

	while (*u && !((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') || *u >= 0x80))
		u++;
	return *u >= 'a' && *u <= 'z';
}

/* The inside of a span, trimmed. */
static char *
span_text(const NcHost *host, const char *line, const Span *sp)
{
	char	   *text = nc_collapse_space(host, line + sp->start, sp->end - sp->start);
	size_t		len;

	/* The comma before an attribution is the writer's, not the speaker's */
	if (text && (len = strlen(text)) > 0 && text[len - 1] == ',')
		text[len - 1] = '\0';
	return text;
}

/* Last byte of a span's text that is not a space. */
static char
span_last_char(const char *line, const Span *sp)
{
	size_t		e = sp->end;

	while (e > sp->start && is_space_byte((unsigned char) line[e - 1]))
		e--;
	/* An ellipsis character counts as a period */
	if (e >= sp->start + 3 && (unsigned char) line[e - 3] == 0xE2 &&
		(unsigned char) line[e - 2] == 0x80 && (unsigned char) line[e - 1] == 0xA6)
		return '.';
	/* A dash (U+2014) cuts a quote off mid-sentence, like a comma */
	if (e >= sp->start + 3 && (unsigned char) line[e - 3] == 0xE2 &&
		(unsigned char) line[e - 2] == 0x80 && (unsigned char) line[e - 1] == 0x94)
		return ',';
	return e > sp->start ? line[e - 1] : '\0';
}

static void
set_speaker(NcQuote *q, const Speaker *sp, const char *cue)
{
	q->speaker = sp->name;
	q->speaker_role = sp->role;
	q->cue = cue;
}

/*
 * Finds and resolves the attribution clause of fragment f[0..n), noting the
 * people named before its subject first and those named after it last, so
 * that "he" means what a reader would take it to mean at each point.
 */
static Speaker
read_fragment(State *st, const NcWord *f, int n, bool after_quote, int paragraph, Clause *c)
{
	Speaker		sp;
	int			s,
				e;

	memset(&sp, 0, sizeof(sp));
	*c = find_clause(f, n, after_quote);
	if (!c->found)
	{
		note_mentions(st, f, n, NULL, 0);
		return sp;
	}
	s = (int) (c->subj - f);
	e = s + c->nsubj;
	note_mentions(st, f, s, NULL, 0);
	sp = resolve_clause(st, c, paragraph);
	note_mentions(st, f + e, n - e, c->recipient, c->nrecipient);
	return sp;
}

/* Per-quote bookkeeping while a paragraph is read. */
typedef struct Pending
{
	NcQuote    *q;				/* NULL: dropped or merged */
	bool		attributed;
	bool		continued;		/* continues the previous paragraph's quote */
} Pending;

NcStatus
nc_find_quotes(const NcHost *host, const NcEntityDict *dict,
			   const char *body, size_t len, NcQuoteResult *out, NcError *err)
{
	State		st;
	size_t		pos = 0;
	int			paragraph = 0;
	NcQuote    *open_quote = NULL;	/* a quote the previous paragraph left open */
	const char *prev_para_speaker = NULL;
	const char *prev_para_role = NULL;
	bool		prev_para_quoted = false;
	bool		colon_next = false;	/* this paragraph ended "X said:" */
	Speaker		colon_sp = {0};
	const char *colon_cue = NULL;
	int			i;

	memset(&st, 0, sizeof(st));
	st.host = host;
	st.source_index.host = host;
	st.dict = dict;
	memset(out, 0, sizeof(*out));

	while (pos < len)
	{
		const char *line = body + pos;
		const char *eol = memchr(line, '\n', len - pos);
		size_t		linelen = eol ? (size_t) (eol - line) : len - pos;
		Span	   *spans;
		int			nspans,
					j;
		size_t		lead = 0;
		Pending		pend[64];
		int			npend = 0;
		const char *this_para_speaker = NULL;
		const char *this_para_role = NULL;
		bool		para_has_clause = false;
		bool		colon_before;
		Speaker		colon_prev_sp;
		const char *colon_prev_cue;

		paragraph++;
		pos += linelen + (eol ? 1 : 0);
		if (host->should_stop(host->arg))
		{
			err->status = NC_CANCELLED;
			return NC_CANCELLED;
		}
		colon_before = colon_next;
		colon_prev_sp = colon_sp;
		colon_prev_cue = colon_cue;
		colon_next = false;
		nspans = find_spans(host, line, linelen, &spans);
		if (nspans < 0)
			goto no_memory;
		if (nspans > 64)
			nspans = 64;
		while (lead < linelen && is_space_byte((unsigned char) line[lead]))
			lead++;
		if (lead == linelen)
			continue;

		/*
		 * Segment j of the writer's text runs from the end of span j-1 to
		 * the start of span j.
		 */
		for (j = 0; j <= nspans; j++)
		{
			size_t		from = (j == 0) ? 0 : spans[j - 1].after;
			size_t		to = (j == nspans) ? linelen : spans[j].open;
			NcWord	   *w = NULL;
			int			n = 0,
						first_end,
						last_start,
						k;
			Clause		post,
						pre;
			Speaker		post_sp,
						pre_sp;
			bool		post_used = false;

			if (j > 0 && !spans[j - 1].closed)
				break;
			if (to > from)
			{
				n = nc_split_words(host, line + from, to - from, &w);
				if (n < 0)
					goto no_memory;
			}
			/* Sentence fragments: the first ends at a sentence end, the last starts after one */
			first_end = n;
			for (k = 0; k < n; k++)
				if (nc_ends_sentence(&w[k]))
				{
					first_end = k + 1;
					break;
				}
			last_start = 0;
			for (k = n - 2; k >= 0; k--)
				if (nc_ends_sentence(&w[k]))
				{
					last_start = k + 1;
					break;
				}
			memset(&post, 0, sizeof(post));
			memset(&pre, 0, sizeof(pre));
			memset(&post_sp, 0, sizeof(post_sp));
			memset(&pre_sp, 0, sizeof(pre_sp));

			/* After span j-1: "..., Pentagon spokesman Peter Cook said." */
			if (j > 0 && n > 0 && npend > 0 && pend[npend - 1].q)
			{
				char		last = span_last_char(line, &spans[j - 1]);
				bool		lower_next = !w[0].cap && !w[0].acronym;

				bool		comma_after = memchr(line + from, ',', w[0].offset) != NULL;

				if (last == ',' || comma_after || (last != '.' && lower_next))
				{
					post = find_clause(w, first_end, true);
					if (post.found)
						post_sp = read_fragment(&st, w, first_end, true, paragraph, &post);
				}
				if (post.found)
				{
					post_used = true;
					para_has_clause = true;
					if (!pend[npend - 1].attributed)
					{
						set_speaker(pend[npend - 1].q, &post_sp, post.cue);
						pend[npend - 1].attributed = true;
					}
				}
			}
			/* Clauses in the writer's text that lead no quote: indirect speech */
			if (n > 0)
			{
				int			fs = post_used ? first_end : 0;

				while (fs < n)
				{
					int			fe = fs;
					Clause		c;
					Speaker		sp;

					while (fe < n && !nc_ends_sentence(&w[fe]))
						fe++;
					if (fe < n)
						fe++;
					if (fs == last_start && j < nspans)
						break;	/* the fragment before span j: handled below */
					sp = read_fragment(&st, w + fs, fe - fs, false, paragraph, &c);
					if (c.found)
					{
						para_has_clause = true;
						/* "Cook said:" closing a paragraph introduces the next one's quote */
						if (j == nspans && fe == n && w[n - 1].trail == ':')
						{
							colon_next = true;
							colon_sp = sp;
							colon_cue = c.cue;
						}
					}
					fs = fe;
				}
			}
			if (j == nspans)
				break;

			/* The fragment leading into span j */
			if (n > 0 && !(post_used && last_start < first_end))
			{
				pre_sp = read_fragment(&st, w + last_start, n - last_start, false, paragraph, &pre);
				if (pre.found)
					para_has_clause = true;
			}
			else if (post_used)
			{
				/* '"...," he said, "..."': the clause between serves both */
				pre = post;
				pre_sp = post_sp;
			}

			/* Span j itself */
			{
				bool		continued = (j == 0 && open_quote != NULL && spans[0].open == lead);
				char	   *text = span_text(host, line, &spans[j]);
				NcQuote    *q;

				if (text == NULL)
					goto no_memory;
				if (continued)
				{
					NcBuf		joined;

					nc_buf_init(&joined, host);
					nc_buf_append_str(&joined, open_quote->quote);
					nc_buf_append_char(&joined, '\n');
					nc_buf_append_str(&joined, text);
					if (joined.failed)
						goto no_memory;
					open_quote->quote = joined.data;
					q = open_quote;
					pend[npend].q = q;
					pend[npend].attributed = (q->speaker != NULL || q->cue != NULL);
					pend[npend].continued = true;
				}
				else
				{
					if (*text == '\0')
					{
						pend[npend].q = NULL;
						pend[npend].attributed = true;
						npend++;
						continue;
					}
					q = new_quote(&st);
					if (q == NULL)
						goto no_memory;
					q->quote = text;
					q->paragraph = paragraph;
					pend[npend].q = q;
					pend[npend].attributed = false;
					pend[npend].continued = false;
					/* Woven in: the writer's words run straight into the quote */
					q->partial = first_letter_lower(text) ||
						(n > last_start && w[n - 1].trail != ':' &&
						 w[n - 1].trail != ',' && !nc_ends_sentence(&w[n - 1]) &&
						 !nc_in_sorted_list(w[n - 1].text, NC_LIST(speech_verbs)));
				}
				if (!pend[npend].attributed && pre.found)
				{
					set_speaker(q, &pre_sp, pre.cue);
					pend[npend].attributed = true;
				}
				npend++;
			}
		}

		/* Quotes left without attribution */
		open_quote = NULL;
		for (j = 0; j < npend; j++)
		{
			NcQuote    *q = pend[j].q;
			bool		opens_unattributed;

			if (q == NULL)
				continue;
			/* A new quote that opens the paragraph may take an earlier speaker */
			opens_unattributed = (j == 0 && spans[0].open == lead &&
								  !pend[j].attributed && !pend[j].continued);
			if (opens_unattributed && colon_before)
			{
				set_speaker(q, &colon_prev_sp, colon_prev_cue);
				pend[j].attributed = true;
				opens_unattributed = false;
			}
			if (opens_unattributed && prev_para_quoted && prev_para_speaker && !para_has_clause)
			{
				/*
				 * A paragraph that is all quote carries on the speaker of
				 * the paragraph before, one paragraph only: further on,
				 * dialogue may have changed hands without a word.
				 */
				q->speaker = prev_para_speaker;
				q->speaker_role = prev_para_role;
				pend[j].attributed = true;
				continue;
			}
			if (q->speaker)
			{
				this_para_speaker = q->speaker;
				this_para_role = q->speaker_role;
			}
		}
		/* Scare quotes: a few words woven in with nobody speaking */
		for (j = 0; j < npend; j++)
		{
			NcQuote    *q = pend[j].q;

			if (q && !pend[j].continued && !pend[j].attributed && q->partial &&
				nc_count_words(q->quote) <= 3)
				q->quote = NULL;
		}
		if (nspans > 0 && !spans[nspans - 1].closed && npend > 0 && pend[npend - 1].q &&
			pend[npend - 1].q->quote)
		{
			open_quote = pend[npend - 1].q;
		}
		prev_para_quoted = npend > 0 && this_para_speaker != NULL;
		prev_para_speaker = this_para_speaker;
		prev_para_role = this_para_role;
		if (st.failed)
			goto no_memory;
	}

	/* Drop the scare quotes, keep the order */
	{
		int			kept = 0;

		for (i = 0; i < st.nquotes; i++)
			if (st.quotes[i].quote)
				st.quotes[kept++] = st.quotes[i];
		st.nquotes = kept;
	}

	/* Agencies named anywhere in the writer's text: "(AFP)", "told AFP" */
	pos = 0;
	paragraph = 0;
	while (pos < len)
	{
		const char *line = body + pos;
		const char *eol = memchr(line, '\n', len - pos);
		size_t		linelen = eol ? (size_t) (eol - line) : len - pos;
		NcWord	   *w;
		int			n = nc_split_words(host, line, linelen, &w),
					k = 0;

		paragraph++;
		pos += linelen + (eol ? 1 : 0);
		if (n < 0)
			goto no_memory;
		while (k < n)
		{
			int			matched = 0;
			const char *agency = nc_agency_at(w + k, n - k, &matched);

			if (agency)
			{
				add_source(&st, agency, "agency", paragraph);
				k += matched;
			}
			else
				k++;
		}
	}
	if (st.failed)
		goto no_memory;
	out->nquotes = st.nquotes;
	out->quotes = st.quotes;
	out->nsources = st.nsources;
	out->sources = st.sources;
	return NC_OK;

no_memory:
	err->status = NC_NO_MEMORY;
	strcpy(err->detail, "The quote analysis ran out of memory.");
	return NC_NO_MEMORY;
}
