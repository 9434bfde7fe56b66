/*
 * src/core/nc_zonedata.h
 *		The zone tables src/data/gen_zones.py generates into nc_zonedata.c,
 *		and the helpers of nc_time.c built on them.
 */
#ifndef NC_ZONEDATA_H
#define NC_ZONEDATA_H

#include <stdbool.h>

#include "nc_core.h"

typedef struct NcZoneAbbrev
{
	const char *abbrev;
	const char *country;		/* ISO alpha-2, or NULL when several use it */
	const char *zone;			/* IANA zone whose clock it names */
	bool		fixed;			/* false: offset follows the zone's rules */
	int			utc_offset;		/* seconds east of UTC, when fixed */
	bool		dst;
	bool		preferred;		/* the meaning when no context decides */
} NcZoneAbbrev;

typedef struct NcZoneCountry
{
	const char *zone;
	const char *country;
} NcZoneCountry;

extern const NcZoneAbbrev nc_zone_abbrevs[];
extern const int nc_zone_abbrev_count;
extern const NcZoneCountry nc_zone_countries[];	/* sorted by zone */
extern const int nc_zone_country_count;
extern const NcZoneCountry nc_country_zones[];	/* sorted by country */
extern const int nc_country_zone_count;

/* The zone a country's sites print their times in, or NULL. */
extern const char *nc_zone_of_country(const char *country);

/* The zone a context speaks for: its default zone, else its country's. */
extern const char *nc_context_zone(const NcZoneContext *context);

/*
 * Re-expresses a timestamp with an offset as the wall clock of zone (same
 * instant).  False, leaving ts alone, when the host does not know zone.
 */
extern bool nc_timestamp_to_zone(const NcHost *host, NcTimestamp *ts, const char *zone);

#endif							/* NC_ZONEDATA_H */
