/* Key names, parsed by one function for the config file, key scripts
 * (--keys, --keys-file, --play) and shown by the help screen.
 *
 * Names: a printable character stands for itself (`j`, `/`, `?`, `公`);
 * in angle brackets: <Enter> <Esc> <Tab> <Backspace> <Space> <Up> <Down>
 * <Left> <Right> <PgUp> <PgDn> <Home> <End> <Del> <F1>…<F12> <C-x> (Ctrl
 * with a letter), <Resize>, <lt> for a literal '<', and mouse events in
 * scripts: <Click:COL,ROW> <DoubleClick:COL,ROW> <WheelUp> <WheelDown>
 * (COL and ROW 0-based, as ncurses reports them).  Bracket names ignore
 * case.  <U+XXXX> names any character by its code point (key_to_name uses it
 * for characters that do not show as themselves).  Key codes are ncurses'
 * (KEY_UP …) or Unicode code points; see struct key.
 *
 * Equal keys: <Enter>, '\r' and KEY_ENTER are one key, and so are
 * <Backspace>, 127 and 8 (<C-h>); see key_normalize. */
#ifndef YUSUAN_KEYS_H
#define YUSUAN_KEYS_H

#include "actions.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A key: a Unicode character (is_func false; Ctrl keys are control
 * characters) or an ncurses KEY_* code (is_func true); a mouse event has
 * is_func, code KEY_MOUSE, and for clicks a position (0 for the wheel). */
struct key {
	bool is_func;
	uint32_t code;
	enum { KM_NONE, KM_CLICK, KM_DOUBLE, KM_WHEEL_UP, KM_WHEEL_DOWN } mouse;
	int x, y;
};

/* Parses one key name at *s, advancing *s past it.  Returns false (and
 * sets *why to a translated reason) on an unknown or malformed name, a
 * raw control character or invalid UTF-8.  A reason that quotes the input
 * lives in a static buffer, valid until the next key_parse/keymap_bind. */
bool key_parse(const char **s, struct key *k, const char **why);
/* Writes the canonical name of k ("<Enter>", "j", "<C-f>"), cut to cap.
 * Function keys with no name above get ncurses' name ("<KEY_IC>"), which
 * is for display only.  (Not key_name: ncursesw declares that.) */
void key_to_name(const struct key *k, char *buf, size_t cap);
/* The one representative of equal keys: Enter variants become '\n',
 * Backspace variants KEY_BACKSPACE (is_func).  For input prompts. */
struct key key_normalize(const struct key *k);

/* The key map: defaults from actions.h, then rebinding from the config.
 * One static map for the process, empty until keymap_defaults. */
#define KEYMAP_MAX_KEYS 8
void keymap_defaults(void);
/* Binds keys (space-separated names, replacing the action's keys; "" for
 * none).  A key bound to another action is taken from it: the last binding
 * wins.  False with *why on a bad name, more than KEYMAP_MAX_KEYS keys or
 * a mouse click (the map is left unchanged). */
bool keymap_bind(enum action a, const char *names, const char **why);
enum action keymap_lookup(const struct key *k);
/* The keys bound to a, as names separated by spaces, for the help screen;
 * names that do not fit in cap are left out whole. */
void keymap_describe(enum action a, char *buf, size_t cap);

#endif
