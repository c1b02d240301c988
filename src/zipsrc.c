/* The libzip source of a zip input: bytes in memory or an open file. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "zipsrc.h"

zip_source_t *
zipsrc_open(const char *bytes, size_t len, int fd, zip_error_t *ze)
{
	zip_source_t *src;
	FILE *fp;
	int dup_fd;

	if (bytes != NULL)
		return zip_source_buffer_create(bytes, len, 0, ze);
	/* A stream of its own: libzip seeks it, and closes it with the source. */
	if ((dup_fd = dup(fd)) == -1) {
		zip_error_set(ze, ZIP_ER_READ, errno);
		return NULL;
	}
	if ((fp = fdopen(dup_fd, "rb")) == NULL) {
		zip_error_set(ze, ZIP_ER_READ, errno);
		close(dup_fd);
		return NULL;
	}
	if ((src = zip_source_filep_create(fp, 0, -1, ze)) == NULL)
		fclose(fp);
	return src;
}
