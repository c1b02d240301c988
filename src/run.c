/* One input through the pipeline: bytes, what they are, decoding, a reader, the engine. */
#include <sys/stat.h>

#include <pthread.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "check.h"
#include "decode.h"
#include "errtext.h"
#include "progress.h"
#include "read.h"
#include "rules.h"
#include "run.h"
#include "sniff.h"
#include "util.h"

/* What sniffing reads of a file (SNIFF_LAYOUT_PROBE): text is decoded and
 * read from there on in pieces; a zip or OLE2 file is read whole. */
#define HEAD	(1 << 20)
#define CHUNK	65536

/* Reads up to n bytes; returns -1 with errno on a read error. */
static int
read_some(FILE *fp, char *buf, size_t n, size_t *got)
{
	*got = fread(buf, 1, n, fp);
	if (*got < n && ferror(fp)) {
		errno = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

/* Opens the input; returns NULL with errno. */
static FILE *
open_input(const char *path, bool *regular)
{
	struct stat st;
	FILE *fp;

	*regular = false;
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fstat(fileno(fp), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			fclose(fp);
			errno = EISDIR;
			return NULL;
		}
		*regular = S_ISREG(st.st_mode);
	}
	return fp;
}

static void
close_input(FILE *fp)
{
	if (fp != stdin)
		fclose(fp);
}

/* Reads the rest of a stream after its first bytes into b. */
static int
read_rest(const struct run_sink *rs, FILE *fp, struct strbuf *b)
{
	char chunk[CHUNK];
	size_t n;

	do {
		if (read_some(fp, chunk, sizeof(chunk), &n) != 0)
			return -1;
		strbuf_add(b, chunk, n);
		progress_bytes(rs->progress, n);
	} while (n == sizeof(chunk));
	return 0;
}

static const char *
extension(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');

	if (dot == NULL || (slash != NULL && dot < slash))
		return "";
	return dot + 1;
}

/* PB007 for a converted file, PB008 for its invalid bytes (positions
 * as the reader gave them). */
static void
report_decoding(const struct run_sink *rs, const struct decoder *dec,
    const struct decoded *d)
{
	struct read_diag diag;
	char byte[8], more[64];
	size_t i;

	memset(&diag, 0, sizeof(diag));
	diag.field = FIELD_COUNT;
	if (decoder_converted(dec)) {
		diag.rule = RULE_PB007;
		diag.loc.line = diag.loc.col = 1;
		diag.value = decoder_encoding(dec);
		rs->diag(rs->ctx, &diag);
	}
	for (i = 0; i < d->nbad; i++) {
		diag.rule = RULE_PB008;
		diag.loc.line = d->bad[i].line;
		diag.loc.col = d->bad[i].col;
		diag.value = decoder_encoding(dec);
		snprintf(byte, sizeof(byte), "%02X", d->bad[i].first);
		diag.a = byte;
		diag.b = NULL;
		if (i + 1 == d->nbad && d->nbad_total > d->nbad) {
			snprintf(more, sizeof(more), " (%zu invalid in all)",
			    d->nbad_total);
			diag.b = more;
		}
		rs->diag(rs->ctx, &diag);
	}
}

/* A workbook's sheet names, for locations (SPEC 2.3). */
static void
on_sheet(void *ctx, int number, const char *name)
{
	const struct run_sink *rs = ctx;

	rs->sheet(rs->ctx, number, name);
}

/* The reader's sink: the run sink's, counting projects. */
static void
on_diag(void *ctx, const struct read_diag *d)
{
	const struct run_sink *rs = ctx;

	rs->diag(rs->ctx, d);
}

static void
on_project(void *ctx, struct project *p)
{
	const struct run_sink *rs = ctx;

	progress_project(rs->progress);
	rs->project(rs->ctx, p);
}

/* PB001 for a file that is not a table pbcheck reads: what it is. */
static void
report_not_table(const struct run_sink *rs, enum sniff_kind k)
{
	struct read_diag diag;

	memset(&diag, 0, sizeof(diag));
	diag.rule = RULE_PB001;
	diag.loc.line = diag.loc.col = 1;
	diag.field = FIELD_COUNT;
	diag.a = sniff_advice(k, LANG_EN);
	diag.a_zh = sniff_advice(k, LANG_ZH);
	rs->diag(rs->ctx, &diag);
}

/* Marks the file unreadable: reason in English for the report, the
 * message "NAME: reason" in the run's language for stderr. */
static int
unreadable(const struct run_sink *rs, const char *name, const char *en,
    const char *zh, enum lang lang, char **err)
{
	rs->unreadable(rs->ctx, en);
	*err = xasprintf("%s: %s", name, lang == LANG_ZH ? zh : en);
	return -1;
}

/* True if the bytes start with a byte order mark (SPEC 2.1). */
static bool
has_bom(const char *b, size_t n)
{
	const unsigned char *u = (const unsigned char *)b;

	return (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) ||
	    (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF)));
}

/* A file this big has its second half checked in a thread of its own. */
#define SPLIT_AT	(8 << 20)

/* The check of a file's bytes from off to its end, by pread(2). */
struct tail_check {
	int		 fd;
	off_t		 off;
	bool		 valid;
	int		 err;		/* errno of a read error, or 0 */
};

static void *
check_tail(void *arg)
{
	struct tail_check *t = arg;
	struct utf8_check u = {0};
	char chunk[CHUNK];
	ssize_t n;

	while (!u.bad) {
		if ((n = pread(t->fd, chunk, sizeof(chunk), t->off)) < 0) {
			if (errno == EINTR)
				continue;
			t->err = errno;
			return NULL;
		}
		if (n == 0)
			break;
		utf8_check_feed(&u, chunk, (size_t)n);
		t->off += n;
	}
	t->valid = utf8_check_end(&u);
	return NULL;
}

/*
 * Where a big file's second half starts for its check: the middle, past
 * the continuation bytes there (they end the sequence the first half's
 * check reads to its end). Returns 0 (no split) if the file is small or
 * a read fails; *cont is set when four continuation bytes in a row make
 * the file invalid anyway.
 */
static off_t
split_point(int fd, off_t from, bool *cont)
{
	struct stat st;
	unsigned char b[4];
	off_t mid;
	ssize_t n, k = 0;

	*cont = false;
	if (fstat(fd, &st) != 0 || st.st_size - from < SPLIT_AT)
		return 0;
	mid = from + (st.st_size - from) / 2;
	if ((n = pread(fd, b, sizeof(b), mid)) <= 0)
		return 0;
	while (k < n && (b[k] & 0xC0) == 0x80)
		k++;
	*cont = k == 4;
	return mid + k;
}

/*
 * --encoding=auto on a file that goes on past its first bytes: "valid
 * UTF-8, else GB18030" needs all of it. A regular file is read twice, the
 * first time only to check UTF-8 (nothing kept), a big one in two halves
 * at once when the input may have a second thread; other input (a pipe)
 * is decided by its first bytes (decoder_start()). Leaves fp after the
 * head.
 */
static int
auto_encoding(FILE *fp, const char *head, size_t hlen, bool threaded,
    enum encoding *enc, bool *valid)
{
	struct utf8_check u = {0};
	struct tail_check tail = { fileno(fp), 0, true, 0 };
	pthread_t th;
	bool split = false, cont = false;
	char chunk[CHUNK];
	off_t end = 0, at = (off_t)hlen;
	size_t n, want;

	if (threaded && (end = split_point(fileno(fp), (off_t)hlen,
	    &cont)) > 0 && !cont) {
		tail.off = end;
		split = pthread_create(&th, NULL, check_tail, &tail) == 0;
	}
	utf8_check_feed(&u, head, hlen);
	do {
		if (u.bad || cont)
			break;
		want = split && end - at < (off_t)sizeof(chunk) ?
		    (size_t)(end - at) : sizeof(chunk);
		if (read_some(fp, chunk, want, &n) != 0) {
			if (split)
				pthread_join(th, NULL);
			return -1;
		}
		utf8_check_feed(&u, chunk, n);
		at += (off_t)n;
	} while (n == want && (!split || at < end));
	if (split) {
		pthread_join(th, NULL);
		if (tail.err != 0) {
			errno = tail.err;
			return -1;
		}
	}
	*valid = !cont && utf8_check_end(&u) && tail.valid;
	*enc = *valid ? ENC_UTF8 : ENC_GB18030;
	if (fseeko(fp, (off_t)hlen, SEEK_SET) != 0)
		return -1;
	return 0;
}

/*
 * Decodes a text input (its head read already) as it is read, into the
 * CSV reader, or gathered for the text dump's reader.
 */
static int
run_text(const struct run_sink *rs, const char *file, FILE *fp, bool regular,
    char *head, size_t hlen, bool eof, enum sniff_kind kind,
    enum encoding enc, char **why)
{
	struct read_sink sink = { (void *)rs, on_diag, on_project };
	struct decode_sink ds;
	struct csv_reader *r = NULL;
	struct decoder *dec;
	struct decoded d;
	const char *format = "text";
	bool valid = false;
	size_t n;
	int rc = 0;

	*why = NULL;
	if (enc == ENC_AUTO && !has_bom(head, hlen)) {
		if (eof) {
			valid = utf8_valid(head, hlen);
			enc = valid ? ENC_UTF8 : ENC_GB18030;
		} else if (regular && auto_encoding(fp, head, hlen,
		    rs->threaded, &enc, &valid) != 0) {
			*why = xstrdup(strerror(errno));
			return -1;
		}
	}
	dec = decoder_new(enc, kind == SNIFF_CSV ? &ds : NULL);
	if (decoder_start(dec, head, hlen, eof, why) != 0) {
		decoder_free(dec);
		return -1;
	}
	if (valid)
		decoder_valid(dec);
	if (kind == SNIFF_CSV) {
		r = csv_reader_new(file, &sink);
		csv_reader_sink(r, &ds);
		if (rs->threaded)
			csv_reader_threaded(r);
	}
	/* The head's buffer is then the buffer of every read. */
	decoder_feed(dec, head, hlen);
	while (!eof) {
		if (read_some(fp, head, CHUNK, &n) != 0) {
			*why = xstrdup(strerror(errno));
			rc = -1;
			break;
		}
		decoder_feed(dec, head, n);
		progress_bytes(rs->progress, n);
		eof = n < CHUNK;
	}
	decoder_end(dec);
	if (kind == SNIFF_CSV) {
		format = csv_reader_end(r, &d);
		report_decoding(rs, dec, &d);
		free(d.bad);
	} else {
		decoder_take(dec, &d);
		report_decoding(rs, dec, &d);
		read_text(file, d.text, d.len, &sink);
		decoded_free(&d);
	}
	rs->format(rs->ctx, format, decoder_encoding(dec));
	decoder_free(dec);
	return rc;
}

/* The engine's own calls, as a run sink. */
static const char *
check_begin(void *c, const char *name)
{
	return check_file_begin(c, name);
}

static void
check_format(void *c, const char *format, const char *encoding)
{
	check_file_format(c, format, encoding);
}

static void
check_unreadable(void *c, const char *reason)
{
	check_file_unreadable(c, reason);
}

static void
check_sheet(void *c, int number, const char *name)
{
	check_file_sheet(c, number, name);
}

void
run_sink_check(struct run_sink *rs, struct check *c)
{
	memset(rs, 0, sizeof(*rs));
	rs->ctx = c;
	rs->begin = check_begin;
	rs->format = check_format;
	rs->unreadable = check_unreadable;
	rs->sheet = check_sheet;
	rs->diag = check_sink_diag;
	rs->project = check_sink_project;
}

int
run_input(struct check *c, const char *path, enum encoding enc, char **err)
{
	struct run_sink rs;

	run_sink_check(&rs, c);
	return run_input_to(&rs, path, enc, check_settings(c)->lang, err);
}

int
run_input_to(const struct run_sink *rs, const char *path, enum encoding enc,
    enum lang lang, char **err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	const char *file;
	struct read_sink sink = { (void *)rs, on_diag, on_project };
	struct strbuf whole = {0};
	enum sniff_kind kind;
	char *head, *why;
	size_t hlen;
	bool regular, eof, zip;
	FILE *fp;
	int rc, e, zipfd = -1;

	*err = NULL;
	file = rs->begin(rs->ctx, name);
	if ((fp = open_input(path, &regular)) == NULL) {
		e = errno;
		return unreadable(rs, name, strerror(e), errtext(e, lang), lang,
		    err);
	}
	head = xmalloc(HEAD);
	if (read_some(fp, head, HEAD, &hlen) != 0)
		goto fail;
	progress_bytes(rs->progress, hlen);
	eof = hlen < HEAD;
	zip = hlen >= 4 && (memcmp(head, "PK\3\4", 4) == 0 ||
	    memcmp(head, "PK\5\6", 4) == 0);
	/*
	 * A zip in a regular file is read from the file as libzip needs it,
	 * so a large .docx or .xlsx costs no memory for its bytes; from a
	 * pipe, and an OLE2 file, it is read whole: the directory is at the
	 * end.
	 */
	if (!eof && zip && regular && !is_stdin)
		zipfd = fileno(fp);
	else if (!eof && (zip || (hlen >= 8 &&
	    memcmp(head, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0))) {
		strbuf_add(&whole, head, hlen);
		if (read_rest(rs, fp, &whole) != 0)
			goto fail;
		free(head);
		head = NULL;
		hlen = whole.len;
		eof = true;
	}
	/* The bytes say what the file is; standard input's text is CSV. */
	kind = zipfd >= 0 ? sniff_zip_file(zipfd, extension(path)) :
	    sniff_bytes(head != NULL ? head : whole.data, hlen,
	    is_stdin ? "csv" : extension(path));
	if (kind == SNIFF_BINARY && enc == ENC_UTF16)
		kind = SNIFF_CSV;	/* UTF-16 without a byte order mark */
	rs->format(rs->ctx, sniff_format(kind), NULL);
	switch (kind) {
	case SNIFF_CSV:
	case SNIFF_DUMP:
		if (head == NULL) {
			/* A zip signature on text, read whole already. */
			head = strbuf_take(&whole);
		}
		rc = run_text(rs, file, fp, regular, head, hlen, eof, kind,
		    enc, &why);
		free(head);
		close_input(fp);
		if (rc != 0) {
			rc = unreadable(rs, name, why, why, lang, err);
			free(why);
		}
		return rc;
	case SNIFF_DOCX:
	case SNIFF_XLSX:
		if (zipfd >= 0 && kind == SNIFF_DOCX) {
			read_docx_file(file, zipfd, &sink);
			break;
		}
		if (zipfd >= 0) {
			read_xlsx_file(file, zipfd, &sink, on_sheet);
			break;
		}
		if (head != NULL) {
			/* Small enough to be all in the head. */
			strbuf_add(&whole, head, hlen);
			free(head);
			head = NULL;
		}
		if (kind == SNIFF_DOCX)
			read_docx(file, whole.data, whole.len, &sink);
		else
			read_xlsx(file, whole.data, whole.len, &sink, on_sheet);
		break;
	default:
		report_not_table(rs, kind);
		break;
	}
	free(head);
	strbuf_free(&whole);
	close_input(fp);
	return 0;
fail:
	e = errno;
	free(head);
	strbuf_free(&whole);
	close_input(fp);
	return unreadable(rs, name, strerror(e), errtext(e, lang), lang,
		    err);
}
