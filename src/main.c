/* pbcheck's command line: options and settings, then each input through the pipeline, then the report. */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "check.h"
#include "decode.h"
#include "errtext.h"
#include "output.h"
#include "parallel.h"
#include "progress.h"
#include "read.h"
#include "report.h"
#include "rules.h"
#include "run.h"
#include "settings.h"
#include "text.h"
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
	OPT_COLOR,
	OPT_NO_CONFIG,
	OPT_STATISTICS,
	OPT_BASELINE,
	OPT_BASELINE_WRITE,
	OPT_NO_PROGRESS
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
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "statistics", no_argument, NULL, OPT_STATISTICS },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "baseline-write", required_argument, NULL, OPT_BASELINE_WRITE },
	{ "jobs", required_argument, NULL, 'j' },
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
	{ "verbose", no_argument, NULL, 'v' },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* The language of every message; set before the options are parsed. */
static enum lang msg_lang = LANG_EN;
/* The progress line while inputs are checked, cleared for each message. */
static struct progress *progress_line;

static void
usage(FILE *out)
{
	if (msg_lang == LANG_ZH) {
		fputs(
"用法：pbcheck [选项] 文件|目录|- ...\n"
"检查预算项目绩效目标表。\n"
"\n"
"  -f, --format=格式         输出格式：text（默认）、json、junit、sarif、csv、\n"
"                            html、github 或 gitlab\n"
"  -o, --output=文件         将报告写入文件：普通文件先写入同目录的临时文件再\n"
"                            改名替换（保留原权限）；符号链接替换其指向的文件；\n"
"                            设备、FIFO 或套接字直接写入；- 为标准输出\n"
"  -q, --quiet               文本输出只列问题和汇总行\n"
"      --fail-on=级别        error（默认）、warning、info 或 never：\n"
"                            使退出状态为 1 的最低严重级别\n"
"      --disable=编号[,编号...]  关闭规则；编号可为前缀（PB4）\n"
"      --enable=编号[,编号...]   重新启用规则\n"
"      --severity=编号=级别[,...]  error、warning、info 或 off\n"
"      --config=文件         配置文件（默认：每个输入使用其所在目录或上级目录中\n"
"                            最近的 pbcheck.conf，直到含 .git 的目录或 /）\n"
"      --no-config           不读取任何配置文件\n"
"      --statistics          按规则、按文件统计问题数（及总数）\n"
"      --baseline=文件       只报告基线文件中没有的问题\n"
"      --baseline-write=文件 把当前的问题记录为基线文件\n"
"  -j, --jobs=N              用 N 个线程并行检查一批文件（单个输入：解析与\n"
"                            检查各用一个线程），输出与 -j 1 相同（默认：CPU 数）\n"
"      --no-progress         不显示进度行（进度行只在终端上、运行约 2 秒后\n"
"                            出现，设置了 CI 环境变量时从不出现）\n"
"  -v, --verbose             在标准错误上说明每个输入使用的配置文件\n"
"      --lang=语言           zh 或 en（默认：LC_ALL、LC_MESSAGES 或 LANG\n"
"                            以 zh 开头时为 zh，否则为 en）\n"
"      --color=时机          auto（默认：终端且未设置 NO_COLOR）、\n"
"                            always 或 never\n"
"      --encoding=编码       auto（默认）、utf-8、gb18030 或 utf-16\n"
"      --list-rules          列出全部规则：编号、严重级别、开关、标题\n"
"      --explain=编号        解释一条规则：检查什么、依据、修改示例\n"
"  -h, --help                显示本帮助\n"
"  -V, --version             显示版本\n"
"\n"
"目录中递归查找 " WALK_PATTERNS "；'-' 从标准输入读取 CSV。\n"
"文件按内容识别，不看扩展名：Word 或 Excel 的 zip 包按 .docx/.xlsx 读取；\n"
"旧版 .doc/.xls、PDF、图片等报告 PB001 并说明如何另存。同一文件（相同设备\n"
"和 inode）只读取一次。\n"
"退出状态：0 没有达到 --fail-on 级别的问题；1 至少有一个；2 用法错误、\n"
"输入无法读取，或参数中没有任何输入文件（如空目录）。\n", out);
		return;
	}
	fputs(
"usage: pbcheck [options] FILE|DIR|- ...\n"
"Checks budget project performance target tables (预算项目绩效目标表).\n"
"\n"
"  -f, --format=FORMAT       text (default), json, junit, sarif, csv, html,\n"
"                            github or gitlab\n"
"  -o, --output=FILE         write the report to FILE: a regular file through\n"
"                            a temporary file beside it, renamed (its mode\n"
"                            kept); a symlink's target is replaced; a device,\n"
"                            FIFO or socket is written directly; - is stdout\n"
"  -q, --quiet               text: findings and the totals line only\n"
"      --fail-on=LEVEL       error (default), warning, info or never: the\n"
"                            lowest severity that makes the exit status 1\n"
"      --disable=ID[,ID...]  switch rules off; an id may be a prefix (PB4)\n"
"      --enable=ID[,ID...]   switch rules on again\n"
"      --severity=ID=LEVEL[,...]  error, warning, info or off\n"
"      --config=FILE         settings file (default: for each input the nearest\n"
"                            pbcheck.conf in its directory or a parent, up to\n"
"                            a directory holding .git, or /)\n"
"      --no-config           read no settings file\n"
"      --statistics          counts per rule, per file and in total\n"
"      --baseline=FILE       report only findings not recorded in FILE\n"
"      --baseline-write=FILE record the current findings in FILE\n"
"  -j, --jobs=N              check the files of a batch in N parallel threads\n"
"                            (one input: parse and check it in two); the\n"
"                            output is that of -j 1 (default: the CPUs)\n"
"      --no-progress         no progress line (it appears only on a terminal,\n"
"                            after about 2 s, never with CI set)\n"
"  -v, --verbose             say on stderr which settings file each input uses\n"
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
"A DIR is searched for " WALK_PATTERNS "; '-' reads CSV from\n"
"standard input. Files are known by their bytes, not their names: a zip\n"
"with Word's or Excel's parts is read as .docx/.xlsx; a legacy .doc/.xls,\n"
"a PDF, an image or another binary is PB001 saying how to save it. The\n"
"same file (device and inode) named twice is read once.\n"
"Exit status: 0 no finding at or above --fail-on, 1 at least one,\n"
"2 usage error, an input that cannot be read, or no input file at all\n"
"(an empty directory).\n", out);
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

static bool
lang_parse(const char *s, enum lang *lang)
{
	if (strcmp(s, "zh") == 0)
		*lang = LANG_ZH;
	else if (strcmp(s, "en") == 0)
		*lang = LANG_EN;
	else
		return false;
	return true;
}

/*
 * The language of the messages before getopt runs: a usage error may
 * come before --lang on the command line. The last valid --lang wins, as
 * it does in getopt; a bad one is reported by getopt later.
 */
static enum lang
prescan_lang(int argc, char *argv[])
{
	enum lang lang = default_lang(), l;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strncmp(argv[i], "--lang=", 7) == 0) {
			if (lang_parse(argv[i] + 7, &l))
				lang = l;
		} else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
			if (lang_parse(argv[++i], &l))
				lang = l;
		}
	}
	return lang;
}

/* "pbcheck: " and a message in the message language. */
static void
say(const char *en, const char *zh, ...)
{
	va_list ap;

	char *raw, *safe;
	int n;

	/* Paths and cells reach stderr escaped, as in the text report: a
	 * file name with ESC or GBK bytes must not drive the terminal. */
	va_start(ap, zh);
	n = vsnprintf(NULL, 0, msg_lang == LANG_ZH ? zh : en, ap);
	va_end(ap);
	if (n < 0)
		return;
	raw = xmalloc((size_t)n + 1);
	va_start(ap, zh);
	vsnprintf(raw, (size_t)n + 1, msg_lang == LANG_ZH ? zh : en, ap);
	va_end(ap);
	safe = text_escape(raw);
	progress_hold(progress_line);
	fprintf(stderr, "pbcheck: %s\n", safe);
	fflush(stderr);
	progress_release(progress_line);
	free(safe);
	free(raw);
}

static int
bad_usage(const char *en, const char *zh, const char *arg)
{
	say(en, zh, arg);
	fputs(msg_lang == LANG_ZH ? "请运行 'pbcheck --help' 查看用法。\n" :
	    "Try 'pbcheck --help'.\n", stderr);
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
		    "--list-rules)", "--explain：'%s' 不是规则编号（见 "
		    "--list-rules）", id);
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

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Opens the report of -o, never over one of the inputs. */
static int
open_report(struct output_file *of, const char *path,
    const struct walk_list *inputs)
{
	size_t i;

	for (i = 0; i < inputs->npaths; i++)
		if (strcmp(inputs->paths[i], "-") != 0 &&
		    same_file(path, inputs->paths[i]))
			return bad_usage("--output: '%s' is one of the inputs; "
			    "pbcheck never writes to its inputs",
			    "--output：'%s' 是输入文件之一；pbcheck 从不写入输入文件",
			    path);
	if (output_open(of, path) != 0) {
		int e = errno;

		say("%s: %s", "%s：%s", path, errtext(e, msg_lang));
		return 2;
	}
	return 0;
}

/* A rule option, applied after the settings file, in command-line order. */
struct rule_opt {
	int		 kind;
	const char	*arg;
};

/* Applies the rule options; returns 0, or 2 after saying what is wrong. */
static int
apply_rule_opts(struct settings *s, const struct rule_opt *ropts,
    size_t nropts)
{
	size_t k;
	char *err;
	int rc;

	for (k = 0; k < nropts; k++) {
		const char *name = ropts[k].kind == OPT_DISABLE ? "--disable" :
		    ropts[k].kind == OPT_ENABLE ? "--enable" : "--severity";

		rc = ropts[k].kind == OPT_DISABLE ?
		    settings_disable(s, ropts[k].arg, &err) :
		    ropts[k].kind == OPT_ENABLE ?
		    settings_enable(s, ropts[k].arg, &err) :
		    settings_severity(s, ropts[k].arg, &err);
		if (rc != 0) {
			say("%s: %s", "%s：%s", name, err);
			fputs(msg_lang == LANG_ZH ? "请运行 'pbcheck --help' "
			    "查看用法。\n" : "Try 'pbcheck --help'.\n", stderr);
			free(err);
			return 2;
		}
	}
	return 0;
}

/* The settings files of a run, each read once, with the rule options
 * over them: the last entry (name NULL) is the run's own settings. */
struct conf {
	char		*name;
	struct settings	 s;
};

struct confs {
	struct conf	**v;		/* each allocated: pointers stay valid */
	size_t		 n;
	const struct settings *run;	/* lang and fail-on */
	const struct rule_opt *ropts;
	size_t		 nropts;
};

/* The settings read from name (NULL: none); NULL after an error (said). */
static struct conf *
conf_get(struct confs *cs, const char *name)
{
	struct conf *cf;
	char *err;
	size_t i;

	for (i = 0; i < cs->n; i++)
		if ((name == NULL && cs->v[i]->name == NULL) ||
		    (name != NULL && cs->v[i]->name != NULL &&
		    strcmp(name, cs->v[i]->name) == 0))
			return cs->v[i];
	cs->v = xreallocarray(cs->v, cs->n + 1, sizeof(*cs->v));
	cf = cs->v[cs->n++] = xmalloc(sizeof(*cf));
	cf->name = name != NULL ? xstrdup(name) : NULL;
	settings_init(&cf->s);
	cf->s.lang = cs->run->lang;
	cf->s.fail_on = cs->run->fail_on;
	if (name != NULL && settings_load(&cf->s, name, &err) != 0) {
		say("%s", "%s", err);
		free(err);
		return NULL;
	}
	if (apply_rule_opts(&cf->s, cs->ropts, cs->nropts) != 0)
		return NULL;
	return cf;
}

static void
confs_free(struct confs *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++) {
		free(cs->v[i]->name);
		settings_free(&cs->v[i]->s);
		free(cs->v[i]);
	}
	free(cs->v);
}

/* Which settings file an input uses (SPEC 1); caller frees. */
static char *
conf_name(const char *config, bool no_config, const char *input)
{
	if (no_config)
		return NULL;
	if (config != NULL)
		return xstrdup(config);
	return settings_discover(input);
}

/* Writes the baseline of --baseline-write, never over an input. */
static int
write_baseline(const char *path, const struct baseline *b,
    const struct walk_list *inputs)
{
	struct output_file of = { 0 };
	size_t i;

	for (i = 0; i < inputs->npaths; i++)
		if (strcmp(inputs->paths[i], "-") != 0 &&
		    same_file(path, inputs->paths[i])) {
			say("--baseline-write: '%s' is one of the inputs; "
			    "pbcheck never writes to its inputs",
			    "--baseline-write：'%s' 是输入文件之一；pbcheck "
			    "从不写入输入文件", path);
			return 2;
		}
	if (output_open(&of, path) != 0) {
		say("%s: %s", "%s：%s", path, errtext(errno, msg_lang));
		return 2;
	}
	baseline_write(b, of.fp);
	if (output_commit(&of) != 0) {
		say("%s: %s", "%s：%s", path, errtext(errno, msg_lang));
		return 2;
	}
	return 0;
}

/* What the settings of each input are made of. */
struct input_ctx {
	const struct walk_list	 *inputs;
	struct conf		**conf;
	const struct rule_opt	 *ropts;
	size_t			  nropts;
};

/*
 * The settings of input i: its settings file's, or with [path:GLOB] keys
 * that match it, a copy in *own with those keys and then the rule options
 * over them (checked on the run's settings already: they cannot fail
 * here). Only reads what the run shares: the worker threads of -j call
 * it too (parallel.h).
 */
static const struct settings *
input_settings(void *ctx, size_t i, struct settings *own, bool *owned)
{
	const struct input_ctx *ic = ctx;
	const struct conf *cf = ic->conf[i];
	const char *path = ic->inputs->paths[i];
	char *err;
	size_t k;

	*owned = settings_path_matches(&cf->s, path);
	if (!*owned)
		return &cf->s;
	settings_copy(own, &cf->s);
	settings_apply_paths(own, path);
	for (k = 0; k < ic->nropts; k++) {
		err = NULL;
		if (ic->ropts[k].kind == OPT_DISABLE)
			settings_disable(own, ic->ropts[k].arg, &err);
		else if (ic->ropts[k].kind == OPT_ENABLE)
			settings_enable(own, ic->ropts[k].arg, &err);
		else
			settings_severity(own, ic->ropts[k].arg, &err);
		free(err);
	}
	return own;
}

#define JOBS_MAX	"1024"

/* -j N: a whole number from 1 to BATCH_MAX_JOBS. */
static bool
jobs_parse(const char *arg, long *jobs)
{
	char *end;
	long v;

	if (*arg < '0' || *arg > '9')
		return false;
	errno = 0;
	v = strtol(arg, &end, 10);
	if (*end != '\0' || errno != 0 || v < 1 || v > BATCH_MAX_JOBS)
		return false;
	*jobs = v;
	return true;
}

/* The default of -j: the CPUs online. */
static long
online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > BATCH_MAX_JOBS ? BATCH_MAX_JOBS : n;
}

/* The bytes of the inputs, for the progress line's ETA; -1 when one is
 * not a regular file (standard input, a pipe). */
static long long
input_bytes(const struct walk_list *inputs)
{
	struct stat st;
	long long total = 0;
	size_t i;

	for (i = 0; i < inputs->npaths; i++) {
		if (strcmp(inputs->paths[i], "-") == 0 ||
		    stat(inputs->paths[i], &st) != 0 || !S_ISREG(st.st_mode))
			return -1;
		total += (long long)st.st_size;
	}
	return total;
}

int
main(int argc, char *argv[])
{
	struct settings s;
	struct reporter rep;
	struct check *c;
	struct rule_opt *ropts;
	size_t nropts = 0;
	enum encoding enc = ENC_AUTO;
	const char *format = "text", *config = NULL, *explain_id = NULL;
	const char *color = "auto", *nc, *output = NULL;
	const char *baseline_in = NULL, *baseline_out = NULL;
	struct walk_list inputs = { 0 };
	struct output_file of = { 0 };
	struct confs confs = { 0 };
	struct conf *cf, **input_conf = NULL;
	struct baseline *filter = NULL, *record = NULL;
	struct batch *batch;
	struct input_ctx ictx;
	FILE *screen = NULL;
	size_t n;
	long long total;
	long jobs = 0;
	char *err, *name;
	bool quiet = false, list = false, lang_set = false, no_config = false;
	bool statistics = false, verbose = false, no_progress = false;
	enum lang lang = LANG_EN;
	int ch, i, status, rc;

	settings_init(&s);
	read_init();
	msg_lang = prescan_lang(argc, argv);
	ropts = xcalloc((size_t)argc, sizeof(*ropts));
	opterr = 0;		/* its messages are English only */
	while ((ch = getopt_long(argc, argv, ":f:o:j:qvhV", long_options,
	    NULL)) != -1) {
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
				    "error, warning, info or never",
				    "--fail-on：'%s' 不是 error、warning、info "
				    "或 never", optarg);
				goto out;
			}
			break;
		case OPT_LANG:
			lang_set = true;
			if (!lang_parse(optarg, &lang)) {
				rc = bad_usage("--lang: '%s' is not zh or en",
				    "--lang：'%s' 不是 zh 或 en", optarg);
				goto out;
			}
			break;
		case OPT_ENCODING:
			if (!encoding_parse(optarg, &enc)) {
				rc = bad_usage("--encoding: '%s' is not auto, "
				    "utf-8, gb18030 or utf-16",
				    "--encoding：'%s' 不是 auto、utf-8、gb18030 "
				    "或 utf-16", optarg);
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
		case OPT_NO_CONFIG:
			no_config = true;
			break;
		case OPT_STATISTICS:
			statistics = true;
			break;
		case OPT_BASELINE:
			baseline_in = optarg;
			break;
		case OPT_BASELINE_WRITE:
			baseline_out = optarg;
			break;
		case 'j':
			if (!jobs_parse(optarg, &jobs)) {
				rc = bad_usage("--jobs: '%s' is not a number "
				    "from 1 to " JOBS_MAX, "--jobs：'%s' 不是 1 到 "
				    JOBS_MAX " 之间的数", optarg);
				goto out;
			}
			break;
		case OPT_NO_PROGRESS:
			no_progress = true;
			break;
		case 'v':
			verbose = true;
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
				    "always or never",
				    "--color：'%s' 不是 auto、always 或 never",
				    optarg);
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
		case ':':
			rc = bad_usage("option '%s' needs a value",
			    "选项 '%s' 需要一个值", argv[optind - 1]);
			goto out;
		default:
			/* A long option leaves optopt 0: name it as given. */
			if (optopt != 0) {
				char opt[3] = { '-', (char)optopt, '\0' };

				rc = bad_usage("unknown option '%s'",
				    "未知选项 '%s'", opt);
			} else
				rc = bad_usage("unknown option '%s'",
				    "未知选项 '%s'", argv[optind - 1]);
			goto out;
		}
	}
	s.lang = lang_set ? lang : default_lang();
	msg_lang = s.lang;

	/* The rule options are checked once, on the run's settings; each
	 * settings file gets them over it as it is read. */
	if ((rc = apply_rule_opts(&s, ropts, nropts)) != 0)
		goto out;
	if (config != NULL && no_config) {
		rc = bad_usage("%s", "%s", msg_lang == LANG_ZH ?
		    "--config 与 --no-config 不能同时使用" :
		    "--config and --no-config exclude each other");
		goto out;
	}
	confs.run = &s;
	confs.ropts = ropts;
	confs.nropts = nropts;
	if (list || explain_id != NULL) {
		/* The settings of this directory, as for standard input. */
		name = conf_name(config, no_config, "-");
		cf = conf_get(&confs, name);
		free(name);
		if (cf == NULL) {
			rc = 2;
			goto out;
		}
		if (list)
			list_rules(&cf->s);
		rc = list ? 0 : explain(&cf->s, explain_id);
		goto out;
	}

	if (optind >= argc) {
		rc = bad_usage("%s", "%s", msg_lang == LANG_ZH ?
		    "没有输入：请指定文件、目录，或用 - 表示标准输入" :
		    "no input: name a FILE, a DIR, or - for standard input");
		goto out;
	}
	/* The format is checked before -o opens anything (a FIFO waits). */
	if (!report_init(&rep, format, stdout, &s, quiet)) {
		rc = bad_usage("--format: '%s' is not text, json, junit, sarif, "
		    "csv, html, github or gitlab", "--format：'%s' 不是 text、json、"
		    "junit、sarif、csv、html、github 或 gitlab", format);
		goto out;
	}
	rep.statistics = statistics;
	/* The statistics count every finding at the end: a report that
	 * prints them (text, JSON) then has the engine keep them instead of
	 * taking them file by file; the others take them as always. */
	if (statistics && rep.lists_statistics)
		rep.file = NULL;
	for (i = optind; i < argc; i++)
		walk_arg(&inputs, argv[i]);
	/* Every settings file is read before anything is checked: a
	 * mistake in one is status 2 with nothing reported. */
	input_conf = xcalloc(inputs.npaths + 1, sizeof(*input_conf));
	for (n = 0; n < inputs.npaths; n++) {
		name = conf_name(config, no_config, inputs.paths[n]);
		input_conf[n] = conf_get(&confs, name);
		free(name);
		if (input_conf[n] == NULL) {
			if (rep.free != NULL)
				rep.free(&rep);
			rc = 2;
			goto out;
		}
	}
	if (baseline_in != NULL) {
		filter = baseline_new();
		if (baseline_load(filter, baseline_in, &err) != 0) {
			say("%s", "%s", err);
			free(err);
			if (rep.free != NULL)
				rep.free(&rep);
			rc = 2;
			goto out;
		}
	}
	if (baseline_out != NULL)
		record = baseline_new();
	if (output != NULL) {
		if ((rc = open_report(&of, output, &inputs)) != 0) {
			if (rep.free != NULL)
				rep.free(&rep);
			goto out;
		}
		rep.out = of.fp;
	}
	nc = getenv("NO_COLOR");
	rep.color = strcmp(color, "always") == 0 ||
	    (strcmp(color, "auto") == 0 && output == NULL &&
	    isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0'));
	if ((c = check_new(&s, &rep, &err)) == NULL) {
		say("%s", "%s", err);
		free(err);
		if (rep.free != NULL)
			rep.free(&rep);
		output_abandon(&of);
		rc = 2;
		goto out;
	}
	for (n = 0; n < inputs.nerrors; n++) {
		const struct walk_error *we = &inputs.errors[n];

		check_file_begin(c, we->path);
		if (we->errnum == WALK_EMPTY) {
			say("no input file found in %s (looked for "
			    WALK_PATTERNS ")", "%s 中没有找到输入文件（查找 "
			    WALK_PATTERNS "）", we->path);
			check_file_unreadable(c, "no input file found (looked "
			    "for " WALK_PATTERNS ")");
		} else {
			say("%s: %s", "%s：%s", we->path,
			    errtext(we->errnum, msg_lang));
			check_file_unreadable(c, strerror(we->errnum));
		}
	}
	check_use_baseline(c, filter, record);
	if (jobs == 0)
		jobs = online_cpus();
	if (!no_progress) {
		total = input_bytes(&inputs);
		progress_line = progress_start(inputs.npaths, total, msg_lang);
		/* A report on the same screen moves the line out of its way. */
		if (output == NULL &&
		    (screen = progress_stdout(progress_line)) != NULL)
			rep.out = screen;
	}
	ictx.inputs = &inputs;
	ictx.conf = input_conf;
	ictx.ropts = ropts;
	ictx.nropts = nropts;
	batch = batch_new(inputs.paths, inputs.npaths, (int)jobs, enc, &s,
	    input_settings, &ictx, progress_line);
	for (n = 0; n < inputs.npaths; n++) {
		struct settings own;
		const struct settings *fs;
		bool owned;

		cf = input_conf[n];
		if (verbose) {
			if (cf->name != NULL)
				say("%s: settings from %s", "%s：使用配置文件 %s",
				    inputs.paths[n], cf->name);
			else
				say("%s: no settings file", "%s：没有配置文件",
				    inputs.paths[n]);
		}
		/* [path:GLOB] keys, then the command line over them. */
		fs = input_settings(&ictx, n, &own, &owned);
		check_use_settings(c, fs, cf->name);
		if (batch_input(batch, n, c, &err) != 0) {
			say("%s", "%s", err);
			free(err);
		}
		progress_file_done(progress_line);
		check_use_settings(c, NULL, NULL);
		if (owned)
			settings_free(&own);
	}
	batch_free(batch);
	check_finish(c);
	status = check_exit_status(c);
	if (screen != NULL) {
		rep.out = stdout;
		if (fclose(screen) != 0) {
			progress_end(progress_line);
			progress_line = NULL;
			say("writing the report: %s", "写入报告失败：%s",
			    errtext(errno, msg_lang));
			status = 2;
		}
	}
	progress_end(progress_line);
	progress_line = NULL;
	if (filter != NULL)
		say("baseline %s: %zu findings suppressed, %zu entries no "
		    "longer occur", "基线 %s：隐藏了 %zu 个已知问题，%zu 个条目"
		    "已不再出现", baseline_in, check_suppressed(c),
		    baseline_left(filter));
	/* Recording a baseline accepts the findings it records. */
	if (record != NULL) {
		status = status == 2 ? 2 : 0;
		if (write_baseline(baseline_out, record, &inputs) != 0)
			status = 2;
	}
	if (output != NULL) {
		if (output_commit(&of) != 0) {
			say("%s: %s", "%s：%s", output,
			    errtext(errno, msg_lang));
			status = 2;
		}
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		say("writing the report: %s", "写入报告失败：%s",
		    errtext(errno, msg_lang));
		status = 2;
	}
	check_free(c);
	if (rep.free != NULL)
		rep.free(&rep);
	rc = status;
out:
	baseline_free(filter);
	baseline_free(record);
	free(input_conf);
	confs_free(&confs);
	walk_free(&inputs);
	free(ropts);
	settings_free(&s);
	return rc;
}
