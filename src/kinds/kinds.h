/* Readers of the standard tables: each turns one recognised sheet into
 * nodes and figures of its department.  They share the helpers below;
 * they never draw and never check (checks.c compares the figures). */
#ifndef YUSUAN_KINDS_H
#define YUSUAN_KINDS_H

#include "budget.h"
#include "classification.h"
#include "sheet.h"

struct reader {
	struct budget *b;
	struct department *d;
	struct sheet *s;
	const struct classification *cls;   /* may be NULL */
};

/* One per table family. */
void read_spending(struct reader *r, enum table_kind kind); /* 支出总表 and its per-fund twins, 收入总表 by code */
void read_summary(struct reader *r, enum table_kind kind);  /* 收支总表, 财政拨款收支总表 */
void read_econ(struct reader *r, enum table_kind kind);     /* 基本支出表, 经济分类汇总表 */
void read_sangong(struct reader *r);
void read_projects(struct reader *r);
void read_indicators(struct reader *r);
void read_targets(struct reader *r);

/* --- shared helpers (kinds/common.c) ---------------------------------- */

struct origin row_origin(const struct reader *r, const struct srow *row);

/* The amount in a cell: true with *fen when there is a figure; false for
 * "no figure" and for an unreadable cell (which gets an error message
 * naming file, record and column, and flags node when given). */
bool cell_amount(struct reader *r, const struct srow *row, size_t col,
                 int64_t *fen, struct node *node);

/* The column a header path stands for; -1 when none. */
int column_for_path(const char *path);

/* The department's section node, created on first use. */
struct node *section_node(struct reader *r, enum section sec);

/* The 类 → 款 → 项 chain for a normalised function code, creating missing
 * nodes (named from the classification, else by the code).  name, when
 * given, names the node of the code itself. */
struct node *func_node(struct reader *r, const char *code, const char *name,
                       struct origin at);
/* The same for economic codes (类 → 款). */
struct node *econ_node(struct reader *r, const char *code, const char *name,
                       struct origin at);
/* A unit under 单位与项目: found by code, else by name; created when new. */
struct node *unit_node(struct reader *r, const char *code, const char *name,
                       struct origin at);

/* The income line of a source (sub = its enum column), found among the
 * lines and their 其中 lines; created under parent (NULL: the section)
 * with this label when new. */
struct node *income_node(struct reader *r, int column, const char *label,
                         struct node *parent, struct origin at);

/* A total row: its name cell, or a cell of a column that holds no
 * amounts (colmap < 0), says 合计 or 总计. */
bool row_is_total(const struct srow *row, const char *name, const int *colmap);

/* Adds the figures of a row for the mapped columns to node. */
void add_row_figures(struct reader *r, const struct srow *row,
                     const int *colmap, enum table_kind kind, struct node *node);

/* Builds the figures of 类/款 (and units) that the table gave no row of
 * their own (tables that list only 项 rows) as sums of their children;
 * marks them FIG_SUMMED.  Published rows are left as they are. */
void sum_up(struct reader *r, struct node *parent, enum table_kind kind);

/* The first cell from column from on that holds text (not a number):
 * *at gets its column; "" and -1 when none. */
const char *first_text(const struct srow *row, size_t from, int *at);

/* Reports a code that could not be read, with file:record and why. */
void bad_code(struct reader *r, const struct srow *row, const char *cell,
              const char *why);
/* The 功能科目 code in the row's 类, 款 and 项 cells: true with out set;
 * false when it cannot be read, reported as "类,款,项". */
bool split_func_code(struct reader *r, const struct srow *row, const char *lei,
                     const char *kuan, const char *xiang, char *out, size_t cap);

#endif
