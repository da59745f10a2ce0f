#include "config.h"

#include "checks.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* One side of a comparison: a published figure, or the sum of several. */
struct side {
	int64_t fen;
	unsigned parts;            /* published figures in it */
	/* The figure's row; for a sum, its first part's, or when all parts
	 * come from one file, the first row of theirs, to last. */
	struct origin at;
	uint32_t last;             /* 0: the parts are not all in at's file */
	const struct node *first;  /* the node of that figure */
	bool any;                  /* false: nothing published (counts as 0) */
};

struct ctx {
	struct budget *b;
	struct department *d;
	bool has[TK__COUNT][COL__COUNT];   /* the columns each table fills */
};

/* --- sums ---------------------------------------------------------------- */

static void side_add(struct side *s, struct side v)
{
	if (!v.any)
		return;
	if (!s->any) {
		s->at = v.at;
		s->last = v.last;
		s->first = v.first;
	} else if (s->last && v.last && v.at.file == s->at.file) {
		if (v.at.record < s->at.record)
			s->at.record = v.at.record;
		if (v.last > s->last)
			s->last = v.last;
	} else {
		s->last = 0;
	}
	s->any = true;
	s->fen = amount_add(s->fen, v.fen);   /* saturates on crafted input */
	s->parts += v.parts;
}

static struct side figure_side(const struct node *n, const struct figure *f)
{
	struct origin at = figure_origin(f);
	return (struct side){ .fen = f->fen, .parts = 1, .at = at, .last = at.file ? at.record : 0,
	                      .first = n, .any = true };
}

/* Children that add up to their parent (not a project shown again under
 * its 功能科目, not indicators or texts). */
static bool summable(const struct node *k)
{
	switch (k->kind) {
	case NODE_FUNC: case NODE_ECON: case NODE_UNIT: case NODE_SANGONG:
		return true;
	case NODE_PROJECT:
		return node_link(k) == NULL;
	default:
		return false;
	}
}

/* An economic 款 whose government-class lines are the very rows of table
 * t it was read from: its figure is their sum by construction. */
static bool rows_below(const struct node *n, enum table_kind t)
{
	if (n->kind != NODE_ECON)
		return false;
	for (uint32_t i = 0; i < n->nkids; i++) {
		const struct node *k = n->kids[i];
		if (k->kind != NODE_ECON || k->sub != 3)
			continue;
		for (uint16_t j = 0; j < k->nfigs; j++)
			if (k->figs[j].table == t)
				return true;
	}
	return false;
}

/* Columns as bits: the sums below are worked out for several columns of a
 * table at once, in one pass over each node's figures. */
typedef uint64_t colset;
_Static_assert(COL__COUNT <= 64, "a colset holds every column");

static colset col_bit(enum column c)
{
	return (colset)1 << c;
}

/* The lowest column of a set that is not empty: a loop over the columns
 * of s is for (colset m = s; m; m &= m - 1) … first_col(m) …. */
static enum column first_col(colset s)
{
	return (enum column)__builtin_ctzll(s);
}

static void values(const struct node *n, enum table_kind t, colset want, struct side *out);

/* out[c], for each column c of want: what the summable children hold for
 * (t, c), added up child by child. */
static void kids_values(const struct node *n, enum table_kind t, colset want, struct side *out)
{
	struct side v[COL__COUNT];
	for (colset m = want; m; m &= m - 1)
		out[first_col(m)] = (struct side){0};
	for (uint32_t i = 0; i < n->nkids; i++) {
		if (!summable(n->kids[i]))
			continue;
		values(n->kids[i], t, want, v);
		for (colset m = want; m; m &= m - 1) {
			enum column col = first_col(m);
			side_add(&out[col], v[col]);
		}
	}
}

/* out[c], for each column c of want: what the node holds for (t, c), its
 * published figure, else the sum of what its parts hold (the loader's sums
 * are rebuilt, to count the parts). */
static void values(const struct node *n, enum table_kind t, colset want, struct side *out)
{
	colset from_kids = want, multi = 0;
	for (uint16_t i = 0; i < n->nfigs; i++) {
		const struct figure *f = &n->figs[i];
		if (f->table != t || !(want & col_bit(f->column)) || (f->flags & FIG_SUMMED))
			continue;
		out[f->column] = figure_side(n, f);
		from_kids &= ~col_bit(f->column);
		if (f->flags & FIG_MULTI)
			multi |= col_bit(f->column);
	}
	if (multi && rows_below(n, t)) {
		struct side rows[COL__COUNT];
		kids_values(n, t, multi, rows);
		for (colset m = multi; m; m &= m - 1) {
			enum column col = first_col(m);
			if (rows[col].parts > 1)
				out[col].parts = rows[col].parts;
		}
	}
	if (from_kids)
		kids_values(n, t, from_kids, out);
}

/* values() of one column. */
static struct side value(const struct node *n, enum table_kind t, enum column c)
{
	struct side v[COL__COUNT];
	values(n, t, col_bit(c), v);
	return v[c];
}

/* --- texts --------------------------------------------------------------- */

/* "02 支出.csv:9", or "-" for a figure no file gave. */
/* file:record of a side, file:first-last for the rows of a sum. */
static char *where(const struct ctx *c, struct side v)
{
	if (!v.at.file || v.at.file >= c->b->nfiles)
		return xstrdup("-");
	const char *path = c->b->files[v.at.file].path;
	const char *slash = strrchr(path, '/');
	if (v.last > v.at.record)
		return xasprintf("%s:%u-%u", slash ? slash + 1 : path, (unsigned)v.at.record,
		                 (unsigned)v.last);
	return xasprintf("%s:%u", slash ? slash + 1 : path, (unsigned)v.at.record);
}

/* A finding comparing a and b, with the rows each comes from. */
__attribute__((format(printf, 7, 8)))
static void add_finding(struct ctx *c, enum severity sev, enum finding_kind kind,
                        struct node *node, struct side a, struct side b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	budget_add_finding(c->b, sev, kind, node, a.at, b.at, a.fen, b.fen, "%s", text);
	struct finding *f = &c->b->findings[c->b->nfindings - 1];
	f->a_last = a.last > a.at.record ? a.last : 0;
	f->b_last = b.last > b.at.record ? b.last : 0;
	free(text);
}

/* What the parts of a sum are called, from one of them. */
static const char *level_word(const struct node *n)
{
	if (!n)
		return _("rows");
	switch (n->kind) {
	case NODE_FUNC: case NODE_ECON:
		/* The levels of the classification keep their Chinese names. */
		if (n->sub == 1)
			return "类";
		if (n->sub == 2)
			return "款";
		return n->kind == NODE_FUNC ? "项" : _("rows");
	case NODE_UNIT:
		return _("units");
	case NODE_PROJECT:
		return _("projects");
	case NODE_SANGONG:
		return _("items");
	default:
		return _("rows");
	}
}

static char *row_label(const struct node *n, enum table_kind t)
{
	bool summary = t == TK_SUMMARY || t == TK_APPROP;
	switch (n->kind) {
	case NODE_DEPARTMENT:
		return xstrdup(summary ? "" : _("department row"));
	case NODE_SECTION:
		/* The labels the tables print on their total rows. */
		return xstrdup(summary ? "本年支出合计" : "合计");
	case NODE_FUNC: case NODE_ECON: case NODE_UNIT:
		if (n->code[0] && n->name[0] && strcmp(n->code, n->name) != 0)
			return xasprintf("%s %s", n->code, n->name);
		return xstrdup(n->code[0] ? n->code : n->name);
	default:
		return xstrdup(n->name);
	}
}

static char *fig_desc(const struct node *n, enum table_kind t, enum column col)
{
	char *row = row_label(n, t);
	char *s = row[0]
	          /* TRANSLATORS: a figure: the table, its row, its column. */
	          ? xasprintf(_("%s %s, %s"), table_kind_name(t), row, _(column_label(col)))
	          /* TRANSLATORS: a total line: the table, the line. */
	          : xasprintf(_("%s, %s"), table_kind_name(t), _(column_label(col)));
	free(row);
	return s;
}

/* A figure that may be the loader's sum: says so. */
static char *value_desc(const struct node *n, enum table_kind t, enum column col,
                        struct side v)
{
	char *s = fig_desc(n, t, col);
	if (!v.any || v.first == n)
		return s;
	/* TRANSLATORS: a figure, then what the loader added up to get it. */
	char *sum = xasprintf(_("%s (sum of %s)"), s, level_word(v.first));
	free(s);
	return sum;
}

static char *sum_desc(struct side parts)
{
	return xasprintf(_("sum of %s"), level_word(parts.first));
}

/* Column labels joined by " + " for the columns the table has. */
static char *cols_desc(const bool *has, const int *cols)
{
	char *s = xstrdup("");
	for (const int *col = cols; *col >= 0; col++) {
		if (!has[*col])
			continue;
		char *n = xasprintf("%s%s%s", s, s[0] ? " + " : "", _(column_label((enum column)*col)));
		free(s);
		s = n;
	}
	return s;
}

/* --- findings ------------------------------------------------------------ */

static void report(struct ctx *c, enum finding_kind kind, struct node *node, bool less,
                   bool rounding, const char *what_a, struct side a,
                   const char *what_b, struct side b, int64_t diff)
{
	char fa[AMOUNT_FMT_SIZE], fb[AMOUNT_FMT_SIZE], fd[AMOUNT_FMT_SIZE];
	amount_format(a.fen, c->d->unit, true, fa, sizeof fa);
	amount_format(b.fen, c->d->unit, true, fb, sizeof fb);
	amount_format(diff, c->d->unit, true, fd, sizeof fd);
	if (rounding) {
		add_finding(c, SEV_NOTE, kind, node, a, b,
		                   /* TRANSLATORS: figure, amount, other figure, amount. */
		                   less ? _("%s %s is less than %s %s (difference %s): rounding")
		                        : _("%s %s ≠ %s %s (difference %s): rounding"),
		                   what_a, fa, what_b, fb, fd);
		return;
	}
	char *la = where(c, a), *lb = where(c, b);
	add_finding(c, SEV_WARNING, kind, node, a, b,
	                   /* TRANSLATORS: figure, amount, other figure, amount,
	                      difference, then file:record of each figure. */
	                   less ? _("%s %s is less than %s %s (difference %s): discrepancy (%s; %s)")
	                        : _("%s %s ≠ %s %s (difference %s): discrepancy (%s; %s)"),
	                   what_a, fa, what_b, fb, fd, la, lb);
	free(la);
	free(lb);
}

static int64_t distance(int64_t a, int64_t b)
{
	int64_t d;
	if (__builtin_sub_overflow(a, b, &d) || d == INT64_MIN)
		return INT64_MAX;
	return d < 0 ? -d : d;
}

/* Whether a and b agree, so that there is nothing to report: callers
 * ask first and build the texts of a finding only when there is one. */
static bool agree(struct side a, struct side b)
{
	return a.fen == b.fen;
}

/* The rounding allowance of one figure of a against b, in 分: 0.01 of
 * the coarser unit of their tables (a package may publish one table in
 * 元, the others in 万元). */
static int64_t per_part(const struct ctx *c, struct origin a, struct origin b)
{
	const struct source_file *f = c->b->files;
	enum amount_unit ua = a.file ? f[a.file].unit : c->d->unit;
	enum amount_unit ub = b.file ? f[b.file].unit : c->d->unit;
	return ua == UNIT_YUAN && ub == UNIT_YUAN ? 1 : 10000;
}

/* a should equal b. */
static void compare(struct ctx *c, enum finding_kind kind, struct node *node,
                    const char *what_a, struct side a, const char *what_b, struct side b)
{
	if (agree(a, b))
		return;
	int64_t diff = distance(a.fen, b.fen);
	int64_t parts = a.parts > b.parts ? a.parts : b.parts;
	bool rounding = diff <= (parts > 1 ? parts : 1) * per_part(c, a.at, b.at);
	report(c, kind, node, false, rounding, what_a, a, what_b, b, diff);
}

/* parts (some of the whole) should not exceed whole.  Rounding keeps the
 * order of two figures, so a single part may not exceed at all. */
static void not_more(struct ctx *c, enum finding_kind kind, struct node *node,
                     const char *what_whole, struct side whole,
                     const char *what_parts, struct side parts)
{
	if (parts.fen <= whole.fen)
		return;
	int64_t diff = distance(parts.fen, whole.fen);
	bool rounding = parts.parts > 1 &&
	                diff <= (int64_t)parts.parts * per_part(c, whole.at, parts.at);
	report(c, kind, node, true, rounding, what_whole, whole, what_parts, parts, diff);
}

/* The same figure in two places: a of na in table ta, b of nb in tb.  A
 * side without a figure counts as zero only when zero_ok (where both
 * tables list every item: the 类, the economic classes, the project
 * types); otherwise both must have one. */
static void cross(struct ctx *c, struct node *at, bool zero_ok, const struct node *na,
                  enum table_kind ta, enum column ca, const struct node *nb,
                  enum table_kind tb, enum column cb)
{
	struct side a = value(na, ta, ca), b = value(nb, tb, cb);
	if ((zero_ok ? !a.any && !b.any : !a.any || !b.any) || agree(a, b))
		return;
	char *wa = value_desc(na, ta, ca, a), *wb = value_desc(nb, tb, cb, b);
	compare(c, FIND_CROSS, at, wa, a, wb, b);
	free(wa);
	free(wb);
}

/* --- within a table: totals against their parts --------------------------- */

/* The columns of table t that the node publishes (not the loader's sums). */
static colset published_cols(const struct node *n, enum table_kind t)
{
	colset s = 0;
	for (uint16_t i = 0; i < n->nfigs; i++)
		if (n->figs[i].table == t && !(n->figs[i].flags & FIG_SUMMED))
			s |= col_bit(n->figs[i].column);
	return s;
}

static void check_sums(struct ctx *c, struct node *n)
{
	/* The parts of all the columns of a table are added up at once, at
	 * its first figure (a node's figures come table by table; should a
	 * table come again, its parts are added up again). */
	enum table_kind parts_of = TK__COUNT;
	bool below = false;
	struct side parts[COL__COUNT];
	for (uint16_t i = 0; i < n->nfigs; i++) {
		const struct figure *f = &n->figs[i];
		enum table_kind t = f->table;
		enum column col = f->column;
		if (f->flags & FIG_SUMMED)
			continue;
		if (t != parts_of) {
			parts_of = t;
			below = rows_below(n, t);
			if (!below)
				kids_values(n, t, published_cols(n, t), parts);
		}
		/* f is value(n, t, col): published, and not the sum of rows below. */
		if (below || !parts[col].any || agree(figure_side(n, f), parts[col]))
			continue;
		char *wa = fig_desc(n, t, col), *wb = sum_desc(parts[col]);
		compare(c, FIND_SUM, n, wa, figure_side(n, f), wb, parts[col]);
		free(wa);
		free(wb);
	}
	for (uint32_t i = 0; i < n->nkids; i++)
		if (summable(n->kids[i]))
			check_sums(c, n->kids[i]);
}

/* Tables with one row per code, unit or project. */
static bool row_table(enum table_kind t)
{
	switch (t) {
	case TK_SPENDING: case TK_GENERAL: case TK_GOVFUND: case TK_STATECAP:
	case TK_INCOME: case TK_BASIC: case TK_ECON: case TK_PROJECTS: case TK_INDICATORS:
		return true;
	default:
		return false;
	}
}

/* The department's own row (unit code 028) against the table's total row,
 * or against its units or codes when the table prints no total row. */
static void check_department_row(struct ctx *c)
{
	static const enum section secs[] = { SEC_INCOME, SEC_FUNC, SEC_ECON, SEC_UNITS };
	enum { NSECS = sizeof secs / sizeof *secs };
	struct node *dn = c->d->node;
	/* What each section holds, for all the columns of a table at once,
	 * as in check_sums. */
	enum table_kind others_of = TK__COUNT;
	struct side others[NSECS][COL__COUNT];
	for (uint16_t i = 0; i < dn->nfigs; i++) {
		const struct figure *f = &dn->figs[i];
		enum table_kind t = f->table;
		enum column col = f->column;
		if (!row_table(t) || (f->flags & FIG_SUMMED))
			continue;
		if (t != others_of) {
			colset want = published_cols(dn, t);
			others_of = t;
			for (size_t s = 0; s < NSECS; s++)
				if (c->d->sections[secs[s]])
					values(c->d->sections[secs[s]], t, want, others[s]);
		}
		for (size_t s = 0; s < NSECS; s++) {
			const struct node *sec = c->d->sections[secs[s]];
			if (!sec)
				continue;
			/* other is value(sec, t, col): without a figure of its own,
			 * the section stands for the sum of its parts, named so. */
			bool published = node_figure(sec, t, col) != NULL;
			struct side other = others[s][col];
			if ((!published && !other.any) || agree(figure_side(dn, f), other))
				continue;
			char *wb = published ? fig_desc(sec, t, col) : sum_desc(other);
			char *wa = fig_desc(dn, t, col);
			compare(c, FIND_SUM, dn, wa, figure_side(dn, f), wb, other);
			free(wa);
			free(wb);
		}
	}
}

/* --- within a row -------------------------------------------------------- */

/* Nodes whose figures of table t are one row of columns. */
static bool row_node(const struct node *n, enum table_kind t)
{
	switch (n->kind) {
	case NODE_DEPARTMENT:
		return row_table(t);
	case NODE_SECTION: case NODE_FUNC: case NODE_ECON: case NODE_UNIT:
		return true;
	case NODE_PROJECT:
		return node_link(n) == NULL;
	case NODE_LEVEL:
		return t == TK_TARGETS;
	default:
		return false;
	}
}

static void scan_columns(struct ctx *c, const struct node *n)
{
	for (uint16_t i = 0; i < n->nfigs; i++)
		if (row_node(n, n->figs[i].table))
			c->has[n->figs[i].table][n->figs[i].column] = true;
	for (uint32_t i = 0; i < n->nkids; i++)
		scan_columns(c, n->kids[i]);
}

/* The figures of node n in table t, by column: the checks of a row look
 * up many columns of it. */
struct row {
	struct node *n;
	enum table_kind t;
	colset cols;                            /* the cells that are not empty */
	const struct figure *fig[COL__COUNT];   /* theirs, by column (use row_fig) */
};

static void row_init(struct row *r, struct node *n, enum table_kind t)
{
	r->n = n;
	r->t = t;
	r->cols = 0;
	for (uint16_t i = 0; i < n->nfigs; i++)
		if (n->figs[i].table == t) {
			r->cols |= col_bit(n->figs[i].column);
			r->fig[n->figs[i].column] = &n->figs[i];
		}
}

/* The row's figure in column col, NULL when the cell is empty. */
static const struct figure *row_fig(const struct row *r, enum column col)
{
	return r->cols & col_bit(col) ? r->fig[col] : NULL;
}

/* Figure f of the row (column lhs) against the sum of the columns rhs. */
static void identity_sum(struct ctx *c, const struct row *r, const struct figure *f,
                         const bool *has, enum column lhs, const int *rhs)
{
	struct node *n = r->n;
	struct side parts = {0};
	bool any_col = false;
	for (const int *col = rhs; *col >= 0; col++) {
		if (!has[*col])
			continue;
		any_col = true;
		const struct figure *p = row_fig(r, (enum column)*col);
		if (p)
			side_add(&parts, figure_side(n, p));
	}
	if (!any_col)
		return;
	if (!parts.any)
		parts.at = figure_origin(f);   /* the same row */
	if (agree(figure_side(n, f), parts))
		return;
	char *wa = fig_desc(n, r->t, lhs), *wb = cols_desc(has, rhs);
	compare(c, FIND_ROW, n, wa, figure_side(n, f), wb, parts);
	free(wa);
	free(wb);
}

/* lhs = the sum of the columns rhs (ending with -1) that the table has
 * (has, by column); an empty cell among them counts as zero.  Most rows
 * lack most lhs: that is settled here, without a call. */
static void identity(struct ctx *c, const struct row *r, const bool *has, enum column lhs,
                     const int *rhs)
{
	const struct figure *f = row_fig(r, lhs);
	if (f && !(f->flags & FIG_SUMMED))
		identity_sum(c, r, f, has, lhs, rhs);
}

/* A 其中 column (part) must not exceed the column it is part of. */
static void of_which_column(struct ctx *c, const struct row *r, enum column whole,
                            enum column part)
{
	struct node *n = r->n;
	enum table_kind t = r->t;
	const struct figure *p = row_fig(r, part);
	if (!p || (p->flags & FIG_SUMMED) || !c->has[t][whole])
		return;
	const struct figure *w = row_fig(r, whole);
	struct side ws = w ? figure_side(n, w) : (struct side){ .at = figure_origin(p) };
	if (p->fen <= ws.fen)
		return;   /* not_more has nothing to say */
	char *wa = fig_desc(n, t, whole), *wb = fig_desc(n, t, part);
	not_more(c, FIND_ROW, n, wa, ws, wb, figure_side(n, p));
	free(wa);
	free(wb);
}

static void check_row(struct ctx *c, struct node *n, enum table_kind t)
{
	static const int basic_split[] = { COL_PERSONNEL, COL_PUBLIC, -1 };
	static const int basic_items[] = { COL_WAGES, COL_FAMILY, COL_GOODS, COL_CAPITAL, -1 };
	static const int basic_project[] = { COL_BASIC, COL_PROJECT, -1 };
	static const int personnel[] = { COL_WAGES, COL_FAMILY, -1 };
	static const int public_[] = { COL_GOODS, COL_CAPITAL, -1 };
	static const int project[] = { COL_OPERATING, COL_SPECIFIC, -1 };
	static const int target_funds[] = { COL_GOVBUDGET, COL_SPECIAL, COL_UNITFUNDS, -1 };
	static const int carry[] = { COL_CARRY_GENERAL, COL_CARRY_GOVFUND, COL_CARRY_STATECAP, -1 };
	static const int own[] = { COL_BUSINESS, COL_ENTERPRISE, COL_SUPERIOR, COL_SUBORDINATE,
	                           COL_OTHER, -1 };
	const bool *has = c->has[t];
	struct row row, *r = &row;
	row_init(r, n, t);

	switch (t) {
	case TK_SPENDING: case TK_GENERAL: case TK_GOVFUND: case TK_STATECAP:
		identity(c, r, has, COL_TOTAL, basic_project);
		break;
	case TK_BASIC:
		/* The whole table is 基本支出. */
		identity(c, r, has, COL_TOTAL, basic_split);
		break;
	case TK_TARGETS:
		identity(c, r, has, COL_TOTAL, basic_project);
		identity(c, r, has, COL_TOTAL, target_funds);
		break;
	case TK_INDICATORS:
		identity(c, r, has, COL_TOTAL, target_funds);
		break;
	case TK_PROJECTS: case TK_INCOME: case TK_ECON: case TK_APPROP: {
		/* 合计 = every source; a group's 小计 stands for its parts. */
		int funds[COL__COUNT + 1], nf = 0;
		static const int sources[] = {
			COL_GENERAL, COL_GOVFUND, COL_STATECAP, COL_SPECIAL, COL_UNITFUNDS,
			COL_BUSINESS, COL_ENTERPRISE, COL_SUPERIOR, COL_SUBORDINATE, COL_OTHER,
			COL_CARRY, COL_CARRY_GENERAL, COL_CARRY_GOVFUND, COL_CARRY_STATECAP,
		};
		for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
			int col = sources[i];
			bool own_part = col >= COL_BUSINESS && col <= COL_OTHER;
			bool carry_part = col >= COL_CARRY_GENERAL && col <= COL_CARRY_STATECAP;
			if ((own_part && has[COL_UNITFUNDS]) || (carry_part && has[COL_CARRY]))
				continue;
			funds[nf++] = col;
		}
		funds[nf] = -1;
		identity(c, r, has, COL_TOTAL, funds);
		if (t == TK_ECON)
			identity(c, r, has, COL_TOTAL, basic_project);
		break;
	}
	default:
		break;
	}
	identity(c, r, has, COL_BASIC,
	         has[COL_PERSONNEL] && has[COL_PUBLIC] ? basic_split : basic_items);
	identity(c, r, has, COL_PERSONNEL, personnel);
	identity(c, r, has, COL_PUBLIC, public_);
	identity(c, r, has, COL_PROJECT, project);
	identity(c, r, has, COL_CARRY, carry);
	identity(c, r, has, COL_UNITFUNDS, own);
	of_which_column(c, r, COL_GENERAL, COL_APPROP);
}

static void check_rows(struct ctx *c, struct node *n)
{
	bool seen[TK__COUNT] = {0};
	for (uint16_t i = 0; i < n->nfigs; i++) {
		enum table_kind t = n->figs[i].table;
		if (seen[t])
			continue;
		seen[t] = true;
		if (row_node(n, t) && !rows_below(n, t))
			check_row(c, n, t);
	}
	for (uint32_t i = 0; i < n->nkids; i++)
		check_rows(c, n->kids[i]);
}

/* 收支总表 and 财政拨款收支总表: 本年收入 + 上年结转 = 收入总计 = 支出总计 =
 * 本年支出 + 年终结转结余. */
static void check_summary(struct ctx *c, enum table_kind t)
{
	static const int income[] = { COL_INCOME_YEAR, COL_CARRY, -1 };
	static const int spending[] = { COL_SPEND_YEAR, COL_CARRY_OUT, -1 };
	struct node *dn = c->d->node;
	struct row row;
	row_init(&row, dn, t);
	bool has[COL__COUNT];
	for (int col = 0; col < COL__COUNT; col++)
		has[col] = row.cols & col_bit((enum column)col);
	identity(c, &row, has, COL_INCOME_ALL, income);
	identity(c, &row, has, COL_SPEND_ALL, spending);
	const struct figure *in = row_fig(&row, COL_INCOME_ALL);
	const struct figure *out = row_fig(&row, COL_SPEND_ALL);
	if (in && out && !agree(figure_side(dn, in), figure_side(dn, out))) {
		char *wa = fig_desc(dn, t, COL_INCOME_ALL), *wb = fig_desc(dn, t, COL_SPEND_ALL);
		compare(c, FIND_ROW, dn, wa, figure_side(dn, in), wb, figure_side(dn, out));
		free(wa);
		free(wb);
	}
}

/* --- income lines -------------------------------------------------------- */

static bool carry_line(int sub)
{
	return sub == COL_CARRY || sub == COL_CARRY_GENERAL || sub == COL_CARRY_GOVFUND ||
	       sub == COL_CARRY_STATECAP;
}

/* The funds split any appropriation (or its carry-over) completely. */
static bool fund_line(int sub)
{
	return sub == COL_GENERAL || sub == COL_GOVFUND || sub == COL_STATECAP ||
	       sub == COL_CARRY_GENERAL || sub == COL_CARRY_GOVFUND || sub == COL_CARRY_STATECAP;
}

static void check_of_which(struct ctx *c, struct node *line, enum table_kind t)
{
	const struct figure *w = node_figure(line, t, COL_TOTAL);
	if (!w)
		return;
	struct side parts = {0};
	unsigned lines = 0;
	bool complete = true;
	for (uint32_t i = 0; i < line->nkids; i++) {
		const struct node *k = line->kids[i];
		const struct figure *f = k->kind == NODE_INCOME ? node_figure(k, t, COL_TOTAL) : NULL;
		if (!f)
			continue;
		side_add(&parts, figure_side(k, f));
		lines++;
		complete = complete && fund_line(k->sub);
	}
	bool equal = complete && lines > 1;
	if (!lines || (equal ? agree(figure_side(line, w), parts) : parts.fen <= w->fen))
		return;
	char *wa = fig_desc(line, t, COL_TOTAL);
	char *wb = xstrdup(_("sum of its 其中 lines"));
	if (equal)
		compare(c, FIND_SUM, line, wa, figure_side(line, w), wb, parts);
	else
		not_more(c, FIND_SUM, line, wa, figure_side(line, w), wb, parts);
	free(wa);
	free(wb);
}

/* A total line of the department against the income lines it adds up. */
static void income_total(struct ctx *c, struct node *whole, enum table_kind t,
                         enum column col, bool (*member)(int sub))
{
	const struct figure *f = node_figure(whole, t, col);
	const struct node *sec = c->d->sections[SEC_INCOME];
	if (!f || !sec)
		return;
	struct side parts = {0};
	for (uint32_t i = 0; i < sec->nkids; i++) {
		const struct node *k = sec->kids[i];
		const struct figure *kf = k->kind == NODE_INCOME && k != whole && member(k->sub)
		                          ? node_figure(k, t, COL_TOTAL) : NULL;
		if (kf)
			side_add(&parts, figure_side(k, kf));
	}
	if (!parts.any || agree(figure_side(whole, f), parts))
		return;
	char *wa = fig_desc(whole, t, col);
	char *wb = xasprintf(_("sum of %s"), _("income lines"));
	compare(c, FIND_SUM, whole, wa, figure_side(whole, f), wb, parts);
	free(wa);
	free(wb);
}

static bool year_line(int sub)
{
	/* 其中：财政拨款 is a part of another line, wherever it stands. */
	return !carry_line(sub) && sub != COL_APPROP;
}

static bool carry_fund_line(int sub)
{
	return carry_line(sub) && sub != COL_CARRY;
}

/* The same income line in 收支总表, 财政拨款收支总表 and 收入总表. */
static void check_same_line(struct ctx *c, struct node *line)
{
	const struct node *sec = c->d->sections[SEC_INCOME];
	const struct node *in_node = line;
	enum column in_col = COL_TOTAL;
	if (!node_figure(line, TK_INCOME, COL_TOTAL) && sec &&
	    node_figure(sec, TK_INCOME, (enum column)line->sub)) {
		in_node = sec;
		in_col = (enum column)line->sub;
	}
	bool s = node_figure(line, TK_SUMMARY, COL_TOTAL) != NULL;
	bool a = node_figure(line, TK_APPROP, COL_TOTAL) != NULL && line->sub != COL_CARRY;
	bool i = node_figure(in_node, TK_INCOME, in_col) != NULL;
	if (s && a)
		cross(c, line, false, line, TK_SUMMARY, COL_TOTAL, line, TK_APPROP, COL_TOTAL);
	if (s && i)
		cross(c, line, false, line, TK_SUMMARY, COL_TOTAL, in_node, TK_INCOME, in_col);
	else if (a && i)
		cross(c, line, false, line, TK_APPROP, COL_TOTAL, in_node, TK_INCOME, in_col);
}

static void check_income(struct ctx *c)
{
	static const enum table_kind tables[] = { TK_SUMMARY, TK_APPROP, TK_INCOME };
	struct node *sec = c->d->sections[SEC_INCOME];
	if (!sec)
		return;
	for (uint32_t i = 0; i < sec->nkids; i++) {
		struct node *line = sec->kids[i];
		if (line->kind != NODE_INCOME)
			continue;
		for (size_t k = 0; k < sizeof tables / sizeof *tables; k++)
			check_of_which(c, line, tables[k]);
	}
	for (size_t k = 0; k < 2; k++) {   /* the two 收支 tables */
		income_total(c, c->d->node, tables[k], COL_INCOME_YEAR, year_line);
		for (uint32_t i = 0; i < sec->nkids; i++)
			if (sec->kids[i]->kind == NODE_INCOME && sec->kids[i]->sub == COL_CARRY)
				income_total(c, sec->kids[i], tables[k], COL_TOTAL, carry_fund_line);
	}
	for (uint32_t i = 0; i < sec->nkids; i++) {
		struct node *line = sec->kids[i];
		if (line->kind != NODE_INCOME)
			continue;
		check_same_line(c, line);
		for (uint32_t j = 0; j < line->nkids; j++)
			if (line->kids[j]->kind == NODE_INCOME)
				check_same_line(c, line->kids[j]);
	}
}

/* --- across tables ------------------------------------------------------- */

static bool present(const struct ctx *c, enum table_kind t)
{
	return c->d->table_file[t] != 0;
}

/* Calls fn on the spending section and each of its 类. */
static void for_classes(struct ctx *c, void (*fn)(struct ctx *, struct node *, const void *),
                        const void *arg)
{
	struct node *func = c->d->sections[SEC_FUNC];
	if (!func)
		return;
	fn(c, func, arg);
	for (uint32_t i = 0; i < func->nkids; i++)
		if (func->kids[i]->kind == NODE_FUNC)
			fn(c, func->kids[i], arg);
}

struct pair {
	enum table_kind ta;
	enum column ca;
	enum table_kind tb;
	enum column cb;
	bool complete;   /* both tables list every 类 */
};

/* Totals where both tables print them; each 类 of either table. */
static void cross_pair(struct ctx *c, struct node *n, const void *arg)
{
	const struct pair *p = arg;
	if (n->kind == NODE_SECTION &&
	    (!node_figure(n, p->ta, p->ca) || !node_figure(n, p->tb, p->cb)))
		return;
	cross(c, n, p->complete && n->kind != NODE_SECTION, n, p->ta, p->ca, n, p->tb, p->cb);
}

/* 收支总表 and 财政拨款收支总表 per 类 and in total against the tables of
 * the same money. */
static void check_summaries_vs_spending(struct ctx *c)
{
	if (present(c, TK_SUMMARY) && present(c, TK_SPENDING)) {
		struct pair p = { TK_SUMMARY, COL_TOTAL, TK_SPENDING, COL_TOTAL, true };
		for_classes(c, cross_pair, &p);
	}
	if (!present(c, TK_APPROP))
		return;
	static const struct pair funds[] = {
		{ TK_APPROP, COL_GENERAL, TK_GENERAL, COL_TOTAL, true },
		{ TK_APPROP, COL_GOVFUND, TK_GOVFUND, COL_TOTAL, true },
		{ TK_APPROP, COL_STATECAP, TK_STATECAP, COL_TOTAL, true },
	};
	bool paired = false;
	for (size_t i = 0; i < sizeof funds / sizeof *funds; i++) {
		if (!present(c, funds[i].tb) || !c->has[TK_APPROP][funds[i].ca])
			continue;
		paired = true;
		for_classes(c, cross_pair, &funds[i]);
	}
	if (!paired && present(c, TK_SPENDING)) {
		/* 支出总表 may hold money other than appropriations. */
		struct pair p = { TK_APPROP, COL_TOTAL, TK_SPENDING, COL_TOTAL, false };
		for_classes(c, cross_pair, &p);
	}
}

/* 基本支出表 (general budget money) against the spending table of the
 * same money. */
static enum table_kind basic_twin(const struct ctx *c)
{
	return present(c, TK_GENERAL) ? TK_GENERAL : present(c, TK_SPENDING) ? TK_SPENDING : TK_NONE;
}

/* a of (na, ta, ca) against the sum of columns cols of (nb, tb); both
 * must have figures. */
static void cross_cols(struct ctx *c, struct node *at, const struct node *na,
                       enum table_kind ta, enum column ca, const struct node *nb,
                       enum table_kind tb, const int *cols)
{
	struct side a = value(na, ta, ca), b = {0};
	bool any_col = false;
	for (const int *col = cols; *col >= 0; col++) {
		if (!c->has[tb][*col])
			continue;
		any_col = true;
		side_add(&b, value(nb, tb, (enum column)*col));
	}
	if (!any_col || !a.any || !b.any || agree(a, b))
		return;
	char *wa = value_desc(na, ta, ca, a);
	char *row = row_label(nb, tb), *list = cols_desc(c->has[tb], cols);
	char *wb = xasprintf(_("%s %s, %s"), table_kind_name(tb), row, list);
	compare(c, FIND_CROSS, at, wa, a, wb, b);
	free(wa);
	free(row);
	free(list);
	free(wb);
}

static void check_basic_vs_spending(struct ctx *c)
{
	static const int personnel[] = { COL_WAGES, COL_FAMILY, -1 };
	static const int public_[] = { COL_GOODS, COL_CAPITAL, -1 };
	static const struct { const char *code; enum column col; } classes[] = {
		{ "301", COL_WAGES }, { "302", COL_GOODS }, { "303", COL_FAMILY },
		{ "310", COL_CAPITAL },
	};
	enum table_kind sp = basic_twin(c);
	struct node *econ = c->d->sections[SEC_ECON], *func = c->d->sections[SEC_FUNC];
	if (!present(c, TK_BASIC) || sp == TK_NONE || !econ || !func)
		return;
	cross(c, econ, false, econ, TK_BASIC, COL_TOTAL, func, sp, COL_BASIC);
	if (c->has[TK_BASIC][COL_PERSONNEL])
		cross_cols(c, econ, econ, TK_BASIC, COL_PERSONNEL, func, sp, personnel);
	if (c->has[TK_BASIC][COL_PUBLIC])
		cross_cols(c, econ, econ, TK_BASIC, COL_PUBLIC, func, sp, public_);
	for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
		if (!c->has[sp][classes[i].col])
			continue;
		struct node *k = node_find_child(econ, NODE_ECON, classes[i].code);
		struct side a = k ? value(k, TK_BASIC, COL_TOTAL) : (struct side){0};
		struct side b = value(func, sp, classes[i].col);
		if ((!a.any && !b.any) || agree(a, b))
			continue;
		char *wa = k ? value_desc(k, TK_BASIC, COL_TOTAL, a)
		             : xasprintf(_("%s %s, %s"), table_kind_name(TK_BASIC), classes[i].code,
		                         _(column_label(COL_TOTAL)));
		char *wb = value_desc(func, sp, classes[i].col, b);
		compare(c, FIND_CROSS, k ? k : econ, wa, a, wb, b);
		free(wa);
		free(wb);
	}
}

/* Calls fn on every project of the 单位与项目 section. */
static void for_projects(struct ctx *c, void (*fn)(struct ctx *, struct node *, void *),
                         void *arg)
{
	struct node *units = c->d->sections[SEC_UNITS];
	if (!units)
		return;
	for (uint32_t u = 0; u < units->nkids; u++)
		for (uint32_t i = 0; i < units->kids[u]->nkids; i++) {
			struct node *p = units->kids[u]->kids[i];
			if (p->kind == NODE_PROJECT && !node_link(p))
				fn(c, p, arg);
		}
}

struct by_type {
	struct side sum[3];   /* per enum project_type */
	bool untyped;
};

static void add_by_type(struct ctx *c, struct node *p, void *arg)
{
	struct by_type *bt = arg;
	struct side v = value(p, TK_PROJECTS, COL_TOTAL);
	(void)c;
	if (!v.any)
		return;
	if (p->sub != PT_OPERATING && p->sub != PT_SPECIFIC)
		bt->untyped = true;
	else
		side_add(&bt->sum[p->sub], v);
}

/* 项目支出表 in total, per type and per unit against 支出总表. */
static void check_projects_vs_spending(struct ctx *c)
{
	struct node *units = c->d->sections[SEC_UNITS], *func = c->d->sections[SEC_FUNC];
	if (!present(c, TK_PROJECTS) || !present(c, TK_SPENDING) || !units || !func)
		return;
	cross(c, units, false, units, TK_PROJECTS, COL_TOTAL, func, TK_SPENDING, COL_PROJECT);
	struct by_type bt = {0};
	for_projects(c, add_by_type, &bt);
	static const struct { enum project_type type; enum column col; } types[] = {
		{ PT_OPERATING, COL_OPERATING }, { PT_SPECIFIC, COL_SPECIFIC },
	};
	for (size_t i = 0; i < 2 && !bt.untyped; i++) {
		if (!c->has[TK_SPENDING][types[i].col])
			continue;
		struct side a = bt.sum[types[i].type], b = value(func, TK_SPENDING, types[i].col);
		if ((!a.any && !b.any) || agree(a, b))
			continue;
		/* TRANSLATORS: the table, then the project type (其他运转类, 特定目标类). */
		char *wa = xasprintf(_("%s, sum of %s projects"), table_kind_name(TK_PROJECTS),
		                     project_type_name(types[i].type));
		char *wb = value_desc(func, TK_SPENDING, types[i].col, b);
		compare(c, FIND_CROSS, units, wa, a, wb, b);
		free(wa);
		free(wb);
	}
	for (uint32_t u = 0; u < units->nkids; u++) {
		struct node *unit = units->kids[u];
		bool spending_row = false;
		for (uint16_t i = 0; i < unit->nfigs; i++)
			spending_row |= unit->figs[i].table == TK_SPENDING;
		if (unit->kind == NODE_UNIT && spending_row)
			cross(c, unit, true, unit, TK_PROJECTS, COL_TOTAL, unit, TK_SPENDING, COL_PROJECT);
	}
}

/* 项目绩效目标表 against 项目支出表, project by project. */
static void indicators_vs_projects(struct ctx *c, struct node *p, void *arg)
{
	(void)arg;
	if (node_figure(p, TK_INDICATORS, COL_TOTAL) && node_figure(p, TK_PROJECTS, COL_TOTAL))
		cross(c, p, false, p, TK_INDICATORS, COL_TOTAL, p, TK_PROJECTS, COL_TOTAL);
}

static struct node *sangong_item(struct node *n, int col)
{
	for (uint32_t i = 0; i < n->nkids; i++) {
		struct node *k = n->kids[i];
		if (k->kind != NODE_SANGONG)
			continue;
		if (k->sub == col)
			return k;
		struct node *deeper = sangong_item(k, col);
		if (deeper)
			return deeper;
	}
	return NULL;
}

/* 三公 items against the economic codes of 基本支出表 that hold them. */
static void check_sangong_vs_basic(struct ctx *c)
{
	static const struct { enum column col; const char *code; } items[] = {
		{ COL_ABROAD, "30212" },     /* 因公出国（境）费用 */
		{ COL_CAR_RUN, "30231" },    /* 公务用车运行维护费 */
		{ COL_RECEPTION, "30217" },  /* 公务接待费 */
	};
	struct node *sec = c->d->sections[SEC_SANGONG], *econ = c->d->sections[SEC_ECON];
	if (!present(c, TK_SANGONG) || !present(c, TK_BASIC) || !sec || !econ)
		return;
	struct node *goods = node_find_child(econ, NODE_ECON, "302");
	for (size_t i = 0; goods && i < sizeof items / sizeof *items; i++) {
		const struct node *code = node_find_child(goods, NODE_ECON, items[i].code);
		struct side b = code ? value(code, TK_BASIC, COL_TOTAL) : (struct side){0};
		if (!b.any)
			continue;
		struct node *item = sangong_item(sec, items[i].col);
		struct side a = item ? value(item, TK_SANGONG, COL_TOTAL) : (struct side){0};
		if (agree(a, b))
			continue;
		char *wa = item ? fig_desc(item, TK_SANGONG, COL_TOTAL)
		                : xasprintf(_("%s, %s"), table_kind_name(TK_SANGONG),
		                            _(column_label(items[i].col)));
		char *wb = fig_desc(code, TK_BASIC, COL_TOTAL);
		compare(c, FIND_CROSS, item ? item : sec, wa, a, wb, b);
		free(wa);
		free(wb);
	}
}

/* The income lines of 收支总表 whose source is in cols. */
static struct side income_sources(const struct ctx *c, const int *cols)
{
	struct side s = {0};
	const struct node *sec = c->d->sections[SEC_INCOME];
	for (uint32_t i = 0; sec && i < sec->nkids; i++) {
		const struct node *k = sec->kids[i];
		for (const int *col = cols; *col >= 0; col++)
			if (k->kind == NODE_INCOME && k->sub == *col) {
				const struct figure *f = node_figure(k, TK_SUMMARY, COL_TOTAL);
				if (f)
					side_add(&s, figure_side(k, f));
			}
	}
	return s;
}

/* 整体绩效目标表's 预算情况 against the department's totals. */
static void check_targets(struct ctx *c)
{
	static const int govbudget[] = { COL_GENERAL, COL_GOVFUND, COL_STATECAP, COL_CARRY_GENERAL,
	                                 COL_CARRY_GOVFUND, COL_CARRY_STATECAP, -1 };
	static const int special[] = { COL_SPECIAL, -1 };
	static const int unitfunds[] = { COL_UNITFUNDS, COL_BUSINESS, COL_ENTERPRISE, COL_SUPERIOR,
	                                 COL_SUBORDINATE, COL_OTHER, -1 };
	static const int carry_funds[] = { COL_CARRY_GENERAL, COL_CARRY_GOVFUND,
	                                   COL_CARRY_STATECAP, -1 };
	static const int carry_all[] = { COL_CARRY, -1 };
	struct node *targets = c->d->sections[SEC_TARGETS], *func = c->d->sections[SEC_FUNC];
	struct node *budget = NULL;
	for (uint32_t i = 0; targets && i < targets->nkids && !budget; i++)
		for (uint16_t j = 0; j < targets->kids[i]->nfigs && !budget; j++)
			if (targets->kids[i]->kind == NODE_LEVEL &&
			    targets->kids[i]->figs[j].table == TK_TARGETS)
				budget = targets->kids[i];
	if (!present(c, TK_TARGETS) || !budget)
		return;
	if (present(c, TK_SUMMARY))
		cross(c, budget, false, budget, TK_TARGETS, COL_TOTAL, c->d->node, TK_SUMMARY,
		      COL_SPEND_ALL);
	else if (present(c, TK_SPENDING) && func)
		cross(c, budget, false, budget, TK_TARGETS, COL_TOTAL, func, TK_SPENDING, COL_TOTAL);
	if (present(c, TK_SPENDING) && func) {
		cross(c, budget, false, budget, TK_TARGETS, COL_BASIC, func, TK_SPENDING, COL_BASIC);
		cross(c, budget, false, budget, TK_TARGETS, COL_PROJECT, func, TK_SPENDING,
		      COL_PROJECT);
	}
	/* A carry-over not split by fund cannot be told apart by source. */
	if (!present(c, TK_SUMMARY) ||
	    (income_sources(c, carry_all).any && !income_sources(c, carry_funds).any))
		return;
	static const struct { enum column col; const int *sources; } by_source[] = {
		{ COL_GOVBUDGET, govbudget }, { COL_SPECIAL, special }, { COL_UNITFUNDS, unitfunds },
	};
	for (size_t i = 0; i < sizeof by_source / sizeof *by_source; i++) {
		struct side a = value(budget, TK_TARGETS, by_source[i].col);
		struct side b = income_sources(c, by_source[i].sources);
		if ((!a.any && !b.any) || agree(a, b))
			continue;
		char *wa = fig_desc(budget, TK_TARGETS, by_source[i].col);
		char *wb = xasprintf(_("%s, sum of %s"), table_kind_name(TK_SUMMARY), _("income lines"));
		compare(c, FIND_CROSS, budget, wa, a, wb, b);
		free(wa);
		free(wb);
	}
}

/* --- codes --------------------------------------------------------------- */

static void check_codes(struct ctx *c, const struct classification *cls, struct node *n)
{
	/* Nodes the loader made (and named) itself have no published name. */
	if ((n->kind == NODE_FUNC || n->kind == NODE_ECON) && n->file) {
		enum code_scheme s = n->kind == NODE_FUNC ? SCHEME_FUNC
		                     : n->sub == 3 ? SCHEME_GECON : SCHEME_ECON;
		static const char *const scheme_names[] = {
			[SCHEME_FUNC] = N_("function classification"),
			[SCHEME_ECON] = N_("economic classification"),
			[SCHEME_GECON] = N_("government economic classification"),
		};
		/* Most codes come with their standard name, spelt the same: a
		 * plain comparison settles those, classification_check's
		 * comparison by characters the others. */
		const char *std = classification_name(cls, s, n->code);
		enum cls_result res = std && strcmp(n->name, std) == 0
		                      ? CLS_OK : classification_check(cls, s, n->code, n->name, &std);
		/* Most codes are fine: translate and quote only for a finding;
		 * the published name is cut so that a message stays short. */
		const char *scheme = res == CLS_OK ? "" : _(scheme_names[s]);
		char *name = res == CLS_OK ? NULL : text_quote(n->name, strlen(n->name));
		int year = classification_year(cls);
		switch (res) {
		case CLS_OK:
			break;
		case CLS_UNKNOWN:
			if (year)
				budget_add_finding(c->b, SEV_WARNING, FIND_CODE, n, node_origin(n), (struct origin){0},
				                   0, 0,
				                   /* TRANSLATORS: scheme, code, published name, year. */
				                   _("%s code %s '%s' is not in the national classification "
				                     "(%d edition)"), scheme, n->code, name, year);
			else
				budget_add_finding(c->b, SEV_WARNING, FIND_CODE, n, node_origin(n), (struct origin){0},
				                   0, 0,
				                   _("%s code %s '%s' is not in the national classification"),
				                   scheme, n->code, name);
			break;
		case CLS_BAD_LENGTH:
			budget_add_finding(c->b, SEV_WARNING, FIND_CODE, n, node_origin(n), (struct origin){0}, 0, 0,
			                   /* TRANSLATORS: the last %s lists the lengths: "3, 5 or 7". */
			                   _("%s code %s '%s' has the wrong number of digits (%s)"),
			                   scheme, n->code, name,
			                   s == SCHEME_FUNC ? _("3, 5 or 7") : _("3 or 5"));
			break;
		case CLS_OTHER_NAME:
			budget_add_finding(c->b, SEV_WARNING, FIND_CODE, n, node_origin(n), (struct origin){0}, 0, 0,
			                   _("%s code %s is named '%s' here but '%s' in the national "
			                     "classification; the published name is kept"),
			                   scheme, n->code, name, std ? std : "");
			break;
		}
		free(name);
	}
	for (uint32_t i = 0; i < n->nkids; i++)
		check_codes(c, cls, n->kids[i]);
}

/* --- all of it ----------------------------------------------------------- */

void checks_department(struct budget *b, struct department *d,
                       const struct classification *cls)
{
	struct ctx ctx = { .b = b, .d = d };
	struct ctx *c = &ctx;
	if (d->node) {
		scan_columns(c, d->node);
		static const enum section sums[] = { SEC_FUNC, SEC_ECON, SEC_UNITS, SEC_SANGONG };
		for (size_t i = 0; i < sizeof sums / sizeof *sums; i++)
			if (d->sections[sums[i]])
				check_sums(c, d->sections[sums[i]]);
		check_department_row(c);
		check_rows(c, d->node);
		check_summary(c, TK_SUMMARY);
		check_summary(c, TK_APPROP);
		check_income(c);
		check_summaries_vs_spending(c);
		check_basic_vs_spending(c);
		check_projects_vs_spending(c);
		for_projects(c, indicators_vs_projects, NULL);
		check_sangong_vs_basic(c);
		check_targets(c);
		if (cls)
			check_codes(c, cls, d->node);
	}
}

void checks_run(struct budget *b, const struct classification *cls)
{
	for (size_t i = 0; i < b->ndepts; i++)
		checks_department(b, b->depts[i], cls);
}
