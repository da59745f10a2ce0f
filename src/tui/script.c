#include "config.h"

#include "script.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_FILE_MAX (1 << 20)

static void add(struct script *sc, const struct key *k, const char *caption)
{
	if (sc->n == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 64;
		sc->v = xreallocarray(sc->v, sc->cap, sizeof *sc->v);
	}
	sc->v[sc->n++] = (struct step){
		.key = k ? *k : (struct key){0},
		.caption = caption ? text_sanitize(caption, strlen(caption)) : NULL,
	};
}

void script_free(struct script *sc)
{
	for (size_t i = 0; i < sc->n; i++)
		free(sc->v[i].caption);
	free(sc->v);
	*sc = (struct script){0};
}

bool script_keys(struct script *sc, const char *keys, const char **why)
{
	while (*keys) {
		const char *at = keys;
		struct key k;

		*why = _("unknown key name");
		if (!key_parse(&keys, &k, why) || keys == at)
			return false;
		add(sc, &k, NULL);
	}
	return true;
}

/* The whole file as NUL-terminated UTF-8 without BOM (free it), or NULL
 * with *why. */
static char *read_text(const char *path, const char **why)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f) {
		*why = strerror(errno);
		return NULL;
	}
	buf = xmalloc(KEY_FILE_MAX + 1);
	n = fread(buf, 1, KEY_FILE_MAX + 1, f);
	*why = ferror(f) ? strerror(errno)
	       : n > KEY_FILE_MAX ? _("too large for a key file (over 1 MB)")
	       : memchr(buf, '\0', n) ? _("not a text file")
	       : NULL;
	fclose(f);
	for (size_t i = 0; !*why && i < n;) {
		uint32_t cp;
		size_t len = utf8_next(buf + i, n - i, &cp);

		if (cp == 0xFFFD && len == 1)
			*why = _("not UTF-8 text");
		i += len;
	}
	if (*why) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	if (!strncmp(buf, "\xEF\xBB\xBF", 3))
		memmove(buf, buf + 3, n - 2);
	return buf;
}

/* Cuts the next line off *rest in place, without its CR LF or LF; NULL
 * at the end of the text. */
static char *next_line(char **rest)
{
	char *line = *rest, *nl;
	size_t len;

	if (!line || !*line)
		return NULL;
	nl = strchr(line, '\n');
	if (nl)
		*nl = '\0';
	*rest = nl ? nl + 1 : NULL;
	len = strlen(line);
	if (len && line[len - 1] == '\r')
		line[len - 1] = '\0';
	return line;
}

bool script_load(struct script *sc, const char *path, bool captions,
                 size_t *line, const char **why)
{
	char *text = read_text(path, why), *rest = text, *l;
	bool ok = true;

	*line = 0;
	if (!text)
		return false;
	while (ok && (l = next_line(&rest))) {
		++*line;
		if (l[0] != '#')
			ok = script_keys(sc, l, why);
		else if (captions)
			add(sc, NULL, l + 1 + strspn(l + 1, " "));
	}
	free(text);
	return ok;
}

bool tui_keys_from_file(const char *path, char **keys, const char **why)
{
	char *text = read_text(path, why), *rest = text, *line;
	size_t o = 0;

	if (!text)
		return false;
	*keys = xmalloc(strlen(text) + 1);
	while ((line = next_line(&rest))) {
		if (line[0] == '#')
			continue;
		memcpy(*keys + o, line, strlen(line));
		o += strlen(line);
	}
	(*keys)[o] = '\0';
	free(text);
	return true;
}
