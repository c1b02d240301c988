/* The report file of -o: replaced atomically when it is a file, written directly when it is a device, FIFO or socket. */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "util.h"

/* Symbolic links followed before giving up, as the kernel's ELOOP. */
#define OUTPUT_MAX_LINKS	40

/*
 * The names of an already open descriptor. Opening them anew would fail
 * for a socket and, for a regular file, would lose the shell's >>; so the
 * descriptor itself is written.
 */
static int
fd_name(const char *path)
{
	static const char *const dirs[] = { "/dev/fd/", "/proc/self/fd/" };
	const char *p;
	char *end;
	long n;
	size_t i;

	if (strcmp(path, "/dev/stdout") == 0)
		return STDOUT_FILENO;
	if (strcmp(path, "/dev/stderr") == 0)
		return STDERR_FILENO;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (strncmp(path, dirs[i], strlen(dirs[i])) != 0)
			continue;
		p = path + strlen(dirs[i]);
		if (*p < '0' || *p > '9')
			return -1;
		errno = 0;
		n = strtol(p, &end, 10);
		if (*end != '\0' || errno != 0 || n > INT_MAX)
			return -1;
		return (int)n;
	}
	return -1;
}

/* The target of link, a relative one taken from the link's directory. */
static char *
read_link(const char *link, const struct stat *st)
{
	size_t size = st->st_size > 0 ? (size_t)st->st_size + 1 : 256;
	const char *slash;
	char *buf, *res;
	ssize_t n;

	for (;;) {
		buf = xmalloc(size);
		if ((n = readlink(link, buf, size)) == -1) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < size)
			break;
		free(buf);		/* it grew since lstat */
		size *= 2;
	}
	buf[n] = '\0';
	if (buf[0] == '/' || (slash = strrchr(link, '/')) == NULL)
		return buf;
	res = xasprintf("%.*s/%s", (int)(slash - link), link, buf);
	free(buf);
	return res;
}

int
output_plan(const char *path, struct output_plan *plan)
{
	struct stat st;
	char *cur = xstrdup(path), *next;
	int hops, saved;

	memset(plan, 0, sizeof(*plan));
	plan->fd = -1;
	for (hops = 0; hops <= OUTPUT_MAX_LINKS; hops++) {
		if ((plan->fd = fd_name(cur)) != -1) {
			plan->kind = OUTPUT_FD;
			plan->target = cur;
			return 0;
		}
		if (lstat(cur, &st) != 0) {
			if (errno != ENOENT)
				break;
			plan->kind = OUTPUT_NEW;	/* or a dangling link's */
			plan->target = cur;
			return 0;
		}
		if (S_ISLNK(st.st_mode)) {
			if ((next = read_link(cur, &st)) == NULL)
				break;
			free(cur);
			cur = next;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			break;
		}
		plan->target = cur;
		if (S_ISREG(st.st_mode)) {
			plan->kind = OUTPUT_REPLACE;
			plan->mode = st.st_mode & 07777;
			plan->uid = st.st_uid;
			plan->gid = st.st_gid;
		} else if (S_ISSOCK(st.st_mode))
			plan->kind = OUTPUT_SOCKET;
		else
			plan->kind = OUTPUT_DIRECT;
		return 0;
	}
	if (hops > OUTPUT_MAX_LINKS)
		errno = ELOOP;
	saved = errno;
	free(cur);
	errno = saved;
	return -1;
}

void
output_plan_free(struct output_plan *plan)
{
	free(plan->target);
	plan->target = NULL;
}

static int
connect_socket(const char *path)
{
	struct sockaddr_un sun;
	int fd, saved;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	memcpy(sun.sun_path, path, strlen(path) + 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

/* A temporary file beside the target, with the mode the target keeps. */
static int
open_temporary(struct output_file *of)
{
	const struct output_plan *p = &of->plan;
	mode_t mask;
	int fd;

	of->tmp = xasprintf("%s.XXXXXX", p->target);
	if ((fd = mkstemp(of->tmp)) == -1) {
		free(of->tmp);
		of->tmp = NULL;
		return -1;
	}
	if (p->kind == OUTPUT_REPLACE) {
		/* Best effort: only root may give a file away. */
		if (fchown(fd, p->uid, p->gid) != 0)
			errno = 0;
		if (fchmod(fd, p->mode) != 0)
			goto fail;
	} else {
		/* mkstemp makes 0600; a new report is made as by open(2). */
		mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) != 0)
			goto fail;
	}
	return fd;
fail:
	close(fd);
	unlink(of->tmp);
	free(of->tmp);
	of->tmp = NULL;
	return -1;
}

int
output_open(struct output_file *of, const char *path)
{
	int fd, saved;

	memset(of, 0, sizeof(*of));
	if (output_plan(path, &of->plan) != 0)
		return -1;
	switch (of->plan.kind) {
	case OUTPUT_NEW:
	case OUTPUT_REPLACE:
		fd = open_temporary(of);
		break;
	case OUTPUT_DIRECT:
		/* A FIFO's open waits for its reader, as the shell's >. */
		fd = open(of->plan.target, O_WRONLY | O_NOCTTY);
		break;
	case OUTPUT_SOCKET:
		fd = connect_socket(of->plan.target);
		break;
	default:
		fd = dup(of->plan.fd);
		break;
	}
	if (fd == -1 || (of->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		if (fd != -1)
			close(fd);
		output_abandon(of);
		errno = saved;
		return -1;
	}
	return 0;
}

int
output_commit(struct output_file *of)
{
	int saved = 0;

	if (ferror(of->fp))
		saved = EIO;
	if (fflush(of->fp) != 0 && saved == 0)
		saved = errno;
	if (fclose(of->fp) != 0 && saved == 0)
		saved = errno;
	of->fp = NULL;
	if (saved == 0 && of->tmp != NULL) {
		if (rename(of->tmp, of->plan.target) != 0)
			saved = errno;
		else {
			free(of->tmp);
			of->tmp = NULL;
		}
	}
	output_abandon(of);
	errno = saved;
	return saved == 0 ? 0 : -1;
}

void
output_abandon(struct output_file *of)
{
	if (of->fp != NULL)
		fclose(of->fp);
	if (of->tmp != NULL)
		unlink(of->tmp);
	free(of->tmp);
	output_plan_free(&of->plan);
	memset(of, 0, sizeof(*of));
}
