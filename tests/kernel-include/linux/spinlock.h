/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Spinlocks for test fixtures. The kernel implements these as macros over
 * raw_spin_lock(); here they are declared functions of the same names,
 * because fixtures are compiled and analysed, never linked.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

typedef struct spinlock {
	unsigned int slock;
} spinlock_t;

extern void spin_lock(spinlock_t *lock);
extern int spin_trylock(spinlock_t *lock);
extern void spin_unlock(spinlock_t *lock);
extern void spin_lock_irq(spinlock_t *lock);
extern void spin_unlock_irq(spinlock_t *lock);
extern void spin_lock_bh(spinlock_t *lock);
extern void spin_unlock_bh(spinlock_t *lock);

#endif /* _LINUX_SPINLOCK_H */
