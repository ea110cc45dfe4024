// SPDX-License-Identifier: GPL-2.0-only
/*
 * The spec unit of RFC v3 to v5: the generator writes the specs of all
 * syscalls into this one file, apart from the syscalls. Compiled against
 * the RFC v3 layout (tests/layouts/rfc-v3).
 *
 *  - sys_pool_grow: its body is in mm/pool.c, which kapi-check joins to.
 *  - sys_pool_gone: no unit defines its body.
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/kernel_api_spec.h>

DEFINE_KERNEL_API_SPEC(sys_pool_grow)
	KAPI_DESCRIPTION("Grow the page pool")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_PARAM(0, "pages", "unsigned long", "Pages to add")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END
	KAPI_PARAM(1, "flags", "unsigned int", "Must be 0")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END
	KAPI_PARAM_COUNT(2)
	KAPI_ERROR(0, -EINVAL, "EINVAL", "Bad flags", "FLAGS is not 0.")
	KAPI_ERROR(1, -ENOMEM, "ENOMEM", "Out of memory", "The pool could not grow.")
	KAPI_ERROR_COUNT(2)
	KAPI_CAPABILITY(0, CAP_IPC_LOCK, "CAP_IPC_LOCK", KAPI_CAP_BYPASS_CHECK)
		KAPI_CAP_ALLOWS("Grow past the pool limit")
	KAPI_CAPABILITY_END
	KAPI_CAPABILITY_COUNT(1)
KAPI_END_SPEC;

DEFINE_KERNEL_API_SPEC(sys_pool_gone)
	KAPI_DESCRIPTION("A syscall that no unit defines")
	KAPI_RETURN("long", "0")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_EXACT)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
KAPI_END_SPEC;
