// SPDX-License-Identifier: GPL-2.0-only
/*
 * A key indented under contexts:, which takes a list of contexts only.
 * The line used to be dropped without a word.
 *
 * kerneldoc-expect-error: 13: unknown key 'desc:' under the tag 'contexts:' (line 12), which takes no keys
 */
#include <linux/syscalls.h>

/**
 * sys_nap - sleep a while
 * contexts: process
 *   desc: may sleep
 */
SYSCALL_DEFINE0(nap)
{
	return 0;
}
