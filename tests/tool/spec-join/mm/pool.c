// SPDX-License-Identifier: GPL-2.0-only
/*
 * The syscall unit: SYSCALL_DEFINE2(pool_grow) without a spec of its own,
 * as in RFC v3 to v5, whose spec is in kernel/api/generated_api_specs.c.
 * It returns -EPERM, which the spec does not declare, from a helper, and
 * checks CAP_SYS_RESOURCE, which the spec does not declare either.
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

#define POOL_LIMIT 4096

static unsigned long pool_pages;

extern int pool_alloc(unsigned long pages);

static int pool_check_limit(unsigned long pages)
{
	if (pool_pages + pages <= POOL_LIMIT)
		return 0;
	if (capable(CAP_IPC_LOCK) || capable(CAP_SYS_RESOURCE))
		return 0;
	return -EPERM;
}

SYSCALL_DEFINE2(pool_grow, unsigned long, pages, unsigned int, flags)
{
	int err;

	if (flags)
		return -EINVAL;
	err = pool_check_limit(pages);
	if (err)
		return err;
	if (pool_alloc(pages))
		return -ENOMEM;
	pool_pages += pages;
	return 0;
}
