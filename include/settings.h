/* Settings of a run: defaults, rule selection, and the pbcheck.conf file (SPEC 7). */
#ifndef PBCHECK_SETTINGS_H
#define PBCHECK_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

/* Settings of one run: options, and later the configuration file. */
struct settings {
	enum lang	 lang;
	enum severity	 fail_on;	/* SEV_OFF: never */
	enum severity	 severity[RULE_COUNT];	/* SEV_OFF: disabled */
	double		 midyear_min;		/* PB207, percent */
	double		 satisfaction_min;	/* PB407, percent */
	double		 budget_tolerance;	/* PB107, 万元 */
	char		*code_pattern;		/* PB102, POSIX ERE */
	char		**bases;		/* PB501: extra accepted bases */
	size_t		 nbases;
};

void	settings_init(struct settings *s);
void	settings_free(struct settings *s);

/*
 * Rule selection by a list of ids or prefixes ("PB4", "PB205") separated
 * by ',', '，' or '、'. A prefix must be at least a family (three
 * characters); enabling sets a rule's default severity. Each returns 0, or
 * -1 with *err set (caller frees, in s->lang) naming the item that is
 * empty, too short or matches no rule.
 */
int	settings_disable(struct settings *s, const char *list, char **err);
int	settings_enable(struct settings *s, const char *list, char **err);
/* "ID=LEVEL[,ID=LEVEL…]", LEVEL error, warning, info or off. */
int	settings_severity(struct settings *s, const char *list, char **err);

/*
 * Reads an INI settings file (SPEC 7; comments are whole lines, or the rest
 * of a line from a '#' or ';' after white space). Returns 0, or -1 with
 * *err set to "FILE:LINE: what is wrong" in s->lang (caller frees).
 */
int	settings_load(struct settings *s, const char *path, char **err);

#endif
