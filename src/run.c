/* One input through the pipeline: bytes, what they are, decoding, a reader, the engine. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "decode.h"
#include "errtext.h"
#include "read.h"
#include "rules.h"
#include "run.h"
#include "sniff.h"
#include "util.h"

/* Reads a whole stream; returns -1 with errno on a read error. */
static int
slurp(FILE *fp, char **data, size_t *len)
{
	struct strbuf b = {0};
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		strbuf_add(&b, chunk, n);
	if (ferror(fp)) {
		int saved = errno;

		strbuf_free(&b);
		errno = saved ? saved : EIO;
		return -1;
	}
	*len = b.len;
	*data = strbuf_take(&b);
	return 0;
}

/* Reads the input's bytes; returns -1 with errno. */
static int
load(const char *path, char **data, size_t *len)
{
	struct stat st;
	FILE *fp;
	int rc, saved;

	if (strcmp(path, "-") == 0)
		return slurp(stdin, data, len);
	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		errno = EISDIR;
		return -1;
	}
	rc = slurp(fp, data, len);
	saved = errno;
	fclose(fp);
	errno = saved;
	return rc;
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

static void
report_decoding(struct check *c, const struct decoded *d)
{
	struct read_diag diag;
	char byte[8], more[64];
	size_t i;

	memset(&diag, 0, sizeof(diag));
	diag.field = FIELD_COUNT;
	if (d->converted) {
		diag.rule = RULE_PB007;
		diag.loc.line = diag.loc.col = 1;
		diag.value = d->encoding;
		check_sink_diag(c, &diag);
	}
	for (i = 0; i < d->nbad; i++) {
		diag.rule = RULE_PB008;
		diag.loc.line = d->bad[i].line;
		diag.loc.col = d->bad[i].col;
		diag.value = d->encoding;
		snprintf(byte, sizeof(byte), "%02X", d->bad[i].first);
		diag.a = byte;
		diag.b = NULL;
		if (i + 1 == d->nbad && d->nbad_total > d->nbad) {
			snprintf(more, sizeof(more), " (%zu invalid in all)",
			    d->nbad_total);
			diag.b = more;
		}
		check_sink_diag(c, &diag);
	}
}

/* A workbook's sheet names, for locations (SPEC 2.3). */
static void
on_sheet(void *c, int number, const char *name)
{
	check_file_sheet(c, number, name);
}

/* PB001 for a file that is not a table pbcheck reads: what it is. */
static void
report_not_table(struct check *c, enum sniff_kind k)
{
	struct read_diag diag;

	memset(&diag, 0, sizeof(diag));
	diag.rule = RULE_PB001;
	diag.loc.line = diag.loc.col = 1;
	diag.field = FIELD_COUNT;
	diag.a = sniff_advice(k, LANG_EN);
	diag.a_zh = sniff_advice(k, LANG_ZH);
	check_sink_diag(c, &diag);
}

/* Marks the file unreadable: reason in English for the report, the
 * message "NAME: reason" in the run's language for stderr. */
static int
unreadable(struct check *c, const char *name, const char *en,
    const char *zh, char **err)
{
	check_file_unreadable(c, en);
	*err = xasprintf("%s: %s", name,
	    check_settings(c)->lang == LANG_ZH ? zh : en);
	return -1;
}

int
run_input(struct check *c, const char *path, enum encoding enc, char **err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	enum lang lang = check_settings(c)->lang;
	const char *file;
	struct read_sink sink = { c, check_sink_diag, check_sink_project };
	struct decoded d;
	enum sniff_kind kind;
	char *bytes = NULL, *why;
	size_t len = 0;
	int rc;

	*err = NULL;
	file = check_file_begin(c, name);
	if (load(path, &bytes, &len) != 0) {
		int e = errno;

		return unreadable(c, name, strerror(e), errtext(e, lang), err);
	}
	/* The bytes say what the file is; standard input's text is CSV. */
	kind = sniff_bytes(bytes, len, is_stdin ? "csv" : extension(path));
	if (kind == SNIFF_BINARY && enc == ENC_UTF16)
		kind = SNIFF_CSV;	/* UTF-16 without a byte order mark */
	check_file_format(c, sniff_format(kind), NULL);
	switch (kind) {
	case SNIFF_CSV:
	case SNIFF_DUMP:
		break;
	case SNIFF_DOCX:
		read_docx(file, bytes, len, &sink);
		free(bytes);
		return 0;
	case SNIFF_XLSX:
		read_xlsx(file, bytes, len, &sink, on_sheet);
		free(bytes);
		return 0;
	default:
		report_not_table(c, kind);
		free(bytes);
		return 0;
	}
	if (decode_bytes(bytes, len, enc, &d, &why) != 0) {
		free(bytes);
		rc = unreadable(c, name, why, why, err);
		free(why);
		return rc;
	}
	free(bytes);
	/* CSV findings are at the record's line and the field's number. */
	if (kind == SNIFF_CSV)
		read_csv_bad_positions(d.text, d.len, d.bad, d.nbad);
	report_decoding(c, &d);
	if (kind == SNIFF_DUMP) {
		check_file_format(c, "text", d.encoding);
		read_text(file, d.text, d.len, &sink);
	} else
		check_file_format(c, read_csv(file, d.text, d.len, &sink),
		    d.encoding);
	decoded_free(&d);
	return 0;
}
