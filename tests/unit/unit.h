/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A minimal harness for the core's unit tests: CHECK() records a failure
 * with its location and goes on, so one run shows every broken condition.
 */
#ifndef KAPI_TESTS_UNIT_H
#define KAPI_TESTS_UNIT_H

#include <stdio.h>

static int unit_failures;

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "%s:%d: check failed: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			unit_failures++;				\
		}							\
	} while (0)

#define RUN(test)							\
	do {								\
		int before = unit_failures;				\
		test();							\
		fprintf(stderr, "%s %s\n",				\
			unit_failures == before ? "PASS" : "FAIL", #test); \
	} while (0)

#define UNIT_EXIT() (unit_failures ? 1 : 0)

#endif /* KAPI_TESTS_UNIT_H */
