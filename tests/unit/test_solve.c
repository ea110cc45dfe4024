// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the intra- and interprocedural value flow: summaries built
 * from hand-written IR, then resolved by the solver.
 */
#include <stdio.h>
#include <string.h>

#include "ir_helpers.h"
#include "unit.h"

#define EFAULT 14
#define ENOMEM 12
#define EAGAIN 11
#define EINVAL 22
#define EIO 5

/*
 * int remap(long v) { if (v == -EFAULT) v = -ENOMEM;
 *                     else if (v == -ENOMEM) v = -EAGAIN; return v; }
 */
static struct kapi_fn_ir *build_remap(struct kapi_arena *arena)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "remap", true, 1, at(1));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn), b3 = kapi_ir_add_block(fn);
	int b4 = kapi_ir_add_block(fn), b5 = kapi_ir_add_block(fn);
	int v = kapi_ir_add_var(fn, "v"), nomem = kapi_ir_add_var(fn, NULL);
	int again = kapi_ir_add_var(fn, NULL), out = kapi_ir_add_var(fn, "v");
	struct kapi_phi_arg phi[3] = {
		{ b2, kapi_var(nomem), at(2) },
		{ b4, kapi_var(again), at(3) },
		{ b3, kapi_var(v), at(0) },
	};

	kapi_ir_param(fn, b0, v, 0);
	kapi_ir_goto(fn, b0, b1);
	kapi_ir_branch(fn, b1, kapi_var(v), KAPI_CMP_EQ, -EFAULT, false, b2,
		       b3, at(2));
	kapi_ir_const(fn, b2, nomem, -ENOMEM, at(2));
	kapi_ir_goto(fn, b2, b5);
	kapi_ir_branch(fn, b3, kapi_var(v), KAPI_CMP_EQ, -ENOMEM, false, b4,
		       b5, at(3));
	kapi_ir_const(fn, b4, again, -EAGAIN, at(3));
	kapi_ir_goto(fn, b4, b5);
	kapi_ir_phi(fn, b5, out, 3, phi);
	kapi_ir_return(fn, b5, true, kapi_var(out), at(4));
	return fn;
}

/* int source(int x) { if (x) return -EFAULT; return -EINVAL; } */
static struct kapi_fn_ir *build_source(struct kapi_arena *arena)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "source", true, 1, at(10));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn);
	int x = kapi_ir_add_var(fn, "x");

	kapi_ir_param(fn, b0, x, 0);
	kapi_ir_branch(fn, b0, kapi_var(x), KAPI_CMP_NE, 0, false, b1, b2,
		       at(11));
	kapi_ir_return(fn, b1, true, kapi_const(-EFAULT), at(11));
	kapi_ir_return(fn, b2, true, kapi_const(-EINVAL), at(12));
	return fn;
}

/* long top(int x) { return remap(source(x)); } */
static struct kapi_fn_ir *build_top(struct kapi_arena *arena)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "top", false, 1, at(20));
	int b0 = kapi_ir_add_block(fn);
	int x = kapi_ir_add_var(fn, "x"), s = kapi_ir_add_var(fn, NULL);
	int r = kapi_ir_add_var(fn, NULL);
	struct kapi_operand arg = kapi_var(x), arg2 = kapi_var(s);

	kapi_ir_param(fn, b0, x, 0);
	kapi_ir_call(fn, b0, s, "source", false, 1, &arg, at(21));
	kapi_ir_call(fn, b0, r, "remap", false, 1, &arg2, at(21));
	kapi_ir_return(fn, b0, true, kapi_var(r), at(21));
	return fn;
}

static void remap_summary_has_guards(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_summary *s = add_fn(prog, arena, build_remap(arena));
	unsigned int i;
	int guarded = 0;

	CHECK(s != NULL);
	if (!s)
		goto out;
	CHECK(s->ret.n == 3);
	CHECK(has_const(&s->ret, -ENOMEM));
	CHECK(has_const(&s->ret, -EAGAIN));
	CHECK(count_kind(&s->ret, KAPI_ATOM_PARAM) == 1);
	for (i = 0; i < s->ret.n; i++) {
		const struct kapi_atom *a = &s->ret.atoms[i];

		if (a->kind == KAPI_ATOM_CONST && a->nguards == 1 &&
		    a->guards[0].kind == KAPI_GUARD_PARAM)
			guarded++;
		if (a->kind == KAPI_ATOM_PARAM) {
			/* The pass-through path excludes both remapped codes. */
			CHECK(!kapi_filter_admits(&a->filter, -EFAULT));
			CHECK(!kapi_filter_admits(&a->filter, -ENOMEM));
			CHECK(kapi_filter_admits(&a->filter, -EINVAL));
		}
	}
	CHECK(guarded == 2);
out:
	kapi_arena_free(arena);
}

static void remap_follows_the_argument(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	const struct kapi_valueset *r;
	const char *why;

	add_fn(prog, arena, build_remap(arena));
	add_fn(prog, arena, build_source(arena));
	add_fn(prog, arena, build_top(arena));

	r = kapi_solve_returns(prog, "top", &why);
	CHECK(r != NULL);
	CHECK(why == NULL);
	/* -EFAULT becomes -ENOMEM, -EINVAL passes, -EAGAIN cannot happen. */
	CHECK(has_const(r, -ENOMEM));
	CHECK(has_const(r, -EINVAL));
	CHECK(!has_const(r, -EFAULT));
	CHECK(!has_const(r, -EAGAIN));
	CHECK(count_kind(r, KAPI_ATOM_UNKNOWN) == 0);
	kapi_arena_free(arena);
}

/* long ext(void) { return remap(external()); } */
static void remap_of_unknown_keeps_unknown(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "ext", false, 0, at(30));
	int b0 = kapi_ir_add_block(fn);
	int e = kapi_ir_add_var(fn, NULL), r = kapi_ir_add_var(fn, NULL);
	struct kapi_operand arg = kapi_var(e);
	const struct kapi_valueset *set;
	unsigned int i;

	kapi_ir_call(fn, b0, e, "external", false, 0, NULL, at(31));
	kapi_ir_call(fn, b0, r, "remap", false, 1, &arg, at(31));
	kapi_ir_return(fn, b0, true, kapi_var(r), at(32));
	add_fn(prog, arena, fn);
	add_fn(prog, arena, build_remap(arena));

	set = kapi_solve_returns(prog, "ext", NULL);
	CHECK(has_const(set, -ENOMEM));
	CHECK(has_const(set, -EAGAIN));
	CHECK(count_kind(set, KAPI_ATOM_UNKNOWN) == 1);
	for (i = 0; set && i < set->n; i++)
		if (set->atoms[i].kind == KAPI_ATOM_UNKNOWN) {
			CHECK(!kapi_filter_admits(&set->atoms[i].filter,
						  -EFAULT));
			CHECK(set->atoms[i].chain == NULL);
		}
	kapi_arena_free(arena);
}

/* int rec(int n) { if (n == 0) return -EIO; return rec(n - 1); } */
static void recursion_converges(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "rec", true, 1, at(40));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn);
	int n = kapi_ir_add_var(fn, "n"), m = kapi_ir_add_var(fn, NULL);
	int r = kapi_ir_add_var(fn, NULL);
	struct kapi_operand arg = kapi_var(m);
	const struct kapi_valueset *set;
	const char *why;

	kapi_ir_param(fn, b0, n, 0);
	kapi_ir_branch(fn, b0, kapi_var(n), KAPI_CMP_EQ, 0, false, b1, b2,
		       at(41));
	kapi_ir_return(fn, b1, true, kapi_const(-EIO), at(41));
	kapi_ir_unknown(fn, b2, m, "value computed by 'n - 1'", at(42));
	kapi_ir_call(fn, b2, r, "rec", false, 1, &arg, at(42));
	kapi_ir_return(fn, b2, true, kapi_var(r), at(42));
	add_fn(prog, arena, fn);

	set = kapi_solve_returns(prog, "rec", &why);
	CHECK(set != NULL);
	CHECK(why == NULL);
	CHECK(has_const(set, -EIO));
	CHECK(count_kind(set, KAPI_ATOM_UNKNOWN) == 0);
	kapi_arena_free(arena);
}

/* int NAME(void) { return -EIO; }, its summary cut short by a limit */
static void add_cut_short(struct kapi_program *prog, struct kapi_arena *arena,
			  const char *name, int line)
{
	struct kapi_fn_ir *fn = kapi_ir_new(arena, name, true, 0, at(line));
	struct kapi_summary *s;

	kapi_ir_return(fn, kapi_ir_add_block(fn), true, kapi_const(-EIO),
		       at(line + 1));
	s = add_fn(prog, arena, fn);
	if (s)
		s->incomplete = "a test limit";
}

/*
 * int used(void) { noise(); return value(); }
 * Only calls whose value reaches the result are solved: the limit hit in
 * noise() does not make the result of used() an over-approximation, the
 * one in value() does.
 */
static void only_needed_calls_matter(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "used", false, 0, at(90));
	int b0 = kapi_ir_add_block(fn);
	int ignored = kapi_ir_add_var(fn, NULL), r = kapi_ir_add_var(fn, NULL);
	const struct kapi_valueset *set;
	const char *why = NULL;

	kapi_ir_call(fn, b0, ignored, "noise", false, 0, NULL, at(91));
	kapi_ir_call(fn, b0, r, "value", false, 0, NULL, at(92));
	kapi_ir_return(fn, b0, true, kapi_var(r), at(93));
	add_fn(prog, arena, fn);
	add_cut_short(prog, arena, "noise", 94);

	/* value() is still missing: its call is an unknown source. */
	set = kapi_solve_returns(prog, "used", &why);
	CHECK(why == NULL);
	CHECK(count_kind(set, KAPI_ATOM_UNKNOWN) == 1);
	kapi_arena_free(arena);

	arena = kapi_arena_new();
	prog = kapi_program_new(arena);
	fn = kapi_ir_new(arena, "used", false, 0, at(90));
	b0 = kapi_ir_add_block(fn);
	ignored = kapi_ir_add_var(fn, NULL);
	r = kapi_ir_add_var(fn, NULL);
	kapi_ir_call(fn, b0, ignored, "noise", false, 0, NULL, at(91));
	kapi_ir_call(fn, b0, r, "value", false, 0, NULL, at(92));
	kapi_ir_return(fn, b0, true, kapi_var(r), at(93));
	add_fn(prog, arena, fn);
	add_cut_short(prog, arena, "noise", 94);
	add_cut_short(prog, arena, "value", 96);

	set = kapi_solve_returns(prog, "used", &why);
	CHECK(has_const(set, -EIO));
	CHECK(count_kind(set, KAPI_ATOM_UNKNOWN) == 0);
	CHECK(why != NULL);
	CHECK(!why || strcmp(why, "a test limit") == 0);
	kapi_arena_free(arena);
}

/*
 * int check_twice(int err) { if (err) goto out; err = -EINVAL;
 *   out: if (err == 0) return -EIO; return err; }
 * On the goto path err is non-zero, and on the other path it became
 * -EINVAL, so the merged value is never 0.
 */
static void correlated_branches_prune_paths(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "twice", false, 1, at(50));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn), b3 = kapi_ir_add_block(fn);
	int b4 = kapi_ir_add_block(fn);
	int err = kapi_ir_add_var(fn, "err"), inval = kapi_ir_add_var(fn, NULL);
	int merged = kapi_ir_add_var(fn, "err");
	struct kapi_phi_arg phi[2] = {
		{ b0, kapi_var(err), at(0) },
		{ b1, kapi_var(inval), at(51) },
	};
	const struct kapi_valueset *set;

	kapi_ir_param(fn, b0, err, 0);
	kapi_ir_branch(fn, b0, kapi_var(err), KAPI_CMP_NE, 0, false, b2, b1,
		       at(50));
	kapi_ir_const(fn, b1, inval, -EINVAL, at(51));
	kapi_ir_goto(fn, b1, b2);
	kapi_ir_phi(fn, b2, merged, 2, phi);
	kapi_ir_branch(fn, b2, kapi_var(merged), KAPI_CMP_EQ, 0, false, b3,
		       b4, at(52));
	kapi_ir_return(fn, b3, true, kapi_const(-EIO), at(52));
	kapi_ir_return(fn, b4, true, kapi_var(merged), at(53));
	add_fn(prog, arena, fn);

	set = kapi_solve_returns(prog, "twice", NULL);
	CHECK(has_const(set, -EINVAL));
	CHECK(count_kind(set, KAPI_ATOM_PARAM) == 1);
	/*
	 * The merged value is never 0, but the analysis keys constraints by
	 * variable, not by value, so the -EIO path stays feasible.
	 */
	CHECK(has_const(set, -EIO));
	kapi_arena_free(arena);
}

/* p = lookup(); if (IS_ERR(p)) return PTR_ERR(p); return 0; */
static void is_err_filters_pointers(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "getp", false, 0, at(60));
	struct kapi_fn_ir *ptr_err = kapi_ir_new(arena, "PTR_ERR", true, 1,
						 at(1));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn);
	int p = kapi_ir_add_var(fn, "p"), bad = kapi_ir_add_var(fn, NULL);
	int e = kapi_ir_add_var(fn, NULL);
	int pb = kapi_ir_add_block(ptr_err), pv = kapi_ir_add_var(ptr_err, "ptr");
	struct kapi_operand arg = kapi_var(p);
	const struct kapi_valueset *set;
	unsigned int i;

	kapi_ir_param(ptr_err, pb, pv, 0);
	kapi_ir_return(ptr_err, pb, true, kapi_var(pv), at(1));

	kapi_ir_unknown(fn, b0, p, "load of 'dev->ptr'", at(61));
	kapi_ir_call(fn, b0, bad, "IS_ERR", false, 1, &arg, at(62));
	kapi_ir_branch(fn, b0, kapi_var(bad), KAPI_CMP_NE, 0, false, b1, b2,
		       at(62));
	kapi_ir_call(fn, b1, e, "PTR_ERR", false, 1, &arg, at(63));
	kapi_ir_return(fn, b1, true, kapi_var(e), at(63));
	kapi_ir_return(fn, b2, true, kapi_const(0), at(64));
	add_fn(prog, arena, fn);
	add_fn(prog, arena, ptr_err);

	set = kapi_solve_returns(prog, "getp", NULL);
	CHECK(has_const(set, 0));
	CHECK(count_kind(set, KAPI_ATOM_UNKNOWN) == 1);
	for (i = 0; set && i < set->n; i++)
		if (set->atoms[i].kind == KAPI_ATOM_UNKNOWN) {
			const struct kapi_filter *f = &set->atoms[i].filter;

			CHECK(f->regions == KAPI_REGION_ERR);
			CHECK(kapi_atom_may_be_errno(&set->atoms[i]));
		}
	kapi_arena_free(arena);
}

/* switch (cmd) { case 1: return -EINVAL; case 2: return cmd; default: ... } */
static void switch_cases_constrain(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "sw", false, 1, at(70));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn), b3 = kapi_ir_add_block(fn);
	int cmd = kapi_ir_add_var(fn, "cmd");
	struct kapi_case cases[2] = { { 1, 1, b1 }, { -5, -5, b2 } };
	const struct kapi_valueset *set;
	unsigned int i;

	kapi_ir_param(fn, b0, cmd, 0);
	kapi_ir_switch(fn, b0, kapi_var(cmd), 2, cases, b3, at(71));
	kapi_ir_return(fn, b1, true, kapi_const(-EINVAL), at(72));
	kapi_ir_return(fn, b2, true, kapi_var(cmd), at(73));
	kapi_ir_return(fn, b3, true, kapi_const(0), at(74));
	add_fn(prog, arena, fn);

	set = kapi_solve_returns(prog, "sw", NULL);
	CHECK(has_const(set, -EINVAL));
	CHECK(has_const(set, 0));
	for (i = 0; set && i < set->n; i++)
		if (set->atoms[i].kind == KAPI_ATOM_PARAM) {
			CHECK(set->atoms[i].filter.only);
			CHECK(kapi_filter_admits(&set->atoms[i].filter, -5));
			CHECK(!kapi_filter_admits(&set->atoms[i].filter, 1));
		}
	kapi_arena_free(arena);
}

/* A loop whose counter is tested: constraints must not leak across iterations. */
static void loop_redefinition_kills_constraints(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "loop", false, 0, at(80));
	int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
	int b2 = kapi_ir_add_block(fn), b3 = kapi_ir_add_block(fn);
	int init = kapi_ir_add_var(fn, NULL), err = kapi_ir_add_var(fn, "err");
	int step = kapi_ir_add_var(fn, "err");
	struct kapi_phi_arg phi[2] = {
		{ b0, kapi_var(init), at(81) },
		{ b2, kapi_var(step), at(0) },
	};
	const struct kapi_valueset *set;

	/* err = 0; do { if (err != 0) return err; err = step(); } while (1); */
	kapi_ir_const(fn, b0, init, 0, at(81));
	kapi_ir_goto(fn, b0, b1);
	kapi_ir_phi(fn, b1, err, 2, phi);
	kapi_ir_branch(fn, b1, kapi_var(err), KAPI_CMP_NE, 0, false, b3, b2,
		       at(82));
	kapi_ir_call(fn, b2, step, "step", false, 0, NULL, at(83));
	kapi_ir_goto(fn, b2, b1);
	kapi_ir_return(fn, b3, true, kapi_var(err), at(84));
	add_fn(prog, arena, fn);

	set = kapi_solve_returns(prog, "loop", NULL);
	/* The unknown step() result reaches the return, filtered != 0. */
	CHECK(count_kind(set, KAPI_ATOM_UNKNOWN) == 1);
	CHECK(!has_const(set, 0));
	kapi_arena_free(arena);
}

static void broken_ir_is_rejected(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_fn_ir *fn = kapi_ir_new(arena, "bad", false, 0, at(90));
	int b0 = kapi_ir_add_block(fn);
	int v = kapi_ir_add_var(fn, NULL);
	const char *why = NULL;

	/* v is read but never defined. */
	kapi_ir_return(fn, b0, true, kapi_var(v), at(91));
	CHECK(kapi_summarize(arena, fn, &why) == NULL);
	CHECK(why != NULL);
	kapi_arena_free(arena);
}

/*
 * int ring0(int n) { if (n == 0) return -EPERM; return ring1(n); }
 * int ring1(int n) { if (n == 1) return -EIO; return ring0(n); }
 * long top(int n) { return ring0(n); }
 * solved with the memory budget already used up: the solver stops after
 * one round, but the constants each function returns itself are kept,
 * and the result gives the reason it is incomplete.
 */
static void budget_keeps_direct_constants(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_program *prog = kapi_program_new(arena);
	const char *names[2] = { "ring0", "ring1" };
	const int64_t codes[2] = { -1, -EIO };
	struct kapi_fn_ir *top = kapi_ir_new(arena, "top", false, 1, at(70));
	int tx = kapi_ir_add_var(top, "n"), tr = kapi_ir_add_var(top, NULL);
	struct kapi_operand targ = kapi_var(tx);
	const struct kapi_valueset *set;
	const char *why;
	int i;

	for (i = 0; i < 2; i++) {
		struct kapi_fn_ir *fn = kapi_ir_new(arena, names[i], true, 1,
						    at(50 + 10 * i));
		int b0 = kapi_ir_add_block(fn), b1 = kapi_ir_add_block(fn);
		int b2 = kapi_ir_add_block(fn);
		int n = kapi_ir_add_var(fn, "n"), r = kapi_ir_add_var(fn, NULL);
		struct kapi_operand arg = kapi_var(n);

		kapi_ir_param(fn, b0, n, 0);
		kapi_ir_branch(fn, b0, kapi_var(n), KAPI_CMP_EQ, i, false, b1,
			       b2, at(51 + 10 * i));
		kapi_ir_return(fn, b1, true, kapi_const(codes[i]),
			       at(51 + 10 * i));
		kapi_ir_call(fn, b2, r, names[1 - i], false, 1, &arg,
			     at(52 + 10 * i));
		kapi_ir_return(fn, b2, true, kapi_var(r), at(52 + 10 * i));
		add_fn(prog, arena, fn);
	}
	i = kapi_ir_add_block(top);
	kapi_ir_param(top, i, tx, 0);
	kapi_ir_call(top, i, tr, "ring0", false, 1, &targ, at(71));
	kapi_ir_return(top, i, true, kapi_var(tr), at(71));
	add_fn(prog, arena, top);

	kapi_arena_set_budget(arena, 1);
	set = kapi_solve_returns(prog, "top", &why);
	CHECK(set != NULL);
	CHECK(has_const(set, -1));
	CHECK(why != NULL);
	CHECK(!why || strstr(why, "KAPI_ARENA_BUDGET") != NULL);
	kapi_arena_free(arena);
}

int main(void)
{
	RUN(remap_summary_has_guards);
	RUN(remap_follows_the_argument);
	RUN(remap_of_unknown_keeps_unknown);
	RUN(recursion_converges);
	RUN(only_needed_calls_matter);
	RUN(correlated_branches_prune_paths);
	RUN(is_err_filters_pointers);
	RUN(switch_cases_constrain);
	RUN(loop_redefinition_kills_constraints);
	RUN(broken_ir_is_rejected);
	RUN(budget_keeps_direct_constants);
	return UNIT_EXIT();
}
