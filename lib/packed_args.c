// SPDX-License-Identifier: GPL-2.0-only
/*
 * Call-site arguments kept packed (see kapi_callsite_args() in
 * include/kapi/summary.h).
 *
 * A whole kernel's facts hold about a million argument atoms and a quarter
 * as many return atoms, and an atom takes some 400 bytes unpacked: the
 * fixed room for filter values and guards. Only the arguments of calls
 * whose value a check follows are ever looked at, so the reader packs
 * every argument set into a few dozen bytes and a set is unpacked on its
 * first use.
 *
 * Encoding, per argument: the atom count and the widened flag, then per
 * atom its kind, value, ref, text, filter, guards, ordering condition and
 * provenance. Integers are LEB128 varints (signed ones zigzag-encoded).
 * Pointers are stored as they are, so the packed form is only valid while
 * the arena with the strings it points to lives.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/summary.h"

struct packer {
	unsigned char *p;
	size_t n, cap;
};

static void put_byte(struct packer *w, unsigned char b)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->p = realloc(w->p, w->cap);
		if (!w->p)
			abort();
	}
	w->p[w->n++] = b;
}

static void put_uint(struct packer *w, uint64_t v)
{
	while (v >= 0x80) {
		put_byte(w, (unsigned char)(v | 0x80));
		v >>= 7;
	}
	put_byte(w, (unsigned char)v);
}

static void put_int(struct packer *w, int64_t v)
{
	put_uint(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

static void put_ptr(struct packer *w, const void *ptr)
{
	uintptr_t v = (uintptr_t)ptr;
	size_t i;

	for (i = 0; i < sizeof(v); i++)
		put_byte(w, (unsigned char)(v >> (8 * i)));
}

static void put_filter(struct packer *w, const struct kapi_filter *f)
{
	unsigned int i;

	put_uint(w, f->regions | (f->only ? 0x10u : 0));
	put_int(w, f->low);
	put_int(w, f->high);
	put_uint(w, f->nvalues);
	for (i = 0; i < f->nvalues; i++)
		put_int(w, f->values[i]);
}

static void put_atom(struct packer *w, const struct kapi_atom *a)
{
	unsigned int i;

	put_uint(w, a->kind);
	put_int(w, a->value);
	put_int(w, a->ref);
	put_ptr(w, a->text);
	put_filter(w, &a->filter);
	put_uint(w, a->nguards);
	for (i = 0; i < a->nguards; i++) {
		put_uint(w, a->guards[i].kind);
		put_int(w, a->guards[i].ref);
		put_filter(w, &a->guards[i].filter);
	}
	put_uint(w, a->rel_mask);
	if (a->rel_mask) {
		put_int(w, a->rel_a);
		put_int(w, a->rel_b);
	}
	put_ptr(w, a->loc.file);
	put_uint(w, a->loc.line);
	put_uint(w, a->loc.column);
	put_uint(w, a->loc.cookie);
	put_ptr(w, a->origin);
	put_ptr(w, a->chain);
}

void kapi_callsite_pack_args(struct kapi_arena *arena, struct kapi_callsite *cs)
{
	struct packer w = { 0 };
	unsigned char *copy;
	unsigned int i, j;

	if (!cs->args || !cs->nargs)
		return;
	for (i = 0; i < cs->nargs; i++) {
		put_uint(&w, cs->args[i].n);
		put_byte(&w, cs->args[i].widened ? 1 : 0);
		for (j = 0; j < cs->args[i].n; j++)
			put_atom(&w, &cs->args[i].atoms[j]);
	}
	copy = kapi_arena_alloc(arena, w.n);
	memcpy(copy, w.p, w.n);
	free(w.p);
	cs->packed_args = copy;
	cs->packed_len = w.n;
	cs->args = NULL;
}

/* --- unpacking ---------------------------------------------------------- */

/* The packed bytes were written by this process: no bounds can fail. */
struct unpacker {
	const unsigned char *p;
};

static uint64_t get_uint(struct unpacker *r)
{
	uint64_t v = 0;
	unsigned int shift = 0;
	unsigned char b;

	do {
		b = *r->p++;
		v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
	} while (b & 0x80);
	return v;
}

static int64_t get_int(struct unpacker *r)
{
	uint64_t v = get_uint(r);

	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static const void *get_ptr(struct unpacker *r)
{
	uintptr_t v = 0;
	size_t i;

	for (i = 0; i < sizeof(v); i++)
		v |= (uintptr_t)*r->p++ << (8 * i);
	return (const void *)v;
}

static void get_filter(struct unpacker *r, struct kapi_filter *f)
{
	unsigned int flags = (unsigned int)get_uint(r), i;

	f->regions = flags & KAPI_REGION_ALL;
	f->only = (flags & 0x10u) != 0;
	f->low = get_int(r);
	f->high = get_int(r);
	f->nvalues = (unsigned int)get_uint(r);
	for (i = 0; i < f->nvalues; i++)
		f->values[i] = get_int(r);
}

static void get_atom(struct unpacker *r, struct kapi_atom *a)
{
	unsigned int i;

	memset(a, 0, sizeof(*a));
	a->kind = (enum kapi_atom_kind)get_uint(r);
	a->value = get_int(r);
	a->ref = (int)get_int(r);
	a->text = get_ptr(r);
	get_filter(r, &a->filter);
	a->nguards = (unsigned int)get_uint(r);
	for (i = 0; i < a->nguards; i++) {
		a->guards[i].kind = (enum kapi_guard_kind)get_uint(r);
		a->guards[i].ref = (int)get_int(r);
		get_filter(r, &a->guards[i].filter);
	}
	a->rel_mask = (unsigned int)get_uint(r);
	if (a->rel_mask) {
		a->rel_a = (int)get_int(r);
		a->rel_b = (int)get_int(r);
	}
	a->loc.file = get_ptr(r);
	a->loc.line = (unsigned int)get_uint(r);
	a->loc.column = (unsigned int)get_uint(r);
	a->loc.cookie = get_uint(r);
	a->origin = get_ptr(r);
	a->chain = get_ptr(r);
}

const struct kapi_valueset *kapi_callsite_args(struct kapi_arena *arena,
					       const struct kapi_callsite *cs)
{
	/* The cache of unpacked sets, not a change of the summary's meaning. */
	struct kapi_callsite *mut = (struct kapi_callsite *)cs;
	struct unpacker r = { cs->packed_args };
	struct kapi_valueset *args;
	unsigned int i, j;

	if (cs->args || !cs->packed_args)
		return cs->args;

	args = kapi_arena_alloc(arena, cs->nargs * sizeof(*args));
	for (i = 0; i < cs->nargs; i++) {
		unsigned int n = (unsigned int)get_uint(&r);

		args[i].widened = *r.p++ != 0;
		if (!n)
			continue;
		args[i].atoms = kapi_arena_alloc(arena,
						 n * sizeof(*args[i].atoms));
		args[i].cap = n;
		for (j = 0; j < n; j++)
			get_atom(&r, &args[i].atoms[args[i].n++]);
	}
	mut->args = args;
	return args;
}
