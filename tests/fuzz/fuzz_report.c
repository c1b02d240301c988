/*
 * libFuzzer target: the rules and every reporter over what a reader makes
 * of any bytes. The first byte picks the reader (CSV, text dump, .docx,
 * .xlsx), the report format and the language; the rest is the input.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "decode.h"
#include "fuzz.h"
#include "report.h"
#include "settings.h"

static const char *const formats[] = { "text", "json", "junit", "sarif",
    "csv" };

static void
sheet(void *ctx, int number, const char *name)
{
	check_file_sheet(ctx, number, name);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct settings s;
	struct reporter rep;
	struct check *c;
	struct decoded d;
	char *err = NULL;
	unsigned sel;
	const char *file;

	if (size < 1)
		return 0;
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	sel = data[0];
	data++;
	size--;
	settings_init(&s);
	s.lang = sel & 0x80 ? LANG_ZH : LANG_EN;
	if (!report_init(&rep, formats[((sel >> 2) & 7) % 5], null, &s,
	    sel & 0x40))
		abort();
	if ((c = check_new(&s, &rep, &err)) == NULL)
		abort();
	file = check_file_begin(c, "fuzz");
	{
		struct read_sink sink = { c, check_sink_diag,
		    check_sink_project };

		switch (sel & 3) {
		case 2:
			read_docx(file, (const char *)data, size, &sink);
			break;
		case 3:
			read_xlsx(file, (const char *)data, size, &sink, sheet);
			break;
		default:
			if (decode_bytes((const char *)data, size, ENC_AUTO,
			    &d, &err) != 0) {
				free(err);
				break;
			}
			if (sel & 1)
				read_text(file, d.text, d.len, &sink);
			else
				read_csv(file, d.text, d.len, &sink);
			decoded_free(&d);
		}
	}
	check_finish(c);
	check_free(c);
	if (rep.free != NULL)
		rep.free(&rep);
	settings_free(&s);
	return 0;
}
