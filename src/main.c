/* pbcheck's command line: options, then each input through the pipeline, then the report. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "decode.h"
#include "report.h"
#include "rules.h"
#include "run.h"
#include "util.h"
#include "version.h"

enum {
	OPT_FAIL_ON = 256,
	OPT_LANG,
	OPT_ENCODING
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *out)
{
	fputs(
"usage: pbcheck [options] FILE|- ...\n"
"Checks budget project performance target tables (预算项目绩效目标表).\n"
"\n"
"  -f, --format=FORMAT    text (default) or json\n"
"  -q, --quiet            text: findings and the totals line only\n"
"      --fail-on=LEVEL    error (default), warning, info or never: the lowest\n"
"                         severity that makes the exit status 1\n"
"      --lang=LANG        zh or en (default: zh if LC_ALL, LC_MESSAGES or\n"
"                         LANG starts with zh, else en)\n"
"      --encoding=ENC     auto (default), utf-8, gb18030 or utf-16\n"
"  -h, --help             show this help\n"
"  -V, --version          show the version\n"
"\n"
"'-' reads CSV from standard input.\n"
"Exit status: 0 no finding at or above --fail-on, 1 at least one,\n"
"2 usage error or an input that cannot be read.\n", out);
}

/* The message language from the locale (SPEC 1). */
static enum lang
default_lang(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strncmp(v, "zh", 2) == 0 ? LANG_ZH : LANG_EN;
	}
	return LANG_EN;
}

static int
bad_usage(const char *fmt, const char *arg)
{
	fputs("pbcheck: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'pbcheck --help'.\n", stderr);
	return 2;
}

int
main(int argc, char *argv[])
{
	struct settings s;
	struct reporter rep;
	struct check *c;
	enum encoding enc = ENC_AUTO;
	const char *format = "text";
	char *err;
	bool quiet = false;
	int ch, i, status;

	settings_init(&s);
	s.lang = default_lang();
	while ((ch = getopt_long(argc, argv, "f:qhV", long_options, NULL)) !=
	    -1) {
		switch (ch) {
		case 'f':
			format = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case OPT_FAIL_ON:
			if (strcmp(optarg, "never") == 0)
				s.fail_on = SEV_OFF;
			else if (!severity_parse(optarg, &s.fail_on) ||
			    s.fail_on == SEV_OFF) {
				settings_free(&s);
				return bad_usage("--fail-on: '%s' is not "
				    "error, warning, info or never", optarg);
			}
			break;
		case OPT_LANG:
			if (strcmp(optarg, "zh") == 0)
				s.lang = LANG_ZH;
			else if (strcmp(optarg, "en") == 0)
				s.lang = LANG_EN;
			else {
				settings_free(&s);
				return bad_usage("--lang: '%s' is not zh or en",
				    optarg);
			}
			break;
		case OPT_ENCODING:
			if (!encoding_parse(optarg, &enc)) {
				settings_free(&s);
				return bad_usage("--encoding: '%s' is not auto, "
				    "utf-8, gb18030 or utf-16", optarg);
			}
			break;
		case 'h':
			usage(stdout);
			settings_free(&s);
			return 0;
		case 'V':
			printf("pbcheck %s\n", PBCHECK_VERSION);
			settings_free(&s);
			return 0;
		default:
			usage(stderr);
			settings_free(&s);
			return 2;
		}
	}
	if (optind >= argc) {
		settings_free(&s);
		return bad_usage("%s", "no input: name a FILE, or - for "
		    "standard input");
	}
	if (!report_init(&rep, format, stdout, &s, quiet)) {
		settings_free(&s);
		return bad_usage("--format: '%s' is not text or json", format);
	}
	if ((c = check_new(&s, &rep, &err)) == NULL) {
		fprintf(stderr, "pbcheck: %s\n", err);
		free(err);
		settings_free(&s);
		return 2;
	}
	for (i = optind; i < argc; i++)
		if (run_input(c, argv[i], enc, &err) != 0) {
			fprintf(stderr, "pbcheck: %s\n", err);
			free(err);
		}
	check_finish(c);
	status = check_exit_status(c);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("pbcheck: writing the report");
		status = 2;
	}
	check_free(c);
	if (rep.free != NULL)
		rep.free(&rep);
	settings_free(&s);
	return status;
}
