/* Rows handed to a table reader that runs in a thread of its own. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"
#include "rowpipe.h"
#include "util.h"

/* A batch is handed over when it holds this many bytes or rows. */
#define BATCH_BYTES	65536
#define BATCH_ROWS	512
/*
 * At most this many batches wait for the thread (2 MiB): enough that
 * neither thread waits for the other when one of them is held up for a
 * few milliseconds (a shared machine's scheduler). A full queue lets the
 * parser go on once the thread has taken half of it, not after each
 * batch, so that the two wake each other seldom.
 */
#define QUEUE_MAX	32
/* A batch that one huge row made bigger than this is let go. */
#define BATCH_KEEP	(1 << 20)

struct pipe_row {
	size_t	 first;		/* its first cell in the batch */
	size_t	 n;
	int	 line;
};

/* Rows, their cells' bytes in one buffer. */
struct batch {
	struct batch	*next;
	char		*data;
	size_t		 len, cap;
	size_t		*off, *len_of;	/* each cell's, off into data */
	size_t		 ncells, capcells;
	struct pipe_row	*rows;
	size_t		 nrows, caprows;
};

struct row_pipe {
	struct table_reader	*t;
	pthread_t		 thread;
	struct batch		*fill;		/* the caller's, being filled */
	/* Under lock: */
	pthread_mutex_t		 lock;
	pthread_cond_t		 more;		/* a batch came, or the end */
	pthread_cond_t		 room;		/* a batch was read */
	struct batch		*head, *tail;	/* waiting for the thread */
	size_t			 queued;
	struct batch		*spare;		/* read, to fill again: a list */
	bool			 end;
	/* The thread's: the cells of the row it reads. */
	const char		**cells;
	size_t			 capcells;
};

static void
batch_free(struct batch *b)
{
	if (b == NULL)
		return;
	free(b->data);
	free(b->off);
	free(b->len_of);
	free(b->rows);
	free(b);
}

static void
batch_give(struct row_pipe *p, struct batch *b)
{
	size_t i;

	if (p->capcells < b->ncells) {
		p->capcells = b->ncells;
		p->cells = xreallocarray(p->cells, p->capcells,
		    sizeof(*p->cells));
	}
	for (i = 0; i < b->ncells; i++)
		p->cells[i] = b->data + b->off[i];
	for (i = 0; i < b->nrows; i++)
		table_reader_row_trimmed(p->t, p->cells + b->rows[i].first,
		    b->len_of + b->rows[i].first, b->rows[i].n,
		    b->rows[i].line);
}

static void *
drain(void *arg)
{
	struct row_pipe *p = arg;
	struct batch *b;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->head == NULL && !p->end)
			pthread_cond_wait(&p->more, &p->lock);
		if ((b = p->head) == NULL)
			break;
		p->head = b->next;
		if (p->head == NULL)
			p->tail = NULL;
		if (p->queued-- == QUEUE_MAX / 2 + 1)
			pthread_cond_signal(&p->room);
		pthread_mutex_unlock(&p->lock);
		batch_give(p, b);
		b->len = b->ncells = b->nrows = 0;
		pthread_mutex_lock(&p->lock);
		if (b->cap > BATCH_KEEP)
			batch_free(b);
		else {
			b->next = p->spare;
			p->spare = b;
		}
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct row_pipe *
row_pipe_start(struct table_reader *t)
{
	struct row_pipe *p = xcalloc(1, sizeof(*p));

	p->t = t;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->more, NULL);
	pthread_cond_init(&p->room, NULL);
	if (pthread_create(&p->thread, NULL, drain, p) != 0) {
		pthread_cond_destroy(&p->more);
		pthread_cond_destroy(&p->room);
		pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	return p;
}

/* Hands the filled batch to the thread; waits while the queue is full. */
static void
flush(struct row_pipe *p)
{
	struct batch *b = p->fill;

	if (b == NULL || b->nrows == 0)
		return;
	pthread_mutex_lock(&p->lock);
	if (p->queued >= QUEUE_MAX)
		while (p->queued > QUEUE_MAX / 2)
			pthread_cond_wait(&p->room, &p->lock);
	b->next = NULL;
	if (p->tail != NULL)
		p->tail->next = b;
	else
		p->head = b;
	p->tail = b;
	p->queued++;
	pthread_cond_signal(&p->more);
	if ((p->fill = p->spare) != NULL)
		p->spare = p->spare->next;
	pthread_mutex_unlock(&p->lock);
}

void
row_pipe_row(struct row_pipe *p, const char *base, size_t size,
    const size_t *off, const size_t *len, size_t n, int line)
{
	struct batch *b;
	size_t i;

	if (p->fill == NULL)
		p->fill = xcalloc(1, sizeof(*p->fill));
	b = p->fill;
	if (b->len + size > b->cap) {
		b->cap = b->len + size > 2 * b->cap ? b->len + size :
		    2 * b->cap;
		if (b->cap < BATCH_BYTES)
			b->cap = BATCH_BYTES;
		b->data = xrealloc(b->data, b->cap);
	}
	if (b->ncells + n > b->capcells) {
		b->capcells = b->ncells + n > 2 * b->capcells ?
		    b->ncells + n : 2 * b->capcells;
		b->off = xreallocarray(b->off, b->capcells, sizeof(*b->off));
		b->len_of = xreallocarray(b->len_of, b->capcells,
		    sizeof(*b->len_of));
	}
	if (b->nrows == b->caprows) {
		b->caprows = b->caprows ? 2 * b->caprows : 64;
		b->rows = xreallocarray(b->rows, b->caprows,
		    sizeof(*b->rows));
	}
	if (size > 0)
		memcpy(b->data + b->len, base, size);
	for (i = 0; i < n; i++) {
		b->off[b->ncells + i] = b->len + off[i];
		b->len_of[b->ncells + i] = len[i];
	}
	b->rows[b->nrows].first = b->ncells;
	b->rows[b->nrows].n = n;
	b->rows[b->nrows].line = line;
	b->nrows++;
	b->ncells += n;
	b->len += size;
	if (b->len >= BATCH_BYTES || b->nrows >= BATCH_ROWS)
		flush(p);
}

void
row_pipe_end(struct row_pipe *p)
{
	struct batch *b;

	if (p == NULL)
		return;
	flush(p);
	pthread_mutex_lock(&p->lock);
	p->end = true;
	pthread_cond_signal(&p->more);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	batch_free(p->fill);
	while ((b = p->spare) != NULL) {
		p->spare = b->next;
		batch_free(b);
	}
	while ((b = p->head) != NULL) {
		p->head = b->next;
		batch_free(b);
	}
	pthread_cond_destroy(&p->more);
	pthread_cond_destroy(&p->room);
	pthread_mutex_destroy(&p->lock);
	free(p->cells);
	free(p);
}
