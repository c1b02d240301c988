/* The report file of -o: replaced atomically when it is a file, written directly when it is a device, FIFO or socket. */
#ifndef PBCHECK_OUTPUT_H
#define PBCHECK_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

enum output_kind {
	OUTPUT_NEW,		/* no file there: create one */
	OUTPUT_REPLACE,		/* a regular file: replace it, keep its mode */
	OUTPUT_DIRECT,		/* a device or FIFO: open and write it */
	OUTPUT_SOCKET,		/* a Unix socket: connect and write */
	OUTPUT_FD		/* /dev/stdout, /dev/stderr, /dev/fd/N */
};

/* Where and how -o writes: the path after symbolic links. */
struct output_plan {
	enum output_kind kind;
	char		*target;	/* the path written or replaced */
	mode_t		 mode;		/* OUTPUT_REPLACE: the mode to keep */
	uid_t		 uid;		/* OUTPUT_REPLACE: the owner to keep */
	gid_t		 gid;
	int		 fd;		/* OUTPUT_FD: the descriptor */
};

/*
 * Decides how to write path without touching it: follows symbolic links
 * (a dangling one names the file to create) and looks at what is there.
 * Returns 0, or -1 with errno set (EISDIR for a directory, ELOOP).
 */
int	output_plan(const char *path, struct output_plan *plan);
void	output_plan_free(struct output_plan *plan);

struct output_file {
	struct output_plan plan;
	char		*tmp;		/* the temporary file, or NULL */
	FILE		*fp;
};

/* Opens the report. Returns 0, or -1 with errno set. */
int	output_open(struct output_file *of, const char *path);
/* Flushes and, for a file, renames the temporary file over the target;
 * on any error removes it. Returns 0, or -1 with errno set. */
int	output_commit(struct output_file *of);
/* Closes and removes what output_open made (safe on a zeroed struct). */
void	output_abandon(struct output_file *of);

#endif
