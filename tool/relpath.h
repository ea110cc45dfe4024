/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Paths of findings relative to a kernel tree (--relative-to DIR).
 */
#ifndef KAPI_TOOL_RELPATH_H
#define KAPI_TOOL_RELPATH_H

#include "kapi/arena.h"

/*
 * Return FILE relative to ROOT, an absolute path without symlinks and
 * without a trailing '/' (as realpath() returns it). A relative FILE is
 * taken from CWD, the directory the compiler ran in (in a kernel build,
 * the top of the object tree, where kapi-check is usually run). "." and
 * ".." are resolved by name. A FILE outside ROOT comes back absolute;
 * NULL comes back as NULL.
 */
const char *kapi_relative_path(struct kapi_arena *arena, const char *file,
			       const char *root, const char *cwd);

#endif /* KAPI_TOOL_RELPATH_H */
