/* One CSV file as a sheet: its rows, the title rows above the table (form
 * number, title, 部门名称, 单位), and the header block turned into one path
 * per column ("基本支出/人员经费/工资福利支出").
 *
 * Records come in through sheet_add_record (a records.h callback); after
 * sheet_finish the sheet is read-only.  A sheet owns copies of its cells in
 * its own arena: everything stays valid until sheet_reset or sheet_free.
 * The sheet never draws and never touches the model. */
#ifndef YUSUAN_SHEET_H
#define YUSUAN_SHEET_H

#include "amount.h"
#include "arena.h"
#include "records.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum row_role {
	ROW_TITLE,     /* above the header: form number, title, 部门名称, 单位 */
	ROW_HEADER,    /* part of the header block */
	ROW_COLNUM,    /* 栏次 row of column numbers */
	ROW_DATA,
	ROW_REPEAT,    /* a header block repeated inside the data (page break) */
	ROW_NOTE,      /* 注 / 备注 / 说明 */
	ROW_BLANK,
};

struct srow {
	uint32_t record;   /* CSV record number, 1-based */
	uint8_t role;      /* enum row_role */
	size_t ncells;     /* trailing empty cells dropped */
	char **cells;      /* trimmed UTF-8; never NULL ("" for empty) */
};

struct sheet {
	struct arena arena;
	const char *file;       /* path, for messages */
	uint32_t file_index;    /* budget->files index, for origins */
	struct srow *rows;
	size_t nrows, caprows;
	size_t width;           /* the widest row */

	/* From the title rows (NULL / 0 when absent). */
	const char *form;       /* 预算01表 */
	const char *title;      /* 2023年部门支出预算表 */
	const char *dept;       /* 部门名称 */
	int year;
	enum amount_unit unit;  /* UNIT_WAN unless a row says 单位：元 */

	/* The header block: rows [header_first, header_first + header_rows). */
	size_t header_first, header_rows;
	char **paths;           /* per column, "" when unlabelled */
	size_t npaths;
	int seq_col;            /* the 序号 column, -1 when none */
};

void sheet_init(struct sheet *s, const char *file, uint32_t file_index);
/* Empties the sheet for the next file, keeping its memory. */
void sheet_reset(struct sheet *s, const char *file, uint32_t file_index);
void sheet_free(struct sheet *s);

/* A record_fn: ctx is the sheet. */
bool sheet_add_record(const struct record *r, void *ctx);

/* Finds the title rows, the header block and the row roles. */
void sheet_finish(struct sheet *s);

/* Builds the header paths for rows [first, first + n) of the sheet, as
 * sheet_finish does for the main header (readers of sheets that hold
 * several tables use it for each block). */
void sheet_build_paths(struct sheet *s, size_t first, size_t n);

/* The cell or "" when the row is shorter. */
const char *sheet_cell(const struct srow *r, size_t col);

/* Label comparison that ignores what exports vary in: spaces (also U+3000),
 * full-width brackets and colons, numbering prefixes (一、 (一) （一） 1. 1、),
 * a leading 其中：, quotes.  Writes the normalised form into out. */
void label_norm(const char *s, char *out, size_t cap);
/* True when the normalised label equals one of the words (NULL-terminated). */
bool label_is(const char *s, const char *const *words);
/* True when the label is 合计 or 总计 (a total row's label). */
bool label_is_total(const char *s);
/* True when the normalised label contains word. */
bool label_has(const char *s, const char *word);
/* The last component of a header path. */
const char *path_leaf(const char *path);

/* True when a cell holds a figure or is a code: used to tell data rows. */
bool cell_is_number(const char *s);

#endif
