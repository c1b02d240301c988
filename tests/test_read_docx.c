/* Unit tests for the .docx reader (SPEC 2.2, 2.3) in read_docx.c: the grid it builds and its PB001 findings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form.h"
#include "model.h"
#include "read.h"
#include "rules.h"
#include "util.h"

#include "support.h"

/* The documents scripts/make_test_docx.py writes; tests run from the root. */
#define DOCX(name)	("tests/docx/" name ".docx")

#define MAX_CELLS	6

/* The widest grid read_docx.c keeps, so that col + span stays an int. */
#define GRID_BOUND	(1 << 20)

/* A cell as the grid must hold it. */
struct want_cell {
	const char	*text;
	int		 col;
	int		 span;
	bool		 merged;
};

/* A row as the grid must hold it: table 0 is a paragraph. */
struct want_row {
	int		 table;
	int		 line;
	size_t		 ncells;
	struct want_cell cell[MAX_CELLS];
};

/* Builds the grid of a test document, which must be read without a note. */
static void
grid_of(const char *path, struct form_grid *g)
{
	const char *en = "unset", *zh = "unset";
	size_t len;
	char *bytes = slurp(path, &len);

	memset(g, 0, sizeof(*g));
	assert_int_equal(docx_grid(bytes, len, g, &en, &zh), 0);
	assert_null(en);
	assert_null(zh);
	free(bytes);
}

/* Fails a test document: -1, the grid empty, the reasons returned. */
static void
fail_of(const char *path, const char **en, const char **zh)
{
	struct form_grid g = { NULL, 0 };
	size_t len;
	char *bytes = slurp(path, &len);

	assert_int_equal(docx_grid(bytes, len, &g, en, zh), -1);
	assert_int_equal(g.nrows, 0);
	assert_null(g.rows);
	assert_non_null(*en);
	assert_non_null(*zh);
	free(bytes);
}

/* Compares the grid with want, every row and cell, locations included. */
static void
check_grid(const struct form_grid *g, const struct want_row *want,
    size_t nwant)
{
	size_t i, j;

	assert_int_equal(g->nrows, nwant);
	for (i = 0; i < nwant; i++) {
		const struct form_row *r = &g->rows[i];

		assert_int_equal(r->table, want[i].table);
		assert_int_equal(r->line, want[i].line);
		assert_int_equal(r->ncells, want[i].ncells);
		for (j = 0; j < r->ncells; j++) {
			const struct form_cell *c = &r->cells[j];
			const struct want_cell *w = &want[i].cell[j];

			assert_string_equal(c->text, w->text);
			assert_int_equal(c->col, w->col);
			assert_int_equal(c->span, w->span);
			assert_int_equal(c->merged, w->merged);
			assert_int_equal(c->loc.line, want[i].line);
			assert_int_equal(c->loc.col, (int)j + 1);
			assert_int_equal(c->loc.table, want[i].table);
		}
	}
}

/*
 * A title paragraph, gridSpan, vMerge restart/continue/bare, gridBefore;
 * a span of 0 or not a number is 1, a huge one and the columns after it
 * stay within the bound, a negative gridBefore is 0.
 */
static void
test_docx_grid_spans_and_merges(void **state)
{
	static const struct want_row want[] = {
		{ 0, 1, 1, { { "1. 合并单元格项目绩效目标表", 0, 1, false } } },
		{ 1, 1, 2, { { "项目编码", 0, 1, false },
		    { "571-0101-ABC-0001", 1, 3, false } } },
		{ 1, 2, 4, { { "一级指标", 0, 1, false },
		    { "二级指标", 1, 1, false }, { "三级指标", 2, 1, false },
		    { "指标值", 3, 1, false } } },
		{ 1, 3, 4, { { "", 0, 1, true }, { "B", 1, 1, false },
		    { "C", 2, 1, false }, { "D", 3, 1, false } } },
		{ 1, 4, 3, { { "", 0, 1, true }, { "BC", 1, 2, false },
		    { "D2", 3, 1, false } } },
		{ 1, 5, 2, { { "X", 1, 1, false }, { "YZ", 2, 2, false } } },
		{ 1, 6, 4, { { "零", 0, 1, false }, { "坏", 1, 1, false },
		    { "大", 2, GRID_BOUND, false },
		    { "后", GRID_BOUND, 1, false } } },
		{ 0, 2, 1, { { "", 0, 1, false } } },
	};
	struct form_grid g;

	(void)state;
	grid_of(DOCX("merge"), &g);
	check_grid(&g, want, NELEM(want));
	form_grid_free(&g);
}

/*
 * Content controls around a table, a row and a cell, custom XML around a
 * row and a table; split runs join, w:tab/w:br/w:cr, paragraphs one per
 * line; field results, insertions, hyperlinks and smart tags count, field
 * instructions, deletions, moves away and symbols do not; nothing trimmed.
 */
static void
test_docx_grid_wrappers_and_text(void **state)
{
	static const struct want_row want[] = {
		{ 0, 1, 1, { { "标题", 0, 1, false } } },
		{ 0, 2, 1, { { "2. 内容控件项目绩效目标表", 0, 1, false } } },
		{ 1, 1, 2, { { "项目编码", 0, 1, false },
		    { "A\tB\nC", 1, 1, false } } },
		{ 1, 2, 2, { { "第一段\n第二段", 0, 1, false },
		    { "控件中的单元格", 1, 1, false } } },
		{ 1, 3, 2, { { "R1", 0, 1, false }, { "R2", 1, 1, false } } },
		{ 1, 4, 2, { { "X1", 0, 1, false }, { "X2", 1, 1, false } } },
		{ 1, 5, 1, { { "前结果插入\n智能链接日期控件  空格  ", 0, 1,
		    false } } },
		{ 2, 6, 1, { { "自定义", 0, 1, false } } },
	};
	struct form_grid g;

	(void)state;
	grid_of(DOCX("sdt"), &g);
	check_grid(&g, want, NELEM(want));
	form_grid_free(&g);
}

/*
 * A nested table is its own table, numbered and lined after its parent's
 * rows; its text is not the outer cell's; numbering goes on after it.
 */
static void
test_docx_grid_nested_tables(void **state)
{
	static const struct want_row want[] = {
		{ 1, 1, 2, { { "外1", 0, 1, false },
		    { "外2\n后", 1, 1, false } } },
		{ 1, 2, 2, { { "外3", 0, 1, false }, { "", 1, 1, false } } },
		{ 2, 3, 2, { { "内1", 0, 1, false }, { "内2", 1, 1, false } } },
		{ 2, 4, 1, { { "", 0, 1, false } } },
		{ 3, 5, 1, { { "深", 0, 1, false } } },
		{ 4, 6, 1, { { "内B", 0, 1, false } } },
		{ 0, 1, 1, { { "尾", 0, 1, false } } },
		{ 5, 7, 1, { { "后表", 0, 1, false } } },
	};
	struct form_grid g;

	(void)state;
	grid_of(DOCX("nested"), &g);
	check_grid(&g, want, NELEM(want));
	form_grid_free(&g);
}

/*
 * Two tables back to back keep their numbers and one line count; elements
 * of another namespace are not Word's even with the prefix w.
 */
static void
test_docx_grid_back_to_back_and_namespace(void **state)
{
	static const struct want_row want[] = {
		{ 0, 1, 1, { { "4. 两个表", 0, 1, false } } },
		{ 1, 1, 2, { { "甲1", 0, 1, false }, { "甲2", 1, 1, false } } },
		{ 1, 2, 2, { { "甲3", 0, 1, false }, { "甲4", 1, 1, false } } },
		{ 2, 3, 1, { { "乙1", 0, 1, false } } },
	};
	struct form_grid g;

	(void)state;
	grid_of(DOCX("two_tables"), &g);
	check_grid(&g, want, NELEM(want));
	form_grid_free(&g);
}

/* A document saved as Strict Open XML is read like any other. */
static void
test_docx_grid_strict_namespace(void **state)
{
	static const struct want_row want[] = {
		{ 0, 1, 1, { { "严格", 0, 1, false } } },
		{ 1, 1, 2, { { "项目编码", 0, 1, false },
		    { "S", 1, 2, false } } },
	};
	struct form_grid g;

	(void)state;
	grid_of(DOCX("strict"), &g);
	check_grid(&g, want, NELEM(want));
	form_grid_free(&g);
}

/*
 * The main part is the one _rels/.rels names (SPEC 2.2), here
 * /word/main.xml; the word/document.xml beside it is not read.
 */
static void
test_docx_grid_main_part_from_rels(void **state)
{
	static const struct want_row want[] = {
		{ 0, 1, 1, { { "主文档", 0, 1, false } } },
	};
	struct form_grid g;

	(void)state;
	grid_of(DOCX("main_part"), &g);
	check_grid(&g, want, NELEM(want));
	form_grid_free(&g);
}

/*
 * A DTD is reported but the document is read; neither the external entity
 * (file:///etc/passwd) nor the internal one is expanded.
 */
static void
test_docx_grid_dtd_entities_not_expanded(void **state)
{
	static const struct want_row want[] = {
		{ 1, 1, 2, { { "前后", 0, 1, false },
		    { "内部", 1, 1, false } } },
	};
	struct form_grid g = { NULL, 0 };
	const char *en = NULL, *zh = NULL;
	size_t len;
	char *bytes = slurp(DOCX("xxe"), &len);

	(void)state;
	assert_int_equal(docx_grid(bytes, len, &g, &en, &zh), 0);
	assert_non_null(en);
	assert_non_null(strstr(en, "DTD"));
	assert_non_null(strstr(en, "not expanded"));
	assert_non_null(strstr(zh, "未展开"));
	check_grid(&g, want, NELEM(want));
	form_grid_free(&g);
	free(bytes);
}

/* Each way a file fails, with what its reason must say. */
static const struct {
	const char	*path;
	const char	*en;		/* in the English reason */
	const char	*zh;		/* in the Chinese reason */
} failures[] = {
	{ DOCX("not_zip"), "the file is not a Word document (not a zip "
	    "archive)", "不是 zip 压缩包" },
	{ DOCX("no_document"), "holds no word/document.xml",
	    "没有 word/document.xml" },
	{ DOCX("huge"), "68157440 bytes uncompressed, over the limit of "
	    "67108864 bytes", "68157440 字节，超过上限 67108864 字节" },
	{ DOCX("overrun"), "holds more than the 602 bytes its header "
	    "announces", "超过文件头声明的 602 字节" },
	{ DOCX("broken"), "broken XML in word/document.xml at line 3: ",
	    "（第 3 行）" },
};

/* Every damaged file fails with its own reason, in both languages. */
static void
test_docx_grid_failures(void **state)
{
	const char *en, *zh;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(failures); i++) {
		fail_of(failures[i].path, &en, &zh);
		if (strstr(en, failures[i].en) == NULL ||
		    strstr(zh, failures[i].zh) == NULL)
			fail_msg("%s: got \"%s\" / \"%s\"",
			    failures[i].path, en, zh);
	}
}

/* Libxml2's message follows the line of broken XML. */
static void
test_docx_grid_broken_xml_names_libxml2_error(void **state)
{
	const char *en, *zh;

	(void)state;
	fail_of(DOCX("broken"), &en, &zh);
	assert_non_null(strstr(en, "mismatch"));
}

/* No bytes at all are not a zip archive either (libzip would open them). */
static void
test_docx_grid_empty_input(void **state)
{
	struct form_grid g = { NULL, 0 };
	const char *en = NULL, *zh = NULL;

	(void)state;
	assert_int_equal(docx_grid("", 0, &g, &en, &zh), -1);
	assert_non_null(strstr(en, "not a zip archive"));
	assert_non_null(strstr(zh, "不是 zip 压缩包"));
	assert_int_equal(g.nrows, 0);
}

/*
 * Through read_docx, a file that fails is exactly one PB001 at 1:1 with
 * both explanations, and the recogniser is not run (it would add its own
 * "no table" PB001).
 */
static void
test_read_docx_failure_is_one_pb001(void **state)
{
	size_t i, len;

	(void)state;
	for (i = 0; i < NELEM(failures); i++) {
		char *bytes = slurp(failures[i].path, &len);

		read_docx(failures[i].path, bytes, len, &rec_sink);
		free(bytes);
		assert_int_equal(rec.ndiags, 1);
		assert_int_equal(rec.nprojects, 0);
		assert_int_equal(rec.diag[0].rule, RULE_PB001);
		assert_int_equal(rec.diag[0].loc.line, 1);
		assert_int_equal(rec.diag[0].loc.col, 1);
		assert_int_equal(rec.diag[0].field, FIELD_COUNT);
		assert_null(rec.diag[0].value);
		assert_non_null(rec.diag[0].a);
		assert_non_null(rec.diag[0].a_zh);
		assert_non_null(strstr(rec.diag[0].a, failures[i].en));
		assert_non_null(strstr(rec.diag[0].a_zh, failures[i].zh));
		rec_clear(&rec);
	}
}

/* Tells whether any text the sink received holds s. */
static bool
rec_mentions(const char *s)
{
	size_t i;

	for (i = 0; i < rec.ndiags; i++)
		if ((rec.diag[i].a != NULL && strstr(rec.diag[i].a, s)) ||
		    (rec.diag[i].a_zh != NULL && strstr(rec.diag[i].a_zh, s)) ||
		    (rec.diag[i].value != NULL && strstr(rec.diag[i].value, s)))
			return true;
	return false;
}

/*
 * Through read_docx, a DTD is a PB001 first, then the document still goes
 * to the recogniser; nothing of /etc/passwd comes out.
 */
static void
test_read_docx_dtd_is_pb001_and_read(void **state)
{
	size_t len;
	char *bytes = slurp(DOCX("xxe"), &len);

	(void)state;
	read_docx(DOCX("xxe"), bytes, len, &rec_sink);
	free(bytes);
	assert_true(rec.ndiags >= 1);
	assert_int_equal(rec.diag[0].rule, RULE_PB001);
	assert_int_equal(rec.diag[0].loc.line, 1);
	assert_int_equal(rec.diag[0].loc.col, 1);
	assert_int_equal(rec.diag[0].field, FIELD_COUNT);
	assert_non_null(strstr(rec.diag[0].a, "DTD"));
	assert_non_null(strstr(rec.diag[0].a_zh, "DTD"));
	assert_false(rec_mentions("root:"));
	assert_false(rec_mentions("/bin/"));
	/* The recogniser ran: it delivers a project or reports (form.h). */
	assert_true(rec.nprojects > 0 || rec.ndiags >= 2);
}

/* Neither libxml2 nor libzip writes to stderr, whatever the document. */
static void
test_docx_grid_prints_nothing(void **state)
{
	static const char *const paths[] = { DOCX("merge"), DOCX("sdt"),
	    DOCX("nested"), DOCX("two_tables"), DOCX("strict"), DOCX("xxe"),
	    DOCX("huge"), DOCX("overrun"), DOCX("not_zip"),
	    DOCX("no_document"), DOCX("broken") };
	FILE *tmp = tmpfile();
	int saved;
	size_t i;

	(void)state;
	assert_non_null(tmp);
	fflush(stderr);
	saved = dup(2);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(tmp), 2) >= 0);
	for (i = 0; i < NELEM(paths); i++) {
		struct form_grid g = { NULL, 0 };
		const char *en, *zh;
		size_t len;
		char *bytes = slurp(paths[i], &len);

		(void)docx_grid(bytes, len, &g, &en, &zh);
		form_grid_free(&g);
		free(bytes);
	}
	fflush(stderr);
	assert_true(dup2(saved, 2) >= 0);
	close(saved);
	assert_int_equal(fseek(tmp, 0, SEEK_END), 0);
	assert_int_equal(ftell(tmp), 0);
	fclose(tmp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docx_grid_spans_and_merges),
		cmocka_unit_test(test_docx_grid_wrappers_and_text),
		cmocka_unit_test(test_docx_grid_nested_tables),
		cmocka_unit_test(test_docx_grid_back_to_back_and_namespace),
		cmocka_unit_test(test_docx_grid_strict_namespace),
		cmocka_unit_test(test_docx_grid_main_part_from_rels),
		cmocka_unit_test(test_docx_grid_dtd_entities_not_expanded),
		cmocka_unit_test(test_docx_grid_failures),
		cmocka_unit_test(test_docx_grid_broken_xml_names_libxml2_error),
		cmocka_unit_test(test_docx_grid_empty_input),
		cmocka_unit_test_teardown(test_read_docx_failure_is_one_pb001,
		    rec_teardown),
		cmocka_unit_test_teardown(test_read_docx_dtd_is_pb001_and_read,
		    rec_teardown),
		cmocka_unit_test(test_docx_grid_prints_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
