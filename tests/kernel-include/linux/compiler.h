/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compiler annotations of the kernel, for test fixtures compiled by the host
 * gcc or checked by sparse. Under sparse (__CHECKER__), __user and __force
 * carry sparse's address-space attributes as in the kernel, so sparse
 * reports user pointers that a fixture dereferences.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#ifdef __CHECKER__
#define __user		__attribute__((noderef, address_space(1)))
#define __force		__attribute__((force))
#else
#define __user
#define __force
#endif

#define __must_check	__attribute__((__warn_unused_result__))
#define __used		__attribute__((__used__))
#define __maybe_unused	__attribute__((__unused__))
#define __section(s)	__attribute__((__section__(s)))
/* glibc's <sys/cdefs.h> defines this too, after an #undef; do the same. */
#undef __always_inline
#define __always_inline	inline __attribute__((__always_inline__))
#define noinline	__attribute__((__noinline__))
#define __cold		__attribute__((__cold__))
#define __weak		__attribute__((__weak__))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#endif /* _LINUX_COMPILER_H */
