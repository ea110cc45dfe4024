/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The function IR: a control flow graph in SSA form that carries only what
 * the value-flow analysis needs.
 *
 * A producer (the GCC plugin translating GIMPLE, or a unit test) builds one
 * struct kapi_fn_ir per function body. Variables are SSA values: each one is
 * defined by exactly one statement (or PHI) and numbered from 0. Anything the
 * producer cannot express precisely becomes an UNKNOWN statement with a
 * human-readable description, never a guess.
 *
 * Block 0 is the entry block.
 */
#ifndef KAPI_IR_H
#define KAPI_IR_H

#include <stdbool.h>
#include <stdint.h>

#include "kapi/arena.h"
#include "kapi/loc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A comparison of a variable against a constant, VAR <op> VALUE. */
enum kapi_cmp {
	KAPI_CMP_EQ,
	KAPI_CMP_NE,
	KAPI_CMP_LT,
	KAPI_CMP_LE,
	KAPI_CMP_GT,
	KAPI_CMP_GE,
};

/* A statement operand: an SSA variable or an integer constant. */
struct kapi_operand {
	bool is_const;
	int var;
	int64_t value;
};

enum kapi_stmt_kind {
	KAPI_STMT_CONST,	/* dst = value */
	KAPI_STMT_PARAM,	/* dst = incoming value of parameter index */
	KAPI_STMT_COPY,		/* dst = src (casts and conversions included) */
	KAPI_STMT_UNKNOWN,	/* dst = a value from outside the analysis (text) */
	KAPI_STMT_OPAQUE,	/* dst = a non-errno value in regions (value) */
	KAPI_STMT_COMPARE,	/* dst = (src <cmp> rhs), a boolean */
	KAPI_STMT_NOT,		/* dst = !src, a boolean */
	KAPI_STMT_CALL,		/* [dst =] callee(args), direct or indirect */
	KAPI_STMT_PHI,		/* dst = PHI(values on incoming edges) */
};

struct kapi_phi_arg {
	int pred;		/* predecessor block of the incoming edge */
	struct kapi_operand value;
	struct kapi_loc loc;	/* where a constant argument was written */
};

struct kapi_stmt {
	enum kapi_stmt_kind kind;
	int dst;			/* -1 when the result is not used */
	struct kapi_loc loc;

	int64_t value;			/* CONST; OPAQUE: KAPI_REGION_* mask */
	int param;			/* PARAM */
	struct kapi_operand src;	/* COPY, COMPARE, NOT */
	enum kapi_cmp cmp;		/* COMPARE */
	bool is_unsigned;		/* COMPARE: unsigned comparison */
	int64_t rhs;			/* COMPARE */

	/*
	 * UNKNOWN: what the value is ("load of 'vma->vm_flags'").
	 * CALL: the callee's name, or for an indirect call a description
	 * of the called expression.
	 */
	const char *text;
	bool indirect;			/* CALL through a pointer */

	/*
	 * OPAQUE from an address: the lock-typed object it points into, by
	 * identity ("mmap_lock" for &mm->mmap_lock, a global's name) and by
	 * C type ("struct rw_semaphore"). NULL when the address is not of a
	 * lock, or its object has no stable name.
	 */
	const char *object;
	const char *object_type;
	unsigned int nargs;		/* CALL */
	struct kapi_operand *args;

	unsigned int nphi;		/* PHI */
	struct kapi_phi_arg *phi;
};

enum kapi_term_kind {
	KAPI_TERM_NONE,		/* no successor: noreturn call, unreachable */
	KAPI_TERM_GOTO,
	KAPI_TERM_BRANCH,	/* if (cond <cmp> rhs) succ[0] else succ[1] */
	KAPI_TERM_FORK,		/* any of succs, no condition known */
	KAPI_TERM_SWITCH,
	KAPI_TERM_RETURN,
};

/* One case label of a switch: values LOW..HIGH go to SUCC. */
struct kapi_case {
	int64_t low;
	int64_t high;
	int succ;
};

struct kapi_term {
	enum kapi_term_kind kind;
	struct kapi_loc loc;

	int succ[2];			/* GOTO uses succ[0] */

	unsigned int nsucc;		/* FORK */
	int *succs;

	struct kapi_operand cond;	/* BRANCH and SWITCH operand */
	enum kapi_cmp cmp;		/* BRANCH */
	bool is_unsigned;		/* BRANCH */
	int64_t rhs;			/* BRANCH against a constant */
	int rhs_var;			/* BRANCH against a variable, or -1 */

	unsigned int ncases;		/* SWITCH */
	struct kapi_case *cases;
	int default_succ;		/* SWITCH */

	bool has_value;			/* RETURN */
	struct kapi_operand value;	/* RETURN */
};

struct kapi_block {
	unsigned int nstmts;
	unsigned int cap;
	struct kapi_stmt *stmts;
	struct kapi_term term;
};

struct kapi_fn_ir {
	struct kapi_arena *arena;
	const char *name;		/* assembler name, interned */
	bool is_static;			/* not visible outside its unit */
	bool is_weak;			/* __weak: a strong definition elsewhere
					 * replaces it at link time */
	unsigned int nparams;
	const char **param_names;	/* nparams entries, may be NULL */
	const char **param_types;	/* as written: "size_t" */
	const char **param_base_types;	/* typedefs resolved: "long unsigned int" */
	struct kapi_loc loc;

	unsigned int nblocks;
	unsigned int block_cap;
	struct kapi_block *blocks;

	unsigned int nvars;
	unsigned int var_cap;
	const char **var_names;		/* for messages; entries may be NULL */
};

/* Start the IR of function NAME with NPARAMS parameters and no blocks. */
struct kapi_fn_ir *kapi_ir_new(struct kapi_arena *arena, const char *name,
			       bool is_static, unsigned int nparams,
			       struct kapi_loc loc);

void kapi_ir_set_param_name(struct kapi_fn_ir *fn, unsigned int index,
			    const char *name);
void kapi_ir_set_param_type(struct kapi_fn_ir *fn, unsigned int index,
			    const char *type, const char *base_type);

/* Add an empty block ending in KAPI_TERM_NONE and return its number. */
int kapi_ir_add_block(struct kapi_fn_ir *fn);

/* Add an SSA variable; NAME (the source variable, may be NULL) is kept. */
int kapi_ir_add_var(struct kapi_fn_ir *fn, const char *name);

static inline struct kapi_operand kapi_var(int var)
{
	struct kapi_operand op = { false, var, 0 };
	return op;
}

static inline struct kapi_operand kapi_const(int64_t value)
{
	struct kapi_operand op = { true, -1, value };
	return op;
}

/*
 * Statement builders. Each appends to block BB and returns the statement,
 * which stays valid until the next statement is added to the same block.
 */
struct kapi_stmt *kapi_ir_const(struct kapi_fn_ir *fn, int bb, int dst,
				int64_t value, struct kapi_loc loc);
struct kapi_stmt *kapi_ir_param(struct kapi_fn_ir *fn, int bb, int dst,
				int param);
struct kapi_stmt *kapi_ir_copy(struct kapi_fn_ir *fn, int bb, int dst,
			       struct kapi_operand src, struct kapi_loc loc);
struct kapi_stmt *kapi_ir_unknown(struct kapi_fn_ir *fn, int bb, int dst,
				  const char *text, struct kapi_loc loc);
/* REGIONS is a KAPI_REGION_* mask (value.h): an address is NEG | POS. */
struct kapi_stmt *kapi_ir_opaque(struct kapi_fn_ir *fn, int bb, int dst,
				 unsigned int regions, struct kapi_loc loc);
/*
 * An address of a lock object: OPAQUE (NEG | POS) that also names the object
 * (see struct kapi_stmt). OBJECT and TYPE are interned; either may be NULL.
 */
struct kapi_stmt *kapi_ir_address(struct kapi_fn_ir *fn, int bb, int dst,
				  const char *object, const char *type,
				  struct kapi_loc loc);
struct kapi_stmt *kapi_ir_compare(struct kapi_fn_ir *fn, int bb, int dst,
				  struct kapi_operand src, enum kapi_cmp cmp,
				  int64_t rhs, bool is_unsigned,
				  struct kapi_loc loc);
struct kapi_stmt *kapi_ir_not(struct kapi_fn_ir *fn, int bb, int dst,
			      struct kapi_operand src, struct kapi_loc loc);
struct kapi_stmt *kapi_ir_call(struct kapi_fn_ir *fn, int bb, int dst,
			       const char *callee, bool indirect,
			       unsigned int nargs,
			       const struct kapi_operand *args,
			       struct kapi_loc loc);
struct kapi_stmt *kapi_ir_phi(struct kapi_fn_ir *fn, int bb, int dst,
			      unsigned int nargs,
			      const struct kapi_phi_arg *args);

/* Terminators. Setting one replaces the block's previous terminator. */
void kapi_ir_goto(struct kapi_fn_ir *fn, int bb, int succ);
void kapi_ir_branch(struct kapi_fn_ir *fn, int bb, struct kapi_operand cond,
		    enum kapi_cmp cmp, int64_t rhs, bool is_unsigned,
		    int succ_true, int succ_false, struct kapi_loc loc);
/* if (LHS <cmp> RHS) for two variables, such as a loop's addr < end. */
void kapi_ir_branch_vars(struct kapi_fn_ir *fn, int bb, int lhs,
			 enum kapi_cmp cmp, int rhs, bool is_unsigned,
			 int succ_true, int succ_false, struct kapi_loc loc);
void kapi_ir_fork(struct kapi_fn_ir *fn, int bb, unsigned int nsucc,
		  const int *succs, struct kapi_loc loc);
void kapi_ir_switch(struct kapi_fn_ir *fn, int bb, struct kapi_operand cond,
		    unsigned int ncases, const struct kapi_case *cases,
		    int default_succ, struct kapi_loc loc);
void kapi_ir_return(struct kapi_fn_ir *fn, int bb, bool has_value,
		    struct kapi_operand value, struct kapi_loc loc);

/*
 * Check the IR for internal consistency (variables defined once, operands
 * and successors in range). Returns NULL when it is sound, else a message
 * naming the first problem; producers call it before analysis so that a
 * translation bug becomes a skipped function, never a crash.
 */
const char *kapi_ir_verify(const struct kapi_fn_ir *fn);

/* Print FN in a readable form, for the plugin's dump argument and tests. */
struct kapi_buf;
void kapi_ir_dump(const struct kapi_fn_ir *fn, struct kapi_buf *out);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_IR_H */
