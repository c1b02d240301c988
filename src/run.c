/* One input through the pipeline: bytes, decoding, a reader, the engine. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "decode.h"
#include "read.h"
#include "rules.h"
#include "run.h"
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

static int
load(const char *path, char **data, size_t *len, char **err)
{
	struct stat st;
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0) {
		if (slurp(stdin, data, len) != 0) {
			*err = xasprintf("standard input: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		*err = xasprintf("%s: is a directory", path);
		return -1;
	}
	rc = slurp(fp, data, len);
	if (rc != 0)
		*err = xasprintf("%s: %s", path, strerror(errno));
	fclose(fp);
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

/* The reason in an error "NAME: reason" (the whole text otherwise). */
static const char *
reason_of(const char *err, const char *name)
{
	size_t n = strlen(name);

	return strncmp(err, name, n) == 0 && strncmp(err + n, ": ", 2) == 0 ?
	    err + n + 2 : err;
}

int
run_input(struct check *c, const char *path, enum encoding enc, char **err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	const char *ext = extension(path);
	const char *file;
	struct read_sink sink = { c, check_sink_diag, check_sink_project };
	struct decoded d;
	char *bytes = NULL;
	size_t len = 0;

	*err = NULL;
	file = check_file_begin(c, name);
	/* The format by name, until the reader knows better (form CSV). */
	check_file_format(c, strcasecmp(ext, "docx") == 0 ? "docx" :
	    strcasecmp(ext, "txt") == 0 ? "text" :
	    strcasecmp(ext, "xlsx") == 0 ? "xlsx" : "csv", NULL);
	if (load(path, &bytes, &len, err) != 0) {
		check_file_unreadable(c, reason_of(*err, name));
		return -1;
	}
	if (strcasecmp(ext, "docx") == 0) {
		read_docx(file, bytes, len, &sink);
		free(bytes);
		return 0;
	}
	if (strcasecmp(ext, "xlsx") == 0) {
		read_xlsx(file, bytes, len, &sink, on_sheet);
		free(bytes);
		return 0;
	}
	if (decode_bytes(bytes, len, enc, &d, err) != 0) {
		free(bytes);
		check_file_unreadable(c, reason_of(*err, name));
		return -1;
	}
	free(bytes);
	/* CSV findings are at the record's line and the field's number. */
	if (strcasecmp(ext, "txt") != 0)
		read_csv_bad_positions(d.text, d.len, d.bad, d.nbad);
	report_decoding(c, &d);
	if (strcasecmp(ext, "txt") == 0) {
		check_file_format(c, "text", d.encoding);
		read_text(file, d.text, d.len, &sink);
	} else
		check_file_format(c, read_csv(file, d.text, d.len, &sink),
		    d.encoding);
	decoded_free(&d);
	return 0;
}
