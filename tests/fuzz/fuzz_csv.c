/* libFuzzer target: canonical and form CSV, through each encoding path of the decoder. */
#include <stdlib.h>

#include "decode.h"
#include "fuzz.h"

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
	decoded_free(&d);
	return 0;
}
