/* Unit tests for the .xlsx reader (SPEC 2.2, 2.3) in read_xlsx.c: workbooks built in memory with libzip, the rows it streams and its PB001 and PB011 findings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "model.h"
#include "read.h"
#include "rules.h"
#include "util.h"

#include "support.h"

#define S_NS	"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define R_NS	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define P_NS	"http://schemas.openxmlformats.org/package/2006/relationships"
#define T_BASE	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* A zip entry of a test workbook. */
struct part {
	const char	*name;
	const char	*text;
};

/* Zips the parts (text NULL: left out) in memory; caller frees. */
static char *
zip_parts(const struct part *p, size_t n, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src, *s;
	zip_t *za;
	zip_stat_t st;
	char *buf;
	size_t i;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	for (i = 0; i < n; i++) {
		if (p[i].text == NULL)
			continue;
		s = zip_source_buffer(za, p[i].text, strlen(p[i].text), 0);
		assert_non_null(s);
		assert_true(zip_file_add(za, p[i].name, s,
		    ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	*len = (size_t)st.size;
	buf = xmalloc(*len + 1);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, buf, *len), (zip_int64_t)*len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return buf;
}

static const char rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"" P_NS "\">"
    "<Relationship Id=\"rId1\" Type=\"" T_BASE "officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";

static const char book_rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"" P_NS "\">"
    "<Relationship Id=\"rId1\" Type=\"" T_BASE "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" T_BASE "worksheet\" "
    "Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" T_BASE "sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" T_BASE "styles\" "
    "Target=\"styles.xml\"/></Relationships>";

static const char book_one[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"" S_NS "\" xmlns:r=\"" R_NS
    "\"><sheets><sheet name=\"绩效目标\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>";

static const char book_two[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"" S_NS "\" xmlns:r=\"" R_NS
    "\"><sheets><sheet name=\"说明\" sheetId=\"2\" r:id=\"rId2\"/>"
    "<sheet name=\"绩效目标\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>";

/* cellXfs: 0 General, 1 built-in 9 (0%), 2 custom 0.0%, 3 built-in 14, 4 custom "0.00\"%\"" (quoted: not a percentage), 5 built-in 22. */
static const char styles[] =
    "<?xml version=\"1.0\"?><styleSheet xmlns=\"" S_NS "\"><numFmts>"
    "<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;%&quot;\"/>"
    "</numFmts><cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"14\"/><xf numFmtId=\"165\"/>"
    "<xf numFmtId=\"22\"/></cellXfs></styleSheet>";

static const char sst[] =
    "<?xml version=\"1.0\"?><sst xmlns=\"" S_NS "\">"
    "<si><t>项目编码</t></si>"
    "<si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">文本 </t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh></si>"
    "<si><t>a_x000D_b</t></si><si><t/></si></sst>";

#define SHEET(rows) \
    "<?xml version=\"1.0\"?><worksheet xmlns=\"" S_NS "\"><sheetData>" \
    rows "</sheetData></worksheet>"

/* A workbook of one sheet (or two, sheet2 listed first) with the shared parts. */
static char *
book(const char *sheet1, const char *sheet2, size_t *len)
{
	struct part p[] = {
		{ "[Content_Types].xml", "<Types/>" },
		{ "_rels/.rels", rels },
		{ "xl/workbook.xml", sheet2 != NULL ? book_two : book_one },
		{ "xl/_rels/workbook.xml.rels", book_rels },
		{ "xl/sharedStrings.xml", sst },
		{ "xl/styles.xml", styles },
		{ "xl/worksheets/sheet1.xml", sheet1 },
		{ "xl/worksheets/sheet2.xml", sheet2 },
	};

	return zip_parts(p, NELEM(p), len);
}

/* What the workbook layer delivered, as text: "[sheet]", "line:a|b", "!line:col:table why". */
static struct strbuf got;

static void
got_sheet(void *ctx, int number, const char *name)
{
	(void)ctx;
	strbuf_printf(&got, "[%d %s]\n", number, name);
}

static void
got_row(void *ctx, const char *const *cells, size_t n, int line)
{
	size_t i;

	(void)ctx;
	strbuf_printf(&got, "%d:", line);
	for (i = 0; i < n; i++)
		strbuf_printf(&got, "%s%s", i ? "|" : "", cells[i]);
	strbuf_putc(&got, '\n');
}

static void
got_end(void *ctx, bool broken)
{
	(void)ctx;
	strbuf_puts(&got, broken ? "(broken)\n" : "(end)\n");
}

static void
got_error(void *ctx, struct loc loc, const char *en, const char *zh)
{
	(void)ctx;
	assert_non_null(zh);
	strbuf_printf(&got, "!%d:%d:%d %s\n", loc.line, loc.col, loc.table, en);
}

static const struct xlsx_sink got_sink = { NULL, got_sheet, got_row, got_end,
    got_error };

/* Runs the workbook layer over a workbook; returns what it delivered. */
static const char *
rows_of(const char *bytes, size_t len, int want_rc)
{
	strbuf_free(&got);
	assert_int_equal(xlsx_read(bytes, len, &got_sink), want_rc);
	strbuf_putc(&got, '\0');
	return got.data;
}

static const char *
rows_of_sheet(const char *sheet1, int want_rc)
{
	static char *last;
	size_t len;
	char *bytes = book(sheet1, NULL, &len);
	const char *s = rows_of(bytes, len, want_rc);

	free(bytes);
	free(last);
	last = xstrdup(s);
	return last;
}

static int
got_teardown(void **state)
{
	(void)state;
	strbuf_free(&got);
	return 0;
}

/* Shared strings: rich-text runs joined, phonetic runs left out, _xHHHH_ escapes decoded; inline strings too. */
static void
test_xlsx_strings(void **state)
{
	(void)state;
	assert_string_equal(rows_of_sheet(SHEET(
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	    "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
	    "<c r=\"D1\" t=\"s\"><v>3</v></c>"
	    "<c r=\"E1\" t=\"inlineStr\"><is><r><t>行</t></r><r><t>内</t></r>"
	    "<rPh><t>x</t></rPh></is></c></row>"), 1),
	    "[1 绩效目标]\n1:项目编码|富文本 |a\rb||行内\n(end)\n");
}

/* Booleans, formulas by their cached value, errors, empty cells and skipped rows and columns. */
static void
test_xlsx_values_and_gaps(void **state)
{
	(void)state;
	assert_string_equal(rows_of_sheet(SHEET(
	    "<row r=\"2\"><c r=\"B2\" t=\"b\"><v>1</v></c>"
	    "<c r=\"D2\" t=\"str\"><f>A1&amp;\"x\"</f><v>=1次</v></c>"
	    "<c r=\"E2\"><f>1+1</f><v>2</v></c><c r=\"F2\" t=\"e\"><v>#N/A</v></c>"
	    "<c r=\"G2\"/></row><row r=\"3\"/>"
	    "<row r=\"5\"><c r=\"A5\" t=\"b\"><v>0</v></c><c><v>7</v></c></row>"),
	    1),
	    "[1 绩效目标]\n2:|TRUE||=1次|2|#N/A|\n5:FALSE|7\n(end)\n");
}

/* Numbers print in their shortest exact form and never with an exponent. */
static void
test_xlsx_number_text(void **state)
{
	static const struct {
		double		 v;
		int		 shift;
		const char	*want;
	} cases[] = {
		{ 39.5, 0, "39.5" },
		{ 0.1 + 0.2, 0, "0.30000000000000004" },
		{ 0.3, 0, "0.3" },
		{ 15, 0, "15" },
		{ -2.25, 0, "-2.25" },
		{ 1e21, 0, "1000000000000000000000" },
		{ 1.5e-7, 0, "0.00000015" },
		{ 0, 0, "0" },
		{ 0.25, 2, "25" },
		{ 0.07, 2, "7" },		/* not 7.000000000000001 */
		{ 0.125, 2, "12.5" },
		{ 1, 2, "100" },
		{ 0.0005, 2, "0.05" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		struct strbuf b = { NULL, 0, 0 };

		xlsx_number_text(cases[i].v, cases[i].shift, &b);
		strbuf_putc(&b, '\0');
		assert_string_equal(b.data, cases[i].want);
		strbuf_free(&b);
	}
}

/* A number in a percent format is its percentage with %; dates are yyyy-mm-dd; a quoted % is not a percent format. */
static void
test_xlsx_formats(void **state)
{
	(void)state;
	assert_string_equal(rows_of_sheet(SHEET(
	    "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0.25</v></c>"
	    "<c r=\"B1\" s=\"2\"><v>0.07</v></c><c r=\"C1\" s=\"1\"><v>1</v></c>"
	    "<c r=\"D1\" s=\"3\"><v>44286</v></c><c r=\"E1\" s=\"4\"><v>0.5</v></c>"
	    "<c r=\"F1\" s=\"5\"><v>44286.5</v></c><c r=\"G1\" s=\"0\"><v>39.499999999999993</v></c>"
	    "<c r=\"H1\" s=\"99\"><v>3</v></c><c r=\"I1\" s=\"3\"><v>59</v></c></row>"), 1),
	    "[1 绩效目标]\n1:25%|7%|100%|2021-03-31|0.5|2021-03-31 12:00:00|"
	    "39.49999999999999|3|1900-02-28\n(end)\n");
}

/* Column letters and cell references, up to XFD1048576 and no further. */
static void
test_xlsx_column_letters_and_refs(void **state)
{
	static const struct {
		int		 col;
		const char	*name;
	} cols[] = { { 1, "A" }, { 19, "S" }, { 26, "Z" }, { 27, "AA" },
	    { 52, "AZ" }, { 703, "AAA" }, { 16384, "XFD" } };
	static const char *const bad[] = { "A0", "1A", "a1", "XFE1",
	    "A1048577", "AAAA1", "A01", "", "A", "B2C", "$A$1" };
	char out[4];
	size_t i;
	int row, col;

	(void)state;
	for (i = 0; i < NELEM(cols); i++) {
		xlsx_column_name(cols[i].col, out);
		assert_string_equal(out, cols[i].name);
	}
	assert_int_equal(xlsx_parse_ref("XFD1048576", &row, &col), 0);
	assert_int_equal(row, 1048576);
	assert_int_equal(col, 16384);
	assert_int_equal(xlsx_parse_ref("S47", &row, &col), 0);
	assert_int_equal(row, 47);
	assert_int_equal(col, 19);
	for (i = 0; i < NELEM(bad); i++)
		assert_int_equal(xlsx_parse_ref(bad[i], &row, &col), -1);
}

/* A merged range shows only its top-left value; the other cells are blank, also where the file keeps stale values in them. */
static void
test_xlsx_merges(void **state)
{
	(void)state;
	assert_string_equal(rows_of_sheet(
	    "<?xml version=\"1.0\"?><worksheet xmlns=\"" S_NS "\"><sheetData>"
	    "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c>"
	    "<c r=\"C1\"><v>3</v></c></row>"
	    "<row r=\"2\"><c r=\"A2\"><v>4</v></c><c r=\"B2\"><v>5</v></c>"
	    "<c r=\"C2\"><v>6</v></c></row></sheetData>"
	    "<mergeCells count=\"2\"><mergeCell ref=\"A1:A2\"/>"
	    "<mergeCell ref=\"B1:C1\"/></mergeCells></worksheet>", 1),
	    "[1 绩效目标]\n1:1|2|\n2:|5|6\n(end)\n");
}

/* Sheets come in workbook order, through the relationships (relative and absolute targets), not by part name. */
static void
test_xlsx_sheet_order(void **state)
{
	size_t len;
	char *bytes = book(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
	    SHEET("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"), &len);

	(void)state;
	assert_string_equal(rows_of(bytes, len, 2),
	    "[1 说明]\n1:2\n(end)\n[2 绩效目标]\n1:1\n(end)\n");
	free(bytes);
}

/* The workbook is found through _rels/.rels, whatever its part is called. */
static void
test_xlsx_workbook_through_rels(void **state)
{
	static const char r[] = "<Relationships xmlns=\"" P_NS "\">"
	    "<Relationship Id=\"x\" Type=\"" T_BASE "officeDocument\" "
	    "Target=\"/book/main.xml\"/></Relationships>";
	static const char br[] = "<Relationships xmlns=\"" P_NS "\">"
	    "<Relationship Id=\"s\" Type=\"" T_BASE "worksheet\" "
	    "Target=\"../data/one.xml\"/></Relationships>";
	static const char wb[] = "<workbook xmlns=\"" S_NS "\" xmlns:r=\""
	    R_NS "\"><sheets><sheet name=\"一\" r:id=\"s\"/></sheets>"
	    "</workbook>";
	struct part p[] = {
		{ "_rels/.rels", r },
		{ "book/main.xml", wb },
		{ "book/_rels/main.xml.rels", br },
		{ "data/one.xml", SHEET("<row><c><v>8</v></c><c t=\"inlineStr\">"
		    "<is><t>x</t></is></c></row>") },
		/* A decoy at the usual name is not read. */
		{ "xl/workbook.xml", "not xml" },
	};
	size_t len;
	char *bytes;

	(void)state;
	bytes = zip_parts(p, NELEM(p), &len);
	assert_string_equal(rows_of(bytes, len, 1), "[1 一]\n1:8|x\n(end)\n");
	free(bytes);
}

/* Each malformed workbook is one PB001 that names the sheet and cell, never a crash. */
static void
test_xlsx_pb001_cases(void **state)
{
	static const struct {
		const char	*sheet;
		const char	*want;
	} cases[] = {
		{ SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>4</v></c></row>"),
		  "!1:1:1 sheet '绩效目标', cell A1: the shared string 4 does "
		  "not exist (the workbook has 4)\n(broken)\n" },
		{ SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>"),
		  "!1:1:1 sheet '绩效目标', cell A1: the shared string -1 does "
		  "not exist (the workbook has 4)\n(broken)\n" },
		{ SHEET("<row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"A3\"><v>2</v>"
		    "</c></row>"),
		  "!3:3:1 sheet '绩效目标', cell C3: the cell reference A3 is "
		  "out of order\n(broken)\n" },
		{ SHEET("<row r=\"3\"><c r=\"A0\"><v>1</v></c></row>"),
		  "!3:1:1 sheet '绩效目标', cell A3: the cell reference 'A0' is "
		  "not a cell (A1 to XFD1048576)\n(broken)\n" },
		{ SHEET("<row r=\"3\"><c r=\"1A\"><v>1</v></c></row>"),
		  "!3:1:1 sheet '绩效目标', cell A3: the cell reference '1A' is "
		  "not a cell (A1 to XFD1048576)\n(broken)\n" },
		{ SHEET("<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>"),
		  "!3:1:1 sheet '绩效目标', cell A3: the cell reference 'XFE3' is "
		  "not a cell (A1 to XFD1048576)\n(broken)\n" },
		{ SHEET("<row r=\"3\"><c r=\"A4\"><v>1</v></c></row>"),
		  "!3:1:1 sheet '绩效目标', cell A3: the cell reference A4 is "
		  "out of order\n(broken)\n" },
		{ SHEET("<row r=\"3\"/><row r=\"2\"/>"),
		  "!4:1:1 sheet '绩效目标', cell A4: the row number '2' is out "
		  "of order\n(broken)\n" },
		{ SHEET("<row r=\"1048577\"/>"),
		  "!1:1:1 sheet '绩效目标', cell A1: the row number '1048577' is "
		  "not a row (1 to 1048576)\n(broken)\n" },
		{ "<worksheet xmlns=\"" S_NS "\"><sheetData/><mergeCells>"
		  "<mergeCell ref=\"A1:B2\"/><mergeCell ref=\"B2:C3\"/>"
		  "</mergeCells></worksheet>",
		  "!2:2:1 sheet '绩效目标', cell B2: the merged range B2:C3 "
		  "overlaps another\n(broken)\n" },
		{ "<worksheet xmlns=\"" S_NS "\"><sheetData/><mergeCells>"
		  "<mergeCell ref=\"B2:A1\"/></mergeCells></worksheet>",
		  "!1:1:1 sheet '绩效目标': the merged range 'B2:A1' is not a "
		  "cell range\n(broken)\n" },
		{ SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c>"),
		  NULL },
		{ "<!DOCTYPE worksheet [<!ENTITY e \"x\">]><worksheet xmlns=\""
		  S_NS "\"><sheetData><row><c t=\"inlineStr\"><is><t>&e;</t></is>"
		  "</c></row></sheetData></worksheet>",
		  "!1:1:1 xl/worksheets/sheet1.xml has a document type "
		  "declaration (DTD), which Excel never writes; it is not read\n(broken)\n" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		const char *s = rows_of_sheet(cases[i].sheet, 1);
		const char *err = strchr(s, '!');

		assert_non_null(err);
		if (cases[i].want != NULL)
			assert_string_equal(err, cases[i].want);
		else
			assert_non_null(strstr(err, "broken XML in "
			    "xl/worksheets/sheet1.xml"));
		assert_non_null(strstr(s, "(broken)\n"));
		assert_null(strstr(s, "(end)"));
	}
}

/* A file that is no workbook at all is one PB001 for the file. */
static void
test_xlsx_not_a_workbook(void **state)
{
	struct part nobook[] = { { "_rels/.rels", "<Relationships xmlns=\""
	    P_NS "\"/>" }, { "xl/workbook.xml", book_one } };
	size_t len;
	char *bytes;

	(void)state;
	assert_string_equal(rows_of("", 0, -1), "!1:1:0 the file is not an "
	    "Excel workbook (not a zip archive): it is empty\n");
	assert_string_equal(rows_of("PK\3\4 not really", 16, -1),
	    "!1:1:0 the file is not an Excel workbook (not a zip archive)\n");
	bytes = zip_parts(nobook, NELEM(nobook), &len);
	assert_string_equal(rows_of(bytes, len, -1), "!1:1:0 the file is not "
	    "an Excel workbook: its package relationships (_rels/.rels) name "
	    "no main document\n");
	free(bytes);
}

/* Appends a row of inline strings (cells split at '|'; a number when it starts with '#'). */
static void
put_row(struct strbuf *b, int r, const char *cells)
{
	const char *p = cells;

	strbuf_printf(b, "<row r=\"%d\">", r);
	while (*p != '\0') {
		size_t n = strcspn(p, "|");

		if (*p == '#')
			strbuf_printf(b, "<c><v>%.*s</v></c>", (int)n - 1, p + 1);
		else if (*p == '%')
			strbuf_printf(b, "<c s=\"1\"><v>%.*s</v></c>", (int)n - 1,
			    p + 1);
		else
			strbuf_printf(b, "<c t=\"inlineStr\"><is><t>%.*s</t></is>"
			    "</c>", (int)n, p);
		p += n;
		if (*p == '|')
			p++;
	}
	strbuf_puts(b, "</row>");
}

/* A canonical sheet after a notes sheet: its project, with the plan's percentages, and a PB011 naming the notes sheet at its sheet number. */
static void
test_read_xlsx_canonical_and_skipped_sheet(void **state)
{
	struct strbuf b = { NULL, 0, 0 };
	size_t len;
	char *bytes;

	(void)state;
	strbuf_puts(&b, "<worksheet xmlns=\"" S_NS "\"><sheetData>");
	put_row(&b, 1, "2021年度预算项目绩效目标表");
	put_row(&b, 3, "项目编码|项目名称|预算数|财政资金|其他资金|资金用途|3月底|"
	    "6月底|10月底|12月底|目标1|一级指标|二级指标|三级指标|绩效指标描述|"
	    "指标值|指标值确定依据");
	put_row(&b, 4, "571-0101-YBN-NFOY|监测经费|#15|#15|#0|监测|%0.25|%0.5|"
	    "%0.75|%1|完成监测|产出指标|数量指标|监测次数|完成监测次数|=1次|"
	    "工作计划");
	put_row(&b, 5, "||||||||||||质量指标|合格率|监测合格率|%1|工作计划");
	strbuf_puts(&b, "</sheetData></worksheet>");
	strbuf_putc(&b, '\0');
	bytes = book(b.data, SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
	    "<is><t>填表说明</t></is></c></row>"), &len);
	strbuf_free(&b);
	read_xlsx("t.xlsx", bytes, len, &rec_sink, NULL);
	free(bytes);
	assert_int_equal(rec.nprojects, 1);
	assert_string_equal(project(0)->text[FIELD_CODE], "571-0101-YBN-NFOY");
	assert_string_equal(project(0)->text[FIELD_PLAN_MAR], "25%");
	assert_string_equal(project(0)->text[FIELD_PLAN_DEC], "100%");
	assert_string_equal(project(0)->text[FIELD_BUDGET], "15");
	assert_int_equal(project(0)->nind, 2);
	assert_string_equal(ind_text(0, 1, FIELD_VALUE), "100%");
	assert_string_equal(ind_text(0, 1, FIELD_LEVEL1), "产出指标");
	assert_int_equal(project(0)->line, 4);
	assert_int_equal(project(0)->loc[FIELD_CODE].table, 2);
	assert_int_equal(project(0)->loc[FIELD_PLAN_MAR].col, 7);
	assert_int_equal(rec_count(&rec, RULE_PB011), 1);
	assert_int_equal(rec_count(&rec, RULE_PB001), 0);
	assert_string_equal(rec.diag[0].a, "说明");
	assert_loc(rec.diag[0].loc, 1, 1, 1);
}

/* A workbook where no sheet holds a table is PB001 besides each sheet's PB011. */
static void
test_read_xlsx_no_table_is_pb001(void **state)
{
	size_t len;
	char *bytes = book(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
	    SHEET(""), &len);
	size_t i;

	(void)state;
	read_xlsx("t.xlsx", bytes, len, &rec_sink, NULL);
	free(bytes);
	assert_int_equal(rec.nprojects, 0);
	assert_int_equal(rec_count(&rec, RULE_PB011), 2);
	assert_int_equal(rec_count(&rec, RULE_PB001), 1);
	for (i = 0; i < rec.ndiags; i++)
		if (rec.diag[i].rule == RULE_PB001)
			assert_string_equal(rec.diag[i].a, "no sheet of the "
			    "workbook holds a project table");
}

/* The sample workbooks give the 13 projects and 119 indicators of targets.csv, in both layouts. */
static void
test_read_xlsx_samples(void **state)
{
	static const char *const files[] = {
		"data/chengde-2021/targets.xlsx",
		"data/chengde-2021/targets-form.xlsx",
	};
	size_t i, k, nind;

	(void)state;
	for (i = 0; i < NELEM(files); i++) {
		size_t len;
		char *bytes = slurp(files[i], &len);

		rec_clear(&rec);
		read_xlsx(files[i], bytes, len, &rec_sink, NULL);
		free(bytes);
		assert_int_equal(rec.nprojects, 13);
		for (k = nind = 0; k < rec.nprojects; k++)
			nind += rec.project[k].nind;
		assert_int_equal(nind, 119);
		assert_int_equal(rec_count(&rec, RULE_PB001), 0);
		assert_int_equal(rec_count(&rec, RULE_PB011), 0);
		assert_string_equal(project(0)->text[FIELD_PLAN_MAR],
		    i == 0 ? "25%" : "25");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_xlsx_strings, got_teardown),
		cmocka_unit_test_teardown(test_xlsx_values_and_gaps,
		    got_teardown),
		cmocka_unit_test(test_xlsx_number_text),
		cmocka_unit_test_teardown(test_xlsx_formats, got_teardown),
		cmocka_unit_test(test_xlsx_column_letters_and_refs),
		cmocka_unit_test_teardown(test_xlsx_merges, got_teardown),
		cmocka_unit_test_teardown(test_xlsx_sheet_order, got_teardown),
		cmocka_unit_test_teardown(test_xlsx_workbook_through_rels,
		    got_teardown),
		cmocka_unit_test_teardown(test_xlsx_pb001_cases, got_teardown),
		cmocka_unit_test_teardown(test_xlsx_not_a_workbook,
		    got_teardown),
		cmocka_unit_test_setup_teardown(
		    test_read_xlsx_canonical_and_skipped_sheet, rec_setup,
		    rec_teardown),
		cmocka_unit_test_setup_teardown(test_read_xlsx_no_table_is_pb001,
		    rec_setup, rec_teardown),
		cmocka_unit_test_setup_teardown(test_read_xlsx_samples,
		    rec_setup, rec_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
