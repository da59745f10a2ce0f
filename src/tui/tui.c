/* The browser's loop: key scripts, the stack of views, search, the frame
 * and the three ways to run (interactive, headless, playback). */
#include "config.h"

#include "tui.h"
#include "i18n.h"
#include "keys.h"
#include "out.h"
#include "screen.h"
#include "script.h"
#include "search.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#define SCREEN_MAX 1000
#define PATH_SHORT_NAME 12   /* columns of a long name cut short in the path */

/* Keys with a fixed meaning in the search line, as key_parse gives them. */
static struct key k_enter, k_esc, k_backspace;
static bool headless;
static int prompt_end;                 /* cursor column in the search line */
static volatile sig_atomic_t caught;   /* SIGINT or SIGTERM received */

/* Where the open search started, to go back to: the tree's place, the
 * views that were above the tree (put aside while the search line shows
 * the tree; views[0] lowest) and the search before this one. */
static struct {
	struct tree_pos tree;
	struct view *views[TUI_MAX_VIEWS];
	int nviews;
	char query[TUI_QUERY_MAX];
} search_start;

/* ---- messages on stderr ---- */

/* "yusuan: [path[:line]: ]message", the path sanitised like any name. */
static void complain(const char *path, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void complain(const char *path, size_t line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("yusuan: ", stderr);
	if (path) {
		char *safe = text_sanitize(path, strlen(path));

		out_puts(stderr, safe);
		free(safe);
		if (line)
			fprintf(stderr, ":%zu", line);
		fputs(": ", stderr);
	}
	out_puts(stderr, msg);
	putc('\n', stderr);
	free(msg);
}

/* ---- key scripts ---- */

/* Parses key names into sc, or says what is wrong. */
static bool add_keys(struct script *sc, const char *keys)
{
	const char *why;

	if (script_keys(sc, keys, &why))
		return true;
	/* TRANSLATORS: %s says what is wrong in the --keys text. */
	complain(NULL, 0, _("in the keys: %s"), why);
	return false;
}

static bool load_play_file(struct script *sc, const char *path)
{
	const char *why;
	size_t line;

	if (script_load(sc, path, true, &line, &why))
		return true;
	complain(path, line, "%s", why);
	return false;
}

/* ---- the frame ---- */

int tui_body_rows(void)
{
	return LINES - 3;
}

void tui_draw_title(const char *text)
{
	screen_blank(0, 0, COLS, screen_attr(ROLE_TITLE));
	screen_text(0, 0, COLS, text, screen_attr(ROLE_TITLE));
}

char *tui_fit(const char *s, int cols, bool *cut)
{
	char *safe = text_sanitize(s, strlen(s)), *fit;
	bool wide = text_width(safe) > cols;

	if (cut)
		*cut = wide;
	if (!wide)
		return safe;
	fit = text_cut(safe, cols);
	free(safe);
	return fit;
}

/* A label on the path made short, for pass 1 (classified rows and units
 * by their code) or pass 2 (long names cut); NULL when the node has no
 * short form in that pass. */
static char *short_label(const struct node *n, int pass)
{
	char *fit;
	bool cut;

	if (pass == 1 && *n->code &&
	    (n->kind == NODE_FUNC || n->kind == NODE_ECON || n->kind == NODE_UNIT))
		return text_sanitize(n->code, strlen(n->code));
	if (pass != 2 || n->kind == NODE_SECTION || n->kind == NODE_GROUP)
		return NULL;
	fit = tui_fit(tui_node_name(n), PATH_SHORT_NAME, &cut);
	if (!cut) {
		free(fit);
		return NULL;
	}
	return fit;
}

/* Columns of the path drawn from level start on. */
static long path_width(const char *prefix, const int *w, int start, int depth)
{
	int sepw = text_width(screen_separator());
	long need = text_width(prefix) + (start ? text_width("…") + sepw : 0);

	for (int i = start; i < depth; i++)
		need += w[i] + (i > start ? sepw : 0);
	return need;
}

int tui_draw_path(const char *prefix, struct node *n, struct crumb **hits)
{
	const char *sep = screen_separator();
	int attr = screen_attr(ROLE_TITLE);
	int depth = 0, start, x, nhits = 0;
	char **label;
	int *w;
	bool *shortened;

	for (struct node *p = n; p; p = p->parent)
		depth++;
	shortened = xcalloc((size_t)depth, sizeof *shortened);
	label = xreallocarray(NULL, (size_t)depth, sizeof *label);
	w = xreallocarray(NULL, (size_t)depth, sizeof *w);
	*hits = xreallocarray(*hits, (size_t)depth, sizeof **hits);
	for (int i = depth - 1; i >= 0; i--, n = n->parent) {
		label[i] = tui_node_label(n);
		(*hits)[i].node = n;
		w[i] = text_width(label[i]);
	}
	/* Too long: the levels above the last one get short, outermost first
	 * (codes, then names), and then the first levels are left out. */
	for (int pass = 1; pass <= 2; pass++)
		for (int i = 0; i < depth - 1 && path_width(prefix, w, 0, depth) > COLS; i++) {
			char *s = shortened[i] ? NULL : short_label((*hits)[i].node, pass);

			if (s) {
				free(label[i]);
				label[i] = s;
				w[i] = text_width(s);
				shortened[i] = true;
			}
		}
	for (start = 0; start < depth - 1 && path_width(prefix, w, start, depth) > COLS; start++)
		;
	tui_draw_title(prefix);
	x = text_width(prefix);
	if (start) {
		x += screen_text(0, x, COLS - x, "…", attr);
		x += screen_text(0, x, COLS - x, sep, attr);
	}
	for (int i = start; i < depth && x < COLS; i++) {
		if (i > start)
			x += screen_text(0, x, COLS - x, sep, attr);
		(*hits)[nhits] = (struct crumb){ x, 0, (*hits)[i].node };
		x += screen_text(0, x, COLS - x, label[i], attr);
		(*hits)[nhits++].x1 = x;
	}
	for (int i = 0; i < depth; i++)
		free(label[i]);
	free(label);
	free(w);
	free(shortened);
	return nhits;
}

void tui_help_hint(char *buf, size_t cap)
{
	char keys[64];

	keymap_describe(ACT_HELP, keys, sizeof keys);
	keys[strcspn(keys, " ")] = '\0';
	if (!*keys) {
		snprintf(buf, cap, "%s", "");
		return;
	}
	/* TRANSLATORS: the status line hint; %s is the key that opens the help,
	 * e.g. "? help" (in Chinese "? 帮助"). */
	snprintf(buf, cap, _("%s help"), keys);
}

void tui_draw_status_fit(struct tui *t, const char *left, const char *const *right,
                         size_t nright)
{
	int attr = screen_attr(ROLE_STATUS), y = LINES - 1, rw = 0, lw;
	char *prompt = NULL, count[64];
	const char *r = nright ? right[nright - 1] : "";

	screen_blank(y, 0, COLS, attr);
	if (t->searching) {
		char *q = text_sanitize(t->query, strlen(t->query));

		left = prompt = xasprintf("/%s", q);
		free(q);
		snprintf(count, sizeof count, "%zu/%zu", t->match_rank, t->match_count);
		r = t->search_failed ? _("no match") : t->match_count ? count : "";
		nright = 0;
	} else if (t->message) {
		left = t->message;
	} else if (t->caption) {
		left = t->caption;
	}
	lw = text_width(left);
	for (size_t i = 0; i + 1 < nright; i++)
		if (lw + 1 + text_width(right[i]) <= COLS) {
			r = right[i];
			break;
		}
	if (*r) {
		int max = *left ? COLS / 2 : COLS;

		rw = text_width(r);
		rw = rw < max ? rw : max;
		screen_text_right(y, COLS - rw, rw, r, attr);
	}
	lw = COLS - rw - (rw ? 1 : 0);
	prompt_end = screen_text(y, 0, lw, left, attr);
	free(prompt);
}

void tui_draw_status(struct tui *t, const char *left, const char *right)
{
	tui_draw_status_fit(t, left, &right, 1);
}

void tui_push(struct tui *t, struct view *v)
{
	if (t->nviews == TUI_MAX_VIEWS)
		tui_pop(t);
	t->views[t->nviews++] = v;
}

void tui_pop(struct tui *t)
{
	struct view *v;

	if (t->nviews <= 1)
		return;
	v = t->views[--t->nviews];
	v->ops->free(v);
}

void tui_message(struct tui *t, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(t->message);
	t->message = text_sanitize(msg, strlen(msg));
	free(msg);
}

static void draw_too_small(void)
{
	char need[64];
	int y = LINES > 2 ? (LINES - 2) / 2 : 0;
	const char *msg = _("Terminal too small");
	int w = text_width(msg);

	snprintf(need, sizeof need, _("(at least %dx%d)"), SCREEN_MIN_COLS, SCREEN_MIN_ROWS);
	screen_text(y, w < COLS ? (COLS - w) / 2 : 0, COLS, msg, screen_attr(ROLE_WARNING));
	w = text_width(need);
	screen_text(y + 1, w < COLS ? (COLS - w) / 2 : 0, COLS, need, screen_attr(ROLE_ROW));
}

static void draw(struct tui *t)
{
	bool small = COLS < SCREEN_MIN_COLS || LINES < SCREEN_MIN_ROWS;
	struct view *top = t->views[t->nviews - 1];

	erase();
	if (small)
		draw_too_small();
	else
		top->ops->draw(top, t);
	if (t->searching && !small) {
		move(LINES - 1, prompt_end < COLS ? prompt_end : COLS - 1);
		curs_set(1);
	} else {
		curs_set(0);
	}
	if (!headless)
		refresh();
}

/* ---- search ---- */

/* Compares keys as the key map does (Enter and Backspace variants are
 * one key). */
static bool same_key(const struct key *a, const struct key *b)
{
	struct key x = key_normalize(a), y = key_normalize(b);

	return x.mouse == KM_NONE && y.mouse == KM_NONE && x.is_func == y.is_func &&
	       x.code == y.code;
}

static void search_update(struct tui *t)
{
	struct search_hit h;

	t->search_failed = false;
	t->match_count = 0;
	if (!t->query[0]) {
		tree_restore(t, &search_start.tree);
		return;
	}
	h = search_find(t->search, t->query,
	                search_start.tree.sel ? search_start.tree.sel : search_start.tree.cur, true,
	                &(struct search_order){ tree_kid_compare, t });
	t->search_failed = !h.node;
	t->match_rank = h.rank;
	t->match_count = h.count;
	if (h.node)
		tree_jump(t, h.node);
	else
		tree_restore(t, &search_start.tree);
}

static void say_no_match(struct tui *t)
{
	char *q = text_sanitize(t->query, strlen(t->query));

	tui_message(t, _("No match for \"%s\""), q);
	free(q);
}

/* Names the match (its code too, which the list may leave out). */
static void say_match(struct tui *t, size_t rank, size_t count)
{
	struct node *n = tree_selected(t);
	char *label = n ? tui_node_label(n) : xstrdup("");

	/* TRANSLATORS: the search found match 2 of 22, this code and name. */
	tui_message(t, _("Match %zu of %zu: %s"), rank, count, label);
	free(label);
}

static void search_step(struct tui *t, bool forward)
{
	struct tree_pos here;
	struct search_hit h;

	if (!t->query[0]) {
		tui_message(t, "%s", _("Nothing to look for yet: search first"));
		return;
	}
	while (t->nviews > 1)
		tui_pop(t);
	tree_save(t, &here);
	h = search_find(t->search, t->query, here.sel ? here.sel : here.cur, forward,
	                &(struct search_order){ tree_kid_compare, t });
	if (!h.node) {
		say_no_match(t);
		return;
	}
	tree_jump(t, h.node);
	t->show_matches = true;
	say_match(t, h.rank, h.count);
}

/* Opens the search line.  It shows the tree: the views above it are put
 * aside until the search closes. */
static void search_open(struct tui *t)
{
	search_start.nviews = t->nviews - 1;
	memcpy(search_start.views, t->views + 1,
	       (size_t)search_start.nviews * sizeof *search_start.views);
	t->nviews = 1;
	tree_save(t, &search_start.tree);
	memcpy(search_start.query, t->query, sizeof t->query);
	t->searching = true;
	t->search_failed = false;
	t->match_count = 0;
	t->query[0] = '\0';
}

/* Closes the search line.  At a match the tree stays there and the views
 * put aside are dropped; with no match, or when cancelled (Esc), the
 * browser is back where the search started, in the view it was in.  A
 * cancelled or empty search leaves the one before it to n and N, as in
 * vim. */
static void search_close(struct tui *t, bool cancel)
{
	bool stay = !cancel && t->match_count;

	t->searching = false;
	if (cancel || !t->query[0])
		memcpy(t->query, search_start.query, sizeof t->query);
	/* Without a match the tree is back already (search_update). */
	if (cancel && t->match_count)
		tree_restore(t, &search_start.tree);
	for (int i = 0; i < search_start.nviews; i++) {
		struct view *v = search_start.views[i];

		if (stay)
			v->ops->free(v);
		else
			t->views[t->nviews++] = v;
	}
	search_start.nviews = 0;
}

/* Enter: stay at the match.  With no text, the last search again, from
 * where this one started, as in less and vim. */
static void search_enter(struct tui *t)
{
	if (!t->query[0] && search_start.query[0]) {
		memcpy(t->query, search_start.query, sizeof t->query);
		search_update(t);
	}
	if (!t->query[0]) {
		tui_message(t, "%s", _("Nothing to look for yet: search first"));
	} else if (t->search_failed) {
		say_no_match(t);
	} else {
		t->show_matches = true;
		say_match(t, t->match_rank, t->match_count);
	}
	search_close(t, false);
}

static void handle_key(struct tui *t, const struct key *k);

/* A key while the search line is open. */
static void search_key(struct tui *t, const struct key *k)
{
	size_t len = strlen(t->query);
	uint32_t c = k->code;

	if (same_key(k, &k_esc)) {
		search_close(t, true);
	} else if (same_key(k, &k_enter)) {
		search_enter(t);
	} else if (same_key(k, &k_backspace)) {
		if (!len) {
			search_close(t, true);
			return;
		}
		while (len && ((unsigned char)t->query[len - 1] & 0xC0) == 0x80)
			len--;
		t->query[len ? len - 1 : 0] = '\0';
		search_update(t);
	} else if (!k->is_func && k->mouse == KM_NONE && c >= 0x20 && c != 0x7F &&
	           c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)) {
		if (len + 4 < sizeof t->query) {
			len += utf8_put(c, t->query + len);
			t->query[len] = '\0';
		}
		search_update(t);
	} else {
		/* Any other key closes the search line and does its usual job. */
		search_close(t, false);
		handle_key(t, k);
	}
}

/* ---- keys ---- */

static void global_action(struct tui *t, enum action a)
{
	const char *top = t->views[t->nviews - 1]->ops->name;

	switch (a) {
	case ACT_QUIT_ALL:
		t->quit = true;
		break;
	case ACT_QUIT:
	case ACT_BACK:
		tui_pop(t);
		break;
	case ACT_HELP:
		if (!strcmp(top, "help"))
			tui_pop(t);
		else
			tui_push(t, help_new());
		break;
	case ACT_FINDINGS:
		while (t->nviews > 1)
			tui_pop(t);
		tui_push(t, findings_new(t));
		break;
	case ACT_SEARCH:
		search_open(t);
		break;
	case ACT_NEXT:
	case ACT_PREV:
		search_step(t, a == ACT_NEXT);
		break;
	case ACT_UNIT:
		t->set.unit = t->set.unit == UNIT_WAN ? UNIT_YUAN : UNIT_WAN;
		for (int i = 0; i < t->nviews; i++)
			if (t->views[i]->ops->unit_changed)
				t->views[i]->ops->unit_changed(t->views[i], t);
		break;
	case ACT_REDRAW:
		if (!headless)
			clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static void handle_key(struct tui *t, const struct key *k)
{
	struct view *top = t->views[t->nviews - 1];
	enum action a;

	free(t->message);
	t->message = NULL;
	t->show_matches = false;
	if (k->mouse == KM_NONE && k->is_func && k->code == KEY_RESIZE)
		return;
	if (t->searching) {
		search_key(t, k);
		return;
	}
	a = keymap_lookup(k);
	/* The wheel scrolls unless the config gave it an action. */
	if (k->mouse != KM_NONE && a == ACT_NONE) {
		top->ops->mouse(top, t, k);
		return;
	}
	if (same_key(k, &k_esc) && t->nviews > 1) {
		tui_pop(t);
		return;
	}
	if (a != ACT_NONE && !top->ops->action(top, t, a))
		global_action(t, a);
}

/* Turns what get_wch returned into a key as key_parse would give it. */
static bool key_from_curses(int r, wint_t ch, struct key *k)
{
	MEVENT m;

	*k = (struct key){ .is_func = r == KEY_CODE_YES, .code = (uint32_t)ch };
	if (r != KEY_CODE_YES || ch != KEY_MOUSE)
		return true;
	if (getmouse(&m) != OK)
		return false;
	k->x = m.x;
	k->y = m.y;
	if (m.bstate & BUTTON1_DOUBLE_CLICKED)
		k->mouse = KM_DOUBLE;
	else if (m.bstate & BUTTON1_CLICKED)
		k->mouse = KM_CLICK;
	else if (m.bstate & BUTTON4_PRESSED)
		k->mouse = KM_WHEEL_UP;
	else if (m.bstate & BUTTON5_PRESSED)
		k->mouse = KM_WHEEL_DOWN;
	return k->mouse != KM_NONE;
}

static void parse_fixed_keys(void)
{
	const char *names[] = { "<Enter>", "<Esc>", "<Backspace>" };
	struct key *keys[] = { &k_enter, &k_esc, &k_backspace };

	for (int i = 0; i < 3; i++) {
		const char *p = names[i], *why;

		(void)key_parse(&p, keys[i], &why);   /* names keys.h defines */
	}
}

/* ---- running ---- */

static void on_signal(int sig)
{
	caught = sig;
}

static void catch_signals(bool on)
{
	static struct sigaction old_int, old_term;
	struct sigaction sa;

	if (!on) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		return;
	}
	/* No SA_RESTART: a signal interrupts get_wch, which returns ERR. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
}

/* After SIGINT or SIGTERM: restore the terminal, then die of the signal. */
static void check_signal(void)
{
	int sig = caught;

	if (!sig)
		return;
	screen_close();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

static void start(struct tui *t, struct budget *b, const struct settings *s)
{
	*t = (struct tui){ .b = b, .set = *s };
	parse_fixed_keys();
	t->search = search_new(b->root);
	if (b->ndepts > 1) {
		t->ndepts = b->ndepts;
		t->depts = tui_label_departments(b, 0);
	}
	tui_place_messages(t);
	tui_mark_ancestors(t);
	t->views[t->nviews++] = tree_new(t);
	if (text_locale_is_ascii())
		tui_message(t, _("Cannot show Chinese in this locale: %s"), _(LOCALE_HINT));
}

static void finish(struct tui *t)
{
	if (t->searching)   /* the views put aside go back, to be freed */
		search_close(t, true);
	while (t->nviews) {
		struct view *v = t->views[--t->nviews];

		v->ops->free(v);
	}
	search_free(t->search);
	free(t->marked);
	tui_dept_labels_free(t->depts, t->ndepts);
	free(t->places);
	free(t->message);
	free(t->caption);
}

/* Waits up to ms for a key; true when one came (a resize only redraws). */
static bool key_waiting(struct tui *t, int ms)
{
	wint_t ch;
	int r;

	timeout(ms);
	r = get_wch(&ch);
	check_signal();
	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		draw(t);
		return false;
	}
	return r != ERR;
}

static void play(struct tui *t, const struct script *sc, int delay_ms)
{
	for (size_t i = 0; i < sc->n && !t->quit; i++) {
		if (sc->v[i].caption) {
			free(t->caption);
			t->caption = xstrdup(sc->v[i].caption);
		} else {
			handle_key(t, &sc->v[i].key);
		}
		draw(t);
		if (key_waiting(t, delay_ms)) {
			free(t->caption);
			t->caption = NULL;
			tui_message(t, "%s", _("Playback stopped: the keys are yours"));
			draw(t);
			return;
		}
	}
	free(t->caption);
	t->caption = NULL;
	tui_message(t, "%s", _("End of the demonstration: the keys are yours"));
	draw(t);
}

static int run_tty(struct tui *t, struct budget *b, const struct settings *s,
                   const struct tui_options *o, const struct script *demo)
{
	char *why;

	catch_signals(true);
	if (!screen_open_tty(s, o->no_color, o->ascii, &why)) {
		complain(NULL, 0, "%s", why);
		free(why);
		catch_signals(false);
		return 2;
	}
	start(t, b, s);
	draw(t);
	if (demo)
		play(t, demo, o->delay_ms > 0 ? o->delay_ms : TUI_PLAY_DELAY_MS);
	while (!t->quit) {
		struct key k;
		wint_t ch;
		int r;

		check_signal();
		/* A signal between the check and the read would wait for a key:
		 * the timeout bounds that wait. */
		timeout(1000);
		r = get_wch(&ch);
		check_signal();
		if (r == ERR || !key_from_curses(r, ch, &k))
			continue;
		handle_key(t, &k);
		draw(t);
	}
	finish(t);
	screen_close();
	catch_signals(false);
	return 0;
}

static int run_headless(struct tui *t, struct budget *b, const struct settings *s,
                        const struct tui_options *o, const struct script *sc)
{
	char *why;
	bool ok;
	int err;

	if (o->cols < 1 || o->rows < 1 || o->cols > SCREEN_MAX || o->rows > SCREEN_MAX) {
		complain(NULL, 0, _("the screen size must be from 1x1 to %dx%d"),
		         SCREEN_MAX, SCREEN_MAX);
		return 2;
	}
	if (!screen_open_headless(o->cols, o->rows, s, o->ascii, &why)) {
		complain(NULL, 0, "%s", why);
		free(why);
		return 2;
	}
	start(t, b, s);
	draw(t);
	for (size_t i = 0; i < sc->n && !t->quit; i++) {
		if (sc->v[i].caption)
			continue;
		handle_key(t, &sc->v[i].key);
		draw(t);
	}
	ok = screen_print(o->out ? o->out : stdout);
	err = errno;
	finish(t);
	screen_close();
	if (!ok) {
		complain(NULL, 0, _("cannot write the screen: %s"), strerror(err));
		return 2;
	}
	return 0;
}

int tui_run(struct budget *b, const struct settings *s, const struct tui_options *o)
{
	struct script sc = {0};
	struct tui t;
	int rc;

	if (!b->root) {
		complain(NULL, 0, "%s", _("there is no budget to show"));
		return 2;
	}
	text_set_ambiguous_width(s->ambiguous_width);
	headless = o->headless;
	if (headless ? !add_keys(&sc, o->keys ? o->keys : "")
	    : o->play_file && !load_play_file(&sc, o->play_file)) {
		script_free(&sc);
		return 2;
	}
	rc = headless ? run_headless(&t, b, s, o, &sc)
	     : run_tty(&t, b, s, o, o->play_file ? &sc : NULL);
	script_free(&sc);
	return rc;
}
