// SPDX-License-Identifier: GPL-2.0-only
/*
 * A range constraint whose parentheses do not close.
 *
 * kerneldoc-expect-error: 14: invalid value 'range(1, 4' for 'constraint-type:'
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 * @len: nap length
 * param: len
 *   constraint-type: range(1, 4
 */
SYSCALL_DEFINE1(nap, unsigned int, len)
{
	return 0;
}
