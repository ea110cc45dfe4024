/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * State shared by the two halves of the GIMPLE translation:
 * gimple_to_ir.c (blocks, edges, PHIs, terminators) and gimple_stmt.c
 * (statements and their operands).
 */
#ifndef KAPI_GIMPLE_TO_IR_H
#define KAPI_GIMPLE_TO_IR_H

#include "kapi_plugin.h"

/* Texts of UNKNOWN statements are cut to this many characters. */
#define KAPI_TEXT_MAX 60

/* The translation of one function body. */
struct translator {
	struct kapi_arena *arena;
	struct kapi_fn_ir *ir;
	function *fn;
	const char *name;		/* the function's assembler name */

	unsigned int nssa;		/* num_ssa_names when translation began */
	int *var_of_ssa;		/* SSA version -> IR var, or -1 */
	bool *ssa_defined;		/* SSA version -> has a defining stmt */
	int *block_of_bb;		/* GCC block index -> IR block, or -1 */
};

/* The name a function has in summaries and call statements. */
const char *kapi_function_name(struct kapi_arena *arena, tree fndecl);

/* Set IR's static and weak flags from the linkage of FNDECL. */
void kapi_set_linkage(struct kapi_fn_ir *ir, tree fndecl);

/* The IR variable of SSA name NAME, created on first use. */
int kapi_ssa_var(struct translator *tr, tree name);

/* The IR variable of SSA name NAME, which is being defined now. */
int kapi_def_var(struct translator *tr, tree name);

/* VALUE (a GIMPLE operand) as an IR operand, defining a variable if needed. */
struct kapi_operand kapi_operand_of(struct translator *tr, int bb, tree value,
				    struct kapi_loc loc);

/* Read an INTEGER_CST as the 64-bit value the IR uses. */
bool kapi_int_cst_value(tree cst, int64_t *out);

/* EXPR printed for a message, SSA names shown as their variables. */
const char *kapi_expr_text(struct translator *tr, tree expr);

/*
 * Put LHS CODE RHS in the form "OP CMP CONSTANT" that COMPARE and BRANCH
 * take; false when it has no such form.
 */
bool kapi_split_comparison(struct translator *tr, int bb, enum tree_code code,
			   tree lhs, tree rhs, struct kapi_loc loc,
			   struct kapi_operand *op, enum kapi_cmp *cmp,
			   int64_t *constant, bool *is_unsigned);

/* The IR comparison of tree code CODE; false for other codes. */
bool kapi_comparison_to_cmp(enum tree_code code, enum kapi_cmp *cmp);

/* Translate one statement that is not a block terminator. */
void kapi_translate_stmt(struct translator *tr, int bb, gimple *stmt);

#endif /* KAPI_GIMPLE_TO_IR_H */
