/* yusuan: options, locale and gettext setup, start-up order, exit codes. */
#include "config.h"

#include "classification.h"
#include "encoding.h"
#include "i18n.h"
#include "load.h"
#include "out.h"
#include "report.h"
#include "settings.h"
#include "text.h"
#include "tui/tui.h"
#include "xalloc.h"

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum exit_code { EXIT_CLEAN = 0, EXIT_REPORTED = 1, EXIT_FATAL = 2 };

static void usage(FILE *out)
{
	out_puts(out, _("Usage: yusuan [OPTION]... [PATH]...\n"
	                "Browse Chinese department budgets (部门预算) exported as CSV.\n"
	                "\n"
	                "Each PATH is a package folder (one department, one year), a folder of\n"
	                "packages, or CSV files.  With no PATH, the bundled samples are opened.\n"
	                "\n"));
	out_puts(out, _("Options:\n"
	                "      --check            check that the figures reconcile; print the findings\n"
	                "      --dump             print the whole tree as tab-separated text\n"
	                "      --encoding=ENC     read every file as ENC: utf-8, gb18030 (gbk)\n"
	                "                         or utf-16 (default: detect per file)\n"
	                "      --config=FILE      read settings from FILE\n"
	                "      --no-color         no colours, attributes only (also NO_COLOR)\n"
	                "      --ascii            draw bars and lines in ASCII\n"));
	out_puts(out, _("      --keys=KEYS        replay key names first, e.g. 'jj<Enter>/公益<Enter>'\n"
	                "      --keys-file=FILE   read the keys from FILE ('#' lines are captions)\n"
	                "      --screen=COLSxROWS the screen size in headless mode (default 80x24)\n"
	                "      --print-screen     headless: replay the keys, print the screen, exit\n"
	                "      --play=FILE        replay a key file visibly, for demonstrations\n"
	                "      --delay=MS         milliseconds between played keys (default 600)\n"
	                "  -h, --help             show this help and exit\n"
	                "  -V, --version          show the version and exit\n"));
	out_puts(out, _("\n"
	                "Give at most one of --check, --dump, --print-screen and --play.\n"
	                "Exit status: 0 all loaded (and reconciled), 1 something was skipped or\n"
	                "does not reconcile, 2 nothing could be loaded or bad usage.\n"
	                "In the browser, press ? for the keys.  See also: man yusuan\n"));
}

static void try_help(void)
{
	out_puts(stderr, _("Try 'yusuan --help' for more information.\n"));
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	out_printf(stderr, "yusuan: %s\n", msg);
	free(msg);
	try_help();
	return EXIT_FATAL;
}

/* --check, --dump, --print-screen and --play each decide what the run
 * does, and only one can: the second would be silently ignored.  *mode
 * keeps the first one given. */
static bool set_mode(const char **mode, const char *option)
{
	if (*mode && strcmp(*mode, option) != 0)
		return false;
	*mode = option;
	return true;
}

static int mode_conflict(const char *first, const char *second)
{
	return usage_error(_("options '%s' and '%s' cannot be used together"),
	                   first, second);
}

/* The bundled samples: $YUSUAN_DATADIR/samples (an uninstalled build),
 * else the installed copy. */
static char *default_samples(void)
{
	const char *dir = getenv("YUSUAN_DATADIR");
	return xasprintf("%s/samples", dir && *dir ? dir : PKGDATADIR);
}

/* The command that generates a locale: "zh_CN.GBK" → "localedef -i zh_CN
 * -f GBK zh_CN.GBK"; a name of another shape gets the Chinese UTF-8 one. */
static char *localedef_hint(const char *want)
{
	const char *dot = strchr(want, '.');
	size_t cs = dot ? strcspn(dot + 1, "@") : 0;
	if (!dot || dot == want || !cs || strspn(want, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != (size_t)(dot - want))
		return xstrdup("localedef -i zh_CN -f UTF-8 zh_CN.UTF-8");
	return xasprintf("localedef -i %.*s -f %.*s %s", (int)(dot - want), want,
	                 (int)cs, dot + 1, want);
}

/* The locale asked for that is not installed: LC_ALL's, else the first
 * of the other variables setlocale reads that names a missing one. */
static const char *missing_locale(void)
{
	static const char *const vars[] = {
		"LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_COLLATE", "LC_NUMERIC",
		"LC_TIME", "LC_MONETARY", "LC_PAPER", "LC_NAME", "LC_ADDRESS",
		"LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION", "LANG",
	};

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *want = getenv(vars[i]);
		if (!want || !*want)
			continue;
		locale_t l = newlocale(LC_ALL_MASK, want, (locale_t)0);
		if (!l)
			return want;
		freelocale(l);
		if (i == 0)
			break;   /* LC_ALL overrides the others */
	}
	return "";
}

/* A locale that is not installed leaves the C locale: CJK would show as
 * blanks or garbage, so say why and how to fix it, once, whatever the
 * mode: the user asked for that locale. */
static void say_locale_missing(void)
{
	const char *want = missing_locale();
	char *hint = localedef_hint(want);
	out_printf(stderr, _("yusuan: the locale '%s' is not installed: Chinese text is "
	                     "shown as <U+XXXX> escapes; generate it with '%s', or %s\n"),
	           want, hint, _(LOCALE_HINT));
	free(hint);
}

/* The C locale is often chosen on purpose (scripts, --check): only the
 * browser, which is there to show the names, says what it costs. */
static void say_locale_c(void)
{
	out_printf(stderr, _("yusuan: the locale is C: Chinese text is shown as "
	                     "<U+XXXX> escapes; %s\n"), _(LOCALE_HINT));
}

/* Puts a copy of first's messages before d's: the settings are read
 * before the budget. */
static void diags_prepend(struct diags *d, const struct diags *first)
{
	struct diags all;
	diags_init(&all);
	diags_append(&all, first);
	diags_append(&all, d);
	diags_free(d);
	*d = all;
}

/* The --keys text in UTF-8: a command line comes in the locale's
 * encoding, so in a GBK terminal '/资产<Enter>' arrives as GBK bytes.
 * NULL when it is UTF-8 already (or in an encoding yusuan does not
 * read, whose bytes then get key_parse's message). */
static char *keys_in_utf8(const char *keys)
{
	enum encoding e;
	struct decoded text;

	if (!encoding_parse_name(nl_langinfo(CODESET), &e) || e != ENC_GB18030)
		return NULL;
	struct decoder *dec = decoder_new();
	char *utf8 = decode_bytes(dec, keys, strlen(keys), ENC_GB18030, &text) && !text.invalid
	             ? xstrndup(text.utf8, text.len) : NULL;
	decoder_free(dec);
	return utf8;
}

static bool parse_screen(const char *s, int *cols, int *rows)
{
	char *end;
	long c = strtol(s, &end, 10);
	if (end == s || (*end != 'x' && *end != 'X'))
		return false;
	const char *r0 = end + 1;
	long r = strtol(r0, &end, 10);
	if (end == r0 || *end || c < 1 || c > 1000 || r < 1 || r > 1000)
		return false;
	*cols = (int)c;
	*rows = (int)r;
	return true;
}

int main(int argc, char **argv)
{
	bool locale_ok = setlocale(LC_ALL, "") != NULL;
#if ENABLE_NLS
	/* Like YUSUAN_DATADIR: an uninstalled build's tests bring their own
	 * catalogs. */
	const char *localedir = getenv("YUSUAN_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	/* Messages are UTF-8 inside; output converts them like all other text. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	if (!locale_ok)
		say_locale_missing();

	enum {
		OPT_DUMP = 256, OPT_ENCODING, OPT_CHECK, OPT_CONFIG, OPT_NO_COLOR,
		OPT_ASCII, OPT_KEYS, OPT_KEYS_FILE, OPT_SCREEN, OPT_PRINT_SCREEN,
		OPT_PLAY, OPT_DELAY,
	};
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "dump", no_argument, NULL, OPT_DUMP },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "ascii", no_argument, NULL, OPT_ASCII },
		{ "keys", required_argument, NULL, OPT_KEYS },
		{ "keys-file", required_argument, NULL, OPT_KEYS_FILE },
		{ "screen", required_argument, NULL, OPT_SCREEN },
		{ "print-screen", no_argument, NULL, OPT_PRINT_SCREEN },
		{ "play", required_argument, NULL, OPT_PLAY },
		{ "delay", required_argument, NULL, OPT_DELAY },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool dump = false, check = false;
	const char *config = NULL, *keys_file = NULL, *mode = NULL;
	struct load_options lo = { .encoding = ENC_AUTO };
	struct tui_options to = { .cols = 80, .rows = 24 };
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
			if (!set_mode(&mode, "--dump"))
				return mode_conflict(mode, "--dump");
			dump = true;
			break;
		case OPT_CHECK:
			if (!set_mode(&mode, "--check"))
				return mode_conflict(mode, "--check");
			check = true;
			break;
		case OPT_ENCODING:
			if (!encoding_parse_name(optarg, &lo.encoding))
				return usage_error(_("unknown encoding '%s' (use utf-8, gb18030 or utf-16)"),
				                   optarg);
			break;
		case OPT_CONFIG:
			config = optarg;
			break;
		case OPT_NO_COLOR:
			to.no_color = true;
			break;
		case OPT_ASCII:
			to.ascii = true;
			break;
		case OPT_KEYS:
			to.keys = optarg;
			break;
		case OPT_KEYS_FILE:
			keys_file = optarg;
			break;
		case OPT_SCREEN:
			if (!parse_screen(optarg, &to.cols, &to.rows))
				return usage_error(_("bad screen size '%s' (use COLSxROWS, e.g. 80x24)"),
				                   optarg);
			break;
		case OPT_PRINT_SCREEN:
			if (!set_mode(&mode, "--print-screen"))
				return mode_conflict(mode, "--print-screen");
			to.headless = true;
			break;
		case OPT_PLAY:
			if (!set_mode(&mode, "--play"))
				return mode_conflict(mode, "--play");
			to.play_file = optarg;
			break;
		case OPT_DELAY: {
			char *end;
			long ms = strtol(optarg, &end, 10);
			if (end == optarg || *end || ms < 0 || ms > 60000)
				return usage_error(_("bad delay '%s' (milliseconds, 0 to 60000)"), optarg);
			to.delay_ms = ms ? (int)ms : 1;
			break;
		}
		case ':':
			return usage_error(_("option '%s' needs a value"), argv[optind - 1]);
		default:
			return usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	bool browse = !dump && !check, interactive = browse && !to.headless;
	if (interactive && locale_ok && text_locale_is_ascii())
		say_locale_c();

	char *owned_keys = to.keys ? keys_in_utf8(to.keys) : NULL;
	if (owned_keys)
		to.keys = owned_keys;
	if (keys_file) {
		free(owned_keys);
		const char *why;
		if (!tui_keys_from_file(keys_file, &owned_keys, &why)) {
			out_printf(stderr, "yusuan: %s: %s\n", keys_file, why);
			return EXIT_FATAL;
		}
		to.keys = owned_keys;
	}

	struct settings set;
	settings_defaults(&set);
	struct diags cfg;
	diags_init(&cfg);
	char *cfg_path = settings_path(config);
	bool cfg_ok = settings_load(&set, cfg_path, config != NULL, &cfg);
	free(cfg_path);
	/* On a terminal the browser's screen would hide them: they are
	 * printed with the loading messages on quitting. */
	if (!interactive || !cfg_ok)
		report_messages(stderr, &cfg);
	if (!cfg_ok) {
		diags_free(&cfg);
		free(owned_keys);
		return EXIT_FATAL;
	}
	text_set_ambiguous_width(set.ambiguous_width);

	struct budget b;
	budget_init(&b);
	char *cls_path = classification_default_path();
	struct classification *cls = classification_load(cls_path, &b.diags);
	free(cls_path);
	lo.cls = cls;
	lo.check = true;

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

	if (check) {
		size_t problems = report_check(stdout, &b);
		if (rc != EXIT_FATAL)
			rc = problems ? EXIT_REPORTED : EXIT_CLEAN;
	} else if (dump) {
		report_messages(stderr, &b.diags);
		report_dump(stdout, &b);
	} else if (!loaded) {
		if (interactive)
			report_messages(stderr, &cfg);
		report_messages(stderr, &b.diags);
		out_puts(stderr, _("yusuan: nothing could be loaded\n"));
	} else {
		/* The findings view (v) lists them with the loading messages;
		 * the exit status, about the budget, was set without them. */
		diags_prepend(&b.diags, &cfg);
		int trc = tui_run(&b, &set, &to);
		if (trc)
			rc = trc;
		/* A browser that could not start showed nothing, not even
		 * the settings' warnings. */
		if (!to.headless)
			report_messages(stderr, trc ? &cfg : &b.diags);
	}
	diags_free(&cfg);
	free(samples[0]);
	free(owned_keys);
	classification_free(cls);
	budget_free(&b);
	return rc;
}
