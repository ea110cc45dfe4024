// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixture of cocci/errno/internal_errno.cocci: the lines marked "reported"
 * must be reported, nothing else.
 */
#include <linux/errno.h>
#include <linux/syscalls.h>

extern long do_ioctl(unsigned int cmd);

SYSCALL_DEFINE2(hit_return, int, fd, unsigned int, cmd)
{
	if (fd < 0)
		return -EBADF;
	if (cmd > 10)
		return -ENOTSUPP;	/* reported */
	return 0;
}

SYSCALL_DEFINE1(hit_assign, unsigned int, cmd)
{
	long err = 0;

	if (cmd == 3)
		err = -ENOIOCTLCMD;	/* reported */
	return err;
}

SYSCALL_DEFINE0(hit_define0)
{
	return -EPROBE_DEFER;		/* reported */
}

/* A translation of the internal code is the correct pattern. */
SYSCALL_DEFINE1(ok_translated, unsigned int, cmd)
{
	long err = do_ioctl(cmd);

	if (err == -ENOIOCTLCMD)
		err = -ENOTTY;
	return err;
}

/* Restart codes are turned into EINTR or a restart by the signal code. */
SYSCALL_DEFINE1(ok_restart, int, x)
{
	if (x)
		return -ERESTARTSYS;
	return -ERESTARTNOINTR;
}

/* Not a syscall: a driver helper may return internal codes. */
static int ok_helper(int x)
{
	if (x)
		return -ENOTSUPP;
	return -EPROBE_DEFER;
}

static unsigned long ok_helper_unsigned_long(void)
{
	return -ENOTSUPP;
}
