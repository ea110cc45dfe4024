// SPDX-License-Identifier: GPL-2.0-only
/*
 * A context that is none of the known ones.
 *
 * kerneldoc-expect-error: 11: invalid value 'process, userspace' for 'contexts:'
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process, userspace
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
