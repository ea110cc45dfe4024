// SPDX-License-Identifier: GPL-2.0-only
/*
 * The plugin argument werror turns each finding into an error, so GCC
 * exits with 1; the notes stay notes.
 * kapi-test-flags: -fplugin-arg-kapi_check-werror
 * kapi-test-exit: 1
 */
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/syscall_api_spec.h>

DEFINE_KERNEL_API_SPEC(sys_plugin_werror)	/* expect-note: kapi-errno-undeclared "spec 'sys_plugin_werror' is defined here" */
	KAPI_DESCRIPTION("A spec without EFAULT")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Invalid argument", "ARG is zero.")
	KAPI_ERROR_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE1(plugin_werror, int, arg)
{
	if (arg == 0)
		return -EINVAL;
	if (arg < 0)
		return -EFAULT;	/* expect-error: kapi-errno-undeclared "'sys_plugin_werror' can return -EFAULT, which its spec does not declare" */
	return 0;
}
