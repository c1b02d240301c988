/* The one JSON string escaper, and number formatting, for JSON and SARIF. */
#ifndef PBCHECK_JSON_H
#define PBCHECK_JSON_H

#include <stdio.h>

struct strbuf;

/* Appends s as a quoted JSON string (NULL as null). */
void	json_escape(struct strbuf *b, const char *s);
/* Writes s as a quoted JSON string (NULL as null). */
void	json_string(FILE *out, const char *s);
/* Writes a finite number as JSON (shortest form that reads back). */
void	json_number(FILE *out, double v);
/* Appends it. */
void	json_number_add(struct strbuf *b, double v);

#endif
