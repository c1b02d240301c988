/* What a file is, by its bytes: a table to read or something to save again. */
#ifndef PBCHECK_SNIFF_H
#define PBCHECK_SNIFF_H

#include <stddef.h>

#include "rules.h"

enum sniff_kind {
	SNIFF_CSV,		/* text, read as CSV */
	SNIFF_DUMP,		/* text, read as the tab-indented dump */
	SNIFF_DOCX,		/* a zip with Word's parts */
	SNIFF_XLSX,		/* a zip with Excel's parts */
	SNIFF_ZIP,		/* a zip that is neither */
	SNIFF_ZIP_BROKEN,	/* a zip signature libzip cannot open */
	SNIFF_DOC,		/* OLE2 with a WordDocument stream */
	SNIFF_XLS,		/* OLE2 with a Workbook or Book stream */
	SNIFF_OLE,		/* another OLE2 compound file */
	SNIFF_PDF,
	SNIFF_PNG,
	SNIFF_JPEG,
	SNIFF_GIF,
	SNIFF_BMP,
	SNIFF_TIFF,
	SNIFF_WEBP,
	SNIFF_ELF,
	SNIFF_GZIP,
	SNIFF_7Z,
	SNIFF_RAR,
	SNIFF_BINARY,		/* NUL bytes and no UTF-16 byte order mark */
	SNIFF_COUNT
};

/*
 * What bytes hold. ext (the name's, without the dot, "" for none) only
 * breaks ties the bytes leave: text named .txt is the dump, text named
 * .csv is CSV, other text is the dump when more of its first lines
 * start with a tab than hold a comma, else CSV; an OLE2 file without a Word or Excel stream name named
 * .doc or .xls is that; a damaged zip named .docx or .xlsx goes to that
 * reader, which says what is wrong.
 */
enum sniff_kind	 sniff_bytes(const char *bytes, size_t len, const char *ext);
/*
 * What a regular file open as fd holds that starts with a zip signature,
 * its directory read from the file, as sniff_bytes says of the bytes.
 */
enum sniff_kind	 sniff_zip_file(int fd, const char *ext);

/* The files[].format name of a kind ("csv", "docx", "xls", "pdf", …). */
const char	*sniff_format(enum sniff_kind k);

/* For a kind pbcheck does not read: what it is and what to do instead,
 * for PB001; NULL for the kinds that are read. */
const char	*sniff_advice(enum sniff_kind k, enum lang lang);

#endif
