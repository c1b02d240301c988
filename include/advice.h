/* One line of fix advice per rule (issue 13), for every report. */
#ifndef PBCHECK_ADVICE_H
#define PBCHECK_ADVICE_H

#include "rules.h"

/* What to do about a finding of rule id, in lang; never NULL. */
const char	*rule_advice(enum rule_id id, enum lang lang);

#endif
