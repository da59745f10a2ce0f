/* bench/keytime: how long the browser takes per key on a loaded budget,
 * for `make bench`.
 *
 *   keytime [-r RUNS] PATH...
 *
 * Loads the paths as yusuan does (classification, load_paths with checks),
 * once, then runs the headless browser (tui_run, as --print-screen does,
 * 80x24, printing to /dev/null) on each case twice over: with the keys
 * that lead to it alone, and with the measured key after them.  The runs
 * alternate; a key's time is the median of the paired differences, so
 * the start of the browser and the leading keys cancel out.  Prints one
 * tab-separated line per case: name, keys, milliseconds. */
#include "config.h"

#include "budget.h"
#include "classification.h"
#include "load.h"
#include "settings.h"
#include "tui/tui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct key_case {
	const char *name;
	const char *before;   /* keys that lead to the case */
	const char *key;      /* the keys measured */
};

/* At the top of a province the list holds every department: the worst
 * place for a key that redraws or re-sorts the list. */
static const struct key_case cases[] = {
	{ "drill in", "", "<Enter>" },
	{ "back", "<Enter>", "h" },
	{ "sort", "", "s" },
	{ "unit toggle", "", "t" },
	{ "search (whole: index, 3 letters, Enter)", "", "/满意度<Enter>" },
	{ "search next match", "/满意度<Enter>", "n" },
};

static FILE *sink;

static double run(struct budget *b, const struct settings *s, const char *keys)
{
	struct tui_options o = { .headless = true, .keys = keys, .cols = 80, .rows = 24,
	                         .out = sink };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (tui_run(b, s, &o) != 0) {
		fprintf(stderr, "keytime: the browser failed on '%s'\n", keys);
		exit(1);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int runs = 15, a = 1;
	if (a + 1 < argc && strcmp(argv[a], "-r") == 0) {
		runs = atoi(argv[a + 1]);
		a += 2;
	}
	if (a == argc || runs < 1 || runs > 1000) {
		fputs("usage: keytime [-r RUNS] PATH...\n", stderr);
		return 2;
	}
	setlocale(LC_ALL, "");
	sink = fopen("/dev/null", "w");
	if (!sink)
		return 1;

	struct budget b;
	budget_init(&b);
	char *cls_path = classification_default_path();
	struct classification *cls = classification_load(cls_path, &b.diags);
	free(cls_path);
	struct load_options lo = { .encoding = ENC_AUTO, .cls = cls, .check = true };
	if (!load_paths(&b, argv + a, (size_t)(argc - a), &lo)) {
		fputs("keytime: nothing could be loaded\n", stderr);
		return 1;
	}
	struct settings set;
	settings_defaults(&set);

	double *diff = malloc((size_t)runs * sizeof *diff);
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		char both[256];
		snprintf(both, sizeof both, "%s%s", cases[c].before, cases[c].key);
		run(&b, &set, both);   /* warm up */
		for (int i = 0; i < runs; i++) {
			double before = run(&b, &set, cases[c].before);
			diff[i] = run(&b, &set, both) - before;
		}
		qsort(diff, (size_t)runs, sizeof *diff, by_value);
		printf("%s\t%s\t%.2f\n", cases[c].name, cases[c].key, diff[runs / 2]);
	}
	free(diff);
	fclose(sink);
	classification_free(cls);
	budget_free(&b);
	return 0;
}
