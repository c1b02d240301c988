/* libFuzzer target: any bytes through decoding, every reader, the rules and every reporter must not crash. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "decode.h"
#include "read.h"
#include "report.h"
#include "settings.h"

static const char *const formats[] = { "text", "json", "junit", "sarif",
    "csv" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	/* The first byte picks the reader, the report format and the
	 * encoding; the rest is the input. */
	sel = data[0];
	data++;
	size--;
	settings_init(&s);
	s.lang = sel & 0x80 ? LANG_ZH : LANG_EN;
	if (!report_init(&rep, formats[(sel >> 2) % 5], null, &s, false))
		abort();
	if ((c = check_new(&s, &rep, &err)) == NULL)
		abort();
	file = check_file_begin(c, "fuzz");
	{
		struct read_sink sink = { c, check_sink_diag,
		    check_sink_project };

		if ((sel & 3) == 3) {
			read_docx(file, (const char *)data, size, &sink);
		} else if (decode_bytes((const char *)data, size,
		    (enum encoding)((sel >> 5) & 3), &d, &err) == 0) {
			if ((sel & 3) == 2)
				read_text(file, d.text, d.len, &sink);
			else
				read_csv(file, d.text, d.len, &sink);
			decoded_free(&d);
		} else
			free(err);
	}
	check_finish(c);
	check_free(c);
	if (rep.free != NULL)
		rep.free(&rep);
	settings_free(&s);
	return 0;
}
