// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the lock analysis: learned wrappers, conditional
 * acquisition, imbalance on an error path, mode mismatches, and a callee
 * whose release depends on the error it returns.
 */
#include <string.h>

#include "ir_helpers.h"
#include "kapi/lock.h"
#include "unit.h"

#define EINTR 4
#define EBUSY 16

struct registry {
	unsigned int n;
	const struct kapi_lock_summary *v[16];
};

static const struct kapi_lock_summary *lookup(void *data, const char *name)
{
	struct registry *r = data;
	unsigned int i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i]->name, name) == 0)
			return r->v[i];
	return NULL;
}

static const struct kapi_lock_summary *learn(struct kapi_arena *arena,
					     struct registry *r,
					     struct kapi_fn_ir *fn, bool paths)
{
	const struct kapi_lock_summary *s =
		kapi_lock_summarize(arena, fn, lookup, r, paths);

	r->v[r->n++] = s;
	return s;
}

/* int mmap_write_lock_killable(struct mm_struct *mm) */
static struct kapi_fn_ir *build_killable(struct kapi_arena *arena)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "mmap_write_lock_killable",
					    true, 1, at(1));
	int b0 = kapi_ir_add_block(fn);
	int mm = kapi_ir_add_var(fn, "mm"), lock = kapi_ir_add_var(fn, NULL);
	int ret = kapi_ir_add_var(fn, "ret");
	struct kapi_operand arg = kapi_var(lock);

	kapi_ir_param(fn, b0, mm, 0);
	kapi_ir_address(fn, b0, lock, "mmap_lock", "struct rw_semaphore",
			at(2));
	kapi_ir_call(fn, b0, ret, "down_write_killable", false, 1, &arg,
		     at(2));
	kapi_ir_return(fn, b0, true, kapi_var(ret), at(3));
	return fn;
}

/* void mmap_unlock_as(struct mm_struct *mm): up_write or up_read */
static struct kapi_fn_ir *build_unlock(struct kapi_arena *arena,
				       const char *name, const char *prim)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, name, true, 1, at(5));
	int b0 = kapi_ir_add_block(fn);
	int mm = kapi_ir_add_var(fn, "mm"), lock = kapi_ir_add_var(fn, NULL);
	struct kapi_operand arg = kapi_var(lock);

	kapi_ir_param(fn, b0, mm, 0);
	kapi_ir_address(fn, b0, lock, "mmap_lock", "struct rw_semaphore",
			at(6));
	kapi_ir_call(fn, b0, -1, prim, false, 1, &arg, at(6));
	kapi_ir_return(fn, b0, false, kapi_const(0), at(7));
	return fn;
}

/*
 * long __do_sys_demo(void) {
 *	if (mmap_write_lock_killable(mm)) return -EINTR;      line 21
 *	err = step(); if (err) return err;                     line 22 (bug)
 *	mmap_write_unlock(mm); return 0;                       line 23
 * }
 */
static struct kapi_fn_ir *build_syscall(struct kapi_arena *arena, bool bug)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "__do_sys_demo", true, 0,
					    at(20));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn), b3 = kapi_ir_add_block(fn);
	int b4 = kapi_ir_add_block(fn);
	int mm = kapi_ir_add_var(fn, "mm"), got = kapi_ir_add_var(fn, NULL);
	int err = kapi_ir_add_var(fn, "err");
	struct kapi_operand arg = kapi_var(mm);

	kapi_ir_unknown(fn, b0, mm, "load of 'current->mm'", at(21));
	kapi_ir_call(fn, b0, got, "mmap_write_lock_killable", false, 1, &arg,
		     at(21));
	kapi_ir_branch(fn, b0, kapi_var(got), KAPI_CMP_NE, 0, false, b1, b2,
		       at(21));
	kapi_ir_return(fn, b1, true, kapi_const(-EINTR), at(21));
	kapi_ir_call(fn, b2, err, "step", false, 0, NULL, at(22));
	kapi_ir_branch(fn, b2, kapi_var(err), KAPI_CMP_NE, 0, false, b3, b4,
		       at(22));
	if (!bug)
		kapi_ir_call(fn, b3, -1, "mmap_write_unlock", false, 1, &arg,
			     at(22));
	kapi_ir_return(fn, b3, true, kapi_var(err), at(22));
	kapi_ir_call(fn, b4, -1, "mmap_write_unlock", false, 1, &arg, at(23));
	kapi_ir_return(fn, b4, true, kapi_const(0), at(23));
	return fn;
}

static struct kapi_spec *mmap_spec(struct kapi_arena *arena)
{
	struct kapi_spec *spec = kapi_spec_new(arena, "sys_demo",
					       "__kapi_spec_sys_demo", at(15));
	struct kapi_spec_lock *l = kapi_spec_add_lock(arena, spec, 0);

	l->name = "mmap_lock";
	l->lock_type = 3;
	l->acquired = true;
	l->released = true;
	l->description = "Process memory map write lock";
	spec->lock_count.present = true;
	spec->lock_count.value = 1;
	return spec;
}

static int count_check(const struct kapi_findings *f, enum kapi_check_id id)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < f->n; i++)
		n += f->v[i].check == id;
	return n;
}

static void killable_wrapper_learned(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct registry r = { 0 };
	const struct kapi_lock_summary *s =
		learn(arena, &r, build_killable(arena), false);
	unsigned int i, held = 0, free_exits = 0;

	CHECK(s->incomplete == NULL);
	CHECK(s->has_effect);
	CHECK(s->nexits == 2);
	for (i = 0; i < s->nexits; i++) {
		const struct kapi_lock_exit *e = &s->exits[i];

		if (e->nholds == 1) {
			held++;
			CHECK(kapi_filter_admits(&e->ret, 0));
			CHECK(!kapi_filter_admits(&e->ret, -EINTR));
			CHECK(e->holds[0].mode == KAPI_LOCK_MODE_WRITE);
			CHECK(strcmp(e->holds[0].obj.name, "mmap_lock") == 0);
		} else {
			free_exits++;
			CHECK(!kapi_filter_admits(&e->ret, 0));
		}
	}
	CHECK(held == 1);
	CHECK(free_exits == 1);
	kapi_arena_free(arena);
}

static void balanced_syscall_passes(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct registry r = { 0 };
	const struct kapi_lock_summary *s;
	struct kapi_findings out;

	learn(arena, &r, build_killable(arena), false);
	learn(arena, &r, build_unlock(arena, "mmap_write_unlock", "up_write"),
	      false);
	s = learn(arena, &r, build_syscall(arena, false), true);
	kapi_findings_init(&out, arena);
	kapi_check_locks(arena, mmap_spec(arena), s, NULL, 0, &out);
	CHECK(s->incomplete == NULL);
	CHECK(out.n == 0);
	kapi_arena_free(arena);
}

static void early_return_imbalance_found(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct registry r = { 0 };
	const struct kapi_lock_summary *s;
	struct kapi_findings out;

	learn(arena, &r, build_killable(arena), false);
	learn(arena, &r, build_unlock(arena, "mmap_write_unlock", "up_write"),
	      false);
	s = learn(arena, &r, build_syscall(arena, true), true);
	kapi_findings_init(&out, arena);
	kapi_check_locks(arena, mmap_spec(arena), s, NULL, 0, &out);
	CHECK(count_check(&out, KAPI_CHECK_LOCK_IMBALANCE) == 1);
	CHECK(out.n == 1);
	if (out.n == 1) {
		CHECK(out.v[0].loc.line == 22);
		CHECK(out.v[0].nnotes >= 2);
		CHECK(out.v[0].notes[0].loc.line == 21);
	}
	kapi_arena_free(arena);
}

static void release_in_wrong_mode_found(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct registry r = { 0 };
	const struct kapi_lock_summary *s;
	struct kapi_findings out;

	learn(arena, &r, build_killable(arena), false);
	learn(arena, &r, build_unlock(arena, "mmap_write_unlock", "up_read"),
	      false);
	s = learn(arena, &r, build_syscall(arena, false), true);
	kapi_findings_init(&out, arena);
	kapi_check_locks(arena, mmap_spec(arena), s, NULL, 0, &out);
	CHECK(count_check(&out, KAPI_CHECK_LOCK_MODE) == 2);
	kapi_arena_free(arena);
}

/*
 * int work_on(struct mutex *m) { int v = work(); if (v == -EBUSY) {
 *	mutex_unlock(m); return v; } return v; }
 * long __do_sys_demo(void) { mutex_lock(&g); r = work_on(&g);
 *	mutex_unlock(&g); return r; }
 */
static void conditional_release_contract(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct registry r = { 0 };
	struct kapi_fn_ir *callee = kapi_ir_new(arena, "work_on", true, 1,
						at(30));
	struct kapi_fn_ir *sys = kapi_ir_new(arena, "__do_sys_demo", true, 0,
					     at(40));
	int c0 = kapi_ir_add_block(callee), c1 = kapi_ir_add_block(callee);
	int c2 = kapi_ir_add_block(callee);
	int m = kapi_ir_add_var(callee, "m"), v = kapi_ir_add_var(callee, "v");
	int s0 = kapi_ir_add_block(sys);
	int g = kapi_ir_add_var(sys, NULL), ret = kapi_ir_add_var(sys, "r");
	struct kapi_operand marg = kapi_var(m), garg = kapi_var(g);
	struct kapi_spec *spec = kapi_spec_new(arena, "sys_demo", "x", at(39));
	struct kapi_spec_lock *l = kapi_spec_add_lock(arena, spec, 0);
	const struct kapi_lock_summary *s;
	struct kapi_findings out;

	kapi_ir_param(callee, c0, m, 0);
	kapi_ir_call(callee, c0, v, "work", false, 0, NULL, at(31));
	kapi_ir_branch(callee, c0, kapi_var(v), KAPI_CMP_EQ, -EBUSY, false,
		       c1, c2, at(31));
	kapi_ir_call(callee, c1, -1, "mutex_unlock", false, 1, &marg, at(32));
	kapi_ir_return(callee, c1, true, kapi_var(v), at(32));
	kapi_ir_return(callee, c2, true, kapi_var(v), at(33));

	kapi_ir_address(sys, s0, g, "demo_mutex", "struct mutex", at(41));
	kapi_ir_call(sys, s0, -1, "mutex_lock", false, 1, &garg, at(41));
	kapi_ir_call(sys, s0, ret, "work_on", false, 1, &garg, at(42));
	kapi_ir_call(sys, s0, -1, "mutex_unlock", false, 1, &garg, at(43));
	kapi_ir_return(sys, s0, true, kapi_var(ret), at(44));

	l->name = "demo_mutex";
	l->lock_type = 1;
	l->acquired = true;
	l->released = true;

	learn(arena, &r, callee, false);
	s = learn(arena, &r, sys, true);
	kapi_findings_init(&out, arena);
	kapi_check_locks(arena, spec, s, NULL, 0, &out);
	CHECK(count_check(&out, KAPI_CHECK_LOCK_IMBALANCE) == 1);
	CHECK(out.n > 0);
	if (out.n > 0)
		CHECK(strstr(out.v[0].message, "more often") != NULL);
	kapi_arena_free(arena);
}

static void spec_names_match_objects(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_lock_aliases *aliases = kapi_lock_aliases_new(arena);
	struct kapi_spec_lock l = { 0 };
	const char *err = NULL;

	CHECK(kapi_lock_name_matches(NULL, "mm->mmap_lock (read mode)",
				     "mmap_lock"));
	CHECK(kapi_lock_name_matches(NULL, "RCU read-side", "rcu"));
	CHECK(!kapi_lock_name_matches(NULL, "mmap_lock_owner", "mmap_lock"));
	CHECK(!kapi_lock_name_matches(NULL, "Process memory map lock",
				      "mmap_lock"));
	CHECK(kapi_lock_aliases_parse(aliases, "aliases.txt",
				      "# comment\nProcess memory map lock = mmap_lock\n",
				      &err) == 0);
	CHECK(kapi_lock_name_matches(aliases, " process memory map LOCK ",
				     "mmap_lock"));
	CHECK(kapi_lock_aliases_parse(aliases, "bad.txt", "no equals sign\n",
				      &err) == -1);
	CHECK(err != NULL);
	if (err)
		CHECK(strstr(err, "bad.txt:1:") != NULL);

	l.name = "mm->mmap_lock (read mode)";
	CHECK(kapi_lock_spec_mode(&l) == KAPI_LOCK_MODE_READ);
	l.name = "mmap_lock";
	l.description = "Process memory map write lock";
	CHECK(kapi_lock_spec_mode(&l) == KAPI_LOCK_MODE_WRITE);
	kapi_arena_free(arena);
}

static void loop_with_lock_stays_bounded(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct registry r = { 0 };
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "looper", true, 0, at(50));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn);
	int g = kapi_ir_add_var(fn, NULL), more = kapi_ir_add_var(fn, NULL);
	struct kapi_operand garg = kapi_var(g);
	const struct kapi_lock_summary *s;

	/* while (more()) { spin_lock(&l); spin_unlock(&l); } */
	kapi_ir_address(fn, b0, g, "list_lock", "spinlock_t", at(51));
	kapi_ir_goto(fn, b0, b1);
	kapi_ir_call(fn, b1, more, "more", false, 0, NULL, at(52));
	kapi_ir_branch(fn, b1, kapi_var(more), KAPI_CMP_NE, 0, false, b2, b2,
		       at(52));
	kapi_ir_call(fn, b2, -1, "spin_lock", false, 1, &garg, at(53));
	kapi_ir_call(fn, b2, -1, "spin_unlock", false, 1, &garg, at(54));
	kapi_ir_goto(fn, b2, b1);
	s = learn(arena, &r, fn, false);
	CHECK(s->incomplete == NULL);
	CHECK(s->nexits == 0);
	CHECK(s->nuses == 1);
	kapi_arena_free(arena);
}

int main(void)
{
	RUN(killable_wrapper_learned);
	RUN(balanced_syscall_passes);
	RUN(early_return_imbalance_found);
	RUN(release_in_wrong_mode_found);
	RUN(conditional_release_contract);
	RUN(spec_names_match_objects);
	RUN(loop_with_lock_stays_bounded);
	return UNIT_EXIT();
}
