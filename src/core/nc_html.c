/*
 * src/core/nc_html.c
 *		Page bytes to a libxml2 HTML tree: charset sniffing, decoding to
 *		UTF-8 with invalid sequences replaced, and parsing.
 *
 * The charset is decided as browsers do, best evidence first: a byte
 * order mark, the HTTP Content-Type, <meta charset> or http-equiv in the
 * first bytes, then detection (valid UTF-8, else windows-1252).  Decoding
 * uses libxml2's encoding handlers (iconv underneath); bytes a charset
 * cannot decode become U+FFFD instead of stopping the parse.  The parser
 * then always reads UTF-8, so a page's own <meta> cannot switch it.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>

#include "nc_html.h"

#define SNIFF_BYTES 4096
#define REPLACEMENT "\xEF\xBF\xBD"

/* Copies a charset label (letters, digits, -_.:) into out; empty when none. */
static void
copy_label(const char *s, const char *end, char *out, size_t outsize)
{
	size_t		n = 0;

	while (s < end && (*s == ' ' || *s == '"' || *s == '\'' || *s == '='))
		s++;
	while (s < end && n + 1 < outsize &&
		   ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
			(*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.' || *s == ':'))
		out[n++] = *s++;
	out[n] = '\0';
}

/* The charset= parameter of a Content-Type value, if any. */
static bool
charset_param(const char *s, const char *end, char *out, size_t outsize)
{
	for (; s + 7 <= end; s++)
	{
		if (nc_ascii_istarts(s, "charset"))
		{
			const char *p = s + 7;

			while (p < end && *p == ' ')
				p++;
			if (p < end && *p == '=')
			{
				copy_label(p + 1, end, out, outsize);
				return out[0] != '\0';
			}
		}
	}
	return false;
}

/*
 * Looks for <meta charset=...> or <meta http-equiv=Content-Type content=...>
 * in the first bytes of the page, as the HTML prescan does.
 */
static bool
sniff_meta_charset(const char *bytes, size_t len, char *out, size_t outsize)
{
	const char *end = bytes + (len < SNIFF_BYTES ? len : SNIFF_BYTES);
	const char *p;

	for (p = bytes; p + 5 < end; p++)
	{
		const char *tag_end;

		if (*p != '<' || !nc_ascii_istarts(p + 1, "meta"))
			continue;
		tag_end = memchr(p, '>', end - p);
		if (tag_end == NULL)
			break;
		if (charset_param(p + 5, tag_end, out, outsize))
			return true;
		p = tag_end;
	}
	return false;
}

/* Length of the run of ASCII bytes at s, eight at a time where it can. */
static size_t
ascii_run(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i + 8 <= len)
	{
		uint64_t	word;

		memcpy(&word, s + i, 8);
		if (word & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < len && s[i] < 0x80)
		i++;
	return i;
}

/* Valid UTF-8 (NUL bytes included: they say nothing of the charset). */
static bool
valid_utf8(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			n;

		i += ascii_run(s + i, len - i);
		if (i >= len)
			break;
		n = nc_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && n == 1)
			return false;
		i += n;
	}
	return true;
}

static bool
has_multibyte(const char *s, size_t len)
{
	return ascii_run((const unsigned char *) s, len) < len;
}

/* Labels pages use for charsets that browsers read as a superset. */
static const char *
canonical_charset(const char *label)
{
	if (nc_ascii_ieq(label, "iso-8859-1") || nc_ascii_ieq(label, "latin1") ||
		nc_ascii_ieq(label, "us-ascii") || nc_ascii_ieq(label, "ascii") ||
		nc_ascii_ieq(label, "iso8859-1") || nc_ascii_ieq(label, "l1"))
		return "windows-1252";
	if (nc_ascii_ieq(label, "utf8") || nc_ascii_ieq(label, "unicode-1-1-utf-8"))
		return "UTF-8";
	if (nc_ascii_ieq(label, "gb2312") || nc_ascii_ieq(label, "gbk"))
		return "GB18030";
	return label;
}

/*
 * UTF-8 with every invalid sequence replaced by U+FFFD, and no NUL bytes;
 * valid input is handed back as it is, uncopied.
 */
static const char *
repair_utf8(const NcHost *host, const char *s, size_t len, size_t *outlen)
{
	NcBuf		buf;
	size_t		i = 0,
				run = 0;

	/* Valid and free of NUL bytes: the parser can read it as it is. */
	if (memchr(s, 0, len) == NULL && valid_utf8((const unsigned char *) s, len))
	{
		*outlen = len;
		return s;
	}
	nc_buf_init(&buf, host);
	while (i < len)
	{
		uint32_t	cp;
		int			n = nc_utf8_decode((const unsigned char *) s + i, len - i, &cp);
		bool		bad = (cp == 0xFFFD && n == 1) || cp == 0 ||
			(cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;

		if (bad)
		{
			nc_buf_append(&buf, s + run, i - run);
			if (cp != 0)
				nc_buf_append_str(&buf, REPLACEMENT);
			i += n;
			run = i;
			continue;
		}
		i += n;
	}
	nc_buf_append(&buf, s + run, len - run);
	if (buf.failed)
		return NULL;
	*outlen = buf.len;
	return buf.data ? buf.data : nc_strdup(host, "");
}

/*
 * Decodes bytes in charset to UTF-8 with libxml2's handler, skipping one
 * byte (and writing U+FFFD) wherever the converter stops on bad input.
 */
static const char *
decode_with_handler(const NcHost *host, xmlCharEncodingHandlerPtr handler,
					const char *bytes, size_t len, size_t *outlen, NcError *err)
{
	NcBuf		buf;
	size_t		pos = 0;
	int			stalls = 0;

	nc_buf_init(&buf, host);
	while (pos < len)
	{
		xmlBufferPtr in = xmlBufferCreateStatic((void *) (bytes + pos),
												len - pos > 65536 ? 65536 : len - pos);
		xmlBufferPtr out = xmlBufferCreate();
		int			before,
					consumed,
					rc;

		if (in == NULL || out == NULL)
		{
			if (in)
				xmlBufferFree(in);
			if (out)
				xmlBufferFree(out);
			err->status = NC_NO_MEMORY;
			snprintf(err->detail, sizeof(err->detail), "libxml2 could not allocate a conversion buffer");
			return NULL;
		}
		before = xmlBufferLength(in);
		rc = xmlCharEncInFunc(handler, out, in);
		consumed = before - xmlBufferLength(in);
		nc_buf_append(&buf, (const char *) xmlBufferContent(out), xmlBufferLength(out));
		xmlBufferFree(out);
		xmlBufferFree(in);
		pos += consumed;
		if (rc == -2 || consumed == 0)
		{
			/* An undecodable byte, or a sequence cut at the chunk's end. */
			if (consumed == 0 && ++stalls > 4)
			{
				nc_buf_append_str(&buf, REPLACEMENT);
				pos++;
				stalls = 0;
			}
			else if (rc == -2)
			{
				nc_buf_append_str(&buf, REPLACEMENT);
				pos++;
			}
		}
		else
			stalls = 0;
		if (host->should_stop(host->arg))
		{
			err->status = NC_CANCELLED;
			return NULL;
		}
	}
	if (buf.failed)
	{
		err->status = NC_NO_MEMORY;
		snprintf(err->detail, sizeof(err->detail), "no memory for the decoded page");
		return NULL;
	}
	/* Converters emit valid UTF-8; NULs from the page still must go. */
	return repair_utf8(host, buf.data ? buf.data : "", buf.len, outlen);
}

/* Byte order marks: UTF-8, UTF-16 LE and BE. */
static const char *
bom_charset(const unsigned char *b, size_t len, size_t *bom_len)
{
	if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		return (*bom_len = 3, "UTF-8");
	if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		return (*bom_len = 2, "UTF-16LE");
	if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		return (*bom_len = 2, "UTF-16BE");
	*bom_len = 0;
	return NULL;
}

const char *
nc_decode_page(const NcHost *host, const NcArticleRequest *request,
			   size_t *outlen, const char **charset_used, NcError *err)
{
	const char *bytes = request->bytes;
	size_t		len = request->len;
	size_t		bom_len;
	char		label[64];
	const char *charset = bom_charset((const unsigned char *) bytes, len, &bom_len);
	xmlCharEncodingHandlerPtr handler;

	bytes += bom_len;
	len -= bom_len;
	if (charset == NULL && request->charset)
		charset = request->charset;
	if (charset == NULL && request->content_type &&
		charset_param(request->content_type,
					  request->content_type + strlen(request->content_type),
					  label, sizeof(label)))
		charset = label;
	/*
	 * A <meta> label is the weakest evidence: stored crawls are often
	 * re-encoded to UTF-8 with the original <meta> kept.  Multi-byte UTF-8
	 * that validates is next to impossible in a legacy charset, so such
	 * bytes win over the label.
	 */
	if (charset == NULL && sniff_meta_charset(bytes, len, label, sizeof(label)) &&
		!(has_multibyte(bytes, len) && valid_utf8((const unsigned char *) bytes, len)))
		charset = label;
	/* A declared UTF-8 that is not, or no declaration: look at the bytes. */
	if (charset == NULL || nc_ascii_ieq(canonical_charset(charset), "UTF-8"))
	{
		if (charset != NULL || valid_utf8((const unsigned char *) bytes, len))
		{
			*charset_used = "UTF-8";
			return repair_utf8(host, bytes, len, outlen);
		}
		charset = "windows-1252";
	}
	charset = canonical_charset(charset);
	handler = xmlFindCharEncodingHandler(charset);
	if (handler == NULL)
	{
		/* An unknown label: the bytes decide. */
		if (valid_utf8((const unsigned char *) bytes, len))
		{
			*charset_used = "UTF-8";
			return repair_utf8(host, bytes, len, outlen);
		}
		charset = "windows-1252";
		handler = xmlFindCharEncodingHandler(charset);
		if (handler == NULL)
		{
			err->status = NC_BAD_ENCODING;
			snprintf(err->detail, sizeof(err->detail),
					 "libxml2 has no converter for \"%s\"", charset);
			return NULL;
		}
	}
	*charset_used = nc_strdup(host, charset);
	{
		const char *decoded = decode_with_handler(host, handler, bytes, len, outlen, err);

		xmlCharEncCloseFunc(handler);
		return decoded;
	}
}

/*
 * Most attributes one start tag may carry.  libxml2 checks each new
 * attribute name against all earlier ones, so a tag with n distinct names
 * costs n^2/2 comparisons inside one uninterruptible call (40,000 names
 * take about 20 s): such pages are refused before parsing.
 */
#define MAX_TAG_ATTRIBUTES 4096

/* Where the text after a raw-text element's start tag ends: its end tag, as parsers read it. */
static size_t
raw_text_end(const char *s, size_t len, size_t i, const char *name)
{
	size_t		n = strlen(name);

	for (; i + 2 + n <= len; i++)
		if (s[i] == '<' && s[i + 1] == '/' && nc_ascii_istarts(s + i + 2, name))
			return i;
	return len;
}

/*
 * True when some start tag holds more than MAX_TAG_ATTRIBUTES names.  The
 * scan reads the page as the parser will: comments and the contents of
 * <script> and <style> are text, not tags ("<bo" + 'dy onload=...' inside
 * a script is no tag).
 */
static bool
has_huge_tag(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		const char *lt = memchr(s + i, '<', len - i);
		size_t		names = 0;
		size_t		name_start;
		char		quote = 0;
		bool		in_word = false;

		if (lt == NULL)
			return false;
		i = lt - s + 1;
		if (i + 3 <= len && strncmp(s + i, "!--", 3) == 0)
		{
			const char *end = NULL;
			size_t		j;

			for (j = i + 3; j + 3 <= len && end == NULL; j++)
				if (strncmp(s + j, "-->", 3) == 0)
					end = s + j;
			i = end ? (size_t) (end - s) + 3 : len;
			continue;
		}
		if (i >= len || !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			continue;
		name_start = i;
		for (; i < len; i++)
		{
			char		c = s[i];

			if (quote)
			{
				if (c == quote)
					quote = 0;
			}
			else if (c == '"' || c == '\'')
				quote = c;
			else if (c == '>')
				break;
			else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '=')
				in_word = false;
			else if (!in_word)
			{
				in_word = true;
				if (++names > MAX_TAG_ATTRIBUTES)
					return true;
			}
		}
		if (nc_ascii_istarts(s + name_start, "script") || nc_ascii_istarts(s + name_start, "style"))
			i = raw_text_end(s, len, i, nc_ascii_istarts(s + name_start, "script") ? "script" : "style");
	}
	return false;
}

/* One parse's link to its host, reached through the parser's _private. */
typedef struct ParseWatch
{
	const NcHost *host;
	htmlParserCtxtPtr ctxt;
	startElementSAXFunc start_element;
	long		events;
	bool		cancelled;
} ParseWatch;

/* Polls the host every 1024 parser events; stops the parser when asked. */
static void
watch_tick(ParseWatch *w)
{
	if ((++w->events & 1023) == 0 && !w->cancelled && w->host->should_stop(w->host->arg))
	{
		w->cancelled = true;
		xmlStopParser(w->ctxt);
	}
}

/*
 * Parser complaints are counted, never kept: tag soup raises one per stray
 * tag, and a collecting handler (PostgreSQL's keeps every message) grows
 * past 1 GB on a 32 MB page.
 */
static void
watch_error(void *data, xmlErrorPtr error)
{
	watch_tick((ParseWatch *) data);
}

static void
watch_start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	htmlParserCtxtPtr ctxt = ctx;
	ParseWatch *w = ctxt->_private;

	watch_tick(w);
	if (!w->cancelled)
		w->start_element(ctx, name, atts);
}

xmlDocPtr
nc_parse_html(const NcHost *host, const char *utf8, size_t len, const char *url, NcError *err)
{
	htmlParserCtxtPtr ctxt;
	xmlDocPtr	doc;
	ParseWatch	watch;
	xmlStructuredErrorFunc saved_handler = xmlStructuredError;
	void	   *saved_handler_data = xmlStructuredErrorContext;

	if (len > (size_t) INT32_MAX)
		return NULL;
	if (has_huge_tag(utf8, len))
	{
		err->status = NC_TOO_LARGE;
		snprintf(err->detail, sizeof(err->detail),
				 "A tag of the page has more than %d attributes.", MAX_TAG_ATTRIBUTES);
		return NULL;
	}
	ctxt = htmlNewParserCtxt();
	if (ctxt == NULL || ctxt->sax == NULL)
	{
		if (ctxt)
			htmlFreeParserCtxt(ctxt);
		return NULL;
	}
	memset(&watch, 0, sizeof(watch));
	watch.host = host;
	watch.ctxt = ctxt;
	watch.start_element = ctxt->sax->startElement;
	ctxt->_private = &watch;
	ctxt->sax->startElement = watch_start_element;
	/* The caller's handler comes back before anything else can run. */
	xmlSetStructuredErrorFunc(&watch, watch_error);
	doc = htmlCtxtReadMemory(ctxt, utf8, (int) len, url, "UTF-8",
							 HTML_PARSE_RECOVER | HTML_PARSE_NONET |
							 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
							 HTML_PARSE_COMPACT);
	xmlSetStructuredErrorFunc(saved_handler_data, saved_handler);
	htmlFreeParserCtxt(ctxt);
	if (watch.cancelled)
	{
		if (doc)
			xmlFreeDoc(doc);
		err->status = NC_CANCELLED;
		snprintf(err->detail, sizeof(err->detail), "cancelled while parsing");
		return NULL;
	}
	return doc;
}

/* The code point of the reference at ref ("&...;" ending at semi); false if none. */
static bool
reference_value(const char *ref, const char *semi, unsigned long *cp)
{
	char		name[33];
	const htmlEntityDesc *entity;

	if (ref[1] == '#')
	{
		bool		hex = ref[2] == 'x' || ref[2] == 'X';
		const char *digits = ref + (hex ? 3 : 2);
		char	   *end;

		if (!(hex ? isxdigit((unsigned char) *digits) : isdigit((unsigned char) *digits)))
			return false;
		errno = 0;
		*cp = strtoul(digits, &end, hex ? 16 : 10);
		if (end != semi)
			return false;
		if (errno == ERANGE || *cp == 0 || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
			*cp = 0xFFFD;
		return true;
	}
	if ((size_t) (semi - ref - 1) >= sizeof(name))
		return false;
	memcpy(name, ref + 1, semi - ref - 1);
	name[semi - ref - 1] = '\0';
	entity = htmlEntityLookup((const xmlChar *) name);
	if (entity == NULL)
		return false;
	*cp = entity->value;
	return true;
}

const char *
nc_unescape_entities(const NcHost *host, const char *s)
{
	NcBuf		out;
	const char *p;

	if (s == NULL || strchr(s, '&') == NULL)
		return s;
	nc_buf_init(&out, host);
	for (p = s; *p;)
	{
		const char *semi = *p == '&' ? strchr(p + 1, ';') : NULL;
		unsigned long cp;

		if (semi && semi - p <= 34 && reference_value(p, semi, &cp))
		{
			xmlChar		utf8[8];
			int			n = xmlCopyCharMultiByte(utf8, (int) cp);

			nc_buf_append(&out, (const char *) utf8, n > 0 ? n : 0);
			p = semi + 1;
		}
		else
			nc_buf_append_char(&out, *p++);
	}
	return (out.failed || out.data == NULL) ? s : out.data;
}

