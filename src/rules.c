/* The rule table (SPEC 4) and the checks of the project (PB1) and spend-plan (PB2) families. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "model.h"
#include "rules.h"
#include "rules_check.h"
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
	    { "project {code}: budget (预算数) '{value}' is 0",
	      "项目 {code}：预算数“{value}”为 0" }, check_pb110 },

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
	/* PB3: indicator structure. */
	[RULE_PB301] = { "PB301", E, GROUP_STRUCTURE,
	    { "一级指标 is not a known level-1 name", "一级指标名称不规范" },
	    { "project {code}: level-1 indicator (一级指标) '{value}' is not 产出指标, 效果指标, 满意度指标 or 成本指标",
	      "项目 {code}：一级指标“{value}”不是产出指标、效果指标、满意度指标或成本指标" }, check_pb301 },
	[RULE_PB302] = { "PB302", E, GROUP_STRUCTURE,
	    { "二级指标 is not valid under its 一级指标", "二级指标与一级指标不匹配" },
	    { "project {code}: level-2 indicator (二级指标) '{value}' is not valid under {a}; expected one of {b}",
	      "项目 {code}：二级指标“{value}”不属于{a}，应为{b}之一" }, check_pb302 },
	[RULE_PB303] = { "PB303", E, GROUP_STRUCTURE,
	    { "the project has no 产出 or no 效果 indicator", "缺少产出指标或效果指标" },
	    { "project {code}: the project has no {value} indicator",
	      "项目 {code}：缺少{value}" }, check_pb303 },
	[RULE_PB304] = { "PB304", W, GROUP_STRUCTURE,
	    { "the project has no 满意度 indicator", "缺少满意度指标" },
	    { "project {code}: the project has no satisfaction indicator ({value})",
	      "项目 {code}：缺少{value}" }, check_pb304 },
	[RULE_PB305] = { "PB305", W, GROUP_STRUCTURE,
	    { "产出 lacks one of 数量/质量/时效/成本", "产出指标缺少数量、质量、时效或成本指标" },
	    { "project {code}: the output indicators (产出指标) have no {value}",
	      "项目 {code}：产出指标下缺少{value}" }, check_pb305 },
	[RULE_PB306] = { "PB306", E, GROUP_STRUCTURE,
	    { "三级指标 is empty", "三级指标为空" },
	    { "project {code}: level-3 indicator (三级指标) is empty (description '{value}')",
	      "项目 {code}：三级指标为空（绩效指标描述“{value}”）" }, check_pb306 },
	[RULE_PB307] = { "PB307", W, GROUP_STRUCTURE,
	    { "绩效指标描述 is empty", "绩效指标描述为空" },
	    { "project {code}: indicator '{value}' has no description (绩效指标描述)",
	      "项目 {code}：指标“{value}”的绩效指标描述为空" }, check_pb307 },
	[RULE_PB308] = { "PB308", I, GROUP_STRUCTURE,
	    { "绩效指标描述 only repeats the 三级指标 name", "绩效指标描述只是重复三级指标名称" },
	    { "project {code}: the description '{value}' only repeats the level-3 name",
	      "项目 {code}：绩效指标描述“{value}”只是重复了三级指标名称" }, check_pb308 },
	[RULE_PB309] = { "PB309", E, GROUP_STRUCTURE,
	    { "指标值确定依据 is empty", "指标值确定依据为空" },
	    { "project {code}: indicator '{value}'{a} has no value basis (指标值确定依据)",
	      "项目 {code}：指标“{value}”{a}的指标值确定依据为空" }, check_pb309 },
	[RULE_PB310] = { "PB310", I, GROUP_STRUCTURE,
	    { "a row declares the dimension not applicable", "该行声明本项目不适用此类指标" },
	    { "project {code}: '{value}' declares this dimension not applicable; accepted",
	      "项目 {code}：“{value}”声明不适用此类指标，予以接受" }, check_pb310 },
	[RULE_PB311] = { "PB311", W, GROUP_STRUCTURE,
	    { "the same indicator appears twice in a project", "同一项目中指标重复" },
	    { "project {code}: indicator '{value}' repeats the one on line {a} (same levels and description)",
	      "项目 {code}：指标“{value}”与第 {a} 行的指标重复（层级与描述相同）" }, check_pb311 },

	/* PB4: indicator value. */
	[RULE_PB401] = { "PB401", E, GROUP_VALUE,
	    { "指标值 is empty or a placeholder", "指标值为空或为占位符" },
	    { "project {code}: indicator '{a}' has no target value (指标值 '{value}')",
	      "项目 {code}：指标“{a}”没有指标值（“{value}”）" }, check_pb401 },
	[RULE_PB402] = { "PB402", E, GROUP_VALUE,
	    { "an operator without a number, or a malformed number", "运算符后无数字或数字格式错误" },
	    { "project {code}: target value '{value}': {a}",
	      "项目 {code}：指标值“{value}”：{a}" }, check_pb402 },
	[RULE_PB403] = { "PB403", W, GROUP_VALUE,
	    { "a number without a unit", "数值没有计量单位" },
	    { "project {code}: target value '{value}' has no unit",
	      "项目 {code}：指标值“{value}”没有计量单位" }, check_pb403 },
	[RULE_PB404] = { "PB404", E, GROUP_VALUE,
	    { "a percentage above 100 or below 0", "百分比大于 100 或小于 0" },
	    { "project {code}: target value '{value}' is a percentage outside 0-100%",
	      "项目 {code}：指标值“{value}”的百分比超出 0–100%" }, check_pb404 },
	[RULE_PB405] = { "PB405", W, GROUP_VALUE,
	    { "a rate or 满意度 value whose unit is not %", "比率或满意度指标的单位不是 %" },
	    { "project {code}: target value '{value}' of {a} is not in %",
	      "项目 {code}：{a}的指标值“{value}”单位不是 %" }, check_pb405 },
	[RULE_PB406] = { "PB406", W, GROUP_VALUE,
	    { "a 满意度 value that is not quantitative, or uses <=/<", "满意度指标值不是定量值或设了上限" },
	    { "project {code}: satisfaction target '{value}' {a}",
	      "项目 {code}：满意度指标值“{value}”{a}" }, check_pb406 },
	[RULE_PB407] = { "PB407", I, GROUP_VALUE,
	    { "a 满意度 target below the floor", "满意度目标值低于下限" },
	    { "project {code}: satisfaction target '{value}' is below {a}%",
	      "项目 {code}：满意度目标值“{value}”低于 {a}%" }, check_pb407 },
	[RULE_PB408] = { "PB408", W, GROUP_VALUE,
	    { "a 成本 indicator with >= or >", "成本指标使用了 ≥ 或 >" },
	    { "project {code}: cost target '{value}' sets a lower bound; a cost is capped with <= or =",
	      "项目 {code}：成本指标值“{value}”设了下限，成本应以《（≤）或 = 控制" }, check_pb408 },
	[RULE_PB409] = { "PB409", W, GROUP_VALUE,
	    { "a 成本 money value above the project's 预算数", "成本金额超过项目预算数" },
	    { "project {code}: cost target '{value}' ({a} 万元) exceeds the budget (预算数) of {b} 万元",
	      "项目 {code}：成本指标值“{value}”（{a} 万元）超过预算数 {b} 万元" }, check_pb409 },
	[RULE_PB410] = { "PB410", W, GROUP_VALUE,
	    { "a 成本 indicator whose unit is neither money nor %", "成本指标单位不是金额或 %" },
	    { "project {code}: cost target '{value}' is in '{a}', not in money (元, 万元) or %",
	      "项目 {code}：成本指标值“{value}”的单位“{a}”不是金额（元、万元）或 %" }, check_pb410 },
	[RULE_PB411] = { "PB411", W, GROUP_VALUE,
	    { "a qualitative value under 产出 or 满意度", "产出或满意度指标使用了定性值" },
	    { "project {code}: target value '{value}' under {a} is qualitative; it must be a number",
	      "项目 {code}：{a}的指标值“{value}”是定性描述，应为定量值" }, check_pb411 },
	[RULE_PB412] = { "PB412", I, GROUP_VALUE,
	    { "a qualitative value that repeats the 描述 or the 三级 name", "定性指标值只是重复描述或指标名称" },
	    { "project {code}: target value '{value}' only repeats {a}; it cannot be measured",
	      "项目 {code}：指标值“{value}”只是重复{a}，无法衡量" }, check_pb412 },
	[RULE_PB413] = { "PB413", I, GROUP_VALUE,
	    { "a unit not in the unit table, or a colloquial alias", "计量单位不在单位表中或为口语写法" },
	    { "project {code}: target value '{value}': unit '{a}' {b}",
	      "项目 {code}：指标值“{value}”：单位“{a}”{b}" }, check_pb413 },
	[RULE_PB414] = { "PB414", I, GROUP_VALUE,
	    { "a bare number without operator, read as =", "数值前没有运算符，按 = 处理" },
	    { "project {code}: target value '{value}' has no operator and is read as '='",
	      "项目 {code}：指标值“{value}”没有运算符，按“=”处理" }, check_pb414 },

	/* PB5: consistency. */
	[RULE_PB501] = { "PB501", I, GROUP_CONSISTENCY,
	    { "指标值确定依据 is not a recognised basis", "指标值确定依据不是常用依据" },
	    { "project {code}: value basis '{value}' is not one of 计划标准/工作计划, 行业标准, 历史标准/历史数据, 合同约定, 经验标准, 其他标准",
	      "项目 {code}：指标值确定依据“{value}”不是计划标准（工作计划）、行业标准、历史标准（历史数据）、合同约定、经验标准或其他标准" }, check_pb501 },
	[RULE_PB502] = { "PB502", I, GROUP_CONSISTENCY,
	    { "unit cost × quantity exceeds 预算数", "单位成本乘以数量超过预算数" },
	    { "project {code}: unit cost '{value}' times the quantity {a} is {b} 万元 (the budget)",
	      "项目 {code}：单位成本“{value}”乘以数量{a}为 {b} 万元（预算数）" }, check_pb502 },
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
	/* Decimal amounts are inexact in binary (15.005 - 15 is
	 * 0.0050000000000008), so a difference of exactly the tolerance
	 * gets a rounding slack of 1e-12 of the budget: one fen for a
	 * budget of 10 billion yuan. */
	if (fabs(p->budget.number - total) <=
	    check_settings(c)->budget_tolerance +
	    1e-12 * fmax(1.0, fabs(p->budget.number)))
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
