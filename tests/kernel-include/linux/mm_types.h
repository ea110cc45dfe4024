/* SPDX-License-Identifier: GPL-2.0-only */
/* The part of a process address space that test fixtures use. */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/rwsem.h>
#include <linux/spinlock.h>

struct mm_struct {
	struct rw_semaphore mmap_lock;
	spinlock_t page_table_lock;
	unsigned long total_vm;		/* pages mapped */
	unsigned long locked_vm;	/* pages with VM_LOCKED */
	unsigned long def_flags;	/* VM_* flags every new mapping gets */
};

#endif /* _LINUX_MM_TYPES_H */
