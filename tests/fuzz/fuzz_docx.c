/*
 * libFuzzer target: a Word .docx from its zip bytes in memory. An input
 * starting with '<' is the XML of word/document.xml, zipped here (stored)
 * with the other parts of a package, so mutations reach the XML walk.
 */
#include <stdlib.h>

#include "fuzz.h"

static const char types[] = "<?xml version=\"1.0\"?><Types xmlns=\""
    "http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    "\"/></Types>";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *names[] = { "[Content_Types].xml", "word/document.xml" };
	const char *parts[2];
	size_t lens[2], len;
	char *zip;

	if (size == 0 || data[0] != '<') {
		read_docx("fuzz.docx", (const char *)data, size, &fuzz_sink);
		return 0;
	}
	parts[0] = types;
	lens[0] = sizeof(types) - 1;
	parts[1] = (const char *)data;
	lens[1] = size;
	if ((zip = fuzz_zip(names, parts, lens, 2, &len)) != NULL) {
		read_docx("fuzz.docx", zip, len, &fuzz_sink);
		free(zip);
	}
	return 0;
}
