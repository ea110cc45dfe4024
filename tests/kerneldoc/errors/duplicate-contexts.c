// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two contexts: tags. The second used to replace the first in the
 * compiled spec.
 *
 * kerneldoc-expect-error: 13: a second 'contexts:' tag; the spec's contexts are already given on line 12
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 * contexts: sleepable
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
