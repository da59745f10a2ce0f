/* Loading: paths → packages → files → sheets → the model.
 *
 * Each package (folder) becomes one department.  Its files are decoded,
 * parsed and recognised first; then the tables are read in a fixed order
 * (totals before details, projects before their indicators), so the model
 * does not depend on file names or their order.  Messages go to
 * b->diags as file:record.
 *
 * Packages are read and built on every core (up to 8), each package by
 * one thread; the model and the messages are the same as with one
 * thread, in the same order.  Every file found gets its index in
 * b->files, in package order, whether it could be read or not. */
#ifndef YUSUAN_LOAD_H
#define YUSUAN_LOAD_H

#include "budget.h"
#include "classification.h"
#include "encoding.h"

#include <stdbool.h>
#include <stddef.h>

struct load_options {
	enum encoding encoding;             /* ENC_AUTO: detect per file */
	const struct classification *cls;   /* may be NULL */
	/* Runs the checks (checks.h) on each department as soon as it is
	 * built, while its nodes are still in the cache; the findings come
	 * out as checks_run would give them. */
	bool check;
};

/* Loads every path into b (budget_init'ed).  Returns the number of
 * departments that got at least one table. */
size_t load_paths(struct budget *b, char *const *paths, size_t npaths,
                  const struct load_options *o);

#endif
