/* The files of a batch read by worker threads and played to the engine in argument order. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "parallel.h"
#include "read.h"
#include "run.h"
#include "util.h"

/*
 * A worker stops when its file has this many calls waiting to be played:
 * memory holds at most about this many projects per file in flight.
 */
#define QUEUE_MAX	256

/* One recorded call of a run sink. */
enum ev_kind {
	EV_FORMAT,
	EV_UNREADABLE,
	EV_SHEET,
	EV_DIAG,
	EV_PROJECT
};

struct event {
	struct event	*next;
	enum ev_kind	 kind;
	size_t		 worker;	/* who made it, and frees it */
	const char	*format;	/* EV_FORMAT: static strings */
	const char	*encoding;
	char		*text;		/* EV_UNREADABLE reason, EV_SHEET name */
	int		 number;	/* EV_SHEET */
	struct read_diag diag;		/* EV_DIAG: its strings owned */
	struct project	 p;		/* EV_PROJECT: taken from the reader */
	/* EV_PROJECT, checked: the findings of the worker's engine. */
	bool		 checked;
	struct finding	*f;
	size_t		 nf, nlayout;
};

/* An input: what its worker recorded and the main thread has not played. */
struct slot {
	char		*name;		/* as begin() got it: the files' path */
	struct event	*head, *tail;
	size_t		 queued;
	bool		 caller;	/* read by the caller's thread ("-") */
	bool		 done;		/* its worker has finished it */
	int		 rc;
	char		*err;
};

/* A worker, and what its sink records into. */
struct recorder {
	struct batch	*b;
	size_t		 w;		/* the worker's number */
	size_t		 i;		/* the input it reads */
	struct check	*engine;	/* its engine, or NULL: main checks */
};

struct batch {
	char *const	*paths;
	size_t		 n;
	enum encoding	 enc;
	enum lang	 lang;
	struct progress	*progress;
	const struct settings *run;
	batch_settings_fn settings;
	void		*settings_ctx;
	struct slot	*slots;
	pthread_t	*threads;
	struct recorder	*workers;
	size_t		 nthreads;
	size_t		 ahead;		/* inputs taken but not played, at most */
	int		 jobs;		/* as asked */
	/* Under lock: */
	pthread_mutex_t	 lock;
	pthread_cond_t	 more;		/* the played input has calls or ended */
	pthread_cond_t	 room;		/* an input was played or drained */
	size_t		 next;		/* the next input a worker takes */
	size_t		 played;	/* inputs played so far */
	bool		 stop;
	/*
	 * Per worker, the calls played: the worker frees them, so that what
	 * a thread allocated goes back to its own arena of malloc (freed by
	 * another thread, it costs that arena's consolidation work).
	 */
	struct event	**garbage;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
event_free(struct event *e)
{
	free(e->text);
	free((char *)e->diag.project);
	free((char *)e->diag.value);
	free((char *)e->diag.a);
	free((char *)e->diag.a_zh);
	free((char *)e->diag.b);
	project_free(&e->p);
	check_findings_free(e->f, e->nf);
	free(e);
}

static void
events_free(struct event *e)
{
	struct event *next;

	for (; e != NULL; e = next) {
		next = e->next;
		event_free(e);
	}
}

/* The worker's played calls, to free outside the lock; under b->lock. */
static struct event *
take_garbage(struct batch *b, size_t w)
{
	struct event *g = b->garbage[w];

	b->garbage[w] = NULL;
	return g;
}

/* Adds e to its input's calls; waits while too many are waiting. */
static void
record(struct recorder *r, struct event *e)
{
	struct batch *b = r->b;
	struct slot *s = &b->slots[r->i];
	struct event *g;

	e->worker = r->w;
	pthread_mutex_lock(&b->lock);
	if (s->tail != NULL)
		s->tail->next = e;
	else
		s->head = e;
	s->tail = e;
	s->queued++;
	if (r->i == b->played)
		pthread_cond_broadcast(&b->more);
	while (s->queued >= QUEUE_MAX && !b->stop)
		pthread_cond_wait(&b->room, &b->lock);
	g = take_garbage(b, r->w);
	pthread_mutex_unlock(&b->lock);
	events_free(g);
}

static struct event *
event_new(enum ev_kind kind)
{
	struct event *e = xcalloc(1, sizeof(*e));

	e->kind = kind;
	return e;
}

static const char *
rec_begin(void *ctx, const char *name)
{
	struct recorder *r = ctx;
	struct slot *s = &r->b->slots[r->i];

	/* Only this worker touches the name until the input is done. */
	s->name = xstrdup(name);
	return s->name;
}

static void
rec_format(void *ctx, const char *format, const char *encoding)
{
	struct event *e = event_new(EV_FORMAT);

	e->format = format;
	e->encoding = encoding;
	record(ctx, e);
}

static void
rec_unreadable(void *ctx, const char *reason)
{
	struct event *e = event_new(EV_UNREADABLE);

	e->text = dup_or_null(reason);
	record(ctx, e);
}

static void
rec_sheet(void *ctx, int number, const char *name)
{
	struct event *e = event_new(EV_SHEET);

	e->number = number;
	e->text = xstrdup(name);
	record(ctx, e);
}

static void
rec_diag(void *ctx, const struct read_diag *d)
{
	struct event *e = event_new(EV_DIAG);

	e->diag = *d;
	e->diag.project = dup_or_null(d->project);
	e->diag.value = dup_or_null(d->value);
	e->diag.a = dup_or_null(d->a);
	e->diag.a_zh = dup_or_null(d->a_zh);
	e->diag.b = dup_or_null(d->b);
	record(ctx, e);
}

static void
rec_project(void *ctx, struct project *p)
{
	struct recorder *r = ctx;
	struct event *e = event_new(EV_PROJECT);

	/* The rules run here; what needs the batch is left to play(). */
	if (r->engine != NULL) {
		check_sink_project(r->engine, p);
		e->f = check_worker_take(r->engine, &e->nf, &e->nlayout);
		e->checked = true;
	}
	/* Taken, not copied: the reader frees a zeroed project. */
	e->p = *p;
	memset(p, 0, sizeof(*p));
	record(ctx, e);
}

static void *
work(void *arg)
{
	struct recorder *r = arg;
	struct batch *b = r->b;
	struct run_sink rs = { r, rec_begin, rec_format, rec_unreadable,
	    rec_sheet, rec_diag, rec_project, b->progress, false };
	struct settings own;
	const struct settings *fs;
	struct slot *s;
	struct event *g;
	char *err;
	bool owned;
	int rc;

	/* Without an engine (it cannot be made), the main thread checks. */
	r->engine = check_new_worker(b->run, &err);
	free(err);
	pthread_mutex_lock(&b->lock);
	for (;;) {
		while (b->next < b->n && b->slots[b->next].caller)
			b->next++;
		if (b->stop || b->next >= b->n)
			break;
		if (b->next >= b->played + b->ahead) {
			pthread_cond_wait(&b->room, &b->lock);
			continue;
		}
		r->i = b->next++;
		g = take_garbage(b, r->w);
		pthread_mutex_unlock(&b->lock);
		events_free(g);
		owned = false;
		if (r->engine != NULL) {
			fs = b->settings(b->settings_ctx, r->i, &own, &owned);
			check_use_settings(r->engine, fs, NULL);
			check_worker_file(r->engine);
		}
		rc = run_input_to(&rs, b->paths[r->i], b->enc, b->lang, &err);
		if (r->engine != NULL)
			check_use_settings(r->engine, NULL, NULL);
		if (owned)
			settings_free(&own);
		pthread_mutex_lock(&b->lock);
		s = &b->slots[r->i];
		s->rc = rc;
		s->err = err;
		s->done = true;
		pthread_cond_broadcast(&b->more);
	}
	pthread_mutex_unlock(&b->lock);
	check_free(r->engine);
	r->engine = NULL;
	return NULL;
}

struct batch *
batch_new(char *const *paths, size_t n, int jobs, enum encoding enc,
    const struct settings *run, batch_settings_fn settings, void *ctx,
    struct progress *progress)
{
	struct batch *b = xcalloc(1, sizeof(*b));
	size_t i, want, files = 0;

	b->run = run;
	b->settings = settings;
	b->settings_ctx = ctx;
	b->lang = run->lang;
	b->paths = paths;
	b->n = n;
	b->enc = enc;
	b->progress = progress;
	b->jobs = jobs;
	b->slots = xcalloc(n + 1, sizeof(*b->slots));
	for (i = 0; i < n; i++)
		if (!(b->slots[i].caller = strcmp(paths[i], "-") == 0))
			files++;
	want = jobs > 1 && files > 1 ? (size_t)jobs : 0;
	if (want > files)
		want = files;
	if (want == 0)
		return b;
	b->ahead = 2 * want;
	pthread_mutex_init(&b->lock, NULL);
	pthread_cond_init(&b->more, NULL);
	pthread_cond_init(&b->room, NULL);
	b->threads = xcalloc(want, sizeof(*b->threads));
	b->workers = xcalloc(want, sizeof(*b->workers));
	b->garbage = xcalloc(want, sizeof(*b->garbage));
	for (i = 0; i < want; i++) {
		b->workers[i].b = b;
		b->workers[i].w = i;
		if (pthread_create(&b->threads[i], NULL, work,
		    &b->workers[i]) != 0)
			break;
		b->nthreads++;
	}
	return b;
}

/* Plays a run of recorded calls to the engine; returns the last. */
static struct event *
play(struct check *c, struct event *e, const char *file)
{
	struct event *last = NULL;

	for (; e != NULL; e = e->next) {
		last = e;
		switch (e->kind) {
		case EV_FORMAT:
			check_file_format(c, e->format, e->encoding);
			break;
		case EV_UNREADABLE:
			check_file_unreadable(c, e->text);
			break;
		case EV_SHEET:
			check_file_sheet(c, e->number, e->text);
			break;
		case EV_DIAG:
			check_sink_diag(c, &e->diag);
			break;
		case EV_PROJECT:
			e->p.file = file;
			if (e->checked)
				check_play_project(c, &e->p, e->f, e->nf,
				    e->nlayout);
			else
				check_sink_project(c, &e->p);
			break;
		}
	}
	return last;
}

int
batch_input(struct batch *b, size_t i, struct check *c, char **err)
{
	struct slot *s = &b->slots[i];
	struct run_sink rs;
	struct event *e, *last;
	const char *file = NULL;
	bool done;
	int rc;

	if (b->nthreads == 0 || s->caller) {
		run_sink_check(&rs, c);
		rs.progress = b->progress;
		/* No worker reads: the input may have a second thread. */
		rs.threaded = b->nthreads == 0 && b->jobs > 1;
		rc = run_input_to(&rs, b->paths[i], b->enc, b->lang, err);
	} else {
		pthread_mutex_lock(&b->lock);
		for (;;) {
			while (s->head == NULL && !s->done)
				pthread_cond_wait(&b->more, &b->lock);
			e = s->head;
			done = s->done;
			s->head = s->tail = NULL;
			s->queued = 0;
			pthread_cond_broadcast(&b->room);
			pthread_mutex_unlock(&b->lock);
			/* The worker set the name before its first call. */
			if (file == NULL)
				file = check_file_begin(c, s->name);
			last = play(c, e, file);
			pthread_mutex_lock(&b->lock);
			/* One worker made every call of an input. */
			if (last != NULL) {
				last->next = b->garbage[last->worker];
				b->garbage[last->worker] = e;
			}
			if (done) {
				pthread_mutex_unlock(&b->lock);
				break;
			}
		}
		rc = s->rc;
		*err = s->err;
		s->err = NULL;
		free(s->name);
		s->name = NULL;
	}
	if (b->nthreads > 0) {
		pthread_mutex_lock(&b->lock);
		b->played = i + 1;
		pthread_cond_broadcast(&b->room);
		pthread_mutex_unlock(&b->lock);
	}
	return rc;
}

void
batch_free(struct batch *b)
{
	size_t i;

	if (b == NULL)
		return;
	if (b->threads != NULL) {
		pthread_mutex_lock(&b->lock);
		b->stop = true;
		pthread_cond_broadcast(&b->room);
		pthread_mutex_unlock(&b->lock);
		for (i = 0; i < b->nthreads; i++)
			pthread_join(b->threads[i], NULL);
		for (i = 0; i < b->nthreads; i++)
			events_free(b->garbage[i]);
		free(b->garbage);
		free(b->workers);
		pthread_cond_destroy(&b->more);
		pthread_cond_destroy(&b->room);
		pthread_mutex_destroy(&b->lock);
		free(b->threads);
	}
	for (i = 0; i < b->n; i++) {
		events_free(b->slots[i].head);
		free(b->slots[i].name);
		free(b->slots[i].err);
	}
	free(b->slots);
	free(b);
}
