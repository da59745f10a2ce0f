#include "config.h"

#include "records.h"
#include "i18n.h"
#include "xalloc.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* Text is fed to libcsv this much at a time, so that a stop is quick. */
enum { CHUNK = 64 * 1024 };

struct csv_reader {
	/* The record being built: its cells' bytes, each followed by a NUL,
	 * at data + offs[i]; pointers are made once the record is whole,
	 * since data may move while it grows. */
	char *data;
	size_t len, cap;
	size_t *offs, *lens;
	const char **cells;
	size_t ncells, cells_cap;

	/* The file being read. */
	const char *file;
	struct diags *d;
	record_fn fn;
	void *ctx;
	uint32_t recno;      /* records delivered */
	uint32_t line;       /* physical line libcsv has reached */
	uint32_t rec_line;   /* where the record being built starts */
	bool after_cr;       /* the last byte counted was a CR (for CRLF) */
	bool stop;           /* ignore libcsv's remaining callbacks */
	bool failed;         /* stopped with an error message */
	bool cols_warned;
};

struct csv_reader *csv_reader_new(void)
{
	return xcalloc(1, sizeof(struct csv_reader));
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->data);
	free(r->offs);
	free(r->lens);
	free(r->cells);
	free(r);
}

/* libcsv grows a cell's buffer through this: refusing past the limit makes
 * it fail with CSV_ENOMEM at once instead of eating memory.  One byte more
 * than the limit, because libcsv grows the buffer before looking at the
 * byte after a full one. */
static void *capped_realloc(void *p, size_t n)
{
	return n > RECORD_CELL_MAX + 1 ? NULL : xreallocarray(p, n, 1);
}

/* Counts line breaks as a text editor does: CRLF, LF or a lone CR. */
static void count_break(struct csv_reader *r, int c)
{
	if (c == '\r') {
		r->line++;
		r->after_cr = true;
	} else {
		if (c == '\n' && !r->after_cr)
			r->line++;
		r->after_cr = false;
	}
}

static uint32_t line_at(const char *text, size_t pos)
{
	struct csv_reader r = { .line = 1 };
	for (size_t i = 0; i < pos; i++)
		count_break(&r, (unsigned char)text[i]);
	return r.line;
}

static void fail(struct csv_reader *r, const char *fmt, unsigned arg)
	__attribute__((format(printf, 2, 0)));

static void fail(struct csv_reader *r, const char *fmt, unsigned arg)
{
	diag_add(r->d, r->file, r->recno + 1, SEV_ERROR, fmt, arg);
	r->failed = r->stop = true;
}

/* Called before the cell's own line breaks are counted, so r->line is
 * where it starts. */
static void field_too_long(struct csv_reader *r)
{
	/* TRANSLATORS: a cell is one field of a CSV record (a spreadsheet
	 * cell); %u is a line number. */
	fail(r, _("a cell starting on line %u is longer than 1 MiB: "
	          "the rest of the file was skipped (limit: cell size)"),
	     r->line);
}

static void on_cell(void *s, size_t n, void *ctx)
{
	struct csv_reader *r = ctx;
	if (r->stop)
		return;
	if (r->ncells == 0)
		r->rec_line = r->line;
	if (n > RECORD_CELL_MAX) {   /* the last cell of the file */
		field_too_long(r);
		return;
	}
	/* Line breaks inside quoted cells; a delimiter or quote separates
	 * them from any break before the cell. */
	r->after_cr = false;
	const char *p = s;
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\r' || p[i] == '\n' || r->after_cr)
			count_break(r, (unsigned char)p[i]);

	if (r->ncells == RECORD_CELLS_MAX) {
		if (!r->cols_warned) {
			diag_add(r->d, r->file, r->recno + 1, SEV_WARNING,
			         /* TRANSLATORS: a record is one row of the CSV
			          * file, a cell one field of it. */
			         _("a record has more than %u cells: the cells "
			           "after the first %u were dropped "
			           "(limit: cells per record)"),
			         (unsigned)RECORD_CELLS_MAX,
			         (unsigned)RECORD_CELLS_MAX);
			r->cols_warned = true;
		}
		return;
	}
	if (r->ncells == r->cells_cap) {
		r->cells_cap = r->cells_cap ? r->cells_cap * 2 : 64;
		r->offs = xreallocarray(r->offs, r->cells_cap, sizeof *r->offs);
		r->lens = xreallocarray(r->lens, r->cells_cap, sizeof *r->lens);
		r->cells = xreallocarray(r->cells, r->cells_cap, sizeof *r->cells);
	}
	if (r->cap - r->len < n + 1) {
		size_t cap = r->cap ? r->cap : 4096;
		while (cap - r->len < n + 1)
			cap *= 2;
		r->data = xreallocarray(r->data, cap, 1);
		r->cap = cap;
	}
	memcpy(r->data + r->len, s, n);
	r->data[r->len + n] = '\0';
	r->offs[r->ncells] = r->len;
	r->lens[r->ncells] = n;
	r->ncells++;
	r->len += n + 1;
}

static void on_record_end(int c, void *ctx)
{
	struct csv_reader *r = ctx;
	if (r->stop)
		return;
	if (r->ncells > 0) {
		if (r->recno == RECORDS_MAX) {
			fail(r, _("the file has more than %u records: the rest "
			          "was skipped (limit: records per file)"),
			     RECORDS_MAX);
			return;
		}
		for (size_t i = 0; i < r->ncells; i++)
			r->cells[i] = r->data + r->offs[i];
		struct record rec = {
			.no = ++r->recno, .line = r->rec_line, .ncells = r->ncells,
			.cells = r->cells, .lens = r->lens,
		};
		r->ncells = 0;
		r->len = 0;
		if (!r->fn(&rec, r->ctx)) {
			r->stop = true;
			return;
		}
	}
	count_break(r, c);   /* c is -1 at the end of the file */
}

bool csv_read(struct csv_reader *r, const char *text, size_t len, char delim,
              const char *file, struct diags *d, record_fn fn, void *ctx)
{
	struct csv_parser p;
	/* Options only at csv_init: setting them mid-field writes out of
	 * bounds.  CSV_REPALL_NL reports blank lines so they can be counted. */
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_realloc_func(&p, capped_realloc);
	csv_set_blk_size(&p, CHUNK);   /* not 128 bytes at a time */

	r->file = file;
	r->d = d;
	r->fn = fn;
	r->ctx = ctx;
	r->recno = 0;
	r->line = 1;
	r->after_cr = r->stop = r->failed = r->cols_warned = false;
	r->ncells = r->len = 0;

	for (size_t off = 0; off < len && !r->stop; ) {
		size_t n = len - off < CHUNK ? len - off : CHUNK;
		size_t done = csv_parse(&p, text + off, n, on_cell,
		                        on_record_end, r);
		if (done < n && !r->stop) {
			/* Read the error before anything resets it; never
			 * csv_fini now: it would deliver the broken record. */
			if (csv_error(&p) == CSV_EPARSE)
				fail(r, _("stray quote on line %u: a cell that "
				          "holds a quote must be enclosed in "
				          "quotes, with the quote doubled (\"\"); "
				          "the rest of the file was skipped"),
				     line_at(text, off + done));
			else
				field_too_long(r);
		}
		off += n;
	}
	if (!r->stop && csv_fini(&p, on_cell, on_record_end, r) != 0)
		fail(r, _("unterminated quote: the quoted cell starting on "
		          "line %u never ends; the records before it were "
		          "read"), r->line);
	csv_free(&p);
	r->ncells = r->len = 0;
	return !r->failed;
}
