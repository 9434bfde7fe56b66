/*
 * test/fuzz/fuzz_time.c
 *		libFuzzer target for the core's readers of untrusted short strings:
 *		nc_parse_timestamp (with and without a reference and a zone),
 *		nc_parse_dateline and nc_agency_name.
 *
 * Build and run (about 10 seconds):
 *	clang-14 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core -Itest/core \
 *		-I$(pg_config --includedir-server) $(xml2-config --cflags) \
 *		test/fuzz/fuzz_time.c test/core/nc_test_host.c src/core/*.c \
 *		$(xml2-config --libs) -L$(pg_config --pkglibdir) -lpgcommon -lpgport -lm \
 *		-o /tmp/fuzz_time
 *	/tmp/fuzz_time -max_total_time=10 -dict=test/fuzz/time.dict test/fuzz/time_seeds
 */
#include <stdlib.h>
#include <string.h>

#include "nc_core.h"
#include "nc_test_host.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NcHost		host = nc_test_host();
	NcTimestamp ts,
				ref;
	NcZoneContext ctx = {NULL, NULL, NULL};
	NcDateline	dl;
	const char *text = (const char *) data;

	memset(&ref, 0, sizeof(ref));
	ref.valid = ref.has_time = ref.has_offset = true;
	ref.local.year = 2015;
	ref.local.month = 9;
	ref.local.day = 19;
	ref.local.hour = 12;

	if (nc_parse_timestamp(&host, text, size, &ctx, &ts) &&
		(ts.local.month < 1 || ts.local.month > 12 || ts.local.day < 1 || ts.local.day > 31 ||
		 ts.local.hour > 23 || ts.local.minute > 59 || ts.local.second > 59))
		abort();
	ctx.default_zone = "Asia/Kolkata";
	ctx.country = "IN";
	ctx.reference = &ref;
	if (nc_parse_timestamp(&host, text, size, &ctx, &ts) &&
		(ts.local.month < 1 || ts.local.month > 12 || ts.local.day < 1 || ts.local.day > 31))
		abort();
	if (nc_parse_dateline(&host, text, size, &dl) && dl.story_offset > size)
		abort();
	(void) nc_agency_name(text, size);
	nc_test_host_reset();
	return 0;
}
