/* Unit tests for the streamed CSV path (SPEC 2.1 Streaming): decode.c's
 * decoder feeding read_csv.c's csv_reader in pieces. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "model.h"
#include "read.h"
#include "rules.h"
#include "util.h"

#include "support.h"

#define HEADER	"项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底," \
		"10月底,12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述," \
		"指标值,指标值确定依据"
#define ROW(code, l3) code ",项目,10,10,,用途,25,50,75,100,目标,产出指标," \
		"数量指标," l3 ",描述,=1次,工作计划"

/* What a recorder holds, as one string to compare. */
static void
dump(const struct recorder *rc, struct strbuf *b)
{
	size_t i;

	for (i = 0; i < rc->ndiags; i++)
		strbuf_printf(b, "%s %d:%d %s|%s|%s\n",
		    rule_get(rc->diag[i].rule)->id, rc->diag[i].loc.line,
		    rc->diag[i].loc.col, rc->diag[i].project ?
		    rc->diag[i].project : "-", rc->diag[i].value ?
		    rc->diag[i].value : "-", rc->diag[i].a ? rc->diag[i].a :
		    "-");
	for (i = 0; i < rc->nprojects; i++) {
		const struct rec_project *p = &rc->project[i];
		size_t k, f;

		strbuf_printf(b, "project [%s] line %d, %zu indicators, %zu "
		    "findings before\n", p->text[FIELD_CODE], p->line,
		    p->nind, p->ndiags_before);
		/* Every text as read, between brackets: trimmed and cut
		 * where the reader trims and cuts them. */
		for (f = 0; f < PROJECT_FIELDS; f++)
			strbuf_printf(b, " [%s]", p->text[f] ? p->text[f] :
			    "(null)");
		for (k = 0; k < p->nind; k++)
			for (f = 0; f < INDICATOR_FIELDS; f++)
				strbuf_printf(b, " [%s]", p->ind[k].text[f] ?
				    p->ind[k].text[f] : "(null)");
		strbuf_putc(b, '\n');
	}
}

/* Reads bytes through a decoder fed in pieces of step into a csv_reader;
 * appends what it delivered and the invalid bytes' positions to out. */
static void
stream(const char *in, size_t n, size_t step, bool threaded,
    struct strbuf *out)
{
	struct recorder rc = {0};
	struct read_sink sink = { &rc, rec_on_diag, rec_on_project };
	struct decode_sink ds;
	struct csv_reader *r = csv_reader_new("t.csv", &sink);
	struct decoder *d = decoder_new(ENC_UTF8, &ds);
	struct decoded bad;
	char *err = NULL;
	size_t off, k, i;

	csv_reader_sink(r, &ds);
	if (threaded)
		csv_reader_threaded(r);
	assert_int_equal(decoder_start(d, in, n, step >= n, &err), 0);
	for (off = 0; off < n; off += k) {
		k = n - off < step ? n - off : step;
		decoder_feed(d, in + off, k);
	}
	decoder_end(d);
	decoder_free(d);
	strbuf_puts(out, csv_reader_end(r, &bad));
	strbuf_putc(out, '\n');
	for (i = 0; i < bad.nbad; i++)
		strbuf_printf(out, "bad %d:%d %02X\n", bad.bad[i].line,
		    bad.bad[i].col, bad.bad[i].first);
	strbuf_printf(out, "bad in all %zu\n", bad.nbad_total);
	free(bad.bad);
	dump(&rc, out);
	rec_clear(&rc);
}

/* The same read the way it was before streaming: decoded whole, read
 * whole, positions from read_csv_bad_positions(). */
static void
whole(const char *in, size_t n, struct strbuf *out)
{
	struct recorder rc = {0};
	struct read_sink sink = { &rc, rec_on_diag, rec_on_project };
	struct decoded d;
	char *err = NULL;
	size_t i;

	assert_int_equal(decode_bytes(in, n, ENC_UTF8, &d, &err), 0);
	strbuf_puts(out, read_csv("t.csv", d.text, d.len, &sink));
	strbuf_putc(out, '\n');
	read_csv_bad_positions(d.text, d.len, d.bad, d.nbad);
	for (i = 0; i < d.nbad; i++)
		strbuf_printf(out, "bad %d:%d %02X\n", d.bad[i].line,
		    d.bad[i].col, d.bad[i].first);
	strbuf_printf(out, "bad in all %zu\n", d.nbad_total);
	decoded_free(&d);
	dump(&rc, out);
	rec_clear(&rc);
}

/*
 * Read in pieces of every size (line ends, CRLF pairs and characters cut
 * anywhere), a file gives the projects, findings and invalid-byte
 * positions that reading it whole gave: after a syntax error, after a
 * header that stops the read, in quoted line breaks, on blank lines.
 */
static void
test_csv_stream_pieces_same_as_whole(void **state)
{
	static const char *const cases[] = {
		HEADER "\n" ROW("A-1", "a") "\n" ROW("A-1", "b\xff") "\n"
		    ROW("B-2", "c") "\n",
		HEADER "\r\n" ROW("A-1", "\"x\r\ny\xfe\"") "\r\n\r\n  \r\n"
		    ROW("B-2", "c") "\r" ROW("A-1", "d") "\r",
		HEADER "\n" ROW("A-1", "a") "\n" ROW("B-2", "c\"d") "\n"
		    "\xff,\"\xfe\n\xfd\"\n" ROW("C-3", "e"),
		HEADER "\n" ROW("A-1", "\"a\"x") "\n\xff\n",
		HEADER "\n" ROW("A-1", "\"open \xff\n\n more"),
		"项目编码,项目名称,预算数,财政资金,资金用途\n\xff,\"\xfe\n\"\n"
		    "a,\xfd\n",
		"  \n\xff\xfe\n 2021年度预算项目绩效目标表\n" HEADER ",extra\n"
		    ROW("A-1", "a") ",,, x ,\xff\n" ROW("A-1", "b") ",,\n",
		HEADER "\n" ROW("A-1", "a") "\n" ROW("A-1", "a") "\n\x00\n",
		"",
		"\n\n",
		/* A CR, then an invalid byte, then later an LF alone. */
		"\r\t\"\n\xff,\r\n\xcf\xee测\r\xff\xcf\xee\xcf\xee\n, 571-0101"
		    "\xcf\xee\t\n",
	};
	struct strbuf a = {0}, b = {0};
	size_t i, n, step;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		n = strlen(cases[i]) + (i == 7 ? 3 : 0);
		a.len = 0;
		whole(cases[i], n, &a);
		for (step = 1; step <= n + 1; step++) {
			b.len = 0;
			stream(cases[i], n, step, step % 2 == 0, &b);
			if (strcmp(a.data, b.data) != 0)
				fail_msg("case %zu, pieces of %zu%s:\n%s\n"
				    "whole:\n%s", i, step, step % 2 == 0 ?
				    ", rows read in a thread" : "", b.data,
				    a.data);
		}
	}
	strbuf_free(&a);
	strbuf_free(&b);
}

/*
 * Rows read and checked in a thread of their own (rowpipe.h) while the
 * next are parsed: many batches of them, a queue that fills, rows of
 * every size up to one long cell, findings between rows, a syntax error
 * near the end: the same projects and findings, in the same order, as
 * read by one thread.
 */
static void
test_csv_stream_threaded_same(void **state)
{
	struct strbuf in = {0}, a = {0}, b = {0}, big = {0};
	size_t i, k;

	(void)state;
	for (k = 0; k < 200000; k++)
		strbuf_putc(&big, (char)('a' + k % 26));
	strbuf_puts(&in, HEADER "\n");
	for (i = 0; i < 6000; i++) {
		/* Cells with white space at their ends, trimmed by the
		 * parsing thread: ASCII, U+3000, in quotes. */
		strbuf_printf(&in, "%sC-%zu,%s,10,10,,用途,25,50,75,100,"
		    "目标,产出指标%s,数量指标,%s,描述,=1次,工作计划\n",
		    i % 5 == 0 ? " " : "", i / 3, i % 11 == 0 ? "\"项目 \"" :
		    i % 3 == 0 ? "项目\xe3\x80\x80" : "项目",
		    i % 13 == 0 ? "\xe3\x80\x80" : "",
		    i == 4000 ? big.data : i % 7 == 0 ? "\" x\ny \"" : "l3");
		if (i % 997 == 0)
			strbuf_puts(&in, "\n,,,,,\xff\n");
		if (i % 1500 == 0)
			strbuf_printf(&in, "C-%zu,项目,11\n", i / 3);
	}
	strbuf_puts(&in, "C-x,\"a\"b,1\nC-y,2\n");
	whole(in.data, in.len, &a);
	for (k = 0; k < 3; k++) {
		b.len = 0;
		stream(in.data, in.len, k == 0 ? in.len : k == 1 ? 65536 : 777,
		    true, &b);
		assert_string_equal(a.data, b.data);
	}
	strbuf_free(&in);
	strbuf_free(&a);
	strbuf_free(&b);
	strbuf_free(&big);
}

/* Cells past the header's width are not kept, but a row whose only text
 * is past it is still a row (not skipped as blank). */
static void
test_csv_stream_cells_past_header(void **state)
{
	const char *csv = HEADER "\n" ROW("A-1", "a") "\n"
	    ",,,,,,,,,,,,,,,,," "x\n";

	(void)state;
	rec_clear(&rec);
	read_csv("t.csv", csv, strlen(csv), &rec_sink);
	assert_int_equal(rec.nprojects, 1);
	/* The row of x is read, as a project column row (no 项目编码). */
	assert_int_equal(rec.project[0].nind, 1);
	assert_int_equal(rec_count(&rec, RULE_PB001), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_csv_stream_pieces_same_as_whole, rec_setup,
		    rec_teardown),
		cmocka_unit_test_setup_teardown(
		    test_csv_stream_threaded_same, rec_setup, rec_teardown),
		cmocka_unit_test_setup_teardown(
		    test_csv_stream_cells_past_header, rec_setup,
		    rec_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
