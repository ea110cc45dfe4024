/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The core's model of one compiled KAPI specification.
 *
 * A reader (the plugin walking a struct kernel_api_spec initializer by field
 * name) fills this model with what the initializer says, entry by entry and
 * in initializer order, including duplicates and holes: judging the spec is
 * kapi_spec_validate()'s job, not the reader's. Integer fields that the
 * initializer does not set keep the value 0 and a false "has_" flag.
 */
#ifndef KAPI_SPEC_H
#define KAPI_SPEC_H

#include <stdbool.h>
#include <stdint.h>

#include "kapi/arena.h"
#include "kapi/errno_table.h"
#include "kapi/finding.h"
#include "kapi/loc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A count field (error_count, ...) and whether the initializer sets it. */
struct kapi_spec_count {
	bool present;
	int64_t value;
};

struct kapi_spec_param {
	int index;			/* the designator, params[index] */
	const char *name;
	const char *type_name;
	const char *base_type_name;	/* TYPE_NAME's typedef resolved */
	int64_t type;			/* enum kapi_param_type */
	int64_t flags;
};

struct kapi_spec_error {
	int index;
	bool has_code;
	int64_t code;			/* written as -ENOMEM */
	const char *name;		/* "ENOMEM" */
};

struct kapi_spec_lock {
	int index;
	const char *name;		/* free text: "mmap_lock" */
	int64_t lock_type;		/* enum kapi_lock_type */
	bool acquired;			/* RFC v1 to v4 flags */
	bool released;
	bool held_on_entry;
	bool held_on_exit;
	bool has_scope;			/* RFC v5 and later */
	int64_t scope;
	const char *description;	/* KAPI_LOCK_DESC text */
};

struct kapi_spec_signal {
	int index;
	int64_t signal_num;
	const char *signal_name;
	int64_t direction;
	int64_t action;
	bool has_error;
	int64_t error_on_signal;	/* written as -EINTR */
	bool restartable;
	bool interruptible;
};

/* The framework's alternative[] array has 8 entries in every version. */
#define KAPI_SPEC_MAX_ALTERNATIVES 8

struct kapi_spec_capability {
	int index;
	bool has_capability;
	int64_t capability;		/* CAP_* number */
	const char *cap_name;
	int64_t action;
	/* KAPI_CAP_ALTERNATIVE: capabilities that serve as well. */
	unsigned int nalternatives;
	int64_t alternatives[KAPI_SPEC_MAX_ALTERNATIVES];
};

struct kapi_spec_return {
	bool present;
	const char *type_name;
	bool has_check_type;
	int64_t check_type;		/* enum kapi_return_check_type */
	bool has_success_value;
	int64_t success_value;
	bool has_success_range;
	int64_t success_min;
	int64_t success_max;
};

/* Values of enum kapi_return_check_type (the same in every version). */
#define KAPI_RETURN_CHECK_EXACT		0
#define KAPI_RETURN_CHECK_RANGE		1
#define KAPI_RETURN_CHECK_ERROR		2
#define KAPI_RETURN_CHECK_FD		3
#define KAPI_RETURN_CHECK_CUSTOM	4

/*
 * A known exception written in the spec with KAPI_CHECK_EXCEPTION(): the
 * findings of CHECK about VALUE ("*" for any value) are accepted for this
 * spec, for REASON. Not a framework member: the compat header adds it.
 */
struct kapi_spec_exception {
	int index;
	const char *check;		/* "kapi-errno-undeclared" */
	const char *value;		/* "EAGAIN", "mmap_lock", "*" */
	const char *reason;
};

/* A growable array of entries of one kind. */
#define KAPI_SPEC_ARRAY(type) struct { unsigned int n, cap; type *v; }

/*
 * A member whose initializer is not of the shape its C type calls for, as
 * the plugin found it: "errors[0].name" and "a string literal".
 */
struct kapi_spec_bad_member {
	const char *member;
	const char *expected;
};

struct kapi_spec {
	const char *name;		/* the .name member: "sys_mlock" */
	const char *var_name;		/* "__kapi_spec_sys_mlock" */
	struct kapi_loc loc;		/* the DEFINE_KERNEL_API_SPEC line */
	const char *layout;		/* which framework layout was read */
	const char *unit;		/* whole-build: the unit it came from */

	struct kapi_spec_count param_count;
	struct kapi_spec_count error_count;
	struct kapi_spec_count lock_count;
	struct kapi_spec_count signal_count;
	struct kapi_spec_count signal_mask_count;
	struct kapi_spec_count capability_count;
	struct kapi_spec_count constraint_count;
	struct kapi_spec_count side_effect_count;
	struct kapi_spec_count state_trans_count;
	struct kapi_spec_count struct_spec_count;

	/* Entries counted for the count fields without their own model. */
	unsigned int nconstraints;
	unsigned int nsignal_masks;
	unsigned int nside_effects;
	unsigned int nstate_trans;
	unsigned int nstruct_specs;

	struct kapi_spec_return ret;
	KAPI_SPEC_ARRAY(struct kapi_spec_param) params;
	KAPI_SPEC_ARRAY(struct kapi_spec_error) errors;
	KAPI_SPEC_ARRAY(struct kapi_spec_lock) locks;
	KAPI_SPEC_ARRAY(struct kapi_spec_signal) signals;
	KAPI_SPEC_ARRAY(struct kapi_spec_capability) caps;
	KAPI_SPEC_ARRAY(struct kapi_spec_exception) exceptions;
	KAPI_SPEC_ARRAY(struct kapi_spec_bad_member) bad_members;
};

struct kapi_spec *kapi_spec_new(struct kapi_arena *arena, const char *name,
				const char *var_name, struct kapi_loc loc);

/* Append a zeroed entry with designator INDEX and return it. */
struct kapi_spec_param *kapi_spec_add_param(struct kapi_arena *arena,
					    struct kapi_spec *spec, int index);
struct kapi_spec_error *kapi_spec_add_error(struct kapi_arena *arena,
					    struct kapi_spec *spec, int index);
struct kapi_spec_lock *kapi_spec_add_lock(struct kapi_arena *arena,
					  struct kapi_spec *spec, int index);
struct kapi_spec_signal *kapi_spec_add_signal(struct kapi_arena *arena,
					      struct kapi_spec *spec,
					      int index);
struct kapi_spec_capability *kapi_spec_add_cap(struct kapi_arena *arena,
					       struct kapi_spec *spec,
					       int index);
struct kapi_spec_exception *kapi_spec_add_exception(struct kapi_arena *arena,
						    struct kapi_spec *spec,
						    int index);

/* Record that MEMBER of SPEC is not EXPECTED, for kapi_spec_validate(). */
void kapi_spec_add_bad_member(struct kapi_arena *arena, struct kapi_spec *spec,
			      const char *member, const char *expected);

/*
 * Check SPEC for the mistakes a compiler cannot see: a count field that
 * disagrees with the entries, duplicate or missing indexes, a positive
 * error code, an error name that is not the name of its code in ERRNOS,
 * a duplicate error, values outside their range, empty names and members
 * of the wrong shape (bad_members). Each problem becomes one
 * kapi-spec-malformed finding at the spec's location. Returns the
 * number of findings added.
 */
int kapi_spec_validate(const struct kapi_spec *spec,
		       const struct kapi_errno_table *errnos,
		       struct kapi_findings *out);

/*
 * Whether lock entry L shows the scope quirk of the kerneldoc generators
 * of PATCH v1 and v2. They compile a lock given as "acquired: true" and
 * "released: true" to scope KAPI_LOCK_RELEASES, because the last of two
 * initializers of .scope wins. KAPI_LOCK_INTERNAL (acquired and released
 * inside) was meant. The quirk shows as scope RELEASES with a description
 * that contains both "acquire" and "release".
 */
bool kapi_spec_lock_scope_quirk(const struct kapi_spec_lock *l);

/* Return the error entry declaring CODE, or NULL. */
const struct kapi_spec_error *kapi_spec_find_error(const struct kapi_spec *spec,
						   int64_t code);

/*
 * Map the spec name to the function names that may hold the syscall's
 * body, most specific first: "sys_mlock" gives __do_sys_mlock,
 * __se_sys_mlock, __x64_sys_mlock, __arm64_sys_mlock, ..., sys_mlock.
 * Returns the number of names written to NAMES (at most MAX).
 */
unsigned int kapi_spec_impl_names(struct kapi_arena *arena,
				  const char *spec_name, const char **names,
				  unsigned int max);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_SPEC_H */
