// SPDX-License-Identifier: GPL-2.0-only
/*
 * A unit without any spec: syscalls, helpers and errnos, but nothing for
 * the plugin to check. With the plugin loaded GCC must print nothing.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

extern void *lookup_object(int id);

static long object_size(int id)
{
	void *obj = lookup_object(id);

	if (IS_ERR(obj))
		return PTR_ERR(obj);
	return obj ? 64 : -ENOENT;
}

SYSCALL_DEFINE1(object_size, int, id)
{
	if (id < 0)
		return -EBADF;
	return object_size(id);
}

SYSCALL_DEFINE0(nothing)
{
	return -ENOSYS;
}
