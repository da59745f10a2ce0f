#include "config.h"

#include "classification.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers ---- */

/* The shipped data file: $YUSUAN_DATADIR/classification.tsv. */
static char *data_path(void)
{
	const char *dir = getenv("YUSUAN_DATADIR");

	if (!dir || !*dir)
		cr_assert_fail("YUSUAN_DATADIR is not set: run the tests with "
		               "YUSUAN_DATADIR=<source tree>/data");
	return classification_default_path();
}

/* Loads the shipped file and checks that it loads without a message. */
static struct classification *load_real(void)
{
	struct diags d;
	char *path = data_path();
	struct classification *c;

	diags_init(&d);
	c = classification_load(path, &d);
	cr_assert_not_null(c, "cannot load %s: %s", path,
	                   d.n ? d.v[0].text : "(no message)");
	for (size_t i = 0; i < d.n; i++)
		cr_log_error("%s:%u: %s", d.v[i].file, (unsigned)d.v[i].record,
		             d.v[i].text);
	cr_assert_eq(d.n, 0, "%zu messages loading %s", d.n, path);
	diags_free(&d);
	free(path);
	return c;
}

/* The messages as the user sees them, one per line, with the file name
 * path shown as "F". */
static char *render(const struct diags *d, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	for (size_t i = 0; i < d->n; i++) {
		const char *file = d->v[i].file;

		fprintf(f, "%s:%u: %s: %s\n",
		        !file ? "-" : strcmp(file, path) == 0 ? "F" : file,
		        (unsigned)d->v[i].record, severity_name(d->v[i].sev),
		        d->v[i].text);
	}
	fclose(f);
	return buf;
}

static char tmpdir[64];

static void make_tmpdir(void)
{
	const char *base = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/yusuan-cls-XXXXXX",
	         base && *base && strlen(base) < 40 ? base : "/tmp");
	cr_assert_not_null(mkdtemp(tmpdir), "mkdtemp: %s", strerror(errno));
}

static void remove_tmpdir(void)
{
	char path[128];

	snprintf(path, sizeof path, "%s/c.tsv", tmpdir);
	unlink(path);
	rmdir(tmpdir);
}

/* Writes n bytes to tmpdir/c.tsv and returns that path (static). */
static const char *write_file(const char *bytes, size_t n)
{
	static char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/c.tsv", tmpdir);
	f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(bytes, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
	return path;
}

#define WRITE(lit) write_file(lit, sizeof lit - 1)

/* Loads a file and returns its messages as render() shows them. */
static char *load_messages(const char *path, struct classification **out)
{
	struct diags d;
	char *text;

	diags_init(&d);
	*out = classification_load(path, &d);
	text = render(&d, path);
	diags_free(&d);
	return text;
}

/* ---- the shipped file ---- */

Test(real, loads_without_messages_with_its_year)
{
	struct classification *c = load_real();

	cr_assert_eq(classification_year(c), 2023);
	classification_free(c);
}

Test(real, names_the_levels_of_each_scheme)
{
	struct classification *c = load_real();

	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "208"),
	                 "社会保障和就业支出");
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "20801"),
	                 "人力资源和社会保障管理事务");
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "2080101"),
	                 "行政运行");
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "20805"),
	                 "行政事业单位养老支出");
	cr_assert_str_eq(classification_name(c, SCHEME_ECON, "301"),
	                 "工资福利支出");
	cr_assert_str_eq(classification_name(c, SCHEME_ECON, "30101"),
	                 "基本工资");
	cr_assert_str_eq(classification_name(c, SCHEME_GECON, "501"),
	                 "机关工资福利支出");
	cr_assert_str_eq(classification_name(c, SCHEME_GECON, "50101"),
	                 "工资奖金津补贴");
	/* The schemes are separate dictionaries. */
	cr_assert_null(classification_name(c, SCHEME_GECON, "30101"));
	cr_assert_null(classification_name(c, SCHEME_ECON, "50101"));
	cr_assert_null(classification_name(c, SCHEME_FUNC, "301"));
	classification_free(c);
}

Test(real, has_every_function_lei)
{
	static const char *const lei[] = {
		"201", "202", "203", "204", "205", "206", "207", "208", "209",
		"210", "211", "212", "213", "214", "215", "216", "217", "219",
		"220", "221", "222", "223", "224", "227", "229", "230", "231",
		"232", "233", "234",
	};
	struct classification *c = load_real();

	for (size_t i = 0; i < sizeof lei / sizeof lei[0]; i++)
		cr_expect_not_null(classification_name(c, SCHEME_FUNC, lei[i]),
		                   "类 %s missing", lei[i]);
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "234"),
	                 "抗疫特别国债安排的支出");
	cr_assert_null(classification_name(c, SCHEME_FUNC, "218"));
	classification_free(c);
}

struct published {
	enum code_scheme scheme;
	const char *code, *name;
};

/* Every code and name the two sample packages print (data/samples): the
 * 项 rows of their spending tables and both code columns of their
 * 基本支出表. */
static const struct published samples[] = {
	{ SCHEME_FUNC, "2013201", "行政运行" },
	{ SCHEME_FUNC, "2013202", "一般行政管理事务" },
	{ SCHEME_FUNC, "2013299", "其他组织事务支出" },
	{ SCHEME_FUNC, "2050303", "技校教育" },
	{ SCHEME_FUNC, "2080101", "行政运行" },
	{ SCHEME_FUNC, "2080105", "劳动保障监察" },
	{ SCHEME_FUNC, "2080108", "信息化建设" },
	{ SCHEME_FUNC, "2080109", "社会保险经办机构" },
	{ SCHEME_FUNC, "2080111", "公共就业服务和职业技能鉴定机构" },
	{ SCHEME_FUNC, "2080112", "劳动人事争议调解仲裁" },
	{ SCHEME_FUNC, "2080199", "其他人力资源和社会保障管理事务支出" },
	{ SCHEME_FUNC, "2080501", "行政单位离退休" },
	{ SCHEME_FUNC, "2080502", "事业单位离退休" },
	{ SCHEME_FUNC, "2080505", "机关事业单位基本养老保险缴费支出" },
	{ SCHEME_FUNC, "2080506", "机关事业单位职业年金缴费支出" },
	{ SCHEME_FUNC, "2082602", "财政对城乡居民基本养老保险基金的补助" },
	{ SCHEME_FUNC, "2089999", "其他社会保障和就业支出" },
	{ SCHEME_FUNC, "2101101", "行政单位医疗" },
	{ SCHEME_FUNC, "2101102", "事业单位医疗" },
	{ SCHEME_FUNC, "2101103", "公务员医疗补助" },
	{ SCHEME_FUNC, "2101202", "财政对城乡居民基本医疗保险基金的补助" },
	{ SCHEME_FUNC, "2210201", "住房公积金" },
	{ SCHEME_ECON, "30101", "基本工资" },
	{ SCHEME_ECON, "30102", "津贴补贴" },
	{ SCHEME_ECON, "30103", "奖金" },
	{ SCHEME_ECON, "30107", "绩效工资" },
	{ SCHEME_ECON, "30108", "机关事业单位基本养老保险缴费" },
	{ SCHEME_ECON, "30110", "职工基本医疗保险缴费" },
	{ SCHEME_ECON, "30111", "公务员医疗补助缴费" },
	{ SCHEME_ECON, "30112", "其他社会保障缴费" },
	{ SCHEME_ECON, "30113", "住房公积金" },
	{ SCHEME_ECON, "30199", "其他工资福利支出" },
	{ SCHEME_ECON, "30201", "办公费" },
	{ SCHEME_ECON, "30202", "印刷费" },
	{ SCHEME_ECON, "30203", "咨询费" },
	{ SCHEME_ECON, "30205", "水费" },
	{ SCHEME_ECON, "30206", "电费" },
	{ SCHEME_ECON, "30207", "邮电费" },
	{ SCHEME_ECON, "30209", "物业管理费" },
	{ SCHEME_ECON, "30211", "差旅费" },
	{ SCHEME_ECON, "30213", "维修(护)费" },
	{ SCHEME_ECON, "30214", "租赁费" },
	{ SCHEME_ECON, "30215", "会议费" },
	{ SCHEME_ECON, "30216", "培训费" },
	{ SCHEME_ECON, "30217", "公务接待费" },
	{ SCHEME_ECON, "30218", "专用材料费" },
	{ SCHEME_ECON, "30226", "劳务费" },
	{ SCHEME_ECON, "30227", "委托业务费" },
	{ SCHEME_ECON, "30228", "工会经费" },
	{ SCHEME_ECON, "30229", "福利费" },
	{ SCHEME_ECON, "30231", "公务用车运行维护费" },
	{ SCHEME_ECON, "30239", "其他交通费用" },
	{ SCHEME_ECON, "30299", "其他商品和服务支出" },
	{ SCHEME_ECON, "30301", "离休费" },
	{ SCHEME_ECON, "30302", "退休费" },
	{ SCHEME_ECON, "30305", "生活补助" },
	{ SCHEME_ECON, "30399", "其他对个人和家庭的补助" },
	{ SCHEME_GECON, "50101", "工资奖金津补贴" },
	{ SCHEME_GECON, "50102", "社会保障缴费" },
	{ SCHEME_GECON, "50103", "住房公积金" },
	{ SCHEME_GECON, "50201", "办公经费" },
	{ SCHEME_GECON, "50202", "会议费" },
	{ SCHEME_GECON, "50203", "培训费" },
	{ SCHEME_GECON, "50205", "委托业务费" },
	{ SCHEME_GECON, "50206", "公务接待费" },
	{ SCHEME_GECON, "50208", "公务用车运行维护费" },
	{ SCHEME_GECON, "50209", "维修(护)费" },
	{ SCHEME_GECON, "50299", "其他商品和服务支出" },
	{ SCHEME_GECON, "50501", "工资福利支出" },
	{ SCHEME_GECON, "50502", "商品和服务支出" },
	{ SCHEME_GECON, "50901", "社会福利和救助" },
	{ SCHEME_GECON, "50905", "离退休费" },
	{ SCHEME_GECON, "50999", "其他对个人和家庭补助" },
};

Test(real, knows_every_code_the_samples_print_by_their_name)
{
	struct classification *c = load_real();

	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		const struct published *p = &samples[i];
		const char *std = NULL;

		cr_expect_eq(classification_check(c, p->scheme, p->code,
		                                  p->name, &std), CLS_OK,
		             "%s %s: standard name %s", p->code, p->name,
		             std ? std : "(unknown)");
		/* The 类 and 款 above each 项 are there to name its parents. */
		if (p->scheme == SCHEME_FUNC) {
			char kuan[6], lei[4];

			snprintf(kuan, sizeof kuan, "%.5s", p->code);
			snprintf(lei, sizeof lei, "%.3s", p->code);
			cr_expect_not_null(classification_name(c,
			                   SCHEME_FUNC, kuan), "%s", kuan);
			cr_expect_not_null(classification_name(c,
			                   SCHEME_FUNC, lei), "%s", lei);
		}
	}
	classification_free(c);
}

/* The 支出 column of the samples' 收支总表 names each 类 by its ordinal
 * (一、 = 201 ... 三十四、 = 234), in a short and partly older form. */
Test(real, checks_the_lei_names_of_the_samples_summary_table)
{
	static const struct {
		const char *code, *name;
		enum cls_result want;
	} lei[] = {
		{ "201", "一般公共服务", CLS_OK },
		{ "202", "外交", CLS_OK },
		{ "203", "国防", CLS_OK },
		{ "204", "公共安全", CLS_OK },
		{ "205", "教育", CLS_OK },
		{ "206", "科学技术", CLS_OK },
		{ "207", "文化旅游体育与传媒", CLS_OK },
		{ "208", "社会保障和就业", CLS_OK },
		{ "209", "社会保险基金支出", CLS_OK },
		{ "210", "卫生健康", CLS_OK },
		{ "211", "节能环保", CLS_OK },
		{ "212", "城乡社区事务", CLS_OTHER_NAME },
		{ "213", "农林水事务", CLS_OTHER_NAME },
		{ "214", "交通运输", CLS_OK },
		{ "215", "资源勘探信息等", CLS_OTHER_NAME },
		{ "216", "商业服务业等", CLS_OK },
		{ "217", "金融支出", CLS_OK },
		{ "219", "援助其他地区支出", CLS_OK },
		{ "220", "自然资源海洋气象等支出", CLS_OK },
		{ "221", "住房保障支出", CLS_OK },
		{ "222", "粮油物资储备支出", CLS_OK },
		{ "223", "国有资本经营预算", CLS_OK },
		{ "224", "灾害防治及应急管理", CLS_OK },
		{ "227", "预备费", CLS_OK },
		{ "229", "其他支出", CLS_OK },
		{ "230", "转移性支出", CLS_OK },
		{ "231", "债务还本支出", CLS_OK },
		{ "232", "债务付息支出", CLS_OK },
		{ "233", "债务发行费用支出", CLS_OK },
		{ "234", "抗疫特别国债安排的支出", CLS_OK },
		/* 财政拨款收支总表 swaps two words. */
		{ "207", "（七）文化体育旅游与传媒支出", CLS_OTHER_NAME },
	};
	struct classification *c = load_real();

	for (size_t i = 0; i < sizeof lei / sizeof lei[0]; i++) {
		const char *std = NULL;

		cr_expect_eq(classification_check(c, SCHEME_FUNC, lei[i].code,
		                                  lei[i].name, &std),
		             lei[i].want, "%s %s (standard: %s)", lei[i].code,
		             lei[i].name, std ? std : "unknown");
	}
	classification_free(c);
}

Test(real, other_name_gives_the_standard_one)
{
	struct classification *c = load_real();
	const char *std = NULL;

	cr_assert_eq(classification_check(c, SCHEME_FUNC, "215",
	                                  "资源勘探信息等", &std),
	             CLS_OTHER_NAME);
	cr_assert_str_eq(std, "资源勘探工业信息等支出");
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "2080101",
	                                  "一般行政管理事务", &std),
	             CLS_OTHER_NAME);
	cr_assert_str_eq(std, "行政运行");
	/* No name to compare: known is enough, and std_name may be NULL. */
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "20132", NULL, &std),
	             CLS_OK);
	cr_assert_str_eq(std, "组织事务");
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "20132", "", NULL),
	             CLS_OK);
	classification_free(c);
}

Test(real, name_comparison_ignores_spaces_bracket_width_and_zhichu)
{
	struct classification *c = load_real();

	/* 30213 is written 维修(护)费, 30212 因公出国（境）费用. */
	cr_expect_eq(classification_check(c, SCHEME_ECON, "30213",
	                                  "维修（护）费", NULL), CLS_OK);
	cr_expect_eq(classification_check(c, SCHEME_ECON, "30212",
	                                  "因公出国(境)费用", NULL), CLS_OK);
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "20103",
	                                  "政府办公厅(室)及相关机构事务",
	                                  NULL), CLS_OK);
	/* PDF line breaks leave spaces; cells keep U+3000 and NBSP. */
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "2080505",
	                                  "机关事业单位基本养老保 险缴费支出",
	                                  NULL), CLS_OK);
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "2080101",
	                                  "\u3000行政\t运行\u00a0 ", NULL),
	             CLS_OK);
	/* A trailing 支出 on either side, once. */
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "210", "卫生健康",
	                                  NULL), CLS_OK);
	cr_expect_eq(classification_check(c, SCHEME_ECON, "301", "工资福利",
	                                  NULL), CLS_OK);
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "2080101",
	                                  "行政运行支出 ", NULL), CLS_OK);
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "2080101",
	                                  "行政运行支出支出", NULL),
	             CLS_OTHER_NAME);
	/* Only at the end, and other punctuation still counts. */
	cr_expect_eq(classification_check(c, SCHEME_ECON, "30299",
	                                  "其他商品和服务", NULL), CLS_OK);
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "2013299",
	                                  "其他组织事务支出。", NULL),
	             CLS_OTHER_NAME);
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "2080101",
	                                  "行政", NULL), CLS_OTHER_NAME);
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "2080101",
	                                  "行政运行运行", NULL),
	             CLS_OTHER_NAME);
	/* Invalid UTF-8 from a mis-decoded cell is just a different name. */
	cr_expect_eq(classification_check(c, SCHEME_FUNC, "2080101",
	                                  "\xd0\xd0\xd5\xfe\xd4\xcb\xd0\xd0",
	                                  NULL), CLS_OTHER_NAME);
	classification_free(c);
}

Test(real, unknown_and_wrong_length_codes)
{
	struct classification *c = load_real();
	const char *std = "x";

	cr_assert_eq(classification_check(c, SCHEME_FUNC, "2089898", "某项",
	                                  &std), CLS_UNKNOWN);
	cr_assert_null(std);
	cr_assert_null(classification_name(c, SCHEME_FUNC, "2089898"));
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "299", NULL, NULL),
	             CLS_UNKNOWN);
	cr_assert_eq(classification_check(c, SCHEME_ECON, "30250", "某费",
	                                  NULL), CLS_UNKNOWN);
	cr_assert_eq(classification_check(c, SCHEME_GECON, "30101", "基本工资",
	                                  NULL), CLS_UNKNOWN);

	std = "x";
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "2080", "行政运行",
	                                  &std), CLS_BAD_LENGTH);
	cr_assert_null(std);
	cr_assert_null(classification_name(c, SCHEME_FUNC, "2080"));
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "208010", NULL,
	                                  NULL), CLS_BAD_LENGTH);
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "20801010", NULL,
	                                  NULL), CLS_BAD_LENGTH);
	cr_assert_eq(classification_check(c, SCHEME_ECON, "3010101", NULL,
	                                  NULL), CLS_BAD_LENGTH);
	cr_assert_eq(classification_check(c, SCHEME_GECON, "5", NULL, NULL),
	             CLS_BAD_LENGTH);
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "", NULL, NULL),
	             CLS_BAD_LENGTH);
	cr_assert_eq(classification_check(c, SCHEME_FUNC, NULL, NULL, NULL),
	             CLS_BAD_LENGTH);
	/* Not normalised: not ours to guess (code.h normalises). */
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "２０８", NULL,
	                                  NULL), CLS_BAD_LENGTH);
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "20 8", NULL, NULL),
	             CLS_BAD_LENGTH);
	cr_assert_null(classification_name(c, SCHEME_FUNC, NULL));
	classification_free(c);
}

/* The fastest of a few loads, so that a busy machine does not fail the
 * test; the sanitizers make this code several times slower. */
#ifdef __SANITIZE_ADDRESS__
# define LOAD_MS_MAX 25.0
#else
# define LOAD_MS_MAX 2.5
#endif

Test(real, loads_well_under_5_ms)
{
	char *path = data_path();
	struct diags d;
	double best = 1e9;

	diags_init(&d);
	for (int i = 0; i < 20; i++) {
		struct timespec t0, t1;
		double ms;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		classification_free(classification_load(path, &d));
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3
		     + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		if (ms < best)
			best = ms;
	}
	cr_assert_eq(d.n, 0);
	cr_assert_lt(best, LOAD_MS_MAX, "the fastest load took %.2f ms", best);
	diags_free(&d);
	free(path);
}

/* ---- small files written for the purpose ---- */

TestSuite(file, .init = make_tmpdir, .fini = remove_tmpdir);

Test(file, bad_lines_are_reported_with_file_and_line_and_skipped)
{
	struct classification *c;
	const char *path = WRITE(
		"\xEF\xBB\xBF# test file\r\n"                 /* 1 */
		"# year: 2023\r\n"                              /* 2 */
		"func\t208\t社会保障和就业支出\r\n"             /* 3 */
		"\n"                                            /* 4 */
		"func\t20801\t人力资源和社会保障管理事务\t# samples\n" /* 5 */
		"func\t2080101\n"                               /* 6 */
		"fn\t2080102\t一般行政管理事务\n"               /* 7 */
		"func\t2080\t四位\n"                            /* 8 */
		"econ\t3010101\t七位\n"                         /* 9 */
		"func\t20a\t字母\n"                             /* 10 */
		"func\t2080103\t\n"                             /* 11 */
		"func\t2080101\t行政运行\tnote without hash\n"  /* 12 */
		"func\t2080101\t\xd0\xd0\xd5\xfe\xd4\xcb\xd0\xd0\n" /* 13 GBK */
		"func\t2080101\t行政运行\n"                     /* 14 */
		"func\t2080101\t另一个名字\n"                   /* 15 */
		"func\t2100101\t行政运行\n"                     /* 16 */
		"# year: 2024\n"                                /* 17 */
		"econ\t302\t商品和服务支出\n"                   /* 18 */
		"econ\t30213\t维修(护)费");                     /* 19, no LF */
	char *msgs = load_messages(path, &c);

	cr_assert_str_eq(msgs,
		"F:6: error: expected scheme, code and name separated by TABs, "
		"then optionally a TAB and a \"#\" note; line skipped\n"
		"F:7: error: the scheme must be func, econ or gecon; "
		"line skipped\n"
		"F:8: error: a function code is 3, 5 or 7 ASCII digits; "
		"line skipped\n"
		"F:9: error: an economic code is 3 or 5 ASCII digits; "
		"line skipped\n"
		"F:10: error: a function code is 3, 5 or 7 ASCII digits; "
		"line skipped\n"
		"F:11: error: code 2080103 has no name; line skipped\n"
		"F:12: error: expected scheme, code and name separated by "
		"TABs, then optionally a TAB and a \"#\" note; line skipped\n"
		"F:13: error: not UTF-8 text; line skipped\n"
		"F:17: error: a second year; the first (2023) is kept\n"
		"F:15: warning: code 2080101 is already on line 14; "
		"this line is ignored\n"
		"F:16: warning: code 2100101 has no parent 21001 "
		"in this file\n");
	cr_assert_not_null(c);
	cr_assert_eq(classification_year(c), 2023);
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "208"),
	                 "社会保障和就业支出");
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "20801"),
	                 "人力资源和社会保障管理事务");
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "2080101"),
	                 "行政运行");
	/* An orphan is still known; skipped lines are not. */
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "2100101"),
	                 "行政运行");
	cr_assert_null(classification_name(c, SCHEME_FUNC, "2080102"));
	cr_assert_null(classification_name(c, SCHEME_FUNC, "2080103"));
	cr_assert_str_eq(classification_name(c, SCHEME_ECON, "30213"),
	                 "维修(护)费");
	free(msgs);
	classification_free(c);
}

Test(file, year_is_optional_and_checked)
{
	struct classification *c;
	char *msgs;

	msgs = load_messages(WRITE("func\t201\t一般公共服务支出\n"), &c);
	cr_assert_str_eq(msgs, "");
	cr_assert_eq(classification_year(c), 0);
	free(msgs);
	classification_free(c);

	msgs = load_messages(WRITE("#year:  2022  \n"
	                           "#   year: 23\n"
	                           "# year: 20233\n"
	                           "# year: 2023 edition\n"
	                           "# the year: 1999 is no year line\n"),
	                     &c);
	cr_assert_str_eq(msgs,
		"F:2: error: the year must be written "
		"\"# year: \" and 4 digits\n"
		"F:3: error: the year must be written "
		"\"# year: \" and 4 digits\n"
		"F:4: error: the year must be written "
		"\"# year: \" and 4 digits\n");
	cr_assert_eq(classification_year(c), 2022);
	free(msgs);
	classification_free(c);
}

Test(file, an_empty_file_knows_nothing)
{
	struct classification *c;
	char *msgs = load_messages(WRITE(""), &c);

	cr_assert_str_eq(msgs, "");
	cr_assert_not_null(c);
	cr_assert_null(classification_name(c, SCHEME_FUNC, "208"));
	cr_assert_eq(classification_check(c, SCHEME_FUNC, "208", "x", NULL),
	             CLS_UNKNOWN);
	free(msgs);
	classification_free(c);
}

Test(file, a_nul_byte_spoils_only_its_line)
{
	struct classification *c;
	static const char bytes[] = "func\t201\t一般\0公共服务支出\n"
	                            "func\t208\t社会保障和就业支出\n";
	char *msgs = load_messages(write_file(bytes, sizeof bytes - 1), &c);

	cr_assert_str_eq(msgs, "F:1: error: not UTF-8 text; line skipped\n");
	cr_assert_null(classification_name(c, SCHEME_FUNC, "201"));
	cr_assert_str_eq(classification_name(c, SCHEME_FUNC, "208"),
	                 "社会保障和就业支出");
	free(msgs);
	classification_free(c);
}

Test(file, what_cannot_be_read_gives_null_and_a_message)
{
	struct classification *c;
	char missing[128], *msgs;

	snprintf(missing, sizeof missing, "%s/none.tsv", tmpdir);
	msgs = load_messages(missing, &c);
	cr_assert_null(c);
	cr_assert_str_eq(msgs, "F:0: error: cannot read the code "
	                 "classification: No such file or directory\n");
	free(msgs);

	msgs = load_messages(tmpdir, &c);
	cr_assert_null(c);
	cr_assert_str_eq(msgs, "F:0: error: the code classification is not "
	                 "a regular file\n");
	free(msgs);

	msgs = load_messages("/dev/zero", &c);
	cr_assert_null(c);
	cr_assert_str_eq(msgs, "F:0: error: the code classification is not "
	                 "a regular file\n");
	free(msgs);
}

Test(file, default_path_follows_yusuan_datadir)
{
	char *p;

	setenv("YUSUAN_DATADIR", "/opt/data", 1);
	p = classification_default_path();
	cr_assert_str_eq(p, "/opt/data/classification.tsv");
	free(p);

	setenv("YUSUAN_DATADIR", "", 1);
	p = classification_default_path();
	cr_assert_str_eq(p, PKGDATADIR "/classification.tsv");
	free(p);

	unsetenv("YUSUAN_DATADIR");
	p = classification_default_path();
	cr_assert_str_eq(p, PKGDATADIR "/classification.tsv");
	free(p);
}
