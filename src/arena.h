/* A bump allocator: many small objects freed all at once.  The model keeps
 * one arena per load so that a package's strings and nodes cost no
 * per-object malloc and are released together. */
#ifndef YUSUAN_ARENA_H
#define YUSUAN_ARENA_H

#include <stdbool.h>
#include <stddef.h>

struct arena_block;
struct arena {
	struct arena_block *head;
	size_t next_block;   /* bytes of the next block; 0 at first */
};

/* n zeroed bytes aligned for any object of that size (the lowest set bit
 * of n, up to max_align_t's alignment); valid until arena_free. */
void *arena_alloc(struct arena *a, size_t n);
/* The same, not zeroed: for what is written whole at once. */
void *arena_alloc_uninit(struct arena *a, size_t n);
/* Extends p, the arena's last allocation (of n bytes), by more zeroed
 * bytes in place when its block has room.  False otherwise, p unchanged. */
bool arena_extend(struct arena *a, void *p, size_t n, size_t more);
/* Copies of strings: n bytes (NULs inside are kept) plus a terminator,
 * packed without alignment. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
void arena_free(struct arena *a);
/* Moves everything allocated in from into a (from is left empty): what
 * several threads built in arenas of their own joins one owner. */
void arena_adopt(struct arena *a, struct arena *from);
/* Frees everything allocated, as arena_free does, but keeps the newest
 * block (the largest) for what is allocated next: an arena emptied and
 * filled again and again (a sheet per file) soon stops calling malloc. */
void arena_reset(struct arena *a);

#endif
