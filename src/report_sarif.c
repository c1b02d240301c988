/* SARIF 2.1.0 reporter (SPEC 5.4): every rule in tool.driver.rules, a result per finding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"
#include "report.h"
#include "rules.h"
#include "spill.h"
#include "util.h"
#include "version.h"

static void
sarif_begin(struct reporter *r)
{
	r->state = spill_new();		/* the results' objects (sarif_file()) */
}

static void
sarif_project(struct reporter *r, const struct project *p,
    const struct counts *n)
{
	(void)r;
	(void)p;
	(void)n;
}

static const char *
level(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	case SEV_INFO:
		return "note";
	default:
		return "none";
	}
}

/* A relative URI reference: unreserved bytes and '/' kept, others %XX. */
static char *
path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct strbuf b = {0};
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			strbuf_putc(&b, (char)*p);
		else {
			strbuf_putc(&b, '%');
			strbuf_putc(&b, hex[*p >> 4]);
			strbuf_putc(&b, hex[*p & 15]);
		}
	}
	return strbuf_take(&b);
}

/* The rule's help: what, why, and the example, in the report language. */
static char *
help_text(const struct rule *rule, enum lang lang)
{
	struct strbuf b = {0};
	bool zh = lang == LANG_ZH;

	strbuf_puts(&b, rule->explain[lang] ? rule->explain[lang] :
	    rule->title[lang]);
	if (rule->grounds[lang] != NULL)
		strbuf_printf(&b, "\n\n%s%s", zh ? "依据：" : "Why: ",
		    rule->grounds[lang]);
	if (rule->bad != NULL && rule->good != NULL)
		strbuf_printf(&b, "\n\n%s%s\n%s%s", zh ? "错误示例：" : "Bad: ",
		    rule->bad, zh ? "正确示例：" : "Fixed: ", rule->good);
	return strbuf_take(&b);
}

static void
write_rules(struct reporter *r)
{
	FILE *out = r->out;
	enum lang lang = r->settings->lang;
	char *help;
	int i;

	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule *rule = rule_get((enum rule_id)i);

		fputs(i ? ",\n          {" : "\n          {", out);
		fputs("\"id\": ", out);
		json_string(out, rule->id);
		fputs(", \"name\": ", out);
		json_string(out, rule->id);
		fputs(",\n           \"shortDescription\": {\"text\": ", out);
		json_string(out, rule->title[lang]);
		fputs("},\n           \"fullDescription\": {\"text\": ", out);
		json_string(out, rule->explain[lang] ? rule->explain[lang] :
		    rule->title[lang]);
		help = help_text(rule, lang);
		fputs("},\n           \"help\": {\"text\": ", out);
		json_string(out, help);
		free(help);
		fprintf(out, "},\n           \"defaultConfiguration\": "
		    "{\"level\": \"%s\", \"enabled\": %s},\n"
		    "           \"properties\": {\"group\": \"PB%d\"}}",
		    level(rule->severity),
		    r->settings->severity[i] != SEV_OFF ? "true" : "false",
		    (int)rule->group);
	}
}

/* A finding's result, as the report lists it; uri is its file's, as a
 * JSON string. */
static void
add_result(const struct reporter *r, struct strbuf *b, const char *uri,
    const struct finding *f)
{
	(void)r;
	strbuf_puts(b, "{\"ruleId\": ");
	json_escape(b, rule_get(f->rule)->id);
	strbuf_printf(b, ", \"ruleIndex\": %d, \"level\": \"%s\",\n"
	    "         \"message\": {\"text\": ", (int)f->rule,
	    level(f->severity));
	json_escape(b, f->message);
	strbuf_puts(b, "},\n         \"locations\": [{\"physicalLocation\": "
	    "{\"artifactLocation\": {\"uri\": ");
	strbuf_puts(b, uri);
	strbuf_printf(b, "}, \"region\": {\"startLine\": %d, "
	    "\"startColumn\": %d}}}]", f->loc.line, f->loc.col);
	if (f->project != NULL || f->field != NULL) {
		strbuf_puts(b, ",\n         \"properties\": {\"project\": ");
		json_escape(b, f->project);
		strbuf_puts(b, ", \"field\": ");
		json_escape(b, f->field);
		if (f->loc.table > 0)
			strbuf_printf(b, ", \"table\": %d", f->loc.table);
		strbuf_putc(b, '}');
	}
	strbuf_putc(b, '}');
}

/* A file's findings (sorted), each spilled as its result. */
static void
sarif_file(struct reporter *r, const struct finding *f, size_t n)
{
	struct strbuf uri = {0};
	char *path = path_uri(f[0].file);	/* all are of one file */

	json_escape(&uri, path);
	free(path);
	spill_findings(r->state, r, uri.data, f, n, add_result);
	strbuf_free(&uri);
}

static void
sarif_end(struct reporter *r, const struct run_result *res)
{
	FILE *out = r->out;
	size_t i;
	char *uri, *text;

	fputs("{\n  \"$schema\": "
	    "\"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	    "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
	    "      \"tool\": {\n        \"driver\": {\n"
	    "          \"name\": \"pbcheck\",\n          \"version\": ", out);
	json_string(out, PBCHECK_VERSION);
	fputs(",\n          \"rules\": [", out);
	write_rules(r);
	fputs("]\n        }\n      },\n", out);
	fputs("      \"columnKind\": \"unicodeCodePoints\",\n", out);
	fputs("      \"results\": [", out);
	/* The findings the engine kept (all of them with --statistics)
	 * and the spilled ones, in its order. */
	if (spill_copy_with(r->state, r, res->findings, res->nfindings,
	    sarif_file, "\n        ", ",\n        ") != 0)
		fputs("pbcheck: the report's temporary file failed; findings "
		    "may be missing\n", stderr);
	fputs(spill_count(r->state) ? "\n      ],\n" : "],\n", out);
	/* A file that could not be read makes the run unsuccessful (exit 2). */
	fputs("      \"invocations\": [{\"executionSuccessful\": ", out);
	for (i = 0; i < res->nfiles && !res->files[i].unreadable; i++)
		;
	fputs(i == res->nfiles ? "true" : "false", out);
	if (i < res->nfiles) {
		bool first = true;

		fputs(", \"toolExecutionNotifications\": [", out);
		for (i = 0; i < res->nfiles; i++) {
			if (!res->files[i].unreadable)
				continue;
			fputs(first ? "" : ", ", out);
			first = false;
			/* The text says why; the location keeps the name's bytes. */
			text = res->files[i].error != NULL ?
			    xasprintf("%s: %s", res->files[i].path,
			    res->files[i].error) :
			    xasprintf("%s: the file cannot be opened or read",
			    res->files[i].path);
			fputs("{\"level\": \"error\", \"message\": {\"text\": ",
			    out);
			json_string(out, text);
			free(text);
			uri = path_uri(res->files[i].path);
			fputs("},\n          \"locations\": [{\"physicalLocation\": "
			    "{\"artifactLocation\": {\"uri\": ", out);
			json_string(out, uri);
			free(uri);
			fputs("}}}], \"descriptor\": {\"id\": \"unreadable\"}}",
			    out);
		}
		fputs("]", out);
	}
	fputs("}]\n    }\n  ]\n}\n", out);
}

static void
sarif_free(struct reporter *r)
{
	spill_free(r->state);
	r->state = NULL;
}

void
report_sarif_init(struct reporter *r)
{
	r->begin = sarif_begin;
	r->project = sarif_project;
	r->file = sarif_file;
	r->end = sarif_end;
	r->free = sarif_free;
}
