/* Unit tests for the reporters' output guarantees: valid UTF-8, no raw controls, the reason an input could not be read; and the JSON escaper. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"
#include "read.h"
#include "report.h"
#include "settings.h"
#include "text.h"
#include "util.h"

#include "support.h"

#define HEADER "项目编码,项目名称,预算数,财政资金,其他资金,资金用途," \
	"3月底,6月底,10月底,12月底,目标1,一级指标,二级指标,三级指标," \
	"绩效指标描述,指标值,指标值确定依据\n"

/* 测试 in GBK: a file name from a zip made on a Chinese Windows. */
#define GBK_NAME	"\xB2\xE2\xCA\xD4.csv"

/*
 * One project whose name holds a byte that is not UTF-8 and whose level-3
 * name and description (PB308 quotes it) hold ESC, BEL, DEL and C1 NEL.
 */
static const char input[] = HEADER
    "571-0101-YBN-NFOY,\"监测\xFF\x1B]0;x\x07\",15,15,,用途,25,50,75,100,"
    "目标,产出指标,成本指标,\"成本\x1B[2J\x7F\xC2\x85\",\"成本\x1B[2J\x7F\xC2\x85\","
    "《15万元,工作计划\n";

/* Runs the input (as GBK_NAME) and an unreadable missing.csv through the
 * reporter of a format; returns what it wrote. */
static char *
report(const char *format)
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
	s.lang = LANG_EN;
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	assert_true(report_init(&rep, format, out, &s, false));
	c = check_new(&s, &rep, &err);
	assert_non_null(c);
	sink.ctx = c;
	sink.diag = check_sink_diag;
	sink.project = check_sink_project;
	path = check_file_begin(c, GBK_NAME);
	check_file_format(c, "csv", "UTF-8");
	read_csv(path, input, strlen(input), &sink);
	check_file_begin(c, "missing.csv");
	check_file_unreadable(c, "No such file or directory");
	check_finish(c);
	check_free(c);
	if (rep.free != NULL)
		rep.free(&rep);
	assert_int_equal(fclose(out), 0);
	settings_free(&s);
	return buf;
}

static const char *const formats[] = { "text", "json", "junit", "sarif",
    "csv", "html" };

/* Every format writes valid UTF-8, whatever the file name and cells hold. */
static void
test_every_format_is_utf8(void **state)
{
	size_t i;
	char *out;

	(void)state;
	for (i = 0; i < NELEM(formats); i++) {
		out = report(formats[i]);
		if (!text_utf8_valid(out, strlen(out))) {
			free(out);
			fail_msg("%s: output is not valid UTF-8", formats[i]);
		}
		free(out);
	}
}

/* ESC, BEL and DEL from the cells never reach the text, JSON, JUnit or
 * SARIF output raw, nor does C1 NEL (U+0085). */
static void
test_no_raw_controls(void **state)
{
	size_t i;
	char *out;

	(void)state;
	for (i = 0; i < NELEM(formats); i++) {
		if (strcmp(formats[i], "csv") == 0)
			continue;	/* data: the cells are kept */
		out = report(formats[i]);
		if (strpbrk(out, "\x1B\x07\x7F") != NULL ||
		    strstr(out, "\xC2\x85") != NULL) {
			free(out);
			fail_msg("%s: a raw control character", formats[i]);
		}
		free(out);
	}
}

/* The text output shows the controls and the name's bytes escaped. */
static void
test_text_escapes(void **state)
{
	char *out;

	(void)state;
	out = report("text");
	assert_non_null(strstr(out, "\\xb2\\xe2\\xca\\xd4.csv:2:"));
	assert_non_null(strstr(out, "'成本\\x1b[2J\\x7f\\u0085'"));
	assert_non_null(strstr(out, "监测\\xff\\x1b]0;x\\x07"));
	free(out);
}

/* The canonical CSV keeps the controls (it is data) but not the bad byte. */
static void
test_csv_keeps_controls(void **state)
{
	char *out;

	(void)state;
	out = report("csv");
	assert_non_null(strstr(out, ",监测\xEF\xBF\xBD\x1B]0;x\x07,"));
	assert_non_null(strstr(out, "成本\x1B[2J\x7F\xC2\x85,"));
	free(out);
}

/* Every format says why an input could not be read. */
static void
test_unreadable_reason(void **state)
{
	static const struct {
		const char	*format;
		const char	*want;
	} cases[] = {
		{ "text", "missing.csv: error: cannot be read: "
		    "No such file or directory\n" },
		{ "json", "\"readable\": false, "
		    "\"error\": \"No such file or directory\"}" },
		{ "junit", "<error message=\"the file cannot be opened or "
		    "read: No such file or directory\"" },
		{ "sarif", "{\"text\": \"missing.csv: No such file or "
		    "directory\"}" },
	};
	size_t i;
	char *out;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		out = report(cases[i].format);
		if (strstr(out, cases[i].want) == NULL) {
			free(out);
			fail_msg("%s: no \"%s\"", cases[i].format,
			    cases[i].want);
		}
		free(out);
	}
}

struct json_case {
	const char	*in;
	const char	*want;
};

/* JSON strings: quotes, backslash, every control (C1 and the separators
 * too) escaped, CJK kept, bytes that are not UTF-8 as U+FFFD, NULL null. */
static void
test_json_escape(void **state)
{
	static const struct json_case cases[] = {
		{ "", "\"\"" },
		{ "中文", "\"中文\"" },
		{ "a\"b\\c", "\"a\\\"b\\\\c\"" },
		{ "\t\n\r", "\"\\t\\n\\r\"" },
		{ "\x01\x1B\x7F", "\"\\u0001\\u001b\\u007f\"" },
		{ "\xC2\x85\xE2\x80\xA8\xE2\x80\xAE", "\"\\u0085\\u2028\\u202e\"" },
		{ "<&>]]>", "\"<&>]]>\"" },
		{ "\xB2\xE2\xCA\xD4.csv",
		    "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.csv\"" },
		{ "\xE4\xB8", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"" },
		{ NULL, "null" },
	};
	struct strbuf b = {0};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		json_escape(&b, cases[i].in);
		if (strcmp(b.data, cases[i].want) != 0) {
			strbuf_free(&b);
			fail_msg("case %zu: not the expected JSON", i);
		}
		strbuf_free(&b);
	}
}

/* json_escape() as it was before its fast path: clean, then decode
 * every character. */
static void
json_escape_ref(struct strbuf *b, const char *s)
{
	char *clean = text_utf8_clean(s);
	uint32_t cp;
	size_t i, n = strlen(clean), len;

	strbuf_putc(b, '"');
	for (i = 0; i < n; i += len) {
		cp = text_utf8_decode(clean + i, n - i, &len);
		if (cp == '"')
			strbuf_puts(b, "\\\"");
		else if (cp == '\\')
			strbuf_puts(b, "\\\\");
		else if (cp == '\n')
			strbuf_puts(b, "\\n");
		else if (cp == '\r')
			strbuf_puts(b, "\\r");
		else if (cp == '\t')
			strbuf_puts(b, "\\t");
		else if (text_is_control(cp))
			strbuf_printf(b, "\\u%04x", (unsigned)cp);
		else
			strbuf_add(b, clean + i, len);
	}
	strbuf_putc(b, '"');
	free(clean);
}

/* One string through both: the same bytes. */
static void
escape_same(const char *s, size_t n)
{
	struct strbuf a = {0}, b = {0};

	json_escape(&a, s);
	json_escape_ref(&b, s);
	if (strcmp(a.data, b.data) != 0) {
		char hex[64] = "";
		size_t i;

		for (i = 0; i < n && i < 16; i++)
			snprintf(hex + 3 * i, 4, "%02x ", (unsigned char)s[i]);
		strbuf_free(&a);
		strbuf_free(&b);
		fail_msg("json_escape differs on %s", hex);
	}
	strbuf_free(&a);
	strbuf_free(&b);
}

/*
 * json_escape()'s fast path (ASCII and most three-byte characters at
 * once) writes what the decoding of every character writes: every string
 * of one and two bytes, every three-byte one led by E0..EF, and 20,000
 * random strings of bytes weighted to the interesting ones.
 */
static void
test_json_escape_fast_path(void **state)
{
	char s[16];
	unsigned i, j, k, r = 12345;
	size_t n, m;

	(void)state;
	for (i = 1; i < 256; i++) {
		s[0] = (char)i;
		s[1] = '\0';
		escape_same(s, 1);
		for (j = 1; j < 256; j++) {
			s[1] = (char)j;
			s[2] = '\0';
			escape_same(s, 2);
		}
	}
	for (i = 0xE0; i <= 0xEF; i++)
		for (j = 1; j < 256; j++)
			for (k = 1; k < 256; k += 3) {
				s[0] = (char)i;
				s[1] = (char)j;
				s[2] = (char)k;
				s[3] = 'x';
				s[4] = '\0';
				escape_same(s, 4);
			}
	for (m = 0; m < 20000; m++) {
		static const unsigned char pick[] = { 'a', '"', '\\', '\n',
		    0x01, 0x7F, 0x80, 0xA8, 0xBF, 0xC2, 0xE2, 0xE3, 0xE4,
		    0xE9, 0xED, 0xEF, 0xF0, 0xFF, 0x8E, 0xBC };

		n = 1 + m % 14;
		for (i = 0; i < n; i++) {
			r = r * 1103515245u + 12345u;
			s[i] = (char)pick[(r >> 16) % sizeof(pick)];
		}
		s[n] = '\0';
		escape_same(s, n);
	}
}

/* Numbers: what printf wrote for them before ("%.0f" for whole ones,
 * the shortest "%.*g" that reads back for the rest), "null" if not
 * finite. */
static void
test_json_number_add(void **state)
{
	static const double v[] = {
		0.0, -0.0, 1, -1, 7, 25, 100, 1e14, 999999999999999.0,
		-123456789012345.0, 0.5, -2.25, 1.5e-7, 1e15, 1e300, 12.34,
		0.1, 2.0 / 3.0,
	};
	struct strbuf b = {0};
	char want[64];
	size_t i;
	int prec;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		if (v[i] == floor(v[i]) && fabs(v[i]) < 1e15)
			snprintf(want, sizeof(want), "%.0f", v[i]);
		else
			for (prec = 1; prec <= 17; prec++) {
				snprintf(want, sizeof(want), "%.*g", prec, v[i]);
				if (strtod(want, NULL) == v[i])
					break;
			}
		b.len = 0;
		json_number_add(&b, v[i]);
		if (strcmp(b.data, want) != 0)
			fail_msg("%.17g: %s, want %s", v[i], b.data, want);
	}
	b.len = 0;
	json_number_add(&b, NAN);
	json_number_add(&b, -INFINITY);
	assert_string_equal(b.data, "nullnull");
	strbuf_free(&b);
}

/*
 * The JUnit reporter on its own, fed as the engine feeds it: three
 * projects of one file (the second without findings) and the file's own
 * findings (seq -1). Mode 0 passes every finding in one run at the file's
 * end; mode 1 passes the early ones in a run after the first project and
 * the others in a run after the last (as the engine does, a run holds
 * every finding made since the last).
 */
#define NJ	8

static char *
junit_fed(int mode)
{
	static const struct {
		long	seq;
		int	line, col;
		enum severity sev;
		bool	early;		/* passed after the first project */
	} spec[NJ] = {
		/* In report order; the own ones at lines 1 and 2 come in
		 * a later run than the one at line 30. */
		{ -1, 1, 1, SEV_ERROR, false }, { -1, 2, 1, SEV_INFO, false },
		{ 0, 2, 3, SEV_ERROR, true }, { 0, 3, 4, SEV_INFO, true },
		{ -1, 30, 1, SEV_WARNING, true },
		{ 2, 40, 2, SEV_ERROR, false }, { 2, 41, 2, SEV_INFO, false },
		{ 2, 42, 2, SEV_INFO, false },
	};
	static const char *const code[3] = { "C-1", "", "C-3" };
	static const char *const name[3] = { "一 <&>", "二", "三" };
	struct settings s;
	struct reporter rep;
	struct finding f[NJ], run[NJ];
	struct file_info file;
	struct run_result res;
	struct project p;
	struct counts n;
	char path[] = "a&b.csv", *buf = NULL;
	size_t len = 0, i, k, nrun;
	bool late;
	FILE *out;

	settings_init(&s);
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	assert_true(report_init(&rep, "junit", out, &s, false));
	rep.begin(&rep);
	memset(f, 0, sizeof(f));
	for (i = 0; i < NJ; i++) {
		f[i].rule = RULE_PB001;
		f[i].severity = spec[i].sev;
		f[i].message = (char *)"message";
		f[i].file = path;
		f[i].loc.line = spec[i].line;
		f[i].loc.col = spec[i].col;
		f[i].seq = spec[i].seq;
		f[i].order = i;
	}
	memset(&p, 0, sizeof(p));
	p.file = path;
	/* A project is reported at its end, before any run with its
	 * findings; a run holds findings in report order. */
	for (k = 0; k < 3; k++) {
		memset(&n, 0, sizeof(n));
		n.seq = (long)k;
		for (i = 0; i < NJ; i++)
			if (spec[i].seq == n.seq)
				n.errors++;
		p.text[FIELD_CODE] = (char *)code[k];
		p.text[FIELD_NAME] = (char *)name[k];
		rep.project(&rep, &p, &n);
		if (mode == 0 || k == 1)
			continue;
		late = k == 2;
		for (i = 0, nrun = 0; i < NJ; i++) {
			if (spec[i].early == late)
				continue;
			run[nrun++] = f[i];
		}
		if (nrun > 0)
			rep.file(&rep, run, nrun);
	}
	if (mode == 0)
		rep.file(&rep, f, NJ);
	memset(&file, 0, sizeof(file));
	file.path = path;
	file.projects = 3;
	memset(&res, 0, sizeof(res));
	res.files = &file;
	res.nfiles = 1;
	res.projects = 3;
	rep.end(&rep, &res);
	rep.free(&rep);
	assert_int_equal(fclose(out), 0);
	settings_free(&s);
	return buf;
}

/* JUnit: the file's own testcase comes first with its findings in line
 * order, and the projects' follow, however the findings came in runs. */
static void
test_junit_runs(void **state)
{
	char *whole, *runs;
	const char *own, *l1, *l2, *l30, *c1, *c2, *c3;

	(void)state;
	whole = junit_fed(0);
	own = strstr(whole, "<testcase classname=\"a&amp;b.csv\" "
	    "name=\"a&amp;b.csv\">");
	c1 = strstr(whole, "name=\"C-1 一 &lt;&amp;&gt;\">");
	c2 = strstr(whole, "name=\"- 二\"/>");
	c3 = strstr(whole, "name=\"C-3 三\">");
	l1 = strstr(whole, "a&amp;b.csv:1:1: error");
	l2 = strstr(whole, "a&amp;b.csv:2:1: info");
	l30 = strstr(whole, "a&amp;b.csv:30:1: warning");
	assert_non_null(strstr(whole, "<testsuites name=\"pbcheck\" "
	    "tests=\"4\" failures=\"3\" errors=\"0\">"));
	assert_true(own != NULL && c1 != NULL && c2 != NULL && c3 != NULL);
	assert_true(own < c1 && c1 < c2 && c2 < c3);
	/* The error is the failure; the others, in line order, the
	 * system-out. */
	assert_true(l1 != NULL && l2 != NULL && l30 != NULL);
	assert_true(own < l1 && l1 < l2 && l2 < l30 && l30 < c1);
	runs = junit_fed(1);
	if (strcmp(runs, whole) != 0)
		fprintf(stderr, "%s\n---\n%s\n", whole, runs);
	assert_string_equal(runs, whole);
	free(runs);
	free(whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_format_is_utf8),
		cmocka_unit_test(test_no_raw_controls),
		cmocka_unit_test(test_text_escapes),
		cmocka_unit_test(test_csv_keeps_controls),
		cmocka_unit_test(test_unreadable_reason),
		cmocka_unit_test(test_json_escape),
		cmocka_unit_test(test_json_escape_fast_path),
		cmocka_unit_test(test_json_number_add),
		cmocka_unit_test(test_junit_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
