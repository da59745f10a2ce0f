/* 三公经费表: one row of figures under a two-row header.  Each item becomes
 * a line of the 三公经费 section; 公务用车购置及运行费 holds 购置 and 运行. */
#include "config.h"

#include "kinds/kinds.h"
#include "i18n.h"

#include <string.h>

void read_sangong(struct reader *r)
{
	struct sheet *s = r->s;
	struct node *section = section_node(r, SEC_SANGONG);
	const struct srow *row = NULL;
	for (size_t i = 0; i < s->nrows && !row; i++)
		if (s->rows[i].role == ROW_DATA)
			row = &s->rows[i];
	struct node *items[COL__COUNT] = {0};
	for (size_t c = 0; c < s->npaths; c++) {
		int col = column_for_path(s->paths[c]);
		if (col < 0 || (int)c == s->seq_col)
			continue;
		struct node *n = section;
		if (col != COL_TOTAL && !items[col]) {
			/* The item's name as published: the group's name for 小计. */
			const char *path = s->paths[c];
			const char *leaf = path_leaf(path);
			static const char *const subtotal[] = { "小计", "合计", NULL };
			char name[256];
			if (label_is(leaf, subtotal) && leaf != path) {
				size_t len = (size_t)(leaf - 1 - path);
				const char *start = path;
				for (const char *p = path; p < leaf - 1; p++)
					if (*p == '/')
						start = p + 1;
				len = (size_t)(leaf - 1 - start);
				memcpy(name, start, len < sizeof name ? len : sizeof name - 1);
				name[len < sizeof name ? len : sizeof name - 1] = '\0';
			} else {
				strncpy(name, leaf, sizeof name - 1);
				name[sizeof name - 1] = '\0';
			}
			struct node *parent = (col == COL_CAR_BUY || col == COL_CAR_RUN) && items[COL_CAR]
			                      ? items[COL_CAR] : section;
			items[col] = node_new(r->b, parent, NODE_SANGONG, "", name, (struct origin){0});
			items[col]->sub = (uint8_t)col;
		}
		if (col != COL_TOTAL)
			n = items[col];
		int64_t fen;
		if (row && cell_amount(r, row, c, &fen, n))
			node_add_figure(r->b, n, TK_SANGONG, COL_TOTAL, fen, row_origin(r, row));
		if (row && n->at.file == 0)
			n->at = row_origin(r, row);
	}
	if (!row)
		diag_add(&r->b->diags, s->file, 0, SEV_NOTE, _("the table holds no figures"));
}
