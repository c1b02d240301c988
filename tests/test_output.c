/* Unit tests for how -o writes (SPEC 1) in output.c: what is at the path decides, looked at with stat only. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "util.h"

#include "support.h"

static char dir[] = "/tmp/pbcheck-output-XXXXXX";

static int
make_dir(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
remove_dir(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static char *
in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
touch(const char *path, mode_t mode)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(chmod(path, mode), 0);
}

/* A FIFO and a character device are written directly, never replaced. */
static void
test_output_plan_direct(void **state)
{
	struct output_plan p;
	char *fifo = in_dir("fifo");

	(void)state;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(output_plan(fifo, &p), 0);
	assert_int_equal(p.kind, OUTPUT_DIRECT);
	assert_string_equal(p.target, fifo);
	output_plan_free(&p);
	/* Only looked at: output_plan opens nothing. */
	assert_int_equal(output_plan("/dev/null", &p), 0);
	assert_int_equal(p.kind, OUTPUT_DIRECT);
	assert_string_equal(p.target, "/dev/null");
	output_plan_free(&p);
	free(fifo);
}

/* A regular file is replaced with its mode; a missing one is new. */
static void
test_output_plan_file(void **state)
{
	struct output_plan p;
	char *file = in_dir("report.txt"), *missing = in_dir("new.txt");

	(void)state;
	touch(file, 0640);
	assert_int_equal(output_plan(file, &p), 0);
	assert_int_equal(p.kind, OUTPUT_REPLACE);
	assert_int_equal(p.mode, 0640);
	output_plan_free(&p);
	assert_int_equal(output_plan(missing, &p), 0);
	assert_int_equal(p.kind, OUTPUT_NEW);
	assert_string_equal(p.target, missing);
	output_plan_free(&p);
	free(file);
	free(missing);
}

/* Through links, relative or absolute, dangling or not, to the file. */
static void
test_output_plan_links(void **state)
{
	struct output_plan p;
	char *file = in_dir("target.txt"), *rel = in_dir("rel"),
	    *abs = in_dir("abs"), *dangling = in_dir("dangling"),
	    *loop = in_dir("loop"), *sub = in_dir("sub"),
	    *deep = in_dir("sub/deep"), *fifolink = in_dir("fifolink");

	(void)state;
	touch(file, 0600);
	assert_int_equal(symlink("target.txt", rel), 0);
	assert_int_equal(symlink(file, abs), 0);
	assert_int_equal(symlink("made.txt", dangling), 0);
	assert_int_equal(symlink("loop", loop), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(symlink("../rel", deep), 0);
	assert_int_equal(symlink("fifo2", fifolink), 0);
	free(fifolink);
	fifolink = in_dir("fifo2");
	assert_int_equal(mkfifo(fifolink, 0600), 0);

	assert_int_equal(output_plan(rel, &p), 0);
	assert_int_equal(p.kind, OUTPUT_REPLACE);
	assert_non_null(strstr(p.target, "/target.txt"));
	output_plan_free(&p);
	assert_int_equal(output_plan(abs, &p), 0);
	assert_string_equal(p.target, file);
	output_plan_free(&p);
	assert_int_equal(output_plan(deep, &p), 0);
	assert_int_equal(p.kind, OUTPUT_REPLACE);
	assert_non_null(strstr(p.target, "target.txt"));
	output_plan_free(&p);
	assert_int_equal(output_plan(dangling, &p), 0);
	assert_int_equal(p.kind, OUTPUT_NEW);
	assert_non_null(strstr(p.target, "/made.txt"));
	output_plan_free(&p);
	assert_int_equal(output_plan(fifolink, &p), 0);
	assert_int_equal(p.kind, OUTPUT_DIRECT);
	output_plan_free(&p);
	errno = 0;
	assert_int_equal(output_plan(loop, &p), -1);
	assert_int_equal(errno, ELOOP);
	errno = 0;
	assert_int_equal(output_plan(sub, &p), -1);
	assert_int_equal(errno, EISDIR);
	free(file);
	free(rel);
	free(abs);
	free(dangling);
	free(loop);
	free(sub);
	free(deep);
	free(fifolink);
}

/* The names of open descriptors are the descriptors. */
static void
test_output_plan_fd(void **state)
{
	struct output_plan p;

	(void)state;
	assert_int_equal(output_plan("/dev/stdout", &p), 0);
	assert_int_equal(p.kind, OUTPUT_FD);
	assert_int_equal(p.fd, 1);
	output_plan_free(&p);
	assert_int_equal(output_plan("/dev/stderr", &p), 0);
	assert_int_equal(p.fd, 2);
	output_plan_free(&p);
	assert_int_equal(output_plan("/dev/fd/7", &p), 0);
	assert_int_equal(p.kind, OUTPUT_FD);
	assert_int_equal(p.fd, 7);
	output_plan_free(&p);
	assert_int_equal(output_plan("/proc/self/fd/3", &p), 0);
	assert_int_equal(p.fd, 3);
	output_plan_free(&p);
}

/* A report written over a file keeps its mode; a new one follows umask. */
static void
test_output_modes(void **state)
{
	struct output_file of;
	struct stat st;
	char *file = in_dir("kept.txt"), *fresh = in_dir("fresh.txt");
	mode_t old;

	(void)state;
	touch(file, 0640);
	assert_int_equal(output_open(&of, file), 0);
	fputs("report\n", of.fp);
	assert_int_equal(output_commit(&of), 0);
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(st.st_size, 7);
	old = umask(027);
	assert_int_equal(output_open(&of, fresh), 0);
	assert_int_equal(output_commit(&of), 0);
	umask(old);
	assert_int_equal(stat(fresh, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	/* Abandoned, nothing is left beside the file. */
	assert_int_equal(output_open(&of, file), 0);
	fputs("half", of.fp);
	output_abandon(&of);
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_size, 7);
	free(file);
	free(fresh);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output_plan_direct),
		cmocka_unit_test(test_output_plan_file),
		cmocka_unit_test(test_output_plan_links),
		cmocka_unit_test(test_output_plan_fd),
		cmocka_unit_test(test_output_modes),
	};

	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
