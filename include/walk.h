/* Expanding a command-line input: a file, "-", or a directory searched recursively. */
#ifndef PBCHECK_WALK_H
#define PBCHECK_WALK_H

#include <stddef.h>

struct walk_list {
	char	**paths;	/* inputs, in the order to check them */
	char	**errors;	/* "PATH: reason" for what could not be read */
	char	**error_paths;
	size_t	 npaths;
	size_t	 nerrors;
};

/*
 * Appends the inputs an argument names: itself if it is not a directory;
 * else every *.csv, *.txt, *.docx, *.xlsx below it (hidden entries
 * skipped, byte order of paths, each directory visited once so that a
 * link to an ancestor ends).
 */
void	walk_arg(struct walk_list *w, const char *arg);
void	walk_free(struct walk_list *w);

#endif
