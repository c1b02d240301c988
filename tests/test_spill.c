/* Unit tests for the spill: runs of findings given back merged in the engine's finding order, with the separators, a record larger than a read buffer, and the findings the engine kept. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report.h"
#include "spill.h"
#include "util.h"

/* A record: "file:line:order", or a long one where the line is 0. */
static void
put(const struct reporter *r, struct strbuf *b, const char *file,
    const struct finding *f)
{
	size_t i;

	(void)r;
	strbuf_printf(b, "%s:%d:%zu", file, f->loc.line, f->order);
	if (f->loc.line == 0)
		for (i = 0; i < 40000; i++)
			strbuf_putc(b, (char)('a' + i % 26));
}

static struct finding
at(const char *file, int line, size_t order)
{
	struct finding f;

	memset(&f, 0, sizeof(f));
	f.file = file;
	f.loc.line = line;
	f.order = order;
	return f;
}

static char *
copy(struct spill *sp, struct reporter *r, const struct finding *kept,
    size_t nkept)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	r->out = out;
	assert_int_equal(spill_copy_with(sp, r, kept, nkept, r->file, "[",
	    ","), 0);
	assert_int_equal(fclose(out), 0);
	return buf;
}

/* The spill of the file() calls, for spill_copy_with(). */
static struct spill *the_spill;

static void
file(struct reporter *r, const struct finding *f, size_t n)
{
	spill_findings(the_spill, r, f[0].file, f, n, put);
}

/* Runs of two files, one of them named twice (two inputs of one name),
 * come back by name, then line, then order; runs of a file merged. */
static void
test_spill_merges_runs(void **state)
{
	char a2[] = "a.csv";		/* another input of the same name */
	struct finding b1[] = { at("b.csv", 1, 0), at("b.csv", 5, 1),
	    at("b.csv", 9, 2) };
	struct finding a[] = { at("a.csv", 2, 3), at("a.csv", 3, 4) };
	struct finding b2[] = { at("b.csv", 2, 5), at("b.csv", 6, 6) };
	struct finding a2f[] = { at(a2, 1, 7), at(a2, 3, 8) };
	struct reporter r;
	char *got;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.file = file;
	the_spill = spill_new();
	file(&r, b1, 3);
	file(&r, a, 2);
	file(&r, b2, 2);
	file(&r, a2f, 2);
	assert_int_equal(spill_count(the_spill), 9);
	got = copy(the_spill, &r, NULL, 0);
	assert_string_equal(got, "[a.csv:1:7,a.csv:2:3,a.csv:3:4,a.csv:3:8,"
	    "b.csv:1:0,b.csv:2:5,b.csv:5:1,b.csv:6:6,b.csv:9:2");
	free(got);
	spill_free(the_spill);
}

/* The findings the engine kept (sorted, of several files) merge with the
 * spilled ones; a record of 40 KB comes back whole; no record, nothing. */
static void
test_spill_kept_and_long(void **state)
{
	struct finding b[] = { at("b.csv", 0, 0), at("b.csv", 4, 1) };
	struct finding kept[] = { at("a.csv", 7, 2), at("b.csv", 2, 3),
	    at("c.csv", 1, 4) };
	struct reporter r;
	struct strbuf want = {0};
	char *got;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.file = file;
	the_spill = spill_new();
	got = copy(the_spill, &r, NULL, 0);
	assert_string_equal(got, "");
	free(got);
	spill_free(the_spill);

	the_spill = spill_new();
	file(&r, b, 2);
	got = copy(the_spill, &r, kept, 3);
	strbuf_puts(&want, "[a.csv:7:2,");
	put(&r, &want, "b.csv", &b[0]);
	strbuf_puts(&want, ",b.csv:2:3,b.csv:4:1,c.csv:1:4");
	assert_string_equal(got, want.data);
	free(got);
	strbuf_free(&want);
	spill_free(the_spill);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spill_merges_runs),
		cmocka_unit_test(test_spill_kept_and_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
