#include "config.h"

#include "strset.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct strset_slot {
	const char *str;   /* NULL: empty slot */
	uint32_t hash;
	uint32_t len;
};

void strset_init(struct strset *s, struct arena *a)
{
	*s = (struct strset){ .arena = a };
}

void strset_free(struct strset *s)
{
	free(s->slots);
	*s = (struct strset){ .arena = s->arena };
}

/* FNV-1a over 8 bytes at a time, then mixed: names are short and mostly
 * three-byte characters, so whole words matter more than a strong hash. */
static uint32_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x100000001b3u;
		p += 8, n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, p, n);
	h = (h ^ w ^ ((uint64_t)n << 56)) * 0x100000001b3u;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9u;
	return (uint32_t)(h ^ (h >> 32));
}

static void grow(struct strset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 1024;
	struct strset_slot *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < s->cap; i++) {
		const struct strset_slot *o = &s->slots[i];
		if (!o->str)
			continue;
		size_t j = o->hash & (cap - 1);
		while (slots[j].str)
			j = (j + 1) & (cap - 1);
		slots[j] = *o;
	}
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

const char *strset_intern(struct strset *s, const char *p, size_t n)
{
	if (n == 0)
		return "";
	if (n > UINT32_MAX)   /* does not fit a slot: kept, not shared */
		return arena_strndup(s->arena, p, n);
	if (2 * (s->n + 1) > s->cap)
		grow(s);
	uint32_t h = hash_bytes(p, n);
	size_t j = h & (s->cap - 1);
	for (; s->slots[j].str; j = (j + 1) & (s->cap - 1)) {
		const struct strset_slot *o = &s->slots[j];
		if (o->hash == h && o->len == n && memcmp(o->str, p, n) == 0)
			return o->str;
	}
	const char *copy = arena_strndup(s->arena, p, n);
	s->slots[j] = (struct strset_slot){ .str = copy, .hash = h, .len = (uint32_t)n };
	s->n++;
	return copy;
}

const char *strset_intern_str(struct strset *s, const char *p)
{
	return strset_intern(s, p, strlen(p));
}
