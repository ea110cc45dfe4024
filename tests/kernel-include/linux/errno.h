/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Error codes for test fixtures: the user-visible ones from the host's
 * <asm-generic/errno.h> (x86-64 uses the generic numbers) and the codes that
 * only exist inside the kernel. The kapi-check plugin learns errno names
 * from macros defined in files whose path contains "errno", so these must
 * stay in this file.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <asm-generic/errno.h>

/* Kernel-internal codes, never returned to user space by a correct kernel. */
#define ERESTARTSYS		512	/* restart after the signal */
#define ERESTARTNOINTR		513	/* restart even after a handler ran */
#define ERESTARTNOHAND		514	/* restart if no handler ran */
#define ENOIOCTLCMD		515	/* ioctl command not handled here */
#define ERESTART_RESTARTBLOCK	516	/* restart through restart_syscall */
#define EPROBE_DEFER		517	/* driver probe must be retried */
#define EOPENSTALE		518	/* open found a stale dentry */
#define ENOPARAM		519	/* mount parameter not supported */
#define EBADHANDLE		521	/* NFSv3: illegal file handle */
#define ENOTSYNC		522	/* NFSv3: update sync mismatch */
#define EBADCOOKIE		523	/* NFSv3: cookie is stale */
#define ENOTSUPP		524	/* NFSv3: operation not supported */
#define ETOOSMALL		525	/* NFSv3: buffer or request too small */
#define ESERVERFAULT		526	/* NFSv3: server error */
#define EBADTYPE		527	/* NFSv3: type not supported */
#define EJUKEBOX		528	/* NFSv3: retry later */
#define EIOCBQUEUED		529	/* aio: completion will be signalled */
#define ERECALLCONFLICT		530	/* NFS: conflict with recalled state */
#define ENOGRACE		531	/* NFS: lock reclaim refused */

#endif /* _LINUX_ERRNO_H */
