/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RCU read side for test fixtures. In the kernel, rcu_read_lock() and
 * rcu_read_unlock() are static inline functions whose bodies depend on the
 * configuration; here they are only declared, because fixtures are compiled
 * and analysed, never linked. The lock analysis knows both names.
 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

extern void rcu_read_lock(void);
extern void rcu_read_unlock(void);

#endif /* _LINUX_RCUPDATE_H */
