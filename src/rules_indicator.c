/* Checks of the indicator families: structure (PB3), values (PB4) and consistency (PB5). */
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "rules.h"
#include "rules_check.h"
#include "text.h"
#include "util.h"
#include "value.h"

#define TEXT(in, f)	((in)->text[IND(f)])
#define LOC(in, f)	((in)->loc[IND(f)])
#define KEY(in, f)	((in)->key[IND(f)])

static bool
zh(struct check *c)
{
	return check_settings(c)->lang == LANG_ZH;
}

/* A number for a message; the caller frees it. */
static char *
fmt_number(double v)
{
	return xasprintf("%.10g", v);
}

/* PB310: the row declares its dimension not applicable (model.h). */
static bool
row_not_applicable(const struct indicator *in)
{
	return in->not_applicable;
}

/* Whether a text, by its label key (no trailing full stop), ends so. */
static bool
label_ends_with(const struct indicator *in, enum field f, const char *suffix)
{
	return text_ends_with(KEY(in, f), suffix);
}

/* Whether two texts of indicators are equal labels (text_label_equal()). */
static bool
same_label(const struct indicator *a, enum field fa,
    const struct indicator *b, enum field fb)
{
	return strcmp(KEY(a, fa), KEY(b, fb)) == 0;
}

/* SPEC 3.2: a 三级 or 描述 ending in 率. */
static bool
is_rate(const struct indicator *in)
{
	return label_ends_with(in, FIELD_LEVEL3, "率") ||
	    label_ends_with(in, FIELD_DESCRIPTION, "率");
}

static bool
contains_any(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strstr(s, *words) != NULL)
			return true;
	return false;
}

/* A value the PB4 rules after PB401/PB402 look at. */
static bool
value_checkable(const struct indicator *in)
{
	return !row_not_applicable(in) && in->value.kind != VALUE_EMPTY &&
	    !in->value.malformed;
}

static bool
value_numeric(const struct indicator *in)
{
	return value_checkable(in) && in->value.has_number &&
	    (in->value.kind == VALUE_QUANTITATIVE ||
	    in->value.kind == VALUE_RANGE);
}

static bool
unit_is_money(const struct value *v)
{
	return v->unit_class == UNIT_MONEY || v->unit_class == UNIT_MONEY_PER;
}

static bool
unit_is_percent(const struct value *v)
{
	/* By the canonical unit, so that 百分比 is % too. */
	return v->unit_canonical != NULL &&
	    strcmp(v->unit_canonical, "%") == 0;
}

static void
emit_value(struct check *c, enum rule_id r, const struct indicator *in,
    const char *a, const char *b)
{
	check_emit(c, r, FIELD_VALUE, 0, LOC(in, FIELD_VALUE),
	    TEXT(in, FIELD_VALUE), a, b);
}

/* PB3: indicator structure. */

/*
 * PB301: a blank 一级 (nothing above to fill it from) is said to be
 * empty; quoting '' as an unknown name would only puzzle the reader.
 */
void
check_pb301(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const char *l1 = TEXT(in, FIELD_LEVEL1);
		char *what;

		if (in->level1 != LEVEL1_UNKNOWN)
			continue;
		if (text_blank(l1))
			what = xstrdup(zh(c) ? "为空" : "is empty");
		else
			what = xasprintf(zh(c) ? "“%s”不是产出指标、效果指标、"
			    "满意度指标或成本指标" : "'%s' is not 产出指标, "
			    "效果指标, 满意度指标 or 成本指标", l1);
		check_emit(c, RULE_PB301, FIELD_LEVEL1, 0,
		    LOC(in, FIELD_LEVEL1), l1, what, NULL);
		free(what);
	}
}

/*
 * The 二级 names valid under a 一级, joined for a message: with 、 in
 * Chinese, with ", " in English.
 */
static char *
level2_choices(struct check *c, enum level1 l1)
{
	struct strbuf b = {0};
	int l2;

	for (l2 = LEVEL2_QUANTITY; l2 <= LEVEL2_ECOLOGICAL_COST; l2++)
		if (level2_belongs(l1, (enum level2)l2)) {
			if (b.len > 0)
				strbuf_puts(&b, zh(c) ? "、" : ", ");
			strbuf_puts(&b, level2_name((enum level2)l2));
		}
	return strbuf_take(&b);
}

/* PB302: a blank 二级 (nothing to fill it from) is said to be empty. */
void
check_pb302(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const char *l1 = level1_name(in->level1);
		const char *l2 = TEXT(in, FIELD_LEVEL2);
		char *what, *choices;

		if (in->level1 == LEVEL1_UNKNOWN || in->level2_valid)
			continue;
		if (text_blank(l2))
			what = xasprintf(zh(c) ? "为空（一级指标为%s）" :
			    "is empty (under %s)", l1);
		else
			what = xasprintf(zh(c) ? "“%s”不属于%s" :
			    "'%s' is not valid under %s", l2, l1);
		choices = level2_choices(c, in->level1);
		check_emit(c, RULE_PB302, FIELD_LEVEL2, 0,
		    LOC(in, FIELD_LEVEL2), l2, what, choices);
		free(what);
		free(choices);
	}
}

static bool
has_level1(const struct project *p, enum level1 l1)
{
	size_t i;

	for (i = 0; i < p->nind; i++)
		if (p->ind[i].level1 == l1)
			return true;
	return false;
}

void
check_pb303(struct check *c, const struct project *p)
{
	if (p->nind == 0)
		return;		/* PB109 says it */
	if (!has_level1(p, LEVEL1_OUTPUT))
		check_emit(c, RULE_PB303, FIELD_LEVEL1, 0, p->loc[FIELD_LEVEL1],
		    level1_name(LEVEL1_OUTPUT), NULL, NULL);
	if (!has_level1(p, LEVEL1_EFFECT))
		check_emit(c, RULE_PB303, FIELD_LEVEL1, 0, p->loc[FIELD_LEVEL1],
		    level1_name(LEVEL1_EFFECT), NULL, NULL);
}

void
check_pb304(struct check *c, const struct project *p)
{
	if (p->nind > 0 && !has_level1(p, LEVEL1_SATISFACTION))
		check_emit(c, RULE_PB304, FIELD_LEVEL1, 0, p->loc[FIELD_LEVEL1],
		    level1_name(LEVEL1_SATISFACTION), NULL, NULL);
}

void
check_pb305(struct check *c, const struct project *p)
{
	static const enum level2 wanted[] = { LEVEL2_QUANTITY, LEVEL2_QUALITY,
	    LEVEL2_TIMELINESS, LEVEL2_COST };
	size_t i, k;
	bool found;

	/* Without any 产出 row PB303 speaks; four PB305 would be noise. */
	if (!has_level1(p, LEVEL1_OUTPUT))
		return;
	for (k = 0; k < sizeof(wanted) / sizeof(wanted[0]); k++) {
		found = false;
		for (i = 0; i < p->nind && !found; i++)
			if (p->ind[i].level1 == LEVEL1_OUTPUT &&
			    p->ind[i].level2 == wanted[k])
				found = true;
		if (wanted[k] == LEVEL2_COST && has_level1(p, LEVEL1_COST))
			found = true;
		if (!found)
			check_emit(c, RULE_PB305, FIELD_LEVEL2, 0,
			    p->loc[FIELD_LEVEL2], level2_name(wanted[k]), NULL,
			    NULL);
	}
}

/*
 * PB306, PB307, PB309: a cell of the row is blank. The message names the
 * indicator by its 三级 and, when there is one, its description.
 */
static void
check_blank(struct check *c, const struct project *p, enum rule_id r,
    enum field f)
{
	const char *l3, *desc;
	char *detail;
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		if (!in->blank[IND(f)] || row_not_applicable(in))
			continue;
		l3 = TEXT(in, FIELD_LEVEL3);
		desc = TEXT(in, FIELD_DESCRIPTION);
		if (text_blank(l3) || text_blank(desc) ||
		    same_label(in, FIELD_LEVEL3, in, FIELD_DESCRIPTION))
			detail = xstrdup("");
		else
			detail = xasprintf(zh(c) ? "（%s）" : " (%s)", desc);
		check_emit(c, r, f, 0, LOC(in, f), text_blank(l3) ? desc : l3,
		    detail, NULL);
		free(detail);
	}
}

void
check_pb306(struct check *c, const struct project *p)
{
	check_blank(c, p, RULE_PB306, FIELD_LEVEL3);
}

void
check_pb307(struct check *c, const struct project *p)
{
	check_blank(c, p, RULE_PB307, FIELD_DESCRIPTION);
}

void
check_pb308(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		if (!in->blank[IND(FIELD_DESCRIPTION)] &&
		    !row_not_applicable(in) &&
		    same_label(in, FIELD_DESCRIPTION, in, FIELD_LEVEL3))
			check_emit(c, RULE_PB308, FIELD_DESCRIPTION, 0,
			    LOC(in, FIELD_DESCRIPTION),
			    TEXT(in, FIELD_DESCRIPTION), NULL, NULL);
	}
}

void
check_pb309(struct check *c, const struct project *p)
{
	check_blank(c, p, RULE_PB309, FIELD_BASIS);
}

void
check_pb310(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++)
		if (row_not_applicable(&p->ind[i]))
			check_emit(c, RULE_PB310, FIELD_LEVEL3, 0,
			    LOC(&p->ind[i], FIELD_LEVEL3),
			    TEXT(&p->ind[i], FIELD_LEVEL3), NULL, NULL);
}

/* The identity of an indicator for PB311: levels by canonical name. */
static bool
same_indicator(const struct indicator *a, const struct indicator *b)
{
	bool l1 = a->level1 != LEVEL1_UNKNOWN || b->level1 != LEVEL1_UNKNOWN ?
	    a->level1 == b->level1 :
	    same_label(a, FIELD_LEVEL1, b, FIELD_LEVEL1);
	bool l2 = a->level2 != LEVEL2_UNKNOWN || b->level2 != LEVEL2_UNKNOWN ?
	    a->level2 == b->level2 :
	    same_label(a, FIELD_LEVEL2, b, FIELD_LEVEL2);

	return l1 && l2 &&
	    same_label(a, FIELD_LEVEL3, b, FIELD_LEVEL3) &&
	    same_label(a, FIELD_DESCRIPTION, b, FIELD_DESCRIPTION);
}

/* FNV-1a over a label key, or a canonical level, of an identity. */
static uint64_t
hash_part(uint64_t h, int level, bool known, const char *key)
{
	const unsigned char *p;

	if (known)
		/* A canonical level: its number, kept apart from labels. */
		return ((h ^ 0x1E) * 0x100000001b3ULL ^ (uint64_t)level) *
		    0x100000001b3ULL;
	for (p = (const unsigned char *)key; *p != '\0'; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	h = (h ^ 0x1F) * 0x100000001b3ULL;	/* the parts' separator */
	return h;
}

/* A hash of what same_indicator() compares: equal identities hash equal. */
static uint64_t
identity_hash(const struct indicator *in)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = hash_part(h, (int)in->level1, in->level1 != LEVEL1_UNKNOWN,
	    KEY(in, FIELD_LEVEL1));
	h = hash_part(h, (int)in->level2, in->level2 != LEVEL2_UNKNOWN,
	    KEY(in, FIELD_LEVEL2));
	h = hash_part(h, 0, false, KEY(in, FIELD_LEVEL3));
	return hash_part(h, 0, false, KEY(in, FIELD_DESCRIPTION));
}

/*
 * PB311 against the first earlier row with the same identity. Each row's
 * identity is hashed once into an open-addressing table of first rows, so
 * a project of n indicators costs about n comparisons, not n * n; rows
 * whose hashes are equal are compared in full.
 */
void
check_pb311(struct check *c, const struct project *p)
{
	struct slot {
		uint64_t	 hash;
		size_t		 ind;		/* index + 1, 0 when empty */
	} *tab;
	const struct indicator *in;
	char *line;
	size_t cap = 16, i, k;

	while (cap < 2 * p->nind)
		cap *= 2;
	tab = xcalloc(cap, sizeof(*tab));
	for (i = 0; i < p->nind; i++) {
		uint64_t h;

		in = &p->ind[i];
		if (row_not_applicable(in))
			continue;
		h = identity_hash(in);
		for (k = h & (cap - 1); tab[k].ind != 0; k = (k + 1) & (cap - 1))
			if (tab[k].hash == h &&
			    same_indicator(&p->ind[tab[k].ind - 1], in))
				break;
		if (tab[k].ind == 0) {
			tab[k].hash = h;
			tab[k].ind = i + 1;
			continue;
		}
		line = xasprintf("%d", p->ind[tab[k].ind - 1].line);
		check_emit(c, RULE_PB311, FIELD_LEVEL3, 0,
		    LOC(in, FIELD_LEVEL3), TEXT(in, FIELD_LEVEL3), line, NULL);
		free(line);
	}
	free(tab);
}

/* PB4: indicator values. */

void
check_pb401(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++)
		if (p->ind[i].value.kind == VALUE_EMPTY &&
		    !row_not_applicable(&p->ind[i]))
			emit_value(c, RULE_PB401, &p->ind[i],
			    TEXT(&p->ind[i], FIELD_LEVEL3), NULL);
}

void
check_pb402(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++)
		if (p->ind[i].value.malformed &&
		    !row_not_applicable(&p->ind[i]))
			emit_value(c, RULE_PB402, &p->ind[i],
			    zh(c) ? "运算符后没有数字，或数字格式错误" :
			    "an operator without a number, or a malformed "
			    "number", NULL);
}

void
check_pb403(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++)
		if (value_numeric(&p->ind[i]) &&
		    p->ind[i].value.unit_class == UNIT_NONE)
			emit_value(c, RULE_PB403, &p->ind[i], NULL, NULL);
}

void
check_pb404(struct check *c, const struct project *p)
{
	static const char *const growth[] = { "增长", "增幅", NULL };
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const struct value *v = &in->value;
		bool exempt, low, high;

		if (!value_numeric(in) || !unit_is_percent(v))
			continue;
		exempt = contains_any(TEXT(in, FIELD_LEVEL3), growth) ||
		    contains_any(TEXT(in, FIELD_DESCRIPTION), growth);
		low = v->number < 0 || (v->has_max && v->max < 0);
		high = v->number > 100 || (v->has_max && v->max > 100);
		if (low || (high && !exempt))
			emit_value(c, RULE_PB404, in, NULL, NULL);
	}
}

void
check_pb405(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		if (!value_numeric(in) || unit_is_percent(&in->value))
			continue;
		if (in->kind == KIND_SATISFACTION)
			emit_value(c, RULE_PB405, in,
			    zh(c) ? "满意度指标" : "a satisfaction indicator",
			    NULL);
		else if (is_rate(in))
			emit_value(c, RULE_PB405, in,
			    zh(c) ? "比率指标" : "a rate", NULL);
	}
}

void
check_pb406(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const struct value *v = &in->value;

		if (in->kind != KIND_SATISFACTION || !value_checkable(in))
			continue;
		if (v->kind == VALUE_QUALITATIVE)
			emit_value(c, RULE_PB406, in,
			    zh(c) ? "不是定量值" : "is not quantitative", NULL);
		else if (v->op == OP_LE || v->op == OP_LT)
			emit_value(c, RULE_PB406, in,
			    zh(c) ? "设了上限（《 或 <）" :
			    "sets an upper bound (<= or <)", NULL);
	}
}

void
check_pb407(struct check *c, const struct project *p)
{
	double floor = check_settings(c)->satisfaction_min;
	char *min = fmt_number(floor);
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const struct value *v = &in->value;

		if (in->kind != KIND_SATISFACTION || !value_numeric(in) ||
		    !unit_is_percent(v) || v->op == OP_LE || v->op == OP_LT)
			continue;
		if (v->number < floor)
			emit_value(c, RULE_PB407, in, min, NULL);
	}
	free(min);
}

void
check_pb408(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		if (in->kind == KIND_COST && value_checkable(in) &&
		    (in->value.op == OP_GE || in->value.op == OP_GT))
			emit_value(c, RULE_PB408, in, NULL, NULL);
	}
}

void
check_pb409(struct check *c, const struct project *p)
{
	double tol = check_settings(c)->budget_tolerance, wan;
	char *a, *b;
	size_t i;

	if (p->budget.status != NUMBER_OK)
		return;
	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const struct value *v = &in->value;

		if (in->kind != KIND_COST || !value_numeric(in) ||
		    !unit_is_money(v))
			continue;
		if (!value_money_wan(v, v->has_max, &wan) ||
		    wan <= p->budget.number + tol)
			continue;
		a = fmt_number(wan);
		b = fmt_number(p->budget.number);
		emit_value(c, RULE_PB409, in, a, b);
		free(a);
		free(b);
	}
}

void
check_pb410(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		if (in->kind == KIND_COST && value_numeric(in) &&
		    in->value.unit_class != UNIT_NONE &&
		    !unit_is_money(&in->value) &&
		    !unit_is_percent(&in->value))
			emit_value(c, RULE_PB410, in, in->value.unit, NULL);
	}
}

void
check_pb411(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		if (value_checkable(in) && in->value.kind == VALUE_QUALITATIVE &&
		    (in->level1 == LEVEL1_OUTPUT ||
		    in->kind == KIND_SATISFACTION))
			emit_value(c, RULE_PB411, in,
			    level1_name(in->level1 == LEVEL1_OUTPUT ?
			    LEVEL1_OUTPUT : LEVEL1_SATISFACTION), NULL);
	}
}

void
check_pb412(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		if (!value_checkable(in) || in->value.kind != VALUE_QUALITATIVE)
			continue;
		if (same_label(in, FIELD_VALUE, in, FIELD_DESCRIPTION))
			emit_value(c, RULE_PB412, in,
			    zh(c) ? "绩效指标描述" : "the description (绩效指标描述)",
			    NULL);
		else if (same_label(in, FIELD_VALUE, in, FIELD_LEVEL3))
			emit_value(c, RULE_PB412, in,
			    zh(c) ? "三级指标名称" : "the level-3 name (三级指标)",
			    NULL);
	}
}

void
check_pb413(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const struct value *v = &in->value;

		if (!value_numeric(in))
			continue;
		if (v->unit_alias)
			emit_value(c, RULE_PB413, in, v->unit,
			    zh(c) ? "是口语写法，应写作“平方米”" :
			    "is a colloquial alias; write 平方米");
		else if (v->unit_class == UNIT_UNKNOWN)
			emit_value(c, RULE_PB413, in, v->unit,
			    zh(c) ? "不在计量单位表中" :
			    "is not in the unit table");
	}
}

void
check_pb414(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++)
		if (value_checkable(&p->ind[i]) && p->ind[i].value.op_implicit)
			emit_value(c, RULE_PB414, &p->ind[i], NULL, NULL);
}

/* PB5: consistency. */

static const char *const known_bases[] = {
	"计划标准", "工作计划", "行业标准", "历史标准", "历史数据", "合同约定",
	"经验标准", "其他标准", NULL
};

static bool
basis_known(struct check *c, const char *basis)
{
	const struct settings *s = check_settings(c);
	char *key;
	size_t i;
	bool known = false;

	/* The known bases are their own label keys: a basis written as one
	 * is known at once, another's key is made once and compared. */
	for (i = 0; known_bases[i] != NULL; i++)
		if (strcmp(basis, known_bases[i]) == 0)
			return true;
	key = text_label_key(basis);
	for (i = 0; known_bases[i] != NULL && !known; i++)
		known = strcmp(key, known_bases[i]) == 0;
	free(key);
	for (i = 0; i < s->nbases && !known; i++)
		known = text_label_equal(basis, s->bases[i]);
	return known;
}

void
check_pb501(struct check *c, const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];

		if (!in->blank[IND(FIELD_BASIS)] &&
		    !basis_known(c, TEXT(in, FIELD_BASIS)))
			check_emit(c, RULE_PB501, FIELD_BASIS, 0,
			    LOC(in, FIELD_BASIS), TEXT(in, FIELD_BASIS), NULL,
			    NULL);
	}
}

/*
 * PB502's quantity: the project's first 数量 indicator (数量指标 under 产出;
 * a not-applicable row aside), when it is a count with =, >= or >. A first 数量 in other
 * units (小时, 平方米) is not a number of units the cost is per, so a
 * later count is not used in its place.
 */
static const struct indicator *
first_quantity(const struct project *p)
{
	size_t i;

	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const struct value *v = &in->value;

		if (in->kind != KIND_QUANTITY || row_not_applicable(in))
			continue;
		if (value_checkable(in) && v->kind == VALUE_QUANTITATIVE &&
		    v->unit_class == UNIT_COUNT &&
		    (v->op == OP_EQ || v->op == OP_GE || v->op == OP_GT))
			return in;
		return NULL;
	}
	return NULL;
}

void
check_pb502(struct check *c, const struct project *p)
{
	static const char *const unit_words[] = { "平均", "每", "人均", "单位",
	    NULL };
	const struct indicator *q = first_quantity(p);
	double tol = check_settings(c)->budget_tolerance, wan, total;
	char *a, *b;
	size_t i;

	if (q == NULL || p->budget.status != NUMBER_OK)
		return;
	for (i = 0; i < p->nind; i++) {
		const struct indicator *in = &p->ind[i];
		const struct value *v = &in->value;

		if (in->kind != KIND_COST || !value_checkable(in) ||
		    v->kind != VALUE_QUANTITATIVE || !unit_is_money(v) ||
		    !(v->op == OP_EQ || v->op == OP_LE || v->op == OP_LT))
			continue;
		if (!contains_any(TEXT(in, FIELD_LEVEL3), unit_words) &&
		    !contains_any(TEXT(in, FIELD_DESCRIPTION), unit_words))
			continue;
		if (!value_money_wan(v, false, &wan))
			continue;
		total = wan * q->value.number;
		if (total <= p->budget.number + tol)
			continue;
		a = xasprintf(zh(c) ? "%s（%s，第 %d 行）" :
		    "%s (%s, line %d)", TEXT(q, FIELD_VALUE),
		    TEXT(q, FIELD_LEVEL3), q->line);
		b = xasprintf("%.10g > %.10g", total, p->budget.number);
		emit_value(c, RULE_PB502, in, a, b);
		free(a);
		free(b);
	}
}
