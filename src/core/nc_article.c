/*
 * src/core/nc_article.c
 *		nc_parse_article: a page's bytes to an NcArticle.  Decodes, parses,
 *		gathers metadata, finds dates, extracts the body, then picks each
 *		field from the best source and records that source.
 */
#include <string.h>

#include <libxml/uri.h>

#include "nc_body.h"
#include "nc_metadata.h"

static void
provenance(NcArticle *a, const char *field, const char *source, const char *raw)
{
	if (a->provenance_count >= NC_MAX_PROVENANCE || source == NULL)
		return;
	a->provenance[a->provenance_count].field = field;
	a->provenance[a->provenance_count].source = source;
	a->provenance[a->provenance_count].raw = raw;
	a->provenance_count++;
}

/* Takes a metadata field into the article with its source. */
static const char *
take(NcArticle *a, const char *field, const NcField *f)
{
	if (f->value == NULL)
		return NULL;
	provenance(a, field, nc_source_name(f->rank), f->raw);
	return f->value;
}

static NcStrList
take_list(const NcHost *host, NcArticle *a, const char *field, const NcListField *f)
{
	NcStrList	list = {0, NULL};

	if (f->count == 0)
		return list;
	list.items = nc_alloc(host, sizeof(char *) * f->count);
	if (list.items == NULL)
		return list;
	memcpy(list.items, f->items, sizeof(char *) * f->count);
	list.count = f->count;
	provenance(a, field, nc_source_name(f->rank), NULL);
	return list;
}

/* The host part of an absolute URL, lower-cased, without its port. */
const char *
nc_url_host(const NcHost *host, const char *url)
{
	const char *start;
	const char *end;
	char	   *h;
	size_t		i;

	if (url == NULL || (start = strstr(url, "://")) == NULL)
		return NULL;
	start += 3;
	end = start;
	while (*end && *end != '/' && *end != ':' && *end != '?' && *end != '#')
		end++;
	if (end == start)
		return NULL;
	h = nc_strndup(host, start, end - start);
	if (h == NULL)
		return NULL;
	for (i = 0; h[i]; i++)
		if (h[i] >= 'A' && h[i] <= 'Z')
			h[i] += 32;
	return h;
}

/*
 * The first segment of a URL's path when it reads as a section name
 * ("/world/us-and-russia..." gives "world"): sites file stories under
 * their sections, and the URL is the site's own taxonomy.
 */
static const char *
url_section(const NcHost *host, const char *url)
{
	const char *p;
	const char *end;
	size_t		len,
				i;
	bool		has_more;

	if (url == NULL || (p = strstr(url, "://")) == NULL)
		return NULL;
	p = strchr(p + 3, '/');
	if (p == NULL)
		return NULL;
	p++;
	end = p;
	while (*end && *end != '/' && *end != '?' && *end != '#')
		end++;
	len = end - p;
	has_more = (*end == '/' && end[1] != '\0');
	/* Only a directory ahead of the story, a word of letters and hyphens. */
	if (!has_more || len < 3 || len > 24)
		return NULL;
	for (i = 0; i < len; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || p[i] == '-'))
			return NULL;
	{
		static const char *const not_sections[] = {
			"news", "story", "stories", "article", "articles", "content", "amp",
			"www", "blog", "blogs", "post", "posts", "index", "en", "home", "pages",
			"node", "item", "items", "archive", "archives", "detail", "details",
			"read", "view", NULL
		};
		char	   *seg = nc_strndup(host, p, len);
		int			k;

		if (seg == NULL)
			return NULL;
		for (k = 0; not_sections[k]; k++)
			if (strcmp(seg, not_sections[k]) == 0)
				return NULL;
		return seg;
	}
}

/* An absolute form of href against the page's URL. */
static const char *
absolute_url(const NcHost *host, const char *href, const char *base)
{
	xmlChar    *built;
	char	   *copy;

	if (href == NULL || base == NULL || strstr(href, "://"))
		return href;
	built = xmlBuildURI((const xmlChar *) href, (const xmlChar *) base);
	if (built == NULL)
		return href;
	copy = nc_strdup(host, (const char *) built);
	xmlFree(built);
	return copy ? copy : href;
}

/* "en_IN" as a language tag, "en-IN". */
static const char *
locale_as_tag(const NcHost *host, const char *locale)
{
	char	   *tag = nc_strdup(host, locale);
	char	   *u;

	if (tag && (u = strchr(tag, '_')) != NULL)
		*u = '-';
	return tag;
}

static void
take_date(NcArticle *a, const char *field, const NcDateFound *found, NcTimestamp *out)
{
	if (!found->ts.valid)
		return;
	*out = found->ts;
	provenance(a, field, found->source, found->raw);
}

/* The first line of a body. */
static const char *
first_line(const NcHost *host, const char *body)
{
	const char *nl;

	if (body == NULL)
		return NULL;
	nl = strchr(body, '\n');
	return nl ? nc_strndup(host, body, nl - body) : body;
}

/*
 * The text of a JSON-LD articleBody.  Some publishers put the story's
 * HTML there: that goes through the same extractor as a page.
 */
static const char *
jsonld_body_text(const NcHost *host, const NcLimits *limits, const char *article_body)
{
	xmlDocPtr	doc;
	const char *text = NULL;
	const char *lead;
	NcError		ignored;

	if (article_body == NULL || strchr(article_body, '<') == NULL)
		return article_body;
	memset(&ignored, 0, sizeof(ignored));
	doc = nc_parse_html(host, article_body, strlen(article_body), NULL, &ignored);
	if (doc == NULL)
		return NULL;			/* a cancel is noticed again by the next walk */
	if (!nc_extract_body(host, doc, limits->max_tree_depth, NULL, NULL, &text, &lead, &ignored))
		text = NULL;
	xmlFreeDoc(doc);
	return text;
}

static NcStatus
fail(NcError *err, NcStatus status, const char *detail)
{
	err->status = status;
	snprintf(err->detail, sizeof(err->detail), "%s", detail);
	return status;
}

NcStatus
nc_parse_article(const NcHost *host, const NcLimits *limits,
				 const NcArticleRequest *request, NcArticle *out, NcError *err)
{
	const char *utf8;
	size_t		utf8_len = 0;
	const char *charset = NULL;
	xmlDocPtr	doc;
	NcMetadata	meta;
	NcZoneContext context;
	NcDateFound published,
				updated;
	const char *site_host;
	const char *headline_source;
	const char *title;
	const char *body = NULL;
	const char *lead_paragraph = NULL;
	const char *jsonld_body;
	const char *lead;
	NcDateline	dateline;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	if (request->len > limits->max_page_bytes)
	{
		snprintf(err->detail, sizeof(err->detail),
				 "The page has %zu bytes; the limit is %zu.", request->len, limits->max_page_bytes);
		err->status = NC_TOO_LARGE;
		return NC_TOO_LARGE;
	}
	out->url = request->url;

	utf8 = nc_decode_page(host, request, &utf8_len, &charset, err);
	if (utf8 == NULL)
		return err->status != NC_OK ? err->status : fail(err, NC_NO_MEMORY, "no memory to decode the page");
	doc = nc_parse_html(host, utf8, utf8_len, request->url, err);
	if (doc == NULL)
		return err->status;		/* NC_OK: nothing a parser can read, an article of NULLs */

	if (!nc_collect_metadata(host, doc, &meta))
	{
		xmlFreeDoc(doc);
		return fail(err, NC_CANCELLED, "cancelled");
	}

	/* The site's country decides what its zone abbreviations mean. */
	site_host = nc_url_host(host, request->url);
	memset(&context, 0, sizeof(context));
	context.default_zone = request->default_zone;
	context.country = nc_country_of_host(site_host);
	if (context.country == NULL && meta.lang.value)
		context.country = nc_country_of_language(meta.lang.value);
	if (context.country == NULL && meta.locale.value)
		context.country = nc_country_of_language(locale_as_tag(host, meta.locale.value));
	if (!nc_find_page_dates(host, doc, request->url, &context,
							meta.jsonld_published.value, meta.jsonld_modified.value,
							&published, &updated))
	{
		xmlFreeDoc(doc);
		return fail(err, NC_CANCELLED, "cancelled");
	}

	/* Headline: the best metadata title, else <title>, else the h1. */
	if (meta.headline.value)
	{
		title = meta.headline.value;
		headline_source = nc_source_name(meta.headline.rank);
	}
	else if (meta.title_tag.value)
	{
		title = meta.title_tag.value;
		headline_source = "title";
	}
	else
	{
		title = meta.h1.value;
		headline_source = "text";
	}
	out->site_name = take(out, "site_name", &meta.site_name);
	/* Metadata titles stand as published; a <title> loses the site's decoration. */
	out->headline = (title == meta.title_tag.value) ?
		nc_headline_from_title(host, title, meta.h1.value) : title;
	if (out->headline)
		provenance(out, "headline", headline_source,
				   strcmp(out->headline, title) != 0 ? title : NULL);

	if (!nc_extract_body(host, doc, limits->max_tree_depth, out->headline, meta.summary.value,
						 &body, &lead_paragraph, err))
	{
		xmlFreeDoc(doc);
		return err->status;
	}
	xmlFreeDoc(doc);
	doc = NULL;

	/*
	 * A page whose markup hides its story (script-rendered, or misparsed)
	 * may still carry it in JSON-LD articleBody: take that when the page
	 * gave little.
	 */
	jsonld_body = jsonld_body_text(host, limits, meta.jsonld_body.value);
	if (jsonld_body && strlen(jsonld_body) >= 200 &&
		(body == NULL || strlen(body) * 2 < strlen(jsonld_body)))
	{
		body = jsonld_body;
		lead_paragraph = NULL;
		provenance(out, "body", "json-ld", NULL);
	}
	else if (body)
		provenance(out, "body", "text", NULL);
	out->body = body;
	if (body)
	{
		out->word_count = nc_count_words(body);
	}
	out->summary = take(out, "summary", &meta.summary);
	if (out->summary == NULL && body)
	{
		/* The standfirst a page does not declare is its first paragraph. */
		out->summary = lead_paragraph ? lead_paragraph : first_line(host, body);
		provenance(out, "summary", "text", NULL);
	}
	out->section = take(out, "section", &meta.section);
	if (out->section == NULL && (out->section = url_section(host, request->url)) != NULL)
		provenance(out, "section", "url", NULL);
	out->lang = take(out, "lang", &meta.lang);
	if (out->lang == NULL && meta.locale.value)
	{
		out->lang = locale_as_tag(host, meta.locale.value);
		provenance(out, "lang", nc_source_name(meta.locale.rank), meta.locale.value);
	}
	out->canonical_url = absolute_url(host, take(out, "canonical_url", &meta.canonical_url), request->url);
	out->image_url = absolute_url(host, take(out, "image_url", &meta.image_url), request->url);
	out->authors = take_list(host, out, "authors", &meta.authors);
	if (out->authors.count == 0)
		out->authors = take_list(host, out, "authors", &meta.organization_authors);
	out->tags = take_list(host, out, "tags", &meta.tags);
	take_date(out, "published_at", &published, &out->published);
	take_date(out, "updated_at", &updated, &out->updated);

	/* Dateline and agency: the lead's "PLACE (AGENCY) -", else the byline's credit. */
	lead = first_line(host, body);
	if (lead && nc_parse_dateline(host, lead, strlen(lead), &dateline))
	{
		if (dateline.place)
		{
			out->dateline_place = dateline.place;
			provenance(out, "dateline_place", "text", NULL);
		}
		if (dateline.agency)
		{
			out->agency = dateline.agency;
			provenance(out, "agency", "text", NULL);
		}
	}
	if (out->agency == NULL && meta.byline_agencies.count > 0)
	{
		out->agency = meta.byline_agencies.items[0];
		provenance(out, "agency", "byline", NULL);
	}
	/* How the page's bytes were read, for auditing mojibake. */
	provenance(out, "charset", "decoded", charset);
	return NC_OK;
}
