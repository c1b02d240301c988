/* The check engine: runs the rule table over each project, collects and sorts findings. */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "read.h"
#include "report.h"
#include "rules.h"
#include "util.h"

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
	const struct project	*cur;		/* project being checked */
	long			 seq;
	int			 projects;
	int			 indicators;
	struct counts		 totals;
	bool			 unreadable;
	/* Findings a reporter took file by file (report.h file()): only
	 * counted, not kept. */
	struct counts		 passed;
	bool			 passed_fail;	/* one at or above fail_on */
	size_t			 norder;	/* findings emitted so far */
	size_t			 file_first;	/* the current file's first */
	/* The project codes and field names of findings: one copy each. */
	struct strset		 names;
};

struct check *
check_new(const struct settings *s, struct reporter *rep, char **err)
{
	struct check *c = xcalloc(1, sizeof(*c));
	char buf[256];
	int rc;

	*err = NULL;
	c->s = s;
	c->rep = rep;
	rc = regcomp(&c->code_re, s->code_pattern, REG_EXTENDED | REG_NOSUB);
	if (rc != 0) {
		regerror(rc, &c->code_re, buf, sizeof(buf));
		*err = xasprintf("code_pattern '%s': %s", s->code_pattern,
		    buf);
		free(c);
		return NULL;
	}
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
		free(c->findings[i].message);
	free(c->findings);
	strset_free(&c->names);
	for (i = 0; i < c->nfiles; i++) {
		free(c->files[i].path);
		free(c->files[i].error);
		for (j = 0; j < c->files[i].nsheets; j++)
			free(c->files[i].sheets[j]);
		free(c->files[i].sheets);
	}
	free(c->files);
	strset_free(&c->codes);
	regfree(&c->code_re);
	free(c);
}

const struct settings *
check_settings(const struct check *c)
{
	return c->s;
}

bool
check_code_matches(const struct check *c, const char *code)
{
	return regexec(&c->code_re, code, 0, NULL, 0) == 0;
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
static void
pass_file(struct check *c)
{
	struct finding *f = c->findings + c->file_first;
	size_t i, n = c->nfindings - c->file_first;

	release_pending(c);
	if (c->rep->file == NULL || n == 0) {
		c->file_first = c->nfindings;
		return;
	}
	if (n > 1)
		qsort(f, n, sizeof(*f), finding_cmp);
	c->rep->file(c->rep, f, n);
	for (i = 0; i < n; i++) {
		count(&c->passed, f[i].severity);
		if (c->s->fail_on != SEV_OFF && f[i].severity >= c->s->fail_on)
			c->passed_fail = true;
		free(f[i].message);
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
	f->format = "csv";
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
	static const char *const en[FIELD_COUNT] = {
		[FIELD_CODE] = "project code (项目编码)",
		[FIELD_NAME] = "project name (项目名称)",
		[FIELD_BUDGET] = "budget (预算数)",
		[FIELD_FISCAL] = "fiscal funds (财政资金)",
		[FIELD_OTHER] = "other funds (其他资金)",
		[FIELD_PURPOSE] = "fund use (资金用途)",
		[FIELD_PLAN_MAR] = "end of March (3月底)",
		[FIELD_PLAN_JUN] = "end of June (6月底)",
		[FIELD_PLAN_OCT] = "end of October (10月底)",
		[FIELD_PLAN_DEC] = "end of December (12月底)",
		[FIELD_GOAL] = "goal",
		[FIELD_LEVEL1] = "level-1 indicator (一级指标)",
		[FIELD_LEVEL2] = "level-2 indicator (二级指标)",
		[FIELD_LEVEL3] = "level-3 indicator (三级指标)",
		[FIELD_DESCRIPTION] = "description (绩效指标描述)",
		[FIELD_VALUE] = "target value (指标值)",
		[FIELD_BASIS] = "value basis (指标值确定依据)",
	};

	if (f >= FIELD_COUNT)
		return xstrdup("");
	if (f == FIELD_GOAL)
		return lang == LANG_ZH ? xasprintf("目标%d", goal) :
		    xasprintf("goal %d (目标%d)", goal, goal);
	return xstrdup(lang == LANG_ZH ? field_name_zh(f) : en[f]);
}

/* Expands {code} {value} {field} {a} {b} in a message template. */
static char *
expand(const char *tmpl, const char *code, const char *value,
    const char *field, const char *a, const char *b)
{
	struct strbuf out = {0};
	const char *p = tmpl, *q;

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
	return strbuf_take(&out);
}

static void
add_finding(struct check *c, enum rule_id r, const char *file, struct loc loc,
    const char *project, enum field f, int goal, const char *value,
    const char *a, const char *b, long seq)
{
	const struct rule *rule = rule_get(r);
	enum severity sev = c->s->severity[r];
	struct finding *fd;
	char *label;

	if (sev == SEV_OFF)
		return;
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
	if (loc.table > 0 && (size_t)loc.table <=
	    c->files[c->nfiles - 1].nsheets)
		fd->sheet = c->files[c->nfiles - 1].sheets[loc.table - 1];
	if (fd->loc.line < 1)
		fd->loc.line = 1;
	if (fd->loc.col < 1)
		fd->loc.col = 1;
	/* Findings of a project share its code; of a field, its name. */
	fd->project = project != NULL ? strset_intern(&c->names, project) :
	    NULL;
	if (f < FIELD_COUNT) {
		label = check_field_label(f, goal, LANG_ZH);
		fd->field = strset_intern(&c->names, label);
		free(label);
	}
	fd->seq = seq;
	fd->order = c->norder++;
	label = check_field_label(f, goal, c->s->lang);
	fd->message = expand(rule->message[c->s->lang], project, value, label,
	    a, b);
	free(label);
}

void
check_emit(struct check *c, enum rule_id r, enum field f, int goal,
    struct loc loc, const char *value, const char *a, const char *b)
{
	add_finding(c, r, c->cur->file, loc, c->cur->text[FIELD_CODE], f, goal,
	    value, a, b, c->seq);
}

void
check_sink_diag(void *ctx, const struct read_diag *d)
{
	struct check *c = ctx;

	add_finding(c, d->rule, c->files[c->nfiles - 1].path, d->loc,
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

void
check_sink_project(void *ctx, struct project *p)
{
	struct check *c = ctx;
	struct file_info *file = &c->files[c->nfiles - 1];
	const char *code = p->text[FIELD_CODE];
	struct counts n = {0};
	size_t i;
	int found, r;

	c->cur = p;
	c->seq++;
	/* Findings the reader made while reading this project's rows. */
	for (i = c->pending; i < c->nfindings; i++)
		if (c->findings[i].seq == -2)
			c->findings[i].seq = c->seq;
	if (*code != '\0' && !p->reappeared) {
		void *first = strset_get(&c->codes, code, &found);

		if (found) {
			const struct file_info *other =
			    &c->files[(size_t)first - 1];
			char *line = xasprintf("%s", other->path);

			check_emit(c, RULE_PB005, FIELD_CODE, 0,
			    p->loc[FIELD_CODE], code, line, NULL);
			free(line);
		} else
			strset_add(&c->codes, code, (void *)(c->nfiles));
	}
	for (r = 0; r < RULE_COUNT; r++)
		if (rule_get((enum rule_id)r)->check != NULL &&
		    c->s->severity[r] != SEV_OFF)
			rule_get((enum rule_id)r)->check(c, p);
	for (i = c->pending; i < c->nfindings; i++)
		if (c->findings[i].seq == c->seq)
			count(&n, c->findings[i].severity);
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

static int
finding_cmp(const void *va, const void *vb)
{
	const struct finding *a = va, *b = vb;
	int d;

	if (a->file != b->file && (d = strcmp(a->file, b->file)) != 0)
		return d;
	if (a->loc.table != b->loc.table)
		return a->loc.table < b->loc.table ? -1 : 1;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

void
check_finish(struct check *c)
{
	struct run_result res;
	size_t i;

	pass_file(c);
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
