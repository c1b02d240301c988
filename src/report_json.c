/* JSON reporter (SPEC 5.2): projects streamed as they are checked, then findings, files and summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "check.h"
#include "json.h"
#include "model.h"
#include "report.h"
#include "rules.h"
#include "spill.h"
#include "statistics.h"
#include "text.h"
#include "util.h"
#include "version.h"

struct json_state {
	int		 projects;	/* written so far */
	struct strbuf	 buf;		/* a project's object, as it is made */
	struct spill	*spill;		/* the findings' objects (json_file()) */
};

static void
json_begin(struct reporter *r)
{
	struct json_state *st = xcalloc(1, sizeof(*st));

	st->spill = spill_new();
	r->state = st;
	fprintf(r->out, "{\n  \"tool\": {\"name\": \"pbcheck\", \"version\": ");
	json_string(r->out, PBCHECK_VERSION);
	fputs("},\n  \"projects\": [", r->out);
}

static void
number_or_null(struct strbuf *b, bool ok, double v)
{
	if (ok)
		json_number_add(b, v);
	else
		strbuf_puts(b, "null");
}

/* A level name: canonical when known (SPEC 5.2), else as written. */
static const char *
level_text(const char *canonical, const char *written)
{
	return canonical != NULL ? canonical : written;
}

static void
write_value(struct strbuf *b, const struct value *v)
{
	strbuf_puts(b, "{\"raw\": ");
	json_escape(b, v->raw);
	strbuf_puts(b, ", \"kind\": ");
	json_escape(b, value_kind_name(v->kind));
	strbuf_puts(b, ", \"op\": ");
	json_escape(b, value_op_name(v->op));
	strbuf_puts(b, ", \"number\": ");
	number_or_null(b, v->has_number, v->number);
	strbuf_puts(b, ", \"max\": ");
	number_or_null(b, v->has_max, v->max);
	strbuf_puts(b, ", \"unit\": ");
	json_escape(b, v->unit != NULL && *v->unit != '\0' ? v->unit : NULL);
	strbuf_puts(b, ", \"unit_class\": ");
	json_escape(b, value_unit_class_name(v->unit_class));
	strbuf_printf(b, ", \"implicit_op\": %s, \"malformed\": %s}",
	    v->op_implicit ? "true" : "false",
	    v->malformed ? "true" : "false");
}

/* A text field: null when the layout lacks it (SPEC 2.2), not "". */
static void
field_text(struct strbuf *b, const char *text, bool absent)
{
	json_escape(b, absent ? NULL : text);
}

static void
write_money(struct strbuf *b, const char *name, const struct number_cell *n,
    bool absent)
{
	strbuf_printf(b, ", \"%s\": ", name);
	if (absent)
		strbuf_puts(b, "null");
	else if (n->status == NUMBER_BLANK && strcmp(name, "budget") != 0)
		strbuf_puts(b, "0");	/* a blank 财政资金 or 其他资金 is 0 */
	else
		number_or_null(b, n->status == NUMBER_OK, n->number);
}

static void
json_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	struct json_state *st = r->state;
	struct strbuf *b = &st->buf;
	size_t i;
	int k;
	bool first, plan_absent;

	b->len = 0;

	strbuf_puts(b, st->projects++ ? ",\n    {" : "\n    {");
	strbuf_puts(b, "\"file\": ");
	json_escape(b, p->file);
	strbuf_printf(b, ", \"line\": %d", p->line);
	if (p->table > 0)
		strbuf_printf(b, ", \"table\": %d", p->table);
	strbuf_puts(b, ", \"code\": ");
	field_text(b, p->text[FIELD_CODE], p->absent[FIELD_CODE]);
	strbuf_puts(b, ", \"name\": ");
	json_escape(b, p->text[FIELD_NAME]);
	strbuf_puts(b, ",\n     ");
	strbuf_puts(b, "\"budget\": ");
	number_or_null(b, !p->absent[FIELD_BUDGET] &&
	    p->budget.status == NUMBER_OK, p->budget.number);
	write_money(b, "fiscal", &p->fiscal, p->absent[FIELD_FISCAL]);
	write_money(b, "other", &p->other, p->absent[FIELD_OTHER]);
	strbuf_puts(b, ",\n     \"purpose\": ");
	field_text(b, p->text[FIELD_PURPOSE], p->absent[FIELD_PURPOSE]);
	strbuf_puts(b, ",\n     \"plan\": ");
	plan_absent = true;
	for (k = 0; k < PLAN_POINTS; k++)
		plan_absent = plan_absent && p->absent[FIELD_PLAN_MAR + k];
	if (plan_absent)
		strbuf_puts(b, "null");	/* the layout has no plan at all */
	else {
		for (k = 0; k < PLAN_POINTS; k++) {
			strbuf_puts(b, k > 0 ? ", " : "[");
			number_or_null(b, !p->absent[FIELD_PLAN_MAR + k] &&
			    p->plan[k].status == NUMBER_OK,
			    p->plan[k].number);
		}
		strbuf_puts(b, "]");
	}
	strbuf_puts(b, ",\n     \"goals\": [");
	/* Blank goal cells are layout, not goals: they are left out so
	 * that every format gives the same list. */
	first = true;
	for (i = 0; i < p->ngoals; i++) {
		if (text_blank(p->goals[i].text))
			continue;
		strbuf_puts(b, first ? "\n       " : ",\n       ");
		json_escape(b, p->goals[i].text);
		first = false;
	}
	strbuf_puts(b, "],\n     \"indicators\": [");
	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		strbuf_puts(b, i ? ",\n       {" : "\n       {");
		strbuf_printf(b, "\"line\": %d, \"level1\": ", in->line);
		json_escape(b, level_text(level1_name(in->level1),
		    in->text[IND(FIELD_LEVEL1)]));
		strbuf_puts(b, ", \"level2\": ");
		json_escape(b, level_text(level2_name(in->level2),
		    in->text[IND(FIELD_LEVEL2)]));
		strbuf_puts(b, ", \"level3\": ");
		json_escape(b, in->text[IND(FIELD_LEVEL3)]);
		strbuf_puts(b, ",\n        \"description\": ");
		field_text(b, in->text[IND(FIELD_DESCRIPTION)],
		    p->absent[FIELD_DESCRIPTION]);
		strbuf_puts(b, ", \"basis\": ");
		field_text(b, in->text[IND(FIELD_BASIS)],
		    p->absent[FIELD_BASIS]);
		strbuf_puts(b, ",\n        \"value\": ");
		write_value(b, &in->value);
		strbuf_puts(b, "}");
	}
	strbuf_printf(b, "],\n     \"errors\": %d, \"warnings\": %d, \"infos\": %d}",
	    n->errors, n->warnings, n->infos);
	/* The project's object in one write, not a write per token. */
	fwrite(b->data, 1, b->len, r->out);
}

/* "statistics": per rule and per file, most first (--statistics). */
static void
write_statistics(struct reporter *r, const struct run_result *res)
{
	FILE *out = r->out;
	struct statistics st;
	size_t i;

	statistics_compute(&st, res);
	fputs("  \"statistics\": {\"rules\": [", out);
	for (i = 0; i < st.nrules; i++) {
		const struct rule *rule = rule_get(st.rules[i].rule);

		fputs(i ? ",\n    {\"rule\": " : "\n    {\"rule\": ", out);
		json_string(out, rule->id);
		fputs(", \"severity\": ", out);
		json_string(out, severity_name(st.rules[i].severity));
		fprintf(out, ", \"count\": %zu, \"title\": ", st.rules[i].count);
		json_string(out, rule->title[r->settings->lang]);
		fputs("}", out);
	}
	fputs(st.nrules ? "\n  ],\n  \"files\": [" : "],\n  \"files\": [", out);
	for (i = 0; i < st.nfiles; i++) {
		fputs(i ? ",\n    {\"file\": " : "\n    {\"file\": ", out);
		json_string(out, st.files[i].file);
		fprintf(out, ", \"count\": %zu, \"errors\": %zu, "
		    "\"warnings\": %zu, \"infos\": %zu}", st.files[i].count,
		    st.files[i].errors, st.files[i].warnings, st.files[i].infos);
	}
	fprintf(out, "%s  \"total\": %zu},\n", st.nfiles ? "\n  ],\n" :
	    "],\n", st.total);
	statistics_free(&st);
}

/* A finding's object, as the report lists it; file is its file's name as
 * a JSON string. */
static void
add_finding(const struct reporter *r, struct strbuf *b, const char *file,
    const struct finding *f)
{
	strbuf_puts(b, "{\"rule\": ");
	json_escape(b, rule_get(f->rule)->id);
	strbuf_puts(b, ", \"severity\": ");
	json_escape(b, severity_name(f->severity));
	strbuf_puts(b, ", \"message\": ");
	json_escape(b, f->message);
	strbuf_puts(b, ",\n     \"file\": ");
	strbuf_puts(b, file);
	strbuf_printf(b, ", \"line\": %d, \"column\": %d", f->loc.line,
	    f->loc.col);
	if (f->loc.table > 0)
		strbuf_printf(b, ", \"table\": %d", f->loc.table);
	if (f->sheet != NULL) {
		strbuf_puts(b, ", \"sheet\": ");
		json_escape(b, f->sheet);
	}
	strbuf_puts(b, ", \"project\": ");
	json_escape(b, f->project);
	strbuf_puts(b, ", \"field\": ");
	json_escape(b, f->field);
	strbuf_puts(b, ",\n     \"advice\": ");
	json_escape(b, rule_advice(f->rule, r->settings->lang));
	strbuf_putc(b, '}');
}

/* A file's findings (sorted), each spilled as its object. */
static void
json_file(struct reporter *r, const struct finding *f, size_t n)
{
	struct json_state *st = r->state;
	struct strbuf file = {0};

	json_escape(&file, f[0].file);		/* all are of one file */
	spill_findings(st->spill, r, file.data, f, n, add_finding);
	strbuf_free(&file);
}

static void
json_end(struct reporter *r, const struct run_result *res)
{
	struct json_state *st = r->state;
	FILE *out = r->out;
	size_t i;

	fputs(st->projects ? "\n  ],\n  \"findings\": [" :
	    "],\n  \"findings\": [", out);
	/* The findings the engine kept (all of them with --statistics)
	 * and the spilled ones, in its order. */
	if (spill_copy_with(st->spill, r, res->findings, res->nfindings, json_file,
	    "\n    ", ",\n    ") != 0)
		fputs("pbcheck: the report's temporary file failed; findings "
		    "may be missing\n", stderr);
	fputs(spill_count(st->spill) ? "\n  ],\n  \"files\": [" :
	    "],\n  \"files\": [", out);
	for (i = 0; i < res->nfiles; i++) {
		const struct file_info *f = &res->files[i];

		fputs(i ? ",\n    {" : "\n    {", out);
		fputs("\"path\": ", out);
		json_string(out, f->path);
		fputs(", \"format\": ", out);
		json_string(out, f->format);
		fputs(", \"encoding\": ", out);
		json_string(out, f->encoding);
		if (f->nsheets > 0) {
			size_t k;

			fputs(", \"sheets\": [", out);
			for (k = 0; k < f->nsheets; k++) {
				if (k > 0)
					fputs(", ", out);
				json_string(out, f->sheets[k]);
			}
			fputc(']', out);
		}
		fputs(", \"config\": ", out);
		json_string(out, f->config);
		fprintf(out, ", \"projects\": %d, \"indicators\": %d, "
		    "\"readable\": %s", f->projects, f->indicators,
		    f->unreadable ? "false" : "true");
		/* Only an unreadable file has a reason (SPEC 5.2). */
		if (f->unreadable) {
			fputs(", \"error\": ", out);
			json_string(out, f->error);
		}
		fputs("}", out);
	}
	fputs(res->nfiles ? "\n  ],\n" : "],\n", out);
	if (r->statistics)
		write_statistics(r, res);
	if (res->baseline)
		fprintf(out, "  \"baseline\": {\"suppressed\": %zu, "
		    "\"stale\": %zu},\n", res->suppressed, res->stale);
	fprintf(out, "  \"summary\": {\"files\": %zu, \"projects\": %d, "
	    "\"indicators\": %d, \"errors\": %d, \"warnings\": %d, "
	    "\"infos\": %d}\n}\n", res->nfiles, res->projects,
	    res->indicators, res->totals.errors, res->totals.warnings,
	    res->totals.infos);
}

static void
json_free(struct reporter *r)
{
	struct json_state *st = r->state;

	if (st != NULL) {
		spill_free(st->spill);
		strbuf_free(&st->buf);
	}
	free(st);
	r->state = NULL;
}

void
report_json_init(struct reporter *r)
{
	r->lists_statistics = true;
	r->begin = json_begin;
	r->project = json_project;
	r->file = json_file;
	r->end = json_end;
	r->free = json_free;
}
