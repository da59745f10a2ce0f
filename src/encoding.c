#include "config.h"

#include "encoding.h"
#include "xalloc.h"

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* UTF-8 is validated 16 bytes at a time with SSSE3, which x86-64 processors
 * have had since 2006 (checked at run time). */
#if defined(__x86_64__) && defined(__GNUC__)
#define UTF8_IN_BLOCKS 1
#include <tmmintrin.h>
#endif

/* GB18030's two-byte characters: lead byte 81–FE, trail 40–FE. */
enum { GB_LEAD = 0x81, GB_LEADS = 0xFE - 0x81 + 1,
       GB_TRAIL = 0x40, GB_TRAILS = 0xFE - 0x40 + 1 };

struct gb_char {
	char utf8[3];       /* any outside the BMP are left to iconv */
	unsigned char len;  /* 0: not a two-byte character */
};

struct decoder {
	char *buf;          /* decoded text of the last file */
	size_t len, cap;
	/* GB18030 → UTF-8: iconv for the rare four-byte characters and bad
	 * bytes, and a table of the two-byte ones built from iconv once, so
	 * the common case needs no iconv call (iconv alone is 60 MB/s). */
	iconv_t gb;
	struct gb_char (*gb2)[GB_TRAILS];   /* NULL until first used */
};

static const char REPLACEMENT[] = "\xEF\xBF\xBD";   /* U+FFFD */
static const char EURO[] = "\xE2\x82\xAC";          /* U+20AC */

const char *encoding_name(enum encoding e)
{
	switch (e) {
	case ENC_AUTO: return "auto";
	case ENC_UTF8: return "UTF-8";
	case ENC_GB18030: return "GB18030";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	}
	return "?";
}

bool encoding_parse_name(const char *s, enum encoding *e)
{
	static const struct { const char *name; enum encoding enc; } names[] = {
		{"auto", ENC_AUTO}, {"utf-8", ENC_UTF8}, {"utf8", ENC_UTF8},
		{"gb18030", ENC_GB18030}, {"gbk", ENC_GB18030},
		{"gb2312", ENC_GB18030}, {"cp936", ENC_GB18030},
		{"utf-16", ENC_UTF16LE}, {"utf-16le", ENC_UTF16LE},
		{"utf-16be", ENC_UTF16BE},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(s, names[i].name) == 0) {
			*e = names[i].enc;
			return true;
		}
	return false;
}

struct decoder *decoder_new(void)
{
	return xcalloc(1, sizeof(struct decoder));
}

void decoder_free(struct decoder *dec)
{
	if (!dec)
		return;
	if (dec->gb2)
		iconv_close(dec->gb);
	free(dec->gb2);
	free(dec->buf);
	free(dec);
}

/* Makes room for extra more bytes after dec->len. */
static void reserve(struct decoder *dec, size_t extra)
{
	if (dec->cap - dec->len >= extra)
		return;
	size_t want = dec->len + extra;
	size_t cap = dec->cap ? dec->cap : 4096;
	while (cap < want)
		cap = cap > SIZE_MAX / 2 ? want : cap * 2;
	dec->buf = xreallocarray(dec->buf, cap, 1);
	dec->cap = cap;
}

static void append(struct decoder *dec, const char *s, size_t n)
{
	reserve(dec, n);
	memcpy(dec->buf + dec->len, s, n);
	dec->len += n;
}

/* Counts one bad byte (or UTF-16 unit) at offset in the file. */
static void bad_input(struct decoder *dec, struct decoded *out, size_t offset)
{
	if (out->invalid++ == 0)
		out->first_invalid_offset = offset;
	append(dec, REPLACEMENT, 3);
}

/* Number of leading ASCII bytes; eight at a time while it can. */
static size_t ascii_run(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (n - i >= 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

/* Length of the well-formed UTF-8 sequence at s (Unicode table 3-7),
 * 0 when there is none. */
static inline size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c < 0xF0) {
		unsigned lo = c == 0xE0 ? 0xA0 : 0x80;   /* no overlongs */
		unsigned hi = c == 0xED ? 0x9F : 0xBF;   /* no surrogates */
		return n >= 3 && s[1] >= lo && s[1] <= hi
		       && (s[2] & 0xC0) == 0x80 ? 3 : 0;
	}
	if (c < 0xF5) {
		unsigned lo = c == 0xF0 ? 0x90 : 0x80;   /* no overlongs */
		unsigned hi = c == 0xF4 ? 0x8F : 0xBF;   /* ≤ U+10FFFF */
		return n >= 4 && s[1] >= lo && s[1] <= hi
		       && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80 ? 4 : 0;
	}
	return 0;
}

/* Length of the longest valid UTF-8 prefix of s, byte by byte. */
static size_t utf8_valid_scalar(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		i += ascii_run(s + i, n - i);
		/* Chinese text is runs of three-byte sequences led by E1-EC or
		 * EE-EF, whose second byte has no narrower range: checked here
		 * without utf8_seq. */
		while (n - i >= 3 && ((s[i] >= 0xE1 && s[i] <= 0xEC) || s[i] >= 0xEE) &&
		       s[i] <= 0xEF && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
			i += 3;
		if (i == n)
			break;
		if (s[i] < 0x80)
			continue;
		size_t k = utf8_seq(s + i, n - i);
		if (k == 0)
			break;
		i += k;
	}
	return i;
}

#ifdef UTF8_IN_BLOCKS
/* Keiser and Lemire's lookup algorithm ("Validating UTF-8 in less than
 * one instruction per byte", 2021), 16 bytes at a time: three table
 * lookups, on the nibbles of each byte and of the byte before it, flag
 * every error that two bytes show; a continuation in third or fourth
 * place needs a lead two or three bytes back.  Four times as fast as byte
 * by byte on Chinese text.  Returns the length of the blocks found valid, except
 * that a character may be cut at the end. */
__attribute__((target("ssse3")))
static size_t utf8_valid_blocks(const unsigned char *s, size_t n)
{
	enum {   /* the errors a pair of bytes can show */
		TOO_SHORT = 1 << 0,       /* a lead not followed by a continuation */
		TOO_LONG = 1 << 1,        /* a continuation after ASCII */
		OVERLONG_3 = 1 << 2,      /* E0 80-9F */
		TOO_LARGE = 1 << 3,       /* F4-FF 90-BF */
		SURROGATE = 1 << 4,       /* ED A0-BF */
		OVERLONG_2 = 1 << 5,      /* C0-C1 */
		TOO_LARGE_1000 = 1 << 6,  /* F5-FF 80-8F */
		OVERLONG_4 = 1 << 6,      /* F0 80-8F */
		TWO_CONTS = 1 << 7,       /* two continuations */
		CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
		LARGE = CARRY | TOO_LARGE | TOO_LARGE_1000,
	};
	/* By the high nibble of the first byte of a pair, its low nibble,
	 * and the high nibble of the second byte. */
	static const unsigned char first_high[16] = {
		TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
		TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
		TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
		TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
		TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
	};
	static const unsigned char first_low[16] = {
		CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2,
		CARRY, CARRY, CARRY | TOO_LARGE,
		LARGE, LARGE, LARGE, LARGE, LARGE, LARGE, LARGE, LARGE,
		LARGE | SURROGATE, LARGE, LARGE,
	};
	enum { CONT = TOO_LONG | OVERLONG_2 | TWO_CONTS };
	static const unsigned char second_high[16] = {
		TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
		TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
		CONT | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
		CONT | OVERLONG_3 | TOO_LARGE,
		CONT | SURROGATE | TOO_LARGE,
		CONT | SURROGATE | TOO_LARGE,
		TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
	};
	const __m128i t1h = _mm_loadu_si128((const __m128i *)first_high);
	const __m128i t1l = _mm_loadu_si128((const __m128i *)first_low);
	const __m128i t2h = _mm_loadu_si128((const __m128i *)second_high);
	const __m128i nibble = _mm_set1_epi8(0x0F);
	const __m128i third = _mm_set1_epi8((char)(0xE0 - 0x80));
	const __m128i fourth = _mm_set1_epi8((char)(0xF0 - 0x80));
	const __m128i high = _mm_set1_epi8((char)0x80);
	__m128i prev = _mm_setzero_si128();
	size_t i = 0;
	for (; n - i >= 16; i += 16) {
		__m128i in = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i prev1 = _mm_alignr_epi8(in, prev, 15);
		__m128i hi1 = _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble);
		__m128i lo1 = _mm_and_si128(prev1, nibble);
		__m128i hi2 = _mm_and_si128(_mm_srli_epi16(in, 4), nibble);
		__m128i pair = _mm_and_si128(_mm_and_si128(_mm_shuffle_epi8(t1h, hi1),
		                                           _mm_shuffle_epi8(t1l, lo1)),
		                             _mm_shuffle_epi8(t2h, hi2));
		/* 0x80 where a third or fourth byte belongs: after E0-FF two
		 * bytes back or F0-FF three back. */
		__m128i late = _mm_or_si128(_mm_subs_epu8(_mm_alignr_epi8(in, prev, 14), third),
		                            _mm_subs_epu8(_mm_alignr_epi8(in, prev, 13), fourth));
		__m128i err = _mm_xor_si128(_mm_and_si128(late, high), pair);
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(err, _mm_setzero_si128())) != 0xFFFF)
			break;
		prev = in;
	}
	return i;
}
#endif

/* Length of the longest valid UTF-8 prefix of s. */
static size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
#ifdef UTF8_IN_BLOCKS
	if (n >= 16 && __builtin_cpu_supports("ssse3")) {
		/* On from the start of the character the blocks end in. */
		size_t end = utf8_valid_blocks(s, n);
		i = end >= 3 ? end - 3 : 0;
		while (i < end && (s[i] & 0xC0) == 0x80)
			i++;
	}
#endif
	return i + utf8_valid_scalar(s + i, n - i);
}

/* The bytes from 0x80 up, eight at a time. */
static size_t count_high(const unsigned char *s, size_t n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	size_t i = 0, count = 0;
	for (; n - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		count += (((w >> 7) & ones) * ones) >> 56;
	}
	for (; i < n; i++)
		count += s[i] >= 0x80;
	return count;
}

/* Whether text that is not all valid UTF-8 is still UTF-8 with a few bad
 * bytes (a cell pasted from a GBK file, a byte damaged in transit) rather
 * than GB18030.  Read as UTF-8, GBK text gives about one well-formed
 * multi-byte sequence for every four bad bytes; UTF-8 text gives none.
 * So many sequences and few bad bytes mean UTF-8. */
static bool mostly_utf8(const unsigned char *s, size_t n)
{
	enum { MIN_SEQUENCES = 8, SEQUENCES_PER_BAD_BYTE = 4 };
	size_t seqs = 0, bad = 0, high = count_high(s, n);
	for (size_t i = 0; i < n;) {
		i += ascii_run(s + i, n - i);
		if (i == n)
			break;
		size_t k = utf8_seq(s + i, n - i);
		if (k) {
			seqs++;
			i += k;
			high -= k;
		} else {
			bad++;
			i++;
			high--;
			/* A sequence takes two bytes from 0x80 up: GBK text is
			 * told after a few of its characters, not at the end. */
			if (seqs + high / 2 < bad * SEQUENCES_PER_BAD_BYTE)
				return false;
		}
	}
	return seqs >= MIN_SEQUENCES && seqs >= bad * SEQUENCES_PER_BAD_BYTE;
}

/* UTF-16 without a BOM: the NUL high bytes of ASCII characters (digits,
 * tabs, line ends) at odd offsets (little-endian) or at even ones, at
 * least one unit in eight; NULs at the other parity (the low byte of 一,
 * U+4E00) at most an eighth as many.  Binary data has NULs at both.
 * ENC_AUTO when it is not that. */
static enum encoding utf16_without_bom(const char *s, size_t n)
{
	size_t sample = (n < 4096 ? n : 4096) & ~(size_t)1, nul[2] = { 0, 0 };
	if (!memchr(s, '\0', sample))
		return ENC_AUTO;   /* most files, at once */
	for (size_t i = 0; i < sample; i++)
		nul[i & 1] += s[i] == '\0';
	size_t units = sample / 2;
	if (units < 4)
		return ENC_AUTO;
	if (nul[1] * 8 >= units && nul[0] * 8 <= nul[1])
		return ENC_UTF16LE;
	if (nul[0] * 8 >= units && nul[1] * 8 <= nul[0])
		return ENC_UTF16BE;
	return ENC_AUTO;
}

/* UTF-8 with bad bytes: copies the valid runs, U+FFFD for each bad byte. */
static void repair_utf8(struct decoder *dec, const unsigned char *s, size_t n,
                        size_t base, struct decoded *out)
{
	reserve(dec, n);
	size_t i = 0;
	while (i < n) {
		size_t k = utf8_valid_prefix(s + i, n - i);
		append(dec, (const char *)s + i, k);
		i += k;
		if (i < n)
			bad_input(dec, out, base + i++);
	}
}

static bool open_gb18030(struct decoder *dec)
{
	if (dec->gb2)
		return true;
	dec->gb = iconv_open("UTF-8", "GB18030");
	if (dec->gb == (iconv_t)-1)
		return false;
	dec->gb2 = xcalloc(GB_LEADS, sizeof *dec->gb2);
	for (int lead = 0; lead < GB_LEADS; lead++)
		for (int trail = 0; trail < GB_TRAILS; trail++) {
			char in[2] = { (char)(GB_LEAD + lead),
			               (char)(GB_TRAIL + trail) };
			struct gb_char *g = &dec->gb2[lead][trail];
			char *ip = in, *op = g->utf8;
			size_t il = 2, ol = sizeof g->utf8;
			if (iconv(dec->gb, &ip, &il, &op, &ol) == (size_t)-1
			    || il != 0)
				*g = (struct gb_char){0};
			else
				g->len = (unsigned char)(op - g->utf8);
		}
	return true;
}

/* Decodes one character at s through iconv, or one bad byte; returns the
 * bytes used.  Needs room for the output of 4 bytes (3 × 2-byte ones). */
static size_t gb_other(struct decoder *dec, const char *s, size_t n,
                       size_t offset, struct decoded *out)
{
	/* At most one character (four bytes): a character cut by this
	 * window after the first one is simply left for the next call. */
	char *in = (char *)s, *o = dec->buf + dec->len;
	size_t inleft = n < 4 ? n : 4, oleft = dec->cap - dec->len;
	iconv(dec->gb, &in, &inleft, &o, &oleft);
	dec->len = (size_t)(o - dec->buf);
	if (in > s)
		return (size_t)(in - s);
	/* EILSEQ, or EINVAL: a sequence cut short by the end of the file.
	 * Either way one byte is bad and the next may start a character. */
	if ((unsigned char)*s == 0x80)
		append(dec, EURO, 3);   /* GBK (CP936) reads 0x80 as € */
	else
		bad_input(dec, out, offset);
	return 1;
}

static bool decode_gb18030(struct decoder *dec, const char *s, size_t n,
                           size_t base, struct decoded *out)
{
	if (!open_gb18030(dec))
		return false;
	const unsigned char *u = (const unsigned char *)s;
	/* Room for what is left, were it all two-byte characters (the most
	 * that ASCII and those need), and for writing 3 bytes for 2 or 8 for
	 * 8. */
	reserve(dec, n + n / 2 + 8);
	char *o = dec->buf + dec->len;
	size_t i = 0;
	while (i < n) {
		/* ASCII, copied eight bytes at a time while it lasts. */
		while (n - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			memcpy(o, &w, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8, o += 8;
		}
		while (i < n && u[i] < 0x80)
			*o++ = s[i++];
		/* Chinese text is runs of two-byte characters, looked up in
		 * the table (byte values below its range wrap around above). */
		while (n - i >= 2) {
			unsigned lead = u[i] - GB_LEAD, trail = u[i + 1] - GB_TRAIL;
			if (lead >= GB_LEADS || trail >= GB_TRAILS)
				break;
			const struct gb_char *g = &dec->gb2[lead][trail];
			if (!g->len)
				break;
			memcpy(o, g->utf8, 3);
			o += g->len;
			i += 2;
		}
		if (i == n || u[i] < 0x80)
			continue;
		dec->len = (size_t)(o - dec->buf);
		i += gb_other(dec, s + i, n - i, base + i, out);
		reserve(dec, (n - i) + (n - i) / 2 + 8);
		o = dec->buf + dec->len;
	}
	dec->len = (size_t)(o - dec->buf);
	return true;
}

static void decode_utf16(struct decoder *dec, const unsigned char *s, size_t n,
                         bool be, size_t base, struct decoded *out)
{
	/* A unit gives at most 3 bytes, a surrogate pair 4 for its 4. */
	reserve(dec, n / 2 * 3 + 3);
	size_t i = 0;
	for (; i + 1 < n; i += 2) {
		uint32_t u = be ? (uint32_t)s[i] << 8 | s[i + 1]
		                : (uint32_t)s[i + 1] << 8 | s[i];
		if (u >= 0xD800 && u <= 0xDFFF) {
			uint32_t v = 0;
			if (u <= 0xDBFF && i + 3 < n)
				v = be ? (uint32_t)s[i + 2] << 8 | s[i + 3]
				       : (uint32_t)s[i + 3] << 8 | s[i + 2];
			if (v < 0xDC00 || v > 0xDFFF) {
				bad_input(dec, out, base + i);
				continue;
			}
			u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
			i += 2;
		}
		char *o = dec->buf + dec->len;
		if (u < 0x80) {
			*o++ = (char)u;
		} else if (u < 0x800) {
			*o++ = (char)(0xC0 | u >> 6);
			*o++ = (char)(0x80 | (u & 0x3F));
		} else if (u < 0x10000) {
			*o++ = (char)(0xE0 | u >> 12);
			*o++ = (char)(0x80 | (u >> 6 & 0x3F));
			*o++ = (char)(0x80 | (u & 0x3F));
		} else {
			*o++ = (char)(0xF0 | u >> 18);
			*o++ = (char)(0x80 | (u >> 12 & 0x3F));
			*o++ = (char)(0x80 | (u >> 6 & 0x3F));
			*o++ = (char)(0x80 | (u & 0x3F));
		}
		dec->len = (size_t)(o - dec->buf);
	}
	if (i < n)   /* an odd last byte */
		bad_input(dec, out, base + i);
}

/* The encoding a BOM at the start of s names, with the BOM's length;
 * ENC_AUTO when there is none. */
static enum encoding bom(const char *s, size_t n, size_t *len)
{
	static const struct { const char *bytes; size_t len; enum encoding enc; } boms[] = {
		{"\xEF\xBB\xBF", 3, ENC_UTF8},
		{"\xFF\xFE", 2, ENC_UTF16LE},
		{"\xFE\xFF", 2, ENC_UTF16BE},
		{"\x84\x31\x95\x33", 4, ENC_GB18030},
	};
	for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++)
		if (n >= boms[i].len && memcmp(s, boms[i].bytes, boms[i].len) == 0) {
			*len = boms[i].len;
			return boms[i].enc;
		}
	*len = 0;
	return ENC_AUTO;
}

static bool is_utf16(enum encoding e)
{
	return e == ENC_UTF16LE || e == ENC_UTF16BE;
}

bool decode_bytes(struct decoder *dec, const char *bytes, size_t n,
                  enum encoding forced, struct decoded *out)
{
	size_t bom_len;
	enum encoding b = bom(bytes, n, &bom_len);
	enum encoding enc = forced;
	if (forced == ENC_AUTO || (is_utf16(forced) && is_utf16(b)))
		enc = b;
	if (forced == ENC_AUTO && b == ENC_AUTO)
		enc = utf16_without_bom(bytes, n);
	if (enc != b)
		bom_len = 0;
	const char *s = bytes + bom_len;
	size_t len = n - bom_len;
	size_t valid = 0;
	if (enc == ENC_AUTO || enc == ENC_UTF8) {
		valid = utf8_valid_prefix((const unsigned char *)s, len);
		if (enc == ENC_AUTO)
			enc = valid == len || mostly_utf8((const unsigned char *)s, len)
			      ? ENC_UTF8 : ENC_GB18030;
	}

	*out = (struct decoded){ .enc = enc, .had_bom = bom_len > 0 };
	dec->len = 0;
	switch (enc) {
	case ENC_AUTO:
	case ENC_UTF8:
		if (valid == len) {
			out->utf8 = len ? s : "";
			out->len = len;
			return true;
		}
		repair_utf8(dec, (const unsigned char *)s, len, bom_len, out);
		break;
	case ENC_GB18030:
		if (!decode_gb18030(dec, s, len, bom_len, out))
			return false;
		break;
	case ENC_UTF16LE:
	case ENC_UTF16BE:
		decode_utf16(dec, (const unsigned char *)s, len,
		             enc == ENC_UTF16BE, bom_len, out);
		break;
	}
	out->utf8 = dec->buf ? dec->buf : "";
	out->len = dec->len;
	return true;
}

bool encoding_looks_binary(const char *bytes, size_t n)
{
	if (n >= 4 && (memcmp(bytes, "PK\3\4", 4) == 0
	               || memcmp(bytes, "\xD0\xCF\x11\xE0", 4) == 0))
		return true;
	size_t bom_len;
	if (is_utf16(bom(bytes, n, &bom_len)) || utf16_without_bom(bytes, n) != ENC_AUTO)
		return false;
	/* Text has a stray NUL at most; binary files are full of them. */
	size_t sample = n < 4096 ? n : 4096, nuls = 0;
	if (!memchr(bytes, '\0', sample))
		return false;
	for (size_t i = 0; i < sample; i++)
		nuls += bytes[i] == '\0';
	return nuls * 10 > sample;
}
