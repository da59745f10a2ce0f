/* What rows say about nodes: names, labels, origins, amounts and the
 * marks of the flag column (declared in view.h). */
#include "config.h"

#include "view.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define NODE_MARKS (NODE_F_DISCREPANCY | NODE_F_ROUNDING | NODE_F_UNREADABLE)

const char *tui_node_name(const struct node *n)
{
	switch ((enum node_kind)n->kind) {
	case NODE_SECTION:
		return _(section_label(n->sub));
	case NODE_GROUP:
		return _(group_label(n->sub));
	case NODE_COLLECTION:
		return *n->name ? n->name : _("All departments");
	case NODE_DEPARTMENT:
		if (!*n->name && n->u.dept && n->u.dept->name && *n->u.dept->name)
			return n->u.dept->name;
		break;
	default:
		break;
	}
	return *n->name || *n->code ? n->name : _("(no name)");
}

char *tui_node_label(const struct node *n)
{
	const char *name = tui_node_name(n);
	bool coded = *n->code && n->kind != NODE_SECTION && n->kind != NODE_GROUP;
	char *raw = coded ? xasprintf("%s%s%s", n->code, *name ? " " : "", name) : xstrdup(name);
	char *safe = text_sanitize(raw, strlen(raw));

	free(raw);
	return safe;
}

/* "base:record", "base:record-last" for rows record to last, or "base"
 * for record 0, sanitised. */
static char *file_place(const char *path, uint32_t record, uint32_t last)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *raw = !record ? xstrdup(base)
	          : last > record ? xasprintf("%s:%" PRIu32 "-%" PRIu32, base, record, last)
	          : xasprintf("%s:%" PRIu32, base, record);
	char *safe = text_sanitize(raw, strlen(raw));

	free(raw);
	return safe;
}

char *tui_origin_rows(const struct tui *t, struct origin at, uint32_t last)
{
	if (!at.file || at.file >= t->b->nfiles)
		/* TRANSLATORS: where a figure came from when no file holds it. */
		return xstrdup(_("computed"));
	return file_place(t->b->files[at.file].path, at.record, last);
}

char *tui_origin(const struct tui *t, struct origin at)
{
	return tui_origin_rows(t, at, 0);
}

char *tui_diag_origin(const struct diag *d)
{
	return d->file ? file_place(d->file, d->record, 0) : xstrdup("");
}

/* ---- where the loading messages belong ---- */

/* What tui_place_messages sorts and looks up: b's files by path, its
 * departments by folder. */
struct keyed {
	const char *key;
	size_t len;
	uint32_t index;
};

static int by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

static uint32_t find_key(const struct keyed *v, size_t n, const char *key, size_t len)
{
	struct keyed want = { key, len, 0 };
	const struct keyed *k = n ? bsearch(&want, v, n, sizeof *v, by_key) : NULL;

	return k ? k->index : 0;
}

void tui_place_messages(struct tui *t)
{
	const struct budget *b = t->b;
	size_t nfiles = b->nfiles - 1;   /* files[0] is no file */
	struct keyed *files = xreallocarray(NULL, b->nfiles, sizeof *files);
	struct keyed *dirs = xreallocarray(NULL, b->ndepts ? b->ndepts : 1, sizeof *dirs);

	for (size_t i = 1; i < b->nfiles; i++)
		files[i - 1] = (struct keyed){ b->files[i].path, strlen(b->files[i].path), (uint32_t)i };
	qsort(files, nfiles, sizeof *files, by_key);
	for (size_t i = 0; i < b->ndepts; i++) {
		size_t len = strlen(b->depts[i]->dir);

		while (len > 1 && b->depts[i]->dir[len - 1] == '/')
			len--;
		/* index + 1: 0 stands for none */
		dirs[i] = (struct keyed){ b->depts[i]->dir, len, (uint32_t)i + 1 };
	}
	qsort(dirs, b->ndepts, sizeof *dirs, by_key);
	t->places = xreallocarray(NULL, b->diags.n ? b->diags.n : 1, sizeof *t->places);
	for (size_t i = 0; i < b->diags.n; i++) {
		const char *file = b->diags.v[i].file, *slash = file ? strrchr(file, '/') : NULL;
		struct message_place *p = &t->places[i];
		uint32_t dir;

		p->file = file ? find_key(files, nfiles, file, strlen(file)) : 0;
		p->dept = p->file ? b->files[p->file].dept : NULL;
		/* A file of a package that gave no table (empty, a workbook, no
		 * table) belongs to the package's department all the same. */
		if (!p->dept && slash && (dir = find_key(dirs, b->ndepts, file, (size_t)(slash - file))))
			p->dept = b->depts[dir - 1];
		/* A message about no file, in a budget of one department. */
		if (!p->dept && (!file || !*file) && b->root && b->root->kind == NODE_DEPARTMENT)
			p->dept = b->root->u.dept;
	}
	free(files);
	free(dirs);
}

static const struct message_place *place_of(const struct tui *t, const struct diag *d)
{
	size_t i = (size_t)(d - t->b->diags.v);

	return t->places && d >= t->b->diags.v && i < t->b->diags.n ? &t->places[i] : NULL;
}

/* The message's file as an index of b->files, 0 when it is not one. */
static uint32_t diag_file(const struct tui *t, const struct diag *d)
{
	const struct message_place *p = place_of(t, d);

	return p ? p->file : 0;
}

bool tui_diag_about_table(const struct tui *t, const struct diag *d)
{
	return diag_file(t, d) != 0;
}

struct department *tui_diag_department(const struct tui *t, const struct diag *d)
{
	const struct message_place *p = place_of(t, d);

	return p ? p->dept : NULL;
}

static bool read_from(const struct node *n, struct origin at)
{
	if (n->file == at.file && n->record == at.record)
		return true;
	for (uint16_t i = 0; i < n->nfigs; i++)
		if (n->figs[i].file == at.file && n->figs[i].record == at.record)
			return true;
	return false;
}

/* The first node in tree order read from at (a project shown again under
 * its 项 is not a node of its own: its link is). */
static struct node *node_read_from(struct node *n, struct origin at)
{
	if (!node_link(n) && read_from(n, at))
		return n;
	for (uint32_t i = 0; i < n->nkids; i++) {
		struct node *found = node_read_from(n->kids[i], at);

		if (found)
			return found;
	}
	return NULL;
}

struct node *tui_diag_node(const struct tui *t, const struct diag *d)
{
	struct origin at = { diag_file(t, d), d->record };

	return at.file && at.record ? node_read_from(t->b->root, at) : NULL;
}

const char *tui_amount(const struct tui *t, int64_t fen, char *buf)
{
	amount_format(fen, t->set.unit, true, buf, AMOUNT_FMT_SIZE);
	return buf;
}

static int compare_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const void *const *)a, y = (uintptr_t)*(const void *const *)b;

	return x < y ? -1 : x > y;
}

char tui_flag(const struct tui *t, const struct node *n, enum color_role *role)
{
	*role = ROLE_WARNING;
	if (n->flags & NODE_F_DISCREPANCY)
		return '!';
	if (n->flags & NODE_F_UNREADABLE)
		return '?';
	*role = ROLE_NOTE;
	if (n->flags & NODE_F_ROUNDING)
		return '~';
	if (t->nmarked && bsearch(&n, t->marked, t->nmarked, sizeof *t->marked, compare_ptr))
		return '.';
	*role = ROLE_ROW;
	return ' ';
}

/* Marks p and its ancestors (with repeats). */
static void mark_up(struct tui *t, const struct node *p, size_t *cap)
{
	for (; p; p = p->parent) {
		if (t->nmarked == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			t->marked = xreallocarray(t->marked, *cap, sizeof *t->marked);
		}
		t->marked[t->nmarked++] = p;
	}
}

/* Collects the ancestors of every flagged node. */
static void collect_marked(struct tui *t, const struct node *n, size_t *cap)
{
	if (n->flags & NODE_MARKS)
		mark_up(t, n->parent, cap);
	for (uint32_t i = 0; i < n->nkids; i++)
		collect_marked(t, n->kids[i], cap);
}

void tui_mark_ancestors(struct tui *t)
{
	size_t cap = 0, out = 0;

	collect_marked(t, t->b->root, &cap);
	/* A department's 核对结果 row is marked for the messages about its
	 * files (view_tree.c): the rows above it lead there. */
	for (size_t i = 0; t->places && i < t->b->diags.n; i++)
		if (t->places[i].dept)
			mark_up(t, t->places[i].dept->node, &cap);
	if (!t->nmarked)
		return;
	qsort(t->marked, t->nmarked, sizeof *t->marked, compare_ptr);
	for (size_t i = 0; i < t->nmarked; i++)
		if (!out || t->marked[out - 1] != t->marked[i])
			t->marked[out++] = t->marked[i];
	t->nmarked = out;
}

/* ---- telling the departments of a collection apart ---- */

/* The last `parts` names of the folder path dir (all of it when it has
 * fewer), without the slashes that end it: where they start, and *len
 * bytes. */
static const char *dir_tail(const char *dir, int parts, size_t *len)
{
	const char *end = dir + strlen(dir), *p;

	while (end > dir + 1 && end[-1] == '/')
		end--;
	p = end;
	for (int i = 0; i < parts && p > dir; i++) {
		while (p > dir && p[-1] == '/')
			p--;
		while (p > dir && p[-1] != '/')
			p--;
	}
	*len = (size_t)(end - p);
	return p;
}

static bool same_tail(const char *a, const char *b, int parts)
{
	size_t na, nb;
	const char *ta = dir_tail(a, parts, &na), *tb = dir_tail(b, parts, &nb);

	return na == nb && !memcmp(ta, tb, na);
}

/* Gives each of the n departments at l, whose names are alike, as much of
 * the end of its folder as no other of them ends with: two years of one
 * department ("2022/人社局", "2023/人社局") or two copies. */
static void tell_apart(struct dept_label *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *dir = l[i].d->dir, *tail;
		int parts = 1;
		size_t len;

		for (size_t j = 0; j < n; j++)
			while (j != i && dir_tail(dir, parts, &len) != dir &&
			       same_tail(dir, l[j].d->dir, parts))
				parts++;
		tail = dir_tail(dir, parts, &len);
		l[i].folder = len ? xstrndup(tail, len) : NULL;
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct dept_label *)a)->name, ((const struct dept_label *)b)->name);
}

static int by_address(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct dept_label *)a)->d;
	uintptr_t y = (uintptr_t)((const struct dept_label *)b)->d;

	return x < y ? -1 : x > y;
}

struct dept_label *tui_label_departments(const struct budget *b, int cols)
{
	struct dept_label *l = xreallocarray(NULL, b->ndepts ? b->ndepts : 1, sizeof *l);

	for (size_t i = 0; i < b->ndepts; i++) {
		const char *name = tui_node_name(b->depts[i]->node);

		l[i] = (struct dept_label){
			.d = b->depts[i],
			.name = cols > 0 ? tui_fit(name, cols, NULL) : text_sanitize(name, strlen(name)),
		};
	}
	qsort(l, b->ndepts, sizeof *l, by_name);
	for (size_t i = 0, j; i < b->ndepts; i = j) {
		for (j = i + 1; j < b->ndepts && !by_name(&l[i], &l[j]); j++)
			;
		if (j - i > 1)
			tell_apart(l + i, j - i);
	}
	qsort(l, b->ndepts, sizeof *l, by_address);
	return l;
}

const struct dept_label *tui_dept_label(const struct dept_label *l, size_t n,
                                        const struct department *d)
{
	struct dept_label key = { .d = d };

	return d && n ? bsearch(&key, l, n, sizeof *l, by_address) : NULL;
}

char *tui_dept_text(const char *name, const char *folder)
{
	/* TRANSLATORS: a department's name, then the end of its folder,
	 * which tells it from another department of the same name:
	 * "测试局 (2023/测试局)". */
	return folder ? xasprintf(_("%s (%s)"), name, folder) : xstrdup(name);
}

void tui_dept_labels_free(struct dept_label *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(l[i].name);
		free(l[i].folder);
	}
	free(l);
}
