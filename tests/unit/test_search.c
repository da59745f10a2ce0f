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
	size_t n = search_find(t, query, NULL, true).count;

	search_free(t);
	return n;
}

Test(search, steps_forward_and_back_in_tree_order_wrapping_around)
{
	assert_hit(search_find(s, "2080", NULL, true), f20801, 1, 3);
	assert_hit(search_find(s, "2080", f20801, true), f2080101, 2, 3);
	assert_hit(search_find(s, "2080", f2080101, true), f2080109, 3, 3);
	assert_hit(search_find(s, "2080", f2080109, true), f20801, 1, 3);
	assert_hit(search_find(s, "2080", f20801, false), f2080109, 3, 3);
	assert_hit(search_find(s, "2080", f2080109, false), f2080101, 2, 3);
	assert_hit(search_find(s, "2080", NULL, false), f2080109, 3, 3);
}

Test(search, starts_from_a_node_that_does_not_match)
{
	/* 208 comes before the matches, 201 after them. */
	assert_hit(search_find(s, "2080", f208, true), f20801, 1, 3);
	assert_hit(search_find(s, "2080", f208, false), f2080109, 3, 3);
	assert_hit(search_find(s, "2080", f201, true), f20801, 1, 3);
	assert_hit(search_find(s, "2080", f201, false), f2080109, 3, 3);
	assert_hit(search_find(s, "2080", b.root, true), f20801, 1, 3);
}

Test(search, the_only_match_is_found_again_from_itself)
{
	assert_hit(search_find(s, "行政", f2080101, true), f2080101, 1, 1);
	assert_hit(search_find(s, "行政", f2080101, false), f2080101, 1, 1);
}

Test(search, codes_names_and_ascii_case)
{
	assert_hit(search_find(s, "经办", NULL, true), f2080109, 1, 1);
	assert_hit(search_find(s, "201", NULL, true), f201, 1, 1);
	assert_hit(search_find(s, "project x", NULL, true), px, 1, 1);
	assert_hit(search_find(s, "PROJECT X", NULL, true), px, 1, 1);
	assert_hit(search_find(s, "pRoJ", NULL, true), px, 1, 1);
}

Test(search, a_match_never_spans_code_and_name_or_two_nodes)
{
	/* "208" then "社会…" in one node; "…支出" then "20801" in the next;
	 * "…机构" then "201"; "…支出", no code, then "Project X". */
	assert_hit(search_find(s, "208社", NULL, true), NULL, 0, 0);
	assert_hit(search_find(s, "208 社", NULL, true), NULL, 0, 0);
	assert_hit(search_find(s, "支出20801", NULL, true), NULL, 0, 0);
	assert_hit(search_find(s, "机构201", NULL, true), NULL, 0, 0);
	assert_hit(search_find(s, "支出project", NULL, true), NULL, 0, 0);
}

Test(search, the_root_is_not_searched)
{
	assert_hit(search_find(s, "测试局", NULL, true), NULL, 0, 0);
}

Test(search, equal_texts_at_two_addresses_both_match)
{
	assert_hit(search_find(s, "重复", NULL, true), dup1, 1, 2);
	assert_hit(search_find(s, "重复", dup1, true), dup2, 2, 2);
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
		struct search_hit h = search_find(s, queries[i], NULL, true);

		cr_assert_eq(h.count, fresh_count(queries[i]), "%s", queries[i]);
	}
	cr_assert_eq(fresh_count("2"), 5);
	cr_assert_eq(fresh_count("208010"), 2);
	cr_assert_eq(fresh_count("社会"), 3);
	cr_assert_eq(fresh_count("保"), 3);
	/* After narrowing down to one, widening finds the others again. */
	assert_hit(search_find(s, "2080109", NULL, true), f2080109, 1, 1);
	assert_hit(search_find(s, "2080", f2080109, true), f20801, 1, 3);
}

Test(search, empty_or_too_long_queries_find_nothing)
{
	char longq[300];

	memset(longq, 'a', sizeof longq - 1);
	longq[sizeof longq - 1] = '\0';
	assert_hit(search_find(s, "", NULL, true), NULL, 0, 0);
	assert_hit(search_find(s, longq, NULL, true), NULL, 0, 0);
	/* and leave the last query working */
	assert_hit(search_find(s, "2080", NULL, true), f20801, 1, 3);
}

Test(search, a_tree_with_nothing_under_the_root)
{
	struct budget e;
	struct search *t;

	budget_init(&e);
	e.root = node_new(&e, NULL, NODE_DEPARTMENT, "028", "测试局", (struct origin){0});
	t = search_new(e.root);
	assert_hit(search_find(t, "2", NULL, true), NULL, 0, 0);
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
