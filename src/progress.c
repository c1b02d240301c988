/* The progress line on standard error: drawn by a thread of its own, cleared before anything else is said. */
#define _GNU_SOURCE		/* fopencookie() */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "util.h"

#define DELAY_MS	2000	/* quiet for runs shorter than this */
#define PERIOD_MS	250	/* redrawn at most this often */

struct progress {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 wake;
	bool			 stop;		/* under lock */
	bool			 shown;		/* the line is on the screen */
	size_t			 nfiles;
	long long		 total;		/* bytes, or < 0 */
	enum lang		 lang;
	long			 delay_ms;
	struct timespec		 t0;		/* CLOCK_MONOTONIC */
	atomic_llong		 bytes;
	atomic_long		 projects;
	atomic_size_t		 files;
};

static double
elapsed(const struct progress *p)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - p->t0.tv_sec) +
	    (double)(now.tv_nsec - p->t0.tv_nsec) / 1e9;
}

/* Writes all of s to standard error (unbuffered: no stdio lock taken
 * while the main thread may hold it). */
static void
put(const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(STDERR_FILENO, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

#define CLEAR	"\r\033[K"

/* Draws the line; under p->lock. */
static void
draw(struct progress *p, double t)
{
	long long bytes = atomic_load(&p->bytes);
	long projects = atomic_load(&p->projects);
	size_t files = atomic_load(&p->files);
	double rate = t > 0 ? (double)bytes / 1048576.0 / t : 0;
	char line[256], eta[64] = "";
	bool zh = p->lang == LANG_ZH;
	int n;

	if (p->total >= 0 && bytes > 0 && bytes <= p->total && t > 0) {
		double left = (double)(p->total - bytes) / ((double)bytes / t);
		long s = left < 360000 ? (long)(left + 0.5) : 359999;

		snprintf(eta, sizeof(eta), zh ? "，预计还需 %ld:%02ld" :
		    ", ETA %ld:%02ld", s / 60, s % 60);
	}
	n = snprintf(line, sizeof(line), zh ?
	    CLEAR "pbcheck：文件 %zu/%zu，项目 %ld，%.1f MB/s%s" :
	    CLEAR "pbcheck: %zu/%zu files, %ld projects, %.1f MB/s%s",
	    files, p->nfiles, projects, rate, eta);
	if (n > 0)
		put(line, (size_t)n < sizeof(line) ? (size_t)n :
		    sizeof(line) - 1);
	p->shown = true;
}

static void
clear(struct progress *p)
{
	if (p->shown)
		put(CLEAR, sizeof(CLEAR) - 1);
	p->shown = false;
}

static void *
run(void *arg)
{
	struct progress *p = arg;
	struct timespec until;
	double t;

	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		t = elapsed(p);
		if (t * 1000 >= (double)p->delay_ms)
			draw(p, t);
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += PERIOD_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!p->stop && pthread_cond_timedwait(&p->wake, &p->lock,
		    &until) != ETIMEDOUT)
			continue;
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct progress *
progress_start(size_t nfiles, long long total_bytes, enum lang lang)
{
	struct progress *p;
	pthread_condattr_t ca;
	const char *ci = getenv("CI"), *d;
	char *end;
	long ms = DELAY_MS;

	if (ci != NULL || !isatty(STDERR_FILENO))
		return NULL;
	if ((d = getenv("PBCHECK_PROGRESS_DELAY_MS")) != NULL && *d != '\0') {
		ms = strtol(d, &end, 10);
		if (*end != '\0' || ms < 0)
			ms = DELAY_MS;
	}
	p = xcalloc(1, sizeof(*p));
	p->nfiles = nfiles;
	p->total = total_bytes;
	p->lang = lang;
	p->delay_ms = ms;
	atomic_init(&p->bytes, 0);
	atomic_init(&p->projects, 0);
	atomic_init(&p->files, 0);
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	pthread_mutex_init(&p->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&p->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&p->thread, NULL, run, p) != 0) {
		/* No line, and the run goes on without it. */
		pthread_cond_destroy(&p->wake);
		pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	return p;
}

void
progress_bytes(struct progress *p, size_t n)
{
	if (p != NULL)
		atomic_fetch_add_explicit(&p->bytes, (long long)n,
		    memory_order_relaxed);
}

void
progress_project(struct progress *p)
{
	if (p != NULL)
		atomic_fetch_add_explicit(&p->projects, 1,
		    memory_order_relaxed);
}

void
progress_file_done(struct progress *p)
{
	if (p != NULL)
		atomic_fetch_add_explicit(&p->files, 1, memory_order_relaxed);
}

void
progress_hold(struct progress *p)
{
	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	clear(p);
}

void
progress_release(struct progress *p)
{
	if (p != NULL)
		pthread_mutex_unlock(&p->lock);
}

/* Writes a report's bytes to the terminal with the line out of the way. */
static ssize_t
stream_write(void *cookie, const char *buf, size_t n)
{
	struct progress *p = cookie;
	size_t done = 0;
	ssize_t w;

	progress_hold(p);
	while (done < n) {
		w = write(STDOUT_FILENO, buf + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			progress_release(p);
			return -1;
		}
		done += (size_t)w;
	}
	progress_release(p);
	return (ssize_t)n;
}

FILE *
progress_stdout(struct progress *p)
{
	cookie_io_functions_t io = { NULL, stream_write, NULL, NULL };
	FILE *fp;

	if (p == NULL || !isatty(STDOUT_FILENO) || fflush(stdout) != 0)
		return NULL;
	if ((fp = fopencookie(p, "w", io)) == NULL)
		return NULL;
	/* As standard output on a terminal: a line at a time. */
	setvbuf(fp, NULL, _IOLBF, BUFSIZ);
	return fp;
}

void
progress_end(struct progress *p)
{
	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_signal(&p->wake);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	clear(p);
	pthread_cond_destroy(&p->wake);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
