/* The form recogniser (SPEC 2.2): finds each project in a grid of rows by the label table. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "labels.h"
#include "model.h"
#include "read.h"
#include "rules.h"
#include "text.h"
#include "util.h"
#include "value.h"

/*
 * What the cell's text is to the recogniser, derived once: the label it
 * names, or a label and its value in one cell (项目编码：571-…). A goal
 * label never takes its value inline: lines 目标1：… are a goal cell.
 */
static void
cell_derive(struct form_cell *c)
{
	const char *colon, *full;
	char *key;

	free(c->value);
	c->value = NULL;
	c->label = NULL;
	c->goal = 0;
	if (c->merged)
		return;
	key = label_key(c->text);
	c->label = label_lookup(key, &c->goal);
	free(key);
	if (c->label != NULL)
		return;
	colon = strchr(c->text, ':');
	full = strstr(c->text, "：");
	if (full != NULL && (colon == NULL || full < colon))
		colon = full;
	if (colon != NULL) {
		char *prefix = xstrndup(c->text, (size_t)(colon - c->text));
		const char *rest = colon + (*colon == ':' ? 1 : strlen("："));
		const struct label *l;
		int goal = 0;

		key = label_key(prefix);
		l = label_lookup(key, &goal);
		if (l != NULL && ((l->id >= LABEL_CODE && l->id <= LABEL_GOALS) ||
		    l->id == LABEL_INFO) && !text_blank(rest)) {
			c->label = l;
			c->value = text_trim(rest);
		}
		free(key);
		free(prefix);
	}
}

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
	c->value = NULL;
	cell_derive(c);
	return c;
}

void
form_cell_append(struct form_cell *c, const char *line)
{
	char *joined = xasprintf("%s\n%s", c->text, line);

	free(c->text);
	c->text = joined;
	cell_derive(c);
}

void
form_grid_free(struct form_grid *g)
{
	size_t i, j;

	for (i = 0; i < g->nrows; i++) {
		for (j = 0; j < g->rows[i].ncells; j++) {
			free(g->rows[i].cells[j].text);
			free(g->rows[i].cells[j].value);
		}
		free(g->rows[i].cells);
	}
	free(g->rows);
	memset(g, 0, sizeof(*g));
}

enum form_text
form_classify(const char *text)
{
	const struct label *l;
	char *key = label_key(text);

	l = label_lookup(key, NULL);
	free(key);
	/* 备注 or 实施单位 alone do not make a table a form. */
	if (l == NULL || l->id == LABEL_INFO)
		return FORM_TEXT_OTHER;
	return l->id == LABEL_TITLE ? FORM_TEXT_TITLE : FORM_TEXT_LABEL;
}

static bool
is_header_id(enum label_id id)
{
	return id >= LABEL_LEVEL1 && id <= LABEL_BASIS;
}

/* A label that anchors a project (SPEC 2.2): the code or the name. */
static bool
is_anchor_id(enum label_id id)
{
	return id == LABEL_CODE || id == LABEL_NAME || id == LABEL_NAME_TOP ||
	    id == LABEL_NAME_SUB;
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


/* The first cell of r starting at grid column col or after it (a row's
 * cells are in column order). */
static size_t
first_at(const struct form_row *r, int col)
{
	size_t lo = 0, hi = r->ncells;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->cells[mid].col < col)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The cell of r that covers grid column col, or NULL. */
static const struct form_cell *
cell_at(const struct form_row *r, int col)
{
	size_t i = first_at(r, col + 1);

	/* Of cells at one column (a reader's grid limit), the first. */
	while (i > 1 && r->cells[i - 2].col == r->cells[i - 1].col)
		i--;
	if (i > 0 && col < r->cells[i - 1].col + r->cells[i - 1].span)
		return &r->cells[i - 1];
	return NULL;
}

static int
row_width(const struct form_row *r)
{
	size_t i;
	int w = 0;

	for (i = 0; i < r->ncells; i++)
		if (r->cells[i].col + r->cells[i].span > w)
			w = r->cells[i].col + r->cells[i].span;
	return w;
}

/* What a row is, derived once per row before the walk. */
struct row_kind {
	bool	 title;		/* one cell, a title: ends a project */
	bool	 header;	/* the indicator header */
	bool	 labels_only;	/* every non-blank cell is a label */
	bool	 labels;	/* holds a label other than a title */
	bool	 anchor;	/* holds the code or name label */
	bool	 values_below;	/* labels over their values (labels_over) */
	bool	 header2;	/* the header goes on in the next row */
	bool	 header_more;	/* the second row of a header: no data */
	bool	 project;	/* holds a project label (not a header's) */
	/* Header labels it holds: 一级, 二级, a value column, any. */
	int	 level1, level2, value, headers;
};

static struct row_kind
classify_row(const struct form_row *r)
{
	struct row_kind k;
	size_t i;
	int nonblank = 0, level1 = 0, level2 = 0, value = 0, labels = 0;
	int project = 0;
	bool title = false;

	memset(&k, 0, sizeof(k));
	for (i = 0; i < r->ncells; i++) {
		const struct form_cell *c = &r->cells[i];

		if (c->merged || text_blank(c->text))
			continue;
		nonblank++;
		if (c->label == NULL)
			continue;
		if (c->label->id == LABEL_TITLE) {
			title = true;
			continue;
		}
		k.labels = true;
		if (c->value == NULL)
			labels++;
		if (is_anchor_id(c->label->id))
			k.anchor = true;
		if (c->value != NULL)
			continue;
		/* Project columns beside the indicator ones make a
		 * canonical header that lacks a column, not a form. */
		project += c->label->id < LABEL_LEVEL1;
		k.headers += is_header_id(c->label->id);
		level1 += c->label->id == LABEL_LEVEL1;
		level2 += c->label->id == LABEL_LEVEL2;
		value += c->label->id == LABEL_VALUE;
	}
	k.title = title && nonblank == 1;
	k.header = level1 > 0 && level2 > 0 && value > 0 && project == 0;
	k.project = project > 0;
	k.level1 = level1;
	k.level2 = level2;
	k.value = value;
	k.labels_only = labels > 0 && labels == nonblank;
	return k;
}

/*
 * The columns of the label in cell k of a row of labels: its own and the
 * blank ones after it up to the next non-blank cell, as a merged label's
 * remainder is saved by a workbook or a CSV (年度资金总额 over B:D).
 */
static int
label_extent(const struct form_row *r, size_t k)
{
	size_t j;

	for (j = k + 1; j < r->ncells; j++)
		if (!r->cells[j].merged && !text_blank(r->cells[j].text))
			return r->cells[j].col;
	return row_width(r);
}

/*
 * Whether row a, a row of labels, stands over its values in row b: every
 * non-blank cell of b is no label and lies within the columns of one label
 * of a (label_extent). Then each label's value is the one below it, even
 * where blank cells stand between it and the next label.
 */
static bool
labels_over(const struct form_row *a, const struct form_row *b)
{
	const struct form_cell *l = NULL;
	size_t i, k = 0, next = 0;
	int width = row_width(a), end;
	bool any = false;

	/* Both rows in column order: l is the last non-blank cell of a at or
	 * before b's cell, next the first non-blank one after it. */
	for (i = 0; i < b->ncells; i++) {
		const struct form_cell *v = &b->cells[i];

		if (v->merged || text_blank(v->text))
			continue;
		if (v->label != NULL)
			return false;
		for (; k < a->ncells && a->cells[k].col <= v->col; k++)
			if (!a->cells[k].merged &&
			    !text_blank(a->cells[k].text))
				l = &a->cells[k];
		if (next < k)
			next = k;
		while (next < a->ncells && (a->cells[next].merged ||
		    text_blank(a->cells[next].text)))
			next++;
		end = next < a->ncells ? a->cells[next].col : width;
		if (l == NULL || l->label == NULL || l->value != NULL ||
		    v->col + v->span > end)
			return false;
		any = true;
	}
	return any;
}

/*
 * Whether rows a and b, one under the other, are one indicator header
 * drawn over two rows: b holds header labels and nothing else (指标值 |
 * 度量单位 under a 年度指标 cell, 一级 and 二级 merged down beside them),
 * neither holds a project label, and a is a header or becomes one with b
 * (一级指标 … above, 指标值 below).
 */
static bool
header_pair(const struct row_kind *a, const struct row_kind *b)
{
	if (a->project || b->project || !b->labels_only || b->headers == 0 ||
	    a->headers == 0 || b->header)
		return false;
	return a->header || (!b->header && a->level1 + b->level1 > 0 &&
	    a->level2 + b->level2 > 0 && a->value + b->value > 0);
}

/* What is known of one table: does it start projects of its own? */
struct table_info {
	bool	 anchors;	/* a title, code or name */
	bool	 header;
	bool	 labels;	/* a row holds a label */
	int	 width;
	/* Its non-blank rows' cells: as many in each, or cells = -1. */
	int	 cells;
	/* A row names a level where the header's 一级 or 二级 is by order. */
	bool	 levels;
	/* A continuation matched to the header by the order of its cells. */
	bool	 by_order;
};

/* One field read from a label: the text, where, and how much it weighs. */
struct got {
	char		*text;
	struct loc	 loc;
	int		 rank;		/* 0: not read */
	const struct label *label;
};

#define SUMMED	8	/* distinct fiscal (or other) labels summed */
#define SIDES	8	/* 年度 and 中期 halves of one row */

/* Where a half of a 年度 | 中期 row starts: up to the next one's start. */
struct side {
	int		 from;		/* grid column */
	unsigned	 flag;		/* LABEL_ANNUAL or LABEL_MIDTERM */
};

/* The project being read. */
struct part {
	bool		 open;
	bool		 labels;	/* a project label was read */
	bool		 header;	/* its indicator header was read */
	bool		 started;	/* a table row was read */
	/* Its first table row, as a message names it (table_name). */
	bool		 named;
	int		 name_table;
	struct loc	 name_loc;
	char		*name_text;	/* title or paragraph before it */
	bool		 seen[LABEL_TITLE + 1];
	struct got	 got[PROJECT_FIELDS];
	struct got	 fiscal[SUMMED], other[SUMMED];
	size_t		 nfiscal, nother;
	struct got	 goals;		/* a cell of goal lines */
	int		 col[INDICATOR_FIELDS];
	int		 op_col, unit_col;
	int		 width, needed;
	/* The header's cells' columns in order (by_order). */
	int		*leaf;
	size_t		 nleaf;
	/* The halves of the last row that named a 年度 and a 中期 one. */
	struct side	 side[SIDES];
	size_t		 nsides;
	bool		 annual_first;	/* the 年度 half on the left */
	struct project	 p;
};

/*
 * The recogniser between calls (form.h): only what a project needs from
 * the tables before: the open project, the table the last row belonged to
 * and the paragraphs since that row, which may name the next table.
 */
struct form_reader {
	const char		*path;
	const struct read_sink	*sink;
	const struct form_grid	*g;		/* the rows of this call */
	struct row_kind		*rows;		/* g's rows, derived */
	size_t			 rows_cap;
	struct table_info	 info;		/* the table being read */
	int			 table;		/* of the last table row */
	char			*near;		/* last paragraph since it */
	char			*near_title;	/* last title since it */
	struct part		 cur;
	int			 projects;
	bool			 reported;	/* a PB001 was given */
};

static void
pb001(struct form_reader *rc, struct loc loc, const char *en, const char *zh)
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
table_name(const struct part *pt, bool zh)
{
	if (pt->name_text != NULL) {
		char *t = text_trim(pt->name_text);
		char *s = xasprintf(zh ? "表%d“%s”" : "table %d '%s'",
		    pt->name_table, t);

		free(t);
		return s;
	}
	if (pt->name_table > 0)
		return xasprintf(zh ? "表%d" : "table %d", pt->name_table);
	return xasprintf(zh ? "第 %d 行的表" : "the table at line %d",
	    pt->name_loc.line);
}

/*
 * Notes how the project's first table row, r, is named, before the
 * paragraphs before r are forgotten.
 */
static void
part_name(struct form_reader *rc, const struct form_row *r)
{
	struct part *pt = &rc->cur;

	if (!pt->open || pt->named || r->table == 0)
		return;
	pt->named = true;
	pt->name_table = r->table;
	pt->name_loc = row_loc(r);
	if (rc->near_title != NULL || rc->near != NULL)
		pt->name_text = xstrdup(rc->near_title != NULL ?
		    rc->near_title : rc->near);
}

static void
got_set(struct got *g, char *text, struct loc loc, int rank,
    const struct label *l)
{
	free(g->text);
	g->text = text;
	g->loc = loc;
	g->rank = rank;
	g->label = l;
}

/*
 * The value of the label in cell k of row i: its own (项目编码：571-…), the
 * first non-blank cell to its right before the next label, or, when the
 * label stands right before another label in a row of labels, the cell
 * below it (预算数 | 财政资金 above their numbers). A blank value still
 * has a cell to point at.
 */
static char *
value_of(const struct form_reader *rc, size_t i, size_t k, struct loc *loc)
{
	const struct form_row *r = &rc->g->rows[i];
	const struct form_cell *c = &r->cells[k], *v0;
	size_t j;
	bool have_loc = false, hit_label = false;

	*loc = c->loc;
	if (c->value != NULL)
		return xstrdup(c->value);
	if (rc->rows[i].values_below) {
		const struct form_row *b = &rc->g->rows[i + 1];
		int end = label_extent(r, k);

		for (j = first_at(b, c->col); j < b->ncells &&
		    b->cells[j].col < end; j++) {
			const struct form_cell *v = &b->cells[j];

			if (!v->merged && !text_blank(v->text)) {
				*loc = v->loc;
				return text_trim(v->text);
			}
		}
		if ((v0 = cell_at(b, c->col)) != NULL)
			*loc = v0->loc;
		return xstrdup("");
	}
	for (j = k + 1; j < r->ncells; j++) {
		const struct form_cell *v = &r->cells[j];

		if (v->merged)
			continue;
		if (v->label != NULL) {
			hit_label = true;
			break;
		}
		if (!have_loc) {
			*loc = v->loc;
			have_loc = true;
		}
		if (!text_blank(v->text)) {
			*loc = v->loc;
			return text_trim(v->text);
		}
	}
	/* Blank cells up to the next label are the label's blank value;
	 * blank cells up to the end of a row of labels are filler (a form
	 * saved as CSV), and the value may stand below. */
	if ((!have_loc || !hit_label) && rc->rows[i].labels_only &&
	    i + 1 < rc->g->nrows && rc->g->rows[i + 1].table == r->table &&
	    r->table != 0 && !rc->rows[i + 1].labels_only) {
		const struct form_cell *b = cell_at(&rc->g->rows[i + 1], c->col);

		if (b != NULL && b->label == NULL && (!have_loc ||
		    (!b->merged && !text_blank(b->text)))) {
			*loc = b->loc;
			return b->merged ? xstrdup("") : text_trim(b->text);
		}
	}
	return xstrdup("");
}

static void
part_free(struct part *pt)
{
	size_t i;
	int f;

	for (f = 0; f < PROJECT_FIELDS; f++)
		free(pt->got[f].text);
	for (i = 0; i < pt->nfiscal; i++)
		free(pt->fiscal[i].text);
	for (i = 0; i < pt->nother; i++)
		free(pt->other[i].text);
	free(pt->goals.text);
	free(pt->name_text);
	free(pt->leaf);
	project_free(&pt->p);
	memset(pt, 0, sizeof(*pt));
}

static void
part_open(struct form_reader *rc, size_t i)
{
	struct part *pt = &rc->cur;
	int k;

	memset(pt, 0, sizeof(*pt));
	pt->open = true;
	pt->p.file = rc->path;
	for (k = 0; k < INDICATOR_FIELDS; k++)
		pt->col[k] = -1;
	pt->op_col = pt->unit_col = -1;
	part_name(rc, &rc->g->rows[i]);
}

/* The first table row of a project sets where it is. */
static void
part_start(struct form_reader *rc, size_t i)
{
	struct part *pt = &rc->cur;
	struct loc l = row_loc(&rc->g->rows[i]);
	int f;

	if (pt->started)
		return;
	pt->started = true;
	pt->p.table = rc->g->rows[i].table;
	pt->p.line = l.line;
	for (f = 0; f < FIELD_COUNT; f++)
		pt->p.loc[f] = l;
}

/* A number in a money cell, for sums; false if it is not one. */
static bool
money(const char *text, double *out)
{
	*out = 0;
	if (text_blank(text))
		return true;
	return value_number(text, false, out) == NUMBER_OK;
}

/* A sum as a cell would hold it: no trailing zeros. */
static char *
money_text(double v)
{
	char *s = xasprintf("%.6f", v);
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
	return s;
}

/*
 * A money cell as the form's amount in 万元 (SPEC 2.2): 1,250.00万元,
 * ￥1,250 or 12,500,000元 become 1250; a plain number, a blank or a cell
 * that is no amount stays as written (the rules report the last).
 */
static char *
amount_text(char *text)
{
	double d;

	if (value_number(text, false, &d) != NUMBER_BAD ||
	    value_amount(text, &d) != NUMBER_OK)
		return text;
	free(text);
	return money_text(d);
}

/*
 * The value of several labels of one field (中央补助安排 + 省级财政安排):
 * the text of the one, or the sum of the numbers; NULL if none was read.
 */
static char *
sum_of(const struct got *g, size_t n, struct loc *loc, bool *ok)
{
	double total = 0, v;
	size_t i;

	*ok = true;
	if (n == 0)
		return NULL;
	*loc = g[0].loc;
	if (n == 1)
		return xstrdup(g[0].text);
	for (i = 0; i < n; i++) {
		if (!money(g[i].text, &v)) {
			*ok = false;
			return xstrdup(g[i].text);
		}
		total += v;
	}
	return money_text(total);
}

/* Removes a goal line's number: 目标1：, 1., 1、, (1). */
static const char *
goal_prefix(const char *line)
{
	const char *p = line;

	if (text_starts_with(p, "目标"))
		p += strlen("目标");
	else if (*p == '(' || text_starts_with(p, "（"))
		p += *p == '(' ? 1 : strlen("（");
	if (!isdigit((unsigned char)*p))
		return NULL;
	while (isdigit((unsigned char)*p))
		p++;
	if (text_starts_with(line, "目标")) {
		if (*p == ':')
			return p + 1;
		if (text_starts_with(p, "："))
			return p + strlen("：");
		return NULL;
	}
	if (*line == '(' || text_starts_with(line, "（")) {
		if (*p == ')')
			return p + 1;
		if (text_starts_with(p, "）"))
			return p + strlen("）");
		return NULL;
	}
	if ((*p == '.' && !isdigit((unsigned char)p[1])))
		return p + 1;
	if (text_starts_with(p, "．"))
		return p + strlen("．");
	if (text_starts_with(p, "、"))
		return p + strlen("、");
	return NULL;
}

/*
 * A cell of goal lines: a line numbered 目标N：, N., N、 or (N) starts a
 * goal, its number removed; other lines continue the goal before them.
 * Without numbers the cell is one goal.
 */
static void
add_goal_lines(struct project *p, const char *text, struct loc loc)
{
	struct strbuf cur = {0};
	const char *s = text, *e;
	int n = 0;
	bool any = false;

	while (*s != '\0') {
		char *line, *t;
		const char *rest;

		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		line = xstrndup(s, (size_t)(e - s));
		t = text_trim(line);
		free(line);
		s = *e == '\n' ? e + 1 : e;
		if (t[0] == '\0') {
			free(t);
			continue;
		}
		rest = goal_prefix(t);
		if (rest != NULL || !any) {
			if (any) {
				char *gl = strbuf_take(&cur);

				project_add_goal(p, ++n, gl, loc);
				free(gl);
			}
			any = true;
			if (rest != NULL) {
				char *r = text_trim(rest);

				strbuf_puts(&cur, r);
				free(r);
			} else
				strbuf_puts(&cur, t);
		} else {
			strbuf_putc(&cur, '\n');
			strbuf_puts(&cur, t);
		}
		free(t);
	}
	if (any) {
		char *gl = strbuf_take(&cur);

		project_add_goal(p, ++n, gl, loc);
		free(gl);
	}
	strbuf_free(&cur);
}

/*
 * Which of two labels of one field is read (SPEC 2.2): 二级项目名称 over
 * 项目名称 over 一级项目名称; the 年度 one of a pair over one without a
 * side; 项目资金 only without another budget label. Of equal ranks the
 * later in the form is read, so the annual half to the right of the
 * mid-term half wins.
 */
static int
rank_of(const struct label *l)
{
	if (l->id == LABEL_NAME_SUB || (l->flags & LABEL_ANNUAL))
		return 3;
	if (l->id == LABEL_NAME_TOP || l->id == LABEL_FUNDS)
		return 1;
	return 2;
}

/* A summed field: a label read again replaces its earlier value. */
static void
add_summed(struct got *g, size_t *n, char *text, struct loc loc,
    const struct label *l)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (g[i].label == l) {
			got_set(&g[i], text, loc, 2, l);
			return;
		}
	if (*n == SUMMED) {
		free(text);
		return;
	}
	memset(&g[*n], 0, sizeof(g[*n]));
	got_set(&g[(*n)++], text, loc, 2, l);
}

/*
 * A row naming a 年度 and a 中期 half side by side (年度资金总额 |
 * 中期资金总额, 年度目标 | 中期目标, 年度绩效指标 | 中期绩效指标) says
 * which columns below hold which half, until the next such row: each
 * half from its label's column up to the next half's.
 */
static void
note_sides(struct part *pt, const struct form_row *r)
{
	struct side side[SIDES];
	size_t k, n = 0;
	unsigned seen = 0;
	int first_annual = -1, first_mid = -1;

	for (k = 0; k < r->ncells && n < SIDES; k++) {
		const struct form_cell *c = &r->cells[k];
		unsigned flag;

		if (c->merged || c->label == NULL)
			continue;
		flag = c->label->flags & (LABEL_ANNUAL | LABEL_MIDTERM);
		if (flag == 0)
			continue;
		if (flag == LABEL_ANNUAL && first_annual < 0)
			first_annual = c->col;
		if (flag == LABEL_MIDTERM && first_mid < 0)
			first_mid = c->col;
		seen |= flag;
		side[n].from = c->col;
		side[n++].flag = flag;
	}
	if (seen != (LABEL_ANNUAL | LABEL_MIDTERM))
		return;
	memcpy(pt->side, side, n * sizeof(side[0]));
	pt->nsides = n;
	pt->annual_first = first_annual < first_mid;
}

/* The half grid column col is in: LABEL_ANNUAL, LABEL_MIDTERM or 0. */
static unsigned
side_of(const struct part *pt, int col)
{
	unsigned flag = 0;
	size_t i;

	for (i = 0; i < pt->nsides && pt->side[i].from <= col; i++)
		flag = pt->side[i].flag;
	return flag;
}

/*
 * Of one label (or header) written twice, at grid columns was and then
 * col, whether the second is read: the one in the 年度 half when the last
 * row of halves tells them apart, else the one on the side the 年度 half
 * had there (the right unless a row put it on the left).
 */
static bool
second_half(const struct part *pt, int was, int col)
{
	unsigned a = side_of(pt, was), b = side_of(pt, col);

	if ((a | b) == (LABEL_ANNUAL | LABEL_MIDTERM))
		return b == LABEL_ANNUAL;
	return !pt->annual_first;
}

/* A label cell of a row, sorted so that the same labels come together. */
struct label_at {
	uintptr_t	 label;
	int		 goal;		/* of 目标N */
	size_t		 k;		/* the cell */
};

static int
label_at_cmp(const void *a, const void *b)
{
	const struct label_at *x = a, *y = b;

	if (x->label != y->label)
		return x->label < y->label ? -1 : 1;
	if (x->goal != y->goal)
		return x->goal < y->goal ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/*
 * The cells of r that hold a label written again in the half that is
 * read (其中：财政拨款 in both halves): of each label, every cell but the
 * one second_half() keeps. A new array of r->ncells flags.
 */
static bool *
half_losers(const struct part *pt, const struct form_row *r)
{
	struct label_at *at;
	bool *lose = xcalloc(r->ncells + 1, sizeof(*lose));
	size_t i, j, n = 0, w;

	at = xreallocarray(NULL, r->ncells + 1, sizeof(*at));
	for (i = 0; i < r->ncells; i++) {
		const struct form_cell *c = &r->cells[i];

		if (c->merged || c->label == NULL || c->value != NULL)
			continue;
		at[n].label = (uintptr_t)c->label;
		at[n].goal = c->goal;
		at[n++].k = i;
	}
	qsort(at, n, sizeof(*at), label_at_cmp);
	for (i = 0; i < n; i = j) {
		w = at[i].k;
		for (j = i + 1; j < n && at[j].label == at[i].label &&
		    at[j].goal == at[i].goal; j++) {
			if (second_half(pt, r->cells[w].col,
			    r->cells[at[j].k].col)) {
				lose[w] = true;
				w = at[j].k;
			} else
				lose[at[j].k] = true;
		}
	}
	free(at);
	return lose;
}

/* 预算规模及资金用途: the fund use is on the row after the figures. */
static void
read_block_purpose(struct form_reader *rc, size_t i)
{
	struct part *pt = &rc->cur;
	const struct form_row *u;
	size_t j;

	if (pt->got[FIELD_PURPOSE].rank > 1)
		return;
	if (i + 1 >= rc->g->nrows || rc->rows[i + 1].labels ||
	    rc->g->rows[i + 1].table != rc->g->rows[i].table) {
		got_set(&pt->got[FIELD_PURPOSE], xstrdup(""),
		    pt->got[FIELD_PURPOSE].loc, 1, NULL);
		return;
	}
	u = &rc->g->rows[i + 1];
	for (j = 0; j < u->ncells; j++)
		if (!u->cells[j].merged && !text_blank(u->cells[j].text)) {
			got_set(&pt->got[FIELD_PURPOSE],
			    text_trim(u->cells[j].text), u->cells[j].loc, 1,
			    NULL);
			return;
		}
	got_set(&pt->got[FIELD_PURPOSE], xstrdup(""), row_loc(u), 1, NULL);
}

/* Reads the project labels of row i and their values. */
static void
read_fields(struct form_reader *rc, size_t i)
{
	const struct form_row *r = &rc->g->rows[i];
	struct part *pt = &rc->cur;
	bool *lose;
	size_t k;

	note_sides(pt, r);
	lose = half_losers(pt, r);
	for (k = 0; k < r->ncells; k++) {
		const struct form_cell *c = &r->cells[k];
		const struct label *l = c->label;
		struct loc loc;
		char *v;
		double d;
		enum field f;
		int rank;

		if (c->merged || l == NULL || l->id == LABEL_TITLE)
			continue;
		pt->seen[l->id] = true;
		if (l->id == LABEL_INFO || is_header_id(l->id) ||
		    (l->flags & LABEL_MIDTERM) || lose[k])
			continue;
		pt->labels = true;
		if (l->id == LABEL_PLAN)
			continue;
		if (l->id == LABEL_BUDGET_BLOCK) {
			read_block_purpose(rc, i);
			continue;
		}
		if (l->id == LABEL_CODE)
			pt->p.line = c->loc.line;	/* the project's row */
		v = value_of(rc, i, k, &loc);
		f = label_id_field(l->id);
		if (f == FIELD_BUDGET || f == FIELD_FISCAL || f == FIELD_OTHER)
			v = amount_text(v);
		rank = rank_of(l);
		switch (l->id) {
		case LABEL_GOAL:
			project_add_goal(&pt->p, c->goal, v, loc);
			free(v);
			break;
		case LABEL_GOALS:
			if (rank >= pt->goals.rank)
				got_set(&pt->goals, v, loc, rank, l);
			else
				free(v);
			break;
		case LABEL_FISCAL:
			add_summed(pt->fiscal, &pt->nfiscal, v, loc, l);
			break;
		case LABEL_OTHER:
			add_summed(pt->other, &pt->nother, v, loc, l);
			break;
		case LABEL_FUNDS:
			if (text_blank(v) || !money(v, &d)) {
				free(v);
				break;
			}
			/* FALLTHROUGH */
		default:
			if (f < PROJECT_FIELDS && rank >= pt->got[f].rank)
				got_set(&pt->got[f], v, loc, rank, l);
			else
				free(v);
			break;
		}
	}
	free(lose);
}

/*
 * The header's cells' grid columns in order: the columns where a cell of
 * row a, or of b (its second row, or NULL), starts. Both rows are in
 * column order: one merge.
 */
static void
header_leaves(struct part *pt, const struct form_row *a,
    const struct form_row *b)
{
	size_t i = 0, j = 0, nb = b != NULL ? b->ncells : 0;

	free(pt->leaf);
	pt->leaf = xreallocarray(NULL, a->ncells + nb + 1, sizeof(*pt->leaf));
	pt->nleaf = 0;
	while (i < a->ncells || j < nb) {
		int col;

		if (j == nb || (i < a->ncells &&
		    a->cells[i].col <= b->cells[j].col))
			col = a->cells[i++].col;
		else
			col = b->cells[j++].col;
		if (pt->nleaf == 0 || pt->leaf[pt->nleaf - 1] != col)
			pt->leaf[pt->nleaf++] = col;
	}
}

/*
 * The indicator header, one row or two (header_pair): each column's grid
 * column; of a column written twice, the 年度 half's (second_half). The
 * second row's labels stand under the first row's super-headers and come
 * after them.
 */
static void
read_header(struct form_reader *rc, size_t i)
{
	const struct form_row *r;
	struct part *pt = &rc->cur;
	size_t k, n, last = rc->rows[i].header2 ? i + 1 : i;
	int f, need = 0, width = 0;

	pt->header = true;
	header_leaves(pt, &rc->g->rows[i],
	    last > i ? &rc->g->rows[last] : NULL);
	for (n = i; n <= last; n++) {
		r = &rc->g->rows[n];
		if (row_width(r) > width)
			width = row_width(r);
		for (k = 0; k < r->ncells; k++) {
			const struct form_cell *c = &r->cells[k];
			int *col;

			if (c->merged || c->label == NULL || c->value != NULL ||
			    !is_header_id(c->label->id))
				continue;
			f = label_id_field(c->label->id);
			if (c->label->id == LABEL_OPERATOR)
				col = &pt->op_col;
			else if (c->label->id == LABEL_UNIT)
				col = &pt->unit_col;
			else
				col = &pt->col[IND(f)];
			if (*col < 0 || second_half(pt, *col, c->col)) {
				*col = c->col;
				if (col == &pt->col[IND(f)])
					pt->p.loc[f] = c->loc;
			}
			if (c->col + 1 > need)
				need = c->col + 1;
		}
	}
	r = &rc->g->rows[i];
	for (f = 0; f < INDICATOR_FIELDS; f++)
		if (pt->col[f] < 0)
			pt->p.loc[FIELD_LEVEL1 + f] = row_loc(r);
	pt->width = width;
	pt->needed = need;
}

/*
 * The cell of row r under the header's grid column col: in a continuation
 * drawn on a grid of its own (by_order), the cell in the place the
 * header's cell of that column has among the header's cells.
 */
static const struct form_cell *
cell_under(const struct form_reader *rc, const struct form_row *r, int col)
{
	const struct part *pt = &rc->cur;
	size_t k;

	if (col < 0)
		return NULL;
	if (rc->info.by_order && r->ncells == pt->nleaf) {
		for (k = 0; k < pt->nleaf; k++)
			if (pt->leaf[k] == col)
				return &r->cells[k];
		return NULL;
	}
	return cell_at(r, col);
}

/* The text of row r under the header's column col, trimmed; "" if none. */
static char *
text_under(const struct form_reader *rc, const struct form_row *r, int col,
    struct loc *loc)
{
	const struct form_cell *c = cell_under(rc, r, col);

	*loc = c != NULL ? c->loc : row_loc(r);
	return c == NULL || c->merged ? xstrdup("") : text_trim(c->text);
}

/* Removes a leading 指标N： from a 三级 cell. */
static void
drop_indicator_number(char **text)
{
	const char *p = *text;
	char *rest;

	if (!text_starts_with(p, "指标"))
		return;
	p += strlen("指标");
	if (!isdigit((unsigned char)*p))
		return;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == ':')
		p++;
	else if (text_starts_with(p, "："))
		p += strlen("：");
	else
		return;
	rest = text_trim(p);
	free(*text);
	*text = rest;
}

/*
 * Split value columns joined (SPEC 2.2): the operator before the value
 * (定性, 定量 add nothing), the unit after it, each unless the value has
 * it already.
 */
static char *
join_value(const char *op, const char *value, const char *unit)
{
	char *o = text_label(op);
	char *s;
	bool add_op, add_unit;

	if (text_blank(value)) {
		free(o);
		return xstrdup("");
	}
	add_op = o[0] != '\0' && strcmp(o, "定性") != 0 &&
	    strcmp(o, "定量") != 0 && !text_starts_with(value, op);
	add_unit = !text_blank(unit) && !text_ends_with(value, unit);
	s = xasprintf("%s%s%s", add_op ? op : "", value, add_unit ? unit : "");
	free(o);
	return s;
}

/* Reads row i as an indicator row; a row blank in every column is none. */
static void
read_indicator(struct form_reader *rc, size_t i)
{
	const struct form_row *r = &rc->g->rows[i];
	struct part *pt = &rc->cur;
	struct indicator *in;
	char *text[INDICATOR_FIELDS], *op, *unit;
	struct loc loc[INDICATOR_FIELDS], l;
	int k;
	bool blank = true;

	for (k = 0; k < INDICATOR_FIELDS; k++)
		text[k] = text_under(rc, r, pt->col[k], &loc[k]);
	drop_indicator_number(&text[IND(FIELD_LEVEL3)]);
	op = pt->op_col >= 0 ? text_under(rc, r, pt->op_col, &l) :
	    xstrdup("");
	unit = pt->unit_col >= 0 ? text_under(rc, r, pt->unit_col, &l) :
	    xstrdup("");
	{
		char *v = join_value(op, text[IND(FIELD_VALUE)], unit);

		free(text[IND(FIELD_VALUE)]);
		text[IND(FIELD_VALUE)] = v;
	}
	free(op);
	free(unit);
	for (k = 0; k < INDICATOR_FIELDS; k++)
		blank = blank && text[k][0] == '\0';
	if (blank) {
		for (k = 0; k < INDICATOR_FIELDS; k++)
			free(text[k]);
		return;
	}
	in = project_add_indicator(&pt->p);
	in->line = row_loc(r).line;
	for (k = 0; k < INDICATOR_FIELDS; k++) {
		in->text[k] = text[k];
		in->loc[k] = loc[k];
	}
}

/* A project that was opened but cannot be read: PB001 naming its table. */
static void
report_no_header(struct form_reader *rc)
{
	const struct part *pt = &rc->cur;
	char *en, *zh, *m_en, *m_zh;

	en = table_name(pt, false);
	zh = table_name(pt, true);
	m_en = xasprintf("%s has no indicator header row "
	    "(一级指标 … 指标值确定依据); it is not read", en);
	m_zh = xasprintf("%s缺少指标表头行（一级指标……指标值确定依据），"
	    "未读取", zh);
	pb001(rc, pt->name_loc, m_en, m_zh);
	free(en);
	free(zh);
	free(m_en);
	free(m_zh);
}

/* Moves a read value into the project. */
static void
take(struct project *p, enum field f, struct got *g)
{
	if (g->rank == 0)
		return;
	free(p->text[f]);
	p->text[f] = g->text != NULL ? g->text : xstrdup("");
	g->text = NULL;
	p->loc[f] = g->loc;
}

/*
 * Budget, fiscal and other (SPEC 2.2): several sources summed; a total
 * alone is all fiscal; sources alone add up to the total.
 */
static void
settle_money(struct part *pt)
{
	struct project *p = &pt->p;
	struct loc floc = p->loc[FIELD_FISCAL], oloc = p->loc[FIELD_OTHER];
	char *fiscal, *other;
	bool fok, ook, total = pt->got[FIELD_BUDGET].rank > 0;
	double f, o;

	fiscal = sum_of(pt->fiscal, pt->nfiscal, &floc, &fok);
	other = sum_of(pt->other, pt->nother, &oloc, &ook);
	take(p, FIELD_BUDGET, &pt->got[FIELD_BUDGET]);
	if (total && fiscal == NULL && other == NULL) {
		fiscal = xstrdup(p->text[FIELD_BUDGET]);
		floc = p->loc[FIELD_BUDGET];
	} else if (!total && (fiscal != NULL || other != NULL)) {
		free(p->text[FIELD_BUDGET]);
		if (fok && ook && money(fiscal, &f) && money(other, &o))
			p->text[FIELD_BUDGET] = money_text(f + o);
		else
			p->text[FIELD_BUDGET] = xstrdup("");
		p->loc[FIELD_BUDGET] = fiscal != NULL ? floc : oloc;
	}
	if (fiscal != NULL) {
		free(p->text[FIELD_FISCAL]);
		p->text[FIELD_FISCAL] = fiscal;
		p->loc[FIELD_FISCAL] = floc;
	}
	if (other != NULL) {
		free(p->text[FIELD_OTHER]);
		p->text[FIELD_OTHER] = other;
		p->loc[FIELD_OTHER] = oloc;
	}
}

/* Ends the project being read: delivers it, or reports why not. */
static void
part_close(struct form_reader *rc)
{
	struct part *pt = &rc->cur;
	struct project *p = &pt->p;
	size_t i;
	int f;

	if (!pt->open)
		return;
	if (!pt->header) {
		if (pt->labels)
			report_no_header(rc);
		part_free(pt);
		return;
	}
	for (f = 0; f < PROJECT_FIELDS; f++)
		if (f != FIELD_BUDGET)
			take(p, f, &pt->got[f]);
	settle_money(pt);
	p->absent[FIELD_CODE] = !pt->seen[LABEL_CODE];
	p->absent[FIELD_PURPOSE] = !pt->seen[LABEL_PURPOSE] &&
	    !pt->seen[LABEL_BUDGET_BLOCK];
	if (!pt->seen[LABEL_PLAN] && !pt->seen[LABEL_MAR] &&
	    !pt->seen[LABEL_JUN] && !pt->seen[LABEL_OCT] &&
	    !pt->seen[LABEL_DEC])
		for (f = FIELD_PLAN_MAR; f <= FIELD_PLAN_DEC; f++)
			p->absent[f] = true;
	p->absent[FIELD_DESCRIPTION] = pt->col[IND(FIELD_DESCRIPTION)] < 0;
	p->absent[FIELD_BASIS] = pt->col[IND(FIELD_BASIS)] < 0;
	if (p->ngoals == 0 && pt->goals.rank > 0) {
		add_goal_lines(p, pt->goals.text, pt->goals.loc);
		p->loc[FIELD_GOAL] = pt->goals.loc;
	}
	for (i = 0; i < p->ngoals; i++)
		if (p->goals[i].number == 1)
			p->loc[FIELD_GOAL] = p->goals[i].loc;
	for (f = FIELD_CODE; f < PROJECT_FIELDS; f++)
		if (p->text[f] == NULL)
			p->text[f] = xstrdup("");
	project_finish(p);
	rc->sink->project(rc->sink->ctx, p);
	rc->projects++;
	part_free(pt);
}

/*
 * Whether a table without a title, code, name or header continues the
 * project before it (a form broken across pages): it fits the header's
 * grid columns, or, drawn on a grid of its own (a converter re-grids each
 * table by its own cell edges), it has no label, every row as many cells
 * as the header, matched to them in order, and a level name (产出指标,
 * 数量指标) in the 一级 or 二级 place of a row: indicators, not a
 * signature block.
 */
static bool
continues(struct form_reader *rc)
{
	struct table_info *t = &rc->info;
	const struct part *pt = &rc->cur;

	if (t->anchors || t->header)
		return false;
	if (t->width >= pt->needed && t->width <= pt->width)
		return true;
	t->by_order = !t->labels && t->levels && t->cells > 0 &&
	    (size_t)t->cells == pt->nleaf;
	return t->by_order;
}

/* A code or name label the project being read has already. */
static bool
anchor_again(const struct form_reader *rc, const struct form_row *r)
{
	size_t k;

	for (k = 0; k < r->ncells; k++) {
		const struct form_cell *c = &r->cells[k];

		if (!c->merged && c->label != NULL &&
		    is_anchor_id(c->label->id) && rc->cur.seen[c->label->id])
			return true;
	}
	return false;
}

/* The text of the cell of r in the place of the header's column col. */
static const char *
text_in_place(const struct part *pt, const struct form_row *r, int col)
{
	size_t k;

	for (k = 0; col >= 0 && k < pt->nleaf && k < r->ncells; k++)
		if (pt->leaf[k] == col)
			return r->cells[k].text;
	return "";
}

/*
 * Whether row r, its cells taken in the order of the open project's
 * header's, names a level in the 一级 or 二级 place.
 */
static bool
names_level(const struct form_reader *rc, const struct form_row *r)
{
	const struct part *pt = &rc->cur;

	if (!pt->header || r->ncells != pt->nleaf)
		return false;
	return level1_lookup(text_in_place(pt, r,
	    pt->col[IND(FIELD_LEVEL1)])) != LEVEL1_UNKNOWN ||
	    level2_lookup(text_in_place(pt, r,
	    pt->col[IND(FIELD_LEVEL2)])) != LEVEL2_UNKNOWN;
}

/*
 * What is known of the table whose first row is i: its rows up to the
 * next table (paragraphs between its rows are passed over), all of which
 * come in one call.
 */
static void
table_info_at(struct form_reader *rc, size_t i)
{
	const struct form_grid *g = rc->g;
	struct table_info *t = &rc->info;
	int table = g->rows[i].table;

	memset(t, 0, sizeof(*t));
	for (; i < g->nrows; i++) {
		if (g->rows[i].table == 0)
			continue;
		if (g->rows[i].table != table)
			break;
		t->anchors = t->anchors || rc->rows[i].anchor ||
		    rc->rows[i].title;
		t->header = t->header || rc->rows[i].header;
		t->labels = t->labels || rc->rows[i].labels;
		if (!row_blank(&g->rows[i]))
			t->cells = t->cells == 0 ||
			    t->cells == (int)g->rows[i].ncells ?
			    (int)g->rows[i].ncells : -1;
		t->levels = t->levels || names_level(rc, &g->rows[i]);
		if (row_width(&g->rows[i]) > t->width)
			t->width = row_width(&g->rows[i]);
	}
}

/*
 * Remembers a paragraph that may name the next table (table_name): the
 * last title since the last table row, else the last other paragraph.
 */
static void
note_paragraph(struct form_reader *rc, const struct form_row *r)
{
	const struct form_cell *c = r->ncells > 0 ? &r->cells[0] : NULL;

	if (c == NULL || text_blank(c->text))
		return;
	free(rc->near);
	rc->near = xstrdup(c->text);
	if (c->label != NULL && c->label->id == LABEL_TITLE) {
		free(rc->near_title);
		rc->near_title = xstrdup(c->text);
	}
}

/* Reads row i of the call's rows. */
static void
read_row(struct form_reader *rc, size_t i)
{
	const struct form_row *r = &rc->g->rows[i];
	const struct row_kind *k = &rc->rows[i];

	if (r->table == 0) {
		/* A title starts a project; other prose is passed. */
		if (k->title) {
			part_close(rc);
			part_open(rc, i);
		}
		return;
	}
	part_name(rc, r);
	if (k->header_more)
		return;		/* read with the row above (read_header) */
	if (r->table != rc->table) {
		rc->table = r->table;
		table_info_at(rc, i);
		if (rc->cur.open && rc->cur.header && !continues(rc))
			part_close(rc);
	}
	if (k->title) {
		part_close(rc);
		part_open(rc, i);
		return;
	}
	if (k->header) {
		if (!rc->cur.open || rc->cur.header) {
			part_close(rc);
			part_open(rc, i);
		}
		part_start(rc, i);
		read_header(rc, i);
		return;
	}
	if (k->anchor && (!rc->cur.open || rc->cur.header ||
	    anchor_again(rc, r))) {
		part_close(rc);
		part_open(rc, i);
	}
	if (!rc->cur.open) {
		if (!k->labels)
			return;
		part_open(rc, i);
	}
	if (row_blank(r))
		return;
	part_start(rc, i);
	if (rc->cur.header)
		read_indicator(rc, i);
	else
		read_fields(rc, i);
}

struct form_reader *
form_reader_new(const char *path, const struct read_sink *sink)
{
	struct form_reader *rc = xcalloc(1, sizeof(*rc));

	rc->path = path;
	rc->sink = sink;
	return rc;
}

void
form_reader_table(struct form_reader *rc, const struct form_grid *g)
{
	size_t i;

	if (g->nrows > rc->rows_cap) {
		free(rc->rows);
		rc->rows_cap = g->nrows;
		rc->rows = xcalloc(rc->rows_cap, sizeof(*rc->rows));
	}
	rc->g = g;
	for (i = 0; i < g->nrows; i++)
		rc->rows[i] = classify_row(&g->rows[i]);
	for (i = 0; i + 1 < g->nrows; i++) {
		if (g->rows[i].table == 0 ||
		    g->rows[i + 1].table != g->rows[i].table ||
		    rc->rows[i].header_more ||
		    !header_pair(&rc->rows[i], &rc->rows[i + 1]))
			continue;
		rc->rows[i].header = rc->rows[i].header2 = true;
		rc->rows[i + 1].header_more = true;
		rc->rows[i + 1].header = rc->rows[i + 1].labels = false;
		rc->rows[i + 1].labels_only = false;
	}
	for (i = 0; i + 1 < g->nrows; i++)
		rc->rows[i].values_below = rc->rows[i].labels_only &&
		    g->rows[i].table != 0 &&
		    g->rows[i + 1].table == g->rows[i].table &&
		    !rc->rows[i + 1].labels &&
		    labels_over(&g->rows[i], &g->rows[i + 1]);
	for (i = 0; i < g->nrows; i++) {
		read_row(rc, i);
		if (g->rows[i].table == 0)
			note_paragraph(rc, &g->rows[i]);
		else {
			free(rc->near);
			free(rc->near_title);
			rc->near = rc->near_title = NULL;
		}
	}
	rc->g = NULL;
}

static void
form_reader_free(struct form_reader *rc)
{
	part_free(&rc->cur);
	free(rc->rows);
	free(rc->near);
	free(rc->near_title);
	free(rc);
}

void
form_reader_abort(struct form_reader *rc)
{
	if (rc != NULL)
		form_reader_free(rc);
}

int
form_reader_end(struct form_reader *rc)
{
	int projects;

	part_close(rc);
	if (rc->projects == 0 && !rc->reported) {
		struct loc l = { 1, 1, 0 };

		pb001(rc, l, "no project table was recognised (no title, "
		    "项目编码, 项目名称 or indicator header row)",
		    "未识别出项目绩效目标表（没有标题、“项目编码”、“项目名称”"
		    "或指标表头行）");
	}
	projects = rc->projects;
	form_reader_free(rc);
	return projects;
}

/*
 * The rows of g a table at a time: the paragraphs before a table and its
 * rows, up to the next table's (or the paragraphs after the last table).
 */
int
form_read(const char *path, const struct form_grid *g,
    const struct read_sink *sink)
{
	struct form_reader *rc = form_reader_new(path, sink);
	size_t start = 0, i, end;

	while (start < g->nrows) {
		struct form_grid part;
		int table = 0;

		end = g->nrows;
		for (i = start; i < g->nrows; i++) {
			if (g->rows[i].table == 0)
				continue;
			if (table == 0)
				table = g->rows[i].table;
			else if (g->rows[i].table != table)
				break;
			end = i + 1;
		}
		if (table == 0)
			end = g->nrows;
		part.rows = g->rows + start;
		part.nrows = end - start;
		form_reader_table(rc, &part);
		start = end;
	}
	return form_reader_end(rc);
}
