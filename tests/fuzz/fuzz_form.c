/*
 * libFuzzer target: the form recogniser through its grid API. The input
 * is the grid as text: a line is a row, cells are separated by tabs; a
 * line starting with '#' starts the next table, one starting with '='
 * is a paragraph; a cell starting with '^' continues a vertical merge,
 * one starting with a digit and '|' spans that many columns.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "fuzz.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form_grid g = { NULL, 0 };
	char *text, *line, *next;
	int table = 1, lineno = 0;

	text = xstrndup((const char *)data, size);
	for (line = text; line != NULL; line = next) {
		struct form_row *r;
		char *cell, *tab;
		int col = 0;

		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		lineno++;
		if (line[0] == '#') {
			table++;
			continue;
		}
		if (line[0] == '=') {
			struct loc loc = { lineno, 1, 0 };

			form_add_cell(form_add_row(&g, 0, lineno), line + 1, 0,
			    1, false, loc);
			continue;
		}
		r = form_add_row(&g, table, lineno);
		for (cell = line; cell != NULL; cell = tab) {
			struct loc loc = { lineno, col + 1, table };
			bool merged = false;
			int span = 1;

			if ((tab = strchr(cell, '\t')) != NULL)
				*tab++ = '\0';
			if (cell[0] == '^') {
				merged = true;
				cell++;
			}
			if (cell[0] >= '1' && cell[0] <= '9' && cell[1] == '|') {
				span = cell[0] - '0';
				cell += 2;
			}
			form_add_cell(r, cell, col, span, merged, loc);
			col += span;
		}
	}
	form_read("fuzz.docx", &g, &fuzz_sink);
	form_grid_free(&g);
	free(text);
	return 0;
}
