/* 整体绩效目标表: the department's yearly goal, its main tasks, the budget
 * summary, then indicators 一级 → 二级 → 三级 → 指标值 (+ 指标值说明).  The
 * sheet is a form more than a table, so rows are read by their labels. */
#include "config.h"

#include "kinds/kinds.h"
#include "i18n.h"

#include <string.h>

enum part { PART_NONE, PART_TASKS, PART_BUDGET, PART_INDICATORS };

struct cols { int l1, l2, l3, value, note; };

static bool indicator_header(const struct srow *row, struct cols *c)
{
	static const char *const l1[] = { "一级指标", NULL };
	static const char *const l2[] = { "二级指标", NULL };
	static const char *const l3[] = { "三级指标", NULL };
	static const char *const v[] = { "指标值", "目标值", NULL };
	static const char *const note[] = { "指标值说明", "指标说明", "备注", NULL };
	*c = (struct cols){ -1, -1, -1, -1, -1 };
	for (size_t i = 0; i < row->ncells; i++) {
		const char *cell = row->cells[i];
		if (label_is(cell, l1)) c->l1 = (int)i;
		else if (label_is(cell, l2)) c->l2 = (int)i;
		else if (label_is(cell, l3)) c->l3 = (int)i;
		else if (label_is(cell, v)) c->value = (int)i;
		else if (label_is(cell, note)) c->note = (int)i;
	}
	return c->l1 >= 0 && c->l3 >= 0 && c->value >= 0;
}

/* The budget lines: "部门预算总额（万元）", "1、资金来源：（1）政府预算资金" … */
static int budget_column(const char *label)
{
	if (label_has(label, "总额"))
		return COL_TOTAL;
	if (label_has(label, "政府预算资金"))
		return COL_GOVBUDGET;
	if (label_has(label, "财政专户"))
		return COL_SPECIAL;
	if (label_has(label, "单位资金"))
		return COL_UNITFUNDS;
	if (label_has(label, "基本支出"))
		return COL_BASIC;
	if (label_has(label, "项目支出"))
		return COL_PROJECT;
	return -1;
}

static void read_budget_line(struct reader *r, struct node *budget, const struct srow *row)
{
	int at;
	const char *label = first_text(row, 1, &at);
	if (!label[0])
		return;
	int64_t fen = 0;
	bool has = false;
	for (size_t c = (size_t)at + 1; c < row->ncells && !has; c++)
		if (row->cells[c][0])
			has = cell_amount(r, row, c, &fen, budget);
	struct node *line = node_new(r->b, budget, NODE_TEXT, "", label, row_origin(r, row));
	if (!has)
		return;
	node_add_figure(r->b, line, TK_TARGETS, COL_TOTAL, fen, row_origin(r, row));
	int col = budget_column(label);
	if (col >= 0 && !node_figure(budget, TK_TARGETS, (enum column)col))
		node_add_figure(r->b, budget, TK_TARGETS, (enum column)col, fen, row_origin(r, row));
}

void read_targets(struct reader *r)
{
	static const char *const goal[] = { "年度履职目标", "年度总体目标", "总体目标", NULL };
	static const char *const tasks[] = { "年度主要任务", "主要任务", NULL };
	static const char *const budget_words[] = { "预算情况", "年度预算情况", NULL };
	static const char *const task_heads[] = { "任务名称", "主要内容", NULL };
	struct sheet *s = r->s;
	struct node *sec = section_node(r, SEC_TARGETS);
	struct node *tasks_node = NULL, *budget = NULL, *level1 = NULL, *level2 = NULL;
	struct cols cols = { -1, -1, -1, -1, -1 };
	enum part part = PART_NONE;

	for (size_t i = 0; i < s->nrows; i++) {
		const struct srow *row = &s->rows[i];
		if (row->role == ROW_TITLE || row->role == ROW_BLANK || row->role == ROW_NOTE)
			continue;
		struct origin at = row_origin(r, row);
		const char *first = sheet_cell(row, 0);
		int where;
		struct cols header;
		if (indicator_header(row, &header)) {
			cols = header;
			part = PART_INDICATORS;
			continue;
		}
		if (label_is(first, goal)) {
			struct node *n = node_new(r->b, sec, NODE_TEXT, "", first, at);
			node_set_text(r->b, n, first_text(row, 1, &where), NULL);
			part = PART_NONE;
			continue;
		}
		if (label_is(first, tasks)) {
			tasks_node = node_new(r->b, sec, NODE_LEVEL, "", first, at);
			part = PART_TASKS;
		} else if (label_is(first, budget_words)) {
			budget = node_new(r->b, sec, NODE_LEVEL, "", first, at);
			part = PART_BUDGET;
		} else if (first[0] && part != PART_INDICATORS) {
			continue;   /* 部门名称 and other form lines */
		}
		switch (part) {
		case PART_TASKS: {
			const char *name = first_text(row, 1, &where);
			if (!name[0] || label_is(name, task_heads))
				break;
			struct node *n = node_new(r->b, tasks_node, NODE_TEXT, "", name, at);
			int vat;
			node_set_text(r->b, n, first_text(row, (size_t)where + 1, &vat), NULL);
			break;
		}
		case PART_BUDGET:
			read_budget_line(r, budget, row);
			break;
		case PART_INDICATORS: {
			const char *c1 = sheet_cell(row, (size_t)cols.l1);
			const char *c2 = cols.l2 >= 0 ? sheet_cell(row, (size_t)cols.l2) : "";
			const char *name = sheet_cell(row, (size_t)cols.l3);
			if (c1[0]) {
				level1 = node_new(r->b, sec, NODE_LEVEL, "", c1, at);
				level1->sub = 1;
				level2 = NULL;
			}
			if (c2[0] && level1) {
				level2 = node_new(r->b, level1, NODE_LEVEL, "", c2, at);
				level2->sub = 2;
			}
			if (!name[0])
				break;
			struct node *parent = level2 ? level2 : level1;
			if (!parent) {
				diag_add(&r->b->diags, s->file, row->record, SEV_WARNING,
				         _("indicator '%s' has no 一级指标: skipped"), name);
				break;
			}
			struct node *n = node_new(r->b, parent, NODE_INDICATOR, "", name, at);
			node_set_text(r->b, n, sheet_cell(row, (size_t)cols.value),
			              cols.note >= 0 ? sheet_cell(row, (size_t)cols.note) : NULL);
			break;
		}
		case PART_NONE:
			break;
		}
	}
}
