// SPDX-License-Identifier: GPL-2.0-only
/*
 * Deciding which findings are reported (see report.h), in this order:
 *
 *   1. a finding the build already reported is left out unless --all;
 *   2. a KAPI_CHECK_EXCEPTION() of its spec suppresses it;
 *   3. so does the first --suppress entry that covers it;
 *   4. --write-baseline writes the keys of what is left and stops;
 *   5. --baseline accepts, key by key, the findings it lists.
 *
 * Paths are rewritten (--relative-to) before anything is printed, so
 * every format shows the same paths.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "report.h"
#include "kapi/suppress.h"
#include "relpath.h"
#include "suppress.h"

void kapi_report_usage(FILE *out)
{
	fprintf(out,
		"  --format=FORMAT  text (GCC style, default), json, sarif (2.1.0)\n"
		"                   or gitlab (Code Quality report)\n"
		"  --all            also print findings the build already reported\n"
		"  --verbose        print what was read, linked and suppressed to\n"
		"                   standard error\n"
		"  --suppress FILE  do not report the findings FILE lists, one\n"
		"                   'FUNCTION CHECK-ID VALUE REASON' a line (repeatable)\n"
		"  --baseline FILE  report only findings whose key (check id,\n"
		"                   function, value) FILE does not list\n"
		"  --write-baseline FILE\n"
		"                   write the keys of today's findings to FILE and\n"
		"                   print nothing else\n"
		"  --relative-to DIR\n"
		"                   print paths relative to DIR (the kernel tree);\n"
		"                   relative paths are taken from the current folder\n");
}

static const struct {
	const char *name;
	enum kapi_format format;
} formats[] = {
	{ "text", KAPI_FORMAT_TEXT },
	{ "json", KAPI_FORMAT_JSON },
	{ "sarif", KAPI_FORMAT_SARIF },
	{ "gitlab", KAPI_FORMAT_GITLAB },
};

static int take_format(struct kapi_report_options *opts, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(formats[i].name, name) == 0) {
			opts->format = formats[i].format;
			return 1;
		}
	}
	fprintf(stderr, "kapi-check: unknown format '%s'; use text, json, sarif or gitlab\n",
		name);
	return -1;
}

/* The argument of option NAME, as "--NAME=ARG" or "--NAME ARG". */
static const char *option_arg(const char *name, int argc, char **argv,
			      int *i, bool *matched)
{
	size_t len = strlen(name);
	const char *arg = argv[*i];

	*matched = false;
	if (strncmp(arg, name, len) != 0)
		return NULL;
	if (arg[len] == '=') {
		*matched = true;
		return arg + len + 1;
	}
	if (arg[len] != '\0')
		return NULL;
	*matched = true;
	if (*i + 1 >= argc) {
		fprintf(stderr, "kapi-check: option '%s' needs an argument\n",
			name);
		return NULL;
	}
	return argv[++*i];
}

int kapi_report_option(struct kapi_report_options *opts, int argc, char **argv,
		       int *i)
{
	static const char *const with_arg[] = {
		"--format", "--suppress", "--baseline", "--write-baseline",
		"--relative-to",
	};
	const char *arg = argv[*i];
	size_t k;

	if (strcmp(arg, "--all") == 0) {
		opts->all = true;
		return 1;
	}
	if (strcmp(arg, "--verbose") == 0 || strcmp(arg, "-v") == 0) {
		opts->verbose = true;
		return 1;
	}
	for (k = 0; k < sizeof(with_arg) / sizeof(with_arg[0]); k++) {
		bool matched;
		const char *value = option_arg(with_arg[k], argc, argv, i,
					       &matched);

		if (!matched)
			continue;
		if (!value || !*value) {
			if (value)
				fprintf(stderr, "kapi-check: option '%s' needs an argument\n",
					with_arg[k]);
			return -1;
		}
		switch (k) {
		case 0:
			return take_format(opts, value);
		case 1:
			opts->suppress = realloc(opts->suppress,
						   (opts->nsuppress + 1) *
						   sizeof(*opts->suppress));
			if (!opts->suppress)
				abort();
			opts->suppress[opts->nsuppress++] = value;
			return 1;
		case 2:
			opts->baseline = value;
			return 1;
		case 3:
			opts->write_baseline = value;
			return 1;
		default:
			opts->relative_to = value;
			return 1;
		}
	}
	return 0;
}

/* Copy F into ARENA with every path made relative to ROOT. */
static const struct kapi_finding *relocate(struct kapi_arena *arena,
					   const struct kapi_finding *f,
					   const char *root, const char *cwd)
{
	struct kapi_finding *copy = kapi_arena_alloc(arena, sizeof(*copy));
	unsigned int i;

	*copy = *f;
	copy->loc.file = kapi_relative_path(arena, f->loc.file, root, cwd);
	copy->notes = kapi_arena_alloc(arena, (f->nnotes ? f->nnotes : 1) *
				       sizeof(*copy->notes));
	for (i = 0; i < f->nnotes; i++) {
		copy->notes[i] = f->notes[i];
		copy->notes[i].loc.file = kapi_relative_path(arena,
							     f->notes[i].loc.file,
							     root, cwd);
	}
	return copy;
}

static int relocate_all(struct kapi_arena *arena, const char *dir,
			struct kapi_result *results, unsigned int n)
{
	char root[PATH_MAX], cwd[PATH_MAX];
	unsigned int i;

	if (!realpath(dir, root)) {
		fprintf(stderr, "kapi-check: --relative-to %s: %s; give the kernel tree's folder\n",
			dir, strerror(errno));
		return -1;
	}
	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "kapi-check: cannot read the current folder: %s\n",
			strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++)
		results[i].finding = relocate(arena, results[i].finding, root,
					      cwd);
	return 0;
}

/* Steps 2 and 3 of the file comment. */
static void suppress(struct kapi_arena *arena, struct kapi_result *r,
		     struct kapi_suppressions *files)
{
	const struct kapi_finding *f = r->finding;
	const struct kapi_spec_exception *x = NULL;
	struct kapi_suppression *e;

	if (r->spec && f->function && strcmp(r->spec->name, f->function) == 0)
		x = kapi_spec_exception_for(r->spec, f);
	if (x) {
		r->suppressed = KAPI_SUPPRESSED_IN_SPEC;
		r->where = kapi_arena_printf(arena, "check exception %d of spec '%s'",
					     x->index, r->spec->name);
		r->justification = x->reason;
		return;
	}
	e = kapi_suppressions_match(files, f);
	if (e) {
		e->matched++;
		r->suppressed = KAPI_SUPPRESSED_BY_FILE;
		r->where = kapi_arena_printf(arena, "%s:%u", e->file, e->line);
		r->justification = e->reason;
	}
}

static int write_baseline(const char *file, const struct kapi_result *r,
			  unsigned int n)
{
	const struct kapi_finding **keys = calloc(n ? n : 1, sizeof(*keys));
	const char **checks = calloc(n ? n : 1, sizeof(*checks));
	unsigned int i, nkeys = 0;
	char *err = NULL;
	int rc = 0;

	if (!keys || !checks)
		abort();
	for (i = 0; i < n; i++) {
		if (r[i].suppressed != KAPI_NOT_SUPPRESSED)
			continue;
		checks[nkeys] = kapi_result_check(&r[i]);
		keys[nkeys++] = r[i].finding;
	}
	if (kapi_baseline_write(file, checks, keys, nkeys, &err) < 0) {
		fprintf(stderr, "kapi-check: %s\n", err ? err : file);
		rc = 2;
	} else {
		fprintf(stderr, "kapi-check: wrote %u finding%s to the baseline %s\n",
			nkeys, nkeys == 1 ? "" : "s", file);
	}
	free(err);
	free(checks);
	free(keys);
	return rc;
}

static int read_files(const struct kapi_report_options *opts,
		      struct kapi_suppressions *files,
		      struct kapi_baseline *baseline)
{
	unsigned int i;
	char *err = NULL;

	for (i = 0; i < opts->nsuppress; i++) {
		if (kapi_suppressions_read(files, opts->suppress[i], &err) < 0)
			goto fail;
	}
	if (opts->baseline &&
	    kapi_baseline_read(baseline, opts->baseline, &err) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "kapi-check: %s\n", err ? err : "out of memory");
	free(err);
	return -1;
}

static void print_summary(const struct kapi_report_options *opts,
			  const struct kapi_result *r, unsigned int n,
			  unsigned int nseen,
			  const struct kapi_suppressions *files)
{
	unsigned int i, count[4] = { 0 };

	for (i = 0; i < n; i++)
		count[r[i].suppressed]++;
	fprintf(stderr,
		"kapi-check: %u finding%s printed; %u suppressed by spec exceptions, %u by suppression files, %u in the baseline; %u the build already reported%s\n",
		count[KAPI_NOT_SUPPRESSED],
		count[KAPI_NOT_SUPPRESSED] == 1 ? "" : "s",
		count[KAPI_SUPPRESSED_IN_SPEC], count[KAPI_SUPPRESSED_BY_FILE],
		count[KAPI_SUPPRESSED_BY_BASELINE], nseen,
		opts->all ? " (included)" : " (left out; --all prints them)");
	if (!opts->verbose)
		return;
	for (i = 0; i < files->n; i++)
		if (!files->v[i].matched)
			fprintf(stderr, "kapi-check: %s:%u: the suppression of %s for '%s' with value '%s' matched no finding\n",
				files->v[i].file, files->v[i].line,
				kapi_check_name(files->v[i].check),
				files->v[i].function, files->v[i].value);
}

int kapi_report_results(const struct kapi_report_options *opts,
		       struct kapi_result *results, unsigned int n)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_suppressions files = { arena, 0, NULL };
	struct kapi_baseline baseline = { arena, NULL, 0, NULL };
	struct kapi_result *kept = calloc(n ? n : 1, sizeof(*kept));
	unsigned int i, nkept = 0, nseen = 0, nreported = 0;
	int rc = 0;

	if (!kept)
		abort();
	if (opts->baseline && opts->write_baseline) {
		fprintf(stderr, "kapi-check: --baseline and --write-baseline exclude each other\n");
		rc = 2;
	}
	if (!rc && (read_files(opts, &files, &baseline) < 0 ||
		    (opts->relative_to &&
		     relocate_all(arena, opts->relative_to, results, n) < 0)))
		rc = 2;

	for (i = 0; !rc && i < n; i++) {
		struct kapi_result *r = &results[i];

		nseen += r->seen_in_build;
		if (r->seen_in_build && !opts->all && !opts->write_baseline)
			continue;
		suppress(arena, r, &files);
		kept[nkept++] = *r;
	}

	if (!rc && opts->write_baseline) {
		rc = write_baseline(opts->write_baseline, kept, nkept);
		goto out;
	}
	for (i = 0; !rc && i < nkept; i++) {
		if (kept[i].suppressed == KAPI_NOT_SUPPRESSED &&
		    opts->baseline &&
		    kapi_baseline_take(&baseline, kapi_result_check(&kept[i]),
				       kept[i].finding)) {
			kept[i].suppressed = KAPI_SUPPRESSED_BY_BASELINE;
			kept[i].where = baseline.file;
			kept[i].justification = "listed in the baseline";
		}
		nreported += kept[i].suppressed == KAPI_NOT_SUPPRESSED;
	}
	if (!rc) {
		kapi_print_results(stdout, opts->format, kept, nkept);
		if (opts->verbose || opts->format == KAPI_FORMAT_TEXT)
			print_summary(opts, kept, nkept, nseen, &files);
		rc = nreported ? 1 : 0;
	}
out:
	free(kept);
	kapi_arena_free(arena);
	return rc;
}
