/* Unit tests for the indicator rules: structure (PB301-PB311), values (PB401-PB414) and consistency (PB501, PB502), case by case and on the Chengde sample. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "read.h"
#include "report.h"
#include "rules.h"
#include "settings.h"
#include "text.h"
#include "util.h"

#include "support.h"

/* Two goal columns: the indicator cells are columns 13-18. */
#define HEADER "项目编码,项目名称,预算数,财政资金,其他资金,资金用途," \
	"3月底,6月底,10月底,12月底,目标1,目标2," \
	"一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n"
#define COL_LEVEL1	13
#define COL_LEVEL2	14
#define COL_LEVEL3	15
#define COL_DESC	16
#define COL_VALUE	17
#define COL_BASIS	18

#define CODE		"571-0101-YBN-NFOY"
#define CODE_BEFORE	"571-0101-YBN-AAAA"
#define SEED		"data/chengde-2021/targets.csv"

/* Default severities of SPEC 4 for PB301-PB311, PB401-PB414, PB501-PB502. */
static const char spec_pb3[] = "EEEWWEWIEIW";
static const char spec_pb4[] = "EEWEWWIWWWWIII";
static const char spec_pb5[] = "II";

/* The default severity SPEC 4 gives a rule of PB3-PB5 (SEV_OFF otherwise). */
static enum severity
spec_severity(enum rule_id r)
{
	const char *id = rule_get(r)->id, *table;
	size_t n = (size_t)atoi(id + 3);
	char c;

	switch (id[2]) {
	case '3':
		table = spec_pb3;
		break;
	case '4':
		table = spec_pb4;
		break;
	case '5':
		table = spec_pb5;
		break;
	default:
		return SEV_OFF;
	}
	if (n < 1 || n > strlen(table))
		return SEV_OFF;
	c = table[n - 1];
	return c == 'E' ? SEV_ERROR : c == 'W' ? SEV_WARNING : SEV_INFO;
}

/* The Chinese field name of an indicator column. */
static const char *
column_field(int col)
{
	static const char *const names[] = { "一级指标", "二级指标", "三级指标",
	    "绩效指标描述", "指标值", "指标值确定依据" };

	if (col < COL_LEVEL1 || col > COL_BASIS)
		return "?";
	return names[col - COL_LEVEL1];
}

/*
 * Default settings in a language with only the rules whose ids start with
 * one of the comma-separated prefixes switched on (at their default
 * severity); every other rule is off so that a case sees one family.
 */
static void
only_rules(struct settings *s, enum lang lang, const char *prefixes)
{
	int r;

	settings_init(s);
	s->lang = lang;
	for (r = 0; r < RULE_COUNT; r++) {
		const char *id = rule_get((enum rule_id)r)->id, *p = prefixes;
		bool on = false;

		while (*p != '\0' && !on) {
			size_t n = strcspn(p, ",");

			if (n > 0 && strncmp(id, p, n) == 0)
				on = true;
			p += n;
			if (*p == ',')
				p++;
		}
		if (!on)
			s->severity[r] = SEV_OFF;
	}
}

static void
add_basis(struct settings *s, const char *basis)
{
	s->bases = xreallocarray(s->bases, s->nbases + 1, sizeof(*s->bases));
	s->bases[s->nbases++] = xstrdup(basis);
}

/* An indicator row: 一级, 二级, 三级, 描述, 指标值, 依据 ("" is blank). */
struct row {
	const char	*c[6];
};

#define ROW(l1, l2, l3, d, v, b)	{ { l1, l2, l3, d, v, b } }

/* The clean rows: one of each 产出 二级, an effect and a satisfaction. */
#define R_QTY	ROW("产出指标", "数量指标", "设备数量", "购置教学设备数量", \
		    ">=2台", "计划标准")
#define R_QUAL	ROW("产出指标", "质量指标", "验收合格率", "设备验收合格率", \
		    "=100%", "行业标准")
#define R_TIME	ROW("产出指标", "时效指标", "完成时间", "设备采购完成时间", \
		    "<=12个月", "工作计划")
#define R_COST	ROW("产出指标", "成本指标", "成本控制率", "预算成本控制率", \
		    "<=100%", "计划标准")
#define R_EFFECT ROW("效果指标", "社会效益指标", "教学条件", \
		    "改善学校教学条件", "明显改善", "历史数据")
#define R_SAT	ROW("满意度指标", "服务对象满意度指标", "使用人满意度", \
		    "教师对设备的满意度", ">=90%", "计划标准")

static const struct row clean_rows[] = { R_QTY, R_QUAL, R_TIME, R_COST,
    R_EFFECT, R_SAT };

#define MAX_ROWS	10

/*
 * One case: the case project (alone on lines 2-7 and appended rows from
 * line 8, or after a clean project when after is set), the rules switched
 * on, and every finding it must give in order ("" for none).
 */
struct ind_case {
	const char	*name;
	struct row	 rows[MAX_ROWS];	/* appended to the clean rows */
	bool		 replace;	/* rows replace the clean rows */
	bool		 bare_first;	/* a first row of project cells alone */
	bool		 after;		/* a clean project comes first */
	const char	*on;		/* rule prefixes; NULL: PB3,PB4,PB5 */
	const char	*budget;	/* NULL: 15 */
	double		 satisfaction;	/* satisfaction_min; 0: default */
	const char	*basis;		/* an extra accepted basis */
	const char	*want;
	enum severity	 severity;	/* of the first finding */
	const char	*quote;		/* the first message holds this */
	const char	*quote2;	/* and this, unless NULL */
	const char	*quote_en;	/* the first English message holds this */
	const char	*quote_zh;	/* the first Chinese message holds this */
	bool		 no_empty_quote; /* the first message quotes no '' */
};

static bool
row_used(const struct row *r)
{
	size_t i;

	for (i = 0; i < NELEM(r->c); i++)
		if (r->c[i] != NULL)
			return true;
	return false;
}

static void
put_cell(struct strbuf *b, const char *s, bool last)
{
	put_csv_cell(b, s);
	strbuf_putc(b, last ? '\n' : ',');
}

static int
newlines(const char *s)
{
	int n = 0;

	for (; s != NULL && *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

/* The value cells of the case project by line, to check quotes. */
struct line_value {
	int		 line;
	const char	*value;
};

struct layout {
	struct line_value lv[2 * MAX_ROWS];
	size_t		 n;
	int		 line;		/* the next line to write */
};

/* Writes a project: its cells on the first row, blank on the others. */
static void
put_project(struct strbuf *b, struct layout *lay, const char *code,
    const char *budget, const struct row *rows, size_t nrows,
    bool bare_first, bool record)
{
	const char *cells[12] = { code, "测试设备购置项目", budget, budget, "",
	    "购置教学设备", "25", "50", "75", "100", "完成设备采购", "" };
	size_t i, k;
	bool first = true;

	if (bare_first) {
		for (k = 0; k < NELEM(cells); k++)
			put_cell(b, cells[k], false);
		strbuf_puts(b, ",,,,,\n");
		lay->line++;
		first = false;
	}
	for (i = 0; i < nrows; i++) {
		int extra = 0;

		for (k = 0; k < NELEM(cells); k++) {
			put_cell(b, first ? cells[k] : "", false);
			extra += first ? newlines(cells[k]) : 0;
		}
		for (k = 0; k < 6; k++) {
			put_cell(b, rows[i].c[k], k == 5);
			extra += newlines(rows[i].c[k]);
		}
		if (record && lay->n < NELEM(lay->lv)) {
			lay->lv[lay->n].line = lay->line;
			lay->lv[lay->n].value = rows[i].c[4];
			lay->n++;
		}
		lay->line += 1 + extra;
		first = false;
	}
}

static const char *
value_at(const struct layout *lay, int line)
{
	size_t i;

	for (i = 0; i < lay->n; i++)
		if (lay->lv[i].line == line)
			return lay->lv[i].value;
	return NULL;
}

/*
 * Runs a case in English and in Chinese. Both runs give the findings the
 * case wants; every finding names the case project, has SPEC 4's default
 * severity and the field of its column, and a finding at 指标值 quotes the
 * value; the first finding has the case's severity and quotes.
 */
static void
run_case(const struct ind_case *k)
{
	static const enum lang langs[] = { LANG_EN, LANG_ZH };
	struct row rows[NELEM(clean_rows) + MAX_ROWS];
	size_t nrows = 0, i, j;

	if (!k->replace)
		for (i = 0; i < NELEM(clean_rows); i++)
			rows[nrows++] = clean_rows[i];
	for (i = 0; i < MAX_ROWS && row_used(&k->rows[i]); i++)
		rows[nrows++] = k->rows[i];

	for (j = 0; j < NELEM(langs); j++) {
		struct settings s;
		struct strbuf b = {0};
		struct layout lay;
		char *text, what[256];

		snprintf(what, sizeof(what), "%s (%s)", k->name,
		    langs[j] == LANG_ZH ? "zh" : "en");
		only_rules(&s, langs[j], k->on != NULL ? k->on : "PB3,PB4,PB5");
		if (k->satisfaction > 0)
			s.satisfaction_min = k->satisfaction;
		if (k->basis != NULL)
			add_basis(&s, k->basis);
		memset(&lay, 0, sizeof(lay));
		lay.line = 2;
		strbuf_puts(&b, HEADER);
		if (k->after)
			put_project(&b, &lay, CODE_BEFORE, "15", clean_rows,
			    NELEM(clean_rows), false, false);
		put_project(&b, &lay, CODE, k->budget != NULL ? k->budget :
		    "15", rows, nrows, k->bare_first, true);
		text = strbuf_take(&b);
		run_csv(text, &s);
		free(text);
		settings_free(&s);
		expect_findings(what, false, k->want);
		for (i = 0; i < nseen; i++) {
			const struct seen_finding *f = &seen[i];
			const char *v;

			if (strcmp(f->project, CODE) != 0)
				fail_msg("%s: %s names project \"%s\"", what,
				    rule_get(f->rule)->id, f->project);
			expect_in_message(f, CODE, what);
			if (f->severity != spec_severity(f->rule))
				fail_msg("%s: %s is %s, SPEC says %s", what,
				    rule_get(f->rule)->id,
				    severity_name(f->severity),
				    severity_name(spec_severity(f->rule)));
			if (strcmp(f->field, column_field(f->col)) != 0)
				fail_msg("%s: %s at column %d has field \"%s\"",
				    what, rule_get(f->rule)->id, f->col,
				    f->field);
			if (f->col == COL_VALUE &&
			    (v = value_at(&lay, f->line)) != NULL)
				expect_in_message(f, v, what);
		}
		if (*k->want == '\0')
			continue;
		if (seen[0].severity != k->severity)
			fail_msg("%s: first finding is %s, want %s", what,
			    severity_name(seen[0].severity),
			    severity_name(k->severity));
		expect_in_message(&seen[0], k->quote, what);
		expect_in_message(&seen[0], k->quote2, what);
		expect_in_message(&seen[0], langs[j] == LANG_ZH ? k->quote_zh :
		    k->quote_en, what);
		if (k->no_empty_quote && (strstr(seen[0].message, "''") !=
		    NULL || strstr(seen[0].message, "“”") != NULL))
			fail_msg("%s: \"%s\" quotes an empty cell", what,
			    seen[0].message);
	}
}

static void
run_cases(const struct ind_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		run_case(&cases[i]);
}

/* The clean fixture gives no finding with every rule on, so each case's findings come from its own rows. */
static void
test_fixture_clean_under_all_rules(void **state)
{
	static const struct ind_case cases[] = {
		{ "clean fixture", .on = "PB", .want = "" },
		{ "clean fixture after a clean project", .on = "PB",
		    .after = true, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB301: a 一级 outside SPEC 3.1 is an error at its cell, and PB302 is then not checked on that row. */
static void
test_pb301_level1_unknown(void **state)
{
	static const struct ind_case cases[] = {
		{ "投入指标", .rows = { ROW("投入指标", "数量指标", "培训人数",
		    "参加培训的教师人数", "=100人", "计划标准") },
		    .want = "PB301@8:13", .severity = SEV_ERROR,
		    .quote = "投入指标" },
		{ "过程指标 with an unknown 二级", .rows = { ROW("过程指标",
		    "管理指标", "制度建设", "建立设备管理制度", "=1项",
		    "计划标准") }, .want = "PB301@8:13",
		    .severity = SEV_ERROR, .quote = "过程指标" },
		{ "after another project", .after = true,
		    .rows = { ROW("投入指标", "数量指标", "培训人数",
		    "参加培训的教师人数", "=100人", "计划标准") },
		    .want = "PB301@14:13", .severity = SEV_ERROR,
		    .quote = "投入指标" },
		{ "one unknown 一级 runs the row's other checks",
		    .rows = { ROW("投入指标", "数量指标", "培训人数", "", "=100人",
		    "") }, .want = "PB301@8:13 PB307@8:16 PB309@8:18",
		    .severity = SEV_ERROR, .quote = "投入指标" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB301, PB302: the level names and aliases of SPEC 3.1 (产出, 效益指标, 可持续性影响, ★, 社会公众或服务对象满意度, the 101号 成本 layout) are accepted. */
static void
test_pb301_pb302_aliases_accepted(void **state)
{
	static const struct ind_case cases[] = {
		{ "产出", .rows = { ROW("产出", "数量", "培训人数",
		    "参加培训的教师人数", "=100人", "计划标准") }, .want = "" },
		{ "★产出指标", .rows = { ROW("★产出指标", "★数量指标", "培训人数",
		    "参加培训的教师人数", "=100人", "计划标准") }, .want = "" },
		{ "产出 over two lines", .rows = { ROW("产出\n指标", "数量指标",
		    "培训人数", "参加培训的教师人数", "=100人", "计划标准") },
		    .want = "" },
		{ "spaces and full-width", .rows = { ROW(" 产 出 指 标 ",
		    "数量　指标", "培训人数", "参加培训的教师人数", "=100人",
		    "计划标准") }, .want = "" },
		{ "效益指标 for 效果指标", .rows = { ROW("效益指标", "社会效益指标",
		    "培训覆盖", "教师培训覆盖面扩大", "明显扩大", "计划标准") },
		    .want = "" },
		{ "效果 and 效益", .rows = { ROW("效果", "经济效益", "节约开支",
		    "减少外出培训开支", "有所减少", "计划标准"), ROW("效益",
		    "生态效益", "节约用纸", "减少纸质材料", "有所减少",
		    "计划标准") }, .want = "" },
		{ "环境效益指标", .rows = { ROW("效果指标", "环境效益指标",
		    "节约用纸", "减少纸质材料", "有所减少", "计划标准") },
		    .want = "" },
		{ "可持续性影响", .rows = { ROW("效果指标", "可持续性影响",
		    "长期使用", "设备可长期使用", "长期发挥作用", "计划标准") },
		    .want = "" },
		{ "可持续影响指标", .rows = { ROW("效果指标", "可持续影响指标",
		    "长期使用", "设备可长期使用", "长期发挥作用", "计划标准") },
		    .want = "" },
		{ "社会公众或服务对象满意度", .rows = { ROW("满意度指标",
		    "社会公众或服务对象满意度", "学生满意度", "学生对设备的满意度",
		    ">=90%", "计划标准") }, .want = "" },
		{ "满意度 under 满意度", .rows = { ROW("满意度", "满意度指标",
		    "学生满意度", "学生对设备的满意度", ">=90%", "计划标准") },
		    .want = "" },
		{ "101号 成本指标 / 经济成本指标", .rows = { ROW("成本指标",
		    "经济成本指标", "设备购置成本", "设备购置总成本", "<=15万元",
		    "计划标准") }, .want = "" },
		{ "101号 社会成本 and 生态环境成本指标", .rows = { ROW("成本指标",
		    "社会成本", "社会成本", "对周边的影响", "无负面影响",
		    "计划标准"), ROW("成本指标", "生态环境成本指标", "生态成本",
		    "对环境的影响", "无负面影响", "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB302: a 二级 that does not belong to its 一级 is an error at the 二级 cell naming the 一级 and the valid choices. */
static void
test_pb302_level2_invalid(void **state)
{
	static const struct ind_case cases[] = {
		{ "数量指标 under 效果指标", .rows = { ROW("效果指标", "数量指标",
		    "受益人数", "受益教师人数", "=100人", "计划标准") },
		    .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote = "数量指标", .quote2 = "社会效益指标" },
		{ "经济效益指标 under 产出", .rows = { ROW("产出指标",
		    "经济效益指标", "节约开支", "减少外出培训开支", "=2万元",
		    "计划标准") }, .want = "PB302@8:14",
		    .severity = SEV_ERROR, .quote = "经济效益指标",
		    .quote2 = "时效指标" },
		{ "质量指标 under 满意度", .rows = { ROW("满意度指标", "质量指标",
		    "学生满意度", "学生对设备的满意度", ">=90%", "计划标准") },
		    .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote = "质量指标" },
		{ "101号 经济成本指标 under 产出", .rows = { ROW("产出指标",
		    "经济成本指标", "设备成本", "设备购置总成本", "<=15万元",
		    "计划标准") }, .want = "PB302@8:14",
		    .severity = SEV_ERROR, .quote = "经济成本指标" },
		{ "数量指标 under 101号 成本指标", .rows = { ROW("成本指标",
		    "数量指标", "设备成本", "设备购置总成本", "<=15万元",
		    "计划标准") }, .want = "PB302@8:14",
		    .severity = SEV_ERROR, .quote = "数量指标" },
		{ "unknown 二级", .rows = { ROW("产出指标", "投入指标",
		    "培训人数", "参加培训的教师人数", "=100人", "计划标准") },
		    .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote = "投入指标" },
		{ "blank 二级 on a new 一级 of the project", .replace = true,
		    .rows = { R_QTY, R_QUAL, R_TIME, R_COST, R_EFFECT,
		    ROW("满意度指标", "", "使用人满意度", "教师对设备的满意度",
		    ">=90%", "计划标准") }, .want = "PB302@7:14",
		    .severity = SEV_ERROR },
		{ "unknown 一级 leaves 二级 unchecked", .rows = { ROW("投入指标",
		    "投入指标", "培训人数", "参加培训的教师人数", "=100人",
		    "计划标准") }, .want = "PB301@8:13", .severity = SEV_ERROR,
		    .quote = "投入指标" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB303: a project without 产出 or without 效果 gets one error per missing 一级 on its first row, at 一级指标. */
static void
test_pb303_no_output_or_effect(void **state)
{
	static const struct ind_case cases[] = {
		{ "no 产出", .replace = true, .rows = { R_EFFECT, R_SAT },
		    .want = "PB303@2:13", .severity = SEV_ERROR,
		    .quote = "产出指标" },
		{ "no 效果", .replace = true, .rows = { R_QTY, R_QUAL, R_TIME,
		    R_COST, R_SAT }, .want = "PB303@2:13",
		    .severity = SEV_ERROR, .quote = "效果指标" },
		{ "neither", .replace = true, .rows = { R_SAT },
		    .want = "PB303@2:13 PB303@2:13", .severity = SEV_ERROR,
		    .quote = "产出指标" },
		{ "on the first row of a later project", .after = true,
		    .replace = true, .rows = { R_EFFECT, R_SAT },
		    .want = "PB303@8:13", .severity = SEV_ERROR,
		    .quote = "产出指标" },
		{ "first row with project cells alone", .bare_first = true,
		    .replace = true, .rows = { R_EFFECT, R_SAT },
		    .want = "PB303@2:13", .severity = SEV_ERROR,
		    .quote = "产出指标" },
		{ "效益指标 counts as 效果", .replace = true, .rows = { R_QTY,
		    R_QUAL, R_TIME, R_COST, ROW("效益指标", "社会效益指标",
		    "教学条件", "改善学校教学条件", "明显改善", "历史数据"),
		    R_SAT }, .want = "" },
		{ "产出 alias counts", .replace = true, .rows = {
		    ROW("产出", "数量", "设备数量", "购置教学设备数量", ">=2台",
		    "计划标准"), ROW("", "质量", "验收合格率", "设备验收合格率",
		    "=100%", "行业标准"), ROW("", "时效", "完成时间",
		    "设备采购完成时间", "<=12个月", "工作计划"), ROW("", "成本",
		    "成本控制率", "预算成本控制率", "<=100%", "计划标准"),
		    R_EFFECT, R_SAT }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));

	/* The second finding of "neither" names the other 一级. */
	run_case(&cases[2]);
	assert_int_equal(seen_count(RULE_PB303), 2);
	expect_in_message(&seen[1], "效果指标", "neither");
}

/* PB304: a project without 满意度 gets a warning on its first row at 一级指标; the 满意度 aliases count. */
static void
test_pb304_no_satisfaction(void **state)
{
	static const struct ind_case cases[] = {
		{ "no 满意度", .replace = true, .rows = { R_QTY, R_QUAL, R_TIME,
		    R_COST, R_EFFECT }, .want = "PB304@2:13",
		    .severity = SEV_WARNING, .quote = "满意度指标" },
		{ "after another project", .after = true, .replace = true,
		    .rows = { R_QTY, R_QUAL, R_TIME, R_COST, R_EFFECT },
		    .want = "PB304@8:13", .severity = SEV_WARNING,
		    .quote = "满意度指标" },
		{ "满意度 alias", .replace = true, .rows = { R_QTY, R_QUAL,
		    R_TIME, R_COST, R_EFFECT, ROW("满意度", "满意度",
		    "使用人满意度", "教师对设备的满意度", ">=90%", "计划标准") },
		    .want = "" },
		{ "社会公众或服务对象满意度", .replace = true, .rows = { R_QTY,
		    R_QUAL, R_TIME, R_COST, R_EFFECT, ROW("满意度指标",
		    "社会公众或服务对象满意度", "使用人满意度",
		    "教师对设备的满意度", ">=90%", "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB305: 产出 without one of 数量/质量/时效/成本 gets one warning per missing 二级 at the first row's 二级指标; a 101号 一级 成本指标 stands for 成本. */
static void
test_pb305_output_lacks_level2(void **state)
{
	static const struct ind_case cases[] = {
		{ "no 时效", .replace = true, .rows = { R_QTY, R_QUAL, R_COST,
		    R_EFFECT, R_SAT }, .want = "PB305@2:14",
		    .severity = SEV_WARNING, .quote = "时效指标" },
		{ "only 数量", .replace = true, .rows = { R_QTY, R_EFFECT,
		    R_SAT }, .want = "PB305@2:14 PB305@2:14 PB305@2:14",
		    .severity = SEV_WARNING, .quote = "质量指标" },
		{ "after another project", .after = true, .replace = true,
		    .rows = { R_QTY, R_QUAL, R_COST, R_EFFECT, R_SAT },
		    .want = "PB305@8:14", .severity = SEV_WARNING,
		    .quote = "时效指标" },
		{ "101号 成本指标 stands for 成本", .replace = true,
		    .rows = { R_QTY, R_QUAL, R_TIME, R_EFFECT, R_SAT,
		    ROW("成本指标", "经济成本指标", "设备购置成本",
		    "设备购置总成本", "<=15万元", "计划标准") }, .want = "" },
		{ "成本 outside 产出 does not count", .replace = true,
		    .rows = { R_QTY, R_QUAL, R_TIME, R_EFFECT, R_SAT,
		    ROW("效果指标", "成本指标", "设备购置成本", "设备购置总成本",
		    "<=15万元", "计划标准") }, .want = "PB305@2:14 PB302@7:14",
		    .severity = SEV_WARNING, .quote = "成本指标" },
		{ "no 产出 at all: PB303 only", .replace = true,
		    .rows = { R_EFFECT, R_SAT }, .on = "PB305", .want = "" },
		{ "★ and aliases count", .replace = true, .rows = {
		    ROW("★产出指标", "数量", "设备数量", "购置教学设备数量",
		    ">=2台", "计划标准"), ROW("★产出指标", "质量", "验收合格率",
		    "设备验收合格率", "=100%", "行业标准"), ROW("★产出指标", "时效",
		    "完成时间", "设备采购完成时间", "<=12个月", "工作计划"),
		    ROW("★产出指标", "成本", "成本控制率", "预算成本控制率",
		    "<=100%", "计划标准"), R_EFFECT, R_SAT }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));

	run_case(&cases[1]);
	expect_in_message(&seen[1], "时效指标", "only 数量");
	expect_in_message(&seen[2], "成本指标", "only 数量");
}

/* PB306: a blank 三级 is an error at its cell quoting the description; a PB310 row is not. */
static void
test_pb306_level3_empty(void **state)
{
	static const struct ind_case cases[] = {
		{ "blank 三级", .rows = { ROW("产出指标", "数量指标", "",
		    "参加培训的教师人数", "=100人", "计划标准") },
		    .want = "PB306@8:15", .severity = SEV_ERROR,
		    .quote = "参加培训的教师人数" },
		{ "white-space 三级", .rows = { ROW("产出指标", "数量指标", " 　",
		    "参加培训的教师人数", "=100人", "计划标准") },
		    .want = "PB306@8:15", .severity = SEV_ERROR,
		    .quote = "参加培训的教师人数" },
		{ "only 一级 and 二级", .rows = { ROW("产出指标", "数量指标", "",
		    "", "", "") }, .on = "PB3",
		    .want = "PB306@8:15 PB307@8:16 PB309@8:18",
		    .severity = SEV_ERROR },
		{ "not-applicable row", .rows = { ROW("效果指标", "经济效益指标",
		    "本项目无经济效益", "", "", "") }, .on = "PB306",
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB307: a blank 描述 is a warning at its cell quoting the 三级. */
static void
test_pb307_description_empty(void **state)
{
	static const struct ind_case cases[] = {
		{ "blank 描述", .rows = { ROW("产出指标", "数量指标", "培训人数",
		    "", "=100人", "计划标准") }, .want = "PB307@8:16",
		    .severity = SEV_WARNING, .quote = "培训人数" },
		{ "full-width space 描述", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "　", "=100人", "计划标准") },
		    .want = "PB307@8:16", .severity = SEV_WARNING,
		    .quote = "培训人数" },
		{ "any description", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "人", "=100人", "计划标准") }, .want = "" },
		{ "not-applicable row", .rows = { ROW("效果指标", "经济效益指标",
		    "此项目无经济效益", "", "", "") }, .on = "PB307",
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB308: a 描述 equal to the 三级 up to spaces, full-width forms, ★ and a trailing full stop is an info at the 描述 cell. */
static void
test_pb308_description_repeats_level3(void **state)
{
	static const struct ind_case cases[] = {
		{ "same text", .rows = { ROW("产出指标", "数量指标", "培训人数",
		    "培训人数", "=100人", "计划标准") }, .want = "PB308@8:16",
		    .severity = SEV_INFO, .quote = "培训人数" },
		{ "spaces", .rows = { ROW("产出指标", "数量指标", "培训人数",
		    "培训 人数", "=100人", "计划标准") }, .want = "PB308@8:16",
		    .severity = SEV_INFO, .quote = "培训 人数" },
		{ "trailing 。", .rows = { ROW("产出指标", "数量指标", "培训人数",
		    "培训人数。", "=100人", "计划标准") }, .want = "PB308@8:16",
		    .severity = SEV_INFO, .quote = "培训人数。" },
		{ "trailing .", .rows = { ROW("产出指标", "数量指标", "培训人数.",
		    "培训人数", "=100人", "计划标准") }, .want = "PB308@8:16",
		    .severity = SEV_INFO, .quote = "培训人数" },
		{ "full-width letters", .rows = { ROW("产出指标", "数量指标",
		    "ＰＭ2.5监测次数", "PM2.5监测次数", "=12次", "计划标准") },
		    .want = "PB308@8:16", .severity = SEV_INFO,
		    .quote = "PM2.5监测次数" },
		{ "a longer description", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "培训人数达标", "=100人", "计划标准") },
		    .want = "" },
		{ "seed: 平均成本 twice", .replace = true, .on = "PB308",
		    .rows = { ROW("产出指标", "成本指标", "平均成本", "平均成本",
		    "《0.15万元", "工作计划") }, .want = "PB308@2:16",
		    .severity = SEV_INFO, .quote = "平均成本" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB309: a blank 依据 is an error at the 指标值确定依据 cell naming the 三级 and the description; a PB310 row is not. */
static void
test_pb309_basis_empty(void **state)
{
	static const struct ind_case cases[] = {
		{ "blank 依据", .rows = { ROW("产出指标", "数量指标", "培训人数",
		    "参加培训的教师人数", "=100人", "") }, .want = "PB309@8:18",
		    .severity = SEV_ERROR, .quote = "培训人数",
		    .quote2 = "参加培训的教师人数" },
		{ "seed: 空气质量改善", .rows = { ROW("效果指标", "生态效益指标",
		    "改善生态环境质量", "空气质量改善", "空气质量优良天数持续增加",
		    "") }, .want = "PB309@8:18", .severity = SEV_ERROR,
		    .quote = "改善生态环境质量", .quote2 = "空气质量改善" },
		{ "not-applicable row", .rows = { ROW("效果指标", "生态效益指标",
		    "该项目无生态效益", "", "", "") }, .on = "PB309",
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB310: a 三级 reading (本项目|此项目|该项目)?无… with blank 描述, 指标值 and 依据 is an info at the 三级 cell, and no other PB3-PB5 rule speaks on that row. */
static void
test_pb310_not_applicable(void **state)
{
	static const struct ind_case cases[] = {
		{ "本项目无经济效益", .rows = { ROW("效果指标", "经济效益指标",
		    "本项目无经济效益", "", "", "") }, .want = "PB310@8:15",
		    .severity = SEV_INFO, .quote = "本项目无经济效益" },
		{ "此项目无生态效益", .rows = { ROW("效果指标", "生态效益指标",
		    "此项目无生态效益", "", "", "") }, .want = "PB310@8:15",
		    .severity = SEV_INFO, .quote = "此项目无生态效益" },
		{ "该项目无", .rows = { ROW("效果指标", "可持续影响指标",
		    "该项目无可持续影响", "", "", "") }, .want = "PB310@8:15",
		    .severity = SEV_INFO, .quote = "该项目无可持续影响" },
		{ "无 alone", .rows = { ROW("效果指标", "经济效益指标", "无", "",
		    "", "") }, .want = "PB310@8:15", .severity = SEV_INFO,
		    .quote = "无" },
		{ "under 产出 too", .rows = { ROW("产出指标", "成本指标",
		    "本项目无成本", " ", "", "") }, .want = "PB310@8:15",
		    .severity = SEV_INFO, .quote = "本项目无成本" },
		{ "two such rows are not duplicates", .rows = {
		    ROW("效果指标", "经济效益指标", "本项目无经济效益", "", "", ""),
		    ROW("效果指标", "经济效益指标", "本项目无经济效益", "", "", "") },
		    .want = "PB310@8:15 PB310@9:15", .severity = SEV_INFO,
		    .quote = "本项目无经济效益" },
		{ "无 row with a value", .rows = { ROW("效果指标",
		    "经济效益指标", "无", "", "=0万元", "") },
		    .want = "PB307@8:16 PB309@8:18", .severity = SEV_WARNING,
		    .quote = "无" },
		{ "本项目无 row with a description", .rows = { ROW("效果指标",
		    "经济效益指标", "本项目无经济效益", "不产生经济效益", "", "") },
		    .want = "PB401@8:17 PB309@8:18", .severity = SEV_ERROR,
		    .quote = "本项目无经济效益" },
		{ "本项目无 row with a basis", .rows = { ROW("效果指标",
		    "经济效益指标", "本项目无经济效益", "", "", "单位日常工作需要") },
		    .want = "PB307@8:16 PB401@8:17 PB501@8:18",
		    .severity = SEV_WARNING, .quote = "本项目无经济效益" },
		{ "a name that only contains 无", .rows = { ROW("效果指标",
		    "社会效益指标", "推广无纸化办公", "", "", "") },
		    .want = "PB307@8:16 PB401@8:17 PB309@8:18",
		    .severity = SEV_WARNING, .quote = "推广无纸化办公" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB311: the same 一级, 二级, 三级 and 描述 twice in a project is a warning at the second row's 三级 naming the first row's line. */
static void
test_pb311_duplicate(void **state)
{
	static const struct ind_case cases[] = {
		{ "same row twice", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "参加培训的教师人数", "=100人", "计划标准"),
		    ROW("产出指标", "数量指标", "培训人数", "参加培训的教师人数",
		    "=120人", "计划标准") }, .want = "PB311@9:15",
		    .severity = SEV_WARNING, .quote = "培训人数", .quote2 = "8" },
		{ "aliases and spaces", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "参加培训的教师人数", "=100人", "计划标准"),
		    ROW("", "", "培训 人数", "参加培训的教师人数。", "=100人",
		    "计划标准"), ROW("产出", "数量", "培训人数",
		    "参加培训的教师人数", "=100人", "计划标准") },
		    .want = "PB311@9:15 PB311@10:15", .severity = SEV_WARNING,
		    .quote = "培训 人数", .quote2 = "8" },
		{ "a clean row repeated", .rows = { R_QTY }, .want = "PB311@8:15",
		    .severity = SEV_WARNING, .quote = "设备数量",
		    .quote2 = "2" },
		{ "seed project 5: same 三级, other descriptions",
		    .rows = { ROW("产出指标", "数量指标", "完成率",
		    "水环境质量考核监测断面实际监测数/计划监测数*100%", "》95%",
		    "工作计划"), ROW("产出指标", "数量指标", "完成率",
		    "实际监测重点企业家数/计划监测家数*100%", "》95%",
		    "工作计划") }, .want = "" },
		{ "same 三级 and 描述 under another 二级", .rows = {
		    ROW("产出指标", "数量指标", "培训人数", "参加培训的教师人数",
		    "=100人", "计划标准"), ROW("产出指标", "质量指标", "培训人数",
		    "参加培训的教师人数", "=100人", "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB401: a blank or placeholder 指标值 is an error at its cell naming the indicator; a PB310 row is not. */
static void
test_pb401_value_empty(void **state)
{
	static const char *const placeholders[] = { "", " ", "*", "**", "XXX",
	    "/", "—", "待定" };
	struct ind_case k = { "placeholder", .on = "PB4",
	    .want = "PB401@8:17", .severity = SEV_ERROR, .quote = "培训人数" };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(placeholders); i++) {
		k.name = placeholders[i];
		k.rows[0] = (struct row)ROW("产出指标", "数量指标", "培训人数",
		    "参加培训的教师人数", placeholders[i], "计划标准");
		run_case(&k);
	}
	k.name = "not-applicable row";
	k.rows[0] = (struct row)ROW("效果指标", "经济效益指标",
	    "本项目无经济效益", "", "", "");
	k.want = "";
	run_case(&k);
}

/* PB402: an operator without a number or a malformed number is an error at 指标值, and no other PB4 rule runs on that value. */
static void
test_pb402_malformed(void **state)
{
	static const struct ind_case cases[] = {
		{ "》% under a rate", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "合格率", "设备合格率", "》%", "计划标准") },
		    .want = "PB402@8:17", .severity = SEV_ERROR, .quote = "》%" },
		{ "》% under 满意度", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "》%", "计划标准") }, .want = "PB402@8:17",
		    .severity = SEV_ERROR, .quote = "》%" },
		{ "》 alone under 成本", .on = "PB4", .rows = { ROW("产出指标",
		    "成本指标", "运行成本", "设备运行成本", "》", "计划标准") },
		    .want = "PB402@8:17", .severity = SEV_ERROR, .quote = "》" },
		{ "=1.2.3个", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "参加培训的教师人数", "=1.2.3个", "计划标准") },
		    .want = "PB402@8:17", .severity = SEV_ERROR,
		    .quote = "=1.2.3个" },
		{ "=3,5个", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "参加培训的教师人数", "=3,5个", "计划标准") },
		    .want = "PB402@8:17", .severity = SEV_ERROR,
		    .quote = "=3,5个" },
		{ "≥个", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "参加培训的教师人数", "≥个", "计划标准") },
		    .want = "PB402@8:17", .severity = SEV_ERROR, .quote = "≥个" },
		{ "thousands separator", .on = "PB4", .rows = { ROW("产出指标",
		    "数量指标", "培训人次", "参加培训的教师人次", "=1,000人次",
		    "计划标准") }, .want = "" },
		{ "leading decimal point", .on = "PB4", .rows = { ROW("产出指标",
		    "成本指标", "人均成本", "人均培训成本", "《.5万元",
		    "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB403: a number without a unit is a warning at 指标值; a bare number also gets PB414. */
static void
test_pb403_no_unit(void **state)
{
	static const struct ind_case cases[] = {
		{ "=4", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训批次", "开展教师培训批次", "=4", "计划标准") },
		    .want = "PB403@8:17", .severity = SEV_WARNING, .quote = "=4" },
		{ "》1,000", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训批次", "开展教师培训批次", "》1,000", "计划标准") },
		    .want = "PB403@8:17", .severity = SEV_WARNING,
		    .quote = "》1,000" },
		{ "bare 4", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训批次", "开展教师培训批次", "4", "计划标准") },
		    .want = "PB403@8:17 PB414@8:17", .severity = SEV_WARNING,
		    .quote = "4" },
		{ "=4个", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训批次", "开展教师培训批次", "=4个", "计划标准") },
		    .want = "" },
		{ "不少于4期", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训批次", "开展教师培训批次", "不少于4期", "计划标准") },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB404: a percentage above 100 or below 0 is an error at 指标值; names with 增长/增幅 are exempt from the upper bound only. */
static void
test_pb404_percent_range(void **state)
{
	static const struct ind_case cases[] = {
		{ "=120% under a rate", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "验收通过率", "设备验收通过率", "=120%",
		    "计划标准") }, .want = "PB404@8:17", .severity = SEV_ERROR,
		    .quote = "=120%" },
		{ "bare 120%", .on = "PB4", .rows = { ROW("产出指标", "质量指标",
		    "验收通过率", "设备验收通过率", "120%", "计划标准") },
		    .want = "PB404@8:17 PB414@8:17", .severity = SEV_ERROR,
		    .quote = "120%" },
		{ "=-5%", .on = "PB4", .rows = { ROW("效果指标", "经济效益指标",
		    "能耗变化率", "单位能耗变化率", "=-5%", "计划标准") },
		    .want = "PB404@8:17", .severity = SEV_ERROR, .quote = "=-5%" },
		{ "bare -5%", .on = "PB4", .rows = { ROW("效果指标",
		    "经济效益指标", "能耗变化率", "单位能耗变化率", "-5%",
		    "计划标准") }, .want = "PB404@8:17 PB414@8:17",
		    .severity = SEV_ERROR, .quote = "-5%" },
		{ "range ending above 100", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "验收通过率", "设备验收通过率", "90%~120%",
		    "计划标准") }, .want = "PB404@8:17", .severity = SEV_ERROR,
		    .quote = "90%~120%" },
		{ "增长率 》120%", .on = "PB4", .rows = { ROW("效果指标",
		    "经济效益指标", "增长率", "营业收入增长率", "》120%",
		    "计划标准") }, .want = "" },
		{ "增幅 in the description", .on = "PB4", .rows = { ROW("效果指标",
		    "经济效益指标", "收入变化", "营业收入增幅", "》150%",
		    "计划标准") }, .want = "" },
		{ "增长率 below 0 is not exempt", .on = "PB4", .rows = {
		    ROW("效果指标", "经济效益指标", "增长率", "营业收入增长率",
		    "=-5%", "计划标准") }, .want = "PB404@8:17",
		    .severity = SEV_ERROR, .quote = "=-5%" },
		{ "=100% and =0%", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "验收通过率", "设备验收通过率", "=100%",
		    "计划标准"), ROW("产出指标", "质量指标", "投诉率",
		    "设备质量投诉率", "=0%", "计划标准") }, .want = "" },
		{ "‰ is not a percentage", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "故障情况", "设备故障千分比", "《120‰",
		    "计划标准") },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB405: a rate (三级 or 描述 ending in 率) or a 满意度 value whose unit is not % is a warning at 指标值. */
static void
test_pb405_rate_not_percent(void **state)
{
	static const struct ind_case cases[] = {
		{ "rate with =100次", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "巡检完成率", "站点巡检完成情况", "=100次",
		    "计划标准") }, .want = "PB405@8:17", .severity = SEV_WARNING,
		    .quote = "=100次" },
		{ "rate in the description", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "巡检完成情况", "站点巡检完成率。", "=100次",
		    "计划标准") }, .want = "PB405@8:17", .severity = SEV_WARNING,
		    .quote = "=100次" },
		{ "满意度 in 分", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的评价",
		    "》90分", "计划标准") }, .want = "PB405@8:17",
		    .severity = SEV_WARNING, .quote = "》90分" },
		{ "rate without unit", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "巡检完成率", "站点巡检完成情况", "=100",
		    "计划标准") }, .want = "PB403@8:17 PB405@8:17",
		    .severity = SEV_WARNING, .quote = "=100" },
		{ "rate in %", .on = "PB4", .rows = { ROW("产出指标", "质量指标",
		    "巡检完成率", "站点巡检完成情况", "》95%", "计划标准") },
		    .want = "" },
		{ "率 not at the end", .on = "PB4", .rows = { ROW("产出指标",
		    "数量指标", "效率提升次数", "率先完成巡检次数", "=100次",
		    "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB406: a 满意度 value that is qualitative, or uses <= or <, is a warning at 指标值 (a qualitative one also gets PB411). */
static void
test_pb406_satisfaction_form(void **state)
{
	static const struct ind_case cases[] = {
		{ "《90%", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "《90%", "计划标准") }, .want = "PB406@8:17",
		    .severity = SEV_WARNING, .quote = "《90%" },
		{ "<90%", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "<90%", "计划标准") }, .want = "PB406@8:17",
		    .severity = SEV_WARNING, .quote = "<90%" },
		{ "达到要求", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "达到要求", "计划标准") }, .want = "PB406@8:17 PB411@8:17",
		    .severity = SEV_WARNING, .quote = "达到要求" },
		{ "基本满意", .on = "PB4", .rows = {
		    ROW("满意度指标", "社会公众或服务对象满意度", "学生满意度",
		    "学生对设备的满意度", "基本满意", "计划标准") },
		    .want = "PB406@8:17 PB411@8:17", .severity = SEV_WARNING,
		    .quote = "基本满意" },
		{ "》90%", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "》90%", "计划标准") }, .want = "" },
		{ "＝１００％", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "＝１００％", "计划标准") }, .want = "" },
		{ "range 90%~95%", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "90%~95%", "计划标准") }, .want = "" },
		{ "达到要求 under 效果", .on = "PB4", .rows = { ROW("效果指标",
		    "社会效益指标", "教学秩序", "保障教学秩序", "达到要求",
		    "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB407: a 满意度 target below satisfaction_min (80 by default) is an info at 指标值 naming the floor. */
static void
test_pb407_satisfaction_floor(void **state)
{
	static const struct ind_case cases[] = {
		{ "》70%", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "》70%", "计划标准") }, .want = "PB407@8:17",
		    .severity = SEV_INFO, .quote = "》70%", .quote2 = "80" },
		{ "不低于75%", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "不低于75%", "计划标准") }, .want = "PB407@8:17",
		    .severity = SEV_INFO, .quote = "不低于75%", .quote2 = "80" },
		{ "=79.9%", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "=79.9%", "计划标准") }, .want = "PB407@8:17",
		    .severity = SEV_INFO, .quote = "=79.9%" },
		{ "》70% with satisfaction_min 60", .on = "PB4",
		    .satisfaction = 60, .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "》70%", "计划标准") }, .want = "" },
		{ "》70% with satisfaction_min 75", .on = "PB4",
		    .satisfaction = 75, .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "》70%", "计划标准") }, .want = "PB407@8:17",
		    .severity = SEV_INFO, .quote = "》70%", .quote2 = "75" },
		{ "》80% is at the floor", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "》80%", "计划标准") }, .want = "" },
		{ "《70% is PB406 only", .on = "PB4", .rows = { ROW("满意度指标",
		    "服务对象满意度指标", "学生满意度", "学生对设备的满意度",
		    "《70%", "计划标准") }, .want = "PB406@8:17",
		    .severity = SEV_WARNING, .quote = "《70%" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB408: a 成本 indicator with >= or > is a warning at 指标值. */
static void
test_pb408_cost_lower_bound(void **state)
{
	static const struct ind_case cases[] = {
		{ "》15万元", .on = "PB4", .rows = { ROW("产出指标", "成本指标",
		    "运行成本", "设备运行成本", "》15万元", "计划标准") },
		    .want = "PB408@8:17", .severity = SEV_WARNING,
		    .quote = "》15万元" },
		{ ">10万元", .on = "PB4", .rows = { ROW("产出指标", "成本指标",
		    "运行成本", "设备运行成本", ">10万元", "计划标准") },
		    .want = "PB408@8:17", .severity = SEV_WARNING,
		    .quote = ">10万元" },
		{ "10万元以上", .on = "PB4", .rows = { ROW("产出指标", "成本指标",
		    "运行成本", "设备运行成本", "10万元以上", "计划标准") },
		    .want = "PB408@8:17", .severity = SEV_WARNING,
		    .quote = "10万元以上" },
		{ "101号 成本指标 不低于", .on = "PB4", .rows = { ROW("成本指标",
		    "经济成本指标", "运行成本", "设备运行成本", "不低于10万元",
		    "计划标准") }, .want = "PB408@8:17", .severity = SEV_WARNING,
		    .quote = "不低于10万元" },
		{ "《15万元", .on = "PB4", .rows = { ROW("产出指标", "成本指标",
		    "运行成本", "设备运行成本", "《15万元", "计划标准") },
		    .want = "" },
		{ "=15万元 and ≤15万元", .on = "PB4", .rows = { ROW("产出指标",
		    "成本指标", "运行成本", "设备运行成本", "=15万元",
		    "计划标准"), ROW("产出指标", "成本指标", "维护成本",
		    "设备维护成本", "≤15万元", "计划标准") }, .want = "" },
		{ "》15万元 outside 成本", .on = "PB4", .rows = { ROW("效果指标",
		    "经济效益指标", "节约资金", "节约财政资金", "》15万元",
		    "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB409: a 成本 money value above 预算数, after converting 元 to 万元, is a warning at 指标值 naming both amounts. */
static void
test_pb409_cost_above_budget(void **state)
{
	static const struct ind_case cases[] = {
		{ "《200万元 against 150", .on = "PB4", .budget = "150",
		    .rows = { ROW("产出指标", "成本指标", "各项经费成本控制",
		    "全年机关运行成本", "《200万元", "工作计划") },
		    .want = "PB409@8:17", .severity = SEV_WARNING,
		    .quote = "《200万元", .quote2 = "150" },
		{ "《150万元 against 150", .on = "PB4", .budget = "150",
		    .rows = { ROW("产出指标", "成本指标", "各项经费成本控制",
		    "全年机关运行成本", "《150万元", "工作计划") }, .want = "" },
		{ "《150000元 against 15", .on = "PB4", .rows = { ROW("产出指标",
		    "成本指标", "运行成本", "设备运行成本", "《150000元",
		    "计划标准") }, .want = "" },
		{ "《15万元 against 15", .on = "PB4", .rows = { ROW("产出指标",
		    "成本指标", "运行成本", "设备运行成本", "《15万元",
		    "计划标准") }, .want = "" },
		{ "《160000元 against 15", .on = "PB4", .rows = { ROW("产出指标",
		    "成本指标", "运行成本", "设备运行成本", "《160000元",
		    "计划标准") }, .want = "PB409@8:17", .severity = SEV_WARNING,
		    .quote = "《160000元", .quote2 = "16" },
		{ "=2,000,000元 against 150", .on = "PB4", .budget = "150",
		    .rows = { ROW("产出指标", "成本指标", "运行成本",
		    "设备运行成本", "=2,000,000元", "计划标准") },
		    .want = "PB409@8:17", .severity = SEV_WARNING,
		    .quote = "=2,000,000元", .quote2 = "200" },
		{ "range whose top is above", .on = "PB4", .rows = { ROW("产出指标",
		    "成本指标", "运行成本", "设备运行成本", "10~20万元",
		    "计划标准") }, .want = "PB409@8:17", .severity = SEV_WARNING,
		    .quote = "10~20万元" },
		{ "101号 成本指标", .on = "PB4", .rows = { ROW("成本指标",
		    "经济成本指标", "运行成本", "设备运行成本", "《20万元",
		    "计划标准") }, .want = "PB409@8:17", .severity = SEV_WARNING,
		    .quote = "《20万元" },
		{ "per-unit money", .on = "PB4", .rows = { ROW("产出指标",
		    "成本指标", "人均成本", "人均培训成本", "《2000元/人",
		    "计划标准") }, .want = "" },
		{ "money outside 成本", .on = "PB4", .rows = { ROW("效果指标",
		    "经济效益指标", "节约资金", "节约财政资金", "=200万元",
		    "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB410: a 成本 value whose unit is neither money nor % is a warning at 指标值 naming the unit. */
static void
test_pb410_cost_unit(void **state)
{
	static const struct ind_case cases[] = {
		{ "=5天", .on = "PB4", .rows = { ROW("产出指标", "成本指标",
		    "运行成本", "设备运行成本", "=5天", "计划标准") },
		    .want = "PB410@8:17", .severity = SEV_WARNING,
		    .quote = "=5天" },
		{ "=3吨次", .on = "PB4", .rows = { ROW("产出指标", "成本指标",
		    "运行成本", "设备运行成本", "=3吨次", "计划标准") },
		    .want = "PB410@8:17 PB413@8:17", .severity = SEV_WARNING,
		    .quote = "吨次" },
		{ "《100%", .on = "PB4", .rows = { ROW("产出指标", "成本指标",
		    "预算（成本）控制率", "预算（成本）控制率", "《100%",
		    "工作计划") }, .want = "" },
		{ "《200元/人", .on = "PB4", .rows = { ROW("产出指标", "成本指标",
		    "人均成本", "人均培训成本", "《200元/人", "计划标准") },
		    .want = "" },
		{ "=5 without a unit is PB403 alone", .on = "PB4", .rows = {
		    ROW("产出指标", "成本指标", "运行成本", "设备运行成本", "=5",
		    "计划标准") }, .want = "PB403@8:17",
		    .severity = SEV_WARNING, .quote = "=5" },
		{ "101号 《5 without a unit is PB403 alone", .on = "PB4",
		    .rows = { ROW("成本指标", "经济成本指标", "运行成本",
		    "设备运行成本", "《5", "计划标准") }, .want = "PB403@8:17",
		    .severity = SEV_WARNING, .quote = "《5" },
		{ "=5天 outside 成本", .on = "PB4", .rows = { ROW("产出指标",
		    "时效指标", "完成时限", "培训完成时限", "=5天",
		    "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB411: a qualitative value under 产出 or 满意度 is a warning at 指标值 naming the 一级; under 效果 it is accepted. */
static void
test_pb411_qualitative_output(void **state)
{
	static const struct ind_case cases[] = {
		{ "达到要求 under 产出", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "设备质量", "设备质量符合标准", "达到要求",
		    "计划标准") }, .want = "PB411@8:17", .severity = SEV_WARNING,
		    .quote = "达到要求", .quote2 = "产出指标" },
		{ "3天内完成 under 时效", .on = "PB4", .rows = { ROW("产出指标",
		    "时效指标", "完成时限", "培训完成时限", "3天内完成",
		    "计划标准") }, .want = "PB411@8:17", .severity = SEV_WARNING,
		    .quote = "3天内完成" },
		{ "达到95% is quantitative", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "验收合格率", "设备验收合格率", "达到95%",
		    "计划标准") }, .want = "" },
		{ "得到改善 under 效果", .on = "PB4", .rows = { ROW("效果指标",
		    "生态效益指标", "改善生态环境质量", "保障环境数据传输",
		    "得到改善", "工作计划") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB412: a qualitative value that repeats the 描述 or the 三级 (up to spaces and a full stop) is an info at 指标值. */
static void
test_pb412_value_repeats(void **state)
{
	static const struct ind_case cases[] = {
		{ "repeats the description", .on = "PB4", .rows = {
		    ROW("效果指标", "可持续影响指标", "网络长期稳定运行",
		    "全局网络稳定运行", "全局网络稳定运行", "工作计划") },
		    .want = "PB412@8:17", .severity = SEV_INFO,
		    .quote = "全局网络稳定运行" },
		{ "repeats the description with a full stop", .on = "PB4",
		    .rows = { ROW("效果指标", "社会效益指标", "环境意识",
		    "提高公民环保意识", "提高公民 环保意识。", "工作计划") },
		    .want = "PB412@8:17", .severity = SEV_INFO,
		    .quote = "提高公民 环保意识。" },
		{ "repeats the 三级", .on = "PB4", .rows = { ROW("效果指标",
		    "社会效益指标", "提升环境治理水平", "为环境管理提供数据支撑",
		    "提升环境治理水平", "工作计划") }, .want = "PB412@8:17",
		    .severity = SEV_INFO, .quote = "提升环境治理水平" },
		{ "under 产出 also PB411", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "设备质量", "设备质量合格", "设备质量合格",
		    "计划标准") }, .want = "PB411@8:17 PB412@8:17",
		    .severity = SEV_WARNING, .quote = "设备质量合格" },
		{ "a different text", .on = "PB4", .rows = { ROW("效果指标",
		    "社会效益指标", "提升环境治理水平", "为环境管理提供数据支撑",
		    "提出污染防治建议", "工作计划") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB413: a unit outside the table (吨次) or a colloquial alias (平, ㎡, m²) is an info at 指标值 naming the unit. */
static void
test_pb413_unit_unknown(void **state)
{
	static const struct ind_case cases[] = {
		{ "=660平", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "维修面积", "办公用房维修面积", "=660平", "计划标准") },
		    .want = "PB413@8:17", .severity = SEV_INFO, .quote = "=660平",
		    .quote2 = "平方米" },
		{ "=100㎡", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "维修面积", "办公用房维修面积", "=100㎡", "计划标准") },
		    .want = "PB413@8:17", .severity = SEV_INFO, .quote = "㎡" },
		{ "=100m²", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "维修面积", "办公用房维修面积", "=100m²", "计划标准") },
		    .want = "PB413@8:17", .severity = SEV_INFO, .quote = "m²",
		    .quote2 = "平方米" },
		{ "200平以上", .on = "PB4", .rows = { ROW("产出指标",
		    "数量指标", "维修面积", "办公用房维修面积", "200平以上",
		    "计划标准") }, .want = "PB413@8:17", .severity = SEV_INFO,
		    .quote = "200平以上", .quote2 = "平方米" },
		{ "=3吨次", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "运输量", "垃圾运输量", "=3吨次", "计划标准") },
		    .want = "PB413@8:17", .severity = SEV_INFO, .quote = "吨次" },
		{ "units of the table", .on = "PB4", .rows = { ROW("产出指标",
		    "数量指标", "维修面积", "办公用房维修面积", "=660平方米",
		    "计划标准"), ROW("产出指标", "数量指标", "运输量",
		    "垃圾运输量", "=3吨", "计划标准"), ROW("产出指标",
		    "时效指标", "完成时间", "全年完成时间", "=12个月",
		    "计划标准"), ROW("产出指标", "数量指标", "造林面积",
		    "新增造林面积", "》200亩", "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB414: a bare number with a unit is an info at 指标值 (read as =); a written operator, full-width or not, is not. */
static void
test_pb414_bare_number(void **state)
{
	static const struct ind_case cases[] = {
		{ "100% under a rate", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "运行率", "设备正常运行率", "100%", "计划标准") },
		    .want = "PB414@8:17", .severity = SEV_INFO, .quote = "100%" },
		{ "5个", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训批次", "开展教师培训批次", "5个", "计划标准") },
		    .want = "PB414@8:17", .severity = SEV_INFO, .quote = "5个" },
		{ "=100%", .on = "PB4", .rows = { ROW("产出指标", "质量指标",
		    "运行率", "设备正常运行率", "=100%", "计划标准") },
		    .want = "" },
		{ "＝１００％", .on = "PB4", .rows = { ROW("产出指标", "质量指标",
		    "运行率", "设备正常运行率", "＝１００％", "计划标准") },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* The seed's value forms that are well written (＝１００％, ＞＝95%, 不低于95%, 90%~95%, 》3000人) give no PB3-PB5 finding. */
static void
test_values_seed_forms_clean(void **state)
{
	static const struct ind_case cases[] = {
		{ "＝１００％", .rows = { ROW("产出指标", "质量指标", "办结率",
		    "信访纠纷监测工作办结率", "＝１００％", "工作计划") },
		    .want = "" },
		{ "＞＝95%", .rows = { ROW("产出指标", "质量指标", "运转率",
		    "监测点正常运转率", "＞＝95%", "工作计划") }, .want = "" },
		{ "不低于95%", .rows = { ROW("产出指标", "质量指标", "运转率",
		    "监测点正常运转率", "不低于95%", "工作计划") }, .want = "" },
		{ "90%~95%", .rows = { ROW("产出指标", "质量指标", "运转率",
		    "监测点正常运转率", "90%~95%", "工作计划") }, .want = "" },
		{ "90%至95%", .rows = { ROW("产出指标", "质量指标", "运转率",
		    "监测点正常运转率", "90%至95%", "工作计划") }, .want = "" },
		{ "》3000人", .rows = { ROW("产出指标", "质量指标",
		    "环保宣传活动公众参与人数", "宣传活动公众参与人数", "》3000人",
		    "工作计划") }, .want = "" },
		{ "《0.15万元", .rows = { ROW("产出指标", "成本指标", "平均成本",
		    "每个站点平均运维成本", "《0.15万元", "工作计划") },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB501: a 依据 outside the recognised bases is an info at 指标值确定依据; settings bases and label matching accept more. */
static void
test_pb501_basis_unknown(void **state)
{
	static const struct ind_case cases[] = {
		{ "单位日常工作需要", .on = "PB5", .rows = { ROW("产出指标",
		    "数量指标", "培训人数", "参加培训的教师人数", "=100人",
		    "单位日常工作需要") }, .want = "PB501@8:18",
		    .severity = SEV_INFO, .quote = "单位日常工作需要" },
		{ "accepted by settings", .on = "PB5",
		    .basis = "单位日常工作需要", .rows = { ROW("产出指标",
		    "数量指标", "培训人数", "参加培训的教师人数", "=100人",
		    "单位日常工作需要") }, .want = "" },
		{ "accepted by settings up to spaces", .on = "PB5",
		    .basis = "单位 日常工作需要", .rows = { ROW("产出指标",
		    "数量指标", "培训人数", "参加培训的教师人数", "=100人",
		    "单位日常工作需要。") }, .want = "" },
		{ "another basis under settings", .on = "PB5",
		    .basis = "工资核定数", .rows = { ROW("产出指标", "数量指标",
		    "培训人数", "参加培训的教师人数", "=100人",
		    "单位日常工作需要") }, .want = "PB501@8:18",
		    .severity = SEV_INFO, .quote = "单位日常工作需要" },
		{ "every recognised basis", .on = "PB5", .rows = {
		    ROW("产出指标", "数量指标", "a", "da", "=1人", "计划标准"),
		    ROW("产出指标", "数量指标", "b", "db", "=1人", "工作计划"),
		    ROW("产出指标", "数量指标", "c", "dc", "=1人", "行业标准"),
		    ROW("产出指标", "数量指标", "d", "dd", "=1人", "历史标准"),
		    ROW("产出指标", "数量指标", "e", "de", "=1人", "历史数据"),
		    ROW("产出指标", "数量指标", "f", "df", "=1人", "合同约定"),
		    ROW("产出指标", "数量指标", "g", "dg", "=1人", "经验标准"),
		    ROW("产出指标", "数量指标", "h", "dh", "=1人", "其他标准"),
		    ROW("产出指标", "数量指标", "i", "di", "=1人", " 计划 标准。") },
		    .want = "" },
		{ "blank basis is PB309's", .on = "PB5", .rows = {
		    ROW("产出指标", "数量指标", "培训人数", "参加培训的教师人数",
		    "=100人", "") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* The seed's 乡镇空气自动监测站 project: 数量 =214个, 平均成本 《0.15万元. */
#define PB502_ROWS(qty) \
	{ qty, \
	ROW("产出指标", "质量指标", "运行率", "乡镇空气自动监测站正常运行率", \
	    "=100%", "工作计划"), \
	ROW("产出指标", "时效指标", "按时完成率", "按计划完成运维考核比率", \
	    "=100%", "工作计划"), \
	ROW("产出指标", "成本指标", "平均成本", "平均成本", "《0.15万元", \
	    "工作计划"), R_EFFECT, R_SAT }
#define PB502_QTY	ROW("产出指标", "数量指标", "检查数量", \
	    "检查乡镇空气自动站数量", "=214个", "工作计划")

/* PB502: a unit cost times the first 数量 (count unit; =, >=, >) above 预算数 is an info on the cost indicator; 小时 is no count. */
static void
test_pb502_unit_cost_times_quantity(void **state)
{
	static const struct ind_case cases[] = {
		{ "214 × 0.15 against 10", .on = "PB5", .budget = "10",
		    .replace = true, .rows = PB502_ROWS(PB502_QTY),
		    .want = "PB502@5:17", .severity = SEV_INFO,
		    .quote = "《0.15万元", .quote2 = "214" },
		{ "214 × 0.15 against 50", .on = "PB5", .budget = "50",
		    .replace = true, .rows = PB502_ROWS(PB502_QTY), .want = "" },
		{ "1500元 per unit, 》214个", .on = "PB5", .budget = "10",
		    .replace = true, .rows = { ROW("产出指标", "数量指标",
		    "检查数量", "检查站点数量", "》214个", "工作计划"),
		    ROW("产出指标", "成本指标", "运维成本", "每个站点运维成本",
		    "=1500元", "工作计划"), R_EFFECT, R_SAT },
		    .want = "PB502@3:17", .severity = SEV_INFO,
		    .quote = "=1500元" },
		{ "first 数量 in 小时", .on = "PB5", .budget = "10",
		    .replace = true, .rows = { ROW("产出指标", "数量指标",
		    "巡检时长", "全年巡检时长", "=100小时", "工作计划"),
		    PB502_QTY, ROW("产出指标", "成本指标", "平均成本",
		    "平均成本", "《0.15万元", "工作计划"), R_EFFECT, R_SAT },
		    .want = "" },
		{ "first 数量 with 《", .on = "PB5", .budget = "10",
		    .replace = true, .rows = { ROW("产出指标", "数量指标",
		    "检查数量", "检查站点数量", "《214个", "工作计划"),
		    ROW("产出指标", "成本指标", "平均成本", "平均成本",
		    "《0.15万元", "工作计划"), R_EFFECT, R_SAT }, .want = "" },
		{ "cost without a unit word", .on = "PB5", .budget = "10",
		    .replace = true, .rows = { PB502_QTY, ROW("产出指标",
		    "成本指标", "运维成本", "站点运维成本", "《0.15万元",
		    "工作计划"), R_EFFECT, R_SAT }, .want = "" },
		{ "cost with 》", .on = "PB5", .budget = "10", .replace = true,
		    .rows = { PB502_QTY, ROW("产出指标", "成本指标", "平均成本",
		    "平均成本", "》0.15万元", "工作计划"), R_EFFECT, R_SAT },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* SPEC 3.2: a 二级 not valid under its 一级 gives the row no kind, so PB302 is the only finding that 二级 causes: no 成本, 满意度 or 数量 rule fires from it. */
static void
test_kind_not_from_invalid_level2(void **state)
{
	static const struct ind_case cases[] = {
		{ "成本指标 under 效果, 》 above 预算数", .rows = {
		    ROW("效果指标", "成本指标", "运行成本", "设备运行成本",
		    "》20万元", "计划标准") }, .want = "PB302@8:14",
		    .severity = SEV_ERROR, .quote = "成本指标" },
		{ "成本指标 under 效果, in 天", .rows = { ROW("效果指标",
		    "成本指标", "运行成本", "设备运行成本", "=5天",
		    "计划标准") }, .want = "PB302@8:14",
		    .severity = SEV_ERROR, .quote = "成本指标" },
		{ "成本指标 under 效果 as a unit cost", .budget = "10",
		    .replace = true, .rows = { PB502_QTY, R_QUAL, R_TIME,
		    R_COST, ROW("效果指标", "成本指标", "平均成本",
		    "平均每站运维成本", "《0.15万元", "工作计划"), R_SAT },
		    .want = "PB302@6:14", .severity = SEV_ERROR,
		    .quote = "成本指标" },
		{ "满意度指标 under 产出, in 分", .rows = { ROW("产出指标",
		    "满意度指标", "学生满意度", "学生对设备的满意度", "=3分",
		    "计划标准") }, .want = "PB302@8:14",
		    .severity = SEV_ERROR, .quote = "满意度指标" },
		{ "满意度指标 under 产出, 《90%", .rows = { ROW("产出指标",
		    "满意度指标", "学生满意度", "学生对设备的满意度", "《90%",
		    "计划标准") }, .want = "PB302@8:14",
		    .severity = SEV_ERROR, .quote = "满意度指标" },
		{ "满意度指标 under 产出, below the floor", .rows = {
		    ROW("产出指标", "满意度指标", "学生满意度",
		    "学生对设备的满意度", "=70%", "计划标准") },
		    .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote = "满意度指标" },
		{ "满意度指标 under 效果, qualitative", .rows = {
		    ROW("效果指标", "满意度指标", "学生满意度",
		    "学生对设备的满意度", "基本满意", "计划标准") },
		    .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote = "满意度指标" },
		{ "群众满意度 under 满意度, qualitative", .rows = {
		    ROW("满意度指标", "群众满意度", "学生满意度",
		    "学生对设备的满意度", "基本满意", "计划标准") },
		    .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote = "群众满意度" },
		{ "数量指标 under 101号 成本指标, 》 above 预算数", .rows = {
		    ROW("成本指标", "数量指标", "设备成本", "设备购置总成本",
		    "》20万元", "计划标准") }, .want = "PB302@8:14",
		    .severity = SEV_ERROR, .quote = "数量指标" },
		{ "数量指标 under 效果 is no quantity for PB502",
		    .on = "PB302,PB5", .budget = "10", .replace = true,
		    .rows = PB502_ROWS(ROW("效果指标", "数量指标", "检查数量",
		    "检查乡镇空气自动站数量", "=214个", "工作计划")),
		    .want = "PB302@2:14", .severity = SEV_ERROR,
		    .quote = "数量指标" },
		{ "满意度指标 under 产出, qualitative, is PB411 as 产出",
		    .on = "PB411", .rows = { ROW("产出指标", "满意度指标",
		    "学生满意度", "学生对设备的满意度", "基本满意",
		    "计划标准") }, .want = "PB411@8:17",
		    .severity = SEV_WARNING, .quote = "产出指标" },
		{ "成本指标 under 产出 keeps its kind", .on = "PB4",
		    .rows = { ROW("产出指标", "成本指标", "运行成本",
		    "设备运行成本", "》20万元", "计划标准") },
		    .want = "PB408@8:17 PB409@8:17", .severity = SEV_WARNING,
		    .quote = "》20万元" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* SPEC 2.1: a blank 二级 is the one above unless the row's own 一级 cell names another level, compared by alias (效益指标 under 效果指标 is the same level). */
static void
test_fill_down_level2_by_alias(void **state)
{
	static const struct ind_case cases[] = {
		{ "效益指标 under 效果指标 keeps the 二级", .on = "PB3",
		    .replace = true, .rows = { R_QTY, R_QUAL, R_TIME, R_COST,
		    R_EFFECT, ROW("效益指标", "", "教学质量", "提高教学质量",
		    "明显提高", "历史数据"), R_SAT }, .want = "" },
		{ "★效果 under 效果指标 keeps the 二级", .on = "PB3",
		    .replace = true, .rows = { R_QTY, R_QUAL, R_TIME, R_COST,
		    R_EFFECT, ROW("★效果", "", "教学质量", "提高教学质量",
		    "明显提高", "历史数据"), R_SAT }, .want = "" },
		{ "blank 一级 keeps both", .on = "PB3", .replace = true,
		    .rows = { R_QTY, R_QUAL, R_TIME, R_COST, R_EFFECT,
		    ROW("", "", "教学质量", "提高教学质量", "明显提高",
		    "历史数据"), R_SAT }, .want = "" },
		{ "满意度指标 after 效果 starts a new 一级", .on = "PB3",
		    .replace = true, .rows = { R_QTY, R_QUAL, R_TIME, R_COST,
		    R_EFFECT, ROW("满意度", "", "使用人满意度",
		    "教师对设备的满意度", ">=90%", "计划标准") },
		    .want = "PB302@7:14", .severity = SEV_ERROR,
		    .quote_en = "is empty", .quote_zh = "为空" },
		{ "效果指标 after 产出 starts a new 一级", .on = "PB3",
		    .replace = true, .rows = { R_QTY, R_QUAL, R_TIME, R_COST,
		    ROW("效益", "", "教学质量", "提高教学质量", "明显提高",
		    "历史数据"), R_SAT }, .want = "PB302@6:14",
		    .severity = SEV_ERROR, .quote_en = "is empty",
		    .quote_zh = "为空" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB301, PB302: a blank 一级 or 二级 with nothing to fill it from is reported as empty, in both languages, not as '' being invalid. */
static void
test_pb301_pb302_blank_is_empty(void **state)
{
	static const struct ind_case cases[] = {
		{ "blank 一级 on the first row", .on = "PB301,PB302",
		    .replace = true, .rows = { ROW("", "数量指标", "设备数量",
		    "购置教学设备数量", ">=2台", "计划标准"), R_QUAL, R_TIME,
		    R_COST, R_EFFECT, R_SAT }, .want = "PB301@2:13",
		    .severity = SEV_ERROR, .quote_en = "is empty",
		    .quote_zh = "为空", .no_empty_quote = true },
		{ "blank 二级 on the first row", .on = "PB301,PB302",
		    .replace = true, .rows = { ROW("产出指标", "", "设备数量",
		    "购置教学设备数量", ">=2台", "计划标准"), R_QUAL, R_TIME,
		    R_COST, R_EFFECT, R_SAT }, .want = "PB302@2:14",
		    .severity = SEV_ERROR, .quote = "产出指标",
		    .quote_en = "is empty", .quote_zh = "为空",
		    .no_empty_quote = true },
		{ "blank 二级 on a new 一级", .on = "PB301,PB302",
		    .replace = true, .rows = { R_QTY, R_QUAL, R_TIME, R_COST,
		    R_EFFECT, ROW("满意度指标", "", "使用人满意度",
		    "教师对设备的满意度", ">=90%", "计划标准") },
		    .want = "PB302@7:14", .severity = SEV_ERROR,
		    .quote = "满意度指标", .quote_en = "is empty",
		    .quote_zh = "为空", .no_empty_quote = true },
		{ "a named 一级 is still quoted", .on = "PB301",
		    .rows = { ROW("投入指标", "数量指标", "培训人数",
		    "参加培训的教师人数", "=100人", "计划标准") },
		    .want = "PB301@8:13", .severity = SEV_ERROR,
		    .quote_en = "'投入指标' is not", .quote_zh = "“投入指标”不是" },
		{ "a named 二级 is still quoted", .on = "PB302",
		    .rows = { ROW("效果指标", "数量指标", "受益人数",
		    "受益教师人数", "=100人", "计划标准") },
		    .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote_en = "'数量指标' is not valid under 效果指标",
		    .quote_zh = "“数量指标”不属于效果指标" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB302: the valid 二级 are listed with ", " in English and with 、 in Chinese. */
static void
test_pb302_choices_list_per_language(void **state)
{
	static const struct ind_case cases[] = {
		{ "under 效果", .on = "PB302", .rows = { ROW("效果指标",
		    "数量指标", "受益人数", "受益教师人数", "=100人",
		    "计划标准") }, .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote_en = "经济效益指标, 社会效益指标, 生态效益指标, "
		    "可持续影响指标",
		    .quote_zh = "经济效益指标、社会效益指标、生态效益指标、"
		    "可持续影响指标" },
		{ "under 产出", .on = "PB302", .rows = { ROW("产出指标",
		    "经济效益指标", "节约开支", "减少外出培训开支", "=2万元",
		    "计划标准") }, .want = "PB302@8:14", .severity = SEV_ERROR,
		    .quote_en = "数量指标, 质量指标, 时效指标, 成本指标",
		    .quote_zh = "数量指标、质量指标、时效指标、成本指标" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* SPEC 3.2 through the rules: 》= and 《= are operators, a trailing 。 or . is ignored, a word without a number is prose, a symbol without one is PB402. */
static void
test_values_operators_and_full_stop(void **state)
{
	static const struct ind_case cases[] = {
		{ "》=90% under 满意度", .on = "PB4", .rows = {
		    ROW("满意度指标", "服务对象满意度指标", "学生满意度",
		    "学生对设备的满意度", "》=90%", "计划标准") }, .want = "" },
		{ "《=15万元 under 成本", .on = "PB4", .rows = {
		    ROW("产出指标", "成本指标", "运行成本", "设备运行成本",
		    "《=15万元", "计划标准") }, .want = "" },
		{ "《=60% under 满意度", .on = "PB4", .rows = {
		    ROW("满意度指标", "服务对象满意度指标", "学生满意度",
		    "学生对设备的满意度", "《=60%", "计划标准") },
		    .want = "PB406@8:17", .severity = SEV_WARNING,
		    .quote = "《=60%" },
		{ "≥95%。 under 满意度", .on = "PB4", .rows = {
		    ROW("满意度指标", "服务对象满意度指标", "学生满意度",
		    "学生对设备的满意度", "≥95%。", "计划标准") }, .want = "" },
		{ "=1次.", .on = "PB4", .rows = { ROW("产出指标", "数量指标",
		    "培训批次", "开展教师培训批次", "=1次.", "计划标准") },
		    .want = "" },
		{ "=4。 has no unit", .on = "PB4", .rows = { ROW("产出指标",
		    "数量指标", "培训批次", "开展教师培训批次", "=4。",
		    "计划标准") }, .want = "PB403@8:17",
		    .severity = SEV_WARNING, .quote = "=4。" },
		{ "=1.2.3 stays malformed", .on = "PB4", .rows = {
		    ROW("产出指标", "数量指标", "培训批次", "开展教师培训批次",
		    "=1.2.3", "计划标准") }, .want = "PB402@8:17",
		    .severity = SEV_ERROR, .quote = "=1.2.3" },
		{ "达到要求 under 产出 is qualitative", .on = "PB4", .rows = {
		    ROW("产出指标", "质量指标", "验收情况", "设备验收情况",
		    "达到要求", "计划标准") }, .want = "PB411@8:17",
		    .severity = SEV_WARNING, .quote = "达到要求" },
		{ "》% is malformed", .on = "PB4", .rows = { ROW("产出指标",
		    "质量指标", "验收情况", "设备验收情况", "》%",
		    "计划标准") }, .want = "PB402@8:17",
		    .severity = SEV_ERROR, .quote = "》%" },
		{ "95%以上 under 满意度", .on = "PB4", .rows = {
		    ROW("满意度指标", "服务对象满意度指标", "学生满意度",
		    "学生对设备的满意度", "95%以上", "计划标准") }, .want = "" },
		{ "60%以下 under 满意度", .on = "PB4", .rows = {
		    ROW("满意度指标", "服务对象满意度指标", "学生满意度",
		    "学生对设备的满意度", "60%以下", "计划标准") },
		    .want = "PB406@8:17", .severity = SEV_WARNING,
		    .quote = "60%以下" },
		{ "5万元以内 under 成本", .on = "PB4", .rows = {
		    ROW("产出指标", "成本指标", "运行成本", "设备运行成本",
		    "5万元以内", "计划标准") }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* Every message of a run, whole: the capture reporter keeps 1024 bytes. */
static struct strbuf full_messages;

static void
full_end(struct reporter *r, const struct run_result *res)
{
	size_t i;

	(void)r;
	for (i = 0; i < res->nfindings; i++)
		strbuf_printf(&full_messages, "%s %s\n",
		    rule_get(res->findings[i].rule)->id,
		    res->findings[i].message);
}

/* PB502 quotes a 300-character 三级 whole, in both languages, and its message is valid UTF-8: no fixed-size buffer cuts it mid-character. */
static void
test_pb502_long_level3_whole(void **state)
{
	static const enum lang langs[] = { LANG_EN, LANG_ZH };
	struct strbuf name = {0};
	size_t i, j;

	(void)state;
	for (i = 0; i < 300; i++)
		strbuf_puts(&name, i % 2 ? "站" : "检");
	for (j = 0; j < NELEM(langs); j++) {
		const struct row rows[] = PB502_ROWS(ROW("产出指标",
		    "数量指标", name.data, "检查乡镇空气自动站数量", "=214个",
		    "工作计划"));
		struct read_sink sink;
		struct reporter rep;
		struct settings s;
		struct strbuf b = {0};
		struct layout lay;
		struct check *c;
		const char *path;
		char *text, *err = NULL, *msg;

		only_rules(&s, langs[j], "PB5");
		memset(&rep, 0, sizeof(rep));
		rep.settings = &s;
		rep.end = full_end;
		memset(&lay, 0, sizeof(lay));
		lay.line = 2;
		strbuf_puts(&b, HEADER);
		put_project(&b, &lay, CODE, "10", rows, NELEM(rows), false,
		    false);
		text = strbuf_take(&b);
		c = check_new(&s, &rep, &err);
		assert_non_null(c);
		path = check_file_begin(c, "t.csv");
		check_file_format(c, "csv", "UTF-8");
		sink.ctx = c;
		sink.diag = check_sink_diag;
		sink.project = check_sink_project;
		read_csv(path, text, strlen(text), &sink);
		check_finish(c);
		check_free(c);
		free(text);
		settings_free(&s);
		msg = strbuf_take(&full_messages);
		if (strncmp(msg, "PB502 ", 6) != 0 ||
		    strchr(msg, '\n') != msg + strlen(msg) - 1 ||
		    strstr(msg, name.data) == NULL ||
		    !text_utf8_valid(msg, strlen(msg))) {
			strbuf_free(&name);
			fail_msg("%s: PB502 message is not whole: %s",
			    langs[j] == LANG_ZH ? "zh" : "en", msg);
		}
		free(msg);
	}
	strbuf_free(&name);
}

/* The Chengde sample with every rule on gives exactly the expected count per rule, the one error being PB309 at 78:20. */
static void
test_seed_file_counts(void **state)
{
	static const struct {
		enum rule_id	 rule;
		size_t		 n;
	} want[] = {
		{ RULE_PB205, 4 }, { RULE_PB207, 1 }, { RULE_PB308, 25 },
		{ RULE_PB309, 1 }, { RULE_PB310, 6 }, { RULE_PB407, 3 },
		{ RULE_PB409, 1 }, { RULE_PB412, 17 }, { RULE_PB413, 1 },
		{ RULE_PB501, 4 }, { RULE_PB502, 4 },
	};
	struct settings s;
	FILE *fp;
	char *text;
	long size;
	size_t i, total = 0, errors = 0;
	int r;

	(void)state;
	fp = fopen(SEED, "rb");
	if (fp == NULL)
		fail_msg("cannot open %s (run the tests from the repo root)",
		    SEED);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	size = ftell(fp);
	assert_true(size > 0);
	rewind(fp);
	text = xmalloc((size_t)size + 1);
	assert_int_equal(fread(text, 1, (size_t)size, fp), (size_t)size);
	text[size] = '\0';
	fclose(fp);

	settings_init(&s);
	run_csv(text, &s);
	free(text);
	settings_free(&s);

	for (r = 0; r < RULE_COUNT; r++) {
		size_t n = 0, got = seen_count((enum rule_id)r);

		for (i = 0; i < NELEM(want); i++)
			if (want[i].rule == (enum rule_id)r)
				n = want[i].n;
		if (got != n)
			fail_msg("%s: %zu findings, want %zu",
			    rule_get((enum rule_id)r)->id, got, n);
		total += got;
	}
	assert_int_equal(total, nseen);
	for (i = 0; i < nseen; i++) {
		if (seen[i].severity == SEV_ERROR) {
			errors++;
			assert_int_equal(seen[i].rule, RULE_PB309);
			assert_int_equal(seen[i].line, 78);
			assert_int_equal(seen[i].col, 20);
			assert_string_equal(seen[i].project,
			    "571-0101-YBN-VYAO");
			assert_string_equal(seen[i].field, "指标值确定依据");
		}
		if (seen[i].rule == RULE_PB409) {
			assert_int_equal(seen[i].line, 174);
			assert_int_equal(seen[i].col, 19);
			assert_string_equal(seen[i].project,
			    "571-0601-YBN-06YK");
			expect_in_message(&seen[i], "《200万元", "seed PB409");
			expect_in_message(&seen[i], "150", "seed PB409");
		}
	}
	assert_int_equal(errors, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_clean_under_all_rules),
		cmocka_unit_test(test_pb301_level1_unknown),
		cmocka_unit_test(test_pb301_pb302_aliases_accepted),
		cmocka_unit_test(test_pb302_level2_invalid),
		cmocka_unit_test(test_pb303_no_output_or_effect),
		cmocka_unit_test(test_pb304_no_satisfaction),
		cmocka_unit_test(test_pb305_output_lacks_level2),
		cmocka_unit_test(test_pb306_level3_empty),
		cmocka_unit_test(test_pb307_description_empty),
		cmocka_unit_test(test_pb308_description_repeats_level3),
		cmocka_unit_test(test_pb309_basis_empty),
		cmocka_unit_test(test_pb310_not_applicable),
		cmocka_unit_test(test_pb311_duplicate),
		cmocka_unit_test(test_pb401_value_empty),
		cmocka_unit_test(test_pb402_malformed),
		cmocka_unit_test(test_pb403_no_unit),
		cmocka_unit_test(test_pb404_percent_range),
		cmocka_unit_test(test_pb405_rate_not_percent),
		cmocka_unit_test(test_pb406_satisfaction_form),
		cmocka_unit_test(test_pb407_satisfaction_floor),
		cmocka_unit_test(test_pb408_cost_lower_bound),
		cmocka_unit_test(test_pb409_cost_above_budget),
		cmocka_unit_test(test_pb410_cost_unit),
		cmocka_unit_test(test_pb411_qualitative_output),
		cmocka_unit_test(test_pb412_value_repeats),
		cmocka_unit_test(test_pb413_unit_unknown),
		cmocka_unit_test(test_pb414_bare_number),
		cmocka_unit_test(test_values_seed_forms_clean),
		cmocka_unit_test(test_pb501_basis_unknown),
		cmocka_unit_test(test_pb502_unit_cost_times_quantity),
		cmocka_unit_test(test_kind_not_from_invalid_level2),
		cmocka_unit_test(test_fill_down_level2_by_alias),
		cmocka_unit_test(test_pb301_pb302_blank_is_empty),
		cmocka_unit_test(test_pb302_choices_list_per_language),
		cmocka_unit_test(test_values_operators_and_full_stop),
		cmocka_unit_test(test_pb502_long_level3_whole),
		cmocka_unit_test(test_seed_file_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
