/* bench/baseline: the least any CSV loader must do, for `make bench` to
 * compare yusuan with.
 *
 *   baseline [--iconv] DIR...
 *
 * Reads every .csv file under the folders with read() into one buffer
 * reused from file to file, skips a UTF-8 BOM, and parses it with libcsv
 * with the options src/records.c uses (CSV_STRICT | CSV_STRICT_FINI |
 * CSV_REPALL_NL, 64 KiB blocks) and callbacks that only count.  With
 * --iconv each file is first converted from GBK to UTF-8 with iconv(3)
 * into a second reused buffer.  Prints what it read. */
#include "config.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct buf {
	char *p;
	size_t n, cap;
};

static bool use_iconv;
static iconv_t gbk;
static struct buf raw, text;
static size_t files, bytes, records;

static void die(const char *what, const char *path)
{
	fprintf(stderr, "baseline: %s: %s: %s\n", path, what, strerror(errno));
	exit(1);
}

static void reserve(struct buf *b, size_t n)
{
	if (b->cap >= n)
		return;
	b->cap = n * 2;
	b->p = realloc(b->p, b->cap);
	if (!b->p)
		die("out of memory", "");
}

static bool in_record;

static void on_cell(void *s, size_t n, void *ctx)
{
	(void)s, (void)n, (void)ctx;
	in_record = true;
}

/* With CSV_REPALL_NL a blank line, and the LF of a CRLF, end no record. */
static void on_row(int c, void *ctx)
{
	(void)c, (void)ctx;
	records += in_record;
	in_record = false;
}

static void read_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0)
		die("cannot open", path);
	reserve(&raw, (size_t)st.st_size + 1);
	raw.n = 0;
	for (;;) {
		ssize_t r = read(fd, raw.p + raw.n, raw.cap - raw.n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			die("cannot read", path);
		if (r == 0)
			break;
		raw.n += (size_t)r;
		if (raw.n == raw.cap)
			reserve(&raw, raw.cap + 1);
	}
	close(fd);
	files++;
	bytes += raw.n;

	const char *s = raw.p;
	size_t n = raw.n;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, n -= 3;
	if (use_iconv) {
		reserve(&text, n * 2 + 4);
		char *in = (char *)s, *out = text.p;
		size_t il = n, ol = text.cap;
		iconv(gbk, NULL, NULL, NULL, NULL);
		if (iconv(gbk, &in, &il, &out, &ol) == (size_t)-1)
			die("cannot convert from GBK", path);
		s = text.p;
		n = (size_t)(out - text.p);
	}
	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	csv_set_blk_size(&p, 64 * 1024);
	if (csv_parse(&p, s, n, on_cell, on_row, NULL) != n) {
		errno = EINVAL;
		die(csv_strerror(csv_error(&p)), path);
	}
	csv_fini(&p, on_cell, on_row, NULL);
	csv_free(&p);
}

static bool is_csv(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

static void walk(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		die("cannot open", dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path;
		if (asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			die("out of memory", dir);
		struct stat st;
		if (stat(path, &st) != 0)
			die("cannot open", path);
		if (S_ISDIR(st.st_mode))
			walk(path);
		else if (S_ISREG(st.st_mode) && is_csv(e->d_name))
			read_file(path);
		free(path);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	int a = 1;
	if (a < argc && strcmp(argv[a], "--iconv") == 0) {
		use_iconv = true;
		a++;
		gbk = iconv_open("UTF-8", "GBK");
		if (gbk == (iconv_t)-1)
			die("iconv_open", "GBK");
	}
	if (a == argc) {
		fputs("usage: baseline [--iconv] DIR...\n", stderr);
		return 2;
	}
	for (; a < argc; a++)
		walk(argv[a]);
	printf("%zu files, %zu bytes, %zu records\n", files, bytes, records);
	return 0;
}
