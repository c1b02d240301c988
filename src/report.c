/* Reporter selection by format name. */
#include <stdio.h>
#include <string.h>

#include "report.h"

bool
report_init(struct reporter *r, const char *format, FILE *out,
    const struct settings *s, bool quiet)
{
	memset(r, 0, sizeof(*r));
	r->out = out;
	r->settings = s;
	r->quiet = quiet;
	if (strcmp(format, "text") == 0)
		report_text_init(r);
	else if (strcmp(format, "json") == 0)
		report_json_init(r);
	else if (strcmp(format, "junit") == 0)
		report_junit_init(r);
	else if (strcmp(format, "sarif") == 0)
		report_sarif_init(r);
	else if (strcmp(format, "csv") == 0)
		report_csv_init(r);
	else if (strcmp(format, "github") == 0)
		report_github_init(r);
	else if (strcmp(format, "gitlab") == 0)
		report_gitlab_init(r);
	else if (strcmp(format, "html") == 0)
		report_html_init(r);
	else
		return false;
	return true;
}
