// SPDX-License-Identifier: GPL-2.0-only
/*
 * The capability checks on one source, compiled against each layout of
 * struct kernel_api_spec that has capability entries (all but RFC v1):
 * every layout must give exactly these findings.
 *
 * sys_table_limit declares CAP_SYS_ADMIN, which its body checks, and
 * CAP_SYS_NICE, which no path checks. Its helper checks CAP_SYS_RESOURCE,
 * which the spec does not declare.
 *
 * kapi-test-flags: -fplugin-arg-kapi_check-verbose
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>

static unsigned int table_limit = 64;

static int raise_table_limit(unsigned int limit)
{
	if (limit > table_limit && !capable(CAP_SYS_RESOURCE))	/* expect-warning: kapi-cap-undeclared "'sys_table_limit' checks CAP_SYS_RESOURCE through 'capable', which its spec does not declare" */
		return -EPERM;
	table_limit = limit;
	return 0;
}

DEFINE_KERNEL_API_SPEC(sys_table_limit)	/* expect-note: kapi-cap-undeclared "spec 'sys_table_limit' is defined here" expect-warning: kapi-cap-unchecked "CAP_SYS_NICE" */
	KAPI_DESCRIPTION("Set the size limit of the table")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EPERM, "EPERM", "Not privileged", "The caller lacks a capability the change needs.")
	KAPI_ERROR_COUNT(1)
	KAPI_CAPABILITY(0, CAP_SYS_ADMIN, "CAP_SYS_ADMIN", KAPI_CAP_GRANT_PERMISSION)
		KAPI_CAP_ALLOWS("Change the limit of the shared table")
	KAPI_CAPABILITY_END
	KAPI_CAPABILITY(1, CAP_SYS_NICE, "CAP_SYS_NICE", KAPI_CAP_BYPASS_CHECK)
		KAPI_CAP_ALLOWS("Nothing this syscall checks")
	KAPI_CAPABILITY_END
	KAPI_CAPABILITY_COUNT(2)
KAPI_END_SPEC;

SYSCALL_DEFINE2(table_limit, int, shared, unsigned int, limit)
{
	if (shared && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	return raise_table_limit(limit);	/* expect-note: kapi-cap-undeclared "through the call to 'raise_table_limit' here" */
}
