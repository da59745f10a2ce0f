/* Performance indicator values (指标值): the text is kept verbatim by the
 * caller; this reads a comparison, a number and a unit out of it where it
 * states a measured value ("≥90%", "≤57500元", "约 79%", "6000元/人").
 * Stateless; nothing is allocated. */
#ifndef YUSUAN_INDICATOR_H
#define YUSUAN_INDICATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ind_cmp { CMP_NONE, CMP_EQ, CMP_GE, CMP_LE, CMP_GT, CMP_LT };

struct ind_value {
	enum ind_cmp cmp;    /* CMP_EQ when the text has a number but no sign */
	bool has_number;
	int64_t number;      /* the value is number × 10^-scale */
	uint8_t scale;       /* decimals as written: "100.00%" → 10000, 2 */
	char unit[32];       /* UTF-8, full-width forms folded: "%", "元/人" */
	bool approx;         /* written with 约 or ≈ */
};

/* Parses s (UTF-8, NUL-terminated).  A measured value is: an optional 约
 * or ≈; an optional comparison (≥ ≤ > < ≧ ≦ >= <= =, full-width too, or a
 * word such as 不低于); a number of at most 15 digits, thousands
 * separators allowed; a unit of at most 31 bytes without digits, not
 * starting with ASCII punctuation other than %, which may end in
 * 以上/以下/以内 as the comparison.  Anything else ("及时",
 * "1-12 月", "2023123120231231") gives an all-zero *out: has_number
 * false, cmp CMP_NONE. */
void ind_value_parse(const char *s, struct ind_value *out);

/* Writes a measured value for display: "≥ 90 %", "≈ 79 %", "12", "" when
 * has_number is false.  IND_VALUE_FMT_SIZE bytes suffice for any value
 * from ind_value_parse; a smaller cap truncates (NUL-terminated if
 * cap > 0). */
#define IND_VALUE_FMT_SIZE 64
void ind_value_format(const struct ind_value *v, char *buf, size_t cap);

#endif
