/* Input decoding: BOM and encoding detection, conversion to UTF-8. */
#ifndef PBCHECK_DECODE_H
#define PBCHECK_DECODE_H

#include <stdbool.h>
#include <stddef.h>

enum encoding {
	ENC_AUTO,
	ENC_UTF8,
	ENC_GB18030,
	ENC_UTF16
};

/* A stretch of bytes that is invalid in the encoding, where it shows. */
struct bad_bytes {
	int	line;		/* 1-based, in the decoded text */
	int	col;		/* 1-based, in characters */
	unsigned char first;	/* the first invalid byte */
};

struct decoded {
	char		*text;		/* UTF-8, NUL-terminated, owned */
	size_t		 len;
	const char	*encoding;	/* "UTF-8", "GB18030", "UTF-16LE", … */
	bool		 bom;
	bool		 converted;	/* not UTF-8 on input (PB007) */
	struct bad_bytes *bad;		/* one entry per line with bad bytes */
	size_t		 nbad;
	size_t		 nbad_total;	/* every invalid byte, all lines */
};

/*
 * Decodes n bytes. Invalid sequences (and NUL bytes) become U+FFFD and are
 * listed in out->bad. Returns 0, or -1 with *err set (owned by the caller)
 * when the converter is not available.
 */
int	decode_bytes(const char *bytes, size_t n, enum encoding enc,
	    struct decoded *out, char **err);
void	decoded_free(struct decoded *d);
/* Parses "auto", "utf-8", "gb18030", "utf-16" (case-insensitive). */
bool	encoding_parse(const char *s, enum encoding *out);

#endif
