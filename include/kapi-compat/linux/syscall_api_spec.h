/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * syscall_api_spec.h - shorthand KAPI spec entries for syscalls, for kernel
 * trees that lack the Kernel API Specification framework
 *
 * Syscall files include this header, as they do in the framework's RFC v2
 * (June 2025). It includes <linux/kernel_api_spec.h>, which contains the
 * spec language and struct kernel_api_spec with the framework's member
 * names. The framework defines KAPI_ERROR_COUNT, KAPI_PARAM_COUNT,
 * KAPI_SINCE_VERSION and KAPI_SIGNAL_MASK_COUNT in this header. Here they
 * are defined with the other count macros in <linux/kernel_api_spec.h>.
 *
 * The framework's argument lists for the helpers below are not known, so
 * these are this project's. Each helper that names a parameter or error
 * writes one complete entry, *_END included.
 */
#ifndef _LINUX_SYSCALL_API_SPEC_H
#define _LINUX_SYSCALL_API_SPEC_H

#include <linux/errno.h>
#include <linux/kernel_api_spec.h>

/* Context flags for a syscall that may sleep and for one that never sleeps. */
#define KAPI_SYSCALL_SLEEPABLE						\
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)
#define KAPI_SYSCALL_ATOMIC						\
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_ATOMIC)

/* params[IDX]: an input file descriptor named "fd", 0 to INT_MAX. */
#define KAPI_PARAM_FD(idx, pdesc)					\
	KAPI_PARAM(idx, "fd", "int", pdesc)				\
		KAPI_PARAM_TYPE(KAPI_TYPE_FD)				\
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)				\
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)	\
		KAPI_PARAM_RANGE(0, INT_MAX)				\
	KAPI_PARAM_END

/*
 * params[IDX]: a user-space buffer whose length in bytes is parameter
 * SIZE_IDX (0-based). DIR is KAPI_PARAM_IN, KAPI_PARAM_OUT or
 * KAPI_PARAM_INOUT.
 */
#define KAPI_PARAM_USER_BUF(idx, pname, dir, size_idx, pdesc)		\
	.params[idx] = {						\
		.name = pname,						\
		.type_name = "void __user *",				\
		.description = pdesc,					\
		.type = KAPI_TYPE_USER_PTR,				\
		.flags = (dir) | KAPI_PARAM_USER_PTR,			\
		.size_param_idx = (size_idx),				\
		.size_multiplier = 1,					\
	},

/*
 * params[IDX]: a user-space pointer to one STYPE, written as a type:
 * struct epoll_event. DIR is as for KAPI_PARAM_USER_BUF().
 */
#define KAPI_PARAM_USER_STRUCT(idx, pname, stype, dir, pdesc)		\
	KAPI_PARAM(idx, pname, #stype " __user *", pdesc)		\
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)			\
		KAPI_PARAM_FLAGS((dir) | KAPI_PARAM_USER_PTR)		\
		KAPI_PARAM_SIZE(sizeof(stype))				\
		.alignment = __alignof__(stype),			\
	KAPI_PARAM_END

/* params[IDX]: an input size_t count, with no constraint. */
#define KAPI_PARAM_SIZE_T(idx, pname, pdesc)				\
	KAPI_PARAM(idx, pname, "size_t", pdesc)				\
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)				\
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)				\
		KAPI_PARAM_SIZE(sizeof(size_t))				\
	KAPI_PARAM_END

/* errors[IDX] for common codes. COND is when the syscall returns the code. */
#define KAPI_ERROR_EBADF(idx, cond)					\
	KAPI_ERROR(idx, -EBADF, "EBADF", cond,				\
		   "The file descriptor is not open or not valid for "	\
		   "this operation.")
#define KAPI_ERROR_EINVAL(idx, cond)					\
	KAPI_ERROR(idx, -EINVAL, "EINVAL", cond,			\
		   "An argument is invalid.")
#define KAPI_ERROR_ENOMEM(idx, cond)					\
	KAPI_ERROR(idx, -ENOMEM, "ENOMEM", cond,			\
		   "The kernel could not allocate memory.")
#define KAPI_ERROR_EPERM(idx, cond)					\
	KAPI_ERROR(idx, -EPERM, "EPERM", cond,				\
		   "The caller lacks the privilege.")
#define KAPI_ERROR_EFAULT(idx, cond)					\
	KAPI_ERROR(idx, -EFAULT, "EFAULT", cond,			\
		   "A user-space address is not accessible.")

/*
 * Success rules, used inside KAPI_RETURN() ... KAPI_RETURN_END in place of
 * KAPI_RETURN_CHECK_TYPE() and KAPI_RETURN_SUCCESS*(). The framework's
 * versions pass two arguments to the one-argument KAPI_RETURN_SUCCESS()
 * and cannot compile.
 */
/* Success is exactly 0. */
#define KAPI_RETURN_SUCCESS_ZERO					\
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_EXACT)		\
		KAPI_RETURN_SUCCESS(0)
/* Success is a new file descriptor, 0 to INT_MAX. */
#define KAPI_RETURN_FD_SPEC						\
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_FD)			\
		KAPI_RETURN_SUCCESS_RANGE(0, INT_MAX)
/* Success is a count of bytes or items, 0 to LONG_MAX. */
#define KAPI_RETURN_COUNT						\
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_RANGE)		\
		KAPI_RETURN_SUCCESS_RANGE(0, LONG_MAX)

#endif /* _LINUX_SYSCALL_API_SPEC_H */
