// SPDX-License-Identifier: GPL-2.0-only
/*
 * Building and verifying the function IR (see include/kapi/ir.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kapi/arena.h"
#include "kapi/ir.h"
#include "kapi/value.h"

struct kapi_fn_ir *kapi_ir_new(struct kapi_arena *arena, const char *name,
			       bool is_static, unsigned int nparams,
			       struct kapi_loc loc)
{
	struct kapi_fn_ir *fn = kapi_arena_alloc(arena, sizeof(*fn));

	fn->arena = arena;
	fn->name = kapi_intern(arena, name);
	fn->is_static = is_static;
	fn->nparams = nparams;
	fn->loc = loc;
	if (nparams) {
		fn->param_names = kapi_arena_alloc(arena,
						   nparams * sizeof(char *));
		fn->param_types = kapi_arena_alloc(arena,
						   nparams * sizeof(char *));
		fn->param_base_types = kapi_arena_alloc(arena, nparams *
							sizeof(char *));
	}
	return fn;
}

void kapi_ir_set_param_name(struct kapi_fn_ir *fn, unsigned int index,
			    const char *name)
{
	if (index < fn->nparams)
		fn->param_names[index] = kapi_intern(fn->arena, name);
}

void kapi_ir_set_param_type(struct kapi_fn_ir *fn, unsigned int index,
			    const char *type, const char *base_type)
{
	if (index >= fn->nparams)
		return;
	fn->param_types[index] = kapi_intern(fn->arena, type);
	fn->param_base_types[index] = kapi_intern(fn->arena, base_type);
}

int kapi_ir_add_block(struct kapi_fn_ir *fn)
{
	if (fn->nblocks == fn->block_cap) {
		unsigned int cap = fn->block_cap ? fn->block_cap * 2 : 16;

		fn->blocks = kapi_arena_grow(fn->arena, fn->blocks,
					     sizeof(*fn->blocks),
					     fn->nblocks, cap);
		fn->block_cap = cap;
	}
	memset(&fn->blocks[fn->nblocks], 0, sizeof(fn->blocks[0]));
	fn->blocks[fn->nblocks].term.kind = KAPI_TERM_NONE;
	return (int)fn->nblocks++;
}

int kapi_ir_add_var(struct kapi_fn_ir *fn, const char *name)
{
	if (fn->nvars == fn->var_cap) {
		unsigned int cap = fn->var_cap ? fn->var_cap * 2 : 32;

		fn->var_names = kapi_arena_grow(fn->arena, fn->var_names,
						sizeof(char *), fn->nvars,
						cap);
		fn->var_cap = cap;
	}
	fn->var_names[fn->nvars] = kapi_intern(fn->arena, name);
	return (int)fn->nvars++;
}

static struct kapi_stmt *add_stmt(struct kapi_fn_ir *fn, int bb,
				  enum kapi_stmt_kind kind, int dst,
				  struct kapi_loc loc)
{
	struct kapi_block *b;
	struct kapi_stmt *s;

	if (bb < 0 || (unsigned int)bb >= fn->nblocks)
		abort();	/* a producer bug; verify cannot see it later */
	b = &fn->blocks[bb];
	if (b->nstmts == b->cap) {
		unsigned int cap = b->cap ? b->cap * 2 : 8;

		b->stmts = kapi_arena_grow(fn->arena, b->stmts,
					   sizeof(*b->stmts), b->nstmts, cap);
		b->cap = cap;
	}
	s = &b->stmts[b->nstmts++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->dst = dst;
	s->loc = loc;
	s->src.var = -1;
	return s;
}

struct kapi_stmt *kapi_ir_const(struct kapi_fn_ir *fn, int bb, int dst,
				int64_t value, struct kapi_loc loc)
{
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_CONST, dst, loc);

	s->value = value;
	return s;
}

struct kapi_stmt *kapi_ir_param(struct kapi_fn_ir *fn, int bb, int dst,
				int param)
{
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_PARAM, dst, fn->loc);

	s->param = param;
	return s;
}

struct kapi_stmt *kapi_ir_copy(struct kapi_fn_ir *fn, int bb, int dst,
			       struct kapi_operand src, struct kapi_loc loc)
{
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_COPY, dst, loc);

	s->src = src;
	return s;
}

struct kapi_stmt *kapi_ir_unknown(struct kapi_fn_ir *fn, int bb, int dst,
				  const char *text, struct kapi_loc loc)
{
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_UNKNOWN, dst, loc);

	s->text = kapi_intern(fn->arena, text ? text : "unknown value");
	return s;
}

struct kapi_stmt *kapi_ir_opaque(struct kapi_fn_ir *fn, int bb, int dst,
				 unsigned int regions, struct kapi_loc loc)
{
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_OPAQUE, dst, loc);

	s->value = regions;
	return s;
}

struct kapi_stmt *kapi_ir_compare(struct kapi_fn_ir *fn, int bb, int dst,
				  struct kapi_operand src, enum kapi_cmp cmp,
				  int64_t rhs, bool is_unsigned,
				  struct kapi_loc loc)
{
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_COMPARE, dst, loc);

	s->src = src;
	s->cmp = cmp;
	s->rhs = rhs;
	s->is_unsigned = is_unsigned;
	return s;
}

struct kapi_stmt *kapi_ir_not(struct kapi_fn_ir *fn, int bb, int dst,
			      struct kapi_operand src, struct kapi_loc loc)
{
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_NOT, dst, loc);

	s->src = src;
	return s;
}

struct kapi_stmt *kapi_ir_call(struct kapi_fn_ir *fn, int bb, int dst,
			       const char *callee, bool indirect,
			       unsigned int nargs,
			       const struct kapi_operand *args,
			       struct kapi_loc loc)
{
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_CALL, dst, loc);

	s->text = kapi_intern(fn->arena, callee ? callee : "?");
	s->indirect = indirect;
	s->nargs = nargs;
	if (nargs) {
		s->args = kapi_arena_alloc(fn->arena, nargs * sizeof(*args));
		memcpy(s->args, args, nargs * sizeof(*args));
	}
	return s;
}

struct kapi_stmt *kapi_ir_phi(struct kapi_fn_ir *fn, int bb, int dst,
			      unsigned int nargs,
			      const struct kapi_phi_arg *args)
{
	struct kapi_loc none = { 0 };
	struct kapi_stmt *s = add_stmt(fn, bb, KAPI_STMT_PHI, dst, none);

	s->nphi = nargs;
	if (nargs) {
		s->phi = kapi_arena_alloc(fn->arena, nargs * sizeof(*args));
		memcpy(s->phi, args, nargs * sizeof(*args));
	}
	return s;
}

static struct kapi_term *set_term(struct kapi_fn_ir *fn, int bb,
				  enum kapi_term_kind kind,
				  struct kapi_loc loc)
{
	struct kapi_term *t;

	if (bb < 0 || (unsigned int)bb >= fn->nblocks)
		abort();
	t = &fn->blocks[bb].term;
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->loc = loc;
	t->cond.var = -1;
	t->value.var = -1;
	t->rhs_var = -1;
	return t;
}

void kapi_ir_goto(struct kapi_fn_ir *fn, int bb, int succ)
{
	struct kapi_loc none = { 0 };

	set_term(fn, bb, KAPI_TERM_GOTO, none)->succ[0] = succ;
}

void kapi_ir_branch(struct kapi_fn_ir *fn, int bb, struct kapi_operand cond,
		    enum kapi_cmp cmp, int64_t rhs, bool is_unsigned,
		    int succ_true, int succ_false, struct kapi_loc loc)
{
	struct kapi_term *t = set_term(fn, bb, KAPI_TERM_BRANCH, loc);

	t->cond = cond;
	t->cmp = cmp;
	t->rhs = rhs;
	t->is_unsigned = is_unsigned;
	t->succ[0] = succ_true;
	t->succ[1] = succ_false;
}

void kapi_ir_branch_vars(struct kapi_fn_ir *fn, int bb, int lhs,
			 enum kapi_cmp cmp, int rhs, bool is_unsigned,
			 int succ_true, int succ_false, struct kapi_loc loc)
{
	struct kapi_term *t = set_term(fn, bb, KAPI_TERM_BRANCH, loc);

	t->cond = kapi_var(lhs);
	t->cmp = cmp;
	t->rhs_var = rhs;
	t->is_unsigned = is_unsigned;
	t->succ[0] = succ_true;
	t->succ[1] = succ_false;
}

void kapi_ir_fork(struct kapi_fn_ir *fn, int bb, unsigned int nsucc,
		  const int *succs, struct kapi_loc loc)
{
	struct kapi_term *t = set_term(fn, bb, KAPI_TERM_FORK, loc);

	t->nsucc = nsucc;
	if (nsucc) {
		t->succs = kapi_arena_alloc(fn->arena, nsucc * sizeof(int));
		memcpy(t->succs, succs, nsucc * sizeof(int));
	}
}

void kapi_ir_switch(struct kapi_fn_ir *fn, int bb, struct kapi_operand cond,
		    unsigned int ncases, const struct kapi_case *cases,
		    int default_succ, struct kapi_loc loc)
{
	struct kapi_term *t = set_term(fn, bb, KAPI_TERM_SWITCH, loc);

	t->cond = cond;
	t->ncases = ncases;
	t->default_succ = default_succ;
	if (ncases) {
		t->cases = kapi_arena_alloc(fn->arena, ncases * sizeof(*cases));
		memcpy(t->cases, cases, ncases * sizeof(*cases));
	}
}

void kapi_ir_return(struct kapi_fn_ir *fn, int bb, bool has_value,
		    struct kapi_operand value, struct kapi_loc loc)
{
	struct kapi_term *t = set_term(fn, bb, KAPI_TERM_RETURN, loc);

	t->has_value = has_value;
	t->value = value;
}

/* Every variable an operand reads must be defined somewhere. */
static bool operand_ok(const struct kapi_fn_ir *fn,
		       const struct kapi_operand *op,
		       const unsigned char *defined)
{
	if (op->is_const)
		return true;
	return op->var >= 0 && (unsigned int)op->var < fn->nvars &&
	       defined[op->var];
}

static bool block_ok(const struct kapi_fn_ir *fn, int bb)
{
	return bb >= 0 && (unsigned int)bb < fn->nblocks;
}

static const char *verify_term(const struct kapi_fn_ir *fn,
			       const struct kapi_term *t,
			       const unsigned char *defined)
{
	unsigned int i;

	switch (t->kind) {
	case KAPI_TERM_NONE:
		return NULL;
	case KAPI_TERM_GOTO:
		return block_ok(fn, t->succ[0]) ? NULL : "goto out of range";
	case KAPI_TERM_BRANCH:
		if (!operand_ok(fn, &t->cond, defined))
			return "branch operand undefined";
		if (t->rhs_var >= 0 &&
		    ((unsigned int)t->rhs_var >= fn->nvars ||
		     !defined[t->rhs_var]))
			return "branch right operand undefined";
		if (!block_ok(fn, t->succ[0]) || !block_ok(fn, t->succ[1]))
			return "branch target out of range";
		return NULL;
	case KAPI_TERM_FORK:
		for (i = 0; i < t->nsucc; i++)
			if (!block_ok(fn, t->succs[i]))
				return "fork target out of range";
		return NULL;
	case KAPI_TERM_SWITCH:
		if (!operand_ok(fn, &t->cond, defined))
			return "switch operand undefined";
		if (!block_ok(fn, t->default_succ))
			return "switch default out of range";
		for (i = 0; i < t->ncases; i++)
			if (!block_ok(fn, t->cases[i].succ))
				return "switch case target out of range";
		return NULL;
	case KAPI_TERM_RETURN:
		if (t->has_value && !operand_ok(fn, &t->value, defined))
			return "return operand undefined";
		return NULL;
	}
	return "unknown terminator kind";
}

static const char *verify_def(const struct kapi_fn_ir *fn,
			      const struct kapi_stmt *s,
			      unsigned char *defined)
{
	if (s->dst < 0)
		return NULL;
	if ((unsigned int)s->dst >= fn->nvars)
		return "destination variable out of range";
	if (defined[s->dst])
		return "variable defined twice";
	defined[s->dst] = 1;
	return NULL;
}

static const char *verify_stmt(const struct kapi_fn_ir *fn,
			       const struct kapi_stmt *s,
			       const unsigned char *defined)
{
	unsigned int i;

	switch (s->kind) {
	case KAPI_STMT_CONST:
	case KAPI_STMT_UNKNOWN:
	case KAPI_STMT_OPAQUE:
		return NULL;
	case KAPI_STMT_PARAM:
		return s->param >= 0 && (unsigned int)s->param < fn->nparams ?
			NULL : "parameter index out of range";
	case KAPI_STMT_COPY:
	case KAPI_STMT_COMPARE:
	case KAPI_STMT_NOT:
		return operand_ok(fn, &s->src, defined) ?
			NULL : "operand undefined";
	case KAPI_STMT_CALL:
		for (i = 0; i < s->nargs; i++)
			if (!operand_ok(fn, &s->args[i], defined))
				return "call argument undefined";
		return NULL;
	case KAPI_STMT_PHI:
		for (i = 0; i < s->nphi; i++) {
			if (!operand_ok(fn, &s->phi[i].value, defined))
				return "PHI argument undefined";
			if (!block_ok(fn, s->phi[i].pred))
				return "PHI predecessor out of range";
		}
		return NULL;
	}
	return "unknown statement kind";
}

const char *kapi_ir_verify(const struct kapi_fn_ir *fn)
{
	unsigned char *defined;
	const char *why = NULL;
	unsigned int b, i;

	if (fn->nblocks == 0)
		return "function has no blocks";

	defined = calloc(fn->nvars ? fn->nvars : 1, 1);
	if (!defined)
		return "out of memory";

	/* Definitions first: SSA allows a use before its definition in a loop. */
	for (b = 0; b < fn->nblocks && !why; b++)
		for (i = 0; i < fn->blocks[b].nstmts && !why; i++)
			why = verify_def(fn, &fn->blocks[b].stmts[i], defined);

	for (b = 0; b < fn->nblocks && !why; b++) {
		const struct kapi_block *blk = &fn->blocks[b];

		for (i = 0; i < blk->nstmts && !why; i++)
			why = verify_stmt(fn, &blk->stmts[i], defined);
		if (!why)
			why = verify_term(fn, &blk->term, defined);
	}
	free(defined);
	return why;
}

struct kapi_stmt *kapi_ir_address(struct kapi_fn_ir *fn, int bb, int dst,
				  const char *object, const char *type,
				  struct kapi_loc loc)
{
	struct kapi_stmt *s = kapi_ir_opaque(fn, bb, dst,
					     KAPI_REGION_NEG | KAPI_REGION_POS, loc);

	s->object = kapi_intern(fn->arena, object);
	s->object_type = kapi_intern(fn->arena, type);
	return s;
}
