/* Unit tests for the HTML report (SPEC 5.6): the one escaper, the page a hostile or layout-short input makes, and on a small model the band, the projects table, links, the chart, the merged cells and the print stylesheet. */
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
#include "html.h"
#include "read.h"
#include "report.h"
#include "settings.h"
#include "text.h"
#include "util.h"

#include "support.h"

#define HEADER "项目编码,项目名称,预算数,财政资金,其他资金,资金用途," \
	"3月底,6月底,10月底,12月底,目标1,一级指标,二级指标,三级指标," \
	"绩效指标描述,指标值,指标值确定依据\n"

static char *
escaped(const char *in)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	html_escape(out, in);
	assert_int_equal(fclose(out), 0);
	return buf;
}

struct esc_case {
	const char	*in;
	const char	*want;
};

/* Markup, quotes and ampersands become references; controls are shown,
 * not obeyed; bytes that are not UTF-8 become U+FFFD; CJK is kept. */
static void
test_escape(void **state)
{
	static const struct esc_case cases[] = {
		{ "", "" },
		{ NULL, "" },
		{ "项目", "项目" },
		{ "<script>alert(1)</script>",
		    "&lt;script&gt;alert(1)&lt;/script&gt;" },
		{ "\"><img src=x onerror=alert(1)>",
		    "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" },
		{ "</style>", "&lt;/style&gt;" },
		{ "it's", "it&#39;s" },
		{ "a & b &amp;", "a &amp; b &amp;amp;" },
		{ "\x1B[2J\x07\x7F", "\\x1b[2J\\x07\\x7f" },
		{ "\xC2\x85\xE2\x80\xAE", "\\u0085\\u202e" },
		{ "a\tb\nc", "a\tb\nc" },
		{ "a\r\nb\rc", "a\nb\nc" },
		{ "\xFF<", "\xEF\xBF\xBD&lt;" },
		{ "\xE4\xB8", "\xEF\xBF\xBD\xEF\xBF\xBD" },
	};
	size_t i;
	char *out;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		out = escaped(cases[i].in);
		if (strcmp(out, cases[i].want) != 0) {
			print_error("got '%s'\n", out);
			free(out);
			fail_msg("case %zu: not the expected HTML", i);
		}
		free(out);
	}
}

/* Whatever the input, the escaped text holds no markup character and no
 * raw control: every byte value, alone and after a lead byte. */
static void
test_escape_every_byte(void **state)
{
	char in[3], *out;
	int b, lead;

	(void)state;
	for (lead = 0; lead < 2; lead++)
		for (b = 1; b < 256; b++) {
			in[0] = lead ? '\xC2' : (char)b;
			in[1] = lead ? (char)b : '\0';
			in[2] = '\0';
			out = escaped(in);
			if (strpbrk(out, "<>\"'\x1B\x7F") != NULL ||
			    !text_utf8_valid(out, strlen(out)) ||
			    strstr(out, "\xC2\x85") != NULL) {
				free(out);
				fail_msg("byte 0x%02x (lead %d)", b, lead);
			}
			free(out);
		}
}

/* A sink that marks fields absent, as a layout without them would. */
static void
absent_project(void *c, struct project *p)
{
	int k;

	p->absent[FIELD_BASIS] = true;
	for (k = FIELD_PLAN_MAR; k <= FIELD_PLAN_DEC; k++)
		p->absent[k] = true;
	check_sink_project(c, p);
}

/* Runs input through the HTML reporter; returns the page. */
static char *
page(const char *input, enum lang lang, bool absent)
{
	struct settings s;
	struct reporter rep;
	struct check *c;
	struct read_sink sink;
	const char *path;
	char *err = NULL, *buf = NULL;
	size_t len = 0;
	FILE *out;

	settings_init(&s);
	s.lang = lang;
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	assert_true(report_init(&rep, "html", out, &s, false));
	c = check_new(&s, &rep, &err);
	assert_non_null(c);
	sink.ctx = c;
	sink.diag = check_sink_diag;
	sink.project = absent ? absent_project : check_sink_project;
	path = check_file_begin(c, "t<b>.csv");
	check_file_format(c, "csv", "UTF-8");
	read_csv(path, input, strlen(input), &sink);
	check_finish(c);
	check_free(c);
	if (rep.free != NULL)
		rep.free(&rep);
	assert_int_equal(fclose(out), 0);
	settings_free(&s);
	return buf;
}

static const char hostile[] = HEADER
    "571-0101-YBN-NFOY,<script>alert(1)</script>,15,15,,"
    "\"\"\"><img src=x onerror=alert(1)>\",25,50,75,100,</style>,"
    "产出指标,数量指标,'q' & \x1B[2J,描述,=1次,\n";

/* A hostile cell is text on the page: no element is injected, the page
 * has the CSP meta and no script of its own. */
static void
test_hostile_page(void **state)
{
	char *out;

	(void)state;
	out = page(hostile, LANG_EN, false);
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "<img"));
	assert_null(strstr(out, "<b>.csv"));
	assert_null(strchr(out, '\x1B'));
	/* The one </style> is the page's own. */
	assert_non_null(strstr(out, "</style>"));
	assert_null(strstr(strstr(out, "</style>") + 1, "</style>"));
	assert_non_null(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(out, "&quot;&gt;&lt;img src=x"));
	assert_non_null(strstr(out, "&#39;q&#39; &amp; \\x1b[2J"));
	assert_non_null(strstr(out, "<meta http-equiv=\"Content-Security-"
	    "Policy\" content=\"default-src 'none';"));
	assert_true(text_utf8_valid(out, strlen(out)));
	free(out);
}

static const char plain[] = HEADER
    "571-0101-YBN-NFOY,监测,15,15,,用途,25,50,75,100,目标,"
    "产出指标,数量指标,次数,描述,=1次,\n";

/* A field the layout lacks is "not checked", not blank; the absent plan
 * has no chart. */
static void
test_absent_not_checked(void **state)
{
	char *out;

	(void)state;
	out = page(plain, LANG_EN, true);
	assert_non_null(strstr(out, "<span class=\"na\">not checked"));
	assert_null(strstr(out, "<svg"));
	free(out);
	out = page(plain, LANG_ZH, true);
	assert_non_null(strstr(out, "<span class=\"na\">未检查"));
	free(out);
	out = page(plain, LANG_EN, false);
	assert_null(strstr(out, "not checked"));
	assert_non_null(strstr(out, "<svg class=\"chart\""));
	assert_non_null(strstr(out, "<span class=\"blank\">(blank)</span>"));
	free(out);
}

/* The finding sits on its row, with its advice and a link to its rule. */
static void
test_finding_on_row(void **state)
{
	const char *row, *next;
	char *out;

	(void)state;
	out = page(plain, LANG_EN, false);
	row = strstr(out, "<tr id=\"p1-r1\" data-line=\"2\">");
	assert_non_null(row);
	next = strstr(row, "</tr>");
	assert_non_null(next);
	row = strstr(row, "href=\"#rule-PB309\">PB309</a>");
	assert_true(row != NULL && row < next);
	assert_non_null(strstr(next, "<tr class=\"frow\" id=\"p1-r1-findings"));
	assert_non_null(strstr(next, "What to do: write the basis"));
	assert_non_null(strstr(out, "<div id=\"rule-PB309\">"));
	free(out);
}

/* The total budget is shown whole, however large the sum. */
static void
test_budget_total(void **state)
{
	struct strbuf in = {0};
	char *out;
	int i;

	(void)state;
	strbuf_puts(&in, HEADER "571-0101-YBN-NFOY,监测,1");
	for (i = 0; i < 200; i++)
		strbuf_putc(&in, '0');
	strbuf_puts(&in, ",,,用途,25,50,75,100,目标,产出指标,数量指标,次数,"
	    "描述,=1次,工作计划\n");
	out = page(in.data, LANG_EN, false);
	assert_non_null(strstr(out, "budget (万元)</span><b>1e+200</b>"));
	free(out);
	out = page(plain, LANG_EN, false);
	assert_non_null(strstr(out, "budget (万元)</span><b>15</b>"));
	free(out);
	strbuf_free(&in);
}

/* Two projects: the first with a blank 3月底, a 10月底 that is not a
 * number, no 时效指标 (PB305 on row 1) and no basis on row 1 (PB309);
 * 产出指标 over rows 1-4 and 数量指标 over rows 1-2 (the second row's
 * 一级 blank, so the one above). The second project is clean. */
static const char two[] = HEADER
    "571-0101-YBN-NFOY,监测,15,15,,用途,,50,abc,100,目标,"
    "产出指标,数量指标,次数,监测次数,=1次,\n"
    ",,,,,,,,,,,,数量指标,人数,参加人数,=2人,工作计划\n"
    ",,,,,,,,,,,产出指标,质量指标,合格率,监测合格率,=100%,工作计划\n"
    ",,,,,,,,,,,产出指标,成本指标,成本,监测成本,《15万元,工作计划\n"
    ",,,,,,,,,,,效果指标,社会效益指标,公众,公众知晓情况,得到提高,工作计划\n"
    ",,,,,,,,,,,满意度指标,服务对象满意度指标,满意度,群众满意程度,≥90%,"
    "工作计划\n"
    "571-0101-YBN-AAAA,运维,10,10,,用途,25,50,75,100,目标,"
    "产出指标,数量指标,站数,运维站数,=4个,工作计划\n"
    ",,,,,,,,,,,,质量指标,运行率,站点运行率,≥95%,工作计划\n"
    ",,,,,,,,,,,,时效指标,及时率,数据报送及时率,=100%,工作计划\n"
    ",,,,,,,,,,,,成本指标,成本,运维成本,≤10万元,工作计划\n"
    ",,,,,,,,,,,效果指标,社会效益指标,数据,数据有效率,≥90%,工作计划\n"
    ",,,,,,,,,,,满意度指标,服务对象满意度指标,满意度,群众满意度,≥90%,"
    "历史数据\n";

/* The text from the first s in page up to the next end, or NULL. */
static char *
between(const char *page, const char *s, const char *end)
{
	const char *a = strstr(page, s), *b;

	if (a == NULL || (b = strstr(a, end)) == NULL)
		return NULL;
	return xstrndup(a, (size_t)(b - a));
}

static size_t
occurrences(const char *s, const char *what)
{
	size_t n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* The band counts every total; the projects table has a row a project
 * linked to its section, its counts, and a badge by --fail-on. */
static void
test_band_and_projects(void **state)
{
	char *out, *row;

	(void)state;
	out = page(two, LANG_EN, false);
	assert_non_null(strstr(out, "<div class=\"\"><span>files</span>"
	    "<b>1</b></div>\n<div class=\"\"><span>projects</span><b>2</b>"
	    "</div>\n<div class=\"\"><span>budget (万元)</span><b>25</b>"
	    "</div>\n<div class=\"\"><span>indicators</span><b>12</b></div>\n"
	    "<div class=\"error\"><span>errors</span><b>2</b></div>\n"
	    "<div class=\"warning\"><span>warnings</span><b>1</b></div>\n"
	    "<div class=\"info\"><span>infos</span><b>0</b></div>\n"));
	assert_non_null(strstr(out, "id=\"result\">fail</span></b><span>"
	    "fails on: error</span>"));
	row = between(out, "<tr class=\"error\"><td class=\"num\">1</td>",
	    "</tr>");
	assert_non_null(row);
	assert_string_equal(row, "<tr class=\"error\"><td class=\"num\">1"
	    "</td><td><a href=\"#p1\">571-0101-YBN-NFOY</a></td><td "
	    "class=\"v\">监测</td><td class=\"num\">15</td><td class=\"num\">"
	    "6</td><td class=\"num\">2</td><td class=\"num\">1</td><td "
	    "class=\"num\">0</td><td><span class=\"badge fail\">fail</span>"
	    "</td>");
	free(row);
	row = between(out, "<tr class=\"clean\"><td class=\"num\">2</td>",
	    "</tr>");
	assert_non_null(row);
	assert_non_null(strstr(row, "<a href=\"#p2\">571-0101-YBN-AAAA</a>"));
	assert_non_null(strstr(row, "<span class=\"badge pass\">pass</span>"));
	free(row);
	assert_non_null(strstr(out, "<section class=\"project error\" "
	    "id=\"p1\">"));
	assert_non_null(strstr(out, "<section class=\"project clean\" "
	    "id=\"p2\">"));
	free(out);
}

/* Every link of the page leads to an element of the page. */
static void
test_links_resolve(void **state)
{
	const char *s;
	char *out, *id, want[128];
	size_t n = 0;

	(void)state;
	out = page(two, LANG_ZH, false);
	for (s = out; (s = strstr(s, "href=\"#")) != NULL; n++) {
		s += strlen("href=\"#");
		id = xstrndup(s, strcspn(s, "\""));
		snprintf(want, sizeof(want), "id=\"%s\"", id);
		if (strstr(out, want) == NULL) {
			free(out);
			fail_msg("href=\"#%s\" leads nowhere", id);
		}
		free(id);
	}
	assert_true(n >= 2 + 1 + 3 + 3);	/* p1, p2, top, chips, rules */
	free(out);
}

/* The chart: the time-progress line at 25/50/83/100, the plan line
 * through the numbers (a blank read as 0, a non-number left out), and a
 * mark exactly at each milestone that is not a number. */
static void
test_chart(void **state)
{
	char *out, *chart;

	(void)state;
	out = page(two, LANG_EN, false);
	chart = between(out, "<svg class=\"chart\" id=\"p1-chart\"", "</svg>");
	assert_non_null(chart);
	assert_non_null(strstr(chart, "stroke-dasharray=\"5 4\" points=\""
	    "48.0,180.0 123.0,142.5 198.0,105.0 298.0,55.0 348.0,30.0\""));
	assert_non_null(strstr(chart, "class=\"plan-line\" fill=\"none\" "
	    "stroke=\"#1a56c4\" stroke-width=\"2.5\" points=\"48.0,180.0 "
	    "123.0,180.0 198.0,105.0 348.0,30.0\""));
	assert_int_equal(occurrences(chart, "milestone-blank"), 2);
	assert_non_null(strstr(chart, "<circle class=\"milestone-blank\" "
	    "cx=\"123.0\" cy=\"180.0\""));
	assert_non_null(strstr(chart, "<circle class=\"milestone-blank\" "
	    "cx=\"298.0\" cy=\"180.0\""));
	assert_non_null(strstr(chart, "fill=\"#b71c1c\">(blank)</text>"));
	assert_non_null(strstr(chart, "fill=\"#b71c1c\">not a number</text>"));
	assert_non_null(strstr(chart, "<circle cx=\"198.0\" cy=\"105.0\" "
	    "r=\"3.5\""));
	assert_non_null(strstr(chart, "fill=\"#1a56c4\">50</text>"));
	free(chart);
	/* The full plan: no mark, every point plotted. */
	chart = between(out, "<svg class=\"chart\" id=\"p2-chart\"", "</svg>");
	assert_non_null(chart);
	assert_null(strstr(chart, "milestone-blank"));
	assert_non_null(strstr(chart, "points=\"48.0,180.0 123.0,142.5 "
	    "198.0,105.0 298.0,67.5 348.0,30.0\""));
	free(chart);
	free(out);
	out = page(two, LANG_ZH, false);
	assert_non_null(strstr(out, "fill=\"#b71c1c\">（空）</text>"));
	assert_non_null(strstr(out, "fill=\"#b71c1c\">非数字</text>"));
	free(out);
}

/* 一级 and 二级 merged as in the form: 产出指标 over its four rows and
 * the findings row of row 1, 数量指标 over its two rows and that
 * findings row, which spans the four columns left. */
static void
test_rowspan(void **state)
{
	char *out, *table;

	(void)state;
	out = page(two, LANG_EN, false);
	table = between(out, "<table class=\"ind\">", "</table>");
	assert_non_null(table);
	assert_non_null(strstr(table, "<tr id=\"p1-r1\" data-line=\"2\">"
	    "<td rowspan=\"5\" class=\"\"><span class=\"v\">产出指标</span>"
	    "</td><td rowspan=\"3\" class=\"warning\"><span class=\"v\">"
	    "数量指标</span>"));
	assert_non_null(strstr(table, "<tr class=\"frow\" "
	    "id=\"p1-r1-findings\" data-line=\"2\"><td colspan=\"4\">"));
	/* Rows 2-4 start past the merged cells. */
	assert_non_null(strstr(table, "<tr id=\"p1-r2\" data-line=\"3\"><td "
	    "class=\"\"><span class=\"v\">人数</span>"));
	assert_non_null(strstr(table, "<tr id=\"p1-r3\" data-line=\"4\"><td "
	    "class=\"\"><span class=\"v\">质量指标</span>"));
	assert_non_null(strstr(table, "<tr id=\"p1-r5\" data-line=\"6\"><td "
	    "class=\"\"><span class=\"v\">效果指标</span></td><td class=\"\">"
	    "<span class=\"v\">社会效益指标</span>"));
	assert_int_equal(occurrences(table, "rowspan="), 2);
	free(table);
	table = between(strstr(out, "id=\"p2\""), "<table class=\"ind\">",
	    "</table>");
	assert_non_null(table);
	assert_non_null(strstr(table, "<td rowspan=\"4\" class=\"\"><span "
	    "class=\"v\">产出指标</span>"));
	assert_int_equal(occurrences(table, "rowspan="), 1);
	assert_null(strstr(table, "frow"));
	free(table);
	free(out);
}

/* The print stylesheet: A4, a project a page, rows and the chart whole. */
static void
test_print_css(void **state)
{
	char *out, *print;

	(void)state;
	out = page(plain, LANG_EN, false);
	assert_non_null(strstr(out, "@page{size:A4;"));
	print = between(out, "@media print{", "}}\n");
	assert_non_null(print);
	assert_non_null(strstr(print, ".project{break-before:page;"));
	assert_non_null(strstr(print, "tr,.fd,.band div,svg{break-inside:"
	    "avoid}"));
	assert_non_null(strstr(print, "thead{display:table-header-group}"));
	free(print);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_escape_every_byte),
		cmocka_unit_test(test_hostile_page),
		cmocka_unit_test(test_absent_not_checked),
		cmocka_unit_test(test_finding_on_row),
		cmocka_unit_test(test_budget_total),
		cmocka_unit_test(test_band_and_projects),
		cmocka_unit_test(test_links_resolve),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_rowspan),
		cmocka_unit_test(test_print_css),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
