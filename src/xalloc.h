/* Allocation that never returns NULL.  On failure it runs the registered
 * hook (the screen restores the terminal) and exits with status 2, so a
 * failed allocation never leaves a garbled terminal behind. */
#ifndef YUSUAN_XALLOC_H
#define YUSUAN_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
/* n bytes, not zeroed; from 2 MiB up aligned to and advised as huge
 * pages: one page fault per 2 MiB instead of 512, which for a province's
 * model cost more than building it.  Free with free(). */
void *xmalloc_huge(size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Called once before exiting on out-of-memory; NULL for none. */
void xalloc_set_fail_hook(void (*hook)(void));

#endif
