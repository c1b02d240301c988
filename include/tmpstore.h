/* Bytes kept aside while a report is made: in memory, past a size in a temporary file. */
#ifndef PBCHECK_TMPSTORE_H
#define PBCHECK_TMPSTORE_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

/*
 * Zero it and set mem_max: bytes are held in memory while they fit in
 * mem_max (0: never), then in a temporary file with a 64 KiB stdio
 * buffer; in memory after all when no temporary file can be made.
 */
struct tmpstore {
	size_t		 mem_max;
	FILE		*f;		/* the temporary file, or NULL */
	char		*buf;		/* its stdio buffer */
	struct strbuf	 mem;		/* the bytes, while in memory */
	off_t		 len;		/* bytes written so far */
	bool		 no_file;	/* no temporary file could be made */
	bool		 error;		/* a write or read failed */
};

void	tmpstore_write(struct tmpstore *t, const void *p, size_t n);
/* Writes what stdio holds to the file; call before reading. */
void	tmpstore_flush(struct tmpstore *t);
/* Reads n bytes at off; on a failure sets error and fills p with fill. */
void	tmpstore_read(struct tmpstore *t, off_t off, void *p, size_t n,
	    int fill);
/* Copies [off, end) to out, through a buffer of its own when in a file. */
void	tmpstore_copy(struct tmpstore *t, off_t off, off_t end, FILE *out);
void	tmpstore_free(struct tmpstore *t);

#endif
