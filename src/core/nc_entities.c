/*
 * src/core/nc_entities.c
 *		The entity list, word splitting for analysis, and news.entities:
 *		people, organisations and places a body mentions.
 *
 * Evidence for an entity, strongest first: a variant from the entity list
 * (pg_news_entities.tsv), a capitalised word sequence (titles such as
 * "President" make it a person, words such as "Ministry" an organisation,
 * "in"/"at" before a single word a place), an acronym.  A lone capitalised
 * word that only ever opens a sentence is not taken: "Tactical" in a
 * heading is not a name.  A surname alone ("Putin") counts towards the full
 * name mentioned elsewhere in the body ("Vladimir Putin").
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "nc_internal.h"

/* Sorted word lists, searched with bsearch. */
static const char *const cap_stopwords[] = {
	"A", "About", "According", "After", "Afterwards", "Again", "Against", "All", "Also",
	"Although", "Among", "An", "And", "Another", "Any", "Apr", "April", "Are", "As", "At",
	"Aug", "August", "Because", "Before", "Being", "Between", "Both", "But", "By", "Can",
	"Could", "Dec", "December", "Despite", "Did", "Do", "During", "Each", "Earlier",
	"Either", "Even", "Every", "Feb", "February", "Few", "Finally", "First", "For",
	"Friday", "From", "Further", "He", "Her", "Here", "His", "How", "However", "I", "If",
	"In", "Instead", "Is", "It", "Its", "Jan", "January", "Jul", "July", "Jun", "June",
	"Just", "Last", "Later", "Many", "Mar", "March", "Meanwhile", "Monday", "More",
	"Moreover", "Most", "Much", "My", "Neither", "Never", "Next", "No", "Nor", "Not",
	"Nov", "November", "Now", "Oct", "October", "Of", "On", "Once", "One", "Only", "Or",
	"Other", "Our", "Over", "Saturday", "Sep", "Sept", "September", "She", "Since", "So",
	"Some", "Still", "Such", "Sunday", "That", "The", "Their", "Then", "There", "These",
	"They", "This", "Those", "Though", "Through", "Thursday", "To", "Today", "Tomorrow",
	"Tuesday", "Two", "Under", "Unlike", "Until", "Upon", "We", "Wednesday", "What",
	"When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Within",
	"Without", "Yes", "Yesterday", "Yet", "You", "Your"
};

static const char *const title_words[] = {
	"Adm", "Adm.", "Admiral", "Ambassador", "Archbishop", "Attorney", "Bishop", "Brig",
	"Capt", "Capt.", "Captain", "Cardinal", "Chair", "Chairman", "Chairperson",
	"Chairwoman", "Chancellor", "Chief", "Coach", "Col", "Col.", "Colonel", "Commander",
	"Commissioner", "Congressman", "Congresswoman", "Councillor", "Defence", "Defense",
	"Deputy", "Director", "Dr", "Dr.", "Emir", "Father", "Finance", "Foreign", "Gen",
	"Gen.", "General", "Gov", "Gov.", "Governor", "Health", "Home", "Interior", "Judge",
	"Justice", "King", "Lady", "Lieutenant", "Lord", "Lt", "Lt.", "Maj", "Maj.", "Major",
	"Mayor", "Minister", "Miss", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Pope",
	"Premier", "President", "Prime", "Prince", "Princess", "Prof", "Prof.", "Professor",
	"Queen", "Rabbi", "Rep", "Rep.", "Representative", "Rev", "Rev.", "Secretary",
	"Secretary-General", "Sen", "Sen.", "Senator", "Sergeant", "Sgt", "Sgt.", "Sheikh",
	"Sir", "Speaker", "Spokesman", "Spokesperson", "Spokeswoman", "State", "Sultan",
	"Vice"
};

static const char *const org_words[] = {
	"Agency", "Airlines", "Army", "Assembly", "Association", "Authority", "Bank", "Board",
	"Bureau", "Cabinet", "Center", "Centre", "Church", "Club", "College", "Command",
	"Commission", "Committee", "Company", "Congress", "Corp", "Corp.", "Corporation",
	"Council", "Court", "Department", "Force", "Forces", "Foundation", "Front", "Fund",
	"Government", "Group", "Guard", "Inc", "Inc.", "Institute", "League", "Ltd", "Ltd.",
	"Media", "Ministry", "Movement", "Navy", "News", "Office", "Organisation",
	"Organization", "Parliament", "Party", "Pentagon", "Police", "Post", "Senate",
	"Service", "Services", "Society", "State", "Times", "Tribunal", "Union", "University"
};

static const char *const place_words[] = {
	"Arabia", "City", "County", "District", "Emirates", "Island", "Islands", "Kingdom",
	"Mountains", "New", "North", "Ocean", "Province", "Republic", "River", "Sea", "South",
	"States", "Street", "Valley"
};

static const char *const abbreviations[] = {
	"Adm", "Capt", "Co", "Col", "Corp", "Dr", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd",
	"Maj", "Mr", "Mrs", "Ms", "Mt", "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St",
	"vs"
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}


bool
nc_is_cap_stopword(const char *w)
{
	return nc_in_sorted_list(w, NC_LIST(cap_stopwords));
}

bool
nc_is_title_word(const char *w)
{
	return nc_in_sorted_list(w, NC_LIST(title_words));
}

bool
nc_is_org_word(const char *w)
{
	return nc_in_sorted_list(w, NC_LIST(org_words));
}

bool
nc_is_place_word(const char *w)
{
	return nc_in_sorted_list(w, NC_LIST(place_words));
}

bool
nc_is_abbreviation(const char *w)
{
	size_t		len = strlen(w);
	char		buf[16];

	/* Initials ("J.") and dotted acronyms ("U.S.") */
	if (len == 1 && w[0] >= 'A' && w[0] <= 'Z')
		return true;
	if (len >= 2 && strchr(w, '.') != NULL)
		return true;
	if (len >= sizeof(buf))
		return false;
	memcpy(buf, w, len + 1);
	if (len > 0 && buf[len - 1] == '.')
		buf[len - 1] = '\0';
	return nc_in_sorted_list(buf, NC_LIST(abbreviations));
}

/* ---------------------------------------------------------------------
 * Words
 * ---------------------------------------------------------------------
 */

static bool
cp_is_upper(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return true;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return true;
	if (c >= 0x100 && c <= 0x17F)
		return (c % 2) == 0;
	if (c >= 0x391 && c <= 0x3A9)
		return true;
	if (c >= 0x400 && c <= 0x42F)
		return true;
	return false;
}

/* Length of a word separator at s: a space, or an en or em dash. */
static size_t
space_at(const unsigned char *s, size_t left)
{
	if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94))
		return 3;
	return nc_space_length(s, left);
}

/* Length of edge punctuation at s: quotes, brackets, sentence marks. */
static size_t
edge_punct_at(const unsigned char *s, size_t left)
{
	if (strchr("\"'()[]{},.;:!?*", *s) != NULL && *s != '\0')
		return 1;
	/* U+2018..U+201F quotes, U+00AB/U+00BB guillemets, U+2026 ellipsis */
	if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
		((s[2] >= 0x98 && s[2] <= 0x9F) || s[2] == 0xA6))
		return 3;
	if (left >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB))
		return 2;
	return 0;
}

/* Length of edge punctuation ending at s + len: the marks edge_punct_at knows. */
static size_t
trailing_punct(const unsigned char *s, size_t len)
{
	static const size_t lengths[] = {1, 3, 2};
	size_t		i;

	for (i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++)
		if (len >= lengths[i] && edge_punct_at(s + len - lengths[i], lengths[i]) == lengths[i])
			return lengths[i];
	return 0;
}

static void
classify_word(NcWord *w)
{
	const unsigned char *t = (const unsigned char *) w->text;
	size_t		len = strlen(w->text);
	uint32_t	c;
	int			upper = 0,
				lower = 0;
	size_t		i;

	nc_utf8_decode(t, len, &c);
	w->cap = cp_is_upper(c);
	/* "al-Assad", "bin Salman"'s particles count with the name they join */
	if (!w->cap && len > 3 && (strncmp(w->text, "al-", 3) == 0 || strncmp(w->text, "el-", 3) == 0))
	{
		nc_utf8_decode(t + 3, len - 3, &c);
		w->cap = cp_is_upper(c);
	}
	for (i = 0; i < len; i++)
	{
		if (t[i] >= 'A' && t[i] <= 'Z')
			upper++;
		else if ((t[i] >= 'a' && t[i] <= 'z') || t[i] >= 0x80)
			lower++;
	}
	w->acronym = upper >= 2 && lower == 0;
}

int
nc_split_words(const NcHost *host, const char *s, size_t len, NcWord **out)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		i = 0;
	int			n = 0,
				cap = 16;
	NcWord	   *words = nc_alloc(host, sizeof(NcWord) * cap);

	if (words == NULL)
		return -1;
	while (i < len)
	{
		size_t		sp = space_at(u + i, len - i);
		size_t		start,
					end,
					core_start,
					core_end;
		char		trail = 0;
		bool		possessive = false;
		size_t		k;

		if (sp)
		{
			i += sp;
			continue;
		}
		start = i;
		while (i < len && space_at(u + i, len - i) == 0)
			i++;
		end = i;
		core_start = start;
		while (core_start < end && (k = edge_punct_at(u + core_start, end - core_start)) > 0)
			core_start += k;
		core_end = end;
		while (core_end > core_start && (k = trailing_punct(u + core_start, core_end - core_start)) > 0)
		{
			char		p = (char) u[core_end - 1];

			if (k == 1 && strchr(",.;:!?", p) != NULL)
				trail = p;
			else if (k == 3 && u[core_end - 1] == 0xA6)
				trail = '.';
			core_end -= k;
		}
		if (core_end <= core_start)
			continue;
		/* Possessives: "Russia's", "Russia’s", "States’" */
		if (core_end - core_start > 2 && u[core_end - 1] == 's' && u[core_end - 2] == '\'')
			core_end -= 2, possessive = true;
		else if (core_end - core_start > 4 && u[core_end - 1] == 's' &&
				 u[core_end - 4] == 0xE2 && u[core_end - 3] == 0x80 && u[core_end - 2] == 0x99)
			core_end -= 4, possessive = true;
		if (!nc_reserve(host, (void **) &words, &cap, n, sizeof(NcWord)))
			return -1;
		words[n].text = nc_strndup(host, s + core_start, core_end - core_start);
		if (words[n].text == NULL)
			return -1;
		words[n].offset = core_start;
		words[n].end = end;
		words[n].possessive = possessive;
		/* Keep the period of "U.S." and of an initial "J." with the word */
		if (trail == '.' && (strchr(words[n].text, '.') != NULL ||
							 (core_end - core_start == 1 && u[core_start] >= 'A' && u[core_start] <= 'Z')))
		{
			words[n].text = nc_strndup(host, s + core_start, core_end - core_start + 1);
			if (words[n].text == NULL)
				return -1;
			/* A dotted acronym at the end of a sentence still ends it */
			trail = (end - core_end >= 2 && u[core_end + 1] == '.') ? '.' : 0;
		}
		words[n].trail = trail;
		classify_word(&words[n]);
		n++;
	}
	*out = words;
	return n;
}

/* ---------------------------------------------------------------------
 * The entity list
 * ---------------------------------------------------------------------
 */

static const char *
known_kind(const char *s, size_t len)
{
	static const char *const kinds[] = {"group", "organisation", "person", "place"};
	size_t		i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strlen(kinds[i]) == len && memcmp(kinds[i], s, len) == 0)
			return kinds[i];
	return NULL;
}

static int
key_words(const char *key)
{
	int			n = 1;

	for (; *key; key++)
		if (*key == ' ')
			n++;
	return n;
}

typedef struct KeyRef
{
	const char *key;
	const NcEntityDef *def;
} KeyRef;

static int
cmp_keyref(const void *a, const void *b)
{
	return strcmp(((const KeyRef *) a)->key, ((const KeyRef *) b)->key);
}

NcStatus
nc_entity_dict_parse(const NcHost *host, const char *text, size_t len,
					 NcEntityDict *out, int *bad_lines)
{
	size_t		pos = 0;
	int			lines = 1,
				n = 0,
				nkeys = 0,
				i,
				j;
	size_t		k;
	KeyRef	   *refs;

	memset(out, 0, sizeof(*out));
	*bad_lines = 0;
	for (k = 0; k < len; k++)
		if (text[k] == '\n')
			lines++;
	out->items = nc_alloc(host, sizeof(NcEntityDef) * lines);
	if (out->items == NULL)
		return NC_NO_MEMORY;

	while (pos < len)
	{
		const char *line = text + pos;
		const char *eol = memchr(line, '\n', len - pos);
		size_t		linelen = eol ? (size_t) (eol - line) : len - pos;
		const char *tab1,
				   *tab2,
				   *kind;
		NcEntityDef *def;
		char	   *variants;
		char	   *v;
		int			nv = 2;

		pos += linelen + (eol ? 1 : 0);
		while (linelen > 0 && (line[linelen - 1] == '\r' || line[linelen - 1] == ' '))
			linelen--;
		if (linelen == 0 || line[0] == '#')
			continue;
		tab1 = memchr(line, '\t', linelen);
		tab2 = tab1 ? memchr(tab1 + 1, '\t', linelen - (tab1 + 1 - line)) : NULL;
		kind = tab1 ? known_kind(line, tab1 - line) : NULL;
		if (kind == NULL || tab1 + 1 == (tab2 ? tab2 : line + linelen))
		{
			(*bad_lines)++;
			continue;
		}
		def = &out->items[n];
		def->kind = kind;
		def->canonical = nc_strndup(host, tab1 + 1,
									(tab2 ? tab2 : line + linelen) - (tab1 + 1));
		variants = tab2 ? nc_strndup(host, tab2 + 1, line + linelen - (tab2 + 1)) : NULL;
		if (def->canonical == NULL || (tab2 && variants == NULL))
			return NC_NO_MEMORY;
		for (v = variants; v && *v; v++)
			if (*v == '|')
				nv++;
		def->variants = nc_alloc(host, sizeof(char *) * nv);
		if (def->variants == NULL)
			return NC_NO_MEMORY;
		def->variants[0] = def->canonical;
		def->nvariants = 1;
		for (v = variants; v && *v;)
		{
			char	   *bar = strchr(v, '|');

			if (bar)
				*bar = '\0';
			if (*v)
				def->variants[def->nvariants++] = v;
			v = bar ? bar + 1 : v + strlen(v);
		}
		nkeys += def->nvariants;
		n++;
	}
	out->count = n;

	refs = nc_alloc(host, sizeof(KeyRef) * (nkeys + 1));
	out->keys = nc_alloc(host, sizeof(char *) * (nkeys + 1));
	out->key_defs = nc_alloc(host, sizeof(NcEntityDef *) * (nkeys + 1));
	if (refs == NULL || out->keys == NULL || out->key_defs == NULL)
		return NC_NO_MEMORY;
	nkeys = 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < out->items[i].nvariants; j++)
		{
			int			words = key_words(out->items[i].variants[j]);

			refs[nkeys].key = out->items[i].variants[j];
			refs[nkeys].def = &out->items[i];
			if (words > out->max_key_words)
				out->max_key_words = words;
			nkeys++;
		}
	qsort(refs, nkeys, sizeof(KeyRef), cmp_keyref);
	for (i = 0; i < nkeys; i++)
	{
		out->keys[i] = refs[i].key;
		out->key_defs[i] = refs[i].def;
	}
	out->nkeys = nkeys;
	return NC_OK;
}

/* Writes words w[0..n) joined by single spaces into buf; false when it does not fit. */
static bool
join_words(const NcWord *w, int n, char *buf, size_t size)
{
	size_t		used = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		size_t		len = strlen(w[i].text);

		if (used + len + 2 > size)
			return false;
		if (i > 0)
			buf[used++] = ' ';
		memcpy(buf + used, w[i].text, len);
		used += len;
	}
	buf[used] = '\0';
	return true;
}

const NcEntityDef *
nc_entity_dict_match(const NcEntityDict *dict, const NcWord *w, int n, int *nwords)
{
	char		buf[256];
	int			len;

	if (dict == NULL || dict->nkeys == 0)
		return NULL;
	for (len = (n < dict->max_key_words ? n : dict->max_key_words); len >= 1; len--)
	{
		const char *key = buf;
		const char **hit;
		int			i;

		/* A name does not run on across a comma or a possessive */
		for (i = 0; i < len - 1; i++)
			if (w[i].trail || w[i].possessive)
				break;
		if (i < len - 1)
			continue;
		if (!join_words(w, len, buf, sizeof(buf)))
			continue;
		hit = bsearch(&key, dict->keys, dict->nkeys, sizeof(char *), cmp_str);
		if (hit)
		{
			*nwords = len;
			return dict->key_defs[hit - dict->keys];
		}
	}
	return NULL;
}

const char *
nc_agency_at(const NcWord *w, int n, int *nwords)
{
	char		buf[128];
	int			len;
	const char *name;

	for (len = (n < 4 ? n : 4); len >= 1; len--)
	{
		if (!join_words(w, len, buf, sizeof(buf)))
			continue;
		if ((name = nc_agency_exact(buf, strlen(buf))) != NULL)
		{
			*nwords = len;
			return name;
		}
	}
	return NULL;
}

/* ---------------------------------------------------------------------
 * String index
 * ---------------------------------------------------------------------
 */

static uint32_t
hash_str(const char *s)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h;
}

static const char *
key_at(const void *items, size_t stride, size_t key_offset, int idx)
{
	return *(const char *const *) ((const char *) items + stride * idx + key_offset);
}

int
nc_index_find(NcIndex *ix, const char *key, const void *items, size_t stride, size_t key_offset)
{
	uint32_t	pos;

	if (ix->cap == 0)
		return -1;
	for (pos = hash_str(key) & (ix->cap - 1); ix->slots[pos] != 0; pos = (pos + 1) & (ix->cap - 1))
		if (strcmp(key_at(items, stride, key_offset, ix->slots[pos] - 1), key) == 0)
			return ix->slots[pos] - 1;
	return -1;
}

static void
index_put(NcIndex *ix, int idx, const char *key)
{
	uint32_t	pos;

	for (pos = hash_str(key) & (ix->cap - 1); ix->slots[pos] != 0; pos = (pos + 1) & (ix->cap - 1))
		;
	ix->slots[pos] = idx + 1;
}

bool
nc_index_add(NcIndex *ix, int idx, const void *items, size_t stride, size_t key_offset)
{
	/* Keep the load under one half; item indexes are dense, so rebuild from items */
	if ((idx + 1) * 2 > ix->cap)
	{
		int			cap = ix->cap ? ix->cap : 64;
		int			i;

		while ((idx + 1) * 2 > cap)
			cap *= 2;
		ix->slots = nc_alloc(ix->host, sizeof(int) * cap);
		if (ix->slots == NULL)
		{
			ix->failed = true;
			ix->cap = 0;
			return false;
		}
		memset(ix->slots, 0, sizeof(int) * cap);
		ix->cap = cap;
		for (i = 0; i < idx; i++)
			index_put(ix, i, key_at(items, stride, key_offset, i));
	}
	index_put(ix, idx, key_at(items, stride, key_offset, idx));
	return true;
}

/* ---------------------------------------------------------------------
 * news.entities
 * ---------------------------------------------------------------------
 */

typedef struct Found
{
	const char *entity;
	const char *kind;
	int			mentions;
	int			first_offset;
	bool		from_dict;
	bool		only_initial;	/* every mention opened a sentence */
	bool		single;			/* one word, not an acronym */
} Found;

typedef struct Collector
{
	const NcHost *host;
	NcIndex		index;
	Found	   *items;
	int			count;
	int			cap;
	bool		failed;
} Collector;

static Found *
collect(Collector *c, const char *entity, const char *kind, int offset)
{
	int			i = nc_index_find(&c->index, entity, c->items, sizeof(Found),
								  offsetof(Found, entity));

	if (i >= 0)
	{
		c->items[i].mentions++;
		/* Stronger evidence of kind wins over 'unknown' */
		if (strcmp(c->items[i].kind, "unknown") == 0)
			c->items[i].kind = kind;
		return &c->items[i];
	}
	if (!nc_reserve(c->host, (void **) &c->items, &c->cap, c->count, sizeof(Found)))
	{
		c->failed = true;
		return NULL;
	}
	i = c->count++;
	c->items[i].entity = nc_strdup(c->host, entity);
	if (c->items[i].entity == NULL)
	{
		c->failed = true;
		c->count--;
		return NULL;
	}
	c->items[i].kind = kind;
	c->items[i].mentions = 1;
	c->items[i].first_offset = offset;
	c->items[i].from_dict = false;
	c->items[i].only_initial = true;
	c->items[i].single = false;
	if (!nc_index_add(&c->index, i, c->items, sizeof(Found), offsetof(Found, entity)))
	{
		c->failed = true;
		return NULL;
	}
	return &c->items[i];
}

bool
nc_ends_sentence(const NcWord *w)
{
	return (w->trail == '.' || w->trail == '!' || w->trail == '?') && !nc_is_abbreviation(w->text);
}

static bool
is_connector(const char *w)
{
	return strcmp(w, "of") == 0 || strcmp(w, "de") == 0 || strcmp(w, "bin") == 0 ||
		strcmp(w, "van") == 0 || strcmp(w, "von") == 0 || strcmp(w, "al") == 0 ||
		strcmp(w, "da") == 0 || strcmp(w, "la") == 0 || strcmp(w, "and") == 0;
}

/* Demonyms and adjectives of nationality: "Russian", "Turkish", "Chinese". */
static bool
looks_demonym(const char *w)
{
	size_t		len = strlen(w);

	return len > 4 && (strcmp(w + len - 3, "ian") == 0 || strcmp(w + len - 3, "ean") == 0 ||
					   strcmp(w + len - 3, "ese") == 0 || strcmp(w + len - 3, "ish") == 0 ||
					   strcmp(w + len - 4, "ians") == 0 || strcmp(w + len - 4, "eans") == 0);
}

static bool
is_place_preposition(const char *w)
{
	return strcmp(w, "in") == 0 || strcmp(w, "at") == 0 || strcmp(w, "near") == 0 ||
		strcmp(w, "from") == 0 || strcmp(w, "across") == 0 || strcmp(w, "to") == 0;
}

/* Guesses a kind for a capitalised sequence w[0..n) the list does not know. */
static const char *
guess_kind(const NcWord *w, int n, bool titled, const NcWord *before)
{
	int			i,
				caps = 0;

	for (i = 0; i < n; i++)
		if (nc_is_org_word(w[i].text))
			return "organisation";
	for (i = 0; i < n; i++)
		if (nc_is_place_word(w[i].text))
			return "place";
	if (titled)
		return "person";
	if (nc_agency_at(w, n, &i) && i == n)
		return "organisation";
	if (n == 1 && w[0].acronym)
		return "unknown";
	if (n == 1 && looks_demonym(w[0].text))
		return "group";
	if (n == 1 && before && is_place_preposition(before->text))
		return "place";
	for (i = 0; i < n; i++)
		if (w[i].cap && !w[i].acronym)
			caps++;
	if (n >= 2 && n <= 4 && caps >= 2 && !(before && strcmp(before->text, "the") == 0))
		return "person";
	return "unknown";
}

typedef struct Surname
{
	const char *key;
	int			item;			/* the Found with the full name */
} Surname;

static int
cmp_found(const void *a, const void *b)
{
	const Found *x = a,
			   *y = b;

	if (x->mentions != y->mentions)
		return y->mentions - x->mentions;
	return x->first_offset - y->first_offset;
}

NcStatus
nc_find_entities(const NcHost *host, const NcEntityDict *dict,
				 const char *body, size_t len, NcEntityResult *out, NcError *err)
{
	Collector	c;
	size_t		pos = 0;
	int			i,
				j,
				kept = 0;

	memset(&c, 0, sizeof(c));
	c.host = host;
	c.index.host = host;
	out->count = 0;
	out->items = NULL;

	while (pos < len)
	{
		const char *line = body + pos;
		const char *eol = memchr(line, '\n', len - pos);
		size_t		linelen = eol ? (size_t) (eol - line) : len - pos;
		NcWord	   *w;
		int			n = nc_split_words(host, line, linelen, &w);
		bool		sentence_start = true;

		if (n < 0)
			goto no_memory;
		if (host->should_stop(host->arg))
		{
			err->status = NC_CANCELLED;
			return NC_CANCELLED;
		}
		i = 0;
		while (i < n)
		{
			int			matched = 0;
			const NcEntityDef *def;
			bool		initial = sentence_start;
			Found	   *f;

			/* "The" before "US": the list is consulted from the word after */
			if (w[i].cap && nc_is_cap_stopword(w[i].text) && !w[i].trail)
			{
				sentence_start = false;
				i++;
				continue;
			}
			def = nc_entity_dict_match(dict, w + i, n - i, &matched);
			if (def)
			{
				f = collect(&c, def->canonical, def->kind, (int) (pos + w[i].offset));
				if (f)
				{
					f->from_dict = true;
					f->kind = def->kind;
				}
				i += matched;
				sentence_start = nc_ends_sentence(&w[i - 1]);
				continue;
			}
			if (w[i].cap || w[i].acronym)
			{
				int			start = i,
							end = i;
				bool		titled = false;
				char		buf[512];

				/* The capitalised run: w[start..end] */
				while (end < n)
				{
					if (w[end].trail || w[end].possessive)
						break;
					if (end + 1 < n && w[end + 1].cap)
						end++;
					else if (end + 2 < n && is_connector(w[end + 1].text) && w[end + 2].cap &&
							 strcmp(w[end + 1].text, "and") != 0)
						end += 2;
					else
						break;
				}
				i = end + 1;
				/* Leading function words and titles are not part of the name */
				while (start <= end && (nc_is_cap_stopword(w[start].text) ||
										is_connector(w[start].text) ||
										(nc_is_title_word(w[start].text) && start < end &&
										 !nc_is_org_word(w[end].text))))
				{
					if (nc_is_title_word(w[start].text))
						titled = true;
					start++;
					initial = false;
				}
				while (end >= start && (is_connector(w[end].text) || nc_is_cap_stopword(w[end].text)))
					end--;
				/* "Trade Minister Arun Rao": the name starts after the last title */
				if (start < end && !nc_is_org_word(w[end].text))
				{
					int			k;

					for (k = end - 1; k >= start; k--)
						if (nc_is_title_word(w[k].text))
						{
							start = k + 1;
							titled = true;
							initial = false;
							break;
						}
				}
				if (start <= end && join_words(w + start, end - start + 1, buf, sizeof(buf)) &&
					!(start == end && nc_is_title_word(w[start].text) && !w[start].acronym))
				{
					const char *kind = guess_kind(w + start, end - start + 1, titled,
												  start > 0 ? &w[start - 1] : NULL);

					f = collect(&c, buf, kind, (int) (pos + w[start].offset));
					if (f)
					{
						if (!initial)
							f->only_initial = false;
						f->single = (start == end && !w[start].acronym);
					}
				}
				sentence_start = nc_ends_sentence(&w[i - 1]);
				continue;
			}
			sentence_start = nc_ends_sentence(&w[i]);
			i++;
		}
		if (c.failed)
			goto no_memory;
		pos += linelen + (eol ? 1 : 0);
	}

	/* A surname alone counts towards the full name given elsewhere */
	{
		Surname    *sur = nc_alloc(host, sizeof(Surname) * (2 * c.count + 1));
		NcIndex		six;
		int			nsur = 0;

		if (sur == NULL)
			goto no_memory;
		memset(&six, 0, sizeof(six));
		six.host = host;
		for (j = 0; j < c.count; j++)
		{
			const char *full = c.items[j].entity;
			const char *last = strrchr(full, ' ');

			if (last == NULL || strcmp(c.items[j].kind, "person") != 0)
				continue;
			last++;
			/* "Bashar al-Assad" is "al-Assad" and "Assad" */
			for (i = 0; i < 2; i++)
			{
				if (i == 1)
				{
					if (strncmp(last, "al-", 3) != 0 && strncmp(last, "el-", 3) != 0)
						break;
					last += 3;
				}
				if (nc_index_find(&six, last, sur, sizeof(Surname), offsetof(Surname, key)) >= 0)
					continue;	/* the first full name keeps it */
				sur[nsur].key = last;
				sur[nsur].item = j;
				if (!nc_index_add(&six, nsur, sur, sizeof(Surname), offsetof(Surname, key)))
					goto no_memory;
				nsur++;
			}
		}
		for (i = 0; i < c.count; i++)
		{
			Found	   *single = &c.items[i];
			Found	   *full;

			if (!single->single || single->from_dict)
				continue;
			j = nc_index_find(&six, single->entity, sur, sizeof(Surname), offsetof(Surname, key));
			if (j < 0 || sur[j].item == i)
				continue;
			full = &c.items[sur[j].item];
			full->mentions += single->mentions;
			if (single->first_offset < full->first_offset)
				full->first_offset = single->first_offset;
			single->mentions = 0;
		}
	}
	for (i = 0; i < c.count; i++)
	{
		Found	   *f = &c.items[i];

		/* A lone word seen only at sentence starts is no evidence of a name */
		if (f->mentions == 0 || (f->single && f->only_initial && !f->from_dict))
			continue;
		c.items[kept++] = *f;
	}
	if (kept > 1)
		qsort(c.items, kept, sizeof(Found), cmp_found);
	out->items = nc_alloc(host, sizeof(NcEntity) * (kept + 1));
	if (out->items == NULL)
		goto no_memory;
	for (i = 0; i < kept; i++)
	{
		out->items[i].entity = c.items[i].entity;
		out->items[i].kind = c.items[i].kind;
		out->items[i].mentions = c.items[i].mentions;
		out->items[i].first_offset = c.items[i].first_offset;
	}
	out->count = kept;
	return NC_OK;

no_memory:
	err->status = NC_NO_MEMORY;
	strcpy(err->detail, "The analysis of the body ran out of memory.");
	return NC_NO_MEMORY;
}
