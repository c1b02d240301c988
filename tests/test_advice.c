/* Unit tests for the fix advice (issue 13): every rule has it, in both languages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "advice.h"
#include "rules.h"

/* Each rule has a non-empty line of advice in English and in Chinese,
 * one line (the text report prints it as a note line). */
static void
test_every_rule_has_advice(void **state)
{
	int r, l;

	(void)state;
	for (r = 0; r < RULE_COUNT; r++)
		for (l = LANG_EN; l <= LANG_ZH; l++) {
			const char *a = rule_advice((enum rule_id)r,
			    (enum lang)l);

			if (a == NULL || *a == '\0' ||
			    strchr(a, '\n') != NULL)
				fail_msg("%s: no one-line advice in %s",
				    rule_get((enum rule_id)r)->id,
				    l == LANG_ZH ? "zh" : "en");
		}
}

/* The advice of the example, and an unknown id gives "". */
static void
test_advice_example(void **state)
{
	(void)state;
	assert_string_equal(rule_advice(RULE_PB309, LANG_EN),
	    "write the basis, such as 计划标准 or 历史数据");
	assert_non_null(strstr(rule_advice(RULE_PB309, LANG_ZH), "计划标准"));
	assert_string_equal(rule_advice(RULE_COUNT, LANG_EN), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_rule_has_advice),
		cmocka_unit_test(test_advice_example),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
