/* The form recogniser (SPEC 2.2): project tables found by their label cells in a grid of rows. */
#ifndef PBCHECK_FORM_H
#define PBCHECK_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct label;
struct read_sink;

/* One cell as drawn: its text, where it starts and how wide it is. */
struct form_cell {
	char		*text;		/* owned; line breaks as "\n" */
	int		 col;		/* 0-based grid column where it starts */
	int		 span;		/* grid columns it covers, at least 1 */
	bool		 merged;	/* continues a vertically merged cell */
	struct loc	 loc;		/* where findings about it point */
	/* Derived once, when the cell is made or its text grows (STYLE 12). */
	const struct label *label;	/* the label it holds, or NULL */
	int		 goal;		/* N of a 目标N label */
	char		*value;		/* owned: the value of 项目编码：571-… */
};

/*
 * A row of a table, or a paragraph between tables (a title such as
 * "1. XXX项目绩效目标表", or prose), which has one cell and no table.
 */
struct form_row {
	struct form_cell *cells;
	size_t		 ncells;
	int		 table;		/* 1-based table number; 0: paragraph */
	int		 line;		/* for paragraphs: where it is */
};

/* The rows of a document in reading order. */
struct form_grid {
	struct form_row	*rows;
	size_t		 nrows;
};

/* Appends an empty row and returns it. */
struct form_row	*form_add_row(struct form_grid *g, int table, int line);
/* Appends a cell (text copied; col -1 means right after the last). */
struct form_cell *form_add_cell(struct form_row *r, const char *text, int col,
		    int span, bool merged, struct loc loc);
/* Appends a line to a cell's text (a line break inside the cell). */
void		 form_cell_append(struct form_cell *c, const char *line);
void		 form_grid_free(struct form_grid *g);

/* What a cell's text is to the recogniser. */
enum form_text {
	FORM_TEXT_OTHER,
	FORM_TEXT_LABEL,	/* a label cell such as 项目编码 or 目标1 */
	FORM_TEXT_TITLE		/* a table title, …项目绩效目标表 */
};

enum form_text	 form_classify(const char *text);

/*
 * Finds every project in g (SPEC 2.2: started at a title, a code or name
 * label, or an indicator header) and delivers each as a project; fields
 * the layout does not have are marked absent. A project whose labels were
 * read but that has no indicator header is PB001 naming its table; the
 * others are still read. When no project at all is recognised, that is
 * PB001 too. Returns the number of projects.
 */
int		 form_read(const char *path, const struct form_grid *g,
		    const struct read_sink *sink);

/*
 * The same, a table at a time, so that a reader need never hold the whole
 * document: form_reader_table() is given the paragraphs before a table and
 * the table's rows (all of them in one call; nested tables may follow in
 * the same call or come in calls of their own), or paragraphs alone. Each
 * project is delivered as soon as it is known to be complete: when a row
 * or table starts another, or at form_reader_end(). Between calls the
 * reader keeps only the open project, the last table's number and the
 * paragraphs since it; g is not kept. path must outlive the reader.
 */
struct form_reader;

struct form_reader *form_reader_new(const char *path,
		    const struct read_sink *sink);
void		 form_reader_table(struct form_reader *fr,
		    const struct form_grid *g);
/* Delivers the open project, reports when there was none; frees fr. */
int		 form_reader_end(struct form_reader *fr);
/* Frees fr without delivering the open project (the input broke off). */
void		 form_reader_abort(struct form_reader *fr);

#endif
