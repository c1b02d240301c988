/* Settings of a run: defaults, rule selection by id or prefix, and the pbcheck.conf file (SPEC 7). */
/* realpath(3) with a NULL buffer is XSI. */
#define _XOPEN_SOURCE 700

#include <sys/stat.h>

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "rules.h"
#include "settings.h"
#include "text.h"
#include "util.h"
#include "value.h"

/*
 * Codes differ by province, so the default asks only for letters, digits
 * and '-' (SPEC 4, PB102); a province's exact shape is a setting.
 */
#define DEFAULT_CODE_PATTERN "^[0-9A-Za-z][0-9A-Za-z-]*$"

/* The shortest prefix that names a rule family: "PB4". */
#define FAMILY_LEN 3

/* Picks the message of the settings' language; both must be literals. */
#define L(s, en, zh) ((s)->lang == LANG_ZH ? (zh) : (en))

void
settings_init(struct settings *s)
{
	int i;

	memset(s, 0, sizeof(*s));
	s->lang = LANG_EN;
	s->fail_on = SEV_ERROR;
	for (i = 0; i < RULE_COUNT; i++)
		s->severity[i] = rule_get((enum rule_id)i)->severity;
	s->midyear_min = 50;
	s->satisfaction_min = 80;
	s->budget_tolerance = 0.005;
	s->code_pattern = xstrdup(DEFAULT_CODE_PATTERN);
}

void
settings_free(struct settings *s)
{
	size_t i;

	free(s->code_pattern);
	s->code_pattern = NULL;
	for (i = 0; i < s->nbases; i++)
		free(s->bases[i]);
	free(s->bases);
	s->bases = NULL;
	s->nbases = 0;
	if (s->owns_file && s->file != NULL) {
		struct settings_file *f = s->file;

		for (i = 0; i < f->nignore; i++) {
			free(f->ignore[i].project);
			free(f->ignore[i].text);
		}
		free(f->ignore);
		for (i = 0; i < f->npaths; i++) {
			free(f->paths[i].glob);
			free(f->paths[i].key);
			free(f->paths[i].value);
		}
		free(f->paths);
		free(f->path);
		free(f->dir);
		free(f);
	}
	s->file = NULL;
	s->owns_file = false;
}

void
settings_copy(struct settings *dst, const struct settings *src)
{
	size_t i;

	*dst = *src;
	dst->code_pattern = xstrdup(src->code_pattern);
	dst->bases = src->nbases > 0 ?
	    xreallocarray(NULL, src->nbases, sizeof(*dst->bases)) : NULL;
	for (i = 0; i < src->nbases; i++)
		dst->bases[i] = xstrdup(src->bases[i]);
	dst->owns_file = false;
}

/*
 * Splits a list on ',' and the Chinese list marks '，' and '、', trims
 * each item and calls fn on it; stops at the first error. A blank item is
 * skipped when blank_ok, else an error: in a list of rules it is a typo
 * that would otherwise pass silently.
 */
static int
each_item(const char *list, int (*fn)(struct settings *, const char *,
    char **), struct settings *s, bool blank_ok, char **err)
{
	char *copy = xstrdup(list), *p = copy, *item, *t;
	int rc = 0, n = 0;

	while (rc == 0 && p != NULL) {
		char *comma = strchr(p, ',');
		char *zh1 = strstr(p, "，"), *zh2 = strstr(p, "、");
		char *end = comma;
		size_t skip = 1;

		if (zh1 != NULL && (end == NULL || zh1 < end)) {
			end = zh1;
			skip = strlen("，");
		}
		if (zh2 != NULL && (end == NULL || zh2 < end)) {
			end = zh2;
			skip = strlen("、");
		}
		item = p;
		if (end != NULL) {
			*end = '\0';
			p = end + skip;
		} else
			p = NULL;
		n++;
		t = text_trim(item);
		if (*t != '\0')
			rc = fn(s, t, err);
		else if (!blank_ok && n == 1 && p == NULL) {
			*err = xstrdup(L(s, "no rule id given (an id such as "
			    "PB205, or a prefix such as PB2)",
			    "未给出规则编号（如 PB205，或前缀如 PB2）"));
			rc = -1;
		} else if (!blank_ok) {
			*err = xasprintf(L(s, "'%s': item %d is empty",
			    "列表“%s”的第 %d 项为空"), list, n);
			rc = -1;
		}
		free(t);
	}
	free(copy);
	return rc;
}

/*
 * Marks the rules an id or prefix names. Returns how many, or -1 with
 * *err set when the prefix is shorter than a family ("P" or "PB" would
 * silently name every rule).
 */
static int
select_rules(const struct settings *s, const char *pattern,
    bool chosen[RULE_COUNT], char **err)
{
	size_t n = strlen(pattern);
	int i, count = 0;

	if (n < FAMILY_LEN) {
		*err = xasprintf(L(s, "'%s' is shorter than a rule family "
		    "(PB0 to PB5): give an id such as PB205 or a prefix such "
		    "as PB2", "“%s”比规则组（PB0 至 PB5）短：请写规则编号（如 "
		    "PB205）或前缀（如 PB2）"), pattern);
		return -1;
	}
	for (i = 0; i < RULE_COUNT; i++) {
		chosen[i] =
		    strncasecmp(rule_get((enum rule_id)i)->id, pattern, n) == 0;
		count += chosen[i];
	}
	if (count == 0) {
		*err = xasprintf(L(s, "'%s' names no rule (an id such as "
		    "PB205, or a prefix such as PB2)", "“%s”不是任何规则（应"
		    "为规则编号如 PB205，或前缀如 PB2）"), pattern);
		return -1;
	}
	return count;
}

static int
disable_one(struct settings *s, const char *item, char **err)
{
	bool chosen[RULE_COUNT];
	int i;

	if (select_rules(s, item, chosen, err) < 0)
		return -1;
	for (i = 0; i < RULE_COUNT; i++)
		if (chosen[i])
			s->severity[i] = SEV_OFF;
	return 0;
}

/*
 * Switches rules on at their default severity (SPEC 1), also when an
 * earlier --severity changed it: "--enable=PB309" always means PB309 as
 * the table defines it. A later --severity still overrides.
 */
static int
enable_one(struct settings *s, const char *item, char **err)
{
	bool chosen[RULE_COUNT];
	int i;

	if (select_rules(s, item, chosen, err) < 0)
		return -1;
	for (i = 0; i < RULE_COUNT; i++)
		if (chosen[i])
			s->severity[i] = rule_get((enum rule_id)i)->severity;
	return 0;
}

static int
set_severity(struct settings *s, const char *id, const char *level,
    char **err)
{
	bool chosen[RULE_COUNT];
	enum severity sev;
	int i;

	if (!severity_parse(level, &sev)) {
		*err = xasprintf(L(s, "%s: '%s' is not a severity (error, "
		    "warning, info or off)", "%s：“%s”不是严重程度（应为 "
		    "error、warning、info 或 off）"), id, level);
		return -1;
	}
	if (select_rules(s, id, chosen, err) < 0)
		return -1;
	for (i = 0; i < RULE_COUNT; i++)
		if (chosen[i])
			s->severity[i] = sev;
	return 0;
}

static int
severity_one(struct settings *s, const char *item, char **err)
{
	const char *eq = strchr(item, '=');
	char *id, *idt, *levelt;
	int rc;

	if (eq == NULL) {
		*err = xasprintf(L(s, "'%s' is not ID=LEVEL",
		    "“%s”不是 规则=级别 的形式"), item);
		return -1;
	}
	id = xstrndup(item, (size_t)(eq - item));
	idt = text_trim(id);
	levelt = text_trim(eq + 1);
	rc = set_severity(s, idt, levelt, err);
	free(id);
	free(idt);
	free(levelt);
	return rc;
}

int
settings_disable(struct settings *s, const char *list, char **err)
{
	return each_item(list, disable_one, s, false, err);
}

int
settings_enable(struct settings *s, const char *list, char **err)
{
	return each_item(list, enable_one, s, false, err);
}

int
settings_severity(struct settings *s, const char *list, char **err)
{
	return each_item(list, severity_one, s, false, err);
}

static int
add_basis(struct settings *s, const char *item, char **err)
{
	(void)err;
	s->bases = xreallocarray(s->bases, s->nbases + 1, sizeof(*s->bases));
	s->bases[s->nbases++] = xstrdup(item);
	return 0;
}

/* A number in [lo, hi]; errors name the key, as a blank value says nothing. */
static int
parse_threshold(const struct settings *s, const char *key, const char *v,
    double lo, double hi, double *out, char **err)
{
	double d;

	/* The number grammar of the tables (SPEC 3.2): no hex, no exponent. */
	if (value_number(v, false, &d) != NUMBER_OK) {
		*err = xasprintf(L(s, "%s: '%s' is not a number",
		    "%s：“%s”不是数字"), key, v);
		return -1;
	}
	if (d < lo || d > hi) {
		*err = xasprintf(L(s, "%s: %s is outside %g–%g",
		    "%s：%s 不在 %g–%g 之内"), key, v, lo, hi);
		return -1;
	}
	*out = d;
	return 0;
}

static int
set_pattern(struct settings *s, const char *v, char **err)
{
	regex_t re;
	char buf[256];
	int rc;

	if ((rc = regcomp(&re, v, REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(rc, &re, buf, sizeof(buf));
		*err = xasprintf(L(s, "code_pattern '%s': %s",
		    "code_pattern “%s”：%s"), v, buf);
		return -1;
	}
	regfree(&re);
	free(s->code_pattern);
	s->code_pattern = xstrdup(v);
	return 0;
}

/* Marks the rules an [ignore] item names on the entry read last. */
static int
ignore_one(struct settings *s, const char *item, char **err)
{
	struct settings_ignore *ig = &s->file->ignore[s->file->nignore - 1];
	bool chosen[RULE_COUNT];
	int i;

	if (select_rules(s, item, chosen, err) < 0)
		return -1;
	for (i = 0; i < RULE_COUNT; i++)
		ig->rules[i] = ig->rules[i] || chosen[i];
	return 0;
}

/* "CODE-or-NAME = ID[, ID…]" of [ignore]. */
static int
add_ignore(struct settings *s, const char *project, const char *v,
    int line, char **err)
{
	struct settings_file *f = s->file;
	struct settings_ignore *ig;

	f->ignore = xreallocarray(f->ignore, f->nignore + 1,
	    sizeof(*f->ignore));
	ig = &f->ignore[f->nignore++];
	memset(ig, 0, sizeof(*ig));
	ig->project = xstrdup(project);
	ig->text = xasprintf("%s = %s", project, v);
	ig->line = line;
	return each_item(v, ignore_one, s, false, err);
}

/* The section a [path:GLOB] key belongs to, or NULL: rules or thresholds. */
static const char *
path_key_section(const char *key)
{
	if (strcmp(key, "disable") == 0 || strcmp(key, "enable") == 0 ||
	    strncmp(key, "severity.", 9) == 0)
		return "rules";
	if (strcmp(key, "satisfaction_min") == 0 ||
	    strcmp(key, "midyear_min") == 0 ||
	    strcmp(key, "budget_tolerance") == 0 ||
	    strcmp(key, "code_pattern") == 0)
		return "thresholds";
	return NULL;
}

static int apply_key(struct settings *, const char *, const char *,
    const char *, int, char **);

/*
 * A key of [path:GLOB]: checked now, on scratch settings, so that a typo
 * is an error naming its line; applied per input by
 * settings_apply_paths().
 */
static int
add_path_key(struct settings *s, const char *glob, const char *key,
    const char *v, int line, char **err)
{
	struct settings_file *f = s->file;
	struct settings_pathkey *pk;
	struct settings scratch;
	const char *section = path_key_section(key);
	int rc;

	if (section == NULL) {
		*err = xasprintf(L(s, "unknown key '%s' in [path:%s] (a "
		    "[rules] or [thresholds] key)", "未知的键“%s”（在 "
		    "[path:%s] 中，应为 [rules] 或 [thresholds] 的键）"), key,
		    glob);
		return -1;
	}
	settings_init(&scratch);
	scratch.lang = s->lang;
	rc = apply_key(&scratch, section, key, v, line, err);
	settings_free(&scratch);
	if (rc != 0)
		return -1;
	f->paths = xreallocarray(f->paths, f->npaths + 1, sizeof(*f->paths));
	pk = &f->paths[f->npaths++];
	pk->glob = xstrdup(glob);
	pk->key = xstrdup(key);
	pk->value = xstrdup(v);
	pk->line = line;
	return 0;
}

/* One "key = value" of a section. */
static int
apply_key(struct settings *s, const char *section, const char *key,
    const char *v, int line, char **err)
{
	if (strcmp(section, "ignore") == 0)
		return add_ignore(s, key, v, line, err);
	if (strncmp(section, "path:", 5) == 0)
		return add_path_key(s, section + 5, key, v, line, err);
	if (strcmp(section, "rules") == 0) {
		if (strcmp(key, "disable") == 0)
			return settings_disable(s, v, err);
		if (strcmp(key, "enable") == 0)
			return settings_enable(s, v, err);
		if (strncmp(key, "severity.", 9) == 0)
			return set_severity(s, key + 9, v, err);
	} else if (strcmp(section, "thresholds") == 0) {
		if (strcmp(key, "satisfaction_min") == 0)
			return parse_threshold(s, key, v, 0, 100,
			    &s->satisfaction_min, err);
		if (strcmp(key, "midyear_min") == 0)
			return parse_threshold(s, key, v, 0, 100,
			    &s->midyear_min, err);
		if (strcmp(key, "budget_tolerance") == 0)
			return parse_threshold(s, key, v, 0, 1e9,
			    &s->budget_tolerance, err);
		if (strcmp(key, "code_pattern") == 0)
			return set_pattern(s, v, err);
	} else if (strcmp(section, "bases") == 0) {
		if (strcmp(key, "accept") == 0)
			return each_item(v, add_basis, s, true, err);
	}
	*err = xasprintf(L(s, "unknown key '%s' in [%s]",
	    "未知的键“%s”（在 [%s] 中）"), key, section);
	return -1;
}

/*
 * Ends the line at a comment (SPEC 7): a ';' or '#' that follows white
 * space. One written without a space before it is text, so a regular
 * expression such as ^[0-9]#x$ keeps its '#'.
 */
static void
strip_comment(char *t)
{
	size_t i;

	for (i = 1; t[i] != '\0'; i++)
		if ((t[i] == '#' || t[i] == ';') &&
		    (t[i - 1] == ' ' || t[i - 1] == '\t')) {
			t[i] = '\0';
			return;
		}
}

static int
parse_line(struct settings *s, char *line, int lineno, char **section,
    char **err)
{
	char *t, *eq, *key, *val;
	int rc = 0;

	t = text_trim(line);
	if (*t == '\0' || *t == '#' || *t == ';') {
		free(t);
		return 0;
	}
	strip_comment(t);
	if (*t == '[') {
		size_t n;

		key = text_trim(t);
		n = strlen(key);
		if (key[n - 1] != ']') {
			*err = xstrdup(L(s, "a section header needs a closing "
			    "']'", "节标题缺少右方括号“]”"));
			rc = -1;
		} else {
			key[n - 1] = '\0';
			free(*section);
			*section = text_trim(key + 1);
			if (strncmp(*section, "path:", 5) == 0 &&
			    (*section)[5] == '\0') {
				*err = xstrdup(L(s, "[path:] needs a glob, such "
				    "as [path:2021/*.csv]", "[path:] 需要一个通配"
				    "模式，如 [path:2021/*.csv]"));
				rc = -1;
			} else if (strcmp(*section, "rules") != 0 &&
			    strcmp(*section, "thresholds") != 0 &&
			    strcmp(*section, "bases") != 0 &&
			    strcmp(*section, "ignore") != 0 &&
			    strncmp(*section, "path:", 5) != 0) {
				*err = xasprintf(L(s, "unknown section [%s] "
				    "(known: [rules], [thresholds], [bases], "
				    "[ignore], [path:GLOB])",
				    "未知的节 [%s]（可用：[rules]、[thresholds]、"
				    "[bases]、[ignore]、[path:通配模式]）"),
				    *section);
				rc = -1;
			}
		}
		free(key);
		free(t);
		return rc;
	}
	if ((eq = strchr(t, '=')) == NULL) {
		key = text_trim(t);
		*err = xasprintf(L(s, "'%s' is not 'key = value'",
		    "“%s”不是“键 = 值”的形式"), key);
		free(key);
		free(t);
		return -1;
	}
	if (*section == NULL) {
		*err = xstrdup(L(s, "a key before any [section]",
		    "键出现在任何 [节] 之前"));
		free(t);
		return -1;
	}
	*eq = '\0';
	key = text_trim(t);
	val = text_trim(eq + 1);
	rc = apply_key(s, *section, key, val, lineno, err);
	free(key);
	free(val);
	free(t);
	return rc;
}

int
settings_load(struct settings *s, const char *path, char **err)
{
	struct stat st;
	FILE *fp;
	char *line = NULL, *section = NULL, *why = NULL;
	size_t cap = 0;
	ssize_t n;
	int lineno = 0, rc = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		*err = xasprintf(L(s, "%s: is a directory", "%s：是目录"),
		    path);
		fclose(fp);
		return -1;
	}
	if (s->file == NULL) {
		char *slash = strrchr(path, '/'), *dir;

		s->file = xcalloc(1, sizeof(*s->file));
		s->owns_file = true;
		s->file->path = xstrdup(path);
		dir = slash == NULL ? xstrdup(".") : slash == path ?
		    xstrdup("/") : xstrndup(path, (size_t)(slash - path));
		s->file->dir = realpath(dir, NULL);
		free(dir);
	}
	while (rc == 0 && (n = getline(&line, &cap, fp)) != -1) {
		char *p = line;

		lineno++;
		if (lineno == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3;
		if (!text_utf8_valid(p, strlen(p))) {
			why = xstrdup(L(s, "not UTF-8 text",
			    "不是 UTF-8 文本"));
			rc = -1;
		} else
			rc = parse_line(s, p, lineno, &section, &why);
	}
	if (rc == 0 && ferror(fp)) {
		why = xstrdup(strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		*err = xasprintf("%s:%d: %s", path, lineno, why);
	free(why);
	free(line);
	free(section);
	fclose(fp);
	return rc;
}

/* The input relative to the settings file's directory, or NULL. */
static char *
relative_to_file(const struct settings *s, const char *input)
{
	char *abs, *rel = NULL;
	size_t n;

	if (s->file->dir == NULL || strcmp(input, "-") == 0 ||
	    (abs = realpath(input, NULL)) == NULL)
		return NULL;
	n = strlen(s->file->dir);
	if (strcmp(s->file->dir, "/") == 0)
		rel = xstrdup(abs + 1);
	else if (strncmp(abs, s->file->dir, n) == 0 && abs[n] == '/')
		rel = xstrdup(abs + n + 1);
	free(abs);
	return rel;
}

static bool
glob_matches(const char *glob, const char *input, const char *rel)
{
	return fnmatch(glob, input, 0) == 0 ||
	    (rel != NULL && fnmatch(glob, rel, 0) == 0);
}

bool
settings_path_matches(const struct settings *s, const char *input)
{
	char *rel;
	size_t i;
	bool any = false;

	if (s->file == NULL || s->file->npaths == 0)
		return false;
	rel = relative_to_file(s, input);
	for (i = 0; i < s->file->npaths && !any; i++)
		any = glob_matches(s->file->paths[i].glob, input, rel);
	free(rel);
	return any;
}

void
settings_apply_paths(struct settings *s, const char *input)
{
	const struct settings_pathkey *pk;
	char *rel, *err = NULL;
	size_t i;

	if (s->file == NULL || s->file->npaths == 0)
		return;
	rel = relative_to_file(s, input);
	for (i = 0; i < s->file->npaths; i++) {
		pk = &s->file->paths[i];
		if (!glob_matches(pk->glob, input, rel))
			continue;
		/* Checked when the file was read: it cannot fail now. */
		if (apply_key(s, path_key_section(pk->key), pk->key, pk->value,
		    pk->line, &err) != 0) {
			free(err);
			err = NULL;
		}
	}
	free(rel);
}

/* True when dir/name exists; a regular file only when want_file. */
static bool
dir_has(const char *dir, const char *name, bool want_file)
{
	struct stat st;
	char *p = xasprintf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
	bool yes;

	yes = stat(p, &st) == 0 && (!want_file || S_ISREG(st.st_mode));
	free(p);
	return yes;
}

char *
settings_discover(const char *input)
{
	char *dir, *abs, *cwd, *found = NULL, *slash, *name;
	size_t n;

	if (strcmp(input, "-") == 0)
		dir = xstrdup(".");
	else if ((slash = strrchr(input, '/')) == NULL)
		dir = xstrdup(".");
	else if (slash == input)
		dir = xstrdup("/");
	else
		dir = xstrndup(input, (size_t)(slash - input));
	abs = realpath(dir, NULL);
	free(dir);
	if (abs == NULL)
		return NULL;
	for (;;) {
		if (dir_has(abs, "pbcheck.conf", true)) {
			found = xasprintf("%s/pbcheck.conf",
			    strcmp(abs, "/") == 0 ? "" : abs);
			break;
		}
		/* A repository's settings never come from outside it. */
		if (dir_has(abs, ".git", false) || strcmp(abs, "/") == 0)
			break;
		slash = strrchr(abs, '/');
		if (slash == abs)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(abs);
	if (found == NULL)
		return NULL;
	/* Named as the user would: relative when under the current directory. */
	if ((cwd = realpath(".", NULL)) != NULL) {
		n = strlen(cwd);
		if (strcmp(cwd, "/") != 0 && strncmp(found, cwd, n) == 0 &&
		    found[n] == '/') {
			name = xstrdup(found + n + 1);
			free(found);
			found = name;
		}
		free(cwd);
	}
	return found;
}
