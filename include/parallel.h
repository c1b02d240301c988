/* The files of a batch read in parallel, handed to the engine in argument order. */
#ifndef PBCHECK_PARALLEL_H
#define PBCHECK_PARALLEL_H

#include <stddef.h>

#include "decode.h"
#include "rules.h"

struct batch;
struct check;
struct progress;

/* The most workers -j takes. */
#define BATCH_MAX_JOBS	1024

/*
 * The inputs paths[0 … n-1] of a run (borrowed until batch_free()), read
 * by up to jobs worker threads: each reads, decodes and parses whole
 * files and records what the engine would be told (run.h), a bounded
 * number of projects ahead. With jobs 1, one input, or threads that
 * cannot be started, nothing runs in the background; standard input
 * ("-") is always read by the caller's thread. progress may be NULL.
 */
struct batch	*batch_new(char *const *paths, size_t n, int jobs,
		    enum encoding enc, enum lang lang, struct progress *progress);
/*
 * Checks input i into c as run_input() would, playing what its worker
 * recorded in the order it was recorded; the engine, the reporter and the
 * cross-file rules see exactly the calls of a sequential run. Call it for
 * i = 0, 1, … in turn.
 */
int		 batch_input(struct batch *b, size_t i, struct check *c,
		    char **err);
/* Stops the workers (any input not yet played is dropped) and frees b. */
void		 batch_free(struct batch *b);

#endif
