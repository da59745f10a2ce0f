#include "config.h"

#include "recognise.h"

#include <string.h>

/* Title words, most specific first: "一般公共预算基本支出表" must win over
 * "一般公共预算支出表", "财政拨款收支" over "收支", and the fund tables
 * over both (their titles may say 收入支出). */
static const struct {
	const char *word;
	enum table_kind kind;
} title_rules[] = {
	{ "整体绩效目标", TK_TARGETS },
	{ "整体支出绩效目标", TK_TARGETS },
	{ "绩效目标", TK_INDICATORS },
	{ "三公", TK_SANGONG },
	{ "财政拨款收支", TK_APPROP },
	{ "财政拨款收入支出", TK_APPROP },
	{ "政府性基金", TK_GOVFUND },
	{ "国有资本经营", TK_STATECAP },
	{ "收支", TK_SUMMARY },
	{ "收入支出", TK_SUMMARY },
	{ "收入", TK_INCOME },
	{ "基本支出", TK_BASIC },
	{ "经济分类", TK_ECON },
	{ "一般公共预算支出", TK_GENERAL },
	{ "一般公共预算财政拨款支出", TK_GENERAL },
	{ "项目支出", TK_PROJECTS },
	{ "支出", TK_SPENDING },
};

static bool header_has(const struct sheet *s, const char *word)
{
	for (size_t c = 0; c < s->npaths; c++)
		if (label_has(s->paths[c], word))
			return true;
	return false;
}

/* Sheets whose title was lost: the header alone tells most kinds. */
static enum table_kind by_header(const struct sheet *s)
{
	if (header_has(s, "三级指标") && header_has(s, "成本指标"))
		return TK_INDICATORS;
	if (header_has(s, "年度履职目标") || header_has(s, "年度主要任务"))
		return TK_TARGETS;
	if (header_has(s, "一级指标") && header_has(s, "三级指标"))
		return TK_INDICATORS;
	if (header_has(s, "公务接待"))
		return TK_SANGONG;
	if (header_has(s, "类型") && header_has(s, "项目名称"))
		return TK_PROJECTS;
	if (header_has(s, "经济分类") && header_has(s, "人员经费"))
		return TK_BASIC;
	if (header_has(s, "经济分类"))
		return TK_ECON;
	if (header_has(s, "基本支出") && header_has(s, "项目支出"))
		return TK_SPENDING;
	/* Income beside spending, each side with its 项目 column; spending
	 * split by fund makes it the appropriations table. */
	if (header_has(s, "收入") && header_has(s, "支出") && header_has(s, "项目"))
		return header_has(s, "一般公共预算") ? TK_APPROP : TK_SUMMARY;
	if (header_has(s, "事业收入") || header_has(s, "拨款收入"))
		return TK_INCOME;
	return TK_NONE;
}

enum table_kind recognise_sheet(const struct sheet *s)
{
	if (s->title) {
		char n[256];
		label_norm(s->title, n, sizeof n);
		for (size_t i = 0; i < sizeof title_rules / sizeof *title_rules; i++)
			if (strstr(n, title_rules[i].word))
				return title_rules[i].kind;
	}
	return by_header(s);
}
