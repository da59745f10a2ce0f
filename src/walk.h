/* Paths from the command line → packages of CSV files, and reading a file.
 *
 * A folder that directly holds CSV files (.csv, .txt, .tsv: any case) is a
 * package; its sub-folders are walked too (a folder of packages is a
 * collection), at most WALK_DEPTH_MAX levels below the folder given.
 * Files named on the command line form one package per parent folder,
 * in the order given, whatever their names.  Within a folder, names are
 * sorted by their bytes; a folder's own package comes before those of
 * its sub-folders.
 *
 * Skipped with a message (file = the path, record 0): missing or unreadable
 * paths, workbooks (.xlsx, .xls, .et, .ods that hold one: save each sheet
 * as CSV; a CSV file under such a name is read), pipes, devices and
 * sockets (never opened), symbolic link loops, a folder reached twice,
 * and whatever is past a limit.  Other files in folders are ignored
 * silently, as are hidden names (".x", also macOS "._x.csv") and Office
 * lock files ("~$x.xlsx"). */
#ifndef YUSUAN_WALK_H
#define YUSUAN_WALK_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

#define WALK_DEPTH_MAX 8          /* folder levels below a folder given */
#define WALK_FILES_MAX 100000     /* CSV files in all */
#define INPUT_FILE_MAX ((size_t)512 << 20)   /* bytes in one file */

struct input_file {
	char *path;          /* to open: as given, or folder given + "/" + name */
};

struct package {         /* one department-year */
	char *dir;           /* the folder, as reached; "." for "x.csv" */
	struct input_file *files;
	size_t nfiles;       /* at least 1 */
};

struct inputs {          /* owns all its strings and arrays */
	struct package *pkgs;
	size_t npkgs;
};

/* Fills *out (which needs no initialising) from the paths.  Returns false
 * when no CSV file at all was found; *out must be freed either way. */
bool walk_paths(char *const *paths, size_t npaths, struct inputs *out,
                struct diags *d);
void inputs_free(struct inputs *in);

/* A file's bytes; one buffer reused for every file. */
struct file_bytes {
	char *data;
	size_t len, cap;
};

/* Reads the whole file at path into buf (replacing what it held).  Opens
 * without blocking and reads only a regular file (a path may have become
 * a pipe since the walk).  False, with a message, when it cannot. */
bool input_read(const char *path, struct file_bytes *buf, struct diags *d);
void file_bytes_free(struct file_bytes *buf);

#endif
