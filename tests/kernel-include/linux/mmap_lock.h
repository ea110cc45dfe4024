/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The mmap_lock wrappers of the kernel, as static inline functions over the
 * rw_semaphore in struct mm_struct, for test fixtures.
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/mm_types.h>
#include <linux/rwsem.h>

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

/* Returns 0 with the lock held, or -EINTR if a fatal signal arrived. */
static inline int mmap_read_lock_killable(struct mm_struct *mm)
{
	return down_read_killable(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

/* Returns 0 with the lock held, or -EINTR if a fatal signal arrived. */
static inline int mmap_write_lock_killable(struct mm_struct *mm)
{
	return down_write_killable(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

/* Turns a held write lock into a held read lock. */
static inline void mmap_write_downgrade(struct mm_struct *mm)
{
	downgrade_write(&mm->mmap_lock);
}

#endif /* _LINUX_MMAP_LOCK_H */
