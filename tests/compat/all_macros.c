/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every macro of include/kapi-compat/linux/{kernel,syscall}_api_spec.h in
 * use, in specs shaped like kernel ones, each followed by the
 * SYSCALL_DEFINEx it describes. It must compile without warnings under
 * gcc -Wall -Wextra -Werror and sparse, with the mini kernel headers of
 * tests/kernel-include. compat_macro_coverage checks that every macro the
 * two headers define appears here, and spec_fields.c includes this file to
 * check where the values land.
 *
 * The sys_mlock spec is the framework's own RFC v2 spec for mm/mlock.c
 * (June 2025), with only its indentation restored. The syscall bodies are small stand-ins written
 * to match their specs: they are compiled and analysed, never run in a
 * kernel.
 */
#include <linux/capability.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscall_api_spec.h>
#include <linux/syscalls.h>
#include <linux/types.h>

/* The constants the framework fixes. */
_Static_assert(KAPI_MAX_PARAMS == 16, "KAPI_MAX_PARAMS");
_Static_assert(KAPI_MAX_ERRORS == 32, "KAPI_MAX_ERRORS");
_Static_assert(KAPI_MAX_CONSTRAINTS == 16, "KAPI_MAX_CONSTRAINTS");
_Static_assert(KAPI_MAX_SIGNALS == 32, "KAPI_MAX_SIGNALS");
_Static_assert(KAPI_MAX_CAPABILITIES == 8, "KAPI_MAX_CAPABILITIES");
_Static_assert(KAPI_MAX_STRUCT_SPECS == 8, "KAPI_MAX_STRUCT_SPECS");
_Static_assert(KAPI_MAX_SIDE_EFFECTS == 16, "KAPI_MAX_SIDE_EFFECTS");
_Static_assert(KAPI_MAX_STATE_TRANS == 8, "KAPI_MAX_STATE_TRANS");
_Static_assert(KAPI_MAX_CHECK_EXCEPTIONS == 8, "KAPI_MAX_CHECK_EXCEPTIONS");
_Static_assert(KAPI_MAX_NAME_LEN == 128, "KAPI_MAX_NAME_LEN");
_Static_assert(KAPI_MAX_DESC_LEN == 512, "KAPI_MAX_DESC_LEN");
_Static_assert(KAPI_PARAM_INOUT == 3, "KAPI_PARAM_INOUT is IN | OUT");
_Static_assert(KAPI_PARAM_USER_PTR == KAPI_PARAM_USER, "KAPI_PARAM_USER_PTR");

/* mm/mlock.c */

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)

/* Pages a task may lock without CAP_IPC_LOCK (RLIMIT_MEMLOCK). */
extern unsigned long memlock_limit_pages(void);
/* Sets VM_LOCKED on the VMAs of the range: 0, -ENOMEM or -EAGAIN. */
extern int apply_vma_lock_flags(unsigned long start, size_t len);

static __must_check int do_mlock(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	unsigned long limit = memlock_limit_pages();
	unsigned long locked;
	int error = -ENOMEM;

	if (!limit && !capable(CAP_IPC_LOCK))
		return -EPERM;

	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	if (start + len < start)
		return -EINVAL;

	if (mmap_write_lock_killable(mm))
		return -EINTR;

	locked = (len >> PAGE_SHIFT) + mm->locked_vm;
	if (locked <= limit || capable(CAP_IPC_LOCK))
		error = apply_vma_lock_flags(start, len);

	mmap_write_unlock(mm);
	return error;
}

DEFINE_KERNEL_API_SPEC(sys_mlock)
	KAPI_DESCRIPTION("Lock pages in memory")
	KAPI_LONG_DESC("Locks pages in the specified address range into RAM, "
		       "preventing them from being paged to swap. Requires "
		       "CAP_IPC_LOCK capability or RLIMIT_MEMLOCK resource limit.")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "start", "unsigned long", "Starting address of memory range to lock")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_NONE)
		KAPI_PARAM_CONSTRAINT("Rounded down to page boundary")
	KAPI_PARAM_END
	KAPI_PARAM(1, "len", "size_t", "Length of memory range to lock in bytes")
		KAPI_PARAM_TYPE(KAPI_TYPE_UINT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(0, LONG_MAX)
		KAPI_PARAM_CONSTRAINT("Rounded up to page boundary")
	KAPI_PARAM_END

	KAPI_RETURN("long", "0 on success, negative error code on failure")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END

	KAPI_ERROR(0, -ENOMEM, "ENOMEM", "Address range issue",
		   "Some of the specified range is not mapped, has unmapped gaps, "
		   "or the lock would cause the number of mapped regions to exceed the limit.")
	KAPI_ERROR(1, -EPERM, "EPERM", "Insufficient privileges",
		   "The caller is not privileged (no CAP_IPC_LOCK) and RLIMIT_MEMLOCK is 0.")
	KAPI_ERROR(2, -EINVAL, "EINVAL", "Address overflow",
		   "The result of the addition start+len was less than start (arithmetic overflow).")
	KAPI_ERROR(3, -EAGAIN, "EAGAIN", "Some or all memory could not be locked",
		   "Some or all of the specified address range could not be locked.")
	KAPI_ERROR(4, -EINTR, "EINTR", "Interrupted by signal",
		   "The operation was interrupted by a fatal signal before completion.")

	KAPI_ERROR_COUNT(5)
	KAPI_PARAM_COUNT(2)
	KAPI_SINCE_VERSION("2.0")

	KAPI_LOCK(0, "mmap_lock", KAPI_LOCK_RWLOCK)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Process memory map write lock")
	KAPI_LOCK_END

	KAPI_LOCK_COUNT(1)

	/* Signal specifications */
	KAPI_SIGNAL_COUNT(1)

	/* Fatal signals can interrupt mmap_write_lock_killable */
	KAPI_SIGNAL(0, 0, "FATAL", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_CONDITION("Fatal signal pending")
		KAPI_SIGNAL_DESC("Fatal signals (SIGKILL, etc.) can interrupt the operation "
				 "when acquiring mmap_write_lock_killable(), causing -EINTR return")
	KAPI_SIGNAL_END

	KAPI_EXAMPLES("mlock(addr, 4096);  // Lock one page\n"
		      "mlock(addr, len);   // Lock range of pages")
	KAPI_NOTES("Memory locks do not stack - multiple calls on the same range can be "
		   "undone by a single munlock. Locks are not inherited by child processes. "
		   "Pages are locked on whole page boundaries. Commonly used by real-time "
		   "applications to prevent page faults during time-critical operations. "
		   "Also used for security to prevent sensitive data (e.g., cryptographic keys) "
		   "from being written to swap. Note: locked pages may still be saved to "
		   "swap during system suspend/hibernate.")

	/* Side effects */
	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_ALLOC_MEMORY,
			 "process memory",
			 "Locks pages into physical memory, preventing swapping")
		KAPI_EFFECT_REVERSIBLE
	KAPI_SIDE_EFFECT_END

	KAPI_SIDE_EFFECT(1, KAPI_EFFECT_MODIFY_STATE,
			 "mm->locked_vm",
			 "Increases process locked memory counter")
		KAPI_EFFECT_REVERSIBLE
	KAPI_SIDE_EFFECT_END

	KAPI_SIDE_EFFECT(2, KAPI_EFFECT_ALLOC_MEMORY,
			 "physical pages",
			 "May allocate and populate page table entries")
		KAPI_EFFECT_CONDITION("Pages not already present")
	KAPI_SIDE_EFFECT_END

	KAPI_SIDE_EFFECT_COUNT(3)

	/* State transitions */
	KAPI_STATE_TRANS(0, "memory pages", "swappable", "locked in RAM",
			 "Pages become non-swappable and pinned in physical memory")
	KAPI_STATE_TRANS_END

	KAPI_STATE_TRANS(1, "VMA flags", "unlocked", "VM_LOCKED set",
			 "Virtual memory area marked as locked")
	KAPI_STATE_TRANS_END

	KAPI_STATE_TRANS_COUNT(2)

	/* Capability specifications */
	KAPI_CAPABILITY(0, CAP_IPC_LOCK, "CAP_IPC_LOCK", KAPI_CAP_BYPASS_CHECK)
		KAPI_CAP_ALLOWS("Lock unlimited amount of memory (no RLIMIT_MEMLOCK enforcement)")
		KAPI_CAP_WITHOUT("Must respect RLIMIT_MEMLOCK resource limit")
		KAPI_CAP_CONDITION("Checked when RLIMIT_MEMLOCK is 0 or locking would exceed limit")
		KAPI_CAP_PRIORITY(0)
	KAPI_CAPABILITY_END

	KAPI_CAPABILITY_COUNT(1)

	/* Known exceptions for kapi-check */
	KAPI_CHECK_EXCEPTION(0, "kapi-errno-undeclared", "EAGAIN",
			     "Returned only when the range is being migrated")

	/* Additional constraints */
	KAPI_CONSTRAINT(0, "RLIMIT_MEMLOCK Resource Limit",
			"The RLIMIT_MEMLOCK soft resource limit specifies the maximum bytes "
			"of memory that may be locked into RAM. Unprivileged processes are "
			"restricted to this limit. CAP_IPC_LOCK capability allows bypassing "
			"this limit entirely. The limit is enforced per-process, not per-user.")
		KAPI_CONSTRAINT_EXPR("locked_memory + request_size <= RLIMIT_MEMLOCK || CAP_IPC_LOCK")
	KAPI_CONSTRAINT_END

	KAPI_CONSTRAINT(1, "Memory Pressure and OOM",
			"Locking large amounts of memory can cause system-wide memory pressure "
			"and potentially trigger the OOM killer. The kernel does not prevent "
			"locking memory that would destabilize the system.")
	KAPI_CONSTRAINT_END

	KAPI_CONSTRAINT(2, "Special Memory Areas",
			"Some memory types cannot be locked or behave specially: "
			"VM_IO/VM_PFNMAP areas fail with EINVAL; "
			"Hugetlb pages are inherently pinned; "
			"DAX mappings are always present in memory; "
			"VM_LOCKED areas are already locked.")
	KAPI_CONSTRAINT_END

	KAPI_CONSTRAINT_COUNT(3)

KAPI_END_SPEC;

SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len);
}

/* fs/read_write.c: the syscall_api_spec.h shorthands */

/* Reads up to COUNT bytes at the file position: a count or -errno. */
extern ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);

DEFINE_KERNEL_API_SPEC(sys_read)
	KAPI_DESCRIPTION("Read from a file descriptor")
	KAPI_SYSCALL_SLEEPABLE

	KAPI_PARAM_FD(0, "File descriptor open for reading")
	KAPI_PARAM_USER_BUF(1, "buf", KAPI_PARAM_OUT, 2,
			    "Buffer that receives the data")
	KAPI_PARAM_SIZE_T(2, "count", "Maximum number of bytes to read")
	KAPI_PARAM_COUNT(3)

	KAPI_RETURN("ssize_t", "Bytes read, 0 at end of file, or -errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_COUNT
	KAPI_RETURN_END

	KAPI_ERROR_EBADF(0, "fd is not open for reading")
	KAPI_ERROR_EFAULT(1, "buf is outside the accessible address space")
	KAPI_ERROR_EINVAL(2, "fd refers to an object that cannot be read")
	KAPI_ERROR(3, -EINTR, "EINTR", "Interrupted by a signal",
		   "A signal arrived before any data was read.")
	KAPI_ERROR_COUNT(4)

	KAPI_LOCK(0, "file->f_pos_lock", KAPI_LOCK_MUTEX)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Serialises file position updates")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)

	KAPI_SIGNAL_INTERRUPTIBLE_SLEEP
	KAPI_SIGNAL_FATAL_DEFAULT
	KAPI_SIGNAL_STOP_CONT
	KAPI_SIGNAL_COUNT(5)
KAPI_END_SPEC;

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_read(fd, buf, count);
}

/* fs/open.c */

/* Closes FD: 0 or -errno. */
extern int close_fd(unsigned int fd);

DEFINE_KERNEL_API_SPEC(sys_close)
	KAPI_DESCRIPTION("Close a file descriptor")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM_FD(0, "File descriptor to close")
	KAPI_PARAM_COUNT(1)

	KAPI_RETURN("long", "0 on success, or -errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_SUCCESS_ZERO
	KAPI_RETURN_END

	KAPI_ERROR_EBADF(0, "fd is not open")
	KAPI_ERROR(1, -EINTR, "EINTR", "Interrupted flush",
		   "The file's flush was interrupted by a signal.")
	KAPI_ERROR(2, -EIO, "EIO", "I/O error on flush",
		   "Writing back cached data failed.")
	KAPI_ERROR_COUNT(3)

	KAPI_LOCK(0, "files->file_lock", KAPI_LOCK_SPINLOCK)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)

	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_RESOURCE_DESTROY |
			    KAPI_EFFECT_FREE_MEMORY,
			 "file descriptor table entry",
			 "Frees the descriptor and drops the file reference")
	KAPI_SIDE_EFFECT_END
	KAPI_SIDE_EFFECT_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	int retval = close_fd(fd);

	/* A close interrupted after the descriptor was freed is not redone. */
	if (unlikely(retval == -ERESTARTSYS || retval == -ERESTARTNOINTR ||
		     retval == -ERESTARTNOHAND ||
		     retval == -ERESTART_RESTARTBLOCK))
		retval = -EINTR;

	return retval;
}

/* fs/file.c */

struct file;
/* Takes a reference to the file open as FD, or returns NULL. */
extern struct file *fget_raw(unsigned int fd);
/* Installs FILE in the lowest free descriptor: the descriptor or -EMFILE. */
extern int get_unused_fd_install(struct file *file);

DEFINE_KERNEL_API_SPEC(sys_dup)
	KAPI_DESCRIPTION("Duplicate a file descriptor")
	KAPI_SYSCALL_SLEEPABLE

	KAPI_PARAM_FD(0, "File descriptor to duplicate")
	KAPI_PARAM_COUNT(1)

	KAPI_RETURN("long", "The new descriptor, or -errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_FD)
		KAPI_RETURN_FD_SPEC
	KAPI_RETURN_END

	KAPI_ERROR_EBADF(0, "fildes is not open")
	KAPI_ERROR(1, -EMFILE, "EMFILE", "Descriptor table full",
		   "The process already has RLIMIT_NOFILE descriptors open.")
	KAPI_ERROR_COUNT(2)
KAPI_END_SPEC;

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget_raw(fildes);

	if (!file)
		return -EBADF;
	return get_unused_fd_install(file);
}

/* kernel/sys.c: a syscall without arguments that never sleeps */

extern void rcu_read_lock(void);
extern void rcu_read_unlock(void);
/* The thread group id of the parent of the current task. */
extern int task_parent_tgid(struct task_struct *task);

DEFINE_KERNEL_API_SPEC(sys_getppid)
	KAPI_DESCRIPTION("Get the parent process ID")
	KAPI_SYSCALL_ATOMIC
	KAPI_PARAM_COUNT(0)

	KAPI_RETURN("long", "The parent's process ID; never fails")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_RANGE)
		KAPI_RETURN_SUCCESS_RANGE(0, INT_MAX)
	KAPI_RETURN_END
	KAPI_ERROR_COUNT(0)

	KAPI_LOCK(0, "RCU read-side", KAPI_LOCK_RCU)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Protects the real_parent pointer")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE0(getppid)
{
	int pid;

	rcu_read_lock();
	pid = task_parent_tgid(current);
	rcu_read_unlock();
	return pid;
}

/* kernel/signal.c: the signal macros */

/* Sleeps until a signal is delivered. */
extern void sleep_until_signal(void);

DEFINE_KERNEL_API_SPEC(sys_pause)
	KAPI_DESCRIPTION("Wait for a signal")
	KAPI_SYSCALL_SLEEPABLE
	KAPI_PARAM_COUNT(0)

	KAPI_RETURN("long", "-ERESTARTNOHAND, which the caller sees as -EINTR")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_CUSTOM)
	KAPI_RETURN_END

	KAPI_ERROR(0, -ERESTARTNOHAND, "ERESTARTNOHAND", "A signal was caught",
		   "Becomes -EINTR on the way to user space; never restarted.")
	KAPI_ERROR_COUNT(1)

	KAPI_SIGNAL(0, 0, "Caught signal",
		    KAPI_SIGNAL_RECEIVE | KAPI_SIGNAL_HANDLE,
		    KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_TARGET("The calling thread")
		KAPI_SIGNAL_CONDITION("A handler is installed and the signal "
				      "is not blocked")
		KAPI_SIGNAL_DESC("Wakes the task, runs the handler and ends "
				 "pause()")
		KAPI_SIGNAL_ERROR(-EINTR)
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_SLEEPING)
		KAPI_SIGNAL_INTERRUPTIBLE
		KAPI_SIGNAL_SA_FLAGS_FORBID(SA_RESTART)
		KAPI_SIGNAL_QUEUE(KAPI_SIGNAL_QUEUE_COALESCE)
		KAPI_SIGNAL_STATE_REQ(KAPI_SIGNAL_STATE_SLEEPING)
	KAPI_SIGNAL_END
	KAPI_SIGNAL(1, 0, "Caught signal with SA_RESTART", KAPI_SIGNAL_HANDLE,
		    KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_DESC("SA_RESTART does not restart pause()")
		KAPI_SIGNAL_ERROR(-EINTR)
		KAPI_SIGNAL_SA_FLAGS_REQ(SA_RESTART)
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_EXIT)
	KAPI_SIGNAL_END
	KAPI_SIGNAL(2, SIGKILL, "SIGKILL", KAPI_SIGNAL_RECEIVE,
		    KAPI_SIGNAL_ACTION_TERMINATE)
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_ANYTIME)
		KAPI_SIGNAL_PRIORITY(0)
		KAPI_SIGNAL_QUEUE(KAPI_SIGNAL_QUEUE_STANDARD)
		KAPI_SIGNAL_STATE_FORBID(KAPI_SIGNAL_STATE_ZOMBIE |
					 KAPI_SIGNAL_STATE_DEAD)
	KAPI_SIGNAL_END
	KAPI_SIGNAL(3, SIGSTOP, "SIGSTOP", KAPI_SIGNAL_RECEIVE,
		    KAPI_SIGNAL_ACTION_STOP)
		KAPI_SIGNAL_DESC("Stops the task; after SIGCONT it waits again")
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_BLOCKING)
		KAPI_SIGNAL_RESTARTABLE
		KAPI_SIGNAL_PRIORITY(1)
		KAPI_SIGNAL_STATE_REQ(KAPI_SIGNAL_STATE_SLEEPING |
				      KAPI_SIGNAL_STATE_RUNNING)
	KAPI_SIGNAL_END
	KAPI_SIGNAL(4, SIGCONT, "SIGCONT", KAPI_SIGNAL_RECEIVE,
		    KAPI_SIGNAL_ACTION_CONTINUE)
		KAPI_SIGNAL_DESC("Continues the stopped task and discards "
				 "pending stop signals")
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_DURING)
		KAPI_SIGNAL_QUEUE(KAPI_SIGNAL_QUEUE_REPLACE)
		KAPI_SIGNAL_STATE_REQ(KAPI_SIGNAL_STATE_STOPPED)
	KAPI_SIGNAL_END
	KAPI_SIGNAL(5, 0, "Ignored signal", KAPI_SIGNAL_IGNORE,
		    KAPI_SIGNAL_ACTION_DISCARD)
		KAPI_SIGNAL_DESC("Dropped on generation; the task sleeps on")
		KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_ENTRY)
		KAPI_SIGNAL_QUEUE(KAPI_SIGNAL_QUEUE_DISCARD)
	KAPI_SIGNAL_END
	KAPI_SIGNAL(6, SIGQUIT, "SIGQUIT", KAPI_SIGNAL_RECEIVE,
		    KAPI_SIGNAL_ACTION_COREDUMP)
		KAPI_SIGNAL_CONDITION("No handler installed")
	KAPI_SIGNAL_END
	KAPI_SIGNAL(7, SIGRTMIN, "SIGRTMIN", KAPI_SIGNAL_RECEIVE,
		    KAPI_SIGNAL_ACTION_QUEUE)
		KAPI_SIGNAL_DESC("Each instance is queued and delivered")
		KAPI_SIGNAL_QUEUE(KAPI_SIGNAL_QUEUE_REALTIME)
		KAPI_SIGNAL_SA_FLAGS_REQ(SA_SIGINFO)
	KAPI_SIGNAL_END
	KAPI_SIGNAL(8, SIGTSTP, "SIGTSTP", KAPI_SIGNAL_RECEIVE,
		    KAPI_SIGNAL_ACTION_TRANSFORM)
		KAPI_SIGNAL_DESC("Under ptrace the tracer sees the signal and "
				 "may inject another one instead")
		KAPI_SIGNAL_TRANSFORM(SIGTRAP)
		KAPI_SIGNAL_STATE_REQ(KAPI_SIGNAL_STATE_TRACED)
	KAPI_SIGNAL_END
	KAPI_SIGNAL(9, SIGCHLD, "SIGCHLD", KAPI_SIGNAL_RECEIVE,
		    KAPI_SIGNAL_ACTION_DEFAULT)
		KAPI_SIGNAL_DESC("Ignored by default, so the task sleeps on")
	KAPI_SIGNAL_END
	KAPI_SIGNAL_COUNT(10)

	KAPI_SIGNAL_MASK(0, "unblockable", "Signals that no signal mask blocks")
		KAPI_SIGNAL_MASK_ADD(0, SIGKILL)
		KAPI_SIGNAL_MASK_ADD(1, SIGSTOP)
		KAPI_SIGNAL_MASK_SIGNAL_COUNT(2)
	KAPI_SIGNAL_MASK_END
	KAPI_SIGNAL_MASK_COUNT(1)

	KAPI_STATE_TRANS(0, "calling task", "running", "interruptible sleep",
			 "The task sleeps until a signal is delivered")
		KAPI_STATE_TRANS_COND("No unblocked signal is pending")
	KAPI_STATE_TRANS_END
	KAPI_STATE_TRANS_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current))
		sleep_until_signal();
	return -ERESTARTNOHAND;
}

/* fs/eventpoll.c: parameter constraints, structure specs, capabilities */

#define O_CLOEXEC		02000000
#define EPOLL_CLOEXEC		O_CLOEXEC

#define EPOLL_CTL_ADD		1
#define EPOLL_CTL_DEL		2
#define EPOLL_CTL_MOD		3

#define EPOLLIN			0x00000001
#define EPOLLOUT		0x00000004
#define EPOLLWAKEUP		(1U << 29)
#define EPOLLONESHOT		(1U << 30)
#define EPOLLET			(1U << 31)
#define EPOLL_EVENT_MASK						\
	(EPOLLIN | EPOLLOUT | EPOLLWAKEUP | EPOLLONESHOT | EPOLLET)

struct epoll_event {
	u32 events;
	u64 data;
} __attribute__((__packed__));

#define EP_MAX_EVENTS		(INT_MAX / sizeof(struct epoll_event))

struct eventpoll {
	struct mutex mtx;
	spinlock_t lock;
};

/* Creates an eventpoll and its descriptor: the descriptor or -errno. */
extern int do_epoll_create(int flags);
/* Returns the eventpoll behind EPFD, or ERR_PTR(-EBADF or -EINVAL). */
extern struct eventpoll *ep_from_fd(int epfd);
/* Copies an epoll_event from user space: 0 or -EFAULT. */
extern int copy_event_from_user(struct epoll_event *to,
				const struct epoll_event __user *from);
/* Inserts, changes or removes the watch of FD: 0 or -errno. */
extern int ep_insert(struct eventpoll *ep, int fd,
		     const struct epoll_event *event);
extern int ep_modify(struct eventpoll *ep, int fd,
		     const struct epoll_event *event);
extern int ep_remove(struct eventpoll *ep, int fd);
/* Waits for events: the number of events copied out, or -errno. */
extern int ep_poll(struct eventpoll *ep, struct epoll_event __user *events,
		   int maxevents, int timeout);

DEFINE_KERNEL_API_SPEC(sys_epoll_create)
	KAPI_DESCRIPTION("Open an epoll instance (obsolete form)")
	KAPI_SYSCALL_SLEEPABLE
	KAPI_SINCE_VERSION("2.5.44")
	KAPI_DEPRECATED
	KAPI_REPLACEMENT("epoll_create1")

	KAPI_PARAM(0, "size", "int", "Ignored, but must be positive")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(1, INT_MAX)
	KAPI_PARAM_END
	KAPI_PARAM_COUNT(1)

	KAPI_RETURN("long", "The new descriptor, or -errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_FD)
		KAPI_RETURN_FD_SPEC
	KAPI_RETURN_END

	KAPI_ERROR_EINVAL(0, "size is 0 or negative")
	KAPI_ERROR(1, -EMFILE, "EMFILE", "Descriptor table full",
		   "The process already has RLIMIT_NOFILE descriptors open.")
	KAPI_ERROR_ENOMEM(2, "No memory for the instance")
	KAPI_ERROR_COUNT(3)
KAPI_END_SPEC;

SYSCALL_DEFINE1(epoll_create, int, size)
{
	if (size <= 0)
		return -EINVAL;
	return do_epoll_create(0);
}

DEFINE_KERNEL_API_SPEC(sys_epoll_create1)
	KAPI_DESCRIPTION("Open an epoll instance")
	KAPI_SYSCALL_SLEEPABLE

	KAPI_PARAM(0, "flags", "int", "0 or EPOLL_CLOEXEC")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
		KAPI_PARAM_VALID_MASK(EPOLL_CLOEXEC)
	KAPI_PARAM_END
	KAPI_PARAM_COUNT(1)

	KAPI_RETURN("long", "The new descriptor, or -errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_FD)
		KAPI_RETURN_FD_SPEC
	KAPI_RETURN_END

	KAPI_ERROR_EINVAL(0, "flags has a bit other than EPOLL_CLOEXEC")
	KAPI_ERROR(1, -EMFILE, "EMFILE", "Descriptor table full",
		   "The process already has RLIMIT_NOFILE descriptors open.")
	KAPI_ERROR_ENOMEM(2, "No memory for the instance")
	KAPI_ERROR_COUNT(3)
KAPI_END_SPEC;

SYSCALL_DEFINE1(epoll_create1, int, flags)
{
	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	return do_epoll_create(flags);
}

static const s64 epoll_ctl_ops[] = {
	EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD,
};

static const s64 epoll_ctl_errors[] = {
	-EBADF, -EEXIST, -EINVAL, -ELOOP, -ENOENT, -ENOMEM, -ENOSPC, -EPERM,
	-EFAULT, -EINTR,
};

/* CAP_BLOCK_SUSPEND or CAP_SYS_ADMIN: a brace list with a comma in it. */
#define EPOLL_WAKEUP_CAPS	{ CAP_BLOCK_SUSPEND, CAP_SYS_ADMIN }

DEFINE_KERNEL_API_SPEC(ep_apply_locked)
	KAPI_DESCRIPTION("Apply one epoll_ctl operation to a locked instance")
	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)

	KAPI_PARAM(0, "ep", "struct eventpoll *", "The instance, ep->mtx held")
		KAPI_PARAM_TYPE(KAPI_TYPE_PTR)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END
	KAPI_PARAM(1, "op", "int", "EPOLL_CTL_ADD, _DEL or _MOD")
		KAPI_PARAM_TYPE(KAPI_TYPE_ENUM)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_ENUM)
		KAPI_PARAM_ENUM_VALUES(epoll_ctl_ops)
	KAPI_PARAM_END
	KAPI_PARAM(2, "fd", "int", "The watched descriptor")
		KAPI_PARAM_TYPE(KAPI_TYPE_FD)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
	KAPI_PARAM_END
	KAPI_PARAM(3, "event", "const struct epoll_event *",
		   "Kernel copy of the events; unused for EPOLL_CTL_DEL")
		KAPI_PARAM_TYPE(KAPI_TYPE_STRUCT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN | KAPI_PARAM_CONST |
				 KAPI_PARAM_OPTIONAL)
		KAPI_PARAM_SIZE(sizeof(struct epoll_event))
	KAPI_PARAM_END
	KAPI_PARAM_COUNT(4)

	KAPI_RETURN("int", "0, or -errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_SUCCESS_ZERO
	KAPI_RETURN_END

	KAPI_ERROR(0, -EEXIST, "EEXIST", "Already watched",
		   "op is EPOLL_CTL_ADD and fd is already in the instance.")
	KAPI_ERROR(1, -ENOENT, "ENOENT", "Not watched",
		   "op is EPOLL_CTL_MOD or EPOLL_CTL_DEL and fd is not in the "
		   "instance.")
	KAPI_ERROR_EINVAL(2, "op is unknown")
	KAPI_ERROR_COUNT(3)

	KAPI_LOCK(0, "ep->mtx", KAPI_LOCK_MUTEX)
		KAPI_LOCK_HELD_ENTRY
		KAPI_LOCK_HELD_EXIT
		KAPI_LOCK_DESC("The caller holds it across the call")
	KAPI_LOCK_END
	KAPI_LOCK(1, "ep->lock", KAPI_LOCK_SPINLOCK)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Protects the ready list")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(2)
KAPI_END_SPEC;

static int ep_apply_locked(struct eventpoll *ep, int op, int fd,
			   const struct epoll_event *event)
{
	int error;

	spin_lock(&ep->lock);
	switch (op) {
	case EPOLL_CTL_ADD:
		error = ep_insert(ep, fd, event);
		break;
	case EPOLL_CTL_MOD:
		error = ep_modify(ep, fd, event);
		break;
	case EPOLL_CTL_DEL:
		error = ep_remove(ep, fd);
		break;
	default:
		error = -EINVAL;
		break;
	}
	spin_unlock(&ep->lock);
	return error;
}

DEFINE_KERNEL_API_SPEC(sys_epoll_ctl)
	KAPI_DESCRIPTION("Control an epoll instance")
	KAPI_LONG_DESC("Adds, modifies or removes the watch of a file "
		       "descriptor in an epoll instance.")
	KAPI_SYSCALL_SLEEPABLE
	KAPI_SINCE_VERSION("2.5.44")

	KAPI_PARAM_FD(0, "The epoll instance")
	KAPI_PARAM(1, "op", "int", "EPOLL_CTL_ADD, _DEL or _MOD")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_SIZE(sizeof(int))
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_ENUM)
		KAPI_PARAM_ENUM_VALUES(epoll_ctl_ops)
	KAPI_PARAM_END
	KAPI_PARAM_FD(2, "The file descriptor to watch")
	KAPI_PARAM_USER_STRUCT(3, "event", struct epoll_event,
			       KAPI_PARAM_IN | KAPI_PARAM_OPTIONAL,
			       "Events to watch; ignored for EPOLL_CTL_DEL")
	KAPI_PARAM_COUNT(4)

	KAPI_RETURN("long", "0 on success, or -errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
		KAPI_RETURN_SUCCESS(0)
		KAPI_RETURN_ERROR_VALUES(epoll_ctl_errors)
		KAPI_RETURN_ERROR_COUNT(ARRAY_SIZE(epoll_ctl_errors))
	KAPI_RETURN_END

	KAPI_ERROR_EBADF(0, "epfd or fd is not open")
	KAPI_ERROR(1, -EEXIST, "EEXIST", "Already watched",
		   "op is EPOLL_CTL_ADD and fd is already in the instance.")
	KAPI_ERROR_EINVAL(2, "epfd is not an epoll instance, or op is unknown")
	KAPI_ERROR(3, -ELOOP, "ELOOP", "Nesting too deep",
		   "fd is an epoll instance and watching it creates a loop.")
	KAPI_ERROR(4, -ENOENT, "ENOENT", "Not watched",
		   "op is EPOLL_CTL_MOD or EPOLL_CTL_DEL and fd is not in the "
		   "instance.")
	KAPI_ERROR_ENOMEM(5, "No memory for the watch")
	KAPI_ERROR(6, -ENOSPC, "ENOSPC", "Watch limit reached",
		   "The user's max_user_watches limit is reached.")
	KAPI_ERROR_EPERM(7, "fd does not support polling")
	KAPI_ERROR_EFAULT(8, "event is not readable")
	KAPI_ERROR(9, -EINTR, "EINTR", "Interrupted",
		   "A fatal signal arrived while waiting for ep->mtx.")
	KAPI_ERROR_COUNT(10)

	KAPI_LOCK(0, "ep->mtx", KAPI_LOCK_MUTEX)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Serialises changes to the instance")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)

	KAPI_CONSTRAINT(0, "No self watch",
			"An epoll instance cannot watch itself.")
		KAPI_CONSTRAINT_EXPR("epfd != fd")
	KAPI_CONSTRAINT_END
	KAPI_CONSTRAINT_COUNT(1)

	KAPI_SIGNAL(0, 0, "FATAL", KAPI_SIGNAL_RECEIVE,
		    KAPI_SIGNAL_ACTION_RETURN)
		KAPI_SIGNAL_CONDITION("Fatal signal pending while waiting "
				      "for ep->mtx")
		KAPI_SIGNAL_ERROR(-EINTR)
	KAPI_SIGNAL_END
	KAPI_SIGNAL_COUNT(1)

	KAPI_STRUCT_SPEC(0, epoll_event, "An event mask and user data")
		KAPI_STRUCT_SIZE(sizeof(struct epoll_event),
				 __alignof__(struct epoll_event))
		KAPI_STRUCT_FIELD_COUNT(2)
		KAPI_STRUCT_FIELD(0, "events", KAPI_TYPE_UINT, "__poll_t",
				  "Events to watch or that occurred")
			KAPI_FIELD_OFFSET(0)
			KAPI_FIELD_SIZE(sizeof(u32))
			KAPI_FIELD_FLAGS(KAPI_PARAM_INOUT)
			KAPI_FIELD_CONSTRAINT_MASK(EPOLL_EVENT_MASK)
		KAPI_STRUCT_FIELD_END
		KAPI_STRUCT_FIELD(1, "data", KAPI_TYPE_UINT, "__u64",
				  "Returned unchanged with each event")
			KAPI_FIELD_OFFSET(sizeof(u32))
			KAPI_FIELD_SIZE(sizeof(u64))
			KAPI_FIELD_FLAGS(KAPI_PARAM_INOUT)
		KAPI_STRUCT_FIELD_END
	KAPI_STRUCT_SPEC_END
	KAPI_STRUCT_SPEC(1, epoll_ctl_args, "The op and fd pair, as a record")
		KAPI_STRUCT_SIZE(2 * sizeof(int), __alignof__(int))
		KAPI_STRUCT_FIELD_COUNT(2)
		KAPI_STRUCT_FIELD(0, "op", KAPI_TYPE_ENUM, "int",
				  "The operation")
			KAPI_FIELD_CONSTRAINT_ENUM("EPOLL_CTL_ADD, "
						   "EPOLL_CTL_DEL, "
						   "EPOLL_CTL_MOD")
		KAPI_STRUCT_FIELD_END
		KAPI_STRUCT_FIELD(1, "fd", KAPI_TYPE_FD, "int",
				  "The descriptor")
			KAPI_FIELD_OFFSET(sizeof(int))
			KAPI_FIELD_CONSTRAINT_RANGE(0, INT_MAX)
		KAPI_STRUCT_FIELD_END
	KAPI_STRUCT_SPEC_END
	KAPI_STRUCT_SPEC_COUNT(2)

	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_RESOURCE_CREATE |
			    KAPI_EFFECT_ALLOC_MEMORY,
			 "epitem", "EPOLL_CTL_ADD allocates a watch")
		KAPI_EFFECT_CONDITION("op == EPOLL_CTL_ADD")
		KAPI_EFFECT_REVERSIBLE
	KAPI_SIDE_EFFECT_END
	KAPI_SIDE_EFFECT(1, KAPI_EFFECT_RESOURCE_DESTROY |
			    KAPI_EFFECT_FREE_MEMORY,
			 "epitem", "EPOLL_CTL_DEL frees the watch")
		KAPI_EFFECT_CONDITION("op == EPOLL_CTL_DEL")
	KAPI_SIDE_EFFECT_END
	KAPI_SIDE_EFFECT_COUNT(2)

	KAPI_STATE_TRANS(0, "epitem", "absent", "watched",
			 "EPOLL_CTL_ADD inserts the watch")
		KAPI_STATE_TRANS_COND("op == EPOLL_CTL_ADD")
	KAPI_STATE_TRANS_END
	KAPI_STATE_TRANS_COUNT(1)

	KAPI_CAPABILITY(0, CAP_BLOCK_SUSPEND, "CAP_BLOCK_SUSPEND",
			KAPI_CAP_GRANT_PERMISSION)
		KAPI_CAP_ALLOWS("EPOLLWAKEUP takes effect")
		KAPI_CAP_WITHOUT("EPOLLWAKEUP is silently dropped")
		KAPI_CAP_CONDITION("event->events has EPOLLWAKEUP")
		KAPI_CAP_PRIORITY(1)
		KAPI_CAP_ALTERNATIVE(EPOLL_WAKEUP_CAPS, 2)
	KAPI_CAPABILITY_END
	KAPI_CAPABILITY(1, CAP_SYS_RESOURCE, "CAP_SYS_RESOURCE",
			KAPI_CAP_INCREASE_LIMIT)
		KAPI_CAP_ALLOWS("Exceeding max_user_watches")
		KAPI_CAP_ALTERNATIVE({ CAP_SYS_ADMIN }, 1)
	KAPI_CAPABILITY_END
	KAPI_CAPABILITY_COUNT(2)

	KAPI_EXAMPLES("epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);")
	KAPI_NOTES("EPOLLWAKEUP without CAP_BLOCK_SUSPEND is dropped, not "
		   "rejected.")
KAPI_END_SPEC;

SYSCALL_DEFINE4(epoll_ctl, int, epfd, int, op, int, fd,
		struct epoll_event __user *, event)
{
	struct epoll_event epds = { 0 };
	struct eventpoll *ep;
	int error;

	if (op != EPOLL_CTL_DEL) {
		error = copy_event_from_user(&epds, event);
		if (error)
			return error;
		if ((epds.events & EPOLLWAKEUP) && !capable(CAP_BLOCK_SUSPEND))
			epds.events &= ~EPOLLWAKEUP;
	}

	ep = ep_from_fd(epfd);
	if (IS_ERR(ep))
		return PTR_ERR(ep);

	if (mutex_lock_killable(&ep->mtx))
		return -EINTR;
	error = ep_apply_locked(ep, op, fd, &epds);
	mutex_unlock(&ep->mtx);
	return error;
}

/*
 * KAPI_PARAM_SIZE_PARAM_IDX() sets size_param_idx a second time after
 * KAPI_PARAM(), as the framework's does. The pragmas turn off GCC's
 * -Woverride-init for this spec only. Sparse has no such switch, so the
 * line is hidden from it.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
DEFINE_KERNEL_API_SPEC(sys_epoll_wait)
	KAPI_DESCRIPTION("Wait for events on an epoll instance")
	KAPI_SYSCALL_SLEEPABLE

	KAPI_PARAM_FD(0, "The epoll instance")
	KAPI_PARAM(1, "events", "struct epoll_event __user *",
		   "Buffer that receives the ready events")
		KAPI_PARAM_TYPE(KAPI_TYPE_USER_PTR)
		KAPI_PARAM_FLAGS(KAPI_PARAM_OUT | KAPI_PARAM_USER_PTR)
#ifndef __CHECKER__
		KAPI_PARAM_SIZE_PARAM_IDX(2)
#endif
	KAPI_PARAM_END
	KAPI_PARAM(2, "maxevents", "int", "Capacity of events, in events")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(1, EP_MAX_EVENTS)
	KAPI_PARAM_END
	KAPI_PARAM(3, "timeout", "int", "Milliseconds to wait, -1 for ever")
		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
		KAPI_PARAM_RANGE(-1, INT_MAX)
	KAPI_PARAM_END
	KAPI_PARAM_COUNT(4)

	KAPI_RETURN("long", "Number of ready events, or -errno")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_COUNT
	KAPI_RETURN_END

	KAPI_ERROR_EBADF(0, "epfd is not open")
	KAPI_ERROR_EFAULT(1, "events is not writable")
	KAPI_ERROR_EINVAL(2, "epfd is not an epoll instance or maxevents <= 0")
	KAPI_ERROR(3, -EINTR, "EINTR", "Interrupted",
		   "A signal arrived before any event or the timeout.")
	KAPI_ERROR_COUNT(4)
KAPI_END_SPEC;
#pragma GCC diagnostic pop

SYSCALL_DEFINE4(epoll_wait, int, epfd, struct epoll_event __user *, events,
		int, maxevents, int, timeout)
{
	struct eventpoll *ep;

	if (maxevents <= 0 || maxevents > (int)EP_MAX_EVENTS)
		return -EINVAL;

	ep = ep_from_fd(epfd);
	if (IS_ERR(ep))
		return PTR_ERR(ep);
	return ep_poll(ep, events, maxevents, timeout);
}

/* mm/mremap.c and arch/x86/kernel/sys_x86_64.c: five and six arguments */

/* Moves a mapping: the new address, or ERR_PTR(-errno). */
extern void *move_mapping(unsigned long addr, unsigned long old_len,
			  unsigned long new_len, unsigned long flags,
			  unsigned long new_addr);
/* Maps a file or anonymous memory: the address, ERR_PTR(-errno) or NULL. */
extern void *map_region(unsigned long addr, unsigned long len,
			unsigned long prot, unsigned long flags,
			unsigned long fd, unsigned long pgoff);

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags,
		unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	void *ret;

	mmap_write_lock(mm);
	ret = move_mapping(addr, old_len, new_len, flags, new_addr);
	mmap_write_unlock(mm);
	if (IS_ERR(ret))
		return PTR_ERR(ret);
	return (long)ret;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags,
		unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	void *ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (fatal_signal_pending(current))
		return -EINTR;

	mmap_read_lock(mm);
	ret = map_region(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
	mmap_read_unlock(mm);
	if (!ret)
		ret = ERR_PTR(-ENOMEM);
	if (IS_ERR_OR_NULL(ret))
		return PTR_ERR_OR_ZERO(ret);
	return (long)ret;
}
