// SPDX-License-Identifier: GPL-2.0-only
/*
 * kapi-check kcflags (see kcflags.h).
 *
 * The binary carries both the install paths and the paths of the build
 * tree it was built in, so it prints flags that work from either place:
 * "make KCFLAGS=\"$(build/tool/kapi-check kcflags)\"" before "cmake
 * --install", and the installed files after it.
 */
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "kcflags.h"
#include "shell_word.h"

static bool is_readable(const char *path)
{
	return path && *path && access(path, R_OK) == 0;
}

int kapi_kcflags_print(FILE *out, FILE *err,
		       const struct kapi_kcflags_paths *paths)
{
	const char *plugin = paths->installed_plugin;
	const char *compat = paths->installed_compat;
	int rc = 0;

	if (!is_readable(plugin) && is_readable(paths->build_plugin)) {
		plugin = paths->build_plugin;
		compat = paths->build_compat;
	} else if (!is_readable(plugin)) {
		fprintf(err,
			"kapi-check: warning: the plugin is neither installed (%s) nor built (%s); run 'cmake --build' and 'cmake --install' on the kapi-check build folder\n",
			paths->installed_plugin,
			paths->build_plugin && *paths->build_plugin ?
			paths->build_plugin : "no build tree known");
		rc = 1;
	}

	kapi_print_shell_word(out, "-fplugin=", plugin);
	fputs(" -fplugin-arg-kapi_check-facts ", out);
	kapi_print_shell_word(out, "-I", compat);
	fputc('\n', out);
	return rc;
}
