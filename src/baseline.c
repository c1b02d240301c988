/* Baselines: a multiset of finding keys, read from and written to a diff-friendly JSON file. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "json.h"
#include "text.h"
#include "util.h"

#define NPARTS	5
/* Deeper nesting than this in a baseline is not ours: an error, not a
 * stack overflow. */
#define MAX_DEPTH 64

struct entry {
	char	*part[NPARTS];	/* file, project, rule, field, value */
};

struct baseline {
	struct strset	 keys;		/* key string -> index + 1 in count */
	size_t		*count;
	size_t		 nkeys;
	struct entry	*entries;	/* as added, for baseline_write() */
	size_t		 nentries;
};

static const char *const part_name[NPARTS] = {
	"file", "project", "rule", "field", "value"
};

struct baseline *
baseline_new(void)
{
	return xcalloc(1, sizeof(struct baseline));
}

void
baseline_free(struct baseline *b)
{
	size_t i;
	int k;

	if (b == NULL)
		return;
	strset_free(&b->keys);
	free(b->count);
	for (i = 0; i < b->nentries; i++)
		for (k = 0; k < NPARTS; k++)
			free(b->entries[i].part[k]);
	free(b->entries);
	free(b);
}

static void
key_parts(const struct baseline_key *k, const char *p[NPARTS])
{
	p[0] = k->file;
	p[1] = k->project;
	p[2] = k->rule;
	p[3] = k->field;
	p[4] = k->value;
}

char *
baseline_key_string(const struct baseline_key *k)
{
	const char *p[NPARTS];
	size_t len[NPARTS], all = 1, m;
	char *key, *w, digits[24], *d;
	int i;

	key_parts(k, p);
	/* Each part as LENGTH:TEXT, written without printf into one
	 * allocation: one key is made for every finding. */
	for (i = 0; i < NPARTS; i++) {
		if (p[i] == NULL)
			p[i] = "";
		len[i] = strlen(p[i]);
		/* Every finding keeps its key: the size is exact. */
		m = len[i];
		do
			all++;
		while ((m /= 10) > 0);
		all += 1 + len[i];
	}
	w = key = xmalloc(all);
	for (i = 0; i < NPARTS; i++) {
		d = digits + sizeof(digits);
		m = len[i];
		do
			*--d = (char)('0' + m % 10);
		while ((m /= 10) > 0);
		memcpy(w, d, (size_t)(digits + sizeof(digits) - d));
		w += digits + sizeof(digits) - d;
		*w++ = ':';
		memcpy(w, p[i], len[i]);
		w += len[i];
	}
	*w = '\0';
	return key;
}

static void
count_key(struct baseline *b, const char *key)
{
	int found;
	size_t i = (size_t)strset_get(&b->keys, key, &found);

	if (found) {
		b->count[i - 1]++;
		return;
	}
	b->count = xgrowarray(b->count, b->nkeys, sizeof(*b->count));
	b->count[b->nkeys++] = 1;
	strset_add(&b->keys, key, (void *)b->nkeys);
}

void
baseline_add(struct baseline *b, const struct baseline_key *k)
{
	const char *p[NPARTS];
	struct entry *e;
	char *key;
	int i;

	key_parts(k, p);
	/* Doubled at each power of two: a baseline of a whole province's
	 * findings is not copied once per entry. */
	b->entries = xgrowarray(b->entries, b->nentries, sizeof(*b->entries));
	e = &b->entries[b->nentries++];
	for (i = 0; i < NPARTS; i++)
		e->part[i] = xstrdup(p[i] != NULL ? p[i] : "");
	key = baseline_key_string(k);
	count_key(b, key);
	free(key);
}

int
baseline_take(struct baseline *b, const char *key)
{
	int found;
	size_t i = (size_t)strset_get(&b->keys, key, &found);

	if (!found || b->count[i - 1] == 0)
		return 0;
	b->count[i - 1]--;
	return 1;
}

size_t
baseline_left(const struct baseline *b)
{
	size_t i, n = 0;

	for (i = 0; i < b->nkeys; i++)
		n += b->count[i];
	return n;
}

static int
entry_cmp(const void *va, const void *vb)
{
	const struct entry *a = va, *b = vb;
	int i, d;

	for (i = 0; i < NPARTS; i++)
		if ((d = strcmp(a->part[i], b->part[i])) != 0)
			return d;
	return 0;
}

void
baseline_write(const struct baseline *b, FILE *out)
{
	struct entry *sorted = NULL;
	size_t i;
	int k;

	/* Sorted and one entry a line: a new finding is one added line in
	 * a diff, a fixed one a removed line. */
	if (b->nentries > 0) {
		sorted = xreallocarray(NULL, b->nentries, sizeof(*sorted));
		memcpy(sorted, b->entries, b->nentries * sizeof(*sorted));
		qsort(sorted, b->nentries, sizeof(*sorted), entry_cmp);
	}
	fputs("{\n  \"pbcheck_baseline\": 1,\n  \"findings\": [", out);
	for (i = 0; i < b->nentries; i++) {
		fputs(i > 0 ? ",\n    {" : "\n    {", out);
		for (k = 0; k < NPARTS; k++) {
			fprintf(out, "%s\"%s\": ", k > 0 ? ", " : "",
			    part_name[k]);
			json_string(out, sorted[i].part[k]);
		}
		fputc('}', out);
	}
	fputs(b->nentries > 0 ? "\n  ]\n}\n" : "]\n}\n", out);
	free(sorted);
}

/* A small reader for the baseline's JSON: it skips what it does not use. */
struct parser {
	const char	*s;
	size_t		 len, pos;
	int		 line;
	char		*why;
};

static int
fail(struct parser *p, const char *why)
{
	if (p->why == NULL)
		p->why = xstrdup(why);
	return -1;
}

static void
space(struct parser *p)
{
	while (p->pos < p->len) {
		char c = p->s[p->pos];

		if (c == '\n')
			p->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			return;
		p->pos++;
	}
}

static int
expect(struct parser *p, char c)
{
	char msg[32];

	space(p);
	if (p->pos < p->len && p->s[p->pos] == c) {
		p->pos++;
		return 0;
	}
	snprintf(msg, sizeof(msg), "expected '%c'", c);
	return fail(p, msg);
}

static int
hex4(struct parser *p, uint32_t *cp)
{
	int i;

	*cp = 0;
	if (p->len - p->pos < 4)
		return fail(p, "a \\u escape needs four hex digits");
	for (i = 0; i < 4; i++) {
		char c = p->s[p->pos++];

		*cp <<= 4;
		if (c >= '0' && c <= '9')
			*cp |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*cp |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*cp |= (uint32_t)(c - 'A' + 10);
		else
			return fail(p, "a \\u escape needs four hex digits");
	}
	return 0;
}

/* A string; *out (caller frees) unless out is NULL. */
static int
string(struct parser *p, char **out)
{
	struct strbuf b = {0};
	char enc[4];
	uint32_t cp, lo;

	if (expect(p, '"') != 0)
		return fail(p, "expected a string");
	for (;;) {
		char c;

		if (p->pos >= p->len) {
			strbuf_free(&b);
			return fail(p, "a string is not closed");
		}
		c = p->s[p->pos++];
		if (c == '"')
			break;
		if ((unsigned char)c < 0x20) {
			strbuf_free(&b);
			return fail(p, "a control character in a string");
		}
		if (c != '\\') {
			strbuf_putc(&b, c);
			continue;
		}
		if (p->pos >= p->len) {
			strbuf_free(&b);
			return fail(p, "a string is not closed");
		}
		switch (c = p->s[p->pos++]) {
		case '"': case '\\': case '/':
			strbuf_putc(&b, c);
			break;
		case 'b':
			strbuf_putc(&b, '\b');
			break;
		case 'f':
			strbuf_putc(&b, '\f');
			break;
		case 'n':
			strbuf_putc(&b, '\n');
			break;
		case 'r':
			strbuf_putc(&b, '\r');
			break;
		case 't':
			strbuf_putc(&b, '\t');
			break;
		case 'u':
			if (hex4(p, &cp) != 0) {
				strbuf_free(&b);
				return -1;
			}
			if (cp >= 0xD800 && cp < 0xDC00 &&
			    p->len - p->pos >= 6 && p->s[p->pos] == '\\' &&
			    p->s[p->pos + 1] == 'u') {
				p->pos += 2;
				if (hex4(p, &lo) != 0) {
					strbuf_free(&b);
					return -1;
				}
				if (lo >= 0xDC00 && lo < 0xE000)
					cp = 0x10000 + ((cp - 0xD800) << 10) +
					    (lo - 0xDC00);
				else
					cp = 0xFFFD;
			} else if (cp >= 0xD800 && cp < 0xE000)
				cp = 0xFFFD;
			if (cp == 0)
				cp = 0xFFFD;	/* keys are C strings */
			strbuf_add(&b, enc, text_utf8_encode(cp, enc));
			break;
		default:
			strbuf_free(&b);
			return fail(p, "an unknown escape in a string");
		}
	}
	if (out != NULL)
		*out = strbuf_take(&b);
	else
		strbuf_free(&b);
	return 0;
}

static int
skip_value(struct parser *p, int depth)
{
	char c;

	if (depth > MAX_DEPTH)
		return fail(p, "nested too deeply");
	space(p);
	if (p->pos >= p->len)
		return fail(p, "expected a value");
	c = p->s[p->pos];
	if (c == '"')
		return string(p, NULL);
	if (c == '{' || c == '[') {
		char close = c == '{' ? '}' : ']';

		p->pos++;
		space(p);
		if (p->pos < p->len && p->s[p->pos] == close) {
			p->pos++;
			return 0;
		}
		for (;;) {
			if (c == '{' && (string(p, NULL) != 0 ||
			    expect(p, ':') != 0))
				return -1;
			if (skip_value(p, depth + 1) != 0)
				return -1;
			space(p);
			if (p->pos < p->len && p->s[p->pos] == ',') {
				p->pos++;
				continue;
			}
			return expect(p, close);
		}
	}
	/* A number or true, false, null. */
	if (strchr("-0123456789tfn", c) == NULL)
		return fail(p, "expected a value");
	while (p->pos < p->len &&
	    strchr("-+.0123456789eEtruefalsn", p->s[p->pos]) != NULL)
		p->pos++;
	return 0;
}

/* {"file": …, "project": …, "rule": …, "field": …, "value": …} */
static int
entry(struct parser *p, struct baseline *b)
{
	struct baseline_key k;
	const char *parts[NPARTS];
	char *val[NPARTS] = { NULL }, *name = NULL;
	int rc = 0, i;

	if (expect(p, '{') != 0)
		return fail(p, "expected an entry {\"file\": …}");
	space(p);
	if (p->pos < p->len && p->s[p->pos] == '}')
		p->pos++;
	else
		for (;;) {
			if (string(p, &name) != 0 || expect(p, ':') != 0) {
				rc = -1;
				break;
			}
			for (i = 0; i < NPARTS; i++)
				if (strcmp(name, part_name[i]) == 0)
					break;
			free(name);
			name = NULL;
			if (i < NPARTS) {
				free(val[i]);
				val[i] = NULL;
				rc = string(p, &val[i]);
			} else
				rc = skip_value(p, 1);
			if (rc != 0)
				break;
			space(p);
			if (p->pos < p->len && p->s[p->pos] == ',') {
				p->pos++;
				continue;
			}
			rc = expect(p, '}');
			break;
		}
	if (rc == 0) {
		for (i = 0; i < NPARTS; i++)
			parts[i] = val[i] != NULL ? val[i] : "";
		k.file = parts[0];
		k.project = parts[1];
		k.rule = parts[2];
		k.field = parts[3];
		k.value = parts[4];
		baseline_add(b, &k);
	}
	for (i = 0; i < NPARTS; i++)
		free(val[i]);
	return rc;
}

static int
document(struct parser *p, struct baseline *b)
{
	char *name = NULL;
	int rc, seen = 0;

	if (expect(p, '{') != 0)
		return fail(p, "a baseline is a JSON object");
	for (;;) {
		if (string(p, &name) != 0 || expect(p, ':') != 0) {
			free(name);
			return -1;
		}
		if (strcmp(name, "findings") == 0) {
			seen = 1;
			if ((rc = expect(p, '[')) == 0) {
				space(p);
				if (p->pos < p->len && p->s[p->pos] == ']')
					p->pos++;
				else
					for (;;) {
						if ((rc = entry(p, b)) != 0)
							break;
						space(p);
						if (p->pos < p->len &&
						    p->s[p->pos] == ',') {
							p->pos++;
							continue;
						}
						rc = expect(p, ']');
						break;
					}
			}
		} else
			rc = skip_value(p, 1);
		free(name);
		name = NULL;
		if (rc != 0)
			return -1;
		space(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (expect(p, '}') != 0)
			return -1;
		break;
	}
	space(p);
	if (p->pos != p->len)
		return fail(p, "text after the baseline's object");
	if (!seen)
		return fail(p, "no \"findings\" array");
	return 0;
}

int
baseline_load(struct baseline *b, const char *path, char **err)
{
	struct strbuf buf = {0};
	struct parser p;
	char chunk[65536];
	FILE *fp;
	size_t n;
	int rc;

	if ((fp = fopen(path, "rb")) == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		strbuf_add(&buf, chunk, n);
	if (ferror(fp)) {
		*err = xasprintf("%s: %s", path, strerror(errno ? errno : EIO));
		fclose(fp);
		strbuf_free(&buf);
		return -1;
	}
	fclose(fp);
	memset(&p, 0, sizeof(p));
	p.s = buf.data != NULL ? buf.data : "";
	p.len = buf.len;
	p.line = 1;
	if (!text_utf8_valid(p.s, p.len))
		rc = fail(&p, "not UTF-8 text");
	else if (memchr(p.s, '\0', p.len) != NULL)
		rc = fail(&p, "a NUL byte");
	else
		rc = document(&p, b);
	if (rc != 0)
		*err = xasprintf("%s:%d: %s", path, p.line, p.why);
	free(p.why);
	strbuf_free(&buf);
	return rc;
}
