// SPDX-License-Identifier: GPL-2.0-only
/*
 * kapi-check merge (tool/merge.c) on diagnostic lines written by the test:
 * engine tags, notes attached to their warning, function names, duplicate
 * and foreign warnings, path stripping, ids that ignore line numbers, the
 * JSON and SARIF fields, the exit status, the values that key merged
 * findings and a baseline applied to them.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unit/unit.h"
#include "kapi/arena.h"
#include "merge.h"
#include "output.h"

/* Feed LINES (separated by newlines) to a fresh merge and sort the result. */
/* Whether TEXT is non-NULL and equal to EXPECTED. */
static bool text_is(const char *text, const char *expected)
{
	return text && strcmp(text, expected) == 0;
}

/* Whether TEXT is non-NULL and contains PART. */
static bool text_has(const char *text, const char *part)
{
	return text && strstr(text, part) != NULL;
}

static unsigned int merge_text(struct kapi_merge *m, struct kapi_arena *arena,
			       const char *strip, const char *lines,
			       struct kapi_result **out)
{
	FILE *in = fmemopen((void *)lines, strlen(lines), "r");

	kapi_merge_init(m, arena, strip);
	kapi_merge_read(m, in);
	fclose(in);
	return kapi_merge_results(m, out);
}

/* What kapi_print_results() writes for R in FORMAT, malloc'd. */
static char *print_to_string(enum kapi_format format,
			     const struct kapi_result *r, unsigned int n)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	kapi_print_results(out, format, r, n);
	fclose(out);
	return text;
}

static void test_engine_of_id(void)
{
	CHECK(strcmp(kapi_merge_engine("kapi-lock-imbalance"), "plugin") == 0);
	CHECK(strcmp(kapi_merge_engine("cocci-missing_unlock"), "cocci") == 0);
	CHECK(strcmp(kapi_merge_engine("sparse-context"), "sparse") == 0);
	CHECK(strcmp(kapi_merge_engine("sparse"), "sparse") == 0);
	CHECK(kapi_merge_engine("-Wunused-variable") == NULL);
	CHECK(kapi_merge_engine("kapi-") == NULL);
	CHECK(kapi_merge_engine("sparsely") == NULL);
	CHECK(kapi_merge_engine(NULL) == NULL);
}

static void test_function_of_message(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	const char *f;

	f = kapi_merge_function(arena, "'sys_mlock' returns with 'mmap_lock' held", NULL);
	CHECK(f != NULL);
	if (f)
		CHECK(strcmp(f, "sys_mlock") == 0);
	f = kapi_merge_function(arena, "context imbalance in \xe2\x80\x98" "do_mlock\xe2\x80\x99 - unexpected unlock", NULL);
	CHECK(f != NULL);
	if (f)
		CHECK(strcmp(f, "do_mlock") == 0);
	/* "isn't" opens no identifier; the context names the function. */
	f = kapi_merge_function(arena, "lock isn't released", "ctx_fn");
	CHECK(f != NULL);
	if (f)
		CHECK(strcmp(f, "ctx_fn") == 0);
	f = kapi_merge_function(arena, "value '12' is odd", NULL);
	CHECK(f == NULL);
	kapi_arena_free(arena);
}

static const char three_engines[] =
	"  CC      mm/mlock.o\n"
	"mm/mlock.c: In function \xe2\x80\x98" "do_mlock\xe2\x80\x99:\n"
	"mm/mlock.c:806:16: warning: 'sys_mlock' returns with 'mmap_lock' still held [kapi-lock-imbalance]\n"
	"  806 |  return do_mlock(start, len, VM_LOCKED);\n"
	"      |         ^\n"
	"mm/mlock.c:806:16: note: 'mmap_lock' acquired here by 'do_mlock' [kapi-lock-imbalance]\n"
	"mm/mlock.c:20:3: warning: unused variable [-Wunused-variable]\n"
	"mm/mlock.c:21:3: note: declared here\n"
	"mm/mlock.c: note: in included file (through include/linux/swap.h):\n"
	"/src/linux/include/linux/memcontrol.h:1592:39: warning: context imbalance in 'lock_page' - unexpected unlock [sparse-context]\n"
	"/src/linux/mm/mlock.c:636:17-23: warning: 'do_mlock' returns -ENOMEM with the lock still held [cocci-missing_unlock]\n"
	"/src/linux/mm/mlock.c:633:6-30: note: lock taken here [cocci-missing_unlock]\n"
	"mm/mlock.c:640:2: note: a note of another check [kapi-other]\n"
	"/src/linux/include/linux/memcontrol.h:1592:39: warning: context imbalance in 'lock_page' - unexpected unlock [sparse-context]\n";

static void test_three_engines(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_result *r;
	struct kapi_merge m;
	unsigned int n = merge_text(&m, arena, "/src/linux/", three_engines, &r);

	/* The compiler warning is dropped, the repeated sparse line kept once. */
	CHECK(n == 3);
	CHECK(m.dropped == 1);
	if (n != 3)
		goto out;

	/* Sorted by file: include/... before mm/mlock.c, then by line. */
	CHECK(strcmp(r[0].engine, "sparse") == 0);
	CHECK(strcmp(r[0].check_name, "sparse-context") == 0);
	CHECK(strcmp(r[0].finding->loc.file, "include/linux/memcontrol.h") == 0);
	CHECK(strcmp(r[0].finding->function, "lock_page") == 0);
	CHECK(r[0].finding->nnotes == 0);

	CHECK(strcmp(r[1].engine, "cocci") == 0);
	CHECK(strcmp(r[1].check_name, "cocci-missing_unlock") == 0);
	CHECK(r[1].finding->loc.line == 636);
	CHECK(r[1].finding->loc.column == 17);
	CHECK(strcmp(r[1].finding->function, "do_mlock") == 0);
	CHECK(r[1].finding->nnotes == 1);
	CHECK(strcmp(r[1].finding->message,
		     "'do_mlock' returns -ENOMEM with the lock still held") == 0);

	/* A known kapi id keeps its enum; the note of another id is not its. */
	CHECK(strcmp(r[2].engine, "plugin") == 0);
	CHECK(r[2].check_name == NULL);
	CHECK(r[2].finding->check == KAPI_CHECK_LOCK_IMBALANCE);
	CHECK(strcmp(r[2].finding->function, "sys_mlock") == 0);
	CHECK(r[2].finding->nnotes == 1);
	CHECK(strcmp(r[2].finding->notes[0].message,
		     "'mmap_lock' acquired here by 'do_mlock'") == 0);
out:
	kapi_arena_free(arena);
}

static void test_note_without_id(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_result *r;
	struct kapi_merge m;
	unsigned int n = merge_text(&m, arena, NULL,
		"a.c:3:1: note: before any warning\n"
		"a.c:5:2: warning: context imbalance in 'f' - wrong count at exit [sparse-context]\n"
		"a.c:4:2: note: lock taken here\n", &r);

	CHECK(n == 1);
	if (n == 1) {
		CHECK(r[0].finding->nnotes == 1);
		CHECK(r[0].finding->notes[0].loc.line == 4);
	}
	kapi_arena_free(arena);
}

static void test_context_function(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_result *r;
	struct kapi_merge m;
	unsigned int n = merge_text(&m, arena, NULL,
		"b.c: In function 'helper':\n"
		"b.c:9: warning: lock is not released [kapi-lock-imbalance]\n"
		"b.c: At top level:\n"
		"b.c:12: warning: no function here [kapi-lock-imbalance]\n", &r);

	CHECK(n == 2);
	if (n == 2) {
		CHECK(r[0].finding->loc.column == 0);
		CHECK(r[0].finding->function &&
		      strcmp(r[0].finding->function, "helper") == 0);
		CHECK(r[1].finding->function == NULL);
	}
	kapi_arena_free(arena);
}

static void test_unknown_kapi_id(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_result *r;
	struct kapi_merge m;
	unsigned int n = merge_text(&m, arena, NULL,
		"c.c:1:1: warning: 'f' from a newer plugin [kapi-future-check]\n", &r);

	CHECK(n == 1);
	if (n == 1) {
		CHECK(strcmp(r[0].engine, "plugin") == 0);
		CHECK(r[0].check_name &&
		      strcmp(r[0].check_name, "kapi-future-check") == 0);
	}
	kapi_arena_free(arena);
}

/* The same finding moved by some lines keeps its id. */
static void test_id_ignores_lines(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_result *r;
	struct kapi_merge m;
	const char *before, *after, *other;
	unsigned int n = merge_text(&m, arena, NULL,
		"d.c:10:2: warning: 'f' returns -EIO with the lock of line 4 held [cocci-missing_unlock]\n"
		"d.c:30:2: warning: 'g' returns -EIO with the lock of line 24 held [cocci-missing_unlock]\n"
		"e.c:50:2: warning: 'f' returns -EIO with the lock of line 44 held [cocci-missing_unlock]\n"
		"e.c:60:2: warning: 'f' returns -EBUSY with the lock of line 44 held [cocci-missing_unlock]\n", &r);

	CHECK(n == 4);
	if (n != 4)
		goto out;
	before = kapi_result_id(arena, &r[0]);
	other = kapi_result_id(arena, &r[1]);
	after = kapi_result_id(arena, &r[2]);
	CHECK(strncmp(before, "cocci-missing_unlock:f:", 23) == 0);
	CHECK(strcmp(before, after) == 0);
	CHECK(strcmp(before, other) != 0);
	CHECK(strcmp(after, kapi_result_id(arena, &r[3])) != 0);
out:
	kapi_arena_free(arena);
}

/* SARIF's "uri" is a URI reference: a space or a quote is percent-encoded. */
static void test_sarif_uri_encoded(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_result *r;
	struct kapi_merge m;
	unsigned int n = merge_text(&m, arena, NULL,
		"dir x/a\"b%.c:3:1: warning: 'f' returns -EIO with the lock of line 2 held [cocci-missing_unlock]\n",
		&r);
	char *sarif = print_to_string(KAPI_FORMAT_SARIF, r, n);

	CHECK(n == 1);
	CHECK(strstr(sarif, "\"uri\": \"dir%20x/a%22b%25.c\"") != NULL);
	free(sarif);
	kapi_arena_free(arena);
}

static void test_json_and_sarif_fields(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_result *r;
	struct kapi_merge m;
	unsigned int n = merge_text(&m, arena, "/src/linux", three_engines, &r);
	char *json = print_to_string(KAPI_FORMAT_JSON, r, n);
	char *sarif = print_to_string(KAPI_FORMAT_SARIF, r, n);
	char *text = print_to_string(KAPI_FORMAT_TEXT, r, n);
	char rule[96];

	CHECK(strstr(json, "\"engine\": \"sparse\"") != NULL);
	CHECK(strstr(json, "\"engine\": \"cocci\"") != NULL);
	CHECK(strstr(json, "\"engine\": \"plugin\"") != NULL);
	CHECK(strstr(json, "\"check\": \"cocci-missing_unlock\"") != NULL);
	CHECK(strstr(json, "\"id\": \"cocci-missing_unlock:do_mlock:") != NULL);
	CHECK(strstr(sarif, "\"properties\": {\"engine\": \"cocci\"}") != NULL);
	CHECK(strstr(sarif, "{\"id\": \"sparse-context\", \"shortDescription\"") != NULL);
	/* sparse-context is the first extra rule, after kapi-check's own. */
	snprintf(rule, sizeof(rule), "\"ruleId\": \"sparse-context\", \"ruleIndex\": %d,",
		 (int)KAPI_CHECK_COUNT);
	CHECK(strstr(sarif, rule) != NULL);
	CHECK(strstr(sarif, "\"region\": {\"startLine\": 636, \"startColumn\": 17}}}") != NULL);
	CHECK(strstr(text, "mm/mlock.c:636:17: warning: 'do_mlock' returns -ENOMEM with the lock still held [cocci-missing_unlock]\n"
			   "mm/mlock.c:633:6: note: lock taken here [cocci-missing_unlock]\n") != NULL);
	CHECK(strstr(text, "mm/mlock.c:806:16: warning: 'sys_mlock' returns with 'mmap_lock' still held [kapi-lock-imbalance]\n") != NULL);
	free(json);
	free(sarif);
	free(text);
	kapi_arena_free(arena);
}

/* Run the subcommand on a file holding TEXT; return its exit status. */
static int run_main(const char *text)
{
	char path[] = "/tmp/kapi-merge-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	char *argv[] = { "merge", "--format=json", path, NULL };
	FILE *saved = stdout;
	int rc;

	fputs(text, f);
	fclose(f);
	stdout = fopen("/dev/null", "w");
	rc = kapi_merge_main(3, argv);
	fclose(stdout);
	stdout = saved;
	unlink(path);
	return rc;
}

static void test_exit_status(void)
{
	char *missing[] = { "merge", "/nonexistent/kapi-merge-input", NULL };
	char *no_file[] = { "merge", "--format=json", NULL };
	char *bad_option[] = { "merge", "--colour", "x", NULL };

	CHECK(run_main("a.c:1:1: warning: unused [-Wunused]\n") == 0);
	CHECK(run_main("a.c:1:1: warning: 'f' x [cocci-r]\n") == 1);
	CHECK(kapi_merge_main(2, missing) == 2);
	CHECK(kapi_merge_main(2, no_file) == 2);
	CHECK(kapi_merge_main(3, bad_option) == 2);
}

static void test_value_of_message(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	const char *v;

	v = kapi_merge_value(arena, "'sys_mlock' waits in 'down_write_killable' and can return -EINTR, but no signal entry gives that error", "sys_mlock");
	CHECK(text_is(v, "EINTR"));
	v = kapi_merge_value(arena, "'do_mlock' returns -ENOMEM with the lock still held", "do_mlock");
	CHECK(text_is(v, "ENOMEM"));
	v = kapi_merge_value(arena, "'sys_x' checks CAP_SYS_ADMIN through 'capable', which its spec does not declare", "sys_x");
	CHECK(text_is(v, "CAP_SYS_ADMIN"));
	v = kapi_merge_value(arena, "'sys_mlock' returns with 'mmap_lock' still held (write mode)", "sys_mlock");
	CHECK(text_is(v, "mmap_lock"));
	v = kapi_merge_value(arena, "context imbalance in 'do_mlock' - unexpected unlock", "do_mlock");
	CHECK(v == NULL);
	/* KAPI_SIGNAL_ERROR is one word, not the errno name ERROR. */
	v = kapi_merge_value(arena, "no entry sets KAPI_SIGNAL_ERROR", NULL);
	CHECK(v == NULL);
	kapi_arena_free(arena);
}

/* Write TEXT to a new temporary file; its name is written to PATH. */
static void write_temp(char *path, const char *text)
{
	int fd;
	FILE *f;

	strcpy(path, "/tmp/kapi-merge-XXXXXX");
	fd = mkstemp(path);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
}

/* Run "merge OPTION ARG FILE" with standard output in OUT (malloc'd). */
static int run_with(const char *option, const char *arg, const char *file,
		    char **out)
{
	char *argv[] = { "merge", (char *)option, (char *)arg, (char *)file,
			 NULL };
	size_t size = 0;
	FILE *saved = stdout;
	int rc;

	stdout = open_memstream(out, &size);
	rc = kapi_merge_main(4, argv);
	fclose(stdout);
	stdout = saved;
	return rc;
}

/*
 * A baseline of one run's merged findings accepts the same findings at
 * other lines and reports only the added one, of whichever engine.
 */
static void test_baseline_of_merged(void)
{
	char before[64], after[64], baseline[64], *out = NULL;
	FILE *f;
	char text[512];
	size_t len;

	write_temp(before,
		   "mm/mlock.c:633:6: warning: 'sys_mlock' waits in 'down_write_killable' and can return -EINTR, but no signal entry gives that error [kapi-signal-uncovered]\n"
		   "mm/mlock.c:640:9: warning: context imbalance in 'do_mlock' - unexpected unlock [sparse-context]\n");
	write_temp(after,
		   "mm/mlock.c:650:6: warning: 'sys_mlock' waits in 'down_write_killable' and can return -EINTR, but no signal entry gives that error [kapi-signal-uncovered]\n"
		   "mm/mlock.c:657:9: warning: context imbalance in 'do_mlock' - unexpected unlock [sparse-context]\n"
		   "mm/mlock.c:806:16: warning: 'sys_mlock' returns with 'mmap_lock' still held (write mode), but its spec says the lock is acquired and released inside [kapi-lock-imbalance]\n"
		   "mm/mlock.c:636:17: warning: 'do_mlock' returns -ENOMEM with the lock still held [cocci-missing_unlock]\n");
	strcpy(baseline, "/tmp/kapi-merge-XXXXXX");
	close(mkstemp(baseline));

	CHECK(run_with("--write-baseline", baseline, before, &out) == 0);
	free(out);
	f = fopen(baseline, "r");
	len = f ? fread(text, 1, sizeof(text) - 1, f) : 0;
	if (f)
		fclose(f);
	text[len] = '\0';
	CHECK(strcmp(text, "kapi-check baseline 1\n# CHECK-ID FUNCTION VALUE\n"
		      "kapi-signal-uncovered sys_mlock EINTR\n"
		      "sparse-context do_mlock -\n") == 0);

	CHECK(run_with("--baseline", baseline, after, &out) == 1);
	CHECK(text_has(out, "[kapi-lock-imbalance]\n"));
	CHECK(text_has(out, "[cocci-missing_unlock]\n"));
	CHECK(out != NULL);
	CHECK(!text_has(out, "kapi-signal-uncovered"));
	CHECK(out != NULL);
	CHECK(!text_has(out, "sparse-context"));
	free(out);

	CHECK(run_with("--baseline", baseline, before, &out) == 0);
	CHECK(text_is(out, ""));
	free(out);
	unlink(before);
	unlink(after);
	unlink(baseline);
}

int main(void)
{
	RUN(test_engine_of_id);
	RUN(test_function_of_message);
	RUN(test_three_engines);
	RUN(test_note_without_id);
	RUN(test_context_function);
	RUN(test_unknown_kapi_id);
	RUN(test_id_ignores_lines);
	RUN(test_json_and_sarif_fields);
	RUN(test_sarif_uri_encoded);
	RUN(test_exit_status);
	RUN(test_value_of_message);
	RUN(test_baseline_of_merged);
	return UNIT_EXIT();
}
