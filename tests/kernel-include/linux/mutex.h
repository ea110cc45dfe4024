/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mutexes for test fixtures. The functions are only declared: fixtures are
 * compiled and analysed, never linked.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/compiler.h>

struct mutex {
	long owner;
};

extern void mutex_lock(struct mutex *lock);
extern int __must_check mutex_lock_interruptible(struct mutex *lock);
extern int __must_check mutex_lock_killable(struct mutex *lock);
extern int mutex_trylock(struct mutex *lock);
extern void mutex_unlock(struct mutex *lock);

#endif /* _LINUX_MUTEX_H */
