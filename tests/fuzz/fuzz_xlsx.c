/*
 * libFuzzer target: an Excel .xlsx from its zip bytes in memory. An input
 * starting with '<' is plain XML parts separated by "\n----\n" — the
 * sheet, the shared strings, the styles, the workbook, its relationships
 * — zipped here (stored), a part missing taken from a small workbook, so
 * mutations reach the sheet and table readers.
 */
#include <stdlib.h>

#include "fuzz.h"

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define DOC_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char *const names[] = { "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels", "_rels/.rels", "[Content_Types].xml" };
static const char *const defaults[] = {
	"<worksheet xmlns=\"" MAIN_NS "\"><sheetData/></worksheet>",
	"<sst xmlns=\"" MAIN_NS "\"/>",
	"<styleSheet xmlns=\"" MAIN_NS "\"/>",
	"<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" DOC_REL "\"><sheets>"
	    "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
	"<Relationships xmlns=\"" PKG_REL "\"><Relationship Id=\"rId1\" "
	    "Type=\"" DOC_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"" DOC_REL "/sharedStrings\" "
	    "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\""
	    DOC_REL "/styles\" Target=\"styles.xml\"/></Relationships>",
	"<Relationships xmlns=\"" PKG_REL "\"><Relationship Id=\"rId1\" "
	    "Type=\"" DOC_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
	    "</Relationships>",
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	    "content-types\"><Override PartName=\"/xl/workbook.xml\" "
	    "ContentType=\"application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet.main+xml\"/></Types>"
};
#define NPARTS	(sizeof(names) / sizeof(names[0]))

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
	const char *parts[NPARTS];
	size_t lens[NPARTS], n, i, len;
	char *zip;

	if (size == 0 || data[0] != '<') {
		read_xlsx("fuzz.xlsx", (const char *)data, size, &fuzz_sink,
		    sheet);
		return 0;
	}
	n = fuzz_split(data, size, parts, lens, 5);
	for (i = n; i < NPARTS; i++) {
		parts[i] = defaults[i];
		lens[i] = strlen(defaults[i]);
	}
	if ((zip = fuzz_zip(names, parts, lens, NPARTS, &len)) != NULL) {
		read_xlsx("fuzz.xlsx", zip, len, &fuzz_sink, sheet);
		free(zip);
	}
	return 0;
}
