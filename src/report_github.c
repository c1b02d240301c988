/* GitHub Actions reporter (SPEC 5.4a): one workflow command per finding, escaped as GitHub documents. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "report.h"
#include "rules.h"
#include "text.h"
#include "util.h"

/*
 * GitHub's escaping of workflow commands: '%', CR and LF everywhere; in a
 * property (file=, title=) also ':' and ',', which would end it. Text
 * that is not UTF-8 is sanitised first, so that the log stays readable.
 */
static void
put_escaped(FILE *out, const char *s, bool property)
{
	char *clean = text_utf8_clean(s);
	const char *p;

	for (p = clean; *p != '\0'; p++) {
		if (*p == '%')
			fputs("%25", out);
		else if (*p == '\r')
			fputs("%0D", out);
		else if (*p == '\n')
			fputs("%0A", out);
		else if (property && *p == ':')
			fputs("%3A", out);
		else if (property && *p == ',')
			fputs("%2C", out);
		else
			fputc(*p, out);
	}
	free(clean);
}

static const char *
command(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" :
	    "notice";
}

static void
github_end(struct reporter *r, const struct run_result *res)
{
	bool zh = r->settings->lang == LANG_ZH;
	size_t i;

	for (i = 0; i < res->nfiles; i++) {
		const struct file_info *fi = &res->files[i];
		char *msg;

		if (!fi->unreadable)
			continue;
		fputs("::error file=", r->out);
		put_escaped(r->out, fi->path, true);
		fputs(",title=pbcheck::", r->out);
		msg = xasprintf("%s%s%s", zh ? "无法读取" : "cannot be read",
		    fi->error != NULL ? (zh ? "：" : ": ") : "",
		    fi->error != NULL ? fi->error : "");
		put_escaped(r->out, msg, false);
		free(msg);
		fputc('\n', r->out);
	}
	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];

		fprintf(r->out, "::%s file=", command(f->severity));
		put_escaped(r->out, f->file, true);
		fprintf(r->out, ",line=%d,col=%d,title=%s::", f->loc.line,
		    f->loc.col, rule_get(f->rule)->id);
		if (f->loc.table > 0)
			fprintf(r->out, zh ? "表%d: " : "table %d: ",
			    f->loc.table);
		put_escaped(r->out, f->message, false);
		fputc('\n', r->out);
	}
}

void
report_github_init(struct reporter *r)
{
	r->end = github_end;
}
