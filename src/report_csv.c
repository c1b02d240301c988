/* Canonical CSV writer (SPEC 5.5): the model written back as SPEC 2.1 CSV, a converter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "report.h"
#include "text.h"
#include "util.h"

/*
 * The number of 目标 columns is only known at the end, so rows are kept
 * as text (without the goal cells) and written then.
 */
struct csv_state {
	struct strbuf	 head;		/* per row: project cells before goals */
	char		**rows;		/* before-goals part of each row */
	char		**goals;	/* goal cells of each row, joined */
	int		*ngoals;	/* goal cells in each row */
	char		**tails;	/* indicator part of each row */
	size_t		 nrows;
	int		 maxgoal;
};

/* RFC 4180: quoted when it holds a comma, a quote, a line break or edge
 * spaces; quotes doubled. The one place CSV escaping happens. The file is
 * UTF-8 (SPEC 5.5): a byte that is not becomes U+FFFD. Controls are data
 * here and are kept, so that reading the file again gives the same cells. */
static void
csv_cell(struct strbuf *b, const char *text, bool first)
{
	char *clean = text_utf8_clean(text), *s = clean;
	bool quote = s[0] == ' ' || (s[0] != '\0' && s[strlen(s) - 1] == ' ') ||
	    strpbrk(s, ",\"\r\n") != NULL;

	if (!first)
		strbuf_putc(b, ',');
	if (!quote) {
		strbuf_puts(b, s);
		free(clean);
		return;
	}
	strbuf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			strbuf_putc(b, '"');
		strbuf_putc(b, *s);
	}
	strbuf_putc(b, '"');
	free(clean);
}

static void
csv_begin(struct reporter *r)
{
	r->state = xcalloc(1, sizeof(struct csv_state));
}

static void
add_row(struct csv_state *st, const struct project *p,
    const struct indicator *in)
{
	struct strbuf a = {0}, g = {0}, t = {0};
	size_t i;
	int f, n = 0, k;

	/* A field the layout lacks (SPEC 2.2) is written as an empty cell:
	 * canonical CSV has every column and cannot say "absent". */
	for (f = 0; f < PROJECT_FIELDS; f++)
		csv_cell(&a, p->text[f], f == 0);
	/* Goals by number: 目标N goes to the N-th goal column. */
	for (i = 0; i < p->ngoals; i++)
		if (p->goals[i].number > n)
			n = p->goals[i].number;
	for (k = 1; k <= n; k++) {
		const char *text = "";

		for (i = 0; i < p->ngoals; i++)
			if (p->goals[i].number == k)
				text = p->goals[i].text;
		csv_cell(&g, text, false);
	}
	for (f = FIELD_LEVEL1; f <= FIELD_BASIS; f++)
		csv_cell(&t, in != NULL ? in->text[IND(f)] : "", false);
	st->rows = xreallocarray(st->rows, st->nrows + 1, sizeof(*st->rows));
	st->goals = xreallocarray(st->goals, st->nrows + 1,
	    sizeof(*st->goals));
	st->ngoals = xreallocarray(st->ngoals, st->nrows + 1,
	    sizeof(*st->ngoals));
	st->tails = xreallocarray(st->tails, st->nrows + 1,
	    sizeof(*st->tails));
	st->rows[st->nrows] = strbuf_take(&a);
	st->goals[st->nrows] = strbuf_take(&g);
	st->ngoals[st->nrows] = n;
	st->tails[st->nrows] = strbuf_take(&t);
	st->nrows++;
	if (n > st->maxgoal)
		st->maxgoal = n;
}

static void
csv_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	struct csv_state *st = r->state;
	size_t i;

	(void)n;
	/* A project without indicators keeps a row of project cells. */
	if (p->nind == 0)
		add_row(st, p, NULL);
	for (i = 0; i < p->nind; i++)
		add_row(st, p, &p->ind[i]);
}

static void
csv_end(struct reporter *r, const struct run_result *res)
{
	struct csv_state *st = r->state;
	struct strbuf h = {0};
	size_t i;
	int f, k, maxgoal = st->maxgoal > 0 ? st->maxgoal : 1;

	(void)res;
	for (f = 0; f < PROJECT_FIELDS; f++)
		csv_cell(&h, field_name_zh((enum field)f), f == 0);
	for (k = 1; k <= maxgoal; k++) {
		char name[32];

		snprintf(name, sizeof(name), "目标%d", k);
		csv_cell(&h, name, false);
	}
	for (f = FIELD_LEVEL1; f <= FIELD_BASIS; f++)
		csv_cell(&h, field_name_zh((enum field)f), false);
	fprintf(r->out, "%s\n", h.data);
	strbuf_free(&h);
	for (i = 0; i < st->nrows; i++) {
		fputs(st->rows[i], r->out);
		fputs(st->goals[i], r->out);
		for (k = st->ngoals[i]; k < maxgoal; k++)
			fputc(',', r->out);
		fprintf(r->out, "%s\n", st->tails[i]);
	}
}

static void
csv_free(struct reporter *r)
{
	struct csv_state *st = r->state;
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nrows; i++) {
		free(st->rows[i]);
		free(st->goals[i]);
		free(st->tails[i]);
	}
	free(st->rows);
	free(st->goals);
	free(st->ngoals);
	free(st->tails);
	strbuf_free(&st->head);
	free(st);
	r->state = NULL;
}

void
report_csv_init(struct reporter *r)
{
	r->begin = csv_begin;
	r->project = csv_project;
	r->end = csv_end;
	r->free = csv_free;
}
