/* Expanding a command-line input: a file, "-", or a directory searched recursively. */
#ifndef PBCHECK_WALK_H
#define PBCHECK_WALK_H

#include <stddef.h>

#include "util.h"

/* What could not be searched: errnum, or WALK_EMPTY for a directory
 * that holds no input file. */
#define WALK_EMPTY	0

struct walk_error {
	char	*path;
	int	 errnum;
};

struct walk_list {
	char			**paths;	/* inputs, in the order to check them */
	size_t			  npaths;
	struct walk_error	 *errors;
	size_t			  nerrors;
	struct strset		  seen;		/* "dev:ino" of each input taken */
};

/*
 * Appends the inputs an argument names: itself if it is not a directory;
 * else every *.csv, *.txt, *.docx, *.xlsx below it (hidden entries
 * skipped, byte order of paths, each directory visited once so that a
 * link to an ancestor ends), or a WALK_EMPTY error when there is none.
 * A file already taken (the same device and inode, through another name,
 * a link or its directory) is not taken again: the first name stays.
 */
void	walk_arg(struct walk_list *w, const char *arg);
void	walk_free(struct walk_list *w);

/* The extensions a directory is searched for, for messages. */
#define WALK_PATTERNS	"*.csv, *.txt, *.docx, *.xlsx"

#endif
