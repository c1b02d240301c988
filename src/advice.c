/*
 * Fix advice: one line per rule saying what to do, in both languages.
 * A table of its own beside the rule table, indexed by rule id, so that
 * the rules' texts and their advice can be edited apart.
 */
#include <stddef.h>

#include "advice.h"
#include "rules.h"

static const char *const advice[][2] = {
	[RULE_PB001] = { "save the file again as CSV (UTF-8) from the "
	    "spreadsheet, or fix the quoting at the line shown",
	    "从表格软件重新另存为 CSV（UTF-8），或修正所示行的引号" },
	[RULE_PB002] = { "add the missing column to the header, spelled as "
	    "in the form", "在表头补上缺少的列，名称与表样一致" },
	[RULE_PB003] = { "rename the column to a form label, or delete it",
	    "将该列改为表样中的名称，或删除该列" },
	[RULE_PB004] = { "keep all rows of a project together, one block "
	    "per 项目编码", "同一项目的各行放在一起，每个项目编码一块" },
	[RULE_PB005] = { "give each project its own 项目编码, or remove "
	    "the duplicate", "每个项目使用唯一的项目编码，或删除重复的项目" },
	[RULE_PB006] = { "make the project columns the same on every row "
	    "of the project", "同一项目各行的项目列填写一致" },
	[RULE_PB007] = { "nothing to do; save as UTF-8 to avoid the "
	    "conversion", "无需处理；另存为 UTF-8 可免去转换" },
	[RULE_PB008] = { "retype the damaged text, or save the file again "
	    "in one encoding", "重新输入受损的文字，或以统一编码重新保存文件" },
	[RULE_PB009] = { "fill in the indicator rows, or remove the empty "
	    "file from the batch", "填写指标行，或将空文件移出本批" },
	[RULE_PB010] = { "use a layout with this field if it must be "
	    "checked", "如需检查该项，请使用含此栏目的表样" },
	[RULE_PB011] = { "move the table onto this sheet's first rows with "
	    "its header, or ignore the note if the sheet holds no table",
	    "若该工作表应有表格，请按表头整理；若只是说明页，可忽略本提示" },
	[RULE_PB012] = { "remove the stale [ignore] entry, or correct its "
	    "project or rule", "删除过时的 [ignore] 条目，或改正其项目或规则" },
	[RULE_PB101] = { "write the project's 项目编码 from the budget "
	    "system", "填写预算系统中的项目编码" },
	[RULE_PB102] = { "copy the 项目编码 from the budget system, or "
	    "adjust the code pattern", "从预算系统复制项目编码，或调整编码规则" },
	[RULE_PB103] = { "write the project's name", "填写项目名称" },
	[RULE_PB104] = { "say what the money is spent on (资金用途)",
	    "填写资金用途，说明资金用于什么" },
	[RULE_PB105] = { "write the budget as a number in 万元, such as 15",
	    "以万元为单位填写预算数，如 15" },
	[RULE_PB106] = { "write the amount as a number in 万元, or leave it "
	    "blank for 0", "以万元为单位填写金额数字，无则留空（视为 0）" },
	[RULE_PB107] = { "make 预算数 equal 财政资金 + 其他资金",
	    "使预算数等于财政资金与其他资金之和" },
	[RULE_PB108] = { "write at least one goal (目标1)",
	    "至少填写一项目标（目标1）" },
	[RULE_PB109] = { "add the project's indicators (产出, 效果, 满意度)",
	    "补充项目的绩效指标（产出、效果、满意度）" },
	[RULE_PB110] = { "check the budget; a project with no money needs "
	    "no target table", "核实预算数；无资金的项目无需绩效目标表" },
	[RULE_PB201] = { "write the cumulative percentage as a number, such "
	    "as 50", "以数字填写累计支出百分比，如 50" },
	[RULE_PB202] = { "write a cumulative percentage between 0 and 100",
	    "填写 0 至 100 之间的累计百分比" },
	[RULE_PB203] = { "make the plan cumulative: each milestone at least "
	    "the one before", "按累计数填写：每个时点不小于前一时点" },
	[RULE_PB204] = { "plan to spend 100% by the end of December",
	    "12月底累计支出计划应为 100%" },
	[RULE_PB205] = { "write 0 if nothing is spent by then, or the "
	    "planned percentage", "该时点无支出请填 0，否则填写计划百分比" },
	[RULE_PB206] = { "fill in the spend plan at 3/6/10/12月底",
	    "填写 3、6、10、12月底的资金支出计划" },
	[RULE_PB207] = { "plan the spending earlier in the year, or explain "
	    "why it comes late", "提前安排支出进度，或说明支出靠后的原因" },
	[RULE_PB301] = { "use 产出指标, 效果指标 or 满意度指标",
	    "一级指标填写产出指标、效果指标或满意度指标" },
	[RULE_PB302] = { "choose a 二级指标 listed under this 一级指标",
	    "选择该一级指标下的二级指标" },
	[RULE_PB303] = { "add the missing 产出 or 效果 indicators",
	    "补充缺少的产出指标或效果指标" },
	[RULE_PB304] = { "add a 服务对象满意度 indicator, such as ≥90%",
	    "补充服务对象满意度指标，如 ≥90%" },
	[RULE_PB305] = { "add the missing output dimension (数量, 质量, "
	    "时效 or 成本)", "补充缺少的产出维度（数量、质量、时效或成本）" },
	[RULE_PB306] = { "name the indicator (三级指标)",
	    "填写三级指标名称" },
	[RULE_PB307] = { "describe what the indicator measures",
	    "填写绩效指标描述，说明衡量什么" },
	[RULE_PB308] = { "say what is measured and how, not only the name",
	    "说明衡量的内容和口径，而非重复指标名称" },
	[RULE_PB309] = { "write the basis, such as 计划标准 or 历史数据",
	    "填写指标值确定依据，如计划标准或历史数据" },
	[RULE_PB310] = { "nothing to do if the dimension truly does not "
	    "apply", "如该维度确不适用，无需处理" },
	[RULE_PB311] = { "remove the repeated row, or make the two "
	    "indicators differ", "删除重复的行，或区分两个指标" },
	[RULE_PB401] = { "write a measurable target, such as ≥95%",
	    "填写可衡量的指标值，如 ≥95%" },
	[RULE_PB402] = { "write an operator and a number, such as ≥95%",
	    "填写运算符和数字，如 ≥95%" },
	[RULE_PB403] = { "add the unit, such as 个, 次 or %",
	    "补上计量单位，如 个、次 或 %" },
	[RULE_PB404] = { "write a percentage between 0 and 100",
	    "填写 0 至 100 之间的百分比" },
	[RULE_PB405] = { "write the rate in %, such as ≥90%",
	    "以 % 填写比率，如 ≥90%" },
	[RULE_PB406] = { "write the satisfaction as ≥N%, such as ≥90%",
	    "满意度写作 ≥N%，如 ≥90%" },
	[RULE_PB407] = { "raise the satisfaction target, or explain the "
	    "lower one", "提高满意度目标，或说明偏低的原因" },
	[RULE_PB408] = { "cap the cost with ≤ or =, such as ≤15万元",
	    "成本用 ≤ 或 = 限定，如 ≤15万元" },
	[RULE_PB409] = { "bring the cost within the budget, or correct the "
	    "unit (元 or 万元)", "使成本不超过预算数，或更正单位（元或万元）" },
	[RULE_PB410] = { "state the cost in 元, 万元 or %",
	    "成本以元、万元或 % 表示" },
	[RULE_PB411] = { "write a number with a unit, such as ≥100次",
	    "填写带单位的数字，如 ≥100次" },
	[RULE_PB412] = { "state a result that can be checked, with a "
	    "number where possible", "写出可检验的结果，尽量量化" },
	[RULE_PB413] = { "use a standard unit, such as 个, 次, 万元 or %",
	    "使用规范计量单位，如 个、次、万元 或 %" },
	[RULE_PB414] = { "write the operator, such as =4个 or ≥4个",
	    "写明运算符，如 =4个 或 ≥4个" },
	[RULE_PB501] = { "name the basis, such as 计划标准, 行业标准 or "
	    "历史数据", "写明依据类别，如计划标准、行业标准或历史数据" },
	[RULE_PB502] = { "check the unit cost, the quantity and the budget "
	    "against each other", "核对单位成本、数量与预算数是否相符" },
};

_Static_assert(sizeof(advice) / sizeof(advice[0]) == RULE_COUNT,
    "one advice entry per rule");

const char *
rule_advice(enum rule_id id, enum lang lang)
{
	const char *s;

	if ((unsigned)id >= RULE_COUNT)
		return "";
	s = advice[id][lang == LANG_ZH];
	return s != NULL ? s : "";
}
