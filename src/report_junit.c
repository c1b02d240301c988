/* JUnit XML reporter (SPEC 5.3) on libxml2's writer: a testsuite per file, a testcase per project. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "check.h"
#include "model.h"
#include "report.h"
#include "rules.h"
#include "text.h"
#include "util.h"

struct junit_row {
	const char	*file;
	long		 seq;
	char		*name;		/* code and name */
};

/* A finding's place among the test cases: project seq, then file. */
struct junit_key {
	long		 seq;
	size_t		 file;		/* index in the run's files */
	size_t		 i;		/* index in the sorted findings */
};

struct junit_state {
	struct junit_row	*rows;
	size_t			 nrows;
	/* The findings by test case, built once at the end: each case's
	 * findings are one range, found by binary search. */
	struct junit_key	*keys;
	size_t			 nkeys;
	size_t			*rowfile;	/* each row's file index */
	size_t			 cursor;	/* first row of the next suite */
};

static int
key_cmp(const void *va, const void *vb)
{
	const struct junit_key *a = va, *b = vb;

	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* The index of the file whose path string is file (findings and rows
 * point at the run's own copy). */
static size_t
file_index(const struct run_result *res, const char *file)
{
	size_t i;

	for (i = 0; i < res->nfiles; i++)
		if (res->files[i].path == file)
			return i;
	return res->nfiles;
}

/* The first key of a test case, and how many it has. */
static const struct junit_key *
case_range(const struct junit_state *st, long seq, size_t file, size_t *n)
{
	size_t lo = 0, hi = st->nkeys, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (st->keys[mid].seq < seq || (st->keys[mid].seq == seq &&
		    st->keys[mid].file < file))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (*n = 0; lo + *n < st->nkeys && st->keys[lo + *n].seq == seq &&
	    st->keys[lo + *n].file == file; (*n)++)
		;
	return st->keys + lo;
}

static void
junit_begin(struct reporter *r)
{
	r->state = xcalloc(1, sizeof(struct junit_state));
}

static void
junit_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	struct junit_state *st = r->state;
	struct junit_row *row;

	/* Rows come in delivery order, the order of their seq. */
	/* Grown to the next power of two when nrows reaches one. */
	if (st->nrows == 0 || (st->nrows >= 8 &&
	    (st->nrows & (st->nrows - 1)) == 0))
		st->rows = xreallocarray(st->rows, st->nrows == 0 ? 8 :
		    2 * st->nrows, sizeof(*st->rows));
	row = &st->rows[st->nrows++];
	row->file = p->file;
	row->seq = n->seq;
	/* A layout without codes (SPEC 2.2): the name alone. */
	if (p->absent[FIELD_CODE])
		row->name = xstrdup(p->text[FIELD_NAME]);
	else
		row->name = xasprintf("%s %s", *p->text[FIELD_CODE] ?
		    p->text[FIELD_CODE] : "-", p->text[FIELD_NAME]);
}

/*
 * XML 1.0 cannot carry C0 controls other than tab, LF and CR, not even as
 * character references, so they become U+FFFD, and so do the other
 * controls a terminal or a browser acts on (DEL, C1, bidirectional
 * overrides); bytes that are not UTF-8 (a GBK file name) become U+FFFD
 * first. The writer escapes the rest.
 */
static char *
xml_clean(const char *s)
{
	struct strbuf b = {0};
	char *clean = text_utf8_clean(s);
	size_t i, n = strlen(clean), len;
	uint32_t cp;

	for (i = 0; i < n; i += len) {
		cp = text_utf8_decode(clean + i, n - i, &len);
		if ((text_is_control(cp) && cp != '\t' && cp != '\n' &&
		    cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
			strbuf_puts(&b, "\xEF\xBF\xBD");
		else
			strbuf_add(&b, clean + i, len);
	}
	free(clean);
	return strbuf_take(&b);
}

static void
attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	char *v = xml_clean(value);

	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST v);
	free(v);
}

static void
attr_int(xmlTextWriterPtr w, const char *name, long value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", value);
	attr(w, name, buf);
}

static void
text(xmlTextWriterPtr w, const char *s)
{
	char *v = xml_clean(s);

	xmlTextWriterWriteString(w, BAD_CAST v);
	free(v);
}

static bool
fails(const struct reporter *r, const struct finding *f)
{
	return r->settings->fail_on != SEV_OFF &&
	    f->severity >= r->settings->fail_on;
}

/* One testcase: the findings of one project (or of the file itself). */
static bool
write_case(struct reporter *r, xmlTextWriterPtr w, const char *file,
    size_t fileno, const char *name, long seq, const struct run_result *res)
{
	struct strbuf failing = {0}, other = {0};
	const struct junit_key *k;
	size_t i, n;
	int nfail = 0;
	char *msg;

	k = case_range(r->state, seq, fileno, &n);
	for (i = 0; i < n; i++) {
		const struct finding *f = &res->findings[k[i].i];
		struct strbuf *b;

		b = fails(r, f) ? &failing : &other;
		nfail += fails(r, f);
		strbuf_printf(b, "%s:%d:%d: %s: %s [%s]\n", f->file,
		    f->loc.line, f->loc.col, severity_name(f->severity),
		    f->message, rule_get(f->rule)->id);
	}
	xmlTextWriterStartElement(w, BAD_CAST "testcase");
	attr(w, "classname", file);
	attr(w, "name", name);
	if (nfail > 0) {
		xmlTextWriterStartElement(w, BAD_CAST "failure");
		msg = xasprintf("%d finding%s at or above %s", nfail,
		    nfail == 1 ? "" : "s", severity_name(r->settings->fail_on));
		attr(w, "message", msg);
		free(msg);
		attr(w, "type", "pbcheck");
		text(w, failing.data);
		xmlTextWriterEndElement(w);
	}
	if (other.len > 0) {
		xmlTextWriterStartElement(w, BAD_CAST "system-out");
		text(w, other.data);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
	strbuf_free(&failing);
	strbuf_free(&other);
	return nfail > 0;
}

static int
case_fails(const struct reporter *r, size_t fileno, long seq,
    const struct run_result *res)
{
	const struct junit_key *k;
	size_t i, n;

	k = case_range(r->state, seq, fileno, &n);
	for (i = 0; i < n; i++)
		if (fails(r, &res->findings[k[i].i]))
			return 1;
	return 0;
}

static void
write_suite(struct reporter *r, xmlTextWriterPtr w, size_t fileno,
    const struct run_result *res)
{
	const struct file_info *f = &res->files[fileno];
	struct junit_state *st = r->state;
	size_t i, first, end;
	long tests = 1, failures = 0;
	char *msg;

	/* This file's rows: the ones from the cursor on with its index. */
	first = st->cursor;
	while (first < st->nrows && st->rowfile[first] < fileno)
		first++;
	for (end = first; end < st->nrows && st->rowfile[end] == fileno; end++)
		;
	st->cursor = end;
	failures += case_fails(r, fileno, -1, res);
	for (i = first; i < end; i++) {
		tests++;
		failures += case_fails(r, fileno, st->rows[i].seq, res);
	}
	xmlTextWriterStartElement(w, BAD_CAST "testsuite");
	attr(w, "name", f->path);
	attr_int(w, "tests", tests);
	attr_int(w, "failures", failures);
	attr_int(w, "errors", f->unreadable ? 1 : 0);
	attr_int(w, "skipped", 0);
	attr(w, "file", f->path);
	if (f->unreadable) {
		xmlTextWriterStartElement(w, BAD_CAST "testcase");
		attr(w, "classname", f->path);
		attr(w, "name", f->path);
		xmlTextWriterStartElement(w, BAD_CAST "error");
		msg = f->error != NULL ?
		    xasprintf("the file cannot be opened or read: %s",
		    f->error) : xstrdup("the file cannot be opened or read");
		attr(w, "message", msg);
		free(msg);
		attr(w, "type", "unreadable");
		xmlTextWriterEndElement(w);
		xmlTextWriterEndElement(w);
	} else
		write_case(r, w, f->path, fileno, f->path, -1, res);
	for (i = first; i < end; i++)
		write_case(r, w, f->path, fileno, st->rows[i].name,
		    st->rows[i].seq, res);
	xmlTextWriterEndElement(w);
}

static void
junit_end(struct reporter *r, const struct run_result *res)
{
	xmlOutputBufferPtr buf;
	xmlTextWriterPtr w;
	size_t i, k;
	long tests = 0, failures = 0, errors = 0;
	struct junit_state *st = r->state;

	buf = xmlOutputBufferCreateFile(r->out, NULL);
	if (buf == NULL || (w = xmlNewTextWriter(buf)) == NULL) {
		fputs("pbcheck: cannot start the XML writer\n", stderr);
		return;
	}
	/* One sort instead of a scan of every finding per test case. */
	st->keys = xreallocarray(NULL, res->nfindings + 1, sizeof(*st->keys));
	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];

		/* Consecutive findings are mostly of one file. */
		if (i == 0 || f->file != res->findings[i - 1].file)
			st->keys[i].file = file_index(res, f->file);
		else
			st->keys[i].file = st->keys[i - 1].file;
		st->keys[i].seq = f->seq;
		st->keys[i].i = i;
	}
	st->nkeys = res->nfindings;
	if (st->nkeys > 1)
		qsort(st->keys, st->nkeys, sizeof(*st->keys), key_cmp);
	/* Rows come file by file, in the order of the files. */
	st->rowfile = xreallocarray(NULL, st->nrows + 1,
	    sizeof(*st->rowfile));
	for (i = 0, k = 0; i < st->nrows; i++) {
		if (k >= res->nfiles || res->files[k].path != st->rows[i].file)
			k = file_index(res, st->rows[i].file);
		st->rowfile[i] = k;
	}
	st->cursor = 0;
	for (i = 0; i < res->nfiles; i++) {
		tests += 1;
		failures += case_fails(r, i, -1, res);
		errors += res->files[i].unreadable;
	}
	for (i = 0; i < st->nrows; i++) {
		tests++;
		failures += case_fails(r, st->rowfile[i], st->rows[i].seq,
		    res);
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "testsuites");
	attr(w, "name", "pbcheck");
	attr_int(w, "tests", tests);
	attr_int(w, "failures", failures);
	attr_int(w, "errors", errors);
	for (i = 0; i < res->nfiles; i++)
		write_suite(r, w, i, res);
	xmlTextWriterEndElement(w);
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);	/* flushes; r->out stays open */
}

static void
junit_free(struct reporter *r)
{
	struct junit_state *st = r->state;
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nrows; i++)
		free(st->rows[i].name);
	free(st->rows);
	free(st->keys);
	free(st->rowfile);
	free(st);
	r->state = NULL;
}

void
report_junit_init(struct reporter *r)
{
	r->begin = junit_begin;
	r->project = junit_project;
	r->end = junit_end;
	r->free = junit_free;
}
