/* The check engine: runs the rule table over each project, collects and sorts findings. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "check.h"
#include "labels.h"
#include "model.h"
#include "pb_limits.h"
#include "read.h"
#include "report.h"
#include "rules.h"
#include "text.h"
#include "util.h"

/* A settings file whose [ignore] entries apply, indexed by project label. */
struct gate_file {
	struct settings_file	*f;
	enum severity		 pb012;	/* as its inputs' settings say */
	struct strset		 index;	/* label -> head + 1 */
	size_t			*head;	/* first entry of a label + 1 */
	size_t			 nheads;
	size_t			*next;	/* entry -> next of that label + 1 */
};

struct check {
	const struct settings	*s;
	struct reporter		*rep;
	regex_t			 code_re;
	struct finding		*findings;
	size_t			 nfindings, capfindings;
	size_t			 pending;	/* first finding for the next project */
	struct file_info	*files;
	size_t			 nfiles;
	struct strset		 codes;		/* code -> file_info index + 1 */
	/* Per file: which absent fields PB010 has named, and the first
	 * project's first row, where it names them. */
	bool			*absent_said;
	struct loc		 first_row;
	const struct project	*cur;		/* project being checked */
	long			 seq;
	int			 projects;
	int			 indicators;
	struct counts		 totals;
	bool			 unreadable;
	const struct settings	*fs;		/* the current input's settings */
	char			*pattern;	/* code_re's source */
	char			*config;	/* their file's name, or NULL */
	struct gate_file	*gates;
	size_t			 ngates;
	struct baseline		*filter, *record;
	size_t			 suppressed;
	/* Findings a reporter took file by file (report.h file()): only
	 * counted, not kept. */
	struct counts		 passed;
	bool			 passed_fail;	/* one at or above fail_on */
	size_t			 norder;	/* findings emitted so far */
	size_t			 file_first;	/* the current file's first */
	/* The project codes and field names of findings: one copy each. */
	struct strset		 names;
	/*
	 * A worker's engine (check_new_worker()): findings are made, not
	 * gated, counted or reported, and own their project and field
	 * names; wprojects counts the current input's projects.
	 */
	bool			 worker;
	int			 wprojects;
};

static struct finding *add_finding(struct check *, enum rule_id, const char *,
		    struct loc, const char *, enum field, int, const char *,
		    const char *, const char *, long);
static void	finding_free(struct finding *);
static void	proto_free(struct finding *);
static void	release_pending(struct check *);

#define SKIP(...)	{ __VA_ARGS__ }, \
	sizeof((enum rule_id[]){ __VA_ARGS__ }) / sizeof(enum rule_id)

/*
 * SPEC 2.2: the rules about a field the layout lacks would fire on every
 * project (an empty code, no plan) or say nothing true (PB308, PB501 on a
 * column that is not there). PB106 is not listed: a blank 财政资金 or
 * 其他资金 is 0 for it; PB107 is, since a sum with a missing term proves
 * nothing. A budget-less layout leaves nothing for PB409 and PB502 to
 * compare with. Other rules that read a description (PB310, PB311,
 * PB404, PB405, PB412, PB502) take an absent one as blank.
 */
static const struct absent_field absent_fields[] = {
	{ FIELD_CODE, FIELD_CODE, "项目编码",
	    { "project code (项目编码)", "“项目编码”" },
	    { " (PB005 compares names)", "（PB005 改按项目名称比较）" },
	    SKIP(RULE_PB101, RULE_PB102) },
	{ FIELD_BUDGET, FIELD_BUDGET, "预算数",
	    { "budget (预算数)", "“预算数”" }, { "", "" },
	    SKIP(RULE_PB105, RULE_PB107, RULE_PB110, RULE_PB409, RULE_PB502) },
	{ FIELD_FISCAL, FIELD_FISCAL, "财政资金",
	    { "fiscal funds (财政资金)", "“财政资金”" }, { "", "" },
	    SKIP(RULE_PB107) },
	{ FIELD_OTHER, FIELD_OTHER, "其他资金",
	    { "other funds (其他资金)", "“其他资金”" }, { "", "" },
	    SKIP(RULE_PB107) },
	{ FIELD_PURPOSE, FIELD_PURPOSE, "资金用途",
	    { "fund use (资金用途)", "“资金用途”" }, { "", "" },
	    SKIP(RULE_PB104) },
	{ FIELD_PLAN_MAR, FIELD_PLAN_DEC, "资金支出计划",
	    { "spend plan (资金支出计划)", "资金支出计划" }, { "", "" },
	    SKIP(RULE_PB201, RULE_PB202, RULE_PB203, RULE_PB204, RULE_PB205,
	    RULE_PB206, RULE_PB207) },
	{ FIELD_DESCRIPTION, FIELD_DESCRIPTION, "绩效指标描述",
	    { "description column (绩效指标描述)", "“绩效指标描述”栏" },
	    { "", "" }, SKIP(RULE_PB307, RULE_PB308) },
	{ FIELD_BASIS, FIELD_BASIS, "指标值确定依据",
	    { "value basis column (指标值确定依据)", "“指标值确定依据”栏" },
	    { "", "" }, SKIP(RULE_PB309, RULE_PB501) },
};

#undef SKIP

#define NABSENT	(sizeof(absent_fields) / sizeof(absent_fields[0]))

const struct absent_field *
check_absent_fields(size_t *n)
{
	*n = NABSENT;
	return absent_fields;
}

bool
check_absent(const struct project *p, const struct absent_field *a)
{
	int f;

	for (f = a->first; f <= (int)a->last; f++)
		if (!p->absent[f])
			return false;
	return true;
}

char *
check_absent_rules(const struct absent_field *a, enum lang lang)
{
	struct strbuf b = {0};
	size_t i, j;

	/* A run of three or more consecutive ids reads as a range. */
	for (i = 0; i < a->nskip; i = j) {
		for (j = i + 1; j < a->nskip &&
		    a->skip[j] == a->skip[j - 1] + 1; j++)
			continue;
		if (i > 0)
			strbuf_puts(&b, lang == LANG_ZH ? "、" : ", ");
		strbuf_puts(&b, rule_get(a->skip[i])->id);
		if (j - i >= 3) {
			strbuf_puts(&b, "–");
			strbuf_puts(&b, rule_get(a->skip[j - 1])->id);
		} else if (j - i == 2) {
			strbuf_puts(&b, lang == LANG_ZH ? "、" : ", ");
			strbuf_puts(&b, rule_get(a->skip[i + 1])->id);
		}
	}
	return strbuf_take(&b);
}

const char *
check_project_key(const struct project *p)
{
	return p->absent[FIELD_CODE] ? p->text[FIELD_NAME] :
	    p->text[FIELD_CODE];
}

struct loc
check_project_loc(const struct project *p)
{
	struct loc loc = { p->line, 1, p->table };

	if (!p->absent[FIELD_CODE])
		return p->loc[FIELD_CODE];
	if (p->loc[FIELD_NAME].line > 0)
		return p->loc[FIELD_NAME];
	return loc;
}

/* An engine of the settings s, its code pattern compiled; NULL with the
 * reason in *err when the pattern is not a regular expression. */
static struct check *
engine_new(const struct settings *s, char **err)
{
	struct check *c = xcalloc(1, sizeof(*c));
	char buf[256];
	int rc;

	*err = NULL;
	c->s = c->fs = s;
	rc = regcomp(&c->code_re, s->code_pattern, REG_EXTENDED | REG_NOSUB);
	if (rc != 0) {
		regerror(rc, &c->code_re, buf, sizeof(buf));
		*err = xasprintf("code_pattern '%s': %s", s->code_pattern,
		    buf);
		free(c);
		return NULL;
	}
	c->absent_said = xcalloc(NABSENT, sizeof(*c->absent_said));
	c->pattern = xstrdup(s->code_pattern);
	return c;
}

struct check *
check_new(const struct settings *s, struct reporter *rep, char **err)
{
	struct check *c = engine_new(s, err);

	if (c == NULL)
		return NULL;
	c->rep = rep;
	if (rep->begin != NULL)
		rep->begin(rep);
	return c;
}

void
check_free(struct check *c)
{
	size_t i, j;

	if (c == NULL)
		return;
	for (i = 0; i < c->nfindings; i++)
		if (c->worker)
			proto_free(&c->findings[i]);
		else
			finding_free(&c->findings[i]);
	free(c->findings);
	strset_free(&c->names);
	for (i = 0; i < c->nfiles; i++) {
		free(c->files[i].path);
		free(c->files[i].error);
		for (j = 0; j < c->files[i].nsheets; j++)
			free(c->files[i].sheets[j]);
		free(c->files[i].sheets);
		free(c->files[i].config);
	}
	for (i = 0; i < c->ngates; i++) {
		strset_free(&c->gates[i].index);
		free(c->gates[i].head);
		free(c->gates[i].next);
	}
	free(c->gates);
	free(c->pattern);
	free(c->config);
	free(c->files);
	strset_free(&c->codes);
	free(c->absent_said);
	regfree(&c->code_re);
	free(c);
}

const struct settings *
check_settings(const struct check *c)
{
	return c->fs;
}

bool
check_code_matches(const struct check *c, const char *code)
{
	return regexec(&c->code_re, code, 0, NULL, 0) == 0;
}

static void
finding_free(struct finding *f)
{
	/* project and field are shared names (c->names), not the finding's;
	 * value is in message's allocation. */
	free(f->message);
	free(f->key);
	f->message = f->value = f->key = NULL;
}

/* A worker's finding also owns its names. */
static void
proto_free(struct finding *f)
{
	free((char *)f->project);
	free((char *)f->field);
	f->project = f->field = NULL;
	finding_free(f);
}

void
check_findings_free(struct finding *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		proto_free(&f[i]);
	free(f);
}

/* A finding's project or field name: the run's one copy, or, in a
 * worker's engine, the finding's own. */
static const char *
name_of(struct check *c, const char *s)
{
	return c->worker ? xstrdup(s) : strset_intern(&c->names, s);
}

/* The [ignore] entry of the current settings that removes f, or NULL. */
static struct settings_ignore *
gate_ignore(struct check *c, const struct finding *f, const char *name)
{
	const struct settings_file *sf = c->fs->file;
	const struct gate_file *g = NULL;
	const char *who[2];
	size_t i, k;
	int w, found;

	if (sf == NULL || sf->nignore == 0)
		return NULL;
	for (i = 0; i < c->ngates && g == NULL; i++)
		if (c->gates[i].f == sf)
			g = &c->gates[i];
	if (g == NULL)
		return NULL;
	who[0] = f->project;
	who[1] = name;
	for (w = 0; w < 2; w++) {
		char *label;

		if (who[w] == NULL || *who[w] == '\0')
			continue;
		label = text_label(who[w]);
		k = (size_t)strset_get(&g->index, label, &found);
		free(label);
		if (found)
			k = g->head[k - 1];
		for (; found && k != 0; k = g->next[k - 1])
			if (sf->ignore[k - 1].rules[f->rule])
				return &sf->ignore[k - 1];
	}
	return NULL;
}

/*
 * Whether a finding is reported (SPEC 7 [ignore], SPEC 1 --baseline):
 * decided before it is counted, so that exit status and the project
 * table count only what remains. Sets its baseline key.
 */
static bool
gate_keep(struct check *c, struct finding *f, const char *name)
{
	struct settings_ignore *ig;
	struct baseline_key k;
	const char *base = strrchr(f->file, '/');

	if ((ig = gate_ignore(c, f, name)) != NULL) {
		ig->matched++;
		return false;
	}
	k.file = base != NULL ? base + 1 : f->file;
	k.project = f->project != NULL && *f->project != '\0' ? f->project :
	    name != NULL ? name : "";
	k.rule = rule_get(f->rule)->id;
	k.field = f->field != NULL ? f->field : "";
	k.value = f->value;
	f->gated = true;
	if (c->record != NULL)
		baseline_add(c->record, &k);
	/* The key is a string made for each finding: only when asked. */
	if (c->filter == NULL && !c->rep->keys)
		return true;
	free(f->key);
	f->key = baseline_key_string(&k);
	if (c->filter != NULL && baseline_take(c->filter, f->key)) {
		c->suppressed++;
		return false;
	}
	return true;
}

/* Gates the findings since c->pending that have sequence seq. */
static void
gate_pending(struct check *c, long seq, const char *name)
{
	size_t i, j;

	for (i = j = c->pending; i < c->nfindings; i++) {
		if (c->findings[i].seq == seq && !c->findings[i].gated &&
		    !gate_keep(c, &c->findings[i], name)) {
			finding_free(&c->findings[i]);
			continue;
		}
		if (i != j)
			c->findings[j] = c->findings[i];
		j++;
	}
	c->nfindings = j;
}

static void
gate_register(struct check *c, const struct settings *fs)
{
	struct gate_file *g;
	size_t i, k;
	int found;

	if (fs->file == NULL)
		return;
	for (i = 0; i < c->ngates; i++)
		if (c->gates[i].f == fs->file)
			return;
	c->gates = xreallocarray(c->gates, c->ngates + 1, sizeof(*c->gates));
	g = &c->gates[c->ngates++];
	memset(g, 0, sizeof(*g));
	g->f = fs->file;
	g->pb012 = fs->severity[RULE_PB012];
	g->next = xcalloc(fs->file->nignore + 1, sizeof(*g->next));
	g->head = xcalloc(fs->file->nignore + 1, sizeof(*g->head));
	/* Backwards, each entry in front: a project's chain is in file
	 * order, so the first entry that applies is the one counted. */
	for (i = fs->file->nignore; i-- > 0;) {
		char *label = text_label(fs->file->ignore[i].project);

		k = (size_t)strset_get(&g->index, label, &found);
		if (!found) {
			k = ++g->nheads;
			strset_add(&g->index, label, (void *)k);
		}
		g->next[i] = g->head[k - 1];
		g->head[k - 1] = i + 1;
		free(label);
	}
}

void
check_use_settings(struct check *c, const struct settings *fs,
    const char *config)
{
	char buf[256];
	regex_t re;
	int rc;

	/* The last input's pending findings are gated by its settings. */
	if (!c->worker)
		release_pending(c);
	c->fs = fs != NULL ? fs : c->s;
	free(c->config);
	c->config = config != NULL ? xstrdup(config) : NULL;
	if (!c->worker)
		gate_register(c, c->fs);
	if (strcmp(c->fs->code_pattern, c->pattern) != 0) {
		/* Checked when the settings were read. */
		rc = regcomp(&re, c->fs->code_pattern,
		    REG_EXTENDED | REG_NOSUB);
		if (rc != 0) {
			regerror(rc, &re, buf, sizeof(buf));
			return;
		}
		regfree(&c->code_re);
		c->code_re = re;
		free(c->pattern);
		c->pattern = xstrdup(c->fs->code_pattern);
	}
}

void
check_use_baseline(struct check *c, struct baseline *filter,
    struct baseline *record)
{
	c->filter = filter;
	c->record = record;
}

size_t
check_suppressed(const struct check *c)
{
	return c->suppressed;
}

/* PB012 for each [ignore] entry that removed nothing in the run. */
static void
gate_stale_ignores(struct check *c)
{
	const struct settings_ignore *ig;
	struct loc loc = { 0, 1, 0 };
	size_t i, k;

	for (i = 0; i < c->ngates; i++) {
		if (c->gates[i].pb012 == SEV_OFF)
			continue;
		for (k = 0; k < c->gates[i].f->nignore; k++) {
			ig = &c->gates[i].f->ignore[k];
			if (ig->matched > 0)
				continue;
			loc.line = ig->line;
			add_finding(c, RULE_PB012, c->gates[i].f->path, loc,
			    NULL, FIELD_COUNT, 0, ig->text, NULL, NULL, -1);
			if (c->nfindings > 0 &&
			    c->findings[c->nfindings - 1].rule == RULE_PB012)
				c->findings[c->nfindings - 1].severity =
				    c->gates[i].pb012;
		}
	}
}

/* Findings a reader made for a project it then dropped (a syntax error
 * cut it short) belong to the file, not to the next project delivered. */
static void
release_pending(struct check *c)
{
	size_t i;

	for (i = c->pending; i < c->nfindings; i++)
		if (c->findings[i].seq == -2)
			c->findings[i].seq = -1;
	gate_pending(c, -1, NULL);
	c->pending = c->nfindings;
}

static int	finding_cmp(const void *va, const void *vb);
static void	count(struct counts *n, enum severity s);

/* A file's findings are passed on in runs of at most about this many. */
#define PASS_AT	8192

/*
 * The current file has ended, or a project of it has and it has many
 * findings: a reporter that takes findings file by file gets them, sorted,
 * and they are freed. Memory then holds a few thousand findings, not the
 * run's; the reporter merges the runs of a file.
 */
/* Whether f[0..n) is in finding_cmp() order. */
static bool
sorted(const struct finding *f, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (finding_cmp(&f[i - 1], &f[i]) > 0)
			return false;
	return true;
}

static void
pass_file(struct check *c)
{
	struct finding *f;
	size_t i, n;

	release_pending(c);
	n = c->nfindings - c->file_first;
	if (c->rep->file == NULL || n == 0) {
		c->file_first = c->nfindings;
		return;
	}
	/* Not before: with no finding yet the array is NULL, and NULL + 0
	 * is undefined (found by fuzz_report). */
	f = c->findings + c->file_first;
	if (n > 1 && !sorted(f, n))
		qsort(f, n, sizeof(*f), finding_cmp);
	c->rep->file(c->rep, f, n);
	for (i = 0; i < n; i++) {
		count(&c->passed, f[i].severity);
		if (c->s->fail_on != SEV_OFF && f[i].severity >= c->s->fail_on)
			c->passed_fail = true;
		finding_free(&f[i]);
	}
	c->nfindings = c->pending = c->file_first;
	/* No finding is kept that points at a shared name. */
	if (c->nfindings == 0)
		strset_free(&c->names);
}

const char *
check_file_begin(struct check *c, const char *path)
{
	struct file_info *f;

	pass_file(c);
	c->files = xreallocarray(c->files, c->nfiles + 1, sizeof(*c->files));
	f = &c->files[c->nfiles++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->config = c->config != NULL ? xstrdup(c->config) : NULL;
	f->format = "csv";
	memset(c->absent_said, 0, NABSENT * sizeof(*c->absent_said));
	memset(&c->first_row, 0, sizeof(c->first_row));
	return f->path;
}

void
check_file_format(struct check *c, const char *format, const char *encoding)
{
	c->files[c->nfiles - 1].format = format;
	c->files[c->nfiles - 1].encoding = encoding;
}

void
check_file_unreadable(struct check *c, const char *reason)
{
	struct file_info *f = &c->files[c->nfiles - 1];

	free(f->error);
	f->error = reason != NULL ? xstrdup(reason) : NULL;
	f->unreadable = true;
	c->unreadable = true;
}

void
check_file_sheet(struct check *c, int number, const char *name)
{
	struct file_info *f = &c->files[c->nfiles - 1];

	if (number < 1)
		return;
	if ((size_t)number > f->nsheets) {
		f->sheets = xreallocarray(f->sheets, (size_t)number,
		    sizeof(*f->sheets));
		while (f->nsheets < (size_t)number)
			f->sheets[f->nsheets++] = NULL;
	}
	free(f->sheets[number - 1]);
	f->sheets[number - 1] = xstrdup(name);
}

char *
check_field_label(enum field f, int goal, enum lang lang)
{
	if (f >= FIELD_COUNT)
		return xstrdup("");
	if (f == FIELD_GOAL)
		return lang == LANG_ZH ? xasprintf("目标%d", goal) :
		    xasprintf("goal %d (目标%d)", goal, goal);
	return xstrdup(lang == LANG_ZH ? label_field(f)->zh :
	    label_field(f)->desc_en);
}

/* check_field_label() without an allocation: a goal's is put in buf. */
static const char *
field_label(enum field f, int goal, enum lang lang, char *buf, size_t size)
{
	if (f >= FIELD_COUNT)
		return "";
	if (f == FIELD_GOAL) {
		if (lang == LANG_ZH)
			snprintf(buf, size, "目标%d", goal);
		else
			snprintf(buf, size, "goal %d (目标%d)", goal, goal);
		return buf;
	}
	return lang == LANG_ZH ? label_field(f)->zh : label_field(f)->desc_en;
}

/*
 * Expands {code} {value} {field} {a} {b} in a message template into out
 * (empty), with room left for vlen + 1 more bytes.
 */
static void
expand(struct strbuf *b_out, const char *tmpl, const char *code,
    const char *value, size_t vlen, const char *field, const char *a,
    const char *b)
{
	struct strbuf out = {0};
	const char *p = tmpl, *q;

	/* Room for the template and the value twice (in the message, and
	 * its label after it): most findings fit at once. */
	strbuf_reserve(&out, strlen(tmpl) + 2 * vlen + 64);

	while ((q = strchr(p, '{')) != NULL) {
		const char *sub = NULL;
		size_t skip = 0;

		strbuf_add(&out, p, (size_t)(q - p));
		if (strncmp(q, "{code}", 6) == 0) {
			sub = code && *code ? code : "-";
			skip = 6;
		} else if (strncmp(q, "{value}", 7) == 0) {
			sub = value ? value : "";
			skip = 7;
		} else if (strncmp(q, "{field}", 7) == 0) {
			sub = field ? field : "";
			skip = 7;
		} else if (strncmp(q, "{a}", 3) == 0) {
			sub = a ? a : "";
			skip = 3;
		} else if (strncmp(q, "{b}", 3) == 0) {
			sub = b ? b : "";
			skip = 3;
		}
		if (sub == NULL) {
			strbuf_putc(&out, '{');
			p = q + 1;
			continue;
		}
		strbuf_puts(&out, sub);
		p = q + skip;
	}
	strbuf_puts(&out, p);
	strbuf_reserve(&out, vlen + 1);
	*b_out = out;
}

/* Returns the finding, or NULL when its rule is off. */
static struct finding *
add_finding(struct check *c, enum rule_id r, const char *file, struct loc loc,
    const char *project, enum field f, int goal, const char *value,
    const char *a, const char *b, long seq)
{
	const struct rule *rule = rule_get(r);
	enum severity sev = c->fs->severity[r];
	struct finding *fd;
	struct strbuf msg;
	size_t vlen, voff;
	char buf[64];

	if (sev == SEV_OFF)
		return NULL;
	if (c->nfindings == c->capfindings) {
		c->capfindings = c->capfindings ? c->capfindings * 2 : 64;
		c->findings = xreallocarray(c->findings, c->capfindings,
		    sizeof(*c->findings));
	}
	fd = &c->findings[c->nfindings++];
	memset(fd, 0, sizeof(*fd));
	fd->rule = r;
	fd->severity = sev;
	fd->file = file;
	fd->loc = loc;
	/* The name stays where it is: only the array of names grows. */
	if (!c->worker && loc.table > 0 && (size_t)loc.table <=
	    c->files[c->nfiles - 1].nsheets)
		fd->sheet = c->files[c->nfiles - 1].sheets[loc.table - 1];
	if (fd->loc.line < 1)
		fd->loc.line = 1;
	if (fd->loc.col < 1)
		fd->loc.col = 1;
	/* Findings of a project share its code; of a field, its name. */
	fd->project = project != NULL ? name_of(c, project) : NULL;
	if (f < FIELD_COUNT)
		fd->field = name_of(c, field_label(f, goal, LANG_ZH, buf,
		    sizeof(buf)));
	fd->seq = seq;
	fd->order = c->norder++;
	/* The message, and after its NUL the value's label form: one
	 * allocation. */
	if (value == NULL)
		value = "";
	vlen = strlen(value);
	expand(&msg, rule->message[c->s->lang], project, value, vlen,
	    field_label(f, goal, c->s->lang, buf, sizeof(buf)), a, b);
	voff = msg.len + 1;
	text_label_into(value, vlen, msg.data + voff);
	fd->message = msg.data;
	fd->value = msg.data + voff;
	/* A reader's finding in a project waits for the project's name; a
	 * worker's finding is gated when the main engine takes it. */
	if (!c->worker && seq != -2 && !gate_keep(c, fd, c->cur != NULL ?
	    c->cur->text[FIELD_NAME] : NULL)) {
		finding_free(fd);
		c->nfindings--;
		return NULL;
	}
	return fd;
}

void
check_emit(struct check *c, enum rule_id r, enum field f, int goal,
    struct loc loc, const char *value, const char *a, const char *b)
{
	add_finding(c, r, c->cur->file, loc, check_project_key(c->cur), f,
	    goal, value, a, b, c->seq);
}

void
check_sink_diag(void *ctx, const struct read_diag *d)
{
	struct check *c = ctx;

	(void)add_finding(c, d->rule, c->files[c->nfiles - 1].path, d->loc,
	    d->project, d->field, d->goal, d->value,
	    c->s->lang == LANG_ZH && d->a_zh != NULL ? d->a_zh : d->a, d->b,
	    d->in_project ? -2 : -1);
}

static void
count(struct counts *n, enum severity s)
{
	if (s == SEV_ERROR)
		n->errors++;
	else if (s == SEV_WARNING)
		n->warnings++;
	else if (s == SEV_INFO)
		n->infos++;
}

/*
 * PB005: a code seen before in the batch; without codes (the layout has
 * none) the same name, by label matching, is the duplicate. The two kinds
 * of key are kept apart by a leading byte no cell starts with.
 */
static void
check_duplicate(struct check *c, const struct project *p)
{
	const bool by_name = p->absent[FIELD_CODE];
	const char *what = p->text[by_name ? FIELD_NAME : FIELD_CODE];
	const struct file_info *other;
	char *key, *label;
	void *first;
	int found;

	/* A code is taken as written, as it always was; a name by label. */
	if ((by_name ? text_blank(what) : *what == '\0') || p->reappeared)
		return;
	label = by_name ? text_label(what) : xstrdup(what);
	key = xasprintf("%c%s", by_name ? '\x1e' : '\x1f', label);
	first = strset_get(&c->codes, key, &found);
	if (!found)
		strset_add(&c->codes, key, (void *)(c->nfiles));
	else {
		other = &c->files[(size_t)first - 1];
		check_emit(c, RULE_PB005, by_name ? FIELD_NAME : FIELD_CODE, 0,
		    check_project_loc(p), what, other->path,
		    c->s->lang == LANG_ZH ? (by_name ? "该项目名称" : "该编码") :
		    (by_name ? "the name" : "the code"));
	}
	free(label);
	free(key);
}

/*
 * SPEC 2.2: the rules about the fields p's layout lacks are marked in
 * skip; PB010 names each such field once per file, at the file's first
 * project, as a finding of the file rather than of a project.
 */
static void
check_layout(struct check *c, const struct project *p, bool *skip)
{
	struct finding *fd;
	char *rules;
	size_t i, k;
	enum lang lang = c->s->lang;

	for (i = 0; i < NABSENT; i++) {
		const struct absent_field *a = &absent_fields[i];

		if (!check_absent(p, a))
			continue;
		for (k = 0; k < a->nskip; k++)
			skip[a->skip[k]] = true;
		if (c->absent_said[i])
			continue;
		c->absent_said[i] = true;
		rules = check_absent_rules(a, lang);
		fd = add_finding(c, RULE_PB010, c->files[c->nfiles - 1].path,
		    c->first_row, NULL,
		    FIELD_COUNT, 0, rules, a->what[lang], a->note[lang], -1);
		if (fd != NULL)
			fd->field = name_of(c, a->field);
		free(rules);
	}
}

/* The rule table over p, but for the rules in skip. */
static void
check_rules(struct check *c, const struct project *p, const bool *skip)
{
	int r;

	if (p->nind_over > 0) {
		const struct indicator *last = &p->ind[p->nind - 1];
		char *a;

		/* The model kept PB_MAX_INDICATORS; say so once, here. */
		if (c->s->lang == LANG_ZH)
			a = xasprintf("项目有 %zu 个指标，超过 %d 个上限"
			    "（PB_MAX_INDICATORS），第 %d 行之后的 %zu 个指标"
			    "未检查", p->nind + p->nind_over, PB_MAX_INDICATORS,
			    last->line, p->nind_over);
		else
			a = xasprintf("the project has %zu indicators, over the "
			    "limit of %d (PB_MAX_INDICATORS); the %zu after "
			    "line %d are not checked", p->nind + p->nind_over,
			    PB_MAX_INDICATORS, p->nind_over, last->line);
		check_emit(c, RULE_PB001, FIELD_COUNT, 0, check_project_loc(p),
		    NULL, a, NULL);
		free(a);
	}
	for (r = 0; r < RULE_COUNT; r++)
		if (rule_get((enum rule_id)r)->check != NULL &&
		    c->fs->severity[r] != SEV_OFF && !skip[r])
			rule_get((enum rule_id)r)->check(c, p);
}

/* A project starts: the reader's findings waiting for it are its. */
static void
project_begin(struct check *c, const struct project *p)
{
	struct file_info *file = &c->files[c->nfiles - 1];
	size_t i;

	c->cur = p;
	c->seq++;
	if (file->projects == 0) {
		c->first_row.line = p->line;
		c->first_row.col = 1;
		c->first_row.table = p->table;
	}
	/* Findings the reader made while reading this project's rows; a
	 * layout without codes gave them no project to name. */
	for (i = c->pending; i < c->nfindings; i++) {
		struct finding *fd = &c->findings[i];

		if (fd->seq != -2)
			continue;
		fd->seq = c->seq;
		if (p->absent[FIELD_CODE] &&
		    (fd->project == NULL || *fd->project == '\0')) {
			fd->project = strset_intern(&c->names,
			    p->text[FIELD_NAME]);
		}
	}
	gate_pending(c, c->seq, p->text[FIELD_NAME]);
}

/* The project is checked: counted, reported, its findings passed on. */
static void
project_end(struct check *c, const struct project *p)
{
	struct file_info *file = &c->files[c->nfiles - 1];
	struct counts n = {0};
	size_t i;

	for (i = c->pending; i < c->nfindings; i++)
		if (c->findings[i].seq == c->seq)
			count(&n, c->findings[i].severity);
	/* The project's findings in report order now, a few at a time:
	 * projects follow one another in the file, so that the findings
	 * pass_file() hands on are then in order already. */
	if (c->nfindings - c->pending > 1)
		qsort(c->findings + c->pending, c->nfindings - c->pending,
		    sizeof(*c->findings), finding_cmp);
	c->pending = c->nfindings;
	file->projects++;
	file->indicators += (int)p->nind;
	c->projects++;
	c->indicators += (int)p->nind;
	n.seq = c->seq;
	if (c->rep->project != NULL)
		c->rep->project(c->rep, p, &n);
	c->cur = NULL;
	/* Between projects no finding waits for its project (seq -2). */
	if (c->nfindings - c->file_first >= PASS_AT)
		pass_file(c);
}

void
check_sink_project(void *ctx, struct project *p)
{
	struct check *c = ctx;
	bool skip[RULE_COUNT] = {0};

	if (c->worker) {
		/* The part of a project's check that sees nothing of other
		 * inputs; check_play_project() does the rest, in order. */
		c->cur = p;
		if (c->wprojects++ == 0) {
			c->first_row.line = p->line;
			c->first_row.col = 1;
			c->first_row.table = p->table;
		}
		check_layout(c, p, skip);
		c->pending = c->nfindings;
		check_rules(c, p, skip);
		c->cur = NULL;
		return;
	}
	project_begin(c, p);
	check_layout(c, p, skip);
	check_duplicate(c, p);
	check_rules(c, p, skip);
	project_end(c, p);
}

struct check *
check_new_worker(const struct settings *s, char **err)
{
	struct check *c = engine_new(s, err);

	if (c == NULL)
		return NULL;
	c->worker = true;
	c->files = xcalloc(1, sizeof(*c->files));
	c->nfiles = 1;
	return c;
}

void
check_worker_file(struct check *c)
{
	c->wprojects = 0;
	memset(c->absent_said, 0, NABSENT * sizeof(*c->absent_said));
	memset(&c->first_row, 0, sizeof(c->first_row));
}

struct finding *
check_worker_take(struct check *c, size_t *n, size_t *nlayout)
{
	struct finding *f = c->findings;

	*n = c->nfindings;
	*nlayout = c->pending;
	c->findings = NULL;
	c->nfindings = c->capfindings = c->pending = 0;
	return f;
}

/*
 * Takes a worker's finding as add_finding() would have made it here: in
 * the same order, given the next emission number, its names made the
 * run's, gated by the current settings and the baseline. A PB010 of
 * check_layout() (late) gets its field after it is gated, as there.
 */
static void
take_finding(struct check *c, struct finding *w, long seq, bool late)
{
	struct finding *fd;
	const struct loc loc = w->loc;
	char *project = (char *)w->project, *field = (char *)w->field;

	if (c->nfindings == c->capfindings) {
		c->capfindings = c->capfindings ? c->capfindings * 2 : 64;
		c->findings = xreallocarray(c->findings, c->capfindings,
		    sizeof(*c->findings));
	}
	fd = &c->findings[c->nfindings++];
	*fd = *w;
	memset(w, 0, sizeof(*w));
	fd->file = c->files[c->nfiles - 1].path;
	fd->sheet = NULL;
	if (loc.table > 0 && (size_t)loc.table <=
	    c->files[c->nfiles - 1].nsheets)
		fd->sheet = c->files[c->nfiles - 1].sheets[loc.table - 1];
	fd->project = project != NULL ? strset_intern(&c->names, project) :
	    NULL;
	fd->field = field != NULL && !late ? strset_intern(&c->names, field) :
	    NULL;
	fd->seq = seq;
	fd->order = c->norder++;
	if (!gate_keep(c, fd, c->cur->text[FIELD_NAME])) {
		finding_free(fd);
		c->nfindings--;
	} else if (late && field != NULL)
		fd->field = strset_intern(&c->names, field);
	free(project);
	free(field);
}

void
check_play_project(struct check *c, struct project *p, struct finding *f,
    size_t n, size_t nlayout)
{
	size_t i;

	project_begin(c, p);
	for (i = 0; i < nlayout && i < n; i++)
		take_finding(c, &f[i], -1, true);
	check_duplicate(c, p);
	for (; i < n; i++)
		take_finding(c, &f[i], c->seq, false);
	project_end(c, p);
}

struct finding_key
finding_key_of(const struct finding *f)
{
	struct finding_key k = { f->loc.table, f->loc.line, f->loc.col,
	    (int)f->rule, f->order };

	return k;
}

int
finding_key_cmp(const struct finding_key *a, const struct finding_key *b)
{
	if (a->table != b->table)
		return a->table < b->table ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static int
finding_cmp(const void *va, const void *vb)
{
	const struct finding *a = va, *b = vb;
	struct finding_key ka, kb;
	int d;

	if (a->file != b->file && (d = strcmp(a->file, b->file)) != 0)
		return d;
	ka = finding_key_of(a);
	kb = finding_key_of(b);
	return finding_key_cmp(&ka, &kb);
}

void
check_finish(struct check *c)
{
	struct run_result res;
	size_t i;

	pass_file(c);
	gate_stale_ignores(c);
	/* qsort(3) must not get the NULL array of a run without findings. */
	if (c->nfindings > 1)
		qsort(c->findings, c->nfindings, sizeof(*c->findings),
		    finding_cmp);
	c->totals = c->passed;
	for (i = 0; i < c->nfindings; i++)
		count(&c->totals, c->findings[i].severity);
	memset(&res, 0, sizeof(res));
	res.files = c->files;
	res.nfiles = c->nfiles;
	res.findings = c->findings;
	res.nfindings = c->nfindings;
	res.projects = c->projects;
	res.indicators = c->indicators;
	res.totals = c->totals;
	res.baseline = c->filter != NULL;
	res.suppressed = c->suppressed;
	res.stale = c->filter != NULL ? baseline_left(c->filter) : 0;
	if (c->rep->end != NULL)
		c->rep->end(c->rep, &res);
}

int
check_exit_status(const struct check *c)
{
	size_t i;

	if (c->unreadable)
		return 2;
	if (c->s->fail_on == SEV_OFF)
		return 0;
	if (c->passed_fail)
		return 1;
	for (i = 0; i < c->nfindings; i++)
		if (c->findings[i].severity >= c->s->fail_on)
			return 1;
	return 0;
}
