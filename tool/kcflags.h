/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kapi-check kcflags: the compiler flags that load the plugin with its
 * facts argument and put the compat headers on the include path.
 */
#ifndef KAPI_TOOL_KCFLAGS_H
#define KAPI_TOOL_KCFLAGS_H

#include <stdio.h>

/* Paths of the plugin and the compat headers, installed and in the build. */
struct kapi_kcflags_paths {
	const char *installed_plugin;	/* LIBDIR/kapi-check/kapi_check.so */
	const char *installed_compat;	/* INCLUDEDIR/kapi-check/compat */
	const char *build_plugin;	/* the build tree's kapi_check.so */
	const char *build_compat;	/* the source tree's include/kapi-compat */
};

/*
 * Print the flags to OUT: the installed paths when the installed plugin
 * exists, else the build tree's when its plugin exists, else the
 * installed paths with a warning on ERR. An argument with a blank or a
 * shell metacharacter is single-quoted, for the shell that runs the
 * compiler. Returns 0, or 1 after the warning.
 */
int kapi_kcflags_print(FILE *out, FILE *err,
		       const struct kapi_kcflags_paths *paths);

#endif /* KAPI_TOOL_KCFLAGS_H */
