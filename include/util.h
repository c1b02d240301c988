/* Allocation wrappers that die on out-of-memory, and a growing string. */
#ifndef PBCHECK_UTIL_H
#define PBCHECK_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t n);
void	*xcalloc(size_t count, size_t size);
void	*xrealloc(void *p, size_t n);
/* Grows an array of count elements of size so that it holds want. */
void	*xreallocarray(void *p, size_t count, size_t size);
/*
 * Makes room for one more element in an array of n that only ever grew
 * through this call: its capacity is the next power of two, so it grows
 * geometrically without a capacity field (appending n elements copies
 * O(n) bytes, also where realloc always moves, as under ASan).
 */
void	*xgrowarray(void *p, size_t n, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/* A NUL-terminated string that grows; zero-initialise before use. */
struct strbuf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

/* Makes room for extra more bytes (and the NUL) without writing any. */
void	 strbuf_reserve(struct strbuf *b, size_t extra);
void	 strbuf_add(struct strbuf *b, const char *s, size_t n);
void	 strbuf_puts(struct strbuf *b, const char *s);
void	 strbuf_putc(struct strbuf *b, char c);
/* Appends n in decimal, as %d writes it, without printf. */
void	 strbuf_add_int(struct strbuf *b, int n);
void	 strbuf_printf(struct strbuf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Returns the string (never NULL) and leaves b empty; caller frees. */
char	*strbuf_take(struct strbuf *b);
void	 strbuf_free(struct strbuf *b);


/* A set of strings (open addressing); zero-initialise before use. */
struct strset {
	char	**slot;
	void	**data;
	size_t	*hash;		/* each slot's string's hash */
	size_t	 cap;
	size_t	 len;
};

/* Returns the datum stored with s, or NULL; *found tells if s is there. */
void	*strset_get(const struct strset *set, const char *s, int *found);
/* Adds s (copied) with datum unless present; returns 1 if added. */
int	 strset_add(struct strset *set, const char *s, void *datum);
void	 strset_free(struct strset *set);
/* The set's own copy of s, added if needed: one string for many users,
 * valid until strset_free(). */
const char *strset_intern(struct strset *set, const char *s);

#endif
