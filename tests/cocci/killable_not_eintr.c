// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/errno/killable_not_eintr.cocci: the lines marked
 * "reported" must be reported, nothing else.
 */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>

static int hit_mutex_killable(struct mutex *m)
{
	if (mutex_lock_killable(m))
		return -EAGAIN;		/* reported */
	mutex_unlock(m);
	return 0;
}

static int hit_mmap_killable_braces(struct mm_struct *mm)
{
	if (mmap_write_lock_killable(mm)) {
		mm = NULL;
		return -ENOMEM;		/* reported */
	}
	mmap_write_unlock(mm);
	return 0;
}

static int hit_ret_variable(struct rw_semaphore *sem)
{
	int ret;

	ret = down_read_interruptible(sem);
	if (ret)
		return -EBUSY;		/* reported */
	up_read(sem);
	return 0;
}

static int hit_completion(struct completion *done)
{
	if (wait_for_completion_interruptible(done) < 0)
		return -EIO;		/* reported */
	return 0;
}

static int ok_eintr(struct mm_struct *mm)
{
	if (mmap_read_lock_killable(mm))
		return -EINTR;
	mmap_read_unlock(mm);
	return 0;
}

static int ok_restartsys(struct mutex *m)
{
	if (mutex_lock_interruptible(m))
		return -ERESTARTSYS;
	mutex_unlock(m);
	return 0;
}

static int ok_pass_through(struct rw_semaphore *sem)
{
	int ret;

	ret = down_write_killable(sem);
	if (ret)
		return ret;
	up_write(sem);
	return 0;
}

/* The error code after a non-failing acquire is not this rule's concern. */
static int ok_plain_lock(struct mutex *m, int x)
{
	mutex_lock(m);
	if (x) {
		mutex_unlock(m);
		return -EAGAIN;
	}
	mutex_unlock(m);
	return 0;
}
