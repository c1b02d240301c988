/* Expanding a command-line input: a file, "-", or a directory searched recursively in byte order. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "walk.h"

struct visited {
	dev_t	*dev;
	ino_t	*ino;
	size_t	 n;
};

static void
add_path(struct walk_list *w, const char *path)
{
	w->paths = xreallocarray(w->paths, w->npaths + 1, sizeof(*w->paths));
	w->paths[w->npaths++] = xstrdup(path);
}

static void
add_error(struct walk_list *w, const char *path, const char *why)
{
	w->errors = xreallocarray(w->errors, w->nerrors + 1,
	    sizeof(*w->errors));
	w->error_paths = xreallocarray(w->error_paths, w->nerrors + 1,
	    sizeof(*w->error_paths));
	w->errors[w->nerrors] = xasprintf("%s: %s", path, why);
	w->error_paths[w->nerrors++] = xstrdup(path);
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

static void
walk_dir(struct walk_list *w, const char *dir, struct visited *v)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	char **names = NULL, *path;
	size_t n = 0, i;

	if (stat(dir, &st) != 0) {
		add_error(w, dir, strerror(errno));
		return;
	}
	for (i = 0; i < v->n; i++)
		if (v->dev[i] == st.st_dev && v->ino[i] == st.st_ino)
			return;		/* seen: a link back up the tree */
	v->dev = xreallocarray(v->dev, v->n + 1, sizeof(*v->dev));
	v->ino = xreallocarray(v->ino, v->n + 1, sizeof(*v->ino));
	v->dev[v->n] = st.st_dev;
	v->ino[v->n++] = st.st_ino;
	if ((d = opendir(dir)) == NULL) {
		add_error(w, dir, strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* hidden, and . and .. */
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		size_t len = strlen(dir);

		path = len > 0 && dir[len - 1] == '/' ?
		    xasprintf("%s%s", dir, names[i]) :
		    xasprintf("%s/%s", dir, names[i]);
		if (stat(path, &st) != 0)
			add_error(w, path, strerror(errno));
		else if (S_ISDIR(st.st_mode))
			walk_dir(w, path, v);
		else if (S_ISREG(st.st_mode) && wanted(names[i]))
			add_path(w, path);
		free(path);
		free(names[i]);
	}
	free(names);
}

void
walk_arg(struct walk_list *w, const char *arg)
{
	struct visited v = { NULL, NULL, 0 };
	struct stat st;

	if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 &&
	    S_ISDIR(st.st_mode)) {
		walk_dir(w, arg, &v);
		free(v.dev);
		free(v.ino);
		return;
	}
	add_path(w, arg);
}

void
walk_free(struct walk_list *w)
{
	size_t i;

	for (i = 0; i < w->npaths; i++)
		free(w->paths[i]);
	for (i = 0; i < w->nerrors; i++) {
		free(w->errors[i]);
		free(w->error_paths[i]);
	}
	free(w->paths);
	free(w->errors);
	free(w->error_paths);
	memset(w, 0, sizeof(*w));
}
