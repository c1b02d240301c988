/* The grammar of an indicator value (指标值), SPEC 3.2. */
#ifndef PBCHECK_VALUE_H
#define PBCHECK_VALUE_H

#include <stdbool.h>

enum value_kind {
	VALUE_EMPTY,		/* blank or a placeholder */
	VALUE_QUANTITATIVE,	/* an operator and a number, or a bare number */
	VALUE_RANGE,		/* a-b, a~b, a至b */
	VALUE_QUALITATIVE	/* anything else */
};

enum value_op {
	OP_NONE,		/* qualitative or empty */
	OP_EQ,
	OP_GE,
	OP_LE,
	OP_GT,
	OP_LT
};

enum unit_class {
	UNIT_NONE,		/* no unit after the number */
	UNIT_COUNT,		/* 个 次 人 … */
	UNIT_MONEY,		/* 万元 元 */
	UNIT_MONEY_PER,		/* 元/X 万元/X */
	UNIT_RATIO,		/* % ‰ */
	UNIT_TIME,		/* 小时 个月 月 天 日 工作日 年 */
	UNIT_MEASURE,		/* 平方米 亩 公里 米 吨 分 */
	UNIT_UNKNOWN		/* text not in the unit table */
};

struct value {
	char		*raw;		/* as written, owned */
	enum value_kind	 kind;
	enum value_op	 op;
	bool		 op_implicit;	/* a bare number read as "=" (PB414) */
	bool		 op_word;	/* the operator was a word (不低于 …) */
	bool		 op_suffix;	/* the operator came from 以上/以内/以下 */
	bool		 placeholder;	/* EMPTY because of *, XXX, 待定 … */
	bool		 malformed;	/* PB402: symbol operator without number,
					   or a malformed number */
	const char	*malformed_why;	/* static English reason, or NULL */
	bool		 has_number;
	double		 number;	/* the number, or the range's low end */
	bool		 has_max;
	double		 max;		/* the range's high end */
	char		*unit;		/* unit as written (after folding and
					   removing spaces), owned; "" if none */
	const char	*unit_canonical; /* static canonical unit ("平方米" for
					   "平"), or NULL if not in the table */
	enum unit_class	 unit_class;
	bool		 unit_alias;	/* colloquial alias (平 ㎡ m²): PB413 */
};

/* Parses raw (may be NULL) into *v. Never fails; v owns copies. */
void value_parse(const char *raw, struct value *v);

/* Frees what v owns and zeroes it. */
void value_free(struct value *v);

/* Deep copy. */
void value_copy(struct value *dst, const struct value *src);

/*
 * Converts the value's number (or max, when use_max) to 万元 if its unit is
 * money (元 and 元/X divided by 10000). Returns false if it is not money.
 */
bool value_money_wan(const struct value *v, bool use_max, double *wan);

/* "=", ">=", "<=", ">", "<" or NULL for OP_NONE. */
const char *value_op_name(enum value_op op);

/* "quantitative", "range", "qualitative", "empty". */
const char *value_kind_name(enum value_kind kind);

/* "none", "count", "money", "money_per", "ratio", "time", "measure", "unknown". */
const char *value_unit_class_name(enum unit_class c);

/*
 * Result of parsing a plain number cell (money, spend plan): SPEC 3.2
 * number grammar after folding and removing spaces, no operator.
 */
enum number_status {
	NUMBER_OK,
	NUMBER_BLANK,
	NUMBER_BAD
};

/*
 * Parses a money or plan cell. When allow_percent, one trailing '%' is
 * accepted. Returns the status; *out is set only for NUMBER_OK.
 */
enum number_status value_number(const char *s, bool allow_percent, double *out);

/*
 * Parses a form's money cell (SPEC 2.2) as value_number() does, and also
 * with a yuan sign before the number (￥, ¥) or a unit after it (万元 and
 * 万 as they are; 元 divided by 10000). *wan, the amount in 万元, is set
 * only for NUMBER_OK.
 */
enum number_status value_amount(const char *s, double *wan);

#endif
