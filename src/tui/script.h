/* Key scripts: the keys of --keys, --keys-file and --play as a list of
 * steps, parsed before the screen opens so that a bad name is reported on
 * stderr.
 *
 * Key names are those of keys.h.  In a key file line ends are not keys
 * (a CR before them is dropped), a UTF-8 BOM is skipped, and a line that
 * starts with '#' is a caption (for --play) rather than keys.
 * tui_keys_from_file (tui.h) is implemented here too. */
#ifndef YUSUAN_TUI_SCRIPT_H
#define YUSUAN_TUI_SCRIPT_H

#include "keys.h"

#include <stdbool.h>
#include <stddef.h>

struct step {
	struct key key;
	char *caption;       /* sanitised, owned; NULL for a key */
};

struct script {
	struct step *v;
	size_t n, cap;
};

/* Appends the keys named in keys.  On a bad name returns false with *why
 * (translated; see key_parse for how long it lives). */
bool script_keys(struct script *sc, const char *keys, const char **why);
/* Appends the steps of a key file, captions included when `captions`.
 * On failure returns false with *why and *line (0: the file as a whole). */
bool script_load(struct script *sc, const char *path, bool captions,
                 size_t *line, const char **why);
void script_free(struct script *sc);

#endif
