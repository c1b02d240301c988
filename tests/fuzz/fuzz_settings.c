/*
 * libFuzzer target: the settings file parser (SPEC 7) and the rule
 * selection lists of --disable, --enable and --severity. The input is
 * written to one scratch file, as settings_load() reads a path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "settings.h"
#include "util.h"

static char path[] = "/tmp/pbcheck-fuzz-settings.XXXXXX";
static int fd = -1;

static void
cleanup(void)
{
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	char *err = NULL, *list;

	if (fd == -1) {
		if ((fd = mkstemp(path)) == -1)
			abort();
		atexit(cleanup);
	}
	if (ftruncate(fd, 0) != 0 ||
	    pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	settings_init(&s);
	s.lang = size > 0 && data[0] & 1 ? LANG_ZH : LANG_EN;
	if (settings_load(&s, path, &err) != 0)
		free(err);
	settings_free(&s);

	list = xstrndup((const char *)data, size);
	settings_init(&s);
	err = NULL;
	if (settings_disable(&s, list, &err) != 0)
		free(err);
	err = NULL;
	if (settings_enable(&s, list, &err) != 0)
		free(err);
	err = NULL;
	if (settings_severity(&s, list, &err) != 0)
		free(err);
	settings_free(&s);
	free(list);
	return 0;
}
