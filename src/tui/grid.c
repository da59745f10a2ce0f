#include "config.h"

#include "grid.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GAP 2   /* columns between cells */

void grid_init(struct grid *g, bool select)
{
	*g = (struct grid){ .select = select };
}

void grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->n; i++)
		for (int c = 0; c < GRID_COLS; c++)
			free(g->rows[i].cell[c]);
	free(g->rows);
	*g = (struct grid){0};
}

struct grid_row *grid_add(struct grid *g, enum color_role role, const void *ref,
                          const char *c0, const char *c1, const char *c2,
                          const char *c3)
{
	const char *cells[GRID_COLS] = { c0, c1, c2, c3 };
	struct grid_row *r;
	int last = -1;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->rows = xreallocarray(g->rows, g->cap, sizeof *g->rows);
	}
	r = &g->rows[g->n++];
	*r = (struct grid_row){ .role = role, .first_role = role, .ref = ref };
	while (last + 1 < GRID_COLS && cells[last + 1])
		last++;
	/* Only a cell that wraps can show the text's own line breaks. */
	for (int c = 0; c <= last; c++)
		r->cell[c] = c == last && !g->select
		             ? text_sanitize_lines(cells[c], strlen(cells[c]))
		             : text_sanitize(cells[c], strlen(cells[c]));
	/* The last cell runs to the edge: it does not widen its column. */
	for (int c = 0; c < last; c++) {
		int w = text_width(r->cell[c]);

		if (w > g->width[c])
			g->width[c] = w;
	}
	return r;
}

/* Columns of each cell at the current screen width. */
static void layout(const struct grid *g, int w[GRID_COLS])
{
	int cap = COLS / 3 > 1 ? COLS / 3 : 1;

	for (int c = 0; c < GRID_COLS; c++)
		w[c] = g->width[c] < cap ? g->width[c] : cap;
}

/* The index of the row's last cell (-1 when it has none) and where it
 * starts. */
static int last_cell(const int w[GRID_COLS], char *const cells[GRID_COLS], int *x)
{
	int last = -1;

	*x = 0;
	for (int c = 0; c < GRID_COLS && cells[c]; c++) {
		if (last >= 0)
			*x += w[last] + GAP;
		last = c;
	}
	return last;
}

/* Screen lines a row takes. */
static int row_lines(const struct grid *g, const struct grid_row *r)
{
	int w[GRID_COLS], x, last;

	if (g->select)
		return 1;
	layout(g, w);
	last = last_cell(w, r->cell, &x);
	return last < 0 || x >= COLS || r->head ? 1 : screen_lines(r->cell[last], COLS - x);
}

/* Draws s on one line in cols columns with its first head bytes cut short
 * when it does not fit (see grid_row.head). */
static void draw_head_cut(int y, int x, int cols, const char *s, size_t head, int attr)
{
	int tail = text_width(s + head);
	char *name, *line;

	if (text_width(s) <= cols || tail >= cols) {
		screen_text(y, x, cols, s, attr);
		return;
	}
	line = xstrndup(s, head);
	name = text_cut(line, cols - tail);
	free(line);
	line = xasprintf("%s%s", name, s + head);
	screen_text(y, x, cols, line, attr);
	free(line);
	free(name);
}

/* Draws a row's cells from screen row y, on at most h lines; head as in
 * grid_row. */
static void draw_cells(const struct grid *g, int y, int h, char *const cells[GRID_COLS],
                       size_t head, int attr, int first_attr)
{
	int w[GRID_COLS], x = 0, xlast, last;

	layout(g, w);
	last = last_cell(w, cells, &xlast);
	for (int c = 0; c < last && x < COLS; c++) {
		int a = c == 0 ? first_attr : attr;

		if (g->right[c])
			screen_text_right(y, x, w[c], cells[c], a);
		else
			screen_text(y, x, w[c], cells[c], a);
		x += w[c] + GAP;
	}
	if (last < 0 || xlast >= COLS)
		return;
	if (head && head <= strlen(cells[last]))
		draw_head_cut(y, xlast, COLS - xlast, cells[last], head,
		              last ? attr : first_attr);
	else if (g->select)
		screen_text(y, xlast, COLS - xlast, cells[last], last ? attr : first_attr);
	else
		screen_text_wrapped(y, xlast, COLS - xlast, h, cells[last],
		                    last ? attr : first_attr);
}

void grid_draw_header(const struct grid *g, int y, const char *const cells[GRID_COLS])
{
	char *copy[GRID_COLS] = {0};

	for (int c = 0; c < GRID_COLS && cells[c]; c++)
		copy[c] = (char *)cells[c];
	screen_blank(y, 0, COLS, screen_attr(ROLE_HEADER));
	draw_cells(g, y, 1, copy, 0, screen_attr(ROLE_HEADER), screen_attr(ROLE_HEADER));
}

/* The first row of the last screenful: the view never scrolls past it. */
static size_t last_top(const struct grid *g, int h)
{
	size_t top = g->n;
	long left = h > 0 ? h : 1;

	if (g->select)
		return g->n > (size_t)left ? g->n - (size_t)left : 0;
	while (top > 0 && (left -= row_lines(g, &g->rows[top - 1])) >= 0)
		top--;
	return top;
}

/* Keeps the selection in view, or the view within the rows. */
static void clamp(struct grid *g, int h)
{
	size_t page = h > 0 ? (size_t)h : 1, end = last_top(g, h);

	if (g->select) {
		if (g->sel >= g->n)
			g->sel = g->n ? g->n - 1 : 0;
		if (g->sel < g->top)
			g->top = g->sel;
		if (g->sel >= g->top + page)
			g->top = g->sel - page + 1;
	}
	if (g->top > end)
		g->top = end;
}

void grid_draw(struct grid *g, int y, int h)
{
	int line = 0;

	g->y = y;
	g->h = h;
	g->shown = 0;
	clamp(g, h);
	for (size_t i = g->top; line < h && i < g->n; i++) {
		const struct grid_row *r = &g->rows[i];
		bool selected = g->select && i == g->sel;
		int attr = screen_attr(selected ? ROLE_SELECTED : r->role);
		int first = selected ? attr : screen_attr(r->first_role);

		if (selected)
			screen_blank(y + line, 0, COLS, attr);
		draw_cells(g, y + line, h - line, r->cell, r->head, attr, first);
		line += row_lines(g, r);
		if (line <= h)
			g->shown++;
	}
}

int grid_position(const struct grid *g, char *buf, size_t cap)
{
	/* A first row taller than the screen is still the one in view. */
	size_t shown = g->shown ? g->shown : 1;

	buf[0] = '\0';
	if (g->n && (g->top || g->shown < g->n))
		snprintf(buf, cap, "%zu-%zu/%zu  ", g->top + 1, g->top + shown, g->n);
	return (int)strlen(buf);
}

/* Moves by delta rows: the selection, or the view when nothing is
 * selected. */
static void step(struct grid *g, long delta)
{
	size_t *p = g->select ? &g->sel : &g->top;

	if (delta < 0)
		*p = (size_t)-delta > *p ? 0 : *p - (size_t)-delta;
	else
		*p += (size_t)delta;
	if (g->n && *p >= g->n)
		*p = g->n - 1;
	if (!g->n)
		*p = 0;
	clamp(g, g->h);
}

bool grid_action(struct grid *g, enum action a)
{
	long page = g->h > 1 ? g->h - 1 : 1;

	switch (a) {
	case ACT_UP: step(g, -1); return true;
	case ACT_DOWN: step(g, 1); return true;
	case ACT_PAGE_UP:
		if (g->select)
			g->top = g->top > (size_t)page ? g->top - (size_t)page : 0;
		step(g, -page);
		return true;
	case ACT_PAGE_DOWN:
		if (g->select)
			g->top += (size_t)page;
		step(g, page);
		return true;
	case ACT_TOP: step(g, -(long)g->n); return true;
	case ACT_BOTTOM: step(g, (long)g->n); return true;
	default: return false;
	}
}

bool grid_mouse(struct grid *g, const struct key *k)
{
	size_t row;

	switch (k->mouse) {
	case KM_WHEEL_UP:
		g->top = g->top > 3 ? g->top - 3 : 0;
		if (g->select && g->h > 0 && g->sel >= g->top + (size_t)g->h)
			g->sel = g->top + (size_t)g->h - 1;
		clamp(g, g->h);
		return false;
	case KM_WHEEL_DOWN:
		g->top += 3;
		clamp(g, g->h);
		if (g->select && g->sel < g->top)
			g->sel = g->top;
		return false;
	case KM_CLICK:
	case KM_DOUBLE:
		if (k->y < g->y || k->y >= g->y + g->h)
			return false;
		row = g->top + (size_t)(k->y - g->y);
		if (row >= g->n)
			return false;
		if (g->select)
			g->sel = row;
		return k->mouse == KM_DOUBLE;
	case KM_NONE:
		break;
	}
	return false;
}

const void *grid_selected(const struct grid *g)
{
	return g->select && g->sel < g->n ? g->rows[g->sel].ref : NULL;
}
