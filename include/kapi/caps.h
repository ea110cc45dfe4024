/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Capability checks and interruptible waits reachable from a syscall,
 * and their checks against a spec's KAPI_CAPABILITY and KAPI_SIGNAL
 * entries.
 *
 * Both are found in the summaries (summary.h) alone: every call site keeps
 * its callee and the value sets of its arguments, so capable(CAP_IPC_LOCK)
 * in a helper, or ns_capable(ns, cap) in a wrapper called with a constant,
 * resolves to a capability number without another look at the code.
 */
#ifndef KAPI_CAPS_H
#define KAPI_CAPS_H

#include <stdbool.h>
#include <stdint.h>

#include "kapi/check.h"
#include "kapi/errno_table.h"
#include "kapi/finding.h"
#include "kapi/solve.h"
#include "kapi/spec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A capability check or an interruptible wait, seen from one function. */
struct kapi_cap_use {
	bool known;			/* CAP is a constant */
	int64_t cap;
	int param;			/* >= 0: the function's parameter */
	const char *unknown;		/* why the capability is not known */
	const char *prim;		/* capable, ns_capable, down_write_killable */
	struct kapi_loc loc;		/* the call of PRIM */
	const char *function;		/* that contains the call */
	const struct kapi_chain *chain;	/* calls down to FUNCTION */
};

struct kapi_cap_summary {
	const char *name;
	unsigned int ncaps;
	struct kapi_cap_use *caps;
	unsigned int nwaits;
	struct kapi_cap_use *waits;	/* cap fields unused */
	unsigned int nunknown_calls;	/* external or indirect calls below,
					 * up to KAPI_CAPS_MANY_CALLS */
};

/* Counts of unknown calls stop here: the checks only need "any". */
#define KAPI_CAPS_MANY_CALLS 100000u

struct kapi_caps;

struct kapi_caps *kapi_caps_new(struct kapi_arena *arena,
				struct kapi_program *prog);

/* The capability checks and waits below function NAME (NULL: no body). */
const struct kapi_cap_summary *kapi_caps_of(struct kapi_caps *caps,
					    const char *name);

/* Whether NAME is in kapi-check's table of capability-check functions. */
bool kapi_cap_prim_known(const char *name);

/*
 * Check SPEC's capabilities and signal entries against what IMPL reaches.
 * CAP_NAMES maps CAP_* numbers to names (may be empty), ERRNOS the errno
 * macros, ERRORS the syscall's computed errno report.
 */
void kapi_check_caps(struct kapi_arena *arena, struct kapi_caps *caps,
		     const struct kapi_spec *spec,
		     const struct kapi_errno_report *errors,
		     const struct kapi_errno_table *cap_names,
		     const struct kapi_errno_table *errnos,
		     struct kapi_findings *out);

/* Write the capability and signal part of the audit table. */
void kapi_caps_report_format(const struct kapi_spec *spec,
			     const struct kapi_cap_summary *impl,
			     const struct kapi_errno_table *cap_names,
			     const char *strip_prefix, struct kapi_buf *out);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_CAPS_H */
