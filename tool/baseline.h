/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Baselines of kapi-check (--write-baseline FILE, --baseline FILE).
 *
 * A baseline lists the findings of one run by their stable key, the check
 * id, the function (the spec's name) and the value, never by file or
 * line, so that code that moves does not make a finding new:
 *
 *   kapi-check baseline 1
 *   # CHECK-ID FUNCTION VALUE
 *   kapi-errno-undeclared sys_mlock EAGAIN
 *   kapi-spec-malformed sys_mlock -
 *
 * CHECK-ID is a check of kapi-check or, for findings read by "kapi-check
 * merge", a Coccinelle rule (cocci-RULE) or sparse (sparse-context).
 * The first line names the format and its version. Fields are quoted as
 * in fields.h; "-" stands for a finding without a value. A key listed N
 * times accepts N findings with that key: the N+1st is new. Lines are
 * sorted, so that a baseline kept in git changes by whole lines.
 */
#ifndef KAPI_TOOL_BASELINE_H
#define KAPI_TOOL_BASELINE_H

#include <stdbool.h>

#include "kapi/arena.h"
#include "kapi/finding.h"

#define KAPI_BASELINE_VERSION 1

struct kapi_baseline_entry {
	const char *check;		/* a kapi-... id or a merged engine's */
	const char *function;
	const char *value;		/* "-" for none */
	bool taken;			/* matched by a finding of this run */
};

struct kapi_baseline {
	struct kapi_arena *arena;
	const char *file;
	unsigned int n;
	struct kapi_baseline_entry *v;
};

/*
 * Read FILE into B. Returns 0, or -1 with *ERR set to a malloc()ed
 * message that names FILE and the line.
 */
int kapi_baseline_read(struct kapi_baseline *b, const char *file,
		       char **err);

/*
 * Take an entry of B with the key of F, whose check id is CHECK (the
 * name of F->check, or a merged engine's id); false when none is left.
 */
bool kapi_baseline_take(struct kapi_baseline *b, const char *check,
			const struct kapi_finding *f);

/*
 * Write the keys of FINDINGS (N of them, with the check ids CHECKS) to FILE
 * as a baseline. Returns 0, or -1 with *ERR set to a malloc()ed message.
 */
int kapi_baseline_write(const char *file, const char *const *checks,
			const struct kapi_finding *const *findings,
			unsigned int n, char **err);

#endif /* KAPI_TOOL_BASELINE_H */
