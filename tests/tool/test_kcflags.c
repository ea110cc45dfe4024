// SPDX-License-Identifier: GPL-2.0-only
/*
 * kapi-check kcflags. kapi_kcflags_print() runs on files made by the
 * test: it must name the installed plugin before the build tree's, warn
 * when neither exists, and quote paths with blanks and quotes for the
 * shell. The real binary of this build must name files that exist.
 *
 * Usage: test_kcflags KAPI_CHECK
 */
#define _GNU_SOURCE	/* open_memstream() */

#include "kcflags.h"
#include "tool_test.h"

static char *work;
static const char *tool;	/* the kapi-check binary of this build */

/* Run kapi_kcflags_print() on PATHS; store its output and warning. */
static int print_flags(const struct kapi_kcflags_paths *paths, char **out,
		       char **err)
{
	size_t out_len, err_len;
	FILE *o = open_memstream(out, &out_len);
	FILE *e = open_memstream(err, &err_len);
	int rc;

	if (!o || !e)
		abort();
	rc = kapi_kcflags_print(o, e, paths);
	fclose(o);
	fclose(e);
	return rc;
}

/* Make the file WORK/NAME (and its folder) and return its path. */
static char *make_entry(const char *folder, const char *name)
{
	char *dir = path_join(work, folder);
	char *path = path_join(dir, name);

	CHECK(make_folder(dir));
	CHECK(write_file(path, "x", 1));
	free(dir);
	return path;
}

/*
 * Check that PATHS print EXPECTED (freed here) with no warning, then free
 * the four paths.
 */
static void check_quiet_flags(struct kapi_kcflags_paths *paths, char *expected)
{
	char *out, *err;

	CHECK(print_flags(paths, &out, &err) == 0);
	CHECK(same_string(out, expected));
	CHECK(same_string(err, ""));
	free(expected);
	free(out);
	free(err);
	free((char *)paths->installed_plugin);
	free((char *)paths->installed_compat);
	free((char *)paths->build_plugin);
	free((char *)paths->build_compat);
}

static void installed_plugin_first(void)
{
	char *inst = make_entry("inst dir", "kapi_check.so");
	char *build = make_entry("build", "kapi_check.so");
	char *inst_compat = path_join(work, "inst dir/compat");
	char *build_compat = path_join(work, "build/compat");
	struct kapi_kcflags_paths paths = { inst, inst_compat, build,
					    build_compat };

	check_quiet_flags(&paths,
			  format("'-fplugin=%s' -fplugin-arg-kapi_check-facts '-I%s'\n",
				 inst, inst_compat));
}

static void build_tree_before_install(void)
{
	char *inst = path_join(work, "none/kapi_check.so");
	char *inst_compat = path_join(work, "none/compat");
	char *build = make_entry("build", "kapi_check.so");
	char *build_compat = path_join(work, "build/compat");
	struct kapi_kcflags_paths paths = { inst, inst_compat, build,
					    build_compat };

	check_quiet_flags(&paths,
			  format("-fplugin=%s -fplugin-arg-kapi_check-facts -I%s\n",
				 build, build_compat));
}

static void neither_warns(void)
{
	char *inst = path_join(work, "none/kapi_check.so");
	char *build = path_join(work, "gone/kapi_check.so");
	struct kapi_kcflags_paths paths = { inst, "/none/compat", build,
					    "/gone/compat" };
	char *out, *err, *expected;

	CHECK(print_flags(&paths, &out, &err) == 1);
	expected = format("-fplugin=%s -fplugin-arg-kapi_check-facts -I/none/compat\n",
			  inst);
	CHECK(same_string(out, expected));
	CHECK(contains(err, "warning: the plugin is neither installed"));
	CHECK(contains(err, inst));
	CHECK(contains(err, build));
	free(expected);
	free(out);
	free(err);
	free(inst);
	free(build);
}

static void single_quote_escaped(void)
{
	char *plugin = make_entry("it's", "kapi_check.so");
	struct kapi_kcflags_paths paths = { plugin, "/c", "", "" };
	char *out, *err, *expected;

	CHECK(print_flags(&paths, &out, &err) == 0);
	expected = format("'-fplugin=%s/it'\\''s/kapi_check.so' -fplugin-arg-kapi_check-facts -I/c\n",
			  work);
	CHECK(same_string(out, expected));
	free(expected);
	free(out);
	free(err);
	free(plugin);
}

/* The word of OUT that starts with PREFIX, without it, or NULL. */
static char *word_after(const char *out, const char *prefix)
{
	const char *p = strstr(out, prefix);
	size_t len;

	if (!p)
		return NULL;
	p += strlen(prefix);
	len = strcspn(p, " \n");
	return format("%.*s", (int)len, p);
}

static void real_binary_names_files(void)
{
	char *command = format("'%s' kcflags 2>&1", tool);
	FILE *pipe = popen(command, "r");
	char out[4096] = "";
	size_t len = pipe ? fread(out, 1, sizeof(out) - 1, pipe) : 0;
	char *plugin, *compat;

	CHECK(pipe != NULL);
	if (pipe)
		CHECK(pclose(pipe) == 0);
	out[len] = '\0';
	CHECK(!contains(out, "warning"));
	plugin = word_after(out, "-fplugin=");
	compat = word_after(out, "-I");
	CHECK(plugin != NULL);
	CHECK(compat != NULL);
	if (plugin)
		CHECK(access(plugin, R_OK) == 0);
	if (compat)
		CHECK(access(compat, R_OK) == 0);
	if (unit_failures)
		fprintf(stderr, "  '%s' printed: %s\n", command, out);
	free(plugin);
	free(compat);
	free(command);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_kcflags KAPI_CHECK\n");
		return 2;
	}
	work = make_temp_folder("kcflags");
	tool = argv[1];
	RUN(installed_plugin_first);
	RUN(build_tree_before_install);
	RUN(neither_warns);
	RUN(single_quote_escaped);
	RUN(real_binary_names_files);
	remove_temp_folder(work);
	return UNIT_EXIT();
}
