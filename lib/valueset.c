// SPDX-License-Identifier: GPL-2.0-only
/*
 * Atoms and value sets (see include/kapi/value.h).
 */
#include <string.h>

#include "kapi/value.h"

static bool text_equal(const char *a, const char *b)
{
	if (a == b)
		return true;
	return a && b && strcmp(a, b) == 0;
}

static bool guards_equal(const struct kapi_atom *a, const struct kapi_atom *b)
{
	unsigned int i;

	if (a->nguards != b->nguards)
		return false;
	for (i = 0; i < a->nguards; i++) {
		const struct kapi_guard *x = &a->guards[i], *y = &b->guards[i];

		if (x->kind != y->kind || x->ref != y->ref ||
		    !kapi_filter_equal(&x->filter, &y->filter))
			return false;
	}
	return true;
}

/* Same value source, whatever the filter and guards. */
static bool same_base(const struct kapi_atom *a, const struct kapi_atom *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case KAPI_ATOM_CONST:
		return a->value == b->value;
	case KAPI_ATOM_OPAQUE:
		return true;
	case KAPI_ATOM_PARAM:
	case KAPI_ATOM_CALL:
		return a->ref == b->ref;
	case KAPI_ATOM_UNKNOWN:
		return text_equal(a->text, b->text);
	}
	return false;
}

bool kapi_atom_same(const struct kapi_atom *a, const struct kapi_atom *b)
{
	if (!same_base(a, b))
		return false;
	if (a->rel_mask != b->rel_mask ||
	    (a->rel_mask && (a->rel_a != b->rel_a || a->rel_b != b->rel_b)))
		return false;
	if (a->kind != KAPI_ATOM_CONST &&
	    !kapi_filter_equal(&a->filter, &b->filter))
		return false;
	return guards_equal(a, b);
}

bool kapi_atom_may_be_errno(const struct kapi_atom *atom)
{
	struct kapi_filter errs;

	if (atom->kind == KAPI_ATOM_CONST)
		return kapi_value_region(atom->value) == KAPI_REGION_ERR;

	kapi_filter_regions(&errs, KAPI_REGION_ERR);
	kapi_filter_intersect(&errs, &atom->filter);
	return !kapi_filter_is_empty(&errs);
}

bool kapi_atom_restrict(struct kapi_atom *atom, const struct kapi_filter *f)
{
	if (atom->kind == KAPI_ATOM_CONST)
		return kapi_filter_admits(f, atom->value);
	kapi_filter_intersect(&atom->filter, f);
	return !kapi_filter_is_empty(&atom->filter);
}

void kapi_atom_add_guard(struct kapi_atom *atom, const struct kapi_guard *g)
{
	unsigned int i, at;

	for (i = 0; i < atom->nguards; i++) {
		struct kapi_guard *old = &atom->guards[i];

		if (old->kind == g->kind && old->ref == g->ref) {
			kapi_filter_intersect(&old->filter, &g->filter);
			return;
		}
	}
	/* A guard that does not fit is dropped: the atom then exists more often. */
	if (atom->nguards == KAPI_ATOM_MAX_GUARDS)
		return;

	/* Keep guards sorted so that equal atoms compare equal. */
	for (at = 0; at < atom->nguards; at++) {
		const struct kapi_guard *old = &atom->guards[at];

		if (old->kind > g->kind ||
		    (old->kind == g->kind && old->ref > g->ref))
			break;
	}
	memmove(&atom->guards[at + 1], &atom->guards[at],
		(atom->nguards - at) * sizeof(*g));
	atom->guards[at] = *g;
	atom->nguards++;
}

bool kapi_valueset_contains(const struct kapi_valueset *set,
			    const struct kapi_atom *atom)
{
	unsigned int i;

	for (i = 0; i < set->n; i++)
		if (kapi_atom_same(&set->atoms[i], atom))
			return true;
	return false;
}

/*
 * Merge ATOM into an atom of SET with the same base by widening that one:
 * the union of the filters, no guards. Used once a set is full.
 */
static bool merge_into_same_base(struct kapi_valueset *set,
				 const struct kapi_atom *atom)
{
	unsigned int i;

	for (i = 0; i < set->n; i++) {
		struct kapi_atom *old = &set->atoms[i];

		if (!same_base(old, atom))
			continue;
		if (old->kind != KAPI_ATOM_CONST)
			kapi_filter_union(&old->filter, &atom->filter);
		old->nguards = 0;
		set->widened = true;
		return true;
	}
	return false;
}

void kapi_valueset_add(struct kapi_arena *arena, struct kapi_valueset *set,
		       const struct kapi_atom *atom)
{
	if (kapi_valueset_contains(set, atom))
		return;
	if (set->n >= KAPI_VALUESET_MAX && merge_into_same_base(set, atom))
		return;

	if (set->n == set->cap) {
		unsigned int cap = set->cap ? set->cap * 2 : 4;

		set->atoms = kapi_arena_grow(arena, set->atoms,
					     sizeof(*set->atoms), set->n, cap);
		set->cap = cap;
	}
	set->atoms[set->n++] = *atom;
}

void kapi_valueset_add_all(struct kapi_arena *arena, struct kapi_valueset *set,
			   const struct kapi_valueset *from)
{
	unsigned int i;

	for (i = 0; i < from->n; i++)
		kapi_valueset_add(arena, set, &from->atoms[i]);
	if (from->widened)
		set->widened = true;
}

bool kapi_valueset_equal(const struct kapi_valueset *a,
			 const struct kapi_valueset *b)
{
	unsigned int i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (!kapi_valueset_contains(b, &a->atoms[i]))
			return false;
	return true;
}

void kapi_valueset_restrict(struct kapi_arena *arena, struct kapi_valueset *to,
			    const struct kapi_valueset *from,
			    const struct kapi_filter *f)
{
	unsigned int i;

	to->n = 0;
	to->widened = from->widened;
	for (i = 0; i < from->n; i++) {
		struct kapi_atom atom = from->atoms[i];

		if (kapi_atom_restrict(&atom, f))
			kapi_valueset_add(arena, to, &atom);
	}
}
