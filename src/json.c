/* The one JSON string escaper, and number formatting, for JSON and SARIF. */
#include <math.h>
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
