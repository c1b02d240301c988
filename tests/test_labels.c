/* Unit tests for the one label table (SPEC 2.1, 2.2) in labels.c and the level names that use its matching. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "model.h"

#include "support.h"

/* Label keys: no spaces or line breaks, ASCII, no brackets, colon, 其中. */
static void
test_label_key_matching(void **state)
{
	static const struct {
		const char	*text, *key;
	} cases[] = {
		{ "项　目／编　码", "项目编码" },
		{ "项 目\n编码：", "项目编码" },
		{ "预算数（万元）", "预算数" },
		{ "其中：财政拨款", "财政拨款" },
		{ "其中:财政资金", "财政资金" },
		{ "指标值(或计划水平)", "指标值" },
		{ "评（扣）分标准", "评分标准" },
		{ "资金支出计划（%）", "资金支出计划" },
		{ "其中", "其中" },
		{ "（万元）", "(万元)" },
		{ "", "" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		char *k = label_key(cases[i].text);

		if (strcmp(k, cases[i].key) != 0)
			fail_msg("label_key(\"%s\") = \"%s\", want \"%s\"",
			    cases[i].text, k, cases[i].key);
		free(k);
	}
}

/* Every layout's label variants name their field (SPEC 2.2 tables). */
static void
test_label_lookup_variants(void **state)
{
	static const struct {
		const char	*text;
		enum label_id	 id;
		unsigned	 flags;
	} cases[] = {
		{ "项目编码", LABEL_CODE, 0 },
		{ "项目代码", LABEL_CODE, 0 },
		{ "项目编号", LABEL_CODE, 0 },
		{ "二级项目名称", LABEL_NAME_SUB, 0 },
		{ "年度资金总额", LABEL_BUDGET, LABEL_ANNUAL },
		{ "中期资金总额", LABEL_BUDGET, LABEL_MIDTERM },
		{ "预算申报数", LABEL_BUDGET, 0 },
		{ "本年度申请市财政预算资金(万元)", LABEL_BUDGET, LABEL_ANNUAL },
		{ "项目资金（万元）", LABEL_FUNDS, 0 },
		{ "中央补助安排", LABEL_FISCAL, 0 },
		{ "省级财政安排", LABEL_FISCAL, 0 },
		{ "事业收入", LABEL_OTHER, 0 },
		{ "预算规模及资金用途", LABEL_BUDGET_BLOCK, 0 },
		{ "年度总体目标", LABEL_GOALS, LABEL_ANNUAL },
		{ "中期滚动目标", LABEL_GOALS, LABEL_MIDTERM },
		{ "总体目标", LABEL_GOALS, 0 },
		{ "三级指标名称", LABEL_LEVEL3, 0 },
		{ "指标解释", LABEL_DESCRIPTION, 0 },
		{ "指标目标值", LABEL_VALUE, 0 },
		{ "计划指标值(或计划水平)", LABEL_VALUE, 0 },
		{ "当年预期实现值", LABEL_VALUE, 0 },
		{ "计算符号", LABEL_OPERATOR, 0 },
		{ "计量单位", LABEL_UNIT, 0 },
		{ "权重（分）", LABEL_INFO, 0 },
		{ "实施单位", LABEL_INFO, 0 },
		{ "2023年省级部门预算项目支出绩效目标表", LABEL_TITLE, 0 },
		{ "项目支出绩效目标申报表", LABEL_TITLE, 0 },
		{ "2019年东莞市项目绩效目标批复表", LABEL_TITLE, 0 },
		{ "目标12", LABEL_GOAL, 0 },
		{ "产出指标", LABEL_NONE, 0 },
		{ "本年度申请", LABEL_NONE, 0 },
		{ "目标0", LABEL_NONE, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		char *k = label_key(cases[i].text);
		const struct label *l = label_lookup(k, NULL);
		enum label_id id = l != NULL ? l->id : LABEL_NONE;

		if (id != cases[i].id || (l != NULL &&
		    l->flags != cases[i].flags))
			fail_msg("\"%s\": label %d flags %u, want %d %u",
			    cases[i].text, id, l != NULL ? l->flags : 0,
			    cases[i].id, cases[i].flags);
		free(k);
	}
}

/* Each field's canonical name is a label of that field in the table. */
static void
test_label_canonical_names(void **state)
{
	int f, goal = 0;

	(void)state;
	for (f = 0; f < FIELD_COUNT; f++) {
		const struct label *l;

		if (f == FIELD_GOAL)
			continue;
		l = label_lookup(label_field(f)->zh, &goal);
		assert_non_null(l);
		assert_int_equal(label_id_field(l->id), f);
		assert_string_equal(field_name_zh(f), label_field(f)->zh);
		assert_string_equal(field_name_en(f), label_field(f)->en);
		assert_non_null(label_field(f)->desc_en);
	}
	assert_string_equal(label_field(FIELD_COUNT)->zh, "");
	assert_non_null(label_lookup("目标3", &goal));
	assert_int_equal(goal, 3);
}

/* Level names: 预期产出指标 and bracketed alternatives (SPEC 2.2). */
static void
test_label_level_aliases(void **state)
{
	(void)state;
	assert_int_equal(level1_lookup("预期产出指标"), LEVEL1_OUTPUT);
	assert_int_equal(level1_lookup("效果指标"), LEVEL1_EFFECT);
	assert_int_equal(level2_lookup("数量指标(或建筑规模指标)"),
	    LEVEL2_QUANTITY);
	assert_int_equal(level2_lookup("时效指标（工期指标）"),
	    LEVEL2_TIMELINESS);
	assert_int_equal(level2_lookup("经济成本指标"), LEVEL2_ECONOMIC_COST);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_label_key_matching),
		cmocka_unit_test(test_label_lookup_variants),
		cmocka_unit_test(test_label_canonical_names),
		cmocka_unit_test(test_label_level_aliases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
