// SPDX-License-Identifier: GPL-2.0-only
/*
 * The interprocedural solver (see include/kapi/solve.h).
 *
 * Each function's result R(f) is what it returns with every call resolved,
 * kept in terms of f's own parameters so one result serves every caller
 * (context-insensitive, but guards keep the value/argument correlation).
 * Solving a query takes the functions reachable from it, starts from empty
 * results and recomputes all of them until none changes: recursion and
 * cycles converge because results only grow and their atoms are built from
 * finitely many constants, texts and filters.
 */
#include <stdlib.h>
#include <string.h>

#include "kapi/callgraph.h"
#include "kapi/solve.h"

/*
 * The resolved value of one call site and of its arguments, valid while
 * the program's epoch is STAMP: any change of a function's result may
 * change them.
 */
struct site_cache {
	unsigned long stamp;
	struct kapi_valueset value;
	unsigned long *arg_stamps;
	struct kapi_valueset *args;
};

struct entry {
	struct kapi_summary *sum;
	struct kapi_valueset result;
	bool solved;		/* final: a previous query reached a fixpoint */
	bool reached;		/* in the component being solved */
	const char *incomplete;
	struct site_cache *cache;	/* per call site, allocated on use */
	bool *needed;			/* per call site: its value is used */
};

struct kapi_program {
	struct kapi_arena *arena;
	unsigned int n;
	unsigned int cap;
	struct entry *v;
	/* Open addressing over v by name; slots hold index + 1. */
	unsigned int *slots;
	unsigned int nslots;

	/*
	 * Call guards being checked, innermost last. A guard can lead back
	 * to itself through the arguments of its own call (a loop carries a
	 * call's result into the next call's argument); such a guard is
	 * taken as satisfied, which only makes the result larger.
	 */
	unsigned long epoch;		/* bumped when any result grows */
	unsigned int depth;
	struct {
		const struct entry *fn;
		int site;
	} active[KAPI_SOLVE_MAX_DEPTH];
	bool depth_exceeded;
	bool over_budget;		/* KAPI_ARENA_BUDGET was reached */
};

static unsigned int hash_name(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

struct kapi_program *kapi_program_new(struct kapi_arena *arena)
{
	struct kapi_program *prog = kapi_arena_alloc(arena, sizeof(*prog));

	prog->arena = arena;
	prog->epoch = 1;
	return prog;
}

static struct entry *lookup(const struct kapi_program *prog, const char *name)
{
	unsigned int j;

	if (!prog->nslots || !name)
		return NULL;
	j = hash_name(name) & (prog->nslots - 1);
	while (prog->slots[j]) {
		struct entry *e = &prog->v[prog->slots[j] - 1];

		if (strcmp(e->sum->name, name) == 0)
			return e;
		j = (j + 1) & (prog->nslots - 1);
	}
	return NULL;
}

static void rehash(struct kapi_program *prog)
{
	unsigned int i, j;

	prog->nslots = prog->nslots ? prog->nslots * 2 : 64;
	prog->slots = kapi_arena_alloc(prog->arena,
				       prog->nslots * sizeof(*prog->slots));
	for (i = 0; i < prog->n; i++) {
		j = hash_name(prog->v[i].sum->name) & (prog->nslots - 1);
		while (prog->slots[j])
			j = (j + 1) & (prog->nslots - 1);
		prog->slots[j] = i + 1;
	}
}

void kapi_program_add(struct kapi_program *prog, struct kapi_summary *s)
{
	struct entry *e = lookup(prog, s->name);
	unsigned int i;

	if (e) {
		memset(e, 0, sizeof(*e));
		e->sum = s;
		for (i = 0; i < prog->n; i++)
			prog->v[i].solved = false;
		return;
	}
	if (prog->n == prog->cap) {
		prog->cap = prog->cap ? prog->cap * 2 : 64;
		prog->v = kapi_arena_grow(prog->arena, prog->v,
					  sizeof(*prog->v), prog->n, prog->cap);
	}
	memset(&prog->v[prog->n], 0, sizeof(prog->v[0]));
	prog->v[prog->n++].sum = s;
	if (prog->n * 2 > prog->nslots)
		rehash(prog);
	else {
		unsigned int j = hash_name(s->name) & (prog->nslots - 1);

		while (prog->slots[j])
			j = (j + 1) & (prog->nslots - 1);
		prog->slots[j] = prog->n;
	}
}

struct kapi_summary *kapi_program_find(const struct kapi_program *prog,
				       const char *name)
{
	struct entry *e = lookup(prog, name);

	return e ? e->sum : NULL;
}

/* --- resolving one function's atoms ------------------------------------- */

static void resolve_atom(struct kapi_program *prog, struct entry *f,
			 const struct kapi_atom *a, struct kapi_valueset *out);

/* The value of the call at SITE of F, in F's terms. */
static void resolve_site(struct kapi_program *prog, struct entry *f,
			 int site, struct kapi_valueset *out);

static const struct kapi_valueset *resolve_arg(struct kapi_program *prog,
					       struct entry *f, int site,
					       unsigned int arg);

static void resolve_set(struct kapi_program *prog, struct entry *f,
			const struct kapi_valueset *in,
			struct kapi_valueset *out)
{
	unsigned int i;

	for (i = 0; i < in->n; i++)
		resolve_atom(prog, f, &in->atoms[i], out);
	if (in->widened)
		out->widened = true;
}

/*
 * Check the guards of callee atom B against the arguments of the call.
 * Returns false when a guard cannot hold; else turns guards on callee
 * parameters into guards on F's own parameters where the argument is one.
 */
static bool apply_callee_guards(struct kapi_program *prog, struct entry *f,
				const struct kapi_callsite *cs,
				struct kapi_atom *b)
{
	struct kapi_guard kept[KAPI_ATOM_MAX_GUARDS];
	unsigned int i, j, nkept = 0;

	for (i = 0; i < b->nguards; i++) {
		const struct kapi_guard *g = &b->guards[i];
		struct kapi_valueset allowed = { 0 };
		const struct kapi_atom *only_param = NULL;
		unsigned int nparam = 0;

		/* Guards on calls inside the callee were settled there. */
		if (g->kind != KAPI_GUARD_PARAM)
			continue;
		if (g->ref < 0 || (unsigned int)g->ref >= cs->nargs)
			continue;

		kapi_valueset_restrict(prog->arena, &allowed,
				       resolve_arg(prog, f,
						   (int)(cs - f->sum->calls),
						   (unsigned int)g->ref),
				       &g->filter);
		if (allowed.n == 0 && !allowed.widened)
			return false;

		for (j = 0; j < allowed.n; j++)
			if (allowed.atoms[j].kind == KAPI_ATOM_PARAM) {
				only_param = &allowed.atoms[j];
				nparam++;
			}
		/* Exactly one way through: the caller's parameter. */
		if (nparam == 1 && allowed.n == 1 &&
		    nkept < KAPI_ATOM_MAX_GUARDS) {
			kept[nkept].kind = KAPI_GUARD_PARAM;
			kept[nkept].ref = only_param->ref;
			kept[nkept].filter = only_param->filter;
			nkept++;
		}
	}

	b->nguards = 0;
	for (i = 0; i < nkept; i++)
		kapi_atom_add_guard(b, &kept[i]);
	return true;
}

static const struct kapi_chain *extend_chain(struct kapi_program *prog,
					     struct entry *f,
					     const struct kapi_callsite *cs,
					     const struct kapi_chain *next)
{
	struct kapi_chain *c = kapi_arena_alloc(prog->arena, sizeof(*c));

	c->caller = f->sum->name;
	c->callee = cs->callee;
	c->loc = cs->loc;
	c->next = next;
	return c;
}

/* An unknown atom for the value of call CS in F, named by WHAT. */
static void add_unknown_call(struct kapi_program *prog, struct entry *f,
			     const struct kapi_callsite *cs, const char *what,
			     struct kapi_valueset *out)
{
	struct kapi_atom u;

	memset(&u, 0, sizeof(u));
	u.kind = KAPI_ATOM_UNKNOWN;
	u.text = kapi_intern(prog->arena,
			     kapi_arena_printf(prog->arena, what, cs->callee));
	kapi_filter_all(&u.filter);
	u.loc = cs->loc;
	u.origin = f->sum->name;
	kapi_valueset_add(prog->arena, out, &u);
}

static void resolve_site_body(struct kapi_program *prog, struct entry *f,
			      int site, struct kapi_valueset *out);

static struct site_cache *site_cache(struct kapi_program *prog,
				     struct entry *f, int site)
{
	if (!f->cache)
		f->cache = kapi_arena_alloc(prog->arena,
					    (f->sum->ncalls ? f->sum->ncalls : 1) *
					    sizeof(*f->cache));
	return &f->cache[site];
}

/* The resolved argument ARG of call SITE of F, cached per epoch. */
static const struct kapi_valueset *resolve_arg(struct kapi_program *prog,
					       struct entry *f, int site,
					       unsigned int arg)
{
	struct site_cache *c = site_cache(prog, f, site);
	const struct kapi_callsite *cs = &f->sum->calls[site];

	if (!c->args) {
		c->args = kapi_arena_alloc(prog->arena, (cs->nargs ? cs->nargs : 1) *
					   sizeof(*c->args));
		c->arg_stamps = kapi_arena_alloc(prog->arena,
						 (cs->nargs ? cs->nargs : 1) *
						 sizeof(*c->arg_stamps));
	}
	if (c->arg_stamps[arg] != prog->epoch) {
		struct kapi_valueset fresh = { 0 };

		resolve_set(prog, f, &kapi_callsite_args(prog->arena, cs)[arg],
			    &fresh);
		c->args[arg] = fresh;
		c->arg_stamps[arg] = prog->epoch;
	}
	return &c->args[arg];
}

/*
 * Resolve call SITE of F, unless it is already being resolved further up:
 * a loop can feed a call's result into its own argument. That value is
 * then an unknown source, so no check claims more than the analysis shows.
 */
static void resolve_site(struct kapi_program *prog, struct entry *f,
			 int site, struct kapi_valueset *out)
{
	unsigned int i;

	if (site < 0 || (unsigned int)site >= f->sum->ncalls)
		return;
	for (i = 0; i < prog->depth; i++) {
		if (prog->active[i].fn == f && prog->active[i].site == site) {
			add_unknown_call(prog, f, &f->sum->calls[site],
					 "a value that loops through the call to '%s'",
					 out);
			return;
		}
	}
	if (prog->depth == KAPI_SOLVE_MAX_DEPTH) {
		prog->depth_exceeded = true;
		add_unknown_call(prog, f, &f->sum->calls[site],
				 "a value nested too deep in calls to '%s'",
				 out);
		return;
	}
	/*
	 * Past the budget only the calls a function makes itself are still
	 * resolved, from what the callee's result contains so far: its values
	 * are real, so findings on them stay right, and the result is marked
	 * incomplete. Nested resolving (arguments, guards) stops here.
	 */
	if (kapi_arena_over_budget(prog->arena))
		prog->over_budget = true;
	if (prog->over_budget && prog->depth > 0) {
		add_unknown_call(prog, f, &f->sum->calls[site],
				 "the result of '%s' (memory budget used up)",
				 out);
		return;
	}
	{
		struct site_cache *c = site_cache(prog, f, site);
		struct kapi_valueset fresh = { 0 };

		if (c->stamp == prog->epoch) {
			kapi_valueset_add_all(prog->arena, out, &c->value);
			return;
		}
		prog->active[prog->depth].fn = f;
		prog->active[prog->depth].site = site;
		prog->depth++;
		resolve_site_body(prog, f, site, &fresh);
		prog->depth--;
		c->value = fresh;
		c->stamp = prog->epoch;
		kapi_valueset_add_all(prog->arena, out, &fresh);
	}
}

static void resolve_site_body(struct kapi_program *prog, struct entry *f,
			      int site, struct kapi_valueset *out)
{
	const struct kapi_callsite *cs = &f->sum->calls[site];
	struct entry *g;
	unsigned int i;

	g = cs->indirect ? NULL : lookup(prog, cs->callee);

	if (!g) {
		add_unknown_call(prog, f, cs, "call to '%s'", out);
		return;
	}
	/*
	 * needed_sites() names every call resolving can touch, so the
	 * callee is solved or in the component being solved. Should that
	 * ever not hold, its empty result must not read as "no errno".
	 */
	if (!g->solved && !g->reached) {
		add_unknown_call(prog, f, cs, "call to '%s' (not solved)", out);
		return;
	}

	for (i = 0; i < g->result.n; i++) {
		struct kapi_atom b = g->result.atoms[i];

		if (!apply_callee_guards(prog, f, cs, &b))
			continue;

		if (b.kind == KAPI_ATOM_PARAM) {
			/* The callee hands back what it was given. */
			struct kapi_valueset passed = { 0 };
			unsigned int j, k;

			if (b.ref < 0 || (unsigned int)b.ref >= cs->nargs)
				continue;
			kapi_valueset_restrict(prog->arena, &passed,
					       resolve_arg(prog, f, site,
							   (unsigned int)b.ref),
					       &b.filter);
			for (j = 0; j < passed.n; j++) {
				struct kapi_atom p = passed.atoms[j];

				for (k = 0; k < b.nguards; k++)
					kapi_atom_add_guard(&p, &b.guards[k]);
				kapi_valueset_add(prog->arena, out, &p);
			}
			if (passed.widened)
				out->widened = true;
			continue;
		}

		b.chain = extend_chain(prog, f, cs, b.chain);
		kapi_valueset_add(prog->arena, out, &b);
	}
	if (g->result.widened)
		out->widened = true;
}

/* Whether the guard on call SITE of F can hold. */
static bool call_guard_holds(struct kapi_program *prog, struct entry *f,
			     const struct kapi_guard *g)
{
	struct kapi_valueset value = { 0 }, allowed = { 0 };
	unsigned int i;

	for (i = 0; i < prog->depth; i++)
		if (prog->active[i].fn == f && prog->active[i].site == g->ref)
			return true;

	resolve_site(prog, f, g->ref, &value);
	kapi_valueset_restrict(prog->arena, &allowed, &value, &g->filter);
	return allowed.n > 0 || allowed.widened;
}

static void resolve_atom(struct kapi_program *prog, struct entry *f,
			 const struct kapi_atom *a, struct kapi_valueset *out)
{
	struct kapi_atom base = *a;
	unsigned int i;

	/* Settle guards on F's calls; keep guards on F's parameters. */
	base.nguards = 0;
	for (i = 0; i < a->nguards; i++) {
		if (a->guards[i].kind == KAPI_GUARD_CALL) {
			if (!call_guard_holds(prog, f, &a->guards[i]))
				return;
			continue;
		}
		kapi_atom_add_guard(&base, &a->guards[i]);
	}

	if (base.kind == KAPI_ATOM_CALL) {
		struct kapi_valueset value = { 0 };

		resolve_site(prog, f, base.ref, &value);
		for (i = 0; i < value.n; i++) {
			struct kapi_atom r = value.atoms[i];
			unsigned int k;

			if (!kapi_atom_restrict(&r, &base.filter))
				continue;
			for (k = 0; k < base.nguards; k++)
				kapi_atom_add_guard(&r, &base.guards[k]);
			kapi_valueset_add(prog->arena, out, &r);
		}
		if (value.widened)
			out->widened = true;
		return;
	}
	kapi_valueset_add(prog->arena, out, &base);
}

/* --- the fixpoint ------------------------------------------------------- */

static void need_refs(const struct kapi_valueset *set, bool *needed,
		      unsigned int ncalls, unsigned int *todo,
		      unsigned int *ntodo)
{
	unsigned int i, k;

	for (i = 0; i < set->n; i++) {
		const struct kapi_atom *a = &set->atoms[i];
		int refs[1 + KAPI_ATOM_MAX_GUARDS];
		unsigned int nrefs = 0;

		if (a->kind == KAPI_ATOM_CALL)
			refs[nrefs++] = a->ref;
		for (k = 0; k < a->nguards; k++)
			if (a->guards[k].kind == KAPI_GUARD_CALL)
				refs[nrefs++] = a->guards[k].ref;
		for (k = 0; k < nrefs; k++) {
			if (refs[k] < 0 || (unsigned int)refs[k] >= ncalls ||
			    needed[refs[k]])
				continue;
			needed[refs[k]] = true;
			todo[(*ntodo)++] = (unsigned int)refs[k];
		}
	}
}

/*
 * The call sites of E whose values resolving E's result can touch. These
 * are the calls that its return atoms and their guards name. A callee may
 * hand an argument back or guard on it, so the calls named in the
 * arguments of such a call count too. Every other call of E stays
 * unsolved: a query visits only the functions whose values reach it.
 */
static const bool *needed_sites(struct kapi_program *prog, struct entry *e)
{
	const struct kapi_summary *s = e->sum;
	unsigned int *todo, ntodo = 0, j;

	if (e->needed)
		return e->needed;
	e->needed = kapi_arena_alloc(prog->arena, s->ncalls ? s->ncalls : 1);
	if (!s->ncalls)
		return e->needed;
	todo = malloc(s->ncalls * sizeof(*todo));
	if (!todo)
		abort();
	need_refs(&s->ret, e->needed, s->ncalls, todo, &ntodo);
	while (ntodo) {
		const struct kapi_callsite *cs = &s->calls[todo[--ntodo]];

		const struct kapi_valueset *args =
			kapi_callsite_args(prog->arena, cs);

		for (j = 0; j < cs->nargs; j++)
			need_refs(&args[j], e->needed, s->ncalls, todo,
				  &ntodo);
	}
	free(todo);
	return e->needed;
}

static const struct kapi_summary *value_edge(void *data,
					     const struct kapi_summary *f,
					     unsigned int site)
{
	struct kapi_program *prog = data;
	struct entry *e = lookup(prog, f->name);
	struct entry *g;

	if (!e || f->calls[site].indirect || !needed_sites(prog, e)[site])
		return NULL;
	g = lookup(prog, f->calls[site].callee);
	return g && !g->solved ? g->sum : NULL;
}

/* Recompute F's result from its callees' current ones; whether it grew. */
static bool recompute(struct kapi_program *prog, struct entry *f)
{
	struct kapi_valueset next = { 0 };
	unsigned int before = f->result.n;
	bool widened = f->result.widened;

	resolve_set(prog, f, &f->sum->ret, &next);
	kapi_valueset_add_all(prog->arena, &f->result, &next);
	if (f->result.n == before && f->result.widened == widened)
		return false;
	prog->epoch++;
	return true;
}

/* Why F's result is an over-approximation, if it is: its own or a callee's. */
static const char *incomplete_of(struct kapi_program *prog, struct entry *f,
				 const char *why)
{
	const bool *needed = needed_sites(prog, f);
	unsigned int k;

	if (why)
		return why;
	if (f->sum->incomplete)
		return f->sum->incomplete;
	if (f->result.widened)
		return "a value set grew past its size limit";
	for (k = 0; k < f->sum->ncalls; k++) {
		struct entry *g;

		if (!needed[k] || f->sum->calls[k].indirect)
			continue;
		g = lookup(prog, f->sum->calls[k].callee);
		if (g && g != f && g->solved && g->incomplete)
			return g->incomplete;
	}
	return NULL;
}

/*
 * Solve the component [FIRST, LAST) of ORDER: every callee outside it is
 * final, so a component without recursion needs one pass, and one with
 * recursion is iterated until no result grows.
 */
static void solve_component(struct kapi_program *prog,
			    const struct kapi_scc_order *order,
			    unsigned int scc)
{
	unsigned int first = order->start[scc], last = order->start[scc + 1];
	const char *why = NULL;
	bool changed = true;
	unsigned int i, round;

	for (i = first; i < last; i++)
		lookup(prog, order->fns[i]->name)->reached = true;

	/*
	 * Past the memory budget, one round still runs: resolve_site() then
	 * turns every call into an unknown source at no cost, and the
	 * constants a function returns itself are kept, not lost with an
	 * empty result.
	 */
	for (round = 0; changed && round < KAPI_SOLVE_MAX_ROUNDS &&
		       (round == 0 || !prog->over_budget); round++) {
		changed = false;
		for (i = first; i < last; i++)
			changed |= recompute(prog,
					     lookup(prog, order->fns[i]->name));
		if (!order->cyclic[scc])
			changed = false;
	}
	if (changed)
		why = "the call graph did not converge within KAPI_SOLVE_MAX_ROUNDS rounds";
	if (prog->over_budget)
		why = "the analysis used up its memory budget (KAPI_ARENA_BUDGET)";

	for (i = first; i < last; i++) {
		struct entry *f = lookup(prog, order->fns[i]->name);

		f->reached = false;
		f->solved = true;
	}
	/* Within a cycle, one member's reason holds for all. */
	for (i = first; i < last && !why; i++)
		why = incomplete_of(prog, lookup(prog, order->fns[i]->name),
				    NULL);
	for (i = first; i < last; i++)
		lookup(prog, order->fns[i]->name)->incomplete =
			order->cyclic[scc] ? why :
			incomplete_of(prog, lookup(prog, order->fns[i]->name),
				      why);
}

const struct kapi_valueset *kapi_solve_returns(struct kapi_program *prog,
					       const char *name,
					       const char **incomplete)
{
	struct entry *e = lookup(prog, name);
	struct kapi_scc_order order;
	unsigned int scc;

	if (incomplete)
		*incomplete = NULL;
	if (!e)
		return NULL;

	if (!e->solved) {
		kapi_callgraph_sccs(e->sum, value_edge, prog, &order);
		for (scc = 0; scc < order.nsccs; scc++)
			solve_component(prog, &order, scc);
		kapi_scc_order_release(&order);
	}
	if (incomplete)
		*incomplete = e->incomplete;
	return &e->result;
}
