/* What the unit tests share: a read sink that records what a reader delivers, a reporter that captures what the engine found, and a CSV run through both. */
#ifndef PBCHECK_TESTS_SUPPORT_H
#define PBCHECK_TESTS_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "model.h"
#include "read.h"
#include "rules.h"

struct reporter;
struct settings;
struct strbuf;

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * The recording sink: deep copies of every finding and project a reader
 * delivers, so that a test can look at them after the reader has freed
 * its own.
 */

/* What the recording sink keeps of a finding. */
struct rec_diag {
	enum rule_id	 rule;
	struct loc	 loc;
	enum field	 field;
	int		 goal;
	char		*project;	/* copies, or NULL */
	char		*value;
	char		*a;
	char		*a_zh;
	bool		 in_project;
};

/* What the recording sink keeps of a goal. */
struct rec_goal {
	int		 number;
	char		*text;
	struct loc	 loc;
};

/* What the recording sink keeps of an indicator. */
struct rec_indicator {
	char		*text[INDICATOR_FIELDS];
	struct loc	 loc[INDICATOR_FIELDS];
	int		 line;
	enum level1	 level1;
	enum level2	 level2;
};

/* What the recording sink keeps of a project. */
struct rec_project {
	char		*file;
	char		*text[PROJECT_FIELDS];
	struct loc	 loc[FIELD_COUNT];
	int		 line;
	int		 table;
	bool		 reappeared;
	bool		 absent[FIELD_COUNT];
	size_t		 ngoals;
	struct rec_goal	*goal;
	size_t		 nind;
	struct rec_indicator *ind;
	size_t		 ndiags_before;	/* findings received before it */
};

/* Everything the reads since the last rec_clear() delivered; the sink's ctx. */
struct recorder {
	struct rec_diag		*diag;
	size_t			 ndiags;
	struct rec_project	*project;
	size_t			 nprojects;
};

/* The recorder most tests read into, and a sink bound to it. */
extern struct recorder		rec;
extern const struct read_sink	rec_sink;

/* Sink callbacks for any recorder: ctx is a struct recorder. */
void	 rec_on_diag(void *ctx, const struct read_diag *d);
void	 rec_on_project(void *ctx, struct project *p);
/* Frees what a recorder holds and empties it. */
void	 rec_clear(struct recorder *rc);
/* Setup and teardown that empty rec. */
int	 rec_setup(void **state);
int	 rec_teardown(void **state);
/* How many findings of a rule a recorder holds. */
size_t	 rec_count(const struct recorder *rc, enum rule_id rule);
/* Project i of rec, and a text of its indicator; fail when missing. */
const struct rec_project *project(size_t i);
const char *ind_text(size_t p, size_t i, enum field f);

/*
 * The capture reporter: what the engine reports of a run, kept until the
 * next run.
 */

/* What the capture reporter keeps of a finding. */
struct seen_finding {
	enum rule_id	 rule;
	enum severity	 severity;
	int		 line;
	int		 col;
	char		 file[64];
	char		 project[64];
	char		 field[64];
	char		 message[1024];
};

/* What the capture reporter keeps of a checked project. */
struct seen_project {
	char		 code[64];
	int		 line;
	struct counts	 counts;
};

#define MAX_SEEN	256
#define MAX_SEEN_PROJECTS 256

extern struct seen_finding	seen[MAX_SEEN];
extern size_t			nseen;
extern struct seen_project	seen_projects[MAX_SEEN_PROJECTS];
extern size_t			nseen_projects;
extern struct counts		seen_totals;
extern int			seen_ends;	/* calls of the end hook */
extern int			seen_status;	/* the run's exit status */

/* Sets up rep as the capture reporter for settings s. */
void	 capture_reporter(struct reporter *rep, const struct settings *s);
/* The findings as "PB105@4:3 PB107@4:3" (with_file: "t.csv:PB105@4:3"). */
const char *rendered(bool with_file);
/* How many findings of a rule the last run gave. */
size_t	 seen_count(enum rule_id rule);

/* CSV text: built cell by cell, run through read_csv and the engine. */

/* An input of a run: a file name and its canonical CSV text. */
struct csv_input {
	const char	*path;
	const char	*text;
};

/* Appends s (NULL as "") as a cell, quoted if it holds , " or a newline. */
void	 put_csv_cell(struct strbuf *b, const char *s);
/* Runs the inputs as one batch into the capture reporter; returns nseen. */
size_t	 run_csv_batch(const struct settings *s, const struct csv_input *in,
	    size_t n);
/* Runs one CSV text as the file t.csv; returns nseen. */
size_t	 run_csv(const char *text, const struct settings *s);

/* Assertions. */

/* Fails unless the findings rendered are want. */
void	 expect_findings(const char *what, bool with_file, const char *want);
/* Fails unless f's message holds text (NULL or "" always passes). */
void	 expect_in_message(const struct seen_finding *f, const char *text,
	    const char *what);
void	 assert_loc(struct loc got, int line, int col, int table);

/* Copies src (NULL as "") into dst; a text too long for dst fails the test. */
void	 copy_text(char *dst, size_t n, const char *src);
/* Returns a file of the repository, NUL-terminated; caller frees. */
char	*slurp(const char *path, size_t *len);

#endif
