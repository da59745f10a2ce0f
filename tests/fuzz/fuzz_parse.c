/* The cell parsers and the text made safe for the terminal: amount_parse
 * and amount_format (a formatted amount parses back), the code readers
 * (what they accept is digits of the promised lengths), ind_value_parse
 * and ind_value_format, text_sanitize and text_fit.  Output buffers are
 * allocated exactly as large as the caller is told to make them, so that
 * a write past the promised size is caught. */
#include "config.h"

#include "fuzz.h"
#include "amount.h"
#include "code.h"
#include "indicator.h"
#include "text.h"
#include "xalloc.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static void check_amount(const char *cell, size_t n, enum amount_unit unit, unsigned sel)
{
	int64_t fen = 0;
	const char *why = "unset";
	enum amount_status st = amount_parse(cell, n, unit, &fen, &why);
	FUZZ_ASSERT((st == AMOUNT_BAD) == (why != NULL), "amount_parse: status %d, why %s",
	            st, why ? why : "NULL");
	if (st != AMOUNT_OK)
		return;
	FUZZ_ASSERT(fen >= -AMOUNT_FEN_MAX && fen <= AMOUNT_FEN_MAX, "amount %lld",
	            (long long)fen);
	/* 万元 are shown to 0.01, rounded half away from zero. */
	int64_t mag = fen < 0 ? -fen : fen;
	int64_t shown = unit == UNIT_YUAN ? fen
	              : (fen < 0 ? -1 : 1) * ((mag + 5000) / 10000 * 10000);
	for (int grouping = 0; grouping < 2; grouping++) {
		char *buf = xmalloc(AMOUNT_FMT_SIZE);
		size_t len = amount_format(fen, unit, grouping, buf, AMOUNT_FMT_SIZE);
		FUZZ_ASSERT(len < AMOUNT_FMT_SIZE && strlen(buf) == len, "amount_format: %zu", len);
		int64_t back;
		FUZZ_ASSERT(amount_parse(buf, len, unit, &back, NULL) == AMOUNT_OK && back == shown,
		            "amount %lld formatted as '%s' reads back as %lld", (long long)fen,
		            buf, (long long)back);
		size_t cap = sel % AMOUNT_FMT_SIZE;
		char *small = xmalloc(cap ? cap : 1);
		FUZZ_ASSERT(amount_format(fen, unit, grouping, small, cap) == len,
		            "amount_format's length depends on cap");
		FUZZ_ASSERT(!cap || (strlen(small) < cap && strncmp(small, buf, strlen(small)) == 0),
		            "amount_format with cap %zu wrote '%s'", cap, small);
		free(small);
		free(buf);
	}
}

static bool all_digits(const char *s, size_t lo, size_t hi)
{
	size_t n = strspn(s, "0123456789");
	return s[n] == '\0' && n >= lo && n <= hi;
}

/* A code reader's result: false with a reason, or digits of a length the
 * contract allows (odd lengths for classifications). */
static void check_code(bool ok, const char *out, const char *why, size_t lo, size_t hi,
                       bool odd, const char *what)
{
	if (!ok) {
		FUZZ_ASSERT(why != NULL, "%s refused without a reason", what);
		return;
	}
	FUZZ_ASSERT(all_digits(out, lo, hi) && (!odd || strlen(out) % 2 == 1),
	            "%s gave '%s'", what, out);
}

static void check_codes(char *str, unsigned sel)
{
	char out[CODE_SIZE];
	const char *why = NULL;
	/* Split columns: the cell up to the first and second tabs. */
	char *split = xstrdup(str);
	char *f[3] = { split, "", "" };
	for (int i = 1; i < 3; i++) {
		char *tab = strchr(f[i - 1], '\t');
		if (!tab)
			break;
		*tab = '\0';
		f[i] = tab + 1;
	}
	bool ok = code_func_split(f[0], f[1], f[2], out, sizeof out, &why);
	check_code(ok, out, why, 3, 7, true, "code_func_split");
	why = NULL, ok = code_econ_split(f[0], f[1], out, sizeof out, &why);
	check_code(ok, out, why, 3, 5, true, "code_econ_split");
	free(split);

	why = NULL, ok = code_func_joined(str, out, sizeof out, &why);
	check_code(ok, out, why, 3, 7, true, "code_func_joined");
	why = NULL, ok = code_econ_joined(str, out, sizeof out, &why);
	check_code(ok, out, why, 3, 5, true, "code_econ_joined");
	why = NULL, ok = code_unit(str, out, sizeof out, &why);
	check_code(ok, out, why, 3, 6, false, "code_unit");
	FUZZ_ASSERT(!ok || strlen(out) == 3 || strlen(out) == 6, "code_unit gave '%s'", out);
	why = NULL, ok = code_project(str, out, sizeof out, &why);
	check_code(ok, out, why, 6, 32, false, "code_project");
	code_looks_like(str);

	int level = code_level(str);
	FUZZ_ASSERT(level == 0 || all_digits(str, 3, 7), "code_level('%s') = %d", str, level);
	size_t cap = sel % CODE_SIZE;
	char *small = xmalloc(cap ? cap : 1);
	code_parent(str, small, cap);
	if (cap)
		FUZZ_ASSERT(strlen(small) < cap, "code_parent overran cap %zu", cap);
	/* A smaller buffer either holds the whole code or is refused. */
	if (code_func_joined(str, small, cap, NULL))
		FUZZ_ASSERT(cap && strlen(small) < cap && all_digits(small, 3, 7),
		            "code_func_joined with cap %zu", cap);
	free(small);
}

static void check_indicator(const char *str, unsigned sel)
{
	struct ind_value v;
	ind_value_parse(str, &v);
	FUZZ_ASSERT(memchr(v.unit, '\0', sizeof v.unit), "indicator unit not terminated");
	FUZZ_ASSERT(v.has_number || v.cmp == CMP_NONE, "a comparison without a number");
	char *buf = xmalloc(IND_VALUE_FMT_SIZE);
	ind_value_format(&v, buf, IND_VALUE_FMT_SIZE);
	FUZZ_ASSERT(strlen(buf) < IND_VALUE_FMT_SIZE, "ind_value_format overran");
	/* The unit is the file's text (the views sanitise it), but never
	 * holds a C0 control. */
	for (const char *p = buf; *p; p++)
		FUZZ_ASSERT((unsigned char)*p >= 0x20 && *p != 0x7F,
		            "an indicator value formats with a control byte");
	size_t cap = sel % IND_VALUE_FMT_SIZE;
	char *small = xmalloc(cap ? cap : 1);
	ind_value_format(&v, small, cap);
	if (cap)
		FUZZ_ASSERT(strlen(small) < cap, "ind_value_format overran cap %zu", cap);
	free(small);
	free(buf);
}

static void check_text(const char *cell, size_t n, unsigned sel)
{
	char *clean = text_sanitize(cell, n);
	size_t len = strlen(clean);
	fuzz_assert_clean(clean, len, false, "text_sanitize");
	char *again = text_sanitize(clean, len);
	FUZZ_ASSERT(strcmp(again, clean) == 0, "text_sanitize is not idempotent");
	free(again);
	int width = text_width(clean);
	FUZZ_ASSERT(width >= 0, "text_width %d", width);
	int cols = (int)(sel % 100);
	size_t cap = TEXT_FIT_UTF8CAP(cols);
	char *fit = xmalloc(cap);
	int used = text_fit_utf8(clean, cols, fit, cap);
	FUZZ_ASSERT(used >= 0 && used <= cols && text_width(fit) == used,
	            "text_fit_utf8 into %d columns: used %d, measures %d", cols, used,
	            text_width(fit));
	/* (What fits may still change: a character the locale cannot show
	 * becomes '?'.) */
	FUZZ_ASSERT(width > cols || used == width, "text that fits was cut");
	FUZZ_ASSERT(width <= cols || used == cols, "a cut text takes %d of %d columns",
	            used, cols);
	free(fit);
	size_t wcap = TEXT_FIT_WCAP(cols);
	wchar_t *wfit = xreallocarray(NULL, wcap, sizeof *wfit);
	FUZZ_ASSERT(text_fit(clean, cols, wfit, wcap) == used, "text_fit and text_fit_utf8 differ");
	free(wfit);
	free(clean);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sel = size ? data[0] : 0;
	/* Exactly size bytes: a read past the cell is caught. */
	char *cell = xmalloc(size ? size : 1);
	memcpy(cell, data, size);
	check_amount(cell, size, UNIT_WAN, sel);
	check_amount(cell, size, UNIT_YUAN, sel);
	size_t n = 0;
	while (n < size) {
		size_t len;
		int32_t c = cell_char(cell + n, cell + size, &len);
		FUZZ_ASSERT(c != CELL_END && len >= 1 && len <= size - n, "cell_char");
		n += len;
	}
	check_text(cell, size, sel);
	free(cell);

	char *str = xstrndup((const char *)data, size);
	check_indicator(str, sel);
	check_codes(str, sel);
	free(str);
	return 0;
}
