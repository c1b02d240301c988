/* The one label table: what every stage calls a field, and every label and header variant of the forms. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "text.h"
#include "util.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* SPEC 2.1: the canonical columns, their English aliases and messages. */
static const struct label_field fields[FIELD_COUNT + 1] = {
	[FIELD_CODE] = { "项目编码", "code", "project code (项目编码)", true },
	[FIELD_NAME] = { "项目名称", "name", "project name (项目名称)", true },
	[FIELD_BUDGET] = { "预算数", "budget", "budget (预算数)", true },
	[FIELD_FISCAL] = { "财政资金", "fiscal", "fiscal funds (财政资金)",
	    true },
	[FIELD_OTHER] = { "其他资金", "other", "other funds (其他资金)",
	    false },
	[FIELD_PURPOSE] = { "资金用途", "purpose", "fund use (资金用途)",
	    true },
	[FIELD_PLAN_MAR] = { "3月底", "plan_mar", "end of March (3月底)",
	    true },
	[FIELD_PLAN_JUN] = { "6月底", "plan_jun", "end of June (6月底)",
	    true },
	[FIELD_PLAN_OCT] = { "10月底", "plan_oct",
	    "end of October (10月底)", true },
	[FIELD_PLAN_DEC] = { "12月底", "plan_dec",
	    "end of December (12月底)", true },
	[FIELD_GOAL] = { "目标", "goal", "goal", false },
	[FIELD_LEVEL1] = { "一级指标", "level1",
	    "level-1 indicator (一级指标)", true },
	[FIELD_LEVEL2] = { "二级指标", "level2",
	    "level-2 indicator (二级指标)", true },
	[FIELD_LEVEL3] = { "三级指标", "level3",
	    "level-3 indicator (三级指标)", true },
	[FIELD_DESCRIPTION] = { "绩效指标描述", "description",
	    "description (绩效指标描述)", true },
	[FIELD_VALUE] = { "指标值", "value", "target value (指标值)", true },
	[FIELD_BASIS] = { "指标值确定依据", "basis",
	    "value basis (指标值确定依据)", true },
	[FIELD_COUNT] = { "", "", "", false },
};

/*
 * SPEC 2.2: the labels of every layout, as keys. The first label of each
 * field is its canonical name above. Order matters only where one key
 * could match two entries: exact ones are tried first.
 */
static const struct label labels[] = {
	{ "项目编码", MATCH_EXACT, NULL, LABEL_CODE, 0 },
	{ "项目代码", MATCH_EXACT, NULL, LABEL_CODE, 0 },
	{ "项目编号", MATCH_EXACT, NULL, LABEL_CODE, 0 },
	{ "项目名称", MATCH_EXACT, NULL, LABEL_NAME, 0 },
	{ "一级项目名称", MATCH_EXACT, NULL, LABEL_NAME_TOP, 0 },
	{ "二级项目名称", MATCH_EXACT, NULL, LABEL_NAME_SUB, 0 },
	{ "预算数", MATCH_EXACT, NULL, LABEL_BUDGET, 0 },
	{ "年度资金总额", MATCH_EXACT, NULL, LABEL_BUDGET, LABEL_ANNUAL },
	{ "资金总额", MATCH_EXACT, NULL, LABEL_BUDGET, 0 },
	{ "预算申报数", MATCH_EXACT, NULL, LABEL_BUDGET, 0 },
	{ "本年度申请", MATCH_PREFIX, "资金", LABEL_BUDGET, LABEL_ANNUAL },
	{ "中期资金总额", MATCH_EXACT, NULL, LABEL_BUDGET, LABEL_MIDTERM },
	{ "项目资金", MATCH_EXACT, NULL, LABEL_FUNDS, 0 },
	{ "财政资金", MATCH_EXACT, NULL, LABEL_FISCAL, 0 },
	{ "财政拨款", MATCH_EXACT, NULL, LABEL_FISCAL, 0 },
	{ "一般公共预算拨款", MATCH_EXACT, NULL, LABEL_FISCAL, 0 },
	{ "政府性基金预算拨款", MATCH_EXACT, NULL, LABEL_FISCAL, 0 },
	{ "中央补助安排", MATCH_EXACT, NULL, LABEL_FISCAL, 0 },
	{ "省级财政安排", MATCH_EXACT, NULL, LABEL_FISCAL, 0 },
	{ "市级财政安排", MATCH_EXACT, NULL, LABEL_FISCAL, 0 },
	{ "其他资金", MATCH_EXACT, NULL, LABEL_OTHER, 0 },
	{ "自有资金", MATCH_EXACT, NULL, LABEL_OTHER, 0 },
	{ "事业收入", MATCH_EXACT, NULL, LABEL_OTHER, 0 },
	{ "资金用途", MATCH_EXACT, NULL, LABEL_PURPOSE, 0 },
	{ "预算规模", MATCH_PREFIX, NULL, LABEL_BUDGET_BLOCK, 0 },
	{ "资金支出计划", MATCH_PREFIX, NULL, LABEL_PLAN, 0 },
	{ "3月底", MATCH_EXACT, NULL, LABEL_MAR, 0 },
	{ "6月底", MATCH_EXACT, NULL, LABEL_JUN, 0 },
	{ "10月底", MATCH_EXACT, NULL, LABEL_OCT, 0 },
	{ "12月底", MATCH_EXACT, NULL, LABEL_DEC, 0 },
	{ "绩效目标", MATCH_EXACT, NULL, LABEL_GOALS, 0 },
	{ "总体目标", MATCH_EXACT, NULL, LABEL_GOALS, 0 },
	{ "年度绩效目标", MATCH_EXACT, NULL, LABEL_GOALS, LABEL_ANNUAL },
	{ "年度总体目标", MATCH_EXACT, NULL, LABEL_GOALS, LABEL_ANNUAL },
	{ "年度目标", MATCH_EXACT, NULL, LABEL_GOALS, LABEL_ANNUAL },
	{ "本年度目标", MATCH_EXACT, NULL, LABEL_GOALS, LABEL_ANNUAL },
	{ "中期目标", MATCH_EXACT, NULL, LABEL_GOALS, LABEL_MIDTERM },
	{ "中期滚动目标", MATCH_EXACT, NULL, LABEL_GOALS, LABEL_MIDTERM },
	{ "中期绩效目标", MATCH_EXACT, NULL, LABEL_GOALS, LABEL_MIDTERM },
	{ "一级指标", MATCH_EXACT, NULL, LABEL_LEVEL1, 0 },
	{ "二级指标", MATCH_EXACT, NULL, LABEL_LEVEL2, 0 },
	{ "三级指标", MATCH_EXACT, NULL, LABEL_LEVEL3, 0 },
	{ "三级指标名称", MATCH_EXACT, NULL, LABEL_LEVEL3, 0 },
	{ "指标名称", MATCH_EXACT, NULL, LABEL_LEVEL3, 0 },
	{ "指标内容", MATCH_EXACT, NULL, LABEL_LEVEL3, 0 },
	{ "绩效指标描述", MATCH_EXACT, NULL, LABEL_DESCRIPTION, 0 },
	{ "指标描述", MATCH_EXACT, NULL, LABEL_DESCRIPTION, 0 },
	{ "指标解释", MATCH_EXACT, NULL, LABEL_DESCRIPTION, 0 },
	{ "指标值", MATCH_EXACT, NULL, LABEL_VALUE, 0 },
	{ "指标目标值", MATCH_EXACT, NULL, LABEL_VALUE, 0 },
	{ "年度指标值", MATCH_EXACT, NULL, LABEL_VALUE, 0 },
	{ "目标值", MATCH_EXACT, NULL, LABEL_VALUE, 0 },
	{ "计划指标值", MATCH_EXACT, NULL, LABEL_VALUE, 0 },
	{ "本年度计划水平", MATCH_EXACT, NULL, LABEL_VALUE, 0 },
	{ "当年预期实现值", MATCH_EXACT, NULL, LABEL_VALUE, 0 },
	{ "指标性质", MATCH_EXACT, NULL, LABEL_OPERATOR, 0 },
	{ "计算符号", MATCH_EXACT, NULL, LABEL_OPERATOR, 0 },
	{ "指标值类型", MATCH_EXACT, NULL, LABEL_OPERATOR, 0 },
	{ "指标方向", MATCH_EXACT, NULL, LABEL_OPERATOR, 0 },
	{ "度量单位", MATCH_EXACT, NULL, LABEL_UNIT, 0 },
	{ "计量单位", MATCH_EXACT, NULL, LABEL_UNIT, 0 },
	{ "指标值确定依据", MATCH_EXACT, NULL, LABEL_BASIS, 0 },
	/* Labels of the forms that give no field but end a value. */
	{ "主管部门及代码", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "主管部门", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "实施单位", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "项目属性", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "项目期", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "项目类型", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "项目负责人", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "联系电话", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "绩效指标", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "年度绩效指标", MATCH_EXACT, NULL, LABEL_INFO, LABEL_ANNUAL },
	{ "中期绩效指标", MATCH_EXACT, NULL, LABEL_INFO, LABEL_MIDTERM },
	{ "权重", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "分值", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "评分标准", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "评分细则", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "备注", MATCH_EXACT, NULL, LABEL_INFO, 0 },
	{ "绩效目标表", MATCH_SUFFIX, NULL, LABEL_TITLE, 0 },
	{ "申报表", MATCH_SUFFIX, NULL, LABEL_TITLE, 0 },
	{ "批复表", MATCH_SUFFIX, NULL, LABEL_TITLE, 0 },
};

static const enum field id_field[] = {
	[LABEL_CODE] = FIELD_CODE,
	[LABEL_NAME] = FIELD_NAME,
	[LABEL_NAME_TOP] = FIELD_NAME,
	[LABEL_NAME_SUB] = FIELD_NAME,
	[LABEL_BUDGET] = FIELD_BUDGET,
	[LABEL_FUNDS] = FIELD_BUDGET,
	[LABEL_FISCAL] = FIELD_FISCAL,
	[LABEL_OTHER] = FIELD_OTHER,
	[LABEL_PURPOSE] = FIELD_PURPOSE,
	[LABEL_BUDGET_BLOCK] = FIELD_PURPOSE,
	[LABEL_PLAN] = FIELD_PLAN_MAR,
	[LABEL_MAR] = FIELD_PLAN_MAR,
	[LABEL_JUN] = FIELD_PLAN_JUN,
	[LABEL_OCT] = FIELD_PLAN_OCT,
	[LABEL_DEC] = FIELD_PLAN_DEC,
	[LABEL_GOALS] = FIELD_GOAL,
	[LABEL_GOAL] = FIELD_GOAL,
	[LABEL_LEVEL1] = FIELD_LEVEL1,
	[LABEL_LEVEL2] = FIELD_LEVEL2,
	[LABEL_LEVEL3] = FIELD_LEVEL3,
	[LABEL_DESCRIPTION] = FIELD_DESCRIPTION,
	[LABEL_VALUE] = FIELD_VALUE,
	[LABEL_OPERATOR] = FIELD_VALUE,
	[LABEL_UNIT] = FIELD_VALUE,
	[LABEL_BASIS] = FIELD_BASIS,
};

const struct label_field *
label_field(enum field f)
{
	return &fields[f < FIELD_COUNT ? f : FIELD_COUNT];
}

enum field
label_id_field(enum label_id id)
{
	if (id == LABEL_NONE || (size_t)id >= NELEM(id_field))
		return FIELD_COUNT;
	return id_field[id];
}

/* Removes bracketed text, (…) and […] after folding, and 【…】. */
static void
drop_brackets(char *s)
{
	static const struct {
		const char	*open, *close;
	} pairs[] = { { "(", ")" }, { "[", "]" }, { "【", "】" } };
	char *w = s, *r = s;
	size_t i;
	int depth = 0, which = -1;

	while (*r != '\0') {
		for (i = 0; i < NELEM(pairs); i++) {
			size_t ol = strlen(pairs[i].open);
			size_t cl = strlen(pairs[i].close);

			if (depth == 0 && strncmp(r, pairs[i].open, ol) == 0) {
				which = (int)i;
				depth = 1;
				r += ol;
				break;
			}
			if (depth > 0 && (int)i == which) {
				if (strncmp(r, pairs[i].open, ol) == 0) {
					depth++;
					r += ol;
					break;
				}
				if (strncmp(r, pairs[i].close, cl) == 0) {
					depth--;
					r += cl;
					break;
				}
			}
		}
		if (i < NELEM(pairs))
			continue;
		if (depth == 0)
			*w++ = *r;
		r++;
	}
	*w = '\0';
}

/* A slash drawn between a label's characters (项　目／编　码) is no part of it. */
static void
drop_slashes(char *s)
{
	char *w = s, *r;

	for (r = s; *r != '\0'; r++)
		if (*r != '/')
			*w++ = *r;
	*w = '\0';
}

char *
label_key(const char *text)
{
	char *k = text_label(text);
	char *copy;
	size_t n;

	/* Brackets and slashes (an opening bracket starts every pair) are
	 * looked for before a copy is made to drop them from. */
	if (strpbrk(k, "([/") != NULL || strstr(k, "【") != NULL) {
		copy = xstrdup(k);
		drop_brackets(k);
		drop_slashes(k);
		if (k[0] == '\0') {		/* all brackets: keep them */
			free(k);
			k = copy;
		} else
			free(copy);
	}
	n = strlen(k);
	while (n > 0 && k[n - 1] == ':')
		k[--n] = '\0';
	if (text_starts_with(k, "其中") && n > strlen("其中")) {
		size_t skip = strlen("其中");

		while (k[skip] == ':')
			skip++;
		if (k[skip] != '\0')
			memmove(k, k + skip, strlen(k + skip) + 1);
	}
	return k;
}

/* 目标N, N from 1 to 999: N, else 0. */
static int
goal_number(const char *key)
{
	const char *p;
	char *end;
	long n;

	if (!text_starts_with(key, "目标"))
		return 0;
	p = key + strlen("目标");
	if (!isdigit((unsigned char)*p))
		return 0;
	n = strtol(p, &end, 10);
	return *end == '\0' && n > 0 && n < 1000 ? (int)n : 0;
}

const struct label *
label_lookup(const char *key, int *goal)
{
	static const struct label goal_label = { "目标", MATCH_EXACT, NULL,
	    LABEL_GOAL, 0 };
	size_t i;
	int n;

	for (i = 0; i < NELEM(labels); i++)
		if (labels[i].match == MATCH_EXACT &&
		    strcmp(key, labels[i].text) == 0)
			return &labels[i];
	if ((n = goal_number(key)) > 0) {
		if (goal != NULL)
			*goal = n;
		return &goal_label;
	}
	for (i = 0; i < NELEM(labels); i++) {
		const struct label *l = &labels[i];

		if (l->match == MATCH_PREFIX && text_starts_with(key, l->text) &&
		    (l->end == NULL || (text_ends_with(key, l->end) &&
		    strlen(key) >= strlen(l->text) + strlen(l->end))))
			return l;
		if (l->match == MATCH_SUFFIX && text_ends_with(key, l->text))
			return l;
	}
	return NULL;
}
