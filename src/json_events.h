/*
 * src/json_events.h
 *		PostgreSQL's common/jsonapi semantic actions feeding the core's
 *		NcJsonEvents: the one adapter behind NcHost.parse_json, included by
 *		the server's host (src/host.c) and the standalone test host
 *		(test/core/nc_test_host.c).  Include after common/jsonapi.h.
 */
#ifndef JSON_EVENTS_H
#define JSON_EVENTS_H

#include "nc_core.h"

static void
json_events_object_start(void *state)
{
	const NcJsonEvents *ev = state;

	ev->object_start(ev->state);
}

static void
json_events_object_end(void *state)
{
	const NcJsonEvents *ev = state;

	ev->object_end(ev->state);
}

static void
json_events_array_start(void *state)
{
	const NcJsonEvents *ev = state;

	ev->array_start(ev->state);
}

static void
json_events_array_end(void *state)
{
	const NcJsonEvents *ev = state;

	ev->array_end(ev->state);
}

/* The lexer hands each callback its own copy of a name or token: the core copies what it keeps. */
static void
json_events_field(void *state, char *fname, bool isnull)
{
	const NcJsonEvents *ev = state;

	ev->object_field(ev->state, fname);
	pfree(fname);
}

static void
json_events_scalar(void *state, char *token, JsonTokenType tokentype)
{
	const NcJsonEvents *ev = state;

	ev->scalar(ev->state, tokentype == JSON_TOKEN_NULL ? NULL : token,
			   tokentype == JSON_TOKEN_STRING);
	pfree(token);
}

/* Semantic actions that pass a document's events on to events. */
static void
json_events_actions(JsonSemAction *sem, const NcJsonEvents *events)
{
	memset(sem, 0, sizeof(*sem));
	sem->semstate = (void *) events;
	sem->object_start = json_events_object_start;
	sem->object_end = json_events_object_end;
	sem->array_start = json_events_array_start;
	sem->array_end = json_events_array_end;
	sem->object_field_start = json_events_field;
	sem->scalar = json_events_scalar;
}

#endif							/* JSON_EVENTS_H */
