#include "config.h"

#include "search.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define QUERY_MAX 256

/* Node i of the index and the string ids of its code and name are in
 * block i / BLOCK: blocks never move as the index grows, and one fills a
 * huge page. */
#define BLOCK ((size_t)1 << 17)
struct block {
	struct node *node[BLOCK];
	uint32_t ids[BLOCK][2];
};

/* A province repeats its texts: the 1.8 M nodes of bench/gen's use 140 k
 * distinct strings as codes and names (ids and indices fit in 32 bits).
 * The model shares equal names, so the index tells strings apart by
 * address (equal strings at two addresses only cost a copy) and folds
 * each once into one text.  A query is looked for in that
 * text, which marks the matching strings, then the nodes whose code or
 * name is marked. */
struct search {
	struct node *root;
	bool built;

	struct block **blocks;   /* the nodes in tree order, BLOCK a block */
	size_t n, capblocks;

	char *text;              /* the strings folded, each ended by '\0',
	                            which no query contains */
	size_t ntext, captext;
	size_t *start;           /* where string id starts in text;
	                            start[nstrs] = ntext */
	size_t nstrs, capstrs;

	/* The current query and what matches it. */
	char query[QUERY_MAX];   /* folded; "" when none */
	size_t nquery;
	uint64_t *hit;           /* bit per string id: it contains query */
	uint32_t *hits;          /* those ids */
	size_t nhits;
	uint32_t *match;         /* indices of the matching nodes, ascending */
	size_t nmatch;

	/* Positions of nodes lately looked up (NONE when unset): the last hit
	 * is usually the next `from`, and a search line keeps its `from`. */
	size_t last, seen;
};

struct search *search_new(struct node *root)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->root = root;
	s->last = s->seen = NONE;
	return s;
}

void search_free(struct search *s)
{
	if (s) {
		for (size_t i = 0; i < s->n; i += BLOCK)
			free(s->blocks[i / BLOCK]);
		free(s->blocks);
		free(s->text);
		free(s->start);
		free(s->hit);
		free(s->hits);
		free(s->match);
	}
	free(s);
}

static struct node *node_at(const struct search *s, size_t i)
{
	return s->blocks[i / BLOCK]->node[i % BLOCK];
}

static uint32_t *ids_at(const struct search *s, size_t i)
{
	return s->blocks[i / BLOCK]->ids[i % BLOCK];
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

static bool bit(const uint64_t *bits, uint32_t i)
{
	return bits[i / 64] >> (i % 64) & 1;
}

static void set_bit(uint64_t *bits, uint32_t i, bool on)
{
	if (on)
		bits[i / 64] |= UINT64_C(1) << (i % 64);
	else
		bits[i / 64] &= ~(UINT64_C(1) << (i % 64));
}

/* ---- building the index ---- */

/* p (its first `used` bytes kept) moved to a block of n * size bytes, in
 * huge pages when big (xmalloc_huge): on a province their page faults
 * cost more than building the index. */
static void *resize(void *p, size_t used, size_t n, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return xreallocarray(p, n, size);   /* which reports it */
	void *q = xmalloc_huge(bytes);
	if (used)
		memcpy(q, p, used);
	free(p);
	return q;
}

/* Ids of distinct string addresses, while the index is built. */
struct id_table {
	struct id_slot {
		const char *str;     /* NULL: empty */
		uint32_t id;
	} *slots;
	size_t cap, n;           /* cap is a power of two */
};

static struct id_slot *slot_of(const struct id_table *t, const char *str)
{
	size_t i = (size_t)(((uint64_t)(uintptr_t)str * UINT64_C(0x9E3779B97F4A7C15)) >> 32)
	           & (t->cap - 1);

	while (t->slots[i].str && t->slots[i].str != str)
		i = (i + 1) & (t->cap - 1);
	return &t->slots[i];
}

static void grow_table(struct id_table *t)
{
	struct id_table bigger = { .cap = t->cap ? t->cap * 2 : 4096, .n = t->n };

	bigger.slots = resize(NULL, 0, bigger.cap, sizeof *bigger.slots);
	memset(bigger.slots, 0, bigger.cap * sizeof *bigger.slots);
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].str)
			*slot_of(&bigger, t->slots[i].str) = t->slots[i];
	free(t->slots);
	*t = bigger;
}

static uint32_t string_id(struct search *s, struct id_table *t, const char *str)
{
	struct id_slot *p;
	size_t len;

	/* Filled up to three quarters: a province's strings take 4 MiB. */
	if (4 * (t->n + 1) > 3 * t->cap)
		grow_table(t);
	p = slot_of(t, str);
	if (p->str)
		return p->id;
	if (s->nstrs + 1 >= s->capstrs) {
		s->capstrs = s->capstrs ? s->capstrs * 2 : 4096;
		s->start = resize(s->start, s->nstrs * sizeof *s->start, s->capstrs,
		                  sizeof *s->start);
	}
	len = strlen(str) + 1;
	if (s->ntext + len > s->captext) {
		size_t cap = s->captext ? s->captext * 2 : 65536;

		while (cap < s->ntext + len)
			cap *= 2;
		s->text = resize(s->text, s->ntext, cap, 1);
		s->captext = cap;
	}
	s->start[s->nstrs] = s->ntext;
	for (size_t i = 0; i < len; i++)
		s->text[s->ntext++] = (char)fold((unsigned char)str[i]);
	*p = (struct id_slot){ str, (uint32_t)s->nstrs };
	t->n++;
	return (uint32_t)s->nstrs++;
}

static void add_node(struct search *s, struct node *n, struct id_table *t)
{
	uint32_t *ids;

	if (s->n % BLOCK == 0) {
		if (s->n / BLOCK == s->capblocks) {
			s->capblocks = s->capblocks ? s->capblocks * 2 : 16;
			s->blocks = xreallocarray(s->blocks, s->capblocks, sizeof *s->blocks);
		}
		s->blocks[s->n / BLOCK] = resize(NULL, 0, 1, sizeof **s->blocks);
	}
	s->blocks[s->n / BLOCK]->node[s->n % BLOCK] = n;
	ids = ids_at(s, s->n);
	/* Runs of nodes share a code (most often none): skip the table. */
	ids[0] = s->n && n->code == node_at(s, s->n - 1)->code
	         ? ids_at(s, s->n - 1)[0] : string_id(s, t, n->code);
	ids[1] = string_id(s, t, n->name);
	s->n++;
}

static void build(struct search *s)
{
	struct frame { struct node *node; uint32_t next; } *stack;
	struct id_table table = {0};
	size_t depth = 0, capdepth = 16;

	s->built = true;
	if (s->root) {
		stack = xreallocarray(NULL, capdepth, sizeof *stack);
		stack[depth++] = (struct frame){ s->root, 0 };
		while (depth) {
			struct frame *f = &stack[depth - 1];
			struct node *kid;

			if (f->next == f->node->nkids) {
				depth--;
				continue;
			}
			kid = f->node->kids[f->next++];
			add_node(s, kid, &table);
			if (depth == capdepth)
				stack = xreallocarray(stack, capdepth *= 2, sizeof *stack);
			stack[depth++] = (struct frame){ kid, 0 };
		}
		free(stack);
	}
	free(table.slots);
	if (!s->start)
		s->start = xmalloc(sizeof *s->start);
	s->start[s->nstrs] = s->ntext;   /* string_id left room */
	s->hit = xcalloc(s->nstrs / 64 + 1, sizeof *s->hit);
	s->hits = xreallocarray(NULL, s->nstrs + 1, sizeof *s->hits);
	s->match = resize(NULL, 0, s->n + 1, sizeof *s->match);
}

/* ---- matching ---- */

/* The string whose text holds byte offset at. */
static uint32_t string_at(const struct search *s, size_t at)
{
	size_t lo = 0, hi = s->nstrs;   /* start[lo] <= at < start[hi] */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->start[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

static bool node_hit(const struct search *s, size_t i)
{
	const uint32_t *ids = ids_at(s, i);

	return bit(s->hit, ids[0]) || bit(s->hit, ids[1]);
}

/* Looks for the query in all the strings, then among all the nodes. */
static void match_all(struct search *s)
{
	const char *p, *end;

	memset(s->hit, 0, (s->nstrs / 64 + 1) * sizeof *s->hit);
	s->nhits = s->nmatch = 0;
	if (!s->ntext)
		return;
	p = s->text;
	end = s->text + s->ntext;
	while (p < end && (p = memmem(p, (size_t)(end - p), s->query, s->nquery))) {
		uint32_t id = string_at(s, (size_t)(p - s->text));

		set_bit(s->hit, id, true);
		s->hits[s->nhits++] = id;
		p = s->text + s->start[id + 1];
	}
	if (!s->nhits)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (node_hit(s, i))
			s->match[s->nmatch++] = (uint32_t)i;
}

/* The query grew from one it contains: only what matched that can match
 * now. */
static void match_narrower(struct search *s)
{
	size_t kept = 0;

	for (size_t j = 0; j < s->nhits; j++) {
		uint32_t id = s->hits[j];
		size_t len = s->start[id + 1] - s->start[id] - 1;
		bool hit = memmem(s->text + s->start[id], len, s->query, s->nquery);

		set_bit(s->hit, id, hit);
		if (hit)
			s->hits[kept++] = id;
	}
	s->nhits = kept;
	kept = 0;
	for (size_t j = 0; j < s->nmatch; j++)
		if (node_hit(s, s->match[j]))
			s->match[kept++] = s->match[j];
	s->nmatch = kept;
}

/* Folds query into q[QUERY_MAX]; false when it is empty or too long. */
static bool fold_query(const char *query, char q[QUERY_MAX], size_t *qn)
{
	*qn = strlen(query);
	if (!*qn || *qn >= QUERY_MAX)
		return false;
	for (size_t i = 0; i <= *qn; i++)
		q[i] = (char)fold((unsigned char)query[i]);
	return true;
}

/* Makes q (folded, qn bytes) the current query. */
static void set_query(struct search *s, const char *q, size_t qn)
{
	bool narrower = s->nquery && qn > s->nquery && memmem(q, qn, s->query, s->nquery);

	if (s->nquery == qn && !memcmp(s->query, q, qn))
		return;
	memcpy(s->query, q, qn + 1);
	s->nquery = qn;
	if (narrower)
		match_narrower(s);
	else
		match_all(s);
}

/* Where h contains q (qn > 0 bytes, already folded), or NULL. */
static const char *find(const char *h, const char *q, size_t qn)
{
	unsigned char c0 = (unsigned char)q[0];
	char firsts[3] = { (char)c0, 0, 0 };

	if (c0 >= 'a' && c0 <= 'z')
		firsts[1] = (char)(c0 - ('a' - 'A'));
	/* strpbrk finds candidate starts much faster than a byte loop. */
	while ((h = strpbrk(h, firsts))) {
		size_t j = 1;

		while (j < qn && h[j] && fold((unsigned char)h[j]) == (unsigned char)q[j])
			j++;
		if (j == qn)
			return h;
		h++;
	}
	return NULL;
}

const char *search_in(const char *text, const char *query)
{
	char q[QUERY_MAX];
	size_t qn;

	return fold_query(query, q, &qn) ? find(text, q, qn) : NULL;
}

/* ---- stepping among the matches ---- */

static size_t index_of(struct search *s, const struct node *from)
{
	if (!from || from == s->root)
		return NONE;
	if (s->last < s->n && node_at(s, s->last) == from)
		return s->last;
	if (s->seen < s->n && node_at(s, s->seen) == from)
		return s->seen;
	for (size_t i = 0; i < s->n; i++)
		if (node_at(s, i) == from) {
			s->seen = i;
			return i;
		}
	return NONE;
}

/* How many matches come before node index pos (all of them for NONE). */
static size_t matches_before(const struct search *s, size_t pos)
{
	size_t lo = 0, hi = s->nmatch;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->match[mid] < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct search_hit search_find(struct search *s, const char *query,
                              const struct node *from, bool forward)
{
	struct search_hit hit = {0};
	char q[QUERY_MAX];
	size_t qn, pos, before, at;

	if (!fold_query(query, q, &qn))
		return hit;
	if (!s->built)
		build(s);
	set_query(s, q, qn);
	if (!s->nmatch)
		return hit;
	pos = index_of(s, from);
	before = matches_before(s, pos);
	if (forward) {
		/* from itself, when it matches, counts as before. */
		if (before < s->nmatch && s->match[before] == pos)
			before++;
		at = before < s->nmatch ? before : 0;
	} else {
		at = before ? before - 1 : s->nmatch - 1;
	}
	hit.count = s->nmatch;
	hit.rank = at + 1;
	hit.node = node_at(s, s->match[at]);
	s->last = s->match[at];
	return hit;
}
