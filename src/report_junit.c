/* JUnit XML reporter (SPEC 5.3) on libxml2's writer: a testsuite per file, a testcase per project, written as the findings come. */
#include <sys/types.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>

#include "check.h"
#include "model.h"
#include "report.h"
#include "rules.h"
#include "text.h"
#include "tmpstore.h"
#include "util.h"

/*
 * The counts of <testsuites> and <testsuite> come first in the document
 * but are known only at the end, so the report is written in two parts.
 * A project's testcase is written as soon as the engine has passed its
 * findings (junit_file()), by a writer kept inside a testsuite of its
 * own, to a spool. A file's own testcase (the findings of no project)
 * comes first in its suite but is complete only when the file ends: its
 * findings' lines wait, in line order, in two spools of their own. At the
 * end a second writer writes the document: the header, and for each file
 * its suite, its own testcase and then its projects' testcases copied from
 * the spool as they are. Between two testcases both writers are in the
 * same state (inside a testsuite, after an element), so the bytes are
 * those one writer would have written. Memory holds a file's own findings
 * and the projects whose findings the engine has not passed yet, not the
 * run's.
 *
 * This relies on how check.c passes findings: a run, at a project's end
 * or the file's, holds every finding made since the last, so all of a
 * project's come in the first run after project() reported it, and a
 * project reported without findings gets none later.
 */

/* A spool is held in memory up to this size, then in a temporary file. */
#define SPOOL_MEM	(1024 * 1024)
/* The pieces a spooled text is read back in. */
#define SPOOL_BUF	65536

/* One input file, as the report has seen it. */
struct junit_file {
	const char	*path;		/* the run's copy (file_info.path) */
	off_t		 off, end;	/* its projects' testcases in cases */
	long		 projects;
	long		 failing;	/* project testcases with a failure */
	/* Its own testcase: its findings' lines in fails and others. */
	off_t		 fail_off, fail_end, other_off, other_end;
	long		 nfail;
};

/* A finding of the file itself, kept until the file ends: its sort key
 * past the file (check.c finding_cmp()) and its line in st->own. */
struct own {
	struct finding_key key;
	size_t		 at, len;
	bool		 fails;
};

/* A project whose findings the engine has not passed yet. */
struct waiting {
	long		 seq;
	size_t		 name;		/* its name's offset in st->names */
	size_t		 first, n;	/* its findings in st->idx */
};

struct junit_state {
	bool			 broken;	/* a writer could not be made */
	xmlTextWriterPtr	 cw;		/* the testcases' writer */
	bool			 priming;	/* cw's output is dropped */
	struct tmpstore		 cases;		/* cw's output */
	struct tmpstore		 fails, others;	/* files' own findings' lines */
	struct junit_file	*files;
	size_t			 nfiles;
	struct own		*own;		/* the current file's */
	size_t			 nown, capown;
	struct strbuf		 ownlines;
	struct waiting		*wait;
	size_t			 nwait, capwait;
	struct strbuf		 names;		/* the waiting projects' */
	size_t			*idx;		/* a run's findings by project */
	size_t			 capidx;
	struct strbuf		 name, failing, other, chunk;
};

/* The testcases' writer's output goes to the spool, once primed. */
static int
cases_write(void *ctx, const char *p, int n)
{
	struct junit_state *st = ctx;

	if (n > 0 && !st->priming)
		tmpstore_write(&st->cases, p, (size_t)n);
	return n;
}

static void
attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	char *copy;

	xmlTextWriterWriteAttribute(w, BAD_CAST name,
	    BAD_CAST text_xml_clean(value, &copy));
	free(copy);
}

static void
attr_int(xmlTextWriterPtr w, const char *name, long value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", value);
	attr(w, name, buf);
}

/*
 * XML 1.0 cannot carry C0 controls other than tab, LF and CR, not even as
 * character references, so they become U+FFFD, and so do the other
 * controls a terminal or a browser acts on (DEL, C1, bidirectional
 * overrides) and bytes that are not UTF-8 (a GBK file name): see
 * text_xml_clean(). The writer escapes the rest.
 */
static void
text(xmlTextWriterPtr w, const char *s)
{
	char *copy;

	xmlTextWriterWriteString(w, BAD_CAST text_xml_clean(s, &copy));
	free(copy);
}

static bool
fails(const struct reporter *r, const struct finding *f)
{
	return r->settings->fail_on != SEV_OFF &&
	    f->severity >= r->settings->fail_on;
}


/* A finding's line: "file:line:col: severity: message [id]". */
static void
add_line(struct strbuf *b, const struct finding *f)
{
	strbuf_puts(b, f->file);
	strbuf_putc(b, ':');
	strbuf_add_int(b, f->loc.line);
	strbuf_putc(b, ':');
	strbuf_add_int(b, f->loc.col);
	strbuf_puts(b, ": ");
	strbuf_puts(b, severity_name(f->severity));
	strbuf_puts(b, ": ");
	strbuf_puts(b, f->message);
	strbuf_puts(b, " [");
	strbuf_puts(b, rule_get(f->rule)->id);
	strbuf_puts(b, "]\n");
}

static char *
failure_message(const struct reporter *r, long nfail)
{
	return xasprintf("%ld finding%s at or above %s", nfail,
	    nfail == 1 ? "" : "s", severity_name(r->settings->fail_on));
}

/*
 * A project's testcase, to the spool: f[idx[0..n)] are its findings in
 * report order. Returns whether it has a failure.
 */
static bool
write_case(struct reporter *r, const char *file, const char *name,
    const struct finding *f, const size_t *idx, size_t n)
{
	struct junit_state *st = r->state;
	xmlTextWriterPtr w = st->cw;
	size_t i;
	long nfail = 0;
	char *msg;

	st->failing.len = st->other.len = 0;
	for (i = 0; i < n; i++) {
		const struct finding *fd = &f[idx[i]];

		if (fails(r, fd)) {
			nfail++;
			add_line(&st->failing, fd);
		} else
			add_line(&st->other, fd);
	}
	xmlTextWriterStartElement(w, BAD_CAST "testcase");
	attr(w, "classname", file);
	attr(w, "name", name);
	if (nfail > 0) {
		xmlTextWriterStartElement(w, BAD_CAST "failure");
		msg = failure_message(r, nfail);
		attr(w, "message", msg);
		free(msg);
		attr(w, "type", "pbcheck");
		text(w, st->failing.data);
		xmlTextWriterEndElement(w);
	}
	if (st->other.len > 0) {
		xmlTextWriterStartElement(w, BAD_CAST "system-out");
		text(w, st->other.data);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
	return nfail > 0;
}

static int
own_cmp(const void *va, const void *vb)
{
	const struct own *a = va, *b = vb;

	return finding_key_cmp(&a->key, &b->key);
}

/* Keeps a finding of the file itself until the file ends. */
static void
keep_own(struct reporter *r, const struct finding *f)
{
	struct junit_state *st = r->state;
	struct own *o;
	size_t at = st->ownlines.len;

	if (st->nown == st->capown) {
		st->capown = st->capown ? 2 * st->capown : 16;
		st->own = xreallocarray(st->own, st->capown, sizeof(*st->own));
	}
	o = &st->own[st->nown++];
	o->key = finding_key_of(f);
	o->fails = fails(r, f);
	add_line(&st->ownlines, f);
	o->at = at;
	o->len = st->ownlines.len - at;
}

/*
 * The current file has ended: its own findings go, in line order (they
 * came in several sorted runs), to the lines' spools, and its projects'
 * testcases are all in the spool.
 */
static void
end_file(struct reporter *r)
{
	struct junit_state *st = r->state;
	struct junit_file *jf;
	size_t i;

	if (st->nfiles == 0)
		return;
	jf = &st->files[st->nfiles - 1];
	/* Projects the engine passed no findings for (it passes all of a
	 * file's at its end: none are left). */
	for (i = 0; i < st->nwait; i++)
		jf->failing += write_case(r, jf->path,
		    st->names.data + st->wait[i].name, NULL, NULL, 0);
	st->nwait = 0;
	st->names.len = 0;
	xmlTextWriterFlush(st->cw);
	jf->end = st->cases.len;
	if (st->nown > 1)
		qsort(st->own, st->nown, sizeof(*st->own), own_cmp);
	jf->fail_off = st->fails.len;
	jf->other_off = st->others.len;
	for (i = 0; i < st->nown; i++) {
		const struct own *o = &st->own[i];

		tmpstore_write(o->fails ? &st->fails : &st->others,
		    st->ownlines.data + o->at, o->len);
		jf->nfail += o->fails;
	}
	jf->fail_end = st->fails.len;
	jf->other_end = st->others.len;
	st->nown = 0;
	st->ownlines.len = 0;
}

/* The record of the file whose path is path (the run's copy): the
 * current one, or a new one when a file has begun. */
static struct junit_file *
file_of(struct reporter *r, const char *path)
{
	struct junit_state *st = r->state;
	struct junit_file *jf;

	if (st->nfiles > 0 && st->files[st->nfiles - 1].path == path)
		return &st->files[st->nfiles - 1];
	end_file(r);
	st->files = xreallocarray(st->files, st->nfiles + 1,
	    sizeof(*st->files));
	jf = &st->files[st->nfiles++];
	memset(jf, 0, sizeof(*jf));
	jf->path = path;
	jf->off = jf->end = st->cases.len;
	return jf;
}

static void
junit_begin(struct reporter *r)
{
	struct junit_state *st = xcalloc(1, sizeof(*st));
	xmlOutputBufferPtr buf;
	xmlTextWriterPtr w;

	r->state = st;
	st->cases.mem_max = st->fails.mem_max = st->others.mem_max = SPOOL_MEM;
	buf = xmlOutputBufferCreateIO(cases_write, NULL, st, NULL);
	if (buf == NULL || (w = xmlNewTextWriter(buf)) == NULL) {
		if (buf != NULL)
			xmlOutputBufferClose(buf);
		st->broken = true;
		return;
	}
	/* Set up as the document's writer (junit_end()), its encoding too
	 * (without one libxml2 writes what is not ASCII in an attribute as
	 * character references), and taken inside a testsuite, after a
	 * testcase: what it wrote so far is dropped. */
	st->cw = w;
	st->priming = true;
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "testsuites");
	xmlTextWriterStartElement(w, BAD_CAST "testsuite");
	xmlTextWriterStartElement(w, BAD_CAST "testcase");
	xmlTextWriterEndElement(w);
	xmlTextWriterFlush(w);
	st->priming = false;
}

static void
junit_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	struct junit_state *st = r->state;
	struct junit_file *jf;
	struct waiting *wt;

	if (st->broken)
		return;
	jf = file_of(r, p->file);
	jf->projects++;
	st->name.len = 0;
	/* A layout without codes (SPEC 2.2): the name alone. */
	if (!p->absent[FIELD_CODE]) {
		strbuf_puts(&st->name, *p->text[FIELD_CODE] ?
		    p->text[FIELD_CODE] : "-");
		strbuf_putc(&st->name, ' ');
	}
	strbuf_puts(&st->name, p->text[FIELD_NAME]);
	/* Without findings, and none waiting before it: written now. */
	if (st->nwait == 0 && n->errors + n->warnings + n->infos == 0) {
		write_case(r, jf->path, st->name.data, NULL, NULL, 0);
		return;
	}
	if (st->nwait == st->capwait) {
		st->capwait = st->capwait ? 2 * st->capwait : 64;
		st->wait = xreallocarray(st->wait, st->capwait,
		    sizeof(*st->wait));
	}
	wt = &st->wait[st->nwait++];
	wt->seq = n->seq;
	wt->name = st->names.len;
	strbuf_add(&st->names, st->name.data, st->name.len + 1);
}

/* The waiting project of seq, or NULL (they wait in the order of seq). */
static struct waiting *
waiting_of(struct junit_state *st, long seq)
{
	size_t lo = 0, hi = st->nwait, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (st->wait[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->nwait && st->wait[lo].seq == seq ? &st->wait[lo] :
	    NULL;
}

/*
 * A run of a file's findings, sorted: every waiting project's are among
 * them, so their testcases are written; the file's own are kept.
 */
static void
junit_file(struct reporter *r, const struct finding *f, size_t n)
{
	struct junit_state *st = r->state;
	struct junit_file *jf;
	struct waiting *wt;
	size_t i, k, at;

	if (st->broken || n == 0)
		return;
	jf = file_of(r, f[0].file);	/* all are of one file */
	if (n > st->capidx) {
		st->capidx = n;
		st->idx = xreallocarray(st->idx, n, sizeof(*st->idx));
	}
	for (k = 0; k < st->nwait; k++)
		st->wait[k].n = 0;
	for (i = 0; i < n; i++) {
		/* A finding of no waiting project is the file's own. */
		if (f[i].seq >= 0 && (wt = waiting_of(st, f[i].seq)) != NULL)
			wt->n++;
		else
			keep_own(r, &f[i]);
	}
	/* Each project's findings, in the run's order, by counting. */
	for (k = 0, at = 0; k < st->nwait; k++) {
		st->wait[k].first = at;
		at += st->wait[k].n;
		st->wait[k].n = 0;
	}
	for (i = 0; i < n; i++)
		if (f[i].seq >= 0 && (wt = waiting_of(st, f[i].seq)) != NULL)
			st->idx[wt->first + wt->n++] = i;
	for (k = 0; k < st->nwait; k++)
		jf->failing += write_case(r, jf->path,
		    st->names.data + st->wait[k].name, f,
		    st->idx + st->wait[k].first, st->wait[k].n);
	st->nwait = 0;
	st->names.len = 0;
}

/* Writes sp[off, end), lines, as the text of the open element: in pieces
 * that end at a line's end, so that each is cleaned as the whole is. */
static void
spool_text(struct junit_state *st, xmlTextWriterPtr w, struct tmpstore *sp,
    off_t off, off_t end)
{
	struct strbuf *b = &st->chunk;
	size_t want = SPOOL_BUF, n, cut;

	while (off < end) {
		n = end - off < (off_t)want ? (size_t)(end - off) : want;
		b->len = 0;
		strbuf_reserve(b, n);
		tmpstore_read(sp, off, b->data, n, ' ');
		for (cut = n; cut > 0 && b->data[cut - 1] != '\n'; cut--)
			;
		if (cut == 0 && off + (off_t)n < end) {
			want *= 2;	/* a line longer than the piece */
			continue;
		}
		if (cut == 0)
			cut = n;
		b->data[cut] = '\0';
		text(w, b->data);
		off += (off_t)cut;
	}
}

/* A file's own testcase: the reason it is unreadable, or its findings
 * that are of no project. */
static void
write_own(struct reporter *r, xmlTextWriterPtr w, const struct file_info *f,
    const struct junit_file *jf)
{
	struct junit_state *st = r->state;
	char *msg;

	xmlTextWriterStartElement(w, BAD_CAST "testcase");
	attr(w, "classname", f->path);
	attr(w, "name", f->path);
	if (f->unreadable) {
		xmlTextWriterStartElement(w, BAD_CAST "error");
		msg = f->error != NULL ?
		    xasprintf("the file cannot be opened or read: %s",
		    f->error) : xstrdup("the file cannot be opened or read");
		attr(w, "message", msg);
		free(msg);
		attr(w, "type", "unreadable");
		xmlTextWriterEndElement(w);
	} else if (jf != NULL) {
		if (jf->nfail > 0) {
			xmlTextWriterStartElement(w, BAD_CAST "failure");
			msg = failure_message(r, jf->nfail);
			attr(w, "message", msg);
			free(msg);
			attr(w, "type", "pbcheck");
			spool_text(st, w, &st->fails, jf->fail_off,
			    jf->fail_end);
			xmlTextWriterEndElement(w);
		}
		if (jf->other_end > jf->other_off) {
			xmlTextWriterStartElement(w, BAD_CAST "system-out");
			spool_text(st, w, &st->others, jf->other_off,
			    jf->other_end);
			xmlTextWriterEndElement(w);
		}
	}
	xmlTextWriterEndElement(w);
}

/* The record of each of the run's files, or NULL for one the report
 * never heard of (no project, no finding). */
static const struct junit_file **
records(const struct junit_state *st, const struct run_result *res)
{
	const struct junit_file **rec = xcalloc(res->nfiles + 1,
	    sizeof(*rec));
	size_t i, k, next = 0;

	/* Both lists are in the order of the run. */
	for (i = 0; i < res->nfiles; i++)
		for (k = next; k < st->nfiles; k++)
			if (st->files[k].path == res->files[i].path) {
				rec[i] = &st->files[k];
				next = k + 1;
				break;
			}
	return rec;
}

static void
junit_end(struct reporter *r, const struct run_result *res)
{
	struct junit_state *st = r->state;
	const struct junit_file **rec, *jf;
	xmlOutputBufferPtr buf;
	xmlTextWriterPtr w;
	size_t i;
	long tests = 0, failures = 0, errors = 0, t, fl;

	/*
	 * Every finding of an input was passed to junit_file(); what the
	 * engine keeps to the end (PB012 of a settings file) is of no input
	 * and in no testcase.
	 */
	buf = st->broken ? NULL : xmlOutputBufferCreateFile(r->out, NULL);
	if (buf == NULL || (w = xmlNewTextWriter(buf)) == NULL) {
		if (buf != NULL)
			xmlOutputBufferClose(buf);
		fputs("pbcheck: cannot start the XML writer\n", stderr);
		return;
	}
	end_file(r);
	tmpstore_flush(&st->cases);
	tmpstore_flush(&st->fails);
	tmpstore_flush(&st->others);
	rec = records(st, res);
	for (i = 0; i < res->nfiles; i++) {
		tests += 1 + (rec[i] != NULL ? rec[i]->projects : 0);
		failures += rec[i] != NULL ? (rec[i]->nfail > 0) +
		    rec[i]->failing : 0;
		errors += res->files[i].unreadable;
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "testsuites");
	attr(w, "name", "pbcheck");
	attr_int(w, "tests", tests);
	attr_int(w, "failures", failures);
	attr_int(w, "errors", errors);
	for (i = 0; i < res->nfiles; i++) {
		const struct file_info *f = &res->files[i];

		jf = rec[i];
		t = 1 + (jf != NULL ? jf->projects : 0);
		fl = jf != NULL ? (jf->nfail > 0) + jf->failing : 0;
		xmlTextWriterStartElement(w, BAD_CAST "testsuite");
		attr(w, "name", f->path);
		attr_int(w, "tests", t);
		attr_int(w, "failures", fl);
		attr_int(w, "errors", f->unreadable ? 1 : 0);
		attr_int(w, "skipped", 0);
		attr(w, "file", f->path);
		write_own(r, w, f, jf);
		/* After a testcase, as the spool's writer was. */
		if (jf != NULL && jf->end > jf->off) {
			xmlTextWriterFlush(w);
			tmpstore_copy(&st->cases, jf->off, jf->end, r->out);
		}
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);	/* flushes; r->out stays open */
	free(rec);
	if (st->cases.error || st->fails.error || st->others.error)
		fputs("pbcheck: the report's temporary file failed; findings "
		    "may be missing\n", stderr);
}

static void
junit_free(struct reporter *r)
{
	struct junit_state *st = r->state;

	if (st == NULL)
		return;
	if (st->cw != NULL) {
		st->priming = true;	/* what it still holds is dropped */
		xmlFreeTextWriter(st->cw);
	}
	tmpstore_free(&st->cases);
	tmpstore_free(&st->fails);
	tmpstore_free(&st->others);
	free(st->files);
	free(st->own);
	strbuf_free(&st->ownlines);
	free(st->wait);
	strbuf_free(&st->names);
	free(st->idx);
	strbuf_free(&st->name);
	strbuf_free(&st->failing);
	strbuf_free(&st->other);
	strbuf_free(&st->chunk);
	free(st);
	r->state = NULL;
}

void
report_junit_init(struct reporter *r)
{
	r->begin = junit_begin;
	r->project = junit_project;
	r->file = junit_file;
	r->end = junit_end;
	r->free = junit_free;
}
