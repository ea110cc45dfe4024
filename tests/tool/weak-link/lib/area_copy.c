// SPDX-License-Identifier: GPL-2.0-only
/*
 * A second strong definition of the hook, as a module or an object of
 * another configuration could contain. Objects of one link never have
 * two, so kapi-check prints a note when its inputs do.
 */
#include <linux/errno.h>

int arch_area_check(unsigned long len)
{
	return len ? -EFBIG : 0;
}
