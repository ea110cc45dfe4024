// SPDX-License-Identifier: GPL-2.0-only
/*
 * GCC's own -Werror (CONFIG_WERROR in a kernel build) must not turn a
 * finding into an error: the warning stays a warning and GCC exits with 0.
 * kapi-test-flags: -Werror
 * kapi-test-exit: 0
 */
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/syscall_api_spec.h>

DEFINE_KERNEL_API_SPEC(sys_gcc_werror)	/* expect-note: kapi-errno-undeclared "spec 'sys_gcc_werror' is defined here" */
	KAPI_DESCRIPTION("A spec without EFAULT")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Invalid argument", "ARG is zero.")
	KAPI_ERROR_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE1(gcc_werror, int, arg)
{
	if (arg == 0)
		return -EINVAL;
	if (arg < 0)
		return -EFAULT;	/* expect-warning: kapi-errno-undeclared "'sys_gcc_werror' can return -EFAULT, which its spec does not declare" */
	return 0;
}
