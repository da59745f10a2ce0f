#include "config.h"

#include "checks.h"
#include "load.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- a hand-built package, laid out as the loader lays it out ---- */

static struct budget B;
static struct department *D;

/* Amounts in 万元: WAN(17419, 4) is 17,419.04. */
#define WAN(units, cents) (((int64_t)(units) * 100 + (cents)) * 10000)

static void setup(void)
{
	budget_init(&B);
	D = budget_add_department(&B, "pkg");
	D->node = node_new(&B, NULL, NODE_DEPARTMENT, "", "测试局", (struct origin){0});
	D->node->u.dept = D;
	for (int s = 0; s < SEC__COUNT; s++) {
		struct node *n = node_new(&B, D->node, NODE_SECTION, "", "section",
		                          (struct origin){0});
		n->sub = (uint8_t)s;
		D->sections[s] = n;
	}
}

static void teardown(void)
{
	budget_free(&B);
}

TestSuite(checks, .init = setup, .fini = teardown);

/* Record r of table t ("pkg/支出总表.csv" and so on, registered on first use). */
static struct origin at(enum table_kind t, uint32_t r)
{
	if (!D->table_file[t]) {
		char path[96];
		snprintf(path, sizeof path, "pkg/%s.csv", table_kind_name(t));
		uint32_t i = budget_add_file(&B, path);
		B.files[i].kind = t;
		B.files[i].dept = D;
		D->table_file[t] = i;
	}
	return (struct origin){ D->table_file[t], r };
}

static void fig(struct node *n, enum table_kind t, enum column c, int64_t fen, uint32_t r)
{
	node_add_figure(&B, n, t, c, fen, at(t, r));
}

/* A figure the loader added up from the children. */
static void summed(struct node *n, enum table_kind t, enum column c, int64_t fen)
{
	node_add_figure(&B, n, t, c, fen, (struct origin){0});
	n->figs[n->nfigs - 1].flags |= FIG_SUMMED;
}

/* A node read from record r of table t (r = 0: built by the loader). */
static struct node *add(struct node *parent, enum node_kind k, int sub, const char *code,
                        const char *name, enum table_kind t, uint32_t r)
{
	struct node *n = node_new(&B, parent, k, code, name, r ? at(t, r) : (struct origin){0});
	n->sub = (uint8_t)sub;
	return n;
}

static struct node *sec(enum section s)
{
	return D->sections[s];
}

/* All findings, one a line, for failure messages. */
static const char *findings(void)
{
	static char buf[8192];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < B.nfindings && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s: %s\n",
		                        severity_name(B.findings[i].sev), B.findings[i].text);
	return buf;
}

static const struct finding *only_finding(void)
{
	checks_run(&B, NULL);
	cr_assert_eq(B.nfindings, 1, "expected one finding, got %zu:\n%s", B.nfindings,
	             findings());
	return &B.findings[0];
}

static void no_finding(void)
{
	checks_run(&B, NULL);
	cr_assert_eq(B.nfindings, 0, "expected no finding, got %zu:\n%s", B.nfindings,
	             findings());
}

static void expect(const struct finding *f, enum severity sev, enum finding_kind kind,
                   const struct node *node, const char *text)
{
	cr_expect_eq(f->sev, sev, "severity %s", severity_name(f->sev));
	cr_expect_eq(f->kind, kind);
	cr_expect_eq(f->node, node, "the finding is on '%s'", f->node ? f->node->name : "-");
	cr_expect_str_eq(f->text, text);
}

static void expect_origins(const struct finding *f, struct origin a, struct origin b)
{
	cr_expect(f->a.file == a.file && f->a.record == a.record, "a = %u:%u",
	          (unsigned)f->a.file, (unsigned)f->a.record);
	cr_expect(f->b.file == b.file && f->b.record == b.record, "b = %u:%u",
	          (unsigned)f->b.file, (unsigned)f->b.record);
}

/* ---- one model that holds every equality ---- */

Test(checks, consistent_package_has_no_finding)
{
	struct node *dn = D->node, *func = sec(SEC_FUNC);
	/* 收支总表 */
	fig(dn, TK_SUMMARY, COL_INCOME_YEAR, WAN(300, 0), 30);
	fig(dn, TK_SUMMARY, COL_INCOME_ALL, WAN(300, 0), 32);
	fig(dn, TK_SUMMARY, COL_SPEND_YEAR, WAN(300, 0), 30);
	fig(dn, TK_SUMMARY, COL_SPEND_ALL, WAN(300, 0), 32);
	fig(func, TK_SUMMARY, COL_TOTAL, WAN(300, 0), 30);
	struct node *general = add(sec(SEC_INCOME), NODE_INCOME, COL_GENERAL, "", "一般公共预算",
	                           TK_SUMMARY, 5);
	fig(general, TK_SUMMARY, COL_TOTAL, WAN(300, 0), 5);
	struct node *approp = add(general, NODE_INCOME, COL_APPROP, "", "财政拨款", TK_SUMMARY, 6);
	fig(approp, TK_SUMMARY, COL_TOTAL, WAN(290, 0), 6);
	/* 支出总表, split codes: 类 and 款 added up by the loader */
	fig(func, TK_SPENDING, COL_TOTAL, WAN(300, 0), 7);
	fig(func, TK_SPENDING, COL_BASIC, WAN(200, 0), 7);
	fig(func, TK_SPENDING, COL_WAGES, WAN(150, 0), 7);
	fig(func, TK_SPENDING, COL_GOODS, WAN(50, 0), 7);
	fig(func, TK_SPENDING, COL_PROJECT, WAN(100, 0), 7);
	fig(func, TK_SPENDING, COL_OPERATING, WAN(100, 0), 7);
	fig(dn, TK_SPENDING, COL_TOTAL, WAN(300, 0), 8);
	fig(dn, TK_SPENDING, COL_BASIC, WAN(200, 0), 8);
	fig(dn, TK_SPENDING, COL_WAGES, WAN(150, 0), 8);
	fig(dn, TK_SPENDING, COL_GOODS, WAN(50, 0), 8);
	fig(dn, TK_SPENDING, COL_PROJECT, WAN(100, 0), 8);
	fig(dn, TK_SPENDING, COL_OPERATING, WAN(100, 0), 8);
	struct node *lei = add(func, NODE_FUNC, 1, "208", "社会保障和就业支出", TK_NONE, 0);
	fig(lei, TK_SUMMARY, COL_TOTAL, WAN(300, 0), 12);
	summed(lei, TK_SPENDING, COL_TOTAL, WAN(300, 0));
	struct node *kuan = add(lei, NODE_FUNC, 2, "20801", "人力资源和社会保障管理事务", TK_NONE, 0);
	summed(kuan, TK_SPENDING, COL_TOTAL, WAN(300, 0));
	struct node *xiang = add(kuan, NODE_FUNC, 3, "2080101", "行政运行", TK_SPENDING, 9);
	fig(xiang, TK_SPENDING, COL_TOTAL, WAN(300, 0), 9);
	fig(xiang, TK_SPENDING, COL_BASIC, WAN(200, 0), 9);
	fig(xiang, TK_SPENDING, COL_WAGES, WAN(150, 0), 9);
	fig(xiang, TK_SPENDING, COL_GOODS, WAN(50, 0), 9);
	fig(xiang, TK_SPENDING, COL_PROJECT, WAN(100, 0), 9);
	fig(xiang, TK_SPENDING, COL_OPERATING, WAN(100, 0), 9);
	/* 基本支出表: a code on two rows, one per government class */
	struct node *econ = sec(SEC_ECON);
	fig(econ, TK_BASIC, COL_TOTAL, WAN(200, 0), 7);
	fig(econ, TK_BASIC, COL_PERSONNEL, WAN(150, 0), 7);
	fig(econ, TK_BASIC, COL_PUBLIC, WAN(50, 0), 7);
	struct node *e301 = add(econ, NODE_ECON, 1, "301", "工资福利支出", TK_NONE, 0);
	summed(e301, TK_BASIC, COL_TOTAL, WAN(150, 0));
	summed(e301, TK_BASIC, COL_PERSONNEL, WAN(150, 0));
	struct node *e30101 = add(e301, NODE_ECON, 2, "30101", "基本工资", TK_BASIC, 8);
	fig(e30101, TK_BASIC, COL_TOTAL, WAN(100, 0), 8);
	fig(e30101, TK_BASIC, COL_PERSONNEL, WAN(100, 0), 8);
	fig(e30101, TK_BASIC, COL_TOTAL, WAN(50, 0), 9);
	fig(e30101, TK_BASIC, COL_PERSONNEL, WAN(50, 0), 9);
	struct node *g1 = add(e30101, NODE_ECON, 3, "50101", "工资奖金津补贴", TK_BASIC, 8);
	fig(g1, TK_BASIC, COL_TOTAL, WAN(100, 0), 8);
	fig(g1, TK_BASIC, COL_PERSONNEL, WAN(100, 0), 8);
	struct node *g2 = add(e30101, NODE_ECON, 3, "50501", "工资福利支出", TK_BASIC, 9);
	fig(g2, TK_BASIC, COL_TOTAL, WAN(50, 0), 9);
	fig(g2, TK_BASIC, COL_PERSONNEL, WAN(50, 0), 9);
	struct node *e302 = add(econ, NODE_ECON, 1, "302", "商品和服务支出", TK_NONE, 0);
	summed(e302, TK_BASIC, COL_TOTAL, WAN(50, 0));
	summed(e302, TK_BASIC, COL_PUBLIC, WAN(50, 0));
	struct node *e30217 = add(e302, NODE_ECON, 2, "30217", "公务接待费", TK_BASIC, 10);
	fig(e30217, TK_BASIC, COL_TOTAL, WAN(0, 80), 10);
	fig(e30217, TK_BASIC, COL_PUBLIC, WAN(0, 80), 10);
	struct node *e30231 = add(e302, NODE_ECON, 2, "30231", "公务用车运行维护费", TK_BASIC, 11);
	fig(e30231, TK_BASIC, COL_TOTAL, WAN(49, 20), 11);
	fig(e30231, TK_BASIC, COL_PUBLIC, WAN(49, 20), 11);
	/* 三公经费表 */
	struct node *sg = sec(SEC_SANGONG);
	fig(sg, TK_SANGONG, COL_TOTAL, WAN(50, 0), 6);
	add(sg, NODE_SANGONG, COL_ABROAD, "", "因公出国(境)费", TK_NONE, 0);
	struct node *car = add(sg, NODE_SANGONG, COL_CAR, "", "公务用车购置及运行费", TK_NONE, 0);
	fig(car, TK_SANGONG, COL_TOTAL, WAN(49, 20), 6);
	add(car, NODE_SANGONG, COL_CAR_BUY, "", "公务用车购置费", TK_NONE, 0);
	struct node *run = add(car, NODE_SANGONG, COL_CAR_RUN, "", "公务用车运行费", TK_NONE, 0);
	fig(run, TK_SANGONG, COL_TOTAL, WAN(49, 20), 6);
	struct node *rec = add(sg, NODE_SANGONG, COL_RECEPTION, "", "公务接待费", TK_NONE, 0);
	fig(rec, TK_SANGONG, COL_TOTAL, WAN(0, 80), 6);
	/* 项目支出表 and 项目绩效目标表 */
	struct node *units = sec(SEC_UNITS);
	fig(units, TK_PROJECTS, COL_TOTAL, WAN(100, 0), 6);
	fig(units, TK_PROJECTS, COL_GENERAL, WAN(100, 0), 6);
	fig(dn, TK_PROJECTS, COL_TOTAL, WAN(100, 0), 7);
	fig(dn, TK_PROJECTS, COL_GENERAL, WAN(100, 0), 7);
	fig(dn, TK_INDICATORS, COL_TOTAL, WAN(100, 0), 5);
	struct node *unit = add(units, NODE_UNIT, 0, "028001", "测试局本级", TK_INDICATORS, 6);
	summed(unit, TK_PROJECTS, COL_TOTAL, WAN(100, 0));
	summed(unit, TK_PROJECTS, COL_GENERAL, WAN(100, 0));
	fig(unit, TK_INDICATORS, COL_TOTAL, WAN(100, 0), 6);
	struct node *p1 = add(unit, NODE_PROJECT, PT_OPERATING, "", "招聘工作经费", TK_PROJECTS, 8);
	fig(p1, TK_PROJECTS, COL_TOTAL, WAN(60, 0), 8);
	fig(p1, TK_PROJECTS, COL_GENERAL, WAN(60, 0), 8);
	fig(p1, TK_INDICATORS, COL_TOTAL, WAN(60, 0), 7);
	struct node *p2 = add(unit, NODE_PROJECT, PT_OPERATING, "", "平台维护费", TK_PROJECTS, 9);
	fig(p2, TK_PROJECTS, COL_TOTAL, WAN(40, 0), 9);
	fig(p2, TK_PROJECTS, COL_GENERAL, WAN(40, 0), 9);
	fig(p2, TK_INDICATORS, COL_TOTAL, WAN(40, 0), 9);
	/* a project shown again under its 项 is not one more part */
	struct node *copy = add(xiang, NODE_PROJECT, PT_OPERATING, "", "招聘工作经费", TK_PROJECTS, 8);
	node_set_link(copy, p1);
	fig(copy, TK_PROJECTS, COL_TOTAL, WAN(60, 0), 8);
	/* 整体绩效目标表 */
	struct node *budget = add(sec(SEC_TARGETS), NODE_LEVEL, 0, "", "预算情况", TK_TARGETS, 12);
	fig(budget, TK_TARGETS, COL_TOTAL, WAN(300, 0), 12);
	fig(budget, TK_TARGETS, COL_GOVBUDGET, WAN(300, 0), 13);
	fig(budget, TK_TARGETS, COL_BASIC, WAN(200, 0), 16);
	fig(budget, TK_TARGETS, COL_PROJECT, WAN(100, 0), 17);
	struct node *line = add(budget, NODE_TEXT, 0, "", "部门预算总额", TK_TARGETS, 12);
	fig(line, TK_TARGETS, COL_TOTAL, WAN(300, 0), 12);

	no_finding();
}

/* ---- within a table: totals and their parts ---- */

Test(checks, class_against_its_kuan)
{
	struct node *lei = add(sec(SEC_FUNC), NODE_FUNC, 1, "208", "社会保障和就业支出",
	                       TK_SPENDING, 3);
	fig(lei, TK_SPENDING, COL_TOTAL, WAN(100, 0), 3);
	struct node *k1 = add(lei, NODE_FUNC, 2, "20801", "人力资源和社会保障管理事务", TK_SPENDING, 4);
	fig(k1, TK_SPENDING, COL_TOTAL, WAN(60, 0), 4);
	struct node *k2 = add(lei, NODE_FUNC, 2, "20805", "行政事业单位养老支出", TK_SPENDING, 5);
	fig(k2, TK_SPENDING, COL_TOTAL, WAN(40, 50), 5);

	const struct finding *f = only_finding();
	expect(f, SEV_WARNING, FIND_SUM, lei,
	       "支出总表 208 社会保障和就业支出, Total 100.00 ≠ sum of 款 100.50 "
	       "(difference 0.50): discrepancy (支出总表.csv:3; 支出总表.csv:4-5)");
	expect_origins(f, at(TK_SPENDING, 3), at(TK_SPENDING, 4));
	cr_expect_eq(f->a_last, 0);   /* one row */
	cr_expect_eq(f->b_last, 5);   /* the 款 on rows 4 to 5 */
	cr_expect_eq(f->expected, WAN(100, 0));
	cr_expect_eq(f->actual, WAN(100, 50));
	cr_expect(lei->flags & NODE_F_DISCREPANCY);
}

/* The 合计 row against 项 rows through 类 and 款 the loader added up: one
 * cent over two 项 is rounding; a part with no figure counts as zero. */
static void total_row_against_items(int64_t total)
{
	struct node *func = sec(SEC_FUNC);
	fig(func, TK_SPENDING, COL_TOTAL, total, 7);
	struct node *lei = add(func, NODE_FUNC, 1, "208", "社会保障和就业支出", TK_NONE, 0);
	summed(lei, TK_SPENDING, COL_TOTAL, WAN(300, 0));
	struct node *kuan = add(lei, NODE_FUNC, 2, "20801", "人力资源和社会保障管理事务", TK_NONE, 0);
	summed(kuan, TK_SPENDING, COL_TOTAL, WAN(300, 0));
	fig(add(kuan, NODE_FUNC, 3, "2080101", "行政运行", TK_SPENDING, 9),
	    TK_SPENDING, COL_TOTAL, WAN(100, 0), 9);
	fig(add(kuan, NODE_FUNC, 3, "2080109", "社会保险经办机构", TK_SPENDING, 10),
	    TK_SPENDING, COL_TOTAL, WAN(200, 0), 10);
	add(kuan, NODE_FUNC, 3, "2080199", "其他", TK_SPENDING, 11);
}

Test(checks, total_row_against_items_rounding)
{
	total_row_against_items(WAN(300, 2));
	const struct finding *f = only_finding();
	expect(f, SEV_NOTE, FIND_SUM, sec(SEC_FUNC),
	       "支出总表 合计, Total 300.02 ≠ sum of 项 300.00 (difference 0.02): rounding");
	expect_origins(f, at(TK_SPENDING, 7), at(TK_SPENDING, 9));
	cr_expect(sec(SEC_FUNC)->flags & NODE_F_ROUNDING);
	cr_expect_not(sec(SEC_FUNC)->flags & NODE_F_DISCREPANCY);
}

Test(checks, total_row_against_items_discrepancy)
{
	total_row_against_items(WAN(300, 3));
	expect(only_finding(), SEV_WARNING, FIND_SUM, sec(SEC_FUNC),
	       "支出总表 合计, Total 300.03 ≠ sum of 项 300.00 (difference 0.03): "
	       "discrepancy (支出总表.csv:7; 支出总表.csv:9-10)");
}

/* A total row whose tables alternate: each figure against the parts of
 * its own table, in the order of the figures. */
Test(checks, totals_of_alternating_tables)
{
	struct node *func = sec(SEC_FUNC);
	fig(func, TK_SPENDING, COL_TOTAL, WAN(100, 0), 7);
	fig(func, TK_GENERAL, COL_TOTAL, WAN(80, 0), 7);
	fig(func, TK_GENERAL, COL_BASIC, WAN(80, 0), 7);
	fig(func, TK_SPENDING, COL_BASIC, WAN(100, 0), 8);
	struct node *lei = add(func, NODE_FUNC, 1, "208", "社会保障和就业支出", TK_SPENDING, 9);
	fig(lei, TK_SPENDING, COL_TOTAL, WAN(90, 0), 9);
	fig(lei, TK_SPENDING, COL_BASIC, WAN(90, 0), 9);
	fig(lei, TK_GENERAL, COL_TOTAL, WAN(80, 0), 9);
	fig(lei, TK_GENERAL, COL_BASIC, WAN(80, 0), 9);

	checks_run(&B, NULL);
	cr_assert_eq(B.nfindings, 2, "expected two findings, got %zu:\n%s", B.nfindings,
	             findings());
	expect(&B.findings[0], SEV_WARNING, FIND_SUM, func,
	       "支出总表 合计, Total 100.00 ≠ sum of 类 90.00 (difference 10.00): "
	       "discrepancy (支出总表.csv:7; 支出总表.csv:9)");
	expect(&B.findings[1], SEV_WARNING, FIND_SUM, func,
	       "支出总表 合计, Basic spending 100.00 ≠ sum of 类 90.00 (difference 10.00): "
	       "discrepancy (支出总表.csv:8; 支出总表.csv:9)");
}

/* The department's own row against the 合计 row: two single figures. */
static const struct finding *department_row(int64_t diff)
{
	fig(D->node, TK_SPENDING, COL_TOTAL, WAN(100, 0) + diff, 8);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_TOTAL, WAN(100, 0), 7);
	return only_finding();
}

Test(checks, rounding_boundary_single_figure)
{
	const struct finding *f = department_row(10000);
	expect(f, SEV_NOTE, FIND_SUM, D->node,
	       "支出总表 department row, Total 100.01 ≠ 支出总表 合计, Total 100.00 "
	       "(difference 0.01): rounding");
	expect_origins(f, at(TK_SPENDING, 8), at(TK_SPENDING, 7));
}

Test(checks, rounding_boundary_single_figure_exceeded)
{
	cr_expect_eq(department_row(10001)->sev, SEV_WARNING);
}

Test(checks, rounding_boundary_single_figure_below)
{
	cr_expect_eq(department_row(-10000)->sev, SEV_NOTE);
}

/* n parts allow n × 0.01: three 项 rows. */
static const struct finding *three_parts(int64_t diff)
{
	struct node *func = sec(SEC_FUNC);
	fig(func, TK_SPENDING, COL_TOTAL, WAN(60, 0) + diff, 7);
	for (int i = 0; i < 3; i++) {
		char code[8];
		snprintf(code, sizeof code, "20801%02d", i + 1);
		fig(add(func, NODE_FUNC, 3, code, "项", TK_SPENDING, (uint32_t)(8 + i)),
		    TK_SPENDING, COL_TOTAL, WAN(20, 0), (uint32_t)(8 + i));
	}
	return only_finding();
}

Test(checks, rounding_boundary_three_parts)
{
	cr_expect_eq(three_parts(30000)->sev, SEV_NOTE);
}

Test(checks, rounding_boundary_three_parts_exceeded)
{
	const struct finding *f = three_parts(30001);
	cr_expect_eq(f->sev, SEV_WARNING);
	cr_expect_eq(f->expected - f->actual, 30001);
}

Test(checks, equal_figures_give_nothing)
{
	cr_assert_eq(department_row(1)->sev, SEV_NOTE);   /* one 分 is reported */
	B.findings[0].node->flags = 0;
	free(B.findings[0].text);
	B.nfindings = 0;
	B.findings[0].text = NULL;
	D->node->figs[0].fen = WAN(100, 0);
	no_finding();
}

/* Sums of the largest amounts saturate instead of overflowing. */
Test(checks, huge_amounts_do_not_overflow)
{
	struct node *func = sec(SEC_FUNC);
	fig(func, TK_SPENDING, COL_TOTAL, -AMOUNT_FEN_MAX, 7);
	for (int i = 0; i < 20; i++) {
		char code[8];
		snprintf(code, sizeof code, "20801%02d", i + 1);
		fig(add(func, NODE_FUNC, 3, code, "项", TK_SPENDING, (uint32_t)(8 + i)),
		    TK_SPENDING, COL_TOTAL, AMOUNT_FEN_MAX, (uint32_t)(8 + i));
	}
	const struct finding *f = only_finding();
	cr_expect_eq(f->sev, SEV_WARNING);
	cr_expect_eq(f->actual, INT64_MAX);
}

/* Table t published in 元. */
static void in_yuan(enum table_kind t)
{
	B.files[at(t, 1).file].unit = UNIT_YUAN;
}

Test(checks, amounts_in_yuan_allow_one_fen_per_figure)
{
	D->unit = UNIT_YUAN;
	in_yuan(TK_SPENDING);
	fig(D->node, TK_SPENDING, COL_TOTAL, 10001, 8);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_TOTAL, 10000, 7);
	expect(only_finding(), SEV_NOTE, FIND_SUM, D->node,
	       "支出总表 department row, Total 100.01 ≠ 支出总表 合计, Total 100.00 "
	       "(difference 0.01): rounding");
}

Test(checks, amounts_in_yuan_two_fen_is_a_discrepancy)
{
	D->unit = UNIT_YUAN;
	in_yuan(TK_SPENDING);
	fig(D->node, TK_SPENDING, COL_TOTAL, 10002, 8);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_TOTAL, 10000, 7);
	expect(only_finding(), SEV_WARNING, FIND_SUM, D->node,
	       "支出总表 department row, Total 100.02 ≠ 支出总表 合计, Total 100.00 "
	       "(difference 0.02): discrepancy (支出总表.csv:8; 支出总表.csv:7)");
}

/* A table in 元 against one in 万元: the 万元 table's rounding is
 * allowed, whatever unit the department's other tables use. */
Test(checks, a_table_in_yuan_against_one_in_wan_allows_the_coarser_rounding)
{
	D->unit = UNIT_YUAN;
	in_yuan(TK_SPENDING);
	struct node *lei = add(sec(SEC_FUNC), NODE_FUNC, 1, "208", "社会保障和就业支出",
	                       TK_SPENDING, 8);
	fig(lei, TK_SPENDING, COL_TOTAL, 17419043456, 8);   /* 174,190,434.56 元 */
	fig(lei, TK_SUMMARY, COL_TOTAL, WAN(17419, 4), 9);
	expect(only_finding(), SEV_NOTE, FIND_CROSS, lei,
	       "收支总表 208 社会保障和就业支出, Total 174,190,400.00 ≠ 支出总表 208 "
	       "社会保障和就业支出, Total 174,190,434.56 (difference 34.56): rounding");
}

/* An economic code on two rows (one per government class): the rows are
 * its parts, counted for rounding, and not checked against it. */
static const struct finding *econ_rows(int64_t diff)
{
	struct node *econ = sec(SEC_ECON);
	fig(econ, TK_BASIC, COL_TOTAL, WAN(150, 0) + diff, 7);
	struct node *lei = add(econ, NODE_ECON, 1, "301", "工资福利支出", TK_NONE, 0);
	summed(lei, TK_BASIC, COL_TOTAL, WAN(150, 0));
	struct node *kuan = add(lei, NODE_ECON, 2, "30101", "基本工资", TK_BASIC, 8);
	fig(kuan, TK_BASIC, COL_TOTAL, WAN(100, 0), 8);
	fig(kuan, TK_BASIC, COL_TOTAL, WAN(50, 0), 9);
	/* even rows that disagree with their code are not compared with it */
	fig(add(kuan, NODE_ECON, 3, "50101", "工资奖金津补贴", TK_BASIC, 8),
	    TK_BASIC, COL_TOTAL, WAN(100, 0), 8);
	fig(add(kuan, NODE_ECON, 3, "50501", "工资福利支出", TK_BASIC, 9),
	    TK_BASIC, COL_TOTAL, WAN(51, 0), 9);
	return only_finding();
}

Test(checks, econ_code_rows_count_as_parts)
{
	const struct finding *f = econ_rows(20000);
	expect(f, SEV_NOTE, FIND_SUM, sec(SEC_ECON),
	       "基本支出表 合计, Total 150.02 ≠ sum of 款 150.00 (difference 0.02): rounding");
}

Test(checks, econ_code_rows_count_as_parts_exceeded)
{
	cr_expect_eq(econ_rows(20001)->sev, SEV_WARNING);
}

Test(checks, project_copies_under_items_are_not_parts)
{
	struct node *item = add(sec(SEC_FUNC), NODE_FUNC, 3, "2080101", "行政运行", TK_SPENDING, 9);
	fig(item, TK_SPENDING, COL_TOTAL, WAN(10, 0), 9);
	struct node *unit = add(sec(SEC_UNITS), NODE_UNIT, 0, "", "测试局", TK_NONE, 0);
	struct node *p = add(unit, NODE_PROJECT, PT_OPERATING, "", "经费", TK_PROJECTS, 5);
	fig(p, TK_PROJECTS, COL_TOTAL, WAN(4, 0), 5);
	struct node *copy = add(item, NODE_PROJECT, PT_OPERATING, "", "经费", TK_PROJECTS, 5);
	node_set_link(copy, p);
	fig(copy, TK_SPENDING, COL_TOTAL, WAN(4, 0), 5);
	fig(copy, TK_PROJECTS, COL_TOTAL, WAN(4, 0), 5);
	no_finding();
}

Test(checks, sangong_car_against_purchase_and_running)
{
	struct node *sg = sec(SEC_SANGONG);
	fig(sg, TK_SANGONG, COL_TOTAL, WAN(46, 48), 6);
	add(sg, NODE_SANGONG, COL_ABROAD, "", "因公出国（境）费", TK_NONE, 0);
	struct node *car = add(sg, NODE_SANGONG, COL_CAR, "", "公务用车购置及运行费", TK_NONE, 0);
	fig(car, TK_SANGONG, COL_TOTAL, WAN(45, 68), 6);
	add(car, NODE_SANGONG, COL_CAR_BUY, "", "公务用车购置费", TK_NONE, 0);
	fig(add(car, NODE_SANGONG, COL_CAR_RUN, "", "公务用车运行费", TK_NONE, 0),
	    TK_SANGONG, COL_TOTAL, WAN(45, 0), 6);
	fig(add(sg, NODE_SANGONG, COL_RECEPTION, "", "公务接待费", TK_NONE, 0),
	    TK_SANGONG, COL_TOTAL, WAN(0, 80), 6);
	expect(only_finding(), SEV_WARNING, FIND_SUM, car,
	       "三公经费表 公务用车购置及运行费, Total 45.68 ≠ sum of items 45.00 "
	       "(difference 0.68): discrepancy (三公经费表.csv:6; 三公经费表.csv:6)");
}

Test(checks, sangong_total_against_items)
{
	struct node *sg = sec(SEC_SANGONG);
	fig(sg, TK_SANGONG, COL_TOTAL, WAN(46, 48), 6);
	struct node *car = add(sg, NODE_SANGONG, COL_CAR, "", "公务用车购置及运行费", TK_NONE, 0);
	/* no 小计: the car line is its parts */
	fig(add(car, NODE_SANGONG, COL_CAR_RUN, "", "公务用车运行费", TK_NONE, 0),
	    TK_SANGONG, COL_TOTAL, WAN(45, 68), 6);
	fig(add(sg, NODE_SANGONG, COL_RECEPTION, "", "公务接待费", TK_NONE, 0),
	    TK_SANGONG, COL_TOTAL, WAN(1, 80), 6);
	expect(only_finding(), SEV_WARNING, FIND_SUM, sg,
	       "三公经费表 合计, Total 46.48 ≠ sum of items 47.48 (difference 1.00): "
	       "discrepancy (三公经费表.csv:6; 三公经费表.csv:6)");
}

Test(checks, indicator_unit_row_against_its_projects)
{
	struct node *unit = add(sec(SEC_UNITS), NODE_UNIT, 0, "028001", "驻马店市人力资源和社会保障局",
	                        TK_INDICATORS, 6);
	fig(unit, TK_INDICATORS, COL_TOTAL, WAN(685, 0), 6);
	fig(add(unit, NODE_PROJECT, PT_OPERATING, "411700230000000018931", "平台维护费",
	        TK_INDICATORS, 7), TK_INDICATORS, COL_TOTAL, WAN(50, 0), 7);
	fig(add(unit, NODE_PROJECT, PT_OPERATING, "411700230000000018947", "大赛活动经费",
	        TK_INDICATORS, 9), TK_INDICATORS, COL_TOTAL, WAN(600, 0), 9);
	expect(only_finding(), SEV_WARNING, FIND_SUM, unit,
	       "项目绩效目标表 028001 驻马店市人力资源和社会保障局, Total 685.00 ≠ sum of projects "
	       "650.00 (difference 35.00): discrepancy (项目绩效目标表.csv:6; 项目绩效目标表.csv:7-9)");
}

Test(checks, department_row_against_units_without_a_total_row)
{
	fig(D->node, TK_INDICATORS, COL_TOTAL, WAN(100, 0), 5);
	fig(add(sec(SEC_UNITS), NODE_UNIT, 0, "028001", "本级", TK_INDICATORS, 6),
	    TK_INDICATORS, COL_TOTAL, WAN(60, 0), 6);
	fig(add(sec(SEC_UNITS), NODE_UNIT, 0, "028002", "中心", TK_INDICATORS, 9),
	    TK_INDICATORS, COL_TOTAL, WAN(30, 0), 9);
	expect(only_finding(), SEV_WARNING, FIND_SUM, D->node,
	       "项目绩效目标表 department row, Total 100.00 ≠ sum of units 90.00 "
	       "(difference 10.00): discrepancy (项目绩效目标表.csv:5; 项目绩效目标表.csv:6-9)");
}

/* ---- within a row ---- */

static struct node *item_row(enum table_kind t, uint32_t r)
{
	return add(sec(SEC_FUNC), NODE_FUNC, 3, "2080101", "行政运行", t, r);
}

Test(checks, row_total_is_basic_plus_project)
{
	struct node *n = item_row(TK_SPENDING, 9);
	fig(n, TK_SPENDING, COL_TOTAL, WAN(100, 0), 9);
	fig(n, TK_SPENDING, COL_BASIC, WAN(60, 0), 9);
	fig(n, TK_SPENDING, COL_PROJECT, WAN(40, 50), 9);
	const struct finding *f = only_finding();
	expect(f, SEV_WARNING, FIND_ROW, n,
	       "支出总表 2080101 行政运行, Total 100.00 ≠ Basic spending + Project spending 100.50 "
	       "(difference 0.50): discrepancy (支出总表.csv:9; 支出总表.csv:9)");
	expect_origins(f, at(TK_SPENDING, 9), at(TK_SPENDING, 9));
}

Test(checks, row_basic_is_its_items_without_personnel_columns)
{
	struct node *n = item_row(TK_GENERAL, 10);
	fig(n, TK_GENERAL, COL_BASIC, WAN(156, 47), 10);
	fig(n, TK_GENERAL, COL_FAMILY, WAN(141, 17), 10);
	fig(n, TK_GENERAL, COL_GOODS, WAN(15, 29), 10);
	expect(only_finding(), SEV_NOTE, FIND_ROW, n,
	       "一般公共预算支出表 2080101 行政运行, Basic spending 156.47 ≠ Subsidies to "
	       "individuals and families + Goods and services 156.46 (difference 0.01): rounding");
}

Test(checks, row_basic_is_personnel_plus_public_where_both_exist)
{
	struct node *n = item_row(TK_SPENDING, 9);
	fig(n, TK_SPENDING, COL_BASIC, WAN(100, 0), 9);
	fig(n, TK_SPENDING, COL_PERSONNEL, WAN(80, 0), 9);
	fig(n, TK_SPENDING, COL_WAGES, WAN(70, 0), 9);
	fig(n, TK_SPENDING, COL_FAMILY, WAN(9, 0), 9);
	fig(n, TK_SPENDING, COL_PUBLIC, WAN(20, 0), 9);
	fig(n, TK_SPENDING, COL_GOODS, WAN(20, 0), 9);
	expect(only_finding(), SEV_WARNING, FIND_ROW, n,
	       "支出总表 2080101 行政运行, Personnel 80.00 ≠ Wages and benefits + Subsidies to "
	       "individuals and families 79.00 (difference 1.00): discrepancy "
	       "(支出总表.csv:9; 支出总表.csv:9)");
}

Test(checks, row_public_is_goods_plus_capital)
{
	struct node *n = item_row(TK_SPENDING, 9);
	fig(n, TK_SPENDING, COL_PUBLIC, WAN(20, 0), 9);
	fig(n, TK_SPENDING, COL_GOODS, WAN(15, 0), 9);
	fig(n, TK_SPENDING, COL_CAPITAL, WAN(6, 0), 9);
	expect(only_finding(), SEV_WARNING, FIND_ROW, n,
	       "支出总表 2080101 行政运行, Public expenses 20.00 ≠ Goods and services + Capital "
	       "spending 21.00 (difference 1.00): discrepancy (支出总表.csv:9; 支出总表.csv:9)");
}

Test(checks, row_project_is_operating_plus_specific)
{
	struct node *n = item_row(TK_SPENDING, 9);
	fig(n, TK_SPENDING, COL_PROJECT, WAN(360, 8), 9);
	fig(n, TK_SPENDING, COL_OPERATING, WAN(185, 8), 9);
	fig(n, TK_SPENDING, COL_SPECIFIC, WAN(170, 0), 9);
	expect(only_finding(), SEV_WARNING, FIND_ROW, n,
	       "支出总表 2080101 行政运行, Project spending 360.08 ≠ Other operating projects + "
	       "Specific-purpose projects 355.08 (difference 5.00): discrepancy "
	       "(支出总表.csv:9; 支出总表.csv:9)");
}

Test(checks, row_empty_part_counts_as_zero)
{
	struct node *n = item_row(TK_SPENDING, 9);
	fig(n, TK_SPENDING, COL_PROJECT, WAN(10, 0), 9);
	fig(n, TK_SPENDING, COL_OPERATING, WAN(10, 0), 9);
	struct node *m = add(sec(SEC_FUNC), NODE_FUNC, 3, "2080109", "社会保险经办机构",
	                     TK_SPENDING, 10);
	fig(m, TK_SPENDING, COL_PROJECT, WAN(5, 0), 10);
	expect(only_finding(), SEV_WARNING, FIND_ROW, m,
	       "支出总表 2080109 社会保险经办机构, Project spending 5.00 ≠ Other operating "
	       "projects 0.00 (difference 5.00): discrepancy (支出总表.csv:10; 支出总表.csv:10)");
}

Test(checks, basic_table_total_is_personnel_plus_public)
{
	struct node *wages = add(sec(SEC_ECON), NODE_ECON, 2, "30101", "基本工资", TK_BASIC, 8);
	fig(wages, TK_BASIC, COL_TOTAL, WAN(10, 0), 8);
	fig(wages, TK_BASIC, COL_PERSONNEL, WAN(10, 0), 8);
	struct node *n = add(sec(SEC_ECON), NODE_ECON, 2, "30201", "办公费", TK_BASIC, 9);
	fig(n, TK_BASIC, COL_TOTAL, WAN(5, 68), 9);
	fig(n, TK_BASIC, COL_PUBLIC, WAN(5, 86), 9);
	expect(only_finding(), SEV_WARNING, FIND_ROW, n,
	       "基本支出表 30201 办公费, Total 5.68 ≠ Personnel + Public expenses 5.86 "
	       "(difference 0.18): discrepancy (基本支出表.csv:9; 基本支出表.csv:9)");
}

Test(checks, project_row_total_is_its_funds)
{
	struct node *unit = add(sec(SEC_UNITS), NODE_UNIT, 0, "", "测试局", TK_NONE, 0);
	struct node *p = add(unit, NODE_PROJECT, PT_OPERATING, "", "招聘经费", TK_PROJECTS, 8);
	fig(p, TK_PROJECTS, COL_TOTAL, WAN(124, 0), 8);
	fig(p, TK_PROJECTS, COL_GENERAL, WAN(100, 0), 8);
	fig(p, TK_PROJECTS, COL_CARRY_GENERAL, WAN(20, 0), 8);
	expect(only_finding(), SEV_WARNING, FIND_ROW, p,
	       "项目支出表 招聘经费, Total 124.00 ≠ General public budget + Carry-over: general "
	       "public budget 120.00 (difference 4.00): discrepancy (项目支出表.csv:8; 项目支出表.csv:8)");
}

Test(checks, indicator_row_total_is_its_funds)
{
	struct node *unit = add(sec(SEC_UNITS), NODE_UNIT, 0, "", "测试局", TK_NONE, 0);
	struct node *p = add(unit, NODE_PROJECT, PT_OPERATING, "", "招聘经费", TK_INDICATORS, 8);
	fig(p, TK_INDICATORS, COL_TOTAL, WAN(124, 0), 8);
	fig(p, TK_INDICATORS, COL_GOVBUDGET, WAN(100, 0), 8);
	fig(p, TK_INDICATORS, COL_UNITFUNDS, WAN(24, 1), 8);
	expect(only_finding(), SEV_NOTE, FIND_ROW, p,
	       "项目绩效目标表 招聘经费, Total 124.00 ≠ Government budget funds + Unit funds 124.01 "
	       "(difference 0.01): rounding");
}

Test(checks, of_which_column_may_not_exceed_its_whole)
{
	struct node *lei = add(sec(SEC_FUNC), NODE_FUNC, 1, "208", "社会保障和就业支出",
	                       TK_APPROP, 12);
	fig(lei, TK_APPROP, COL_TOTAL, WAN(100, 0), 12);
	fig(lei, TK_APPROP, COL_GENERAL, WAN(100, 0), 12);
	fig(lei, TK_APPROP, COL_APPROP, WAN(100, 1), 12);
	/* a single part: even 0.01 over is no rounding */
	expect(only_finding(), SEV_WARNING, FIND_ROW, lei,
	       "财政拨款收支总表 208 社会保障和就业支出, General public budget 100.00 is less than "
	       "财政拨款收支总表 208 社会保障和就业支出, of which: fiscal appropriation 100.01 "
	       "(difference 0.01): discrepancy (财政拨款收支总表.csv:12; 财政拨款收支总表.csv:12)");
}

Test(checks, targets_budget_total_is_basic_plus_project)
{
	struct node *budget = add(sec(SEC_TARGETS), NODE_LEVEL, 0, "", "预算情况", TK_TARGETS, 7);
	fig(budget, TK_TARGETS, COL_TOTAL, WAN(2852, 11), 7);
	fig(budget, TK_TARGETS, COL_GOVBUDGET, WAN(2852, 11), 8);
	fig(budget, TK_TARGETS, COL_BASIC, WAN(722, 64), 11);
	fig(budget, TK_TARGETS, COL_PROJECT, WAN(2129, 37), 12);
	struct node *line = add(budget, NODE_TEXT, 0, "", "部门预算总额（万元）", TK_TARGETS, 7);
	fig(line, TK_TARGETS, COL_TOTAL, WAN(2852, 11), 7);
	expect(only_finding(), SEV_WARNING, FIND_ROW, budget,
	       "整体绩效目标表 预算情况, Total 2,852.11 ≠ Basic spending + Project spending "
	       "2,852.01 (difference 0.10): discrepancy (整体绩效目标表.csv:7; 整体绩效目标表.csv:11-12)");
}

/* ---- 其中 lines ---- */

static struct node *income_line(struct node *parent, int source, const char *name,
                                int64_t fen, uint32_t r)
{
	struct node *n = add(parent, NODE_INCOME, source, "", name, TK_SUMMARY, r);
	fig(n, TK_SUMMARY, COL_TOTAL, fen, r);
	return n;
}

Test(checks, single_of_which_line_may_not_exceed_its_whole)
{
	struct node *g = income_line(sec(SEC_INCOME), COL_GENERAL, "一般公共预算", WAN(100, 0), 5);
	income_line(g, COL_APPROP, "财政拨款", WAN(100, 1), 6);
	const struct finding *f = only_finding();
	expect(f, SEV_WARNING, FIND_SUM, g,
	       "收支总表 一般公共预算, Total 100.00 is less than sum of its 其中 lines 100.01 "
	       "(difference 0.01): discrepancy (收支总表.csv:5; 收支总表.csv:6)");
	expect_origins(f, at(TK_SUMMARY, 5), at(TK_SUMMARY, 6));
}

Test(checks, single_of_which_line_below_its_whole_is_fine)
{
	struct node *g = income_line(sec(SEC_INCOME), COL_GENERAL, "一般公共预算", WAN(100, 0), 5);
	income_line(g, COL_APPROP, "财政拨款", WAN(90, 0), 6);
	no_finding();
}

Test(checks, complete_of_which_list_must_add_up)
{
	struct node *carry = income_line(sec(SEC_INCOME), COL_CARRY, "上年结转", WAN(10, 0), 9);
	income_line(carry, COL_CARRY_GENERAL, "一般公共预算", WAN(6, 0), 10);
	income_line(carry, COL_CARRY_GOVFUND, "政府性基金预算", WAN(3, 0), 11);
	expect(only_finding(), SEV_WARNING, FIND_SUM, carry,
	       "收支总表 上年结转, Total 10.00 ≠ sum of its 其中 lines 9.00 (difference 1.00): "
	       "discrepancy (收支总表.csv:9; 收支总表.csv:10-11)");
}

Test(checks, incomplete_of_which_list_may_fall_short)
{
	struct node *g = income_line(sec(SEC_INCOME), COL_GENERAL, "一般公共预算", WAN(100, 0), 5);
	income_line(g, COL_APPROP, "财政拨款", WAN(50, 0), 6);
	income_line(g, COL_SPECIAL, "财政专户", WAN(30, 0), 7);
	no_finding();
}

Test(checks, incomplete_of_which_list_over_by_rounding)
{
	struct node *g = income_line(sec(SEC_INCOME), COL_GENERAL, "一般公共预算", WAN(100, 0), 5);
	income_line(g, COL_APPROP, "财政拨款", WAN(70, 1), 6);
	income_line(g, COL_SPECIAL, "财政专户", WAN(30, 1), 7);
	expect(only_finding(), SEV_NOTE, FIND_SUM, g,
	       "收支总表 一般公共预算, Total 100.00 is less than sum of its 其中 lines 100.02 "
	       "(difference 0.02): rounding");
}

/* ---- 收支总表 totals ---- */

Test(checks, summary_income_year_plus_carry_is_total_income)
{
	struct node *dn = D->node;
	fig(dn, TK_SUMMARY, COL_INCOME_YEAR, WAN(100, 0), 30);
	fig(dn, TK_SUMMARY, COL_CARRY, WAN(5, 0), 31);
	fig(dn, TK_SUMMARY, COL_INCOME_ALL, WAN(100, 0), 32);
	fig(dn, TK_SUMMARY, COL_SPEND_YEAR, WAN(100, 0), 30);
	fig(dn, TK_SUMMARY, COL_SPEND_ALL, WAN(100, 0), 32);
	const struct finding *f = only_finding();
	expect(f, SEV_WARNING, FIND_ROW, dn,
	       "收支总表, Total income 100.00 ≠ Income this year + Carry-over from last year "
	       "105.00 (difference 5.00): discrepancy (收支总表.csv:32; 收支总表.csv:30-31)");
}

Test(checks, summary_spending_year_plus_carry_out_is_total_spending)
{
	struct node *dn = D->node;
	fig(dn, TK_APPROP, COL_INCOME_ALL, WAN(100, 0), 40);
	fig(dn, TK_APPROP, COL_SPEND_YEAR, WAN(99, 0), 7);
	fig(dn, TK_APPROP, COL_CARRY_OUT, WAN(2, 0), 39);
	fig(dn, TK_APPROP, COL_SPEND_ALL, WAN(100, 0), 40);
	expect(only_finding(), SEV_WARNING, FIND_ROW, dn,
	       "财政拨款收支总表, Total spending 100.00 ≠ Spending this year + Carry-over to next "
	       "year 101.00 (difference 1.00): discrepancy (财政拨款收支总表.csv:40; "
	       "财政拨款收支总表.csv:7-39)");
}

Test(checks, summary_total_income_is_total_spending)
{
	struct node *dn = D->node;
	fig(dn, TK_SUMMARY, COL_INCOME_YEAR, WAN(100, 0), 30);
	fig(dn, TK_SUMMARY, COL_INCOME_ALL, WAN(100, 0), 32);
	fig(dn, TK_SUMMARY, COL_SPEND_YEAR, WAN(101, 0), 30);
	fig(dn, TK_SUMMARY, COL_SPEND_ALL, WAN(101, 0), 32);
	expect(only_finding(), SEV_WARNING, FIND_ROW, dn,
	       "收支总表, Total income 100.00 ≠ 收支总表, Total spending 101.00 (difference 1.00): "
	       "discrepancy (收支总表.csv:32; 收支总表.csv:32)");
}

Test(checks, summary_income_year_is_its_lines)
{
	fig(D->node, TK_SUMMARY, COL_INCOME_YEAR, WAN(100, 0), 30);
	struct node *g = income_line(sec(SEC_INCOME), COL_GENERAL, "一般公共预算", WAN(90, 0), 5);
	income_line(g, COL_APPROP, "财政拨款", WAN(10, 0), 6);   /* a part, not added */
	income_line(sec(SEC_INCOME), COL_CARRY, "上年结转结余", WAN(10, 0), 31);
	expect(only_finding(), SEV_WARNING, FIND_SUM, D->node,
	       "收支总表, Income this year 100.00 ≠ sum of income lines 90.00 (difference 10.00): "
	       "discrepancy (收支总表.csv:30; 收支总表.csv:5)");
}

/* ---- across tables ---- */

Test(checks, summary_class_against_spending)
{
	struct node *lei = add(sec(SEC_FUNC), NODE_FUNC, 1, "210", "卫生健康支出", TK_NONE, 0);
	fig(lei, TK_SUMMARY, COL_TOTAL, WAN(936, 59), 14);
	summed(lei, TK_SPENDING, COL_TOTAL, WAN(936, 58));
	struct node *kuan = add(lei, NODE_FUNC, 2, "21011", "行政事业单位医疗", TK_NONE, 0);
	summed(kuan, TK_SPENDING, COL_TOTAL, WAN(936, 58));
	fig(add(kuan, NODE_FUNC, 3, "2101101", "行政单位医疗", TK_SPENDING, 12),
	    TK_SPENDING, COL_TOTAL, WAN(305, 1), 12);
	fig(add(kuan, NODE_FUNC, 3, "2101102", "事业单位医疗", TK_SPENDING, 17),
	    TK_SPENDING, COL_TOTAL, WAN(283, 29), 17);
	fig(add(kuan, NODE_FUNC, 3, "2101103", "公务员医疗补助", TK_SPENDING, 13),
	    TK_SPENDING, COL_TOTAL, WAN(348, 28), 13);
	const struct finding *f = only_finding();
	expect(f, SEV_NOTE, FIND_CROSS, lei,
	       "收支总表 210 卫生健康支出, Total 936.59 ≠ 支出总表 210 卫生健康支出, Total (sum of 项) "
	       "936.58 (difference 0.01): rounding");
	expect_origins(f, at(TK_SUMMARY, 14), at(TK_SPENDING, 12));
}

Test(checks, summary_class_missing_from_spending)
{
	struct node *lei = add(sec(SEC_FUNC), NODE_FUNC, 1, "221", "住房保障支出", TK_NONE, 0);
	fig(lei, TK_SUMMARY, COL_TOTAL, WAN(864, 19), 25);
	at(TK_SPENDING, 1);   /* the package has a 支出总表 without this 类 */
	expect(only_finding(), SEV_WARNING, FIND_CROSS, lei,
	       "收支总表 221 住房保障支出, Total 864.19 ≠ 支出总表 221 住房保障支出, Total 0.00 "
	       "(difference 864.19): discrepancy (收支总表.csv:25; -)");
}

Test(checks, approp_fund_column_against_the_fund_table)
{
	struct node *lei = add(sec(SEC_FUNC), NODE_FUNC, 1, "210", "卫生健康支出", TK_NONE, 0);
	fig(lei, TK_APPROP, COL_TOTAL, WAN(936, 59), 17);
	fig(lei, TK_APPROP, COL_GENERAL, WAN(936, 59), 17);
	fig(lei, TK_SPENDING, COL_TOTAL, WAN(999, 0), 9);   /* other money too: not compared */
	fig(lei, TK_GENERAL, COL_TOTAL, WAN(936, 0), 9);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, lei,
	       "财政拨款收支总表 210 卫生健康支出, General public budget 936.59 ≠ 一般公共预算支出表 "
	       "210 卫生健康支出, Total 936.00 (difference 0.59): discrepancy "
	       "(财政拨款收支总表.csv:17; 一般公共预算支出表.csv:9)");
}

Test(checks, approp_total_against_spending_without_fund_tables)
{
	struct node *lei = add(sec(SEC_FUNC), NODE_FUNC, 1, "210", "卫生健康支出", TK_NONE, 0);
	fig(lei, TK_APPROP, COL_TOTAL, WAN(936, 59), 17);
	fig(lei, TK_SPENDING, COL_TOTAL, WAN(936, 58), 9);
	expect(only_finding(), SEV_NOTE, FIND_CROSS, lei,
	       "财政拨款收支总表 210 卫生健康支出, Total 936.59 ≠ 支出总表 210 卫生健康支出, Total "
	       "936.58 (difference 0.01): rounding");
}

Test(checks, basic_table_total_against_spending_basic)
{
	fig(sec(SEC_ECON), TK_BASIC, COL_TOTAL, WAN(14537, 49), 7);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_BASIC, WAN(14537, 51), 7);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, sec(SEC_ECON),
	       "基本支出表 合计, Total 14,537.49 ≠ 支出总表 合计, Basic spending 14,537.51 "
	       "(difference 0.02): discrepancy (基本支出表.csv:7; 支出总表.csv:7)");
}

Test(checks, basic_table_prefers_the_general_budget_table)
{
	fig(sec(SEC_ECON), TK_BASIC, COL_TOTAL, WAN(100, 0), 7);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_BASIC, WAN(120, 0), 7);   /* all money */
	fig(sec(SEC_FUNC), TK_GENERAL, COL_BASIC, WAN(101, 0), 7);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, sec(SEC_ECON),
	       "基本支出表 合计, Total 100.00 ≠ 一般公共预算支出表 合计, Basic spending 101.00 "
	       "(difference 1.00): discrepancy (基本支出表.csv:7; 一般公共预算支出表.csv:7)");
}

Test(checks, basic_table_personnel_against_wages_and_family)
{
	struct node *econ = sec(SEC_ECON);
	fig(econ, TK_BASIC, COL_PERSONNEL, WAN(80, 0), 7);
	struct node *e301 = add(econ, NODE_ECON, 1, "301", "工资福利支出", TK_BASIC, 8);
	fig(e301, TK_BASIC, COL_TOTAL, WAN(70, 0), 8);
	fig(e301, TK_BASIC, COL_PERSONNEL, WAN(70, 0), 8);
	struct node *e303 = add(econ, NODE_ECON, 1, "303", "对个人和家庭的补助", TK_BASIC, 9);
	fig(e303, TK_BASIC, COL_TOTAL, WAN(9, 99), 9);
	fig(e303, TK_BASIC, COL_PERSONNEL, WAN(9, 99), 9);
	/* a class no column of 支出总表 stands for */
	struct node *e399 = add(econ, NODE_ECON, 1, "399", "其他支出", TK_BASIC, 10);
	fig(e399, TK_BASIC, COL_TOTAL, WAN(0, 1), 10);
	fig(e399, TK_BASIC, COL_PERSONNEL, WAN(0, 1), 10);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_WAGES, WAN(70, 0), 7);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_FAMILY, WAN(9, 99), 7);
	expect(only_finding(), SEV_NOTE, FIND_CROSS, econ,
	       "基本支出表 合计, Personnel 80.00 ≠ 支出总表 合计, Wages and benefits + Subsidies to "
	       "individuals and families 79.99 (difference 0.01): rounding");
}

Test(checks, basic_table_class_against_spending_column)
{
	struct node *econ = sec(SEC_ECON);
	struct node *lei = add(econ, NODE_ECON, 1, "302", "商品和服务支出", TK_NONE, 0);
	summed(lei, TK_BASIC, COL_TOTAL, WAN(1599, 45));
	fig(add(lei, NODE_ECON, 2, "30201", "办公费", TK_BASIC, 16), TK_BASIC, COL_TOTAL,
	    WAN(1000, 0), 16);
	fig(add(lei, NODE_ECON, 2, "30231", "公务用车运行维护费", TK_BASIC, 20), TK_BASIC, COL_TOTAL,
	    WAN(599, 45), 20);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_GOODS, WAN(1599, 46), 7);
	const struct finding *f = only_finding();
	expect(f, SEV_NOTE, FIND_CROSS, lei,
	       "基本支出表 302 商品和服务支出, Total (sum of 款) 1,599.45 ≠ 支出总表 合计, Goods and "
	       "services 1,599.46 (difference 0.01): rounding");
	expect_origins(f, at(TK_BASIC, 16), at(TK_SPENDING, 7));
}

Test(checks, basic_table_class_missing)
{
	fig(add(sec(SEC_ECON), NODE_ECON, 1, "301", "工资福利支出", TK_BASIC, 8), TK_BASIC,
	    COL_TOTAL, WAN(70, 0), 8);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_WAGES, WAN(70, 0), 7);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_CAPITAL, WAN(5, 0), 7);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, sec(SEC_ECON),
	       "基本支出表 310, Total 0.00 ≠ 支出总表 合计, Capital spending 5.00 "
	       "(difference 5.00): discrepancy (-; 支出总表.csv:7)");
}

Test(checks, project_table_total_against_spending_projects)
{
	fig(sec(SEC_UNITS), TK_PROJECTS, COL_TOTAL, WAN(2881, 55), 6);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_PROJECT, WAN(2881, 50), 7);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, sec(SEC_UNITS),
	       "项目支出表 合计, Total 2,881.55 ≠ 支出总表 合计, Project spending 2,881.50 "
	       "(difference 0.05): discrepancy (项目支出表.csv:6; 支出总表.csv:7)");
}

Test(checks, project_types_against_spending_columns)
{
	struct node *unit = add(sec(SEC_UNITS), NODE_UNIT, 0, "", "测试局", TK_NONE, 0);
	fig(add(unit, NODE_PROJECT, PT_OPERATING, "", "招聘经费", TK_PROJECTS, 8),
	    TK_PROJECTS, COL_TOTAL, WAN(100, 0), 8);
	fig(add(unit, NODE_PROJECT, PT_SPECIFIC, "", "仲裁费用", TK_PROJECTS, 9),
	    TK_PROJECTS, COL_TOTAL, WAN(50, 1), 9);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_OPERATING, WAN(100, 0), 7);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_SPECIFIC, WAN(50, 0), 7);
	const struct finding *f = only_finding();
	expect(f, SEV_NOTE, FIND_CROSS, sec(SEC_UNITS),
	       "项目支出表, sum of 特定目标类 projects 50.01 ≠ 支出总表 合计, Specific-purpose "
	       "projects 50.00 (difference 0.01): rounding");
	expect_origins(f, at(TK_PROJECTS, 9), at(TK_SPENDING, 7));
}

Test(checks, project_type_missing_from_the_project_table)
{
	struct node *unit = add(sec(SEC_UNITS), NODE_UNIT, 0, "", "测试局", TK_NONE, 0);
	fig(add(unit, NODE_PROJECT, PT_OPERATING, "", "招聘经费", TK_PROJECTS, 8),
	    TK_PROJECTS, COL_TOTAL, WAN(100, 0), 8);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_OPERATING, WAN(100, 0), 7);
	fig(sec(SEC_FUNC), TK_SPENDING, COL_SPECIFIC, WAN(192, 60), 7);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, sec(SEC_UNITS),
	       "项目支出表, sum of 特定目标类 projects 0.00 ≠ 支出总表 合计, Specific-purpose "
	       "projects 192.60 (difference 192.60): discrepancy (-; 支出总表.csv:7)");
}

Test(checks, unit_projects_against_its_spending_row)
{
	struct node *unit = add(sec(SEC_UNITS), NODE_UNIT, 0, "028001", "本级", TK_SPENDING, 8);
	fig(unit, TK_SPENDING, COL_PROJECT, WAN(100, 0), 8);
	fig(add(unit, NODE_PROJECT, PT_OPERATING, "", "招聘经费", TK_PROJECTS, 8),
	    TK_PROJECTS, COL_TOTAL, WAN(99, 0), 8);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, unit,
	       "项目支出表 028001 本级, Total (sum of projects) 99.00 ≠ 支出总表 028001 本级, "
	       "Project spending 100.00 (difference 1.00): discrepancy "
	       "(项目支出表.csv:8; 支出总表.csv:8)");
}

Test(checks, indicator_project_amount_against_project_table)
{
	struct node *unit = add(sec(SEC_UNITS), NODE_UNIT, 0, "", "测试局", TK_NONE, 0);
	struct node *p = add(unit, NODE_PROJECT, PT_OPERATING, "411700230000000018947",
	                     "家庭服务业职业技能大赛活动经费", TK_PROJECTS, 15);
	fig(p, TK_PROJECTS, COL_TOTAL, WAN(5, 70), 15);
	fig(p, TK_INDICATORS, COL_TOTAL, WAN(5, 75), 9);
	/* a project without indicators is not compared */
	fig(add(unit, NODE_PROJECT, PT_OPERATING, "", "调查费用", TK_PROJECTS, 16),
	    TK_PROJECTS, COL_TOTAL, WAN(5, 10), 16);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, p,
	       "项目绩效目标表 家庭服务业职业技能大赛活动经费, Total 5.75 ≠ 项目支出表 "
	       "家庭服务业职业技能大赛活动经费, Total 5.70 (difference 0.05): discrepancy "
	       "(项目绩效目标表.csv:9; 项目支出表.csv:15)");
}

Test(checks, income_line_in_two_tables)
{
	struct node *g = income_line(sec(SEC_INCOME), COL_GENERAL, "一般公共预算", WAN(100, 0), 5);
	fig(g, TK_APPROP, COL_TOTAL, WAN(100, 2), 8);
	/* carry-over: all money in 收支总表, appropriations only in the other */
	struct node *carry = income_line(sec(SEC_INCOME), COL_CARRY, "上年结转", WAN(10, 0), 31);
	fig(carry, TK_APPROP, COL_TOTAL, WAN(5, 0), 12);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, g,
	       "收支总表 一般公共预算, Total 100.00 ≠ 财政拨款收支总表 一般公共预算, Total 100.02 "
	       "(difference 0.02): discrepancy (收支总表.csv:5; 财政拨款收支总表.csv:8)");
}

Test(checks, income_line_against_income_table_column)
{
	struct node *g = income_line(sec(SEC_INCOME), COL_GENERAL, "一般公共预算", WAN(100, 0), 5);
	income_line(g, COL_APPROP, "财政拨款", WAN(90, 0), 6);
	fig(sec(SEC_INCOME), TK_INCOME, COL_TOTAL, WAN(100, 0), 7);
	fig(sec(SEC_INCOME), TK_INCOME, COL_GENERAL, WAN(100, 0), 7);
	fig(sec(SEC_INCOME), TK_INCOME, COL_APPROP, WAN(91, 0), 7);
	const struct finding *f = only_finding();
	expect(f, SEV_WARNING, FIND_CROSS, g->kids[0],
	       "收支总表 财政拨款, Total 90.00 ≠ 收入总表 合计, of which: fiscal appropriation "
	       "91.00 (difference 1.00): discrepancy (收支总表.csv:6; 收入总表.csv:7)");
}

static void basic_code(const char *code, const char *name, int64_t a, int64_t b)
{
	struct node *econ = sec(SEC_ECON);
	struct node *lei = node_find_child(econ, NODE_ECON, "302");
	if (!lei)
		lei = add(econ, NODE_ECON, 1, "302", "商品和服务支出", TK_NONE, 0);
	struct node *k = add(lei, NODE_ECON, 2, code, name, TK_BASIC, 20);
	fig(k, TK_BASIC, COL_TOTAL, a, 20);
	fig(k, TK_BASIC, COL_TOTAL, b, 40);
	fig(add(k, NODE_ECON, 3, "50208", name, TK_BASIC, 20), TK_BASIC, COL_TOTAL, a, 20);
	fig(add(k, NODE_ECON, 3, "50502", "商品和服务支出", TK_BASIC, 40), TK_BASIC, COL_TOTAL, b, 40);
}

Test(checks, sangong_against_basic_table_codes)
{
	basic_code("30231", "公务用车运行维护费", WAN(18, 88), WAN(26, 78));
	basic_code("30217", "公务接待费", WAN(0, 40), WAN(0, 40));
	struct node *sg = sec(SEC_SANGONG);
	struct node *car = add(sg, NODE_SANGONG, COL_CAR, "", "公务用车购置及运行费", TK_NONE, 0);
	struct node *run = add(car, NODE_SANGONG, COL_CAR_RUN, "", "公务用车运行费", TK_NONE, 0);
	fig(run, TK_SANGONG, COL_TOTAL, WAN(45, 68), 6);
	fig(add(sg, NODE_SANGONG, COL_RECEPTION, "", "公务接待费", TK_NONE, 0),
	    TK_SANGONG, COL_TOTAL, WAN(0, 80), 6);
	/* 30231 is two rows: 0.02 is rounding */
	const struct finding *f = only_finding();
	expect(f, SEV_NOTE, FIND_CROSS, run,
	       "三公经费表 公务用车运行费, Total 45.68 ≠ 基本支出表 30231 公务用车运行维护费, Total "
	       "45.66 (difference 0.02): rounding");
	expect_origins(f, at(TK_SANGONG, 6), at(TK_BASIC, 20));
}

Test(checks, sangong_empty_item_against_basic_table_code)
{
	basic_code("30217", "公务接待费", WAN(0, 40), WAN(0, 40));
	struct node *sg = sec(SEC_SANGONG);
	struct node *rec = add(sg, NODE_SANGONG, COL_RECEPTION, "", "公务接待费", TK_NONE, 0);
	at(TK_SANGONG, 1);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, rec,
	       "三公经费表 公务接待费, Total 0.00 ≠ 基本支出表 30217 公务接待费, Total 0.80 "
	       "(difference 0.80): discrepancy (-; 基本支出表.csv:20)");
}

Test(checks, targets_budget_against_department_totals)
{
	fig(D->node, TK_SUMMARY, COL_SPEND_ALL, WAN(17419, 4), 37);
	income_line(sec(SEC_INCOME), COL_GENERAL, "一般公共预算", WAN(17000, 0), 5);
	struct node *budget = add(sec(SEC_TARGETS), NODE_LEVEL, 0, "", "预算情况", TK_TARGETS, 7);
	fig(budget, TK_TARGETS, COL_TOTAL, WAN(17419, 4), 7);
	fig(budget, TK_TARGETS, COL_GOVBUDGET, WAN(17419, 4), 8);
	expect(only_finding(), SEV_WARNING, FIND_CROSS, budget,
	       "整体绩效目标表 预算情况, Government budget funds 17,419.04 ≠ 收支总表, sum of income "
	       "lines 17,000.00 (difference 419.04): discrepancy (整体绩效目标表.csv:8; 收支总表.csv:5)");
}

Test(checks, targets_budget_total_against_total_spending)
{
	fig(D->node, TK_SUMMARY, COL_SPEND_ALL, WAN(17419, 4), 37);
	struct node *budget = add(sec(SEC_TARGETS), NODE_LEVEL, 0, "", "预算情况", TK_TARGETS, 7);
	fig(budget, TK_TARGETS, COL_TOTAL, WAN(17419, 3), 7);
	expect(only_finding(), SEV_NOTE, FIND_CROSS, budget,
	       "整体绩效目标表 预算情况, Total 17,419.03 ≠ 收支总表, Total spending 17,419.04 "
	       "(difference 0.01): rounding");
}

/* ---- codes ---- */

static char tmpdir[64];

static struct classification *small_classification(void)
{
	strcpy(tmpdir, "/tmp/test_checks_XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
	char path[128];
	snprintf(path, sizeof path, "%s/classification.tsv", tmpdir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("# year: 2023\n"
	      "func\t208\t社会保障和就业支出\n"
	      "func\t20805\t行政事业单位养老支出\n"
	      "func\t2080501\t行政单位离退休\n"
	      "econ\t302\t商品和服务支出\n"
	      "econ\t30231\t公务用车运行维护费\n"
	      "gecon\t502\t机关商品和服务支出\n"
	      "gecon\t50208\t公务用车运行维护费\n", f);
	fclose(f);
	struct diags d;
	diags_init(&d);
	struct classification *c = classification_load(path, &d);
	cr_assert_not_null(c);
	cr_assert_eq(d.n, 0, "%s", d.n ? d.v[0].text : "");
	diags_free(&d);
	unlink(path);
	rmdir(tmpdir);
	return c;
}

static const struct finding *only_code_finding(void)
{
	struct classification *cls = small_classification();
	checks_run(&B, cls);
	classification_free(cls);
	cr_assert_eq(B.nfindings, 1, "expected one finding, got %zu:\n%s", B.nfindings,
	             findings());
	return &B.findings[0];
}

static struct node *func_chain(const char *item, const char *name)
{
	struct node *lei = add(sec(SEC_FUNC), NODE_FUNC, 1, "208", "社会保障和就业支出", TK_NONE, 0);
	struct node *kuan = add(lei, NODE_FUNC, 2, "20805", "行政事业单位养老支出", TK_NONE, 0);
	return add(kuan, NODE_FUNC, 3, item, name, TK_SPENDING, 10);
}

Test(checks, code_unknown)
{
	struct node *n = func_chain("2080599", "其他行政事业单位养老支出");
	const struct finding *f = only_code_finding();
	expect(f, SEV_WARNING, FIND_CODE, n,
	       "function classification code 2080599 '其他行政事业单位养老支出' is not in the "
	       "national classification (2023 edition)");
	expect_origins(f, at(TK_SPENDING, 10), (struct origin){0});
	cr_expect_not(n->flags & (NODE_F_DISCREPANCY | NODE_F_ROUNDING));
}

Test(checks, code_of_the_wrong_length)
{
	struct node *n = add(sec(SEC_FUNC), NODE_FUNC, 2, "2080", "养老", TK_SPENDING, 10);
	expect(only_code_finding(), SEV_WARNING, FIND_CODE, n,
	       "function classification code 2080 '养老' has the wrong number of digits (3, 5 or 7)");
}

Test(checks, code_named_otherwise)
{
	struct node *n = func_chain("2080501", "离退休");
	expect(only_code_finding(), SEV_WARNING, FIND_CODE, n,
	       "function classification code 2080501 is named '离退休' here but '行政单位离退休' in "
	       "the national classification; the published name is kept");
	cr_expect_str_eq(n->name, "离退休");
}

Test(checks, code_government_classes_use_their_own_scheme)
{
	struct node *lei = add(sec(SEC_ECON), NODE_ECON, 1, "302", "商品和服务支出", TK_NONE, 0);
	struct node *kuan = add(lei, NODE_ECON, 2, "30231", "公务用车运行维护费", TK_BASIC, 20);
	/* 50208 is known to the government scheme only; 50299 to neither */
	add(kuan, NODE_ECON, 3, "50208", "公务用车运行维护费", TK_BASIC, 20);
	struct node *g = add(kuan, NODE_ECON, 3, "50299", "其他商品和服务支出", TK_BASIC, 21);
	expect(only_code_finding(), SEV_WARNING, FIND_CODE, g,
	       "government economic classification code 50299 '其他商品和服务支出' is not in the "
	       "national classification (2023 edition)");
}

Test(checks, code_of_nodes_the_loader_named_is_not_checked)
{
	/* built for its children, named by the code alone */
	add(sec(SEC_FUNC), NODE_FUNC, 1, "299", "299", TK_NONE, 0);
	struct node *n = func_chain("2080501", "行政单位离退休");
	struct classification *cls = small_classification();
	checks_run(&B, cls);
	classification_free(cls);
	cr_expect_eq(B.nfindings, 0, "%s", findings());
	cr_expect_eq(n->flags, 0);
}

/* ---- the sample packages ---- */

static char *sample_path(const char *name)
{
	const char *top = getenv("top_srcdir");
	cr_assert(top && top[0], "top_srcdir is not set: run the tests with make check, or "
	                         "set top_srcdir to the source tree");
	char *p = NULL;
	cr_assert_neq(asprintf(&p, "%s/%s", top, name), -1);
	return p;
}

static struct classification *real_classification(void)
{
	char *path = sample_path("data/classification.tsv");
	struct diags d;
	diags_init(&d);
	struct classification *c = classification_load(path, &d);
	cr_assert_not_null(c, "cannot load %s", path);
	diags_free(&d);
	free(path);
	return c;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Loads one sample, runs the checks and returns the findings as sorted
 * lines "a-file:record | b-file:record | severity | text". */
static char **check_sample(struct budget *b, const char *name, size_t *n)
{
	char *dir = sample_path(name);
	struct classification *cls = real_classification();
	struct load_options o = { .encoding = ENC_AUTO, .cls = cls };
	budget_init(b);
	cr_assert_eq(load_paths(b, &dir, 1, &o), 1, "cannot load %s", dir);
	checks_run(b, cls);
	classification_free(cls);
	free(dir);
	char **lines = calloc(b->nfindings + 1, sizeof *lines);
	for (size_t i = 0; i < b->nfindings; i++) {
		const struct finding *f = &b->findings[i];
		char a_to[16] = "", b_to[16] = "";
		if (f->a_last)
			snprintf(a_to, sizeof a_to, "-%u", (unsigned)f->a_last);
		if (f->b_last)
			snprintf(b_to, sizeof b_to, "-%u", (unsigned)f->b_last);
		cr_assert_neq(asprintf(&lines[i], "%s:%u%s | %s:%u%s | %s | %s",
		                       f->a.file ? base(b->files[f->a.file].path) : "-",
		                       (unsigned)f->a.record, a_to,
		                       f->b.file ? base(b->files[f->b.file].path) : "-",
		                       (unsigned)f->b.record, b_to, severity_name(f->sev), f->text), -1);
	}
	qsort(lines, b->nfindings, sizeof *lines, cmp_str);
	*n = b->nfindings;
	return lines;
}

static void free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

Test(samples, xinxiang_has_no_finding)
{
	struct budget b;
	size_t n;
	char **lines = check_sample(&b, "data/samples/xinxiang-etdz-2023", &n);
	for (size_t i = 0; i < n; i++)
		cr_log_error("%s", lines[i]);
	cr_expect_eq(n, 0, "%zu findings", n);
	free_lines(lines, n);
	budget_free(&b);
}

/* The source disagreements of fixtures/README.md, each decided by the
 * rounding rule: all of them are 0.01 over several figures. */
Test(samples, zhumadian_has_the_known_disagreements)
{
	static const char *const expected[] = {
		"02 支出.csv:10 | 02 支出.csv:10 | note | 支出总表 2080501 行政单位离退休, Basic spending 156.47 ≠ "
		"Wages and benefits + Subsidies to individuals and families + Goods and services "
		"156.46 (difference 0.01): rounding",
		"02 支出.csv:23 | 02 支出.csv:23 | note | 支出总表 2050303 技校教育, Basic spending 5,868.04 ≠ "
		"Wages and benefits + Subsidies to individuals and families + Goods and services "
		"5,868.05 (difference 0.01): rounding",
		"02 支出.csv:7 | 02 支出.csv:9-23 | note | 支出总表 合计, Basic spending 14,537.49 ≠ sum of 项 "
		"14,537.48 (difference 0.01): rounding",
		"02 支出.csv:7 | 02 支出.csv:9-23 | note | 支出总表 合计, Total 17,419.04 ≠ sum of 项 17,419.03 "
		"(difference 0.01): rounding",
		"02 支出.csv:7 | 02 支出.csv:9-23 | note | 支出总表 合计, Wages and benefits 12,299.58 ≠ sum of "
		"项 12,299.57 (difference 0.01): rounding",
		"Sheet4.csv:10 | Sheet4.csv:10 | note | 一般公共预算支出表 2080501 行政单位离退休, Basic spending "
		"156.47 ≠ Wages and benefits + Subsidies to individuals and families + Goods and "
		"services 156.46 (difference 0.01): rounding",
		"Sheet4.csv:23 | Sheet4.csv:23 | note | 一般公共预算支出表 2050303 技校教育, Basic spending "
		"5,868.04 ≠ Wages and benefits + Subsidies to individuals and families + Goods and "
		"services 5,868.05 (difference 0.01): rounding",
		"Sheet4.csv:7 | Sheet4.csv:9-23 | note | 一般公共预算支出表 合计, Basic spending 14,537.49 ≠ sum "
		"of 项 14,537.48 (difference 0.01): rounding",
		"Sheet4.csv:7 | Sheet4.csv:9-23 | note | 一般公共预算支出表 合计, Total 17,419.04 ≠ sum of 项 "
		"17,419.03 (difference 0.01): rounding",
		"Sheet4.csv:7 | Sheet4.csv:9-23 | note | 一般公共预算支出表 合计, Wages and benefits 12,299.58 ≠ "
		"sum of 项 12,299.57 (difference 0.01): rounding",
		"财政拨款收支总体情况表.csv:17 | Sheet4.csv:13-18 | note | 财政拨款收支总表 210 卫生健康支出, General public "
		"budget 936.59 ≠ 一般公共预算支出表 210 卫生健康支出, Total (sum of 项) 936.58 (difference 0.01): "
		"rounding",
		"预算01表-部门收支预算表.csv:14 | 02 支出.csv:13-18 | note | 收支总表 210 卫生健康支出, Total 936.59 ≠ 支出总表 "
		"210 卫生健康支出, Total (sum of 项) 936.58 (difference 0.01): rounding",
		"预算06表.csv:11-66 | Sheet4.csv:7 | note | 基本支出表 302 商品和服务支出, Total (sum of 款) 1,599.45 "
		"≠ 一般公共预算支出表 合计, Goods and services 1,599.46 (difference 0.01): rounding",
		"预算06表.csv:18-62 | Sheet4.csv:7 | note | 基本支出表 303 对个人和家庭的补助, Total (sum of 款) 638.46 "
		"≠ 一般公共预算支出表 合计, Subsidies to individuals and families 638.45 (difference 0.01): "
		"rounding",
		"预算06表.csv:7 | 预算06表.csv:8-62 | note | 基本支出表 合计, Personnel 12,938.03 ≠ sum of 款 "
		"12,938.04 (difference 0.01): rounding",
		"预算06表.csv:7 | 预算06表.csv:11-66 | note | 基本支出表 合计, Public expenses 1,599.46 ≠ sum of 款 "
		"1,599.45 (difference 0.01): rounding",
	};
	size_t want = sizeof expected / sizeof *expected;
	const char **sorted = malloc(sizeof expected);
	memcpy(sorted, expected, sizeof expected);
	qsort(sorted, want, sizeof *sorted, cmp_str);

	struct budget b;
	size_t n;
	char **lines = check_sample(&b, "data/samples/zhumadian-2023", &n);
	for (size_t i = 0; i < n || i < want; i++)
		cr_expect_str_eq(i < n ? lines[i] : "(none)", i < want ? sorted[i] : "(none)",
		                 "finding %zu:\n got  %s\n want %s", i, i < n ? lines[i] : "(none)",
		                 i < want ? sorted[i] : "(none)");
	cr_expect_eq(n, want);
	for (size_t i = 0; i < b.nfindings; i++)
		cr_expect_eq(b.findings[i].sev, SEV_NOTE, "no discrepancy: %s", b.findings[i].text);
	free(sorted);
	free_lines(lines, n);
	budget_free(&b);
}

static uint64_t figures_hash(const struct node *n, uint64_t h)
{
	for (uint16_t i = 0; i < n->nfigs; i++) {
		const struct figure *f = &n->figs[i];
		h = h * 1099511628211u ^ (uint64_t)f->fen;
		h = h * 1099511628211u ^ ((uint64_t)f->table << 16 | (uint64_t)f->column << 8 | f->flags);
		h = h * 1099511628211u ^ ((uint64_t)f->file << 32 | f->record);
	}
	for (uint32_t i = 0; i < n->nkids; i++)
		h = figures_hash(n->kids[i], h);
	return h;
}

Test(samples, checks_never_change_a_figure)
{
	char *dir = sample_path("data/samples/zhumadian-2023");
	struct budget b;
	struct load_options o = { .encoding = ENC_AUTO, .cls = NULL };
	budget_init(&b);
	cr_assert_eq(load_paths(&b, &dir, 1, &o), 1);
	uint64_t before = figures_hash(b.root, 14695981039346656037u);
	checks_run(&b, NULL);
	cr_expect_gt(b.nfindings, 0);
	cr_expect_eq(figures_hash(b.root, 14695981039346656037u), before);
	free(dir);
	budget_free(&b);
}

/* Checking each department as the loader builds it (on every core) gives
 * the findings checks_run gives afterwards, in the same order. */
Test(samples, checking_while_loading_finds_the_same)
{
	char *dirs[] = { sample_path("data/samples/zhumadian-2023"),
	                 sample_path("data/samples/xinxiang-etdz-2023") };
	struct classification *cls = real_classification();
	struct budget after, during;
	struct load_options o = { .encoding = ENC_AUTO, .cls = cls };
	budget_init(&after);
	cr_assert_eq(load_paths(&after, dirs, 2, &o), 2);
	checks_run(&after, cls);
	o.check = true;
	budget_init(&during);
	cr_assert_eq(load_paths(&during, dirs, 2, &o), 2);
	cr_assert_gt(after.nfindings, 0);
	cr_assert_eq(during.nfindings, after.nfindings);
	for (size_t i = 0; i < after.nfindings; i++) {
		const struct finding *x = &after.findings[i], *y = &during.findings[i];
		cr_expect_str_eq(y->text, x->text, "finding %zu", i);
		cr_expect_eq(y->sev, x->sev);
		cr_expect_eq(y->a.file, x->a.file);
		cr_expect_eq(y->a.record, x->a.record);
		cr_expect_eq(y->b.record, x->b.record);
		cr_expect_str_eq(y->node->name, x->node->name);
		cr_expect_eq(y->node->flags, x->node->flags);
	}
	classification_free(cls);
	budget_free(&after);
	budget_free(&during);
	free(dirs[0]);
	free(dirs[1]);
}
