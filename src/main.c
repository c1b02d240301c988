/* pbcheck's command line: options and settings, then each input through the pipeline, then the report. */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "decode.h"
#include "report.h"
#include "rules.h"
#include "run.h"
#include "settings.h"
#include "util.h"
#include "version.h"
#include "walk.h"

enum {
	OPT_FAIL_ON = 256,
	OPT_LANG,
	OPT_ENCODING,
	OPT_DISABLE,
	OPT_ENABLE,
	OPT_SEVERITY,
	OPT_CONFIG,
	OPT_LIST_RULES,
	OPT_EXPLAIN,
	OPT_COLOR
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "severity", required_argument, NULL, OPT_SEVERITY },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *out)
{
	fputs(
"usage: pbcheck [options] FILE|DIR|- ...\n"
"Checks budget project performance target tables (预算项目绩效目标表).\n"
"\n"
"  -f, --format=FORMAT       text (default), json, junit, sarif or csv\n"
"  -o, --output=FILE         write the report to FILE (atomically)\n"
"  -q, --quiet               text: findings and the totals line only\n"
"      --fail-on=LEVEL       error (default), warning, info or never: the\n"
"                            lowest severity that makes the exit status 1\n"
"      --disable=ID[,ID...]  switch rules off; an id may be a prefix (PB4)\n"
"      --enable=ID[,ID...]   switch rules on again\n"
"      --severity=ID=LEVEL[,...]  error, warning, info or off\n"
"      --config=FILE         settings file (default ./pbcheck.conf if present)\n"
"      --lang=LANG           zh or en (default: zh if LC_ALL, LC_MESSAGES or\n"
"                            LANG starts with zh, else en)\n"
"      --color=WHEN          auto (default: a terminal and no NO_COLOR),\n"
"                            always or never\n"
"      --encoding=ENC        auto (default), utf-8, gb18030 or utf-16\n"
"      --list-rules          list every rule: id, severity, on/off, title\n"
"      --explain=ID          explain a rule: what, why, and an example fix\n"
"  -h, --help                show this help\n"
"  -V, --version             show the version\n"
"\n"
"A DIR is searched for *.csv, *.txt, *.docx, *.xlsx; '-' reads CSV from\n"
"standard input.\n"
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

static void
list_rules(const struct settings *s)
{
	int i;

	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = rule_get((enum rule_id)i);
		enum severity now = s->severity[i];
		char state[32];

		if (now == SEV_OFF)
			snprintf(state, sizeof(state), "off");
		else if (now != r->severity)
			snprintf(state, sizeof(state), "on (%s)",
			    severity_name(now));
		else
			snprintf(state, sizeof(state), "on");
		printf("%s  %-7s  %-13s  %s\n", r->id,
		    severity_name(r->severity), state, r->title[s->lang]);
	}
}

static int
explain(const struct settings *s, const char *id)
{
	enum rule_id r = rule_find(id);
	const struct rule *rule;
	bool zh = s->lang == LANG_ZH;

	if (r == RULE_COUNT)
		return bad_usage("--explain: '%s' is not a rule id (see "
		    "--list-rules)", id);
	rule = rule_get(r);
	printf("%s (%s%s): %s\n\n", rule->id, severity_name(rule->severity),
	    s->severity[r] == SEV_OFF ? (zh ? "，已关闭" : ", off") : "",
	    rule->title[s->lang]);
	if (rule->explain[s->lang] != NULL)
		printf("%s\n\n", rule->explain[s->lang]);
	if (rule->grounds[s->lang] != NULL)
		printf("%s%s\n\n", zh ? "依据：" : "Why: ",
		    rule->grounds[s->lang]);
	if (rule->bad != NULL)
		printf("%s%s\n", zh ? "错误示例：" : "Bad:   ", rule->bad);
	if (rule->good != NULL)
		printf("%s%s\n", zh ? "正确示例：" : "Fixed: ", rule->good);
	return 0;
}

/* The report file of -o: a temporary file beside it, renamed at the end. */
struct output_file {
	const char	*path;
	char		*tmp;
	FILE		*fp;
};

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
output_open(struct output_file *of, const char *path,
    const struct walk_list *inputs)
{
	size_t i;
	int fd;

	for (i = 0; i < inputs->npaths; i++)
		if (strcmp(inputs->paths[i], "-") != 0 &&
		    same_file(path, inputs->paths[i]))
			return bad_usage("--output: '%s' is one of the inputs; "
			    "pbcheck never writes to its inputs", path);
	of->path = path;
	of->tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkstemp(of->tmp)) == -1 ||
	    (of->fp = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "pbcheck: %s: %s\n", path, strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(of->tmp);
		}
		free(of->tmp);
		of->tmp = NULL;
		return 2;
	}
	return 0;
}

static void
output_abandon(struct output_file *of)
{
	if (of->fp != NULL) {
		fclose(of->fp);
		unlink(of->tmp);
	}
	free(of->tmp);
	memset(of, 0, sizeof(*of));
}

/* Closes and renames the temporary file; on any error removes it. */
static int
output_commit(struct output_file *of)
{
	int bad = ferror(of->fp) || fflush(of->fp) != 0;

	if (fclose(of->fp) != 0)
		bad = 1;
	of->fp = NULL;
	if (bad || rename(of->tmp, of->path) != 0) {
		fprintf(stderr, "pbcheck: %s: %s\n", of->path, strerror(errno));
		unlink(of->tmp);
		free(of->tmp);
		of->tmp = NULL;
		return -1;
	}
	free(of->tmp);
	of->tmp = NULL;
	return 0;
}

/* A rule option, applied after the settings file, in command-line order. */
struct rule_opt {
	int		 kind;
	const char	*arg;
};

int
main(int argc, char *argv[])
{
	struct settings s;
	struct reporter rep;
	struct check *c;
	struct rule_opt *ropts;
	size_t nropts = 0, k;
	enum encoding enc = ENC_AUTO;
	const char *format = "text", *config = NULL, *explain_id = NULL;
	const char *color = "auto", *nc, *output = NULL;
	struct walk_list inputs = { 0 };
	struct output_file of = { 0 };
	FILE *out = stdout;
	size_t n;
	char *err;
	bool quiet = false, list = false, lang_set = false;
	enum lang lang = LANG_EN;
	int ch, i, status, rc;

	settings_init(&s);
	ropts = xcalloc((size_t)argc, sizeof(*ropts));
	while ((ch = getopt_long(argc, argv, "f:o:qhV", long_options, NULL)) !=
	    -1) {
		switch (ch) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			/* "-o -" is standard output, as for the inputs. */
			output = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case OPT_FAIL_ON:
			if (strcmp(optarg, "never") == 0)
				s.fail_on = SEV_OFF;
			else if (!severity_parse(optarg, &s.fail_on) ||
			    s.fail_on == SEV_OFF) {
				rc = bad_usage("--fail-on: '%s' is not "
				    "error, warning, info or never", optarg);
				goto out;
			}
			break;
		case OPT_LANG:
			lang_set = true;
			if (strcmp(optarg, "zh") == 0)
				lang = LANG_ZH;
			else if (strcmp(optarg, "en") == 0)
				lang = LANG_EN;
			else {
				rc = bad_usage("--lang: '%s' is not zh or en",
				    optarg);
				goto out;
			}
			break;
		case OPT_ENCODING:
			if (!encoding_parse(optarg, &enc)) {
				rc = bad_usage("--encoding: '%s' is not auto, "
				    "utf-8, gb18030 or utf-16", optarg);
				goto out;
			}
			break;
		case OPT_DISABLE:
		case OPT_ENABLE:
		case OPT_SEVERITY:
			ropts[nropts].kind = ch;
			ropts[nropts++].arg = optarg;
			break;
		case OPT_CONFIG:
			config = optarg;
			break;
		case OPT_LIST_RULES:
			list = true;
			break;
		case OPT_EXPLAIN:
			explain_id = optarg;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") != 0 &&
			    strcmp(optarg, "always") != 0 &&
			    strcmp(optarg, "never") != 0) {
				rc = bad_usage("--color: '%s' is not auto, "
				    "always or never", optarg);
				goto out;
			}
			color = optarg;
			break;
		case 'h':
			usage(stdout);
			rc = 0;
			goto out;
		case 'V':
			printf("pbcheck %s\n", PBCHECK_VERSION);
			rc = 0;
			goto out;
		default:
			usage(stderr);
			rc = 2;
			goto out;
		}
	}
	s.lang = lang_set ? lang : default_lang();

	/* The settings file first, then the rule options over it. */
	if (config == NULL && access("pbcheck.conf", F_OK) == 0)
		config = "pbcheck.conf";
	if (config != NULL && settings_load(&s, config, &err) != 0) {
		fprintf(stderr, "pbcheck: %s\n", err);
		free(err);
		rc = 2;
		goto out;
	}
	for (k = 0; k < nropts; k++) {
		const char *name = ropts[k].kind == OPT_DISABLE ? "--disable" :
		    ropts[k].kind == OPT_ENABLE ? "--enable" : "--severity";

		rc = ropts[k].kind == OPT_DISABLE ?
		    settings_disable(&s, ropts[k].arg, &err) :
		    ropts[k].kind == OPT_ENABLE ?
		    settings_enable(&s, ropts[k].arg, &err) :
		    settings_severity(&s, ropts[k].arg, &err);
		if (rc != 0) {
			fprintf(stderr, "pbcheck: %s: %s\nTry 'pbcheck "
			    "--help'.\n", name, err);
			free(err);
			rc = 2;
			goto out;
		}
	}
	if (list) {
		list_rules(&s);
		rc = 0;
		goto out;
	}
	if (explain_id != NULL) {
		rc = explain(&s, explain_id);
		goto out;
	}

	if (optind >= argc) {
		rc = bad_usage("%s", "no input: name a FILE, a DIR, or - for "
		    "standard input");
		goto out;
	}
	for (i = optind; i < argc; i++)
		walk_arg(&inputs, argv[i]);
	if (output != NULL) {
		if ((rc = output_open(&of, output, &inputs)) != 0)
			goto out;
		out = of.fp;
	}
	if (!report_init(&rep, format, out, &s, quiet)) {
		output_abandon(&of);
		rc = bad_usage("--format: '%s' is not text, json, junit, sarif "
		    "or csv", format);
		goto out;
	}
	nc = getenv("NO_COLOR");
	rep.color = strcmp(color, "always") == 0 ||
	    (strcmp(color, "auto") == 0 && output == NULL &&
	    isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0'));
	if ((c = check_new(&s, &rep, &err)) == NULL) {
		fprintf(stderr, "pbcheck: %s\n", err);
		free(err);
		if (rep.free != NULL)
			rep.free(&rep);
		output_abandon(&of);
		rc = 2;
		goto out;
	}
	for (n = 0; n < inputs.nerrors; n++) {
		fprintf(stderr, "pbcheck: %s\n", inputs.errors[n]);
		check_file_begin(c, inputs.error_paths[n]);
		check_file_unreadable(c, inputs.errors[n] +
		    strlen(inputs.error_paths[n]) + 2);
	}
	for (n = 0; n < inputs.npaths; n++)
		if (run_input(c, inputs.paths[n], enc, &err) != 0) {
			fprintf(stderr, "pbcheck: %s\n", err);
			free(err);
		}
	check_finish(c);
	status = check_exit_status(c);
	if (output != NULL) {
		if (output_commit(&of) != 0)
			status = 2;
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("pbcheck: writing the report");
		status = 2;
	}
	check_free(c);
	if (rep.free != NULL)
		rep.free(&rep);
	rc = status;
out:
	walk_free(&inputs);
	free(ropts);
	settings_free(&s);
	return rc;
}
