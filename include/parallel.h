/* The files of a batch read in parallel, handed to the engine in argument order. */
#ifndef PBCHECK_PARALLEL_H
#define PBCHECK_PARALLEL_H

#include <stddef.h>

#include <stdbool.h>

#include "decode.h"
#include "rules.h"

struct batch;
struct check;
struct progress;
struct settings;

/*
 * The settings of input i (SPEC 7: its settings file, its [path:GLOB]
 * keys, the command line over them), as the caller gives the main engine
 * with check_use_settings(): either shared settings, or *own filled in
 * (then *owned is set, and the worker frees it). Called from worker
 * threads: it may only read what the run shares.
 */
typedef const struct settings *(*batch_settings_fn)(void *ctx, size_t i,
		    struct settings *own, bool *owned);

/* The most workers -j takes. */
#define BATCH_MAX_JOBS	1024

/*
 * The inputs paths[0 … n-1] of a run (borrowed until batch_free()), read
 * by up to jobs worker threads: each reads, decodes and parses whole
 * files, runs the rules on each project (check_new_worker(), under the
 * input's settings from the callback) and records what the engine would
 * be told (run.h), a bounded number of projects ahead. With jobs 1, one
 * input, or threads that cannot be started, nothing runs in the
 * background; standard input ("-") is always read by the caller's
 * thread. run is the run's settings (the language of messages); it, the
 * callback's context and progress (may be NULL) outlive b.
 */
struct batch	*batch_new(char *const *paths, size_t n, int jobs,
		    enum encoding enc, const struct settings *run,
		    batch_settings_fn settings, void *ctx,
		    struct progress *progress);
/*
 * Checks input i into c as run_input() would, playing what its worker
 * recorded in the order it was recorded (check_play_project() for each
 * project): the engine, the reporter and the cross-file rules see what a
 * sequential run shows them. Call it for i = 0, 1, … in turn, with c
 * under the settings the callback gives for i.
 */
int		 batch_input(struct batch *b, size_t i, struct check *c,
		    char **err);
/* Stops the workers (any input not yet played is dropped) and frees b. */
void		 batch_free(struct batch *b);

#endif
