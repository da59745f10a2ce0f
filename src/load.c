#include "config.h"

#include "load.h"
#include "i18n.h"
#include "kinds/kinds.h"
#include "recognise.h"
#include "records.h"
#include "sheet.h"
#include "walk.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The order tables are read in: totals first, projects before their
 * indicators (which attach to them). */
static const enum table_kind read_order[] = {
	TK_SUMMARY, TK_SPENDING, TK_INCOME, TK_APPROP, TK_GENERAL, TK_GOVFUND,
	TK_STATECAP, TK_BASIC, TK_ECON, TK_SANGONG, TK_PROJECTS, TK_INDICATORS,
	TK_TARGETS,
};

struct loader {
	struct budget *b;
	const struct load_options *o;
	struct file_bytes bytes;
	struct decoder *dec;
	struct csv_reader *csv;
};

/* Reads one file into a sheet; false when it holds no table to read. */
static bool read_sheet(struct loader *l, const char *path, struct sheet *s)
{
	struct budget *b = l->b;
	if (!input_read(path, &l->bytes, &b->diags))
		return false;
	uint32_t fi = budget_add_file(b, path);
	sheet_init(s, b->files[fi].path, fi);
	if (l->bytes.len == 0) {
		diag_add(&b->diags, path, 0, SEV_WARNING, _("the file is empty"));
		return false;
	}
	if (encoding_looks_binary(l->bytes.data, l->bytes.len)) {
		diag_add(&b->diags, path, 0, SEV_WARNING,
		         _("this is not a CSV file (it looks like a spreadsheet workbook or "
		           "binary data): save each sheet as CSV"));
		return false;
	}
	struct decoded text;
	if (!decode_bytes(l->dec, l->bytes.data, l->bytes.len, l->o->encoding, &text)) {
		diag_add(&b->diags, path, 0, SEV_ERROR,
		         _("cannot decode the file as %s: the system lacks the converter"),
		         encoding_name(text.enc));
		return false;
	}
	b->files[fi].enc = text.enc;
	b->files[fi].invalid_bytes = text.invalid;
	if (text.invalid)
		diag_add(&b->diags, path, 0, SEV_WARNING,
		         ngettext("%zu byte is not valid %s (the first at byte offset %zu): "
		                  "shown as U+FFFD",
		                  "%zu bytes are not valid %s (the first at byte offset %zu): "
		                  "shown as U+FFFD", text.invalid),
		         text.invalid, encoding_name(text.enc), text.first_invalid_offset);
	char delim = text.enc == ENC_UTF16LE || text.enc == ENC_UTF16BE ? '\t' : ',';
	/* Tab-separated UTF-8 ("Unicode text" re-saved) has tabs but no commas
	 * on its first line. */
	if (delim == ',') {
		const char *nl = memchr(text.utf8, '\n', text.len);
		size_t first = nl ? (size_t)(nl - text.utf8) : text.len;
		if (!memchr(text.utf8, ',', first) && memchr(text.utf8, '\t', first))
			delim = '\t';
	}
	csv_read(l->csv, text.utf8, text.len, delim, path, &b->diags, sheet_add_record, s);
	if (s->nrows)
		b->files[fi].records = s->rows[s->nrows - 1].record;
	sheet_finish(s);
	enum table_kind kind = recognise_sheet(s);
	b->files[fi].kind = kind;
	if (kind == TK_NONE) {
		const char *title = s->title ? s->title : s->nrows && s->rows[0].ncells
		                    ? s->rows[0].cells[0] : "";
		diag_add(&b->diags, path, 0, SEV_NOTE,
		         _("not a budget table yusuan knows (title '%s'): skipped"), title);
		return false;
	}
	return true;
}

/* The value most of the sheets agree on. */
static const char *most_common(const char **v, size_t n)
{
	const char *best = NULL;
	size_t best_n = 0;
	for (size_t i = 0; i < n; i++) {
		if (!v[i] || !v[i][0])
			continue;
		size_t k = 0;
		for (size_t j = 0; j < n; j++)
			k += v[j] && strcmp(v[i], v[j]) == 0;
		if (k > best_n)
			best = v[i], best_n = k;
	}
	return best;
}

static int cmp_code(const void *a, const void *b)
{
	const struct node *x = *(struct node *const *)a, *y = *(struct node *const *)b;
	return strcmp(x->code, y->code);
}

/* Code lists read best in code order, whatever the table's row order. */
static void sort_codes(struct node *n)
{
	if (n->nkids > 1 && (n->kids[0]->kind == NODE_FUNC || n->kids[0]->kind == NODE_ECON)) {
		bool all = true;
		for (uint32_t i = 0; i < n->nkids && all; i++)
			all = n->kids[i]->kind == n->kids[0]->kind;
		if (all)
			qsort(n->kids, n->nkids, sizeof *n->kids, cmp_code);
	}
	for (uint32_t i = 0; i < n->nkids; i++)
		sort_codes(n->kids[i]);
}

static bool load_package(struct loader *l, const struct package *p)
{
	struct budget *b = l->b;
	struct sheet *sheets = xcalloc(p->nfiles, sizeof *sheets);
	enum table_kind *kinds = xcalloc(p->nfiles, sizeof *kinds);
	const char **names = xcalloc(p->nfiles, sizeof *names);
	size_t read = 0;
	for (size_t i = 0; i < p->nfiles; i++) {
		if (read_sheet(l, p->files[i].path, &sheets[i])) {
			kinds[i] = b->files[sheets[i].file_index].kind;
			names[i] = sheets[i].dept;
			read++;
		}
	}
	if (!read) {
		for (size_t i = 0; i < p->nfiles; i++)
			sheet_free(&sheets[i]);
		free(sheets), free(kinds), free(names);
		return false;
	}

	struct department *d = budget_add_department(b, p->dir);
	const char *name = most_common(names, p->nfiles);
	if (name)
		d->name = arena_strdup(&b->arena, name);
	for (size_t i = 0; i < p->nfiles && !d->year; i++)
		if (kinds[i])
			d->year = sheets[i].year;
	d->node = node_new(b, NULL, NODE_DEPARTMENT, "", d->name, (struct origin){0});
	d->node->dept = d;
	struct reader r = { .b = b, .d = d, .cls = l->o->cls };
	/* The sections in the order the browser offers them. */
	for (int s = 0; s < SEC__COUNT; s++)
		section_node(&r, (enum section)s);

	for (size_t k = 0; k < sizeof read_order / sizeof *read_order; k++) {
		enum table_kind kind = read_order[k];
		for (size_t i = 0; i < p->nfiles; i++) {
			if (kinds[i] != kind)
				continue;
			uint32_t fi = sheets[i].file_index;
			if (d->table_file[kind]) {
				diag_add(&b->diags, b->files[fi].path, 0, SEV_WARNING,
				         _("a second %s in this package: %s is kept, this one is skipped"),
				         table_kind_name(kind), b->files[d->table_file[kind]].path);
				continue;
			}
			d->table_file[kind] = fi;
			b->files[fi].dept = d;
			d->unit = sheets[i].unit;
			r.s = &sheets[i];
			switch (kind) {
			case TK_SUMMARY: case TK_APPROP: read_summary(&r, kind); break;
			case TK_SPENDING: case TK_GENERAL: case TK_GOVFUND: case TK_STATECAP:
			case TK_INCOME: read_spending(&r, kind); break;
			case TK_BASIC: case TK_ECON: read_econ(&r, kind); break;
			case TK_SANGONG: read_sangong(&r); break;
			case TK_PROJECTS: read_projects(&r); break;
			case TK_INDICATORS: read_indicators(&r); break;
			case TK_TARGETS: read_targets(&r); break;
			case TK_NONE: case TK__COUNT: break;
			}
		}
	}
	sort_codes(d->node);
	for (size_t i = 0; i < p->nfiles; i++)
		sheet_free(&sheets[i]);
	free(sheets), free(kinds), free(names);
	return true;
}

size_t load_paths(struct budget *b, char *const *paths, size_t npaths,
                  const struct load_options *o)
{
	struct inputs in;
	walk_paths(paths, npaths, &in, &b->diags);
	struct loader l = { .b = b, .o = o, .dec = decoder_new(), .csv = csv_reader_new() };
	size_t loaded = 0;
	for (size_t i = 0; i < in.npkgs; i++)
		loaded += load_package(&l, &in.pkgs[i]);
	file_bytes_free(&l.bytes);
	decoder_free(l.dec);
	csv_reader_free(l.csv);
	inputs_free(&in);

	if (b->ndepts == 1) {
		b->root = b->depts[0]->node;
	} else if (b->ndepts > 1) {
		b->root = node_new(b, NULL, NODE_COLLECTION, "", _("All departments"),
		                   (struct origin){0});
		int64_t sum = 0;
		for (size_t i = 0; i < b->ndepts; i++) {
			struct node *dn = b->depts[i]->node;
			node_attach(b, b->root, dn);
			const struct figure *f = node_headline(dn);
			if (f)
				sum += f->fen;
		}
		node_add_figure(b, b->root, TK_SUMMARY, COL_SPEND_ALL, sum, (struct origin){0});
		b->root->figs[0].flags |= FIG_SUMMED;
	}
	return loaded;
}
