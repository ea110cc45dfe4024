// SPDX-License-Identifier: GPL-2.0-only
/*
 * An error tag whose name is not an errno name.
 *
 * kerneldoc-expect-error: 12: invalid value 'NOMEM, Out of memory' for 'error:', expected an errno name and a summary
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 * error: NOMEM, Out of memory
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
