/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Error pointers for test fixtures: a pointer whose value lies in the top
 * MAX_ERRNO bytes of the address space carries a negative errno instead of
 * an address, as in the kernel.
 */
#ifndef _LINUX_ERR_H
#define _LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/types.h>

#define MAX_ERRNO	4095

/* True if X, cast to unsigned long, is one of -1 .. -MAX_ERRNO. */
#define IS_ERR_VALUE(x)							\
	unlikely((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

/* Encodes the negative errno ERROR as a pointer. */
static inline void * __must_check ERR_PTR(long error)
{
	return (void *)error;
}

/* Decodes the negative errno carried by an error pointer. */
static inline long __must_check PTR_ERR(__force const void *ptr)
{
	return (long)ptr;
}

static inline bool __must_check IS_ERR(__force const void *ptr)
{
	return IS_ERR_VALUE(ptr);
}

static inline bool __must_check IS_ERR_OR_NULL(__force const void *ptr)
{
	if (unlikely(!ptr))
		return true;
	return IS_ERR_VALUE(ptr);
}

/* Passes an error pointer on as a pointer of another type. */
static inline void * __must_check ERR_CAST(__force const void *ptr)
{
	return (void *)(unsigned long)ptr;
}

/* Returns the errno of an error pointer, or 0 for any other pointer. */
static inline int __must_check PTR_ERR_OR_ZERO(__force const void *ptr)
{
	if (IS_ERR(ptr))
		return (int)PTR_ERR(ptr);
	return 0;
}

#endif /* _LINUX_ERR_H */
