/* libFuzzer target: an Excel .xlsx from its zip bytes in memory. */
#include "fuzz.h"

static void
sheet(void *ctx, int number, const char *name)
{
	(void)ctx;
	(void)number;
	fuzz_touch(name);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_xlsx("fuzz.xlsx", (const char *)data, size, &fuzz_sink, sheet);
	return 0;
}
