#include "config.h"

#include "screen.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

static SCREEN *scr;
static FILE *own_in, *own_out;   /* what we opened for the screen, or NULL */
static bool ascii_asked;         /* --ascii or the config */
static bool legacy_locale;       /* see setup() */
static bool ascii_mode;          /* either, or blocks are not 1 column */
static int role_attrs[ROLE__COUNT];
static wchar_t *wbuf;            /* text_fit output, grown to the width */
static size_t wcap;

/* True when the locale, the width settings and curses all draw s (one
 * character) in one column as itself. */
static bool draws_one_column(const char *s)
{
	wchar_t w[8];
	uint32_t cp;

	utf8_next(s, strlen(s), &cp);
	return text_fit(s, 1, w, 8) == 1 && (uint32_t)w[0] == cp && w[1] == L'\0' &&
	       wcwidth(w[0]) == 1;
}

/* A selection or status line without a background or reverse video of
 * its own would not stand out at all. */
static int visible(enum color_role r, int attrs, bool has_bg)
{
	if ((r == ROLE_SELECTED || r == ROLE_STATUS) && !has_bg && !(attrs & A_REVERSE))
		attrs |= A_REVERSE;
	return attrs;
}

static void setup_attrs(const struct settings *s, bool colour)
{
	const char *no_color = getenv("NO_COLOR");
	bool defaults;

	colour = colour && s->color && !(no_color && *no_color) && has_colors() &&
	         start_color() == OK && COLORS >= 8 && COLOR_PAIRS > ROLE__COUNT;
	defaults = colour && use_default_colors() == OK;
	for (int r = 0; r < ROLE__COUNT; r++) {
		struct color_spec c = s->colors[r];
		int attrs = c.attrs & (A_BOLD | A_REVERSE | A_UNDERLINE);

		if (!defaults) {
			c.fg = c.fg < 0 ? COLOR_WHITE : c.fg;
			c.bg = c.bg < 0 ? COLOR_BLACK : c.bg;
		}
		/* Without colours, the attributes alone. */
		if (!colour || c.fg >= COLORS || c.bg >= COLORS) {
			role_attrs[r] = visible((enum color_role)r, attrs, false);
			continue;
		}
		init_pair((short)(r + 1), c.fg, c.bg);
		role_attrs[r] = (int)COLOR_PAIR(r + 1) |
		                visible((enum color_role)r, attrs, s->colors[r].bg >= 0);
	}
}

static void setup(const struct settings *s, bool colour, bool ascii)
{
	set_term(scr);
	xalloc_set_fail_hook(screen_close);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED |
	          BUTTON5_PRESSED, NULL);
	setup_attrs(s, colour);
	ascii_asked = ascii || s->ascii;
	/* A locale that by its own account (wcswidth, not the ambiguous_width
	 * setting) cannot draw a block in one column is C, GBK or GB18030: its
	 * terminals draw any non-ASCII character in 2 columns or not at all. */
	legacy_locale = wcswidth(L"█", 1) != 1;
	ascii_mode = ascii_asked || legacy_locale || !draws_one_column("█") ||
	             !draws_one_column("▌");
}

bool screen_open_tty(const struct settings *s, bool no_color, bool ascii, char **why)
{
	const char *term = getenv("TERM");
	const char *cup;
	FILE *in = stdin;
	char *safe;
	int err;

	if (!isatty(STDOUT_FILENO)) {
		*why = xstrdup(_("standard output is not a terminal; use --print-screen "
		                 "or --dump to write text"));
		return false;
	}
	if (!term || !*term) {
		*why = xstrdup(_("TERM is not set, so the terminal type is unknown; "
		                 "try TERM=xterm-256color"));
		return false;
	}
	safe = text_sanitize(term, strlen(term));
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		*why = err == 0
		       ? xasprintf(_("terminal type '%s' is unknown; try TERM=xterm-256color"), safe)
		       : xstrdup(_("the terminal database (terminfo) was not found"));
		free(safe);
		return false;
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);
	if (!cup || cup == (char *)-1) {
		/* TERM=dumb and the like: newterm would "work" and draw garbage. */
		*why = xasprintf(_("terminal type '%s' cannot move the cursor"), safe);
		free(safe);
		return false;
	}
	if (!isatty(STDIN_FILENO)) {
		in = own_in = fopen("/dev/tty", "r");
		if (!in) {
			*why = xstrdup(_("cannot read keys: standard input is not a terminal "
			                 "and /dev/tty cannot be opened"));
			free(safe);
			return false;
		}
	}
	scr = newterm(term, stdout, in);
	if (!scr) {
		*why = xasprintf(_("cannot use terminal type '%s'"), safe);
		free(safe);
		screen_close();
		return false;
	}
	free(safe);
	setup(s, !no_color, ascii);
	return true;
}

bool screen_open_headless(int cols, int rows, const struct settings *s,
                          bool ascii, char **why)
{
	/* Any type that can address the cursor will do: nothing is shown. */
	static const char *const types[] = { "xterm-256color", "vt100", "ansi" };

	own_out = fopen("/dev/null", "w");
	own_in = fopen("/dev/null", "r");
	for (size_t i = 0; own_out && own_in && !scr && i < sizeof types / sizeof *types; i++)
		scr = newterm(types[i], own_out, own_in);
	if (!scr) {
		*why = xstrdup(_("cannot set up a screen in memory: no terminal "
		                 "description (terminfo) for xterm-256color or vt100"));
		screen_close();
		return false;
	}
	setup(s, true, ascii);
	resizeterm(rows, cols);
	return true;
}

/* True when the terminal keeps our screen apart from the shell's. */
static bool screen_has_alternate(void)
{
	const char *smcup = tigetstr("smcup");

	return smcup && smcup != (char *)-1 && *smcup;
}

void screen_close(void)
{
	if (scr) {
		/* Without an alternate screen to go back to (vt100), the shell
		 * would write over our last screen: leave it blank. */
		if (!own_out && !screen_has_alternate()) {
			erase();
			refresh();
		}
		endwin();
		delscreen(scr);
		scr = NULL;
	}
	if (own_in)
		fclose(own_in);
	if (own_out)
		fclose(own_out);
	own_in = own_out = NULL;
	free(wbuf);
	wbuf = NULL;
	wcap = 0;
}

bool screen_ascii(void)
{
	return ascii_mode;
}

const char *screen_separator(void)
{
	/* Not ascii_mode: blocks that the ambiguous_width setting makes 2
	 * columns wide are no reason to give up a character that is not. */
	return ascii_asked || legacy_locale || !draws_one_column("›") ? " > " : " › ";
}

int screen_attr(enum color_role role)
{
	return role < ROLE__COUNT ? role_attrs[role] : (int)A_NORMAL;
}

/* Columns cp takes in our layout (text_width's count). */
static int layout_width(uint32_t cp)
{
	char buf[5];

	buf[utf8_put(cp, buf)] = '\0';
	return text_width(buf);
}

/* Fits s into cols columns of wbuf; returns the columns it takes. */
static int fit(const char *s, int cols)
{
	size_t need = TEXT_FIT_WCAP(cols);

	if (need > wcap) {
		wbuf = xreallocarray(wbuf, need, sizeof *wbuf);
		wcap = need;
	}
	return text_fit(s, cols, wbuf, wcap);
}

static int clip(int y, int x, int cols)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS || cols <= 0)
		return 0;
	return cols < COLS - x ? cols : COLS - x;
}

int screen_text(int y, int x, int cols, const char *s, int attr)
{
	int used;

	cols = clip(y, x, cols);
	if (!cols)
		return 0;
	used = fit(s, cols);
	attrset(attr);
	/* The last cell of the screen cannot be written without scrolling:
	 * curses stores the character and reports an error we can ignore. */
	mvaddwstr(y, x, wbuf);
	attrset(A_NORMAL);
	return used;
}

int screen_text_right(int y, int x, int cols, const char *s, int attr)
{
	int used;

	cols = clip(y, x, cols);
	if (!cols)
		return 0;
	used = fit(s, cols);
	attrset(attr);
	mvaddwstr(y, x + cols - used, wbuf);
	attrset(A_NORMAL);
	return used;
}

/* Where a line may not break, as Chinese typesetting has it (避头尾):
 * before closing punctuation, after opening punctuation. */
static const wchar_t no_line_start[] = L"，。、；：！？）》」』】〕〉”’…·%,.;:!?)]}";
static const wchar_t no_line_end[] = L"（《「『【〔〈“‘([{";

/* The character of s (valid UTF-8, n bytes) that starts at byte i, and
 * the start of the one before it (i > 0). */
static uint32_t char_at(const char *s, size_t n, size_t i)
{
	uint32_t cp;

	utf8_next(s + i, n - i, &cp);
	return cp;
}

static size_t char_before(const char *s, size_t i)
{
	while (--i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		;
	return i;
}

/* Moves a break between two characters, before byte i (0 < i < n), back
 * while it would start a line with closing punctuation or end one with
 * opening punctuation; keeps i when that would leave the line empty. */
static size_t break_between(const char *s, size_t n, size_t i)
{
	for (size_t j = i; j > 0; j = char_before(s, j)) {
		uint32_t after = char_at(s, n, j);
		uint32_t before = char_at(s, n, char_before(s, j));

		if (!wcschr(no_line_start, (wchar_t)after) && !wcschr(no_line_end, (wchar_t)before))
			return j;
	}
	return i;
}

size_t screen_break(const char *s, int cols, const char **next)
{
	size_t n = strcspn(s, "\n"), i = 0, space = 0;
	int used = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = utf8_next(s + i, n - i, &cp);
		int w = layout_width(cp);

		if (i && used + w > cols) {
			if (cp == ' ')
				space = i;   /* the line ends with a word */
			break;
		}
		used += w;
		i += len;
		if (cp == ' ' && used > cols / 2)
			space = i;
	}
	if (i < n && space)
		i = space;
	else if (i < n)
		i = break_between(s, n, i);
	/* A line break of the text ends the line whatever the room. */
	*next = i == n && s[n] == '\n' ? s + n + 1 : s + i + strspn(s + i, " ");
	while (i > 1 && s[i - 1] == ' ')
		i--;
	return i;
}

int screen_lines(const char *s, int cols)
{
	int count = 1;

	for (const char *next; screen_break(s, cols, &next), *next; s = next)
		count++;
	return count;
}

int screen_text_wrapped(int y, int x, int cols, int max_lines, const char *s, int attr)
{
	int count = 0;

	while (count < max_lines) {
		const char *next;
		char *line = xstrndup(s, screen_break(s, cols, &next));

		screen_text(y + count++, x, cols, line, attr);
		free(line);
		if (!*next)
			break;
		s = next;
	}
	return count;
}

void screen_blank(int y, int x, int cols, int attr)
{
	cols = clip(y, x, cols);
	if (!cols)
		return;
	/* hline takes its attributes from the character, not from attrset. */
	mvhline(y, x, (chtype)' ' | (chtype)attr, cols);
}

void screen_bar(int y, int x, int cols, long eighths, int attr)
{
	/* U+2589..U+258F: seven eighths down to one eighth. */
	static const char *const part[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	char buf[64 * 3 + 4];
	size_t o = 0;
	long full;

	if (cols <= 0)
		return;
	if (cols > 64)
		cols = 64;
	eighths = eighths < 0 ? 0 : eighths > 8L * cols ? 8L * cols : eighths;
	full = eighths / 8;
	for (long i = 0; i < full; i++) {
		const char *c = ascii_mode ? "#" : "█";

		memcpy(buf + o, c, strlen(c));
		o += strlen(c);
	}
	if (ascii_mode && eighths % 8 >= 4) {
		buf[o++] = '=';
	} else if (!ascii_mode) {
		memcpy(buf + o, part[eighths % 8], strlen(part[eighths % 8]));
		o += strlen(part[eighths % 8]);
	}
	buf[o] = '\0';
	screen_text(y, x, cols, buf, attr);
}

static bool put_wide(FILE *out, const wchar_t *w, char *mb, mbstate_t *st)
{
	for (; *w; w++) {
		size_t n = wcrtomb(mb, *w, st);

		if (n == (size_t)-1) {
			memset(st, 0, sizeof *st);
			mb[0] = '?';
			n = 1;
		}
		if (fwrite(mb, 1, n, out) != n)
			return false;
	}
	return true;
}

bool screen_print(FILE *out)
{
	cchar_t *cells = xcalloc((size_t)COLS + 1, sizeof *cells);
	char mb[MB_LEN_MAX];
	bool ok = true;

	for (int y = 0; ok && y < LINES; y++) {
		wchar_t w[CCHARW_MAX + 1];
		mbstate_t st;
		int end = 0, n = 0;

		memset(cells, 0, ((size_t)COLS + 1) * sizeof *cells);
		/* Wide characters fill one entry for their two cells; the list
		 * ends with an empty entry. */
		mvin_wchnstr(y, 0, cells, COLS);
		for (attr_t a; n < COLS; n++) {
			short pair;

			if (getcchar(&cells[n], w, &a, &pair, NULL) == ERR || !w[0])
				break;
			if (w[0] != L' ' || w[1])
				end = n + 1;
		}
		memset(&st, 0, sizeof st);
		for (int i = 0; ok && i < end; i++) {
			attr_t a;
			short pair;

			getcchar(&cells[i], w, &a, &pair, NULL);
			ok = put_wide(out, w, mb, &st);
		}
		ok = ok && putc('\n', out) != EOF;
	}
	free(cells);
	return ok && fflush(out) == 0 && !ferror(out);
}
