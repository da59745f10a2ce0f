/* The tree list: the children of the current node, one row each, in a view
 * order of our own (the model's kids arrays are never reordered: the checks
 * and --dump rely on them).  The order is rebuilt only when the node, the
 * sort key or its direction changes; search steps through the tree in it
 * too (tree_kid_compare). */
#include "config.h"

#include "view.h"
#include "i18n.h"
#include "screen.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MIN 16   /* columns the name keeps before others give way */
#define NAME_ROOM 32  /* columns the name keeps before long codes give way */
#define LONG_CODE 8   /* wider codes give way before the share */
#define BAR_COLS 10
#define SHARE_COLS 7  /* "-100.0%" */
#define HISTORY 32

struct tree {
	struct view v;
	struct node *cur;            /* whose children are listed */
	uint32_t *order;             /* cur->kids indices in view order */
	uint32_t n, cap;
	const struct node *sorted_for;
	enum sort_key key;
	bool reverse;
	uint32_t sel, top;
	int64_t total;               /* the 100% of shares; 0: no shares */
	int amount_w;                /* widest amount in the current unit */
	int code_w, name_w, extra_w; /* widest texts of all the rows, so that
	                                the columns stay put while scrolling */
	bool shares;                 /* some row has a share */
	struct { struct node *node; uint32_t top; } hist[HISTORY];
	int nhist;                   /* where drilling came from, for back */
	struct crumb *crumbs;        /* breadcrumb segments as last drawn */
	int ncrumbs;
	int list_y, list_h;          /* rows of the list as last drawn */
};

/* One visible row, sanitised for this draw only. */
struct row {
	char *code, *name, *extra;
	char amount[AMOUNT_FMT_SIZE];
	char share[32];
	long permille;               /* share of the parent in 0.1 % */
	bool has_amount, has_share;
	char flag;
	enum color_role flag_role;
};

static struct node *kid(const struct tree *tr, uint32_t i)
{
	return tr->cur->kids[tr->order[i]];
}

static bool amount_of(const struct node *n, int64_t *fen)
{
	const struct figure *f = node_headline(n);

	if (f)
		*fen = f->fen;
	return f != NULL;
}

/* The amount a row is sorted by; INT64_MIN: none. */
static int64_t sort_amount(const struct node *n)
{
	int64_t fen;

	return amount_of(n, &fen) ? fen : INT64_MIN;
}

/* False for a list with an order of its own: a department lists its
 * sections in their standard order. */
static bool sortable(const struct node *n)
{
	return n->kind != NODE_DEPARTMENT;
}

/* Negative when n's kid a comes before kid b in the list, given their
 * sort amounts. */
static int compare_kids(const struct node *n, uint32_t a, uint32_t b, int64_t amount_a,
                        int64_t amount_b, const struct settings *set)
{
	const struct node *na = n->kids[a], *nb = n->kids[b];
	int r = 0;

	if (!sortable(n))
		return a < b ? -1 : a > b;
	switch (set->sort) {
	case SORT_AMOUNT:
		/* Rows without an amount stay last either way. */
		if ((amount_a == INT64_MIN) != (amount_b == INT64_MIN))
			return amount_a == INT64_MIN ? 1 : -1;
		r = amount_a < amount_b ? 1 : amount_a > amount_b ? -1 : 0;
		break;
	case SORT_CODE:
		if (!*na->code != !*nb->code)
			return *na->code ? -1 : 1;
		r = strcmp(na->code, nb->code);
		break;
	case SORT_NAME:
		r = strcoll(na->name, nb->name);
		break;
	case SORT__COUNT:
		break;
	}
	if (set->reverse)
		r = -r;
	return r ? r : a < b ? -1 : a > b;
}

int tree_kid_compare(const struct node *n, uint32_t a, uint32_t b, const void *tui)
{
	const struct tui *t = tui;

	return compare_kids(n, a, b, sort_amount(n->kids[a]), sort_amount(n->kids[b]), &t->set);
}

struct sort_ctx {
	const struct node *cur;
	const int64_t *amount;       /* of each kid, worked out once */
	const struct settings *set;
};

static int compare(const void *pa, const void *pb, void *pctx)
{
	const struct sort_ctx *c = pctx;
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;

	return compare_kids(c->cur, a, b, c->amount[a], c->amount[b], c->set);
}

/* Width of the widest amount: formatting grows with the magnitude, so
 * only the extremes need formatting. */
static void measure_amounts(struct tree *tr, const struct tui *t)
{
	int64_t hi = 0, lo = 0, fen;
	bool any = false;
	char buf[AMOUNT_FMT_SIZE];

	for (uint32_t i = 0; i < tr->cur->nkids; i++) {
		if (!amount_of(tr->cur->kids[i], &fen))
			continue;
		any = true;
		hi = fen > hi ? fen : hi;
		lo = fen < lo ? fen : lo;
	}
	tr->amount_w = 0;
	if (!any)
		return;
	tr->amount_w = (int)strlen(tui_amount(t, hi, buf));
	if ((int)strlen(tui_amount(t, lo, buf)) > tr->amount_w)
		tr->amount_w = (int)strlen(buf);
}

/* How many loading messages are about department d, and the most severe
 * of them in *worst (-1 when none). */
static size_t department_messages(const struct tui *t, const struct department *d,
                                  int *worst)
{
	size_t said = 0;

	*worst = -1;
	for (size_t i = 0; i < t->b->diags.n; i++) {
		const struct diag *g = &t->b->diags.v[i];

		if (tui_diag_department(t, g) != d)
			continue;
		said++;
		if ((int)g->sev > *worst)
			*worst = (int)g->sev;
	}
	return said;
}

/* What the row of a department's 核对结果 says: its findings and the
 * loading messages about its files, the most severe of those in *worst
 * (-1 when none). */
static char *findings_summary(const struct tui *t, const struct department *d, int *worst)
{
	size_t found = 0, said;
	char *a, *both;

	for (size_t i = 0; i < t->b->nfindings; i++)
		if (node_department(t->b->findings[i].node) == d)
			found++;
	said = department_messages(t, d, worst);
	a = xasprintf(ngettext("%zu finding", "%zu findings", found), found);
	if (!said)
		return a;
	/* TRANSLATORS: after "%zu findings, ": messages about the files read
	 * (unreadable cells, skipped files). */
	both = xasprintf(ngettext("%s, %zu loading message", "%s, %zu loading messages", said),
	                 a, said);
	free(a);
	return both;
}

/* The code, name and value column of a node's row, sanitised (free
 * them).  A 核对结果 row whose flag is unmarked (' ') is marked as its list
 * marks the loading messages (the findings are marked on their own rows). */
static void row_texts(const struct tui *t, const struct node *n, struct row *r)
{
	const char *extra = NULL;
	char *owned = NULL;
	int worst;

	const struct dept_label *l = n->kind == NODE_DEPARTMENT
	        ? tui_dept_label(t->depts, t->ndepts, node_department(n)) : NULL;

	r->code = text_sanitize(n->code, strlen(n->code));
	r->name = text_sanitize(tui_node_name(n), strlen(tui_node_name(n)));
	if (l && l->folder)   /* departments of the same name: which folder */
		extra = l->folder;
	else if (n->kind == NODE_PROJECT)
		extra = project_type_name(n->sub);
	else if (n->kind == NODE_INDICATOR || n->kind == NODE_TEXT)
		extra = node_value(n);
	else if (n->kind == NODE_SECTION && n->sub == SEC_FINDINGS) {
		extra = owned = findings_summary(t, node_department(n), &worst);
		if (r->flag == ' ' && worst >= 0) {
			r->flag = worst == SEV_NOTE ? '~' : '!';
			r->flag_role = worst == SEV_NOTE ? ROLE_NOTE : ROLE_WARNING;
		}
	}
	else if (n->kind == NODE_GROUP)
		/* An empty group shows as "0 indicators", as ncdu counts items.
		 * TRANSLATORS: how many indicators a group (成本指标, 产出指标, …)
		 * has, e.g. "3 indicators" (3 个指标). */
		extra = owned = xasprintf(ngettext("%u indicator", "%u indicators", n->nkids),
		                          (unsigned)n->nkids);
	r->extra = extra ? text_sanitize(extra, strlen(extra)) : NULL;
	free(owned);
}

static bool has_share(const struct tree *tr, const struct node *n)
{
	int64_t fen;

	return tr->total > 0 && n->kind != NODE_SECTION && amount_of(n, &fen);
}

/* The widest texts of all the rows. */
static void measure_texts(struct tree *tr, const struct tui *t)
{
	tr->code_w = tr->name_w = tr->extra_w = 0;
	tr->shares = false;
	for (uint32_t i = 0; i < tr->cur->nkids; i++) {
		const struct node *n = tr->cur->kids[i];
		struct row r = {0};
		int w;

		row_texts(t, n, &r);
		if ((w = text_width(r.code)) > tr->code_w)
			tr->code_w = w;
		if ((w = text_width(r.name)) > tr->name_w)
			tr->name_w = w;
		if (r.extra && (w = text_width(r.extra)) > tr->extra_w)
			tr->extra_w = w;
		tr->shares = tr->shares || has_share(tr, n);
		free(r.code);
		free(r.name);
		free(r.extra);
	}
}

static uint32_t index_in_order(const struct tree *tr, const struct node *n)
{
	for (uint32_t i = 0; i < tr->n; i++)
		if (kid(tr, i) == n)
			return i;
	return 0;
}

static void build(struct tree *tr, const struct tui *t)
{
	struct node *cur = tr->cur;
	struct node *selected = tr->sorted_for == cur && tr->sel < tr->n ? kid(tr, tr->sel) : NULL;
	int64_t fen, sum = 0;

	tr->n = cur->nkids;
	if (tr->n > tr->cap) {
		tr->cap = tr->n;
		tr->order = xreallocarray(tr->order, tr->cap, sizeof *tr->order);
	}
	for (uint32_t i = 0; i < tr->n; i++)
		tr->order[i] = i;
	tr->key = t->set.sort;
	tr->reverse = t->set.reverse;
	tr->sorted_for = cur;
	if (tr->n > 1) {
		int64_t *amount = xreallocarray(NULL, tr->n, sizeof *amount);

		for (uint32_t i = 0; i < tr->n; i++)
			amount[i] = sort_amount(cur->kids[i]);
		qsort_r(tr->order, tr->n, sizeof *tr->order, compare,
		        &(struct sort_ctx){ cur, amount, &t->set });
		free(amount);
	}
	for (uint32_t i = 0; i < tr->n; i++)
		if (amount_of(cur->kids[i], &fen) && fen > 0 && __builtin_add_overflow(sum, fen, &sum))
			sum = INT64_MAX;
	tr->total = amount_of(cur, &fen) && fen > 0 ? fen : sum;
	measure_amounts(tr, t);
	measure_texts(tr, t);
	if (selected)
		tr->sel = index_in_order(tr, selected);
}

/* Rebuilds the order when the sort changed since it was built. */
static void ensure_sorted(struct tree *tr, const struct tui *t)
{
	if (tr->sorted_for != tr->cur || tr->key != t->set.sort ||
	    tr->reverse != t->set.reverse)
		build(tr, t);
}

static void go_to(struct tree *tr, const struct tui *t, struct node *cur,
                  const struct node *select)
{
	tr->cur = cur;
	tr->sorted_for = NULL;
	build(tr, t);
	tr->sel = select ? index_in_order(tr, select) : 0;
	tr->top = 0;
}

/* Puts the selection in view, a third down the list after a jump. */
static void center(struct tree *tr)
{
	uint32_t h = (uint32_t)(tui_body_rows() > 0 ? tui_body_rows() : 1);

	tr->top = tr->sel >= h ? tr->sel - h / 3 : 0;
}

struct node *tree_selected(struct tui *t)
{
	struct tree *tr = t->tree;

	ensure_sorted(tr, t);
	return tr->sel < tr->n ? kid(tr, tr->sel) : NULL;
}

void tree_jump(struct tui *t, struct node *n)
{
	struct tree *tr = t->tree;

	tr->nhist = 0;
	if (!n->parent) {
		go_to(tr, t, n, NULL);
		return;
	}
	go_to(tr, t, n->parent, n);
	center(tr);
}

void tree_save(struct tui *t, struct tree_pos *p)
{
	struct tree *tr = t->tree;

	p->cur = tr->cur;
	p->sel = tree_selected(t);
	p->top = tr->top;
}

void tree_restore(struct tui *t, const struct tree_pos *p)
{
	struct tree *tr = t->tree;

	tr->nhist = 0;
	go_to(tr, t, p->cur, p->sel);
	tr->top = p->top;
}

static void drill(struct tree *tr, const struct tui *t, struct node *n)
{
	if (tr->nhist == HISTORY) {
		memmove(tr->hist, tr->hist + 1, (HISTORY - 1) * sizeof *tr->hist);
		tr->nhist--;
	}
	tr->hist[tr->nhist].node = tr->cur;
	tr->hist[tr->nhist++].top = tr->top;
	go_to(tr, t, n, NULL);
}

/* Lists `up` (an ancestor of the current node) with the child we came
 * through selected, at the scroll position we left it when known. */
static void back_to(struct tree *tr, const struct tui *t, struct node *up)
{
	struct node *from = tr->cur;

	while (from->parent != up)
		from = from->parent;
	while (tr->nhist && tr->hist[tr->nhist - 1].node != up)
		tr->nhist--;
	go_to(tr, t, up, from);
	if (tr->nhist)
		tr->top = tr->hist[--tr->nhist].top;
	else
		center(tr);
}

static void open_row(struct tree *tr, struct tui *t)
{
	struct node *n = tr->sel < tr->n ? kid(tr, tr->sel) : NULL;

	if (!n)
		return;
	if (n->kind == NODE_SECTION && n->sub == SEC_FINDINGS)
		tui_push(t, findings_new(t));
	else if (n->nkids || n->kind == NODE_SECTION || n->kind == NODE_GROUP)
		drill(tr, t, n);   /* an empty list says "nothing here" */
	else
		tui_push(t, detail_new(t, n));
}

static void select_by(struct tree *tr, long delta)
{
	long sel = (long)tr->sel + delta;

	if (sel >= (long)tr->n)
		sel = (long)tr->n - 1;
	tr->sel = sel < 0 ? 0 : (uint32_t)sel;
}

static void sorted_message(struct tui *t)
{
	static const char *const msgs[SORT__COUNT][2] = {
		[SORT_AMOUNT] = { N_("Sorted by amount, largest first"),
		                  N_("Sorted by amount, smallest first") },
		[SORT_CODE] = { N_("Sorted by code"), N_("Sorted by code, in reverse") },
		[SORT_NAME] = { N_("Sorted by name"), N_("Sorted by name, in reverse") },
	};

	tui_message(t, "%s", _(msgs[t->set.sort][t->set.reverse]));
}

static bool tree_action(struct view *v, struct tui *t, enum action a)
{
	struct tree *tr = (struct tree *)v;
	long page = tr->list_h > 1 ? tr->list_h - 1 : 1;

	ensure_sorted(tr, t);
	switch (a) {
	case ACT_UP: select_by(tr, -1); break;
	case ACT_DOWN: select_by(tr, 1); break;
	case ACT_PAGE_UP:
		tr->top = tr->top > (uint32_t)page ? tr->top - (uint32_t)page : 0;
		select_by(tr, -page);
		break;
	case ACT_PAGE_DOWN:
		tr->top += (uint32_t)page;
		select_by(tr, page);
		break;
	case ACT_TOP: tr->sel = 0; break;
	case ACT_BOTTOM: tr->sel = tr->n ? tr->n - 1 : 0; break;
	case ACT_ENTER: open_row(tr, t); break;
	case ACT_BACK:
		if (tr->cur->parent)
			back_to(tr, t, tr->cur->parent);
		break;
	case ACT_QUIT:
		if (tr->cur->parent)
			back_to(tr, t, tr->cur->parent);
		else
			t->quit = true;
		break;
	case ACT_SORT:
	case ACT_REVERSE:
		if (!sortable(tr->cur)) {
			tui_message(t, "%s", _("This list keeps its own order"));
			break;
		}
		if (a == ACT_REVERSE) {
			t->set.reverse = !t->set.reverse;
		} else {
			t->set.sort = (enum sort_key)((t->set.sort + 1) % SORT__COUNT);
			t->set.reverse = false;
		}
		ensure_sorted(tr, t);
		sorted_message(t);
		break;
	case ACT_DETAIL:
		tui_push(t, detail_new(t, tr->sel < tr->n ? kid(tr, tr->sel) : tr->cur));
		break;
	default:
		return false;
	}
	return true;
}

static void tree_mouse(struct view *v, struct tui *t, const struct key *k)
{
	struct tree *tr = (struct tree *)v;
	uint32_t row, last;

	ensure_sorted(tr, t);
	switch (k->mouse) {
	case KM_WHEEL_UP:
		tr->top = tr->top > 3 ? tr->top - 3 : 0;
		if (tr->list_h > 0 && tr->sel >= tr->top + (uint32_t)tr->list_h)
			tr->sel = tr->top + (uint32_t)tr->list_h - 1;
		return;
	case KM_WHEEL_DOWN:
		last = tr->n > (uint32_t)tr->list_h ? tr->n - (uint32_t)tr->list_h : 0;
		tr->top = tr->top + 3 < last ? tr->top + 3 : last;
		if (tr->sel < tr->top)
			tr->sel = tr->top;
		return;
	case KM_CLICK:
	case KM_DOUBLE:
		if (k->y == 0) {
			for (int i = 0; i < tr->ncrumbs; i++)
				if (k->x >= tr->crumbs[i].x0 && k->x < tr->crumbs[i].x1) {
					if (tr->crumbs[i].node != tr->cur)
						back_to(tr, t, tr->crumbs[i].node);
					return;
				}
			if (tr->cur->parent)
				back_to(tr, t, tr->cur->parent);
			return;
		}
		if (k->y < tr->list_y || k->y >= tr->list_y + tr->list_h)
			return;
		row = tr->top + (uint32_t)(k->y - tr->list_y);
		if (row >= tr->n)
			return;
		tr->sel = row;
		if (k->mouse == KM_DOUBLE)
			open_row(tr, t);
		return;
	case KM_NONE:
		return;
	}
}

static void tree_unit_changed(struct view *v, struct tui *t)
{
	measure_amounts((struct tree *)v, t);
}

static void tree_free(struct view *v)
{
	struct tree *tr = (struct tree *)v;

	free(tr->order);
	free(tr->crumbs);
	free(tr);
}

/* ---- drawing ---- */

/* part / whole in 0.1 %, rounded half away from zero, within ±99999. */
static long permille(int64_t part, int64_t whole)
{
	__int128 p = (__int128)part * 1000, half = whole / 2;

	p = p >= 0 ? (p + half) / whole : -((-p + half) / whole);
	return p > 99999 ? 99999 : p < -99999 ? -99999 : (long)p;
}

static void fill_row(struct tree *tr, struct tui *t, uint32_t i, struct row *r)
{
	const struct node *n = kid(tr, i);
	int64_t fen;

	*r = (struct row){0};
	r->flag = tui_flag(t, n, &r->flag_role);
	row_texts(t, n, r);
	if (!amount_of(n, &fen))
		return;
	r->has_amount = true;
	tui_amount(t, fen, r->amount);
	if (!has_share(tr, n))
		return;
	r->has_share = true;
	r->permille = permille(fen, tr->total);
	if (r->permille > 9999)
		snprintf(r->share, sizeof r->share, ">999%%");
	else if (r->permille < -9999)
		snprintf(r->share, sizeof r->share, "<-999%%");
	else
		snprintf(r->share, sizeof r->share, "%s%ld.%ld%%", r->permille < 0 ? "-" : "",
		         labs(r->permille) / 10, labs(r->permille) % 10);
}

struct columns {
	int code, name, extra, amount, share, bar;
	char code_head[64], name_head[64], amount_head[64];
};

/* The arrow after the heading of the column the list is sorted by; none
 * on a list that keeps its own order. */
static const char *sort_mark(const struct tree *tr, const struct tui *t, enum sort_key key)
{
	bool down = (key == SORT_AMOUNT) != t->set.reverse;

	if (t->set.sort != key || !sortable(tr->cur))
		return "";
	if (screen_ascii())
		return down ? " v" : " ^";
	return down ? " ↓" : " ↑";
}

static const char *unit_label(const struct tui *t)
{
	/* TRANSLATORS: the unit of the amount column: 万元. */
	return t->set.unit == UNIT_WAN ? _("10k yuan")
	       /* TRANSLATORS: the unit of the amount column: 元. */
	       : _("yuan");
}

static void layout(const struct tree *tr, struct tui *t, struct columns *c)
{
	int rest, want = tr->name_w, extra_want;

	*c = (struct columns){ .code = tr->code_w, .extra = tr->extra_w,
	                       .share = tr->shares ? SHARE_COLS : 0 };
	snprintf(c->code_head, sizeof c->code_head, "%s%s", _("Code"), sort_mark(tr, t, SORT_CODE));
	snprintf(c->name_head, sizeof c->name_head, "%s%s", _("Name"), sort_mark(tr, t, SORT_NAME));
	snprintf(c->amount_head, sizeof c->amount_head, "%s%s", unit_label(t),
	         sort_mark(tr, t, SORT_AMOUNT));
	if (c->code && text_width(c->code_head) > c->code)
		c->code = text_width(c->code_head);
	if (tr->amount_w) {
		int hw = text_width(c->amount_head);

		c->amount = tr->amount_w > hw ? tr->amount_w : hw;
	}
	c->bar = c->share && t->set.bars ? BAR_COLS : 0;
	extra_want = c->extra;
	c->extra = c->extra < COLS / 3 ? c->extra : COLS / 3;
#define REST() (COLS - 2 - (c->code ? c->code + 1 : 0) - (c->extra ? c->extra + 1 : 0) - \
                (c->amount ? c->amount + 1 : 0) - (c->share ? c->share + 1 : 0) - \
                (c->bar ? c->bar + 1 : 0))
	/* The name matters most.  A code cut short tells nothing (project codes
	 * share their first 15 digits), so codes are shown whole or not at
	 * all: long ones (projects', also in the path and the detail) give way
	 * after the bar when names would be cut below NAME_ROOM, short ones
	 * only to keep a minimal name. */
	if (REST() < (want > NAME_MIN ? want : NAME_MIN))
		c->bar = 0;
	if (REST() < (want < NAME_ROOM ? want : NAME_ROOM) && c->code > LONG_CODE)
		c->code = 0;
	if (REST() < NAME_MIN)
		c->share = 0;
	if ((rest = REST()) < NAME_MIN && c->extra > 8)
		c->extra = c->extra - (NAME_MIN - rest) > 8 ? c->extra - (NAME_MIN - rest) : 8;
	if (REST() < NAME_MIN)
		c->code = 0;
	if (REST() < NAME_MIN)
		c->extra = 0;
	c->name = REST() > 0 ? REST() : 0;
	/* Room the names do not need goes to a value column cut short. */
	if (c->extra && c->extra < extra_want && c->name > want) {
		int more = c->name - want < extra_want - c->extra ? c->name - want
		           : extra_want - c->extra;

		c->extra += more;
		c->name -= more;
	}
	/* Without amounts, a value column (indicator targets, texts) follows
	 * the names closely and takes the rest of the line. */
	if (!c->amount && c->extra && c->name > want) {
		c->extra += c->name - (want > NAME_MIN ? want : NAME_MIN);
		c->name = want > NAME_MIN ? want : NAME_MIN;
	}
#undef REST
}

static const char *extra_head(const struct tree *tr)
{
	switch (tr->n ? kid(tr, 0)->kind : NODE__COUNT) {
	case NODE_PROJECT: return _("Type");
	/* TRANSLATORS: an indicator's target value (指标值). */
	case NODE_INDICATOR: return _("Target");
	default: return "";
	}
}

static void draw_header(const struct tree *tr, const struct columns *c)
{
	int attr = screen_attr(ROLE_HEADER), x = 2;

	screen_blank(1, 0, COLS, attr);
	if (c->code) {
		screen_text(1, x, c->code, c->code_head, attr);
		x += c->code + 1;
	}
	screen_text(1, x, c->name, c->name_head, attr);
	x += c->name + 1;
	if (c->extra) {
		screen_text(1, x, c->extra, extra_head(tr), attr);
		x += c->extra + 1;
	}
	if (c->amount) {
		screen_text_right(1, x, c->amount, c->amount_head, attr);
		x += c->amount + 1;
	}
	if (c->share)
		screen_text_right(1, x, c->share, "%", attr);
}

/* Shows where query occurs in s (drawn at x, cut to cols) in the match
 * role, unless the cut hides it. */
static void highlight(int y, int x, int cols, const char *s, const char *query,
                      bool selected)
{
	const char *m = search_in(s, query);
	int before, w, room = text_width(s) > cols ? cols - text_width("…") : cols;
	char *part;

	if (!m)
		return;
	part = xstrndup(s, (size_t)(m - s));
	before = text_width(part);
	free(part);
	part = xstrndup(m, strlen(query));
	w = text_width(part);
	if (before + w <= room)
		screen_text(y, x + before, w, part, selected
		            ? screen_attr(ROLE_SELECTED) | (int)A_UNDERLINE : screen_attr(ROLE_MATCH));
	free(part);
}

static void draw_row(int y, const struct row *r, const struct columns *c,
                     bool selected, const char *match)
{
	int base = screen_attr(selected ? ROLE_SELECTED : ROLE_ROW);
	int x = 2;
	char flag[2] = { r->flag, '\0' };

#define ATTR(role) (selected ? base : screen_attr(role))
	if (selected)
		screen_blank(y, 0, COLS, base);
	screen_text(y, 0, 1, flag, ATTR(r->flag_role));
	if (c->code) {
		screen_text(y, x, c->code, r->code, ATTR(ROLE_CODE));
		if (match)
			highlight(y, x, c->code, r->code, match, selected);
		x += c->code + 1;
	}
	screen_text(y, x, c->name, r->name, base);
	if (match)
		highlight(y, x, c->name, r->name, match, selected);
	x += c->name + 1;
	if (c->extra) {
		if (r->extra)
			screen_text(y, x, c->extra, r->extra, base);
		x += c->extra + 1;
	}
	if (c->amount) {
		if (r->has_amount)
			screen_text_right(y, x, c->amount, r->amount, ATTR(ROLE_AMOUNT));
		x += c->amount + 1;
	}
	if (c->share) {
		if (r->has_share)
			screen_text_right(y, x, c->share, r->share, base);
		x += c->share + 1;
	}
	if (c->bar && r->has_share)
		screen_bar(y, x, c->bar, r->permille * c->bar * 8 / 1000, ATTR(ROLE_BAR));
#undef ATTR
}

/* The figure of `column` that goes with the node's 合计, or any. */
static const struct figure *figure_near(const struct node *n, enum column column,
                                        const struct figure *total)
{
	const struct figure *f = total ? node_figure(n, total->table, column) : NULL;

	for (uint16_t i = 0; !f && i < n->nfigs; i++)
		if (n->figs[i].column == column)
			f = &n->figs[i];
	return f;
}

static enum encoding encoding_of(const struct tui *t, const struct node *n)
{
	const struct figure *h = node_headline(n);
	uint32_t file = n->file ? (uint32_t)n->file : h ? (uint32_t)h->file : 0;
	const struct department *d = file ? NULL : node_department(n);

	for (size_t i = 1; !file && d && i < t->b->nfiles; i++)
		if (t->b->files[i].dept == d)
			file = (uint32_t)i;
	return file && file < t->b->nfiles ? t->b->files[file].enc : ENC_AUTO;
}

#define FIGURE_SIZE (64 + AMOUNT_FMT_SIZE)

/* Joins into left the first of the nfig figures that fit in cols columns
 * together; returns how many. */
static size_t join_figures(char *left, size_t cap, char fig[][FIGURE_SIZE], size_t nfig,
                           int cols)
{
	size_t i, len = 0;

	left[0] = '\0';
	for (i = 0; i < nfig; i++) {
		snprintf(left + len, cap - len, "%s%s", len ? "  " : "", fig[i]);
		if (text_width(left) > cols) {
			left[len] = '\0';
			break;
		}
		len = strlen(left);
	}
	return i;
}

static void draw_status(struct tree *tr, struct tui *t)
{
	static const struct {
		enum column column;
		const char *label;
	} shown[] = {
		/* TRANSLATORS: short labels of the status line, which must hold all
		 * three amounts at 80 columns: 合计, 基本支出, 项目支出. */
		{ COL_TOTAL, N_("Total") },
		{ COL_BASIC, N_("Basic") },
		{ COL_PROJECT, N_("Projects") },
	};
	const struct node *n = tr->cur;
	/* A department's 合计 is its 支出总表's: another table's (政府性基金,
	 * 收入) is only a part, and unnamed here it would pass for the whole. */
	const struct figure *total = n->kind == NODE_DEPARTMENT || n->kind == NODE_COLLECTION
	                             ? node_figure(n, TK_SPENDING, COL_TOTAL)
	                             : figure_near(n, COL_TOTAL, NULL);
	char fig[3][FIGURE_SIZE], left[3 * FIGURE_SIZE], pos[32] = "", enc[32] = "", help[64];
	char amount[AMOUNT_FMT_SIZE], full[160], no_pos[160];
	const char *all[3] = { full, no_pos, help }, *right[3], *none = "";
	size_t nfig = 0, nright = 0;
	int shortest;
	enum encoding e = encoding_of(t, n);

	if (!total && node_headline(n)) {
		const struct figure *h = node_headline(n);

		snprintf(fig[nfig++], sizeof *fig, "%s %s", _(column_label(h->column)),
		         tui_amount(t, h->fen, amount));
	}
	for (size_t i = 0; total && i < sizeof shown / sizeof *shown; i++) {
		const struct figure *f = figure_near(n, shown[i].column, total);

		if (f)
			snprintf(fig[nfig++], sizeof *fig, "%s %s", _(shown[i].label),
			         tui_amount(t, f->fen, amount));
	}
	/* What gives way when the amounts need the room: the position, then
	 * the encoding. */
	if (tr->n)
		snprintf(pos, sizeof pos, "%u/%u  ", tr->sel + 1, tr->n);
	if (e != ENC_AUTO)
		snprintf(enc, sizeof enc, "%s  ", encoding_name(e));
	tui_help_hint(help, sizeof help);
	snprintf(full, sizeof full, "%s%s%s", pos, enc, help);
	snprintf(no_pos, sizeof no_pos, "%s%s", enc, help);
	/* Beside figures, the right part gets at most half the line
	 * (tui_draw_status_fit): a text wider than that would be cut. */
	for (size_t i = 0; i < 3; i++)
		if (!nfig || text_width(all[i]) <= COLS / 2)
			right[nright++] = all[i];
	/* A figure is shown whole or not at all: a cut amount would read as
	 * another.  When not even the first fits beside the shortest right
	 * text (the help hint), that gives way. */
	shortest = nright ? text_width(right[nright - 1]) + 1 : 0;
	if (!join_figures(left, sizeof left, fig, nfig, COLS - shortest) && nfig &&
	    join_figures(left, sizeof left, fig, nfig, COLS))
		nright = 0;
	tui_draw_status_fit(t, left, nright ? right : &none, nright ? nright : 1);
}

static void tree_draw(struct view *v, struct tui *t)
{
	struct tree *tr = (struct tree *)v;
	struct row *rows;
	struct columns c;
	int h = tui_body_rows(), nrows = 0;

	ensure_sorted(tr, t);
	if (tr->sel >= tr->n)
		tr->sel = tr->n ? tr->n - 1 : 0;
	if (tr->sel < tr->top)
		tr->top = tr->sel;
	if (h > 0 && tr->sel >= tr->top + (uint32_t)h)
		tr->top = tr->sel - (uint32_t)h + 1;
	if (h > 0 && tr->top + (uint32_t)h > tr->n)
		tr->top = tr->n > (uint32_t)h ? tr->n - (uint32_t)h : 0;
	tr->list_y = 2;
	tr->list_h = h;

	tr->ncrumbs = tui_draw_path("", tr->cur, &tr->crumbs);
	rows = xcalloc(h > 0 ? (size_t)h : 1, sizeof *rows);
	for (; nrows < h && tr->top + (uint32_t)nrows < tr->n; nrows++)
		fill_row(tr, t, tr->top + (uint32_t)nrows, &rows[nrows]);
	layout(tr, t, &c);
	draw_header(tr, &c);
	for (int i = 0; i < nrows; i++)
		draw_row(2 + i, &rows[i], &c, tr->top + (uint32_t)i == tr->sel,
		         t->searching || t->show_matches ? t->query : NULL);
	if (!tr->n)
		screen_text(2, 2, COLS - 2, _("(nothing here)"), screen_attr(ROLE_ROW));
	for (int i = 0; i < nrows; i++) {
		free(rows[i].code);
		free(rows[i].name);
		free(rows[i].extra);
	}
	free(rows);
	draw_status(tr, t);
}

static const struct view_ops tree_ops = {
	.name = "tree",
	.draw = tree_draw,
	.action = tree_action,
	.mouse = tree_mouse,
	.unit_changed = tree_unit_changed,
	.free = tree_free,
};

struct view *tree_new(struct tui *t)
{
	struct tree *tr = xcalloc(1, sizeof *tr);

	tr->v.ops = &tree_ops;
	t->tree = tr;
	go_to(tr, t, t->b->root, NULL);
	return &tr->v;
}
