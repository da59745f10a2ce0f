/* Replays inputs through a fuzz harness without libFuzzer, for make check:
 * every crash or hang fuzzing ever found stays fixed.
 *
 * With no arguments it replays the files of
 * $top_srcdir/tests/fuzz/regressions/FUZZ_NAME (FUZZ_NAME is the harness:
 * load, config or parse) and of tests/fuzz/seeds/FUZZ_NAME when there is
 * one; with arguments, those files or the files of those folders.  Prints TAP, one test point per file; a property that
 * fails aborts the program, as under libFuzzer. */
#include "config.h"

#include "fuzz.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef FUZZ_NAME
#error "FUZZ_NAME must name the harness"
#endif

struct names {
	char **v;
	size_t n, cap;
};

static void add(struct names *l, char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = path;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds a file, or the regular files of a folder (sorted; hidden names and
 * README files left out). */
static bool collect(struct names *l, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		add(l, xstrdup(path));
		return true;
	}
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return false;
	}
	size_t first = l->n;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || strncmp(e->d_name, "README", 6) == 0)
			continue;
		add(l, xasprintf("%s/%s", path, e->d_name));
	}
	closedir(d);
	qsort(l->v + first, l->n - first, sizeof *l->v, by_name);
	return true;
}

static bool read_all(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	do {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xreallocarray(buf, cap, 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	bool ok = !ferror(f);
	fclose(f);
	*data = buf;
	*len = n;
	return ok;
}

int main(int argc, char **argv)
{
	struct names l = { 0 };
	bool ok = true;
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			ok &= collect(&l, argv[i]);
	} else {
		const char *top = getenv("top_srcdir");
		char *dir = xasprintf("%s/tests/fuzz/regressions/%s", top && *top ? top : ".",
		                      FUZZ_NAME);
		ok = collect(&l, dir);
		free(dir);
		struct stat st;
		dir = xasprintf("%s/tests/fuzz/seeds/%s", top && *top ? top : ".", FUZZ_NAME);
		if (ok && stat(dir, &st) == 0)
			ok = collect(&l, dir);
		free(dir);
	}
	if (!ok) {
		puts("Bail out! cannot read the inputs");
		return 1;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	for (size_t i = 0; i < l.n; i++) {
		char *data = NULL;
		size_t len = 0;
		if (!read_all(l.v[i], &data, &len)) {
			printf("not ok %zu - %s: cannot read it\n", i + 1, l.v[i]);
			ok = false;
		} else {
			/* Flushed first: if the input crashes, the log says which. */
			printf("# %s (%zu bytes)\n", l.v[i], len);
			fflush(stdout);
			LLVMFuzzerTestOneInput((const uint8_t *)data, len);
			printf("ok %zu - %s\n", i + 1, l.v[i]);
		}
		free(data);
		free(l.v[i]);
	}
	printf("1..%zu\n", l.n);
	free(l.v);
	return ok ? 0 : 1;
}
