// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of kapi-check's report files: splitting and quoting fields,
 * suppression entries, baseline keys taken once each, and paths made
 * relative to a tree.
 */
#define _XOPEN_SOURCE 700

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unit/unit.h"
#include "baseline.h"
#include "fields.h"
#include "relpath.h"
#include "suppress.h"

static char folder[] = "/tmp/kapi-report-files-XXXXXX";

static const char *write_file(const char *name, const char *text)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", folder, name);
	f = fopen(path, "w");
	if (!f)
		abort();
	fputs(text, f);
	fclose(f);
	return path;
}

static void fields_split_and_quoted(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	const char *fields[KAPI_FIELDS_MAX], *err = NULL;
	struct kapi_buf out = { 0 };
	int n;

	n = kapi_fields_split(arena, "  a \"b c\" \"\" d # comment", -1,
			      fields, &err);
	CHECK(n == 4);
	if (n == 4) {
		CHECK(strcmp(fields[1], "b c") == 0);
		CHECK(strcmp(fields[2], "") == 0);
		CHECK(strcmp(fields[3], "d") == 0);
	}

	n = kapi_fields_split(arena, "f c v  the # rest ", 3, fields, &err);
	CHECK(n == 4);
	if (n == 4)
		CHECK(strcmp(fields[3], "the # rest") == 0);

	CHECK(kapi_fields_split(arena, "a \"open", -1, fields, &err) == -1);
	CHECK(err != NULL);

	kapi_fields_put(&out, "plain");
	kapi_buf_puts(&out, " ");
	kapi_fields_put(&out, "Process \"memory\" map");
	kapi_buf_puts(&out, " ");
	kapi_fields_put(&out, "");
	CHECK(strcmp(kapi_buf_str(&out),
		     "plain \"Process \\\"memory\\\" map\" \"\"") == 0);
	n = kapi_fields_split(arena, kapi_buf_str(&out), -1, fields, &err);
	CHECK(n == 3);
	if (n == 3)
		CHECK(strcmp(fields[1], "Process \"memory\" map") == 0);
	kapi_buf_release(&out);
	kapi_arena_free(arena);
}

static struct kapi_finding finding(enum kapi_check_id check,
				   const char *function, const char *value)
{
	struct kapi_finding f;

	memset(&f, 0, sizeof(f));
	f.check = check;
	f.function = function;
	f.value = value;
	f.message = "m";
	return f;
}

static void suppressions_matched(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_suppressions s = { arena, 0, NULL };
	struct kapi_finding eio = finding(KAPI_CHECK_ERRNO_UNDECLARED,
					  "sys_a", "EIO");
	struct kapi_finding lock = finding(KAPI_CHECK_LOCK_UNUSED, "sys_a",
					   "Process memory map lock");
	char *err = NULL;

	CHECK(kapi_suppressions_read(&s, write_file("s", "# c\n\nsys_a kapi-errno-undeclared -EIO  known\nsys_a kapi-lock-unused \"process memory map lock\" named in prose\n"),
				     &err) == 0);
	CHECK(err == NULL);
	CHECK(s.n == 2);
	CHECK(kapi_suppressions_match(&s, &eio) == &s.v[0]);
	CHECK(kapi_suppressions_match(&s, &lock) == &s.v[1]);
	eio.function = "sys_b";
	CHECK(kapi_suppressions_match(&s, &eio) == NULL);
	if (s.n == 2)
		CHECK(strcmp(s.v[1].reason, "named in prose") == 0);
	free(err);
	kapi_arena_free(arena);
}

static void baseline_keys_taken_once(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_baseline b = { arena, NULL, 0, NULL };
	struct kapi_finding eio = finding(KAPI_CHECK_ERRNO_UNDECLARED,
					  "sys_a", "EIO");
	struct kapi_finding bad = finding(KAPI_CHECK_SPEC_MALFORMED, "sys_a",
					  NULL);
	const struct kapi_finding *keys[] = { &eio, &bad, &eio };
	const char *checks[] = { "kapi-errno-undeclared", "kapi-spec-malformed",
				 "kapi-errno-undeclared" };
	char path[256], *err = NULL;
	FILE *f;
	char text[256];
	size_t len;

	snprintf(path, sizeof(path), "%s/b", folder);
	CHECK(kapi_baseline_write(path, checks, keys, 3, &err) == 0);
	f = fopen(path, "r");
	len = f ? fread(text, 1, sizeof(text) - 1, f) : 0;
	if (f)
		fclose(f);
	text[len] = '\0';
	CHECK(strcmp(text, "kapi-check baseline 1\n# CHECK-ID FUNCTION VALUE\n"
		      "kapi-errno-undeclared sys_a EIO\n"
		      "kapi-errno-undeclared sys_a EIO\n"
		      "kapi-spec-malformed sys_a -\n") == 0);

	CHECK(kapi_baseline_read(&b, path, &err) == 0);
	CHECK(kapi_baseline_take(&b, "kapi-errno-undeclared", &eio));
	CHECK(kapi_baseline_take(&b, "kapi-errno-undeclared", &eio));
	CHECK(!kapi_baseline_take(&b, "kapi-errno-undeclared", &eio));
	CHECK(kapi_baseline_take(&b, "kapi-spec-malformed", &bad));
	CHECK(!kapi_baseline_take(&b, "kapi-spec-malformed", &bad));

	CHECK(kapi_baseline_read(&b, write_file("old", "kapi-errno-undeclared sys_a EIO\n"),
				 &err) == -1);
	CHECK(err != NULL);
	CHECK(err == NULL || strstr(err, "not a kapi-check baseline") != NULL);
	free(err);
	kapi_arena_free(arena);
}

static void paths_made_relative(void)
{
	struct kapi_arena *arena = kapi_arena_new();
	const char *root = "/src/linux";

	CHECK(strcmp(kapi_relative_path(arena, "mm/mlock.c", root, "/src/linux"),
		     "mm/mlock.c") == 0);
	CHECK(strcmp(kapi_relative_path(arena, "./include/linux/mm.h", root,
					"/src/linux"),
		     "include/linux/mm.h") == 0);
	CHECK(strcmp(kapi_relative_path(arena, "../mm/mlock.c", root,
					"/src/linux/out"),
		     "mm/mlock.c") == 0);
	CHECK(strcmp(kapi_relative_path(arena, "/src/linux/mm/../fs/open.c",
					root, "/"),
		     "fs/open.c") == 0);
	CHECK(strcmp(kapi_relative_path(arena, "/src/linux-old/mm/mlock.c",
					root, "/"),
		     "/src/linux-old/mm/mlock.c") == 0);
	CHECK(strcmp(kapi_relative_path(arena, "/../../usr/include/stdio.h",
					root, "/"),
		     "/usr/include/stdio.h") == 0);
	CHECK(strcmp(kapi_relative_path(arena, "a.c", "/", "/work"),
		     "work/a.c") == 0);
	CHECK(kapi_relative_path(arena, NULL, root, "/") == NULL);
	kapi_arena_free(arena);
}

int main(void)
{
	int rc;

	if (!mkdtemp(folder))
		return 2;
	RUN(fields_split_and_quoted);
	RUN(suppressions_matched);
	RUN(baseline_keys_taken_once);
	RUN(paths_made_relative);
	rc = UNIT_EXIT();
	unlink(write_file("s", ""));
	unlink(write_file("b", ""));
	unlink(write_file("old", ""));
	rmdir(folder);
	return rc;
}
