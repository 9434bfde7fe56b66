/*
 * src/core/nc_arena.c
 *		Allocation through the host, and the string helpers built on it.
 */
#include <stdlib.h>
#include <string.h>

#include "nc_internal.h"

void *
nc_alloc(const NcHost *host, size_t size)
{
	return host->alloc(host->arg, size == 0 ? 1 : size);
}

char *
nc_strndup(const NcHost *host, const char *s, size_t len)
{
	char	   *copy = nc_alloc(host, len + 1);

	if (copy == NULL)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *
nc_strdup(const NcHost *host, const char *s)
{
	return s ? nc_strndup(host, s, strlen(s)) : NULL;
}

void
nc_buf_init(NcBuf *buf, const NcHost *host)
{
	buf->host = host;
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
	buf->failed = false;
}

/* Grows to hold extra more bytes and a terminating NUL. */
static bool
buf_reserve(NcBuf *buf, size_t extra)
{
	size_t		want = buf->len + extra + 1;
	size_t		cap;
	char	   *data;

	if (buf->failed)
		return false;
	if (want <= buf->cap)
		return true;
	cap = buf->cap ? buf->cap : 256;
	while (cap < want)
		cap *= 2;
	/* Host memory is freed all at once, so the old block is simply left. */
	data = nc_alloc(buf->host, cap);
	if (data == NULL)
	{
		buf->failed = true;
		return false;
	}
	if (buf->len)
		memcpy(data, buf->data, buf->len);
	data[buf->len] = '\0';
	buf->data = data;
	buf->cap = cap;
	return true;
}

void
nc_buf_append(NcBuf *buf, const char *s, size_t len)
{
	if (!buf_reserve(buf, len))
		return;
	memcpy(buf->data + buf->len, s, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void
nc_buf_append_str(NcBuf *buf, const char *s)
{
	nc_buf_append(buf, s, strlen(s));
}

void
nc_buf_append_char(NcBuf *buf, char c)
{
	nc_buf_append(buf, &c, 1);
}

void
nc_buf_reset(NcBuf *buf)
{
	buf->len = 0;
	if (buf->data)
		buf->data[0] = '\0';
}

bool
nc_reserve(const NcHost *host, void **items, int *cap, int count, size_t elem_size)
{
	int			grown;
	void	   *more;

	if (count < *cap)
		return true;
	grown = *cap ? *cap * 2 : 16;
	more = nc_alloc(host, elem_size * grown);
	if (more == NULL)
		return false;
	/* Host memory is freed all at once, so the old block is simply left. */
	if (count)
		memcpy(more, *items, elem_size * count);
	*items = more;
	*cap = grown;
	return true;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

bool
nc_in_sorted_list(const char *w, const char *const *list, size_t n)
{
	return bsearch(&w, list, n, sizeof(char *), compare_strings) != NULL;
}

size_t
nc_space_length(const unsigned char *s, size_t left)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
		return 1;
	/* U+00A0 no-break space */
	if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	/* U+2000..U+200A spaces, U+202F, U+205F, U+3000, U+200B zero width */
	if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
		((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF))
		return 3;
	if (left >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
		return 3;
	if (left >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

char *
nc_collapse_space(const NcHost *host, const char *s, size_t len)
{
	char	   *out = nc_alloc(host, len + 1);
	size_t		i = 0,
				o = 0;
	bool		pending = false;

	if (out == NULL)
		return NULL;
	while (i < len)
	{
		size_t		sp = nc_space_length((const unsigned char *) s + i, len - i);

		if (sp)
		{
			pending = o > 0;
			i += sp;
			continue;
		}
		if (pending)
			out[o++] = ' ';
		pending = false;
		out[o++] = s[i++];
	}
	out[o] = '\0';
	return out;
}

static int
ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

bool
nc_ascii_ieq(const char *a, const char *b)
{
	while (*a && *b)
		if (ascii_lower((unsigned char) *a++) != ascii_lower((unsigned char) *b++))
			return false;
	return *a == *b;
}

bool
nc_ascii_istarts(const char *s, const char *prefix)
{
	while (*prefix)
		if (ascii_lower((unsigned char) *s++) != ascii_lower((unsigned char) *prefix++))
			return false;
	return true;
}

const char *
nc_ascii_istr(const char *haystack, const char *needle)
{
	for (; *haystack; haystack++)
		if (nc_ascii_istarts(haystack, needle))
			return haystack;
	return NULL;
}

const char *
nc_ascii_ieq_any(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (nc_ascii_ieq(s, *list))
			return *list;
	return NULL;
}

const char *
nc_ascii_istarts_any(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (nc_ascii_istarts(s, *list))
			return *list;
	return NULL;
}

const char *
nc_ascii_istr_any(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (nc_ascii_istr(s, *list))
			return *list;
	return NULL;
}

int
nc_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	int			n,
				i;
	uint32_t	c;

	if (len == 0)
	{
		*cp = 0;
		return 0;
	}
	c = s[0];
	if (c < 0x80)
		n = 1;
	else if ((c & 0xE0) == 0xC0)
		n = 2, c &= 0x1F;
	else if ((c & 0xF0) == 0xE0)
		n = 3, c &= 0x0F;
	else if ((c & 0xF8) == 0xF0)
		n = 4, c &= 0x07;
	else
	{
		*cp = 0xFFFD;
		return 1;
	}
	if ((size_t) n > len)
	{
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
		{
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms (C0 AF for '/') and code points past U+10FFFF are invalid. */
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
	{
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return n;
}

/* Letters and digits for word counting: ASCII alnum or any non-ASCII non-space. */
static bool
is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFFFD)
		return false;
	return true;
}

int
nc_count_words(const char *s)
{
	return nc_count_words_n(s, strlen(s));
}

int
nc_count_words_n(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	int			words = 0;
	bool		in_word = false;

	while (len > 0)
	{
		uint32_t	cp;
		int			n = nc_utf8_decode(p, len, &cp);
		bool		w = is_word_char(cp);

		if (w && !in_word)
			words++;
		in_word = w;
		p += n;
		len -= n;
	}
	return words;
}
