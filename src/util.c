/* Allocation wrappers that die on out-of-memory, and a growing string. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void
die_oom(void)
{
	fputs("pbcheck: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die_oom();
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		die_oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		die_oom();
	return q;
}

void *
xreallocarray(void *p, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		die_oom();
	return xrealloc(p, count * size);
}

void *
xgrowarray(void *p, size_t n, size_t size)
{
	if (n == 0)
		return xreallocarray(p, 1, size);
	if ((n & (n - 1)) != 0)
		return p;		/* below the power of two it has */
	if (n > SIZE_MAX / 2)
		die_oom();
	return xreallocarray(p, n * 2, size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct strbuf b = {0};
	char small[256];
	va_list ap;
	int n;

	/* Most strings are short: formatted once, on the stack, then copied. */
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		die_oom();
	if ((size_t)n < sizeof(small))
		return xstrndup(small, (size_t)n);
	b.data = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.data;
}

void
strbuf_reserve(struct strbuf *b, size_t extra)
{
	size_t want;

	if (extra > SIZE_MAX - b->len - 1)
		die_oom();
	want = b->len + extra + 1;
	if (want <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < want)
		b->cap = b->cap > SIZE_MAX / 2 ? want : b->cap * 2;
	b->data = xrealloc(b->data, b->cap);
}

void
strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	strbuf_reserve(b, n);
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
strbuf_puts(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

void
strbuf_putc(struct strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

void
strbuf_add_int(struct strbuf *b, int n)
{
	char digits[16], *d = digits + sizeof(digits);
	unsigned int u = n < 0 ? 0U - (unsigned int)n : (unsigned int)n;

	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (n < 0)
		*--d = '-';
	strbuf_add(b, d, (size_t)(digits + sizeof(digits) - d));
}

void
strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* Written where it goes when it fits: one pass, not two. */
	strbuf_reserve(b, 64);
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n < b->cap - b->len) {
		b->len += (size_t)n;
		return;
	}
	strbuf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
strbuf_take(struct strbuf *b)
{
	char *s = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
strbuf_free(struct strbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

static size_t
strset_hash(const char *s)
{
	size_t h = 1469598103934665603ULL & SIZE_MAX;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * (1099511628211ULL & SIZE_MAX);
	return h;
}

/* Where s is, or the empty slot it would take; h is its hash. Hashes are
 * compared before strings: a probe past another string costs no strcmp. */
static size_t
strset_find(const struct strset *set, const char *s, size_t h)
{
	size_t i = h & (set->cap - 1);

	while (set->slot[i] != NULL &&
	    (set->hash[i] != h || strcmp(set->slot[i], s) != 0))
		i = (i + 1) & (set->cap - 1);
	return i;
}

void *
strset_get(const struct strset *set, const char *s, int *found)
{
	size_t i;

	*found = 0;
	if (set->cap == 0)
		return NULL;
	i = strset_find(set, s, strset_hash(s));
	if (set->slot[i] == NULL)
		return NULL;
	*found = 1;
	return set->data[i];
}

/* Adds s unless present; returns its slot, *added telling which. */
static size_t
strset_put(struct strset *set, const char *s, void *datum, int *added)
{
	size_t i, j, h = strset_hash(s);

	*added = 0;
	if (set->cap > 0) {
		i = strset_find(set, s, h);
		if (set->slot[i] != NULL)
			return i;
	}
	if ((set->len + 1) * 2 > set->cap) {
		struct strset bigger = {0};

		bigger.cap = set->cap ? set->cap * 2 : 16;
		bigger.slot = xcalloc(bigger.cap, sizeof(*bigger.slot));
		bigger.data = xcalloc(bigger.cap, sizeof(*bigger.data));
		bigger.hash = xcalloc(bigger.cap, sizeof(*bigger.hash));
		for (j = 0; j < set->cap; j++) {
			if (set->slot[j] == NULL)
				continue;
			/* The strings are distinct: the first free slot. */
			for (i = set->hash[j] & (bigger.cap - 1);
			    bigger.slot[i] != NULL; i = (i + 1) & (bigger.cap - 1))
				;
			bigger.slot[i] = set->slot[j];
			bigger.data[i] = set->data[j];
			bigger.hash[i] = set->hash[j];
		}
		bigger.len = set->len;
		free(set->slot);
		free(set->data);
		free(set->hash);
		*set = bigger;
	}
	i = strset_find(set, s, h);
	set->slot[i] = xstrdup(s);
	set->data[i] = datum;
	set->hash[i] = h;
	set->len++;
	*added = 1;
	return i;
}

int
strset_add(struct strset *set, const char *s, void *datum)
{
	int added;

	(void)strset_put(set, s, datum, &added);
	return added;
}

void
strset_free(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	free(set->data);
	free(set->hash);
	memset(set, 0, sizeof(*set));
}

const char *
strset_intern(struct strset *set, const char *s)
{
	int added;
	size_t i = strset_put(set, s, NULL, &added);	/* may move slot */

	return set->slot[i];
}
