// SPDX-License-Identifier: GPL-2.0-only
/*
 * The functions a check can need: those reachable from the specified
 * syscalls (see reach.h). Found from a cheap scan of the facts, so that
 * the full summaries of every other function are never parsed.
 */
#include <stdlib.h>
#include <string.h>

#include "kapi/spec.h"
#include "reach.h"

struct node {
	const char *qname;		/* NAME, or NAME@UNIT when static */
	const char *unit;
	const char *name;
	bool is_static;
	bool is_weak;
	unsigned int ncallees;
	const char **callees;		/* raw names, resolved in the end */
	bool reached;
};

struct kapi_reach {
	struct kapi_arena *arena;
	unsigned int n, cap;
	struct node *nodes;
	unsigned int *slots;		/* qname pointer hash, index + 1 */
	unsigned int nslots;
	const char *unit;		/* the unit being scanned */
	int current;			/* its last function, or -1 */
	unsigned int nspecs;
	const char **spec_units;
	const char **spec_names;
};

static unsigned int hash_ptr(const void *p)
{
	uintptr_t v = (uintptr_t)p;

	return (unsigned int)((v >> 4) ^ (v >> 20)) * 2654435761u;
}

static int find(const struct kapi_reach *r, const char *qname)
{
	unsigned int j;

	if (!r->nslots)
		return -1;
	for (j = hash_ptr(qname) & (r->nslots - 1); r->slots[j];
	     j = (j + 1) & (r->nslots - 1))
		if (r->nodes[r->slots[j] - 1].qname == qname)
			return (int)r->slots[j] - 1;
	return -1;
}

/*
 * Give node INDEX a slot, unless another definition of its name has one.
 * As in the linker, a strong definition replaces a weak one. Between
 * equals, and between two copies of one unit (tool/link.c keeps a unit's
 * first copy whatever it contains), the first read wins. The other
 * definitions get no slot, so no call reaches them and their summaries
 * are never parsed.
 */
static void insert_slot(struct kapi_reach *r, unsigned int index)
{
	const struct node *node = &r->nodes[index];
	unsigned int j = hash_ptr(node->qname) & (r->nslots - 1);

	for (; r->slots[j]; j = (j + 1) & (r->nslots - 1)) {
		const struct node *other = &r->nodes[r->slots[j] - 1];

		if (other->qname != node->qname)
			continue;
		if (other->is_weak && !node->is_weak &&
		    other->unit != node->unit)
			r->slots[j] = index + 1;
		return;
	}
	r->slots[j] = index + 1;
}

static void rehash(struct kapi_reach *r)
{
	unsigned int i;

	r->nslots = r->nslots ? r->nslots * 2 : 1024;
	r->slots = kapi_arena_alloc(r->arena, r->nslots * sizeof(*r->slots));
	for (i = 0; i < r->n; i++)
		insert_slot(r, i);
}

static const char *qualify(struct kapi_reach *r, const char *name,
			   const char *unit, bool is_static)
{
	if (!is_static)
		return kapi_intern(r->arena, name);
	return kapi_intern(r->arena, kapi_arena_printf(r->arena, "%s@%s", name,
						       unit));
}

struct kapi_reach *kapi_reach_new(struct kapi_arena *arena)
{
	struct kapi_reach *r = kapi_arena_alloc(arena, sizeof(*r));

	r->arena = arena;
	r->current = -1;
	return r;
}

void kapi_reach_visit(void *data, char kind, const char *name,
		      enum kapi_linkage linkage)
{
	struct kapi_reach *r = data;
	struct node *node;

	switch (kind) {
	case 'u':
		r->unit = kapi_intern(r->arena, name);
		r->current = -1;
		return;
	case 's':
		r->spec_units = kapi_arena_grow(r->arena, r->spec_units,
						sizeof(char *), r->nspecs,
						r->nspecs + 1);
		r->spec_names = kapi_arena_grow(r->arena, r->spec_names,
						sizeof(char *), r->nspecs,
						r->nspecs + 1);
		r->spec_units[r->nspecs] = r->unit;
		r->spec_names[r->nspecs++] = kapi_intern(r->arena, name);
		return;
	case 'f':
		if (!r->unit)
			return;
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 1024;
			r->nodes = kapi_arena_grow(r->arena, r->nodes,
						   sizeof(*r->nodes), r->n,
						   r->cap);
		}
		node = &r->nodes[r->n];
		memset(node, 0, sizeof(*node));
		node->unit = r->unit;
		node->name = kapi_intern(r->arena, name);
		node->is_static = linkage == KAPI_LINKAGE_STATIC;
		node->is_weak = linkage == KAPI_LINKAGE_WEAK;
		node->qname = qualify(r, name, r->unit, node->is_static);
		r->current = (int)r->n++;
		if (r->n * 2 > r->nslots)
			rehash(r);
		else
			insert_slot(r, r->n - 1);
		return;
	case 'c':
		if (r->current < 0)
			return;
		node = &r->nodes[r->current];
		node->callees = kapi_arena_grow(r->arena, node->callees,
						sizeof(char *), node->ncallees,
						node->ncallees + 1);
		node->callees[node->ncallees++] = kapi_intern(r->arena, name);
		return;
	}
}

/* The node a call of NAME from UNIT reaches: its static, else the global. */
static int resolve(struct kapi_reach *r, const char *name, const char *unit)
{
	int i = find(r, qualify(r, name, unit, true));

	return i >= 0 ? i : find(r, qualify(r, name, unit, false));
}

/*
 * A spec compiled apart from its syscall (RFC v3 to v5 generate all specs
 * into one unit) reaches the static bodies of that name in every unit.
 */
static void mark_static_bodies(struct kapi_reach *r, const char **names,
			       unsigned int nnames, unsigned int *todo,
			       unsigned int *ntodo)
{
	unsigned int i, k;

	for (i = 0; i < r->n; i++) {
		struct node *node = &r->nodes[i];

		for (k = 0; k < nnames && !node->reached; k++) {
			if (!node->is_static || node->name != names[k])
				continue;
			node->reached = true;
			todo[(*ntodo)++] = i;
		}
	}
}

void kapi_reach_solve(struct kapi_reach *r)
{
	unsigned int *todo = malloc((r->n ? r->n : 1) * sizeof(*todo));
	unsigned int ntodo = 0, s, k, i;

	if (!todo)
		abort();
	for (s = 0; s < r->nspecs; s++) {
		const char *names[16];
		unsigned int n = kapi_spec_impl_names(r->arena, r->spec_names[s],
						      names, 16);

		bool found = false;

		for (k = 0; k < n; k++) {
			int at = resolve(r, names[k], r->spec_units[s]);

			found |= at >= 0;
			if (at >= 0 && !r->nodes[at].reached) {
				r->nodes[at].reached = true;
				todo[ntodo++] = (unsigned int)at;
			}
		}
		if (!found)
			mark_static_bodies(r, names, n, todo, &ntodo);
	}
	while (ntodo) {
		const struct node *node = &r->nodes[todo[--ntodo]];

		for (i = 0; i < node->ncallees; i++) {
			int at = resolve(r, node->callees[i], node->unit);

			if (at >= 0 && !r->nodes[at].reached) {
				r->nodes[at].reached = true;
				todo[ntodo++] = (unsigned int)at;
			}
		}
	}
	free(todo);
}

/* Only the definition that won the name's slot is parsed. */
bool kapi_reach_keep(void *data, const char *unit, const char *name,
		     enum kapi_linkage linkage)
{
	struct kapi_reach *r = data;
	const char *u = kapi_intern(r->arena, unit);
	int at = find(r, qualify(r, name, u, linkage == KAPI_LINKAGE_STATIC));

	return at >= 0 && r->nodes[at].reached && r->nodes[at].unit == u;
}

/* Flags per winning node, so that each name is counted once. */
#define COUNTED_WEAK	1
#define COUNTED_STRONG	2

void kapi_reach_duplicates(const struct kapi_reach *r,
			   struct kapi_reach_duplicates *out)
{
	unsigned char *counted = calloc(r->n ? r->n : 1, 1);
	unsigned int i;

	if (!counted)
		abort();
	memset(out, 0, sizeof(*out));
	for (i = 0; i < r->n; i++) {
		const struct node *node = &r->nodes[i];
		const struct node *winner;
		int at;

		if (node->is_static)
			continue;
		at = find(r, node->qname);
		winner = &r->nodes[at];
		/* The same unit read twice (an object and its archive). */
		if (at == (int)i || winner->unit == node->unit)
			continue;
		if (node->is_weak && !winner->is_weak) {
			if (!(counted[at] & COUNTED_WEAK))
				out->weak_replaced++;
			counted[at] |= COUNTED_WEAK;
			continue;
		}
		/* Two weak defaults are legal; the linker takes either. */
		if (node->is_weak || (counted[at] & COUNTED_STRONG))
			continue;
		counted[at] |= COUNTED_STRONG;
		if (!out->strong++) {
			out->name = node->name;
			out->kept_unit = winner->unit;
			out->dropped_unit = node->unit;
		}
	}
	free(counted);
}

unsigned int kapi_reach_count(const struct kapi_reach *r, unsigned int *kept)
{
	unsigned int i;

	*kept = 0;
	for (i = 0; i < r->n; i++)
		*kept += r->nodes[i].reached;
	return r->n;
}
