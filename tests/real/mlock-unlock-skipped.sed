# SPDX-License-Identifier: GPL-2.0-only
#
# Mutation of mm/mlock.c (Linux 6.12) for the real_mlock_unlock_skipped
# test: an early return in do_mlock() right after mmap_write_lock_killable()
# succeeds, which leaves mmap_lock held:
#
#	if (mmap_write_lock_killable(current->mm))
#		return -EINTR;
#	if (locked > lock_limit * 2)		<- added
#		return -ENOMEM;			<- added
#
# -ENOMEM is one of the spec's declared errors and do_mlock() returns it
# already, so the errno checks have nothing new to report. The range runs
# from do_mlock()'s definition to its closing brace, which holds the only
# "return -EINTR;" of the function.
/^static __must_check int do_mlock(/,/^}/{
/^\t\treturn -EINTR;$/a\
\tif (locked > lock_limit * 2)\
\t\treturn -ENOMEM;
}
