// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runner self-test: the warning is expected one line above the line that
 * produces it. The runner must fail.
 * runner-must-report: -  *[0-9]+  warning \[kapi-errno-undeclared\] "'sys_off_by_one' can return -EFAULT
 */
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/syscall_api_spec.h>

DEFINE_KERNEL_API_SPEC(sys_off_by_one)	/* expect-note: kapi-errno-undeclared "spec 'sys_off_by_one' is defined here" */
	KAPI_DESCRIPTION("A spec without EFAULT")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Invalid argument", "ARG is zero.")
	KAPI_ERROR_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE1(off_by_one, int, arg)
{
	if (arg == 0)
		return -EINVAL;
	if (arg < 0)	/* expect-warning: kapi-errno-undeclared "'sys_off_by_one' can return -EFAULT" */
		return -EFAULT;
	return 0;
}
