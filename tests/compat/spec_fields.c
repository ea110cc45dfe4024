/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checks what the compat spec macros compile to: the size of struct
 * kernel_api_spec, the member each macro of the sys_mlock spec sets, the
 * working forms of the framework's broken macros, and the SYSCALL_DEFINEx
 * wrappers of tests/kernel-include passing register arguments through.
 *
 * It includes all_macros.c, so its specs are the ones checked, and defines
 * test doubles for the kernel functions the syscall bodies call. Prints
 * one line per failed check and exits 1 if any failed.
 */
#include <stdio.h>
#include <string.h>

#include "all_macros.c"

/*
 * Bound on sizeof(struct kernel_api_spec), stated in the header comment of
 * <linux/kernel_api_spec.h> (25568 bytes on x86-64). The framework's v4
 * struct, also made of pointers, is 26400 bytes.
 */
#define SPEC_SIZE_MAX	(28 * 1024)

_Static_assert(sizeof(struct kernel_api_spec) < SPEC_SIZE_MAX,
	       "struct kernel_api_spec grew past its documented bound");

static int failures;

static void expect(int ok, const char *what, int line)
{
	if (ok)
		return;
	fprintf(stderr, "spec_fields.c:%d: check failed: %s\n", line, what);
	failures++;
}

#define EXPECT(cond)	expect(!!(cond), #cond, __LINE__)

/* True if the string member S is set and equals WANT. */
static int str_is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

/* Test doubles for the kernel, with what the checks below look at. */

static struct mm_struct test_mm;
static struct task_struct test_task = { .mm = &test_mm };
static int write_lock_result;
static int write_lock_depth;
static unsigned long locked_start;
static size_t locked_len;
static unsigned long mapped_args[6];

struct task_struct *get_current(void)
{
	return &test_task;
}

bool capable(int cap)
{
	return cap == CAP_SYS_ADMIN;
}

int down_write_killable(struct rw_semaphore *sem)
{
	if (sem != &test_mm.mmap_lock || write_lock_result)
		return write_lock_result;
	write_lock_depth++;
	return 0;
}

void up_write(struct rw_semaphore *sem)
{
	if (sem == &test_mm.mmap_lock)
		write_lock_depth--;
}

void down_write(struct rw_semaphore *sem)
{
	if (sem == &test_mm.mmap_lock)
		write_lock_depth++;
}

void down_read(struct rw_semaphore *sem)
{
	(void)sem;
}

void up_read(struct rw_semaphore *sem)
{
	(void)sem;
}

void mutex_unlock(struct mutex *lock)
{
	(void)lock;
}

void spin_lock(spinlock_t *lock)
{
	(void)lock;
}

void spin_unlock(spinlock_t *lock)
{
	(void)lock;
}

void rcu_read_lock(void)
{
}

void rcu_read_unlock(void)
{
}

void sleep_until_signal(void)
{
}

int mutex_lock_killable(struct mutex *lock)
{
	(void)lock;
	return 0;
}

int signal_pending(struct task_struct *p)
{
	return p == &test_task;
}

int fatal_signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

unsigned long memlock_limit_pages(void)
{
	return 16;
}

int apply_vma_lock_flags(unsigned long start, size_t len)
{
	locked_start = start;
	locked_len = len;
	return 0;
}

ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count)
{
	(void)buf;
	return fd == 3 ? (ssize_t)count : -EBADF;
}

int close_fd(unsigned int fd)
{
	return fd == 3 ? -ERESTARTSYS : -EBADF;
}

struct file *fget_raw(unsigned int fd)
{
	(void)fd;
	return NULL;
}

int get_unused_fd_install(struct file *file)
{
	(void)file;
	return 4;
}

int task_parent_tgid(struct task_struct *task)
{
	return task == &test_task ? 42 : -1;
}

int do_epoll_create(int flags)
{
	(void)flags;
	return 5;
}

struct eventpoll *ep_from_fd(int epfd)
{
	(void)epfd;
	return ERR_PTR(-EBADF);
}

int copy_event_from_user(struct epoll_event *to,
			 const struct epoll_event __user *from)
{
	(void)to;
	(void)from;
	return 0;
}

int ep_insert(struct eventpoll *ep, int fd, const struct epoll_event *event)
{
	(void)ep;
	(void)fd;
	(void)event;
	return 0;
}

int ep_modify(struct eventpoll *ep, int fd, const struct epoll_event *event)
{
	(void)ep;
	(void)fd;
	(void)event;
	return 0;
}

int ep_remove(struct eventpoll *ep, int fd)
{
	(void)ep;
	(void)fd;
	return 0;
}

int ep_poll(struct eventpoll *ep, struct epoll_event __user *events,
	    int maxevents, int timeout)
{
	(void)ep;
	(void)events;
	(void)timeout;
	return maxevents;
}

void *move_mapping(unsigned long addr, unsigned long old_len,
		   unsigned long new_len, unsigned long flags,
		   unsigned long new_addr)
{
	(void)addr;
	(void)old_len;
	(void)new_len;
	(void)flags;
	return (void *)new_addr;
}

void *map_region(unsigned long addr, unsigned long len, unsigned long prot,
		 unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	mapped_args[0] = addr;
	mapped_args[1] = len;
	mapped_args[2] = prot;
	mapped_args[3] = flags;
	mapped_args[4] = fd;
	mapped_args[5] = pgoff;
	return (void *)addr;
}

/* The sys_mlock spec, member by member. */
static void check_mlock_spec(void)
{
	const struct kernel_api_spec *s = &__kapi_spec_sys_mlock;

	EXPECT(str_is(s->name, "sys_mlock"));
	EXPECT(s->version == 1);
	EXPECT(s->api_type == KAPI_API_FUNCTION);
	EXPECT(str_is(s->description, "Lock pages in memory"));
	EXPECT(s->long_description != NULL);
	EXPECT(s->context_flags == (KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE));
	EXPECT(str_is(s->since_version, "2.0"));
	EXPECT(!s->deprecated);
	EXPECT(s->replacement == NULL);

	EXPECT(s->param_count == 2);
	EXPECT(str_is(s->params[0].name, "start"));
	EXPECT(str_is(s->params[0].type_name, "unsigned long"));
	EXPECT(s->params[0].type == KAPI_TYPE_UINT);
	EXPECT(s->params[0].flags == KAPI_PARAM_IN);
	EXPECT(s->params[0].constraint_type == KAPI_CONSTRAINT_NONE);
	EXPECT(str_is(s->params[0].constraints,
		      "Rounded down to page boundary"));
	EXPECT(s->params[0].size_param_idx == -1);
	EXPECT(str_is(s->params[1].name, "len"));
	EXPECT(s->params[1].constraint_type == KAPI_CONSTRAINT_RANGE);
	EXPECT(s->params[1].min_value == 0);
	EXPECT(s->params[1].max_value == LONG_MAX);
	EXPECT(s->params[1].size_param_idx == -1);
	EXPECT(s->params[2].name == NULL);

	EXPECT(str_is(s->return_spec.type_name, "long"));
	EXPECT(s->return_spec.type == KAPI_TYPE_INT);
	EXPECT(s->return_spec.check_type == KAPI_RETURN_ERROR_CHECK);
	EXPECT(s->return_spec.success_value == 0);

	EXPECT(s->error_count == 5);
	EXPECT(str_is(s->errors[0].name, "ENOMEM"));
	EXPECT(s->errors[0].error_code == -ENOMEM);
	EXPECT(str_is(s->errors[0].condition, "Address range issue"));
	EXPECT(s->errors[1].error_code == -EPERM);
	EXPECT(s->errors[2].error_code == -EINVAL);
	EXPECT(s->errors[3].error_code == -EAGAIN);
	EXPECT(s->errors[4].error_code == -EINTR);
	EXPECT(str_is(s->errors[4].name, "EINTR"));
	EXPECT(s->errors[5].name == NULL);

	EXPECT(s->lock_count == 1);
	EXPECT(str_is(s->locks[0].lock_name, "mmap_lock"));
	EXPECT(s->locks[0].lock_type == KAPI_LOCK_RWLOCK);
	EXPECT(s->locks[0].acquired && s->locks[0].released);
	EXPECT(!s->locks[0].held_on_entry && !s->locks[0].held_on_exit);
	EXPECT(str_is(s->locks[0].description,
		      "Process memory map write lock"));

	EXPECT(s->signal_count == 1);
	EXPECT(s->signals[0].signal_num == 0);
	EXPECT(str_is(s->signals[0].signal_name, "FATAL"));
	EXPECT(s->signals[0].direction == KAPI_SIGNAL_RECEIVE);
	EXPECT(s->signals[0].action == KAPI_SIGNAL_ACTION_RETURN);
	EXPECT(str_is(s->signals[0].condition, "Fatal signal pending"));
	EXPECT(s->signals[0].error_on_signal == 0);

	EXPECT(s->examples != NULL && s->notes != NULL);

	EXPECT(s->side_effect_count == 3);
	EXPECT(s->side_effects[0].type ==
	       (KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_ALLOC_MEMORY));
	EXPECT(s->side_effects[0].reversible);
	EXPECT(s->side_effects[1].reversible);
	EXPECT(!s->side_effects[2].reversible);
	EXPECT(str_is(s->side_effects[2].condition,
		      "Pages not already present"));

	EXPECT(s->state_trans_count == 2);
	EXPECT(str_is(s->state_transitions[1].object, "VMA flags"));
	EXPECT(str_is(s->state_transitions[1].from_state, "unlocked"));
	EXPECT(str_is(s->state_transitions[1].to_state, "VM_LOCKED set"));

	EXPECT(s->capability_count == 1);
	EXPECT(s->capabilities[0].capability == CAP_IPC_LOCK);
	EXPECT(str_is(s->capabilities[0].cap_name, "CAP_IPC_LOCK"));
	EXPECT(s->capabilities[0].action == KAPI_CAP_BYPASS_CHECK);
	EXPECT(s->capabilities[0].without_cap != NULL);
	EXPECT(s->capabilities[0].alternative_count == 0);
	EXPECT(str_is(s->check_exceptions[0].check, "kapi-errno-undeclared"));
	EXPECT(str_is(s->check_exceptions[0].value, "EAGAIN"));
	EXPECT(s->check_exceptions[0].reason != NULL);
	EXPECT(s->check_exceptions[1].check == NULL);

	EXPECT(s->constraint_count == 3);
	EXPECT(str_is(s->constraints[0].expression,
		      "locked_memory + request_size <= RLIMIT_MEMLOCK || "
		      "CAP_IPC_LOCK"));
	EXPECT(s->constraints[1].expression == NULL);
	EXPECT(str_is(s->constraints[2].name, "Special Memory Areas"));
}

/* The syscall_api_spec.h shorthands and the working forms. */
static void check_helpers(void)
{
	const struct kernel_api_spec *rd = &__kapi_spec_sys_read;
	const struct kernel_api_spec *ctl = &__kapi_spec_sys_epoll_ctl;

	EXPECT(rd->context_flags == (KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE));
	EXPECT(__kapi_spec_sys_getppid.context_flags ==
	       (KAPI_CTX_PROCESS | KAPI_CTX_ATOMIC));

	EXPECT(str_is(rd->params[0].name, "fd"));
	EXPECT(rd->params[0].type == KAPI_TYPE_FD);
	EXPECT(rd->params[0].max_value == INT_MAX);
	EXPECT(rd->params[1].type == KAPI_TYPE_USER_PTR);
	EXPECT(rd->params[1].flags == (KAPI_PARAM_OUT | KAPI_PARAM_USER));
	EXPECT(rd->params[1].size_param_idx == 2);
	EXPECT(str_is(rd->params[2].type_name, "size_t"));
	EXPECT(rd->params[2].size_param_idx == -1);
	EXPECT(rd->errors[0].error_code == -EBADF);
	EXPECT(str_is(rd->errors[1].name, "EFAULT"));
	EXPECT(rd->return_spec.check_type == KAPI_RETURN_RANGE);
	EXPECT(rd->return_spec.success_max == LONG_MAX);

	/* KAPI_SIGNAL_INTERRUPTIBLE_SLEEP, _FATAL_DEFAULT, _STOP_CONT */
	EXPECT(rd->signals[0].signal_num == SIGINT);
	EXPECT(rd->signals[1].signal_num == SIGTERM);
	EXPECT(rd->signals[1].error_on_signal == -EINTR);
	EXPECT(rd->signals[1].interruptible && rd->signals[1].restartable);
	EXPECT(rd->signals[2].signal_num == SIGKILL);
	EXPECT(rd->signals[3].signal_num == SIGSTOP);
	EXPECT(rd->signals[4].action == KAPI_SIGNAL_ACTION_CONTINUE);

	EXPECT(__kapi_spec_sys_close.return_spec.check_type ==
	       KAPI_RETURN_EXACT);
	EXPECT(__kapi_spec_sys_dup.return_spec.check_type == KAPI_RETURN_FD);
	EXPECT(__kapi_spec_sys_dup.return_spec.success_max == INT_MAX);

	EXPECT(__kapi_spec_sys_epoll_wait.params[1].size_param_idx == 2);
	EXPECT(__kapi_spec_sys_epoll_create.deprecated);
	EXPECT(str_is(__kapi_spec_sys_epoll_create.replacement,
		      "epoll_create1"));
	EXPECT(__kapi_spec_sys_epoll_create1.params[0].valid_mask ==
	       EPOLL_CLOEXEC);

	EXPECT(ctl->params[1].enum_values == epoll_ctl_ops);
	EXPECT(ctl->params[1].enum_count == 3);
	EXPECT(ctl->params[3].size == sizeof(struct epoll_event));
	EXPECT(str_is(ctl->params[3].type_name,
		      "struct epoll_event __user *"));
	EXPECT(ctl->return_spec.error_count == 10);
	EXPECT(ctl->capabilities[0].alternative[0] == CAP_BLOCK_SUSPEND);
	EXPECT(ctl->capabilities[0].alternative[1] == CAP_SYS_ADMIN);
	EXPECT(ctl->capabilities[0].alternative_count == 2);
	EXPECT(ctl->capabilities[1].alternative[0] == CAP_SYS_ADMIN);
	EXPECT(str_is(ctl->struct_specs[0].name, "epoll_event"));
	EXPECT(ctl->struct_specs[0].size == 12);
	EXPECT(ctl->struct_specs[0].fields[0].valid_mask == EPOLL_EVENT_MASK);
	EXPECT(ctl->struct_specs[0].fields[1].offset == 4);
	EXPECT(ctl->struct_specs[1].fields[0].constraint_type ==
	       KAPI_CONSTRAINT_ENUM);
	EXPECT(ctl->struct_specs[1].fields[1].max_value == INT_MAX);

	EXPECT(__kapi_spec_ep_apply_locked.locks[0].held_on_entry);
	EXPECT(__kapi_spec_ep_apply_locked.locks[0].held_on_exit);
	EXPECT(!__kapi_spec_ep_apply_locked.locks[0].acquired);

	EXPECT(__kapi_spec_sys_pause.signal_mask_count == 1);
	EXPECT(__kapi_spec_sys_pause.signal_masks[0].signals[0] == SIGKILL);
	EXPECT(__kapi_spec_sys_pause.signal_masks[0].signals[1] == SIGSTOP);
	EXPECT(__kapi_spec_sys_pause.signal_masks[0].signal_count == 2);
	EXPECT(__kapi_spec_sys_pause.signals[1].sa_flags_required ==
	       SA_RESTART);
	EXPECT(__kapi_spec_sys_pause.signals[8].transform_to == SIGTRAP);
}

/* __x64_sys_* must hand the argument registers to the body in order. */
static void check_syscall_wrappers(void)
{
	struct pt_regs regs = { 0 };

	regs.di = 0x12345;
	regs.si = 100;
	write_lock_result = 0;
	EXPECT(__x64_sys_mlock(&regs) == 0);
	EXPECT(locked_start == 0x12000);
	EXPECT(locked_len == 0x1000);
	EXPECT(write_lock_depth == 0);

	write_lock_result = -EINTR;
	EXPECT(__x64_sys_mlock(&regs) == -EINTR);

	regs.di = 3;
	regs.dx = 77;
	EXPECT(__x64_sys_read(&regs) == 77);
	EXPECT(__x64_sys_close(&regs) == -EINTR);
	EXPECT(__x64_sys_getppid(NULL) == 42);
	EXPECT(__x64_sys_pause(NULL) == -ERESTARTNOHAND);

	/* A negative int travels as a sign-extended register. */
	regs.di = (unsigned long)-1;
	EXPECT(__x64_sys_epoll_create(&regs) == -EINVAL);

	regs.di = 0x7000;
	regs.si = 0x2000;
	regs.dx = 3;
	regs.r10 = 0x22;
	regs.r8 = 9;
	regs.r9 = 0x5000;
	EXPECT(__x64_sys_mmap(&regs) == 0x7000);
	EXPECT(mapped_args[1] == 0x2000);
	EXPECT(mapped_args[2] == 3);
	EXPECT(mapped_args[3] == 0x22);
	EXPECT(mapped_args[4] == 9);
	EXPECT(mapped_args[5] == 5);

	regs.r8 = 0x9000;
	EXPECT(__x64_sys_mremap(&regs) == 0x9000);
	EXPECT(write_lock_depth == 0);
}

int main(void)
{
	printf("sizeof(struct kernel_api_spec) = %zu bytes, bound %d\n",
	       sizeof(struct kernel_api_spec), SPEC_SIZE_MAX);

	check_mlock_spec();
	check_helpers();
	check_syscall_wrappers();

	if (failures) {
		fprintf(stderr, "%d check(s) failed\n", failures);
		return 1;
	}
	return 0;
}
