/* Messages about the input: what is wrong and where (file:record).
 *
 * The loader and the checks add messages; main prints them (stderr for
 * --dump, stdout for --check) and the browser lists them.  A message owns
 * copies of its file name and text; the list owns its messages. */
#ifndef YUSUAN_DIAG_H
#define YUSUAN_DIAG_H

#include <stddef.h>
#include <stdint.h>

enum severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

struct diag {
	char *file;          /* path as given, raw bytes; NULL when about no file */
	uint32_t record;     /* 1-based CSV record, 0 when about the whole file */
	enum severity sev;
	char *text;          /* UTF-8, already in the interface language */
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t count[3];     /* per severity */
};

void diags_init(struct diags *d);
void diags_free(struct diags *d);

/* Adds a message; fmt is printf-style (translate it with _() first). */
void diag_add(struct diags *d, const char *file, uint32_t record,
              enum severity sev, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Adds a copy of every message of from, in order. */
void diags_append(struct diags *d, const struct diags *from);

/* "error", "warning" or "note" (not translated: the format is for tools). */
const char *severity_name(enum severity sev);

#endif
