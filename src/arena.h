/* A bump allocator: many small objects freed all at once.  The model keeps
 * one arena per load so that a package's strings and nodes cost no
 * per-object malloc and are released together. */
#ifndef YUSUAN_ARENA_H
#define YUSUAN_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena { struct arena_block *head; };

/* Zeroed memory aligned for any object; valid until arena_free. */
void *arena_alloc(struct arena *a, size_t n);
/* Copies of strings: n bytes (NULs inside are kept) plus a terminator. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
void arena_free(struct arena *a);

#endif
