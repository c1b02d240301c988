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
	char		*value;		/* the quoted value, normalised, or "" */
	char		*key;		/* the baseline key (baseline.h), made
					 * when a baseline or the reporter
					 * (report.h keys) needs it, else NULL */
	bool		 gated;		/* [ignore] and the baseline passed it */
	long		 seq;		/* project number in the run, or -1 */
	size_t		 order;		/* emission order, the last sort key */
	const char	*sheet;		/* workbook sheet (loc.table), or NULL */
};

/*
 * A finding's place in report order among its file's findings (what the
 * engine sorts by after the file's name): kept by reporters that set
 * findings aside and give them back in order.
 */
struct finding_key {
	int		 table, line, col, rule;
	size_t		 order;
};

/* The key of f. */
struct finding_key finding_key_of(const struct finding *f);
/* Orders two keys as the engine orders their findings in one file. */
int		 finding_key_cmp(const struct finding_key *a,
		    const struct finding_key *b);

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
	char		*config;	/* the settings file used, or NULL */
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
	bool			 baseline;	/* --baseline was given */
	size_t			 suppressed;	/* findings it removed */
	size_t			 stale;		/* its entries that no longer occur */
};

struct check;
struct baseline;

/* The engine keeps s and rep; both outlive it. Returns NULL on a bad
 * code pattern, with *err set (owned by the caller). */
struct check	*check_new(const struct settings *s, struct reporter *rep,
		    char **err);
void		 check_free(struct check *c);

/*
 * The settings of the inputs that follow (NULL: the run's) and the name
 * of the settings file they come from (NULL: none; copied). fs must stay
 * valid until the next call; its file (the [ignore] entries) until
 * check_free().
 */
void		 check_use_settings(struct check *c, const struct settings *fs,
		    const char *config);
/*
 * Findings in filter are not reported (each entry hides one); every
 * finding left after [ignore] is added to record. Either may be NULL;
 * both outlive the engine.
 */
void		 check_use_baseline(struct check *c, struct baseline *filter,
		    struct baseline *record);

/* How many findings the baseline filter removed so far. */
size_t		 check_suppressed(const struct check *c);

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

/*
 * A worker thread's engine (parallel.h): check_sink_project() on it runs
 * what of a project's check sees no other input — PB010 and the rule
 * table, under the settings of check_use_settings() — and keeps the
 * findings, neither gated nor counted nor reported. s is the run's
 * settings. Returns NULL on a bad code pattern, with *err set.
 */
struct check	*check_new_worker(const struct settings *s, char **err);
/* A worker's engine starts an input (PB010 is said once per input). */
void		 check_worker_file(struct check *c);
/*
 * The findings of the last project (*n), the first *nlayout of them its
 * PB010; the caller owns the array (check_findings_free(), or hands it
 * to check_play_project()).
 */
struct finding	*check_worker_take(struct check *c, size_t *n,
		    size_t *nlayout);
void		 check_findings_free(struct finding *f, size_t n);
/*
 * Checks project p of the current input in the main engine with the n
 * findings a worker's engine made of it: the engine takes them as its
 * own check_sink_project() would have made them (PB010, then PB005 across
 * the batch, then the rules), in that order. Takes what f holds, not f.
 */
void		 check_play_project(struct check *c, struct project *p,
		    struct finding *f, size_t n, size_t nlayout);

/* Sorts the findings and runs the reporter's end. */
void		 check_finish(struct check *c);
/* 0, 1 or 2 per SPEC 1 (2 when a file was unreadable). */
int		 check_exit_status(const struct check *c);

/* For rule checks: the settings and a finding on the current project. */
const struct settings *check_settings(const struct check *c);
void		 check_emit(struct check *c, enum rule_id r, enum field f,
		    int goal, struct loc loc, const char *value, const char *a,
		    const char *b);

/*
 * A field a form's layout may lack (SPEC 2.2 "Absent fields"): absent
 * when every field from first to last is (the plan is four). The one
 * table of what is then not checked: the engine skips these rules and
 * PB010 names them, once per file and entry.
 */
struct absent_field {
	enum field	 first;
	enum field	 last;
	const char	*field;		/* the finding's field (Chinese) */
	const char	*what[2];	/* PB010 {a}: [LANG_EN], [LANG_ZH] */
	const char	*note[2];	/* PB010 {b}, after "not checked" */
	enum rule_id	 skip[8];	/* the rules about the field */
	size_t		 nskip;
};

/* The table; *n gets its length. */
const struct absent_field *check_absent_fields(size_t *n);
/* Whether p's layout lacks the entry's field. */
bool		 check_absent(const struct project *p,
		    const struct absent_field *a);
/* The entry's rules for a message: "PB101, PB102", "PB201–PB207" (zh:
 * "PB101、PB102"); caller frees. */
char		*check_absent_rules(const struct absent_field *a,
		    enum lang lang);

/*
 * What a project goes by in findings (JSON and SARIF "project", {code} in
 * messages, PB005): its code, or its name when the layout has no code.
 */
const char	*check_project_key(const struct project *p);
/* Where a finding on the project as a whole goes: at its code, or at its
 * name when the layout has no code (then its first row, column 1). */
struct loc	 check_project_loc(const struct project *p);

/* Whether a project code matches the configured pattern (PB102). */
bool		 check_code_matches(const struct check *c, const char *code);

/* Display name of a field in a language ("3月底", "budget (预算数)"). */
char		*check_field_label(enum field f, int goal, enum lang lang);

#endif
