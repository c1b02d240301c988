/* The form recogniser (SPEC 2.2): finds each project table in a grid of rows by its label cells. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "model.h"
#include "read.h"
#include "rules.h"
#include "text.h"
#include "util.h"

struct form_row *
form_add_row(struct form_grid *g, int table, int line)
{
	struct form_row *r;

	g->rows = xgrowarray(g->rows, g->nrows, sizeof(*g->rows));
	r = &g->rows[g->nrows++];
	memset(r, 0, sizeof(*r));
	r->table = table;
	r->line = line;
	return r;
}

struct form_cell *
form_add_cell(struct form_row *r, const char *text, int col, int span,
    bool merged, struct loc loc)
{
	struct form_cell *c;

	if (col < 0)
		col = r->ncells == 0 ? 0 :
		    r->cells[r->ncells - 1].col + r->cells[r->ncells - 1].span;
	r->cells = xgrowarray(r->cells, r->ncells, sizeof(*r->cells));
	c = &r->cells[r->ncells++];
	c->text = xstrdup(text != NULL ? text : "");
	c->col = col;
	c->span = span > 0 ? span : 1;
	c->merged = merged;
	c->loc = loc;
	return c;
}

void
form_grid_free(struct form_grid *g)
{
	size_t i, j;

	for (i = 0; i < g->nrows; i++) {
		for (j = 0; j < g->rows[i].ncells; j++)
			free(g->rows[i].cells[j].text);
		free(g->rows[i].cells);
	}
	free(g->rows);
	memset(g, 0, sizeof(*g));
}

/* The labels of the form, in label form (SPEC 3: no spaces, ASCII). */
enum label {
	L_NONE,
	L_CODE,			/* 项目编码 */
	L_NAME,			/* 项目名称 */
	L_BUDGET_BLOCK,		/* 预算规模及资金用途 */
	L_BUDGET,		/* 预算数 */
	L_FISCAL,		/* 其中：财政资金 */
	L_OTHER,		/* 其他资金 */
	L_PLAN,			/* 资金支出计划（%） */
	L_MAR, L_JUN, L_OCT, L_DEC,
	L_GOALS,		/* 绩效目标 */
	L_GOAL,			/* 目标N */
	L_LEVEL1, L_LEVEL2, L_LEVEL3, L_DESCRIPTION, L_VALUE, L_BASIS,
	L_TITLE			/* N. …项目绩效目标表 */
};

static enum label
label_of(const char *text, int *goal)
{
	static const struct {
		const char	*text;
		enum label	 label;
	} exact[] = {
		{ "项目编码", L_CODE }, { "项目名称", L_NAME },
		{ "预算数", L_BUDGET }, { "其他资金", L_OTHER },
		{ "3月底", L_MAR }, { "6月底", L_JUN }, { "10月底", L_OCT },
		{ "12月底", L_DEC }, { "绩效目标", L_GOALS },
		{ "一级指标", L_LEVEL1 }, { "二级指标", L_LEVEL2 },
		{ "三级指标", L_LEVEL3 }, { "绩效指标描述", L_DESCRIPTION },
		{ "指标值", L_VALUE }, { "指标值确定依据", L_BASIS },
	};
	char *l = text_label(text);
	enum label found = L_NONE;
	size_t i, n = strlen(l);

	while (n > 0 && l[n - 1] == ':')
		l[--n] = '\0';
	for (i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (strcmp(l, exact[i].text) == 0)
			found = exact[i].label;
	if (found == L_NONE) {
		if (text_starts_with(l, "预算规模"))
			found = L_BUDGET_BLOCK;
		else if (text_starts_with(l, "资金支出计划"))
			found = L_PLAN;
		else if (strcmp(l, "财政资金") == 0 ||
		    (text_starts_with(l, "其中") &&
		    text_ends_with(l, "财政资金")))
			found = L_FISCAL;
		else if (text_starts_with(l, "目标") &&
		    isdigit((unsigned char)l[strlen("目标")])) {
			char *end;
			long g = strtol(l + strlen("目标"), &end, 10);

			if (*end == '\0' && g > 0 && g < 1000) {
				found = L_GOAL;
				if (goal != NULL)
					*goal = (int)g;
			}
		} else if (text_ends_with(l, "绩效目标表"))
			found = L_TITLE;
	}
	free(l);
	return found;
}

enum form_text
form_classify(const char *text)
{
	enum label l = label_of(text, NULL);

	return l == L_NONE ? FORM_TEXT_OTHER : l == L_TITLE ?
	    FORM_TEXT_TITLE : FORM_TEXT_LABEL;
}

/* The index of the first cell of r holding label, or -1. */
static int
find_label(const struct form_row *r, enum label label)
{
	size_t i;

	for (i = 0; i < r->ncells; i++)
		if (!r->cells[i].merged && label_of(r->cells[i].text, NULL) ==
		    label)
			return (int)i;
	return -1;
}

static bool
row_has_label(const struct form_row *r)
{
	size_t i;

	for (i = 0; i < r->ncells; i++)
		if (!r->cells[i].merged &&
		    form_classify(r->cells[i].text) == FORM_TEXT_LABEL)
			return true;
	return false;
}

static bool
row_blank(const struct form_row *r)
{
	size_t i;

	for (i = 0; i < r->ncells; i++)
		if (!r->cells[i].merged && !text_blank(r->cells[i].text))
			return false;
	return true;
}

/*
 * The value of the label in cell k: the first non-blank cell to its right
 * before the next label; its location, or else the first cell after the
 * label (a blank value still has a cell to point at).
 */
static char *
value_right(const struct form_row *r, int k, struct loc *loc)
{
	size_t i;
	bool have_loc = false;

	*loc = r->cells[k].loc;
	for (i = (size_t)k + 1; i < r->ncells; i++) {
		const struct form_cell *c = &r->cells[i];

		if (c->merged)
			continue;
		if (form_classify(c->text) == FORM_TEXT_LABEL)
			break;
		if (!have_loc) {
			*loc = c->loc;
			have_loc = true;
		}
		if (!text_blank(c->text)) {
			*loc = c->loc;
			return text_trim(c->text);
		}
	}
	return xstrdup("");
}

/* The cell of r that covers grid column col, or NULL. */
static const struct form_cell *
cell_at(const struct form_row *r, int col)
{
	size_t i;

	for (i = 0; i < r->ncells; i++)
		if (r->cells[i].col <= col &&
		    col < r->cells[i].col + r->cells[i].span)
			return &r->cells[i];
	return NULL;
}

struct recogniser {
	const char		*path;
	const struct form_grid	*g;
	const struct read_sink	*sink;
	int			 projects;
	bool			 reported;	/* a PB001 was given */
};

static void
pb001(struct recogniser *rc, struct loc loc, const char *en, const char *zh)
{
	struct read_diag d;

	memset(&d, 0, sizeof(d));
	d.rule = RULE_PB001;
	d.loc = loc;
	if (d.loc.line < 1)
		d.loc.line = 1;
	if (d.loc.col < 1)
		d.loc.col = 1;
	d.field = FIELD_COUNT;
	d.a = en;
	d.a_zh = zh;
	rc->sink->diag(rc->sink->ctx, &d);
	rc->reported = true;
}

static struct loc
row_loc(const struct form_row *r)
{
	struct loc l = { r->line, 1, r->table };

	if (r->ncells > 0)
		l = r->cells[0].loc;
	return l;
}

/*
 * How a table is named in messages: its number and the title among the
 * paragraphs before it (a note such as "单位：万元" may stand between),
 * else the nearest of those paragraphs; or its number alone.
 */
static char *
table_name(const struct form_grid *g, size_t start, bool zh)
{
	const struct form_row *r = &g->rows[start];
	const char *name = NULL;
	size_t i;

	for (i = start; i > 0; i--) {
		const struct form_row *p = &g->rows[i - 1];

		if (p->table != 0)
			break;
		if (p->ncells == 0 || text_blank(p->cells[0].text))
			continue;
		if (name == NULL)
			name = p->cells[0].text;
		if (form_classify(p->cells[0].text) == FORM_TEXT_TITLE) {
			name = p->cells[0].text;
			break;
		}
	}
	if (name != NULL) {
		char *t = text_trim(name);
		char *s = xasprintf(zh ? "表%d“%s”" : "table %d '%s'",
		    r->table, t);

		free(t);
		return s;
	}
	if (r->table > 0)
		return xasprintf(zh ? "表%d" : "table %d", r->table);
	return xasprintf(zh ? "第 %d 行的表" : "the table at line %d",
	    row_loc(r).line);
}

static void
set_field(struct project *p, enum field f, char *text, struct loc loc)
{
	free(p->text[f]);
	p->text[f] = text;
	p->loc[f] = loc;
}

/* Reads rows [start, end) as one project table; false if not a table. */
static bool
read_table(struct recogniser *rc, size_t start, size_t end)
{
	const struct form_grid *g = rc->g;
	struct project p;
	struct loc loc;
	size_t i, header = 0;
	int k, col[INDICATOR_FIELDS], goal, f;
	bool have_header = false;

	memset(&p, 0, sizeof(p));
	p.file = rc->path;
	p.table = g->rows[start].table;
	p.line = row_loc(&g->rows[start]).line;
	for (f = 0; f < FIELD_COUNT; f++)
		p.loc[f] = row_loc(&g->rows[start]);
	for (i = start; i < end && !have_header; i++) {
		const struct form_row *r = &g->rows[i];

		if ((k = find_label(r, L_CODE)) >= 0) {
			set_field(&p, FIELD_CODE, value_right(r, k, &loc), loc);
			p.line = row_loc(r).line;	/* the project's row */
		}
		if ((k = find_label(r, L_NAME)) >= 0)
			set_field(&p, FIELD_NAME, value_right(r, k, &loc), loc);
		if ((k = find_label(r, L_BUDGET)) >= 0)
			set_field(&p, FIELD_BUDGET, value_right(r, k, &loc),
			    loc);
		if ((k = find_label(r, L_FISCAL)) >= 0)
			set_field(&p, FIELD_FISCAL, value_right(r, k, &loc),
			    loc);
		if ((k = find_label(r, L_OTHER)) >= 0)
			set_field(&p, FIELD_OTHER, value_right(r, k, &loc), loc);
		/* The fund use is on the row after the budget figures. */
		if (find_label(r, L_BUDGET) >= 0 && i + 1 < end &&
		    !row_has_label(&g->rows[i + 1])) {
			const struct form_row *u = &g->rows[i + 1];
			size_t j;

			for (j = 0; j < u->ncells; j++)
				if (!u->cells[j].merged &&
				    !text_blank(u->cells[j].text)) {
					set_field(&p, FIELD_PURPOSE,
					    text_trim(u->cells[j].text),
					    u->cells[j].loc);
					break;
				}
			if (j == u->ncells && u->ncells > 0)
				p.loc[FIELD_PURPOSE] = row_loc(u);
		}
		/* Milestone values sit under their labels on the next row. */
		if (find_label(r, L_PLAN) >= 0 || find_label(r, L_MAR) >= 0) {
			static const enum label ms[PLAN_POINTS] = { L_MAR, L_JUN,
			    L_OCT, L_DEC };
			const struct form_row *v = i + 1 < end &&
			    !row_has_label(&g->rows[i + 1]) ? &g->rows[i + 1] :
			    NULL;

			for (k = 0; k < PLAN_POINTS; k++) {
				int m = find_label(r, ms[k]);
				const struct form_cell *c;

				if (m < 0)
					continue;
				c = v != NULL ? cell_at(v, r->cells[m].col) : NULL;
				if (c != NULL)
					set_field(&p, FIELD_PLAN_MAR + k,
					    c->merged ? xstrdup("") :
					    text_trim(c->text),
					    c->loc);
				else
					p.loc[FIELD_PLAN_MAR + k] =
					    r->cells[m].loc;
			}
		}
		for (k = 0; k < (int)r->ncells; k++) {
			goal = 0;
			if (r->cells[k].merged ||
			    label_of(r->cells[k].text, &goal) != L_GOAL)
				continue;
			{
				char *t = value_right(r, k, &loc);

				project_add_goal(&p, goal, t, loc);
				free(t);
			}
		}
		if (find_label(r, L_LEVEL1) >= 0 && find_label(r, L_VALUE) >= 0) {
			static const enum label hl[INDICATOR_FIELDS] = {
			    L_LEVEL1, L_LEVEL2, L_LEVEL3, L_DESCRIPTION, L_VALUE,
			    L_BASIS };

			for (k = 0; k < INDICATOR_FIELDS; k++) {
				int m = find_label(r, hl[k]);

				col[k] = m >= 0 ? r->cells[m].col : -1;
				p.loc[FIELD_LEVEL1 + k] = m >= 0 ?
				    r->cells[m].loc : row_loc(r);
			}
			have_header = true;
			header = i;
		}
	}
	for (i = 0; i < p.ngoals; i++)
		if (p.goals[i].number == 1)
			p.loc[FIELD_GOAL] = p.goals[i].loc;
	if (!have_header) {
		char *en = table_name(g, start, false);
		char *zh = table_name(g, start, true);
		char *m_en = xasprintf("%s has no indicator header row "
		    "(一级指标 … 指标值确定依据); it is not read", en);
		char *m_zh = xasprintf("%s缺少指标表头行（一级指标……指标值确定依据），"
		    "未读取", zh);

		pb001(rc, row_loc(&g->rows[start]), m_en, m_zh);
		free(en);
		free(zh);
		free(m_en);
		free(m_zh);
		project_free(&p);
		return false;
	}
	for (f = FIELD_CODE; f < FIELD_GOAL; f++)
		if (p.text[f] == NULL)
			p.text[f] = xstrdup("");
	for (i = header + 1; i < end; i++) {
		const struct form_row *r = &g->rows[i];
		struct indicator *in;

		if (row_blank(r))
			continue;
		in = project_add_indicator(&p);
		in->line = row_loc(r).line;
		for (k = 0; k < INDICATOR_FIELDS; k++) {
			const struct form_cell *c = col[k] >= 0 ?
			    cell_at(r, col[k]) : NULL;

			in->text[k] = c == NULL || c->merged ? xstrdup("") :
			    text_trim(c->text);
			in->loc[k] = c != NULL ? c->loc : row_loc(r);
		}
	}
	project_finish(&p);
	rc->sink->project(rc->sink->ctx, &p);
	project_free(&p);
	rc->projects++;
	return true;
}

/* A table with form labels but no 项目编码 is reported, not guessed at. */
static void
report_unrecognised(struct recogniser *rc, size_t first, size_t end)
{
	const struct form_grid *g = rc->g;
	size_t i;
	bool labels = false;

	for (i = first; i < end && !labels; i++)
		labels = g->rows[i].table != 0 && row_has_label(&g->rows[i]);
	if (!labels)
		return;		/* not a project table: prose, a signature */
	{
		char *en = table_name(g, first, false);
		char *zh = table_name(g, first, true);
		char *m_en = xasprintf("%s has form labels but no 项目编码 "
		    "label; it is not read", en);
		char *m_zh = xasprintf("%s有表格标签但缺少“项目编码”，未读取", zh);

		pb001(rc, row_loc(&g->rows[first]), m_en, m_zh);
		free(en);
		free(zh);
		free(m_en);
		free(m_zh);
	}
}

int
form_read(const char *path, const struct form_grid *g,
    const struct read_sink *sink)
{
	struct recogniser rc = { path, g, sink, 0, false };
	size_t i = 0, start, end, first;

	while (i < g->nrows) {
		/* Skip paragraphs; a table run without 项目编码 is reported. */
		while (i < g->nrows && g->rows[i].table == 0)
			i++;
		first = i;
		while (i < g->nrows && g->rows[i].table != 0 &&
		    find_label(&g->rows[i], L_CODE) < 0 &&
		    (i == first || g->rows[i].table == g->rows[first].table))
			i++;
		if (i >= g->nrows || g->rows[i].table == 0 ||
		    find_label(&g->rows[i], L_CODE) < 0) {
			if (i > first)
				report_unrecognised(&rc, first, i);
			continue;
		}
		if (i > first && g->rows[i].table != g->rows[first].table)
			report_unrecognised(&rc, first, i);
		start = i;
		/* Rows of the same table above 项目编码 (the name first, say)
		 * belong to its project. */
		if (i > first && g->rows[i].table == g->rows[first].table)
			start = first;
		/* The table runs to a paragraph, the next 项目编码 or another
		 * table. */
		for (end = i + 1; end < g->nrows; end++) {
			const struct form_row *r = &g->rows[end];

			if (r->table == 0 || r->table != g->rows[start].table ||
			    find_label(r, L_CODE) >= 0)
				break;
		}
		read_table(&rc, start, end);
		i = end;
	}
	if (rc.projects == 0 && !rc.reported) {
		struct loc l = { 1, 1, 0 };

		pb001(&rc, l, "no project table was recognised (no cell "
		    "holds the label 项目编码)", "未识别出项目绩效目标表（没有"
		    "“项目编码”标签）");
	}
	return rc.projects;
}
