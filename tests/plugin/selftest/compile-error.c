// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runner self-test: the unit has a C error that no error expectation covers, and
 * GCC exits with 1 where 0 is expected. The runner must fail.
 * runner-must-report: \+  *[0-9]+  selftest/compile-error\.c:[0-9]+:[0-9]+: error: 
 */
#include <linux/errno.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE1(broken, int, arg)
{
	return undeclared_identifier + arg;
}
