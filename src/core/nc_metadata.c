/*
 * src/core/nc_metadata.c
 *		Article metadata from JSON-LD, OpenGraph, Twitter cards, standard
 *		and Dublin Core meta, microdata, <link>, <html lang> and, last, the
 *		visible page (h1, bylines).  Each field keeps the best source found:
 *		publishers fill machine-readable fields for search engines with more
 *		care than any heuristic over the page could recover.
 */
#include <string.h>

#include "nc_metadata.h"

typedef struct MetaWalk
{
	const NcHost *host;
	NcMetadata *meta;
	long		visited;
	bool		cancelled;
	int			max_depth;
} MetaWalk;

const char *
nc_source_name(NcSourceRank rank)
{
	switch (rank)
	{
		case NC_SRC_JSONLD:
			return "json-ld";
		case NC_SRC_DUBLIN_CORE:
			return "dublin-core";
		case NC_SRC_OPENGRAPH:
			return "opengraph";
		case NC_SRC_TWITTER:
			return "twitter";
		case NC_SRC_META:
			return "meta";
		case NC_SRC_MICRODATA:
			return "microdata";
		case NC_SRC_LINK:
			return "link";
		case NC_SRC_TEXT:
			return "text";
		case NC_SRC_NONE:
			break;
	}
	return "none";
}

/*
 * Decodes references left in the value (publishers escape metadata twice)
 * and folds white space; NULL for empty values, which never count as found.
 */
static const char *
clean_value(const NcHost *host, const char *value)
{
	char	   *v;

	if (value == NULL)
		return NULL;
	value = nc_unescape_entities(host, value);
	v = nc_collapse_space(host, value, strlen(value));
	return (v && *v) ? v : NULL;
}

static void
offer(const NcHost *host, NcField *field, const char *value, NcSourceRank rank)
{
	const char *v;

	if (field->rank != NC_SRC_NONE && field->rank <= rank)
		return;
	v = clean_value(host, value);
	if (v == NULL)
		return;
	field->value = v;
	field->rank = rank;
	field->raw = NULL;
}

/*
 * articleBody keeps its line breaks (paragraphs), folding spaces within
 * lines and dropping empty ones, so it reads like an extracted body.
 */
static void
offer_body(const NcHost *host, NcField *field, const char *value)
{
	NcBuf		buf;
	const char *p = value;

	if (value == NULL || field->value != NULL)
		return;
	nc_buf_init(&buf, host);
	while (*p)
	{
		const char *end = strchr(p, '\n');
		size_t		len = end ? (size_t) (end - p) : strlen(p);
		char	   *line = nc_collapse_space(host, p, len);

		if (line && *line)
		{
			if (buf.len)
				nc_buf_append_char(&buf, '\n');
			nc_buf_append_str(&buf, line);
		}
		p += len + (end ? 1 : 0);
	}
	if (!buf.failed && buf.len)
	{
		field->value = buf.data;
		field->rank = NC_SRC_JSONLD;
	}
}

static bool
looks_like_url(const char *s)
{
	return nc_ascii_istarts(s, "http://") || nc_ascii_istarts(s, "https://") ||
		nc_ascii_istarts(s, "//") || s[0] == '/';
}

static bool
list_has(const NcListField *list, const char *item)
{
	int			i;

	for (i = 0; i < list->count; i++)
		if (nc_ascii_ieq(list->items[i], item))
			return true;
	return false;
}

/* Starts a list afresh when a better source offers; adds when it is the same. */
static bool
list_accepts(NcListField *list, NcSourceRank rank)
{
	if (list->rank != NC_SRC_NONE && list->rank < rank)
		return false;
	if (list->rank != rank)
	{
		list->count = 0;
		list->rank = rank;
	}
	return true;
}

static void
list_add(const NcHost *host, NcListField *list, const char *item, size_t len)
{
	char	   *v = nc_collapse_space(host, item, len);

	if (v == NULL || *v == '\0' || list->count >= NC_MAX_LIST || list_has(list, v))
		return;
	list->items[list->count++] = v;
}

/* Tags: "a, b, c" from keywords metas, each one a tag. */
static void
offer_tags(const NcHost *host, NcListField *list, const char *value, NcSourceRank rank)
{
	const char *p;

	if (value == NULL || !list_accepts(list, rank))
		return;
	p = value = nc_unescape_entities(host, value);
	while (*p)
	{
		const char *end = p;

		while (*end && *end != ',' && *end != ';')
			end++;
		list_add(host, list, p, end - p);
		p = *end ? end + 1 : end;
	}
	if (list->count == 0)
		list->rank = NC_SRC_NONE;
}

/* Words that end a name in a byline: what follows is a role or an outlet. */
/* What a byline says before the names. */
static const char *const byline_openers[] = {
	"by ", "by:", "written by", "reported by", "published by", "posted by", "story by ",
	"words by ", "text by ",
	"von ", "par ", "por ", NULL
};

/* What ends the names in a byline: a credit for other work, a role, a date. */
static const char *const byline_stops[] = {
	" | ", " - ", " – ", " — ", "\xE2\x80\xA2", " / ", " for ", " in ", " at ", " on ",
	", staff", ", special", ", senior", ", chief", ", associate", ", correspondent",
	", reporter", ", editor", ", contributor", " updated ", " published ", " posted ",
	" edited by ", " photos by ", " photographs by ", " illustrations by ", NULL
};

static bool
is_preposition_stop(const char *stop)
{
	return strcmp(stop, " for ") == 0 || strcmp(stop, " in ") == 0 ||
		strcmp(stop, " at ") == 0 || strcmp(stop, " on ") == 0;
}

static const char *const month_words[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan ", "feb ", "mar ", "apr ",
	"jun ", "jul ", "aug ", "sep ", "sept ", "oct ", "nov ", "dec ", "jan.", "feb.",
	"aug.", "sept.", "oct.", "nov.", "dec.", NULL
};

/* "January 18" ends a name, "Laura June Topolsky" does not: a day must follow. */
static bool
date_follows(const char *s)
{
	while (*s && !(*s >= '0' && *s <= '9') && (*s == ' ' || *s == '.' || *s == ',' ||
											  (*s >= 'a' && *s <= 'z') || *s == ':'))
		s++;
	return *s >= '0' && *s <= '9';
}

/* Words that describe a job or a team, not a person. */
static bool
names_a_role(const char *s)
{
	static const char *const roles[] = {
		"staff", "writer", "editor", "reporter", "correspondent", "technologist",
		"project", "director", "contributor", "columnist", "producer", "analyst",
		"department", "desk", "team", "service", "bureau", "news", "redaktion",
		"professor", "manager", "officer", "journalist", "photographer", NULL
	};

	return nc_ascii_istr_any(s, roles) != NULL;
}

/*
 * A second or later name of a byline list: words that start upper-case
 * (scripts without case pass), and not a credential such as "MA".
 */
static bool
looks_like_name(const char *s)
{
	size_t		len = strlen(s);
	bool		has_upper_word = false;
	bool		all_upper = true;
	const char *p;

	if (len <= 3)
		return false;
	for (p = s; *p; p++)
	{
		if ((p == s || p[-1] == ' ') && *p >= 'A' && *p <= 'Z')
			has_upper_word = true;
		if (*p >= 'a' && *p <= 'z')
			all_upper = false;
		if ((unsigned char) *p >= 0x80)
			return true;
	}
	return has_upper_word && !(all_upper && len <= 5);
}

/* "A B & C D" names two people; "Mac & i" or "Smith & Co" names one. */
static bool
splits_names(const char *start, const char *amp)
{
	const char *after = amp + 1;
	int			before_words = 0,
				after_words = 0;
	const char *q;
	bool		in = false;

	for (q = start; q < amp; q++)
	{
		bool		w = (*q != ' ');

		if (w && !in)
			before_words++;
		in = w;
	}
	in = false;
	for (q = after; *q && *q != ',' && *q != ';' && *q != '&'; q++)
	{
		bool		w = (*q != ' ');

		if (w && !in)
			after_words++;
		in = w;
	}
	return before_words >= 2 && after_words >= 2;
}

/* What a byline slot holds when it names nobody: a label, a default, a day. */
static bool
is_placeholder(const char *v)
{
	static const char *const words[] = {
		"by", "por", "par", "von", "posted", "follow", "text", "author", "autor", "unknown",
		"unbenannt", "admin", "administrator", "anonymous", "anonym", "anónimo", "anonyme",
		"cortesía", "courtesy", "guest", "gast", "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
		"donnerstag", "freitag", "samstag", "sonntag", NULL
	};

	return nc_ascii_ieq_any(v, words) != NULL;
}

/* Strips "By", roles and dates off a byline fragment. */
static const char *
clean_author(const NcHost *host, const char *s, size_t len)
{
	char	   *v = nc_collapse_space(host, s, len);
	const char *opener;
	char	   *cut;
	int			i;

	if (v == NULL)
		return NULL;
	if ((opener = nc_ascii_istarts_any(v, byline_openers)) != NULL)
		v += strlen(opener);
	while (*v == ' ' || *v == ':')
		v++;
	for (i = 0; byline_stops[i]; i++)
	{
		cut = (char *) nc_ascii_istr(v, byline_stops[i]);
		if (cut == NULL || cut == v)
			continue;
		/*
		 * "Jane Doe for Reuters" ends at "for"; one word before a
		 * preposition is no full name but part of one ("Organization for
		 * Transformative Works", "Doctors in Training").
		 */
		if (is_preposition_stop(byline_stops[i]) && nc_count_words_n(v, cut - v) < 2)
			continue;
		*cut = '\0';
	}
	/* A date or time after the name ends it: "Steven Musil January 18". */
	for (cut = v; *cut; cut++)
	{
		if (cut > v && cut[-1] == ' ' && *cut >= '0' && *cut <= '9')
		{
			*cut = '\0';
			break;
		}
		if (cut > v && cut[-1] == ' ')
		{
			for (i = 0; month_words[i]; i++)
				if (nc_ascii_istarts(cut, month_words[i]) && date_follows(cut + strlen(month_words[i])))
					break;
			if (month_words[i])
			{
				*cut = '\0';
				break;
			}
		}
	}
	/*
	 * An e-mail address, a handle, a date or a label is no name, nor is one
	 * word with digits in it: an account ("CC7567"), where the page's byline
	 * shows the person.
	 */
	if (strchr(v, '@') || looks_like_url(v) || strchr(v, ':') || strchr(v, '|') ||
		(*v >= '0' && *v <= '9') || (nc_count_words(v) == 1 && strpbrk(v, "0123456789")))
		return NULL;
	len = strlen(v);
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == ',' || v[len - 1] == '.' ||
					   v[len - 1] == '|'))
		v[--len] = '\0';
	if (len < 2 || len > 80 || nc_count_words(v) > 6 || is_placeholder(v))
		return NULL;
	return v;
}

/*
 * One word in a script that spaces its words ("Münster", "Germany"): no
 * person's full name.  Scripts without spaces (CJK, Thai) write whole names
 * as one word, so they never count.
 */
static bool
is_lone_word(const char *name)
{
	const unsigned char *p;

	for (p = (const unsigned char *) name; *p; p++)
		if (*p >= 0xE0)
			return false;
	return nc_count_words(name) == 1;
}

/*
 * A byline's parentheses made plain for splitting: "A (avec B et C)" names
 * three people, "A (Reuters)" credits an agency, "A (http://a.example/)"
 * gives A's page, not a name; other parentheses stay, as part of the name
 * ("Bruno (Henrique Zecchin) Rodrigues").
 */
static const char *
unparenthesize(const NcHost *host, const char *value)
{
	static const char *const joiners[] = {
		"with ", "and ", "avec ", "et ", "mit ", "und ", "con ", "y ", "com ", "e ", NULL
	};
	NcBuf		out;
	const char *p = value;

	if (strchr(value, '(') == NULL)
		return value;
	nc_buf_init(&out, host);
	while (*p)
	{
		const char *close;
		const char *inner;
		const char *joiner;

		if (*p != '(' || (close = strchr(p, ')')) == NULL)
		{
			nc_buf_append_char(&out, *p++);
			continue;
		}
		inner = p + 1;
		if ((joiner = nc_ascii_istarts_any(inner, joiners)) != NULL)
		{
			nc_buf_append_str(&out, ", ");
			nc_buf_append(&out, inner + strlen(joiner), close - inner - strlen(joiner));
		}
		else if (nc_agency_name(inner, close - inner))
		{
			nc_buf_append_str(&out, ", ");
			nc_buf_append(&out, inner, close - inner);
		}
		else if (!looks_like_url(inner) && !nc_ascii_istarts(inner, "www."))
			nc_buf_append(&out, p, close + 1 - p);
		p = close + 1;
	}
	if (out.failed)
		return value;
	return out.data ? out.data : "";
}

/*
 * Adds the people a byline names: "A, B and C" gives three.  Agencies
 * ("Reuters", "AFP") are kept apart: they are credits, not authors.
 */
static void
offer_authors_from(const NcHost *host, NcMetadata *meta, const char *value,
				   NcSourceRank rank, int key_order)
{
	NcListField found;
	const char *p;
	int			precedence = rank * 16 + key_order;
	bool		first = true;
	int			i;

	if (value == NULL || looks_like_url(value))
		return;
	/* One source wins whole: a better one replaces, a worse one is ignored. */
	if (meta->authors_precedence && meta->authors_precedence < precedence)
		return;
	value = unparenthesize(host, nc_unescape_entities(host, value));
	memset(&found, 0, sizeof(found));
	found.rank = rank;
	p = value;
	while (*p)
	{
		const char *end = p;
		const char *name;
		const char *agency;

		/* Split on commas, "and", semicolons, and "&" between full names. */
		while (*end && *end != ',' && *end != ';' &&
			   !(*end == '&' && splits_names(p, end)) &&
			   !nc_ascii_istarts(end, " and ") && !nc_ascii_istarts(end, " und ") &&
			   !nc_ascii_istarts(end, " et "))
			end++;
		name = clean_author(host, p, end - p);
		agency = nc_agency_name(p, end - p);
		if (agency && name && nc_count_words(name) <= 3)
		{
			if (!list_has(&meta->byline_agencies, agency) && meta->byline_agencies.count < NC_MAX_LIST)
				meta->byline_agencies.items[meta->byline_agencies.count++] = agency;
		}
		else if (name && !first && names_a_role(name))
			break;				/* "A, Senior Writer, Team": the rest is who A is */
		else if (name && !first && is_lone_word(name))
		{
			/*
			 * People have two names or more: "Kirche und Leben, Münster,
			 * Germany" or "Ministerium für Wirtschaft und Klimaschutz" is one
			 * credit, and what follows its first comma says where it is.
			 */
			memset(&found, 0, sizeof(found));
			found.rank = rank;
			end = value + strcspn(value, ",;");
			name = clean_author(host, value, end - value);
			if (name && nc_agency_name(value, end - value) == NULL)
				list_add(host, &found, name, strlen(name));
			break;
		}
		else if (name && (first || looks_like_name(name)))
			list_add(host, &found, name, strlen(name));
		first = false;
		if (*end == '\0')
			break;
		p = (*end == ' ') ? end + 4 + (nc_ascii_istarts(end, " et ") ? -1 : 0) : end + 1;
	}
	/* An empty value ("article:author" content="") replaces nothing. */
	if (found.count == 0)
		return;
	if (meta->authors_precedence != precedence)
		meta->authors.count = 0;
	meta->authors.rank = rank;
	meta->authors_precedence = precedence;
	for (i = 0; i < found.count; i++)
		if (!list_has(&meta->authors, found.items[i]) && meta->authors.count < NC_MAX_LIST)
			meta->authors.items[meta->authors.count++] = found.items[i];
}

static void
offer_authors(const NcHost *host, NcMetadata *meta, const char *value, NcSourceRank rank)
{
	offer_authors_from(host, meta, value, rank, 0);
}

/* ---------------------------------------------------------------------
 * JSON-LD
 * ---------------------------------------------------------------------
 */

static const char *const article_types[] = {
	"NewsArticle", "Article", "ReportageNewsArticle", "ReportageNews", "BlogPosting", "LiveBlogPosting",
	"AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
	"ReviewNewsArticle", "AskPublicNewsArticle", "Report", "ScholarlyArticle",
	"TechArticle", "SocialMediaPosting", "Blog", "WebPage", NULL
};

#define OTHER_ARTICLE_TYPE 100	/* any other "...Article" or "...Posting" */

static bool
ends_with(const char *s, const char *suffix)
{
	size_t		sl = strlen(s),
				xl = strlen(suffix);

	return sl >= xl && strcmp(s + sl - xl, suffix) == 0;
}

/*
 * Rank of the object's @type: its index in article_types (WebPage last),
 * OTHER_ARTICLE_TYPE for the many other schema.org article types, or -1.
 */
static int
article_type_rank(const NcJson *object)
{
	const NcJson *type = nc_json_member(object, "@type");
	const NcJson *t;
	int			best = -1;

	if (type == NULL)
		return -1;
	for (t = (type->kind == NC_JSON_ARRAY) ? type->first : type; t;
		 t = (type->kind == NC_JSON_ARRAY) ? t->next : NULL)
	{
		int			i;
		const char *name;
		const char *slash;

		if (t->kind != NC_JSON_STRING || t->text == NULL)
			continue;
		name = t->text;
		slash = strrchr(name, '/');
		if (slash)
			name = slash + 1;
		for (i = 0; article_types[i]; i++)
			if (strcmp(name, article_types[i]) == 0 && (best < 0 || i < best))
				best = i;
		if (best < 0 && (ends_with(name, "Article") || ends_with(name, "Posting")))
			best = OTHER_ARTICLE_TYPE;
	}
	return best;
}

static bool
json_type_is(const NcJson *object, const char *want)
{
	const NcJson *type = nc_json_member(object, "@type");
	const NcJson *t;

	if (type == NULL)
		return false;
	for (t = (type->kind == NC_JSON_ARRAY) ? type->first : type; t;
		 t = (type->kind == NC_JSON_ARRAY) ? t->next : NULL)
		if (t->kind == NC_JSON_STRING && t->text && strcmp(t->text, want) == 0)
			return true;
	return false;
}

/* A string, or the "name" (or "url" for urls) of an object, or the first of an array. */
static const char *
json_text(const NcJson *v, const char *object_key)
{
	if (v == NULL)
		return NULL;
	if (v->kind == NC_JSON_STRING)
		return v->text;
	if (v->kind == NC_JSON_OBJECT)
		return json_text(nc_json_member(v, object_key), object_key);
	if (v->kind == NC_JSON_ARRAY)
		return json_text(v->first, object_key);
	return NULL;
}

static void
jsonld_authors(const NcHost *host, NcMetadata *meta, const NcJson *v)
{
	const NcJson *a;

	if (v == NULL)
		return;
	if (v->kind == NC_JSON_STRING)
		offer_authors(host, meta, v->text, NC_SRC_JSONLD);
	else if (v->kind == NC_JSON_OBJECT)
	{
		const char *name = json_text(nc_json_member(v, "name"), "name");

		/*
		 * An Organization as author is a credit, not a person: a wire
		 * agency is the article's agency; any other (a newsroom, "Contributors
		 * to Wikimedia projects") stands as author only if no person is named.
		 */
		if (name && json_type_is(v, "Organization"))
		{
			const char *agency = nc_agency_name(name, strlen(name));

			if (agency && !list_has(&meta->byline_agencies, agency) &&
				meta->byline_agencies.count < NC_MAX_LIST)
				meta->byline_agencies.items[meta->byline_agencies.count++] = agency;
			else if (agency == NULL)
			{
				meta->organization_authors.rank = NC_SRC_JSONLD;
				list_add(host, &meta->organization_authors, name, strlen(name));
			}
			return;
		}
		if (name)
			offer_authors(host, meta, name, NC_SRC_JSONLD);
	}
	else if (v->kind == NC_JSON_ARRAY)
		for (a = v->first; a; a = a->next)
			jsonld_authors(host, meta, a);
}

static void
jsonld_list(const NcHost *host, NcListField *list, const NcJson *v)
{
	const NcJson *a;

	if (v == NULL)
		return;
	if (v->kind == NC_JSON_STRING)
		offer_tags(host, list, v->text, NC_SRC_JSONLD);
	else if (v->kind == NC_JSON_ARRAY)
		for (a = v->first; a; a = a->next)
			if (a->kind == NC_JSON_STRING && list_accepts(list, NC_SRC_JSONLD))
				list_add(host, list, a->text, strlen(a->text));
}

static void
jsonld_article(const NcHost *host, NcMetadata *meta, const NcJson *article)
{
	const NcJson *publisher = nc_json_member(article, "publisher");
	const char *section = json_text(nc_json_member(article, "articleSection"), "name");

	{
		const char *headline = json_text(nc_json_member(article, "headline"), "name");
		const char *name = json_text(nc_json_member(article, "name"), "name");

		if (headline == NULL && !json_type_is(article, "WebPage"))
			headline = name;
		offer(host, &meta->headline, headline, NC_SRC_JSONLD);
		/* Kept to weigh against <title> once the whole page is read. */
		offer(host, &meta->jsonld_name, name, NC_SRC_JSONLD);
	}
	offer(host, &meta->summary, json_text(nc_json_member(article, "description"), "name"), NC_SRC_JSONLD);
	offer(host, &meta->section, section, NC_SRC_JSONLD);
	offer(host, &meta->image_url, json_text(nc_json_member(article, "image"), "url"), NC_SRC_JSONLD);
	offer(host, &meta->lang, json_text(nc_json_member(article, "inLanguage"), "name"), NC_SRC_JSONLD);
	offer_body(host, &meta->jsonld_body, json_text(nc_json_member(article, "articleBody"), "text"));
	offer(host, &meta->jsonld_published, json_text(nc_json_member(article, "datePublished"), "name"), NC_SRC_JSONLD);
	offer(host, &meta->jsonld_modified, json_text(nc_json_member(article, "dateModified"), "name"), NC_SRC_JSONLD);
	if (publisher)
		offer(host, &meta->site_name, json_text(nc_json_member(publisher, "name"), "name"), NC_SRC_JSONLD);
	if (meta->authors.rank != NC_SRC_JSONLD)
		jsonld_authors(host, meta, nc_json_member(article, "author"));
	if (meta->authors.rank != NC_SRC_JSONLD)
		jsonld_authors(host, meta, nc_json_member(article, "creator"));
	jsonld_list(host, &meta->tags, nc_json_member(article, "keywords"));
}

/*
 * Finds the best article object in a JSON-LD value: top-level objects,
 * arrays of them and @graph members are all searched.
 */
static void
jsonld_find(const NcJson *v, const NcJson **best, int *best_rank, const NcJson **site, int depth)
{
	const NcJson *child;
	int			rank;

	if (v == NULL || depth > 4)
		return;
	if (v->kind == NC_JSON_ARRAY)
	{
		for (child = v->first; child; child = child->next)
			jsonld_find(child, best, best_rank, site, depth + 1);
		return;
	}
	if (v->kind != NC_JSON_OBJECT)
		return;
	rank = article_type_rank(v);
	if (rank >= 0 && (*best == NULL || rank < *best_rank))
	{
		*best = v;
		*best_rank = rank;
	}
	if (*site == NULL && (json_type_is(v, "WebSite") || json_type_is(v, "Organization") ||
						  json_type_is(v, "NewsMediaOrganization")))
		*site = v;
	jsonld_find(nc_json_member(v, "@graph"), best, best_rank, site, depth + 1);
}

/*
 * The JSON inside a script that sites wrap for old parsers: an HTML
 * comment, CDATA markers, or CDATA markers behind a JavaScript comment.
 */
static char *
unwrap_script(char *text)
{
	static const char *const openers[] = {"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA[", NULL};
	static const char *const closers[] = {"-->", "//]]>", "/*]]>*/", "]]>", NULL};
	bool		again = true;

	while (again)
	{
		int			i;

		again = false;
		while (*text == ' ' || *text == '\n' || *text == '\r' || *text == '\t')
			text++;
		for (i = 0; openers[i]; i++)
			if (strncmp(text, openers[i], strlen(openers[i])) == 0)
			{
				text += strlen(openers[i]);
				again = true;
			}
	}
	{
		size_t		len = strlen(text);
		bool		trimmed = true;

		while (trimmed)
		{
			int			i;

			trimmed = false;
			while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n' ||
							   text[len - 1] == '\r' || text[len - 1] == '\t'))
				text[--len] = '\0';
			for (i = 0; closers[i]; i++)
			{
				size_t		cl = strlen(closers[i]);

				if (len >= cl && strcmp(text + len - cl, closers[i]) == 0)
				{
					len -= cl;
					text[len] = '\0';
					trimmed = true;
				}
			}
		}
	}
	return text;
}

static void
read_jsonld(const NcHost *host, NcMetadata *meta, xmlNodePtr script)
{
	char	   *text;
	NcJson	   *json;
	const NcJson *best = NULL;
	const NcJson *site = NULL;
	int			best_rank = 0;
	NcBuf		buf;
	xmlNodePtr	child;

	nc_buf_init(&buf, host);
	for (child = script->children; child; child = child->next)
		if (child->content)
			nc_buf_append_str(&buf, (const char *) child->content);
	if (buf.failed || buf.data == NULL)
		return;
	text = buf.data;
	text = unwrap_script(text);
	json = nc_json_parse(host, text, strlen(text));
	if (json == NULL)
		return;					/* malformed JSON-LD is skipped, not fatal */
	jsonld_find(json, &best, &best_rank, &site, 0);
	if (best)
		jsonld_article(host, meta, best);
	if (site)
		offer(host, &meta->site_name, json_text(nc_json_member(site, "name"), "name"), NC_SRC_JSONLD);
}

/* ---------------------------------------------------------------------
 * <meta>, <link>, microdata
 * ---------------------------------------------------------------------
 */

/* Whether s is initials only ("F.", "J. R.", "J.R."). */
static bool
only_initials(const char *s)
{
	bool		any = false;

	for (; *s; s++)
	{
		if (*s == ' ' || *s == '.' || *s == '-')
			continue;
		if (!(*s >= 'A' && *s <= 'Z') || s[1] != '.')
			return false;
		any = true;
	}
	return any;
}

/*
 * One person's name written "Surname, Given" ("Kooman, F.", "Jong, Michiel
 * de", "Dupont, Marie") in natural order; any other value as it is.  Only
 * for metas that name one person each, where the comma cannot separate two
 * people; a surname of several words is taken as inverted only when the
 * given names are initials or end with a particle ("van", "de").
 */
static const char *
uninvert_name(const NcHost *host, const char *value)
{
	const char *comma = strchr(value, ',');
	char	   *surname;
	char	   *given;
	const char *last_word;
	bool		particle_last;
	char	   *out;

	if (comma == NULL || strchr(comma + 1, ',') || strchr(value, ';'))
		return value;
	surname = nc_collapse_space(host, value, comma - value);
	given = nc_collapse_space(host, comma + 1, strlen(comma + 1));
	if (surname == NULL || given == NULL || *surname == '\0' || *given == '\0' ||
		nc_count_words(given) > 3 || names_a_role(given) || names_a_role(surname))
		return value;
	last_word = strrchr(given, ' ');
	last_word = last_word ? last_word + 1 : given;
	particle_last = last_word != given && *last_word >= 'a' && *last_word <= 'z';
	if (!(nc_count_words(surname) == 1 || only_initials(given) || particle_last))
		return value;
	out = nc_alloc(host, strlen(given) + 1 + strlen(surname) + 1);
	if (out == NULL)
		return value;
	strcpy(out, given);
	strcat(out, " ");
	strcat(out, surname);
	return out;
}

/*
 * Meta names that carry authors, in the order their values are trusted
 * (0: none).  Of the two Dublin Core forms, the RDFa property "dc:creator"
 * comes before the older DC-HTML name "DC.creator" when a page has both.
 */
static int
author_key_order(const char *key)
{
	static const char *const keys[] = {
		"dc:creator", "dc.creator", "dcterms.creator", "dcterm:creator", "author",
		"article.author", "parsely-author", "sailthru.author", "byl", "citation_author",
		NULL
	};
	int			i;

	for (i = 0; keys[i]; i++)
		if (nc_ascii_ieq(key, keys[i]))
			return i + 1;
	return 0;
}

/* Applies one <meta name|property=key content=value>. */
static void
read_meta(const NcHost *host, NcMetadata *meta, const char *key, const char *value)
{
	NcSourceRank og = NC_SRC_OPENGRAPH;

	if (value == NULL || key == NULL)
		return;
	if (nc_ascii_ieq(key, "og:title"))
		offer(host, &meta->headline, value, og);
	else if (nc_ascii_ieq(key, "twitter:title"))
		offer(host, &meta->headline, value, NC_SRC_TWITTER);
	else if (nc_ascii_ieq(key, "dc.title") || nc_ascii_ieq(key, "dcterms.title") ||
			 nc_ascii_ieq(key, "dcterm:title") || nc_ascii_ieq(key, "dc:title"))
		offer(host, &meta->headline, value, NC_SRC_DUBLIN_CORE);
	else if (nc_ascii_ieq(key, "title") || nc_ascii_ieq(key, "parsely-title") ||
			 nc_ascii_ieq(key, "sailthru.title"))
		offer(host, &meta->headline, value, NC_SRC_META);
	else if (nc_ascii_ieq(key, "og:description"))
		offer(host, &meta->summary, value, og);
	else if (nc_ascii_ieq(key, "twitter:description"))
		offer(host, &meta->summary, value, NC_SRC_TWITTER);
	else if (nc_ascii_ieq(key, "dc.description") || nc_ascii_ieq(key, "dcterms.description") ||
			 nc_ascii_ieq(key, "dc:description") || nc_ascii_ieq(key, "dcterm:description"))
		offer(host, &meta->summary, value, NC_SRC_DUBLIN_CORE);
	else if (nc_ascii_ieq(key, "description") || nc_ascii_ieq(key, "sailthru.description"))
		offer(host, &meta->summary, value, NC_SRC_META);
	else if (nc_ascii_ieq(key, "og:site_name"))
		offer(host, &meta->site_name, value, og);
	else if (nc_ascii_ieq(key, "application-name") || nc_ascii_ieq(key, "dc.publisher") ||
			 nc_ascii_ieq(key, "publisher"))
		offer(host, &meta->site_name, value, NC_SRC_META);
	else if (nc_ascii_ieq(key, "article:section"))
		offer(host, &meta->section, value, og);
	else if (nc_ascii_ieq(key, "section") || nc_ascii_ieq(key, "parsely-section") ||
			 nc_ascii_ieq(key, "sailthru.section") || nc_ascii_ieq(key, "article.section") ||
			 nc_ascii_ieq(key, "category") || nc_ascii_ieq(key, "dc.subject"))
		offer(host, &meta->section, value, NC_SRC_META);
	else if (nc_ascii_ieq(key, "article:author") || nc_ascii_ieq(key, "og:article:author"))
		offer_authors(host, meta, value, og);
	else if (author_key_order(key) > 0)
	{
		/* Dublin Core and citation metas name one person per element. */
		if (author_key_order(key) <= 4 || nc_ascii_ieq(key, "citation_author"))
			value = uninvert_name(host, value);
		offer_authors_from(host, meta, value,
						   author_key_order(key) <= 4 ? NC_SRC_DUBLIN_CORE : NC_SRC_META,
						   author_key_order(key));
	}
	else if (nc_ascii_ieq(key, "article:tag"))
	{
		if (list_accepts(&meta->tags, og))
			list_add(host, &meta->tags, value, strlen(value));
	}
	else if (nc_ascii_ieq(key, "news_keywords") || nc_ascii_ieq(key, "keywords") ||
			 nc_ascii_ieq(key, "parsely-tags") || nc_ascii_ieq(key, "sailthru.tags"))
		offer_tags(host, &meta->tags, value, NC_SRC_META);
	else if (nc_ascii_ieq(key, "og:image") || nc_ascii_ieq(key, "og:image:url") ||
			 nc_ascii_ieq(key, "og:image:secure_url"))
		offer(host, &meta->image_url, value, og);
	else if (nc_ascii_ieq(key, "twitter:image") || nc_ascii_ieq(key, "twitter:image:src"))
		offer(host, &meta->image_url, value, NC_SRC_TWITTER);
	else if (nc_ascii_ieq(key, "og:url"))
		offer(host, &meta->canonical_url, value, og);
	else if (nc_ascii_ieq(key, "og:locale"))
		offer(host, &meta->locale, value, og);
	else if (nc_ascii_ieq(key, "dc.language") || nc_ascii_ieq(key, "content-language") ||
			 nc_ascii_ieq(key, "language"))
		offer(host, &meta->lang, value, NC_SRC_META);
}

/* Microdata: itemprop values that describe the article. */
static void
read_itemprop(const NcHost *host, NcMetadata *meta, xmlNodePtr node, const char *prop, int depth)
{
	const char *content = nc_attr(node, "content");
	char	   *text = NULL;

	if (content == NULL && (nc_ascii_ieq(prop, "headline") || nc_ascii_ieq(prop, "author") ||
							nc_ascii_ieq(prop, "articleSection") ||
							nc_ascii_ieq(prop, "creator")))
	{
		/* author may hold a Person with its own itemprop=name. */
		xmlNodePtr	name = NULL;

		if (nc_attr(node, "itemscope"))
		{
			xmlNodePtr	c;

			for (c = node->children; c && name == NULL; c = c->next)
				if (c->type == XML_ELEMENT_NODE)
				{
					const char *p = nc_attr(c, "itemprop");

					if (p && nc_ascii_ieq(p, "name"))
						name = c;
					else
						name = NULL;
				}
		}
		text = nc_node_text(host, name ? name : node, depth);
		content = text;
	}
	if (content == NULL)
		return;
	if (nc_ascii_ieq(prop, "headline"))
		offer(host, &meta->headline, content, NC_SRC_MICRODATA);
	else if (nc_ascii_ieq(prop, "author") || nc_ascii_ieq(prop, "creator"))
		offer_authors(host, meta, content, NC_SRC_MICRODATA);
	else if (nc_ascii_ieq(prop, "articleSection"))
		offer(host, &meta->section, content, NC_SRC_MICRODATA);
	else if (nc_ascii_ieq(prop, "description"))
		offer(host, &meta->summary, content, NC_SRC_MICRODATA);
	else if (nc_ascii_ieq(prop, "inLanguage"))
		offer(host, &meta->lang, content, NC_SRC_MICRODATA);
	else if (nc_ascii_ieq(prop, "datePublished"))
		offer(host, &meta->jsonld_published, nc_attr(node, "datetime") ? nc_attr(node, "datetime") : content,
			  NC_SRC_MICRODATA);
	else if (nc_ascii_ieq(prop, "dateModified"))
		offer(host, &meta->jsonld_modified, nc_attr(node, "datetime") ? nc_attr(node, "datetime") : content,
			  NC_SRC_MICRODATA);
}

/* attr holds word, not as the start of a longer word ("authority-control"). */
static bool
attr_has_word(xmlNodePtr node, const char *attr, const char *word)
{
	const char *v = nc_attr(node, attr);
	size_t		len = strlen(word);

	while (v && (v = nc_ascii_istr(v, word)) != NULL)
	{
		char		next = v[len];

		if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) ||
			nc_ascii_istarts(v + len, "name") || nc_ascii_istarts(v + len, "info"))
			return true;
		v += len;
	}
	return false;
}

static void read_byline_element(const NcHost *host, NcMetadata *meta, xmlNodePtr node, int depth);

/* A link to a person's page: rel=author, or a path of author pages. */
static bool
is_author_link(xmlNodePtr node)
{
	const char *rel = nc_attr(node, "rel");
	const char *href = nc_attr(node, "href");

	if (!nc_is_tag(node, "a"))
		return false;
	return (rel && nc_ascii_istr(rel, "author")) ||
		(href && (nc_ascii_istr(href, "/author") || nc_ascii_istr(href, "/autor") ||
				  nc_ascii_istr(href, "/people/") || nc_ascii_istr(href, "/staff/") ||
				  nc_ascii_istr(href, "/profile/") || nc_ascii_istr(href, "/journalist")));
}

/* Offers the texts of the author links below node; false when there are none. */
static bool
offer_author_links(const NcHost *host, NcMetadata *meta, xmlNodePtr node, int depth)
{
	xmlNodePtr	c;
	bool		found = false;

	if (depth <= 0)
		return false;
	for (c = node->children; c; c = c->next)
	{
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_author_link(c))
		{
			char	   *name = nc_node_text(host, c, depth);

			if (name && *name)
			{
				offer_authors(host, meta, name, NC_SRC_TEXT);
				found = true;
			}
		}
		else if (offer_author_links(host, meta, c, depth - 1))
			found = true;
	}
	return found;
}

static bool
names_comment(xmlNodePtr node)
{
	const char *cls = nc_attr(node, "class");
	const char *id = nc_attr(node, "id");

	return (cls && nc_ascii_istr(cls, "comment")) || (id && nc_ascii_istr(id, "comment"));
}

/* A short element whose class, id or rel says it names the author. */
static void
read_visible_byline(const NcHost *host, NcMetadata *meta, xmlNodePtr node, int depth)
{
	if (meta->authors.rank != NC_SRC_NONE)
		return;				/* the first byline on the page is the article's */
	read_byline_element(host, meta, node, depth);
}

static void
read_byline_element(const NcHost *host, NcMetadata *meta, xmlNodePtr node, int depth)
{
	const char *rel = nc_attr(node, "rel");
	static const char *const byline_words[] = {"byline", "author", "dateline", "writtenby", NULL};
	const char *itemprop = nc_attr(node, "itemprop");
	bool		byline = (rel && nc_ascii_ieq(rel, "author")) ||
		(itemprop && nc_ascii_istr(itemprop, "author"));
	int			i;
	char	   *text;

	for (i = 0; byline_words[i] && !byline; i++)
		byline = attr_has_word(node, "class", byline_words[i]) ||
			attr_has_word(node, "id", byline_words[i]);

	/*
	 * A comment form's "Name (required)" field names whoever comments next,
	 * and "comment-author" whoever commented: neither wrote the article.
	 */
	if (!byline || nc_is_tag(node, "label") || nc_find_tag(node, "label", 4) ||
		nc_find_tag(node, "input", 4) || names_comment(node))
		return;
	text = nc_node_text(host, node, depth);
	if (text == NULL || *text == '\0' || strlen(text) >= 100 || nc_ascii_istr(text, "about the author"))
		return;
	/* "Ben Silverman" linked to an author page, then "Games Editor": the links name. */
	if (!offer_author_links(host, meta, node, depth))
		offer_authors(host, meta, text, NC_SRC_TEXT);
}

static void
walk(MetaWalk *w, xmlNodePtr node, int depth)
{
	xmlNodePtr	child;

	if (depth > w->max_depth || w->cancelled)
		return;
	for (child = node->children; child; child = child->next)
	{
		const char *name;

		if (child->type != XML_ELEMENT_NODE || child->name == NULL)
			continue;
		if ((++w->visited & 1023) == 0 && w->host->should_stop(w->host->arg))
		{
			w->cancelled = true;
			return;
		}
		name = (const char *) child->name;
		if (strcmp(name, "meta") == 0)
		{
			const char *content = nc_attr(child, "content");
			const char *key = nc_attr(child, "property");

			/* property may list several space-separated names. */
			if (key && strchr(key, ' '))
			{
				char	   *keys = nc_strdup(w->host, key);
				char	   *k = keys;

				while (k && *k)
				{
					char	   *sp = strchr(k, ' ');

					if (sp)
						*sp = '\0';
					if (*k)
						read_meta(w->host, w->meta, k, content);
					k = sp ? sp + 1 : NULL;
				}
			}
			else if (key)
				read_meta(w->host, w->meta, key, content);
			read_meta(w->host, w->meta, nc_attr(child, "name"), content);
			read_meta(w->host, w->meta, nc_attr(child, "http-equiv"), content);
			if (nc_attr(child, "itemprop"))
				read_itemprop(w->host, w->meta, child, nc_attr(child, "itemprop"), 4);
			continue;
		}
		if (strcmp(name, "link") == 0)
		{
			const char *rel = nc_attr(child, "rel");

			if (rel && nc_ascii_ieq(rel, "canonical"))
				offer(w->host, &w->meta->canonical_url, nc_attr(child, "href"), NC_SRC_LINK);
			continue;
		}
		if (strcmp(name, "script") == 0)
		{
			const char *type = nc_attr(child, "type");

			if (type && nc_ascii_istr(type, "ld+json"))
				read_jsonld(w->host, w->meta, child);
			continue;
		}
		if (strcmp(name, "title") == 0 && w->meta->title_tag.value == NULL)
		{
			offer(w->host, &w->meta->title_tag, nc_node_text(w->host, child, 4), NC_SRC_META);
			continue;
		}
		if (strcmp(name, "head") == 0)
		{
			walk(w, child, depth + 1);
			continue;
		}
		if (nc_is_invisible(child))
			continue;
		if (strcmp(name, "h1") == 0 && w->meta->h1.value == NULL)
			offer(w->host, &w->meta->h1, nc_node_text(w->host, child, 16), NC_SRC_TEXT);
		if (nc_attr(child, "itemprop"))
			read_itemprop(w->host, w->meta, child, nc_attr(child, "itemprop"), 16);
		read_visible_byline(w->host, w->meta, child, 16);
		walk(w, child, depth + 1);
	}
}

/* Share of a's words (ASCII-folded) that occur in b. */
static double
word_overlap(const char *a, const char *b)
{
	int			words = 0,
				found = 0;
	const char *p = a;

	while (*p)
	{
		const char *start;
		char		word[64];
		size_t		len;

		while (*p == ' ' || *p == ',' || *p == ':' || *p == '-' || *p == '|')
			p++;
		start = p;
		while (*p && *p != ' ' && *p != ',' && *p != ':' && *p != '|')
			p++;
		len = p - start;
		if (len == 0 || len >= sizeof(word))
			continue;
		memcpy(word, start, len);
		word[len] = '\0';
		words++;
		if (nc_ascii_istr(b, word))
			found++;
	}
	return words ? (double) found / words : 0.0;
}

/* How alike two titles are by their words: the harmonic mean of both overlaps. */
static double
title_similarity(const char *a, const char *b)
{
	double		ab = word_overlap(a, b);
	double		ba = word_overlap(b, a);

	return ab + ba > 0 ? 2 * ab * ba / (ab + ba) : 0.0;
}

bool
nc_collect_metadata(const NcHost *host, xmlDocPtr doc, NcMetadata *meta)
{
	MetaWalk	w;
	xmlNodePtr	root = xmlDocGetRootElement(doc);

	memset(meta, 0, sizeof(*meta));
	if (root == NULL)
		return true;
	w.host = host;
	w.meta = meta;
	w.visited = 0;
	w.cancelled = false;
	w.max_depth = 256;
	offer(host, &meta->lang, nc_attr(root, "lang"), NC_SRC_META);
	offer(host, &meta->lang, nc_attr(root, "xml:lang"), NC_SRC_META);
	walk(&w, (xmlNodePtr) doc, 0);

	/*
	 * Some sites put the article title in JSON-LD "name" and a description
	 * in "headline" (Wikipedia), others their own name in "name": the one
	 * closer to the page's <title> is the headline: more of its words are in
	 * the title, and it is closer to the title as a whole (a site's name is
	 * in every title of the site, but is far from all of them).
	 */
	if (meta->headline.rank == NC_SRC_JSONLD && meta->jsonld_name.value && meta->title_tag.value &&
		strcmp(meta->headline.value, meta->jsonld_name.value) != 0 &&
		word_overlap(meta->jsonld_name.value, meta->title_tag.value) >
		word_overlap(meta->headline.value, meta->title_tag.value) &&
		title_similarity(meta->jsonld_name.value, meta->title_tag.value) >
		title_similarity(meta->headline.value, meta->title_tag.value))
		meta->headline.value = meta->jsonld_name.value;
	return !w.cancelled;
}

/* ---------------------------------------------------------------------
 * Headline cleaning
 * ---------------------------------------------------------------------
 */

static const char *const title_separators[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // ", NULL};

size_t
nc_title_separator_at(const char *s)
{
	int			i;

	for (i = 0; title_separators[i]; i++)
		if (strncmp(s, title_separators[i], strlen(title_separators[i])) == 0)
			return strlen(title_separators[i]);
	return 0;
}

/* Last separator in s, or NULL. */
static const char *
last_separator(const char *s, size_t *sep_len)
{
	const char *best = NULL;
	int			i;

	for (i = 0; title_separators[i]; i++)
	{
		const char *p = s;
		const char *found;

		while ((found = strstr(p, title_separators[i])) != NULL)
		{
			if (best == NULL || found > best)
			{
				best = found;
				*sep_len = strlen(title_separators[i]);
			}
			p = found + 1;
		}
	}
	return best;
}

/* Words in s, counting runs of non-space. */
static int
space_words(const char *s)
{
	int			n = 0;
	bool		in = false;

	for (; *s; s++)
	{
		bool		w = (*s != ' ');

		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

const char *
nc_headline_from_title(const NcHost *host, const char *title, const char *h1)
{
	char	   *t;
	size_t		sep_len = 0;
	const char *sep;
	int			i;

	if (title == NULL)
		return NULL;
	/* The page's own h1 at the start of the title settles it. */
	if (h1 && strlen(h1) >= 10 && strlen(h1) < strlen(title) && strncmp(title, h1, strlen(h1)) == 0 &&
		nc_title_separator_at(title + strlen(h1)) > 0)
		return nc_strdup(host, h1);
	t = nc_strdup(host, title);
	if (t == NULL || (sep = last_separator(t, &sep_len)) == NULL)
		return title;

	/*
	 * As Readability does: the last segment is the site's; when that
	 * leaves under three words the first segment was the site's instead.
	 * A headline of four words or fewer is kept whole.
	 */
	t[sep - t] = '\0';
	if (space_words(t) < 3)
	{
		const char *first = NULL;
		size_t		first_len = 0;

		for (i = 0; title_separators[i]; i++)
		{
			const char *f = strstr(title, title_separators[i]);

			if (f && (first == NULL || f < first))
			{
				first = f;
				first_len = strlen(title_separators[i]);
			}
		}
		t = nc_strdup(host, first + first_len);
		if (t == NULL)
			return title;
	}
	if (space_words(t) <= 4)
		return title;
	return t;
}
