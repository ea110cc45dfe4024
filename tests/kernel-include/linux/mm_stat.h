/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A header helper that takes and drops a lock inside itself, for the
 * fixtures of the lock-depth argument: the acquisition sits in a header,
 * one call below the syscall body that calls the helper.
 */
#ifndef _LINUX_MM_STAT_H
#define _LINUX_MM_STAT_H

#include <linux/mm_types.h>
#include <linux/spinlock.h>

/* Add PAGES to the mapped-page count of MM under its page_table_lock. */
static inline void mm_stat_add(struct mm_struct *mm, unsigned long pages)
{
	spin_lock(&mm->page_table_lock);
	mm->total_vm += pages;
	spin_unlock(&mm->page_table_lock);
}

#endif /* _LINUX_MM_STAT_H */
