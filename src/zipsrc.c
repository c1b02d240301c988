/* The libzip source of a zip input (bytes in memory or an open file), and
 * the part names its relationships give. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
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

/*
 * The part a relationship's target names, from the folder of the part
 * whose relationships these are: "/xl/x.xml" is absolute, "../" goes up.
 */
char *
zipsrc_resolve(const char *from_dir, const char *target)
{
	struct strbuf b = { NULL, 0, 0 };
	const char *p;

	if (target[0] == '/')
		target++;
	else
		strbuf_puts(&b, from_dir);
	for (p = target; *p != '\0';) {
		size_t n = strcspn(p, "/");

		if (n == 2 && strncmp(p, "..", 2) == 0) {
			/* Drop the last folder of what is built so far. */
			if (b.len > 0)
				b.len--;
			while (b.len > 0 && b.data[b.len - 1] != '/')
				b.len--;
		} else if (!(n == 1 && p[0] == '.') && n > 0) {
			strbuf_add(&b, p, n);
			if (p[n] == '/')
				strbuf_putc(&b, '/');
		}
		p += n;
		if (*p == '/')
			p++;
	}
	if (b.data == NULL)
		return xstrdup("");
	b.data[b.len] = '\0';
	return strbuf_take(&b);
}
