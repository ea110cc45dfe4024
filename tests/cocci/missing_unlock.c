// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/locks/missing_unlock.cocci: functions named hit_* must
 * be reported once at the return marked in their comment, functions named
 * ok_* must not be reported.
 */
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>

/* A sysfs store handler that returns without mutex_unlock(). */
static int hit_mutex(struct mutex *m, int bad)
{
	mutex_lock(m);
	if (bad)
		return -EINVAL;		/* reported */
	mutex_unlock(m);
	return 0;
}

static int hit_rwsem_read(struct rw_semaphore *sem, int busy)
{
	down_read(sem);
	if (busy) {
		busy = 0;
		return -EBUSY;		/* reported */
	}
	up_read(sem);
	return 0;
}

static int hit_mmap_write(struct mm_struct *mm, unsigned long len)
{
	mmap_write_lock(mm);
	if (!len)
		return -ENOMEM;		/* reported */
	mmap_write_unlock(mm);
	return 0;
}

static int hit_spin_second_return(spinlock_t *lock, int a, int b)
{
	spin_lock(lock);
	if (a) {
		spin_unlock(lock);
		return -EAGAIN;
	}
	if (b)
		return -EFAULT;		/* reported */
	spin_unlock(lock);
	return 0;
}

static int ok_unlocked_before_return(struct mutex *m, int bad)
{
	mutex_lock(m);
	if (bad) {
		mutex_unlock(m);
		return -EINVAL;
	}
	mutex_unlock(m);
	return 0;
}

static int ok_error_before_lock(struct rw_semaphore *sem, int bad)
{
	if (bad)
		return -EINVAL;
	down_write(sem);
	up_write(sem);
	return 0;
}

static int ok_goto_unlock(struct mm_struct *mm, int bad)
{
	int err = 0;

	mmap_read_lock(mm);
	if (bad) {
		err = -EINVAL;
		goto out;
	}
out:
	mmap_read_unlock(mm);
	return err;
}

/* Another lock is released: the rule matches the lock expression. */
static int hit_other_lock_released(struct mutex *a, struct mutex *b, int bad)
{
	mutex_lock(a);
	mutex_lock(b);
	mutex_unlock(b);
	if (bad)
		return -EINVAL;		/* reported */
	mutex_unlock(a);
	return 0;
}

/* A write lock downgraded to a read lock and then released. */
static int ok_downgrade(struct mm_struct *mm, int bad)
{
	mmap_write_lock(mm);
	mmap_write_downgrade(mm);
	mmap_read_unlock(mm);
	if (bad)
		return -EINVAL;
	return 0;
}

/* The failure branch of a killable acquire holds no lock. */
static int ok_killable(struct mutex *m)
{
	if (mutex_lock_killable(m))
		return -EINTR;
	mutex_unlock(m);
	return 0;
}

static int ok_irqsave(spinlock_t *lock, int bad)
{
	unsigned long flags;

	spin_lock_irqsave(lock, flags);
	if (bad) {
		spin_unlock_irqrestore(lock, flags);
		return -EINVAL;
	}
	spin_unlock_irqrestore(lock, flags);
	return 0;
}

static int hit_irqsave(spinlock_t *lock, int bad)
{
	unsigned long flags;

	spin_lock_irqsave(lock, flags);
	if (bad)
		return -EIO;		/* reported */
	spin_unlock_irqrestore(lock, flags);
	return 0;
}

/* The path on which a killable acquire succeeded holds the lock. */
static int hit_killable_success_path(struct mm_struct *mm, unsigned long len)
{
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	if (len > 10)
		return -ENOMEM;		/* reported */
	mmap_write_unlock(mm);
	return 0;
}

/* Taken again in every round: the return of a round holds it. */
static int hit_loop(struct mutex *m, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		mutex_lock(m);
		if (i == 7)
			return -EIO;	/* reported */
		mutex_unlock(m);
	}
	return 0;
}

/* Held on entry, dropped for the I/O and taken again: the contract. */
static int ok_reacquired(struct mm_struct *mm, int bad)
{
	mmap_read_unlock(mm);
	bad = bad * 2;
	mmap_read_lock(mm);
	if (bad)
		return -EINTR;
	return 0;
}

extern long pin_pages(struct mm_struct *mm, int *locked);

/* The callee may drop the lock and says so in LOCKED. */
static int ok_conditional_release(struct mm_struct *mm)
{
	int locked = 1;
	long n;

	mmap_read_lock(mm);
	n = pin_pages(mm, &locked);
	if (locked)
		mmap_read_unlock(mm);
	if (n <= 0)
		return -EFAULT;
	return 0;
}

/* The release that a flag records, as GUP's "locked" argument does. */
static int ok_flagged_release(struct mm_struct *mm, int *locked)
{
	long n;

	mmap_read_lock(mm);
	n = pin_pages(mm, locked);
	if (*locked) {
		mmap_read_unlock(mm);
		*locked = 0;
	}
	if (n <= 0)
		return -EFAULT;
	return 0;
}

/* Takes the lock for its caller and never releases it itself. */
static int ok_lock_for_caller(struct mm_struct *mm, int bad)
{
	mmap_read_lock(mm);
	if (bad)
		return -EINTR;
	return 0;
}

/* An early break leaves the loop with the round's lock held. */
static int hit_loop_break(struct mutex *m, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		mutex_lock(m);
		if (i == 7)
			break;
		mutex_unlock(m);
	}
	if (i < n)
		return -EIO;	/* reported */
	return 0;
}
