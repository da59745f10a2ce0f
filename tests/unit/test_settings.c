#include "config.h"

#include "settings.h"

#include "keys.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];
static struct settings s;
static struct diags d;

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/test_settings.XXXXXX",
	         tmp && tmp[0] ? tmp : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	settings_defaults(&s);
	diags_init(&d);
}

static void teardown(void)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	while (dp && (e = readdir(dp))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p;
		cr_assert_neq(asprintf(&p, "%s/%s", dir, e->d_name), -1);
		cr_expect_eq(remove(p), 0, "remove %s", p);
		free(p);
	}
	if (dp)
		closedir(dp);
	cr_expect_eq(rmdir(dir), 0);
	diags_free(&d);
}

TestSuite(settings, .init = setup, .fini = teardown);

/* The path of name in the test directory (static buffer). */
static const char *in_dir(const char *name)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/* Writes n bytes to name in the test directory; returns its path. */
static const char *write_file(const char *name, const char *text, size_t n)
{
	const char *path = in_dir(name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(text, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
	return path;
}

static const char *write_ini(const char *text)
{
	return write_file("yusuan.ini", text, strlen(text));
}

static void expect_diag(size_t i, enum severity sev, uint32_t line,
                        const char *text)
{
	cr_assert_lt(i, d.n, "only %zu messages", d.n);
	cr_expect_eq(d.v[i].sev, sev, "message %zu: %s", i, d.v[i].text);
	cr_expect_eq(d.v[i].record, line, "message %zu: %s", i, d.v[i].text);
	cr_expect_str_eq(d.v[i].text, text);
	cr_expect(d.v[i].file && strstr(d.v[i].file, dir) == d.v[i].file);
}

static void expect_defaults(void)
{
	struct settings def;
	settings_defaults(&def);
	cr_expect_eq(s.unit, def.unit);
	cr_expect_eq(s.sort, def.sort);
	cr_expect_eq(s.reverse, def.reverse);
	cr_expect_eq(s.bars, def.bars);
	cr_expect_eq(s.color, def.color);
	cr_expect_eq(s.ascii, def.ascii);
	cr_expect_eq(s.ambiguous_width, def.ambiguous_width);
	for (int r = 0; r < ROLE__COUNT; r++)
		cr_expect(s.colors[r].fg == def.colors[r].fg &&
		          s.colors[r].bg == def.colors[r].bg &&
		          s.colors[r].attrs == def.colors[r].attrs, "role %d", r);
}

static enum action lookup(const char *name)
{
	const char *why;
	struct key k;
	cr_assert(key_parse(&name, &k, &why));
	return keymap_lookup(&k);
}

Test(settings, defaults)
{
	cr_expect_eq(s.unit, UNIT_WAN);
	cr_expect_eq(s.sort, SORT_AMOUNT);
	cr_expect_not(s.reverse);
	cr_expect(s.bars);
	cr_expect(s.color);
	cr_expect_not(s.ascii);
	cr_expect_eq(s.ambiguous_width, 0);
	/* Readable on dark and light terminals: never a fixed background. */
	for (int r = 0; r < ROLE__COUNT; r++)
		cr_expect_eq(s.colors[r].bg, -1, "role %d", r);
	cr_expect_eq(s.colors[ROLE_SELECTED].attrs & A_REVERSE, A_REVERSE);
	cr_expect_eq(s.colors[ROLE_WARNING].fg, COLOR_RED);
	cr_expect_eq(lookup("j"), ACT_DOWN);
}

Test(settings, missing_default_file_is_fine)
{
	const char *path = in_dir("nothing/yusuan.ini");
	cr_expect(settings_load(&s, path, false, &d));
	cr_expect_eq(d.n, 0);
	cr_expect(settings_load(&s, NULL, false, &d));
	cr_expect_eq(d.n, 0);
	expect_defaults();
}

Test(settings, missing_explicit_file_is_an_error)
{
	const char *path = in_dir("nothing.ini");
	cr_expect_not(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 1);
	expect_diag(0, SEV_ERROR, 0,
	            "cannot read the settings: No such file or directory");
}

Test(settings, good_file_sets_values)
{
	const char *path = write_ini(
		"; comment\n"
		"[Display]\n"
		"Unit = 元\n"
		"sort = NAME   # by name\n"
		"reverse = yes\n"
		"bars = off\n"
		"color = \"false\"\n"
		"ascii = 1\n"
		"ambiguous_width = 2\r\n"
		"\n"
		"[colors]\n"
		"title = yellow default bold underline\n"
		"selected =\tblack   white  reverse\n"
		"[keys]\n"
		"down = <C-n> j\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_expect_eq(d.n, 0, "%s", d.n ? d.v[0].text : "");
	cr_expect_eq(s.unit, UNIT_YUAN);
	cr_expect_eq(s.sort, SORT_NAME);
	cr_expect(s.reverse);
	cr_expect_not(s.bars);
	cr_expect_not(s.color);
	cr_expect(s.ascii);
	cr_expect_eq(s.ambiguous_width, 2);
	cr_expect_eq(s.colors[ROLE_TITLE].fg, COLOR_YELLOW);
	cr_expect_eq(s.colors[ROLE_TITLE].bg, -1);
	cr_expect_eq(s.colors[ROLE_TITLE].attrs, A_BOLD | A_UNDERLINE);
	cr_expect_eq(s.colors[ROLE_SELECTED].fg, COLOR_BLACK);
	cr_expect_eq(s.colors[ROLE_SELECTED].bg, COLOR_WHITE);
	cr_expect_eq(s.colors[ROLE_SELECTED].attrs, A_REVERSE);
	cr_expect_eq(lookup("<C-n>"), ACT_DOWN);
	cr_expect_eq(lookup("<Down>"), ACT_NONE);
}

Test(settings, unit_words)
{
	const char *path = write_ini("[display]\nunit = yuan\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_expect_eq(s.unit, UNIT_YUAN);
	path = write_ini("[display]\nunit = 万元\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_expect_eq(s.unit, UNIT_WAN);
	cr_expect_eq(d.n, 0);
}

Test(settings, bad_values_warn_and_keep_defaults)
{
	const char *path = write_ini(
		"[display]\n"
		"unit = 千元\n"
		"sort = size\n"
		"reverse = maybe\n"
		"\n"
		"ambiguous_width = 3\n"
		"bars =\n"
		"[colors]\n"
		"title = pink default\n"
		"header = red\n"
		"note = red default blink\n"
		"status = \x1b[2J\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 9);
	expect_diag(0, SEV_WARNING, 2,
	            "bad value '千元' for unit (expected 万元 or 元); using 万元");
	expect_diag(1, SEV_WARNING, 3, "bad value 'size' for sort (expected "
	            "amount, code or name); using amount");
	expect_diag(2, SEV_WARNING, 4,
	            "bad value 'maybe' for reverse (expected yes or no); using no");
	expect_diag(3, SEV_WARNING, 6, "bad value '3' for ambiguous_width "
	            "(expected auto, 1 or 2); using auto");
	expect_diag(4, SEV_WARNING, 7,
	            "bad value '' for bars (expected yes or no); using yes");
	static const char colors[] = "(expected a foreground and a background "
		"colour among default black red green yellow blue magenta cyan "
		"white, then any of bold reverse underline); using ";
	char want[512];
	snprintf(want, sizeof want, "bad value 'pink default' for title %s%s",
	         colors, "default default bold");
	expect_diag(5, SEV_WARNING, 9, want);
	snprintf(want, sizeof want, "bad value 'red' for header %s%s", colors,
	         "default default bold underline");
	expect_diag(6, SEV_WARNING, 10, want);
	snprintf(want, sizeof want, "bad value 'red default blink' for note "
	         "%s%s", colors, "magenta default");
	expect_diag(7, SEV_WARNING, 11, want);
	snprintf(want, sizeof want, "bad value '^[[2J' for status %s%s",
	         colors, "default default reverse");
	expect_diag(8, SEV_WARNING, 12, want);
	expect_defaults();
}

Test(settings, unknown_keys_and_sections)
{
	const char *path = write_ini(
		"theme = dark\n"
		"[display]\n"
		"colour = yes\n"
		"[View]\n"
		"x = 1\n"
		"[display:x]\n"
		"[display]\n"
		"sort = code\n"
		"sort = name\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 5);
	expect_diag(0, SEV_WARNING, 1,
	            "'theme' is outside any section and is ignored");
	expect_diag(1, SEV_WARNING, 6, "unknown section [display:x]");
	expect_diag(2, SEV_WARNING, 9,
	            "'sort' is set again (first on line 8); the last one counts");
	expect_diag(3, SEV_WARNING, 3, "unknown setting 'colour' in [display]");
	expect_diag(4, SEV_WARNING, 4, "unknown section [view]");
	cr_expect_eq(s.sort, SORT_NAME);
}

/* CVE-2023-33461: iniparser_getboolean("display") crashes when a key names
 * a section; we never ask for such a key. */
Test(settings, section_name_used_as_key_does_not_crash)
{
	const char *path = write_ini(
		"[display]\n"
		"display = yes\n"
		"bars = no\n"
		"[colors]\n"
		"display = 1\n"
		"colors = 2\n"
		"[keys]\n"
		"keys = k\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 4);
	expect_diag(0, SEV_WARNING, 2, "unknown setting 'display' in [display]");
	expect_diag(1, SEV_WARNING, 5, "unknown setting 'display' in [colors]");
	expect_diag(2, SEV_WARNING, 6, "unknown setting 'colors' in [colors]");
	expect_diag(3, SEV_WARNING, 8, "unknown action 'keys' in [keys]");
	cr_expect_not(s.bars);
}

/* Notepad's BOM is skipped: iniparser would take it for part of the
 * first line and refuse the whole file. */
Test(settings, bom_is_skipped)
{
	const char *path = write_ini("\xEF\xBB\xBF[display]\nunit = 元\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_expect_eq(d.n, 0, "%s", d.n ? d.v[0].text : "");
	cr_expect_eq(s.unit, UNIT_YUAN);
}

Test(settings, nul_bytes_ignore_the_file)
{
	const char *path = write_file("utf16.ini", "[\0d\0]\0\n\0", 8);
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 1);
	expect_diag(0, SEV_WARNING, 0, "the file contains NUL bytes (is it "
	            "UTF-16?): save it as UTF-8; the file is ignored");
	expect_defaults();
}

static const char *ini_with_line(size_t len)
{
	static char text[4096];
	memcpy(text, "[display]\nunit = 元\n# ", 23);
	memset(text + 23, 'x', len - 2);
	strcpy(text + 23 + len - 2, "\nbars = no\n");
	return write_ini(text);
}

/* Every file and directory in the test directory but yusuan.ini: the
 * copies made for iniparser must not stay. */
static size_t others_in_dir(void)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	while (dp && (e = readdir(dp)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		     strcmp(e->d_name, "yusuan.ini");
	if (dp)
		closedir(dp);
	return n;
}

Test(settings, long_line_is_ignored)
{
	cr_assert_eq(setenv("TMPDIR", dir, 1), 0);
	cr_expect(settings_load(&s, ini_with_line(2000), true, &d));
	cr_assert_eq(d.n, 1);
	expect_diag(0, SEV_WARNING, 3, "the line is 2000 bytes long; iniparser "
	            "reads lines of at most 1022 bytes; the line is ignored");
	cr_expect_eq(s.unit, UNIT_YUAN);
	cr_expect_not(s.bars);
	cr_expect_eq(others_in_dir(), 0);
}

/* The limit is iniparser's own: one byte less loads. */
Test(settings, line_limit_is_exact)
{
	cr_expect(settings_load(&s, ini_with_line(1023), true, &d));
	cr_assert_eq(d.n, 1);
	expect_diag(0, SEV_WARNING, 3, "the line is 1023 bytes long; iniparser "
	            "reads lines of at most 1022 bytes; the line is ignored");
	cr_expect_not(s.bars);
	diags_free(&d);
	settings_defaults(&s);
	cr_expect(settings_load(&s, ini_with_line(1022), true, &d));
	cr_expect_eq(d.n, 0);
	cr_expect_not(s.bars);
}

/* A bad line used to stop everything, even --check: now it is left out
 * and the lines around it count. */
Test(settings, syntax_error_ignores_the_line)
{
	cr_redirect_stderr();
	cr_assert_eq(setenv("TMPDIR", dir, 1), 0);
	const char *path = write_ini("[display]\nunit = 元\nbars\nsort = code\n");
	cr_expect(settings_load(&s, path, false, &d));
	cr_assert_eq(d.n, 1);
	expect_diag(0, SEV_WARNING, 3, "expected 'key = value' or '[section]', "
	            "not 'bars'; the line is ignored");
	cr_expect_eq(s.unit, UNIT_YUAN);
	cr_expect_eq(s.sort, SORT_CODE);
	cr_expect(s.bars);

	settings_defaults(&s);
	path = write_ini("[display\nunit = 元\n[keys]\n= yes\ndown = x \\\n"
	                 "  y\n[colors \\\n  x\nup = u\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 5);
	expect_diag(1, SEV_WARNING, 1, "expected 'key = value' or '[section]', "
	            "not '[display'; the line is ignored");
	expect_diag(2, SEV_WARNING, 2,
	            "'unit' is outside any section and is ignored");
	expect_diag(3, SEV_WARNING, 4, "expected 'key = value' or '[section]', "
	            "not '= yes'; the line is ignored");
	expect_diag(4, SEV_WARNING, 7, "expected 'key = value' or '[section]', "
	            "not '[colors   x'; the line is ignored");
	cr_expect_eq(s.unit, UNIT_WAN);
	cr_expect_eq(lookup("y"), ACT_DOWN);
	cr_expect_eq(lookup("u"), ACT_UP);
	cr_expect_eq(others_in_dir(), 0);
	fflush(stderr);
	cr_expect_stderr_eq_str("");
}

/* Continued lines are each short, but iniparser's buffer holds them all:
 * over 1022 bytes together, they are left out like one long line, before
 * iniparser refuses the file (and never on stderr). */
Test(settings, long_continued_line_is_ignored)
{
	static char text[2048];
	cr_redirect_stderr();
	strcpy(text, "[display]\nunit = \\\n");
	memset(text + strlen(text), 'x', 700);
	strcat(text, "\\\n");
	memset(text + strlen(text), 'y', 700);
	strcat(text, "\nbars = no\n");
	const char *path = write_ini(text);
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 1);
	expect_diag(0, SEV_WARNING, 2, "the line is 1407 bytes long; iniparser "
	            "reads lines of at most 1022 bytes; the line is ignored");
	cr_expect_not(s.bars);
	fflush(stderr);
	cr_expect_stderr_eq_str("");
}

/* Without a place for the copy, nothing of the file is used. */
Test(settings, no_room_for_the_copy_ignores_the_file)
{
	cr_assert_eq(setenv("TMPDIR", in_dir("nothing"), 1), 0);
	const char *path = write_ini("[display]\nbars\nunit = 元\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 2);
	expect_diag(1, SEV_WARNING, 0, "cannot copy it without the ignored lines "
	            "for iniparser: No such file or directory; the file is "
	            "ignored");
	expect_defaults();
}

Test(settings, continued_lines_count_from_their_start)
{
	const char *path = write_ini("[display]\nsort = \\\n  size\nbars = x\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 2);
	cr_expect_eq(d.v[0].record, 2);
	cr_expect_str_eq(d.v[0].text, "bad value 'size' for sort (expected "
	                 "amount, code or name); using amount");
	cr_expect_eq(d.v[1].record, 4);
}

Test(settings, gbk_file_warns)
{
	/* 万元 in GBK; 元 alone (D4 AA) would be valid UTF-8. */
	const char *path = write_ini("[display]\nunit = \xcd\xf2\xd4\xaa\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 2);
	expect_diag(0, SEV_WARNING, 2, "this line is not valid UTF-8 (saved as "
	            "GBK?): save the file as UTF-8");
	expect_diag(1, SEV_WARNING, 2, "bad value '\xef\xbf\xbd\xef\xbf\xbdԪ' "
	            "for unit (expected 万元 or 元); using 万元");
}

/* Only the file the user named is an error; the default one is optional. */
Test(settings, directory_is_refused)
{
	cr_expect_not(settings_load(&s, dir, true, &d));
	cr_expect(settings_load(&s, dir, false, &d));
	cr_assert_eq(d.n, 2);
	cr_expect_eq(d.v[0].sev, SEV_ERROR);
	cr_expect_eq(d.v[1].sev, SEV_WARNING);
	cr_expect_str_eq(d.v[0].text, "cannot read the settings: it is a "
	                 "directory, not a settings file");
	cr_expect_str_eq(d.v[1].text, d.v[0].text);
}

Test(settings, fifo_is_refused_without_blocking, .timeout = 10)
{
	const char *path = in_dir("fifo.ini");
	cr_assert_eq(mkfifo(path, 0600), 0);
	cr_expect_not(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 1);
	expect_diag(0, SEV_ERROR, 0, "cannot read the settings: it is not a "
	            "regular file (a FIFO, device or socket)");
}

Test(settings, key_rebinding)
{
	const char *path = write_ini(
		"[keys]\n"
		"down = x\n"
		"up = k <Entr>\n"
		"fly = f\n"
		"search = \"/ #\"\n"
		"quit = q jk\n");
	cr_expect(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 3);
	expect_diag(0, SEV_WARNING, 3, "cannot bind up: unknown key name "
	            "<Entr>; keeping <Up> k");
	expect_diag(1, SEV_WARNING, 4, "unknown action 'fly' in [keys]");
	expect_diag(2, SEV_WARNING, 6, "cannot bind quit: separate key names "
	            "with spaces: jk (key sequences are not supported); "
	            "keeping q");
	cr_expect_eq(lookup("j"), ACT_NONE);
	cr_expect_eq(lookup("x"), ACT_DOWN);
	cr_expect_eq(lookup("k"), ACT_UP);
	cr_expect_eq(lookup("#"), ACT_SEARCH);
}

Test(settings, written_settings_read_back)
{
	const char *path = write_ini(
		"[display]\nunit = 元\nsort = code\nambiguous_width = 1\n"
		"[colors]\nbar = green default reverse\n"
		"[keys]\nsearch = \"/ #\"\nfindings = '; \"'\n");
	cr_assert(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 0);

	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	settings_write(&s, f);
	fclose(f);
	cr_expect(strstr(text, "\n[display]\n# How the budget is shown.\n# Unit "
	                       "of amounts at start: 万元 or 元 (also wan, yuan)\n"
	                       "unit = 元\n"));
	cr_expect(strstr(text, "\n# Bars showing each row's share\n"
	                       "bar = green default reverse\n"));
	cr_expect(strstr(text, "\n# Search codes and names\nsearch = / <U+0023>\n"));
	cr_expect(strstr(text, "\n# Move down\ndown = <Down> j\n"));
	cr_expect(strstr(text, "\nfindings = <U+003B> <U+0022>\n"), "%s", text);

	struct settings written = s;
	path = write_file("written.ini", text, len);
	free(text);
	settings_defaults(&s);
	cr_expect(settings_load(&s, path, true, &d));
	cr_expect_eq(d.n, 0, "%s", d.n ? d.v[0].text : "");
	cr_expect_eq(s.unit, UNIT_YUAN);
	cr_expect_eq(s.sort, SORT_CODE);
	cr_expect_eq(s.ambiguous_width, 1);
	cr_expect_eq(memcmp(s.colors, written.colors, sizeof s.colors), 0);
	cr_expect_eq(lookup("#"), ACT_SEARCH);
	cr_expect_eq(lookup(";"), ACT_FINDINGS);
	cr_expect_eq(lookup("\""), ACT_FINDINGS);
}

Test(settings, defaults_read_back_without_warnings)
{
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	settings_write(&s, f);
	fclose(f);
	const char *path = write_file("defaults.ini", text, len);
	free(text);
	cr_expect(settings_load(&s, path, true, &d));
	cr_expect_eq(d.n, 0, "%s", d.n ? d.v[0].text : "");
	expect_defaults();
	cr_expect_eq(lookup("j"), ACT_DOWN);
}

Test(settings_path, candidates)
{
	char *p = settings_path("given.ini");
	cr_expect_str_eq(p, "given.ini");
	free(p);

	cr_assert_eq(setenv("HOME", "/home/u", 1), 0);
	cr_assert_eq(setenv("XDG_CONFIG_HOME", "/xdg", 1), 0);
	p = settings_path(NULL);
	cr_expect_str_eq(p, "/xdg/yusuan/yusuan.ini");
	free(p);

	cr_assert_eq(setenv("XDG_CONFIG_HOME", "relative", 1), 0);
	p = settings_path(NULL);
	cr_expect_str_eq(p, "/home/u/.config/yusuan/yusuan.ini");
	free(p);

	cr_assert_eq(setenv("XDG_CONFIG_HOME", "", 1), 0);
	p = settings_path(NULL);
	cr_expect_str_eq(p, "/home/u/.config/yusuan/yusuan.ini");
	free(p);

	cr_assert_eq(unsetenv("XDG_CONFIG_HOME"), 0);
	cr_assert_eq(unsetenv("HOME"), 0);
	cr_expect_null(settings_path(NULL));
}

Test(settings, a_long_unknown_key_is_quoted_cut)
{
	char ini[400] = "[display]\n";
	memset(ini + 10, 'k', 300);
	strcpy(ini + 310, " = 1\n");
	cr_assert(settings_load(&s, write_ini(ini), true, &d));
	char want[512] = "unknown setting '";
	memset(want + strlen(want), 'k', 200);
	strcat(want, "… (cut at 200 of 300 characters; limit: name length shown)' "
	             "in [display]");
	expect_diag(0, SEV_WARNING, 2, want);
}

Test(settings, keys_no_quoting_can_hold_read_back)
{
	/* # ' and " on one action: neither quote can enclose the list, and a
	 * list that starts with a quote would lose it; a list that ends in a
	 * backslash would run on into the next line. */
	const char *path = write_ini("[keys]\nsearch = <U+0023> <U+0027> <U+0022>\n"
	                             "help = <U+003B> <U+005C>\n");
	cr_assert(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 0);
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	settings_write(&s, f);
	fclose(f);
	cr_expect(strstr(text, "\nsearch = <U+0023> <U+0027> <U+0022>\n"), "%s", text);
	cr_expect(strstr(text, "\nhelp = <U+003B> <U+005C>\n"), "%s", text);
	path = write_file("written.ini", text, len);
	free(text);
	settings_defaults(&s);
	cr_assert(settings_load(&s, path, true, &d));
	cr_assert_eq(d.n, 0);
	char keys[256];
	keymap_describe(ACT_SEARCH, keys, sizeof keys);
	cr_expect_str_eq(keys, "# ' \"");
	keymap_describe(ACT_HELP, keys, sizeof keys);
	cr_expect_str_eq(keys, "; \\");
}
