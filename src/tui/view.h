/* What the screens of the browser share (internal to src/tui).
 *
 * Every screen is a view filling the same small table of operations, as in
 * tig.  The views form a stack: the tree list is always at the bottom;
 * detail, findings and help open above it and close back to it.  Every
 * screen uses the same frame: a title row, a header row, the body and a
 * status row (screen rows 0, 1, 2..rows-2, rows-1). */
#ifndef YUSUAN_TUI_VIEW_H
#define YUSUAN_TUI_VIEW_H

#include "budget.h"
#include "keys.h"
#include "settings.h"

#include <stdbool.h>
#include <stddef.h>

struct tui;
struct view;

struct view_ops {
	const char *name;          /* "tree", "detail", "findings", "help" */
	/* Draws the whole screen (the frame included) at the current size. */
	void (*draw)(struct view *v, struct tui *t);
	/* Handles an action; false when this view has no use for it (the
	 * browser then applies its global meaning). */
	bool (*action)(struct view *v, struct tui *t, enum action a);
	/* A click, double-click or wheel at screen cell (k->x, k->y). */
	void (*mouse)(struct view *v, struct tui *t, const struct key *k);
	/* The display unit changed: drop text cached with the old one.  May
	 * be NULL. */
	void (*unit_changed)(struct view *v, struct tui *t);
	void (*free)(struct view *v);
};

/* The first member of every view's own struct. */
struct view {
	const struct view_ops *ops;
};

#define TUI_MAX_VIEWS 4
#define TUI_QUERY_MAX 256

struct tree;
struct search;

struct tui {
	struct budget *b;
	struct settings set;           /* a copy: `t` and `s` change it */
	struct view *views[TUI_MAX_VIEWS];
	int nviews;                    /* views[0] is the tree */
	struct tree *tree;             /* views[0], typed */
	struct search *search;
	char query[TUI_QUERY_MAX];     /* the search line's text while it is
	                                  open, else the last search; UTF-8 */
	bool searching;                /* the search prompt is open */
	bool search_failed;            /* the query matches nothing */
	bool show_matches;             /* highlight the query until the next key */
	size_t match_rank, match_count;
	char *message;                 /* until the next key; owned */
	char *caption;                 /* --play caption; owned */
	bool quit;
	struct message_place {         /* per loading message of b */
		uint32_t file;             /* its file in b->files, 0: none */
		struct department *dept;   /* the department it is about, or NULL */
	} *places;
	struct dept_label *depts;      /* a collection's departments, by address */
	size_t ndepts;
	const struct node **marked;    /* nodes with a flagged node below, sorted */
	size_t nmarked;
};

/* Frame helpers (tui.c). */
void tui_draw_title(const char *text);
/* Where a label of the path went on the title row. */
struct crumb {
	int x0, x1;
	struct node *node;
};
/* Draws prefix and the path from the root to n on the title row.  When it
 * is too long, the levels above n get short, outermost first (classified
 * rows and units by their code, then long names cut), and then the first
 * levels are left out ("… › b › c").  *hits (realloc'd) gets where each
 * label shown went; returns their number. */
int tui_draw_path(const char *prefix, struct node *n, struct crumb **hits);
/* The status row: left is replaced by the search prompt, a message or a
 * caption when there is one; right stays unless the prompt is open. */
void tui_draw_status(struct tui *t, const char *left, const char *right);
/* Same, with right texts from the fullest to the shortest: the first that
 * leaves room for the whole left text is shown (else the last). */
void tui_draw_status_fit(struct tui *t, const char *left, const char *const *right,
                         size_t nright);
/* s sanitised and, when wider than cols, cut there with '…'; malloc'd.
 * *cut (unless cut is NULL) tells whether it was cut. */
char *tui_fit(const char *s, int cols, bool *cut);
int tui_body_rows(void);                  /* rows between header and status */
void tui_push(struct tui *t, struct view *v);
void tui_pop(struct tui *t);
void tui_message(struct tui *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The status hint naming the help key: "? help". */
void tui_help_hint(char *buf, size_t cap);

/* What rows say about nodes (label.c). */
/* The name shown for a node: the translated label of a section or an
 * indicator group, else the name as published (not sanitised). */
const char *tui_node_name(const struct node *n);
/* These return malloc'd, sanitised UTF-8 (free it). */
char *tui_node_label(const struct node *n);   /* "208 社会保障…", section names */
char *tui_origin(const struct tui *t, struct origin at);   /* "file.csv:12" */
/* The same for rows at.record to last ("file.csv:9-23"; last 0: one row). */
char *tui_origin_rows(const struct tui *t, struct origin at, uint32_t last);
/* Where each loading message belongs (t->places), found once: messages
 * are many in a province, and each is drawn and counted often. */
void tui_place_messages(struct tui *t);
/* A loading message's department: the one its file was read into, else
 * the one whose package folder holds its file, else, for a message about
 * no file, the budget's only department; NULL when none.  And the node
 * read from its record (NULL when none: the file as a whole, a row that
 * made no node). */
struct department *tui_diag_department(const struct tui *t, const struct diag *d);
struct node *tui_diag_node(const struct tui *t, const struct diag *d);
/* How a collection names a department: its name (cut to some columns or
 * whole), sanitised, and when other departments' names are alike, the end
 * of its folder that tells it apart (else NULL). */
struct dept_label {
	const struct department *d;
	char *name;
	char *folder;
};
/* A label for each of b's departments, names cut to cols columns (0: whole);
 * tui_dept_label finds one (NULL for none). */
struct dept_label *tui_label_departments(const struct budget *b, int cols);
const struct dept_label *tui_dept_label(const struct dept_label *l, size_t n,
                                        const struct department *d);
void tui_dept_labels_free(struct dept_label *l, size_t n);
/* "name (folder)", or name when folder is NULL (malloc'd). */
char *tui_dept_text(const char *name, const char *folder);

/* Whether the message is about a file read as a table of the budget (not
 * the config file, nor a file that could not be read). */
bool tui_diag_about_table(const struct tui *t, const struct diag *d);
/* "file.csv:12" for a message ("file.csv" when about the whole file);
 * malloc'd, sanitised. */
char *tui_diag_origin(const struct diag *d);
/* fen as an amount in the current unit, into buf[AMOUNT_FMT_SIZE]. */
const char *tui_amount(const struct tui *t, int64_t fen, char *buf);
/* The mark of a node in flag columns: '!', '~', '?', '.' (something below
 * it is flagged) or ' ', and its role. */
char tui_flag(const struct tui *t, const struct node *n, enum color_role *role);
/* Finds the nodes that get '.' (once, at start: one pass over the tree). */
void tui_mark_ancestors(struct tui *t);

/* The tree list (view_tree.c). */
struct view *tree_new(struct tui *t);
struct node *tree_selected(struct tui *t);        /* NULL when the list is empty */
/* Negative when n's kid a (an index into n->kids) comes before kid b in
 * the list with the current sort, positive when after, 0 only when a is
 * b.  tui is the struct tui, untyped to serve as a search_order. */
int tree_kid_compare(const struct node *n, uint32_t a, uint32_t b, const void *tui);
/* Lists n's parent with n selected (n itself when it is the root). */
void tree_jump(struct tui *t, struct node *n);
struct tree_pos {
	struct node *cur, *sel;
	unsigned top;
};
void tree_save(struct tui *t, struct tree_pos *p);
void tree_restore(struct tui *t, const struct tree_pos *p);

/* The other screens. */
struct view *detail_new(struct tui *t, struct node *n);
struct view *findings_new(struct tui *t);
struct view *help_new(void);

#endif
