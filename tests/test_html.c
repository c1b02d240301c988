/* Unit tests for the HTML report (SPEC 5.6): the one escaper, and the page a hostile or layout-short input makes. */
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
