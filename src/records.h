/* UTF-8 text of one file → CSV records, one callback per record.
 *
 * Strict CSV (libcsv in strict mode): a record broken by a stray or an
 * unterminated quote is skipped with a message (it keeps its record
 * number), and reading resumes on the line after the stray quote, or after
 * the line where the unterminated record starts.
 * Line ends CRLF, LF or a lone CR; quoted cells may hold line breaks;
 * records may differ in length; blank lines are not records.  Unquoted
 * cells lose leading and trailing spaces and tabs; cells are otherwise as
 * parsed (no padding, no trimming of empty cells).
 *
 * Limits, each named in its message: a cell of at most 1 MiB (the file
 * stops), 4096 cells per record (the rest are dropped, one warning per
 * file), 2,000,000 records per file (the file stops), 10 records broken by
 * quotes (the file stops at the 11th). */
#ifndef YUSUAN_RECORDS_H
#define YUSUAN_RECORDS_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RECORD_CELL_MAX ((size_t)1 << 20)   /* bytes in one cell */
#define RECORD_CELLS_MAX 4096               /* cells in one record */
#define RECORDS_MAX 2000000                 /* records in one file */
#define RECORDS_BROKEN_MAX 10               /* records skipped for quotes */

struct record {
	uint32_t no;               /* 1-based record number */
	uint32_t line;             /* physical line where it starts, 1-based */
	size_t ncells;             /* at least 1 */
	const char *const *cells;  /* each NUL-terminated, but may hold NULs */
	const size_t *lens;        /* so use these lengths */
	bool nuls;                 /* whether any cell holds a NUL */
};
/* The cells lie one after another in one buffer, each followed by its
 * NUL: from cells[0] to cells[ncells - 1] + lens[ncells - 1], so that a
 * consumer can copy them all at once. */

/* Gets each record; the record and its cells are valid only during the
 * call.  Return false to stop reading the file (no message is added). */
typedef bool (*record_fn)(const struct record *r, void *ctx);

/* Owns the buffers, reused from record to record and file to file. */
struct csv_reader;

struct csv_reader *csv_reader_new(void);
void csv_reader_free(struct csv_reader *r);

/* Parses all of text (len bytes, no BOM) with delim ',' or '\t'.
 * Messages go to d as file:record.  Returns false when records were lost
 * (skipped, or the file stopped early) with an error added to d; true
 * when every record was read or fn asked to stop. */
bool csv_read(struct csv_reader *r, const char *text, size_t len, char delim,
              const char *file, struct diags *d, record_fn fn, void *ctx);

#endif
