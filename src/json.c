/* The one JSON string escaper, and number formatting, for JSON and SARIF. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

void
json_escape(struct strbuf *b, const char *s)
{
	const unsigned char *p;

	if (s == NULL) {
		strbuf_puts(b, "null");
		return;
	}
	strbuf_putc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
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
			if (*p < 0x20 || *p == 0x7f)
				strbuf_printf(b, "\\u%04x", *p);
			else
				strbuf_putc(b, (char)*p);
		}
	}
	strbuf_putc(b, '"');
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
json_number(FILE *out, double v)
{
	char buf[64];
	int prec;

	if (!isfinite(v)) {
		fputs("null", out);
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		fprintf(out, "%.0f", v);
		return;
	}
	/* The shortest precision that reads back the same double. */
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	fputs(buf, out);
}
