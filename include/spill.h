/* A reporter's findings, each made into its bytes as it is passed, kept aside and given back at the end in the engine's finding order. */
#ifndef PBCHECK_SPILL_H
#define PBCHECK_SPILL_H

#include <stddef.h>
#include <stdio.h>

struct finding;
struct reporter;
struct spill;
struct strbuf;

struct spill	*spill_new(void);
void		 spill_free(struct spill *sp);
/*
 * Spills f[0..n), one file's findings in the engine's finding order
 * (check.c finding_cmp), as a file() call gives them: a run. Each
 * finding's record is what put() appends to b, given r and file (the
 * file's name as the format writes it, made once by the caller). f's
 * file is borrowed: the engine's file list outlives the report.
 */
void		 spill_findings(struct spill *sp, const struct reporter *r,
		    const char *file, const struct finding *f, size_t n,
		    void (*put)(const struct reporter *r, struct strbuf *b,
		    const char *file, const struct finding *f));
/* How many records were added. */
size_t		 spill_count(const struct spill *sp);
/*
 * Writes every record to out in the engine's finding order (runs of a
 * file merged, files by name), first before the first and sep before each
 * other one; once, at the end. Returns 0, or -1 when the temporary file
 * failed and records may be missing.
 */
int		 spill_copy(struct spill *sp, FILE *out, const char *first,
		    const char *sep);
/*
 * spill_copy() after spilling kept[0..nkept), the findings the engine
 * kept to the end (sorted), a file's at a time through file(): records
 * made before and after merge in the engine's order.
 */
int		 spill_copy_with(struct spill *sp, struct reporter *r,
		    const struct finding *kept, size_t nkept,
		    void (*file)(struct reporter *r, const struct finding *f,
		    size_t n), const char *first, const char *sep);

#endif
