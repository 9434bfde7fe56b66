/*
 * src/core/nc_pagedate.c
 *		The publication and update times of an article page.
 *
 * Sources, best first (the RANK_ enum): JSON-LD (found by the article
 * extractor and passed in; else read off the script text), <meta> tags,
 * itemprop/RDFa dates, <time> elements, a date in the URL's path, then
 * visible text: elements whose class or id speaks of dates, lines labelled
 * "Published"/"Erschienen am", short lines near the headline, and as the
 * last resort any line that is a date and nothing else.  Within a rank
 * the first in document order wins, except before the headline, where the
 * nearest to it does.
 *
 * The headline is the heading the <title> repeats (else the first <h1>,
 * else <h2>); "near" means inside its container, a few levels up.
 *
 * Decoys are skipped by where they stand, not by what they say: elements
 * inside containers whose class or id names comments, related stories,
 * sidebars, navigation or "today" (the header date of the sample page,
 * "Jan 26, 2020-Sunday") are not read, nor <nav>, <aside> or a page-level
 * <footer>; dates far from the headline rank below those near it; and a
 * bare year (copyright lines) is never a date.
 *
 * A time stated in UTC is re-expressed on the site's clock when the site's
 * zone is known for sure (see site_clock), since analysts count stories by
 * the day the site printed.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLtree.h>

#include "nc_html.h"
#include "nc_zonedata.h"

#define MAX_DEPTH		256
#define TEXT_MAX		240		/* bytes of an element's text read as a date */
#define NEAR_H1_TEXT	3000	/* bytes of text after the headline searched */

enum
{
	RANK_JSONLD = 1,
	RANK_JSONLD_TEXT,			/* "datePublished" read off ld+json the extractor could not parse */
	RANK_META,
	RANK_ITEMPROP,
	RANK_TIME_MARKED,			/* <time pubdate>, class "published" */
	RANK_TIME,
	RANK_URL,
	RANK_TEXT_CLASSED,			/* an element named for dates, after the headline */
	RANK_TEXT_CLASSED_EARLY,	/* the same before the headline, nearest first */
	RANK_TEXT_CLASSED_FAR,		/* after the headline, outside its container */
	RANK_META_GENERIC,			/* <meta name="date">: often the page's last change */
	RANK_TEXT,					/* any short text right after the headline */
	RANK_TEXT_EARLY,			/* any short text just before it, nearest first */
	RANK_TEXT_FAR,				/* short text after it, outside its container */
	RANK_TEXT_ANY,				/* a line that is a date and nothing else, anywhere */
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
	xmlNodePtr	h1;				/* the headline, or NULL */
	xmlNodePtr	h1_path[MAX_DEPTH];	/* its ancestors by depth from the root */
	int			h1_depth;
	size_t		text_after_h1;
	char		text[TEXT_MAX + 1];
	size_t		text_len;
} Finder;

/* Meta names and properties, lower case. */
static const char *const meta_published[] = {
	"article:published_time", "article:published", "og:published_time",
	"og:article:published_time", "published_time", "publishdate",
	"publish-date", "publish_date", "published-date", "published_date",
	"pubdate", "pub_date", "datepublished", "date_published",
	"dc.date.issued", "dc.date.created", "dc.date.published", "dcterms.issued", "dcterms.created", "parsely-pub-date",
	"sailthru.date", "article.published", "article_date_original",
	"original-publish-date", "cxenseparse:recs:publishtime", "bt:pubdate",
	"displaydate", "citation_publication_date", "citation_date",
	"shareaholic:article_published_time", "publication_date",
	"release_date", "og:pubdate", "vr:published_time", "article:post_date",
	"datecreated", "created", "date.created", "content_date",
	"creation_date", "dc.created", "timestamp", "live_date",
	NULL
};

/* Names content systems fill with the last change as often as with the first. */
static const char *const meta_generic[] = {
	"date", "dc.date", "dcterms.date", NULL
};

static const char *const meta_updated[] = {
	"article:modified_time", "og:updated_time", "og:modified_time",
	"modified_time", "datemodified", "date_modified", "lastmod",
	"last-modified", "dc.date.modified", "dcterms.modified",
	"article.updated", "updated_time", "last_updated", "revised",
	"sailthru.lastmodified", "article:modified", "dc.modified",
	NULL
};

/*
 * Class or id words of containers whose dates are not the article's.  A
 * class is split into words at any non-letter ("news-related-wrap"); a
 * word matches an entry it starts with ("comments", "relatedposts"), or,
 * for the short entries in decoy_exact, equals.
 */
static const char *const decoy_prefixes[] = {
	"comment", "related", "recommend", "sidebar", "popular",
	"trending", "mostread", "mostpopular", "newsletter", "today", "weather",
	"breadcrumb", "outbrain", "taboola", "ticker", "navbar", "navigation",
	"reply", "replies", "disqus", "copyright", "cookie", "leserbrief",
	"kommentar", "readmore", "morestories", "alsoread", "suggest",
	NULL
};

static const char *const decoy_exact[] = {
	"menu", "nav", "promo", "rail", "aside", "archive",
	"calendar", "next", "prev", "previous", "latest",
	NULL
};

/* Class or id fragments of elements that print the article's date. */
static const char *const date_names[] = {
	"date", "time", "publish", "posted", "byline", "meta", "dateline",
	"datum", "fecha", "data", "stamp", "info", "author", "submitted",
	"created", "updated", "changed", "modified", "zeit", "stand", NULL
};

/* Leading words that make a date the update time. */
static const char *const update_words[] = {
	"updated", "last updated", "modified", "last modified", "aktualisiert",
	"zuletzt aktualisiert", "mis à jour", "mise à jour", "actualizado",
	"actualización", "aggiornato", "atualizado", "atualização", "bijgewerkt",
	"last edited", "letzte änderung", "zuletzt geändert", "अपडेट", NULL
};

/* Words that label a publication date, wherever the line stands. */
static const char *const publish_words[] = {
	"published", "posted on", "erschienen am", "veröffentlicht", "publié",
	"publicado", "pubblicato", "gepubliceerd", "प्रकाशित", NULL
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
contains_any(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strstr(s, *list))
			return true;
	return false;
}

/* An attribute's value; an empty one says nothing of a date. */
static const char *
attr(xmlNodePtr node, const char *name)
{
	const char *v = nc_attr(node, name);

	return (v && *v) ? v : NULL;
}

static bool
is_element(xmlNodePtr node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->name &&
		nc_ascii_ieq((const char *) node->name, name);
}

/* True when the lower-case class and id in names mark a decoy container. */
static bool
names_decoy(const char *names)
{
	const char *p = names;

	while (*p)
	{
		char		word[48];
		size_t		n = 0;
		const char *const *d;

		while (*p && !((*p >= 'a' && *p <= 'z')))
			p++;
		while ((*p >= 'a' && *p <= 'z') && n + 1 < sizeof(word))
			word[n++] = *p++;
		while (*p >= 'a' && *p <= 'z')
			p++;
		word[n] = '\0';
		if (n == 0)
			continue;
		for (d = decoy_prefixes; *d; d++)
			if (strncmp(word, *d, strlen(*d)) == 0)
				return true;
		if (nc_tag_in(word, decoy_exact))
			return true;
	}
	return false;
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

/*
 * The node after node's subtree in document order, within root (NULL past
 * its end); *depth follows the climb back up.
 */
static xmlNodePtr
next_in_document(xmlNodePtr node, xmlNodePtr root, int *depth)
{
	while (node && node != root)
	{
		if (node->next)
			return node->next;
		node = node->parent;
		(*depth)--;
	}
	return NULL;
}

/* The element's text, white space folded, at most TEXT_MAX bytes, in f->text. */
static void
collect_text(Finder *f, xmlNodePtr node)
{
	xmlNodePtr	n = node->children;
	int			depth = 0;

	f->text_len = 0;
	while (n)
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
		n = next_in_document(n, node, &depth);
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
	bool		same_rank = rank == *slot_rank;
	bool		nearest_wins = rank == RANK_TEXT_EARLY || rank == RANK_TEXT_CLASSED_EARLY;

	if (raw == NULL || len == 0 || len > 512 || rank > *slot_rank)
		return false;

	/*
	 * At equal rank the first wins, except that before the headline the
	 * nearest to it does, and that a nested element restating the same
	 * line more narrowly ("Updated: ..." inside "world Updated: ...")
	 * gives the cleaner raw string for provenance.
	 */
	if (same_rank && !nearest_wins)
	{
		char	   *narrow;

		if (slot->raw == NULL || len >= strlen(slot->raw) ||
			(narrow = nc_strndup(f->host, raw, len)) == NULL || strstr(slot->raw, narrow) == NULL)
			return false;
	}
	if (!nc_parse_timestamp(f->host, raw, len, f->context, &ts) || !plausible(&ts))
		return false;
	/* A narrower restatement must say the same. */
	if (same_rank && !nearest_wins && slot->ts.valid &&
		nc_timestamp_epoch(&ts) != nc_timestamp_epoch(&slot->ts))
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
		if (nc_tag_in(key, meta_published))
			offer_str(f, false, RANK_META, "meta", content);
		else if (nc_tag_in(key, meta_generic))
			offer_str(f, false, RANK_META_GENERIC, "meta", content);
		else if (nc_tag_in(key, meta_updated))
			offer_str(f, true, RANK_META, "meta", content);
		else if (strcmp(key, "parsely-page") == 0)
		{
			/* Parse.ly's JSON in one attribute: {"pub_date": "2015-09-19T07:08:00Z", ...} */
			const char *p = strstr(content, "\"pub_date\"");
			const char *end;

			if (p == NULL)
				continue;
			p += 10;
			while (*p == ' ' || *p == ':')
				p++;
			if (*p == '"' && (end = strchr(p + 1, '"')) != NULL && end - p < 64)
				offer(f, false, RANK_META, "meta", p + 1, end - p - 1);
		}
	}
}

/* Where the first update word of text[0..len) starts, or NULL. */
static const char *
update_word(const char *text, size_t len)
{
	const char *best = NULL;
	const char *const *w;
	char		buf[TEXT_MAX + 1];

	if (len > TEXT_MAX)
		len = TEXT_MAX;
	memcpy(buf, text, len);
	buf[len] = '\0';
	for (w = update_words; *w; w++)
	{
		const char *hit = nc_ascii_istr(buf, *w);

		if (hit && (best == NULL || hit < best))
			best = hit;
	}
	return best ? text + (best - buf) : NULL;
}

/*
 * Offers a line of visible text: "Updated: Sep 19, 2015 12:38 IST" is an
 * update time, "Sep 19, 2015 | Updated Sep 20, 2015" a publication time
 * followed by an update time.
 */
static void
offer_text(Finder *f, int rank, const char *text, size_t len)
{
	const char *upd = update_word(text, len);
	const char *digit = text;

	while (digit < text + len && !(*digit >= '0' && *digit <= '9'))
		digit++;
	if (upd && upd < digit)
	{
		offer(f, true, rank, "text", text, len);
		return;
	}
	offer(f, false, rank, "text", text, len);
	if (upd)
		offer(f, true, rank, "text", upd, len - (upd - text));
}

/*
 * Reads "datePublished": "..." (and dateModified) off the text of a
 * JSON-LD script, for scripts a JSON parser refuses (trailing commas,
 * several objects in one script, HTML entities).
 */
static void
visit_jsonld_text(Finder *f, xmlNodePtr script)
{
	static const char *const keys[] = {"\"datePublished\"", "\"dateCreated\"", "\"uploadDate\"",
	"\"dateModified\"", NULL};
	xmlNodePtr	c;
	int			k;

	for (c = script->children; c; c = c->next)
	{
		const char *text = (const char *) c->content;

		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || text == NULL)
			continue;
		for (k = 0; keys[k]; k++)
		{
			const char *p = strstr(text, keys[k]);
			const char *end;

			if (p == NULL)
				continue;
			p += strlen(keys[k]);
			while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
				p++;
			if (*p != '"')
				continue;
			end = strchr(++p, '"');
			if (end && end - p < 64)
				offer(f, k == 3, RANK_JSONLD_TEXT, "json-ld", p, end - p);
		}
	}
}

/* RDFa and microdata names of publication and update dates. */
static int
date_property(const char *prop)
{
	static const char *const published[] = {
		"datepublished", "schema:datepublished", "datecreated", "schema:datecreated",
		"dc:date", "dcterms:created", "dcterms:issued", "dc:created", "dcterms:date", NULL
	};
	static const char *const modified[] = {
		"datemodified", "schema:datemodified", "dcterms:modified", "dc:modified", NULL
	};
	char		low[40];

	lower_copy(low, sizeof(low), prop);
	if (nc_tag_in(low, published))
		return 1;
	if (nc_tag_in(low, modified))
		return 2;
	return 0;
}

/*
 * Reads the dates an element itself states (meta, itemprop, <time>).
 * Returns true when the element is done with: its text is not read again.
 */
static bool
visit_element(Finder *f, xmlNodePtr node, bool decoy, const char *names)
{
	const char *itemprop;
	int			property;

	if (is_element(node, "meta"))
	{
		visit_meta(f, node);
		return true;
	}
	if (is_element(node, "script"))
	{
		const char *type = attr(node, "type");

		if (type && nc_ascii_ieq(type, "application/ld+json") && f->pub_rank > RANK_JSONLD_TEXT)
			visit_jsonld_text(f, node);
		return true;
	}
	if (decoy)
		return false;
	itemprop = attr(node, "itemprop");
	if (itemprop == NULL)
		itemprop = attr(node, "property");
	if (itemprop && (property = date_property(itemprop)) != 0)
	{
		bool		upd = property == 2;
		const char *v = attr(node, "content");

		if (v == NULL)
			v = attr(node, "datetime");
		/* <abbr class="published" title="2017-09-09T10:52:00+02:00">10:52</abbr> */
		if (v == NULL && is_element(node, "abbr"))
			v = attr(node, "title");
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
		bool		marked = nc_attr(node, "pubdate") != NULL || strstr(names, "publish") || upd;
		int			rank = marked ? RANK_TIME_MARKED : RANK_TIME;

		collect_text(f, node);
		if (!upd && update_word(f->text, f->text_len) != NULL)
			upd = true;
		if (v == NULL || !offer_str(f, upd, rank, "time", v))
			offer(f, upd, rank, "time", f->text, f->text_len);
		return true;
	}
	if (node == f->h1 || (f->h1 == NULL && is_element(node, "h1")))
		f->seen_h1 = true;
	return false;
}

static bool near_headline(const Finder *f, xmlNodePtr node);

/* The text of an element whose class or id speaks of dates. */
static void
visit_classed(Finder *f, xmlNodePtr node)
{
	collect_text(f, node);
	/* A container holding more than a date line is not one. */
	if (f->text_len == 0 || f->text_len >= TEXT_MAX)
		return;
	offer_text(f, !f->seen_h1 ? RANK_TEXT_CLASSED_EARLY :
			   near_headline(f, node) ? RANK_TEXT_CLASSED : RANK_TEXT_CLASSED_FAR,
			   f->text, f->text_len);
}

/* True when text opens (within its first 30 bytes) with a publication label. */
static bool
labelled_published(const char *text, size_t len)
{
	char		buf[48];
	const char *const *w;

	if (len > 30)
		len = 30;
	memcpy(buf, text, len);
	buf[len] = '\0';
	for (w = publish_words; *w; w++)
		if (nc_ascii_istr(buf, *w))
			return true;
	return false;
}

/*
 * A text node: a labelled publication date anywhere, short lines near the
 * headline, and a line that is a date and nothing else.
 */
static void
visit_text(Finder *f, xmlNodePtr node)
{
	const char *s = (const char *) node->content;
	size_t		len;
	size_t		before = f->text_after_h1;
	size_t		whole;

	if (s == NULL)
		return;
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	if (f->seen_h1)
		f->text_after_h1 += len;
	/*
	 * A date line is short; a longer text counts only when it opens with
	 * its date ("01.02.2022 Der Arbeitsmarkt ..."), not for a date in a
	 * caption or a sentence.
	 */
	whole = len;
	if (len > 80)
		len = 40;
	if (len < 6)
		return;
	/* "Erschienen am: 01.11.2023" counts wherever it stands, footers of the article included. */
	if (labelled_published(s, len))
		offer_text(f, RANK_TEXT_CLASSED, s, len);
	else if (f->seen_h1 ? before < NEAR_H1_TEXT : near_headline(f, node))
		offer_text(f, !f->seen_h1 ? RANK_TEXT_EARLY :
				   near_headline(f, node) ? RANK_TEXT : RANK_TEXT_FAR, s, len);
	else if (whole <= 40 && f->pub_rank > RANK_TEXT_ANY)
		offer(f, false, RANK_TEXT_ANY, "text", s, len);
}

/* True when node lies in the container of the headline, a few levels up. */
static bool
near_headline(const Finder *f, xmlNodePtr node)
{
	xmlNodePtr	scope,
				p;
	int			d;

	if (f->h1 == NULL)
		return false;
	d = f->h1_depth - 3;
	if (d < 1)
		d = 1;
	if (d > f->h1_depth)
		return false;
	scope = f->h1_path[d];
	for (p = node->parent; p; p = p->parent)
		if (p == scope)
			return true;
	return false;
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

/*
 * A date in the URL's path: /2015/09/19/, /2015-09-19-, /20150919/, /19-09-2015.  Sets
 * *raw to where it starts and returns its length, or 0.
 */
static int
url_date(const char *url, int *y, int *m, int *d, const char **raw)
{
	const char *p;

	if (url == NULL)
		return 0;
	p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : strchr(url, '/');
	for (; p && *p && *p != '?' && *p != '#'; p++)
	{
		char		sep;

		if (p[0] != '/' && p[0] != '-' && p[0] != '_' && p[0] != '~')
			continue;
		/* Day first, as European sites write it: /29-10-2021 */
		if (digits(p + 1, 2) && p[3] == '-' && digits(p + 4, 2) && p[6] == '-' && digits(p + 7, 4) &&
			(p[7] == '1' || p[7] == '2') && !(p[11] >= '0' && p[11] <= '9'))
		{
			*d = (p[1] - '0') * 10 + (p[2] - '0');
			*m = (p[4] - '0') * 10 + (p[5] - '0');
			*y = (p[7] - '0') * 1000 + (p[8] - '0') * 100 + (p[9] - '0') * 10 + (p[10] - '0');
			*raw = p + 1;
			return 10;
		}
		if (!digits(p + 1, 4) || !(p[1] == '1' || p[1] == '2'))
			continue;
		*y = (p[1] - '0') * 1000 + (p[2] - '0') * 100 + (p[3] - '0') * 10 + (p[4] - '0');
		sep = p[5];
		/* The second separator may differ: /2012-06/04/ on Chinese news sites. */
		if ((sep == '/' || sep == '-' || sep == '_') && digits(p + 6, 2) &&
			(p[8] == sep || (sep == '-' && p[8] == '/')) &&
			digits(p + 9, 2) && !(p[11] >= '0' && p[11] <= '9'))
		{
			*m = (p[6] - '0') * 10 + (p[7] - '0');
			*d = (p[9] - '0') * 10 + (p[10] - '0');
			*raw = p + 1;
			return 10;
		}
		if (digits(p + 1, 8) && !(p[9] >= '0' && p[9] <= '9') && p[9] != '\0' && p[9] != '.')
		{
			*m = (p[5] - '0') * 10 + (p[6] - '0');
			*d = (p[7] - '0') * 10 + (p[8] - '0');
			*raw = p + 1;
			return 8;
		}
	}
	return 0;
}

static void
visit_url(Finder *f, const char *url)
{
	int			y,
				m,
				d;
	const char *raw;
	int			len = url_date(url, &y, &m, &d, &raw);
	char		buf[11];

	if (len == 0 || m < 1 || m > 12 || d < 1 || d > 31)
		return;
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
	if (offer(f, false, RANK_URL, "url", buf, 10))
		f->pub.raw = nc_strndup(f->host, raw, len);
}

/* The country of the URL's host name (its country-code domain), or NULL. */
static const char *
url_country(Finder *f, const char *url)
{
	return nc_country_of_host(nc_url_host(f->host, url));
}

/*
 * A time the page states in UTC ("Z", "+00:00") is the site's clock only
 * by chance, yet analysts count stories by the day the site printed.  When
 * the site's zone is known for sure -- the caller's default zone, or the
 * country of a country-code domain -- the time is re-expressed on that
 * clock.  Otherwise the URL's date, which sites stamp with their own day,
 * may decide: when the context's zone (from the page's language) puts the
 * instant on the URL's day, that zone is taken.
 */
static void
site_clock(Finder *f, const char *url)
{
	NcTimestamp ts = f->pub.ts;
	const char *zone = nc_context_zone(f->context);
	const char *domain_country;
	const char *raw;
	int			y,
				m,
				d;

	if (!ts.valid || !ts.has_offset || ts.utc_offset != 0 || ts.zone != NULL || zone == NULL ||
		f->context == NULL)
		return;
	domain_country = url_country(f, url);
	if (f->context->default_zone ||
		(domain_country && f->context->country && strcmp(domain_country, f->context->country) == 0))
	{
		if (nc_timestamp_to_zone(f->host, &ts, zone))
			f->pub.ts = ts;
		return;
	}
	if (url_date(url, &y, &m, &d, &raw) == 0 ||
		(ts.local.year == y && ts.local.month == m && ts.local.day == d))
		return;
	if (nc_timestamp_to_zone(f->host, &ts, zone) &&
		ts.local.year == y && ts.local.month == m && ts.local.day == d)
		f->pub.ts = ts;
}

/* Elements never read for dates; a <footer> only outside an <article> or <main>. */
static bool
is_decoy_tag(xmlNodePtr node, bool in_article)
{
	return (is_element(node, "footer") && !in_article) || is_element(node, "nav") || is_element(node, "aside") ||
		is_element(node, "script") || is_element(node, "style") || is_element(node, "noscript") ||
		is_element(node, "select") || is_element(node, "button");
}

/* True when node is a heading of a level in tags ("h1", "h1h2h3"). */
static bool
is_heading(xmlNodePtr node, const char *tags)
{
	return node->type == XML_ELEMENT_NODE && node->name &&
		(node->name[0] == 'h' || node->name[0] == 'H') &&
		node->name[1] >= '1' && node->name[1] <= '6' && node->name[2] == '\0' &&
		strchr(tags, node->name[1]) != NULL;
}

/*
 * Finds the headline: the first heading of the given levels with some text
 * (and, when title is given, text the page's <title> contains).  Its
 * ancestors are the article's containers, never decoys whatever their
 * class says ("right-sidebar" on a layout row, "single-promo" on <body>).
 */
static void
find_headline(Finder *f, xmlNodePtr root, const char *levels, const char *title)
{
	xmlNodePtr	node = root;
	int			depth = 0;

	while (node)
	{
		if (node->type == XML_ELEMENT_NODE && depth < MAX_DEPTH)
		{
			f->h1_path[depth] = node;
			if (is_heading(node, levels))
			{
				collect_text(f, node);
				if (f->text_len >= 10 &&
					(title == NULL || (f->text_len < 40 ? strstr(title, f->text) :
									   (f->text[40] = '\0', strstr(title, f->text))) != NULL))
				{
					f->h1 = node;
					f->h1_depth = depth;
					return;
				}
			}
			if (node->children && !is_decoy_tag(node, true) && !is_heading(node, "123456") &&
				depth + 1 < MAX_DEPTH)
			{
				node = node->children;
				depth++;
				continue;
			}
		}
		node = next_in_document(node, root, &depth);
	}
}

/* The page's <title>, white space folded, in host memory; NULL when none. */
static char *
page_title(Finder *f, xmlNodePtr root)
{
	xmlNodePtr	node = root;
	int			depth = 0;

	while (node)
	{
		if (is_element(node, "title"))
		{
			collect_text(f, node);
			return f->text_len >= 10 ? nc_strndup(f->host, f->text, f->text_len) : NULL;
		}
		if (is_element(node, "body"))
			return NULL;
		if (node->type == XML_ELEMENT_NODE && node->children && depth < 4)
		{
			node = node->children;
			depth++;
			continue;
		}
		node = next_in_document(node, root, &depth);
	}
	return NULL;
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
	bool		in_article[MAX_DEPTH];	/* inside <article> or <main> */
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
	/*
	 * The headline is the heading the <title> repeats, else the first <h1>,
	 * else (pages without one) the first <h2>.
	 */
	if (root)
	{
		const char *title = page_title(&f, root);

		if (title)
			find_headline(&f, root, "123", title);
		if (f.h1 == NULL)
			find_headline(&f, root, "1", NULL);
		if (f.h1 == NULL)
			find_headline(&f, root, "2", NULL);
	}
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
			in_article[depth] = (depth > 0 && in_article[depth - 1]) ||
				is_element(node, "article") || is_element(node, "main");
			d = (depth > 0 && decoy[depth - 1]) || is_decoy_tag(node, depth > 0 && in_article[depth - 1]) ||
				(names[0] && !(f.h1 && depth <= f.h1_depth && f.h1_path[depth] == node) &&
				 !is_element(node, "body") && !is_element(node, "html") && names_decoy(names));
			decoy[depth] = d;
			if (!visit_element(&f, node, d, names))
			{
				if (!d && names[0] && contains_any(date_names, names) &&
					(f.pub_rank > RANK_TEXT_CLASSED || f.upd_rank > RANK_TEXT_CLASSED))
					visit_classed(&f, node);
				descend = node->children != NULL && !is_element(node, "script") &&
					!is_element(node, "style") && depth + 1 < MAX_DEPTH;
			}
		}
		else if (node->type == XML_TEXT_NODE && depth > 0 && !decoy[depth - 1] &&
				 (f.pub_rank >= RANK_TEXT_CLASSED || f.upd_rank >= RANK_TEXT_CLASSED))
			visit_text(&f, node);

		if (descend)
		{
			node = node->children;
			depth++;
			continue;
		}
		node = next_in_document(node, root, &depth);
	}

	if (f.pub_rank > RANK_URL)
		visit_url(&f, url);

	site_clock(&f, url);

	/* A page stating only when it was updated was published no later. */
	if (f.pub_rank == RANK_NONE && f.upd_rank != RANK_NONE)
		f.pub = f.upd;
	*published = f.pub;
	*updated = f.upd;
	return true;
}
