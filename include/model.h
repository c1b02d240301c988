/* The model of a project target table (SPEC 3) and its level names (3.1). */
#ifndef PBCHECK_MODEL_H
#define PBCHECK_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "value.h"

/* Fields of a project and of an indicator, in canonical column order. */
enum field {
	FIELD_CODE,
	FIELD_NAME,
	FIELD_BUDGET,
	FIELD_FISCAL,
	FIELD_OTHER,
	FIELD_PURPOSE,
	FIELD_PLAN_MAR,
	FIELD_PLAN_JUN,
	FIELD_PLAN_OCT,
	FIELD_PLAN_DEC,
	FIELD_GOAL,		/* 目标N; the number is kept beside it */
	FIELD_LEVEL1,
	FIELD_LEVEL2,
	FIELD_LEVEL3,
	FIELD_DESCRIPTION,
	FIELD_VALUE,
	FIELD_BASIS,
	FIELD_COUNT
};

#define PROJECT_FIELDS	(FIELD_PLAN_DEC + 1)	/* scalar project fields */
#define INDICATOR_FIELDS (FIELD_BASIS - FIELD_LEVEL1 + 1)
#define PLAN_POINTS	4

/* Where a cell was read: 1-based line and column; table 0 if none. */
struct loc {
	int	line;
	int	col;
	int	table;
};

/* Level-1 groups of SPEC 3.1. */
enum level1 {
	LEVEL1_UNKNOWN,
	LEVEL1_OUTPUT,		/* 产出指标 */
	LEVEL1_EFFECT,		/* 效果指标 */
	LEVEL1_SATISFACTION,	/* 满意度指标 */
	LEVEL1_COST		/* 成本指标 (101号 layout) */
};

/* Level-2 names of SPEC 3.1. */
enum level2 {
	LEVEL2_UNKNOWN,
	LEVEL2_QUANTITY,	/* 数量指标 */
	LEVEL2_QUALITY,		/* 质量指标 */
	LEVEL2_TIMELINESS,	/* 时效指标 */
	LEVEL2_COST,		/* 成本指标 */
	LEVEL2_ECONOMIC,	/* 经济效益指标 */
	LEVEL2_SOCIAL,		/* 社会效益指标 */
	LEVEL2_ECOLOGICAL,	/* 生态效益指标 */
	LEVEL2_SUSTAINABLE,	/* 可持续影响指标 */
	LEVEL2_SATISFACTION,	/* 服务对象满意度指标 */
	LEVEL2_ECONOMIC_COST,	/* 经济成本指标 */
	LEVEL2_SOCIAL_COST,	/* 社会成本指标 */
	LEVEL2_ECOLOGICAL_COST	/* 生态环境成本指标 */
};

/*
 * What the rules take an indicator for (SPEC 3.2), derived once from its
 * levels. A row whose 二级 is not valid under its 一级 (PB302) has no kind.
 */
enum indicator_kind {
	KIND_NONE,
	KIND_QUANTITY,		/* 二级 数量指标 under 产出 (PB502) */
	KIND_COST,		/* 二级 成本指标 under 产出, or 一级 成本指标 */
	KIND_SATISFACTION	/* 一级 满意度指标 */
};

struct indicator {
	char		*text[INDICATOR_FIELDS];	/* level1 … basis */
	/* A reader may put the texts in one allocation, block, and set bit
	 * k of shared for each text[k] in it: those are freed with block,
	 * the others one by one. */
	char		*block;
	unsigned int	 shared;
	struct loc	 loc[INDICATOR_FIELDS];
	int		 line;		/* first line of the row */
	enum level1	 level1;
	enum level2	 level2;	/* looked up in every group */
	bool		 level2_valid;	/* level2 belongs to level1 */
	enum indicator_kind kind;
	struct value	 value;
	/* Facts the rules ask for again and again, derived once by
	 * project_finish(): text_blank() of each text, and whether the row
	 * declares its dimension not applicable (PB310: 三级 reads
	 * "(本项目|此项目|该项目)?无…", 描述, 指标值 and 依据 are blank). */
	bool		 blank[INDICATOR_FIELDS];
	bool		 not_applicable;
	/* text_label_key() of each text, so that comparing two texts as
	 * labels is a strcmp(); all in one allocation, key[0]'s. */
	char		*key[INDICATOR_FIELDS];
};

struct goal {
	int		 number;	/* N of 目标N */
	char		*text;
	struct loc	 loc;
};

/* A number cell after parsing; status is enum number_status. */
struct number_cell {
	int		 status;
	double		 number;
};

struct project {
	const char	*file;		/* owned by the caller of the reader */
	int		 line;		/* first row */
	int		 table;		/* table number in form documents */
	bool		 reappeared;	/* PB004 block: not also PB005 */
	char		*text[PROJECT_FIELDS];
	/* As an indicator's: texts a reader put in one allocation, block,
	 * have their bit k set in shared, and are freed with it. */
	char		*text_block;
	unsigned int	 text_shared;
	/* The project's first row, at each field's column (SPEC 2.3):
	 * project fields, and the indicator columns for PB303–PB305. */
	struct loc	 loc[FIELD_COUNT];
	/* A field the layout does not have at all (SPEC 2.2 "Absent
	 * fields"): not blank but absent, JSON null, its rules not run.
	 * Set by the reader for project fields and, layout-wide, for the
	 * indicator columns (FIELD_DESCRIPTION, FIELD_BASIS); the plan is
	 * absent when FIELD_PLAN_MAR … FIELD_PLAN_DEC all are. */
	bool		 absent[FIELD_COUNT];
	struct goal	*goals;
	size_t		 ngoals;
	struct indicator *ind;
	size_t		 nind;
	/* Indicators past PB_MAX_INDICATORS: not kept (PB001). */
	size_t		 nind_over;
	/* Derived by project_finish(). */
	struct number_cell budget, fiscal, other;
	struct number_cell plan[PLAN_POINTS];
};

/* Indexes into indicator text[] and loc[]. */
#define IND(f)	((f) - FIELD_LEVEL1)

/* Canonical Chinese name of a field ("项目编码", "3月底", …); goals "目标". */
const char	*field_name_zh(enum field f);
/* English alias of SPEC 2.1 ("code", "plan_mar", …). */
const char	*field_name_en(enum field f);

/* Adds a goal (takes a copy of text). */
void		 project_add_goal(struct project *p, int number, const char *text,
		    struct loc loc);
/* Adds an empty indicator and returns it; its texts are NULL. */
struct indicator *project_add_indicator(struct project *p);
/* Parses numbers, levels and values. Call once the rows are complete. */
void		 project_finish(struct project *p);
/* Frees what p owns and zeroes it. */
void		 project_free(struct project *p);

/* Level lookups (label matching, SPEC 3 and 3.1). */
enum level1	 level1_lookup(const char *text);
enum level2	 level2_lookup(const char *text);
bool		 level2_belongs(enum level1 l1, enum level2 l2);
const char	*level1_name(enum level1 l1);
const char	*level2_name(enum level2 l2);

#endif
