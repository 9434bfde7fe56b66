/*
 * src/loader/pg_news_load.c
 *		Bulk loader: streams a directory of article pages (.html, .html.gz)
 *		or web archives (.warc, .warc.gz) into news.articles through
 *		news.ingest_page, over N connections.
 *
 * One process, one thread: the N connections run asynchronously (libpq's
 * PQsendQueryParams) and a select() loop hands each idle connection the
 * next page.  Reading and un-gzipping is cheap next to the server's parse,
 * so a single reader keeps N backends busy.  Every page is its own
 * transaction: a bad page fails alone and is reported with its file, WARC
 * record offset and the server's message.
 *
 * Resuming needs no state file: a page whose URL is already stored with a
 * fetch time at least as recent is skipped by the server in the same
 * statement, so re-running an interrupted load only re-reads the files.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <zlib.h>

#define MAX_JOBS 64
#define MAX_LINE 65536
#define MAX_FAILURES_SHOWN 50

/* The statement each page goes through; $3 also decides "already loaded". */
static const char *ingest_sql =
"WITH done AS (SELECT a.id FROM news.articles a "
"              WHERE a.url = $1 AND a.fetched_at >= $3::timestamptz) "
"SELECT d.id, 'loaded' FROM done d "
"UNION ALL "
"SELECT p.article_id, p.outcome "
"FROM news.ingest_page($1, $2::bytea, $3::timestamptz, $4) p "
"WHERE NOT EXISTS (SELECT FROM done)";

static const char *ingest_sql_force =
"SELECT p.article_id, p.outcome "
"FROM news.ingest_page($1, $2::bytea, $3::timestamptz, $4) p";

/* ---------------------------------------------------------------------
 * Small helpers
 * ---------------------------------------------------------------------
 */

static const char *progname = "pg_news_load";

static void fatal(const char *fmt,...) __attribute__((format(printf, 1, 2), noreturn));
static char *xasprintf(const char *fmt,...) __attribute__((format(printf, 1, 2)));

static void
fatal(const char *fmt,...)
{
	va_list		ap;

	fprintf(stderr, "%s: error: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void	   *p = malloc(n ? n : 1);

	if (!p)
		fatal("out of memory");
	return p;
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		fatal("out of memory");
	return p;
}

static char *
xstrdup(const char *s)
{
	return strcpy(xmalloc(strlen(s) + 1), s);
}

static char *
xasprintf(const char *fmt,...)
{
	va_list		ap;
	int			n;
	char	   *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc(n + 1);
	va_start(ap, fmt);
	vsnprintf(s, n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static double
now_seconds(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return tv.tv_sec + tv.tv_usec / 1e6;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t		a = strlen(s);
	size_t		b = strlen(suffix);

	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

static bool
istarts(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* Growable byte buffer. */
typedef struct Buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} Buf;

static void
buf_reserve(Buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
	{
		size_t		cap = b->cap ? b->cap : 8192;

		while (b->len + extra + 1 > cap)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
}

static void
buf_append(Buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* ---------------------------------------------------------------------
 * Options, inputs and counters
 * ---------------------------------------------------------------------
 */

typedef struct UrlMapEntry
{
	char	   *name;
	char	   *url;
} UrlMapEntry;

static struct
{
	const char *dbname;
	int			jobs;
	bool		quiet;
	bool		force;
	size_t		max_page_bytes;
	UrlMapEntry *urlmap;
	size_t		urlmap_count;
}			opt = {NULL, 1, false, false, 64 * 1024 * 1024, NULL, 0};

typedef struct InputFile
{
	char	   *path;
	bool		warc;
	off_t		size;
	time_t		mtime;
} InputFile;

static InputFile *inputs;
static size_t ninputs;
static size_t inputs_cap;
static off_t total_bytes;

typedef struct Failure
{
	char	   *where;
	char	   *reason;
} Failure;

static struct
{
	long		pages;			/* pages sent to the server */
	long		done;			/* pages answered */
	long		new_articles;
	long		changed;
	long		unchanged;
	long		duplicates;
	long		older;
	long		loaded_before;
	long		skipped;		/* WARC records that are not HTML pages */
	long		failed;
	Failure    *failures;
	size_t		failures_cap;
}			stats;

static volatile sig_atomic_t interrupted = 0;
static bool tty;
static bool bar_shown;
static double started;
static double last_progress;

static void
on_signal(int sig)
{
	(void) sig;
	interrupted = 1;
}

static void
clear_bar(void)
{
	if (bar_shown)
	{
		fputs("\r\033[K", stderr);
		bar_shown = false;
	}
}

/* Records a failed page; printed at once and again in the summary. */
static void
add_failure(const char *where, const char *reason)
{
	char	   *r = xstrdup(reason ? reason : "unknown error");

	/* The server's messages end with a newline; keep only the first line. */
	r[strcspn(r, "\n")] = '\0';
	if ((size_t) stats.failed >= stats.failures_cap)
	{
		stats.failures_cap = stats.failures_cap ? stats.failures_cap * 2 : 64;
		stats.failures = xrealloc(stats.failures, stats.failures_cap * sizeof(Failure));
	}
	stats.failures[stats.failed].where = xstrdup(where);
	stats.failures[stats.failed].reason = r;
	stats.failed++;
	clear_bar();
	fprintf(stderr, "%s: failed: %s: %s\n", progname, where, r);
}

static int
cmp_urlmap(const void *a, const void *b)
{
	return strcmp(((const UrlMapEntry *) a)->name, ((const UrlMapEntry *) b)->name);
}

/* Reads "file-name<TAB>url" lines: where plain .html pages came from. */
static void
read_urlmap(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	size_t		mapcap = 0;

	if (!f)
		fatal("could not open URL map \"%s\": %s", path, strerror(errno));
	while ((n = getline(&line, &cap, f)) > 0)
	{
		char	   *tab;

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#' || !(tab = strchr(line, '\t')))
			continue;
		*tab = '\0';
		if (opt.urlmap_count == mapcap)
		{
			mapcap = mapcap ? mapcap * 2 : 1024;
			opt.urlmap = xrealloc(opt.urlmap, mapcap * sizeof(UrlMapEntry));
		}
		opt.urlmap[opt.urlmap_count].name = xstrdup(line);
		opt.urlmap[opt.urlmap_count].url = xstrdup(tab + 1);
		opt.urlmap_count++;
	}
	free(line);
	fclose(f);
	qsort(opt.urlmap, opt.urlmap_count, sizeof(UrlMapEntry), cmp_urlmap);
}

/* The URL of a plain page: from the map by base name (with or without .gz), else file://. */
static char *
url_for_file(const char *path)
{
	const char *base = strrchr(path, '/');
	UrlMapEntry key;
	UrlMapEntry *hit;
	char	   *name;
	char		abspath[PATH_MAX];

	base = base ? base + 1 : path;
	if (opt.urlmap_count)
	{
		name = xstrdup(base);
		key.name = name;
		hit = bsearch(&key, opt.urlmap, opt.urlmap_count, sizeof(UrlMapEntry), cmp_urlmap);
		if (!hit && ends_with(name, ".gz"))
		{
			name[strlen(name) - 3] = '\0';
			hit = bsearch(&key, opt.urlmap, opt.urlmap_count, sizeof(UrlMapEntry), cmp_urlmap);
		}
		free(name);
		if (hit)
			return xstrdup(hit->url);
	}
	if (realpath(path, abspath))
		return xasprintf("file://%s", abspath);
	return xasprintf("file://%s", path);
}

static void
add_input(const char *path, const struct stat *st)
{
	bool		warc = ends_with(path, ".warc") || ends_with(path, ".warc.gz");
	bool		html = ends_with(path, ".html") || ends_with(path, ".html.gz") ||
		ends_with(path, ".htm") || ends_with(path, ".htm.gz");

	if (!warc && !html)
		return;
	if (ninputs == inputs_cap)
	{
		inputs_cap = inputs_cap ? inputs_cap * 2 : 1024;
		inputs = xrealloc(inputs, inputs_cap * sizeof(InputFile));
	}
	inputs[ninputs].path = xstrdup(path);
	inputs[ninputs].warc = warc;
	inputs[ninputs].size = st->st_size;
	inputs[ninputs].mtime = st->st_mtime;
	total_bytes += st->st_size;
	ninputs++;
}

static void
scan_path(const char *path, bool top)
{
	struct stat st;
	DIR		   *dir;
	struct dirent *de;

	if (stat(path, &st) != 0)
	{
		if (top)
			fatal("could not read \"%s\": %s", path, strerror(errno));
		return;
	}
	if (S_ISREG(st.st_mode))
	{
		add_input(path, &st);
		return;
	}
	if (!S_ISDIR(st.st_mode))
		return;
	if (!(dir = opendir(path)))
	{
		fprintf(stderr, "%s: warning: could not open directory \"%s\": %s\n",
				progname, path, strerror(errno));
		return;
	}
	while ((de = readdir(dir)) != NULL)
	{
		char	   *child;

		if (de->d_name[0] == '.')
			continue;
		child = xasprintf("%s/%s", path, de->d_name);
		scan_path(child, false);
		free(child);
	}
	closedir(dir);
}

static int
cmp_inputs(const void *a, const void *b)
{
	return strcmp(((const InputFile *) a)->path, ((const InputFile *) b)->path);
}

/* ---------------------------------------------------------------------
 * Reading: one gzFile reads plain and gzip files alike (and gzip members
 * one after another, as .warc.gz files store one member per record).
 * ---------------------------------------------------------------------
 */

typedef struct Reader
{
	gzFile		gz;
	char		buf[65536];
	size_t		pos;
	size_t		len;
	bool		eof;
	bool		error;
	int64_t		offset;			/* uncompressed offset of the next byte */
	char	   *pushed;			/* a line given back by the record parser */
	size_t		pushed_len;
} Reader;

static bool
reader_fill(Reader *r)
{
	int			n;

	if (r->eof)
		return false;
	n = gzread(r->gz, r->buf, sizeof(r->buf));
	if (n <= 0)
	{
		int			errnum;

		if (n < 0 || (gzerror(r->gz, &errnum), errnum != Z_OK && errnum != Z_BUF_ERROR))
			r->error = true;
		r->eof = true;
		return false;
	}
	r->pos = 0;
	r->len = n;
	return true;
}

/*
 * Reads one line with its terminator into line (NUL-terminated).  Returns
 * the length, 0 at the end of the input, -1 when the line is too long.
 */
static ssize_t
reader_line(Reader *r, Buf *line)
{
	line->len = 0;
	if (r->pushed)
	{
		buf_append(line, r->pushed, r->pushed_len);
		free(r->pushed);
		r->pushed = NULL;
		return line->len;
	}
	for (;;)
	{
		char	   *nl;
		size_t		take;

		if (r->pos == r->len && !reader_fill(r))
			break;
		nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
		take = nl ? (size_t) (nl - (r->buf + r->pos)) + 1 : r->len - r->pos;
		buf_append(line, r->buf + r->pos, take);
		r->pos += take;
		r->offset += take;
		if (nl)
			break;
		if (line->len > MAX_LINE)
			return -1;
	}
	if (line->len == 0)
		buf_append(line, "", 0);
	return line->len;
}

static void
reader_unread_line(Reader *r, const Buf *line)
{
	r->pushed = xmalloc(line->len + 1);
	memcpy(r->pushed, line->data, line->len);
	r->pushed_len = line->len;
}

/* Reads n bytes into out (appending); false if the input ends first. */
static bool
reader_bytes(Reader *r, size_t n, Buf *out)
{
	while (n > 0)
	{
		size_t		take;

		if (r->pos == r->len && !reader_fill(r))
			return false;
		take = r->len - r->pos;
		if (take > n)
			take = n;
		if (out)
			buf_append(out, r->buf + r->pos, take);
		r->pos += take;
		r->offset += take;
		n -= take;
	}
	return true;
}

static bool
blank_line(const Buf *line)
{
	return line->len > 0 && strspn(line->data, "\r\n") == line->len;
}

static void
chomp(char *s)
{
	size_t		n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
}

/* The value of "Name: value" when the line has that name, else NULL. */
static const char *
header_value(const char *line, const char *name)
{
	size_t		n = strlen(name);

	if (strncasecmp(line, name, n) != 0 || line[n] != ':')
		return NULL;
	line += n + 1;
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

/* ---------------------------------------------------------------------
 * Pages
 * ---------------------------------------------------------------------
 */

typedef struct Page
{
	char	   *where;			/* file, or file@offset for a WARC record */
	char	   *url;
	char	   *fetched_at;		/* ISO 8601 */
	char	   *content_type;	/* or NULL */
	Buf			body;
	int			retries;		/* sends lost with their connection */
} Page;

static void
page_free(Page *p)
{
	free(p->where);
	free(p->url);
	free(p->fetched_at);
	free(p->content_type);
	free(p->body.data);
	memset(p, 0, sizeof(*p));
}

static char *
iso_time(time_t t)
{
	struct tm	tm;
	char		s[64];

	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(s);
}

/* Removes HTTP chunked transfer coding in place; false when malformed. */
static bool
dechunk(Buf *b, size_t start)
{
	size_t		in = start;
	size_t		out = start;

	for (;;)
	{
		char	   *end;
		unsigned long size;
		char	   *eol = memchr(b->data + in, '\n', b->len - in);

		if (!eol)
			return false;
		size = strtoul(b->data + in, &end, 16);
		if (end == b->data + in)
			return false;
		in = eol - b->data + 1;
		if (size == 0)
			break;
		if (size > b->len - in)
			return false;
		memmove(b->data + out, b->data + in, size);
		out += size;
		in += size;
		if (in < b->len && b->data[in] == '\r')
			in++;
		if (in < b->len && b->data[in] == '\n')
			in++;
	}
	b->len = out;
	b->data[out] = '\0';
	return true;
}

/* Inflates gzip, zlib or raw deflate data after start; false when corrupt. */
static bool
inflate_body(Buf *b, size_t start, const char **why)
{
	Buf			out = {0};
	z_stream	zs;
	int			rc;
	int			attempt;

	for (attempt = 0; attempt < 2; attempt++)
	{
		memset(&zs, 0, sizeof(zs));
		out.len = 0;
		/* 15 + 32: gzip or zlib header, detected; then raw deflate. */
		if (inflateInit2(&zs, attempt == 0 ? 15 + 32 : -15) != Z_OK)
			break;
		zs.next_in = (Bytef *) b->data + start;
		zs.avail_in = b->len - start;
		do
		{
			buf_reserve(&out, 65536);
			zs.next_out = (Bytef *) out.data + out.len;
			zs.avail_out = out.cap - out.len - 1;
			rc = inflate(&zs, Z_NO_FLUSH);
			out.len = out.cap - 1 - zs.avail_out;
			if (out.len > opt.max_page_bytes)
			{
				rc = Z_MEM_ERROR;
				break;
			}
		} while (rc == Z_OK && zs.avail_in > 0);
		inflateEnd(&zs);
		if (rc == Z_STREAM_END || (rc == Z_OK && zs.avail_in == 0) || rc == Z_BUF_ERROR)
		{
			b->len = start;
			buf_append(b, out.data, out.len);
			free(out.data);
			return true;
		}
		if (rc == Z_MEM_ERROR)
			break;
	}
	free(out.data);
	*why = rc == Z_MEM_ERROR ? "page too large after decompression" : "corrupt compressed content";
	return false;
}

/*
 * Turns an HTTP response (status line, headers, body) into a page body.
 * Returns 1 for a page, 0 for a record to skip (not 2xx, not HTML) and -1
 * for a malformed one, with *why set.
 */
static int
http_to_page(Page *p, const char **why)
{
	char	   *data = p->body.data;
	char	   *hdr_end;
	char	   *line;
	size_t		body_start;
	int			status = 0;
	bool		chunked = false;
	char	   *encoding = NULL;
	char	   *ctype = NULL;
	int			rc = 1;

	if (p->body.len == 0 || strncmp(data, "HTTP/", 5) != 0)
	{
		*why = "response record without an HTTP status line";
		return -1;
	}
	hdr_end = strstr(data, "\r\n\r\n");
	body_start = hdr_end ? (size_t) (hdr_end - data) + 4 : 0;
	if (!hdr_end)
	{
		hdr_end = strstr(data, "\n\n");
		body_start = hdr_end ? (size_t) (hdr_end - data) + 2 : 0;
	}
	if (!hdr_end)
	{
		*why = "HTTP headers without an end";
		return -1;
	}
	*hdr_end = '\0';
	line = data;
	while (line && *line)
	{
		char	   *next = strchr(line, '\n');
		const char *v;

		if (next)
			*next++ = '\0';
		chomp(line);
		if (line == data)
		{
			char	   *sp = strchr(line, ' ');

			status = sp ? atoi(sp + 1) : 0;
		}
		else if ((v = header_value(line, "Transfer-Encoding")) && strstr(v, "chunked"))
			chunked = true;
		else if ((v = header_value(line, "Content-Encoding")))
			encoding = xstrdup(v);
		else if ((v = header_value(line, "Content-Type")))
			ctype = xstrdup(v);
		line = next;
	}
	if (status < 200 || status > 299)
	{
		*why = "not a 2xx response";
		rc = 0;
	}
	else if (ctype && !istarts(ctype, "text/html") && !istarts(ctype, "application/xhtml"))
	{
		*why = "not HTML";
		rc = 0;
	}
	else if (chunked && !dechunk(&p->body, body_start))
	{
		*why = "malformed chunked transfer coding";
		rc = -1;
	}
	else if (encoding && *encoding && strcasecmp(encoding, "identity") != 0)
	{
		if (strcasecmp(encoding, "gzip") != 0 && strcasecmp(encoding, "x-gzip") != 0 &&
			strcasecmp(encoding, "deflate") != 0)
		{
			*why = "unsupported Content-Encoding";
			rc = -1;
		}
		else if (!inflate_body(&p->body, body_start, why))
			rc = -1;
	}
	if (rc == 1)
	{
		memmove(p->body.data, p->body.data + body_start, p->body.len - body_start);
		p->body.len -= body_start;
		p->body.data[p->body.len] = '\0';
		p->content_type = ctype;
		ctype = NULL;
	}
	free(encoding);
	free(ctype);
	return rc;
}

/* The page source walks the inputs in order, one page at a time. */
static struct
{
	size_t		next_input;
	InputFile  *cur;
	Reader		reader;
	bool		open;
	off_t		bytes_before;	/* input bytes of files finished */
}			src;

static off_t
bytes_read(void)
{
	off_t		cur = 0;

	if (src.open)
	{
		z_off_t		o = gzoffset(src.reader.gz);

		cur = o >= 0 ? (off_t) o : 0;
		if (cur > src.cur->size)
			cur = src.cur->size;
	}
	return src.bytes_before + cur;
}

static void
close_input(void)
{
	if (src.open)
	{
		gzclose(src.reader.gz);
		free(src.reader.pushed);
		src.bytes_before += src.cur->size;
		src.open = false;
	}
}

/* Skips lines up to the next one that opens a WARC record. */
static void
warc_resync(Reader *r, Buf *line)
{
	ssize_t		n;

	while ((n = reader_line(r, line)) != 0)
	{
		if (n > 0 && strncmp(line->data, "WARC/", 5) == 0)
		{
			reader_unread_line(r, line);
			return;
		}
	}
}

/*
 * Reads the next WARC record that carries an HTML page.  Returns true with
 * *p filled, false at the end of the file.  Malformed records are reported
 * as failures and skipped.
 */
static bool
next_warc_page(Page *p)
{
	Reader	   *r = &src.reader;
	Buf			line = {0};

	for (;;)
	{
		int64_t		record_offset;
		char	   *type = NULL;
		char	   *uri = NULL;
		char	   *date = NULL;
		char	   *ctype = NULL;
		long long	length = -1;
		bool		bad_length = false;
		ssize_t		n;
		char	   *where;
		const char *why = NULL;
		bool		ok;

		/* Blank lines between records are allowed. */
		do
			n = reader_line(r, &line);
		while (n > 0 && blank_line(&line));
		if (n == 0)
		{
			if (r->error)
				add_failure(src.cur->path, "compressed data is corrupt; the rest of the file was skipped");
			break;
		}
		record_offset = r->offset - (int64_t) line.len;
		where = xasprintf("%s@%lld", src.cur->path, (long long) record_offset);
		if (n < 0 || strncmp(line.data, "WARC/", 5) != 0)
		{
			add_failure(where, "not a WARC record header; skipped to the next record");
			free(where);
			warc_resync(r, &line);
			continue;
		}
		while ((n = reader_line(r, &line)) > 0 && !blank_line(&line))
		{
			const char *v;

			chomp(line.data);
			if ((v = header_value(line.data, "WARC-Type")))
				type = xstrdup(v);
			else if ((v = header_value(line.data, "WARC-Target-URI")))
			{
				if (*v == '<')
					v++;
				uri = xstrdup(v);
				if (*uri && uri[strlen(uri) - 1] == '>')
					uri[strlen(uri) - 1] = '\0';
			}
			else if ((v = header_value(line.data, "WARC-Date")))
				date = xstrdup(v);
			else if ((v = header_value(line.data, "Content-Type")))
				ctype = xstrdup(v);
			else if ((v = header_value(line.data, "Content-Length")))
			{
				char	   *end;

				errno = 0;
				length = strtoll(v, &end, 10);
				if (errno || end == v || *end || length < 0)
					bad_length = true;
			}
			else if (strncmp(line.data, "WARC/", 5) == 0)
				break;
		}
		if (n <= 0 || !blank_line(&line) || bad_length || length < 0)
		{
			add_failure(where, n == 0 ? "record headers cut short by the end of the file" :
						bad_length || length < 0 ? "record without a valid Content-Length; skipped to the next record" :
						"malformed record headers; skipped to the next record");
			if (n > 0 && strncmp(line.data, "WARC/", 5) == 0)
				reader_unread_line(r, &line);
			else if (n != 0)
				warc_resync(r, &line);
			free(type), free(uri), free(date), free(ctype), free(where);
			continue;
		}

		memset(p, 0, sizeof(*p));
		ok = type && (strcmp(type, "response") == 0 ||
					  (strcmp(type, "resource") == 0 && ctype && istarts(ctype, "text/html")));
		if (ok && (size_t) length > opt.max_page_bytes + MAX_LINE)
		{
			why = "record larger than --max-page-bytes";
			ok = false;
		}
		if (!reader_bytes(r, (size_t) length, ok ? &p->body : NULL))
		{
			add_failure(where, "record cut short by the end of the file");
			free(p->body.data);
			free(type), free(uri), free(date), free(ctype), free(where);
			break;
		}
		/*
		 * The block ends with two CRLFs; anything else means a wrong length.
		 * A writer that put only one before the next record is forgiven.
		 */
		n = reader_line(r, &line);
		if (n > 0 && blank_line(&line))
		{
			n = reader_line(r, &line);
			if (n > 0 && strncmp(line.data, "WARC/", 5) == 0)
			{
				reader_unread_line(r, &line);
				n = 0;
			}
		}
		if (n != 0 && !(n > 0 && blank_line(&line)))
		{
			if (n > 0 && strncmp(line.data, "WARC/", 5) == 0)
				reader_unread_line(r, &line);
			else
				warc_resync(r, &line);
			add_failure(where, "Content-Length does not match the record; skipped to the next record");
			free(p->body.data);
			free(type), free(uri), free(date), free(ctype), free(where);
			continue;
		}
		if (why)
		{
			add_failure(where, why);
			ok = false;
		}
		if (ok && !uri)
		{
			add_failure(where, "record without WARC-Target-URI");
			ok = false;
		}
		if (ok && strcmp(type, "response") == 0)
		{
			int			rc = http_to_page(p, &why);

			if (rc < 0)
				add_failure(where, why);
			else if (rc == 0)
				stats.skipped++;
			ok = rc > 0;
		}
		else if (ok)
			p->content_type = ctype ? xstrdup(ctype) : NULL;
		free(type);
		free(ctype);
		if (!ok)
		{
			free(p->body.data);
			free(p->content_type);
			free(uri), free(date), free(where);
			memset(p, 0, sizeof(*p));
			continue;
		}
		p->where = where;
		p->url = uri;
		p->fetched_at = date ? date : iso_time(src.cur->mtime);
		free(line.data);
		return true;
	}
	free(line.data);
	return false;
}

/* Reads a whole plain page (gzip or not); false with a failure recorded. */
static bool
read_html_file(Page *p)
{
	Reader	   *r = &src.reader;

	memset(p, 0, sizeof(*p));
	p->where = xstrdup(src.cur->path);
	for (;;)
	{
		if (r->pos < r->len)
		{
			buf_append(&p->body, r->buf + r->pos, r->len - r->pos);
			r->pos = r->len;
		}
		if (p->body.len > opt.max_page_bytes)
		{
			add_failure(p->where, "page larger than --max-page-bytes");
			page_free(p);
			return false;
		}
		if (!reader_fill(r))
			break;
	}
	if (r->error)
	{
		add_failure(p->where, "could not read the file (corrupt gzip data?)");
		page_free(p);
		return false;
	}
	p->url = url_for_file(src.cur->path);
	p->fetched_at = iso_time(src.cur->mtime);
	return true;
}

/* The next page of the load, or false when every input is done. */
static bool
next_page(Page *p)
{
	while (!interrupted)
	{
		if (!src.open)
		{
			if (src.next_input >= ninputs)
				return false;
			src.cur = &inputs[src.next_input++];
			memset(&src.reader, 0, sizeof(src.reader));
			src.reader.gz = gzopen(src.cur->path, "rb");
			if (!src.reader.gz)
			{
				add_failure(src.cur->path, strerror(errno));
				src.bytes_before += src.cur->size;
				continue;
			}
			gzbuffer(src.reader.gz, 256 * 1024);
			src.open = true;
			if (!src.cur->warc)
			{
				bool		ok = read_html_file(p);

				close_input();
				if (ok)
					return true;
				continue;
			}
		}
		if (next_warc_page(p))
			return true;
		close_input();
	}
	return false;
}

/* ---------------------------------------------------------------------
 * Progress
 * ---------------------------------------------------------------------
 */

static void
format_duration(double s, char *out, size_t n)
{
	long		t = (long) (s + 0.5);

	if (t >= 3600)
		snprintf(out, n, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
	else
		snprintf(out, n, "%ld:%02ld", t / 60, t % 60);
}

static void
show_progress(bool force)
{
	double		t = now_seconds();
	double		elapsed = t - started;
	double		frac = total_bytes > 0 ? (double) bytes_read() / total_bytes : 1.0;
	double		rate = elapsed > 0 ? stats.done / elapsed : 0;
	char		eta[32] = "--:--";

	if (opt.quiet)
		return;
	if (!force && t - last_progress < (tty ? 0.2 : 10.0))
		return;
	last_progress = t;
	if (frac > 1)
		frac = 1;
	if (frac > 0.01 && elapsed > 1)
		format_duration(elapsed / frac - elapsed, eta, sizeof(eta));
	if (tty)
	{
		char		bar[31];
		int			filled = (int) (frac * 30);
		int			i;

		for (i = 0; i < 30; i++)
			bar[i] = i < filled ? '#' : '-';
		bar[30] = '\0';
		fprintf(stderr, "\r\033[K[%s] %3d%%  %ld pages  %.1f pages/s  %ld failed  ETA %s",
				bar, (int) (frac * 100), stats.done, rate, stats.failed, eta);
		bar_shown = true;
	}
	else
		fprintf(stderr, "%s: %d%%, %ld pages, %.1f pages/s, %ld failed\n",
				progname, (int) (frac * 100), stats.done, rate, stats.failed);
	fflush(stderr);
}

/* ---------------------------------------------------------------------
 * Connections
 * ---------------------------------------------------------------------
 */

typedef struct Conn
{
	PGconn	   *pg;
	bool		busy;
	bool		pending;		/* page read, waiting for its URL to be free */
	Page		page;
} Conn;

static PGconn *
connect_db(void)
{
	const char *keys[] = {"dbname", "application_name", "fallback_application_name", NULL};
	const char *values[] = {opt.dbname, "pg_news_load", "pg_news_load", NULL};
	PGconn	   *pg = PQconnectdbParams(keys, values, 1);

	if (PQstatus(pg) != CONNECTION_OK)
	{
		fprintf(stderr, "%s: error: could not connect: %s", progname, PQerrorMessage(pg));
		PQfinish(pg);
		return NULL;
	}
	return pg;
}

static bool
url_in_flight(const Conn *conns, int n, const char *url)
{
	int			i;

	for (i = 0; i < n; i++)
		if (conns[i].busy && strcmp(conns[i].page.url, url) == 0)
			return true;
	return false;
}

static bool
send_page(Conn *c)
{
	const char *values[4];
	int			lengths[4] = {0, 0, 0, 0};
	int			formats[4] = {0, 1, 0, 0};

	values[0] = c->page.url;
	values[1] = c->page.body.data ? c->page.body.data : "";
	lengths[1] = (int) c->page.body.len;
	values[2] = c->page.fetched_at;
	values[3] = c->page.content_type;
	if (!PQsendQueryParams(c->pg, opt.force ? ingest_sql_force : ingest_sql,
						   4, NULL, values, lengths, formats, 0))
		return false;
	c->busy = true;
	stats.pages++;
	return true;
}

static void
count_outcome(const char *outcome)
{
	if (strcmp(outcome, "new") == 0)
		stats.new_articles++;
	else if (strcmp(outcome, "changed") == 0)
		stats.changed++;
	else if (strcmp(outcome, "unchanged") == 0)
		stats.unchanged++;
	else if (strcmp(outcome, "duplicate") == 0)
		stats.duplicates++;
	else if (strcmp(outcome, "older") == 0)
		stats.older++;
	else if (strcmp(outcome, "loaded") == 0)
		stats.loaded_before++;
}

/*
 * Handles the answer to a page; false when the connection is gone.  A page
 * whose session died under it is not at fault: it is kept pending and
 * tried once more after the reconnect.
 */
static bool
finish_page(Conn *c)
{
	PGresult   *res;
	char	   *outcome = NULL;
	char	   *error = NULL;
	bool		answered = false;

	while ((res = PQgetResult(c->pg)) != NULL)
	{
		if (!answered)
		{
			if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
				outcome = xstrdup(PQgetvalue(res, 0, 1));
			else if (PQresultStatus(res) == PGRES_TUPLES_OK)
				error = xstrdup("news.ingest_page returned no row");
			else
				error = xstrdup(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) ?
								PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) :
								PQerrorMessage(c->pg));
			answered = true;
		}
		PQclear(res);
	}
	c->busy = false;
	if (PQstatus(c->pg) != CONNECTION_OK && !outcome && c->page.retries == 0)
	{
		c->page.retries++;
		c->pending = true;
		stats.pages--;
		free(error);
		return false;
	}
	if (outcome)
		count_outcome(outcome);
	else
	{
		char	   *where = xasprintf("%s (%s)", c->page.where, c->page.url);

		add_failure(where, error ? error : PQerrorMessage(c->pg));
		free(where);
	}
	free(outcome);
	free(error);
	stats.done++;
	page_free(&c->page);
	return PQstatus(c->pg) == CONNECTION_OK;
}

static void print_summary(void);

/*
 * The server closed a session (a restart, a crash elsewhere, an
 * administrator): wait for it to come back, up to a minute, then give up.
 */
static void
reconnect(Conn *c)
{
	int			attempt;

	for (attempt = 0; attempt < 60 && !interrupted; attempt++)
	{
		PQreset(c->pg);
		if (PQstatus(c->pg) == CONNECTION_OK)
		{
			if (attempt > 0)
			{
				clear_bar();
				fprintf(stderr, "%s: reconnected after %d s\n", progname, attempt);
			}
			return;
		}
		sleep(1);
	}
	print_summary();
	fatal("lost the connection to the server: %s", PQerrorMessage(c->pg));
}

static void
print_summary(void)
{
	double		elapsed = now_seconds() - started;
	size_t		i;

	clear_bar();
	printf("%s: %s in %.1f s\n", progname, interrupted ? "interrupted" : "done", elapsed);
	printf("  pages read        %ld (%.1f pages/s)\n", stats.done,
		   elapsed > 0 ? stats.done / elapsed : 0.0);
	printf("  new articles      %ld\n", stats.new_articles);
	printf("  edited (versions) %ld\n", stats.changed);
	printf("  unchanged         %ld\n", stats.unchanged);
	printf("  duplicates        %ld (another URL of a stored story, same text)\n", stats.duplicates);
	printf("  older crawls      %ld (kept as versions)\n", stats.older);
	printf("  already loaded    %ld\n", stats.loaded_before);
	printf("  skipped records   %ld (not HTML or not a 2xx response)\n", stats.skipped);
	printf("  failures          %ld\n", stats.failed);
	for (i = 0; i < (size_t) stats.failed && i < MAX_FAILURES_SHOWN; i++)
		printf("    %s: %s\n", stats.failures[i].where, stats.failures[i].reason);
	if (stats.failed > MAX_FAILURES_SHOWN)
		printf("    ... and %ld more (all were printed as they happened)\n",
			   stats.failed - MAX_FAILURES_SHOWN);
	fflush(stdout);
}

static void
usage(void)
{
	printf("%s streams article pages into news.articles (pg_news).\n\n"
		   "Usage:\n  %s [OPTION]... PATH...\n\n"
		   "PATH is a file or a directory (searched recursively) of .html, .htm,\n"
		   ".html.gz, .warc and .warc.gz files.  A page already stored with the same\n"
		   "URL and an equal or later fetch time is skipped, so an interrupted load\n"
		   "resumes by running the same command again.\n\n"
		   "Options:\n"
		   "  -d, --dbname=CONNINFO    database name or connection string (default: libpq environment)\n"
		   "  -j, --jobs=N             parallel connections (default 1, at most %d)\n"
		   "  -u, --urls=FILE          tab-separated \"file-name<TAB>url\" lines giving the URL\n"
		   "                           of plain .html pages (default: their file:// URL)\n"
		   "      --force              ingest pages again even when already loaded\n"
		   "      --max-page-bytes=N   skip larger pages (default 67108864)\n"
		   "  -q, --quiet              no progress output\n"
		   "  -h, --help               show this help\n\n"
		   "Plain pages take the file's modification time as their fetch time; WARC\n"
		   "records their WARC-Date.  Exit status: 0 when every page loaded, 3 when\n"
		   "some pages failed (each is listed), 1 on a fatal error, 2 on bad usage.\n",
		   progname, progname, MAX_JOBS);
}

int
main(int argc, char **argv)
{
	static struct option long_options[] = {
		{"dbname", required_argument, NULL, 'd'},
		{"jobs", required_argument, NULL, 'j'},
		{"urls", required_argument, NULL, 'u'},
		{"force", no_argument, NULL, 'F'},
		{"max-page-bytes", required_argument, NULL, 'M'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	Conn		conns[MAX_JOBS];
	int			nconns = 0;
	int			c;
	int			i;
	bool		more = true;

	while ((c = getopt_long(argc, argv, "d:j:u:qh", long_options, NULL)) != -1)
	{
		switch (c)
		{
			case 'd':
				opt.dbname = optarg;
				break;
			case 'j':
				opt.jobs = atoi(optarg);
				if (opt.jobs < 1 || opt.jobs > MAX_JOBS)
				{
					fprintf(stderr, "%s: error: -j must be between 1 and %d\n", progname, MAX_JOBS);
					exit(2);
				}
				break;
			case 'u':
				read_urlmap(optarg);
				break;
			case 'F':
				opt.force = true;
				break;
			case 'M':
				opt.max_page_bytes = strtoull(optarg, NULL, 10);
				if (opt.max_page_bytes == 0)
				{
					fprintf(stderr, "%s: error: --max-page-bytes must be positive\n", progname);
					exit(2);
				}
				break;
			case 'q':
				opt.quiet = true;
				break;
			case 'h':
				usage();
				exit(0);
			default:
				fprintf(stderr, "Try \"%s --help\" for more information.\n", progname);
				exit(2);
		}
	}
	if (optind >= argc)
	{
		fprintf(stderr, "%s: error: no input given\nTry \"%s --help\" for more information.\n",
				progname, progname);
		exit(2);
	}
	for (i = optind; i < argc; i++)
		scan_path(argv[i], true);
	qsort(inputs, ninputs, sizeof(InputFile), cmp_inputs);
	if (ninputs == 0)
		fprintf(stderr, "%s: warning: no .html, .html.gz, .warc or .warc.gz files found\n", progname);

	for (i = 0; i < opt.jobs; i++)
	{
		memset(&conns[i], 0, sizeof(Conn));
		if (!(conns[i].pg = connect_db()))
			exit(1);
		PQsetnonblocking(conns[i].pg, 0);
		nconns++;
	}

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	tty = isatty(fileno(stderr));
	started = last_progress = now_seconds();

	for (;;)
	{
		fd_set		readable;
		int			maxfd = -1;
		int			busy = 0;
		struct timeval timeout = {0, 200000};

		for (i = 0; i < nconns; i++)
		{
			if (!conns[i].busy && !conns[i].pending && more && !interrupted)
			{
				if (next_page(&conns[i].page))
					conns[i].pending = true;
				else
					more = false;
			}
			/* Pages of one URL go in file order: never two at once. */
			if (conns[i].pending && !url_in_flight(conns, nconns, conns[i].page.url))
			{
				conns[i].pending = false;
				if (!send_page(&conns[i]))
				{
					add_failure(conns[i].page.where, PQerrorMessage(conns[i].pg));
					page_free(&conns[i].page);
					if (PQstatus(conns[i].pg) != CONNECTION_OK)
						reconnect(&conns[i]);
				}
			}
			if (conns[i].busy || conns[i].pending)
				busy++;
		}
		if (busy == 0)
			break;

		FD_ZERO(&readable);
		for (i = 0; i < nconns; i++)
			if (conns[i].busy)
			{
				int			fd = PQsocket(conns[i].pg);

				FD_SET(fd, &readable);
				if (fd > maxfd)
					maxfd = fd;
			}
		if (select(maxfd + 1, &readable, NULL, NULL, &timeout) < 0 && errno != EINTR)
			fatal("select failed: %s", strerror(errno));
		for (i = 0; i < nconns; i++)
		{
			Conn	   *cn = &conns[i];

			if (!cn->busy || !FD_ISSET(PQsocket(cn->pg), &readable))
				continue;
			if (!PQconsumeInput(cn->pg) || !PQisBusy(cn->pg))
			{
				if (!finish_page(cn))
					reconnect(cn);
			}
		}
		show_progress(false);
	}
	show_progress(true);
	close_input();
	for (i = 0; i < nconns; i++)
		PQfinish(conns[i].pg);
	print_summary();
	if (interrupted)
		return 130;
	return stats.failed ? 3 : 0;
}
