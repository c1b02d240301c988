/* Reporters: the output formats, fed project by project, then the end. */
#ifndef PBCHECK_REPORT_H
#define PBCHECK_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct counts;
struct finding;
struct project;
struct run_result;
struct settings;

struct reporter {
	FILE			*out;
	const struct settings	*settings;
	bool			 quiet;
	bool			 color;		/* text: ANSI colours */
	bool			 statistics;	/* --statistics */
	/* The format prints --statistics, counted from every finding at
	 * the end: with it, findings are not taken file by file. */
	bool			 lists_statistics;
	bool			 keys;		/* findings need their baseline
						 * key (finding.key) */
	void			*state;
	void	(*begin)(struct reporter *);
	/* A checked project with its finding counts; p is borrowed. */
	void	(*project)(struct reporter *, const struct project *p,
		    const struct counts *counts);
	/*
	 * Optional: a file's findings, sorted, when the file ends; the
	 * engine then frees them, and res at the end holds none of them
	 * (its totals count them). f is borrowed.
	 */
	void	(*file)(struct reporter *, const struct finding *f, size_t n);
	void	(*end)(struct reporter *, const struct run_result *res);
	void	(*free)(struct reporter *);
};

/* Sets up r for a format name; returns false when the name is unknown. */
bool	report_init(struct reporter *r, const char *format, FILE *out,
	    const struct settings *s, bool quiet);

void	report_text_init(struct reporter *r);
void	report_json_init(struct reporter *r);
void	report_junit_init(struct reporter *r);
void	report_sarif_init(struct reporter *r);
void	report_csv_init(struct reporter *r);
void	report_github_init(struct reporter *r);
void	report_gitlab_init(struct reporter *r);
void	report_html_init(struct reporter *r);

#endif
