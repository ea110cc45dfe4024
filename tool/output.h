/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The whole-build command's output formats: GCC-style text, JSON, SARIF
 * 2.1.0 and the GitLab Code Quality report.
 *
 * JSON schema, version 1:
 *   { "version": 1, "tool": "kapi-check", "findings": [
 *       { "id": "kapi-errno-undeclared:sys_mlock:1a2b3c4d",
 *         "check": "kapi-errno-undeclared", "function": "sys_mlock",
 *         "engine": "kapi-check" | "plugin" | "cocci" | "sparse",
 *         "value": "EAGAIN" | null,
 *         "severity": "warning" | "note",
 *         "file": "mm/mlock.c", "line": 612, "column": 10,
 *         "message": "...",
 *         "seen_in_build": false,
 *         "notes": [ { "file": ..., "line": ..., "column": ...,
 *                      "message": ... } ] } ],
 *     "suppressed": [ { ...the members of a finding...,
 *         "suppression": { "kind": "spec" | "file" | "baseline",
 *                          "where": "check exception 0 of spec
 *                                    'sys_mlock'" | "FILE:LINE" | "FILE",
 *                          "justification": "..." } } ],
 *     "counts": { "reported": 1, "suppressed_in_spec": 0,
 *                 "suppressed_by_file": 0, "baselined": 0 } }
 * "findings" holds only what is reported. "id" is stable across runs and
 * line moves: the check, the function and a hash of the message, in which
 * a line number written as "line N" is left out. "function" is "" when no
 * function is known. "seen_in_build" is true for findings that the plugin
 * already reported while compiling the unit. "value" is what the finding
 * is about (errno name, lock, capability, parameter), the key of
 * suppressions and baselines together with "check" and "function".
 * "engine" names the program that found it: "kapi-check" for the
 * whole-build checks, and for "kapi-check merge" the plugin, a Coccinelle
 * rule or sparse. The field was added without a version change: readers
 * of version 1 that ignore unknown members are unaffected.
 *
 * SARIF: suppressed and baselined findings are results with a
 * "suppressions" entry of status "accepted". Its kind is "inSource" for a
 * spec exception and "external" for a suppression file or the baseline.
 * Other results have an empty "suppressions" array. Each result carries
 * its engine in its property bag ("properties": {"engine": ...}), and the
 * checks of merged findings that are not kapi-check's own (cocci-...,
 * sparse-context) are listed as extra rules after the fixed ones.
 *
 * GitLab Code Quality: a JSON array of issues with "description",
 * "check_name", "fingerprint", "severity" and "location" (path and
 * lines.begin), plus the Code Climate members "type" and "categories".
 * It lists only reported findings.
 */
#ifndef KAPI_TOOL_OUTPUT_H
#define KAPI_TOOL_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "kapi/finding.h"
#include "kapi/spec.h"

enum kapi_format {
	KAPI_FORMAT_TEXT,
	KAPI_FORMAT_JSON,
	KAPI_FORMAT_SARIF,
	KAPI_FORMAT_GITLAB,
};

/* The reason a result is not reported. */
enum kapi_suppression_kind {
	KAPI_NOT_SUPPRESSED,
	KAPI_SUPPRESSED_IN_SPEC,	/* a KAPI_CHECK_EXCEPTION() of its spec */
	KAPI_SUPPRESSED_BY_FILE,	/* an entry of a --suppress file */
	KAPI_SUPPRESSED_BY_BASELINE,	/* its key is in the --baseline file */
};

/* One finding to print, and what decides whether it is reported. */
struct kapi_result {
	const struct kapi_finding *finding;
	bool seen_in_build;		/* the per-unit pass printed it already */
	const char *engine;		/* who found it; NULL: "kapi-check" */
	const char *check_name;		/* an id outside enum kapi_check_id
					   (a merged engine's), or NULL */
	const struct kapi_spec *spec;	/* whose exceptions apply, or NULL */
	enum kapi_suppression_kind suppressed;
	const char *where;		/* the exception, entry or baseline */
	const char *justification;	/* its reason */
};

/*
 * Print RESULTS in FORMAT. Text and GitLab print only the results that
 * are not suppressed; JSON and SARIF print all of them, marked.
 */
void kapi_print_results(FILE *out, enum kapi_format format,
			const struct kapi_result *results, unsigned int n);

/* The stable id of a finding, as in the JSON output. */
const char *kapi_finding_id(struct kapi_arena *arena,
			    const struct kapi_finding *f);

/* The check id of a result: its own check's name or CHECK_NAME. */
const char *kapi_result_check(const struct kapi_result *r);

/* The stable id of a result, whose check may be a merged engine's id. */
const char *kapi_result_id(struct kapi_arena *arena,
			   const struct kapi_result *r);

#endif /* KAPI_TOOL_OUTPUT_H */
