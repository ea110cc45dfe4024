/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kernel_api_spec.h - the KAPI specification macros for kernel trees that
 * lack the Kernel API Specification framework
 *
 * A spec written in the framework's RFC v2 macro language (June 2025),
 * DEFINE_KERNEL_API_SPEC(sys_mlock) ... KAPI_END_SPEC, compiles with this
 * header into a struct kernel_api_spec whose struct, member and enumerator
 * names and enumerator values are the framework's. The variable name
 * (__kapi_spec_sys_mlock) is the same too. So one reader that looks
 * members up by name, such as the kapi-check GCC plugin, serves trees with
 * and without the framework.
 *
 * Kernel builds pass -I include/kapi-compat after the kernel's own include
 * path, so this file is found only when the tree has no
 * <linux/kernel_api_spec.h> of its own.
 *
 * Differences from the framework, all deliberate:
 *  - The spec goes into section .discard.kapi_specs, not .kapi_specs. A
 *    tree without the framework has no linker script rule for .kapi_specs,
 *    so with CONFIG_LD_ORPHAN_WARN and CONFIG_WERROR the final link of
 *    vmlinux would fail on an orphan section. The kernel's linker scripts
 *    discard .discard.* sections, and nothing here needs the spec at run
 *    time: the plugin reads it at compile time.
 *  - Every string member is a const char *, not a char array, and no struct
 *    is packed. sizeof(struct kernel_api_spec) is 25568 bytes on x86-64
 *    (gcc 12.2), against about 355 KB for the framework's packed arrays.
 *    The compat_spec_size test fails if it reaches 28 KiB.
 *  - Macros of the framework that cannot compile have working forms here:
 *    KAPI_PARAM_INOUT is IN | OUT (3), KAPI_PARAM_USER_PTR is KAPI_PARAM_USER,
 *    KAPI_SIGNAL_MASK_ADD takes an index (with the new
 *    KAPI_SIGNAL_MASK_SIGNAL_COUNT), and the predefined signal bundles have
 *    no stray commas. Each is described where it is defined.
 *  - check_exceptions[] and KAPI_CHECK_EXCEPTION() are not the
 *    framework's: they carry the known exceptions that kapi-check accepts.
 *  - Bool members that the framework sets to false by default (reversible)
 *    are left out of the initializer instead. The value is the same, and a
 *    modifier that sets them does not override an initialized member.
 *
 * TODO: add the members and macros of RFC v2 that are left out, so that
 * specs using them compile too:
 *  - CONFIG_NET: socket state, protocol behaviours, buffer, async and
 *    address-family specs, connection semantics, and the macros
 *    KAPI_SOCKET_STATE_*, KAPI_PROTOCOL_*, KAPI_ASYNC_*, KAPI_BUFFER_*,
 *    KAPI_ADDR_FAMILY* and KAPI_NET_*.
 *  - ioctl: cmd, cmd_name, input_size, output_size, file_ops_name, and
 *    DEFINE_KAPI_IOCTL_SPEC, KAPI_IOCTL_* and KAPI_DEFINE_FOPS.
 *  - sysfs: subsystem, device_type, the sysfs members of kapi_param_spec,
 *    and DEFINE_SYSFS_API_SPEC, KAPI_PATH, KAPI_PERMISSIONS, KAPI_DEFAULT,
 *    KAPI_UNITS, KAPI_STEP, KAPI_ALLOWED_STRINGS, KAPI_SUBSYSTEM and
 *    KAPI_DEVICE_TYPE.
 */
#ifndef _LINUX_KERNEL_API_SPEC_H
#define _LINUX_KERNEL_API_SPEC_H

#include <linux/types.h>
/*
 * <linux/kernel.h> provides ARRAY_SIZE, INT_MAX and LONG_MAX in every
 * kernel. Including it here also keeps the ARRAY_SIZE fallback below from
 * clashing with a later definition by the kernel's own header.
 */
#include <linux/kernel.h>

/*
 * Fallbacks for trees whose headers do not define these.
 * NOTE: older kernels defined __section(S) to stringify S. With those, the
 * specs land in a section whose name contains quote characters.
 */
#ifndef __used
#define __used			__attribute__((__used__))
#endif
#ifndef __section
#define __section(s)		__attribute__((__section__(s)))
#endif
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#endif

/* Array sizes of struct kernel_api_spec. */
#define KAPI_MAX_PARAMS		16
#define KAPI_MAX_ERRORS		32
#define KAPI_MAX_CONSTRAINTS	16	/* also the size of locks[] */
#define KAPI_MAX_SIGNALS	32	/* also the size of signal_masks[] */
#define KAPI_MAX_CAPABILITIES	8
#define KAPI_MAX_STRUCT_SPECS	8
#define KAPI_MAX_SIDE_EFFECTS	16
#define KAPI_MAX_STATE_TRANS	8
/* Not a framework constant: the size of check_exceptions[], see below. */
#define KAPI_MAX_CHECK_EXCEPTIONS	8

/*
 * The framework's string lengths. Strings here are pointers of any length,
 * so only code that refers to the constants uses them.
 */
#define KAPI_MAX_NAME_LEN	128
#define KAPI_MAX_DESC_LEN	512

/* Kind of interface a spec describes. Only functions exist here. */
enum kapi_api_type {
	KAPI_API_FUNCTION	= 0,
	KAPI_API_IOCTL		= 1,
	KAPI_API_SYSFS		= 2,
};

/*
 * Parameter and return types. The values are those of RFC v2 with its
 * sysfs patch applied, which put STRING .. BITMAP before CUSTOM.
 */
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
	KAPI_TYPE_STRING	= 12,
	KAPI_TYPE_BOOL		= 13,
	KAPI_TYPE_HEX		= 14,
	KAPI_TYPE_BINARY	= 15,
	KAPI_TYPE_BITMAP	= 16,
	KAPI_TYPE_CUSTOM	= 17,
};

/*
 * Parameter flags, a bitmask. The framework declares INOUT as bit 2 and
 * then redefines it as a macro, IN | OUT, so compiled specs contain 3.
 * Here the enumerator has that compiled value, and bit 2 is unused.
 */
enum kapi_param_flags {
	KAPI_PARAM_IN			= 1 << 0,
	KAPI_PARAM_OUT			= 1 << 1,
	KAPI_PARAM_INOUT		= KAPI_PARAM_IN | KAPI_PARAM_OUT,
	KAPI_PARAM_OPTIONAL		= 1 << 3,
	KAPI_PARAM_CONST		= 1 << 4,
	KAPI_PARAM_VOLATILE		= 1 << 5,
	KAPI_PARAM_USER			= 1 << 6,
	KAPI_PARAM_DMA			= 1 << 7,
	KAPI_PARAM_ALIGNED		= 1 << 8,
	KAPI_PARAM_SYSFS_READONLY	= 1 << 9,
	KAPI_PARAM_SYSFS_WRITEONLY	= 1 << 10,
	KAPI_PARAM_SYSFS_RW		= 1 << 11,
	KAPI_PARAM_SYSFS_BINARY		= 1 << 12,
};

/*
 * Flags of a user-space pointer parameter. The framework's first form
 * named a flag that does not exist; its later fix is KAPI_PARAM_USER alone.
 */
#define KAPI_PARAM_USER_PTR	KAPI_PARAM_USER

/* Contexts an API may be called from, a bitmask. */
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

/*
 * Lock kinds. There is no rw_semaphore kind: specs tag mmap_lock and
 * i_rwsem as RWLOCK, MUTEX or SEMAPHORE.
 */
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

enum kapi_constraint_type {
	KAPI_CONSTRAINT_NONE	= 0,
	KAPI_CONSTRAINT_RANGE	= 1,	/* min_value <= v <= max_value */
	KAPI_CONSTRAINT_MASK	= 2,	/* (v & ~valid_mask) == 0 */
	KAPI_CONSTRAINT_ENUM	= 3,	/* v is one of enum_values */
	KAPI_CONSTRAINT_CUSTOM	= 4,	/* validate(v) is true */
};

/* How a return value is judged a success. */
enum kapi_return_check_type {
	KAPI_RETURN_EXACT	= 0,	/* equals success_value */
	KAPI_RETURN_RANGE	= 1,	/* in success_min .. success_max */
	KAPI_RETURN_ERROR_CHECK	= 2,	/* not one of the error values */
	KAPI_RETURN_FD		= 3,	/* a file descriptor, >= 0 */
	KAPI_RETURN_CUSTOM	= 4,	/* is_success(v) is true */
};

/* What an API does with a signal, a bitmask. */
enum kapi_signal_direction {
	KAPI_SIGNAL_RECEIVE	= 1 << 0,
	KAPI_SIGNAL_SEND	= 1 << 1,
	KAPI_SIGNAL_HANDLE	= 1 << 2,
	KAPI_SIGNAL_BLOCK	= 1 << 3,
	KAPI_SIGNAL_IGNORE	= 1 << 4,
};

/* What happens when the signal arrives. */
enum kapi_signal_action {
	KAPI_SIGNAL_ACTION_DEFAULT	= 0,
	KAPI_SIGNAL_ACTION_TERMINATE	= 1,
	KAPI_SIGNAL_ACTION_COREDUMP	= 2,
	KAPI_SIGNAL_ACTION_STOP		= 3,
	KAPI_SIGNAL_ACTION_CONTINUE	= 4,
	KAPI_SIGNAL_ACTION_CUSTOM	= 5,
	KAPI_SIGNAL_ACTION_RETURN	= 6,	/* the call returns early */
	KAPI_SIGNAL_ACTION_RESTART	= 7,	/* the call is restarted */
	KAPI_SIGNAL_ACTION_QUEUE	= 8,
	KAPI_SIGNAL_ACTION_DISCARD	= 9,
	KAPI_SIGNAL_ACTION_TRANSFORM	= 10,	/* becomes transform_to */
};

/* When a signal is acted on, for KAPI_SIGNAL_TIMING(). */
#define KAPI_SIGNAL_TIME_ENTRY		"entry"
#define KAPI_SIGNAL_TIME_DURING		"during"
#define KAPI_SIGNAL_TIME_EXIT		"exit"
#define KAPI_SIGNAL_TIME_ANYTIME	"anytime"
#define KAPI_SIGNAL_TIME_BLOCKING	"while_blocked"
#define KAPI_SIGNAL_TIME_SLEEPING	"while_sleeping"

/* How pending instances of a signal queue up, for KAPI_SIGNAL_QUEUE(). */
#define KAPI_SIGNAL_QUEUE_STANDARD	"standard"
#define KAPI_SIGNAL_QUEUE_REALTIME	"realtime"
#define KAPI_SIGNAL_QUEUE_COALESCE	"coalesce"
#define KAPI_SIGNAL_QUEUE_REPLACE	"replace"
#define KAPI_SIGNAL_QUEUE_DISCARD	"discard"

/* Task states, a bitmask for KAPI_SIGNAL_STATE_REQ() and _FORBID(). */
#define KAPI_SIGNAL_STATE_RUNNING	(1 << 0)
#define KAPI_SIGNAL_STATE_SLEEPING	(1 << 1)
#define KAPI_SIGNAL_STATE_STOPPED	(1 << 2)
#define KAPI_SIGNAL_STATE_TRACED	(1 << 3)
#define KAPI_SIGNAL_STATE_ZOMBIE	(1 << 4)
#define KAPI_SIGNAL_STATE_DEAD		(1 << 5)

/* What holding a capability changes. */
enum kapi_capability_action {
	KAPI_CAP_BYPASS_CHECK		= 0,
	KAPI_CAP_INCREASE_LIMIT		= 1,
	KAPI_CAP_OVERRIDE_RESTRICTION	= 2,
	KAPI_CAP_GRANT_PERMISSION	= 3,
	KAPI_CAP_MODIFY_BEHAVIOR	= 4,
	KAPI_CAP_ACCESS_RESOURCE	= 5,
	KAPI_CAP_PERFORM_OPERATION	= 6,
};

/* Kinds of side effect, a bitmask. */
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

struct kapi_param_spec {
	const char *name;
	const char *type_name;		/* C type as written: "size_t" */
	enum kapi_param_type type;
	u32 flags;			/* enum kapi_param_flags bits */
	size_t size;
	size_t alignment;
	s64 min_value;
	s64 max_value;
	u64 valid_mask;
	const s64 *enum_values;
	u32 enum_count;
	enum kapi_constraint_type constraint_type;
	bool (*validate)(s64 value);
	const char *description;
	const char *constraints;	/* constraint in words */
	int size_param_idx;		/* param giving the size, -1: none */
	size_t size_multiplier;
};

struct kapi_return_spec {
	const char *type_name;
	enum kapi_param_type type;
	enum kapi_return_check_type check_type;
	s64 success_value;
	s64 success_min;
	s64 success_max;
	const s64 *error_values;
	u32 error_count;
	bool (*is_success)(s64 value);
	const char *description;
};

struct kapi_error_spec {
	int error_code;			/* negative: -ENOMEM */
	const char *name;		/* "ENOMEM" */
	const char *condition;
	const char *description;
};

struct kapi_lock_spec {
	const char *lock_name;		/* free text: "mmap_lock" */
	enum kapi_lock_type lock_type;
	bool acquired;			/* taken inside the API */
	bool released;			/* released inside the API */
	bool held_on_entry;
	bool held_on_exit;
	const char *description;
};

struct kapi_constraint_spec {
	const char *name;
	const char *description;
	const char *expression;
};

struct kapi_signal_spec {
	int signal_num;			/* 0 for pseudo-signals ("FATAL") */
	const char *signal_name;
	u32 direction;			/* enum kapi_signal_direction bits */
	enum kapi_signal_action action;
	const char *target;
	const char *condition;
	const char *description;
	bool restartable;
	u32 sa_flags_required;
	u32 sa_flags_forbidden;
	int error_on_signal;		/* negative errno: -EINTR */
	int transform_to;		/* signal number */
	const char *timing;		/* KAPI_SIGNAL_TIME_* */
	u8 priority;
	bool interruptible;
	const char *queue_behavior;	/* KAPI_SIGNAL_QUEUE_* */
	u32 state_required;		/* KAPI_SIGNAL_STATE_* bits */
	u32 state_forbidden;
};

struct kapi_signal_mask_spec {
	const char *mask_name;
	int signals[KAPI_MAX_SIGNALS];	/* signal numbers */
	u32 signal_count;
	const char *description;
};

struct kapi_struct_field {
	const char *name;
	enum kapi_param_type type;
	const char *type_name;
	size_t offset;
	size_t size;
	u32 flags;			/* enum kapi_param_flags bits */
	enum kapi_constraint_type constraint_type;
	s64 min_value;
	s64 max_value;
	u64 valid_mask;
	/*
	 * Allowed values in words, set by KAPI_FIELD_CONSTRAINT_ENUM(). The
	 * framework adds this member in RFC v3; RFC v2 has no place for them.
	 */
	const char *enum_values;
	const char *description;
};

struct kapi_struct_spec {
	const char *name;
	size_t size;
	size_t alignment;
	u32 field_count;
	struct kapi_struct_field fields[KAPI_MAX_PARAMS];
	const char *description;
};

struct kapi_capability_spec {
	int capability;			/* CAP_* number */
	const char *cap_name;		/* "CAP_IPC_LOCK" */
	enum kapi_capability_action action;
	const char *allows;
	const char *without_cap;
	const char *check_condition;
	u8 priority;
	int alternative[KAPI_MAX_CAPABILITIES];	/* CAP_* numbers */
	u32 alternative_count;
};

/*
 * A known exception for kapi-check: the findings of CHECK about VALUE are
 * accepted for this spec. CHECK is a check id ("kapi-errno-undeclared").
 * VALUE is an errno name, a lock, a capability, a parameter, or "*" for
 * any. REASON tells a reader of the spec why.
 */
struct kapi_check_exception {
	const char *check;
	const char *value;
	const char *reason;
};

struct kapi_side_effect {
	u32 type;			/* enum kapi_side_effect_type bits */
	const char *target;
	const char *condition;
	const char *description;
	bool reversible;
};

struct kapi_state_transition {
	const char *from_state;
	const char *to_state;
	const char *condition;
	const char *object;
	const char *description;
};

/*
 * One API's specification. Counts are set by their own macros and are
 * never derived from the entries, so the two may disagree.
 */
struct kernel_api_spec {
	const char *name;		/* "sys_mlock" */
	enum kapi_api_type api_type;
	u32 version;
	const char *description;
	const char *long_description;
	u32 context_flags;		/* enum kapi_context_flags bits */

	u32 param_count;
	struct kapi_param_spec params[KAPI_MAX_PARAMS];

	struct kapi_return_spec return_spec;

	u32 error_count;
	struct kapi_error_spec errors[KAPI_MAX_ERRORS];

	u32 lock_count;
	struct kapi_lock_spec locks[KAPI_MAX_CONSTRAINTS];

	u32 constraint_count;
	struct kapi_constraint_spec constraints[KAPI_MAX_CONSTRAINTS];

	const char *examples;
	const char *notes;
	const char *since_version;	/* "2.0" */
	bool deprecated;
	const char *replacement;

	u32 signal_count;
	struct kapi_signal_spec signals[KAPI_MAX_SIGNALS];

	u32 signal_mask_count;
	struct kapi_signal_mask_spec signal_masks[KAPI_MAX_SIGNALS];

	u32 struct_spec_count;
	struct kapi_struct_spec struct_specs[KAPI_MAX_STRUCT_SPECS];

	u32 side_effect_count;
	struct kapi_side_effect side_effects[KAPI_MAX_SIDE_EFFECTS];

	u32 state_trans_count;
	struct kapi_state_transition state_transitions[KAPI_MAX_STATE_TRANS];

	u32 capability_count;
	struct kapi_capability_spec capabilities[KAPI_MAX_CAPABILITIES];

	/*
	 * Known exceptions for kapi-check, set by KAPI_CHECK_EXCEPTION(). Not
	 * a framework member; only this header has it.
	 */
	struct kapi_check_exception check_exceptions[KAPI_MAX_CHECK_EXCEPTIONS];
};

/*
 * The spec language. Each spec is one designated initializer: an "open"
 * macro (KAPI_PARAM, KAPI_ERROR, KAPI_LOCK, ...) starts the entry at the
 * index it is given, modifier macros set one member of the open entry, and
 * the matching *_END macro closes it.
 */

/*
 * Opens the static spec object __kapi_spec_FUNC in section
 * .discard.kapi_specs (see the top of this file); KAPI_END_SPEC closes
 * it. For a syscall FUNC is written sys_NAME, and the spec is linked to
 * SYSCALL_DEFINEx(NAME, ...) by that name only.
 */
#define DEFINE_KERNEL_API_SPEC(func_name)				\
	static struct kernel_api_spec __kapi_spec_##func_name		\
	__used __section(".discard.kapi_specs") = {			\
		.name = #func_name,					\
		.version = 1,

#define KAPI_END_SPEC		};

#define KAPI_DESCRIPTION(desc)		.description = desc,
#define KAPI_LONG_DESC(desc)		.long_description = desc,
#define KAPI_CONTEXT(ctx)		.context_flags = (ctx),

#define KAPI_PARAM_COUNT(n)		.param_count = (n),
#define KAPI_ERROR_COUNT(n)		.error_count = (n),
#define KAPI_SINCE_VERSION(ver)		.since_version = ver,

/* Parameters */

/*
 * Opens params[IDX]. size_param_idx starts at -1, meaning "size fixed or
 * none", and KAPI_PARAM_SIZE_PARAM_IDX() overrides it, as in the framework.
 */
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

/* ARR must be an array of s64, not a pointer: its length is the count. */
#define KAPI_PARAM_ENUM_VALUES(arr)					\
		.enum_values = arr,					\
		.enum_count = ARRAY_SIZE(arr),

/*
 * Names the parameter (0-based) whose value is this one's size. It sets
 * size_param_idx a second time after KAPI_PARAM(), so GCC's
 * -Woverride-init (part of -Wextra) and sparse report "initialized field
 * overwritten" at each use. Kernel builds disable -Woverride-init unless
 * W=1 is given.
 */
#define KAPI_PARAM_SIZE_PARAM_IDX(i)	.size_param_idx = (i),

#define KAPI_PARAM_END			},

/* Return value */

#define KAPI_RETURN(rtype, rdesc)					\
	.return_spec = {						\
		.type_name = rtype,					\
		.description = rdesc,

#define KAPI_RETURN_TYPE(t)		.type = (t),
#define KAPI_RETURN_CHECK_TYPE(c)	.check_type = (c),
#define KAPI_RETURN_SUCCESS(val)	.success_value = (val),
#define KAPI_RETURN_SUCCESS_RANGE(min, max)				\
		.success_min = (min), .success_max = (max),
/* Inside KAPI_RETURN(): the s64 array of error values and its length. */
#define KAPI_RETURN_ERROR_VALUES(arr)	.error_values = arr,
#define KAPI_RETURN_ERROR_COUNT(n)	.error_count = (n),
#define KAPI_RETURN_END			},

/* Errors: one complete entry each. CODE is negative: -ENOMEM. */

#define KAPI_ERROR(idx, code, ename, econd, edesc)			\
	.errors[idx] = {						\
		.error_code = (code),					\
		.name = ename,						\
		.condition = econd,					\
		.description = edesc,					\
	},

/* Locks */

#define KAPI_LOCK(idx, lname, ltype)					\
	.locks[idx] = {							\
		.lock_name = lname,					\
		.lock_type = (ltype),

#define KAPI_LOCK_ACQUIRED		.acquired = true,
#define KAPI_LOCK_RELEASED		.released = true,
#define KAPI_LOCK_HELD_ENTRY		.held_on_entry = true,
#define KAPI_LOCK_HELD_EXIT		.held_on_exit = true,
#define KAPI_LOCK_DESC(desc)		.description = desc,
#define KAPI_LOCK_END			},
#define KAPI_LOCK_COUNT(n)		.lock_count = (n),

/* Constraints between parameters or on the caller */

#define KAPI_CONSTRAINT(idx, cname, cdesc)				\
	.constraints[idx] = {						\
		.name = cname,						\
		.description = cdesc,

#define KAPI_CONSTRAINT_EXPR(expr)	.expression = expr,
#define KAPI_CONSTRAINT_END		},
#define KAPI_CONSTRAINT_COUNT(n)	.constraint_count = (n),

/* Signals */

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
#define KAPI_SIGNAL_COUNT(n)		.signal_count = (n),

/*
 * Signal sets that are blocked or handled together. The framework's
 * KAPI_SIGNAL_MASK_ADD(sig) appends through a counter, which no
 * initializer can do. Here the caller gives the slot IDX to
 * KAPI_SIGNAL_MASK_ADD() and the number of slots used to
 * KAPI_SIGNAL_MASK_SIGNAL_COUNT().
 */
#define KAPI_SIGNAL_MASK(idx, mname, mdesc)				\
	.signal_masks[idx] = {						\
		.mask_name = mname,					\
		.description = mdesc,

#define KAPI_SIGNAL_MASK_ADD(idx, sig)	.signals[idx] = (sig),
#define KAPI_SIGNAL_MASK_SIGNAL_COUNT(n) .signal_count = (n),
#define KAPI_SIGNAL_MASK_END		},
#define KAPI_SIGNAL_MASK_COUNT(n)	.signal_mask_count = (n),

/*
 * Ready-made signal entries at fixed indexes 0 to 4, for specs with no
 * other signals. SIGINT (0) and SIGTERM (1) end an interruptible sleep with
 * -EINTR, SIGKILL (2) ends the task, and SIGSTOP (3) and SIGCONT (4) stop
 * and continue it. The including file must define the SIG* numbers
 * (<linux/signal.h>) and EINTR.
 */
#define __KAPI_SIGNAL_SLEEP_EINTR(idx, sig, sname)			\
	KAPI_SIGNAL(idx, sig, sname, KAPI_SIGNAL_RECEIVE,		\
		    KAPI_SIGNAL_ACTION_RETURN)				\
		KAPI_SIGNAL_CONDITION("Signal pending while asleep")	\
		KAPI_SIGNAL_DESC("Wakes the interruptible sleep; the "	\
				 "call returns -EINTR")			\
		KAPI_SIGNAL_ERROR(-EINTR)				\
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_SLEEPING)		\
		KAPI_SIGNAL_RESTARTABLE					\
		KAPI_SIGNAL_INTERRUPTIBLE				\
	KAPI_SIGNAL_END

#define KAPI_SIGNAL_INTERRUPTIBLE_SLEEP					\
	__KAPI_SIGNAL_SLEEP_EINTR(0, SIGINT, "SIGINT")			\
	__KAPI_SIGNAL_SLEEP_EINTR(1, SIGTERM, "SIGTERM")

#define KAPI_SIGNAL_FATAL_DEFAULT					\
	KAPI_SIGNAL(2, SIGKILL, "SIGKILL", KAPI_SIGNAL_RECEIVE,		\
		    KAPI_SIGNAL_ACTION_TERMINATE)			\
		KAPI_SIGNAL_DESC("Terminates the task; cannot be "	\
				 "caught or blocked")			\
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_ANYTIME)		\
		KAPI_SIGNAL_PRIORITY(0)					\
	KAPI_SIGNAL_END

#define KAPI_SIGNAL_STOP_CONT						\
	KAPI_SIGNAL(3, SIGSTOP, "SIGSTOP", KAPI_SIGNAL_RECEIVE,		\
		    KAPI_SIGNAL_ACTION_STOP)				\
		KAPI_SIGNAL_DESC("Stops the task; cannot be caught or "	\
				 "blocked")				\
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_ANYTIME)		\
	KAPI_SIGNAL_END							\
	KAPI_SIGNAL(4, SIGCONT, "SIGCONT", KAPI_SIGNAL_RECEIVE,		\
		    KAPI_SIGNAL_ACTION_CONTINUE)			\
		KAPI_SIGNAL_DESC("Continues a stopped task")		\
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_ANYTIME)		\
	KAPI_SIGNAL_END

/* Layouts of structures passed through parameters */

/* SNAME is the struct tag, not a string: epoll_event. */
#define KAPI_STRUCT_SPEC(idx, sname, sdesc)				\
	.struct_specs[idx] = {						\
		.name = #sname,						\
		.description = sdesc,

/*
 * NOTE: the framework's argument list for this macro is not known. This
 * form takes the structure's size and alignment.
 */
#define KAPI_STRUCT_SIZE(s, align)	.size = (s), .alignment = (align),
#define KAPI_STRUCT_FIELD_COUNT(n)	.field_count = (n),

#define KAPI_STRUCT_FIELD(idx, fname, ftype, ftype_name, fdesc)	\
	.fields[idx] = {						\
		.name = fname,						\
		.type = (ftype),					\
		.type_name = ftype_name,				\
		.description = fdesc,

#define KAPI_FIELD_OFFSET(off)		.offset = (off),
#define KAPI_FIELD_SIZE(s)		.size = (s),
#define KAPI_FIELD_FLAGS(f)		.flags = (f),
#define KAPI_FIELD_CONSTRAINT_RANGE(min, max)				\
		.constraint_type = KAPI_CONSTRAINT_RANGE,		\
		.min_value = (min), .max_value = (max),
#define KAPI_FIELD_CONSTRAINT_MASK(mask)				\
		.constraint_type = KAPI_CONSTRAINT_MASK,		\
		.valid_mask = (mask),
/* VALUES is a string naming the allowed values. */
#define KAPI_FIELD_CONSTRAINT_ENUM(values)				\
		.constraint_type = KAPI_CONSTRAINT_ENUM,		\
		.enum_values = values,
#define KAPI_STRUCT_FIELD_END		},

#define KAPI_STRUCT_SPEC_END		},
#define KAPI_STRUCT_SPEC_COUNT(n)	.struct_spec_count = (n),

/* Side effects */

/*
 * Opens side_effects[IDX]. reversible stays false unless
 * KAPI_EFFECT_REVERSIBLE follows.
 */
#define KAPI_SIDE_EFFECT(idx, etype, etarget, edesc)			\
	.side_effects[idx] = {						\
		.type = (etype),					\
		.target = etarget,					\
		.description = edesc,

#define KAPI_EFFECT_CONDITION(cond)	.condition = cond,
#define KAPI_EFFECT_REVERSIBLE		.reversible = true,
#define KAPI_SIDE_EFFECT_END		},
#define KAPI_SIDE_EFFECT_COUNT(n)	.side_effect_count = (n),

/* State transitions */

#define KAPI_STATE_TRANS(idx, tobject, tfrom, tto, tdesc)		\
	.state_transitions[idx] = {					\
		.object = tobject,					\
		.from_state = tfrom,					\
		.to_state = tto,					\
		.description = tdesc,

#define KAPI_STATE_TRANS_COND(cond)	.condition = cond,
#define KAPI_STATE_TRANS_END		},
#define KAPI_STATE_TRANS_COUNT(n)	.state_trans_count = (n),

/* Capabilities */

#define KAPI_CAPABILITY(idx, cap, cname, act)				\
	.capabilities[idx] = {						\
		.capability = (cap),					\
		.cap_name = cname,					\
		.action = (act),

#define KAPI_CAP_ALLOWS(s)		.allows = s,
#define KAPI_CAP_WITHOUT(s)		.without_cap = s,
#define KAPI_CAP_CONDITION(s)		.check_condition = s,
#define KAPI_CAP_PRIORITY(p)		.priority = (p),
/*
 * CAPS is a brace list of CAP_* numbers: { CAP_SYS_ADMIN }. A list with
 * more than one entry has commas, so it must reach this macro through
 * another macro that expands to the list.
 */
#define KAPI_CAP_ALTERNATIVE(caps, n)					\
		.alternative = caps,					\
		.alternative_count = (n),
#define KAPI_CAPABILITY_END		},
#define KAPI_CAPABILITY_COUNT(n)	.capability_count = (n),

/* Free text and life cycle */

#define KAPI_EXAMPLES(s)		.examples = s,
#define KAPI_NOTES(s)			.notes = s,
#define KAPI_DEPRECATED			.deprecated = true,
#define KAPI_REPLACEMENT(s)		.replacement = s,

/*
 * Known exceptions for kapi-check (not a framework macro). The plugin and
 * kapi-check do not report the findings of check CHECK_ID about VAL for
 * this spec, and kapi-check counts them as suppressed. TEXT, the reason,
 * is required. Example:
 *
 *	KAPI_CHECK_EXCEPTION(0, "kapi-errno-undeclared", "EAGAIN",
 *			     "mlock_fixup() never returns it for a plain mlock")
 */
#define KAPI_CHECK_EXCEPTION(i, check_id, val, text)			\
	.check_exceptions[i] = {					\
		.check = check_id,					\
		.value = val,						\
		.reason = text,						\
	},

#endif /* _LINUX_KERNEL_API_SPEC_H */
