#include "config.h"

#include "kinds/kinds.h"
#include "code.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

struct origin row_origin(const struct reader *r, const struct srow *row)
{
	return (struct origin){ .file = r->s->file_index, .record = row->record };
}

bool cell_amount(struct reader *r, const struct srow *row, size_t col,
                 int64_t *fen, struct node *node)
{
	const char *cell = sheet_cell(row, col);
	const char *why = NULL;
	switch (amount_parse(cell, strlen(cell), r->s->unit, fen, &why)) {
	case AMOUNT_OK:
		return true;
	case AMOUNT_NONE:
		return false;
	case AMOUNT_BAD:
		break;
	}
	const char *path = col < r->s->npaths ? r->s->paths[col] : "";
	/* TRANSLATORS: column N (its header), the cell text, why it cannot be read. */
	diag_add(&r->b->diags, r->s->file, row->record, SEV_ERROR,
	         _("column %zu (%s): cannot read the amount '%s': %s"),
	         col + 1, path[0] ? path : "-", cell, why ? why : "");
	if (node)
		node->flags |= NODE_F_UNREADABLE;
	return false;
}

const char *first_text(const struct srow *row, size_t from, int *at)
{
	for (size_t i = from; i < row->ncells; i++)
		if (row->cells[i][0] && !cell_is_number(row->cells[i])) {
			*at = (int)i;
			return row->cells[i];
		}
	*at = -1;
	return "";
}

void bad_code(struct reader *r, const struct srow *row, const char *cell,
              const char *why)
{
	diag_add(&r->b->diags, r->s->file, row->record, SEV_ERROR,
	         _("cannot read the code '%s': %s"), cell, why ? why : "");
}

bool split_func_code(struct reader *r, const struct srow *row, const char *lei,
                     const char *kuan, const char *xiang, char *out, size_t cap)
{
	const char *why = NULL;
	if (code_func_split(lei, kuan, xiang, out, cap, &why))
		return true;
	char joined[96];
	snprintf(joined, sizeof joined, "%s,%s,%s", lei, kuan, xiang);
	bad_code(r, row, joined, why);
	return false;
}

/* Header words for each column.  Labels are compared after label_norm, so
 * spaces, full-width brackets and 其中： do not matter. */
static const struct {
	const char *word;
	int column;
} column_words[] = {
	{ "合计", COL_TOTAL }, { "总计", COL_TOTAL }, { "资金总额", COL_TOTAL },
	{ "三公经费合计", COL_TOTAL }, { "项目金额", COL_TOTAL },
	{ "基本支出", COL_BASIC }, { "人员经费", COL_PERSONNEL },
	{ "工资福利支出", COL_WAGES }, { "对个人和家庭的补助", COL_FAMILY },
	{ "对个人和家庭补助", COL_FAMILY }, { "公用经费", COL_PUBLIC },
	{ "商品和服务支出", COL_GOODS }, { "资本性支出", COL_CAPITAL },
	{ "项目支出", COL_PROJECT }, { "其他运转类", COL_OPERATING },
	{ "其他运转类项目", COL_OPERATING }, { "特定目标类", COL_SPECIFIC },
	{ "特定目标类项目", COL_SPECIFIC },
	{ "一般公共预算", COL_GENERAL }, { "一般公共预算拨款", COL_GENERAL },
	{ "一般公共预算拨款收入", COL_GENERAL }, { "一般公共预算资金", COL_GENERAL },
	{ "财政拨款", COL_APPROP },
	{ "政府性基金", COL_GOVFUND }, { "政府性基金预算", COL_GOVFUND },
	{ "政府性基金预算拨款", COL_GOVFUND }, { "政府性基金预算拨款收入", COL_GOVFUND },
	{ "国有资本经营预算", COL_STATECAP }, { "国有资本经营预算拨款", COL_STATECAP },
	{ "国有资本经营预算拨款收入", COL_STATECAP },
	{ "财政专户管理资金", COL_SPECIAL }, { "财政专户管理资金收入", COL_SPECIAL },
	{ "事业收入", COL_BUSINESS }, { "事业单位经营收入", COL_ENTERPRISE },
	{ "上级补助收入", COL_SUPERIOR }, { "附属单位上缴收入", COL_SUBORDINATE },
	{ "其他收入", COL_OTHER }, { "单位资金", COL_UNITFUNDS },
	{ "政府预算资金", COL_GOVBUDGET },
	{ "上年结转", COL_CARRY }, { "上年结转结余", COL_CARRY },
	{ "上年结转结余收入", COL_CARRY },
	{ "因公出国(境)费", COL_ABROAD }, { "因公出国费", COL_ABROAD },
	{ "公务用车购置及运行费", COL_CAR }, { "公务用车购置费", COL_CAR_BUY },
	{ "公务用车运行费", COL_CAR_RUN }, { "公务用车运行维护费", COL_CAR_RUN },
	{ "公务接待费", COL_RECEPTION },
};

static int column_for_word(const char *norm)
{
	for (size_t i = 0; i < sizeof column_words / sizeof *column_words; i++)
		if (strcmp(norm, column_words[i].word) == 0)
			return column_words[i].column;
	return -1;
}

int column_for_path(const char *path)
{
	if (!path[0])
		return -1;
	char leaf[256], parent[256] = "";
	label_norm(path_leaf(path), leaf, sizeof leaf);
	const char *slash = strrchr(path, '/');
	if (slash) {
		const char *start = slash;
		while (start > path && start[-1] != '/')
			start--;
		char tmp[256];
		size_t n = (size_t)(slash - start) < sizeof tmp - 1 ? (size_t)(slash - start) : sizeof tmp - 1;
		memcpy(tmp, start, n);
		tmp[n] = '\0';
		label_norm(tmp, parent, sizeof parent);
	}
	int pc = parent[0] ? column_for_word(parent) : -1;
	/* 小计 (and a 合计 under a group) is the group's own total. */
	if (strcmp(leaf, "小计") == 0 || (strcmp(leaf, "合计") == 0 && pc >= 0))
		return pc >= 0 ? pc : COL_TOTAL;
	int c = column_for_word(leaf);
	/* Carry-over columns name the fund under a carry-over heading. */
	if (strstr(parent, "结转")) {
		if (c == COL_GENERAL)
			return COL_CARRY_GENERAL;
		if (c == COL_GOVFUND)
			return COL_CARRY_GOVFUND;
		if (c == COL_STATECAP)
			return COL_CARRY_STATECAP;
	}
	return c;
}

struct node *section_node(struct reader *r, enum section sec)
{
	struct department *d = r->d;
	if (!d->sections[sec]) {
		static const char *const names[SEC__COUNT] = {
			[SEC_INCOME] = "收入", [SEC_FUNC] = "支出（功能分类）",
			[SEC_ECON] = "支出（经济分类）", [SEC_UNITS] = "单位与项目",
			[SEC_SANGONG] = "三公经费", [SEC_TARGETS] = "整体绩效目标",
			[SEC_FINDINGS] = "核对结果",
		};
		struct node *n = node_new(r->b, d->node, NODE_SECTION, "", names[sec],
		                          (struct origin){0});
		n->sub = (uint8_t)sec;
		d->sections[sec] = n;
	}
	return d->sections[sec];
}

struct node *income_node(struct reader *r, int column, const char *label,
                         struct node *parent, struct origin at)
{
	struct node *sec = section_node(r, SEC_INCOME);
	for (uint32_t i = 0; i < sec->nkids; i++) {
		struct node *n = sec->kids[i];
		if (n->kind == NODE_INCOME && n->sub == column)
			return n;
		for (uint32_t j = 0; j < n->nkids; j++)
			if (n->kids[j]->kind == NODE_INCOME && n->kids[j]->sub == column)
				return n->kids[j];
	}
	struct node *n = node_new(r->b, parent ? parent : sec, NODE_INCOME, "", label, at);
	n->sub = (uint8_t)column;
	return n;
}

static struct node *code_chain(struct reader *r, struct node *root, enum node_kind kind,
                               enum code_scheme scheme, const char *code,
                               const char *name, struct origin at)
{
	int level = code_level(code);
	if (level <= 0)
		level = 1;
	struct node *parent = root;
	if (level > 1) {
		char up[16];
		code_parent(code, up, sizeof up);
		parent = code_chain(r, root, kind, scheme, up, NULL, (struct origin){0});
	}
	struct node *n = node_find_child(parent, kind, code);
	if (!n) {
		const char *std = r->cls ? classification_name(r->cls, scheme, code) : NULL;
		n = node_new(r->b, parent, kind, code, name && name[0] ? name : std ? std : code, at);
		n->sub = (uint8_t)level;
	} else if (name && name[0] && n->file == 0) {
		/* A node built for its children gets the table's own row later. */
		n->name = budget_string(r->b, name);
		node_set_origin(n, at);
	}
	return n;
}

struct node *func_node(struct reader *r, const char *code, const char *name,
                       struct origin at)
{
	return code_chain(r, section_node(r, SEC_FUNC), NODE_FUNC, SCHEME_FUNC,
	                  code, name, at);
}

struct node *econ_node(struct reader *r, const char *code, const char *name,
                       struct origin at)
{
	return code_chain(r, section_node(r, SEC_ECON), NODE_ECON, SCHEME_ECON,
	                  code, name, at);
}

struct node *unit_node(struct reader *r, const char *code, const char *name,
                       struct origin at)
{
	struct node *units = section_node(r, SEC_UNITS);
	struct node *found = NULL;
	for (uint32_t i = 0; i < units->nkids && !found; i++) {
		struct node *u = units->kids[i];
		if (u->kind != NODE_UNIT)
			continue;
		if (code && code[0] && u->code[0] && strcmp(u->code, code) == 0)
			found = u;
		else if (name && name[0] && strcmp(u->name, name) == 0 &&
		         (!code || !code[0] || !u->code[0]))
			found = u;
	}
	if (!found)
		return node_new(r->b, units, NODE_UNIT, code, name, at);
	if (code && code[0] && !found->code[0])
		found->code = budget_code(r->b, code);
	if (found->file == 0)
		node_set_origin(found, at);
	return found;
}

bool row_is_total(const struct srow *row, const char *name, const int *colmap)
{
	if (label_is_total(name))
		return true;
	for (size_t c = 0; c < row->ncells; c++)
		if (colmap[c] < 0 && label_is_total(row->cells[c]))
			return true;
	return false;
}

void add_row_figures(struct reader *r, const struct srow *row,
                     const int *colmap, enum table_kind kind, struct node *node)
{
	for (size_t c = 0; c < r->s->npaths; c++) {
		int64_t fen;
		if (colmap[c] < 0 || (int)c == r->s->seq_col)
			continue;
		if (cell_amount(r, row, c, &fen, node))
			node_add_figure(r->b, node, kind, (enum column)colmap[c], fen,
			                row_origin(r, row));
	}
}

/* Whether the table gave the node a row of its own. */
static bool published(const struct node *n, enum table_kind kind)
{
	for (uint16_t i = 0; i < n->nfigs; i++)
		if (n->figs[i].table == kind && !(n->figs[i].flags & FIG_SUMMED))
			return true;
	return false;
}

void sum_up(struct reader *r, struct node *parent, enum table_kind kind)
{
	for (uint32_t i = 0; i < parent->nkids; i++) {
		struct node *k = parent->kids[i];
		if (k->kind != parent->kids[0]->kind || !k->nkids)
			continue;
		sum_up(r, k, kind);
		/* A published row stays as published, empty cells included. */
		if (published(k, kind))
			continue;
		/* One pass over the children's figures (a node has at most one
		 * per table and column), then the columns in order. */
		int64_t sum[COL__COUNT] = {0};
		bool any[COL__COUNT] = {0};
		for (uint32_t j = 0; j < k->nkids; j++) {
			const struct node *kid = k->kids[j];
			for (uint16_t f = 0; f < kid->nfigs; f++)
				if (kid->figs[f].table == kind) {
					int col = kid->figs[f].column;
					any[col] = true;
					sum[col] = amount_add(sum[col], kid->figs[f].fen);
				}
		}
		for (int col = 0; col < COL__COUNT; col++) {
			if (!any[col] || node_figure(k, kind, (enum column)col))
				continue;
			node_add_figure(r->b, k, kind, (enum column)col, sum[col], (struct origin){0});
			k->figs[k->nfigs - 1].flags |= FIG_SUMMED;
		}
	}
}
