/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Declarations shared by the plugin's files: the parsed plugin arguments
 * and one entry point per file.
 */
#ifndef KAPI_PLUGIN_H
#define KAPI_PLUGIN_H

#include "gcc-common.h"

#include "kapi/arena.h"
#include "kapi/buf.h"
#include "kapi/caps.h"
#include "kapi/check.h"
#include "kapi/errno_table.h"
#include "kapi/finding.h"
#include "kapi/ir.h"
#include "kapi/loc.h"
#include "kapi/lock.h"
#include "kapi/solve.h"
#include "kapi/spec.h"
#include "kapi/summary.h"
#include "kapi/suppress.h"

/* The -fplugin-arg-kapi_check-* arguments, set once by plugin_init(). */
struct kapi_plugin_options {
	bool verbose;
	bool werror;
	bool audit;
	const char *audit_file;		/* NULL: standard error */
	bool dump_ir;
	const char *dump_ir_file;	/* NULL: standard error */
	bool disabled[KAPI_CHECK_COUNT];
	const char *lock_aliases_file;	/* NULL: no aliases */
	bool facts;			/* write unit facts */
	const char *facts_dir;		/* NULL: into the object file */
	unsigned int lock_depth;
	bool all_syscalls;
};

extern struct kapi_plugin_options kapi_options;

/* location.c */
struct kapi_loc kapi_loc_from_gcc(struct kapi_arena *arena, location_t loc);
location_t kapi_loc_to_gcc(const struct kapi_loc *loc);

/* report.c */
void kapi_verbose(location_t loc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Issue FINDINGS, less those that a KAPI_CHECK_EXCEPTION() of SPECS accepts. */
void kapi_report_findings(const struct kapi_findings *findings,
			  struct kapi_spec *const *specs, unsigned int nspecs);
void kapi_append_output(const char *file, const char *text,
			const char *what);
void kapi_write_audit(const struct kapi_errno_report *reports,
		      const struct kapi_lock_summary *const *locks,
		      struct kapi_caps *caps,
		      const struct kapi_errno_table *cap_names,
		      unsigned int nreports);
/* Read FILE whole into a malloc()ed string, or return NULL (errno set). */
char *kapi_read_text_file(const char *file);

/* spec_reader.c */
bool kapi_is_spec_var(tree decl);
struct kapi_spec *kapi_read_spec(struct kapi_arena *arena, tree decl);
void kapi_note_spec_typedefs(void *gcc_data, void *user_data);

/* errno_macros.c */
void kapi_read_errno_macros(struct kapi_errno_table *table);
void kapi_read_cap_macros(struct kapi_errno_table *table);

/* gimple_to_ir.c */
struct kapi_fn_ir *kapi_translate_function(struct kapi_arena *arena,
					   cgraph_node *node);

/* alias_ir.c: the IR of an alias, a call of its target; NULL to skip. */
struct kapi_fn_ir *kapi_translate_alias(struct kapi_arena *arena,
					cgraph_node *node);

/* facts_writer.c */
void kapi_keep_facts(const char *unit, const struct kapi_errno_table *errnos,
		     const struct kapi_errno_table *cap_names,
		     struct kapi_spec *const *specs, unsigned int nspecs,
		     struct kapi_summary *const *fns, unsigned int nfns);
void kapi_emit_facts(void *gcc_data, void *user_data);

/* unit_pass.c */
opt_pass *kapi_make_unit_pass(gcc::context *ctxt);

#endif /* KAPI_PLUGIN_H */
