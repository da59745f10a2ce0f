#include "config.h"

#include "settings.h"

#include "i18n.h"
#include "keys.h"
#include "text.h"
#include "xalloc.h"

#if HAVE_INIPARSER_INIPARSER_H
# include <iniparser/iniparser.h>
#else
# include <iniparser.h>
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
# define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* iniparser 4.1 fails on a line of 1023 bytes or more before its '\n'
 * (its fgets buffer is 1024 bytes), and on continued lines that fill it
 * together; checked on this version. */
enum { INI_LINE_MAX = 1022 };
/* Settings files are a few hundred bytes; this bounds memory and time. */
enum { FILE_MAX = 1 << 20 };

/* ---- Values ---- */

struct word {
	const char *word;
	int value;
};

/* The first word given for a value is how it is written back. */
static const struct word bool_words[] = {
	{ "yes", 1 }, { "no", 0 }, { "true", 1 }, { "false", 0 },
	{ "on", 1 }, { "off", 0 }, { "1", 1 }, { "0", 0 }, { NULL, 0 },
};
static const struct word unit_words[] = {
	{ "万元", UNIT_WAN }, { "元", UNIT_YUAN },
	{ "wan", UNIT_WAN }, { "yuan", UNIT_YUAN }, { NULL, 0 },
};
static const struct word sort_words[] = {
	{ "amount", SORT_AMOUNT }, { "code", SORT_CODE }, { "name", SORT_NAME },
	{ NULL, 0 },
};
static const struct word width_words[] = {
	{ "auto", 0 }, { "1", 1 }, { "2", 2 }, { NULL, 0 },
};
static const struct word color_words[] = {
	{ "default", -1 }, { "black", COLOR_BLACK }, { "red", COLOR_RED },
	{ "green", COLOR_GREEN }, { "yellow", COLOR_YELLOW },
	{ "blue", COLOR_BLUE }, { "magenta", COLOR_MAGENTA },
	{ "cyan", COLOR_CYAN }, { "white", COLOR_WHITE }, { NULL, 0 },
};
static const struct word attr_words[] = {
	{ "bold", A_BOLD }, { "reverse", A_REVERSE },
	{ "underline", A_UNDERLINE }, { NULL, 0 },
};

enum kind { K_BOOL, K_UNIT, K_SORT, K_WIDTH, K_COLOR };

static const struct {
	const struct word *words;   /* NULL for K_COLOR */
	const char *expected;       /* msgid */
} kinds[] = {
	[K_BOOL] = { bool_words, N_("yes or no") },
	[K_UNIT] = { unit_words, N_("万元 or 元") },
	[K_SORT] = { sort_words, N_("amount, code or name") },
	[K_WIDTH] = { width_words, N_("auto, 1 or 2") },
	/* TRANSLATORS: keep the English colour and attribute names: they are
	 * what the settings file accepts. */
	[K_COLOR] = { NULL, N_("a foreground and a background colour among "
	                       "default black red green yellow blue magenta "
	                       "cyan white, then any of bold reverse "
	                       "underline") },
};

/* Help for each colour role; a role without one does not compile. */
#define ROLE_HELP_ROLE_TITLE    N_("The title line")
#define ROLE_HELP_ROLE_HEADER   N_("Column headings")
#define ROLE_HELP_ROLE_ROW      N_("Ordinary rows")
#define ROLE_HELP_ROLE_SELECTED N_("The selected row")
#define ROLE_HELP_ROLE_CODE     N_("Classification codes")
#define ROLE_HELP_ROLE_AMOUNT   N_("Amounts")
#define ROLE_HELP_ROLE_BAR      N_("Bars showing each row's share")
#define ROLE_HELP_ROLE_WARNING  N_("Warnings and errors")
#define ROLE_HELP_ROLE_NOTE     N_("Notes")
#define ROLE_HELP_ROLE_STATUS   N_("The status line")
#define ROLE_HELP_ROLE_MATCH    N_("Search matches")

/* Every setting but [keys], which comes from actions.h. */
static const struct setting {
	const char *section, *key;
	enum kind kind;
	size_t offset;          /* of the field in struct settings */
	const char *help;       /* msgid, for settings_write_defaults */
} table[] = {
	{ "display", "unit", K_UNIT, offsetof(struct settings, unit),
	  N_("Unit of amounts at start: 万元 or 元 (also wan, yuan)") },
	{ "display", "sort", K_SORT, offsetof(struct settings, sort),
	  N_("Sort order at start: amount, code or name") },
	{ "display", "reverse", K_BOOL, offsetof(struct settings, reverse),
	  N_("Reverse the sort order: yes or no") },
	{ "display", "bars", K_BOOL, offsetof(struct settings, bars),
	  N_("Draw a bar for each row's share of its parent: yes or no") },
	{ "display", "color", K_BOOL, offsetof(struct settings, color),
	  N_("Use colours: yes or no") },
	{ "display", "ascii", K_BOOL, offsetof(struct settings, ascii),
	  N_("Draw lines and bars with ASCII characters only: yes or no") },
	{ "display", "ambiguous_width", K_WIDTH,
	  offsetof(struct settings, ambiguous_width),
	  N_("Columns of East Asian Ambiguous characters such as “ ” — ①: "
	     "auto (as the locale says), 1 or 2") },
#define X(e, name) \
	{ "colors", name, K_COLOR, offsetof(struct settings, colors[e]), \
	  ROLE_HELP_##e },
	COLOR_ROLE_LIST(X)
#undef X
};

static int get_value(const struct settings *s, const struct setting *t)
{
	const char *p = (const char *)s + t->offset;
	switch (t->kind) {
	case K_BOOL: return *(const bool *)p;
	case K_UNIT: return (int)*(const enum amount_unit *)p;
	case K_SORT: return (int)*(const enum sort_key *)p;
	case K_WIDTH: return *(const int *)p;
	case K_COLOR: break;
	}
	abort();
}

static void set_value(struct settings *s, const struct setting *t, int v)
{
	char *p = (char *)s + t->offset;
	switch (t->kind) {
	case K_BOOL: *(bool *)p = v; return;
	case K_UNIT: *(enum amount_unit *)p = (enum amount_unit)v; return;
	case K_SORT: *(enum sort_key *)p = (enum sort_key)v; return;
	case K_WIDTH: *(int *)p = v; return;
	case K_COLOR: break;
	}
	abort();
}

static const struct word *find_word(const struct word *w, const char *s,
                                    size_t n)
{
	for (; w->word; w++)
		if (strlen(w->word) == n && strncasecmp(w->word, s, n) == 0)
			return w;
	return NULL;
}

static const char *word_of(const struct word *w, int value)
{
	for (; w->word; w++)
		if (w->value == value)
			return w->word;
	return "?";
}

/* "FG BG [bold] [reverse] [underline]", words separated by blanks. */
static bool parse_color(const char *v, struct color_spec *c)
{
	struct color_spec out = { 0, 0, 0 };
	int nwords = 0;

	for (const char *p = v + strspn(v, " \t"); *p; p += strspn(p, " \t")) {
		size_t n = strcspn(p, " \t");
		const struct word *w = find_word(nwords < 2 ? color_words
		                                            : attr_words, p, n);
		if (!w)
			return false;
		if (nwords == 0)
			out.fg = (short)w->value;
		else if (nwords == 1)
			out.bg = (short)w->value;
		else
			out.attrs |= w->value;
		nwords++;
		p += n;
	}
	if (nwords < 2)
		return false;
	*c = out;
	return true;
}

static void format_color(const struct color_spec *c, char *buf, size_t cap)
{
	int len = snprintf(buf, cap, "%s %s", word_of(color_words, c->fg),
	                   word_of(color_words, c->bg));
	for (const struct word *w = attr_words; w->word; w++)
		if ((c->attrs & w->value) && len >= 0 && (size_t)len < cap)
			len += snprintf(buf + len, cap - (size_t)len, " %s", w->word);
}

static bool parse_value(struct settings *s, const struct setting *t,
                        const char *v)
{
	if (t->kind == K_COLOR)
		return parse_color(v, (struct color_spec *)((char *)s + t->offset));
	const struct word *w = find_word(kinds[t->kind].words, v, strlen(v));
	if (w)
		set_value(s, t, w->value);
	return w != NULL;
}

static void format_value(const struct settings *s, const struct setting *t,
                         char *buf, size_t cap)
{
	if (t->kind == K_COLOR)
		format_color((const struct color_spec *)((const char *)s + t->offset),
		             buf, cap);
	else
		snprintf(buf, cap, "%s",
		         word_of(kinds[t->kind].words, get_value(s, t)));
}

void settings_defaults(struct settings *s)
{
	/* Colours must read on dark and on light backgrounds, so every role
	 * keeps the terminal's own background (-1) and foreground unless a
	 * colour reads on both in common palettes (xterm, Tango): red and
	 * magenta text do (about 4:1 or better either way); blue text is
	 * dark on black and yellow, green and cyan text are faint on white,
	 * so codes stay uncoloured.  Bars are solid blocks, where cyan's
	 * weaker contrast on white still shows the shape.  Selection, status
	 * and matches use reverse video, bold and underline, which work on
	 * any background and without colours. */
	static const struct color_spec colors[ROLE__COUNT] = {
		[ROLE_TITLE] = { -1, -1, A_BOLD },
		[ROLE_HEADER] = { -1, -1, A_BOLD | A_UNDERLINE },
		[ROLE_ROW] = { -1, -1, 0 },
		[ROLE_SELECTED] = { -1, -1, A_REVERSE | A_BOLD },
		[ROLE_CODE] = { -1, -1, 0 },
		[ROLE_AMOUNT] = { -1, -1, 0 },
		[ROLE_BAR] = { COLOR_CYAN, -1, 0 },
		[ROLE_WARNING] = { COLOR_RED, -1, A_BOLD },
		[ROLE_NOTE] = { COLOR_MAGENTA, -1, 0 },
		[ROLE_STATUS] = { -1, -1, A_REVERSE },
		[ROLE_MATCH] = { -1, -1, A_BOLD | A_UNDERLINE },
	};

	*s = (struct settings){
		.unit = UNIT_WAN, .sort = SORT_AMOUNT, .reverse = false,
		.bars = true, .color = true, .ascii = false, .ambiguous_width = 0,
	};
	memcpy(s->colors, colors, sizeof colors);
	keymap_defaults();
}

/* Writes a list of key names for the file: the keys iniparser would take
 * for quotes, a comment or a line continuation (" ' # ; \) by their
 * <U+XXXX> names, since no quoting can hold all of them (and a value that
 * starts with a quote loses it). */
static void write_keys(FILE *out, const char *action, const char *names)
{
	fprintf(out, "%s =", action);
	for (const char *p = names; *p;) {
		size_t n = strcspn(p, " ");
		if (n == 1 && strchr("\"'#;\\", *p))
			fprintf(out, " <U+%04X>", (unsigned)*p);
		else if (n > 0)
			fprintf(out, " %.*s", (int)n, p);
		p += n + (p[n] == ' ');
	}
	fputc('\n', out);
}

void settings_write(const struct settings *s, FILE *out)
{
	static const struct {
		const char *name, *intro;   /* msgid */
	} sections[] = {
		{ "display", N_("How the budget is shown.") },
		{ "colors", N_("Colours: FG BG then any of bold reverse underline; "
		               "colours are default (the terminal's own) black "
		               "red green yellow blue magenta cyan white.") },
	};
	char value[256];

	fprintf(out, "# %s\n", _("yusuan settings.  Lines starting with # are "
	                         "comments."));
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		fprintf(out, "\n[%s]\n# %s\n", sections[i].name,
		        _(sections[i].intro));
		for (size_t j = 0; j < sizeof table / sizeof table[0]; j++) {
			if (strcmp(table[j].section, sections[i].name) != 0)
				continue;
			format_value(s, &table[j], value, sizeof value);
			fprintf(out, "# %s\n", _(table[j].help));
			fprintf(out, "%s = %s\n", table[j].key, value);
		}
	}
	fprintf(out, "\n[keys]\n# ");
	fprintf(out, _("Each action takes up to %d key names separated by "
	               "spaces: a character, or <Enter> <Esc> <Tab> <Backspace> "
	               "<Space> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> "
	               "<End> <Del> <F1> to <F12> <C-x> <lt> <WheelUp> "
	               "<WheelDown>.  Quote a list that holds # or ;.  A key "
	               "given to an action leaves the action it had."),
	        KEYMAP_MAX_KEYS);
	fputc('\n', out);
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		keymap_describe((enum action)a, value, sizeof value);
		fprintf(out, "# %s\n", _(action_help((enum action)a)));
		write_keys(out, action_name((enum action)a), value);
	}
}

char *settings_path(const char *given)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (given)
		return xstrdup(given);
	/* The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/yusuan/yusuan.ini", xdg);
	if (home && home[0])
		return xasprintf("%s/.config/yusuan/yusuan.ini", home);
	return NULL;
}

/* ---- Reading the file ---- */

/* iniparser has no user data for its error callback: the first message of
 * the current load is kept here. */
static char ini_error[512];

static int keep_ini_error(const char *fmt, ...)
{
	static const char prefix[] = "iniparser: ";
	va_list ap;

	if (ini_error[0] != '\0')
		return 0;
	va_start(ap, fmt);
	vsnprintf(ini_error, sizeof ini_error, fmt, ap);
	va_end(ap);
	if (strncmp(ini_error, prefix, strlen(prefix)) == 0)
		memmove(ini_error, ini_error + strlen(prefix),
		        strlen(ini_error) - strlen(prefix) + 1);
	for (size_t n = strlen(ini_error); n > 0 && strchr(" \n", ini_error[n - 1]); n--)
		ini_error[n - 1] = '\0';
	return 0;
}

/* Where each key and section is, found by our own pass over the file
 * because iniparser gives no line numbers.  Names are lowercased as
 * iniparser does; a key outside any section has section "". */
struct place {
	char *section, *key;   /* key NULL for a section header */
	uint32_t line;
};

struct places {
	struct place *v;
	size_t n, cap;
};

static void places_free(struct places *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].section);
		free(p->v[i].key);
	}
	free(p->v);
}

/* The last place of section:key (iniparser keeps the last duplicate), or
 * of the first header of section when key is NULL; 0 when not found. */
static uint32_t line_of(const struct places *p, const char *section,
                        const char *key)
{
	uint32_t line = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct place *e = &p->v[i];
		if (strcasecmp(e->section, section) != 0 || !e->key != !key ||
		    (key && strcasecmp(e->key, key) != 0))
			continue;
		line = e->line;
		if (!key)
			break;
	}
	return line;
}

/* Quotes s for a message (text_quote), valid until the next call with the
 * same slot. */
static const char *quote(int slot, const char *s, size_t n)
{
	static char *buf[2];
	free(buf[slot]);
	buf[slot] = text_quote(s, n);
	return buf[slot];
}

static char *lowered_strip(const char *s, size_t n)
{
	while (n > 0 && strchr(" \t\v\f\r", s[0])) {
		s++;
		n--;
	}
	while (n > 0 && strchr(" \t\v\f\r", s[n - 1]))
		n--;
	char *out = xstrndup(s, n);
	for (char *p = out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	return out;
}

static void add_place(struct places *p, char *section, char *key,
                       uint32_t line)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 32;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n++] = (struct place){ section, key, line };
}

/* Classifies one logical line (continuations joined) as iniparser 4.1
 * does; false on a line it would reject. */
static bool scan_line(const char *s, size_t n, uint32_t line,
                      char **section, struct places *p, const char *path,
                      struct diags *d)
{
	while (n > 0 && strchr(" \t\v\f\r", *s)) {
		s++;
		n--;
	}
	while (n > 0 && strchr(" \t\v\f\r", s[n - 1]))
		n--;
	if (n == 0 || *s == '#' || *s == ';')
		return true;
	if (*s == '[' && s[n - 1] == ']') {
		free(*section);
		*section = lowered_strip(s + 1, strcspn(s + 1, "]"));
		add_place(p, xstrdup(*section), NULL, line);
		/* iniparser lists no section with ':' in its name (nor its
		 * keys): say so here, where the name is still known. */
		if (strchr(*section, ':'))
			diag_add(d, path, line, SEV_WARNING,
			         _("unknown section [%s]"), quote(0, *section,
			                                          strlen(*section)));
		return true;
	}
	const char *eq = memchr(s, '=', n);
	char *key = eq ? lowered_strip(s, (size_t)(eq - s)) : NULL;
	if (!key || !key[0]) {
		free(key);
		diag_add(d, path, line, SEV_WARNING,
		         _("expected 'key = value' or '[section]', not '%s'; the "
		           "line is ignored"), quote(0, s, n));
		return false;
	}
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].key && strcmp(p->v[i].section, *section) == 0 &&
		    strcmp(p->v[i].key, key) == 0) {
			diag_add(d, path, line, SEV_WARNING,
			         _("'%s' is set again (first on line %u); the last "
			           "one counts"), quote(0, key, strlen(key)),
			         (unsigned)p->v[i].line);
			break;
		}
	if (!(*section)[0])
		diag_add(d, path, line, SEV_WARNING,
		         _("'%s' is outside any section and is ignored"),
		         quote(0, key, strlen(key)));
	add_place(p, xstrdup(*section), key, line);
	return true;
}

/* What scan() gives iniparser: the file less what iniparser would reject,
 * which makes it refuse the whole file.  A dropped line leaves an empty
 * one, so that lines keep their numbers. */
struct copy {
	char *text;
	size_t len;
	bool changed;           /* differs from the file */
	size_t start;           /* where the logical line being read starts */
};

static void drop_lines(struct copy *c, uint32_t from, uint32_t to)
{
	c->len = c->start;
	for (uint32_t i = from; i <= to; i++)
		c->text[c->len++] = '\n';
	c->changed = true;
}

/* Warns once about bytes that are not UTF-8 (a file saved as GBK). */
static void check_utf8(const char *s, size_t n, uint32_t line, bool *warned,
                       const char *path, struct diags *d)
{
	for (size_t i = 0; i < n && !*warned;) {
		uint32_t cp;
		size_t k = utf8_next(s + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1) {
			diag_add(d, path, line, SEV_WARNING,
			         _("this line is not valid UTF-8 (saved as GBK?): "
			           "save the file as UTF-8"));
			*warned = true;
		}
		i += k;
	}
}

/* Checks each line as iniparser will read it, drops from the copy (with a
 * warning) the lines it would reject, and records where keys are.  False
 * when nothing of the file can be used. */
static bool scan(const char *buf, size_t len, const char *path,
                 struct places *p, struct copy *c, struct diags *d)
{
	if (memchr(buf, '\0', len)) {
		diag_add(d, path, 0, SEV_WARNING,
		         _("the file contains NUL bytes (is it UTF-16?): save it "
		           "as UTF-8; the file is ignored"));
		return false;
	}
	*c = (struct copy){ .text = xmalloc(len + 2) };
	size_t at = 0;
	/* Notepad saves UTF-8 with a byte-order mark, which iniparser would
	 * take for part of the first line. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		at = 3;
		c->changed = true;
	}

	char *section = xstrdup("");
	char *logical = NULL;   /* a line continued with '\' so far */
	size_t loglen = 0;
	size_t joined = 0;      /* iniparser's buffer used by the continued part */
	uint32_t logline = 0, line = 1;
	bool warned_utf8 = false;

	for (; at < len; line++) {
		const char *s = buf + at;
		const char *nl = memchr(s, '\n', len - at);
		size_t n = nl ? (size_t)(nl - s) : len - at;
		at += n + 1;
		if (!logical) {
			logline = line;
			c->start = c->len;
			joined = 0;
		}
		memcpy(c->text + c->len, s, n);
		c->len += n;
		c->text[c->len++] = '\n';
		check_utf8(s, n, line, &warned_utf8, path, d);
		if (joined + n > INI_LINE_MAX) {
			diag_add(d, path, logline, SEV_WARNING,
			         _("the line is %zu bytes long; iniparser reads lines "
			           "of at most %d bytes; the line is ignored"),
			         joined + n, INI_LINE_MAX);
			drop_lines(c, logline, line);
			free(logical);
			logical = NULL;
			loglen = 0;
			continue;
		}
		size_t end = n;   /* iniparser drops trailing blanks first */
		while (end > 0 && strchr(" \t\v\f\r", s[end - 1]))
			end--;
		bool continued = end > 0 && s[end - 1] == '\\';
		logical = xreallocarray(logical, loglen + n + 1, 1);
		memcpy(logical + loglen, s, continued ? end - 1 : n);
		loglen += continued ? end - 1 : n;
		if (continued) {
			joined += end - 1;   /* the next line overwrites the '\' */
			continue;
		}
		if (!scan_line(logical, loglen, logline, &section, p, path, d))
			drop_lines(c, logline, line);
		free(logical);
		logical = NULL;
		loglen = 0;
	}
	if (logical && !scan_line(logical, loglen, logline, &section, p, path, d))
		drop_lines(c, logline, line - 1);
	free(logical);
	free(section);
	return true;
}

/* Reads the whole file into *buf (NUL-terminated, free() it) without
 * blocking on FIFOs or devices.  *buf is NULL for a file that cannot be
 * read: false after an error for the file the user named; true after a
 * warning for the default file, or nothing when it is missing. */
static bool read_file(const char *path, bool explicit, char **buf,
                      size_t *len, struct diags *d)
{
	enum severity sev = explicit ? SEV_ERROR : SEV_WARNING;
	*buf = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		if (!explicit && (errno == ENOENT || errno == ENOTDIR))
			return true;
		diag_add(d, path, 0, sev, _("cannot read the settings: %s"),
		         strerror(errno));
		return !explicit;
	}
	struct stat st;
	const char *refusal = NULL;
	if (fstat(fd, &st) != 0)
		refusal = strerror(errno);
	else if (S_ISDIR(st.st_mode))
		refusal = _("it is a directory, not a settings file");
	else if (!S_ISREG(st.st_mode))
		refusal = _("it is not a regular file (a FIFO, device or socket)");
	else if (st.st_size > FILE_MAX)
		refusal = _("it is over 1 MiB, too big for a settings file");
	char *b = NULL;
	if (!refusal) {
		size_t size = (size_t)st.st_size;
		ssize_t got = 0;
		b = xmalloc(size + 2);
		/* The file may have grown since fstat: try one byte more. */
		while (*len <= size &&
		       (got = read(fd, b + *len, size + 1 - *len)) > 0)
			*len += (size_t)got;
		if (got < 0)
			refusal = strerror(errno);
		else if (*len > size)
			refusal = _("it changed while being read");
	}
	close(fd);
	if (refusal) {
		diag_add(d, path, 0, sev, _("cannot read the settings: %s"),
		         refusal);
		free(b);
		*len = 0;
		return !explicit;
	}
	b[*len] = '\0';
	*buf = b;
	return true;
}

/* Writes all of text to fd; false with errno set when it cannot. */
static bool write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t put = write(fd, text, len);
		if (put < 0 && errno == EINTR)
			continue;
		if (put <= 0)
			return false;
		text += put;
		len -= (size_t)put;
	}
	return true;
}

/* iniparser 4.1 reads only named files: a copy without the dropped lines
 * goes through a temporary file (*fd open, unlink it).  NULL with a
 * warning when it cannot be made. */
static char *write_copy(const struct copy *c, int *fd, const char *path,
                        struct diags *d)
{
	const char *tmp = getenv("TMPDIR");
	char *name = xasprintf("%s/yusuan-ini.XXXXXX",
	                       tmp && tmp[0] == '/' ? tmp : "/tmp");

	*fd = mkstemp(name);
	if (*fd >= 0 && write_all(*fd, c->text, c->len))
		return name;
	diag_add(d, path, 0, SEV_WARNING,
	         _("cannot copy it without the ignored lines for iniparser: "
	           "%s; the file is ignored"), strerror(errno));
	if (*fd >= 0) {
		unlink(name);
		close(*fd);
	}
	free(name);
	return NULL;
}

/* Loads the file, or its copy when lines were dropped; NULL with a
 * warning when iniparser cannot read it. */
static dictionary *load_ini(const char *path, const struct copy *c,
                            struct diags *d)
{
	char *name = NULL;
	int fd = -1;

	if (c->changed && !(name = write_copy(c, &fd, path, d)))
		return NULL;
	ini_error[0] = '\0';
	iniparser_set_error_callback(keep_ini_error);
	errno = 0;
	dictionary *ini = iniparser_load(name ? name : path);
	int err = errno;
	if (name) {
		unlink(name);
		close(fd);
		free(name);
	}
	if (!ini)
		diag_add(d, path, 0, SEV_WARNING,
		         _("iniparser cannot read it: %s; the file is ignored"),
		         ini_error[0] ? quote(0, ini_error, strlen(ini_error))
		                      : strerror(err));
	return ini;
}

/* Applies the keys of one section of the loaded file. */
static void apply_section(struct settings *s, dictionary *ini,
                          const char *section, const struct places *p,
                          const char *path, struct diags *d)
{
	int nkeys = iniparser_getsecnkeys(ini, section);
	if (nkeys <= 0)
		return;
	const char **keys = xcalloc((size_t)nkeys, sizeof *keys);
	if (!iniparser_getseckeys(ini, section, keys))
		nkeys = 0;
	size_t prefix = strlen(section) + 1;   /* "section:" */
	for (int i = 0; i < nkeys; i++) {
		const char *value = iniparser_getstring(ini, keys[i], NULL);
		if (!value)   /* a "[section:sub]" header, reported by scan() */
			continue;
		const char *key = keys[i] + prefix;
		uint32_t line = line_of(p, section, key);
		const char *qkey = quote(0, key, strlen(key));

		if (strcmp(section, "keys") == 0) {
			enum action a = action_by_name(key);
			const char *why;
			char now[256];
			if (a == ACT_NONE) {
				diag_add(d, path, line, SEV_WARNING,
				         _("unknown action '%s' in [keys]"), qkey);
			} else if (!keymap_bind(a, value, &why)) {
				keymap_describe(a, now, sizeof now);
				diag_add(d, path, line, SEV_WARNING,
				         _("cannot bind %s: %s; keeping %s"), qkey, why,
				         now);
			}
			continue;
		}
		const struct setting *t = NULL;
		for (size_t j = 0; j < sizeof table / sizeof table[0]; j++)
			if (strcmp(table[j].section, section) == 0 &&
			    strcmp(table[j].key, key) == 0)
				t = &table[j];
		if (!t) {
			diag_add(d, path, line, SEV_WARNING,
			         _("unknown setting '%s' in [%s]"), qkey, section);
		} else if (!parse_value(s, t, value)) {
			char now[256];
			format_value(s, t, now, sizeof now);
			diag_add(d, path, line, SEV_WARNING,
			         _("bad value '%s' for %s (expected %s); using %s"),
			         quote(1, value, strlen(value)), qkey,
			         _(kinds[t->kind].expected), now);
		}
	}
	free(keys);
}

bool settings_load(struct settings *s, const char *path, bool explicit,
                   struct diags *d)
{
	size_t len;
	char *buf;
	struct places places = { 0 };
	struct copy copy = { 0 };

	if (!path)
		return true;
	if (!read_file(path, explicit, &buf, &len, d))
		return false;
	if (!buf)
		return true;
	bool usable = scan(buf, len, path, &places, &copy, d);
	free(buf);
	dictionary *ini = usable ? load_ini(path, &copy, d) : NULL;
	free(copy.text);
	for (int i = 0; ini && i < iniparser_getnsec(ini); i++) {
		const char *section = iniparser_getsecname(ini, i);
		if (!section)
			continue;
		if (strcmp(section, "display") == 0 ||
		    strcmp(section, "colors") == 0 || strcmp(section, "keys") == 0)
			apply_section(s, ini, section, &places, path, d);
		else
			diag_add(d, path, line_of(&places, section, NULL),
			         SEV_WARNING, _("unknown section [%s]"),
			         quote(0, section, strlen(section)));
	}
	if (ini)
		iniparser_freedict(ini);
	places_free(&places);
	return true;
}
