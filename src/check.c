/* The check engine: runs the rule table over each project, collects and sorts findings. */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "pb_limits.h"
#include "read.h"
#include "report.h"
#include "rules.h"
#include "text.h"
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
};

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
	c->absent_said = xcalloc(NABSENT, sizeof(*c->absent_said));
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
	for (i = 0; i < c->nfindings; i++) {
		free(c->findings[i].message);
		free(c->findings[i].project);
		free(c->findings[i].field);
	}
	free(c->findings);
	for (i = 0; i < c->nfiles; i++) {
		free(c->files[i].path);
		free(c->files[i].error);
		for (j = 0; j < c->files[i].nsheets; j++)
			free(c->files[i].sheets[j]);
		free(c->files[i].sheets);
	}
	free(c->files);
	strset_free(&c->codes);
	free(c->absent_said);
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

const char *
check_file_begin(struct check *c, const char *path)
{
	struct file_info *f;

	release_pending(c);
	c->files = xreallocarray(c->files, c->nfiles + 1, sizeof(*c->files));
	f = &c->files[c->nfiles++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
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

/* Returns the finding, or NULL when its rule is off. */
static struct finding *
add_finding(struct check *c, enum rule_id r, const char *file, struct loc loc,
    const char *project, enum field f, int goal, const char *value,
    const char *a, const char *b, long seq)
{
	const struct rule *rule = rule_get(r);
	enum severity sev = c->s->severity[r];
	struct finding *fd;
	char *label;

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
	if (loc.table > 0 && (size_t)loc.table <=
	    c->files[c->nfiles - 1].nsheets)
		fd->sheet = c->files[c->nfiles - 1].sheets[loc.table - 1];
	if (fd->loc.line < 1)
		fd->loc.line = 1;
	if (fd->loc.col < 1)
		fd->loc.col = 1;
	fd->project = project != NULL ? xstrdup(project) : NULL;
	if (f < FIELD_COUNT)
		fd->field = check_field_label(f, goal, LANG_ZH);
	fd->seq = seq;
	fd->order = c->nfindings - 1;
	label = check_field_label(f, goal, c->s->lang);
	fd->message = expand(rule->message[c->s->lang], project, value, label,
	    a, b);
	free(label);
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
			fd->field = xstrdup(a->field);
		free(rules);
	}
}

void
check_sink_project(void *ctx, struct project *p)
{
	struct check *c = ctx;
	struct file_info *file = &c->files[c->nfiles - 1];
	struct counts n = {0};
	bool skip[RULE_COUNT] = {0};
	size_t i;
	int r;

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
			free(fd->project);
			fd->project = xstrdup(p->text[FIELD_NAME]);
		}
	}
	check_layout(c, p, skip);
	check_duplicate(c, p);
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
		    c->s->severity[r] != SEV_OFF && !skip[r])
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

	release_pending(c);
	/* qsort(3) must not get the NULL array of a run without findings. */
	if (c->nfindings > 1)
		qsort(c->findings, c->nfindings, sizeof(*c->findings),
		    finding_cmp);
	memset(&c->totals, 0, sizeof(c->totals));
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
	for (i = 0; i < c->nfindings; i++)
		if (c->findings[i].severity >= c->s->fail_on)
			return 1;
	return 0;
}
