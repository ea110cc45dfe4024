// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lock checks: a syscall's lock behaviour against its KAPI_LOCK
 * entries (see kapi_check_locks() in include/kapi/lock.h).
 *
 * Each spec entry says how the syscall changes the lock: taken and
 * dropped inside (net 0), acquired and kept (net +1), released (net -1,
 * the caller held it), or held by the caller throughout. RFC v1 to v4
 * write this as four flags, RFC v5 and later as a scope value.
 */
#include <stdio.h>
#include <string.h>

#include "kapi/lock.h"

/* Values of enum kapi_lock_type (every version) and kapi_lock_scope. */
#define SPEC_LOCK_MUTEX		1
#define SPEC_LOCK_SPINLOCK	2
#define SPEC_LOCK_RWLOCK	3
#define SPEC_LOCK_SEQLOCK	4
#define SPEC_LOCK_RCU		5
#define SPEC_LOCK_SEMAPHORE	6
#define SCOPE_INTERNAL		0
#define SCOPE_ACQUIRES		1
#define SCOPE_RELEASES		2
#define SCOPE_CALLER_HELD	3

/* The net count a spec entry promises at a return, and whether held on entry. */
static int expected_net(const struct kapi_spec_lock *l, bool *caller_held)
{
	*caller_held = false;
	if (kapi_spec_lock_scope_quirk(l))
		return 0;
	if (l->has_scope) {
		*caller_held = l->scope == SCOPE_CALLER_HELD ||
			       l->scope == SCOPE_RELEASES;
		if (l->scope == SCOPE_ACQUIRES)
			return 1;
		if (l->scope == SCOPE_RELEASES)
			return -1;
		return 0;
	}
	*caller_held = l->held_on_entry || (l->released && !l->acquired);
	if (l->acquired && l->released)
		return 0;
	if (l->acquired || (!l->held_on_entry && l->held_on_exit))
		return 1;
	if (l->released || (l->held_on_entry && !l->held_on_exit))
		return -1;
	return 0;
}

static const char *obj_text(const struct kapi_lockobj *o)
{
	return o->name ? o->name : "?";
}

/* The spec entry that names lock object OBJ, or NULL. */
static const struct kapi_spec_lock *
spec_lock_for(const struct kapi_spec *spec,
	      const struct kapi_lock_aliases *aliases,
	      const struct kapi_lockobj *obj)
{
	unsigned int i;

	if (obj->kind != KAPI_LOCKOBJ_NAMED)
		return NULL;
	for (i = 0; i < spec->locks.n; i++)
		if (kapi_lock_name_matches(aliases, spec->locks.v[i].name,
					   obj->name))
			return &spec->locks.v[i];
	return NULL;
}

/* Whether any use or exit of IMPL touches an object matching L. */
static bool spec_lock_seen(const struct kapi_spec_lock *l,
			   const struct kapi_lock_summary *impl,
			   const struct kapi_lock_aliases *aliases)
{
	unsigned int i, j;

	for (i = 0; i < impl->nuses; i++)
		if (impl->uses[i].obj.kind == KAPI_LOCKOBJ_NAMED &&
		    kapi_lock_name_matches(aliases, l->name,
					   impl->uses[i].obj.name))
			return true;
	for (i = 0; i < impl->nexits; i++)
		for (j = 0; j < impl->exits[i].nholds; j++) {
			const struct kapi_lockobj *o =
				&impl->exits[i].holds[j].obj;

			if (o->kind == KAPI_LOCKOBJ_NAMED &&
			    kapi_lock_name_matches(aliases, l->name, o->name))
				return true;
		}
	return false;
}

/* Whether exit E may return something that is not an errno. */
static bool exit_may_succeed(const struct kapi_lock_exit *e)
{
	struct kapi_filter ok;

	kapi_filter_regions(&ok, KAPI_REGION_ALL & ~KAPI_REGION_ERR);
	kapi_filter_intersect(&ok, &e->ret);
	return !kapi_filter_is_empty(&ok);
}

static void add_path_notes(struct kapi_findings *out, struct kapi_finding *f,
			   const struct kapi_lock_exit *e)
{
	unsigned int i;

	for (i = 0; i < e->ndecisions; i++)
		kapi_finding_note(out, f, e->decisions[i].loc,
				  "on this path, the condition here is %s",
				  e->decisions[i].taken);
}

/*
 * Whether a lock finding for H's object at E's return is there already:
 * loops give one exit per saturated count, all with the same message.
 */
static bool already_reported(const struct kapi_findings *out,
			     const struct kapi_spec *spec,
			     const struct kapi_lock_exit *e,
			     const struct kapi_lock_hold *h)
{
	char quoted[256];
	unsigned int i;

	snprintf(quoted, sizeof(quoted), "'%s'", obj_text(&h->obj));
	for (i = 0; i < out->n; i++) {
		const struct kapi_finding *f = &out->v[i];

		if ((f->check == KAPI_CHECK_LOCK_IMBALANCE ||
		     f->check == KAPI_CHECK_LOCK_HELD) &&
		    f->function == spec->name && f->loc.line == e->loc.line &&
		    f->loc.file == e->loc.file && strstr(f->message, quoted))
			return true;
	}
	return false;
}

static void report_exit_hold(const struct kapi_spec *spec,
			     const struct kapi_lock_summary *impl,
			     const struct kapi_lock_exit *e,
			     const struct kapi_lock_hold *h,
			     const struct kapi_spec_lock *l,
			     struct kapi_findings *out)
{
	bool caller_held = false;
	int expect = l ? expected_net(l, &caller_held) : 0;
	enum kapi_check_id id = expect == 0 ? KAPI_CHECK_LOCK_IMBALANCE :
		KAPI_CHECK_LOCK_HELD;
	struct kapi_finding *f;

	if (h->count == expect)
		return;
	if (already_reported(out, spec, e, h))
		return;
	if (!l && h->count < 0)
		return;		/* a lock the caller may hold: no claim */
	if (expect != 0 && !exit_may_succeed(e))
		return;		/* error paths may undo an acquisition */

	if (h->count > expect)
		f = kapi_findings_add(out, id, spec->name, e->loc,
				      "'%s' returns with '%s' still held (%s mode), but %s",
				      spec->name, obj_text(&h->obj),
				      kapi_lock_mode_name(h->mode),
				      !l ? "its spec lists no such lock" :
				      expect == 0 ?
				      "its spec says the lock is acquired and released inside" :
				      expect < 0 ?
				      "its spec says the lock is released inside" :
				      "its spec says the lock is held once on exit");
	else if (expect > 0)
		f = kapi_findings_add(out, id, spec->name, e->loc,
				      "'%s' returns without holding '%s', but its spec says the lock is held on exit",
				      spec->name, obj_text(&h->obj));
	else
		f = kapi_findings_add(out, id, spec->name, e->loc,
				      "'%s' releases '%s' more often than it takes it on this path",
				      spec->name, obj_text(&h->obj));
	kapi_finding_set_value(out, f, obj_text(&h->obj));

	/* A lock missing on the path has no acquisition to point at. */
	if (h->prim)
		kapi_finding_note(out, f, h->loc, "'%s' %s here by '%s'",
				  obj_text(&h->obj),
				  h->count > 0 ? "acquired" : "released",
				  h->prim);
	add_path_notes(out, f, e);
}

/* Holds and spec entries at one exit: what is there, and what is missing. */
static void check_exit(const struct kapi_spec *spec,
		       const struct kapi_lock_summary *impl,
		       const struct kapi_lock_exit *e,
		       const struct kapi_lock_aliases *aliases,
		       struct kapi_findings *out)
{
	unsigned int i, j;

	for (i = 0; i < e->nholds; i++) {
		const struct kapi_lock_hold *h = &e->holds[i];

		if (h->obj.kind != KAPI_LOCKOBJ_NAMED)
			continue;
		report_exit_hold(spec, impl, e, h,
				 spec_lock_for(spec, aliases, &h->obj), out);
	}

	/* Spec entries whose lock should have a count here but has none. */
	for (i = 0; i < spec->locks.n; i++) {
		const struct kapi_spec_lock *l = &spec->locks.v[i];
		struct kapi_lock_hold none;
		bool caller_held, present = false;

		if (expected_net(l, &caller_held) == 0 ||
		    !spec_lock_seen(l, impl, aliases))
			continue;
		for (j = 0; j < e->nholds; j++)
			present |= e->holds[j].obj.kind == KAPI_LOCKOBJ_NAMED &&
				   kapi_lock_name_matches(aliases, l->name,
							  e->holds[j].obj.name);
		if (present)
			continue;
		memset(&none, 0, sizeof(none));
		none.obj.kind = KAPI_LOCKOBJ_NAMED;
		none.obj.name = l->name;
		none.loc = e->loc;
		none.prim = NULL;
		report_exit_hold(spec, impl, e, &none, l, out);
	}
}

static void check_mismatches(const struct kapi_spec *spec,
			     const struct kapi_lock_summary *impl,
			     struct kapi_findings *out)
{
	unsigned int i, j;

	for (i = 0; i < impl->nmismatches; i++) {
		const struct kapi_lock_mismatch *m = &impl->mismatches[i];
		struct kapi_finding *f;
		bool dup = false;

		for (j = 0; j < i; j++)
			dup |= impl->mismatches[j].loc.line == m->loc.line &&
			       impl->mismatches[j].loc.file == m->loc.file;
		if (dup)
			continue;
		f = kapi_findings_add(out, KAPI_CHECK_LOCK_MODE, spec->name,
				      m->loc,
				      "'%s' is released in %s mode by '%s' but was taken in %s mode",
				      obj_text(&m->held.obj),
				      kapi_lock_mode_name(m->mode),
				      m->prim ? m->prim : "?",
				      kapi_lock_mode_name(m->held.mode));
		kapi_finding_set_value(out, f, obj_text(&m->held.obj));
		kapi_finding_note(out, f, m->held.loc, "'%s' taken here by '%s'",
				  obj_text(&m->held.obj),
				  m->held.prim ? m->held.prim : "?");
	}
}

/* Whether USE is reported, not only listed in the audit. */
static bool use_reported(const struct kapi_lock_use *use,
			 const struct kapi_spec *spec, unsigned int depth)
{
	if (use->obj.kind != KAPI_LOCKOBJ_NAMED)
		return false;
	if (use->visible && use->loc.file && spec->loc.file &&
	    strcmp(use->loc.file, spec->loc.file) == 0)
		return true;
	return depth > 0 && use->depth <= depth;
}

static const char *spec_lock_type_name(int64_t lock_type)
{
	static const char *const names[] = {
		"KAPI_LOCK_NONE", "KAPI_LOCK_MUTEX", "KAPI_LOCK_SPINLOCK",
		"KAPI_LOCK_RWLOCK", "KAPI_LOCK_SEQLOCK", "KAPI_LOCK_RCU",
		"KAPI_LOCK_SEMAPHORE", "KAPI_LOCK_CUSTOM",
	};

	if (lock_type >= 0 && lock_type < 8)
		return names[lock_type];
	return "an unknown lock type";
}

static bool kind_compatible(enum kapi_lock_class cls, int64_t lock_type)
{
	switch (cls) {
	case KAPI_LOCK_CLASS_RWSEM:
		/* The enum has no rw_semaphore value. */
		return lock_type == SPEC_LOCK_RWLOCK ||
		       lock_type == SPEC_LOCK_SEMAPHORE;
	case KAPI_LOCK_CLASS_MUTEX:
		return lock_type == SPEC_LOCK_MUTEX;
	case KAPI_LOCK_CLASS_SPINLOCK:
		return lock_type == SPEC_LOCK_SPINLOCK;
	case KAPI_LOCK_CLASS_RWLOCK:
		return lock_type == SPEC_LOCK_RWLOCK;
	case KAPI_LOCK_CLASS_SEQLOCK:
		return lock_type == SPEC_LOCK_SEQLOCK;
	case KAPI_LOCK_CLASS_RCU:
		return lock_type == SPEC_LOCK_RCU;
	case KAPI_LOCK_CLASS_SEMAPHORE:
		return lock_type == SPEC_LOCK_SEMAPHORE;
	case KAPI_LOCK_CLASS_UNKNOWN:
		break;
	}
	return true;
}

static void check_uses(const struct kapi_spec *spec,
		       const struct kapi_lock_summary *impl,
		       const struct kapi_lock_aliases *aliases,
		       unsigned int depth, struct kapi_findings *out)
{
	unsigned int i, j;

	for (i = 0; i < impl->nuses; i++) {
		const struct kapi_lock_use *u = &impl->uses[i];
		const struct kapi_spec_lock *l;
		enum kapi_lock_class cls;
		bool dup = false;
		struct kapi_finding *f;
		int mode;

		if (!use_reported(u, spec, depth))
			continue;
		for (j = 0; j < i; j++)
			dup |= impl->uses[j].obj.kind == KAPI_LOCKOBJ_NAMED &&
			       use_reported(&impl->uses[j], spec, depth) &&
			       strcmp(impl->uses[j].obj.name, u->obj.name) == 0 &&
			       impl->uses[j].mode == u->mode;
		if (dup)
			continue;

		l = spec_lock_for(spec, aliases, &u->obj);
		if (!l) {
			f = kapi_findings_add(out, KAPI_CHECK_LOCK_UNDECLARED,
					      spec->name, u->loc,
					      "'%s' takes '%s' (%s, %s mode) through '%s', but its spec lists no such lock",
					      spec->name, u->obj.name,
					      kapi_lock_class_name(u->cls),
					      kapi_lock_mode_name(u->mode),
					      u->prim ? u->prim : "?");
			kapi_finding_set_value(out, f, u->obj.name);
			continue;
		}

		mode = kapi_lock_spec_mode(l);
		if (mode >= 0 && u->mode != KAPI_LOCK_MODE_EXCL &&
		    (int)u->mode != mode) {
			f = kapi_findings_add(out, KAPI_CHECK_LOCK_MODE,
					      spec->name, u->loc,
					      "'%s' is taken in %s mode here, but spec '%s' says %s mode",
					      u->obj.name,
					      kapi_lock_mode_name(u->mode),
					      spec->name,
					      kapi_lock_mode_name(
						  (enum kapi_lock_mode)mode));
			kapi_finding_set_value(out, f, u->obj.name);
		}

		cls = u->obj.type ? kapi_lock_class_of_type(u->obj.type) :
			u->cls;
		if (!kind_compatible(cls, l->lock_type)) {
			f = kapi_findings_add(out, KAPI_CHECK_LOCK_KIND,
					      spec->name, spec->loc,
					      "spec '%s' declares '%s' as %s, but '%s' is a %s",
					      spec->name, l->name,
					      spec_lock_type_name(l->lock_type),
					      u->obj.name,
					      u->obj.type ? u->obj.type :
					      kapi_lock_class_name(cls));
			kapi_finding_set_value(out, f, u->obj.name);
		}
	}
}

static void check_unused(const struct kapi_spec *spec,
			 const struct kapi_lock_summary *impl,
			 const struct kapi_lock_aliases *aliases,
			 struct kapi_findings *out)
{
	unsigned int i;

	/* Calls the analysis cannot see into may take any lock. */
	if (impl->nunknown_calls || impl->incomplete)
		return;
	for (i = 0; i < spec->locks.n; i++) {
		const struct kapi_spec_lock *l = &spec->locks.v[i];
		bool caller_held;
		struct kapi_finding *f;

		expected_net(l, &caller_held);
		if (caller_held || spec_lock_seen(l, impl, aliases))
			continue;
		f = kapi_findings_add(out, KAPI_CHECK_LOCK_UNUSED, spec->name,
				      spec->loc,
				      "spec '%s' declares lock '%s', but no path of '%s' takes it",
				      spec->name, l->name ? l->name : "?",
				      impl->name);
		kapi_finding_set_value(out, f, l->name);
	}
}

void kapi_check_locks(struct kapi_arena *arena, const struct kapi_spec *spec,
		      const struct kapi_lock_summary *impl,
		      const struct kapi_lock_aliases *aliases,
		      unsigned int report_depth, struct kapi_findings *out)
{
	unsigned int i;

	(void)arena;
	if (!impl || impl->incomplete)
		return;
	for (i = 0; i < impl->nexits; i++)
		check_exit(spec, impl, &impl->exits[i], aliases, out);
	check_mismatches(spec, impl, out);
	check_uses(spec, impl, aliases, report_depth, out);
	check_unused(spec, impl, aliases, out);
}

/* --- the audit table ---------------------------------------------------- */


/* Whether every exit leaves OBJ at the same net count. */
static bool balanced(const struct kapi_lock_summary *impl,
		     const struct kapi_lockobj *obj)
{
	unsigned int i, j;
	int first = 0;
	bool have = false;

	for (i = 0; i < impl->nexits; i++) {
		int count = 0;

		for (j = 0; j < impl->exits[i].nholds; j++) {
			const struct kapi_lock_hold *h = &impl->exits[i].holds[j];

			if (h->obj.kind == obj->kind && h->obj.name && obj->name &&
			    strcmp(h->obj.name, obj->name) == 0)
				count += h->count;
		}
		if (have && count != first)
			return false;
		first = count;
		have = true;
	}
	return !have || first == 0;
}

void kapi_lock_report_format(const struct kapi_spec *spec,
			     const struct kapi_lock_summary *impl,
			     const char *strip_prefix, struct kapi_buf *out)
{
	unsigned int i;

	kapi_buf_printf(out, "%s: locks (body %s)\n", spec->name,
			impl ? impl->name : "not found");
	if (!impl)
		return;
	if (impl->incomplete) {
		kapi_buf_printf(out, "  not analysed: %s\n", impl->incomplete);
		return;
	}
	for (i = 0; i < impl->nuses; i++) {
		const struct kapi_lock_use *u = &impl->uses[i];

		kapi_buf_printf(out, "  %-20s %-6s %-13s %s:%u:%u in %s via %s, depth %u, %s%s\n",
				obj_text(&u->obj), kapi_lock_mode_name(u->mode),
				kapi_lock_class_name(u->cls),
				kapi_strip_path(u->loc.file, strip_prefix),
				u->loc.line, u->loc.column,
				u->function ? u->function : "?",
				u->prim ? u->prim : "?", u->depth,
				balanced(impl, &u->obj) ? "balanced" :
				"NOT balanced on every path",
				u->visible ? "" : " (inside a callee)");
	}
	if (impl->nuses == 0)
		kapi_buf_puts(out, "  no lock taken\n");
	if (impl->nunknown_calls)
		kapi_buf_printf(out,
				"  %u call%s without a lock summary (assumed to leave locks as they are)\n",
				impl->nunknown_calls,
				impl->nunknown_calls == 1 ? "" : "s");
}
