/* Text reporter (SPEC 5.1): gcc-style diagnostics, a project table aligned by display width, a totals line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "check.h"
#include "model.h"
#include "report.h"
#include "rules.h"
#include "spill.h"
#include "statistics.h"
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
	bool		 codes;		/* some project's layout has 项目编码 */
	struct spill	*spill;		/* the findings' lines (text_file()) */
};

static void
text_begin(struct reporter *r)
{
	struct text_state *st = xcalloc(1, sizeof(*st));

	st->spill = spill_new();
	r->state = st;
}

static void
text_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	struct text_state *st = r->state;
	struct row *row;

	if (r->quiet)
		return;
	/* Grown to the next power of two when nrows reaches one. */
	if (st->nrows == 0 || (st->nrows >= 8 &&
	    (st->nrows & (st->nrows - 1)) == 0))
		st->rows = xreallocarray(st->rows, st->nrows == 0 ? 8 :
		    2 * st->nrows, sizeof(*st->rows));
	row = &st->rows[st->nrows++];
	/* A layout without codes (SPEC 2.2) has "-" here and its name
	 * beside; a table where no project has a code drops the column. */
	row->cell[COL_CODE] = xstrdup(!p->absent[FIELD_CODE] &&
	    *p->text[FIELD_CODE] ? p->text[FIELD_CODE] : "-");
	st->codes = st->codes || !p->absent[FIELD_CODE];
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
	int c, c0 = st->codes ? COL_CODE : COL_NAME;

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
		for (c = c0; c < NCOLS; c++) {
			const char *s = i == 0 ? h[c] :
			    st->rows[i - 1].cell[c];
			bool right = c >= COL_BUDGET && i > 0;

			w = text_width(s);
			if (c > c0)
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

/*
 * A table of n rows (the first the heading) by ncols cells, aligned by
 * display width; the columns marked in right are aligned right below
 * the heading. Cells are escaped, as they may hold input text.
 */
static void
print_grid(FILE *out, char **cells, size_t n, int ncols, const bool *right)
{
	size_t *width = xcalloc((size_t)ncols, sizeof(*width)), i, w;
	int c;

	for (i = 0; i < n * (size_t)ncols; i++) {
		char *e = one_line(cells[i]);

		free(cells[i]);
		cells[i] = e;
		c = (int)(i % (size_t)ncols);
		if ((w = text_width(e)) > width[c])
			width[c] = w;
	}
	for (i = 0; i < n; i++) {
		for (c = 0; c < ncols; c++) {
			const char *s = cells[i * (size_t)ncols + (size_t)c];
			bool r = right[c] && i > 0;

			w = text_width(s);
			if (c > 0)
				fputs("  ", out);
			if (r)
				pad(out, width[c] - w);
			fputs(s, out);
			if (!r && c < ncols - 1)
				pad(out, width[c] - w);
		}
		fputc('\n', out);
	}
	free(width);
}

/* --statistics: findings per rule, then per file, most first. */
static void
print_statistics(struct reporter *r, const struct run_result *res)
{
	static const char *const rhead[2][4] = {
		{ "rule", "severity", "count", "title" },
		{ "规则", "级别", "数量", "标题" },
	};
	static const char *const fhead[2][5] = {
		{ "file", "findings", "errors", "warnings", "infos" },
		{ "文件", "问题", "错误", "警告", "提示" },
	};
	static const bool rright[4] = { false, false, true, false };
	static const bool fright[5] = { false, true, true, true, true };
	enum lang lang = r->settings->lang;
	struct statistics st;
	char **cells;
	size_t i, k;
	int c;

	statistics_compute(&st, res);
	cells = xcalloc((st.nrules + 1) * 4, sizeof(*cells));
	for (c = 0; c < 4; c++)
		cells[c] = xstrdup(rhead[lang][c]);
	for (i = 0; i < st.nrules; i++) {
		const struct rule *rule = rule_get(st.rules[i].rule);

		k = (i + 1) * 4;
		cells[k] = xstrdup(rule->id);
		cells[k + 1] = xstrdup(severity_name(st.rules[i].severity));
		cells[k + 2] = xasprintf("%zu", st.rules[i].count);
		cells[k + 3] = xstrdup(rule->title[lang]);
	}
	print_grid(r->out, cells, st.nrules + 1, 4, rright);
	for (i = 0; i < (st.nrules + 1) * 4; i++)
		free(cells[i]);
	free(cells);
	fputc('\n', r->out);
	cells = xcalloc((st.nfiles + 1) * 5, sizeof(*cells));
	for (c = 0; c < 5; c++)
		cells[c] = xstrdup(fhead[lang][c]);
	for (i = 0; i < st.nfiles; i++) {
		k = (i + 1) * 5;
		cells[k] = xstrdup(st.files[i].file);
		cells[k + 1] = xasprintf("%zu", st.files[i].count);
		cells[k + 2] = xasprintf("%zu", st.files[i].errors);
		cells[k + 3] = xasprintf("%zu", st.files[i].warnings);
		cells[k + 4] = xasprintf("%zu", st.files[i].infos);
	}
	print_grid(r->out, cells, st.nfiles + 1, 5, fright);
	for (i = 0; i < (st.nfiles + 1) * 5; i++)
		free(cells[i]);
	free(cells);
	fprintf(r->out, lang == LANG_ZH ? "合计 %zu 个问题\n\n" :
	    "%zu findings in all\n\n", st.total);
	statistics_free(&st);
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

/* Appends text from the input, escaped as put_input() writes it. */
static void
add_input(struct strbuf *b, const char *s)
{
	text_escape_add(b, s);
}


/*
 * Where a finding is: "file:line:col", or in a workbook's sheet
 * "file[sheet]:row:COLUMN" with the column's letters, as Excel names it.
 */
static void
add_where(struct strbuf *b, const char *file, const struct finding *f)
{
	char letters[8];
	int col = f->loc.col, n = 0, i;

	strbuf_puts(b, file);
	if (f->sheet == NULL) {
		strbuf_putc(b, ':');
		strbuf_add_int(b, f->loc.line);
		strbuf_putc(b, ':');
		strbuf_add_int(b, f->loc.col);
		strbuf_putc(b, ':');
		return;
	}
	for (; col > 0 && n < 7; col = (col - 1) / 26)
		letters[n++] = (char)('A' + (col - 1) % 26);
	strbuf_putc(b, '[');
	add_input(b, f->sheet);
	strbuf_printf(b, "]:%d:", f->loc.line);
	for (i = n - 1; i >= 0; i--)
		strbuf_putc(b, letters[i]);
	strbuf_putc(b, ':');
}

/* One finding's line, as the report shows it; file is its file's name,
 * escaped (add_input()). */
static void
add_finding(const struct reporter *r, struct strbuf *b, const char *file,
    const struct finding *f)
{
	if (r->color)
		strbuf_puts(b, BOLD);
	add_where(b, file, f);
	if (r->color)
		strbuf_printf(b, RESET " %s%s:" RESET " ",
		    severity_color(f->severity), severity_name(f->severity));
	else {
		strbuf_putc(b, ' ');
		strbuf_puts(b, severity_name(f->severity));
		strbuf_puts(b, ": ");
	}
	if (f->loc.table > 0 && f->sheet == NULL)
		strbuf_printf(b, r->settings->lang == LANG_ZH ?
		    "表%d: " : "table %d: ", f->loc.table);
	add_input(b, f->message);
	strbuf_puts(b, " [");
	strbuf_puts(b, rule_get(f->rule)->id);
	strbuf_puts(b, "]\n");
	/* What to do, as gcc's note lines: an editor that parses
	 * FILE:LINE:COL keeps working; -q leaves it out. */
	if (r->quiet)
		return;
	if (r->color)
		strbuf_puts(b, BOLD);
	strbuf_puts(b, file);
	if (r->color)
		strbuf_printf(b, ":%d:%d:" RESET " \033[1;36mnote:" RESET
		    " %s\n", f->loc.line, f->loc.col,
		    rule_advice(f->rule, r->settings->lang));
	else
		strbuf_printf(b, ":%d:%d: note: %s\n", f->loc.line,
		    f->loc.col, rule_advice(f->rule, r->settings->lang));
}

/*
 * Findings come file by file (text_file()) and are spilled as their
 * lines: the report lists them at the end, after the inputs that could
 * not be read, in the engine's order.
 */
static void
text_file(struct reporter *r, const struct finding *f, size_t n)
{
	struct text_state *st = r->state;
	char *file = text_escape(f[0].file);	/* all are of one file */

	spill_findings(st->spill, r, file, f, n, add_finding);
	free(file);
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
	if (spill_copy(st->spill, r->out, "", "") != 0)
		fputs("pbcheck: the report's temporary file failed; findings "
		    "may be missing\n", stderr);
	/* Findings the engine kept (all of them, were text_file() unused). */
	for (i = 0; i < res->nfindings; i++) {
		struct strbuf b = {0};
		char *file = text_escape(res->findings[i].file);

		add_finding(r, &b, file, &res->findings[i]);
		fputs(b.data, r->out);
		strbuf_free(&b);
		free(file);
	}
	if (!r->quiet && st->nrows > 0) {
		if (res->nfindings + spill_count(st->spill) > 0)
			fputc('\n', r->out);
		print_table(r, st);
		fputc('\n', r->out);
	}
	if (r->statistics) {
		if (res->nfindings > 0 && (r->quiet || st->nrows == 0))
			fputc('\n', r->out);
		print_statistics(r, res);
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
	spill_free(st->spill);
	free(st);
	r->state = NULL;
}

void
report_text_init(struct reporter *r)
{
	r->lists_statistics = true;
	r->begin = text_begin;
	r->project = text_project;
	r->file = text_file;
	r->end = text_end;
	r->free = text_free;
}
