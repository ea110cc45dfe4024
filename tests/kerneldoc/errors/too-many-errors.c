// SPDX-License-Identifier: GPL-2.0-only
/*
 * 33 error: tags, one more than the errors array of a spec holds
 * (KAPI_MAX_ERRORS). The header used to be written and then failed to
 * compile.
 *
 * kerneldoc-expect-error: 46: too many 'error:' tags: this is number 33, but a spec holds at most 32 (KAPI_MAX_ERRORS)
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 * error: EPERM, fails
 * error: ENOENT, fails
 * error: ESRCH, fails
 * error: EINTR, fails
 * error: EIO, fails
 * error: ENXIO, fails
 * error: E2BIG, fails
 * error: ENOEXEC, fails
 * error: EBADF, fails
 * error: ECHILD, fails
 * error: EAGAIN, fails
 * error: ENOMEM, fails
 * error: EACCES, fails
 * error: EFAULT, fails
 * error: ENOTBLK, fails
 * error: EBUSY, fails
 * error: EEXIST, fails
 * error: EXDEV, fails
 * error: ENODEV, fails
 * error: ENOTDIR, fails
 * error: EISDIR, fails
 * error: EINVAL, fails
 * error: ENFILE, fails
 * error: EMFILE, fails
 * error: ENOTTY, fails
 * error: ETXTBSY, fails
 * error: EFBIG, fails
 * error: ENOSPC, fails
 * error: ESPIPE, fails
 * error: EROFS, fails
 * error: EMLINK, fails
 * error: EPIPE, fails
 * error: EDOM, fails
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
