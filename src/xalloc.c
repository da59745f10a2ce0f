#include "config.h"

#include "xalloc.h"
#include "i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static void (*fail_hook)(void);

void xalloc_set_fail_hook(void (*hook)(void))
{
	fail_hook = hook;
}

static void *die_oom(void)
{
	if (fail_hook)
		fail_hook();
	fputs(_("yusuan: out of memory\n"), stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	return p ? p : die_oom();
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	return p ? p : die_oom();
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return die_oom();
	size_t bytes = n * size;
	void *q = realloc(p, bytes ? bytes : 1);
	return q ? q : die_oom();
}

void *xmalloc_huge(size_t n)
{
#ifdef MADV_HUGEPAGE
	enum { HUGE_PAGE = 2 << 20 };
	void *p;
	if (n >= HUGE_PAGE && posix_memalign(&p, HUGE_PAGE, n) == 0) {
		madvise(p, n, MADV_HUGEPAGE);   /* a hint: ignore failure */
		return p;
	}
#endif
	return xmalloc(n);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char *s;
	if (vasprintf(&s, fmt, ap) < 0)
		return die_oom();
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}
