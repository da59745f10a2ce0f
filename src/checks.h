/* Checks: every published figure against the figures that should give it,
 * within a table and across the tables of one package, and every code
 * against the national classification.
 *
 * Reads the model (budget.h) and adds findings with budget_add_finding;
 * it never changes a figure.  Texts are translated and name the tables in
 * Chinese (table_kind_name).
 *
 * What is compared (the rules of issue 4):
 * - within a table, every published total with the sum of its parts (合计
 *   row → 类 → 款 → 项, economic codes, units → projects, the 三公 items), and
 *   the department's own row with the 合计 row (or its units); the loader's
 *   sums are rebuilt from the published figures, projects shown again under
 *   their 项 are not parts, and an economic code read from several rows
 *   (one per government class) is not compared with those rows;
 * - within a row, 合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费
 *   (else = its four items), 人员经费, 公用经费, 项目支出 = their parts, 合计 =
 *   the fund columns (项目支出表, 收入总表, 财政拨款收支总表, 项目绩效目标表,
 *   预算情况), a 其中 column within its whole;
 * - 收支总表 and 财政拨款收支总表: 本年收入 + 上年结转 = 收入总计 = 支出总计 =
 *   本年支出 + 年终结转结余, 本年收入 = its income lines, 其中 lines;
 * - across tables, as listed in the issue (pairing below).
 *
 * Rounding.  Sheets round each cell to 0.01 (万元, or 元 when published in
 * 元).  Comparing figures a and b, where each side is one published figure
 * or the sum of n published figures, a difference of at most
 * max(n_a, n_b) × 0.01 is rounding: a note, shown but not a discrepancy
 * (the rounding error of n_a + n_b cells is at most (n_a + n_b) × 0.005).
 * A larger difference is a warning that shows both figures, the difference
 * and where each came from (file:record; also the finding's a and b, a
 * being the published figure, b the other one or the first of the parts).
 * Equal figures give nothing.  A part that a table leaves empty counts as
 * zero; across tables a missing figure counts as zero only where both
 * tables list every item (the 类, the economic classes 301/302/303/310,
 * the project types, a unit's 支出总表 row, the 三公 items against 30212,
 * 30231 and 30217 when 基本支出表 has the code); elsewhere both tables must
 * give the figure.
 *
 * 其中 (of which).  Parts of a figure must not exceed it; a single part is
 * never the complete list, and any excess is a discrepancy (rounding keeps
 * order).  A list of two or more 其中 lines counts as complete, and must
 * add up, when every line is a fund of the by-fund breakdown (一般公共预算,
 * 政府性基金预算, 国有资本经营预算, or their carry-over forms): the funds
 * split any appropriation completely.
 *
 * Pairing.  基本支出表 (一般公共预算基本支出表) is compared with
 * 一般公共预算支出表 when the package has it, else with 支出总表;
 * 财政拨款收支总表's fund columns with the table of that fund
 * (一般公共预算支出表, 政府性基金表, 国有资本经营表), its 合计 with 支出总表
 * only when the package has none of those.  The carry-over line of
 * 财政拨款收支总表 (appropriations only) is not compared with the one of
 * 收支总表 (all money).
 *
 * Codes.  Every function and economic code read from a row is checked
 * against the classification (government classes under their own scheme):
 * unknown, of the wrong length or named otherwise is a warning; the
 * published name is kept.  Nodes the loader made for their children are
 * not checked. */
#ifndef YUSUAN_CHECKS_H
#define YUSUAN_CHECKS_H

#include "budget.h"
#include "classification.h"

/* Runs every check on every department of b, adding findings to b in
 * department order.  cls may be NULL: the code checks are then skipped.
 * (Loading checks each department on the core that built it, see
 * load_options.check.) */
void checks_run(struct budget *b, const struct classification *cls);
/* The same checks on one department of b. */
void checks_department(struct budget *b, struct department *d,
                       const struct classification *cls);

#endif
