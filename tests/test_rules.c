/* Unit tests for the rule table and the check engine: PB0 batch rules, the PB1 and PB2 checks, severities, sorting and exit status. */
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
#include "util.h"

#include "support.h"

#define HEADER "项目编码,项目名称,预算数,财政资金,其他资金,资金用途," \
	"3月底,6月底,10月底,12月底,目标1,目标2," \
	"一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n"

/* The indicator cells of the fixture rows (columns 13-18). */
#define IND_OUTPUT	"产出指标,数量指标,设备数量,购置教学设备数量,>=2台,计划标准"
#define IND_SATISFIED	"满意度指标,服务对象满意度指标,使用人满意度," \
	"教师对设备的满意度,>=90%,计划标准"
/* Twelve blank project columns: a continuation row (SPEC 2.1). */
#define NO_PROJECT	",,,,,,,,,,,,"

/* A clean two-row project (lines n and n+1) with the given code. */
#define PROJECT(code) code ",测试项目,15,10,5,购置教学设备,25,50,75,100," \
	"完成设备采购,," IND_OUTPUT "\n" NO_PROJECT IND_SATISFIED "\n"

#define CODE_X	"571-0101-YBN-XXXX"
#define CODE_Y	"571-0101-YBN-YYYY"
#define CODE_Z	"571-0101-YBN-ZZZZ"
#define CODE_W	"571-0101-YBN-WWWW"

/*
 * Default settings in a language, with the rules after PB2 switched off:
 * this file tests PB0-PB2 and the engine, and its fixtures are not meant
 * to satisfy the indicator rules that other files test.
 */
static void
test_settings(struct settings *s, enum lang lang)
{
	int r;

	settings_init(s);
	s->lang = lang;
	for (r = 0; r < RULE_COUNT; r++)
		if (rule_get((enum rule_id)r)->group > GROUP_PLAN)
			s->severity[r] = SEV_OFF;
}

static void
set_pattern(struct settings *s, const char *pattern)
{
	free(s->code_pattern);
	s->code_pattern = xstrdup(pattern);
}

static const char *
lang_name(enum lang lang)
{
	return lang == LANG_ZH ? "zh" : "en";
}

/*
 * A message is its rule's template in the given language: it starts with
 * the template's text before the first placeholder, ends with the text
 * after the last one, and no placeholder is left unexpanded.
 */
static void
expect_template(const struct seen_finding *f, enum lang lang, const char *what)
{
	static const char *const holes[] = { "{code}", "{value}", "{field}",
	    "{a}", "{b}" };
	const char *tmpl = rule_get(f->rule)->message[lang];
	const char *last = strrchr(tmpl, '}');
	size_t head = strcspn(tmpl, "{"), tail, len = strlen(f->message);
	size_t i;

	tail = last != NULL ? strlen(last + 1) : 0;
	if (strncmp(f->message, tmpl, head) != 0 || len < tail ||
	    strcmp(f->message + len - tail, tmpl + strlen(tmpl) - tail) != 0)
		fail_msg("%s (%s): %s message \"%s\" is not from \"%s\"", what,
		    lang_name(lang), rule_get(f->rule)->id, f->message, tmpl);
	for (i = 0; i < NELEM(holes); i++)
		if (strstr(f->message, holes[i]) != NULL)
			fail_msg("%s (%s): \"%s\" keeps %s", what,
			    lang_name(lang), f->message, holes[i]);
}

/* Cells of the case project; NULL keeps the fixture's value, "" blanks. */
struct proj {
	const char	*code;
	const char	*name;
	const char	*budget;
	const char	*fiscal;
	const char	*other;
	const char	*purpose;
	const char	*plan[PLAN_POINTS];
	const char	*goal1;
	const char	*goal2;
};

/* The case project: clean under PB0-PB2 (budget 15 = 10 + 5). */
static const struct proj fixture = {
	"571-0101-YBN-NFOY", "测试设备购置项目", "15", "10", "5",
	"购置教学设备", { "25", "50", "75", "100" }, "完成设备采购", ""
};

/* A clean project put before the case project so that it starts on line 4. */
static const struct proj prelude = {
	"571-0101-YBN-AAAA", "教师培训项目", "20", "20", "", "开展教师培训",
	{ "25", "50", "75", "100" }, "完成培训任务", ""
};

/* How the case project's rows are laid out. */
enum rows {
	ROWS_INDICATORS,	/* two rows, each with an indicator */
	ROWS_NO_INDICATOR,	/* one row with project columns alone */
	ROWS_BARE_FIRST		/* project columns alone, then two indicators */
};

static const char *
pick(const char *over, const char *dflt)
{
	return over != NULL ? over : dflt;
}

static void
put_cell(struct strbuf *b, const char *s)
{
	put_csv_cell(b, s);
	strbuf_putc(b, ',');
}

static void
put_project(struct strbuf *b, const struct proj *base, const struct proj *o,
    enum rows rows)
{
	int k;

	put_cell(b, pick(o->code, base->code));
	put_cell(b, pick(o->name, base->name));
	put_cell(b, pick(o->budget, base->budget));
	put_cell(b, pick(o->fiscal, base->fiscal));
	put_cell(b, pick(o->other, base->other));
	put_cell(b, pick(o->purpose, base->purpose));
	for (k = 0; k < PLAN_POINTS; k++)
		put_cell(b, pick(o->plan[k], base->plan[k]));
	put_cell(b, pick(o->goal1, base->goal1));
	put_cell(b, pick(o->goal2, base->goal2));
	switch (rows) {
	case ROWS_INDICATORS:
		strbuf_puts(b, IND_OUTPUT "\n" NO_PROJECT IND_SATISFIED "\n");
		break;
	case ROWS_NO_INDICATOR:
		strbuf_puts(b, ",,,,,\n");
		break;
	case ROWS_BARE_FIRST:
		strbuf_puts(b, ",,,,,\n" NO_PROJECT IND_OUTPUT "\n"
		    NO_PROJECT IND_SATISFIED "\n");
		break;
	}
}

/*
 * One case of a project rule: the case project (after a clean project on
 * lines 2-3 unless alone) and every finding the run must give, in order.
 */
struct rule_case {
	const char	*name;
	struct proj	 p;
	bool		 alone;		/* no clean project before it */
	enum rows	 rows;
	const char	*pattern;	/* code_pattern; NULL: the default */
	double		 midyear;	/* midyear_min; 0: the default */
	double		 tolerance;	/* budget_tolerance; 0: the default */
	const char	*want;		/* "ID@line:col ...", "" for none */
	enum severity	 severity;	/* of the first finding; SEV_OFF: none */
	const char	*field;		/* its field (Chinese name) */
	const char	*quote;		/* text its message quotes, or NULL */
};

/*
 * Runs a case in English and in Chinese: the same findings at the same
 * places in both, each message from its rule's template in the run's
 * language naming the project, the first finding with the severity,
 * field and quoted value the case expects.
 */
static void
run_case(const struct rule_case *k)
{
	static const enum lang langs[] = { LANG_EN, LANG_ZH };
	char first_en[sizeof(seen[0].message)] = "";
	const char *code = pick(k->p.code, fixture.code);
	size_t i, j;

	/* Cells are trimmed, so a code of spaces is read as blank. */
	if (strspn(code, " ") == strlen(code))
		code = "";

	for (j = 0; j < NELEM(langs); j++) {
		struct settings s;
		struct strbuf b = {0};
		const struct proj none = {0};
		char *text, what[256];

		snprintf(what, sizeof(what), "%s (%s)", k->name,
		    lang_name(langs[j]));
		test_settings(&s, langs[j]);
		if (k->pattern != NULL)
			set_pattern(&s, k->pattern);
		if (k->midyear > 0)
			s.midyear_min = k->midyear;
		if (k->tolerance > 0)
			s.budget_tolerance = k->tolerance;
		strbuf_puts(&b, HEADER);
		if (!k->alone)
			put_project(&b, &prelude, &none, ROWS_INDICATORS);
		put_project(&b, &fixture, &k->p, k->rows);
		text = strbuf_take(&b);
		run_csv(text, &s);
		free(text);
		settings_free(&s);
		expect_findings(what, false, k->want);
		for (i = 0; i < nseen; i++) {
			expect_template(&seen[i], langs[j], what);
			assert_string_equal(seen[i].project, code);
			expect_in_message(&seen[i], code, what);
		}
		if (k->severity == SEV_OFF)
			continue;
		assert_true(nseen > 0);
		if (seen[0].severity != k->severity)
			fail_msg("%s: severity %s, want %s", what,
			    severity_name(seen[0].severity),
			    severity_name(k->severity));
		if (strcmp(seen[0].field, k->field) != 0)
			fail_msg("%s: field \"%s\", want \"%s\"", what,
			    seen[0].field, k->field);
		expect_in_message(&seen[0], k->quote, what);
		if (langs[j] == LANG_EN)
			copy_text(first_en, sizeof(first_en), seen[0].message);
		else if (strcmp(first_en, seen[0].message) == 0)
			fail_msg("%s: the Chinese message is the English one: %s",
			    what, first_en);
	}
}

static void
run_cases(const struct rule_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		run_case(&cases[i]);
}

/* PB101: a blank or white-space code is an error at 项目编码 naming the project; a code that is present is not. */
static void
test_pb101_code_empty(void **state)
{
	static const struct rule_case cases[] = {
		{ "blank code", .p = { .code = "" }, .alone = true,
		    .want = "PB101@2:1", .severity = SEV_ERROR,
		    .field = "项目编码", .quote = "测试设备购置项目" },
		{ "spaces only", .p = { .code = "   " }, .alone = true,
		    .want = "PB101@2:1", .severity = SEV_ERROR,
		    .field = "项目编码", .quote = "测试设备购置项目" },
		{ "short code is not empty", .p = { .code = "-" },
		    .alone = true, .want = "PB102@2:1",
		    .severity = SEV_WARNING, .field = "项目编码", .quote = "-" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB102: the default pattern (letters, digits, '-': codes differ by province) takes any such code and rejects a space, a full-width dash or a leading '-', as a warning at 项目编码. */
static void
test_pb102_default_code_pattern(void **state)
{
	static const struct rule_case cases[] = {
		{ "well-formed code", .want = "" },
		{ "digits in the last group", .p = { .code = "571-0101-YBN-N0F9" },
		    .want = "" },
		{ "another province's shape", .p = { .code = "13-2021-a1" },
		    .want = "" },
		{ "a space inside", .p = { .code = "571-0101 YBN-NFOY" },
		    .want = "PB102@4:1", .severity = SEV_WARNING,
		    .field = "项目编码", .quote = "571-0101 YBN-NFOY" },
		{ "full-width dash", .p = { .code = "571－0101-YBN-NFOY" },
		    .want = "PB102@4:1", .severity = SEV_WARNING,
		    .field = "项目编码", .quote = "571－0101-YBN-NFOY" },
		{ "leading dash", .p = { .code = "-571-0101-YBN-NFOY" },
		    .want = "PB102@4:1", .severity = SEV_WARNING,
		    .field = "项目编码", .quote = "-571-0101-YBN-NFOY" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB102: a configured code_pattern replaces the default and is quoted in the message. */
static void
test_pb102_custom_code_pattern(void **state)
{
	static const struct rule_case cases[] = {
		{ "matches the custom pattern", .p = { .code = "X42" },
		    .alone = true, .pattern = "^X[0-9]+$", .want = "" },
		{ "default-shaped code under a custom pattern", .alone = true,
		    .pattern = "^X[0-9]+$", .want = "PB102@2:1",
		    .severity = SEV_WARNING, .field = "项目编码",
		    .quote = "^X[0-9]+$" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB103: a blank 项目名称 is an error at its column; any name is accepted. */
static void
test_pb103_name_empty(void **state)
{
	static const struct rule_case cases[] = {
		{ "blank name", .p = { .name = "" }, .want = "PB103@4:2",
		    .severity = SEV_ERROR, .field = "项目名称" },
		{ "one-character name", .p = { .name = "站" }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB104: a blank 资金用途 is a warning at its column; any text is accepted. */
static void
test_pb104_purpose_empty(void **state)
{
	static const struct rule_case cases[] = {
		{ "blank purpose", .p = { .purpose = "" }, .want = "PB104@4:6",
		    .severity = SEV_WARNING, .field = "资金用途" },
		{ "one-character purpose", .p = { .purpose = "无" },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB105: an empty, non-numeric or negative 预算数 is an error quoting it (and PB107 is not also reported). */
static void
test_pb105_budget_invalid(void **state)
{
	static const struct rule_case cases[] = {
		{ "blank budget", .p = { .budget = "" }, .want = "PB105@4:3",
		    .severity = SEV_ERROR, .field = "预算数" },
		{ "text budget", .p = { .budget = "abc" }, .want = "PB105@4:3",
		    .severity = SEV_ERROR, .field = "预算数", .quote = "abc" },
		{ "negative budget", .p = { .budget = "-1" },
		    .want = "PB105@4:3", .severity = SEV_ERROR,
		    .field = "预算数", .quote = "-1" },
		{ "thousands separator",
		    .p = { .budget = "1,000", .fiscal = "1000", .other = "" },
		    .want = "" },
		{ "decimals", .p = { .budget = "15.00", .fiscal = "10.0" },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB106: a non-numeric or negative 财政资金 or 其他资金 is an error at that column; blank funds are 0. */
static void
test_pb106_funds_invalid(void **state)
{
	static const struct rule_case cases[] = {
		{ "text fiscal", .p = { .fiscal = "x" }, .want = "PB106@4:4",
		    .severity = SEV_ERROR, .field = "财政资金", .quote = "x" },
		{ "negative fiscal", .p = { .fiscal = "-2" },
		    .want = "PB106@4:4", .severity = SEV_ERROR,
		    .field = "财政资金", .quote = "-2" },
		{ "text other", .p = { .other = "x" }, .want = "PB106@4:5",
		    .severity = SEV_ERROR, .field = "其他资金", .quote = "x" },
		{ "blank other is 0", .p = { .fiscal = "15", .other = "" },
		    .want = "" },
		{ "blank fiscal is 0", .p = { .fiscal = "", .other = "15" },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB107: 预算数 must equal 财政资金 + 其他资金 within budget_tolerance (0.005 万元 by default). */
static void
test_pb107_budget_sum_tolerance(void **state)
{
	static const struct rule_case cases[] = {
		{ "within 0.005", .p = { .other = "5.004" }, .want = "" },
		{ "exactly 0.005", .p = { .budget = "15.005", .fiscal = "15",
		    .other = "" }, .want = "" },
		{ "0.01 off", .p = { .other = "5.01" }, .want = "PB107@4:3",
		    .severity = SEV_ERROR, .field = "预算数", .quote = "15.01" },
		{ "other blank, sum short", .p = { .other = "" },
		    .want = "PB107@4:3", .severity = SEV_ERROR,
		    .field = "预算数", .quote = "10" },
		{ "wider tolerance", .p = { .other = "5.05" }, .tolerance = 0.1,
		    .want = "" },
		{ "wider tolerance exceeded", .p = { .other = "5.2" },
		    .tolerance = 0.1, .want = "PB107@4:3",
		    .severity = SEV_ERROR, .field = "预算数", .quote = "15.2" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB108: a project whose every 目标N is blank is an error at 目标1; one goal in any column suffices. */
static void
test_pb108_no_goal(void **state)
{
	static const struct rule_case cases[] = {
		{ "no goal", .p = { .goal1 = "", .goal2 = "" },
		    .want = "PB108@4:11", .severity = SEV_ERROR,
		    .field = "目标1" },
		{ "goal in 目标2 only", .p = { .goal1 = "", .goal2 = "按期完成" },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB109: a project without indicator rows is an error at 项目编码; a first row with project columns alone is fine. */
static void
test_pb109_no_indicator(void **state)
{
	static const struct rule_case cases[] = {
		{ "no indicator", .rows = ROWS_NO_INDICATOR,
		    .want = "PB109@4:1", .severity = SEV_ERROR,
		    .field = "项目编码" },
		{ "indicators after a bare first row", .rows = ROWS_BARE_FIRST,
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB110: a 预算数 of 0 is a warning at its column; a small positive one is not. */
static void
test_pb110_budget_zero(void **state)
{
	static const struct rule_case cases[] = {
		{ "zero budget", .p = { .budget = "0", .fiscal = "0",
		    .other = "" }, .want = "PB110@4:3",
		    .severity = SEV_WARNING, .field = "预算数", .quote = "0" },
		{ "zero budget with funds", .p = { .budget = "0" },
		    .want = "PB107@4:3 PB110@4:3", .severity = SEV_ERROR,
		    .field = "预算数", .quote = "15" },
		{ "small budget", .p = { .budget = "0.01", .fiscal = "0.01",
		    .other = "" }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB201: a milestone that is not a number is an error at it, and PB203-PB207 are then not run; percentages are numbers. */
static void
test_pb201_milestone_not_number(void **state)
{
	static const struct rule_case cases[] = {
		{ "text milestone suppresses the order checks",
		    .p = { .plan = { "abc", "40", "", "90" } },
		    .want = "PB201@4:7", .severity = SEV_ERROR,
		    .field = "3月底", .quote = "abc" },
		{ "Chinese numeral", .p = { .plan = { [1] = "五十" } },
		    .want = "PB201@4:8", .severity = SEV_ERROR,
		    .field = "6月底", .quote = "五十" },
		{ "percent signs", .p = { .plan = { "25%", "50%", "75%",
		    "100%" } }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB202: a milestone outside 0-100 is an error at it, and PB203-PB207 are then not run; 0 and 100 are in range. */
static void
test_pb202_milestone_out_of_range(void **state)
{
	static const struct rule_case cases[] = {
		{ "120 at December", .p = { .plan = { [3] = "120" } },
		    .want = "PB202@4:10", .severity = SEV_ERROR,
		    .field = "12月底", .quote = "120" },
		{ "out of range suppresses the order checks",
		    .p = { .plan = { "120", "40", "", "90" } },
		    .want = "PB202@4:7", .severity = SEV_ERROR,
		    .field = "3月底", .quote = "120" },
		{ "negative", .p = { .plan = { [0] = "-1" } },
		    .want = "PB202@4:7", .severity = SEV_ERROR,
		    .field = "3月底", .quote = "-1" },
		{ "bounds", .p = { .plan = { "0", "50", "75", "100" } },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB203: a decrease is an error at the milestone that decreased, quoting both values; a plateau is not. */
static void
test_pb203_plan_decreases(void **state)
{
	static const struct rule_case cases[] = {
		{ "June below March",
		    .p = { .plan = { "50", "40", "75", "100" } },
		    .want = "PB203@4:8 PB207@4:8", .severity = SEV_ERROR,
		    .field = "6月底", .quote = "40" },
		{ "October below June",
		    .p = { .plan = { "25", "60", "55", "100" } },
		    .want = "PB203@4:9", .severity = SEV_ERROR,
		    .field = "10月底", .quote = "60" },
		{ "plateau", .p = { .plan = { "50", "50", "50", "100" } },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB204: a 12月底 other than 100 is an error at 12月底 quoting it; 100% is fine. */
static void
test_pb204_december_not_100(void **state)
{
	static const struct rule_case cases[] = {
		{ "90 at December", .p = { .plan = { [3] = "90" } },
		    .want = "PB204@4:10", .severity = SEV_ERROR,
		    .field = "12月底", .quote = "90" },
		{ "100% at December", .p = { .plan = { [3] = "100%" } },
		    .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB205: each blank milestone is one info at it, read as 0 by the other checks; an explicit 0 is not blank. */
static void
test_pb205_blank_milestone(void **state)
{
	static const struct rule_case cases[] = {
		{ "blank March", .p = { .plan = { [0] = "" } },
		    .want = "PB205@4:7", .severity = SEV_INFO,
		    .field = "3月底" },
		{ "blank March and June",
		    .p = { .plan = { [0] = "", [1] = "" } },
		    .want = "PB205@4:7 PB205@4:8 PB207@4:8",
		    .severity = SEV_INFO, .field = "3月底" },
		{ "zero March", .p = { .plan = { [0] = "0" } }, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB206: four blank milestones are one warning at 3月底 and no PB203/PB204/PB205/PB207; three blank are PB205s. */
static void
test_pb206_all_blank(void **state)
{
	static const struct rule_case cases[] = {
		{ "all blank", .p = { .plan = { "", "", "", "" } },
		    .want = "PB206@4:7", .severity = SEV_WARNING,
		    .field = "3月底" },
		{ "three blank", .p = { .plan = { "", "", "", "100" } },
		    .want = "PB205@4:7 PB205@4:8 PB207@4:8 PB205@4:9",
		    .severity = SEV_INFO, .field = "3月底" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* PB207: 6月底 below midyear_min (50 by default) is an info at 6月底 quoting value and mark; at the mark it is not. */
static void
test_pb207_midyear_mark(void **state)
{
	static const struct rule_case cases[] = {
		{ "49 at June", .p = { .plan = { [1] = "49" } },
		    .want = "PB207@4:8", .severity = SEV_INFO,
		    .field = "6月底", .quote = "49" },
		{ "50 at June", .p = { .plan = { [1] = "50" } }, .want = "" },
		{ "50 under a mark of 60", .alone = true, .midyear = 60,
		    .want = "PB207@2:8", .severity = SEV_INFO,
		    .field = "6月底", .quote = "60" },
		{ "60 under a mark of 60", .p = { .plan = { [1] = "60" } },
		    .alone = true, .midyear = 60, .want = "" },
	};

	(void)state;
	run_cases(cases, NELEM(cases));
}

/* A header without 其他资金 is accepted and the missing column counts as 0. */
static void
test_pb107_other_column_optional(void **state)
{
	static const char ok[] =
	    "项目编码,项目名称,预算数,财政资金,资金用途,3月底,6月底,10月底,"
	    "12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述,指标值,"
	    "指标值确定依据\n"
	    CODE_X ",测试项目,15,15,购置教学设备,25,50,75,100,完成采购,"
	    IND_OUTPUT "\n"
	    CODE_Y ",测试项目,15,10,购置教学设备,25,50,75,100,完成采购,"
	    IND_OUTPUT "\n";
	struct settings s;

	(void)state;
	test_settings(&s, LANG_EN);
	run_csv(ok, &s);
	settings_free(&s);
	expect_findings("no 其他资金 column", false, "PB107@3:3");
	assert_string_equal(seen[0].project, CODE_Y);
}

/* PB005: a code already used in another file of the batch is an error at 项目编码 naming that file, counted for its project. */
static void
test_pb005_same_code_in_two_files(void **state)
{
	static const struct csv_input in[] = {
		{ "a.csv", HEADER PROJECT(CODE_X) },
		{ "b.csv", HEADER PROJECT(CODE_Y) PROJECT(CODE_X) },
	};
	struct settings s;

	(void)state;
	test_settings(&s, LANG_EN);
	run_csv_batch(&s, in, NELEM(in));
	settings_free(&s);
	expect_findings("code in two files", true, "b.csv:PB005@4:1");
	assert_int_equal(seen[0].severity, SEV_ERROR);
	assert_string_equal(seen[0].field, "项目编码");
	assert_string_equal(seen[0].project, CODE_X);
	expect_in_message(&seen[0], CODE_X, "PB005");
	expect_in_message(&seen[0], "a.csv", "PB005");
	assert_int_equal(nseen_projects, 3);
	assert_int_equal(seen_projects[0].counts.errors, 0);
	assert_int_equal(seen_projects[1].counts.errors, 0);
	assert_string_equal(seen_projects[2].code, CODE_X);
	assert_int_equal(seen_projects[2].counts.errors, 1);
}

/* PB005 is not reported for a block that reappears in its own file (that is PB004), nor for codes used once. */
static void
test_pb005_not_for_reappearing_block(void **state)
{
	static const struct csv_input in[] = {
		{ "a.csv", HEADER PROJECT(CODE_X) PROJECT(CODE_Y)
		    PROJECT(CODE_X) },
		{ "b.csv", HEADER PROJECT(CODE_Z) },
	};
	struct settings s;

	(void)state;
	test_settings(&s, LANG_EN);
	run_csv_batch(&s, in, NELEM(in));
	settings_free(&s);
	expect_findings("reappearing block", true, "a.csv:PB004@6:1");
	assert_int_equal(seen_count(RULE_PB005), 0);
	assert_int_equal(seen[0].severity, SEV_ERROR);
	assert_string_equal(seen[0].project, CODE_X);
	assert_int_equal(nseen_projects, 4);
}

/* Reader findings (PB004, PB006) count toward the project they belong to, in the counts the reporter gets. */
static void
test_counts_include_reader_findings(void **state)
{
	static const char text[] = HEADER
	    CODE_X ",测试项目,15,10,5,,25,50,75,100,完成设备采购,,"
	    IND_OUTPUT "\n"
	    ",别的项目,,,,,,,,,,," IND_SATISFIED "\n"
	    PROJECT(CODE_Y)
	    PROJECT(CODE_X);
	static const struct {
		const char	*code;
		int		 line;
		struct counts	 counts;
	} want[] = {
		{ CODE_X, 2, { 1, 1, 0, 0 } },	/* PB006, PB104 */
		{ CODE_Y, 4, { 0, 0, 0, 0 } },
		{ CODE_X, 6, { 1, 0, 0, 0 } },	/* PB004 */
	};
	struct settings s;
	size_t i;

	(void)state;
	test_settings(&s, LANG_EN);
	run_csv(text, &s);
	settings_free(&s);
	expect_findings("reader findings", false,
	    "PB104@2:6 PB006@3:2 PB004@6:1");
	expect_in_message(&seen[1], "别的项目", "PB006");
	expect_in_message(&seen[1], "测试项目", "PB006");
	assert_string_equal(seen[1].field, "项目名称");
	assert_int_equal(nseen_projects, NELEM(want));
	for (i = 0; i < NELEM(want); i++) {
		assert_string_equal(seen_projects[i].code, want[i].code);
		assert_int_equal(seen_projects[i].line, want[i].line);
		assert_int_equal(seen_projects[i].counts.errors,
		    want[i].counts.errors);
		assert_int_equal(seen_projects[i].counts.warnings,
		    want[i].counts.warnings);
		assert_int_equal(seen_projects[i].counts.infos,
		    want[i].counts.infos);
	}
	assert_int_equal(seen_totals.errors, 2);
	assert_int_equal(seen_totals.warnings, 1);
	assert_int_equal(seen_totals.infos, 0);
}

/* PB0 messages (PB004, PB005, PB006) follow the language setting and keep their ids. */
static void
test_messages_input_rules_both_languages(void **state)
{
	static const struct csv_input in[] = {
		{ "a.csv", HEADER PROJECT(CODE_Y) },
		{ "b.csv", HEADER
		    CODE_X ",测试项目,15,10,5,购置教学设备,25,50,75,100,"
		    "完成设备采购,," IND_OUTPUT "\n"
		    ",别的项目,,,,,,,,,,," IND_SATISFIED "\n"
		    PROJECT(CODE_Y) PROJECT(CODE_X) },
	};
	static const enum lang langs[] = { LANG_EN, LANG_ZH };
	char en[3][sizeof(seen[0].message)];
	struct settings s;
	size_t i, j;

	(void)state;
	for (j = 0; j < NELEM(langs); j++) {
		test_settings(&s, langs[j]);
		run_csv_batch(&s, in, NELEM(in));
		settings_free(&s);
		expect_findings(lang_name(langs[j]), true,
		    "b.csv:PB006@3:2 b.csv:PB005@4:1 b.csv:PB004@6:1");
		for (i = 0; i < nseen; i++) {
			expect_template(&seen[i], langs[j], "PB0");
			if (j == 0)
				copy_text(en[i], sizeof(en[i]),
				    seen[i].message);
			else if (strcmp(en[i], seen[i].message) == 0)
				fail_msg("same message in both languages: %s",
				    en[i]);
		}
		expect_in_message(&seen[0], "别的项目", "PB006");
		expect_in_message(&seen[1], "a.csv", "PB005");
		expect_in_message(&seen[2], CODE_X, "PB004");
	}
}

/* A --severity override changes a finding's severity and the counts it lands in. */
static void
test_severity_override_changes_level(void **state)
{
	static const char text[] = HEADER
	    CODE_X ",测试项目,15,10,5,购置教学设备,,50,75,100,完成设备采购,,"
	    IND_OUTPUT "\n";
	struct settings s;

	(void)state;
	test_settings(&s, LANG_EN);
	run_csv(text, &s);
	expect_findings("default", false, "PB205@2:7");
	assert_int_equal(seen[0].severity, SEV_INFO);
	assert_int_equal(seen_projects[0].counts.infos, 1);
	assert_int_equal(seen_status, 0);

	s.severity[RULE_PB205] = SEV_WARNING;
	run_csv(text, &s);
	expect_findings("as warning", false, "PB205@2:7");
	assert_int_equal(seen[0].severity, SEV_WARNING);
	assert_int_equal(seen_projects[0].counts.warnings, 1);
	assert_int_equal(seen_projects[0].counts.infos, 0);
	assert_int_equal(seen_totals.warnings, 1);
	assert_int_equal(seen_totals.infos, 0);

	s.severity[RULE_PB205] = SEV_ERROR;
	run_csv(text, &s);
	assert_int_equal(seen[0].severity, SEV_ERROR);
	assert_int_equal(seen_status, 1);
	settings_free(&s);
}

/* A rule set to off gives no finding and no count, and other rules still run. */
static void
test_severity_off_removes_finding(void **state)
{
	static const char text[] = HEADER
	    CODE_X ",测试项目,15,10,5,,,50,75,100,完成设备采购,,"
	    IND_OUTPUT "\n";
	struct settings s;

	(void)state;
	test_settings(&s, LANG_EN);
	s.severity[RULE_PB205] = SEV_OFF;
	run_csv(text, &s);
	settings_free(&s);
	expect_findings("PB205 off", false, "PB104@2:6");
	assert_int_equal(seen_projects[0].counts.infos, 0);
	assert_int_equal(seen_projects[0].counts.warnings, 1);
	assert_int_equal(seen_totals.infos, 0);
}

/* The exit status is 1 exactly when a finding is at or above fail_on; fail_on off (never) gives 0. */
static void
test_exit_status_fail_on(void **state)
{
	static const char clean[] = HEADER PROJECT(CODE_X);
	static const char info[] = HEADER	/* PB205 */
	    CODE_X ",测试项目,15,10,5,购置教学设备,,50,75,100,完成设备采购,,"
	    IND_OUTPUT "\n";
	static const char warning[] = HEADER	/* PB104 */
	    CODE_X ",测试项目,15,10,5,,25,50,75,100,完成设备采购,,"
	    IND_OUTPUT "\n";
	static const char error[] = HEADER	/* PB105 */
	    CODE_X ",测试项目,abc,10,5,购置教学设备,25,50,75,100,完成设备采购,,"
	    IND_OUTPUT "\n";
	static const struct {
		const char	*text;
		enum severity	 fail_on;
		int		 status;
	} cases[] = {
		{ clean, SEV_INFO, 0 },
		{ info, SEV_ERROR, 0 },
		{ info, SEV_WARNING, 0 },
		{ info, SEV_INFO, 1 },
		{ info, SEV_OFF, 0 },
		{ warning, SEV_ERROR, 0 },
		{ warning, SEV_WARNING, 1 },
		{ warning, SEV_INFO, 1 },
		{ warning, SEV_OFF, 0 },
		{ error, SEV_ERROR, 1 },
		{ error, SEV_WARNING, 1 },
		{ error, SEV_INFO, 1 },
		{ error, SEV_OFF, 0 },
	};
	struct settings s;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		test_settings(&s, LANG_EN);
		s.fail_on = cases[i].fail_on;
		run_csv(cases[i].text, &s);
		settings_free(&s);
		if (seen_status != cases[i].status)
			fail_msg("case %zu (fail_on %s, findings \"%s\"): "
			    "status %d, want %d", i,
			    severity_name(cases[i].fail_on), rendered(false),
			    seen_status, cases[i].status);
	}
}

/* An unreadable input makes the status 2 whatever fail_on says. */
static void
test_exit_status_unreadable(void **state)
{
	struct reporter rep;
	struct settings s;
	struct check *c;
	char *err = NULL;

	(void)state;
	test_settings(&s, LANG_EN);
	s.fail_on = SEV_OFF;
	memset(&rep, 0, sizeof(rep));
	c = check_new(&s, &rep, &err);
	assert_non_null(c);
	assert_null(err);
	check_file_begin(c, "missing.csv");
	check_file_unreadable(c, "No such file or directory");
	check_finish(c);
	assert_int_equal(check_exit_status(c), 2);
	check_free(c);
	settings_free(&s);
}

/* Findings reach the reporter sorted by file name, line, column and rule id, whatever order they were made in. */
static void
test_findings_sorted(void **state)
{
	static const struct csv_input in[] = {
		/* PB006 on line 3 is made before the project's line-2
		 * findings, and PB108 (column 11) before PB109 (column 1). */
		{ "b.csv", HEADER
		    CODE_X ",测试项目,15,10,5,购置教学设备,25,50,75,100,,,"
		    ",,,,,\n"
		    ",别的项目,,,,,,,,,,,,,,,,\n" },
		/* Two files of the same name: PB110 is made before PB105. */
		{ "same.csv", HEADER
		    CODE_Y ",测试项目,0,0,,购置教学设备,25,50,75,100,"
		    "完成设备采购,," IND_OUTPUT "\n" },
		{ "same.csv", HEADER
		    CODE_Z ",测试项目,abc,10,5,购置教学设备,25,50,75,100,"
		    "完成设备采购,," IND_OUTPUT "\n" },
		{ "a.csv", HEADER
		    CODE_W ",测试项目,15,10,5,,25,50,75,100,完成设备采购,,"
		    IND_OUTPUT "\n" },
	};
	struct settings s;
	size_t i;

	(void)state;
	test_settings(&s, LANG_EN);
	run_csv_batch(&s, in, NELEM(in));
	settings_free(&s);
	expect_findings("sorted", true, "a.csv:PB104@2:6 b.csv:PB109@2:1 "
	    "b.csv:PB108@2:11 b.csv:PB006@3:2 same.csv:PB105@2:3 "
	    "same.csv:PB110@2:3");
	for (i = 1; i < nseen; i++) {
		const struct seen_finding *a = &seen[i - 1], *b = &seen[i];
		int d = strcmp(a->file, b->file);

		assert_true(d < 0 || (d == 0 && (a->line < b->line ||
		    (a->line == b->line && (a->col < b->col ||
		    (a->col == b->col && a->rule <= b->rule))))));
	}
}

/* Every rule in the table: id "PB" + its enum name, the SPEC severity and group, titles and messages in both languages, a check exactly for PB1 and PB2. */
static void
test_table_entries(void **state)
{
#define RULE_NAME(id) #id,
	static const char *const names[] = { RULE_IDS(RULE_NAME) };
#undef RULE_NAME
	/* Default severities of SPEC 4, in id order. */
	static const char spec_severity[] = "EEWEEEIEEIII" "EWEWEEEEEW" "EEEEIWI";
	int i, lang;

	(void)state;
	assert_int_equal(NELEM(names), RULE_COUNT);
	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = rule_get((enum rule_id)i);
		char sev;

		assert_non_null(r->id);
		assert_string_equal(r->id, names[i]);
		assert_int_equal(strlen(r->id), 5);
		assert_memory_equal(r->id, "PB", 2);
		assert_int_equal((int)r->group, r->id[2] - '0');
		if (i < (int)strlen(spec_severity)) {
			sev = r->severity == SEV_ERROR ? 'E' :
			    r->severity == SEV_WARNING ? 'W' :
			    r->severity == SEV_INFO ? 'I' : '-';
			if (sev != spec_severity[i])
				fail_msg("%s: default severity %c, SPEC %c",
				    r->id, sev, spec_severity[i]);
		} else
			assert_int_not_equal(r->severity, SEV_OFF);
		for (lang = LANG_EN; lang <= LANG_ZH; lang++) {
			assert_non_null(r->title[lang]);
			assert_true(r->title[lang][0] != '\0');
			assert_non_null(r->message[lang]);
			assert_true(r->message[lang][0] != '\0');
		}
		assert_string_not_equal(r->title[LANG_EN], r->title[LANG_ZH]);
		assert_string_not_equal(r->message[LANG_EN],
		    r->message[LANG_ZH]);
		if (r->group == GROUP_INPUT)
			assert_null(r->check);
		else if (r->group <= GROUP_PLAN)
			assert_non_null(r->check);
		assert_int_equal(rule_find(r->id), i);
	}
}

/* rule_find is case-insensitive and answers RULE_COUNT for an unknown id. */
static void
test_table_find(void **state)
{
	(void)state;
	assert_int_equal(rule_find("PB105"), RULE_PB105);
	assert_int_equal(rule_find("pb207"), RULE_PB207);
	assert_int_equal(rule_find("PB999"), RULE_COUNT);
	assert_int_equal(rule_find("PB1"), RULE_COUNT);
	assert_int_equal(rule_find(""), RULE_COUNT);
}

/* Severity names parse both ways, case-insensitively; unknown names are refused. */
static void
test_severity_names(void **state)
{
	static const struct {
		const char	*name;
		enum severity	 sev;
	} cases[] = {
		{ "error", SEV_ERROR },
		{ "warning", SEV_WARNING },
		{ "info", SEV_INFO },
		{ "off", SEV_OFF },
		{ "ERROR", SEV_ERROR },
		{ "Warning", SEV_WARNING },
	};
	static const char *const bad[] = { "", "err", "warn", "never",
	    "errors" };
	enum severity out;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		out = SEV_OFF == cases[i].sev ? SEV_ERROR : SEV_OFF;
		assert_true(severity_parse(cases[i].name, &out));
		assert_int_equal(out, cases[i].sev);
	}
	for (i = 0; i < NELEM(bad); i++)
		assert_false(severity_parse(bad[i], &out));
	assert_string_equal(severity_name(SEV_ERROR), "error");
	assert_string_equal(severity_name(SEV_WARNING), "warning");
	assert_string_equal(severity_name(SEV_INFO), "info");
	assert_string_equal(severity_name(SEV_OFF), "off");
}

/* settings_init gives the SPEC 1 and 7 defaults and every rule its table severity. */
static void
test_settings_defaults(void **state)
{
	struct settings s;
	int i;

	(void)state;
	settings_init(&s);
	assert_int_equal(s.fail_on, SEV_ERROR);
	assert_true(s.midyear_min == 50);
	assert_true(s.satisfaction_min == 80);
	assert_true(s.budget_tolerance == 0.005);
	assert_string_equal(s.code_pattern, "^[0-9A-Za-z][0-9A-Za-z-]*$");
	for (i = 0; i < RULE_COUNT; i++)
		assert_int_equal(s.severity[i],
		    rule_get((enum rule_id)i)->severity);
	settings_free(&s);
	assert_null(s.code_pattern);
}

/* check_new refuses a code_pattern that is not a valid ERE and says which. */
static void
test_check_new_bad_pattern(void **state)
{
	struct reporter rep;
	struct settings s;
	struct check *c;
	char *err = NULL;

	(void)state;
	capture_reporter(&rep, NULL);
	test_settings(&s, LANG_EN);
	set_pattern(&s, "^([0-9]+$");
	c = check_new(&s, &rep, &err);
	assert_null(c);
	assert_non_null(err);
	assert_non_null(strstr(err, "^([0-9]+$"));
	free(err);
	settings_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pb101_code_empty),
		cmocka_unit_test(test_pb102_default_code_pattern),
		cmocka_unit_test(test_pb102_custom_code_pattern),
		cmocka_unit_test(test_pb103_name_empty),
		cmocka_unit_test(test_pb104_purpose_empty),
		cmocka_unit_test(test_pb105_budget_invalid),
		cmocka_unit_test(test_pb106_funds_invalid),
		cmocka_unit_test(test_pb107_budget_sum_tolerance),
		cmocka_unit_test(test_pb107_other_column_optional),
		cmocka_unit_test(test_pb108_no_goal),
		cmocka_unit_test(test_pb109_no_indicator),
		cmocka_unit_test(test_pb110_budget_zero),
		cmocka_unit_test(test_pb201_milestone_not_number),
		cmocka_unit_test(test_pb202_milestone_out_of_range),
		cmocka_unit_test(test_pb203_plan_decreases),
		cmocka_unit_test(test_pb204_december_not_100),
		cmocka_unit_test(test_pb205_blank_milestone),
		cmocka_unit_test(test_pb206_all_blank),
		cmocka_unit_test(test_pb207_midyear_mark),
		cmocka_unit_test(test_pb005_same_code_in_two_files),
		cmocka_unit_test(test_pb005_not_for_reappearing_block),
		cmocka_unit_test(test_counts_include_reader_findings),
		cmocka_unit_test(test_messages_input_rules_both_languages),
		cmocka_unit_test(test_severity_override_changes_level),
		cmocka_unit_test(test_severity_off_removes_finding),
		cmocka_unit_test(test_exit_status_fail_on),
		cmocka_unit_test(test_exit_status_unreadable),
		cmocka_unit_test(test_findings_sorted),
		cmocka_unit_test(test_table_entries),
		cmocka_unit_test(test_table_find),
		cmocka_unit_test(test_severity_names),
		cmocka_unit_test(test_settings_defaults),
		cmocka_unit_test(test_check_new_bad_pattern),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
