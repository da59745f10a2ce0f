/* 三公经费表: each item becomes a line of the 三公经费 section;
 * 公务用车购置及运行费 holds 购置 and 运行.  Most sheets have one row of
 * figures under a header of items; some print the items down the rows
 * (项目 | 上年预算数 | 本年预算数). */
#include "config.h"

#include "kinds/kinds.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

struct items {
	struct reader *r;
	struct node *node[COL__COUNT];
};

static bool is_item(int col)
{
	return col >= COL_ABROAD && col <= COL_RECEPTION;
}

/* The section for 合计, else the item's line, created on first use. */
static struct node *item(struct items *it, int col, const char *name)
{
	struct node *section = section_node(it->r, SEC_SANGONG);
	if (col == COL_TOTAL)
		return section;
	if (!it->node[col]) {
		struct node *parent = (col == COL_CAR_BUY || col == COL_CAR_RUN) && it->node[COL_CAR]
		                      ? it->node[COL_CAR] : section;
		it->node[col] = node_new(it->r->b, parent, NODE_SANGONG, "", name, (struct origin){0});
		it->node[col]->sub = (uint8_t)col;
	}
	return it->node[col];
}

static void figure(struct items *it, struct node *n, const struct srow *row, size_t col)
{
	int64_t fen;
	if (cell_amount(it->r, row, col, &fen, n))
		node_add_figure(it->r->b, n, TK_SANGONG, COL_TOTAL, fen, row_origin(it->r, row));
	if (n->file == 0)
		node_set_origin(n, row_origin(it->r, row));
}

/* The item's name as published: the group's name for 小计. */
static void item_name(const char *path, char *out, size_t cap)
{
	static const char *const subtotal[] = { "小计", "合计", NULL };
	const char *leaf = path_leaf(path);
	if (!label_is(leaf, subtotal) || leaf == path) {
		snprintf(out, cap, "%s", leaf);
		return;
	}
	const char *start = path;
	for (const char *p = path; p < leaf - 1; p++)
		if (*p == '/')
			start = p + 1;
	snprintf(out, cap, "%.*s", (int)(leaf - 1 - start), start);
}

/* Items across the columns, figures in the first data row. */
static void read_columns(struct items *it)
{
	struct sheet *s = it->r->s;
	const struct srow *row = NULL;
	for (size_t i = 0; i < s->nrows && !row; i++)
		if (s->rows[i].role == ROW_DATA)
			row = &s->rows[i];
	for (size_t c = 0; c < s->npaths; c++) {
		int col = column_for_path(s->paths[c]);
		if (col < 0 || (int)c == s->seq_col)
			continue;
		char name[256];
		item_name(s->paths[c], name, sizeof name);
		struct node *n = item(it, col, name);
		if (row)
			figure(it, n, row, c);
	}
}

/* Items down the rows: the label column (项目), and the amount column of
 * the sheet's year (本年, 预算数), else the one after the label. */
static bool read_rows(struct items *it)
{
	static const char *const label_words[] = { "项目", "项目名称", "科目", NULL };
	struct sheet *s = it->r->s;
	int label = -1, amount = -1;
	char year[16] = "";
	if (s->year)
		snprintf(year, sizeof year, "%d", s->year);
	for (size_t c = 0; c < s->npaths; c++) {
		if ((int)c == s->seq_col)
			continue;
		if (label < 0 && label_is(path_leaf(s->paths[c]), label_words))
			label = (int)c;
		else if (label >= 0 && amount < 0 &&
		         ((year[0] && strstr(s->paths[c], year)) || label_has(s->paths[c], "本年")))
			amount = (int)c;
	}
	if (label < 0)
		return false;
	if (amount < 0)
		amount = label + 1;
	bool any = false;
	for (size_t i = 0; i < s->nrows; i++) {
		const struct srow *row = &s->rows[i];
		const char *cell = sheet_cell(row, (size_t)label);
		int col = row->role == ROW_DATA && cell[0] ? column_for_path(cell) : -1;
		if (col != COL_TOTAL && !is_item(col))
			continue;
		char name[256];
		label_norm(cell, name, sizeof name);
		figure(it, item(it, col, name), row, (size_t)amount);
		any = true;
	}
	return any;
}

void read_sangong(struct reader *r)
{
	struct items it = { .r = r };
	section_node(r, SEC_SANGONG);
	for (size_t c = 0; c < r->s->npaths; c++)
		if (is_item(column_for_path(r->s->paths[c]))) {
			read_columns(&it);
			return;
		}
	if (!read_rows(&it))
		diag_add(&r->b->diags, r->s->file, 0, SEV_WARNING,
		         _("no 三公 item found in the header or the rows: the table was not read"));
}
