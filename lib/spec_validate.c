// SPDX-License-Identifier: GPL-2.0-only
/*
 * Checks of a spec against itself: what a compiler accepts but a consumer
 * of the spec would read wrongly (see kapi_spec_validate() in spec.h).
 *
 * The framework never derives a count from the entries, so a count that
 * disagrees with them hides entries from (or invents entries for) every
 * consumer, and an index hole leaves a zeroed entry in the middle.
 */
#include <stdlib.h>
#include <string.h>

#include <stddef.h>
#include "kapi/spec.h"
#include "kapi/suppress.h"

_Static_assert(offsetof(struct kapi_spec_param, index) == 0, "index first");
_Static_assert(offsetof(struct kapi_spec_error, index) == 0, "index first");
_Static_assert(offsetof(struct kapi_spec_lock, index) == 0, "index first");
_Static_assert(offsetof(struct kapi_spec_signal, index) == 0, "index first");
_Static_assert(offsetof(struct kapi_spec_capability, index) == 0,
	       "index first");

/*
 * The ranges a value can have in any kernel: errno codes go down to
 * -MAX_ERRNO (include/linux/err.h), kernel_cap_t has 64 capability bits,
 * _NSIG is at most 128 (MIPS; 64 elsewhere), and
 * enum kapi_lock_type ends at KAPI_LOCK_CUSTOM. Signal number 0 stands for
 * "any fatal signal" in the RFC specs (the sys_mlock spec uses it).
 */
#define MAX_ERRNO	4095
#define MAX_CAP		63
#define MAX_SIGNAL	128
#define MAX_LOCK_TYPE	7

struct entry_list {
	const char *what;		/* "error", "param", ... */
	const char *count_field;	/* "error_count" */
	const struct kapi_spec_count *count;
	unsigned int n;
	const int *index;		/* NULL when indexes are not known */
};

/* Whether MEMBER is there but could not be read (reported on its own). */
static bool is_bad_member(const struct kapi_spec *spec, const char *member)
{
	unsigned int i;

	for (i = 0; i < spec->bad_members.n; i++)
		if (strcmp(spec->bad_members.v[i].member, member) == 0)
			return true;
	return false;
}

static void check_count(const struct kapi_spec *spec,
			const struct entry_list *l, struct kapi_findings *out,
			int *added)
{
	if (l->count->present && l->count->value < (int64_t)l->n) {
		/* The framework reads only COUNT entries; kapi-check reads all. */
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': %s is %lld but %u %s entr%s initialized, so readers of the spec see only the first %lld; kapi-check checks every entry",
				  spec->name, l->count_field,
				  (long long)l->count->value, l->n, l->what,
				  l->n == 1 ? "y is" : "ies are",
				  (long long)l->count->value);
		(*added)++;
	} else if (l->count->present && l->count->value != (int64_t)l->n) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': %s is %lld but %u %s entr%s initialized",
				  spec->name, l->count_field,
				  (long long)l->count->value, l->n, l->what,
				  l->n == 1 ? "y is" : "ies are");
		(*added)++;
	} else if (!l->count->present && l->n > 0 &&
		   !is_bad_member(spec, l->count_field)) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s' has %u %s entr%s but no %s, so readers of the spec see none",
				  spec->name, l->n, l->what,
				  l->n == 1 ? "y" : "ies", l->count_field);
		(*added)++;
	}
}

static int compare_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Duplicate indexes, and holes below the highest index or the count. */
static void check_indexes(const struct kapi_spec *spec,
			  const struct entry_list *l,
			  struct kapi_findings *out, int *added)
{
	int *sorted, expect, last = -1;
	unsigned int i;

	if (!l->index || l->n == 0)
		return;
	sorted = malloc(l->n * sizeof(int));
	if (!sorted)
		return;
	memcpy(sorted, l->index, l->n * sizeof(int));
	qsort(sorted, l->n, sizeof(int), compare_int);

	for (i = 0; i < l->n; i++) {
		if (sorted[i] < 0) {
			kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
					  spec->name, spec->loc,
					  "spec '%s': %s entry has negative index %d",
					  spec->name, l->what, sorted[i]);
			(*added)++;
			continue;
		}
		if (sorted[i] == last) {
			kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
					  spec->name, spec->loc,
					  "spec '%s': %s index %d is initialized more than once",
					  spec->name, l->what, sorted[i]);
			(*added)++;
			continue;
		}
		for (expect = last + 1; expect < sorted[i]; expect++) {
			kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
					  spec->name, spec->loc,
					  "spec '%s': %s index %d is missing (entries up to %d are initialized)",
					  spec->name, l->what, expect,
					  sorted[l->n - 1]);
			(*added)++;
		}
		last = sorted[i];
	}
	free(sorted);
}

static void check_list(const struct kapi_spec *spec, struct entry_list *l,
		       struct kapi_findings *out, int *added)
{
	check_count(spec, l, out, added);
	check_indexes(spec, l, out, added);
}

static void check_error_entry(const struct kapi_spec *spec,
			      const struct kapi_spec_error *e,
			      const struct kapi_errno_table *errnos,
			      struct kapi_findings *out, int *added)
{
	int64_t named;

	if (!e->has_code || e->code == 0) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': error entry %d has no error code",
				  spec->name, e->index);
		(*added)++;
		return;
	}
	if (e->code > 0) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': error entry %d has positive code %lld; error codes are written negated, as in -%s",
				  spec->name, e->index, (long long)e->code,
				  e->name && *e->name ? e->name : "EINVAL");
		(*added)++;
		return;
	}
	if (e->code < -MAX_ERRNO) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': error entry %d has code %lld, outside the errno range -%d to -1",
				  spec->name, e->index, (long long)e->code,
				  MAX_ERRNO);
		(*added)++;
		return;
	}
	if (!e->name || !*e->name) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': error entry %d has no name",
				  spec->name, e->index);
		(*added)++;
		return;
	}

	/* Without errno macros in the unit, names cannot be checked. */
	if (kapi_errno_table_size(errnos) == 0)
		return;
	named = kapi_errno_value(errnos, e->name);
	if (named == 0) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': error entry %d is named '%s', which is not an errno of this target",
				  spec->name, e->index, e->name);
		(*added)++;
	} else if (-named != e->code) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': error entry %d is named '%s' but its code %lld is %s",
				  spec->name, e->index, e->name,
				  (long long)e->code,
				  kapi_errno_format(out->arena, errnos,
						    e->code));
		(*added)++;
	}
}

static void check_errors(const struct kapi_spec *spec,
			 const struct kapi_errno_table *errnos,
			 struct kapi_findings *out, int *added)
{
	unsigned int i, j;

	for (i = 0; i < spec->errors.n; i++)
		check_error_entry(spec, &spec->errors.v[i], errnos, out,
				  added);

	for (i = 0; i < spec->errors.n; i++) {
		const struct kapi_spec_error *a = &spec->errors.v[i];

		if (!a->has_code || a->code >= 0)
			continue;
		for (j = 0; j < i; j++) {
			const struct kapi_spec_error *b = &spec->errors.v[j];

			if (!b->has_code || b->code != a->code ||
			    b->index == a->index)
				continue;
			kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
					  spec->name, spec->loc,
					  "spec '%s': error entries %d and %d both declare %s",
					  spec->name, b->index, a->index,
					  kapi_errno_format(out->arena, errnos,
							    a->code));
			(*added)++;
			break;
		}
	}
}

/* How to write a member of the shape EXPECTED. */
static const char *shape_hint(const char *expected)
{
	static const struct {
		const char *expected;
		const char *hint;
	} hints[] = {
		{ "a string literal", "write it in double quotes" },
		{ "an integer constant", "write a number or an enum constant" },
		{ "an array initializer", "write [INDEX] = { ... } entries" },
		{ "a struct initializer", "write { .MEMBER = VALUE, ... }" },
	};
	size_t i;

	for (i = 0; i < sizeof(hints) / sizeof(hints[0]); i++)
		if (strcmp(hints[i].expected, expected) == 0)
			return hints[i].hint;
	return "see the framework's struct kernel_api_spec";
}

static void check_bad_members(const struct kapi_spec *spec,
			      struct kapi_findings *out, int *added)
{
	unsigned int i;

	for (i = 0; i < spec->bad_members.n; i++) {
		const struct kapi_spec_bad_member *b = &spec->bad_members.v[i];

		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec '%s': member '%s' is not %s; %s",
				  spec->name, b->member, b->expected,
				  shape_hint(b->expected));
		(*added)++;
	}
}

static void report_no_name(const struct kapi_spec *spec, const char *what,
			   int index, struct kapi_findings *out, int *added)
{
	kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
			  spec->loc, "spec '%s': %s entry %d has no name",
			  spec->name, what, index);
	(*added)++;
}

static void check_locks(const struct kapi_spec *spec,
			struct kapi_findings *out, int *added)
{
	unsigned int i;

	for (i = 0; i < spec->locks.n; i++) {
		const struct kapi_spec_lock *l = &spec->locks.v[i];

		if (!l->name || !*l->name)
			report_no_name(spec, "lock", l->index, out, added);
		if (l->lock_type < 0 || l->lock_type > MAX_LOCK_TYPE) {
			kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
					  spec->name, spec->loc,
					  "spec '%s': lock entry %d has lock_type %lld, which is no enum kapi_lock_type value (0 to %d)",
					  spec->name, l->index,
					  (long long)l->lock_type, MAX_LOCK_TYPE);
			(*added)++;
		}
	}
}

static void check_signals(const struct kapi_spec *spec,
			  struct kapi_findings *out, int *added)
{
	unsigned int i;

	for (i = 0; i < spec->signals.n; i++) {
		const struct kapi_spec_signal *s = &spec->signals.v[i];

		if (!s->signal_name || !*s->signal_name)
			report_no_name(spec, "signal", s->index, out, added);
		if (s->signal_num < 0 || s->signal_num > MAX_SIGNAL) {
			kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
					  spec->name, spec->loc,
					  "spec '%s': signal entry %d has signal number %lld, outside 0 to %d (0 stands for any signal)",
					  spec->name, s->index,
					  (long long)s->signal_num, MAX_SIGNAL);
			(*added)++;
		}
		if (s->has_error && s->error_on_signal > 0) {
			kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
					  spec->name, spec->loc,
					  "spec '%s': signal entry %d has positive error %lld; error codes are written negated, as in -EINTR",
					  spec->name, s->index,
					  (long long)s->error_on_signal);
			(*added)++;
		}
	}
}

static void check_caps(const struct kapi_spec *spec,
		       struct kapi_findings *out, int *added)
{
	unsigned int i;

	for (i = 0; i < spec->caps.n; i++) {
		const struct kapi_spec_capability *c = &spec->caps.v[i];

		if (!c->cap_name || !*c->cap_name)
			report_no_name(spec, "capability", c->index, out,
				       added);
		if (c->has_capability &&
		    (c->capability < 0 || c->capability > MAX_CAP)) {
			kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
					  spec->name, spec->loc,
					  "spec '%s': capability entry %d has capability %lld, outside 0 to %d (the bits of kernel_cap_t)",
					  spec->name, c->index,
					  (long long)c->capability, MAX_CAP);
			(*added)++;
		}
	}
}

static void check_return(const struct kapi_spec *spec,
			 struct kapi_findings *out, int *added)
{
	const struct kapi_spec_return *r = &spec->ret;

	if (!r->present || !r->has_success_range ||
	    r->success_min <= r->success_max)
		return;
	kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
			  spec->loc,
			  "spec '%s': the success range %lld to %lld is empty; write the smaller bound first",
			  spec->name, (long long)r->success_min,
			  (long long)r->success_max);
	(*added)++;
}

/* Collect the designator indexes of an entry array. */
#define INDEXES(arena, arr) \
	collect_indexes(arena, (arr).v, (arr).n, sizeof(*(arr).v))

static const int *collect_indexes(struct kapi_arena *arena, const void *v,
				  unsigned int n, size_t size)
{
	int *idx = kapi_arena_alloc(arena, (n ? n : 1) * sizeof(int));
	unsigned int i;

	/* Every entry struct starts with its int index. */
	for (i = 0; i < n; i++)
		memcpy(&idx[i], (const unsigned char *)v + i * size,
		       sizeof(int));
	return idx;
}

/*
 * A KAPI_CHECK_EXCEPTION() entry that cannot be applied is reported, so
 * that a typo in a check id does not leave a finding silently reported.
 */
static void check_exceptions(const struct kapi_spec *spec,
			     struct kapi_findings *out, int *added)
{
	unsigned int i;

	for (i = 0; i < spec->exceptions.n; i++) {
		const struct kapi_spec_exception *x = &spec->exceptions.v[i];
		const char *problem = kapi_spec_exception_problem(x);
		struct kapi_finding *f;

		if (!problem)
			continue;
		f = kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				      spec->loc,
				      "spec '%s': check exception %d ('%s') %s, so it is ignored",
				      spec->name, x->index,
				      x->check ? x->check : "",
				      problem);
		kapi_finding_set_value(out, f, "check_exceptions");
		(*added)++;
	}
}

/*
 * Report lock entries whose compiled scope contradicts their description
 * (kapi_spec_lock_scope_quirk()). The lock checks follow the description.
 */
static void check_lock_scopes(const struct kapi_spec *spec,
			      struct kapi_findings *out, int *added)
{
	unsigned int i;

	for (i = 0; i < spec->locks.n; i++) {
		const struct kapi_spec_lock *l = &spec->locks.v[i];
		struct kapi_finding *f;

		if (!kapi_spec_lock_scope_quirk(l))
			continue;
		f = kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED,
				      spec->name, spec->loc,
				      "spec '%s': lock '%s' has the compiled scope KAPI_LOCK_RELEASES (held on entry), but its description says that it is acquired and released. The kerneldoc generators of PATCH v1 and v2 compile \"acquired: true\" with \"released: true\" to that scope. The lock is checked as acquired and released inside",
				      spec->name, l->name ? l->name : "?");
		kapi_finding_set_value(out, f, l->name ? l->name : "locks");
		(*added)++;
	}
}

int kapi_spec_validate(const struct kapi_spec *spec,
		       const struct kapi_errno_table *errnos,
		       struct kapi_findings *out)
{
	struct kapi_arena *arena = out->arena;
	struct entry_list lists[] = {
		{ "param", "param_count", &spec->param_count,
		  spec->params.n, INDEXES(arena, spec->params) },
		{ "error", "error_count", &spec->error_count,
		  spec->errors.n, INDEXES(arena, spec->errors) },
		{ "lock", "lock_count", &spec->lock_count,
		  spec->locks.n, INDEXES(arena, spec->locks) },
		{ "signal", "signal_count", &spec->signal_count,
		  spec->signals.n, INDEXES(arena, spec->signals) },
		{ "capability", "capability_count", &spec->capability_count,
		  spec->caps.n, INDEXES(arena, spec->caps) },
		{ "constraint", "constraint_count", &spec->constraint_count,
		  spec->nconstraints, NULL },
		{ "signal mask", "signal_mask_count", &spec->signal_mask_count,
		  spec->nsignal_masks, NULL },
		{ "side effect", "side_effect_count", &spec->side_effect_count,
		  spec->nside_effects, NULL },
		{ "state transition", "state_trans_count",
		  &spec->state_trans_count, spec->nstate_trans, NULL },
		{ "struct spec", "struct_spec_count", &spec->struct_spec_count,
		  spec->nstruct_specs, NULL },
	};
	unsigned int i;
	int added = 0;

	if (!spec->name || !*spec->name) {
		kapi_findings_add(out, KAPI_CHECK_SPEC_MALFORMED, spec->name,
				  spec->loc,
				  "spec object '%s' has an empty name; name the function it describes",
				  spec->var_name);
		added++;
	}
	check_bad_members(spec, out, &added);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		check_list(spec, &lists[i], out, &added);
	check_errors(spec, errnos, out, &added);
	check_locks(spec, out, &added);
	check_signals(spec, out, &added);
	check_caps(spec, out, &added);
	check_return(spec, out, &added);
	check_exceptions(spec, out, &added);
	check_lock_scopes(spec, out, &added);
	return added;
}
