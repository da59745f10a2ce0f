#include "config.h"

#include "code.h"
#include "amount.h"
#include "i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum scan { SCAN_EMPTY, SCAN_DIGITS, SCAN_SCIENTIFIC, SCAN_BAD };

/* The digits of a cell: n counts them all, s holds the first CODE_SIZE-1. */
struct digits {
	char s[CODE_SIZE];
	size_t n;
};

static bool is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

/* Reads digits[.zeros] or scientific notation, spaces around. */
static enum scan scan(const char *s, struct digits *d)
{
	size_t n = s ? strlen(s) : 0, len, frac = 0;
	const char *end;
	bool point = false, nonzero = false;
	int32_t c;

	d->n = 0;
	d->s[0] = '\0';
	if (n == 0)
		return SCAN_EMPTY;
	cell_trim(&s, &n);
	if (n == 0)
		return SCAN_EMPTY;
	end = s + n;

	for (c = cell_char(s, end, &len); is_digit(c); c = cell_char(s += len, end, &len)) {
		if (d->n < CODE_SIZE - 1)
			d->s[d->n] = (char)c;
		d->n++;
	}
	d->s[d->n < CODE_SIZE - 1 ? d->n : CODE_SIZE - 1] = '\0';
	if (d->n == 0)
		return SCAN_BAD;
	if (c == '.') {
		point = true;
		for (c = cell_char(s += len, end, &len); is_digit(c); c = cell_char(s += len, end, &len)) {
			frac++;
			nonzero |= c != '0';
		}
	}
	if (c == 'E' || c == 'e') {
		bool exp = false;
		c = cell_char(s += len, end, &len);
		if (c == '+' || c == '-')
			c = cell_char(s += len, end, &len);
		for (; is_digit(c); c = cell_char(s += len, end, &len))
			exp = true;
		return exp && s == end ? SCAN_SCIENTIFIC : SCAN_BAD;
	}
	if (s != end || (point && frac == 0) || nonzero)
		return SCAN_BAD;
	return SCAN_DIGITS;
}

static bool fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return false;
}

/* Scans one cell; an empty cell gives zero digits. */
static bool read_cell(const char *s, struct digits *d, const char **why)
{
	switch (scan(s, d)) {
	case SCAN_EMPTY:
	case SCAN_DIGITS:
		return true;
	case SCAN_SCIENTIFIC:
		return fail(why, _("the code was turned into a number in scientific "
		                   "notation by the spreadsheet; re-export it as text"));
	case SCAN_BAD:
		break;
	}
	return fail(why, _("not a code: a code has digits only"));
}

static bool emit(const char *code, char *out, size_t cap, const char **why)
{
	if (strlen(code) >= cap)
		return fail(why, _("the code is too long"));
	strcpy(out, code);
	return true;
}

/* Appends a 款 or 项 of one or two digits as two. */
static void append2(char *buf, const struct digits *d)
{
	if (d->n == 1)
		strcat(buf, "0");
	strcat(buf, d->s);
}

bool code_func_split(const char *lei, const char *kuan, const char *xiang,
                     char *out, size_t cap, const char **why)
{
	struct digits l, k, x;
	char buf[CODE_SIZE];

	if (!read_cell(lei, &l, why) || !read_cell(kuan, &k, why) ||
	    !read_cell(xiang, &x, why))
		return false;
	if (l.n != 3)
		return fail(why, _("a function class (类) code has 3 digits"));
	if (k.n > 2)
		return fail(why, _("a section (款) code has 2 digits"));
	if (x.n > 2)
		return fail(why, _("an item (项) code has 2 digits"));
	if (k.n == 0 && x.n > 0)
		return fail(why, _("an item (项) code without a section (款) code"));
	strcpy(buf, l.s);
	if (k.n > 0)
		append2(buf, &k);
	if (x.n > 0)
		append2(buf, &x);
	return emit(buf, out, cap, why);
}

bool code_func_joined(const char *s, char *out, size_t cap, const char **why)
{
	struct digits d;

	if (!read_cell(s, &d, why))
		return false;
	if (d.n != 3 && d.n != 5 && d.n != 7)
		return fail(why, _("a function code has 3, 5 or 7 digits"));
	return emit(d.s, out, cap, why);
}

bool code_econ_split(const char *lei, const char *kuan,
                     char *out, size_t cap, const char **why)
{
	struct digits l, k;
	char buf[CODE_SIZE];

	if (!read_cell(lei, &l, why) || !read_cell(kuan, &k, why))
		return false;
	if (l.n != 3)
		return fail(why, _("an economic class (类) code has 3 digits"));
	if (k.n > 2)
		return fail(why, _("a section (款) code has 2 digits"));
	strcpy(buf, l.s);
	if (k.n > 0)
		append2(buf, &k);
	return emit(buf, out, cap, why);
}

bool code_econ_joined(const char *s, char *out, size_t cap, const char **why)
{
	struct digits d;

	if (!read_cell(s, &d, why))
		return false;
	if (d.n != 3 && d.n != 5)
		return fail(why, _("an economic code has 3 or 5 digits"));
	return emit(d.s, out, cap, why);
}

int code_level(const char *normalised)
{
	size_t n = strspn(normalised, "0123456789");

	if (normalised[n] != '\0')
		return 0;
	switch (n) {
	case 3: return 1;
	case 5: return 2;
	case 7: return 3;
	}
	return 0;
}

void code_parent(const char *code, char *out, size_t cap)
{
	static const int parent_len[] = { 0, 0, 3, 5 };

	if (cap > 0)
		snprintf(out, cap, "%.*s", parent_len[code_level(code)], code);
}

bool code_unit(const char *s, char *out, size_t cap, const char **why)
{
	struct digits d;

	if (!read_cell(s, &d, why))
		return false;
	if (d.n == 3 || d.n == 6)
		return emit(d.s, out, cap, why);
	if (d.n > 0 && d.n < 6)
		return fail(why, _("a unit code has 3 or 6 digits; this one has "
		                   "probably lost its leading zeros in the "
		                   "spreadsheet: re-export the column as text"));
	return fail(why, _("a unit code has 3 or 6 digits"));
}

bool code_project(const char *s, char *out, size_t cap, const char **why)
{
	struct digits d;

	if (!read_cell(s, &d, why))
		return false;
	if (d.n < 6 || d.n > 32)
		return fail(why, _("a project code has 6 to 32 digits"));
	return emit(d.s, out, cap, why);
}

bool code_looks_like(const char *s)
{
	struct digits d;
	enum scan r = scan(s, &d);

	return r == SCAN_DIGITS || r == SCAN_SCIENTIFIC;
}
