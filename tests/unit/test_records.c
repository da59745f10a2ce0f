#include "config.h"

#include "records.h"
#include "diag.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct csv_reader *reader;
static struct diags diags;

static void setup(void)
{
	reader = csv_reader_new();
	diags_init(&diags);
}

static void teardown(void)
{
	csv_reader_free(reader);
	diags_free(&diags);
}

TestSuite(records, .init = setup, .fini = teardown);

/* What the callback saw, as "no@line:cell|cell\n" per record, with CR,
 * LF and NUL in cells shown as \r, \n and \0. */
struct seen {
	char *text;
	size_t size;
	FILE *f;
	size_t records, max_cells;
	uint32_t last_no, last_line;
	size_t stop_after;   /* 0: never stop */
	bool quiet;          /* count only */
};

static bool collect(const struct record *r, void *ctx)
{
	struct seen *s = ctx;
	s->records++;
	s->last_no = r->no;
	s->last_line = r->line;
	if (r->ncells > s->max_cells)
		s->max_cells = r->ncells;
	if (!s->quiet) {
		fprintf(s->f, "%u@%u:", r->no, r->line);
		for (size_t i = 0; i < r->ncells; i++) {
			cr_assert_eq(r->cells[i][r->lens[i]], '\0');
			if (i > 0)
				fputc('|', s->f);
			for (size_t j = 0; j < r->lens[i]; j++) {
				char c = r->cells[i][j];
				if (c == '\r')
					fputs("\\r", s->f);
				else if (c == '\n')
					fputs("\\n", s->f);
				else if (c == '\0')
					fputs("\\0", s->f);
				else
					fputc(c, s->f);
			}
		}
		fputc('\n', s->f);
	}
	return s->stop_after == 0 || s->records < s->stop_after;
}

static bool read_text(const char *text, size_t len, char delim,
                      struct seen *s)
{
	s->f = open_memstream(&s->text, &s->size);
	bool ok = csv_read(reader, text, len, delim, "t.csv", &diags,
	                   collect, s);
	fclose(s->f);
	return ok;
}

/* Reads a string literal (it may hold NULs) with commas. */
#define READ(lit, s) read_text(lit, sizeof(lit) - 1, ',', s)

static void seen_free(struct seen *s)
{
	free(s->text);
}

static void assert_one_diag(uint32_t record, enum severity sev,
                            const char *text)
{
	cr_assert_eq(diags.n, 1, "%zu messages", diags.n);
	cr_assert_str_eq(diags.v[0].file, "t.csv");
	cr_assert_eq(diags.v[0].record, record, "record %u", diags.v[0].record);
	cr_assert_eq(diags.v[0].sev, sev);
	cr_assert_str_eq(diags.v[0].text, text);
}

Test(records, lf_lines)
{
	struct seen s = {0};
	cr_assert(READ("a,b\nc,d\n", &s));
	cr_assert_str_eq(s.text, "1@1:a|b\n2@2:c|d\n");
	cr_assert_eq(diags.n, 0);
	seen_free(&s);
}

Test(records, crlf_and_blank_lines_are_not_records)
{
	struct seen s = {0};
	cr_assert(READ("a,b\r\n\r\n   \r\nc\r\n\r\n", &s));
	cr_assert_str_eq(s.text, "1@1:a|b\n2@4:c\n");
	seen_free(&s);
}

Test(records, lone_cr_line_ends)
{
	struct seen s = {0};
	cr_assert(READ("a\rb\r\rc", &s));
	cr_assert_str_eq(s.text, "1@1:a\n2@2:b\n3@4:c\n");
	seen_free(&s);
}

Test(records, lone_cr_then_lf_line_ends)
{
	struct seen s = {0};
	cr_assert(READ("a\rb\nc\r\"d\ne\"\nf", &s));
	cr_assert_str_eq(s.text, "1@1:a\n2@2:b\n3@3:c\n4@4:d\\ne\n5@6:f\n");
	seen_free(&s);
}

Test(records, quoted_line_breaks_and_line_numbers)
{
	struct seen s = {0};
	cr_assert(READ("\"x\r\ny\",z\r\nnext\r\n\"a\nb\nc\",d\n\ne", &s));
	cr_assert_str_eq(s.text, "1@1:x\\r\\ny|z\n2@3:next\n"
	                         "3@4:a\\nb\\nc|d\n4@8:e\n");
	seen_free(&s);
}

Test(records, quotes_commas_and_spaces)
{
	struct seen s = {0};
	cr_assert(READ("\"17,419.04\",\"say \"\"hi\"\"\", a b , \" c \" ,"
	               "\xE3\x80\x80" "d\n", &s));
	/* unquoted cells lose spaces, not U+3000 (ideographic space) */
	cr_assert_str_eq(s.text, "1@1:17,419.04|say \"hi\"|a b| c |"
	                         "\xE3\x80\x80" "d\n");
	seen_free(&s);
}

Test(records, ragged_rows_are_kept_as_parsed)
{
	struct seen s = {0};
	cr_assert(READ("a\nb,c,d\n,\n\"\"\n", &s));
	cr_assert_str_eq(s.text, "1@1:a\n2@2:b|c|d\n3@3:|\n4@4:\n");
	seen_free(&s);
}

Test(records, tab_delimiter)
{
	struct seen s = {0};
	static const char text[] = "预算\t1, 2\r\n\t\r\n";
	cr_assert(read_text(text, sizeof text - 1, '\t', &s));
	cr_assert_str_eq(s.text, "1@1:预算|1, 2\n2@2:|\n");
	seen_free(&s);
}

Test(records, nul_in_a_cell_is_kept)
{
	struct seen s = {0};
	cr_assert(READ("a\0b,c\n", &s));
	cr_assert_str_eq(s.text, "1@1:a\\0b|c\n");
	seen_free(&s);
}

Test(records, unterminated_quote_skips_its_record)
{
	struct seen s = {0};
	cr_assert_not(READ("a,b\n\nc,\"d\ne,f\n", &s));
	/* Record 2 (line 3) is lost; line 4 is read as record 3. */
	cr_assert_str_eq(s.text, "1@1:a|b\n3@4:e|f\n");
	assert_one_diag(2, SEV_ERROR,
	                "unterminated quote: the quoted cell starting on line 3 "
	                "never ends; the record was skipped and reading resumed "
	                "on the next line");
	seen_free(&s);
}

Test(records, unterminated_quote_on_the_last_line)
{
	struct seen s = {0};
	cr_assert_not(READ("a\r\n\"b", &s));
	cr_assert_str_eq(s.text, "1@1:a\n");
	cr_assert_eq(diags.n, 1);
	cr_assert_eq(diags.v[0].record, 2);
	seen_free(&s);
}

Test(records, stray_quote_in_unquoted_cell)
{
	struct seen s = {0};
	cr_assert_not(READ("x\r\n\"q\r\nq\"\r\n12\"3,y\r\nz\r\n", &s));
	cr_assert_str_eq(s.text, "1@1:x\n2@2:q\\r\\nq\n4@5:z\n");
	assert_one_diag(3, SEV_ERROR,
	                "stray quote on line 4: a cell that holds a quote must "
	                "be enclosed in quotes, with the quote doubled (\"\"); "
	                "the record was skipped");
	seen_free(&s);
}

Test(records, text_after_closing_quote)
{
	struct seen s = {0};
	cr_assert_not(READ("x\n\"12\"3,y\nz,\"w\"\n", &s));
	cr_assert_str_eq(s.text, "1@1:x\n3@3:z|w\n");
	cr_assert_eq(diags.n, 1);
	cr_assert_eq(diags.v[0].record, 2);
	cr_assert(strncmp(diags.v[0].text, "stray quote on line 2:", 22) == 0,
	          "%s", diags.v[0].text);
	seen_free(&s);
}

Test(records, stray_quotes_on_every_line_stop_at_the_limit)
{
	struct seen s = {0};
	char text[256] = "";
	for (int i = 0; i < 15; i++)
		strcat(text, "a\"b,c\n");
	strcat(text, "d\n");
	cr_assert_not(read_text(text, strlen(text), ',', &s));
	cr_assert_str_eq(s.text, "");
	cr_assert_eq(diags.n, RECORDS_BROKEN_MAX + 2, "%zu messages", diags.n);
	cr_assert_eq(diags.v[RECORDS_BROKEN_MAX + 1].record, RECORDS_BROKEN_MAX + 2);
	cr_assert_str_eq(diags.v[RECORDS_BROKEN_MAX + 1].text,
	                 "more than 10 records with broken quotes: the rest of the "
	                 "file was skipped (limit: broken records per file)");
	seen_free(&s);
}

Test(records, lone_cr_after_a_stray_quote)
{
	struct seen s = {0};
	cr_assert_not(READ("a\"\rb\r\"c\rd\"\r", &s));
	/* Line 2 is read; "c<CR>d" is a quoted cell spanning lines 3-4. */
	cr_assert_str_eq(s.text, "2@2:b\n3@3:c\\rd\n");
	seen_free(&s);
}

/* "a\n" then a cell of n bytes of 'x', then tail. */
static char *long_cell_text(size_t n, const char *tail, size_t *len)
{
	size_t tl = strlen(tail);
	char *t = malloc(2 + n + tl);
	memcpy(t, "a\n", 2);
	memset(t + 2, 'x', n);
	memcpy(t + 2 + n, tail, tl);
	*len = 2 + n + tl;
	return t;
}

static const char too_long[] =
	"a cell starting on line 2 is longer than 1 MiB: the rest of the "
	"file was skipped (limit: cell size)";

Test(records, cell_of_2_mb_stops_the_file)
{
	size_t len;
	char *t = long_cell_text(2 << 20, ",b\nc\n", &len);
	struct seen s = {0};
	cr_assert_not(read_text(t, len, ',', &s));
	cr_assert_str_eq(s.text, "1@1:a\n");
	assert_one_diag(2, SEV_ERROR, too_long);
	seen_free(&s);
	free(t);
}

Test(records, cell_of_100_mb_stops_the_file)
{
	size_t len;
	char *t = long_cell_text(100 << 20, "\n", &len);
	struct seen s = {0};
	cr_assert_not(read_text(t, len, ',', &s));
	assert_one_diag(2, SEV_ERROR, too_long);
	seen_free(&s);
	free(t);
}

Test(records, cell_limit_is_exact)
{
	size_t len;
	char *t = long_cell_text(RECORD_CELL_MAX, ",b\n", &len);
	struct seen s = {.quiet = true};
	cr_assert(read_text(t, len, ',', &s));
	cr_assert_eq(s.records, 2);
	cr_assert_eq(diags.n, 0);
	free(t);
	free(s.text);

	/* one byte more, in the middle of the file or at its very end */
	t = long_cell_text(RECORD_CELL_MAX + 1, ",b\n", &len);
	cr_assert_not(read_text(t, len, ',', &s));
	cr_assert_eq(s.records, 3);
	free(t);
	free(s.text);
	t = long_cell_text(RECORD_CELL_MAX + 1, "", &len);
	cr_assert_not(read_text(t, len, ',', &s));
	cr_assert_eq(s.records, 4);
	cr_assert_eq(diags.n, 2);
	cr_assert_str_eq(diags.v[1].text, too_long);
	seen_free(&s);
	free(t);
}

Test(records, long_cell_is_placed_on_its_own_line)
{
	size_t n = RECORD_CELL_MAX + 1, len = 0;
	char *t = malloc(n + 16);
	len += (size_t)sprintf(t, "h\n\"p\nq\",");
	memset(t + len, 'x', n);
	len += n;
	struct seen s = {0};
	cr_assert_not(read_text(t, len, ',', &s));
	cr_assert_str_eq(s.text, "1@1:h\n");
	assert_one_diag(2, SEV_ERROR,
	                "a cell starting on line 3 is longer than 1 MiB: the "
	                "rest of the file was skipped (limit: cell size)");
	seen_free(&s);
	free(t);
}

Test(records, cells_before_a_long_one_stay_whole)
{
	/* The record's buffer grows while the record is read. */
	size_t len;
	char *t = long_cell_text(100000, ",end\n", &len);
	memcpy(t, "a,", 2);
	struct seen s = {0};
	cr_assert(read_text(t, len, ',', &s));
	cr_assert_eq(s.records, 1);
	cr_assert(strncmp(s.text, "1@1:a|xxx", 9) == 0, "%.20s", s.text);
	cr_assert_str_eq(s.text + strlen(s.text) - 10, "xxxxx|end\n");
	cr_assert_eq(strlen(s.text), strlen("1@1:a||end\n") + 100000);
	seen_free(&s);
	free(t);
}

Test(records, row_of_100000_commas)
{
	enum { COMMAS = 100000 };
	char *t = malloc(2 * COMMAS + 40);
	memset(t, ',', COMMAS);
	size_t len = COMMAS;
	len += (size_t)sprintf(t + len, "\nnext,row\n,,\n");
	memset(t + len, ',', COMMAS);   /* a second one: still one message */
	len += COMMAS;
	struct seen s = {.quiet = true};
	cr_assert(read_text(t, len, ',', &s));
	cr_assert_eq(s.records, 4);
	cr_assert_eq(s.max_cells, RECORD_CELLS_MAX);
	cr_assert_eq(s.last_line, 4);
	assert_one_diag(1, SEV_WARNING,
	                "a record has more than 4096 cells: the cells after the "
	                "first 4096 were dropped (limit: cells per record)");
	seen_free(&s);
	free(t);
}

Test(records, records_per_file_limit)
{
	size_t n = RECORDS_MAX + 5;
	char *t = malloc(2 * n);
	for (size_t i = 0; i < n; i++)
		memcpy(t + 2 * i, "1\n", 2);
	struct seen s = {.quiet = true};
	cr_assert_not(read_text(t, 2 * n, ',', &s));
	cr_assert_eq(s.records, RECORDS_MAX);
	cr_assert_eq(s.last_no, RECORDS_MAX);
	cr_assert_eq(s.last_line, RECORDS_MAX);
	assert_one_diag(RECORDS_MAX + 1, SEV_ERROR,
	                "the file has more than 2000000 records: the rest was "
	                "skipped (limit: records per file)");
	seen_free(&s);
	free(t);
}

Test(records, empty_and_blank_files)
{
	struct seen s = {0};
	cr_assert(read_text("", 0, ',', &s));
	cr_assert_str_eq(s.text, "");
	seen_free(&s);
	cr_assert(READ("\r\n\n  \r\n", &s));
	cr_assert_str_eq(s.text, "");
	cr_assert_eq(diags.n, 0);
	seen_free(&s);
}

Test(records, callback_can_stop)
{
	struct seen s = {.stop_after = 2};
	cr_assert(READ("a\nb\nc\n\"unterminated", &s));
	cr_assert_str_eq(s.text, "1@1:a\n2@2:b\n");
	cr_assert_eq(diags.n, 0);
	seen_free(&s);
}

Test(records, records_across_chunks)
{
	/* 20,001 records of 11 bytes span several 64 KiB chunks, one in
	 * seven with a quoted line break. */
	enum { N = 20001 };
	char *t = malloc(N * 16);
	size_t len = 0;
	for (int i = 0; i < N; i++)
		len += (size_t)sprintf(t + len, i % 7 ? "%05d,abcd\n"
		                                      : "%05d,\"a\nb\"\n", i);
	struct seen s = {0};
	cr_assert(read_text(t, len, ',', &s));
	cr_assert_eq(s.records, N);
	char want[64];
	sprintf(want, "%d@%d:%05d,abcd\n", N, N + 1 + (N - 2) / 7, N - 1);
	want[strcspn(want, ",")] = '|';
	cr_assert_str_eq(s.text + strlen(s.text) - strlen(want), want);
	cr_assert(strstr(s.text, "\n8@9:00007|a\\nb\n9@11:00008|abcd\n"));
	seen_free(&s);
	free(t);
}

Test(records, reader_reused_after_an_error)
{
	struct seen s = {0};
	cr_assert_not(READ("a,\"b", &s));
	seen_free(&s);
	s = (struct seen){0};
	cr_assert(READ("c,d\ne\n", &s));
	cr_assert_str_eq(s.text, "1@1:c|d\n2@2:e\n");
	cr_assert_eq(diags.n, 1);
	seen_free(&s);
}
