/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit facts: what the plugin records about one compilation unit so that
 * the whole-build command can check specs across units.
 *
 * The plugin writes the facts of a unit into the object file itself, in a
 * section named KAPI_FACTS_SECTION, so that make -j, ccache, distcc and
 * icecream carry them with the object and nothing else. (distccd refuses
 * -fplugin= from clients; its server must run a compiler wrapper that
 * loads the plugin.) "ld -r" (the
 * kernel's vmlinux.o) and thin archives keep the section; the kernel's
 * final link drops every .discard.* input section, so the facts never
 * reach the loaded image. The section is not allocated (no SHF_ALLOC).
 *
 * Format, version 2. A section holds one or more unit blocks, back to back
 * (ld -r concatenates the sections of its inputs, with NUL padding between
 * them, which readers skip). A block is text:
 *
 *   kapi-facts 2 LENGTH\n        LENGTH bytes of body follow this line
 *   unit "SOURCE"\n              the unit's main source file
 *   errno "NAME" VALUE ALIAS\n   the unit's errno macros (ALIAS 0 or 1)
 *   capname "NAME" VALUE\n       the unit's CAP_* macros
 *   spec ... endspec\n           zero or more specs (lib/facts.c)
 *   fn ... end\n                 zero or more function summaries in the
 *                                grammar of lib/summary_io.c
 *
 * Strings are double-quoted with \\, \" and \n escapes. A reader rejects
 * a block of another version with a message that names the object.
 * Version 2 added weak functions (linkage 2 on "fn" lines), which a
 * version 1 reader would take as static and so drop from other units'
 * calls without a word. Version 1 blocks are still read.
 */
#ifndef KAPI_FACTS_H
#define KAPI_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "kapi/arena.h"
#include "kapi/buf.h"
#include "kapi/errno_table.h"
#include "kapi/spec.h"
#include "kapi/summary.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KAPI_FACTS_SECTION ".discard.kapi_facts"
#define KAPI_FACTS_VERSION 2
#define KAPI_FACTS_OLDEST_VERSION 1	/* the oldest this reader accepts */

/* The facts of one unit. */
struct kapi_unit_facts {
	const char *unit;		/* main source file */
	const char *origin;		/* the object or archive member read */
	struct kapi_errno_table *errnos;
	struct kapi_errno_table *cap_names;
	const char *macro_text;		/* the errno and capname lines, interned:
					 * units with the same lines share the
					 * tables */
	unsigned int nspecs;
	struct kapi_spec **specs;
	unsigned int nfns;
	struct kapi_summary **fns;
};

/* Append the block for one unit to OUT; the tables may be NULL. */
void kapi_facts_write(const char *unit,
		      const struct kapi_errno_table *errnos,
		      const struct kapi_errno_table *cap_names,
		      struct kapi_spec *const *specs, unsigned int nspecs,
		      struct kapi_summary *const *fns, unsigned int nfns,
		      struct kapi_buf *out);

/*
 * Read every unit block in DATA (LEN bytes, the section of ORIGIN).
 * Returns the number of units appended to *UNITS (grown in ARENA), or -1
 * with *ERR naming ORIGIN, the block and what is wrong. *UNITS starts as
 * NULL with *NUNITS 0, and only these readers may grow it.
 */
int kapi_facts_read(struct kapi_arena *arena, const char *origin,
		    const unsigned char *data, size_t len,
		    struct kapi_unit_facts **units, unsigned int *nunits,
		    const char **err);

/*
 * A filter for kapi_facts_read_filtered(): whether to keep the summary of
 * function NAME of UNIT. Dropped summaries are never parsed into memory.
 */
typedef bool (*kapi_facts_keep)(void *data, const char *unit,
				const char *name, enum kapi_linkage linkage);

int kapi_facts_read_filtered(struct kapi_arena *arena, const char *origin,
			     const unsigned char *data, size_t len,
			     kapi_facts_keep keep, void *keep_data,
			     struct kapi_unit_facts **units,
			     unsigned int *nunits, const char **err);

/*
 * What a cheap first pass needs from a facts section, without parsing
 * atoms: called with KIND 'u' for a unit (NAME the source file), 's' for
 * a spec of that unit, 'f' for a function (LINKAGE set) and 'c' for a
 * call of the last function (NAME the callee). Names are only valid
 * during the call.
 */
typedef void (*kapi_facts_visit)(void *data, char kind, const char *name,
				 enum kapi_linkage linkage);

void kapi_facts_scan(const unsigned char *data, size_t len,
		     kapi_facts_visit visit, void *visit_data);

/* The spec text form alone, for tests and the write path. */
void kapi_spec_write(const struct kapi_spec *spec, struct kapi_buf *out);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_FACTS_H */
