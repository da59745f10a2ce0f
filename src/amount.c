#include "config.h"

#include "amount.h"
#include "i18n.h"
#include "text.h"

#include <string.h>

#define YEN 0xA5
#define FULLWIDTH_YEN 0xFFE5

int32_t cell_char(const char *p, const char *end, size_t *len)
{
	uint32_t c;

	if (p == end) {
		*len = 0;
		return CELL_END;
	}
	*len = utf8_next(p, (size_t)(end - p), &c);
	if (c >= 0xFF01 && c <= 0xFF5E)
		return (int32_t)(c - 0xFEE0);
	if (c == 0x3000 || c == 0xA0)
		return ' ';
	return (int32_t)c;
}

void cell_trim(const char **s, size_t *n)
{
	size_t len;

	while (*n > 0) {
		int32_t c = cell_char(*s, *s + *n, &len);
		if (c != ' ' && c != '\t')
			break;
		*s += len;
		*n -= len;
	}
	while (*n > 0) {
		const char *e = *s + *n;
		if (e[-1] == ' ' || e[-1] == '\t')
			*n -= 1;
		else if (*n >= 3 && memcmp(e - 3, "\xE3\x80\x80", 3) == 0)
			*n -= 3;
		else if (*n >= 2 && memcmp(e - 2, "\xC2\xA0", 2) == 0)
			*n -= 2;
		else
			break;
	}
}

/* "No figure" as the sheets write it: a lone hyphen or dash. */
static bool is_no_figure(const char *s, size_t n)
{
	static const char *const dashes[] = {
		"-", "\xEF\xBC\x8D" /* － */, "\xE2\x80\x94" /* — */,
		"\xE2\x80\x93" /* – */, "\xE2\x80\x94\xE2\x80\x94" /* —— */,
	};
	if (n == 0)
		return true;
	for (size_t i = 0; i < sizeof dashes / sizeof *dashes; i++)
		if (strlen(dashes[i]) == n && memcmp(dashes[i], s, n) == 0)
			return true;
	return false;
}

struct cursor {
	const char *p, *end;
	size_t len;          /* bytes of the character last peeked */
};

static int32_t peek(struct cursor *c)
{
	return cell_char(c->p, c->end, &c->len);
}

static int32_t next(struct cursor *c)
{
	c->p += c->len;
	return peek(c);
}

/* Whether the rest, from c on, is an exponent: [+-]digits, then the end or
 * a closing parenthesis. */
static bool is_exponent(struct cursor c)
{
	int32_t ch = peek(&c);
	bool digits = false;

	if (ch == '+' || ch == '-')
		ch = next(&c);
	while (ch >= '0' && ch <= '9') {
		digits = true;
		ch = next(&c);
	}
	return digits && (ch == CELL_END || ch == ')');
}

/* Whether only a closing parenthesis or nothing follows c. */
static bool at_tail(struct cursor c)
{
	int32_t ch = peek(&c);

	return ch == CELL_END || (ch == ')' && next(&c) == CELL_END);
}

/* Translates the reason only when asked for it: telling text cells from
 * figures fails on most cells of a sheet. */
static enum amount_status bad(const char **why, const char *msgid)
{
	if (why)
		*why = _(msgid);
	return AMOUNT_BAD;
}

enum amount_status amount_parse(const char *s, size_t n, enum amount_unit unit,
                                int64_t *fen, const char **why)
{
	const size_t places = unit == UNIT_WAN ? 6 : 2;
	struct cursor cur;
	bool neg = false, sign = false, paren = false, currency = false;
	bool point = false, excess = false, overflow = false;
	size_t digits = 0, frac = 0;
	int group = -1;      /* digits since the last ',', -1 before any */
	uint64_t mant = 0;   /* the digits read, as an integer */
	int32_t c;

	if (why)
		*why = NULL;
	cell_trim(&s, &n);
	if (is_no_figure(s, n))
		return AMOUNT_NONE;
	if (s[0] == '#')
		/* TRANSLATORS: a cell such as #DIV/0! or #N/A. */
		return bad(why, N_("a spreadsheet error value, not an amount"));

	cur = (struct cursor){ .p = s, .end = s + n };
	for (c = peek(&cur);;) {
		if (c == YEN || c == FULLWIDTH_YEN) {
			if (currency)
				return bad(why, N_("more than one currency sign"));
			currency = true;
			do
				c = next(&cur);
			while (c == ' ');
			continue;
		}
		if (c == '-' || c == '+') {
			if (paren)
				return bad(why, N_("a sign inside parentheses"));
			if (sign)
				return bad(why, N_("more than one sign"));
			sign = true;
			neg = c == '-';
		} else if (c == '(') {
			if (sign)
				return bad(why, N_("a sign before parentheses"));
			if (paren)
				return bad(why, N_("unbalanced parentheses"));
			paren = neg = true;
		} else {
			break;
		}
		c = next(&cur);
	}

	for (;; c = next(&cur)) {
		if (c >= '0' && c <= '9') {
			digits++;
			if (point && ++frac > places) {
				excess |= c != '0';
				continue;
			}
			if (!point && group >= 0 && ++group > 3)
				return bad(why, N_("misplaced thousands separator"));
			if (mant > (AMOUNT_FEN_MAX - (uint64_t)(c - '0')) / 10)
				overflow = true;
			else
				mant = mant * 10 + (uint64_t)(c - '0');
		} else if (c == ',') {
			if (point || digits == 0 || (group < 0 ? digits > 3 : group != 3))
				return bad(why, N_("misplaced thousands separator"));
			group = 0;
		} else if (c == '.') {
			if (point)
				return bad(why, N_("more than one decimal point"));
			point = true;
		} else if ((c == 'E' || c == 'e') && digits > 0) {
			next(&cur);
			if (is_exponent(cur))
				return bad(why, N_("scientific notation, not an exact amount"));
			return bad(why, N_("not a number"));
		} else if (c == '%' && digits > 0) {
			next(&cur);
			if (at_tail(cur))
				return bad(why, N_("a percentage, not an amount"));
			return bad(why, N_("not a number"));
		} else if (c == ' ' || c == '\t') {
			return bad(why, N_("a space inside the number"));
		} else if (c == ')' || c == CELL_END) {
			break;
		} else {
			return bad(why, N_("not a number"));
		}
	}

	if (c == ')') {
		if (!paren)
			return bad(why, N_("unbalanced parentheses"));
		if (next(&cur) != CELL_END)
			return bad(why, N_("not a number"));
		if (digits == 0 && !point)
			return bad(why, N_("empty parentheses"));
	} else if (paren) {
		return bad(why, N_("unbalanced parentheses"));
	}
	if (digits == 0)
		return bad(why, N_("not a number"));
	if (group >= 0 && group != 3)
		return bad(why, N_("misplaced thousands separator"));
	if (excess)
		return bad(why, N_("too many decimal places: finer than 0.01 yuan"));

	for (size_t i = frac < places ? frac : places; i < places; i++) {
		if (mant > AMOUNT_FEN_MAX / 10) {
			overflow = true;
			break;
		}
		mant *= 10;
	}
	if (overflow)
		return bad(why, N_("the amount is too large"));
	*fen = neg ? -(int64_t)mant : (int64_t)mant;
	return AMOUNT_OK;
}

int64_t amount_add(int64_t a, int64_t b)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return a > 0 ? INT64_MAX : -INT64_MAX;
	return r == INT64_MIN ? -INT64_MAX : r;
}

size_t amount_format(int64_t fen, enum amount_unit unit, bool grouping,
                     char *buf, size_t cap)
{
	uint64_t mag = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;
	/* Hundredths of the unit: 万元 rounds 分 half away from zero. */
	uint64_t cents = unit == UNIT_WAN ? (mag + 5000) / 10000 : mag;
	bool minus = fen < 0 && cents > 0;
	char tmp[AMOUNT_FMT_SIZE];
	char *p = tmp + sizeof tmp;
	size_t len;

	*--p = '\0';
	*--p = (char)('0' + cents % 10);
	*--p = (char)('0' + cents / 10 % 10);
	*--p = '.';
	cents /= 100;
	for (int i = 0;; i++) {
		if (grouping && i > 0 && i % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + cents % 10);
		cents /= 10;
		if (cents == 0)
			break;
	}
	if (minus)
		*--p = '-';

	len = strlen(p);
	if (cap > 0) {
		size_t k = len < cap ? len : cap - 1;
		memcpy(buf, p, k);
		buf[k] = '\0';
	}
	return len;
}
