// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/caps/capable_after_write.cocci: the lines marked
 * "reported" must be reported, nothing else.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

struct info {
	int a;
};

extern void fill(struct info *info);

/* The data is copied out before the caller's right to it is checked. */
static long hit_copy_then_capable(void __user *buf, int x)
{
	struct info info = { 0 };

	fill(&info);
	if (copy_to_user(buf, &info, sizeof(info)))
		return -EFAULT;
	if (x && !capable(CAP_SYS_ADMIN))	/* reported */
		return -EPERM;
	return 0;
}

static long hit_put_user_ns(int __user *buf, int x)
{
	put_user(x, buf);
	if (!ns_capable(current_user_ns(), CAP_NET_ADMIN))	/* reported */
		return -EPERM;
	return 0;
}

static long ok_check_first(void __user *buf)
{
	struct info info;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	fill(&info);
	if (copy_to_user(buf, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}

/* The next round checks again: the check is before the write in the source. */
static long ok_loop(int __user *buf, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (put_user(i, buf + i))
			return -EFAULT;
	}
	return 0;
}

/* A capability that picks a limit, not a denial. */
static long ok_not_denying(int __user *buf, int n)
{
	int limit;

	if (put_user(n, buf))
		return -EFAULT;
	limit = capable(CAP_SYS_RESOURCE) ? 100 : 10;
	return limit;
}
