// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/errno/positive_errno.cocci: the lines marked "reported"
 * must be reported, nothing else.
 */
#include <linux/errno.h>
#include <linux/syscalls.h>

static int hit_mixed(int x)
{
	if (x < 0)
		return -ENOMEM;
	if (x > 10)
		return EINVAL;		/* reported */
	return 0;
}

static long hit_two_positive(int x)
{
	if (x == 1)
		return EFAULT;		/* reported */
	if (x == 2)
		return EAGAIN;		/* reported */
	return -EPERM;
}

SYSCALL_DEFINE1(hit_syscall, int, x)
{
	if (x)
		return EBADF;		/* reported */
	return -EINVAL;
}

/* Only positive codes: a different convention, not reported. */
static int ok_all_positive(int x)
{
	if (x)
		return EINVAL;
	return 0;
}

static int ok_all_negative(int x)
{
	if (x)
		return -EINVAL;
	return -ENOENT;
}

/* The negative code sits in another function. */
static int ok_other_function(int x)
{
	return x ? ENOSPC : 0;
}
