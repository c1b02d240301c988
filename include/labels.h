/* The one label table (SPEC 2.1, 2.2): field names and every form label and header variant. */
#ifndef PBCHECK_LABELS_H
#define PBCHECK_LABELS_H

#include <stdbool.h>

#include "model.h"

/* What a label is to the form recogniser. */
enum label_id {
	LABEL_NONE,
	LABEL_CODE,		/* 项目编码 */
	LABEL_NAME,		/* 项目名称 */
	LABEL_NAME_TOP,		/* 一级项目名称: read only without the others */
	LABEL_NAME_SUB,		/* 二级项目名称: read over 项目名称 */
	LABEL_BUDGET,		/* 预算数, 年度资金总额, 本年度申请…资金 */
	LABEL_FUNDS,		/* 项目资金: the budget when its value is a number */
	LABEL_FISCAL,		/* 财政资金, 财政拨款, …: summed */
	LABEL_OTHER,		/* 其他资金, 自有资金, 事业收入: summed */
	LABEL_PURPOSE,		/* 资金用途 */
	LABEL_BUDGET_BLOCK,	/* 预算规模及资金用途: the use on the row after */
	LABEL_PLAN,		/* 资金支出计划 */
	LABEL_MAR, LABEL_JUN, LABEL_OCT, LABEL_DEC,
	LABEL_GOALS,		/* 绩效目标, 年度目标, …: a cell of goal lines */
	LABEL_GOAL,		/* 目标N */
	LABEL_LEVEL1, LABEL_LEVEL2, LABEL_LEVEL3, LABEL_DESCRIPTION,
	LABEL_VALUE,
	LABEL_OPERATOR,		/* 指标性质, 计算符号: joined before the value */
	LABEL_UNIT,		/* 度量单位, 计量单位: appended to the value */
	LABEL_BASIS,
	LABEL_INFO,		/* a label without a field: 实施单位, 权重 */
	LABEL_TITLE		/* N. …绩效目标表, …申报表, …批复表 */
};

/* A label's side of a 中期 | 年度 pair (SPEC 2.2). */
#define LABEL_ANNUAL	0x1	/* 年度…: read over a label without a side */
#define LABEL_MIDTERM	0x2	/* 中期…: a label, never read */

/* How a label's key is matched. */
enum label_match {
	MATCH_EXACT,
	MATCH_PREFIX,		/* key starts with the text (and ends with end) */
	MATCH_SUFFIX		/* key ends with the text */
};

struct label {
	const char	*text;		/* after label_key() */
	enum label_match match;
	const char	*end;		/* MATCH_PREFIX: a required ending */
	enum label_id	 id;
	unsigned	 flags;		/* LABEL_ANNUAL, LABEL_MIDTERM */
};

/* What the canonical CSV header, locations and JSON call a field. */
struct label_field {
	const char	*zh;		/* canonical column name, 项目编码 */
	const char	*en;		/* English alias, code */
	const char	*desc_en;	/* message text, "project code (项目编码)" */
	bool		 required;	/* a required column of SPEC 2.1 */
};

/* The names of field f; f == FIELD_COUNT gives empty names. */
const struct label_field *label_field(enum field f);

/*
 * Returns a new string: the label key of text (SPEC 2.2 label matching):
 * no white space (U+3000 and line breaks too), full-width folded to ASCII,
 * bracketed text, slashes, a trailing ':' and a leading 其中 removed.
 */
char		*label_key(const char *text);

/*
 * The label a key names, or NULL; for 目标N, *goal is set to N. Titles
 * are matched on the key too.
 */
const struct label *label_lookup(const char *key, int *goal);

/* The field a label gives, or FIELD_COUNT. */
enum field	 label_id_field(enum label_id id);

#endif
