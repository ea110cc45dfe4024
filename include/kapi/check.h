/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The checks that compare a spec with what the code does.
 *
 * Message forms (the check id follows in brackets):
 *
 *   kapi-errno-undeclared, at the site that produces the errno:
 *     warning: 'sys_foo' can return -EFAULT, which its spec does not declare
 *     (a restart code adds "(user space sees -EINTR or a restart)" after
 *     its name, and counts as declared when the spec declares -EINTR)
 *     note: through the call to 'helper' here          (one per call, outer first)
 *     note: spec 'sys_foo' is defined here
 *   kapi-errno-unreturned, at the spec:
 *     warning: spec 'sys_foo' declares -EAGAIN, but no path of '__do_sys_foo' returns it
 *   kapi-return-unexpected, at the site that produces the value:
 *     warning: 'sys_foo' can return 1, but its spec says it returns 0 on success
 *   kapi-errno-internal, at the site, declared or not:
 *     warning: 'sys_foo' can return -ENOTSUPP, a kernel-internal code that must not reach user space
 *   kapi-errno-positive, at the site:
 *     warning: 'sys_foo' can return 22, the positive value of EINVAL, while it returns negative error codes elsewhere
 *   kapi-spec-no-impl, at the spec:
 *     warning: spec 'sys_foo' matches no function of this unit (looked for '__do_sys_foo', ...)
 *
 * kapi-spec-malformed messages come from kapi_spec_validate().
 */
#ifndef KAPI_CHECK_H
#define KAPI_CHECK_H

#include <stdbool.h>

#include "kapi/buf.h"
#include "kapi/errno_table.h"
#include "kapi/finding.h"
#include "kapi/solve.h"
#include "kapi/spec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One errno in a syscall's computed set, with one provenance. */
struct kapi_errno_entry {
	int64_t code;				/* negative */
	const char *name;			/* "-ENOMEM" or the number */
	bool declared;
	bool restart;				/* -ERESTARTSYS and the like */
	bool internal;				/* other codes of 512 and up */
	const struct kapi_atom *source;		/* site and call chain */
};

/* An unknown source reaching the syscall's return value. */
struct kapi_unknown_entry {
	const char *what;			/* "call to '__mm_populate'" */
	const struct kapi_atom *source;
};

/* The audit of one specified syscall. */
struct kapi_errno_report {
	const struct kapi_spec *spec;
	const char *impl;			/* NULL: no body found */
	unsigned int nerrnos;
	struct kapi_errno_entry *errnos;	/* sorted by name */
	unsigned int nunknown;
	struct kapi_unknown_entry *unknown;
	const char *incomplete;			/* why the set is not exact */
	bool complete;				/* no unknown sources, no limit */
};

/*
 * Run the errno checks of SPEC against PROG: undeclared errnos, declared
 * ones no path returns (only when the analysis is complete), and returned
 * values outside the spec's success values. Fills REPORT (may be NULL).
 * When SPEC names no function of PROG and REQUIRE_IMPL is set, adds a
 * kapi-spec-no-impl finding.
 */
void kapi_check_errnos(struct kapi_arena *arena, struct kapi_program *prog,
		       const struct kapi_spec *spec,
		       const struct kapi_errno_table *errnos,
		       bool require_impl, struct kapi_findings *out,
		       struct kapi_errno_report *report);

/*
 * Report kernel-internal codes (512 and up, restart codes aside) that can
 * reach the return of function IMPL, naming it LABEL in messages. Used
 * for syscalls without a spec; kapi_check_errnos() does it for specified
 * ones.
 */
void kapi_check_internal_errnos(struct kapi_arena *arena,
				struct kapi_program *prog, const char *impl,
				const char *label,
				const struct kapi_errno_table *errnos,
				struct kapi_findings *out);

/*
 * Compare SPEC's parameters with the prototype of IMPL: count, order,
 * names and C types. A spec type that only differs from the code by a
 * typedef is a note (note_only), not a warning.
 */
void kapi_check_params(const struct kapi_spec *spec,
		       const struct kapi_summary *impl,
		       struct kapi_findings *out);

/*
 * Write REPORT as the audit table: per syscall, every errno with its
 * provenance, then the unknown sources. Paths are printed relative to
 * STRIP_PREFIX when they start with it (may be NULL).
 */
void kapi_errno_report_format(const struct kapi_errno_report *report,
			      const char *strip_prefix, struct kapi_buf *out);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_CHECK_H */
