/* Unit tests for the text dump reader (SPEC 2.2, 2.3) in read_text.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "read.h"
#include "rules.h"
#include "util.h"

#include "support.h"

#define SEED_TXT	"data/chengde-2021/targets.txt"
#define SEED_CSV	"data/chengde-2021/targets.csv"

/* What read_csv gave, to compare with what read_text gave (in rec). */
static struct recorder csv;

static int
setup(void **state)
{
	rec_clear(&csv);
	return rec_setup(state);
}

static int
teardown(void **state)
{
	rec_clear(&csv);
	return rec_teardown(state);
}

/* Reads a text dump of len bytes into rec (forgetting an earlier read). */
static void
read_mem(const char *text, size_t len)
{
	rec_clear(&rec);
	read_text("t.txt", text, len, &rec_sink);
}

static void
read_str(const char *text)
{
	read_mem(text, strlen(text));
}

/* Returns s with every "\n" replaced by eol; caller frees. */
static char *
with_eol(const char *s, const char *eol)
{
	struct strbuf b = {0};

	for (; *s != '\0'; s++)
		if (*s == '\n')
			strbuf_puts(&b, eol);
		else
			strbuf_putc(&b, *s);
	return strbuf_take(&b);
}

/*
 * A small table in the seed's layout. Lines: 1 项目 (2 blank, 3 编码),
 * 4 the code, 5 项目名称, 6–8 the name on two lines, 10–15 the header,
 * 17–22 an indicator.
 */
#define CODE_ROW \
	"\t项目\n" \
	"\n" \
	"编码\n" \
	"\t571-0101-YBN-NFOY\n" \
	"\t项目名称\n" \
	"\t辐射环境\n" \
	"\n" \
	"监测经费\n" \
	"\n"
#define HEADER_ROW \
	"\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n" \
	"\t指标值确定依据\n" \
	"\n"
#define INDICATOR_ROW \
	"\t产出指标\n\t数量指标\n\t完成数量\n\t应急演练次数\n\t=1次\n" \
	"\t工作计划\n"
#define SMALL_TABLE	CODE_ROW HEADER_ROW INDICATOR_ROW
#define SMALL_LINES	22	/* lines of SMALL_TABLE */

/* The same small table with another code and no line-broken cells (8 lines). */
#define OTHER_TABLE \
	"\t项目编码\n\tC2\n\t项目名称\n\t乙\n" \
	"\n" \
	HEADER_ROW \
	INDICATOR_ROW

/* Asserts what SMALL_TABLE gives when it starts at line first. */
static void
assert_small_table(const struct rec_project *p, int first, int table)
{
	int k;

	assert_int_equal(p->table, table);
	assert_int_equal(p->line, first);
	assert_string_equal(p->text[FIELD_CODE], "571-0101-YBN-NFOY");
	assert_loc(p->loc[FIELD_CODE], first + 3, 1, 0);
	assert_string_equal(p->text[FIELD_NAME], "辐射环境\n监测经费");
	assert_loc(p->loc[FIELD_NAME], first + 5, 1, 0);
	for (k = 0; k < INDICATOR_FIELDS; k++)
		assert_loc(p->loc[FIELD_LEVEL1 + k], first + 9 + k, 1, 0);
	assert_int_equal(p->nind, 1);
	assert_int_equal(p->ind[0].line, first + 16);
	for (k = 0; k < INDICATOR_FIELDS; k++)
		assert_loc(p->ind[0].loc[k], first + 16 + k, 1, 0);
	assert_string_equal(p->ind[0].text[IND(FIELD_LEVEL1)], "产出指标");
	assert_string_equal(p->ind[0].text[IND(FIELD_DESCRIPTION)],
	    "应急演练次数");
	assert_string_equal(p->ind[0].text[IND(FIELD_BASIS)], "工作计划");
}

/*
 * A line without a tab after one blank line continues the cell above with
 * "\n" and the row goes on; cells are located at their first line, column
 * 1, table 0.
 */
static void
test_read_text_cell_continuation(void **state)
{
	(void)state;
	read_str(SMALL_TABLE);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_small_table(project(0), 1, 1);
}

/* CRLF and CR line ends give the same cells and the same lines as LF. */
static void
test_read_text_line_ends(void **state)
{
	static const char *eols[] = { "\r\n", "\r" };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(eols); i++) {
		char *s = with_eol("第二部分\n\n" SMALL_TABLE, eols[i]);

		read_str(s);
		free(s);
		assert_int_equal(rec.ndiags, 0);
		assert_int_equal(rec.nprojects, 1);
		assert_small_table(project(0), 3, 1);
	}
}

/* Input without a final line end reads the last cell all the same. */
static void
test_read_text_no_final_newline(void **state)
{
	static const char text[] = SMALL_TABLE;

	(void)state;
	read_mem(text, sizeof(text) - 2);	/* without the last "\n" */
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_small_table(project(0), 1, 1);
}

/* A title line before a table is a paragraph: the table starts after it. */
static void
test_read_text_title_then_table(void **state)
{
	(void)state;
	read_str("1.  辐射环境监测工作经费项目绩效目标表\n" SMALL_TABLE);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_small_table(project(0), 2, 1);
}

/*
 * The title before a table names it when the table cannot be read (it
 * has no indicator header; a table without 项目编码 is read, SPEC 2.2).
 */
static void
test_read_text_title_names_table(void **state)
{
	(void)state;
	read_str("1.  甲项目绩效目标表\n"
	    "\t项目名称\n\t甲\n"
	    "\n"
	    "\t预算数\n\t10\n");
	assert_int_equal(rec.nprojects, 0);
	assert_int_equal(rec.ndiags, 1);
	assert_int_equal(rec.diag[0].rule, RULE_PB001);
	assert_loc(rec.diag[0].loc, 2, 1, 0);
	assert_non_null(strstr(rec.diag[0].a, "1.  甲项目绩效目标表"));
	assert_non_null(strstr(rec.diag[0].a_zh, "表1"));
}

/* Prose, even naming labels, before and after the table is ignored. */
static void
test_read_text_prose_ignored(void **state)
{
	(void)state;
	read_str("承德市生态环境局\n"
	    "\n"
	    "（一）项目编码、项目名称按预算填列。\n"
	    "一级指标包括产出指标和效果指标。\n"
	    "\n"
	    SMALL_TABLE
	    "\n"
	    "\n"
	    "注：以上为预算数。\n"
	    "\n"
	    "\n");
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_small_table(project(0), 6, 1);
}

/* Two blank lines end a table: the next cells are another table. */
static void
test_read_text_two_blank_lines_new_table(void **state)
{
	(void)state;
	read_str(SMALL_TABLE "\n\n" OTHER_TABLE);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	assert_small_table(project(0), 1, 1);
	assert_int_equal(project(1)->table, 2);
	assert_int_equal(project(1)->line, SMALL_LINES + 3);
	assert_string_equal(project(1)->text[FIELD_CODE], "C2");
	assert_loc(project(1)->loc[FIELD_CODE], SMALL_LINES + 4, 1, 0);
	assert_int_equal(project(1)->nind, 1);

	/* One blank line only: the same table, a second project in it. */
	read_str(SMALL_TABLE "\n" OTHER_TABLE);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	assert_int_equal(project(0)->table, 1);
	assert_int_equal(project(1)->table, 1);
	assert_int_equal(project(1)->line, SMALL_LINES + 2);
}

/* A title after two blank lines is a paragraph, not part of the last cell. */
static void
test_read_text_title_after_table(void **state)
{
	(void)state;
	read_str(SMALL_TABLE "\n\n2.  乙项目绩效目标表\n" OTHER_TABLE);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	assert_string_equal(ind_text(0, 0, FIELD_BASIS), "工作计划");
	assert_int_equal(project(1)->table, 2);
	assert_int_equal(project(1)->line, SMALL_LINES + 4);
}

/* Input without any table (empty, or prose only) is one PB001 at line 1. */
static void
test_read_text_no_table(void **state)
{
	static const char *inputs[] = { "", "\n\n", "第二部分\n\n项目编码\n" };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(inputs); i++) {
		read_str(inputs[i]);
		assert_int_equal(rec.nprojects, 0);
		assert_int_equal(rec.ndiags, 1);
		assert_int_equal(rec.diag[0].rule, RULE_PB001);
		assert_loc(rec.diag[0].loc, 1, 1, 0);
	}
}

/* Reads the seed dump into rec and the seed CSV into csv. */
static void
read_seed(void)
{
	static const struct read_sink csv_sink = { &csv, rec_on_diag,
	    rec_on_project };
	char *text;
	size_t len;

	rec_clear(&rec);
	rec_clear(&csv);
	text = slurp(SEED_TXT, &len);
	read_text(SEED_TXT, text, len, &rec_sink);
	free(text);
	text = slurp(SEED_CSV, &len);
	assert_string_equal(read_csv(SEED_CSV, text, len, &csv_sink), "csv");
	free(text);
}

/* The seed dump gives 13 projects and 119 indicators in document order. */
static void
test_read_text_seed_projects(void **state)
{
	static const char *codes[] = {
		"571-0101-YBN-NFOY", "571-0101-YBN-1G80", "571-0101-YBN-PLLS",
		"571-0101-YBN-QY8O", "571-0101-YBN-VYAO", "571-0102-YBN-M461",
		"571-0203-YBN-SRXG", "571-0401-YBN-YG19", "571-0403-YBN-EMQW",
		"571-0503-YBN-RV9P", "571-0601-YBN-06YK", "571-0601-YBN-5LR4",
		"571-0601-YBN-GZGQ",
	};
	static const char *plan12[PLAN_POINTS] = { "", "", "100", "100" };
	size_t i, j, nind = 0;
	int k;

	(void)state;
	read_seed();
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, NELEM(codes));
	for (i = 0; i < rec.nprojects; i++) {
		const struct rec_project *p = project(i);

		assert_string_equal(p->text[FIELD_CODE], codes[i]);
		assert_int_equal(p->table, (int)i + 1);
		assert_int_equal(p->nind, i == 4 ? 11 : 9);
		nind += p->nind;
		/* Every 一级, one line or two, is known after fill-down. */
		for (j = 0; j < p->nind; j++)
			if (p->ind[j].level1 == LEVEL1_UNKNOWN)
				fail_msg("%s indicator %zu: 一级 '%s' not "
				    "recognised", codes[i], j + 1,
				    p->ind[j].text[IND(FIELD_LEVEL1)]);
	}
	assert_int_equal(nind, 119);
	assert_int_equal(project(4)->ngoals, 4);
	for (k = 0; k < PLAN_POINTS; k++)
		assert_string_equal(project(11)->text[FIELD_PLAN_MAR + k],
		    plan12[k]);
}

/* Project 1 of the seed: every field at the line of its cell, column 1. */
static void
test_read_text_seed_locations(void **state)
{
	static const int plan_line[PLAN_POINTS] = { 62, 63, 64, 65 };
	static const int ind_line[] = { 93, 100, 107, 114, 121, 128, 135, 142,
	    149 };
	const struct rec_project *p;
	size_t i;
	int k;

	(void)state;
	read_seed();
	p = project(0);
	assert_int_equal(p->line, 37);
	assert_loc(p->loc[FIELD_CODE], 40, 1, 0);
	assert_loc(p->loc[FIELD_NAME], 42, 1, 0);
	assert_string_equal(p->text[FIELD_BUDGET], "15");
	assert_loc(p->loc[FIELD_BUDGET], 46, 1, 0);
	assert_loc(p->loc[FIELD_FISCAL], 48, 1, 0);
	/* 其他资金 is a cell of two spaces: blank, at that cell. */
	assert_string_equal(p->text[FIELD_OTHER], "");
	assert_loc(p->loc[FIELD_OTHER], 50, 1, 0);
	assert_loc(p->loc[FIELD_PURPOSE], 53, 1, 0);
	for (k = 0; k < PLAN_POINTS; k++)
		assert_loc(p->loc[FIELD_PLAN_MAR + k], plan_line[k], 1, 0);
	assert_int_equal(p->ngoals, 3);
	assert_loc(p->goal[0].loc, 69, 1, 0);
	assert_loc(p->goal[1].loc, 73, 1, 0);
	assert_string_equal(p->goal[2].text, "");
	assert_loc(p->goal[2].loc, 77, 1, 0);
	for (k = 0; k < INDICATOR_FIELDS; k++)
		assert_loc(p->loc[FIELD_LEVEL1 + k], 79 + k, 1, 0);
	assert_int_equal(p->nind, NELEM(ind_line));
	for (i = 0; i < p->nind; i++) {
		assert_int_equal(p->ind[i].line, ind_line[i]);
		for (k = 0; k < INDICATOR_FIELDS; k++)
			assert_loc(p->ind[i].loc[k], ind_line[i] + k, 1, 0);
	}
	/* The 一级 is trimmed ("产出指标 " in the seed) and filled down. */
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL1), "产出指标");
	assert_string_equal(ind_text(0, 3, FIELD_LEVEL1), "产出指标");
	assert_string_equal(ind_text(0, 4, FIELD_LEVEL1), "效果指标");
	assert_string_equal(ind_text(0, 7, FIELD_LEVEL1), "效果指标");
	assert_string_equal(ind_text(0, 3, FIELD_VALUE), "《15万元");
}

/* The seed dump and the seed CSV give the same model, field by field. */
static void
test_read_text_seed_equals_csv(void **state)
{
	size_t i, j, gt, gc;
	int k;

	(void)state;
	read_seed();
	assert_int_equal(csv.ndiags, 0);
	assert_int_equal(rec.nprojects, csv.nprojects);
	for (i = 0; i < rec.nprojects; i++) {
		const struct rec_project *t = &rec.project[i];
		const struct rec_project *c = &csv.project[i];

		for (k = 0; k < PROJECT_FIELDS; k++)
			if (strcmp(t->text[k], c->text[k]) != 0)
				fail_msg("%s %s: text '%s', csv '%s'",
				    c->text[FIELD_CODE], field_name_en(k),
				    t->text[k], c->text[k]);
		/* Non-blank goals, in order, with their numbers. */
		for (gt = gc = 0;; gt++, gc++) {
			while (gt < t->ngoals && t->goal[gt].text[0] == '\0')
				gt++;
			while (gc < c->ngoals && c->goal[gc].text[0] == '\0')
				gc++;
			if (gt == t->ngoals || gc == c->ngoals)
				break;
			assert_int_equal(t->goal[gt].number,
			    c->goal[gc].number);
			assert_string_equal(t->goal[gt].text, c->goal[gc].text);
		}
		assert_int_equal(gt, t->ngoals);
		assert_int_equal(gc, c->ngoals);
		assert_int_equal(t->nind, c->nind);
		for (j = 0; j < t->nind; j++) {
			for (k = 0; k < INDICATOR_FIELDS; k++)
				if (strcmp(t->ind[j].text[k],
				    c->ind[j].text[k]) != 0)
					fail_msg("%s indicator %zu %s: text "
					    "'%s', csv '%s'",
					    c->text[FIELD_CODE], j + 1,
					    field_name_en(FIELD_LEVEL1 + k),
					    t->ind[j].text[k],
					    c->ind[j].text[k]);
			assert_int_equal(t->ind[j].level1, c->ind[j].level1);
		}
	}
}

#define TEST(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_read_text_cell_continuation),
		TEST(test_read_text_line_ends),
		TEST(test_read_text_no_final_newline),
		TEST(test_read_text_title_then_table),
		TEST(test_read_text_title_names_table),
		TEST(test_read_text_prose_ignored),
		TEST(test_read_text_two_blank_lines_new_table),
		TEST(test_read_text_title_after_table),
		TEST(test_read_text_no_table),
		TEST(test_read_text_seed_projects),
		TEST(test_read_text_seed_locations),
		TEST(test_read_text_seed_equals_csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
