// SPDX-License-Identifier: GPL-2.0-only
/*
 * gen_malformed_specs.c - write broken KAPI spec variants as small C units,
 * each with the diagnostics it must get in expect- comments
 *
 * Usage: gen_malformed_specs OUTDIR
 *
 * Writes OUTDIR/<variant>.c for every variant and prints each file name on
 * standard output. The units use the compat DSL (<linux/kernel_api_spec.h>)
 * or raw initializers of struct kernel_api_spec, and are checked by
 * tests/plugin/run_fixture with the real GCC and plugin: a variant passes
 * when the diagnostics match its expect- comments, GCC exits with its
 * kapi-test-exit status, and no internal compiler error or signal occurs.
 *
 * Each entry list (params, errors, locks, signals, capabilities) gets
 * these variants: counts off by one, by a lot and negative, a missing
 * count, indexes just past and far past the array, a negative index, a
 * repeated index, an index hole and an empty name. Then single cases:
 * wrong C types in members, impossible values (error codes out of the
 * errno range, capabilities and lock kinds that do not exist, an empty
 * success range), specs for functions that do not exist, two specs with
 * one name, names that look like format strings, and a struct
 * kernel_api_spec of a layout the plugin does not know.
 *
 * Exit status: 0 written, 1 a file could not be written.
 */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Array sizes of the compat header <linux/kernel_api_spec.h>. */
#define MAX_PARAMS	16
#define MAX_ERRORS	32
#define MAX_LOCKS	16
#define MAX_SIGNALS	32
#define MAX_CAPS	8

/* GCC's error for a designator past the end of the array. */
#define PAST_BOUNDS	"array index in initializer exceeds array bounds"

/* One entry list of struct kernel_api_spec. */
struct entry_kind {
	const char *what;		/* as in the plugin's messages */
	const char *count_macro;	/* KAPI_ERROR_COUNT */
	const char *count_field;	/* error_count */
	int max;			/* entries the array holds */
	/* Write entry INDEX; SLOT picks its contents, NAME NULL: the default. */
	void (*write)(FILE *f, int index, int slot, const char *name);
};

static const char *const errno_names[] = {
	"EINVAL", "ENOMEM", "EBUSY", "EFAULT", "EPERM", "EAGAIN",
};


static void write_param(FILE *f, int index, int slot, const char *name)
{
	fprintf(f, "\tKAPI_PARAM(%d, \"%s\", \"int\", \"A parameter\")\n"
		"\t\tKAPI_PARAM_TYPE(KAPI_TYPE_INT)\n"
		"\t\tKAPI_PARAM_FLAGS(KAPI_PARAM_IN)\n"
		"\tKAPI_PARAM_END\n", index, name ? name : (slot ? "a1" : "a0"));
}

static void write_error(FILE *f, int index, int slot, const char *name)
{
	fprintf(f, "\tKAPI_ERROR(%d, -%s, \"%s\", \"A condition\", \"A description.\")\n",
		index, errno_names[slot], name ? name : errno_names[slot]);
}

static void write_lock(FILE *f, int index, int slot, const char *name)
{
	fprintf(f, "\tKAPI_LOCK(%d, \"%s\", KAPI_LOCK_MUTEX)\n"
		"\t\tKAPI_LOCK_ACQUIRED\n"
		"\t\tKAPI_LOCK_RELEASED\n"
		"\tKAPI_LOCK_END\n", index,
		name ? name : (slot ? "work_lock" : "list_lock"));
}

static void write_signal(FILE *f, int index, int slot, const char *name)
{
	fprintf(f, "\tKAPI_SIGNAL(%d, %d, \"%s\", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_DEFAULT)\n"
		"\tKAPI_SIGNAL_END\n", index, slot ? 15 : 2,
		name ? name : (slot ? "SIGTERM" : "SIGINT"));
}

static void write_cap(FILE *f, int index, int slot, const char *name)
{
	fprintf(f, "\tKAPI_CAPABILITY(%d, %d, \"%s\", KAPI_CAP_GRANT_PERMISSION)\n"
		"\tKAPI_CAPABILITY_END\n", index, slot ? 14 : 21,
		name ? name : (slot ? "CAP_IPC_LOCK" : "CAP_SYS_ADMIN"));
}

static const struct entry_kind kinds[] = {
	{ "param", "KAPI_PARAM_COUNT", "param_count", MAX_PARAMS, write_param },
	{ "error", "KAPI_ERROR_COUNT", "error_count", MAX_ERRORS, write_error },
	{ "lock", "KAPI_LOCK_COUNT", "lock_count", MAX_LOCKS, write_lock },
	{ "signal", "KAPI_SIGNAL_COUNT", "signal_count", MAX_SIGNALS, write_signal },
	{ "capability", "KAPI_CAPABILITY_COUNT", "capability_count", MAX_CAPS, write_cap },
};

static const char *outdir;
static int failures;

/* A variant being written: its file and the syscall it specifies. */
struct unit {
	FILE *f;
	char path[4096];
	char syscall[128];	/* without the sys_ prefix */
};

static bool unit_open(struct unit *u, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(u->syscall, sizeof(u->syscall), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(u->syscall))
		return false;
	snprintf(u->path, sizeof(u->path), "%s/%s.c", outdir, u->syscall);
	u->f = fopen(u->path, "w");
	if (!u->f) {
		fprintf(stderr, "gen_malformed_specs: cannot write '%s': %s\n",
			u->path, strerror(errno));
		failures++;
		return false;
	}
	return true;
}

/* The file header: WHY as a comment, the expected exit status of GCC. */
static void unit_header(struct unit *u, const char *why, int exit_status)
{
	fprintf(u->f, "// SPDX-License-Identifier: GPL-2.0-only\n"
		"/*\n * Written by gen_malformed_specs: %s\n", why);
	if (exit_status)
		fprintf(u->f, " * kapi-test-exit: %d\n", exit_status);
	fprintf(u->f, " */\n"
		"#include <linux/errno.h>\n"
		"#include <linux/syscalls.h>\n"
		"#include <linux/syscall_api_spec.h>\n\n"
		"/* Defined in another unit: its errnos are unknown, so no errno check fires. */\n"
		"extern long do_work(int arg);\n\n");
}

/*
 * Open the spec. EXPECT contains the expect- comments of the line that
 * DEFINE_KERNEL_API_SPEC is on, where the plugin reports spec findings.
 */
static void spec_open(struct unit *u, const char *expect)
{
	fprintf(u->f, "DEFINE_KERNEL_API_SPEC(sys_%s)", u->syscall);
	if (expect && *expect)
		fprintf(u->f, "\t/* %s */", expect);
	fprintf(u->f, "\n\tKAPI_DESCRIPTION(\"A malformed spec\")\n"
		"\tKAPI_RETURN(\"long\", \"0 on success, negative error code on failure\")\n"
		"\t\tKAPI_RETURN_TYPE(KAPI_TYPE_INT)\n"
		"\t\tKAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)\n"
		"\t\tKAPI_RETURN_SUCCESS(0)\n"
		"\tKAPI_RETURN_END\n");
}

/*
 * Close the spec and define the syscall with two int parameters a0 and
 * a1, the parameters every variant's spec describes (when it has any).
 * EXPECT contains the expect- comments of the syscall's line.
 */
static void spec_close(struct unit *u, const char *expect)
{
	fprintf(u->f, "KAPI_END_SPEC;\n\nSYSCALL_DEFINE2(%s, int, a0, int, a1)",
		u->syscall);
	if (expect)
		fprintf(u->f, "\t/* %s */", expect);
	fprintf(u->f, "\n{\n\treturn do_work(a0 + a1);\n}\n");
}

static void unit_close(struct unit *u)
{
	if (fclose(u->f) != 0) {
		fprintf(stderr, "gen_malformed_specs: cannot write '%s': %s\n",
			u->path, strerror(errno));
		failures++;
		return;
	}
	printf("%s\n", u->path);
}

/*
 * Two params are the syscall's own, so a list kind other than param still
 * gets both, with a correct count, and only its own list is broken.
 */
static void write_params_unless(struct unit *u, const struct entry_kind *k)
{
	if (k->write == write_param)
		return;
	write_param(u->f, 0, 0, NULL);
	write_param(u->f, 1, 1, NULL);
	fprintf(u->f, "\tKAPI_PARAM_COUNT(2)\n");
}

/* Plural of an entry kind's word, as the plugin writes it. */
static const char *entries_word(unsigned int n)
{
	return n == 1 ? "entry is" : "entries are";
}

/* Append an expectation, after a blank when EXPECT is not empty. */
static void append(char *expect, size_t size, const char *fmt, ...)
{
	size_t used = strlen(expect);
	va_list ap;

	if (used && used + 1 < size)
		expect[used++] = ' ';
	va_start(ap, fmt);
	vsnprintf(expect + used, size - used, fmt, ap);
	va_end(ap);
}

/*
 * Append to EXPECT the kapi-param-mismatch warning for a spec whose
 * parameter 0 is named SPEC_NAME, where the syscall names it a0.
 */
static void param_mismatch(const struct unit *u, char *expect, size_t size,
			   const char *spec_name)
{
	append(expect, size,
	       "expect-warning: kapi-param-mismatch \"spec 'sys_%s': parameter 0 is '%s', but '__do_sys_%s' names it 'a0'\"",
	       u->syscall, spec_name, u->syscall);
}

/* The note of kapi-param-mismatch warnings, for COUNT of them. */
static const char *defined_here(const struct unit *u, int count)
{
	static char note[256];

	snprintf(note, sizeof(note),
		 "expect-note%s: kapi-param-mismatch \"'__do_sys_%s' is defined here\"",
		 count > 1 ? "+" : "", u->syscall);
	return note;
}

/* Entries 0 and 1 and COUNT in the count field. */
static void gen_count(const struct entry_kind *k, const char *tag,
		      long long count)
{
	struct unit u;
	char expect[1024];

	if (!unit_open(&u, "%s_count_%s", k->what, tag))
		return;
	unit_header(&u, "a count field that disagrees with the two entries", 0);
	/* The count field is u32, so a negative count reads as 2^32 + count. */
	snprintf(expect, sizeof(expect),
		 "expect-warning: kapi-spec-malformed \"spec 'sys_%s': %s is %lld but 2 %s entries are initialized\"",
		 u.syscall, k->count_field,
		 count < 0 ? count + 4294967296LL : count, k->what);
	spec_open(&u, expect);
	write_params_unless(&u, k);
	k->write(u.f, 0, 0, NULL);
	k->write(u.f, 1, 1, NULL);
	fprintf(u.f, "\t%s(%lld)\n", k->count_macro, count);
	spec_close(&u, NULL);
	unit_close(&u);
}

static void gen_count_missing(const struct entry_kind *k)
{
	struct unit u;
	char expect[1024];

	if (!unit_open(&u, "%s_count_missing", k->what))
		return;
	unit_header(&u, "entries without their count field, so readers see none", 0);
	snprintf(expect, sizeof(expect),
		 "expect-warning: kapi-spec-malformed \"spec 'sys_%s' has 2 %s entries but no %s, so readers of the spec see none\"",
		 u.syscall, k->what, k->count_field);
	spec_open(&u, expect);
	write_params_unless(&u, k);
	k->write(u.f, 0, 0, NULL);
	k->write(u.f, 1, 1, NULL);
	spec_close(&u, NULL);
	unit_close(&u);
}

/* Entry 0 and an entry at INDEX outside the array: GCC's own error. */
static void gen_index_out_of_bounds(const struct entry_kind *k,
				    const char *tag, long index)
{
	struct unit u;

	if (!unit_open(&u, "%s_index_%s", k->what, tag))
		return;
	unit_header(&u, "an entry index outside the array, which GCC rejects", 1);
	spec_open(&u, NULL);
	write_params_unless(&u, k);
	k->write(u.f, 0, 0, NULL);
	fprintf(u.f, "\t/* expect-error@+1: gcc \"" PAST_BOUNDS "\" */\n");
	k->write(u.f, (int)index, 1, NULL);
	fprintf(u.f, "\t%s(2)\n", k->count_macro);
	spec_close(&u, NULL);
	unit_close(&u);
}

/*
 * Two initializers of index 0: GCC keeps the last, so one entry is left
 * and the count of 2 disagrees with it.
 */
static void gen_index_repeated(const struct entry_kind *k)
{
	struct unit u;
	char expect[1024];

	if (!unit_open(&u, "%s_index_repeated", k->what))
		return;
	unit_header(&u, "two entries with index 0; GCC keeps only the last", 0);
	snprintf(expect, sizeof(expect),
		 "expect-warning: kapi-spec-malformed \"spec 'sys_%s': %s is 2 but 1 %s %s initialized\"",
		 u.syscall, k->count_field, k->what, entries_word(1));
	if (k->write == write_param)
		param_mismatch(&u, expect, sizeof(expect), "a1");
	if (k->write == write_param)
		append(expect, sizeof(expect),
		       "expect-warning: kapi-param-mismatch \"spec 'sys_%s' describes 1 parameter, but '__do_sys_%s' takes 2\"",
		       u.syscall, u.syscall);
	spec_open(&u, expect);
	write_params_unless(&u, k);
	k->write(u.f, 0, 0, NULL);
	k->write(u.f, 0, 1, NULL);
	fprintf(u.f, "\t%s(2)\n", k->count_macro);
	spec_close(&u, k->write == write_param ? defined_here(&u, 2) : NULL);
	unit_close(&u);
}

/* Entries 0 and 2 with a count of 2: entry 1 is a zeroed hole. */
static void gen_index_hole(const struct entry_kind *k)
{
	struct unit u;
	char expect[1024];

	if (!unit_open(&u, "%s_index_hole", k->what))
		return;
	unit_header(&u, "entries 0 and 2 but no entry 1", 0);
	snprintf(expect, sizeof(expect),
		 "expect-warning: kapi-spec-malformed \"spec 'sys_%s': %s index 1 is missing (entries up to 2 are initialized)\"",
		 u.syscall, k->what);
	spec_open(&u, expect);
	write_params_unless(&u, k);
	k->write(u.f, 0, 0, NULL);
	k->write(u.f, 2, 1, NULL);
	fprintf(u.f, "\t%s(2)\n", k->count_macro);
	spec_close(&u, NULL);
	unit_close(&u);
}

/* Entry 0 with an empty name. */
static void gen_empty_name(const struct entry_kind *k)
{
	struct unit u;
	char expect[1024];

	if (!unit_open(&u, "%s_empty_name", k->what))
		return;
	unit_header(&u, "an entry with an empty name", 0);
	expect[0] = '\0';
	if (k->write == write_param)
		param_mismatch(&u, expect, sizeof(expect), "");
	else
		snprintf(expect, sizeof(expect),
			 "expect-warning: kapi-spec-malformed \"spec 'sys_%s': %s entry 0 has no name\"",
			 u.syscall, k->what);
	spec_open(&u, expect);
	write_params_unless(&u, k);
	k->write(u.f, 0, 0, "");
	k->write(u.f, 1, 1, NULL);
	fprintf(u.f, "\t%s(2)\n", k->count_macro);
	spec_close(&u, k->write == write_param ? defined_here(&u, 1) : NULL);
	unit_close(&u);
}

static void gen_entry_kinds(void)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const struct entry_kind *k = &kinds[i];

		gen_count(k, "one_more", 3);
		gen_count(k, "one_less", 1);
		gen_count(k, "far_more", 1000);
		gen_count(k, "negative", -1);
		gen_count_missing(k);
		gen_index_out_of_bounds(k, "just_past", k->max);
		gen_index_out_of_bounds(k, "far_past", 1L << 20);
		gen_index_out_of_bounds(k, "negative", -1);
		gen_index_repeated(k);
		gen_index_hole(k);
		gen_empty_name(k);
	}
}

/*
 * A variant given as spec body lines: the lines between the return spec
 * and KAPI_END_SPEC, with their own expect- comments where GCC reports.
 */
struct body_case {
	const char *name;
	const char *why;
	int exit_status;
	const char *spec_expect;	/* %1$s is the spec's syscall name */
	const char *body;
};

static const struct body_case body_cases[] = {
	{ "error_code_positive", "an error code written without its minus sign", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_code_positive': error entry 0 has positive code 22; error codes are written negated, as in -EINVAL\"",
	  "\tKAPI_ERROR(0, EINVAL, \"EINVAL\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_code_zero", "an error entry whose code is 0", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_code_zero': error entry 0 has no error code\"",
	  "\tKAPI_ERROR(0, 0, \"EINVAL\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_code_below_errno_range", "an error code below -4095, so no errno at all", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_code_below_errno_range': error entry 0 has code -100000, outside the errno range -4095 to -1\"",
	  "\tKAPI_ERROR(0, -100000, \"EINVAL\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_code_int_min", "the most negative int as an error code", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_code_int_min': error entry 0 has code -2147483648, outside the errno range -4095 to -1\"",
	  "\tKAPI_ERROR(0, -2147483647 - 1, \"EINVAL\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_name_unknown", "an error name that is no errno", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_name_unknown': error entry 0 is named 'ENOTANERROR', which is not an errno of this target\"",
	  "\tKAPI_ERROR(0, -EINVAL, \"ENOTANERROR\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_name_other_code", "an error name that belongs to another code", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_name_other_code': error entry 0 is named 'EBUSY' but its code -22 is -EINVAL\"",
	  "\tKAPI_ERROR(0, -EINVAL, \"EBUSY\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_declared_twice", "one errno in two entries", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_declared_twice': error entries 0 and 1 both declare -EINVAL\"",
	  "\tKAPI_ERROR(0, -EINVAL, \"EINVAL\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR(1, -EINVAL, \"EINVAL\", \"Another condition\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(2)\n" },
	{ "error_range_designator", "one error entry copied to indexes 0 to 2 by a GNU range designator", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_range_designator': error entries 0 and 1 both declare -EINVAL\" "
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_range_designator': error entries 0 and 2 both declare -EINVAL\"",
	  "\t.errors[0 ... 2] = { .error_code = -EINVAL, .name = \"EINVAL\" },\n"
	  "\tKAPI_ERROR_COUNT(3)\n" },
	{ "error_code_string", "a string where the error code belongs", 1,
	  NULL,
	  "\t/* expect-error@+1: gcc \"initializer element is not computable at load time\" */\n"
	  "\t.errors[0] = { .error_code = \"EINVAL\", .name = \"EINVAL\" },\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_name_number", "a number where the error name belongs", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_name_number': member 'errors[0].name' is not a string literal; write it in double quotes\" "
	  "expect-warning: kapi-spec-malformed \"spec 'sys_error_name_number': error entry 0 has no name\"",
	  "\t.errors[0] = { .error_code = -EINVAL, .name = (const char *)22 },\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_code_variable", "a variable where the error code belongs", 1,
	  NULL,
	  "\t/* expect-error@+1: gcc \"initializer element is not constant\" */\n"
	  "\t.errors[0] = { .error_code = error_variable, .name = \"EINVAL\" },\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "error_count_string", "a string where the error count belongs", 1,
	  NULL,
	  "\tKAPI_ERROR(0, -EINVAL, \"EINVAL\", \"A condition\", \"A description.\")\n"
	  "\t/* expect-error@+1: gcc \"initializer element is not computable at load time\" */\n"
	  "\t.error_count = \"1\",\n" },
	{ "errors_scalar", "a number where the errors array belongs; by brace elision it is the code of entry 0", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_errors_scalar': error entry 0 has positive code 5\" "
	  "expect-warning: kapi-spec-malformed \"spec 'sys_errors_scalar' has 1 error entry but no error_count\"",
	  "\t.errors = 5,\n" },
	{ "signal_error_positive", "a signal entry whose error lacks its minus sign", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_signal_error_positive': signal entry 0 has positive error 4; error codes are written negated, as in -EINTR\"",
	  "\tKAPI_SIGNAL(0, 9, \"SIGKILL\", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)\n"
	  "\t\tKAPI_SIGNAL_ERROR(EINTR)\n"
	  "\tKAPI_SIGNAL_END\n"
	  "\tKAPI_SIGNAL_COUNT(1)\n"
	  "\tKAPI_ERROR(0, -EINTR, \"EINTR\", \"A fatal signal\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(1)\n" },
	{ "signal_number_out_of_range", "a signal number no kernel has", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_signal_number_out_of_range': signal entry 0 has signal number 300, outside 0 to 128\"",
	  "\tKAPI_SIGNAL(0, 300, \"SIGINT\", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_DEFAULT)\n"
	  "\tKAPI_SIGNAL_END\n"
	  "\tKAPI_SIGNAL_COUNT(1)\n" },
	{ "capability_out_of_range", "a capability number past the last one", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_capability_out_of_range': capability entry 0 has capability 99, outside 0 to 63\"",
	  "\tKAPI_CAPABILITY(0, 99, \"CAP_SYS_ADMIN\", KAPI_CAP_GRANT_PERMISSION)\n"
	  "\tKAPI_CAPABILITY_END\n"
	  "\tKAPI_CAPABILITY_COUNT(1)\n" },
	{ "capability_negative", "a negative capability number", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_capability_negative': capability entry 0 has capability -1, outside 0 to 63\"",
	  "\tKAPI_CAPABILITY(0, -1, \"CAP_SYS_ADMIN\", KAPI_CAP_GRANT_PERMISSION)\n"
	  "\tKAPI_CAPABILITY_END\n"
	  "\tKAPI_CAPABILITY_COUNT(1)\n" },
	{ "lock_type_unknown", "a lock kind the enum does not have", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_lock_type_unknown': lock entry 0 has lock_type 99, which is no enum kapi_lock_type value (0 to 7)\"",
	  "\tKAPI_LOCK(0, \"list_lock\", 99)\n"
	  "\t\tKAPI_LOCK_ACQUIRED\n"
	  "\t\tKAPI_LOCK_RELEASED\n"
	  "\tKAPI_LOCK_END\n"
	  "\tKAPI_LOCK_COUNT(1)\n" },
	{ "lock_type_string", "a string where the lock kind belongs", 1,
	  NULL,
	  "\t/* expect-error@+1: gcc \"incompatible types when initializing type\" */\n"
	  "\t.locks[0] = { .lock_name = \"list_lock\", .lock_type = \"mutex\" },\n"
	  "\tKAPI_LOCK_COUNT(1)\n" },
	{ "lock_name_number", "a number where the lock name belongs", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_lock_name_number': member 'locks[0].lock_name' is not a string literal; write it in double quotes\" "
	  "expect-warning: kapi-spec-malformed \"spec 'sys_lock_name_number': lock entry 0 has no name\"",
	  "\t.locks[0] = { .lock_name = (const char *)1, .lock_type = KAPI_LOCK_MUTEX },\n"
	  "\tKAPI_LOCK_COUNT(1)\n" },
	{ "param_count_huge", "a parameter count larger than the array", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_param_count_huge': param_count is 4294967295 but 2 param entries are initialized\"",
	  "\tKAPI_PARAM(0, \"a0\", \"int\", \"A parameter\")\n"
	  "\tKAPI_PARAM_END\n"
	  "\tKAPI_PARAM(1, \"a1\", \"int\", \"A parameter\")\n"
	  "\tKAPI_PARAM_END\n"
	  "\tKAPI_PARAM_COUNT(0xffffffff)\n" },
	{ "success_range_empty", "a success range whose minimum is above its maximum", 0,
	  "expect-warning: kapi-spec-malformed \"spec 'sys_success_range_empty': the success range 10 to 1 is empty; write the smaller bound first\"",
	  "\t.return_spec.success_min = 10,\n"
	  "\t.return_spec.success_max = 1,\n" },
	{ "everything_correct", "a spec without faults, which must get no diagnostic", 0,
	  NULL,
	  "\tKAPI_PARAM(0, \"a0\", \"int\", \"A parameter\")\n"
	  "\tKAPI_PARAM_END\n"
	  "\tKAPI_PARAM(1, \"a1\", \"int\", \"A parameter\")\n"
	  "\tKAPI_PARAM_END\n"
	  "\tKAPI_PARAM_COUNT(2)\n"
	  "\tKAPI_ERROR(0, -EINVAL, \"EINVAL\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR(1, -ENOMEM, \"ENOMEM\", \"A condition\", \"A description.\")\n"
	  "\tKAPI_ERROR_COUNT(2)\n"
	  "\tKAPI_LOCK(0, \"list_lock\", KAPI_LOCK_MUTEX)\n"
	  "\tKAPI_LOCK_END\n"
	  "\tKAPI_LOCK_COUNT(1)\n"
	  "\tKAPI_CAPABILITY(0, 21, \"CAP_SYS_ADMIN\", KAPI_CAP_GRANT_PERMISSION)\n"
	  "\tKAPI_CAPABILITY_END\n"
	  "\tKAPI_CAPABILITY_COUNT(1)\n" },
};

static void gen_body_cases(void)
{
	size_t i;

	for (i = 0; i < sizeof(body_cases) / sizeof(body_cases[0]); i++) {
		const struct body_case *c = &body_cases[i];
		struct unit u;

		if (!unit_open(&u, "%s", c->name))
			continue;
		unit_header(&u, c->why, c->exit_status);
		if (strstr(c->body, "error_variable"))
			fprintf(u.f, "static int error_variable = -22;\n\n");
		spec_open(&u, c->spec_expect);
		if (!strstr(c->body, "KAPI_PARAM("))
			write_params_unless(&u, &kinds[1]);
		fputs(c->body, u.f);
		spec_close(&u, NULL);
		unit_close(&u);
	}
}

/*
 * Whole units: specs for functions that do not exist, names that are not
 * what a name should be, and a struct kernel_api_spec of another layout.
 */
struct raw_case {
	const char *name;
	const char *why;
	const char *text;
};

static const struct raw_case raw_cases[] = {
	{ "no_such_syscall", "a spec for a syscall the unit does not define",
	  "DEFINE_KERNEL_API_SPEC(sys_no_such_call)\t/* expect-note: kapi-spec-no-impl \"spec 'sys_no_such_call'\" */\n"
	  "\tKAPI_DESCRIPTION(\"A syscall that is not there\")\n"
	  "KAPI_END_SPEC;\n\n"
	  "SYSCALL_DEFINE1(another_call, int, arg)\n{\n\treturn do_work(arg);\n}\n" },
	{ "no_such_function", "a spec for a plain function the unit does not define",
	  "DEFINE_KERNEL_API_SPEC(vfs_no_such_helper)\t/* expect-note: kapi-spec-no-impl \"spec 'vfs_no_such_helper'\" */\n"
	  "\tKAPI_DESCRIPTION(\"A function that is not there\")\n"
	  "KAPI_END_SPEC;\n" },
	{ "declared_not_defined", "a spec for a function the unit declares but does not define",
	  "long vfs_declared_only(int arg);\n\n"
	  "DEFINE_KERNEL_API_SPEC(vfs_declared_only)\t/* expect-note: kapi-spec-no-impl \"spec 'vfs_declared_only'\" */\n"
	  "\tKAPI_DESCRIPTION(\"A function defined elsewhere\")\n"
	  "KAPI_END_SPEC;\n\n"
	  "long call_it(int arg)\n{\n\treturn vfs_declared_only(arg);\n}\n" },
	{ "spec_name_empty", "a spec object whose name is the empty string",
	  "static struct kernel_api_spec empty_named __used = {\t/* expect-warning: kapi-spec-malformed \"spec object 'empty_named' has an empty name; name the function it describes\" */\n"
	  "\t.name = \"\",\n"
	  "};\n" },
	{ "spec_name_format", "a spec name with printf conversions, which must be printed as text",
	  "static struct kernel_api_spec format_named __used = {\t/* expect-note: kapi-spec-no-impl \"spec 'sys_%s%n%d'\" */\n"
	  "\t.name = \"sys_%s%n%d\",\n"
	  "};\n" },
	{ "spec_name_number", "a number where the spec name belongs",
	  "static struct kernel_api_spec __kapi_spec_sys_numbered __used = {\t/* expect-warning: kapi-spec-malformed \"spec 'sys_numbered': member 'name' is not a string literal; write it in double quotes\" expect-note: kapi-spec-no-impl \"spec 'sys_numbered'\" */\n"
	  "\t.name = (const char *)5,\n"
	  "};\n" },
	{ "spec_name_twice", "two spec objects with one name",
	  "static struct kernel_api_spec first_spec __used = {\t/* expect-warning: kapi-spec-malformed \"spec 'sys_named_twice'\" */\n"
	  "\t.name = \"sys_named_twice\",\n"
	  "};\n\n"
	  "static struct kernel_api_spec second_spec __used = {\t/* expect-note: kapi-spec-malformed \"the other spec 'sys_named_twice' is here\" */\n"
	  "\t.name = \"sys_named_twice\",\n"
	  "};\n\n"
	  "SYSCALL_DEFINE1(named_twice, int, arg)\n{\n\treturn do_work(arg);\n}\n" },
	{ "spec_in_function", "a spec object defined inside a function body",
	  "long vfs_with_local_spec(int arg)\n{\n"
	  "\tstatic struct kernel_api_spec local_spec __used = {\n"
	  "\t\t.name = \"vfs_with_local_spec\",\n"
	  "\t\t.errors[0] = { .error_code = 22, .name = \"EINVAL\" },\t/* expect-warning@-2: kapi-spec-malformed \"positive code 22\" */\n"
	  "\t\t.error_count = 1,\n"
	  "\t};\n\n"
	  "\treturn do_work(arg);\n}\n" },
};

/*
 * A struct kernel_api_spec of a layout no framework version has: the
 * reader goes by member names, so each member of the wrong C type must
 * be reported, never read as something else.
 */
static const char foreign_layout[] =
	"// SPDX-License-Identifier: GPL-2.0-only\n"
	"/*\n * Written by gen_malformed_specs: a struct kernel_api_spec whose members\n"
	" * have other C types than the framework's\n */\n"
	"struct foreign_error {\n\tconst char *error_code;\n\tint name;\n};\n\n"
	"struct kernel_api_spec {\n"
	"\tint name;\n"
	"\tconst char *error_count;\n"
	"\tstruct foreign_error errors[4];\n"
	"\tint locks;\n"
	"\tstruct { int a, b; } params;\n"
	"};\n\n"
	"static struct kernel_api_spec __kapi_spec_sys_foreign __attribute__((used)) = {"
	"\t/* expect-warning: kapi-spec-malformed \"member 'name' is not a string literal\" "
	"expect-warning: kapi-spec-malformed \"member 'error_count' is not an integer constant\" "
	"expect-warning: kapi-spec-malformed \"member 'errors[0].error_code' is not an integer constant\" "
	"expect-warning: kapi-spec-malformed \"member 'errors[0].name' is not a string literal\" "
	"expect-warning: kapi-spec-malformed \"member 'locks' is not an array initializer\" "
	"expect-warning: kapi-spec-malformed \"member 'params' is not an array initializer\" "
	"expect-warning: kapi-spec-malformed \"error entry 0 has no error code\" "
	"expect-note: kapi-spec-no-impl \"spec 'sys_foreign'\" */\n"
	"\t.name = 7,\n"
	"\t.error_count = \"1\",\n"
	"\t.errors[0] = { .error_code = \"EINVAL\", .name = 22 },\n"
	"\t.locks = 3,\n"
	"\t.params = { 1, 2 },\n"
	"};\n";

static void gen_raw_cases(void)
{
	struct unit u;
	size_t i;

	for (i = 0; i < sizeof(raw_cases) / sizeof(raw_cases[0]); i++) {
		const struct raw_case *c = &raw_cases[i];

		if (!unit_open(&u, "%s", c->name))
			continue;
		unit_header(&u, c->why, 0);
		fputs(c->text, u.f);
		unit_close(&u);
	}

	if (!unit_open(&u, "foreign_layout"))
		return;
	fputs(foreign_layout, u.f);
	unit_close(&u);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: gen_malformed_specs OUTDIR\n");
		return 1;
	}
	outdir = argv[1];

	gen_entry_kinds();
	gen_body_cases();
	gen_raw_cases();
	return failures ? 1 : 0;
}
