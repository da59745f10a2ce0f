/* Amounts: strict parsing of amount cells and formatting for display.
 *
 * An amount is an exact int64_t count of 分 (0.01 元); a table states its
 * figures in 万元 (1 万元 = 1,000,000 分) or in 元.  No floating point
 * anywhere.  The functions keep no state and allocate nothing.
 *
 * Also here: the two character helpers that all cell parsers (amount.c,
 * code.c, indicator.c) share. */
#ifndef YUSUAN_AMOUNT_H
#define YUSUAN_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum amount_unit { UNIT_WAN, UNIT_YUAN };

enum amount_status {
	AMOUNT_OK,      /* *fen holds the value */
	AMOUNT_NONE,    /* no figure: empty, spaces only, or a dash */
	AMOUNT_BAD,     /* not an amount: *why says why */
};

/* The largest magnitude accepted, in 分 (9e17). */
#define AMOUNT_FEN_MAX INT64_C(900000000000000000)

/* Parses the n bytes at s (UTF-8, need not be NUL-terminated; a NUL byte
 * is just a bad character).  Accepts spaces around (as cell_trim),
 * a sign, a leading ￥ or ¥, thousands separators in groups of three,
 * parentheses for a negative figure, and the full-width forms of all of
 * these.  At most 6 decimals in 万元 and 2 in 元 (more are accepted only
 * when they are zeros).  *fen is set only on AMOUNT_OK.  *why (may be
 * NULL) is set to a translated static string on AMOUNT_BAD and to NULL
 * otherwise. */
enum amount_status amount_parse(const char *s, size_t n, enum amount_unit unit,
                                int64_t *fen, const char **why);

/* a + b, saturating at ±INT64_MAX: sums of crafted figures (each at most
 * AMOUNT_FEN_MAX) must not overflow into nonsense or undefined behaviour.
 * A saturated sum never equals a real one, so checks still flag it. */
int64_t amount_add(int64_t a, int64_t b);

/* Writes fen as a figure in the given unit with two decimals (万元: rounded
 * half away from zero from the 分), "-" in front when negative (not when
 * it rounds to 0.00), "," between groups of three integer digits when
 * grouping.  Like snprintf: returns the full length, writes at most cap
 * bytes including the NUL.  AMOUNT_FMT_SIZE bytes always suffice. */
#define AMOUNT_FMT_SIZE 32
size_t amount_format(int64_t fen, enum amount_unit unit, bool grouping,
                     char *buf, size_t cap);

/* The character at p, before end, as a code point, with the full-width
 * forms U+FF01..U+FF5E (０-９ ％ （ ， － …) folded to their ASCII twins and
 * U+3000 and U+00A0 (no-break space) to ' '.  *len gets the bytes it
 * spans.  Malformed UTF-8 gives U+FFFD for one byte (as utf8_next);
 * p == end gives CELL_END with *len = 0. */
#define CELL_END (-2)
int32_t cell_char(const char *p, const char *end, size_t *len);

/* Narrows [*s, *s + *n) to drop spaces, tabs, U+3000 and U+00A0 at both
 * ends (as the sheet reader trims cells). */
void cell_trim(const char **s, size_t *n);

#endif
