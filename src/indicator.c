#include "config.h"

#include "indicator.h"
#include "amount.h"

#include <stdio.h>
#include <string.h>

/* A spreadsheet keeps 15 significant digits; longer runs of digits in an
 * indicator are dates or codes ("2023123120231231"), not measurements. */
#define MAX_DIGITS 15

struct word {
	const char *text;
	enum ind_cmp cmp;
};

/* Comparisons written before the number; ASCII and full-width
 * > < = are read separately. */
static const struct word prefixes[] = {
	{ "≥", CMP_GE }, { "≧", CMP_GE }, { "≤", CMP_LE }, { "≦", CMP_LE },
	{ "不低于", CMP_GE }, { "不少于", CMP_GE }, { "不小于", CMP_GE },
	{ "不高于", CMP_LE }, { "不多于", CMP_LE }, { "不大于", CMP_LE },
	{ "不超过", CMP_LE },
	{ "大于", CMP_GT }, { "高于", CMP_GT }, { "多于", CMP_GT }, { "超过", CMP_GT },
	{ "小于", CMP_LT }, { "低于", CMP_LT }, { "少于", CMP_LT },
};

static const char *const approx_words[] = { "约", "≈" };

/* Written after the unit: "90%以上". */
static const struct word suffixes[] = {
	{ "以上", CMP_GE }, { "以下", CMP_LE }, { "以内", CMP_LE },
};

static bool is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

static bool is_ascii_letter(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool digit_at(const char *p, const char *end)
{
	size_t len;

	return is_digit(cell_char(p, end, &len));
}

/* Whether exactly three digits follow p: a thousands group. */
static bool group_at(const char *p, const char *end)
{
	size_t len;

	for (int i = 0; i < 3; i++) {
		if (!is_digit(cell_char(p, end, &len)))
			return false;
		p += len;
	}
	return !digit_at(p, end);
}

static void skip_spaces(const char **p, const char *end)
{
	size_t len;

	while (cell_char(*p, end, &len) == ' ')
		*p += len;
}

static bool starts_with(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

static enum ind_cmp read_cmp(const char **p, const char *end)
{
	size_t len, len2;
	int32_t c = cell_char(*p, end, &len);

	if (c == '>' || c == '<' || c == '=') {
		*p += len;
		if (c != '=' && cell_char(*p, end, &len2) == '=') {
			*p += len2;
			return c == '>' ? CMP_GE : CMP_LE;
		}
		return c == '>' ? CMP_GT : c == '<' ? CMP_LT : CMP_EQ;
	}
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		if (starts_with(*p, end, prefixes[i].text)) {
			*p += strlen(prefixes[i].text);
			return prefixes[i].cmp;
		}
	}
	return CMP_NONE;
}

/* Copies the unit [p, end) to unit with full-width forms folded; false
 * when it is not a unit: too long, malformed, a control character, a
 * digit, or ASCII punctuation first ("-12 月" of a range, ".5.1"). */
static bool copy_unit(const char *p, const char *end, char unit[32])
{
	size_t n = 0, len;
	int32_t c;

	c = cell_char(p, end, &len);
	if (c >= 0 && c < 0x80 && c != '%' && !is_ascii_letter(c))
		return false;
	for (; c != CELL_END; p += len, c = cell_char(p, end, &len)) {
		if (c == 0xFFFD || is_digit(c) || c < 0x20 || c == 0x7F)
			return false;
		if (c < 0x80) {
			if (n + 1 > 31)
				return false;
			unit[n++] = (char)c;
		} else {
			if (n + len > 31)
				return false;
			memcpy(unit + n, p, len);
			n += len;
		}
	}
	unit[n] = '\0';
	return true;
}

void ind_value_parse(const char *s, struct ind_value *out)
{
	struct ind_value v = { 0 };
	size_t n = strlen(s), len;
	const char *p, *end;
	bool neg = false, point = false;
	int digits = 0, run = 0, groups = 0;
	int32_t c;

	*out = v;
	cell_trim(&s, &n);
	p = s;
	end = s + n;
	for (size_t i = 0; i < sizeof approx_words / sizeof *approx_words; i++) {
		if (starts_with(p, end, approx_words[i])) {
			v.approx = true;
			p += strlen(approx_words[i]);
			skip_spaces(&p, end);
			break;
		}
	}
	v.cmp = read_cmp(&p, end);
	skip_spaces(&p, end);

	c = cell_char(p, end, &len);
	if ((c == '-' || c == '+') && digit_at(p + len, end)) {
		neg = c == '-';
		p += len;
	}
	for (c = cell_char(p, end, &len);; c = cell_char(p += len, end, &len)) {
		if (is_digit(c)) {
			if (++digits > MAX_DIGITS)
				return;
			v.number = v.number * 10 + (c - '0');
			v.scale += point;
			run++;
		} else if (c == '.' && !point && digits > 0 && digit_at(p + len, end)) {
			point = true;
		} else if (c == ',' && !point && (groups ? run == 3 : run >= 1 && run <= 3)
		           && group_at(p + len, end)) {
			groups++;
			run = 0;
		} else {
			break;
		}
	}
	if (digits == 0)
		return;

	skip_spaces(&p, end);
	if (v.cmp == CMP_NONE) {
		for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
			size_t k = strlen(suffixes[i].text);
			if ((size_t)(end - p) >= k && memcmp(end - k, suffixes[i].text, k) == 0) {
				v.cmp = suffixes[i].cmp;
				n = (size_t)(end - p) - k;
				cell_trim(&p, &n);
				end = p + n;
				break;
			}
		}
	}
	if (!copy_unit(p, end, v.unit))
		return;
	if (v.cmp == CMP_NONE)
		v.cmp = CMP_EQ;
	if (neg)
		v.number = -v.number;
	v.has_number = true;
	*out = v;
}

void ind_value_format(const struct ind_value *v, char *buf, size_t cap)
{
	static const char *const symbols[] = {
		[CMP_NONE] = "", [CMP_EQ] = "", [CMP_GE] = "≥ ", [CMP_LE] = "≤ ",
		[CMP_GT] = "> ", [CMP_LT] = "< ",
	};
	uint64_t mag = v->number < 0 ? -(uint64_t)v->number : (uint64_t)v->number;
	char num[UINT8_MAX + 24];   /* any scale, 20 digits, sign, point, NUL */
	char *q = num + sizeof num;

	if (cap == 0)
		return;
	if (!v->has_number) {
		buf[0] = '\0';
		return;
	}
	*--q = '\0';
	for (int i = 0; i <= v->scale || mag > 0; i++) {
		if (i == v->scale && i > 0)
			*--q = '.';
		*--q = (char)('0' + mag % 10);
		mag /= 10;
	}
	if (v->number < 0)
		*--q = '-';
	snprintf(buf, cap, "%s%s%s%s%.31s", v->approx ? "≈ " : "",
	         symbols[v->cmp], q, v->unit[0] ? " " : "", v->unit);
}
