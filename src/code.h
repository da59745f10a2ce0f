/* Classification, unit and project codes: cell text to a normalised string
 * of ASCII digits.
 *
 * Cells may hold spaces around, full-width digits, or an Excel number
 * format tail ("201.0" is 201).  A code the spreadsheet turned into
 * scientific notation ("4.117E+20") has lost digits and is refused, as is
 * anything else that would need guessing.  The functions keep no state and
 * allocate nothing; on false, *why (may be NULL) gets a translated static
 * string and out is left unspecified.  An out buffer of CODE_SIZE bytes
 * always suffices; a smaller cap that cannot hold the code gives false.
 * NULL cells are taken as empty. */
#ifndef YUSUAN_CODE_H
#define YUSUAN_CODE_H

#include <stdbool.h>
#include <stddef.h>

#define CODE_SIZE 33    /* the longest code (a project's) and its NUL */

/* Function classification (支出功能分类) from three columns: 类 (3 digits),
 * 款 and 项 (1-2 digits each, zero-padded to 2; Excel drops the zero).
 * 款 and 项 may be empty, not 项 alone: "208","1","1" -> "2080101",
 * "208","","" -> "208". */
bool code_func_split(const char *lei, const char *kuan, const char *xiang,
                     char *out, size_t cap, const char **why);

/* Function classification from one column: 3, 5 or 7 digits. */
bool code_func_joined(const char *s, char *out, size_t cap, const char **why);

/* Economic classification (经济分类) from two columns: 类 (3 digits) and an
 * optional 款 (1-2 digits, zero-padded): "302","99" -> "30299". */
bool code_econ_split(const char *lei, const char *kuan,
                     char *out, size_t cap, const char **why);

/* Economic classification from one column: 3 or 5 digits. */
bool code_econ_joined(const char *s, char *out, size_t cap, const char **why);

/* Level of a normalised classification code: 1 for 类 (3 digits), 2 for
 * 款 (5), 3 for 项 (7), 0 for anything else. */
int code_level(const char *normalised);

/* The 类 of a 款, the 款 of a 项; "" for anything else. */
void code_parent(const char *code, char *out, size_t cap);

/* Unit code: 3 digits for the department, 6 for a unit under it ("028",
 * "028001"); leading zeros kept.  Other lengths are refused: a short code
 * has probably lost its leading zeros, and padding would be a guess. */
bool code_unit(const char *s, char *out, size_t cap, const char **why);

/* Project code: 6 to 32 digits, kept as text. */
bool code_project(const char *s, char *out, size_t cap, const char **why);

/* Whether a cell looks like a code of any kind (digits, possibly spoilt
 * by scientific notation): tells data rows from label rows. */
bool code_looks_like(const char *s);

#endif
