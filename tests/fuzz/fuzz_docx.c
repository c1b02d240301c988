/* libFuzzer target: a Word .docx from its zip bytes in memory. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_docx("fuzz.docx", (const char *)data, size, &fuzz_sink);
	return 0;
}
