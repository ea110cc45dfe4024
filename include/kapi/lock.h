/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Lock analysis: which locks a function takes and drops, on which paths,
 * and how that compares with a spec's KAPI_LOCK entries.
 *
 * The kernel's lock primitives (down_write, mutex_lock, spin_lock, ...)
 * are listed in one table (lib/lock_table.c). Everything else is learned:
 * a function whose body takes or drops a lock gets a lock summary, a list
 * of exits, each with the return values it covers and the net change of
 * the held locks on the paths that reach it. mmap_write_lock_killable()
 * thus has one exit "returns 0, mmap_lock held for write" and another
 * "returns non-zero, nothing held".
 *
 * A lock is identified by its object: the field it names (&mm->mmap_lock
 * is "mmap_lock"), a global's name, "rcu" for the RCU read side, or the
 * function's parameter that points to it (resolved at each call).
 */
#ifndef KAPI_LOCK_H
#define KAPI_LOCK_H

#include <stdbool.h>

#include "kapi/buf.h"
#include "kapi/finding.h"
#include "kapi/ir.h"
#include "kapi/spec.h"
#include "kapi/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The kind of a lock, from its primitive or its C type. */
enum kapi_lock_class {
	KAPI_LOCK_CLASS_UNKNOWN,
	KAPI_LOCK_CLASS_RWSEM,
	KAPI_LOCK_CLASS_MUTEX,
	KAPI_LOCK_CLASS_SPINLOCK,
	KAPI_LOCK_CLASS_RWLOCK,
	KAPI_LOCK_CLASS_SEQLOCK,
	KAPI_LOCK_CLASS_RCU,
	KAPI_LOCK_CLASS_SEMAPHORE,
};

enum kapi_lock_mode {
	KAPI_LOCK_MODE_EXCL,		/* mutex, spinlock: one mode only */
	KAPI_LOCK_MODE_READ,
	KAPI_LOCK_MODE_WRITE,
};

enum kapi_lock_op {
	KAPI_LOCK_OP_ACQUIRE,
	KAPI_LOCK_OP_RELEASE,
	KAPI_LOCK_OP_DOWNGRADE,		/* write to read, keeps the lock */
};

/* When a conditional acquisition holds the lock, by the call's result. */
enum kapi_lock_when {
	KAPI_LOCK_WHEN_ALWAYS,
	KAPI_LOCK_WHEN_ZERO,		/* _killable, _interruptible */
	KAPI_LOCK_WHEN_NONZERO,		/* _trylock */
};

struct kapi_lock_prim {
	const char *name;
	enum kapi_lock_op op;
	enum kapi_lock_class cls;
	enum kapi_lock_mode mode;
	enum kapi_lock_when when;
	int arg;			/* argument with the lock's address */
	const char *object;		/* fixed identity when arg is -1 */
};

/* Return the table entry for function NAME, or NULL. */
const struct kapi_lock_prim *kapi_lock_prim_find(const char *name);

/* Visit every table entry, for documentation and tests. */
const struct kapi_lock_prim *kapi_lock_prim_at(unsigned int index);

const char *kapi_lock_class_name(enum kapi_lock_class cls);
const char *kapi_lock_mode_name(enum kapi_lock_mode mode);

/* The class that a lock object's C type implies ("struct mutex"). */
enum kapi_lock_class kapi_lock_class_of_type(const char *type);

enum kapi_lockobj_kind {
	KAPI_LOCKOBJ_NAMED,
	KAPI_LOCKOBJ_PARAM,
	KAPI_LOCKOBJ_UNKNOWN,
};

struct kapi_lockobj {
	enum kapi_lockobj_kind kind;
	const char *name;		/* NAMED: identity; UNKNOWN: what */
	const char *type;		/* C type, may be NULL */
	int param;			/* PARAM */
};

/* One held lock, or a net change of one. */
struct kapi_lock_hold {
	struct kapi_lockobj obj;
	enum kapi_lock_class cls;
	enum kapi_lock_mode mode;
	int count;			/* net acquisitions, may be negative */
	struct kapi_loc loc;		/* first acquisition or release */
	const char *prim;		/* primitive or wrapper called there */
};

/* A branch taken on the path to an exit, for the notes of a finding. */
struct kapi_lock_decision {
	struct kapi_loc loc;
	const char *taken;		/* "true", "false", "case 3", "default" */
};

#define KAPI_LOCK_MAX_DECISIONS 12

struct kapi_lock_exit {
	struct kapi_filter ret;		/* return values on these paths */
	struct kapi_loc loc;		/* the return of one such path */
	unsigned int nholds;
	struct kapi_lock_hold *holds;	/* net change, sorted by object */
	unsigned int ndecisions;
	struct kapi_lock_decision decisions[KAPI_LOCK_MAX_DECISIONS];
};

/* A release in another mode than the acquisition it matches. */
struct kapi_lock_mismatch {
	struct kapi_lock_hold held;	/* as acquired */
	struct kapi_loc loc;		/* the release */
	const char *prim;
	enum kapi_lock_mode mode;	/* of the release */
};

/* An acquisition anywhere below a function, for audits and checks. */
struct kapi_lock_use {
	struct kapi_lockobj obj;
	enum kapi_lock_class cls;
	enum kapi_lock_mode mode;
	struct kapi_loc loc;
	const char *prim;
	const char *function;		/* where the acquisition call is */
	unsigned int depth;		/* calls below the summarised function */
	bool visible;			/* held across code of FUNCTION, not
					 * taken and dropped inside a callee */
};

struct kapi_lock_summary {
	const char *name;
	bool has_effect;		/* some exit changes the held locks */
	unsigned int nexits;
	struct kapi_lock_exit *exits;
	unsigned int nmismatches;
	struct kapi_lock_mismatch *mismatches;
	unsigned int nuses;
	struct kapi_lock_use *uses;
	unsigned int nunknown_calls;	/* calls without a lock summary */
	const char *incomplete;		/* why exploration stopped early */
};

/* Look up the lock summary of a callee; NULL for none (no lock effect). */
typedef const struct kapi_lock_summary *(*kapi_lock_lookup)(void *data,
							    const char *name);

/*
 * Bounds on the exploration of one function: distinct lock states per
 * block, and block visits in all. Past them the function is skipped and
 * its summary records why.
 */
#define KAPI_LOCK_MAX_STATES_PER_BLOCK 16
#define KAPI_LOCK_MAX_VISITS 50000

/*
 * Explore FN's paths and summarise its lock behaviour. KEEP_PATHS keeps
 * one exit per return site and lock state (for checks of a syscall)
 * instead of merging exits with the same net change.
 */
struct kapi_lock_summary *kapi_lock_summarize(struct kapi_arena *arena,
					      const struct kapi_fn_ir *fn,
					      kapi_lock_lookup lookup,
					      void *data, bool keep_paths);

/* User-supplied spec name aliases: "spec text = object", one per line. */
struct kapi_lock_aliases;

struct kapi_lock_aliases *kapi_lock_aliases_new(struct kapi_arena *arena);

/*
 * Parse TEXT (file NAME) into ALIASES. Returns 0, or -1 with *ERR naming
 * the line and what is wrong.
 */
int kapi_lock_aliases_parse(struct kapi_lock_aliases *aliases,
			    const char *name, const char *text,
			    const char **err);

/* Whether spec lock name SPEC_NAME designates lock object IDENTITY. */
bool kapi_lock_name_matches(const struct kapi_lock_aliases *aliases,
			    const char *spec_name, const char *identity);

/*
 * The mode a spec lock entry claims in its name or description ("read
 * mode", "write lock"), or -1 when it claims none or both.
 */
int kapi_lock_spec_mode(const struct kapi_spec_lock *lock);

/*
 * Compare IMPL's lock behaviour (summarised with keep_paths) with SPEC's
 * lock entries and add findings. MAIN_FILE is the spec's source file:
 * acquisitions outside it that are balanced there count as deeper ones,
 * reported only when their depth is at most REPORT_DEPTH (0: never).
 */
void kapi_check_locks(struct kapi_arena *arena, const struct kapi_spec *spec,
		      const struct kapi_lock_summary *impl,
		      const struct kapi_lock_aliases *aliases,
		      unsigned int report_depth, struct kapi_findings *out);

/* Write the lock part of the audit table for SPEC. */
void kapi_lock_report_format(const struct kapi_spec *spec,
			     const struct kapi_lock_summary *impl,
			     const char *strip_prefix, struct kapi_buf *out);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_LOCK_H */
