/* A scrolling list of text rows in columns: the body of the detail,
 * findings and help screens.
 *
 * Cells are copied and sanitised on entry and owned by the grid.  In each
 * row the last cell given runs to the right edge; the other columns are as
 * wide as their widest cell (at most a third of the screen each).  In a
 * grid that is scrolled rather than selected, the last cell wraps onto as
 * many lines as it needs, starting a new line at each line break of its
 * text, unless the row says to shorten it (head); a selecting grid keeps
 * one line per row. */
#ifndef YUSUAN_TUI_GRID_H
#define YUSUAN_TUI_GRID_H

#include "actions.h"
#include "keys.h"
#include "settings.h"

#include <stdbool.h>
#include <stddef.h>

#define GRID_COLS 4

struct grid_row {
	char *cell[GRID_COLS];      /* NULL where the row has no cell */
	enum color_role role;       /* the row's text */
	enum color_role first_role; /* its first cell (a flag, a label) */
	const void *ref;            /* what the row stands for, or NULL */
	size_t head;                /* when not 0, the last cell stays on one
	                               line: if too long, its first head bytes
	                               (a file name) are cut short so that the
	                               rest (":record") shows whole */
};

struct grid {
	struct grid_row *rows;
	size_t n, cap;
	bool right[GRID_COLS];      /* right-aligned columns */
	int width[GRID_COLS];       /* widest cell of each column */
	bool select;                /* rows are selected, else just scrolled */
	size_t sel, top;
	int y, h;                   /* where the last draw put the rows */
	size_t shown;               /* rows it showed whole */
};

void grid_init(struct grid *g, bool select);
void grid_free(struct grid *g);

/* Adds a row of up to GRID_COLS cells; the list of cells ends at the first
 * NULL.  Returns the row (valid until the next grid_add). */
struct grid_row *grid_add(struct grid *g, enum color_role role, const void *ref,
                          const char *c0, const char *c1, const char *c2,
                          const char *c3);
/* Lays out a row of header cells like the body, at screen row y. */
void grid_draw_header(const struct grid *g, int y, const char *const cells[GRID_COLS]);
/* Draws the rows at screen rows y..y+h-1. */
void grid_draw(struct grid *g, int y, int h);

/* Writes "first-last/total  " (the rows the last draw showed whole) into
 * buf when some rows are out of view, else ""; returns its length.  It
 * goes before the help hint on the status line of a scrolled grid. */
int grid_position(const struct grid *g, char *buf, size_t cap);

/* Moves the selection or the view for up/down/page/top/bottom; false for
 * other actions. */
bool grid_action(struct grid *g, enum action a);
/* Selects or scrolls for a mouse event; true on a double-click on a row
 * (the caller opens it). */
bool grid_mouse(struct grid *g, const struct key *k);

/* The selected row's ref (NULL when nothing is selected). */
const void *grid_selected(const struct grid *g);

#endif
