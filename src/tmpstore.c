/* Bytes kept aside while a report is made: in memory, past a size in a temporary file. */
#include <sys/types.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tmpstore.h"
#include "util.h"

/* The file's stdio buffer, and the pieces it is copied out in. */
#define TMP_BUF	65536

void
tmpstore_write(struct tmpstore *t, const void *p, size_t n)
{
	if (t->f == NULL && !t->no_file && t->mem.len + n > t->mem_max) {
		if ((t->f = tmpfile()) == NULL)
			t->no_file = true;
		else {
			/* Out in 64 KiB writes, not 4 KiB ones. */
			t->buf = xmalloc(TMP_BUF);
			(void)setvbuf(t->f, t->buf, _IOFBF, TMP_BUF);
			if (t->mem.len > 0 && fwrite(t->mem.data, 1,
			    t->mem.len, t->f) != t->mem.len)
				t->error = true;
			strbuf_free(&t->mem);
		}
	}
	if (t->f == NULL)
		strbuf_add(&t->mem, p, n);
	else if (n > 0 && fwrite(p, 1, n, t->f) != n)
		t->error = true;
	t->len += (off_t)n;
}

void
tmpstore_flush(struct tmpstore *t)
{
	if (t->f != NULL && fflush(t->f) != 0)
		t->error = true;
}

void
tmpstore_read(struct tmpstore *t, off_t off, void *p, size_t n, int fill)
{
	char *w = p;
	ssize_t got;

	if (t->f == NULL) {
		memcpy(w, t->mem.data + off, n);
		return;
	}
	while (n > 0) {
		if ((got = pread(fileno(t->f), w, n, off)) <= 0) {
			t->error = true;
			memset(w, fill, n);
			return;
		}
		w += got;
		n -= (size_t)got;
		off += got;
	}
}

void
tmpstore_copy(struct tmpstore *t, off_t off, off_t end, FILE *out)
{
	char *chunk;
	size_t n;

	if (t->f == NULL) {
		fwrite(t->mem.data + off, 1, (size_t)(end - off), out);
		return;
	}
	chunk = xmalloc(TMP_BUF);
	for (; off < end; off += (off_t)n) {
		n = end - off < TMP_BUF ? (size_t)(end - off) : TMP_BUF;
		tmpstore_read(t, off, chunk, n, ' ');
		fwrite(chunk, 1, n, out);
	}
	free(chunk);
}

void
tmpstore_free(struct tmpstore *t)
{
	if (t->f != NULL)
		fclose(t->f);
	free(t->buf);
	strbuf_free(&t->mem);
	t->f = NULL;
	t->buf = NULL;
}
