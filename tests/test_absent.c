/* Unit tests for absent fields (SPEC 2.2): the rules skipped, PB010, PB005 by name, and how each report shows a field the layout lacks. */
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
#include "report.h"
#include "rules.h"
#include "settings.h"
#include "util.h"

#include "support.h"

#define NAME	"辐射环境监测工作经费"

/* The project cells of the test project, in field order. */
static const char *const project_cells[PROJECT_FIELDS] = {
	"571-0101-YBN-NFOY", NAME, "15", "10", "5", "监督性监测",
	"25", "50", "75", "100"
};

/* Indicator rows: 一级 … 依据. Their 描述 and 依据 are blank, so that a
 * column that is there gives PB307/PB309 and an absent one must not. */
static const char *const rows[][INDICATOR_FIELDS] = {
	{ "产出指标", "数量指标", "监测点位数", "", "=4个", "" },
	{ "满意度指标", "服务对象满意度指标", "企业满意度", "", ">=90%", "" },
	{ "效果指标", "生态效益指标", "本项目无生态效益", "", "", "" },
};

/*
 * Builds the test project as a form reader would: line is its first row,
 * cells at column field + 1; a field in absent[] (ended by FIELD_COUNT)
 * is not in the layout: no text, no location, marked absent.
 */
static void
build(struct project *p, const char *file, int line, const char *name,
    size_t nind, const enum field *absent)
{
	bool lacks[FIELD_COUNT] = {0};
	size_t i;
	int f;

	memset(p, 0, sizeof(*p));
	for (; *absent != FIELD_COUNT; absent++)
		lacks[*absent] = true;
	p->file = file;
	p->line = line;
	for (f = 0; f < FIELD_COUNT; f++) {
		p->absent[f] = lacks[f];
		if (!lacks[f])
			p->loc[f] = (struct loc){ line, f + 1, 0 };
	}
	for (f = 0; f < PROJECT_FIELDS; f++)
		if (!lacks[f])
			p->text[f] = xstrdup(f == FIELD_NAME ? name :
			    project_cells[f]);
	project_add_goal(p, 1, "完成监测任务", (struct loc){ line,
	    FIELD_GOAL + 1, 0 });
	for (i = 0; i < nind; i++) {
		struct indicator *in = project_add_indicator(p);

		in->line = line + (int)i;
		for (f = FIELD_LEVEL1; f <= FIELD_BASIS; f++) {
			if (lacks[f])
				continue;
			in->text[IND(f)] = xstrdup(rows[i % NELEM(rows)][IND(f)]);
			in->loc[IND(f)] = (struct loc){ in->line, f + 2, 0 };
		}
	}
	project_finish(p);
}

/* A project of a batch: its file, first line, name and absent fields. */
struct item {
	const char	*file;
	int		 line;
	const char	*name;
	size_t		 nind;
	const enum field *absent;
};

/* Runs items through the engine into rep, a new file at each new name. */
static void
run_items(struct reporter *rep, const struct settings *s,
    const struct item *it, size_t n)
{
	struct check *c;
	struct project p;
	const char *path = NULL;
	char *err = NULL;
	size_t i;

	c = check_new(s, rep, &err);
	assert_non_null(c);
	for (i = 0; i < n; i++) {
		if (path == NULL || strcmp(path, it[i].file) != 0) {
			path = check_file_begin(c, it[i].file);
			check_file_format(c, "docx", "UTF-8");
		}
		build(&p, path, it[i].line, it[i].name != NULL ? it[i].name :
		    NAME, it[i].nind, it[i].absent);
		check_sink_project(c, &p);
		project_free(&p);
	}
	check_finish(c);
	seen_status = check_exit_status(c);
	check_free(c);
}

/* Runs items into the capture reporter (support.c). */
static void
capture(const struct settings *s, const struct item *it, size_t n)
{
	struct reporter rep;

	capture_reporter(&rep, s);
	nseen = nseen_projects = 0;
	seen_ends = 0;
	run_items(&rep, s, it, n);
	assert_int_equal(seen_ends, 1);
}

/* Runs items through the reporter of a format; returns its output. */
static char *
render(const char *format, const struct settings *s, const struct item *it,
    size_t n)
{
	struct reporter rep;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_true(report_init(&rep, format, out, s, false));
	run_items(&rep, s, it, n);
	if (rep.free != NULL)
		rep.free(&rep);
	assert_int_equal(fclose(out), 0);
	return buf;
}

static void
expect_text(const char *out, const char *text, const char *what)
{
	if (strstr(out, text) == NULL)
		fail_msg("%s: output lacks \"%s\":\n%s", what, text, out);
}

static void
expect_no_text(const char *out, const char *text, const char *what)
{
	if (strstr(out, text) != NULL)
		fail_msg("%s: output has \"%s\":\n%s", what, text, out);
}

/* The one PB010 of the last run about a field, or fail. */
static const struct seen_finding *
pb010(const char *field)
{
	const struct seen_finding *found = NULL;
	size_t i;

	for (i = 0; i < nseen; i++)
		if (seen[i].rule == RULE_PB010 &&
		    strcmp(seen[i].field, field) == 0) {
			if (found != NULL)
				fail_msg("PB010 on %s twice", field);
			found = &seen[i];
		}
	if (found == NULL)
		fail_msg("no PB010 on %s: %s", field, rendered(true));
	return found;
}

static const enum field none[] = { FIELD_COUNT };
static const enum field no_code[] = { FIELD_CODE, FIELD_COUNT };
static const enum field no_purpose[] = { FIELD_PURPOSE, FIELD_COUNT };
static const enum field no_plan[] = { FIELD_PLAN_MAR, FIELD_PLAN_JUN,
    FIELD_PLAN_OCT, FIELD_PLAN_DEC, FIELD_COUNT };
static const enum field no_description[] = { FIELD_DESCRIPTION,
    FIELD_COUNT };
static const enum field no_basis[] = { FIELD_BASIS, FIELD_COUNT };
static const enum field no_columns[] = { FIELD_DESCRIPTION, FIELD_BASIS,
    FIELD_COUNT };
static const enum field national[] = { FIELD_CODE, FIELD_PURPOSE,
    FIELD_PLAN_MAR, FIELD_PLAN_JUN, FIELD_PLAN_OCT, FIELD_PLAN_DEC,
    FIELD_DESCRIPTION, FIELD_BASIS, FIELD_COUNT };
static const enum field no_money[] = { FIELD_BUDGET, FIELD_FISCAL,
    FIELD_OTHER, FIELD_COUNT };

/* With every field present the fixture gives the rules this file is
 * about, so that their silence below proves the skipping. */
static void
test_fixture_fires_when_present(void **state)
{
	const struct item it[] = { { "a.docx", 4, NULL, 3, none } };
	struct settings s;

	(void)state;
	settings_init(&s);
	capture(&s, it, 1);
	assert_int_equal(seen_count(RULE_PB307), 2);
	assert_int_equal(seen_count(RULE_PB309), 2);
	assert_int_equal(seen_count(RULE_PB310), 1);
	assert_int_equal(seen_count(RULE_PB010), 0);
	settings_free(&s);
}

/* No 项目编码 in the layout: no PB101/PB102, one PB010 naming them, and
 * the findings name the project by its 项目名称. */
static void
test_code_absent(void **state)
{
	const struct item it[] = { { "a.docx", 4, NULL, 3, no_code },
	    { "a.docx", 9, "大气污染防治", 3, no_code } };
	const struct seen_finding *f;
	struct settings s;
	size_t i;

	(void)state;
	settings_init(&s);
	s.lang = LANG_EN;
	capture(&s, it, 2);
	assert_int_equal(seen_count(RULE_PB101), 0);
	assert_int_equal(seen_count(RULE_PB102), 0);
	f = pb010("项目编码");
	assert_int_equal(f->line, 4);
	assert_int_equal(f->col, 1);
	assert_string_equal(f->project, "");
	assert_string_equal(f->message, "this layout has no project code "
	    "(项目编码); PB101, PB102 not checked (PB005 compares names)");
	for (i = 0; i < nseen; i++)
		if (seen[i].rule == RULE_PB307 && seen[i].line < 9) {
			assert_string_equal(seen[i].project, NAME);
			expect_in_message(&seen[i], "project " NAME ":",
			    "PB307 names the project");
		}
	settings_free(&s);
}

/* The PB010 messages of each field, in both languages. */
static void
test_pb010_messages(void **state)
{
	static const struct {
		enum lang	 lang;
		const char	*field;
		const char	*message;
	} cases[] = {
		{ LANG_EN, "资金用途", "this layout has no fund use (资金用途); "
		    "PB104 not checked" },
		{ LANG_EN, "资金支出计划", "this layout has no spend plan "
		    "(资金支出计划); PB201–PB207 not checked" },
		{ LANG_EN, "绩效指标描述", "this layout has no description "
		    "column (绩效指标描述); PB307, PB308 not checked" },
		{ LANG_EN, "指标值确定依据", "this layout has no value basis "
		    "column (指标值确定依据); PB309, PB501 not checked" },
		{ LANG_ZH, "项目编码", "该表格样式没有“项目编码”，PB101、PB102 "
		    "未检查（PB005 改按项目名称比较）" },
		{ LANG_ZH, "资金支出计划", "该表格样式没有资金支出计划，"
		    "PB201–PB207 未检查" },
		{ LANG_ZH, "指标值确定依据", "该表格样式没有“指标值确定依据”栏，"
		    "PB309、PB501 未检查" },
	};
	const struct item it[] = { { "n.docx", 3, NULL, 3, national } };
	struct settings s;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		settings_init(&s);
		s.lang = cases[i].lang;
		capture(&s, it, 1);
		assert_string_equal(pb010(cases[i].field)->message,
		    cases[i].message);
		assert_int_equal(seen_count(RULE_PB010), 5);
		settings_free(&s);
	}
}

/* No 资金用途, no plan: PB104 and every PB2 rule are silent (an all-blank
 * plan would be PB206, a plan of blanks PB205). */
static void
test_purpose_and_plan_absent(void **state)
{
	const struct item it[] = { { "a.docx", 2, NULL, 3, no_purpose },
	    { "b.docx", 2, NULL, 3, no_plan } };
	struct settings s;
	int r;

	(void)state;
	settings_init(&s);
	capture(&s, it, 2);
	assert_int_equal(seen_count(RULE_PB104), 0);
	for (r = RULE_PB201; r <= RULE_PB207; r++)
		assert_int_equal(seen_count((enum rule_id)r), 0);
	assert_string_equal(pb010("资金用途")->file, "a.docx");
	assert_string_equal(pb010("资金支出计划")->file, "b.docx");
	settings_free(&s);
}

/* No 描述 or 依据 column: no PB307/PB308/PB309/PB501, PB310 still accepts
 * the 本项目无 row (absent counts as blank) and suppresses its PB4. */
static void
test_indicator_columns_absent(void **state)
{
	const struct item it[] = { { "a.docx", 2, NULL, 3, no_description },
	    { "b.docx", 2, NULL, 3, no_basis },
	    { "c.docx", 2, NULL, 3, no_columns } };
	struct settings s;

	(void)state;
	settings_init(&s);
	capture(&s, it, 3);
	assert_int_equal(seen_count(RULE_PB307), 0 + 2);	/* b.docx */
	assert_int_equal(seen_count(RULE_PB309), 2);		/* a.docx */
	assert_int_equal(seen_count(RULE_PB308), 0);
	assert_int_equal(seen_count(RULE_PB501), 0);
	assert_int_equal(seen_count(RULE_PB310), 3);
	assert_int_equal(seen_count(RULE_PB401), 0);
	assert_int_equal(seen_count(RULE_PB010), 4);
	settings_free(&s);
}

/* PB010 is once per file and field, at the file's first project (column
 * 1), even when a later project is the first without the field; it is
 * the file's, not counted for any project. */
static void
test_pb010_once_per_file(void **state)
{
	const struct item it[] = { { "a.docx", 3, NULL, 3, none },
	    { "a.docx", 8, "大气污染防治", 3, no_basis },
	    { "a.docx", 13, "水质监测", 3, no_basis },
	    { "b.docx", 5, NULL, 3, no_basis } };
	struct settings s;
	size_t i, infos = 0;

	(void)state;
	settings_init(&s);
	capture(&s, it, 4);
	assert_int_equal(seen_count(RULE_PB010), 2);
	for (i = 0; i < nseen; i++)
		if (seen[i].rule == RULE_PB010) {
			assert_int_equal(seen[i].line,
			    strcmp(seen[i].file, "a.docx") == 0 ? 3 : 5);
			assert_int_equal(seen[i].col, 1);
		} else if (seen[i].severity == SEV_INFO)
			infos++;
	for (i = 0; i < nseen_projects; i++)
		infos -= (size_t)seen_projects[i].counts.infos;
	assert_int_equal(infos, 0);
	assert_int_equal(seen_totals.infos,
	    (int)(seen_count(RULE_PB010) + seen_count(RULE_PB310)));
	/* Off, it is not reported, and the rules stay skipped. */
	s.severity[RULE_PB010] = SEV_OFF;
	capture(&s, it, 4);
	assert_int_equal(seen_count(RULE_PB010), 0);
	assert_int_equal(seen_count(RULE_PB309), 2);
	settings_free(&s);
}

/* No money fields: no PB105 (empty budget) nor PB107 (sum). */
static void
test_money_absent(void **state)
{
	const struct item it[] = { { "a.docx", 2, NULL, 3, no_money } };
	struct settings s;

	(void)state;
	settings_init(&s);
	capture(&s, it, 1);
	assert_int_equal(seen_count(RULE_PB105), 0);
	assert_int_equal(seen_count(RULE_PB107), 0);
	assert_int_equal(seen_count(RULE_PB010), 3);
	pb010("预算数");
	pb010("财政资金");
	pb010("其他资金");
	settings_free(&s);
}

/* Without codes PB005 compares names (label matching): the same name in
 * two files of a batch is a duplicate, at the later project's name. A
 * coded project is not compared with one without a code. */
static void
test_pb005_by_name(void **state)
{
	const struct item it[] = { { "a.docx", 2, NULL, 3, no_code },
	    { "b.docx", 6, " 辐射环境监测 工作经费", 3, no_code },
	    { "c.docx", 2, NULL, 3, none } };
	const struct item coded[] = { it[2],
	    { "d.docx", 3, "另一项目", 3, none } };
	const struct seen_finding *f = NULL;
	struct settings s;
	size_t i;

	(void)state;
	settings_init(&s);
	s.lang = LANG_EN;
	capture(&s, it, 3);
	assert_int_equal(seen_count(RULE_PB005), 1);
	for (i = 0; i < nseen; i++)
		if (seen[i].rule == RULE_PB005)
			f = &seen[i];
	assert_string_equal(f->file, "b.docx");
	assert_int_equal(f->line, 6);
	assert_int_equal(f->col, FIELD_NAME + 1);
	assert_string_equal(f->field, "项目名称");
	expect_in_message(f, "the name already appears in a.docx", "PB005");
	/* With codes, the code as before; the name is not compared. */
	capture(&s, coded, 2);
	assert_int_equal(seen_count(RULE_PB005), 1);
	for (i = 0; i < nseen; i++)
		if (seen[i].rule == RULE_PB005)
			f = &seen[i];
	assert_string_equal(f->file, "d.docx");
	expect_in_message(f, "the code already appears in c.docx", "PB005");
	settings_free(&s);
}

/* Without codes a project without indicators (PB109) is reported at its
 * name, on its own row, not at line 1. */
static void
test_project_finding_at_name(void **state)
{
	const struct item it[] = { { "a.docx", 7, NULL, 0, no_code } };
	struct settings s;

	(void)state;
	settings_init(&s);
	capture(&s, it, 1);
	assert_int_equal(seen_count(RULE_PB109), 1);
	expect_in_message(&seen[nseen - 1], NAME, "PB109");
	expect_findings("PB109 at the name", false,
	    "PB010@7:1 PB109@7:2");
	settings_free(&s);
}

/* JSON: a field the layout lacks is null (code, purpose, the plan as a
 * whole, description, basis, money), and findings name the project. */
static void
test_json_null(void **state)
{
	const struct item it[] = { { "n.docx", 3, NULL, 3, national } };
	const struct item money[] = { { "m.docx", 3, NULL, 1, no_money } };
	struct settings s;
	char *out;

	(void)state;
	settings_init(&s);
	out = render("json", &s, it, 1);
	expect_text(out, "\"code\": null, \"name\": \"" NAME "\"", "json");
	expect_text(out, "\"purpose\": null", "json");
	expect_text(out, "\"plan\": null", "json");
	expect_text(out, "\"description\": null, \"basis\": null", "json");
	expect_text(out, "\"budget\": 15, \"fiscal\": 10, \"other\": 5",
	    "json");
	expect_text(out, "\"project\": \"" NAME "\"", "json");
	expect_no_text(out, "\"project\": \"\"", "json");
	free(out);
	out = render("json", &s, money, 1);
	expect_text(out, "\"budget\": null, \"fiscal\": null, \"other\": null",
	    "json money");
	expect_text(out, "\"code\": \"571-0101-YBN-NFOY\"", "json money");
	expect_text(out, "\"plan\": [25, 50, 75, 100]", "json money");
	expect_text(out, "\"description\": \"\", \"basis\": \"\"",
	    "json money");
	free(out);
	settings_free(&s);
}

/* SARIF and JUnit: the project goes by its name; nothing else changes. */
static void
test_sarif_junit_name(void **state)
{
	const struct item it[] = { { "n.docx", 3, NULL, 3, national } };
	struct settings s;
	char *out;

	(void)state;
	settings_init(&s);
	s.fail_on = SEV_INFO;
	out = render("sarif", &s, it, 1);
	expect_text(out, "\"properties\": {\"project\": \"" NAME "\"",
	    "sarif");
	expect_no_text(out, "\"project\": \"\"", "sarif");
	free(out);
	out = render("junit", &s, it, 1);
	expect_text(out, "name=\"" NAME "\"", "junit");
	expect_no_text(out, "name=\"- ", "junit");
	free(out);
	settings_free(&s);
}

/* Text: a table where no project has a code drops the code column; in a
 * mixed run a code-less project shows "-" beside its name. */
static void
test_text_table(void **state)
{
	const struct item all[] = { { "n.docx", 3, NULL, 3, national } };
	const struct item mixed[] = { { "a.docx", 3, "大气污染防治", 3, none },
	    { "n.docx", 3, NULL, 3, national } };
	struct settings s;
	char *out;

	(void)state;
	settings_init(&s);
	s.lang = LANG_EN;
	out = render("text", &s, all, 1);
	expect_text(out, "\nname ", "text header");
	expect_no_text(out, "\ncode ", "text header");
	expect_text(out, "\n" NAME "  ", "text row");
	expect_text(out, "project " NAME ":", "text message");
	free(out);
	out = render("text", &s, mixed, 2);
	expect_text(out, "\ncode  ", "mixed header");
	expect_text(out, "\n-                  " NAME, "mixed row");
	free(out);
	settings_free(&s);
}

/* Canonical CSV cannot say "absent": the cells are written empty. */
static void
test_csv_empty_cells(void **state)
{
	const struct item it[] = { { "n.docx", 3, NULL, 1, national } };
	struct settings s;
	char *out;

	(void)state;
	settings_init(&s);
	out = render("csv", &s, it, 1);
	expect_text(out, "\n," NAME ",15,10,5,,,,,,完成监测任务,产出指标,"
	    "数量指标,监测点位数,,=4个,\n", "csv");
	free(out);
	settings_free(&s);
}

/* One table: every rule PB010 names has a check to skip, and --explain
 * PB010 lists each entry's rules as the message does. */
static void
test_table_and_explain(void **state)
{
	const struct absent_field *a;
	size_t n, i, k;
	enum lang lang;
	char *list;

	(void)state;
	a = check_absent_fields(&n);
	assert_true(n >= 6);
	for (i = 0; i < n; i++) {
		assert_true(a[i].nskip > 0 && a[i].nskip <= NELEM(a[i].skip));
		for (k = 0; k < a[i].nskip; k++)
			assert_non_null(rule_get(a[i].skip[k])->check);
		for (lang = LANG_EN; lang <= LANG_ZH; lang++) {
			list = check_absent_rules(&a[i], lang);
			if (strstr(rule_get(RULE_PB010)->explain[lang],
			    list) == NULL)
				fail_msg("PB010's explanation lacks \"%s\"",
				    list);
			free(list);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_fires_when_present),
		cmocka_unit_test(test_code_absent),
		cmocka_unit_test(test_pb010_messages),
		cmocka_unit_test(test_purpose_and_plan_absent),
		cmocka_unit_test(test_indicator_columns_absent),
		cmocka_unit_test(test_pb010_once_per_file),
		cmocka_unit_test(test_money_absent),
		cmocka_unit_test(test_pb005_by_name),
		cmocka_unit_test(test_project_finding_at_name),
		cmocka_unit_test(test_json_null),
		cmocka_unit_test(test_sarif_junit_name),
		cmocka_unit_test(test_text_table),
		cmocka_unit_test(test_csv_empty_cells),
		cmocka_unit_test(test_table_and_explain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
