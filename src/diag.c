#include "config.h"

#include "diag.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void diags_init(struct diags *d)
{
	*d = (struct diags){0};
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].text);
	}
	free(d->v);
	*d = (struct diags){0};
}

void diag_add(struct diags *d, const char *file, uint32_t record,
              enum severity sev, const char *fmt, ...)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	d->v[d->n++] = (struct diag){
		.file = file ? xstrdup(file) : NULL,
		.record = record, .sev = sev, .text = text,
	};
	d->count[sev]++;
}

void diags_append(struct diags *d, const struct diags *from)
{
	for (size_t i = 0; i < from->n; i++) {
		const struct diag *m = &from->v[i];
		diag_add(d, m->file, m->record, m->sev, "%s", m->text);
	}
}

const char *severity_name(enum severity sev)
{
	switch (sev) {
	case SEV_NOTE: return "note";
	case SEV_WARNING: return "warning";
	case SEV_ERROR: return "error";
	}
	return "?";
}
