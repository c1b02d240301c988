/* Unit tests for the form recogniser (SPEC 2.2, 2.3) in form.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "model.h"
#include "read.h"
#include "rules.h"
#include "util.h"

#include "support.h"

/* What form_read returned in the last read_grid(). */
static int returned;

/* The grid a test builds; freed by the teardown. */
static struct form_grid grid;

static int
setup(void **state)
{
	memset(&grid, 0, sizeof(grid));
	returned = 0;
	return rec_setup(state);
}

static int
teardown(void **state)
{
	form_grid_free(&grid);
	return rec_teardown(state);
}

/* Runs the recogniser on the grid built so far. */
static void
read_grid(void)
{
	rec_clear(&rec);
	returned = form_read("t.docx", &grid, &rec_sink);
}

/* Grid building. A cell is located at its row's line and its cell number. */

static const char MERGED[] = "(merged)";

static struct loc
at(int line, int col, int table)
{
	struct loc l = { line, col, table };

	return l;
}

/* Adds a cell at grid column col (-1: after the last) spanning span. */
static void
cell(struct form_row *r, const char *text, int col, int span)
{
	struct loc loc = at(r->line, (int)r->ncells + 1, r->table);

	if (text == MERGED)
		form_add_cell(r, "", col, span, true, loc);
	else
		form_add_cell(r, text, col, span, false, loc);
}

/* Adds a table row of single-column cells; MERGED marks a continuation. */
static void
row(int table, int line, ...)
{
	struct form_row *r = form_add_row(&grid, table, line);
	const char *t;
	va_list ap;

	va_start(ap, line);
	while ((t = va_arg(ap, const char *)) != NULL)
		cell(r, t, -1, 1);
	va_end(ap);
}

/* Adds a paragraph between tables. */
static void
para(int line, const char *text)
{
	struct form_row *r = form_add_row(&grid, 0, line);

	cell(r, text, 0, 1);
}

/*
 * The project rows of a complete table at lines line … line+6: seven grid
 * columns, value cells spanning several of them, the 预算规模及资金用途
 * and 资金支出计划 labels merged over the row below and 绩效目标 over the
 * second goal row.
 */
static void
project_rows(int table, int line, const char *code, const char *name)
{
	struct form_row *r;

	r = form_add_row(&grid, table, line);
	cell(r, "项目编码", 0, 1);
	cell(r, code, 1, 2);
	cell(r, "项目名称", 3, 1);
	cell(r, name, 4, 3);
	row(table, line + 1, "预算规模及资金用途", "预算数", "10",
	    "其中：财政资金", "8", "其他资金", "2", NULL);
	r = form_add_row(&grid, table, line + 2);
	cell(r, MERGED, 0, 1);
	cell(r, "用途", 1, 6);
	r = form_add_row(&grid, table, line + 3);
	cell(r, "资金支出计划（%）", 0, 1);
	cell(r, "3月底", 1, 1);
	cell(r, "6月底", 2, 1);
	cell(r, "10月底", 3, 1);
	cell(r, "12月底", 4, 3);
	r = form_add_row(&grid, table, line + 4);
	cell(r, MERGED, 0, 1);
	cell(r, "25", 1, 1);
	cell(r, "50", 2, 1);
	cell(r, "75", 3, 1);
	cell(r, "100", 4, 3);
	r = form_add_row(&grid, table, line + 5);
	cell(r, "绩效目标", 0, 1);
	cell(r, "目标1", 1, 1);
	cell(r, "目标甲", 2, 5);
	r = form_add_row(&grid, table, line + 6);
	cell(r, MERGED, 0, 1);
	cell(r, "目标2", 1, 1);
	cell(r, "目标乙", 2, 5);
}

/* The row of the fund use under 预算规模及资金用途: one cell over six columns. */
static void
r_use(int table, int line)
{
	struct form_row *r = form_add_row(&grid, table, line);

	cell(r, MERGED, 0, 1);
	cell(r, "用途", 1, 6);
}

/* The indicator header at line, 指标值确定依据 spanning two columns. */
static void
header_row(int table, int line)
{
	struct form_row *r = form_add_row(&grid, table, line);

	cell(r, "一级指标", 0, 1);
	cell(r, "二级指标", 1, 1);
	cell(r, "三级指标", 2, 1);
	cell(r, "绩效指标描述", 3, 1);
	cell(r, "指标值", 4, 1);
	cell(r, "指标值确定依据", 5, 2);
}

/* An indicator row under header_row(); level1 may be MERGED. */
static void
indicator_row(int table, int line, const char *level1, const char *level2,
    const char *level3, const char *value)
{
	struct form_row *r = form_add_row(&grid, table, line);

	cell(r, level1, 0, 1);
	cell(r, level2, 1, 1);
	cell(r, level3, 2, 1);
	cell(r, level3, 3, 1);
	cell(r, value, 4, 1);
	cell(r, "工作计划", 5, 2);
}

/* A complete table at lines line … line+9 with two indicators. */
static void
basic_table(int table, int line, const char *code, const char *name)
{
	project_rows(table, line, code, name);
	header_row(table, line + 7);
	indicator_row(table, line + 8, "产出指标", "数量指标", "完成数量",
	    "=1次");
	indicator_row(table, line + 9, MERGED, "质量指标", "合格率",
	    "=100%");
}

/* Assertions. */

/* Asserts that the project fields of p are those of project_rows(). */
static void
assert_project_fields(const struct rec_project *p, const char *code,
    const char *name)
{
	static const char *plan[PLAN_POINTS] = { "25", "50", "75", "100" };
	int k;

	assert_string_equal(p->file, "t.docx");
	assert_string_equal(p->text[FIELD_CODE], code);
	assert_string_equal(p->text[FIELD_NAME], name);
	assert_string_equal(p->text[FIELD_BUDGET], "10");
	assert_string_equal(p->text[FIELD_FISCAL], "8");
	assert_string_equal(p->text[FIELD_OTHER], "2");
	assert_string_equal(p->text[FIELD_PURPOSE], "用途");
	for (k = 0; k < PLAN_POINTS; k++)
		assert_string_equal(p->text[FIELD_PLAN_MAR + k], plan[k]);
	assert_int_equal(p->ngoals, 2);
	assert_int_equal(p->goal[0].number, 1);
	assert_string_equal(p->goal[0].text, "目标甲");
	assert_int_equal(p->goal[1].number, 2);
	assert_string_equal(p->goal[1].text, "目标乙");
}

/* Asserts that indicator i of project p is the row given. */
static void
assert_indicator(size_t p, size_t i, const char *level1, const char *level2,
    const char *level3, const char *value, const char *basis)
{
	assert_string_equal(ind_text(p, i, FIELD_LEVEL1), level1);
	assert_string_equal(ind_text(p, i, FIELD_LEVEL2), level2);
	assert_string_equal(ind_text(p, i, FIELD_LEVEL3), level3);
	assert_string_equal(ind_text(p, i, FIELD_DESCRIPTION), level3);
	assert_string_equal(ind_text(p, i, FIELD_VALUE), value);
	assert_string_equal(ind_text(p, i, FIELD_BASIS), basis);
}

/* The tests. */

/* A cell added at column -1 starts right after the last cell's span. */
static void
test_form_add_cell_after_last(void **state)
{
	struct form_row *r;
	struct form_cell *c;

	(void)state;
	r = form_add_row(&grid, 3, 7);
	assert_int_equal(r->table, 3);
	assert_int_equal(r->line, 7);
	assert_int_equal(r->ncells, 0);
	c = form_add_cell(r, "a", -1, 2, false, at(7, 1, 3));
	assert_int_equal(c->col, 0);
	c = form_add_cell(r, NULL, -1, 0, true, at(7, 2, 3));
	assert_int_equal(c->col, 2);
	assert_int_equal(c->span, 1);
	assert_string_equal(c->text, "");
	assert_true(c->merged);
	c = form_add_cell(r, "c", -1, 1, false, at(7, 3, 3));
	assert_int_equal(c->col, 3);
	c = form_add_cell(r, "d", 9, 1, false, at(7, 4, 3));
	assert_int_equal(c->col, 9);
	assert_int_equal(r->ncells, 4);
	assert_string_equal(r->cells[0].text, "a");
	assert_loc(r->cells[3].loc, 7, 4, 3);
}

/* Labels, titles and other texts are told apart after label folding. */
static void
test_form_classify_texts(void **state)
{
	static const struct {
		const char	*text;
		enum form_text	 want;
	} cases[] = {
		{ "项目编码", FORM_TEXT_LABEL },
		{ "项 目\n编码", FORM_TEXT_LABEL },
		{ "项目编码：", FORM_TEXT_LABEL },
		{ "项目名称", FORM_TEXT_LABEL },
		{ "预算规模及资金用途", FORM_TEXT_LABEL },
		{ "预算数    ", FORM_TEXT_LABEL },
		{ "其中：财政资金", FORM_TEXT_LABEL },
		{ "其他资金", FORM_TEXT_LABEL },
		{ "资金支出计划（%）", FORM_TEXT_LABEL },
		{ "３月底", FORM_TEXT_LABEL },
		{ "12月底", FORM_TEXT_LABEL },
		{ "绩效目标", FORM_TEXT_LABEL },
		{ "目标1", FORM_TEXT_LABEL },
		{ "目标１２", FORM_TEXT_LABEL },
		{ "一级\n指标", FORM_TEXT_LABEL },
		{ "指标值确定依据", FORM_TEXT_LABEL },
		{ "1.  辐射环境监测工作经费项目绩效目标表", FORM_TEXT_TITLE },
		{ "目标", FORM_TEXT_OTHER },
		{ "目标0", FORM_TEXT_OTHER },
		{ "目标1a", FORM_TEXT_OTHER },
		{ "产出指标", FORM_TEXT_OTHER },
		{ "571-0101-YBN-NFOY", FORM_TEXT_OTHER },
		{ "", FORM_TEXT_OTHER },
		{ "第二部分", FORM_TEXT_OTHER },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		if (form_classify(cases[i].text) != cases[i].want)
			fail_msg("form_classify(\"%s\") = %d, want %d",
			    cases[i].text, form_classify(cases[i].text),
			    cases[i].want);
	}
}

/* A minimal complete table gives one project with every field right. */
static void
test_form_read_minimal_fields(void **state)
{
	const struct rec_project *p;

	(void)state;
	basic_table(1, 10, "571-0101-YBN-NFOY", "辐射环境监测工作经费");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(returned, 1);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_project_fields(p, "571-0101-YBN-NFOY", "辐射环境监测工作经费");
	assert_int_equal(p->table, 1);
	assert_int_equal(p->nind, 2);
	assert_indicator(0, 0, "产出指标", "数量指标", "完成数量", "=1次",
	    "工作计划");
	assert_indicator(0, 1, "产出指标", "质量指标", "合格率", "=100%",
	    "工作计划");
	assert_int_equal(p->ind[0].level1, LEVEL1_OUTPUT);
	assert_int_equal(p->ind[1].level2, LEVEL2_QUALITY);
}

/* Project and indicator fields point at the cells they were read from. */
static void
test_form_read_minimal_locations(void **state)
{
	const struct rec_project *p;
	size_t i;
	int k;

	(void)state;
	basic_table(2, 10, "C1", "名称");
	read_grid();
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->line, 10);
	assert_loc(p->loc[FIELD_CODE], 10, 2, 2);
	assert_loc(p->loc[FIELD_NAME], 10, 4, 2);
	assert_loc(p->loc[FIELD_BUDGET], 11, 3, 2);
	assert_loc(p->loc[FIELD_FISCAL], 11, 5, 2);
	assert_loc(p->loc[FIELD_OTHER], 11, 7, 2);
	assert_loc(p->loc[FIELD_PURPOSE], 12, 2, 2);
	for (k = 0; k < PLAN_POINTS; k++)
		assert_loc(p->loc[FIELD_PLAN_MAR + k], 14, k + 2, 2);
	assert_loc(p->goal[0].loc, 15, 3, 2);
	assert_loc(p->goal[1].loc, 16, 3, 2);
	/* Project-level indicator findings point at the header cells. */
	for (k = 0; k < INDICATOR_FIELDS; k++)
		assert_loc(p->loc[FIELD_LEVEL1 + k], 17, k + 1, 2);
	for (i = 0; i < p->nind; i++) {
		assert_int_equal(p->ind[i].line, 18 + (int)i);
		for (k = 0; k < INDICATOR_FIELDS; k++)
			assert_loc(p->ind[i].loc[k], 18 + (int)i, k + 1, 2);
	}
}

/* Labels match without white space, line breaks, full width or a colon. */
static void
test_form_read_label_variants(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项 目\n编码", "C1", " 项目名称：", "名称", NULL);
	row(1, 2, "预算规模\n及资金用途", "预算数 ", "10", "其中：财政资金",
	    "8", "其他资金：", "2", NULL);
	row(1, 3, MERGED, "用途", NULL);
	row(1, 4, "资金支出计划（%）", "３月底", "6 月底", "10月底\n",
	    "１２月底", NULL);
	row(1, 5, MERGED, "25", "50", "75", "100", NULL);
	row(1, 6, "绩效\n目标", "目标１", "目标甲", NULL);
	row(1, 7, MERGED, "目标 2", "目标乙", NULL);
	row(1, 8, "一级\n指标", "二级指标\u3000", "三 级 指 标",
	    "绩效指标\n描述", "指标值", "指标值确定依据", NULL);
	row(1, 9, "产出指标", "数量指标", "完成数量", "完成数量", "=1次",
	    "工作计划", NULL);
	row(1, 10, MERGED, "质量指标", "合格率", "合格率", "=100%", "工作计划",
	    NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_project_fields(p, "C1", "名称");
	assert_int_equal(p->nind, 2);
	assert_indicator(0, 0, "产出指标", "数量指标", "完成数量", "=1次",
	    "工作计划");
	assert_indicator(0, 1, "产出指标", "质量指标", "合格率", "=100%",
	    "工作计划");
}

/*
 * A value spanning two columns is read; a milestone label spanning two
 * columns finds the value under it, as does an indicator under a wide
 * header cell; an indicator cell spanning two header columns is read for both.
 */
static void
test_form_read_spans(void **state)
{
	const struct rec_project *p;
	struct form_row *r;

	(void)state;
	r = form_add_row(&grid, 1, 1);
	cell(r, "项目编码", 0, 2);
	cell(r, "C1", 2, 2);
	cell(r, "项目名称", 4, 1);
	cell(r, "名称", 5, 4);
	r = form_add_row(&grid, 1, 2);
	cell(r, "资金支出计划（%）", 0, 2);
	cell(r, "3月底", 2, 2);
	cell(r, "6月底", 4, 2);
	cell(r, "10月底", 6, 1);
	cell(r, "12月底", 7, 2);
	r = form_add_row(&grid, 1, 3);
	cell(r, MERGED, 0, 2);
	cell(r, "25", 2, 2);
	cell(r, "50", 4, 1);	/* narrower than its label */
	cell(r, "", 5, 1);
	cell(r, "75", 6, 1);
	cell(r, "100", 7, 2);
	r = form_add_row(&grid, 1, 4);
	cell(r, "一级指标", 0, 2);
	cell(r, "二级指标", 2, 1);
	cell(r, "三级指标", 3, 1);
	cell(r, "绩效指标描述", 4, 2);
	cell(r, "指标值", 6, 1);
	cell(r, "指标值确定依据", 7, 2);
	r = form_add_row(&grid, 1, 5);
	cell(r, "产出指标", 0, 2);
	cell(r, "数量指标", 2, 1);
	cell(r, "完成数量", 3, 1);
	cell(r, "描述", 4, 2);
	cell(r, "=1次", 6, 1);
	cell(r, "工作计划", 7, 2);
	/* 三级指标 and 绩效指标描述 merged across: both read the one cell. */
	r = form_add_row(&grid, 1, 6);
	cell(r, MERGED, 0, 2);
	cell(r, "质量指标", 2, 1);
	cell(r, "合格率", 3, 3);
	cell(r, "=100%", 6, 1);
	cell(r, "行业标准", 7, 2);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_CODE], "C1");
	assert_loc(p->loc[FIELD_CODE], 1, 2, 1);
	assert_string_equal(p->text[FIELD_NAME], "名称");
	assert_string_equal(p->text[FIELD_PLAN_MAR], "25");
	assert_loc(p->loc[FIELD_PLAN_MAR], 3, 2, 1);
	assert_string_equal(p->text[FIELD_PLAN_JUN], "50");
	assert_loc(p->loc[FIELD_PLAN_JUN], 3, 3, 1);
	assert_string_equal(p->text[FIELD_PLAN_OCT], "75");
	assert_loc(p->loc[FIELD_PLAN_OCT], 3, 5, 1);
	assert_string_equal(p->text[FIELD_PLAN_DEC], "100");
	assert_loc(p->loc[FIELD_PLAN_DEC], 3, 6, 1);
	assert_int_equal(p->nind, 2);
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL1), "产出指标");
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL2), "数量指标");
	assert_string_equal(ind_text(0, 0, FIELD_DESCRIPTION), "描述");
	assert_string_equal(ind_text(0, 0, FIELD_VALUE), "=1次");
	assert_string_equal(ind_text(0, 0, FIELD_BASIS), "工作计划");
	assert_loc(p->ind[0].loc[IND(FIELD_BASIS)], 5, 6, 1);
	assert_indicator(0, 1, "产出指标", "质量指标", "合格率", "=100%",
	    "行业标准");
	assert_loc(p->ind[1].loc[IND(FIELD_LEVEL3)], 6, 3, 1);
	assert_loc(p->ind[1].loc[IND(FIELD_DESCRIPTION)], 6, 3, 1);
}

/* A 一级指标 merged over three rows is filled down into each of them. */
static void
test_form_read_level1_merged_filled_down(void **state)
{
	const struct rec_project *p;
	size_t i;

	(void)state;
	project_rows(1, 1, "C1", "名称");
	header_row(1, 8);
	indicator_row(1, 9, "产出\n指标", "数量指标", "完成数量", "=1次");
	indicator_row(1, 10, MERGED, "质量指标", "合格率", "=100%");
	indicator_row(1, 11, MERGED, "时效指标", "及时率", "=100%");
	indicator_row(1, 12, "满意度指标", "服务对象满意度指标", "满意度",
	    ">=90%");
	read_grid();
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->nind, 4);
	for (i = 0; i < 3; i++) {
		assert_string_equal(ind_text(0, i, FIELD_LEVEL1), "产出\n指标");
		assert_int_equal(p->ind[i].level1, LEVEL1_OUTPUT);
		/* The merged cell is still where its findings point. */
		assert_loc(p->ind[i].loc[IND(FIELD_LEVEL1)], 9 + (int)i, 1, 1);
	}
	assert_string_equal(ind_text(0, 2, FIELD_LEVEL2), "时效指标");
	assert_string_equal(ind_text(0, 3, FIELD_LEVEL1), "满意度指标");
	assert_int_equal(p->ind[3].level1, LEVEL1_SATISFACTION);
}

/*
 * The fund use is the first text on the row under the budget figures,
 * past the 预算规模及资金用途 label merged over it and blank cells.
 */
static void
test_form_read_purpose_under_merged_label(void **state)
{
	const struct rec_project *p;
	struct form_row *r;

	(void)state;
	row(1, 1, "项目编码", "C1", "项目名称", "名称", NULL);
	row(1, 2, "预算规模及资金用途", "预算数", "10", "其中：财政资金", "10",
	    "其他资金", "", NULL);
	r = form_add_row(&grid, 1, 3);
	cell(r, MERGED, 0, 1);
	cell(r, "", 1, 1);
	cell(r, MERGED, 2, 1);
	cell(r, "  完成监督性监测\n和应急演练  ", 3, 4);
	row(1, 4, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
	    "指标值确定依据", NULL);
	row(1, 5, "产出指标", "数量指标", "完成数量", "完成数量", "=1次",
	    "工作计划", NULL);
	read_grid();
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_PURPOSE],
	    "完成监督性监测\n和应急演练");
	assert_loc(p->loc[FIELD_PURPOSE], 3, 4, 1);
	/* A blank 其他资金 is "" and points at its empty cell. */
	assert_string_equal(p->text[FIELD_OTHER], "");
	assert_loc(p->loc[FIELD_OTHER], 2, 7, 1);
	assert_string_equal(p->text[FIELD_FISCAL], "10");
	/* No 资金支出计划 row: blank milestones, no goals. */
	assert_string_equal(p->text[FIELD_PLAN_MAR], "");
	assert_int_equal(p->ngoals, 0);
}

/* A blank milestone cell is "" located at that cell; values are trimmed. */
static void
test_form_read_blank_milestone(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目编码", "C1", "项目名称", "名称", NULL);
	row(1, 2, "资金支出计划（%）", "3月底", "6月底", "10月底", "12月底",
	    NULL);
	row(1, 3, "", "", "  ", " 75 ", "100", NULL);
	row(1, 4, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
	    "指标值确定依据", NULL);
	row(1, 5, "产出指标", "数量指标", "完成数量", "完成数量", "=1次",
	    "工作计划", NULL);
	read_grid();
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_PLAN_MAR], "");
	assert_loc(p->loc[FIELD_PLAN_MAR], 3, 2, 1);
	assert_string_equal(p->text[FIELD_PLAN_JUN], "");
	assert_loc(p->loc[FIELD_PLAN_JUN], 3, 3, 1);
	assert_string_equal(p->text[FIELD_PLAN_OCT], "75");
	assert_string_equal(p->text[FIELD_PLAN_DEC], "100");
	assert_loc(p->loc[FIELD_PLAN_DEC], 3, 5, 1);
}

/*
 * Empty cells around values and past the header's columns, and blank rows
 * (the all-blank row after the header, rows between indicators, before
 * the code row, at the end) are ignored.
 */
static void
test_form_read_blank_rows_and_cells(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "", "", "", NULL);
	row(1, 2, "项目编码", "", "C1", "", "项目名称", " ", "名称", "", "",
	    NULL);
	row(1, 3, "", NULL);
	row(1, 4, "绩效目标", "目标1", "", "目标甲", "", NULL);
	row(1, 5, "", "", "", "", "", "", "", NULL);
	row(1, 6, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
	    "指标值确定依据", "", NULL);
	row(1, 7, "", "", "", "", "", "", NULL);
	row(1, 8, "产出指标", "数量指标", "完成数量", "完成数量", "=1次",
	    "工作计划", "", "", NULL);
	row(1, 9, MERGED, "", " ", "", "", "", NULL);
	row(1, 10, MERGED, "质量指标", "合格率", "合格率", "=100%", "工作计划",
	    NULL);
	row(1, 11, "", "", NULL);
	row(1, 12, NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->line, 2);
	assert_string_equal(p->text[FIELD_CODE], "C1");
	assert_loc(p->loc[FIELD_CODE], 2, 3, 1);
	assert_string_equal(p->text[FIELD_NAME], "名称");
	assert_loc(p->loc[FIELD_NAME], 2, 7, 1);
	assert_int_equal(p->ngoals, 1);
	assert_string_equal(p->goal[0].text, "目标甲");
	assert_loc(p->goal[0].loc, 4, 4, 1);
	assert_int_equal(p->nind, 2);
	assert_int_equal(p->ind[0].line, 8);
	assert_int_equal(p->ind[1].line, 10);
	assert_indicator(0, 1, "产出指标", "质量指标", "合格率", "=100%",
	    "工作计划");
}

/* Goals 目标1 … 目标3 are kept in order, a blank 目标3 as "" at its cell. */
static void
test_form_read_goals_blank_third(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目编码", "C1", "项目名称", "名称", NULL);
	row(1, 2, "绩效目标", "目标1", " 目标甲 ", NULL);
	row(1, 3, MERGED, "目标2", "目标乙", NULL);
	row(1, 4, MERGED, "目标3", "", NULL);
	row(1, 5, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
	    "指标值确定依据", NULL);
	row(1, 6, "产出指标", "数量指标", "完成数量", "完成数量", "=1次",
	    "工作计划", NULL);
	read_grid();
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->ngoals, 3);
	assert_int_equal(p->goal[0].number, 1);
	assert_string_equal(p->goal[0].text, "目标甲");
	assert_loc(p->goal[0].loc, 2, 3, 1);
	assert_int_equal(p->goal[1].number, 2);
	assert_string_equal(p->goal[1].text, "目标乙");
	assert_int_equal(p->goal[2].number, 3);
	assert_string_equal(p->goal[2].text, "");
	assert_loc(p->goal[2].loc, 4, 3, 1);
}

/* A title, and prose naming a label, before a table are not tables. */
static void
test_form_read_title_before_table(void **state)
{
	const struct rec_project *p;

	(void)state;
	para(1, "第二部分");
	para(2, "项目编码见下表");
	para(3, "1.  辐射环境监测工作经费项目绩效目标表");
	basic_table(1, 4, "C1", "名称");
	para(14, "");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->line, 4);
	assert_int_equal(p->table, 1);
	assert_project_fields(p, "C1", "名称");
	assert_int_equal(p->nind, 2);
}

/* Two tables with no paragraph between them are two projects. */
static void
test_form_read_tables_back_to_back(void **state)
{
	(void)state;
	basic_table(1, 1, "C1", "甲");
	basic_table(2, 11, "C2", "乙");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(returned, 2);
	assert_int_equal(rec.nprojects, 2);
	assert_project_fields(project(0), "C1", "甲");
	assert_int_equal(project(0)->table, 1);
	assert_int_equal(project(0)->nind, 2);
	assert_project_fields(project(1), "C2", "乙");
	assert_int_equal(project(1)->table, 2);
	assert_int_equal(project(1)->line, 11);
	assert_int_equal(project(1)->nind, 2);
	assert_loc(project(1)->loc[FIELD_CODE], 11, 2, 2);
}

/* A second 项目编码 row in the same table starts a second project. */
static void
test_form_read_two_projects_one_table(void **state)
{
	(void)state;
	basic_table(1, 1, "C1", "甲");
	basic_table(1, 11, "C2", "乙");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	assert_project_fields(project(0), "C1", "甲");
	assert_int_equal(project(0)->nind, 2);
	assert_int_equal(project(0)->ind[1].line, 10);
	assert_project_fields(project(1), "C2", "乙");
	assert_int_equal(project(1)->table, 1);
	assert_int_equal(project(1)->line, 11);
	assert_int_equal(project(1)->nind, 2);
}

/*
 * A table without 项目编码 is read, anchored on its title and name (SPEC
 * 2.2; it was refused with PB001 before): its code, fund use, plan and
 * description are absent, not blank; the next table is read as well.
 */
static void
test_form_read_no_code_read(void **state)
{
	const struct rec_project *p;

	(void)state;
	para(1, "1. 甲项目绩效目标表");
	row(1, 2, "项目名称", "甲", NULL);
	row(1, 3, "一级指标", "二级指标", "三级指标", "指标值",
	    "指标值确定依据", NULL);
	row(1, 4, "产出指标", "数量指标", "完成数量", "=1次", "工作计划",
	    NULL);
	basic_table(2, 5, "C2", "乙");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	p = project(0);
	assert_string_equal(p->text[FIELD_NAME], "甲");
	assert_string_equal(p->text[FIELD_CODE], "");
	assert_true(p->absent[FIELD_CODE]);
	assert_true(p->absent[FIELD_PURPOSE]);
	assert_true(p->absent[FIELD_PLAN_MAR]);
	assert_true(p->absent[FIELD_PLAN_DEC]);
	assert_true(p->absent[FIELD_DESCRIPTION]);
	assert_false(p->absent[FIELD_BASIS]);
	assert_false(p->absent[FIELD_NAME]);
	assert_int_equal(p->line, 2);
	assert_int_equal(p->nind, 1);
	assert_string_equal(ind_text(0, 0, FIELD_VALUE), "=1次");
	assert_string_equal(ind_text(0, 0, FIELD_BASIS), "工作计划");
	assert_project_fields(project(1), "C2", "乙");
	assert_int_equal(project(1)->table, 2);
}

/* A title names the table even with a note paragraph between them. */
static void
test_form_read_title_before_note(void **state)
{
	(void)state;
	para(1, "3. 丙项目绩效目标表");
	para(2, "单位：万元");
	para(3, "");
	row(4, 4, "项目名称", "丙", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 1);
	assert_int_equal(rec.diag[0].rule, RULE_PB001);
	assert_non_null(strstr(rec.diag[0].a, "table 4 '3. 丙项目绩效目标表'"));
	assert_non_null(strstr(rec.diag[0].a_zh, "表4“3. 丙项目绩效目标表”"));

	/* Without a title, the number alone. */
	form_grid_free(&grid);
	row(2, 1, "项目名称", "丙", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 1);
	assert_non_null(strstr(rec.diag[0].a, "table 2 has"));
	assert_non_null(strstr(rec.diag[0].a_zh, "表2缺少"));
}

/* A table with 项目编码 but no indicator header is PB001 and not delivered. */
static void
test_form_read_no_header_reported(void **state)
{
	const struct rec_diag *d;

	(void)state;
	para(1, "1. 甲项目绩效目标表");
	project_rows(1, 2, "C1", "甲");
	row(1, 9, "产出指标", "数量指标", "完成数量", "完成数量", "=1次",
	    "工作计划", NULL);
	para(10, "2. 乙项目绩效目标表");
	basic_table(2, 11, "C2", "乙");
	read_grid();
	assert_int_equal(rec.ndiags, 1);
	d = &rec.diag[0];
	assert_int_equal(d->rule, RULE_PB001);
	assert_loc(d->loc, 2, 1, 1);
	assert_non_null(d->a);
	assert_non_null(strstr(d->a, "甲项目绩效目标表"));
	assert_non_null(strstr(d->a, "一级指标"));
	assert_non_null(strstr(d->a_zh, "表1"));
	assert_false(d->in_project);
	assert_int_equal(returned, 1);
	assert_int_equal(rec.nprojects, 1);
	assert_string_equal(project(0)->text[FIELD_CODE], "C2");
}

/* A table without any form label (a signature table) is silently ignored. */
static void
test_form_read_unlabelled_table_ignored(void **state)
{
	(void)state;
	basic_table(1, 1, "C1", "甲");
	para(11, "");
	row(2, 12, "单位负责人：", "张三", "填报人：", "李四", NULL);
	row(2, 13, "联系电话", "0314-0000000", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_int_equal(project(0)->nind, 2);
}

/* Without any project table, one PB001 at line 1, column 1. */
static void
test_form_read_no_table(void **state)
{
	(void)state;
	para(3, "第二部分");
	para(4, "项目编码");
	row(1, 5, "单位负责人", "张三", NULL);
	read_grid();
	assert_int_equal(returned, 0);
	assert_int_equal(rec.nprojects, 0);
	assert_int_equal(rec.ndiags, 1);
	assert_int_equal(rec.diag[0].rule, RULE_PB001);
	assert_loc(rec.diag[0].loc, 1, 1, 0);
	assert_non_null(strstr(rec.diag[0].a, "项目编码"));

	/* An empty grid is the same. */
	form_grid_free(&grid);
	read_grid();
	assert_int_equal(rec_count(&rec, RULE_PB001), 1);
	assert_loc(rec.diag[0].loc, 1, 1, 0);
	assert_int_equal(rec.nprojects, 0);
}

/*
 * Missing optional rows (预算规模, fund use, 资金支出计划, 绩效目标) leave
 * their fields blank and no goals.
 */
static void
test_form_read_missing_optional_rows(void **state)
{
	const struct rec_project *p;
	int f;

	(void)state;
	row(1, 1, "项目编码", "C1", "项目名称", "名称", NULL);
	header_row(1, 2);
	indicator_row(1, 3, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_CODE], "C1");
	for (f = FIELD_BUDGET; f < PROJECT_FIELDS; f++) {
		assert_non_null(p->text[f]);
		assert_string_equal(p->text[f], "");
	}
	assert_int_equal(p->ngoals, 0);
	assert_int_equal(p->nind, 1);
	assert_indicator(0, 0, "产出指标", "数量指标", "完成数量", "=1次",
	    "工作计划");

	/* Budget figures and no fund-use row: the next label is no purpose. */
	form_grid_free(&grid);
	row(1, 1, "项目编码", "C1", "项目名称", "名称", NULL);
	row(1, 2, "预算规模及资金用途", "预算数", "10", "其中：财政资金", "10",
	    NULL);
	row(1, 3, "资金支出计划（%）", "3月底", "6月底", "10月底", "12月底",
	    NULL);
	row(1, 4, "", "25", "50", "75", "100", NULL);
	header_row(1, 5);
	indicator_row(1, 6, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_BUDGET], "10");
	assert_string_equal(p->text[FIELD_PURPOSE], "");
	assert_string_equal(p->text[FIELD_OTHER], "");
	assert_string_equal(p->text[FIELD_PLAN_MAR], "25");
	assert_string_equal(p->text[FIELD_PLAN_DEC], "100");
}

/* Rows of the table above the 项目编码 row (the name first) are the project's. */
static void
test_form_read_rows_above_code(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目名称", "名称", NULL);
	row(1, 2, "项目编码", "C1", NULL);
	header_row(1, 3);
	indicator_row(1, 4, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_NAME], "名称");
	assert_string_equal(p->text[FIELD_CODE], "C1");
	assert_int_equal(p->line, 2);
}

/* Only 财政资金 or 其中…财政资金 is the fiscal label: a name or fund use
 * that ends in 财政资金 is a value. */
static void
test_form_read_fiscal_label_exact(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目编码", "C1", "项目名称", "省级财政资金", NULL);
	row(1, 2, "预算规模及资金用途", "预算数", "10", "其中：财政资金", "10",
	    "其他资金", "", NULL);
	row(1, 3, "", "上级财政资金", NULL);
	header_row(1, 4);
	indicator_row(1, 5, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_NAME], "省级财政资金");
	assert_string_equal(p->text[FIELD_PURPOSE], "上级财政资金");
	assert_string_equal(p->text[FIELD_FISCAL], "10");
}

/* The sample layout has every field: none is absent. */
static void
test_form_read_sample_nothing_absent(void **state)
{
	int f;

	(void)state;
	basic_table(1, 1, "C1", "名称");
	read_grid();
	assert_int_equal(rec.nprojects, 1);
	for (f = 0; f < FIELD_COUNT; f++)
		if (project(0)->absent[f])
			fail_msg("field %d is absent", f);
}

/*
 * Labels drawn differently (SPEC 2.2 label matching): full-width spaces
 * and a slash inside, a unit in brackets, 其中 before a fiscal label.
 */
static void
test_form_read_label_drawings(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项\u3000目／编\u3000码", "C1", "项　目　名　称", "名称", NULL);
	row(1, 2, "预算规模及资金用途", "预算数（万元）", "10",
	    "其中：财政拨款", "8", "其他资金(万元)", "2", NULL);
	row(1, 3, MERGED, "用途", NULL);
	header_row(1, 4);
	indicator_row(1, 5, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_CODE], "C1");
	assert_string_equal(p->text[FIELD_NAME], "名称");
	assert_string_equal(p->text[FIELD_BUDGET], "10");
	assert_string_equal(p->text[FIELD_FISCAL], "8");
	assert_string_equal(p->text[FIELD_OTHER], "2");
	assert_string_equal(p->text[FIELD_PURPOSE], "用途");
	assert_true(p->absent[FIELD_PLAN_MAR]);
}

/* A cell holding a label and its value (项目编码：571-…) gives both. */
static void
test_form_read_inline_label(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目编码：571-0101-YBN-NFOY", "项目名称：辐射监测", NULL);
	row(1, 2, "资金用途: 监测", NULL);
	header_row(1, 3);
	indicator_row(1, 4, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_CODE], "571-0101-YBN-NFOY");
	assert_loc(p->loc[FIELD_CODE], 1, 1, 1);
	assert_string_equal(p->text[FIELD_NAME], "辐射监测");
	assert_string_equal(p->text[FIELD_PURPOSE], "监测");
	assert_false(p->absent[FIELD_CODE]);
	assert_false(p->absent[FIELD_PURPOSE]);
}

/*
 * The national 申报表: 中期 and 年度 halves side by side, in the funds,
 * the goals and the indicator header; the annual half is read. Goals come
 * one per 目标N： line, 三级 cells lose their 指标N： prefix.
 */
static void
test_form_read_national_halves(void **state)
{
	const struct rec_project *p;

	(void)state;
	para(1, "项目支出绩效目标申报表");
	row(1, 2, "项目名称", "监测经费", NULL);
	row(1, 3, "主管部门及代码", "环保局 571", "实施单位", "监测站", NULL);
	row(1, 4, "项目资金（万元）", "中期资金总额：", "30", "年度资金总额：",
	    "15", NULL);
	row(1, 5, MERGED, "其中：财政拨款", "28", "其中：财政拨款", "14",
	    NULL);
	row(1, 6, MERGED, "其他资金", "2", "其他资金", "1", NULL);
	row(1, 7, "总体目标", "中期目标", "年度目标", NULL);
	row(1, 8, MERGED, "目标1：三年甲\n目标2：三年乙",
	    "目标1：今年甲\n目标2：今年乙\n续写", NULL);
	row(1, 9, "绩效指标", "一级指标", "二级指标", "三级指标", "指标值",
	    "二级指标", "三级指标", "指标值", NULL);
	row(1, 10, MERGED, "产出指标", "数量指标", "指标1：中期数", "=3次",
	    "数量指标", "指标1：年度数", "=1次", NULL);
	row(1, 11, MERGED, MERGED, MERGED, "指标2：", "", MERGED, "指标2：",
	    "", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_NAME], "监测经费");
	assert_string_equal(p->text[FIELD_BUDGET], "15");
	assert_string_equal(p->text[FIELD_FISCAL], "14");
	assert_string_equal(p->text[FIELD_OTHER], "1");
	assert_int_equal(p->ngoals, 2);
	assert_int_equal(p->goal[0].number, 1);
	assert_string_equal(p->goal[0].text, "今年甲");
	assert_string_equal(p->goal[1].text, "今年乙\n续写");
	assert_true(p->absent[FIELD_CODE]);
	assert_true(p->absent[FIELD_PURPOSE]);
	assert_true(p->absent[FIELD_PLAN_MAR]);
	assert_true(p->absent[FIELD_DESCRIPTION]);
	assert_true(p->absent[FIELD_BASIS]);
	/* The template row with empty 指标N： cells is no indicator. */
	assert_int_equal(p->nind, 1);
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL1), "产出指标");
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL2), "数量指标");
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL3), "年度数");
	assert_string_equal(ind_text(0, 0, FIELD_VALUE), "=1次");
	assert_loc(p->ind[0].loc[IND(FIELD_VALUE)], 10, 8, 1);
}

/* Goal cells numbered 1. / 2、 / (3), or not at all. */
static void
test_form_read_goal_lines(void **state)
{
	static const struct {
		const char	*cell;
		size_t		 n;
		const char	*goal[3];
	} cases[] = {
		{ "1. 甲\n2、乙\n（3）丙", 3, { "甲", "乙", "丙" } },
		{ "目标1:甲\n\n目标2：乙", 2, { "甲", "乙" } },
		{ "完成1.5万元的采购", 1, { "完成1.5万元的采购" } },
		{ "甲\n乙", 1, { "甲\n乙" } },
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		form_grid_free(&grid);
		row(1, 1, "项目名称", "名称", NULL);
		row(1, 2, "年度绩效目标", cases[i].cell, NULL);
		header_row(1, 3);
		indicator_row(1, 4, "产出指标", "数量指标", "完成数量", "=1次");
		read_grid();
		assert_int_equal(rec.nprojects, 1);
		if (project(0)->ngoals != cases[i].n)
			fail_msg("case %zu: %zu goals", i,
			    project(0)->ngoals);
		for (k = 0; k < cases[i].n; k++) {
			assert_int_equal(project(0)->goal[k].number,
			    (int)k + 1);
			assert_string_equal(project(0)->goal[k].text,
			    cases[i].goal[k]);
			assert_loc(project(0)->goal[k].loc, 2, 2, 1);
		}
	}
}

/*
 * The 2021 framework's split value columns: 指标性质 before the value,
 * 度量单位 after it (定性 adds nothing); 权重 and 指标解释 columns.
 */
static void
test_form_read_split_value(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目名称", "名称", "项目代码", "14072923Y000000001287",
	    NULL);
	row(1, 2, "一级指标", "二级指标", "三级指标名称", "指标性质",
	    "年度指标值", "度量单位", "权重（分）", "指标解释",
	    "评（扣）分标准", NULL);
	row(1, 3, "成本指标", "经济成本指标", "运行成本", "≤", "15", "万元",
	    "10", "成本", "超出不得分", NULL);
	row(1, 4, "产出指标", "质量指标", "合格率", "＝", "100", "%", "10",
	    "合格", "", NULL);
	row(1, 5, MERGED, "时效指标", "完成时限", "定性", "年底前完成", "",
	    "10", "时限", "", NULL);
	row(1, 6, MERGED, MERGED, "上报率", "≥", "≥95", "%", "", "", "", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_CODE], "14072923Y000000001287");
	assert_false(p->absent[FIELD_DESCRIPTION]);
	assert_true(p->absent[FIELD_BASIS]);
	assert_int_equal(p->nind, 4);
	assert_string_equal(ind_text(0, 0, FIELD_VALUE), "≤15万元");
	assert_string_equal(ind_text(0, 0, FIELD_DESCRIPTION), "成本");
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL3), "运行成本");
	assert_int_equal(p->ind[0].level1, LEVEL1_COST);
	assert_int_equal(p->ind[0].level2, LEVEL2_ECONOMIC_COST);
	assert_string_equal(ind_text(0, 1, FIELD_VALUE), "＝100%");
	assert_string_equal(ind_text(0, 2, FIELD_VALUE), "年底前完成");
	assert_string_equal(ind_text(0, 3, FIELD_VALUE), "≥95%");
}

/*
 * The provincial form: labels above their numbers (中央补助安排 and
 * 省级财政安排 summed), 二级项目名称 over 一级项目名称, 指标目标值.
 */
static void
test_form_read_provincial_sources(void **state)
{
	const struct rec_project *p;

	(void)state;
	para(1, "2023年省级部门预算项目支出绩效目标表");
	row(1, 2, "一级项目名称", "环境监测", "二级项目名称", "水站运维", NULL);
	row(1, 3, "中央补助安排", "省级财政安排", "其他资金", "预算申报数",
	    NULL);
	row(1, 4, "1,000.50", "200", "", "1,200.50", NULL);
	row(1, 5, "年度绩效目标", "保障水站运行", NULL);
	row(1, 6, "一级指标", "二级指标", "三级指标", "指标目标值", NULL);
	row(1, 7, "满意度指标", "服务对象满意度指标", "满意度", "≥90百分比",
	    NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_string_equal(p->text[FIELD_NAME], "水站运维");
	assert_string_equal(p->text[FIELD_FISCAL], "1200.5");
	assert_loc(p->loc[FIELD_FISCAL], 4, 1, 1);
	assert_string_equal(p->text[FIELD_OTHER], "");
	assert_string_equal(p->text[FIELD_BUDGET], "1,200.50");
	assert_int_equal(p->ngoals, 1);
	assert_string_equal(p->goal[0].text, "保障水站运行");
	assert_string_equal(ind_text(0, 0, FIELD_VALUE), "≥90百分比");
}

/* A total alone is all fiscal; sources alone add up to the budget. */
static void
test_form_read_total_or_sources(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目名称", "甲", "本年度申请市财政预算资金(万元)", "50",
	    NULL);
	header_row(1, 2);
	indicator_row(1, 3, "产出指标", "数量指标", "完成数量", "=1次");
	row(2, 4, "项目名称", "乙", NULL);
	row(2, 5, "财政拨款", "12.5", "其他资金", "2", NULL);
	row(2, 6, "一级指标", "二级指标", "三级指标", "指标值", NULL);
	row(2, 7, "产出指标", "数量指标", "完成数量", "=1次", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	p = project(0);
	assert_string_equal(p->text[FIELD_BUDGET], "50");
	assert_string_equal(p->text[FIELD_FISCAL], "50");
	assert_string_equal(p->text[FIELD_OTHER], "");
	p = project(1);
	assert_string_equal(p->text[FIELD_BUDGET], "14.5");
	assert_string_equal(p->text[FIELD_FISCAL], "12.5");
	assert_string_equal(p->text[FIELD_OTHER], "2");
}

/*
 * The municipal 批复表: 中期滚动目标 | 年度目标, 计划指标值(或计划水平),
 * 一级 预期产出指标 and 二级 names with bracketed alternatives.
 */
static void
test_form_read_municipal_names(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目名称", "道路", "项目编号", "441900-2019-000358", NULL);
	row(1, 2, "中期滚动目标", "三年建成", "年度目标", "今年开工", NULL);
	row(1, 3, "一级指标", "二级指标", "三级指标", "计划指标值(或计划水平)",
	    NULL);
	row(1, 4, "预期产出指标", "数量指标(或建筑规模指标)", "道路长度",
	    "≥2公里", NULL);
	row(1, 5, MERGED, "时效指标(工期指标)", "开工时间", "≤6个月", NULL);
	row(1, 6, "效果指标", "社会效益指标", "通行", "改善", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->ngoals, 1);
	assert_string_equal(p->goal[0].text, "今年开工");
	assert_int_equal(p->nind, 3);
	assert_int_equal(p->ind[0].level1, LEVEL1_OUTPUT);
	assert_int_equal(p->ind[0].level2, LEVEL2_QUANTITY);
	assert_int_equal(p->ind[1].level1, LEVEL1_OUTPUT);
	assert_int_equal(p->ind[1].level2, LEVEL2_TIMELINESS);
	assert_int_equal(p->ind[2].level1, LEVEL1_EFFECT);
	assert_string_equal(ind_text(0, 0, FIELD_VALUE), "≥2公里");
}

/*
 * A form broken across pages: the second table has no labels and no
 * header; its rows continue the project, blank 一级 filled from above.
 * A table that does not fit the columns starts nothing.
 */
static void
test_form_read_continuation_table(void **state)
{
	const struct rec_project *p;

	(void)state;
	basic_table(1, 1, "C1", "名称");
	para(11, "");
	indicator_row(2, 12, "", "时效指标", "及时率", "=100%");
	indicator_row(2, 13, "效果指标", "社会效益指标", "保障", "得到保障");
	row(3, 14, "签字", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->nind, 4);
	assert_string_equal(ind_text(0, 2, FIELD_LEVEL1), "产出指标");
	assert_string_equal(ind_text(0, 2, FIELD_LEVEL2), "时效指标");
	assert_loc(p->ind[2].loc[IND(FIELD_LEVEL2)], 12, 2, 2);
	assert_string_equal(ind_text(0, 3, FIELD_LEVEL1), "效果指标");
}

/* Title rows inside one table end a project and start the next. */
static void
test_form_read_title_rows_in_table(void **state)
{
	struct form_row *r;

	(void)state;
	r = form_add_row(&grid, 1, 1);
	cell(r, "1. 甲项目绩效目标表", 0, 7);
	basic_table(1, 2, "C1", "甲");
	r = form_add_row(&grid, 1, 12);
	cell(r, "2．乙项目绩效目标表", 0, 7);
	row(1, 13, "项目名称", "乙", NULL);
	header_row(1, 14);
	indicator_row(1, 15, "产出指标", "数量指标", "完成数量", "=2次");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	assert_project_fields(project(0), "C1", "甲");
	assert_int_equal(project(0)->nind, 2);
	assert_int_equal(project(0)->line, 2);
	assert_string_equal(project(1)->text[FIELD_NAME], "乙");
	assert_true(project(1)->absent[FIELD_CODE]);
	assert_int_equal(project(1)->line, 13);
	assert_int_equal(project(1)->nind, 1);
}

/*
 * The central disclosure: several projects in one document, each
 * starting at its name after the indicators of the one before; funds
 * stacked in rows; 年度总体目标.
 */
static void
test_form_read_projects_by_name(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		int l = 1 + (int)i * 8;

		row(1, l, "项目名称", i == 0 ? "甲" : "乙", NULL);
		row(1, l + 1, "项目资金（万元）", "年度资金总额", "1,250.00",
		    NULL);
		row(1, l + 2, MERGED, "其中：财政拨款", "1,000.00", NULL);
		row(1, l + 3, MERGED, "其他资金", "250.00", NULL);
		row(1, l + 4, "年度总体目标", "目标", NULL);
		row(1, l + 5, "一级指标", "二级指标", "三级指标", "指标值", NULL);
		row(1, l + 6, "成本指标", "经济成本指标", "成本", "≤1250万元",
		    NULL);
		row(1, l + 7, "产出指标", "数量指标", "数量", "=1个", NULL);
	}
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	for (i = 0; i < 2; i++) {
		const struct rec_project *p = project(i);

		assert_string_equal(p->text[FIELD_NAME], i == 0 ? "甲" : "乙");
		assert_string_equal(p->text[FIELD_BUDGET], "1,250.00");
		assert_string_equal(p->text[FIELD_FISCAL], "1,000.00");
		assert_string_equal(p->text[FIELD_OTHER], "250.00");
		assert_int_equal(p->ngoals, 1);
		assert_int_equal(p->nind, 2);
		assert_int_equal(p->line, 1 + (int)i * 8);
	}
}

/* An indicator header alone anchors a project. */
static void
test_form_read_header_anchors(void **state)
{
	(void)state;
	header_row(1, 1);
	indicator_row(1, 2, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_true(project(0)->absent[FIELD_CODE]);
	assert_false(project(0)->absent[FIELD_BASIS]);
	assert_int_equal(project(0)->nind, 1);
}

/*
 * Money written with its unit or a currency sign (1,250.00万元, ￥80.5,
 * 12,500,000元) is read as the amount in 万元; a cell that is no amount
 * is kept as written, for the rules to report.
 */
static void
test_form_read_money_units(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目名称", "甲", NULL);
	row(1, 2, "预算数", "1,250.00万元", "其中：财政资金", "￥1,170",
	    "其他资金", "800,000元", NULL);
	header_row(1, 3);
	indicator_row(1, 4, "产出指标", "数量指标", "完成数量", "=1次");
	row(2, 5, "项目名称", "乙", NULL);
	row(2, 6, "预算数", "１，２５０万", "其中：财政资金", "约15万元",
	    "其他资金", "", NULL);
	header_row(2, 7);
	indicator_row(2, 8, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	p = project(0);
	assert_string_equal(p->text[FIELD_BUDGET], "1250");
	assert_string_equal(p->text[FIELD_FISCAL], "1170");
	assert_string_equal(p->text[FIELD_OTHER], "80");
	assert_loc(p->loc[FIELD_BUDGET], 2, 2, 1);
	p = project(1);
	assert_string_equal(p->text[FIELD_BUDGET], "1250");
	assert_string_equal(p->text[FIELD_FISCAL], "约15万元");
	assert_string_equal(p->text[FIELD_OTHER], "");
}

/*
 * A workbook keeps a merged label's remainder as blank cells (年度资金总额
 * over B:D, 财政拨款 over E:F): a row of labels over a row whose every
 * value lies under one label's cells gives each label the value below
 * it. Labels with blank values beside them over a row that does not line
 * up (the use under 预算数 … 其他资金) keep their blank values.
 */
static void
test_form_read_merged_label_remainder(void **state)
{
	const struct rec_project *p;

	(void)state;
	row(1, 1, "项目代码", "C1", "", "", "项目名称", "甲", "", "", "", NULL);
	row(1, 2, "项目资金（万元）", "年度资金总额", "", "", "财政拨款", "",
	    "其他资金", "", "", NULL);
	row(1, 3, "", "100", "", "", "90", "", "", "10", "", NULL);
	row(1, 4, "一级指标", "二级指标", "三级指标", "指标值", NULL);
	row(1, 5, "产出指标", "数量指标", "完成数量", "=1次", NULL);
	row(2, 6, "项目编码", "C2", "项目名称", "乙", NULL);
	row(2, 7, "预算规模及资金用途", "预算数", "", "其中：财政资金", "",
	    "其他资金", "", NULL);
	r_use(2, 8);
	header_row(2, 9);
	indicator_row(2, 10, "产出指标", "数量指标", "完成数量", "=1次");
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	p = project(0);
	assert_string_equal(p->text[FIELD_BUDGET], "100");
	assert_loc(p->loc[FIELD_BUDGET], 3, 2, 1);
	assert_string_equal(p->text[FIELD_FISCAL], "90");
	assert_loc(p->loc[FIELD_FISCAL], 3, 5, 1);
	assert_string_equal(p->text[FIELD_OTHER], "10");
	assert_loc(p->loc[FIELD_OTHER], 3, 8, 1);
	p = project(1);
	assert_string_equal(p->text[FIELD_BUDGET], "");
	assert_loc(p->loc[FIELD_BUDGET], 7, 3, 2);
	assert_string_equal(p->text[FIELD_FISCAL], "");
	assert_string_equal(p->text[FIELD_PURPOSE], "用途");
}

/*
 * An indicator header drawn over two rows is read as one: 一级/二级/三级
 * merged down beside 指标值 | 度量单位 under one 年度指标 cell (as a
 * document and as a workbook saves it), a complete header refined by a
 * row of sub-labels, and a super-header (绩效指标) over the header. The
 * label rows are no indicators.
 */
static void
test_form_read_header_two_rows(void **state)
{
	struct form_row *r;
	size_t i;

	(void)state;
	row(1, 1, "项目名称", "甲", NULL);
	r = form_add_row(&grid, 1, 2);
	cell(r, "一级指标", 0, 1);
	cell(r, "二级指标", 1, 1);
	cell(r, "三级指标名称", 2, 1);
	cell(r, "指标性质", 3, 1);
	cell(r, "年度指标", 4, 2);
	cell(r, "权重（分）", 6, 1);
	row(1, 3, MERGED, MERGED, MERGED, MERGED, "指标值", "度量单位", MERGED,
	    NULL);
	row(1, 4, "产出指标", "数量指标", "完成数量", "≥", "5", "次", "10",
	    NULL);
	row(2, 5, "项目名称", "乙", NULL);
	row(2, 6, "一级指标", "二级指标", "三级指标", "年度指标", "", "权重",
	    NULL);
	row(2, 7, "", "", "", "指标值", "计量单位", "", NULL);
	row(2, 8, "产出指标", "数量指标", "完成数量", "≥5", "次", "10", NULL);
	row(3, 9, "项目名称", "丙", NULL);
	r = form_add_row(&grid, 3, 10);
	cell(r, "一级指标", 0, 1);
	cell(r, "二级指标", 1, 1);
	cell(r, "三级指标", 2, 1);
	cell(r, "指标值", 3, 2);
	row(3, 11, "", "", "", "指标值", "计量单位", NULL);
	row(3, 12, "产出指标", "数量指标", "完成数量", "≥5", "次", NULL);
	row(4, 13, "项目名称", "丁", NULL);
	r = form_add_row(&grid, 4, 14);
	cell(r, "绩效指标", 0, 4);
	row(4, 15, "一级指标", "二级指标", "三级指标", "指标值", NULL);
	row(4, 16, "产出指标", "数量指标", "完成数量", "≥5次", NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 4);
	for (i = 0; i < 4; i++) {
		const struct rec_project *p = project(i);

		assert_int_equal(p->nind, 1);
		assert_string_equal(ind_text(i, 0, FIELD_LEVEL1), "产出指标");
		assert_string_equal(ind_text(i, 0, FIELD_LEVEL3), "完成数量");
		assert_string_equal(ind_text(i, 0, FIELD_VALUE), "≥5次");
		assert_int_equal(p->ind[0].line, (int)i * 4 + 4);
	}
}

/*
 * The halves are chosen by their labels, not their places: with 年度 on
 * the left, the money under 年度资金总额, the goals under 年度目标 and the
 * indicator columns under 年度绩效指标 are read. Without a row naming the
 * indicator halves, they are taken in the order the halves above had.
 */
static void
test_form_read_annual_half_left(void **state)
{
	const struct rec_project *p;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		int t = (int)i + 1, l = (int)i * 20;

		para(l + 1, "项目支出绩效目标申报表");
		row(t, l + 2, "项目名称", "监测经费", NULL);
		row(t, l + 3, "项目资金（万元）", "年度资金总额", "15",
		    "中期资金总额", "30", NULL);
		row(t, l + 4, MERGED, "其中：财政拨款", "14", "其中：财政拨款",
		    "28", NULL);
		row(t, l + 5, MERGED, "其他资金", "1", "其他资金", "2", NULL);
		row(t, l + 6, "总体目标", "年度目标", "中期目标", NULL);
		row(t, l + 7, MERGED, "目标1：今年甲", "目标1：三年甲", NULL);
		if (i == 0)
			row(t, l + 8, "绩效指标", "", "年度绩效指标", MERGED,
			    MERGED, "中期绩效指标", MERGED, MERGED, NULL);
		row(t, l + 9, i == 0 ? MERGED : "绩效指标", "一级指标",
		    "二级指标", "三级指标", "指标值", "二级指标", "三级指标",
		    "指标值", NULL);
		row(t, l + 10, MERGED, "产出指标", "数量指标", "指标1：年度数",
		    "=1次", "数量指标", "指标1：中期数", "=3次", NULL);
	}
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	for (i = 0; i < 2; i++) {
		p = project(i);
		assert_string_equal(p->text[FIELD_BUDGET], "15");
		assert_string_equal(p->text[FIELD_FISCAL], "14");
		assert_string_equal(p->text[FIELD_OTHER], "1");
		assert_int_equal(p->ngoals, 1);
		assert_string_equal(p->goal[0].text, "今年甲");
		assert_int_equal(p->nind, 1);
		assert_string_equal(ind_text(i, 0, FIELD_LEVEL1), "产出指标");
		assert_string_equal(ind_text(i, 0, FIELD_LEVEL3), "年度数");
		assert_string_equal(ind_text(i, 0, FIELD_VALUE), "=1次");
		assert_loc(p->ind[0].loc[IND(FIELD_VALUE)], (int)i * 20 + 10,
		    5, (int)i + 1);
	}
}

/*
 * A form continued on a table of its own grid (a converter re-grids each
 * table by its own cell edges: 绩效指标描述 over one column, not two): its
 * cells are matched to the header's columns in order.
 */
static void
test_form_read_continuation_regrid(void **state)
{
	const struct rec_project *p;
	struct form_row *r;

	(void)state;
	row(1, 1, "项目名称", "名称", NULL);
	r = form_add_row(&grid, 1, 2);
	cell(r, "一级指标", 0, 1);
	cell(r, "二级指标", 1, 1);
	cell(r, "三级指标", 2, 1);
	cell(r, "绩效指标描述", 3, 2);
	cell(r, "指标值", 5, 1);
	cell(r, "指标值确定依据", 6, 1);
	r = form_add_row(&grid, 1, 3);
	cell(r, "产出指标", 0, 1);
	cell(r, "数量指标", 1, 1);
	cell(r, "完成数量", 2, 1);
	cell(r, "完成数量", 3, 2);
	cell(r, "=1次", 5, 1);
	cell(r, "工作计划", 6, 1);
	para(4, "");
	row(2, 5, "", "时效指标", "及时率", "及时率", "=100%", "工作计划",
	    NULL);
	row(2, 6, "效果指标", "社会效益指标", "保障", "保障", "得到保障",
	    "工作计划", NULL);
	/* As many cells as the header, but no level name: not indicators. */
	row(3, 7, "填报人", "张三", "审核人", "李四", "日期", "2021年1月",
	    NULL);
	read_grid();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->nind, 3);
	assert_indicator(0, 0, "产出指标", "数量指标", "完成数量", "=1次",
	    "工作计划");
	assert_indicator(0, 1, "产出指标", "时效指标", "及时率", "=100%",
	    "工作计划");
	assert_loc(p->ind[1].loc[IND(FIELD_VALUE)], 5, 5, 2);
	assert_indicator(0, 2, "效果指标", "社会效益指标", "保障", "得到保障",
	    "工作计划");
}

#define TEST(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

/*
 * Feeds the grid built so far to fr as one call and empties it, so that
 * nothing of a call's rows outlives it (ASan sees a use after free).
 */
static void
feed(struct form_reader *fr)
{
	form_reader_table(fr, &grid);
	form_grid_free(&grid);
}

/*
 * A table at a time: a project is delivered when the next table starts
 * another, before the end; the last one at form_reader_end().
 */
static void
test_form_reader_delivers_per_table(void **state)
{
	struct form_reader *fr;

	(void)state;
	rec_clear(&rec);
	fr = form_reader_new("t.docx", &rec_sink);
	para(1, "1. 甲项目绩效目标表");
	basic_table(1, 1, "C1", "甲");
	feed(fr);
	/* A table without labels could still continue it. */
	assert_int_equal(rec.nprojects, 0);
	para(2, "2. 乙项目绩效目标表");
	feed(fr);
	assert_int_equal(rec.nprojects, 1);
	assert_string_equal(project(0)->text[FIELD_CODE], "C1");
	basic_table(2, 11, "C2", "乙");
	feed(fr);
	assert_int_equal(rec.nprojects, 1);
	assert_int_equal(form_reader_end(fr), 2);
	assert_int_equal(rec.nprojects, 2);
	assert_string_equal(project(1)->text[FIELD_CODE], "C2");
	assert_int_equal(rec.ndiags, 0);
}

/*
 * Across calls: a continuation table fed on its own continues the project
 * before it; a table without a header is named by the title fed in the
 * call before its own.
 */
static void
test_form_reader_state_across_calls(void **state)
{
	struct form_reader *fr;
	const struct rec_project *p;

	(void)state;
	rec_clear(&rec);
	fr = form_reader_new("t.docx", &rec_sink);
	basic_table(1, 1, "C1", "名称");
	feed(fr);
	para(11, "");
	feed(fr);
	indicator_row(2, 12, "", "时效指标", "及时率", "=100%");
	feed(fr);
	para(12, "3. 丙项目绩效目标表");
	para(13, "单位：万元");
	feed(fr);
	project_rows(3, 13, "C3", "丙");
	feed(fr);
	assert_int_equal(form_reader_end(fr), 1);
	assert_int_equal(rec.nprojects, 1);
	p = project(0);
	assert_int_equal(p->nind, 3);
	assert_string_equal(ind_text(0, 2, FIELD_LEVEL1), "产出指标");
	assert_int_equal(rec.ndiags, 1);
	assert_int_equal(rec.diag[0].rule, RULE_PB001);
	assert_loc(rec.diag[0].loc, 13, 1, 3);
	assert_non_null(strstr(rec.diag[0].a, "table 3 '3. 丙项目绩效目标表'"));
}

/* An aborted reader delivers nothing more and reports nothing. */
static void
test_form_reader_abort(void **state)
{
	struct form_reader *fr;

	(void)state;
	rec_clear(&rec);
	fr = form_reader_new("t.docx", &rec_sink);
	basic_table(1, 1, "C1", "甲");
	feed(fr);
	form_reader_abort(fr);
	assert_int_equal(rec.nprojects, 0);
	assert_int_equal(rec.ndiags, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_form_add_cell_after_last),
		TEST(test_form_classify_texts),
		TEST(test_form_read_minimal_fields),
		TEST(test_form_read_minimal_locations),
		TEST(test_form_read_label_variants),
		TEST(test_form_read_spans),
		TEST(test_form_read_level1_merged_filled_down),
		TEST(test_form_read_purpose_under_merged_label),
		TEST(test_form_read_blank_milestone),
		TEST(test_form_read_blank_rows_and_cells),
		TEST(test_form_read_goals_blank_third),
		TEST(test_form_read_title_before_table),
		TEST(test_form_read_tables_back_to_back),
		TEST(test_form_read_two_projects_one_table),
		TEST(test_form_read_no_code_read),
		TEST(test_form_read_title_before_note),
		TEST(test_form_read_no_header_reported),
		TEST(test_form_read_unlabelled_table_ignored),
		TEST(test_form_read_no_table),
		TEST(test_form_read_missing_optional_rows),
		TEST(test_form_read_rows_above_code),
		TEST(test_form_read_fiscal_label_exact),
		TEST(test_form_read_sample_nothing_absent),
		TEST(test_form_read_label_drawings),
		TEST(test_form_read_inline_label),
		TEST(test_form_read_national_halves),
		TEST(test_form_read_goal_lines),
		TEST(test_form_read_split_value),
		TEST(test_form_read_provincial_sources),
		TEST(test_form_read_total_or_sources),
		TEST(test_form_read_municipal_names),
		TEST(test_form_read_continuation_table),
		TEST(test_form_read_title_rows_in_table),
		TEST(test_form_read_projects_by_name),
		TEST(test_form_read_header_anchors),
		TEST(test_form_read_money_units),
		TEST(test_form_read_merged_label_remainder),
		TEST(test_form_read_header_two_rows),
		TEST(test_form_read_annual_half_left),
		TEST(test_form_read_continuation_regrid),
		TEST(test_form_reader_delivers_per_table),
		TEST(test_form_reader_state_across_calls),
		TEST(test_form_reader_abort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
