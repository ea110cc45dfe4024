/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SYSCALL_DEFINE0 .. SYSCALL_DEFINE6 for test fixtures, expanding to the
 * functions an x86-64 kernel generates, so fixtures have the same function
 * names and call chain as kernel code. SYSCALL_DEFINE2(mlock, unsigned long,
 * start, size_t, len) { BODY } gives:
 *
 *	long __x64_sys_mlock(const struct pt_regs *regs)
 *		calls __se_sys_mlock(regs->di, regs->si);
 *	static long __se_sys_mlock(long start, long len)
 *		calls __do_sys_mlock((unsigned long)start, (size_t)len);
 *	static inline long __do_sys_mlock(unsigned long start, size_t len)
 *		{ BODY }
 *
 * SYSCALL_DEFINE0(name) { BODY } gives only
 * long __x64_sys_name(const struct pt_regs *__unused) { BODY }.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/compiler.h>
#include <linux/types.h>

/* The registers that carry syscall arguments 1 to 6 on x86-64, in order. */
struct pt_regs {
	unsigned long di, si, dx, r10, r8, r9;
};

/*
 * __SC_EACH(n, m, t1, a1, ..., tn, an) expands to m(t1, a1), ..., m(tn, an):
 * one item per (type, name) pair of the SYSCALL_DEFINEn argument list.
 */
#define __SC_EACH1(m, t, a)		m(t, a)
#define __SC_EACH2(m, t, a, ...)	m(t, a), __SC_EACH1(m, __VA_ARGS__)
#define __SC_EACH3(m, t, a, ...)	m(t, a), __SC_EACH2(m, __VA_ARGS__)
#define __SC_EACH4(m, t, a, ...)	m(t, a), __SC_EACH3(m, __VA_ARGS__)
#define __SC_EACH5(m, t, a, ...)	m(t, a), __SC_EACH4(m, __VA_ARGS__)
#define __SC_EACH6(m, t, a, ...)	m(t, a), __SC_EACH5(m, __VA_ARGS__)
#define __SC_EACH(n, m, ...)		__SC_EACH##n(m, __VA_ARGS__)

#define __SC_TYPED(t, a)	t a
#define __SC_AS_LONG(t, a)	long a
#define __SC_TO_TYPE(t, a)	(__force t)a

/* The first n argument registers of REGS, in argument order. */
#define __SC_REGS1(regs)	(regs)->di
#define __SC_REGS2(regs)	__SC_REGS1(regs), (regs)->si
#define __SC_REGS3(regs)	__SC_REGS2(regs), (regs)->dx
#define __SC_REGS4(regs)	__SC_REGS3(regs), (regs)->r10
#define __SC_REGS5(regs)	__SC_REGS4(regs), (regs)->r8
#define __SC_REGS6(regs)	__SC_REGS5(regs), (regs)->r9

/*
 * NAME arrives as _mlock, so __x64_sys##NAME is __x64_sys_mlock. The body
 * written after the macro becomes the body of __do_sys##NAME.
 */
#define __SYSCALL_DEFINEx(n, name, ...)					\
	long __x64_sys##name(const struct pt_regs *regs);		\
	static inline long						\
	__do_sys##name(__SC_EACH(n, __SC_TYPED, __VA_ARGS__));		\
	static long __se_sys##name(__SC_EACH(n, __SC_AS_LONG, __VA_ARGS__)) \
	{								\
		return __do_sys##name(__SC_EACH(n, __SC_TO_TYPE,	\
						__VA_ARGS__));		\
	}								\
	long __x64_sys##name(const struct pt_regs *regs)		\
	{								\
		return __se_sys##name(__SC_REGS##n(regs));		\
	}								\
	static inline long						\
	__do_sys##name(__SC_EACH(n, __SC_TYPED, __VA_ARGS__))

#define SYSCALL_DEFINE0(sname)						\
	long __x64_sys_##sname(const struct pt_regs *__unused);	\
	long __x64_sys_##sname(const struct pt_regs *__unused __maybe_unused)

#define SYSCALL_DEFINE1(name, ...) __SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) __SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) __SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) __SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) __SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) __SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#endif /* _LINUX_SYSCALLS_H */
