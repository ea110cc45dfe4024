// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/locks/unlock_mode.cocci: functions named hit_* must be
 * reported once at the release marked in their comment, functions named
 * ok_* must not be reported.
 */
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/rwsem.h>

static void hit_down_read_up_write(struct rw_semaphore *sem)
{
	down_read(sem);
	up_write(sem);			/* reported */
}

static void hit_down_write_up_read(struct rw_semaphore *sem)
{
	down_write(sem);
	up_read(sem);			/* reported */
}

static void hit_mmap_read_write_unlock(struct mm_struct *mm, int x)
{
	mmap_read_lock(mm);
	if (x)
		x = 0;
	mmap_write_unlock(mm);		/* reported */
}

static int hit_mmap_write_killable(struct mm_struct *mm)
{
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	mmap_read_unlock(mm);		/* reported */
	return 0;
}

/* Only the branch that skips the downgrade releases in the wrong mode. */
static void hit_one_branch(struct mm_struct *mm, int x)
{
	mmap_write_lock(mm);
	if (x) {
		mmap_write_downgrade(mm);
		mmap_read_unlock(mm);
		return;
	}
	mmap_read_unlock(mm);		/* reported */
}

static int hit_trylock(struct rw_semaphore *sem)
{
	if (!down_read_trylock(sem))
		return -EAGAIN;
	up_write(sem);			/* reported */
	return 0;
}

static void ok_matching_modes(struct rw_semaphore *sem, struct mm_struct *mm)
{
	down_read(sem);
	up_read(sem);
	down_write(sem);
	up_write(sem);
	mmap_read_lock(mm);
	mmap_read_unlock(mm);
	mmap_write_lock(mm);
	mmap_write_unlock(mm);
}

static void ok_downgrade(struct rw_semaphore *sem, struct mm_struct *mm)
{
	down_write(sem);
	downgrade_write(sem);
	up_read(sem);
	mmap_write_lock(mm);
	mmap_write_downgrade(mm);
	mmap_read_unlock(mm);
}

/* Two locks: the write release belongs to the other one. */
static void ok_other_lock(struct rw_semaphore *a, struct rw_semaphore *b)
{
	down_write(b);
	down_read(a);
	up_read(a);
	up_write(b);
}

static int ok_killable_read(struct mm_struct *mm)
{
	int err = mmap_read_lock_killable(mm);

	if (err)
		return err;
	mmap_read_unlock(mm);
	return 0;
}
