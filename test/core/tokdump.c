/* test/core/tokdump.c: prints the tokens of stdin, one per line (a debugging aid). */
#include <stdio.h>
#include <stdlib.h>
#include "nc_core.h"

int
main(void)
{
	static char buf[1 << 20];
	size_t		n = fread(buf, 1, sizeof(buf) - 1, stdin);
	NcTokenizer tz;
	size_t		s, l;
	int			t;

	nc_tokenizer_init(&tz, buf, n);
	while ((t = nc_tokenizer_next(&tz, &s, &l)) != NC_TOK_END)
	{
		char		f[4096];

		if (t == NC_TOK_BLANK)
			continue;
		nc_fold_word(buf + s, l < 1000 ? l : 1000, f);
		printf("%-16s %.*s\t%s\n", nc_token_alias(t), (int) l, buf + s, f);
	}
	return 0;
}
