/* Rows handed to a table reader that runs in a thread of its own. */
#ifndef PBCHECK_ROWPIPE_H
#define PBCHECK_ROWPIPE_H

#include <stddef.h>

struct table_reader;
struct row_pipe;

/*
 * Starts a thread that gives t the rows queued, their cells trimmed by
 * the caller (table_reader_row_trimmed()), in the order queued, so that parsing the next rows and checking the last
 * ones overlap. From then until row_pipe_end() the caller must not touch
 * t, nor anything t's sink reaches (the engine, the reporter): the
 * thread does. Returns NULL when no thread can be started (the caller
 * then goes on feeding t itself).
 */
struct row_pipe	*row_pipe_start(struct table_reader *t);
/*
 * Queues one row of n cells, copied: cell i is the NUL-terminated
 * string at base + off[i], len[i] bytes long, and base[0 .. size) holds
 * them all. line is the row's location line. Waits while the queue is
 * full, so that memory holds a few batches of rows, not the file.
 */
void		 row_pipe_row(struct row_pipe *p, const char *base,
		    size_t size, const size_t *off, const size_t *len,
		    size_t n, int line);
/* Waits until the thread has given t every row, ends it, frees p. */
void		 row_pipe_end(struct row_pipe *p);

#endif
