#include "config.h"

#include "walk.h"
#include "diag.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[64];
static struct diags diags;
static struct inputs in;

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(root, sizeof root, "%s/walkXXXXXX", tmp && *tmp ? tmp : "/tmp");
	cr_assert_not_null(mkdtemp(root));
	diags_init(&diags);
}

static int remove_one(const char *path, const struct stat *st, int type,
                      struct FTW *ftw)
{
	(void)st, (void)type, (void)ftw;
	return remove(path);
}

static void teardown(void)
{
	inputs_free(&in);
	diags_free(&diags);
	nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(walk, .init = setup, .fini = teardown);

/* root + "/" + a printf-style relative path; static storage, 8 slots. */
static const char *at(const char *fmt, ...)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];
	int n = snprintf(b, sizeof bufs[0], "%s/", root);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b + n, sizeof bufs[0] - (size_t)n, fmt, ap);
	va_end(ap);
	return b;
}

/* Makes the folders along rel, and rel itself as a file unless it ends
 * with '/'. */
static void make(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	if (path[strlen(path) - 1] != '/') {
		FILE *f = fopen(path, "w");
		cr_assert_not_null(f, "%s", path);
		fputs("a,b\n", f);
		fclose(f);
	}
}

/* Makes rel a file that starts as an xlsx workbook does (a zip archive). */
static void make_workbook(const char *rel)
{
	char path[512];
	make(rel);
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs("PK\3\4 and the rest of a zip archive", f);
	fclose(f);
}

static const char *rel(const char *path)
{
	size_t n = strlen(root);
	return strncmp(path, root, n) == 0 && path[n] == '/' ? path + n + 1
	       : strcmp(path, root) == 0 ? "."
	       : path;
}

/* The packages as "dir: file file\n", names relative to root. */
static char *packages(void)
{
	char *s;
	size_t size;
	FILE *f = open_memstream(&s, &size);
	for (size_t i = 0; i < in.npkgs; i++) {
		fprintf(f, "%s:", rel(in.pkgs[i].dir));
		for (size_t j = 0; j < in.pkgs[i].nfiles; j++)
			fprintf(f, " %s", rel(in.pkgs[i].files[j].path));
		fputc('\n', f);
	}
	fclose(f);
	return s;
}

/* The messages as "file: severity: text\n", names relative to root. */
static char *messages(void)
{
	char *s;
	size_t size;
	FILE *f = open_memstream(&s, &size);
	for (size_t i = 0; i < diags.n; i++) {
		cr_assert_eq(diags.v[i].record, 0);
		fprintf(f, "%s: %s: %s\n", rel(diags.v[i].file),
		        severity_name(diags.v[i].sev), diags.v[i].text);
	}
	fclose(f);
	return s;
}

#define PACKAGES_ARE(want) do { \
	char *got_ = packages(); \
	cr_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

#define MESSAGES_ARE(want) do { \
	char *got_ = messages(); \
	cr_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

static bool walk1(const char *path)
{
	char *paths[] = { (char *)path };
	return walk_paths(paths, 1, &in, &diags);
}

Test(walk, package_sorted_by_bytes)
{
	make("dept/b.csv");
	make("dept/B.csv");
	make("dept/a.TXT");
	make("dept/预算01表.csv");
	make("dept/t.tsv");
	make("dept/notes.doc");        /* ignored */
	make("dept/.hidden.csv");      /* ignored */
	make("dept/._b.csv");          /* macOS junk, ignored */
	make("dept/~$book.xlsx");      /* Office lock file, ignored */
	cr_assert(walk1(at("dept")));
	PACKAGES_ARE("dept: dept/B.csv dept/a.TXT dept/b.csv dept/t.tsv "
	             "dept/预算01表.csv\n");
	MESSAGES_ARE("");
}

Test(walk, workbook_gets_a_note)
{
	make("dept/a.csv");
	make_workbook("dept/book.XLSX");
	make_workbook("dept/old.xls");
	cr_assert(walk1(at("dept")));
	PACKAGES_ARE("dept: dept/a.csv\n");
	MESSAGES_ARE(
		"dept/book.XLSX: note: this is a spreadsheet workbook, not CSV: "
		"open it and save each sheet as CSV (\"Save As\", CSV UTF-8 or "
		"CSV), then open the folder of CSV files\n"
		"dept/old.xls: note: this is a spreadsheet workbook, not CSV: "
		"open it and save each sheet as CSV (\"Save As\", CSV UTF-8 or "
		"CSV), then open the folder of CSV files\n");
}

Test(walk, csv_under_a_workbook_name_is_read)
{
	make("dept/a.csv");
	make("dept/b.xls");   /* a CSV file saved as .xls */
	cr_assert(walk1(at("dept")));
	PACKAGES_ARE("dept: dept/a.csv dept/b.xls\n");
	MESSAGES_ARE("");
}

Test(walk, collection_nested_and_own_files)
{
	make("coll/z_dept/1.csv");
	make("coll/a_dept/2.csv");
	make("coll/a_dept/1.csv");
	make("coll/a_dept/units/u1/x.csv");
	make("coll/empty/");
	make("coll/top.csv");
	cr_assert(walk1(at("coll")));
	PACKAGES_ARE("coll: coll/top.csv\n"
	             "coll/a_dept: coll/a_dept/1.csv coll/a_dept/2.csv\n"
	             "coll/a_dept/units/u1: coll/a_dept/units/u1/x.csv\n"
	             "coll/z_dept: coll/z_dept/1.csv\n");
	MESSAGES_ARE("");
}

Test(walk, trailing_slash_makes_no_double_slash)
{
	make("dept/a.csv");
	cr_assert(walk1(at("dept/")));
	PACKAGES_ARE("dept/: dept/a.csv\n");
}

Test(walk, depth_limit)
{
	/* d/1/2/…/8 is 8 levels below d and read; 9 is not. */
	make("d/1/2/3/4/5/6/7/8/eight.csv");
	make("d/1/2/3/4/5/6/7/8/9/nine.csv");
	make("d/1/2/3/4/5/6/7/8/9/10/ten.csv");
	cr_assert(walk1(at("d")));
	PACKAGES_ARE("d/1/2/3/4/5/6/7/8: d/1/2/3/4/5/6/7/8/eight.csv\n");
	MESSAGES_ARE("d/1/2/3/4/5/6/7/8/9: warning: folders more than 8 "
	             "levels down were skipped (limit: folder depth)\n");
}

Test(walk, fifo_is_refused_never_opened)
{
	make("dept/a.csv");
	cr_assert_eq(mkfifo(at("dept/pipe.csv"), 0644), 0);
	cr_assert_eq(mkfifo(at("dept/other"), 0644), 0);   /* not CSV: quiet */
	char *paths[] = { (char *)at("dept"), (char *)at("dept/pipe.csv") };
	cr_assert(walk_paths(paths, 2, &in, &diags));
	PACKAGES_ARE("dept: dept/a.csv\n");
	MESSAGES_ARE("dept/pipe.csv: warning: not a regular file (a folder, "
	             "pipe, device or socket): not read\n"
	             "dept/pipe.csv: warning: not a regular file (a folder, "
	             "pipe, device or socket): not read\n");
}

Test(walk, device_is_refused)
{
	cr_assert_not(walk1("/dev/zero"));
	cr_assert_eq(in.npkgs, 0);
	MESSAGES_ARE("/dev/zero: warning: not a regular file (a folder, pipe, "
	             "device or socket): not read\n");
}

Test(walk, symlink_loop_is_detected)
{
	make("coll/dept/a.csv");
	cr_assert_eq(symlink("..", at("coll/dept/up")), 0);
	cr_assert_eq(symlink(".", at("coll/dept/self")), 0);
	cr_assert_eq(symlink("me", at("coll/me")), 0);   /* ELOOP */
	cr_assert(walk1(at("coll")));
	PACKAGES_ARE("coll/dept: coll/dept/a.csv\n");
	MESSAGES_ARE("coll/me: warning: cannot open: Too many levels of "
	             "symbolic links\n"
	             "coll/dept/self: warning: symbolic link loop: this leads "
	             "back to a folder that contains it; skipped\n"
	             "coll/dept/up: warning: symbolic link loop: this leads "
	             "back to a folder that contains it; skipped\n");
}

Test(walk, folder_reached_twice_is_read_once)
{
	make("coll/a/x.csv");
	cr_assert_eq(symlink("a", at("coll/b")), 0);
	char *paths[] = { (char *)at("coll"), (char *)at("coll/a") };
	cr_assert(walk_paths(paths, 2, &in, &diags));
	PACKAGES_ARE("coll/a: coll/a/x.csv\n");
	MESSAGES_ARE("coll/b: note: this folder was already read through "
	             "another path; skipped\n"
	             "coll/a: note: this folder was already read through "
	             "another path; skipped\n");
}

Test(walk, missing_path_and_dangling_link)
{
	make("dept/a.csv");
	cr_assert_eq(symlink("gone.csv", at("dept/link.csv")), 0);
	char *paths[] = { (char *)at("nothing"), (char *)at("dept"),
	                  (char *)at("dept/link.csv") };
	cr_assert(walk_paths(paths, 3, &in, &diags));
	PACKAGES_ARE("dept: dept/a.csv\n");
	MESSAGES_ARE("nothing: error: cannot open: No such file or directory\n"
	             "dept/link.csv: warning: cannot open: No such file or "
	             "directory\n"
	             "dept/link.csv: error: cannot open: No such file or "
	             "directory\n");
	cr_assert_eq(diags.count[SEV_ERROR], 2);
}

Test(walk, nothing_found)
{
	make("empty/notes.doc");
	char *paths[] = { (char *)at("missing.csv"), (char *)at("empty") };
	cr_assert_not(walk_paths(paths, 2, &in, &diags));
	cr_assert_eq(in.npkgs, 0);
	MESSAGES_ARE("missing.csv: error: cannot open: No such file or "
	             "directory\n"
	             "empty: warning: no CSV files in this folder or below\n");
}

Test(walk, files_named_one_by_one)
{
	make("x/b.csv");
	make("x/a.csv");
	make("y/c.csv");
	make_workbook("x/book.xlsx");
	make("x/xmzc");        /* named by the user: read whatever its name */
	make("x/copy.xlsx");   /* a CSV file under a workbook's name */
	char *paths[] = { (char *)at("x/b.csv"), (char *)at("y/c.csv"),
	                  (char *)at("x/a.csv"), (char *)at("x/book.xlsx"),
	                  (char *)at("x/xmzc"), (char *)at("x/copy.xlsx") };
	cr_assert(walk_paths(paths, 6, &in, &diags));
	PACKAGES_ARE("x: x/b.csv x/a.csv x/xmzc x/copy.xlsx\ny: y/c.csv\n");
	MESSAGES_ARE("x/book.xlsx: warning: this is a spreadsheet workbook, "
	             "not CSV: open it and save each sheet as CSV (\"Save "
	             "As\", CSV UTF-8 or CSV), then open the folder of CSV "
	             "files\n");
}

Test(walk, file_in_the_current_folder)
{
	make("here.csv");
	cr_assert_eq(chdir(root), 0);
	cr_assert(walk1("here.csv"));
	cr_assert_eq(in.npkgs, 1);
	cr_assert_str_eq(in.pkgs[0].dir, ".");
	cr_assert_str_eq(in.pkgs[0].files[0].path, "here.csv");
}

Test(walk, files_per_collection_limit)
{
	make("big/");
	char name[128];
	for (int i = 0; i <= WALK_FILES_MAX; i++) {
		snprintf(name, sizeof name, "%s/big/%06d.csv", root, i);
		int fd = open(name, O_WRONLY | O_CREAT, 0644);
		cr_assert_geq(fd, 0);
		close(fd);
	}
	make("big/zz/more.csv");
	cr_assert(walk1(at("big")));
	cr_assert_eq(in.npkgs, 1);
	cr_assert_eq(in.pkgs[0].nfiles, WALK_FILES_MAX);
	cr_assert_str_eq(rel(in.pkgs[0].files[WALK_FILES_MAX - 1].path),
	                 "big/099999.csv");
	MESSAGES_ARE("big/100000.csv: warning: more than 100000 files: the "
	             "rest were skipped (limit: files per collection)\n");
}

Test(walk, read_files_into_one_buffer)
{
	make("a.csv");   /* "a,b\n" */
	FILE *f = fopen(at("long.csv"), "w");
	for (int i = 0; i < 10000; i++)
		fputs("预算,1\n", f);
	fclose(f);
	close(open(at("empty.csv"), O_WRONLY | O_CREAT, 0644));
	struct file_bytes buf = {0};
	cr_assert(input_read(at("long.csv"), &buf, &diags));
	cr_assert_eq(buf.len, 10000 * strlen("预算,1\n"));
	cr_assert(memcmp(buf.data + buf.len - 9, "预算,1\n", 9) == 0);
	char *data = buf.data;
	cr_assert(input_read(at("a.csv"), &buf, &diags));
	cr_assert_eq(buf.len, 4);
	cr_assert(memcmp(buf.data, "a,b\n", 4) == 0);
	cr_assert_eq(buf.data, data);   /* reused, not reallocated */
	cr_assert(input_read(at("empty.csv"), &buf, &diags));
	cr_assert_eq(buf.len, 0);
	MESSAGES_ARE("");
	file_bytes_free(&buf);
}

Test(walk, read_refuses_what_is_not_a_regular_file)
{
	cr_assert_eq(mkfifo(at("pipe.csv"), 0644), 0);
	make("dir.csv/");
	struct file_bytes buf = {0};
	cr_assert_not(input_read(at("pipe.csv"), &buf, &diags));
	cr_assert_not(input_read("/dev/zero", &buf, &diags));
	cr_assert_not(input_read(at("dir.csv"), &buf, &diags));
	cr_assert_not(input_read(at("gone.csv"), &buf, &diags));
	cr_assert_eq(buf.len, 0);
	MESSAGES_ARE("pipe.csv: warning: not a regular file (a folder, pipe, "
	             "device or socket): not read\n"
	             "/dev/zero: warning: not a regular file (a folder, pipe, "
	             "device or socket): not read\n"
	             "dir.csv: warning: not a regular file (a folder, pipe, "
	             "device or socket): not read\n"
	             "gone.csv: error: cannot open: No such file or "
	             "directory\n");
	file_bytes_free(&buf);
}

Test(walk, messages_come_in_name_order)
{
	/* ext4 lists a folder in hash order: many dangling links make it
	 * unlikely that the file system's order is the names' order. */
	make("dept/a.csv");
	char want[4096] = "";
	for (char c = 'z'; c >= 'b'; c--) {
		char name[16];
		snprintf(name, sizeof name, "dept/%c.csv", c);
		cr_assert_eq(symlink("gone", at("%s", name)), 0);
	}
	for (char c = 'b'; c <= 'z'; c++) {
		char line[80];
		snprintf(line, sizeof line,
		         "dept/%c.csv: warning: cannot open: No such file or directory\n", c);
		strcat(want, line);
	}
	cr_assert(walk1(at("dept")));
	MESSAGES_ARE(want);
}
