/* The project model: building, deriving parsed values, freeing; level names. */
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "model.h"
#include "pb_limits.h"
#include "text.h"
#include "util.h"
#include "value.h"

const char *
field_name_zh(enum field f)
{
	return label_field(f)->zh;
}

const char *
field_name_en(enum field f)
{
	return label_field(f)->en;
}

/*
 * Level names and their aliases (SPEC 3.1). A trailing 指标 is optional
 * for level 2, so the aliases are written without it and the lookup strips
 * it from the text as well. Names are looked up by their label key, so a
 * bracketed alternative (数量指标(或建筑规模指标)) is no part of the name.
 */
struct level1_name {
	enum level1	 id;
	const char	*name;
	const char	*aliases[4];
};

static const struct level1_name level1_names[] = {
	{ LEVEL1_OUTPUT, "产出指标", { "产出", "预期产出指标", "预期产出" } },
	{ LEVEL1_EFFECT, "效果指标", { "效益指标", "效果", "效益" } },
	{ LEVEL1_SATISFACTION, "满意度指标", { "满意度" } },
	{ LEVEL1_COST, "成本指标", { "成本" } },
};

struct level2_name {
	enum level2	 id;
	enum level1	 parent;
	const char	*name;
	const char	*aliases[4];	/* without a trailing 指标 */
};

static const struct level2_name level2_names[] = {
	{ LEVEL2_QUANTITY, LEVEL1_OUTPUT, "数量指标", { "数量" } },
	{ LEVEL2_QUALITY, LEVEL1_OUTPUT, "质量指标", { "质量" } },
	{ LEVEL2_TIMELINESS, LEVEL1_OUTPUT, "时效指标", { "时效" } },
	{ LEVEL2_COST, LEVEL1_OUTPUT, "成本指标", { "成本" } },
	{ LEVEL2_ECONOMIC, LEVEL1_EFFECT, "经济效益指标", { "经济效益" } },
	{ LEVEL2_SOCIAL, LEVEL1_EFFECT, "社会效益指标", { "社会效益" } },
	{ LEVEL2_ECOLOGICAL, LEVEL1_EFFECT, "生态效益指标",
	    { "生态效益", "环境效益" } },
	{ LEVEL2_SUSTAINABLE, LEVEL1_EFFECT, "可持续影响指标",
	    { "可持续影响", "可持续性影响" } },
	{ LEVEL2_SATISFACTION, LEVEL1_SATISFACTION, "服务对象满意度指标",
	    { "服务对象满意度", "社会公众或服务对象满意度", "满意度" } },
	{ LEVEL2_ECONOMIC_COST, LEVEL1_COST, "经济成本指标", { "经济成本" } },
	{ LEVEL2_SOCIAL_COST, LEVEL1_COST, "社会成本指标", { "社会成本" } },
	{ LEVEL2_ECOLOGICAL_COST, LEVEL1_COST, "生态环境成本指标",
	    { "生态环境成本" } },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

enum level1
level1_lookup(const char *text)
{
	char *l;
	size_t i, j;
	enum level1 found = LEVEL1_UNKNOWN;

	if (text == NULL)
		return LEVEL1_UNKNOWN;
	/* A name or alias as it is written (the common case) is its own
	 * label key: found without making one. */
	for (i = 0; i < NELEM(level1_names); i++) {
		if (strcmp(text, level1_names[i].name) == 0)
			return level1_names[i].id;
		for (j = 0; j < NELEM(level1_names[i].aliases) &&
		    level1_names[i].aliases[j] != NULL; j++)
			if (strcmp(text, level1_names[i].aliases[j]) == 0)
				return level1_names[i].id;
	}
	l = label_key(text);
	for (i = 0; i < NELEM(level1_names) && found == LEVEL1_UNKNOWN; i++) {
		if (strcmp(l, level1_names[i].name) == 0)
			found = level1_names[i].id;
		for (j = 0; j < NELEM(level1_names[i].aliases) &&
		    level1_names[i].aliases[j] != NULL; j++)
			if (strcmp(l, level1_names[i].aliases[j]) == 0)
				found = level1_names[i].id;
	}
	free(l);
	return found;
}

enum level2
level2_lookup(const char *text)
{
	static const char suffix[] = "指标";
	char *l;
	size_t i, j, n;
	enum level2 found = LEVEL2_UNKNOWN;

	if (text == NULL)
		return LEVEL2_UNKNOWN;
	/* An alias as it is written, with or without 指标, is its own label
	 * key: found without making one. */
	n = strlen(text);
	if (n > strlen(suffix) && text_ends_with(text, suffix))
		n -= strlen(suffix);
	for (i = 0; i < NELEM(level2_names); i++)
		for (j = 0; j < NELEM(level2_names[i].aliases) &&
		    level2_names[i].aliases[j] != NULL; j++)
			if (strlen(level2_names[i].aliases[j]) == n &&
			    memcmp(text, level2_names[i].aliases[j], n) == 0)
				return level2_names[i].id;
	l = label_key(text);
	n = strlen(l);
	if (n > strlen(suffix) && text_ends_with(l, suffix))
		l[n - strlen(suffix)] = '\0';
	for (i = 0; i < NELEM(level2_names) && found == LEVEL2_UNKNOWN; i++)
		for (j = 0; j < NELEM(level2_names[i].aliases) &&
		    level2_names[i].aliases[j] != NULL; j++)
			if (strcmp(l, level2_names[i].aliases[j]) == 0)
				found = level2_names[i].id;
	free(l);
	return found;
}

bool
level2_belongs(enum level1 l1, enum level2 l2)
{
	size_t i;

	for (i = 0; i < NELEM(level2_names); i++)
		if (level2_names[i].id == l2)
			return level2_names[i].parent == l1;
	return false;
}

const char *
level1_name(enum level1 l1)
{
	size_t i;

	for (i = 0; i < NELEM(level1_names); i++)
		if (level1_names[i].id == l1)
			return level1_names[i].name;
	return NULL;
}

const char *
level2_name(enum level2 l2)
{
	size_t i;

	for (i = 0; i < NELEM(level2_names); i++)
		if (level2_names[i].id == l2)
			return level2_names[i].name;
	return NULL;
}

void
project_add_goal(struct project *p, int number, const char *text,
    struct loc loc)
{
	struct goal *g;

	p->goals = xgrowarray(p->goals, p->ngoals, sizeof(*p->goals));
	g = &p->goals[p->ngoals++];
	g->number = number;
	g->text = xstrdup(text ? text : "");
	g->loc = loc;
}

/* Frees what an indicator owns: its texts (those in block with it), its
 * value and its label keys. */
static void
indicator_clear(struct indicator *in)
{
	int k;

	for (k = 0; k < INDICATOR_FIELDS; k++)
		if (!(in->shared & (1u << k)))
			free(in->text[k]);
	free(in->block);
	value_free(&in->value);
	free(in->key[0]);
}

/* The indicators a project has room for at first (a power of two). */
#define IND_FIRST	16

struct indicator *
project_add_indicator(struct project *p)
{
	struct indicator *in;

	/* Room for a project's usual few at once, then doubled. */
	if (p->nind == 0)
		p->ind = xreallocarray(p->ind, IND_FIRST, sizeof(*p->ind));
	else if (p->nind >= IND_FIRST)
		p->ind = xgrowarray(p->ind, p->nind, sizeof(*p->ind));
	if (p->nind < PB_MAX_INDICATORS) {
		in = &p->ind[p->nind++];
		memset(in, 0, sizeof(*in));
		return in;
	}
	/*
	 * Past the limit, every further row is written into one spare slot
	 * after the kept ones, emptied each time: memory stays bounded, the
	 * readers need not know, and the engine reports PB001 once.
	 */
	in = &p->ind[p->nind];
	if (p->nind_over++ > 0)
		indicator_clear(in);
	memset(in, 0, sizeof(*in));
	return in;
}

static void
parse_number(struct number_cell *c, const char *text, bool percent)
{
	c->number = 0;
	c->status = value_number(text, percent, &c->number);
	if (c->status != NUMBER_OK)
		c->number = 0;
}

/*
 * Whether a 一级 cell names another level than the row above: by level
 * when either is a known name or alias (效益指标 is 效果指标), else by label.
 */
static bool
other_level1(const struct indicator *in, const struct indicator *up)
{
	if (in->level1 != LEVEL1_UNKNOWN || up->level1 != LEVEL1_UNKNOWN)
		return in->level1 != up->level1;
	return !text_label_equal(in->text[IND(FIELD_LEVEL1)],
	    up->text[IND(FIELD_LEVEL1)]);
}

/* SPEC 3.2: the kind follows from levels that fit together, or is none. */
static enum indicator_kind
indicator_kind(const struct indicator *in)
{
	if (!in->level2_valid)
		return KIND_NONE;
	if (in->level1 == LEVEL1_COST || in->level2 == LEVEL2_COST)
		return KIND_COST;
	if (in->level1 == LEVEL1_SATISFACTION)
		return KIND_SATISFACTION;
	if (in->level2 == LEVEL2_QUANTITY)
		return KIND_QUANTITY;
	return KIND_NONE;
}

/* Lets text[k] go, to be replaced by a text of its own. */
static void
drop_text(struct indicator *in, int k)
{
	if (in->shared & (1u << k))
		in->shared &= ~(1u << k);
	else
		free(in->text[k]);
	in->text[k] = NULL;
}

/*
 * SPEC 2.1 fill-down, as merged cells are saved, then the levels of each
 * row: a blank 一级指标 is the one above; a blank 二级指标 is the one above
 * unless the row starts a new 一级指标 (its own 一级 cell names another
 * level than the row above). Each 一级 is looked up once, in row order,
 * so the row above is already known when a row is compared with it.
 */
static void
derive_levels(struct project *p)
{
	/* The last text looked up at each level and what it gave: rows of a
	 * group repeat their names (产出\n指标 on every row), and a lookup is
	 * a function of the text. */
	const char *last1 = NULL, *last2 = NULL;
	enum level1 got1 = LEVEL1_UNKNOWN;
	enum level2 got2 = LEVEL2_UNKNOWN;
	size_t i;

	for (i = 0; i < p->nind; i++) {
		struct indicator *in = &p->ind[i];
		const struct indicator *up = i > 0 ? &p->ind[i - 1] : NULL;
		char **l1 = &in->text[IND(FIELD_LEVEL1)];
		char **l2 = &in->text[IND(FIELD_LEVEL2)];
		bool starts_new = false;

		if (up != NULL && text_blank(*l1)) {
			drop_text(in, IND(FIELD_LEVEL1));
			*l1 = xstrdup(up->text[IND(FIELD_LEVEL1)]);
			in->level1 = up->level1;
		} else {
			if (last1 == NULL || strcmp(*l1, last1) != 0)
				got1 = level1_lookup(*l1);
			last1 = *l1;
			in->level1 = got1;
			starts_new = up != NULL && other_level1(in, up);
		}
		if (up != NULL && text_blank(*l2) && !starts_new) {
			drop_text(in, IND(FIELD_LEVEL2));
			*l2 = xstrdup(up->text[IND(FIELD_LEVEL2)]);
		}
		if (last2 == NULL || strcmp(*l2, last2) != 0)
			got2 = level2_lookup(*l2);
		last2 = *l2;
		in->level2 = got2;
		in->level2_valid = in->level1 != LEVEL1_UNKNOWN &&
		    level2_belongs(in->level1, in->level2);
		in->kind = indicator_kind(in);
	}
}

/* The label keys of an indicator's texts, in one allocation. */
static void
make_keys(struct indicator *in)
{
	size_t len[INDICATOR_FIELDS], all = 0;
	char *w;
	int k;

	for (k = 0; k < INDICATOR_FIELDS; k++) {
		len[k] = strlen(in->text[k]);
		all += len[k] + 1;
	}
	w = xmalloc(all);
	for (k = 0; k < INDICATOR_FIELDS; k++) {
		in->key[k] = w;
		text_label_key_into(in->text[k], len[k], w);
		w += len[k] + 1;
	}
}

/* PB310's row (see struct indicator), from the blank flags and 三级. */
static bool
not_applicable(const struct indicator *in)
{
	static const char *const prefixes[] = { "本项目无", "此项目无",
	    "该项目无", "无" };
	const char *l3;
	size_t i;
	bool match = false;

	if (!in->blank[IND(FIELD_DESCRIPTION)] ||
	    !in->blank[IND(FIELD_VALUE)] || !in->blank[IND(FIELD_BASIS)])
		return false;
	/* The key, as the label without a trailing full stop, starts as
	 * the label does with each prefix. */
	l3 = in->key[IND(FIELD_LEVEL3)];
	for (i = 0; i < NELEM(prefixes); i++)
		if (text_starts_with(l3, prefixes[i]))
			match = true;
	return match;
}

void
project_finish(struct project *p)
{
	size_t i;
	int k;

	for (k = 0; k < PROJECT_FIELDS; k++)
		if (p->text[k] == NULL)
			p->text[k] = xstrdup("");
	parse_number(&p->budget, p->text[FIELD_BUDGET], false);
	parse_number(&p->fiscal, p->text[FIELD_FISCAL], false);
	parse_number(&p->other, p->text[FIELD_OTHER], false);
	for (k = 0; k < PLAN_POINTS; k++)
		parse_number(&p->plan[k], p->text[FIELD_PLAN_MAR + k], true);
	for (i = 0; i < p->nind; i++)
		for (k = 0; k < INDICATOR_FIELDS; k++)
			if (p->ind[i].text[k] == NULL)
				p->ind[i].text[k] = xstrdup("");
	derive_levels(p);
	for (i = 0; i < p->nind; i++) {
		struct indicator *in = &p->ind[i];

		value_parse(in->text[IND(FIELD_VALUE)], &in->value);
		for (k = 0; k < INDICATOR_FIELDS; k++)
			in->blank[k] = text_blank(in->text[k]);
		make_keys(in);
		in->not_applicable = not_applicable(in);
	}
}

void
project_free(struct project *p)
{
	size_t i;
	int k;

	for (k = 0; k < PROJECT_FIELDS; k++)
		if (!(p->text_shared & (1u << k)))
			free(p->text[k]);
	free(p->text_block);
	for (i = 0; i < p->ngoals; i++)
		free(p->goals[i].text);
	free(p->goals);
	for (i = 0; i < p->nind; i++)
		indicator_clear(&p->ind[i]);
	if (p->nind_over > 0)
		indicator_clear(&p->ind[p->nind]);
	free(p->ind);
	memset(p, 0, sizeof(*p));
}
