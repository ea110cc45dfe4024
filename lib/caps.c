// SPDX-License-Identifier: GPL-2.0-only
/*
 * Capability checks and interruptible waits below a function, from the
 * summaries of a program (see include/kapi/caps.h).
 *
 * The result of a function is kept in terms of its own parameters (a
 * wrapper that passes its argument to ns_capable() reports "parameter 1")
 * and resolved at each call, like the errno results of solve.c.
 */
#include <string.h>

#include "kapi/callgraph.h"
#include "kapi/caps.h"

/* CAP_SYS_ADMIN and the capabilities the fixed-capability helpers test. */
#define CAP_SYS_ADMIN		21
#define CAP_PERFMON		38
#define CAP_BPF			39
#define CAP_CHECKPOINT_RESTORE	40

struct cap_prim {
	const char *name;
	int arg;		/* argument with the capability, -1: fixed */
	int fixed[2];		/* fixed capabilities, -1 for none */
};

/*
 * The kernel's capability tests (kernel/capability.c, include/linux/
 * capability.h, net/core/sock.c, net/netlink/af_netlink.c). The fixed
 * helpers accept either capability, so both count as checked.
 */
static const struct cap_prim cap_prims[] = {
	{ "capable", 0, { -1, -1 } },
	{ "ns_capable", 1, { -1, -1 } },
	{ "ns_capable_noaudit", 1, { -1, -1 } },
	{ "ns_capable_setid", 1, { -1, -1 } },
	{ "capable_wrt_inode_uidgid", 2, { -1, -1 } },
	{ "has_capability", 1, { -1, -1 } },
	{ "has_capability_noaudit", 1, { -1, -1 } },
	{ "has_ns_capability", 2, { -1, -1 } },
	{ "has_ns_capability_noaudit", 2, { -1, -1 } },
	{ "file_ns_capable", 2, { -1, -1 } },
	{ "sk_capable", 1, { -1, -1 } },
	{ "sk_ns_capable", 2, { -1, -1 } },
	{ "sk_net_capable", 1, { -1, -1 } },
	{ "netlink_capable", 1, { -1, -1 } },
	{ "netlink_ns_capable", 2, { -1, -1 } },
	{ "netlink_net_capable", 1, { -1, -1 } },
	{ "sockopt_ns_capable", 1, { -1, -1 } },
	{ "perfmon_capable", -1, { CAP_PERFMON, CAP_SYS_ADMIN } },
	{ "bpf_capable", -1, { CAP_BPF, CAP_SYS_ADMIN } },
	{ "checkpoint_restore_ns_capable", -1,
	  { CAP_CHECKPOINT_RESTORE, CAP_SYS_ADMIN } },
};

/*
 * Waits that a signal can cut short: the killable and interruptible lock
 * and sleep primitives and the pending-signal tests that such loops use.
 */
static const char *const wait_prims[] = {
	"signal_pending",
	"fatal_signal_pending",
	"__fatal_signal_pending",
	"signal_pending_state",
	"down_read_killable",
	"down_read_killable_nested",
	"down_read_interruptible",
	"down_write_killable",
	"down_write_killable_nested",
	"down_interruptible",
	"down_killable",
	"mutex_lock_interruptible",
	"mutex_lock_interruptible_nested",
	"mutex_lock_killable",
	"mutex_lock_killable_nested",
	"wait_for_completion_interruptible",
	"wait_for_completion_interruptible_timeout",
	"wait_for_completion_killable",
	"wait_for_completion_killable_timeout",
	"schedule_timeout_interruptible",
	"schedule_timeout_killable",
	"msleep_interruptible",
	"prepare_to_wait_event",
};

static const struct cap_prim *cap_prim_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(cap_prims) / sizeof(cap_prims[0]); i++)
		if (strcmp(cap_prims[i].name, name) == 0)
			return &cap_prims[i];
	return NULL;
}

static bool is_wait_prim(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(wait_prims) / sizeof(wait_prims[0]); i++)
		if (strcmp(wait_prims[i], name) == 0)
			return true;
	return false;
}

bool kapi_cap_prim_known(const char *name)
{
	return name && cap_prim_find(name) != NULL;
}

struct memo {
	const char *name;
	struct kapi_cap_summary *sum;	/* empty until first computed */
	bool final;			/* a fixpoint was reached */
};

struct kapi_caps {
	struct kapi_arena *arena;
	struct kapi_program *prog;
	unsigned int n;
	/* Open addressing by name; a syscall reaches tens of thousands. */
	struct memo **slots;
	unsigned int nslots;
};

struct kapi_caps *kapi_caps_new(struct kapi_arena *arena,
				struct kapi_program *prog)
{
	struct kapi_caps *c = kapi_arena_alloc(arena, sizeof(*c));

	c->arena = arena;
	c->prog = prog;
	return c;
}

static unsigned int hash_name(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct memo *memo_find(struct kapi_caps *c, const char *name)
{
	unsigned int j;

	if (!c->nslots)
		return NULL;
	for (j = hash_name(name) & (c->nslots - 1); c->slots[j];
	     j = (j + 1) & (c->nslots - 1))
		if (strcmp(c->slots[j]->name, name) == 0)
			return c->slots[j];
	return NULL;
}

static void memo_insert(struct memo **slots, unsigned int nslots,
			struct memo *m)
{
	unsigned int j = hash_name(m->name) & (nslots - 1);

	while (slots[j])
		j = (j + 1) & (nslots - 1);
	slots[j] = m;
}

static struct memo *memo_add(struct kapi_caps *c, const char *name)
{
	struct memo *m = kapi_arena_alloc(c->arena, sizeof(*m));
	unsigned int i;

	m->name = name;
	m->sum = kapi_arena_alloc(c->arena, sizeof(*m->sum));
	m->sum->name = name;

	if ((c->n + 1) * 2 > c->nslots) {
		struct memo **old = c->slots;
		unsigned int nold = c->nslots;

		c->nslots = nold ? nold * 2 : 64;
		c->slots = kapi_arena_alloc(c->arena,
					    c->nslots * sizeof(*c->slots));
		for (i = 0; i < nold; i++)
			if (old[i])
				memo_insert(c->slots, c->nslots, old[i]);
	}
	memo_insert(c->slots, c->nslots, m);
	c->n++;
	return m;
}

static const struct kapi_cap_summary *current_of(struct kapi_caps *c,
						 const char *name);

static unsigned int chain_length(const struct kapi_chain *chain)
{
	unsigned int n = 0;

	for (; chain; chain = chain->next)
		n++;
	return n;
}

static void add_use(struct kapi_arena *arena, struct kapi_cap_use **v,
		    unsigned int *n, const struct kapi_cap_use *use)
{
	unsigned int i;

	for (i = 0; i < *n; i++) {
		struct kapi_cap_use *u = &(*v)[i];

		if (u->loc.line != use->loc.line || u->loc.file != use->loc.file ||
		    u->known != use->known || u->cap != use->cap ||
		    u->param != use->param)
			continue;
		/*
		 * Inside a cycle the same use comes back around it: keep the
		 * shortest way there, the one a reader can follow.
		 */
		if (chain_length(use->chain) < chain_length(u->chain))
			*u = *use;
		return;
	}
	*v = kapi_arena_grow(arena, *v, sizeof(**v), *n, *n + 1);
	(*v)[(*n)++] = *use;
}

/*
 * The capability values of argument set ARGS at a call in F, appended to
 * OUT as uses based on TEMPLATE: constants, F's parameters, results of
 * F's calls resolved to constants, or unknown.
 */
static void resolve_cap_arg(struct kapi_caps *c, const struct kapi_summary *f,
			    const struct kapi_valueset *args,
			    const struct kapi_cap_use *template,
			    struct kapi_cap_summary *out)
{
	unsigned int i, j;

	for (i = 0; i < args->n; i++) {
		const struct kapi_atom *a = &args->atoms[i];
		struct kapi_cap_use use = *template;

		use.param = -1;
		if (a->kind == KAPI_ATOM_CONST) {
			use.known = true;
			use.cap = a->value;
		} else if (a->kind == KAPI_ATOM_PARAM) {
			use.param = a->ref;
		} else if (a->kind == KAPI_ATOM_CALL && a->ref >= 0 &&
			   (unsigned int)a->ref < f->ncalls) {
			const struct kapi_valueset *r = kapi_solve_returns(
				c->prog, f->calls[a->ref].callee, NULL);

			for (j = 0; r && j < r->n; j++) {
				use.known = r->atoms[j].kind == KAPI_ATOM_CONST;
				use.cap = r->atoms[j].value;
				use.unknown = use.known ? NULL :
					"a value returned by a call";
				add_use(c->arena, &out->caps, &out->ncaps, &use);
			}
			if (!r) {
				use.unknown = kapi_arena_printf(
					c->arena, "the result of '%s'",
					f->calls[a->ref].callee);
				add_use(c->arena, &out->caps, &out->ncaps,
					&use);
			}
			continue;
		} else {
			use.unknown = a->kind == KAPI_ATOM_UNKNOWN && a->text ?
				a->text : "a value the analysis cannot name";
		}
		add_use(c->arena, &out->caps, &out->ncaps, &use);
	}
}

static const struct kapi_chain *chain_call(struct kapi_caps *c,
					   const struct kapi_summary *f,
					   const struct kapi_callsite *cs,
					   const struct kapi_chain *next)
{
	struct kapi_chain *ch = kapi_arena_alloc(c->arena, sizeof(*ch));

	ch->caller = f->name;
	ch->callee = cs->callee;
	ch->loc = cs->loc;
	ch->next = next;
	return ch;
}

/*
 * Waits that take the task state as an argument: only a state with
 * TASK_INTERRUPTIBLE or TASK_WAKEKILL (include/linux/sched.h: 0x1 and
 * 0x100, so TASK_KILLABLE 0x102 counts) lets a signal end the wait.
 */
struct state_wait {
	const char *name;
	unsigned int arg;		/* index of the state argument */
};

static const struct state_wait state_waits[] = {
	{ "prepare_to_wait_event", 2 },
	{ "signal_pending_state", 0 },
};

#define TASK_STATE_SIGNAL_BITS	(0x0001 | 0x0100)

/*
 * Whether call CS of a state-taking wait is known not to be woken by
 * signals: every value its state argument can have is a constant without
 * the signal bits. A state that is not a constant keeps the wait.
 */
static bool is_uninterruptible_wait(struct kapi_caps *c,
				    const struct kapi_callsite *cs)
{
	const struct kapi_valueset *state;
	unsigned int i, j;

	for (i = 0; i < sizeof(state_waits) / sizeof(state_waits[0]); i++) {
		if (strcmp(state_waits[i].name, cs->callee) != 0)
			continue;
		if (state_waits[i].arg >= cs->nargs)
			return false;
		state = &kapi_callsite_args(c->arena, cs)[state_waits[i].arg];
		if (state->n == 0 || state->widened)
			return false;
		for (j = 0; j < state->n; j++)
			if (state->atoms[j].kind != KAPI_ATOM_CONST ||
			    (state->atoms[j].value & TASK_STATE_SIGNAL_BITS))
				return false;
		return true;
	}
	return false;
}

static void visit_call(struct kapi_caps *c, const struct kapi_summary *f,
		       const struct kapi_callsite *cs,
		       struct kapi_cap_summary *out)
{
	const struct cap_prim *p = cs->indirect ? NULL :
		cap_prim_find(cs->callee);
	const struct kapi_cap_summary *g;
	struct kapi_cap_use use;
	unsigned int i;

	memset(&use, 0, sizeof(use));
	use.prim = cs->callee;
	use.loc = cs->loc;
	use.function = f->name;
	use.param = -1;

	if (p) {
		for (i = 0; p->arg < 0 && i < 2; i++) {
			if (p->fixed[i] < 0)
				continue;
			use.known = true;
			use.cap = p->fixed[i];
			add_use(c->arena, &out->caps, &out->ncaps, &use);
		}
		if (p->arg >= 0 && (unsigned int)p->arg < cs->nargs)
			resolve_cap_arg(c, f,
					&kapi_callsite_args(c->arena, cs)[p->arg],
					&use, out);
		return;
	}
	if (!cs->indirect && is_wait_prim(cs->callee)) {
		if (is_uninterruptible_wait(c, cs))
			return;
		add_use(c->arena, &out->waits, &out->nwaits, &use);
		return;
	}

	g = cs->indirect ? NULL : current_of(c, cs->callee);
	if (!g) {
		if (cs->indirect || !kapi_program_find(c->prog, cs->callee))
			out->nunknown_calls++;
		return;
	}
	/* Shared callees are counted once per path: saturate, do not wrap. */
	if (out->nunknown_calls < KAPI_CAPS_MANY_CALLS)
		out->nunknown_calls += g->nunknown_calls < KAPI_CAPS_MANY_CALLS ?
			g->nunknown_calls : KAPI_CAPS_MANY_CALLS;
	if (out->nunknown_calls > KAPI_CAPS_MANY_CALLS)
		out->nunknown_calls = KAPI_CAPS_MANY_CALLS;

	for (i = 0; i < g->ncaps; i++) {
		struct kapi_cap_use u = g->caps[i];

		u.chain = chain_call(c, f, cs, u.chain);
		if (u.param < 0) {
			add_use(c->arena, &out->caps, &out->ncaps, &u);
		} else if ((unsigned int)u.param < cs->nargs) {
			resolve_cap_arg(c, f,
					&kapi_callsite_args(c->arena, cs)[u.param],
					&u, out);
		}
	}
	for (i = 0; i < g->nwaits; i++) {
		struct kapi_cap_use u = g->waits[i];

		u.chain = chain_call(c, f, cs, u.chain);
		add_use(c->arena, &out->waits, &out->nwaits, &u);
	}
}

/* The summary of NAME as far as it is known now, during a fixpoint. */
static const struct kapi_cap_summary *current_of(struct kapi_caps *c,
						 const char *name)
{
	struct memo *m = memo_find(c, name);

	if (m)
		return m->sum;
	return kapi_caps_of(c, name);
}

static bool same_counts(const struct kapi_cap_summary *a,
			const struct kapi_cap_summary *b)
{
	return a->ncaps == b->ncaps && a->nwaits == b->nwaits &&
	       a->nunknown_calls == b->nunknown_calls;
}

/* The callees whose summaries visit_call() reads. */
static const struct kapi_summary *cap_edge(void *data,
					   const struct kapi_summary *f,
					   unsigned int site)
{
	struct kapi_caps *c = data;
	const struct kapi_callsite *cs = &f->calls[site];
	const struct memo *m;

	if (cs->indirect || !cs->reachable || cap_prim_find(cs->callee) ||
	    is_wait_prim(cs->callee))
		return NULL;
	m = memo_find(c, cs->callee);
	if (m && m->final)
		return NULL;
	return kapi_program_find(c->prog, cs->callee);
}

/* Recompute the summary of F from its calls; whether its counts grew. */
static bool recompute(struct kapi_caps *c, const struct kapi_summary *f)
{
	struct memo *m = memo_find(c, f->name);
	struct kapi_cap_summary *out = kapi_arena_alloc(c->arena, sizeof(*out));
	unsigned int k;
	bool grew;

	out->name = m->name;
	for (k = 0; k < f->ncalls; k++)
		if (f->calls[k].reachable)
			visit_call(c, f, &f->calls[k], out);
	grew = !same_counts(out, m->sum);
	m->sum = out;
	return grew;
}

/*
 * Compute the summaries of NAME and of every function it reaches that has
 * none yet, callees first: a function outside a cycle is computed once,
 * and the functions of one cycle are iterated together until nothing
 * grows, so recursive functions see each other's checks.
 */
const struct kapi_cap_summary *kapi_caps_of(struct kapi_caps *c,
					    const char *name)
{
	const struct kapi_summary *f = kapi_program_find(c->prog, name);
	struct kapi_scc_order order;
	struct memo *m;
	unsigned int s, i, round;

	if (!f)
		return NULL;
	m = memo_find(c, f->name);
	if (m && m->final)
		return m->sum;

	kapi_callgraph_sccs(f, cap_edge, c, &order);
	for (i = 0; i < order.n; i++)
		if (!memo_find(c, order.fns[i]->name))
			memo_add(c, order.fns[i]->name);

	for (s = 0; s < order.nsccs; s++) {
		bool changed = true;

		for (round = 0; changed && round < KAPI_SOLVE_MAX_ROUNDS;
		     round++) {
			changed = false;
			for (i = order.start[s]; i < order.start[s + 1]; i++)
				changed |= recompute(c, order.fns[i]);
			if (!order.cyclic[s])
				break;
		}
		for (i = order.start[s]; i < order.start[s + 1]; i++)
			memo_find(c, order.fns[i]->name)->final = true;
	}
	kapi_scc_order_release(&order);
	return memo_find(c, f->name)->sum;
}
