// SPDX-License-Identifier: GPL-2.0-only
/*
 * The errno checks: a specified syscall's computed errno set against the
 * errors its spec declares (see include/kapi/check.h for the messages).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/check.h"

#define MAX_IMPL_NAMES 16

static const char *find_impl(struct kapi_arena *arena,
			     struct kapi_program *prog,
			     const struct kapi_spec *spec,
			     const char **names, unsigned int *nnames)
{
	unsigned int i;

	*nnames = kapi_spec_impl_names(arena, spec->name, names,
				       MAX_IMPL_NAMES);
	for (i = 0; i < *nnames; i++) {
		/* A whole build names static functions NAME@UNIT. */
		if (spec->unit) {
			const char *local = kapi_intern(arena,
				kapi_arena_printf(arena, "%s@%s", names[i],
						  spec->unit));

			if (kapi_program_find(prog, local))
				return local;
		}
		if (kapi_program_find(prog, names[i]))
			return names[i];
	}
	return NULL;
}

static struct kapi_errno_entry *find_errno(struct kapi_errno_report *r,
					   int64_t code)
{
	unsigned int i;

	for (i = 0; i < r->nerrnos; i++)
		if (r->errnos[i].code == code)
			return &r->errnos[i];
	return NULL;
}

/* The kernel-internal codes: not errnos of user space (linux/errno.h). */
#define KAPI_FIRST_INTERNAL_ERRNO 512

/* Whether CODE is a restart code, which the signal code turns into -EINTR. */
static bool is_restart(const struct kapi_errno_table *errnos, int64_t code)
{
	static const char *const names[] = {
		"ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND",
		"ERESTART_RESTARTBLOCK",
	};
	static const int64_t fallback[] = { 512, 513, 514, 516 };
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		int64_t v = kapi_errno_value(errnos, names[i]);

		if (-code == (v ? v : fallback[i]))
			return true;
	}
	return false;
}

/*
 * Whether VALUE, returned as a positive number, is an errno: a value of
 * the table other than 1, which is far more often "true" or a count.
 */
static bool is_positive_errno(const struct kapi_errno_table *errnos,
			      int64_t value)
{
	return value > 1 && value < KAPI_FIRST_INTERNAL_ERRNO &&
	       kapi_errno_name(errnos, value) != NULL;
}

static void add_errno(struct kapi_arena *arena, struct kapi_errno_report *r,
		      const struct kapi_errno_table *errnos, int64_t code,
		      const struct kapi_atom *source)
{
	struct kapi_errno_entry *e;
	int64_t eintr = kapi_errno_value(errnos, "EINTR");

	if (find_errno(r, code))
		return;
	r->errnos = kapi_arena_grow(arena, r->errnos, sizeof(*r->errnos),
				    r->nerrnos, r->nerrnos + 1);
	e = &r->errnos[r->nerrnos++];
	memset(e, 0, sizeof(*e));
	e->code = code;
	e->name = kapi_errno_format(arena, errnos, code);
	e->restart = is_restart(errnos, code);
	e->internal = !e->restart && -code >= KAPI_FIRST_INTERNAL_ERRNO;
	e->declared = r->spec && kapi_spec_find_error(r->spec, code) != NULL;
	if (e->restart && r->spec && eintr)
		e->declared |= kapi_spec_find_error(r->spec, -eintr) != NULL;
	e->source = source;
}

static void add_unknown(struct kapi_arena *arena, struct kapi_errno_report *r,
			const char *what, const struct kapi_atom *source)
{
	unsigned int i;

	for (i = 0; i < r->nunknown; i++)
		if (strcmp(r->unknown[i].what, what) == 0)
			return;
	r->unknown = kapi_arena_grow(arena, r->unknown, sizeof(*r->unknown),
				     r->nunknown, r->nunknown + 1);
	r->unknown[r->nunknown].what = what;
	r->unknown[r->nunknown].source = source;
	r->nunknown++;
}

/* Whether VALUE (not an errno) is a success value the spec allows. */
static bool success_allowed(const struct kapi_spec_return *ret, int64_t value,
			    const char **expected, struct kapi_arena *arena)
{
	if (!ret->present || !ret->has_check_type)
		return true;

	switch (ret->check_type) {
	case KAPI_RETURN_CHECK_EXACT:
	case KAPI_RETURN_CHECK_ERROR:
		if (!ret->has_success_value)
			return true;
		*expected = kapi_arena_printf(arena, "returns %lld on success",
					      (long long)ret->success_value);
		return value == ret->success_value;
	case KAPI_RETURN_CHECK_RANGE:
		if (!ret->has_success_range)
			return true;
		*expected = kapi_arena_printf(arena,
					      "returns %lld to %lld on success",
					      (long long)ret->success_min,
					      (long long)ret->success_max);
		return value >= ret->success_min && value <= ret->success_max;
	case KAPI_RETURN_CHECK_FD:
		*expected = "returns a file descriptor on success";
		return value >= 0;
	}
	return true;
}

/* Whether the spec says VALUE is a success value (not only "no claim"). */
static bool success_declared(const struct kapi_spec_return *ret, int64_t value,
			     struct kapi_arena *arena)
{
	const char *expected = NULL;

	return success_allowed(ret, value, &expected, arena) && expected;
}

static void add_chain_notes(struct kapi_findings *out, struct kapi_finding *f,
			    const struct kapi_atom *source,
			    const struct kapi_spec *spec)
{
	kapi_finding_chain_notes(out, f, source->chain, spec->name, spec->loc);
}

struct unexpected {
	int64_t value;
	const struct kapi_atom *source;
};

static void check_success_value(struct kapi_arena *arena,
				const struct kapi_spec *spec, int64_t value,
				const struct kapi_atom *source,
				struct unexpected **seen, unsigned int *nseen,
				struct kapi_findings *out)
{
	const char *expected = "";
	struct kapi_finding *f;
	unsigned int i;

	if (success_allowed(&spec->ret, value, &expected, arena))
		return;
	for (i = 0; i < *nseen; i++)
		if ((*seen)[i].value == value)
			return;
	*seen = kapi_arena_grow(arena, *seen, sizeof(**seen), *nseen,
				*nseen + 1);
	(*seen)[*nseen].value = value;
	(*seen)[(*nseen)++].source = source;

	f = kapi_findings_add(out, KAPI_CHECK_RETURN_UNEXPECTED, spec->name,
			      source->loc,
			      "'%s' can return %lld, but its spec says it %s",
			      spec->name, (long long)value, expected);
	kapi_finding_set_value(out, f, kapi_arena_printf(arena, "%lld",
							   (long long)value));
	add_chain_notes(out, f, source, spec);
}

static const char *param_text(struct kapi_arena *arena,
			      const struct kapi_summary *impl,
			      const struct kapi_atom *a)
{
	const char *name = NULL;

	if (impl->param_names && a->ref >= 0 &&
	    (unsigned int)a->ref < impl->nparams)
		name = impl->param_names[a->ref];
	if (name)
		return kapi_arena_printf(arena, "parameter '%s'", name);
	return kapi_arena_printf(arena, "parameter %d", a->ref);
}

/* Sort the computed set by name, so that reports are stable. */
static int compare_errno(const void *a, const void *b)
{
	const struct kapi_errno_entry *x = a, *y = b;

	return strcmp(x->name, y->name);
}

static int compare_unknown(const void *a, const void *b)
{
	const struct kapi_unknown_entry *x = a, *y = b;

	return strcmp(x->what, y->what);
}

static void classify(struct kapi_arena *arena, struct kapi_program *prog,
		     const struct kapi_spec *spec,
		     const struct kapi_errno_table *errnos,
		     const struct kapi_valueset *ret,
		     struct kapi_errno_report *r, struct kapi_findings *out)
{
	const struct kapi_summary *impl = kapi_program_find(prog, r->impl);
	struct unexpected *seen = NULL;
	unsigned int nseen = 0, i, j;

	for (i = 0; i < ret->n; i++) {
		const struct kapi_atom *a = &ret->atoms[i];

		if (a->kind == KAPI_ATOM_CONST) {
			if (kapi_value_region(a->value) == KAPI_REGION_ERR)
				add_errno(arena, r, errnos, a->value, a);
			else if (!is_positive_errno(errnos, a->value) ||
				 success_declared(&spec->ret, a->value, arena))
				check_success_value(arena, spec, a->value, a,
						    &seen, &nseen, out);
			continue;
		}

		/* A value tested equal to constants is those constants. */
		if (a->filter.only) {
			for (j = 0; j < a->filter.nvalues; j++) {
				int64_t v = a->filter.values[j];

				if (kapi_value_region(v) == KAPI_REGION_ERR)
					add_errno(arena, r, errnos, v, a);
				else
					check_success_value(arena, spec, v, a,
							    &seen, &nseen,
							    out);
			}
			continue;
		}
		if (!kapi_atom_may_be_errno(a))
			continue;
		if (a->kind == KAPI_ATOM_PARAM)
			add_unknown(arena, r, param_text(arena, impl, a), a);
		else if (a->kind == KAPI_ATOM_UNKNOWN)
			add_unknown(arena, r, a->text, a);
		else
			add_unknown(arena, r, "a value the analysis cannot name",
				    a);
	}

	if (r->nerrnos > 1)
		qsort(r->errnos, r->nerrnos, sizeof(*r->errnos),
		      compare_errno);
	if (r->nunknown > 1)
		qsort(r->unknown, r->nunknown, sizeof(*r->unknown),
		      compare_unknown);
}

/*
 * An analysis cut short by a limit loses values without a word, so report
 * it once at the spec, with or without verbose. The findings printed are
 * right, but some may be missing.
 */
static void report_incomplete(const struct kapi_spec *spec,
			      const struct kapi_errno_report *r,
			      struct kapi_findings *out)
{
	struct kapi_finding *f;

	if (!r->incomplete)
		return;
	f = kapi_findings_add(out, KAPI_CHECK_ANALYSIS_INCOMPLETE, spec->name,
			      spec->loc,
			      "the analysis of '%s' stopped early, so its findings may be incomplete: %s",
			      spec->name, r->incomplete);
	f->note_only = true;
}

static void report_undeclared(const struct kapi_spec *spec,
			      const struct kapi_errno_report *r,
			      struct kapi_findings *out)
{
	unsigned int i;

	for (i = 0; i < r->nerrnos; i++) {
		const struct kapi_errno_entry *e = &r->errnos[i];
		struct kapi_finding *f;

		/* Internal codes get their own finding, declared or not. */
		if (e->declared || e->internal)
			continue;
		f = kapi_findings_add(out, KAPI_CHECK_ERRNO_UNDECLARED,
				      spec->name, e->source->loc,
				      "'%s' can return %s%s, which its spec does not declare",
				      spec->name, e->name,
				      e->restart ? " (user space sees -EINTR or a restart)" : "");
		kapi_finding_set_value(out, f, e->name);
		add_chain_notes(out, f, e->source, spec);
	}
}

/* Kernel-internal codes reaching the return of LABEL's body. */
static void report_internal(const char *label, const struct kapi_spec *spec,
			    const struct kapi_errno_report *r,
			    struct kapi_findings *out)
{
	unsigned int i;

	for (i = 0; i < r->nerrnos; i++) {
		const struct kapi_errno_entry *e = &r->errnos[i];
		struct kapi_finding *f;
		const struct kapi_chain *c;

		if (!e->internal)
			continue;
		f = kapi_findings_add(out, KAPI_CHECK_ERRNO_INTERNAL, label,
				      e->source->loc,
				      "'%s' can return %s, a kernel-internal code that must not reach user space",
				      label, e->name);
		kapi_finding_set_value(out, f, e->name);
		if (spec) {
			add_chain_notes(out, f, e->source, spec);
			continue;
		}
		for (c = e->source->chain; c; c = c->next)
			kapi_finding_note(out, f, c->loc,
					  "through the call to '%s' here",
					  c->callee);
	}
}


static struct kapi_arena *arena_of(struct kapi_findings *out)
{
	return out->arena;
}

/*
 * Whether a positive VALUE is an errno with its minus sign forgotten. The
 * compiled code cannot tell "return EINVAL;" from "return 22;", and a
 * count or mode number often equals some errno (2 is ENOENT), so the
 * value alone is no evidence. It is taken as an errno when the same code
 * is an errno of this syscall anyway: one that the spec declares, or that
 * a path returns negated. A forgotten sign on any other errno is missed.
 */
static bool used_as_errno(const struct kapi_spec *spec,
			  const struct kapi_errno_report *r, int64_t value)
{
	if (find_errno((struct kapi_errno_report *)r, -value))
		return true;
	return spec && kapi_spec_find_error(spec, -value) != NULL;
}

static void report_positive(const char *label, const struct kapi_spec *spec,
			    const struct kapi_errno_table *errnos,
			    const struct kapi_valueset *ret,
			    const struct kapi_errno_report *r,
			    struct kapi_findings *out)
{
	unsigned int i, j;

	if (r->nerrnos == 0)
		return;
	for (i = 0; i < ret->n; i++) {
		const struct kapi_atom *a = &ret->atoms[i];
		struct kapi_finding *f;
		bool dup = false;

		if (a->kind != KAPI_ATOM_CONST ||
		    !is_positive_errno(errnos, a->value) ||
		    !used_as_errno(spec, r, a->value))
			continue;
		/* A success value the spec allows is not an errno. */
		if (spec && success_declared(&spec->ret, a->value, arena_of(out)))
			continue;
		for (j = 0; j < i; j++)
			dup |= ret->atoms[j].kind == KAPI_ATOM_CONST &&
			       ret->atoms[j].value == a->value;
		if (dup)
			continue;
		f = kapi_findings_add(out, KAPI_CHECK_ERRNO_POSITIVE, label,
				      a->loc,
				      "'%s' can return %lld, the positive value of %s, while it returns negative error codes elsewhere",
				      label, (long long)a->value,
				      kapi_errno_name(errnos, a->value));
		kapi_finding_set_value(out, f, kapi_errno_name(errnos, a->value));
		if (spec)
			add_chain_notes(out, f, a, spec);
	}
}

void kapi_check_internal_errnos(struct kapi_arena *arena,
				struct kapi_program *prog, const char *impl,
				const char *label,
				const struct kapi_errno_table *errnos,
				struct kapi_findings *out)
{
	const struct kapi_valueset *ret = kapi_solve_returns(prog, impl, NULL);
	struct kapi_errno_report r;
	unsigned int i, j;

	if (!ret)
		return;
	memset(&r, 0, sizeof(r));
	r.impl = impl;
	for (i = 0; i < ret->n; i++) {
		const struct kapi_atom *a = &ret->atoms[i];

		if (a->kind == KAPI_ATOM_CONST &&
		    kapi_value_region(a->value) == KAPI_REGION_ERR)
			add_errno(arena, &r, errnos, a->value, a);
		for (j = 0; a->kind != KAPI_ATOM_CONST && a->filter.only &&
			    j < a->filter.nvalues; j++)
			if (kapi_value_region(a->filter.values[j]) ==
			    KAPI_REGION_ERR)
				add_errno(arena, &r, errnos,
					  a->filter.values[j], a);
	}
	report_internal(label, NULL, &r, out);
	report_positive(label, NULL, errnos, ret, &r, out);
}

static void report_unreturned(struct kapi_arena *arena,
			      const struct kapi_spec *spec,
			      const struct kapi_errno_table *errnos,
			      const struct kapi_errno_report *r,
			      struct kapi_findings *out)
{
	unsigned int i;

	int64_t eintr = kapi_errno_value(errnos, "EINTR");
	bool restart = false;

	/* A restart code reaches user space as -EINTR (or a restart). */
	for (i = 0; i < r->nerrnos; i++)
		restart |= r->errnos[i].restart;

	for (i = 0; i < spec->errors.n; i++) {
		const struct kapi_spec_error *e = &spec->errors.v[i];

		if (!e->has_code || e->code >= 0 || find_errno(
			    (struct kapi_errno_report *)r, e->code))
			continue;
		if (restart && eintr && e->code == -eintr)
			continue;
		const char *name = kapi_errno_format(arena, errnos, e->code);
		struct kapi_finding *f;

		f = kapi_findings_add(out, KAPI_CHECK_ERRNO_UNRETURNED,
				      spec->name, spec->loc,
				      "spec '%s' declares %s, but no path of '%s' returns it",
				      spec->name, name,
				      kapi_display_name(arena, r->impl));
		kapi_finding_set_value(out, f, name);
	}
}

void kapi_check_errnos(struct kapi_arena *arena, struct kapi_program *prog,
		       const struct kapi_spec *spec,
		       const struct kapi_errno_table *errnos,
		       bool require_impl, struct kapi_findings *out,
		       struct kapi_errno_report *report)
{
	const char *names[MAX_IMPL_NAMES];
	struct kapi_errno_report local;
	struct kapi_errno_report *r = report ? report : &local;
	const struct kapi_valueset *ret;
	unsigned int nnames;

	memset(r, 0, sizeof(*r));
	r->spec = spec;
	r->impl = find_impl(arena, prog, spec, names, &nnames);
	if (!r->impl) {
		r->incomplete = "no function of this unit holds the body";
		/* An empty name is reported by kapi_spec_validate(). */
		if (require_impl && nnames > 0 && spec->name[0])
			kapi_findings_add(out, KAPI_CHECK_SPEC_NO_IMPL,
					  spec->name, spec->loc,
					  "spec '%s' matches no function of this unit (looked for '%s'%s)",
					  spec->name, names[0],
					  nnames > 1 ? " and the other syscall entry points" : "");
		return;
	}

	ret = kapi_solve_returns(prog, r->impl, &r->incomplete);
	classify(arena, prog, spec, errnos, ret, r, out);
	r->complete = r->nunknown == 0 && !r->incomplete;

	report_incomplete(spec, r, out);
	report_undeclared(spec, r, out);
	report_internal(spec->name, spec, r, out);
	report_positive(spec->name, spec, errnos, ret, r, out);
	if (r->complete)
		report_unreturned(arena, spec, errnos, r, out);
}

/* --- the audit table ---------------------------------------------------- */


static void format_loc(const struct kapi_loc *loc, const char *strip,
		       struct kapi_buf *out)
{
	kapi_buf_printf(out, "%s:%u:%u", kapi_strip_path(loc->file, strip), loc->line,
			loc->column);
}

static void format_source(const struct kapi_atom *a, const char *strip,
			  struct kapi_buf *out)
{
	const struct kapi_chain *c;

	format_loc(&a->loc, strip, out);
	if (a->origin)
		kapi_buf_printf(out, " in %s", a->origin);
	for (c = a->chain; c; c = c->next) {
		kapi_buf_puts(out, c == a->chain ? ", via " : " > ");
		kapi_buf_printf(out, "%.*s (", (int)strcspn(c->callee, "@"),
				c->callee);
		format_loc(&c->loc, strip, out);
		kapi_buf_puts(out, ")");
	}
}

void kapi_errno_report_format(const struct kapi_errno_report *r,
			      const char *strip_prefix, struct kapi_buf *out)
{
	const struct kapi_spec *spec = r->spec;
	unsigned int i;

	kapi_buf_printf(out, "%s: errno table (spec at ", spec->name);
	format_loc(&spec->loc, strip_prefix, out);
	kapi_buf_printf(out, ", body %.*s)\n",
			r->impl ? (int)strcspn(r->impl, "@") : 9,
			r->impl ? r->impl : "not found");

	for (i = 0; i < r->nerrnos; i++) {
		const struct kapi_errno_entry *e = &r->errnos[i];

		kapi_buf_printf(out, "  %-16s %-10s ", e->name,
				e->declared ? "declared" : "UNDECLARED");
		format_source(e->source, strip_prefix, out);
		kapi_buf_puts(out, "\n");
	}

	for (i = 0; i < spec->errors.n; i++) {
		const struct kapi_spec_error *e = &spec->errors.v[i];
		char name[32];

		if (!e->has_code || e->code >= 0 ||
		    find_errno((struct kapi_errno_report *)r, e->code))
			continue;
		snprintf(name, sizeof(name), "-%s", e->name ? e->name : "?");
		kapi_buf_printf(out, "  %-16s %-10s %s\n", name, "declared",
				r->complete ? "no path returns it" :
				"not returned by any analysed path");
	}

	for (i = 0; i < r->nunknown; i++) {
		kapi_buf_printf(out, "  unknown: %s at ", r->unknown[i].what);
		format_source(r->unknown[i].source, strip_prefix, out);
		kapi_buf_puts(out, "\n");
	}

	if (r->complete)
		kapi_buf_puts(out, "  result: complete\n");
	else if (r->incomplete)
		kapi_buf_printf(out, "  result: not decided (%s)\n",
				r->incomplete);
	else
		kapi_buf_printf(out,
				"  result: not decided (%u unknown source%s), so declared errnos that no path returns are not reported\n",
				r->nunknown, r->nunknown == 1 ? "" : "s");
}
