/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Matching findings against known exceptions: the KAPI_CHECK_EXCEPTION()
 * entries of a spec, which the plugin and kapi-check both honour, and the
 * entries of kapi-check's suppression files.
 *
 * An exception names a check id, the spec (the finding's function) and a
 * value: an errno name ("EAGAIN" or "-EAGAIN"), a lock, a capability, a
 * parameter name, or "*" for any value of that check.
 */
#ifndef KAPI_SUPPRESS_H
#define KAPI_SUPPRESS_H

#include <stdbool.h>

#include "kapi/finding.h"
#include "kapi/spec.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Whether PATTERN, an exception's value, matches VALUE, a finding's value.
 * "*" matches every value, NULL included. Otherwise a leading '-' of
 * PATTERN is ignored and the comparison ignores case, as spec lock names
 * do.
 */
bool kapi_value_matches(const char *pattern, const char *value);

/*
 * Return the reason why EXCEPTION is unusable ("names no check of
 * kapi-check", ...), or NULL when it is well formed.
 */
const char *kapi_spec_exception_problem(const struct kapi_spec_exception *x);

/*
 * Return the first well-formed exception of SPEC that covers F, or NULL.
 * F must be a finding of SPEC: the caller compares F->function.
 */
const struct kapi_spec_exception *
kapi_spec_exception_for(const struct kapi_spec *spec,
			const struct kapi_finding *f);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_SUPPRESS_H */
