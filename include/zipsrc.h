/*
 * The libzip source of a zip input, for the files that already use libzip
 * (sniff.c, read_docx.c, read_xlsx.c): bytes in memory, or an open regular
 * file read as needed, so that a large .docx or .xlsx costs no memory for
 * its compressed bytes.
 */
#ifndef PBCHECK_ZIPSRC_H
#define PBCHECK_ZIPSRC_H

#include <stddef.h>

#include <zip.h>

/*
 * A source over bytes (len of them) when bytes is not NULL, else over the
 * regular file open as fd, from its start (fd stays the caller's: the
 * source reads a duplicate). NULL with ze set when it cannot be made.
 */
zip_source_t	*zipsrc_open(const char *bytes, size_t len, int fd,
		    zip_error_t *ze);

/*
 * The zip entry name a package relationship's target names, from the
 * folder of the part whose relationships these are ("" for the package's
 * own, "xl/" for the workbook's): "/x.xml" is absolute, "." and ".."
 * segments are applied (OPC part names).
 */
char		*zipsrc_resolve(const char *from_dir, const char *target);

#endif
