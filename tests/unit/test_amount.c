#include "config.h"

#include "amount.h"

#include <criterion/criterion.h>
#include <string.h>

static const char *why;

/* Parses s, expecting AMOUNT_OK, and returns the figure in 分. */
static int64_t ok(const char *s, enum amount_unit unit)
{
	int64_t fen = 12345;   /* not a plausible answer */
	enum amount_status st = amount_parse(s, strlen(s), unit, &fen, &why);

	cr_assert_eq(st, AMOUNT_OK, "\"%s\": status %d, reason %s", s, st,
	             why ? why : "(none)");
	cr_assert_null(why, "\"%s\"", s);
	return fen;
}

/* Parses s, expecting AMOUNT_BAD with the given reason. */
static void bad(const char *s, enum amount_unit unit, const char *reason)
{
	int64_t fen = 777;
	enum amount_status st = amount_parse(s, strlen(s), unit, &fen, &why);

	cr_assert_eq(st, AMOUNT_BAD, "\"%s\": status %d", s, st);
	cr_assert_eq(fen, 777, "\"%s\": *fen written on failure", s);
	cr_assert_str_eq(why, reason, "\"%s\"", s);
}

static void none(const char *s)
{
	int64_t fen = 777;
	enum amount_status st = amount_parse(s, strlen(s), UNIT_WAN, &fen, &why);

	cr_assert_eq(st, AMOUNT_NONE, "\"%s\": status %d", s, st);
	cr_assert_eq(fen, 777);
	cr_assert_null(why);
}

static const char *fmt(int64_t fen, enum amount_unit unit, bool grouping)
{
	static char buf[AMOUNT_FMT_SIZE];
	size_t n = amount_format(fen, unit, grouping, buf, sizeof buf);

	cr_assert_eq(n, strlen(buf));
	return buf;
}

Test(amount_parse, wan_plain_and_grouped)
{
	cr_assert_eq(ok("17419.04", UNIT_WAN), INT64_C(17419040000));
	cr_assert_eq(ok("17,419.04", UNIT_WAN), INT64_C(17419040000));
	cr_assert_eq(ok("12,345,678.9", UNIT_WAN), INT64_C(12345678900000));
	cr_assert_eq(ok("1,234.56", UNIT_WAN), INT64_C(1234560000));
	cr_assert_eq(ok("0", UNIT_WAN), 0);
	cr_assert_eq(ok("0.00", UNIT_WAN), 0);
	cr_assert_eq(ok("5.75", UNIT_WAN), 5750000);
	cr_assert_eq(ok("007", UNIT_WAN), 7000000);
}

Test(amount_parse, wan_six_decimals_are_exact_fen)
{
	cr_assert_eq(ok("1234.565", UNIT_WAN), INT64_C(1234565000));
	cr_assert_eq(ok("0.000001", UNIT_WAN), 1);
	cr_assert_eq(ok("0.0000010", UNIT_WAN), 1);
	bad("0.0000001", UNIT_WAN, "too many decimal places: finer than 0.01 yuan");
	bad("1.1234567", UNIT_WAN, "too many decimal places: finer than 0.01 yuan");
}

Test(amount_parse, yuan_two_decimals)
{
	cr_assert_eq(ok("57500", UNIT_YUAN), 5750000);
	cr_assert_eq(ok("1,234.56", UNIT_YUAN), 123456);
	cr_assert_eq(ok("0.01", UNIT_YUAN), 1);
	cr_assert_eq(ok("12.5", UNIT_YUAN), 1250);
	cr_assert_eq(ok("12.500", UNIT_YUAN), 1250);
	bad("12.345", UNIT_YUAN, "too many decimal places: finer than 0.01 yuan");
	bad("0.001", UNIT_YUAN, "too many decimal places: finer than 0.01 yuan");
}

Test(amount_parse, signs_and_parentheses)
{
	cr_assert_eq(ok("-12.00", UNIT_YUAN), -1200);
	cr_assert_eq(ok("+12.00", UNIT_YUAN), 1200);
	cr_assert_eq(ok("(12.00)", UNIT_YUAN), -1200);
	cr_assert_eq(ok("（12.00）", UNIT_YUAN), -1200);
	cr_assert_eq(ok("(1,234.00)", UNIT_YUAN), -123400);
	cr_assert_eq(ok("-0", UNIT_YUAN), 0);
	bad("()", UNIT_YUAN, "empty parentheses");
	bad("(-12)", UNIT_YUAN, "a sign inside parentheses");
	bad("-(12)", UNIT_YUAN, "a sign before parentheses");
	bad("(12", UNIT_YUAN, "unbalanced parentheses");
	bad("12)", UNIT_YUAN, "unbalanced parentheses");
	bad("((12))", UNIT_YUAN, "unbalanced parentheses");
	bad("(12)3", UNIT_YUAN, "not a number");
	bad("--12", UNIT_YUAN, "more than one sign");
	bad("+-12", UNIT_YUAN, "more than one sign");
}

Test(amount_parse, full_width_forms)
{
	cr_assert_eq(ok("１２.５", UNIT_WAN), 12500000);
	cr_assert_eq(ok("１２．５", UNIT_WAN), 12500000);
	cr_assert_eq(ok("１，２３４．５６", UNIT_YUAN), 123456);
	cr_assert_eq(ok("－３", UNIT_YUAN), -300);
	cr_assert_eq(ok("＋３", UNIT_YUAN), 300);
	cr_assert_eq(ok("　１２　", UNIT_YUAN), 1200);
	bad("１　２", UNIT_YUAN, "a space inside the number");
}

Test(amount_parse, currency_sign)
{
	cr_assert_eq(ok("￥1,234", UNIT_YUAN), 123400);
	cr_assert_eq(ok("¥1,234.50", UNIT_YUAN), 123450);
	cr_assert_eq(ok("￥ 12", UNIT_YUAN), 1200);
	cr_assert_eq(ok("-￥12", UNIT_YUAN), -1200);
	cr_assert_eq(ok("￥-12", UNIT_YUAN), -1200);
	cr_assert_eq(ok("￥(12)", UNIT_YUAN), -1200);
	bad("￥￥12", UNIT_YUAN, "more than one currency sign");
	bad("￥", UNIT_YUAN, "not a number");
	bad("12￥", UNIT_YUAN, "not a number");
}

Test(amount_parse, surrounding_spaces)
{
	cr_assert_eq(ok("  12.5 ", UNIT_YUAN), 1250);
	cr_assert_eq(ok("\t12.5\t", UNIT_YUAN), 1250);
	cr_assert_eq(ok("\xE3\x80\x80" "12.5" "\xE3\x80\x80", UNIT_YUAN), 1250);
	cr_assert_eq(ok("\xC2\xA0" "12.5" "\xC2\xA0", UNIT_YUAN), 1250);
	bad("1 234", UNIT_YUAN, "a space inside the number");
	bad("1\xC2\xA0" "234", UNIT_YUAN, "a space inside the number");
}

Test(amount_parse, no_figure)
{
	none("");
	none("   ");
	none("\xE3\x80\x80\xE3\x80\x80");
	none("-");
	none(" - ");
	none("—");
	none("——");
	none("–");
	none("－");
}

Test(amount_parse, thousands_separators_in_groups_of_three)
{
	bad("1,23.4", UNIT_WAN, "misplaced thousands separator");
	bad("1,2345", UNIT_WAN, "misplaced thousands separator");
	bad("1234,567", UNIT_WAN, "misplaced thousands separator");
	bad(",123", UNIT_WAN, "misplaced thousands separator");
	bad("1,,234", UNIT_WAN, "misplaced thousands separator");
	bad("1,234.567,8", UNIT_WAN, "misplaced thousands separator");
	bad("1,234,56", UNIT_WAN, "misplaced thousands separator");
}

Test(amount_parse, not_amounts)
{
	bad("12.3.4", UNIT_WAN, "more than one decimal point");
	bad("#DIV/0!", UNIT_WAN, "a spreadsheet error value, not an amount");
	bad("#N/A", UNIT_WAN, "a spreadsheet error value, not an amount");
	bad("1.2E+3", UNIT_WAN, "scientific notation, not an exact amount");
	bad("1.2e-3", UNIT_WAN, "scientific notation, not an exact amount");
	bad("4E5", UNIT_WAN, "scientific notation, not an exact amount");
	bad("1.2E", UNIT_WAN, "not a number");
	bad("12.5%", UNIT_WAN, "a percentage, not an amount");
	bad("１２.５％", UNIT_WAN, "a percentage, not an amount");
	bad("12.5%x", UNIT_WAN, "not a number");
	bad("nan", UNIT_WAN, "not a number");
	bad("inf", UNIT_WAN, "not a number");
	bad("-inf", UNIT_WAN, "not a number");
	bad("0x1p3", UNIT_WAN, "not a number");
	bad("12元", UNIT_WAN, "not a number");
	bad("abc", UNIT_WAN, "not a number");
	bad(".", UNIT_WAN, "not a number");
	bad("①", UNIT_WAN, "not a number");
	bad("\xFF" "12", UNIT_WAN, "not a number");
	bad("12\xE3\x80", UNIT_WAN, "not a number");
}

Test(amount_parse, embedded_nul_is_bad)
{
	int64_t fen;

	cr_assert_eq(amount_parse("1\0" "2", 3, UNIT_YUAN, &fen, &why), AMOUNT_BAD);
	cr_assert_str_eq(why, "not a number");
}

Test(amount_parse, length_bounds_the_input)
{
	int64_t fen = 0;

	cr_assert_eq(amount_parse("12345", 2, UNIT_YUAN, &fen, NULL), AMOUNT_OK);
	cr_assert_eq(fen, 1200);
}

Test(amount_parse, overflow_beyond_9e17_fen)
{
	cr_assert_eq(ok("900000000000", UNIT_WAN), AMOUNT_FEN_MAX);
	cr_assert_eq(ok("-900000000000", UNIT_WAN), -AMOUNT_FEN_MAX);
	cr_assert_eq(ok("9000000000000000", UNIT_YUAN), AMOUNT_FEN_MAX);
	bad("900000000000.000001", UNIT_WAN, "the amount is too large");
	bad("900000000001", UNIT_WAN, "the amount is too large");
	bad("9000000000000000.01", UNIT_YUAN, "the amount is too large");
	bad("99999999999999999999999999", UNIT_YUAN, "the amount is too large");
}

Test(amount_format, wan_rounds_half_away_from_zero)
{
	cr_assert_str_eq(fmt(INT64_C(1234565000), UNIT_WAN, false), "1234.57");
	cr_assert_str_eq(fmt(INT64_C(-1234565000), UNIT_WAN, false), "-1234.57");
	cr_assert_str_eq(fmt(INT64_C(1234564999), UNIT_WAN, false), "1234.56");
	cr_assert_str_eq(fmt(INT64_C(17419040000), UNIT_WAN, true), "17,419.04");
	cr_assert_str_eq(fmt(INT64_C(17419040000), UNIT_WAN, false), "17419.04");
	cr_assert_str_eq(fmt(5750000, UNIT_WAN, true), "5.75");
	cr_assert_str_eq(fmt(0, UNIT_WAN, true), "0.00");
	cr_assert_str_eq(fmt(-4999, UNIT_WAN, false), "0.00");
	cr_assert_str_eq(fmt(-5000, UNIT_WAN, false), "-0.01");
}

Test(amount_format, yuan_exact)
{
	cr_assert_str_eq(fmt(123456, UNIT_YUAN, true), "1,234.56");
	cr_assert_str_eq(fmt(-1, UNIT_YUAN, false), "-0.01");
	cr_assert_str_eq(fmt(100000000, UNIT_YUAN, true), "1,000,000.00");
	cr_assert_str_eq(fmt(99999, UNIT_YUAN, true), "999.99");
	cr_assert_str_eq(fmt(INT64_MIN, UNIT_YUAN, true),
	                 "-92,233,720,368,547,758.08");
}

Test(amount_format, truncates_like_snprintf)
{
	char buf[5];

	cr_assert_eq(amount_format(123456, UNIT_YUAN, true, buf, sizeof buf), 8);
	cr_assert_str_eq(buf, "1,23");
	cr_assert_eq(amount_format(123456, UNIT_YUAN, true, NULL, 0), 8);
}

Test(amount_format, round_trips_through_parse)
{
	static const int64_t values[] = { 0, 1, 99, 100, 123456, -98765432,
	                                  AMOUNT_FEN_MAX, -AMOUNT_FEN_MAX };
	char buf[AMOUNT_FMT_SIZE];

	for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
		amount_format(values[i], UNIT_YUAN, true, buf, sizeof buf);
		cr_assert_eq(ok(buf, UNIT_YUAN), values[i], "%s", buf);
	}
}

Test(cell_char, folds_full_width_forms_only)
{
	const char *s = "０％（ａ①　¥";
	const char *end = s + strlen(s);
	size_t len;

	cr_assert_eq(cell_char(s, end, &len), '0');
	cr_assert_eq(len, 3);
	cr_assert_eq(cell_char(s += len, end, &len), '%');
	cr_assert_eq(cell_char(s += len, end, &len), '(');
	cr_assert_eq(cell_char(s += len, end, &len), 'a');
	cr_assert_eq(cell_char(s += len, end, &len), 0x2460);  /* ① stays */
	cr_assert_eq(cell_char(s += len, end, &len), ' ');
	cr_assert_eq(cell_char(s += len, end, &len), 0xA5);
	cr_assert_eq(len, 2);
	cr_assert_eq(cell_char(s += len, end, &len), CELL_END);
	cr_assert_eq(len, 0);
}

Test(cell_char, rejects_malformed_utf8)
{
	static const char *const bad_seqs[] = {
		"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xE3\x80",
	};
	size_t len;

	for (size_t i = 0; i < sizeof bad_seqs / sizeof *bad_seqs; i++) {
		const char *s = bad_seqs[i];
		cr_assert_eq(cell_char(s, s + strlen(s), &len), 0xFFFD, "case %zu", i);
		cr_assert_eq(len, 1);
	}
}

Test(cell_trim, strips_ascii_ideographic_and_no_break_spaces)
{
	const char *s = " \t\xE3\x80\x80\xC2\xA0" "a b" "\xC2\xA0\xE3\x80\x80 ";
	size_t n = strlen(s);

	cell_trim(&s, &n);
	cr_assert_eq(n, 3);
	cr_assert_eq(memcmp(s, "a b", 3), 0);
}

Test(amount_add, saturates_instead_of_overflowing)
{
	/* Eleven rows of the largest amount: a sum past INT64_MAX. */
	int64_t sum = 0;

	for (int i = 0; i < 11; i++)
		sum = amount_add(sum, AMOUNT_FEN_MAX);
	cr_assert_eq(sum, INT64_MAX);
	sum = 0;
	for (int i = 0; i < 11; i++)
		sum = amount_add(sum, -AMOUNT_FEN_MAX);
	cr_assert_eq(sum, -INT64_MAX);
	cr_assert_eq(amount_add(INT64_MIN + 1, -1), -INT64_MAX);
	cr_assert_eq(amount_add(-5, 7), 2);
	cr_assert_eq(amount_add(INT64_MAX, -1), INT64_MAX - 1);
}
