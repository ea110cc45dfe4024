/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The interprocedural solver: from the summaries of many functions, the
 * values each function can return once every call is resolved.
 *
 * Calls between summarised functions are followed to any depth; recursion
 * and cycles are solved to a fixpoint. A call to a function without a
 * summary becomes an unknown source named after the callee. Results keep,
 * for each atom, one provenance: where the value is produced and the chain
 * of calls that carries it to the function asked about.
 */
#ifndef KAPI_SOLVE_H
#define KAPI_SOLVE_H

#include "kapi/summary.h"

#ifdef __cplusplus
extern "C" {
#endif

struct kapi_program;

struct kapi_program *kapi_program_new(struct kapi_arena *arena);

/* Add S; a later summary with the same name replaces an earlier one. */
void kapi_program_add(struct kapi_program *prog, struct kapi_summary *s);

struct kapi_summary *kapi_program_find(const struct kapi_program *prog,
				       const char *name);

/*
 * Return what function NAME can return, every call resolved. The atoms
 * are CONST, OPAQUE, UNKNOWN and PARAM (the function's own parameters).
 * Returns NULL when NAME has no summary. *INCOMPLETE (may be NULL) is set
 * to a reason when a limit made the result an over-approximation.
 */
const struct kapi_valueset *kapi_solve_returns(struct kapi_program *prog,
					       const char *name,
					       const char **incomplete);

/* Limits; past them results are widened and marked incomplete. */
#define KAPI_SOLVE_MAX_ROUNDS 64
/* Nesting of call guards checked inside one another. */
#define KAPI_SOLVE_MAX_DEPTH 32

#ifdef __cplusplus
}
#endif

#endif /* KAPI_SOLVE_H */
