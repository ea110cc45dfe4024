/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Strongly connected components of the call graph below one function, in
 * callees-first order.
 *
 * Both interprocedural analyses (errno results in solve.c, capability
 * checks in caps.c) want every callee final before its callers are
 * computed. In that order a function outside any cycle is computed once,
 * and only the functions of one cycle are iterated together, however large
 * the program is.
 */
#ifndef KAPI_CALLGRAPH_H
#define KAPI_CALLGRAPH_H

#include <stdbool.h>

#include "kapi/summary.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Which edges to follow: the callee of call SITE of F, or NULL to leave the
 * edge out (an unknown callee, an indirect call, a function already final,
 * a call whose value the analysis never needs).
 */
typedef const struct kapi_summary *(*kapi_callgraph_edge)(
	void *data, const struct kapi_summary *f, unsigned int site);

struct kapi_scc_order {
	unsigned int n;			/* functions reached */
	const struct kapi_summary **fns; /* callees first */
	unsigned int nsccs;
	unsigned int *start;		/* nsccs + 1 offsets into fns */
	bool *cyclic;			/* per SCC: recursion inside it */
};

/*
 * Fill ORDER with ROOT and every function reached from it through EDGE.
 * The arrays are malloc()ed; release them with kapi_scc_order_release().
 */
void kapi_callgraph_sccs(const struct kapi_summary *root,
			 kapi_callgraph_edge edge, void *data,
			 struct kapi_scc_order *order);

void kapi_scc_order_release(struct kapi_scc_order *order);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_CALLGRAPH_H */
