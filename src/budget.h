/* The budget model: one tree per department, every figure with its origin.
 *
 * The loader builds it; the checks read it and attach findings (they never
 * change a figure); the views and reports only read it.  Everything here is
 * owned by the struct budget and lives until budget_free: strings and nodes
 * come from its arena, so pointers into the model stay valid that long.
 * Strings are UTF-8 exactly as published: sanitise before drawing. */
#ifndef YUSUAN_BUDGET_H
#define YUSUAN_BUDGET_H

#include "amount.h"
#include "arena.h"
#include "diag.h"
#include "encoding.h"
#include "strset.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where a figure or node came from: budget->files[file], CSV record number
 * (1-based).  file 0 means "computed, not read from any file". */
struct origin {
	uint32_t file;
	uint32_t record;
};

/* The standard tables of a published budget (FORMATS.md). */
enum table_kind {
	TK_NONE,
	TK_SUMMARY,     /* 收支总表 */
	TK_INCOME,      /* 收入总表 */
	TK_SPENDING,    /* 支出总表 */
	TK_APPROP,      /* 财政拨款收支总表 */
	TK_GENERAL,     /* 一般公共预算支出表 */
	TK_BASIC,       /* 基本支出表 */
	TK_ECON,        /* 经济分类汇总表 */
	TK_SANGONG,     /* 三公经费表 */
	TK_GOVFUND,     /* 政府性基金表 */
	TK_STATECAP,    /* 国有资本经营表 */
	TK_PROJECTS,    /* 项目支出表 */
	TK_TARGETS,     /* 整体绩效目标表 */
	TK_INDICATORS,  /* 项目绩效目标表 */
	TK__COUNT
};

/* What an amount means, whichever table and column it was read from. */
enum column {
	COL_TOTAL,        /* 合计 */
	COL_BASIC,        /* 基本支出 */
	COL_PERSONNEL,    /* 人员经费 */
	COL_WAGES,        /* 工资福利支出 */
	COL_FAMILY,       /* 对个人和家庭的补助 */
	COL_PUBLIC,       /* 公用经费 */
	COL_GOODS,        /* 商品和服务支出 */
	COL_CAPITAL,      /* 资本性支出 */
	COL_PROJECT,      /* 项目支出 */
	COL_OPERATING,    /* 其他运转类 */
	COL_SPECIFIC,     /* 特定目标类 */
	/* fund sources */
	COL_GENERAL,      /* 一般公共预算 */
	COL_APPROP,       /* 其中：财政拨款 */
	COL_GOVFUND,      /* 政府性基金预算 */
	COL_STATECAP,     /* 国有资本经营预算 */
	COL_SPECIAL,      /* 财政专户管理资金 */
	COL_BUSINESS,     /* 事业收入 */
	COL_ENTERPRISE,   /* 事业单位经营收入 */
	COL_SUPERIOR,     /* 上级补助收入 */
	COL_SUBORDINATE,  /* 附属单位上缴收入 */
	COL_OTHER,        /* 其他收入 */
	COL_UNITFUNDS,    /* 单位资金 */
	COL_GOVBUDGET,    /* 政府预算资金 */
	COL_CARRY,        /* 上年结转(结余) */
	COL_CARRY_GENERAL,   /* 财政拨款结转结余：一般公共预算 */
	COL_CARRY_GOVFUND,   /* 财政拨款结转结余：政府性基金预算 */
	COL_CARRY_STATECAP,  /* 财政拨款结转结余：国有资本经营预算 */
	/* summary lines of 收支总表 / 财政拨款收支总表 */
	COL_INCOME_YEAR,  /* 本年收入合计 */
	COL_INCOME_ALL,   /* 收入总计 */
	COL_SPEND_YEAR,   /* 本年支出合计 */
	COL_SPEND_ALL,    /* 支出总计 */
	COL_CARRY_OUT,    /* 年终结转结余 */
	/* 三公经费 */
	COL_ABROAD,       /* 因公出国(境)费 */
	COL_CAR,          /* 公务用车购置及运行费 */
	COL_CAR_BUY,      /* 公务用车购置费 */
	COL_CAR_RUN,      /* 公务用车运行费 */
	COL_RECEPTION,    /* 公务接待费 */
	COL__COUNT
};

enum figure_flag {
	FIG_SUMMED = 1,   /* built by the loader as the sum of its children */
	FIG_MULTI = 2,    /* several rows of the table add up to it */
};

/* Packed in 16 bytes: a province has three million figures. */
struct figure {
	int64_t fen;           /* 0.01 元 */
	uint64_t file : 24;    /* the first row it was read from (figure_origin); */
	uint64_t record : 21;  /* file 0 when its index is past ORIGIN_FILE_MAX */
	uint64_t table : 5;    /* enum table_kind */
	uint64_t column : 7;   /* enum column */
	uint64_t flags : 2;    /* enum figure_flag */
};
/* Files past this index cannot be named by a figure or a node. */
#define ORIGIN_FILE_MAX ((1u << 24) - 1)

enum node_kind {
	NODE_COLLECTION,  /* several departments */
	NODE_DEPARTMENT,
	NODE_SECTION,     /* 收入, 支出（功能分类）, … (sub = enum section) */
	NODE_INCOME,      /* an income source line (sub = enum column) */
	NODE_FUNC,        /* function 类/款/项 (sub = level 1..3) */
	NODE_ECON,        /* economic 类/款 (sub = level 1..2) */
	NODE_UNIT,
	NODE_PROJECT,     /* sub = enum project_type */
	NODE_GROUP,       /* an indicator group (sub = enum indicator_group) */
	NODE_INDICATOR,   /* 三级指标 (value = 指标值) */
	NODE_SANGONG,     /* a 三公 line */
	NODE_LEVEL,       /* 整体绩效: 一级/二级指标, or a heading (目标, 任务, 预算情况) */
	NODE_TEXT,        /* 整体绩效: a goal or task (value = its text) */
	NODE__COUNT
};

enum section {
	SEC_INCOME,       /* 收入 */
	SEC_FUNC,         /* 支出（功能分类） */
	SEC_ECON,         /* 支出（经济分类） */
	SEC_UNITS,        /* 单位与项目 */
	SEC_SANGONG,      /* 三公经费 */
	SEC_TARGETS,      /* 整体绩效目标 */
	SEC_FINDINGS,     /* 核对结果 */
	SEC__COUNT
};

enum project_type { PT_UNKNOWN, PT_OPERATING /* 其他运转类 */, PT_SPECIFIC /* 特定目标类 */ };

enum indicator_group { GRP_COST, GRP_OUTPUT, GRP_EFFECT, GRP_SATISFACTION, GRP__COUNT };

enum node_flag {
	NODE_F_DISCREPANCY = 1,  /* a check found a difference beyond rounding */
	NODE_F_ROUNDING = 2,     /* a check found a rounding difference */
	NODE_F_UNREADABLE = 4,   /* a cell of its row could not be read */
};

struct node {
	/* A province has nearly two million nodes: each is 64 bytes, and what
	 * only some kinds need shares the room (use the node_ functions). */
	uint64_t kind : 4;     /* enum node_kind */
	uint64_t sub : 6;      /* see enum node_kind */
	uint64_t flags : 3;    /* enum node_flag, set by the loader and checks */
	uint64_t linked : 1;   /* u is a link (node_link) */
	uint64_t valued : 1;   /* u.text starts with a value (node_value) */
	uint64_t file : 24;    /* the row that created it (node_origin) */
	uint64_t record : 21;
	uint32_t nkids;        /* kids has room for the next power of two */
	uint16_t nfigs, capfigs;
	const char *code;      /* normalised code, "" when none */
	const char *name;      /* as published */
	struct node *parent;
	struct node **kids;
	struct figure *figs;
	union {
		const char *text;         /* value and note, each NUL-terminated
		                             (node_set_text) */
		struct node *link;        /* NODE_PROJECT shown again (node_link) */
		struct department *dept;  /* NODE_DEPARTMENT: its department */
	} u;
};

struct department {
	const char *name;
	int year;                     /* 0 when unknown */
	enum amount_unit unit;        /* the unit most of its tables use
	                                 (each file has its own) */
	const char *dir;              /* the package folder */
	struct node *node;            /* NODE_DEPARTMENT */
	struct node *sections[SEC__COUNT];
	uint32_t table_file[TK__COUNT];  /* file index of each table, 0 = absent */
};

struct source_file {
	char *path;
	enum encoding enc;
	enum table_kind kind;   /* TK_NONE when not recognised */
	enum amount_unit unit;  /* what its amounts were published in */
	size_t invalid_bytes;
	uint32_t records;
	struct department *dept;
};

enum finding_kind {
	FIND_SUM,        /* a total against the sum of its parts */
	FIND_ROW,        /* an identity across the columns of one row */
	FIND_CROSS,      /* the same figure in two tables */
	FIND_CODE,       /* a code unknown, of the wrong length or misnamed */
};

struct finding {
	enum severity sev;      /* SEV_WARNING discrepancy, SEV_NOTE rounding */
	enum finding_kind kind;
	struct node *node;      /* the node it concerns */
	struct origin a, b;     /* where the two compared figures came from */
	uint32_t a_last, b_last;   /* a sum's rows: a.record to a_last (0: one row) */
	int64_t expected;       /* the published figure */
	int64_t actual;         /* what the parts or the other table give */
	char *text;             /* UTF-8 in the interface language */
};

struct budget {
	struct arena arena;
	struct source_file *files;   /* files[0] is unused: origin.file 0 = none */
	size_t nfiles, capfiles;
	struct department **depts;
	size_t ndepts, capdepts;
	struct node *root;           /* NODE_COLLECTION, or the only department */
	struct diags diags;          /* loading messages */
	struct finding *findings;
	size_t nfindings, capfindings;
	struct strset strings;       /* the model's names, each kept once, */
	struct arena names;          /* here, packed: looking one up touches
	                                few cache lines */
	/* Arrays of children that their parents outgrew, by log2 of their
	 * room, each holding the next: reused before the arena grows. */
	struct node **spare_kids[32];
};

void budget_init(struct budget *b);
void budget_free(struct budget *b);

/* Registers a file; returns its index for origins. */
uint32_t budget_add_file(struct budget *b, const char *path);

struct department *budget_add_department(struct budget *b, const char *dir);
/* Appends a department built in another budget (see budget_absorb). */
void budget_append_department(struct budget *b, struct department *d);
/* Takes over the memory of part, a budget that departments were built in
 * (on another thread), and frees the rest of part: its files, messages,
 * findings and department list are dropped, its nodes and strings stay
 * valid as long as b. */
void budget_absorb(struct budget *b, struct budget *part);

/* The model's copy of s, shared by every equal string: names repeat a lot
 * across a province (成本指标 under every project, 行政运行 in every
 * department). */
const char *budget_string(struct budget *b, const char *s);
/* The same for a code: shared when short (a 功能科目 or 经济科目 code),
 * a copy of its own when long (a project's or a unit's code). */
const char *budget_code(struct budget *b, const char *code);

/* A new node under parent (NULL for a root); strings are copied. */
struct node *node_new(struct budget *b, struct node *parent, enum node_kind kind,
                      const char *code, const char *name, struct origin at);
/* Appends n (a root so far) to parent's children. */
void node_attach(struct budget *b, struct node *parent, struct node *n);
/* The row that created n ({0,0} when the loader built it). */
struct origin node_origin(const struct node *n);
void node_set_origin(struct node *n, struct origin at);
/* An indicator's 指标值 verbatim, a text's body, a project's 绩效目标;
 * NULL when none. */
const char *node_value(const struct node *n);
/* The 二级指标 of a project indicator, the 指标值说明 of a target
 * indicator, a project's other published name; NULL when none. */
const char *node_note(const struct node *n);
/* Gives n its value and note (either NULL for none), copied.  Not for a
 * department or a project shown again. */
void node_set_text(struct budget *b, struct node *n, const char *value, const char *note);
/* The project n stands for when it is a project shown again under its
 * 功能科目 项; NULL for any other node. */
struct node *node_link(const struct node *n);
/* Makes the project n stand for project to. */
void node_set_link(struct node *n, struct node *to);
/* The department n belongs to; NULL above the departments. */
struct department *node_department(const struct node *n);
/* The child of parent with this kind and code, NULL when none. */
struct node *node_find_child(const struct node *parent, enum node_kind kind,
                             const char *code);

/* Adds fen to the node's figure (table, column); a second add of the same
 * figure makes it a sum (FIG_MULTI), keeping the first origin. */
void node_add_figure(struct budget *b, struct node *n, enum table_kind table,
                     enum column column, int64_t fen, struct origin at);
const struct figure *node_figure(const struct node *n, enum table_kind table,
                                 enum column column);
/* Where a figure was first read from. */
struct origin figure_origin(const struct figure *f);

/* The figure that stands for the node in lists (合计 of the most basic table
 * that gives one; 支出总计 for a department); NULL when it has none. */
const struct figure *node_headline(const struct node *n);

/* Names for --dump and the interface.  Kinds and tables are not translated
 * (they are a file format); columns, sections and groups are shown in the
 * interface language through gettext (call _() on the result). */
const char *node_kind_name(enum node_kind k);
const char *table_kind_name(enum table_kind k);   /* Chinese, as in FORMATS.md */
const char *column_label(enum column c);          /* N_() msgid */
const char *column_term(enum column c);           /* Chinese, as tables print it */
const char *section_label(enum section s);        /* N_() msgid */
const char *group_label(enum indicator_group g);  /* N_() msgid */
const char *project_type_name(enum project_type t);  /* Chinese, as published */

/* Appends a finding made in another budget (it now owns its text). */
void budget_take_finding(struct budget *b, const struct finding *f);
/* Adds a finding (text printf-style, already translated) and flags its node. */
void budget_add_finding(struct budget *b, enum severity sev, enum finding_kind kind,
                        struct node *node, struct origin a, struct origin b_at,
                        int64_t expected, int64_t actual, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

#endif
