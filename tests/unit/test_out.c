#include "config.h"

#include "out.h"

#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each Criterion test runs in its own process: setlocale does not leak. */
static void use_locale(const char *name)
{
	if (!setlocale(LC_ALL, name))
		cr_assert_fail("locale %s is missing: generate it with localedef "
		               "(Debian package: locales)", name);
}

/* What out_puts writes for s, as a NUL-terminated string (free it). */
static char *written(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	out_puts(f, s);
	fclose(f);
	return buf;
}

static void expect(const char *s, const char *bytes)
{
	char *got = written(s);

	cr_expect_str_eq(got, bytes, "for \"%s\"", s);
	free(got);
}

Test(out, utf8_locale_writes_the_bytes_as_they_are)
{
	use_locale("zh_CN.UTF-8");
	expect("预算 ≠ 😀 ok", "预算 ≠ 😀 ok");
	expect("bad \xff byte", "bad \xff byte");
}

Test(out, gbk_locale_converts_and_marks_what_gbk_lacks)
{
	use_locale("zh_CN.GBK");
	expect("预算", "\xd4\xa4\xcb\xe3");
	expect("a ≠ b", "a \xa1\xd9 b");
	expect("表😀.csv", "\xb1\xed?.csv");
	expect("bad \xff byte", "bad ? byte");
	expect("cut \xe9\xa2", "cut ??");
	expect("", "");
}

Test(out, gb18030_locale_represents_everything)
{
	use_locale("zh_CN.GB18030");
	expect("预算😀", "\xd4\xa4\xcb\xe3\x94\x39\xfc\x36");
}

Test(out, c_locale_writes_escapes)
{
	use_locale("C");
	expect("预算 ok", "<U+9884><U+7B97> ok");
	expect("😀", "<U+1F600>");
	expect("tab\there\n", "tab\there\n");
}

Test(out, printf_formats_then_converts)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	use_locale("zh_CN.GBK");
	f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	out_printf(f, "%s: %d %s\n", "yusuan", 3, "预算");
	fclose(f);
	cr_expect_str_eq(buf, "yusuan: 3 \xd4\xa4\xcb\xe3\n");
	free(buf);
}
