// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kerneldoc side of the round trip: a spec written as kerneldoc tags
 * above SYSCALL_DEFINE2. "kapi-check kerneldoc" turns it into macros that
 * must compile to the same spec facts, findings and audit table as the
 * hand-written macros of roundtrip-macro.c, which share this code.
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/syscalls.h>

static struct mutex pool_mutex;
static unsigned long pool_pages;

extern int pool_alloc(unsigned long pages);

/**
 * sys_pool_grow - grow the page pool
 * @pages: pages to add
 * @flags: must be 0
 *
 * contexts: process, sleepable
 * long-desc: Adds PAGES pages to the pool, waiting for the pool lock
 *   with a killable sleep.
 *
 * param: pages
 *   type: uint, input
 *   constraint-type: range(1, 4096)
 *   cdesc: between 1 and 4096
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(0)
 *
 * return:
 *   type: int
 *   check-type: error_check
 *   success: 0
 *   desc: 0 on success, a negative error code on failure
 *
 * error: EINVAL, Invalid argument
 *   desc: PAGES is 0 or FLAGS is not 0.
 * error: EINTR, Killed
 *   desc: A fatal signal ended the wait for the pool lock.
 * error: ENOMEM, Out of memory
 *   desc: The pages could not be allocated.
 *
 * lock: pool_mutex
 *   type: mutex
 *   acquired: true
 *   released: true
 *   desc: Acquired and released around the allocation
 *
 * signal: FATAL
 *   direction: receive
 *   action: return
 *   errno: -EINTR
 *   condition: A fatal signal arrives during the wait
 *
 * capability: CAP_IPC_LOCK
 *   type: bypass_check
 *   allows: Grow past the pool limit
 *   without: The pool stays below its limit
 *
 * side-effect: alloc_memory | modify_state
 *   target: the page pool
 *   desc: The pool grows by PAGES pages.
 *   reversible: yes
 *
 * state-trans: page pool
 *   from: N pages
 *   to: N + PAGES pages
 *   desc: The pool grows.
 *
 * constraint: pool limit
 *   desc: The pool never grows past its limit without CAP_IPC_LOCK.
 *   expr: pool_pages + pages <= 4096 || capable(CAP_IPC_LOCK)
 *
 * Return: 0 on success, a negative error code on failure.
 */
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
