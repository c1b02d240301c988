/* The rule table (SPEC 4): ids, severities, titles, messages and checks. */
#ifndef PBCHECK_RULES_H
#define PBCHECK_RULES_H

#include <stdbool.h>

struct check;
struct project;

enum severity {
	SEV_OFF,
	SEV_INFO,
	SEV_WARNING,
	SEV_ERROR
};

/* Rule groups, by the hundreds digit of the id. */
enum rule_group {
	GROUP_INPUT,		/* PB0 */
	GROUP_PROJECT,		/* PB1 */
	GROUP_PLAN,		/* PB2 */
	GROUP_STRUCTURE,	/* PB3 */
	GROUP_VALUE,		/* PB4 */
	GROUP_CONSISTENCY	/* PB5 */
};

/* Every rule id, once; the table in rules.c is kept in step by assertion. */
#define RULE_IDS(X) \
	X(PB001) X(PB002) X(PB003) X(PB004) X(PB005) X(PB006) X(PB007) \
	X(PB008) X(PB009) X(PB010) X(PB011) X(PB012) \
	X(PB101) X(PB102) X(PB103) X(PB104) X(PB105) X(PB106) X(PB107) \
	X(PB108) X(PB109) X(PB110) \
	X(PB201) X(PB202) X(PB203) X(PB204) X(PB205) X(PB206) X(PB207) \
	X(PB301) X(PB302) X(PB303) X(PB304) X(PB305) X(PB306) X(PB307) \
	X(PB308) X(PB309) X(PB310) X(PB311) \
	X(PB401) X(PB402) X(PB403) X(PB404) X(PB405) X(PB406) X(PB407) \
	X(PB408) X(PB409) X(PB410) X(PB411) X(PB412) X(PB413) X(PB414) \
	X(PB501) X(PB502)

enum rule_id {
#define RULE_ENUM(id) RULE_##id,
	RULE_IDS(RULE_ENUM)
#undef RULE_ENUM
	RULE_COUNT
};

enum lang {
	LANG_EN,
	LANG_ZH
};

/*
 * One rule. Messages are templates: {code} the project code, {value} the
 * quoted value, {field} the field's name in the message language, {a} and
 * {b} rule-specific texts. A rule without check is emitted by a reader or
 * by the batch (PB0).
 */
struct rule {
	const char	*id;
	enum severity	 severity;
	enum rule_group	 group;
	const char	*title[2];	/* [LANG_EN], [LANG_ZH] */
	const char	*message[2];
	void		(*check)(struct check *, const struct project *);
	/* For --explain and SARIF help: what it checks and why (the
	 * regulation or practice), and a bad value with its fix. */
	const char	*explain[2];
	const char	*grounds[2];
	const char	*bad;
	const char	*good;
};

const struct rule	*rule_get(enum rule_id id);
/* Looks up "PB105"; returns RULE_COUNT when unknown. */
enum rule_id		 rule_find(const char *id);
const char		*severity_name(enum severity s);
/* Parses "error", "warning", "info", "off"; returns false when unknown. */
bool			 severity_parse(const char *s, enum severity *out);

#endif
