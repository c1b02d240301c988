/* The rule table (SPEC 4) and the checks of the project (PB1) and spend-plan (PB2) families. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "model.h"
#include "rules.h"
#include "text.h"
#include "value.h"

static void check_pb101(struct check *, const struct project *);
static void check_pb102(struct check *, const struct project *);
static void check_pb103(struct check *, const struct project *);
static void check_pb104(struct check *, const struct project *);
static void check_pb105(struct check *, const struct project *);
static void check_pb106(struct check *, const struct project *);
static void check_pb107(struct check *, const struct project *);
static void check_pb108(struct check *, const struct project *);
static void check_pb109(struct check *, const struct project *);
static void check_pb110(struct check *, const struct project *);
static void check_pb201(struct check *, const struct project *);
static void check_pb202(struct check *, const struct project *);
static void check_pb203(struct check *, const struct project *);
static void check_pb204(struct check *, const struct project *);
static void check_pb205(struct check *, const struct project *);
static void check_pb206(struct check *, const struct project *);
static void check_pb207(struct check *, const struct project *);

#define E SEV_ERROR
#define W SEV_WARNING
#define I SEV_INFO

static const struct rule rules[] = {
	/* PB0: input. Emitted by the readers and the batch. */
	[RULE_PB001] = { "PB001", E, GROUP_INPUT,
	    { "the file cannot be parsed", "文件无法解析" },
	    { "cannot parse the file: {a}", "文件无法解析：{a}" }, NULL },
	[RULE_PB002] = { "PB002", E, GROUP_INPUT,
	    { "a required column is missing", "缺少必需的列" },
	    { "required column '{value}' is missing from the header; the file is not checked further",
	      "表头缺少必需的列“{value}”，该文件不再继续检查" }, NULL },
	[RULE_PB003] = { "PB003", W, GROUP_INPUT,
	    { "a column is not recognised and is ignored", "无法识别的列已忽略" },
	    { "column '{value}' is not recognised and is ignored{a}",
	      "无法识别的列“{value}”已忽略{a}" }, NULL },
	[RULE_PB004] = { "PB004", E, GROUP_INPUT,
	    { "a project's rows are not contiguous", "项目的行不连续" },
	    { "project {code}: its rows are not contiguous (the code reappears after another project); this block is checked as a project of its own",
	      "项目 {code}：各行不连续（编码在其他项目之后再次出现），此段按单独项目检查" }, NULL },
	[RULE_PB005] = { "PB005", E, GROUP_INPUT,
	    { "the same project code appears twice in the batch", "同一批次中项目编码重复" },
	    { "project {code}: the code already appears in {a}",
	      "项目 {code}：该编码已在 {a} 中出现" }, NULL },
	[RULE_PB006] = { "PB006", E, GROUP_INPUT,
	    { "a project column differs between rows of the same project", "同一项目各行的项目列不一致" },
	    { "project {code}: {field} '{value}' differs from the project's first row '{a}'",
	      "项目 {code}：{field}“{value}”与该项目首行的“{a}”不一致" }, NULL },
	[RULE_PB007] = { "PB007", I, GROUP_INPUT,
	    { "the file was decoded from an encoding other than UTF-8", "文件不是 UTF-8 编码，已转换" },
	    { "the file is encoded in {value}, not UTF-8; it was converted",
	      "文件编码为 {value}，不是 UTF-8，已转换" }, NULL },
	[RULE_PB008] = { "PB008", E, GROUP_INPUT,
	    { "bytes that are invalid in the file's encoding", "文件含有编码无效的字节" },
	    { "invalid {value} byte 0x{a}{b}; replaced by U+FFFD",
	      "无效的 {value} 字节 0x{a}{b}，已替换为 U+FFFD" }, NULL },

	/* PB1: project. */
	[RULE_PB101] = { "PB101", E, GROUP_PROJECT,
	    { "项目编码 is empty", "项目编码为空" },
	    { "project code (项目编码) is empty (project '{a}')",
	      "项目编码为空（项目“{a}”）" }, check_pb101 },
	[RULE_PB102] = { "PB102", W, GROUP_PROJECT,
	    { "项目编码 does not match the code pattern", "项目编码不符合编码规则" },
	    { "project code '{value}' does not match the code pattern {a}",
	      "项目编码“{value}”不符合编码规则 {a}" }, check_pb102 },
	[RULE_PB103] = { "PB103", E, GROUP_PROJECT,
	    { "项目名称 is empty", "项目名称为空" },
	    { "project {code}: project name (项目名称) is empty",
	      "项目 {code}：项目名称为空" }, check_pb103 },
	[RULE_PB104] = { "PB104", W, GROUP_PROJECT,
	    { "资金用途 is empty", "资金用途为空" },
	    { "project {code}: fund use (资金用途) is empty",
	      "项目 {code}：资金用途为空" }, check_pb104 },
	[RULE_PB105] = { "PB105", E, GROUP_PROJECT,
	    { "预算数 is empty, not a number, or negative", "预算数为空、不是数字或为负数" },
	    { "project {code}: budget (预算数) '{value}' {a}",
	      "项目 {code}：预算数“{value}”{a}" }, check_pb105 },
	[RULE_PB106] = { "PB106", E, GROUP_PROJECT,
	    { "财政资金 or 其他资金 is not a number, or negative", "财政资金或其他资金不是数字或为负数" },
	    { "project {code}: {field} '{value}' {a}",
	      "项目 {code}：{field}“{value}”{a}" }, check_pb106 },
	[RULE_PB107] = { "PB107", E, GROUP_PROJECT,
	    { "预算数 ≠ 财政资金 + 其他资金", "预算数不等于财政资金与其他资金之和" },
	    { "project {code}: budget (预算数) {value} is not fiscal + other funds = {a} (万元)",
	      "项目 {code}：预算数 {value} 不等于财政资金与其他资金之和 {a}（万元）" }, check_pb107 },
	[RULE_PB108] = { "PB108", E, GROUP_PROJECT,
	    { "no goal: every 目标N is empty", "没有绩效目标（目标N 均为空）" },
	    { "project {code}: no goal; every 目标N is empty",
	      "项目 {code}：没有绩效目标，目标N 均为空" }, check_pb108 },
	[RULE_PB109] = { "PB109", E, GROUP_PROJECT,
	    { "the project has no indicator", "项目没有绩效指标" },
	    { "project {code}: the project has no indicator",
	      "项目 {code}：没有任何绩效指标" }, check_pb109 },
	[RULE_PB110] = { "PB110", W, GROUP_PROJECT,
	    { "预算数 is 0", "预算数为 0" },
	    { "project {code}: budget (预算数) is 0",
	      "项目 {code}：预算数为 0" }, check_pb110 },

	/* PB2: spend plan. */
	[RULE_PB201] = { "PB201", E, GROUP_PLAN,
	    { "a milestone is not a number", "支出进度不是数字" },
	    { "project {code}: spend plan {field} '{value}' is not a number",
	      "项目 {code}：资金支出计划 {field}“{value}”不是数字" }, check_pb201 },
	[RULE_PB202] = { "PB202", E, GROUP_PLAN,
	    { "a milestone is below 0 or above 100", "支出进度小于 0 或大于 100" },
	    { "project {code}: spend plan {field} '{value}' is outside 0-100%",
	      "项目 {code}：资金支出计划 {field}“{value}”超出 0–100% 范围" }, check_pb202 },
	[RULE_PB203] = { "PB203", E, GROUP_PLAN,
	    { "the plan decreases from one milestone to the next", "累计支出进度出现下降" },
	    { "project {code}: the cumulative plan decreases to {value}% at {field} from {a}% at {b}",
	      "项目 {code}：累计支出进度在{field}降至 {value}%，低于{b}的 {a}%" }, check_pb203 },
	[RULE_PB204] = { "PB204", E, GROUP_PLAN,
	    { "12月底 is not 100", "12月底累计支出进度不是 100%" },
	    { "project {code}: spend plan at the end of December (12月底) is {value}%, not 100%",
	      "项目 {code}：12月底累计支出进度为 {value}%，应为 100%" }, check_pb204 },
	[RULE_PB205] = { "PB205", I, GROUP_PLAN,
	    { "a blank milestone is read as 0", "支出进度为空，按 0 计" },
	    { "project {code}: spend plan {field} is blank and is read as 0%",
	      "项目 {code}：资金支出计划 {field}为空，按 0% 计" }, check_pb205 },
	[RULE_PB206] = { "PB206", W, GROUP_PLAN,
	    { "all four milestones are blank", "四个支出进度均为空" },
	    { "project {code}: the spend plan (资金支出计划) is blank at all four milestones",
	      "项目 {code}：资金支出计划四个时间点均为空" }, check_pb206 },
	[RULE_PB207] = { "PB207", I, GROUP_PLAN,
	    { "6月底 is below the mid-year mark", "6月底支出进度未过半" },
	    { "project {code}: spend plan at the end of June (6月底) is {value}%, below the mid-year mark of {a}%",
	      "项目 {code}：6月底累计支出进度为 {value}%，低于年中 {a}% 的要求（双过半）" }, check_pb207 },
};

#undef E
#undef W
#undef I

_Static_assert(sizeof(rules) / sizeof(rules[0]) == RULE_COUNT,
    "the rule table and RULE_IDS are out of step");

const struct rule *
rule_get(enum rule_id id)
{
	return &rules[id];
}

enum rule_id
rule_find(const char *id)
{
	int i;

	for (i = 0; i < RULE_COUNT; i++)
		if (strcasecmp(rules[i].id, id) == 0)
			return (enum rule_id)i;
	return RULE_COUNT;
}

const char *
severity_name(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	case SEV_INFO:
		return "info";
	default:
		return "off";
	}
}

bool
severity_parse(const char *s, enum severity *out)
{
	static const enum severity all[] = { SEV_OFF, SEV_INFO, SEV_WARNING,
	    SEV_ERROR };
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (strcasecmp(s, severity_name(all[i])) == 0) {
			*out = all[i];
			return true;
		}
	return false;
}

/* Formats a number the way people write it in these tables. */
static void
fmt_number(char *buf, size_t n, double v)
{
	snprintf(buf, n, "%.10g", v);
}

static bool
lang_zh(struct check *c)
{
	return check_settings(c)->lang == LANG_ZH;
}

/* PB1: project. */

static void
check_pb101(struct check *c, const struct project *p)
{
	if (text_blank(p->text[FIELD_CODE]))
		check_emit(c, RULE_PB101, FIELD_CODE, 0, p->loc[FIELD_CODE],
		    "", p->text[FIELD_NAME], NULL);
}

static void
check_pb102(struct check *c, const struct project *p)
{
	const char *code = p->text[FIELD_CODE];

	if (!text_blank(code) && !check_code_matches(c, code))
		check_emit(c, RULE_PB102, FIELD_CODE, 0, p->loc[FIELD_CODE],
		    code, check_settings(c)->code_pattern, NULL);
}

static void
check_pb103(struct check *c, const struct project *p)
{
	if (text_blank(p->text[FIELD_NAME]))
		check_emit(c, RULE_PB103, FIELD_NAME, 0, p->loc[FIELD_NAME],
		    "", NULL, NULL);
}

static void
check_pb104(struct check *c, const struct project *p)
{
	if (text_blank(p->text[FIELD_PURPOSE]))
		check_emit(c, RULE_PB104, FIELD_PURPOSE, 0,
		    p->loc[FIELD_PURPOSE], "", NULL, NULL);
}

/* Why a money cell is wrong, or NULL; blank_ok for 财政资金 and 其他资金. */
static const char *
money_problem(struct check *c, const struct number_cell *n, bool blank_ok)
{
	bool zh = lang_zh(c);

	if (n->status == NUMBER_BLANK)
		return blank_ok ? NULL : zh ? "为空" : "is empty";
	if (n->status == NUMBER_BAD)
		return zh ? "不是数字" : "is not a number";
	if (n->number < 0)
		return zh ? "为负数" : "is negative";
	return NULL;
}

static void
check_pb105(struct check *c, const struct project *p)
{
	const char *why = money_problem(c, &p->budget, false);

	if (why != NULL)
		check_emit(c, RULE_PB105, FIELD_BUDGET, 0,
		    p->loc[FIELD_BUDGET], p->text[FIELD_BUDGET], why, NULL);
}

static void
check_pb106(struct check *c, const struct project *p)
{
	const char *why;

	if ((why = money_problem(c, &p->fiscal, true)) != NULL)
		check_emit(c, RULE_PB106, FIELD_FISCAL, 0,
		    p->loc[FIELD_FISCAL], p->text[FIELD_FISCAL], why, NULL);
	if ((why = money_problem(c, &p->other, true)) != NULL)
		check_emit(c, RULE_PB106, FIELD_OTHER, 0,
		    p->loc[FIELD_OTHER], p->text[FIELD_OTHER], why, NULL);
}

static void
check_pb107(struct check *c, const struct project *p)
{
	char sum[64];
	double total;

	if (money_problem(c, &p->budget, false) != NULL ||
	    money_problem(c, &p->fiscal, true) != NULL ||
	    money_problem(c, &p->other, true) != NULL)
		return;
	total = p->fiscal.number + p->other.number;
	if (fabs(p->budget.number - total) <=
	    check_settings(c)->budget_tolerance)
		return;
	fmt_number(sum, sizeof(sum), total);
	check_emit(c, RULE_PB107, FIELD_BUDGET, 0, p->loc[FIELD_BUDGET],
	    p->text[FIELD_BUDGET], sum, NULL);
}

static void
check_pb108(struct check *c, const struct project *p)
{
	struct loc loc = p->loc[FIELD_CODE];
	size_t i;

	for (i = 0; i < p->ngoals; i++)
		if (!text_blank(p->goals[i].text))
			return;
	for (i = 0; i < p->ngoals; i++)
		if (p->goals[i].number == 1)
			loc = p->goals[i].loc;
	check_emit(c, RULE_PB108, FIELD_GOAL, 1, loc, "", NULL, NULL);
}

static void
check_pb109(struct check *c, const struct project *p)
{
	if (p->nind == 0)
		check_emit(c, RULE_PB109, FIELD_CODE, 0, p->loc[FIELD_CODE],
		    "", NULL, NULL);
}

static void
check_pb110(struct check *c, const struct project *p)
{
	if (p->budget.status == NUMBER_OK && p->budget.number == 0)
		check_emit(c, RULE_PB110, FIELD_BUDGET, 0,
		    p->loc[FIELD_BUDGET], p->text[FIELD_BUDGET], NULL, NULL);
}

/* PB2: spend plan. */

static bool
plan_numbers_ok(const struct project *p)
{
	int k;

	for (k = 0; k < PLAN_POINTS; k++) {
		if (p->plan[k].status == NUMBER_BAD)
			return false;
		if (p->plan[k].status == NUMBER_OK &&
		    (p->plan[k].number < 0 || p->plan[k].number > 100))
			return false;
	}
	return true;
}

static bool
plan_all_blank(const struct project *p)
{
	int k;

	for (k = 0; k < PLAN_POINTS; k++)
		if (p->plan[k].status != NUMBER_BLANK)
			return false;
	return true;
}

/* PB203–PB205 and PB207 run on a well-formed plan that is not all blank. */
static bool
plan_checkable(const struct project *p)
{
	return plan_numbers_ok(p) && !plan_all_blank(p);
}

static void
check_pb201(struct check *c, const struct project *p)
{
	int k;

	for (k = 0; k < PLAN_POINTS; k++)
		if (p->plan[k].status == NUMBER_BAD)
			check_emit(c, RULE_PB201, FIELD_PLAN_MAR + k, 0,
			    p->loc[FIELD_PLAN_MAR + k],
			    p->text[FIELD_PLAN_MAR + k], NULL, NULL);
}

static void
check_pb202(struct check *c, const struct project *p)
{
	int k;

	for (k = 0; k < PLAN_POINTS; k++)
		if (p->plan[k].status == NUMBER_OK &&
		    (p->plan[k].number < 0 || p->plan[k].number > 100))
			check_emit(c, RULE_PB202, FIELD_PLAN_MAR + k, 0,
			    p->loc[FIELD_PLAN_MAR + k],
			    p->text[FIELD_PLAN_MAR + k], NULL, NULL);
}

static void
check_pb203(struct check *c, const struct project *p)
{
	char now[64], before[64], *label;
	int k;

	if (!plan_checkable(p))
		return;
	for (k = 1; k < PLAN_POINTS; k++) {
		if (p->plan[k].number >= p->plan[k - 1].number)
			continue;
		fmt_number(now, sizeof(now), p->plan[k].number);
		fmt_number(before, sizeof(before), p->plan[k - 1].number);
		label = check_field_label(FIELD_PLAN_MAR + k - 1, 0,
		    check_settings(c)->lang);
		check_emit(c, RULE_PB203, FIELD_PLAN_MAR + k, 0,
		    p->loc[FIELD_PLAN_MAR + k], now, before, label);
		free(label);
	}
}

static void
check_pb204(struct check *c, const struct project *p)
{
	char v[64];

	if (!plan_checkable(p) || p->plan[3].number == 100)
		return;
	fmt_number(v, sizeof(v), p->plan[3].number);
	check_emit(c, RULE_PB204, FIELD_PLAN_DEC, 0, p->loc[FIELD_PLAN_DEC],
	    v, NULL, NULL);
}

static void
check_pb205(struct check *c, const struct project *p)
{
	int k;

	if (!plan_checkable(p))
		return;
	for (k = 0; k < PLAN_POINTS; k++)
		if (p->plan[k].status == NUMBER_BLANK)
			check_emit(c, RULE_PB205, FIELD_PLAN_MAR + k, 0,
			    p->loc[FIELD_PLAN_MAR + k], "", NULL, NULL);
}

static void
check_pb206(struct check *c, const struct project *p)
{
	if (plan_all_blank(p))
		check_emit(c, RULE_PB206, FIELD_PLAN_MAR, 0,
		    p->loc[FIELD_PLAN_MAR], "", NULL, NULL);
}

static void
check_pb207(struct check *c, const struct project *p)
{
	char v[64], min[64];
	double mark = check_settings(c)->midyear_min;

	if (!plan_checkable(p) || p->plan[1].number >= mark)
		return;
	fmt_number(v, sizeof(v), p->plan[1].number);
	fmt_number(min, sizeof(min), mark);
	check_emit(c, RULE_PB207, FIELD_PLAN_JUN, 0, p->loc[FIELD_PLAN_JUN],
	    v, min, NULL);
}
