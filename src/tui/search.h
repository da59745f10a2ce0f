/* Searching codes and names across the whole tree.
 *
 * The index holds the nodes in the model's preorder from the root (the
 * root itself is not searched); the browser never reorders the model's
 * kids, so the index stays valid while the model lives.  It is built
 * once, at the first search: for each node in that order, ids of its code
 * and name and the size of its subtree, and each distinct string folded
 * once (12 bytes a node, plus the strings).  A subtree is thus a range of
 * positions.  A new query scans the distinct strings, then the ids; a
 * query that contains the previous one (a letter typed) re-checks only
 * the previous matches.  The matches are kept as ascending positions, so
 * whether a subtree holds one is a binary search.
 *
 * Stepping goes in view order: the preorder of the tree in which every
 * node's kids come in the order the list shows them (a search_order), so
 * that the next match is the next one down the screen; with kids in
 * model order, view order is the model's preorder.  A step looks only at
 * the kids of the nodes on the paths from where it starts and to the
 * match, each list a few times over without sorting it, and skips every
 * subtree without a match.  Nothing is allocated after the build.
 * A query matches a node whose code or name contains it, ASCII letters
 * compared without case. */
#ifndef YUSUAN_TUI_SEARCH_H
#define YUSUAN_TUI_SEARCH_H

#include "budget.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct search;

/* The order in which a node's kids are listed. */
struct search_order {
	/* Negative when n's kid a (an index into n->kids) is listed before
	 * kid b, positive when after; 0 only when a is b. */
	int (*compare)(const struct node *n, uint32_t a, uint32_t b, const void *ctx);
	const void *ctx;
};

struct search_hit {
	struct node *node;   /* NULL when nothing matches */
	size_t rank;         /* 1-based position of node among the matches,
	                        in view order */
	size_t count;        /* how many nodes match */
};

/* Where query first occurs in text, ASCII letters compared without case;
 * NULL when it does not (or query is empty). */
const char *search_in(const char *text, const char *query);

/* root and the tree under it must outlive s and not change. */
struct search *search_new(struct node *root);
void search_free(struct search *s);

/* The first match after `from` in view order (before it, backwards),
 * wrapping around; `from` itself is found last.  from may be NULL or the
 * root: the search then starts at the top.  order NULL: the model's
 * order. */
struct search_hit search_find(struct search *s, const char *query,
                              const struct node *from, bool forward,
                              const struct search_order *order);

#endif
