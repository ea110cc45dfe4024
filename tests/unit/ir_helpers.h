/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shorthands for building function IR by hand in unit tests.
 */
#ifndef KAPI_TESTS_IR_HELPERS_H
#define KAPI_TESTS_IR_HELPERS_H

#include "kapi/ir.h"
#include "kapi/solve.h"
#include "kapi/summary.h"

/* A location on LINE of the test's imaginary source file. */
static inline struct kapi_loc at(unsigned int line)
{
	struct kapi_loc loc = { "test.c", line, 1, 0 };

	return loc;
}

/* Summarize FN and add it to PROG; returns the summary. */
static inline struct kapi_summary *add_fn(struct kapi_program *prog,
					  struct kapi_arena *arena,
					  struct kapi_fn_ir *fn)
{
	const char *why = NULL;
	struct kapi_summary *s = kapi_summarize(arena, fn, &why);

	if (!s) {
		fprintf(stderr, "summarize %s: %s\n", fn->name, why);
		return NULL;
	}
	kapi_program_add(prog, s);
	return s;
}

/* Whether SET holds the constant VALUE (whatever its guards). */
static inline int has_const(const struct kapi_valueset *set, int64_t value)
{
	unsigned int i;

	for (i = 0; set && i < set->n; i++)
		if (set->atoms[i].kind == KAPI_ATOM_CONST &&
		    set->atoms[i].value == value)
			return 1;
	return 0;
}

static inline int count_kind(const struct kapi_valueset *set,
			     enum kapi_atom_kind kind)
{
	unsigned int i;
	int n = 0;

	for (i = 0; set && i < set->n; i++)
		n += set->atoms[i].kind == kind;
	return n;
}

#endif /* KAPI_TESTS_IR_HELPERS_H */
