/* One input through the pipeline: bytes, what they are, decoding, a reader, the engine. */
#ifndef PBCHECK_RUN_H
#define PBCHECK_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "decode.h"
#include "rules.h"

struct check;
struct progress;
struct project;
struct read_diag;

/*
 * Where an input's reading goes: the engine's calls for one file
 * (check.h), in the order the engine takes them. run_sink_check() binds
 * them to the engine; the parallel batch (parallel.h) records them in a
 * worker thread and plays them to the engine in argument order.
 */
struct run_sink {
	void	*ctx;
	/* The file starts: returns a copy of name that outlives the file's
	 * projects (their file member points at it). */
	const char *(*begin)(void *ctx, const char *name);
	/* format and encoding are static strings. */
	void	(*format)(void *ctx, const char *format, const char *encoding);
	void	(*unreadable)(void *ctx, const char *reason);
	void	(*sheet)(void *ctx, int number, const char *name);
	void	(*diag)(void *ctx, const struct read_diag *d);
	/* The sink may take what p owns (moving it out and zeroing p). */
	void	(*project)(void *ctx, struct project *p);
	/* Counts bytes read and projects delivered, or NULL. */
	struct progress *progress;
	/*
	 * The reader may check a CSV input's rows in a thread of its own
	 * while it parses the next ones (the calls above then come from
	 * that thread until the input ends, never two at once).
	 */
	bool	 threaded;
};

/* A sink bound to the engine c (progress NULL). */
void	run_sink_check(struct run_sink *rs, struct check *c);

/*
 * Checks one input ("-" is standard input), read as what its bytes are
 * (SPEC 1): a file that is not a table pbcheck reads is PB001. Returns 0,
 * or -1 when the input cannot be opened or read at all: the file is
 * marked unreadable with the reason in English, and *err is set to
 * "NAME: reason" in the run's language for standard error (caller frees).
 */
int	run_input(struct check *c, const char *path, enum encoding enc,
	    char **err);

/* The same through a sink; lang is the language of *err. Safe to call
 * from several threads at once on different sinks (after read_init()). */
int	run_input_to(const struct run_sink *rs, const char *path,
	    enum encoding enc, enum lang lang, char **err);

#endif
