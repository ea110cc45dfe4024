/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An "extern inline" helper, as <asm/irqflags.h> defines native_save_fl():
 * with gnu_inline, every unit that includes this header carries the body
 * for inlining, and none emits it. It is not a global definition, so two
 * units that use it are not two definitions of one name.
 */
#ifndef AREA_FLAGS_H
#define AREA_FLAGS_H

#include <linux/compiler.h>
#include <linux/errno.h>

extern __always_inline __attribute__((__gnu_inline__))
int area_flags_valid(unsigned long flags)
{
	return flags & ~1UL ? -EINVAL : 0;
}

#endif /* AREA_FLAGS_H */
