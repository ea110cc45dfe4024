/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Function aliases as IR. A declaration such as
 *
 *	long sys_foo(long) __attribute__((weak, alias("sys_ni_foo")));
 *
 * has no body of its own: the symbol is another name for the target's
 * code. Without a summary under the alias's name, a call through it is
 * an unknown source in every unit. The IR given here is one block that
 * passes the parameters to the target and returns what it returns. The
 * alias's summary is thus that of the target, with the alias's own
 * linkage (weak, in the kernel's old cond_syscall() style).
 */
#include "gimple_to_ir.h"

/* The number of parameters of prototype TYPE, or -1 for varargs. */
static int prototype_params(tree type)
{
	tree arg = TYPE_ARG_TYPES(type);
	int n = 0;

	/* A prototype ends with void, and an old-style declaration has none. */
	for (; arg && arg != void_list_node; arg = TREE_CHAIN(arg))
		n++;
	return arg == void_list_node ? n : -1;
}

struct kapi_fn_ir *kapi_translate_alias(struct kapi_arena *arena,
					cgraph_node *node)
{
	tree decl = node->decl;
	cgraph_node *target;
	struct kapi_operand *args;
	struct kapi_fn_ir *ir;
	struct kapi_loc loc;
	bool returns;
	int n, i, bb, result;

	/* A weakref names a symbol of another unit and defines nothing. */
	if (!node->alias || node->weakref || node->transparent_alias)
		return NULL;
	target = node->ultimate_alias_target();
	if (!target || target == node ||
	    TREE_CODE(TREE_TYPE(decl)) != FUNCTION_TYPE)
		return NULL;
	n = prototype_params(TREE_TYPE(decl));
	if (n < 0 || n > 64) {
		kapi_verbose(DECL_SOURCE_LOCATION(decl),
			     "alias '%s' is skipped: it takes variable arguments, more than 64 parameters or no prototype",
			     kapi_function_name(arena, decl));
		return NULL;
	}

	loc = kapi_loc_from_gcc(arena, DECL_SOURCE_LOCATION(decl));
	ir = kapi_ir_new(arena, kapi_function_name(arena, decl),
			 !TREE_PUBLIC(decl), (unsigned int)n, loc);
	kapi_set_linkage(ir, decl);
	bb = kapi_ir_add_block(ir);

	args = XNEWVEC(struct kapi_operand, n + 1);
	for (i = 0; i < n; i++) {
		int var = kapi_ir_add_var(ir, NULL);

		kapi_ir_param(ir, bb, var, i);
		args[i] = kapi_var(var);
	}

	returns = !VOID_TYPE_P(TREE_TYPE(TREE_TYPE(decl)));
	result = returns ? kapi_ir_add_var(ir, NULL) : -1;
	kapi_ir_call(ir, bb, result, kapi_function_name(arena, target->decl),
		     false, (unsigned int)n, args, loc);
	kapi_ir_return(ir, bb, returns, returns ? kapi_var(result) :
		       kapi_const(0), loc);
	free(args);
	return ir;
}
