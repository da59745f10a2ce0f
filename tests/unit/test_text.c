#include "config.h"

#include "text.h"

#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Each Criterion test runs in its own process: setlocale and
 * text_set_ambiguous_width do not leak into other tests. */
static void use_locale(const char *name)
{
	if (!setlocale(LC_ALL, name))
		cr_assert_fail("locale %s is missing: add it to "
		               "/etc/locale.gen and run locale-gen "
		               "(Debian package: locales)", name);
}

/* No C0 byte, no DEL, and no C1, bidi or invisible format character. */
static void assert_clean(const char *s)
{
	static const uint32_t banned[] = {
		0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028,
		0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
		0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD,
	};
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_next(s + i, n - i, &cp);

		cr_assert(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0),
		          "control U+%04X at byte %zu of \"%s\"", cp, i, s);
		for (size_t j = 0; j < sizeof banned / sizeof banned[0]; j++)
			cr_assert(cp != banned[j], "U+%04X left in \"%s\"",
			          cp, s);
		i += len;
	}
}

/* Sanitizes n bytes, checks the result is clean and equals want. */
static void check_sanitize(const char *in, size_t n, const char *want)
{
	char *got = text_sanitize(in, n);

	assert_clean(got);
	cr_assert_str_eq(got, want);
	free(got);
}

#define SANITIZE(lit, want) check_sanitize(lit, sizeof lit - 1, want)

/* ---- utf8_next ---- */

static void check_decode(const char *s, size_t n, uint32_t cp, size_t len)
{
	uint32_t got;

	cr_assert_eq(utf8_next(s, n, &got), len, "length for %02X...",
	             (unsigned char)s[0]);
	cr_assert_eq(got, cp, "U+%04X instead of U+%04X", got, cp);
}

Test(utf8_next, decodes_valid_boundaries)
{
	check_decode("\x7f", 1, 0x7F, 1);
	check_decode("\xc2\x80", 2, 0x80, 2);
	check_decode("\xdf\xbf", 2, 0x7FF, 2);
	check_decode("\xe0\xa0\x80", 3, 0x800, 3);
	check_decode("\xe9\xa2\x84", 3, 0x9884, 3);          /* 预 */
	check_decode("\xef\xbf\xbf", 3, 0xFFFF, 3);
	check_decode("\xf0\x90\x80\x80", 4, 0x10000, 4);
	check_decode("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4);
}

Test(utf8_next, rejects_bad_sequences_one_byte_at_a_time)
{
	check_decode("\xc0\x80", 2, 0xFFFD, 1);              /* overlong NUL */
	check_decode("\xc1\xbf", 2, 0xFFFD, 1);
	check_decode("\xe0\x9f\xbf", 3, 0xFFFD, 1);          /* overlong */
	check_decode("\xf0\x8f\xbf\xbf", 4, 0xFFFD, 1);      /* overlong */
	check_decode("\xed\xa0\x80", 3, 0xFFFD, 1);          /* surrogate */
	check_decode("\xf4\x90\x80\x80", 4, 0xFFFD, 1);      /* > U+10FFFF */
	check_decode("\xf5\x80\x80\x80", 4, 0xFFFD, 1);
	check_decode("\xff", 1, 0xFFFD, 1);
	check_decode("\x80", 1, 0xFFFD, 1);                  /* lone trail */
	check_decode("\xe9\xa2", 2, 0xFFFD, 1);              /* truncated */
	check_decode("\xe9\xa2\x84", 2, 0xFFFD, 1);          /* n too small */
	check_decode("\xe9\x41\x84", 3, 0xFFFD, 1);          /* bad trail */
}

/* ---- text_sanitize ---- */

Test(sanitize, backspaces_stay_visible)
{
	/* ncurses would show "999": the user must see all six digits. */
	SANITIZE("100\b\b\b999", "100^H^H^H999");
}

Test(sanitize, terminal_escapes_become_carets)
{
	SANITIZE("\x1b[2J", "^[[2J");
	SANITIZE("\x1b]52;c;ZXZpbA==\x07", "^[]52;c;ZXZpbA==^G");
	SANITIZE("a\x7f" "b", "a^?b");
}

Test(sanitize, c1_controls_become_escapes)
{
	SANITIZE("\xc2\x9b" "2J", "<U+009B>2J");            /* 8-bit CSI */
	SANITIZE("x\xc2\x85y", "x<U+0085>y");               /* NEL */
	/* A raw 0x9B byte is not UTF-8 at all. */
	SANITIZE("\x9b" "2J", "\xef\xbf\xbd" "2J");
}

Test(sanitize, line_breaks_and_tabs_are_single_spaces)
{
	SANITIZE("a\tb\r\nc\n\nd", "a b  c  d");
}

Test(sanitize, lines_keep_their_breaks)
{
	char *got = text_sanitize_lines("\r\n①收入；\r\n②支出\n\n③\r④\tend\n\r\n", 41);

	cr_assert_str_eq(got, "①收入；\n②支出\n\n③\n④ end");
	free(got);
	/* Whatever else, as text_sanitize. */
	got = text_sanitize_lines("a\x1b[2J\xe2\x80\xae" "b", 9);
	cr_assert_str_eq(got, "a^[[2J<U+202E>b");
	free(got);
}

Test(sanitize, nul_inside_is_shown)
{
	SANITIZE("ab\0cd", "ab^@cd");
	SANITIZE("\0", "^@");
}

Test(sanitize, bidi_controls_are_escaped)
{
	/* "invoice<RLO>fdp.exe" would read as "invoiceexe.pdf". */
	SANITIZE("invoice\u202efdp.exe", "invoice<U+202E>fdp.exe");
	SANITIZE("\u2066a\u2067b\u2068c\u2069",
	         "<U+2066>a<U+2067>b<U+2068>c<U+2069>");
	SANITIZE("\u200e\u200f\u061c\u202a\u202b\u202c\u202d",
	         "<U+200E><U+200F><U+061C><U+202A><U+202B><U+202C><U+202D>");
}

Test(sanitize, invisible_characters_are_escaped)
{
	SANITIZE("\U0001F468\u200d\U0001F469",
	         "\U0001F468<U+200D>\U0001F469");          /* ZWJ */
	SANITIZE("\xef\xbb\xbf" "name", "<U+FEFF>name");  /* BOM */
	SANITIZE("a\u200bb\u00adc\u2060d", "a<U+200B>b<U+00AD>c<U+2060>d");
	SANITIZE("a\u2028b\u2029c", "a<U+2028>b<U+2029>c");
	SANITIZE("\u3164", "<U+3164>");                     /* Hangul filler */
	SANITIZE("\U000E0041", "<U+E0041>");                /* tag */
	SANITIZE("\xef\xbf\xbe\xf4\x8f\xbf\xbf", "<U+FFFE><U+10FFFF>");
}

Test(sanitize, keeps_ordinary_text)
{
	SANITIZE("社会保障和就业支出 ≥90% “三公” ① ¥1,234 \U0001F600",
	         "社会保障和就业支出 ≥90% “三公” ① ¥1,234 \U0001F600");
	SANITIZE("\ue000", "\ue000");                       /* private use */
	SANITIZE("", "");
}

Test(sanitize, invalid_bytes_become_replacement_characters)
{
	SANITIZE("a\xff\xfe" "b", "a\xef\xbf\xbd\xef\xbf\xbd" "b");
	SANITIZE("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	SANITIZE("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");   /* overlong / */
	SANITIZE("预\xe7\xae", "预\xef\xbf\xbd\xef\xbf\xbd"); /* cut short */
}

Test(sanitize, combining_flood_keeps_two_marks)
{
	size_t n = 1 + 1000 * 2;
	char *in = malloc(n);

	in[0] = 'a';
	for (size_t i = 1; i < n; i += 2)
		memcpy(in + i, "\u0301", 2);
	check_sanitize(in, n, "a\u0301\u0301");
	free(in);
	/* The count restarts at each base; Thai and variation selectors are
	 * marks too. */
	SANITIZE("e\u0301\u0302\u0303f\u0308", "e\u0301\u0302f\u0308");
	SANITIZE("\u0e01\u0e38\u0e49\u0e49\u0e49", "\u0e01\u0e38\u0e49");
	SANITIZE("\u2764\ufe0f\ufe0f\ufe0f", "\u2764\ufe0f\ufe0f");
	/* A Hangul syllable from conjoining jamo stays whole. */
	SANITIZE("\u1100\u1161\u11a8", "\u1100\u1161\u11a8");
}

Test(sanitize, marks_without_a_base_are_dropped)
{
	SANITIZE("\u0301\u0301x", "x");
	SANITIZE("a \u0301b", "a b");
	SANITIZE("a\n\u0301", "a ");
	SANITIZE("\b\u0301", "^H");
	SANITIZE("\u202e\u0301", "<U+202E>");
	SANITIZE("\u00a0\u0301", "\u00a0\u0301");          /* NBSP is a base */
}

Test(sanitize, long_name_is_kept_whole)
{
	size_t n = 10 * 1024 - 2;   /* ends inside a character */
	char *in = malloc(n), *got;

	for (size_t i = 0; i < n; i++)
		in[i] = "预算\x1b"[i % 7];
	got = text_sanitize(in, n);
	assert_clean(got);
	/* 1462 whole "预算\x1b" groups, then "预" and 1 byte of "算". */
	cr_assert_eq(strlen(got), 1462 * 8 + 3 + 3);
	cr_assert(!strncmp(got, "预算^[预算^[", 16));
	cr_assert_str_eq(got + strlen(got) - 8, "^[预\xef\xbf\xbd");
	free(got);
	free(in);
}

Test(sanitize, worst_case_growth_is_linear)
{
	/* 2-byte C1 controls grow most: 8 output bytes each. */
	size_t n = 4 * 1024 * 1024;
	char *in = malloc(n), *got;

	for (size_t i = 0; i < n; i += 2)
		memcpy(in + i, "\xc2\x9b", 2);
	got = text_sanitize(in, n);
	cr_assert_eq(strlen(got), n / 2 * 8);
	cr_assert(!strncmp(got, "<U+009B><U+009B>", 16));
	free(got);
	free(in);
}

static size_t encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

Test(sanitize, every_code_point_is_kept_or_made_visible)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		char in[4], esc[16];
		size_t n;
		char *got;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = encode(cp, in);
		got = text_sanitize(in, n);
		assert_clean(got);
		snprintf(esc, sizeof esc, "<U+%04X>", cp);
		cr_assert((strlen(got) == n && !memcmp(got, in, n)) ||
		          !strcmp(got, esc) || !strcmp(got, " ") ||
		          (got[0] == '^' && got[2] == '\0') || !*got,
		          "U+%04X became \"%s\"", cp, got);
		free(got);
	}
}

/* ---- text_width ---- */

struct width_case {
	const char *s;
	int utf8, gbk;
};

static const struct width_case widths[] = {
	{ "预算", 4, 4 },
	{ "≥90%", 4, 5 },
	{ "≤10%", 4, 5 },
	{ "“三公”", 6, 8 },
	{ "①", 1, 2 },
	{ "…", 1, 2 },
	{ "─┼", 2, 4 },
	{ "\U0001F600", 2, 1 },   /* emoji: drawn as '?' in GBK */
	{ "¥", 1, 1 },            /* not in GBK: '?' */
	{ "\u00a0", 1, 1 },       /* NBSP, not in GBK: '?' */
	{ "\xef\xbf\xbd", 1, 1 }, /* U+FFFD, not in GBK: '?' */
	{ "e\u0301", 1, 2 },      /* the mark is '?' in GBK */
	{ "abc", 3, 3 },
	{ "", 0, 0 },
};

static void check_widths(const char *locale, bool gbk)
{
	use_locale(locale);
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		int want = gbk ? widths[i].gbk : widths[i].utf8;

		cr_expect_eq(text_width(widths[i].s), want,
		             "\"%s\" in %s: %d columns, not %d", widths[i].s,
		             locale, text_width(widths[i].s), want);
	}
}

Test(width, en_US_UTF_8)
{
	check_widths("en_US.UTF-8", false);
}

Test(width, zh_CN_UTF_8)
{
	check_widths("zh_CN.UTF-8", false);
}

Test(width, zh_CN_GBK)
{
	check_widths("zh_CN.GBK", true);
}

Test(width, c_locale_counts_escapes)
{
	use_locale("C");
	cr_assert(text_locale_is_ascii());
	cr_assert_eq(text_width("预算"), 16);                /* <U+9884><U+7B97> */
	cr_assert_eq(text_width("≥90%"), 11);
	cr_assert_eq(text_width("\U0001F600"), 9);
	cr_assert_eq(text_width("abc"), 3);
}

Test(width, locale_codeset_is_read_each_call)
{
	use_locale("C");
	cr_assert(text_locale_is_ascii());
	use_locale("zh_CN.UTF-8");
	cr_assert(!text_locale_is_ascii());
	cr_assert_eq(text_width("预算"), 4);
}

Test(width, ambiguous_override)
{
	use_locale("en_US.UTF-8");
	text_set_ambiguous_width(2);
	cr_assert_eq(text_width("≥90%"), 5);
	cr_assert_eq(text_width("“三公”"), 8);
	cr_assert_eq(text_width("①─…"), 6);
	cr_assert_eq(text_width("预算abc"), 7);      /* only ambiguous ones */
	cr_assert_eq(text_width("e\u0301"), 1);     /* marks stay 0 */
	text_set_ambiguous_width(0);
	cr_assert_eq(text_width("≥90%"), 4);
	text_set_ambiguous_width(7);                /* invalid: the locale */
	cr_assert_eq(text_width("≥90%"), 4);

	use_locale("zh_CN.GBK");
	text_set_ambiguous_width(1);
	cr_assert_eq(text_width("≥90%"), 4);
	cr_assert_eq(text_width("“三公”"), 6);
	cr_assert_eq(text_width("¥"), 1);           /* still '?' */
}

/* Curses measures with wcwidth: it must count as text_width does, or
 * the characters after an ambiguous one would shift on the terminal. */
Test(width, wcwidth_follows_the_ambiguous_override)
{
	use_locale("en_US.UTF-8");
	text_set_ambiguous_width(2);
	cr_assert_eq(wcwidth(L'①'), 2);
	cr_assert_eq(wcwidth(L'×'), 2);
	cr_assert_eq(wcwidth(L'…'), 2);
	cr_assert_eq(wcwidth(L'预'), 2);
	cr_assert_eq(wcwidth(L'a'), 1);
	cr_assert_eq(wcwidth(L'\u0301'), 0);
	cr_assert_eq(wcwidth(L'\n'), -1);
	text_set_ambiguous_width(0);
	cr_assert_eq(wcwidth(L'①'), 1);

	use_locale("zh_CN.GBK");
	cr_assert_eq(wcwidth(L'①'), 2);
	text_set_ambiguous_width(1);
	cr_assert_eq(wcwidth(L'①'), 1);
	cr_assert_eq(wcwidth(L'¥'), -1);           /* GBK cannot encode it */
}

Test(width, unsanitized_controls_count_as_question_marks)
{
	use_locale("en_US.UTF-8");
	cr_assert_eq(text_width("a\tb"), 3);
	cr_assert_eq(text_width("a\xff"), 2);       /* U+FFFD */
}

/* ---- text_fit ---- */

/* Fits s into cols columns both ways; checks the result and that the
 * UTF-8 form says the same as the wide one. */
static void check_fit(const char *s, int cols, const wchar_t *want,
                      int want_cols)
{
	wchar_t w[256];
	char u[1024], wu[1024];
	int got = text_fit(s, cols, w, sizeof w / sizeof w[0]);

	cr_assert(wcscmp(w, want) == 0, "\"%s\" in %d columns: \"%ls\", "
	          "not \"%ls\"", s, cols, w, want);
	cr_assert_eq(got, want_cols, "\"%s\" in %d columns uses %d",
	             s, cols, got);
	cr_assert(got <= (cols > 0 ? cols : 0));
	cr_assert_eq(text_fit_utf8(s, cols, u, sizeof u), want_cols);
	/* The wide result as UTF-8 (wchar_t is UCS-4 in every glibc locale). */
	{
		size_t o = 0;

		for (const wchar_t *p = w; *p; p++)
			o += encode((uint32_t)*p, wu + o);
		wu[o] = '\0';
	}
	cr_assert_str_eq(u, wu);
}

Test(fit, cuts_with_ellipsis_in_utf8_locale)
{
	use_locale("zh_CN.UTF-8");
	check_fit("社会保障和就业支出", 7, L"社会保…", 7);
	check_fit("社会保障和就业支出", 18, L"社会保障和就业支出", 18);
	check_fit("社会保障和就业支出", 17, L"社会保障和就业支…", 17);
	check_fit("社会保障和就业支出", 1, L"…", 1);
	check_fit("一般公共服务支出 ≥90%", 30, L"一般公共服务支出 ≥90%", 21);
	check_fit("abcdef", 4, L"abc…", 4);
	check_fit("abcdef", 6, L"abcdef", 6);
}

Test(fit, never_splits_a_double_width_character)
{
	use_locale("en_US.UTF-8");
	/* 保 would take columns 5-6: the ellipsis follows 社会, a space
	 * fills column 6. */
	check_fit("社会保障", 6, L"社会… ", 6);
	check_fit("社会保障", 2, L"… ", 2);
	check_fit("a社会", 3, L"a… ", 3);
}

Test(fit, never_exceeds_cols_in_gbk)
{
	use_locale("zh_CN.GBK");
	/* '…' is 2 wide here. */
	check_fit("社会保障和就业支出", 7, L"社会… ", 7);
	check_fit("社会保障和就业支出", 8, L"社会保…", 8);
	check_fit("社会保障和就业支出", 2, L"…", 2);
	check_fit("社会保障和就业支出", 1, L"~", 1);
	check_fit("社会", 3, L"… ", 3);
	check_fit("≥90%", 5, L"≥90%", 5);
	check_fit("≥90%", 4, L"≥…", 4);
	for (int cols = 0; cols <= 20; cols++) {
		wchar_t w[64];
		int used = text_fit("“三公”经费①─┼≥≤", cols, w, 64);

		cr_assert(used <= cols && wcswidth(w, 64) == used,
		          "%d columns: \"%ls\" uses %d", cols, w, used);
	}
}

Test(fit, unshowable_characters_become_question_marks)
{
	use_locale("zh_CN.GBK");
	check_fit("a\U0001F600¥b", 10, L"a??b", 4);
	check_fit("a\U0001F600¥bcdef", 5, L"a??…", 5);
}

Test(fit, gb18030_emoji_is_a_question_mark)
{
	/* GB18030 encodes emoji, but glibc gives them no width there. */
	use_locale("zh_CN.GB18030");
	cr_assert_eq(text_width("\U0001F600预"), 3);
	check_fit("\U0001F600预", 3, L"?预", 3);
}

Test(fit, c_locale_shows_escapes)
{
	use_locale("C");
	check_fit("预算", 20, L"<U+9884><U+7B97>", 16);
	check_fit("预算", 16, L"<U+9884><U+7B97>", 16);
	/* An escape is never cut: spaces fill its place. */
	check_fit("预算", 10, L"<U+9884>~ ", 10);
	check_fit("预算", 3, L"~  ", 3);
	check_fit("abcdef", 4, L"abc~", 4);
}

Test(fit, ambiguous_override_applies_to_the_ellipsis)
{
	use_locale("en_US.UTF-8");
	text_set_ambiguous_width(2);
	check_fit("社会保障和就业支出", 7, L"社会… ", 7);
	check_fit("abc", 2, L"…", 2);
	check_fit("abc", 1, L"~", 1);
}

Test(fit, ambiguous_characters_are_drawn_as_published)
{
	use_locale("en_US.UTF-8");
	text_set_ambiguous_width(2);
	check_fit("①收入“三公”×2", 20, L"①收入“三公”×2", 17);
	check_fit("①收入“三公”", 8, L"①收入…", 8);
}

Test(fit, cut_drops_the_padding_only)
{
	char *got;

	use_locale("en_US.UTF-8");
	got = text_cut("预算01表-部门收支预算表.csv", 11);
	cr_assert_str_eq(got, "预算01表-…");
	free(got);
	got = text_cut("社会保障和就业支出", 6);
	cr_assert_str_eq(got, "社会…");
	free(got);
	got = text_cut("ab  ", 10);
	cr_assert_str_eq(got, "ab  ");
	free(got);
	got = text_cut("abc", 0);
	cr_assert_str_eq(got, "");
	free(got);
}

Test(fit, keeps_combining_marks_with_their_base)
{
	use_locale("en_US.UTF-8");
	check_fit("e\u0301\u0302xyz", 2, L"e\u0301\u0302…", 2);
	check_fit("e\u0301\u0302", 1, L"e\u0301\u0302", 1);
}

Test(fit, zero_columns_or_no_room)
{
	wchar_t w[8] = L"junk";
	char u[8] = "junk";

	use_locale("en_US.UTF-8");
	cr_assert_eq(text_fit("abc", 0, w, 8), 0);
	cr_assert(w[0] == L'\0');
	cr_assert_eq(text_fit_utf8("abc", -3, u, 8), 0);
	cr_assert_str_eq(u, "");
	w[0] = L'j';
	cr_assert_eq(text_fit("abc", 3, w, 0), 0);
	cr_assert(w[0] == L'j', "outcap 0 must not be written");
	/* Room for 2 characters and the NUL: cut short without '…'. */
	cr_assert_eq(text_fit("abcdef", 6, w, 3), 2);
	cr_assert(wcscmp(w, L"ab") == 0);
	cr_assert_eq(text_fit_utf8("预算", 4, u, 6), 2);
	cr_assert_str_eq(u, "预");
}

Test(fit, documented_capacity_is_enough)
{
	/* Worst case per column: a 4-byte base and two 4-byte marks. */
	static const char s[] = "\U00010000\U0001D167\U0001D168"
	                        "\U00010001\U0001D167\U0001D168";
	wchar_t w[TEXT_FIT_WCAP(2)];
	char u[TEXT_FIT_UTF8CAP(2)];

	use_locale("en_US.UTF-8");
	cr_assert_eq(text_width(s), 2);
	cr_assert_eq(text_fit(s, 2, w, sizeof w / sizeof w[0]), 2);
	cr_assert_eq(wcslen(w), 6);
	cr_assert_eq(text_fit_utf8(s, 2, u, sizeof u), 2);
	cr_assert_str_eq(u, s);
}

Test(quote, short_text_is_only_sanitized)
{
	char *q = text_quote("a\x1b[2Jb", 6);
	cr_assert_str_eq(q, "a^[[2Jb");
	free(q);
}

Test(quote, long_names_are_cut_naming_the_limit)
{
	/* 10,000 characters of 长 and an escape at the end, which is cut:
	 * 10,002 characters once sanitised ("^["). */
	size_t n = 10000 * 3 + 1;
	char *s = malloc(n);
	for (size_t i = 0; i < 10000; i++)
		memcpy(s + 3 * i, "长", 3);
	s[n - 1] = '\x1b';
	char *q = text_quote(s, n);
	const char *tail = "… (cut at 200 of 10002 characters; limit: name length shown)";
	cr_assert_eq(strlen(q), 200 * 3 + strlen(tail), "%zu bytes", strlen(q));
	cr_assert_str_eq(q + 600, tail);
	cr_assert(strncmp(q, "长长长", 9) == 0);
	free(q);
	/* Exactly the limit: not cut. */
	q = text_quote(s, 200 * 3);
	cr_assert_eq(strlen(q), 600);
	free(q);
	free(s);
}
