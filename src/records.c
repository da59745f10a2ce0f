#include "config.h"

#include "records.h"
#include "i18n.h"
#include "xalloc.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

struct csv_reader {
	/* The record being built: its cells' bytes one after another in
	 * data, each followed by a NUL. */
	char *data;
	size_t len, cap;
	const char **cells;
	size_t *lens;
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
	bool nuls;           /* a cell of the record being built holds a NUL */
	unsigned broken;     /* records skipped for a broken quote */
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
	free(r->lens);
	free(r->cells);
	free(r);
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

static void say(struct csv_reader *r, const char *fmt, unsigned arg)
	__attribute__((format(printf, 2, 0)));
static void fail(struct csv_reader *r, const char *fmt, unsigned arg)
	__attribute__((format(printf, 2, 0)));

/* An error about the record being read: something was lost. */
static void say(struct csv_reader *r, const char *fmt, unsigned arg)
{
	diag_add(r->d, r->file, r->recno + 1, SEV_ERROR, fmt, arg);
	r->failed = true;
}

/* The same, and the rest of the file is not read. */
static void fail(struct csv_reader *r, const char *fmt, unsigned arg)
{
	say(r, fmt, arg);
	r->stop = true;
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

/* The high bit of each byte of w that is below 0x0E, as line breaks and
 * NUL are and the bytes of a cell hardly ever, and maybe of some bytes
 * just above one of those (a borrow): nonzero exactly when w holds one. */
static uint64_t low_bytes(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	return (w - ones * 0x0E) & ~w & ones * 0x80;
}

static bool has_low_byte(const char *s, size_t n)
{
	size_t i = 0;
	for (; n - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (low_bytes(w))
			return true;
	}
	bool low = false;
	for (; i < n; i++)
		low |= (unsigned char)s[i] < 0x0E;
	return low;
}

/* Copies n bytes from s to d; true when one is below 0x0E.  A word at a
 * time, the last one overlapping, and short cells without a call. */
static bool copy_cell(char *d, const char *s, size_t n)
{
	uint64_t w, low = 0;
	if (n < 8) {
		for (size_t i = 0; i < n; i++) {
			d[i] = s[i];
			low |= (unsigned char)s[i] < 0x0E;
		}
		return low;
	}
	for (size_t i = 0; n - i > 8; i += 8) {
		memcpy(&w, s + i, 8);
		low |= low_bytes(w);
		memcpy(d + i, &w, 8);
	}
	memcpy(&w, s + n - 8, 8);
	low |= low_bytes(w);
	memcpy(d + n - 8, &w, 8);
	return low;
}

/* Counts the line breaks inside a cell (libcsv does not say whether a cell
 * was quoted; an unquoted one holds none).  True when the cell holds a
 * NUL. */
static bool count_cell_breaks(struct csv_reader *r, const char *s, size_t n)
{
	bool nul = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' || s[i] == '\n' || r->after_cr)
			count_break(r, (unsigned char)s[i]);
		nul |= s[i] == '\0';
	}
	return nul;
}

/* A cell of n bytes at s. */
static void on_cell(const char *s, size_t n, struct csv_reader *r)
{
	if (r->stop)
		return;
	if (r->ncells == 0) {
		r->rec_line = r->line;
		r->nuls = false;
	}
	/* A delimiter or quote separates the cell's line breaks from any
	 * break before it (a CR then an LF are two breaks). */
	r->after_cr = false;
	if (n > RECORD_CELL_MAX) {   /* the last cell of the file */
		field_too_long(r);
		return;
	}
	if (r->ncells == RECORD_CELLS_MAX) {
		if (has_low_byte(s, n))
			count_cell_breaks(r, s, n);
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
		r->lens = xreallocarray(r->lens, r->cells_cap, sizeof *r->lens);
		r->cells = xreallocarray(r->cells, r->cells_cap, sizeof *r->cells);
	}
	if (r->cap - r->len < n + 1) {
		size_t cap = r->cap ? r->cap : 4096;
		while (cap - r->len < n + 1)
			cap *= 2;
		r->data = xreallocarray(r->data, cap, 1);
		r->cap = cap;
		/* The cells before moved with data. */
		for (size_t i = 0, off = 0; i < r->ncells; off += r->lens[i++] + 1)
			r->cells[i] = r->data + off;
	}
	/* Read before the copy, which may alias them (char stores). */
	size_t k = r->ncells, off = r->len;
	const char **cells = r->cells;
	size_t *lens = r->lens;
	char *d = r->data + off;
	if (copy_cell(d, s, n))
		r->nuls |= count_cell_breaks(r, s, n);
	d[n] = '\0';
	cells[k] = d;
	lens[k] = n;
	r->ncells = k + 1;
	r->len = off + n + 1;
}

static void on_record_end(int c, struct csv_reader *r)
{
	if (r->stop)
		return;
	if (r->ncells > 0) {
		if (r->recno == RECORDS_MAX) {
			fail(r, _("the file has more than %u records: the rest "
			          "was skipped (limit: records per file)"),
			     RECORDS_MAX);
			return;
		}
		struct record rec = {
			.no = ++r->recno, .line = r->rec_line, .ncells = r->ncells,
			.cells = r->cells, .lens = r->lens, .nuls = r->nuls,
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

/* --- libcsv ----------------------------------------------------------------
 *
 * libcsv in strict mode (CSV_STRICT | CSV_STRICT_FINI; PITFALLS.md: lenient
 * mode lets one stray quote swallow the file), fed in chunks; CSV_REPALL_NL
 * so that record ends report every line break for counting lines. */

/* Text is fed to libcsv this much at a time, so that a stop is quick. */
enum { CHUNK = 64 * 1024 };

enum scan_status { SCAN_OK, SCAN_EPARSE, SCAN_TOO_BIG };

/* libcsv grows a cell's buffer through this: refusing past the limit makes
 * it fail with CSV_ENOMEM at once instead of eating memory.  One byte more
 * than the limit, because libcsv grows the buffer before looking at the
 * byte after a full one. */
static void *capped_realloc(void *p, size_t n)
{
	return n > RECORD_CELL_MAX + 1 ? NULL : realloc(p, n);
}

static void cell_cb(void *s, size_t n, void *ctx)
{
	on_cell(s ? s : "", n, ctx);
}

static void record_cb(int c, void *ctx)
{
	on_record_end(c, ctx);
}

/* What scanning a text from some offset came to. */
struct scanned {
	enum scan_status status;   /* SCAN_OK: to the end */
	size_t done;               /* after an error: the offset of its byte */
	bool unterminated;         /* the text ended inside a quoted cell */
};

static struct scanned scan_text(struct csv_reader *r, const char *text, size_t len,
                                size_t start, char delim)
{
	struct csv_parser p;
	struct scanned s = { .status = SCAN_OK, .done = len };
	/* Options are set once, here: changing them mid-field writes out of
	 * bounds (PITFALLS.md). */
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
		s.status = SCAN_TOO_BIG;
		return s;
	}
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_realloc_func(&p, capped_realloc);
	csv_set_blk_size(&p, 64 * 1024);
	for (size_t pos = start; pos < len && !r->stop; ) {
		size_t n = len - pos < CHUNK ? len - pos : CHUNK;
		size_t used = csv_parse(&p, text + pos, n, cell_cb, record_cb, r);
		if (used < n) {
			s.status = csv_error(&p) == CSV_EPARSE ? SCAN_EPARSE : SCAN_TOO_BIG;
			s.done = pos + used;
			/* Never finish after an error: it would deliver the
			 * broken record. */
			csv_free(&p);
			return s;
		}
		pos += n;
	}
	if (!r->stop && csv_fini(&p, cell_cb, record_cb, r) != 0)
		s.unterminated = true;
	csv_free(&p);
	return s;
}

/* Where a line starts: the offset just after the line break ending the
 * line that holds pos (CRLF, LF or a lone CR); len when there is none. */
static size_t next_line(const char *text, size_t len, size_t pos)
{
	while (pos < len && text[pos] != '\n' && text[pos] != '\r')
		pos++;
	if (pos < len && text[pos] == '\r')
		pos++;
	else if (pos < len)
		return pos + 1;
	if (pos < len && text[pos] == '\n')
		pos++;
	return pos;
}

/* The offset where physical line `line` (1-based) starts, len if none. */
static size_t line_offset(const char *text, size_t len, uint32_t line)
{
	size_t pos = 0;
	for (uint32_t l = 1; l < line && pos < len; l++)
		pos = next_line(text, len, pos);
	return pos;
}

/* Reports what a scan came to.  Returns the offset where reading resumes
 * after a record broken by a quote, or len when there is nothing more to
 * read. */
static size_t after_scan(struct csv_reader *r, const char *text, size_t len,
                         struct scanned s)
{
	size_t resume;
	if (r->stop)
		return len;
	if (s.status == SCAN_TOO_BIG) {
		field_too_long(r);
		return len;
	}
	if (s.status == SCAN_EPARSE) {
		say(r, _("stray quote on line %u: a cell that holds a "
		         "quote must be enclosed in quotes, with the "
		         "quote doubled (\"\"); the record was skipped"),
		    line_at(text, s.done));
		resume = next_line(text, len, s.done);
	} else if (s.unterminated) {
		/* The record starts where the last one ended, or with the
		 * cells already delivered. */
		uint32_t line = r->ncells ? r->rec_line : r->line;
		say(r, _("unterminated quote: the quoted cell starting on line %u "
		         "never ends; the record was skipped and reading resumed "
		         "on the next line"), line);
		resume = line_offset(text, len, line + 1);
	} else {
		return len;
	}
	/* The broken record keeps its number; its cells are dropped. */
	r->recno++;
	r->ncells = r->len = 0;
	r->after_cr = false;
	r->line = line_at(text, resume);
	if (++r->broken > RECORDS_BROKEN_MAX && resume < len) {
		fail(r, _("more than %u records with broken quotes: the rest of "
		          "the file was skipped (limit: broken records per file)"),
		     RECORDS_BROKEN_MAX);
		return len;
	}
	return resume;
}

bool csv_read(struct csv_reader *r, const char *text, size_t len, char delim,
              const char *file, struct diags *d, record_fn fn, void *ctx)
{
	r->file = file;
	r->d = d;
	r->fn = fn;
	r->ctx = ctx;
	r->recno = 0;
	r->line = 1;
	r->broken = 0;
	r->after_cr = r->stop = r->failed = r->cols_warned = false;
	r->ncells = r->len = 0;

	for (size_t start = 0; start < len && !r->stop; )
		start = after_scan(r, text, len, scan_text(r, text, len, start, delim));
	r->ncells = r->len = 0;
	return !r->failed;
}
