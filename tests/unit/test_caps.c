// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the capability, signal, parameter and kernel-internal
 * errno checks.
 */
#include <string.h>

#include "ir_helpers.h"
#include "kapi/caps.h"
#include "kapi/check.h"
#include "unit.h"

#define CAP_IPC_LOCK 14
#define CAP_SYS_ADMIN 21
#define EINTR 4
#define ENOMEM 12
#define EINVAL 22
#define ENOTSUPP 524

static struct kapi_errno_table *errnos(struct kapi_arena *arena)
{
	struct kapi_errno_table *t = kapi_errno_table_new(arena);

	kapi_errno_table_add(t, "EINTR", EINTR, false);
	kapi_errno_table_add(t, "ENOMEM", ENOMEM, false);
	kapi_errno_table_add(t, "EINVAL", EINVAL, false);
	kapi_errno_table_add(t, "ERESTARTSYS", 512, false);
	kapi_errno_table_add(t, "ENOTSUPP", ENOTSUPP, false);
	return t;
}

static struct kapi_errno_table *cap_names(struct kapi_arena *arena)
{
	struct kapi_errno_table *t = kapi_errno_table_new(arena);

	kapi_errno_table_add(t, "CAP_IPC_LOCK", CAP_IPC_LOCK, false);
	kapi_errno_table_add(t, "CAP_SYS_ADMIN", CAP_SYS_ADMIN, false);
	return t;
}

/* bool allowed(int cap) { return capable(cap); } */
static struct kapi_fn_ir *build_allowed(struct kapi_arena *arena)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "allowed", true, 1, at(1));
	int b0 = kapi_ir_add_block(fn);
	int cap = kapi_ir_add_var(fn, "cap"), r = kapi_ir_add_var(fn, NULL);
	struct kapi_operand arg = kapi_var(cap);

	kapi_ir_param(fn, b0, cap, 0);
	kapi_ir_call(fn, b0, r, "capable", false, 1, &arg, at(2));
	kapi_ir_return(fn, b0, true, kapi_var(r), at(2));
	return fn;
}

/*
 * long __do_sys_demo(unsigned long start, size_t len) {
 *	if (!allowed(CAP)) return -EPERM... here -ENOMEM;
 *	if (mutex_lock_killable(m)) return -EINTR;
 *	if (len == 3) return -ENOTSUPP;
 *	return 0; }
 */
static struct kapi_fn_ir *build_sys(struct kapi_arena *arena, int64_t cap)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "__do_sys_demo", true, 2,
					    at(10));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn), b3 = kapi_ir_add_block(fn);
	int b4 = kapi_ir_add_block(fn), b5 = kapi_ir_add_block(fn);
	int start = kapi_ir_add_var(fn, "start"), len = kapi_ir_add_var(fn, "len");
	int ok = kapi_ir_add_var(fn, NULL), intr = kapi_ir_add_var(fn, NULL);
	int m = kapi_ir_add_var(fn, NULL);
	struct kapi_operand carg = kapi_const(cap), marg = kapi_var(m);

	kapi_ir_set_param_name(fn, 0, "start");
	kapi_ir_set_param_type(fn, 0, "long unsigned int", "long unsigned int");
	kapi_ir_set_param_name(fn, 1, "len");
	kapi_ir_set_param_type(fn, 1, "size_t", "long unsigned int");
	kapi_ir_param(fn, b0, start, 0);
	kapi_ir_param(fn, b0, len, 1);
	kapi_ir_call(fn, b0, ok, "allowed", false, 1, &carg, at(11));
	kapi_ir_branch(fn, b0, kapi_var(ok), KAPI_CMP_EQ, 0, false, b1, b2,
		       at(11));
	kapi_ir_return(fn, b1, true, kapi_const(-ENOMEM), at(11));
	kapi_ir_address(fn, b2, m, "demo_mutex", "struct mutex", at(12));
	kapi_ir_call(fn, b2, intr, "mutex_lock_killable", false, 1, &marg,
		     at(12));
	kapi_ir_branch(fn, b2, kapi_var(intr), KAPI_CMP_NE, 0, false, b3, b4,
		       at(12));
	kapi_ir_return(fn, b3, true, kapi_const(-EINTR), at(12));
	kapi_ir_branch(fn, b4, kapi_var(len), KAPI_CMP_EQ, 3, false, b5, b1,
		       at(13));
	kapi_ir_return(fn, b5, true, kapi_const(-ENOTSUPP), at(13));
	return fn;
}

static struct kapi_spec *spec_for(struct kapi_arena *arena, bool signal_error)
{
	struct kapi_spec *spec = kapi_spec_new(arena, "sys_demo", "x", at(5));
	struct kapi_spec_error *e;
	struct kapi_spec_capability *c;
	struct kapi_spec_signal *s;
	struct kapi_spec_param *p;

	e = kapi_spec_add_error(arena, spec, 0);
	e->has_code = true;
	e->code = -ENOMEM;
	e->name = "ENOMEM";
	e = kapi_spec_add_error(arena, spec, 1);
	e->has_code = true;
	e->code = -EINTR;
	e->name = "EINTR";
	c = kapi_spec_add_cap(arena, spec, 0);
	c->has_capability = true;
	c->capability = CAP_IPC_LOCK;
	s = kapi_spec_add_signal(arena, spec, 0);
	s->signal_name = "FATAL";
	s->has_error = signal_error;
	s->error_on_signal = signal_error ? -EINTR : 0;
	p = kapi_spec_add_param(arena, spec, 0);
	p->name = "start";
	p->type_name = "unsigned long";
	p = kapi_spec_add_param(arena, spec, 1);
	p->name = "len";
	p->type_name = "unsigned long";
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

static void run_checks(struct kapi_arena *arena, int64_t cap,
		       bool signal_error, struct kapi_findings *out)
{
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_spec *spec = spec_for(arena, signal_error);
	struct kapi_errno_report report;
	struct kapi_caps *caps;

	add_fn(prog, arena, build_allowed(arena));
	add_fn(prog, arena, build_sys(arena, cap));
	caps = kapi_caps_new(arena, prog);
	kapi_findings_init(out, arena);
	kapi_check_errnos(arena, prog, spec, errnos(arena), true, out, &report);
	kapi_check_caps(arena, caps, spec, &report, cap_names(arena),
			errnos(arena), out);
	kapi_check_params(spec, kapi_program_find(prog, "__do_sys_demo"), out);
}

static void declared_capability_passes(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_findings out;

	run_checks(arena, CAP_IPC_LOCK, true, &out);
	CHECK(count_check(&out, KAPI_CHECK_CAP_UNDECLARED) == 0);
	CHECK(count_check(&out, KAPI_CHECK_CAP_UNCHECKED) == 0);
	CHECK(count_check(&out, KAPI_CHECK_SIGNAL_UNCOVERED) == 0);
	CHECK(count_check(&out, KAPI_CHECK_ERRNO_INTERNAL) == 1);
	CHECK(count_check(&out, KAPI_CHECK_ERRNO_UNDECLARED) == 0);
	kapi_arena_free(arena);
}

static void other_capability_found(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_findings out;
	unsigned int i;

	run_checks(arena, CAP_SYS_ADMIN, true, &out);
	CHECK(count_check(&out, KAPI_CHECK_CAP_UNDECLARED) == 1);
	CHECK(count_check(&out, KAPI_CHECK_CAP_UNCHECKED) == 1);
	for (i = 0; i < out.n; i++)
		if (out.v[i].check == KAPI_CHECK_CAP_UNDECLARED) {
			CHECK(out.v[i].loc.line == 2);
			CHECK(strstr(out.v[i].message, "CAP_SYS_ADMIN") != NULL);
			CHECK(out.v[i].nnotes == 2);
		}
	kapi_arena_free(arena);
}

static void signal_without_error_found(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_findings out;

	run_checks(arena, CAP_IPC_LOCK, false, &out);
	CHECK(count_check(&out, KAPI_CHECK_SIGNAL_UNCOVERED) == 1);
	kapi_arena_free(arena);
}

static void param_typedef_is_note(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_findings out;
	unsigned int i;

	run_checks(arena, CAP_IPC_LOCK, true, &out);
	CHECK(count_check(&out, KAPI_CHECK_PARAM_MISMATCH) == 0);
	CHECK(count_check(&out, KAPI_CHECK_PARAM_TYPE) == 1);
	for (i = 0; i < out.n; i++)
		if (out.v[i].check == KAPI_CHECK_PARAM_TYPE)
			CHECK(out.v[i].note_only);
	kapi_arena_free(arena);
}

int main(void)
{
	RUN(declared_capability_passes);
	RUN(other_capability_found);
	RUN(signal_without_error_found);
	RUN(param_typedef_is_note);
	return UNIT_EXIT();
}
