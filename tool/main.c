// SPDX-License-Identifier: GPL-2.0-only
/*
 * kapi-check: the whole-build command.
 *
 *   kapi-check [--format=text|json|sarif|gitlab] [--all] [--suppress FILE]...
 *              [--baseline FILE | --write-baseline FILE] [--relative-to DIR]
 *              PATH...
 *   kapi-check explain [--verbose] SYSCALL PATH...
 *   kapi-check kcflags
 *   kapi-check kerneldoc [-o HEADER] FILE.c
 *   kapi-check merge [--strip PREFIX] [OPTION]... FILE...  (see merge.c)
 *
 * PATH is an object, an archive, vmlinux.o or a folder of a build tree
 * compiled with the plugin's facts argument. The command links the facts
 * of every unit, solves across units and runs the errno, capability,
 * signal and parameter checks with whole-build knowledge. Findings that
 * the plugin already printed while compiling a unit are left out unless
 * --all is given; tool/report.c decides which of the others are reported.
 * Exit status: 0 no finding printed, 1 findings printed, 2 usage or input
 * error.
 */
#define _POSIX_C_SOURCE 200809L	/* clock_gettime() */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kapi/caps.h"
#include "kapi/check.h"
#include "join.h"
#include "kcflags.h"
#include "kerneldoc_cmd.h"
#include "report.h"
#include "link.h"
#include "merge.h"
#include "objects.h"
#include "output.h"
#include "reach.h"

#ifndef KAPI_VERSION
#define KAPI_VERSION "unknown"
#endif
#ifndef KAPI_PLUGIN_PATH
#define KAPI_PLUGIN_PATH "kapi_check.so"
#endif
#ifndef KAPI_COMPAT_INCLUDE
#define KAPI_COMPAT_INCLUDE "include/kapi-compat"
#endif
#ifndef KAPI_BUILD_PLUGIN_PATH
#define KAPI_BUILD_PLUGIN_PATH ""
#endif
#ifndef KAPI_BUILD_COMPAT_INCLUDE
#define KAPI_BUILD_COMPAT_INCLUDE ""
#endif

struct options {
	struct kapi_report_options report;
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: kapi-check [OPTION]... PATH...\n"
		"       kapi-check explain [--verbose] SYSCALL PATH...\n"
		"       kapi-check kcflags\n"
		"       kapi-check kerneldoc [-o HEADER] FILE.c\n"
		"       kapi-check merge [--strip PREFIX] [OPTION]... FILE...\n"
		"\n"
		"PATH: objects, archives, vmlinux.o or build folders compiled with\n"
		"-fplugin-arg-kapi_check-facts (see 'kapi-check kcflags'), or the\n"
		"folder given to -fplugin-arg-kapi_check-facts-dir. Options may\n"
		"follow paths; '--' ends the options.\n"
		"Options:\n");
	kapi_report_usage(out);
	fprintf(out, "Exit status: 0 no finding printed, 1 findings printed, 2 error.\n");
}

struct loader {
	struct kapi_build *build;
	struct kapi_reach *reach;
	unsigned int nblocks;		/* facts sections and files read */
};

static int on_scan(void *data, const char *origin, const unsigned char *bytes,
		   size_t len)
{
	struct loader *l = data;

	kapi_facts_scan(bytes, len, kapi_reach_visit, l->reach);
	return 0;
}

static int on_facts(void *data, const char *origin, const unsigned char *bytes,
		    size_t len)
{
	struct loader *l = data;
	struct kapi_build *b = l->build;
	const char *err = NULL;

	l->nblocks++;
	if (kapi_facts_read_filtered(b->arena, origin, bytes, len,
				     kapi_reach_keep, l->reach, &b->units,
				     &b->nunits, &err) < 0) {
		fprintf(stderr, "kapi-check: %s\n", err);
		return 2;
	}
	return 0;
}

/* A monotonic clock for the verbose phase times. */
static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run FOUND over every path; 0, or the exit status of a failure. */
static int search(char **paths, int npaths, kapi_facts_found found,
		  void *data, unsigned int *skipped)
{
	int i, rc;

	for (i = 0; i < npaths; i++) {
		char *err = NULL;

		rc = kapi_find_facts(paths[i], found, data, skipped, &err);
		if (rc < 0) {
			fprintf(stderr, "kapi-check: %s\n", err ? err : paths[i]);
			free(err);
			return 2;
		}
		if (rc)
			return rc;
	}
	return 0;
}

/*
 * Say that PATHS hold no unit facts, naming the paths (the first three)
 * and what was found in them: SKIPPED objects without a facts section,
 * NEMPTY facts sections or files without a unit.
 */
static void report_no_facts(char **paths, int npaths, unsigned int skipped,
			    unsigned int nempty)
{
	int i;

	fprintf(stderr, "kapi-check: no kapi facts in ");
	for (i = 0; i < npaths && i < 3; i++)
		fprintf(stderr, "%s'%s'", i ? ", " : "", paths[i]);
	if (npaths > 3)
		fprintf(stderr, " and %d more paths", npaths - 3);
	if (skipped == 0 && nempty == 0)
		fprintf(stderr, ": they contain no object files (an empty archive or folder)");
	else
		fprintf(stderr, ": read %u object%s without a facts section and %u empty facts section%s or file%s",
			skipped, skipped == 1 ? "" : "s", nempty,
			nempty == 1 ? "" : "s", nempty == 1 ? "" : "s");
	fprintf(stderr, "; build the objects with the flags of 'kapi-check kcflags'\n");
}

/*
 * Print one note when a global name has two strong definitions. The
 * inputs are then not one link, and the checks follow only the
 * definition read first, which changes what a finding means.
 */
static void report_duplicates(const struct kapi_reach_duplicates *d,
			      bool verbose)
{
	if (verbose)
		fprintf(stderr,
			"kapi-check: %u names with a weak definition replaced by a strong one, %u names with more than one strong definition\n",
			d->weak_replaced, d->strong);
	if (!d->strong)
		return;
	fprintf(stderr,
		"kapi-check: note: %u global function name%s defined in more than one unit, such as '%s' in %s and %s; calls reach the definition read first (%s). Pass the objects of one link, such as vmlinux.o.\n",
		d->strong, d->strong == 1 ? " is" : "s are", d->name,
		d->kept_unit, d->dropped_unit, d->kept_unit);
}

/*
 * Read the facts in two passes: a scan of names and calls finds what the
 * specified syscalls can reach, then only those summaries are parsed, so
 * memory follows the syscalls' reach, not the size of the build.
 */
static int load(struct kapi_build *b, char **paths, int npaths, bool verbose)
{
	struct kapi_arena *scan_arena = kapi_arena_new();
	struct loader l = { b, kapi_reach_new(scan_arena), 0 };
	unsigned int skipped = 0, ignored = 0, scanned, kept;
	struct kapi_reach_duplicates dups;
	double start = seconds(), scanned_at = start;
	size_t scan_size;
	int rc;

	rc = search(paths, npaths, on_scan, &l, &ignored);
	if (!rc) {
		kapi_reach_solve(l.reach);
		scanned_at = seconds();
		rc = search(paths, npaths, on_facts, &l, &skipped);
	}
	scanned = kapi_reach_count(l.reach, &kept);
	kapi_reach_duplicates(l.reach, &dups);
	if (!rc)
		report_duplicates(&dups, verbose);
	scan_size = kapi_arena_size(scan_arena);
	kapi_arena_free(scan_arena);
	if (rc)
		return rc;
	if (verbose)
		fprintf(stderr,
			"kapi-check: scan %.2f s (%zu MiB), read %.2f s (%zu MiB)\n",
			scanned_at - start, scan_size >> 20,
			seconds() - scanned_at, kapi_arena_size(b->arena) >> 20);
	/* The facts may fill the default budget alone: give the solver room. */
	kapi_arena_set_budget(b->arena, kapi_arena_size(b->arena) +
			      ((size_t)2 << 30));
	if (verbose)
		fprintf(stderr,
			"kapi-check: %u functions scanned, %u reachable from specified syscalls\n",
			scanned, kept);
	if (b->nunits == 0) {
		report_no_facts(paths, npaths, skipped, l.nblocks);
		return 2;
	}
	kapi_build_link(b);
	kapi_build_join_specs(b, verbose ? stderr : NULL);
	if (verbose)
		fprintf(stderr,
			"kapi-check: %u units (%u read twice), %u functions linked, %u objects without facts\n",
			b->nunits, b->nrepeated, b->nfunctions, skipped);
	return 0;
}

/*
 * Run the errno, capability, signal and parameter checks of SPEC.
 *
 * TODO: the lock checks run only in the plugin, per unit: they follow each
 * function's control flow, which the facts do not carry. A lock that a
 * callee in another unit takes and keeps is therefore not seen here.
 */
static void check_spec(struct kapi_arena *arena, struct kapi_program *prog,
		       const struct kapi_unit_facts *u,
		       const struct kapi_spec *spec,
		       struct kapi_errno_report *report,
		       struct kapi_findings *out)
{
	struct kapi_caps *caps = kapi_caps_new(arena, prog);

	kapi_check_errnos(arena, prog, spec, u->errnos, true, out, report);
	kapi_check_caps(arena, caps, spec, report, u->cap_names, u->errnos,
			out);
	kapi_check_params(spec, report->impl ?
			  kapi_program_find(prog, report->impl) : NULL, out);
}

static bool same_finding(const struct kapi_finding *a,
			 const struct kapi_finding *b)
{
	return a->check == b->check && strcmp(a->message, b->message) == 0 &&
	       a->loc.line == b->loc.line &&
	       (a->loc.file == b->loc.file ||
		(a->loc.file && b->loc.file &&
		 strcmp(a->loc.file, b->loc.file) == 0));
}

static int run_check(const struct options *opt, char **paths, int npaths)
{
	struct kapi_build b = { 0 };
	struct kapi_result *results = NULL;
	struct kapi_findings whole;
	unsigned int i, j, k, nresults = 0;
	double solve_start;
	int rc;

	b.arena = kapi_arena_new();
	rc = load(&b, paths, npaths, opt->report.verbose);
	if (rc) {
		kapi_arena_free(b.arena);
		return rc;
	}

	kapi_findings_init(&whole, b.arena);
	solve_start = seconds();
	for (i = 0; i < b.nunits; i++) {
		const struct kapi_unit_facts *u = &b.units[i];
		struct kapi_program *alone = kapi_unit_program(b.arena, u);
		bool checked_in_build = !kapi_unit_holds_specs_only(u);

		for (j = 0; j < u->nspecs; j++) {
			struct kapi_findings unit_findings;
			struct kapi_errno_report report;
			unsigned int first = whole.n;

			kapi_findings_init(&unit_findings, b.arena);
			if (checked_in_build)
				check_spec(b.arena, alone, u, u->specs[j],
					   &report, &unit_findings);
			check_spec(b.arena, b.prog, u, u->specs[j], &report,
				   &whole);

			for (k = first; k < whole.n; k++) {
				bool seen = false;
				unsigned int m;

				for (m = 0; m < unit_findings.n && !seen; m++)
					seen = same_finding(&whole.v[k],
							    &unit_findings.v[m]);
				results = realloc(results, (nresults + 1) *
						  sizeof(*results));
				if (!results)
					abort();
				results[nresults] = (struct kapi_result){
					.finding = &whole.v[k],
					.seen_in_build = seen,
					.spec = u->specs[j],
					.suppressed = KAPI_NOT_SUPPRESSED,
				};
				nresults++;
			}
		}
	}

	if (opt->report.verbose)
		fprintf(stderr, "kapi-check: checks %.2f s (%zu MiB in all)\n",
			seconds() - solve_start,
			kapi_arena_size(b.arena) >> 20);
	rc = kapi_report_results(&opt->report, results, nresults);
	free(results);
	kapi_arena_free(b.arena);
	return rc;
}

/* Count the indirect calls reachable from FN, once per call site. */
static unsigned int count_indirect(struct kapi_program *prog, const char *fn,
				   const char ***seen, unsigned int *nseen)
{
	const struct kapi_summary *s = kapi_program_find(prog, fn);
	unsigned int i, n = 0;

	if (!s)
		return 0;
	for (i = 0; i < *nseen; i++)
		if ((*seen)[i] == s->name)
			return 0;
	*seen = realloc(*seen, (*nseen + 1) * sizeof(**seen));
	if (!*seen)
		abort();
	(*seen)[(*nseen)++] = s->name;
	for (i = 0; i < s->ncalls; i++) {
		if (!s->calls[i].reachable)
			continue;
		if (s->calls[i].indirect)
			n++;
		else
			n += count_indirect(prog, s->calls[i].callee, seen,
					    nseen);
	}
	return n;
}

static int run_explain(const char *name, char **paths, int npaths,
		       bool verbose)
{
	struct kapi_build b = { 0 };
	unsigned int i, j;
	int rc, found = 0;

	b.arena = kapi_arena_new();
	rc = load(&b, paths, npaths, verbose);
	for (i = 0; !rc && i < b.nunits; i++) {
		const struct kapi_unit_facts *u = &b.units[i];

		for (j = 0; j < u->nspecs; j++) {
			const struct kapi_spec *spec = u->specs[j];
			struct kapi_caps *caps = kapi_caps_new(b.arena, b.prog);
			struct kapi_errno_report report;
			struct kapi_findings ignored;
			struct kapi_buf out = { 0 };
			const char **seen = NULL;
			unsigned int nseen = 0;

			if (strcmp(spec->name, name) != 0)
				continue;
			found++;
			kapi_findings_init(&ignored, b.arena);
			kapi_check_errnos(b.arena, b.prog, spec, u->errnos, true,
					  &ignored, &report);
			kapi_errno_report_format(&report, NULL, &out);
			kapi_caps_report_format(spec, report.impl ?
						kapi_caps_of(caps, report.impl) :
						NULL, u->cap_names, NULL, &out);
			if (report.impl)
				kapi_buf_printf(&out,
						"%s: indirect calls reachable (unknown sources): %u\n",
						spec->name,
						count_indirect(b.prog, report.impl,
							       &seen, &nseen));
			kapi_buf_printf(&out,
					"%s: locks are checked per unit by the plugin (see its audit argument)\n",
					spec->name);
			fputs(kapi_buf_str(&out), stdout);
			kapi_buf_release(&out);
			free(seen);
		}
	}
	if (!rc && !found) {
		fprintf(stderr, "kapi-check: no spec named '%s' in the given facts\n",
			name);
		rc = 2;
	}
	kapi_arena_free(b.arena);
	return rc;
}

/*
 * Sort ARGV[FIRST..] into options, taken into OPT, and operands, moved in
 * order to the front of ARGV[FIRST..] and counted in *NOPERANDS. Options
 * may follow operands; "--" makes every later argument an operand. With
 * EXPLAIN, only the options of "kapi-check explain" are taken. Returns -1
 * to go on, else the exit status (0 after --help or --version).
 */
static int parse_args(struct options *opt, int argc, char **argv, int first,
		      bool explain, int *noperands)
{
	bool options_end = false;
	int i, n = 0, taken;

	for (i = first; i < argc; i++) {
		const char *arg = argv[i];

		if (options_end || arg[0] != '-' || arg[1] == '\0') {
			argv[first + n++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			options_end = true;
			continue;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(arg, "--version") == 0) {
			printf("kapi-check %s\n", KAPI_VERSION);
			return 0;
		}
		if (explain && strcmp(arg, "--verbose") != 0 &&
		    strcmp(arg, "-v") != 0) {
			fprintf(stderr, "kapi-check: option '%s' does not apply to 'kapi-check explain', which takes --verbose only\n",
				arg);
			return 2;
		}
		taken = kapi_report_option(&opt->report, argc, argv, &i);
		if (taken < 0)
			return 2;
		if (!taken) {
			fprintf(stderr, "kapi-check: unknown option '%s'; put '--' before a path that starts with '-'\n",
				arg);
			usage(stderr);
			return 2;
		}
	}
	*noperands = n;
	return -1;
}

int main(int argc, char **argv)
{
	struct options opt = { 0 };
	int n, rc;

	if (argc > 1 && strcmp(argv[1], "kcflags") == 0) {
		if (argc != 2) {
			usage(stderr);
			return 2;
		}
		return kapi_kcflags_print(stdout, stderr,
					  &(const struct kapi_kcflags_paths){
						KAPI_PLUGIN_PATH,
						KAPI_COMPAT_INCLUDE,
						KAPI_BUILD_PLUGIN_PATH,
						KAPI_BUILD_COMPAT_INCLUDE });
	}
	if (argc > 1 && strcmp(argv[1], "kerneldoc") == 0)
		return kapi_kerneldoc_main(argc - 2, argv + 2);
	if (argc > 1 && strcmp(argv[1], "merge") == 0)
		return kapi_merge_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "explain") == 0) {
		rc = parse_args(&opt, argc, argv, 2, true, &n);
		if (rc >= 0)
			return rc;
		if (n < 2) {
			fprintf(stderr, "kapi-check: explain needs a syscall name and at least one path\n");
			usage(stderr);
			return 2;
		}
		return run_explain(argv[2], argv + 3, n - 1,
				   opt.report.verbose);
	}

	rc = parse_args(&opt, argc, argv, 1, false, &n);
	if (rc >= 0) {
		free(opt.report.suppress);
		return rc;
	}
	if (n == 0) {
		usage(stderr);
		free(opt.report.suppress);
		return 2;
	}
	rc = run_check(&opt, argv + 1, n);
	free(opt.report.suppress);
	return rc;
}
