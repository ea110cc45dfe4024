/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-function summaries: what one function body says about its return
 * value and its calls, independent of every other function.
 *
 * A summary is computed from a function's IR alone. The interprocedural
 * solver (solve.h) combines summaries, so summaries are also the unit of
 * exchange between compilations: they can be written as text and read back
 * unchanged, which the whole-build mode relies on.
 */
#ifndef KAPI_SUMMARY_H
#define KAPI_SUMMARY_H

#include <stdbool.h>
#include <stdio.h>

#include "kapi/arena.h"
#include "kapi/buf.h"
#include "kapi/ir.h"
#include "kapi/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A function's linkage, as the number after the name on an "fn" line of
 * the facts. Readers older than the weak value take any nonzero number
 * as static. They keep a weak default out of other units' calls, which
 * is the safe side.
 */
enum kapi_linkage {
	KAPI_LINKAGE_GLOBAL = 0,
	KAPI_LINKAGE_STATIC = 1,
	KAPI_LINKAGE_WEAK = 2,		/* global, replaced by a strong one */
};

/* A call made by the function: the callee and what was passed to it. */
struct kapi_callsite {
	const char *callee;		/* name, or a description if indirect */
	bool indirect;
	bool reachable;			/* on some feasible path */
	struct kapi_loc loc;
	unsigned int nargs;
	/*
	 * In the caller's own atoms; read them with kapi_callsite_args(),
	 * since summaries read from facts keep them packed until first use.
	 */
	struct kapi_valueset *args;
	const unsigned char *packed_args;
	size_t packed_len;
};

/* Pack the arguments of CS into ARENA (lib/packed_args.c). */
void kapi_callsite_pack_args(struct kapi_arena *arena,
			     struct kapi_callsite *cs);

/*
 * The NARGS argument sets of CS, unpacked into ARENA on first use. ARENA
 * must be the arena of the summary's strings.
 */
const struct kapi_valueset *kapi_callsite_args(struct kapi_arena *arena,
					       const struct kapi_callsite *cs);

struct kapi_summary {
	const char *name;
	bool is_static;
	bool is_weak;			/* see struct kapi_fn_ir */
	unsigned int nparams;
	const char **param_names;	/* nparams entries, may be NULL */
	const char **param_types;	/* nparams entries, may be NULL */
	const char **param_base_types;
	struct kapi_loc loc;

	/* The return value, over the function's own params and calls. */
	bool returns_value;
	struct kapi_valueset ret;

	unsigned int ncalls;
	struct kapi_callsite *calls;

	/* Set when a limit cut the analysis of this body short. */
	const char *incomplete;
	/* Set when a bound made the analysis less precise (not written to facts). */
	const char *widened;
};

/*
 * Compute the summary of FN. Returns NULL and sets *WHY when the IR is
 * unsound; the caller then treats the function as having no body.
 */
struct kapi_summary *kapi_summarize(struct kapi_arena *arena,
				    const struct kapi_fn_ir *fn,
				    const char **why);

/*
 * The text form. One summary is a block of lines starting with "fn" and
 * ending with "end"; the first line of a file is the format version. See
 * lib/summary_io.c for the grammar.
 */
#define KAPI_SUMMARY_FORMAT "kapi-summary 1"

void kapi_summary_write(const struct kapi_summary *s, struct kapi_buf *out);

/*
 * Read every summary in TEXT (NAME names it in messages). Returns the number
 * read, or -1 with a message in *ERR that names the line and what is wrong.
 */
int kapi_summary_read(struct kapi_arena *arena, const char *name,
		      const char *text, struct kapi_summary ***out,
		      const char **err);

/*
 * The same for summaries without the format line, as in unit facts, whose
 * first line is line FIRST_LINE of NAME. Empty lines are skipped.
 */
int kapi_summary_read_lines(struct kapi_arena *arena, const char *name,
			    unsigned int first_line, const char *text,
			    struct kapi_summary ***out, const char **err);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_SUMMARY_H */
