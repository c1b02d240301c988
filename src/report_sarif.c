/* SARIF 2.1.0 reporter (SPEC 5.4): every rule in tool.driver.rules, a result per finding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"
#include "report.h"
#include "rules.h"
#include "util.h"
#include "version.h"

static void
sarif_begin(struct reporter *r)
{
	(void)r;
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
	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];

		fputs(i ? ",\n        {" : "\n        {", out);
		fputs("\"ruleId\": ", out);
		json_string(out, rule_get(f->rule)->id);
		fprintf(out, ", \"ruleIndex\": %d, \"level\": \"%s\",\n"
		    "         \"message\": {\"text\": ", (int)f->rule,
		    level(f->severity));
		json_string(out, f->message);
		uri = path_uri(f->file);
		fputs("},\n         \"locations\": [{\"physicalLocation\": "
		    "{\"artifactLocation\": {\"uri\": ", out);
		json_string(out, uri);
		free(uri);
		fprintf(out, "}, \"region\": {\"startLine\": %d, "
		    "\"startColumn\": %d}}}]", f->loc.line, f->loc.col);
		if (f->project != NULL || f->field != NULL) {
			fputs(",\n         \"properties\": {\"project\": ", out);
			json_string(out, f->project);
			fputs(", \"field\": ", out);
			json_string(out, f->field);
			if (f->loc.table > 0)
				fprintf(out, ", \"table\": %d", f->loc.table);
			fputs("}", out);
		}
		fputs("}", out);
	}
	fputs(res->nfindings ? "\n      ],\n" : "],\n", out);
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

void
report_sarif_init(struct reporter *r)
{
	r->begin = sarif_begin;
	r->project = sarif_project;
	r->end = sarif_end;
	r->free = NULL;
}
