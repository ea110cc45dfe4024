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
	struct memo **v;
};

struct kapi_caps *kapi_caps_new(struct kapi_arena *arena,
				struct kapi_program *prog)
{
	struct kapi_caps *c = kapi_arena_alloc(arena, sizeof(*c));

	c->arena = arena;
	c->prog = prog;
	return c;
}

static struct memo *memo_find(struct kapi_caps *c, const char *name)
{
	unsigned int i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i]->name, name) == 0)
			return c->v[i];
	return NULL;
}

static struct memo *memo_add(struct kapi_caps *c, const char *name)
{
	struct memo *m = kapi_arena_alloc(c->arena, sizeof(*m));

	m->name = name;
	m->sum = kapi_arena_alloc(c->arena, sizeof(*m->sum));
	m->sum->name = name;
	c->v = kapi_arena_grow(c->arena, c->v, sizeof(*c->v), c->n, c->n + 1);
	c->v[c->n++] = m;
	return m;
}

static const struct kapi_cap_summary *current_of(struct kapi_caps *c,
						 const char *name);

static void add_use(struct kapi_arena *arena, struct kapi_cap_use **v,
		    unsigned int *n, const struct kapi_cap_use *use)
{
	unsigned int i;

	for (i = 0; i < *n; i++) {
		const struct kapi_cap_use *u = &(*v)[i];

		if (u->loc.line == use->loc.line && u->loc.file == use->loc.file &&
		    u->known == use->known && u->cap == use->cap &&
		    u->param == use->param)
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
			resolve_cap_arg(c, f, &cs->args[p->arg], &use, out);
		return;
	}
	if (!cs->indirect && is_wait_prim(cs->callee)) {
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
			resolve_cap_arg(c, f, &cs->args[u.param], &u, out);
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

/*
 * Compute the summaries of NAME and of every function it reaches that has
 * none yet, to a fixpoint: recursive functions see each other's checks.
 */
const struct kapi_cap_summary *kapi_caps_of(struct kapi_caps *c,
					    const char *name)
{
	const struct kapi_summary *f = kapi_program_find(c->prog, name);
	struct memo **list = NULL;
	struct memo *m;
	unsigned int n = 0, i, k, round;
	bool changed = true;

	if (!f)
		return NULL;
	m = memo_find(c, name);
	if (m && m->final)
		return m->sum;

	/* Collect the functions below NAME without a final summary. */
	if (!m)
		m = memo_add(c, f->name);
	list = kapi_arena_grow(c->arena, list, sizeof(*list), n, n + 1);
	list[n++] = m;
	for (i = 0; i < n; i++) {
		const struct kapi_summary *s = kapi_program_find(c->prog,
								 list[i]->name);

		for (k = 0; s && k < s->ncalls; k++) {
			const struct kapi_summary *g;

			if (s->calls[k].indirect || !s->calls[k].reachable ||
			    memo_find(c, s->calls[k].callee))
				continue;
			g = kapi_program_find(c->prog, s->calls[k].callee);
			if (!g)
				continue;
			list = kapi_arena_grow(c->arena, list, sizeof(*list),
					       n, n + 1);
			list[n++] = memo_add(c, g->name);
		}
	}

	/* Recompute all, callees first, until nothing grows. */
	for (round = 0; changed && round < KAPI_SOLVE_MAX_ROUNDS; round++) {
		changed = false;
		for (i = n; i-- > 0;) {
			const struct kapi_summary *s =
				kapi_program_find(c->prog, list[i]->name);
			struct kapi_cap_summary *out;

			if (list[i]->final)
				continue;
			out = kapi_arena_alloc(c->arena, sizeof(*out));
			out->name = list[i]->name;
			for (k = 0; k < s->ncalls; k++)
				if (s->calls[k].reachable)
					visit_call(c, s, &s->calls[k], out);
			if (!same_counts(out, list[i]->sum))
				changed = true;
			list[i]->sum = out;
		}
	}
	for (i = 0; i < n; i++)
		list[i]->final = true;
	return m->sum;
}
