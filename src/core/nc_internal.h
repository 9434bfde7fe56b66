/*
 * src/core/nc_internal.h
 *		Helpers shared by the core's files; not part of its interface.
 */
#ifndef NC_INTERNAL_H
#define NC_INTERNAL_H

#include "nc_core.h"

/* Memory from the host; NULL when it has none left. */
extern void *nc_alloc(const NcHost *host, size_t size);
extern char *nc_strndup(const NcHost *host, const char *s, size_t len);
extern char *nc_strdup(const NcHost *host, const char *s);

/*
 * A growable string in host memory.  After an allocation failure the
 * buffer is marked failed and keeps quiet: callers check once at the end.
 */
typedef struct NcBuf
{
	const NcHost *host;
	char	   *data;
	size_t		len;
	size_t		cap;
	bool		failed;
} NcBuf;

extern void nc_buf_init(NcBuf *buf, const NcHost *host);
extern void nc_buf_append(NcBuf *buf, const char *s, size_t len);
extern void nc_buf_append_str(NcBuf *buf, const char *s);
extern void nc_buf_append_char(NcBuf *buf, char c);
extern void nc_buf_reset(NcBuf *buf);
/* The text with runs of white space folded to one space and no ends. */
extern char *nc_collapse_space(const NcHost *host, const char *s, size_t len);

/* ASCII case-insensitive helpers: pages mix cases freely. */
extern bool nc_ascii_ieq(const char *a, const char *b);
extern bool nc_ascii_istarts(const char *s, const char *prefix);
extern const char *nc_ascii_istr(const char *haystack, const char *needle);

/* Length of the UTF-8 sequence at s (1 for a stray byte), and its code point. */
extern int	nc_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Words (runs of letters or digits) in UTF-8 text. */
extern int	nc_count_words(const char *s);

#endif							/* NC_INTERNAL_H */
