/* Unit tests for the indicator value grammar (SPEC 3.2) in value.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "value.h"

#include "support.h"

/* Flags of a case: the booleans of struct value that must be true. */
#define F_NUMBER	(1u << 0)	/* has_number */
#define F_MAX		(1u << 1)	/* has_max */
#define F_IMPLICIT	(1u << 2)	/* op_implicit */
#define F_WORD		(1u << 3)	/* op_word */
#define F_SUFFIX	(1u << 4)	/* op_suffix */
#define F_PLACEHOLDER	(1u << 5)	/* placeholder */
#define F_MALFORMED	(1u << 6)	/* malformed */
#define F_ALIAS		(1u << 7)	/* unit_alias */

/* Shorthands that keep one case on one line. */
#define QUANT	VALUE_QUANTITATIVE
#define RANGE	VALUE_RANGE
#define QUAL	VALUE_QUALITATIVE
#define EMPTY	VALUE_EMPTY

#define WHY_OP	"operator without a number"
#define WHY_NUM	"malformed number"

struct value_case {
	const char	*raw;
	enum value_kind	 kind;
	enum value_op	 op;
	double		 number;
	double		 max;
	const char	*unit;
	enum unit_class	 unit_class;
	const char	*canonical;
	unsigned	 flags;
	const char	*why;
};

static bool
same_double(double a, double b)
{
	double d = a - b;

	return (d < 0 ? -d : d) < 1e-9;
}

static bool
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static const char *
show(const char *s)
{
	return s != NULL ? s : "(null)";
}

/* Keeps the first difference only: later ones usually follow from it. */
static void
note(char *msg, size_t size, const char *fmt, ...)
{
	va_list ap;

	if (msg[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(msg, size, fmt, ap);
	va_end(ap);
}

static void
check_flag(char *msg, size_t size, const char *name, bool got,
    unsigned flags, unsigned flag)
{
	if (got != ((flags & flag) != 0))
		note(msg, size, "%s is %d", name, got);
}

/*
 * Parses one case and fails naming the input and the field that differs.
 * The value is freed before failing, since fail_msg() does not return.
 */
static void
check_case(const struct value_case *c)
{
	struct value v;
	char msg[512] = "";
	size_t n = sizeof(msg);

	value_parse(c->raw, &v);
	if (!same_str(v.raw, c->raw != NULL ? c->raw : ""))
		note(msg, n, "raw is \"%s\"", show(v.raw));
	if (v.kind != c->kind)
		note(msg, n, "kind %s, want %s", value_kind_name(v.kind),
		    value_kind_name(c->kind));
	if (v.op != c->op)
		note(msg, n, "op %s, want %s", show(value_op_name(v.op)),
		    show(value_op_name(c->op)));
	if (!same_double(v.number, c->number))
		note(msg, n, "number %g, want %g", v.number, c->number);
	if (!same_double(v.max, c->max))
		note(msg, n, "max %g, want %g", v.max, c->max);
	if (!same_str(v.unit, c->unit))
		note(msg, n, "unit \"%s\", want \"%s\"", show(v.unit),
		    show(c->unit));
	if (v.unit_class != c->unit_class)
		note(msg, n, "unit class %s, want %s",
		    value_unit_class_name(v.unit_class),
		    value_unit_class_name(c->unit_class));
	if (!same_str(v.unit_canonical, c->canonical))
		note(msg, n, "canonical unit \"%s\", want \"%s\"",
		    show(v.unit_canonical), show(c->canonical));
	if (!same_str(v.malformed_why, c->why))
		note(msg, n, "malformed_why \"%s\", want \"%s\"",
		    show(v.malformed_why), show(c->why));
	check_flag(msg, n, "has_number", v.has_number, c->flags, F_NUMBER);
	check_flag(msg, n, "has_max", v.has_max, c->flags, F_MAX);
	check_flag(msg, n, "op_implicit", v.op_implicit, c->flags,
	    F_IMPLICIT);
	check_flag(msg, n, "op_word", v.op_word, c->flags, F_WORD);
	check_flag(msg, n, "op_suffix", v.op_suffix, c->flags, F_SUFFIX);
	check_flag(msg, n, "placeholder", v.placeholder, c->flags,
	    F_PLACEHOLDER);
	check_flag(msg, n, "malformed", v.malformed, c->flags, F_MALFORMED);
	check_flag(msg, n, "unit_alias", v.unit_alias, c->flags, F_ALIAS);
	value_free(&v);
	if (msg[0] != '\0')
		fail_msg("\"%s\": %s", show(c->raw), msg);
}

static void
check_cases(const struct value_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		check_case(&c[i]);
}

/* Every symbol spelling of the five operators maps to its operator. */
static void
test_value_parse_symbol_operators(void **state)
{
	static const struct value_case cases[] = {
		{ ">=90%", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "≥90%", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "≧90%", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "》90%", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "<=15万元", QUANT, OP_LE, 15, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "≤15万元", QUANT, OP_LE, 15, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "≦15万元", QUANT, OP_LE, 15, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "《15万元", QUANT, OP_LE, 15, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ ">3次", QUANT, OP_GT, 3, 0, "次", UNIT_COUNT, "次", F_NUMBER, NULL },
		{ "<5天", QUANT, OP_LT, 5, 0, "天", UNIT_TIME, "天", F_NUMBER, NULL },
		{ "=100%", QUANT, OP_EQ, 100, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "》 90 %", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* Full-width operators and digits fold to ASCII before matching. */
static void
test_value_parse_fullwidth_operators(void **state)
{
	static const struct value_case cases[] = {
		{ "＞＝90%", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "＜＝10万元", QUANT, OP_LE, 10, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "＝１００％", QUANT, OP_EQ, 100, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "＞５个", QUANT, OP_GT, 5, 0, "个", UNIT_COUNT, "个", F_NUMBER, NULL },
		{ "＜１．５％", QUANT, OP_LT, 1.5, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "＝　２０　人", QUANT, OP_EQ, 20, 0, "人", UNIT_COUNT, "人", F_NUMBER, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* Every word operator maps to its operator and sets op_word. */
static void
test_value_parse_word_operators(void **state)
{
	static const struct value_case cases[] = {
		{ "不低于90%", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_WORD, NULL },
		{ "不少于3次", QUANT, OP_GE, 3, 0, "次", UNIT_COUNT, "次", F_NUMBER | F_WORD, NULL },
		{ "达到95%", QUANT, OP_GE, 95, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_WORD, NULL },
		{ "不超过10万元", QUANT, OP_LE, 10, 0, "万元", UNIT_MONEY, "万元", F_NUMBER | F_WORD, NULL },
		{ "不高于5%", QUANT, OP_LE, 5, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_WORD, NULL },
		{ "控制在100万元", QUANT, OP_LE, 100, 0, "万元", UNIT_MONEY, "万元", F_NUMBER | F_WORD, NULL },
		{ "大于3个", QUANT, OP_GT, 3, 0, "个", UNIT_COUNT, "个", F_NUMBER | F_WORD, NULL },
		{ "高于80%", QUANT, OP_GT, 80, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_WORD, NULL },
		{ "小于5%", QUANT, OP_LT, 5, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_WORD, NULL },
		{ "低于1%", QUANT, OP_LT, 1, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_WORD, NULL },
		{ "达到 3 000 人", QUANT, OP_GE, 3000, 0, "人", UNIT_COUNT, "人", F_NUMBER | F_WORD, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* A word operator not followed by a number is prose, not an operator. */
static void
test_value_parse_word_without_number_is_qualitative(void **state)
{
	static const struct value_case cases[] = {
		{ "达到要求", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "达到", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "不低于上年", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "高于全省平均水平", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "控制在预算内", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "低于-", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* A symbol operator without a number, or a run-on number, is malformed. */
static void
test_value_parse_malformed(void **state)
{
	static const struct value_case cases[] = {
		{ "》%", QUANT, OP_GE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_OP },
		{ "=", QUANT, OP_EQ, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_OP },
		{ ">=优", QUANT, OP_GE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_OP },
		{ "《", QUANT, OP_LE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_OP },
		{ "=1.2.3个", QUANT, OP_EQ, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_NUM },
		{ "3,5", QUANT, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_NUM },
		{ "1,0000元", QUANT, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_NUM },
		{ "1234,567元", QUANT, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_NUM },
		{ "1.2.3", QUANT, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_NUM },
		{ "达到1.5.1版", QUANT, OP_GE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED | F_WORD, WHY_NUM },
		{ "5-1.2.3个", QUANT, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_NUM },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* 》= and 《= (what officers type for ≥ and ≤) are >= and <=, by longest match, not 》 followed by a stray =. */
static void
test_value_parse_book_mark_operators(void **state)
{
	static const struct value_case cases[] = {
		{ "》=90%", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "《=15万元", QUANT, OP_LE, 15, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "》＝ 95 %", QUANT, OP_GE, 95, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "《=3天", QUANT, OP_LE, 3, 0, "天", UNIT_TIME, "天", F_NUMBER, NULL },
		{ "》=5-10个", RANGE, OP_GE, 5, 10, "个", UNIT_COUNT, "个", F_NUMBER | F_MAX, NULL },
		{ "》=%", QUANT, OP_GE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_OP },
		{ "《=", QUANT, OP_LE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_OP },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* A trailing 。 or . after the unit or the number is ignored; 1.2.3 and a stop inside the text are not. */
static void
test_value_parse_trailing_full_stop(void **state)
{
	static const struct value_case cases[] = {
		{ "≥95%。", QUANT, OP_GE, 95, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "=1次.", QUANT, OP_EQ, 1, 0, "次", UNIT_COUNT, "次", F_NUMBER, NULL },
		{ "=5.", QUANT, OP_EQ, 5, 0, "", UNIT_NONE, NULL, F_NUMBER, NULL },
		{ "=5。", QUANT, OP_EQ, 5, 0, "", UNIT_NONE, NULL, F_NUMBER, NULL },
		{ "4个。", QUANT, OP_EQ, 4, 0, "个", UNIT_COUNT, "个", F_NUMBER | F_IMPLICIT, NULL },
		{ "95%以上。", QUANT, OP_GE, 95, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_SUFFIX, NULL },
		{ "90%~95%。", RANGE, OP_NONE, 90, 95, "%", UNIT_RATIO, "%", F_NUMBER | F_MAX, NULL },
		{ "《15万元．", QUANT, OP_LE, 15, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "=660平。", QUANT, OP_EQ, 660, 0, "平", UNIT_MEASURE, "平方米", F_NUMBER | F_ALIAS, NULL },
		{ "1.2.3", QUANT, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_NUM },
		{ "=1.2.3.", QUANT, OP_EQ, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_NUM },
		{ "=1次。。", QUANT, OP_EQ, 1, 0, "次。", UNIT_UNKNOWN, NULL, F_NUMBER, NULL },
		{ "》%。", QUANT, OP_GE, 0, 0, "", UNIT_NONE, NULL, F_MALFORMED, WHY_OP },
		{ "达到要求。", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "。", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* Thousands groups, decimals, a leading dot and a minus sign are numbers. */
static void
test_value_parse_number_forms(void **state)
{
	static const struct value_case cases[] = {
		{ "=1,000万元", QUANT, OP_EQ, 1000, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "1,000万元", QUANT, OP_EQ, 1000, 0, "万元", UNIT_MONEY, "万元", F_NUMBER | F_IMPLICIT, NULL },
		{ "=12,345,678元", QUANT, OP_EQ, 12345678, 0, "元", UNIT_MONEY, "元", F_NUMBER, NULL },
		{ "=1,000.5元", QUANT, OP_EQ, 1000.5, 0, "元", UNIT_MONEY, "元", F_NUMBER, NULL },
		{ "《0.15万元", QUANT, OP_LE, 0.15, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "=.5%", QUANT, OP_EQ, 0.5, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ ".5", QUANT, OP_EQ, 0.5, 0, "", UNIT_NONE, NULL, F_NUMBER | F_IMPLICIT, NULL },
		{ "-3", QUANT, OP_EQ, -3, 0, "", UNIT_NONE, NULL, F_NUMBER | F_IMPLICIT, NULL },
		{ "=-3%", QUANT, OP_EQ, -3, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "=1530.32万元", QUANT, OP_EQ, 1530.32, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "=007个", QUANT, OP_EQ, 7, 0, "个", UNIT_COUNT, "个", F_NUMBER, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* Each unit class is recognised, only as a whole string (个 is not 个月). */
static void
test_value_parse_unit_classes(void **state)
{
	static const struct value_case cases[] = {
		{ "=4个", QUANT, OP_EQ, 4, 0, "个", UNIT_COUNT, "个", F_NUMBER, NULL },
		{ "=2人次", QUANT, OP_EQ, 2, 0, "人次", UNIT_COUNT, "人次", F_NUMBER, NULL },
		{ "》200家", QUANT, OP_GE, 200, 0, "家", UNIT_COUNT, "家", F_NUMBER, NULL },
		{ "=4类", QUANT, OP_EQ, 4, 0, "类", UNIT_COUNT, "类", F_NUMBER, NULL },
		{ "=1期", QUANT, OP_EQ, 1, 0, "期", UNIT_COUNT, "期", F_NUMBER, NULL },
		{ "=10万元", QUANT, OP_EQ, 10, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "=500元", QUANT, OP_EQ, 500, 0, "元", UNIT_MONEY, "元", F_NUMBER, NULL },
		{ "=50元/人", QUANT, OP_EQ, 50, 0, "元/人", UNIT_MONEY_PER, "元/", F_NUMBER, NULL },
		{ "《0.5万元/公里", QUANT, OP_LE, 0.5, 0, "万元/公里", UNIT_MONEY_PER, "万元/", F_NUMBER, NULL },
		{ "=95%", QUANT, OP_EQ, 95, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "《3‰", QUANT, OP_LE, 3, 0, "‰", UNIT_RATIO, "‰", F_NUMBER, NULL },
		{ "》8小时", QUANT, OP_GE, 8, 0, "小时", UNIT_TIME, "小时", F_NUMBER, NULL },
		{ "=12个月", QUANT, OP_EQ, 12, 0, "个月", UNIT_TIME, "个月", F_NUMBER, NULL },
		{ "=3月", QUANT, OP_EQ, 3, 0, "月", UNIT_TIME, "月", F_NUMBER, NULL },
		{ "=5日", QUANT, OP_EQ, 5, 0, "日", UNIT_TIME, "日", F_NUMBER, NULL },
		{ "《5工作日", QUANT, OP_LE, 5, 0, "工作日", UNIT_TIME, "工作日", F_NUMBER, NULL },
		{ "=1年", QUANT, OP_EQ, 1, 0, "年", UNIT_TIME, "年", F_NUMBER, NULL },
		{ "=660平方米", QUANT, OP_EQ, 660, 0, "平方米", UNIT_MEASURE, "平方米", F_NUMBER, NULL },
		{ "=3亩", QUANT, OP_EQ, 3, 0, "亩", UNIT_MEASURE, "亩", F_NUMBER, NULL },
		{ "=10公里", QUANT, OP_EQ, 10, 0, "公里", UNIT_MEASURE, "公里", F_NUMBER, NULL },
		{ "=100米", QUANT, OP_EQ, 100, 0, "米", UNIT_MEASURE, "米", F_NUMBER, NULL },
		{ "=2吨", QUANT, OP_EQ, 2, 0, "吨", UNIT_MEASURE, "吨", F_NUMBER, NULL },
		{ "》90分", QUANT, OP_GE, 90, 0, "分", UNIT_MEASURE, "分", F_NUMBER, NULL },
		{ "=5", QUANT, OP_EQ, 5, 0, "", UNIT_NONE, NULL, F_NUMBER, NULL },
		{ "》5棵", QUANT, OP_GE, 5, 0, "棵", UNIT_UNKNOWN, NULL, F_NUMBER, NULL },
		{ "=3元/", QUANT, OP_EQ, 3, 0, "元/", UNIT_UNKNOWN, NULL, F_NUMBER, NULL },
		{ "=3个人", QUANT, OP_EQ, 3, 0, "个人", UNIT_UNKNOWN, NULL, F_NUMBER, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* The colloquial square-metre spellings map to 平方米 and set unit_alias. */
static void
test_value_parse_unit_aliases(void **state)
{
	static const struct value_case cases[] = {
		{ "=660平", QUANT, OP_EQ, 660, 0, "平", UNIT_MEASURE, "平方米", F_NUMBER | F_ALIAS, NULL },
		{ "=660㎡", QUANT, OP_EQ, 660, 0, "㎡", UNIT_MEASURE, "平方米", F_NUMBER | F_ALIAS, NULL },
		{ "=660m²", QUANT, OP_EQ, 660, 0, "m²", UNIT_MEASURE, "平方米", F_NUMBER | F_ALIAS, NULL },
		{ "=660ｍ²", QUANT, OP_EQ, 660, 0, "m²", UNIT_MEASURE, "平方米", F_NUMBER | F_ALIAS, NULL },
		{ "660平", QUANT, OP_EQ, 660, 0, "平", UNIT_MEASURE, "平方米", F_NUMBER | F_ALIAS | F_IMPLICIT, NULL },
		/* 百分比 (a 度量单位 column's word) is % without PB413. */
		{ "=100百分比", QUANT, OP_EQ, 100, 0, "百分比", UNIT_RATIO, "%", F_NUMBER, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* A bare number with nothing or a table unit after it is read as "=". */
static void
test_value_parse_bare_number_is_implicit_eq(void **state)
{
	static const struct value_case cases[] = {
		{ "100%", QUANT, OP_EQ, 100, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_IMPLICIT, NULL },
		{ "4个", QUANT, OP_EQ, 4, 0, "个", UNIT_COUNT, "个", F_NUMBER | F_IMPLICIT, NULL },
		{ "15", QUANT, OP_EQ, 15, 0, "", UNIT_NONE, NULL, F_NUMBER | F_IMPLICIT, NULL },
		{ "１５万元", QUANT, OP_EQ, 15, 0, "万元", UNIT_MONEY, "万元", F_NUMBER | F_IMPLICIT, NULL },
		{ "50元/人", QUANT, OP_EQ, 50, 0, "元/人", UNIT_MONEY_PER, "元/", F_NUMBER | F_IMPLICIT, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* a-b, a~b and a至b are ranges when the unit follows b, or both ends. */
static void
test_value_parse_ranges(void **state)
{
	static const struct value_case cases[] = {
		{ "90%~95%", RANGE, OP_NONE, 90, 95, "%", UNIT_RATIO, "%", F_NUMBER | F_MAX, NULL },
		{ "90~95%", RANGE, OP_NONE, 90, 95, "%", UNIT_RATIO, "%", F_NUMBER | F_MAX, NULL },
		{ "90％～95％", RANGE, OP_NONE, 90, 95, "%", UNIT_RATIO, "%", F_NUMBER | F_MAX, NULL },
		{ "1至3次", RANGE, OP_NONE, 1, 3, "次", UNIT_COUNT, "次", F_NUMBER | F_MAX, NULL },
		{ "5-10个", RANGE, OP_NONE, 5, 10, "个", UNIT_COUNT, "个", F_NUMBER | F_MAX, NULL },
		{ "5个-10个", RANGE, OP_NONE, 5, 10, "个", UNIT_COUNT, "个", F_NUMBER | F_MAX, NULL },
		{ "10-5个", RANGE, OP_NONE, 10, 5, "个", UNIT_COUNT, "个", F_NUMBER | F_MAX, NULL },
		{ "1-3", RANGE, OP_NONE, 1, 3, "", UNIT_NONE, NULL, F_NUMBER | F_MAX, NULL },
		{ "-5--3", RANGE, OP_NONE, -5, -3, "", UNIT_NONE, NULL, F_NUMBER | F_MAX, NULL },
		{ "1,000-2,000元", RANGE, OP_NONE, 1000, 2000, "元", UNIT_MONEY, "元", F_NUMBER | F_MAX, NULL },
		{ "控制在5-10万元", RANGE, OP_LE, 5, 10, "万元", UNIT_MONEY, "万元", F_NUMBER | F_MAX | F_WORD, NULL },
		{ "5-10个以上", RANGE, OP_GE, 5, 10, "个", UNIT_COUNT, "个", F_NUMBER | F_MAX | F_SUFFIX, NULL },
		{ "1-3天内", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "90%~95", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "90%~95‰", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "2021-12-31", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* 以上 means >=, 以内 and 以下 mean <=; a prefix operator wins over them. */
static void
test_value_parse_suffix_operators(void **state)
{
	static const struct value_case cases[] = {
		{ "95%以上", QUANT, OP_GE, 95, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_SUFFIX, NULL },
		{ "3天以内", QUANT, OP_LE, 3, 0, "天", UNIT_TIME, "天", F_NUMBER | F_SUFFIX, NULL },
		{ "5人以下", QUANT, OP_LE, 5, 0, "人", UNIT_COUNT, "人", F_NUMBER | F_SUFFIX, NULL },
		{ "5以上", QUANT, OP_GE, 5, 0, "", UNIT_NONE, NULL, F_NUMBER | F_SUFFIX, NULL },
		{ "3个工作日以内", QUANT, OP_LE, 3, 0, "个工作日", UNIT_UNKNOWN, NULL, F_NUMBER | F_SUFFIX, NULL },
		{ "达到95%以上", QUANT, OP_GE, 95, 0, "%", UNIT_RATIO, "%", F_NUMBER | F_WORD, NULL },
		{ "》90%以上", QUANT, OP_GE, 90, 0, "%", UNIT_RATIO, "%", F_NUMBER, NULL },
		{ "《10万元以上", QUANT, OP_LE, 10, 0, "万元", UNIT_MONEY, "万元", F_NUMBER, NULL },
		{ "控制在100万元以内", QUANT, OP_LE, 100, 0, "万元", UNIT_MONEY, "万元", F_NUMBER | F_WORD, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* Prose, and a number followed by words outside the table, is qualitative. */
static void
test_value_parse_qualitative(void **state)
{
	static const struct value_case cases[] = {
		{ "得到改善", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "有所提高", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "全年提供监测数据", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "有基本保障", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "保障我市辐射环境安全。", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "3天内完成", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "100%完成", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "2020年度", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "X", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "---", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "《河北省环境监测工作计划》", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "《2020年工作计划》要求", QUAL, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* The placeholders *, XXX, /, —, -, --, 待定 make an empty value. */
static void
test_value_parse_placeholders(void **state)
{
	static const struct value_case cases[] = {
		{ "*", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "**", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "＊＊＊", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "XXX", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "xxx", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "Xx", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "ＸＸＸ", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "/", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "—", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "——", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "-", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "--", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ "待定", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
		{ " 待 定 ", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, F_PLACEHOLDER, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* Blank text and NULL are empty but not placeholders. */
static void
test_value_parse_blank(void **state)
{
	static const struct value_case cases[] = {
		{ "", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "   ", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ "\t\n\u3000\u00a0", EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
		{ NULL, EMPTY, OP_NONE, 0, 0, "", UNIT_NONE, NULL, 0, NULL },
	};

	(void)state;
	check_cases(cases, NELEM(cases));
}

/* raw keeps the text as written while unit holds the folded form. */
static void
test_value_parse_keeps_raw(void **state)
{
	struct value v;

	(void)state;
	value_parse("  ＝１００ ％ ", &v);
	assert_string_equal(v.raw, "  ＝１００ ％ ");
	assert_string_equal(v.unit, "%");
	assert_int_equal(v.kind, VALUE_QUANTITATIVE);
	value_free(&v);
}

/* value_copy duplicates the owned strings, so the copy outlives the source. */
static void
test_value_copy_is_deep(void **state)
{
	struct value src, dst;

	(void)state;
	value_parse("=660平", &src);
	value_copy(&dst, &src);
	assert_ptr_not_equal(dst.raw, src.raw);
	assert_ptr_not_equal(dst.unit, src.unit);
	value_free(&src);
	assert_string_equal(dst.raw, "=660平");
	assert_string_equal(dst.unit, "平");
	assert_string_equal(dst.unit_canonical, "平方米");
	assert_true(dst.unit_alias);
	assert_true(dst.has_number);
	assert_true(dst.number == 660);
	value_free(&dst);
}

/* value_free releases the strings and leaves the value zeroed. */
static void
test_value_free_zeroes(void **state)
{
	struct value v;

	(void)state;
	value_parse("》90%", &v);
	value_free(&v);
	assert_null(v.raw);
	assert_null(v.unit);
	assert_false(v.has_number);
	assert_int_equal(v.op, OP_NONE);
}

struct money_case {
	const char	*raw;
	bool		 use_max;
	bool		 ok;
	double		 wan;
};

/* Money converts to 万元: 元 and 元/X divide by 10000; the rest is not money. */
static void
test_value_money_wan_converts(void **state)
{
	static const struct money_case cases[] = {
		{ "=15万元", false, true, 15 },
		{ "=5000元", false, true, 0.5 },
		{ "《0.5万元/公里", false, true, 0.5 },
		{ "=200元/人", false, true, 0.02 },
		{ "5-10万元", false, true, 5 },
		{ "5-10万元", true, true, 10 },
		{ "5000-10000元", true, true, 1 },
		{ "=15万元", true, false, 0 },
		{ "=100%", false, false, 0 },
		{ "=3", false, false, 0 },
		{ "达到要求", false, false, 0 },
		{ "》万元", false, false, 0 },
	};
	struct value v;
	double wan;
	bool ok;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		value_parse(cases[i].raw, &v);
		wan = -1;
		ok = value_money_wan(&v, cases[i].use_max, &wan);
		value_free(&v);
		if (ok != cases[i].ok)
			fail_msg("\"%s\" (max %d): money %d, want %d",
			    cases[i].raw, cases[i].use_max, ok, cases[i].ok);
		if (ok && !same_double(wan, cases[i].wan))
			fail_msg("\"%s\" (max %d): %g 万元, want %g",
			    cases[i].raw, cases[i].use_max, wan, cases[i].wan);
	}
}

/* The name functions give the strings the reporters print. */
static void
test_value_names_strings(void **state)
{
	(void)state;
	assert_null(value_op_name(OP_NONE));
	assert_string_equal(value_op_name(OP_EQ), "=");
	assert_string_equal(value_op_name(OP_GE), ">=");
	assert_string_equal(value_op_name(OP_LE), "<=");
	assert_string_equal(value_op_name(OP_GT), ">");
	assert_string_equal(value_op_name(OP_LT), "<");
	assert_string_equal(value_kind_name(VALUE_EMPTY), "empty");
	assert_string_equal(value_kind_name(VALUE_QUANTITATIVE),
	    "quantitative");
	assert_string_equal(value_kind_name(VALUE_RANGE), "range");
	assert_string_equal(value_kind_name(VALUE_QUALITATIVE), "qualitative");
	assert_string_equal(value_unit_class_name(UNIT_NONE), "none");
	assert_string_equal(value_unit_class_name(UNIT_COUNT), "count");
	assert_string_equal(value_unit_class_name(UNIT_MONEY), "money");
	assert_string_equal(value_unit_class_name(UNIT_MONEY_PER),
	    "money_per");
	assert_string_equal(value_unit_class_name(UNIT_RATIO), "ratio");
	assert_string_equal(value_unit_class_name(UNIT_TIME), "time");
	assert_string_equal(value_unit_class_name(UNIT_MEASURE), "measure");
	assert_string_equal(value_unit_class_name(UNIT_UNKNOWN), "unknown");
}

struct number_case {
	const char		*s;
	bool			 allow_percent;
	enum number_status	 status;
	double			 out;
};

/* Money and plan cells take a bare number, and '%' only when allowed. */
static void
test_value_number_cells(void **state)
{
	static const struct number_case cases[] = {
		{ "15", false, NUMBER_OK, 15 },
		{ "39.5", false, NUMBER_OK, 39.5 },
		{ "1530.32", false, NUMBER_OK, 1530.32 },
		{ "50%", true, NUMBER_OK, 50 },
		{ "50%", false, NUMBER_BAD, 0 },
		{ "50%%", true, NUMBER_BAD, 0 },
		{ "%", true, NUMBER_BAD, 0 },
		{ "  ", false, NUMBER_BLANK, 0 },
		{ "", true, NUMBER_BLANK, 0 },
		{ NULL, false, NUMBER_BLANK, 0 },
		{ "abc", false, NUMBER_BAD, 0 },
		{ "-1", false, NUMBER_OK, -1 },
		{ "-", false, NUMBER_BAD, 0 },
		{ "1,000", false, NUMBER_OK, 1000 },
		{ "1,00", false, NUMBER_BAD, 0 },
		{ "1.2.3", false, NUMBER_BAD, 0 },
		{ "１５", false, NUMBER_OK, 15 },
		{ " 1 5 ", false, NUMBER_OK, 15 },
		{ ".5", false, NUMBER_OK, 0.5 },
		{ "=15", false, NUMBER_BAD, 0 },
		{ "15万元", false, NUMBER_BAD, 0 },
	};
	enum number_status st;
	double out;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		out = 12345;
		st = value_number(cases[i].s, cases[i].allow_percent, &out);
		if (st != cases[i].status)
			fail_msg("\"%s\" (%%: %d): status %d, want %d",
			    show(cases[i].s), cases[i].allow_percent, st,
			    cases[i].status);
		if (!same_double(out, st == NUMBER_OK ? cases[i].out : 12345))
			fail_msg("\"%s\" (%%: %d): out %g, want %g",
			    show(cases[i].s), cases[i].allow_percent, out,
			    cases[i].out);
	}
}

/*
 * A form's money cell (SPEC 2.2) is read in 万元: a currency sign before
 * the number and a unit after it (万元, 万, or 元 divided by 10000) are
 * the cell's drawing, not an error; anything else is still bad.
 */
static void
test_value_amount_cells(void **state)
{
	static const struct number_case cases[] = {
		{ "1,250.00万元", false, NUMBER_OK, 1250 },
		{ "1,250万元", false, NUMBER_OK, 1250 },
		{ "1250万", false, NUMBER_OK, 1250 },
		{ "￥1,250.00", false, NUMBER_OK, 1250 },
		{ "¥ 80.5 万元", false, NUMBER_OK, 80.5 },
		{ "１，２５０．００万元", false, NUMBER_OK, 1250 },
		{ "12,500,000元", false, NUMBER_OK, 1250 },
		{ "15", false, NUMBER_OK, 15 },
		{ "1,250.00", false, NUMBER_OK, 1250 },
		{ "", false, NUMBER_BLANK, 0 },
		{ "万元", false, NUMBER_BAD, 0 },
		{ "￥", false, NUMBER_BAD, 0 },
		{ "15万元/次", false, NUMBER_BAD, 0 },
		{ "15万元万元", false, NUMBER_BAD, 0 },
		{ "约15万元", false, NUMBER_BAD, 0 },
		{ "1,00万元", false, NUMBER_BAD, 0 },
		{ "15%", false, NUMBER_BAD, 0 },
		{ "15美元", false, NUMBER_BAD, 0 },
	};
	enum number_status st;
	double out;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		out = 12345;
		st = value_amount(cases[i].s, &out);
		if (st != cases[i].status)
			fail_msg("\"%s\": status %d, want %d", show(cases[i].s),
			    st, cases[i].status);
		if (!same_double(out, st == NUMBER_OK ? cases[i].out : 12345))
			fail_msg("\"%s\": out %g, want %g", show(cases[i].s),
			    out, cases[i].out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_parse_symbol_operators),
		cmocka_unit_test(test_value_parse_fullwidth_operators),
		cmocka_unit_test(test_value_parse_word_operators),
		cmocka_unit_test(test_value_parse_word_without_number_is_qualitative),
		cmocka_unit_test(test_value_parse_malformed),
		cmocka_unit_test(test_value_parse_book_mark_operators),
		cmocka_unit_test(test_value_parse_trailing_full_stop),
		cmocka_unit_test(test_value_parse_number_forms),
		cmocka_unit_test(test_value_parse_unit_classes),
		cmocka_unit_test(test_value_parse_unit_aliases),
		cmocka_unit_test(test_value_parse_bare_number_is_implicit_eq),
		cmocka_unit_test(test_value_parse_ranges),
		cmocka_unit_test(test_value_parse_suffix_operators),
		cmocka_unit_test(test_value_parse_qualitative),
		cmocka_unit_test(test_value_parse_placeholders),
		cmocka_unit_test(test_value_parse_blank),
		cmocka_unit_test(test_value_parse_keeps_raw),
		cmocka_unit_test(test_value_copy_is_deep),
		cmocka_unit_test(test_value_free_zeroes),
		cmocka_unit_test(test_value_money_wan_converts),
		cmocka_unit_test(test_value_names_strings),
		cmocka_unit_test(test_value_number_cells),
		cmocka_unit_test(test_value_amount_cells),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
