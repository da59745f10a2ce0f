/* bench/gen: writes the synthetic province that `make bench` measures.
 *
 *   gen [-n DEPARTMENTS] CLASSIFICATION.tsv UTF8_DIR GBK_DIR
 *
 * Each department is a package of four tables shaped like the samples in
 * data/samples (title rows, 部门名称 row, merged three-row headers, quoted
 * thousands separators, CRLF): 支出总表 with split 类/款/项 codes, a 合计
 * row and the department's unit row; 基本支出表 by economic code with the
 * government class beside it; 项目支出表; 项目绩效目标表 in the wide
 * layout, 3-8 indicators per project.  The figures reconcile exactly and
 * the codes and their names come from the classification, so `yusuan
 * --check` finds nothing.  The same files are written once in UTF-8 (with
 * a BOM, as Excel's "CSV UTF-8") and once in GBK.
 *
 * Deterministic: a fixed seed, the departments in order.  A complete
 * province ends with a ".complete" stamp naming its size; the caller
 * decides whether to reuse it. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define STAMP "yusuan bench province v1"

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("gen: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

/* --- random numbers (splitmix64) ----------------------------------------- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static long between(long lo, long hi)
{
	return lo + (long)(rnd() % (uint64_t)(hi - lo + 1));
}

static int chance(int percent)
{
	return (int)(rnd() % 100) < percent;
}

/* --- output buffer and CSV rows ------------------------------------------ */

struct buf {
	char *p;
	size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->n < n) {
		while (b->cap - b->n < n)
			b->cap = b->cap ? b->cap * 2 : 1 << 16;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			die("out of memory");
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

enum { MAXW = 16, CELL = 256 };

struct row {
	char cell[MAXW][CELL];
	int w;
};

static void row_start(struct row *r, int w)
{
	r->w = w;
	for (int i = 0; i < w; i++)
		r->cell[i][0] = '\0';
}

static void set(struct row *r, int i, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set(struct row *r, int i, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->cell[i], CELL, fmt, ap);
	va_end(ap);
}

/* An amount in 0.01 万元, written as Excel shows it: "1,234.56". */
static void set_amount(struct row *r, int i, long v)
{
	char digits[32], *o = r->cell[i];
	int n = snprintf(digits, sizeof digits, "%ld", v / 100);
	for (int k = 0; k < n; k++) {
		if (k && (n - k) % 3 == 0)
			*o++ = ',';
		*o++ = digits[k];
	}
	sprintf(o, ".%02ld", v % 100);
}

/* An amount cell, empty for nothing. */
static void set_opt(struct row *r, int i, long v)
{
	if (v)
		set_amount(r, i, v);
}

static void emit(struct buf *b, const struct row *r)
{
	for (int i = 0; i < r->w; i++) {
		const char *c = r->cell[i];
		if (i)
			put(b, ",", 1);
		if (strpbrk(c, ",\"\r\n")) {
			put(b, "\"", 1);
			for (; *c; c++) {
				put(b, c, 1);
				if (*c == '"')
					put(b, c, 1);   /* doubled */
			}
			put(b, "\"", 1);
		} else {
			put(b, c, strlen(c));
		}
	}
	put(b, "\r\n", 2);
}

/* A row with one cell filled. */
static void line(struct buf *b, int w, int col, const char *text)
{
	struct row r;
	row_start(&r, w);
	set(&r, col, "%s", text);
	emit(b, &r);
}

/* A header row from a comma-separated list of cells (no cell holds a comma). */
static void header(struct buf *b, const char *cells)
{
	put(b, cells, strlen(cells));
	put(b, "\r\n", 2);
}

/* --- the classification ----------------------------------------------------- */

struct code {
	char code[8];
	char name[96];
};

struct codes {
	struct code *v;
	size_t n, cap;
};

static struct codes func7;            /* 项 */
static struct codes econ[4];          /* 款 of 301, 302, 303, 310 */
static const char *const econ_class[4] = { "301", "302", "303", "310" };
/* The government class each economic class is paired with. */
static const char *const gecon_code[4] = { "50101", "50201", "50905", "50306" };
static char gecon_name[4][96];

static void add(struct codes *c, const char *code, const char *name)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = realloc(c->v, c->cap * sizeof *c->v);
		if (!c->v)
			die("out of memory");
	}
	snprintf(c->v[c->n].code, sizeof c->v[c->n].code, "%s", code);
	snprintf(c->v[c->n].name, sizeof c->v[c->n].name, "%s", name);
	c->n++;
}

static void read_classification(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die("%s: %s", path, strerror(errno));
	char l[512];
	while (fgets(l, sizeof l, f)) {
		if (l[0] == '#')
			continue;
		char *scheme = strtok(l, "\t\n"), *code = strtok(NULL, "\t\n");
		char *name = strtok(NULL, "\t\n");
		if (!scheme || !code || !name)
			continue;
		size_t len = strlen(code);
		if (strcmp(scheme, "func") == 0 && len == 7)
			add(&func7, code, name);
		for (int k = 0; k < 4; k++) {
			if (strcmp(scheme, "econ") == 0 && len == 5 && strncmp(code, econ_class[k], 3) == 0)
				add(&econ[k], code, name);
			if (strcmp(scheme, "gecon") == 0 && strcmp(code, gecon_code[k]) == 0)
				snprintf(gecon_name[k], sizeof gecon_name[k], "%s", name);
		}
	}
	fclose(f);
	if (func7.n < 200)
		die("%s: too few function codes", path);
	for (int k = 0; k < 4; k++)
		if (econ[k].n < 3 || !gecon_name[k][0])
			die("%s: economic class %s incomplete", path, econ_class[k]);
}

/* k distinct indexes of 0..n-1, in increasing order. */
static void pick(size_t n, size_t k, size_t *out)
{
	size_t chosen = 0;
	for (size_t i = 0; i < n && chosen < k; i++)
		if (rnd() % (n - i) < k - chosen)
			out[chosen++] = i;
}

/* Splits total (> 0) into k > 0 parts of at least 1, unevenly. */
static void split(long total, size_t k, long *parts)
{
	long w[128], sum = 0;
	if (k > 128 || total < (long)k)
		die("cannot split %ld into %zu parts", total, k);
	for (size_t i = 0; i < k; i++)
		sum += w[i] = between(1, 100);
	long left = total - (long)k;
	long given = 0;
	for (size_t i = 0; i < k; i++) {
		parts[i] = 1 + left * w[i] / sum;
		given += parts[i];
	}
	parts[k - 1] += total - given;
}

/* --- words ------------------------------------------------------------------- */

static const char *const cities[] = {
	"郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市",
	"濮阳市", "许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市",
	"驻马店市", "济源市", "巩义市", "兰考县", "汝州市", "滑县", "长垣市", "邓州市",
	"永城市", "固始县", "鹿邑县", "新蔡县", "中牟县", "登封市", "新密市", "荥阳市",
	"新郑市", "偃师区", "孟津区", "宜阳县", "栾川县", "嵩县", "汝阳县", "伊川县",
};

static const char *const bureaus[] = {
	"人力资源和社会保障局", "教育局", "财政局", "民政局", "司法局", "公安局", "自然资源和规划局",
	"生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
	"文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
	"市场监督管理局", "统计局", "医疗保障局", "林业局", "城市管理局", "机关事务管理局",
	"信访局", "大数据管理局", "体育局", "科学技术局", "工业和信息化局", "发展和改革委员会",
	"粮食和物资储备局", "人民防空办公室", "地方金融监督管理局", "档案馆", "地方史志办公室",
	"残疾人联合会", "妇女联合会", "总工会", "共青团委员会", "科学技术协会", "红十字会",
	"文学艺术界联合会", "工商业联合会", "气象局", "供销合作社", "住房公积金管理中心",
	"公共资源交易中心", "行政审批和政务信息管理局", "乡村振兴局", "国有资产监督管理委员会",
};

static const char *const unit_suffixes[] = {
	"信息中心", "服务中心", "培训中心", "监察支队", "档案馆", "研究所", "事务中心",
	"考试中心", "综合执法大队", "宣传中心",
};

static const char *const topics[] = {
	"政务服务平台", "信息系统", "人才引进", "职业技能培训", "就业创业服务", "档案数字化",
	"安全生产检查", "执法装备", "业务用房", "网络安全", "数据中心", "公共服务热线",
	"专项审计", "统计调查", "宣传教育", "应急演练", "设备购置", "课题研究", "标准化建设",
	"基层服务站", "志愿服务", "法律援助", "综合监管", "考试考务", "社会保障卡",
	"劳动能力鉴定", "城乡规划编制", "环境监测", "河道治理", "农村公路养护",
};

static const char *const actions[] = {
	"运行维护经费", "建设项目经费", "工作经费", "专项经费", "购置经费", "保障经费",
	"升级改造经费", "服务外包经费", "补助资金", "奖补资金", "委托业务费", "宣传经费",
	"培训经费", "监测经费", "评审经费", "管理经费", "租赁经费", "印刷经费", "活动经费",
	"考核经费",
};

struct indicator_words {
	const char *name;
	const char *value_fmt;   /* %ld gets a number */
	long lo, hi;
};

static const struct indicator_words cost_words[] = {
	{ "项目成本控制额", "≤%ld元", 10000, 900000 },
	{ "支付运维费用", "≤%ld 元", 5000, 500000 },
	{ "人均培训成本", "≤%ld元/人", 100, 3000 },
	{ "单位面积维修成本", "≤%ld元/平方米", 50, 800 },
};

static const struct indicator_words output_words[] = {
	{ "服务人数", "≥%ld人", 20, 20000 },
	{ "培训场次", "≥%ld场", 2, 60 },
	{ "保障月份", "%ld 月", 1, 12 },
	{ "设备购置数量", "%ld台", 1, 300 },
	{ "系统正常运行率", "≥%ld%%", 90, 99 },
	{ "项目完成及时率", "%ld%%", 95, 100 },
	{ "档案整理数量", "≥%ld 份", 100, 200000 },
	{ "检查覆盖面", "≥%ld%%", 80, 100 },
	{ "招录人数", "≥%ld人", 5, 500 },
	{ "验收合格率", "%ld%%", 98, 100 },
};

static const struct indicator_words effect_words[] = {
	{ "提高业务办理便捷度", "有效提高", 0, 0 },
	{ "提升公共服务水平", "明显提升", 0, 0 },
	{ "增加就业人数", "≥%ld个", 10, 3000 },
	{ "项目持续发挥作用的期限", "≥%ld年", 1, 10 },
	{ "保障机构正常运转", "正常运转", 0, 0 },
	{ "群众办事等待时间", "≤%ld分钟", 5, 60 },
};

static const struct indicator_words satisfaction_words[] = {
	{ "服务对象满意度", "≥%ld%%", 85, 98 },
	{ "满意度", "≥%ld%%", 85, 98 },
	{ "群众满意度", "≥%ld%%", 85, 98 },
};

#define COUNT(a) (sizeof (a) / sizeof *(a))

/* --- one department ---------------------------------------------------------- */

enum { ROWS_MAX = 130, PROJECTS_MAX = 70, UNITS_MAX = 5, ECON_MAX = 32 };

struct item {              /* a 项 row of 支出总表 */
	const struct code *code;
	long w, f, g, c, o, s;   /* wages, family, goods, capital, operating, specific */
};

struct project {
	int unit;
	int specific;
	size_t topic;
	long amount;
	char name[128];
};

static int by_unit(const void *a, const void *b)
{
	const struct project *x = a, *y = b;
	return x->unit - y->unit;
}

struct department {
	char name[160];
	int code;                /* 3-digit unit code */
	int nunits;
	char units[UNITS_MAX][192];
	struct item items[ROWS_MAX];
	size_t nitems;
	long W, F, G, C, O, S;
	struct project projects[PROJECTS_MAX];
	size_t nprojects;
	long unit_total[UNITS_MAX];
};

static void make_department(struct department *d, size_t index)
{
	size_t nc = COUNT(cities), nb = COUNT(bureaus);
	if (index < nc * nb)
		snprintf(d->name, sizeof d->name, "%s%s", cities[index % nc], bureaus[index / nc % nb]);
	else
		snprintf(d->name, sizeof d->name, "%s%s第%zu分局", cities[index % nc],
		         bureaus[index / nc % nb], index / (nc * nb) + 1);
	d->code = 100 + (int)(index % 900);
	d->nunits = (int)between(3, UNITS_MAX);
	snprintf(d->units[0], sizeof d->units[0], "%s", d->name);
	size_t suf[UNITS_MAX];
	pick(COUNT(unit_suffixes), (size_t)d->nunits - 1, suf);
	for (int u = 1; u < d->nunits; u++)
		snprintf(d->units[u], sizeof d->units[u], "%s%s", d->name, unit_suffixes[suf[u - 1]]);

	/* 支出总表: about 120 项 rows; every row has a figure, and the first
	 * two make sure both project types exist. */
	d->nitems = (size_t)between(112, 126);
	size_t idx[ROWS_MAX];
	pick(func7.n, d->nitems, idx);
	d->W = d->F = d->G = d->C = d->O = d->S = 0;
	for (size_t i = 0; i < d->nitems; i++) {
		struct item *it = &d->items[i];
		it->code = &func7.v[idx[i]];
		it->w = chance(70) ? between(500, 200000) : 0;
		it->f = chance(30) ? between(100, 50000) : 0;
		it->g = chance(60) ? between(100, 60000) : 0;
		it->c = chance(5) ? between(100, 30000) : 0;
		it->o = chance(40) || i == 0 ? between(1000, 100000) : 0;
		it->s = chance(15) || i == 1 ? between(1000, 80000) : 0;
		d->W += it->w, d->F += it->f, d->G += it->g, d->C += it->c;
		d->O += it->o, d->S += it->s;
	}

	/* 项目支出表: the operating and specific totals split over projects,
	 * each with a unit and a name of its own. */
	d->nprojects = (size_t)between(55, 65);
	size_t nspecific = (size_t)between(3, 15);
	long parts[PROJECTS_MAX];
	split(d->O, d->nprojects - nspecific, parts);
	split(d->S, nspecific, parts + (d->nprojects - nspecific));
	size_t names[PROJECTS_MAX];
	pick(COUNT(topics) * COUNT(actions), d->nprojects, names);
	/* The picked names come in topic order: shuffle them. */
	for (size_t i = d->nprojects - 1; i > 0; i--) {
		size_t j = (size_t)(rnd() % (i + 1)), t = names[i];
		names[i] = names[j], names[j] = t;
	}
	for (size_t p = 0; p < d->nprojects; p++) {
		struct project *pr = &d->projects[p];
		pr->specific = p >= d->nprojects - nspecific;
		pr->amount = parts[p];
		pr->unit = (int)between(0, d->nunits - 1);
		pr->topic = names[p] / COUNT(actions);
		snprintf(pr->name, sizeof pr->name, "2023年%s%s",
		         topics[names[p] / COUNT(actions)], actions[names[p] % COUNT(actions)]);
	}
	qsort(d->projects, d->nprojects, sizeof *d->projects, by_unit);
	for (int u = 0; u < d->nunits; u++)
		d->unit_total[u] = 0;
	for (size_t p = 0; p < d->nprojects; p++)
		d->unit_total[d->projects[p].unit] += d->projects[p].amount;
}

static void title_rows(struct buf *b, int w, const struct department *d, const char *form,
                       const char *title, int unit_col)
{
	if (form)
		line(b, w, 0, form);
	line(b, w, 0, title);
	char dept[200];
	snprintf(dept, sizeof dept, "部门名称： %s", d->name);
	line(b, w, 0, dept);
	line(b, w, unit_col, "单位：万元");
}

static void write_spending(struct buf *b, const struct department *d)
{
	enum { W = 14 };
	title_rows(b, W, d, NULL, "2023年部门支出预算表", W - 1);
	header(b, "科目编码,,,单位代码,单位（科目名称）,合计,基本支出,,,,,项目支出,,");
	header(b, "类,款,项,,,,小计,人员经费,,公用经费,,小计,其他运转类,特定目标类");
	header(b, ",,,,,,,工资福利支出,对个人和家庭的补助,商品和服务支出,资本性支出,,,");
	struct row r;
	long B = d->W + d->F + d->G + d->C, P = d->O + d->S;
	for (int k = 0; k < 2; k++) {
		row_start(&r, W);
		if (k == 0) {
			set(&r, 4, "合计");
		} else {
			set(&r, 3, "%03d", d->code);
			set(&r, 4, "%s", d->name);
		}
		set_opt(&r, 5, B + P), set_opt(&r, 6, B), set_opt(&r, 7, d->W);
		set_opt(&r, 8, d->F), set_opt(&r, 9, d->G), set_opt(&r, 10, d->C);
		set_opt(&r, 11, P), set_opt(&r, 12, d->O), set_opt(&r, 13, d->S);
		emit(b, &r);
	}
	for (size_t i = 0; i < d->nitems; i++) {
		const struct item *it = &d->items[i];
		const char *c = it->code->code;
		long bi = it->w + it->f + it->g + it->c, pi = it->o + it->s;
		row_start(&r, W);
		set(&r, 0, "%.3s", c), set(&r, 1, "%.2s", c + 3), set(&r, 2, "%.2s", c + 5);
		set(&r, 4, "%s", it->code->name);
		set_opt(&r, 5, bi + pi), set_opt(&r, 6, bi), set_opt(&r, 7, it->w);
		set_opt(&r, 8, it->f), set_opt(&r, 9, it->g), set_opt(&r, 10, it->c);
		set_opt(&r, 11, pi), set_opt(&r, 12, it->o), set_opt(&r, 13, it->s);
		emit(b, &r);
	}
	line(b, W, 0, "注：报表金额单位转换时可能存在四舍五入尾数误差。");
}

static void write_basic(struct buf *b, const struct department *d)
{
	enum { W = 7 };
	title_rows(b, W, d, "预算06表", "2023年一般公共预算基本支出表", 0);
	header(b, "部门预算支出经济分类科目,,政府预算支出经济分类科目编码,,本年一般公共预算基本支出,,");
	header(b, "科目编码,科目名称,科目编码,科目名称,合计,人员经费,公用经费");
	struct row r;
	long personnel = d->W + d->F, public_ = d->G + d->C;
	row_start(&r, W);
	set(&r, 0, "合计");
	set_opt(&r, 4, personnel + public_), set_opt(&r, 5, personnel), set_opt(&r, 6, public_);
	emit(b, &r);
	const long totals[4] = { d->W, d->G, d->F, d->C };
	const int personal[4] = { 1, 0, 1, 0 };
	static const long max_rows[4] = { 10, 18, 6, 3 };
	for (int k = 0; k < 4; k++) {
		if (!totals[k])
			continue;
		size_t n = (size_t)between(max_rows[k] / 2 + 1, max_rows[k]);
		if (n > econ[k].n)
			n = econ[k].n;
		size_t idx[ECON_MAX];
		long parts[ECON_MAX];
		pick(econ[k].n, n, idx);
		split(totals[k], n, parts);
		for (size_t i = 0; i < n; i++) {
			const struct code *c = &econ[k].v[idx[i]];
			row_start(&r, W);
			set(&r, 0, "%s", c->code), set(&r, 1, "%s", c->name);
			set(&r, 2, "%s", gecon_code[k]), set(&r, 3, "%s", gecon_name[k]);
			set_amount(&r, 4, parts[i]);
			set_amount(&r, personal[k] ? 5 : 6, parts[i]);
			emit(b, &r);
		}
	}
}

static void write_projects(struct buf *b, const struct department *d)
{
	enum { W = 12 };
	title_rows(b, W, d, NULL, "2023年项目支出预算表", W - 1);
	header(b, "类型,项目名称,项目单位,合计,本年拨款,,,财政拨款结转结余,,,财政专户管理资金,单位资金");
	header(b, ",,,,一般公共预算,政府性基金预算,国有资本经营预算,一般公共预算,政府性基金预算,"
	          "国有资本经营预算,,");
	struct row r;
	long P = d->O + d->S;
	row_start(&r, W);
	set_amount(&r, 3, P), set_amount(&r, 4, P);
	emit(b, &r);
	row_start(&r, W);
	set(&r, 1, "%03d", d->code), set(&r, 2, "%s", d->name);
	set_amount(&r, 3, P), set_amount(&r, 4, P);
	emit(b, &r);
	for (size_t p = 0; p < d->nprojects; p++) {
		const struct project *pr = &d->projects[p];
		row_start(&r, W);
		set(&r, 0, "%s", pr->specific ? "特定目标类" : "其他运转类");
		set(&r, 1, "%s", pr->name), set(&r, 2, "%s", d->units[pr->unit]);
		set_amount(&r, 3, pr->amount), set_amount(&r, 4, pr->amount);
		emit(b, &r);
	}
}

static void indicator(struct row *r, int group, int number, const char *topic)
{
	static const struct { const struct indicator_words *v; size_t n; } groups[] = {
		{ cost_words, COUNT(cost_words) }, { output_words, COUNT(output_words) },
		{ effect_words, COUNT(effect_words) },
		{ satisfaction_words, COUNT(satisfaction_words) },
	};
	const struct indicator_words *w = &groups[group].v[rnd() % groups[group].n];
	set(r, 6 + 2 * group, "指标%d：%s%s", number, topic, w->name);
	set(r, 7 + 2 * group, w->value_fmt, between(w->lo, w->hi));
}

static void write_indicators(struct buf *b, const struct department *d)
{
	enum { W = 14 };
	title_rows(b, W, d, NULL, "2023年度部门预算项目绩效目标表", W - 1);
	header(b, "单位编码（项目编码）,项目单位（项目名称）,项目金额（万元）,,,,绩效目标,,,,,,,");
	header(b, ",,资金总额,政府预算资金,财政专户管理资金,单位资金,成本指标,,产出指标,,效益指标,,"
	          "满意度指标,");
	header(b, ",,,,,,三级指标,指标值,三级指标,指标值,三级指标,指标值,三级指标,指标值");
	struct row r;
	long P = d->O + d->S;
	row_start(&r, W);
	set(&r, 0, "%03d", d->code);
	set_amount(&r, 2, P), set_amount(&r, 3, P);
	emit(b, &r);
	int unit = -1;
	for (size_t p = 0; p < d->nprojects; p++) {
		const struct project *pr = &d->projects[p];
		if (pr->unit != unit) {
			unit = pr->unit;
			row_start(&r, W);
			set(&r, 0, "%03d%03d", d->code, unit + 1), set(&r, 1, "%s", d->units[unit]);
			set_amount(&r, 2, d->unit_total[unit]), set_amount(&r, 3, d->unit_total[unit]);
			emit(b, &r);
		}
		/* One indicator a row: output, effect and satisfaction always,
		 * then up to five more of any group. */
		int n = (int)between(3, 8);
		for (int k = 0; k < n; k++) {
			row_start(&r, W);
			if (k == 0) {
				set(&r, 0, "41%03d%016zu", d->code, (size_t)d->code * 1000000 + p * 37 + 19);
				set(&r, 1, "%s", pr->name);
				set_amount(&r, 2, pr->amount), set_amount(&r, 3, pr->amount);
			}
			indicator(&r, k < 3 ? k + 1 : (int)between(0, 3), k + 1, topics[pr->topic]);
			emit(b, &r);
		}
	}
}

/* --- files ------------------------------------------------------------------- */

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
		die("%s: %s", path, strerror(errno));
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		die("%s: %s", path, strerror(errno));
}

struct sink {
	const char *dir;
	iconv_t to;             /* (iconv_t)-1 for UTF-8 */
	struct buf out;
	size_t files, bytes;
};

static void save(struct sink *s, const char *sub, const char *name, const struct buf *text)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s/%s", s->dir, sub, name);
	if (s->to == (iconv_t)-1) {
		s->out.n = 0;
		put(&s->out, "\xEF\xBB\xBF", 3);
		put(&s->out, text->p, text->n);
	} else {
		s->out.n = 0;
		if (s->out.cap < text->n) {
			s->out.cap = text->n;
			s->out.p = realloc(s->out.p, s->out.cap);
			if (!s->out.p)
				die("out of memory");
		}
		char *in = text->p, *o = s->out.p;
		size_t il = text->n, ol = s->out.cap;
		if (iconv(s->to, &in, &il, &o, &ol) == (size_t)-1)
			die("%s: cannot convert to GBK: %s", path, strerror(errno));
		s->out.n = (size_t)(o - s->out.p);
	}
	write_file(path, s->out.p, s->out.n);
	s->files++;
	s->bytes += s->out.n;
}

int main(int argc, char **argv)
{
	size_t ndepts = 2000;
	int a = 1;
	if (a + 1 < argc && strcmp(argv[a], "-n") == 0) {
		ndepts = strtoul(argv[a + 1], NULL, 10);
		a += 2;
	}
	if (argc - a != 3 || ndepts == 0)
		die("usage: gen [-n DEPARTMENTS] CLASSIFICATION.tsv UTF8_DIR GBK_DIR");
	read_classification(argv[a]);
	struct sink sinks[2] = {
		{ .dir = argv[a + 1], .to = (iconv_t)-1 },
		{ .dir = argv[a + 2], .to = iconv_open("GBK", "UTF-8") },
	};
	if (sinks[1].to == (iconv_t)-1)
		die("iconv cannot convert UTF-8 to GBK: %s", strerror(errno));
	for (int k = 0; k < 2; k++) {
		char stamp[4096];
		make_dir(sinks[k].dir);
		snprintf(stamp, sizeof stamp, "%s/.complete", sinks[k].dir);
		remove(stamp);
	}

	rng_state = 20230101;
	static struct department d;
	struct buf text[4] = {{0}};
	static const char *const names[4] = {
		"02 支出.csv", "预算06表.csv", "xmzc.csv", "10_项目绩效.csv",
	};
	size_t records = 0;
	for (size_t i = 0; i < ndepts; i++) {
		make_department(&d, i);
		for (int t = 0; t < 4; t++)
			text[t].n = 0;
		write_spending(&text[0], &d);
		write_basic(&text[1], &d);
		write_projects(&text[2], &d);
		write_indicators(&text[3], &d);
		char sub[32];
		snprintf(sub, sizeof sub, "d%04zu", i + 1);
		for (int k = 0; k < 2; k++) {
			char dir[4096];
			snprintf(dir, sizeof dir, "%s/%s", sinks[k].dir, sub);
			make_dir(dir);
			for (int t = 0; t < 4; t++)
				save(&sinks[k], sub, names[t], &text[t]);
		}
		for (int t = 0; t < 4; t++)
			for (size_t j = 0; j < text[t].n; j++)
				records += text[t].p[j] == '\n';
	}
	for (int k = 0; k < 2; k++) {
		char stamp[4096];
		snprintf(stamp, sizeof stamp, "%s/.complete", sinks[k].dir);
		FILE *f = fopen(stamp, "w");
		if (!f || fprintf(f, "%s n=%zu files=%zu bytes=%zu records=%zu\n", STAMP, ndepts,
		                  sinks[k].files, sinks[k].bytes, records) < 0 || fclose(f) != 0)
			die("%s: %s", stamp, strerror(errno));
		printf("%s: %zu departments, %zu files, %zu bytes, %zu records\n", sinks[k].dir,
		       ndepts, sinks[k].files, sinks[k].bytes, records);
	}
	iconv_close(sinks[1].to);
	for (int t = 0; t < 4; t++)
		free(text[t].p);
	for (int k = 0; k < 2; k++)
		free(sinks[k].out.p);
	free(func7.v);
	for (int k = 0; k < 4; k++)
		free(econ[k].v);
	return 0;
}
