// SPDX-License-Identifier: GPL-2.0-only
/*
 * Matching findings against known exceptions (see include/kapi/suppress.h).
 */
#include <ctype.h>
#include <string.h>

#include "kapi/suppress.h"

static bool same_ignoring_case(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

bool kapi_value_matches(const char *pattern, const char *value)
{
	if (!pattern)
		return false;
	if (strcmp(pattern, "*") == 0)
		return true;
	if (!value)
		return false;
	if (*pattern == '-')
		pattern++;
	return same_ignoring_case(pattern, value);
}

const char *kapi_spec_exception_problem(const struct kapi_spec_exception *x)
{
	if (!x->check || !*x->check)
		return "names no check id";
	if (kapi_check_lookup(x->check) == KAPI_CHECK_COUNT)
		return "names no check of kapi-check";
	if (!x->value || !*x->value)
		return "has no value; write \"*\" to accept every value of the check";
	if (!x->reason || !*x->reason)
		return "has no reason; say why the finding is accepted";
	return NULL;
}

const struct kapi_spec_exception *
kapi_spec_exception_for(const struct kapi_spec *spec,
			const struct kapi_finding *f)
{
	const char *check = kapi_check_name(f->check);
	unsigned int i;

	for (i = 0; i < spec->exceptions.n; i++) {
		const struct kapi_spec_exception *x = &spec->exceptions.v[i];

		if (kapi_spec_exception_problem(x))
			continue;
		if (strcmp(x->check, check) == 0 &&
		    kapi_value_matches(x->value, f->value))
			return x;
	}
	return NULL;
}
