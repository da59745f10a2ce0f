#include "config.h"

#include "actions.h"

#include <string.h>

static const char *const names[ACT__COUNT] = {
	[ACT_NONE] = "none",
#define X(e, name, keys, help) [e] = name,
	ACTION_LIST(X)
#undef X
};

static const char *const helps[ACT__COUNT] = {
	[ACT_NONE] = "",
#define X(e, name, keys, help) [e] = help,
	ACTION_LIST(X)
#undef X
};

enum action action_by_name(const char *name)
{
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++)
		if (strcmp(names[a], name) == 0)
			return (enum action)a;
	return ACT_NONE;
}

const char *action_name(enum action a)
{
	return (unsigned)a < ACT__COUNT ? names[a] : names[ACT_NONE];
}

const char *action_help(enum action a)
{
	return (unsigned)a < ACT__COUNT ? helps[a] : helps[ACT_NONE];
}
