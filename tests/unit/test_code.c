#include "config.h"

#include "code.h"

#include <criterion/criterion.h>
#include <string.h>

#define SCIENTIFIC "the code was turned into a number in scientific notation " \
                   "by the spreadsheet; re-export it as text"
#define NOT_DIGITS "not a code: a code has digits only"
#define LOST_ZEROS "a unit code has 3 or 6 digits; this one has probably lost " \
                   "its leading zeros in the spreadsheet: re-export the column " \
                   "as text"

static char out[CODE_SIZE];
static const char *why;

static void func3(const char *l, const char *k, const char *x, const char *want)
{
	why = NULL;
	cr_assert(code_func_split(l, k, x, out, sizeof out, &why),
	          "%s,%s,%s: %s", l, k, x, why);
	cr_assert_str_eq(out, want);
}

static void func3_bad(const char *l, const char *k, const char *x,
                      const char *reason)
{
	why = NULL;
	cr_assert_not(code_func_split(l, k, x, out, sizeof out, &why),
	              "%s,%s,%s gave %s", l, k, x, out);
	cr_assert_str_eq(why, reason);
}

/* Runs one of the one-cell functions, expecting success with want or
 * failure with reason (want NULL). */
static void one(bool (*f)(const char *, char *, size_t, const char **),
                const char *s, const char *want, const char *reason)
{
	why = NULL;
	strcpy(out, "unset");
	bool r = f(s, out, sizeof out, &why);
	if (want) {
		cr_assert(r, "\"%s\": %s", s, why);
		cr_assert_str_eq(out, want, "\"%s\"", s);
	} else {
		cr_assert_not(r, "\"%s\" gave %s", s, out);
		cr_assert_str_eq(why, reason, "\"%s\"", s);
	}
}

Test(code_func_split, pads_section_and_item)
{
	func3("208", "", "", "208");
	func3("208", "1", "", "20801");
	func3("208", "1", "1", "2080101");
	func3("208", "01", "01", "2080101");
	func3("208", "99", "99", "2089999");
	func3(" 208 ", "\xE3\x80\x80" "05", "02 ", "2080502");
	func3("２０８", "０１", "１", "2080101");
	func3("201.0", "1.0", "3.00", "2010103");
	func3("208", NULL, NULL, "208");
}

Test(code_func_split, refuses_what_would_need_guessing)
{
	func3_bad("208", "", "1", "an item (项) code without a section (款) code");
	func3_bad("28", "1", "1", "a function class (类) code has 3 digits");
	func3_bad("8", "", "", "a function class (类) code has 3 digits");
	func3_bad("2080", "", "", "a function class (类) code has 3 digits");
	func3_bad("", "01", "", "a function class (类) code has 3 digits");
	func3_bad("208", "101", "", "a section (款) code has 2 digits");
	func3_bad("208", "1", "001", "an item (项) code has 2 digits");
	func3_bad("2.01E+02", "1", "1", SCIENTIFIC);
	func3_bad("208", "1x", "1", NOT_DIGITS);
	func3_bad("208", "1", "1.5", NOT_DIGITS);
}

Test(code_func_joined, three_five_or_seven_digits)
{
	one(code_func_joined, "208", "208", NULL);
	one(code_func_joined, "20801", "20801", NULL);
	one(code_func_joined, "2080101", "2080101", NULL);
	one(code_func_joined, "２０１", "201", NULL);
	one(code_func_joined, "201.0", "201", NULL);
	one(code_func_joined, " 2080101.00 ", "2080101", NULL);
	one(code_func_joined, "2080", NULL, "a function code has 3, 5 or 7 digits");
	one(code_func_joined, "208010", NULL, "a function code has 3, 5 or 7 digits");
	one(code_func_joined, "20", NULL, "a function code has 3, 5 or 7 digits");
	one(code_func_joined, "", NULL, "a function code has 3, 5 or 7 digits");
	one(code_func_joined, "2.01E+06", NULL, SCIENTIFIC);
	one(code_func_joined, "2.08E6", NULL, SCIENTIFIC);
	one(code_func_joined, "2e+06", NULL, SCIENTIFIC);
	one(code_func_joined, "201.5", NULL, NOT_DIGITS);
	one(code_func_joined, "201.", NULL, NOT_DIGITS);
	one(code_func_joined, ".0", NULL, NOT_DIGITS);
	one(code_func_joined, "2.01E+", NULL, NOT_DIGITS);
	one(code_func_joined, "208 01", NULL, NOT_DIGITS);
	one(code_func_joined, "-208", NULL, NOT_DIGITS);
	one(code_func_joined, "社会保障和就业支出", NULL, NOT_DIGITS);
	one(code_func_joined, "①②③", NULL, NOT_DIGITS);
	one(code_func_joined, "20\xFF" "8", NULL, NOT_DIGITS);
}

Test(code_econ, split_and_joined)
{
	why = NULL;
	cr_assert(code_econ_split("302", "99", out, sizeof out, &why));
	cr_assert_str_eq(out, "30299");
	cr_assert(code_econ_split("301", "1", out, sizeof out, &why));
	cr_assert_str_eq(out, "30101");
	cr_assert(code_econ_split("501", "", out, sizeof out, &why));
	cr_assert_str_eq(out, "501");
	cr_assert_not(code_econ_split("31", "01", out, sizeof out, &why));
	cr_assert_str_eq(why, "an economic class (类) code has 3 digits");
	cr_assert_not(code_econ_split("301", "011", out, sizeof out, &why));
	cr_assert_str_eq(why, "a section (款) code has 2 digits");
	cr_assert_not(code_econ_split("301", "3.01E+04", out, sizeof out, &why));
	cr_assert_str_eq(why, SCIENTIFIC);

	one(code_econ_joined, "301", "301", NULL);
	one(code_econ_joined, "30101", "30101", NULL);
	one(code_econ_joined, "５０１０１", "50101", NULL);
	one(code_econ_joined, "3010", NULL, "an economic code has 3 or 5 digits");
	one(code_econ_joined, "3010101", NULL, "an economic code has 3 or 5 digits");
}

Test(code_level, by_length)
{
	cr_assert_eq(code_level("208"), 1);
	cr_assert_eq(code_level("20801"), 2);
	cr_assert_eq(code_level("2080101"), 3);
	cr_assert_eq(code_level(""), 0);
	cr_assert_eq(code_level("2080"), 0);
	cr_assert_eq(code_level("208010"), 0);
	cr_assert_eq(code_level("20a01"), 0);
	cr_assert_eq(code_level("208010101"), 0);
}

Test(code_parent, class_of_section_section_of_item)
{
	char p[CODE_SIZE];

	code_parent("2080101", p, sizeof p);
	cr_assert_str_eq(p, "20801");
	code_parent("20801", p, sizeof p);
	cr_assert_str_eq(p, "208");
	code_parent("208", p, sizeof p);
	cr_assert_str_eq(p, "");
	code_parent("2080", p, sizeof p);
	cr_assert_str_eq(p, "");
}

Test(code_unit, keeps_leading_zeros_and_refuses_lost_ones)
{
	one(code_unit, "028", "028", NULL);
	one(code_unit, "028001", "028001", NULL);
	one(code_unit, "０２８００１", "028001", NULL);
	one(code_unit, "28", NULL, LOST_ZEROS);
	one(code_unit, "28001", NULL, LOST_ZEROS);
	one(code_unit, "1001", NULL, LOST_ZEROS);
	one(code_unit, "0280011", NULL, "a unit code has 3 or 6 digits");
	one(code_unit, "", NULL, "a unit code has 3 or 6 digits");
	one(code_unit, "2.8E+04", NULL, SCIENTIFIC);
	one(code_unit, "驻马店", NULL, NOT_DIGITS);
}

Test(code_project, long_digit_strings)
{
	one(code_project, "411700230000000018931", "411700230000000018931", NULL);
	one(code_project, "４１１７００２３００００００００１８９３１",
	    "411700230000000018931", NULL);
	one(code_project, "123456", "123456", NULL);
	one(code_project, "12345678901234567890123456789012",
	    "12345678901234567890123456789012", NULL);
	one(code_project, "12345", NULL, "a project code has 6 to 32 digits");
	one(code_project, "123456789012345678901234567890123", NULL,
	    "a project code has 6 to 32 digits");
	one(code_project, "4.117E+20", NULL, SCIENTIFIC);
	one(code_project, "4.11700230000000E+20", NULL, SCIENTIFIC);
	one(code_project, "4117-0023", NULL, NOT_DIGITS);
	one(code_project, "P4117002300", NULL, NOT_DIGITS);
}

Test(code, small_buffer_is_refused)
{
	char small[4];

	cr_assert_not(code_func_joined("20801", small, sizeof small, &why));
	cr_assert_str_eq(why, "the code is too long");
	cr_assert(code_func_joined("208", small, sizeof small, &why));
	cr_assert_str_eq(small, "208");
}

Test(code, why_may_be_null)
{
	cr_assert_not(code_unit("28", out, sizeof out, NULL));
	cr_assert_not(code_project("4.117E+20", out, sizeof out, NULL));
}

Test(code_looks_like, digits_or_spoilt_digits)
{
	cr_assert(code_looks_like("208"));
	cr_assert(code_looks_like(" ２０８ "));
	cr_assert(code_looks_like("201.0"));
	cr_assert(code_looks_like("4.117E+20"));
	cr_assert(code_looks_like("028001"));
	cr_assert_not(code_looks_like(""));
	cr_assert_not(code_looks_like("   "));
	cr_assert_not(code_looks_like(NULL));
	cr_assert_not(code_looks_like("合计"));
	cr_assert_not(code_looks_like("类"));
	cr_assert_not(code_looks_like("17,419.04"));
	cr_assert_not(code_looks_like("201.5"));
	cr_assert_not(code_looks_like("E+20"));
}
