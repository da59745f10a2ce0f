#include "config.h"

#include "walk.h"
#include "i18n.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

struct dir_id {
	dev_t dev;
	ino_t ino;
};

struct walker {
	struct inputs *out;
	struct diags *d;
	size_t nfiles;                 /* CSV files taken so far */
	bool files_limit_hit, depth_limit_hit;
	struct dir_id path[WALK_DEPTH_MAX + 1];   /* folders above, for loops */
	void *seen;                    /* tsearch tree of every folder read */
	size_t *loose;                 /* packages of files named one by one */
	size_t nloose;
};

/* An entry of a folder being read. */
struct dir_entry {
	char *name;
	char *path;
	mode_t type;   /* S_IFREG, S_IFDIR, ...: of the file it leads to */
};

/* Appends room for one more element to an array of n elements whose
 * capacity is the next power of two: no capacity field needed. */
static void *grow(void *v, size_t n, size_t size)
{
	if (n & (n - 1))
		return v;
	return xreallocarray(v, n ? n * 2 : 1, size);
}

static bool has_ext(const char *name, const char *const *exts)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return false;
	for (; *exts; exts++)
		if (strcasecmp(dot + 1, *exts) == 0)
			return true;
	return false;
}

static bool is_csv(const char *name)
{
	static const char *const exts[] = { "csv", "txt", "tsv", NULL };
	return has_ext(name, exts);
}

static bool is_workbook(const char *name)
{
	static const char *const exts[] = {
		"xlsx", "xlsm", "xls", "et", "ods", NULL
	};
	return has_ext(name, exts);
}

/* Whether the file starts as a workbook does: a zip archive (xlsx, ods)
 * or an OLE2 compound file (xls, et).  A CSV file saved under a
 * workbook's name is read as what it is. */
static bool holds_workbook(const char *path)
{
	static const unsigned char zip[4] = { 'P', 'K', 3, 4 };
	static const unsigned char ole2[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	unsigned char head[8];
	/* O_NONBLOCK: what was a file when the folder was listed may be a
	 * pipe by now. */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return false;   /* reading it will say why */
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	return (n >= (ssize_t)sizeof zip && memcmp(head, zip, sizeof zip) == 0) ||
	       (n == (ssize_t)sizeof ole2 && memcmp(head, ole2, sizeof ole2) == 0);
}

static void note_workbook(struct walker *w, const char *path,
                          enum severity sev)
{
	diag_add(w->d, path, 0, sev,
	         _("this is a spreadsheet workbook, not CSV: open it and "
	           "save each sheet as CSV (\"Save As\", CSV UTF-8 or CSV), "
	           "then open the folder of CSV files"));
}

static void refuse_special(struct diags *d, const char *path)
{
	diag_add(d, path, 0, SEV_WARNING,
	         _("not a regular file (a folder, pipe, device or socket): "
	           "not read"));
}

static size_t new_package(struct walker *w, const char *dir)
{
	struct inputs *out = w->out;
	out->pkgs = grow(out->pkgs, out->npkgs, sizeof *out->pkgs);
	out->pkgs[out->npkgs] = (struct package){ .dir = xstrdup(dir) };
	return out->npkgs++;
}

/* Adds a CSV file to package *pkg, making the package on the first file.
 * False once the limit is reached. */
static bool add_file(struct walker *w, size_t *pkg, const char *dir,
                     const char *path)
{
	if (w->nfiles == WALK_FILES_MAX) {
		if (!w->files_limit_hit)
			diag_add(w->d, path, 0, SEV_WARNING,
			         _("more than %u files: the rest were skipped "
			           "(limit: files per collection)"),
			         (unsigned)WALK_FILES_MAX);
		w->files_limit_hit = true;
		return false;
	}
	if (*pkg == (size_t)-1)
		*pkg = new_package(w, dir);
	struct package *p = &w->out->pkgs[*pkg];
	p->files = grow(p->files, p->nfiles, sizeof *p->files);
	p->files[p->nfiles++].path = xstrdup(path);
	w->nfiles++;
	return true;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct dir_entry *)a)->name,
	              ((const struct dir_entry *)b)->name);
}

static bool skipped_name(const char *name)
{
	return name[0] == '.' || strncmp(name, "~$", 2) == 0;
}

/* The file type readdir tells, 0 when it does not know it or the entry is
 * a symbolic link (whose target only stat() tells). */
static mode_t type_of(unsigned char d_type)
{
	switch (d_type) {
	case DT_REG: return S_IFREG;
	case DT_DIR: return S_IFDIR;
	case DT_FIFO: return S_IFIFO;
	case DT_CHR: return S_IFCHR;
	case DT_BLK: return S_IFBLK;
	case DT_SOCK: return S_IFSOCK;
	default: return 0;
	}
}

/* Reads the sorted entries of an open folder with their types, stat()ing
 * (following symbolic links) in name order those whose type readdir does
 * not tell, so that messages come in name order whatever order the file
 * system lists them in; a stat() per file cost a province a fifth of a
 * second.  Entries that cannot be stat()ed get a message and are left
 * out.  Closes dir. */
static struct dir_entry *read_entries(struct walker *w, DIR *dir,
                                      const char *path, size_t *n)
{
	const char *sep = path[strlen(path) - 1] == '/' ? "" : "/";
	struct dir_entry *v = NULL;
	size_t all = 0;
	struct dirent *de;
	while (errno = 0, (de = readdir(dir)) != NULL) {
		if (skipped_name(de->d_name))
			continue;
		v = grow(v, all, sizeof *v);
		v[all++] = (struct dir_entry){
			.name = xstrdup(de->d_name),
			.path = xasprintf("%s%s%s", path, sep, de->d_name),
			.type = type_of(de->d_type),
		};
	}
	if (errno != 0)
		diag_add(w->d, path, 0, SEV_WARNING,
		         _("cannot read this folder: %s"), strerror(errno));
	if (all > 1)
		qsort(v, all, sizeof *v, by_name);
	/* Without search permission on the folder, stat() fails for every
	 * entry: then each is stat()ed for its message. */
	bool searchable = faccessat(dirfd(dir), ".", X_OK, AT_EACCESS) == 0;
	*n = 0;
	for (size_t i = 0; i < all; i++) {
		struct stat st;
		if (!searchable)
			v[i].type = 0;
		if (!v[i].type && fstatat(dirfd(dir), v[i].name, &st, 0) != 0) {
			diag_add(w->d, v[i].path, 0, SEV_WARNING,
			         _("cannot open: %s"), strerror(errno));
			free(v[i].name);
			free(v[i].path);
			continue;
		}
		if (!v[i].type)
			v[i].type = st.st_mode & S_IFMT;
		v[(*n)++] = v[i];
	}
	closedir(dir);
	return v;
}

static bool same_dir(const struct dir_id *a, const struct dir_id *b)
{
	return a->dev == b->dev && a->ino == b->ino;
}

static int dir_order(const void *a, const void *b)
{
	const struct dir_id *x = a, *y = b;
	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* Remembers a folder; false if it was already read. */
static bool first_visit(struct walker *w, const struct dir_id *id)
{
	struct dir_id *copy = xmalloc(sizeof *copy);
	*copy = *id;
	struct dir_id **found = tsearch(copy, &w->seen, dir_order);
	if (found && *found == copy)
		return true;
	free(copy);          /* a repeat, or no memory to remember it */
	return !found;
}

static void walk_dir(struct walker *w, const char *path, size_t depth)
{
	if (w->files_limit_hit)
		return;
	if (depth > WALK_DEPTH_MAX) {
		if (!w->depth_limit_hit)
			diag_add(w->d, path, 0, SEV_WARNING,
			         _("folders more than %u levels down were "
			           "skipped (limit: folder depth)"),
			         (unsigned)WALK_DEPTH_MAX);
		w->depth_limit_hit = true;
		return;
	}
	/* opendir opens with O_DIRECTORY: whatever else path has become is
	 * not opened. */
	DIR *dir = opendir(path);
	struct stat st;
	if (!dir || fstat(dirfd(dir), &st) != 0) {
		diag_add(w->d, path, 0, SEV_WARNING,
		         _("cannot read this folder: %s"), strerror(errno));
		if (dir)
			closedir(dir);
		return;
	}
	struct dir_id id = { st.st_dev, st.st_ino };
	for (size_t i = 0; i < depth; i++)
		if (same_dir(&w->path[i], &id)) {
			diag_add(w->d, path, 0, SEV_WARNING,
			         _("symbolic link loop: this leads back to a "
			           "folder that contains it; skipped"));
			closedir(dir);
			return;
		}
	if (!first_visit(w, &id)) {
		diag_add(w->d, path, 0, SEV_NOTE,
		         _("this folder was already read through another "
		           "path; skipped"));
		closedir(dir);
		return;
	}
	w->path[depth] = id;

	size_t n = 0;
	struct dir_entry *v = read_entries(w, dir, path, &n);
	/* This folder's files first, then its sub-folders in name order. */
	size_t pkg = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		struct dir_entry *e = &v[i];
		if (S_ISDIR(e->type))
			continue;
		if (S_ISREG(e->type)) {
			if (is_workbook(e->name) && holds_workbook(e->path)) {
				note_workbook(w, e->path, SEV_NOTE);
			} else if (is_csv(e->name) || is_workbook(e->name)) {
				if (!add_file(w, &pkg, path, e->path))
					break;
			}
		} else if (is_csv(e->name)) {
			refuse_special(w->d, e->path);
		}
	}
	for (size_t i = 0; i < n; i++)
		if (S_ISDIR(v[i].type))
			walk_dir(w, v[i].path, depth + 1);
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
	}
	free(v);
}

/* A file named on the command line joins the package of its parent. */
static void add_loose_file(struct walker *w, const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = !slash ? xstrdup(".")
	          : slash == path ? xstrdup("/")
	          : xstrndup(path, (size_t)(slash - path));
	size_t pkg = (size_t)-1;
	for (size_t i = 0; i < w->nloose && pkg == (size_t)-1; i++)
		if (strcmp(w->out->pkgs[w->loose[i]].dir, dir) == 0)
			pkg = w->loose[i];
	bool was_new = pkg == (size_t)-1;
	if (add_file(w, &pkg, dir, path) && was_new) {
		w->loose = grow(w->loose, w->nloose, sizeof *w->loose);
		w->loose[w->nloose++] = pkg;
	}
	free(dir);
}

static void walk_path(struct walker *w, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		diag_add(w->d, path, 0, SEV_ERROR, _("cannot open: %s"),
		         strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		size_t npkgs = w->out->npkgs, nmsgs = w->d->n;
		walk_dir(w, path, 0);
		if (w->out->npkgs == npkgs && w->d->n == nmsgs)
			diag_add(w->d, path, 0, SEV_WARNING,
			         _("no CSV files in this folder or below"));
	} else if (!S_ISREG(st.st_mode)) {
		refuse_special(w->d, path);
	} else if (is_workbook(path) && holds_workbook(path)) {
		note_workbook(w, path, SEV_WARNING);
	} else {
		/* Named by the user: read whatever its name, as its content
		 * tells (file names carry no meaning). */
		add_loose_file(w, path);
	}
}

bool walk_paths(char *const *paths, size_t npaths, struct inputs *out,
                struct diags *d)
{
	*out = (struct inputs){0};
	struct walker w = { .out = out, .d = d };
	for (size_t i = 0; i < npaths; i++)
		walk_path(&w, paths[i]);
	tdestroy(w.seen, free);
	free(w.loose);
	return out->npkgs > 0;
}

void inputs_free(struct inputs *in)
{
	for (size_t i = 0; i < in->npkgs; i++) {
		struct package *p = &in->pkgs[i];
		for (size_t j = 0; j < p->nfiles; j++)
			free(p->files[j].path);
		free(p->files);
		free(p->dir);
	}
	free(in->pkgs);
	*in = (struct inputs){0};
}

static void read_error(const char *path, struct diags *d, int err)
{
	diag_add(d, path, 0, SEV_ERROR, _("cannot read: %s"), strerror(err));
}

static void too_big(const char *path, struct diags *d)
{
	diag_add(d, path, 0, SEV_ERROR,
	         _("the file is larger than 512 MiB: not read "
	           "(limit: file size)"));
}

bool input_read(const char *path, struct file_bytes *buf, struct diags *d)
{
	buf->len = 0;
	/* O_NONBLOCK: a pipe that appeared since the walk must not hang us;
	 * fstat then tells what was really opened. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(d, path, 0, SEV_ERROR, _("cannot open: %s"),
		         strerror(errno));
		return false;
	}
	struct stat st;
	bool ok = false;
	if (fstat(fd, &st) != 0) {
		read_error(path, d, errno);
	} else if (!S_ISREG(st.st_mode)) {
		refuse_special(d, path);
	} else if ((size_t)st.st_size > INPUT_FILE_MAX) {
		too_big(path, d);
	} else {
		/* One byte spare, so that a file that grew is noticed. */
		size_t want = (size_t)st.st_size + 1;
		if (buf->cap < want) {
			buf->data = xreallocarray(buf->data, want, 1);
			buf->cap = want;
		}
		ok = true;
		for (;;) {
			if (buf->len == buf->cap) {
				if (buf->cap > INPUT_FILE_MAX) {
					too_big(path, d);
					ok = false;
					break;
				}
				buf->cap *= 2;
				buf->data = xreallocarray(buf->data, buf->cap, 1);
			}
			size_t ask = buf->cap - buf->len;
			ssize_t r = read(fd, buf->data + buf->len, ask);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				read_error(path, d, errno);
				ok = false;
				break;
			}
			if (r == 0)
				break;
			buf->len += (size_t)r;
			/* A short read of the whole file is its end: no second
			 * read to be told so (8000 system calls in a province). */
			if ((size_t)r < ask && buf->len == (size_t)st.st_size)
				break;
		}
	}
	close(fd);
	if (!ok)
		buf->len = 0;
	return ok;
}

void file_bytes_free(struct file_bytes *buf)
{
	free(buf->data);
	*buf = (struct file_bytes){0};
}
