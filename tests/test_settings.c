/* Unit tests for the settings: defaults, rule selection by id or prefix, severity overrides and the pbcheck.conf file (SPEC 7). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "settings.h"

#include "support.h"

#define DEFAULT_PATTERN	"^[0-9A-Za-z][0-9A-Za-z-]*$"

/* True if id starts with one of the comma-separated prefixes. */
static bool
in_prefixes(const char *id, const char *prefixes)
{
	const char *p = prefixes;

	while (*p != '\0') {
		size_t n = strcspn(p, ",");

		if (n > 0 && strncmp(id, p, n) == 0)
			return true;
		p += n;
		if (*p == ',')
			p++;
	}
	return false;
}

/* Every rule named by want_off is off and every other has its default. */
static void
expect_off_exactly(const struct settings *s, const char *want_off,
    const char *what)
{
	int i;

	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = rule_get((enum rule_id)i);
		enum severity want = in_prefixes(r->id, want_off) ? SEV_OFF :
		    r->severity;

		if (s->severity[i] != want)
			fail_msg("%s: %s is %s, want %s", what, r->id,
			    severity_name(s->severity[i]), severity_name(want));
	}
}

static void
expect_error_names(int rc, char *err, const char *name, const char *what)
{
	if (rc != -1)
		fail_msg("%s: returned %d, want -1", what, rc);
	if (err == NULL)
		fail_msg("%s: no error message", what);
	if (strstr(err, name) == NULL) {
		char copy[512];

		snprintf(copy, sizeof(copy), "%s", err);
		free(err);
		fail_msg("%s: error \"%s\" does not name \"%s\"", what, copy,
		    name);
	}
	free(err);
}

/* Writes text to a new file under /tmp; path receives its name. */
static void
temp_file(char path[64], const char *text)
{
	size_t n = strlen(text);
	int fd;

	snprintf(path, 64, "/tmp/pbcheck-settings-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
}

/* Loads text as a settings file into s; returns settings_load's result. */
static int
load_text(struct settings *s, const char *text, char path[64], char **err)
{
	int rc;

	temp_file(path, text);
	*err = NULL;
	rc = settings_load(s, path, err);
	assert_int_equal(unlink(path), 0);
	return rc;
}

/* settings_init gives the SPEC 1 and 7 defaults, no extra bases, and every rule its table severity. */
static void
test_init_defaults(void **state)
{
	struct settings s;
	int i;

	(void)state;
	settings_init(&s);
	assert_true(s.midyear_min == 50);
	assert_true(s.satisfaction_min == 80);
	assert_true(s.budget_tolerance == 0.005);
	assert_non_null(s.code_pattern);
	assert_string_equal(s.code_pattern, DEFAULT_PATTERN);
	assert_int_equal(s.fail_on, SEV_ERROR);
	assert_int_equal(s.nbases, 0);
	for (i = 0; i < RULE_COUNT; i++) {
		assert_int_equal(s.severity[i],
		    rule_get((enum rule_id)i)->severity);
		assert_int_not_equal(s.severity[i], SEV_OFF);
	}
	settings_free(&s);
	assert_null(s.code_pattern);
	assert_null(s.bases);
	assert_int_equal(s.nbases, 0);
}

/* settings_disable switches off exactly the rules an id or prefix names, case-insensitively, in lists split by , ， or 、. */
static void
test_disable_ids_and_prefixes(void **state)
{
	static const struct {
		const char	*list;
		const char	*off;	/* prefixes of the rules then off */
	} cases[] = {
		{ "PB413", "PB413" },
		{ "PB4", "PB401,PB402,PB403,PB404,PB405,PB406,PB407,PB408,"
		    "PB409,PB410,PB411,PB412,PB413,PB414" },
		{ "pb4", "PB4" },
		{ "Pb205", "PB205" },
		{ "PB413，PB5", "PB413,PB5" },
		{ "PB2、PB101", "PB2,PB101" },
		{ " PB205 , PB207 ", "PB205,PB207" },
		{ "PB41", "PB41" },
		{ "PB0,PB1", "PB0,PB1" },
		{ "PB205,PB205", "PB205" },
	};
	struct settings s;
	char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		settings_init(&s);
		err = NULL;
		assert_int_equal(settings_disable(&s, cases[i].list, &err), 0);
		assert_null(err);
		expect_off_exactly(&s, cases[i].off, cases[i].list);
		settings_free(&s);
	}

	/* PB4 is PB401-PB414 and nothing else. */
	settings_init(&s);
	assert_int_equal(settings_disable(&s, "PB4", &err), 0);
	for (i = 0; i < RULE_COUNT; i++)
		assert_int_equal(s.severity[i] == SEV_OFF,
		    i >= RULE_PB401 && i <= RULE_PB414);
	settings_free(&s);
}

/* settings_disable and settings_enable refuse an item that names no rule, naming it in the error. */
static void
test_disable_enable_unknown(void **state)
{
	static const struct {
		const char	*list;
		const char	*named;
	} cases[] = {
		{ "PB999", "PB999" },
		{ "PB413,PX", "PX" },
		{ "PB413，XYZ", "XYZ" },
		{ "PB4x", "PB4x" },
		{ "PB4132", "PB4132" },
	};
	struct settings s;
	char *err;
	int rc;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		settings_init(&s);
		err = NULL;
		rc = settings_disable(&s, cases[i].list, &err);
		expect_error_names(rc, err, cases[i].named, cases[i].list);
		err = NULL;
		rc = settings_enable(&s, cases[i].list, &err);
		expect_error_names(rc, err, cases[i].named, cases[i].list);
		settings_free(&s);
	}
}

/* settings_enable switches rules on at their default severity: after a disable of their family, and after a severity override. */
static void
test_enable_restores_default(void **state)
{
	struct settings s;
	char *err = NULL;
	int i;

	(void)state;
	settings_init(&s);
	assert_int_equal(settings_disable(&s, "PB4,PB205", &err), 0);
	assert_int_equal(settings_enable(&s, "PB404", &err), 0);
	assert_null(err);
	assert_int_equal(s.severity[RULE_PB404], SEV_ERROR);
	assert_int_equal(s.severity[RULE_PB403], SEV_OFF);
	assert_int_equal(s.severity[RULE_PB205], SEV_OFF);

	assert_int_equal(settings_enable(&s, "pb4、PB205", &err), 0);
	expect_off_exactly(&s, "", "enable PB4, PB205");

	/* --severity=PB309=warning --enable=PB309: an error again. */
	assert_int_equal(settings_severity(&s, "PB309=warning", &err), 0);
	assert_int_equal(s.severity[RULE_PB309], SEV_WARNING);
	assert_int_equal(settings_enable(&s, "PB309", &err), 0);
	assert_int_equal(s.severity[RULE_PB309], SEV_ERROR);
	/* A whole family too, and a later override still wins. */
	assert_int_equal(settings_severity(&s, "PB3=info", &err), 0);
	assert_int_equal(settings_enable(&s, "PB3", &err), 0);
	expect_off_exactly(&s, "", "enable PB3 after PB3=info");
	assert_int_equal(settings_severity(&s, "PB309=info", &err), 0);
	assert_int_equal(s.severity[RULE_PB309], SEV_INFO);
	assert_null(err);
	settings_free(&s);

	/* --disable=PB4 --enable=PB401: PB401 alone, at its default. */
	settings_init(&s);
	assert_int_equal(settings_disable(&s, "PB4", &err), 0);
	assert_int_equal(settings_enable(&s, "PB401", &err), 0);
	for (i = RULE_PB401; i <= RULE_PB414; i++)
		assert_int_equal(s.severity[i], i == RULE_PB401 ?
		    rule_get(RULE_PB401)->severity : SEV_OFF);
	assert_null(err);
	settings_free(&s);
}

/* Rule lists refuse a prefix shorter than a family (P, PB) and an empty item, in every list function and in the settings file, naming the item. */
static void
test_short_prefix_and_empty_item(void **state)
{
	static const struct {
		const char	*list;
		const char	*named;
	} cases[] = {
		{ "P", "'P'" },
		{ "PB", "'PB'" },
		{ "pb", "'pb'" },
		{ "PB4,PB", "'PB'" },
		{ "PB4，P", "'P'" },
		{ "", "no rule id given" },
		{ "  ", "no rule id given" },
		{ "PB4,,PB5", "item 2 is empty" },
		{ "PB4,", "item 2 is empty" },
		{ "PB4、 ，PB5", "item 2 is empty" },
		{ ",PB4", "item 1 is empty" },
	};
	static const struct {
		const char	*text;
		const char	*named;
	} files[] = {
		{ "[rules]\ndisable = PB\n", "2: 'PB' is shorter" },
		{ "[rules]\nenable = P\n", "2: 'P' is shorter" },
		{ "[rules]\n\ndisable =\n", "3: no rule id given" },
		{ "[rules]\ndisable = PB4,,PB5\n", "2: 'PB4,,PB5': item 2" },
		{ "[rules]\nseverity.PB = off\n", "2: 'PB' is shorter" },
	};
	struct settings s;
	char path[64], list[64], *err;
	int rc;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		settings_init(&s);
		err = NULL;
		rc = settings_disable(&s, cases[i].list, &err);
		expect_error_names(rc, err, cases[i].named, cases[i].list);
		err = NULL;
		rc = settings_enable(&s, cases[i].list, &err);
		expect_error_names(rc, err, cases[i].named, cases[i].list);
		settings_free(&s);
	}
	/* The same items as the ids of --severity. */
	settings_init(&s);
	err = NULL;
	rc = settings_severity(&s, "PB=off", &err);
	expect_error_names(rc, err, "'PB' is shorter", "PB=off");
	rc = settings_severity(&s, "P=info", &err);
	expect_error_names(rc, err, "'P' is shorter", "P=info");
	rc = settings_severity(&s, "PB4=off,,PB5=off", &err);
	expect_error_names(rc, err, "item 2 is empty", "PB4=off,,PB5=off");
	settings_free(&s);
	for (i = 0; i < NELEM(files); i++) {
		settings_init(&s);
		rc = load_text(&s, files[i].text, path, &err);
		expect_error_names(rc, err, files[i].named, files[i].text);
		settings_free(&s);
	}
	/* A family prefix of three characters is enough. */
	settings_init(&s);
	snprintf(list, sizeof(list), "PB4");
	assert_int_equal(settings_disable(&s, list, &err), 0);
	expect_off_exactly(&s, "PB4", list);
	settings_free(&s);
}

/* Comments (SPEC 7): whole lines starting with # or ; and the rest of a line from a ; or # after white space; a # or ; without a space before it is part of the value. */
static void
test_load_comments(void **state)
{
	static const char text[] =
	    "  # indented comment\n"
	    "\t; indented comment\n"
	    "[rules] ; the rule section\n"
	    "disable = PB308 ; old rule\n"
	    "enable = PB308\t# back on, tab before\n"
	    "disable = PB412 # and this one, PB413\n"
	    "severity.PB309 = warning ;error\n"
	    "[thresholds]   # numbers\n"
	    "satisfaction_min = 70 ; percent\n"
	    "code_pattern = ^[0-9]#x;y$   ; a # and a ; inside\n"
	    "[bases]\n"
	    "accept = 上级文件;附件 # two words\n";
	struct settings s;
	char path[64], *err;

	(void)state;
	settings_init(&s);
	assert_int_equal(load_text(&s, text, path, &err), 0);
	assert_null(err);
	assert_int_equal(s.severity[RULE_PB412], SEV_OFF);
	assert_int_equal(s.severity[RULE_PB309], SEV_WARNING);
	s.severity[RULE_PB309] = rule_get(RULE_PB309)->severity;
	expect_off_exactly(&s, "PB412", "comments");
	assert_true(s.satisfaction_min == 70);
	assert_string_equal(s.code_pattern, "^[0-9]#x;y$");
	assert_int_equal(s.nbases, 1);
	assert_string_equal(s.bases[0], "上级文件;附件");
	settings_free(&s);

	/* A comment character after white space ends the value, even in a regular expression. */
	settings_init(&s);
	assert_int_equal(load_text(&s, "[thresholds]\ncode_pattern = ^A #B$\n",
	    path, &err), 0);
	assert_string_equal(s.code_pattern, "^A");
	settings_free(&s);
}

/* Errors of the settings file and of the rule lists follow s->lang: English or Chinese, with the same FILE:LINE prefix. */
static void
test_errors_follow_language(void **state)
{
	static const struct {
		const char	*text;
		const char	*en;
		const char	*zh;
	} files[] = {
		{ "[rules]\nfoo = 1\n", "unknown key 'foo' in [rules]",
		    "未知的键“foo”（在 [rules] 中）" },
		{ "[colors]\n", "unknown section [colors]", "未知的节 [colors]" },
		{ "[rules\n", "closing ']'", "缺少右方括号" },
		{ "x = 1\n", "a key before any [section]", "之前" },
		{ "[rules]\ndisable PB4\n", "'disable PB4' is not 'key = value'",
		    "“disable PB4”不是“键 = 值”的形式" },
		{ "[thresholds]\nmidyear_min = half\n",
		    "midyear_min: 'half' is not a number",
		    "midyear_min：“half”不是数字" },
		{ "[thresholds]\nmidyear_min = 150\n", "is outside 0–100",
		    "不在 0–100 之内" },
		{ "[thresholds]\ncode_pattern = [\n", "code_pattern '['",
		    "code_pattern “[”" },
		{ "[rules]\ndisable = PB9\n", "'PB9' names no rule",
		    "“PB9”不是任何规则" },
		{ "[rules]\ndisable = PB\n", "'PB' is shorter than a rule family",
		    "“PB”比规则组（PB0 至 PB5）短" },
		{ "[rules]\ndisable =\n", "no rule id given", "未给出规则编号" },
		{ "[rules]\ndisable = PB4,,PB5\n", "'PB4,,PB5': item 2 is empty",
		    "列表“PB4,,PB5”的第 2 项为空" },
		{ "[rules]\nseverity.PB204 = loud\n",
		    "PB204: 'loud' is not a severity", "PB204：“loud”不是严重程度" },
		{ "[bases]\naccept = \xB9\xA4\n", "not UTF-8 text",
		    "不是 UTF-8 文本" },
	};
	static const struct {
		int		 kind;	/* 0 disable, 1 enable, 2 severity */
		const char	*list;
		const char	*en;
		const char	*zh;
	} lists[] = {
		{ 0, "PB999", "'PB999' names no rule", "“PB999”不是任何规则" },
		{ 1, "P", "'P' is shorter", "“P”比规则组" },
		{ 0, "PB4,", "'PB4,': item 2 is empty", "列表“PB4,”的第 2 项为空" },
		{ 1, "", "no rule id given", "未给出规则编号" },
		{ 2, "PB204", "'PB204' is not ID=LEVEL", "“PB204”不是 规则=级别" },
		{ 2, "PB204=loud", "'loud' is not a severity", "“loud”不是严重程度" },
	};
	struct settings s;
	char path[64], want[160], *err;
	size_t i;
	int lang, rc;

	(void)state;
	for (lang = LANG_EN; lang <= LANG_ZH; lang++) {
		for (i = 0; i < NELEM(files); i++) {
			settings_init(&s);
			s.lang = (enum lang)lang;
			rc = load_text(&s, files[i].text, path, &err);
			settings_free(&s);
			snprintf(want, sizeof(want), "%s:", path);
			if (err == NULL || strncmp(err, want, strlen(want)) != 0)
				fail_msg("%s: error \"%s\" does not start "
				    "with %s", files[i].text,
				    err ? err : "(none)", want);
			expect_error_names(rc, err, lang == LANG_ZH ?
			    files[i].zh : files[i].en, files[i].text);
		}
		for (i = 0; i < NELEM(lists); i++) {
			settings_init(&s);
			s.lang = (enum lang)lang;
			err = NULL;
			rc = lists[i].kind == 0 ?
			    settings_disable(&s, lists[i].list, &err) :
			    lists[i].kind == 1 ?
			    settings_enable(&s, lists[i].list, &err) :
			    settings_severity(&s, lists[i].list, &err);
			settings_free(&s);
			expect_error_names(rc, err, lang == LANG_ZH ?
			    lists[i].zh : lists[i].en, lists[i].list);
		}
	}
}

/* settings_severity sets a level for an id or a prefix, with spaces and any case, and "off" disables. */
static void
test_severity_overrides(void **state)
{
	struct settings s;
	char *err = NULL;
	int i;

	(void)state;
	settings_init(&s);
	assert_int_equal(settings_severity(&s, "PB204=warning,PB3=info",
	    &err), 0);
	assert_null(err);
	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = rule_get((enum rule_id)i);
		enum severity want = i == RULE_PB204 ? SEV_WARNING :
		    in_prefixes(r->id, "PB3") ? SEV_INFO : r->severity;

		if (s.severity[i] != want)
			fail_msg("%s is %s, want %s", r->id,
			    severity_name(s.severity[i]), severity_name(want));
	}
	settings_free(&s);

	settings_init(&s);
	assert_int_equal(settings_severity(&s,
	    " pb207 = ERROR ，PB205=off、PB413=Warning", &err), 0);
	assert_int_equal(s.severity[RULE_PB207], SEV_ERROR);
	assert_int_equal(s.severity[RULE_PB205], SEV_OFF);
	assert_int_equal(s.severity[RULE_PB413], SEV_WARNING);
	assert_int_equal(s.severity[RULE_PB206], SEV_WARNING);
	settings_free(&s);
}

/* settings_severity refuses an item without '=', an unknown level and an unknown rule, naming the culprit. */
static void
test_severity_errors(void **state)
{
	static const struct {
		const char	*list;
		const char	*named;
	} cases[] = {
		{ "PB204", "PB204" },
		{ "PB204=loud", "loud" },
		{ "PX1=error", "PX1" },
		{ "PB204=", "PB204" },
		{ "PB204=warning,PB999=info", "PB999" },
	};
	struct settings s;
	char *err;
	int rc;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		settings_init(&s);
		err = NULL;
		rc = settings_severity(&s, cases[i].list, &err);
		expect_error_names(rc, err, cases[i].named, cases[i].list);
		settings_free(&s);
	}
}

/* A full settings file with comments, blank lines and every section and key of SPEC 7 is applied. */
static void
test_load_full_file(void **state)
{
	static const char text[] =
	    "# pbcheck settings\n"
	    "; another comment style\n"
	    "\n"
	    "[rules]\n"
	    "disable = PB413, PB5\n"
	    "enable = PB501\n"
	    "severity.PB204 = warning\n"
	    "  severity.pb207 = error  \n"
	    "\n"
	    "[thresholds]\n"
	    "satisfaction_min = 70\n"
	    "midyear_min = 40.5\n"
	    "budget_tolerance = 0.01\n"
	    "code_pattern = ^X[0-9]+$\n"
	    "\n"
	    "[bases]\n"
	    "accept = 单位日常工作需要, 工资核定数，发放期限\n"
	    "accept = 上级文件\n";
	struct settings s;
	char path[64], *err;
	int i;

	(void)state;
	settings_init(&s);
	assert_int_equal(load_text(&s, text, path, &err), 0);
	assert_null(err);
	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = rule_get((enum rule_id)i);
		enum severity want = r->severity;

		if (i == RULE_PB413 || i == RULE_PB502)
			want = SEV_OFF;
		else if (i == RULE_PB204)
			want = SEV_WARNING;
		else if (i == RULE_PB207)
			want = SEV_ERROR;
		if (s.severity[i] != want)
			fail_msg("%s is %s, want %s", r->id,
			    severity_name(s.severity[i]), severity_name(want));
	}
	assert_true(s.satisfaction_min == 70);
	assert_true(s.midyear_min == 40.5);
	assert_true(s.budget_tolerance == 0.01);
	assert_string_equal(s.code_pattern, "^X[0-9]+$");
	assert_int_equal(s.nbases, 4);
	assert_string_equal(s.bases[0], "单位日常工作需要");
	assert_string_equal(s.bases[1], "工资核定数");
	assert_string_equal(s.bases[2], "发放期限");
	assert_string_equal(s.bases[3], "上级文件");
	settings_free(&s);
}

/* An empty file or one of comments only changes nothing; CRLF line ends and a UTF-8 BOM are accepted. */
static void
test_load_empty_bom_crlf(void **state)
{
	static const char *const nothing[] = { "", "# only a comment\n\n",
	    "\xEF\xBB\xBF", "[rules]\n[thresholds]\n[bases]\n" };
	struct settings s, d;
	char path[64], *err;
	size_t i;

	(void)state;
	settings_init(&d);
	for (i = 0; i < NELEM(nothing); i++) {
		settings_init(&s);
		assert_int_equal(load_text(&s, nothing[i], path, &err), 0);
		assert_null(err);
		assert_memory_equal(s.severity, d.severity,
		    sizeof(s.severity));
		assert_true(s.satisfaction_min == d.satisfaction_min);
		assert_true(s.midyear_min == d.midyear_min);
		assert_true(s.budget_tolerance == d.budget_tolerance);
		assert_string_equal(s.code_pattern, d.code_pattern);
		assert_int_equal(s.nbases, 0);
		settings_free(&s);
	}
	settings_free(&d);

	settings_init(&s);
	assert_int_equal(load_text(&s, "\xEF\xBB\xBF[thresholds]\n"
	    "midyear_min = 40\n", path, &err), 0);
	assert_null(err);
	assert_true(s.midyear_min == 40);
	settings_free(&s);

	settings_init(&s);
	assert_int_equal(load_text(&s, "\xEF\xBB\xBF# BOM, then a comment\r\n"
	    "[rules]\r\ndisable = PB4\r\n[bases]\r\naccept = 上级文件\r\n",
	    path, &err), 0);
	assert_null(err);
	expect_off_exactly(&s, "PB4", "CRLF");
	assert_int_equal(s.nbases, 1);
	assert_string_equal(s.bases[0], "上级文件");
	settings_free(&s);
}

/* Every error in a settings file is "FILE:LINE: what", at the line of the fault, naming the culprit. */
static void
test_load_errors(void **state)
{
	static const struct {
		const char	*name;
		const char	*text;
		int		 line;
		const char	*named;
	} cases[] = {
		{ "unknown key", "[rules]\nfoo = 1\n", 2, "foo" },
		{ "key of another section", "[bases]\n\ndisable = PB4\n", 3,
		    "disable" },
		{ "unknown section", "# comment\n[colors]\n", 2, "colors" },
		{ "key before any section", "\nsatisfaction_min = 80\n", 2,
		    "section" },
		{ "missing '='", "[thresholds]\n\nsatisfaction_min 80\n", 3,
		    "satisfaction_min 80" },
		{ "non-numeric threshold", "[thresholds]\n"
		    "satisfaction_min = high\n", 2, "high" },
		{ "threshold with a unit", "[thresholds]\n"
		    "satisfaction_min = 80%\n", 2, "80%" },
		{ "hexadecimal threshold", "[thresholds]\n"
		    "midyear_min = 0x32\n", 2, "0x32" },
		{ "threshold with an exponent", "[thresholds]\n"
		    "budget_tolerance = 5e-3\n", 2, "5e-3" },
		{ "empty threshold", "[thresholds]\nmidyear_min =\n", 2,
		    "midyear_min" },
		{ "midyear_min out of range", "[thresholds]\n"
		    "midyear_min = 150\n", 2, "150" },
		{ "satisfaction_min below 0", "[thresholds]\n"
		    "satisfaction_min = -1\n", 2, "-1" },
		{ "negative budget_tolerance", "[thresholds]\n"
		    "budget_tolerance = -0.5\n", 2, "-0.5" },
		{ "bad regex", "[thresholds]\nsatisfaction_min = 80\n"
		    "code_pattern = [\n", 3, "[" },
		{ "unknown rule in disable", "[rules]\ndisable = PB413\n"
		    "disable = PB413, PB999\n", 3, "PB999" },
		{ "unknown rule in enable", "[rules]\nenable = PX\n", 2, "PX" },
		{ "unknown severity", "[rules]\nseverity.PB204 = loud\n", 2,
		    "loud" },
		{ "severity of an unknown rule", "[rules]\n"
		    "severity.PX1 = error\n", 2, "PX1" },
		{ "unclosed section", "[rules\ndisable = PB4\n", 1, "]" },
		{ "not UTF-8", "[bases]\naccept = \xB9\xA4\xD7\xCA\n", 2,
		    "UTF-8" },
		{ "error after a BOM", "\xEF\xBB\xBF[rules]\nfoo = 1\n", 2,
		    "foo" },
	};
	struct settings s;
	char path[64], prefix[96], *err;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		settings_init(&s);
		rc = load_text(&s, cases[i].text, path, &err);
		settings_free(&s);
		if (rc != -1 || err == NULL)
			fail_msg("%s: returned %d, want -1 with a message",
			    cases[i].name, rc);
		snprintf(prefix, sizeof(prefix), "%s:%d: ", path,
		    cases[i].line);
		if (strncmp(err, prefix, strlen(prefix)) != 0) {
			char copy[512];

			snprintf(copy, sizeof(copy), "%s", err);
			free(err);
			fail_msg("%s: error \"%s\" does not start with \"%s\"",
			    cases[i].name, copy, prefix);
		}
		expect_error_names(rc, err, cases[i].named, cases[i].name);
	}
}

/* A settings file that does not exist is an error naming the file. */
static void
test_load_missing_file(void **state)
{
	struct settings s;
	char path[64], *err = NULL;
	int rc;

	(void)state;
	temp_file(path, "");
	assert_int_equal(unlink(path), 0);
	settings_init(&s);
	rc = settings_load(&s, path, &err);
	expect_error_names(rc, err, path, "missing file");
	settings_free(&s);
}

/* A directory named as the settings file is an error naming it, not a line. */
static void
test_load_directory(void **state)
{
	struct settings s;
	char *err = NULL;
	int rc;

	(void)state;
	settings_init(&s);
	rc = settings_load(&s, "/tmp", &err);
	expect_error_names(rc, err, "/tmp: is a directory", "directory");
	settings_free(&s);
}

/* [ignore] keeps each entry: its project, its text, its line and the rules its ids and prefixes name. */
static void
test_load_ignore(void **state)
{
	struct settings s;
	const struct settings_ignore *ig;
	char path[64], *err;
	int i;

	(void)state;
	settings_init(&s);
	assert_int_equal(load_text(&s, "[ignore]\n"
	    "571-0101-YBN-VYAO = PB309, PB5 ; on file\n"
	    "\n环境监测经费 = PB308\n", path, &err), 0);
	assert_non_null(s.file);
	assert_int_equal(s.file->nignore, 2);
	ig = &s.file->ignore[0];
	assert_string_equal(ig->project, "571-0101-YBN-VYAO");
	assert_string_equal(ig->text, "571-0101-YBN-VYAO = PB309, PB5");
	assert_int_equal(ig->line, 2);
	for (i = 0; i < RULE_COUNT; i++)
		assert_int_equal(ig->rules[i],
		    in_prefixes(rule_get((enum rule_id)i)->id, "PB309,PB5"));
	assert_string_equal(s.file->ignore[1].project, "环境监测经费");
	assert_int_equal(s.file->ignore[1].line, 4);
	assert_true(s.file->ignore[1].rules[RULE_PB308]);
	assert_false(s.file->ignore[1].rules[RULE_PB309]);
	/* Rules are unchanged: an exception is not a --disable. */
	assert_int_equal(s.severity[RULE_PB309], SEV_ERROR);
	settings_free(&s);
	settings_init(&s);
	assert_int_equal(load_text(&s, "[ignore]\nX = PB\n", path, &err),
	    -1);
	assert_non_null(strstr(err, ":2: 'PB' is shorter"));
	free(err);
	settings_free(&s);
}

/* [path:GLOB] keys apply only to the inputs the glob matches, as given or relative to the file's directory, and a copy shares the file. */
static void
test_path_sections(void **state)
{
	struct settings s, own;
	char path[64], *err;

	(void)state;
	settings_init(&s);
	assert_int_equal(load_text(&s, "[rules]\ndisable = PB308\n"
	    "[path:2021/*.csv]\ndisable = PB3\nmidyear_min = 40\n"
	    "[path:*/old/*]\nseverity.PB309 = warning\n", path, &err), 0);
	assert_int_equal(s.file->npaths, 3);
	/* Not applied when read. */
	assert_int_equal(s.severity[RULE_PB301], rule_get(RULE_PB301)->severity);
	assert_true(s.midyear_min == 50);
	assert_true(settings_path_matches(&s, "2021/a.csv"));
	assert_false(settings_path_matches(&s, "2022/a.csv"));
	settings_copy(&own, &s);
	assert_ptr_equal(own.file, s.file);
	settings_apply_paths(&own, "2021/a.csv");
	assert_int_equal(own.severity[RULE_PB301], SEV_OFF);
	assert_int_equal(own.severity[RULE_PB409], rule_get(RULE_PB409)->severity);
	assert_true(own.midyear_min == 40);
	settings_free(&own);
	assert_non_null(s.file);	/* the copy did not free it */
	settings_copy(&own, &s);
	settings_apply_paths(&own, "x/old/y.csv");
	assert_int_equal(own.severity[RULE_PB309], SEV_WARNING);
	assert_true(own.midyear_min == 50);
	settings_free(&own);
	settings_free(&s);
	settings_init(&s);
	assert_int_equal(load_text(&s, "[path:]\n", path, &err), -1);
	assert_non_null(strstr(err, ":1: [path:] needs a glob"));
	free(err);
	settings_free(&s);
	settings_init(&s);
	assert_int_equal(load_text(&s, "[path:*]\naccept = x\n", path, &err),
	    -1);
	assert_non_null(strstr(err, ":2: unknown key 'accept' in [path:*]"));
	free(err);
	settings_free(&s);
}

/* Discovery finds the nearest pbcheck.conf, stops after a directory holding .git, and names it relative to the current directory. */
static void
test_discover(void **state)
{
	char dir[] = "/tmp/pbcheck-discover-XXXXXX", p[256], *found;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(p, sizeof(p), "%s/a", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/a/b", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/a/.git", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/pbcheck.conf", dir);
	assert_non_null(fp = fopen(p, "w"));
	fclose(fp);
	/* .git in a/ stops the walk before dir's file. */
	snprintf(p, sizeof(p), "%s/a/b/t.csv", dir);
	assert_null(settings_discover(p));
	snprintf(p, sizeof(p), "%s/a/.git", dir);
	assert_int_equal(rmdir(p), 0);
	snprintf(p, sizeof(p), "%s/a/b/t.csv", dir);
	found = settings_discover(p);
	assert_non_null(found);
	assert_true(strstr(found, "/pbcheck.conf") != NULL);
	free(found);
	/* The nearest wins. */
	snprintf(p, sizeof(p), "%s/a/pbcheck.conf", dir);
	assert_non_null(fp = fopen(p, "w"));
	fclose(fp);
	snprintf(p, sizeof(p), "%s/a/b/t.csv", dir);
	found = settings_discover(p);
	assert_non_null(found);
	assert_true(strstr(found, "/a/pbcheck.conf") != NULL);
	free(found);
	/* A directory of that name is not a settings file. */
	snprintf(p, sizeof(p), "%s/a/b/pbcheck.conf", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/a/b/t.csv", dir);
	found = settings_discover(p);
	assert_true(strstr(found, "/a/pbcheck.conf") != NULL);
	free(found);
	snprintf(p, sizeof(p), "rm -rf '%s'", dir);
	assert_int_equal(system(p), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_defaults),
		cmocka_unit_test(test_disable_ids_and_prefixes),
		cmocka_unit_test(test_disable_enable_unknown),
		cmocka_unit_test(test_enable_restores_default),
		cmocka_unit_test(test_short_prefix_and_empty_item),
		cmocka_unit_test(test_load_comments),
		cmocka_unit_test(test_errors_follow_language),
		cmocka_unit_test(test_severity_overrides),
		cmocka_unit_test(test_severity_errors),
		cmocka_unit_test(test_load_full_file),
		cmocka_unit_test(test_load_empty_bom_crlf),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_load_missing_file),
		cmocka_unit_test(test_load_directory),
		cmocka_unit_test(test_load_ignore),
		cmocka_unit_test(test_path_sections),
		cmocka_unit_test(test_discover),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
