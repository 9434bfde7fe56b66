/*
 * src/core/nc_provisional_article.c
 *		PROVISIONAL stand-in for nc_parse_article, so the storage branch can
 *		load the module and test ingest before the article extractor lands.
 *
 * Delete this file when src/core/nc_article.c is merged: it reads only the
 * <title> or first <h1>, <link rel=canonical>, <html lang>, og:site_name and
 * the text of <p> elements.  It exists so that news.ingest has something to
 * store; nothing here is the real extractor's behaviour.
 */
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "nc_internal.h"

static const char *
attr(xmlNodePtr node, const char *name)
{
	xmlAttrPtr	a;

	for (a = node->properties; a; a = a->next)
		if (nc_ascii_ieq((const char *) a->name, name) && a->children &&
			a->children->content)
			return (const char *) a->children->content;
	return NULL;
}

static void
node_text(xmlNodePtr node, NcBuf *buf)
{
	xmlNodePtr	c;

	for (c = node->children; c; c = c->next)
	{
		if (c->type == XML_TEXT_NODE && c->content)
			nc_buf_append_str(buf, (const char *) c->content);
		else if (c->type == XML_ELEMENT_NODE &&
				 !nc_ascii_ieq((const char *) c->name, "script") &&
				 !nc_ascii_ieq((const char *) c->name, "style"))
			node_text(c, buf);
	}
}

static char *
collapsed_text(const NcHost *host, xmlNodePtr node)
{
	NcBuf		buf;

	nc_buf_init(&buf, host);
	node_text(node, &buf);
	if (buf.failed || buf.len == 0)
		return NULL;
	return nc_collapse_space(host, buf.data, buf.len);
}

NcStatus
nc_parse_article(const NcHost *host, const NcLimits *limits,
				 const NcArticleRequest *request, NcArticle *out, NcError *err)
{
	htmlDocPtr	doc;
	xmlNodePtr	node;
	xmlNodePtr	stack[256];
	int			depth = 0;
	NcBuf		body;
	char	   *title = NULL;
	char	   *h1 = NULL;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	if (limits && request->len > limits->max_page_bytes)
	{
		err->status = NC_TOO_LARGE;
		strcpy(err->detail, "The page is larger than the limit.");
		return NC_TOO_LARGE;
	}
	doc = htmlReadMemory(request->bytes, (int) request->len, request->url,
						 request->charset,
						 HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
						 HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	out->url = request->url ? nc_strdup(host, request->url) : NULL;
	if (doc == NULL)
		return NC_OK;
	nc_buf_init(&body, host);
	node = xmlDocGetRootElement(doc);
	while (node)
	{
		if (node->type == XML_ELEMENT_NODE)
		{
			const char *name = (const char *) node->name;
			const char *v;
			bool		descend = true;

			if (nc_ascii_ieq(name, "html") && (v = attr(node, "lang")))
				out->lang = nc_strdup(host, v);
			else if (nc_ascii_ieq(name, "title") && !title)
				title = collapsed_text(host, node);
			else if (nc_ascii_ieq(name, "h1") && !h1)
				h1 = collapsed_text(host, node);
			else if (nc_ascii_ieq(name, "link") && (v = attr(node, "rel")) &&
					 nc_ascii_ieq(v, "canonical") && (v = attr(node, "href")))
				out->canonical_url = nc_strdup(host, v);
			else if (nc_ascii_ieq(name, "meta") && (v = attr(node, "property")) &&
					 nc_ascii_ieq(v, "og:site_name") && (v = attr(node, "content")))
				out->site_name = nc_strdup(host, v);
			else if (nc_ascii_ieq(name, "p"))
			{
				char	   *t = collapsed_text(host, node);

				if (t && *t)
				{
					if (body.len)
						nc_buf_append_char(&body, '\n');
					nc_buf_append_str(&body, t);
				}
				descend = false;
			}
			if (descend && node->children && depth < 256)
			{
				stack[depth++] = node;
				node = node->children;
				continue;
			}
		}
		while (node && !node->next && depth > 0)
			node = stack[--depth];
		node = node ? node->next : NULL;
	}
	xmlFreeDoc(doc);
	out->headline = h1 ? h1 : title;
	if (body.len && !body.failed)
	{
		out->body = body.data;
		out->word_count = nc_count_words(body.data);
	}
	return NC_OK;
}
