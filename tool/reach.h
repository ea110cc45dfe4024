/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reachability from the specified syscalls over the call graph of a
 * whole build, computed from a cheap first pass over the facts
 * (kapi_facts_scan()), so that the second pass parses only the summaries
 * the checks can need. Names are resolved as the linker does: a call
 * reaches the caller unit's static function of that name, else the
 * global one.
 */
#ifndef KAPI_TOOL_REACH_H
#define KAPI_TOOL_REACH_H

#include <stdbool.h>

#include "kapi/arena.h"

struct kapi_reach;

struct kapi_reach *kapi_reach_new(struct kapi_arena *arena);

/* A kapi_facts_visit callback; DATA is the struct kapi_reach. */
void kapi_reach_visit(void *data, char kind, const char *name, bool is_static);

/* Mark every function reachable from a spec's syscall body. */
void kapi_reach_solve(struct kapi_reach *r);

/* A kapi_facts_keep callback: whether the function was reached. */
bool kapi_reach_keep(void *data, const char *unit, const char *name,
		     bool is_static);

/* The number of functions scanned; *KEPT those reached. */
unsigned int kapi_reach_count(const struct kapi_reach *r, unsigned int *kept);

#endif /* KAPI_TOOL_REACH_H */
