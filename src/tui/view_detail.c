/* Detail: everything the model knows about one node, every figure with
 * the file and record it came from. */
#include "config.h"

#include "view.h"
#include "grid.h"
#include "i18n.h"
#include "indicator.h"
#include "screen.h"
#include "xalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

struct detail {
	struct view v;
	struct node *node;
	struct grid g;
};

static const char *kind_text(const struct node *n)
{
	switch ((enum node_kind)n->kind) {
	case NODE_COLLECTION: return _("Collection of departments");
	case NODE_DEPARTMENT: return _("Department");
	case NODE_SECTION: return _("Section");
	case NODE_INCOME: return _("Income source");
	/* TRANSLATORS: levels of the function classification: 类, 款, 项. */
	case NODE_FUNC: return n->sub == 1 ? _("Function class (类)")
	                       : n->sub == 2 ? _("Function class (款)") : _("Function class (项)");
	/* TRANSLATORS: levels of the economic classification: 类, 款. */
	case NODE_ECON: return n->sub == 1 ? _("Economic class (类)") : _("Economic class (款)");
	case NODE_UNIT: return _("Unit");
	case NODE_PROJECT: return _("Project");
	case NODE_GROUP: return _("Indicator group");
	/* TRANSLATORS: a performance indicator (三级指标). */
	case NODE_INDICATOR: return _("Indicator");
	case NODE_SANGONG: return _("\"Three public\" expense");
	/* TRANSLATORS: a level or heading of the department's performance
	 * targets (一级/二级指标, 目标, 任务). */
	case NODE_LEVEL: return _("Target heading");
	/* TRANSLATORS: a goal or task of the department's performance targets. */
	case NODE_TEXT: return _("Goal or task");
	case NODE__COUNT: break;
	}
	return "";
}

/* What the checks and the loader said about the node's row. */
static char *flags_text(const struct node *n)
{
	static const struct {
		int flag;
		const char *text;
	} flags[] = {
		{ NODE_F_DISCREPANCY, N_("differs beyond rounding") },
		{ NODE_F_ROUNDING, N_("differs by rounding") },
		{ NODE_F_UNREADABLE, N_("a cell of its row could not be read") },
	};
	char *text = xstrdup("");

	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
		char *longer;

		if (!(n->flags & flags[i].flag))
			continue;
		longer = xasprintf("%s%s%s", text, *text ? "; " : "", _(flags[i].text));
		free(text);
		text = longer;
	}
	return text;
}

/* Bytes of the file name at the start of place, a cell that begins with
 * the origin o (tui_origin: "file.csv:12"): what gets short when the cell
 * is too long for its line, so that the record is never cut (0 when place
 * does not begin with o, as a translation may have it). */
static size_t file_name_bytes(const char *place, const char *o)
{
	const char *colon = strrchr(o, ':');

	if (strncmp(place, o, strlen(o)))
		return 0;
	return colon ? (size_t)(colon - o) : strlen(o);
}

/* Adds a row of label and the origin at (rows at.record to last when
 * last is not 0). */
static void add_origin(struct tui *t, struct grid *g, const void *ref, const char *label,
                       struct origin at, uint32_t last)
{
	char *o = tui_origin_rows(t, at, last);

	grid_add(g, ROLE_ROW, ref, label, o, NULL, NULL)->head = file_name_bytes(o, o);
	free(o);
}

static void add_figures(struct tui *t, struct detail *d)
{
	const struct node *n = d->node;
	char amount[AMOUNT_FMT_SIZE];

	grid_add(&d->g, ROLE_ROW, NULL, "", NULL, NULL, NULL);
	grid_add(&d->g, ROLE_HEADER, NULL, _("Figure"), _("Table"),
	         /* TRANSLATORS: heading over amounts in 万元 / 元. */
	         t->set.unit == UNIT_WAN ? _("10k yuan") : _("yuan"), _("Source"));
	for (uint16_t i = 0; i < n->nfigs; i++) {
		const struct figure *f = &n->figs[i];
		char *o = tui_origin(t, figure_origin(f));
		char *where = f->flags & FIG_MULTI ? xasprintf(_("%s and more rows"), o)
		              : f->flags & FIG_SUMMED ? xasprintf(_("%s (sum of the rows below)"), o)
		              : xstrdup(o);

		grid_add(&d->g, ROLE_ROW, NULL, _(column_label(f->column)),
		         table_kind_name(f->table), tui_amount(t, f->fen, amount),
		         where)->head = file_name_bytes(where, o);
		free(where);
		free(o);
	}
}

static void add_findings(struct tui *t, struct detail *d)
{
	for (size_t i = 0; i < t->b->nfindings; i++) {
		const struct finding *f = &t->b->findings[i];

		if (f->node != d->node)
			continue;
		grid_add(&d->g, f->sev == SEV_NOTE ? ROLE_NOTE : ROLE_WARNING, f,
		         _("Finding"), f->text, NULL, NULL);
		/* A line for each figure compared: each is shortened in its own
		 * file name when the line is narrow. */
		add_origin(t, &d->g, f, "", f->a, f->a_last);
		if (f->b.file)
			add_origin(t, &d->g, f, "", f->b, f->b_last);
	}
}

static void build(struct detail *d, struct tui *t)
{
	const struct node *n = d->node;
	const struct node *up = n->parent;
	const char *value = node_value(n), *note = node_note(n);
	struct grid *g = &d->g;
	size_t top = g->top;

	grid_free(g);
	grid_init(g, false);
	g->right[2] = true;
	grid_add(g, ROLE_ROW, NULL, _("Kind"), kind_text(n), NULL, NULL);
	if (*n->code)
		grid_add(g, ROLE_CODE, NULL, _("Code"), n->code, NULL, NULL);
	grid_add(g, ROLE_ROW, NULL, _("Name"), tui_node_name(n), NULL, NULL);
	if (n->kind == NODE_PROJECT && n->sub)
		grid_add(g, ROLE_ROW, NULL, _("Type"), project_type_name(n->sub), NULL, NULL);
	if (n->kind == NODE_PROJECT && note)
		grid_add(g, ROLE_ROW, NULL, _("Also published as"), note, NULL, NULL);
	if (n->kind == NODE_INDICATOR) {
		bool project = up && up->kind == NODE_GROUP;

		if (project)
			grid_add(g, ROLE_ROW, NULL, _("Group"), _(group_label(up->sub)), NULL, NULL);
		if (note)
			/* TRANSLATORS: 二级指标 of a project indicator; 指标值说明 of a
			 * department target. */
			grid_add(g, ROLE_ROW, NULL, project ? _("Level-2 indicator") : _("Explanation"),
			         note, NULL, NULL);
	}
	if (value)
		grid_add(g, ROLE_ROW, NULL,
		         n->kind == NODE_INDICATOR ? _("Target")
		         /* TRANSLATORS: a project's 绩效目标, the performance goal of the year. */
		         : n->kind == NODE_PROJECT ? _("Goal") : _("Text"),
		         value, NULL, NULL);
	if (n->kind == NODE_INDICATOR && value) {
		/* Parsed here rather than kept in the model: only this view
		 * needs it, and a province has hundreds of thousands. */
		struct ind_value v;

		ind_value_parse(value, &v);
		if (v.has_number) {
			char buf[IND_VALUE_FMT_SIZE];

			ind_value_format(&v, buf, sizeof buf);
			/* TRANSLATORS: how the target value was understood, e.g. "≥ 90 %". */
			grid_add(g, ROLE_ROW, NULL, _("Read as"), buf, NULL, NULL);
		}
	}
	if (n->kind != NODE_INDICATOR && n->kind != NODE_PROJECT && note)
		grid_add(g, ROLE_ROW, NULL, _("Note"), note, NULL, NULL);
	if (n->file)
		add_origin(t, g, NULL, _("Source"), node_origin(n), 0);
	if (n->flags) {
		char *f = flags_text(n);

		grid_add(g, ROLE_WARNING, NULL, _("Checks"), f, NULL, NULL);
		free(f);
	}
	if (n->nfigs)
		add_figures(t, d);
	add_findings(t, d);
	g->top = top;
}

static void detail_draw(struct view *v, struct tui *t)
{
	struct detail *d = (struct detail *)v;
	char *label = tui_node_label(d->node);
	struct crumb *hits = NULL;
	char right[96];
	int o;

	/* TRANSLATORS: title of the detail screen, before the node's path. */
	tui_draw_path(_("Details: "), d->node, &hits);
	free(hits);
	screen_blank(1, 0, COLS, screen_attr(ROLE_HEADER));
	screen_text(1, 0, COLS, label, screen_attr(ROLE_HEADER));
	grid_draw(&d->g, 2, tui_body_rows());
	o = grid_position(&d->g, right, sizeof right);
	tui_help_hint(right + o, sizeof right - (size_t)o);
	tui_draw_status(t, "", right);
	free(label);
}

static bool detail_action(struct view *v, struct tui *t, enum action a)
{
	struct detail *d = (struct detail *)v;

	if (a == ACT_DETAIL) {
		tui_pop(t);   /* frees v */
		return true;
	}
	return grid_action(&d->g, a) || a == ACT_ENTER;
}

static void detail_mouse(struct view *v, struct tui *t, const struct key *k)
{
	(void)t;
	grid_mouse(&((struct detail *)v)->g, k);
}

static void detail_unit_changed(struct view *v, struct tui *t)
{
	build((struct detail *)v, t);
}

static void detail_free(struct view *v)
{
	struct detail *d = (struct detail *)v;

	grid_free(&d->g);
	free(d);
}

static const struct view_ops detail_ops = {
	.name = "detail",
	.draw = detail_draw,
	.action = detail_action,
	.mouse = detail_mouse,
	.unit_changed = detail_unit_changed,
	.free = detail_free,
};

struct view *detail_new(struct tui *t, struct node *n)
{
	struct detail *d = xcalloc(1, sizeof *d);

	d->v.ops = &detail_ops;
	d->node = n;
	build(d, t);
	return &d->v;
}
