#include "config.h"

#include "budget.h"
#include "i18n.h"
#include "records.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void budget_init(struct budget *b)
{
	*b = (struct budget){0};
	diags_init(&b->diags);
	strset_init(&b->strings, &b->names);
	/* Index 0 stands for "no file" in origins. */
	b->capfiles = 8;
	b->files = xcalloc(b->capfiles, sizeof *b->files);
	b->nfiles = 1;
}

void budget_free(struct budget *b)
{
	for (size_t i = 0; i < b->nfiles; i++)
		free(b->files[i].path);
	free(b->files);
	for (size_t i = 0; i < b->nfindings; i++)
		free(b->findings[i].text);
	free(b->findings);
	free(b->depts);
	diags_free(&b->diags);
	strset_free(&b->strings);
	arena_free(&b->names);
	arena_free(&b->arena);
	*b = (struct budget){0};
}

uint32_t budget_add_file(struct budget *b, const char *path)
{
	if (b->nfiles == b->capfiles) {
		b->capfiles *= 2;
		b->files = xreallocarray(b->files, b->capfiles, sizeof *b->files);
	}
	b->files[b->nfiles] = (struct source_file){ .path = xstrdup(path) };
	return (uint32_t)b->nfiles++;
}

struct department *budget_add_department(struct budget *b, const char *dir)
{
	struct department *d = arena_alloc(&b->arena, sizeof *d);
	d->dir = budget_string(b, dir ? dir : "");
	d->name = d->dir;
	d->unit = UNIT_WAN;
	budget_append_department(b, d);
	return d;
}

void budget_append_department(struct budget *b, struct department *d)
{
	if (b->ndepts == b->capdepts) {
		b->capdepts = b->capdepts ? b->capdepts * 2 : 8;
		b->depts = xreallocarray(b->depts, b->capdepts, sizeof *b->depts);
	}
	b->depts[b->ndepts++] = d;
}

void budget_absorb(struct budget *b, struct budget *part)
{
	arena_adopt(&b->arena, &part->arena);
	arena_adopt(&b->names, &part->names);
	/* What part's nodes point to now lives in b's arena; the rest of
	 * part was its own bookkeeping. */
	budget_free(part);
}

_Static_assert(sizeof(struct node) <= 64, "a node fits a cache line");
_Static_assert(NODE__COUNT <= 1 << 4 && COL__COUNT <= 1 << 6 && SEC__COUNT <= 1 << 6,
               "struct node's kind and sub hold every value");

struct node *node_new(struct budget *b, struct node *parent, enum node_kind kind,
                      const char *code, const char *name, struct origin at)
{
	struct node *n = arena_alloc(&b->arena, sizeof *n);
	n->kind = kind;
	n->code = budget_code(b, code ? code : "");
	n->name = budget_string(b, name ? name : "");
	node_set_origin(n, at);
	if (parent)
		node_attach(b, parent, n);
	return n;
}

void node_attach(struct budget *b, struct node *parent, struct node *n)
{
	n->parent = parent;
	/* Room for 2, 4, 8, … children, so the capacity needs no field: most
	 * parents (an indicator group) have one or two. */
	uint32_t k = parent->nkids;
	if (k == 0 || (k >= 2 && (k & (k - 1)) == 0)) {
		uint32_t cap = k ? 2 * k : 2;
		struct node ***spare = &b->spare_kids[__builtin_ctz(cap)];
		struct node **kids = *spare;
		if (kids)
			*spare = (struct node **)kids[0];
		else
			kids = arena_alloc_uninit(&b->arena, cap * sizeof *kids);
		if (k) {
			memcpy(kids, parent->kids, k * sizeof *kids);
			/* The old array holds the list's next, then waits for a
			 * parent with k children. */
			struct node ***old = &b->spare_kids[__builtin_ctz(k)];
			parent->kids[0] = (struct node *)*old;
			*old = parent->kids;
		}
		parent->kids = kids;
	}
	parent->kids[parent->nkids++] = n;
}

const char *budget_string(struct budget *b, const char *s)
{
	return strset_intern_str(&b->strings, s);
}

const char *budget_code(struct budget *b, const char *code)
{
	/* Codes of 类/款/项 (at most 7 digits) repeat in every department;
	 * a project's or a unit's code is its own, and looking it up would
	 * only cost a cache miss. */
	size_t n = strlen(code);
	return n > 8 ? arena_strndup(&b->arena, code, n) : strset_intern(&b->strings, code, n);
}

struct origin node_origin(const struct node *n)
{
	return (struct origin){ .file = (uint32_t)n->file, .record = (uint32_t)n->record };
}

/* at as a node or a figure can hold it: none when its file is past
 * ORIGIN_FILE_MAX. */
static struct origin storable(struct origin at)
{
	return at.file <= ORIGIN_FILE_MAX ? at : (struct origin){0};
}

void node_set_origin(struct node *n, struct origin at)
{
	at = storable(at);
	n->file = at.file;
	n->record = at.record;
}

/* The note follows the value in u.text. */
static const char *text_of(const struct node *n)
{
	return n->kind != NODE_DEPARTMENT && !n->linked ? n->u.text : NULL;
}

const char *node_value(const struct node *n)
{
	return n->valued ? text_of(n) : NULL;
}

const char *node_note(const struct node *n)
{
	const char *t = text_of(n);
	if (!t)
		return NULL;
	t += strlen(t) + 1;
	return *t ? t : NULL;
}

void node_set_text(struct budget *b, struct node *n, const char *value, const char *note)
{
	if (n->kind == NODE_DEPARTMENT || n->linked)
		return;
	size_t lv = value ? strlen(value) : 0, ln = note ? strlen(note) : 0;
	char *t = arena_alloc_uninit(&b->arena, lv + ln + 2);
	memcpy(t, value ? value : "", lv + 1);
	memcpy(t + lv + 1, note ? note : "", ln + 1);
	n->u.text = t;
	n->valued = value != NULL;
}

struct node *node_link(const struct node *n)
{
	return n->linked ? n->u.link : NULL;
}

void node_set_link(struct node *n, struct node *to)
{
	n->u.link = to;
	n->linked = to != NULL;
}

struct department *node_department(const struct node *n)
{
	while (n && n->kind != NODE_DEPARTMENT)
		n = n->parent;
	return n ? n->u.dept : NULL;
}

struct node *node_find_child(const struct node *parent, enum node_kind kind,
                             const char *code)
{
	for (uint32_t i = 0; i < parent->nkids; i++) {
		struct node *k = parent->kids[i];
		if (k->kind == kind && strcmp(k->code, code) == 0)
			return k;
	}
	return NULL;
}

static struct figure *find_figure(const struct node *n, enum table_kind table,
                                  enum column column)
{
	for (uint16_t i = 0; i < n->nfigs; i++)
		if (n->figs[i].table == table && n->figs[i].column == column)
			return &n->figs[i];
	return NULL;
}

void node_add_figure(struct budget *b, struct node *n, enum table_kind table,
                     enum column column, int64_t fen, struct origin at)
{
	struct figure *f = find_figure(n, table, column);
	if (f) {
		f->fen = amount_add(f->fen, fen);
		f->flags |= FIG_MULTI;
		return;
	}
	/* A row's figures come one after another, with nothing else made in
	 * between: the array can usually grow by one in place. */
	if (n->nfigs == n->capfigs && n->capfigs &&
	    arena_extend(&b->arena, n->figs, n->capfigs * sizeof *n->figs, sizeof *n->figs))
		n->capfigs++;
	if (n->nfigs == n->capfigs) {
		uint16_t cap = n->capfigs ? (uint16_t)(n->capfigs * 2) : 1;
		struct figure *figs = arena_alloc(&b->arena, cap * sizeof *figs);
		if (n->nfigs)
			memcpy(figs, n->figs, n->nfigs * sizeof *figs);
		n->figs = figs;
		n->capfigs = cap;
	}
	at = storable(at);
	n->figs[n->nfigs++] = (struct figure){
		.fen = fen, .file = at.file, .record = at.record, .table = table, .column = column,
	};
}

const struct figure *node_figure(const struct node *n, enum table_kind table,
                                 enum column column)
{
	return find_figure(n, table, column);
}

_Static_assert(RECORDS_MAX < 1 << 21 && TK__COUNT <= 1 << 5 && COL__COUNT <= 1 << 7,
               "struct figure's fields hold every record, table and column");

struct origin figure_origin(const struct figure *f)
{
	return (struct origin){ .file = (uint32_t)f->file, .record = (uint32_t)f->record };
}

const struct figure *node_headline(const struct node *n)
{
	/* The table that describes a node best comes first. */
	static const uint8_t order[] = {
		TK_SPENDING, TK_BASIC, TK_ECON, TK_PROJECTS, TK_INDICATORS,
		TK_SANGONG, TK_SUMMARY, TK_APPROP, TK_GENERAL, TK_INCOME,
		TK_GOVFUND, TK_STATECAP, TK_TARGETS,
	};
	if (n->kind == NODE_DEPARTMENT || n->kind == NODE_COLLECTION) {
		const struct figure *f = node_figure(n, TK_SUMMARY, COL_SPEND_ALL);
		if (f)
			return f;
	}
	for (size_t i = 0; i < sizeof order; i++) {
		const struct figure *f = node_figure(n, order[i], COL_TOTAL);
		if (f)
			return f;
	}
	/* A line that holds one figure only (an income source, a 三公 item),
	 * perhaps from several tables; never a part of a row whose total is
	 * missing (a 基本支出 is not the row's amount). */
	for (uint16_t i = 1; i < n->nfigs; i++)
		if (n->figs[i].column != n->figs[0].column)
			return NULL;
	return n->nfigs ? &n->figs[0] : NULL;
}

const char *node_kind_name(enum node_kind k)
{
	static const char *const names[NODE__COUNT] = {
		[NODE_COLLECTION] = "collection", [NODE_DEPARTMENT] = "department",
		[NODE_SECTION] = "section", [NODE_INCOME] = "income",
		[NODE_FUNC] = "func", [NODE_ECON] = "econ", [NODE_UNIT] = "unit",
		[NODE_PROJECT] = "project", [NODE_GROUP] = "group",
		[NODE_INDICATOR] = "indicator", [NODE_SANGONG] = "sangong",
		[NODE_LEVEL] = "level", [NODE_TEXT] = "text",
	};
	return k < NODE__COUNT ? names[k] : "?";
}

const char *table_kind_name(enum table_kind k)
{
	static const char *const names[TK__COUNT] = {
		[TK_NONE] = "", [TK_SUMMARY] = "收支总表", [TK_INCOME] = "收入总表",
		[TK_SPENDING] = "支出总表", [TK_APPROP] = "财政拨款收支总表",
		[TK_GENERAL] = "一般公共预算支出表", [TK_BASIC] = "基本支出表",
		[TK_ECON] = "经济分类汇总表", [TK_SANGONG] = "三公经费表",
		[TK_GOVFUND] = "政府性基金表", [TK_STATECAP] = "国有资本经营表",
		[TK_PROJECTS] = "项目支出表", [TK_TARGETS] = "整体绩效目标表",
		[TK_INDICATORS] = "项目绩效目标表",
	};
	return k < TK__COUNT ? names[k] : "";
}

const char *column_label(enum column c)
{
	static const char *const labels[COL__COUNT] = {
		[COL_TOTAL] = N_("Total"),
		[COL_BASIC] = N_("Basic spending"),
		[COL_PERSONNEL] = N_("Personnel"),
		[COL_WAGES] = N_("Wages and benefits"),
		[COL_FAMILY] = N_("Subsidies to individuals and families"),
		[COL_PUBLIC] = N_("Public expenses"),
		[COL_GOODS] = N_("Goods and services"),
		[COL_CAPITAL] = N_("Capital spending"),
		[COL_PROJECT] = N_("Project spending"),
		[COL_OPERATING] = N_("Other operating projects"),
		[COL_SPECIFIC] = N_("Specific-purpose projects"),
		[COL_GENERAL] = N_("General public budget"),
		[COL_APPROP] = N_("of which: fiscal appropriation"),
		[COL_GOVFUND] = N_("Government fund budget"),
		[COL_STATECAP] = N_("State capital operation budget"),
		[COL_SPECIAL] = N_("Fiscal special account funds"),
		[COL_BUSINESS] = N_("Business income"),
		[COL_ENTERPRISE] = N_("Operating income of public institutions"),
		[COL_SUPERIOR] = N_("Grants from higher authorities"),
		[COL_SUBORDINATE] = N_("Remittances from subordinate units"),
		[COL_OTHER] = N_("Other income"),
		[COL_UNITFUNDS] = N_("Unit funds"),
		[COL_GOVBUDGET] = N_("Government budget funds"),
		[COL_CARRY] = N_("Carry-over from last year"),
		[COL_CARRY_GENERAL] = N_("Carry-over: general public budget"),
		[COL_CARRY_GOVFUND] = N_("Carry-over: government fund budget"),
		[COL_CARRY_STATECAP] = N_("Carry-over: state capital operation budget"),
		[COL_INCOME_YEAR] = N_("Income this year"),
		[COL_INCOME_ALL] = N_("Total income"),
		[COL_SPEND_YEAR] = N_("Spending this year"),
		[COL_SPEND_ALL] = N_("Total spending"),
		[COL_CARRY_OUT] = N_("Carry-over to next year"),
		[COL_ABROAD] = N_("Official travel abroad"),
		[COL_CAR] = N_("Official vehicles"),
		[COL_CAR_BUY] = N_("Vehicle purchase"),
		[COL_CAR_RUN] = N_("Vehicle operation"),
		[COL_RECEPTION] = N_("Official reception"),
	};
	return c < COL__COUNT ? labels[c] : "?";
}

const char *column_term(enum column c)
{
	static const char *const terms[COL__COUNT] = {
		[COL_TOTAL] = "合计", [COL_BASIC] = "基本支出", [COL_PERSONNEL] = "人员经费",
		[COL_WAGES] = "工资福利支出", [COL_FAMILY] = "对个人和家庭的补助",
		[COL_PUBLIC] = "公用经费", [COL_GOODS] = "商品和服务支出",
		[COL_CAPITAL] = "资本性支出", [COL_PROJECT] = "项目支出",
		[COL_OPERATING] = "其他运转类", [COL_SPECIFIC] = "特定目标类",
		[COL_GENERAL] = "一般公共预算", [COL_APPROP] = "其中：财政拨款",
		[COL_GOVFUND] = "政府性基金预算", [COL_STATECAP] = "国有资本经营预算",
		[COL_SPECIAL] = "财政专户管理资金", [COL_BUSINESS] = "事业收入",
		[COL_ENTERPRISE] = "事业单位经营收入", [COL_SUPERIOR] = "上级补助收入",
		[COL_SUBORDINATE] = "附属单位上缴收入", [COL_OTHER] = "其他收入",
		[COL_UNITFUNDS] = "单位资金", [COL_GOVBUDGET] = "政府预算资金",
		[COL_CARRY] = "上年结转", [COL_CARRY_GENERAL] = "结转结余：一般公共预算",
		[COL_CARRY_GOVFUND] = "结转结余：政府性基金预算",
		[COL_CARRY_STATECAP] = "结转结余：国有资本经营预算",
		[COL_INCOME_YEAR] = "本年收入合计", [COL_INCOME_ALL] = "收入总计",
		[COL_SPEND_YEAR] = "本年支出合计", [COL_SPEND_ALL] = "支出总计",
		[COL_CARRY_OUT] = "年终结转结余", [COL_ABROAD] = "因公出国(境)费",
		[COL_CAR] = "公务用车购置及运行费", [COL_CAR_BUY] = "公务用车购置费",
		[COL_CAR_RUN] = "公务用车运行费", [COL_RECEPTION] = "公务接待费",
	};
	return c < COL__COUNT ? terms[c] : "";
}

const char *section_label(enum section s)
{
	static const char *const labels[SEC__COUNT] = {
		[SEC_INCOME] = N_("Income"),
		[SEC_FUNC] = N_("Spending by function"),
		[SEC_ECON] = N_("Spending by economic class"),
		[SEC_UNITS] = N_("Units and projects"),
		[SEC_SANGONG] = N_("\"Three public\" expenses"),
		[SEC_TARGETS] = N_("Department performance targets"),
		[SEC_FINDINGS] = N_("Check results"),
	};
	return s < SEC__COUNT ? labels[s] : "?";
}

const char *group_label(enum indicator_group g)
{
	static const char *const labels[GRP__COUNT] = {
		[GRP_COST] = N_("Cost indicators"),
		[GRP_OUTPUT] = N_("Output indicators"),
		[GRP_EFFECT] = N_("Effect indicators"),
		[GRP_SATISFACTION] = N_("Satisfaction indicators"),
	};
	return g < GRP__COUNT ? labels[g] : "?";
}

const char *project_type_name(enum project_type t)
{
	switch (t) {
	case PT_OPERATING: return "其他运转类";
	case PT_SPECIFIC: return "特定目标类";
	case PT_UNKNOWN: break;
	}
	return "";
}

void budget_take_finding(struct budget *b, const struct finding *f)
{
	if (b->nfindings == b->capfindings) {
		b->capfindings = b->capfindings ? b->capfindings * 2 : 16;
		b->findings = xreallocarray(b->findings, b->capfindings, sizeof *b->findings);
	}
	b->findings[b->nfindings++] = *f;
}

void budget_add_finding(struct budget *b, enum severity sev, enum finding_kind kind,
                        struct node *node, struct origin a, struct origin b_at,
                        int64_t expected, int64_t actual, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	budget_take_finding(b, &(struct finding){
		.sev = sev, .kind = kind, .node = node, .a = a, .b = b_at,
		.expected = expected, .actual = actual, .text = text,
	});
	if (node && kind != FIND_CODE)
		node->flags |= sev == SEV_NOTE ? NODE_F_ROUNDING : NODE_F_DISCREPANCY;
}
