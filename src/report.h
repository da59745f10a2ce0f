/* Text output for tools and people: the whole tree (--dump), the findings
 * (--check), and messages as file:record: severity: text.  Every string
 * from a file is sanitised (text.h), so a report printed to a terminal can
 * never drive it. */
#ifndef YUSUAN_REPORT_H
#define YUSUAN_REPORT_H

#include "budget.h"

#include <stdio.h>

/* One node per line, tab-separated, after the header line
 * "kind\tcode\tname\tamount\tvalue\tpath"; amounts in 万元, two decimals. */
void report_dump(FILE *out, const struct budget *b);

/* The loading messages, one per line. */
void report_messages(FILE *out, const struct diags *d);

/* Every finding, then a summary line with the counts.  Returns the number
 * of errors and warnings. */
size_t report_check(FILE *out, const struct budget *b);

#endif
