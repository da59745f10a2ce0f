/* Text from outside (file contents, file names, the config) made safe and
 * measurable for the terminal.
 *
 * text_sanitize() turns untrusted bytes into UTF-8 with no control or
 * invisible character; it does not depend on the locale.  Everything else
 * follows the current LC_CTYPE (after setlocale): it measures and cuts text
 * the way a terminal in that locale shows it.  Their input is NUL-terminated
 * UTF-8, normally the result of text_sanitize(); invalid bytes count as
 * U+FFFD.  The locale is read on every call: nothing to refresh after
 * setlocale. */
#ifndef YUSUAN_TEXT_H
#define YUSUAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* Decodes one code point from s (n > 0 bytes available) into *cp and
 * returns the bytes consumed (>= 1).  An invalid, overlong, surrogate or
 * truncated sequence gives U+FFFD and consumes 1 byte. */
size_t utf8_next(const char *s, size_t n, uint32_t *cp);

/* Encodes a code point <= U+10FFFF into out (4 bytes of room); returns
 * the bytes written (1-4). */
size_t utf8_put(uint32_t cp, char *out);

/* Returns n bytes of s (NULs allowed) as a new NUL-terminated UTF-8 string
 * (free() it) in which
 *   - tab, LF and CR are one space each;
 *   - other C0 controls and DEL are caret notation: "^H", "^[", "^@", "^?";
 *   - C1 controls, bidi controls, invisible format characters (zero-width
 *     space/joiners, BOM, soft hyphen, ...), Hangul fillers, U+2028/U+2029
 *     and noncharacters are "<U+202E>" escapes;
 *   - invalid UTF-8 bytes are U+FFFD;
 *   - at most 2 combining marks follow a base character; a mark at the
 *     start, after a space, a caret or an escape is dropped.
 * Linear in n. */
char *text_sanitize(const char *s, size_t n);

/* Same, for text shown on several lines (a cell of paragraphs): LF, CR LF
 * and CR are each one '\n' instead of a space, save those before the first
 * and after the last character, which are dropped. */
char *text_sanitize_lines(const char *s, size_t n);

/* Untrusted text to quote in a message: text_sanitize(s, n), cut after
 * TEXT_QUOTE_MAX characters (code points of the sanitised text) and then
 * ending in "… (cut at 200 of N characters; limit: name length shown)",
 * translated.  A message never grows with what it quotes.  free() it. */
#define TEXT_QUOTE_MAX 200
char *text_quote(const char *s, size_t n);

/* Columns s takes when drawn in the current locale: wcwidth() per code
 * point, except that a code point the locale cannot show counts 1 (it is
 * drawn as '?'), East Asian Ambiguous characters follow
 * text_set_ambiguous_width(), and in an ASCII locale a non-ASCII code point
 * counts as its "<U+XXXX>" escape.  Saturates at INT_MAX. */
int text_width(const char *s);

/* Writes what to draw of s in at most cols columns into out (outcap wide
 * characters, NUL included; text_fit), or as UTF-8 (outcap bytes;
 * text_fit_utf8), and returns the columns used.  Code points are replaced
 * as text_width() counts them ('?', "<U+XXXX>").  When s does not fit, it
 * is cut before the first character that would cross the edge, followed
 * by U+2026 '…' ('~' when the locale cannot show '…' or '…' is wider than
 * cols), then by spaces up to cols where a double-width character or an
 * escape would have straddled the edge: a cut result takes exactly cols
 * columns.  cols <= 0 gives "" and 0.  With outcap below TEXT_FIT_WCAP /
 * TEXT_FIT_UTF8CAP(cols), a sanitized string may be cut short without '…'
 * (the result is still NUL-terminated when outcap >= 1). */
int text_fit(const char *s, int cols, wchar_t *out, size_t outcap);
int text_fit_utf8(const char *s, int cols, char *out, size_t outcap);

/* s fitted to at most cols columns as by text_fit_utf8, without the
 * spaces that pad a cut result: a new string (free() it) to put something
 * after. */
char *text_cut(const char *s, int cols);

/* Output sizes that hold any fitted sanitized string: a column holds at
 * most a base character and 2 combining marks. */
#define TEXT_FIT_WCAP(cols) (3 * (size_t)(cols) + 1)
#define TEXT_FIT_UTF8CAP(cols) (12 * (size_t)(cols) + 1)

/* Width of East Asian Ambiguous characters (“ ” — … ① ≥ ≤ box drawing,
 * Greek, Cyrillic, ...) for terminals that disagree with the locale: 1 or
 * 2, or 0 to follow the locale (the default; other values mean 0).  The
 * characters are still drawn as themselves: text.c defines wcwidth() so
 * that the whole program, curses included, counts them so (the C library's
 * width stays available through wcswidth). */
void text_set_ambiguous_width(int width);

/* True when the current locale's codeset is ASCII (the C/POSIX locale, or
 * a setlocale that failed): non-ASCII text is then shown as escapes. */
bool text_locale_is_ascii(void);

#endif
