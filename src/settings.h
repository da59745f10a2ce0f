/* User settings: defaults, then the optional ini file.  One table in
 * settings.c drives loading, defaults and the documentation of every key.
 * settings.c is the only includer of iniparser. */
#ifndef YUSUAN_SETTINGS_H
#define YUSUAN_SETTINGS_H

#include "amount.h"
#include "diag.h"

#include <stdbool.h>
#include <stdio.h>

enum sort_key { SORT_AMOUNT, SORT_CODE, SORT_NAME, SORT__COUNT };

/* What the screen colours; [colors] sets each as "FG BG [bold] [reverse]
 * [underline]" with colour names default black red green yellow blue
 * magenta cyan white. */
#define COLOR_ROLE_LIST(X) \
	X(ROLE_TITLE,     "title") \
	X(ROLE_HEADER,    "header") \
	X(ROLE_ROW,       "row") \
	X(ROLE_SELECTED,  "selected") \
	X(ROLE_CODE,      "code") \
	X(ROLE_AMOUNT,    "amount") \
	X(ROLE_BAR,       "bar") \
	X(ROLE_WARNING,   "warning") \
	X(ROLE_NOTE,      "note") \
	X(ROLE_STATUS,    "status") \
	X(ROLE_MATCH,     "match")

enum color_role {
#define X(e, name) e,
	COLOR_ROLE_LIST(X)
#undef X
	ROLE__COUNT
};

struct color_spec {
	short fg, bg;   /* curses colour numbers, -1 for the terminal default */
	int attrs;      /* A_BOLD | A_REVERSE | A_UNDERLINE */
};

struct settings {
	enum amount_unit unit;     /* [display] unit = 万元|元 (or wan|yuan) */
	enum sort_key sort;        /* [display] sort = amount|code|name */
	bool reverse;              /* [display] reverse = yes|no */
	bool bars;                 /* [display] bars = yes|no */
	bool color;                /* [display] color = yes|no */
	bool ascii;                /* [display] ascii = yes|no */
	int ambiguous_width;       /* [display] ambiguous_width = auto|1|2 (0 = auto) */
	struct color_spec colors[ROLE__COUNT];
};

/* Also resets the key map (keymap_defaults). */
void settings_defaults(struct settings *s);

/* The file to read: path when given, else $XDG_CONFIG_HOME/yusuan/yusuan.ini,
 * else ~/.config/yusuan/yusuan.ini.  Returns a malloc'd path, or NULL when
 * there is no candidate (no HOME). */
char *settings_path(const char *given);

/* Reads the file into s.  The file is optional and only changes how the
 * budget is shown, so whatever is wrong in it is a warning naming the file
 * and line (the diag's record), and the rest still counts: a bad value or
 * an unknown key keeps the value s had; a line iniparser would reject
 * (neither `key = value` nor `[section]`, over 1022 bytes with its
 * continuations) is left out; a UTF-8 BOM is skipped.  A file that cannot
 * be used at all (NUL bytes, not a regular file, unreadable) is a warning
 * and leaves s as it was; a missing file says nothing; path NULL reads
 * nothing.  But when `explicit` (given with --config), a file that cannot
 * be read, or is missing, is an error, and the result is false (then s and
 * the key map are unchanged).  [keys] entries bind keys through
 * keymap_bind.  Lines are left out through a temporary copy in $TMPDIR
 * (else /tmp), since iniparser reads only named files. */
bool settings_load(struct settings *s, const char *path, bool explicit,
                   struct diags *d);

/* Writes s and the current key map as a settings file, every entry with
 * its help as a comment (translated): the reference for the manual and a
 * file settings_load reads back to the same settings. */
void settings_write(const struct settings *s, FILE *out);

#endif
