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

/* At most this many lines get their own PB008; the rest are counted. */
#define BAD_LINES_MAX	100

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
/*
 * Notes an invalid sequence at line/col in d's list (one entry per line,
 * BAD_LINES_MAX at most, every one counted); key is the decoded line it
 * is on, *last the key of the previous one (0 at first).
 */
void	decoded_add_bad(struct decoded *d, int key, int *last, int line,
	    int col, unsigned char first);
/* Parses "auto", "utf-8", "gb18030", "utf-16" (case-insensitive). */
bool	encoding_parse(const char *s, enum encoding *out);

/*
 * A streaming decoder: bytes in, in pieces of any size, UTF-8 out to a
 * sink as it comes, so that a file is never held whole. Valid UTF-8 is
 * passed on where it lies, not copied.
 */
struct decode_sink {
	void	*ctx;
	/* The next n bytes of the text: valid UTF-8, no NUL byte. */
	void	(*text)(void *ctx, const char *s, size_t n);
	/* An invalid sequence starting with byte first comes next (its
	 * U+FFFD follows through text()). */
	void	(*bad)(void *ctx, unsigned char first);
};

struct decoder;

/* sink NULL gathers the text (decoder_take()). */
struct decoder	*decoder_new(enum encoding enc, const struct decode_sink *sink);
/*
 * Picks the encoding from the first n bytes of the input (all: they are
 * all of it), before they are fed: a BOM; else with ENC_AUTO, UTF-8 if
 * they are valid UTF-8 (apart from a sequence their end cuts off), else
 * GB18030. A caller that can read its input twice should check it whole
 * first (utf8_check) and pass ENC_UTF8 or ENC_GB18030 (a BOM still
 * counts). Returns 0, or -1 with *err (caller frees) when the converter is
 * not available.
 */
int		 decoder_start(struct decoder *d, const char *s, size_t n,
		    bool all, char **err);
/* The caller has checked that the input is valid UTF-8 (utf8_check):
 * with ENC_UTF8 the text is passed on without a second check. */
void		 decoder_valid(struct decoder *d);
/* Decodes n more bytes (the first ones again, after decoder_start()). */
void		 decoder_feed(struct decoder *d, const char *s, size_t n);
/* The input ends: a sequence cut off at the end is invalid. */
void		 decoder_end(struct decoder *d);
/* What the input turned out to be ("UTF-8", "GB18030", …; NULL before
 * the first bytes), whether it had a BOM, whether it was converted. */
const char	*decoder_encoding(const struct decoder *d);
bool		 decoder_bom(const struct decoder *d);
bool		 decoder_converted(const struct decoder *d);
/* With sink NULL, after decoder_end(): the gathered text and its invalid
 * bytes (line and column in the text), as decode_bytes() gives them. */
void		 decoder_take(struct decoder *d, struct decoded *out);
void		 decoder_free(struct decoder *d);

/* Whether a stream is valid UTF-8, fed in pieces of any size. */
struct utf8_check {
	unsigned char	 part[4];	/* a sequence cut off by a piece */
	size_t		 npart;
	bool		 bad;
};

/* Whether s is valid UTF-8 (as text_utf8_valid(), faster). */
bool	utf8_valid(const char *s, size_t n);
void	utf8_check_feed(struct utf8_check *u, const char *s, size_t n);
/* True if everything fed was valid UTF-8 (NUL bytes included). */
bool	utf8_check_end(struct utf8_check *u);

#endif
