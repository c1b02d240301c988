/* Shared by the fuzz targets: the entry point, and a sink that reads what it is given. */
#ifndef PBCHECK_FUZZ_H
#define PBCHECK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <stdlib.h>

#include <zip.h>

#include "model.h"
#include "read.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The sink touches every string it gets, so a reader that hands over a
 * dangling or unterminated one shows under the sanitizers, and keeps
 * nothing (projects are the reader's).
 */
static volatile size_t fuzz_sink_bytes;

static inline void
fuzz_touch(const char *s)
{
	if (s != NULL)
		fuzz_sink_bytes += strlen(s);
}

static inline void
fuzz_diag(void *ctx, const struct read_diag *d)
{
	(void)ctx;
	fuzz_touch(d->project);
	fuzz_touch(d->value);
	fuzz_touch(d->a);
	fuzz_touch(d->a_zh);
	fuzz_touch(d->b);
}

static inline void
fuzz_project(void *ctx, struct project *p)
{
	size_t i;
	int f;

	(void)ctx;
	for (f = 0; f < PROJECT_FIELDS; f++)
		fuzz_touch(p->text[f]);
	for (i = 0; i < p->ngoals; i++)
		fuzz_touch(p->goals[i].text);
	for (i = 0; i < p->nind; i++)
		for (f = 0; f < INDICATOR_FIELDS; f++)
			fuzz_touch(p->ind[i].text[f]);
}

static const struct read_sink fuzz_sink = { NULL, fuzz_diag, fuzz_project };

/*
 * Mutations of deflated bytes rarely get past the CRC, so the zip targets
 * also take their parts as plain XML and zip them here, stored: n parts
 * named names[i], the bytes data[i] of lens[i]. Returns the zip's bytes
 * (caller frees) and their length in *len, or NULL.
 */
static inline char *
fuzz_zip(const char *const *names, const char *const *data,
    const size_t *lens, size_t n, size_t *len)
{
	zip_source_t *src, *part;
	zip_t *za;
	zip_stat_t st;
	char *out = NULL;
	size_t i;
	zip_int64_t idx;

	if ((src = zip_source_buffer_create(NULL, 0, 0, NULL)) == NULL)
		return NULL;
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, NULL)) == NULL) {
		zip_source_free(src);
		zip_source_free(src);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if ((part = zip_source_buffer(za, data[i], lens[i], 0)) == NULL)
			continue;
		if ((idx = zip_file_add(za, names[i], part, ZIP_FL_OVERWRITE)) < 0)
			zip_source_free(part);
		else
			zip_set_file_compression(za, (zip_uint64_t)idx,
			    ZIP_CM_STORE, 0);
	}
	if (zip_close(za) != 0) {
		zip_discard(za);
		zip_source_free(src);
		return NULL;
	}
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		out = malloc(st.size > 0 ? st.size : 1);
		if (out != NULL && zip_source_read(src, out, st.size) !=
		    (zip_int64_t)st.size) {
			free(out);
			out = NULL;
		}
		zip_source_close(src);
	}
	*len = out != NULL ? st.size : 0;
	zip_source_free(src);
	return out;
}

/* Splits data at each "\n----\n" into at most max parts; returns how many. */
static inline size_t
fuzz_split(const uint8_t *data, size_t size, const char **parts,
    size_t *lens, size_t max)
{
	static const char sep[] = "\n----\n";
	const size_t m = sizeof(sep) - 1;
	const char *p = (const char *)data, *end = p + size, *q;
	size_t n = 0;

	while (n < max) {
		q = NULL;
		if (n + 1 < max)
			for (q = p; q + m <= end && memcmp(q, sep, m) != 0; q++)
				;
		if (q != NULL && q + m > end)
			q = NULL;
		parts[n] = p;
		lens[n++] = (size_t)((q != NULL ? q : end) - p);
		if (q == NULL)
			break;
		p = q + sizeof(sep) - 1;
	}
	return n;
}

#endif
