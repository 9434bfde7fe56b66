/*
 * src/core/nc_dateline.c
 *		Datelines of lead paragraphs ("WASHINGTON (Reuters) -") and the
 *		news agencies bylines and credit lines name.
 *
 * A dateline is a place (capitalised words, optionally ", Region"), then
 * optionally a date ("Sept 19") and an agency in parentheses, then a
 * separator (":" or a dash).  A place printed in capitals needs only the
 * separator; a place in ordinary case ("Mumbai") also needs a date or an
 * agency, so that "Update: ..." or "Analysis -" is not taken for a place.
 */
#include <string.h>

#include "nc_internal.h"

typedef struct Agency
{
	const char *name;			/* as printed */
	const char *shortname;		/* what nc_agency_name returns */
	bool		exact_case;		/* short acronyms: "AP" but not "ap" */
} Agency;

/* Longer names first, so "Associated Press of Pakistan" wins over "Associated Press". */
static const Agency agencies[] = {
	{"Associated Press of Pakistan", "APP", false},
	{"Agence France-Presse", "AFP", false},
	{"Agence France Presse", "AFP", false},
	{"Agence France-Press", "AFP", false},
	{"Thomson Reuters", "Reuters", false},
	{"Associated Press", "AP", false},
	{"Press Trust of India", "PTI", false},
	{"Indo-Asian News Service", "IANS", false},
	{"Indo Asian News Service", "IANS", false},
	{"Asian News International", "ANI", false},
	{"United News of India", "UNI", false},
	{"Deutsche Presse-Agentur", "dpa", false},
	{"Australian Associated Press", "AAP", false},
	{"United Press International", "UPI", false},
	{"Canadian Press", "The Canadian Press", false},
	{"Press Association", "PA", false},
	{"PA Media", "PA", false},
	{"Anadolu Agency", "Anadolu", false},
	{"Anadolu", "Anadolu", false},
	{"RIA Novosti", "RIA Novosti", false},
	{"Interfax", "Interfax", false},
	{"Bloomberg", "Bloomberg", false},
	{"Reuters", "Reuters", false},
	{"Xinhua", "Xinhua", false},
	{"Kyodo", "Kyodo", false},
	{"Yonhap", "Yonhap", false},
	{"ANSA", "ANSA", true},
	{"TASS", "TASS", true},
	{"IANS", "IANS", true},
	{"AFP", "AFP", true},
	{"PTI", "PTI", true},
	{"ANI", "ANI", true},
	{"UNI", "UNI", true},
	{"APP", "APP", true},
	{"AAP", "AAP", true},
	{"UPI", "UPI", true},
	{"EFE", "EFE", true},
	{"dpa", "dpa", true},
	{"DPA", "dpa", true},
	{"AP", "AP", true},
	{"PA", "PA", true},
	{NULL, NULL, false}
};

static bool
is_alnum_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool
match_at(const char *s, const char *name, size_t n, bool exact_case)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		char		a = s[i],
					b = name[i];

		if (!exact_case)
		{
			if (a >= 'A' && a <= 'Z')
				a += 32;
			if (b >= 'A' && b <= 'Z')
				b += 32;
		}
		if (a != b)
			return false;
	}
	return true;
}

/* Finds agency names as whole words; the earliest in the text wins. */
const char *
nc_agency_name(const char *text, size_t len)
{
	const char *best = NULL;
	size_t		best_pos = len;
	const Agency *a;

	if (text == NULL)
		return NULL;
	for (a = agencies; a->name; a++)
	{
		size_t		n = strlen(a->name);
		size_t		i;

		if (n > len)
			continue;
		for (i = 0; i + n <= len && i < best_pos; i++)
		{
			if ((i == 0 || !is_alnum_byte((unsigned char) text[i - 1])) &&
				(i + n == len || !is_alnum_byte((unsigned char) text[i + n])) &&
				match_at(text + i, a->name, n, a->exact_case))
			{
				/* "AP" in "AP Photo" is the agency too; in "AP Style" as well. */
				best = a->shortname;
				best_pos = i;
				break;
			}
		}
	}
	return best;
}

const char *
nc_agency_exact(const char *text, size_t len)
{
	const Agency *a;

	for (a = agencies; a->name; a++)
		if (strlen(a->name) == len && match_at(text, a->name, len, a->exact_case))
			return a->shortname;
	return NULL;
}

/* Skips white space as nc_space_length knows it (no-break and typographic spaces too). */
static size_t
skip_space(const char *s, size_t len, size_t i)
{
	size_t		n;

	while (i < len && (n = nc_space_length((const unsigned char *) s + i, len - i)) > 0)
		i += n;
	return i;
}

/* Length of a dash separator at i ("-", "--", en dash, em dash), or 0. */
static size_t
dash_at(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *) s;

	if (i < len && s[i] == '-')
		return (i + 1 < len && s[i + 1] == '-') ? 2 : 1;
	if (i + 2 < len && u[i] == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0x93 || u[i + 2] == 0x94))
		return 3;
	return 0;
}

/*
 * Reads capitalised words at i: "NEW DELHI", "Mumbai", "KYIV".  Returns the
 * end, and whether every letter was a capital.
 */
static size_t
read_place_words(const char *s, size_t len, size_t i, int *words, bool *all_caps)
{
	size_t		end = i;

	*words = 0;
	*all_caps = true;
	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];
		size_t		j = i;
		bool		lower = false;

		if (!((c >= 'A' && c <= 'Z') || c >= 0xC0))
			break;
		/* A word: letters, dots (ST. LOUIS), apostrophes and hyphens. */
		while (j < len)
		{
			unsigned char d = (unsigned char) s[j];

			if ((d >= 'a' && d <= 'z'))
				lower = true;
			else if (!((d >= 'A' && d <= 'Z') || d >= 0x80 || d == '.' || d == '\'' || d == '-'))
				break;
			/* A dash with spaces around is the separator, not part of a name. */
			if (d == '-' && (j + 1 >= len || s[j + 1] == ' '))
				break;
			if (d >= 0x80 && dash_at(s, len, j))
				break;
			j++;
		}
		if (j == i)
			break;
		if (lower)
			*all_caps = false;
		(*words)++;
		end = j;
		if (*words > 4)
			return 0;
		i = j;
		if (i < len && s[i] == ' ' && i + 1 < len &&
			(((unsigned char) s[i + 1] >= 'A' && (unsigned char) s[i + 1] <= 'Z') ||
			 (unsigned char) s[i + 1] >= 0xC0))
			i++;
		else
			break;
	}
	return end;
}

bool
nc_parse_dateline(const NcHost *host, const char *text, size_t len, NcDateline *out)
{
	size_t		start,
				i,
				place_end,
				region_end;
	int			words;
	bool		caps,
				region_caps;
	bool		have_date = false;
	const char *agency = NULL;
	size_t		sep;
	NcTimestamp any_year;
	NcZoneContext date_context = {NULL, NULL, &any_year};

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		return false;
	start = skip_space(text, len, 0);
	place_end = read_place_words(text, len, start, &words, &caps);
	if (place_end == 0 || place_end == start || place_end - start > 48)
		return false;
	/* A single capital letter or "I" is not a place. */
	if (place_end - start < 2)
		return false;
	region_end = place_end;

	/*
	 * A date after the place needs no year ("Sept 19"): a reference supplies
	 * one.  Any year will do, only whether the text reads as a date matters.
	 */
	memset(&any_year, 0, sizeof(any_year));
	any_year.valid = true;
	any_year.local.year = 2000;
	any_year.local.month = 12;
	any_year.local.day = 31;

	/* ", Ukraine", ", Sept 19", ", Jan 26": a region or a date after a comma. */
	{
		size_t		j = place_end;
		int			rounds = 0;

		while (j < len && text[j] == ',' && rounds++ < 2)
		{
			size_t		k = skip_space(text, len, j + 1),
						e;
			int			w;
			NcTimestamp ts;
			size_t		d;

			/* A date: a month name and a day number, optionally a year. */
			d = k;
			while (d < len && d < k + 24 && text[d] != '(' && text[d] != ':' &&
				   !dash_at(text, len, d) && text[d] != ',')
				d++;
			if (d < len && text[d] == ',' && d + 1 < len)
			{
				/* "Sept 19, 2015 (AFP)" */
				size_t		d2 = d + 1;

				while (d2 < len && d2 < d + 8 && text[d2] != '(' && text[d2] != ':' && !dash_at(text, len, d2))
					d2++;
				if (d2 < len)
					d = d2;
			}
			if (d > k && memchr(text + k, ' ', d - k) != NULL &&
				nc_parse_timestamp(host, text + k, d - k, &date_context, &ts))
			{
				have_date = true;
				j = d;
				break;
			}
			e = read_place_words(text, len, k, &w, &region_caps);
			if (e == 0 || e == k || w > 3)
				break;
			region_end = e;
			j = e;
		}
		i = skip_space(text, len, j);
	}

	/* "(Reuters)", "(AFP)", "(AP Photo)" */
	if (i < len && text[i] == '(')
	{
		const char *close = memchr(text + i, ')', len - i > 48 ? 48 : len - i);

		if (close == NULL)
			return false;
		agency = nc_agency_name(text + i + 1, close - (text + i + 1));
		if (agency == NULL)
		{
			/*
			 * An unknown agency printed as an acronym, "(KUNA)", only after
			 * a place in capitals: "Die Chicago Mercantile Exchange (CME)"
			 * opens a sentence, not a dateline.
			 */
			const char *c;

			for (c = text + i + 1; c < close && ((*c >= 'A' && *c <= 'Z') || *c == '/'); c++)
				;
			if (c != close || close - (text + i + 1) < 2 || !caps)
				return false;
			agency = nc_strndup(host, text + i + 1, close - (text + i + 1));
			if (agency == NULL)
				return false;
		}
		i = skip_space(text, len, close - text + 1);
	}

	sep = (i < len && text[i] == ':') ? 1 : dash_at(text, len, i);
	if (sep == 0 && agency == NULL)
		return false;
	if (!caps && !have_date && agency == NULL)
		return false;
	/* "Sept 19 (AFP)" with nothing after is a credit, not a lead. */
	i = skip_space(text, len, i + sep);
	if (i >= len)
		return false;

	out->place = nc_strndup(host, text + start, region_end - start);
	if (out->place == NULL)
		return false;
	out->agency = agency;
	out->story_offset = i;
	return true;
}
