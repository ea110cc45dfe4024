/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kapi_check: a GCC plugin that checks the KAPI specifications of a unit
 * (struct kernel_api_spec objects) against the functions that implement
 * them, and reports what the code returns that the spec does not declare.
 *
 * Usage:
 *	gcc -fplugin=kapi_check.so [-fplugin-arg-kapi_check-KEY[=VALUE] ...]
 *	make mm/mlock.o KCFLAGS="-fplugin=$PWD/kapi_check.so"
 *
 * Arguments: help, verbose, werror, audit[=FILE], disable=ID[,ID...],
 * dump-ir[=FILE]; -fplugin-arg-kapi_check-help describes each. Findings
 * are warnings that do not fail the build, even under -Werror (report.c
 * clears GCC's -Werror flag around each one), unless the werror argument
 * makes them errors.
 *
 * Debugging: dump-ir prints the IR of every function as the analysis sees
 * it, verbose names each function or initializer member that was skipped
 * and why, and gcc -fdump-passes lists the pass as ipa-kapi_check, right
 * after ipa-build_ssa_passes.
 *
 * The plugin must be loaded by the GCC whose plugin headers it was built
 * against. plugin_init() rejects any other.
 */
#include "kapi_plugin.h"

#ifndef KAPI_VERSION
#define KAPI_VERSION "unknown"
#endif
#ifndef KAPI_GCC_CONFIGURED_VERSION
#define KAPI_GCC_CONFIGURED_VERSION "unknown"
#endif

int plugin_is_GPL_compatible;

struct kapi_plugin_options kapi_options;

/* Whether an argument takes a value after '='. */
enum arg_value {
	ARG_NO_VALUE,
	ARG_OPTIONAL_VALUE,
	ARG_REQUIRED_VALUE,
};

struct plugin_arg {
	const char *key;
	enum arg_value value;
	const char *value_name;		/* for help and error messages */
	const char *help;
};

/* In the order of the help text. */
static const struct plugin_arg plugin_args[] = {
	{ "help", ARG_NO_VALUE, NULL,
	  "print this list to standard error; compilation continues" },
	{ "verbose", ARG_NO_VALUE, NULL,
	  "add a note for each skipped function, unexpected initializer or "
	  "tree shape, and errno set that is not exact" },
	{ "werror", ARG_NO_VALUE, NULL,
	  "report findings as errors; without it they stay warnings even "
	  "under -Werror" },
	{ "audit", ARG_OPTIONAL_VALUE, "FILE",
	  "append the errno table of each spec to FILE (default: standard "
	  "error); a whole kernel build can share one FILE" },
	{ "disable", ARG_REQUIRED_VALUE, "ID[,ID...]",
	  "do not report the checks with these ids (listed below)" },
	{ "dump-ir", ARG_OPTIONAL_VALUE, "FILE",
	  "append the IR of every function to FILE (default: standard "
	  "error), also in units without a spec" },
	{ "lock-aliases", ARG_REQUIRED_VALUE, "FILE",
	  "read spec lock name aliases from FILE, one 'spec lock name = "
	  "object' per line" },
	{ "lock-depth", ARG_REQUIRED_VALUE, "N",
	  "also report undeclared locks taken up to N calls deep inside "
	  "header helpers (default 0: only locks held across the syscall's "
	  "own file)" },
	{ "facts", ARG_NO_VALUE, NULL,
	  "write the unit's facts (specs and function summaries) into the "
	  "object, for the whole-build kapi-check command" },
	{ "facts-dir", ARG_REQUIRED_VALUE, "DIR",
	  "write the unit's facts into a file in DIR instead of the object, "
	  "for builds that strip sections" },
	{ "all-syscalls", ARG_NO_VALUE, NULL,
	  "report kernel-internal and positive errnos for every syscall "
	  "of the unit, not only specified ones" },
};

static struct plugin_info kapi_plugin_info = {
	KAPI_VERSION,
	"checks KAPI syscall specifications against the code; "
	"-fplugin-arg-kapi_check-help lists the arguments",
};

/* The valid keys, as "help, verbose, ..., dump-ir[=FILE]". */
static const char *valid_keys(void)
{
	static struct kapi_buf keys;
	size_t i;

	if (keys.len)
		return kapi_buf_str(&keys);
	for (i = 0; i < ARRAY_SIZE(plugin_args); i++) {
		const struct plugin_arg *arg = &plugin_args[i];

		kapi_buf_printf(&keys, "%s%s", i ? ", " : "", arg->key);
		if (arg->value == ARG_OPTIONAL_VALUE)
			kapi_buf_printf(&keys, "[=%s]", arg->value_name);
		else if (arg->value == ARG_REQUIRED_VALUE)
			kapi_buf_printf(&keys, "=%s", arg->value_name);
	}
	return kapi_buf_str(&keys);
}

/* The check ids that disable accepts, comma-separated. */
static const char *valid_check_ids(void)
{
	static struct kapi_buf ids;
	int id;

	if (ids.len)
		return kapi_buf_str(&ids);
	for (id = 0; id < KAPI_CHECK_COUNT; id++)
		kapi_buf_printf(&ids, "%s%s", id ? ", " : "",
				kapi_check_name((enum kapi_check_id)id));
	return kapi_buf_str(&ids);
}

static void print_help(const char *plugin)
{
	size_t i;

	fprintf(stderr, "%s %s: arguments, each given as "
		"-fplugin-arg-%s-KEY[=VALUE]:\n", plugin, KAPI_VERSION, plugin);
	for (i = 0; i < ARRAY_SIZE(plugin_args); i++) {
		const struct plugin_arg *arg = &plugin_args[i];
		char *left;

		if (arg->value == ARG_OPTIONAL_VALUE)
			left = concat(arg->key, "[=", arg->value_name, "]", NULL);
		else if (arg->value == ARG_REQUIRED_VALUE)
			left = concat(arg->key, "=", arg->value_name, NULL);
		else
			left = xstrdup(arg->key);
		fprintf(stderr, "  %-20s %s\n", left, arg->help);
		free(left);
	}
	fprintf(stderr, "check ids: %s\n", valid_check_ids());
	fprintf(stderr, "built for GCC %s (KAPI_GCC reported %s at configure "
		"time)\n", KAPI_BUILT_BASEVER, KAPI_GCC_CONFIGURED_VERSION);
}

/* Apply disable=ID[,ID...]; returns false after reporting a bad id. */
static bool parse_disable(const char *plugin, const char *list)
{
	char *copy = xstrdup(list);
	char *item, *save = NULL;
	bool ok = true;

	for (item = strtok_r(copy, ",", &save); item;
	     item = strtok_r(NULL, ",", &save)) {
		enum kapi_check_id id = kapi_check_lookup(item);

		if (id == KAPI_CHECK_COUNT) {
			error("invalid check id %qs in "
			      "%<-fplugin-arg-%s-disable=%s%>; valid ids: %s",
			      item, plugin, list, valid_check_ids());
			ok = false;
			continue;
		}
		kapi_options.disabled[id] = true;
	}
	free(copy);
	return ok;
}

/* Apply one -fplugin-arg-PLUGIN-KEY[=VALUE]; false after an error. */
static bool parse_arg(const char *plugin, const struct plugin_argument *in)
{
	const struct plugin_arg *arg = NULL;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(plugin_args); i++) {
		if (strcmp(in->key, plugin_args[i].key) == 0)
			arg = &plugin_args[i];
	}
	if (!arg) {
		error("unknown argument %<-fplugin-arg-%s-%s%>; valid keys: %s",
		      plugin, in->key, valid_keys());
		return false;
	}

	if (arg->value == ARG_NO_VALUE && in->value) {
		error("%<-fplugin-arg-%s-%s%> takes no value, but %qs was "
		      "given", plugin, in->key, in->value);
		return false;
	}
	if ((arg->value == ARG_REQUIRED_VALUE && !in->value) ||
	    (in->value && !in->value[0])) {
		error("missing value in %<-fplugin-arg-%s-%s%>; expected "
		      "%<-fplugin-arg-%s-%s=%s%>", plugin, in->key, plugin,
		      in->key, arg->value_name);
		return false;
	}

	if (strcmp(arg->key, "help") == 0) {
		print_help(plugin);
	} else if (strcmp(arg->key, "verbose") == 0) {
		kapi_options.verbose = true;
	} else if (strcmp(arg->key, "werror") == 0) {
		kapi_options.werror = true;
	} else if (strcmp(arg->key, "audit") == 0) {
		kapi_options.audit = true;
		kapi_options.audit_file = in->value;
	} else if (strcmp(arg->key, "dump-ir") == 0) {
		kapi_options.dump_ir = true;
		kapi_options.dump_ir_file = in->value;
	} else if (strcmp(arg->key, "disable") == 0) {
		return parse_disable(plugin, in->value);
	} else if (strcmp(arg->key, "lock-aliases") == 0) {
		kapi_options.lock_aliases_file = in->value;
	} else if (strcmp(arg->key, "lock-depth") == 0) {
		char *end;
		long depth = strtol(in->value, &end, 10);

		if (*end || depth < 0 || depth > 64) {
			error("invalid value %qs in %<-fplugin-arg-%s-lock-depth%>; "
			      "expected a number of calls from 0 to 64",
			      in->value, plugin);
			return false;
		}
		kapi_options.lock_depth = (unsigned int)depth;
	} else if (strcmp(arg->key, "facts") == 0) {
		kapi_options.facts = true;
	} else if (strcmp(arg->key, "facts-dir") == 0) {
		kapi_options.facts = true;
		kapi_options.facts_dir = in->value;
	} else if (strcmp(arg->key, "all-syscalls") == 0) {
		kapi_options.all_syscalls = true;
	}
	return true;
}

/*
 * Format the version that GCC reports for a mismatch message. When the
 * base versions agree, the difference is in the fields after it.
 */
static const char *describe_version(const struct plugin_gcc_version *v,
				    const struct plugin_gcc_version *other,
				    char *buf, size_t size)
{
	if (strcmp(v->basever, other->basever) != 0)
		snprintf(buf, size, "%s", v->basever);
	else if (strcmp(v->datestamp, other->datestamp) != 0 ||
		 strcmp(v->devphase, other->devphase) != 0 ||
		 strcmp(v->revision, other->revision) != 0)
		snprintf(buf, size, "%s (%s%s%s%s%s)", v->basever,
			 v->datestamp, v->devphase[0] ? " " : "", v->devphase,
			 v->revision[0] ? " " : "", v->revision);
	else
		snprintf(buf, size, "%s (configured as: %s)", v->basever,
			 v->configuration_arguments);
	return buf;
}

/*
 * Reject a GCC other than the one the plugin was built for, because
 * its internal data structures may differ in ways that would crash. GCC's
 * diagnostic functions belong to those internals, so the message goes
 * straight to standard error.
 */
static bool check_version(const struct plugin_gcc_version *running)
{
	struct plugin_gcc_version built = gcc_version;
	char built_text[512], running_text[512];

	built.basever = KAPI_BUILT_BASEVER;
	if (plugin_default_version_check(
		    const_cast<struct plugin_gcc_version *>(running), &built))
		return true;

	fprintf(stderr, "kapi_check: built for GCC %s but loaded by GCC %s; "
		"rebuild kapi-check against this compiler "
		"(cmake -DKAPI_GCC=...)\n",
		describe_version(&built, running, built_text,
				 sizeof(built_text)),
		describe_version(running, &built, running_text,
				 sizeof(running_text)));
	return false;
}

int plugin_init(struct plugin_name_args *plugin_info,
		struct plugin_gcc_version *version)
{
	const char *plugin = plugin_info->base_name;
	static struct register_pass_info pass_info;
	bool ok = true;
	int i;

	if (!check_version(version))
		return 1;

	for (i = 0; i < plugin_info->argc; i++) {
		if (!parse_arg(plugin, &plugin_info->argv[i]))
			ok = false;
	}
	if (!ok)
		return 1;

	register_callback(plugin, PLUGIN_INFO, NULL, &kapi_plugin_info);

	/*
	 * build_ssa_passes is the SIMPLE_IPA_PASS container whose sub-passes
	 * put each function into SSA form (gcc -fdump-passes lists it as
	 * ipa-build_ssa_passes). Instance 1 is its only one.
	 */
	pass_info.pass = kapi_make_unit_pass(g);
	pass_info.reference_pass_name = "build_ssa_passes";
	pass_info.ref_pass_instance_number = 1;
	pass_info.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(plugin, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass_info);
	if (kapi_options.facts)
		register_callback(plugin, PLUGIN_FINISH_UNIT, kapi_emit_facts,
				  NULL);
	/* Spec parameter typedefs must be looked up while still in scope. */
	register_callback(plugin, PLUGIN_FINISH_DECL, kapi_note_spec_typedefs,
			  NULL);
	return 0;
}
