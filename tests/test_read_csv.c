/* Unit tests for the canonical CSV reader (SPEC 2.1, 2.3) in read_csv.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "model.h"
#include "pb_limits.h"
#include "read.h"
#include "rules.h"
#include "util.h"

#include "support.h"

/* Reads csv (forgetting what an earlier read recorded). */
static void
read_str(const char *csv)
{
	rec_clear(&rec);
	read_csv("t.csv", csv, strlen(csv), &rec_sink);
}

/* The nth (0-based) finding of a rule; fails the test if there is none. */
static const struct rec_diag *
nth_diag(enum rule_id rule, size_t nth)
{
	size_t i, seen = 0;

	for (i = 0; i < rec.ndiags; i++)
		if (rec.diag[i].rule == rule && seen++ == nth)
			return &rec.diag[i];
	fail_msg("finding %s number %zu not reported (%zu findings)",
	    rule_get(rule)->id, nth, rec.ndiags);
	return NULL;
}

/* Asserts one finding of rule at line:col. */
static const struct rec_diag *
assert_diag(enum rule_id rule, size_t nth, int line, int col)
{
	const struct rec_diag *d = nth_diag(rule, nth);

	assert_int_equal(d->loc.line, line);
	assert_int_equal(d->loc.col, col);
	return d;
}

/* The canonical header and its columns (1-based). */
#define HEADER	"项目编码,项目名称,预算数,财政资金,其他资金,资金用途," \
		"3月底,6月底,10月底,12月底,目标1,目标2," \
		"一级指标,二级指标,三级指标,绩效指标描述,指标值," \
		"指标值确定依据\n"
enum {
	C_CODE = 1, C_NAME, C_BUDGET, C_FISCAL, C_OTHER, C_PURPOSE,
	C_MAR, C_JUN, C_OCT, C_DEC, C_GOAL1, C_GOAL2,
	C_LEVEL1, C_LEVEL2, C_LEVEL3, C_DESC, C_VALUE, C_BASIS
};

/* The project columns of a row, up to and including 目标2. */
#define PA	"P1,项目一,10,8,2,用途一,25,50,75,100,目标甲,目标乙,"
#define PB	"P2,项目二,5,5,,用途二,0,50,80,100,目标丙,,"
#define PC	"P3,项目三,1,1,0,用途三,,,,100,目标丁,,"
#define BLANK	",,,,,,,,,,,,"
/* Indicator columns. */
#define IND_A	"产出指标,数量指标,完成数量,完成次数,=1次,工作计划\n"
#define IND_B	"产出指标,质量指标,合格率,验收合格率,=100%,行业标准\n"
#define NO_IND	",,,,,\n"

/* One header cell and the cell under it in the only data row. */
struct col_case {
	const char	*header;
	enum field	 field;		/* FIELD_COUNT: not a known column */
	const char	*cell;
};

/* Reads a header and one row built from a table of columns. */
static void
read_columns(const char *before, const struct col_case *cols, size_t n)
{
	struct strbuf b = {0};
	char *csv;
	size_t i;

	strbuf_puts(&b, before);
	for (i = 0; i < n; i++) {
		strbuf_puts(&b, i > 0 ? "," : "");
		strbuf_puts(&b, cols[i].header);
	}
	strbuf_puts(&b, "\n");
	for (i = 0; i < n; i++) {
		strbuf_puts(&b, i > 0 ? "," : "");
		strbuf_puts(&b, cols[i].cell);
	}
	strbuf_puts(&b, "\n");
	csv = strbuf_take(&b);
	read_str(csv);
	free(csv);
}

/* Asserts that each known column's cell landed in its field, at its column. */
static void
assert_columns(const struct col_case *cols, size_t n, int line)
{
	const struct rec_project *p;
	size_t i, j, g = 0;
	int col;

	assert_int_equal(rec.nprojects, 1);
	p = &rec.project[0];
	assert_int_equal(p->line, line);
	assert_int_equal(p->nind, 1);
	assert_int_equal(p->ind[0].line, line);
	for (i = 0; i < n; i++) {
		enum field f = cols[i].field;

		col = (int)i + 1;
		if (f == FIELD_COUNT)
			continue;
		if (f == FIELD_GOAL) {
			/* Goals are in number order; find this column's. */
			for (j = 0; j < p->ngoals &&
			    p->goal[j].loc.col != col; j++)
				continue;
			assert_in_range(j, 0, p->ngoals - 1);
			assert_string_equal(p->goal[j].text, cols[i].cell);
			g++;
		} else if (f < PROJECT_FIELDS) {
			assert_string_equal(p->text[f], cols[i].cell);
			assert_int_equal(p->loc[f].line, line);
			assert_int_equal(p->loc[f].col, col);
		} else {
			assert_string_equal(p->ind[0].text[IND(f)],
			    cols[i].cell);
			assert_int_equal(p->ind[0].loc[IND(f)].col, col);
		}
	}
	assert_int_equal(p->ngoals, g);
}

/* Chinese headers in canonical order map every column to its field. */
static void
test_read_csv_chinese_header(void **state)
{
	static const struct col_case cols[] = {
		{ "项目编码", FIELD_CODE, "571-0101-YBN-NFOY" },
		{ "项目名称", FIELD_NAME, "辐射环境监测工作经费" },
		{ "预算数", FIELD_BUDGET, "15" },
		{ "财政资金", FIELD_FISCAL, "12" },
		{ "其他资金", FIELD_OTHER, "3" },
		{ "资金用途", FIELD_PURPOSE, "监督性监测" },
		{ "3月底", FIELD_PLAN_MAR, "25" },
		{ "6月底", FIELD_PLAN_JUN, "50%" },
		{ "10月底", FIELD_PLAN_OCT, "75" },
		{ "12月底", FIELD_PLAN_DEC, "100" },
		{ "目标1", FIELD_GOAL, "保障辐射环境安全" },
		{ "目标2", FIELD_GOAL, "完成应急演练" },
		{ "一级指标", FIELD_LEVEL1, "产出指标" },
		{ "二级指标", FIELD_LEVEL2, "数量指标" },
		{ "三级指标", FIELD_LEVEL3, "完成数量" },
		{ "绩效指标描述", FIELD_DESCRIPTION, "应急演练次数" },
		{ "指标值", FIELD_VALUE, "=1次" },
		{ "指标值确定依据", FIELD_BASIS, "工作计划" },
	};
	int f;

	(void)state;
	read_columns("", cols, NELEM(cols));
	assert_int_equal(rec.ndiags, 0);
	assert_columns(cols, NELEM(cols), 2);
	assert_string_equal(rec.project[0].file, "t.csv");
	/* Every field, indicator columns too, is located on the first row. */
	for (f = 0; f < FIELD_COUNT; f++) {
		assert_int_equal(rec.project[0].loc[f].line, 2);
		assert_int_equal(rec.project[0].loc[f].col,
		    f <= FIELD_GOAL ? f + 1 : f + 2);
	}
	assert_false(rec.project[0].reappeared);
	assert_int_equal(rec.project[0].goal[0].number, 1);
	assert_int_equal(rec.project[0].goal[1].number, 2);
	assert_int_equal(rec.project[0].ind[0].level1, LEVEL1_OUTPUT);
}

/* English aliases are recognised in any order and any letter case. */
static void
test_read_csv_english_aliases(void **state)
{
	static const struct col_case cols[] = {
		{ "basis", FIELD_BASIS, "工作计划" },
		{ "level1", FIELD_LEVEL1, "满意度指标" },
		{ "goal2", FIELD_GOAL, "目标二" },
		{ "plan_dec", FIELD_PLAN_DEC, "100" },
		{ "value", FIELD_VALUE, ">=90%" },
		{ "Name", FIELD_NAME, "名称" },
		{ "code", FIELD_CODE, "C1" },
		{ "level3", FIELD_LEVEL3, "群众满意度" },
		{ "budget", FIELD_BUDGET, "20" },
		{ "PLAN_MAR", FIELD_PLAN_MAR, "10" },
		{ "description", FIELD_DESCRIPTION, "满意度调查" },
		{ "purpose", FIELD_PURPOSE, "用途" },
		{ "fiscal", FIELD_FISCAL, "20" },
		{ "goal1", FIELD_GOAL, "目标一" },
		{ "level2", FIELD_LEVEL2, "服务对象满意度指标" },
		{ "plan_oct", FIELD_PLAN_OCT, "70" },
		{ "other", FIELD_OTHER, "0" },
		{ "plan_jun", FIELD_PLAN_JUN, "50" },
	};
	const struct rec_project *p;

	(void)state;
	read_columns("", cols, NELEM(cols));
	assert_int_equal(rec.ndiags, 0);
	assert_columns(cols, NELEM(cols), 2);
	/* Goals are kept by number, whatever the column order. */
	p = &rec.project[0];
	assert_int_equal(p->goal[0].number, 1);
	assert_string_equal(p->goal[0].text, "目标一");
	assert_int_equal(p->goal[1].number, 2);
	assert_string_equal(p->goal[1].text, "目标二");
	assert_int_equal(p->ind[0].level1, LEVEL1_SATISFACTION);
}

/* Headers match after removing white space and folding full-width ASCII. */
static void
test_read_csv_header_folding(void **state)
{
	static const struct col_case cols[] = {
		{ " 项目 编码 ", FIELD_CODE, "P1" },
		{ "ｎａｍｅ", FIELD_NAME, "名称" },
		{ "预　算　数", FIELD_BUDGET, "10" },
		{ "\"财政\n资金\"", FIELD_FISCAL, "10" },
		{ "\t资金用途\t", FIELD_PURPOSE, "用途" },
		{ "３月底", FIELD_PLAN_MAR, "25" },
		{ "6 月底", FIELD_PLAN_JUN, "50" },
		{ "１０月底", FIELD_PLAN_OCT, "75" },
		{ "１2月底", FIELD_PLAN_DEC, "100" },
		{ "目标１", FIELD_GOAL, "目标" },
		{ "　一级指标　", FIELD_LEVEL1, "产出指标" },
		{ "ＬＥＶＥＬ２", FIELD_LEVEL2, "数量指标" },
		{ "三 级 指 标", FIELD_LEVEL3, "数量" },
		{ "绩效指标描述", FIELD_DESCRIPTION, "描述" },
		{ "指标值 ", FIELD_VALUE, "=1次" },
		{ "Basis", FIELD_BASIS, "工作计划" },
	};

	(void)state;
	/* The multi-line header cell puts the data row on line 3. */
	read_columns("", cols, NELEM(cols));
	assert_int_equal(rec.ndiags, 0);
	assert_columns(cols, NELEM(cols), 3);
}

/* 其他资金 may be absent: the project is read and its 其他资金 is blank. */
static void
test_read_csv_other_optional(void **state)
{
	(void)state;
	read_str("项目编码,项目名称,预算数,财政资金,资金用途,3月底,6月底,"
	    "10月底,12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述,"
	    "指标值,指标值确定依据\n"
	    "P1,项目一,10,10,用途,25,50,75,100,目标," IND_A);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_string_equal(rec.project[0].text[FIELD_OTHER], "");
	assert_string_equal(rec.project[0].text[FIELD_FISCAL], "10");
	assert_string_equal(rec.project[0].text[FIELD_PURPOSE], "用途");
	assert_int_equal(rec.project[0].nind, 1);
}

/* A missing required column is PB002 at the header, column 1; no project. */
static void
test_read_csv_required_missing(void **state)
{
	static const struct col_case all[] = {
		{ "项目编码", FIELD_CODE, "P1" },
		{ "项目名称", FIELD_NAME, "名称" },
		{ "预算数", FIELD_BUDGET, "10" },
		{ "财政资金", FIELD_FISCAL, "10" },
		{ "资金用途", FIELD_PURPOSE, "用途" },
		{ "3月底", FIELD_PLAN_MAR, "25" },
		{ "6月底", FIELD_PLAN_JUN, "50" },
		{ "10月底", FIELD_PLAN_OCT, "75" },
		{ "12月底", FIELD_PLAN_DEC, "100" },
		{ "目标1", FIELD_GOAL, "目标" },
		{ "一级指标", FIELD_LEVEL1, "产出指标" },
		{ "二级指标", FIELD_LEVEL2, "数量指标" },
		{ "三级指标", FIELD_LEVEL3, "数量" },
		{ "绩效指标描述", FIELD_DESCRIPTION, "描述" },
		{ "指标值", FIELD_VALUE, "=1次" },
		{ "指标值确定依据", FIELD_BASIS, "工作计划" },
	};
	struct col_case cols[NELEM(all)];
	const struct rec_diag *d;
	size_t skip, i, n;

	(void)state;
	/* The whole table reads cleanly: each PB002 is the column left out. */
	read_columns(",,\n", all, NELEM(all));
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	for (skip = 0; skip < NELEM(all); skip++) {
		for (i = n = 0; i < NELEM(all); i++)
			if (i != skip)
				cols[n++] = all[i];
		/* A blank row first: the header is on line 2. */
		read_columns(",,\n", cols, n);
		if (all[skip].field == FIELD_CODE) {
			/* Without 项目编码 the row is no header (SPEC 2.1),
			 * and its labels do not make a form table. */
			assert_int_equal(rec_count(&rec, RULE_PB002), 0);
			assert_int_equal(rec_count(&rec, RULE_PB001), 1);
			assert_int_equal(rec.nprojects, 0);
			continue;
		}
		assert_int_equal(rec.ndiags, 1);
		d = assert_diag(RULE_PB002, 0, 2, 1);
		assert_int_equal(d->field, all[skip].field);
		assert_string_equal(d->value, all[skip].header);
		assert_false(d->in_project);
		assert_int_equal(rec.nprojects, 0);
	}
}

/* 财政资金 absent: PB002 at the header line, column 1; no project at all. */
static void
test_read_csv_fiscal_missing(void **state)
{
	const struct rec_diag *d;

	(void)state;
	read_str("\n项目编码,项目名称,预算数,其他资金,资金用途,3月底,6月底,"
	    "10月底,12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述,"
	    "指标值,指标值确定依据\n"
	    "P1,项目一,10,0,用途,25,50,75,100,目标," IND_A
	    "P2,项目二,10,0,用途,25,50,75,100,目标," IND_B);
	assert_int_equal(rec.ndiags, 1);
	d = assert_diag(RULE_PB002, 0, 2, 1);
	assert_int_equal(d->field, FIELD_FISCAL);
	assert_string_equal(d->value, "财政资金");
	assert_int_equal(rec.nprojects, 0);
}

/* No 目标1 column (none at all, or 目标2 alone) is PB002 for 目标1. */
static void
test_read_csv_goal1_missing(void **state)
{
	static const char *const headers[] = {
		"项目编码,项目名称,预算数,财政资金,资金用途,3月底,6月底,10月底,"
		"12月底,一级指标,二级指标,三级指标,绩效指标描述,指标值,"
		"指标值确定依据\n",
		"项目编码,项目名称,预算数,财政资金,资金用途,3月底,6月底,10月底,"
		"12月底,目标2,一级指标,二级指标,三级指标,绩效指标描述,指标值,"
		"指标值确定依据\n",
	};
	const struct rec_diag *d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(headers); i++) {
		read_str(headers[i]);
		assert_int_equal(rec.ndiags, 1);
		d = assert_diag(RULE_PB002, 0, 1, 1);
		assert_int_equal(d->field, FIELD_GOAL);
		assert_int_equal(d->goal, 1);
		assert_string_equal(d->value, "目标1");
		assert_int_equal(rec.nprojects, 0);
	}
}

/* An unknown column is PB003 at the header, that column; the rest is read. */
static void
test_read_csv_unknown_column(void **state)
{
	static const struct col_case cols[] = {
		{ "项目编码", FIELD_CODE, "P1" },
		{ "项目名称", FIELD_NAME, "名称" },
		{ "备注", FIELD_COUNT, "不读" },
		{ "预算数", FIELD_BUDGET, "10" },
		{ "财政资金", FIELD_FISCAL, "10" },
		{ "资金用途", FIELD_PURPOSE, "用途" },
		{ "3月底", FIELD_PLAN_MAR, "25" },
		{ "6月底", FIELD_PLAN_JUN, "50" },
		{ "10月底", FIELD_PLAN_OCT, "75" },
		{ "12月底", FIELD_PLAN_DEC, "100" },
		{ "目标1", FIELD_GOAL, "目标" },
		{ "目标0", FIELD_COUNT, "也不读" },
		{ "一级指标", FIELD_LEVEL1, "产出指标" },
		{ "二级指标", FIELD_LEVEL2, "数量指标" },
		{ "三级指标", FIELD_LEVEL3, "数量" },
		{ "绩效指标描述", FIELD_DESCRIPTION, "描述" },
		{ "指标值", FIELD_VALUE, "=1次" },
		{ "指标值确定依据", FIELD_BASIS, "工作计划" },
		{ "", FIELD_COUNT, "空表头" },
	};
	const struct rec_diag *d;

	(void)state;
	read_columns("", cols, NELEM(cols));
	/* A blank header cell is not reported. */
	assert_int_equal(rec.ndiags, 2);
	d = assert_diag(RULE_PB003, 0, 1, 3);
	assert_string_equal(d->value, "备注");
	assert_false(d->in_project);
	d = assert_diag(RULE_PB003, 1, 1, 12);
	assert_string_equal(d->value, "目标0");
	assert_columns(cols, NELEM(cols), 2);
}

/* A duplicate column is PB003 at the second one; the first one is read. */
static void
test_read_csv_duplicate_column(void **state)
{
	static const struct col_case cols[] = {
		{ "项目编码", FIELD_CODE, "P1" },
		{ "项目名称", FIELD_NAME, "名称" },
		{ "预算数", FIELD_BUDGET, "10" },
		{ "财政资金", FIELD_FISCAL, "10" },
		{ "资金用途", FIELD_PURPOSE, "用途" },
		{ "3月底", FIELD_PLAN_MAR, "25" },
		{ "6月底", FIELD_PLAN_JUN, "50" },
		{ "10月底", FIELD_PLAN_OCT, "75" },
		{ "12月底", FIELD_PLAN_DEC, "100" },
		{ "目标1", FIELD_GOAL, "目标" },
		{ "name", FIELD_COUNT, "第二个名称" },
		{ "goal1", FIELD_COUNT, "第二个目标" },
		{ "一级指标", FIELD_LEVEL1, "产出指标" },
		{ "二级指标", FIELD_LEVEL2, "数量指标" },
		{ "三级指标", FIELD_LEVEL3, "数量" },
		{ "绩效指标描述", FIELD_DESCRIPTION, "描述" },
		{ "指标值", FIELD_VALUE, "=1次" },
		{ "指标值确定依据", FIELD_BASIS, "工作计划" },
		{ "三级指标", FIELD_COUNT, "第二个三级" },
	};
	const struct rec_diag *d;

	(void)state;
	read_columns("", cols, NELEM(cols));
	assert_int_equal(rec.ndiags, 3);
	d = assert_diag(RULE_PB003, 0, 1, 11);
	assert_string_equal(d->value, "name");
	d = assert_diag(RULE_PB003, 1, 1, 12);
	assert_string_equal(d->value, "goal1");
	d = assert_diag(RULE_PB003, 2, 1, 19);
	assert_string_equal(d->value, "三级指标");
	assert_columns(cols, NELEM(cols), 2);
}

/* A blank 项目编码 continues the project; blank project cells are the same. */
static void
test_read_csv_fill_down_code(void **state)
{
	const struct rec_project *p;
	size_t i;

	(void)state;
	read_str(HEADER
	    PA IND_A
	    BLANK IND_B
	    PA IND_A
	    ",项目一,,,,,,,,,目标甲,," IND_B
	    "P2,项目二,5,5,,用途二,0,50,80,100,目标丙,," IND_A);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	p = &rec.project[0];
	assert_string_equal(p->text[FIELD_CODE], "P1");
	assert_string_equal(p->text[FIELD_NAME], "项目一");
	assert_string_equal(p->text[FIELD_FISCAL], "8");
	assert_string_equal(p->text[FIELD_PLAN_DEC], "100");
	assert_int_equal(p->ngoals, 2);
	assert_string_equal(p->goal[0].text, "目标甲");
	assert_string_equal(p->goal[1].text, "目标乙");
	assert_int_equal(p->line, 2);
	assert_int_equal(p->nind, 4);
	for (i = 0; i < p->nind; i++)
		assert_int_equal(p->ind[i].line, (int)i + 2);
	assert_string_equal(ind_text(0, 1, FIELD_LEVEL2), "质量指标");
	assert_string_equal(rec.project[1].text[FIELD_CODE], "P2");
	assert_int_equal(rec.project[1].line, 6);
	assert_int_equal(rec.project[1].nind, 1);
}

/* A project cell differing on a later row is PB006 at that row and column. */
static void
test_read_csv_project_column_differs(void **state)
{
	const struct rec_diag *d;
	const struct rec_project *p;

	(void)state;
	read_str(HEADER
	    PA IND_A
	    "P1,项目二,10,8,2,用途一,25,50,75,100,目标甲,目标乙," IND_B
	    ",,,,,,,60,,,,目标丁," IND_A
	    /* Equal as labels: spaces and full-width digits. */
	    "P1,项 目 一,１０,8,2,用途一,25,50,75,100,目标甲 ,目标乙," IND_B
	    PB IND_A);
	assert_int_equal(rec.ndiags, 3);
	assert_int_equal(rec_count(&rec, RULE_PB006), 3);
	d = assert_diag(RULE_PB006, 0, 3, C_NAME);
	assert_int_equal(d->field, FIELD_NAME);
	assert_string_equal(d->value, "项目二");
	assert_true(d->in_project);
	assert_string_equal(d->project, "P1");
	d = assert_diag(RULE_PB006, 1, 4, C_JUN);
	assert_int_equal(d->field, FIELD_PLAN_JUN);
	assert_string_equal(d->value, "60");
	assert_true(d->in_project);
	d = assert_diag(RULE_PB006, 2, 4, C_GOAL2);
	assert_int_equal(d->field, FIELD_GOAL);
	assert_int_equal(d->goal, 2);
	assert_string_equal(d->value, "目标丁");
	assert_true(d->in_project);
	assert_string_equal(d->project, "P1");
	/* The project keeps its first row's values and every row. */
	assert_int_equal(rec.nprojects, 2);
	p = &rec.project[0];
	assert_string_equal(p->text[FIELD_NAME], "项目一");
	assert_string_equal(p->text[FIELD_PLAN_JUN], "50");
	assert_string_equal(p->goal[1].text, "目标乙");
	assert_int_equal(p->nind, 4);
	/* The findings reach the sink before their project. */
	assert_int_equal(p->ndiags_before, 3);
}

/* Blank 一级 and 二级 are filled down; 二级 not on a new 一级. */
static void
test_read_csv_fill_down_levels(void **state)
{
	static const struct {
		const char	*level1;
		const char	*level2;
		const char	*level3;
	} want[] = {
		{ "产出指标", "数量指标", "a" },
		{ "产出指标", "数量指标", "b" },
		{ "产出指标", "质量指标", "c" },
		{ "产出指标", "质量指标", "d" },
		{ "效果指标", "", "e" },
		{ "效果指标", "", "f" },
		{ "效果指标", "社会效益指标", "g" },
		/* The same 一级 written again does not start a new one. */
		{ "效果指标", "社会效益指标", "h" },
		{ "满意度指标", "服务对象满意度指标", "i" },
		{ "满意度指标", "服务对象满意度指标", "j" },
	};
	size_t i;

	(void)state;
	read_str(HEADER
	    PA "产出指标,数量指标,a,,,\n"
	    BLANK ",,b,,,\n"
	    BLANK ",质量指标,c,,,\n"
	    BLANK ",,d,,,\n"
	    BLANK "效果指标,,e,,,\n"
	    BLANK ",,f,,,\n"
	    BLANK ",社会效益指标,g,,,\n"
	    BLANK "效果指标,,h,,,\n"
	    BLANK "满意度指标,服务对象满意度指标,i,,,\n"
	    BLANK ",,j,,,\n"
	    /* A new project does not inherit the levels. */
	    PB ",,k,,,\n");
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	assert_int_equal(rec.project[0].nind, NELEM(want));
	for (i = 0; i < NELEM(want); i++) {
		assert_string_equal(ind_text(0, i, FIELD_LEVEL1),
		    want[i].level1);
		assert_string_equal(ind_text(0, i, FIELD_LEVEL2),
		    want[i].level2);
		assert_string_equal(ind_text(0, i, FIELD_LEVEL3),
		    want[i].level3);
		assert_int_equal(rec.project[0].ind[i].line, (int)i + 2);
	}
	assert_int_equal(rec.project[1].nind, 1);
	assert_string_equal(ind_text(1, 0, FIELD_LEVEL1), "");
	assert_string_equal(ind_text(1, 0, FIELD_LEVEL2), "");
	assert_int_equal(rec.project[1].ind[0].level1, LEVEL1_UNKNOWN);
}

/* A row with project columns only is no indicator (even the first row). */
static void
test_read_csv_project_only_row(void **state)
{
	(void)state;
	read_str(HEADER
	    PA NO_IND
	    BLANK IND_A
	    BLANK ",,,,,指标值确定依据\n"
	    PB NO_IND
	    PC NO_IND
	    BLANK NO_IND);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 3);
	assert_int_equal(rec.project[0].line, 2);
	assert_string_equal(rec.project[0].text[FIELD_NAME], "项目一");
	assert_int_equal(rec.project[0].nind, 2);
	assert_int_equal(rec.project[0].ind[0].line, 3);
	/* One non-blank indicator cell is enough; 一级 is filled down. */
	assert_int_equal(rec.project[0].ind[1].line, 4);
	assert_string_equal(ind_text(0, 1, FIELD_BASIS), "指标值确定依据");
	assert_string_equal(ind_text(0, 1, FIELD_LEVEL1), "产出指标");
	assert_int_equal(rec.project[1].nind, 0);
	assert_int_equal(rec.project[1].line, 5);
	assert_int_equal(rec.project[2].nind, 0);
	assert_int_equal(rec.project[2].line, 6);
}

/* Wholly blank rows are skipped anywhere and do not disturb line numbers. */
static void
test_read_csv_blank_rows(void **state)
{
	(void)state;
	read_str("\n"
	    ",,,,\n"
	    HEADER				/* line 3 */
	    ",,,,\n"
	    PA IND_A				/* line 5 */
	    "\n"
	    ",,,,,,,,,,,,,,,,,,,,,,,,\n"
	    "  ,\t,  ,　\n"
	    BLANK IND_B				/* line 9 */
	    "\"\",\"\",\" \"\n"
	    PB IND_A);				/* line 11 */
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	assert_int_equal(rec.project[0].line, 5);
	assert_int_equal(rec.project[0].nind, 2);
	assert_int_equal(rec.project[0].ind[0].line, 5);
	assert_int_equal(rec.project[0].ind[1].line, 9);
	assert_int_equal(rec.project[1].line, 11);
	assert_int_equal(rec.project[1].nind, 1);
	assert_int_equal(rec.project[1].ind[0].line, 11);
}

/* A code back after another project: PB004 there, the block its own project. */
static void
test_read_csv_code_reappears(void **state)
{
	static const struct {
		const char	*code;
		int		 line;
		bool		 reappeared;
		size_t		 nind;
		size_t		 ndiags_before;
	} want[] = {
		{ "P1", 2, false, 2, 0 },
		{ "P2", 4, false, 1, 0 },
		{ "P1", 5, true, 2, 1 },
		{ "P3", 7, false, 1, 1 },
		{ "P2", 8, true, 1, 2 },
	};
	const struct rec_diag *d;
	size_t i;

	(void)state;
	read_str(HEADER
	    PA IND_A
	    BLANK IND_B
	    PB IND_A
	    PA IND_A
	    BLANK IND_B
	    PC IND_A
	    PB IND_A);
	assert_int_equal(rec.ndiags, 2);
	d = assert_diag(RULE_PB004, 0, 5, C_CODE);
	assert_int_equal(d->field, FIELD_CODE);
	assert_string_equal(d->value, "P1");
	assert_string_equal(d->project, "P1");
	assert_true(d->in_project);
	d = assert_diag(RULE_PB004, 1, 8, C_CODE);
	assert_string_equal(d->value, "P2");
	assert_true(d->in_project);
	assert_int_equal(rec.nprojects, NELEM(want));
	for (i = 0; i < NELEM(want); i++) {
		assert_string_equal(rec.project[i].text[FIELD_CODE],
		    want[i].code);
		assert_int_equal(rec.project[i].line, want[i].line);
		assert_int_equal(rec.project[i].reappeared,
		    want[i].reappeared);
		assert_int_equal(rec.project[i].nind, want[i].nind);
		assert_int_equal(rec.project[i].ndiags_before,
		    want[i].ndiags_before);
	}
}

/* A multi-line cell in a row's first field: the row is where it starts. */
static void
test_read_csv_multiline_first_field(void **state)
{
	(void)state;
	read_str("一级指标,项目编码,项目名称,预算数,财政资金,资金用途,3月底,"
	    "6月底,10月底,12月底,目标1,二级指标,三级指标,绩效指标描述,指标值,"
	    "指标值确定依据\n"
	    /* Lines 2-3. */
	    "\"产出\n指标\",P1,项目一,10,10,用途,25,50,75,100,目标,"
	    "数量指标,a,描述,=1次,工作计划\n"
	    ",,,,,,,,,,,质量指标,b,描述,100%,工作计划\n"		/* 4 */
	    "\"效果\n\n指标\",,,,,,,,,,,社会效益指标,c,描述,提高,工作计划\n"
	    /* Lines 8-9. */
	    "\"满意度\n指标\",P2,项目二,5,5,用途,25,50,75,100,目标,"
	    "满意度指标,d,描述,>=90%,工作计划\n"
	    ",,项目X,,,,,,,,,,e,描述,>=90%,工作计划\n");		/* 10 */
	assert_int_equal(rec.nprojects, 2);
	assert_int_equal(rec.project[0].line, 2);
	assert_int_equal(rec.project[0].loc[FIELD_CODE].line, 2);
	assert_int_equal(rec.project[0].nind, 3);
	assert_int_equal(rec.project[0].ind[0].line, 2);
	assert_int_equal(rec.project[0].ind[1].line, 4);
	assert_int_equal(rec.project[0].ind[2].line, 5);
	/* The line break stays in the text; the label still matches. */
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL1), "产出\n指标");
	assert_int_equal(rec.project[0].ind[0].level1, LEVEL1_OUTPUT);
	assert_string_equal(ind_text(0, 1, FIELD_LEVEL1), "产出\n指标");
	assert_int_equal(rec.project[0].ind[2].level1, LEVEL1_EFFECT);
	assert_int_equal(rec.project[1].line, 8);
	assert_int_equal(rec.project[1].ind[0].line, 8);
	assert_int_equal(rec.project[1].ind[0].level1, LEVEL1_SATISFACTION);
	assert_int_equal(rec.project[1].ind[1].line, 10);
	assert_int_equal(rec.ndiags, 1);
	assert_diag(RULE_PB006, 0, 10, 3);
}

/* Multi-line quoted cells in middle and last fields: later lines stay right. */
static void
test_read_csv_multiline_middle_field(void **state)
{
	(void)state;
	read_str(HEADER
	    /* Lines 2-3, then 4-6. */
	    PA "产出指标,数量指标,\"完成\n数量\",描述,=1次,工作计划\n"
	    BLANK ",,b,\"多行\n描述\n第三行\",=1次,工作计划\n"
	    BLANK ",,c,描述,=1次,\"工作\n计划\"\n"			/* 7-8 */
	    "P1,项目X,,,,,,,,,,," ",,d,描述,=1次,工作计划\n"		/* 9 */
	    PB IND_A);							/* 10 */
	assert_int_equal(rec.nprojects, 2);
	assert_int_equal(rec.project[0].nind, 4);
	assert_int_equal(rec.project[0].ind[0].line, 2);
	assert_int_equal(rec.project[0].ind[1].line, 4);
	assert_int_equal(rec.project[0].ind[2].line, 7);
	assert_int_equal(rec.project[0].ind[3].line, 9);
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL3), "完成\n数量");
	assert_string_equal(ind_text(0, 1, FIELD_DESCRIPTION),
	    "多行\n描述\n第三行");
	assert_string_equal(ind_text(0, 2, FIELD_BASIS), "工作\n计划");
	assert_int_equal(rec.ndiags, 1);
	assert_diag(RULE_PB006, 0, 9, C_NAME);
	assert_int_equal(rec.project[1].line, 10);
	assert_int_equal(rec.project[1].ind[0].line, 10);
}

/* LF, CRLF and CR line ends (in cells too) give the same rows and lines. */
static void
test_read_csv_line_ends(void **state)
{
	static const char *const ends[] = { "\n", "\r\n", "\r" };
	static const char template[] = HEADER
	    "\n"
	    PA "\"产出\n指标\",数量指标,a,描述,=1次,工作计划\n"	/* 3-4 */
	    BLANK ",,b,\"多行\n描述\",=1次,工作计划\n"		/* 5-6 */
	    "P1,项目X,,,,,,,,,,," ",,c,描述,=1次,工作计划\n"	/* 7 */
	    PB IND_A						/* 8 */
	    PC IND_B;						/* 9, no end */
	struct strbuf b = {0};
	char *csv;
	const char *s;
	size_t i, k;

	(void)state;
	for (i = 0; i < NELEM(ends); i++) {
		for (s = template; *s != '\0'; s++)
			if (*s == '\n')
				strbuf_puts(&b, ends[i]);
			else
				strbuf_putc(&b, *s);
		/* The last row has no line end at all. */
		b.data[b.len -= strlen(ends[i])] = '\0';
		csv = strbuf_take(&b);
		read_str(csv);
		free(csv);
		assert_int_equal(rec.nprojects, 3);
		assert_int_equal(rec.project[0].line, 3);
		assert_int_equal(rec.project[0].nind, 3);
		assert_int_equal(rec.project[0].ind[0].line, 3);
		assert_int_equal(rec.project[0].ind[0].level1, LEVEL1_OUTPUT);
		assert_int_equal(rec.project[0].ind[1].line, 5);
		assert_int_equal(rec.project[0].ind[1].level1, LEVEL1_OUTPUT);
		assert_int_equal(rec.project[0].ind[2].line, 7);
		assert_int_equal(rec.project[1].line, 8);
		assert_int_equal(rec.project[2].line, 9);
		assert_int_equal(rec.project[2].nind, 1);
		/* Line ends never leak into the project cells. */
		for (k = 0; k < PROJECT_FIELDS; k++)
			assert_null(strpbrk(rec.project[2].text[k], "\r\n"));
		assert_string_equal(ind_text(2, 0, FIELD_BASIS), "行业标准");
		assert_int_equal(rec.ndiags, 1);
		assert_diag(RULE_PB006, 0, 7, C_NAME);
	}
}

/* Cells are trimmed (U+3000 too), quoted or not; inner spaces stay. */
static void
test_read_csv_cell_trimming(void **state)
{
	const struct rec_project *p;

	(void)state;
	read_str(HEADER
	    "  P1  ,\t项 目 一\t,\" 10 \",　8　,\"\t2\",\"  用途  \","
	    "25 ,50,75,100,\"\n目标甲\n\",目标乙 ,"
	    " 产出指标 ,数量指标　,\"  完成数量\",描述 ,\" =1次 \",工作计划\n"
	    "P1,项 目 一,,,,,,,,,,,,,b,,,\n");
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	p = &rec.project[0];
	assert_string_equal(p->text[FIELD_CODE], "P1");
	assert_string_equal(p->text[FIELD_NAME], "项 目 一");
	assert_string_equal(p->text[FIELD_BUDGET], "10");
	assert_string_equal(p->text[FIELD_FISCAL], "8");
	assert_string_equal(p->text[FIELD_OTHER], "2");
	assert_string_equal(p->text[FIELD_PURPOSE], "用途");
	assert_string_equal(p->text[FIELD_PLAN_MAR], "25");
	assert_string_equal(p->goal[0].text, "目标甲");
	assert_string_equal(p->goal[1].text, "目标乙");
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL1), "产出指标");
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL2), "数量指标");
	assert_string_equal(ind_text(0, 0, FIELD_LEVEL3), "完成数量");
	assert_string_equal(ind_text(0, 0, FIELD_DESCRIPTION), "描述");
	assert_string_equal(ind_text(0, 0, FIELD_VALUE), "=1次");
	/* The goal cell spans lines 2-4, so the second row is line 5. */
	assert_int_equal(p->nind, 2);
	assert_int_equal(p->ind[1].line, 5);
}

/*
 * Malformed CSV is PB001 at the line where the broken record starts and
 * the field where it breaks; no crash. The project it cuts short is not
 * delivered (it would be checked on half its rows), the one before a
 * record that starts another project is.
 */
static void
test_read_csv_malformed(void **state)
{
	static const struct {
		const char	*csv;
		int		 line;
		int		 col;
		size_t		 nprojects;	/* delivered before the error */
	} cases[] = {
		/* A quote inside an unquoted field. */
		{ HEADER PA IND_A "a,b\"c,d\n" PB IND_A, 3, 2, 1 },
		{ HEADER PA IND_A PB IND_A "P2,名称\"\n" PC IND_A, 4, 2, 1 },
		{ HEADER PA IND_A ",b\"c,d\n" PB IND_A, 3, 2, 0 },
		{ "项目编码,项目\"名称\n", 1, 2, 0 },
		/* Text after a closing quote: the record's line, not the
		 * line where the quote closes. */
		{ HEADER PA IND_A "\"P2\"x,名称\n", 3, 1, 0 },
		{ HEADER "\n" PA IND_A ",,,,\"a\nb\"c,\n", 4, 5, 0 },
		{ HEADER PA IND_A "P2,\"x\ny\nz\"w,\n" PB IND_A, 3, 2, 1 },
		{ HEADER PA IND_A ",,,,,,,,,,,,产出指标,\"a\n\nb\"c\n", 3, 14,
		    0 },
		/* A quote never closed: the record where it opens. */
		{ HEADER PA IND_A "P2,\"unterminated", 3, 2, 1 },
		{ HEADER PA IND_A "P2,\"unterminated\n" PB IND_A PC IND_A,
		    3, 2, 1 },
		{ HEADER PA IND_A PB IND_A "\n\nP3,名称,\"", 6, 3, 2 },
		{ HEADER PA IND_A "\"\n", 3, 1, 0 },
		{ "\"", 1, 1, 0 },
	};
	const struct rec_diag *d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		read_str(cases[i].csv);
		assert_int_equal(rec_count(&rec, RULE_PB001), 1);
		d = assert_diag(RULE_PB001, 0, cases[i].line, cases[i].col);
		assert_false(d->in_project);
		assert_int_equal(rec_count(&rec, RULE_PB009), 0);
		/* Complete projects before the error are read, none after. */
		assert_int_equal(rec.nprojects, cases[i].nprojects);
		if (rec.nprojects > 0)
			assert_string_equal(rec.project[rec.nprojects - 1].
			    text[FIELD_CODE], rec.nprojects == 1 ? "P1" : "P2");
	}
}

/* An input with no row at all (or only blank rows) is PB001 at 1:1. */
static void
test_read_csv_empty_input(void **state)
{
	static const char *const inputs[] = {
		"", "\n", "\r\n\r\n", "\r", ",,,\n", " \n\t\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(inputs); i++) {
		read_str(inputs[i]);
		assert_int_equal(rec.ndiags, 1);
		assert_diag(RULE_PB001, 0, 1, 1);
		assert_int_equal(rec.nprojects, 0);
	}
}

/*
 * A header and no indicator row (nothing after it, blank rows) is PB009
 * at the header, column 1 (SPEC 4, PB0): a gate must not pass a file it
 * did not check. A row of project columns alone is a project (PB109 is
 * the rules'), not PB009; a header with PB002 is not also PB009.
 */
static void
test_read_csv_header_only(void **state)
{
	static const struct {
		const char	*csv;
		int		 line;		/* PB009's; 0: none */
		size_t		 nprojects;
	} cases[] = {
		{ HEADER, 1, 0 },
		{ "项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,"
		  "6月底,10月底,12月底,目标1,一级指标,二级指标,三级指标,"
		  "绩效指标描述,指标值,指标值确定依据", 1, 0 },
		{ HEADER ",,,\n\n", 1, 0 },
		{ "\n\n" HEADER "\r\n , \n", 3, 0 },
		{ "2021年度预算项目绩效目标表,,,,\n" HEADER, 2, 0 },
		{ HEADER PA NO_IND, 0, 1 },
		{ "项目编码,项目名称,预算数,财政资金,资金用途\n", 0, 0 },
	};
	const struct rec_diag *d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		read_str(cases[i].csv);
		assert_int_equal(rec.nprojects, cases[i].nprojects);
		if (cases[i].line == 0) {
			assert_int_equal(rec_count(&rec, RULE_PB009), 0);
			continue;
		}
		assert_int_equal(rec.ndiags, 1);
		d = assert_diag(RULE_PB009, 0, cases[i].line, 1);
		assert_false(d->in_project);
	}
}

/*
 * Title rows above the header, as Excel saves a titled sheet, are skipped:
 * the header is the first row with five column names, one 项目编码.
 */
static void
test_read_csv_title_rows(void **state)
{
	static const struct {
		const char	*csv;
		int		 line;		/* the project's */
	} cases[] = {
		{ "2021年度预算项目绩效目标表,,,,\n单位：万元,,,,\n" HEADER
		    PA IND_A, 4 },
		{ "某某局,,,,\n\n单位：万元\n" HEADER PA IND_A, 5 },
		/* A row with four names and 项目编码 is not yet the header. */
		{ "项目编码,项目名称,预算数,财政资金\n,,,\n" HEADER PA IND_A, 4 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		read_str(cases[i].csv);
		assert_int_equal(rec.ndiags, 0);
		assert_int_equal(rec.nprojects, 1);
		assert_string_equal(rec.project[0].text[FIELD_CODE], "P1");
		assert_int_equal(rec.project[0].line, cases[i].line);
		assert_int_equal(rec.project[0].loc[FIELD_NAME].line,
		    cases[i].line);
		assert_int_equal(rec.project[0].loc[FIELD_NAME].col, C_NAME);
		assert_int_equal(rec.project[0].nind, 1);
	}
}

/* A header's bracketed unit is not part of its name (预算数（万元）). */
static void
test_read_csv_header_units(void **state)
{
	static const struct col_case cols[] = {
		{ "项目编码", FIELD_CODE, "P1" },
		{ "项目名称", FIELD_NAME, "名称" },
		{ "预算数（万元）", FIELD_BUDGET, "10" },
		{ "财政资金(万元)", FIELD_FISCAL, "8" },
		{ "其他资金[万元]", FIELD_OTHER, "2" },
		{ "资金用途", FIELD_PURPOSE, "用途" },
		{ "3月底（%）", FIELD_PLAN_MAR, "25" },
		{ "6月底 ( % )", FIELD_PLAN_JUN, "50" },
		{ "10月底［％］", FIELD_PLAN_OCT, "75" },
		{ "12月底【%】", FIELD_PLAN_DEC, "100" },
		{ "目标1（必填）", FIELD_GOAL, "目标" },
		{ "一级指标", FIELD_LEVEL1, "产出指标" },
		{ "二级指标", FIELD_LEVEL2, "数量指标" },
		{ "三级指标", FIELD_LEVEL3, "数量" },
		{ "绩效指标描述", FIELD_DESCRIPTION, "描述" },
		{ "指标值", FIELD_VALUE, "=1次" },
		{ "指标值确定依据", FIELD_BASIS, "工作计划" },
		{ "（万元）", FIELD_COUNT, "不读" },
	};
	const struct rec_diag *d;

	(void)state;
	read_columns("", cols, NELEM(cols));
	/* A name that is a bracket alone is no known column. */
	assert_int_equal(rec.ndiags, 1);
	d = assert_diag(RULE_PB003, 0, 1, 18);
	assert_string_equal(d->value, "（万元）");
	assert_columns(cols, NELEM(cols), 2);
}

/*
 * A form's indicator header row (一级指标 … 指标值确定依据) has no
 * 项目编码: it never makes a form-layout CSV canonical, so no PB002.
 * Alone, it anchors a form project without a code (SPEC 2.2).
 */
static void
test_read_csv_indicator_header_not_canonical(void **state)
{
	(void)state;
	read_str("一级指标,二级指标,三级指标,绩效指标描述,指标值,"
	    "指标值确定依据\n"
	    "产出指标,数量指标,完成数量,完成次数,=1次,工作计划\n");
	assert_int_equal(rec_count(&rec, RULE_PB002), 0);
	assert_int_equal(rec_count(&rec, RULE_PB001), 0);
	assert_int_equal(rec.nprojects, 1);
	assert_true(rec.project[0].absent[FIELD_CODE]);
	assert_int_equal(rec.project[0].nind, 1);
	/* The same row under a form's labels: the form is read. */
	read_str("1. 某某项目绩效目标表,,,,,\n"
	    "项目编码,P1,项目名称,项目一,,\n"
	    "预算数,10,财政资金,10,其他资金,0\n"
	    "资金用途,用途,,,,\n"
	    "资金支出计划,3月底,6月底,10月底,12月底,\n"
	    ",25,50,75,100,\n"
	    "绩效目标,目标1,目标甲,,,\n"
	    "一级指标,二级指标,三级指标,绩效指标描述,指标值,"
	    "指标值确定依据\n"
	    "产出指标,数量指标,完成数量,完成次数,=1次,工作计划\n");
	assert_int_equal(rec_count(&rec, RULE_PB001), 0);
	assert_int_equal(rec_count(&rec, RULE_PB002), 0);
	assert_int_equal(rec.nprojects, 1);
	assert_string_equal(rec.project[0].text[FIELD_CODE], "P1");
	assert_int_equal(rec.project[0].nind, 1);
}

/* A first row with no known column name is PB001 at that row, column 1. */
static void
test_read_csv_no_known_column(void **state)
{
	static const struct {
		const char	*csv;
		int		 line;
	} cases[] = {
		{ "foo,bar\nP1,项目一\n", 1 },
		/* Form labels make it a form-layout CSV (SPEC 2.2): a table
		 * with 项目编码 but no indicator header is PB001 at its row. */
		{ "\n,,\n1. 某某项目绩效目标表,,\n项目编码,P1\n", 4 },
	};
	const struct rec_diag *d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		read_str(cases[i].csv);
		assert_int_equal(rec_count(&rec, RULE_PB001), 1);
		d = assert_diag(RULE_PB001, 0, cases[i].line, 1);
		assert_false(d->in_project);
		assert_int_equal(rec_count(&rec, RULE_PB002), 0);
		assert_int_equal(rec.nprojects, 0);
	}
	/* Without a header or a form label, PB001 says what was sought, in
	 * terms true of both header languages. */
	read_str("\n名称,金额,备注\nP1,10,\n编码,名字\n");
	assert_int_equal(rec.ndiags, 1);
	d = assert_diag(RULE_PB001, 0, 2, 1);
	assert_non_null(strstr(d->a, "at least five column names"));
	assert_non_null(strstr(d->a, "项目编码 (code)"));
	assert_non_null(strstr(d->a_zh, "至少有五个列名"));
}

/* Lines of spaces or tabs alone are skipped and do not shift the next record's line. */
static void
test_read_csv_whitespace_lines(void **state)
{
	const struct rec_diag *d;

	(void)state;
	read_str("  \n"
	    HEADER				/* line 2 */
	    PA IND_A				/* line 3 */
	    " \t \n"
	    BLANK IND_B				/* line 5 */
	    "\t\r\n"
	    PB IND_A				/* line 7 */
	    "   ");
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 2);
	assert_int_equal(rec.project[0].line, 3);
	assert_int_equal(rec.project[0].ind[1].line, 5);
	assert_int_equal(rec.project[1].line, 7);
	/* The header's line, too, is right after a line of spaces. */
	read_str("\t\n项目编码,项目名称,预算数,财政资金,资金用途\n");
	d = assert_diag(RULE_PB002, 0, 2, 1);
	(void)d;
}

/* Rows shorter than the header read blank cells; extra cells are ignored. */
static void
test_read_csv_ragged_rows(void **state)
{
	(void)state;
	read_str(HEADER
	    "P1,项目一,10\n"
	    BLANK IND_A
	    BLANK IND_B
	    ",,,,,,,,,,,,产出指标,时效指标\n"
	    BLANK "产出指标,成本指标,成本,描述,<=5万元,工作计划,多余,多余\n");
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_string_equal(rec.project[0].text[FIELD_BUDGET], "10");
	assert_string_equal(rec.project[0].text[FIELD_PURPOSE], "");
	assert_int_equal(rec.project[0].ngoals, 2);
	assert_string_equal(rec.project[0].goal[0].text, "");
	assert_int_equal(rec.project[0].line, 2);
	assert_int_equal(rec.project[0].nind, 4);
	assert_int_equal(rec.project[0].ind[0].line, 3);
	assert_string_equal(ind_text(0, 2, FIELD_LEVEL2), "时效指标");
	assert_string_equal(ind_text(0, 2, FIELD_BASIS), "");
	assert_string_equal(ind_text(0, 3, FIELD_BASIS), "工作计划");
}

/*
 * An invalid byte's position (line, character column in the decoded text)
 * becomes the CSV location: the record's line and the field's number,
 * quotes and line breaks inside quoted fields honoured.
 */
static void
test_read_csv_bad_positions(void **state)
{
	static const struct {
		const char	*csv;
		int		 line, col;	/* as decode.c gives them */
		int		 want_line, want_col;
	} cases[] = {
		{ "a,b,c\n", 1, 5, 1, 3 },
		{ "a,b,c\nd,e,\xef\xbf\xbd\n", 2, 5, 2, 3 },
		/* Characters, not bytes: 项目 is two columns. */
		{ "项目,名称,\xef\xbf\xbd", 1, 7, 1, 3 },
		/* Commas inside quotes separate nothing. */
		{ "\"a,b\",\"c\"\"d,e\",f\n", 1, 16, 1, 3 },
		/* A quoted line break: the record starts on line 2. */
		{ "h\n\"x,\ny\",z,w\n", 3, 6, 2, 3 },
		{ "h\r\n\"x\r\n\r\ny\",z\rq,r", 5, 3, 5, 2 },
		/* Leading spaces before an opening quote, blank lines. */
		{ "\n  \n  \"a,b\",c\n", 3, 10, 3, 2 },
		{ "a,b\n", 1, 1, 1, 1 },
	};
	struct bad_bytes bad[2];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		memset(bad, 0, sizeof(bad));
		bad[0].line = cases[i].line;
		bad[0].col = cases[i].col;
		read_csv_bad_positions(cases[i].csv, strlen(cases[i].csv),
		    bad, 1);
		if (bad[0].line != cases[i].want_line ||
		    bad[0].col != cases[i].want_col)
			fail_msg("case %zu: %d:%d, want %d:%d", i, bad[0].line,
			    bad[0].col, cases[i].want_line, cases[i].want_col);
	}
	/* Several on one pass, in text order. */
	bad[0].line = 1;
	bad[0].col = 3;
	bad[1].line = 3;
	bad[1].col = 1;
	read_csv_bad_positions("a,b\n\"c\nd\",e\n", 13, bad, 2);
	assert_int_equal(bad[0].line, 1);
	assert_int_equal(bad[0].col, 2);
	assert_int_equal(bad[1].line, 2);
	assert_int_equal(bad[1].col, 1);
}

/*
 * The row-level reader any row source feeds (a workbook's sheet): cells
 * untrimmed, its own line numbers, loc.table on every location, and the
 * quiet flag for a sheet that is no table.
 */
static void
test_read_csv_table_reader(void **state)
{
	static const char *const header[] = { "项目编码", " 项目名称 ",
	    "预算数（万元）", "财政资金", "资金用途", "3月底", "6月底",
	    "10月底", "12月底", "目标1", "一级指标", "二级指标", "三级指标",
	    "绩效指标描述", "指标值", "指标值确定依据" };
	static const char *const row[] = { " P1 ", "项目一", "10", "10", "用途",
	    "25", "50", "75", "100", "目标", "产出指标", "数量指标", "数量",
	    "描述", "=1次", "工作计划" };
	static const char *const blank[] = { "", " ", "" };
	static const char *const other[] = { "备注", "说明" };
	struct table_reader *t;

	(void)state;
	rec_clear(&rec);
	t = table_reader_new("b.xlsx", 2, 0, &rec_sink);
	table_reader_row(t, blank, NELEM(blank), 1);
	table_reader_row(t, header, NELEM(header), 3);
	table_reader_row(t, row, NELEM(row), 7);
	assert_int_equal(table_reader_end(t), TABLE_CANONICAL);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 1);
	assert_string_equal(rec.project[0].text[FIELD_CODE], "P1");
	assert_int_equal(rec.project[0].line, 7);
	assert_int_equal(rec.project[0].loc[FIELD_BUDGET].col, 3);
	assert_int_equal(rec.project[0].loc[FIELD_BUDGET].table, 2);
	assert_int_equal(rec.project[0].ind[0].loc[IND(FIELD_VALUE)].table, 2);
	/* A header alone: PB009 in that sheet. */
	rec_clear(&rec);
	t = table_reader_new("b.xlsx", 3, TABLE_QUIET_NEITHER, &rec_sink);
	table_reader_row(t, header, NELEM(header), 4);
	assert_int_equal(table_reader_end(t), TABLE_CANONICAL);
	assert_int_equal(rec.ndiags, 1);
	assert_int_equal(assert_diag(RULE_PB009, 0, 4, 1)->loc.table, 3);
	/* Another sheet, quiet: no PB001 for no table, nor for no rows. */
	rec_clear(&rec);
	t = table_reader_new("b.xlsx", 4, TABLE_QUIET_NEITHER, &rec_sink);
	table_reader_row(t, other, NELEM(other), 1);
	assert_int_equal(table_reader_end(t), TABLE_NEITHER);
	t = table_reader_new("b.xlsx", 5, TABLE_QUIET_NEITHER, &rec_sink);
	table_reader_row(t, blank, NELEM(blank), 1);
	assert_int_equal(table_reader_end(t), TABLE_EMPTY);
	assert_int_equal(rec.ndiags, 0);
	/* Not quiet: each is PB001 in its table. */
	t = table_reader_new("b.xlsx", 4, 0, &rec_sink);
	table_reader_row(t, other, NELEM(other), 2);
	assert_int_equal(table_reader_end(t), TABLE_NEITHER);
	assert_int_equal(assert_diag(RULE_PB001, 0, 2, 1)->loc.table, 4);
	t = table_reader_new("b.xlsx", 5, 0, &rec_sink);
	assert_int_equal(table_reader_end(t), TABLE_EMPTY);
	assert_int_equal(assert_diag(RULE_PB001, 1, 1, 1)->loc.table, 5);
}

/* The bundled sample is 13 projects, 119 indicators, every 一级 known. */
static void
test_read_csv_chengde_sample(void **state)
{
	const struct rec_project *p;
	size_t len, i, j, total = 0, empty_basis = 0;
	char *text;

	(void)state;
	text = slurp("data/chengde-2021/targets.csv", &len);
	rec_clear(&rec);
	read_csv("data/chengde-2021/targets.csv", text, len, &rec_sink);
	free(text);
	assert_int_equal(rec.ndiags, 0);
	assert_int_equal(rec.nprojects, 13);
	assert_string_equal(rec.project[0].text[FIELD_CODE],
	    "571-0101-YBN-NFOY");
	assert_int_equal(rec.project[0].line, 2);
	for (i = 0; i < rec.nprojects; i++) {
		p = &rec.project[i];
		assert_false(p->reappeared);
		assert_int_equal(p->ngoals, 4);
		assert_int_equal(p->nind, i == 4 ? 11 : 9);
		total += p->nind;
		for (j = 0; j < p->nind; j++)
			if (p->ind[j].level1 == LEVEL1_UNKNOWN)
				fail_msg("project %zu indicator %zu: "
				    "一级 \"%s\" not recognised", i + 1, j + 1,
				    p->ind[j].text[IND(FIELD_LEVEL1)]);
	}
	assert_int_equal(total, 119);
	p = &rec.project[4];
	assert_string_equal(p->text[FIELD_CODE], "571-0101-YBN-VYAO");
	for (j = 0; j < p->nind; j++)
		if (p->ind[j].text[IND(FIELD_BASIS)][0] == '\0')
			empty_basis++;
	assert_int_equal(empty_basis, 1);
	p = &rec.project[11];
	assert_string_equal(p->text[FIELD_PLAN_MAR], "");
	assert_string_equal(p->text[FIELD_PLAN_JUN], "");
	assert_string_equal(p->text[FIELD_PLAN_OCT], "100");
	assert_string_equal(p->text[FIELD_PLAN_DEC], "100");
	/* Lines count the multi-line cells: projects follow one another. */
	for (i = 1; i < rec.nprojects; i++)
		assert_true(rec.project[i].line > rec.project[i - 1].
		    ind[rec.project[i - 1].nind - 1].line);
}

/*
 * A cell over PB_MAX_CELL_BYTES (1.5 MB of 中; libcsv drops the spaces
 * after it) is
 * read to the limit, cut between characters, and its PB001 gives its whole
 * length: the record keeps only the limit of it, not the whole cell.
 */
static void
test_read_csv_cell_over_limit(void **state)
{
	struct strbuf csv = {0};
	const struct rec_diag *d;
	const char *l3;
	char want[64];
	size_t i, n = 3 * 524288;

	(void)state;
	strbuf_puts(&csv, HEADER PA "产出指标,数量指标,");
	for (i = 0; i < n / 3; i++)
		strbuf_puts(&csv, "中");
	strbuf_puts(&csv, "   ,描述,=1次,工作计划\n" PA "产出指标,质量指标,"
	    "合格率,描述,=100%,行业标准\n");
	read_str(csv.data);
	strbuf_free(&csv);
	d = nth_diag(RULE_PB001, 0);
	assert_int_equal(d->loc.line, 2);
	assert_int_equal(d->loc.col, C_LEVEL3);
	snprintf(want, sizeof(want), "the cell is %zu bytes", n);
	assert_non_null(strstr(d->a, want));
	assert_int_equal(rec.nprojects, 1);
	assert_int_equal(project(0)->nind, 2);
	l3 = ind_text(0, 0, FIELD_LEVEL3);
	/* The limit, less the part of a character it cuts. */
	assert_int_equal(strlen(l3), PB_MAX_CELL_BYTES -
	    PB_MAX_CELL_BYTES % 3);
	assert_memory_equal(l3, "中中", 6);
	assert_string_equal(ind_text(0, 1, FIELD_LEVEL3), "合格率");
}

#define TEST(f)	cmocka_unit_test_setup_teardown(f, rec_setup, rec_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_read_csv_chinese_header),
		TEST(test_read_csv_english_aliases),
		TEST(test_read_csv_header_folding),
		TEST(test_read_csv_other_optional),
		TEST(test_read_csv_required_missing),
		TEST(test_read_csv_fiscal_missing),
		TEST(test_read_csv_goal1_missing),
		TEST(test_read_csv_unknown_column),
		TEST(test_read_csv_duplicate_column),
		TEST(test_read_csv_fill_down_code),
		TEST(test_read_csv_project_column_differs),
		TEST(test_read_csv_fill_down_levels),
		TEST(test_read_csv_project_only_row),
		TEST(test_read_csv_blank_rows),
		TEST(test_read_csv_code_reappears),
		TEST(test_read_csv_multiline_first_field),
		TEST(test_read_csv_multiline_middle_field),
		TEST(test_read_csv_line_ends),
		TEST(test_read_csv_cell_trimming),
		TEST(test_read_csv_malformed),
		TEST(test_read_csv_empty_input),
		TEST(test_read_csv_header_only),
		TEST(test_read_csv_title_rows),
		TEST(test_read_csv_header_units),
		TEST(test_read_csv_indicator_header_not_canonical),
		TEST(test_read_csv_no_known_column),
		TEST(test_read_csv_whitespace_lines),
		TEST(test_read_csv_ragged_rows),
		TEST(test_read_csv_bad_positions),
		TEST(test_read_csv_table_reader),
		TEST(test_read_csv_chengde_sample),
		TEST(test_read_csv_cell_over_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
