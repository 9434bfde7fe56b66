/*
 * test/fuzz/fuzz_dateline.c
 *		libFuzzer target for nc_parse_dateline and nc_agency_name: the input
 *		is a lead paragraph.
 */
#include <stdint.h>
#include <string.h>

#include "nc_core.h"
#include "nc_test_host.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NcHost		host = nc_test_host();
	NcDateline	out;

	if (nc_parse_dateline(&host, (const char *) data, size, &out))
	{
		/* The story starts inside the paragraph; names are NUL-terminated. */
		if (out.story_offset > size)
			__builtin_trap();
		if (out.place)
			(void) strlen(out.place);
		if (out.agency)
			(void) strlen(out.agency);
	}
	(void) nc_agency_name((const char *) data, size);
	nc_test_host_reset();
	return 0;
}
