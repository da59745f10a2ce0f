#include "config.h"

#include "tui/search.h"
#include "budget.h"

#include <criterion/criterion.h>
#include <string.h>

/* A small tree, in tree order:
 *   208 社会保障和就业支出
 *     20801 人力资源和社会保障管理事务
 *       2080101 行政运行
 *       2080109 社会保险经办机构
 *   201 一般公共服务支出
 *   Project X
 *   重复, twice: the same text at two addresses */
static struct budget b;
static struct node *f208, *f20801, *f2080101, *f2080109, *f201, *px, *dup1, *dup2;
static struct search *s;
static char copy1[] = "重复", copy2[] = "重复";

static struct node *add(struct node *up, const char *code, const char *name)
{
	return node_new(&b, up, NODE_FUNC, code, name, (struct origin){0});
}

static void setup(void)
{
	budget_init(&b);
	b.root = node_new(&b, NULL, NODE_DEPARTMENT, "028", "测试局", (struct origin){0});
	f208 = add(b.root, "208", "社会保障和就业支出");
	f20801 = add(f208, "20801", "人力资源和社会保障管理事务");
	f2080101 = add(f20801, "2080101", "行政运行");
	f2080109 = add(f20801, "2080109", "社会保险经办机构");
	f201 = add(b.root, "201", "一般公共服务支出");
	px = add(b.root, "", "Project X");
	dup1 = add(b.root, "", "");
	dup2 = add(b.root, "", "");
	dup1->name = copy1;
	dup2->name = copy2;
	s = search_new(b.root);
}

static void teardown(void)
{
	search_free(s);
	budget_free(&b);
}

TestSuite(search, .init = setup, .fini = teardown);

static void assert_hit(struct search_hit h, const struct node *node, size_t rank,
                       size_t count)
{
	cr_assert_eq(h.node, node, "found %s %s", h.node ? h.node->code : "-",
	             h.node ? h.node->name : "-");
	cr_assert_eq(h.rank, rank);
	cr_assert_eq(h.count, count);
}

/* How many nodes match query, counted by a new search. */
static size_t fresh_count(const char *query)
{
	struct search *t = search_new(b.root);
	size_t n = search_find(t, query, NULL, true, NULL).count;

	search_free(t);
	return n;
}

Test(search, steps_forward_and_back_in_tree_order_wrapping_around)
{
	assert_hit(search_find(s, "2080", NULL, true, NULL), f20801, 1, 3);
	assert_hit(search_find(s, "2080", f20801, true, NULL), f2080101, 2, 3);
	assert_hit(search_find(s, "2080", f2080101, true, NULL), f2080109, 3, 3);
	assert_hit(search_find(s, "2080", f2080109, true, NULL), f20801, 1, 3);
	assert_hit(search_find(s, "2080", f20801, false, NULL), f2080109, 3, 3);
	assert_hit(search_find(s, "2080", f2080109, false, NULL), f2080101, 2, 3);
	assert_hit(search_find(s, "2080", NULL, false, NULL), f2080109, 3, 3);
}

/* Kids listed the other way round, as by a sort the model does not
 * follow. */
static int reversed(const struct node *n, uint32_t a, uint32_t b, const void *ctx)
{
	(void)n;
	(void)ctx;
	return a > b ? -1 : a < b;
}

/* Kids by name (bytes compared), equal names in model order. */
static int by_name(const struct node *n, uint32_t a, uint32_t b, const void *ctx)
{
	int r = strcmp(n->kids[a]->name, n->kids[b]->name);

	(void)ctx;
	return r ? r : a < b ? -1 : a > b;
}

static int model(const struct node *n, uint32_t a, uint32_t b, const void *ctx)
{
	(void)n;
	(void)ctx;
	return a < b ? -1 : a > b;
}

static const struct search_order reverse_order = { reversed, NULL };

Test(search, next_and_previous_follow_the_view_order_not_the_model_order)
{
	/* Every list reversed, the matches of "20" read 201, 208, 20801,
	 * 2080109, 2080101. */
	const struct search_order *o = &reverse_order;

	assert_hit(search_find(s, "20", NULL, true, o), f201, 1, 5);
	assert_hit(search_find(s, "20", f201, true, o), f208, 2, 5);
	assert_hit(search_find(s, "20", f208, true, o), f20801, 3, 5);
	assert_hit(search_find(s, "20", f20801, true, o), f2080109, 4, 5);
	assert_hit(search_find(s, "20", f2080109, true, o), f2080101, 5, 5);
	assert_hit(search_find(s, "20", f2080101, true, o), f201, 1, 5);
	assert_hit(search_find(s, "20", f201, false, o), f2080101, 5, 5);
	assert_hit(search_find(s, "20", f2080101, false, o), f2080109, 4, 5);
	assert_hit(search_find(s, "20", f2080109, false, o), f20801, 3, 5);
	assert_hit(search_find(s, "20", f20801, false, o), f208, 2, 5);
	assert_hit(search_find(s, "20", f208, false, o), f201, 1, 5);
	assert_hit(search_find(s, "20", NULL, false, o), f2080101, 5, 5);
	/* From rows without a match: Project X is listed just above 201,
	 * the copies of 重复 at the top. */
	assert_hit(search_find(s, "20", px, true, o), f201, 1, 5);
	assert_hit(search_find(s, "20", px, false, o), f2080101, 5, 5);
	assert_hit(search_find(s, "20", dup2, true, o), f201, 1, 5);
	assert_hit(search_find(s, "2080", f208, false, o), f2080101, 3, 3);
}

/* The nodes under n in view order, appended to list. */
static void walk(const struct node *n, const struct search_order *o,
                 const struct node **list, size_t *len)
{
	uint32_t order[8];

	cr_assert_leq(n->nkids, 8);
	/* Sorted by insertion. */
	for (uint32_t i = 0; i < n->nkids; i++) {
		uint32_t j = i;

		for (; j && o->compare(n, order[j - 1], i, o->ctx) > 0; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (uint32_t i = 0; i < n->nkids; i++) {
		list[(*len)++] = n->kids[order[i]];
		walk(n->kids[order[i]], o, list, len);
	}
}

static bool matches(const struct node *n, const char *query)
{
	return search_in(n->code, query) || search_in(n->name, query);
}

/* From every node, either way, search_find with `given` lands where a
 * walk of the tree in the order `walked` says. */
static void assert_steps_follow(const struct search_order *walked,
                                const struct search_order *given)
{
	static const char *const queries[] = { "20", "2080", "0", "1", "社", "重复", "x" };
	const struct node *list[16], *hits[16];
	size_t len = 0;

	walk(b.root, walked, list, &len);
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		size_t nhits = 0;

		for (size_t i = 0; i < len; i++)
			if (matches(list[i], queries[q]))
				hits[nhits++] = list[i];
		cr_assert(nhits, "%s", queries[q]);
		/* from = the root, then list[0], list[1]...: hits[next] is the first
		 * hit after from, hits[next - 1] the last before it. */
		for (size_t f = 0, next = 0; f <= len; f++) {
			const struct node *from = f ? list[f - 1] : b.root;
			size_t after = next < nhits ? next : 0, before = next ? next - 1 : nhits - 1;

			if (next < nhits && hits[next] == from)
				after = ++next < nhits ? next : 0;
			assert_hit(search_find(s, queries[q], from, true, given), hits[after],
			           after + 1, nhits);
			assert_hit(search_find(s, queries[q], from, false, given), hits[before],
			           before + 1, nhits);
		}
	}
}

Test(search, every_step_agrees_with_a_walk_in_view_order)
{
	assert_steps_follow(&reverse_order, &reverse_order);
	assert_steps_follow(&(struct search_order){ by_name, NULL },
	                    &(struct search_order){ by_name, NULL });
}

Test(search, kids_in_model_order_step_in_the_model_preorder)
{
	assert_steps_follow(&(struct search_order){ model, NULL }, NULL);
	assert_steps_follow(&(struct search_order){ model, NULL },
	                    &(struct search_order){ model, NULL });
}

Test(search, starts_from_a_node_that_does_not_match)
{
	/* 208 comes before the matches, 201 after them. */
	assert_hit(search_find(s, "2080", f208, true, NULL), f20801, 1, 3);
	assert_hit(search_find(s, "2080", f208, false, NULL), f2080109, 3, 3);
	assert_hit(search_find(s, "2080", f201, true, NULL), f20801, 1, 3);
	assert_hit(search_find(s, "2080", f201, false, NULL), f2080109, 3, 3);
	assert_hit(search_find(s, "2080", b.root, true, NULL), f20801, 1, 3);
}

Test(search, the_only_match_is_found_again_from_itself)
{
	assert_hit(search_find(s, "行政", f2080101, true, NULL), f2080101, 1, 1);
	assert_hit(search_find(s, "行政", f2080101, false, NULL), f2080101, 1, 1);
}

Test(search, codes_names_and_ascii_case)
{
	assert_hit(search_find(s, "经办", NULL, true, NULL), f2080109, 1, 1);
	assert_hit(search_find(s, "201", NULL, true, NULL), f201, 1, 1);
	assert_hit(search_find(s, "project x", NULL, true, NULL), px, 1, 1);
	assert_hit(search_find(s, "PROJECT X", NULL, true, NULL), px, 1, 1);
	assert_hit(search_find(s, "pRoJ", NULL, true, NULL), px, 1, 1);
}

Test(search, a_match_never_spans_code_and_name_or_two_nodes)
{
	/* "208" then "社会…" in one node; "…支出" then "20801" in the next;
	 * "…机构" then "201"; "…支出", no code, then "Project X". */
	assert_hit(search_find(s, "208社", NULL, true, NULL), NULL, 0, 0);
	assert_hit(search_find(s, "208 社", NULL, true, NULL), NULL, 0, 0);
	assert_hit(search_find(s, "支出20801", NULL, true, NULL), NULL, 0, 0);
	assert_hit(search_find(s, "机构201", NULL, true, NULL), NULL, 0, 0);
	assert_hit(search_find(s, "支出project", NULL, true, NULL), NULL, 0, 0);
}

Test(search, the_root_is_not_searched)
{
	assert_hit(search_find(s, "测试局", NULL, true, NULL), NULL, 0, 0);
}

Test(search, equal_texts_at_two_addresses_both_match)
{
	assert_hit(search_find(s, "重复", NULL, true, NULL), dup1, 1, 2);
	assert_hit(search_find(s, "重复", dup1, true, NULL), dup2, 2, 2);
}

Test(search, typing_and_erasing_give_what_a_new_search_gives)
{
	/* Each query contains the one before, then the query shrinks, then
	 * it changes to one that does not contain the last. */
	static const char *const queries[] = {
		"2", "20", "208", "2080", "20801", "208010", "2080109", "208010",
		"20", "0", "080", "2080", "社", "社会", "社会保", "保", "险", "2080", "zz", "z", "2",
	};

	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		struct search_hit h = search_find(s, queries[i], NULL, true, NULL);

		cr_assert_eq(h.count, fresh_count(queries[i]), "%s", queries[i]);
	}
	cr_assert_eq(fresh_count("2"), 5);
	cr_assert_eq(fresh_count("208010"), 2);
	cr_assert_eq(fresh_count("社会"), 3);
	cr_assert_eq(fresh_count("保"), 3);
	/* After narrowing down to one, widening finds the others again. */
	assert_hit(search_find(s, "2080109", NULL, true, NULL), f2080109, 1, 1);
	assert_hit(search_find(s, "2080", f2080109, true, NULL), f20801, 1, 3);
}

Test(search, empty_or_too_long_queries_find_nothing)
{
	char longq[300];

	memset(longq, 'a', sizeof longq - 1);
	longq[sizeof longq - 1] = '\0';
	assert_hit(search_find(s, "", NULL, true, NULL), NULL, 0, 0);
	assert_hit(search_find(s, longq, NULL, true, NULL), NULL, 0, 0);
	/* and leave the last query working */
	assert_hit(search_find(s, "2080", NULL, true, NULL), f20801, 1, 3);
}

Test(search, a_tree_with_nothing_under_the_root)
{
	struct budget e;
	struct search *t;

	budget_init(&e);
	e.root = node_new(&e, NULL, NODE_DEPARTMENT, "028", "测试局", (struct origin){0});
	t = search_new(e.root);
	assert_hit(search_find(t, "2", NULL, true, NULL), NULL, 0, 0);
	search_free(t);
	budget_free(&e);
}

Test(search, search_in_finds_where_the_query_is)
{
	const char *text = "Project X";

	cr_assert_eq(search_in(text, "ect x"), text + 4);
	cr_assert_eq(search_in(text, "Y"), NULL);
	cr_assert_eq(search_in(text, ""), NULL);
}
