/* yusuan: options, locale and gettext setup, start-up order, exit codes. */
#include "config.h"

#include "classification.h"
#include "encoding.h"
#include "i18n.h"
#include "load.h"
#include "report.h"
#include "xalloc.h"

#include <getopt.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum exit_code { EXIT_CLEAN = 0, EXIT_REPORTED = 1, EXIT_FATAL = 2 };

static void usage(FILE *out)
{
	fputs(_("Usage: yusuan [OPTION]... [PATH]...\n"
	        "Browse Chinese department budgets (部门预算) exported as CSV.\n"
	        "\n"
	        "Each PATH is a package folder (one department, one year), a folder of\n"
	        "packages, or CSV files.  With no PATH, the bundled samples are opened.\n"
	        "\n"), out);
	fputs(_("Options:\n"
	        "      --dump             print the whole tree as tab-separated text\n"
	        "      --encoding=ENC     read every file as ENC: utf-8, gb18030 (gbk)\n"
	        "                         or utf-16 (default: detect per file)\n"
	        "  -h, --help             show this help and exit\n"
	        "  -V, --version          show the version and exit\n"), out);
}

/* The bundled samples: $YUSUAN_DATADIR/samples (an uninstalled build),
 * else the installed copy. */
static char *default_samples(void)
{
	const char *dir = getenv("YUSUAN_DATADIR");
	return xasprintf("%s/samples", dir && *dir ? dir : PKGDATADIR);
}

static void try_help(void)
{
	fputs(_("Try 'yusuan --help' for more information.\n"), stderr);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	/* Messages are UTF-8 inside; output converts them like all other text. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif

	enum { OPT_DUMP = 256, OPT_ENCODING };
	static const struct option longopts[] = {
		{ "dump", no_argument, NULL, OPT_DUMP },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool dump = false;
	struct load_options lo = { .encoding = ENC_AUTO };
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return EXIT_CLEAN;
		case 'V':
			printf("yusuan %s\n", VERSION);
			return EXIT_CLEAN;
		case OPT_DUMP:
			dump = true;
			break;
		case OPT_ENCODING:
			if (!encoding_parse_name(optarg, &lo.encoding)) {
				fprintf(stderr, _("yusuan: unknown encoding '%s' (use utf-8, gb18030 or utf-16)\n"),
				        optarg);
				try_help();
				return EXIT_FATAL;
			}
			break;
		case ':':
			fprintf(stderr, _("yusuan: option '%s' needs a value\n"), argv[optind - 1]);
			try_help();
			return EXIT_FATAL;
		default:
			fprintf(stderr, _("yusuan: unknown option '%s'\n"), argv[optind - 1]);
			try_help();
			return EXIT_FATAL;
		}
	}

	struct budget b;
	budget_init(&b);
	char *cls_path = classification_default_path();
	struct classification *cls = classification_load(cls_path, &b.diags);
	free(cls_path);
	lo.cls = cls;

	char *samples[] = { NULL };
	char **paths = argv + optind;
	size_t npaths = (size_t)(argc - optind);
	if (!npaths) {
		samples[0] = default_samples();
		paths = samples;
		npaths = 1;
	}
	size_t loaded = load_paths(&b, paths, npaths, &lo);
	int rc = loaded == 0 ? EXIT_FATAL : b.diags.n ? EXIT_REPORTED : EXIT_CLEAN;
	if (dump) {
		report_messages(stderr, &b.diags);
		report_dump(stdout, &b);
	} else {
		report_messages(stderr, &b.diags);
		report_dump(stdout, &b);
	}
	free(samples[0]);
	classification_free(cls);
	budget_free(&b);
	return rc;
}
