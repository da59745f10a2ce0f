#include "config.h"

#include "report.h"
#include "i18n.h"
#include "out.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* --dump is UTF-8 always; messages follow the terminal's charset. */
static void put_clean(FILE *out, const char *s)
{
	char *clean = text_sanitize(s, strlen(s));
	fputs(clean, out);
	free(clean);
}

static void put_clean_local(FILE *out, const char *s)
{
	char *clean = text_sanitize(s, strlen(s));
	out_puts(out, clean);
	free(clean);
}

/* The path from the department down: names joined by " / ". */
static void put_path(FILE *out, const struct node *n)
{
	if (!n || n->kind == NODE_COLLECTION)
		return;
	if (n->kind != NODE_DEPARTMENT) {
		put_path(out, n->parent);
		fputs(" / ", out);
	}
	put_clean(out, n->name);
}

/* The totals of a department and its sections, one line per published
 * figure ("支出总表 人员经费"), so that every figure of the tables' total
 * rows is in the dump, not only the one that stands for the node. */
static void dump_figures(FILE *out, const struct node *n)
{
	for (uint16_t i = 0; i < n->nfigs; i++) {
		const struct figure *f = &n->figs[i];
		if (f->flags & FIG_SUMMED)
			continue;
		char amount[AMOUNT_FMT_SIZE];
		amount_format(f->fen, UNIT_WAN, false, amount, sizeof amount);
		const char *table = table_kind_name(f->table);
		const char *term = column_term(f->column);
		fprintf(out, "figure\t\t%s %s\t%s\t\t", table, term, amount);
		put_path(out, n);
		fprintf(out, " / %s %s\n", table, term);
	}
}

static void dump_node(FILE *out, const struct node *n)
{
	char amount[AMOUNT_FMT_SIZE] = "";
	const struct figure *f = node_headline(n);
	if (f)
		amount_format(f->fen, UNIT_WAN, false, amount, sizeof amount);
	fprintf(out, "%s\t", node_kind_name(n->kind));
	put_clean(out, n->code);
	fputc('\t', out);
	put_clean(out, n->name);
	fprintf(out, "\t%s\t", amount);
	if (node_value(n))
		put_clean(out, node_value(n));
	fputc('\t', out);
	put_path(out, n);
	fputc('\n', out);
	if (n->kind == NODE_DEPARTMENT || n->kind == NODE_SECTION)
		dump_figures(out, n);
	for (uint32_t i = 0; i < n->nkids; i++)
		dump_node(out, n->kids[i]);
}

void report_dump(FILE *out, const struct budget *b)
{
	fputs("kind\tcode\tname\tamount\tvalue\tpath\n", out);
	if (b->root)
		dump_node(out, b->root);
}

static void put_where(FILE *out, const char *file, uint32_t record)
{
	if (!file) {
		fputs("yusuan", out);
		return;
	}
	put_clean_local(out, file);
	if (record)
		fprintf(out, ":%u", record);
}

void report_messages(FILE *out, const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *m = &d->v[i];
		put_where(out, m->file, m->record);
		fprintf(out, ": %s: ", severity_name(m->sev));
		put_clean_local(out, m->text);
		fputc('\n', out);
	}
}

size_t report_check(FILE *out, const struct budget *b)
{
	size_t count[3] = { b->diags.count[0], b->diags.count[1], b->diags.count[2] };
	report_messages(out, &b->diags);
	for (size_t i = 0; i < b->nfindings; i++) {
		const struct finding *f = &b->findings[i];
		const struct origin at = f->a.file ? f->a : f->b;
		put_where(out, at.file ? b->files[at.file].path : NULL, at.record);
		fprintf(out, ": %s: ", severity_name(f->sev));
		put_clean_local(out, f->text);
		fputc('\n', out);
		count[f->sev]++;
	}
	char *e = xasprintf(ngettext("%zu error", "%zu errors", count[SEV_ERROR]),
	                    count[SEV_ERROR]);
	char *w = xasprintf(ngettext("%zu warning", "%zu warnings", count[SEV_WARNING]),
	                    count[SEV_WARNING]);
	char *n = xasprintf(ngettext("%zu note", "%zu notes", count[SEV_NOTE]), count[SEV_NOTE]);
	/* TRANSLATORS: the summary line of --check: "3 errors, 1 warning, 0 notes". */
	out_printf(out, _("%s, %s, %s\n"), e, w, n);
	free(e);
	free(w);
	free(n);
	return count[SEV_ERROR] + count[SEV_WARNING];
}
