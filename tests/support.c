/* What the unit tests share: the recording sink, the capture reporter, CSV text built and run through the engine, and a few assertions. */
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
#include "model.h"
#include "read.h"
#include "report.h"
#include "rules.h"
#include "settings.h"
#include "util.h"

#include "support.h"

struct recorder		rec;
const struct read_sink	rec_sink = { &rec, rec_on_diag, rec_on_project };

struct seen_finding	seen[MAX_SEEN];
size_t			nseen;
struct seen_project	seen_projects[MAX_SEEN_PROJECTS];
size_t			nseen_projects;
struct counts		seen_totals;
int			seen_ends;
int			seen_status;

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
rec_on_diag(void *ctx, const struct read_diag *d)
{
	struct recorder *rc = ctx;
	struct rec_diag *r;

	rc->diag = xreallocarray(rc->diag, rc->ndiags + 1, sizeof(*rc->diag));
	r = &rc->diag[rc->ndiags++];
	r->rule = d->rule;
	r->loc = d->loc;
	r->field = d->field;
	r->goal = d->goal;
	r->project = dup_or_null(d->project);
	r->value = dup_or_null(d->value);
	r->a = dup_or_null(d->a);
	r->a_zh = dup_or_null(d->a_zh);
	r->in_project = d->in_project;
}

void
rec_on_project(void *ctx, struct project *p)
{
	struct recorder *rc = ctx;
	struct rec_project *r;
	size_t i;
	int k;

	rc->project = xreallocarray(rc->project, rc->nprojects + 1,
	    sizeof(*rc->project));
	r = &rc->project[rc->nprojects++];
	r->file = dup_or_null(p->file);
	for (k = 0; k < PROJECT_FIELDS; k++)
		r->text[k] = dup_or_null(p->text[k]);
	for (k = 0; k < FIELD_COUNT; k++) {
		r->loc[k] = p->loc[k];
		r->absent[k] = p->absent[k];
	}
	r->line = p->line;
	r->table = p->table;
	r->reappeared = p->reappeared;
	r->ngoals = p->ngoals;
	r->goal = xcalloc(p->ngoals + 1, sizeof(*r->goal));
	for (i = 0; i < p->ngoals; i++) {
		r->goal[i].number = p->goals[i].number;
		r->goal[i].text = dup_or_null(p->goals[i].text);
		r->goal[i].loc = p->goals[i].loc;
	}
	r->nind = p->nind;
	r->ind = xcalloc(p->nind + 1, sizeof(*r->ind));
	for (i = 0; i < p->nind; i++) {
		for (k = 0; k < INDICATOR_FIELDS; k++) {
			r->ind[i].text[k] = dup_or_null(p->ind[i].text[k]);
			r->ind[i].loc[k] = p->ind[i].loc[k];
		}
		r->ind[i].line = p->ind[i].line;
		r->ind[i].level1 = p->ind[i].level1;
		r->ind[i].level2 = p->ind[i].level2;
	}
	r->ndiags_before = rc->ndiags;
}

void
rec_clear(struct recorder *rc)
{
	size_t i, j;
	int k;

	for (i = 0; i < rc->ndiags; i++) {
		free(rc->diag[i].project);
		free(rc->diag[i].value);
		free(rc->diag[i].a);
		free(rc->diag[i].a_zh);
	}
	free(rc->diag);
	for (i = 0; i < rc->nprojects; i++) {
		struct rec_project *p = &rc->project[i];

		free(p->file);
		for (k = 0; k < PROJECT_FIELDS; k++)
			free(p->text[k]);
		for (j = 0; j < p->ngoals; j++)
			free(p->goal[j].text);
		free(p->goal);
		for (j = 0; j < p->nind; j++)
			for (k = 0; k < INDICATOR_FIELDS; k++)
				free(p->ind[j].text[k]);
		free(p->ind);
	}
	free(rc->project);
	memset(rc, 0, sizeof(*rc));
}

int
rec_setup(void **state)
{
	(void)state;
	rec_clear(&rec);
	return 0;
}

int
rec_teardown(void **state)
{
	(void)state;
	rec_clear(&rec);
	return 0;
}

size_t
rec_count(const struct recorder *rc, enum rule_id rule)
{
	size_t i, n = 0;

	for (i = 0; i < rc->ndiags; i++)
		if (rc->diag[i].rule == rule)
			n++;
	return n;
}

const struct rec_project *
project(size_t i)
{
	if (i >= rec.nprojects)
		fail_msg("project %zu not delivered (%zu projects)", i,
		    rec.nprojects);
	return &rec.project[i];
}

const char *
ind_text(size_t p, size_t i, enum field f)
{
	if (i >= project(p)->nind)
		fail_msg("project %zu has no indicator %zu (%zu indicators)",
		    p, i, project(p)->nind);
	return project(p)->ind[i].text[IND(f)];
}

void
copy_text(char *dst, size_t n, const char *src)
{
	int w = snprintf(dst, n, "%s", src != NULL ? src : "");

	if (w < 0 || (size_t)w >= n)
		fail_msg("captured text too long: %s", src);
}

static void
capture_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	struct seen_project *sp;

	(void)r;
	if (nseen_projects == MAX_SEEN_PROJECTS)
		fail_msg("more than %d projects", MAX_SEEN_PROJECTS);
	sp = &seen_projects[nseen_projects++];
	copy_text(sp->code, sizeof(sp->code), p->text[FIELD_CODE]);
	sp->line = p->line;
	sp->counts = *n;
}

static void
capture_end(struct reporter *r, const struct run_result *res)
{
	size_t i;

	(void)r;
	seen_ends++;
	if (res->nfindings > MAX_SEEN)
		fail_msg("%zu findings, more than %d", res->nfindings,
		    MAX_SEEN);
	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];
		struct seen_finding *s = &seen[i];

		s->rule = f->rule;
		s->severity = f->severity;
		s->line = f->loc.line;
		s->col = f->loc.col;
		copy_text(s->file, sizeof(s->file), f->file);
		copy_text(s->project, sizeof(s->project), f->project);
		copy_text(s->field, sizeof(s->field), f->field);
		copy_text(s->message, sizeof(s->message), f->message);
	}
	nseen = res->nfindings;
	seen_totals = res->totals;
}

void
put_csv_cell(struct strbuf *b, const char *s)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL) {
		strbuf_putc(b, '"');
		for (; *s != '\0'; s++) {
			if (*s == '"')
				strbuf_putc(b, '"');
			strbuf_putc(b, *s);
		}
		strbuf_putc(b, '"');
	} else
		strbuf_puts(b, s);
}

void
capture_reporter(struct reporter *rep, const struct settings *s)
{
	memset(rep, 0, sizeof(*rep));
	rep->settings = s;
	rep->project = capture_project;
	rep->end = capture_end;
}

size_t
run_csv_batch(const struct settings *s, const struct csv_input *in, size_t n)
{
	struct reporter rep;
	struct check *c;
	char *err = NULL;
	size_t i;

	capture_reporter(&rep, s);
	nseen = nseen_projects = 0;
	memset(&seen_totals, 0, sizeof(seen_totals));
	seen_ends = 0;
	seen_status = -1;
	c = check_new(s, &rep, &err);
	if (c == NULL) {
		char why[256];

		copy_text(why, sizeof(why), err);
		free(err);
		fail_msg("check_new: %s", why);
	}
	for (i = 0; i < n; i++) {
		struct read_sink sink = { c, check_sink_diag,
		    check_sink_project };
		const char *path = check_file_begin(c, in[i].path);

		check_file_format(c, "csv", "UTF-8");
		read_csv(path, in[i].text, strlen(in[i].text), &sink);
	}
	check_finish(c);
	seen_status = check_exit_status(c);
	check_free(c);
	assert_int_equal(seen_ends, 1);
	return nseen;
}

size_t
run_csv(const char *text, const struct settings *s)
{
	const struct csv_input in = { "t.csv", text };

	return run_csv_batch(s, &in, 1);
}

const char *
rendered(bool with_file)
{
	static char buf[4096];
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < nseen && len < sizeof(buf); i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "%s%s%s%s@%d:%d", i > 0 ? " " : "",
		    with_file ? seen[i].file : "", with_file ? ":" : "",
		    rule_get(seen[i].rule)->id, seen[i].line, seen[i].col);
	return buf;
}

size_t
seen_count(enum rule_id rule)
{
	size_t i, n = 0;

	for (i = 0; i < nseen; i++)
		if (seen[i].rule == rule)
			n++;
	return n;
}

void
expect_findings(const char *what, bool with_file, const char *want)
{
	if (strcmp(rendered(with_file), want) != 0)
		fail_msg("%s: findings \"%s\", want \"%s\"", what,
		    rendered(with_file), want);
}

void
expect_in_message(const struct seen_finding *f, const char *text,
    const char *what)
{
	if (text != NULL && *text != '\0' && strstr(f->message, text) == NULL)
		fail_msg("%s: %s message \"%s\" does not contain \"%s\"", what,
		    rule_get(f->rule)->id, f->message, text);
}

void
assert_loc(struct loc got, int line, int col, int table)
{
	assert_int_equal(got.line, line);
	assert_int_equal(got.col, col);
	assert_int_equal(got.table, table);
}

char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct strbuf b = {0};
	char chunk[8192];
	size_t n;

	if (fp == NULL)
		fail_msg("cannot open %s (run the tests from the repository "
		    "root)", path);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		strbuf_add(&b, chunk, n);
	assert_int_equal(ferror(fp), 0);
	fclose(fp);
	*len = b.len;
	return strbuf_take(&b);
}
