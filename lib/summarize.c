// SPDX-License-Identifier: GPL-2.0-only
/*
 * Intra-procedural value flow: from a function's IR to its summary.
 *
 * Two forward analyses over the CFG, both iterated to a fixpoint:
 *
 *  1. Path constraints (flow.h). A block's state maps values to the
 *     filters that hold on every path into it; the join keeps only what
 *     all incoming paths agree on. A constraint that contradicts one
 *     already known makes the edge infeasible.
 *
 *  2. Value sets. Every SSA variable gets the atoms it may hold. A use of
 *     a variable is filtered by the constraints at the point of use, and
 *     constraints on parameters and call results there become guards of
 *     the atoms, so that a helper's "return -ENOMEM when the argument was
 *     -EFAULT" only counts where the argument can be -EFAULT.
 */
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "kapi/summary.h"

#define MAX_ROUNDS 100

struct ctx {
	struct flow fl;
	struct kapi_arena *arena;
	struct kapi_summary *sum;

	struct flow_state *in;		/* per block, at entry */
	struct kapi_valueset *val;	/* per var */
	unsigned char *loop_header;	/* per block: target of a back edge */
	int *site;			/* call site per (block, stmt), flattened */
	int *def_site;			/* call site defining each var, or -1 */
	unsigned int *stmt_base;	/* first flattened index per block */
};

/* --- analysis 1: path constraints --------------------------------------- */

/* The state inside block B: its entry state minus the values B redefines. */
static void effective_state(struct ctx *cx, int b, struct flow_state *out)
{
	flow_state_copy(out, &cx->in[b]);
	flow_kill_defs(&cx->fl, b, out);
}

/* The state on the edges from block FROM to block TO, joined. */
static void edge_state(struct ctx *cx, int from, int to, struct flow_state *out)
{
	struct flow_state eff = { 0 }, one = { 0 };
	unsigned int i;

	out->reachable = false;
	out->n = 0;
	if (!cx->in[from].reachable)
		return;

	effective_state(cx, from, &eff);
	for (i = 0; i < cx->fl.out_count[from]; i++) {
		const struct flow_edge *e =
			&cx->fl.edges[cx->fl.out_first[from] + i];

		if (e->to != to)
			continue;
		flow_state_copy(&one, &eff);
		if (!flow_edge_apply(e, &one))
			continue;
		flow_state_join(out, &one);
	}
	flow_state_release(&eff);
	flow_state_release(&one);
}

static bool solve_constraints(struct ctx *cx)
{
	struct flow_state next = { 0 }, via = { 0 };
	unsigned int round, k, i;
	bool changed = true;

	cx->in[0].reachable = true;
	for (round = 0; changed && round < MAX_ROUNDS; round++) {
		changed = false;
		for (k = 0; k < cx->fl.nrpo; k++) {
			int b = cx->fl.rpo[k];

			next.reachable = b == 0;
			next.n = 0;
			next.nrel = 0;
			for (i = 0; i < cx->fl.in_count[b]; i++) {
				unsigned int at = cx->fl.in_first[b] + i;
				const struct flow_edge *e =
					&cx->fl.edges[cx->fl.in_edges[at]];

				/* Parallel edges are joined by edge_state(). */
				if (i > 0 && cx->fl.edges[cx->fl.in_edges[at - 1]].from ==
				    e->from)
					continue;
				edge_state(cx, e->from, b, &via);
				flow_state_join(&next, &via);
			}
			if (!flow_state_equal(&next, &cx->in[b])) {
				flow_state_copy(&cx->in[b], &next);
				changed = true;
			}
		}
	}
	flow_state_release(&next);
	flow_state_release(&via);
	if (!changed)
		return true;

	/* No fixpoint within the bound: forget every constraint. */
	for (k = 0; k < cx->fl.nrpo; k++) {
		cx->in[cx->fl.rpo[k]].reachable = true;
		cx->in[cx->fl.rpo[k]].n = 0;
		cx->in[cx->fl.rpo[k]].nrel = 0;
	}
	return false;
}

/* Whether a block state reached KAPI_FLOW_MAX_CONSTRAINTS. */
static bool any_capped(const struct ctx *cx)
{
	unsigned int k;

	for (k = 0; k < cx->fl.nrpo; k++)
		if (cx->in[cx->fl.rpo[k]].capped)
			return true;
	return false;
}

/* --- analysis 2: value sets --------------------------------------------- */

/* Guards for the constraints in ST on parameters and call results. */
static void add_guards(struct ctx *cx, struct kapi_atom *atom,
		       const struct flow_state *st, int own_root)
{
	unsigned int i;

	for (i = 0; i < st->n; i++) {
		const struct kapi_stmt *d = cx->fl.def[st->c[i].root];
		struct kapi_guard g;

		if (st->c[i].root == own_root || !d)
			continue;
		if (d->kind == KAPI_STMT_PARAM) {
			g.kind = KAPI_GUARD_PARAM;
			g.ref = d->param;
		} else if (d->kind == KAPI_STMT_CALL && !d->indirect &&
			   cx->def_site[st->c[i].root] >= 0) {
			g.kind = KAPI_GUARD_CALL;
			g.ref = cx->def_site[st->c[i].root];
		} else {
			continue;
		}
		g.filter = st->c[i].filter;
		kapi_atom_add_guard(atom, &g);
	}
}

static void init_atom(struct ctx *cx, struct kapi_atom *a,
		      enum kapi_atom_kind kind, struct kapi_loc loc)
{
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->loc = loc;
	a->origin = cx->fl.fn->name;
	kapi_filter_all(&a->filter);
}

/*
 * Check ATOM's ordering condition against ST, and give an atom without one
 * the first ordering ST holds (a loop's addr < end on the way out of a
 * break). Returns false when the two contradict: the atom cannot be here.
 */
static bool relate_atom(struct kapi_atom *atom, const struct flow_state *st)
{
	unsigned int i;

	for (i = 0; i < st->nrel; i++) {
		const struct flow_relation *r = &st->rel[i];

		if (!atom->rel_mask) {
			atom->rel_a = r->a;
			atom->rel_b = r->b;
			atom->rel_mask = r->mask;
			return true;
		}
		if (atom->rel_a == r->a && atom->rel_b == r->b)
			return (atom->rel_mask & r->mask) != 0;
	}
	return true;
}

/* Forget the ordering conditions of SET: its atoms leave their context. */
static void drop_relations(struct kapi_valueset *set)
{
	unsigned int i;

	for (i = 0; i < set->n; i++) {
		set->atoms[i].rel_mask = 0;
		set->atoms[i].rel_a = 0;
		set->atoms[i].rel_b = 0;
	}
}

/*
 * Remove guards on call SITE from SET. An argument of a call in a loop can
 * carry a guard on that call's result from the previous iteration, which
 * does not constrain the call it is passed to.
 */
static void drop_call_guard(struct kapi_valueset *set, int site)
{
	unsigned int i, j, kept;

	for (i = 0; i < set->n; i++) {
		struct kapi_atom *a = &set->atoms[i];

		for (j = 0, kept = 0; j < a->nguards; j++)
			if (a->guards[j].kind != KAPI_GUARD_CALL ||
			    a->guards[j].ref != site)
				a->guards[kept++] = a->guards[j];
		a->nguards = kept;
	}
}

/* OUT = the atoms of OP as seen under state ST. */
static void use_operand(struct ctx *cx, const struct kapi_operand *op,
			const struct flow_state *st, struct kapi_loc loc,
			struct kapi_valueset *out)
{
	const struct kapi_filter *f;
	unsigned int i;
	int root;

	out->n = 0;
	out->widened = false;
	if (op->is_const) {
		struct kapi_atom a;

		init_atom(cx, &a, KAPI_ATOM_CONST, loc);
		a.value = op->value;
		add_guards(cx, &a, st, -1);
		kapi_valueset_add(cx->arena, out, &a);
		return;
	}

	root = flow_root(&cx->fl, op->var);
	f = flow_state_get(st, root);
	for (i = 0; i < cx->val[op->var].n; i++) {
		struct kapi_atom a = cx->val[op->var].atoms[i];

		if (f && !kapi_atom_restrict(&a, f))
			continue;
		if (!relate_atom(&a, st))
			continue;
		add_guards(cx, &a, st, root);
		kapi_valueset_add(cx->arena, out, &a);
	}
	if (cx->val[op->var].widened)
		out->widened = true;
}

static void eval_call(struct ctx *cx, const struct kapi_stmt *s, int site,
		      const struct flow_state *st, struct kapi_valueset *out)
{
	struct kapi_callsite *cs = &cx->sum->calls[site];
	struct kapi_atom a;
	unsigned int i;

	cs->reachable = true;
	for (i = 0; i < s->nargs; i++) {
		use_operand(cx, &s->args[i], st, s->loc, &cs->args[i]);
		drop_relations(&cs->args[i]);
		drop_call_guard(&cs->args[i], site);
	}

	if (s->indirect) {
		init_atom(cx, &a, KAPI_ATOM_UNKNOWN, s->loc);
		a.text = kapi_arena_printf(cx->arena, "indirect call through '%s'",
					   s->text);
		a.text = kapi_intern(cx->arena, a.text);
	} else {
		init_atom(cx, &a, KAPI_ATOM_CALL, s->loc);
		a.ref = site;
	}
	kapi_valueset_add(cx->arena, out, &a);
}

static void eval_phi(struct ctx *cx, const struct kapi_stmt *s, int b,
		     struct kapi_valueset *out)
{
	struct kapi_valueset one = { 0 };
	struct flow_state via = { 0 };
	unsigned int i;

	for (i = 0; i < s->nphi; i++) {
		const struct kapi_phi_arg *arg = &s->phi[i];

		edge_state(cx, arg->pred, b, &via);
		if (!via.reachable)
			continue;
		use_operand(cx, &arg->value, &via, arg->loc, &one);
		/*
		 * A value coming around a loop may carry an ordering of values
		 * that this iteration redefines, so a loop header drops it.
		 */
		if (cx->loop_header[b])
			drop_relations(&one);
		kapi_valueset_add_all(cx->arena, out, &one);
	}
	flow_state_release(&via);
}

static void eval_stmt(struct ctx *cx, const struct kapi_stmt *s, int b,
		      int site, const struct flow_state *st,
		      struct kapi_valueset *out)
{
	struct kapi_atom a;

	switch (s->kind) {
	case KAPI_STMT_CONST:
		init_atom(cx, &a, KAPI_ATOM_CONST, s->loc);
		a.value = s->value;
		kapi_valueset_add(cx->arena, out, &a);
		break;
	case KAPI_STMT_PARAM:
		init_atom(cx, &a, KAPI_ATOM_PARAM, s->loc);
		a.ref = s->param;
		kapi_valueset_add(cx->arena, out, &a);
		break;
	case KAPI_STMT_COPY:
		use_operand(cx, &s->src, st, s->loc, out);
		break;
	case KAPI_STMT_UNKNOWN:
		init_atom(cx, &a, KAPI_ATOM_UNKNOWN, s->loc);
		a.text = s->text;
		kapi_valueset_add(cx->arena, out, &a);
		break;
	case KAPI_STMT_OPAQUE:
		init_atom(cx, &a, KAPI_ATOM_OPAQUE, s->loc);
		kapi_filter_regions(&a.filter, (unsigned int)s->value);
		kapi_valueset_add(cx->arena, out, &a);
		break;
	case KAPI_STMT_COMPARE:
	case KAPI_STMT_NOT:
		/* A truth value: 0 or 1, never an errno. */
		init_atom(cx, &a, KAPI_ATOM_CONST, s->loc);
		a.value = 0;
		kapi_valueset_add(cx->arena, out, &a);
		a.value = 1;
		kapi_valueset_add(cx->arena, out, &a);
		break;
	case KAPI_STMT_CALL:
		eval_call(cx, s, site, st, out);
		break;
	case KAPI_STMT_PHI:
		eval_phi(cx, s, b, out);
		break;
	}
}

/*
 * TODO: a budget of atoms per function. Each version of a variable keeps
 * the atoms of all versions before it, so 1000 flat "if (x) r = -N;" lines
 * need O(N^2) atoms and run into the unit's KAPI_ARENA_BUDGET.
 */
static bool solve_values(struct ctx *cx)
{
	struct kapi_valueset next = { 0 };
	struct flow_state eff = { 0 };
	unsigned int round, k, i, before;
	bool changed = true;

	for (round = 0; changed && round < MAX_ROUNDS; round++) {
		changed = false;
		for (k = 0; k < cx->fl.nrpo; k++) {
			int b = cx->fl.rpo[k];
			const struct kapi_block *blk = &cx->fl.fn->blocks[b];

			if (!cx->in[b].reachable)
				continue;
			if (kapi_arena_over_budget(cx->arena)) {
				flow_state_release(&eff);
				return false;
			}
			effective_state(cx, b, &eff);
			for (i = 0; i < blk->nstmts; i++) {
				const struct kapi_stmt *s = &blk->stmts[i];
				int site = cx->site[cx->stmt_base[b] + i];

				next.n = 0;
				next.widened = false;
				eval_stmt(cx, s, b, site, &eff, &next);
				if (s->dst < 0)
					continue;

				/* Grow only, so that rounds cannot flip-flop. */
				before = cx->val[s->dst].n;
				kapi_valueset_add_all(cx->arena,
						      &cx->val[s->dst], &next);
				if (cx->val[s->dst].n != before)
					changed = true;
			}
		}
	}
	flow_state_release(&eff);
	return !changed;
}

/* --- summary ------------------------------------------------------------ */

static void number_call_sites(struct ctx *cx)
{
	const struct kapi_fn_ir *fn = cx->fl.fn;
	unsigned int b, i, flat = 0, nsites = 0;

	for (b = 0; b < fn->nblocks; b++) {
		cx->stmt_base[b] = flat;
		flat += fn->blocks[b].nstmts;
	}
	cx->site = malloc((flat ? flat : 1) * sizeof(int));
	if (!cx->site)
		abort();

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].nstmts; i++) {
			const struct kapi_stmt *s = &fn->blocks[b].stmts[i];

			cx->site[cx->stmt_base[b] + i] =
				s->kind == KAPI_STMT_CALL ? (int)nsites++ : -1;
			if (s->kind == KAPI_STMT_CALL && s->dst >= 0)
				cx->def_site[s->dst] = cx->site[cx->stmt_base[b] + i];
		}

	cx->sum->ncalls = nsites;
	cx->sum->calls = kapi_arena_alloc(cx->arena,
					  (nsites ? nsites : 1) *
					  sizeof(*cx->sum->calls));
	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].nstmts; i++) {
			const struct kapi_stmt *s = &fn->blocks[b].stmts[i];
			int k = cx->site[cx->stmt_base[b] + i];
			struct kapi_callsite *cs;

			if (k < 0)
				continue;
			cs = &cx->sum->calls[k];
			cs->callee = s->text;
			cs->indirect = s->indirect;
			cs->loc = s->loc;
			cs->nargs = s->nargs;
			cs->args = kapi_arena_alloc(cx->arena,
						    (s->nargs ? s->nargs : 1) *
						    sizeof(*cs->args));
		}
}

static void collect_returns(struct ctx *cx)
{
	struct kapi_valueset one = { 0 };
	struct flow_state eff = { 0 };
	unsigned int k;

	for (k = 0; k < cx->fl.nrpo; k++) {
		int b = cx->fl.rpo[k];
		const struct kapi_term *t = &cx->fl.fn->blocks[b].term;

		if (t->kind != KAPI_TERM_RETURN || !cx->in[b].reachable ||
		    !t->has_value)
			continue;
		cx->sum->returns_value = true;
		effective_state(cx, b, &eff);
		use_operand(cx, &t->value, &eff, t->loc, &one);
		drop_relations(&one);
		kapi_valueset_add_all(cx->arena, &cx->sum->ret, &one);
	}
	flow_state_release(&eff);
}

/* Mark the targets of back edges: edges that go up in reverse post-order. */
static unsigned char *find_loop_headers(const struct flow *fl)
{
	unsigned int nb = fl->fn->nblocks, i;
	unsigned char *header = calloc(nb ? nb : 1, 1);
	int *order = malloc((nb ? nb : 1) * sizeof(int));

	if (!header || !order)
		abort();
	for (i = 0; i < nb; i++)
		order[i] = -1;
	for (i = 0; i < fl->nrpo; i++)
		order[fl->rpo[i]] = (int)i;
	for (i = 0; i < fl->nedges; i++) {
		const struct flow_edge *e = &fl->edges[i];

		if (order[e->from] >= 0 && order[e->to] >= 0 &&
		    order[e->from] >= order[e->to])
			header[e->to] = 1;
	}
	free(order);
	return header;
}

static void release_ctx(struct ctx *cx)
{
	unsigned int b;

	if (cx->in)
		for (b = 0; b < cx->fl.fn->nblocks; b++)
			flow_state_release(&cx->in[b]);
	free(cx->in);
	free(cx->site);
	free(cx->def_site);
	free(cx->stmt_base);
	free(cx->val);
	free(cx->loop_header);
	flow_release(&cx->fl);
}

struct kapi_summary *kapi_summarize(struct kapi_arena *arena,
				    const struct kapi_fn_ir *fn,
				    const char **why)
{
	struct ctx cx = { 0 };
	struct kapi_summary *sum;
	unsigned int nv = fn->nvars ? fn->nvars : 1;

	*why = kapi_ir_verify(fn);
	if (*why)
		return NULL;
	if (kapi_arena_over_budget(arena)) {
		*why = "the unit's analysis used up its memory budget";
		return NULL;
	}

	sum = kapi_arena_alloc(arena, sizeof(*sum));
	sum->name = fn->name;
	sum->is_static = fn->is_static;
	sum->is_weak = fn->is_weak;
	sum->nparams = fn->nparams;
	sum->param_names = fn->param_names;
	sum->param_types = fn->param_types;
	sum->param_base_types = fn->param_base_types;
	sum->loc = fn->loc;

	/*
	 * TODO: the flow state and the working value sets live in the unit's
	 * arena until the facts are written (the plugin's added peak memory,
	 * docs/performance.md). A scratch arena per function, with the final
	 * sets copied out, would return them before the next function.
	 */
	cx.arena = arena;
	cx.sum = sum;
	cx.val = calloc(nv, sizeof(*cx.val));
	cx.def_site = malloc(nv * sizeof(*cx.def_site));
	cx.in = calloc(fn->nblocks, sizeof(*cx.in));
	cx.stmt_base = calloc(fn->nblocks, sizeof(*cx.stmt_base));
	if (!cx.val || !cx.in || !cx.stmt_base || !cx.def_site)
		abort();
	memset(cx.def_site, 0xff, nv * sizeof(*cx.def_site));

	flow_init(&cx.fl, arena, fn);
	cx.loop_header = find_loop_headers(&cx.fl);
	number_call_sites(&cx);

	if (!solve_constraints(&cx))
		sum->incomplete = "path constraints did not converge";
	else if (any_capped(&cx))
		sum->widened = kapi_arena_printf(arena,
			"more than %d path constraints at one block (KAPI_FLOW_MAX_CONSTRAINTS), the rest ignored",
			KAPI_FLOW_MAX_CONSTRAINTS);
	if (!solve_values(&cx))
		sum->incomplete = "value sets did not converge";

	/*
	 * Past the budget the value sets are cut short, but they only grow,
	 * so what they contain is real: a directly returned constant stays
	 * certain. The summary is kept and marked incomplete, so that no
	 * check takes it as exact and the syscall's findings are not lost.
	 */
	if (kapi_arena_over_budget(arena))
		sum->incomplete = "the unit's analysis used up its memory budget (KAPI_ARENA_BUDGET)";
	collect_returns(&cx);

	release_ctx(&cx);
	return sum;
}
