/* Text dump reader (SPEC 2.2): a Word document dumped as tab-started cells, into the form grid. */
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "read.h"
#include "text.h"
#include "util.h"

/*
 * The dump's layout: a line starting with a tab is a cell; a blank line
 * ends the row; a line without a tab right after one blank line continues
 * the cell above (a line break in the cell) and the row goes on; two blank
 * lines, or a line without a tab after them, end the table. Lines outside
 * tables are paragraphs: the one before a table is its title.
 */
void
read_text(const char *path, const char *text, size_t len,
    const struct read_sink *sink)
{
	struct form_grid g = { NULL, 0 };
	struct form_row *row = NULL;
	struct form_cell *last = NULL;
	size_t off = 0, n;
	int line = 0, blanks = 0, table = 0;
	bool in_table = false;

	while (off < len) {
		const char *s = text + off;
		char *l;

		for (n = 0; off + n < len && s[n] != '\n' && s[n] != '\r'; n++)
			;
		line++;
		l = xstrndup(s, n);
		off += n;
		if (off < len && text[off] == '\r') {
			off++;
			if (off < len && text[off] == '\n')
				off++;
		} else if (off < len && text[off] == '\n')
			off++;
		if (l[0] == '\t') {
			struct loc loc = { line, 1, 0 };

			if (!in_table || blanks >= 2) {
				in_table = true;
				table++;
				row = NULL;
			}
			if (row == NULL || blanks > 0)
				row = form_add_row(&g, table, line);
			last = form_add_cell(row, l + 1, -1, 1, false, loc);
			blanks = 0;
		} else if (text_blank(l)) {
			blanks++;
		} else if (in_table && blanks == 1 && last != NULL) {
			form_cell_append(last, l);
			blanks = 0;
		} else {
			struct loc loc = { line, 1, 0 };

			in_table = false;
			row = NULL;
			last = NULL;
			blanks = 0;
			form_add_cell(form_add_row(&g, 0, line), l, 0, 1, false,
			    loc);
		}
		free(l);
	}
	form_read(path, &g, sink);
	form_grid_free(&g);
}
