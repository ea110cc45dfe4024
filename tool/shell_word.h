/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Printing a compiler flag as one word for the shell that kbuild runs the
 * compiler with, for the flags that kapi-check prints (kcflags,
 * kerneldoc).
 */
#ifndef KAPI_TOOL_SHELL_WORD_H
#define KAPI_TOOL_SHELL_WORD_H

#include <stdio.h>

/*
 * Print PREFIX followed by PATH to OUT as one shell word: as it is when
 * PATH has no blank, quote or other shell metacharacter, else in single
 * quotes with each ' written as '\''.
 */
void kapi_print_shell_word(FILE *out, const char *prefix, const char *path);

#endif /* KAPI_TOOL_SHELL_WORD_H */
