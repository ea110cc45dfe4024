// SPDX-License-Identifier: GPL-2.0-only
/*
 * A readable listing of the function IR, for -fplugin-arg-kapi_check-dump-ir
 * and for tests.
 */
#include "kapi/buf.h"
#include "kapi/ir.h"

static const char *const cmp_names[] = {
	[KAPI_CMP_EQ] = "==", [KAPI_CMP_NE] = "!=", [KAPI_CMP_LT] = "<",
	[KAPI_CMP_LE] = "<=", [KAPI_CMP_GT] = ">", [KAPI_CMP_GE] = ">=",
};

static void dump_operand(const struct kapi_fn_ir *fn,
			 const struct kapi_operand *op, struct kapi_buf *out)
{
	if (op->is_const) {
		kapi_buf_printf(out, "%lld", (long long)op->value);
		return;
	}
	kapi_buf_printf(out, "v%d", op->var);
	if (op->var >= 0 && (unsigned int)op->var < fn->nvars &&
	    fn->var_names[op->var])
		kapi_buf_printf(out, "(%s)", fn->var_names[op->var]);
}

static void dump_stmt(const struct kapi_fn_ir *fn, const struct kapi_stmt *s,
		      struct kapi_buf *out)
{
	unsigned int i;

	kapi_buf_puts(out, "    ");
	if (s->dst >= 0)
		kapi_buf_printf(out, "v%d = ", s->dst);

	switch (s->kind) {
	case KAPI_STMT_CONST:
		kapi_buf_printf(out, "%lld", (long long)s->value);
		break;
	case KAPI_STMT_PARAM:
		kapi_buf_printf(out, "param %d", s->param);
		break;
	case KAPI_STMT_COPY:
		dump_operand(fn, &s->src, out);
		break;
	case KAPI_STMT_UNKNOWN:
		kapi_buf_printf(out, "unknown \"%s\"", s->text);
		break;
	case KAPI_STMT_OPAQUE:
		kapi_buf_printf(out, "opaque regions %#llx",
				(unsigned long long)s->value);
		break;
	case KAPI_STMT_COMPARE:
		dump_operand(fn, &s->src, out);
		kapi_buf_printf(out, " %s%s %lld", cmp_names[s->cmp],
				s->is_unsigned ? "u" : "", (long long)s->rhs);
		break;
	case KAPI_STMT_NOT:
		kapi_buf_puts(out, "!");
		dump_operand(fn, &s->src, out);
		break;
	case KAPI_STMT_CALL:
		kapi_buf_printf(out, "call %s%s(", s->indirect ? "*" : "",
				s->text);
		for (i = 0; i < s->nargs; i++) {
			if (i)
				kapi_buf_puts(out, ", ");
			dump_operand(fn, &s->args[i], out);
		}
		kapi_buf_puts(out, ")");
		break;
	case KAPI_STMT_PHI:
		kapi_buf_puts(out, "phi");
		for (i = 0; i < s->nphi; i++) {
			kapi_buf_printf(out, " [bb%d: ", s->phi[i].pred);
			dump_operand(fn, &s->phi[i].value, out);
			kapi_buf_puts(out, "]");
		}
		break;
	}
	if (s->loc.line)
		kapi_buf_printf(out, "  @%u", s->loc.line);
	kapi_buf_puts(out, "\n");
}

static void dump_term(const struct kapi_fn_ir *fn, const struct kapi_term *t,
		      struct kapi_buf *out)
{
	unsigned int i;

	kapi_buf_puts(out, "    ");
	switch (t->kind) {
	case KAPI_TERM_NONE:
		kapi_buf_puts(out, "stop");
		break;
	case KAPI_TERM_GOTO:
		kapi_buf_printf(out, "goto bb%d", t->succ[0]);
		break;
	case KAPI_TERM_BRANCH:
		kapi_buf_puts(out, "if ");
		dump_operand(fn, &t->cond, out);
		kapi_buf_printf(out, " %s%s ", cmp_names[t->cmp],
				t->is_unsigned ? "u" : "");
		if (t->rhs_var >= 0)
			dump_operand(fn, &(struct kapi_operand){ false,
						 t->rhs_var, 0 }, out);
		else
			kapi_buf_printf(out, "%lld", (long long)t->rhs);
		kapi_buf_printf(out, " then bb%d else bb%d", t->succ[0],
				t->succ[1]);
		break;
	case KAPI_TERM_FORK:
		kapi_buf_puts(out, "fork");
		for (i = 0; i < t->nsucc; i++)
			kapi_buf_printf(out, " bb%d", t->succs[i]);
		break;
	case KAPI_TERM_SWITCH:
		kapi_buf_puts(out, "switch ");
		dump_operand(fn, &t->cond, out);
		for (i = 0; i < t->ncases; i++)
			kapi_buf_printf(out, " [%lld..%lld: bb%d]",
					(long long)t->cases[i].low,
					(long long)t->cases[i].high,
					t->cases[i].succ);
		kapi_buf_printf(out, " default bb%d", t->default_succ);
		break;
	case KAPI_TERM_RETURN:
		kapi_buf_puts(out, "return");
		if (t->has_value) {
			kapi_buf_puts(out, " ");
			dump_operand(fn, &t->value, out);
		}
		break;
	}
	if (t->loc.line)
		kapi_buf_printf(out, "  @%u", t->loc.line);
	kapi_buf_puts(out, "\n");
}

void kapi_ir_dump(const struct kapi_fn_ir *fn, struct kapi_buf *out)
{
	unsigned int b, i;

	kapi_buf_printf(out, "function %s (%s, %u params)\n", fn->name,
			fn->is_static ? "static" : "global", fn->nparams);
	for (b = 0; b < fn->nblocks; b++) {
		kapi_buf_printf(out, "  bb%u:\n", b);
		for (i = 0; i < fn->blocks[b].nstmts; i++)
			dump_stmt(fn, &fn->blocks[b].stmts[i], out);
		dump_term(fn, &fn->blocks[b].term, out);
	}
}
