/* Text for people on stdout and stderr, in the terminal's character set.
 *
 * Messages are UTF-8 inside (gettext is bound to UTF-8; text from files is
 * sanitised to UTF-8).  out_puts() writes a UTF-8 string for the current
 * locale (LC_CTYPE, read on every call):
 *   - a UTF-8 locale gets the bytes as they are;
 *   - an ASCII locale (C/POSIX, or a setlocale that failed) gets every
 *     non-ASCII character as a "<U+XXXX>" escape, as on the screen;
 *   - any other (zh_CN.GBK, zh_CN.GB18030, ...) gets the text converted;
 *     a character the charset cannot represent, or an invalid UTF-8 byte,
 *     is '?'.
 * Output for programs (--dump) does not come here: it is always UTF-8.
 * Write errors are left to the stream (ferror). */
#ifndef YUSUAN_OUT_H
#define YUSUAN_OUT_H

#include <stdio.h>

void out_puts(FILE *out, const char *s);

/* Formats like printf, then writes the result with out_puts(). */
void out_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
