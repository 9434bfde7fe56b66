/*
 * src/core/nc_pagedate.c
 *		The publication and update times of an article page.
 *
 * Sources, best first: JSON-LD (found by the article extractor and passed
 * in), <meta> tags, itemprop="datePublished"/"dateModified", <time>
 * elements, a date in the URL's path, and the visible text of elements
 * near the headline whose class or id speaks of dates.  Within a rank the
 * first in document order wins.
 *
 * Decoys are skipped by where they stand, not by what they say: elements
 * inside containers whose class or id names comments, related stories,
 * sidebars, footers, navigation or "today" (the header date of the sample
 * page, "Jan 26, 2020-Sunday") are not read, text is only read near the
 * headline, and a bare year (copyright lines) is never a date.
 */
#include <string.h>

#include <libxml/HTMLtree.h>

#include "nc_internal.h"

#define MAX_DEPTH		256
#define TEXT_MAX		240		/* bytes of an element's text read as a date */
#define NEAR_H1_TEXT	3000	/* bytes of text after the headline searched */

enum
{
	RANK_JSONLD = 1,
	RANK_META,
	RANK_ITEMPROP,
	RANK_TIME_MARKED,			/* <time pubdate>, class "published" */
	RANK_TIME,
	RANK_URL,
	RANK_TEXT_CLASSED,			/* an element named for dates, after the headline */
	RANK_TEXT,					/* any short text right after the headline */
	RANK_TEXT_EARLY,			/* an element named for dates, before the headline */
	RANK_NONE = 100
};

typedef struct Finder
{
	const NcHost *host;
	const NcZoneContext *context;
	NcDateFound pub;
	NcDateFound upd;
	int			pub_rank;
	int			upd_rank;
	bool		seen_h1;
	size_t		text_after_h1;
	char		text[TEXT_MAX + 1];
	size_t		text_len;
} Finder;

/* Meta names and properties, lower case. */
static const char *const meta_published[] = {
	"article:published_time", "article:published", "og:published_time",
	"og:article:published_time", "published_time", "publishdate",
	"publish-date", "publish_date", "published-date", "published_date",
	"pubdate", "pub_date", "datepublished", "date_published", "date",
	"dc.date", "dc.date.issued", "dc.date.created", "dc.date.published",
	"dcterms.date", "dcterms.issued", "dcterms.created", "parsely-pub-date",
	"sailthru.date", "article.published", "article_date_original",
	"original-publish-date", "cxenseparse:recs:publishtime", "bt:pubdate",
	"displaydate", "citation_publication_date", "citation_date",
	"shareaholic:article_published_time", "publication_date",
	"release_date", "og:pubdate", "vr:published_time", "article:post_date",
	"datecreated", "created", "date.created", "content_date",
	"creation_date", "dc.created", "timestamp", "live_date",
	NULL
};

static const char *const meta_updated[] = {
	"article:modified_time", "og:updated_time", "og:modified_time",
	"modified_time", "datemodified", "date_modified", "lastmod",
	"last-modified", "dc.date.modified", "dcterms.modified",
	"article.updated", "updated_time", "last_updated", "revised",
	"sailthru.lastmodified", "article:modified", "dc.modified",
	NULL
};

/* Class or id fragments of containers whose dates are not the article's. */
static const char *const decoy_names[] = {
	"comment", "related", "recommend", "sidebar", "widget", "popular",
	"trending", "most-read", "mostread", "most_read", "teaser", "footer",
	"newsletter", "today", "weather", "breadcrumb", "menu", "promo",
	"more-stories", "morestories", "also-read", "alsoread", "read-more",
	"outbrain", "taboola", "ticker", "navbar", "reply", "disqus",
	"next-article", "prev-article", "nextarticle", "archive", "calendar",
	"copyright", "cookie", "rail", "aside", "suggest",
	NULL
};

/* Class or id fragments of elements that print the article's date. */
static const char *const date_names[] = {
	"date", "time", "publish", "posted", "byline", "meta", "dateline",
	"datum", "fecha", "data", "stamp", "info", "author", "submitted",
	"created", "updated", NULL
};

/* Leading words that make a date the update time. */
static const char *const update_words[] = {
	"updated", "last updated", "modified", "last modified", "aktualisiert",
	"zuletzt aktualisiert", "mis à jour", "mise à jour", "actualizado",
	"actualización", "aggiornato", "atualizado", "atualização", "bijgewerkt",
	"अपडेट", NULL
};

static void
lower_copy(char *dst, size_t cap, const char *src)
{
	size_t		i;

	for (i = 0; src[i] && i + 1 < cap; i++)
		dst[i] = (src[i] >= 'A' && src[i] <= 'Z') ? (char) (src[i] + 32) : src[i];
	dst[i] = '\0';
}

static bool
in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

static bool
contains_any(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strstr(s, *list))
			return true;
	return false;
}

static const char *
attr(xmlNodePtr node, const char *name)
{
	xmlAttrPtr	a;

	for (a = node->properties; a; a = a->next)
		if (a->name && nc_ascii_ieq((const char *) a->name, name) &&
			a->children && a->children->type == XML_TEXT_NODE && a->children->content)
			return (const char *) a->children->content;
	return NULL;
}

static bool
has_attr(xmlNodePtr node, const char *name)
{
	xmlAttrPtr	a;

	for (a = node->properties; a; a = a->next)
		if (a->name && nc_ascii_ieq((const char *) a->name, name))
			return true;
	return false;
}

static bool
is_element(xmlNodePtr node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->name &&
		nc_ascii_ieq((const char *) node->name, name);
}

/* class and id of an element, lower case, into buf. */
static void
names_of(xmlNodePtr node, char *buf, size_t cap)
{
	const char *c = attr(node, "class");
	const char *i = attr(node, "id");
	size_t		n;

	buf[0] = '\0';
	if (c)
		lower_copy(buf, cap, c);
	n = strlen(buf);
	if (i && n + 2 < cap)
	{
		buf[n] = ' ';
		lower_copy(buf + n + 1, cap - n - 1, i);
	}
}

/* The element's text, white space folded, at most TEXT_MAX bytes, in f->text. */
static void
collect_text(Finder *f, xmlNodePtr node)
{
	xmlNodePtr	n = node->children;
	int			depth = 0;

	f->text_len = 0;
	while (n && depth >= 0)
	{
		if (n->type == XML_TEXT_NODE && n->content)
		{
			const char *s = (const char *) n->content;

			for (; *s && f->text_len < TEXT_MAX; s++)
			{
				char		c = (*s == '\n' || *s == '\t' || *s == '\r') ? ' ' : *s;

				if (c == ' ' && (f->text_len == 0 || f->text[f->text_len - 1] == ' '))
					continue;
				f->text[f->text_len++] = c;
			}
			if (f->text_len < TEXT_MAX && f->text_len > 0 && f->text[f->text_len - 1] != ' ')
				f->text[f->text_len++] = ' ';
		}
		if (f->text_len >= TEXT_MAX)
			break;
		if (n->type == XML_ELEMENT_NODE && n->children &&
			!is_element(n, "script") && !is_element(n, "style") && depth < 32)
		{
			n = n->children;
			depth++;
			continue;
		}
		while (n && n->next == NULL && depth >= 0)
		{
			n = n->parent;
			depth--;
			if (n == node)
				depth = -1;
		}
		if (n && depth >= 0)
			n = n->next;
	}
	while (f->text_len > 0 && f->text[f->text_len - 1] == ' ')
		f->text_len--;
	f->text[f->text_len] = '\0';
}

/* A plausible publication date: not before the web, not absurdly late. */
static bool
plausible(const NcTimestamp *ts)
{
	return ts->valid && ts->local.year >= 1995 && ts->local.year <= 2100;
}

/* Reads raw as a date and keeps it when it beats what *slot holds. */
static bool
offer(Finder *f, bool updated, int rank, const char *source, const char *raw, size_t len)
{
	NcDateFound *slot = updated ? &f->upd : &f->pub;
	int		   *slot_rank = updated ? &f->upd_rank : &f->pub_rank;
	NcTimestamp ts;

	if (raw == NULL || rank >= *slot_rank)
		return false;
	if (len == 0 || len > 512)
		return false;
	if (!nc_parse_timestamp(f->host, raw, len, f->context, &ts) || !plausible(&ts))
		return false;
	slot->ts = ts;
	slot->source = source;
	slot->raw = nc_strndup(f->host, raw, len);
	*slot_rank = rank;
	return true;
}

static bool
offer_str(Finder *f, bool updated, int rank, const char *source, const char *raw)
{
	return raw ? offer(f, updated, rank, source, raw, strlen(raw)) : false;
}

static void
visit_meta(Finder *f, xmlNodePtr node)
{
	static const char *const keys[] = {"property", "name", "itemprop", "http-equiv", NULL};
	const char *content = attr(node, "content");
	const char *const *k;
	char		key[64];

	if (content == NULL)
		return;
	for (k = keys; *k; k++)
	{
		const char *v = attr(node, *k);

		if (v == NULL)
			continue;
		lower_copy(key, sizeof(key), v);
		if (strcmp(*k, "http-equiv") == 0)
			continue;			/* the server's Last-Modified, often the crawl day */
		if (in_list(meta_published, key))
			offer_str(f, false, RANK_META, "meta", content);
		else if (in_list(meta_updated, key))
			offer_str(f, true, RANK_META, "meta", content);
	}
}

/* True when text starts with an update word ("Updated:", "Aktualisiert am"). */
static bool
speaks_of_update(const char *text)
{
	char		low[40];
	const char *const *w;

	while (*text == ' ' || *text == '|' || *text == '(')
		text++;
	lower_copy(low, sizeof(low), text);
	for (w = update_words; *w; w++)
		if (strncmp(low, *w, strlen(*w)) == 0)
			return true;
	return false;
}

/*
 * Reads the dates an element itself states (meta, itemprop, <time>).
 * Returns true when the element is done with: its text is not read again.
 */
static bool
visit_element(Finder *f, xmlNodePtr node, bool decoy, const char *names)
{
	const char *itemprop;

	if (is_element(node, "meta"))
	{
		visit_meta(f, node);
		return true;
	}
	if (decoy)
		return false;
	itemprop = attr(node, "itemprop");
	if (itemprop && (nc_ascii_ieq(itemprop, "datePublished") || nc_ascii_ieq(itemprop, "dateModified") ||
					 nc_ascii_ieq(itemprop, "dateCreated")))
	{
		bool		upd = nc_ascii_ieq(itemprop, "dateModified");
		const char *v = attr(node, "content");

		if (v == NULL)
			v = attr(node, "datetime");
		if (v == NULL || !offer_str(f, upd, RANK_ITEMPROP, "itemprop", v))
		{
			collect_text(f, node);
			offer(f, upd, RANK_ITEMPROP, "itemprop", f->text, f->text_len);
		}
		return true;
	}
	if (is_element(node, "time"))
	{
		const char *v = attr(node, "datetime");
		bool		upd = strstr(names, "update") || strstr(names, "modif");
		bool		marked = has_attr(node, "pubdate") || strstr(names, "publish") || upd;
		int			rank = marked ? RANK_TIME_MARKED : RANK_TIME;

		collect_text(f, node);
		if (!upd && speaks_of_update(f->text))
			upd = true;
		if (v == NULL || !offer_str(f, upd, rank, "time", v))
			offer(f, upd, rank, "time", f->text, f->text_len);
		return true;
	}
	if (is_element(node, "h1"))
		f->seen_h1 = true;
	return false;
}

/* The text of an element whose class or id speaks of dates. */
static void
visit_classed(Finder *f, xmlNodePtr node)
{
	collect_text(f, node);
	/* A container holding more than a date line is not one. */
	if (f->text_len == 0 || f->text_len >= TEXT_MAX)
		return;
	offer(f, speaks_of_update(f->text), f->seen_h1 ? RANK_TEXT_CLASSED : RANK_TEXT_EARLY,
		  "text", f->text, f->text_len);
}

/* A short text node soon after the headline. */
static void
visit_text(Finder *f, xmlNodePtr node)
{
	const char *s = (const char *) node->content;
	size_t		len;

	if (s == NULL)
		return;
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	f->text_after_h1 += len;
	if (len >= 6 && len <= 200)
		offer(f, speaks_of_update(s), RANK_TEXT, "text", s, len);
}

static bool
digits(const char *s, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* A date in the URL's path: /2015/09/19/, /2015-09-19-, /20150919/. */
static void
visit_url(Finder *f, const char *url)
{
	const char *p;

	if (url == NULL)
		return;
	p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : strchr(url, '/');
	for (; p && *p; p++)
	{
		char		sep;

		if (p[0] != '/' && p[0] != '-' && p[0] != '_')
			continue;
		if (!digits(p + 1, 4) || !(p[1] == '1' || p[1] == '2'))
			continue;
		sep = p[5];
		if ((sep == '/' || sep == '-' || sep == '_') && digits(p + 6, 2) && p[8] == sep &&
			digits(p + 9, 2) && (p[11] == '\0' || !(p[11] >= '0' && p[11] <= '9')))
		{
			char		buf[11];

			memcpy(buf, p + 1, 10);
			buf[4] = buf[7] = '-';
			buf[10] = '\0';
			if (offer(f, false, RANK_URL, "url", buf, 10))
				f->pub.raw = nc_strndup(f->host, p + 1, 10);
			return;
		}
		if (digits(p + 1, 8) && !(p[9] >= '0' && p[9] <= '9') && p[9] != '\0' && p[9] != '.')
		{
			if (offer(f, false, RANK_URL, "url", p + 1, 8))
				return;
		}
	}
}

static bool
is_decoy_tag(xmlNodePtr node)
{
	return is_element(node, "footer") || is_element(node, "nav") || is_element(node, "aside") ||
		is_element(node, "script") || is_element(node, "style") || is_element(node, "noscript") ||
		is_element(node, "select") || is_element(node, "button");
}

bool
nc_find_page_dates(const NcHost *host, xmlDocPtr doc, const char *url,
				   const NcZoneContext *context,
				   const char *jsonld_published, const char *jsonld_modified,
				   NcDateFound *published, NcDateFound *updated)
{
	Finder		f;
	xmlNodePtr	root,
				node;
	bool		decoy[MAX_DEPTH];
	int			depth = 0;
	long		count = 0;
	char		names[256];

	memset(&f, 0, sizeof(f));
	f.host = host;
	f.context = context;
	f.pub_rank = f.upd_rank = RANK_NONE;
	memset(published, 0, sizeof(*published));
	memset(updated, 0, sizeof(*updated));

	offer_str(&f, false, RANK_JSONLD, "json-ld", jsonld_published);
	offer_str(&f, true, RANK_JSONLD, "json-ld", jsonld_modified);

	root = doc ? xmlDocGetRootElement(doc) : NULL;
	node = root;
	while (node)
	{
		bool		descend = false;

		if ((++count & 1023) == 0 && host->should_stop && host->should_stop(host->arg))
			return false;
		if (node->type == XML_ELEMENT_NODE)
		{
			bool		d;

			names_of(node, names, sizeof(names));
			d = (depth > 0 && decoy[depth - 1]) || is_decoy_tag(node) ||
				(names[0] && contains_any(decoy_names, names));
			decoy[depth] = d;
			if (!visit_element(&f, node, d, names))
			{
				if (!d && names[0] && contains_any(date_names, names) &&
					f.pub_rank > RANK_TEXT_CLASSED)
					visit_classed(&f, node);
				descend = node->children != NULL && !is_element(node, "script") &&
					!is_element(node, "style") && depth + 1 < MAX_DEPTH;
			}
		}
		else if (node->type == XML_TEXT_NODE && f.seen_h1 && depth > 0 && !decoy[depth - 1] &&
				 f.text_after_h1 < NEAR_H1_TEXT && f.pub_rank > RANK_TEXT)
			visit_text(&f, node);

		if (descend)
		{
			node = node->children;
			depth++;
			continue;
		}
		while (node)
		{
			if (node == root)
			{
				node = NULL;
				break;
			}
			if (node->next)
			{
				node = node->next;
				break;
			}
			node = node->parent;
			depth--;
		}
	}

	if (f.pub_rank > RANK_URL)
		visit_url(&f, url);

	/* A page stating only when it was updated was published no later. */
	if (f.pub_rank == RANK_NONE && f.upd_rank != RANK_NONE)
		f.pub = f.upd;
	*published = f.pub;
	*updated = f.upd;
	return true;
}
