/* The check functions of each rule family, for the one rule table in rules.c. */
#ifndef PBCHECK_RULES_CHECK_H
#define PBCHECK_RULES_CHECK_H

struct check;
struct project;

#define RULE_CHECK(id) \
	void check_##id(struct check *, const struct project *);

RULE_CHECK(pb301) RULE_CHECK(pb302) RULE_CHECK(pb303) RULE_CHECK(pb304)
RULE_CHECK(pb305) RULE_CHECK(pb306) RULE_CHECK(pb307) RULE_CHECK(pb308)
RULE_CHECK(pb309) RULE_CHECK(pb310) RULE_CHECK(pb311)
RULE_CHECK(pb401) RULE_CHECK(pb402) RULE_CHECK(pb403) RULE_CHECK(pb404)
RULE_CHECK(pb405) RULE_CHECK(pb406) RULE_CHECK(pb407) RULE_CHECK(pb408)
RULE_CHECK(pb409) RULE_CHECK(pb410) RULE_CHECK(pb411) RULE_CHECK(pb412)
RULE_CHECK(pb413) RULE_CHECK(pb414)
RULE_CHECK(pb501) RULE_CHECK(pb502)

#undef RULE_CHECK

#endif
