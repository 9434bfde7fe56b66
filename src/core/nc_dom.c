/*
 * src/core/nc_dom.c
 *		DOM helpers over libxml2 trees shared by the extractors.  Walks are
 *		bounded by a depth limit: libxml2 builds trees as deep as the page.
 */
#include <string.h>

#include "nc_html.h"

const char *
nc_attr(xmlNodePtr node, const char *name)
{
	xmlAttrPtr	attr;

	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (attr = node->properties; attr; attr = attr->next)
	{
		if (attr->name && nc_ascii_ieq((const char *) attr->name, name))
		{
			if (attr->children && attr->children->type == XML_TEXT_NODE &&
				attr->children->content)
				return (const char *) attr->children->content;
			return "";
		}
	}
	return NULL;
}

bool
nc_is_tag(xmlNodePtr node, const char *tag)
{
	return node && node->type == XML_ELEMENT_NODE && node->name &&
		strcmp((const char *) node->name, tag) == 0;
}

static xmlNodePtr
find_tag(xmlNodePtr node, const char *tag, int depth)
{
	xmlNodePtr	child;

	if (depth <= 0)
		return NULL;
	for (child = node->children; child; child = child->next)
	{
		xmlNodePtr	found;

		if (child->type != XML_ELEMENT_NODE)
			continue;
		if (nc_is_tag(child, tag))
			return child;
		found = find_tag(child, tag, depth - 1);
		if (found)
			return found;
	}
	return NULL;
}

xmlNodePtr
nc_find_tag(xmlNodePtr node, const char *tag, int max_depth)
{
	return node ? find_tag(node, tag, max_depth) : NULL;
}

bool
nc_tag_in(const char *name, const char *const *list)
{
	/* The first letter rules out most entries without a call. */
	for (; *list; list++)
		if (name[0] == (*list)[0] && strcmp(name, *list) == 0)
			return true;
	return false;
}

bool
nc_is_invisible(xmlNodePtr node)
{
	/*
	 * Not "head": libxml2 keeps a page's body inside <head> when the head
	 * holds an element it does not close it for; head's own children
	 * (title, meta, script, style) are never shown by themselves.  Ruby
	 * annotations (<rt>, <rp>: furigana over kanji) are read above the
	 * text, not in it.
	 */
	static const char *const never_shown[] = {
		"script", "style", "noscript", "template", "title", "meta",
		"link", "svg", "math", "iframe", "object", "embed", "canvas", "select",
		"option", "button", "input", "textarea", "map", "rt", "rp", NULL
	};
	const char *style;
	const char *aria;

	if (node->type != XML_ELEMENT_NODE || node->name == NULL)
		return false;
	if (nc_tag_in((const char *) node->name, never_shown))
		return true;
	if (nc_attr(node, "hidden"))
		return true;
	aria = nc_attr(node, "aria-hidden");
	if (aria && nc_ascii_ieq(aria, "true"))
		return true;
	style = nc_attr(node, "style");
	if (style && (nc_ascii_istr(style, "display:none") || nc_ascii_istr(style, "display: none") ||
				  nc_ascii_istr(style, "visibility:hidden") ||
				  nc_ascii_istr(style, "visibility: hidden")))
		return true;
	return false;
}

bool
nc_is_block(xmlNodePtr node)
{
	static const char *const blocks[] = {
		"p", "div", "section", "article", "main", "aside", "header", "footer",
		"nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt",
		"dd", "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody",
		"tfoot", "caption", "figure", "figcaption", "br", "hr", "address",
		"form", "fieldset", "details", "summary", "center", "body", "html", NULL
	};

	return node->type == XML_ELEMENT_NODE && node->name &&
		nc_tag_in((const char *) node->name, blocks);
}

static void
gather_text(NcBuf *buf, xmlNodePtr node, int depth)
{
	xmlNodePtr	child;

	if (depth <= 0)
		return;
	for (child = node->children; child; child = child->next)
	{
		if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
		{
			if (child->content)
				nc_buf_append_str(buf, (const char *) child->content);
		}
		else if (child->type == XML_ELEMENT_NODE && !nc_is_invisible(child))
		{
			bool		block = nc_is_block(child);

			if (block)
				nc_buf_append_char(buf, ' ');
			gather_text(buf, child, depth - 1);
			if (block)
				nc_buf_append_char(buf, ' ');
		}
	}
}

char *
nc_node_text(const NcHost *host, xmlNodePtr node, int max_depth)
{
	NcBuf		buf;

	if (node == NULL)
		return NULL;
	nc_buf_init(&buf, host);
	if (node->type == XML_TEXT_NODE && node->content)
		nc_buf_append_str(&buf, (const char *) node->content);
	else
		gather_text(&buf, node, max_depth);
	if (buf.failed)
		return NULL;
	return nc_collapse_space(host, buf.data ? buf.data : "", buf.len);
}
