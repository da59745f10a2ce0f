/* A set of strings, each kept once: the model's names, codes and values
 * repeat across a province (成本指标 on every project, 行政运行 in every
 * department, ≥95% on thousands of indicators), and one copy each is what
 * keeps a province's model small.
 *
 * The strings live in the arena given to strset_init, so they stay valid
 * until that arena is freed, also after strset_free (which frees only the
 * table).  Equal strings give the same pointer. */
#ifndef YUSUAN_STRSET_H
#define YUSUAN_STRSET_H

#include "arena.h"

#include <stddef.h>
#include <stdint.h>

struct strset_slot;
struct strset {
	struct arena *arena;
	struct strset_slot *slots;
	size_t cap, n;   /* cap is 0 or a power of two */
};

void strset_init(struct strset *s, struct arena *a);
void strset_free(struct strset *s);

/* The set's copy of the n bytes at p (NUL-terminated there, NULs inside
 * kept), made on first use. */
const char *strset_intern(struct strset *s, const char *p, size_t n);
/* The same for a NUL-terminated string. */
const char *strset_intern_str(struct strset *s, const char *p);

#endif
