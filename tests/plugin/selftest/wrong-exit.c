// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runner self-test: the unit compiles cleanly, but the fixture expects GCC
 * to exit with status 1. The runner must fail.
 * kapi-test-exit: 1
 * runner-must-report: exit status: expected 1, got 0
 */
#include <linux/errno.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE1(clean, int, arg)
{
	return arg < 0 ? -EINVAL : 0;
}
