/* The check engine: runs the rule table over projects, collects findings. */
#ifndef PBCHECK_CHECK_H
#define PBCHECK_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "rules.h"
#include "settings.h"

struct read_diag;
struct reporter;

struct finding {
	enum rule_id	 rule;
	enum severity	 severity;
	char		*message;
	const char	*file;		/* owned by the file list */
	struct loc	 loc;
	const char	*project;	/* code, or NULL for file-level (shared) */
	const char	*field;		/* Chinese field name, or NULL (shared) */
	long		 seq;		/* project number in the run, or -1 */
	size_t		 order;		/* emission order, the last sort key */
	const char	*sheet;		/* workbook sheet (loc.table), or NULL */
};

struct file_info {
	char		*path;
	const char	*format;	/* "csv", … */
	const char	*encoding;	/* as decoded, or NULL if unread */
	int		 projects;
	int		 indicators;
	bool		 unreadable;
	char		*error;		/* why it is unreadable (English), or NULL */
	char		**sheets;	/* a workbook's sheet names by number */
	size_t		 nsheets;
};

/* Finding counts by severity. */
struct counts {
	int	errors;
	int	warnings;
	int	infos;
	long	seq;		/* for a project: its number, as finding.seq */
};

/* What reporters get at the end: everything, sorted. */
struct run_result {
	const struct file_info	*files;
	size_t			 nfiles;
	const struct finding	*findings;	/* sorted by file, line, col, id */
	size_t			 nfindings;
	int			 projects;
	int			 indicators;
	struct counts		 totals;
};

struct check;

/* The engine keeps s and rep; both outlive it. Returns NULL on a bad
 * code pattern, with *err set (owned by the caller). */
struct check	*check_new(const struct settings *s, struct reporter *rep,
		    char **err);
void		 check_free(struct check *c);

/* Starts a file; path is copied. Returns the stable copy. */
const char	*check_file_begin(struct check *c, const char *path);
void		 check_file_format(struct check *c, const char *format,
		    const char *encoding);
/* Marks the current file unreadable; reason (copied) says why, e.g.
 * "Permission denied" or "not a supported format". */
void		 check_file_unreadable(struct check *c, const char *reason);
/* Names sheet number (1-based) of the current file, a workbook. */
void		 check_file_sheet(struct check *c, int number, const char *name);

/* A read_sink bound to the engine (for the current file). */
void		 check_sink_diag(void *c, const struct read_diag *d);
void		 check_sink_project(void *c, struct project *p);

/* Sorts the findings and runs the reporter's end. */
void		 check_finish(struct check *c);
/* 0, 1 or 2 per SPEC 1 (2 when a file was unreadable). */
int		 check_exit_status(const struct check *c);

/* For rule checks: the settings and a finding on the current project. */
const struct settings *check_settings(const struct check *c);
void		 check_emit(struct check *c, enum rule_id r, enum field f,
		    int goal, struct loc loc, const char *value, const char *a,
		    const char *b);

/* Whether a project code matches the configured pattern (PB102). */
bool		 check_code_matches(const struct check *c, const char *code);

/* Display name of a field in a language ("3月底", "budget (预算数)"). */
char		*check_field_label(enum field f, int goal, enum lang lang);

#endif
