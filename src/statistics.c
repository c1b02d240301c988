/* Counts of findings per rule and per file (--statistics), in one pass over the sorted findings. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "statistics.h"
#include "util.h"

static int
rule_cmp(const void *va, const void *vb)
{
	const struct stat_rule *a = va, *b = vb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return a->severity > b->severity ? -1 : a->severity < b->severity;
}

static int
file_cmp(const void *va, const void *vb)
{
	const struct stat_file *a = va, *b = vb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->file, b->file);
}

void
statistics_compute(struct statistics *st, const struct run_result *res)
{
	/* Rows by rule and severity: a small fixed table. */
	size_t by[RULE_COUNT][SEV_ERROR + 1];
	const struct finding *f;
	struct stat_file *sf = NULL;
	size_t i;
	int r, v;

	memset(st, 0, sizeof(*st));
	memset(by, 0, sizeof(by));
	for (i = 0; i < res->nfindings; i++) {
		f = &res->findings[i];
		by[f->rule][f->severity]++;
		st->total++;
		/* Findings are sorted by file: one row per run of a file. */
		if (sf == NULL || strcmp(sf->file, f->file) != 0) {
			st->files = xreallocarray(st->files, st->nfiles + 1,
			    sizeof(*st->files));
			sf = &st->files[st->nfiles++];
			memset(sf, 0, sizeof(*sf));
			sf->file = f->file;
		}
		sf->count++;
		if (f->severity == SEV_ERROR)
			sf->errors++;
		else if (f->severity == SEV_WARNING)
			sf->warnings++;
		else
			sf->infos++;
	}
	for (r = 0; r < RULE_COUNT; r++)
		for (v = SEV_INFO; v <= SEV_ERROR; v++) {
			if (by[r][v] == 0)
				continue;
			st->rules = xreallocarray(st->rules, st->nrules + 1,
			    sizeof(*st->rules));
			st->rules[st->nrules].rule = (enum rule_id)r;
			st->rules[st->nrules].severity = (enum severity)v;
			st->rules[st->nrules++].count = by[r][v];
		}
	if (st->nrules > 1)
		qsort(st->rules, st->nrules, sizeof(*st->rules), rule_cmp);
	if (st->nfiles > 1)
		qsort(st->files, st->nfiles, sizeof(*st->files), file_cmp);
}

void
statistics_free(struct statistics *st)
{
	free(st->rules);
	free(st->files);
	memset(st, 0, sizeof(*st));
}
