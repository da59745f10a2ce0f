/* The config file: settings_load on any bytes, then the promise of
 * settings_write: the settings and key map it writes read back to the
 * same, without a message. */
#include "config.h"

#include "fuzz.h"
#include "actions.h"
#include "keys.h"
#include "settings.h"
#include "text.h"
#include "xalloc.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	fuzz_dir();
	return 0;
}

static void check_messages(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *clean = text_sanitize(d->v[i].text, strlen(d->v[i].text));
		fuzz_assert_clean(clean, strlen(clean), false, "config message");
		free(clean);
	}
}

/* The key map as text, one line per action. */
static char *describe_keys(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	FUZZ_ASSERT(out, "open_memstream failed");
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		char keys[256];
		keymap_describe((enum action)a, keys, sizeof keys);
		fprintf(out, "%s = %s\n", action_name((enum action)a), keys);
	}
	fclose(out);
	return buf;
}

static bool same_settings(const struct settings *a, const struct settings *b)
{
	if (a->unit != b->unit || a->sort != b->sort || a->reverse != b->reverse ||
	    a->bars != b->bars || a->color != b->color || a->ascii != b->ascii ||
	    a->ambiguous_width != b->ambiguous_width)
		return false;
	for (int r = 0; r < ROLE__COUNT; r++)
		if (a->colors[r].fg != b->colors[r].fg || a->colors[r].bg != b->colors[r].bg ||
		    a->colors[r].attrs != b->colors[r].attrs)
			return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_write("yusuan.ini", data, size);
	struct settings s;
	settings_defaults(&s);
	struct diags d;
	diags_init(&d);
	settings_load(&s, path, true, &d);
	check_messages(&d);
	diags_free(&d);

	char *written = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&written, &len);
	FUZZ_ASSERT(out, "open_memstream failed");
	settings_write(&s, out);
	fclose(out);
	char *keys = describe_keys();
	char *path2 = fuzz_write("written.ini", written, len);

	struct settings s2;
	settings_defaults(&s2);
	diags_init(&d);
	bool ok = settings_load(&s2, path2, true, &d);
	if (!ok || d.n || !same_settings(&s, &s2))
		fuzz_fail(__FILE__, __LINE__, "settings_write wrote what does not read back "
		          "(%zu messages%s%s):\n%s", d.n, d.n ? ", the first: " : "",
		          d.n ? d.v[0].text : "", written);
	char *keys2 = describe_keys();
	FUZZ_ASSERT(strcmp(keys, keys2) == 0, "the key map does not read back:\n%s\nbecame\n%s",
	            keys, keys2);
	diags_free(&d);

	free(keys);
	free(keys2);
	free(written);
	unlink(path2);
	unlink(path);
	free(path2);
	free(path);
	return 0;
}
