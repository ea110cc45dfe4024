/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The whole-build command's output formats: GCC-style text, JSON and
 * SARIF 2.1.0.
 *
 * JSON schema, version 1:
 *   { "version": 1, "tool": "kapi-check", "findings": [
 *       { "id": "kapi-errno-undeclared:sys_mlock:1a2b3c4d",
 *         "check": "kapi-errno-undeclared", "function": "sys_mlock",
 *         "engine": "kapi-check" | "plugin" | "cocci" | "sparse",
 *         "severity": "warning" | "note",
 *         "file": "mm/mlock.c", "line": 612, "column": 10,
 *         "message": "...",
 *         "seen_in_build": false,
 *         "notes": [ { "file": ..., "line": ..., "column": ...,
 *                      "message": ... } ] } ] }
 * "id" is stable across runs and line moves: the check, the function and
 * a hash of the message, in which a line number written as "line N" is
 * left out. "function" is "" when no function is known. "seen_in_build" is
 * true for findings that the plugin already reported while compiling the
 * unit. "engine" names the program that found it: "kapi-check" for the
 * whole-build checks, and for "kapi-check merge" the plugin, a Coccinelle
 * rule or sparse. The field was added without a version change: readers
 * of version 1 that ignore unknown members are unaffected.
 *
 * SARIF puts the engine into each result's property bag
 * ("properties": {"engine": ...}) and lists the checks of merged findings
 * that are not kapi-check's own (cocci-..., sparse-context) as extra
 * rules after the fixed ones.
 */
#ifndef KAPI_TOOL_OUTPUT_H
#define KAPI_TOOL_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "kapi/finding.h"

enum kapi_format {
	KAPI_FORMAT_TEXT,
	KAPI_FORMAT_JSON,
	KAPI_FORMAT_SARIF,
};

/*
 * One finding to print, whether the per-unit pass printed it already, the
 * engine that found it (NULL: "kapi-check") and its check id when that is
 * not one of enum kapi_check_id (NULL: the finding's own check).
 */
struct kapi_result {
	const struct kapi_finding *finding;
	bool seen_in_build;
	const char *engine;
	const char *check_name;
};

void kapi_print_results(FILE *out, enum kapi_format format,
			const struct kapi_result *results, unsigned int n);

/* The stable id of a finding, as in the JSON output. */
const char *kapi_finding_id(struct kapi_arena *arena,
			    const struct kapi_finding *f);

/* The stable id of a result, whose check may be a merged engine's id. */
const char *kapi_result_id(struct kapi_arena *arena,
			   const struct kapi_result *r);

#endif /* KAPI_TOOL_OUTPUT_H */
