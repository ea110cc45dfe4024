/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linking unit facts into one program, as the linker resolves symbols:
 * a static function belongs to its unit and is renamed NAME@UNIT, calls
 * inside that unit follow it; a global function is one symbol, the first
 * definition read wins and later ones (the same inline function compiled
 * in many units) are counted as duplicates. A unit read twice (from an
 * object and from an archive holding it) counts once.
 */
#ifndef KAPI_TOOL_LINK_H
#define KAPI_TOOL_LINK_H

#include "kapi/facts.h"
#include "kapi/solve.h"

struct kapi_build {
	struct kapi_arena *arena;
	unsigned int nunits;
	struct kapi_unit_facts *units;
	struct kapi_program *prog;	/* every unit, linked */
	unsigned int nfunctions;
	unsigned int nrepeated;		/* units read more than once */
};

/* Link the units of B into B->prog. */
void kapi_build_link(struct kapi_build *b);

/* A program of one unit alone, as the plugin saw it during the build. */
struct kapi_program *kapi_unit_program(struct kapi_arena *arena,
				       const struct kapi_unit_facts *u);

/* The errno and capability names of the unit that defines SPEC. */
const struct kapi_unit_facts *kapi_build_unit_of(const struct kapi_build *b,
						 const struct kapi_spec *spec);

#endif /* KAPI_TOOL_LINK_H */
