#include "config.h"

#include "strset.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static struct arena arena;
static struct strset set;

static void setup(void)
{
	arena = (struct arena){0};
	strset_init(&set, &arena);
}

static void teardown(void)
{
	strset_free(&set);
	arena_free(&arena);
}

TestSuite(strset, .init = setup, .fini = teardown);

Test(strset, equal_strings_share_one_copy)
{
	char a[] = "成本指标", b[] = "成本指标";
	const char *x = strset_intern_str(&set, a);
	const char *y = strset_intern_str(&set, b);
	cr_assert_eq(x, y);
	cr_assert_str_eq(x, "成本指标");
	cr_assert_neq((const void *)x, (const void *)a, "the set keeps its own copy");
	a[0] = 'X';
	cr_assert_str_eq(x, "成本指标", "a copy, not the caller's buffer");
	cr_assert_eq(set.n, 1);
}

Test(strset, different_strings_stay_apart)
{
	const char *x = strset_intern_str(&set, "行政运行");
	const char *y = strset_intern_str(&set, "行政运行 ");
	const char *z = strset_intern(&set, "行政运行", 3);
	cr_assert_neq(x, y);
	cr_assert_str_eq(y, "行政运行 ");
	cr_assert_str_eq(z, "行");
	cr_assert_eq(set.n, 3);
}

Test(strset, the_empty_string_needs_no_copy)
{
	cr_assert_str_eq(strset_intern(&set, "abc", 0), "");
	cr_assert_eq(set.n, 0);
}

Test(strset, bytes_after_a_nul_count)
{
	const char *x = strset_intern(&set, "a\0b", 3);
	const char *y = strset_intern(&set, "a\0c", 3);
	cr_assert_neq(x, y);
	cr_assert_eq(memcmp(y, "a\0c", 4), 0, "NUL-terminated after its bytes");
}

Test(strset, many_strings_survive_the_table_growing)
{
	const char *first[5000];
	char buf[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(buf, sizeof buf, "指标%d", i);
		first[i] = strset_intern_str(&set, buf);
	}
	cr_assert_eq(set.n, 5000);
	for (int i = 0; i < 5000; i++) {
		snprintf(buf, sizeof buf, "指标%d", i);
		cr_assert_eq(strset_intern_str(&set, buf), first[i], "string %d", i);
		cr_assert_str_eq(first[i], buf);
	}
	cr_assert_eq(set.n, 5000);
}
