/*
 * src/core/nc_json.c
 *		A small tree over the events of the host's JSON parser (PostgreSQL's
 *		common/jsonapi in the server): the core parses no JSON itself.
 */
#include <string.h>

#include "nc_internal.h"

typedef struct JsonBuilder
{
	const NcHost *host;
	NcJson	   *root;
	NcJson	   *stack[NC_JSON_MAX_DEPTH + 1];
	NcJson	   *tail[NC_JSON_MAX_DEPTH + 1];
	int			depth;
	const char *pending_key;
	bool		failed;
} JsonBuilder;

static void
attach(JsonBuilder *b, NcJson *value)
{
	value->key = b->pending_key;
	b->pending_key = NULL;
	if (b->depth == 0)
	{
		if (b->root == NULL)
			b->root = value;
		return;
	}
	if (b->tail[b->depth] == NULL)
		b->stack[b->depth]->first = value;
	else
		b->tail[b->depth]->next = value;
	b->tail[b->depth] = value;
}

static NcJson *
new_value(JsonBuilder *b, NcJsonKind kind)
{
	NcJson	   *v = nc_alloc(b->host, sizeof(NcJson));

	if (v == NULL)
	{
		b->failed = true;
		return NULL;
	}
	memset(v, 0, sizeof(*v));
	v->kind = kind;
	return v;
}

static void
open_container(JsonBuilder *b, NcJsonKind kind)
{
	NcJson	   *v;

	if (b->failed || b->depth >= NC_JSON_MAX_DEPTH)
	{
		b->failed = true;
		return;
	}
	v = new_value(b, kind);
	if (v == NULL)
		return;
	attach(b, v);
	b->depth++;
	b->stack[b->depth] = v;
	b->tail[b->depth] = NULL;
}

static void
close_container(JsonBuilder *b)
{
	if (!b->failed && b->depth > 0)
		b->depth--;
}

static void
ev_object_start(void *state)
{
	open_container(state, NC_JSON_OBJECT);
}

static void
ev_array_start(void *state)
{
	open_container(state, NC_JSON_ARRAY);
}

static void
ev_end(void *state)
{
	close_container(state);
}

static void
ev_field(void *state, const char *name)
{
	JsonBuilder *b = state;

	if (!b->failed)
		b->pending_key = nc_strdup(b->host, name);
}

static void
ev_scalar(void *state, const char *text, bool is_string)
{
	JsonBuilder *b = state;
	NcJson	   *v;

	if (b->failed)
		return;
	v = new_value(b, text == NULL ? NC_JSON_NULL :
				  is_string ? NC_JSON_STRING : NC_JSON_OTHER_SCALAR);
	if (v == NULL)
		return;
	v->text = text ? nc_strdup(b->host, text) : NULL;
	attach(b, v);
}

/*
 * Nesting depth of a JSON text, counted outside strings, so the host's
 * recursive parser is never handed more than NC_JSON_MAX_DEPTH levels.
 */
static bool
nesting_within_limit(const char *s, size_t len)
{
	int			depth = 0;
	bool		in_string = false;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		if (in_string)
		{
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
		}
		else if (c == '"')
			in_string = true;
		else if (c == '{' || c == '[')
		{
			if (++depth > NC_JSON_MAX_DEPTH)
				return false;
		}
		else if (c == '}' || c == ']')
			depth--;
	}
	return true;
}

NcJson *
nc_json_parse(const NcHost *host, const char *text, size_t len)
{
	JsonBuilder b;
	NcJsonEvents events;

	if (!nesting_within_limit(text, len))
		return NULL;
	memset(&b, 0, sizeof(b));
	b.host = host;
	events.state = &b;
	events.object_start = ev_object_start;
	events.object_end = ev_end;
	events.array_start = ev_array_start;
	events.array_end = ev_end;
	events.object_field = ev_field;
	events.scalar = ev_scalar;
	if (!host->parse_json(host->arg, text, len, &events) || b.failed)
		return NULL;
	return b.root;
}

const NcJson *
nc_json_member(const NcJson *object, const char *key)
{
	const NcJson *m;

	if (object == NULL || object->kind != NC_JSON_OBJECT)
		return NULL;
	for (m = object->first; m; m = m->next)
		if (m->key && strcmp(m->key, key) == 0)
			return m;
	return NULL;
}
