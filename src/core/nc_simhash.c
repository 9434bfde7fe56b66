/*
 * src/core/nc_simhash.c
 *		64-bit simhash fingerprints of article text, for finding wire copy
 *		that several sites publish with small edits.
 *
 * Charikar's simhash over word 3-shingles: a story re-run with a new
 * headline, a trimmed last paragraph or a changed byline keeps most of its
 * shingles, so its fingerprint stays within a few bits of the original,
 * whereas unrelated stories differ in about 32 of 64 bits.  Words are runs
 * of letters and digits; case is folded for ASCII and Latin-1 so that a
 * headline-case rewrite does not count as new wording.  The hash is fixed
 * (FNV-1a then the splitmix64 finaliser), so fingerprints computed on any
 * machine, by any version that keeps NC_SIMHASH_SHINGLE, compare.
 */
#include <string.h>

#include "nc_internal.h"

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)
#define POLL_WORDS 4096

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

static uint64_t
rotl64(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* Letters and digits make words; punctuation, symbols and spaces split them. */
static bool
is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
			(cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0)
		return false;			/* Latin-1 punctuation, NBSP, signs */
	if (cp == 0xD7 || cp == 0xF7)
		return false;			/* multiplication and division signs */
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return false;			/* general punctuation, arrows, symbols */
	if (cp >= 0x3000 && cp <= 0x303F)
		return false;			/* CJK punctuation */
	if (cp >= 0xFE30 && cp <= 0xFE6F)
		return false;			/* compatibility forms */
	if (cp >= 0xFF00 && cp <= 0xFF0F)
		return false;			/* full-width punctuation */
	return true;
}

static uint32_t
fold_cp(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	return cp;
}

static void
vote(int64_t *counts, uint64_t h)
{
	int			i;

	for (i = 0; i < 64; i++)
		counts[i] += ((h >> i) & 1) ? 1 : -1;
}

NcStatus
nc_simhash(const NcHost *host, const char *text, size_t len,
		   uint64_t *out, bool *has_words)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		pos = 0;
	int64_t		counts[64];
	uint64_t	ring[NC_SIMHASH_SHINGLE];
	long		words = 0;
	uint64_t	h = FNV_OFFSET;
	bool		in_word = false;
	uint64_t	result = 0;
	int			i;

	memset(counts, 0, sizeof(counts));
	*out = 0;
	*has_words = false;

	for (;;)
	{
		uint32_t	cp = 0;
		int			n = 0;
		bool		word_char;

		if (pos < len)
		{
			n = nc_utf8_decode(s + pos, len - pos, &cp);
			word_char = is_word_cp(cp);
		}
		else
			word_char = false;

		if (word_char)
		{
			uint32_t	f = fold_cp(cp);

			/* Hash the folded code point, not the bytes: "Ä" and "ä" agree. */
			h = (h ^ (f & 0xFF)) * FNV_PRIME;
			h = (h ^ ((f >> 8) & 0xFF)) * FNV_PRIME;
			h = (h ^ (f >> 16)) * FNV_PRIME;
			in_word = true;
		}
		else if (in_word)
		{
			ring[words % NC_SIMHASH_SHINGLE] = mix64(h);
			words++;
			if (words >= NC_SIMHASH_SHINGLE)
			{
				uint64_t	sh = 0;

				/* Oldest word first, so the shingle's order matters. */
				for (i = 0; i < NC_SIMHASH_SHINGLE; i++)
					sh = rotl64(sh, 23) ^ ring[(words + i) % NC_SIMHASH_SHINGLE];
				vote(counts, mix64(sh));
			}
			if (words % POLL_WORDS == 0 && host && host->should_stop &&
				host->should_stop(host->arg))
				return NC_CANCELLED;
			h = FNV_OFFSET;
			in_word = false;
		}
		if (pos >= len)
			break;
		pos += n;
	}

	if (words == 0)
		return NC_OK;
	if (words < NC_SIMHASH_SHINGLE)
		for (i = 0; i < words; i++)
			vote(counts, ring[i]);
	for (i = 0; i < 64; i++)
		if (counts[i] > 0)
			result |= UINT64_C(1) << i;
	*out = result;
	*has_words = true;
	return NC_OK;
}

int
nc_hamming(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}
