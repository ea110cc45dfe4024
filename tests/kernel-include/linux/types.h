/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel integer types for test fixtures, sized as on x86-64. They come
 * from the compiler's own <stddef.h> and <stdbool.h>, never from the C
 * library's headers, as in the kernel.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#include <linux/compiler.h>

typedef unsigned char		u8;
typedef signed char		s8;
typedef unsigned short		u16;
typedef short			s16;
typedef unsigned int		u32;
typedef int			s32;
typedef unsigned long long	u64;
typedef long long		s64;

typedef long			ssize_t;
typedef unsigned short		umode_t;
typedef long long		loff_t;

#endif /* _LINUX_TYPES_H */
