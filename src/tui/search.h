/* Searching codes and names across the whole tree.
 *
 * Tree order is the model's preorder from the root (the root itself is not
 * searched); the browser never reorders the model's kids, so the index
 * stays valid while the model lives.  The index is built once, at the
 * first search: the nodes in tree order with ids of their code and name,
 * and each distinct string folded once (16 bytes a node, plus the
 * strings).  A new query scans the distinct strings, then the ids; a query
 * that contains the previous one (a letter typed) re-checks only the
 * previous matches; stepping to another match is a binary search.  No
 * allocation after the build.
 * A query matches a node whose code or name contains it, ASCII letters
 * compared without case. */
#ifndef YUSUAN_TUI_SEARCH_H
#define YUSUAN_TUI_SEARCH_H

#include "budget.h"

#include <stdbool.h>
#include <stddef.h>

struct search;

struct search_hit {
	struct node *node;   /* NULL when nothing matches */
	size_t rank;         /* 1-based position of node among the matches */
	size_t count;        /* how many nodes match */
};

/* Where query first occurs in text, ASCII letters compared without case;
 * NULL when it does not (or query is empty). */
const char *search_in(const char *text, const char *query);

/* root and the tree under it must outlive s and not change. */
struct search *search_new(struct node *root);
void search_free(struct search *s);

/* The first match after `from` in tree order (before it, backwards),
 * wrapping around; `from` itself is found last.  from may be NULL or the
 * root: the search then starts at the top. */
struct search_hit search_find(struct search *s, const char *query,
                              const struct node *from, bool forward);

#endif
