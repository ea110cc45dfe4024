// SPDX-License-Identifier: GPL-2.0-only
/*
 * Paths of findings relative to a kernel tree (see relpath.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kapi/buf.h"
#include "relpath.h"

/*
 * Append the components of PATH to the absolute path in OUT, resolving
 * "." and ".." by name. A ".." at the root stays at the root, so OUT
 * keeps its leading '/'.
 */
static void append_components(struct kapi_buf *out, const char *path)
{
	while (*path) {
		const char *end = strchr(path, '/');
		size_t len = end ? (size_t)(end - path) : strlen(path);

		if (len == 0 || (len == 1 && path[0] == '.')) {
			/* nothing to add */
		} else if (len == 2 && path[0] == '.' && path[1] == '.') {
			char *text = (char *)kapi_buf_str(out);
			char *slash = strrchr(text, '/');

			if (slash && slash != text)
				out->len = (size_t)(slash - text);
			else
				out->len = 1;
			text[out->len] = '\0';
		} else {
			if (out->len > 1)
				kapi_buf_puts(out, "/");
			kapi_buf_printf(out, "%.*s", (int)len, path);
		}
		path += len;
		if (*path == '/')
			path++;
	}
}

const char *kapi_relative_path(struct kapi_arena *arena, const char *file,
			       const char *root, const char *cwd)
{
	struct kapi_buf abs = { 0 };
	const char *text, *result;
	size_t n = strlen(root);

	if (!file)
		return NULL;
	kapi_buf_puts(&abs, "/");
	if (file[0] != '/')
		append_components(&abs, cwd);
	append_components(&abs, file);
	text = kapi_buf_str(&abs);

	if (strcmp(root, "/") == 0)
		result = kapi_intern(arena, text + 1);
	else if (strncmp(text, root, n) == 0 && text[n] == '/')
		result = kapi_intern(arena, text + n + 1);
	else if (strcmp(text, root) == 0)
		result = ".";
	else
		result = kapi_intern(arena, text);
	kapi_buf_release(&abs);
	return result;
}
