#include "config.h"

#include "indicator.h"

#include <criterion/criterion.h>
#include <string.h>

/* Expects s to be a measured value and checks every field. */
static void measured(const char *s, enum ind_cmp cmp, int64_t number,
                     int scale, const char *unit, bool approx)
{
	struct ind_value v;

	memset(&v, 0x5A, sizeof v);
	ind_value_parse(s, &v);
	cr_assert(v.has_number, "\"%s\"", s);
	cr_assert_eq(v.cmp, cmp, "\"%s\": cmp %d", s, v.cmp);
	cr_assert_eq(v.number, number, "\"%s\": number %lld", s, (long long)v.number);
	cr_assert_eq(v.scale, scale, "\"%s\": scale %d", s, v.scale);
	cr_assert_str_eq(v.unit, unit, "\"%s\"", s);
	cr_assert_eq(v.approx, approx, "\"%s\"", s);
}

static void not_measured(const char *s)
{
	struct ind_value v, zero;

	memset(&zero, 0, sizeof zero);
	memset(&v, 0x5A, sizeof v);
	ind_value_parse(s, &v);
	cr_assert_not(v.has_number, "\"%s\" gave %lld", s, (long long)v.number);
	cr_assert_eq(v.cmp, CMP_NONE, "\"%s\"", s);
	cr_assert_not(v.approx, "\"%s\"", s);
	cr_assert_str_eq(v.unit, "", "\"%s\"", s);
	cr_assert_eq(v.number, 0);
	cr_assert_eq(v.scale, 0);
}

static const char *shown(const char *s)
{
	static char buf[IND_VALUE_FMT_SIZE];
	struct ind_value v;

	ind_value_parse(s, &v);
	ind_value_format(&v, buf, sizeof buf);
	return buf;
}

Test(ind_value_parse, comparisons)
{
	measured("≥90%", CMP_GE, 90, 0, "%", false);
	measured("≤57500元", CMP_LE, 57500, 0, "元", false);
	measured(">100%", CMP_GT, 100, 0, "%", false);
	measured("<5天", CMP_LT, 5, 0, "天", false);
	measured(">=90%", CMP_GE, 90, 0, "%", false);
	measured("<=10%", CMP_LE, 10, 0, "%", false);
	measured("=100%", CMP_EQ, 100, 0, "%", false);
	measured("＞80%", CMP_GT, 80, 0, "%", false);
	measured("＜3次", CMP_LT, 3, 0, "次", false);
	measured("＞＝95%", CMP_GE, 95, 0, "%", false);
	measured("≧90%", CMP_GE, 90, 0, "%", false);
	measured("≦10%", CMP_LE, 10, 0, "%", false);
	measured("≥3%", CMP_GE, 3, 0, "%", false);
	measured("不低于95%", CMP_GE, 95, 0, "%", false);
	measured("不超过100万元", CMP_LE, 100, 0, "万元", false);
	measured("低于5%", CMP_LT, 5, 0, "%", false);
	measured("90%以上", CMP_GE, 90, 0, "%", false);
	measured("5 个工作日以内", CMP_LE, 5, 0, "个工作日", false);
	measured("3 以下", CMP_LE, 3, 0, "", false);
}

Test(ind_value_parse, numbers_and_units)
{
	measured("12", CMP_EQ, 12, 0, "", false);
	measured("12 月", CMP_EQ, 12, 0, "月", false);
	measured("100.00%", CMP_EQ, 10000, 2, "%", false);
	measured("≥10000 人", CMP_GE, 10000, 0, "人", false);
	measured("≤100 万元", CMP_LE, 100, 0, "万元", false);
	measured("6000元/人", CMP_EQ, 6000, 0, "元/人", false);
	measured("≥3000人", CMP_GE, 3000, 0, "人", false);
	measured("≥1,000人次", CMP_GE, 1000, 0, "人次", false);
	measured("0.5 km", CMP_EQ, 5, 1, "km", false);
	measured("-5%", CMP_EQ, -5, 0, "%", false);
	measured("≥ 0.05", CMP_GE, 5, 2, "", false);
	measured("  ≥90%  ", CMP_GE, 90, 0, "%", false);
	measured("999999999999999", CMP_EQ, INT64_C(999999999999999), 0, "", false);
}

Test(ind_value_parse, approximate)
{
	measured("约 79%", CMP_EQ, 79, 0, "%", true);
	measured("约79%", CMP_EQ, 79, 0, "%", true);
	measured("≈79%", CMP_EQ, 79, 0, "%", true);
	measured("约≥2000人", CMP_GE, 2000, 0, "人", true);
}

Test(ind_value_parse, full_width)
{
	measured("≥９０％", CMP_GE, 90, 0, "%", false);
	measured("１２．５　元／人", CMP_EQ, 125, 1, "元/人", false);
	measured("\xE3\x80\x80≥90%\xE3\x80\x80", CMP_GE, 90, 0, "%", false);
}

Test(ind_value_parse, text_is_not_a_measurement)
{
	not_measured("");
	not_measured("及时");
	not_measured("有效提高");
	not_measured("有效提升");
	not_measured("全年");
	not_measured("提高");
	not_measured("每年 1-12 月");
	not_measured("1-12月");
	not_measured("1～12月");
	not_measured("2023123120231231");
	not_measured("1234567890123456");
	not_measured("2023年12月31日前");
	not_measured("≥");
	not_measured("约");
	not_measured("≥良好");
	not_measured("1.2E+3");
	not_measured("12.3.4");
	not_measured("-");
	not_measured("100%完成年度目标任务并通过验收考核");  /* unit > 31 bytes */
	not_measured("12\x01天");
	not_measured("12\xFF");
	not_measured("1,23人");
}

Test(ind_value_parse, unit_length_limit)
{
	/* 31 bytes fit, 32 do not. */
	measured("5 abcdefghijklmnopqrstuvwxyzabcde", CMP_EQ, 5, 0,
	         "abcdefghijklmnopqrstuvwxyzabcde", false);
	not_measured("5 abcdefghijklmnopqrstuvwxyzabcdef");
	measured("5 a十个汉字的单位名称啊", CMP_EQ, 5, 0, "a十个汉字的单位名称啊", false);
	not_measured("5 ab十个汉字的单位名称啊");
}

Test(ind_value_format, for_the_detail_screen)
{
	cr_assert_str_eq(shown("≥90%"), "≥ 90 %");
	cr_assert_str_eq(shown("≥９０％"), "≥ 90 %");
	cr_assert_str_eq(shown("≤57500元"), "≤ 57500 元");
	cr_assert_str_eq(shown(">100%"), "> 100 %");
	cr_assert_str_eq(shown("<=10%"), "≤ 10 %");
	cr_assert_str_eq(shown("＜3次"), "< 3 次");
	cr_assert_str_eq(shown("12"), "12");
	cr_assert_str_eq(shown("12 月"), "12 月");
	cr_assert_str_eq(shown("100.00%"), "100.00 %");
	cr_assert_str_eq(shown("0.05"), "0.05");
	cr_assert_str_eq(shown("-0.5%"), "-0.5 %");
	cr_assert_str_eq(shown("约 79%"), "≈ 79 %");
	cr_assert_str_eq(shown("6000元/人"), "6000 元/人");
	cr_assert_str_eq(shown("及时"), "");
}

Test(ind_value_format, truncates_safely)
{
	struct ind_value v;
	char buf[4];

	ind_value_parse("≥90%", &v);
	ind_value_format(&v, buf, sizeof buf);
	cr_assert_str_eq(buf, "≥");
	ind_value_format(&v, buf, 0);   /* writes nothing */
}
