// SPDX-License-Identifier: GPL-2.0-only
/*
 * The syscall unit: sys_area_map returns what arch_area_check() returns.
 * The generic default of that hook (kernel/area_default.c) is __weak and
 * returns -ENOSYS. The architecture's strong one (arch/demo/area.c)
 * returns -E2BIG. The linked kernel runs the strong one, so only -E2BIG
 * is an undeclared errno of this syscall. The "extern inline" helper of
 * area_flags.h is used here and in arch/demo/area.c without being a
 * duplicate definition.
 */
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/syscall_api_spec.h>

#include "../area_flags.h"

extern int arch_area_check(unsigned long len);
extern int area_insert(unsigned long start, unsigned long len);

DEFINE_KERNEL_API_SPEC(sys_area_map)
	KAPI_DESCRIPTION("Map an area")
	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_ERROR(0, -EINVAL, "EINVAL", "The range is invalid",
		   "start is not page aligned.")
	KAPI_ERROR(1, -ENOMEM, "ENOMEM", "Out of memory",
		   "The area could not be inserted.")
	KAPI_ERROR_COUNT(2)
KAPI_END_SPEC;

SYSCALL_DEFINE3(area_map, unsigned long, start, unsigned long, len,
		unsigned long, flags)
{
	int err;

	if (start & 4095)
		return -EINVAL;
	err = area_flags_valid(flags);
	if (err)
		return err;
	err = arch_area_check(len);
	if (err)
		return err;
	if (area_insert(start, len))
		return -ENOMEM;
	return 0;
}
