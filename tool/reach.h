/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reachability from the specified syscalls over the call graph of a
 * whole build, computed from a cheap first pass over the facts
 * (kapi_facts_scan()), so that the second pass parses only the summaries
 * the checks can need. Names are resolved as the linker does: a call
 * reaches the caller unit's static function of that name, else the
 * global one: the strong definition when there is also a weak one.
 */
#ifndef KAPI_TOOL_REACH_H
#define KAPI_TOOL_REACH_H

#include <stdbool.h>

#include "kapi/arena.h"
#include "kapi/summary.h"

struct kapi_reach;

struct kapi_reach *kapi_reach_new(struct kapi_arena *arena);

/* A kapi_facts_visit callback; DATA is the struct kapi_reach. */
void kapi_reach_visit(void *data, char kind, const char *name,
		      enum kapi_linkage linkage);

/* Mark every function reachable from a spec's syscall body. */
void kapi_reach_solve(struct kapi_reach *r);

/* A kapi_facts_keep callback: whether the function was reached. */
bool kapi_reach_keep(void *data, const char *unit, const char *name,
		     enum kapi_linkage linkage);

/*
 * Global names defined in more than one unit, each counted once. A strong
 * definition that replaced a weak one is what the linker does too. Two
 * strong ones mean the inputs are not one link (objects of two
 * configurations, or of modules): calls then reach the one read first,
 * named here.
 */
struct kapi_reach_duplicates {
	unsigned int weak_replaced;	/* names whose weak one was replaced */
	unsigned int strong;		/* names with two strong definitions */
	const char *name;		/* the first strong duplicate */
	const char *kept_unit;
	const char *dropped_unit;
};

void kapi_reach_duplicates(const struct kapi_reach *r,
			   struct kapi_reach_duplicates *out);

/* The number of functions scanned; *KEPT those reached. */
unsigned int kapi_reach_count(const struct kapi_reach *r, unsigned int *kept);

#endif /* KAPI_TOOL_REACH_H */
