// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runner self-test: a note expectation with "+" needs at least one match, and
 * this clean syscall has none. The runner must fail.
 * runner-must-report: -  *[0-9]+  note\+ \[kapi-errno-undeclared\] "through the call to"
 */
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/syscall_api_spec.h>

extern bool ready(void);

static int check_ready(void)
{
	return ready() ? 0 : -EAGAIN;
}

DEFINE_KERNEL_API_SPEC(sys_all_fine)
	KAPI_DESCRIPTION("A spec that matches its code")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EAGAIN, "EAGAIN", "Not ready", "Try again later.")
	KAPI_ERROR_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE0(all_fine)
{
	return check_ready();	/* expect-note+: kapi-errno-undeclared "through the call to" */
}
