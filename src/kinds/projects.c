/* 项目支出表: one row per project (type, name, unit, amounts by fund),
 * after a total row and unit rows.  Projects hang under their unit; where
 * the table names a 功能科目 (one code column, or 类/款/项 columns), the
 * project also shows under that 项. */
#include "config.h"

#include "kinds/kinds.h"
#include "code.h"
#include "i18n.h"

#include <string.h>

struct layout {
	int type, name, unit, code;
	int func, lei, kuan, xiang;   /* 功能科目: joined, or split; -1 when absent */
	int funcname;
	int *colmap;
};

static void find_layout(struct reader *r, struct layout *l)
{
	static const char *const type[] = { "类型", "项目类型", "项目类别", NULL };
	static const char *const name[] = { "项目名称", NULL };
	static const char *const unit[] = { "项目单位", "单位名称", "预算单位", "单位", NULL };
	static const char *const code[] = { "项目编码", "项目代码", NULL };
	static const char *const lei[] = { "类", NULL };
	static const char *const kuan[] = { "款", NULL };
	static const char *const xiang[] = { "项", NULL };
	struct sheet *s = r->s;
	*l = (struct layout){ -1, -1, -1, -1, -1, -1, -1, -1, -1, NULL };
	l->colmap = arena_alloc(&s->arena, (s->npaths ? s->npaths : 1) * sizeof *l->colmap);
	for (size_t c = 0; c < s->npaths; c++) {
		const char *p = s->paths[c];
		const char *leaf = path_leaf(p);
		l->colmap[c] = -1;
		if ((int)c == s->seq_col)
			continue;
		if (label_is(leaf, type))
			l->type = (int)c;
		else if (label_is(leaf, name))
			l->name = (int)c;
		else if (label_is(leaf, unit))
			l->unit = (int)c;
		else if (label_is(leaf, code))
			l->code = (int)c;
		else if (label_has(p, "功能") && (label_has(leaf, "编码") || label_has(leaf, "代码")))
			l->func = (int)c;
		else if (label_is(leaf, lei))
			l->lei = (int)c;
		else if (label_is(leaf, kuan))
			l->kuan = (int)c;
		else if (label_is(leaf, xiang))
			l->xiang = (int)c;
		else if (label_has(p, "功能") && label_has(leaf, "名称"))
			l->funcname = (int)c;
		else
			l->colmap[c] = column_for_path(p);
	}
}

static enum project_type project_type(const char *cell)
{
	if (label_has(cell, "运转"))
		return PT_OPERATING;
	if (label_has(cell, "特定"))
		return PT_SPECIFIC;
	return PT_UNKNOWN;
}

/* The row's 功能科目 code: true with out set; false when it names none
 * (or a bad one, which is reported). */
static bool func_code(struct reader *r, const struct layout *l, const struct srow *row,
                      char *out, size_t cap)
{
	const char *why;
	if (l->func >= 0) {
		const char *cell = sheet_cell(row, (size_t)l->func);
		if (!cell[0])
			return false;
		if (code_func_joined(cell, out, cap, &why))
			return true;
		bad_code(r, row, cell, why);
		return false;
	}
	if (l->lei < 0)
		return false;
	const char *a = sheet_cell(row, (size_t)l->lei);
	const char *b = l->kuan >= 0 ? sheet_cell(row, (size_t)l->kuan) : "";
	const char *c = l->xiang >= 0 ? sheet_cell(row, (size_t)l->xiang) : "";
	return (a[0] || b[0] || c[0]) && split_func_code(r, row, a, b, c, out, cap);
}

static void hang_under_func(struct reader *r, const struct layout *l, const struct srow *row,
                            struct node *project)
{
	char code[16];
	if (!func_code(r, l, row, code, sizeof code))
		return;
	const char *fname = l->funcname >= 0 ? sheet_cell(row, (size_t)l->funcname) : NULL;
	struct node *item = func_node(r, code, NULL, (struct origin){0});
	if (fname && fname[0] && item->file == 0 && strcmp(item->name, item->code) == 0)
		item->name = budget_string(r->b, fname);
	struct node *ref = node_new(r->b, item, NODE_PROJECT, project->code, project->name,
	                            node_origin(project));
	ref->sub = project->sub;
	node_set_link(ref, project);
	for (uint16_t i = 0; i < project->nfigs; i++)
		node_add_figure(r->b, ref, project->figs[i].table, project->figs[i].column,
		                project->figs[i].fen, figure_origin(&project->figs[i]));
}

void read_projects(struct reader *r)
{
	struct layout l;
	find_layout(r, &l);
	if (l.name < 0) {
		diag_add(&r->b->diags, r->s->file, 0, SEV_WARNING,
		         _("no 项目名称 column found in the header: the table was not read"));
		return;
	}
	struct node *section = section_node(r, SEC_UNITS);
	struct node *unit = NULL;
	for (size_t i = 0; i < r->s->nrows; i++) {
		const struct srow *row = &r->s->rows[i];
		if (row->role != ROW_DATA)
			continue;
		struct origin at = row_origin(r, row);
		const char *type = l.type >= 0 ? sheet_cell(row, (size_t)l.type) : "";
		const char *name = sheet_cell(row, (size_t)l.name);
		const char *uname = l.unit >= 0 ? sheet_cell(row, (size_t)l.unit) : "";
		char ucode[16];
		const char *why;
		if (!name[0] || label_is_total(name) || label_is_total(type)) {
			add_row_figures(r, row, l.colmap, TK_PROJECTS, section);
			continue;
		}
		/* A unit row puts the unit's code where the project name goes. */
		if (!type[0] && code_looks_like(name)) {
			if (!code_unit(name, ucode, sizeof ucode, &why)) {
				bad_code(r, row, name, why);
				continue;
			}
			struct node *n = strlen(ucode) <= 3 ? r->d->node
			                                    : (unit = unit_node(r, ucode, uname, at));
			add_row_figures(r, row, l.colmap, TK_PROJECTS, n);
			continue;
		}
		struct node *owner = uname[0] ? unit_node(r, NULL, uname, (struct origin){0})
		                    : unit ? unit : unit_node(r, NULL, r->d->name, (struct origin){0});
		char pcode[40] = "";
		if (l.code >= 0) {
			const char *cell = sheet_cell(row, (size_t)l.code);
			if (cell[0] && !code_project(cell, pcode, sizeof pcode, &why)) {
				bad_code(r, row, cell, why);
				pcode[0] = '\0';
			}
		}
		struct node *p = node_new(r->b, owner, NODE_PROJECT, pcode, name, at);
		p->sub = (uint8_t)project_type(type);
		add_row_figures(r, row, l.colmap, TK_PROJECTS, p);
		hang_under_func(r, &l, row, p);
	}
	sum_up(r, section, TK_PROJECTS);
}
