/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Completions, for test fixtures. The killable and interruptible waits
 * return -ERESTARTSYS when a signal ends them, as in the kernel.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

struct completion {
	unsigned int done;
};

extern void wait_for_completion(struct completion *x);
/* 0 once X completes, -ERESTARTSYS if a fatal signal came first. */
extern int wait_for_completion_killable(struct completion *x);
/* 0 once X completes, -ERESTARTSYS if any signal came first. */
extern int wait_for_completion_interruptible(struct completion *x);
extern void complete(struct completion *x);

#endif /* _LINUX_COMPLETION_H */
