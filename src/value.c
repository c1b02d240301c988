/* Reads an indicator value (指标值) into operator, number and unit, SPEC 3.2. */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"
#include "value.h"

struct op_spelling {
	const char	*text;
	enum value_op	 op;
	bool		 word;
};

/* Longest match wins, so the order of this table does not matter. */
static const struct op_spelling op_spellings[] = {
	{ ">=", OP_GE, false },
	{ "\xE2\x89\xA5", OP_GE, false },		/* ≥ */
	{ "\xE2\x89\xA7", OP_GE, false },		/* ≧ */
	{ "\xE3\x80\x8B=", OP_GE, false },		/* 》= */
	{ "\xE3\x80\x8B", OP_GE, false },		/* 》 */
	{ "不低于", OP_GE, true },
	{ "不少于", OP_GE, true },
	{ "达到", OP_GE, true },
	{ "<=", OP_LE, false },
	{ "\xE2\x89\xA4", OP_LE, false },		/* ≤ */
	{ "\xE2\x89\xA6", OP_LE, false },		/* ≦ */
	{ "\xE3\x80\x8A=", OP_LE, false },		/* 《= */
	{ "\xE3\x80\x8A", OP_LE, false },		/* 《 */
	{ "不超过", OP_LE, true },
	{ "不高于", OP_LE, true },
	{ "控制在", OP_LE, true },
	{ ">", OP_GT, false },
	{ "大于", OP_GT, true },
	{ "高于", OP_GT, true },
	{ "<", OP_LT, false },
	{ "小于", OP_LT, true },
	{ "低于", OP_LT, true },
	{ "=", OP_EQ, false }
};

struct op_suffix {
	const char	*text;
	enum value_op	 op;
};

static const struct op_suffix op_suffixes[] = {
	{ "以上", OP_GE },
	{ "以内", OP_LE },
	{ "以下", OP_LE }
};

struct unit_entry {
	const char	*text;
	enum unit_class	 unit_class;
	const char	*alias_of;	/* canonical unit, or NULL */
};

static const struct unit_entry unit_table[] = {
	{ "个", UNIT_COUNT, NULL },
	{ "次", UNIT_COUNT, NULL },
	{ "人", UNIT_COUNT, NULL },
	{ "人次", UNIT_COUNT, NULL },
	{ "家", UNIT_COUNT, NULL },
	{ "套", UNIT_COUNT, NULL },
	{ "类", UNIT_COUNT, NULL },
	{ "户", UNIT_COUNT, NULL },
	{ "项", UNIT_COUNT, NULL },
	{ "件", UNIT_COUNT, NULL },
	{ "份", UNIT_COUNT, NULL },
	{ "篇", UNIT_COUNT, NULL },
	{ "场", UNIT_COUNT, NULL },
	{ "台", UNIT_COUNT, NULL },
	{ "辆", UNIT_COUNT, NULL },
	{ "批", UNIT_COUNT, NULL },
	{ "所", UNIT_COUNT, NULL },
	{ "处", UNIT_COUNT, NULL },
	{ "册", UNIT_COUNT, NULL },
	{ "座", UNIT_COUNT, NULL },
	{ "条", UNIT_COUNT, NULL },
	{ "部", UNIT_COUNT, NULL },
	{ "张", UNIT_COUNT, NULL },
	{ "本", UNIT_COUNT, NULL },
	{ "名", UNIT_COUNT, NULL },
	{ "位", UNIT_COUNT, NULL },
	{ "间", UNIT_COUNT, NULL },
	{ "站", UNIT_COUNT, NULL },
	{ "期", UNIT_COUNT, NULL },
	{ "万元", UNIT_MONEY, NULL },
	{ "元", UNIT_MONEY, NULL },
	{ "%", UNIT_RATIO, NULL },
	{ "\xE2\x80\xB0", UNIT_RATIO, NULL },		/* ‰ */
	{ "百分比", UNIT_RATIO, "%" },	/* a 度量单位 column's word */
	{ "小时", UNIT_TIME, NULL },
	{ "个月", UNIT_TIME, NULL },
	{ "月", UNIT_TIME, NULL },
	{ "天", UNIT_TIME, NULL },
	{ "日", UNIT_TIME, NULL },
	{ "工作日", UNIT_TIME, NULL },
	{ "年", UNIT_TIME, NULL },
	{ "平方米", UNIT_MEASURE, NULL },
	{ "亩", UNIT_MEASURE, NULL },
	{ "公里", UNIT_MEASURE, NULL },
	{ "米", UNIT_MEASURE, NULL },
	{ "吨", UNIT_MEASURE, NULL },
	{ "分", UNIT_MEASURE, NULL },
	{ "平", UNIT_MEASURE, "平方米" },
	{ "\xE3\x8E\xA1", UNIT_MEASURE, "平方米" },	/* ㎡ */
	{ "m\xC2\xB2", UNIT_MEASURE, "平方米" }		/* m² */
};

/* Per-unit money: the static canonical forms of 万元/X and 元/X. */
static const char unit_wan_per[] = "万元/";
static const char unit_yuan_per[] = "元/";

static const char range_to[] = "至";
static const char book_open[] = "\xE3\x80\x8A";		/* 《 */
static const char book_close[] = "\xE3\x80\x8B";	/* 》 */

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Reads a number of the SPEC 3.2 grammar at s and returns the bytes it
 * takes, or 0 when s does not start one. The value is built from the
 * digits rather than by strtod(3), which would follow the locale's
 * decimal point. *bad is set when the number runs on into '.', ',' or a
 * digit, as in 1.2.3, 3,5 and 1,0000.
 */
static size_t
number_scan(const char *s, double *out, bool *bad)
{
	const char *p = s;
	double mant = 0, scale = 1;
	bool neg = false;
	size_t run;

	*bad = false;
	if (*p == '-') {
		neg = true;
		p++;
	}
	if (!is_digit(p[0]) && !(p[0] == '.' && is_digit(p[1])))
		return 0;
	for (run = 0; is_digit(*p); run++, p++)
		mant = mant * 10 + (*p - '0');
	/* Thousands groups only follow a lead of one to three digits. */
	if (run >= 1 && run <= 3) {
		while (p[0] == ',' && is_digit(p[1]) && is_digit(p[2]) &&
		    is_digit(p[3])) {
			mant = mant * 1000 + (p[1] - '0') * 100 +
			    (p[2] - '0') * 10 + (p[3] - '0');
			p += 4;
		}
	}
	if (p[0] == '.' && is_digit(p[1])) {
		for (p++; is_digit(*p); p++) {
			mant = mant * 10 + (*p - '0');
			scale *= 10;
		}
	}
	if (*p == '.' || *p == ',' || is_digit(*p))
		*bad = true;
	*out = (neg ? -mant : mant) / scale;
	return (size_t)(p - s);
}

static bool
number_starts(const char *s)
{
	if (*s == '-')
		s++;
	return is_digit(s[0]) || (s[0] == '.' && is_digit(s[1]));
}

/* True if s is one or more repetitions of the UTF-8 string unit. */
static bool
is_run_of(const char *s, const char *unit)
{
	size_t n = strlen(unit);

	if (*s == '\0')
		return false;
	for (; *s != '\0'; s += n)
		if (strncmp(s, unit, n) != 0)
			return false;
	return true;
}

static bool
is_placeholder(const char *s)
{
	static const char dash[] = "\xE2\x80\x94";	/* — */
	const char *p;

	if (is_run_of(s, "*") || is_run_of(s, dash) || strcmp(s, "/") == 0 ||
	    strcmp(s, "-") == 0 || strcmp(s, "--") == 0 ||
	    strcmp(s, "待定") == 0)
		return true;
	for (p = s; *p == 'X' || *p == 'x'; p++)
		continue;
	return *p == '\0' && p - s >= 2;
}

static const struct op_spelling *
op_match(const char *s)
{
	const struct op_spelling *best = NULL;
	size_t i, n, best_n = 0;

	for (i = 0; i < sizeof(op_spellings) / sizeof(op_spellings[0]); i++) {
		/* Most spellings differ from s in the first byte. */
		if (op_spellings[i].text[0] != s[0])
			continue;
		n = strlen(op_spellings[i].text);
		if (n > best_n && strncmp(s, op_spellings[i].text, n) == 0) {
			best = &op_spellings[i];
			best_n = n;
		}
	}
	return best;
}

/*
 * Classifies a unit as written. Only a whole-string match counts, because
 * 个 and 个月 are different units.
 */
static void
unit_classify(const char *u, enum unit_class *cls, const char **canonical,
    bool *alias)
{
	size_t i;

	*cls = UNIT_NONE;
	*canonical = NULL;
	*alias = false;
	if (*u == '\0')
		return;
	for (i = 0; i < sizeof(unit_table) / sizeof(unit_table[0]); i++) {
		if (u[0] != unit_table[i].text[0] ||
		    strcmp(u, unit_table[i].text) != 0)
			continue;
		*cls = unit_table[i].unit_class;
		/* 百分比 spells % out; only the colloquial aliases are
		 * PB413. */
		*alias = unit_table[i].alias_of != NULL &&
		    strcmp(unit_table[i].alias_of, "%") != 0;
		*canonical = unit_table[i].alias_of != NULL ?
		    unit_table[i].alias_of : unit_table[i].text;
		return;
	}
	if (text_starts_with(u, unit_wan_per) &&
	    u[sizeof(unit_wan_per) - 1] != '\0') {
		*cls = UNIT_MONEY_PER;
		*canonical = unit_wan_per;
	} else if (text_starts_with(u, unit_yuan_per) &&
	    u[sizeof(unit_yuan_per) - 1] != '\0') {
		*cls = UNIT_MONEY_PER;
		*canonical = unit_yuan_per;
	} else
		*cls = UNIT_UNKNOWN;
}

static bool
unit_in_table(const char *u)
{
	enum unit_class cls;
	const char *canonical;
	bool alias;

	unit_classify(u, &cls, &canonical, &alias);
	return cls != UNIT_NONE && cls != UNIT_UNKNOWN;
}

/* Returns the length of s without a trailing 以上, 以内 or 以下, and its op. */
static size_t
suffix_strip(const char *s, size_t n, enum value_op *op)
{
	size_t i, m;

	*op = OP_NONE;
	for (i = 0; i < sizeof(op_suffixes) / sizeof(op_suffixes[0]); i++) {
		m = strlen(op_suffixes[i].text);
		if (m <= n && memcmp(s + n - m, op_suffixes[i].text, m) == 0) {
			*op = op_suffixes[i].op;
			return n - m;
		}
	}
	return n;
}

/* Length of a range separator (-, ~ or 至) at s, or 0. */
static size_t
range_sep(const char *s)
{
	if (*s == '-' || *s == '~')
		return 1;
	if (text_starts_with(s, range_to))
		return sizeof(range_to) - 1;
	return 0;
}

/* The reading of the text after the first number, before kinds are decided. */
struct tail {
	bool		 range;
	bool		 malformed;
	double		 max;
	const char	*unit;		/* into the squeezed text */
	size_t		 unit_len;	/* without a suffix operator */
	enum value_op	 suffix;
};

/*
 * Looks for "-b", "~b" or "至b" after the first number, with a unit either
 * after b alone or after both ends. The first separator whose left side
 * is empty or a table unit decides; a unit after the first end only (90%~95)
 * is not a range, as SPEC 3.2 has the unit follow b.
 */
static bool
tail_range(const char *rest, struct tail *t)
{
	const char *p, *after, *end = rest + strlen(rest);
	char *left, *right;
	size_t sep = 0, len, n, right_len;
	double max;
	bool bad, ok;
	enum value_op suffix;

	/* The end is measured once: a long unit is no quadratic scan. */
	for (p = rest; *p != '\0'; p += len) {
		sep = range_sep(p);
		if (sep > 0 && number_starts(p + sep))
			break;
		text_utf8_decode(p, (size_t)(end - p), &len);
	}
	if (*p == '\0')
		return false;
	left = xstrndup(rest, (size_t)(p - rest));
	if (*left != '\0' && !unit_in_table(left)) {
		free(left);
		return false;
	}
	n = number_scan(p + sep, &max, &bad);
	if (bad) {
		free(left);
		t->malformed = true;
		return true;
	}
	after = p + sep + n;
	right_len = suffix_strip(after, strlen(after), &suffix);
	right = xstrndup(after, right_len);
	ok = *left == '\0' || strcmp(left, right) == 0;
	free(left);
	free(right);
	if (!ok)
		return false;
	t->range = true;
	t->max = max;
	t->unit = after;
	t->unit_len = right_len;
	t->suffix = suffix;
	return true;
}

static void
tail_read(const char *rest, struct tail *t)
{
	memset(t, 0, sizeof(*t));
	if (tail_range(rest, t))
		return;
	t->unit = rest;
	t->unit_len = suffix_strip(rest, strlen(rest), &t->suffix);
}

/* Qualitative text carries no number, unit or operator, whatever it held. */
static void
value_set_qualitative(struct value *v)
{
	free(v->unit);
	v->unit = NULL;
	v->kind = VALUE_QUALITATIVE;
	v->op = OP_NONE;
	v->op_implicit = v->op_word = v->op_suffix = false;
	v->has_number = v->has_max = false;
	v->number = v->max = 0;
	v->unit_class = UNIT_NONE;
	v->unit_canonical = NULL;
	v->unit_alias = false;
}

/*
 * A malformed value keeps only its operator and the reason: PB402 stops
 * every other PB4 rule, so a half-read number must not reach them.
 */
static void
value_set_malformed(struct value *v, const char *why)
{
	v->kind = VALUE_QUANTITATIVE;
	v->malformed = true;
	v->malformed_why = why;
	v->has_number = v->has_max = false;
	v->number = v->max = 0;
}

/*
 * Drops one trailing 。 or . from s, which ends a value as it ends a
 * sentence (≥95%。, =1次.); SPEC 3.2 reads it as no part of the unit or
 * the number. Only called where a number follows the operator, so 。 alone
 * or prose keep their stop.
 */
static void
full_stop_strip(char *s)
{
	static const char stop[] = "\xE3\x80\x82";		/* 。 */
	size_t n = strlen(s), m = sizeof(stop) - 1;

	if (n >= m && memcmp(s + n - m, stop, m) == 0)
		s[n - m] = '\0';
	else if (n >= 1 && s[n - 1] == '.')
		s[n - 1] = '\0';
}

static void
value_parse_squeezed(char *s, struct value *v)
{
	const struct op_spelling *sp;
	struct tail t;
	const char *p;
	size_t n;
	bool bad;

	if (*s == '\0') {
		v->kind = VALUE_EMPTY;
		return;
	}
	if (is_placeholder(s)) {
		v->kind = VALUE_EMPTY;
		v->placeholder = true;
		return;
	}
	/*
	 * 《 is also the opening book-title mark: 《…》 names a plan or a
	 * standard (《工作计划》), not a "<=" operator.
	 */
	if (text_starts_with(s, book_open) &&
	    strstr(s + sizeof(book_open) - 1, book_close) != NULL) {
		v->kind = VALUE_QUALITATIVE;
		return;
	}
	p = s;
	if ((sp = op_match(p)) != NULL) {
		v->op = sp->op;
		v->op_word = sp->word;
		p += strlen(sp->text);
	}
	if (number_starts(p))
		full_stop_strip(s);
	n = number_scan(p, &v->number, &bad);
	if (n == 0) {
		/* 达到要求 is prose; a bare symbol (》%) is a broken value. */
		if (sp == NULL || sp->word)
			value_set_qualitative(v);
		else
			value_set_malformed(v, "operator without a number");
		return;
	}
	if (bad) {
		value_set_malformed(v, "malformed number");
		return;
	}
	v->has_number = true;
	tail_read(p + n, &t);
	if (t.malformed) {
		value_set_malformed(v, "malformed number");
		return;
	}
	if (t.range) {
		v->has_max = true;
		v->max = t.max;
	}
	if (v->op == OP_NONE && t.suffix != OP_NONE) {
		v->op = t.suffix;
		v->op_suffix = true;
	}
	v->unit = xstrndup(t.unit, t.unit_len);
	unit_classify(v->unit, &v->unit_class, &v->unit_canonical,
	    &v->unit_alias);
	if (v->op != OP_NONE)
		v->kind = t.range ? VALUE_RANGE : VALUE_QUANTITATIVE;
	else if (v->unit_class == UNIT_UNKNOWN)
		value_set_qualitative(v);	/* 3天内完成, 2020年度 */
	else if (t.range)
		v->kind = VALUE_RANGE;
	else {
		v->kind = VALUE_QUANTITATIVE;
		v->op = OP_EQ;
		v->op_implicit = true;
	}
}

void
value_parse(const char *raw, struct value *v)
{
	char small[256], *s;
	size_t n;

	memset(v, 0, sizeof(*v));
	n = strlen(raw != NULL ? raw : "");
	v->raw = xstrndup(raw != NULL ? raw : "", n);
	/* The squeezed text of a short value (nearly all) on the stack. */
	s = n < sizeof(small) ? small : xmalloc(n + 1);
	text_squeeze_into(v->raw, n, s);
	value_parse_squeezed(s, v);
	if (s != small)
		free(s);
	if (v->unit == NULL)
		v->unit = xstrdup("");
}

void
value_free(struct value *v)
{
	free(v->raw);
	free(v->unit);
	memset(v, 0, sizeof(*v));
}

void
value_copy(struct value *dst, const struct value *src)
{
	*dst = *src;
	dst->raw = xstrdup(src->raw != NULL ? src->raw : "");
	dst->unit = xstrdup(src->unit != NULL ? src->unit : "");
}

bool
value_money_wan(const struct value *v, bool use_max, double *wan)
{
	double x;
	bool in_wan;

	if (use_max ? !v->has_max : !v->has_number)
		return false;
	if (v->unit_class != UNIT_MONEY && v->unit_class != UNIT_MONEY_PER)
		return false;
	x = use_max ? v->max : v->number;
	/* 万元 and 万元/X are already in 万元; 元 and 元/X are not. */
	in_wan = text_starts_with(v->unit_canonical, "万元");
	*wan = in_wan ? x : x / 10000;
	return true;
}

const char *
value_op_name(enum value_op op)
{
	switch (op) {
	case OP_NONE:
		return NULL;
	case OP_EQ:
		return "=";
	case OP_GE:
		return ">=";
	case OP_LE:
		return "<=";
	case OP_GT:
		return ">";
	case OP_LT:
		return "<";
	}
	return NULL;
}

const char *
value_kind_name(enum value_kind kind)
{
	switch (kind) {
	case VALUE_EMPTY:
		return "empty";
	case VALUE_QUANTITATIVE:
		return "quantitative";
	case VALUE_RANGE:
		return "range";
	case VALUE_QUALITATIVE:
		return "qualitative";
	}
	return "unknown";
}

const char *
value_unit_class_name(enum unit_class c)
{
	switch (c) {
	case UNIT_NONE:
		return "none";
	case UNIT_COUNT:
		return "count";
	case UNIT_MONEY:
		return "money";
	case UNIT_MONEY_PER:
		return "money_per";
	case UNIT_RATIO:
		return "ratio";
	case UNIT_TIME:
		return "time";
	case UNIT_MEASURE:
		return "measure";
	case UNIT_UNKNOWN:
		return "unknown";
	}
	return "unknown";
}

enum number_status
value_number(const char *s, bool allow_percent, double *out)
{
	enum number_status st;
	char *t;
	double d;
	size_t n;
	bool bad;

	if (s == NULL)
		return NUMBER_BLANK;
	t = text_squeeze(s);
	if (*t == '\0')
		st = NUMBER_BLANK;
	else if ((n = number_scan(t, &d, &bad)) == 0 || bad)
		st = NUMBER_BAD;
	else if (t[n] == '\0' ||
	    (allow_percent && t[n] == '%' && t[n + 1] == '\0')) {
		*out = d;
		st = NUMBER_OK;
	} else
		st = NUMBER_BAD;
	free(t);
	return st;
}

enum number_status
value_amount(const char *s, double *wan)
{
	static const struct {
		const char	*unit;
		double		 per_wan;
	} units[] = { { "", 1 }, { "万元", 1 }, { "万", 1 }, { "元", 10000 } };
	enum number_status st = NUMBER_BAD;
	const char *p;
	char *t;
	double d;
	size_t n, i;
	bool bad;

	if (s == NULL)
		return NUMBER_BLANK;
	t = text_squeeze(s);
	p = t;
	/* A yuan sign says the currency, not the unit: the form's is 万元. */
	if (text_starts_with(p, "￥"))
		p += strlen("￥");
	else if (text_starts_with(p, "¥"))
		p += strlen("¥");
	if (*t == '\0')
		st = NUMBER_BLANK;
	else if ((n = number_scan(p, &d, &bad)) > 0 && !bad)
		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (strcmp(p + n, units[i].unit) == 0) {
				*wan = d / units[i].per_wan;
				st = NUMBER_OK;
				break;
			}
	free(t);
	return st;
}
