/*
 * src/entity_list.c
 *		The entity list (tsearch_data/pg_news_*.tsv), read and parsed once
 *		per backend for everything that needs it: the text-search
 *		dictionaries and the analysis functions.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_public.h"
#include "utils/memutils.h"

#include "pg_news.h"

typedef struct LoadedList
{
	struct LoadedList *next;
	char	   *name;
	NcEntityDict dict;
} LoadedList;

static LoadedList *loaded = NULL;

const NcEntityDict *
news_entity_list(const char *name)
{
	LoadedList *l;
	char	   *filename;
	tsearch_readline_state trst;
	StringInfoData buf;
	char	   *line;
	MemoryContext cxt;
	MemoryContext old;
	NcHost		host;
	NcStatus	status;
	int			bad_lines = 0;

	for (l = loaded; l; l = l->next)
		if (strcmp(l->name, name) == 0)
			return &l->dict;

	filename = get_tsearch_config_filename(name, "tsv");
	if (!tsearch_readline_begin(&trst, filename))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("could not open the pg_news entity list \"%s\": %m", filename),
				 errhint("The file is installed with pg_news into the server's tsearch_data directory; reinstall the extension.")));
	initStringInfo(&buf);
	while ((line = tsearch_readline(&trst)) != NULL)
	{
		int			len = strlen(line);
		char	   *utf8;

		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		/* The core reads UTF-8, whatever the database encoding. */
		utf8 = pg_server_to_any(line, len, PG_UTF8);
		if (utf8 == line)
			appendBinaryStringInfo(&buf, line, len);
		else
			appendStringInfoString(&buf, utf8);
		appendStringInfoChar(&buf, '\n');
		pfree(line);
	}
	tsearch_readline_end(&trst);

	cxt = AllocSetContextCreate(TopMemoryContext, "pg_news entity list", ALLOCSET_DEFAULT_SIZES);
	host = news_host_for(cxt);
	old = MemoryContextSwitchTo(cxt);
	l = palloc0(sizeof(LoadedList));
	l->name = pstrdup(name);
	MemoryContextSwitchTo(old);
	status = nc_entity_dict_parse(&host, buf.data, buf.len, &l->dict, &bad_lines);
	pfree(buf.data);
	if (status != NC_OK)
	{
		MemoryContextDelete(cxt);
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while reading the pg_news entity list \"%s\"", filename)));
	}
	if (bad_lines > 0)
		elog(DEBUG1, "pg_news entity list \"%s\": %d malformed lines skipped", filename, bad_lines);
	l->next = loaded;
	loaded = l;
	return &l->dict;
}
