// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lock flag that is not a boolean.
 *
 * kerneldoc-expect-error: 13: invalid value 'sometimes' for 'released:', expected true, yes, false, no or conditional
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 * lock: nap_lock
 *   released: sometimes
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
