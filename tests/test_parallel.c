/* Unit tests for the parallel batch: the engine gets from -j N what a sequential run gives it. */
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
#include "parallel.h"
#include "read.h"
#include "report.h"
#include "run.h"
#include "settings.h"
#include "util.h"

#include "support.h"

/* The same file named in several ways is several inputs here: the
 * engine sees each (walk.c, not the batch, drops repeats). */
static char *const inputs[] = {
	"data/chengde-2021/targets.csv",
	"data/chengde-2021/targets.xlsx",
	"data/chengde-2021/targets.docx",
	"./data/chengde-2021/targets.csv",	/* PB005 across inputs */
	"data/chengde-2021/missing.csv",	/* unreadable */
	"data/chengde-2021/targets-gb18030.csv",
	"data/chengde-2021/targets.txt",
	"data/chengde-2021/targets-form.csv",
	"data/chengde-2021/targets-form.xlsx",
	"data/layouts/national-2015/shenbao.docx",	/* PB010 */
	"data/layouts/central-disclosure/disclosure.xlsx",
	"data/layouts/provincial-gansu/mubiao-form.csv",
};

static const struct settings *
same_settings(void *ctx, size_t i, struct settings *own, bool *owned)
{
	(void)i;
	(void)own;
	*owned = false;
	return ctx;
}

/*
 * The report in format of the inputs checked with jobs workers (0: by
 * run_input(), no batch), and the run's exit status; caller frees.
 */
static char *
report(const char *format, int jobs, int *status)
{
	struct settings s;
	struct reporter rep;
	struct check *c;
	struct batch *b = NULL;
	char *buf = NULL, *err;
	size_t len = 0, i;
	FILE *fp;

	settings_init(&s);
	s.lang = LANG_EN;
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_true(report_init(&rep, format, fp, &s, false));
	assert_non_null(c = check_new(&s, &rep, &err));
	if (jobs > 0)
		b = batch_new(inputs, NELEM(inputs), jobs, ENC_AUTO, &s,
		    same_settings, &s, NULL);
	for (i = 0; i < NELEM(inputs); i++) {
		int rc = b != NULL ? batch_input(b, i, c, &err) :
		    run_input(c, inputs[i], ENC_AUTO, &err);

		assert_int_equal(rc, i == 4 ? -1 : 0);
		free(err);
	}
	batch_free(b);
	check_finish(c);
	*status = check_exit_status(c);
	check_free(c);
	if (rep.free != NULL)
		rep.free(&rep);
	fclose(fp);
	settings_free(&s);
	return buf;
}

/* Every format: -j 1, 2 and 5 give the bytes of run_input() in turn. */
static void
test_batch_same_report(void **state)
{
	static const char *const formats[] = { "text", "json", "junit",
	    "sarif", "csv", "html", "github", "gitlab" };
	size_t f;
	int j, want, got;

	(void)state;
	for (f = 0; f < NELEM(formats); f++) {
		char *seq = report(formats[f], 0, &want);

		assert_int_equal(want, 2);
		for (j = 1; j <= 5; j += j < 2 ? 1 : 3) {
			char *par = report(formats[f], j, &got);

			assert_int_equal(got, want);
			assert_string_equal(par, seq);
			free(par);
		}
		free(seq);
	}
}

/* A worker's engine keeps PB010 first and gates nothing: an [ignore]
 * entry of its settings does not remove a finding there. */
static void
test_worker_engine_keeps_findings(void **state)
{
	struct settings s;
	struct finding *f;
	struct check *w;
	struct project p;
	size_t n, nlayout, i;
	char *err;

	(void)state;
	settings_init(&s);
	assert_non_null(w = check_new_worker(&s, &err));
	check_worker_file(w);
	/* A project of a layout without codes or a plan: PB010 twice. */
	memset(&p, 0, sizeof(p));
	p.file = "t.docx";
	p.line = 3;
	for (i = 0; i < PROJECT_FIELDS; i++)
		p.text[i] = xstrdup("");
	p.absent[FIELD_CODE] = true;
	for (i = FIELD_PLAN_MAR; i <= FIELD_PLAN_DEC; i++)
		p.absent[i] = true;
	project_finish(&p);
	check_sink_project(w, &p);
	f = check_worker_take(w, &n, &nlayout);
	assert_int_equal(nlayout, 2);
	assert_true(n > nlayout);
	for (i = 0; i < nlayout; i++)
		assert_int_equal(f[i].rule, RULE_PB010);
	for (; i < n; i++) {
		assert_int_not_equal(f[i].rule, RULE_PB010);
		assert_null(f[i].key);	/* not gated */
	}
	check_findings_free(f, n);
	/* The next input says PB010 again. */
	check_worker_file(w);
	check_sink_project(w, &p);
	f = check_worker_take(w, &n, &nlayout);
	assert_int_equal(nlayout, 2);
	check_findings_free(f, n);
	/* Not again within the input. */
	check_sink_project(w, &p);
	f = check_worker_take(w, &n, &nlayout);
	assert_int_equal(nlayout, 0);
	check_findings_free(f, n);
	project_free(&p);
	check_free(w);
	settings_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_same_report),
		cmocka_unit_test(test_worker_engine_keeps_findings),
	};

	read_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
