/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Suppression files of kapi-check (--suppress FILE).
 *
 * One entry per line, fields separated by blanks (quoting as in fields.h):
 *
 *   FUNCTION  CHECK-ID  VALUE  REASON
 *
 * FUNCTION is the spec's name as findings show it ("sys_mlock", or "*"
 * for every function, findings without one included), CHECK-ID
 * a check id ("kapi-errno-undeclared"), VALUE what the finding is about
 * (an errno name such as EAGAIN or -EAGAIN, a lock, a capability, a
 * parameter name, or "*" for every value of the check), and REASON the
 * rest of the line, which is required. Blank lines and lines starting
 * with '#' are skipped. A line with too few fields, an unknown check id
 * or no reason is an error that names the file and the line, and so is
 * a folder in place of the file.
 */
#ifndef KAPI_TOOL_SUPPRESS_H
#define KAPI_TOOL_SUPPRESS_H

#include "kapi/arena.h"
#include "kapi/finding.h"

struct kapi_suppression {
	const char *file;
	unsigned int line;
	const char *function;
	enum kapi_check_id check;
	const char *value;
	const char *reason;
	unsigned int matched;		/* findings it suppressed */
};

struct kapi_suppressions {
	struct kapi_arena *arena;
	unsigned int n;
	struct kapi_suppression *v;
};

/*
 * Read the suppression file FILE into S. Returns 0, or -1 with *ERR set
 * to a malloc()ed message naming FILE and the line.
 */
int kapi_suppressions_read(struct kapi_suppressions *s, const char *file,
			   char **err);

/* Return the first entry of S that covers F, or NULL. */
struct kapi_suppression *kapi_suppressions_match(struct kapi_suppressions *s,
						 const struct kapi_finding *f);

#endif /* KAPI_TOOL_SUPPRESS_H */
