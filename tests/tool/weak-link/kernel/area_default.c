// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic default of an architecture hook, as kernel/ and mm/ define
 * many: __weak, so that an architecture's strong definition replaces it
 * at link time.
 */
#include <linux/compiler.h>
#include <linux/errno.h>

int __weak arch_area_check(unsigned long len)
{
	return -ENOSYS;
}
