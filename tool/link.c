// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linking unit facts into one program (see link.h).
 */
#include <string.h>

#include "link.h"

/* Whether NAME is a static function of unit U. */
static bool unit_static(const struct kapi_unit_facts *u, const char *name)
{
	unsigned int i;

	for (i = 0; i < u->nfns; i++)
		if (u->fns[i]->is_static && strcmp(u->fns[i]->name, name) == 0)
			return true;
	return false;
}

static const char *local_name(struct kapi_arena *arena, const char *name,
			      const char *unit)
{
	return kapi_intern(arena, kapi_arena_printf(arena, "%s@%s", name,
						    unit));
}

/*
 * A copy of S for the linked program: its own name qualified when it is
 * static, and its calls to static functions of the same unit too.
 */
static struct kapi_summary *relocate(struct kapi_arena *arena,
				     const struct kapi_unit_facts *u,
				     const struct kapi_summary *s)
{
	struct kapi_summary *copy = kapi_arena_alloc(arena, sizeof(*copy));
	unsigned int i;

	*copy = *s;
	if (s->is_static)
		copy->name = local_name(arena, s->name, u->unit);
	copy->calls = kapi_arena_alloc(arena, (s->ncalls ? s->ncalls : 1) *
				       sizeof(*copy->calls));
	for (i = 0; i < s->ncalls; i++) {
		copy->calls[i] = s->calls[i];
		if (!s->calls[i].indirect && unit_static(u, s->calls[i].callee))
			copy->calls[i].callee = local_name(arena,
							   s->calls[i].callee,
							   u->unit);
	}
	return copy;
}

/*
 * Drop units read twice (an object and the archive that contains it, or
 * vmlinux.o next to its inputs): the first copy of a unit wins.
 */
static void drop_repeated_units(struct kapi_build *b)
{
	unsigned int i, j, kept = 0;

	for (i = 0; i < b->nunits; i++) {
		bool repeated = false;

		for (j = 0; j < kept && !repeated; j++)
			repeated = strcmp(b->units[j].unit, b->units[i].unit) == 0;
		if (repeated) {
			b->nrepeated++;
			continue;
		}
		b->units[kept++] = b->units[i];
	}
	b->nunits = kept;
}

/*
 * Only the functions reachable from a spec were read (reach.c), with
 * their argument sets packed; the solvers then visit only what their
 * queries need (docs/performance.md has the figures).
 */
void kapi_build_link(struct kapi_build *b)
{
	unsigned int i, j;

	drop_repeated_units(b);
	b->prog = kapi_program_new(b->arena);
	for (i = 0; i < b->nunits; i++) {
		const struct kapi_unit_facts *u = &b->units[i];

		for (j = 0; j < u->nfns; j++) {
			const struct kapi_summary *s = u->fns[j];

			const struct kapi_summary *other = s->is_static ? NULL :
				kapi_program_find(b->prog, s->name);

			/*
			 * As the linker does: strong replaces weak, and else the
			 * first read wins. tool/reach.c counts the duplicates.
			 */
			if (other && other->is_weak && !s->is_weak) {
				kapi_program_add(b->prog, relocate(b->arena, u, s));
				continue;
			}
			if (other)
				continue;
			kapi_program_add(b->prog, relocate(b->arena, u, s));
			b->nfunctions++;
		}
	}
}

struct kapi_program *kapi_unit_program(struct kapi_arena *arena,
				       const struct kapi_unit_facts *u)
{
	struct kapi_program *prog = kapi_program_new(arena);
	unsigned int i;

	for (i = 0; i < u->nfns; i++)
		kapi_program_add(prog, u->fns[i]);
	return prog;
}

const struct kapi_unit_facts *kapi_build_unit_of(const struct kapi_build *b,
						 const struct kapi_spec *spec)
{
	unsigned int i, j;

	for (i = 0; i < b->nunits; i++)
		for (j = 0; j < b->units[i].nspecs; j++)
			if (b->units[i].specs[j] == spec)
				return &b->units[i];
	return NULL;
}
