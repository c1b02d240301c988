/* Input decoding: BOM and encoding detection, conversion to UTF-8 (iconv). */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decode.h"
#include "text.h"
#include "util.h"

/* At most this many lines get their own PB008; the rest are counted. */
#define BAD_LINES_MAX	100

static const char replacement[] = "\xEF\xBF\xBD";

struct out_state {
	struct strbuf	 buf;
	struct decoded	*d;
	int		 line;
	int		 col;
	size_t		 tracked;	/* bytes of buf that line/col cover */
	int		 last_bad_line;
	bool		 prev_cr;
};

/* Tracks line and column over UTF-8 text. */
static void
out_track(struct out_state *o, const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		cp = text_utf8_decode(s + i, n - i, &len);
		i += len;
		if (cp == '\n' && o->prev_cr) {
			o->prev_cr = false;
			continue;
		}
		o->prev_cr = cp == '\r';
		if (cp == '\n' || cp == '\r') {
			o->line++;
			o->col = 1;
		} else
			o->col++;
	}
}

static void
out_text(struct out_state *o, const char *s, size_t n)
{
	strbuf_add(&o->buf, s, n);
}

/* Positions are only needed for invalid bytes: computed when one comes. */
static void
out_catch_up(struct out_state *o)
{
	/* Nothing copied yet (the text starts with a bad byte): the buffer
	 * is still NULL, and NULL + 0 is undefined. */
	if (o->buf.len == o->tracked)
		return;
	out_track(o, o->buf.data + o->tracked, o->buf.len - o->tracked);
	o->tracked = o->buf.len;
}

static void
out_bad(struct out_state *o, unsigned char first)
{
	struct decoded *d = o->d;

	out_catch_up(o);

	d->nbad_total++;
	if (o->last_bad_line != o->line && d->nbad < BAD_LINES_MAX) {
		d->bad = xreallocarray(d->bad, d->nbad + 1, sizeof(*d->bad));
		d->bad[d->nbad].line = o->line;
		d->bad[d->nbad].col = o->col;
		d->bad[d->nbad].first = first;
		d->nbad++;
	}
	o->last_bad_line = o->line;
	out_text(o, replacement, sizeof(replacement) - 1);
	out_catch_up(o);
}

/* Copies UTF-8, replacing invalid sequences and NUL bytes; valid says
 * the caller has checked the bytes already. */
static void
copy_utf8_checked(struct out_state *o, const char *s, size_t n, bool valid)
{
	size_t i = 0, start = 0, len;
	uint32_t cp;

	/* Valid text without NUL bytes is copied whole. */
	if (memchr(s, '\0', n) == NULL && (valid || text_utf8_valid(s, n))) {
		out_text(o, s, n);
		return;
	}
	while (i < n) {
		cp = text_utf8_decode(s + i, n - i, &len);
		if ((cp == 0xFFFD && !text_utf8_valid(s + i, len)) ||
		    s[i] == '\0') {
			out_text(o, s + start, i - start);
			out_bad(o, (unsigned char)s[i]);
			i += len;
			start = i;
			continue;
		}
		i += len;
	}
	out_text(o, s + start, n - start);
}

static void
copy_utf8(struct out_state *o, const char *s, size_t n)
{
	copy_utf8_checked(o, s, n, false);
}

/* Converts with iconv, replacing what it cannot convert. */
static int
convert(struct out_state *o, const char *from, const char *s, size_t n,
    char **err)
{
	iconv_t cd;
	char chunk[4096];
	char *in = (char *)s, *outp;
	size_t inleft = n, outleft, r;

	cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		*err = xasprintf("cannot convert from %s: %s", from,
		    strerror(errno));
		return -1;
	}
	while (inleft > 0) {
		outp = chunk;
		outleft = sizeof(chunk);
		r = iconv(cd, &in, &inleft, &outp, &outleft);
		if (outp > chunk)
			copy_utf8(o, chunk, (size_t)(outp - chunk));
		if (r != (size_t)-1)
			continue;
		if (errno == E2BIG)
			continue;
		/* EILSEQ, or EINVAL for a sequence cut off at the end. */
		out_bad(o, (unsigned char)*in);
		in++;
		inleft--;
		if (strncmp(from, "UTF-16", 6) == 0 && inleft > 0) {
			/* Keep UTF-16 aligned on code units. */
			in++;
			inleft--;
		}
	}
	iconv_close(cd);
	return 0;
}

int
decode_bytes(const char *bytes, size_t n, enum encoding enc,
    struct decoded *out, char **err)
{
	struct out_state o;
	const unsigned char *u = (const unsigned char *)bytes;
	bool valid = false;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	memset(&o, 0, sizeof(o));
	o.d = out;
	o.line = 1;
	o.col = 1;
	o.last_bad_line = 0;
	*err = NULL;

	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF &&
	    (enc == ENC_AUTO || enc == ENC_UTF8)) {
		out->bom = true;
		out->encoding = "UTF-8";
		copy_utf8(&o, bytes + 3, n - 3);
	} else if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF)) &&
	    (enc == ENC_AUTO || enc == ENC_UTF16)) {
		out->bom = true;
		out->converted = true;
		out->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		rc = convert(&o, out->encoding, bytes + 2, n - 2, err);
	} else if (enc == ENC_UTF16) {
		out->converted = true;
		out->encoding = "UTF-16LE";
		rc = convert(&o, out->encoding, bytes, n, err);
	} else if (enc == ENC_GB18030 ||
	    (enc == ENC_AUTO && !(valid = text_utf8_valid(bytes, n)))) {
		out->converted = true;
		out->encoding = "GB18030";
		rc = convert(&o, "GB18030", bytes, n, err);
	} else {
		out->encoding = "UTF-8";
		copy_utf8_checked(&o, bytes, n, valid);
	}
	if (rc != 0) {
		strbuf_free(&o.buf);
		free(out->bad);
		memset(out, 0, sizeof(*out));
		return -1;
	}
	out->len = o.buf.len;
	out->text = strbuf_take(&o.buf);
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
