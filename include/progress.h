/* The progress line on standard error: files, projects, MB/s, ETA. */
#ifndef PBCHECK_PROGRESS_H
#define PBCHECK_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

#include "rules.h"

struct progress;

/*
 * Starts the progress line of a run of nfiles inputs holding total_bytes
 * (negative when unknown: standard input, a pipe). The line appears only
 * when standard error is a terminal and CI is not set in the environment;
 * otherwise NULL is returned (every function below takes NULL and does
 * nothing). A thread of its own draws the line once the run has lasted
 * the delay (2 s, or PBCHECK_PROGRESS_DELAY_MS milliseconds, a hook for
 * tests), then about four times a second.
 */
struct progress	*progress_start(size_t nfiles, long long total_bytes,
		    enum lang lang);
/* Counters; safe from any thread. */
void		 progress_bytes(struct progress *p, size_t n);
void		 progress_project(struct progress *p);
void		 progress_file_done(struct progress *p);
/* Clears the line and keeps it away while the caller writes to standard
 * error, until progress_release(). */
void		 progress_hold(struct progress *p);
void		 progress_release(struct progress *p);
/*
 * When standard output is a terminal too (the line and a report on one
 * screen): a stream to use instead of stdout for the report, which clears
 * the line before each line of the report (the bytes written are those
 * given). Close it before progress_end(); fclose() reports a write
 * error. NULL when standard output is not a terminal, or p is NULL.
 */
FILE		*progress_stdout(struct progress *p);
/* Stops the thread, clears the line and frees p. */
void		 progress_end(struct progress *p);

#endif
