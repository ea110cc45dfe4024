// SPDX-License-Identifier: GPL-2.0-only
/*
 * Intra-procedural value flow: from a function's IR to its summary.
 *
 * Two forward analyses over the CFG, both iterated to a fixpoint:
 *
 *  1. Path constraints. Each edge out of a conditional branch or a switch
 *     says something about one value (ret == -EFAULT on one side, != on
 *     the other; IS_ERR(p) true or false). A block's state maps values to
 *     the filters that hold on every path into it; the join keeps only
 *     what all incoming paths agree on. A constraint that contradicts
 *     one already known makes the edge infeasible.
 *
 *  2. Value sets. Every SSA variable gets the atoms it may hold. A use of
 *     a variable is filtered by the constraints at the point of use, and
 *     constraints on parameters and call results there become guards of
 *     the atoms, so that a helper's "return -ENOMEM when the argument was
 *     -EFAULT" only counts where the argument can be -EFAULT.
 *
 * Constraints are keyed by the variable's root: the variable a chain of
 * copies and casts starts from, so a test on "(long) ret" constrains ret.
 */
#include <stdlib.h>
#include <string.h>

#include "kapi/summary.h"

#define MAX_ROUNDS 100

struct constraint {
	int root;
	struct kapi_filter filter;
};

struct state {
	bool reachable;
	unsigned int n;
	unsigned int cap;
	struct constraint *c;	/* sorted by root */
};

/* The constraint a boolean variable puts on another value when true or false. */
struct predicate {
	bool valid;
	int target;
	struct kapi_filter when_true;
	struct kapi_filter when_false;
};

struct edge {
	int from;
	int to;
	int target;		/* constrained root, or -1 */
	struct kapi_filter filter;
	bool infeasible;	/* a constant condition rules the edge out */
};

struct ctx {
	struct kapi_arena *arena;
	const struct kapi_fn_ir *fn;
	struct kapi_summary *sum;

	const struct kapi_stmt **def;	/* defining statement per var */
	int *root;
	unsigned char *pred_state;	/* 0 new, 1 in progress, 2 done */
	struct predicate *pred;

	unsigned int nedges;
	struct edge *edges;

	int *rpo;
	unsigned int nrpo;

	struct state *in;		/* per block, at entry */
	struct kapi_valueset *val;	/* per var */
	int *site;			/* call site per (block, stmt), flattened */
	int *def_site;			/* call site defining each var, or -1 */
	unsigned int *stmt_base;	/* first flattened index per block */
};

/* --- states ------------------------------------------------------------- */

static void state_reserve(struct state *s, unsigned int n)
{
	if (n <= s->cap)
		return;
	s->cap = n < 8 ? 8 : n * 2;
	s->c = realloc(s->c, s->cap * sizeof(*s->c));
	if (!s->c)
		abort();
}

static void state_copy(struct state *dst, const struct state *src)
{
	dst->reachable = src->reachable;
	state_reserve(dst, src->n);
	dst->n = src->n;
	if (src->n)
		memcpy(dst->c, src->c, src->n * sizeof(*src->c));
}

static void state_release(struct state *s)
{
	free(s->c);
	memset(s, 0, sizeof(*s));
}

static const struct kapi_filter *state_get(const struct state *s, int root)
{
	unsigned int i;

	for (i = 0; i < s->n; i++)
		if (s->c[i].root == root)
			return &s->c[i].filter;
	return NULL;
}

static void state_kill(struct state *s, int root)
{
	unsigned int i;

	for (i = 0; i < s->n; i++) {
		if (s->c[i].root == root) {
			memmove(&s->c[i], &s->c[i + 1],
				(s->n - i - 1) * sizeof(*s->c));
			s->n--;
			return;
		}
	}
}

/* Add ROOT in F; returns false when that leaves no possible value. */
static bool state_constrain(struct state *s, int root,
			    const struct kapi_filter *f)
{
	unsigned int i, at;

	for (i = 0; i < s->n; i++) {
		if (s->c[i].root == root) {
			kapi_filter_intersect(&s->c[i].filter, f);
			return !kapi_filter_is_empty(&s->c[i].filter);
		}
	}
	if (kapi_filter_is_empty(f))
		return false;

	state_reserve(s, s->n + 1);
	for (at = 0; at < s->n && s->c[at].root < root; at++)
		;
	memmove(&s->c[at + 1], &s->c[at], (s->n - at) * sizeof(*s->c));
	s->c[at].root = root;
	s->c[at].filter = *f;
	s->n++;
	return true;
}

/* DST = DST joined with SRC: what holds on both. */
static void state_join(struct state *dst, const struct state *src)
{
	unsigned int i, kept = 0;

	if (!src->reachable)
		return;
	if (!dst->reachable) {
		state_copy(dst, src);
		return;
	}
	for (i = 0; i < dst->n; i++) {
		const struct kapi_filter *other = state_get(src, dst->c[i].root);

		if (!other)
			continue;
		dst->c[kept] = dst->c[i];
		kapi_filter_union(&dst->c[kept].filter, other);
		kept++;
	}
	dst->n = kept;
}

static bool state_equal(const struct state *a, const struct state *b)
{
	unsigned int i;

	if (a->reachable != b->reachable || a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (a->c[i].root != b->c[i].root ||
		    !kapi_filter_equal(&a->c[i].filter, &b->c[i].filter))
			return false;
	return true;
}

/* --- definitions, roots and predicates ---------------------------------- */

static void find_defs(struct ctx *cx)
{
	const struct kapi_fn_ir *fn = cx->fn;
	unsigned int b, i, v;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].nstmts; i++) {
			const struct kapi_stmt *s = &fn->blocks[b].stmts[i];

			if (s->dst >= 0)
				cx->def[s->dst] = s;
		}

	for (v = 0; v < fn->nvars; v++)
		cx->root[v] = -1;
}

static int root_of(struct ctx *cx, int var)
{
	const struct kapi_stmt *s;
	int r = var;
	unsigned int steps = 0;

	if (cx->root[var] >= 0)
		return cx->root[var];

	/* Follow copies; the step bound only guards against a broken IR. */
	while ((s = cx->def[r]) && s->kind == KAPI_STMT_COPY &&
	       !s->src.is_const && steps++ < cx->fn->nvars)
		r = s->src.var;
	cx->root[var] = r;
	return r;
}

static struct predicate negated(struct predicate p)
{
	struct kapi_filter t = p.when_true;

	p.when_true = p.when_false;
	p.when_false = t;
	return p;
}

static bool is_err_predicate(const struct kapi_stmt *s, unsigned int *regions)
{
	if (s->kind != KAPI_STMT_CALL || s->indirect || s->nargs < 1 ||
	    s->args[0].is_const)
		return false;
	if (strcmp(s->text, "IS_ERR") == 0) {
		*regions = KAPI_REGION_ERR;
		return true;
	}
	if (strcmp(s->text, "IS_ERR_OR_NULL") == 0) {
		*regions = KAPI_REGION_ERR | KAPI_REGION_ZERO;
		return true;
	}
	return false;
}

static struct predicate predicate_of(struct ctx *cx, int var)
{
	const struct kapi_stmt *s = cx->def[var];
	struct predicate p = { 0 };
	unsigned int regions;

	if (cx->pred_state[var] == 2)
		return cx->pred[var];
	if (cx->pred_state[var] == 1 || !s)
		return p;	/* a cycle of copies, or no definition */
	cx->pred_state[var] = 1;

	if (s->kind == KAPI_STMT_COPY && !s->src.is_const) {
		p = predicate_of(cx, s->src.var);
	} else if (s->kind == KAPI_STMT_NOT && !s->src.is_const) {
		p = predicate_of(cx, s->src.var);
		if (p.valid)
			p = negated(p);
	} else if (s->kind == KAPI_STMT_COMPARE && !s->src.is_const) {
		struct predicate inner = predicate_of(cx, s->src.var);

		if (inner.valid && (s->cmp == KAPI_CMP_EQ ||
				    s->cmp == KAPI_CMP_NE) &&
		    (s->rhs == 0 || s->rhs == 1)) {
			/* A test of a test: (is_err != 0), (ok == 0). */
			bool same = (s->cmp == KAPI_CMP_NE) == (s->rhs == 0);

			p = same ? inner : negated(inner);
		} else {
			p.valid = true;
			p.target = root_of(cx, s->src.var);
			kapi_filter_from_cmp(&p.when_true, s->cmp, s->rhs,
					     s->is_unsigned);
			kapi_filter_negate_cmp(&p.when_false, s->cmp, s->rhs,
					       s->is_unsigned);
		}
	} else if (is_err_predicate(s, &regions)) {
		p.valid = true;
		p.target = root_of(cx, s->args[0].var);
		kapi_filter_regions(&p.when_true, regions);
		kapi_filter_regions(&p.when_false, KAPI_REGION_ALL & ~regions);
	}

	cx->pred[var] = p;
	cx->pred_state[var] = 2;
	return p;
}

/* --- edges -------------------------------------------------------------- */

static void add_edge(struct ctx *cx, int from, int to, int target,
		     const struct kapi_filter *f, bool infeasible)
{
	struct edge *e;

	cx->edges = realloc(cx->edges, (cx->nedges + 1) * sizeof(*e));
	if (!cx->edges)
		abort();
	e = &cx->edges[cx->nedges++];
	e->from = from;
	e->to = to;
	e->target = target;
	if (f)
		e->filter = *f;
	else
		kapi_filter_all(&e->filter);
	e->infeasible = infeasible;
}

static void add_branch_edges(struct ctx *cx, int b, const struct kapi_term *t)
{
	struct kapi_filter yes, no;
	struct predicate p;
	int target;

	if (t->cond.is_const) {
		bool taken;

		kapi_filter_from_cmp(&yes, t->cmp, t->rhs, t->is_unsigned);
		taken = kapi_filter_admits(&yes, t->cond.value);
		add_edge(cx, b, t->succ[0], -1, NULL, !taken);
		add_edge(cx, b, t->succ[1], -1, NULL, taken);
		return;
	}

	p = predicate_of(cx, t->cond.var);
	if (p.valid && (t->cmp == KAPI_CMP_EQ || t->cmp == KAPI_CMP_NE) &&
	    (t->rhs == 0 || t->rhs == 1)) {
		bool same = (t->cmp == KAPI_CMP_NE) == (t->rhs == 0);

		target = p.target;
		yes = same ? p.when_true : p.when_false;
		no = same ? p.when_false : p.when_true;
	} else {
		target = root_of(cx, t->cond.var);
		kapi_filter_from_cmp(&yes, t->cmp, t->rhs, t->is_unsigned);
		kapi_filter_negate_cmp(&no, t->cmp, t->rhs, t->is_unsigned);
	}
	add_edge(cx, b, t->succ[0], target, &yes, false);
	add_edge(cx, b, t->succ[1], target, &no, false);
}

static void add_switch_edges(struct ctx *cx, int b, const struct kapi_term *t)
{
	struct kapi_filter f, others;
	int target = t->cond.is_const ? -1 : root_of(cx, t->cond.var);
	unsigned int i;

	/* The default edge excludes the single-value cases it can name. */
	kapi_filter_all(&others);
	for (i = 0; i < t->ncases; i++) {
		const struct kapi_case *c = &t->cases[i];

		kapi_filter_all(&f);
		if (c->low == c->high) {
			kapi_filter_from_cmp(&f, KAPI_CMP_EQ, c->low, false);
			if (others.nvalues < KAPI_FILTER_MAX_VALUES) {
				struct kapi_filter ne;

				kapi_filter_from_cmp(&ne, KAPI_CMP_NE, c->low,
						     false);
				kapi_filter_intersect(&others, &ne);
			}
		} else {
			f.low = c->low;
			f.high = c->high;
		}
		add_edge(cx, b, c->succ, target, target >= 0 ? &f : NULL,
			 false);
	}
	add_edge(cx, b, t->default_succ, target, target >= 0 ? &others : NULL,
		 false);
}

static void build_edges(struct ctx *cx)
{
	const struct kapi_fn_ir *fn = cx->fn;
	unsigned int b, i;

	for (b = 0; b < fn->nblocks; b++) {
		const struct kapi_term *t = &fn->blocks[b].term;

		switch (t->kind) {
		case KAPI_TERM_GOTO:
			add_edge(cx, (int)b, t->succ[0], -1, NULL, false);
			break;
		case KAPI_TERM_BRANCH:
			add_branch_edges(cx, (int)b, t);
			break;
		case KAPI_TERM_FORK:
			for (i = 0; i < t->nsucc; i++)
				add_edge(cx, (int)b, t->succs[i], -1, NULL,
					 false);
			break;
		case KAPI_TERM_SWITCH:
			add_switch_edges(cx, (int)b, t);
			break;
		case KAPI_TERM_NONE:
		case KAPI_TERM_RETURN:
			break;
		}
	}
}

/* Reverse post-order from the entry block, iteratively. */
static void compute_rpo(struct ctx *cx)
{
	unsigned int nb = cx->fn->nblocks, top = 0, i, post = 0;
	unsigned char *seen = calloc(nb, 1);
	int *stack = malloc(nb * sizeof(int));
	unsigned int *next = calloc(nb, sizeof(unsigned int));
	int *order = malloc(nb * sizeof(int));

	if (!seen || !stack || !next || !order)
		abort();

	stack[top++] = 0;
	seen[0] = 1;
	while (top) {
		int b = stack[top - 1];
		bool pushed = false;

		for (i = next[b]; i < cx->nedges; i++) {
			const struct edge *e = &cx->edges[i];

			if (e->from != b || seen[e->to])
				continue;
			next[b] = i + 1;
			seen[e->to] = 1;
			stack[top++] = e->to;
			pushed = true;
			break;
		}
		if (!pushed) {
			next[b] = cx->nedges;
			order[post++] = b;
			top--;
		}
	}

	cx->nrpo = post;
	cx->rpo = malloc((post ? post : 1) * sizeof(int));
	if (!cx->rpo)
		abort();
	for (i = 0; i < post; i++)
		cx->rpo[i] = order[post - 1 - i];
	free(seen);
	free(stack);
	free(next);
	free(order);
}

/* --- analysis 1: path constraints --------------------------------------- */

/* The state inside block B: its entry state minus the values B redefines. */
static void effective_state(struct ctx *cx, int b, struct state *out)
{
	const struct kapi_block *blk = &cx->fn->blocks[b];
	unsigned int i;

	state_copy(out, &cx->in[b]);
	for (i = 0; i < blk->nstmts; i++) {
		int dst = blk->stmts[i].dst;

		if (dst >= 0 && root_of(cx, dst) == dst)
			state_kill(out, dst);
	}
}

/* The state on the edges from block FROM to block TO, joined. */
static void edge_state(struct ctx *cx, int from, int to, struct state *out)
{
	struct state eff = { 0 }, one = { 0 };
	unsigned int i;

	out->reachable = false;
	out->n = 0;
	if (!cx->in[from].reachable)
		return;

	effective_state(cx, from, &eff);
	for (i = 0; i < cx->nedges; i++) {
		const struct edge *e = &cx->edges[i];

		if (e->from != from || e->to != to || e->infeasible)
			continue;
		state_copy(&one, &eff);
		if (e->target >= 0 &&
		    !state_constrain(&one, e->target, &e->filter))
			continue;
		state_join(out, &one);
	}
	state_release(&eff);
	state_release(&one);
}

static bool solve_constraints(struct ctx *cx)
{
	struct state next = { 0 }, via = { 0 };
	unsigned int round, k, i;
	bool changed = true;

	cx->in[0].reachable = true;
	for (round = 0; changed && round < MAX_ROUNDS; round++) {
		changed = false;
		for (k = 0; k < cx->nrpo; k++) {
			int b = cx->rpo[k];

			next.reachable = b == 0;
			next.n = 0;
			for (i = 0; i < cx->nedges; i++) {
				const struct edge *e = &cx->edges[i];

				/* Parallel edges are joined by edge_state(). */
				if (e->to != b || (i > 0 &&
				    cx->edges[i - 1].from == e->from &&
				    cx->edges[i - 1].to == b))
					continue;
				edge_state(cx, e->from, b, &via);
				state_join(&next, &via);
			}
			if (!state_equal(&next, &cx->in[b])) {
				state_copy(&cx->in[b], &next);
				changed = true;
			}
		}
	}
	state_release(&next);
	state_release(&via);
	if (!changed)
		return true;

	/* No fixpoint within the bound: forget every constraint. */
	for (k = 0; k < cx->nrpo; k++) {
		cx->in[cx->rpo[k]].reachable = true;
		cx->in[cx->rpo[k]].n = 0;
	}
	return false;
}

/* --- analysis 2: value sets --------------------------------------------- */

/* Guards for the constraints in ST on parameters and call results. */
static void add_guards(struct ctx *cx, struct kapi_atom *atom,
		       const struct state *st, int own_root)
{
	unsigned int i;

	for (i = 0; i < st->n; i++) {
		const struct kapi_stmt *d = cx->def[st->c[i].root];
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
	a->origin = cx->fn->name;
	kapi_filter_all(&a->filter);
}

/* OUT = the atoms of OP as seen under state ST. */
static void use_operand(struct ctx *cx, const struct kapi_operand *op,
			const struct state *st, struct kapi_loc loc,
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

	root = root_of(cx, op->var);
	f = state_get(st, root);
	for (i = 0; i < cx->val[op->var].n; i++) {
		struct kapi_atom a = cx->val[op->var].atoms[i];

		if (f && !kapi_atom_restrict(&a, f))
			continue;
		add_guards(cx, &a, st, root);
		kapi_valueset_add(cx->arena, out, &a);
	}
	if (cx->val[op->var].widened)
		out->widened = true;
}

static void eval_call(struct ctx *cx, const struct kapi_stmt *s, int site,
		      const struct state *st, struct kapi_valueset *out)
{
	struct kapi_callsite *cs = &cx->sum->calls[site];
	struct kapi_atom a;
	unsigned int i;

	for (i = 0; i < s->nargs; i++)
		use_operand(cx, &s->args[i], st, s->loc, &cs->args[i]);

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
	struct state via = { 0 };
	unsigned int i;

	for (i = 0; i < s->nphi; i++) {
		const struct kapi_phi_arg *arg = &s->phi[i];

		edge_state(cx, arg->pred, b, &via);
		if (!via.reachable)
			continue;
		use_operand(cx, &arg->value, &via, arg->loc, &one);
		kapi_valueset_add_all(cx->arena, out, &one);
	}
	state_release(&via);
}

static void eval_stmt(struct ctx *cx, const struct kapi_stmt *s, int b,
		      int site, const struct state *st,
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

static bool solve_values(struct ctx *cx)
{
	struct kapi_valueset next = { 0 };
	struct state eff = { 0 };
	unsigned int round, k, i, before;
	bool changed = true;

	for (round = 0; changed && round < MAX_ROUNDS; round++) {
		changed = false;
		for (k = 0; k < cx->nrpo; k++) {
			int b = cx->rpo[k];
			const struct kapi_block *blk = &cx->fn->blocks[b];

			if (!cx->in[b].reachable)
				continue;
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
	state_release(&eff);
	return !changed;
}

/* --- summary ------------------------------------------------------------ */

static void number_call_sites(struct ctx *cx)
{
	const struct kapi_fn_ir *fn = cx->fn;
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
	struct state eff = { 0 };
	unsigned int k;

	for (k = 0; k < cx->nrpo; k++) {
		int b = cx->rpo[k];
		const struct kapi_term *t = &cx->fn->blocks[b].term;

		if (t->kind != KAPI_TERM_RETURN || !cx->in[b].reachable ||
		    !t->has_value)
			continue;
		cx->sum->returns_value = true;
		effective_state(cx, b, &eff);
		use_operand(cx, &t->value, &eff, t->loc, &one);
		kapi_valueset_add_all(cx->arena, &cx->sum->ret, &one);
	}
	state_release(&eff);
}

static void release_ctx(struct ctx *cx)
{
	unsigned int b;

	if (cx->in)
		for (b = 0; b < cx->fn->nblocks; b++)
			state_release(&cx->in[b]);
	free(cx->in);
	free(cx->def);
	free(cx->root);
	free(cx->pred_state);
	free(cx->pred);
	free(cx->edges);
	free(cx->rpo);
	free(cx->site);
	free(cx->def_site);
	free(cx->stmt_base);
	free(cx->val);
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

	sum = kapi_arena_alloc(arena, sizeof(*sum));
	sum->name = fn->name;
	sum->is_static = fn->is_static;
	sum->nparams = fn->nparams;
	sum->param_names = fn->param_names;
	sum->loc = fn->loc;

	cx.arena = arena;
	cx.fn = fn;
	cx.sum = sum;
	cx.def = calloc(nv, sizeof(*cx.def));
	cx.root = calloc(nv, sizeof(*cx.root));
	cx.pred_state = calloc(nv, 1);
	cx.pred = calloc(nv, sizeof(*cx.pred));
	cx.val = calloc(nv, sizeof(*cx.val));
	cx.def_site = malloc(nv * sizeof(*cx.def_site));
	cx.in = calloc(fn->nblocks, sizeof(*cx.in));
	cx.stmt_base = calloc(fn->nblocks, sizeof(*cx.stmt_base));
	if (!cx.def || !cx.root || !cx.pred_state || !cx.pred || !cx.val ||
	    !cx.in || !cx.stmt_base || !cx.def_site)
		abort();

	memset(cx.def_site, 0xff, nv * sizeof(*cx.def_site));
	find_defs(&cx);
	build_edges(&cx);
	compute_rpo(&cx);
	number_call_sites(&cx);

	if (!solve_constraints(&cx))
		sum->incomplete = "path constraints did not converge";
	if (!solve_values(&cx))
		sum->incomplete = "value sets did not converge";
	collect_returns(&cx);

	release_ctx(&cx);
	return sum;
}
