// SPDX-License-Identifier: GPL-2.0-only
/*
 * A misspelt tag in a comment that has other API-spec tags.
 *
 * kerneldoc-expect-error: 12: unknown API-spec tag 'eror:'
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process, sleepable
 * eror: EINTR, Interrupted
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
