/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Integer limits for test fixtures, taken from the compiler's predefined
 * macros so that no C library header is needed. Each one is defined only
 * when a host header has not defined it already.
 */
#ifndef _LINUX_LIMITS_H
#define _LINUX_LIMITS_H

#ifndef INT_MAX
#define INT_MAX		__INT_MAX__
#endif
#ifndef INT_MIN
#define INT_MIN		(-INT_MAX - 1)
#endif
#ifndef UINT_MAX
#define UINT_MAX	(INT_MAX * 2U + 1U)
#endif
#ifndef LONG_MAX
#define LONG_MAX	__LONG_MAX__
#endif
#ifndef LONG_MIN
#define LONG_MIN	(-LONG_MAX - 1L)
#endif
#ifndef ULONG_MAX
#define ULONG_MAX	(LONG_MAX * 2UL + 1UL)
#endif
#ifndef SIZE_MAX
#define SIZE_MAX	__SIZE_MAX__
#endif

#endif /* _LINUX_LIMITS_H */
