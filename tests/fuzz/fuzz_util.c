/* The helpers of fuzz.h. */
#include "config.h"

#include "fuzz.h"
#include "xalloc.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *dir;

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)))
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	rmdir(dir);
	free(dir);
	dir = NULL;
}

const char *fuzz_dir(void)
{
	if (!dir) {
		const char *tmp = getenv("TMPDIR");
		dir = xasprintf("%s/yusuan-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir)) {
			perror(dir);
			exit(2);
		}
		atexit(remove_dir);
	}
	return dir;
}

char *fuzz_write(const char *name, const void *data, size_t n)
{
	char *path = xasprintf("%s/%s", fuzz_dir(), name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FUZZ_ASSERT(fd >= 0, "cannot create %s", path);
	for (size_t off = 0; off < n;) {
		ssize_t w = write(fd, (const char *)data + off, n - off);
		FUZZ_ASSERT(w > 0, "cannot write %s", path);
		off += (size_t)w;
	}
	close(fd);
	return path;
}

void fuzz_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* Code points that must never reach the terminal: C1 controls, soft
 * hyphen, Arabic letter mark, zero-width and bidi controls, line and
 * paragraph separators, word joiner and invisible operators, bidi
 * isolates, BOM, interlinear annotations. */
static bool is_forbidden(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
		{0x80, 0x9F}, {0xAD, 0xAD}, {0x61C, 0x61C}, {0x200B, 0x200F},
		{0x2028, 0x202E}, {0x2060, 0x206F}, {0xFEFF, 0xFEFF},
		{0xFFF9, 0xFFFB},
	};
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return true;
	return (cp & 0xFFFE) == 0xFFFE;
}

/* A strict UTF-8 decoder of its own, so that the check does not trust the
 * code it checks.  Returns the length, 0 for an invalid sequence. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
	           : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
	           : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (!len || len > n)
		return 0;
	uint32_t c = len == 1 ? s[0] : s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (c < least[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

void fuzz_assert_clean(const char *s, size_t n, bool lines, const char *what)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = decode(u + i, n - i, &cp);
		FUZZ_ASSERT(len, "%s: invalid UTF-8 at byte %zu", what, i);
		bool allowed = lines && (cp == '\t' || cp == '\n');
		FUZZ_ASSERT(allowed || (cp >= 0x20 && cp != 0x7F && !is_forbidden(cp)),
		            "%s: U+%04X at byte %zu", what, (unsigned)cp, i);
		i += len;
	}
}
