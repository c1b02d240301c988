/* Baselines (SPEC 1): known findings recorded in a file, so that only new ones are reported. */
#ifndef PBCHECK_BASELINE_H
#define PBCHECK_BASELINE_H

#include <stddef.h>
#include <stdio.h>

/*
 * What identifies a finding across edits of its table: never its line, so
 * that inserting a row does not make every finding below it new.
 */
struct baseline_key {
	const char	*file;		/* the file's name, without directories */
	const char	*project;	/* the project's code, or name, or "" */
	const char	*rule;		/* "PB309" */
	const char	*field;		/* the Chinese field name, or "" */
	const char	*value;		/* the quoted value, normalised, or "" */
};

struct baseline;

struct baseline	*baseline_new(void);
void		 baseline_free(struct baseline *b);

/* One string for a key (unambiguous: each part is length-prefixed). */
char		*baseline_key_string(const struct baseline_key *k);

/*
 * Reads a baseline file (tests/schemas/baseline.schema.json). Returns 0,
 * or -1 with *err set to "FILE:LINE: what is wrong" (caller frees).
 */
int		 baseline_load(struct baseline *b, const char *path,
		    char **err);
/* Adds one occurrence of k. Equal keys are counted, not merged. */
void		 baseline_add(struct baseline *b, const struct baseline_key *k);
/* Takes one occurrence of the key (a baseline_key_string()); false when
 * none is left. */
int		 baseline_take(struct baseline *b, const char *key);
/* Occurrences never taken: entries that no longer occur. */
size_t		 baseline_left(const struct baseline *b);
/* Writes every entry added, sorted, one per line. */
void		 baseline_write(const struct baseline *b, FILE *out);

#endif
