/* The one JSON string escaper, and number formatting, for JSON and SARIF. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text.h"
#include "util.h"

/*
 * Text that is not UTF-8 (a file name in GBK) is sanitised first, so that
 * the report stays valid JSON. Every control a terminal acts on is
 * escaped, C1 and the separators too: a JSON report is also read with
 * cat, and U+2028/U+2029 break JavaScript that embeds it.
 */
/* The escape of an ASCII character, or NULL if it stands as it is. */
static const char *
ascii_escape(unsigned char c, char buf[8])
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	default:
		if (c >= 0x20 && c != 0x7F)
			return NULL;
		snprintf(buf, 8, "\\u%04x", (unsigned)c);
		return buf;
	}
}

/*
 * The common case at once: ASCII, and three-byte characters whose lead
 * is neither E0 nor ED (which need a check of the next byte) nor E2 (the
 * separators and bidirectional controls) — CJK, their punctuation, the
 * full-width forms — which are valid and never escaped. Returns false,
 * having written nothing, at any other byte.
 */
static bool
escape_plain(struct strbuf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *run = s, *e;
	size_t start = b->len;
	char buf[8];
	unsigned char c;

	strbuf_putc(b, '"');
	for (;;) {
		c = *u;
		if (c == '\0')
			break;
		if (c < 0x80) {
			if ((c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) ||
			    (e = ascii_escape(c, buf)) == NULL) {
				u++;
				continue;
			}
			strbuf_add(b, run, (size_t)((const char *)u - run));
			strbuf_puts(b, e);
			run = (const char *)++u;
			continue;
		}
		if (((c >= 0xE1 && c <= 0xEF && c != 0xE2 && c != 0xED)) &&
		    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
			u += 3;
			continue;
		}
		b->len = start;
		b->data[start] = '\0';
		return false;
	}
	strbuf_add(b, run, (size_t)((const char *)u - run));
	strbuf_putc(b, '"');
	return true;
}

void
json_escape(struct strbuf *b, const char *s)
{
	char *clean;
	uint32_t cp;
	size_t i, n, len;

	if (s == NULL) {
		strbuf_puts(b, "null");
		return;
	}
	if (escape_plain(b, s))
		return;
	clean = text_utf8_clean(s);
	n = strlen(clean);
	strbuf_putc(b, '"');
	for (i = 0; i < n; i += len) {
		cp = text_utf8_decode(clean + i, n - i, &len);
		switch (cp) {
		case '"':
			strbuf_puts(b, "\\\"");
			break;
		case '\\':
			strbuf_puts(b, "\\\\");
			break;
		case '\n':
			strbuf_puts(b, "\\n");
			break;
		case '\r':
			strbuf_puts(b, "\\r");
			break;
		case '\t':
			strbuf_puts(b, "\\t");
			break;
		default:
			if (text_is_control(cp))
				strbuf_printf(b, "\\u%04x", (unsigned)cp);
			else
				strbuf_add(b, clean + i, len);
		}
	}
	strbuf_putc(b, '"');
	free(clean);
}

void
json_string(FILE *out, const char *s)
{
	struct strbuf b = {0};

	json_escape(&b, s);
	fwrite(b.data, 1, b.len, out);
	strbuf_free(&b);
}

void
json_number_add(struct strbuf *b, double v)
{
	char buf[64], *d;
	unsigned long long u;
	int prec;

	if (!isfinite(v)) {
		strbuf_puts(b, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		/* What "%.0f" prints, without printf: the digits, a sign
		 * (negative zero's too). */
		d = buf + sizeof(buf);
		*--d = '\0';
		u = (unsigned long long)fabs(v);
		do
			*--d = (char)('0' + u % 10);
		while ((u /= 10) > 0);
		if (signbit(v))
			*--d = '-';
		strbuf_puts(b, d);
		return;
	}
	/* The shortest precision that reads back the same double. */
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	strbuf_puts(b, buf);
}

void
json_number(FILE *out, double v)
{
	struct strbuf b = {0};

	json_number_add(&b, v);
	fwrite(b.data, 1, b.len, out);
	strbuf_free(&b);
}
