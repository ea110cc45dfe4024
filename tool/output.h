/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The whole-build command's output formats: GCC-style text, JSON and
 * SARIF 2.1.0.
 *
 * JSON schema, version 1:
 *   { "version": 1, "tool": "kapi-check", "findings": [
 *       { "id": "kapi-errno-undeclared:sys_mlock:1a2b3c4d",
 *         "check": "kapi-errno-undeclared", "function": "sys_mlock",
 *         "severity": "warning" | "note",
 *         "file": "mm/mlock.c", "line": 612, "column": 10,
 *         "message": "...",
 *         "seen_in_build": false,
 *         "notes": [ { "file": ..., "line": ..., "column": ...,
 *                      "message": ... } ] } ] }
 * "id" is stable across runs and line moves: the check, the function and
 * a hash of the message. "seen_in_build" is true for findings that the
 * plugin already reported while compiling the unit.
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

/* One finding to print, and whether the per-unit pass printed it already. */
struct kapi_result {
	const struct kapi_finding *finding;
	bool seen_in_build;
};

void kapi_print_results(FILE *out, enum kapi_format format,
			const struct kapi_result *results, unsigned int n);

/* The stable id of a finding, as in the JSON output. */
const char *kapi_finding_id(struct kapi_arena *arena,
			    const struct kapi_finding *f);

#endif /* KAPI_TOOL_OUTPUT_H */
