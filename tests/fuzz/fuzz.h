/* What the fuzz harnesses share.
 *
 * Each harness (fuzz_load.c, fuzz_config.c, fuzz_parse.c) defines the two
 * libFuzzer entry points.  The same harness is linked either with libFuzzer
 * (make fuzz, clang) or with replay.c (make check, any compiler), which
 * feeds it the regression files: one body, two drivers.
 *
 * A harness aborts (a crash libFuzzer records) when a property a user
 * relies on fails, e.g. text that could reach the terminal holds a control
 * character. */
#ifndef YUSUAN_FUZZ_H
#define YUSUAN_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness's own folder, made once per process under $TMPDIR (or /tmp)
 * and removed at exit with whatever fuzz_write left in it. */
const char *fuzz_dir(void);

/* Writes n bytes to fuzz_dir()/name; returns the path (malloc'd). */
char *fuzz_write(const char *name, const void *data, size_t n);

/* Aborts, naming what, unless the n bytes at s are valid UTF-8 without
 * C0 or C1 controls, DEL, bidi or invisible format characters: what
 * text_sanitize promises.  Tab and LF are allowed when lines is true
 * (report output: columns and lines). */
void fuzz_assert_clean(const char *s, size_t n, bool lines, const char *what);

/* Aborts with a message when cond is false (active in every build). */
#define FUZZ_ASSERT(cond, ...) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, __VA_ARGS__))
void fuzz_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));

#endif
