/* libFuzzer target: canonical and form CSV, through each encoding path of the decoder. */
#include <stdlib.h>

#include "decode.h"
#include "fuzz.h"
#include "read.h"

static void
threaded(const char *text, size_t len)
{
	struct csv_reader *r = csv_reader_new("fuzz.csv", &fuzz_sink);
	struct decode_sink ds;
	struct decoded bad;
	size_t off, k;

	csv_reader_sink(r, &ds);
	csv_reader_threaded(r);
	for (off = 0; off < len; off += k) {
		k = len - off < 777 ? len - off : 777;
		ds.text(ds.ctx, text + off, k);
	}
	csv_reader_end(r, &bad);
	free(bad.bad);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	char *err = NULL;

	if (size < 1)
		return 0;
	/* The first byte picks the encoding: auto, UTF-8, GB18030, UTF-16. */
	if (decode_bytes((const char *)data + 1, size - 1,
	    (enum encoding)(data[0] & 3), &d, &err) != 0) {
		free(err);
		return 0;
	}
	read_csv("fuzz.csv", d.text, d.len, &fuzz_sink);
	if (d.nbad > 0)
		read_csv_bad_positions(d.text, d.len, d.bad, d.nbad);
	/* Bit 2 of the first byte: the same text again, streamed in pieces
	 * with its rows checked in a second thread (src/rowpipe.c). */
	if (data[0] & 4)
		threaded(d.text, d.len);
	decoded_free(&d);
	return 0;
}
