/* The national expenditure classification (政府收支分类科目): codes and
 * their standard names, read at start from a data file
 * (data/classification.tsv, installed in PKGDATADIR).
 *
 * Used to name the 类 and 款 a table leaves unnamed, and to report codes
 * that the standard does not know, that have the wrong length, or that a
 * table names differently.  Codes are normalised strings of ASCII digits
 * (see code.h).  The classification owns its names; they stay valid until
 * classification_free.  Lookups are binary searches: no allocation. */
#ifndef YUSUAN_CLASSIFICATION_H
#define YUSUAN_CLASSIFICATION_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

struct classification;

enum code_scheme {
	SCHEME_FUNC,    /* 支出功能分类: 类 3 digits, 款 5, 项 7 */
	SCHEME_ECON,    /* 部门预算支出经济分类: 类 3 digits, 款 5 */
	SCHEME_GECON,   /* 政府预算支出经济分类: 类 3 digits, 款 5 */
};

enum cls_result {
	CLS_OK,          /* known, and named as the standard names it */
	CLS_UNKNOWN,     /* the right length, but not in the standard */
	CLS_BAD_LENGTH,  /* not 3/5/7 (func), 3/5 (econ, gecon) ASCII digits */
	CLS_OTHER_NAME,  /* known, but the standard names it differently */
};

/* Reads the data file (format in its header comment).  Bad lines and
 * repeated codes (the first is kept) are skipped with a message naming
 * file:line; a 款 or 项 whose parent is missing is kept, with a message.
 * Returns NULL, with a message, when the file cannot be read. */
struct classification *classification_load(const char *path,
                                           struct diags *d);
void classification_free(struct classification *c);

/* The year of the edition, from a "# year: 2023" comment; 0 if absent. */
int classification_year(const struct classification *c);

/* The standard name of a code; NULL when unknown (or code is NULL). */
const char *classification_name(const struct classification *c,
                                enum code_scheme s, const char *code);

/* Checks a published code and name.  Names are compared ignoring spaces
 * (ASCII, tab, no-break, U+3000), the width of brackets (（）and ()) and
 * a trailing 支出; a NULL or empty published name is not compared.
 * *std_name (when std_name is not NULL) gets the standard name of a known
 * code, NULL otherwise. */
enum cls_result classification_check(const struct classification *c,
                                     enum code_scheme s, const char *code,
                                     const char *published_name,
                                     const char **std_name);

/* The function 类 (3 digits) whose standard name is name (compared as
 * classification_check does): writes its code into out.  For tables that
 * name a 类 in words ("社会保障和就业"). */
bool classification_find_class(const struct classification *c, const char *name,
                               char *out, size_t cap);

/* Where the data file is: $YUSUAN_DATADIR/classification.tsv when
 * YUSUAN_DATADIR is set and not empty, else PKGDATADIR/classification.tsv.
 * Returns a malloc'd path (free it). */
char *classification_default_path(void);

#endif
