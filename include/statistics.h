/* Counts of findings per rule and per file, for --statistics. */
#ifndef PBCHECK_STATISTICS_H
#define PBCHECK_STATISTICS_H

#include <stddef.h>

#include "rules.h"

struct run_result;

struct stat_rule {
	enum rule_id	 rule;
	enum severity	 severity;	/* a rule at two severities is two rows */
	size_t		 count;
};

struct stat_file {
	const char	*file;		/* the run's */
	size_t		 count;
	size_t		 errors, warnings, infos;
};

/* Both lists sorted by count, most first; ties by id or path. */
struct statistics {
	struct stat_rule	*rules;
	size_t			 nrules;
	struct stat_file	*files;
	size_t			 nfiles;
	size_t			 total;
};

void	statistics_compute(struct statistics *st, const struct run_result *res);
void	statistics_free(struct statistics *st);

#endif
