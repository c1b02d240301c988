/* libFuzzer target: the text dump of a Word document (SPEC 2.2). */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_text("fuzz.txt", (const char *)data, size, &fuzz_sink);
	return 0;
}
