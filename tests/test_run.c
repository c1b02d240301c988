/* Unit tests for one input through the pipeline in run.c: what the bytes are, and why an input is unreadable. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "report.h"
#include "run.h"
#include "settings.h"
#include "util.h"

#include "support.h"

/* What the end of the run said about its one file. */
static struct {
	char	format[32];
	char	error[256];
	bool	unreadable;
	int	projects;
	size_t	nfindings;
	char	message[1024];
} got;

static void
files_end(struct reporter *r, const struct run_result *res)
{
	(void)r;
	assert_int_equal(res->nfiles, 1);
	copy_text(got.format, sizeof(got.format), res->files[0].format);
	copy_text(got.error, sizeof(got.error), res->files[0].error);
	got.unreadable = res->files[0].unreadable;
	got.projects = res->files[0].projects;
	got.nfindings = res->nfindings;
	copy_text(got.message, sizeof(got.message),
	    res->nfindings > 0 ? res->findings[0].message : NULL);
}

/* Runs one input; returns run_input's result, *msg its stderr text. */
static int
run_one(const char *path, enum lang lang, char **msg)
{
	struct settings s;
	struct reporter rep;
	struct check *c;
	char *err = NULL;
	int rc;

	memset(&got, 0, sizeof(got));
	settings_init(&s);
	s.lang = lang;
	memset(&rep, 0, sizeof(rep));
	rep.settings = &s;
	rep.end = files_end;
	c = check_new(&s, &rep, &err);
	assert_non_null(c);
	rc = run_input(c, path, ENC_AUTO, msg);
	check_finish(c);
	check_free(c);
	settings_free(&s);
	return rc;
}

/* A missing file: the reason alone, stderr names it in the language. */
static void
test_run_missing(void **state)
{
	char *msg;

	(void)state;
	assert_int_equal(run_one("tests/no-such-file.csv", LANG_EN, &msg), -1);
	assert_true(got.unreadable);
	assert_string_equal(got.error, "No such file or directory");
	assert_string_equal(msg,
	    "tests/no-such-file.csv: No such file or directory");
	free(msg);
	assert_int_equal(run_one("tests/no-such-file.csv", LANG_ZH, &msg), -1);
	assert_string_equal(got.error, "No such file or directory");
	assert_string_equal(msg, "tests/no-such-file.csv: 没有该文件或目录");
	free(msg);
}

/* A directory given to run_input is "Is a directory". */
static void
test_run_directory(void **state)
{
	char *msg;

	(void)state;
	assert_int_equal(run_one("tests", LANG_EN, &msg), -1);
	assert_string_equal(got.error, "Is a directory");
	free(msg);
}

/* A zip whose parts are Excel's, whatever its name, goes to the workbook
 * reader: a broken one is PB001 from it, never "unreadable". */
static void
test_run_xlsx(void **state)
{
	char path[] = "/tmp/pbcheck-run-XXXXXX";
	char *cmd, *msg = NULL;
	int fd;

	(void)state;
	if ((fd = mkstemp(path)) == -1)
		fail_msg("mkstemp");
	close(fd);
	unlink(path);
	cmd = xasprintf("/usr/bin/python3 -c \"import zipfile; "
	    "zipfile.ZipFile('%s', 'w').writestr('xl/workbook.xml', '<x/>')\"",
	    path);
	fd = system(cmd);
	free(cmd);
	if (fd != 0)
		skip();
	assert_int_equal(run_one(path, LANG_EN, &msg), 0);
	assert_false(got.unreadable);
	assert_string_equal(got.format, "xlsx");
	assert_int_equal(got.nfindings, 1);
	assert_non_null(strstr(got.message, "workbook"));
	free(msg);
	unlink(path);
}

/* The sample .docx named .csv is read as a .docx; a PDF is PB001. */
static void
test_run_by_bytes(void **state)
{
	char dir[] = "/tmp/pbcheck-run-XXXXXX";
	char *path, *cmd, *msg = NULL;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/docx.csv", dir);
	cmd = xasprintf("cp data/chengde-2021/targets.docx %s", path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	assert_int_equal(run_one(path, LANG_EN, &msg), 0);
	assert_string_equal(got.format, "docx");
	assert_int_equal(got.projects, 13);
	free(path);
	path = xasprintf("%s/report.csv", dir);
	cmd = xasprintf("printf '%%%%PDF-1.4\\n' >%s", path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	assert_int_equal(run_one(path, LANG_EN, &msg), 0);
	assert_false(got.unreadable);
	assert_string_equal(got.format, "pdf");
	assert_int_equal(got.nfindings, 1);
	assert_non_null(strstr(got.message, "a PDF document; export the table"));
	unlink(path);
	free(path);
	cmd = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run_missing),
		cmocka_unit_test(test_run_directory),
		cmocka_unit_test(test_run_xlsx),
		cmocka_unit_test(test_run_by_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
