/* Help: built from the action list and the key map, so it always shows
 * the keys that work now. */
#include "config.h"

#include "view.h"
#include "grid.h"
#include "i18n.h"
#include "screen.h"
#include "xalloc.h"

#include <curses.h>
#include <stdlib.h>

struct help {
	struct view v;
	struct grid g;
};

static void help_draw(struct view *v, struct tui *t)
{
	struct help *h = (struct help *)v;
	const char *const head[GRID_COLS] = { _("Keys"), _("Action"), NULL, NULL };
	char right[96];
	int o;

	tui_draw_title(_("Help"));
	grid_draw_header(&h->g, 1, head);
	grid_draw(&h->g, 2, tui_body_rows());
	/* Most terminals show only part of the help: say there is more. */
	o = grid_position(&h->g, right, sizeof right);
	tui_help_hint(right + o, sizeof right - (size_t)o);
	tui_draw_status(t, "", right);
}

static bool help_action(struct view *v, struct tui *t, enum action a)
{
	(void)t;
	return grid_action(&((struct help *)v)->g, a) || a == ACT_ENTER;
}

static void help_mouse(struct view *v, struct tui *t, const struct key *k)
{
	(void)t;
	grid_mouse(&((struct help *)v)->g, k);
}

static void help_free(struct view *v)
{
	struct help *h = (struct help *)v;

	grid_free(&h->g);
	free(h);
}

static const struct view_ops help_ops = {
	.name = "help",
	.draw = help_draw,
	.action = help_action,
	.mouse = help_mouse,
	.free = help_free,
};

struct view *help_new(void)
{
	static const struct {
		const char *mark, *text;
		enum color_role role;
	} marks[] = {
		{ "!", N_("Differs from its parts or from another table beyond rounding"),
		  ROLE_WARNING },
		{ "~", N_("Differs by rounding only (a few 0.01)"), ROLE_NOTE },
		{ "?", N_("A cell of its row could not be read"), ROLE_WARNING },
		{ ".", N_("Something further down is marked"), ROLE_NOTE },
	};
	struct help *h = xcalloc(1, sizeof *h);
	char keys[256];

	h->v.ops = &help_ops;
	grid_init(&h->g, false);
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		keymap_describe((enum action)a, keys, sizeof keys);
		grid_add(&h->g, ROLE_ROW, NULL, keys, _(action_help((enum action)a)), NULL, NULL);
	}
	grid_add(&h->g, ROLE_ROW, NULL, "", NULL, NULL, NULL);
	grid_add(&h->g, ROLE_HEADER, NULL, _("In the search line"), NULL, NULL, NULL);
	grid_add(&h->g, ROLE_ROW, NULL, "<Enter>", _("Stay at the match"), NULL, NULL);
	/* TRANSLATORS: Enter pressed on an empty search line. */
	grid_add(&h->g, ROLE_ROW, NULL, _("<Enter> alone"), _("Search again for the last text"),
	         NULL, NULL);
	grid_add(&h->g, ROLE_ROW, NULL, "<Esc>", _("Go back to where the search started"),
	         NULL, NULL);
	grid_add(&h->g, ROLE_ROW, NULL, "", NULL, NULL, NULL);
	grid_add(&h->g, ROLE_HEADER, NULL, _("Mouse"), NULL, NULL, NULL);
	grid_add(&h->g, ROLE_ROW, NULL, _("click"), _("Select a row; on the top line, go up"),
	         NULL, NULL);
	grid_add(&h->g, ROLE_ROW, NULL, _("double-click"), _("Open a row"), NULL, NULL);
	grid_add(&h->g, ROLE_ROW, NULL, _("wheel"), _("Scroll"), NULL, NULL);
	grid_add(&h->g, ROLE_ROW, NULL, "", NULL, NULL, NULL);
	grid_add(&h->g, ROLE_HEADER, NULL, _("Marks before a row"), NULL, NULL, NULL);
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		grid_add(&h->g, ROLE_ROW, NULL, marks[i].mark, _(marks[i].text),
		         NULL, NULL)->first_role = marks[i].role;
	return &h->v;
}
