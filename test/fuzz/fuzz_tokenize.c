/*
 * test/fuzz/fuzz_tokenize.c
 *		libFuzzer target for the tokeniser behind news.parser: every token
 *		of any bytes, each folded and tested for capitals, then the
 *		simhash of the same text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nc_core.h"
#include "nc_test_host.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NcHost		host = nc_test_host();
	NcTokenizer tz;
	size_t		start,
				len,
				last_end = 0;
	int			type;
	size_t		tokens = 0;
	uint64_t	hash;
	bool		has_words;

	nc_tokenizer_init(&tz, (const char *) data, size);
	while ((type = nc_tokenizer_next(&tz, &start, &len)) != NC_TOK_END)
	{
		char	   *folded;

		/* Every token lies in the text, has a known type and a name. */
		if (type < 1 || type > NC_TOK_LAST || start + len > size || len == 0 ||
			nc_token_alias(type) == NULL)
			__builtin_trap();
		/* No gaps: a token starts at or before the end of the last one. */
		if (start > last_end)
			__builtin_trap();
		if (start + len > last_end)
			last_end = start + len;
		/* Progress: a text of n bytes cannot give more than 4n tokens. */
		if (++tokens > 4 * size + 4)
			__builtin_trap();
		folded = malloc(3 * len + 1);
		if (folded == NULL)
			return 0;
		if (nc_fold_word((const char *) data + start, len, folded) > 3 * len)
			__builtin_trap();
		free(folded);
		(void) nc_is_all_caps((const char *) data + start, len);
	}
	if (last_end != size)
		__builtin_trap();
	(void) nc_simhash(&host, (const char *) data, size, &hash, &has_words);
	nc_test_host_reset();
	return 0;
}
