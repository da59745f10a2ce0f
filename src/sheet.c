#include "config.h"

#include "sheet.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_HEADER_ROWS = 3, LABEL_MAX = 256 };

void sheet_init(struct sheet *s, const char *file, uint32_t file_index)
{
	*s = (struct sheet){0};
	s->file = file;
	s->file_index = file_index;
	s->seq_col = -1;
}

void sheet_reset(struct sheet *s, const char *file, uint32_t file_index)
{
	struct srow *rows = s->rows;
	size_t caprows = s->caprows;
	struct arena arena = s->arena;
	arena_reset(&arena);
	sheet_init(s, file, file_index);
	s->arena = arena;
	s->rows = rows;
	s->caprows = caprows;
}

void sheet_free(struct sheet *s)
{
	arena_free(&s->arena);
	free(s->rows);
	*s = (struct sheet){0};
}

const char *sheet_cell(const struct srow *r, size_t col)
{
	return col < r->ncells ? r->cells[col] : "";
}

/* U+3000 IDEOGRAPHIC SPACE and U+00A0 NO-BREAK SPACE, which Excel keeps. */
static size_t wide_space_len(const char *p, size_t n)
{
	if (n >= 3 && (unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x80)
		return 3;
	if (n >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	return 0;
}

/* The cell of every empty cell: most cells of a sheet are empty. */
static char empty_cell[1];

/* Takes the spaces around a cell, *n > 0 bytes at p in the sheet's copy of
 * the record, where its end can be moved; returns where it starts. */
static char *trim_cell(char *p, size_t *len)
{
	size_t n = *len;
	for (;;) {
		size_t w;
		if (n && (*p == ' ' || *p == '\t'))
			p++, n--;
		else if ((w = wide_space_len(p, n)))
			p += w, n -= w;
		else
			break;
	}
	while (n) {
		if (p[n - 1] == ' ' || p[n - 1] == '\t')
			n--;
		else if (n >= 3 && wide_space_len(p + n - 3, 3))
			n -= 3;
		else if (n >= 2 && wide_space_len(p + n - 2, 2))
			n -= 2;
		else
			break;
	}
	p[n] = '\0';
	*len = n;
	return p;
}

/* A copy of a cell of n bytes with NULs inside, each of them U+FFFD, so
 * that it stays visible and C strings stay whole. */
static char *replace_nuls(struct arena *a, const char *p, size_t n)
{
	size_t nuls = 0;
	for (size_t i = 0; i < n; i++)
		nuls += p[i] == '\0';
	char *out = arena_alloc(a, n + 2 * nuls + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (p[i])
			*o++ = p[i];
		else
			memcpy(o, "\xEF\xBF\xBD", 3), o += 3;
	}
	*o = '\0';
	return out;
}

/* Whether a cell of n > 0 bytes at p may have spaces to trim: a space, a
 * tab, U+3000 or NBSP at either end (libcsv took those of unquoted cells
 * but not the wide ones).  Spares the trimming of all other cells. */
static bool may_need_trim(const char *p, size_t n)
{
	unsigned char first = (unsigned char)p[0], last = (unsigned char)p[n - 1];
	return first == ' ' || first == '\t' || first == 0xE3 || first == 0xC2 ||
	       last == ' ' || last == '\t' || last == 0x80 || last == 0xA0;
}

bool sheet_add_record(const struct record *r, void *ctx)
{
	struct sheet *s = ctx;
	if (s->nrows == s->caprows) {
		s->caprows = s->caprows ? s->caprows * 2 : 64;
		s->rows = xreallocarray(s->rows, s->caprows, sizeof *s->rows);
	}
	/* Trailing empty cells are dropped; the cells before are copied at
	 * once (records.h: they lie one after another), then trimmed in the
	 * copy. */
	size_t n = r->ncells;
	while (n && !r->lens[n - 1])
		n--;
	const char *from = r->cells[0];
	size_t bytes = n ? (size_t)(r->cells[n - 1] - from) + r->lens[n - 1] + 1 : 0;
	/* The pointers, then the bytes: a size that is a multiple of 8 keeps
	 * the pointers aligned. */
	size_t ptrs = n ? n : 1;
	char **cells = arena_alloc_uninit(&s->arena,
	                                  ptrs * sizeof *cells + ((bytes + 7) & ~(size_t)7));
	char *copy = (char *)(cells + ptrs);
	memcpy(copy, from, bytes);
	size_t last = 0;
	for (size_t i = 0; i < n; i++) {
		/* Tested in the record, not in the copy just written (reading
		 * a byte of a wide store stalls). */
		size_t len = r->lens[i];
		char *c = copy + (r->cells[i] - from);
		if (len && may_need_trim(r->cells[i], len))
			c = trim_cell(c, &len);
		if (!len)
			c = empty_cell;
		else if (r->nuls && memchr(c, '\0', len))
			c = replace_nuls(&s->arena, c, len);
		cells[i] = c;
		if (c[0])
			last = i + 1;
	}
	s->rows[s->nrows++] = (struct srow){
		.record = r->no, .role = ROW_DATA, .ncells = last, .cells = cells,
	};
	if (last > s->width)
		s->width = last;
	return true;
}

/* --- labels ----------------------------------------------------------- */

/* A loop rather than strncmp: prefixes are a few bytes, and this runs for
 * most cells. */
static bool starts(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
}

/* Chinese numerals as used in numbered labels. */
static size_t cn_numeral_len(const char *p)
{
	static const char *const digits[] = {
		"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", NULL,
	};
	size_t n = 0;
	for (;;) {
		/* All of them are three bytes from E3 to E5: most labels fail
		 * on the first byte. */
		unsigned char c = (unsigned char)p[n];
		if (c < 0xE3 || c > 0xE5)
			return n;
		size_t i;
		for (i = 0; digits[i]; i++)
			if (starts(p + n, digits[i]))
				break;
		if (!digits[i])
			return n;
		n += 3;
	}
}

static size_t numbering_len(const char *p)
{
	size_t n = cn_numeral_len(p);
	if (n && (starts(p + n, "、") || starts(p + n, "．")))
		return n + 3;
	if (n && p[n] == '.')
		return n + 1;
	if (p[0] == '(') {
		size_t k = cn_numeral_len(p + 1);
		if (!k)
			while (isdigit((unsigned char)p[1 + k]))
				k++;
		if (k && p[1 + k] == ')')
			return k + 2;
	}
	size_t d = 0;
	while (isdigit((unsigned char)p[d]))
		d++;
	if (d && d <= 2 && (starts(p + d, "、") || starts(p + d, "．")))
		return d + 3;
	if (d && d <= 2 && p[d] == '.' && !isdigit((unsigned char)p[d + 1]))
		return d + 1;
	return 0;
}

/* Folds the bracket and colon widths, drops spaces and quotes:
 * （ ） ： → ( ) :, and “ ” " ‘ ’ U+3000 NBSP space tab CR LF → nothing.
 * Byte by byte with a switch on the first byte, since every cell of every
 * sheet may come through here. */
static void fold(const char *s, char tmp[LABEL_MAX])
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	while (*p && o + 4 < LABEL_MAX) {
		switch (p[0]) {
		case '"': case ' ': case '\t': case '\n': case '\r':
			p++;
			continue;
		case 0xC2:   /* NBSP */
			if (p[1] == 0xA0) {
				p += 2;
				continue;
			}
			break;
		case 0xE2:   /* “ ” ‘ ’ */
			if (p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D || p[2] == 0x98 ||
			                     p[2] == 0x99)) {
				p += 3;
				continue;
			}
			break;
		case 0xE3:   /* U+3000 */
			if (p[1] == 0x80 && p[2] == 0x80) {
				p += 3;
				continue;
			}
			break;
		case 0xEF:   /* （ ） ： */
			if (p[1] == 0xBC && (p[2] == 0x88 || p[2] == 0x89 || p[2] == 0x9A)) {
				tmp[o++] = p[2] == 0x88 ? '(' : p[2] == 0x89 ? ')' : ':';
				p += 3;
				continue;
			}
			break;
		}
		tmp[o++] = (char)*p++;
	}
	tmp[o] = '\0';
}

void label_norm(const char *s, char *out, size_t cap)
{
	if (!cap)
		return;
	char tmp[LABEL_MAX];
	fold(s, tmp);
	const char *p = tmp;
	p += numbering_len(p);
	if (starts(p, "其中:"))
		p += strlen("其中:");
	else if (starts(p, "其中"))
		p += strlen("其中");
	size_t len = strlen(p);
	while (len && p[len - 1] == ':')
		len--;
	if (len >= cap)
		len = cap - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

/* A word's last character outside ASCII: its len bytes at *c.  False
 * when the word is all ASCII. */
static bool key_char(const char *word, const char **c, size_t *len)
{
	const char *lead = NULL;
	size_t end = 0;
	for (size_t i = 0; word[i]; i++) {
		unsigned char b = (unsigned char)word[i];
		if (b >= 0xC0)
			lead = word + i;
		if (b >= 0x80)
			end = i + 1;
	}
	if (!lead)
		return false;
	*c = lead;
	*len = (size_t)(word + end - lead);
	return true;
}

/* memcmp for the few bytes of a character, without a call. */
static bool same_bytes(const char *a, const char *b, size_t n)
{
	while (n--)
		if (*a++ != *b++)
			return false;
	return true;
}

/* Whether s holds the character of len bytes at c.  Looked for by its last
 * byte, rarer in Chinese text than its first; byte by byte, as the cells
 * tested are short. */
static bool holds_char(const char *s, const char *c, size_t len)
{
	for (const char *p = s; *p; p++)
		if (*p == c[len - 1] && (size_t)(p - s) >= len - 1 &&
		    same_bytes(p - (len - 1), c, len - 1))
			return true;
	return false;
}

/* Whether s can normalise to a label that holds word.  label_norm only
 * drops characters or maps them to ASCII, so (cells being valid UTF-8)
 * every other character of the label was in s already: s must hold the
 * word's last character outside ASCII.  A cheap test that spares most
 * cells the normalising. */
static bool may_hold(const char *s, const char *word)
{
	const char *c;
	size_t len;
	return !key_char(word, &c, &len) || holds_char(s, c, len);
}

bool label_is(const char *s, const char *const *words)
{
	if (!*s) {   /* most cells, and "" normalises to "" */
		for (; *words; words++)
			if (!**words)
				return true;
		return false;
	}
	/* may_hold for each word, but words that end in the same character
	 * (栏次, 行次) look for it once. */
	const char *absent = NULL;
	size_t absent_len = 0;
	const char *const *w = words;
	for (; *w; w++) {
		const char *c;
		size_t len;
		if (!key_char(*w, &c, &len))
			break;
		if (len == absent_len && same_bytes(c, absent, len))
			continue;
		if (holds_char(s, c, len))
			break;
		absent = c;
		absent_len = len;
	}
	if (!*w)
		return false;
	char n[LABEL_MAX];
	label_norm(s, n, sizeof n);
	for (; *w; w++)
		if (strcmp(n, *w) == 0)
			return true;
	return false;
}

bool label_has(const char *s, const char *word)
{
	if (!*s)
		return !*word;
	if (!may_hold(s, word))
		return false;
	char n[LABEL_MAX];
	label_norm(s, n, sizeof n);
	return strstr(n, word) != NULL;
}

const char *path_leaf(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Whether s holds a digit, ASCII or full-width (０-９ is EF BC 90-99):
 * every amount does, and most cells tested are labels, spared the
 * parsing. */
static bool has_digit(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p >= '0' && *p <= '9') ||
		    (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99))
			return true;
	return false;
}

bool cell_is_number(const char *s)
{
	if (!has_digit(s))
		return false;
	int64_t fen;
	const char *why;
	return amount_parse(s, strlen(s), UNIT_YUAN, &fen, &why) == AMOUNT_OK ||
	       amount_parse(s, strlen(s), UNIT_WAN, &fen, &why) == AMOUNT_OK;
}

/* --- title rows ------------------------------------------------------- */

static size_t nonempty(const struct srow *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->ncells; i++)
		n += r->cells[i][0] != '\0';
	return n;
}

static size_t first_nonempty(const struct srow *r)
{
	for (size_t i = 0; i < r->ncells; i++)
		if (r->cells[i][0])
			return i;
	return r->ncells;
}

/* "单位：万元", "单位: 元", "金额单位：万元" */
static bool read_unit(const char *cell, enum amount_unit *unit)
{
	if (!may_hold(cell, "单位:"))
		return false;
	char n[LABEL_MAX];
	label_norm(cell, n, sizeof n);
	const char *u = strstr(n, "单位:");
	if (!u)
		return false;
	u += strlen("单位:");
	if (strcmp(u, "万元") == 0) {
		*unit = UNIT_WAN;
		return true;
	}
	if (strcmp(u, "元") == 0) {
		*unit = UNIT_YUAN;
		return true;
	}
	return false;
}

static int read_year(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
		    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]) && (p == s || !isdigit((unsigned char)p[-1])) &&
		    starts(p + 4, "年")) {
			int y = atoi(p);
			if (y >= 1990 && y <= 2100)
				return y;
		}
	}
	return 0;
}

/* A 部门名称 cell: the name follows the colon, or sits in a later cell. */
static bool read_dept(struct sheet *s, const struct srow *r, size_t i)
{
	static const char *const keys[] = {
		"部门名称", "单位名称", "部门(单位)名称", "预算单位", "部门", NULL,
	};
	char n[LABEL_MAX];
	label_norm(r->cells[i], n, sizeof n);
	for (const char *const *k = keys; *k; k++) {
		size_t kl = strlen(*k);
		if (strncmp(n, *k, kl) != 0)
			continue;
		const char *rest = n + kl;
		if (*rest == ':')
			rest++;
		else if (*rest)
			continue;
		else if (nonempty(r) > 3 || first_nonempty(r) != i)
			continue;   /* a header cell such as 单位名称, not a title */
		if (*rest) {
			/* The original cell keeps the name's own spelling. */
			const char *colon = strstr(r->cells[i], "：");
			const char *name = colon ? colon + strlen("：") : strchr(r->cells[i], ':');
			if (name && *name == ':')
				name++;
			while (name && (*name == ' ' || wide_space_len(name, strlen(name))))
				name += *name == ' ' ? 1 : wide_space_len(name, strlen(name));
			s->dept = name && *name ? name : rest;
			return true;
		}
		for (size_t j = i + 1; j < r->ncells; j++) {
			enum amount_unit unit;
			if (r->cells[j][0] && !read_unit(r->cells[j], &unit)) {
				s->dept = r->cells[j];
				return true;
			}
		}
		return true;
	}
	return false;
}

static bool is_form_number(const char *cell)
{
	char n[LABEL_MAX];
	label_norm(cell, n, sizeof n);
	size_t l = strlen(n);
	return l >= 4 && l < 24 && strcmp(n + l - 3, "表") == 0 &&
	       (starts(n, "预算") || starts(n, "表") || starts(n, "附表")) &&
	       strpbrk(n, "0123456789") != NULL;
}

/* Reads one row above the header; false when it is not a title row. */
static bool read_title_row(struct sheet *s, const struct srow *r)
{
	size_t cells = nonempty(r);
	bool meta = false;
	for (size_t i = 0; i < r->ncells; i++) {
		const char *c = r->cells[i];
		if (!c[0])
			continue;
		enum amount_unit unit;
		if (read_unit(c, &unit)) {
			s->unit = unit;
			meta = true;
		} else if (read_dept(s, r, i)) {
			meta = true;
		}
	}
	if (meta)
		return true;
	if (cells != 1)
		return false;
	const char *c = NULL;
	for (size_t i = 0; i < r->ncells && !c; i++)
		if (r->cells[i][0])
			c = r->cells[i];
	if (is_form_number(c)) {
		s->form = c;
		return true;
	}
	if (cell_is_number(c))
		return false;
	int year = read_year(c);
	if (year && !s->year)
		s->year = year;
	char n[LABEL_MAX];
	label_norm(c, n, sizeof n);
	if (!s->title && (strstr(n, "表") || strstr(n, "情况")))
		s->title = c;
	else if (!year && !strstr(n, "年度"))
		return false;
	return true;
}

/* --- header ----------------------------------------------------------- */

static bool is_note(const struct srow *r)
{
	static const char *const prefixes[] = { "注", "备注", "说明", "附注", NULL };
	for (size_t i = 0; i < r->ncells; i++) {
		if (!r->cells[i][0])
			continue;
		for (const char *const *p = prefixes; *p; p++)
			if (r->cells[i][0] == (*p)[0] && starts(r->cells[i], *p)) {
				const char *rest = r->cells[i] + strlen(*p);
				if (starts(rest, "：") || *rest == ':' || starts(rest, "1") ||
				    starts(rest, "（") || *rest == '(' || starts(rest, "、") ||
				    (!*rest && nonempty(r) > 1))
					return true;
			}
		return false;   /* only the first non-empty cell counts */
	}
	return false;
}

/* "一、…", "(一)…", "1.…": a line of a list, never a header. */
static bool is_numbered(const char *c)
{
	char tmp[LABEL_MAX];
	fold(c, tmp);
	return numbering_len(tmp) > 0;
}

bool label_is_total(const char *c)
{
	static const char *const words[] = { "合计", "总计", NULL };
	return label_is(c, words);
}

/* A figure makes a data row, and so does a numbered line (an empty first
 * line of a list).  So does a 合计 label standing alone (the total row of
 * an empty table); beside other labels it is a column header. */
static bool looks_like_data(const struct srow *r)
{
	size_t labels = 0, totals = 0;
	for (size_t i = 0; i < r->ncells; i++) {
		if (!r->cells[i][0])
			continue;
		if (cell_is_number(r->cells[i]) || is_numbered(r->cells[i]))
			return true;
		if (label_is_total(r->cells[i]))
			totals++;
		else
			labels++;
	}
	return totals && !labels;
}

static bool same_cells(const struct srow *a, const struct srow *b)
{
	if (a->ncells != b->ncells || !a->ncells)
		return false;
	for (size_t i = 0; i < a->ncells; i++) {
		char x[LABEL_MAX], y[LABEL_MAX];
		label_norm(a->cells[i], x, sizeof x);
		label_norm(b->cells[i], y, sizeof y);
		if (strcmp(x, y) != 0)
			return false;
	}
	return true;
}

void sheet_build_paths(struct sheet *s, size_t first, size_t n)
{
	size_t w = s->width;
	s->paths = arena_alloc(&s->arena, (w ? w : 1) * sizeof *s->paths);
	s->npaths = w;
	s->seq_col = -1;
	if (!n) {
		for (size_t c = 0; c < w; c++)
			s->paths[c] = "";
		return;
	}
	/* eff[r][c]: the label that covers cell (r, c) after merging. */
	const char **eff = arena_alloc(&s->arena, n * (w ? w : 1) * sizeof *eff);
	for (size_t r = 0; r < n; r++) {
		const struct srow *row = &s->rows[first + r];
		for (size_t c = 0; c < w; c++) {
			const char *cell = sheet_cell(row, c);
			if (cell[0]) {
				eff[r * w + c] = cell;
				continue;
			}
			eff[r * w + c] = "";
			/* A merged cell spreads right over the columns that have
			 * their own labels further down, within the same parent. */
			if (c == 0 || !eff[r * w + c - 1][0])
				continue;
			bool below = false;
			for (size_t k = r + 1; k < n && !below; k++)
				below = sheet_cell(&s->rows[first + k], c)[0] != '\0';
			bool same_parent = r == 0 ||
				eff[(r - 1) * w + c] == eff[(r - 1) * w + c - 1];
			if (below && same_parent)
				eff[r * w + c] = eff[r * w + c - 1];
		}
	}
	for (size_t c = 0; c < w; c++) {
		char buf[1024];
		size_t o = 0;
		const char *prev = NULL;
		for (size_t r = 0; r < n; r++) {
			const char *l = eff[r * w + c];
			if (!l[0] || l == prev)
				continue;
			size_t len = strlen(l);
			if (o + len + 2 >= sizeof buf)
				break;
			if (o)
				buf[o++] = '/';
			memcpy(buf + o, l, len);
			o += len;
			prev = l;
		}
		buf[o] = '\0';
		s->paths[c] = arena_strndup(&s->arena, buf, o);
		static const char *const seq[] = { "序号", "行次", NULL };
		if (s->seq_col < 0 && label_is(s->paths[c], seq))
			s->seq_col = (int)c;
	}
}

void sheet_finish(struct sheet *s)
{
	size_t i = 0;
	for (; i < s->nrows; i++) {
		struct srow *r = &s->rows[i];
		if (!r->ncells) {
			r->role = ROW_BLANK;
			continue;
		}
		if (!read_title_row(s, r))
			break;
		r->role = ROW_TITLE;
	}
	if (s->title && !s->year)
		s->year = read_year(s->title);

	/* The header block; a blank row inside it adds nothing to the paths. */
	s->header_first = i;
	size_t n = 0, end = i;
	while (i < s->nrows && n < MAX_HEADER_ROWS) {
		struct srow *r = &s->rows[i];
		if (!r->ncells) {
			r->role = ROW_BLANK;
			i++;
			continue;
		}
		if (looks_like_data(r) || is_note(r))
			break;
		r->role = ROW_HEADER;
		/* A unit row may also stand beside the header. */
		for (size_t c = 0; c < r->ncells; c++)
			read_unit(r->cells[c], &s->unit);
		n++;
		end = ++i;
	}
	s->header_rows = end - s->header_first;
	sheet_build_paths(s, s->header_first, s->header_rows);

	static const char *const colnum[] = { "栏次", "行次", NULL };
	for (; i < s->nrows; i++) {
		struct srow *r = &s->rows[i];
		if (!r->ncells)
			r->role = ROW_BLANK;
		else if (is_note(r))
			r->role = ROW_NOTE;
		else if (label_is(sheet_cell(r, 0), colnum) ||
		         (s->seq_col >= 0 && label_is(sheet_cell(r, (size_t)s->seq_col), colnum)))
			r->role = ROW_COLNUM;
		else if (n && same_cells(r, &s->rows[s->header_first])) {
			r->role = ROW_REPEAT;
			for (size_t k = 1; k < n && i + 1 < s->nrows &&
			     same_cells(&s->rows[i + 1], &s->rows[s->header_first + k]); k++)
				s->rows[++i].role = ROW_REPEAT;
		} else
			r->role = ROW_DATA;
	}
}
