/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Abstract values: what a variable or a function's return value may be.
 *
 * A value set is a set of atoms. An atom is a constant, a parameter of the
 * current function, the result of a call site, a value from outside the
 * analysis (an unknown source) or a value known not to be an errno. Every
 * atom but a constant carries a filter: the conditions that the value
 * passed on the way (if (ret == -EFAULT), if (IS_ERR(p)), if (err < 0)).
 * Atoms may also carry guards: conditions on other values that must be
 * satisfiable for the atom to exist at all, such as "parameter 0 may be
 * -EFAULT" for the -ENOMEM that a translation helper returns in that case.
 */
#ifndef KAPI_VALUE_H
#define KAPI_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "kapi/arena.h"
#include "kapi/buf.h"
#include "kapi/ir.h"
#include "kapi/loc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The largest errno a kernel returns as -errno, as in linux/err.h. */
#define KAPI_MAX_ERRNO 4095

/* Regions of the integer line that the analysis distinguishes. */
#define KAPI_REGION_ERR		(1u << 0)	/* -4095 .. -1: an errno */
#define KAPI_REGION_NEG		(1u << 1)	/* below -4095 */
#define KAPI_REGION_ZERO	(1u << 2)
#define KAPI_REGION_POS		(1u << 3)
#define KAPI_REGION_ALL		0xfu

/* Past these sizes filters and guards are widened, which stays sound. */
#define KAPI_FILTER_MAX_VALUES 8

/*
 * Path constraints (and orderings) kept per block state of a function.
 * Past it new ones are left out, which widens soundly: see flow.c.
 */
#define KAPI_FLOW_MAX_CONSTRAINTS 64
#define KAPI_ATOM_MAX_GUARDS 2

/*
 * A set of integers: those in REGIONS and in LOW..HIGH, then either
 * restricted to VALUES (ONLY) or with VALUES removed (!ONLY). VALUES are
 * sorted and unique.
 */
struct kapi_filter {
	unsigned int regions;
	int64_t low;
	int64_t high;
	bool only;
	unsigned int nvalues;
	int64_t values[KAPI_FILTER_MAX_VALUES];
};

enum kapi_atom_kind {
	KAPI_ATOM_CONST,
	KAPI_ATOM_OPAQUE,
	KAPI_ATOM_PARAM,
	KAPI_ATOM_CALL,
	KAPI_ATOM_UNKNOWN,
};

enum kapi_guard_kind {
	KAPI_GUARD_PARAM,
	KAPI_GUARD_CALL,
};

struct kapi_guard {
	enum kapi_guard_kind kind;
	int ref;			/* parameter index or call site index */
	struct kapi_filter filter;
};

/* One step of a provenance chain: the value came out of this call. */
struct kapi_chain {
	const char *caller;		/* function that contains the call */
	const char *callee;
	struct kapi_loc loc;		/* the call */
	const struct kapi_chain *next;	/* the call inside CALLEE, or NULL */
};

struct kapi_atom {
	enum kapi_atom_kind kind;
	int64_t value;			/* CONST */
	int ref;			/* PARAM index, CALL site index */
	const char *text;		/* UNKNOWN: what the value is */
	struct kapi_filter filter;	/* all kinds but CONST */
	unsigned int nguards;
	struct kapi_guard guards[KAPI_ATOM_MAX_GUARDS];

	/*
	 * Inside one function only: the atom exists only where variables
	 * REL_A and REL_B (SSA roots) can be ordered as REL_MASK, a mask of
	 * less, equal, greater (1, 2, 4). 0: no such condition. Summaries
	 * never carry it.
	 */
	int rel_a;
	int rel_b;
	unsigned int rel_mask;

	/* Provenance, not part of the atom's identity. */
	struct kapi_loc loc;		/* where the value is produced */
	const char *origin;		/* function that produces it */
	const struct kapi_chain *chain;	/* calls from the analysed function */
};

struct kapi_valueset {
	unsigned int n;
	unsigned int cap;
	struct kapi_atom *atoms;
	bool widened;			/* a size limit dropped precision */
};

/* Filters. */
void kapi_filter_all(struct kapi_filter *f);
void kapi_filter_from_cmp(struct kapi_filter *f, enum kapi_cmp cmp,
			  int64_t rhs, bool is_unsigned);
void kapi_filter_negate_cmp(struct kapi_filter *f, enum kapi_cmp cmp,
			    int64_t rhs, bool is_unsigned);
void kapi_filter_regions(struct kapi_filter *f, unsigned int regions);
bool kapi_filter_admits(const struct kapi_filter *f, int64_t value);
bool kapi_filter_is_empty(const struct kapi_filter *f);
bool kapi_filter_is_all(const struct kapi_filter *f);
bool kapi_filter_equal(const struct kapi_filter *a,
		       const struct kapi_filter *b);
/* A = A and B; A = A or B (over-approximated when it has no exact form). */
void kapi_filter_intersect(struct kapi_filter *a, const struct kapi_filter *b);
void kapi_filter_union(struct kapi_filter *a, const struct kapi_filter *b);
unsigned int kapi_value_region(int64_t value);
void kapi_filter_format(const struct kapi_filter *f, struct kapi_buf *out);

/* Atoms. */
bool kapi_atom_same(const struct kapi_atom *a, const struct kapi_atom *b);
/* Whether ATOM, after its filter, may be an errno (-4095..-1). */
bool kapi_atom_may_be_errno(const struct kapi_atom *atom);
/* Restrict ATOM by F; returns false when nothing of it is left. */
bool kapi_atom_restrict(struct kapi_atom *atom, const struct kapi_filter *f);
/* Add guard G to ATOM, merging with a guard on the same value. */
void kapi_atom_add_guard(struct kapi_atom *atom, const struct kapi_guard *g);

/* Value sets. */
void kapi_valueset_add(struct kapi_arena *arena, struct kapi_valueset *set,
		       const struct kapi_atom *atom);
void kapi_valueset_add_all(struct kapi_arena *arena, struct kapi_valueset *set,
			   const struct kapi_valueset *from);
bool kapi_valueset_contains(const struct kapi_valueset *set,
			    const struct kapi_atom *atom);
bool kapi_valueset_equal(const struct kapi_valueset *a,
			 const struct kapi_valueset *b);
/* Copy FROM restricted by F into TO (which is cleared first). */
void kapi_valueset_restrict(struct kapi_arena *arena, struct kapi_valueset *to,
			    const struct kapi_valueset *from,
			    const struct kapi_filter *f);

/* Largest atom count of one set; past it a set is widened to unknowns. */
#define KAPI_VALUESET_MAX 256

#ifdef __cplusplus
}
#endif

#endif /* KAPI_VALUE_H */
