/* Findings: every result of the checks; Enter shows the node concerned in
 * the tree. */
#include "config.h"

#include "view.h"
#include "grid.h"
#include "i18n.h"
#include "screen.h"
#include "xalloc.h"

#include <curses.h>
#include <stdlib.h>

struct findings {
	struct view v;
	struct grid g;
};

static void findings_draw(struct view *v, struct tui *t)
{
	struct findings *fv = (struct findings *)v;
	const struct finding *f = grid_selected(&fv->g);
	const char *const head[GRID_COLS] = { "", _("Where"), _("What"), NULL };
	size_t n = t->b->nfindings;
	char *title = xasprintf(ngettext("Check results: %zu finding",
	                                 "Check results: %zu findings", n), n);
	char *left = NULL, right[96];
	int o;

	tui_draw_title(title);
	grid_draw_header(&fv->g, 1, head);
	grid_draw(&fv->g, 2, tui_body_rows());
	if (f) {
		char *a = tui_origin(t, f->a), *b = tui_origin(t, f->b);

		left = f->b.file ? xasprintf(_("Figures from %s and %s"), a, b)
		       : xasprintf(_("Figure from %s"), a);
		free(a);
		free(b);
	}
	o = n ? snprintf(right, sizeof right, "%zu/%zu  ", fv->g.sel + 1, n) : 0;
	tui_help_hint(right + o, sizeof right - (size_t)o);
	tui_draw_status(t, left ? left : "", right);
	free(left);
	free(title);
}

/* Shows the node of the selected finding in the tree, closing this view
 * (and whatever is above it). */
static void jump(struct findings *fv, struct tui *t)
{
	const struct finding *f = grid_selected(&fv->g);

	if (!f || !f->node)
		return;
	while (t->nviews > 1)
		tui_pop(t);   /* frees fv, not f: the budget owns it */
	tree_jump(t, f->node);
	tui_message(t, "%s", f->text);
}

static bool findings_action(struct view *v, struct tui *t, enum action a)
{
	struct findings *fv = (struct findings *)v;
	const struct finding *f;

	switch (a) {
	case ACT_ENTER:
		jump(fv, t);
		return true;
	case ACT_DETAIL:
		f = grid_selected(&fv->g);
		if (f && f->node)
			tui_push(t, detail_new(t, f->node));
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
	free(fv);
}

static const struct view_ops findings_ops = {
	.name = "findings",
	.draw = findings_draw,
	.action = findings_action,
	.mouse = findings_mouse,
	.free = findings_free,
};

struct view *findings_new(struct tui *t)
{
	struct findings *fv = xcalloc(1, sizeof *fv);

	fv->v.ops = &findings_ops;
	grid_init(&fv->g, true);
	for (size_t i = 0; i < t->b->nfindings; i++) {
		const struct finding *f = &t->b->findings[i];
		char *where = f->node ? tui_node_label(f->node) : xstrdup("");
		struct grid_row *r = grid_add(&fv->g, ROLE_ROW, f, f->sev == SEV_NOTE ? "~" : "!",
		                              where, f->text, NULL);

		r->first_role = f->sev == SEV_NOTE ? ROLE_NOTE : ROLE_WARNING;
		free(where);
	}
	if (!t->b->nfindings)
		grid_add(&fv->g, ROLE_ROW, NULL, "", _("No findings."), NULL, NULL);
	return &fv->v;
}
