// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the callees-first SCC order (lib/callgraph.c): every
 * component comes after the components it calls into, cycles and
 * self-recursion are marked, filtered edges are left out, and a call
 * chain far deeper than any stack completes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/callgraph.h"
#include "unit.h"

#define MAX_FNS 8

struct graph {
	struct kapi_summary fns[MAX_FNS];
	struct kapi_callsite calls[MAX_FNS][MAX_FNS];
	unsigned int n;
	const char *dropped;	/* calls to it are filtered out */
};

static struct kapi_summary *add_fn(struct graph *g, const char *name)
{
	struct kapi_summary *s = &g->fns[g->n];

	s->name = name;
	s->calls = g->calls[g->n];
	g->n++;
	return s;
}

static void add_call(struct kapi_summary *from, const char *callee)
{
	from->calls[from->ncalls++].callee = callee;
}

static struct kapi_summary *find_fn(struct graph *g, const char *name)
{
	unsigned int i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->fns[i].name, name) == 0)
			return &g->fns[i];
	return NULL;
}

static const struct kapi_summary *graph_edge(void *data,
					     const struct kapi_summary *f,
					     unsigned int site)
{
	struct graph *g = data;
	const char *callee = f->calls[site].callee;

	if (g->dropped && strcmp(callee, g->dropped) == 0)
		return NULL;
	return find_fn(g, callee);
}

/* The component index of NAME in ORDER, or -1 when it was not reached. */
static int scc_of(const struct kapi_scc_order *order, const char *name)
{
	unsigned int s, i;

	for (s = 0; s < order->nsccs; s++)
		for (i = order->start[s]; i < order->start[s + 1]; i++)
			if (strcmp(order->fns[i]->name, name) == 0)
				return (int)s;
	return -1;
}

/*
 * a -> b, a -> c, c -> b, c -> c, b -> d, d -> b, a -> x (filtered),
 * e unreached from a.
 */
static void test_order_and_cycles(void)
{
	struct graph g = { .dropped = "x" };
	struct kapi_summary *a = add_fn(&g, "a"), *b = add_fn(&g, "b");
	struct kapi_summary *c = add_fn(&g, "c"), *d = add_fn(&g, "d");
	struct kapi_summary *e = add_fn(&g, "e");
	struct kapi_scc_order order;
	unsigned int s, i, k;

	add_fn(&g, "x");
	add_call(a, "b");
	add_call(a, "c");
	add_call(a, "x");
	add_call(c, "b");
	add_call(c, "c");
	add_call(b, "d");
	add_call(d, "b");
	add_call(e, "a");

	kapi_callgraph_sccs(a, graph_edge, &g, &order);

	CHECK(order.n == 4);
	CHECK(order.nsccs == 3);
	CHECK(scc_of(&order, "b") == scc_of(&order, "d"));
	CHECK(scc_of(&order, "b") >= 0);
	CHECK(scc_of(&order, "b") < scc_of(&order, "c"));
	CHECK(scc_of(&order, "c") < scc_of(&order, "a"));
	CHECK(scc_of(&order, "a") == (int)order.nsccs - 1);
	CHECK(scc_of(&order, "e") == -1);
	CHECK(scc_of(&order, "x") == -1);
	CHECK(order.cyclic[scc_of(&order, "b")]);
	CHECK(order.cyclic[scc_of(&order, "c")]);
	CHECK(!order.cyclic[scc_of(&order, "a")]);

	/* Every followed callee sits in the same or an earlier component. */
	for (s = 0; s < order.nsccs; s++)
		for (i = order.start[s]; i < order.start[s + 1]; i++)
			for (k = 0; k < order.fns[i]->ncalls; k++) {
				const struct kapi_summary *callee =
					graph_edge(&g, order.fns[i], k);

				if (callee)
					CHECK(scc_of(&order, callee->name) <=
					      (int)s);
			}
	kapi_scc_order_release(&order);
}

/* Callee "fK" of the deep chain is fns[K]. */
static const struct kapi_summary *deep_edge(void *data,
					    const struct kapi_summary *f,
					    unsigned int site)
{
	const struct kapi_summary *fns = data;

	return &fns[atoi(f->calls[site].callee + 1)];
}

/* A chain of 200000 calls ending in a loop back to its middle. */
static void test_deep_chain(void)
{
	enum { N = 200000 };
	struct kapi_summary *fns = calloc(N, sizeof(*fns));
	struct kapi_callsite *calls = calloc(N, sizeof(*calls));
	char (*names)[16] = calloc(N, sizeof(*names));
	struct kapi_scc_order order;
	unsigned int i;

	if (!fns || !calls || !names)
		abort();
	for (i = 0; i < N; i++) {
		snprintf(names[i], sizeof(names[i]), "f%u", i);
		fns[i].name = names[i];
		fns[i].calls = &calls[i];
		fns[i].ncalls = 1;
		calls[i].callee = i + 1 < N ? names[i + 1] : names[N / 2];
	}

	kapi_callgraph_sccs(&fns[0], deep_edge, fns, &order);

	/* f0 .. f(N/2 - 1) alone, then one cycle of the rest. */
	CHECK(order.n == N);
	CHECK(order.nsccs == N / 2 + 1);
	CHECK(order.cyclic[0]);
	CHECK(order.start[1] == N - N / 2);
	CHECK(!order.cyclic[order.nsccs - 1]);
	CHECK(order.fns[order.n - 1] == &fns[0]);
	kapi_scc_order_release(&order);
	free(fns);
	free(calls);
	free(names);
}

int main(void)
{
	RUN(test_order_and_cycles);
	RUN(test_deep_chain);
	return UNIT_EXIT();
}
