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

struct junit_state {
	struct junit_row	*rows;
	size_t			 nrows;
};

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

	st->rows = xreallocarray(st->rows, st->nrows + 1, sizeof(*st->rows));
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
    const char *name, long seq, const struct run_result *res)
{
	struct strbuf failing = {0}, other = {0};
	size_t i;
	int nfail = 0;
	char *msg;

	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];
		struct strbuf *b;

		if (f->file != file || f->seq != seq)
			continue;
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
case_fails(const struct reporter *r, const char *file, long seq,
    const struct run_result *res)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		if (res->findings[i].file == file &&
		    res->findings[i].seq == seq && fails(r, &res->findings[i]))
			return 1;
	return 0;
}

static void
write_suite(struct reporter *r, xmlTextWriterPtr w,
    const struct file_info *f, const struct run_result *res)
{
	struct junit_state *st = r->state;
	size_t i;
	long tests = 1, failures = 0;
	char *msg;

	failures += case_fails(r, f->path, -1, res);
	for (i = 0; i < st->nrows; i++)
		if (st->rows[i].file == f->path) {
			tests++;
			failures += case_fails(r, f->path, st->rows[i].seq,
			    res);
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
		write_case(r, w, f->path, f->path, -1, res);
	for (i = 0; i < st->nrows; i++)
		if (st->rows[i].file == f->path)
			write_case(r, w, f->path, st->rows[i].name,
			    st->rows[i].seq, res);
	xmlTextWriterEndElement(w);
}

static void
junit_end(struct reporter *r, const struct run_result *res)
{
	xmlOutputBufferPtr buf;
	xmlTextWriterPtr w;
	size_t i;
	long tests = 0, failures = 0, errors = 0;
	struct junit_state *st = r->state;

	buf = xmlOutputBufferCreateFile(r->out, NULL);
	if (buf == NULL || (w = xmlNewTextWriter(buf)) == NULL) {
		fputs("pbcheck: cannot start the XML writer\n", stderr);
		return;
	}
	for (i = 0; i < res->nfiles; i++) {
		size_t k;

		tests += 1;
		failures += case_fails(r, res->files[i].path, -1, res);
		errors += res->files[i].unreadable;
		for (k = 0; k < st->nrows; k++)
			if (st->rows[k].file == res->files[i].path) {
				tests++;
				failures += case_fails(r, res->files[i].path,
				    st->rows[k].seq, res);
			}
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
		write_suite(r, w, &res->files[i], res);
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
