// SPDX-License-Identifier: GPL-2.0-only
/*
 * Callees-first SCC order of a call graph (see include/kapi/callgraph.h).
 *
 * Tarjan's algorithm, which emits each component after every component it
 * calls into. It runs with explicit stacks: a kernel call chain is deep
 * enough that recursion here could overflow the stack of cc1.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/callgraph.h"

#define UNVISITED ((unsigned int)-1)

struct node {
	const struct kapi_summary *fn;
	unsigned int index;
	unsigned int low;
	unsigned int next_site;		/* the next call site to follow */
	bool on_stack;
	bool calls_itself;
};

struct tarjan {
	kapi_callgraph_edge edge;
	void *data;

	struct node *nodes;
	unsigned int n, cap;
	unsigned int *slots;		/* pointer hash of fn, index + 1 */
	unsigned int nslots;

	unsigned int *stack;		/* the open components */
	unsigned int nstack, stack_cap;
	unsigned int *path;		/* the depth-first path */
	unsigned int npath, path_cap;
	unsigned int counter;

	struct kapi_scc_order *order;
	unsigned int fns_cap;
	unsigned int scc_cap;
};

static void *grow(void *p, unsigned int *cap, unsigned int need, size_t size)
{
	if (need <= *cap)
		return p;
	while (*cap < need)
		*cap = *cap ? *cap * 2 : 64;
	p = realloc(p, *cap * size);
	if (!p)
		abort();
	return p;
}

static unsigned int hash_ptr(const void *p, unsigned int nslots)
{
	uintptr_t v = (uintptr_t)p;

	return (unsigned int)(((v >> 4) ^ (v >> 24)) * 2654435761u) &
	       (nslots - 1);
}

static void rehash(struct tarjan *t)
{
	unsigned int i, j;

	t->nslots = t->nslots ? t->nslots * 2 : 256;
	free(t->slots);
	t->slots = calloc(t->nslots, sizeof(*t->slots));
	if (!t->slots)
		abort();
	for (i = 0; i < t->n; i++) {
		j = hash_ptr(t->nodes[i].fn, t->nslots);
		while (t->slots[j])
			j = (j + 1) & (t->nslots - 1);
		t->slots[j] = i + 1;
	}
}

/* The node of FN, created unvisited on first sight. */
static unsigned int node_of(struct tarjan *t, const struct kapi_summary *fn)
{
	unsigned int j, cap = t->cap;

	if (t->nslots) {
		for (j = hash_ptr(fn, t->nslots); t->slots[j];
		     j = (j + 1) & (t->nslots - 1))
			if (t->nodes[t->slots[j] - 1].fn == fn)
				return t->slots[j] - 1;
	}

	t->nodes = grow(t->nodes, &cap, t->n + 1, sizeof(*t->nodes));
	t->cap = cap;
	memset(&t->nodes[t->n], 0, sizeof(t->nodes[0]));
	t->nodes[t->n].fn = fn;
	t->nodes[t->n].index = UNVISITED;
	t->n++;
	if (t->n * 2 > t->nslots) {
		rehash(t);
	} else {
		j = hash_ptr(fn, t->nslots);
		while (t->slots[j])
			j = (j + 1) & (t->nslots - 1);
		t->slots[j] = t->n;
	}
	return t->n - 1;
}

static void visit(struct tarjan *t, unsigned int v)
{
	t->nodes[v].index = t->nodes[v].low = t->counter++;
	t->nodes[v].on_stack = true;

	t->stack = grow(t->stack, &t->stack_cap, t->nstack + 1,
			sizeof(*t->stack));
	t->stack[t->nstack++] = v;
	t->path = grow(t->path, &t->path_cap, t->npath + 1, sizeof(*t->path));
	t->path[t->npath++] = v;
}

/* Pop the component rooted at V off the stack into the order. */
static void close_component(struct tarjan *t, unsigned int v)
{
	struct kapi_scc_order *o = t->order;
	unsigned int first = o->n, w, cap = t->scc_cap;

	do {
		w = t->stack[--t->nstack];
		t->nodes[w].on_stack = false;
		o->fns[o->n++] = t->nodes[w].fn;
	} while (w != v);

	o->start = grow(o->start, &cap, o->nsccs + 2, sizeof(*o->start));
	if (cap != t->scc_cap) {
		o->cyclic = realloc(o->cyclic, cap * sizeof(*o->cyclic));
		if (!o->cyclic)
			abort();
		t->scc_cap = cap;
	}
	o->start[o->nsccs] = first;
	o->cyclic[o->nsccs] = o->n - first > 1 || t->nodes[v].calls_itself;
	o->nsccs++;
	o->start[o->nsccs] = o->n;
}

void kapi_callgraph_sccs(const struct kapi_summary *root,
			 kapi_callgraph_edge edge, void *data,
			 struct kapi_scc_order *order)
{
	struct tarjan t;

	memset(&t, 0, sizeof(t));
	memset(order, 0, sizeof(*order));
	t.edge = edge;
	t.data = data;
	t.order = order;

	visit(&t, node_of(&t, root));
	while (t.npath) {
		unsigned int v = t.path[t.npath - 1];
		const struct kapi_summary *fn = t.nodes[v].fn;

		if (t.nodes[v].next_site < fn->ncalls) {
			unsigned int site = t.nodes[v].next_site++;
			const struct kapi_summary *g = edge(data, fn, site);
			unsigned int w;

			if (!g)
				continue;
			if (g == fn)
				t.nodes[v].calls_itself = true;
			w = node_of(&t, g);
			if (t.nodes[w].index == UNVISITED)
				visit(&t, w);
			else if (t.nodes[w].on_stack &&
				 t.nodes[w].index < t.nodes[v].low)
				t.nodes[v].low = t.nodes[w].index;
			continue;
		}

		t.npath--;
		if (t.npath) {
			unsigned int u = t.path[t.npath - 1];

			if (t.nodes[v].low < t.nodes[u].low)
				t.nodes[u].low = t.nodes[v].low;
		}
		if (t.nodes[v].low == t.nodes[v].index) {
			/* Room for the whole component at once. */
			order->fns = grow(order->fns, &t.fns_cap,
					  order->n + t.nstack,
					  sizeof(*order->fns));
			close_component(&t, v);
		}
	}

	free(t.nodes);
	free(t.slots);
	free(t.stack);
	free(t.path);
}

void kapi_scc_order_release(struct kapi_scc_order *order)
{
	free(order->fns);
	free(order->start);
	free(order->cyclic);
	memset(order, 0, sizeof(*order));
}
