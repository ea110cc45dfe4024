// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runner self-test: the unit has no spec, so the plugin reports nothing,
 * and the expected warning below is missing. The runner must fail.
 * runner-must-report: -  *[0-9]+  warning \[kapi-errno-undeclared\] "can return -EFAULT"
 */
#include <linux/errno.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE1(no_spec, int, arg)
{
	if (arg < 0)
		return -EFAULT;	/* expect-warning: kapi-errno-undeclared "can return -EFAULT" */
	return 0;
}
