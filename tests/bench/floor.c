/*
 * The floor of make bench, and its measuring wrapper.
 *
 *   floor FILE             one libcsv pass over FILE, in 64 KiB reads, with
 *                          empty callbacks: what reading the CSV costs at
 *                          least, the speed pbcheck is compared with;
 *   floor -m OUT CMD ARG…  runs CMD and writes "MILLISECONDS MAXRSS_KB
 *                          STATUS CPU_MILLISECONDS" to OUT: wall time, the
 *                          child's peak resident size and its user + system
 *                          time (getrusage RUSAGE_CHILDREN). CPU time is
 *                          what other jobs on the machine disturb least.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>

static void
on_field(void *s, size_t len, void *ctx)
{
	(void)s;
	(void)len;
	(void)ctx;
}

static void
on_record(int term, void *ctx)
{
	(void)term;
	(void)ctx;
}

static int
parse(const char *path)
{
	static char buf[65536];
	struct csv_parser p;
	FILE *fp;
	size_t n;
	int rc = 0;

	if ((fp = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return 2;
	}
	if (csv_init(&p, CSV_STRICT) != 0)
		return 2;
	/* As pbcheck sets it: a field grows 64 KiB at a time, not 128 B. */
	csv_set_blk_size(&p, 65536);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, NULL) != n) {
			rc = 1;	/* a syntax error: the floor stops there too */
			break;
		}
	if (rc == 0)
		csv_fini(&p, on_field, on_record, NULL);
	csv_free(&p);
	fclose(fp);
	return rc;
}

static int
measure(const char *out, char **argv)
{
	struct timespec a, b;
	struct rusage ru;
	pid_t pid;
	FILE *fp;
	int status = 0;
	long ms, cpu;

	clock_gettime(CLOCK_MONOTONIC, &a);
	if ((pid = fork()) == -1)
		return 2;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "floor: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, 0) == -1)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &b);
	getrusage(RUSAGE_CHILDREN, &ru);
	ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
	cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
	if ((fp = fopen(out, "w")) == NULL)
		return 2;
	fprintf(fp, "%ld %ld %d %ld\n", ms, ru.ru_maxrss,
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
	    cpu);
	fclose(fp);
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc >= 4 && strcmp(argv[1], "-m") == 0)
		return measure(argv[2], argv + 3);
	if (argc != 2) {
		fprintf(stderr, "usage: floor FILE | floor -m OUT CMD [ARG ...]\n");
		return 2;
	}
	return parse(argv[1]);
}
