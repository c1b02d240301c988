/* One input through the pipeline: bytes, decoding, a reader, the engine. */
#ifndef PBCHECK_RUN_H
#define PBCHECK_RUN_H

#include "decode.h"

struct check;

/*
 * Checks one input ("-" is standard input). Returns 0, or -1 when the
 * input cannot be opened or read at all, with *err set (caller frees).
 */
int	run_input(struct check *c, const char *path, enum encoding enc,
	    char **err);

#endif
