#include "config.h"

#include "keys.h"

#include <criterion/criterion.h>
#include <curses.h>
#include <string.h>

/* Parses exactly one key from s (the whole string). */
static struct key parse1(const char *s)
{
	const char *p = s, *why = NULL;
	struct key k;
	cr_assert(key_parse(&p, &k, &why), "%s: %s", s, why);
	cr_assert_eq(*p, '\0', "%s: left '%s'", s, p);
	return k;
}

static const char *name_of(struct key k)
{
	static char buf[64];
	key_to_name(&k, buf, sizeof buf);
	return buf;
}

static const char *why_of(const char *s)
{
	const char *p = s, *why = NULL;
	struct key k;
	cr_assert_not(key_parse(&p, &k, &why), "%s parsed", s);
	cr_assert_eq(p, s, "a failed parse must not advance");
	return why;
}

Test(keys, canonical_names_round_trip)
{
	static const char *const names[] = {
		"j", "/", "?", "G", "公", "€", "<Enter>", "<Esc>", "<Tab>",
		"<Backspace>", "<Space>", "<Up>", "<Down>", "<Left>", "<Right>",
		"<PgUp>", "<PgDn>", "<Home>", "<End>", "<Del>", "<F1>", "<F12>",
		"<C-a>", "<C-f>", "<C-z>", "<Resize>", "<lt>", "<Click:12,3>",
		"<DoubleClick:0,9999>", "<WheelUp>", "<WheelDown>", "<U+200B>",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		cr_expect_str_eq(name_of(parse1(names[i])), names[i]);
}

Test(keys, codes_are_what_ncurses_delivers)
{
	struct key k = parse1("<Enter>");
	cr_expect(!k.is_func && k.code == '\n');
	k = parse1("<C-f>");
	cr_expect(!k.is_func && k.code == 6);
	k = parse1("<Backspace>");
	cr_expect(k.is_func && k.code == KEY_BACKSPACE);
	k = parse1("<PgDn>");
	cr_expect(k.is_func && k.code == KEY_NPAGE);
	k = parse1("<F5>");
	cr_expect(k.is_func && k.code == (uint32_t)KEY_F(5));
	k = parse1("<Resize>");
	cr_expect(k.is_func && k.code == KEY_RESIZE);
	k = parse1("<lt>");
	cr_expect(!k.is_func && k.code == '<');
	k = parse1("公");
	cr_expect(!k.is_func && k.code == 0x516C && k.mouse == KM_NONE);
	k = parse1("<Click:12,3>");
	cr_expect(k.is_func && k.code == KEY_MOUSE && k.mouse == KM_CLICK &&
	          k.x == 12 && k.y == 3);
	k = parse1("<WheelDown>");
	cr_expect(k.mouse == KM_WHEEL_DOWN && k.x == 0 && k.y == 0);
}

Test(keys, bracket_names_ignore_case)
{
	cr_expect_str_eq(name_of(parse1("<enter>")), "<Enter>");
	cr_expect_str_eq(name_of(parse1("<ENTER>")), "<Enter>");
	cr_expect_str_eq(name_of(parse1("<c-f>")), "<C-f>");
	cr_expect_str_eq(name_of(parse1("<C-F>")), "<C-f>");
	cr_expect_str_eq(name_of(parse1("<pgdn>")), "<PgDn>");
	cr_expect_str_eq(name_of(parse1("<f12>")), "<F12>");
	cr_expect_str_eq(name_of(parse1("<LT>")), "<lt>");
	cr_expect_str_eq(name_of(parse1("<click:1,2>")), "<Click:1,2>");
	cr_expect_str_eq(name_of(parse1("<u+516c>")), "公");
}

Test(keys, equal_keys_share_a_name)
{
	cr_expect_str_eq(name_of((struct key){ .code = '\r' }), "<Enter>");
	cr_expect_str_eq(name_of((struct key){ .is_func = true,
	                                       .code = KEY_ENTER }), "<Enter>");
	cr_expect_str_eq(name_of((struct key){ .code = 127 }), "<Backspace>");
	cr_expect_str_eq(name_of(parse1("<C-h>")), "<Backspace>");
	cr_expect_str_eq(name_of(parse1("<C-i>")), "<Tab>");
	cr_expect_str_eq(name_of(parse1("<C-m>")), "<Enter>");
}

Test(keys, unnamed_keys_are_shown_safely)
{
	cr_expect_str_eq(name_of((struct key){ .code = 0x85 }), "<U+0085>");
	cr_expect_str_eq(name_of((struct key){ .code = 0x202E }), "<U+202E>");
	cr_expect_str_eq(name_of((struct key){ .code = 0 }), "<U+0000>");
	cr_expect_str_eq(name_of((struct key){ .code = 0x110000 }),
	                 "<U+110000>");
	cr_expect_str_eq(name_of((struct key){ .is_func = true,
	                                       .code = KEY_IC }), "<KEY_IC>");
	char small[4];
	struct key k = parse1("<PgDn>");
	key_to_name(&k, small, sizeof small);
	cr_expect_str_eq(small, "<Pg");
}

Test(keys, a_script_parses_key_by_key)
{
	static const char *const want[] = {
		"j", "j", "<Enter>", "/", "公", "益", "<Enter>", "<C-f>", "<lt>",
		" ", "<Click:5,7>", "q",
	};
	const char *p = "jj<Enter>/公益<enter><C-f><lt> <Click:5,7>q";
	const char *why;
	size_t n = 0;
	while (*p) {
		struct key k;
		cr_assert(key_parse(&p, &k, &why), "%s", why);
		cr_assert_lt(n, sizeof want / sizeof want[0]);
		if (strcmp(want[n], " ") == 0)
			cr_expect(!k.is_func && k.code == ' ');
		else
			cr_expect_str_eq(name_of(k), want[n]);
		n++;
	}
	cr_expect_eq(n, sizeof want / sizeof want[0]);
}

Test(keys, bad_names_say_why)
{
	cr_expect_str_eq(why_of("<Entr>"), "unknown key name <Entr>");
	cr_expect_str_eq(why_of("<Entr>j"), "unknown key name <Entr>");
	cr_expect_str_eq(why_of("<>"), "unknown key name <>");
	cr_expect_str_eq(why_of("<F13>"), "unknown key name <F13>");
	cr_expect_str_eq(why_of("<F0>"), "unknown key name <F0>");
	cr_expect_str_eq(why_of("<F01>"), "unknown key name <F01>");
	cr_expect_str_eq(why_of("<C-1>"), "unknown key name <C-1>");
	cr_expect_str_eq(why_of("<C-fx>"), "unknown key name <C-fx>");
	cr_expect_str_eq(why_of("<Click:1>"), "unknown key name <Click:1>");
	cr_expect_str_eq(why_of("<Click:1,>"), "unknown key name <Click:1,>");
	cr_expect_str_eq(why_of("<Click:12345,1>"),
	                 "unknown key name <Click:12345,1>");
	cr_expect_str_eq(why_of("<WheelUp:1,2>"),
	                 "unknown key name <WheelUp:1,2>");
	cr_expect_str_eq(why_of("<U+D800>"), "unknown key name <U+D800>");
	cr_expect_str_eq(why_of("<U+110000>"), "unknown key name <U+110000>");
	cr_expect_str_eq(why_of("<公益>"), "unknown key name <公益>");
	cr_expect_str_eq(why_of("<Enter"),
	                 "key name <Enter has no closing '>' (write <lt> for "
	                 "the < key)");
	cr_expect_str_eq(why_of("<Enter j>"),
	                 "key name <Enter has no closing '>' (write <lt> for "
	                 "the < key)");
	cr_expect_str_eq(why_of("<"),
	                 "key name < has no closing '>' (write <lt> for the < "
	                 "key)");
	cr_expect_str_eq(why_of("<aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa>"),
	                 "key name <aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa has no "
	                 "closing '>' (write <lt> for the < key)");
	cr_expect_str_eq(why_of(""), "missing key name");
	cr_expect_str_eq(why_of("\n"),
	                 "unprintable character U+000A: write a key name such "
	                 "as <Enter>, <Tab> or <U+000A>");
	cr_expect_str_eq(why_of("\x1b[2J"),
	                 "unprintable character U+001B: write a key name such "
	                 "as <Enter>, <Tab> or <U+001B>");
	cr_expect_str_eq(why_of("\xe2\x80\xae"),
	                 "unprintable character U+202E: write a key name such "
	                 "as <Enter>, <Tab> or <U+202E>");
	cr_expect_str_eq(why_of("\xff"), "invalid UTF-8 (byte 0xFF) in a key name");
	cr_expect_str_eq(why_of("\xe5\x85"),
	                 "invalid UTF-8 (byte 0xE5) in a key name");
	cr_expect_str_eq(why_of("<\x1b[31m>"),
	                 "unknown key name <^[[31m>");
}

static enum action lookup(const char *name)
{
	struct key k = parse1(name);
	return keymap_lookup(&k);
}

static const char *described(enum action a)
{
	static char buf[256];
	keymap_describe(a, buf, sizeof buf);
	return buf;
}

Test(keymap, defaults_follow_actions_h)
{
	keymap_defaults();
#define X(e, name, keys, help) cr_expect_str_eq(described(e), keys);
	ACTION_LIST(X)
#undef X
	cr_expect_eq(lookup("j"), ACT_DOWN);
	cr_expect_eq(lookup("<Down>"), ACT_DOWN);
	cr_expect_eq(lookup("<Space>"), ACT_PAGE_DOWN);
	cr_expect_eq(lookup("<C-f>"), ACT_PAGE_DOWN);
	cr_expect_eq(lookup("Q"), ACT_QUIT_ALL);
	cr_expect_eq(lookup("q"), ACT_QUIT);
	cr_expect_eq(lookup("x"), ACT_NONE);
	cr_expect_eq(lookup("<WheelDown>"), ACT_NONE);
	cr_expect_eq(lookup("<Click:1,1>"), ACT_NONE);
}

Test(keymap, enter_and_backspace_variants)
{
	keymap_defaults();
	struct key keys[] = {
		{ .code = '\n' }, { .code = '\r' },
		{ .is_func = true, .code = KEY_ENTER },
	};
	for (size_t i = 0; i < 3; i++)
		cr_expect_eq(keymap_lookup(&keys[i]), ACT_ENTER, "enter %zu", i);
	struct key bs[] = {
		{ .is_func = true, .code = KEY_BACKSPACE }, { .code = 127 },
		{ .code = 8 },
	};
	for (size_t i = 0; i < 3; i++)
		cr_expect_eq(keymap_lookup(&bs[i]), ACT_BACK, "backspace %zu", i);
}

Test(keymap, rebinding_moves_keys)
{
	const char *why;
	keymap_defaults();
	cr_assert(keymap_bind(ACT_DOWN, "x", &why));
	cr_expect_eq(lookup("j"), ACT_NONE);
	cr_expect_eq(lookup("<Down>"), ACT_NONE);
	cr_expect_eq(lookup("x"), ACT_DOWN);
	cr_expect_str_eq(described(ACT_DOWN), "x");

	/* The last binding wins: q leaves quit. */
	cr_assert(keymap_bind(ACT_BACK, "  <Left>\tq  <C-h> ", &why));
	cr_expect_eq(lookup("q"), ACT_BACK);
	cr_expect_str_eq(described(ACT_QUIT), "");
	cr_expect_str_eq(described(ACT_BACK), "<Left> q <Backspace>");
	cr_expect_str_eq(described(ACT_ENTER), "<Enter> <Right> l");

	cr_assert(keymap_bind(ACT_DOWN, "<WheelDown> j j", &why));
	struct key wheel = { .is_func = true, .code = KEY_MOUSE,
	                     .mouse = KM_WHEEL_DOWN, .x = 4, .y = 9 };
	cr_expect_eq(keymap_lookup(&wheel), ACT_DOWN);
	cr_expect_str_eq(described(ACT_DOWN), "<WheelDown> j");

	cr_assert(keymap_bind(ACT_HELP, "", &why));
	cr_expect_eq(lookup("?"), ACT_NONE);
	cr_expect_str_eq(described(ACT_HELP), "");
}

Test(keymap, bad_bindings_change_nothing)
{
	const char *why;
	keymap_defaults();
	cr_expect_not(keymap_bind(ACT_DOWN, "x <Entr>", &why));
	cr_expect_str_eq(why, "unknown key name <Entr>");
	cr_expect_not(keymap_bind(ACT_DOWN, "x jk", &why));
	cr_expect_str_eq(why, "separate key names with spaces: jk (key "
	                      "sequences are not supported)");
	cr_expect_not(keymap_bind(ACT_DOWN, "<Down><Up>", &why));
	cr_expect_str_eq(why, "separate key names with spaces: <Down><Up> (key "
	                      "sequences are not supported)");
	cr_expect_not(keymap_bind(ACT_DOWN, "a b c d e f g h i", &why));
	cr_expect_str_eq(why, "more than 8 keys for one action");
	cr_expect_not(keymap_bind(ACT_DOWN, "<Click:1,1>", &why));
	cr_expect_str_eq(why, "mouse clicks cannot be bound to actions");
	cr_expect_not(keymap_bind(ACT_NONE, "x", &why));
	cr_expect_str_eq(described(ACT_DOWN), "<Down> j");
	cr_expect_eq(lookup("x"), ACT_NONE);
	cr_expect(keymap_bind(ACT_DOWN, "a b c d e f g h h", &why));
}

Test(keymap, describe_keeps_whole_names)
{
	char buf[16];
	keymap_defaults();
	keymap_describe(ACT_PAGE_DOWN, buf, sizeof buf);
	cr_expect_str_eq(buf, "<PgDn> <C-f>");
	keymap_describe(ACT_DOWN, buf, 9);
	cr_expect_str_eq(buf, "<Down> j");
	keymap_describe(ACT_DOWN, buf, 8);
	cr_expect_str_eq(buf, "<Down>");
	keymap_describe(ACT_DOWN, buf, 1);
	cr_expect_str_eq(buf, "");
}

Test(actions, names_and_help)
{
	cr_expect_eq(action_by_name("page-down"), ACT_PAGE_DOWN);
	cr_expect_eq(action_by_name("quit-all"), ACT_QUIT_ALL);
	cr_expect_eq(action_by_name("Page-Down"), ACT_NONE);
	cr_expect_eq(action_by_name("none"), ACT_NONE);
	cr_expect_eq(action_by_name(""), ACT_NONE);
	cr_expect_str_eq(action_name(ACT_UP), "up");
	cr_expect_str_eq(action_name(ACT_NONE), "none");
	cr_expect_str_eq(action_help(ACT_SEARCH), "Search codes and names");
	cr_expect_str_eq(action_help(ACT_NONE), "");
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++)
		cr_expect_eq(action_by_name(action_name(a)), a);
}
