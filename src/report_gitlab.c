/* GitLab Code Quality reporter (SPEC 5.4a): a JSON array of issues whose fingerprints survive moved rows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"
#include "report.h"
#include "rules.h"
#include "util.h"

static const char *
gitlab_severity(enum severity s)
{
	return s == SEV_ERROR ? "critical" : s == SEV_WARNING ? "minor" :
	    "info";
}

static uint64_t
fnv1a(const char *s, uint64_t h)
{
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/*
 * The fingerprint: a hash of the file's path, the baseline key (never
 * the line) and the occurrence of that key in the file, so that equal
 * findings and files of one name in two directories stay apart, and a row
 * inserted above a finding leaves its fingerprint as it was.
 */
static void
fingerprint(char out[33], const char *path, const char *key,
    size_t occurrence)
{
	char *s = xasprintf("%zu:%s%s#%zu", strlen(path), path,
	    key != NULL ? key : "", occurrence);

	snprintf(out, 33, "%016llx%016llx",
	    (unsigned long long)fnv1a(s, 14695981039346656037ULL),
	    (unsigned long long)fnv1a(s, 0x84222325cbf29ce4ULL));
	free(s);
}

static void
issue(FILE *out, bool first, const char *desc, const char *check,
    const char *fp, const char *sev, const char *path, int line)
{
	fputs(first ? "\n  {\"description\": " : ",\n  {\"description\": ",
	    out);
	json_string(out, desc);
	fputs(", \"check_name\": ", out);
	json_string(out, check);
	fprintf(out, ", \"fingerprint\": \"%s\", \"severity\": \"%s\",\n"
	    "   \"location\": {\"path\": ", fp, sev);
	json_string(out, path);
	fprintf(out, ", \"lines\": {\"begin\": %d}}}", line);
}

static void
gitlab_end(struct reporter *r, const struct run_result *res)
{
	struct strset seen = {0};
	size_t *count = NULL, ncount = 0, i, k;
	bool first = true, zh = r->settings->lang == LANG_ZH;
	char fp[33];
	int found;

	fputs("[", r->out);
	for (i = 0; i < res->nfiles; i++) {
		const struct file_info *fi = &res->files[i];
		char *msg, *key;

		if (!fi->unreadable)
			continue;
		msg = xasprintf("%s%s%s", zh ? "无法读取" : "cannot be read",
		    fi->error != NULL ? (zh ? "：" : ": ") : "",
		    fi->error != NULL ? fi->error : "");
		key = xstrdup("unreadable");
		fingerprint(fp, fi->path, key, 1);
		issue(r->out, first, msg, "pbcheck", fp, "blocker", fi->path,
		    1);
		first = false;
		free(key);
		free(msg);
	}
	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];
		const char *key = f->key != NULL ? f->key : f->message;
		char *where = xasprintf("%zu:%s%s", strlen(f->file), f->file,
		    key);

		k = (size_t)strset_get(&seen, where, &found);
		if (!found) {
			count = xreallocarray(count, ncount + 1,
			    sizeof(*count));
			count[ncount++] = 0;
			k = ncount;
			strset_add(&seen, where, (void *)k);
		}
		free(where);
		fingerprint(fp, f->file, key, ++count[k - 1]);
		issue(r->out, first, f->message, rule_get(f->rule)->id, fp,
		    gitlab_severity(f->severity), f->file, f->loc.line);
		first = false;
	}
	fputs(first ? "]\n" : "\n]\n", r->out);
	strset_free(&seen);
	free(count);
}

void
report_gitlab_init(struct reporter *r)
{
	r->keys = true;
	r->end = gitlab_end;
}
