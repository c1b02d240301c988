/* A reporter's findings, each made into its bytes as it is passed, kept aside and given back at the end in the engine's finding order. */
#include <sys/types.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "report.h"
#include "spill.h"
#include "tmpstore.h"
#include "util.h"


/*
 * Each record is written with the sort key of the engine (check.c
 * finding_cmp) past the file, which its run holds: files of one name
 * (the same input twice) merge as the engine's sort would.
 */
struct spill_head {
	struct finding_key key;
	size_t		 len;
};

/* One run of a file's records (a file may have several). */
struct spill_run {
	const char	*path;
	size_t		 index;		/* the order runs were made in */
	off_t		 off;
	off_t		 end;
	size_t		 n;
};

struct spill {
	struct tmpstore	 ts;		/* the records, in a temporary file */
	struct spill_run *runs;
	size_t		 nruns;
	size_t		 count;
};

struct spill *
spill_new(void)
{
	return xcalloc(1, sizeof(struct spill));
}

void
spill_free(struct spill *sp)
{
	if (sp == NULL)
		return;
	tmpstore_free(&sp->ts);
	free(sp->runs);
	free(sp);
}

size_t
spill_count(const struct spill *sp)
{
	return sp->count;
}

static void
spill_write(struct spill *sp, const void *p, size_t n)
{
	tmpstore_write(&sp->ts, p, n);
}

/* Reads n bytes at off (the file is flushed). */
static void
spill_read(struct spill *sp, off_t off, void *p, size_t n)
{
	tmpstore_read(&sp->ts, off, p, n, 0);
}

void
spill_findings(struct spill *sp, const struct reporter *r, const char *file,
    const struct finding *f, size_t n,
    void (*put)(const struct reporter *r, struct strbuf *b,
    const char *file, const struct finding *f))
{
	struct spill_run *run;
	struct spill_head h;
	struct strbuf b = {0};
	size_t i;

	sp->runs = xgrowarray(sp->runs, sp->nruns, sizeof(*sp->runs));
	run = &sp->runs[sp->nruns];
	run->path = f[0].file;
	run->index = sp->nruns++;
	run->off = sp->ts.len;
	run->n = n;
	memset(&h, 0, sizeof(h));
	for (i = 0; i < n; i++) {
		b.len = 0;
		put(r, &b, file, &f[i]);
		h.key = finding_key_of(&f[i]);
		h.len = b.len;
		spill_write(sp, &h, sizeof(h));
		spill_write(sp, b.data, b.len);
	}
	run->end = sp->ts.len;
	sp->count += n;
	strbuf_free(&b);
}

static int
run_cmp(const void *va, const void *vb)
{
	const struct spill_run *a = va, *b = vb;
	int d;

	if (a->path != b->path && (d = strcmp(a->path, b->path)) != 0)
		return d;
	return a->index < b->index ? -1 : a->index > b->index;
}


/* A run being read back, through a buffer of its own. */
struct cursor {
	struct spill_head h;		/* the next record's key */
	bool		 loaded;	/* h is a record's */
	size_t		 left;		/* records not loaded yet */
	off_t		 at, end;	/* the run's unread bytes */
	char		 buf[16384];
	size_t		 pos, len;
};

/* Gives up to n bytes of the run; returns how many (0 at its end). */
static size_t
cursor_bytes(struct spill *sp, struct cursor *k, const char **p, size_t n)
{
	if (k->pos == k->len) {
		k->len = k->end - k->at < (off_t)sizeof(k->buf) ?
		    (size_t)(k->end - k->at) : sizeof(k->buf);
		spill_read(sp, k->at, k->buf, k->len);
		k->at += (off_t)k->len;
		k->pos = 0;
	}
	if (n > k->len - k->pos)
		n = k->len - k->pos;
	*p = k->buf + k->pos;
	k->pos += n;
	return n;
}

static void
cursor_next(struct spill *sp, struct cursor *k)
{
	char *h = (char *)&k->h;
	const char *p;
	size_t got, n = sizeof(k->h);

	if (!(k->loaded = k->left > 0))
		return;
	k->left--;
	while (n > 0 && (got = cursor_bytes(sp, k, &p, n)) > 0) {
		memcpy(h, p, got);
		h += got;
		n -= got;
	}
}

/* Restores the heap order of the cursors from slot i down. */
static void
sift_down(struct cursor **heap, size_t n, size_t i)
{
	struct cursor *t;
	size_t least, l, r;

	for (;;) {
		least = i;
		l = 2 * i + 1;
		r = l + 1;
		if (l < n && finding_key_cmp(&heap[l]->h.key, &heap[least]->h.key) < 0)
			least = l;
		if (r < n && finding_key_cmp(&heap[r]->h.key, &heap[least]->h.key) < 0)
			least = r;
		if (least == i)
			return;
		t = heap[i];
		heap[i] = heap[least];
		heap[least] = t;
		i = least;
	}
}

/*
 * Writes the records of runs[0..n) (one file name) in the order of the
 * engine's sort, merging the runs by their keys (a heap of cursors);
 * *nout counts the records written, for the separators.
 */
static void
copy_runs(struct spill *sp, const struct spill_run *runs, size_t n,
    FILE *out, const char *first, const char *sep, size_t *nout)
{
	struct cursor *k = xcalloc(n, sizeof(*k));
	struct cursor **heap = xcalloc(n, sizeof(*heap));
	const char *p;
	size_t i, nheap = 0, len, got;

	for (i = 0; i < n; i++) {
		k[i].at = runs[i].off;
		k[i].end = runs[i].end;
		k[i].left = runs[i].n;
		cursor_next(sp, &k[i]);
		if (k[i].loaded)
			heap[nheap++] = &k[i];
	}
	for (i = nheap / 2; i-- > 0;)
		sift_down(heap, nheap, i);
	while (nheap > 0) {
		fputs((*nout)++ > 0 ? sep : first, out);
		for (len = heap[0]->h.len; len > 0; len -= got) {
			if ((got = cursor_bytes(sp, heap[0], &p, len)) == 0)
				break;
			fwrite(p, 1, got, out);
		}
		cursor_next(sp, heap[0]);
		if (!heap[0]->loaded)
			heap[0] = heap[--nheap];
		sift_down(heap, nheap, 0);
	}
	free(heap);
	free(k);
}

int
spill_copy(struct spill *sp, FILE *out, const char *first, const char *sep)
{
	size_t i, j, nout = 0;

	tmpstore_flush(&sp->ts);
	if (sp->nruns > 1)
		qsort(sp->runs, sp->nruns, sizeof(*sp->runs), run_cmp);
	for (i = 0; i < sp->nruns; i = j) {
		for (j = i + 1; j < sp->nruns &&
		    strcmp(sp->runs[j].path, sp->runs[i].path) == 0; j++)
			;
		copy_runs(sp, sp->runs + i, j - i, out, first, sep, &nout);
	}
	return sp->ts.error ? -1 : 0;
}

int
spill_copy_with(struct spill *sp, struct reporter *r,
    const struct finding *kept, size_t nkept,
    void (*file)(struct reporter *r, const struct finding *f, size_t n),
    const char *first, const char *sep)
{
	size_t i, j;

	for (i = 0; i < nkept; i = j) {
		for (j = i + 1; j < nkept && (kept[j].file == kept[i].file ||
		    strcmp(kept[j].file, kept[i].file) == 0); j++)
			;
		file(r, kept + i, j - i);
	}
	return spill_copy(sp, r->out, first, sep);
}
