// SPDX-License-Identifier: GPL-2.0-only
/*
 * A misspelt key under a lock tag.
 *
 * kerneldoc-expect-error: 13: unknown key 'aquired:' under the tag 'lock:' (line 11)
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * lock: nap_lock
 *   type: mutex
 *   aquired: true
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
