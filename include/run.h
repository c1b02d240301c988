/* One input through the pipeline: bytes, what they are, decoding, a reader, the engine. */
#ifndef PBCHECK_RUN_H
#define PBCHECK_RUN_H

#include "decode.h"

struct check;

/*
 * Checks one input ("-" is standard input), read as what its bytes are
 * (SPEC 1): a file that is not a table pbcheck reads is PB001. Returns 0,
 * or -1 when the input cannot be opened or read at all: the file is
 * marked unreadable with the reason in English, and *err is set to
 * "NAME: reason" in the run's language for standard error (caller frees).
 */
int	run_input(struct check *c, const char *path, enum encoding enc,
	    char **err);

#endif
