// SPDX-License-Identifier: GPL-2.0-only
/*
 * A misspelt tag in a comment that has other API-spec tags.
 *
 * kerneldoc-expect-error: 11: unknown API-spec tag 'contxts:'
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contxts: process, sleepable
 * error: EINTR, Interrupted
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
