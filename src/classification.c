#include "config.h"

#include "classification.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The real file is about 60 KB; anything far larger is not ours. */
#define FILE_MAX (4u << 20)

/* A code as one sortable number: scheme, digit count, then the digits
 * (at most 7, so below 2^24).  "208" and "20800" differ by their count. */
typedef uint32_t cls_key;

struct entry {
	cls_key key;
	uint32_t line;
	const char *name;       /* points into classification.text */
};

struct classification {
	char *text;             /* the file, cut into NUL-terminated fields */
	struct entry *v;
	size_t n;
	int year;
};

static const char *const scheme_names[] = {
	[SCHEME_FUNC] = "func",
	[SCHEME_ECON] = "econ",
	[SCHEME_GECON] = "gecon",
};

static bool valid_length(enum code_scheme s, size_t len)
{
	return len == 3 || len == 5 || (len == 7 && s == SCHEME_FUNC);
}

/* The key of code (n bytes); false unless it is all ASCII digits of a
 * length the scheme allows. */
static bool make_key(enum code_scheme s, const char *code, size_t n,
                     cls_key *key)
{
	uint32_t value = 0;

	if (!valid_length(s, n))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (code[i] < '0' || code[i] > '9')
			return false;
		value = value * 10 + (uint32_t)(code[i] - '0');
	}
	*key = (cls_key)s << 27 | (cls_key)n << 24 | value;
	return true;
}

/* The key of the 类 of a 款, or of the 款 of a 项. */
static cls_key parent_key(cls_key key)
{
	cls_key n = key >> 24 & 7, value = key & 0xFFFFFF;

	return (key & ~(cls_key)0 << 27) | (n - 2) << 24 | value / 100;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static const struct entry *find(const struct classification *c, cls_key key)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->v[mid].key == key)
			return &c->v[mid];
		if (c->v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		len = utf8_next(s + i, n - i, &cp);
		if (cp == 0xFFFD && len == 1)
			return false;
		i += len;
	}
	return true;
}

/* Reads path whole into a NUL-terminated buffer; NULL (with a message)
 * when it is not a readable regular file of reasonable size. */
static char *read_file(const char *path, size_t *size, struct diags *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	char *buf = NULL;
	size_t n = 0;
	int err = 0;

	if (fd < 0) {
		err = errno;
		goto fail;
	}
	if (fstat(fd, &st) != 0) {
		err = errno;
		goto fail;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > FILE_MAX) {
		close(fd);
		if (S_ISREG(st.st_mode))
			diag_add(d, path, 0, SEV_ERROR,
			         _("the code classification is larger than "
			           "%u bytes: not the file yusuan ships"),
			         FILE_MAX);
		else
			diag_add(d, path, 0, SEV_ERROR,
			         _("the code classification is not a regular "
			           "file"));
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + n, (size_t)st.st_size - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = errno;
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*size = n;
	return buf;
fail:
	if (fd >= 0)
		close(fd);
	free(buf);
	diag_add(d, path, 0, SEV_ERROR,
	         _("cannot read the code classification: %s"), strerror(err));
	return NULL;
}

/* A "# year: 2023" comment (s after the '#'); other comments are ignored. */
static void read_year(struct classification *c, const char *s,
                      const char *path, uint32_t line, struct diags *d)
{
	int year = 0, digits = 0;

	s += strspn(s, " \t");
	if (strncmp(s, "year:", 5) != 0)
		return;
	s += 5;
	s += strspn(s, " \t");
	for (; *s >= '0' && *s <= '9' && digits < 5; s++, digits++)
		year = year * 10 + (*s - '0');
	s += strspn(s, " \t");
	if (digits != 4 || *s != '\0')
		diag_add(d, path, line, SEV_ERROR, _("the year must be "
		         "written \"# year: \" and 4 digits"));
	else if (c->year != 0)
		diag_add(d, path, line, SEV_ERROR,
		         _("a second year; the first (%d) is kept"), c->year);
	else
		c->year = year;
}

/* Parses one line (NUL-terminated, CR and LF removed) into c->v. */
static void read_line(struct classification *c, char *s, size_t len,
                      const char *path, uint32_t line, size_t *cap,
                      struct diags *d)
{
	char *field[3], *rest;
	enum code_scheme scheme;
	size_t i;
	cls_key key;

	if (len == 0)
		return;
	if (memchr(s, '\0', len) || !valid_utf8(s, len)) {
		diag_add(d, path, line, SEV_ERROR,
		         _("not UTF-8 text; line skipped"));
		return;
	}
	if (s[0] == '#') {
		read_year(c, s + 1, path, line, d);
		return;
	}
	rest = s;
	for (i = 0; i < 3 && rest; i++) {
		field[i] = rest;
		rest = strchr(rest, '\t');
		if (rest)
			*rest++ = '\0';
	}
	if (i < 3 || (rest && rest[0] != '#')) {
		/* TRANSLATORS: scheme, code, name and note are the columns of
		 * the classification file; keep "#" and TAB as they are. */
		diag_add(d, path, line, SEV_ERROR,
		         _("expected scheme, code and name separated by "
		           "TABs, then optionally a TAB and a \"#\" note; "
		           "line skipped"));
		return;
	}
	for (scheme = SCHEME_FUNC; scheme <= SCHEME_GECON; scheme++)
		if (strcmp(field[0], scheme_names[scheme]) == 0)
			break;
	if (scheme > SCHEME_GECON) {
		diag_add(d, path, line, SEV_ERROR, _("the scheme must be "
		         "func, econ or gecon; line skipped"));
		return;
	}
	if (!make_key(scheme, field[1], strlen(field[1]), &key)) {
		diag_add(d, path, line, SEV_ERROR, scheme == SCHEME_FUNC
		         ? _("a function code is 3, 5 or 7 ASCII digits; "
		             "line skipped")
		         : _("an economic code is 3 or 5 ASCII digits; "
		             "line skipped"));
		return;
	}
	if (field[2][0] == '\0') {
		diag_add(d, path, line, SEV_ERROR,
		         _("code %s has no name; line skipped"), field[1]);
		return;
	}
	if (c->n == *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		c->v = xreallocarray(c->v, *cap, sizeof *c->v);
	}
	c->v[c->n++] = (struct entry){ key, line, field[2] };
}

/* Writes the digits of key into out (8 bytes). */
static void key_code(cls_key key, char out[8])
{
	unsigned n = key >> 24 & 7;
	uint32_t value = key & 0xFFFFFF;

	out[n] = '\0';
	while (n > 0) {
		out[--n] = (char)('0' + value % 10);
		value /= 10;
	}
}

/* Sorts, drops repeated codes, and reports 款 and 项 without a parent. */
static void finish(struct classification *c, const char *path,
                   struct diags *d)
{
	size_t kept = 0;
	char code[8], parent[8];

	if (c->n == 0)
		return;         /* qsort wants a non-NULL array */
	qsort(c->v, c->n, sizeof *c->v, entry_cmp);
	for (size_t i = 0; i < c->n; i++) {
		if (kept > 0 && c->v[kept - 1].key == c->v[i].key) {
			key_code(c->v[i].key, code);
			diag_add(d, path, c->v[i].line, SEV_WARNING,
			         _("code %s is already on line %u; this line "
			           "is ignored"), code,
			         (unsigned)c->v[kept - 1].line);
			continue;
		}
		c->v[kept++] = c->v[i];
	}
	c->n = kept;
	for (size_t i = 0; i < c->n; i++) {
		cls_key key = c->v[i].key;

		if ((key >> 24 & 7) == 3 || find(c, parent_key(key)))
			continue;
		key_code(key, code);
		key_code(parent_key(key), parent);
		diag_add(d, path, c->v[i].line, SEV_WARNING,
		         _("code %s has no parent %s in this file"),
		         code, parent);
	}
}

struct classification *classification_load(const char *path,
                                           struct diags *d)
{
	struct classification *c;
	size_t size, cap = 0;
	uint32_t line = 0;
	char *s, *end;

	s = read_file(path, &size, d);
	if (!s)
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->text = s;
	end = s + size;
	if (size >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (s < end) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		char *eol = nl ? nl : end;
		size_t len = (size_t)(eol - s);

		line++;
		if (len > 0 && s[len - 1] == '\r')
			len--;
		s[len] = '\0';
		read_line(c, s, len, path, line, &cap, d);
		s = eol + 1;
	}
	finish(c, path, d);
	return c;
}

void classification_free(struct classification *c)
{
	if (!c)
		return;
	free(c->v);
	free(c->text);
	free(c);
}

int classification_year(const struct classification *c)
{
	return c->year;
}

const char *classification_name(const struct classification *c,
                                enum code_scheme s, const char *code)
{
	const struct entry *e;
	cls_key key;

	if (!code || !make_key(s, code, strlen(code), &key))
		return NULL;
	e = find(c, key);
	return e ? e->name : NULL;
}

/* ---- comparing names ---- */

#define ZHICHU "\xE6\x94\xAF\xE5\x87\xBA"     /* 支出 */

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000;
}

/* Bytes of s[0..n) without the spaces at its end. */
static size_t trim_end(const char *s, size_t n)
{
	for (;;) {
		if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n -= 1;
		else if (n >= 2 && memcmp(s + n - 2, "\xC2\xA0", 2) == 0)
			n -= 2;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			return n;
	}
}

/* The part of a name that is compared: without a trailing 支出. */
static size_t compared_length(const char *s)
{
	size_t n = trim_end(s, strlen(s));

	if (n >= 6 && memcmp(s + n - 6, ZHICHU, 6) == 0)
		n = trim_end(s, n - 6);
	return n;
}

/* The next code point of s[*i..n) that counts, brackets folded to ASCII;
 * 0 at the end. */
static uint32_t next_counted(const char *s, size_t n, size_t *i)
{
	while (*i < n) {
		uint32_t cp;

		*i += utf8_next(s + *i, n - *i, &cp);
		if (is_space(cp))
			continue;
		if (cp == 0xFF08)
			return '(';
		if (cp == 0xFF09)
			return ')';
		return cp;
	}
	return 0;
}

static bool same_name(const char *a, const char *b)
{
	size_t na = compared_length(a), nb = compared_length(b);
	size_t i = 0, j = 0;
	uint32_t x, y;

	do {
		x = next_counted(a, na, &i);
		y = next_counted(b, nb, &j);
		if (x != y)
			return false;
	} while (x != 0);
	return true;
}

enum cls_result classification_check(const struct classification *c,
                                     enum code_scheme s, const char *code,
                                     const char *published_name,
                                     const char **std_name)
{
	const struct entry *e;
	cls_key key;

	if (std_name)
		*std_name = NULL;
	if (!code || !make_key(s, code, strlen(code), &key))
		return CLS_BAD_LENGTH;
	e = find(c, key);
	if (!e)
		return CLS_UNKNOWN;
	if (std_name)
		*std_name = e->name;
	if (!published_name || published_name[0] == '\0'
	    || same_name(published_name, e->name))
		return CLS_OK;
	return CLS_OTHER_NAME;
}

char *classification_default_path(void)
{
	const char *dir = getenv("YUSUAN_DATADIR");

	if (dir && dir[0] != '\0')
		return xasprintf("%s/classification.tsv", dir);
	return xstrdup(PKGDATADIR "/classification.tsv");
}

bool classification_find_class(const struct classification *c, const char *name,
                               char *out, size_t cap)
{
	for (size_t i = 0; i < c->n; i++) {
		cls_key key = c->v[i].key;
		if (key >> 27 != SCHEME_FUNC || (key >> 24 & 7) != 3)
			continue;
		if (same_name(name, c->v[i].name)) {
			char code[8];
			key_code(key, code);
			snprintf(out, cap, "%s", code);
			return true;
		}
	}
	return false;
}
