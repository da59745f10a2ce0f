#include "config.h"

#include "search.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define QUERY_MAX 256

/* What the index keeps of node i: the string ids of its code and name,
 * and the size of its subtree (itself included), so that the subtree is
 * the positions i to i + size - 1.  Entries are in blocks of BLOCK:
 * blocks never move as the index grows, and one fills three huge pages. */
#define BLOCK ((size_t)1 << 19)
struct entry {
	uint32_t ids[2];
	uint32_t size;
};

/* A node on a path from the root, and where it is in the index (NONE for
 * the root, whose subtree is the whole index). */
struct place {
	struct node *node;
	size_t pos;
	uint32_t kid;            /* its index in its parent's kids */
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

	struct entry **blocks;   /* the nodes in preorder, BLOCK a block */
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

	/* Room for a step, as big as the tree needs: where each kid of one
	 * node is and how many matches its subtree holds (by index in its
	 * kids), and a path from the root down. */
	uint32_t *kidpos, *kidmatches;
	struct place *path;
};

struct search *search_new(struct node *root)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->root = root;
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
		free(s->kidpos);
		free(s->kidmatches);
		free(s->path);
	}
	free(s);
}

static struct entry *entry_at(const struct search *s, size_t i)
{
	return &s->blocks[i / BLOCK][i % BLOCK];
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
	const char *last_code;   /* of the node added last */
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

/* Adds n's entry, its size still to come. */
static void add_node(struct search *s, const struct node *n, struct id_table *t)
{
	struct entry *e;

	if (s->n % BLOCK == 0) {
		if (s->n / BLOCK == s->capblocks) {
			s->capblocks = s->capblocks ? s->capblocks * 2 : 16;
			s->blocks = xreallocarray(s->blocks, s->capblocks, sizeof *s->blocks);
		}
		s->blocks[s->n / BLOCK] = resize(NULL, 0, BLOCK, sizeof **s->blocks);
	}
	e = entry_at(s, s->n);
	/* Runs of nodes share a code (most often none): skip the table. */
	e->ids[0] = s->n && n->code == t->last_code
	            ? entry_at(s, s->n - 1)->ids[0] : string_id(s, t, n->code);
	e->ids[1] = string_id(s, t, n->name);
	t->last_code = n->code;
	s->n++;
}

static void build(struct search *s)
{
	struct frame { struct node *node; uint32_t next, pos; } *stack;
	struct id_table table = {0};
	size_t depth = 0, capdepth = 16, maxdepth = 1, maxkids = 1;

	s->built = true;
	if (s->root) {
		stack = xreallocarray(NULL, capdepth, sizeof *stack);
		stack[depth++] = (struct frame){ s->root, 0, 0 };
		while (depth) {
			struct frame *f = &stack[depth - 1];
			struct node *kid;

			if (f->next == f->node->nkids) {
				if (--depth)   /* the root is not in the index */
					entry_at(s, f->pos)->size = (uint32_t)(s->n - f->pos);
				continue;
			}
			maxkids = f->node->nkids > maxkids ? f->node->nkids : maxkids;
			kid = f->node->kids[f->next++];
			add_node(s, kid, &table);
			if (depth == capdepth)
				stack = xreallocarray(stack, capdepth *= 2, sizeof *stack);
			stack[depth++] = (struct frame){ kid, 0, (uint32_t)(s->n - 1) };
			maxdepth = depth > maxdepth ? depth : maxdepth;
		}
		free(stack);
	}
	free(table.slots);
	s->kidpos = xreallocarray(NULL, maxkids, sizeof *s->kidpos);
	s->kidmatches = xreallocarray(NULL, maxkids, sizeof *s->kidmatches);
	s->path = xreallocarray(NULL, maxdepth, sizeof *s->path);
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
	const uint32_t *ids = entry_at(s, i)->ids;

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

/* ---- stepping among the matches, in view order ---- */

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

static bool is_match(const struct search *s, size_t pos)
{
	size_t i;

	if (pos == NONE)
		return false;
	i = matches_before(s, pos);
	return i < s->nmatch && s->match[i] == pos;
}

/* Where the first kid of the node at place p is in the index. */
static size_t first_kid_pos(const struct place *p)
{
	return p->pos == NONE ? 0 : p->pos + 1;
}

/* Puts where each kid of path[d] is in the index into s->kidpos, and how
 * many matches its subtree holds into s->kidmatches. */
static void list_kids(struct search *s, size_t d)
{
	const struct node *n = s->path[d].node;
	size_t pos = first_kid_pos(&s->path[d]), before = matches_before(s, pos);

	for (uint32_t j = 0; j < n->nkids; j++) {
		size_t end = pos + entry_at(s, pos)->size, upto = matches_before(s, end);

		s->kidpos[j] = (uint32_t)pos;
		s->kidmatches[j] = (uint32_t)(upto - before);
		pos = end;
		before = upto;
	}
}

/* Negative when kid a of path[d] comes before kid b in view order (after
 * it, backwards), positive when after (before). */
static int view_cmp(const struct search *s, size_t d, uint32_t a, uint32_t b,
                    const struct search_order *order, bool forward)
{
	int r = order ? order->compare(s->path[d].node, a, b, order->ctx) : a < b ? -1 : a > b;

	return forward ? r : -r;
}

/* Makes path[d + 1] the first kid of path[d] in view order (the last,
 * backwards) whose subtree holds a match; when `beyond`, the first after
 * (before) the kid path[d + 1] holds now.  False when there is none.
 * The kids are compared, not sorted: a list may be long, and comparing
 * names in a Chinese locale slow. */
static bool to_kid(struct search *s, size_t d, const struct search_order *order,
                   bool beyond, bool forward)
{
	uint32_t best = UINT32_MAX;

	list_kids(s, d);
	for (uint32_t j = 0; j < s->path[d].node->nkids; j++) {
		/* Against the best so far first: most kids lose there. */
		if (!s->kidmatches[j] ||
		    (best != UINT32_MAX && view_cmp(s, d, j, best, order, forward) > 0) ||
		    (beyond && view_cmp(s, d, j, s->path[d + 1].kid, order, forward) <= 0))
			continue;
		best = j;
	}
	if (best == UINT32_MAX)
		return false;
	s->path[d + 1] = (struct place){ s->path[d].node->kids[best], s->kidpos[best], best };
	return true;
}

/* Extends the path from path[d], whose subtree holds a match, to its
 * first match in view order (its last, backwards); returns the match's
 * depth. */
static size_t match_in(struct search *s, size_t d, const struct search_order *order,
                       bool forward)
{
	/* Forwards a node comes before all below it, backwards after them. */
	while (!(forward && is_match(s, s->path[d].pos)) && to_kid(s, d, order, false, forward))
		d++;
	return d;
}

/* The ancestor of n (at depth d) at depth i. */
static const struct node *ancestor(const struct node *n, size_t d, size_t i)
{
	for (; d > i; d--)
		n = n->parent;
	return n;
}

/* Fills path[0..d] from the root down to n and returns d: 0 when n is
 * NULL, the root or not under it. */
static size_t locate(struct search *s, const struct node *n)
{
	const struct node *up = n;
	size_t d = 0;

	s->path[0] = (struct place){ s->root, NONE, 0 };
	for (; up && up != s->root; up = up->parent)
		d++;
	if (!up)
		return 0;
	for (size_t i = 1; i <= d; i++) {
		const struct node *parent = s->path[i - 1].node, *want = ancestor(n, d, i);
		size_t pos = first_kid_pos(&s->path[i - 1]);
		uint32_t j = 0;

		for (; parent->kids[j] != want; j++)
			pos += entry_at(s, pos)->size;
		s->path[i] = (struct place){ parent->kids[j], pos, j };
	}
	return d;
}

/* Moves the path from `from` (at depth d) to the next match in view
 * order (the previous, backwards), wrapping around; returns its depth. */
static size_t step(struct search *s, size_t d, const struct search_order *order, bool forward)
{
	/* Forwards, what is below `from` comes next. */
	if (forward && to_kid(s, d, order, false, true))
		return match_in(s, d + 1, order, true);
	for (; d > 0; d--) {
		if (to_kid(s, d - 1, order, true, forward))
			return match_in(s, d, order, forward);
		/* Backwards, a node comes just before its first kid. */
		if (!forward && is_match(s, s->path[d - 1].pos))
			return d - 1;
	}
	return match_in(s, 0, order, forward);
}

/* The rank in view order of the match at path[d]: before it come the
 * nodes of the path above it that match, and the matches in the subtrees
 * listed before each node of the path. */
static size_t rank_of(struct search *s, size_t d, const struct search_order *order)
{
	size_t before = 0;

	for (size_t i = 1; i <= d; i++) {
		list_kids(s, i - 1);
		for (uint32_t j = 0; j < s->path[i - 1].node->nkids; j++)
			if (s->kidmatches[j] && view_cmp(s, i - 1, j, s->path[i].kid, order, true) < 0)
				before += s->kidmatches[j];
		before += i < d && is_match(s, s->path[i].pos);
	}
	return before + 1;
}

struct search_hit search_find(struct search *s, const char *query,
                              const struct node *from, bool forward,
                              const struct search_order *order)
{
	struct search_hit hit = {0};
	char q[QUERY_MAX];
	size_t qn, d;

	if (!fold_query(query, q, &qn))
		return hit;
	if (!s->built)
		build(s);
	set_query(s, q, qn);
	if (!s->nmatch)
		return hit;
	d = step(s, locate(s, from), order, forward);
	hit.count = s->nmatch;
	hit.rank = rank_of(s, d, order);
	hit.node = s->path[d].node;
	return hit;
}
