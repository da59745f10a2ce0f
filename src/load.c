#include "config.h"

#include "load.h"
#include "checks.h"
#include "i18n.h"
#include "kinds/kinds.h"
#include "recognise.h"
#include "records.h"
#include "sheet.h"
#include "walk.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The order tables are read in: totals first, projects before their
 * indicators (which attach to them). */
static const enum table_kind read_order[] = {
	TK_SUMMARY, TK_SPENDING, TK_INCOME, TK_APPROP, TK_GENERAL, TK_GOVFUND,
	TK_STATECAP, TK_BASIC, TK_ECON, TK_SANGONG, TK_PROJECTS, TK_INDICATORS,
	TK_TARGETS,
};

/* What reading a package (files → sheets) learns about each file, for
 * the budget's file list when the package is built. */
struct file_info {
	bool opened;            /* read: a source file of the budget */
	enum encoding enc;
	size_t invalid_bytes;
	uint32_t records;
	enum table_kind kind;   /* TK_NONE: nothing to read in it */
};

struct parsed {             /* one package, read; reused for the next ones */
	struct sheet *sheets;   /* per file */
	struct file_info *info; /* per file */
	size_t cap;             /* sheets made (sheet_init'ed) */
	struct diags diags;     /* the reading's messages, in order */
};

/* What reading needs, reused from file to file. */
struct reading {
	enum encoding forced;
	struct file_bytes bytes;
	struct decoder *dec;
	struct csv_reader *csv;
};

/* Reads one file into a sheet; messages go to d. */
static void read_sheet(struct reading *l, const char *path, struct sheet *s,
                       struct file_info *fi, struct diags *d)
{
	sheet_reset(s, path, 0);
	if (!input_read(path, &l->bytes, d))
		return;
	fi->opened = true;
	if (l->bytes.len == 0) {
		diag_add(d, path, 0, SEV_WARNING, _("the file is empty"));
		return;
	}
	if (encoding_looks_binary(l->bytes.data, l->bytes.len)) {
		diag_add(d, path, 0, SEV_WARNING,
		         _("this is not a CSV file (it looks like a spreadsheet workbook or "
		           "binary data): save each sheet as CSV"));
		return;
	}
	struct decoded text;
	if (!decode_bytes(l->dec, l->bytes.data, l->bytes.len, l->forced, &text)) {
		diag_add(d, path, 0, SEV_ERROR,
		         _("cannot decode the file as %s: the system lacks the converter"),
		         encoding_name(text.enc));
		return;
	}
	fi->enc = text.enc;
	fi->invalid_bytes = text.invalid;
	if (text.len == 0) {   /* a BOM and nothing else */
		diag_add(d, path, 0, SEV_WARNING, _("the file is empty"));
		return;
	}
	if (text.invalid)
		diag_add(d, path, 0, SEV_WARNING,
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
	csv_read(l->csv, text.utf8, text.len, delim, path, d, sheet_add_record, s);
	if (s->nrows)
		fi->records = s->rows[s->nrows - 1].record;
	sheet_finish(s);
	fi->kind = recognise_sheet(s);
	if (fi->kind == TK_NONE) {
		const char *title = s->title ? s->title : s->nrows && s->rows[0].ncells
		                    ? s->rows[0].cells[0] : "";
		diag_add(d, path, 0, SEV_NOTE,
		         _("not a budget table yusuan knows (title '%s'): skipped"), title);
	}
}

/* Reads a package into out, reusing the memory of the package it held:
 * the sheets keep their arenas, so that a province is not faulted in and
 * given back package after package.  Only the memory of a sheet of an
 * unusually long file (more than ROWS_KEPT rows) is given back, not kept
 * through all the packages after it. */
enum { ROWS_KEPT = 1 << 16 };

static void read_package(struct reading *l, const struct package *p, struct parsed *out)
{
	for (size_t i = 0; i < out->cap; i++)
		if (out->sheets[i].caprows > ROWS_KEPT) {
			sheet_free(&out->sheets[i]);
			sheet_init(&out->sheets[i], "", 0);
		}
	if (p->nfiles > out->cap) {
		out->sheets = xreallocarray(out->sheets, p->nfiles, sizeof *out->sheets);
		out->info = xreallocarray(out->info, p->nfiles, sizeof *out->info);
		for (size_t i = out->cap; i < p->nfiles; i++)
			sheet_init(&out->sheets[i], "", 0);
		out->cap = p->nfiles;
	}
	memset(out->info, 0, p->nfiles * sizeof *out->info);
	diags_free(&out->diags);
	for (size_t i = 0; i < p->nfiles; i++)
		read_sheet(l, p->files[i].path, &out->sheets[i], &out->info[i], &out->diags);
}

static void parsed_free(struct parsed *pp)
{
	for (size_t i = 0; i < pp->cap; i++)
		sheet_free(&pp->sheets[i]);
	free(pp->sheets);
	free(pp->info);
	diags_free(&pp->diags);
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

/* Builds the department of a package read into part, a budget of the
 * worker's own (see budget_absorb), with the reading's messages first,
 * in the order they came.  The package's files are b's, from first on.
 * NULL when none of its files is a table. */
static struct department *load_package(struct budget *b, struct budget *part,
                                       const struct load_options *o,
                                       const struct package *p, uint32_t first,
                                       struct parsed *pp)
{
	diags_append(&part->diags, &pp->diags);
	struct sheet *sheets = pp->sheets;
	enum table_kind *kinds = xcalloc(p->nfiles, sizeof *kinds);
	const char **names = xcalloc(p->nfiles, sizeof *names);
	size_t read = 0;
	for (size_t i = 0; i < p->nfiles; i++) {
		const struct file_info *in = &pp->info[i];
		if (!in->opened)
			continue;
		uint32_t fi = first + (uint32_t)i;
		struct source_file *f = &b->files[fi];
		f->enc = in->enc;
		f->invalid_bytes = in->invalid_bytes;
		f->records = in->records;
		f->kind = in->kind;
		sheets[i].file = f->path;
		sheets[i].file_index = fi;
		if (in->kind != TK_NONE) {
			kinds[i] = in->kind;
			names[i] = sheets[i].dept;
			read++;
		}
	}
	if (!read) {
		free(kinds), free(names);
		return NULL;
	}

	struct department *d = budget_add_department(part, p->dir);
	const char *name = most_common(names, p->nfiles);
	if (name)
		d->name = budget_string(part, name);
	size_t tables = 0, in_yuan = 0;
	for (size_t i = 0; i < p->nfiles; i++)
		if (kinds[i]) {
			if (!d->year)
				d->year = sheets[i].year;
			tables++;
			in_yuan += sheets[i].unit == UNIT_YUAN;
		}
	d->unit = 2 * in_yuan > tables ? UNIT_YUAN : UNIT_WAN;
	d->node = node_new(part, NULL, NODE_DEPARTMENT, "", d->name, (struct origin){0});
	d->node->u.dept = d;
	struct reader r = { .b = part, .d = d, .cls = o->cls };
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
				diag_add(&part->diags, b->files[fi].path, 0, SEV_WARNING,
				         _("a second %s in this package: %s is kept, this one is skipped"),
				         table_kind_name(kind), b->files[d->table_file[kind]].path);
				continue;
			}
			d->table_file[kind] = fi;
			b->files[fi].dept = d;
			b->files[fi].unit = sheets[i].unit;
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
	free(kinds), free(names);
	return d;
}

/* --- several cores: packages side by side ------------------------------ */

/* Each worker takes the next package, reads it and builds its department
 * in a budget of its own: while they run they share only the file list,
 * each writing the entries of its own packages.  The departments and the
 * messages join the budget in package order at the end, so the model and
 * the messages do not depend on how many workers there were. */

enum { WORKERS_MAX = 8 };

struct done {                   /* one package, read and built */
	struct department *dept;    /* NULL: none of its files is a table */
	struct diags diags;         /* its messages, in order */
	size_t worker;              /* its findings: that worker's [from, to) */
	size_t from, to;
};

struct loading {
	struct budget *b;
	const struct load_options *o;
	const struct inputs *in;
	const uint32_t *first;      /* per package: b's index of its first file */
	struct done *done;          /* per package */
	atomic_size_t next;         /* the package to take next */
};

struct worker {
	struct loading *ld;
	size_t index;
	struct reading l;
	struct parsed pp;           /* reused from package to package */
	struct budget part;         /* the departments it built */
	/* b as the checks see it (they read its file list), with findings
	 * of its own. */
	struct budget checked;
	pthread_t thread;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct loading *ld = w->ld;
	size_t i;
	while ((i = atomic_fetch_add(&ld->next, 1)) < ld->in->npkgs) {
		const struct package *p = &ld->in->pkgs[i];
		read_package(&w->l, p, &w->pp);
		struct done *d = &ld->done[i];
		d->dept = load_package(ld->b, &w->part, ld->o, p, ld->first[i], &w->pp);
		d->diags = w->part.diags;   /* moved */
		diags_init(&w->part.diags);
		d->worker = w->index;
		d->from = w->checked.nfindings;
		if (d->dept && ld->o->check)
			checks_department(&w->checked, d->dept, ld->o->cls);
		d->to = w->checked.nfindings;
	}
	return NULL;
}

/* One worker per core (the calling thread is the first): files are
 * independent, and building a model is as much work as reading it. */
static size_t workers_for(size_t npkgs)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = cpus > 1 ? (size_t)cpus : 1;
	if (n > WORKERS_MAX)
		n = WORKERS_MAX;
	return n < npkgs ? n : npkgs ? npkgs : 1;
}

static size_t load_packages(struct budget *b, const struct inputs *in,
                            const struct load_options *o)
{
	size_t npkgs = in->npkgs;
	uint32_t *first = xcalloc(npkgs ? npkgs : 1, sizeof *first);
	struct loading ld = { .b = b, .o = o, .in = in, .first = first,
	                      .done = xcalloc(npkgs ? npkgs : 1, sizeof *ld.done) };
	atomic_init(&ld.next, 0);
	/* Files are numbered in package order before any is read, so that
	 * origins do not depend on which worker read what first. */
	for (size_t i = 0; i < npkgs; i++) {
		first[i] = (uint32_t)b->nfiles;
		for (size_t j = 0; j < in->pkgs[i].nfiles; j++)
			budget_add_file(b, in->pkgs[i].files[j].path);
	}

	size_t n = workers_for(npkgs), started = 1;
	struct worker *w = xcalloc(n, sizeof *w);
	for (size_t k = 0; k < n; k++) {
		w[k].ld = &ld;
		w[k].index = k;
		w[k].checked = *b;
		w[k].checked.findings = NULL;
		w[k].checked.nfindings = w[k].checked.capfindings = 0;
		w[k].l = (struct reading){ .forced = o->encoding, .dec = decoder_new(),
		                           .csv = csv_reader_new() };
		budget_init(&w[k].part);
	}
	/* A worker that cannot be started leaves its packages to the others. */
	while (started < n && pthread_create(&w[started].thread, NULL, work, &w[started]) == 0)
		started++;
	work(&w[0]);
	for (size_t k = 1; k < started; k++)
		pthread_join(w[k].thread, NULL);

	size_t loaded = 0;
	for (size_t i = 0; i < npkgs; i++) {
		struct done *d = &ld.done[i];
		diags_append(&b->diags, &d->diags);
		diags_free(&d->diags);
		if (d->dept) {
			budget_append_department(b, d->dept);
			loaded++;
		}
		const struct budget *c = &w[d->worker].checked;
		for (size_t f = d->from; f < d->to; f++)
			budget_take_finding(b, &c->findings[f]);
	}
	for (size_t k = 0; k < n; k++) {
		budget_absorb(b, &w[k].part);
		file_bytes_free(&w[k].l.bytes);
		decoder_free(w[k].l.dec);
		csv_reader_free(w[k].l.csv);
		parsed_free(&w[k].pp);
		free(w[k].checked.findings);   /* their texts went to b */
	}
	free(w);
	free(ld.done);
	free(first);
	return loaded;
}

size_t load_paths(struct budget *b, char *const *paths, size_t npaths,
                  const struct load_options *o)
{
	struct inputs in;
	walk_paths(paths, npaths, &in, &b->diags);
	size_t loaded = load_packages(b, &in, o);
	inputs_free(&in);

	if (b->ndepts == 1) {
		b->root = b->depts[0]->node;
	} else if (b->ndepts > 1) {
		b->root = node_new(b, NULL, NODE_COLLECTION, "", _("All departments"),
		                   (struct origin){0});
		int64_t sum = 0;
		bool any = false;
		for (size_t i = 0; i < b->ndepts; i++) {
			struct node *dn = b->depts[i]->node;
			node_attach(b, b->root, dn);
			const struct figure *f = node_headline(dn);
			if (f) {
				sum = amount_add(sum, f->fen);
				any = true;
			}
		}
		/* No total at all rather than a made-up 0.00. */
		if (any) {
			node_add_figure(b, b->root, TK_SUMMARY, COL_SPEND_ALL, sum, (struct origin){0});
			b->root->figs[0].flags |= FIG_SUMMED;
		}
	}
	return loaded;
}
