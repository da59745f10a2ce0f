/* Findings: the loading messages and the results of the checks, most
 * severe first, one line each; the selected one is shown whole below the
 * list.  In a collection each row names its department.  Enter shows the
 * node concerned in the tree. */
#include "config.h"

#include "view.h"
#include "grid.h"
#include "i18n.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PREVIEW_LINES 3   /* lines of the selected text below the list */
#define PREVIEW_MIN_BODY 10   /* smaller bodies show no preview */
#define DEPT_COLS 16   /* columns of a department's name in the list */

/* A row: a loading message or a finding. */
struct entry {
	enum severity sev;
	const struct diag *diag;        /* or */
	const struct finding *finding;
	const struct dept_label *dept;  /* in a collection, when known */
};

struct findings {
	struct view v;
	struct grid g;
	struct entry *e;
	size_t n;
	struct dept_label *depts;       /* by address; none for one department */
	size_t ndepts;
};

/* A department's name in the list (cut) or in full, followed by its
 * folder when that tells it apart (malloc'd, not sanitised). */
static char *dept_text(const struct dept_label *l, bool cut)
{
	return tui_dept_text(cut ? l->name : tui_node_name(l->d->node), l->folder);
}

/* Where the selected entry's figures or message came from, after its
 * department's name in a collection (malloc'd, sanitised). */
static char *sources(struct tui *t, const struct entry *e)
{
	char *a, *b, *s, *dept, *raw;

	if (e->diag) {
		a = tui_diag_origin(e->diag);
		/* TRANSLATORS: %s is where a loading message points: file:record. */
		s = *a ? xasprintf(_("Message about %s"), a) : xstrdup("");
		free(a);
	} else {
		a = tui_origin_rows(t, e->finding->a, e->finding->a_last);
		b = tui_origin_rows(t, e->finding->b, e->finding->b_last);
		s = e->finding->b.file ? xasprintf(_("Figures from %s and %s"), a, b)
		    : xasprintf(_("Figure from %s"), a);
		free(a);
		free(b);
	}
	if (!e->dept)
		return s;
	dept = dept_text(e->dept, false);
	raw = xasprintf("%s%s%s", dept, screen_separator(), s);
	free(dept);
	free(s);
	s = text_sanitize(raw, strlen(raw));
	free(raw);
	return s;
}

static const char *text_of(const struct entry *e)
{
	return e->diag ? e->diag->text : e->finding->text;
}

static void findings_draw(struct view *v, struct tui *t)
{
	struct findings *fv = (struct findings *)v;
	const struct entry *e = grid_selected(&fv->g);
	const char *const head[GRID_COLS] = { "", _("Where"), _("What"), NULL };
	const char *const dept_head[GRID_COLS] = { "", _("Department"), _("Where"), _("What") };
	const char *const none[GRID_COLS] = { NULL };
	size_t nf = t->b->nfindings, nd = t->b->diags.n;
	char *title = xasprintf(ngettext("Check results: %zu finding",
	                                 "Check results: %zu findings", nf), nf);
	char *from = e ? sources(t, e) : NULL, right[96];
	int body = tui_body_rows(), preview = 0, o;

	if (nd) {
		/* TRANSLATORS: appended to "Check results: %zu findings". */
		char *longer = xasprintf(ngettext("%s; %zu loading message",
		                                  "%s; %zu loading messages", nd), title, nd);

		free(title);
		title = longer;
	}
	if (e && body >= PREVIEW_MIN_BODY) {
		preview = screen_lines(text_of(e), COLS);
		preview = 1 + (preview < PREVIEW_LINES ? preview : PREVIEW_LINES);
	}
	tui_draw_title(title);
	grid_draw_header(&fv->g, 1, !fv->n ? none : fv->ndepts ? dept_head : head);
	grid_draw(&fv->g, 2, body - preview);
	if (preview) {
		int y = 2 + body - preview;

		screen_blank(y, 0, COLS, screen_attr(ROLE_HEADER));
		screen_text(y, 0, COLS, from, screen_attr(ROLE_HEADER));
		screen_text_wrapped(y + 1, 0, COLS, preview - 1, text_of(e),
		                    screen_attr(e->sev == SEV_NOTE ? ROLE_ROW : ROLE_WARNING));
	}
	o = fv->n ? snprintf(right, sizeof right, "%zu/%zu  ", fv->g.sel + 1, fv->n) : 0;
	tui_help_hint(right + o, sizeof right - (size_t)o);
	tui_draw_status(t, preview || !from ? "" : from, right);
	free(from);
	free(title);
}

/* Shows the node of the selected entry in the tree, closing this view
 * (and whatever is above it). */
static void jump(struct findings *fv, struct tui *t)
{
	const struct entry *e = grid_selected(&fv->g);
	struct node *n;
	char *text;

	if (!e)
		return;
	n = e->diag ? tui_diag_node(t, e->diag) : e->finding->node;
	if (!n) {
		tui_message(t, "%s", !e->diag ? text_of(e)
		            : !e->diag->record ? _("This message is about the file as a whole")
		            : tui_diag_about_table(t, e->diag)
		            ? _("No row of the tree was read from this record")
		            : _("This message is not about a table of the budget"));
		return;
	}
	text = xstrdup(text_of(e));   /* the budget owns it; fv goes */
	while (t->nviews > 1)
		tui_pop(t);
	tree_jump(t, n);
	tui_message(t, "%s", text);
	free(text);
}

static bool findings_action(struct view *v, struct tui *t, enum action a)
{
	struct findings *fv = (struct findings *)v;
	const struct entry *e;
	struct node *n;

	switch (a) {
	case ACT_ENTER:
		jump(fv, t);
		return true;
	case ACT_DETAIL:
		e = grid_selected(&fv->g);
		n = !e ? NULL : e->diag ? tui_diag_node(t, e->diag) : e->finding->node;
		if (n)
			tui_push(t, detail_new(t, n));
		return true;
	case ACT_FINDINGS:
		tui_pop(t);
		return true;
	default:
		return grid_action(&fv->g, a);
	}
}

static void findings_mouse(struct view *v, struct tui *t, const struct key *k)
{
	struct findings *fv = (struct findings *)v;

	if (grid_mouse(&fv->g, k))
		jump(fv, t);
}

static void findings_free(struct view *v)
{
	struct findings *fv = (struct findings *)v;

	grid_free(&fv->g);
	free(fv->e);
	tui_dept_labels_free(fv->depts, fv->ndepts);
	free(fv);
}

static const struct view_ops findings_ops = {
	.name = "findings",
	.draw = findings_draw,
	.action = findings_action,
	.mouse = findings_mouse,
	.free = findings_free,
};

/* Errors, then warnings, then notes; loading messages before the checks'
 * findings, each in the order they came. */
static void collect(struct findings *fv, const struct budget *b)
{
	fv->e = xreallocarray(NULL, b->diags.n + b->nfindings + 1, sizeof *fv->e);
	for (int sev = SEV_ERROR; sev >= SEV_NOTE; sev--) {
		for (size_t i = 0; i < b->diags.n; i++)
			if (b->diags.v[i].sev == (enum severity)sev)
				fv->e[fv->n++] = (struct entry){ .sev = sev, .diag = &b->diags.v[i] };
		for (size_t i = 0; i < b->nfindings; i++)
			if (b->findings[i].sev == (enum severity)sev)
				fv->e[fv->n++] = (struct entry){ .sev = sev, .finding = &b->findings[i] };
	}
}

/* The department of each entry in a collection. */
static void find_departments(struct findings *fv, struct tui *t)
{
	for (size_t i = 0; i < fv->n; i++) {
		struct entry *e = &fv->e[i];
		const struct department *d = e->diag ? tui_diag_department(t, e->diag)
		                             : e->finding->node ? node_department(e->finding->node)
		                             : NULL;

		e->dept = tui_dept_label(fv->depts, fv->ndepts, d);
	}
}

struct view *findings_new(struct tui *t)
{
	struct findings *fv = xcalloc(1, sizeof *fv);

	fv->v.ops = &findings_ops;
	grid_init(&fv->g, true);
	collect(fv, t->b);
	if (t->b->ndepts > 1) {
		fv->ndepts = t->b->ndepts;
		fv->depts = tui_label_departments(t->b, DEPT_COLS);
		find_departments(fv, t);
	}
	for (size_t i = 0; i < fv->n; i++) {
		const struct entry *e = &fv->e[i];
		const char *flag = e->sev == SEV_NOTE ? "~" : "!";
		char *where = e->diag ? tui_diag_origin(e->diag)
		              : e->finding->node ? tui_node_label(e->finding->node) : xstrdup("");
		char *dept = e->dept ? dept_text(e->dept, true) : xstrdup("");
		struct grid_row *r = fv->ndepts
		                     ? grid_add(&fv->g, ROLE_ROW, e, flag, dept, where, text_of(e))
		                     : grid_add(&fv->g, ROLE_ROW, e, flag, where, text_of(e), NULL);

		r->first_role = e->sev == SEV_NOTE ? ROLE_NOTE : ROLE_WARNING;
		free(where);
		free(dept);
	}
	if (!fv->n)
		grid_add(&fv->g, ROLE_ROW, NULL, "", _("No findings."), NULL, NULL);
	return &fv->v;
}
