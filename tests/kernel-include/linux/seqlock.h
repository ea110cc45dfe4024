/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sequence locks for test fixtures: the writer side only, which is what
 * takes a lock. The functions are only declared: fixtures are compiled and
 * analysed, never linked.
 */
#ifndef _LINUX_SEQLOCK_H
#define _LINUX_SEQLOCK_H

typedef struct {
	unsigned int sequence;
	unsigned int lock;
} seqlock_t;

extern void write_seqlock(seqlock_t *sl);
extern void write_sequnlock(seqlock_t *sl);

#endif /* _LINUX_SEQLOCK_H */
