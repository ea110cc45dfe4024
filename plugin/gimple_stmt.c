/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GIMPLE statements to IR statements.
 *
 * The pass runs right after GCC built SSA form, before inlining and before
 * any optimisation, so a statement still looks much like the source:
 *
 *	error_7 = do_mlock (start_3(D), len_4(D), 1);	-> CALL
 *	_1 = error_7 != 0;				-> COMPARE
 *	_2 = (long int) error_7;			-> COPY
 *	_5 = vma_6->vm_flags;				-> UNKNOWN "load of ..."
 *	_8 = &mm_9->mmap_lock;				-> OPAQUE (an address)
 *
 * Only values matter here: a store to memory produces no IR statement, and
 * a value the IR cannot express becomes UNKNOWN with a short description,
 * never a guess.
 */
#include "gimple_to_ir.h"

const char *kapi_function_name(struct kapi_arena *arena, tree fndecl)
{
	const char *name = IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(fndecl));

	/*
	 * A leading '*' marks a name that gets no user label prefix in the
	 * assembler output (an asm("name") label). It is not part of the
	 * symbol.
	 */
	if (name[0] == '*')
		name++;
	return kapi_intern(arena, name);
}

void kapi_set_linkage(struct kapi_fn_ir *ir, tree fndecl)
{
	/*
	 * An "extern inline" body (gnu_inline, as native_save_fl() in
	 * <asm/irqflags.h>) is only inlined into this unit and never emitted,
	 * so it is this unit's own, like a static function. Every unit that
	 * includes the header has one.
	 */
	ir->is_static = !TREE_PUBLIC(fndecl) || DECL_EXTERNAL(fndecl);

	/* A __weak default: another unit's strong definition may replace it. */
	ir->is_weak = !ir->is_static && DECL_WEAK(fndecl);
}

int kapi_ssa_var(struct translator *tr, tree name)
{
	unsigned int version = SSA_NAME_VERSION(name);
	tree ident;

	/*
	 * Translation creates no SSA names. One made anyway would get a
	 * variable without a definition, which kapi_ir_verify() rejects.
	 */
	if (version >= tr->nssa)
		return kapi_ir_add_var(tr->ir, NULL);

	if (tr->var_of_ssa[version] < 0) {
		ident = SSA_NAME_IDENTIFIER(name);
		tr->var_of_ssa[version] =
			kapi_ir_add_var(tr->ir, ident ? IDENTIFIER_POINTER(ident)
						      : NULL);
	}
	return tr->var_of_ssa[version];
}

int kapi_def_var(struct translator *tr, tree lhs)
{
	unsigned int version = SSA_NAME_VERSION(lhs);

	if (version < tr->nssa)
		tr->ssa_defined[version] = true;
	return kapi_ssa_var(tr, lhs);
}

/*
 * The IR stores integers as int64_t. A constant of a 64-bit unsigned type
 * above INT64_MAX (a pointer such as ERR_PTR(-ENOMEM), or (unsigned
 * long)-EINVAL) keeps its bits, as the conversion to the signed return
 * type does. Wider constants (__int128) are not representable.
 */
bool kapi_int_cst_value(tree cst, int64_t *out)
{
	if (TREE_CODE(cst) != INTEGER_CST)
		return false;
	if (tree_fits_shwi_p(cst)) {
		*out = tree_to_shwi(cst);
		return true;
	}
	if (TYPE_PRECISION(TREE_TYPE(cst)) <= 64 && tree_fits_uhwi_p(cst)) {
		*out = (int64_t)tree_to_uhwi(cst);
		return true;
	}
	return false;
}

/*
 * walk_tree() callback over a copy made by unshare_expr(): show SSA names
 * as the variables they belong to. unshare_expr() copies only expression
 * nodes (and TREE_LIST, TREE_VEC), so the walk stops at any other node
 * with operands, a CONSTRUCTOR for one: its operands still belong to the
 * function's IL and must not change.
 */
static tree name_ssa_operand(tree *tp, int *walk_subtrees, void *data)
{
	enum tree_code code = TREE_CODE(*tp);
	tree var;

	if (code == SSA_NAME) {
		var = SSA_NAME_VAR(*tp);
		if (var && DECL_P(var) && DECL_NAME(var))
			*tp = var;
		*walk_subtrees = 0;
	} else if (!IS_EXPR_CODE_CLASS(TREE_CODE_CLASS(code)) &&
		   code != TREE_LIST && code != TREE_VEC) {
		*walk_subtrees = 0;
	}
	return NULL_TREE;
}

/*
 * Print EXPR for a message. An SSA name prints as "len_4(D)", but users
 * know the variable "len". So the expression is copied and its SSA names
 * are replaced by their variables before printing.
 */
const char *kapi_expr_text(struct translator *tr, tree expr)
{
	tree copy = unshare_expr(expr);
	const char *text, *start;
	char *printed;
	size_t len;

	walk_tree(&copy, name_ssa_operand, NULL, NULL);
	printed = print_generic_expr_to_str(copy);

	/* Some codes print with padding (" VEC_COND_EXPR < ... > "). */
	start = printed;
	while (ISSPACE(*start))
		start++;
	len = strlen(start);
	while (len > 0 && ISSPACE(start[len - 1]))
		len--;

	if (len > KAPI_TEXT_MAX)
		text = kapi_arena_printf(tr->arena, "%.*s...",
					 KAPI_TEXT_MAX - 3, start);
	else
		text = kapi_intern_len(tr->arena, start, len);
	free(printed);
	return text;
}

static bool is_integral_or_pointer(tree type)
{
	return type && (INTEGRAL_TYPE_P(type) || POINTER_TYPE_P(type));
}

/*
 * Whether EXPR reads memory: a declaration that lives in memory (a global,
 * or a local or parameter whose address is taken and so is not in SSA
 * form), or a reference whose base is one or a dereference.
 */
static bool is_load(tree expr)
{
	while (handled_component_p(expr))
		expr = TREE_OPERAND(expr, 0);
	return TREE_CODE(expr) == MEM_REF || TREE_CODE(expr) == TARGET_MEM_REF ||
	       TREE_CODE(expr) == VAR_DECL || TREE_CODE(expr) == PARM_DECL ||
	       TREE_CODE(expr) == RESULT_DECL;
}

/*
 * The name under which TYPE is a lock type for kapi_lock_class_of_type():
 * the typedef as written ("spinlock_t") or the struct tag ("struct mutex").
 * Returns NULL for any other type.
 */
static const char *lock_type_name(struct translator *tr, tree type)
{
	tree name, main;
	const char *text;

	if (!type)
		return NULL;
	name = TYPE_NAME(type);
	main = TYPE_MAIN_VARIANT(type);
	if (name && TREE_CODE(name) == TYPE_DECL && DECL_NAME(name) &&
	    DECL_ORIGINAL_TYPE(name)) {
		text = IDENTIFIER_POINTER(DECL_NAME(name));
		if (kapi_lock_class_of_type(text) != KAPI_LOCK_CLASS_UNKNOWN)
			return text;
	}

	if (TREE_CODE(main) != RECORD_TYPE)
		return NULL;
	name = TYPE_NAME(main);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
		return NULL;
	text = kapi_arena_printf(tr->arena, "struct %s",
				 IDENTIFIER_POINTER(name));
	return kapi_lock_class_of_type(text) != KAPI_LOCK_CLASS_UNKNOWN ? text
									 : NULL;
}

/*
 * The stable name of the lock object REF: the field it names
 * (mm->mmap_lock is "mmap_lock"), or a global variable's name. A local
 * variable or a bare dereference has none.
 */
static const char *lock_object_name(tree ref)
{
	switch (TREE_CODE(ref)) {
	case COMPONENT_REF: {
		tree field = TREE_OPERAND(ref, 1);

		return DECL_NAME(field) ? IDENTIFIER_POINTER(DECL_NAME(field))
					: NULL;
	}
	case ARRAY_REF:
		return lock_object_name(TREE_OPERAND(ref, 0));
	case VAR_DECL:
		return is_global_var(ref) && DECL_NAME(ref)
			       ? IDENTIFIER_POINTER(DECL_NAME(ref)) : NULL;
	default:
		return NULL;
	}
}

/*
 * Define DST as the address ADDR. When it points into a lock object
 * (&mm->mmap_lock, &files->file_lock.rlock) the IR names the innermost
 * lock-typed object on the way from the full reference to its base, so
 * that the lock analysis can tell which lock a primitive takes.
 */
static void translate_address(struct translator *tr, int bb, int dst,
			      tree addr, struct kapi_loc loc)
{
	tree ref = TREE_OPERAND(addr, 0);

	for (;;) {
		const char *type = lock_type_name(tr, TREE_TYPE(ref));

		if (type) {
			kapi_ir_address(tr->ir, bb, dst, lock_object_name(ref),
					type, loc);
			return;
		}
		if (!handled_component_p(ref))
			break;
		ref = TREE_OPERAND(ref, 0);
	}
	kapi_ir_opaque(tr->ir, bb, dst, KAPI_REGION_NEG | KAPI_REGION_POS, loc);
}

/*
 * Define DST in block BB as the value of the GIMPLE operand VALUE: an SSA
 * name, a constant, an address, a load or anything else.
 */
static void translate_value(struct translator *tr, int bb, int dst,
			    tree value, struct kapi_loc loc)
{
	int64_t number;

	switch (TREE_CODE(value)) {
	case SSA_NAME:
		kapi_ir_copy(tr->ir, bb, dst, kapi_var(kapi_ssa_var(tr, value)),
			     loc);
		return;
	case INTEGER_CST:
		if (kapi_int_cst_value(value, &number)) {
			kapi_ir_const(tr->ir, bb, dst, number, loc);
			return;
		}
		break;
	case ADDR_EXPR:
		translate_address(tr, bb, dst, value, loc);
		return;
	case VIEW_CONVERT_EXPR: {
		/* A bit-preserving view of a register value is a copy. */
		tree inner = TREE_OPERAND(value, 0);

		if ((TREE_CODE(inner) == SSA_NAME ||
		     TREE_CODE(inner) == INTEGER_CST) &&
		    is_integral_or_pointer(TREE_TYPE(value)) &&
		    is_integral_or_pointer(TREE_TYPE(inner))) {
			translate_value(tr, bb, dst, inner, loc);
			return;
		}
		break;
	}
	default:
		break;
	}

	if (is_load(value))
		kapi_ir_unknown(tr->ir, bb, dst,
				kapi_arena_printf(tr->arena, "load of '%s'",
						  kapi_expr_text(tr, value)),
				loc);
	else
		kapi_ir_unknown(tr->ir, bb, dst,
				kapi_arena_printf(tr->arena, "value of '%s'",
						  kapi_expr_text(tr, value)),
				loc);
}

struct kapi_operand kapi_operand_of(struct translator *tr, int bb, tree value,
				    struct kapi_loc loc)
{
	int64_t number;
	int var;

	if (TREE_CODE(value) == SSA_NAME)
		return kapi_var(kapi_ssa_var(tr, value));
	if (kapi_int_cst_value(value, &number))
		return kapi_const(number);

	var = kapi_ir_add_var(tr->ir, NULL);
	translate_value(tr, bb, var, value, loc);
	return kapi_var(var);
}

bool kapi_comparison_to_cmp(enum tree_code code, enum kapi_cmp *cmp)
{
	switch (code) {
	case EQ_EXPR: *cmp = KAPI_CMP_EQ; return true;
	case NE_EXPR: *cmp = KAPI_CMP_NE; return true;
	case LT_EXPR: *cmp = KAPI_CMP_LT; return true;
	case LE_EXPR: *cmp = KAPI_CMP_LE; return true;
	case GT_EXPR: *cmp = KAPI_CMP_GT; return true;
	case GE_EXPR: *cmp = KAPI_CMP_GE; return true;
	default: return false;
	}
}

/* The comparison that holds for (B, A) when CMP holds for (A, B). */
static enum kapi_cmp mirror_cmp(enum kapi_cmp cmp)
{
	switch (cmp) {
	case KAPI_CMP_LT: return KAPI_CMP_GT;
	case KAPI_CMP_LE: return KAPI_CMP_GE;
	case KAPI_CMP_GT: return KAPI_CMP_LT;
	case KAPI_CMP_GE: return KAPI_CMP_LE;
	default: return cmp;
	}
}

/*
 * Describe the comparison LHS CODE RHS as "operand CMP constant", the form
 * the IR's COMPARE and BRANCH take, mirroring it when the constant is on
 * the left. Returns false when neither side is a representable integer
 * constant, or CODE is not one of the six integer comparisons (the
 * unordered floating-point ones, for example).
 */
bool kapi_split_comparison(struct translator *tr, int bb, enum tree_code code,
			   tree lhs, tree rhs, struct kapi_loc loc,
			   struct kapi_operand *op, enum kapi_cmp *cmp,
			   int64_t *constant, bool *is_unsigned)
{
	int64_t number;

	if (!kapi_comparison_to_cmp(code, cmp))
		return false;

	if (kapi_int_cst_value(rhs, &number)) {
		*op = kapi_operand_of(tr, bb, lhs, loc);
	} else if (kapi_int_cst_value(lhs, &number)) {
		*op = kapi_operand_of(tr, bb, rhs, loc);
		*cmp = mirror_cmp(*cmp);
	} else {
		return false;
	}
	*constant = number;
	*is_unsigned = TYPE_UNSIGNED(TREE_TYPE(lhs));
	return true;
}

static bool is_boolean(tree type)
{
	return TREE_CODE(type) == BOOLEAN_TYPE ||
	       (INTEGRAL_TYPE_P(type) && TYPE_PRECISION(type) == 1 &&
		TYPE_UNSIGNED(type));
}

/* The unknown value that the right-hand side of STMT computes. */
static void unknown_rhs(struct translator *tr, int bb, int dst,
			gassign *stmt, struct kapi_loc loc)
{
	tree rhs = gimple_assign_rhs_to_tree(stmt);

	kapi_ir_unknown(tr->ir, bb, dst,
			kapi_arena_printf(tr->arena, "value computed by '%s'",
					  kapi_expr_text(tr, rhs)),
			loc);
}

static void translate_assign(struct translator *tr, int bb, gassign *stmt,
			     struct kapi_loc loc)
{
	tree lhs = gimple_assign_lhs(stmt);
	enum tree_code code = gimple_assign_rhs_code(stmt);
	tree rhs1 = gimple_assign_rhs1(stmt);
	tree rhs2 = gimple_assign_rhs2(stmt);	/* NULL_TREE if unary */
	struct kapi_operand op;
	enum kapi_cmp cmp;
	int64_t constant;
	bool is_unsigned;
	int dst;

	/* A store to memory defines no SSA value. */
	if (TREE_CODE(lhs) != SSA_NAME)
		return;
	dst = kapi_def_var(tr, lhs);

	if (get_gimple_rhs_class(code) == GIMPLE_SINGLE_RHS) {
		translate_value(tr, bb, dst, rhs1, loc);
		return;
	}

	if (CONVERT_EXPR_CODE_P(code) &&
	    is_integral_or_pointer(TREE_TYPE(lhs)) &&
	    is_integral_or_pointer(TREE_TYPE(rhs1))) {
		kapi_ir_copy(tr->ir, bb, dst,
			     kapi_operand_of(tr, bb, rhs1, loc), loc);
		return;
	}

	if (TREE_CODE_CLASS(code) == tcc_comparison &&
	    INTEGRAL_TYPE_P(TREE_TYPE(lhs))) {
		if (kapi_split_comparison(tr, bb, code, rhs1, rhs2, loc, &op,
					  &cmp, &constant, &is_unsigned))
			kapi_ir_compare(tr->ir, bb, dst, op, cmp, constant,
					is_unsigned, loc);
		else
			/* Some truth value, unknown which: 0 or 1. */
			kapi_ir_opaque(tr->ir, bb, dst,
				       KAPI_REGION_ZERO | KAPI_REGION_POS,
				       loc);
		return;
	}

	if (code == TRUTH_NOT_EXPR ||
	    (code == BIT_NOT_EXPR && is_boolean(TREE_TYPE(rhs1)))) {
		kapi_ir_not(tr->ir, bb, dst,
			    kapi_operand_of(tr, bb, rhs1, loc), loc);
		return;
	}
	if (code == BIT_XOR_EXPR && is_boolean(TREE_TYPE(rhs1)) &&
	    (integer_onep(rhs1) || integer_onep(rhs2))) {
		tree other = integer_onep(rhs2) ? rhs1 : rhs2;

		kapi_ir_not(tr->ir, bb, dst,
			    kapi_operand_of(tr, bb, other, loc), loc);
		return;
	}

	unknown_rhs(tr, bb, dst, stmt, loc);
}

/* The code of a GCC builtin called by CALL, or END_BUILTINS. */
static enum built_in_function builtin_code(gcall *call)
{
	tree fndecl = gimple_call_fndecl(call);

	if (!fndecl || !fndecl_built_in_p(fndecl, BUILT_IN_NORMAL))
		return END_BUILTINS;
	return DECL_FUNCTION_CODE(fndecl);
}

/* Builtins whose result is an exact copy of their first argument. */
static bool returns_first_arg(gcall *call)
{
	if (gimple_call_internal_p(call))
		return gimple_call_internal_fn(call) == IFN_BUILTIN_EXPECT;

	switch (builtin_code(call)) {
	case BUILT_IN_EXPECT:
	case BUILT_IN_EXPECT_WITH_PROBABILITY:
	case BUILT_IN_ASSUME_ALIGNED:
		return true;
	default:
		return false;
	}
}

/* Builtins whose integer result is never negative. */
static bool returns_non_negative(gcall *call)
{
	switch (builtin_code(call)) {
	CASE_INT_FN(BUILT_IN_CLZ):
	CASE_INT_FN(BUILT_IN_CTZ):
	CASE_INT_FN(BUILT_IN_CLRSB):
	CASE_INT_FN(BUILT_IN_FFS):
	CASE_INT_FN(BUILT_IN_PARITY):
	CASE_INT_FN(BUILT_IN_POPCOUNT):
	case BUILT_IN_CONSTANT_P:
	case BUILT_IN_STRLEN:
	case BUILT_IN_CLASSIFY_TYPE:
		return true;
	default:
		return false;
	}
}

/*
 * A call to a GCC builtin or internal function. The IR gets no CALL for
 * it, since there is no body to summarise, only a definition of its
 * result if it has one.
 */
static void translate_builtin(struct translator *tr, int bb, gcall *call,
			      int dst, const char *what, struct kapi_loc loc)
{
	tree lhs = gimple_call_lhs(call);

	if (dst < 0)
		return;

	if (returns_first_arg(call) && gimple_call_num_args(call) > 0) {
		kapi_ir_copy(tr->ir, bb, dst,
			     kapi_operand_of(tr, bb, gimple_call_arg(call, 0),
					     loc),
			     loc);
		return;
	}

	/*
	 * -ftrivial-auto-var-init (CONFIG_INIT_STACK_ALL_ZERO) marks each
	 * uninitialized local with .DEFERRED_INIT (SIZE, KIND, NAME); with
	 * KIND AUTO_INIT_ZERO the variable starts as 0.
	 */
	if (gimple_call_internal_p(call) &&
	    gimple_call_internal_fn(call) == IFN_DEFERRED_INIT) {
		tree kind = gimple_call_num_args(call) > 1
				    ? gimple_call_arg(call, 1) : NULL_TREE;

		if (kind && tree_fits_shwi_p(kind) &&
		    tree_to_shwi(kind) == AUTO_INIT_ZERO &&
		    is_integral_or_pointer(TREE_TYPE(lhs)))
			kapi_ir_const(tr->ir, bb, dst, 0, loc);
		else
			kapi_ir_unknown(tr->ir, bb, dst,
					kapi_arena_printf(tr->arena,
							  "uninitialized '%s'",
							  kapi_expr_text(tr, lhs)),
					loc);
		return;
	}

	if (INTEGRAL_TYPE_P(TREE_TYPE(lhs)) && returns_non_negative(call)) {
		kapi_ir_opaque(tr->ir, bb, dst,
			       KAPI_REGION_ZERO | KAPI_REGION_POS, loc);
		return;
	}
	/* A C library builtin never returns an ERR_PTR-style pointer. */
	if (POINTER_TYPE_P(TREE_TYPE(lhs)) && builtin_code(call) != END_BUILTINS) {
		kapi_ir_opaque(tr->ir, bb, dst,
			       KAPI_REGION_ZERO | KAPI_REGION_NEG |
			       KAPI_REGION_POS, loc);
		return;
	}
	kapi_ir_unknown(tr->ir, bb, dst,
			kapi_arena_printf(tr->arena, "result of '%s'", what),
			loc);
}

/*
 * Describe the callee of an indirect call. The called pointer is almost
 * always an SSA name just loaded from a struct ("_5 = ops_3->read;"), so
 * the load's source names the callee better than the SSA name.
 */
static const char *indirect_callee_text(struct translator *tr, tree fn)
{
	if (TREE_CODE(fn) == OBJ_TYPE_REF)
		fn = OBJ_TYPE_REF_EXPR(fn);
	if (TREE_CODE(fn) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(fn)) {
		gimple *def = SSA_NAME_DEF_STMT(fn);

		if (def && is_gimple_assign(def) &&
		    gimple_assign_single_p(def))
			fn = gimple_assign_rhs1(def);
	}
	return kapi_expr_text(tr, fn);
}

static void translate_call(struct translator *tr, int bb, gcall *call,
			   struct kapi_loc loc)
{
	tree lhs = gimple_call_lhs(call);
	tree fndecl = gimple_call_fndecl(call);
	struct kapi_operand *args;
	unsigned int i, nargs;
	int dst = -1;

	if (lhs && TREE_CODE(lhs) == SSA_NAME)
		dst = kapi_def_var(tr, lhs);

	if (gimple_call_internal_p(call)) {
		translate_builtin(tr, bb, call, dst,
				  kapi_arena_printf(tr->arena, ".%s",
						    internal_fn_name(gimple_call_internal_fn(call))),
				  loc);
		return;
	}
	if (fndecl && fndecl_built_in_p(fndecl)) {
		translate_builtin(tr, bb, call, dst,
				  IDENTIFIER_POINTER(DECL_NAME(fndecl)), loc);
		return;
	}

	nargs = gimple_call_num_args(call);
	args = (struct kapi_operand *)kapi_arena_alloc(tr->arena,
						       (nargs + 1) * sizeof(*args));
	for (i = 0; i < nargs; i++)
		args[i] = kapi_operand_of(tr, bb, gimple_call_arg(call, i), loc);

	if (fndecl)
		kapi_ir_call(tr->ir, bb, dst, kapi_function_name(tr->arena, fndecl),
			     false, nargs, args, loc);
	else
		kapi_ir_call(tr->ir, bb, dst,
			     indirect_callee_text(tr, gimple_call_fn(call)),
			     true, nargs, args, loc);
}

/* Outputs of inline asm ("=r" (x)) that live in registers are SSA names. */
static void translate_asm(struct translator *tr, int bb, gasm *stmt,
			  struct kapi_loc loc)
{
	unsigned int i;

	for (i = 0; i < gimple_asm_noutputs(stmt); i++) {
		tree out = TREE_VALUE(gimple_asm_output_op(stmt, i));

		if (TREE_CODE(out) == SSA_NAME)
			kapi_ir_unknown(tr->ir, bb, kapi_def_var(tr, out),
					"inline asm output", loc);
	}
}

void kapi_translate_stmt(struct translator *tr, int bb, gimple *stmt)
{
	struct kapi_loc loc = kapi_loc_from_gcc(tr->arena, gimple_location(stmt));
	ssa_op_iter iter;
	tree def;

	switch (gimple_code(stmt)) {
	case GIMPLE_ASSIGN:
		translate_assign(tr, bb, as_a<gassign *>(stmt), loc);
		break;
	case GIMPLE_CALL:
		translate_call(tr, bb, as_a<gcall *>(stmt), loc);
		break;
	case GIMPLE_ASM:
		translate_asm(tr, bb, as_a<gasm *>(stmt), loc);
		break;
	default:
		/* Labels, debug binds, predictions, nops: no value. */
		break;
	}

	/*
	 * Every SSA name needs a definition in the IR. A statement that
	 * defines one in a way not handled above gets an UNKNOWN for it.
	 */
	FOR_EACH_SSA_TREE_OPERAND(def, stmt, iter, SSA_OP_DEF) {
		unsigned int version = SSA_NAME_VERSION(def);

		if (version < tr->nssa && !tr->ssa_defined[version])
			kapi_ir_unknown(tr->ir, bb, kapi_def_var(tr, def),
					kapi_arena_printf(tr->arena,
							  "value set by a '%s' statement",
							  gimple_code_name[gimple_code(stmt)]),
					loc);
	}
}
