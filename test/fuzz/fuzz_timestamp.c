/*
 * test/fuzz/fuzz_timestamp.c
 *		libFuzzer target for nc_parse_timestamp: the first byte picks the
 *		zone context (default zone, country, reference time), the rest is
 *		the date string.
 */
#include <stdint.h>
#include <string.h>

#include "nc_core.h"
#include "nc_test_host.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const zones[] = {NULL, "Asia/Kolkata", "America/New_York", "Europe/London"};
static const char *const countries[] = {NULL, "IN", "US", "GB", "DE", "AU", "PH", "IE"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NcHost		host = nc_test_host();
	NcZoneContext context;
	NcTimestamp reference;
	NcTimestamp out;
	uint8_t		selector = 0;

	if (size > 0)
	{
		selector = data[0];
		data++;
		size--;
	}
	memset(&context, 0, sizeof(context));
	context.default_zone = zones[selector & 3];
	context.country = countries[(selector >> 2) & 7];
	if (selector & 0x20)
	{
		memset(&reference, 0, sizeof(reference));
		reference.valid = reference.has_time = reference.has_offset = true;
		reference.local.year = 2024;
		reference.local.month = 2;
		reference.local.day = 29;
		reference.local.hour = 23;
		reference.local.minute = 59;
		reference.utc_offset = 19800;
		context.reference = &reference;
	}
	if (nc_parse_timestamp(&host, (const char *) data, size, &context, &out) && out.valid)
	{
		/* A valid answer is a real calendar time with a sane offset. */
		if (out.local.month < 1 || out.local.month > 12 || out.local.day < 1 || out.local.day > 31 ||
			out.local.hour < 0 || out.local.hour > 24 || out.local.minute < 0 || out.local.minute > 59 ||
			out.local.second < 0 || out.local.second > 60 ||
			(out.has_offset && (out.utc_offset < -18 * 3600 || out.utc_offset > 18 * 3600)))
			__builtin_trap();
		(void) nc_timestamp_epoch(&out);
	}
	nc_test_host_reset();
	return 0;
}
