/*
 * src/core/nc_zonedata.h
 *		The zone tables src/data/gen_zones.py generates into nc_zonedata.c.
 */
#ifndef NC_ZONEDATA_H
#define NC_ZONEDATA_H

#include <stdbool.h>

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

#endif							/* NC_ZONEDATA_H */
