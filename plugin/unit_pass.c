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
 * Translate every function body; summarise it when the unit has specs.
 * Functions that cannot be translated or summarised are left out of PROG,
 * so calls to them count as calls to unknown functions.
 */
static void build_program(struct kapi_arena *arena, struct kapi_program *prog,
			  bool summarize, struct kapi_buf *dump)
{
	cgraph_node *node;

	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		struct kapi_fn_ir *fn = kapi_translate_function(arena, node);
		struct kapi_summary *summary;
		const char *why = NULL;

		if (!fn)
			continue;
		if (dump)
			kapi_ir_dump(fn, dump);
		if (!summarize)
			continue;

		summary = kapi_summarize(arena, fn, &why);
		if (!summary) {
			kapi_verbose(DECL_SOURCE_LOCATION(node->decl),
				     "'%s' is skipped: it cannot be summarised: %s",
				     fn->name, why ? why : "no reason given");
			continue;
		}
		kapi_program_add(prog, summary);
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

static void check_unit(struct kapi_arena *arena)
{
	struct kapi_errno_table *errnos = kapi_errno_table_new(arena);
	struct kapi_program *prog = kapi_program_new(arena);
	struct kapi_spec **specs = NULL;
	struct kapi_errno_report *reports = NULL;
	struct kapi_buf dump = { NULL, 0, 0 };
	struct kapi_findings findings;
	unsigned int i, nspecs = nspec_vars;

	kapi_findings_init(&findings, arena);

	if (nspecs > 0) {
		kapi_read_errno_macros(errnos);
		specs = (struct kapi_spec **)
			kapi_arena_alloc(arena, nspecs * sizeof(*specs));
		reports = (struct kapi_errno_report *)
			kapi_arena_alloc(arena, nspecs * sizeof(*reports));
		for (i = 0; i < nspecs; i++) {
			specs[i] = kapi_read_spec(arena, spec_vars[i]);
			kapi_spec_validate(specs[i], errnos, &findings);
		}
	}

	build_program(arena, prog, nspecs > 0,
		      kapi_options.dump_ir ? &dump : NULL);
	if (kapi_options.dump_ir)
		kapi_append_output(kapi_options.dump_ir_file,
				   kapi_buf_str(&dump), "IR dump");
	kapi_buf_release(&dump);

	for (i = 0; i < nspecs; i++) {
		kapi_check_errnos(arena, prog, specs[i], errnos, true,
				  &findings, &reports[i]);
		note_inexact(&reports[i]);
	}

	kapi_report_findings(&findings);
	if (kapi_options.audit && nspecs > 0)
		kapi_write_audit(reports, nspecs);
}

static const pass_data unit_pass_data = {
	SIMPLE_IPA_PASS,	/* type */
	"kapi_check",		/* name, for -fdump-ipa-kapi_check */
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
		return find_spec_vars() > 0 || kapi_options.dump_ir;
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
