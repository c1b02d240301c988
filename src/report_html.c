/*
 * HTML reporter (SPEC 5.6): one self-contained page, inline CSS and SVG,
 * no script, no external load. Findings come only at the end, so each
 * project is spooled as it is checked (the strings the page shows, in a
 * temporary file) and read back one at a time at the end, beside its
 * findings: memory does not grow with the number of projects.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "check.h"
#include "html.h"
#include "model.h"
#include "report.h"
#include "rules.h"
#include "text.h"
#include "util.h"
#include "value.h"
#include "version.h"

/* Texts of the page, [LANG_EN] and [LANG_ZH]. */
enum msg {
	M_TITLE, M_FILES, M_PROJECTS, M_BUDGET, M_INDICATORS, M_ERRORS,
	M_WARNINGS, M_INFOS, M_RESULT, M_PASS, M_FAIL, M_FAIL_ON, M_NEVER,
	M_CODE, M_NAME, M_STATUS, M_FIELDS, M_GOALS, M_PLAN, M_TABLE,
	M_NOT_CHECKED, M_BLANK, M_TIME_LINE, M_PLAN_LINE, M_EXPLAIN,
	M_WHY, M_BAD, M_GOOD, M_WHAT_TO_DO, M_FILE_FINDINGS, M_UNREADABLE,
	M_PROJECT_FINDINGS, M_GENERATED, M_SPOOL, M_BACK, M_FORMAT,
	M_NOT_NUMBER, M_SEV_ERROR,
	M_SEV_WARNING, M_SEV_INFO, M_COUNT
};

static const char *const msgs[M_COUNT][2] = {
	[M_TITLE] = { "Performance target tables: check report",
	    "预算项目绩效目标表检查报告" },
	[M_FILES] = { "files", "文件" },
	[M_PROJECTS] = { "projects", "项目" },
	[M_BUDGET] = { "budget (万元)", "预算数（万元）" },
	[M_INDICATORS] = { "indicators", "指标" },
	[M_ERRORS] = { "errors", "错误" },
	[M_WARNINGS] = { "warnings", "警告" },
	[M_INFOS] = { "infos", "提示" },
	[M_RESULT] = { "result", "结论" },
	[M_PASS] = { "pass", "通过" },
	[M_FAIL] = { "fail", "未通过" },
	[M_FAIL_ON] = { "fails on", "不通过条件" },
	[M_NEVER] = { "never", "从不" },
	[M_CODE] = { "项目编码", "项目编码" },
	[M_NAME] = { "项目名称", "项目名称" },
	[M_STATUS] = { "status", "状态" },
	[M_FIELDS] = { "Project", "项目信息" },
	[M_GOALS] = { "Goals (年度绩效目标)", "年度绩效目标" },
	[M_PLAN] = { "Spend plan (资金支出计划, cumulative %)",
	    "资金支出计划（累计 %）" },
	[M_TABLE] = { "Indicators (绩效指标)", "绩效指标" },
	[M_NOT_CHECKED] = { "not checked (the layout has no such field)",
	    "未检查（表样无此栏目）" },
	[M_BLANK] = { "(blank)", "（空）" },
	[M_TIME_LINE] = { "time progress", "时间进度" },
	[M_PLAN_LINE] = { "spend plan", "支出计划" },
	[M_EXPLAIN] = { "The rules found in this report", "本报告涉及的规则" },
	[M_WHY] = { "Why: ", "依据：" },
	[M_BAD] = { "Bad: ", "错误示例：" },
	[M_GOOD] = { "Fixed: ", "正确示例：" },
	[M_WHAT_TO_DO] = { "What to do: ", "修改建议：" },
	[M_FILE_FINDINGS] = { "Findings about the files", "文件问题" },
	[M_UNREADABLE] = { "cannot be read", "无法读取" },
	[M_PROJECT_FINDINGS] = { "About the whole project", "项目整体问题" },
	[M_GENERATED] = { "Written by pbcheck", "由 pbcheck 生成" },
	[M_SPOOL] = { "The report is incomplete: the temporary file of "
	    "projects could not be written or read.",
	    "报告不完整：项目临时文件无法写入或读取。" },
	[M_BACK] = { "back to the list", "返回列表" },
	[M_FORMAT] = { "format", "格式" },
	[M_NOT_NUMBER] = { "not a number", "非数字" },
	[M_SEV_ERROR] = { "error", "错误" },
	[M_SEV_WARNING] = { "warning", "警告" },
	[M_SEV_INFO] = { "info", "提示" },
};

static const char *const plan_labels[PLAN_POINTS][2] = {
	{ "Mar", "3月底" }, { "Jun", "6月底" }, { "Oct", "10月底" },
	{ "Dec", "12月底" },
};
static const int plan_month[PLAN_POINTS] = { 3, 6, 10, 12 };

/* A project as the page shows it, read back from the spool. */
struct hind {
	int		 line;
	char		*text[INDICATOR_FIELDS];
	struct loc	 loc[INDICATOR_FIELDS];
};

struct hgoal {
	int		 number;
	char		*text;
};

struct hproj {
	long		 seq;
	int		 errors, warnings, infos;
	int		 line, table;
	char		*file;
	char		*text[PROJECT_FIELDS];
	bool		 absent[FIELD_COUNT];
	int		 plan_status[PLAN_POINTS];
	double		 plan[PLAN_POINTS];
	struct hgoal	*goals;
	size_t		 ngoals;
	struct hind	*ind;
	size_t		 nind;
};

struct html_state {
	FILE		*spool;
	FILE		*reader;	/* of membuf */
	char		*membuf;	/* when tmpfile() failed */
	size_t		 memlen;
	bool		 spool_error;
	double		 budget;	/* total of the readable 预算数 */
};

static const char *
msg(const struct reporter *r, enum msg m)
{
	return msgs[m][r->settings->lang == LANG_ZH];
}

void
html_escape(FILE *out, const char *s)
{
	size_t n, len;
	uint32_t cp;

	if (s == NULL)
		return;
	n = strlen(s);
	while (n > 0) {
		cp = text_utf8_decode(s, n, &len);
		switch (cp) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		case '\n':
		case '\t':
			fputc((int)cp, out);
			break;
		case '\r':
			if (len >= n || s[len] != '\n')
				fputc('\n', out);
			break;
		default:
			if (cp < 0x80 && text_is_control(cp))
				fprintf(out, "\\x%02x", (unsigned)cp);
			else if (text_is_control(cp))
				fprintf(out, "\\u%04x", (unsigned)cp);
			else if (cp == 0xFFFD)
				fputs("\xEF\xBF\xBD", out);
			else
				fwrite(s, 1, len, out);
		}
		s += len;
		n -= len;
	}
}

/* Static markup around one escaped value. */
static void
put_tag(FILE *out, const char *before, const char *value, const char *after)
{
	fputs(before, out);
	html_escape(out, value);
	fputs(after, out);
}

/* A number of 万元 or percent, without trailing zeros. */
static void
put_number(FILE *out, double v)
{
	char buf[64], *e;

	/* %.4f of a huge sum would not fit: such a number is shown as %g. */
	if (!isfinite(v) || fabs(v) >= 1e15) {
		fprintf(out, "%g", v);
		return;
	}
	snprintf(buf, sizeof(buf), "%.4f", v);
	if (strchr(buf, '.') != NULL) {
		e = buf + strlen(buf) - 1;
		while (*e == '0')
			*e-- = '\0';
		if (*e == '.')
			*e = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	fputs(buf, out);
}

/* The spool: length-prefixed records, written and read back in order. */
static void
put_long(FILE *f, long v)
{
	fwrite(&v, sizeof(v), 1, f);
}

static void
put_double(FILE *f, double v)
{
	fwrite(&v, sizeof(v), 1, f);
}

static void
put_str(FILE *f, const char *s)
{
	size_t n = s != NULL ? strlen(s) : SIZE_MAX;

	fwrite(&n, sizeof(n), 1, f);
	if (s != NULL)
		fwrite(s, 1, n, f);
}

static bool
get_long(FILE *f, long *v)
{
	return fread(v, sizeof(*v), 1, f) == 1;
}

static bool
get_int(FILE *f, int *v)
{
	long l;

	if (!get_long(f, &l))
		return false;
	*v = (int)l;
	return true;
}

static bool
get_double(FILE *f, double *v)
{
	return fread(v, sizeof(*v), 1, f) == 1;
}

/* Reads a string written by put_str(); *s is NULL for NULL. */
static bool
get_str(FILE *f, char **s)
{
	size_t n;

	*s = NULL;
	if (fread(&n, sizeof(n), 1, f) != 1)
		return false;
	if (n == SIZE_MAX)
		return true;
	if (n > ((size_t)1 << 30))	/* the spool is ours: corrupt */
		return false;
	*s = xmalloc(n + 1);
	if (n > 0 && fread(*s, 1, n, f) != n)
		return false;
	(*s)[n] = '\0';
	return true;
}

static void
html_begin(struct reporter *r)
{
	struct html_state *st = xcalloc(1, sizeof(*st));

	r->state = st;
	/* A memory stream when no temporary file can be made: the report
	 * is still written, at the cost of keeping the projects. */
	if ((st->spool = tmpfile()) == NULL &&
	    (st->spool = open_memstream(&st->membuf, &st->memlen)) == NULL)
		st->spool_error = true;
}

static void
html_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	struct html_state *st = r->state;
	FILE *f = st->spool;
	size_t i;
	int k;

	if (p->budget.status == NUMBER_OK)
		st->budget += p->budget.number;
	if (f == NULL)
		return;
	put_long(f, n->seq);
	put_long(f, n->errors);
	put_long(f, n->warnings);
	put_long(f, n->infos);
	put_long(f, p->line);
	put_long(f, p->table);
	put_str(f, p->file);
	for (k = 0; k < PROJECT_FIELDS; k++)
		put_str(f, p->text[k]);
	for (k = 0; k < FIELD_COUNT; k++)
		put_long(f, p->absent[k]);
	for (k = 0; k < PLAN_POINTS; k++) {
		put_long(f, p->plan[k].status);
		put_double(f, p->plan[k].status == NUMBER_OK ?
		    p->plan[k].number : 0);
	}
	put_long(f, (long)p->ngoals);
	for (i = 0; i < p->ngoals; i++) {
		put_long(f, p->goals[i].number);
		put_str(f, p->goals[i].text);
	}
	put_long(f, (long)p->nind);
	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		put_long(f, in->line);
		for (k = 0; k < INDICATOR_FIELDS; k++) {
			put_str(f, in->text[k]);
			put_long(f, in->loc[k].line);
			put_long(f, in->loc[k].col);
		}
	}
	if (ferror(f))
		st->spool_error = true;
}

static void
hproj_free(struct hproj *h)
{
	size_t i;
	int k;

	free(h->file);
	for (k = 0; k < PROJECT_FIELDS; k++)
		free(h->text[k]);
	for (i = 0; i < h->ngoals; i++)
		free(h->goals[i].text);
	free(h->goals);
	for (i = 0; i < h->nind; i++)
		for (k = 0; k < INDICATOR_FIELDS; k++)
			free(h->ind[i].text[k]);
	free(h->ind);
	memset(h, 0, sizeof(*h));
}

/* Reads the next project; false at the end or on a damaged spool. */
static bool
hproj_read(FILE *f, struct hproj *h)
{
	long n, v;
	size_t i;
	int k;

	memset(h, 0, sizeof(*h));
	if (!get_long(f, &h->seq))
		return false;
	if (!get_int(f, &h->errors) || !get_int(f, &h->warnings) ||
	    !get_int(f, &h->infos) || !get_int(f, &h->line) ||
	    !get_int(f, &h->table) || !get_str(f, &h->file))
		goto bad;
	for (k = 0; k < PROJECT_FIELDS; k++)
		if (!get_str(f, &h->text[k]))
			goto bad;
	for (k = 0; k < FIELD_COUNT; k++) {
		if (!get_long(f, &v))
			goto bad;
		h->absent[k] = v != 0;
	}
	for (k = 0; k < PLAN_POINTS; k++)
		if (!get_int(f, &h->plan_status[k]) ||
		    !get_double(f, &h->plan[k]))
			goto bad;
	if (!get_long(f, &n) || n < 0)
		goto bad;
	h->goals = xcalloc((size_t)n + 1, sizeof(*h->goals));
	h->ngoals = (size_t)n;
	for (i = 0; i < h->ngoals; i++)
		if (!get_int(f, &h->goals[i].number) ||
		    !get_str(f, &h->goals[i].text))
			goto bad;
	if (!get_long(f, &n) || n < 0)
		goto bad;
	h->ind = xcalloc((size_t)n + 1, sizeof(*h->ind));
	h->nind = (size_t)n;
	for (i = 0; i < h->nind; i++) {
		struct hind *in = &h->ind[i];

		if (!get_int(f, &in->line))
			goto bad;
		for (k = 0; k < INDICATOR_FIELDS; k++)
			if (!get_str(f, &in->text[k]) ||
			    !get_int(f, &in->loc[k].line) ||
			    !get_int(f, &in->loc[k].col))
				goto bad;
	}
	return true;
bad:
	hproj_free(h);
	return false;
}

/* The spool, rewound for reading; NULL when it is unusable. A memory
 * stream is write-only: it is read through a second stream. */
static FILE *
spool_rewind(struct html_state *st)
{
	if (st->spool == NULL || fflush(st->spool) != 0) {
		st->spool_error = st->spool != NULL;
		return NULL;
	}
	if (st->reader != NULL) {
		fclose(st->reader);
		st->reader = NULL;
	}
	if (st->membuf == NULL && st->memlen == 0 &&
	    ftell(st->spool) > 0) {
		rewind(st->spool);
		return st->spool;
	}
	if (st->memlen == 0)
		return NULL;	/* nothing spooled */
	if ((st->reader = fmemopen(st->membuf, st->memlen, "r")) == NULL)
		st->spool_error = true;
	return st->reader;
}

static const char *
sev_class(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	default:
		return "info";
	}
}

static const char *
sev_label(const struct reporter *r, enum severity s)
{
	return msg(r, s == SEV_ERROR ? M_SEV_ERROR : s == SEV_WARNING ?
	    M_SEV_WARNING : M_SEV_INFO);
}

/* Whether findings at these counts fail the run under --fail-on. */
static bool
fails(const struct settings *s, int errors, int warnings, int infos)
{
	if (s->fail_on == SEV_OFF)
		return false;
	return errors > 0 || (s->fail_on <= SEV_WARNING && warnings > 0) ||
	    (s->fail_on <= SEV_INFO && infos > 0);
}

static const char *
worst_class(int errors, int warnings, int infos)
{
	return errors > 0 ? "error" : warnings > 0 ? "warning" :
	    infos > 0 ? "info" : "clean";
}

static void
put_finding(struct reporter *r, const struct finding *f, bool where)
{
	FILE *out = r->out;
	const char *id = rule_get(f->rule)->id;

	fprintf(out, "<div class=\"fd %s\"><a class=\"rid\" "
	    "href=\"#rule-%s\">%s</a> <span class=\"sev\">",
	    sev_class(f->severity), id, id);
	html_escape(out, sev_label(r, f->severity));
	fputs("</span> ", out);
	if (where) {
		fputs("<span class=\"loc\">", out);
		html_escape(out, f->file);
		fprintf(out, ":%d:%d</span> ", f->loc.line, f->loc.col);
	}
	html_escape(out, f->message);
	put_tag(out, "<div class=\"adv\">", msg(r, M_WHAT_TO_DO), "");
	html_escape(out, rule_advice(f->rule, r->settings->lang));
	fputs("</div></div>\n", out);
}

static const char css[] =
":root{--err:#b71c1c;--errbg:#fdecea;--warn:#8a5a00;--warnbg:#fff4d6;"
"--info:#0d47a1;--infobg:#e8f0fe;--ok:#1b5e20;--okbg:#e6f4ea;"
"--line:#c8ccd2;--muted:#5f6368}\n"
"*{box-sizing:border-box}\n"
"body{font-family:system-ui,\"Noto Sans CJK SC\",\"Source Han Sans SC\","
"\"PingFang SC\",\"Microsoft YaHei\",\"WenQuanYi Zen Hei\",sans-serif;"
"color:#202124;margin:0 auto;max-width:1100px;padding:16px 20px;"
"font-size:14px;line-height:1.45}\n"
"h1{font-size:22px;margin:4px 0 12px}h2{font-size:18px;margin:0 0 8px}"
"h3{font-size:15px;margin:16px 0 6px;break-after:avoid}\n"
"a{color:#1a56c4}\n"
".band{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px}\n"
".band div{border:1px solid var(--line);border-radius:6px;"
"padding:6px 12px;min-width:92px}\n"
".band b{display:block;font-size:20px}\n"
".band span{color:var(--muted);font-size:12px}\n"
".band .error b{color:var(--err)}.band .warning b{color:var(--warn)}"
".band .info b{color:var(--info)}\n"
"table{border-collapse:collapse;width:100%;margin:4px 0 12px}\n"
"th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;"
"vertical-align:top}\n"
"th{background:#f1f3f4;font-weight:600}\n"
"td.num,th.num{text-align:right}\n"
".v{white-space:pre-wrap;overflow-wrap:anywhere}\n"
".badge{display:inline-block;border-radius:10px;padding:0 8px;"
"font-size:12px;font-weight:600}\n"
".badge.pass{background:var(--okbg);color:var(--ok)}"
".badge.fail{background:var(--errbg);color:var(--err)}\n"
".badge.big{font-size:16px;padding:2px 12px}\n"
".blank{color:var(--muted);font-style:italic}\n"
".na{color:var(--muted);background:repeating-linear-gradient(45deg,"
"#fff,#fff 4px,#f1f3f4 4px,#f1f3f4 8px);font-style:italic}\n"
"td.error{background:var(--errbg)}td.warning{background:var(--warnbg)}"
"td.info{background:var(--infobg)}\n"
".fd{margin:4px 0 0;padding:2px 6px;border-left:4px solid;font-size:12.5px;"
"background:#fff}\n"
".fd.error{border-color:var(--err)}.fd.warning{border-color:var(--warn)}"
".fd.info{border-color:var(--info)}\n"
".fd .sev{font-weight:600}.fd.error .sev{color:var(--err)}"
".fd.warning .sev{color:var(--warn)}.fd.info .sev{color:var(--info)}\n"
".fd .rid{font-family:monospace;font-weight:600}\n"
".chip{display:inline-block;font:600 11px monospace;padding:0 4px;"
"border-radius:3px;color:#fff;text-decoration:none;margin-left:2px}\n"
".chip.error{background:var(--err)}.chip.warning{background:var(--warn)}"
".chip.info{background:var(--info)}\n"
"tr.frow td{background:#fafafa;padding:2px 6px 4px}\n"
"tr.frow .fd{margin:2px 0}\n"
".fd .loc{color:var(--muted);font-family:monospace}\n"
".adv{color:#3c4043}\n"
".project{border-top:3px solid #3c4043;margin-top:28px;padding-top:10px}\n"
".project .meta{color:var(--muted);font-size:12px}\n"
".fields th{width:12.5em}\n"
".plan{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}\n"
".plan svg{border:1px solid var(--line);border-radius:4px;background:#fff}\n"
".plan table{width:auto;min-width:260px}\n"
".ind th:nth-child(1){width:8%}.ind th:nth-child(2){width:10%}"
".ind th:nth-child(3){width:15%}.ind th:nth-child(4){width:27%}"
".ind th:nth-child(5){width:17%}.ind th:nth-child(6){width:23%}\n"
".explain div{margin:0 0 12px}.explain code{background:#f1f3f4;"
"padding:0 3px;white-space:pre-wrap}\n"
"footer{color:var(--muted);font-size:12px;margin-top:24px}\n"
"@page{size:A4;margin:12mm 10mm}\n"
"@media print{body{max-width:none;padding:0;font-size:10pt}"
"a{color:inherit;text-decoration:none}"
".project{break-before:page;border-top:none;margin-top:0}"
".explain{break-before:page}"
"tr,.fd,.band div,svg{break-inside:avoid}"
"thead{display:table-header-group}"
"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
".back{display:none}}\n";

static void
html_head(struct reporter *r)
{
	FILE *out = r->out;

	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n", r->settings->lang == LANG_ZH ?
	    "zh-CN" : "en");
	/* No script runs, nothing loads: only the inline style and
	 * inline SVG. A hostile cell is escaped anyway; this is the
	 * second wall. */
	fputs("<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src 'unsafe-inline'; "
	    "script-src 'none'; img-src 'none'; base-uri 'none'; "
	    "form-action 'none'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"pbcheck " PBCHECK_VERSION
	    "\">\n", out);
	put_tag(out, "<title>", msg(r, M_TITLE), "</title>\n");
	fprintf(out, "<style>\n%s</style>\n</head>\n<body>\n", css);
	put_tag(out, "<h1 id=\"top\">", msg(r, M_TITLE), "</h1>\n");
}

static void
band_item(FILE *out, const char *cls, const char *label)
{
	fprintf(out, "<div class=\"%s\"><span>", cls);
	html_escape(out, label);
	fputs("</span><b>", out);
}

static void
html_summary(struct reporter *r, const struct run_result *res, bool failed)
{
	struct html_state *st = r->state;
	FILE *out = r->out;
	const struct settings *s = r->settings;

	fputs("<section class=\"band\" id=\"summary\">\n", out);
	band_item(out, "", msg(r, M_FILES));
	fprintf(out, "%zu</b></div>\n", res->nfiles);
	band_item(out, "", msg(r, M_PROJECTS));
	fprintf(out, "%d</b></div>\n", res->projects);
	band_item(out, "", msg(r, M_BUDGET));
	put_number(out, st->budget);
	fputs("</b></div>\n", out);
	band_item(out, "", msg(r, M_INDICATORS));
	fprintf(out, "%d</b></div>\n", res->indicators);
	band_item(out, "error", msg(r, M_ERRORS));
	fprintf(out, "%d</b></div>\n", res->totals.errors);
	band_item(out, "warning", msg(r, M_WARNINGS));
	fprintf(out, "%d</b></div>\n", res->totals.warnings);
	band_item(out, "info", msg(r, M_INFOS));
	fprintf(out, "%d</b></div>\n", res->totals.infos);
	band_item(out, "", msg(r, M_RESULT));
	fprintf(out, "<span class=\"badge big %s\" id=\"result\">",
	    failed ? "fail" : "pass");
	html_escape(out, msg(r, failed ? M_FAIL : M_PASS));
	fputs("</span></b><span>", out);
	html_escape(out, msg(r, M_FAIL_ON));
	fputs(": ", out);
	if (s->fail_on == SEV_OFF)
		html_escape(out, msg(r, M_NEVER));
	else
		fprintf(out, "%s", severity_name(s->fail_on));
	fputs("</span></div>\n</section>\n", out);
}

static void
html_files(struct reporter *r, const struct run_result *res)
{
	FILE *out = r->out;
	size_t i;
	bool any = false;

	for (i = 0; i < res->nfindings; i++)
		if (res->findings[i].seq < 1)
			any = true;
	for (i = 0; i < res->nfiles; i++)
		if (res->files[i].unreadable)
			any = true;
	fputs("<table class=\"files\"><thead><tr><th>", out);
	html_escape(out, msg(r, M_FILES));
	fputs("</th><th>", out);
	html_escape(out, msg(r, M_FORMAT));
	fputs("</th><th class=\"num\">", out);
	html_escape(out, msg(r, M_PROJECTS));
	fputs("</th><th class=\"num\">", out);
	html_escape(out, msg(r, M_INDICATORS));
	fputs("</th></tr></thead>\n<tbody>\n", out);
	for (i = 0; i < res->nfiles; i++) {
		const struct file_info *fi = &res->files[i];

		put_tag(out, "<tr><td class=\"v\">", fi->path, "</td><td>");
		if (fi->unreadable) {
			fputs("<span class=\"badge fail\">", out);
			html_escape(out, msg(r, M_UNREADABLE));
			fputs("</span> ", out);
			html_escape(out, fi->error);
		} else {
			html_escape(out, fi->format);
			if (fi->encoding != NULL)
				put_tag(out, " (", fi->encoding, ")");
		}
		fprintf(out, "</td><td class=\"num\">%d</td>"
		    "<td class=\"num\">%d</td></tr>\n", fi->projects,
		    fi->indicators);
	}
	fputs("</tbody></table>\n", out);
	if (!any)
		return;
	put_tag(out, "<section id=\"file-findings\"><h3>",
	    msg(r, M_FILE_FINDINGS), "</h3>\n");
	for (i = 0; i < res->nfindings; i++)
		if (res->findings[i].seq < 1)
			put_finding(r, &res->findings[i], true);
	fputs("</section>\n", out);
}

static void
html_project_table(struct reporter *r, FILE *spool)
{
	FILE *out = r->out;
	struct hproj h;

	fputs("<table class=\"projects\"><thead><tr><th class=\"num\">#"
	    "</th><th>", out);
	html_escape(out, msg(r, M_CODE));
	fputs("</th><th>", out);
	html_escape(out, msg(r, M_NAME));
	fputs("</th><th class=\"num\">", out);
	html_escape(out, msg(r, M_BUDGET));
	fputs("</th><th class=\"num\">", out);
	html_escape(out, msg(r, M_INDICATORS));
	fputs("</th><th class=\"num\">", out);
	html_escape(out, msg(r, M_ERRORS));
	fputs("</th><th class=\"num\">", out);
	html_escape(out, msg(r, M_WARNINGS));
	fputs("</th><th class=\"num\">", out);
	html_escape(out, msg(r, M_INFOS));
	fputs("</th><th>", out);
	html_escape(out, msg(r, M_STATUS));
	fputs("</th></tr></thead>\n<tbody>\n", out);
	while (spool != NULL && hproj_read(spool, &h)) {
		bool failed = fails(r->settings, h.errors, h.warnings,
		    h.infos);

		fprintf(out, "<tr class=\"%s\"><td class=\"num\">%ld</td>"
		    "<td><a href=\"#p%ld\">", worst_class(h.errors,
		    h.warnings, h.infos), h.seq, h.seq);
		if (h.absent[FIELD_CODE] || text_blank(h.text[FIELD_CODE]))
			fputs("-", out);
		else
			html_escape(out, h.text[FIELD_CODE]);
		fputs("</a></td><td class=\"v\">", out);
		html_escape(out, h.text[FIELD_NAME]);
		fputs("</td><td class=\"num\">", out);
		html_escape(out, h.text[FIELD_BUDGET]);
		fprintf(out, "</td><td class=\"num\">%zu</td>"
		    "<td class=\"num\">%d</td><td class=\"num\">%d</td>"
		    "<td class=\"num\">%d</td><td><span class=\"badge %s\">",
		    h.nind, h.errors, h.warnings, h.infos,
		    failed ? "fail" : "pass");
		html_escape(out, msg(r, failed ? M_FAIL : M_PASS));
		fputs("</span></td></tr>\n", out);
		hproj_free(&h);
	}
	fputs("</tbody></table>\n", out);
}

/*
 * Where a finding goes in its project's section: a key per place, in the
 * order the section is written. Project fields, then the project as a
 * whole, then goals, then indicator cells (row-major).
 */
#define KEY_PROJECT	PROJECT_FIELDS
#define KEY_GOALS	(PROJECT_FIELDS + 1)

struct placed {
	long			 key;
	size_t			 order;	/* in the sorted findings */
	const struct finding	*f;
};

static int
placed_cmp(const void *va, const void *vb)
{
	const struct placed *a = va, *b = vb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

struct line_index {
	int	line;
	size_t	row;
};

static int
line_cmp(const void *va, const void *vb)
{
	const struct line_index *a = va, *b = vb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

static long
key_ind(const struct hproj *h, size_t row, int k)
{
	return KEY_GOALS + (long)h->ngoals + (long)row * INDICATOR_FIELDS + k;
}

/* The key of a finding's place in h; lines is h's rows sorted by line. */
static long
place(const struct hproj *h, const struct line_index *lines,
    const struct finding *f)
{
	size_t i, lo, hi;
	int k, goal;

	if (f->field == NULL)
		return KEY_PROJECT;
	for (k = 0; k < PROJECT_FIELDS; k++)
		if (strcmp(f->field, field_name_zh((enum field)k)) == 0)
			return k;
	if (sscanf(f->field, "目标%d", &goal) == 1) {
		for (i = 0; i < h->ngoals; i++)
			if (h->goals[i].number == goal)
				return KEY_GOALS + (long)i;
		return KEY_PROJECT;
	}
	for (k = 0; k < INDICATOR_FIELDS; k++)
		if (strcmp(f->field, field_name_zh((enum field)(FIELD_LEVEL1 +
		    k))) == 0)
			break;
	if (k == INDICATOR_FIELDS || h->nind == 0)
		return KEY_PROJECT;
	/* The last row starting at or before the finding's line: a cell
	 * may run over several lines of its row. */
	lo = 0;
	hi = h->nind;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (lines[mid].line <= f->loc.line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return KEY_PROJECT;
	return key_ind(h, lines[lo - 1].row, k);
}

/* The findings of one place: a range of the sorted placements. */
struct range {
	const struct placed	*p;
	size_t			 n;
};

static struct range
find_key(const struct placed *pl, size_t n, long key)
{
	struct range r = { NULL, 0 };
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pl[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	r.p = pl + lo;
	while (lo + r.n < n && pl[lo + r.n].key == key)
		r.n++;
	return r;
}

/* The worst severity in a range, as a cell's class ("" if none). */
static const char *
range_class(struct range a, struct range b)
{
	enum severity worst = SEV_OFF;
	size_t i;

	for (i = 0; i < a.n; i++)
		if (a.p[i].f->severity > worst)
			worst = a.p[i].f->severity;
	for (i = 0; i < b.n; i++)
		if (b.p[i].f->severity > worst)
			worst = b.p[i].f->severity;
	return worst == SEV_OFF ? "" : sev_class(worst);
}

static void
put_range(struct reporter *r, struct range a)
{
	size_t i;

	for (i = 0; i < a.n; i++)
		put_finding(r, a.p[i].f, false);
}

/* A value: "not checked" when the layout lacks it, "(blank)" if blank. */
static void
put_value(struct reporter *r, const char *s, bool absent)
{
	if (absent)
		put_tag(r->out, "<span class=\"na\">", msg(r, M_NOT_CHECKED),
		    "</span>");
	else if (text_blank(s))
		put_tag(r->out, "<span class=\"blank\">", msg(r, M_BLANK),
		    "</span>");
	else
		put_tag(r->out, "<span class=\"v\">", s, "</span>");
}

static void
put_field_row(struct reporter *r, const struct hproj *h, enum field f,
    const struct placed *pl, size_t npl)
{
	FILE *out = r->out;
	struct range none = { NULL, 0 }, a = find_key(pl, npl, f);
	char *label = check_field_label(f, 0, r->settings->lang);

	fprintf(out, "<tr id=\"p%ld-f%d\"><th>", h->seq, (int)f);
	html_escape(out, r->settings->lang == LANG_ZH ? field_name_zh(f) :
	    label);
	free(label);
	fprintf(out, "</th><td class=\"%s\">", range_class(a, none));
	put_value(r, h->text[f], h->absent[f]);
	put_range(r, a);
	fputs("</td></tr>\n", out);
}

/* y of a percentage in the chart, clamped to the drawing. */
static double
chart_y(double pct)
{
	if (pct < -5)
		pct = -5;
	if (pct > 110)
		pct = 110;
	return 180 - pct * 1.5;
}

static double
chart_x(int month)
{
	return 48 + month * 25.0;
}

/*
 * The spend plan against the straight time-progress line (25/50/83/100
 * at 3/6/10/12月底). A blank milestone is read as 0 (PB205) and marked;
 * one that is not a number is marked and left out of the line.
 */
static void
put_chart(struct reporter *r, const struct hproj *h)
{
	FILE *out = r->out;
	bool zh = r->settings->lang == LANG_ZH;
	int k, pct;

	fprintf(out, "<svg class=\"chart\" id=\"p%ld-chart\" "
	    "xmlns=\"http://www.w3.org/2000/svg\" width=\"380\" "
	    "height=\"236\" viewBox=\"0 0 380 236\" role=\"img\">"
	    "<title>", h->seq);
	html_escape(out, msg(r, M_PLAN));
	fputs("</title>\n", out);
	for (pct = 0; pct <= 100; pct += 25)
		fprintf(out, "<line x1=\"48\" x2=\"348\" y1=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#e0e3e7\"/><text x=\"42\" "
		    "y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" "
		    "fill=\"#5f6368\">%d%%</text>\n", chart_y(pct),
		    chart_y(pct), chart_y(pct) + 3, pct);
	for (k = 0; k < PLAN_POINTS; k++) {
		fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"30\" "
		    "y2=\"180\" stroke=\"#eef0f2\"/><text x=\"%.1f\" "
		    "y=\"196\" font-size=\"10\" text-anchor=\"middle\" "
		    "fill=\"#5f6368\">", chart_x(plan_month[k]),
		    chart_x(plan_month[k]), chart_x(plan_month[k]));
		html_escape(out, plan_labels[k][zh]);
		fputs("</text>\n", out);
	}
	/* Time progress: the share of the year gone at each milestone. */
	fprintf(out, "<polyline fill=\"none\" stroke=\"#9aa0a6\" "
	    "stroke-width=\"1.5\" stroke-dasharray=\"5 4\" points=\"%.1f,%.1f",
	    chart_x(0), chart_y(0));
	for (k = 0; k < PLAN_POINTS; k++)
		fprintf(out, " %.1f,%.1f", chart_x(plan_month[k]),
		    chart_y(plan_month[k] * 100.0 / 12));
	fputs("\"/>\n", out);
	fprintf(out, "<polyline class=\"plan-line\" fill=\"none\" "
	    "stroke=\"#1a56c4\" stroke-width=\"2.5\" points=\"%.1f,%.1f",
	    chart_x(0), chart_y(0));
	for (k = 0; k < PLAN_POINTS; k++)
		if (h->plan_status[k] != NUMBER_BAD)
			fprintf(out, " %.1f,%.1f", chart_x(plan_month[k]),
			    chart_y(h->plan_status[k] == NUMBER_OK ?
			    h->plan[k] : 0));
	fputs("\"/>\n", out);
	for (k = 0; k < PLAN_POINTS; k++) {
		double x = chart_x(plan_month[k]);

		if (h->plan_status[k] == NUMBER_OK) {
			fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" "
			    "fill=\"#1a56c4\"/><text x=\"%.1f\" y=\"%.1f\" "
			    "font-size=\"11\" text-anchor=\"middle\" "
			    "fill=\"#1a56c4\">", x, chart_y(h->plan[k]), x,
			    chart_y(h->plan[k]) - 8);
			put_number(out, h->plan[k]);
			fputs("</text>\n", out);
		} else {
			/* Blank or not a number: a hollow red mark on the
			 * axis, and a word saying which. */
			fprintf(out, "<circle class=\"milestone-blank\" "
			    "cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#fff\" "
			    "stroke=\"#b71c1c\" stroke-width=\"2\"/><text "
			    "x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
			    "text-anchor=\"middle\" fill=\"#b71c1c\">", x,
			    chart_y(0), x, chart_y(0) - 9);
			html_escape(out, msg(r, h->plan_status[k] ==
			    NUMBER_BLANK ? M_BLANK : M_NOT_NUMBER));
			fputs("</text>\n", out);
		}
	}
	/* The legend. */
	fputs("<line x1=\"48\" x2=\"72\" y1=\"222\" y2=\"222\" "
	    "stroke=\"#1a56c4\" stroke-width=\"2.5\"/><text x=\"76\" "
	    "y=\"226\" font-size=\"11\">", out);
	html_escape(out, msg(r, M_PLAN_LINE));
	fputs("</text><line x1=\"170\" x2=\"194\" y1=\"222\" y2=\"222\" "
	    "stroke=\"#9aa0a6\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>"
	    "<text x=\"198\" y=\"226\" font-size=\"11\">", out);
	html_escape(out, msg(r, M_TIME_LINE));
	fputs(" 25/50/83/100%</text>\n</svg>\n", out);
}

static void
put_plan(struct reporter *r, const struct hproj *h, const struct placed *pl,
    size_t npl)
{
	FILE *out = r->out;
	bool absent = true;
	int k;

	put_tag(out, "<h3>", msg(r, M_PLAN), "</h3>\n");
	for (k = 0; k < PLAN_POINTS; k++)
		if (!h->absent[FIELD_PLAN_MAR + k])
			absent = false;
	if (absent) {
		put_tag(out, "<p class=\"na\">", msg(r, M_NOT_CHECKED),
		    "</p>\n");
		return;
	}
	fputs("<div class=\"plan\">\n", out);
	put_chart(r, h);
	fputs("<table class=\"fields\"><tbody>\n", out);
	for (k = 0; k < PLAN_POINTS; k++)
		put_field_row(r, h, (enum field)(FIELD_PLAN_MAR + k), pl, npl);
	fputs("</tbody></table>\n</div>\n", out);
}

/* Rows below row i with the same text in column k (and, for 二级, in
 * 一级 too): the span of a merged cell, as in the form. */
static size_t
span(const struct hproj *h, size_t i, int k)
{
	size_t j = i + 1;

	while (j < h->nind) {
		const char *a = h->ind[i].text[k], *b = h->ind[j].text[k];

		if (a == NULL || b == NULL || strcmp(a, b) != 0 ||
		    text_blank(a))
			break;
		if (k == IND(FIELD_LEVEL2) && (h->ind[i].text[0] == NULL ||
		    h->ind[j].text[0] == NULL ||
		    strcmp(h->ind[i].text[0], h->ind[j].text[0]) != 0))
			break;
		j++;
	}
	return j - i;
}

/* The worse of two cell classes of range_class(). */
static const char *
worse(const char *a, const char *b)
{
	static const char *const order[] = { "", "info", "warning", "error" };
	int ia = 0, ib = 0, k;

	for (k = 0; k < 4; k++) {
		if (strcmp(a, order[k]) == 0)
			ia = k;
		if (strcmp(b, order[k]) == 0)
			ib = k;
	}
	return order[ia > ib ? ia : ib];
}

/* The findings of indicator row i, all its cells. */
static struct range
row_range(const struct placed *pl, size_t npl, const struct hproj *h,
    size_t i)
{
	struct range a = find_key(pl, npl, key_ind(h, i, 0));

	while (a.p + a.n < pl + npl &&
	    a.p[a.n].key <= key_ind(h, i, INDICATOR_FIELDS - 1))
		a.n++;
	return a;
}

/* Rule ids as links in the cell a finding concerns; the finding itself
 * is written in full on a row of its own below. */
static void
put_chips(FILE *out, struct range a)
{
	size_t i;

	for (i = 0; i < a.n; i++)
		fprintf(out, " <a class=\"chip %s\" href=\"#rule-%s\">%s</a>",
		    sev_class(a.p[i].f->severity), rule_get(a.p[i].f->rule)->id,
		    rule_get(a.p[i].f->rule)->id);
}

/*
 * The indicator table as the form lays it out: 一级 and 二级 cells merged
 * over the rows that repeat them. A row with findings is followed by a
 * row holding them in full; a merged cell spans those rows too, except
 * the one after its last row.
 */
static void
put_indicators(struct reporter *r, const struct hproj *h,
    const struct placed *pl, size_t npl)
{
	static const enum field cols[INDICATOR_FIELDS] = { FIELD_LEVEL1,
	    FIELD_LEVEL2, FIELD_LEVEL3, FIELD_DESCRIPTION, FIELD_VALUE,
	    FIELD_BASIS };
	FILE *out = r->out;
	size_t i, j, n, rows, until[2] = { 0, 0 };
	int k, colspan;

	put_tag(out, "<h3>", msg(r, M_TABLE), "</h3>\n");
	fputs("<table class=\"ind\"><thead><tr>", out);
	for (k = 0; k < INDICATOR_FIELDS; k++)
		put_tag(out, "<th>", field_name_zh(cols[k]), "</th>");
	fputs("</tr></thead>\n<tbody>\n", out);
	for (i = 0; i < h->nind; i++) {
		const struct hind *in = &h->ind[i];
		struct range row = row_range(pl, npl, h, i);

		fprintf(out, "<tr id=\"p%ld-r%zu\" data-line=\"%d\">",
		    h->seq, i + 1, in->line);
		for (k = 0; k < INDICATOR_FIELDS; k++) {
			struct range none = { NULL, 0 };
			const char *cls;

			if (k < 2 && i < until[k])
				continue;	/* merged into a cell above */
			n = 1;
			if (k < 2) {
				n = span(h, i, k);
				until[k] = i + n;
			}
			/* A merged cell marks the findings of every row
			 * it covers: they are about the same text. */
			cls = "";
			rows = n;
			for (j = i; j < i + n; j++) {
				struct range b = find_key(pl, npl,
				    key_ind(h, j, k));

				if (b.n > 0)
					cls = worse(cls, range_class(b, none));
				if (j + 1 < i + n &&
				    row_range(pl, npl, h, j).n > 0)
					rows++;
			}
			if (rows > 1)
				fprintf(out, "<td rowspan=\"%zu\" class=\"%s\">",
				    rows, cls);
			else
				fprintf(out, "<td class=\"%s\">", cls);
			put_value(r, in->text[k], h->absent[cols[k]]);
			for (j = i; j < i + n; j++)
				put_chips(out, find_key(pl, npl,
				    key_ind(h, j, k)));
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
		if (row.n == 0)
			continue;
		colspan = INDICATOR_FIELDS;
		for (k = 0; k < 2; k++)
			if (i + 1 < until[k])
				colspan--;
		fprintf(out, "<tr class=\"frow\" id=\"p%ld-r%zu-findings\" "
		    "data-line=\"%d\"><td colspan=\"%d\">", h->seq, i + 1,
		    in->line, colspan);
		put_range(r, row);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

static void
put_section(struct reporter *r, const struct hproj *h,
    const struct placed *pl, size_t npl)
{
	static const enum field fields[] = { FIELD_CODE, FIELD_NAME,
	    FIELD_BUDGET, FIELD_FISCAL, FIELD_OTHER, FIELD_PURPOSE };
	FILE *out = r->out;
	struct range a;
	size_t i, ngoals = 0;

	fprintf(out, "<section class=\"project %s\" id=\"p%ld\">\n<h2>",
	    worst_class(h->errors, h->warnings, h->infos), h->seq);
	fprintf(out, "%ld. ", h->seq);
	if (!h->absent[FIELD_CODE] && !text_blank(h->text[FIELD_CODE]))
		put_tag(out, "", h->text[FIELD_CODE], " ");
	html_escape(out, h->text[FIELD_NAME]);
	fputs("</h2>\n<div class=\"meta\">", out);
	html_escape(out, h->file);
	fprintf(out, ":%d", h->line);
	if (h->table > 0)
		fprintf(out, r->settings->lang == LANG_ZH ? "，表%d" :
		    ", table %d", h->table);
	fprintf(out, " · %s %d · %s %d · %s %d <a class=\"back\" "
	    "href=\"#top\">↑ ", msg(r, M_ERRORS), h->errors,
	    msg(r, M_WARNINGS), h->warnings, msg(r, M_INFOS), h->infos);
	html_escape(out, msg(r, M_BACK));
	fputs("</a></div>\n", out);
	a = find_key(pl, npl, KEY_PROJECT);
	if (a.n > 0) {
		put_tag(out, "<div class=\"whole\"><h3>",
		    msg(r, M_PROJECT_FINDINGS), "</h3>\n");
		put_range(r, a);
		fputs("</div>\n", out);
	}
	put_tag(out, "<h3>", msg(r, M_FIELDS), "</h3>\n");
	fputs("<table class=\"fields\"><tbody>\n", out);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		put_field_row(r, h, fields[i], pl, npl);
	fputs("</tbody></table>\n", out);
	put_tag(out, "<h3>", msg(r, M_GOALS), "</h3>\n");
	fputs("<table class=\"fields goals\"><tbody>\n", out);
	for (i = 0; i < h->ngoals; i++) {
		struct range none = { NULL, 0 };

		a = find_key(pl, npl, KEY_GOALS + (long)i);
		if (text_blank(h->goals[i].text) && a.n == 0)
			continue;	/* layout, as in the other reports */
		fprintf(out, "<tr><th>目标%d</th><td class=\"%s\">",
		    h->goals[i].number, range_class(a, none));
		put_value(r, h->goals[i].text, false);
		put_range(r, a);
		fputs("</td></tr>\n", out);
		ngoals++;
	}
	if (ngoals == 0) {
		fputs("<tr><td>", out);
		put_value(r, NULL, h->absent[FIELD_GOAL]);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	put_plan(r, h, pl, npl);
	put_indicators(r, h, pl, npl);
	fputs("</section>\n", out);
}

static int
seq_cmp(const void *va, const void *vb)
{
	const struct placed *a = va, *b = vb;

	if (a->f->seq != b->f->seq)
		return a->f->seq < b->f->seq ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Every project's section, its findings placed on its rows and cells. */
static void
html_sections(struct reporter *r, const struct run_result *res,
    FILE *spool)
{
	struct placed *all, *pl = NULL;
	struct line_index *lines = NULL;
	struct hproj h;
	size_t i, n = 0, cur = 0, npl, cap = 0;

	/* The project findings by project number, then report order. */
	all = xcalloc(res->nfindings + 1, sizeof(*all));
	for (i = 0; i < res->nfindings; i++)
		if (res->findings[i].seq >= 1) {
			all[n].f = &res->findings[i];
			all[n++].order = i;
		}
	qsort(all, n, sizeof(*all), seq_cmp);
	while (spool != NULL && hproj_read(spool, &h)) {
		while (cur < n && all[cur].f->seq < h.seq)
			cur++;
		for (npl = 0; cur + npl < n && all[cur + npl].f->seq == h.seq;)
			npl++;
		lines = xreallocarray(lines, h.nind + 1, sizeof(*lines));
		for (i = 0; i < h.nind; i++) {
			lines[i].line = h.ind[i].line;
			lines[i].row = i;
		}
		qsort(lines, h.nind, sizeof(*lines), line_cmp);
		if (npl > cap) {
			cap = npl;
			pl = xreallocarray(pl, cap, sizeof(*pl));
		}
		for (i = 0; i < npl; i++) {
			pl[i] = all[cur + i];
			pl[i].key = place(&h, lines, pl[i].f);
		}
		if (npl > 0)
			qsort(pl, npl, sizeof(*pl), placed_cmp);
		put_section(r, &h, pl, npl);
		cur += npl;
		hproj_free(&h);
	}
	free(lines);
	free(pl);
	free(all);
}

/* The --explain text of every rule the report shows, for its links. */
static void
html_explain(struct reporter *r, const struct run_result *res)
{
	FILE *out = r->out;
	bool seen[RULE_COUNT] = { false }, any = false;
	size_t i;
	int id;

	for (i = 0; i < res->nfindings; i++)
		seen[res->findings[i].rule] = any = true;
	if (!any)
		return;
	put_tag(out, "<section class=\"explain\" id=\"rules\"><h2>",
	    msg(r, M_EXPLAIN), "</h2>\n");
	for (id = 0; id < RULE_COUNT; id++) {
		const struct rule *rule = rule_get((enum rule_id)id);
		int l = r->settings->lang == LANG_ZH;

		if (!seen[id])
			continue;
		fprintf(out, "<div id=\"rule-%s\"><h3>%s (%s): ", rule->id,
		    rule->id, severity_name(r->settings->severity[id]));
		html_escape(out, rule->title[l]);
		fputs("</h3>\n", out);
		if (rule->explain[l] != NULL)
			put_tag(out, "<p>", rule->explain[l], "</p>\n");
		if (rule->grounds[l] != NULL) {
			put_tag(out, "<p><b>", msg(r, M_WHY), "</b>");
			put_tag(out, "", rule->grounds[l], "</p>\n");
		}
		if (rule->bad != NULL) {
			put_tag(out, "<p><b>", msg(r, M_BAD), "</b>");
			put_tag(out, "<code>", rule->bad, "</code></p>\n");
		}
		if (rule->good != NULL) {
			put_tag(out, "<p><b>", msg(r, M_GOOD), "</b>");
			put_tag(out, "<code>", rule->good, "</code></p>\n");
		}
		put_tag(out, "<p><b>", msg(r, M_WHAT_TO_DO), "</b>");
		put_tag(out, "", rule_advice((enum rule_id)id,
		    r->settings->lang), "</p></div>\n");
	}
	fputs("</section>\n", out);
}

static void
html_end(struct reporter *r, const struct run_result *res)
{
	struct html_state *st = r->state;
	FILE *out = r->out, *spool;
	bool failed = fails(r->settings, res->totals.errors,
	    res->totals.warnings, res->totals.infos);
	size_t i;

	for (i = 0; i < res->nfiles; i++)
		if (res->files[i].unreadable)
			failed = true;
	html_head(r);
	html_summary(r, res, failed);
	html_files(r, res);
	spool = spool_rewind(st);
	html_project_table(r, spool);
	spool = spool_rewind(st);
	html_sections(r, res, spool);
	if (st->spool_error || (spool != NULL && ferror(spool)))
		put_tag(out, "<p class=\"fd error\">", msg(r, M_SPOOL),
		    "</p>\n");
	html_explain(r, res);
	put_tag(out, "<footer>", msg(r, M_GENERATED),
	    " " PBCHECK_VERSION "</footer>\n</body>\n</html>\n");
}

static void
html_free(struct reporter *r)
{
	struct html_state *st = r->state;

	if (st == NULL)
		return;
	if (st->reader != NULL)
		fclose(st->reader);
	if (st->spool != NULL)
		fclose(st->spool);
	free(st->membuf);
	free(st);
	r->state = NULL;
}

void
report_html_init(struct reporter *r)
{
	r->begin = html_begin;
	r->project = html_project;
	r->end = html_end;
	r->free = html_free;
}
