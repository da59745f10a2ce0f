#include "config.h"

#include "encoding.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static struct decoder *dec;

static void setup(void)
{
	dec = decoder_new();
}

static void teardown(void)
{
	decoder_free(dec);
}

TestSuite(encoding, .init = setup, .fini = teardown);

/* Decodes a string literal (which may hold NULs) as a file's bytes. */
#define DECODE(lit, forced, out) \
	cr_assert(decode_bytes(dec, lit, sizeof(lit) - 1, forced, out))

/* The decoded text equals the UTF-8 string literal exactly. */
#define TEXT_IS(out, lit) do { \
	cr_assert_eq((out)->len, sizeof(lit) - 1, "len %zu", (out)->len); \
	cr_assert(memcmp((out)->utf8, lit, sizeof(lit) - 1) == 0, \
	          "got \"%.*s\"", (int)(out)->len, (out)->utf8); \
} while (0)

Test(encoding, utf8_without_bom_is_not_copied)
{
	static const char file[] = "预算,1\n";
	struct decoded out;
	cr_assert(decode_bytes(dec, file, sizeof file - 1, ENC_AUTO, &out));
	cr_assert_eq(out.enc, ENC_UTF8);
	cr_assert_not(out.had_bom);
	cr_assert_eq(out.utf8, file);
	cr_assert_eq(out.len, sizeof file - 1);
	cr_assert_eq(out.invalid, 0);
}

Test(encoding, utf8_bom_is_stripped)
{
	struct decoded out;
	DECODE("\xEF\xBB\xBF\"项目\",1\n", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF8);
	cr_assert(out.had_bom);
	TEXT_IS(&out, "\"项目\",1\n");
}

Test(encoding, gbk_file_is_read_as_gb18030)
{
	struct decoded out;
	DECODE("\xd4\xa4\xcb\xe3,\"17,419.04\"\r\n", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_GB18030);
	cr_assert_not(out.had_bom);
	cr_assert_eq(out.invalid, 0);
	TEXT_IS(&out, "预算,\"17,419.04\"\r\n");
	cr_assert_str_eq(encoding_name(out.enc), "GB18030");
}

Test(encoding, gbk_that_happens_to_be_valid_utf8_per_character)
{
	/* 预 alone (D4 A4) is valid UTF-8 (U+0524); the whole file is not. */
	struct decoded out;
	DECODE("\xd4\xa4,\xd4\xa4\xcb\xe3\n", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_GB18030);
	TEXT_IS(&out, "预,预算\n");
}

Test(encoding, gb18030_four_byte_characters)
{
	struct decoded out;
	/* U+20000 (CJK extension B) and U+1F4A9 are four bytes each. */
	DECODE("\x95\x32\x82\x36\x94\x39\xda\x33,\xd4\xa4", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_GB18030);
	cr_assert_eq(out.invalid, 0);
	TEXT_IS(&out, "\xF0\xA0\x80\x80\xF0\x9F\x92\xA9,预");
}

Test(encoding, byte_0x80_is_euro_as_in_gbk)
{
	struct decoded out;
	DECODE("\x80" "5,\xa2\xe3" "5\n", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_GB18030);
	cr_assert_eq(out.invalid, 0);
	TEXT_IS(&out, "€5,€5\n");
}

Test(encoding, gb18030_bom_is_stripped)
{
	struct decoded out;
	DECODE("\x84\x31\x95\x33\xd4\xa4", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_GB18030);
	cr_assert(out.had_bom);
	TEXT_IS(&out, "预");
}

Test(encoding, utf16le_with_bom_tab_separated)
{
	struct decoded out;
	/* Excel's "Unicode text": 预算<TAB>1<CR><LF>. */
	DECODE("\xFF\xFE\x84\x98\x97\x7B\t\0" "1\0\r\0\n\0", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF16LE);
	cr_assert(out.had_bom);
	cr_assert_eq(out.invalid, 0);
	TEXT_IS(&out, "预算\t1\r\n");
	cr_assert_str_eq(encoding_name(out.enc), "UTF-16LE");
}

Test(encoding, utf16be_surrogate_pair)
{
	struct decoded out;
	DECODE("\xFE\xFF\xD8\x3D\xDC\xA9\x00" "a", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF16BE);
	cr_assert_eq(out.invalid, 0);
	TEXT_IS(&out, "\xF0\x9F\x92\xA9" "a");
}

Test(encoding, utf16_lone_surrogates_and_odd_byte)
{
	struct decoded out;
	/* high surrogate then 'a'; low surrogate alone; a last odd byte */
	DECODE("\xFF\xFE\x3D\xD8" "a\0" "\xA9\xDC" "b\0" "c", ENC_AUTO, &out);
	cr_assert_eq(out.invalid, 3);
	cr_assert_eq(out.first_invalid_offset, 2);
	TEXT_IS(&out, "\xEF\xBF\xBD" "a" "\xEF\xBF\xBD" "b" "\xEF\xBF\xBD");
}

Test(encoding, utf16_nul_is_kept)
{
	struct decoded out;
	DECODE("\xFF\xFE" "a\0\0\0" "b\0", ENC_AUTO, &out);
	TEXT_IS(&out, "a\0b");
}

Test(encoding, forced_utf16_follows_the_bom_for_byte_order)
{
	enum encoding e;
	cr_assert(encoding_parse_name("UTF-16", &e));
	struct decoded out;
	DECODE("\xFE\xFF\x00" "a", e, &out);
	cr_assert_eq(out.enc, ENC_UTF16BE);
	TEXT_IS(&out, "a");
	DECODE("a\0b\0", e, &out);   /* no BOM: little-endian */
	cr_assert_eq(out.enc, ENC_UTF16LE);
	cr_assert_not(out.had_bom);
	TEXT_IS(&out, "ab");
}

Test(encoding, invalid_gb18030_bytes_are_counted_with_first_offset)
{
	struct decoded out;
	/* 0xFF is never valid; 0x81 then ',' is a cut pair: the comma must
	 * survive, or the CSV columns would shift. */
	DECODE("ab\xff\xd4\xa4\x81,x\xff", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_GB18030);
	cr_assert_eq(out.invalid, 3);
	cr_assert_eq(out.first_invalid_offset, 2);
	TEXT_IS(&out, "ab\xEF\xBF\xBD预\xEF\xBF\xBD,x\xEF\xBF\xBD");
}

Test(encoding, gb18030_cut_at_end_of_file)
{
	struct decoded out;
	DECODE("\xd4\xa4\xd4", ENC_AUTO, &out);
	cr_assert_eq(out.invalid, 1);
	cr_assert_eq(out.first_invalid_offset, 2);
	TEXT_IS(&out, "预\xEF\xBF\xBD");
	/* a four-byte sequence cut after three: the '0' is still a digit */
	DECODE("\xd4\xa4\x81\x30\x81", ENC_AUTO, &out);
	cr_assert_eq(out.invalid, 2);
	cr_assert_eq(out.first_invalid_offset, 2);
	TEXT_IS(&out, "预\xEF\xBF\xBD" "0\xEF\xBF\xBD");
}

Test(encoding, invalid_offset_counts_the_bom)
{
	struct decoded out;
	DECODE("\xEF\xBB\xBF" "ab\xff" "c\xfe", ENC_UTF8, &out);
	cr_assert_eq(out.enc, ENC_UTF8);
	cr_assert(out.had_bom);
	cr_assert_eq(out.invalid, 2);
	cr_assert_eq(out.first_invalid_offset, 5);
	TEXT_IS(&out, "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD");
}

Test(encoding, forced_utf8_replaces_each_bad_byte)
{
	struct decoded out;
	/* GBK 预算: D4 A4 happens to be UTF-8, CB E3 is not (two bytes) */
	DECODE("\xd4\xa4\xcb\xe3", ENC_UTF8, &out);
	cr_assert_eq(out.invalid, 2);
	cr_assert_eq(out.first_invalid_offset, 2);
	TEXT_IS(&out, "\xd4\xa4\xEF\xBF\xBD\xEF\xBF\xBD");
}

/* The text is checked 16 bytes at a time where it can be: a bad or cut
 * character, an overlong or a surrogate is found wherever it lies, also
 * across those blocks. */
Test(encoding, bad_utf8_found_at_every_offset)
{
	char text[96];
	for (size_t k = 0; k < sizeof text / 3; k++)
		memcpy(text + 3 * k, "中", 3);
	for (size_t off = 0; off < sizeof text; off++) {
		char t[sizeof text];
		memcpy(t, text, sizeof t);
		t[off] = '\xFF';   /* spoils the character around it: 3 bytes */
		struct decoded out;
		cr_assert(decode_bytes(dec, t, sizeof t, ENC_UTF8, &out));
		cr_assert_eq(out.invalid, 3, "offset %zu: %zu", off, out.invalid);
		cr_assert_eq(out.first_invalid_offset, off - off % 3, "offset %zu", off);
	}
	static const char *const bad[] = {
		"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
		"\xF5\x80\x80\x80", "\x80", "\xE4\xB8" "a",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		for (size_t off = 0; off < 40; off++) {
			char t[128];
			size_t k = strlen(bad[i]);
			memset(t, 'a', off);
			memcpy(t + off, bad[i], k);
			memcpy(t + off + k, text, 48);
			size_t n = off + k + 48;
			struct decoded out;
			cr_assert(decode_bytes(dec, t, n, ENC_UTF8, &out));
			cr_assert_gt(out.invalid, 0, "case %zu at %zu", i, off);
			cr_assert_eq(out.first_invalid_offset, off, "case %zu at %zu", i, off);
		}
	for (size_t len = 0; len <= sizeof text; len++) {
		struct decoded out;
		cr_assert(decode_bytes(dec, text, len, ENC_UTF8, &out));
		cr_assert_eq(out.invalid, len % 3, "length %zu", len);
		if (len % 3)
			cr_assert_eq(out.first_invalid_offset, len - len % 3, "length %zu", len);
		else
			cr_assert_eq(out.utf8, len ? text : out.utf8, "length %zu: copied", len);
	}
}

Test(encoding, strict_utf8_rejects_overlong_surrogate_big_and_cut)
{
	static const char *const bad[] = {
		"a\xC0\xAF",           /* overlong '/' */
		"a\xE0\x80\xAF",       /* overlong, three bytes */
		"a\xED\xA0\x80",       /* UTF-16 surrogate D800 */
		"a\xF4\x90\x80\x80",   /* U+110000 */
		"a\xF5\x80\x80\x80",
		"a\xE4\xB8",           /* 中 cut at the end */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct decoded out;
		cr_assert(decode_bytes(dec, bad[i], strlen(bad[i]), ENC_AUTO,
		                       &out));
		cr_assert_eq(out.enc, ENC_GB18030, "case %zu", i);
	}
	static const char *const good[] = {
		"a\xF4\x8F\xBF\xBF", "a\xED\x9F\xBF", "a\xEF\xBF\xBF", "\xC2\x80",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		struct decoded out;
		cr_assert(decode_bytes(dec, good[i], strlen(good[i]), ENC_AUTO,
		                       &out));
		cr_assert_eq(out.enc, ENC_UTF8, "case %zu", i);
	}
}

Test(encoding, mixed_file_is_read_whole_as_gb18030)
{
	/* Mostly UTF-8, one cell pasted from a GBK file: the file is not
	 * UTF-8, so all of it is GB18030; the GBK cell and the ASCII come
	 * out right and the UTF-8 cells turn into other characters. */
	struct decoded out;
	DECODE("name,amount\n项目,12\n\xd4\xa4\xcb\xe3,1\n", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_GB18030);
	cr_assert(out.len > 23);
	cr_assert(memcmp(out.utf8, "name,amount\n", 12) == 0);
	cr_assert(memcmp(out.utf8 + out.len - 9, "预算,1\n", 9) == 0);
	cr_assert_null(memmem(out.utf8, out.len, "项目", 6));
}

Test(encoding, utf8_file_with_a_pasted_gbk_cell_stays_utf8)
{
	/* Eight UTF-8 characters, then 预算 in GBK: D4 A4 is well-formed
	 * UTF-8, CB and E3 are two bad bytes; 9 sequences >= 4 × 2. */
	struct decoded out;
	DECODE("部门支出预算表\n行政,\xd4\xa4\xcb\xe3,1\n", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF8);
	cr_assert_eq(out.invalid, 2);
	cr_assert_eq(out.first_invalid_offset, 31);
	TEXT_IS(&out, "部门支出预算表\n行政,\xd4\xa4\xEF\xBF\xBD\xEF\xBF\xBD,1\n");
}

Test(encoding, too_few_utf8_sequences_for_a_bad_byte_mean_gb18030)
{
	/* Seven sequences: below the minimum of eight. */
	struct decoded out;
	DECODE("部门支出预算\n\xd4\xa4\xcb\xe3\n", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_GB18030);
}

Test(encoding, utf16_without_bom)
{
	struct decoded out;
	DECODE("\x84\x98\x97\x7b\t\0" "1\0" "2\0\r\0\n\0", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF16LE);
	cr_assert_not(out.had_bom);
	TEXT_IS(&out, "预算\t12\r\n");
	DECODE("\x98\x84\x7b\x97\0\t\0" "1\0" "2\0\n", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF16BE);
	TEXT_IS(&out, "预算\t12\n");
	cr_assert_not(encoding_looks_binary("\x84\x98\x97\x7b\t\0" "1\0" "2\0\r\0\n\0", 12));
	/* 一 (U+4E00) has a NUL low byte: a few are fine. */
	DECODE("\0\x4e" "1\0" "2\0" "3\0" "4\0" "5\0" "6\0" "7\0" "8\0\n\0", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF16LE);
	TEXT_IS(&out, "一12345678\n");
	/* NULs at both parities: binary, not UTF-16. */
	cr_assert(encoding_looks_binary("a\0\0b\0\0c\0\0d\0\0", 12));
	/* A forced encoding is not second-guessed. */
	DECODE("a\0b\0c\0d\0", ENC_UTF8, &out);
	cr_assert_eq(out.enc, ENC_UTF8);
}

Test(encoding, ascii_is_utf8)
{
	struct decoded out;
	DECODE("a,b,c\n1,2,3 with a longer line of plain ASCII text\n",
	       ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF8);
	cr_assert_str_eq(encoding_name(out.enc), "UTF-8");
}

Test(encoding, empty_and_bom_only_files)
{
	struct decoded out;
	cr_assert(decode_bytes(dec, "", 0, ENC_AUTO, &out));
	cr_assert_eq(out.enc, ENC_UTF8);
	cr_assert_eq(out.len, 0);
	cr_assert_not_null(out.utf8);
	DECODE("\xEF\xBB\xBF", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF8);
	cr_assert(out.had_bom);
	cr_assert_eq(out.len, 0);
	DECODE("\xFF\xFE", ENC_AUTO, &out);
	cr_assert_eq(out.enc, ENC_UTF16LE);
	cr_assert_eq(out.len, 0);
	cr_assert_eq(out.invalid, 0);
}

Test(encoding, buffer_reused_across_files)
{
	struct decoded out;
	DECODE("\xd4\xa4\xcb\xe3\xd4\xa4\xcb\xe3\xd4\xa4\xcb\xe3", ENC_AUTO, &out);
	TEXT_IS(&out, "预算预算预算");
	DECODE("\xcb\xe3", ENC_AUTO, &out);
	TEXT_IS(&out, "算");
	cr_assert_eq(out.invalid, 0);
	cr_assert_eq(out.first_invalid_offset, 0);
}

Test(encoding, output_three_times_the_input)
{
	/* 0x80 → € and bad bytes → U+FFFD triple in size: the buffer grows. */
	enum { N = 100000 };
	char *in = malloc(2 * N);
	memset(in, 0x80, N);
	memset(in + N, 0xFF, N);
	struct decoded out;
	cr_assert(decode_bytes(dec, in, 2 * N, ENC_AUTO, &out));
	cr_assert_eq(out.enc, ENC_GB18030);
	cr_assert_eq(out.len, 6 * N);
	cr_assert_eq(out.invalid, N);
	cr_assert_eq(out.first_invalid_offset, N);
	cr_assert(memcmp(out.utf8, "€", 3) == 0);
	cr_assert(memcmp(out.utf8 + 3 * N - 3, "€\xEF\xBF\xBD", 6) == 0);
	cr_assert(memcmp(out.utf8 + 6 * N - 3, "\xEF\xBF\xBD", 3) == 0);
	free(in);
}

Test(encoding, parse_and_name)
{
	enum encoding e = ENC_AUTO;
	cr_assert(encoding_parse_name("utf-8", &e));
	cr_assert_eq(e, ENC_UTF8);
	cr_assert(encoding_parse_name("GBK", &e));
	cr_assert_eq(e, ENC_GB18030);
	cr_assert(encoding_parse_name("gb18030", &e));
	cr_assert_eq(e, ENC_GB18030);
	cr_assert(encoding_parse_name("Utf-16BE", &e));
	cr_assert_eq(e, ENC_UTF16BE);
	cr_assert_not(encoding_parse_name("latin1", &e));
	cr_assert_not(encoding_parse_name("", &e));
	cr_assert_eq(e, ENC_UTF16BE);
	cr_assert_str_eq(encoding_name(ENC_UTF16BE), "UTF-16BE");
}

Test(encoding, binary_files_are_recognised)
{
	cr_assert(encoding_looks_binary("PK\3\4\24\0\6\0", 8));
	cr_assert(encoding_looks_binary("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
	char zeros[600] = "a,b\n";
	cr_assert(encoding_looks_binary(zeros, sizeof zeros));
	cr_assert_not(encoding_looks_binary("a,b\n1,2\n", 8));
	cr_assert_not(encoding_looks_binary("a,b\0c,d,e,f,g,h\n", 16));
	cr_assert_not(encoding_looks_binary("\xFF\xFE" "a\0,\0b\0", 8));
	cr_assert_not(encoding_looks_binary("", 0));
	cr_assert_not(encoding_looks_binary("PK", 2));
}
