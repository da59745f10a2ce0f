/* The browser: what main.c calls to show a loaded budget.
 *
 * Three ways to run it, all reading key names as keys.h parses them:
 *   - interactive, on the terminal (stdout must be one);
 *   - headless (--print-screen): draws into no terminal at cols x rows,
 *     handles every key of `keys` fully before the next, then prints the
 *     final screen as text in the locale's charset, one line per row,
 *     trailing spaces removed;
 *   - playback (--play): replays a key file visibly on the terminal, one key
 *     every delay_ms, showing its "# caption" lines in the status line; any
 *     key pressed meanwhile stops the playback, and the user has the keys.
 *
 * Key files: UTF-8 text up to 1 MB (a BOM is skipped), lines of key names;
 * line ends are not keys (a CR before them is dropped); a line that starts
 * with '#' is a caption, not keys.
 *
 * The browser only reads the budget; it sorts a view order of its own and
 * never reorders the model's kids. */
#ifndef YUSUAN_TUI_H
#define YUSUAN_TUI_H

#include "budget.h"
#include "settings.h"

#include <stdbool.h>
#include <stdio.h>

struct tui_options {
	bool headless;          /* --print-screen */
	const char *keys;       /* headless only: --keys, or tui_keys_from_file's
	                           result for --keys-file; NULL = no keys */
	int cols, rows;         /* headless only: --screen COLSxROWS, 1..1000 */
	FILE *out;              /* where headless mode prints; NULL = stdout */
	const char *play_file;  /* --play FILE (interactive mode) or NULL */
	int delay_ms;           /* --delay: pause after each played key or
	                           caption; <= 0 means TUI_PLAY_DELAY_MS */
	bool no_color;          /* --no-color (NO_COLOR is read here too) */
	bool ascii;             /* --ascii: bars and separators in ASCII */
};

#define TUI_PLAY_DELAY_MS 600

/* Shows b until the user quits (or the keys are done, headless).  The key
 * map (settings_defaults, then settings_load) must be set up before; the
 * settings are copied (t and s change the copy) and ambiguous_width is
 * applied with text_set_ambiguous_width.  Returns 0, or 2 after a message
 * on stderr when b has no root, the keys or the play file are bad, the
 * terminal cannot be used (TERM unset, unknown or unable to move the
 * cursor, stdout not a terminal) or the headless output cannot be written.
 * On SIGINT or SIGTERM it restores the terminal and dies of that signal. */
int tui_run(struct budget *b, const struct settings *s, const struct tui_options *o);

/* Reads a key file for --keys-file: its key lines joined, captions left
 * out.  On success *keys is malloc'd (free it).  On failure returns false
 * with *why set to a translated reason (the path is not in it). */
bool tui_keys_from_file(const char *path, char **keys, const char **why);

#endif
