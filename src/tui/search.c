#include "config.h"

#include "search.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX

struct search {
	struct node *root;
	struct node **all;   /* tree order, root excluded; NULL until built */
	size_t n;
	size_t last;         /* index of the last hit: usually the next `from` */
};

struct search *search_new(struct node *root)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->root = root;
	s->last = NONE;
	return s;
}

void search_free(struct search *s)
{
	if (s)
		free(s->all);
	free(s);
}

static void build(struct search *s)
{
	struct frame { struct node *node; uint32_t next; } *stack = NULL;
	size_t depth = 0, capdepth = 0, cap = 0;

	if (!s->root)
		return;
	stack = xreallocarray(NULL, capdepth = 16, sizeof *stack);
	stack[depth++] = (struct frame){ s->root, 0 };
	while (depth) {
		struct frame *f = &stack[depth - 1];
		struct node *kid;

		if (f->next == f->node->nkids) {
			depth--;
			continue;
		}
		kid = f->node->kids[f->next++];
		if (s->n == cap) {
			cap = cap ? cap * 2 : 1024;
			s->all = xreallocarray(s->all, cap, sizeof *s->all);
		}
		s->all[s->n++] = kid;
		if (depth == capdepth)
			stack = xreallocarray(stack, capdepth *= 2, sizeof *stack);
		stack[depth++] = (struct frame){ kid, 0 };
	}
	free(stack);
	if (!s->all)
		s->all = xmalloc(1);   /* built, and empty */
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
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

/* Folds query into q[256]; false when it is empty or too long. */
static bool fold_query(const char *query, char q[256], size_t *qn)
{
	*qn = strlen(query);
	if (!*qn || *qn >= 256)
		return false;
	for (size_t i = 0; i <= *qn; i++)
		q[i] = (char)fold((unsigned char)query[i]);
	return true;
}

const char *search_in(const char *text, const char *query)
{
	char q[256];
	size_t qn;

	return fold_query(query, q, &qn) ? find(text, q, qn) : NULL;
}

static size_t index_of(struct search *s, const struct node *from)
{
	if (!from)
		return NONE;
	if (s->last < s->n && s->all[s->last] == from)
		return s->last;
	for (size_t i = 0; i < s->n; i++)
		if (s->all[i] == from)
			return i;
	return NONE;
}

struct search_hit search_find(struct search *s, const char *query,
                              const struct node *from, bool forward)
{
	struct search_hit hit = {0};
	char q[256];
	size_t qn, pos;
	size_t first = NONE, last = NONE, after = NONE, before = NONE;
	size_t after_rank = 0, before_rank = 0, at;

	if (!fold_query(query, q, &qn))
		return hit;
	if (!s->all)
		build(s);
	pos = index_of(s, from);
	for (size_t i = 0; i < s->n; i++) {
		const struct node *n = s->all[i];

		if (!find(n->code, q, qn) && !find(n->name, q, qn))
			continue;
		hit.count++;
		if (first == NONE)
			first = i;
		last = i;
		if (pos == NONE)
			continue;
		if (i > pos && after == NONE) {
			after = i;
			after_rank = hit.count;
		}
		if (i < pos) {
			before = i;
			before_rank = hit.count;
		}
	}
	if (!hit.count)
		return hit;
	if (forward) {
		at = after != NONE ? after : first;
		hit.rank = after != NONE ? after_rank : 1;
	} else {
		at = before != NONE ? before : last;
		hit.rank = before != NONE ? before_rank : hit.count;
	}
	hit.node = s->all[at];
	s->last = at;
	return hit;
}
