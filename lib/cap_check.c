// SPDX-License-Identifier: GPL-2.0-only
/*
 * The capability and signal checks (see kapi_check_caps() in caps.h).
 *
 * Capability actions (KAPI_CAP_BYPASS_CHECK, ...) are advisory in the
 * framework, so only the capability numbers are compared. For signals the
 * checkable promise is the error: a syscall that can be interrupted in a
 * killable or interruptible wait and returns -EINTR (or a restart code,
 * which the signal code turns into -EINTR or a restart) needs a signal
 * entry whose KAPI_SIGNAL_ERROR is that code, declared among its errors.
 */
#include <string.h>

#include "kapi/caps.h"

static const char *cap_text(struct kapi_arena *arena,
			    const struct kapi_errno_table *names, int64_t cap)
{
	const char *name = kapi_errno_name(names, cap);

	if (name)
		return name;
	return kapi_arena_printf(arena, "capability %lld", (long long)cap);
}

static bool spec_declares_cap(const struct kapi_spec *spec, int64_t cap)
{
	unsigned int i, j;

	for (i = 0; i < spec->caps.n; i++) {
		const struct kapi_spec_capability *c = &spec->caps.v[i];

		if (c->has_capability && c->capability == cap)
			return true;
		/* KAPI_CAP_ALTERNATIVE: another capability that serves. */
		for (j = 0; j < c->nalternatives; j++)
			if (c->alternatives[j] == cap)
				return true;
	}
	return false;
}

static void add_chain(struct kapi_findings *out, struct kapi_finding *f,
		      const struct kapi_cap_use *u,
		      const struct kapi_spec *spec)
{
	kapi_finding_chain_notes(out, f, u->chain, spec->name, spec->loc);
}

static void check_capabilities(struct kapi_arena *arena,
			       const struct kapi_spec *spec,
			       const struct kapi_cap_summary *impl,
			       const struct kapi_errno_table *names,
			       struct kapi_findings *out)
{
	unsigned int i, j;
	bool complete = impl->nunknown_calls == 0;

	for (i = 0; i < impl->ncaps; i++) {
		const struct kapi_cap_use *u = &impl->caps[i];
		struct kapi_finding *f;

		if (!u->known) {
			complete = false;
			continue;
		}
		if (spec_declares_cap(spec, u->cap))
			continue;
		f = kapi_findings_add(out, KAPI_CHECK_CAP_UNDECLARED, spec->name,
				      u->loc,
				      "'%s' checks %s through '%s', which its spec does not declare",
				      spec->name, cap_text(arena, names, u->cap),
				      u->prim);
		kapi_finding_set_value(out, f, cap_text(arena, names, u->cap));
		add_chain(out, f, u, spec);
	}

	if (!complete)
		return;
	for (i = 0; i < spec->caps.n; i++) {
		const struct kapi_spec_capability *c = &spec->caps.v[i];
		bool seen = false;
		const char *name;
		struct kapi_finding *f;

		if (!c->has_capability)
			continue;
		for (j = 0; j < impl->ncaps; j++)
			seen |= impl->caps[j].known &&
				impl->caps[j].cap == c->capability;
		if (seen)
			continue;
		name = cap_text(arena, names, c->capability);
		f = kapi_findings_add(out, KAPI_CHECK_CAP_UNCHECKED, spec->name,
				      spec->loc,
				      "spec '%s' declares %s, but no path of '%s' checks it",
				      spec->name, name, impl->name);
		kapi_finding_set_value(out, f, name);
	}
}

/* Whether CODE is -EINTR or a restart code that user space sees as one. */
static bool is_eintr_class(const struct kapi_errno_table *errnos, int64_t code)
{
	static const char *const names[] = {
		"EINTR", "ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND",
		"ERESTART_RESTARTBLOCK",
	};
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		int64_t v = kapi_errno_value(errnos, names[i]);

		if (v && code == -v)
			return true;
	}
	return false;
}

static bool same_name(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/*
 * The wait to report for the -EINTR of ERR: one in the function that
 * produces the code (mutex_lock_killable() in the helper that returns
 * -EINTR), else one in a function on the code's call chain, else the
 * first wait found. A wait elsewhere, in a helper that returns nothing,
 * cannot be what makes the syscall fail.
 */
static const struct kapi_cap_use *pick_wait(const struct kapi_cap_summary *impl,
					    const struct kapi_errno_entry *err)
{
	const struct kapi_atom *src = err->source;
	const struct kapi_chain *c;
	unsigned int i;

	if (!src)
		return &impl->waits[0];
	for (i = 0; i < impl->nwaits; i++)
		if (same_name(impl->waits[i].function, src->origin))
			return &impl->waits[i];
	for (c = src->chain; c; c = c->next)
		for (i = 0; i < impl->nwaits; i++)
			if (same_name(impl->waits[i].function, c->callee))
				return &impl->waits[i];
	return &impl->waits[0];
}

static void check_signals(struct kapi_arena *arena,
			  const struct kapi_spec *spec,
			  const struct kapi_cap_summary *impl,
			  const struct kapi_errno_report *errors,
			  const struct kapi_errno_table *errnos,
			  struct kapi_findings *out)
{
	const struct kapi_errno_entry *eintr = NULL;
	bool covered = false;
	unsigned int i;

	for (i = 0; errors && i < errors->nerrnos; i++)
		if (is_eintr_class(errnos, errors->errnos[i].code)) {
			eintr = &errors->errnos[i];
			break;
		}

	for (i = 0; i < spec->signals.n; i++) {
		const struct kapi_spec_signal *s = &spec->signals.v[i];
		const char *error;
		struct kapi_finding *f;

		if (!s->has_error || s->error_on_signal == 0)
			continue;
		/* A positive error is a malformed spec (kapi_spec_validate). */
		error = kapi_errno_format(arena, errnos, s->error_on_signal);
		if (s->error_on_signal < 0 &&
		    !kapi_spec_find_error(spec, s->error_on_signal)) {
			f = kapi_findings_add(out, KAPI_CHECK_SIGNAL_ERROR,
					      spec->name, spec->loc,
					      "spec '%s': signal entry %d ('%s') returns %s, which the spec's errors do not declare",
					      spec->name, s->index,
					      s->signal_name ? s->signal_name : "?",
					      error);
			kapi_finding_set_value(out, f, error);
		}
		if (is_eintr_class(errnos, s->error_on_signal))
			covered = true;
		if (impl->nwaits == 0 && impl->nunknown_calls == 0) {
			f = kapi_findings_add(out, KAPI_CHECK_SIGNAL_UNUSED,
					      spec->name, spec->loc,
					      "spec '%s': signal entry %d ('%s') returns %s, but no path of '%s' waits interruptibly",
					      spec->name, s->index,
					      s->signal_name ? s->signal_name : "?",
					      error, impl->name);
			kapi_finding_set_value(out, f, error);
		}
	}

	if (impl->nwaits && eintr && !covered) {
		const struct kapi_cap_use *w = pick_wait(impl, eintr);
		struct kapi_finding *f;

		f = kapi_findings_add(out, KAPI_CHECK_SIGNAL_UNCOVERED, spec->name,
				      w->loc,
				      "'%s' waits in '%s' and can return %s, but no signal entry of its spec gives that error (KAPI_SIGNAL_ERROR)",
				      spec->name, w->prim, eintr->name);
		kapi_finding_set_value(out, f, eintr->name);
		add_chain(out, f, w, spec);
	}
}

void kapi_check_caps(struct kapi_arena *arena, struct kapi_caps *caps,
		     const struct kapi_spec *spec,
		     const struct kapi_errno_report *errors,
		     const struct kapi_errno_table *cap_names,
		     const struct kapi_errno_table *errnos,
		     struct kapi_findings *out)
{
	const struct kapi_cap_summary *impl;

	if (!errors || !errors->impl)
		return;
	impl = kapi_caps_of(caps, errors->impl);
	if (!impl)
		return;
	check_capabilities(arena, spec, impl, cap_names, out);
	check_signals(arena, spec, impl, errors, errnos, out);
}

static void format_use(const struct kapi_cap_use *u, const char *strip,
		       struct kapi_buf *out)
{
	const char *file = kapi_strip_path(u->loc.file, strip);
	const struct kapi_chain *c;

	kapi_buf_printf(out, "%s:%u:%u in %.*s", file, u->loc.line,
			u->loc.column,
			u->function ? (int)strcspn(u->function, "@") : 1,
			u->function ? u->function : "?");
	for (c = u->chain; c; c = c->next)
		kapi_buf_printf(out, "%s%.*s", c == u->chain ? ", via " : " > ",
				(int)strcspn(c->callee, "@"), c->callee);
	kapi_buf_puts(out, "\n");
}

void kapi_caps_report_format(const struct kapi_spec *spec,
			     const struct kapi_cap_summary *impl,
			     const struct kapi_errno_table *cap_names,
			     const char *strip_prefix, struct kapi_buf *out)
{
	unsigned int i;

	kapi_buf_printf(out, "%s: capabilities and signal waits\n", spec->name);
	if (!impl) {
		kapi_buf_puts(out, "  body not found\n");
		return;
	}
	for (i = 0; i < impl->ncaps; i++) {
		const struct kapi_cap_use *u = &impl->caps[i];
		const char *name = u->known ? kapi_errno_name(cap_names, u->cap) :
			NULL;

		if (u->known && name)
			kapi_buf_printf(out, "  capability %-22s %-10s %s ", name,
					spec_declares_cap(spec, u->cap) ?
					"declared" : "UNDECLARED", u->prim);
		else if (u->known)
			kapi_buf_printf(out, "  capability %-22lld %-10s %s ",
					(long long)u->cap,
					spec_declares_cap(spec, u->cap) ?
					"declared" : "UNDECLARED", u->prim);
		else if (u->param >= 0)
			kapi_buf_printf(out, "  capability unknown (parameter %d of '%.*s') %s ",
					u->param,
					(int)strcspn(impl->name, "@"), impl->name,
					u->prim);
		else
			kapi_buf_printf(out, "  capability unknown (%s) %s ",
					u->unknown ? u->unknown : "?", u->prim);
		format_use(u, strip_prefix, out);
	}
	for (i = 0; i < impl->nwaits; i++) {
		kapi_buf_printf(out, "  wait %-33s ", impl->waits[i].prim);
		format_use(&impl->waits[i], strip_prefix, out);
	}
	if (impl->ncaps == 0 && impl->nwaits == 0)
		kapi_buf_puts(out, "  none found\n");
	if (impl->nunknown_calls >= KAPI_CAPS_MANY_CALLS)
		kapi_buf_printf(out, "  %u or more external or indirect calls not followed\n",
				KAPI_CAPS_MANY_CALLS);
	else if (impl->nunknown_calls)
		kapi_buf_printf(out, "  %u external or indirect call%s not followed\n",
				impl->nunknown_calls,
				impl->nunknown_calls == 1 ? "" : "s");
}
