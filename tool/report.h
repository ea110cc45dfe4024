/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What decides which findings kapi-check reports, in one place for every
 * subcommand that prints findings: the spec exceptions, the --suppress
 * files, the --baseline file, --write-baseline and --relative-to.
 */
#ifndef KAPI_TOOL_REPORT_H
#define KAPI_TOOL_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "output.h"

struct kapi_report_options {
	enum kapi_format format;
	bool all;			/* also findings the build reported */
	bool verbose;
	unsigned int nsuppress;
	const char **suppress;		/* --suppress FILE, in order */
	const char *baseline;		/* --baseline FILE */
	const char *write_baseline;	/* --write-baseline FILE */
	const char *relative_to;	/* --relative-to DIR */
};

/* Print the help lines of the options that kapi_report_option() takes. */
void kapi_report_usage(FILE *out);

/*
 * Take the option at ARGV[*I] (and its argument, advancing *I) when it is
 * one of these: --format=, --all, --verbose, --suppress,
 * --baseline, --write-baseline, --relative-to. Returns 1 when taken, 0
 * when it is not one of them, -1 after printing an error.
 */
int kapi_report_option(struct kapi_report_options *opts, int argc, char **argv,
		       int *i);

/*
 * Decide for each of RESULTS (N of them, in an order that stays the same
 * between runs) whether it is reported, then print them in the filter's
 * format, or write the baseline. Returns the exit status: 0 nothing
 * reported (or a baseline written), 1 findings reported, 2 an error (an
 * unreadable or invalid file), with the message on standard error.
 *
 * NOTE: a finding without a value, such as one read back from compiler
 * output, matches only "*" suppressions and the baseline key "-", so
 * two such findings of one check and function share a key.
 */
int kapi_report_results(const struct kapi_report_options *opts,
		       struct kapi_result *results, unsigned int n);

#endif /* KAPI_TOOL_REPORT_H */
