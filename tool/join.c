// SPDX-License-Identifier: GPL-2.0-only
/*
 * Joining specs to syscall bodies of other units (see join.h).
 */
#include <string.h>

#include "join.h"

#define MAX_IMPL_NAMES 16

/* Whether U defines a function that can hold the body of SPEC. */
static bool defines_body(struct kapi_arena *arena,
			 const struct kapi_unit_facts *u,
			 const struct kapi_spec *spec)
{
	const char *names[MAX_IMPL_NAMES];
	unsigned int nnames, i, j;

	nnames = kapi_spec_impl_names(arena, spec->name, names,
				      MAX_IMPL_NAMES);
	for (i = 0; i < u->nfns; i++)
		for (j = 0; j < nnames; j++)
			if (strcmp(u->fns[i]->name, names[j]) == 0)
				return true;
	return false;
}

/* The first unit of B that defines a body of SPEC, or NULL. */
static const struct kapi_unit_facts *body_unit(struct kapi_build *b,
					       const struct kapi_spec *spec)
{
	unsigned int i;

	for (i = 0; i < b->nunits; i++)
		if (defines_body(b->arena, &b->units[i], spec))
			return &b->units[i];
	return NULL;
}

/*
 * TODO: a joined spec gets no lock checks. They need the control flow of
 * the syscall's unit, which the facts do not carry, and the plugin that
 * compiles that unit never sees the spec.
 */
unsigned int kapi_build_join_specs(struct kapi_build *b, FILE *verbose)
{
	unsigned int i, j, joined = 0;

	for (i = 0; i < b->nunits; i++) {
		const struct kapi_unit_facts *u = &b->units[i];

		for (j = 0; j < u->nspecs; j++) {
			struct kapi_spec *spec = u->specs[j];
			const struct kapi_unit_facts *body;

			if (defines_body(b->arena, u, spec))
				continue;
			body = body_unit(b, spec);
			if (!body)
				continue;
			spec->unit = body->unit;
			joined++;
			if (verbose)
				fprintf(verbose,
					"kapi-check: spec '%s' of %s joined to its syscall in %s\n",
					spec->name, u->unit, body->unit);
		}
	}
	return joined;
}

bool kapi_unit_holds_specs_only(const struct kapi_unit_facts *u)
{
	struct kapi_arena *arena;
	bool any = false;
	unsigned int j;

	if (u->nspecs == 0)
		return false;
	arena = kapi_arena_new();
	for (j = 0; j < u->nspecs && !any; j++)
		any = defines_body(arena, u, u->specs[j]);
	kapi_arena_free(arena);
	return !any;
}
