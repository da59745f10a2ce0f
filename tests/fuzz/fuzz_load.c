/* The whole load path: bytes → files of one package → encoding → records →
 * sheets → the model → checks → reports, and the sanitised text the
 * browser would draw.
 *
 * The input is one package: files separated by FUZZ_FILE_SEPARATOR (the
 * seeds join each sample package this way, so that the cross-table checks
 * run), at most FUZZ_FILES_MAX of them. */
#include "config.h"

#include "fuzz.h"
#include "budget.h"
#include "checks.h"
#include "classification.h"
#include "load.h"
#include "report.h"
#include "text.h"
#include "xalloc.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_FILE_SEPARATOR "\n--yusuan-file--\n"
#define FUZZ_FILES_MAX 16

static struct classification *cls;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	struct diags d;
	diags_init(&d);
	char *path = classification_default_path();
	cls = classification_load(path, &d);
	if (!cls)
		fprintf(stderr, "fuzz_load: %s not loaded (set YUSUAN_DATADIR): "
		        "the code checks are not fuzzed\n", path);
	free(path);
	diags_free(&d);
	fuzz_dir();
	return 0;
}

/* What the browser would draw of s: sanitised, clean, and fitted into a
 * few widths exactly as the contract of text_fit says. */
static void check_text(const char *s, const char *what)
{
	if (!s)
		return;
	char *clean = text_sanitize(s, strlen(s));
	fuzz_assert_clean(clean, strlen(clean), false, what);
	static const int widths[] = { 1, 2, 7, 40 };
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		int cols = widths[i];
		size_t cap = TEXT_FIT_UTF8CAP(cols);
		char *buf = xmalloc(cap);
		int used = text_fit_utf8(clean, cols, buf, cap);
		FUZZ_ASSERT(used >= 0 && used <= cols && text_width(buf) == used,
		            "%s: fitted into %d columns, used %d, measures %d",
		            what, cols, used, text_width(buf));
		free(buf);
	}
	free(clean);
}

static void check_node(const struct budget *b, const struct node *n, int depth)
{
	FUZZ_ASSERT(depth < 64, "the tree is %d levels deep", depth);
	FUZZ_ASSERT(n->file < b->nfiles, "a node's origin names file %u of %zu",
	            (unsigned)n->file, b->nfiles);
	check_text(n->code, "node code");
	check_text(n->name, "node name");
	check_text(node_value(n), "node value");
	check_text(node_note(n), "node note");
	for (uint16_t i = 0; i < n->nfigs; i++)
		FUZZ_ASSERT(n->figs[i].file < b->nfiles,
		            "a figure's origin names file %u", (unsigned)n->figs[i].file);
	for (uint32_t i = 0; i < n->nkids; i++) {
		FUZZ_ASSERT(n->kids[i]->parent == n, "a child's parent is not its parent");
		check_node(b, n->kids[i], depth + 1);
	}
}

/* Runs a report into memory and checks that it cannot drive a terminal. */
static void check_report(const struct budget *b, bool dump)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	FUZZ_ASSERT(out, "open_memstream failed");
	if (dump)
		report_dump(out, b);
	else
		report_check(out, b);
	fclose(out);
	fuzz_assert_clean(buf, len, true, dump ? "--dump" : "--check");
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	char *files[FUZZ_FILES_MAX];
	size_t nfiles = 0;
	const size_t seplen = strlen(FUZZ_FILE_SEPARATOR);
	while (nfiles < FUZZ_FILES_MAX) {
		const char *sep = nfiles + 1 < FUZZ_FILES_MAX
		                  ? memmem(p, (size_t)(end - p), FUZZ_FILE_SEPARATOR, seplen)
		                  : NULL;
		const char *stop = sep ? sep : end;
		char name[16];
		snprintf(name, sizeof name, "t%02zu.csv", nfiles);
		files[nfiles++] = fuzz_write(name, p, (size_t)(stop - p));
		if (!sep)
			break;
		p = sep + seplen;
	}

	struct budget b;
	budget_init(&b);
	struct load_options lo = { .encoding = ENC_AUTO, .cls = cls };
	char *dir = (char *)fuzz_dir();
	if (load_paths(&b, &dir, 1, &lo))
		checks_run(&b, cls);
	if (b.root)
		check_node(&b, b.root, 0);
	for (size_t i = 0; i < b.diags.n; i++)
		check_text(b.diags.v[i].text, "message");
	for (size_t i = 0; i < b.nfindings; i++)
		check_text(b.findings[i].text, "finding");
	check_report(&b, true);
	check_report(&b, false);
	budget_free(&b);

	for (size_t i = 0; i < nfiles; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	return 0;
}
