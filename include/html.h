/* HTML text escaping for the HTML report (SPEC 5.6). */
#ifndef PBCHECK_HTML_H
#define PBCHECK_HTML_H

#include <stdio.h>

/*
 * Writes s (NULL as nothing) as HTML text, safe in element content and in
 * a quoted attribute: & < > " ' as character references, bytes that are
 * not well-formed UTF-8 as U+FFFD, line feeds and tabs kept (a lone CR is
 * a line feed), and the other controls of text_is_control() made visible
 * as \xHH or \uHHHH, as the text report shows them. The one escaper of
 * the HTML report: every value from the input goes through it.
 */
void	html_escape(FILE *out, const char *s);

#endif
