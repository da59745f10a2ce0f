/* The curses screen: opening it on the terminal or on nothing (headless),
 * colours by role, drawing text fitted to columns, reading it back.
 *
 * Drawing takes UTF-8 that is already safe (text_sanitize'd, or our own
 * messages) and cuts it with text_fit, so nothing ever overflows into the
 * next column or line.  Characters are drawn as themselves; curses places
 * them by wcwidth(), which follows the ambiguous_width setting (text.h), so
 * curses, the layout and the terminal agree on every column.  One screen
 * at a time; all state is file-local. */
#ifndef YUSUAN_TUI_SCREEN_H
#define YUSUAN_TUI_SCREEN_H

#include "settings.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Smallest screen that shows anything but the "too small" notice. */
#define SCREEN_MIN_COLS 20
#define SCREEN_MIN_ROWS 6

/* Opens the terminal (TERM, stdout; keys from stdin or /dev/tty).  On
 * failure returns false with *why: a translated, malloc'd message. */
bool screen_open_tty(const struct settings *s, bool no_color, bool ascii, char **why);
/* Opens a screen of cols x rows that draws nowhere. */
bool screen_open_headless(int cols, int rows, const struct settings *s,
                          bool ascii, char **why);
/* Restores the terminal; safe to call twice, and from the OOM hook. */
void screen_close(void);

/* True when bars and sort arrows must be ASCII (--ascii, the config, or a
 * locale or terminal that draws block characters other than 1 column). */
bool screen_ascii(void);

/* The breadcrumb separator: " › ", or " > " where › cannot be drawn in
 * one column, in C, GBK and GB18030 locales, or when ASCII was asked for
 * (not for bars alone: ambiguous_width = 2 keeps ›). */
const char *screen_separator(void);

/* Curses attributes for a role (colour pair and attributes, or attributes
 * only without colours). */
int screen_attr(enum color_role role);

/* Draws s at (y, x) cut to cols columns; returns the columns used. */
int screen_text(int y, int x, int cols, const char *s, int attr);
/* Same, right-aligned in the cols columns ending before x + cols. */
int screen_text_right(int y, int x, int cols, const char *s, int attr);
/* Paints cols blank columns. */
void screen_blank(int y, int x, int cols, int attr);
/* Breaking s (NUL-terminated, safe UTF-8, '\n' for line breaks as
 * text_sanitize_lines keeps them) into lines of at most cols columns:
 * returns the bytes of its first line and sets *next to where the next
 * line starts (past the spaces or the '\n' at the break; the terminating
 * NUL when this is the last line).  A line ends at a '\n' (which is not
 * part of it; the line may then be empty); else it breaks at a space when
 * one falls in its second half or just after it, else between two
 * characters, but not before closing punctuation nor after opening
 * punctuation (，。）》 and （《) unless that leaves nothing on the line; it
 * holds at least one character. */
size_t screen_break(const char *s, int cols, const char **next);
/* Lines s takes when broken so (at least 1). */
int screen_lines(const char *s, int cols);
/* Draws s broken so from (y, x), at most max_lines lines; returns the
 * lines drawn. */
int screen_text_wrapped(int y, int x, int cols, int maxlines, const char *s, int attr);
/* A bar of cols columns filled eighths/8 of the way (clamped). */
void screen_bar(int y, int x, int cols, long eighths, int attr);


/* Writes every row as text in the locale's charset, trailing spaces
 * removed; false on a write error. */
bool screen_print(FILE *out);

#endif
