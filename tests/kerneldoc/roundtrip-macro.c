// SPDX-License-Identifier: GPL-2.0-only
/*
 * The macro side of the round trip: the spec of roundtrip-kdoc.c written
 * by hand as the RFC v2 macros it should become, above the same code.
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>

static struct mutex pool_mutex;
static unsigned long pool_pages;

extern int pool_alloc(unsigned long pages);

DEFINE_KERNEL_API_SPEC(sys_pool_grow)
	KAPI_DESCRIPTION("grow the page pool")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)
	KAPI_LONG_DESC("Adds PAGES pages to the pool, waiting for the pool lock with a killable sleep.")
	KAPI_PARAM(0, "pages", "unsigned long", "pages to add")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(1, 4096)
		KAPI_PARAM_CONSTRAINT("between 1 and 4096")
	KAPI_PARAM_END
	KAPI_PARAM(1, "flags", "unsigned int", "must be 0")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
		KAPI_PARAM_VALID_MASK(0)
	KAPI_PARAM_END
	KAPI_RETURN("long", "0 on success, a negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Invalid argument", "PAGES is 0 or FLAGS is not 0.")
	KAPI_ERROR(1, -EINTR, "EINTR", "Killed", "A fatal signal ended the wait for the pool lock.")
	KAPI_ERROR(2, -ENOMEM, "ENOMEM", "Out of memory", "The pages could not be allocated.")
	KAPI_LOCK(0, "pool_mutex", KAPI_LOCK_MUTEX)
		KAPI_LOCK_DESC("Acquired and released around the allocation")
	KAPI_LOCK_END
	KAPI_SIGNAL(0, 0, "FATAL", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_ERROR(-EINTR)
		KAPI_SIGNAL_CONDITION("A fatal signal arrives during the wait")
	KAPI_SIGNAL_END
	KAPI_CAPABILITY(0, CAP_IPC_LOCK, "CAP_IPC_LOCK", KAPI_CAP_BYPASS_CHECK)
		KAPI_CAP_ALLOWS("Grow past the pool limit")
		KAPI_CAP_WITHOUT("The pool stays below its limit")
	KAPI_CAPABILITY_END
	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_ALLOC_MEMORY | KAPI_EFFECT_MODIFY_STATE, "the page pool", "The pool grows by PAGES pages.")
		KAPI_EFFECT_REVERSIBLE
	KAPI_SIDE_EFFECT_END
	KAPI_STATE_TRANS(0, "page pool", "N pages", "N + PAGES pages", "The pool grows.")
	KAPI_STATE_TRANS_END
	KAPI_CONSTRAINT(0, "pool limit", "The pool never grows past its limit without CAP_IPC_LOCK.")
		KAPI_CONSTRAINT_EXPR("pool_pages + pages <= 4096 || capable(CAP_IPC_LOCK)")
	KAPI_CONSTRAINT_END
	KAPI_PARAM_COUNT(2)
	KAPI_ERROR_COUNT(3)
	KAPI_LOCK_COUNT(1)
	KAPI_SIGNAL_COUNT(1)
	KAPI_CAPABILITY_COUNT(1)
	KAPI_SIDE_EFFECT_COUNT(1)
	KAPI_STATE_TRANS_COUNT(1)
	KAPI_CONSTRAINT_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE2(pool_grow, unsigned long, pages,
		unsigned int, flags)
{
	int err = 0;

	if (!pages || flags)
		return -EINVAL;
	if (pool_pages + pages > 4096 && !capable(CAP_IPC_LOCK))
		return -EPERM;
	if (mutex_lock_killable(&pool_mutex))
		return -EINTR;
	if (pool_alloc(pages))
		err = -ENOMEM;
	else
		pool_pages += pages;
	mutex_unlock(&pool_mutex);
	return err;
}
