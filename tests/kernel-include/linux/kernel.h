/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A few general helpers of the kernel's <linux/kernel.h>, for test fixtures.
 * min() and max() evaluate their arguments twice and do not check that both
 * have the same type, unlike the kernel's.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/types.h>

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

#define min(x, y)	((x) < (y) ? (x) : (y))
#define max(x, y)	((x) > (y) ? (x) : (y))

/* Logging is compiled out: fixtures are analysed, never run. */
#define pr_err(fmt, ...)	do { } while (0)
#define pr_warn(fmt, ...)	do { } while (0)
#define pr_info(fmt, ...)	do { } while (0)
#define pr_debug(fmt, ...)	do { } while (0)

#endif /* _LINUX_KERNEL_H */
