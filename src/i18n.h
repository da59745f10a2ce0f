/* Interface language: _() translates a message, N_() marks one for
 * translation where it sits in a static table (translated when shown).
 * Both are no-ops when NLS is disabled at configure time. */
#ifndef YUSUAN_I18N_H
#define YUSUAN_I18N_H

#if ENABLE_NLS
# include <libintl.h>
# define _(s) gettext(s)
#else
# define _(s) (s)
# define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

/* What to do when the locale cannot show Chinese: one hint for the
 * message before the browser starts (main.c) and its status line (tui.c).
 * C.UTF-8 is the one UTF-8 locale every glibc system has. */
#define LOCALE_HINT N_("try LANG=C.UTF-8")

#endif
