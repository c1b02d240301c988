/*
 * The limits pbcheck holds hostile input to, in one place (README
 * "Limits", pbcheck(1) LIMITS). Going past one is a PB001 naming the limit
 * and where; the rest of the input is still checked. The name is not
 * limits.h: -Iinclude would shadow the C library's <limits.h>.
 */
#ifndef PBCHECK_PB_LIMITS_H
#define PBCHECK_PB_LIMITS_H

/* A table cell (CSV field, sheet cell) is cut to this many bytes. */
#define PB_MAX_CELL_BYTES	(1024 * 1024)
/* Cells of one row past this are not read (Excel's width, XFD). */
#define PB_MAX_COLUMNS		16384
/* Rows of one project in a canonical table past this are not read. */
#define PB_MAX_ROWS_PER_PROJECT	20000
/* Indicators of one project past this are not kept or checked. */
#define PB_MAX_INDICATORS	10000

/* A .docx or .xlsx zip holding more entries than this is not read. */
#define PB_MAX_ZIP_ENTRIES	10000
/* A part read whole into memory (document.xml, sharedStrings.xml, …). */
#define PB_MAX_ZIP_ENTRY_BYTES	(64LL * 1024 * 1024)
/* A worksheet, streamed: the limit bounds time, not memory. */
#define PB_MAX_SHEET_BYTES	(1024LL * 1024 * 1024)
/*
 * An entry whose uncompressed size is over this many times its
 * compressed size (and over PB_ZIP_RATIO_MIN_BYTES) is a zip bomb, not a
 * document: deflate reaches at most about 1032 on runs of one byte.
 */
#define PB_MAX_ZIP_RATIO	1000
#define PB_ZIP_RATIO_MIN_BYTES	(1024 * 1024)

/*
 * XML nesting: libxml2's own limit without XML_PARSE_HUGE, which pbcheck
 * never sets (xmlParserMaxDepth); deeper XML is broken XML, a PB001.
 */
#define PB_MAX_XML_DEPTH	256

/*
 * Tables of one .docx (nested ones count) past this are not read. The
 * reader streams a table at a time, so the limit bounds time, not memory:
 * a province's projects in one document stay well under it.
 */
#define PB_MAX_TABLES		100000
/*
 * Rows of one .docx table past this are not read: the reader holds a
 * table whole (with its nested tables) while it is read, and no form has
 * this many rows (the same bound as PB_MAX_ROWS_PER_PROJECT).
 */
#define PB_MAX_TABLE_ROWS	20000
/* Worksheets of one .xlsx past this are not read. */
#define PB_MAX_SHEETS		1000

#endif
