// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runner self-test: the warning is expected on the right line, but with
 * the wrong errno in its text. The runner must fail.
 * runner-must-report: -  *[0-9]+  warning \[kapi-errno-undeclared\] "'sys_wrong_code' can return -EIO"
 */
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/syscall_api_spec.h>

DEFINE_KERNEL_API_SPEC(sys_wrong_code)	/* expect-note: kapi-errno-undeclared "spec 'sys_wrong_code' is defined here" */
	KAPI_DESCRIPTION("A spec without EFAULT")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Invalid argument", "ARG is zero.")
	KAPI_ERROR_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE1(wrong_code, int, arg)
{
	if (arg == 0)
		return -EINVAL;
	if (arg < 0)
		return -EFAULT;	/* expect-warning: kapi-errno-undeclared "'sys_wrong_code' can return -EIO" */
	return 0;
}
