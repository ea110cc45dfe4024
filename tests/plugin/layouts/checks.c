// SPDX-License-Identifier: GPL-2.0-only
/*
 * The errno, lock, signal and spec checks on one source, compiled against
 * each layout of struct kernel_api_spec under tests/layouts: every layout
 * must give exactly these findings. The specs use only what every posted
 * version has (no capabilities: RFC v1 has none, see caps.c).
 *
 *  - sys_table_grow: returns -EPERM, which its spec does not declare, and
 *    leaves table_mutex held on the path that jumps past the unlock. Its
 *    killable wait is covered by the signal entry that gives -EINTR.
 *  - sys_table_take: acquires table_mutex and keeps it, as its spec says.
 *  - sys_table_drop: releases the caller's table_mutex, as its spec says.
 *  - sys_table_wait: signal_count says 1 but two entries are written.
 *
 * kapi-test-flags: -fplugin-arg-kapi_check-verbose
 */
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>

struct table {
	struct mutex table_mutex;
	unsigned long size;
	int frozen;
};

static struct table the_table;

extern int table_resize(struct table *t, unsigned long size);

DEFINE_KERNEL_API_SPEC(sys_table_grow)	/* expect-note: kapi-errno-undeclared "spec 'sys_table_grow' is defined here" */
	KAPI_DESCRIPTION("Grow the table")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_PARAM(0, "size", "unsigned long", "The new size")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END
	KAPI_PARAM_COUNT(1)
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Shrinking", "SIZE is below the current size.")
	KAPI_ERROR(1, -EINTR, "EINTR", "Killed", "A fatal signal ended the wait for the lock.")
	KAPI_ERROR(2, -ENOMEM, "ENOMEM", "Out of memory", "The table could not grow.")
	KAPI_ERROR_COUNT(3)
	KAPI_LOCK(0, "table_mutex", KAPI_LOCK_MUTEX)
		KAPI_LOCK_DESC("Taken and dropped around the resize")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)
	KAPI_SIGNAL(0, 0, "FATAL", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_CONDITION("A fatal signal arrives while waiting for the lock")
		KAPI_SIGNAL_ERROR(-EINTR)
	KAPI_SIGNAL_END
	KAPI_SIGNAL_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE1(table_grow, unsigned long, size)
{
	int err;

	if (size < the_table.size)	/* expect-note: kapi-lock-imbalance "on this path, the condition here is false" */
		return -EINVAL;
	if (mutex_lock_killable(&the_table.table_mutex))	/* expect-note: kapi-lock-imbalance "'table_mutex' acquired here by 'mutex_lock_killable'" expect-note: kapi-lock-imbalance "on this path, the condition here is false" */
		return -EINTR;
	if (the_table.frozen)	/* expect-note: kapi-lock-imbalance "on this path, the condition here is true" */
		return -EPERM;	/* expect-warning: kapi-errno-undeclared "'sys_table_grow' can return -EPERM, which its spec does not declare" expect-warning: kapi-lock-imbalance "'sys_table_grow' returns with 'table_mutex' still held" */
	err = table_resize(&the_table, size) ? -ENOMEM : 0;
	mutex_unlock(&the_table.table_mutex);
	return err;
}

DEFINE_KERNEL_API_SPEC(sys_table_take)
	KAPI_DESCRIPTION("Lock the table for the caller")
	KAPI_RETURN("long", "the table size")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_RANGE)
		KAPI_RETURN_SUCCESS_RANGE(0, LONG_MAX)
	KAPI_RETURN_END
	KAPI_LOCK(0, "table_mutex", KAPI_LOCK_MUTEX)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_DESC("Held on return")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE0(table_take)
{
	mutex_lock(&the_table.table_mutex);
	return (long)(the_table.size & 0xffff);
}

DEFINE_KERNEL_API_SPEC(sys_table_drop)
	KAPI_DESCRIPTION("Unlock the table the caller locked")
	KAPI_RETURN("long", "0")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_EXACT)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_LOCK(0, "table_mutex", KAPI_LOCK_MUTEX)
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Held by the caller on entry")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE0(table_drop)
{
	mutex_unlock(&the_table.table_mutex);
	return 0;
}

DEFINE_KERNEL_API_SPEC(sys_table_wait)	/* expect-warning: kapi-spec-malformed "spec 'sys_table_wait': signal_count is 1 but 2 signal entries are initialized, so readers of the spec see only the first 1; kapi-check checks every entry" */
	KAPI_DESCRIPTION("Wait until the table is unfrozen")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EINTR, "EINTR", "Interrupted", "A signal ended the wait.")
	KAPI_ERROR_COUNT(1)
	KAPI_LOCK(0, "table_mutex", KAPI_LOCK_MUTEX)
		KAPI_LOCK_DESC("Taken and dropped")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)
	KAPI_SIGNAL(0, 0, "Any signal", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_ERROR(-EINTR)
		KAPI_SIGNAL_INTERRUPTIBLE
	KAPI_SIGNAL_END
	KAPI_SIGNAL(1, 0, "FATAL", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_ERROR(-EINTR)
	KAPI_SIGNAL_END
	KAPI_SIGNAL_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE0(table_wait)
{
	if (mutex_lock_interruptible(&the_table.table_mutex))
		return -EINTR;
	mutex_unlock(&the_table.table_mutex);
	return 0;
}
