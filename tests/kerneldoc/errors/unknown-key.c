// SPDX-License-Identifier: GPL-2.0-only
/*
 * A misspelt key under a lock tag.
 *
 * kerneldoc-expect-error: 14: unknown key 'aquired:' under the tag 'lock:' (line 12)
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 * lock: nap_lock
 *   type: mutex
 *   aquired: true
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
