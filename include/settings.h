/* Settings of a run: defaults, rule selection, and the pbcheck.conf file (SPEC 7). */
#ifndef PBCHECK_SETTINGS_H
#define PBCHECK_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

/*
 * One [ignore] entry (SPEC 7): a project, by code or name, and the rules
 * not reported for it. matched counts what it removed, for PB012.
 */
struct settings_ignore {
	char		*project;	/* as written */
	char		*text;		/* "CODE = PB309, PB5", for PB012 */
	bool		 rules[RULE_COUNT];
	int		 line;
	size_t		 matched;
};

/* One key of a [path:GLOB] section, applied to inputs the glob matches. */
struct settings_pathkey {
	char		*glob;
	char		*key;
	char		*value;
	int		 line;
};

/*
 * What a settings file holds beyond values: its name, its [ignore] entries
 * and its [path:GLOB] keys. Shared by every copy of the settings that read
 * it; the settings that loaded it own it.
 */
struct settings_file {
	char			*path;		/* as named to the user */
	char			*dir;		/* its directory, resolved */
	struct settings_ignore	*ignore;
	size_t			 nignore;
	struct settings_pathkey	*paths;
	size_t			 npaths;
};

/* Settings of one run or one input: options and the settings file. */
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
	struct settings_file *file;		/* the file read, or NULL */
	bool		 owns_file;
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

/* Makes dst a copy of src that shares src's file (src must outlive it). */
void	settings_copy(struct settings *dst, const struct settings *src);

/*
 * Whether a [path:GLOB] section of s's file matches the input: the glob
 * (fnmatch(3), no flags: '*' also matches '/') against the path as given
 * or relative to the settings file's directory.
 */
bool	settings_path_matches(const struct settings *s, const char *input);
/* Applies the keys of the [path:GLOB] sections matching input, in order. */
void	settings_apply_paths(struct settings *s, const char *input);

/*
 * The nearest pbcheck.conf for an input (SPEC 1): in its directory or a
 * parent, up to a directory holding .git, or /. "-" starts in the current
 * directory. Returns the file's name (relative to the current directory
 * when it is under it, else absolute; caller frees), or NULL.
 */
char	*settings_discover(const char *input);

#endif
