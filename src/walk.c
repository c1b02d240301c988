/* Expanding a command-line input: a file, "-", or a directory searched recursively in byte order. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "walk.h"

/* The identity of a file, whatever name reaches it. */
static void
file_key(char *buf, size_t size, const struct stat *st)
{
	snprintf(buf, size, "%ju:%ju", (uintmax_t)st->st_dev,
	    (uintmax_t)st->st_ino);
}

/* Takes path unless the file it names was taken already. */
static void
add_path(struct walk_list *w, const char *path, const struct stat *st)
{
	char key[64];

	if (st != NULL) {
		file_key(key, sizeof(key), st);
		if (!strset_add(&w->seen, key, NULL))
			return;
	} else if (strcmp(path, "-") == 0 && !strset_add(&w->seen, "-", NULL))
		return;
	w->paths = xreallocarray(w->paths, w->npaths + 1, sizeof(*w->paths));
	w->paths[w->npaths++] = xstrdup(path);
}

static void
add_error(struct walk_list *w, const char *path, int errnum)
{
	w->errors = xreallocarray(w->errors, w->nerrors + 1,
	    sizeof(*w->errors));
	w->errors[w->nerrors].path = xstrdup(path);
	w->errors[w->nerrors++].errnum = errnum;
}

static bool
wanted(const char *name)
{
	static const char *const exts[] = { ".csv", ".txt", ".docx", ".xlsx" };
	size_t i, n = strlen(name), e;

	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		e = strlen(exts[i]);
		if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
			return true;
	}
	return false;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Searches dir; returns how many input files it holds, taken or not. */
static size_t
walk_dir(struct walk_list *w, const char *dir, struct strset *visited)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	char **names = NULL, *path, key[64];
	size_t n = 0, i, found = 0, len = strlen(dir);

	if (stat(dir, &st) != 0) {
		add_error(w, dir, errno);
		return 0;
	}
	file_key(key, sizeof(key), &st);
	if (!strset_add(visited, key, NULL))
		return 0;	/* seen: a link back up the tree */
	if ((d = opendir(dir)) == NULL) {
		add_error(w, dir, errno);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* hidden, and . and .. */
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 0)	/* qsort(NULL, 0) is undefined */
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		path = len > 0 && dir[len - 1] == '/' ?
		    xasprintf("%s%s", dir, names[i]) :
		    xasprintf("%s/%s", dir, names[i]);
		if (stat(path, &st) != 0)
			add_error(w, path, errno);
		else if (S_ISDIR(st.st_mode))
			found += walk_dir(w, path, visited);
		else if (S_ISREG(st.st_mode) && wanted(names[i])) {
			add_path(w, path, &st);
			found++;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return found;
}

void
walk_arg(struct walk_list *w, const char *arg)
{
	struct strset visited = { 0 };
	struct stat st;
	size_t nerrors = w->nerrors;

	if (strcmp(arg, "-") == 0 || stat(arg, &st) != 0) {
		/* Reading it says why it cannot be read. */
		add_path(w, arg, NULL);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		add_path(w, arg, &st);
		return;
	}
	if (walk_dir(w, arg, &visited) == 0 && w->nerrors == nerrors)
		add_error(w, arg, WALK_EMPTY);
	strset_free(&visited);
}

void
walk_free(struct walk_list *w)
{
	size_t i;

	for (i = 0; i < w->npaths; i++)
		free(w->paths[i]);
	for (i = 0; i < w->nerrors; i++)
		free(w->errors[i].path);
	free(w->paths);
	free(w->errors);
	strset_free(&w->seen);
	memset(w, 0, sizeof(*w));
}
