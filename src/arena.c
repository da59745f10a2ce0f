#include "config.h"

#include "arena.h"
#include "xalloc.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

/* Blocks double from 64 KiB to 4 MiB: small arenas (a sheet) stay small,
 * and a big one (the model of a province) takes its memory in huge pages
 * (xmalloc_huge). */
enum { BLOCK_SIZE = 64 * 1024, BLOCK_MAX = 4 << 20 };

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
};

/* A block with room for cap bytes; size its whole size. */
static struct arena_block *new_block(size_t cap, size_t size)
{
	struct arena_block *b = xmalloc_huge(size);
	b->used = 0;
	b->cap = cap;
	return b;
}

/* n bytes aligned to align (a power of two, at most max_align_t's). */
static void *take(struct arena *a, size_t n, size_t align)
{
	struct arena_block *b = a->head;
	size_t off = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || off > b->cap || b->cap - off < n) {
		size_t size = a->next_block ? a->next_block : BLOCK_SIZE;
		bool own = n > size / 4;
		if (own) {
			size = sizeof *b + n;
		} else if (a->next_block < BLOCK_MAX) {
			a->next_block = size * 2;
		}
		b = new_block(size - sizeof *b, size);
		off = 0;
		/* A large object gets a block of its own behind the current one,
		 * so the current block's free space is not wasted. */
		if (own && a->head) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	b->used = off + n;
	return b->data + off;
}

void *arena_alloc_uninit(struct arena *a, size_t n)
{
	/* An object's size is a multiple of its alignment, so the lowest set
	 * bit of n is all the alignment it can need: an array of three
	 * pointers (24 bytes) is not padded to 32. */
	const size_t max = alignof(max_align_t);
	size_t align = n & -n;
	if (!align || align > max)
		align = max;
	return take(a, n, align);
}

void *arena_alloc(struct arena *a, size_t n)
{
	void *p = arena_alloc_uninit(a, n);
	memset(p, 0, n);
	return p;
}

bool arena_extend(struct arena *a, void *p, size_t n, size_t more)
{
	struct arena_block *b = a->head;
	if (!b || (unsigned char *)p + n != b->data + b->used || b->cap - b->used < more)
		return false;
	memset(b->data + b->used, 0, more);
	b->used += more;
	return true;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	*a = (struct arena){0};
}

void arena_reset(struct arena *a)
{
	struct arena_block *keep = a->head;
	if (!keep)
		return;
	for (struct arena_block *b = keep->next, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	keep->next = NULL;
	keep->used = 0;
}

void arena_adopt(struct arena *a, struct arena *from)
{
	struct arena_block *last = from->head;
	if (!last)
		return;
	while (last->next)
		last = last->next;
	/* Behind a's current block, which keeps taking the allocations. */
	if (a->head) {
		last->next = a->head->next;
		a->head->next = from->head;
	} else {
		a->head = from->head;
		a->next_block = from->next_block;
	}
	*from = (struct arena){0};
}
