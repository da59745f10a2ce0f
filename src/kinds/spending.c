/* 支出总表 and the tables shaped like it (一般公共预算支出表, 政府性基金表,
 * 国有资本经营表), and 收入总表: rows by function code (split 类/款/项 or
 * joined) or by unit, one amount column per header path. */
#include "config.h"

#include "kinds/kinds.h"
#include "code.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

struct layout {
	int lei, kuan, xiang;   /* split code columns, -1 when absent */
	int joined;             /* one code column */
	int unit;               /* 单位代码 */
	int name;               /* 科目名称 / 单位名称 */
	int *colmap;            /* per column: enum column or -1 */
};

static bool leaf_is(const char *path, const char *const *words)
{
	return label_is(path_leaf(path), words);
}

static void find_layout(struct reader *r, struct layout *l)
{
	static const char *const lei[] = { "类", NULL };
	static const char *const kuan[] = { "款", NULL };
	static const char *const xiang[] = { "项", NULL };
	static const char *const unit[] = { "单位代码", "单位编码", "预算单位编码", NULL };
	static const char *const name[] = { "项目", "科目", NULL };
	*l = (struct layout){ -1, -1, -1, -1, -1, -1, NULL };
	struct sheet *s = r->s;
	l->colmap = arena_alloc(&s->arena, (s->npaths ? s->npaths : 1) * sizeof *l->colmap);
	for (size_t c = 0; c < s->npaths; c++) {
		const char *p = s->paths[c];
		l->colmap[c] = -1;
		if ((int)c == s->seq_col)
			continue;
		if (leaf_is(p, lei))
			l->lei = (int)c;
		else if (leaf_is(p, kuan))
			l->kuan = (int)c;
		else if (leaf_is(p, xiang))
			l->xiang = (int)c;
		else if (leaf_is(p, unit))
			l->unit = (int)c;
		else if (label_has(path_leaf(p), "编码") || label_has(path_leaf(p), "代码"))
			l->joined = l->joined < 0 ? (int)c : l->joined;
		else if (label_has(p, "名称") || leaf_is(p, name))
			l->name = l->name < 0 ? (int)c : l->name;
		else
			l->colmap[c] = column_for_path(p);
	}
}

/* The row's function code: true with out set, false when it has none (or
 * a bad one, which is reported). */
static bool row_code(struct reader *r, const struct layout *l, const struct srow *row,
                     char *out, size_t cap, bool *bad)
{
	const char *why = NULL;
	*bad = false;
	if (l->lei >= 0) {
		const char *a = sheet_cell(row, (size_t)l->lei);
		const char *b = l->kuan >= 0 ? sheet_cell(row, (size_t)l->kuan) : "";
		const char *c = l->xiang >= 0 ? sheet_cell(row, (size_t)l->xiang) : "";
		/* A label there (合计, 其中：…) is no code. */
		if (!code_looks_like(a) && !code_looks_like(b) && !code_looks_like(c))
			return false;
		if (split_func_code(r, row, a, b, c, out, cap))
			return true;
		*bad = true;
		return false;
	}
	if (l->joined >= 0) {
		const char *a = sheet_cell(row, (size_t)l->joined);
		if (!code_looks_like(a))
			return false;
		if (code_func_joined(a, out, cap, &why))
			return true;
		bad_code(r, row, a, why);
		*bad = true;
	}
	return false;
}

static bool has_figures(struct reader *r, const struct layout *l, const struct srow *row)
{
	for (size_t c = 0; c < r->s->npaths; c++)
		if (l->colmap[c] >= 0 && sheet_cell(row, c)[0])
			return true;
	(void)r;
	return false;
}

/* 收入总表's 合计 row also gives each source its income line; a column
 * under another source's heading (单位资金/事业收入) is a line of that
 * source. */
static void income_lines(struct reader *r, const struct layout *l, struct node *section)
{
	static const char *const subtotal[] = { "小计", "合计", NULL };
	for (size_t c = 0; c < r->s->npaths; c++) {
		int col = l->colmap[c];
		const struct figure *f = col > COL_TOTAL ? node_figure(section, TK_INCOME,
		                                                       (enum column)col) : NULL;
		if (!f)
			continue;
		const char *path = r->s->paths[c];
		const char *leaf = path_leaf(path);
		char up[256] = "", label[256], up_label[256];
		if (leaf != path)
			snprintf(up, sizeof up, "%.*s", (int)(leaf - 1 - path), path);
		label_norm(path_leaf(up), up_label, sizeof up_label);
		label_norm(leaf, label, sizeof label);
		int pc = column_for_path(up);
		struct node *parent = NULL;
		if (label_is(leaf, subtotal))
			strcpy(label, up_label);   /* the heading's own total */
		else if (pc > COL_TOTAL && pc != col && node_figure(section, TK_INCOME, (enum column)pc))
			parent = income_node(r, pc, up_label, NULL, figure_origin(f));
		struct node *line = income_node(r, col, label, parent, figure_origin(f));
		if (!node_figure(line, TK_INCOME, COL_TOTAL))
			node_add_figure(r->b, line, TK_INCOME, COL_TOTAL, f->fen, figure_origin(f));
	}
}

void read_spending(struct reader *r, enum table_kind kind)
{
	struct layout l;
	find_layout(r, &l);
	struct node *section = section_node(r, kind == TK_INCOME ? SEC_INCOME : SEC_FUNC);
	bool dept_row = false;

	for (size_t i = 0; i < r->s->nrows; i++) {
		const struct srow *row = &r->s->rows[i];
		if (row->role != ROW_DATA)
			continue;
		struct origin at = row_origin(r, row);
		const char *name = l.name >= 0 ? sheet_cell(row, (size_t)l.name) : "";
		char code[16];
		bool bad;
		if (row_code(r, &l, row, code, sizeof code, &bad)) {
			add_row_figures(r, row, l.colmap, kind, func_node(r, code, name, at));
			continue;
		}
		if (bad)
			continue;
		const char *ucell = l.unit >= 0 ? sheet_cell(row, (size_t)l.unit) : "";
		if (code_looks_like(ucell)) {
			char ucode[16];
			const char *why;
			if (!code_unit(ucell, ucode, sizeof ucode, &why)) {
				bad_code(r, row, ucell, why);
				continue;
			}
			/* A 3-digit unit code is the department itself. */
			bool dept = strlen(ucode) <= 3;
			struct node *n = dept ? r->d->node : unit_node(r, ucode, name, at);
			add_row_figures(r, row, l.colmap, kind, n);
			dept_row |= dept;
			continue;
		}
		if (row_is_total(row, name, l.colmap)) {
			add_row_figures(r, row, l.colmap, kind, section);
			if (kind == TK_INCOME)
				income_lines(r, &l, section);
			continue;
		}
		if (has_figures(r, &l, row))
			diag_add(&r->b->diags, r->s->file, row->record, SEV_WARNING,
			         _("a row with figures but no code or unit: skipped"));
	}
	/* Without a row of the department itself, the table's 合计 row is
	 * the department's total (its amount in a collection, its status
	 * line, the checks against the other tables). */
	if (!dept_row)
		for (uint16_t i = 0; i < section->nfigs; i++) {
			const struct figure *f = &section->figs[i];
			if (f->table == kind)
				node_add_figure(r->b, r->d->node, kind, (enum column)f->column, f->fen,
				                figure_origin(f));
		}
	sum_up(r, section_node(r, SEC_FUNC), kind);
}
