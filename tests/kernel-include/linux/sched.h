/* SPDX-License-Identifier: GPL-2.0-only */
/* The current task and its pending signals, for test fixtures. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/mm_types.h>

struct task_struct {
	struct mm_struct *mm;
};

extern struct task_struct *get_current(void);
#define current get_current()

/* Nonzero if P has any unblocked signal pending. */
extern int signal_pending(struct task_struct *p);
/* Nonzero if P has SIGKILL pending. */
extern int fatal_signal_pending(struct task_struct *p);

extern void cond_resched(void);

#endif /* _LINUX_SCHED_H */
