#include "config.h"

#include "load.h"
#include "budget.h"
#include "classification.h"
#include "diag.h"

#include <criterion/criterion.h>
#include <ftw.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[256];
static struct budget b;
static char *msgs;   /* what messages() gave last */

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(root, sizeof root, "%s/loadXXXXXX", tmp && *tmp ? tmp : "/tmp");
	cr_assert_not_null(mkdtemp(root));
	budget_init(&b);
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st, (void)type, (void)ftw;
	return remove(path);
}

static void teardown(void)
{
	budget_free(&b);
	free(msgs);
	msgs = NULL;
	nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(load, .init = setup, .fini = teardown);

/* root + "/" + rel; static storage, 8 slots. */
static const char *in_root(const char *rel)
{
	static char bufs[8][512];
	static int next;
	char *p = bufs[next++ % 8];
	snprintf(p, sizeof bufs[0], "%s/%s", root, rel);
	return p;
}

/* Writes n bytes to root/rel, making the folders on the way. */
static void put_bytes(const char *rel, const void *data, size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "%s", path);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	fclose(f);
}

static void put(const char *rel, const char *text)
{
	put_bytes(rel, text, strlen(text));
}

/* Writes text converted from UTF-8 to the encoding (iconv name). */
static void put_as(const char *rel, const char *encoding, const char *text)
{
	iconv_t cd = iconv_open(encoding, "UTF-8");
	cr_assert_neq(cd, (iconv_t)-1, "no converter for %s", encoding);
	size_t inleft = strlen(text), cap = 4 * inleft + 16, outleft = cap;
	char *out = malloc(cap), *o = out, *i = (char *)text;
	cr_assert_neq(iconv(cd, &i, &inleft, &o, &outleft), (size_t)-1);
	iconv_close(cd);
	put_bytes(rel, out, cap - outleft);
	free(out);
}

static void load_with(const struct classification *cls, int n, ...)
{
	char *paths[8];
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		paths[i] = (char *)va_arg(ap, const char *);
	va_end(ap);
	struct load_options o = { .encoding = ENC_AUTO, .cls = cls };
	load_paths(&b, paths, (size_t)n, &o);
}

/* Loads root/rel (a package, a file or a collection). */
static void load(const char *rel)
{
	load_with(NULL, 1, in_root(rel));
}

static const char *rel(const char *path)
{
	size_t n = strlen(root);
	return path && strncmp(path, root, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

/* The messages as "file:record: severity: text\n", names relative to
 * root; valid until the next call. */
static const char *messages(void)
{
	free(msgs);
	size_t size;
	FILE *f = open_memstream(&msgs, &size);
	for (size_t i = 0; i < b.diags.n; i++)
		fprintf(f, "%s:%u: %s: %s\n", rel(b.diags.v[i].file), b.diags.v[i].record,
		        severity_name(b.diags.v[i].sev), b.diags.v[i].text);
	fclose(f);
	return msgs;
}

#define MESSAGES_ARE(want) cr_assert_str_eq(messages(), want)

/* The child of n whose code, else name, is key; NULL when none. */
static struct node *kid(const struct node *n, const char *key)
{
	if (!n)
		return NULL;
	for (uint32_t i = 0; i < n->nkids; i++)
		if (n->kids[i]->code[0] && strcmp(n->kids[i]->code, key) == 0)
			return n->kids[i];
	for (uint32_t i = 0; i < n->nkids; i++)
		if (strcmp(n->kids[i]->name, key) == 0)
			return n->kids[i];
	return NULL;
}

/* Follows a "/"-separated path of keys from n; fails the test when a
 * step is missing. */
static struct node *at(const struct node *n, const char *path)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", path);
	const struct node *cur = n;
	for (char *save, *k = strtok_r(buf, "/", &save); k; k = strtok_r(NULL, "/", &save)) {
		const struct node *next = kid(cur, k);
		cr_assert_not_null(next, "no '%s' in '%s' (path %s)", k, cur ? cur->name : "?", path);
		cur = next;
	}
	return (struct node *)cur;
}

#define NOFIG INT64_MIN

static int64_t fen(const struct node *n, enum table_kind t, enum column c)
{
	const struct figure *f = node_figure(n, t, c);
	return f ? f->fen : NOFIG;
}

static uint8_t flags(const struct node *n, enum table_kind t, enum column c)
{
	const struct figure *f = node_figure(n, t, c);
	cr_assert_not_null(f);
	return f->flags;
}

/* "file:record" of a figure, file relative to root (outside it: the
 * file's name). */
static const char *where(const struct node *n, enum table_kind t, enum column c)
{
	static char buf[512];
	const struct figure *f = node_figure(n, t, c);
	cr_assert_not_null(f);
	const char *file = f->file ? rel(b.files[f->file].path) : "-";
	if (file[0] == '/')
		file = strrchr(file, '/') + 1;
	snprintf(buf, sizeof buf, "%s:%u", file, (unsigned)f->record);
	return buf;
}

/* The codes (else names) of n's children, space-separated. */
static const char *kids(const struct node *n)
{
	static char buf[4096];
	size_t o = 0;
	buf[0] = '\0';
	for (uint32_t i = 0; i < n->nkids && o < sizeof buf; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? " " : "",
		                      n->kids[i]->code[0] ? n->kids[i]->code : n->kids[i]->name);
	return buf;
}

static struct department *dept(void)
{
	cr_assert_eq(b.ndepts, 1);
	return b.depts[0];
}

static struct node *sec(enum section s)
{
	return dept()->sections[s];
}

static size_t count_kind(const struct node *n, enum node_kind k)
{
	size_t c = n->kind == k;
	for (uint32_t i = 0; i < n->nkids; i++)
		c += count_kind(n->kids[i], k);
	return c;
}

/* --- the two real samples ---------------------------------------------- */

static struct classification *cls;
static struct diags cls_diags;

static void load_sample(const char *name)
{
	const char *top = getenv("top_srcdir");
	cr_assert(top && *top, "top_srcdir is not set: run this test through 'make check', "
	                       "or set top_srcdir to the source tree");
	char path[1024];
	snprintf(path, sizeof path, "%s/data/classification.tsv", top);
	diags_init(&cls_diags);
	cls = classification_load(path, &cls_diags);
	cr_assert_not_null(cls, "cannot load %s", path);
	cr_assert_eq(cls_diags.n, 0, "%s: %s", path, cls_diags.n ? cls_diags.v[0].text : "");
	snprintf(path, sizeof path, "%s/data/samples/%s", top, name);
	load_with(cls, 1, path);
	MESSAGES_ARE("");
	cr_assert_eq(b.ndepts, 1);
	cr_assert_eq(b.root, b.depts[0]->node);
}

static void free_sample(void)
{
	classification_free(cls);
	diags_free(&cls_diags);
}

/* Projects and their TK_PROJECTS totals per type; indicators per group. */
struct project_stats {
	size_t projects[3];
	int64_t total[3];
	size_t groups[GRP__COUNT];
	size_t unmatched;          /* projects without a 项目绩效 figure */
	size_t no_cost;            /* projects without a 成本 indicator */
	size_t no_indicators;
};

static void project_stats(const struct node *units, struct project_stats *st)
{
	*st = (struct project_stats){0};
	for (uint32_t u = 0; u < units->nkids; u++) {
		const struct node *un = units->kids[u];
		cr_assert_eq(un->kind, NODE_UNIT);
		for (uint32_t i = 0; i < un->nkids; i++) {
			const struct node *p = un->kids[i];
			cr_assert_eq(p->kind, NODE_PROJECT);
			st->projects[p->sub]++;
			st->total[p->sub] += fen(p, TK_PROJECTS, COL_TOTAL);
			st->unmatched += fen(p, TK_INDICATORS, COL_TOTAL) == NOFIG;
			cr_assert_eq(p->nkids, GRP__COUNT, "%s", p->name);
			size_t all = 0;
			for (int g = 0; g < GRP__COUNT; g++) {
				const struct node *grp = p->kids[g];
				cr_assert_eq(grp->kind, NODE_GROUP);
				cr_assert_eq(grp->sub, g);
				st->groups[g] += grp->nkids;
				all += grp->nkids;
				if (g == GRP_COST && !grp->nkids)
					st->no_cost++;
			}
			st->no_indicators += !all;
		}
	}
}

/* 整体绩效: indicators under each 一级指标, and under its 二级 named l2. */
static size_t target_indicators(const char *l1, const char *l2)
{
	const struct node *n = at(sec(SEC_TARGETS), l1);
	cr_assert_eq(n->kind, NODE_LEVEL);
	cr_assert_eq(n->sub, 1);
	if (l2) {
		n = at(n, l2);
		cr_assert_eq(n->sub, 2);
	}
	return count_kind(n, NODE_INDICATOR);
}

Test(load, sample_xinxiang)
{
	load_sample("xinxiang-etdz-2023");
	struct department *d = dept();
	cr_assert_str_eq(d->name, "新乡经济技术开发区管理委员会组织和人力资源社会保障局");
	cr_assert_eq(d->year, 2023);
	cr_assert_eq(d->unit, UNIT_WAN);
	for (int k = TK_SUMMARY; k < TK__COUNT; k++)
		cr_expect_eq(d->table_file[k] != 0,
		             k != TK_INCOME && k != TK_ECON && k != TK_STATECAP, "%s",
		             table_kind_name((enum table_kind)k));

	/* Totals: income = spending = 2852.11, no carry-over. */
	struct node *dn = d->node;
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_INCOME_ALL), 2852110000);
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_SPEND_ALL), 2852110000);
	cr_assert_eq(node_headline(dn)->fen, 2852110000);
	cr_assert_eq(fen(dn, TK_SPENDING, COL_TOTAL), 2852110000);   /* unit row 104 */
	cr_assert_eq(fen(at(sec(SEC_INCOME), "一般公共预算"), TK_SUMMARY, COL_TOTAL), 2852110000);
	cr_assert_eq(fen(at(sec(SEC_INCOME), "一般公共预算/财政拨款"), TK_SUMMARY, COL_TOTAL),
	             2852110000);

	struct node *fn = sec(SEC_FUNC);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_TOTAL), 2852110000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_BASIC), 722640000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_WAGES), 675340000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_FAMILY), 8860000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_GOODS), 38440000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_CAPITAL), NOFIG);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_PROJECT), 2129470000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_OPERATING), 62000000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_SPECIFIC), 2067470000);
	cr_assert_eq(fen(fn, TK_SUMMARY, COL_TOTAL), 2852110000);     /* 本年支出合计 */
	cr_assert_eq(fen(fn, TK_APPROP, COL_GENERAL), 2852110000);    /* 一、本年支出 by fund */
	cr_assert_eq(fen(fn, TK_APPROP, COL_APPROP), 2852110000);
	cr_assert_eq(fen(fn, TK_APPROP, COL_GOVFUND), NOFIG);
	cr_assert_eq(fen(sec(SEC_ECON), TK_BASIC, COL_TOTAL), 722640000);
	cr_assert_eq(fen(sec(SEC_ECON), TK_BASIC, COL_PERSONNEL), 684200000);
	cr_assert_eq(fen(sec(SEC_ECON), TK_BASIC, COL_PUBLIC), 38440000);

	/* 类 and 款, summed from the 项 rows (split codes, zeros dropped). */
	cr_assert_str_eq(kids(fn), "201 208 210");
	cr_assert_str_eq(kids(at(fn, "208")), "20801 20805 20826 20899");
	static const struct { const char *path; int64_t fen; } func[] = {
		{ "201", 935300000 }, { "208", 1668460000 }, { "210", 248350000 },
		{ "201/20132", 935300000 }, { "208/20801", 1265190000 },
		{ "208/20805", 110620000 }, { "208/20826", 64280000 },
		{ "208/20899", 228370000 }, { "210/21011", 68350000 },
		{ "210/21012", 180000000 },
	};
	for (size_t i = 0; i < sizeof func / sizeof *func; i++) {
		struct node *n = at(fn, func[i].path);
		cr_expect_eq(fen(n, TK_SPENDING, COL_TOTAL), func[i].fen, "%s", func[i].path);
		cr_expect_eq(flags(n, TK_SPENDING, COL_TOTAL), FIG_SUMMED, "%s", func[i].path);
	}
	cr_assert_str_eq(at(fn, "208")->name, "社会保障和就业支出");   /* from the classification */
	struct node *x = at(fn, "208/20805/2080505");
	cr_assert_str_eq(x->name, "机关事业单位基本养老保险缴费支出");
	cr_assert_eq(x->sub, 3);
	cr_assert_str_eq(where(x, TK_SPENDING, COL_TOTAL), "Sheet2.csv:13");
	/* 收支总表 per 类 */
	cr_assert_eq(fen(at(fn, "208"), TK_SUMMARY, COL_TOTAL), 1668460000);

	/* 三公 0.20 = 0.00 + 0.00 (0.00 + 0.00) + 0.20; published zeros are figures. */
	struct node *sg = sec(SEC_SANGONG);
	cr_assert_eq(fen(sg, TK_SANGONG, COL_TOTAL), 200000);
	cr_assert_eq(sg->nkids, 3);
	cr_assert_eq(sg->kids[0]->sub, COL_ABROAD);
	cr_assert_eq(fen(sg->kids[0], TK_SANGONG, COL_TOTAL), 0);
	cr_assert_eq(sg->kids[1]->sub, COL_CAR);
	cr_assert_eq(fen(sg->kids[1], TK_SANGONG, COL_TOTAL), 0);
	cr_assert_eq(sg->kids[1]->nkids, 2);
	cr_assert_eq(sg->kids[1]->kids[0]->sub, COL_CAR_BUY);
	cr_assert_eq(sg->kids[1]->kids[1]->sub, COL_CAR_RUN);
	cr_assert_eq(fen(sg->kids[1]->kids[1], TK_SANGONG, COL_TOTAL), 0);
	cr_assert_eq(sg->kids[2]->sub, COL_RECEPTION);
	cr_assert_eq(fen(sg->kids[2], TK_SANGONG, COL_TOTAL), 200000);

	/* 政府性基金: an empty table, its 合计 row 0.00. */
	cr_assert_eq(fen(fn, TK_GOVFUND, COL_TOTAL), 0);

	/* Units and projects. */
	struct node *un = sec(SEC_UNITS);
	cr_assert_str_eq(kids(un), "104001");
	cr_assert_eq(fen(un, TK_PROJECTS, COL_TOTAL), 2129470000);
	cr_assert_eq(fen(dn, TK_PROJECTS, COL_TOTAL), 2129470000);     /* row 104 */
	cr_assert_eq(fen(dn, TK_INDICATORS, COL_TOTAL), 2129470000);
	cr_assert_eq(fen(at(un, "104001"), TK_INDICATORS, COL_TOTAL), 2129470000);
	struct project_stats st;
	project_stats(un, &st);
	cr_assert_eq(st.projects[PT_OPERATING], 5);
	cr_assert_eq(st.projects[PT_SPECIFIC], 8);
	cr_assert_eq(st.projects[PT_UNKNOWN], 0);
	cr_assert_eq(st.total[PT_OPERATING], 62000000);
	cr_assert_eq(st.total[PT_SPECIFIC], 2067470000);
	cr_assert_eq(st.unmatched, 0);
	cr_assert_eq(st.groups[GRP_COST], 14);
	cr_assert_eq(st.groups[GRP_OUTPUT], 51);
	cr_assert_eq(st.groups[GRP_EFFECT], 15);
	cr_assert_eq(st.groups[GRP_SATISFACTION], 13);
	cr_assert_eq(st.no_cost, 0);
	struct node *p = at(un, "104001/410796220000000006539");
	cr_assert_str_eq(p->name, "组织人事工作费用");
	cr_assert_eq(fen(p, TK_PROJECTS, COL_TOTAL), 4000000);
	cr_assert_eq(fen(p, TK_INDICATORS, COL_TOTAL), 4000000);
	struct node *ind = at(p, "成本指标/组织人事工作费用支出总额");
	cr_assert_str_eq(node_value(ind), "≤4万元");

	/* 整体绩效 */
	struct node *tg = sec(SEC_TARGETS);
	cr_assert_eq(count_kind(tg, NODE_INDICATOR), 32);
	cr_assert_eq(target_indicators("投入管理指标", NULL), 20);
	cr_assert_eq(target_indicators("产出指标", NULL), 6);
	cr_assert_eq(target_indicators("效益指标", NULL), 6);
	cr_assert_eq(target_indicators("效益指标", "满意度"), 3);
	struct node *bud = at(tg, "预算情况");
	cr_assert_eq(fen(bud, TK_TARGETS, COL_TOTAL), 2852110000);
	cr_assert_eq(fen(bud, TK_TARGETS, COL_GOVBUDGET), 2852110000);
	cr_assert_eq(fen(bud, TK_TARGETS, COL_BASIC), 722640000);
	cr_assert_eq(fen(bud, TK_TARGETS, COL_PROJECT), 2129470000);
	cr_assert_eq(fen(bud, TK_TARGETS, COL_SPECIAL), NOFIG);
	cr_assert_eq(at(tg, "年度主要任务")->nkids, 6);
	free_sample();
}

Test(load, sample_zhumadian)
{
	load_sample("zhumadian-2023");
	struct department *d = dept();
	cr_assert_str_eq(d->name, "驻马店市人力资源和社会保障局");
	cr_assert_eq(d->year, 2023);
	for (int k = TK_SUMMARY; k < TK__COUNT; k++)
		cr_expect_eq(d->table_file[k] != 0,
		             k != TK_INCOME && k != TK_ECON && k != TK_STATECAP, "%s",
		             table_kind_name((enum table_kind)k));
	cr_assert_eq(b.files[d->table_file[TK_SPENDING]].enc, ENC_GB18030);

	struct node *dn = d->node;
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_SPEND_ALL), 17419040000);
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_INCOME_ALL), 17419040000);
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_CARRY), NOFIG);
	cr_assert_eq(fen(at(sec(SEC_INCOME), "一般公共预算"), TK_SUMMARY, COL_TOTAL), 17419040000);
	struct node *appr = at(sec(SEC_INCOME), "一般公共预算/财政拨款");
	cr_assert_eq(appr->sub, COL_APPROP);
	cr_assert_eq(fen(appr, TK_SUMMARY, COL_TOTAL), 17181790000);
	cr_assert_eq(fen(appr, TK_APPROP, COL_TOTAL), 17181790000);

	struct node *fn = sec(SEC_FUNC);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_TOTAL), 17419040000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_BASIC), 14537490000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_WAGES), 12299580000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_FAMILY), 638450000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_GOODS), 1599460000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_CAPITAL), NOFIG);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_PROJECT), 2881550000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_OPERATING), 2688950000);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_SPECIFIC), 192600000);
	cr_assert_eq(fen(fn, TK_GENERAL, COL_TOTAL), 17419040000);
	cr_assert_eq(fen(fn, TK_APPROP, COL_APPROP), 17181790000);
	cr_assert_eq(fen(sec(SEC_ECON), TK_BASIC, COL_PERSONNEL), 12938030000);
	cr_assert_eq(fen(sec(SEC_ECON), TK_BASIC, COL_PUBLIC), 1599460000);

	cr_assert_str_eq(kids(fn), "205 208 210 221");
	static const struct { const char *path; int64_t fen; } func[] = {
		{ "205", 7243040000 }, { "208", 8375220000 }, { "210", 936580000 },
		{ "221", 864190000 }, { "205/20503", 7243040000 }, { "208/20801", 6631170000 },
		{ "208/20805", 1700620000 }, { "208/20899", 43430000 },
		{ "210/21011", 936580000 }, { "221/22102", 864190000 },
	};
	for (size_t i = 0; i < sizeof func / sizeof *func; i++) {
		struct node *n = at(fn, func[i].path);
		cr_expect_eq(fen(n, TK_SPENDING, COL_TOTAL), func[i].fen, "%s", func[i].path);
		cr_expect_eq(flags(n, TK_SPENDING, COL_TOTAL), FIG_SUMMED, "%s", func[i].path);
	}
	/* 收支总表 and 财政拨款收支总表 print 210 as 936.59. */
	cr_assert_eq(fen(at(fn, "210"), TK_SUMMARY, COL_TOTAL), 936590000);
	cr_assert_eq(fen(at(fn, "210"), TK_APPROP, COL_TOTAL), 936590000);
	/* Kept as published: 208 05 01 基本支出 156.47 over parts 156.46. */
	struct node *x = at(fn, "208/20805/2080501");
	cr_assert_eq(fen(x, TK_SPENDING, COL_BASIC), 156470000);
	cr_assert_eq(fen(x, TK_SPENDING, COL_WAGES), NOFIG);
	cr_assert_eq(fen(x, TK_SPENDING, COL_FAMILY), 141170000);
	cr_assert_eq(fen(x, TK_SPENDING, COL_GOODS), 15290000);
	cr_assert_str_eq(where(x, TK_SPENDING, COL_BASIC), "02 支出.csv:10");

	/* Economic codes repeat over rows (one per government class). */
	struct node *e = at(sec(SEC_ECON), "301/30101");
	cr_assert_eq(fen(e, TK_BASIC, COL_TOTAL), 3799480000);
	cr_assert_eq(flags(e, TK_BASIC, COL_TOTAL), FIG_MULTI);
	cr_assert_str_eq(kids(e), "50101 50501");
	cr_assert_eq(fen(at(sec(SEC_ECON), "302"), TK_BASIC, COL_TOTAL), 1599450000);
	cr_assert_eq(fen(at(sec(SEC_ECON), "303"), TK_BASIC, COL_TOTAL), 638460000);

	/* 三公 46.48: empty cells are nodes without figures. */
	struct node *sg = sec(SEC_SANGONG);
	cr_assert_eq(fen(sg, TK_SANGONG, COL_TOTAL), 46480000);
	cr_assert_eq(fen(sg->kids[0], TK_SANGONG, COL_TOTAL), NOFIG);
	cr_assert_eq(fen(sg->kids[1], TK_SANGONG, COL_TOTAL), 45680000);
	cr_assert_eq(fen(sg->kids[1]->kids[0], TK_SANGONG, COL_TOTAL), NOFIG);
	cr_assert_eq(fen(sg->kids[1]->kids[1], TK_SANGONG, COL_TOTAL), 45680000);
	cr_assert_eq(fen(sg->kids[2], TK_SANGONG, COL_TOTAL), 800000);

	/* 政府性基金: a 合计 row with empty cells gives no figure. */
	cr_assert_neq(d->table_file[TK_GOVFUND], 0);
	cr_assert_eq(fen(fn, TK_GOVFUND, COL_TOTAL), NOFIG);

	/* 15 units, 42 projects. */
	struct node *un = sec(SEC_UNITS);
	cr_assert_eq(un->nkids, 15);
	for (uint32_t i = 0; i < un->nkids; i++)
		cr_expect(strlen(un->kids[i]->code) == 6 && strncmp(un->kids[i]->code, "028", 3) == 0,
		          "%s", un->kids[i]->code);
	cr_assert_str_eq(un->kids[0]->code, "028001");
	cr_assert_str_eq(un->kids[14]->code, "028035");
	cr_assert_eq(fen(un, TK_PROJECTS, COL_TOTAL), 2881550000);
	struct project_stats st;
	project_stats(un, &st);
	cr_assert_eq(st.projects[PT_OPERATING], 38);
	cr_assert_eq(st.projects[PT_SPECIFIC], 4);
	cr_assert_eq(st.projects[PT_UNKNOWN], 0);
	cr_assert_eq(st.total[PT_OPERATING], 2688950000);
	cr_assert_eq(st.total[PT_SPECIFIC], 192600000);
	cr_assert_eq(st.unmatched, 0);
	cr_assert_eq(st.groups[GRP_COST], 52);
	cr_assert_eq(st.groups[GRP_OUTPUT], 121);
	cr_assert_eq(st.groups[GRP_EFFECT], 83);
	cr_assert_eq(st.groups[GRP_SATISFACTION], 46);
	cr_assert_eq(st.no_cost, 11 + 1);   /* and the one without any indicator */
	cr_assert_eq(st.no_indicators, 1);
	/* Names that differ between the tables: the other one is the note. */
	struct node *p = at(un, "028001/社保基金预算决算工作经费");
	cr_assert_str_eq(node_note(p), "社保基金预决算工作经费");
	cr_assert_str_eq(p->code, "411700230000000019066");
	/* Codes of odd length are kept as published. */
	cr_assert_eq(count_kind(un, NODE_PROJECT), 42);

	struct node *tg = sec(SEC_TARGETS);
	cr_assert_eq(count_kind(tg, NODE_INDICATOR), 29);
	cr_assert_eq(target_indicators("投入管理指标", NULL), 20);
	cr_assert_eq(target_indicators("产出指标", NULL), 5);
	cr_assert_eq(target_indicators("效益指标", NULL), 4);
	cr_assert_eq(target_indicators("效益指标", "满意度"), 2);
	free_sample();
}

/* --- packages written for the purpose ---------------------------------- */

/* A 支出总表 with joined codes and its 类/款 rows present: those figures
 * are published, not summed; 合计 may stand in the code column. */
Test(load, joined_codes_with_class_rows)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,,,,\r\n"
	    "部门名称：测试局,,,,,单位：万元\r\n"
	    "科目编码,科目名称,合计,基本支出,项目支出,\r\n"
	    "合计,,\"1,300.00\",\"1,000.00\",300.00\r\n"
	    "208,社会保障和就业支出,\"1,300.00\",\"1,000.00\",\r\n"
	    "20801,人力资源和社会保障管理事务,\"1,300.00\",\"1,000.00\",300.00\r\n"
	    "2080101,行政运行,\"1,000.00\",\"1,000.00\",\r\n"
	    "2080102,一般行政管理事务,300.00,,300.00\r\n");
	load("p");
	MESSAGES_ARE("");
	struct department *d = dept();
	cr_assert_str_eq(d->name, "测试局");
	cr_assert_eq(d->year, 2023);
	struct node *fn = sec(SEC_FUNC);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_TOTAL), 1300000000);
	cr_assert_str_eq(where(fn, TK_SPENDING, COL_TOTAL), "p/t.csv:4");
	cr_assert_str_eq(kids(fn), "208");
	struct node *lei = at(fn, "208"), *kuan = at(fn, "208/20801");
	cr_assert_eq(lei->sub, 1);
	cr_assert_eq(kuan->sub, 2);
	cr_assert_str_eq(lei->name, "社会保障和就业支出");
	cr_assert_eq(fen(lei, TK_SPENDING, COL_TOTAL), 1300000000);
	cr_assert_eq(flags(lei, TK_SPENDING, COL_TOTAL), 0);
	cr_assert_str_eq(where(lei, TK_SPENDING, COL_TOTAL), "p/t.csv:5");
	/* Its empty 项目支出 cell stays empty: not filled in from the rows below. */
	cr_assert_eq(fen(lei, TK_SPENDING, COL_PROJECT), NOFIG);
	cr_assert_eq(fen(kuan, TK_SPENDING, COL_PROJECT), 300000000);
	cr_assert_eq(flags(kuan, TK_SPENDING, COL_PROJECT), 0);
	cr_assert_str_eq(where(kuan, TK_SPENDING, COL_BASIC), "p/t.csv:6");
	cr_assert_str_eq(kids(kuan), "2080101 2080102");
	cr_assert_eq(fen(at(kuan, "2080101"), TK_SPENDING, COL_PROJECT), NOFIG);
	cr_assert_eq(fen(at(kuan, "2080102"), TK_SPENDING, COL_BASIC), NOFIG);
	cr_assert_eq(fen(at(kuan, "2080102"), TK_SPENDING, COL_PROJECT), 300000000);
}

/* Split codes with the zeros Excel dropped, only 项 rows, in no order:
 * 类 and 款 are built and summed. */
Test(load, split_codes_with_dropped_zeros)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,,,,\n"
	    "科目编码,,,科目名称,合计,基本支出\n"
	    "类,款,项,,,\n"
	    "合计,,,,6.00,3.00\n"
	    "208,5,5,机关事业单位基本养老保险缴费支出,1.00,1.00\n"
	    "208,1,1,行政运行,2.00,2.00\n"
	    "201,32,99,其他组织事务支出,3.00,\n");
	load("p");
	MESSAGES_ARE("");
	struct node *fn = sec(SEC_FUNC);
	cr_assert_str_eq(kids(fn), "201 208");
	cr_assert_str_eq(kids(at(fn, "208")), "20801 20805");
	struct node *x = at(fn, "208/20801/2080101");
	cr_assert_str_eq(x->name, "行政运行");
	cr_assert_eq(fen(x, TK_SPENDING, COL_TOTAL), 2000000);
	cr_assert_eq(flags(x, TK_SPENDING, COL_TOTAL), 0);
	cr_assert_str_eq(at(fn, "208")->name, "208");   /* no classification given */
	cr_assert_eq(fen(at(fn, "208"), TK_SPENDING, COL_TOTAL), 3000000);
	cr_assert_eq(flags(at(fn, "208"), TK_SPENDING, COL_TOTAL), FIG_SUMMED);
	cr_assert_eq(node_origin(at(fn, "208")).file, 0);
	cr_assert_eq(fen(at(fn, "208/20805"), TK_SPENDING, COL_BASIC), 1000000);
	cr_assert_eq(fen(at(fn, "201"), TK_SPENDING, COL_BASIC), NOFIG);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_TOTAL), 6000000);
}

/* 单位：元: amounts are converted exactly. */
Test(load, table_in_yuan)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,\n"
	    "部门名称：测试局,,单位：元\n"
	    "科目编码,科目名称,合计\n"
	    "2080101,行政运行,\"12,345.67\"\n"
	    "2080102,一般行政管理事务,0.01\n"
	    "2080103,机关服务,\"1,000,000,000.99\"\n");
	load("p");
	MESSAGES_ARE("");
	cr_assert_eq(dept()->unit, UNIT_YUAN);
	struct node *k = at(sec(SEC_FUNC), "208/20801");
	cr_assert_eq(fen(at(k, "2080101"), TK_SPENDING, COL_TOTAL), 1234567);
	cr_assert_eq(fen(at(k, "2080102"), TK_SPENDING, COL_TOTAL), 1);
	cr_assert_eq(fen(at(k, "2080103"), TK_SPENDING, COL_TOTAL), 100000000099);
	cr_assert_eq(fen(k, TK_SPENDING, COL_TOTAL), 100001234667);
}

/* A 项目支出表 with 功能科目 code and name columns: each project hangs
 * under its unit, and again under its 项 as a link to the real one. */
Test(load, projects_with_function_codes)
{
	put("p/a.csv",
	    "2023年部门支出预算表,,,,,,\n"
	    "科目编码,,,单位代码,单位（科目名称）,合计,项目支出\n"
	    "类,款,项,,,,\n"
	    ",,,,合计,15.00,15.00\n"
	    ",,,028,测试局,15.00,15.00\n"
	    "208,01,01,,行政运行,10.00,10.00\n"
	    "208,01,99,,其他人力资源和社会保障管理事务支出,5.00,5.00\n");
	put("p/b.csv",
	    "2023年项目支出预算表,,,,,,,,\n"
	    "单位：万元,,,,,,,,\n"
	    "项目编码,项目名称,类型,项目单位,功能科目编码,功能科目名称,合计,一般公共预算,单位资金\n"
	    ",合计,,,,,15.00,14.00,1.00\n"
	    ",028,,测试局,,,15.00,14.00,1.00\n"
	    ",028001,,测试局本级,,,15.00,14.00,1.00\n"
	    "411700230000000018931,培训经费,其他运转类,测试局本级,2080101,行政运行,10.00,10.00,\n"
	    "411700230000000018932,信息系统运维,特定目标类,测试局本级,2080199,其他人力资源和社会保障管理事务支出,5.00,4.00,1.00\n");
	load("p");
	MESSAGES_ARE("");
	struct node *un = sec(SEC_UNITS);
	cr_assert_eq(fen(un, TK_PROJECTS, COL_TOTAL), 15000000);
	cr_assert_eq(fen(un, TK_PROJECTS, COL_UNITFUNDS), 1000000);
	cr_assert_eq(fen(dept()->node, TK_PROJECTS, COL_TOTAL), 15000000);
	cr_assert_str_eq(kids(un), "028001");
	struct node *u = at(un, "028001");
	cr_assert_str_eq(u->name, "测试局本级");
	cr_assert_eq(fen(u, TK_PROJECTS, COL_GENERAL), 14000000);
	cr_assert_eq(flags(u, TK_PROJECTS, COL_GENERAL), 0);
	cr_assert_str_eq(kids(u), "411700230000000018931 411700230000000018932");
	struct node *p1 = at(u, "411700230000000018931"), *p2 = at(u, "411700230000000018932");
	cr_assert_eq(p1->sub, PT_OPERATING);
	cr_assert_eq(p2->sub, PT_SPECIFIC);
	cr_assert_str_eq(p2->name, "信息系统运维");
	cr_assert_eq(fen(p2, TK_PROJECTS, COL_GENERAL), 4000000);
	cr_assert_str_eq(where(p2, TK_PROJECTS, COL_TOTAL), "p/b.csv:8");

	struct node *item = at(sec(SEC_FUNC), "208/20801/2080199");
	cr_assert_eq(fen(item, TK_SPENDING, COL_PROJECT), 5000000);
	cr_assert_eq(item->nkids, 1);
	struct node *ref = item->kids[0];
	cr_assert_eq(ref->kind, NODE_PROJECT);
	cr_assert_eq(node_link(ref), p2);
	cr_assert_str_eq(ref->name, "信息系统运维");
	cr_assert_str_eq(ref->code, "411700230000000018932");
	cr_assert_eq(ref->sub, PT_SPECIFIC);
	cr_assert_eq(fen(ref, TK_PROJECTS, COL_TOTAL), 5000000);
	cr_assert_eq(node_link(p2), NULL);
	cr_assert_eq(node_link(at(sec(SEC_FUNC), "208/20801/2080101")->kids[0]), p1);
	/* The project rows add nothing to the function codes' own figures. */
	cr_assert_eq(fen(at(sec(SEC_FUNC), "208/20801"), TK_SPENDING, COL_TOTAL), 15000000);
	cr_assert_eq(fen(at(sec(SEC_FUNC), "208/20801"), TK_PROJECTS, COL_TOTAL), NOFIG);
	cr_assert_eq(count_kind(sec(SEC_FUNC), NODE_PROJECT), 2);
}

/* 功能科目 split over 类/款/项 columns (Excel dropped the zeros), with its
 * name beside; a row without a code stays under its unit only. */
Test(load, projects_with_split_function_code)
{
	put("p/b.csv",
	    "项目支出预算表,,,,,,,\n"
	    "项目名称,类型,功能科目,,,,合计\n"
	    ",,类,款,项,名称,\n"
	    "培训经费,其他运转类,208,1,1,行政运行,10.00\n"
	    "考试经费,特定目标类,205,3,3,技校教育,\"1,234.50\"\n"
	    "其他经费,特定目标类,,,,,2.00\n"
	    "坏编码经费,特定目标类,20,1,1,,3.00\n");
	load("p");
	MESSAGES_ARE("p/b.csv:7: error: cannot read the code '20,1,1': a function class (类) code has 3 digits\n");
	struct node *x = at(sec(SEC_FUNC), "205/20503/2050303");
	cr_assert_str_eq(x->name, "技校教育");
	cr_assert_eq(x->nkids, 1);
	cr_assert_str_eq(node_link(x->kids[0])->name, "考试经费");
	cr_assert_eq(fen(x->kids[0], TK_PROJECTS, COL_TOTAL), 1234500000);
	cr_assert_str_eq(node_link(at(sec(SEC_FUNC), "208/20801/2080101")->kids[0])->name, "培训经费");
	cr_assert_eq(count_kind(sec(SEC_FUNC), NODE_PROJECT), 2);
	cr_assert_eq(sec(SEC_UNITS)->kids[0]->nkids, 4);
}

/* 功能科目 under a merged heading, split 类/款/项 elsewhere in the table,
 * and a 项 that 支出总表 does not have (named from the project table). */
Test(load, projects_with_function_heading)
{
	put("p/b.csv",
	    "项目支出预算表,,,,,\n"
	    "项目名称,类型,功能科目,,合计,\n"
	    ",,编码,名称,,\n"
	    "培训经费,其他运转类,2080101,行政运行,10.00,\n"
	    "考试经费,特定目标类,2050303,技校教育,\"1,234.50\",\n");
	load("p");
	MESSAGES_ARE("");
	struct node *x = at(sec(SEC_FUNC), "205/20503/2050303");
	cr_assert_str_eq(x->name, "技校教育");
	cr_assert_eq(x->nkids, 1);
	cr_assert_eq(fen(x->kids[0], TK_PROJECTS, COL_TOTAL), 1234500000);
	cr_assert_str_eq(node_link(x->kids[0])->name, "考试经费");
	/* Without unit rows or a unit column, projects belong to the department. */
	cr_assert_eq(sec(SEC_UNITS)->nkids, 1);
	cr_assert_eq(sec(SEC_UNITS)->kids[0]->nkids, 2);
}

/* Hebei's long layout (FORMATS.md): one small table per project; a
 * 成本指标 二级指标 under 产出指标 goes to the 成本 group; the 二级指标 is
 * kept as the indicator's note. */
Test(load, project_indicators_long_layout)
{
	put("p/t.csv",
	    "1、示例项目经费绩效目标表,,,,,\n"
	    "绩效目标,1.按时发放补贴。,,,,\n"
	    "一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n"
	    "产出指标,数量指标,服务人数,服务人数,≥3000人,年度工作计划\n"
	    ",质量指标,工作完成率,工作完成率,100%,年度工作计划\n"
	    ",成本指标,补贴控制额,补贴控制额,6000元/人,测算\n"
	    "效益指标,社会效益指标,服务效率,服务效率,提高,年度工作计划\n"
	    "满意度指标,服务对象满意度指标,服务对象满意度,服务对象满意度,≥95%,年度工作计划\n"
	    ",,,,,\n"
	    "2、第二个项目绩效目标表,,,,,\n"
	    "绩效目标,完成。,,,,\n"
	    "一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n"
	    "成本指标,经济成本指标,总成本,总成本,≤5万元,预算\n"
	    "产出指标,时效指标,完成时间,完成时间,12 月,计划\n");
	load("p");
	MESSAGES_ARE("");
	struct node *un = sec(SEC_UNITS);
	cr_assert_eq(count_kind(un, NODE_PROJECT), 2);
	struct node *p = at(un->kids[0], "示例项目经费");
	cr_assert_eq(p->nkids, GRP__COUNT);
	cr_assert_str_eq(kids(p->kids[GRP_COST]), "补贴控制额");
	cr_assert_str_eq(kids(p->kids[GRP_OUTPUT]), "服务人数 工作完成率");
	cr_assert_str_eq(kids(p->kids[GRP_EFFECT]), "服务效率");
	cr_assert_str_eq(kids(p->kids[GRP_SATISFACTION]), "服务对象满意度");
	struct node *i = at(p, "成本指标/补贴控制额");
	cr_assert_str_eq(node_value(i), "6000元/人");
	cr_assert_str_eq(node_note(i), "成本指标");
	cr_assert_eq(node_origin(i).record, 6);
	i = at(p, "产出指标/服务人数");
	cr_assert_str_eq(node_value(i), "≥3000人");
	cr_assert_str_eq(node_note(i), "数量指标");
	cr_assert_str_eq(node_note(at(p, "产出指标/工作完成率")), "质量指标");
	cr_assert_str_eq(node_value(at(p, "满意度指标/服务对象满意度")), "≥95%");
	/* The block's 绩效目标 row is the project's goal. */
	cr_assert_str_eq(node_value(p), "1.按时发放补贴。");

	struct node *q = at(un->kids[0], "第二个项目");
	cr_assert_str_eq(kids(q->kids[GRP_COST]), "总成本");
	cr_assert_str_eq(node_value(at(q, "产出指标/完成时间")), "12 月");
	cr_assert_str_eq(node_value(q), "完成。");
	cr_assert_eq(q->kids[GRP_EFFECT]->nkids, 0);
}

/* The wide layout with a 二级指标 column in each group: the 二级指标 is
 * the note (carried down the block), never an indicator of its own. */
Test(load, project_indicators_wide_layout_with_second_level)
{
	put("p/t.csv",
	    "2023年部门预算项目绩效目标表,,,,,,,,,,,,,\n"
	    "项目编码,项目名称,资金总额,成本指标,,,产出指标,,,效益指标,,,满意度指标,,\n"
	    ",,,二级指标,三级指标,指标值,二级指标,三级指标,指标值,二级指标,三级指标,指标值,二级指标,三级指标,指标值\n"
	    "合计,,10.00,,,,,,,,,,,,\n"
	    "411700230000000018931,培训经费,10.00,经济成本指标,培训成本,≤10万元,数量指标,培训人数,≥100人,社会效益指标,技能提升,有效,服务对象满意度指标,学员满意度,≥90%\n"
	    ",,,,,,质量指标,合格率,≥95%,,,,,,\n"
	    ",,,,,,,及时率,100%,,,,,,\n");
	load("p");
	MESSAGES_ARE("");
	struct node *p = at(sec(SEC_UNITS)->kids[0], "411700230000000018931");
	cr_assert_eq(fen(p, TK_INDICATORS, COL_TOTAL), 10000000);
	cr_assert_str_eq(kids(p->kids[GRP_COST]), "培训成本");
	cr_assert_str_eq(kids(p->kids[GRP_OUTPUT]), "培训人数 合格率 及时率");
	cr_assert_str_eq(kids(p->kids[GRP_EFFECT]), "技能提升");
	cr_assert_str_eq(kids(p->kids[GRP_SATISFACTION]), "学员满意度");
	cr_assert_str_eq(node_note(at(p, "成本指标/培训成本")), "经济成本指标");
	cr_assert_str_eq(node_note(at(p, "产出指标/培训人数")), "数量指标");
	cr_assert_str_eq(node_note(at(p, "产出指标/合格率")), "质量指标");
	cr_assert_str_eq(node_note(at(p, "产出指标/及时率")), "质量指标");
	cr_assert_str_eq(node_value(at(p, "产出指标/及时率")), "100%");
	cr_assert_str_eq(node_value(at(p, "满意度指标/学员满意度")), "≥90%");
	cr_assert_eq(fen(sec(SEC_UNITS), TK_INDICATORS, COL_TOTAL), 10000000);
	cr_assert_str_eq(where(sec(SEC_UNITS), TK_INDICATORS, COL_TOTAL), "p/t.csv:4");
}

/* 收入总表 by unit: the department row, unit rows, the 合计 row on the
 * income section and as income lines by source. */
Test(load, income_by_unit)
{
	put("p/t.csv",
	    "2023年部门收入预算表,,,,,,\n"
	    "部门名称：测试局,,,,,,单位：万元\n"
	    "单位代码,单位名称,合计,上年结转结余,一般公共预算拨款收入,单位资金,\n"
	    ",,,,,事业收入,其他收入\n"
	    "合计,,100.00,,90.00,8.00,2.00\n"
	    "028,测试局,100.00,,90.00,8.00,2.00\n"
	    "028001,测试局本级,60.00,,60.00,,\n"
	    "028002,测试中心,40.00,,30.00,8.00,2.00\n");
	load("p");
	MESSAGES_ARE("");
	cr_assert_neq(dept()->table_file[TK_INCOME], 0);
	struct node *in = sec(SEC_INCOME), *dn = dept()->node;
	cr_assert_eq(fen(in, TK_INCOME, COL_TOTAL), 100000000);
	cr_assert_eq(fen(in, TK_INCOME, COL_GENERAL), 90000000);
	cr_assert_eq(fen(in, TK_INCOME, COL_BUSINESS), 8000000);
	cr_assert_eq(fen(in, TK_INCOME, COL_OTHER), 2000000);
	cr_assert_eq(fen(in, TK_INCOME, COL_CARRY), NOFIG);
	cr_assert_eq(fen(dn, TK_INCOME, COL_TOTAL), 100000000);
	cr_assert_str_eq(where(dn, TK_INCOME, COL_TOTAL), "p/t.csv:6");
	struct node *un = sec(SEC_UNITS);
	cr_assert_str_eq(kids(un), "028001 028002");
	cr_assert_str_eq(at(un, "028002")->name, "测试中心");
	cr_assert_eq(fen(at(un, "028002"), TK_INCOME, COL_BUSINESS), 8000000);
	cr_assert_eq(fen(at(un, "028001"), TK_INCOME, COL_BUSINESS), NOFIG);
	/* The sources as income lines, one figure each from this table. */
	cr_assert_str_eq(kids(in), "一般公共预算拨款收入 事业收入 其他收入");
	struct node *g = at(in, "一般公共预算拨款收入");
	cr_assert_eq(g->sub, COL_GENERAL);
	cr_assert_eq(fen(g, TK_INCOME, COL_TOTAL), 90000000);
	cr_assert_str_eq(where(g, TK_INCOME, COL_TOTAL), "p/t.csv:5");
	cr_assert_eq(at(in, "事业收入")->sub, COL_BUSINESS);
}

/* A source heading with a 小计 column: the columns under it are its lines. */
Test(load, income_lines_under_their_heading)
{
	put("p/t.csv",
	    "2023年部门收入预算表,,,,,,\n"
	    "单位代码,单位名称,合计,一般公共预算拨款收入,单位资金,,\n"
	    ",,,,小计,事业收入,其他收入\n"
	    ",合计,100.00,90.00,10.00,8.00,2.00\n");
	load("p");
	MESSAGES_ARE("");
	struct node *in = sec(SEC_INCOME);
	cr_assert_str_eq(kids(in), "一般公共预算拨款收入 单位资金");
	struct node *u = at(in, "单位资金");
	cr_assert_eq(u->sub, COL_UNITFUNDS);
	cr_assert_eq(fen(u, TK_INCOME, COL_TOTAL), 10000000);
	cr_assert_str_eq(kids(u), "事业收入 其他收入");
	cr_assert_eq(fen(at(u, "其他收入"), TK_INCOME, COL_TOTAL), 2000000);
	cr_assert_str_eq(where(at(u, "其他收入"), TK_INCOME, COL_TOTAL), "p/t.csv:4");
}

/* Excel's "Unicode text": UTF-16LE with BOM, tab-separated. */
Test(load, utf16le_tab_separated)
{
	put_as("p/t.txt", "UTF-16LE",
	       "\xEF\xBB\xBF" "2023年一般公共预算“三公”经费预算表\t\t\t\t\t\r\n"
	       "部门名称：测试局\t\t\t\t\t单位：万元\r\n"
	       "“三公”经费合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\r\n"
	       "\t\t小计\t公务用车购置费\t公务用车运行费\t\r\n"
	       "1,234.56\t\t1,000.00\t-\t1,000.00\t234.56\r\n");
	load("p");
	MESSAGES_ARE("");
	struct department *d = dept();
	cr_assert_eq(b.files[d->table_file[TK_SANGONG]].enc, ENC_UTF16LE);
	cr_assert_str_eq(d->name, "测试局");
	struct node *sg = sec(SEC_SANGONG);
	cr_assert_eq(fen(sg, TK_SANGONG, COL_TOTAL), 1234560000);
	cr_assert_str_eq(sg->kids[1]->name, "公务用车购置及运行费");
	cr_assert_eq(fen(sg->kids[1], TK_SANGONG, COL_TOTAL), 1000000000);
	cr_assert_eq(fen(sg->kids[1]->kids[0], TK_SANGONG, COL_TOTAL), NOFIG);
	cr_assert_eq(fen(sg->kids[2], TK_SANGONG, COL_TOTAL), 234560000);
	cr_assert_str_eq(where(sg->kids[2], TK_SANGONG, COL_TOTAL), "p/t.txt:5");
}

/* What Excel writes on a Chinese Windows: GBK, no BOM. */
Test(load, gbk_file)
{
	put_as("p/t.csv", "GBK",
	       "2023年一般公共预算基本支出表,,,,,\r\n"
	       "部门名称：测试局,,,,,单位：万元\r\n"
	       "科目编码,科目名称,政府预算经济分类编码,政府预算经济分类名称,合计,人员经费\r\n"
	       "合计,,,,\"1,500.00\",\"1,500.00\"\r\n"
	       "30101,基本工资,50101,工资奖金津补贴,\"1,000.00\",\"1,000.00\"\r\n"
	       "30101,基本工资,50501,工资福利支出,500.00,500.00\r\n");
	load("p");
	MESSAGES_ARE("");
	cr_assert_eq(b.files[dept()->table_file[TK_BASIC]].enc, ENC_GB18030);
	cr_assert_str_eq(dept()->name, "测试局");
	struct node *ec = sec(SEC_ECON);
	cr_assert_eq(fen(ec, TK_BASIC, COL_TOTAL), 1500000000);
	struct node *k = at(ec, "301/30101");
	cr_assert_str_eq(k->name, "基本工资");
	cr_assert_eq(fen(k, TK_BASIC, COL_TOTAL), 1500000000);
	cr_assert_eq(flags(k, TK_BASIC, COL_TOTAL), FIG_MULTI);
	cr_assert_str_eq(where(k, TK_BASIC, COL_TOTAL), "p/t.csv:5");
	cr_assert_str_eq(kids(k), "50101 50501");
	cr_assert_str_eq(at(k, "50501")->name, "工资福利支出");
	cr_assert_eq(at(k, "50501")->sub, 3);
	cr_assert_eq(fen(at(k, "50501"), TK_BASIC, COL_PERSONNEL), 500000000);
	cr_assert_eq(fen(at(ec, "301"), TK_BASIC, COL_TOTAL), 1500000000);
	cr_assert_eq(flags(at(ec, "301"), TK_BASIC, COL_TOTAL), FIG_SUMMED);
}

/* Cells that are no amount: an error naming file:record and column; the
 * rest of the row and of the file still load. */
Test(load, bad_amounts)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,,,\n"
	    "科目编码,科目名称,合计,基本支出,项目支出\n"
	    "2080101,行政运行,12.3.4,1.00,2.00\n"
	    "2080102,一般行政管理事务,#DIV/0!,3.00,\n"
	    "2080103,机关服务,1.2E+3,,4.00\n"
	    "2080104,其他,5.00,5.00,\n");
	load("p");
	MESSAGES_ARE("p/t.csv:3: error: column 3 (合计): cannot read the amount '12.3.4': "
	             "more than one decimal point\n"
	             "p/t.csv:4: error: column 3 (合计): cannot read the amount '#DIV/0!': "
	             "a spreadsheet error value, not an amount\n"
	             "p/t.csv:5: error: column 3 (合计): cannot read the amount '1.2E+3': "
	             "scientific notation, not an exact amount\n");
	struct node *k = at(sec(SEC_FUNC), "208/20801");
	struct node *x = at(k, "2080101");
	cr_assert_eq(fen(x, TK_SPENDING, COL_TOTAL), NOFIG);
	cr_assert_eq(fen(x, TK_SPENDING, COL_BASIC), 1000000);
	cr_assert_eq(fen(x, TK_SPENDING, COL_PROJECT), 2000000);
	cr_assert(x->flags & NODE_F_UNREADABLE);
	cr_assert_eq(fen(at(k, "2080103"), TK_SPENDING, COL_PROJECT), 4000000);
	cr_assert_eq(fen(at(k, "2080104"), TK_SPENDING, COL_TOTAL), 5000000);
	cr_assert_not(at(k, "2080104")->flags & NODE_F_UNREADABLE);
	cr_assert_eq(b.diags.count[SEV_ERROR], 3);
}

/* A project code Excel turned into 4.117E+20 has lost digits: reported,
 * the project kept without a code (never an invented one). */
Test(load, code_in_scientific_notation)
{
	put("p/a.csv",
	    "2023年项目支出预算表,,,\n"
	    "项目编码,项目名称,类型,合计\n"
	    "4.117E+20,培训经费,其他运转类,10.00\n"
	    "411700230000000018932,考试经费,特定目标类,5.00\n");
	put("p/b.csv",
	    "2023年部门预算项目绩效目标表,,,,,,,,,,,\n"
	    "单位编码（项目编码）,项目单位（项目名称）,资金总额,成本指标,,产出指标,,效益指标,,满意度指标,\n"
	    ",,,三级指标,指标值,三级指标,指标值,三级指标,指标值,三级指标,指标值\n"
	    "4.117E+20,培训经费,10.00,成本,≤10万元,人数,≥10人,效果,好,满意度,≥90%\n"
	    "411700230000000018932,考试经费,5.00,成本,≤5万元,,,,,,\n");
	load("p");
	MESSAGES_ARE("p/a.csv:3: error: cannot read the code '4.117E+20': the code was turned "
	             "into a number in scientific notation by the spreadsheet; re-export it as text\n"
	             "p/b.csv:4: error: cannot read the code '4.117E+20': the code was turned "
	             "into a number in scientific notation by the spreadsheet; re-export it as text\n");
	struct node *u = sec(SEC_UNITS)->kids[0];
	cr_assert_eq(u->nkids, 2);
	struct node *p = u->kids[0];
	cr_assert_str_eq(p->name, "培训经费");
	cr_assert_str_eq(p->code, "");
	cr_assert_eq(fen(p, TK_INDICATORS, COL_TOTAL), 10000000);   /* matched by name */
	cr_assert_eq(p->kids[GRP_OUTPUT]->nkids, 1);
	cr_assert_str_eq(u->kids[1]->code, "411700230000000018932");
}

/* An unterminated quote stops the file; the rows before it are kept. */
Test(load, unterminated_quote)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,\n"
	    "科目编码,科目名称,合计\n"
	    "2080101,行政运行,\"1,000.00\"\n"
	    "2080102,一般行政管理事务,\"2,000.00\n"
	    "2080103,机关服务,3.00\n");
	load("p");
	const char *m = messages();
	cr_assert_eq(b.diags.n, 1, "%s", m);
	cr_assert_eq(strncmp(m, "p/t.csv:4: error: unterminated quote", 36), 0, "%s", m);
	/* The broken record is skipped; reading resumes on the next line. */
	struct node *k = at(sec(SEC_FUNC), "208/20801");
	cr_assert_str_eq(kids(k), "2080101 2080103");
	cr_assert_eq(fen(at(k, "2080101"), TK_SPENDING, COL_TOTAL), 1000000000);
	cr_assert_eq(fen(at(k, "2080103"), TK_SPENDING, COL_TOTAL), 3000000);
}

Test(load, empty_file_and_bom_only)
{
	put("p/a.csv", "");
	put("p/b.csv", "\xEF\xBB\xBF");
	put("p/c.csv", "2023年部门支出预算表,,\n科目编码,科目名称,合计\n2080101,行政运行,1.00\n");
	load("p");
	MESSAGES_ARE("p/a.csv:0: warning: the file is empty\n"
	             "p/b.csv:0: warning: the file is empty\n");
	cr_assert_eq(b.ndepts, 1);
	cr_assert_eq(fen(at(sec(SEC_FUNC), "208/20801/2080101"), TK_SPENDING, COL_TOTAL), 1000000);
}

Test(load, package_of_empty_files_is_no_department)
{
	put("p/a.csv", "");
	load("p");
	MESSAGES_ARE("p/a.csv:0: warning: the file is empty\n");
	cr_assert_eq(b.ndepts, 0);
	cr_assert_null(b.root);
}

/* A workbook given where CSV is wanted, by name or by content. */
Test(load, workbook_given_explicitly)
{
	static const char zip[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"
	                          "[Content_Types].xml";
	put_bytes("p/book.xlsx", zip, sizeof zip - 1);
	put_bytes("p/book.csv", zip, sizeof zip - 1);
	load_with(NULL, 2, in_root("p/book.xlsx"), in_root("p/book.csv"));
	const char *m = messages();
	cr_assert_eq(b.diags.n, 2, "%s", m);
	cr_assert_eq(strncmp(m, "p/book.xlsx:0: warning: this is a spreadsheet workbook, not CSV", 63), 0,
	             "%s", m);
	cr_assert(strstr(m, "p/book.csv:0: warning: this is not a CSV file (it looks like a "
	                    "spreadsheet workbook or binary data): save each sheet as CSV\n"), "%s", m);
	cr_assert_eq(b.ndepts, 0);
}

/* The same kind twice in one package: the first (in name order) is kept. */
Test(load, same_kind_twice)
{
	put("p/a.csv", "2023年一般公共预算“三公”经费预算表,,\n“三公”经费合计,因公出国（境）费,公务接待费\n1.00,,1.00\n");
	put("p/b.csv", "2023年一般公共预算“三公”经费预算表,,\n“三公”经费合计,因公出国（境）费,公务接待费\n2.00,,2.00\n");
	load("p");
	char want[1024];
	snprintf(want, sizeof want,
	         "p/b.csv:0: warning: a second 三公经费表 in this package: %s/p/a.csv is kept, "
	         "this one is skipped\n", root);
	MESSAGES_ARE(want);
	cr_assert_eq(fen(sec(SEC_SANGONG), TK_SANGONG, COL_TOTAL), 1000000);
	cr_assert_eq(b.files[dept()->table_file[TK_SANGONG]].kind, TK_SANGONG);
	cr_assert_str_eq(rel(b.files[dept()->table_file[TK_SANGONG]].path), "p/a.csv");
}

Test(load, unknown_sheet_gets_a_note)
{
	put("p/a.csv", "2023年政府采购预算表,,\n项目,品目,金额\nx,y,1.00\n");
	put("p/b.csv", "2023年部门支出预算表,,\n科目编码,科目名称,合计\n2080101,行政运行,1.00\n");
	load("p");
	MESSAGES_ARE("p/a.csv:0: note: not a budget table yusuan knows "
	             "(title '2023年政府采购预算表'): skipped\n");
	cr_assert_eq(b.files[1].kind, TK_NONE);
	cr_assert_eq(b.ndepts, 1);
}

/* A folder of two packages: a collection whose total is their sum. */
Test(load, collection_of_two_packages)
{
	static const char summary[] =
		"2023年部门收支预算表,,,\n"
		"部门名称：%s,,,单位：万元\n"
		"收入,,支出,\n"
		"项目,金额,项目,金额\n"
		"一、一般公共预算,%s,八、社会保障和就业,%s\n"
		"本年收入合计,%s,本年支出合计,%s\n"
		"收入总计,%s,支出总计,%s\n";
	char text[1024];
	snprintf(text, sizeof text, summary, "甲局", "10.00", "10.00", "10.00", "10.00", "10.00", "10.00");
	put("all/甲/t.csv", text);
	snprintf(text, sizeof text, summary, "乙局", "\"1,000.01\"", "\"1,000.01\"", "\"1,000.01\"",
	         "\"1,000.01\"", "\"1,000.01\"", "\"1,000.01\"");
	put("all/乙/t.csv", text);
	load("all");
	MESSAGES_ARE("");
	cr_assert_eq(b.ndepts, 2);
	cr_assert_eq(b.root->kind, NODE_COLLECTION);
	cr_assert_eq(b.root->nkids, 2);
	cr_assert_str_eq(b.root->kids[0]->name, "乙局");   /* folders in byte order */
	cr_assert_str_eq(b.root->kids[1]->name, "甲局");
	cr_assert_eq(b.root->kids[0]->parent, b.root);
	cr_assert_eq(fen(b.root, TK_SUMMARY, COL_SPEND_ALL), 1010010000);
	cr_assert_eq(flags(b.root, TK_SUMMARY, COL_SPEND_ALL), FIG_SUMMED);
	cr_assert_eq(node_headline(b.root)->fen, 1010010000);
	struct department *d = b.depts[0];
	cr_assert_eq(fen(d->node, TK_SUMMARY, COL_INCOME_YEAR), 1000010000);
	cr_assert_eq(fen(d->node, TK_SUMMARY, COL_SPEND_YEAR), 1000010000);
	cr_assert_eq(fen(d->sections[SEC_FUNC], TK_SUMMARY, COL_TOTAL), 1000010000);
	cr_assert_eq(fen(at(d->sections[SEC_FUNC], "208"), TK_SUMMARY, COL_TOTAL), 1000010000);
	cr_assert_eq(fen(at(d->sections[SEC_INCOME], "一般公共预算"), TK_SUMMARY, COL_TOTAL),
	             1000010000);
}

/* A dash means nothing there; 0.00 is a figure of zero. */
Test(load, dash_is_no_figure_zero_is_a_figure)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,,,,\n"
	    "科目编码,科目名称,合计,基本支出,项目支出,其他运转类\n"
	    "2080101,行政运行,0.00,-,—,－\n"
	    "2080102,一般行政管理事务,0.00,0.00, ,\n");
	load("p");
	MESSAGES_ARE("");
	struct node *k = at(sec(SEC_FUNC), "208/20801");
	struct node *x = at(k, "2080101"), *y = at(k, "2080102");
	cr_assert_eq(fen(x, TK_SPENDING, COL_TOTAL), 0);
	cr_assert_eq(fen(x, TK_SPENDING, COL_BASIC), NOFIG);
	cr_assert_eq(fen(x, TK_SPENDING, COL_PROJECT), NOFIG);
	cr_assert_eq(fen(x, TK_SPENDING, COL_OPERATING), NOFIG);
	cr_assert_eq(fen(y, TK_SPENDING, COL_BASIC), 0);
	cr_assert_eq(fen(y, TK_SPENDING, COL_PROJECT), NOFIG);
	/* Sums only where some part has a figure. */
	cr_assert_eq(fen(k, TK_SPENDING, COL_BASIC), 0);
	cr_assert_eq(fen(k, TK_SPENDING, COL_PROJECT), NOFIG);
}

/* 收支总表 with 其中 lines, carry-over on both sides and its totals. */
Test(load, summary_with_parts_and_carry_over)
{
	put("p/t.csv",
	    "预算01表,,,\n"
	    "2023年部门收支预算表,,,\n"
	    "部门名称：测试局,,,单位：万元\n"
	    "收入,,支出,\n"
	    "项目,金额,项目,金额\n"
	    "一、一般公共预算,100.00,一、一般公共服务,20.00\n"
	    "其中：财政拨款,90.00,八、社会保障和就业,90.00\n"
	    "二、政府性基金预算拨款收入,,九、社会保险基金支出,\n"
	    "三、事业收入,10.00,,\n"
	    "本年收入合计,110.00,本年支出合计,110.00\n"
	    "上年结转结余,5.00,年终结转结余,5.00\n"
	    "其中：一般公共预算,5.00,,\n"
	    "收入总计,115.00,支出总计,115.00\n"
	    "注：本表金额单位为万元。,,,\n");
	load("p");
	MESSAGES_ARE("");
	struct department *d = dept();
	cr_assert_eq(d->table_file[TK_SUMMARY], 1);
	struct node *dn = d->node;
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_INCOME_YEAR), 110000000);
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_CARRY), 5000000);
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_INCOME_ALL), 115000000);
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_SPEND_YEAR), 110000000);
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_CARRY_OUT), 5000000);
	cr_assert_eq(fen(dn, TK_SUMMARY, COL_SPEND_ALL), 115000000);
	cr_assert_str_eq(where(dn, TK_SUMMARY, COL_SPEND_ALL), "p/t.csv:13");

	struct node *in = sec(SEC_INCOME);
	cr_assert_str_eq(kids(in), "一般公共预算 事业收入 上年结转结余");
	struct node *g = at(in, "一般公共预算");
	cr_assert_eq(g->sub, COL_GENERAL);
	cr_assert_eq(fen(g, TK_SUMMARY, COL_TOTAL), 100000000);
	cr_assert_str_eq(kids(g), "财政拨款");
	cr_assert_eq(g->kids[0]->sub, COL_APPROP);
	cr_assert_eq(fen(g->kids[0], TK_SUMMARY, COL_TOTAL), 90000000);
	cr_assert_eq(at(in, "事业收入")->sub, COL_BUSINESS);
	struct node *c = at(in, "上年结转结余");
	cr_assert_eq(c->sub, COL_CARRY);
	cr_assert_eq(fen(c, TK_SUMMARY, COL_TOTAL), 5000000);
	cr_assert_eq(c->nkids, 1);
	cr_assert_eq(c->kids[0]->sub, COL_CARRY_GENERAL);
	cr_assert_eq(fen(c->kids[0], TK_SUMMARY, COL_TOTAL), 5000000);

	struct node *fn = sec(SEC_FUNC);
	cr_assert_eq(fen(fn, TK_SUMMARY, COL_TOTAL), 110000000);
	cr_assert_str_eq(kids(fn), "201 208");   /* lines without a figure make no node */
	cr_assert_eq(fen(at(fn, "201"), TK_SUMMARY, COL_TOTAL), 20000000);
	cr_assert_str_eq(where(at(fn, "208"), TK_SUMMARY, COL_TOTAL), "p/t.csv:7");
}

/* 财政拨款收支总表: spending by 类 and by fund, with 其中：财政拨款. */
Test(load, appropriations_by_fund)
{
	put("p/t.csv",
	    "2023年财政拨款收支总体情况表,,,,,,,\n"
	    "单位：万元,,,,,,,\n"
	    "收入,,支出,,,,,\n"
	    "项 目,金 额,项 目,合 计,一般公共预算,,政府性基金,国有资本经营预算\n"
	    ",,,,小 计,其中：财政拨款,,\n"
	    "一、本年收入,100.00,一、本年支出,100.00,90.00,80.00,10.00,\n"
	    "（一）一般公共预算拨款,90.00,（一）一般公共服务支出,60.00,50.00,50.00,10.00,\n"
	    "其中：财政拨款,80.00,（八）社会保障和就业支出,40.00,40.00,30.00,,\n"
	    "（二）政府性基金预算拨款,10.00,,,,,,\n"
	    "收入合计:,100.00,支出合计,100.00,90.00,80.00,10.00,\n");
	load("p");
	MESSAGES_ARE("");
	struct node *dn = dept()->node, *fn = sec(SEC_FUNC);
	cr_assert_eq(fen(dn, TK_APPROP, COL_INCOME_YEAR), 100000000);
	cr_assert_eq(fen(dn, TK_APPROP, COL_INCOME_ALL), 100000000);
	cr_assert_eq(fen(dn, TK_APPROP, COL_SPEND_YEAR), 100000000);
	cr_assert_eq(fen(dn, TK_APPROP, COL_SPEND_ALL), 100000000);
	cr_assert_eq(fen(fn, TK_APPROP, COL_TOTAL), 100000000);
	cr_assert_eq(fen(fn, TK_APPROP, COL_GENERAL), 90000000);
	cr_assert_eq(fen(fn, TK_APPROP, COL_APPROP), 80000000);
	cr_assert_eq(fen(fn, TK_APPROP, COL_GOVFUND), 10000000);
	cr_assert_eq(fen(fn, TK_APPROP, COL_STATECAP), NOFIG);
	struct node *l = at(fn, "201");
	cr_assert_eq(fen(l, TK_APPROP, COL_TOTAL), 60000000);
	cr_assert_eq(fen(l, TK_APPROP, COL_APPROP), 50000000);
	cr_assert_eq(fen(at(fn, "208"), TK_APPROP, COL_GOVFUND), NOFIG);
	struct node *in = sec(SEC_INCOME);
	cr_assert_str_eq(kids(in), "一般公共预算拨款 政府性基金预算拨款");
	cr_assert_eq(fen(at(in, "一般公共预算拨款/财政拨款"), TK_APPROP, COL_TOTAL), 80000000);
	cr_assert_eq(at(in, "政府性基金预算拨款")->sub, COL_GOVFUND);
}

/* A 序号 column, a 栏次 row, a header repeated after a page break, blank
 * rows and notes: only the data rows make figures. */
Test(load, seq_column_colnum_row_page_break)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,,,\r\n"
	    ",,,,\r\n"
	    "序号,科目编码,科目名称,合计,基本支出\r\n"
	    "栏次,,,1,2\r\n"
	    ",合计,,3.00,3.00\r\n"
	    "1,2080101,行政运行,1.00,1.00\r\n"
	    ",,,,\r\n"
	    "序号,科目编码,科目名称,合计,基本支出\r\n"
	    "栏次,,,1,2\r\n"
	    "2,2080102,一般行政管理事务,2.00,2.00\r\n"
	    "注：本表为示例。,,,,\r\n"
	    "说明：2.00 万元为测算数。,,,,\r\n");
	load_with(NULL, 1, in_root("p/t.csv"));   /* a single file is a package too */
	MESSAGES_ARE("");
	struct node *fn = sec(SEC_FUNC);
	cr_assert_eq(fen(fn, TK_SPENDING, COL_TOTAL), 3000000);
	struct node *k = at(fn, "208/20801");
	cr_assert_str_eq(kids(k), "2080101 2080102");
	cr_assert_eq(fen(at(k, "2080102"), TK_SPENDING, COL_BASIC), 2000000);
	cr_assert_str_eq(where(at(k, "2080102"), TK_SPENDING, COL_BASIC), "p/t.csv:10");
	cr_assert_eq(fen(k, TK_SPENDING, COL_TOTAL), 3000000);
	cr_assert_eq(count_kind(fn, NODE_FUNC), 4);
}

/* Economic codes split over 类 and 款 columns (zero dropped), 合计 in the
 * 类 column, and the 类 rows present (published, not summed). */
Test(load, econ_split_codes)
{
	put("p/t.csv",
	    "2023年一般公共预算基本支出表,,,,,\n"
	    "科目编码,,科目名称,合计,人员经费,公用经费\n"
	    "类,款,,,,\n"
	    "合计,,,10.00,7.00,3.00\n"
	    "301,,工资福利支出,7.00,7.00,\n"
	    "301,1,基本工资,7.00,7.00,\n"
	    "302,,商品和服务支出,3.00,,3.00\n"
	    "302,1,办公费,1.00,,1.00\n"
	    "302,99,其他商品和服务支出,2.00,,2.00\n");
	load("p");
	MESSAGES_ARE("");
	struct node *ec = sec(SEC_ECON);
	cr_assert_eq(fen(ec, TK_BASIC, COL_PERSONNEL), 7000000);
	cr_assert_str_eq(kids(ec), "301 302");
	cr_assert_str_eq(kids(at(ec, "302")), "30201 30299");
	cr_assert_str_eq(at(ec, "301")->name, "工资福利支出");
	cr_assert_eq(flags(at(ec, "302"), TK_BASIC, COL_TOTAL), 0);
	cr_assert_str_eq(where(at(ec, "302"), TK_BASIC, COL_TOTAL), "p/t.csv:7");
	cr_assert_eq(fen(at(ec, "302/30299"), TK_BASIC, COL_PUBLIC), 2000000);
	cr_assert_eq(fen(at(ec, "301"), TK_BASIC, COL_PUBLIC), NOFIG);
}

/* Two encodings in one package, each detected on its own. */
Test(load, mixed_encodings_in_a_package)
{
	put_as("p/a.csv", "GB18030", "2023年部门支出预算表,,\n科目编码,科目名称,合计\n2080101,行政运行,1.00\n");
	put("p/b.csv", "\xEF\xBB\xBF" "2023年一般公共预算支出预算表,,\n科目编码,科目名称,合计\n2080101,行政运行,1.00\n");
	load("p");
	MESSAGES_ARE("");
	cr_assert_eq(b.files[1].enc, ENC_GB18030);
	cr_assert_eq(b.files[2].enc, ENC_UTF8);
	struct node *x = at(sec(SEC_FUNC), "208/20801/2080101");
	cr_assert_str_eq(x->name, "行政运行");
	cr_assert_eq(fen(x, TK_SPENDING, COL_TOTAL), 1000000);
	cr_assert_eq(fen(x, TK_GENERAL, COL_TOTAL), 1000000);
}

/* 三公 down the rows, with last year's figures beside this year's. */
Test(load, sangong_down_the_rows)
{
	put("p/t.csv",
	    "2023年一般公共预算“三公”经费支出预算表,,\n"
	    "单位：万元,,\n"
	    "项目,2022年预算数,2023年预算数\n"
	    "合计,50.00,46.48\n"
	    "1.因公出国（境）费,,\n"
	    "2.公务用车购置及运行费,45.00,45.68\n"
	    "其中：公务用车购置费,,-\n"
	    "公务用车运行费,45.00,45.68\n"
	    "3.公务接待费,5.00,0.80\n");
	load("p");
	MESSAGES_ARE("");
	struct node *sg = sec(SEC_SANGONG);
	cr_assert_eq(fen(sg, TK_SANGONG, COL_TOTAL), 46480000);
	cr_assert_str_eq(where(sg, TK_SANGONG, COL_TOTAL), "p/t.csv:4");
	cr_assert_str_eq(kids(sg), "因公出国(境)费 公务用车购置及运行费 公务接待费");
	cr_assert_eq(sg->kids[0]->sub, COL_ABROAD);
	cr_assert_eq(fen(sg->kids[0], TK_SANGONG, COL_TOTAL), NOFIG);
	struct node *car = sg->kids[1];
	cr_assert_eq(car->sub, COL_CAR);
	cr_assert_eq(fen(car, TK_SANGONG, COL_TOTAL), 45680000);
	cr_assert_str_eq(kids(car), "公务用车购置费 公务用车运行费");
	cr_assert_eq(car->kids[0]->sub, COL_CAR_BUY);
	cr_assert_eq(fen(car->kids[0], TK_SANGONG, COL_TOTAL), NOFIG);
	cr_assert_eq(fen(car->kids[1], TK_SANGONG, COL_TOTAL), 45680000);
	cr_assert_eq(fen(sg->kids[2], TK_SANGONG, COL_TOTAL), 800000);
}

/* A 三公 sheet whose items cannot be found says so. */
Test(load, sangong_without_items)
{
	put("p/t.csv", "2023年一般公共预算“三公”经费预算表,,\n说明,金额\n本单位无三公经费,\n");
	load("p");
	MESSAGES_ARE("p/t.csv:0: warning: no 三公 item found in the header or the rows: "
	             "the table was not read\n");
	cr_assert_eq(sec(SEC_SANGONG)->nkids, 0);
}

/* The long layout as a form: 项目名称 rows name the blocks; matched to
 * 项目支出表 by name. */
Test(load, project_indicators_long_form_with_project_names)
{
	put("p/a.csv",
	    "2023年项目支出预算表,,,\n"
	    "类型,项目名称,项目单位,合计\n"
	    "其他运转类,办公楼维修,测试局,8.00\n"
	    "特定目标类,就业补贴,测试局,2.00\n");
	put("p/b.csv",
	    "项目名称,办公楼维修,,主管部门,测试局,\n"
	    "一级指标,二级指标,三级指标,指标值,,\n"
	    "产出指标,数量指标,维修面积,≥500平方米,,\n"
	    "项目名称,就业补贴,,主管部门,测试局,\n"
	    "一级指标,二级指标,三级指标,指标值,,\n"
	    "满意度指标,服务对象满意度指标,群众满意度,≥90%,,\n");
	load("p");
	MESSAGES_ARE("");
	cr_assert_neq(dept()->table_file[TK_INDICATORS], 0);
	struct node *u = at(sec(SEC_UNITS), "测试局");
	cr_assert_str_eq(kids(u), "办公楼维修 就业补贴");
	cr_assert_str_eq(kids(at(u, "办公楼维修/产出指标")), "维修面积");
	cr_assert_str_eq(node_value(at(u, "就业补贴/满意度指标/群众满意度")), "≥90%");
	cr_assert_eq(fen(at(u, "就业补贴"), TK_PROJECTS, COL_TOTAL), 2000000);
}

Test(load, project_indicators_long_layout_without_a_name)
{
	put("p/b.csv",
	    "一级指标,二级指标,三级指标,指标值\n"
	    "产出指标,数量指标,维修面积,≥500平方米\n");
	load("p");
	MESSAGES_ARE("p/b.csv:1: warning: indicators without a project title or 项目名称 row: "
	             "skipped\n");
	cr_assert_eq(count_kind(sec(SEC_UNITS), NODE_INDICATOR), 0);
}

/* 支出总表 rows by unit: the 3-digit code is the department, 6-digit codes
 * are its units. */
Test(load, spending_by_unit)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,,,,\n"
	    "科目编码,,,单位代码,单位名称,合计\n"
	    "类,款,项,,,\n"
	    ",,,合计,,30.00\n"
	    ",,,028,测试局,30.00\n"
	    ",,,028001,测试局本级,20.00\n"
	    "208,01,01,,行政运行,20.00\n"
	    ",,,028002,测试中心,10.00\n"
	    "208,01,01,,行政运行,10.00\n");
	load("p");
	MESSAGES_ARE("");
	cr_assert_eq(fen(sec(SEC_FUNC), TK_SPENDING, COL_TOTAL), 30000000);
	cr_assert_eq(fen(dept()->node, TK_SPENDING, COL_TOTAL), 30000000);
	struct node *un = sec(SEC_UNITS);
	cr_assert_str_eq(kids(un), "028001 028002");
	cr_assert_str_eq(at(un, "028002")->name, "测试中心");
	cr_assert_eq(fen(at(un, "028002"), TK_SPENDING, COL_TOTAL), 10000000);
	/* The same 项 under two units adds up. */
	struct node *x = at(sec(SEC_FUNC), "208/20801/2080101");
	cr_assert_eq(fen(x, TK_SPENDING, COL_TOTAL), 30000000);
	cr_assert_eq(flags(x, TK_SPENDING, COL_TOTAL), FIG_MULTI);
}

/* Without a row of the department's own unit code, the 合计 row is the
 * department's total: its amount in a collection and its status line. */
Test(load, spending_total_row_stands_for_the_department)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,,,\n"
	    "科目编码,,,科目名称,合计,基本支出,项目支出\n"
	    "类,款,项,,,,\n"
	    ",,,合计,30.00,20.00,10.00\n"
	    "208,01,01,行政运行,30.00,20.00,10.00\n");
	load("p");
	MESSAGES_ARE("");
	struct node *dn = dept()->node;
	cr_assert_eq(fen(dn, TK_SPENDING, COL_TOTAL), 30000000);
	cr_assert_eq(fen(dn, TK_SPENDING, COL_BASIC), 20000000);
	cr_assert_eq(fen(dn, TK_SPENDING, COL_PROJECT), 10000000);
	cr_assert_eq(node_origin(dn).file, 0);   /* the department has no row */
	cr_assert_eq(node_figure(dn, TK_SPENDING, COL_TOTAL)->record, 4);
	cr_assert_eq(node_headline(dn)->fen, 30000000);
	cr_assert_eq(fen(sec(SEC_FUNC), TK_SPENDING, COL_TOTAL), 30000000);
}

/* Codes as spreadsheets spoil them: an Excel number format tail and
 * full-width digits are read; scientific notation and wrong lengths are
 * reported with file:record and the row is skipped. */
Test(load, spoilt_function_codes)
{
	put("p/t.csv",
	    "2023年部门支出预算表,,\n"
	    "科目编码,科目名称,合计\n"
	    "201.0,一般公共服务支出,1.00\n"
	    "２０１３２０１,行政运行,1.00\n"
	    "2.01E+06,x,2.00\n"
	    "2013,y,3.00\n"
	    "208010101,z,4.00\n");
	load("p");
	MESSAGES_ARE("p/t.csv:5: error: cannot read the code '2.01E+06': the code was turned "
	             "into a number in scientific notation by the spreadsheet; re-export it as text\n"
	             "p/t.csv:6: error: cannot read the code '2013': a function code has 3, 5 or 7 digits\n"
	             "p/t.csv:7: error: cannot read the code '208010101': a function code has 3, 5 or "
	             "7 digits\n");
	struct node *fn = sec(SEC_FUNC);
	cr_assert_str_eq(kids(fn), "201");
	cr_assert_str_eq(at(fn, "201")->name, "一般公共服务支出");
	cr_assert_eq(fen(at(fn, "201"), TK_SPENDING, COL_TOTAL), 1000000);
	cr_assert_eq(fen(at(fn, "201/20132/2013201"), TK_SPENDING, COL_TOTAL), 1000000);
	/* The 款 the table skipped is built for its 项, and summed. */
	cr_assert_eq(flags(at(fn, "201/20132"), TK_SPENDING, COL_TOTAL), FIG_SUMMED);
}
