/* What readers deliver: projects and input findings, through a sink. */
#ifndef PBCHECK_READ_H
#define PBCHECK_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "rules.h"

/* An input finding (PB0) a reader reports. Strings are borrowed. */
struct read_diag {
	enum rule_id	 rule;
	struct loc	 loc;
	enum field	 field;		/* FIELD_COUNT when none */
	int		 goal;		/* N when field is FIELD_GOAL */
	const char	*project;	/* project code, or NULL */
	const char	*value;		/* the offending text, or NULL */
	const char	*a;		/* rule-specific detail, or NULL */
	const char	*a_zh;		/* the same in Chinese, or NULL */
	const char	*b;		/* a second detail, or NULL */
	bool		 in_project;	/* belongs to the next project delivered */
};

/*
 * Readers call diag() for each input finding and project() for each
 * project as soon as its rows end. The project is the reader's: the sink
 * must not keep pointers into it after returning, but may take what it
 * owns by moving the struct out and zeroing it (the reader then frees a
 * zeroed project, and reads nothing of it after the call).
 */
struct read_sink {
	void	*ctx;
	void	(*diag)(void *ctx, const struct read_diag *d);
	void	(*project)(void *ctx, struct project *p);
};

/* What a table turned out to be. */
enum table_kind {
	TABLE_EMPTY,		/* no non-blank row */
	TABLE_CANONICAL,	/* SPEC 2.1: a canonical header was found */
	TABLE_FORM,		/* SPEC 2.2: read through the form recogniser */
	TABLE_NEITHER		/* rows, but neither a header nor form labels */
};

/* Flags of table_reader_new(). */
#define TABLE_QUIET_NEITHER	0x1	/* no PB001 for TABLE_NEITHER/EMPTY (a workbook's other sheets) */

struct table_reader;

/*
 * Rows of one table (CSV records, a sheet's rows), read as SPEC 2.1 or
 * 2.2. path names the file in projects and locations; every location gets
 * loc.table = table (0 for CSV, the 1-based sheet number for a workbook).
 */
struct table_reader *table_reader_new(const char *path, int table, int flags,
		    const struct read_sink *sink);
/*
 * One row of n cells: UTF-8, NUL-terminated, untrimmed (the reader trims);
 * cell i is column i + 1; line is the row's location line (CSV: where the
 * record starts; a sheet: its row number). Wholly blank rows may be fed
 * (they are skipped).
 */
void		 table_reader_row(struct table_reader *t,
		    const char *const *cells, size_t n, int line);
/*
 * The same with each cell's length (strlen) known: len[i] of cells[i].
 * A cell longer than PB_MAX_CELL_BYTES may be given by its first
 * PB_MAX_CELL_BYTES + 1 bytes or more (NUL-terminated there) with len[i]
 * its whole length: only that much of it is read.
 */
void		 table_reader_row_n(struct table_reader *t,
		    const char *const *cells, const size_t *len, size_t n,
		    int line);
/* The same with every cell trimmed already (text_trim_span()), but one
 * over PB_MAX_CELL_BYTES, which is taken as it is given. */
void		 table_reader_row_trimmed(struct table_reader *t,
		    const char *const *cells, const size_t *len, size_t n,
		    int line);
/* True once the reader takes no more rows (PB001/PB002 at the header). */
bool		 table_reader_done(const struct table_reader *t);
/*
 * The rows stop short of the table's end (the caller reported why, a CSV
 * syntax error); cells are the n fields of the broken row read before the
 * error. The open project is delivered only if that row starts another
 * project (its 项目编码 differs), else dropped unchecked; an empty or
 * headless table is then not also PB001, a header alone not PB009.
 */
void		 table_reader_broken(struct table_reader *t,
		    const char *const *cells, size_t n);
/*
 * Ends the table: delivers the open project, or runs the form recogniser
 * over a form table; reports PB001 (unless quiet) / PB009 as needed; frees
 * t and returns what the table was.
 */
enum table_kind	 table_reader_end(struct table_reader *t);

/*
 * Reads canonical CSV (SPEC 2.1) from UTF-8 text (decoded already), or a
 * form-layout CSV (SPEC 2.2) when the first row holds form labels instead
 * of the canonical header. path names the file in projects and locations.
 * Malformed input is reported as findings; the reader never fails
 * otherwise. Returns the format read: "csv" or "form-csv".
 */
const char *read_csv(const char *path, const char *text, size_t len,
	    const struct read_sink *sink);

struct bad_bytes;
struct decode_sink;
struct decoded;
struct csv_reader;

/*
 * The same, streamed: csv_reader_sink() gives the decode_sink that takes
 * the text in pieces of any size as a decoder passes them (and the places
 * of invalid bytes, as CSV positions); csv_reader_end() ends the file,
 * frees r, returns the format read and, when bad is not NULL, the invalid
 * bytes (bad->bad, nbad, nbad_total; the caller frees bad->bad).
 */
struct csv_reader *csv_reader_new(const char *path,
		    const struct read_sink *sink);
void		 csv_reader_sink(struct csv_reader *r, struct decode_sink *out);
/*
 * Lets r read and check the rows after the header in a thread of its own
 * (rowpipe.h) while it parses the next ones: from the header on until
 * csv_reader_end(), r's sink is called from that thread, and the caller
 * must not call into what the sink reaches meanwhile.
 */
void		 csv_reader_threaded(struct csv_reader *r);
const char	*csv_reader_end(struct csv_reader *r, struct decoded *bad);
/* The header's width once read (cells past it are not needed), else 0. */
size_t		 table_reader_width(const struct table_reader *t);

/*
 * Rewrites the positions of invalid bytes found while decoding CSV text
 * (line and character column, include/decode.h) into CSV locations (SPEC
 * 2.3): the line where the record holding them starts and the field's
 * number, as every other CSV finding. bad is in text order.
 */
void	read_csv_bad_positions(const char *text, size_t len,
	    struct bad_bytes *bad, size_t nbad);

/*
 * Reads the text dump of a Word document (SPEC 2.2, the layout of the
 * seed) through the form recogniser.
 */
void	read_text(const char *path, const char *text, size_t len,
	    const struct read_sink *sink);

struct form_grid;

/*
 * Sets up the XML parser the .docx and .xlsx readers share. Call it once
 * before readers run in several threads; they then run safely side by
 * side (each keeps its own state; libxml2's last error is per thread).
 */
void	read_init(void);

/*
 * Reads a Word .docx (SPEC 2.2) from its bytes: the tables and body
 * paragraphs of the main part (named in _rels/.rels) are streamed to the
 * form recogniser a table at a time.
 * A file that cannot be read is PB001; the reader never fails otherwise.
 */
void	read_docx(const char *path, const char *bytes, size_t len,
	    const struct read_sink *sink);
/* The same from a regular file open as fd, its bytes read as needed. */
void	read_docx_file(const char *path, int fd,
	    const struct read_sink *sink);
/*
 * Builds the grid of a .docx into g (empty on entry). Returns -1 with the
 * reason when the file cannot be read (g is left empty), else 0 with the
 * reason NULL, or set when the document was read despite a problem (a
 * DTD). The reasons are valid until the next call in the same thread.
 */
int	docx_grid(const char *bytes, size_t len, struct form_grid *g,
	    const char **why_en, const char **why_zh);

/*
 * Reads an Excel .xlsx (SPEC 2.2) from its bytes: each worksheet, in
 * workbook order, is streamed row by row into a table reader of its own
 * (loc.table = the 1-based sheet number), so a sheet whose header is
 * canonical is read as SPEC 2.1 and any other as a form. sheet, when not
 * NULL, is called with sink->ctx as each sheet starts. A sheet with no
 * table is PB011; a file that cannot be read, or where no sheet holds a
 * project table, is PB001.
 */
void	read_xlsx(const char *path, const char *bytes, size_t len,
	    const struct read_sink *sink,
	    void (*sheet)(void *ctx, int number, const char *name));
/* The same from a regular file open as fd, its bytes read as needed. */
void	read_xlsx_file(const char *path, int fd,
	    const struct read_sink *sink,
	    void (*sheet)(void *ctx, int number, const char *name));

/* The workbook layer of read_xlsx, on its own for tests. */
struct xlsx_sink {
	void	*ctx;
	/* A worksheet starts: its 1-based number among the sheets, its name. */
	void	(*sheet)(void *ctx, int number, const char *name);
	/*
	 * A row with a cell: n cells, cell i is column i + 1, "" for none;
	 * the cells of a merged range other than its top-left one are "".
	 */
	void	(*row)(void *ctx, const char *const *cells, size_t n, int line);
	/* The sheet ends; broken when an error stopped it short. */
	void	(*end)(void *ctx, bool broken);
	/* A PB001: where (loc.table is the sheet, 0 for the workbook), why. */
	void	(*error)(void *ctx, struct loc loc, const char *en,
		    const char *zh);
};

/* Reads the worksheets; returns how many, or -1 (error() said why). */
int	xlsx_read(const char *bytes, size_t len, const struct xlsx_sink *s);

struct strbuf;

/* A 1-based column's letters ("A", "S", "XFD"). */
void	xlsx_column_name(int col, char out[4]);
/* Parses a cell reference ("B7"): 0, or -1 if malformed or past XFD1048576. */
int	xlsx_parse_ref(const char *s, int *row, int *col);
/* Appends v * 10^shift in plain decimal with the fewest digits that read back. */
void	xlsx_number_text(double v, int shift, struct strbuf *b);

#endif
