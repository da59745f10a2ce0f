#include "config.h"

#include "tui/tui.h"
#include "tui/screen.h"
#include "budget.h"
#include "keys.h"
#include "settings.h"
#include "text.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- a small budget built by hand ---- */


static struct origin at(uint32_t file, uint32_t record)
{
	return (struct origin){ file, record };
}

/* w.ff 万元 in 分 */
#define WAN(w, ff) ((int64_t)(w) * 1000000 + (int64_t)(ff) * 10000)

static struct node *section(struct budget *b, struct department *d, enum section s,
                            const char *name)
{
	struct node *n = node_new(b, d->node, NODE_SECTION, "", name, at(0, 0));

	n->sub = (uint8_t)s;
	d->sections[s] = n;
	return n;
}

static struct node *func(struct budget *b, struct node *up, int level, const char *code,
                         const char *name, uint32_t rec, int64_t total, int64_t basic,
                         int64_t project)
{
	struct node *n = node_new(b, up, NODE_FUNC, code, name, at(1, rec));

	n->sub = (uint8_t)level;
	node_add_figure(b, n, TK_SPENDING, COL_TOTAL, total, at(1, rec));
	if (basic >= 0)
		node_add_figure(b, n, TK_SPENDING, COL_BASIC, basic, at(1, rec));
	node_add_figure(b, n, TK_SPENDING, COL_PROJECT, project, at(1, rec));
	return n;
}

static void indicator(struct budget *b, struct node *group, const char *name,
                      const char *value, const char *level2, uint32_t rec)
{
	struct node *n = node_new(b, group, NODE_INDICATOR, "", name, at(3, rec));

	node_set_text(b, n, value, level2);
}

/* A department with its seven sections, a 类→款→项 chain, a unit with two
 * projects, one with the four indicator groups, and two findings. */
static void build(struct budget *b, const char *dept_name, const char *project_name)
{
	static const char *const groups[] = { "成本指标", "产出指标", "效益指标", "满意度指标" };
	struct department *d;
	struct node *fs, *units, *c208, *c20801, *unit, *p, *p2, *g[4];
	uint32_t f1, f3;

	budget_init(b);
	f1 = budget_add_file(b, "pkg/02 支出.csv");
	budget_add_file(b, "pkg/xmzc.csv");
	f3 = budget_add_file(b, "pkg/10_项目绩效.csv");
	d = budget_add_department(b, "pkg");
	d->name = dept_name;
	d->node = node_new(b, NULL, NODE_DEPARTMENT, "028", dept_name, at(0, 0));
	d->node->u.dept = d;
	b->root = d->node;
	for (uint32_t f = f1; f <= f3; f++) {
		b->files[f].enc = f == f1 ? ENC_GB18030 : ENC_UTF8;
		b->files[f].dept = d;
	}
	node_add_figure(b, d->node, TK_SUMMARY, COL_SPEND_ALL, WAN(17419, 4), at(1, 3));
	section(b, d, SEC_INCOME, "收入");
	fs = section(b, d, SEC_FUNC, "支出（功能分类）");
	section(b, d, SEC_ECON, "支出（经济分类）");
	units = section(b, d, SEC_UNITS, "单位与项目");
	section(b, d, SEC_SANGONG, "三公经费");
	section(b, d, SEC_TARGETS, "整体绩效目标");
	section(b, d, SEC_FINDINGS, "核对结果");
	node_add_figure(b, fs, TK_SPENDING, COL_TOTAL, WAN(17419, 4), at(1, 7));
	node_add_figure(b, fs, TK_SPENDING, COL_BASIC, WAN(10000, 0), at(1, 7));
	node_add_figure(b, fs, TK_SPENDING, COL_PROJECT, WAN(7419, 4), at(1, 7));
	c208 = func(b, fs, 1, "208", "社会保障和就业支出", 8, WAN(12419, 4), WAN(9000, 0),
	            WAN(3419, 4));
	func(b, fs, 1, "201", "一般公共服务支出", 12, WAN(3000, 0), WAN(1000, 0), WAN(2000, 0));
	func(b, fs, 1, "221", "住房保障支出", 14, WAN(2000, 0), -1, WAN(2000, 0))->flags =
		NODE_F_UNREADABLE;
	c20801 = func(b, c208, 2, "20801", "人力资源和社会保障管理事务", 9, WAN(12419, 0),
	              WAN(9000, 0), WAN(3419, 0));
	func(b, c20801, 3, "2080101", "行政运行", 10, WAN(9000, 0), WAN(9000, 0), 0);
	func(b, c20801, 3, "2080109", "社会保险经办机构", 11, WAN(3419, 0), 0, WAN(3419, 0));
	budget_add_finding(b, SEV_WARNING, FIND_SUM, c208, at(1, 8), at(1, 9), WAN(12419, 4),
	                   WAN(12419, 0), "208 is 12,419.04 but its parts add up to 12,419.00");

	unit = node_new(b, units, NODE_UNIT, "028001", "驻马店市人力资源和社会保障局", at(2, 5));
	node_add_figure(b, unit, TK_PROJECTS, COL_TOTAL, WAN(685, 0), at(2, 5));
	p = node_new(b, unit, NODE_PROJECT, "411700230000000018947", project_name, at(2, 6));
	p->sub = PT_SPECIFIC;
	node_add_figure(b, p, TK_PROJECTS, COL_TOTAL, WAN(5, 75), at(2, 6));
	node_add_figure(b, p, TK_PROJECTS, COL_GOVBUDGET, WAN(5, 75), at(2, 6));
	p2 = node_new(b, unit, NODE_PROJECT, "411700230000000018931", "公益性岗位补贴", at(2, 7));
	p2->sub = PT_OPERATING;
	node_add_figure(b, p2, TK_PROJECTS, COL_TOTAL, WAN(679, 25), at(2, 7));
	for (int i = 0; i < 4; i++) {
		g[i] = node_new(b, p, NODE_GROUP, "", groups[i], at(f3, 4));
		g[i]->sub = (uint8_t)i;
	}
	indicator(b, g[0], "开展活动成本", "≤57500元", "经济成本指标", 4);
	indicator(b, g[1], "参加比赛人数", "≥40人", "数量指标", 4);
	indicator(b, g[1], "遴选参加省赛人数", "≥8人", "数量指标", 5);
	indicator(b, g[2], "提升职业技能水平", "有效提升", "社会效益指标", 4);
	indicator(b, g[3], "满意度", "≥90%", "服务对象满意度指标", 4);
	budget_add_finding(b, SEV_NOTE, FIND_CROSS, p, at(2, 6), at(1, 10), WAN(5, 75),
	                   WAN(5, 74), "project total differs from the spending table by 0.01");
}

/* ---- running the browser headless ---- */

static void use_locale(const char *name)
{
	if (!setlocale(LC_ALL, name))
		cr_assert_fail("locale %s is missing: add it to /etc/locale.gen and "
		               "run locale-gen (Debian package: locales)", name);
}

static int run(struct budget *b, struct tui_options *o, char **screen)
{
	struct settings s;
	size_t len = 0;
	FILE *out = open_memstream(screen, &len);
	int rc;

	cr_assert(out);
	settings_defaults(&s);
	o->headless = true;
	o->out = out;
	rc = tui_run(b, &s, o);
	fclose(out);
	return rc;
}

/* The screen after keys on the sample budget, in C.UTF-8. */
static char *screen_of(const char *keys, int cols, int rows)
{
	struct budget b;
	struct tui_options o = { .keys = keys, .cols = cols, .rows = rows };
	char *got = NULL;

	use_locale("C.UTF-8");
	build(&b, "测试局", "家庭服务业职业技能大赛活动经费");
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	return got;
}

/* top lines, blank lines down to the bottom lines, then the bottom
 * lines (the status row, and what is above it when status holds line
 * breaks). */
static void assert_screen(char *got, int rows, const char *top, const char *status)
{
	size_t n = 1;
	char *want;

	for (const char *p = top; *p; p++)
		n += *p == '\n';
	for (const char *p = status; *p; p++)
		n += *p == '\n';
	cr_assert_leq(n, (size_t)rows);
	want = malloc(strlen(top) + (size_t)rows + strlen(status) + 2);
	strcpy(want, top);
	for (size_t i = n; i < (size_t)rows; i++)
		strcat(want, "\n");
	strcat(want, status);
	strcat(want, "\n");
	cr_assert_str_eq(got, want, "screen:\n%s\nexpected:\n%s", got, want);
	free(want);
	free(got);
}

static const char root_top[] =
	"028 测试局\n"
	"  Name                                                                  10k yuan\n"
	"  Income\n"
	". Spending by function                                                 17,419.04\n"
	"  Spending by economic class\n"
	". Units and projects\n"
	"  \"Three public\" expenses\n"
	"  Department performance targets\n"
	"  Check results                                             2 findings\n";

static const char func_top[] =
	"028 测试局 › Spending by function\n"
	"  Code Name                                        10k yuan ↓       %\n"
	"! 208  社会保障和就业支出                           12,419.04   71.3% ███████▏\n"
	"  201  一般公共服务支出                              3,000.00   17.2% █▋\n"
	"? 221  住房保障支出                                  2,000.00   11.5% █▏\n";

static const char projects_top[] =
	"028 测试局 › Units and projects › 028001 驻马店市人力资源和社会保障局\n"
	"  Name                                             Type       10k yuan ↓       %\n"
	"  公益性岗位补贴                                   其他运转类     679.25   99.2%\n"
	"~ 家庭服务业职业技能大赛活动经费                   特定目标类       5.75    0.8%\n";

/* ---- the tree ---- */

Test(tui, first_screen_lists_the_sections)
{
	assert_screen(screen_of("", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    1/7  GB18030  ? help");
}

Test(tui, function_classes_with_amounts_shares_and_bars)
{
	assert_screen(screen_of("j<Enter>", 80, 24), 24, func_top,
	              "Total 17,419.04  Basic 10,000.00  Projects 7,419.04         1/3  GB18030  ? help");
	assert_screen(screen_of("j<Enter><Enter><Enter>", 80, 24), 24,
	              "028 测试局 › Spending by function › 208 › 20801 人力资源和社会保障管理事务\n"
	              "  Code    Name                                     10k yuan ↓       %\n"
	              "  2080101 行政运行                                   9,000.00   72.5% ███████▎\n"
	              "  2080109 社会保险经办机构                           3,419.00   27.5% ██▊\n",
	              "Total 12,419.00  Basic 9,000.00  Projects 3,419.00          1/2  GB18030  ? help");
}

Test(tui, drill_four_levels_to_indicators_and_back)
{
	/* units → unit → project → indicator group */
	assert_screen(screen_of("jjj<Enter><Enter>jjj<Enter>j<Enter>", 80, 24), 24,
	              "028 测试局 › Units and projects › 028001 › 家庭服务业… › Output indicators\n"
	              "  Name             Target\n"
	              "  参加比赛人数     ≥40人\n"
	              "  遴选参加省赛人数 ≥8人\n",
	              "                                                              1/2  UTF-8  ? help");
	/* Back returns to the row we came from at every level. */
	assert_screen(screen_of("jjj<Enter><Enter>jjj<Enter>j<Enter>jh", 80, 24), 24,
	              "… › 028001 › 411700230000000018947 家庭服务业职业技能大赛活动经费\n"
	              "  Name\n"
	              "  Cost indicators         1 indicator\n"
	              "  Output indicators       2 indicators\n"
	              "  Effect indicators       1 indicator\n"
	              "  Satisfaction indicators 1 indicator\n",
	              "Total 5.75                                                    2/4  UTF-8  ? help");
	assert_screen(screen_of("jjj<Enter><Enter>jjj<Enter>j<Enter>hh", 80, 24), 24, projects_top,
	              "Total 685.00                                                  2/2  UTF-8  ? help");
	assert_screen(screen_of("jjj<Enter><Enter>jjj<Enter>j<Enter><Left><Backspace>qq", 80, 24),
	              24, root_top,
	              "Total spending 17,419.04                                    4/7  GB18030  ? help");
}

Test(tui, q_goes_back_then_quits_at_the_top)
{
	/* The keys after the quitting q are not handled. */
	assert_screen(screen_of("j<Enter>q", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    2/7  GB18030  ? help");
	assert_screen(screen_of("j<Enter>qqjj", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    2/7  GB18030  ? help");
	assert_screen(screen_of("jjjQj", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    4/7  GB18030  ? help");
}

Test(tui, wide_screen)
{
	assert_screen(screen_of("jjj<Enter><Enter>", 120, 40), 40,
	              "028 测试局 › Units and projects › 028001 驻马店市人力资源和社会保障局\n"
	              "  Code                  Name                                                    Type       10k yuan ↓       %\n"
	              "  411700230000000018931 公益性岗位补贴                                          其他运转类     679.25   99.2% █████████▉\n"
	              "~ 411700230000000018947 家庭服务业职业技能大赛活动经费                          特定目标类       5.75    0.8%\n",
	              "Total 685.00                                                                                          1/2  UTF-8  ? help");
}

/* ---- sort and unit ---- */

Test(tui, sort_cycles_amount_code_name_and_reverses)
{
	assert_screen(screen_of("j<Enter>s", 80, 24), 24,
	              "028 测试局 › Spending by function\n"
	              "  Code ↑ Name                                        10k yuan       %\n"
	              "  201    一般公共服务支出                            3,000.00   17.2% █▋\n"
	              "! 208    社会保障和就业支出                         12,419.04   71.3% ███████▏\n"
	              "? 221    住房保障支出                                2,000.00   11.5% █▏\n",
	              "Sorted by code                                              2/3  GB18030  ? help");
	assert_screen(screen_of("j<Enter>ss", 80, 24), 24,
	              "028 测试局 › Spending by function\n"
	              "  Code Name ↑                                        10k yuan       %\n"
	              "  201  一般公共服务支出                              3,000.00   17.2% █▋\n"
	              "? 221  住房保障支出                                  2,000.00   11.5% █▏\n"
	              "! 208  社会保障和就业支出                           12,419.04   71.3% ███████▏\n",
	              "Sorted by name                                              3/3  GB18030  ? help");
	assert_screen(screen_of("j<Enter>ssS", 80, 24), 24,
	              "028 测试局 › Spending by function\n"
	              "  Code Name ↓                                        10k yuan       %\n"
	              "! 208  社会保障和就业支出                           12,419.04   71.3% ███████▏\n"
	              "? 221  住房保障支出                                  2,000.00   11.5% █▏\n"
	              "  201  一般公共服务支出                              3,000.00   17.2% █▋\n",
	              "Sorted by name, in reverse                                  1/3  GB18030  ? help");
	assert_screen(screen_of("j<Enter>sss", 80, 24), 24, func_top,
	              "Sorted by amount, largest first                             1/3  GB18030  ? help");
	assert_screen(screen_of("j<Enter>S", 80, 24), 24,
	              "028 测试局 › Spending by function\n"
	              "  Code Name                                        10k yuan ↑       %\n"
	              "? 221  住房保障支出                                  2,000.00   11.5% █▏\n"
	              "  201  一般公共服务支出                              3,000.00   17.2% █▋\n"
	              "! 208  社会保障和就业支出                           12,419.04   71.3% ███████▏\n",
	              "Sorted by amount, smallest first                            3/3  GB18030  ? help");
}

Test(tui, sections_keep_their_standard_order)
{
	/* s and S say so and change nothing, here or in the lists below. */
	assert_screen(screen_of("s", 80, 24), 24, root_top,
	              "This list keeps its own order                               1/7  GB18030  ? help");
	assert_screen(screen_of("sS", 80, 24), 24, root_top,
	              "This list keeps its own order                               1/7  GB18030  ? help");
	assert_screen(screen_of("sSj<Enter>", 80, 24), 24, func_top,
	              "Total 17,419.04  Basic 10,000.00  Projects 7,419.04         1/3  GB18030  ? help");
}

Test(tui, unit_toggles_between_wan_and_yuan)
{
	assert_screen(screen_of("j<Enter>t", 80, 24), 24,
	              "028 测试局 › Spending by function\n"
	              "  Code Name                                            yuan ↓       %\n"
	              "! 208  社会保障和就业支出                      124,190,400.00   71.3% ███████▏\n"
	              "  201  一般公共服务支出                         30,000,000.00   17.2% █▋\n"
	              "? 221  住房保障支出                             20,000,000.00   11.5% █▏\n",
	              "Total 174,190,400.00  Basic 100,000,000.00  Projects 74,190,400.00        ? help");
	assert_screen(screen_of("j<Enter>tt", 80, 24), 24, func_top,
	              "Total 17,419.04  Basic 10,000.00  Projects 7,419.04         1/3  GB18030  ? help");
}

/* ---- search ---- */

Test(tui, search_is_incremental_across_the_tree)
{
	assert_screen(screen_of("/公益", 80, 24), 24, projects_top,
	              "/公益                                                                        1/1");
	assert_screen(screen_of("/公益<Enter>", 80, 24), 24, projects_top,
	              "Match 1 of 1: 411700230000000018931 公益性岗位补贴            1/2  UTF-8  ? help");
	/* Codes too, and n/N move among the matches in the order listed. */
	assert_screen(screen_of("/2080", 80, 24), 24,
	              "028 测试局 › Spending by function › 208 社会保障和就业支出\n"
	              "  Code  Name                                       10k yuan ↓       %\n"
	              "  20801 人力资源和社会保障管理事务                  12,419.00  100.0% ██████████\n",
	              "/2080                                                                        1/3");
	assert_screen(screen_of("/2080<Enter>nn", 80, 24), 24,
	              "028 测试局 › Spending by function › 208 › 20801 人力资源和社会保障管理事务\n"
	              "  Code    Name                                     10k yuan ↓       %\n"
	              "  2080101 行政运行                                   9,000.00   72.5% ███████▎\n"
	              "  2080109 社会保险经办机构                           3,419.00   27.5% ██▊\n",
	              "Match 3 of 3: 2080109 社会保险经办机构                      2/2  GB18030  ? help");
	assert_screen(screen_of("/2080<Enter>N", 80, 24), 24,
	              "028 测试局 › Spending by function › 208 › 20801 人力资源和社会保障管理事务\n"
	              "  Code    Name                                     10k yuan ↓       %\n"
	              "  2080101 行政运行                                   9,000.00   72.5% ███████▎\n"
	              "  2080109 社会保险经办机构                           3,419.00   27.5% ██▊\n",
	              "Match 3 of 3: 2080109 社会保险经办机构                      2/2  GB18030  ? help");
}

Test(tui, n_goes_down_a_sorted_list)
{
	/* The model has the project 家庭… before 公益…, and 208 before 201:
	 * n follows the lists as sorted, not the model. */
	static const char by_name[] =
		"028 测试局 › Units and projects › 028001 驻马店市人力资源和社会保障局\n"
		"  Name ↑                                             Type       10k yuan       %\n"
		"  公益性岗位补贴                                     其他运转类   679.25   99.2%\n"
		"~ 家庭服务业职业技能大赛活动经费                     特定目标类     5.75    0.8%\n";
	static const char by_code[] =
		"028 测试局 › Spending by function\n"
		"  Code ↑ Name                                        10k yuan       %\n"
		"  201    一般公共服务支出                            3,000.00   17.2% █▋\n"
		"! 208    社会保障和就业支出                         12,419.04   71.3% ███████▏\n"
		"? 221    住房保障支出                                2,000.00   11.5% █▏\n";

	assert_screen(screen_of("/41170023<Enter>", 80, 24), 24, projects_top,
	              "Match 1 of 2: 411700230000000018931 公益性岗位补贴            1/2  UTF-8  ? help");
	assert_screen(screen_of("/41170023<Enter>n", 80, 24), 24, projects_top,
	              "Match 2 of 2: 411700230000000018947 家庭服务业职业技能大赛活动经费 UTF-8  ? help");
	assert_screen(screen_of("/41170023<Enter>nn", 80, 24), 24, projects_top,
	              "Match 1 of 2: 411700230000000018931 公益性岗位补贴            1/2  UTF-8  ? help");
	assert_screen(screen_of("/41170023<Enter>N", 80, 24), 24, projects_top,
	              "Match 2 of 2: 411700230000000018947 家庭服务业职业技能大赛活动经费 UTF-8  ? help");
	/* Sorted in a list below the department's, which keeps its order. */
	assert_screen(screen_of("j<Enter>ssh/41170023<Enter>", 80, 24), 24, by_name,
	              "Match 1 of 2: 411700230000000018931 公益性岗位补贴            1/2  UTF-8  ? help");
	assert_screen(screen_of("j<Enter>ssh/41170023<Enter>n", 80, 24), 24, by_name,
	              "Match 2 of 2: 411700230000000018947 家庭服务业职业技能大赛活动经费 UTF-8  ? help");
	/* 20 matches 201, 208, 20801, 2080101 and 2080109, in that order. */
	assert_screen(screen_of("j<Enter>sh/20<Enter>", 80, 24), 24, by_code,
	              "Match 1 of 5: 201 一般公共服务支出                          1/3  GB18030  ? help");
	assert_screen(screen_of("j<Enter>sh/20<Enter>n", 80, 24), 24, by_code,
	              "Match 2 of 5: 208 社会保障和就业支出                        2/3  GB18030  ? help");
	assert_screen(screen_of("j<Enter>sh/20<Enter>nnnnn", 80, 24), 24, by_code,
	              "Match 1 of 5: 201 一般公共服务支出                          1/3  GB18030  ? help");
}

Test(tui, search_counts_follow_typing_and_erasing)
{
	/* 2080 matches three codes; erased back to 20, 208 and 201 match
	 * again, and the search starts over from where it began. */
	assert_screen(screen_of("/2080", 80, 24), 24,
	              "028 测试局 › Spending by function › 208 社会保障和就业支出\n"
	              "  Code  Name                                       10k yuan ↓       %\n"
	              "  20801 人力资源和社会保障管理事务                  12,419.00  100.0% ██████████\n",
	              "/2080                                                                        1/3");
	assert_screen(screen_of("/2080<Backspace><Backspace>", 80, 24), 24, func_top,
	              "/20                                                                          1/5");
	assert_screen(screen_of("/2080<Backspace><Backspace><Enter>n", 80, 24), 24,
	              "028 测试局 › Spending by function › 208 社会保障和就业支出\n"
	              "  Code  Name                                       10k yuan ↓       %\n"
	              "  20801 人力资源和社会保障管理事务                  12,419.00  100.0% ██████████\n",
	              "Match 2 of 5: 20801 人力资源和社会保障管理事务              1/1  GB18030  ? help");
}

Test(tui, search_ignores_ascii_case_and_can_be_cancelled)
{
	/* "X" finds the name with "x"; Esc goes back to where it started. */
	struct budget b;
	struct tui_options o = { .keys = "jj/X", .cols = 80, .rows = 24 };
	char *got = NULL;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目x");
	cr_assert_eq(run(&b, &o, &got), 0);
	cr_assert(strstr(got, "~ 411700230000000018947 项目x"), "%s", got);
	cr_assert(strstr(got, "/X "), "%s", got);
	free(got);
	o.keys = "jj/X<Esc>";
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	cr_assert(strstr(got, "Total spending 17,419.04                                    3/7"),
	          "%s", got);
	free(got);
}

Test(tui, search_without_a_match)
{
	assert_screen(screen_of("/zzz", 80, 24), 24, root_top,
	              "/zzz                                                                    no match");
	assert_screen(screen_of("/zzz<Enter>", 80, 24), 24, root_top,
	              "No match for \"zzz\"                                          1/7  GB18030  ? help");
	/* Backspace to nothing goes back; once more closes the search line. */
	assert_screen(screen_of("j/2<Backspace><Backspace>", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    2/7  GB18030  ? help");
	assert_screen(screen_of("n", 80, 24), 24, root_top,
	              "Nothing to look for yet: search first                       1/7  GB18030  ? help");
}

/* ---- detail, findings, help ---- */

Test(tui, detail_of_a_project_names_every_source)
{
	assert_screen(screen_of("jjj<Enter><Enter>ji", 80, 24), 24,
	              "Details: … › 028001 › 411700230000000018947 家庭服务业职业技能大赛活动经费\n"
	              "411700230000000018947 家庭服务业职业技能大赛活动经费\n"
	              "Kind                     Project\n"
	              "Code                     411700230000000018947\n"
	              "Name                     家庭服务业职业技能大赛活动经费\n"
	              "Type                     特定目标类\n"
	              "Source                   xmzc.csv:6\n"
	              "Checks                   differs by rounding\n"
	              "\n"
	              "Figure                   Table       10k yuan  Source\n"
	              "Total                    项目支出表      5.75  xmzc.csv:6\n"
	              "Government budget funds  项目支出表      5.75  xmzc.csv:6\n"
	              "Finding                  project total differs from the spending table by 0.01\n"
	              "                         xmzc.csv:6\n"
	              "                         02 支出.csv:10\n",
	              "                                                                          ? help");
	/* i again, or Esc, closes it. */
	assert_screen(screen_of("jjj<Enter><Enter>jii", 80, 24), 24, projects_top,
	              "Total 685.00                                                  2/2  UTF-8  ? help");
	assert_screen(screen_of("jjj<Enter><Enter>ji<Esc>", 80, 24), 24, projects_top,
	              "Total 685.00                                                  2/2  UTF-8  ? help");
}

Test(tui, enter_on_an_indicator_shows_its_reading)
{
	assert_screen(screen_of("jjj<Enter><Enter>jjj<Enter>jjj<Enter><Enter>", 80, 24), 24,
	              "Details: … › 028001 › 家庭服务业… › Satisfaction indicators › 满意度\n"
	              "满意度\n"
	              "Kind               Indicator\n"
	              "Name               满意度\n"
	              "Group              Satisfaction indicators\n"
	              "Level-2 indicator  服务对象满意度指标\n"
	              "Target             ≥90%\n"
	              "Read as            ≥ 90 %\n"
	              "Source             10_项目绩效.csv:4\n",
	              "                                                                          ? help");
	/* A target that is not a measured value has no reading. */
	assert_screen(screen_of("jjj<Enter><Enter>jjj<Enter>jj<Enter><Enter>", 80, 24), 24,
	              "Details: … › 028001 › 家庭服务业… › Effect indicators › 提升职业技能水平\n"
	              "提升职业技能水平\n"
	              "Kind               Indicator\n"
	              "Name               提升职业技能水平\n"
	              "Group              Effect indicators\n"
	              "Level-2 indicator  社会效益指标\n"
	              "Target             有效提升\n"
	              "Source             10_项目绩效.csv:4\n",
	              "                                                                          ? help");
}

Test(tui, findings_list_and_jump)
{
	assert_screen(screen_of("v", 80, 24), 24,
	              "Check results: 2 findings\n"
	              "   Where                       What\n"
	              "!  208 社会保障和就业支出      208 is 12,419.04 but its parts add up to 12,419.…\n"
	              "~  411700230000000018947 家…   project total differs from the spending table by…\n",
	              /* The selected finding in full. */
	              "Figures from 02 支出.csv:8 and 02 支出.csv:9\n"
	              "208 is 12,419.04 but its parts add up to 12,419.00\n"
	              "                                                                     1/2  ? help");
	assert_screen(screen_of("vj<Enter>", 80, 24), 24, projects_top,
	              "project total differs from the spending table by 0.01         2/2  UTF-8  ? help");
	/* The 核对结果 section opens the same list. */
	assert_screen(screen_of("G<Enter><Enter>", 80, 24), 24, func_top,
	              "208 is 12,419.04 but its parts add up to 12,419.00          1/3  GB18030  ? help");
}

Test(tui, loading_messages_are_listed_first_and_lead_to_their_row)
{
	struct budget b;
	struct tui_options o = { .cols = 80, .rows = 24 };
	char *got = NULL;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	/* 221 was read from record 14 of the first file. */
	diag_add(&b.diags, b.files[1].path, 14, SEV_ERROR,
	         "column 7 (基本支出): cannot read the amount '#DIV/0!'");
	diag_add(&b.diags, b.files[1].path, 0, SEV_WARNING, "a second 支出总表: skipped");
	diag_add(&b.diags, "pkg/notes.csv", 0, SEV_NOTE, "not a budget table: skipped");
	diag_add(&b.diags, b.files[1].path, 40, SEV_WARNING, "a row read into nothing");
	o.keys = "v";
	cr_assert_eq(run(&b, &o, &got), 0);
	assert_screen(got, 24,
	              "Check results: 2 findings; 4 loading messages\n"
	              "   Where                       What\n"
	              "!  02 支出.csv:14              column 7 (基本支出): cannot read the amount '#DI…\n"
	              "!  02 支出.csv                 a second 支出总表: skipped\n"
	              "!  02 支出.csv:40              a row read into nothing\n"
	              "!  208 社会保障和就业支出      208 is 12,419.04 but its parts add up to 12,419.…\n"
	              "~  notes.csv                   not a budget table: skipped\n"
	              "~  411700230000000018947 项目  project total differs from the spending table by…\n",
	              "Message about 02 支出.csv:14\n"
	              "column 7 (基本支出): cannot read the amount '#DIV/0!'\n"
	              "                                                                     1/6  ? help");
	/* Enter shows the row the message is about. */
	o.keys = "v<Enter>";
	cr_assert_eq(run(&b, &o, &got), 0);
	assert_screen(got, 24, func_top,
	              "column 7 (基本支出): cannot read the amount '#DIV/0!'       3/3  GB18030  ? help");
	/* Or says why it cannot. */
	o.keys = "vj<Enter>";
	cr_assert_eq(run(&b, &o, &got), 0);
	cr_assert(strstr(got, "\nThis message is about the file as a whole      "), "%s", got);
	free(got);
	o.keys = "vjj<Enter>";
	cr_assert_eq(run(&b, &o, &got), 0);
	cr_assert(strstr(got, "\nNo row of the tree was read from this record      "), "%s", got);
	free(got);
	/* The 核对结果 row counts the messages about the department's files,
	 * the one it did not read (notes.csv, in its folder) too, and is marked
	 * as the worst of them is in the list. */
	o.keys = "";
	cr_assert_eq(run(&b, &o, &got), 0);
	cr_assert(strstr(got, "\n! Check results                         2 findings, 4 loading messages\n"),
	          "%s", got);
	free(got);
	budget_free(&b);
}

/* The detail of an indicator at 40x12 whose target text is target. */
static char *indicator_detail(const char *target)
{
	struct budget b;
	struct tui_options o = { .keys = "jjj<Enter><Enter>jjj<Enter>jj<Enter><Enter>", .cols = 40,
	                         .rows = 12 };
	char *got = NULL;
	struct node *g;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	g = b.root->u.dept->sections[SEC_UNITS]->kids[0]->kids[0]->kids[2];
	node_set_text(&b, g->kids[0], target, node_note(g->kids[0]));
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	return got;
}

Test(tui, long_texts_wrap_in_the_detail)
{
	assert_screen(indicator_detail("please read this sentence which is much longer than forty "
	                               "columns"), 12,
	              "Details: … › 提升职业技能水平\n"
	              "提升职业技能水平\n"
	              "Kind           Indicator\n"
	              "Name           提升职业技能水平\n"
	              "Group          Effect indicators\n"
	              "Level-2 indi…  社会效益指标\n"
	              "Target         please read this sentence\n"
	              "               which is much longer than\n"
	              "               forty columns\n"
	              "Source         10_项目绩效.csv:4\n",
	              "                                  ? help");
}

/* A line break in a text starts a new line, whatever the width, and the
 * wrapping of a paragraph never starts a line with closing punctuation. */
Test(tui, line_breaks_of_a_text_start_new_lines)
{
	assert_screen(indicator_detail("①职业技能水平有效提升，参赛选手获奖；\r\n②满意。"), 12,
	              "Details: … › 提升职业技能水平\n"
	              "提升职业技能水平\n"
	              "Kind           Indicator\n"
	              "Name           提升职业技能水平\n"
	              "Group          Effect indicators\n"
	              "Level-2 indi…  社会效益指标\n"
	              "Target         ①职业技能水平有效提升，参\n"
	              "               赛选手获奖；\n"
	              "               ②满意。\n"
	              "Source         10_项目绩效.csv:4\n",
	              "                                  ? help");
}

Test(screen, breaks_lines_as_chinese_typesetting_does)
{
	const char *next;

	use_locale("C.UTF-8");
	/* Not before closing punctuation: the character before goes along. */
	cr_assert_eq(screen_break("一二三四五。六", 10, &next), strlen("一二三四"));
	cr_assert_str_eq(next, "五。六");
	cr_assert_eq(screen_break("仅有尾差（几分钱）", 16, &next), strlen("仅有尾差（几分"));
	cr_assert_str_eq(next, "钱）");
	/* Not after opening punctuation. */
	cr_assert_eq(screen_break("一二三四（五）", 10, &next), strlen("一二三四"));
	cr_assert_str_eq(next, "（五）");
	/* Unless nothing would be left on the line. */
	cr_assert_eq(screen_break("。。。。", 4, &next), strlen("。。"));
	/* A line break ends the line, and is not drawn. */
	cr_assert_eq(screen_break("ab\ncd", 10, &next), 2);
	cr_assert_str_eq(next, "cd");
	cr_assert_eq(screen_break("\n\ncd", 10, &next), 0);
	cr_assert_str_eq(next, "\ncd");
	cr_assert_eq(screen_lines("①收入；\n②支出", 40), 2);
	cr_assert_eq(screen_lines("a\n\nb", 40), 3);
}

/* A long file name is shortened, never its record. */
Test(tui, sources_keep_their_record)
{
	struct budget b;
	struct tui_options o = { .keys = "ji", .cols = 60, .rows = 24 };
	char *got = NULL;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	free(b.files[1].path);
	b.files[1].path = strdup("pkg/预算01表-部门收支预算表（支出总表）.csv");
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	assert_screen(got, 24,
	              "Details: 028 测试局 › Spending by function\n"
	              "Spending by function\n"
	              "Kind              Section\n"
	              "Name              Spending by function\n"
	              "\n"
	              "Figure            Table      10k yuan  Source\n"
	              "Total             支出总表  17,419.04  预算01表-部门收支…:7\n"
	              "Basic spending    支出总表  10,000.00  预算01表-部门收支…:7\n"
	              "Project spending  支出总表   7,419.04  预算01表-部门收支…:7\n",
	              "                                                      ? help");
}

/* A project's 绩效目标 (Hebei's long layout) shows as its goal. */
Test(tui, detail_of_a_project_shows_its_goal)
{
	struct budget b;
	struct tui_options o = { .keys = "jjj<Enter><Enter>ji", .cols = 80, .rows = 24 };
	char *got = NULL;
	struct node *p;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	p = b.root->u.dept->sections[SEC_UNITS]->kids[0]->kids[0];
	node_set_text(&b, p, "按时发放补贴", NULL);
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	cr_assert(strstr(got, "\nGoal                     按时发放补贴\n"), "%s", got);
	free(got);
}

Test(tui, groups_count_their_indicators_even_when_empty)
{
	struct budget b;
	struct tui_options o = { .keys = "jjj<Enter><Enter>jjj<Enter>", .cols = 80, .rows = 24 };
	char *got = NULL;
	struct node *g;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	g = b.root->u.dept->sections[SEC_UNITS]->kids[0]->kids[0]->kids[2];
	g->nkids = 0;   /* no 效益 indicator published */
	cr_assert_eq(run(&b, &o, &got), 0);
	cr_assert(strstr(got, "\n  Cost indicators         1 indicator\n"
	                      "  Output indicators       2 indicators\n"
	                      "  Effect indicators       0 indicators\n"), "%s", got);
	free(got);
	/* It opens as an empty list, not as a detail. */
	o.keys = "jjj<Enter><Enter>jjj<Enter>jj<Enter>";
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	assert_screen(got, 24,
	              "… › Units and projects › 028001 › 411700230000000018947 项目 › Effect indicators\n"
	              "  Name\n"
	              "  (nothing here)\n",
	              "                                                                   UTF-8  ? help");
}

Test(tui, ambiguous_width_two_draws_characters_as_published)
{
	/* A terminal drawing ≥ and … in two columns where the locale says
	 * one: they are shown as themselves, and curses counts them as the
	 * terminal does (else "…" and " › " would be apart). */
	struct budget b;
	struct settings s;
	struct tui_options o = { .headless = true, .keys = "jjj<Enter><Enter>jjj<Enter>j<Enter>",
	                         .cols = 80, .rows = 24 };
	char *got = NULL;
	size_t len;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	settings_defaults(&s);
	s.ambiguous_width = 2;
	o.out = open_memstream(&got, &len);
	cr_assert_eq(tui_run(&b, &s, &o), 0);
	fclose(o.out);
	budget_free(&b);
	text_set_ambiguous_width(0);
	assert_screen(got, 24,
	              "… › 028001 › 411700230000000018947 项目 › Output indicators\n"
	              "  Name             Target\n"
	              "  参加比赛人数     ≥40人\n"
	              "  遴选参加省赛人数 ≥8人\n",
	              "                                                              1/2  UTF-8  ? help");
}

Test(tui, columns_stay_put_while_scrolling)
{
	/* The last of many projects has a long name: the codes give way for it
	 * on every page, not only where it shows. */
	struct budget b;
	struct tui_options o = { .keys = "jjj<Enter><Enter>", .cols = 80, .rows = 8 };
	char *first = NULL, *last = NULL;
	struct node *unit;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	unit = b.root->u.dept->sections[SEC_UNITS]->kids[0];
	for (int i = 0; i < 20; i++) {
		char code[32], name[64];
		struct node *p;

		snprintf(code, sizeof code, "4117002300000000190%02d", i);
		snprintf(name, sizeof name, i == 19 ? "第%02d个名称很长很长很长很长很长很长的项目" : "项目%02d", i);
		p = node_new(&b, unit, NODE_PROJECT, code, name, at(2, 20 + (uint32_t)i));
		node_add_figure(&b, p, TK_PROJECTS, COL_TOTAL, WAN(1, 0), at(2, 20 + (uint32_t)i));
	}
	cr_assert_eq(run(&b, &o, &first), 0);
	o.keys = "jjj<Enter><Enter>G";
	cr_assert_eq(run(&b, &o, &last), 0);
	budget_free(&b);
	cr_assert(strstr(first, "\n  Name                                             Type       10k yuan ↓       %\n"
	                        "  公益性岗位补贴                                   其他运转类     679.25   99.2%\n"),
	          "%s", first);
	cr_assert(strstr(last, "\n  Name                                             Type       10k yuan ↓       %\n"
	                       "  项目15                                                            1.00    0.1%\n"),
	          "%s", last);
	free(first);
	free(last);
}

Test(tui, help_comes_from_the_key_map)
{
	assert_screen(screen_of("?", 80, 24), 24,
	              "Help\n"
	              "Keys                  Action\n"
	              "<Up> k                Move up\n"
	              "<Down> j              Move down\n"
	              "<PgUp> <C-b>          Page up\n"
	              "<PgDn> <C-f> <Space>  Page down\n"
	              "<Home> g              Go to the first row\n"
	              "<End> G               Go to the last row\n"
	              "<Enter> <Right> l     Open the selected row\n"
	              "<Left> h <Backspace>  Go back to the parent\n"
	              "/                     Search codes and names\n"
	              "n                     Next search match\n"
	              "N                     Previous search match\n"
	              "s                     Change the sort order (amount, code, name)\n"
	              "S                     Reverse the sort order\n"
	              "t                     Switch between 万元 and 元\n"
	              "i                     Show every figure of the selected row\n"
	              "v                     Show the check results\n"
	              "?                     Show this help\n"
	              "<C-l>                 Redraw the screen\n"
	              "q                     Close this screen; quit at the top\n"
	              "Q                     Quit at once\n",
	              /* There is more below. */
	              "                                                                 1-21/36  ? help");
	assert_screen(screen_of("??", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    1/7  GB18030  ? help");
}

/* The screen after keys, with names bound to action a. */
static char *screen_rebound(const char *keys, enum action a, const char *names)
{
	struct budget b;
	struct settings s;
	struct tui_options o = { .headless = true, .keys = keys, .cols = 80, .rows = 24 };
	const char *why;
	char *got = NULL;
	size_t len;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	settings_defaults(&s);
	cr_assert(keymap_bind(a, names, &why));
	o.out = open_memstream(&got, &len);
	cr_assert_eq(tui_run(&b, &s, &o), 0);
	fclose(o.out);
	budget_free(&b);
	return got;
}

Test(tui, help_follows_rebinding)
{
	char *got = screen_rebound("<F1>", ACT_HELP, "<F1>");

	cr_assert(strstr(got, "<F1>                  Show this help\n"), "%s", got);
	cr_assert(strstr(got, "<F1> help\n"), "%s", got);
	free(got);
}

/* ---- mouse ---- */

Test(tui, mouse_selects_drills_and_goes_up)
{
	assert_screen(screen_of("<Click:5,3>", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    2/7  GB18030  ? help");
	assert_screen(screen_of("<DoubleClick:5,3>", 80, 24), 24, func_top,
	              "Total 17,419.04  Basic 10,000.00  Projects 7,419.04         1/3  GB18030  ? help");
	/* A click on "Units and projects" in the breadcrumb goes up to it. */
	assert_screen(screen_of("jjj<Enter><Enter><Click:15,0>", 80, 24), 24,
	              "028 测试局 › Units and projects\n"
	              "  Code   Name                                      10k yuan ↓       %\n"
	              ". 028001 驻马店市人力资源和社会保障局                  685.00  100.0% ██████████\n",
	              "                                                            1/1  GB18030  ? help");
	assert_screen(screen_of("jjj<Enter><Enter><Click:1,0>", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    4/7  GB18030  ? help");
	/* Clicks outside the rows do nothing; the wheel moves the view. */
	assert_screen(screen_of("<Click:5,20><WheelDown><WheelUp>", 80, 24), 24, root_top,
	              "Total spending 17,419.04                                    1/7  GB18030  ? help");
}

/* Another table's 合计 on the department (政府性基金表's, 0.00) is not
 * its total: without a 支出总表 合计 the status line shows the headline. */
Test(tui, department_status_ignores_other_tables_totals)
{
	struct budget b;
	struct settings s;
	struct tui_options o = { .headless = true, .keys = "", .cols = 80, .rows = 24 };
	char *got = NULL;
	size_t len;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	node_add_figure(&b, b.root, TK_GOVFUND, COL_TOTAL, 0, at(1, 30));
	node_add_figure(&b, b.root, TK_GOVFUND, COL_BASIC, 0, at(1, 30));
	settings_defaults(&s);
	o.out = open_memstream(&got, &len);
	cr_assert_eq(tui_run(&b, &s, &o), 0);
	fclose(o.out);
	budget_free(&b);
	cr_assert(strstr(got, "\nTotal spending 17,419.04 "), "%s", got);
	free(got);
}

/* The wheel bound to an action does that action instead of scrolling. */
Test(tui, wheel_follows_rebinding)
{
	char *got = screen_rebound("<WheelDown><WheelDown>", ACT_DOWN, "<WheelDown> j <Down>");

	cr_assert(strstr(got, "3/7  GB18030  ? help"), "%s", got);
	free(got);
}

/* ---- small terminals, bad text, locales ---- */

/* The status line shows a figure whole or not at all, and the texts on its
 * right whole. */
Test(tui, status_line_never_cuts_a_figure)
{
	char *got = screen_of("", 31, 6);

	cr_assert(strstr(got, "\nTotal spending 17,419.04 ? help\n"), "%s", got);
	free(got);
	got = screen_of("", 30, 6);
	cr_assert(strstr(got, "\nTotal spending 17,419.04\n"), "%s", got);
	free(got);
	got = screen_of("j<Enter>", 40, 6);
	cr_assert(strstr(got, "\nTotal 17,419.04  Basic 10,000.00  ? help\n"), "%s", got);
	free(got);
	got = screen_of("j<Enter>", 34, 6);
	cr_assert(strstr(got, "\nTotal 17,419.04    GB18030  ? help\n"), "%s", got);
	free(got);
	/* Beside figures, what is on the right has at most half the line. */
	got = screen_of("jjj<Enter><Enter>", 34, 6);
	cr_assert(strstr(got, "\nTotal 685.00         UTF-8  ? help\n"), "%s", got);
	free(got);
}

Test(tui, tiny_terminals_show_a_notice)
{
	char *got = screen_of("jj<Enter>", 20, 5);

	cr_assert_str_eq(got, "\n Terminal too small\n  (at least 20x6)\n\n\n");
	free(got);
	got = screen_of("jj<Enter>k<Enter>?", 1, 1);
	cr_assert_str_eq(got, "…\n");
	free(got);
	assert_screen(screen_of("j<Enter>", 20, 6), 6,
	              "… › Spending by fun…\n"
	              "  Name    10k yuan ↓\n"
	              "! 社会保…  12,419.04\n"
	              "  一般公…   3,000.00\n"
	              "? 住房保…   2,000.00\n",
	              /* An amount is never cut: the hint gives way. */
	              "Total 17,419.04");
}

/* No byte below 0x20 but line ends, no bidi or invisible character, and no
 * line wider than the screen. */
static void assert_safe(const char *s, int cols, int rows)
{
	int lines = 0;

	for (const char *p = s; *p;) {
		size_t n = strcspn(p, "\n");
		char *line = strndup(p, n);

		cr_assert(strlen(line) == n, "NUL in line %d", lines);
		for (size_t i = 0; i < n;) {
			uint32_t cp;

			i += utf8_next(line + i, n - i, &cp);
			cr_assert(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) &&
			          !(cp >= 0x200B && cp <= 0x200F) && !(cp >= 0x202A && cp <= 0x202E) &&
			          !(cp >= 0x2066 && cp <= 0x2069) && cp != 0xFEFF,
			          "U+%04X in line %d: %s", cp, lines, line);
		}
		cr_assert_leq(text_width(line), cols, "line %d too wide: %s", lines, line);
		free(line);
		lines++;
		p += n + (p[n] == '\n');
	}
	cr_assert_eq(lines, rows);
}

Test(tui, control_characters_and_bidi_never_reach_the_screen)
{
	static const char *const keys[] = {
		"", "jjj<Enter><Enter>", "jjj<Enter><Enter>ji", "v", "/X", "jjj<Enter><Enter>j<Enter>",
	};
	struct budget b;

	use_locale("C.UTF-8");
	build(&b, "\x1b[2J\x1b]0;owned\x07局\r\n",
	      "\u202e反转\u202c\b\b\bX\t\x7f\xc2\x9b" "31m\ufeff\u200bZ\xff\xfe" "ＡＢ");
	b.files[2].path[4] = '\x1b';   /* a file name with ESC in it */
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		struct tui_options o = { .keys = keys[i], .cols = 80, .rows = 24 };
		char *got = NULL;

		cr_assert_eq(run(&b, &o, &got), 0);
		assert_safe(got, 80, 24);
		free(got);
	}
	budget_free(&b);
}

Test(tui, control_characters_show_as_escapes)
{
	struct budget b;
	struct tui_options o = { .keys = "jjj<Enter><Enter>ji", .cols = 80, .rows = 24 };
	char *got = NULL;

	use_locale("C.UTF-8");
	build(&b, "局", "\u202e反转\u202c\b\x1b[31m");
	b.files[2].path[4] = '\x1b';
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	cr_assert(strstr(got, "\nName                     <U+202E>反转<U+202C>^H^[[31m\n"), "%s", got);
	cr_assert(strstr(got, "\nSource                   ^[mzc.csv:6\n"), "%s", got);
	free(got);
}

static char *from_gbk(const char *s)
{
	iconv_t cd = iconv_open("UTF-8", "GBK");
	size_t in = strlen(s), out = 4 * in + 1;
	char *buf = calloc(1, out), *ip = (char *)s, *op = buf;

	cr_assert(cd != (iconv_t)-1);
	cr_assert_neq(iconv(cd, &ip, &in, &op, &out), (size_t)-1, "not GBK: %s", strerror(errno));
	iconv_close(cd);
	return buf;
}

Test(tui, gbk_locale_gets_gbk_bytes_and_ascii_bars)
{
	struct budget b;
	struct tui_options o = { .keys = "j<Enter>", .cols = 80, .rows = 24 };
	char *got = NULL;

	use_locale("zh_CN.GBK");
	build(&b, "测试局", "项目");
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	/* Block characters and › are two columns in GBK: ASCII instead. */
	assert_screen(from_gbk(got), 24,
	              "028 测试局 > Spending by function\n"
	              "  Code Name                                        10k yuan v       %\n"
	              "! 208  社会保障和就业支出                           12,419.04   71.3% #######\n"
	              "  201  一般公共服务支出                              3,000.00   17.2% #=\n"
	              "? 221  住房保障支出                                  2,000.00   11.5% #\n",
	              "Total 17,419.04  Basic 10,000.00  Projects 7,419.04         1/3  GB18030  ? help");
	free(got);
}

Test(tui, ascii_option_in_utf8)
{
	struct budget b;
	struct tui_options o = { .keys = "j<Enter>", .cols = 80, .rows = 24, .ascii = true };
	char *got = NULL;

	use_locale("C.UTF-8");
	build(&b, "测试局", "项目");
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	cr_assert(strstr(got, "028 测试局 > Spending by function\n"), "%s", got);
	cr_assert(strstr(got, "12,419.04   71.3% #######\n"), "%s", got);
	free(got);
}

Test(tui, ascii_locale_says_why_chinese_is_missing)
{
	struct budget b;
	struct tui_options o = { .keys = "", .cols = 80, .rows = 6 };
	char *got = NULL;

	use_locale("C");
	build(&b, "测试局", "项目");
	cr_assert_eq(run(&b, &o, &got), 0);
	budget_free(&b);
	assert_safe(got, 80, 6);
	cr_assert(strstr(got, "028 <U+6D4B><U+8BD5><U+5C40>\n"), "%s", got);
	cr_assert(strstr(got, "\nCannot show Chinese in this locale: try LANG=C.UTF-8"), "%s", got);
	free(got);
}

Test(tui, a_collection_lists_departments_with_shares)
{
	struct budget a;
	struct node *root, *d1, *d2;
	struct tui_options o = { .keys = "", .cols = 60, .rows = 6 };
	char *got = NULL;

	use_locale("C.UTF-8");
	budget_init(&a);
	root = node_new(&a, NULL, NODE_COLLECTION, "", "", at(0, 0));
	a.root = root;
	d1 = node_new(&a, root, NODE_DEPARTMENT, "", "甲局", at(0, 0));
	d2 = node_new(&a, root, NODE_DEPARTMENT, "", "乙局", at(0, 0));
	node_add_figure(&a, d1, TK_SUMMARY, COL_SPEND_ALL, WAN(100, 0), at(0, 0));
	node_add_figure(&a, d2, TK_SUMMARY, COL_SPEND_ALL, WAN(300, 0), at(0, 0));
	cr_assert_eq(run(&a, &o, &got), 0);
	budget_free(&a);
	assert_screen(got, 6,
	              "All departments\n"
	              "  Name                         10k yuan ↓       %\n"
	              "  乙局                             300.00   75.0% ███████▌\n"
	              "  甲局                             100.00   25.0% ██▌\n",
	              "                                                 1/2  ? help");
}

/* ---- errors and key files ---- */

Test(tui, bad_keys_exit_2_with_a_message, .init = cr_redirect_stderr)
{
	struct budget b;
	struct tui_options o = { .keys = "jj<Bogus>", .cols = 80, .rows = 24 };
	char *got = NULL;

	use_locale("C.UTF-8");
	build(&b, "局", "项目");
	cr_assert_eq(run(&b, &o, &got), 2);
	budget_free(&b);
	free(got);
	fflush(stderr);
	cr_assert_stderr_eq_str("yusuan: in the keys: unknown key name <Bogus>\n");
}

Test(tui, bad_screen_size_exits_2, .init = cr_redirect_stderr)
{
	struct budget b;
	struct tui_options o = { .keys = "", .cols = 0, .rows = 24 };
	char *got = NULL;

	use_locale("C.UTF-8");
	build(&b, "局", "项目");
	cr_assert_eq(run(&b, &o, &got), 2);
	budget_free(&b);
	free(got);
	fflush(stderr);
	cr_assert_stderr_eq_str("yusuan: the screen size must be from 1x1 to 1000x1000\n");
}

Test(tui, unwritable_output_exits_2, .init = cr_redirect_stderr)
{
	struct budget b;
	struct settings s;
	struct tui_options o = { .headless = true, .keys = "", .cols = 80, .rows = 24 };

	use_locale("C.UTF-8");
	build(&b, "局", "项目");
	settings_defaults(&s);
	o.out = fopen("/dev/full", "w");
	cr_assert(o.out);
	cr_assert_eq(tui_run(&b, &s, &o), 2);
	fclose(o.out);
	budget_free(&b);
	fflush(stderr);
	cr_assert_stderr_eq_str("yusuan: cannot write the screen: No space left on device\n");
}

Test(tui, no_terminal_exits_2_without_escape_codes,
     .init = cr_redirect_stdout)
{
	struct budget b;
	struct settings s;
	struct tui_options o = { .keys = NULL };
	FILE *err = tmpfile();
	char buf[256] = "";
	int saved = dup(2);

	use_locale("C.UTF-8");
	build(&b, "局", "项目");
	settings_defaults(&s);
	dup2(fileno(err), 2);
	cr_assert_eq(tui_run(&b, &s, &o), 2);
	fflush(stderr);
	dup2(saved, 2);
	budget_free(&b);
	rewind(err);
	cr_assert(fgets(buf, sizeof buf, err));
	cr_assert_str_eq(buf, "yusuan: standard output is not a terminal; use --print-screen "
	                      "or --dump to write text\n");
	fclose(err);
	fflush(stdout);
	cr_assert_stdout_eq_str("");
}

/* Writes content to a file "keys" in a new temporary folder; *dir gets
 * the folder (free both with remove_temp). */
static char *temp_file(char **dir, const char *content, size_t n)
{
	const char *tmp = getenv("TMPDIR");
	char *path;

	cr_assert(asprintf(dir, "%s/test_tui.XXXXXX", tmp && *tmp ? tmp : "/tmp") > 0);
	cr_assert(mkdtemp(*dir));
	cr_assert(asprintf(&path, "%s/keys", *dir) > 0);
	FILE *f = fopen(path, "wb");
	cr_assert(f);
	fwrite(content, 1, n, f);
	fclose(f);
	return path;
}

static void remove_temp(char *dir, char *path)
{
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

Test(tui, key_files_join_lines_and_skip_captions)
{
	static const char text[] = "\xEF\xBB\xBF# open the spending\r\nj<Enter>\r\n# then 208\n<Enter>\n";
	char *dir, *path = temp_file(&dir, text, sizeof text - 1), *keys = NULL;
	const char *why = NULL;

	cr_assert(tui_keys_from_file(path, &keys, &why));
	cr_assert_str_eq(keys, "j<Enter><Enter>");
	free(keys);
	cr_assert_not(tui_keys_from_file(dir, &keys, &why));
	cr_assert_str_eq(why, "Is a directory");
	remove_temp(dir, path);
	cr_assert_not(tui_keys_from_file("/nonexistent/keys", &keys, &why));
	cr_assert_str_eq(why, "No such file or directory");
}

Test(tui, key_files_keep_going_after_blank_lines)
{
	static const char text[] = "j\n\n#\n<Enter>";
	char *dir, *path = temp_file(&dir, text, sizeof text - 1), *keys = NULL;
	const char *why = NULL;

	cr_assert(tui_keys_from_file(path, &keys, &why));
	cr_assert_str_eq(keys, "j<Enter>");
	free(keys);
	remove_temp(dir, path);
}

Test(tui, key_files_must_be_utf8_text)
{
	char *dir, *path = temp_file(&dir, "j\xB9\xAB<Enter>", 8), *keys = NULL;
	const char *why = NULL;

	cr_assert_not(tui_keys_from_file(path, &keys, &why));
	cr_assert_str_eq(why, "not UTF-8 text");
	remove_temp(dir, path);
	path = temp_file(&dir, "j\0k", 3);
	cr_assert_not(tui_keys_from_file(path, &keys, &why));
	cr_assert_str_eq(why, "not a text file");
	remove_temp(dir, path);
}

Test(tui, play_file_errors_name_the_line, .init = cr_redirect_stderr)
{
	static const char text[] = "# caption\nj<Enter>\njj<Nope>\n";
	char *dir, *path = temp_file(&dir, text, sizeof text - 1), *expect;
	struct budget b;
	struct settings s;
	struct tui_options o = { .play_file = path };

	use_locale("C.UTF-8");
	build(&b, "局", "项目");
	settings_defaults(&s);
	cr_assert_eq(tui_run(&b, &s, &o), 2);
	budget_free(&b);
	fflush(stderr);
	cr_assert(asprintf(&expect, "yusuan: %s:3: unknown key name <Nope>\n", path) > 0);
	cr_assert_stderr_eq_str(expect);
	free(expect);
	remove_temp(dir, path);
}
