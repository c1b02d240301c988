/*
 * Tables of rows (SPEC 2.1, 2.2): a row-level reader that maps the canonical
 * header, fills down and builds projects, or gathers a form grid; and the
 * CSV reader that feeds it the records libcsv parses.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "decode.h"
#include "form.h"
#include "labels.h"
#include "model.h"
#include "pb_limits.h"
#include "read.h"
#include "rowpipe.h"
#include "text.h"
#include "util.h"

/* One cell of the record being read. */
struct cell {
	const char *text;	/* trimmed, in the row's buffer */
	size_t	    len;	/* its length */
};

/* What a header column means. */
struct column {
	enum field	 field;		/* FIELD_COUNT: ignored */
	int		 goal;		/* N for FIELD_GOAL */
};

struct table_reader {
	const char		*path;
	const struct read_sink	*sink;
	int			 table;		/* loc.table of every location */
	int			 flags;		/* TABLE_QUIET_… */
	/* The row being read, trimmed. */
	struct cell		*cells;
	size_t			 ncells, capcells;
	struct strbuf		 rowbuf;	/* cells that needed trimming */
	size_t			*rowoff;	/* each one's offset in it */
	int			 record_line;
	/* The header. */
	bool			 have_header;
	bool			 stop;		/* PB001/PB002: read no further */
	bool			 broken;	/* the rows stopped short */
	struct column		*cols;
	size_t			 ncols;
	int			 fieldcol[FIELD_COUNT]; /* 1-based, 0 absent */
	int			*goalcol;	/* by goal number, 0 absent */
	int			 maxgoal;
	int			 header_line;
	int			 rows;		/* non-blank rows after it */
	/* Rows before a header, a form's grid if no header comes. */
	struct form_grid	 grid;
	int			 grid_table;
	bool			 labels;	/* a form label was seen */
	/* The project being read. */
	struct project		*cur;
	int			 cur_rows;	/* its rows so far */
	struct strset		 seen;		/* codes of this table */
	bool			 too_wide;	/* PB_MAX_COLUMNS reported */
};

static void
diag(struct table_reader *r, enum rule_id rule, int line, int col, enum field f,
    int goal, const char *value, const char *a, const char *a_zh,
    bool in_project)
{
	struct read_diag d;

	memset(&d, 0, sizeof(d));
	d.rule = rule;
	d.loc.line = line;
	d.loc.col = col;
	d.loc.table = r->table;
	d.field = f;
	d.goal = goal;
	d.project = r->cur != NULL && in_project ? r->cur->text[FIELD_CODE] :
	    NULL;
	d.value = value;
	d.a = a;
	d.a_zh = a_zh;
	d.in_project = in_project;
	r->sink->diag(r->sink->ctx, &d);
}

/* Column names a row needs to be the header (SPEC 2.1). */
#define HEADER_NAMES	5

/* Parses "目标N" or "goalN"; returns N or 0. */
static int
goal_number(const char *h)
{
	const char *p = NULL;
	long n;
	char *end;

	if (text_starts_with(h, "目标"))
		p = h + strlen("目标");
	else if (strncasecmp(h, "goal", 4) == 0)
		p = h + 4;
	if (p == NULL || !isdigit((unsigned char)*p))
		return 0;
	n = strtol(p, &end, 10);
	if (*end != '\0' || n < 1 || n > 1000)
		return 0;
	return (int)n;
}

/*
 * Removes a trailing bracketed part, the unit Excel users add to a header
 * (预算数（万元）, 财政资金(万元), 预算数[万元]); full-width brackets are
 * ASCII already. A name that is all brackets is kept.
 */
static void
strip_unit(char *h)
{
	static const struct {
		const char	*open, *close;
	} brackets[] = { { "(", ")" }, { "[", "]" }, { "【", "】" } };
	size_t i, n = strlen(h), cl;
	char *open, *p;

	for (i = 0; i < sizeof(brackets) / sizeof(brackets[0]); i++) {
		cl = strlen(brackets[i].close);
		if (n < cl || strcmp(h + n - cl, brackets[i].close) != 0)
			continue;
		/* The last opening bracket: 预算数(万元) of 预算(数)(万元). */
		open = NULL;
		for (p = h; (p = strstr(p, brackets[i].open)) != NULL;
		    p++)
			open = p;
		if (open != NULL && open > h)
			*open = '\0';
		return;
	}
}

static struct column
header_lookup(const char *text)
{
	struct column c = { FIELD_COUNT, 0 };
	char *h = text_squeeze(text);
	size_t i;
	int n;

	strip_unit(h);
	/* The canonical names of the one label table (labels.c). */
	for (i = 0; i < FIELD_COUNT; i++)
		if (i != FIELD_GOAL && (strcmp(h, label_field(i)->zh) == 0 ||
		    strcasecmp(h, label_field(i)->en) == 0)) {
			c.field = (enum field)i;
			break;
		}
	if (c.field == FIELD_COUNT && (n = goal_number(h)) > 0) {
		c.field = FIELD_GOAL;
		c.goal = n;
	}
	free(h);
	return c;
}

/* True if one of the row's cells is a form label or title (SPEC 2.2). */
static bool
form_labels(const struct table_reader *r)
{
	size_t i;

	for (i = 0; i < r->ncells; i++)
		if (form_classify(r->cells[i].text) != FORM_TEXT_OTHER)
			return true;
	return false;
}

/* In a form-layout CSV, each record is a row of the grid; a record that
 * holds a title alone is a paragraph between tables. */
static void
form_record(struct table_reader *r)
{
	struct form_row *row;
	size_t i, nonblank = 0;
	bool title;

	for (i = 0; i < r->ncells; i++)
		nonblank += r->cells[i].text[0] != '\0';
	title = nonblank == 1 && form_classify(r->cells[0].text) ==
	    FORM_TEXT_TITLE;
	if (title) {
		struct loc loc = { r->record_line, 1, r->table };

		if (r->grid.nrows > 0 &&
		    r->grid.rows[r->grid.nrows - 1].table != 0)
			r->grid_table++;
		form_add_cell(form_add_row(&r->grid, 0, r->record_line),
		    r->cells[0].text, 0, 1, false, loc);
		return;
	}
	row = form_add_row(&r->grid, r->grid_table, r->record_line);
	for (i = 0; i < r->ncells; i++) {
		struct loc loc = { r->record_line, (int)i + 1,
		    r->table };

		form_add_cell(row, r->cells[i].text, (int)i, 1, false, loc);
	}
}

/*
 * Looks the row's cells up as column names. True, with the columns kept in
 * r->cols, when the row is the header of SPEC 2.1: at least five names, one
 * of them 项目编码 (a form's indicator header row has none).
 */
static bool
find_header(struct table_reader *r)
{
	struct column *c = xcalloc(r->ncells, sizeof(*c));
	size_t i;
	int names = 0;
	bool code = false;

	for (i = 0; i < r->ncells; i++) {
		c[i].field = FIELD_COUNT;
		c[i].goal = 0;
		if (!text_blank(r->cells[i].text))
			c[i] = header_lookup(r->cells[i].text);
		names += c[i].field != FIELD_COUNT;
		code = code || c[i].field == FIELD_CODE;
	}
	if (names < HEADER_NAMES || !code) {
		free(c);
		return false;
	}
	r->cols = c;
	r->ncols = r->ncells;
	return true;
}

/* The header row: its columns' slots, PB003 and PB002. */
static void
read_header(struct table_reader *r)
{
	struct column *c = r->cols;
	size_t i;
	int k, *slot;

	r->have_header = true;
	r->header_line = r->record_line;
	for (i = 0; i < r->ncells; i++) {
		int col = (int)i + 1;

		if (c[i].field == FIELD_COUNT) {
			if (!text_blank(r->cells[i].text))
				diag(r, RULE_PB003, r->header_line, col,
				    FIELD_COUNT, 0, r->cells[i].text, NULL,
				    NULL, false);
			continue;
		}
		/* The column's slot: 目标N by its number, others by field. */
		if (c[i].field == FIELD_GOAL && c[i].goal > r->maxgoal) {
			r->goalcol = xreallocarray(r->goalcol,
			    (size_t)c[i].goal + 1, sizeof(*r->goalcol));
			for (k = r->maxgoal + 1; k <= c[i].goal; k++)
				r->goalcol[k] = 0;
			r->maxgoal = c[i].goal;
		}
		slot = c[i].field == FIELD_GOAL ? &r->goalcol[c[i].goal] :
		    &r->fieldcol[c[i].field];
		if (*slot != 0) {
			diag(r, RULE_PB003, r->header_line, col, FIELD_COUNT, 0,
			    r->cells[i].text, " (a duplicate column)",
			    "（重复的列）", false);
			c[i].field = FIELD_COUNT;
			continue;
		}
		*slot = col;
	}
	for (i = 0; i < FIELD_COUNT; i++)
		if (label_field(i)->required && r->fieldcol[i] == 0) {
			diag(r, RULE_PB002, r->header_line, 1, (enum field)i, 0,
			    label_field(i)->zh, NULL, NULL, false);
			r->stop = true;
		}
	if (r->maxgoal < 1 || r->goalcol[1] == 0) {
		diag(r, RULE_PB002, r->header_line, 1, FIELD_GOAL, 1,
		    "目标1", NULL, NULL, false);
		r->stop = true;
	}
}

/* The trimmed text of a field's cell in the current record ("" if none). */
static const char *
cell_of(const struct table_reader *r, int col)
{
	if (col < 1 || (size_t)col > r->ncells)
		return "";
	return r->cells[col - 1].text;
}

/* Its length. */
static size_t
len_of(const struct table_reader *r, int col)
{
	if (col < 1 || (size_t)col > r->ncells)
		return 0;
	return r->cells[col - 1].len;
}

static struct loc
loc_of(const struct table_reader *r, int col)
{
	struct loc l = { r->record_line, col > 0 ? col : 1, r->table };

	return l;
}

static void
deliver(struct table_reader *r)
{
	if (r->cur == NULL)
		return;
	project_finish(r->cur);
	r->sink->project(r->sink->ctx, r->cur);
	project_free(r->cur);
	free(r->cur);
	r->cur = NULL;
}

static void
start_project(struct table_reader *r, const char *code)
{
	size_t all = 0;
	char *w;
	int f, n;

	r->cur = xcalloc(1, sizeof(*r->cur));
	r->cur_rows = 1;
	r->cur->file = r->path;
	r->cur->line = r->record_line;
	/* The project's texts in one allocation (model.h, text_shared). */
	for (f = 0; f < PROJECT_FIELDS; f++)
		all += (f == FIELD_CODE ? strlen(code) :
		    len_of(r, r->fieldcol[f])) + 1;
	w = r->cur->text_block = xmalloc(all);
	for (f = 0; f < PROJECT_FIELDS; f++) {
		const char *t = f == FIELD_CODE ? code :
		    cell_of(r, r->fieldcol[f]);
		size_t len = f == FIELD_CODE ? strlen(code) :
		    len_of(r, r->fieldcol[f]);

		memcpy(w, t, len);
		w[len] = '\0';
		r->cur->text[f] = w;
		r->cur->text_shared |= 1u << f;
		w += len + 1;
		r->cur->loc[f] = loc_of(r, r->fieldcol[f]);
	}
	for (f = FIELD_LEVEL1; f < FIELD_COUNT; f++)
		r->cur->loc[f] = loc_of(r, r->fieldcol[f]);
	r->cur->loc[FIELD_GOAL] = loc_of(r, r->maxgoal >= 1 ?
	    r->goalcol[1] : 0);
	for (n = 1; n <= r->maxgoal; n++)
		if (r->goalcol[n] != 0)
			project_add_goal(r->cur, n, cell_of(r, r->goalcol[n]),
			    loc_of(r, r->goalcol[n]));
}

/* A later row of the project: project columns blank or the same (PB006). */
static void
compare_project_row(struct table_reader *r)
{
	const char *t;
	size_t i;
	int f;

	for (f = FIELD_NAME; f < PROJECT_FIELDS; f++) {
		t = cell_of(r, r->fieldcol[f]);
		if (*t != '\0' && !text_label_equal(t, r->cur->text[f]))
			diag(r, RULE_PB006, r->record_line, r->fieldcol[f],
			    (enum field)f, 0, t, r->cur->text[f], NULL, true);
	}
	for (i = 0; i < r->cur->ngoals; i++) {
		struct goal *g = &r->cur->goals[i];

		t = cell_of(r, r->goalcol[g->number]);
		if (*t != '\0' && !text_label_equal(t, g->text))
			diag(r, RULE_PB006, r->record_line,
			    r->goalcol[g->number], FIELD_GOAL, g->number, t,
			    g->text, NULL, true);
	}
}

static void
read_indicator(struct table_reader *r)
{
	struct indicator *in;
	size_t all = 0, len;
	char *w;
	int f;

	for (f = FIELD_LEVEL1; f <= FIELD_BASIS; f++)
		if (*cell_of(r, r->fieldcol[f]) != '\0')
			break;
	if (f > FIELD_BASIS)
		return;		/* project columns alone */
	/* Blank 一级/二级 cells are filled down by project_finish(). The
	 * row's texts share one allocation (model.h, in->shared). */
	in = project_add_indicator(r->cur);
	in->line = r->record_line;
	for (f = FIELD_LEVEL1; f <= FIELD_BASIS; f++)
		all += len_of(r, r->fieldcol[f]) + 1;
	w = in->block = xmalloc(all);
	for (f = FIELD_LEVEL1; f <= FIELD_BASIS; f++) {
		len = len_of(r, r->fieldcol[f]);
		memcpy(w, cell_of(r, r->fieldcol[f]), len);
		w[len] = '\0';
		in->text[IND(f)] = w;
		in->shared |= 1u << IND(f);
		in->loc[IND(f)] = loc_of(r, r->fieldcol[f]);
		w += len + 1;
	}
}

static void
read_row(struct table_reader *r)
{
	const char *code = cell_of(r, r->fieldcol[FIELD_CODE]);
	int found;

	if (*code != '\0' && (r->cur == NULL ||
	    strcmp(code, r->cur->text[FIELD_CODE]) != 0)) {
		deliver(r);
		strset_get(&r->seen, code, &found);
		start_project(r, code);
		if (found) {
			r->cur->reappeared = true;
			diag(r, RULE_PB004, r->record_line,
			    r->fieldcol[FIELD_CODE], FIELD_CODE, 0, code, NULL,
			    NULL, true);
		} else
			strset_add(&r->seen, code, NULL);
	} else if (r->cur == NULL)
		start_project(r, "");
	else if (++r->cur_rows > PB_MAX_ROWS_PER_PROJECT) {
		char en[200], zh[200];

		/* Bounded memory: the rest of the project is not read. */
		if (r->cur_rows > PB_MAX_ROWS_PER_PROJECT + 1)
			return;
		snprintf(en, sizeof(en), "the project has more than %d rows, "
		    "the limit (PB_MAX_ROWS_PER_PROJECT); its rows from line "
		    "%d on are not read", PB_MAX_ROWS_PER_PROJECT,
		    r->record_line);
		snprintf(zh, sizeof(zh), "项目的行数超过 %d 行上限"
		    "（PB_MAX_ROWS_PER_PROJECT），自第 %d 行起的行未读取",
		    PB_MAX_ROWS_PER_PROJECT, r->record_line);
		diag(r, RULE_PB001, r->record_line, 1, FIELD_COUNT, 0, NULL,
		    en, zh, true);
		return;
	} else
		compare_project_row(r);
	read_indicator(r);
}

/*
 * The length of a cell of n bytes cut to PB_MAX_CELL_BYTES between UTF-8
 * characters, with a PB001 at the cell, so that one huge cell costs no
 * more than the limit in everything after.
 */
static size_t
cell_cut(struct table_reader *r, const char *s, size_t n, int line,
    size_t col)
{
	char en[200], zh[200];

	snprintf(en, sizeof(en), "the cell is %zu bytes, over the limit of %d "
	    "(PB_MAX_CELL_BYTES); only its first %d bytes are read", n,
	    PB_MAX_CELL_BYTES, PB_MAX_CELL_BYTES);
	snprintf(zh, sizeof(zh), "单元格有 %zu 字节，超过上限 %d 字节"
	    "（PB_MAX_CELL_BYTES），只读取前 %d 字节", n, PB_MAX_CELL_BYTES,
	    PB_MAX_CELL_BYTES);
	diag(r, RULE_PB001, line, (int)col, FIELD_COUNT, 0, NULL, en, zh,
	    false);
	n = PB_MAX_CELL_BYTES;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

struct table_reader *
table_reader_new(const char *path, int table, int flags,
    const struct read_sink *sink)
{
	struct table_reader *r = xcalloc(1, sizeof(*r));

	r->path = path;
	r->table = table;
	r->flags = flags;
	r->sink = sink;
	r->grid_table = 1;
	return r;
}

void
table_reader_row(struct table_reader *r, const char *const *cells, size_t n,
    int line)
{
	size_t *len = xreallocarray(NULL, n, sizeof(*len)), i;

	for (i = 0; i < n; i++)
		len[i] = cells[i] != NULL ? strlen(cells[i]) : 0;
	table_reader_row_n(r, cells, len, n, line);
	free(len);
}

static void	row_in(struct table_reader *, const char *const *,
		    const size_t *, size_t, int, bool);

void
table_reader_row_n(struct table_reader *r, const char *const *cells,
    const size_t *lens, size_t n, int line)
{
	row_in(r, cells, lens, n, line, false);
}

void
table_reader_row_trimmed(struct table_reader *r, const char *const *cells,
    const size_t *lens, size_t n, int line)
{
	row_in(r, cells, lens, n, line, true);
}

static void
row_in(struct table_reader *r, const char *const *cells, const size_t *lens,
    size_t n, int line, bool trimmed)
{
	size_t i;
	bool blank = true;

	if (r->stop)
		return;
	if (n > PB_MAX_COLUMNS) {
		char en[200], zh[200];

		if (!r->too_wide) {
			snprintf(en, sizeof(en), "the row has %zu cells, over "
			    "the limit of %d columns (PB_MAX_COLUMNS); the "
			    "cells after column %d are not read", n,
			    PB_MAX_COLUMNS, PB_MAX_COLUMNS);
			snprintf(zh, sizeof(zh), "该行有 %zu 个单元格，超过 %d "
			    "列上限（PB_MAX_COLUMNS），第 %d 列之后的单元格"
			    "未读取", n, PB_MAX_COLUMNS, PB_MAX_COLUMNS);
			diag(r, RULE_PB001, line, PB_MAX_COLUMNS + 1,
			    FIELD_COUNT, 0, NULL, en, zh, false);
			r->too_wide = true;
		}
		n = PB_MAX_COLUMNS;
	}
	if (n > r->capcells) {
		r->capcells = n > 32 ? n : 32;
		r->cells = xreallocarray(r->cells, r->capcells,
		    sizeof(*r->cells));
		r->rowoff = xreallocarray(r->rowoff, r->capcells,
		    sizeof(*r->rowoff));
	}
	r->record_line = line;
	/* A cell with white space at an end is trimmed into one buffer for
	 * the row; the others (most) are used where they are. */
	r->rowbuf.len = 0;
	for (i = 0; i < n; i++) {
		const char *c = cells[i] != NULL ? cells[i] : "";
		size_t all = cells[i] != NULL ? lens[i] : 0, start, len;
		bool cut = all > PB_MAX_CELL_BYTES;

		if (cut)
			all = cell_cut(r, c, all, line, i + 1);
		if (trimmed && !cut) {
			start = 0;
			len = all;
		} else
			len = text_trim_span(c, all, &start);
		blank = blank && len == 0;
		r->cells[i].text = c;
		r->cells[i].len = len;
		r->rowoff[i] = SIZE_MAX;
		if (len == all && !cut)
			continue;
		r->rowoff[i] = r->rowbuf.len;
		strbuf_add(&r->rowbuf, c + start, len);
		strbuf_putc(&r->rowbuf, '\0');
	}
	/* The buffer has stopped moving. */
	for (r->ncells = 0; r->ncells < n; r->ncells++)
		if (r->rowoff[r->ncells] != SIZE_MAX)
			r->cells[r->ncells].text = r->rowbuf.data +
			    r->rowoff[r->ncells];
	if (blank)
		;
	else if (r->have_header) {
		r->rows++;
		read_row(r);
	} else if (find_header(r)) {
		/* The rows above were titles (a form has no header). */
		form_grid_free(&r->grid);
		r->labels = false;
		read_header(r);
	} else {
		r->labels = r->labels || form_labels(r);
		form_record(r);
	}
	r->ncells = 0;
}

size_t
table_reader_width(const struct table_reader *r)
{
	return r->have_header ? r->ncols : 0;
}

bool
table_reader_done(const struct table_reader *r)
{
	return r->stop;
}

void
table_reader_broken(struct table_reader *r, const char *const *cells,
    size_t n)
{
	char *code;
	int col = r->fieldcol[FIELD_CODE];

	r->broken = true;
	if (r->cur == NULL)
		return;
	/* The open project is complete only if the broken record starts
	 * another one; else its rows stop at the error, and checking half a
	 * project would report what is there, after the break, as missing. */
	code = col >= 1 && (size_t)col <= n ? text_trim(cells[col - 1]) :
	    xstrdup("");
	if (*code != '\0' && strcmp(code, r->cur->text[FIELD_CODE]) != 0)
		deliver(r);
	else {
		project_free(r->cur);
		free(r->cur);
		r->cur = NULL;
	}
	free(code);
}

/* Ends a table without a header: a form, or PB001 saying what was sought. */
static enum table_kind
end_headless(struct table_reader *r)
{
	const struct form_row *first;

	if (r->grid.nrows == 0)
		return TABLE_EMPTY;
	if (r->labels) {
		form_read(r->path, &r->grid, r->sink);
		return TABLE_FORM;
	}
	first = &r->grid.rows[0];
	if (!r->broken && !(r->flags & TABLE_QUIET_NEITHER))
		diag(r, RULE_PB001, first->line, 1, FIELD_COUNT, 0,
		    first->ncells > 0 ? first->cells[0].text : NULL,
		    "no header row found: looked for a row with at least five "
		    "column names (项目编码/code, 项目名称/name, 预算数/budget, "
		    "…), one of them 项目编码 (code), and found no form label "
		    "either",
		    "未找到表头行：表头行应至少有五个列名（项目编码/code、"
		    "项目名称/name、预算数/budget……），其中之一为“项目编码”"
		    "（code）；也没有表格标签", false);
	return TABLE_NEITHER;
}

enum table_kind
table_reader_end(struct table_reader *r)
{
	enum table_kind kind = TABLE_CANONICAL;

	if (!r->have_header)
		kind = end_headless(r);
	else if (r->rows == 0 && !r->stop && !r->broken)
		diag(r, RULE_PB009, r->header_line, 1, FIELD_COUNT, 0, NULL,
		    NULL, NULL, false);
	if (kind == TABLE_EMPTY && !r->broken &&
	    !(r->flags & TABLE_QUIET_NEITHER))
		diag(r, RULE_PB001, 1, 1, FIELD_COUNT, 0, NULL,
		    "the file holds no rows", "文件中没有任何行", false);
	deliver(r);
	form_grid_free(&r->grid);
	free(r->cells);
	free(r->rowoff);
	strbuf_free(&r->rowbuf);
	free(r->cols);
	free(r->goalcol);
	strset_free(&r->seen);
	free(r);
	return kind;
}

/* Where a quote-aware scan of CSV text stands. */
enum csv_scan {
	SCAN_FIELD_START,	/* at a field's start (spaces may come first) */
	SCAN_UNQUOTED,
	SCAN_QUOTED,
	SCAN_QUOTE_SEEN		/* a quote inside a quoted field */
};

/*
 * A quote-aware scan of CSV text, as libcsv splits it, for the positions
 * of invalid bytes where libcsv does not read (SPEC 2.3: the line where
 * the record starts, the field's number).
 */
struct scan {
	enum csv_scan	 st;
	int		 line;
	int		 field;
	int		 record_line;
	bool		 fresh;		/* no character of the record read yet */
	bool		 prev_cr;
};

/* One byte; returns true at a line break (a CRLF counts once). */
static bool
scan_byte(struct scan *sc, unsigned char ch)
{
	if ((ch & 0xC0) == 0x80)
		return false;	/* inside a character already counted */
	if (ch == '\n' && sc->prev_cr) {
		sc->prev_cr = false;
		return false;
	}
	sc->prev_cr = ch == '\r';
	if (ch == '\n' || ch == '\r') {
		sc->line++;
		if (sc->st != SCAN_QUOTED) {
			sc->st = SCAN_FIELD_START;
			sc->field = 1;
			sc->fresh = true;
		}
		return true;
	}
	if (sc->fresh && ch != ' ' && ch != '\t') {
		sc->record_line = sc->line;
		sc->fresh = false;
	}
	switch (sc->st) {
	case SCAN_FIELD_START:
		if (ch == '"')
			sc->st = SCAN_QUOTED;
		else if (ch == ',')
			sc->field++;
		else if (ch != ' ' && ch != '\t')
			sc->st = SCAN_UNQUOTED;
		break;
	case SCAN_UNQUOTED:
		if (ch == ',') {
			sc->field++;
			sc->st = SCAN_FIELD_START;
		}
		break;
	case SCAN_QUOTED:
		if (ch == '"')
			sc->st = SCAN_QUOTE_SEEN;
		break;
	case SCAN_QUOTE_SEEN:
		if (ch == '"')
			sc->st = SCAN_QUOTED;
		else if (ch == ',') {
			sc->field++;
			sc->st = SCAN_FIELD_START;
		} else
			sc->st = SCAN_UNQUOTED;
		break;
	}
	return false;
}

void
read_csv_bad_positions(const char *text, size_t len, struct bad_bytes *bad,
    size_t nbad)
{
	struct scan sc = { SCAN_FIELD_START, 1, 1, 1, true, false };
	size_t i = 0, k = 0;
	int col = 1;
	unsigned char ch;

	/* One pass, as libcsv splits the text: the bad list is in text
	 * order, so each entry is met where its line and column are. */
	while (k < nbad) {
		if (bad[k].line < sc.line || (bad[k].line == sc.line &&
		    bad[k].col <= col)) {
			bad[k].line = sc.fresh ? sc.line : sc.record_line;
			bad[k].col = sc.field;
			k++;
			continue;
		}
		if (i >= len)
			break;
		ch = (unsigned char)text[i++];
		if (scan_byte(&sc, ch))
			col = 1;
		else if ((ch & 0xC0) != 0x80 && !(ch == '\n'))
			col++;
	}
}

/*
 * The CSV side: decoded text as it comes, split at line ends (a record
 * starts on the line where libcsv opens it), fed to libcsv; its records
 * to a table reader.
 */
struct csv_reader {
	struct table_reader	*t;
	const struct read_sink	*sink;
	struct csv_parser	 p;
	bool			 parser;	/* p is initialised */
	int			 line;		/* line being fed to libcsv */
	int			 begin_line;	/* where the open record began */
	bool			 between;	/* no record is open */
	bool			 prev_cr;	/* the text so far ends in CR */
	bool			 nul;		/* a NUL byte came in the text */
	/* The record being assembled: its fields in one buffer. */
	struct strbuf		 rec;
	size_t			*off;		/* each kept field's offset */
	size_t			*len;		/* and length */
	const char		**cells;
	size_t			 nkept, capkept;
	size_t			 nfields;	/* every field, kept or not */
	size_t			 width;		/* the header's, 0 before it */
	bool			 extra;		/* a field past it is kept */
	int			 record_line;
	/* libcsv stopped: a syntax error, or the table reader is done. */
	bool			 stopped;
	int			 err;
	bool			 unclosed;
	struct scan		 sc;		/* after the stop */
	/* Invalid bytes, at CSV positions. */
	struct decoded		 bad;
	int			 last_bad;
	/* Once the header is read, records may go to a thread that reads
	 * and checks them (rowpipe.h) while libcsv parses the next. */
	bool			 threaded;
	struct row_pipe		*pipe;
};

/* libcsv grows a field's buffer by its block size: a big block makes a
 * long cell cost few reallocations. */
#define CSV_BLOCK	65536
/* A record buffer that long cells made big is let go. */
#define REC_KEEP	(1 << 20)
/* What is kept of a cell: the limit and a character past it. */
#define CELL_KEEP	(PB_MAX_CELL_BYTES + 4)

static void
on_field(void *s, size_t len, void *ctx)
{
	struct csv_reader *r = ctx;
	size_t off = r->rec.len, keep, start, clen;
	const char *nul;

	if (r->nfields++ == 0)
		r->record_line = r->begin_line;
	/* The cell is a C string: a NUL byte in it (never in decoded text;
	 * read_csv() may be given one) ends it. */
	clen = len;
	if (r->nul && len > 0 && (nul = memchr(s, '\0', len)) != NULL)
		clen = (size_t)(nul - (const char *)s);
	/* Cells past the header's width are not read: one non-blank one
	 * stands for them all (the row is then not blank). */
	if (r->width > 0 && r->nkept >= r->width) {
		if (r->extra || clen == 0 ||
		    text_trim_span(s, clen, &start) == 0)
			return;
		r->extra = true;
	}
	/*
	 * A cell over the limit is read only up to it (the table reader
	 * cuts it there, between characters: CELL_KEEP bytes are enough to
	 * see where), its length kept whole for the PB001 that says so:
	 * a huge cell is held once, in libcsv's buffer, not here and in
	 * every batch after.
	 */
	keep = len > CELL_KEEP ? CELL_KEEP : len;
	/* The field and its NUL, and a NUL after them (the buffer is a
	 * string, strbuf.h); most fit where they go. */
	if (r->rec.len + keep + 2 > r->rec.cap)
		strbuf_reserve(&r->rec, keep + 1);
	if (keep > 0)
		memcpy(r->rec.data + off, s, keep);
	r->rec.data[off + keep] = '\0';
	r->rec.data[off + keep + 1] = '\0';
	r->rec.len = off + keep + 1;
	if (r->nkept == r->capkept) {
		r->capkept = r->capkept ? r->capkept * 2 : 32;
		r->off = xreallocarray(r->off, r->capkept, sizeof(*r->off));
		r->len = xreallocarray(r->len, r->capkept, sizeof(*r->len));
		r->cells = xreallocarray(r->cells, r->capkept,
		    sizeof(*r->cells));
	}
	r->len[r->nkept] = clen;
	r->off[r->nkept++] = off;
}

/* The kept fields as strings (the buffer moves as it grows). */
static const char *const *
fields(struct csv_reader *r)
{
	size_t i;

	for (i = 0; i < r->nkept; i++)
		r->cells[i] = r->rec.data + r->off[i];
	return r->cells;
}

static void
clear_fields(struct csv_reader *r)
{
	if (r->rec.cap > REC_KEEP)
		strbuf_free(&r->rec);
	r->rec.len = 0;
	r->nkept = r->nfields = 0;
	r->extra = false;
}

/*
 * Trims the kept fields where they are (SPEC 2.1), a NUL after each, for
 * the thread that reads them (table_reader_row_trimmed()): that work is
 * then done by the thread that parses. A field over PB_MAX_CELL_BYTES is
 * left whole: its PB001 gives its length as read.
 */

static void
trim_fields(struct csv_reader *r)
{
	size_t i, start, len;

	for (i = 0; i < r->nkept; i++) {
		if (r->len[i] == 0 || r->len[i] > PB_MAX_CELL_BYTES)
			continue;
		len = text_trim_span(r->rec.data + r->off[i], r->len[i],
		    &start);
		if (len == r->len[i])
			continue;
		r->off[i] += start;
		r->len[i] = len;
		r->rec.data[r->off[i] + len] = '\0';
	}
}

static void
on_record(int term, void *ctx)
{
	struct csv_reader *r = ctx;

	(void)term;
	if (r->pipe != NULL) {
		trim_fields(r);
		row_pipe_row(r->pipe, r->rec.data, r->rec.len, r->off, r->len,
		    r->nkept, r->record_line);
	} else {
		table_reader_row_n(r->t, fields(r), r->len, r->nkept,
		    r->record_line);
		r->width = table_reader_width(r->t);
		/* The header is read and taken: the rest is rows, which the
		 * thread may take (the table reader stops at no later row). */
		if (r->threaded && r->width > 0 && !table_reader_done(r->t) &&
		    (r->pipe = row_pipe_start(r->t)) == NULL)
			r->threaded = false;
	}
	clear_fields(r);
	r->between = true;
}

/* True if s holds only spaces and tabs: libcsv opens no record there. */
static bool
blank_text(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == n || s[i] == '\n' || s[i] == '\r';
}

/* Length of the line starting at s with its terminator (LF, CRLF, CR),
 * or n when s ends first. */
static size_t
line_length(const char *s, size_t n)
{
	const char *lf = memchr(s, '\n', n), *cr;
	size_t end = lf != NULL ? (size_t)(lf - s) : n;

	if ((cr = memchr(s, '\r', end)) != NULL) {
		end = (size_t)(cr - s);
		return end + 1 < n && s[end + 1] == '\n' ? end + 2 : end + 1;
	}
	return lf != NULL ? end + 1 : n;
}

/* PB001 for a CSV syntax error; the file's, not a project's. */
static void
syntax_error(const struct read_sink *sink, int line, int col, const char *en,
    const char *zh)
{
	struct read_diag d;

	memset(&d, 0, sizeof(d));
	d.rule = RULE_PB001;
	d.loc.line = line > 0 ? line : 1;
	d.loc.col = col;
	d.field = FIELD_COUNT;
	d.a = en;
	d.a_zh = zh;
	sink->diag(sink->ctx, &d);
}

/* libcsv stops: the rest of the text is only scanned for positions. */
static void
stop(struct csv_reader *r, bool midrecord)
{
	r->stopped = true;
	memset(&r->sc, 0, sizeof(r->sc));
	r->sc.line = r->line;
	r->sc.record_line = r->line;
	r->sc.field = 1;
	r->sc.fresh = true;
	r->sc.st = SCAN_FIELD_START;
	r->sc.prev_cr = r->prev_cr;
	if (midrecord) {
		/* At the byte libcsv refused, which a scan reads as part of
		 * an unquoted field: a quote in one, or text after a
		 * closing quote. */
		r->sc.st = SCAN_UNQUOTED;
		r->sc.field = (int)r->nfields + 1;
		r->sc.record_line = r->between ? r->line : r->begin_line;
		r->sc.fresh = false;
	}
}

/* Feeds n bytes of one line (all of it, or its start or rest). */
static void
feed_line(struct csv_reader *r, const char *s, size_t n)
{
	size_t done;

	/* libcsv skips blank lines; any other line opens a record when none
	 * is open. */
	if (r->between && !blank_text(s, n)) {
		r->begin_line = r->line;
		r->between = false;
	}
	if ((done = csv_parse(&r->p, s, n, on_field, on_record, r)) != n) {
		r->err = csv_error(&r->p);
		stop(r, true);
		for (; done < n; done++)
			scan_byte(&r->sc, (unsigned char)s[done]);
		r->line = r->sc.line;
		r->prev_cr = r->sc.prev_cr;
	}
}

static void
csv_text(void *ctx, const char *s, size_t n)
{
	struct csv_reader *r = ctx;
	size_t len;

	if (r->stopped) {
		for (; n > 0; s++, n--)
			scan_byte(&r->sc, (unsigned char)*s);
		return;
	}
	/* Cells are measured by libcsv's lengths unless a NUL came. */
	if (!r->nul && n > 0 && memchr(s, '\0', n) != NULL)
		r->nul = true;
	if (r->prev_cr && n > 0 && *s == '\n') {
		/* The LF of a CRLF the last piece cut. */
		feed_line(r, s, 1);
		s++;
		n--;
	}
	r->prev_cr = false;
	while (n > 0 && !r->stopped) {
		len = line_length(s, n);
		feed_line(r, s, len);
		if (r->stopped) {
			s += len;
			n -= len;
			break;
		}
		if (s[len - 1] == '\n' || s[len - 1] == '\r') {
			r->prev_cr = s[len - 1] == '\r';
			r->line++;
			/* The table reader takes no more rows. */
			if (r->pipe == NULL && table_reader_done(r->t)) {
				stop(r, false);
				r->sc.prev_cr = r->prev_cr;
			}
		}
		s += len;
		n -= len;
	}
	if (r->stopped)
		for (; n > 0; s++, n--)
			scan_byte(&r->sc, (unsigned char)*s);
}

/* An invalid sequence comes next: its CSV position (SPEC 2.3). */
static void
csv_bad(void *ctx, unsigned char first)
{
	struct csv_reader *r = ctx;
	int line, field, key;

	if (r->stopped) {
		key = r->sc.line;
		line = r->sc.fresh ? r->sc.line : r->sc.record_line;
		field = r->sc.field;
	} else {
		key = r->line;
		line = r->between ? r->line : r->begin_line;
		field = (int)r->nfields + 1;
	}
	decoded_add_bad(&r->bad, key, &r->last_bad, line, field, first);
}

struct csv_reader *
csv_reader_new(const char *path, const struct read_sink *sink)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	r->sink = sink;
	r->between = true;
	r->line = 1;
	r->t = table_reader_new(path, 0, 0, sink);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		syntax_error(sink, 1, 1, "the CSV parser could not start",
		    "CSV 解析器无法启动");
		stop(r, false);
		r->err = -1;
		return r;
	}
	r->parser = true;
	csv_set_blk_size(&r->p, CSV_BLOCK);
	return r;
}

void
csv_reader_threaded(struct csv_reader *r)
{
	r->threaded = true;
}

void
csv_reader_sink(struct csv_reader *r, struct decode_sink *out)
{
	out->ctx = r;
	out->text = csv_text;
	out->bad = csv_bad;
}

const char *
csv_reader_end(struct csv_reader *r, struct decoded *bad)
{
	const char *format;
	int err = r->err;

	if (!r->stopped && csv_fini(&r->p, on_field, on_record, r) != 0) {
		err = csv_error(&r->p);
		r->unclosed = true;
	}
	/* Every row is read and checked before what follows them. */
	row_pipe_end(r->pipe);
	r->pipe = NULL;
	if (err > 0) {
		const char *en, *zh;

		if (err != CSV_EPARSE) {
			en = csv_strerror(err);
			zh = "CSV 解析器内存不足";
		} else if (r->unclosed) {
			en = "malformed CSV: a quoted field in the record starting "
			    "here is never closed; the project it cuts short is "
			    "not checked";
			zh = "CSV 格式错误：从此处开始的记录中有未闭合的引号，"
			    "被截断的项目未检查";
		} else {
			en = "malformed CSV: a quote inside an unquoted field, or "
			    "text after a closing quote, in the record starting "
			    "here; the rows after it are not read and the project "
			    "it cuts short is not checked";
			zh = "CSV 格式错误：从此处开始的记录中，未加引号的字段中有"
			    "引号，或结束引号后有多余文字；其后的行未读取，被截断"
			    "的项目未检查";
		}
		/* Where the broken record starts, as for every CSV finding,
		 * at the field it breaks in. */
		syntax_error(r->sink, r->begin_line, (int)r->nfields + 1, en,
		    zh);
		table_reader_broken(r->t, fields(r), r->nkept);
	}
	if (r->parser)
		csv_free(&r->p);
	format = table_reader_end(r->t) == TABLE_FORM ? "form-csv" : "csv";
	if (bad != NULL) {
		*bad = r->bad;
		memset(&r->bad, 0, sizeof(r->bad));
	}
	free(r->bad.bad);
	strbuf_free(&r->rec);
	free(r->off);
	free(r->len);
	free(r->cells);
	free(r);
	return format;
}

const char *
read_csv(const char *path, const char *text, size_t len,
    const struct read_sink *sink)
{
	struct csv_reader *r = csv_reader_new(path, sink);
	struct decode_sink ds;

	csv_reader_sink(r, &ds);
	if (len > 0)
		ds.text(ds.ctx, text, len);
	return csv_reader_end(r, NULL);
}
