/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kapi-check merge: read the GCC-style diagnostics of several engines and
 * print them as one list through the writer of output.h.
 *
 * Input lines, anything else is skipped:
 *   FILE:LINE[:COL[-COL]]: warning|error: MESSAGE [ID]
 *   FILE:LINE[:COL[-COL]]: note: MESSAGE [ID]
 *   FILE: In function 'NAME':          (GCC's context line)
 * ID names the engine: kapi-* is the plugin, cocci-* a Coccinelle rule of
 * cocci/, sparse and sparse-context are sparse (whose lines the driver
 * tags). A warning with another id or none (a compiler warning) is
 * dropped. A note belongs to the warning before it when it carries the
 * same id or no id.
 */
#ifndef KAPI_TOOL_MERGE_H
#define KAPI_TOOL_MERGE_H

#include <stdio.h>

#include "kapi/finding.h"
#include "output.h"

struct kapi_merge {
	struct kapi_arena *arena;
	struct kapi_findings findings;
	const char **engines;		/* per finding */
	const char **checks;		/* per finding */
	unsigned int cap;
	const char *strip;		/* path prefix removed from files */
	const char *context;		/* function of GCC's last context line */
	int current;			/* finding that notes attach to, or -1 */
	unsigned int dropped;		/* warnings of no known engine */
};

void kapi_merge_init(struct kapi_merge *m, struct kapi_arena *arena,
		     const char *strip);

/* The engine of check id ID ("plugin", "cocci", "sparse"), or NULL. */
const char *kapi_merge_engine(const char *id);

/*
 * The function a finding belongs to: the first quoted C identifier of
 * MESSAGE ('name' or GCC's curly quotes), else CONTEXT, else NULL.
 */
const char *kapi_merge_function(struct kapi_arena *arena, const char *message,
				const char *context);

/*
 * The value of a finding of MESSAGE in FUNCTION, which keys it in
 * baselines and suppressions together with its check and function: the
 * first errno name of MESSAGE (EINTR for -EINTR), else its first
 * capability (CAP_...), else its first quoted name other than FUNCTION
 * (the lock of "'sys_mlock' returns with 'mmap_lock' still held"), else
 * NULL. Line numbers never take part, so moved code keeps its keys.
 */
const char *kapi_merge_value(struct kapi_arena *arena, const char *message,
			     const char *function);

/* Read one line of diagnostics, without its newline. */
void kapi_merge_line(struct kapi_merge *m, const char *line);

/* Read every line of IN. */
void kapi_merge_read(struct kapi_merge *m, FILE *in);

/*
 * The findings read so far, sorted by file, line, column and check, each
 * once: an identical warning read twice (a header compiled in two units)
 * is kept once. Return the count; *OUT is allocated in the arena.
 */
unsigned int kapi_merge_results(struct kapi_merge *m,
				struct kapi_result **out);

/* The subcommand: ARGV[0] is "merge". Exit status 0, 1 or 2. */
int kapi_merge_main(int argc, char **argv);

#endif /* KAPI_TOOL_MERGE_H */
