#include "config.h"

#include "sheet.h"
#include "diag.h"
#include "records.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
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

TestSuite(sheet, .init = setup, .fini = teardown);

/* Parses CSV text into the sheet as the loader does. */
static void parse(const char *text)
{
	sheet_reset(&s, "t.csv", 1);
	cr_assert(csv_read(csv, text, strlen(text), ',', "t.csv", &diags, sheet_add_record, &s));
	cr_assert_eq(diags.n, 0, "CSV messages: %s", diags.n ? diags.v[0].text : "");
	sheet_finish(&s);
}

/* The row roles as one letter each: T title, H header, C 栏次, D data,
 * R repeated header, N note, B blank. */
static char *roles(void)
{
	static char buf[256];
	size_t i;
	for (i = 0; i < s.nrows && i + 1 < sizeof buf; i++)
		buf[i] = "THCDRNB"[s.rows[i].role];
	buf[i] = '\0';
	return buf;
}

/* The header paths joined by " | ". */
static char *paths(void)
{
	static char buf[2048];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t c = 0; c < s.npaths; c++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", c ? " | " : "", s.paths[c]);
	return buf;
}

Test(sheet, title_rows_give_form_title_dept_year_unit)
{
	parse("预算01表,,,\r\n"
	      "2023年部门收支预算表,,,\r\n"
	      "部门名称：驻马店市人力资源和社会保障局,,,单位：万元\r\n"
	      "收入,,支出,\r\n"
	      "项目,金额,项目,金额\r\n"
	      "一、一般公共预算,\"17,419.04\",一、一般公共服务,\r\n"
	      "注：报表金额单位转换时可能存在四舍五入尾数误差。,,,\r\n");
	cr_assert_str_eq(s.form, "预算01表");
	cr_assert_str_eq(s.title, "2023年部门收支预算表");
	cr_assert_str_eq(s.dept, "驻马店市人力资源和社会保障局");
	cr_assert_eq(s.year, 2023);
	cr_assert_eq(s.unit, UNIT_WAN);
	cr_assert_str_eq(roles(), "TTTHHDN");
	cr_assert_eq(s.header_first, 3);
	cr_assert_eq(s.header_rows, 2);
	cr_assert_str_eq(paths(), "收入/项目 | 收入/金额 | 支出/项目 | 支出/金额");
	cr_assert_eq(s.width, 4);
	cr_assert_eq(s.rows[5].record, 6);
	cr_assert_str_eq(sheet_cell(&s.rows[5], 1), "17,419.04");
	cr_assert_str_eq(sheet_cell(&s.rows[5], 3), "");
	cr_assert_str_eq(sheet_cell(&s.rows[5], 99), "");
}

Test(sheet, no_title_rows_at_all)
{
	parse("项目,金额\n一、一般公共预算,1.00\n");
	cr_assert_null(s.form);
	cr_assert_null(s.title);
	cr_assert_null(s.dept);
	cr_assert_eq(s.year, 0);
	cr_assert_eq(s.unit, UNIT_WAN);
	cr_assert_str_eq(roles(), "HD");
}

Test(sheet, unit_yuan_in_its_spellings)
{
	static const char *const rows[] = {
		"单位：元", "单位: 元", "单位:元", "金额单位：元", "单位 ： 元",
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char text[256];
		snprintf(text, sizeof text, "2023年部门支出预算表,,\n,,%s\n科目,名称,合计\n201,x,1.00\n",
		         rows[i]);
		parse(text);
		cr_assert_eq(s.unit, UNIT_YUAN, "%s", rows[i]);
		cr_assert_str_eq(roles(), "TTHD", "%s", rows[i]);
	}
	parse("2023年部门支出预算表,,\n,,单位：万元\n科目,名称,合计\n201,x,1.00\n");
	cr_assert_eq(s.unit, UNIT_WAN);
}

Test(sheet, unit_beside_the_header)
{
	parse("2023年部门支出预算表,,\n科目,合计,单位：元\n201,1.00,\n");
	cr_assert_eq(s.unit, UNIT_YUAN);
}

Test(sheet, dept_name_two_cells_on)
{
	/* As the xinxiang 基本支出表: ASCII colon, the name two cells on, the
	 * unit on the same row. */
	parse("2023年一般公共预算基本支出表,,,,,,\r\n"
	      "部门名称:,,新乡经济技术开发区管理委员会组织和人力资源社会保障局,,单位: 万元,,\r\n"
	      "部门预算支出经济分类科目,,政府预算支出经济分类科目编码,,本年一般公共预算基本支出,,\r\n"
	      "科目编码,科目名称,科目编码,科目名称,合计,人员经费,公用经费\r\n"
	      "合计,,,,722.64,684.20,38.44\r\n");
	cr_assert_str_eq(s.dept, "新乡经济技术开发区管理委员会组织和人力资源社会保障局");
	cr_assert_eq(s.unit, UNIT_WAN);
	cr_assert_str_eq(roles(), "TTHHD");
	cr_assert_str_eq(paths(),
	                 "部门预算支出经济分类科目/科目编码 | 部门预算支出经济分类科目/科目名称 | "
	                 "政府预算支出经济分类科目编码/科目编码 | 政府预算支出经济分类科目编码/科目名称 | "
	                 "本年一般公共预算基本支出/合计 | 本年一般公共预算基本支出/人员经费 | "
	                 "本年一般公共预算基本支出/公用经费");
}

Test(sheet, dept_name_after_a_full_width_colon_and_spaces)
{
	parse("2023年部门支出预算表,,\n部门名称：　 某某局,,\n科目,名称,合计\n");
	cr_assert_str_eq(s.dept, "某某局");
	parse("2023年部门支出预算表,,\n部门名称:,某某局,\n单位: 万元,,\n科目,名称,合计\n");
	cr_assert_str_eq(s.dept, "某某局");
	cr_assert_str_eq(roles(), "TTTH");
}

Test(sheet, three_merged_header_rows)
{
	/* The 支出总表 header as Excel exports it (xinxiang Sheet2). */
	parse("2023年部门支出总体情况表,,,,,,,,,,,,,\r\n"
	      "科目编码,,,单位代码,单位(科目名称),合计,基本支出,,,,,项目支出,,\r\n"
	      "类,款,项,,,,小计,人员经费,,公用经费,,小计,其他运转类,特定目标类\r\n"
	      ",,,,,,,工资福利支出,对个人和家庭的补助,商品和服务支出,资本性支出,,,\r\n"
	      ",,,,合计,2852.11,722.64,675.34,8.86,38.44,,2129.47,62.00,2067.47\r\n"
	      "201,32,1,,行政运行,627.30,585.30,546.86,,38.44,,42.00,42.00,\r\n");
	cr_assert_str_eq(roles(), "THHHDD");
	cr_assert_eq(s.header_rows, 3);
	cr_assert_str_eq(paths(),
	                 "科目编码/类 | 科目编码/款 | 科目编码/项 | 单位代码 | 单位(科目名称) | 合计 | "
	                 "基本支出/小计 | 基本支出/人员经费/工资福利支出 | "
	                 "基本支出/人员经费/对个人和家庭的补助 | 基本支出/公用经费/商品和服务支出 | "
	                 "基本支出/公用经费/资本性支出 | 项目支出/小计 | 项目支出/其他运转类 | "
	                 "项目支出/特定目标类");
	cr_assert_eq(s.seq_col, -1);
}

Test(sheet, header_labels_in_the_last_header_row)
{
	/* zhumadian Sheet4: 类/款/项 in the third header row. */
	parse("2023年一般公共预算支出预算表,,,,,,,,,,,,,\r\n"
	      "科目编码,,,单位代码,单位（科目名称）,合计,基本支出,,,,,项目支出,,\r\n"
	      ",,,,,,小计,人员经费,,公用经费,,小计,其他运转类,特定目标类\r\n"
	      "类,款,项,,,,,工资福利支出,对个人和家庭的补助,商品和服务支出,资本性支出,,,\r\n"
	      ",,,,合计,\"17,419.04\",1,1,1,1,,1,1,1\r\n");
	cr_assert_str_eq(paths(),
	                 "科目编码/类 | 科目编码/款 | 科目编码/项 | 单位代码 | 单位（科目名称） | 合计 | "
	                 "基本支出/小计 | 基本支出/人员经费/工资福利支出 | "
	                 "基本支出/人员经费/对个人和家庭的补助 | 基本支出/公用经费/商品和服务支出 | "
	                 "基本支出/公用经费/资本性支出 | 项目支出/小计 | 项目支出/其他运转类 | "
	                 "项目支出/特定目标类");
}

Test(sheet, one_header_row)
{
	parse("科目编码,科目名称,合计\n201,一般公共服务支出,1.00\n");
	cr_assert_eq(s.header_rows, 1);
	cr_assert_str_eq(paths(), "科目编码 | 科目名称 | 合计");
}

Test(sheet, seq_column_and_colnum_row)
{
	parse("2023年部门支出预算表,,,\n"
	      "序号,科目编码,科目名称,合计\n"
	      "栏次,1,2,3\n"
	      "1,201,一般公共服务支出,5.00\n"
	      "2,208,社会保障和就业支出,6.00\n");
	cr_assert_eq(s.seq_col, 0);
	cr_assert_str_eq(roles(), "THCDD");
	cr_assert_str_eq(paths(), "序号 | 科目编码 | 科目名称 | 合计");
}

Test(sheet, colnum_row_without_seq_column)
{
	parse("科目编码,科目名称,合计\n栏次,1,2\n201,x,5.00\n");
	cr_assert_eq(s.seq_col, -1);
	cr_assert_str_eq(roles(), "HCD");
	/* 栏次 in the label column, after empty code cells. */
	parse("序号,科目编码,科目名称,合计\n栏次,,,1\n1,201,x,5.00\n");
	cr_assert_str_eq(roles(), "HCD");
}

Test(sheet, header_repeated_after_a_page_break)
{
	parse("2023年部门支出预算表,,,\n"
	      "科目编码,科目名称,金额,\n"
	      ",,基本支出,项目支出\n"
	      "201,一般公共服务支出,1.00,2.00\n"
	      "科目编码,科目名称,金额,\n"
	      ",,基本支出,项目支出\n"
	      "208,社会保障和就业支出,3.00,4.00\n"
	      "科目 编码,科目名称,金额,\n"   /* spaced as PDF-made sheets are */
	      "210,卫生健康支出,5.00,6.00\n");
	cr_assert_str_eq(roles(), "THHDRRDRD");
	cr_assert_str_eq(paths(), "科目编码 | 科目名称 | 金额/基本支出 | 金额/项目支出");
}

Test(sheet, notes_after_the_data)
{
	parse("科目,合计\n201,1.00\n注：本表无数据。,\n备注：x,\n说明:y,\n附注1.z,\n注,见说明\n");
	cr_assert_str_eq(roles(), "HDNNNNN");
	/* Words that merely begin like a note are data. */
	parse("项目,合计\n说明书印刷费,1.00\n注册登记,2.00\n");
	cr_assert_str_eq(roles(), "HDD");
}

Test(sheet, blank_rows_anywhere)
{
	parse(",,\n2023年部门支出预算表,,\n,,\n科目,名称,合计\n,,\n201,x,1.00\n\n,,\n208,y,2.00\n");
	cr_assert_str_eq(roles(), "BTBHBDBD");
	cr_assert_eq(s.rows[5].record, 6);
	cr_assert_str_eq(paths(), "科目 | 名称 | 合计");
}

Test(sheet, empty_table_total_row_is_data)
{
	/* 政府性基金表 with nothing in it: header, 合计 row, note. */
	parse("2023年政府性基金支出预算表,,\n科目编码,科目名称,合计\n,合计,\n说明：本表无数据。,,\n");
	cr_assert_str_eq(roles(), "THDN");
}

Test(sheet, cells_are_trimmed_and_trailing_empties_dropped)
{
	parse("科目,名称,合计,,\n201,\"　 一般公共服务支出\xC2\xA0 \",1.00,,\n");
	cr_assert_eq(s.rows[1].ncells, 3);
	cr_assert_str_eq(s.rows[1].cells[1], "一般公共服务支出");
	cr_assert_eq(s.width, 3);
}

Test(sheet, nul_in_a_cell_is_shown_as_replacement)
{
	static const char text[] = "科目,名称\n201,a\0b\n";
	sheet_reset(&s, "t.csv", 1);
	csv_read(csv, text, sizeof text - 1, ',', "t.csv", &diags, sheet_add_record, &s);
	sheet_finish(&s);
	cr_assert_str_eq(s.rows[1].cells[1], "a\xEF\xBF\xBD" "b");
}

Test(sheet, data_row_with_only_labels_after_the_header_limit)
{
	/* At most three header rows: a fourth label row is data. */
	parse("a,b\nc,d\ne,f\ng,h\n1,2\n");
	cr_assert_str_eq(roles(), "HHHDD");
}

Test(sheet, reset_keeps_nothing_of_the_previous_file)
{
	parse("预算01表,\n2023年部门收支预算表,\n单位：元,\n项目,金额\n");
	sheet_reset(&s, "u.csv", 2);
	cr_assert_null(s.title);
	cr_assert_null(s.form);
	cr_assert_eq(s.nrows, 0);
	cr_assert_eq(s.unit, UNIT_WAN);
	cr_assert_eq(s.seq_col, -1);
	cr_assert_str_eq(s.file, "u.csv");
	cr_assert_eq(s.file_index, 2);
}

/* --- labels ------------------------------------------------------------ */

static const char *norm(const char *in)
{
	static char out[256];
	label_norm(in, out, sizeof out);
	return out;
}

Test(label, norm_drops_what_exports_vary_in)
{
	cr_assert_str_eq(norm("一、一般公共预算"), "一般公共预算");
	cr_assert_str_eq(norm("（一）一般公共服务支出"), "一般公共服务支出");
	cr_assert_str_eq(norm("(十七) 其他支出"), "其他支出");
	cr_assert_str_eq(norm("(3) 单位资金"), "单位资金");
	cr_assert_str_eq(norm("1、资金来源"), "资金来源");
	cr_assert_str_eq(norm("2. 资金结构"), "资金结构");
	cr_assert_str_eq(norm("其中：财政拨款"), "财政拨款");
	cr_assert_str_eq(norm("其中:财政拨款"), "财政拨款");
	cr_assert_str_eq(norm("  其中 财政拨款"), "财政拨款");
	cr_assert_str_eq(norm("项 目"), "项目");
	cr_assert_str_eq(norm("合　计"), "合计");
	cr_assert_str_eq(norm("收入合计:"), "收入合计");
	cr_assert_str_eq(norm("因公出国（境）费"), "因公出国(境)费");
	cr_assert_str_eq(norm("“三公”经费合计"), "三公经费合计");
	cr_assert_str_eq(norm("\"三公\"经费"), "三公经费");
	cr_assert_str_eq(norm("单位：万元"), "单位:万元");
	cr_assert_str_eq(norm(""), "");
}

Test(label, norm_keeps_numbers_that_are_not_numbering)
{
	cr_assert_str_eq(norm("2023年部门收支预算表"), "2023年部门收支预算表");
	cr_assert_str_eq(norm("12.5"), "12.5");
	cr_assert_str_eq(norm("208"), "208");
	cr_assert_str_eq(norm("十大工程"), "十大工程");
}

Test(label, norm_respects_the_buffer)
{
	char out[8];
	label_norm("一般公共预算", out, sizeof out);
	cr_assert_eq(strlen(out), 7);
	cr_assert_eq(memcmp(out, "一般", 6), 0);
	char big[600];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	char o2[1024];
	label_norm(big, o2, sizeof o2);   /* longer than the work buffer */
	cr_assert_gt(strlen(o2), 200);
}

Test(label, is_has_and_leaf)
{
	static const char *const total[] = { "合计", "总计", NULL };
	cr_assert(label_is("合 计", total));
	cr_assert(label_is("总计：", total));
	cr_assert_not(label_is("合计数", total));
	cr_assert_not(label_is("", total));
	cr_assert(label_is("（二）栏次", (const char *const[]){ "序号", "栏次", NULL }));
	cr_assert(label_is("\"ITEM\"", (const char *const[]){ "合计", "ITEM", NULL }));
	cr_assert(label_has("本年一般公共预算基本支出", "基本支出"));
	cr_assert_not(label_has("项目支出", "基本"));
	cr_assert_not(label_has("", "基本"));
	cr_assert_str_eq(path_leaf("基本支出/人员经费/工资福利支出"), "工资福利支出");
	cr_assert_str_eq(path_leaf("合计"), "合计");
}

Test(label, cell_is_number)
{
	cr_assert(cell_is_number("17,419.04"));
	cr_assert(cell_is_number("0.00"));
	cr_assert(cell_is_number("208"));
	cr_assert_not(cell_is_number(""));
	cr_assert_not(cell_is_number("合计"));
	cr_assert_not(cell_is_number("-"));
	cr_assert_not(cell_is_number("12.3.4"));
}

Test(sheet, dept_name_that_holds_the_word_unit)
{
	parse("2023年部门支出预算表,,,,\n"
	      "部门名称:,,某某事业单位,,单位: 万元\n"
	      "科目编码,科目名称,合计,,\n");
	cr_assert_str_eq(s.dept, "某某事业单位");
	cr_assert_eq(s.unit, UNIT_WAN);
}

Test(sheet, blank_row_inside_the_header)
{
	parse("2023年部门支出预算表,,\n"
	      "科目编码,金额,\n"
	      ",,\n"
	      ",基本支出,项目支出\n"
	      "201,1.00,2.00\n");
	cr_assert_str_eq(roles(), "THBHD");
	cr_assert_str_eq(paths(), "科目编码 | 金额/基本支出 | 金额/项目支出");
}

Test(sheet, numbered_line_without_figures_is_data)
{
	/* A self-funded unit: the first income line has no figure. */
	parse("收入,,支出,\n"
	      "项目,金额,项目,金额\n"
	      "一、一般公共预算,,一、一般公共服务,\n"
	      "二、事业收入,5.00,二、外交,\n");
	cr_assert_str_eq(roles(), "HHDD");
	cr_assert_str_eq(paths(), "收入/项目 | 收入/金额 | 支出/项目 | 支出/金额");
	parse("项目,金额\n（一）一般公共服务支出,\n(二) 外交支出,\n1、资金来源,\n");
	cr_assert_str_eq(roles(), "HDDD");
}
