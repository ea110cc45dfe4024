// SPDX-License-Identifier: GPL-2.0-only
/*
 * Shared machinery of the flow analyses (see flow.h).
 *
 * Constraints are keyed by a variable's root: the variable a chain of
 * copies and casts starts from, so a test on "(long) ret" constrains ret.
 * Each edge out of a conditional branch or a switch constrains one value
 * (ret == -EFAULT on one side, != on the other; IS_ERR(p) true or false).
 */
#include <stdlib.h>
#include <string.h>

#include "flow.h"

/* --- states ------------------------------------------------------------- */

static void flow_state_reserve(struct flow_state *s, unsigned int n)
{
	if (n <= s->cap)
		return;
	s->cap = n < 8 ? 8 : n * 2;
	s->c = realloc(s->c, s->cap * sizeof(*s->c));
	if (!s->c)
		abort();
}

static void relation_reserve(struct flow_state *s, unsigned int n)
{
	if (n <= s->relcap)
		return;
	s->relcap = n < 4 ? 4 : n * 2;
	s->rel = realloc(s->rel, s->relcap * sizeof(*s->rel));
	if (!s->rel)
		abort();
}

void flow_state_copy(struct flow_state *dst, const struct flow_state *src)
{
	dst->reachable = src->reachable;
	dst->capped = src->capped;
	flow_state_reserve(dst, src->n);
	dst->n = src->n;
	if (src->n)
		memcpy(dst->c, src->c, src->n * sizeof(*src->c));
	relation_reserve(dst, src->nrel);
	dst->nrel = src->nrel;
	if (src->nrel)
		memcpy(dst->rel, src->rel, src->nrel * sizeof(*src->rel));
}

void flow_state_release(struct flow_state *s)
{
	free(s->c);
	free(s->rel);
	memset(s, 0, sizeof(*s));
}

static struct flow_relation *find_relation(const struct flow_state *s,
					   int a, int b)
{
	unsigned int i;

	for (i = 0; i < s->nrel; i++)
		if (s->rel[i].a == a && s->rel[i].b == b)
			return &s->rel[i];
	return NULL;
}

/* The orderings of B against A, from those of A against B. */
static unsigned int swap_order(unsigned int mask)
{
	return (mask & FLOW_ORDER_EQUAL) |
	       ((mask & FLOW_ORDER_LESS) ? FLOW_ORDER_GREATER : 0) |
	       ((mask & FLOW_ORDER_GREATER) ? FLOW_ORDER_LESS : 0);
}

bool flow_state_relate(struct flow_state *s, int a, int b, unsigned int mask)
{
	struct flow_relation *r;

	if (a == b)
		return (mask & FLOW_ORDER_EQUAL) != 0;
	if (a > b) {
		int t = a;

		a = b;
		b = t;
		mask = swap_order(mask);
	}
	r = find_relation(s, a, b);
	if (r) {
		r->mask &= mask;
		return r->mask != 0;
	}
	if (mask == FLOW_ORDER_ANY)
		return true;
	if (s->nrel >= KAPI_FLOW_MAX_CONSTRAINTS) {
		s->capped = true;
		return true;
	}
	relation_reserve(s, s->nrel + 1);
	s->rel[s->nrel].a = a;
	s->rel[s->nrel].b = b;
	s->rel[s->nrel].mask = mask;
	s->nrel++;
	return mask != 0;
}

bool flow_edge_apply(const struct flow_edge *e, struct flow_state *s)
{
	if (e->infeasible)
		return false;
	if (e->target >= 0 && !flow_state_constrain(s, e->target, &e->filter))
		return false;
	if (e->rel_a >= 0 && !flow_state_relate(s, e->rel_a, e->rel_b,
						e->rel_mask))
		return false;
	return true;
}

/*
 * The index of ROOT in S, or of the first constraint past it. The
 * constraints are sorted by root, so that a lookup costs log(n): a function
 * with thousands of branches has thousands of constraints per block.
 */
static unsigned int find_constraint(const struct flow_state *s, int root)
{
	unsigned int lo = 0, hi = s->n;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (s->c[mid].root < root)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct kapi_filter *flow_state_get(const struct flow_state *s, int root)
{
	unsigned int i = find_constraint(s, root);

	if (i < s->n && s->c[i].root == root)
		return &s->c[i].filter;
	return NULL;
}

void flow_state_kill(struct flow_state *s, int root)
{
	unsigned int i = find_constraint(s, root);
	unsigned int kept = 0;

	if (i < s->n && s->c[i].root == root) {
		memmove(&s->c[i], &s->c[i + 1],
			(s->n - i - 1) * sizeof(*s->c));
		s->n--;
	}
	for (i = 0; i < s->nrel; i++)
		if (s->rel[i].a != root && s->rel[i].b != root)
			s->rel[kept++] = s->rel[i];
	s->nrel = kept;
}

/* Add ROOT in F; returns false when that leaves no possible value. */
bool flow_state_constrain(struct flow_state *s, int root,
			    const struct kapi_filter *f)
{
	unsigned int at = find_constraint(s, root);

	if (at < s->n && s->c[at].root == root) {
		kapi_filter_intersect(&s->c[at].filter, f);
		return !kapi_filter_is_empty(&s->c[at].filter);
	}
	if (kapi_filter_is_empty(f))
		return false;

	/*
	 * Past the bound, the new constraint is not recorded: knowing less
	 * about a value only lets more paths through, which is sound, and it
	 * keeps each block's state (and its copies and joins) of bounded size.
	 */
	if (s->n >= KAPI_FLOW_MAX_CONSTRAINTS) {
		s->capped = true;
		return true;
	}

	flow_state_reserve(s, s->n + 1);
	memmove(&s->c[at + 1], &s->c[at], (s->n - at) * sizeof(*s->c));
	s->c[at].root = root;
	s->c[at].filter = *f;
	s->n++;
	return true;
}

/* DST = DST joined with SRC: what holds on both. */
void flow_state_join(struct flow_state *dst, const struct flow_state *src)
{
	unsigned int i, j = 0, kept = 0;

	if (!src->reachable)
		return;
	if (!dst->reachable) {
		flow_state_copy(dst, src);
		return;
	}
	dst->capped |= src->capped;

	/* Both lists are sorted by root: one merge walk, linear in their sizes. */
	for (i = 0; i < dst->n; i++) {
		while (j < src->n && src->c[j].root < dst->c[i].root)
			j++;
		if (j == src->n)
			break;
		if (src->c[j].root != dst->c[i].root)
			continue;
		dst->c[kept] = dst->c[i];
		kapi_filter_union(&dst->c[kept].filter, &src->c[j].filter);
		kept++;
	}
	dst->n = kept;

	kept = 0;
	for (i = 0; i < dst->nrel; i++) {
		const struct flow_relation *other =
			find_relation(src, dst->rel[i].a, dst->rel[i].b);

		if (!other)
			continue;
		dst->rel[kept] = dst->rel[i];
		dst->rel[kept].mask |= other->mask;
		if (dst->rel[kept].mask != FLOW_ORDER_ANY)
			kept++;
	}
	dst->nrel = kept;
}

bool flow_state_equal(const struct flow_state *a, const struct flow_state *b)
{
	unsigned int i;

	if (a->reachable != b->reachable || a->n != b->n ||
	    a->nrel != b->nrel || a->capped != b->capped)
		return false;
	for (i = 0; i < a->n; i++)
		if (a->c[i].root != b->c[i].root ||
		    !kapi_filter_equal(&a->c[i].filter, &b->c[i].filter))
			return false;
	for (i = 0; i < a->nrel; i++) {
		const struct flow_relation *r =
			find_relation(b, a->rel[i].a, a->rel[i].b);

		if (!r || r->mask != a->rel[i].mask)
			return false;
	}
	return true;
}

/* --- definitions, roots and predicates ---------------------------------- */

static void flow_find_defs(struct flow *fl)
{
	const struct kapi_fn_ir *fn = fl->fn;
	unsigned int b, i, v;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].nstmts; i++) {
			const struct kapi_stmt *s = &fn->blocks[b].stmts[i];

			if (s->dst >= 0)
				fl->def[s->dst] = s;
		}

	for (v = 0; v < fn->nvars; v++)
		fl->root[v] = -1;
}

int flow_root(struct flow *fl, int var)
{
	const struct kapi_stmt *s;
	int r = var;
	unsigned int steps = 0;

	if (fl->root[var] >= 0)
		return fl->root[var];

	/* Follow copies; the step bound only guards against a broken IR. */
	while ((s = fl->def[r]) && s->kind == KAPI_STMT_COPY &&
	       !s->src.is_const && steps++ < fl->fn->nvars)
		r = s->src.var;
	fl->root[var] = r;
	return r;
}

static struct flow_predicate negated(struct flow_predicate p)
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

struct flow_predicate flow_predicate_of(struct flow *fl, int var)
{
	const struct kapi_stmt *s = fl->def[var];
	struct flow_predicate p = { 0 };
	unsigned int regions;

	if (fl->pred_state[var] == 2)
		return fl->pred[var];
	if (fl->pred_state[var] == 1 || !s)
		return p;	/* a cycle of copies, or no definition */
	fl->pred_state[var] = 1;

	if (s->kind == KAPI_STMT_COPY && !s->src.is_const) {
		p = flow_predicate_of(fl, s->src.var);
	} else if (s->kind == KAPI_STMT_NOT && !s->src.is_const) {
		p = flow_predicate_of(fl, s->src.var);
		if (p.valid)
			p = negated(p);
	} else if (s->kind == KAPI_STMT_COMPARE && !s->src.is_const) {
		struct flow_predicate inner = flow_predicate_of(fl, s->src.var);

		if (inner.valid && (s->cmp == KAPI_CMP_EQ ||
				    s->cmp == KAPI_CMP_NE) &&
		    (s->rhs == 0 || s->rhs == 1)) {
			/* A test of a test: (is_err != 0), (ok == 0). */
			bool same = (s->cmp == KAPI_CMP_NE) == (s->rhs == 0);

			p = same ? inner : negated(inner);
		} else {
			p.valid = true;
			p.target = flow_root(fl, s->src.var);
			kapi_filter_from_cmp(&p.when_true, s->cmp, s->rhs,
					     s->is_unsigned);
			kapi_filter_negate_cmp(&p.when_false, s->cmp, s->rhs,
					       s->is_unsigned);
		}
	} else if (is_err_predicate(s, &regions)) {
		p.valid = true;
		p.target = flow_root(fl, s->args[0].var);
		kapi_filter_regions(&p.when_true, regions);
		kapi_filter_regions(&p.when_false, KAPI_REGION_ALL & ~regions);
	}

	fl->pred[var] = p;
	fl->pred_state[var] = 2;
	return p;
}

/* --- edges -------------------------------------------------------------- */

static void add_edge(struct flow *fl, int from, int to, int target,
		     const struct kapi_filter *f, bool infeasible)
{
	struct flow_edge *e;

	fl->edges = realloc(fl->edges, (fl->nedges + 1) * sizeof(*e));
	if (!fl->edges)
		abort();
	e = &fl->edges[fl->nedges++];
	e->from = from;
	e->to = to;
	e->target = target;
	if (f)
		e->filter = *f;
	else
		kapi_filter_all(&e->filter);
	e->rel_a = -1;
	e->rel_b = -1;
	e->rel_mask = FLOW_ORDER_ANY;
	e->infeasible = infeasible;
}

/* The orderings that A <CMP> B allows. */
static unsigned int order_mask(enum kapi_cmp cmp)
{
	switch (cmp) {
	case KAPI_CMP_EQ:
		return FLOW_ORDER_EQUAL;
	case KAPI_CMP_NE:
		return FLOW_ORDER_LESS | FLOW_ORDER_GREATER;
	case KAPI_CMP_LT:
		return FLOW_ORDER_LESS;
	case KAPI_CMP_LE:
		return FLOW_ORDER_LESS | FLOW_ORDER_EQUAL;
	case KAPI_CMP_GT:
		return FLOW_ORDER_GREATER;
	case KAPI_CMP_GE:
		break;
	}
	return FLOW_ORDER_GREATER | FLOW_ORDER_EQUAL;
}

/* A branch on two variables orders their roots on each edge. */
static void add_relation_edges(struct flow *fl, int b,
			       const struct kapi_term *t)
{
	unsigned int yes = order_mask(t->cmp);
	int lhs = flow_root(fl, t->cond.var), rhs = flow_root(fl, t->rhs_var);

	add_edge(fl, b, t->succ[0], -1, NULL, false);
	fl->edges[fl->nedges - 1].rel_a = lhs;
	fl->edges[fl->nedges - 1].rel_b = rhs;
	fl->edges[fl->nedges - 1].rel_mask = yes;
	add_edge(fl, b, t->succ[1], -1, NULL, false);
	fl->edges[fl->nedges - 1].rel_a = lhs;
	fl->edges[fl->nedges - 1].rel_b = rhs;
	fl->edges[fl->nedges - 1].rel_mask = FLOW_ORDER_ANY & ~yes;
}

static void add_branch_edges(struct flow *fl, int b, const struct kapi_term *t)
{
	struct kapi_filter yes, no;
	struct flow_predicate p;
	int target;

	if (t->cond.is_const) {
		bool taken;

		kapi_filter_from_cmp(&yes, t->cmp, t->rhs, t->is_unsigned);
		taken = kapi_filter_admits(&yes, t->cond.value);
		add_edge(fl, b, t->succ[0], -1, NULL, !taken);
		add_edge(fl, b, t->succ[1], -1, NULL, taken);
		return;
	}

	if (t->rhs_var >= 0) {
		add_relation_edges(fl, b, t);
		return;
	}

	p = flow_predicate_of(fl, t->cond.var);
	if (p.valid && (t->cmp == KAPI_CMP_EQ || t->cmp == KAPI_CMP_NE) &&
	    (t->rhs == 0 || t->rhs == 1)) {
		bool same = (t->cmp == KAPI_CMP_NE) == (t->rhs == 0);

		target = p.target;
		yes = same ? p.when_true : p.when_false;
		no = same ? p.when_false : p.when_true;
	} else {
		target = flow_root(fl, t->cond.var);
		kapi_filter_from_cmp(&yes, t->cmp, t->rhs, t->is_unsigned);
		kapi_filter_negate_cmp(&no, t->cmp, t->rhs, t->is_unsigned);
	}
	add_edge(fl, b, t->succ[0], target, &yes, false);
	add_edge(fl, b, t->succ[1], target, &no, false);
}

static void add_switch_edges(struct flow *fl, int b, const struct kapi_term *t)
{
	struct kapi_filter f, others;
	int target = t->cond.is_const ? -1 : flow_root(fl, t->cond.var);
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
		add_edge(fl, b, c->succ, target, target >= 0 ? &f : NULL,
			 false);
	}
	add_edge(fl, b, t->default_succ, target, target >= 0 ? &others : NULL,
		 false);
}

static void flow_build_edges(struct flow *fl)
{
	const struct kapi_fn_ir *fn = fl->fn;
	unsigned int b, i;

	for (b = 0; b < fn->nblocks; b++) {
		const struct kapi_term *t = &fn->blocks[b].term;

		switch (t->kind) {
		case KAPI_TERM_GOTO:
			add_edge(fl, (int)b, t->succ[0], -1, NULL, false);
			break;
		case KAPI_TERM_BRANCH:
			add_branch_edges(fl, (int)b, t);
			break;
		case KAPI_TERM_FORK:
			for (i = 0; i < t->nsucc; i++)
				add_edge(fl, (int)b, t->succs[i], -1, NULL,
					 false);
			break;
		case KAPI_TERM_SWITCH:
			add_switch_edges(fl, (int)b, t);
			break;
		case KAPI_TERM_NONE:
		case KAPI_TERM_RETURN:
			break;
		}
	}
}

/* Reverse post-order from the entry block, iteratively. */
static void flow_compute_rpo(struct flow *fl)
{
	unsigned int nb = fl->fn->nblocks, top = 0, i, post = 0;
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

		for (i = next[b]; i < fl->out_count[b]; i++) {
			const struct flow_edge *e =
				&fl->edges[fl->out_first[b] + i];

			if (seen[e->to])
				continue;
			next[b] = i + 1;
			seen[e->to] = 1;
			stack[top++] = e->to;
			pushed = true;
			break;
		}
		if (!pushed) {
			next[b] = fl->out_count[b];
			order[post++] = b;
			top--;
		}
	}

	fl->nrpo = post;
	fl->rpo = malloc((post ? post : 1) * sizeof(int));
	if (!fl->rpo)
		abort();
	for (i = 0; i < post; i++)
		fl->rpo[i] = order[post - 1 - i];
	free(seen);
	free(stack);
	free(next);
	free(order);
}

void flow_kill_defs(struct flow *fl, int b, struct flow_state *s)
{
	const struct kapi_block *blk = &fl->fn->blocks[b];
	unsigned int i;

	for (i = 0; i < blk->nstmts; i++) {
		int dst = blk->stmts[i].dst;

		if (dst >= 0 && flow_root(fl, dst) == dst)
			flow_state_kill(s, dst);
	}
}

/*
 * Index the edges by source and by target, so that walking a block's
 * edges costs their number, not the function's: a function with tens of
 * thousands of branches would otherwise take quadratic time.
 */
static void index_edges(struct flow *fl)
{
	unsigned int nb = fl->fn->nblocks ? fl->fn->nblocks : 1;
	unsigned int i, *fill;

	fl->out_first = calloc(nb, sizeof(unsigned int));
	fl->out_count = calloc(nb, sizeof(unsigned int));
	fl->in_first = calloc(nb, sizeof(unsigned int));
	fl->in_count = calloc(nb, sizeof(unsigned int));
	fl->in_edges = malloc((fl->nedges ? fl->nedges : 1) *
			      sizeof(unsigned int));
	fill = calloc(nb, sizeof(unsigned int));
	if (!fl->out_first || !fl->out_count || !fl->in_first ||
	    !fl->in_count || !fl->in_edges || !fill)
		abort();

	/* build_edges() adds each block's edges together. */
	for (i = fl->nedges; i-- > 0;) {
		fl->out_first[fl->edges[i].from] = i;
		fl->out_count[fl->edges[i].from]++;
		fl->in_count[fl->edges[i].to]++;
	}
	for (i = 1; i < nb; i++)
		fl->in_first[i] = fl->in_first[i - 1] + fl->in_count[i - 1];
	for (i = 0; i < fl->nedges; i++) {
		int to = fl->edges[i].to;

		fl->in_edges[fl->in_first[to] + fill[to]++] = i;
	}
	free(fill);
}

void flow_init(struct flow *fl, struct kapi_arena *arena,
	       const struct kapi_fn_ir *fn)
{
	unsigned int nv = fn->nvars ? fn->nvars : 1;

	memset(fl, 0, sizeof(*fl));
	fl->arena = arena;
	fl->fn = fn;
	fl->def = calloc(nv, sizeof(*fl->def));
	fl->root = calloc(nv, sizeof(*fl->root));
	fl->pred_state = calloc(nv, 1);
	fl->pred = calloc(nv, sizeof(*fl->pred));
	if (!fl->def || !fl->root || !fl->pred_state || !fl->pred)
		abort();

	flow_find_defs(fl);
	flow_build_edges(fl);
	index_edges(fl);
	flow_compute_rpo(fl);
}

void flow_release(struct flow *fl)
{
	free(fl->def);
	free(fl->root);
	free(fl->pred_state);
	free(fl->pred);
	free(fl->edges);
	free(fl->out_first);
	free(fl->out_count);
	free(fl->in_first);
	free(fl->in_count);
	free(fl->in_edges);
	free(fl->rpo);
	memset(fl, 0, sizeof(*fl));
}
