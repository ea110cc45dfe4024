/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The pass that checks a unit's KAPI specs against the unit's code.
 *
 * It is one SIMPLE_IPA_PASS, placed right after build_ssa_passes. At that
 * point every function of the unit that survived the front end has a CFG
 * in SSA form, but nothing has been inlined or optimised away yet. The
 * body of SYSCALL_DEFINE2(mlock, ...), the static inline __do_sys_mlock,
 * is still a function of its own. Each "return -EINVAL;" is still a
 * statement of the function that the source writes it in.
 *
 * Flow for a unit with specs:
 *	read the specs, validate them against the unit's errno table,
 *	translate every function body to IR and summarise it,
 *	run the errno checks of every spec over all summaries,
 *	report the findings as diagnostics and write the audit table.
 *
 * A unit without a spec costs one walk over its global variables.
 */
#include "kapi_plugin.h"

/* The spec variables that the gate found, used by execute right after. */
static tree *spec_vars;
static unsigned int nspec_vars;

/*
 * Collect the spec variables of the unit. The varpool node of each global
 * keeps its VAR_DECL alive for the garbage collector, so the array may
 * hold the trees between gate and execute.
 */
static unsigned int find_spec_vars(void)
{
	varpool_node *node;
	unsigned int cap = 0;

	nspec_vars = 0;
	FOR_EACH_VARIABLE(node) {
		if (!kapi_is_spec_var(node->decl))
			continue;
		if (nspec_vars == cap) {
			cap = cap ? 2 * cap : 4;
			spec_vars = XRESIZEVEC(tree, spec_vars, cap);
		}
		spec_vars[nspec_vars++] = node->decl;
	}
	return nspec_vars;
}

/*
 * The translated functions of the unit, and their lock summaries, which
 * are computed on demand: a function's summary needs its callees' first.
 */
struct unit_fns {
	struct kapi_arena *arena;
	unsigned int n;
	unsigned int cap;
	struct kapi_fn_ir **irs;
	const struct kapi_lock_summary **locks;
	unsigned char *state;		/* 0 not yet, 1 in progress, 2 done */
};

static int find_fn(const struct unit_fns *u, const char *name)
{
	unsigned int i;

	for (i = 0; i < u->n; i++)
		if (strcmp(u->irs[i]->name, name) == 0)
			return (int)i;
	return -1;
}

static void add_fn(struct unit_fns *u, struct kapi_fn_ir *fn)
{
	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 64;
		u->irs = XRESIZEVEC(struct kapi_fn_ir *, u->irs, u->cap);
		u->locks = XRESIZEVEC(const struct kapi_lock_summary *,
				      u->locks, u->cap);
		u->state = XRESIZEVEC(unsigned char, u->state, u->cap);
	}
	u->irs[u->n] = fn;
	u->locks[u->n] = NULL;
	u->state[u->n] = 0;
	u->n++;
}

static void release_fns(struct unit_fns *u)
{
	free(u->irs);
	free(u->locks);
	free(u->state);
}

/*
 * The kapi_lock_lookup callback. A function still being summarised (a
 * recursive call) has no summary yet, which counts as no lock effect.
 */
static const struct kapi_lock_summary *lock_lookup(void *data,
						   const char *name)
{
	struct unit_fns *u = (struct unit_fns *)data;
	int i = find_fn(u, name);

	if (i < 0 || u->state[i] == 1)
		return NULL;
	if (u->state[i] == 0) {
		u->state[i] = 1;
		u->locks[i] = kapi_lock_summarize(u->arena, u->irs[i],
						  lock_lookup, u, false);
		u->state[i] = 2;
	}
	return u->locks[i];
}

/*
 * Summarise FN (of DECL) into PROG and FNS. A function that cannot be
 * summarised is left out, with the reason in verbose mode.
 */
static void add_summary(struct kapi_arena *arena, struct kapi_program *prog,
			struct unit_fns *fns, struct kapi_fn_ir *fn, tree decl)
{
	const char *why = NULL;
	struct kapi_summary *summary = kapi_summarize(arena, fn, &why);

	if (!summary) {
		kapi_verbose(DECL_SOURCE_LOCATION(decl),
			     "'%s' is skipped: it cannot be summarised: %s",
			     fn->name, why ? why : "no reason given");
		return;
	}
	if (summary->widened)
		kapi_verbose(DECL_SOURCE_LOCATION(decl),
			     "'%s' is analysed with less precision: %s",
			     fn->name, summary->widened);
	kapi_program_add(prog, summary);
	add_fn(fns, fn);
}

/*
 * Translate every function body; summarise it when the unit has specs.
 * Functions that cannot be translated or summarised are left out of PROG,
 * so calls to them count as calls to unknown functions.
 */
static void build_program(struct kapi_arena *arena, struct kapi_program *prog,
			  struct unit_fns *fns, bool summarize,
			  struct kapi_buf *dump)
{
	cgraph_node *node;

	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		struct kapi_fn_ir *fn = kapi_translate_function(arena, node);

		if (!fn)
			continue;
		if (dump)
			kapi_ir_dump(fn, dump);
		if (summarize)
			add_summary(arena, prog, fns, fn, node->decl);
	}
	if (!summarize)
		return;

	/* Aliases have no body, so each becomes a call of its target. */
	FOR_EACH_FUNCTION(node) {
		struct kapi_fn_ir *fn;

		if (!node->alias)
			continue;
		fn = kapi_translate_alias(arena, node);
		if (fn && !kapi_program_find(prog, fn->name))
			add_summary(arena, prog, fns, fn, node->decl);
	}
}

/* Hand the unit's specs and summaries to the facts writer. */
static void keep_facts(struct kapi_program *prog, const struct unit_fns *fns,
		       const struct kapi_errno_table *errnos,
		       const struct kapi_errno_table *cap_names,
		       struct kapi_spec **specs, unsigned int nspecs)
{
	struct kapi_summary **sums = XNEWVEC(struct kapi_summary *,
					     fns->n + 1);
	unsigned int i, n = 0;

	for (i = 0; i < fns->n; i++) {
		struct kapi_summary *s = kapi_program_find(prog,
							   fns->irs[i]->name);

		if (s)
			sums[n++] = s;
	}
	kapi_keep_facts(main_input_filename, errnos, cap_names, specs, nspecs,
			sums, n);
	free(sums);
}

/* The lock aliases file, read once per compilation. */
static const struct kapi_lock_aliases *lock_aliases(void)
{
	static struct kapi_arena *arena;
	static struct kapi_lock_aliases *aliases;
	const char *err = NULL;
	char *text;

	if (arena || !kapi_options.lock_aliases_file)
		return aliases;
	arena = kapi_arena_new();
	aliases = kapi_lock_aliases_new(arena);
	text = kapi_read_text_file(kapi_options.lock_aliases_file);
	if (!text) {
		error("cannot read the lock aliases file %qs given to "
		      "%<-fplugin-arg-kapi_check-lock-aliases%>: %m",
		      kapi_options.lock_aliases_file);
		return aliases;
	}
	if (kapi_lock_aliases_parse(aliases, kapi_options.lock_aliases_file,
				    text, &err) != 0)
		error("invalid lock aliases file: %s", err);
	free(text);
	return aliases;
}

/* The lock, capability, signal and parameter checks of one spec. */
static void check_more(struct kapi_arena *arena, struct unit_fns *fns,
		       struct kapi_program *prog, struct kapi_caps *caps,
		       const struct kapi_spec *spec,
		       const struct kapi_errno_report *report,
		       const struct kapi_errno_table *errnos,
		       const struct kapi_errno_table *cap_names,
		       const struct kapi_lock_summary **impl_locks,
		       struct kapi_findings *findings)
{
	int i;

	*impl_locks = NULL;
	if (!report->impl)
		return;
	i = find_fn(fns, report->impl);
	if (i >= 0) {
		*impl_locks = kapi_lock_summarize(arena, fns->irs[i],
						  lock_lookup, fns, true);
		if ((*impl_locks)->incomplete)
			kapi_verbose(kapi_loc_to_gcc(&spec->loc),
				     "the locks of '%s' are not checked: %s",
				     spec->name, (*impl_locks)->incomplete);
		kapi_check_locks(arena, spec, *impl_locks, lock_aliases(),
				 kapi_options.lock_depth, findings);
	}
	kapi_check_caps(arena, caps, spec, report, cap_names, errnos,
			findings);
	kapi_check_params(spec, kapi_program_find(prog, report->impl),
			  findings);
}

/*
 * With all-syscalls: the internal-errno checks for every syscall body of
 * the unit that no spec covers, named as its spec would be (sys_N).
 */
static void check_all_syscalls(struct kapi_arena *arena,
			       const struct unit_fns *fns,
			       struct kapi_program *prog,
			       const struct kapi_errno_report *reports,
			       unsigned int nreports,
			       const struct kapi_errno_table *errnos,
			       struct kapi_findings *findings)
{
	unsigned int i, j;

	for (i = 0; i < fns->n; i++) {
		const char *name = fns->irs[i]->name;
		const char *base = NULL;
		bool covered = false;

		if (strncmp(name, "__do_sys_", 9) == 0) {
			base = name + 9;
		} else if (strncmp(name, "__x64_sys_", 10) == 0) {
			/* SYSCALL_DEFINE0 has no __do_sys_ function. */
			base = name + 10;
			if (find_fn(fns, kapi_arena_printf(arena, "__do_sys_%s",
							   base)) >= 0)
				continue;
		}
		if (!base)
			continue;
		for (j = 0; j < nreports; j++)
			covered |= reports[j].impl &&
				   strcmp(reports[j].impl, name) == 0;
		if (covered)
			continue;
		kapi_check_internal_errnos(arena, prog, name,
					   kapi_arena_printf(arena, "sys_%s",
							     base),
					   errnos, findings);
	}
}

/*
 * Two specs with one name contradict each other wherever they differ, and
 * the framework's lookup by name finds only one of them.
 */
static void report_repeated_name(struct kapi_spec **specs, unsigned int at,
				 struct kapi_findings *findings)
{
	unsigned int i;

	for (i = 0; i < at; i++) {
		struct kapi_finding *f;

		if (strcmp(specs[i]->name, specs[at]->name) != 0)
			continue;
		f = kapi_findings_add(findings, KAPI_CHECK_SPEC_MALFORMED,
				      specs[at]->name, specs[at]->loc,
				      "spec '%s' is defined twice in this unit (as '%s' and '%s')",
				      specs[at]->name, specs[i]->var_name,
				      specs[at]->var_name);
		kapi_finding_note(findings, f, specs[i]->loc,
				  "the other spec '%s' is here", specs[i]->name);
		return;
	}
}

/* Tell, in verbose mode, why an errno set is not exact. */
static void note_inexact(const struct kapi_errno_report *report)
{
	location_t loc = kapi_loc_to_gcc(&report->spec->loc);
	unsigned int i;

	if (report->complete || !report->impl)
		return;

	kapi_verbose(loc, "the errno set of '%s' is not exact, so declared "
		     "errnos that no path returns are not reported: %s",
		     report->spec->name,
		     report->incomplete ? report->incomplete
					: "values from unknown sources reach the return");
	for (i = 0; i < report->nunknown; i++) {
		const struct kapi_unknown_entry *u = &report->unknown[i];
		location_t at = u->source ? kapi_loc_to_gcc(&u->source->loc)
					  : UNKNOWN_LOCATION;

		kapi_verbose(at != UNKNOWN_LOCATION ? at : loc,
			     "unknown source in '%s': %s", report->spec->name,
			     u->what);
	}
}

/*
 * Whether the unit defines no function of any of its specs, as the one
 * unit under kernel/api/ into which RFC v3 to v5 generate every spec.
 * kapi-check joins those specs to their syscalls in other units, so
 * reporting each one here as kapi-spec-no-impl would only be noise.
 */
static bool holds_specs_only(struct kapi_arena *arena,
			     struct kapi_program *prog,
			     struct kapi_spec *const *specs, unsigned int nspecs)
{
	const char *names[16];
	unsigned int i, j, n;

	for (i = 0; i < nspecs; i++) {
		n = kapi_spec_impl_names(arena, specs[i]->name, names, 16);
		for (j = 0; j < n; j++)
			if (kapi_program_find(prog, names[j]))
				return false;
	}
	return nspecs > 0;
}

static void check_unit(struct kapi_arena *arena)
{
	struct kapi_errno_table *errnos = kapi_errno_table_new(arena);
	struct kapi_errno_table *cap_names = kapi_errno_table_new(arena);
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_caps *caps = kapi_caps_new(arena, prog);
	const struct kapi_lock_summary **impl_locks = NULL;
	struct unit_fns fns;
	struct kapi_spec **specs = NULL;
	struct kapi_errno_report *reports = NULL;
	struct kapi_buf dump = { NULL, 0, 0 };
	struct kapi_findings findings;
	unsigned int i, nspecs = nspec_vars;

	kapi_findings_init(&findings, arena);
	memset(&fns, 0, sizeof(fns));
	fns.arena = arena;

	if (nspecs > 0 || kapi_options.all_syscalls || kapi_options.facts)
		kapi_read_errno_macros(errnos);
	if (nspecs > 0 || kapi_options.facts)
		kapi_read_cap_macros(cap_names);
	if (nspecs > 0) {
		impl_locks = (const struct kapi_lock_summary **)
			kapi_arena_alloc(arena, nspecs * sizeof(*impl_locks));
		specs = (struct kapi_spec **)
			kapi_arena_alloc(arena, nspecs * sizeof(*specs));
		reports = (struct kapi_errno_report *)
			kapi_arena_alloc(arena, nspecs * sizeof(*reports));
		for (i = 0; i < nspecs; i++) {
			specs[i] = kapi_read_spec(arena, spec_vars[i]);
			kapi_spec_validate(specs[i], errnos, &findings);
			report_repeated_name(specs, i, &findings);
		}
	}

	build_program(arena, prog, &fns,
		      nspecs > 0 || kapi_options.all_syscalls ||
		      kapi_options.facts,
		      kapi_options.dump_ir ? &dump : NULL);
	if (kapi_options.facts)
		keep_facts(prog, &fns, errnos, cap_names, specs, nspecs);
	if (kapi_options.dump_ir)
		kapi_append_output(kapi_options.dump_ir_file,
				   kapi_buf_str(&dump), "IR dump");
	kapi_buf_release(&dump);

	/*
	 * A note, not a warning: in a kernel/api/ unit of RFC v3 to v5 this
	 * is expected, and elsewhere it may be a spec whose name is wrong.
	 */
	if (holds_specs_only(arena, prog, specs, nspecs)) {
		for (i = 0; i < nspecs; i++) {
			struct kapi_finding *f;

			/* An empty name is reported by kapi_spec_validate(). */
			if (!specs[i]->name[0])
				continue;
			f = kapi_findings_add(
				&findings, KAPI_CHECK_SPEC_NO_IMPL,
				specs[i]->name, specs[i]->loc,
				"spec '%s': this unit defines no function of it; kapi-check joins the spec to its syscall in another unit when one defines it",
				specs[i]->name);

			f->note_only = true;
		}
		nspecs = 0;
	}
	for (i = 0; i < nspecs; i++) {
		kapi_check_errnos(arena, prog, specs[i], errnos, true,
				  &findings, &reports[i]);
		note_inexact(&reports[i]);
		check_more(arena, &fns, prog, caps, specs[i], &reports[i],
			   errnos, cap_names, &impl_locks[i], &findings);
	}
	if (kapi_options.all_syscalls)
		check_all_syscalls(arena, &fns, prog, reports, nspecs, errnos,
				   &findings);

	kapi_report_findings(&findings, specs, nspecs);
	if (kapi_options.audit && nspecs > 0)
		kapi_write_audit(reports, impl_locks, caps, cap_names, nspecs);
	release_fns(&fns);
}

static const pass_data unit_pass_data = {
	SIMPLE_IPA_PASS,	/* type */
	"kapi_check",		/* name, as -fdump-passes lists it */
	OPTGROUP_NONE,		/* optinfo_flags */
	TV_NONE,		/* tv_id */
	0,			/* properties_required: checked per function */
	0,			/* properties_provided */
	0,			/* properties_destroyed */
	0,			/* todo_flags_start */
	0,			/* todo_flags_finish */
};

class unit_pass : public simple_ipa_opt_pass {
public:
	unit_pass(gcc::context *ctxt)
		: simple_ipa_opt_pass(unit_pass_data, ctxt)
	{
	}

	/* Run when the unit defines a spec, or an IR dump was requested. */
	bool gate(function *) final override
	{
		return find_spec_vars() > 0 || kapi_options.dump_ir ||
		       kapi_options.all_syscalls || kapi_options.facts;
	}

	unsigned int execute(function *) final override
	{
		struct kapi_arena *arena = kapi_arena_new();

		check_unit(arena);
		kapi_arena_free(arena);
		nspec_vars = 0;
		return 0;
	}
};

opt_pass *kapi_make_unit_pass(gcc::context *ctxt)
{
	return new unit_pass(ctxt);
}
