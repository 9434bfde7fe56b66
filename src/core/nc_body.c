/*
 * src/core/nc_body.c
 *		The article body: boilerplate removal by scoring DOM candidates.
 *
 * The method follows what Readability, trafilatura and boilerpipe agree
 * on, with no per-site rules:
 *	1. Mark junk subtrees: never-visible elements, navigation, footers,
 *	   asides, and elements whose class or id names a boilerplate role
 *	   (share bars, related links, comments, ads, newsletter boxes...).
 *	2. Measure every element: visible text, text inside links, commas.
 *	3. Score paragraph-like elements by length and commas and credit the
 *	   score to their ancestors, decaying with distance; weight
 *	   candidates by tag and class/id hints and by their link density.
 *	4. Take the best candidate, widened to a shared ancestor when close
 *	   rivals sit under it, plus siblings that score near it.
 *	5. Emit its blocks (paragraphs, subheads, list items, quotes, table
 *	   rows) one per line, dropping link-dense containers and blocks seen
 *	   before.
 */
#include <math.h>
#include <string.h>

#include "nc_body.h"

typedef struct NodeInfo
{
	int			text_len;		/* visible characters, white space excluded */
	int			link_len;		/* of which inside <a> */
	int			commas;
	int			paragraphs;		/* <p> elements below, for container tests */
	int			long_paras;		/* prose paragraphs below: long, few links */
	bool		has_h1;			/* an <h1> below: the story's headline */
	signed char hint;			/* HintVerdict of its class and id */
	signed char class_weight;	/* +25 content hints, -25 boilerplate ones */
	double		score;
	bool		junk;
	bool		scored;
} NodeInfo;

/* Containers kept as candidates for the story, best first. */
#define TOP_CANDIDATES 5

typedef struct BodyWalk
{
	const NcHost *host;
	int			max_depth;
	long		visited;
	bool		cancelled;
	bool		failed;
	bool		use_hints;		/* class and id hints may mark junk */
	bool		keep_links;		/* emit link lists and link-only blocks too */
	xmlNodePtr	top[TOP_CANDIDATES];	/* the best-scoring containers, best first */
	double		top_score[TOP_CANDIDATES];
	xmlNodePtr	article_body;	/* the one itemprop=articleBody holding prose, or NULL */
	int			article_bodies; /* how many such elements this pass saw */
} BodyWalk;

static NodeInfo *
info_of(xmlNodePtr node)
{
	return (NodeInfo *) node->_private;
}

static bool
tick(BodyWalk *w)
{
	if ((++w->visited & 1023) == 0 && w->host->should_stop(w->host->arg))
		w->cancelled = true;
	return !w->cancelled;
}

/* ---------------------------------------------------------------------
 * Class and id hints
 * ---------------------------------------------------------------------
 */

/* Words that mark a boilerplate role wherever they appear in a class or id. */
static const char *const junk_words[] = {
	"comment", "share", "sharing", "social", "related", "newsletter", "subscribe",
	"subscription", "sidebar", "breadcrumb", "outbrain", "taboola", "cookie",
	"consent", "recommend", "trending", "popular", "promo", "sponsor", "advert",
	"banner", "masthead", "toolbar", "pagination", "pager", "popup", "modal",
	"disqus", "signup", "sign-up", "weather", "widget", "footer", "navbar",
	"navigation", "menu", "skip-link", "print-only", "screen-reader", "sr-only",
	"visually-hidden", "hidden", "byline", "author-bio", "authorbio", "tag-list",
	"tags", "read-more", "readmore", "more-stories", "also-read", "alsoread",
	"nocontent", "adsense", "dfp", "gpt-ad", "jump-link", "teaser-list",
	"login", "paywall", "rating", "rss", "copyright", "meta-data", "postmeta",
	"post-meta", "entry-meta", "caption-credit", NULL
};

/* Whole tokens (between - _ and spaces) that mark ads and menus. */
static const char *const junk_tokens[] = {
	"ad", "ads", "adv", "nav", "menu", "share", "social", "related", "tags",
	"footer", "aside", "meta", "date", "time", "dateline", "timestamp",
	"author", "credit", "caption", NULL
};

/* Words that mark the article itself. */
static const char *const content_words[] = {
	"article", "content", "story", "entry", "post-body", "postbody", "post-content",
	"main", "text", "body", "blog", "column", "page-content", "artikel", "inhalt",
	"beitrag", "news", NULL
};

static void
lower_copy(char *out, size_t outsize, const char *a, const char *b)
{
	size_t		n = 0;
	const char *parts[2] = {a, b};
	int			i;

	for (i = 0; i < 2; i++)
	{
		const char *s = parts[i];

		if (s == NULL)
			continue;
		while (*s && n + 2 < outsize)
		{
			char		c = *s++;

			out[n++] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
		}
		if (n + 2 < outsize)
			out[n++] = ' ';
	}
	out[n] = '\0';
}

static bool
has_token(const char *hints, const char *token)
{
	size_t		tl = strlen(token);
	const char *p = hints;

	while ((p = strstr(p, token)) != NULL)
	{
		bool		start = (p == hints || p[-1] == ' ' || p[-1] == '-' || p[-1] == '_');
		char		after = p[tl];
		bool		end = (after == '\0' || after == ' ' || after == '-' || after == '_' ||
						   (after >= '0' && after <= '9'));

		if (start && end)
			return true;
		p += tl;
	}
	return false;
}

static bool
hints_match(const char *hints, const char *const *words)
{
	for (; *words; words++)
		if (strstr(hints, *words))
			return true;
	return false;
}

static bool
hints_have_token(const char *hints, const char *const *tokens)
{
	for (; *tokens; tokens++)
		if (has_token(hints, *tokens))
			return true;
	return false;
}

/*
 * Navigation, footers, asides and their ARIA roles.  libxml2 nests a
 * whole page inside a <nav> its author forgot to close: one that holds
 * the headline and prose is the page, not navigation (see measure()).
 */
static bool
is_structural_junk(xmlNodePtr node)
{
	static const char *const junk_tags[] = {"nav", "footer", "aside", "menu", "dialog", NULL};
	const char *role;

	role = nc_attr(node, "role");
	if (role && (nc_ascii_ieq(role, "navigation") || nc_ascii_ieq(role, "banner") ||
				 nc_ascii_ieq(role, "complementary") || nc_ascii_ieq(role, "contentinfo") ||
				 nc_ascii_ieq(role, "menu") || nc_ascii_ieq(role, "dialog") ||
				 nc_ascii_ieq(role, "alert")))
		return true;
	if (nc_tag_in((const char *) node->name, junk_tags))
	{
		char		hints[512];

		lower_copy(hints, sizeof(hints), nc_attr(node, "class"), nc_attr(node, "id"));
		return !(hints[0] && hints_match(hints, content_words));
	}
	return false;
}

typedef enum HintVerdict
{
	HINT_NONE,					/* no boilerplate hint */
	HINT_SOFT,					/* boilerplate name, unless it holds prose */
	HINT_NEVER_CONTENT		/* comments, consent banners: junk whatever they hold */
} HintVerdict;

/*
 * What an element's class and id say, read once per element: its verdict
 * and Readability's class weight (+25 content hints, -25 boilerplate
 * ones).  Layout names ("has-sidebar", "widget Blog", "date-outer") often
 * sit on wrappers of the whole story, so a boilerplate hint only makes a
 * container suspect: measure() keeps it when it holds real prose.
 * Comment threads, consent banners and galleries hold prose too, and are
 * never kept.
 */
static void
read_hints(xmlNodePtr node, NodeInfo *info)
{
	static const char *const never_content_words[] = {
		"comment", "disqus", "replies", "respond", "reply", "kommentar", "commentaire",
		"comentario", "cookie", "consent", "gdpr", "privacy-banner", NULL
	};
	static const char *const not_comments[] = {"no-comment", "nocomment", NULL};
	static const char *const gallery_words[] = {"gallery", NULL};
	static const char *const post_tokens[] = {"hentry", "format-gallery", NULL};
	const char *name = (const char *) node->name;
	char		hints[512];
	bool		boilerplate;

	info->hint = HINT_NONE;
	info->class_weight = 0;
	lower_copy(hints, sizeof(hints), nc_attr(node, "class"), nc_attr(node, "id"));
	if (hints[0] == '\0')
		return;
	boilerplate = hints_match(hints, junk_words) || hints_have_token(hints, junk_tokens);
	info->class_weight = (boilerplate ? -25 : 0) + (hints_match(hints, content_words) ? 25 : 0);
	if (strcmp(name, "body") == 0 || strcmp(name, "html") == 0 || strcmp(name, "a") == 0)
		return;
	if (hints_match(hints, never_content_words) && !hints_match(hints, not_comments))
		info->hint = HINT_NEVER_CONTENT;
	/*
	 * A gallery's captions are not the text, as figure captions are not;
	 * but a post of the gallery format ("hentry format-gallery") is a story.
	 */
	else if (hints_match(hints, gallery_words) && !hints_have_token(hints, post_tokens) &&
			 strcmp(name, "article") != 0 && strcmp(name, "main") != 0)
		info->hint = HINT_NEVER_CONTENT;
	else if (boilerplate)
		info->hint = HINT_SOFT;
}

/* schema.org's articleBody: the publisher's own mark of the story's text. */
static bool
is_declared_article_body(xmlNodePtr node)
{
	const char *itemprop = nc_attr(node, "itemprop");

	return itemprop && nc_ascii_ieq(itemprop, "articleBody");
}

/* A suspect container is kept when it holds this much prose. */
static bool
holds_prose(const NodeInfo *info)
{
	return info->long_paras >= 3 ||
		(info->long_paras >= 2 && info->text_len > 0 && info->link_len * 5 < info->text_len);
}

/* ---------------------------------------------------------------------
 * Measuring
 * ---------------------------------------------------------------------
 */

static int
visible_chars(const char *s, int *commas)
{
	int			n = 0;

	for (; *s; s++)
	{
		unsigned char c = (unsigned char) *s;

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
			continue;
		if ((c & 0xC0) == 0x80)
			continue;
		if (c == ',')
			(*commas)++;
		n++;
	}
	return n;
}

/*
 * A link that takes the reader elsewhere; "javascript:" links are page
 * behaviour, and their text reads as prose (Readability unwraps them).
 */
static bool
is_navigating_link(xmlNodePtr node)
{
	const char *href;

	if (!nc_is_tag(node, "a"))
		return false;
	href = nc_attr(node, "href");
	return href == NULL || !nc_ascii_istarts(href, "javascript:");
}

static bool is_paragraph_like(xmlNodePtr node);
static double link_density(const NodeInfo *info);

/* Annotates every element with its NodeInfo, bottom-up. */
static void
measure(BodyWalk *w, xmlNodePtr node, int depth, bool in_link)
{
	xmlNodePtr	child;
	NodeInfo   *info = info_of(node);

	for (child = node->children; child; child = child->next)
	{
		NodeInfo   *ci;

		if (!tick(w))
			return;
		if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
		{
			int			commas = 0;
			int			n = child->content ? visible_chars((const char *) child->content, &commas) : 0;

			info->text_len += n;
			info->commas += commas;
			if (in_link)
				info->link_len += n;
			continue;
		}
		if (child->type != XML_ELEMENT_NODE || child->name == NULL || depth >= w->max_depth)
			continue;
		ci = nc_alloc(w->host, sizeof(NodeInfo));
		if (ci == NULL)
		{
			w->failed = true;
			return;
		}
		memset(ci, 0, sizeof(*ci));
		child->_private = ci;
		/*
		 * <noscript> is what a reader without scripts sees: mostly "enable
		 * JavaScript" and tracking pixels, but some sites (Blogger among
		 * them) put the whole post there and render it from a script.
		 */
		if (nc_is_tag(child, "noscript"))
		{
			measure(w, child, depth + 1, in_link);
			if (!holds_prose(ci))
			{
				ci->junk = true;
				continue;
			}
		}
		else if (nc_is_invisible(child))
		{
			ci->junk = true;
			continue;
		}
		else
		{
			read_hints(child, ci);
			measure(w, child, depth + 1, in_link || is_navigating_link(child));
		}
		ci->has_h1 |= nc_is_tag(child, "h1");
		/*
		 * The second pass, run when the first found next to nothing, also
		 * takes the page from a structural container that holds prose but no
		 * h1 (a story under a headline in h2, nested in an unclosed
		 * <header role=banner>).  Class hints name containers: words inside
		 * a paragraph are the paragraph's, whatever their span says
		 * ("<span class=dateline>CAIRO —</span> Gunmen opened fire").
		 */
		if (is_structural_junk(child))
			ci->junk = !(holds_prose(ci) && (ci->has_h1 || !w->use_hints));
		else if (w->use_hints && !(nc_is_tag(node, "p") && !nc_is_block(child)))
			ci->junk = ci->hint == HINT_NEVER_CONTENT || (ci->hint == HINT_SOFT && !holds_prose(ci));
		if (ci->junk)
			continue;
		if (holds_prose(ci) && is_declared_article_body(child))
		{
			/* One declared body is the page's word on its story; several say nothing. */
			w->article_body = w->article_bodies++ == 0 ? child : NULL;
		}
		info->text_len += ci->text_len;
		info->link_len += ci->link_len;
		info->commas += ci->commas;
		info->paragraphs += ci->paragraphs + (nc_is_tag(child, "p") ? 1 : 0);
		info->long_paras += ci->long_paras;
		info->has_h1 |= ci->has_h1;
		if (ci->text_len >= 120 && link_density(ci) < 0.25 && is_paragraph_like(child))
			info->long_paras++;
	}
}

static double
link_density(const NodeInfo *info)
{
	return info->text_len ? (double) info->link_len / info->text_len : 0.0;
}

/* ---------------------------------------------------------------------
 * Scoring
 * ---------------------------------------------------------------------
 */

static int
tag_base_score(const char *name)
{
	if (strcmp(name, "div") == 0 || strcmp(name, "article") == 0 || strcmp(name, "main") == 0)
		return 5;
	if (strcmp(name, "section") == 0)
		return 3;
	if (strcmp(name, "pre") == 0 || strcmp(name, "td") == 0 || strcmp(name, "blockquote") == 0)
		return 3;
	if (strcmp(name, "address") == 0 || strcmp(name, "ol") == 0 || strcmp(name, "ul") == 0 ||
		strcmp(name, "dl") == 0 || strcmp(name, "dd") == 0 || strcmp(name, "dt") == 0 ||
		strcmp(name, "li") == 0 || strcmp(name, "form") == 0)
		return -3;
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
		return -5;
	if (strcmp(name, "th") == 0)
		return -5;
	return 0;
}

static bool
has_block_child(xmlNodePtr node)
{
	xmlNodePtr	c;

	for (c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && nc_is_block(c) && !nc_is_tag(c, "br"))
			return true;
	return false;
}

/* Elements whose text is a paragraph of the page. */
static bool
is_paragraph_like(xmlNodePtr node)
{
	const char *name = (const char *) node->name;

	if (strcmp(name, "p") == 0 || strcmp(name, "pre") == 0 || strcmp(name, "td") == 0 ||
		strcmp(name, "blockquote") == 0)
		return true;
	/* A div or section holding text directly, as many CMSs write paragraphs. */
	if (strcmp(name, "div") == 0 || strcmp(name, "section") == 0 || strcmp(name, "li") == 0)
		return !has_block_child(node);
	return false;
}

static void
credit(xmlNodePtr node, double score)
{
	NodeInfo   *info = info_of(node);

	if (info == NULL || info->junk)
		return;
	if (!info->scored)
	{
		info->scored = true;
		info->score = tag_base_score((const char *) node->name) + info->class_weight;
	}
	info->score += score;
}

/* Credits a paragraph's score to its container and, decaying, four more ancestors. */
static void
credit_paragraph(xmlNodePtr container, int text_len, int commas)
{
	double		score = 1 + commas + fmin(floor(text_len / 100.0), 3);
	xmlNodePtr	ancestor = container;
	int			level;

	for (level = 0; ancestor && ancestor->type == XML_ELEMENT_NODE && level < 5;
		 level++, ancestor = ancestor->parent)
		credit(ancestor, score / (level == 0 ? 1 : level == 1 ? 2 : level * 3));
}

/*
 * Text written straight into a container between its blocks ("text<br>
 * text<div>image</div>text", as forums and old CMSs write) forms
 * paragraphs of that container, as Readability's wrapping of phrasing
 * content into <p> makes them.
 */
static void
score_inline_runs(xmlNodePtr node)
{
	xmlNodePtr	c;
	int			run = 0,
				commas = 0;

	for (c = node->children;; c = c->next)
	{
		if (c == NULL || (c->type == XML_ELEMENT_NODE && nc_is_block(c) && !nc_is_tag(c, "br")))
		{
			if (run >= 25)
				credit_paragraph(node, run, commas);
			run = commas = 0;
			if (c == NULL)
				break;
			continue;
		}
		if (c->type == XML_TEXT_NODE && c->content)
			run += visible_chars((const char *) c->content, &commas);
		else if (c->type == XML_ELEMENT_NODE && info_of(c) && !info_of(c)->junk)
		{
			run += info_of(c)->text_len - info_of(c)->link_len;
			commas += info_of(c)->commas;
		}
	}
}

static void
score_paragraphs(BodyWalk *w, xmlNodePtr node, int depth)
{
	xmlNodePtr	child;

	for (child = node->children; child; child = child->next)
	{
		NodeInfo   *info;

		if (child->type != XML_ELEMENT_NODE || (info = info_of(child)) == NULL || info->junk)
			continue;
		if (!tick(w))
			return;
		if (is_paragraph_like(child) && info->text_len >= 25)
			credit_paragraph(child->parent, info->text_len, info->commas);
		else if (has_block_child(child))
			score_inline_runs(child);
		if (depth < w->max_depth)
			score_paragraphs(w, child, depth + 1);
	}
}

#define MIN_CANDIDATE_TEXT 80

static void
collect_top(xmlNodePtr node, xmlNodePtr *top, double *top_score, int depth, int max_depth)
{
	xmlNodePtr	child;

	for (child = node->children; child; child = child->next)
	{
		NodeInfo   *info;

		if (child->type != XML_ELEMENT_NODE || (info = info_of(child)) == NULL || info->junk)
			continue;
		/*
		 * A container with less than a sentence of text is no story, however
		 * its class reads ("articleMeta" around a time stamp).
		 */
		if (info->scored && info->text_len >= MIN_CANDIDATE_TEXT)
		{
			double		s = info->score * (1 - link_density(info));
			int			i,
						j;

			for (i = 0; i < TOP_CANDIDATES; i++)
			{
				if (top[i] == NULL || s > top_score[i])
				{
					for (j = TOP_CANDIDATES - 1; j > i; j--)
					{
						top[j] = top[j - 1];
						top_score[j] = top_score[j - 1];
					}
					top[i] = child;
					top_score[i] = s;
					break;
				}
			}
		}
		if (depth < max_depth)
			collect_top(child, top, top_score, depth + 1, max_depth);
	}
}

static bool
is_ancestor(xmlNodePtr ancestor, xmlNodePtr node)
{
	for (; node; node = node->parent)
		if (node == ancestor)
			return true;
	return false;
}

/*
 * A candidate with a twin among the others (the same text, link for
 * link) is a widget the template places twice, an info box or a teaser:
 * not the story's rival.
 */
static bool
has_twin(BodyWalk *w, int k)
{
	xmlNodePtr *top = w->top;
	double	   *top_score = w->top_score;
	const NodeInfo *a = info_of(top[k]);
	int			i;

	for (i = 0; i < TOP_CANDIDATES; i++)
	{
		const NodeInfo *b;
		const char *text_a;
		const char *text_b;

		if (i == k || top[i] == NULL)
			continue;
		b = info_of(top[i]);
		if (top_score[i] != top_score[k] || a->text_len != b->text_len ||
			a->link_len != b->link_len)
			continue;
		text_a = nc_node_text(w->host, top[k], w->max_depth);
		text_b = nc_node_text(w->host, top[i], w->max_depth);
		if (text_a && text_b && strcmp(text_a, text_b) == 0)
			return true;
	}
	return false;
}

/*
 * The best candidate, moved up to the ancestor shared by close rivals:
 * articles split into several containers (text, pull quotes, a second
 * page of paragraphs) should come out whole.
 */
static xmlNodePtr
choose_candidate(BodyWalk *w)
{
	xmlNodePtr *top = w->top;
	double	   *top_score = w->top_score;
	xmlNodePtr	best = top[0];
	xmlNodePtr	parent;
	int			i;

	if (best == NULL)
		return NULL;
	for (parent = best->parent; parent && parent->type == XML_ELEMENT_NODE &&
		 !nc_is_tag(parent, "body"); parent = parent->parent)
	{
		int			rivals = 0;

		for (i = 1; i < TOP_CANDIDATES; i++)
			if (top[i] && top_score[i] >= 0.75 * top_score[0] && is_ancestor(parent, top[i]) &&
				!is_ancestor(best, top[i]) && !has_twin(w, i))
				rivals++;
		if (rivals >= 2)
			best = parent;
	}
	/* A lone child says nothing its parent does not. */
	while (best->parent && best->parent->type == XML_ELEMENT_NODE &&
		   !nc_is_tag(best->parent, "body") && info_of(best->parent) &&
		   info_of(best->parent)->text_len == info_of(best)->text_len)
		best = best->parent;
	return best;
}

/* ---------------------------------------------------------------------
 * Emitting blocks
 * ---------------------------------------------------------------------
 */

typedef struct EmittedLine
{
	const char *text;
	xmlNodePtr	parent;			/* the element whose child block this line is */
	bool		label;			/* a heading or a short label ("Kontakt:") */
} EmittedLine;

typedef struct Emitter
{
	BodyWalk   *walk;
	NcBuf		line;			/* the block being built */
	NcBuf		out;			/* finished lines */
	EmittedLine *lines;			/* lines emitted so far, in order */
	int			nlines;
	int			lines_cap;
	const char *headline;
	const char *description;	/* the page's declared summary, or NULL */
	size_t		description_len;	/* what of it a standfirst repeats; 0: unusable */
	const char *first_paragraph;	/* the first line that came from a <p> */
	const char *first_text;		/* the first line that is no heading or label */
} Emitter;

/* Short lines that are page furniture in any article. */
static bool
is_furniture(const char *line)
{
	static const char *const phrases[] = {
		"advertisement", "advertisements", "anzeige", "werbung", "publicité",
		"publicidad", "pubblicità", "share", "share this", "share this article",
		"share on facebook", "share on twitter", "tweet", "email", "print",
		"read more", "continue reading", "click here", "subscribe", "related",
		"related stories", "related articles", "more", "back to top", "loading",
		"loading...", "mehr zum thema", "weiterlesen", "lesen sie auch", "teilen",
		"image", "photo", "video", "sponsored", "sponsored content", NULL
	};

	/* Lines that send the reader elsewhere: "Read more: <headline>". */
	static const char *const pointers[] = {
		"read more:", "read also:", "also read:", "read:", "related:", "see also:",
		"watch:", "listen:", "more:", "lea también", "lea más:", "lea:", "lee también",
		"lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant",
		"lire aussi", "à lire aussi", "a lire aussi", "leggi anche", "leia também",
		"leia mais", "lees ook", "zie ook", "czytaj też", "czytaj także", NULL
	};
	/* Notices about the page rather than the story. */
	static const char *const notices[] = {
		"copyright", "\xC2\xA9", "all rights reserved", "alle rechte vorbehalten",
		"tous droits réservés", "todos los derechos reservados", "please subscribe",
		"subscribe to", "already a subscriber", "sign up for", "newsletter",
		"abonnieren sie", "jetzt abonnieren", "cookies", NULL
	};
	/* Picture credits, set under an image or at the end: "Foto: Name / Agency". */
	static const char *const credits[] = {
		"foto:", "fotos:", "foto :", "photo:", "photos:", "photo :", "bild:", "titelbild:",
		"bildrechte:", "bildquelle:", "image:", "credit:", "photo credit", "crédit photo",
		"crédits photo", "fotografía:", "zdjęcie:", "fot.", NULL
	};
	size_t		len = strlen(line);

	return nc_ascii_ieq_any(line, phrases) ||
		(len < 150 && nc_ascii_istarts_any(line, credits)) ||
		(len < 250 && nc_ascii_istarts_any(line, pointers)) ||
		(len < 200 && nc_ascii_istr_any(line, notices));
}

/* A short line that announces what follows: "Kontakt:", "Weitere Informationen:". */
static bool
is_label(const char *line)
{
	size_t		len = strlen(line);

	return len > 0 && len <= 60 && line[len - 1] == ':';
}

/*
 * The headline again at the top of the text: the same words, or the
 * headline is this heading plus the site's name ("How to Build a Terrarium
 * | eHow").
 */
static bool
repeats_headline(const char *heading, const char *headline)
{
	size_t		len = strlen(heading);

	if (headline == NULL || len == 0)
		return false;
	if (nc_ascii_ieq(heading, headline))
		return true;
	return strlen(headline) > len && strncmp(headline, heading, len) == 0 &&
		nc_title_separator_at(headline + len) > 0;
}

/* Lines shorter than this may appear more than once in a body. */
#define REPEATABLE_LINE 80

static void
flush_line(Emitter *e, xmlNodePtr parent, bool heading, bool paragraph)
{
	char	   *line;
	int			i;

	if (e->line.len == 0)
		return;
	line = nc_collapse_space(e->walk->host, e->line.data, e->line.len);
	nc_buf_reset(&e->line);
	if (line == NULL)
	{
		e->walk->failed = true;
		return;
	}
	if (*line == '\0' || is_furniture(line))
		return;
	if (heading && repeats_headline(line, e->headline))
		return;
	/*
	 * No paragraph twice: a copy from elsewhere in the layout is the
	 * standfirst again as the lead, or a second rendering of the text, and
	 * goes.  A paragraph repeated among its own siblings is the text as the
	 * author wrote it (a refrain, a repeated notice) and stays.  Short lines
	 * may repeat anywhere (dialogue, table values, a contents entry).
	 */
	if (strlen(line) >= REPEATABLE_LINE)
		for (i = 0; i < e->nlines; i++)
			if (e->lines[i].parent != parent && strcmp(e->lines[i].text, line) == 0)
				return;
	if (!nc_reserve(e->walk->host, (void **) &e->lines, &e->lines_cap, e->nlines, sizeof(EmittedLine)))
	{
		e->walk->failed = true;
		return;
	}
	e->lines[e->nlines].text = line;
	e->lines[e->nlines].parent = parent;
	e->lines[e->nlines].label = heading || is_label(line);
	e->nlines++;
	if (paragraph && e->first_paragraph == NULL)
		e->first_paragraph = line;
	if (!e->lines[e->nlines - 1].label && e->first_text == NULL)
		e->first_text = line;
}

/*
 * The body from the emitted lines, less the labels that end it: a heading
 * or "Kontakt:" with nothing after it introduced boilerplate that is gone
 * ("Related stories").
 */
static void
assemble(Emitter *e)
{
	int			last = e->nlines - 1;
	int			i;

	while (last >= 0 && e->lines[last].label)
		last--;
	if (last < 0)
		last = e->nlines - 1;	/* a body of headings alone is what the page has */
	for (i = 0; i <= last; i++)
	{
		if (e->out.len)
			nc_buf_append_char(&e->out, '\n');
		nc_buf_append_str(&e->out, e->lines[i].text);
	}
}

/*
 * A list whose items are mostly links, each item little more than its link
 * ("Related: <title>", a menu).  A list of sentences that carry a link
 * each ("A fixed <a>an issue</a> with ...") is the article's.
 */
static bool
is_link_list(xmlNodePtr list)
{
	xmlNodePtr	item;
	int			items = 0;
	int			linked = 0;

	for (item = list->children; item; item = item->next)
	{
		NodeInfo   *ii;

		if (item->type != XML_ELEMENT_NODE || (ii = info_of(item)) == NULL || ii->junk ||
			ii->text_len == 0)
			continue;
		items++;
		if (ii->link_len * 4 >= ii->text_len * 3)
			linked++;
	}
	return items > 0 && linked * 5 >= items * 3;
}

/*
 * Containers inside the article that are boilerplate by their make-up:
 * lists of links, link farms, tiny fragments between paragraphs.
 */
static bool
is_noise_container(xmlNodePtr node)
{
	static const char *const containers[] = {
		"div", "section", "ul", "ol", "table", "figure", "dl", NULL
	};
	NodeInfo   *info = info_of(node);
	double		density;

	if (info == NULL || !nc_tag_in((const char *) node->name, containers))
		return false;
	density = link_density(info);
	if (info->class_weight < 0 && info->paragraphs < 3)
		return true;
	if (nc_is_tag(node, "ul") || nc_is_tag(node, "ol"))
		return is_link_list(node);
	if (density > 0.5 && info->text_len < 2000)
		return true;
	if (density > 0.25 && info->paragraphs == 0 && info->text_len < 200)
		return true;
	return false;
}

/* A paragraph or heading that is mostly a link: a pointer elsewhere. */
static bool
is_link_block(xmlNodePtr node)
{
	NodeInfo   *info = info_of(node);
	const char *name = (const char *) node->name;

	if (info == NULL || info->text_len == 0)
		return false;
	/* List items stay: reference lists and product lists are content. */
	if (!(strcmp(name, "p") == 0 || (name[0] == 'h' && name[1] >= '1' && name[1] <= '6')))
		return false;
	return link_density(info) > 0.6 && info->text_len < 400;
}

static void
emit(Emitter *e, xmlNodePtr node, int depth)
{
	xmlNodePtr	child;

	for (child = node->children; child; child = child->next)
	{
		if (!tick(e->walk))
			return;
		if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
		{
			if (child->content)
				nc_buf_append_str(&e->line, (const char *) child->content);
			continue;
		}
		if (child->type != XML_ELEMENT_NODE || info_of(child) == NULL || info_of(child)->junk)
			continue;
		if (nc_is_tag(child, "br"))
		{
			nc_buf_append_char(&e->line, ' ');
			continue;
		}
		if (!nc_is_block(child))
		{
			if (depth < e->walk->max_depth)
				emit(e, child, depth + 1);
			continue;
		}
		if (!e->walk->keep_links && (is_noise_container(child) || is_link_block(child)))
			continue;
		{
			const char *name = (const char *) child->name;
			bool		heading = name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
			bool		row = strcmp(name, "tr") == 0;

			flush_line(e, node, false, false);
			if (row)
			{
				xmlNodePtr	cell;

				/* A table row is one line, its cells apart. */
				for (cell = child->children; cell; cell = cell->next)
					if (cell->type == XML_ELEMENT_NODE && info_of(cell) && !info_of(cell)->junk)
					{
						char	   *t = nc_node_text(e->walk->host, cell, e->walk->max_depth);

						if (t && *t)
						{
							if (e->line.len)
								nc_buf_append_str(&e->line, " | ");
							nc_buf_append_str(&e->line, t);
						}
					}
			}
			else if (depth < e->walk->max_depth)
				emit(e, child, depth + 1);
			flush_line(e, node, heading, strcmp(name, "p") == 0);
		}
	}
}

static bool
is_sentence_like(const NodeInfo *info, xmlNodePtr node, const NcHost *host)
{
	char	   *t;
	size_t		n;

	if (info->text_len >= 80)
		return link_density(info) < 0.25;
	if (info->text_len == 0 || info->link_len > 0)
		return false;
	t = nc_node_text(host, node, 8);
	n = t ? strlen(t) : 0;
	return n > 0 && (t[n - 1] == '.' || strstr(t, ". ") != NULL);
}

/* Class or id words of a standfirst: the lead paragraph set above the text. */
static bool
is_lead_hinted(xmlNodePtr node)
{
	static const char *const lead_words[] = {
		"lead", "intro", "teaser", "preface", "standfirst", "subheadline", "sub-headline",
		"subtitle", "abstract", "excerpt", "deck", "chapo", "sapo", "vorspann",
		"einleitung", "bajada", "entradilla", "sottotitolo", NULL
	};
	char		hints[512];

	lower_copy(hints, sizeof(hints), nc_attr(node, "class"), nc_attr(node, "id"));
	return hints[0] && hints_match(hints, lead_words) && !hints_match(hints, junk_words);
}

/*
 * How much of the page's declared description a standfirst must start
 * with: all of it, less the "..." or "…" of a description cut short; 0 when
 * too short to tell a standfirst by.
 */
static size_t
description_prefix_len(const char *description)
{
	size_t		len = description ? strlen(description) : 0;

	while (len > 0 && (description[len - 1] == '.' || description[len - 1] == ' '))
		len--;
	if (len >= 3 && strncmp(description + len - 3, "\xE2\x80\xA6", 3) == 0)
		len -= 3;
	return len >= 60 ? len : 0;
}

/*
 * A paragraph that says what the page's declared description says: the
 * standfirst, whatever its classes ("text-xl leading-snug").
 */
static bool
is_described(Emitter *e, xmlNodePtr node)
{
	const char *text;

	if (e->description_len == 0 || !nc_is_tag(node, "p"))
		return false;
	text = nc_node_text(e->walk->host, node, e->walk->max_depth);
	return text && strncmp(text, e->description, e->description_len) == 0;
}

/*
 * A standfirst: short prose marked as the lead, or saying the page's
 * description (only the latter when described_only).
 */
static bool
is_standfirst(Emitter *e, xmlNodePtr node, const NodeInfo *info, bool described_only)
{
	return info->text_len >= 60 && info->text_len <= 1500 && link_density(info) < 0.3 &&
		((!described_only && is_lead_hinted(node)) || is_described(e, node));
}

/* Emits the standfirsts below node, in document order. */
static void
emit_leads_below(Emitter *e, xmlNodePtr node, int depth, bool described_only)
{
	xmlNodePtr	c;

	for (c = node->children; c; c = c->next)
	{
		NodeInfo   *ci;

		if (c->type != XML_ELEMENT_NODE || (ci = info_of(c)) == NULL || ci->junk)
			continue;
		if (is_standfirst(e, c, ci, described_only))
		{
			emit(e, c, depth + 1);
			flush_line(e, node, false, false);
		}
		else if (depth < 4)
			emit_leads_below(e, c, depth + 1, described_only);
	}
}

/* How far up from the chosen container standfirsts are looked for. */
#define LEAD_HINT_LEVELS 3
#define DESCRIBED_LEVELS 6

/*
 * The standfirst is part of the story, yet sites often set it apart, above
 * the container of the text: take lead-hinted prose that comes before the
 * chosen container within its three nearest ancestors, and the paragraph
 * that repeats the page's description within six.
 */
static void
emit_leads(Emitter *e, xmlNodePtr best)
{
	xmlNodePtr	path[DESCRIBED_LEVELS + 1];
	int			levels = 0;
	int			level;

	for (path[0] = best; levels < DESCRIBED_LEVELS && path[levels]->parent &&
		 path[levels]->parent->type == XML_ELEMENT_NODE &&
		 !nc_is_tag(path[levels]->parent, "body"); levels++)
		path[levels + 1] = path[levels]->parent;
	for (level = levels; level >= 1; level--)
	{
		bool		described_only = level > LEAD_HINT_LEVELS;
		xmlNodePtr	sib;

		for (sib = path[level]->children; sib && sib != path[level - 1]; sib = sib->next)
		{
			NodeInfo   *si = sib->type == XML_ELEMENT_NODE ? info_of(sib) : NULL;

			if (si == NULL || si->junk)
				continue;
			if (is_standfirst(e, sib, si, described_only))
			{
				emit(e, sib, 1);
				flush_line(e, path[level], false, false);
			}
			else
				emit_leads_below(e, sib, 1, described_only);
		}
	}
}

/*
 * Whether node is what the page marks as its article: an
 * <article>, schema.org's articleBody, or a container whose class or id
 * names content ("entry-content", "post-body").
 */
static bool
is_marked_article(xmlNodePtr node)
{
	return nc_is_tag(node, "article") || is_declared_article_body(node) ||
		(info_of(node) && info_of(node)->class_weight > 0 && !nc_is_tag(node, "body") &&
		 !nc_is_tag(node, "html"));
}

static bool
in_marked_article(xmlNodePtr node)
{
	for (; node && node->type == XML_ELEMENT_NODE; node = node->parent)
		if (is_marked_article(node))
			return true;
	return false;
}

/* The marked article container below node that holds the most text, or NULL. */
static xmlNodePtr
largest_marked_article(xmlNodePtr node, int depth, int max_depth)
{
	xmlNodePtr	best = NULL;
	xmlNodePtr	child;

	for (child = node->children; child; child = child->next)
	{
		NodeInfo   *ci;
		xmlNodePtr	found;

		if (child->type != XML_ELEMENT_NODE || (ci = info_of(child)) == NULL || ci->junk ||
			ci->text_len == 0)
			continue;
		if (is_marked_article(child))
			found = child;
		else if (depth < max_depth)
			found = largest_marked_article(child, depth + 1, max_depth);
		else
			found = NULL;
		if (found && (best == NULL || info_of(found)->text_len > info_of(best)->text_len))
			best = found;
	}
	return best;
}

/*
 * Emits the chosen container: the standfirsts set above it, then it and
 * the siblings that belong to the article (none when the container is the
 * page's declared articleBody).
 */
static void
emit_article(Emitter *e, xmlNodePtr best, xmlNodePtr bodynode, bool declared)
{
	if (best->parent && best->parent->type == XML_ELEMENT_NODE && best != bodynode)
		emit_leads(e, best);
	if (best->parent && best->parent->type == XML_ELEMENT_NODE && best != bodynode && !declared)
	{
		/* Siblings that belong to the article: close in score, or plain prose. */
		double		best_score = info_of(best)->score;
		double		threshold = fmax(10, best_score * 0.2);
		const char *best_class = nc_attr(best, "class");
		xmlNodePtr	sib;

		for (sib = best->parent->children; sib; sib = sib->next)
		{
			NodeInfo   *si;
			bool		keep;

			if (sib->type != XML_ELEMENT_NODE || (si = info_of(sib)) == NULL || si->junk)
				continue;
			if (sib == best)
				keep = true;
			else
			{
				double		bonus = 0;
				const char *cls = nc_attr(sib, "class");

				if (best_class && cls && *cls && strcmp(cls, best_class) == 0)
					bonus = best_score * 0.2;
				keep = (si->scored && si->score * (1 - link_density(si)) + bonus >= threshold) ||
					(nc_is_tag(sib, "p") && is_sentence_like(si, sib, e->walk->host)) ||
					holds_prose(si);
			}
			if (!keep || (sib != best && !e->walk->keep_links && is_noise_container(sib)))
				continue;
			flush_line(e, best->parent, false, false);
			emit(e, sib, 1);
			flush_line(e, best->parent, false, nc_is_tag(sib, "p"));
		}
	}
	else
		emit(e, best, 1);
	flush_line(e, best, false, false);
}

/*
 * Measures and scores the tree, leaving the best candidates in w->top.
 * False when cancelled or out of memory.
 */
static bool
measure_pass(BodyWalk *w, xmlNodePtr root)
{
	NodeInfo   *root_info = nc_alloc(w->host, sizeof(NodeInfo));

	if (root_info == NULL)
	{
		w->failed = true;
		return false;
	}
	memset(root_info, 0, sizeof(*root_info));
	root->_private = root_info;
	memset(w->top, 0, sizeof(w->top));
	memset(w->top_score, 0, sizeof(w->top_score));
	w->article_body = NULL;
	w->article_bodies = 0;
	measure(w, root, 0, false);
	if (w->cancelled || w->failed)
		return false;
	score_paragraphs(w, root, 0);
	if (w->cancelled)
		return false;
	collect_top(root, w->top, w->top_score, 0, w->max_depth);
	return true;
}

/*
 * The body from the tree as the last measure_pass left it; *body is NULL
 * when nothing was found.  False when cancelled or out of memory.
 */
static bool
emit_pass(BodyWalk *w, xmlNodePtr root, const char *headline, const char *description,
		  const char **body, const char **lead)
{
	xmlNodePtr	bodynode = nc_find_tag(root, "body", 4);
	xmlNodePtr	best = choose_candidate(w);
	bool		declared = false;	/* best is the page's own articleBody */
	Emitter		e;

	*body = NULL;
	*lead = NULL;
	if (best == NULL)
		best = bodynode ? bodynode : root;
	else if (w->article_body && w->article_body != best && is_ancestor(w->article_body, best))
	{
		/*
		 * The publisher's own mark of the story (schema.org articleBody)
		 * around the best candidate: the story is all of it, not the part
		 * that scores best (one section, a gallery's captions).
		 */
		best = w->article_body;
		declared = true;
	}
	/* Links stand as the story only where the page marks an article. */
	if (w->keep_links && !in_marked_article(best))
	{
		best = largest_marked_article(root, 0, w->max_depth);
		if (best == NULL)
			return true;
	}

	memset(&e, 0, sizeof(e));
	e.walk = w;
	e.headline = headline;
	e.description = description;
	e.description_len = description_prefix_len(description);
	nc_buf_init(&e.line, w->host);
	nc_buf_init(&e.out, w->host);

	emit_article(&e, best, bodynode, declared);
	if (w->cancelled)
		return false;
	assemble(&e);
	if (e.out.failed || e.line.failed)
		w->failed = true;
	if (w->failed)
		return false;
	*body = e.out.len ? e.out.data : NULL;
	/* The standfirst a page does not mark: its first <p>, else its first text. */
	*lead = e.first_paragraph ? e.first_paragraph : e.first_text;
	return true;
}

/* Below this many bytes a body is suspect: class hints may have hidden the story. */
#define SHORT_BODY 300

bool
nc_extract_body(const NcHost *host, xmlDocPtr doc, int max_depth, const char *headline,
				const char *description, const char **body, const char **lead, NcError *err)
{
	BodyWalk	w;
	xmlNodePtr	root = xmlDocGetRootElement(doc);

	*body = NULL;
	*lead = NULL;
	if (root == NULL)
		return true;
	memset(&w, 0, sizeof(w));
	w.host = host;
	w.max_depth = max_depth;
	w.use_hints = true;
	if (measure_pass(&w, root) && emit_pass(&w, root, headline, description, body, lead) &&
		(*body == NULL || strlen(*body) < SHORT_BODY))
	{
		const char *hintless;
		const char *hintless_lead;

		/* As Readability does, try again trusting structure alone. */
		w.use_hints = false;
		if (measure_pass(&w, root) &&
			emit_pass(&w, root, headline, description, &hintless, &hintless_lead) && hintless &&
			(*body == NULL || strlen(hintless) > strlen(*body)))
		{
			*body = hintless;
			*lead = hintless_lead;
		}

		/*
		 * A story that is a list of links (a link roundup, a reading list)
		 * loses every block to the link filters: emit it again, links kept,
		 * from a measure that trusts class hints again (the hintless one
		 * keeps "Posted on ... in ..." lines).  Rare: the body was empty.
		 */
		if (*body == NULL && !w.cancelled && !w.failed)
		{
			w.use_hints = true;
			w.keep_links = true;
			if (measure_pass(&w, root))
				emit_pass(&w, root, headline, description, body, lead);
		}
	}
	if (w.cancelled)
	{
		err->status = NC_CANCELLED;
		return false;
	}
	if (w.failed)
	{
		err->status = NC_NO_MEMORY;
		snprintf(err->detail, sizeof(err->detail), "no memory for the article body");
		return false;
	}
	return true;
}
