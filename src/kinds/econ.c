/* 基本支出表 and 经济分类汇总表: rows by economic code (joined 30101 or
 * split 301,01) with the government economic class beside it.  A code on
 * several rows adds up; each government class becomes a child line. */
#include "config.h"

#include "kinds/kinds.h"
#include "code.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

struct layout {
	int code, name;          /* 部门预算支出经济分类 */
	int lei, kuan;           /* split code columns */
	int gcode, gname;        /* 政府预算支出经济分类 */
	int *colmap;
};

static void find_layout(struct reader *r, struct layout *l)
{
	static const char *const lei[] = { "类", NULL };
	static const char *const kuan[] = { "款", NULL };
	struct sheet *s = r->s;
	*l = (struct layout){ -1, -1, -1, -1, -1, -1, NULL };
	l->colmap = arena_alloc(&s->arena, (s->npaths ? s->npaths : 1) * sizeof *l->colmap);
	for (size_t c = 0; c < s->npaths; c++) {
		const char *p = s->paths[c];
		const char *leaf = path_leaf(p);
		bool gov = label_has(p, "政府预算");
		l->colmap[c] = -1;
		if ((int)c == s->seq_col)
			continue;
		if (label_is(leaf, lei))
			l->lei = (int)c;
		else if (label_is(leaf, kuan))
			l->kuan = (int)c;
		else if (label_has(leaf, "编码") || label_has(leaf, "代码")) {
			if (gov)
				l->gcode = (int)c;
			else if (l->code < 0)
				l->code = (int)c;
		} else if (label_has(leaf, "名称")) {
			if (gov)
				l->gname = (int)c;
			else if (l->name < 0)
				l->name = (int)c;
		} else
			l->colmap[c] = column_for_path(p);
	}
}

void read_econ(struct reader *r, enum table_kind kind)
{
	struct layout l;
	find_layout(r, &l);
	struct node *section = section_node(r, SEC_ECON);

	for (size_t i = 0; i < r->s->nrows; i++) {
		const struct srow *row = &r->s->rows[i];
		if (row->role != ROW_DATA)
			continue;
		struct origin at = row_origin(r, row);
		const char *name = l.name >= 0 ? sheet_cell(row, (size_t)l.name) : "";
		const char *why = NULL;
		char code[16];
		bool have = false, bad = false;
		/* A label where the codes go (合计, 其中：…) is no code. */
		if (l.lei >= 0) {
			const char *a = sheet_cell(row, (size_t)l.lei);
			const char *b = l.kuan >= 0 ? sheet_cell(row, (size_t)l.kuan) : "";
			if (code_looks_like(a) || code_looks_like(b)) {
				have = code_econ_split(a, b, code, sizeof code, &why);
				if (!have) {
					char both[64];
					snprintf(both, sizeof both, "%s,%s", a, b);
					bad_code(r, row, both, why);
					bad = true;
				}
			}
		} else if (l.code >= 0 && code_looks_like(sheet_cell(row, (size_t)l.code))) {
			const char *a = sheet_cell(row, (size_t)l.code);
			have = code_econ_joined(a, code, sizeof code, &why);
			if (!have) {
				bad_code(r, row, a, why);
				bad = true;
			}
		}
		if (bad)
			continue;
		if (!have) {
			if (row_is_total(row, name, l.colmap))
				add_row_figures(r, row, l.colmap, kind, section);
			continue;
		}
		struct node *n = econ_node(r, code, name, at);
		add_row_figures(r, row, l.colmap, kind, n);
		const char *gcell = l.gcode >= 0 ? sheet_cell(row, (size_t)l.gcode) : "";
		if (gcell[0]) {
			char gcode[16];
			if (!code_econ_joined(gcell, gcode, sizeof gcode, &why)) {
				bad_code(r, row, gcell, why);
				continue;
			}
			struct node *g = node_find_child(n, NODE_ECON, gcode);
			if (!g) {
				const char *gname = l.gname >= 0 ? sheet_cell(row, (size_t)l.gname) : "";
				g = node_new(r->b, n, NODE_ECON, gcode, gname, at);
				g->sub = 3;   /* a government class under a 款 */
			}
			add_row_figures(r, row, l.colmap, kind, g);
		}
	}
	sum_up(r, section, kind);
}
