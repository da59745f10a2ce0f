/* Bytes of one input file → UTF-8 text.
 *
 * Detection is per file, never per field: a BOM wins; else NUL bytes at
 * odd (even) offsets, at least one unit in eight and 8 times as many as at
 * the other parity, mean UTF-16LE (BE) without a BOM; else a file that is valid UTF-8 throughout (strictly: no
 * overlongs, surrogates, code points above U+10FFFF or truncated
 * sequences) is UTF-8, and so is one with at least 8 multi-byte sequences
 * and 4 of them for every bad byte (UTF-8 with a cell pasted from GBK:
 * GBK read as UTF-8 gives 1 for 4); else it is GB18030 (which covers GBK
 * and GB2312).  Bad bytes become U+FFFD, one per byte, and are counted.
 * The decoder owns one output buffer reused from file to file. */
#ifndef YUSUAN_ENCODING_H
#define YUSUAN_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

enum encoding { ENC_AUTO, ENC_UTF8, ENC_GB18030, ENC_UTF16LE, ENC_UTF16BE };

/* "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"; "auto" for ENC_AUTO.
 * Static strings, not translated. */
const char *encoding_name(enum encoding e);

/* Reads an --encoding value, case-insensitive: auto, utf-8 (utf8),
 * gb18030, gbk, gb2312, cp936 (all read as GB18030), utf-16 (little-endian
 * unless the file's BOM says otherwise), utf-16le, utf-16be.
 * False for anything else (*e unchanged). */
bool encoding_parse_name(const char *s, enum encoding *e);

struct decoded {
	const char *utf8;      /* the text, BOM stripped; see decode_bytes */
	size_t len;            /* bytes in utf8 (it may contain NULs) */
	enum encoding enc;     /* what the file was read as, never ENC_AUTO */
	bool had_bom;
	size_t invalid;        /* bytes (or UTF-16 units) replaced by U+FFFD */
	size_t first_invalid_offset;  /* byte offset in the file; 0 if none */
};

struct decoder;

struct decoder *decoder_new(void);
void decoder_free(struct decoder *dec);

/* Decodes n bytes, detecting the encoding unless forced is not ENC_AUTO.
 * The BOM of the encoding used is stripped; with a forced UTF-16 the BOM,
 * if any, gives the byte order.  GB18030 reads the lone byte 0x80 as € like
 * GBK (CP936) does.
 * out->utf8 stays valid until the next call on dec or decoder_free, and
 * for a valid UTF-8 file it points into bytes (no copy), so bytes must
 * not change meanwhile.  False only when iconv has no GB18030 converter
 * (out->enc then says which encoding was wanted). */
bool decode_bytes(struct decoder *dec, const char *bytes, size_t n,
                  enum encoding forced, struct decoded *out);

/* True when the bytes are surely not text: a ZIP (.xlsx, .ods) or OLE
 * (.xls, .et) header, or many NUL bytes in a file that is not UTF-16 (by
 * its BOM or its NULs, as decode_bytes detects it). */
bool encoding_looks_binary(const char *bytes, size_t n);

#endif
