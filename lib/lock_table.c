// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's lock primitives, in one table.
 *
 * Only functions the analysis cannot learn from a body belong here: the
 * out-of-line primitives (down_write, mutex_lock, _raw_spin_lock, ...) and
 * the few static inline entry points whose body hides the lock object
 * (rcu_read_lock, write_seqlock). Wrappers with a body in the unit, such
 * as mmap_write_lock_killable() or inode_lock(), are summarised instead.
 *
 * spin_lock() and friends are static inline calls of _raw_spin_lock() in
 * the 6.12 headers; both names are listed, so either form is recognised.
 * The killable and interruptible forms return 0 when they took the lock,
 * trylock forms return non-zero, and down_trylock() returns 0 on success.
 */
#include <string.h>

#include "kapi/lock.h"

#define ACQ(n, c, m)	{ n, KAPI_LOCK_OP_ACQUIRE, KAPI_LOCK_CLASS_##c, \
			  KAPI_LOCK_MODE_##m, KAPI_LOCK_WHEN_ALWAYS, 0, NULL }
#define ACQ_IF0(n, c, m) { n, KAPI_LOCK_OP_ACQUIRE, KAPI_LOCK_CLASS_##c, \
			  KAPI_LOCK_MODE_##m, KAPI_LOCK_WHEN_ZERO, 0, NULL }
#define TRY(n, c, m)	{ n, KAPI_LOCK_OP_ACQUIRE, KAPI_LOCK_CLASS_##c, \
			  KAPI_LOCK_MODE_##m, KAPI_LOCK_WHEN_NONZERO, 0, NULL }
#define REL(n, c, m)	{ n, KAPI_LOCK_OP_RELEASE, KAPI_LOCK_CLASS_##c, \
			  KAPI_LOCK_MODE_##m, KAPI_LOCK_WHEN_ALWAYS, 0, NULL }
#define RCU_ACQ(n)	{ n, KAPI_LOCK_OP_ACQUIRE, KAPI_LOCK_CLASS_RCU, \
			  KAPI_LOCK_MODE_READ, KAPI_LOCK_WHEN_ALWAYS, -1, "rcu" }
#define RCU_REL(n)	{ n, KAPI_LOCK_OP_RELEASE, KAPI_LOCK_CLASS_RCU, \
			  KAPI_LOCK_MODE_READ, KAPI_LOCK_WHEN_ALWAYS, -1, "rcu" }

static const struct kapi_lock_prim lock_prims[] = {
	/* rw_semaphore (kernel/locking/rwsem.c) */
	ACQ("down_read", RWSEM, READ),
	ACQ("down_read_nested", RWSEM, READ),
	ACQ("down_read_non_owner", RWSEM, READ),
	ACQ_IF0("down_read_killable", RWSEM, READ),
	ACQ_IF0("down_read_killable_nested", RWSEM, READ),
	ACQ_IF0("down_read_interruptible", RWSEM, READ),
	TRY("down_read_trylock", RWSEM, READ),
	ACQ("down_write", RWSEM, WRITE),
	ACQ("down_write_nested", RWSEM, WRITE),
	ACQ_IF0("down_write_killable", RWSEM, WRITE),
	ACQ_IF0("down_write_killable_nested", RWSEM, WRITE),
	TRY("down_write_trylock", RWSEM, WRITE),
	REL("up_read", RWSEM, READ),
	REL("up_read_non_owner", RWSEM, READ),
	REL("up_write", RWSEM, WRITE),
	{ "downgrade_write", KAPI_LOCK_OP_DOWNGRADE, KAPI_LOCK_CLASS_RWSEM,
	  KAPI_LOCK_MODE_READ, KAPI_LOCK_WHEN_ALWAYS, 0, NULL },

	/* percpu_rw_semaphore */
	ACQ("percpu_down_read", RWSEM, READ),
	TRY("percpu_down_read_trylock", RWSEM, READ),
	REL("percpu_up_read", RWSEM, READ),
	ACQ("percpu_down_write", RWSEM, WRITE),
	REL("percpu_up_write", RWSEM, WRITE),

	/* mutex (kernel/locking/mutex.c); _nested forms with lockdep */
	ACQ("mutex_lock", MUTEX, EXCL),
	ACQ("mutex_lock_nested", MUTEX, EXCL),
	ACQ("mutex_lock_io", MUTEX, EXCL),
	ACQ("mutex_lock_io_nested", MUTEX, EXCL),
	ACQ_IF0("mutex_lock_interruptible", MUTEX, EXCL),
	ACQ_IF0("mutex_lock_interruptible_nested", MUTEX, EXCL),
	ACQ_IF0("mutex_lock_killable", MUTEX, EXCL),
	ACQ_IF0("mutex_lock_killable_nested", MUTEX, EXCL),
	TRY("mutex_trylock", MUTEX, EXCL),
	REL("mutex_unlock", MUTEX, EXCL),

	/* counting semaphore (kernel/locking/semaphore.c) */
	ACQ("down", SEMAPHORE, EXCL),
	ACQ_IF0("down_interruptible", SEMAPHORE, EXCL),
	ACQ_IF0("down_killable", SEMAPHORE, EXCL),
	ACQ_IF0("down_trylock", SEMAPHORE, EXCL),
	REL("up", SEMAPHORE, EXCL),

	/* spinlock_t: the inline API and the out-of-line _raw_ functions */
	ACQ("spin_lock", SPINLOCK, EXCL),
	ACQ("spin_lock_irq", SPINLOCK, EXCL),
	ACQ("spin_lock_bh", SPINLOCK, EXCL),
	ACQ("spin_lock_nested", SPINLOCK, EXCL),
	TRY("spin_trylock", SPINLOCK, EXCL),
	TRY("spin_trylock_bh", SPINLOCK, EXCL),
	TRY("spin_trylock_irq", SPINLOCK, EXCL),
	REL("spin_unlock", SPINLOCK, EXCL),
	REL("spin_unlock_irq", SPINLOCK, EXCL),
	REL("spin_unlock_bh", SPINLOCK, EXCL),
	REL("spin_unlock_irqrestore", SPINLOCK, EXCL),
	ACQ("_raw_spin_lock", SPINLOCK, EXCL),
	ACQ("_raw_spin_lock_irq", SPINLOCK, EXCL),
	ACQ("_raw_spin_lock_irqsave", SPINLOCK, EXCL),
	ACQ("_raw_spin_lock_bh", SPINLOCK, EXCL),
	ACQ("_raw_spin_lock_nested", SPINLOCK, EXCL),
	ACQ("_raw_spin_lock_irqsave_nested", SPINLOCK, EXCL),
	TRY("_raw_spin_trylock", SPINLOCK, EXCL),
	TRY("_raw_spin_trylock_bh", SPINLOCK, EXCL),
	REL("_raw_spin_unlock", SPINLOCK, EXCL),
	REL("_raw_spin_unlock_irq", SPINLOCK, EXCL),
	REL("_raw_spin_unlock_irqrestore", SPINLOCK, EXCL),
	REL("_raw_spin_unlock_bh", SPINLOCK, EXCL),

	/* rwlock_t: only the _raw_ names exist as functions */
	ACQ("_raw_read_lock", RWLOCK, READ),
	ACQ("_raw_read_lock_irq", RWLOCK, READ),
	ACQ("_raw_read_lock_irqsave", RWLOCK, READ),
	ACQ("_raw_read_lock_bh", RWLOCK, READ),
	TRY("_raw_read_trylock", RWLOCK, READ),
	REL("_raw_read_unlock", RWLOCK, READ),
	REL("_raw_read_unlock_irq", RWLOCK, READ),
	REL("_raw_read_unlock_irqrestore", RWLOCK, READ),
	REL("_raw_read_unlock_bh", RWLOCK, READ),
	ACQ("_raw_write_lock", RWLOCK, WRITE),
	ACQ("_raw_write_lock_irq", RWLOCK, WRITE),
	ACQ("_raw_write_lock_irqsave", RWLOCK, WRITE),
	ACQ("_raw_write_lock_bh", RWLOCK, WRITE),
	ACQ("_raw_write_lock_nested", RWLOCK, WRITE),
	TRY("_raw_write_trylock", RWLOCK, WRITE),
	REL("_raw_write_unlock", RWLOCK, WRITE),
	REL("_raw_write_unlock_irq", RWLOCK, WRITE),
	REL("_raw_write_unlock_irqrestore", RWLOCK, WRITE),
	REL("_raw_write_unlock_bh", RWLOCK, WRITE),

	/* seqlock_t writers; readers take no lock */
	ACQ("write_seqlock", SEQLOCK, WRITE),
	ACQ("write_seqlock_irq", SEQLOCK, WRITE),
	ACQ("write_seqlock_bh", SEQLOCK, WRITE),
	ACQ("__write_seqlock_irqsave", SEQLOCK, WRITE),
	REL("write_sequnlock", SEQLOCK, WRITE),
	REL("write_sequnlock_irq", SEQLOCK, WRITE),
	REL("write_sequnlock_bh", SEQLOCK, WRITE),
	REL("write_sequnlock_irqrestore", SEQLOCK, WRITE),

	/* RCU read side: no object, one global identity */
	RCU_ACQ("rcu_read_lock"),
	RCU_ACQ("__rcu_read_lock"),
	RCU_ACQ("rcu_read_lock_bh"),
	RCU_ACQ("rcu_read_lock_sched"),
	RCU_REL("rcu_read_unlock"),
	RCU_REL("__rcu_read_unlock"),
	RCU_REL("rcu_read_unlock_bh"),
	RCU_REL("rcu_read_unlock_sched"),
};

#define NPRIMS (sizeof(lock_prims) / sizeof(lock_prims[0]))

const struct kapi_lock_prim *kapi_lock_prim_find(const char *name)
{
	unsigned int i;

	if (!name)
		return NULL;
	for (i = 0; i < NPRIMS; i++)
		if (strcmp(lock_prims[i].name, name) == 0)
			return &lock_prims[i];
	return NULL;
}

const struct kapi_lock_prim *kapi_lock_prim_at(unsigned int index)
{
	return index < NPRIMS ? &lock_prims[index] : NULL;
}

const char *kapi_lock_class_name(enum kapi_lock_class cls)
{
	static const char *const names[] = {
		[KAPI_LOCK_CLASS_UNKNOWN] = "lock",
		[KAPI_LOCK_CLASS_RWSEM] = "rw_semaphore",
		[KAPI_LOCK_CLASS_MUTEX] = "mutex",
		[KAPI_LOCK_CLASS_SPINLOCK] = "spinlock",
		[KAPI_LOCK_CLASS_RWLOCK] = "rwlock",
		[KAPI_LOCK_CLASS_SEQLOCK] = "seqlock",
		[KAPI_LOCK_CLASS_RCU] = "RCU read side",
		[KAPI_LOCK_CLASS_SEMAPHORE] = "semaphore",
	};

	return (unsigned int)cls < sizeof(names) / sizeof(names[0]) ?
		names[cls] : "lock";
}

const char *kapi_lock_mode_name(enum kapi_lock_mode mode)
{
	switch (mode) {
	case KAPI_LOCK_MODE_READ:
		return "read";
	case KAPI_LOCK_MODE_WRITE:
		return "write";
	case KAPI_LOCK_MODE_EXCL:
		break;
	}
	return "exclusive";
}

enum kapi_lock_class kapi_lock_class_of_type(const char *type)
{
	static const struct {
		const char *type;
		enum kapi_lock_class cls;
	} types[] = {
		{ "struct rw_semaphore", KAPI_LOCK_CLASS_RWSEM },
		{ "struct percpu_rw_semaphore", KAPI_LOCK_CLASS_RWSEM },
		{ "struct mutex", KAPI_LOCK_CLASS_MUTEX },
		{ "spinlock_t", KAPI_LOCK_CLASS_SPINLOCK },
		{ "struct spinlock", KAPI_LOCK_CLASS_SPINLOCK },
		{ "raw_spinlock_t", KAPI_LOCK_CLASS_SPINLOCK },
		{ "struct raw_spinlock", KAPI_LOCK_CLASS_SPINLOCK },
		{ "rwlock_t", KAPI_LOCK_CLASS_RWLOCK },
		{ "seqlock_t", KAPI_LOCK_CLASS_SEQLOCK },
		{ "struct semaphore", KAPI_LOCK_CLASS_SEMAPHORE },
	};
	unsigned int i;

	if (!type)
		return KAPI_LOCK_CLASS_UNKNOWN;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(types[i].type, type) == 0)
			return types[i].cls;
	return KAPI_LOCK_CLASS_UNKNOWN;
}
