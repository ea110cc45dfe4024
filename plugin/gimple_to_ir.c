/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GIMPLE function bodies to struct kapi_fn_ir: blocks, edges, PHIs and
 * terminators. gimple_stmt.c translates the statements in between.
 *
 * GCC's control flow graph maps almost one to one onto the IR. GCC block
 * indexes 0 and 1 are the artificial ENTRY and EXIT blocks and have no
 * statements; every other block becomes one IR block. IR block 0 is an
 * artificial entry that defines the incoming parameter values and the
 * values of uninitialized variables, then jumps to GCC's first real block.
 * Edges into EXIT are not IR edges: a block that returns ends in RETURN,
 * and a block whose only way out is a noreturn call ends in NONE.
 *
 * The last statement of a block decides its terminator:
 *
 *	if (error_7 != 0)	GIMPLE_COND	-> BRANCH (or FORK)
 *	switch (cmd_2(D))	GIMPLE_SWITCH	-> SWITCH
 *	return _5;		GIMPLE_RETURN	-> RETURN
 *	anything else				-> GOTO, FORK or NONE
 *
 * When the edges do not match the statement (abnormal edges of setjmp or
 * computed goto, EH edges, asm goto), the block ends in a FORK over all its
 * successors. Any of them may follow, which stays sound.
 */
#include "gimple_to_ir.h"

/* Edges that GIMPLE statements do not spell out. */
#define HIDDEN_EDGE_FLAGS (EDGE_ABNORMAL | EDGE_EH)

static int ir_block(struct translator *tr, basic_block bb)
{
	return tr->block_of_bb[bb->index];
}

static bool has_hidden_edges(basic_block bb)
{
	edge e;
	edge_iterator ei;

	FOR_EACH_EDGE(e, ei, bb->succs) {
		if (e->flags & HIDDEN_EDGE_FLAGS)
			return true;
	}
	return false;
}

/* End block B (GCC block BB) in a FORK over every successor but EXIT. */
static void end_in_fork(struct translator *tr, int b, basic_block bb,
			struct kapi_loc loc)
{
	int *succs = XALLOCAVEC(int, EDGE_COUNT(bb->succs) + 1);
	unsigned int n = 0;
	edge e;
	edge_iterator ei;

	FOR_EACH_EDGE(e, ei, bb->succs) {
		if (e->dest != EXIT_BLOCK_PTR_FOR_FN(tr->fn))
			succs[n++] = ir_block(tr, e->dest);
	}
	if (n > 0)
		kapi_ir_fork(tr->ir, b, n, succs, loc);
}

/* Whether COND compares two integer or pointer SSA names; sets *CMP. */
static bool two_variables(gcond *cond, enum kapi_cmp *cmp)
{
	tree lhs = gimple_cond_lhs(cond), rhs = gimple_cond_rhs(cond);

	if (TREE_CODE(lhs) != SSA_NAME || TREE_CODE(rhs) != SSA_NAME)
		return false;
	if (!INTEGRAL_TYPE_P(TREE_TYPE(lhs)) && !POINTER_TYPE_P(TREE_TYPE(lhs)))
		return false;
	return kapi_comparison_to_cmp(gimple_cond_code(cond), cmp);
}

/* if (LHS CODE RHS) goto <true edge>; else goto <false edge>; */
static void end_in_cond(struct translator *tr, int b, basic_block bb,
			gcond *cond, struct kapi_loc loc)
{
	edge true_edge = NULL, false_edge = NULL;
	struct kapi_operand op;
	enum kapi_cmp cmp;
	int64_t constant;
	bool is_unsigned;
	edge e;
	edge_iterator ei;

	FOR_EACH_EDGE(e, ei, bb->succs) {
		if (e->flags & EDGE_TRUE_VALUE)
			true_edge = e;
		else if (e->flags & EDGE_FALSE_VALUE)
			false_edge = e;
	}
	if (!true_edge || !false_edge || EDGE_COUNT(bb->succs) != 2 ||
	    has_hidden_edges(bb)) {
		kapi_verbose(gimple_location(cond),
			     "'%s': the edges of this condition are not one "
			     "true and one false edge; either may be taken",
			     tr->name);
		end_in_fork(tr, b, bb, loc);
		return;
	}

	if (kapi_split_comparison(tr, b, gimple_cond_code(cond),
				  gimple_cond_lhs(cond), gimple_cond_rhs(cond),
				  loc, &op, &cmp, &constant, &is_unsigned))
		kapi_ir_branch(tr->ir, b, op, cmp, constant, is_unsigned,
			       ir_block(tr, true_edge->dest),
			       ir_block(tr, false_edge->dest), loc);
	else if (two_variables(cond, &cmp))
		/* A loop test such as addr < end orders the two values. */
		kapi_ir_branch_vars(tr->ir, b,
				    kapi_ssa_var(tr, gimple_cond_lhs(cond)), cmp,
				    kapi_ssa_var(tr, gimple_cond_rhs(cond)),
				    TYPE_UNSIGNED(TREE_TYPE(gimple_cond_lhs(cond))),
				    ir_block(tr, true_edge->dest),
				    ir_block(tr, false_edge->dest), loc);
	else
		end_in_fork(tr, b, bb, loc);
}

/* Whether every successor edge of BB leads to one of SW's labels. */
static bool edges_match_switch(struct translator *tr, basic_block bb,
			       gswitch *sw)
{
	unsigned int i;
	edge e;
	edge_iterator ei;

	if (has_hidden_edges(bb))
		return false;
	FOR_EACH_EDGE(e, ei, bb->succs) {
		bool found = false;

		for (i = 0; i < gimple_switch_num_labels(sw) && !found; i++) {
			tree label = CASE_LABEL(gimple_switch_label(sw, i));

			found = label_to_block(tr->fn, label) == e->dest;
		}
		if (!found)
			return false;
	}
	return true;
}

/*
 * switch (INDEX) <default: L0, case LOW: L1, case LOW ... HIGH: L2, ...>
 * Label 0 is the default. Case values of a 64-bit unsigned index above
 * INT64_MAX are read with their bits kept (kapi_int_cst_value()), so a
 * range across 2^63 becomes two ranges, one at each end of int64_t. A case
 * value that does not fit in 64 bits makes the block a FORK instead.
 */
static void end_in_switch(struct translator *tr, int b, basic_block bb,
			  gswitch *sw, struct kapi_loc loc)
{
	unsigned int nlabels = gimple_switch_num_labels(sw);
	struct kapi_case *cases;
	unsigned int i, n = 0;
	int default_succ;

	if (!edges_match_switch(tr, bb, sw)) {
		kapi_verbose(gimple_location(sw),
			     "'%s': this switch has edges to blocks without a "
			     "case label; any of them may be taken", tr->name);
		end_in_fork(tr, b, bb, loc);
		return;
	}

	cases = XALLOCAVEC(struct kapi_case, 2 * nlabels);
	for (i = 1; i < nlabels; i++) {
		tree label = gimple_switch_label(sw, i);
		tree low = CASE_LOW(label);
		tree high = CASE_HIGH(label) ? CASE_HIGH(label) : low;
		int succ = ir_block(tr, label_to_block(tr->fn, CASE_LABEL(label)));
		int64_t lo, hi;

		if (!low || !kapi_int_cst_value(low, &lo) ||
		    !kapi_int_cst_value(high, &hi)) {
			kapi_verbose(gimple_location(sw),
				     "'%s': a case value of this switch does "
				     "not fit in 64 bits; any case may be taken",
				     tr->name);
			end_in_fork(tr, b, bb, loc);
			return;
		}
		if (lo > hi) {
			cases[n].low = lo;
			cases[n].high = INT64_MAX;
			cases[n++].succ = succ;
			lo = INT64_MIN;
		}
		cases[n].low = lo;
		cases[n].high = hi;
		cases[n++].succ = succ;
	}
	default_succ = ir_block(tr, label_to_block(tr->fn,
			CASE_LABEL(gimple_switch_default_label(sw))));

	kapi_ir_switch(tr->ir, b,
		       kapi_operand_of(tr, b, gimple_switch_index(sw), loc),
		       n, cases, default_succ, loc);
}

static void end_in_return(struct translator *tr, int b, basic_block bb,
			  greturn *ret, struct kapi_loc loc)
{
	tree value = gimple_return_retval(ret);

	if (!single_succ_p(bb) ||
	    single_succ(bb) != EXIT_BLOCK_PTR_FOR_FN(tr->fn)) {
		kapi_verbose(gimple_location(ret),
			     "'%s': a return statement with successors other "
			     "than the function exit; its value is ignored",
			     tr->name);
		end_in_fork(tr, b, bb, loc);
		return;
	}

	if (value)
		kapi_ir_return(tr->ir, b, true,
			       kapi_operand_of(tr, b, value, loc), loc);
	else
		kapi_ir_return(tr->ir, b, false, kapi_const(0), loc);
}

/*
 * End a block without a control statement. It falls through, or it ends
 * in a call, an asm or a computed goto whose edges give where it may go.
 */
static void end_in_flow(struct translator *tr, int b, basic_block bb,
			struct kapi_loc loc)
{
	if (single_succ_p(bb) && !has_hidden_edges(bb)) {
		if (single_succ(bb) != EXIT_BLOCK_PTR_FOR_FN(tr->fn))
			kapi_ir_goto(tr->ir, b, ir_block(tr, single_succ(bb)));
		return;
	}
	end_in_fork(tr, b, bb, loc);
}

static void translate_terminator(struct translator *tr, int b,
				 basic_block bb)
{
	gimple_stmt_iterator gsi = gsi_last_nondebug_bb(bb);
	gimple *last = gsi_end_p(gsi) ? NULL : gsi_stmt(gsi);
	struct kapi_loc loc = kapi_loc_from_gcc(tr->arena,
						last ? gimple_location(last)
						     : UNKNOWN_LOCATION);

	if (EDGE_COUNT(bb->succs) == 0)
		return;		/* the IR block keeps KAPI_TERM_NONE */

	switch (last ? gimple_code(last) : GIMPLE_NOP) {
	case GIMPLE_COND:
		end_in_cond(tr, b, bb, as_a<gcond *>(last), loc);
		break;
	case GIMPLE_SWITCH:
		end_in_switch(tr, b, bb, as_a<gswitch *>(last), loc);
		break;
	case GIMPLE_RETURN:
		end_in_return(tr, b, bb, as_a<greturn *>(last), loc);
		break;
	default:
		end_in_flow(tr, b, bb, loc);
		break;
	}
}

/*
 * PHI arguments are SSA names or constants, but also invariant addresses
 * (&global). Those get a variable defined in the entry block, which
 * precedes every predecessor.
 */
static void translate_phi(struct translator *tr, int b, gphi *phi)
{
	tree result = gimple_phi_result(phi);
	unsigned int i, nargs = gimple_phi_num_args(phi);
	struct kapi_phi_arg *args;

	if (virtual_operand_p(result))
		return;

	args = XALLOCAVEC(struct kapi_phi_arg, nargs + 1);
	for (i = 0; i < nargs; i++) {
		edge e = gimple_phi_arg_edge(phi, i);
		struct kapi_loc loc =
			kapi_loc_from_gcc(tr->arena,
					  gimple_phi_arg_location(phi, i));

		args[i].pred = ir_block(tr, e->src);
		args[i].value = kapi_operand_of(tr, 0, gimple_phi_arg_def(phi, i),
						loc);
		args[i].loc = loc;
	}
	kapi_ir_phi(tr->ir, b, kapi_def_var(tr, result), nargs, args);
}

static void translate_block(struct translator *tr, basic_block bb)
{
	int b = ir_block(tr, bb);
	gphi_iterator pi;
	gimple_stmt_iterator gsi;

	for (pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi))
		translate_phi(tr, b, pi.phi());

	for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi))
		kapi_translate_stmt(tr, b, gsi_stmt(gsi));

	translate_terminator(tr, b, bb);
}

/*
 * Fill the entry block: a PARAM for each parameter whose incoming value
 * (its default definition) is used, and an UNKNOWN for each other used
 * default definition, the value of a variable read before it is set.
 */
static void translate_entry(struct translator *tr, tree fndecl)
{
	basic_block first;
	unsigned int i;
	tree parm, name;
	int index = 0;

	for (parm = DECL_ARGUMENTS(fndecl); parm; parm = DECL_CHAIN(parm), index++) {
		tree def = ssa_default_def(tr->fn, parm);

		if (def && !has_zero_uses(def))
			kapi_ir_param(tr->ir, 0, kapi_def_var(tr, def), index);
	}

	FOR_EACH_SSA_NAME(i, name, tr->fn) {
		tree var = SSA_NAME_VAR(name);
		location_t where = var && DECL_P(var) ? DECL_SOURCE_LOCATION(var)
						      : DECL_SOURCE_LOCATION(fndecl);

		if (!SSA_NAME_IS_DEFAULT_DEF(name) || virtual_operand_p(name) ||
		    has_zero_uses(name) || tr->ssa_defined[i])
			continue;
		kapi_ir_unknown(tr->ir, 0, kapi_def_var(tr, name),
				kapi_arena_printf(tr->arena, "uninitialized '%s'",
						  kapi_expr_text(tr, name)),
				kapi_loc_from_gcc(tr->arena, where));
	}

	first = single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(tr->fn))
			? single_succ(ENTRY_BLOCK_PTR_FOR_FN(tr->fn)) : NULL;
	if (first && first != EXIT_BLOCK_PTR_FOR_FN(tr->fn))
		kapi_ir_goto(tr->ir, 0, ir_block(tr, first));
}

/*
 * Give every SSA name that is used but has no definition an UNKNOWN one.
 * gimple_stmt.c defines every SSA name that a statement sets, so this only
 * guards against an unforeseen shape, which then costs precision instead
 * of a rejected function.
 */
static void define_leftovers(struct translator *tr, tree fndecl)
{
	unsigned int version;

	for (version = 0; version < tr->nssa; version++) {
		if (tr->var_of_ssa[version] < 0 || tr->ssa_defined[version])
			continue;
		kapi_verbose(DECL_SOURCE_LOCATION(fndecl),
			     "'%s': SSA name %u is used but its definition "
			     "was not translated", tr->name, version);
		kapi_ir_unknown(tr->ir, 0, tr->var_of_ssa[version],
				"value of an untranslated definition",
				kapi_loc_from_gcc(tr->arena, UNKNOWN_LOCATION));
		tr->ssa_defined[version] = true;
	}
}

/* Print TYPE as GCC spells it in diagnostics ("size_t", "struct file *"). */
static const char *type_text(struct translator *tr, tree type)
{
	char *printed = print_generic_expr_to_str(type);
	const char *text = kapi_intern(tr->arena, printed);

	free(printed);
	return text;
}

/*
 * Print TYPE with every typedef resolved, pointer targets included:
 * "size_t *" gives "long unsigned int *". TYPE_MAIN_VARIANT() is the type
 * a typedef names, without qualifiers, which are written back in front.
 */
static const char *base_type_text(struct translator *tr, tree type)
{
	const char *quals = TYPE_READONLY(type) ? "const " : "";
	const char *vol = TYPE_VOLATILE(type) ? "volatile " : "";

	if (TREE_CODE(type) == POINTER_TYPE)
		return kapi_arena_printf(tr->arena, "%s *%s%s",
					 base_type_text(tr, TREE_TYPE(type)),
					 TYPE_READONLY(type) ? " const" : "",
					 TYPE_VOLATILE(type) ? " volatile" : "");
	return kapi_arena_printf(tr->arena, "%s%s%s", quals, vol,
				 type_text(tr, TYPE_MAIN_VARIANT(type)));
}

/* Record the name and C type of each parameter of FNDECL. */
static void describe_params(struct translator *tr, tree fndecl)
{
	unsigned int i = 0;
	tree parm;

	for (parm = DECL_ARGUMENTS(fndecl); parm; parm = DECL_CHAIN(parm), i++) {
		tree type = TREE_TYPE(parm);

		if (DECL_NAME(parm))
			kapi_ir_set_param_name(tr->ir, i,
					       IDENTIFIER_POINTER(DECL_NAME(parm)));
		if (type)
			kapi_ir_set_param_type(tr->ir, i, type_text(tr, type),
					       base_type_text(tr, type));
	}
}

/*
 * Where a function is defined, for messages. A function that a macro
 * defines (__do_sys_##name in SYSCALL_DEFINEn) is placed where the macro
 * is used, not inside the macro's header.
 */
static location_t function_location(tree fndecl)
{
	return linemap_resolve_location(line_table,
					DECL_SOURCE_LOCATION(fndecl),
					LRK_MACRO_EXPANSION_POINT, NULL);
}

static struct kapi_fn_ir *translate_body(struct translator *tr,
					 tree fndecl)
{
	unsigned int nparams = list_length(DECL_ARGUMENTS(fndecl));
	unsigned int nblocks = last_basic_block_for_fn(tr->fn);
	unsigned int i;
	basic_block bb;

	tr->nssa = num_ssa_names;
	tr->var_of_ssa = XNEWVEC(int, tr->nssa + 1);
	tr->ssa_defined = XCNEWVEC(bool, tr->nssa + 1);
	tr->block_of_bb = XNEWVEC(int, nblocks + 1);
	for (i = 0; i < tr->nssa; i++)
		tr->var_of_ssa[i] = -1;
	for (i = 0; i < nblocks; i++)
		tr->block_of_bb[i] = -1;

	tr->ir = kapi_ir_new(tr->arena, tr->name, !TREE_PUBLIC(fndecl), nparams,
			     kapi_loc_from_gcc(tr->arena,
					       function_location(fndecl)));
	kapi_set_linkage(tr->ir, fndecl);
	describe_params(tr, fndecl);

	/* Number the blocks first: edges and PHIs refer to any of them. */
	tr->block_of_bb[ENTRY_BLOCK] = kapi_ir_add_block(tr->ir);
	FOR_EACH_BB_FN(bb, tr->fn)
		tr->block_of_bb[bb->index] = kapi_ir_add_block(tr->ir);

	translate_entry(tr, fndecl);
	FOR_EACH_BB_FN(bb, tr->fn)
		translate_block(tr, bb);
	define_leftovers(tr, fndecl);

	XDELETEVEC(tr->var_of_ssa);
	XDELETEVEC(tr->ssa_defined);
	XDELETEVEC(tr->block_of_bb);
	return tr->ir;
}

/*
 * Translate the body of NODE. Returns NULL, with a verbose note, when the
 * body is not in SSA form or the IR fails kapi_ir_verify(). The function
 * then counts as one without a body.
 */
struct kapi_fn_ir *kapi_translate_function(struct kapi_arena *arena,
					   cgraph_node *node)
{
	tree fndecl = node->decl;
	function *fn = DECL_STRUCT_FUNCTION(fndecl);
	struct translator tr;
	const char *problem;

	memset(&tr, 0, sizeof(tr));
	tr.arena = arena;
	tr.fn = fn;
	tr.name = kapi_function_name(arena, fndecl);

	if (!fn || !fn->cfg || !gimple_in_ssa_p(fn)) {
		kapi_verbose(DECL_SOURCE_LOCATION(fndecl),
			     "'%s' is skipped: its body is not in SSA form",
			     tr.name);
		return NULL;
	}

	/*
	 * Helpers such as the SSA operand iterators and the pretty printer
	 * read cfun, which is NULL during an IPA pass.
	 */
	push_cfun(fn);
	translate_body(&tr, fndecl);
	pop_cfun();

	problem = kapi_ir_verify(tr.ir);
	if (problem) {
		kapi_verbose(DECL_SOURCE_LOCATION(fndecl),
			     "'%s' is skipped: its IR is invalid: %s", tr.name,
			     problem);
		return NULL;
	}
	return tr.ir;
}
