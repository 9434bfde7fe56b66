/*
 * test/core/test_tokenize.c
 *		TAP tests of the tokeniser and the search folding, without a server.
 */
#include <stdio.h>
#include <string.h>

#include "nc_core.h"

static int	n_test = 0;
static int	n_fail = 0;

/* The types and texts of the non-blank tokens of s, as "type:text type:text". */
static void
tokens(const char *s, char *out, size_t cap)
{
	NcTokenizer tz;
	size_t		st,
				l,
				o = 0;
	int			t;

	out[0] = '\0';
	nc_tokenizer_init(&tz, s, strlen(s));
	while ((t = nc_tokenizer_next(&tz, &st, &l)) != NC_TOK_END)
	{
		int			w;

		if (t == NC_TOK_BLANK)
			continue;
		w = snprintf(out + o, cap - o, "%s%s:%.*s", o ? " " : "", nc_token_alias(t), (int) l, s + st);
		if (w < 0 || (size_t) w >= cap - o)
			break;
		o += w;
	}
}

static void
check_tokens(const char *s, const char *want, const char *name)
{
	char		got[2048];

	tokens(s, got, sizeof(got));
	n_test++;
	if (strcmp(got, want) == 0)
		printf("ok %d - %s\n", n_test, name);
	else
	{
		n_fail++;
		printf("not ok %d - %s\n#   got:  %s\n#   want: %s\n", n_test, name, got, want);
	}
}

static void
check_fold(const char *s, const char *want, const char *name)
{
	char		got[1024];

	nc_fold_word(s, strlen(s), got);
	n_test++;
	if (strcmp(got, want) == 0)
		printf("ok %d - %s\n", n_test, name);
	else
	{
		n_fail++;
		printf("not ok %d - %s\n#   got:  %s\n#   want: %s\n", n_test, name, got, want);
	}
}

int
main(void)
{
	printf("1..16\n");
	check_tokens("IS militants seized U.S. posts", "acronym:IS asciiword:militants asciiword:seized acronym:U.S. asciiword:posts",
				 "acronyms, capitals and dotted");
	check_tokens("THIS IS WAR", "asciiword:THIS asciiword:IS asciiword:WAR", "an all-caps headline is words");
	check_tokens("240,000 and 2,40,000.50", "number:240,000 asciiword:and number:2,40,000.50", "digit groups");
	check_tokens("#Syria @AFP", "hashtag:#Syria mention:@AFP", "hashtag and mention keep their marks");
	check_tokens("O'Brien met Russia's envoy", "aposword:O'Brien asciiword:met asciiword:Russia asciiword:envoy",
				 "apostrophe name, possessive dropped");
	check_tokens("al-Assad", "asciihword:al-Assad hword_asciipart:al hword_asciipart:Assad", "compound and parts");
	check_tokens("$5bn, $5 billion, \xe2\x82\xb9" "2.4 lakh, Rs. 500 crore", "money:$5bn money:$5 billion money:\xe2\x82\xb9" "2.4 lakh money:Rs. 500 crore",
				 "money with magnitudes");
	check_tokens("up 15% over 40km", "asciiword:up measure:15% asciiword:over measure:40km", "measures");
	check_tokens("see https://www.bbc.co.uk/news/x or reuters.com", "asciiword:see protocol:https:// url:www.bbc.co.uk/news/x host:www.bbc.co.uk url_path:/news/x asciiword:or host:reuters.com",
				 "URL parts and a host");
	check_tokens("mail a.b@example.org now", "asciiword:mail email:a.b@example.org asciiword:now", "e-mail");
	check_tokens("\xe2\x80\x9cSyria\xe2\x80\x9d \xe0\xa4\xad\xe0\xa4\xbe\xe0\xa4\xb0\xe0\xa4\xa4\xe0\xa5\xa4",
				 "asciiword:Syria word:\xe0\xa4\xad\xe0\xa4\xbe\xe0\xa4\xb0\xe0\xa4\xa4", "curly quotes and the danda are not letters");
	check_tokens("\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7", "word:\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7", "a joiner stays inside a word");
	check_fold("ERDO\xc4\x9e" "AN", "erdogan", "capitals and breve fold");
	check_fold("\xe0\xa5\x98", "\xe0\xa4\x95\xe0\xa4\xbc", "precomposed nukta decomposes");
	check_fold("\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7", "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7", "joiners are dropped");
	check_fold("Stra\xc3\x9f" "e", "strasse", "sharp s");
	return n_fail ? 1 : 0;
}
