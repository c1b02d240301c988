/* Text reporter (SPEC 5.1): gcc-style diagnostics, a project table aligned by display width, a totals line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "check.h"
#include "model.h"
#include "report.h"
#include "rules.h"
#include "text.h"
#include "util.h"

enum { COL_CODE, COL_NAME, COL_BUDGET, COL_IND, COL_ERR, COL_WARN,
    COL_INFO, NCOLS };

/* One row of the project table, kept small: projects are not kept. */
struct row {
	char	*cell[NCOLS];
};

struct text_state {
	struct row	*rows;
	size_t		 nrows;
};

static void
text_begin(struct reporter *r)
{
	r->state = xcalloc(1, sizeof(struct text_state));
}

static void
text_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	struct text_state *st = r->state;
	struct row *row;

	if (r->quiet)
		return;
	st->rows = xreallocarray(st->rows, st->nrows + 1, sizeof(*st->rows));
	row = &st->rows[st->nrows++];
	row->cell[COL_CODE] = xstrdup(*p->text[FIELD_CODE] ?
	    p->text[FIELD_CODE] : "-");
	row->cell[COL_NAME] = xstrdup(p->text[FIELD_NAME]);
	row->cell[COL_BUDGET] = xstrdup(p->text[FIELD_BUDGET]);
	row->cell[COL_IND] = xasprintf("%zu", p->nind);
	row->cell[COL_ERR] = xasprintf("%d", n->errors);
	row->cell[COL_WARN] = xasprintf("%d", n->warnings);
	row->cell[COL_INFO] = xasprintf("%d", n->infos);
}

/*
 * Replaces line breaks and tabs so that one row stays one line, then
 * escapes what a terminal would act on (SPEC 5.1).
 */
static char *
one_line(const char *s)
{
	struct strbuf b = {0};
	char *line;

	for (; *s != '\0'; s++)
		strbuf_putc(&b, *s == '\n' || *s == '\r' || *s == '\t' ?
		    ' ' : *s);
	line = text_escape(b.data != NULL ? b.data : "");
	strbuf_free(&b);
	return line;
}

/* Writes text from the input (a file name, a message quoting a cell):
 * escaped, so that a control in a cell never reaches the terminal raw. */
static void
put_input(FILE *out, const char *s)
{
	char *e = text_escape(s);

	fputs(e, out);
	free(e);
}

static void
pad(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

static void
print_table(struct reporter *r, const struct text_state *st)
{
	static const char *const head[2][NCOLS] = {
		{ "code", "name", "budget", "indicators", "errors",
		    "warnings", "infos" },
		{ "项目编码", "项目名称", "预算数", "指标", "错误", "警告",
		    "提示" },
	};
	const char *const *h = head[r->settings->lang];
	size_t width[NCOLS], i, w;
	int c;

	for (c = 0; c < NCOLS; c++)
		width[c] = text_width(h[c]);
	for (i = 0; i < st->nrows; i++)
		for (c = 0; c < NCOLS; c++) {
			char *s = one_line(st->rows[i].cell[c]);

			free(st->rows[i].cell[c]);
			st->rows[i].cell[c] = s;
			if ((w = text_width(s)) > width[c])
				width[c] = w;
		}
	for (i = 0; i <= st->nrows; i++) {
		for (c = 0; c < NCOLS; c++) {
			const char *s = i == 0 ? h[c] :
			    st->rows[i - 1].cell[c];
			bool right = c >= COL_BUDGET && i > 0;

			w = text_width(s);
			if (c > 0)
				fputs("  ", r->out);
			if (right)
				pad(r->out, width[c] - w);
			fputs(s, r->out);
			if (!right && c < NCOLS - 1)
				pad(r->out, width[c] - w);
		}
		fputc('\n', r->out);
	}
}

/* gcc's colours: bold location, red errors, magenta warnings. */
#define BOLD	"\033[1m"
#define RESET	"\033[0m"

static const char *
severity_color(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "\033[1;31m";
	case SEV_WARNING:
		return "\033[1;35m";
	default:
		return "\033[1;36m";
	}
}

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
text_end(struct reporter *r, const struct run_result *res)
{
	struct text_state *st = r->state;
	const struct counts *t = &res->totals;
	size_t i;
	int nf = (int)res->nfiles;

	/* An input that could not be read is a diagnostic of its own, with
	 * the reason, so that a report written with -o says it too. */
	for (i = 0; i < res->nfiles; i++) {
		const struct file_info *fi = &res->files[i];

		if (!fi->unreadable)
			continue;
		if (r->color)
			fputs(BOLD, r->out);
		put_input(r->out, fi->path);
		if (r->color)
			fprintf(r->out, ":" RESET " %s%s:" RESET " ",
			    severity_color(SEV_ERROR), severity_name(SEV_ERROR));
		else
			fprintf(r->out, ": %s: ", severity_name(SEV_ERROR));
		fputs(r->settings->lang == LANG_ZH ? "无法读取" :
		    "cannot be read", r->out);
		if (fi->error != NULL) {
			fputs(r->settings->lang == LANG_ZH ? "：" : ": ", r->out);
			put_input(r->out, fi->error);
		}
		fputc('\n', r->out);
	}
	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];

		if (r->color)
			fputs(BOLD, r->out);
		put_input(r->out, f->file);
		if (r->color)
			fprintf(r->out, ":%d:%d:" RESET " %s%s:" RESET " ",
			    f->loc.line, f->loc.col,
			    severity_color(f->severity),
			    severity_name(f->severity));
		else
			fprintf(r->out, ":%d:%d: %s: ", f->loc.line,
			    f->loc.col, severity_name(f->severity));
		if (f->loc.table > 0)
			fprintf(r->out, r->settings->lang == LANG_ZH ?
			    "表%d: " : "table %d: ", f->loc.table);
		put_input(r->out, f->message);
		fprintf(r->out, " [%s]\n", rule_get(f->rule)->id);
		/* What to do, as gcc's note lines: an editor that parses
		 * FILE:LINE:COL keeps working; -q leaves it out. */
		if (!r->quiet) {
			if (r->color)
				fputs(BOLD, r->out);
			put_input(r->out, f->file);
			fprintf(r->out, r->color ? ":%d:%d:" RESET " %snote:"
			    RESET " %s\n" : ":%d:%d: %snote: %s\n",
			    f->loc.line, f->loc.col,
			    r->color ? "\033[1;36m" : "",
			    rule_advice(f->rule, r->settings->lang));
		}
	}
	if (!r->quiet && st->nrows > 0) {
		if (res->nfindings > 0)
			fputc('\n', r->out);
		print_table(r, st);
		fputc('\n', r->out);
	}
	if (r->settings->lang == LANG_ZH)
		fprintf(r->out, "共 %d 个文件，%d 个项目，%d 个指标：%d 个错误，"
		    "%d 个警告，%d 条提示\n", nf, res->projects,
		    res->indicators, t->errors, t->warnings, t->infos);
	else
		fprintf(r->out, "%d %s, %d %s, %d %s: %d %s, %d %s, %d %s\n",
		    nf, plural(nf, "file", "files"),
		    res->projects, plural(res->projects, "project", "projects"),
		    res->indicators, plural(res->indicators, "indicator",
		    "indicators"),
		    t->errors, plural(t->errors, "error", "errors"),
		    t->warnings, plural(t->warnings, "warning", "warnings"),
		    t->infos, plural(t->infos, "info", "infos"));
}

static void
text_free(struct reporter *r)
{
	struct text_state *st = r->state;
	size_t i;
	int c;

	if (st == NULL)
		return;
	for (i = 0; i < st->nrows; i++)
		for (c = 0; c < NCOLS; c++)
			free(st->rows[i].cell[c]);
	free(st->rows);
	free(st);
	r->state = NULL;
}

void
report_text_init(struct reporter *r)
{
	r->begin = text_begin;
	r->project = text_project;
	r->end = text_end;
	r->free = text_free;
}
