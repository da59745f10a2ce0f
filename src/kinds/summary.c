/* 收支总表 and 财政拨款收支总表: income lines beside spending lines.  Each
 * side is a 项目 column followed by its amount columns.  Income lines
 * become income nodes (one per source); spending lines are 类 named in
 * words ("八、社会保障和就业"), found in the classification by name. */
#include "config.h"

#include "kinds/kinds.h"
#include "code.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

enum { SIDE_MAX = 2, AMOUNTS_MAX = 8 };

struct side {
	bool income;
	int label;
	int amount[AMOUNTS_MAX];   /* columns */
	int column[AMOUNTS_MAX];   /* enum column of each amount column */
	int namount;
};

static int find_sides(struct reader *r, struct side *sides)
{
	static const char *const label_words[] = { "项目", "收入项目", "支出项目", "科目", NULL };
	struct sheet *s = r->s;
	int n = 0;
	for (size_t c = 0; c < s->npaths; c++) {
		const char *p = s->paths[c];
		if (label_is(path_leaf(p), label_words)) {
			if (n == SIDE_MAX)
				break;
			sides[n] = (struct side){ .income = !label_has(p, "支出"), .label = (int)c };
			n++;
		} else if (n && sides[n - 1].namount < AMOUNTS_MAX && (int)c != s->seq_col) {
			struct side *sd = &sides[n - 1];
			int col = column_for_path(p);
			/* The first amount column of a side is its total (金额, 合计). */
			if (col < 0 || (sd->namount == 0 && col != COL_TOTAL))
				col = sd->namount == 0 ? COL_TOTAL : -1;
			if (col < 0)
				continue;
			sd->amount[sd->namount] = (int)c;
			sd->column[sd->namount] = col;
			sd->namount++;
		}
	}
	return n;
}

/* Totals lines of either side, by their normalised label. */
static const struct {
	const char *word;
	int column;
} totals[] = {
	{ "本年收入合计", COL_INCOME_YEAR }, { "本年收入", COL_INCOME_YEAR },
	{ "收入总计", COL_INCOME_ALL }, { "收入合计", COL_INCOME_ALL },
	{ "本年支出合计", COL_SPEND_YEAR }, { "本年支出", COL_SPEND_YEAR },
	{ "支出总计", COL_SPEND_ALL }, { "支出合计", COL_SPEND_ALL },
	{ "年终结转结余", COL_CARRY_OUT }, { "结转下年", COL_CARRY_OUT },
};

static int total_column(const char *norm, bool income)
{
	for (size_t i = 0; i < sizeof totals / sizeof *totals; i++)
		if (strcmp(norm, totals[i].word) == 0)
			return totals[i].column;
	/* 上年结转结余 stands on both sides; on the spending side it is what is
	 * carried on (some sheets print it so). */
	if (strstr(norm, "结转") && !income)
		return COL_CARRY_OUT;
	return -1;
}

static void read_income(struct reader *r, enum table_kind kind, const struct side *sd,
                        const struct srow *row, struct node **last, bool *carry)
{
	const char *cell = sheet_cell(row, (size_t)sd->label);
	if (!cell[0])
		return;
	struct origin at = row_origin(r, row);
	char norm[256];
	label_norm(cell, norm, sizeof norm);   /* "一、一般公共预算" → "一般公共预算" */
	int64_t fen;
	bool has = sd->namount && cell_amount(r, row, (size_t)sd->amount[0], &fen, NULL);

	int tc = total_column(norm, true);
	if (tc >= 0) {
		*carry = false;
		if (has)
			node_add_figure(r->b, r->d->node, kind, (enum column)tc, fen, at);
		/* The income section stands for the year's income in lists. */
		if (has && tc == COL_INCOME_YEAR)
			node_add_figure(r->b, section_node(r, SEC_INCOME), kind, COL_INCOME_YEAR,
			                fen, at);
		return;
	}
	if (strstr(norm, "上年结转")) {
		*carry = true;
		if (has)
			node_add_figure(r->b, r->d->node, kind, COL_CARRY, fen, at);
		*last = NULL;
		if (has) {
			*last = income_node(r, COL_CARRY, norm, NULL, at);
			node_add_figure(r->b, *last, kind, COL_TOTAL, fen, at);
		}
		return;
	}
	int col = column_for_path(norm);
	if (col < 0) {
		if (has)
			diag_add(&r->b->diags, r->s->file, row->record, SEV_WARNING,
			         _("unknown income line '%s': skipped"), cell);
		return;
	}
	if (*carry) {
		if (col == COL_GENERAL)
			col = COL_CARRY_GENERAL;
		else if (col == COL_GOVFUND)
			col = COL_CARRY_GOVFUND;
		else if (col == COL_STATECAP)
			col = COL_CARRY_STATECAP;
	}
	bool part = strstr(cell, "其中") != NULL;
	if (!has) {
		/* A source with no figure is not shown; its 其中 lines then stand
		 * on their own. */
		if (!part)
			*last = NULL;
		return;
	}
	struct node *n = income_node(r, col, norm, part && *last ? *last : NULL, at);
	if (!part)
		*last = n;
	node_add_figure(r->b, n, kind, COL_TOTAL, fen, at);
}

/* "八、社会保障和就业" → 208: by name in the classification, else by the
 * numbering (the n-th 类 is 200 + n in the national scheme). */
static bool class_code(struct reader *r, const char *cell, char *out, size_t cap)
{
	char norm[256];
	label_norm(cell, norm, sizeof norm);
	if (r->cls && classification_find_class(r->cls, norm, out, cap))
		return true;
	static const char *const digits[] = {
		"一", "二", "三", "四", "五", "六", "七", "八", "九",
	};
	const char *p = cell;
	while (*p == ' ' || *p == '(' )
		p++;
	if (strncmp(p, "（", 3) == 0)
		p += 3;
	int n = 0, tens = 0;
	for (;;) {
		int d = 0;
		for (int i = 0; i < 9; i++)
			if (strncmp(p, digits[i], 3) == 0)
				d = i + 1;
		if (d) {
			n = d;
			p += 3;
		} else if (strncmp(p, "十", 3) == 0) {
			tens = (n ? n : 1);
			n = 0;
			p += 3;
		} else
			break;
	}
	n += tens * 10;
	if (n <= 0 || n > 99)
		return false;
	snprintf(out, cap, "%d", 200 + n);
	return true;
}

static void read_spending_line(struct reader *r, enum table_kind kind, const struct side *sd,
                               const struct srow *row)
{
	const char *cell = sheet_cell(row, (size_t)sd->label);
	if (!cell[0])
		return;
	struct origin at = row_origin(r, row);
	char norm[256];
	label_norm(cell, norm, sizeof norm);
	int tc = total_column(norm, false);
	bool any = false;
	for (int k = 0; k < sd->namount; k++)
		any |= sheet_cell(row, (size_t)sd->amount[k])[0] != '\0';
	if (!any)
		return;
	struct node *target;
	if (tc >= 0) {
		int64_t fen;
		if (cell_amount(r, row, (size_t)sd->amount[0], &fen, NULL))
			node_add_figure(r->b, r->d->node, kind, (enum column)tc, fen, at);
		if (tc != COL_SPEND_YEAR)
			return;
		/* The year's spending by fund goes on the spending section. */
		target = section_node(r, SEC_FUNC);
	} else {
		char code[16];
		if (!class_code(r, cell, code, sizeof code)) {
			diag_add(&r->b->diags, r->s->file, row->record, SEV_WARNING,
			         _("unknown spending line '%s': skipped"), cell);
			return;
		}
		target = func_node(r, code, NULL, (struct origin){0});
	}
	for (int k = 0; k < sd->namount; k++) {
		int64_t fen;
		if (cell_amount(r, row, (size_t)sd->amount[k], &fen, target))
			node_add_figure(r->b, target, kind, (enum column)sd->column[k], fen, at);
	}
}

void read_summary(struct reader *r, enum table_kind kind)
{
	struct side sides[SIDE_MAX];
	int n = find_sides(r, sides);
	if (!n) {
		diag_add(&r->b->diags, r->s->file, 0, SEV_WARNING,
		         _("no 项目 column found in the header: the table was not read"));
		return;
	}
	struct node *last = NULL;
	bool carry = false;
	for (size_t i = 0; i < r->s->nrows; i++) {
		const struct srow *row = &r->s->rows[i];
		if (row->role != ROW_DATA)
			continue;
		for (int k = 0; k < n; k++) {
			if (sides[k].income)
				read_income(r, kind, &sides[k], row, &last, &carry);
			else
				read_spending_line(r, kind, &sides[k], row);
		}
	}
}
