// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/locks/unlock_other.cocci: the lines marked "reported"
 * must be reported, nothing else.
 */
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>

struct item {
	struct mutex lock;
	spinlock_t slock;
	int value;
};

static void hit_wrong_object(struct item *a, struct item *b)
{
	mutex_lock(&a->lock);
	a->value = b->value;
	mutex_unlock(&b->lock);		/* reported */
}

/* The entry before the locked one is released after an early break. */
static int hit_previous_entry(struct item *items, int n)
{
	struct item *it = items;
	int i;

	spin_lock(&it->slock);
	for (i = 0; i < n; i++, it++) {
		if (it->value < 0)
			break;
	}
	spin_unlock(&(it - 1)->slock);	/* reported */
	return i;
}

static void ok_same_lock(struct item *a)
{
	mutex_lock(&a->lock);
	a->value++;
	mutex_unlock(&a->lock);
}

/* Both locks are taken here, and released in the other order. */
static void ok_nested(struct item *a, struct item *b)
{
	mutex_lock(&a->lock);
	mutex_lock(&b->lock);
	mutex_unlock(&a->lock);
	mutex_unlock(&b->lock);
}

/* Another kind of lock is not paired with the mutex. */
static void ok_other_kind(struct item *a, struct item *b)
{
	mutex_lock(&a->lock);
	spin_unlock(&b->slock);
	mutex_unlock(&a->lock);
}

static void ok_rwsem(struct rw_semaphore *sem, struct mm_struct *mm)
{
	down_read(sem);
	mmap_read_lock(mm);
	mmap_read_unlock(mm);
	up_read(sem);
}

extern spinlock_t *lock_table_entry(struct item *it);

/* A lock returned locked by a call is taken here too. */
static void ok_obtained(struct item *a, struct item *b)
{
	spinlock_t *ptl;

	spin_lock(&a->slock);
	ptl = lock_table_entry(b);
	b->value = a->value;
	spin_unlock(ptl);
	spin_unlock(&a->slock);
}
