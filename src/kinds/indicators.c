/* 项目绩效目标表 in its two layouts.
 *
 * Wide (Henan): one block per project; its first row has the code, name and
 * amounts; each row of the block has up to one indicator per group, as
 * (三级指标, 指标值) column pairs under 成本/产出/效益/满意度指标.  Rows with a
 * unit code group the projects under them.
 *
 * Long (Hebei): one small table per project, titled with its name, with
 * 一级/二级/三级指标 columns; a 成本指标 二级指标 under 产出指标 belongs to
 * the 成本指标 group. */
#include "config.h"

#include "kinds/kinds.h"
#include "code.h"
#include "i18n.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static const char *const group_names[GRP__COUNT] = {
	[GRP_COST] = "成本指标", [GRP_OUTPUT] = "产出指标",
	[GRP_EFFECT] = "效益指标", [GRP_SATISFACTION] = "满意度指标",
};

static int group_of(const char *label)
{
	if (label_has(label, "成本"))
		return GRP_COST;
	if (label_has(label, "产出"))
		return GRP_OUTPUT;
	if (label_has(label, "效益"))
		return GRP_EFFECT;
	if (label_has(label, "满意"))
		return GRP_SATISFACTION;
	return -1;
}

/* The group of an indicator under 一级指标 l1 and 二级指标 l2: a 成本
 * 二级指标 counts as 成本 whatever its 一级 (Hebei puts it under 产出). */
static int indicator_group(const char *l1, const char *l2)
{
	return group_of(l2) == GRP_COST ? GRP_COST : group_of(l1);
}

static struct node *group_node(struct reader *r, struct node *project, int g)
{
	for (uint32_t i = 0; i < project->nkids; i++)
		if (project->kids[i]->kind == NODE_GROUP && project->kids[i]->sub == g)
			return project->kids[i];
	/* Every project shows its four groups in the standard order, so that a
	 * missing 成本指标 is visible as an empty group. */
	struct node *n = NULL;
	for (int k = 0; k < GRP__COUNT; k++) {
		struct node *made = node_new(r->b, project, NODE_GROUP, "", "", (struct origin){0});
		made->name = group_names[k];   /* static: no copy, no lookup */
		made->sub = (uint8_t)k;
		if (k == g)
			n = made;
	}
	return n;
}

static void add_indicator(struct reader *r, struct node *project, int g,
                          const char *name, const char *value, const char *note,
                          struct origin at)
{
	struct node *grp = group_node(r, project, g);
	struct node *n = node_new(r->b, grp, NODE_INDICATOR, "", name, at);
	node_set_text(r->b, n, value, note);
}

/* Names that differ in one character (a typo between two tables). */
static bool one_char_apart(const char *a, const char *b)
{
	uint32_t x[256], y[256];
	size_t nx = 0, ny = 0;
	for (size_t n = strlen(a); n && nx < 256;) {
		size_t k = utf8_next(a, n, &x[nx++]);
		a += k, n -= k;
	}
	for (size_t n = strlen(b); n && ny < 256;) {
		size_t k = utf8_next(b, n, &y[ny++]);
		b += k, n -= k;
	}
	if (nx > ny + 1 || ny > nx + 1)
		return false;
	size_t i = 0;
	while (i < nx && i < ny && x[i] == y[i])
		i++;
	size_t ex = nx, ey = ny;
	while (ex > i && ey > i && x[ex - 1] == y[ey - 1])
		ex--, ey--;
	return ex - i <= 1 && ey - i <= 1;
}

static bool same_amount(const struct node *p, int64_t fen, bool has)
{
	const struct figure *f = node_figure(p, TK_PROJECTS, COL_TOTAL);
	return has && f && f->fen == fen;
}

/* The project of 项目支出表 this row stands for: by code, else by name and
 * amount (a one-character name difference tolerated), within the unit
 * first, then anywhere; only projects not yet matched. */
static struct node *match_project(struct reader *r, struct node *unit, const char *code,
                                  const char *name, int64_t fen, bool has)
{
	struct node *units = section_node(r, SEC_UNITS);
	for (int pass = 0; pass < 4; pass++) {
		for (int scope = 0; scope < 2; scope++) {
			for (uint32_t u = 0; u < units->nkids; u++) {
				struct node *un = units->kids[u];
				if ((scope == 0) != (un == unit))
					continue;
				for (uint32_t i = 0; i < un->nkids; i++) {
					struct node *p = un->kids[i];
					if (p->kind != NODE_PROJECT || node_figure(p, TK_INDICATORS, COL_TOTAL))
						continue;
					bool hit = false;
					switch (pass) {
					case 0: hit = code[0] && strcmp(p->code, code) == 0; break;
					case 1: hit = strcmp(p->name, name) == 0 && same_amount(p, fen, has); break;
					case 2: hit = one_char_apart(p->name, name) && same_amount(p, fen, has); break;
					case 3: hit = strcmp(p->name, name) == 0; break;
					}
					if (hit)
						return p;
				}
			}
		}
	}
	return NULL;
}

static struct node *project_for(struct reader *r, struct node *unit, const char *code,
                                const char *name, int64_t fen, bool has, struct origin at)
{
	struct node *p = match_project(r, unit, code, name, fen, has);
	if (!p) {
		if (!unit)
			unit = unit_node(r, NULL, r->d->name, (struct origin){0});
		return node_new(r->b, unit, NODE_PROJECT, code, name, at);
	}
	if (code[0] && !p->code[0])
		p->code = budget_code(r->b, code);
	if (strcmp(p->name, name) != 0)
		node_set_text(r->b, p, NULL, name);
	return p;
}

/* --- wide layout -------------------------------------------------------- */

/* The columns of one indicator per group: 二级指标 (optional), 三级指标
 * and 指标值. */
struct pair { int group, level2, name, value; };

enum { PAIRS_MAX = 16 };

static void read_wide(struct reader *r)
{
	struct sheet *s = r->s;
	int code_col = -1, name_col = -1;
	int *colmap = arena_alloc(&s->arena, (s->npaths ? s->npaths : 1) * sizeof *colmap);
	struct pair pairs[PAIRS_MAX];
	int npairs = 0;
	for (size_t c = 0; c < s->npaths; c++) {
		const char *p = s->paths[c];
		const char *leaf = path_leaf(p);
		colmap[c] = -1;
		int g = group_of(p);
		if ((int)c == s->seq_col)
			continue;
		struct pair *last = npairs && pairs[npairs - 1].group == g ? &pairs[npairs - 1] : NULL;
		if (g >= 0 && label_has(leaf, "二级指标")) {
			if (npairs < PAIRS_MAX)
				pairs[npairs++] = (struct pair){ g, (int)c, -1, -1 };
		} else if (g >= 0 && label_has(leaf, "指标值")) {
			if (last && last->value < 0)
				last->value = (int)c;
		} else if (g >= 0 && (label_has(leaf, "指标") || leaf == p)) {
			if (last && last->name < 0 && last->value < 0)
				last->name = (int)c;
			else if (npairs < PAIRS_MAX)
				pairs[npairs++] = (struct pair){ g, -1, (int)c, -1 };
		} else if (code_col < 0 && (label_has(leaf, "编码") || label_has(leaf, "代码"))) {
			code_col = (int)c;
		} else if (name_col < 0 && label_has(leaf, "名称")) {
			name_col = (int)c;
		} else {
			colmap[c] = column_for_path(p);
		}
	}
	if (code_col < 0 || name_col < 0 || !npairs) {
		diag_add(&r->b->diags, s->file, 0, SEV_WARNING,
		         _("the header has no code, name or indicator columns: the table was not read"));
		return;
	}
	int total_col = -1;
	for (size_t c = 0; c < s->npaths && total_col < 0; c++)
		if (colmap[c] == COL_TOTAL)
			total_col = (int)c;

	struct node *unit = NULL, *project = NULL;
	const char *level2[PAIRS_MAX] = {0};   /* carried down a project's block */
	for (size_t i = 0; i < s->nrows; i++) {
		const struct srow *row = &s->rows[i];
		if (row->role != ROW_DATA)
			continue;
		struct origin at = row_origin(r, row);
		const char *code = sheet_cell(row, (size_t)code_col);
		const char *name = sheet_cell(row, (size_t)name_col);
		if (code[0] || name[0]) {
			if (!code_looks_like(code) && (label_is_total(code) || label_is_total(name))) {
				add_row_figures(r, row, colmap, TK_INDICATORS, section_node(r, SEC_UNITS));
				project = NULL;
				continue;
			}
			char norm[CODE_SIZE] = "";
			const char *why;
			if (code[0] && code_unit(code, norm, sizeof norm, &why)) {
				struct node *n = strlen(norm) <= 3 ? r->d->node
				                 : (unit = unit_node(r, norm, name, at));
				add_row_figures(r, row, colmap, TK_INDICATORS, n);
				project = NULL;
				continue;
			}
			/* A project whose code cannot be read still is a project. */
			if (code[0] && !code_project(code, norm, sizeof norm, &why)) {
				bad_code(r, row, code, why);
				norm[0] = '\0';
			}
			int64_t fen = 0;
			const char *tc = total_col >= 0 ? sheet_cell(row, (size_t)total_col) : "";
			bool has = amount_parse(tc, strlen(tc), s->unit, &fen, NULL) == AMOUNT_OK;
			project = project_for(r, unit, norm, name, fen, has, at);
			add_row_figures(r, row, colmap, TK_INDICATORS, project);
			for (int g = 0; g < GRP__COUNT; g++)
				group_node(r, project, g);
			for (int k = 0; k < npairs; k++)
				level2[k] = "";
		}
		for (int k = 0; k < npairs; k++) {
			const struct pair *pr = &pairs[k];
			if (pr->level2 >= 0 && sheet_cell(row, (size_t)pr->level2)[0])
				level2[k] = sheet_cell(row, (size_t)pr->level2);
			const char *iname = pr->name >= 0 ? sheet_cell(row, (size_t)pr->name) : "";
			const char *ivalue = pr->value >= 0 ? sheet_cell(row, (size_t)pr->value) : "";
			if (!iname[0] && !ivalue[0])
				continue;
			if (!project) {
				diag_add(&r->b->diags, s->file, row->record, SEV_WARNING,
				         _("an indicator before any project: skipped"));
				break;
			}
			/* The column's group, unless a 成本 二级指标 says otherwise
			 * (indicator_group of the group's own name). */
			int g = level2[k][0] && group_of(level2[k]) == GRP_COST ? GRP_COST : pr->group;
			add_indicator(r, project, g, iname, ivalue, level2[k], at);
		}
	}
}

/* --- long layout -------------------------------------------------------- */

struct long_cols { int l1, l2, l3, value; };

static bool long_header(const struct srow *row, struct long_cols *c)
{
	static const char *const l1[] = { "一级指标", NULL };
	static const char *const l2[] = { "二级指标", NULL };
	static const char *const l3[] = { "三级指标", NULL };
	static const char *const v[] = { "指标值", "目标值", NULL };
	*c = (struct long_cols){ -1, -1, -1, -1 };
	/* Every row of the sheet comes here: most have fewer than the three
	 * cells a header needs, or no 一级指标 at all. */
	size_t filled = 0;
	for (size_t i = 0; i < row->ncells; i++)
		filled += row->cells[i][0] != '\0';
	bool any = false;
	for (size_t i = 0; i < row->ncells && filled >= 3 && !any; i++)
		any = label_is(row->cells[i], l1);
	if (!any)
		return false;
	for (size_t i = 0; i < row->ncells; i++) {
		if (label_is(row->cells[i], l1)) c->l1 = (int)i;
		else if (label_is(row->cells[i], l2)) c->l2 = (int)i;
		else if (label_is(row->cells[i], l3)) c->l3 = (int)i;
		else if (label_is(row->cells[i], v) && c->value < 0) c->value = (int)i;
	}
	return c->l1 >= 0 && c->l3 >= 0 && c->value >= 0;
}

/* "1、示例项目经费绩效目标表" → "示例项目经费" */
static const char *block_project_name(struct reader *r, const char *title)
{
	char norm[256];
	label_norm(title, norm, sizeof norm);
	char *name = norm;
	if (strncmp(name, "《", 3) == 0)
		name += 3;
	char *end = strstr(name, "绩效目标");
	if (end)
		*end = '\0';
	size_t len = strlen(name);
	if (len >= 3 && strcmp(name + len - 3, "》") == 0)
		name[len - 3] = '\0';
	return budget_string(r->b, name);
}

static bool is_long_layout(const struct sheet *s)
{
	struct long_cols c;
	for (size_t i = 0; i < s->nrows; i++)
		if (long_header(&s->rows[i], &c))
			return true;
	return false;
}

static void read_long(struct reader *r)
{
	struct sheet *s = r->s;
	struct long_cols cols = { -1, -1, -1, -1 };
	struct node *project = NULL;
	const char *l1 = "", *l2 = "";
	static const char *const name_words[] = { "项目名称", NULL };
	static const char *const goal_words[] = { "绩效目标", "项目绩效目标", "年度绩效目标",
	                                          "年度目标", NULL };
	/* The next block's project: named by its title (the first block's is
	 * the sheet's), or better by a 项目名称 row of the block's form; and
	 * its goal, from the 绩效目标 row of that form. */
	const char *pending = s->title ? block_project_name(r, s->title) : NULL;
	const char *goal = NULL;
	for (size_t i = 0; i < s->nrows; i++) {
		const struct srow *row = &s->rows[i];
		if (row->role == ROW_BLANK || row->role == ROW_NOTE)
			continue;
		const char *first = sheet_cell(row, 0);
		if (row->ncells == 1 && strstr(first, "绩效目标")) {
			pending = block_project_name(r, first);
			project = NULL;
			continue;
		}
		/* A line of the block's form: the text after its label. */
		bool named = label_is(first, name_words);
		if (named || label_is(first, goal_words)) {
			int where;
			const char *text = first_text(row, 1, &where);
			if (text[0] && named)
				pending = text;
			else if (text[0])
				goal = text;
			project = NULL;
			continue;
		}
		struct long_cols header;
		if (long_header(row, &header)) {
			cols = header;
			if (pending) {
				project = project_for(r, NULL, "", pending, 0, false, row_origin(r, row));
				for (int g = 0; g < GRP__COUNT; g++)
					group_node(r, project, g);
				if (goal)
					node_set_text(r->b, project, goal, node_note(project));
				pending = goal = NULL;
			} else if (!project) {
				diag_add(&r->b->diags, s->file, row->record, SEV_WARNING,
				         _("indicators without a project title or 项目名称 row: skipped"));
			}
			l1 = l2 = "";
			continue;
		}
		if (!project || cols.l1 < 0 || row->role == ROW_TITLE)
			continue;
		const char *c1 = sheet_cell(row, (size_t)cols.l1);
		const char *c2 = cols.l2 >= 0 ? sheet_cell(row, (size_t)cols.l2) : "";
		if (c1[0])
			l1 = c1, l2 = "";
		if (c2[0])
			l2 = c2;
		const char *name = sheet_cell(row, (size_t)cols.l3);
		const char *value = sheet_cell(row, (size_t)cols.value);
		if (!name[0] && !value[0])
			continue;
		int g = indicator_group(l1, l2);
		if (g < 0) {
			diag_add(&r->b->diags, s->file, row->record, SEV_WARNING,
			         _("indicator '%s' is in no known group (%s): skipped"), name, l1);
			continue;
		}
		add_indicator(r, project, g, name, value, l2, row_origin(r, row));
	}
}

void read_indicators(struct reader *r)
{
	if (is_long_layout(r->s))
		read_long(r);
	else
		read_wide(r);
}
