// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic default of an architecture hook, as kernel/ and mm/ define
 * many: __weak, so that an architecture's strong definition replaces it
 * at link time. With AREA_DEFAULT_STRONG it is strong, as in a second
 * build folder of another configuration.
 */
#include <linux/compiler.h>
#include <linux/errno.h>

#ifdef AREA_DEFAULT_STRONG
#undef __weak
#define __weak
#endif

int __weak arch_area_check(unsigned long len)
{
	return -ENOSYS;
}
