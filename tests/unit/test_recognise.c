#include "config.h"

#include "recognise.h"
#include "diag.h"
#include "records.h"
#include "sheet.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static struct sheet s;
static struct diags diags;
static struct csv_reader *csv;

static void setup(void)
{
	csv = csv_reader_new();
	diags_init(&diags);
	sheet_init(&s, "t.csv", 1);
}

static void teardown(void)
{
	sheet_free(&s);
	diags_free(&diags);
	csv_reader_free(csv);
}

TestSuite(recognise, .init = setup, .fini = teardown);

static enum table_kind kind_of(const char *text)
{
	sheet_reset(&s, "t.csv", 1);
	cr_assert(csv_read(csv, text, strlen(text), ',', "t.csv", &diags, sheet_add_record, &s));
	sheet_finish(&s);
	return recognise_sheet(&s);
}

/* A sheet with this title over a header that tells nothing by itself. */
static enum table_kind kind_of_title(const char *title)
{
	/* The title quoted as a CSV cell. */
	char text[512] = "\"";
	size_t o = 1;
	for (const char *p = title; *p && o < 200; p++) {
		if (*p == '"')
			text[o++] = '"';
		text[o++] = *p;
	}
	snprintf(text + o, sizeof text - o,
	         "\",,\n部门名称：某局,,单位：万元\n项目,说明,金额\nx,y,1.00\n");
	enum table_kind k = kind_of(text);
	cr_assert_str_eq(s.title, title);
	return k;
}

static const struct {
	const char *title;
	enum table_kind kind;
} titles[] = {
	/* Every title variant of FORMATS.md, with and without the year. */
	{ "部门收支预算表", TK_SUMMARY },
	{ "2023年部门收支预算表", TK_SUMMARY },
	{ "2023年部门收支总体情况表", TK_SUMMARY },
	{ "部门预算收支总表", TK_SUMMARY },
	{ "2023年部门收入预算表", TK_INCOME },
	{ "部门预算收入总表", TK_INCOME },
	{ "2023年部门支出预算表", TK_SPENDING },
	{ "2023年部门支出总体情况表", TK_SPENDING },
	{ "部门预算支出总表", TK_SPENDING },
	{ "2023年财政拨款收支总体情况表", TK_APPROP },
	{ "部门预算财政拨款收支总表", TK_APPROP },
	{ "2023年一般公共预算支出预算表", TK_GENERAL },
	{ "2023年一般公共预算支出情况表", TK_GENERAL },
	{ "2023年一般公共预算基本支出表", TK_BASIC },
	{ "2023年支出经济分类汇总表", TK_ECON },
	{ "部门支出经济分类汇总表", TK_ECON },
	{ "2023年一般公共预算“三公”经费预算表", TK_SANGONG },
	{ "2023年一般公共预算\"三公\"经费支出情况表", TK_SANGONG },
	{ "2023年政府性基金支出预算表", TK_GOVFUND },
	{ "2023年政府性基金预算支出情况表", TK_GOVFUND },
	{ "政府性基金预算支出预算表", TK_GOVFUND },
	{ "政府性基金支出情况表", TK_GOVFUND },
	{ "2023年国有资本经营预算支出预算表", TK_STATECAP },
	{ "2023年项目支出预算表", TK_PROJECTS },
	{ "2023年项目支出表", TK_PROJECTS },
	{ "部门(单位)整体绩效目标表", TK_TARGETS },
	{ "本级部门（单位）整体绩效目标表", TK_TARGETS },
	{ "2023年部门整体支出绩效目标表", TK_TARGETS },
	{ "2023年部门预算项目绩效目标汇总表", TK_INDICATORS },
	{ "2023年度部门预算项目绩效目标表", TK_INDICATORS },
	{ "《社区服务收支管理》绩效目标表", TK_INDICATORS },
	{ "1、示例项目经费绩效目标表", TK_INDICATORS },
	/* Other provinces' words for the same tables. */
	{ "2023年部门收入支出预算总表", TK_SUMMARY },
	{ "2023年财政拨款收入支出预算总表", TK_APPROP },
	{ "2023年政府性基金预算收入支出预算表", TK_GOVFUND },
	{ "2023年一般公共预算财政拨款支出预算表", TK_GENERAL },
	{ "2023年一般公共预算财政拨款基本支出预算表", TK_BASIC },
	/* Spaced as PDF-made sheets are. */
	{ "2023 年 部 门 支 出 预 算 表", TK_SPENDING },
};

Test(recognise, every_title_variant)
{
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
		cr_expect_eq(kind_of_title(titles[i].title), titles[i].kind, "%s: got %s",
		             titles[i].title, table_kind_name(kind_of_title(titles[i].title)));
}

Test(recognise, form_number_above_the_title)
{
	cr_assert_eq(kind_of("预算06表,,\n2023年一般公共预算基本支出表,,\n科目编码,科目名称,合计\n"),
	             TK_BASIC);
	cr_assert_str_eq(s.form, "预算06表");
}

Test(recognise, file_name_means_nothing)
{
	/* The same content under any name; the sheet's name is never read. */
	sheet_reset(&s, "预算01表-部门收支预算表.csv", 1);
	const char *text = "2023年项目支出预算表,,\n类型,项目名称,合计\n";
	csv_read(csv, text, strlen(text), ',', s.file, &diags, sheet_add_record, &s);
	sheet_finish(&s);
	cr_assert_eq(recognise_sheet(&s), TK_PROJECTS);
}

/* --- without a title: the header alone ------------------------------- */

Test(recognise, header_only_summary_and_appropriations)
{
	cr_assert_eq(kind_of("收入,,支出,\n项目,金额,项目,金额\n一、一般公共预算,1.00,一、一般公共服务,1.00\n"),
	             TK_SUMMARY);
	cr_assert_eq(kind_of("收入项目,金额,支出项目,金额\n一、一般公共预算,1.00,一、一般公共服务,1.00\n"),
	             TK_SUMMARY);
	cr_assert_eq(kind_of("收入,,支出,,,,,\n"
	                     "项目,金额,项目,合计,一般公共预算,,政府性基金,国有资本经营预算\n"
	                     ",,,,小计,其中：财政拨款,,\n"
	                     "一、本年收入,1.00,一、本年支出,1.00,1.00,1.00,,\n"),
	             TK_APPROP);
}

Test(recognise, header_only_income)
{
	cr_assert_eq(kind_of("单位代码,单位名称,合计,上年结转结余,一般公共预算拨款收入,事业收入,其他收入\n"
	                     "028,某局,1.00,,1.00,,\n"),
	             TK_INCOME);
}

Test(recognise, header_only_spending)
{
	cr_assert_eq(kind_of("科目编码,,,单位代码,单位（科目名称）,合计,基本支出,,,,,项目支出,,\n"
	                     "类,款,项,,,,小计,人员经费,,公用经费,,小计,其他运转类,特定目标类\n"
	                     ",,,,,,,工资福利支出,对个人和家庭的补助,商品和服务支出,资本性支出,,,\n"
	                     ",,,,合计,1.00,1.00,1.00,,,,,,\n"),
	             TK_SPENDING);
}

Test(recognise, header_only_basic_and_econ)
{
	cr_assert_eq(kind_of("部门预算支出经济分类科目,,政府预算支出经济分类科目编码,,本年一般公共预算基本支出,,\n"
	                     "科目编码,科目名称,科目编码,科目名称,合计,人员经费,公用经费\n"
	                     "合计,,,,1.00,1.00,\n"),
	             TK_BASIC);
	cr_assert_eq(kind_of("部门预算支出经济分类科目,,合计,一般公共预算,政府性基金预算\n"
	                     "科目编码,科目名称,,,\n"
	                     "301,工资福利支出,1.00,1.00,\n"),
	             TK_ECON);
}

Test(recognise, header_only_sangong)
{
	cr_assert_eq(kind_of("“三公”经费合计,因公出国（境）费,公务用车购置及运行费,,,公务接待费\n"
	                     ",,小计,公务用车购置费,公务用车运行费,\n"
	                     "46.48,,45.68,,45.68,0.80\n"),
	             TK_SANGONG);
}

Test(recognise, header_only_projects)
{
	cr_assert_eq(kind_of("类型,项目名称,项目单位,合计,本年拨款\n"
	                     ",,,,一般公共预算\n"
	                     "其他运转类,某项目,某局,1.00,1.00\n"),
	             TK_PROJECTS);
}

Test(recognise, header_only_targets)
{
	cr_assert_eq(kind_of("部门（单位）名称,,某局,,\n"
	                     "年度履职目标,组织开展工作。,,,\n"
	                     "年度主要任务,任务名称,主要内容,,\n"
	                     ",1. 薪酬管理,工资表核定。,,\n"
	                     "预算情况,部门预算总额（万元）,,2852.11,\n"),
	             TK_TARGETS);
}

Test(recognise, header_only_project_indicators_both_layouts)
{
	cr_assert_eq(kind_of("单位编码（项目编码）,项目单位（项目名称）,项目金额（万元）,,,,绩效目标,,,,,,,\n"
	                     ",,资金总额,政府预算资金,财政专户管理资金,单位资金,成本指标,,产出指标,,效益指标,,满意度指标,\n"
	                     ",,,,,,三级指标,指标值,三级指标,指标值,三级指标,指标值,三级指标,指标值\n"
	                     "028,,1.00,1.00,,,,,,,,,,\n"),
	             TK_INDICATORS);
	cr_assert_eq(kind_of("一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n"
	                     "产出指标,数量指标,服务人数,服务人数,≥3000人,年度工作计划\n"),
	             TK_INDICATORS);
}

Test(recognise, unknown_sheets)
{
	cr_assert_eq(kind_of("2023年政府采购预算表,,\n项目,品目,金额\nx,y,1.00\n"), TK_NONE);
	cr_assert_eq(kind_of("姓名,电话\n张三,123\n"), TK_NONE);
	cr_assert_eq(kind_of(""), TK_NONE);
	cr_assert_eq(kind_of(",,\n,,\n"), TK_NONE);
}
