// SPDX-License-Identifier: GPL-2.0-only
/*
 * A capability type that is none of the known actions.
 *
 * kerneldoc-expect-error: 13: invalid value 'sometimes' for 'type:', expected bypass_check
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 * capability: CAP_SYS_NICE
 *   type: sometimes
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
