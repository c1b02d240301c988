/* libFuzzer target: the indicator value grammar (SPEC 3.2) over any text. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util.h"
#include "value.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct value v, w;
	char *raw;

	raw = xstrndup((const char *)data, size);
	value_parse(raw, &v);
	fuzz_touch(v.raw);
	fuzz_touch(v.unit);
	value_copy(&w, &v);
	value_free(&v);
	value_free(&w);
	free(raw);
	return 0;
}
