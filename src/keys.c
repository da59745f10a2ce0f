#include "config.h"

#include "keys.h"

#include "i18n.h"
#include "text.h"

#ifndef _XOPEN_SOURCE_EXTENDED
# define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest name between '<' and '>' ("DoubleClick:9999,9999" is 21). */
enum { BRACKET_MAX = 32 };

static const struct {
	const char *name;
	bool is_func;
	uint32_t code;
} named[] = {
	{ "Enter", false, '\n' }, { "Esc", false, 27 }, { "Tab", false, '\t' },
	{ "Backspace", true, KEY_BACKSPACE }, { "Space", false, ' ' },
	{ "Up", true, KEY_UP }, { "Down", true, KEY_DOWN },
	{ "Left", true, KEY_LEFT }, { "Right", true, KEY_RIGHT },
	{ "PgUp", true, KEY_PPAGE }, { "PgDn", true, KEY_NPAGE },
	{ "Home", true, KEY_HOME }, { "End", true, KEY_END },
	{ "Del", true, KEY_DC }, { "Resize", true, KEY_RESIZE },
	{ "lt", false, '<' },
};

static const struct {
	const char *name;
	int kind;
	bool has_pos;
} mouse_names[] = {
	{ "Click", KM_CLICK, true }, { "DoubleClick", KM_DOUBLE, true },
	{ "WheelUp", KM_WHEEL_UP, false }, { "WheelDown", KM_WHEEL_DOWN, false },
};

/* The reason last given by key_parse or keymap_bind. */
static char why_buf[256];

static const char *reason(const char *fmt, const char *s, size_t n)
{
	char *safe = text_sanitize(s, n);
	snprintf(why_buf, sizeof why_buf, fmt, safe);
	free(safe);
	return why_buf;
}

/* True when the n bytes at s are one character the terminal shows as
 * itself (not a control, format or invalid character). */
static bool shows_as_itself(const char *s, size_t n)
{
	char *safe = text_sanitize(s, n);
	bool same = strlen(safe) == n && memcmp(safe, s, n) == 0;
	free(safe);
	return same;
}

/* Reads 1 to maxdigits digits of the given base (10 or 16) at *p, before
 * end; false when there are none or too many. */
static bool read_number(const char **p, const char *end, uint32_t base,
                        int maxdigits, uint32_t *v)
{
	const char *q = *p;

	*v = 0;
	for (; q < end; q++) {
		char c = (char)(*q | 0x20);   /* ASCII lower case */
		uint32_t d = *q >= '0' && *q <= '9' ? (uint32_t)(*q - '0')
		           : c >= 'a' && c <= 'f' ? (uint32_t)(c - 'a' + 10) : 99;
		if (d >= base)
			break;
		if (q - *p == maxdigits)
			return false;
		*v = *v * base + d;
	}
	if (q == *p)
		return false;
	*p = q;
	return true;
}

static bool has_prefix(const char *s, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);
	return (size_t)(end - s) >= n && strncasecmp(s, prefix, n) == 0;
}

/* Parses the name between '<' and '>' (s to end, exclusive). */
static bool parse_bracket(const char *s, const char *end, struct key *k)
{
	size_t len = (size_t)(end - s);
	uint32_t v;

	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strlen(named[i].name) == len &&
		    strncasecmp(named[i].name, s, len) == 0) {
			k->is_func = named[i].is_func;
			k->code = named[i].code;
			return true;
		}
	if (len == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-' &&
	    ((s[2] >= 'a' && s[2] <= 'z') || (s[2] >= 'A' && s[2] <= 'Z'))) {
		k->code = (uint32_t)s[2] & 0x1f;
		return true;
	}
	const char *p = s + 1;
	if ((s[0] == 'F' || s[0] == 'f') && s[1] != '0' &&
	    read_number(&p, end, 10, 2, &v) && p == end && v >= 1 && v <= 12) {
		k->is_func = true;
		k->code = (uint32_t)KEY_F(v);
		return true;
	}
	p = s + 2;
	if (has_prefix(s, end, "U+") && read_number(&p, end, 16, 6, &v) &&
	    p == end && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF)) {
		k->code = v;
		return true;
	}
	for (size_t i = 0; i < sizeof mouse_names / sizeof mouse_names[0]; i++) {
		if (!has_prefix(s, end, mouse_names[i].name))
			continue;
		p = s + strlen(mouse_names[i].name);
		if (mouse_names[i].has_pos) {
			uint32_t col, row;
			if (p == end || *p++ != ':' ||
			    !read_number(&p, end, 10, 4, &col) ||
			    p == end || *p++ != ',' ||
			    !read_number(&p, end, 10, 4, &row))
				return false;
			k->x = (int)col;
			k->y = (int)row;
		}
		if (p != end)
			continue;
		k->is_func = true;
		k->code = KEY_MOUSE;
		k->mouse = mouse_names[i].kind;
		return true;
	}
	return false;
}

bool key_parse(const char **s, struct key *k, const char **why)
{
	const char *p = *s;

	*k = (struct key){0};
	if (*p == '\0') {
		*why = _("missing key name");
		return false;
	}
	if (*p != '<') {
		size_t n = utf8_next(p, strnlen(p, 4), &k->code);
		if (k->code == 0xFFFD && n == 1) {
			snprintf(why_buf, sizeof why_buf,
			         _("invalid UTF-8 (byte 0x%02X) in a key name"),
			         (unsigned char)*p);
			*k = (struct key){0};
			*why = why_buf;
			return false;
		}
		if (!shows_as_itself(p, n)) {
			snprintf(why_buf, sizeof why_buf,
			         _("unprintable character U+%04X: write a key name "
			           "such as <Enter>, <Tab> or <U+%04X>"),
			         (unsigned)k->code, (unsigned)k->code);
			*k = (struct key){0};
			*why = why_buf;
			return false;
		}
		*s = p + n;
		return true;
	}
	const char *end = p + 1;
	while (*end && !strchr("<> \t\r\n", *end) && end - p <= BRACKET_MAX)
		end++;
	if (*end != '>') {
		*why = reason(_("key name %s has no closing '>' (write <lt> for "
		                "the < key)"), p, (size_t)(end - p));
		return false;
	}
	if (!parse_bracket(p + 1, end, k)) {
		*k = (struct key){0};
		*why = reason(_("unknown key name %s"), p, (size_t)(end + 1 - p));
		return false;
	}
	*s = end + 1;
	return true;
}

struct key key_normalize(const struct key *k)
{
	if (k->mouse == KM_NONE) {
		if (k->is_func ? k->code == KEY_ENTER : k->code == '\r')
			return (struct key){ .code = '\n' };
		if (k->is_func ? k->code == KEY_BACKSPACE
		               : k->code == 127 || k->code == 8)
			return (struct key){ .is_func = true, .code = KEY_BACKSPACE };
	}
	return *k;
}


void key_to_name(const struct key *k, char *buf, size_t cap)
{
	struct key n = key_normalize(k);

	for (size_t i = 0; i < sizeof mouse_names / sizeof mouse_names[0]; i++)
		if ((int)n.mouse == mouse_names[i].kind) {
			if (mouse_names[i].has_pos)
				snprintf(buf, cap, "<%s:%d,%d>", mouse_names[i].name,
				         n.x, n.y);
			else
				snprintf(buf, cap, "<%s>", mouse_names[i].name);
			return;
		}
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].is_func == n.is_func && named[i].code == n.code) {
			snprintf(buf, cap, "<%s>", named[i].name);
			return;
		}
	if (n.is_func && n.code >= (uint32_t)KEY_F(1) &&
	    n.code <= (uint32_t)KEY_F(12)) {
		snprintf(buf, cap, "<F%u>", (unsigned)(n.code - KEY_F0));
		return;
	}
	if (n.is_func) {   /* for display only: not parsed back */
		const char *curses_name = keyname((int)n.code);
		if (curses_name)
			snprintf(buf, cap, "<%s>", curses_name);
		else
			snprintf(buf, cap, "<KEY_%u>", (unsigned)n.code);
		return;
	}
	if (n.code >= 1 && n.code <= 26) {
		snprintf(buf, cap, "<C-%c>", 'a' + (int)n.code - 1);
		return;
	}
	char utf8[4];
	size_t len = n.code <= 0x10FFFF ? utf8_put(n.code, utf8) : 0;
	if (len && shows_as_itself(utf8, len))
		snprintf(buf, cap, "%.*s", (int)len, utf8);
	else
		snprintf(buf, cap, "<U+%04X>", (unsigned)n.code);
}

/* ---- The key map ---- */

static struct key bound[ACT__COUNT][KEYMAP_MAX_KEYS];
static size_t nbound[ACT__COUNT];

static const char *const default_keys[ACT__COUNT] = {
#define X(e, name, keys, help) [e] = keys,
	ACTION_LIST(X)
#undef X
};

/* Keys compare after key_normalize; a wheel event has no position. */
static bool same_key(const struct key *a, const struct key *b)
{
	return a->is_func == b->is_func && a->code == b->code &&
	       a->mouse == b->mouse;
}

static void unbind_key(enum action a, const struct key *k)
{
	for (size_t i = 0; i < nbound[a]; i++)
		if (same_key(&bound[a][i], k)) {
			memmove(&bound[a][i], &bound[a][i + 1],
			        (nbound[a] - i - 1) * sizeof bound[a][i]);
			nbound[a]--;
			return;
		}
}

void keymap_defaults(void)
{
	const char *why;

	memset(nbound, 0, sizeof nbound);
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++)
		if (!keymap_bind((enum action)a, default_keys[a], &why))
			abort();   /* actions.h is wrong: test_keys catches it */
}

bool keymap_bind(enum action a, const char *names, const char **why)
{
	struct key keys[KEYMAP_MAX_KEYS];
	size_t n = 0;
	const char *p = names;

	if (a <= ACT_NONE || a >= ACT__COUNT) {
		*why = _("no such action");
		return false;
	}
	for (;;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		const char *start = p;
		struct key k;
		if (!key_parse(&p, &k, why))
			return false;
		if (*p != '\0' && !strchr(" \t", *p)) {
			*why = reason(_("separate key names with spaces: %s (key "
			                "sequences are not supported)"),
			              start, strcspn(start, " \t"));
			return false;
		}
		if (k.mouse == KM_CLICK || k.mouse == KM_DOUBLE) {
			*why = _("mouse clicks cannot be bound to actions");
			return false;
		}
		k = key_normalize(&k);
		bool dup = false;
		for (size_t i = 0; i < n; i++)
			dup |= same_key(&keys[i], &k);
		if (dup)
			continue;
		if (n == KEYMAP_MAX_KEYS) {
			snprintf(why_buf, sizeof why_buf,
			         _("more than %d keys for one action"), KEYMAP_MAX_KEYS);
			*why = why_buf;
			return false;
		}
		keys[n++] = k;
	}
	/* The last binding wins: a key now bound to a leaves other actions. */
	for (int b = ACT_NONE + 1; b < ACT__COUNT; b++)
		for (size_t i = 0; i < n; i++)
			unbind_key((enum action)b, &keys[i]);
	memcpy(bound[a], keys, n * sizeof keys[0]);
	nbound[a] = n;
	return true;
}

enum action keymap_lookup(const struct key *k)
{
	struct key n = key_normalize(k);

	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++)
		for (size_t i = 0; i < nbound[a]; i++)
			if (same_key(&bound[a][i], &n))
				return (enum action)a;
	return ACT_NONE;
}

void keymap_describe(enum action a, char *buf, size_t cap)
{
	size_t len = 0;

	if (cap == 0)
		return;
	buf[0] = '\0';
	if (a <= ACT_NONE || a >= ACT__COUNT)
		return;
	for (size_t i = 0; i < nbound[a]; i++) {
		char name[64];
		key_to_name(&bound[a][i], name, sizeof name);
		size_t need = strlen(name) + (len > 0);
		if (len + need >= cap)
			return;   /* whole names only */
		len += (size_t)snprintf(buf + len, cap - len, "%s%s",
		                        len > 0 ? " " : "", name);
	}
}
