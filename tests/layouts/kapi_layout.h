/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kapi_layout.h - struct kernel_api_spec and its spec macros as each
 * posted version of the KAPI framework compiles them, for the layout tests
 *
 * Each folder beside this file contains a linux/kernel_api_spec.h that sets
 * the KAPI_LAYOUT_* switches of one version and includes this file. The
 * switches select what differs between versions in the compiled object
 * (field names, field order, string storage, packing, where the spec
 * lives); the macro language stays one, so a single fixture compiles
 * against every layout:
 *
 *   KAPI_LAYOUT_NAME          the versions the folder stands for (a string)
 *   KAPI_LAYOUT_CHAR_ARRAYS   strings are fixed char arrays in packed
 *                             structs; otherwise const char pointers
 *   KAPI_LAYOUT_API_TYPE      the api_type member and the CONFIG_NET
 *                             members at the end (RFC v2)
 *   KAPI_LAYOUT_NET_MEMBERS   the CONFIG_NET members without api_type
 *   KAPI_LAYOUT_CAPABILITIES  the capability entries (all but RFC v1)
 *   KAPI_LAYOUT_MAGIC         a magic member before each section, set by
 *                             the section's count macro
 *   KAPI_LAYOUT_LOCK_SCOPE    a lock's role is one scope enum, not the
 *                             four flags acquired, released,
 *                             held_on_entry and held_on_exit
 *   KAPI_LAYOUT_SPEC_POINTER  the spec is a global const object and only
 *                             a pointer to it, __kapi_spec_ptr_NAME, is
 *                             in section .kapi_specs
 *
 * Facts behind the switches: the postings of the series (RFC v1 of
 * 2025-06-14 to PATCH v4 of 2026-05-29) as summarised for this project.
 * Where those facts are silent the choice is marked NOTE below. None of
 * the NOTE choices changes what a reader that goes by member name sees.
 *
 * Deliberate differences from every version, for the tests only:
 *  - The *_END and KAPI_END_SPEC macros exist in every layout. PATCH v4's
 *    generator writes "}," and "};" itself, which compiles the same.
 *  - KAPI_SIGNAL_MASK_ADD, the ioctl and sysfs macros and the struct
 *    field macros are left out: no layout test uses them.
 */
#ifndef KAPI_TEST_LAYOUT_H
#define KAPI_TEST_LAYOUT_H

#include <linux/kernel.h>
#include <linux/types.h>

#ifndef KAPI_LAYOUT_NAME
#error "kapi_layout.h: include it from a layout folder's linux/kernel_api_spec.h"
#endif

/* String members: char NAME[LEN] in the array layouts, a pointer else. */
#ifdef KAPI_LAYOUT_CHAR_ARRAYS
#define KAPI_STR(member, len)	char member[len]
#define __kapi_layout_packed	__attribute__((__packed__))
#else
#define KAPI_STR(member, len)	const char *member
#define __kapi_layout_packed
#endif

#define KAPI_MAX_PARAMS		16
#define KAPI_MAX_ERRORS		32
#define KAPI_MAX_SIGNALS	32
#define KAPI_MAX_CAPABILITIES	8
#define KAPI_MAX_STRUCT_SPECS	8
#define KAPI_MAX_STATE_TRANS	8
#define KAPI_MAX_NAME_LEN	128
#define KAPI_MAX_DESC_LEN	512

/*
 * RFC v1 to RFC v3 size locks[] by KAPI_MAX_CONSTRAINTS (16). The magic
 * layouts have their own KAPI_MAX_LOCKS (16) and 32 constraints and side
 * effects.
 */
#ifdef KAPI_LAYOUT_MAGIC
#define KAPI_MAX_CONSTRAINTS	32
#define KAPI_MAX_LOCKS		16
#define KAPI_MAX_SIDE_EFFECTS	32
#else
#define KAPI_MAX_CONSTRAINTS	16
#define KAPI_MAX_LOCKS		KAPI_MAX_CONSTRAINTS
#define KAPI_MAX_SIDE_EFFECTS	16
#endif

/* The section magics: four ASCII letters, 'KAP1' and so on. */
#define KAPI_MAGIC_PARAMS	0x4B415031
#define KAPI_MAGIC_RETURN	0x4B415232
#define KAPI_MAGIC_ERRORS	0x4B414533
#define KAPI_MAGIC_LOCKS	0x4B414C34
#define KAPI_MAGIC_CONSTRAINTS	0x4B414335
#define KAPI_MAGIC_INFO		0x4B414936
#define KAPI_MAGIC_SIGNALS	0x4B415337
#define KAPI_MAGIC_SIGMASK	0x4B414D38
#define KAPI_MAGIC_STRUCTS	0x4B415439
#define KAPI_MAGIC_EFFECTS	0x4B414641
#define KAPI_MAGIC_TRANS	0x4B415442
#define KAPI_MAGIC_CAPS		0x4B414343

#ifdef KAPI_LAYOUT_API_TYPE
enum kapi_api_type {
	KAPI_API_FUNCTION	= 0,
	KAPI_API_IOCTL		= 1,
	KAPI_API_SYSFS		= 2,
};
#endif

/* RFC v2's sysfs patch put five types before CUSTOM, moving it to 17. */
enum kapi_param_type {
	KAPI_TYPE_VOID		= 0,
	KAPI_TYPE_INT		= 1,
	KAPI_TYPE_UINT		= 2,
	KAPI_TYPE_PTR		= 3,
	KAPI_TYPE_STRUCT	= 4,
	KAPI_TYPE_UNION		= 5,
	KAPI_TYPE_ENUM		= 6,
	KAPI_TYPE_FUNC_PTR	= 7,
	KAPI_TYPE_ARRAY		= 8,
	KAPI_TYPE_FD		= 9,
	KAPI_TYPE_USER_PTR	= 10,
	KAPI_TYPE_PATH		= 11,
#ifdef KAPI_LAYOUT_API_TYPE
	KAPI_TYPE_CUSTOM	= 17,
#else
	KAPI_TYPE_CUSTOM	= 12,
#endif
};

enum kapi_param_flags {
	KAPI_PARAM_IN		= 1 << 0,
	KAPI_PARAM_OUT		= 1 << 1,
	KAPI_PARAM_INOUT	= KAPI_PARAM_IN | KAPI_PARAM_OUT,
	KAPI_PARAM_OPTIONAL	= 1 << 3,
	KAPI_PARAM_CONST	= 1 << 4,
	KAPI_PARAM_VOLATILE	= 1 << 5,
	KAPI_PARAM_USER		= 1 << 6,
	KAPI_PARAM_DMA		= 1 << 7,
	KAPI_PARAM_ALIGNED	= 1 << 8,
};

enum kapi_context_flags {
	KAPI_CTX_PROCESS		= 1 << 0,
	KAPI_CTX_SOFTIRQ		= 1 << 1,
	KAPI_CTX_HARDIRQ		= 1 << 2,
	KAPI_CTX_NMI			= 1 << 3,
	KAPI_CTX_ATOMIC			= 1 << 4,
	KAPI_CTX_SLEEPABLE		= 1 << 5,
	KAPI_CTX_PREEMPT_DISABLED	= 1 << 6,
	KAPI_CTX_IRQ_DISABLED		= 1 << 7,
};

enum kapi_lock_type {
	KAPI_LOCK_NONE		= 0,
	KAPI_LOCK_MUTEX		= 1,
	KAPI_LOCK_SPINLOCK	= 2,
	KAPI_LOCK_RWLOCK	= 3,
	KAPI_LOCK_SEQLOCK	= 4,
	KAPI_LOCK_RCU		= 5,
	KAPI_LOCK_SEMAPHORE	= 6,
	KAPI_LOCK_CUSTOM	= 7,
};

#ifdef KAPI_LAYOUT_LOCK_SCOPE
enum kapi_lock_scope {
	KAPI_LOCK_INTERNAL	= 0,	/* acquired and released inside */
	KAPI_LOCK_ACQUIRES	= 1,	/* held on return */
	KAPI_LOCK_RELEASES	= 2,	/* held on entry, released inside */
	KAPI_LOCK_CALLER_HELD	= 3,	/* held by the caller throughout */
};
#endif

enum kapi_constraint_type {
	KAPI_CONSTRAINT_NONE	= 0,
	KAPI_CONSTRAINT_RANGE	= 1,
	KAPI_CONSTRAINT_MASK	= 2,
	KAPI_CONSTRAINT_ENUM	= 3,
};

enum kapi_return_check_type {
	KAPI_RETURN_EXACT	= 0,
	KAPI_RETURN_RANGE	= 1,
	KAPI_RETURN_ERROR_CHECK	= 2,
	KAPI_RETURN_FD		= 3,
	KAPI_RETURN_CUSTOM	= 4,
};

enum kapi_signal_direction {
	KAPI_SIGNAL_RECEIVE	= 1 << 0,
	KAPI_SIGNAL_SEND	= 1 << 1,
	KAPI_SIGNAL_HANDLE	= 1 << 2,
	KAPI_SIGNAL_BLOCK	= 1 << 3,
	KAPI_SIGNAL_IGNORE	= 1 << 4,
};

enum kapi_signal_action {
	KAPI_SIGNAL_ACTION_DEFAULT	= 0,
	KAPI_SIGNAL_ACTION_TERMINATE	= 1,
	KAPI_SIGNAL_ACTION_COREDUMP	= 2,
	KAPI_SIGNAL_ACTION_STOP		= 3,
	KAPI_SIGNAL_ACTION_CONTINUE	= 4,
	KAPI_SIGNAL_ACTION_CUSTOM	= 5,
	KAPI_SIGNAL_ACTION_RETURN	= 6,
	KAPI_SIGNAL_ACTION_RESTART	= 7,
	KAPI_SIGNAL_ACTION_QUEUE	= 8,
	KAPI_SIGNAL_ACTION_DISCARD	= 9,
	KAPI_SIGNAL_ACTION_TRANSFORM	= 10,
};

enum kapi_side_effect_type {
	KAPI_EFFECT_NONE		= 0,
	KAPI_EFFECT_ALLOC_MEMORY	= 1 << 0,
	KAPI_EFFECT_FREE_MEMORY		= 1 << 1,
	KAPI_EFFECT_MODIFY_STATE	= 1 << 2,
	KAPI_EFFECT_SIGNAL_SEND		= 1 << 3,
	KAPI_EFFECT_FILE_POSITION	= 1 << 4,
	KAPI_EFFECT_LOCK_ACQUIRE	= 1 << 5,
	KAPI_EFFECT_LOCK_RELEASE	= 1 << 6,
	KAPI_EFFECT_RESOURCE_CREATE	= 1 << 7,
	KAPI_EFFECT_RESOURCE_DESTROY	= 1 << 8,
	KAPI_EFFECT_SCHEDULE		= 1 << 9,
	KAPI_EFFECT_HARDWARE		= 1 << 10,
	KAPI_EFFECT_NETWORK		= 1 << 11,
	KAPI_EFFECT_FILESYSTEM		= 1 << 12,
	KAPI_EFFECT_PROCESS_STATE	= 1 << 13,
};

enum kapi_capability_action {
	KAPI_CAP_BYPASS_CHECK		= 0,
	KAPI_CAP_INCREASE_LIMIT		= 1,
	KAPI_CAP_OVERRIDE_RESTRICTION	= 2,
	KAPI_CAP_GRANT_PERMISSION	= 3,
	KAPI_CAP_MODIFY_BEHAVIOR	= 4,
	KAPI_CAP_ACCESS_RESOURCE	= 5,
	KAPI_CAP_PERFORM_OPERATION	= 6,
};

struct kapi_param_spec {
	KAPI_STR(name, KAPI_MAX_NAME_LEN);
	KAPI_STR(type_name, KAPI_MAX_NAME_LEN);
	enum kapi_param_type type;
	u32 flags;
	size_t size;
	size_t alignment;
	s64 min_value;
	s64 max_value;
	u64 valid_mask;
	const s64 *enum_values;
	u32 enum_count;
	enum kapi_constraint_type constraint_type;
	bool (*validate)(s64 value);
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
	KAPI_STR(constraints, KAPI_MAX_DESC_LEN);
	/*
	 * 0-based with -1 for none in RFC v2, 1-based with 0 for none in
	 * PATCH v4. KAPI_PARAM() writes -1 in every layout here.
	 */
	int size_param_idx;
	size_t size_multiplier;
} __kapi_layout_packed;

struct kapi_return_spec {
	KAPI_STR(type_name, KAPI_MAX_NAME_LEN);
	enum kapi_param_type type;
	enum kapi_return_check_type check_type;
	s64 success_value;
	s64 success_min;
	s64 success_max;
	const s64 *error_values;
	u32 error_count;
	bool (*is_success)(s64 value);
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
} __kapi_layout_packed;

struct kapi_error_spec {
	int error_code;
	KAPI_STR(name, KAPI_MAX_NAME_LEN);
	KAPI_STR(condition, KAPI_MAX_DESC_LEN);
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
} __kapi_layout_packed;

struct kapi_lock_spec {
	KAPI_STR(lock_name, KAPI_MAX_NAME_LEN);
	enum kapi_lock_type lock_type;
#ifdef KAPI_LAYOUT_LOCK_SCOPE
	enum kapi_lock_scope scope;
#else
	bool acquired;
	bool released;
	bool held_on_entry;
	bool held_on_exit;
#endif
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
} __kapi_layout_packed;

struct kapi_constraint_spec {
	KAPI_STR(name, KAPI_MAX_NAME_LEN);
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
	KAPI_STR(expression, KAPI_MAX_DESC_LEN);
} __kapi_layout_packed;

struct kapi_signal_spec {
	int signal_num;
	KAPI_STR(signal_name, 32);
	u32 direction;
	enum kapi_signal_action action;
	KAPI_STR(target, KAPI_MAX_DESC_LEN);
	KAPI_STR(condition, KAPI_MAX_DESC_LEN);
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
	bool restartable;
	u32 sa_flags_required;
	u32 sa_flags_forbidden;
	int error_on_signal;
	int transform_to;
	KAPI_STR(timing, 32);
	u8 priority;
	bool interruptible;
	KAPI_STR(queue_behavior, KAPI_MAX_NAME_LEN);
	u32 state_required;
	u32 state_forbidden;
} __kapi_layout_packed;

struct kapi_signal_mask_spec {
	KAPI_STR(mask_name, KAPI_MAX_NAME_LEN);
	int signals[KAPI_MAX_SIGNALS];
	u32 signal_count;
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
} __kapi_layout_packed;

struct kapi_struct_spec {
	KAPI_STR(name, KAPI_MAX_NAME_LEN);
	size_t size;
	size_t alignment;
	u32 field_count;
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
} __kapi_layout_packed;

struct kapi_side_effect {
	u32 type;
	KAPI_STR(target, KAPI_MAX_NAME_LEN);
	KAPI_STR(condition, KAPI_MAX_DESC_LEN);
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
	bool reversible;
} __kapi_layout_packed;

struct kapi_state_transition {
	KAPI_STR(from_state, KAPI_MAX_NAME_LEN);
	KAPI_STR(to_state, KAPI_MAX_NAME_LEN);
	KAPI_STR(condition, KAPI_MAX_DESC_LEN);
	KAPI_STR(object, KAPI_MAX_NAME_LEN);
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
} __kapi_layout_packed;

#ifdef KAPI_LAYOUT_CAPABILITIES
struct kapi_capability_spec {
	int capability;
	KAPI_STR(cap_name, KAPI_MAX_NAME_LEN);
	enum kapi_capability_action action;
	KAPI_STR(allows, KAPI_MAX_DESC_LEN);
	KAPI_STR(without_cap, KAPI_MAX_DESC_LEN);
	KAPI_STR(check_condition, KAPI_MAX_DESC_LEN);
	u8 priority;
	int alternative[KAPI_MAX_CAPABILITIES];
	u32 alternative_count;
} __kapi_layout_packed;
#endif

/*
 * A section's magic member, in the magic layouts only. MAGIC_MEMBER(x)
 * declares "u32 x;", SET_MAGIC(x, v) initializes it.
 */
#ifdef KAPI_LAYOUT_MAGIC
#define KAPI_MAGIC_MEMBER(member)	u32 member;
#define KAPI_SET_MAGIC(member, value)	.member = (value),
#else
#define KAPI_MAGIC_MEMBER(member)
#define KAPI_SET_MAGIC(member, value)
#endif

/*
 * The members in each version's order. RFC v1 to RFC v3 keep the free
 * text and life-cycle members between constraints and signals. The magic
 * layouts keep only examples and notes there, behind info_magic.
 */
struct kernel_api_spec {
	KAPI_STR(name, KAPI_MAX_NAME_LEN);
#ifdef KAPI_LAYOUT_API_TYPE
	enum kapi_api_type api_type;
#endif
	u32 version;
	KAPI_STR(description, KAPI_MAX_DESC_LEN);
	KAPI_STR(long_description, 2048);
	u32 context_flags;

	KAPI_MAGIC_MEMBER(param_magic)
	u32 param_count;
	struct kapi_param_spec params[KAPI_MAX_PARAMS];

	KAPI_MAGIC_MEMBER(return_magic)
	struct kapi_return_spec return_spec;

	KAPI_MAGIC_MEMBER(error_magic)
	u32 error_count;
	struct kapi_error_spec errors[KAPI_MAX_ERRORS];

	KAPI_MAGIC_MEMBER(lock_magic)
	u32 lock_count;
	struct kapi_lock_spec locks[KAPI_MAX_LOCKS];

	KAPI_MAGIC_MEMBER(constraint_magic)
	u32 constraint_count;
	struct kapi_constraint_spec constraints[KAPI_MAX_CONSTRAINTS];

	KAPI_MAGIC_MEMBER(info_magic)
	KAPI_STR(examples, 1024);
	KAPI_STR(notes, 1024);
#ifndef KAPI_LAYOUT_MAGIC
	KAPI_STR(since_version, 32);
	bool deprecated;
	KAPI_STR(replacement, KAPI_MAX_NAME_LEN);
#endif

	KAPI_MAGIC_MEMBER(signal_magic)
	u32 signal_count;
	struct kapi_signal_spec signals[KAPI_MAX_SIGNALS];

	KAPI_MAGIC_MEMBER(sigmask_magic)
	u32 signal_mask_count;
	struct kapi_signal_mask_spec signal_masks[KAPI_MAX_SIGNALS];

	KAPI_MAGIC_MEMBER(struct_magic)
	u32 struct_spec_count;
	struct kapi_struct_spec struct_specs[KAPI_MAX_STRUCT_SPECS];

	KAPI_MAGIC_MEMBER(effect_magic)
	u32 side_effect_count;
	struct kapi_side_effect side_effects[KAPI_MAX_SIDE_EFFECTS];

	KAPI_MAGIC_MEMBER(trans_magic)
	u32 state_trans_count;
	struct kapi_state_transition state_transitions[KAPI_MAX_STATE_TRANS];

#ifdef KAPI_LAYOUT_CAPABILITIES
	KAPI_MAGIC_MEMBER(cap_magic)
	u32 capability_count;
	struct kapi_capability_spec capabilities[KAPI_MAX_CAPABILITIES];
#endif

	/*
	 * NOTE: a few of the CONFIG_NET members stand for all of them; a
	 * reader must skip members it does not know, wherever they are.
	 */
#if defined(KAPI_LAYOUT_API_TYPE) || defined(KAPI_LAYOUT_NET_MEMBERS)
	u32 addr_family_count;
	bool is_connection_oriented;
	KAPI_STR(connection_establishment, KAPI_MAX_DESC_LEN);
#endif
} __kapi_layout_packed;

/*
 * Where the spec object lives. Up to PATCH v2 it is a static object in
 * section .kapi_specs itself. From PATCH v3 on it is a global const object
 * in .rodata, and .kapi_specs contains a pointer to it.
 */
#ifdef KAPI_LAYOUT_SPEC_POINTER
#define DEFINE_KERNEL_API_SPEC(func_name)				\
	extern const struct kernel_api_spec __kapi_spec_##func_name;	\
	static const struct kernel_api_spec * const			\
		__kapi_spec_ptr_##func_name __used			\
		__section(".kapi_specs") = &__kapi_spec_##func_name;	\
	const struct kernel_api_spec __kapi_spec_##func_name = {	\
		.name = #func_name,					\
		.version = 1,
#else
#define DEFINE_KERNEL_API_SPEC(func_name)				\
	static struct kernel_api_spec __kapi_spec_##func_name		\
	__used __section(".kapi_specs") = {				\
		.name = #func_name,					\
		.version = 1,
#endif

#define KAPI_END_SPEC			};

#define KAPI_DESCRIPTION(desc)		.description = desc,
#define KAPI_LONG_DESC(desc)		.long_description = desc,
#define KAPI_CONTEXT(ctx)		.context_flags = (ctx),

/* Each count macro also sets its section's magic where there is one. */
#define KAPI_PARAM_COUNT(n)						\
	KAPI_SET_MAGIC(param_magic, KAPI_MAGIC_PARAMS) .param_count = (n),
#define KAPI_ERROR_COUNT(n)						\
	KAPI_SET_MAGIC(error_magic, KAPI_MAGIC_ERRORS) .error_count = (n),
#define KAPI_LOCK_COUNT(n)						\
	KAPI_SET_MAGIC(lock_magic, KAPI_MAGIC_LOCKS) .lock_count = (n),
#define KAPI_CONSTRAINT_COUNT(n)					\
	KAPI_SET_MAGIC(constraint_magic, KAPI_MAGIC_CONSTRAINTS)	\
	.constraint_count = (n),
#define KAPI_SIGNAL_COUNT(n)						\
	KAPI_SET_MAGIC(signal_magic, KAPI_MAGIC_SIGNALS) .signal_count = (n),
#define KAPI_SIDE_EFFECT_COUNT(n)					\
	KAPI_SET_MAGIC(effect_magic, KAPI_MAGIC_EFFECTS)		\
	.side_effect_count = (n),
#define KAPI_EXAMPLES(s)						\
	KAPI_SET_MAGIC(info_magic, KAPI_MAGIC_INFO) .examples = s,
#define KAPI_NOTES(s)			.notes = s,

#define KAPI_PARAM(idx, pname, ptype, pdesc)				\
	.params[idx] = {						\
		.name = pname,						\
		.type_name = ptype,					\
		.description = pdesc,					\
		.size_param_idx = -1,

#define KAPI_PARAM_TYPE(t)		.type = (t),
#define KAPI_PARAM_FLAGS(f)		.flags = (f),
#define KAPI_PARAM_SIZE(s)		.size = (s),
#define KAPI_PARAM_RANGE(min, max)	.min_value = (min), .max_value = (max),
#define KAPI_PARAM_CONSTRAINT_TYPE(c)	.constraint_type = (c),
#define KAPI_PARAM_CONSTRAINT(desc)	.constraints = desc,
#define KAPI_PARAM_VALID_MASK(mask)	.valid_mask = (mask),
#define KAPI_PARAM_ENUM_VALUES(arr)					\
		.enum_values = arr,					\
		.enum_count = sizeof(arr) / sizeof((arr)[0]),
#define KAPI_PARAM_END			},

#define KAPI_RETURN(rtype, rdesc)					\
	KAPI_SET_MAGIC(return_magic, KAPI_MAGIC_RETURN)			\
	.return_spec = {						\
		.type_name = rtype,					\
		.description = rdesc,

#define KAPI_RETURN_TYPE(t)		.type = (t),
#define KAPI_RETURN_CHECK_TYPE(c)	.check_type = (c),
#define KAPI_RETURN_SUCCESS(val)	.success_value = (val),
#define KAPI_RETURN_SUCCESS_RANGE(min, max)				\
		.success_min = (min), .success_max = (max),
#define KAPI_RETURN_ERROR_VALUES(arr)	.error_values = arr,
#define KAPI_RETURN_ERROR_COUNT(n)	.error_count = (n),
#define KAPI_RETURN_END			},

#define KAPI_ERROR(idx, code, ename, econd, edesc)			\
	.errors[idx] = {						\
		.error_code = (code),					\
		.name = ename,						\
		.condition = econd,					\
		.description = edesc,					\
	},

#define KAPI_LOCK(idx, lname, ltype)					\
	.locks[idx] = {							\
		.lock_name = lname,					\
		.lock_type = (ltype),

/*
 * In the scope layouts each role macro sets the one scope member, so
 * ACQUIRED followed by RELEASED leaves RELEASES: the last initializer of
 * a member wins. That is how the kerneldoc generators of PATCH v1 and v2
 * compiled a lock that is "acquired: true" and "released: true".
 */
#ifdef KAPI_LAYOUT_LOCK_SCOPE
#define KAPI_LOCK_ACQUIRED		.scope = KAPI_LOCK_ACQUIRES,
#define KAPI_LOCK_RELEASED		.scope = KAPI_LOCK_RELEASES,
#define KAPI_LOCK_HELD_ENTRY		.scope = KAPI_LOCK_CALLER_HELD,
#define KAPI_LOCK_HELD_EXIT		.scope = KAPI_LOCK_CALLER_HELD,
#else
#define KAPI_LOCK_ACQUIRED		.acquired = true,
#define KAPI_LOCK_RELEASED		.released = true,
#define KAPI_LOCK_HELD_ENTRY		.held_on_entry = true,
#define KAPI_LOCK_HELD_EXIT		.held_on_exit = true,
#endif
#define KAPI_LOCK_DESC(desc)		.description = desc,
#define KAPI_LOCK_END			},

#define KAPI_SIGNAL(idx, signum, sname, dir, act)			\
	.signals[idx] = {						\
		.signal_num = (signum),					\
		.signal_name = sname,					\
		.direction = (dir),					\
		.action = (act),

#define KAPI_SIGNAL_TARGET(s)		.target = s,
#define KAPI_SIGNAL_CONDITION(s)	.condition = s,
#define KAPI_SIGNAL_DESC(s)		.description = s,
#define KAPI_SIGNAL_RESTARTABLE		.restartable = true,
#define KAPI_SIGNAL_INTERRUPTIBLE	.interruptible = true,
#define KAPI_SIGNAL_SA_FLAGS_REQ(f)	.sa_flags_required = (f),
#define KAPI_SIGNAL_SA_FLAGS_FORBID(f)	.sa_flags_forbidden = (f),
#define KAPI_SIGNAL_ERROR(err)		.error_on_signal = (err),
#define KAPI_SIGNAL_TRANSFORM(sig)	.transform_to = (sig),
#define KAPI_SIGNAL_TIMING(when)	.timing = when,
#define KAPI_SIGNAL_PRIORITY(p)		.priority = (p),
#define KAPI_SIGNAL_QUEUE(q)		.queue_behavior = q,
#define KAPI_SIGNAL_STATE_REQ(s)	.state_required = (s),
#define KAPI_SIGNAL_STATE_FORBID(s)	.state_forbidden = (s),
#define KAPI_SIGNAL_END			},

#define KAPI_SIDE_EFFECT(idx, etype, etarget, edesc)			\
	.side_effects[idx] = {						\
		.type = (etype),					\
		.target = etarget,					\
		.description = edesc,
#define KAPI_EFFECT_CONDITION(cond)	.condition = cond,
#define KAPI_EFFECT_REVERSIBLE		.reversible = true,
#define KAPI_SIDE_EFFECT_END		},

#define KAPI_STATE_TRANS(idx, tobject, tfrom, tto, tdesc)		\
	.state_transitions[idx] = {					\
		.object = tobject,					\
		.from_state = tfrom,					\
		.to_state = tto,					\
		.description = tdesc,
#define KAPI_STATE_TRANS_COND(cond)	.condition = cond,
#define KAPI_STATE_TRANS_END		},
#define KAPI_STATE_TRANS_COUNT(n)					\
	KAPI_SET_MAGIC(trans_magic, KAPI_MAGIC_TRANS) .state_trans_count = (n),

#define KAPI_CONSTRAINT(idx, cname, cdesc)				\
	.constraints[idx] = {						\
		.name = cname,						\
		.description = cdesc,
#define KAPI_CONSTRAINT_EXPR(expr)	.expression = expr,
#define KAPI_CONSTRAINT_END		},

#ifdef KAPI_LAYOUT_CAPABILITIES
#define KAPI_CAPABILITY(idx, cap, cname, act)				\
	.capabilities[idx] = {						\
		.capability = (cap),					\
		.cap_name = cname,					\
		.action = (act),
#define KAPI_CAP_ALLOWS(s)		.allows = s,
#define KAPI_CAP_WITHOUT(s)		.without_cap = s,
#define KAPI_CAP_CONDITION(s)		.check_condition = s,
#define KAPI_CAP_PRIORITY(p)		.priority = (p),
#define KAPI_CAPABILITY_END		},
#define KAPI_CAPABILITY_COUNT(n)					\
	KAPI_SET_MAGIC(cap_magic, KAPI_MAGIC_CAPS) .capability_count = (n),
#endif

#endif /* KAPI_TEST_LAYOUT_H */
