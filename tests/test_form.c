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
 * A table with form labels but no 项目编码 is PB001 naming it by its
 * title and number, at its first cell; the next table is still read.
 */
static void
test_form_read_no_code_reported(void **state)
{
	const struct rec_diag *d;

	(void)state;
	para(1, "1. 甲项目绩效目标表");
	row(1, 2, "项目名称", "甲", NULL);
	row(1, 3, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
	    "指标值确定依据", NULL);
	row(1, 4, "产出指标", "数量指标", "完成数量", "完成数量", "=1次",
	    "工作计划", NULL);
	basic_table(2, 5, "C2", "乙");
	read_grid();
	assert_int_equal(rec.ndiags, 1);
	d = &rec.diag[0];
	assert_int_equal(d->rule, RULE_PB001);
	assert_loc(d->loc, 2, 1, 1);
	assert_int_equal(d->field, FIELD_COUNT);
	assert_non_null(d->a);
	assert_non_null(strstr(d->a, "1. 甲项目绩效目标表"));
	assert_non_null(strstr(d->a, "table 1"));
	assert_non_null(strstr(d->a, "项目编码"));
	assert_non_null(d->a_zh);
	assert_non_null(strstr(d->a_zh, "表1"));
	assert_non_null(strstr(d->a_zh, "1. 甲项目绩效目标表"));
	assert_int_equal(rec.nprojects, 1);
	assert_project_fields(project(0), "C2", "乙");
	assert_int_equal(project(0)->table, 2);
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
	assert_non_null(strstr(rec.diag[0].a_zh, "表2有"));
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

#define TEST(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

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
		TEST(test_form_read_no_code_reported),
		TEST(test_form_read_title_before_note),
		TEST(test_form_read_no_header_reported),
		TEST(test_form_read_unlabelled_table_ignored),
		TEST(test_form_read_no_table),
		TEST(test_form_read_missing_optional_rows),
		TEST(test_form_read_rows_above_code),
		TEST(test_form_read_fiscal_label_exact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
