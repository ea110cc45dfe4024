# SPDX-License-Identifier: GPL-2.0-only
#
# Mutation of mm/mlock.c (Linux 6.12) for the real_mlock_cap_swapped test:
# the two capable(CAP_IPC_LOCK) calls in do_mlock(), which let a privileged
# caller lock more than RLIMIT_MEMLOCK, test CAP_SYS_RESOURCE instead.
# can_do_mlock() and the other functions of the file keep CAP_IPC_LOCK.
# The range runs from do_mlock()'s definition to the first line that
# closes a function, its own closing brace.
/^static __must_check int do_mlock(/,/^}/s/capable(CAP_IPC_LOCK)/capable(CAP_SYS_RESOURCE)/g
