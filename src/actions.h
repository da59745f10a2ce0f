/* Every action of the browser, once: the enum, the names used in the
 * config file's [keys] section and in key scripts' help, the default keys,
 * and the help text all come from this list, so the help screen can never
 * disagree with the key bindings.
 *
 * X(ENUM, "config-name", "default keys (space-separated key names)", help msgid) */
#ifndef YUSUAN_ACTIONS_H
#define YUSUAN_ACTIONS_H

#include "i18n.h"

#define ACTION_LIST(X) \
	X(ACT_UP,        "up",        "<Up> k",              N_("Move up")) \
	X(ACT_DOWN,      "down",      "<Down> j",            N_("Move down")) \
	X(ACT_PAGE_UP,   "page-up",   "<PgUp> <C-b>",        N_("Page up")) \
	X(ACT_PAGE_DOWN, "page-down", "<PgDn> <C-f> <Space>", N_("Page down")) \
	X(ACT_TOP,       "top",       "<Home> g",            N_("Go to the first row")) \
	X(ACT_BOTTOM,    "bottom",    "<End> G",             N_("Go to the last row")) \
	X(ACT_ENTER,     "enter",     "<Enter> <Right> l",   N_("Open the selected row")) \
	X(ACT_BACK,      "back",      "<Left> h <Backspace>", N_("Go back to the parent")) \
	X(ACT_SEARCH,    "search",    "/",                   N_("Search codes and names")) \
	X(ACT_NEXT,      "next",      "n",                   N_("Next search match")) \
	X(ACT_PREV,      "prev",      "N",                   N_("Previous search match")) \
	X(ACT_SORT,      "sort",      "s",                   N_("Change the sort order (amount, code, name)")) \
	X(ACT_REVERSE,   "reverse",   "S",                   N_("Reverse the sort order")) \
	X(ACT_UNIT,      "unit",      "t",                   N_("Switch between 万元 and 元")) \
	X(ACT_DETAIL,    "detail",    "i",                   N_("Show every figure of the selected row")) \
	X(ACT_FINDINGS,  "findings",  "v",                   N_("Show the check results")) \
	X(ACT_HELP,      "help",      "?",                   N_("Show this help")) \
	X(ACT_REDRAW,    "redraw",    "<C-l>",               N_("Redraw the screen")) \
	X(ACT_QUIT,      "quit",      "q",                   N_("Close this screen; quit at the top")) \
	X(ACT_QUIT_ALL,  "quit-all",  "Q",                   N_("Quit at once"))

enum action {
	ACT_NONE,
#define X(e, name, keys, help) e,
	ACTION_LIST(X)
#undef X
	ACT__COUNT
};

/* "page-down" → ACT_PAGE_DOWN; ACT_NONE when unknown.  action_name gives
 * "none" and action_help "" for ACT_NONE; the strings are static. */
enum action action_by_name(const char *name);
const char *action_name(enum action a);
const char *action_help(enum action a);   /* msgid: call _() */

#endif
