/*
 * src/core/nc_textstats.c
 *		Words, sentences, syllables and the Flesch reading ease of a body.
 *
 * Words are counted as the article extractor counts them (nc_count_words),
 * so news.text_stats(body).words equals news.article.word_count.  A
 * sentence ends at '.', '!' or '?' (or an ellipsis) followed by a space or
 * the paragraph end, unless the word before is an abbreviation ("Mr.",
 * "U.S." mid-sentence); a paragraph without a final mark still ends one.
 * Syllables are vowel groups of English spelling, with a silent final "e"
 * dropped: the usual estimate behind readability scores, meaningful for
 * English text only.
 */
#include <string.h>

#include "nc_internal.h"

static bool
is_vowel(unsigned char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Syllables of one ASCII word (lower-cased on the fly); at least 1. */
static int
word_syllables(const char *w, size_t len)
{
	int			count = 0;
	bool		prev = false;
	size_t		i;
	char		last = 0,
				before_last = 0;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) w[i];
		bool		v;

		if (c >= 'A' && c <= 'Z')
			c += 32;
		v = is_vowel(c);
		if (v && !prev)
			count++;
		prev = v;
		before_last = last;
		last = (char) c;
	}
	/* Silent final e ("make"), but not "-le" ("table") */
	if (len > 2 && last == 'e' && before_last != 'l' && count > 1)
		count--;
	return count > 0 ? count : 1;
}

static bool
ascii_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void
nc_text_stats(const char *body, size_t len, NcTextStats *out)
{
	size_t		i = 0;
	int			sentences = 0,
				syllables = 0,
				paragraphs = 0;
	bool		open_sentence = false;	/* words since the last sentence end */
	bool		line_has_text = false;
	char		prev_word[16];
	size_t		prev_len = 0;

	memset(out, 0, sizeof(*out));
	while (i < len)
	{
		unsigned char c = (unsigned char) body[i];

		if (c == '\n')
		{
			if (open_sentence)
				sentences++;
			if (line_has_text)
				paragraphs++;
			open_sentence = false;
			line_has_text = false;
			i++;
			continue;
		}
		if (ascii_alpha(c) || c >= 0x80 || (c >= '0' && c <= '9'))
		{
			size_t		start = i;
			bool		alpha = false;

			while (i < len && (ascii_alpha((unsigned char) body[i]) ||
							   (unsigned char) body[i] >= 0x80 ||
							   (body[i] >= '0' && body[i] <= '9') ||
							   ((body[i] == '.' || body[i] == '\'' || body[i] == '-') &&
								i + 1 < len && ascii_alpha((unsigned char) body[i + 1]))))
			{
				/* Stop at typographic punctuation (U+2000..U+206F) */
				if ((unsigned char) body[i] == 0xE2 && i + 1 < len &&
					((unsigned char) body[i + 1] == 0x80 || (unsigned char) body[i + 1] == 0x81))
					break;
				if (ascii_alpha((unsigned char) body[i]))
					alpha = true;
				i++;
			}
			if (i == start)
			{
				i++;
				continue;
			}
			if (alpha)
				syllables += word_syllables(body + start, i - start);
			open_sentence = true;
			line_has_text = true;
			prev_len = (i - start < sizeof(prev_word)) ? i - start : 0;
			if (prev_len)
				memcpy(prev_word, body + start, prev_len);
			prev_word[prev_len] = '\0';
			continue;
		}
		if ((c == '.' || c == '!' || c == '?') && open_sentence)
		{
			size_t		j = i + 1;

			/* Closing quotes and brackets may follow the mark */
			while (j < len && (body[j] == '"' || body[j] == '\'' || body[j] == ')' ||
							   ((unsigned char) body[j] == 0xE2 && j + 2 < len &&
								(unsigned char) body[j + 1] == 0x80 &&
								((unsigned char) body[j + 2] == 0x9D || (unsigned char) body[j + 2] == 0x99))))
				j += ((unsigned char) body[j] == 0xE2) ? 3 : 1;
			if ((j >= len || body[j] == ' ' || body[j] == '\n' || body[j] == '\t') &&
				!(c == '.' && nc_is_abbreviation(prev_word)))
			{
				sentences++;
				open_sentence = false;
			}
			i = j;
			continue;
		}
		i++;
	}
	if (open_sentence)
		sentences++;
	if (line_has_text)
		paragraphs++;

	out->words = nc_count_words_n(body, len);
	out->sentences = sentences;
	out->syllables = syllables;
	out->paragraphs = paragraphs;
	out->reading_minutes = (double) out->words / NC_READING_WPM;
	if (out->words > 0 && sentences > 0)
		out->flesch_reading_ease = 206.835 - 1.015 * ((double) out->words / sentences)
			- 84.6 * ((double) syllables / out->words);
}
