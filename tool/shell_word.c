// SPDX-License-Identifier: GPL-2.0-only
/*
 * Shell quoting of the flags that kapi-check prints (see shell_word.h).
 */
#include <string.h>

#include "shell_word.h"

void kapi_print_shell_word(FILE *out, const char *prefix, const char *path)
{
	const char *s;

	if (!strpbrk(path, " \t\n'\"\\$`*?[]{}()<>|&;#~")) {
		fprintf(out, "%s%s", prefix, path);
		return;
	}
	fprintf(out, "'%s", prefix);
	for (s = path; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", out);
		else
			fputc(*s, out);
	}
	fputc('\'', out);
}
