/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared machinery of the core's flow analyses (value sets in summarize.c,
 * lock states in lockflow.c): SSA definitions, copy roots, predicates,
 * CFG edges with the constraints they imply, and constraint states.
 *
 * Internal to lib/: the public API is in include/kapi/.
 */
#ifndef KAPI_LIB_FLOW_H
#define KAPI_LIB_FLOW_H

#include <stdbool.h>

#include "kapi/ir.h"
#include "kapi/value.h"

struct flow_constraint {
	int root;
	struct kapi_filter filter;
};

/*
 * What is known about the order of two values, A < B: a mask of
 * FLOW_ORDER_LESS, _EQUAL and _GREATER, the orderings still possible.
 */
#define FLOW_ORDER_LESS		1u
#define FLOW_ORDER_EQUAL	2u
#define FLOW_ORDER_GREATER	4u
#define FLOW_ORDER_ANY		7u

struct flow_relation {
	int a;
	int b;
	unsigned int mask;
};

struct flow_state {
	bool reachable;
	bool capped;			/* a constraint was left out (bound) */
	unsigned int n;
	unsigned int cap;
	struct flow_constraint *c;	/* sorted by root */
	unsigned int nrel;
	unsigned int relcap;
	struct flow_relation *rel;	/* relations between two roots */
};

/* The constraint a boolean variable puts on another value when true or false. */
struct flow_predicate {
	bool valid;
	int target;
	struct kapi_filter when_true;
	struct kapi_filter when_false;
};

struct flow_edge {
	int from;
	int to;
	int target;		/* constrained root, or -1 */
	struct kapi_filter filter;
	int rel_a;		/* roots ordered by the edge, or -1 */
	int rel_b;
	unsigned int rel_mask;
	bool infeasible;	/* a constant condition rules the edge out */
};

/* The per-function facts both analyses start from. */
struct flow {
	struct kapi_arena *arena;
	const struct kapi_fn_ir *fn;

	const struct kapi_stmt **def;	/* defining statement per var */
	int *root;
	unsigned char *pred_state;	/* 0 new, 1 in progress, 2 done */
	struct flow_predicate *pred;

	unsigned int nedges;
	struct flow_edge *edges;	/* grouped by source block */
	unsigned int *out_first;	/* per block: its first edge */
	unsigned int *out_count;	/* per block: its number of edges */
	unsigned int *in_first;		/* per block: into in_edges */
	unsigned int *in_count;
	unsigned int *in_edges;		/* edge indexes grouped by target */

	int *rpo;			/* reachable blocks, reverse post-order */
	unsigned int nrpo;
};

void flow_init(struct flow *fl, struct kapi_arena *arena,
	       const struct kapi_fn_ir *fn);
void flow_release(struct flow *fl);

/* The variable a chain of copies starting at VAR comes from. */
int flow_root(struct flow *fl, int var);
struct flow_predicate flow_predicate_of(struct flow *fl, int var);

/* Constraint states. */
void flow_state_copy(struct flow_state *dst, const struct flow_state *src);
void flow_state_release(struct flow_state *s);
const struct kapi_filter *flow_state_get(const struct flow_state *s, int root);
void flow_state_kill(struct flow_state *s, int root);
bool flow_state_constrain(struct flow_state *s, int root,
			  const struct kapi_filter *f);
void flow_state_join(struct flow_state *dst, const struct flow_state *src);
bool flow_state_equal(const struct flow_state *a, const struct flow_state *b);
/* Add "A ordered as MASK to B"; returns false when that is impossible. */
bool flow_state_relate(struct flow_state *s, int a, int b, unsigned int mask);
/* Apply edge E's constraints to S; returns false when E is infeasible. */
bool flow_edge_apply(const struct flow_edge *e, struct flow_state *s);

/* Remove from S the constraints on values that block B defines anew. */
void flow_kill_defs(struct flow *fl, int b, struct flow_state *s);

#endif /* KAPI_LIB_FLOW_H */
