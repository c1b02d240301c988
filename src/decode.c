/*
 * Input decoding: BOM and encoding detection, conversion to UTF-8 (iconv),
 * streamed: bytes come in pieces, text goes out as it is decoded.
 */
#include <errno.h>
#include <stdint.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decode.h"
#include "text.h"
#include "util.h"

static const char replacement[] = "\xEF\xBF\xBD";

/* What a gathering decoder (sink NULL) keeps: the text, where it is. */
struct gather {
	struct strbuf	 buf;
	struct decoded	 d;
	int		 line;
	int		 col;
	size_t		 tracked;	/* bytes of buf that line/col cover */
	int		 last_bad_line;
	bool		 prev_cr;
};

struct decoder {
	enum encoding		 enc;
	const struct decode_sink *sink;
	struct decode_sink	 own;		/* the sink when gathering */
	struct gather		*g;		/* NULL unless gathering */
	bool			 decided;
	size_t			 skip;		/* BOM bytes still to drop */
	bool			 utf8;		/* pass-through, else iconv */
	bool			 utf16;
	const char		*encoding;
	bool			 bom;
	bool			 converted;
	bool			 valid;		/* the caller checked the UTF-8 */
	iconv_t			 cd;
	/* Bytes a piece cut off: a sequence, or the first bytes of all. */
	char			 carry[16];
	size_t			 ncarry;
};

/* Bytes of UTF-8 a lead byte opens, or 0 if it cannot open one. */
static size_t
utf8_need(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/*
 * Whether s is valid UTF-8, as text_utf8_valid() says, faster: ASCII eight
 * bytes at a time, a sequence without decoding its code point. The
 * decoder runs it over every byte of a file.
 */
/* A lead byte of a 3-byte sequence that needs no check past its
 * continuation bytes: E1..EF but ED (E0 has overlongs, ED surrogates). */
static bool
plain_lead(unsigned char c)
{
	return (c & 0xF0) == 0xE0 && c != 0xE0 && c != 0xED;
}

bool
utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint64_t w;
	unsigned char c, c1;

	while (i < n) {
		/*
		 * Chinese CSV is ASCII punctuation between runs of 3-byte
		 * sequences outside the special leads E0 and ED: both are
		 * taken in one loop, while four bytes are left, the
		 * continuation bytes of a sequence checked at once.
		 */
		while (i + 4 <= n) {
			c = u[i];
			if (c < 0x80) {
				if (i + 8 <= n) {
					memcpy(&w, u + i, 8);
					if ((w & 0x8080808080808080ULL) == 0) {
						i += 8;
						continue;
					}
				}
				i++;
				continue;
			}
			if (!plain_lead(c) ||
			    ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) >= 0x40)
				break;
			i += 3;
			/* Two more at once: continuation bytes 1, 2, 4 and 5
			 * of the next six, and their two leads. */
			while (i + 8 <= n) {
				memcpy(&w, u + i, 8);
				if ((w & 0x0000C0C000C0C000ULL) !=
				    0x0000808000808000ULL ||
				    !plain_lead(u[i]) || !plain_lead(u[i + 3]))
					break;
				i += 6;
			}
		}
		if (i >= n)
			break;
		if ((c = u[i]) < 0x80) {
			i++;
			continue;
		}
		if (c < 0xC2 || c > 0xF4)
			return false;
		if (c < 0xE0) {
			if (i + 1 >= n || (u[i + 1] & 0xC0) != 0x80)
				return false;
			i += 2;
			continue;
		}
		if (i + 2 >= n || ((c1 = u[i + 1]) & 0xC0) != 0x80 ||
		    (u[i + 2] & 0xC0) != 0x80)
			return false;
		/* Overlong forms, surrogates, past U+10FFFF. */
		if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) ||
		    (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
			return false;
		if (c < 0xF0) {
			i += 3;
			continue;
		}
		if (i + 3 >= n || (u[i + 3] & 0xC0) != 0x80)
			return false;
		i += 4;
	}
	return true;
}

/* Where a sequence that the end of s cuts off starts (n if none). */
static size_t
utf8_cut(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, need;

	for (i = n; i > 0 && n - i < 3; i--) {
		if ((u[i - 1] & 0xC0) == 0x80)
			continue;
		need = utf8_need(u[i - 1]);
		return need > n - (i - 1) ? i - 1 : n;
	}
	return n;
}

void
utf8_check_feed(struct utf8_check *u, const char *s, size_t n)
{
	size_t need, take, cut;

	if (u->bad || n == 0)
		return;
	if (u->npart > 0) {
		need = utf8_need(u->part[0]);
		take = need - u->npart < n ? need - u->npart : n;
		memcpy(u->part + u->npart, s, take);
		u->npart += take;
		s += take;
		n -= take;
		if (u->npart < need)
			return;
		if (!utf8_valid((const char *)u->part, u->npart)) {
			u->bad = true;
			return;
		}
		u->npart = 0;
	}
	cut = utf8_cut(s, n);
	if (!utf8_valid(s, cut)) {
		u->bad = true;
		return;
	}
	memcpy(u->part, s + cut, n - cut);
	u->npart = n - cut;
}

bool
utf8_check_end(struct utf8_check *u)
{
	return !u->bad && u->npart == 0;
}

/* The gathering sink: text into the buffer, positions when needed. */
static void
gather_track(struct gather *g)
{
	const char *s;
	size_t i = 0, len, n = g->buf.len - g->tracked;
	uint32_t cp;

	/* Nothing copied yet (the text starts with a bad byte): the buffer
	 * is still NULL, and NULL + 0 is undefined. */
	if (n == 0)
		return;
	s = g->buf.data + g->tracked;
	while (i < n) {
		cp = text_utf8_decode(s + i, n - i, &len);
		i += len;
		if (cp == '\n' && g->prev_cr) {
			g->prev_cr = false;
			continue;
		}
		g->prev_cr = cp == '\r';
		if (cp == '\n' || cp == '\r') {
			g->line++;
			g->col = 1;
		} else
			g->col++;
	}
	g->tracked = g->buf.len;
}

static void
gather_text(void *ctx, const char *s, size_t n)
{
	struct gather *g = ctx;

	strbuf_add(&g->buf, s, n);
}

/* Positions are only needed for invalid bytes: computed when one comes. */
static void
gather_bad(void *ctx, unsigned char first)
{
	struct gather *g = ctx;

	gather_track(g);
	decoded_add_bad(&g->d, g->line, &g->last_bad_line, g->line, g->col,
	    first);
}

void
decoded_add_bad(struct decoded *d, int key, int *last, int line, int col,
    unsigned char first)
{
	d->nbad_total++;
	if (*last != key && d->nbad < BAD_LINES_MAX) {
		d->bad = xreallocarray(d->bad, d->nbad + 1, sizeof(*d->bad));
		d->bad[d->nbad].line = line;
		d->bad[d->nbad].col = col;
		d->bad[d->nbad].first = first;
		d->nbad++;
	}
	*last = key;
}

static void
put_bad(struct decoder *d, unsigned char first)
{
	d->sink->bad(d->sink->ctx, first);
	d->sink->text(d->sink->ctx, replacement, sizeof(replacement) - 1);
}

/*
 * Passes UTF-8 on, replacing invalid sequences and NUL bytes, sequence by
 * sequence as if s went on past n (a sequence that n may cut is not
 * started unless final). Returns the bytes used.
 */
static size_t
put_utf8_slow(struct decoder *d, const char *s, size_t n, bool final)
{
	size_t i = 0, start = 0, len;
	uint32_t cp;

	while (final ? i < n : i + 4 <= n) {
		cp = text_utf8_decode(s + i, n - i, &len);
		if ((cp == 0xFFFD && !text_utf8_valid(s + i, len)) ||
		    s[i] == '\0') {
			if (i > start)
				d->sink->text(d->sink->ctx, s + start,
				    i - start);
			put_bad(d, (unsigned char)s[i]);
			i += len;
			start = i;
			continue;
		}
		i += len;
	}
	if (i > start)
		d->sink->text(d->sink->ctx, s + start, i - start);
	return i;
}

/* The same, over text that is most often valid: passed on where it is. */
static size_t
put_utf8(struct decoder *d, const char *s, size_t n, bool final)
{
	size_t cut = final ? n : utf8_cut(s, n);

	if (memchr(s, '\0', cut) == NULL && (d->valid || utf8_valid(s, cut))) {
		if (cut > 0)
			d->sink->text(d->sink->ctx, s, cut);
		return cut;
	}
	return put_utf8_slow(d, s, n, final);
}

/* Converts with iconv, replacing what it cannot convert; returns the
 * bytes used (a sequence the end cuts off is left unless final). */
static size_t
put_iconv(struct decoder *d, const char *s, size_t n, bool final)
{
	char out[16384];
	char *in = (char *)s, *outp;
	size_t inleft = n, outleft, r;

	while (inleft > 0) {
		outp = out;
		outleft = sizeof(out);
		r = iconv(d->cd, &in, &inleft, &outp, &outleft);
		/* iconv writes valid UTF-8: checked at once, passed on
		 * where it is (character by character only with a NUL). */
		if (outp > out)
			put_utf8(d, out, (size_t)(outp - out), true);
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (errno == EINVAL && !final)
			break;		/* the next piece completes it */
		/* EILSEQ, or EINVAL for a sequence cut off at the end. */
		put_bad(d, (unsigned char)*in);
		in++;
		inleft--;
		if (d->utf16 && inleft > 0) {
			/* Keep UTF-16 aligned on code units. */
			in++;
			inleft--;
		}
	}
	return n - inleft;
}

static size_t
put(struct decoder *d, const char *s, size_t n, bool final)
{
	return d->utf8 ? put_utf8(d, s, n, final) : put_iconv(d, s, n, final);
}

struct decoder *
decoder_new(enum encoding enc, const struct decode_sink *sink)
{
	struct decoder *d = xcalloc(1, sizeof(*d));

	d->enc = enc;
	d->cd = (iconv_t)-1;
	if (sink == NULL) {
		d->g = xcalloc(1, sizeof(*d->g));
		d->g->line = d->g->col = 1;
		d->own.ctx = d->g;
		d->own.text = gather_text;
		d->own.bad = gather_bad;
		sink = &d->own;
	}
	d->sink = sink;
	return d;
}

/* Picks the encoding from the first bytes; returns the BOM's length. */
static size_t
decide(struct decoder *d, const char *s, size_t n, bool all)
{
	const unsigned char *u = (const unsigned char *)s;
	enum encoding enc = d->enc;
	size_t skip = 0;

	d->decided = true;
	d->utf8 = true;
	d->encoding = "UTF-8";
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF &&
	    (enc == ENC_AUTO || enc == ENC_UTF8)) {
		d->bom = true;
		return 3;
	}
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF)) &&
	    (enc == ENC_AUTO || enc == ENC_UTF16)) {
		d->bom = true;
		d->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		skip = 2;
	} else if (enc == ENC_UTF16)
		d->encoding = "UTF-16LE";
	else if (enc == ENC_GB18030 || (enc == ENC_AUTO &&
	    !utf8_valid(s, all ? n : utf8_cut(s, n))))
		d->encoding = "GB18030";
	else
		return 0;
	d->utf8 = false;
	d->converted = true;
	d->utf16 = strncmp(d->encoding, "UTF-16", 6) == 0;
	return skip;
}

int
decoder_start(struct decoder *d, const char *s, size_t n, bool all,
    char **err)
{
	*err = NULL;
	d->skip = decide(d, s, n, all);
	if (!d->utf8 && (d->cd = iconv_open("UTF-8", d->encoding)) ==
	    (iconv_t)-1) {
		*err = xasprintf("cannot convert from %s: %s", d->encoding,
		    strerror(errno));
		return -1;
	}
	return 0;
}

void
decoder_feed(struct decoder *d, const char *s, size_t n)
{
	char tmp[sizeof(d->carry) + 8];
	size_t take, used;

	if (d->skip > 0) {
		/* The byte order mark. */
		take = d->skip < n ? d->skip : n;
		d->skip -= take;
		s += take;
		n -= take;
	}
	if (n == 0)
		return;
	if (d->ncarry > 0) {
		/* A sequence the last piece cut: go on with a few bytes of
		 * this one. */
		take = sizeof(tmp) - d->ncarry < n ? sizeof(tmp) - d->ncarry :
		    n;
		memcpy(tmp, d->carry, d->ncarry);
		memcpy(tmp + d->ncarry, s, take);
		if (take == n) {
			/* This piece is all in tmp. */
			used = put(d, tmp, d->ncarry + n, false);
			d->ncarry = d->ncarry + n - used;
			memmove(d->carry, tmp + used, d->ncarry);
			return;
		}
		/* The sequences that start in the carried bytes end within
		 * the 8 bytes after them (a sequence is at most 4), so used
		 * is past the carry. */
		used = put(d, tmp, d->ncarry + take, false);
		s += used - d->ncarry;
		n -= used - d->ncarry;
		d->ncarry = 0;
	}
	used = put(d, s, n, false);
	/* What is left is a sequence cut short: at most 3 bytes. */
	memcpy(d->carry, s + used, n - used);
	d->ncarry = n - used;
}

void
decoder_end(struct decoder *d)
{
	if (d->ncarry > 0)
		put(d, d->carry, d->ncarry, true);
	d->ncarry = 0;
}

void
decoder_valid(struct decoder *d)
{
	d->valid = true;
}

const char *
decoder_encoding(const struct decoder *d)
{
	return d->encoding;
}

bool
decoder_bom(const struct decoder *d)
{
	return d->bom;
}

bool
decoder_converted(const struct decoder *d)
{
	return d->converted;
}

void
decoder_take(struct decoder *d, struct decoded *out)
{
	struct gather *g = d->g;

	*out = g->d;
	memset(&g->d, 0, sizeof(g->d));
	out->len = g->buf.len;
	out->text = strbuf_take(&g->buf);
	out->encoding = d->encoding;
	out->bom = d->bom;
	out->converted = d->converted;
}

void
decoder_free(struct decoder *d)
{
	if (d == NULL)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	if (d->g != NULL) {
		strbuf_free(&d->g->buf);
		free(d->g->d.bad);
		free(d->g);
	}
	free(d);
}

int
decode_bytes(const char *bytes, size_t n, enum encoding enc,
    struct decoded *out, char **err)
{
	struct decoder *d = decoder_new(enc, NULL);

	memset(out, 0, sizeof(*out));
	if (decoder_start(d, bytes, n, true, err) != 0) {
		decoder_free(d);
		return -1;
	}
	decoder_feed(d, bytes, n);
	decoder_end(d);
	decoder_take(d, out);
	decoder_free(d);
	return 0;
}

void
decoded_free(struct decoded *d)
{
	free(d->text);
	free(d->bad);
	memset(d, 0, sizeof(*d));
}

bool
encoding_parse(const char *s, enum encoding *out)
{
	static const struct {
		const char	*name;
		enum encoding	 enc;
	} names[] = {
		{ "auto", ENC_AUTO },
		{ "utf-8", ENC_UTF8 }, { "utf8", ENC_UTF8 },
		{ "gb18030", ENC_GB18030 }, { "gbk", ENC_GB18030 },
		{ "gb2312", ENC_GB18030 },
		{ "utf-16", ENC_UTF16 }, { "utf16", ENC_UTF16 },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i].name) == 0) {
			*out = names[i].enc;
			return true;
		}
	return false;
}
