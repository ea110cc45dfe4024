// SPDX-License-Identifier: GPL-2.0-only
/*
 * A param tag that names no argument of the syscall.
 *
 * kerneldoc-expect-error: 13: 'param: length' names no argument of SYSCALL_DEFINE1(nap) on line 16
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 * @len: nap length
 * param: length
 *   type: uint, input
 */
SYSCALL_DEFINE1(nap, unsigned int, len)
{
	return 0;
}
