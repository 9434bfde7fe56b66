/*
 * test/core/test_simhash.c
 *		nc_simhash and nc_hamming outside the server: word splitting, case
 *		folding, stability of the fingerprint, near and far texts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nc_core.h"
#include "nc_test_host.h"

static uint64_t
fp(const char *s, bool *has_words)
{
	NcHost		host = nc_test_host();
	uint64_t	out = 0;
	bool		words = false;
	NcStatus	status = nc_simhash(&host, s, strlen(s), &out, &words);

	if (status != NC_OK)
		printf("# nc_simhash returned %d\n", (int) status);
	if (has_words)
		*has_words = words;
	return out;
}

/* A text of n distinct words, "w1 w2 ...", with the last word replaced by last. */
static char *
words_text(int n, const char *last)
{
	size_t		cap = (size_t) n * 12 + 64;
	char	   *s = malloc(cap);
	size_t		len = 0;
	int			i;

	for (i = 1; i < n; i++)
		len += snprintf(s + len, cap - len, "w%d ", i);
	snprintf(s + len, cap - len, "%s", last);
	return s;
}

static bool
always_stop(void *arg)
{
	(void) arg;
	return true;
}

int
main(void)
{
	bool		has;
	uint64_t	a;
	uint64_t	b;
	char	   *long1;
	char	   *long2;
	NcHost		host = nc_test_host();
	uint64_t	out;

	a = fp("", &has);
	nc_tap_ok(!has && a == 0, "empty text has no words");
	a = fp(" -- \xe2\x80\x94 ... !!", &has);
	nc_tap_ok(!has, "punctuation and an em dash are no words");
	nc_tap_ok(fp("Hello world", NULL) == fp("HELLO,  world!", NULL),
			  "case, punctuation and spacing do not matter");
	nc_tap_ok(fp("\xc3\x89mile Zola", NULL) == fp("\xc3\xa9mile zola", NULL),
			  "Latin-1 capitals fold (\xc3\x89 is \xc3\xa9)");
	nc_tap_ok(fp("one two three four", NULL) != fp("four three two one", NULL), "word order matters");
	nc_tap_ok(fp("The quick brown fox jumps over the lazy dog", NULL) == UINT64_C(0xEDA81B62A5DF6698),
			  "the fingerprint of a sentence is fixed across builds and releases");
	nc_tap_ok(fp("fox", NULL) == UINT64_C(0x14543812A31EC373), "the fingerprint of one word is fixed");
	a = fp("\xf0\x9f\x98", &has);
	nc_tap_ok(has, "a truncated UTF-8 sequence is read without overrun");

	long1 = words_text(400, "end");
	long2 = words_text(400, "stop");
	a = fp(long1, NULL);
	b = fp(long2, NULL);
	nc_tap_ok(nc_hamming(a, b) <= 3, "one changed word in 400 moves %d bits", nc_hamming(a, b));
	b = fp("an unrelated short story about trams and a hospital in the north of the city", NULL);
	nc_tap_ok(nc_hamming(a, b) > 12, "an unrelated text is %d bits away", nc_hamming(a, b));

	nc_tap_ok(nc_hamming(0, ~UINT64_C(0)) == 64 && nc_hamming(5, 5) == 0 && nc_hamming(1, 3) == 1,
			  "hamming counts differing bits");

	host.should_stop = always_stop;
	free(long2);
	long2 = words_text(20000, "end");
	nc_tap_ok(nc_simhash(&host, long2, strlen(long2), &out, &has) == NC_CANCELLED,
			  "a long text stops when the host asks");
	free(long1);
	free(long2);
	nc_test_host_reset();
	return nc_tap_done();
}
