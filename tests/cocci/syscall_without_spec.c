// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/spec/syscall_without_spec.cocci: the lines marked
 * "reported" must be reported, nothing else. The spec below only needs to
 * be seen as text; it is not a complete spec.
 */
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/syscall_api_spec.h>

DEFINE_KERNEL_API_SPEC(sys_ok_specified)
	KAPI_DESCRIPTION("A syscall with a spec")
	KAPI_ERROR_COUNT(0)
KAPI_END_SPEC;

SYSCALL_DEFINE1(ok_specified, int, x)
{
	return x ? -EINVAL : 0;
}

SYSCALL_DEFINE2(hit_two_args, int, x, int, y)	/* reported */
{
	return x + y;
}

SYSCALL_DEFINE0(hit_no_args)	/* reported */
{
	return -ENOSYS;
}

/* Not a syscall: helpers need no spec. */
static int ok_helper(int x)
{
	return x;
}

DEFINE_KERNEL_API_SPEC(sys_ok_spec_after)
	KAPI_DESCRIPTION("A spec placed after its syscall still counts")
KAPI_END_SPEC;

SYSCALL_DEFINE1(ok_spec_after, int, x)
{
	return ok_helper(x);
}
