/* Shared by the fuzz targets: the entry point, and a sink that reads what it is given. */
#ifndef PBCHECK_FUZZ_H
#define PBCHECK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

#endif
