#include "config.h"

#include "out.h"
#include "text.h"
#include "xalloc.h"

#include <langinfo.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return !strcmp(cs, "UTF-8") || !strcmp(cs, "utf8");
}

void out_puts(FILE *out, const char *s)
{
	if (locale_is_utf8()) {
		fputs(s, out);
		return;
	}
	bool ascii = text_locale_is_ascii();
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n = strlen(s);

	memset(&st, 0, sizeof st);
	while (n) {
		uint32_t cp;
		size_t len = utf8_next(s, n, &cp);
		bool bad = cp == 0xFFFD && len == 1 && (unsigned char)*s >= 0x80;

		s += len;
		n -= len;
		if (cp < 0x80) {
			putc((int)cp, out);
		} else if (ascii) {
			fprintf(out, "<U+%04X>", (unsigned)cp);
		} else {
			/* glibc's wchar_t is UCS-4 in every locale: wcrtomb is the
			 * conversion from Unicode to the locale's charset. */
			size_t m = bad ? (size_t)-1 : wcrtomb(mb, (wchar_t)cp, &st);

			if (m == (size_t)-1) {
				memset(&st, 0, sizeof st);
				putc('?', out);
			} else {
				fwrite(mb, 1, m, out);
			}
		}
	}
}

void out_printf(FILE *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	out_puts(out, s);
	free(s);
}
