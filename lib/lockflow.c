// SPDX-License-Identifier: GPL-2.0-only
/*
 * Path-sensitive lock analysis of one function (see include/kapi/lock.h).
 *
 * The function's paths are explored from the entry with a worklist. A
 * state is the set of held locks (net counts since entry), the value
 * constraints of the path (flow.h) and the last branch decisions. A
 * conditional acquisition forks the state: one side holds the lock and
 * constrains the call's result (== 0 for _killable, != 0 for _trylock),
 * the other does not. A call of a function with a lock summary forks once
 * per exit of that summary. Branches that contradict the constraints are
 * not followed, which is what ties "if (mmap_write_lock_killable(mm))
 * return -EINTR;" to the state where the lock was not taken.
 *
 * At a block entry, states with the same held locks are joined; a block
 * that sees more distinct lock states than the bound stops the analysis
 * of the function, which is then reported as incomplete.
 */
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "kapi/lock.h"

#define MAX_HOLDS 16
#define MAX_COUNT 3		/* counts saturate here: a lock taken in a loop */

struct lstate {
	struct flow_state cons;
	int from_block;			/* predecessor of the current block */
	struct kapi_loc last_loc;	/* last statement with a location */
	unsigned int nholds;
	struct kapi_lock_hold holds[MAX_HOLDS];
	unsigned int ndecisions;
	struct kapi_lock_decision decisions[KAPI_LOCK_MAX_DECISIONS];
};

struct work {
	int block;
	unsigned int stmt;	/* next statement to run in BLOCK */
	struct lstate st;
};

struct seen {
	unsigned int nholds;
	struct kapi_lock_hold holds[MAX_HOLDS];
	struct flow_state cons;
};

struct lctx {
	struct flow fl;
	struct kapi_arena *arena;
	struct kapi_lock_summary *sum;
	kapi_lock_lookup lookup;
	void *data;
	bool keep_paths;

	struct work *work;
	unsigned int nwork;
	unsigned int work_cap;

	struct seen **seen;		/* per block */
	unsigned int *nseen;

	unsigned int visits;
	unsigned int exit_cap;
	unsigned int use_cap;
};

/* --- lock objects and held sets ----------------------------------------- */

static bool same_object(const struct kapi_lockobj *a,
			const struct kapi_lockobj *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == KAPI_LOCKOBJ_PARAM)
		return a->param == b->param;
	if (a->name == b->name)
		return true;
	return a->name && b->name && strcmp(a->name, b->name) == 0;
}

static int compare_holds(const struct kapi_lock_hold *a,
			 const struct kapi_lock_hold *b)
{
	if (a->obj.kind != b->obj.kind)
		return a->obj.kind < b->obj.kind ? -1 : 1;
	if (a->obj.kind == KAPI_LOCKOBJ_PARAM && a->obj.param != b->obj.param)
		return a->obj.param < b->obj.param ? -1 : 1;
	if (a->obj.kind != KAPI_LOCKOBJ_PARAM) {
		int c = strcmp(a->obj.name ? a->obj.name : "",
			       b->obj.name ? b->obj.name : "");

		if (c)
			return c;
	}
	if (a->mode != b->mode)
		return a->mode < b->mode ? -1 : 1;
	return 0;
}

static bool holds_equal(unsigned int na, const struct kapi_lock_hold *a,
			unsigned int nb, const struct kapi_lock_hold *b)
{
	unsigned int i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (compare_holds(&a[i], &b[i]) || a[i].count != b[i].count)
			return false;
	return true;
}

/* The lock object that operand OP of a call points to. */
static struct kapi_lockobj object_of(struct lctx *lx,
				     const struct kapi_operand *op)
{
	struct kapi_lockobj obj = { KAPI_LOCKOBJ_UNKNOWN, NULL, NULL, -1 };
	const struct kapi_stmt *d;
	int root;

	if (op->is_const) {
		obj.name = "a constant address";
		return obj;
	}
	root = flow_root(&lx->fl, op->var);
	d = lx->fl.def[root];
	if (d && d->kind == KAPI_STMT_OPAQUE && d->object) {
		obj.kind = KAPI_LOCKOBJ_NAMED;
		obj.name = d->object;
		obj.type = d->object_type;
	} else if (d && d->kind == KAPI_STMT_PARAM) {
		obj.kind = KAPI_LOCKOBJ_PARAM;
		obj.param = d->param;
	} else {
		const char *var = lx->fl.fn->var_names[root];

		obj.name = var ? kapi_intern(lx->arena,
					     kapi_arena_printf(lx->arena,
							       "the lock at '%s'",
							       var)) :
			"a computed lock address";
	}
	return obj;
}

static void add_use(struct lctx *lx, const struct kapi_lock_use *use)
{
	struct kapi_lock_summary *s = lx->sum;
	unsigned int i;

	for (i = 0; i < s->nuses; i++) {
		const struct kapi_lock_use *u = &s->uses[i];

		if (same_object(&u->obj, &use->obj) && u->mode == use->mode &&
		    u->loc.line == use->loc.line && u->loc.file == use->loc.file)
			return;
	}
	if (s->nuses == lx->use_cap) {
		lx->use_cap = lx->use_cap ? lx->use_cap * 2 : 8;
		s->uses = kapi_arena_grow(lx->arena, s->uses, sizeof(*s->uses),
					  s->nuses, lx->use_cap);
	}
	s->uses[s->nuses++] = *use;
}

/* Add DELTA acquisitions (negative: releases) of HOLD's object to ST. */
static void change_hold(struct lctx *lx, struct lstate *st,
			const struct kapi_lock_hold *hold, int delta)
{
	unsigned int i, at;

	for (i = 0; i < st->nholds; i++) {
		struct kapi_lock_hold *h = &st->holds[i];

		if (!same_object(&h->obj, &hold->obj))
			continue;
		if (delta < 0 && h->count > 0 && h->mode != hold->mode &&
		    hold->mode != KAPI_LOCK_MODE_EXCL &&
		    h->mode != KAPI_LOCK_MODE_EXCL) {
			struct kapi_lock_summary *s = lx->sum;

			s->mismatches = kapi_arena_grow(lx->arena,
							s->mismatches,
							sizeof(*s->mismatches),
							s->nmismatches,
							s->nmismatches + 1);
			s->mismatches[s->nmismatches].held = *h;
			s->mismatches[s->nmismatches].loc = hold->loc;
			s->mismatches[s->nmismatches].prim = hold->prim;
			s->mismatches[s->nmismatches].mode = hold->mode;
			s->nmismatches++;
		}
		if (delta > 0 && h->count < 0 && h->mode != hold->mode)
			continue;
		h->count += delta;
		if (h->count > MAX_COUNT)
			h->count = MAX_COUNT;
		if (h->count < -MAX_COUNT)
			h->count = -MAX_COUNT;
		if (h->count == 0) {
			memmove(h, h + 1, (st->nholds - i - 1) * sizeof(*h));
			st->nholds--;
		}
		return;
	}

	if (st->nholds == MAX_HOLDS)
		return;	/* more locks than tracked: the extra one is dropped */
	for (at = 0; at < st->nholds &&
		     compare_holds(&st->holds[at], hold) < 0; at++)
		;
	memmove(&st->holds[at + 1], &st->holds[at],
		(st->nholds - at) * sizeof(*hold));
	st->holds[at] = *hold;
	st->holds[at].count = delta;
	st->nholds++;
}

/* --- the worklist ------------------------------------------------------- */

static void lstate_copy(struct lstate *dst, const struct lstate *src)
{
	struct flow_state cons = dst->cons;

	*dst = *src;
	dst->cons = cons;
	flow_state_copy(&dst->cons, &src->cons);
}

static void push(struct lctx *lx, int block, unsigned int stmt,
		 const struct lstate *st)
{
	struct work *w;

	if (lx->nwork == lx->work_cap) {
		lx->work_cap = lx->work_cap ? lx->work_cap * 2 : 32;
		lx->work = realloc(lx->work, lx->work_cap * sizeof(*lx->work));
		if (!lx->work)
			abort();
	}
	w = &lx->work[lx->nwork++];
	memset(w, 0, sizeof(*w));
	w->block = block;
	w->stmt = stmt;
	lstate_copy(&w->st, st);
}

static void add_decision(struct lstate *st, struct kapi_loc loc,
			 const char *taken)
{
	if (st->ndecisions == KAPI_LOCK_MAX_DECISIONS) {
		/* Keep the decisions closest to the end of the path. */
		memmove(st->decisions, st->decisions + 1,
			(KAPI_LOCK_MAX_DECISIONS - 1) * sizeof(st->decisions[0]));
		st->ndecisions--;
	}
	st->decisions[st->ndecisions].loc = loc;
	st->decisions[st->ndecisions].taken = taken;
	st->ndecisions++;
}

/*
 * Decide whether a state arriving at the entry of BLOCK needs exploring:
 * not when a state with the same locks and weaker constraints was there.
 * Returns -1 when the block has too many lock states.
 */
static int admit(struct lctx *lx, int block, struct lstate *st)
{
	struct seen *list = lx->seen[block];
	unsigned int i;

	for (i = 0; i < lx->nseen[block]; i++) {
		struct seen *s = &list[i];
		struct flow_state before = { 0 };
		bool same;

		if (!holds_equal(s->nholds, s->holds, st->nholds, st->holds))
			continue;
		flow_state_copy(&before, &s->cons);
		flow_state_join(&s->cons, &st->cons);
		same = flow_state_equal(&before, &s->cons);
		flow_state_release(&before);
		if (same)
			return 0;
		flow_state_copy(&st->cons, &s->cons);
		return 1;
	}
	if (lx->nseen[block] == KAPI_LOCK_MAX_STATES_PER_BLOCK)
		return -1;

	lx->seen[block] = realloc(list, (lx->nseen[block] + 1) * sizeof(*list));
	if (!lx->seen[block])
		abort();
	list = &lx->seen[block][lx->nseen[block]++];
	memset(list, 0, sizeof(*list));
	list->nholds = st->nholds;
	memcpy(list->holds, st->holds, st->nholds * sizeof(st->holds[0]));
	flow_state_copy(&list->cons, &st->cons);
	return 1;
}

/* --- exits -------------------------------------------------------------- */

/*
 * Where a path leaves the function. GCC merges the returns of a function
 * into one return statement without a location, so a path that reaches
 * it is placed at its last statement with one: the "return -EBUSY;" line
 * that set the merged return value.
 */
static struct kapi_loc exit_loc(const struct lstate *st,
				const struct kapi_term *t)
{
	return kapi_loc_known(&t->loc) ? t->loc : st->last_loc;
}

/*
 * The values the return of term T gives on the path of ST. A merged
 * return reads a PHI of the return block, whose argument on this path
 * comes from ST's predecessor block.
 */
static void return_value(struct lctx *lx, const struct lstate *st,
			 const struct kapi_term *t, struct kapi_filter *ret)
{
	struct kapi_operand v = t->value;
	const struct kapi_stmt *d;
	const struct kapi_filter *f;
	unsigned int i;

	kapi_filter_all(ret);
	if (!t->has_value)
		return;
	if (!v.is_const) {
		d = lx->fl.def[flow_root(&lx->fl, v.var)];
		if (d && d->kind == KAPI_STMT_PHI)
			for (i = 0; i < d->nphi; i++)
				if (d->phi[i].pred == st->from_block) {
					v = d->phi[i].value;
					break;
				}
	}
	if (!v.is_const) {
		d = lx->fl.def[flow_root(&lx->fl, v.var)];
		if (d && d->kind == KAPI_STMT_CONST) {
			v.is_const = true;
			v.value = d->value;
		}
	}
	if (v.is_const) {
		kapi_filter_from_cmp(ret, KAPI_CMP_EQ, v.value, false);
		return;
	}
	f = flow_state_get(&st->cons, flow_root(&lx->fl, v.var));
	if (f)
		*ret = *f;
}

static void record_exit(struct lctx *lx, const struct lstate *st,
			const struct kapi_term *t)
{
	struct kapi_lock_summary *s = lx->sum;
	struct kapi_filter ret;
	struct kapi_lock_exit *e;
	unsigned int i;

	return_value(lx, st, t, &ret);

	for (i = 0; i < s->nexits; i++) {
		e = &s->exits[i];
		if (!holds_equal(e->nholds, e->holds, st->nholds, st->holds))
			continue;
		if (lx->keep_paths && (e->loc.line != exit_loc(st, t).line ||
				       e->loc.file != exit_loc(st, t).file))
			continue;
		kapi_filter_union(&e->ret, &ret);
		return;
	}

	if (s->nexits == lx->exit_cap) {
		lx->exit_cap = lx->exit_cap ? lx->exit_cap * 2 : 8;
		s->exits = kapi_arena_grow(lx->arena, s->exits,
					   sizeof(*s->exits), s->nexits,
					   lx->exit_cap);
	}
	e = &s->exits[s->nexits++];
	memset(e, 0, sizeof(*e));
	e->ret = ret;
	e->loc = exit_loc(st, t);
	e->nholds = st->nholds;
	e->holds = kapi_arena_alloc(lx->arena, (st->nholds ? st->nholds : 1) *
				    sizeof(*e->holds));
	memcpy(e->holds, st->holds, st->nholds * sizeof(*e->holds));
	e->ndecisions = st->ndecisions;
	memcpy(e->decisions, st->decisions,
	       st->ndecisions * sizeof(st->decisions[0]));
	if (st->nholds)
		s->has_effect = true;
}

/* --- statements --------------------------------------------------------- */

static void constrain_result(struct lctx *lx, struct lstate *st, int dst,
			     const struct kapi_filter *f, bool *feasible)
{
	if (dst < 0)
		return;
	if (!flow_state_constrain(&st->cons, flow_root(&lx->fl, dst), f))
		*feasible = false;
}

static void run_primitive(struct lctx *lx, int block, unsigned int next,
			  struct lstate *st, const struct kapi_stmt *s,
			  const struct kapi_lock_prim *p, bool *forked)
{
	struct kapi_lock_hold hold;
	struct kapi_lock_use use;

	memset(&hold, 0, sizeof(hold));
	if (p->arg < 0) {
		hold.obj.kind = KAPI_LOCKOBJ_NAMED;
		hold.obj.name = p->object;
	} else if ((unsigned int)p->arg < s->nargs) {
		hold.obj = object_of(lx, &s->args[p->arg]);
	} else {
		hold.obj.kind = KAPI_LOCKOBJ_UNKNOWN;
		hold.obj.name = "a lock argument that is missing";
	}
	hold.cls = p->cls;
	hold.mode = p->mode;
	hold.loc = s->loc;
	hold.prim = p->name;

	if (p->op == KAPI_LOCK_OP_RELEASE) {
		change_hold(lx, st, &hold, -1);
		return;
	}
	if (p->op == KAPI_LOCK_OP_DOWNGRADE) {
		unsigned int i;

		for (i = 0; i < st->nholds; i++)
			if (same_object(&st->holds[i].obj, &hold.obj))
				st->holds[i].mode = KAPI_LOCK_MODE_READ;
		return;
	}

	memset(&use, 0, sizeof(use));
	use.obj = hold.obj;
	use.cls = hold.cls;
	use.mode = hold.mode;
	use.loc = hold.loc;
	use.prim = hold.prim;
	use.function = lx->fl.fn->name;
	use.visible = true;
	add_use(lx, &use);

	if (p->when != KAPI_LOCK_WHEN_ALWAYS) {
		/* The side that did not get the lock goes on separately. */
		struct lstate *miss = malloc(sizeof(*miss));
		bool feasible = true;

		if (!miss)
			abort();
		struct kapi_filter got, failed;

		/*
		 * A killable or interruptible acquisition returns 0 or a
		 * negative errno; a trylock returns non-zero when it got the
		 * lock and 0 when it did not.
		 */
		if (p->when == KAPI_LOCK_WHEN_ZERO) {
			kapi_filter_from_cmp(&got, KAPI_CMP_EQ, 0, false);
			kapi_filter_regions(&failed, KAPI_REGION_ERR);
		} else {
			kapi_filter_from_cmp(&got, KAPI_CMP_NE, 0, false);
			kapi_filter_from_cmp(&failed, KAPI_CMP_EQ, 0, false);
		}
		memset(miss, 0, sizeof(*miss));
		lstate_copy(miss, st);
		constrain_result(lx, miss, s->dst, &failed, &feasible);
		if (feasible)
			push(lx, block, next, miss);
		flow_state_release(&miss->cons);
		free(miss);

		feasible = true;
		constrain_result(lx, st, s->dst, &got, &feasible);
		if (!feasible) {
			*forked = true;
			return;
		}
	}
	change_hold(lx, st, &hold, +1);
}

/* Apply the net change of a callee exit, its parameters bound to ARGS. */
static void apply_exit(struct lctx *lx, struct lstate *st,
		       const struct kapi_stmt *s, const char *callee,
		       const struct kapi_lock_exit *e)
{
	unsigned int i;

	for (i = 0; i < e->nholds; i++) {
		struct kapi_lock_hold hold = e->holds[i];

		if (hold.obj.kind == KAPI_LOCKOBJ_PARAM) {
			if (hold.obj.param >= 0 &&
			    (unsigned int)hold.obj.param < s->nargs)
				hold.obj = object_of(lx,
						     &s->args[hold.obj.param]);
			else
				hold.obj.kind = KAPI_LOCKOBJ_UNKNOWN;
		}
		if (!hold.obj.type)
			hold.obj.type = e->holds[i].obj.type;
		hold.loc = s->loc;
		hold.prim = callee;

		if (hold.count > 0) {
			struct kapi_lock_use use;

			memset(&use, 0, sizeof(use));
			use.obj = hold.obj;
			use.cls = hold.cls;
			use.mode = hold.mode;
			use.loc = s->loc;
			use.prim = callee;
			use.function = lx->fl.fn->name;
			use.visible = true;
			add_use(lx, &use);
		}
		change_hold(lx, st, &hold, hold.count);
	}
}

/* Copy a callee's acquisitions, mismatches and unknown calls below it. */
static void inherit(struct lctx *lx, const struct kapi_stmt *s,
		    const struct kapi_lock_summary *callee)
{
	unsigned int i;

	for (i = 0; i < callee->nuses; i++) {
		struct kapi_lock_use use = callee->uses[i];

		if (use.obj.kind == KAPI_LOCKOBJ_PARAM &&
		    use.obj.param >= 0 && (unsigned int)use.obj.param < s->nargs)
			use.obj = object_of(lx, &s->args[use.obj.param]);
		use.depth++;
		add_use(lx, &use);
	}
	/* Calls that the callee could not follow are unknown here too. */
	if (lx->sum->nunknown_calls < 100000u)
		lx->sum->nunknown_calls += callee->nunknown_calls;
	for (i = 0; i < callee->nmismatches; i++) {
		struct kapi_lock_summary *sum = lx->sum;

		sum->mismatches = kapi_arena_grow(lx->arena, sum->mismatches,
						  sizeof(*sum->mismatches),
						  sum->nmismatches,
						  sum->nmismatches + 1);
		sum->mismatches[sum->nmismatches++] = callee->mismatches[i];
	}
}

/*
 * Run the call S. Returns true when the state went on in other work items
 * (a fork per callee exit) and the current one must stop.
 */
static bool run_call(struct lctx *lx, int block, unsigned int next,
		     struct lstate *st, const struct kapi_stmt *s)
{
	const struct kapi_lock_prim *p = s->indirect ? NULL :
		kapi_lock_prim_find(s->text);
	const struct kapi_lock_summary *callee;
	bool forked = false;
	unsigned int i;

	if (p) {
		run_primitive(lx, block, next, st, s, p, &forked);
		return forked;
	}
	callee = s->indirect ? NULL : lx->lookup(lx->data, s->text);
	if (!callee) {
		lx->sum->nunknown_calls++;
		return false;
	}
	inherit(lx, s, callee);
	if (!callee->has_effect)
		return false;

	/* One continuation per exit whose return values are possible. */
	for (i = 0; i < callee->nexits; i++) {
		const struct kapi_lock_exit *e = &callee->exits[i];
		struct lstate *fork = malloc(sizeof(*fork));

		if (!fork)
			abort();
		memset(fork, 0, sizeof(*fork));
		lstate_copy(fork, st);
		if (s->dst < 0 ||
		    flow_state_constrain(&fork->cons,
					 flow_root(&lx->fl, s->dst), &e->ret)) {
			apply_exit(lx, fork, s, s->text, e);
			push(lx, block, next, fork);
		}
		flow_state_release(&fork->cons);
		free(fork);
	}
	return true;
}

static void follow_edges(struct lctx *lx, int block, const struct lstate *st)
{
	const struct kapi_term *t = &lx->fl.fn->blocks[block].term;
	struct lstate *next = malloc(sizeof(*next));
	unsigned int i, k = 0;

	if (!next)
		abort();
	memset(next, 0, sizeof(*next));
	for (i = 0; i < lx->fl.out_count[block]; i++) {
		const struct flow_edge *e =
			&lx->fl.edges[lx->fl.out_first[block] + i];
		const char *taken = NULL;

		if (t->kind == KAPI_TERM_BRANCH)
			taken = k == 0 ? "true" : "false";
		else if (t->kind == KAPI_TERM_SWITCH)
			taken = k < t->ncases ?
				kapi_arena_printf(lx->arena, "case %lld",
						  (long long)t->cases[k].low) :
				"default";
		k++;
		lstate_copy(next, st);
		if (!flow_edge_apply(e, &next->cons))
			continue;
		if (taken)
			add_decision(next, t->loc, taken);
		next->from_block = block;
		push(lx, e->to, 0, next);
	}
	flow_state_release(&next->cons);
	free(next);
}

/* Run one work item to the end of its block, or until it forks. */
static void run(struct lctx *lx, struct work *w)
{
	const struct kapi_block *blk = &lx->fl.fn->blocks[w->block];
	unsigned int i;

	if (w->stmt == 0)
		flow_kill_defs(&lx->fl, w->block, &w->st.cons);

	for (i = w->stmt; i < blk->nstmts; i++) {
		const struct kapi_stmt *s = &blk->stmts[i];

		if (kapi_loc_known(&s->loc))
			w->st.last_loc = s->loc;
		if (s->kind == KAPI_STMT_CALL &&
		    run_call(lx, w->block, i + 1, &w->st, s))
			return;
	}

	if (blk->term.kind == KAPI_TERM_RETURN)
		record_exit(lx, &w->st, &blk->term);
	else
		follow_edges(lx, w->block, &w->st);
}

static void explore(struct lctx *lx)
{
	struct lstate *start = calloc(1, sizeof(*start));
	struct work w;

	if (!start)
		abort();
	start->cons.reachable = true;
	push(lx, 0, 0, start);
	flow_state_release(&start->cons);
	free(start);

	while (lx->nwork) {
		int verdict = 1;

		w = lx->work[--lx->nwork];
		if (kapi_arena_over_budget(lx->arena)) {
			lx->sum->incomplete = "the unit's analysis used up its memory budget";
			flow_state_release(&w.st.cons);
			break;
		}
		if (++lx->visits > KAPI_LOCK_MAX_VISITS) {
			lx->sum->incomplete = "too many paths";
			flow_state_release(&w.st.cons);
			break;
		}
		if (w.stmt == 0)
			verdict = admit(lx, w.block, &w.st);
		if (verdict < 0) {
			lx->sum->incomplete = kapi_arena_printf(
				lx->arena,
				"more than %d lock states at one block",
				KAPI_LOCK_MAX_STATES_PER_BLOCK);
			flow_state_release(&w.st.cons);
			break;
		}
		if (verdict > 0)
			run(lx, &w);
		flow_state_release(&w.st.cons);
	}
}

static void release_lctx(struct lctx *lx)
{
	unsigned int b, i;

	while (lx->nwork)
		flow_state_release(&lx->work[--lx->nwork].st.cons);
	free(lx->work);
	for (b = 0; b < lx->fl.fn->nblocks; b++) {
		for (i = 0; i < lx->nseen[b]; i++)
			flow_state_release(&lx->seen[b][i].cons);
		free(lx->seen[b]);
	}
	free(lx->seen);
	free(lx->nseen);
	flow_release(&lx->fl);
}

struct kapi_lock_summary *kapi_lock_summarize(struct kapi_arena *arena,
					      const struct kapi_fn_ir *fn,
					      kapi_lock_lookup lookup,
					      void *data, bool keep_paths)
{
	struct kapi_lock_summary *sum = kapi_arena_alloc(arena, sizeof(*sum));
	struct lctx lx;

	sum->name = fn->name;
	if (kapi_ir_verify(fn)) {
		sum->incomplete = "the function's IR is not sound";
		return sum;
	}

	memset(&lx, 0, sizeof(lx));
	lx.arena = arena;
	lx.sum = sum;
	lx.lookup = lookup;
	lx.data = data;
	lx.keep_paths = keep_paths;
	flow_init(&lx.fl, arena, fn);
	lx.seen = calloc(fn->nblocks, sizeof(*lx.seen));
	lx.nseen = calloc(fn->nblocks, sizeof(*lx.nseen));
	if (!lx.seen || !lx.nseen)
		abort();

	explore(&lx);
	if (sum->incomplete) {
		/* A partial exit list would claim balance it has not shown. */
		sum->nexits = 0;
		sum->has_effect = false;
	}
	release_lctx(&lx);
	return sum;
}
