/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fields of one line of a suppression or baseline file.
 *
 * Fields are separated by blanks (spaces and tabs). A field that contains
 * blanks, a '"', a '#' or a backslash, or is empty, is written in double
 * quotes, with \" and \\ inside. A '#' outside quotes starts a comment
 * that runs to the end of the line.
 */
#ifndef KAPI_TOOL_FIELDS_H
#define KAPI_TOOL_FIELDS_H

#include <stdio.h>

#include "kapi/arena.h"
#include "kapi/buf.h"

#define KAPI_FIELDS_MAX 8

/*
 * Split LINE (without its newline) into at most KAPI_FIELDS_MAX fields,
 * interned in ARENA. With REST_AT >= 0, field REST_AT is the rest of the
 * line from there on, with surrounding blanks removed and no unquoting.
 * Returns the number of fields, or -1 with *ERR set (an unterminated
 * quote, too many fields).
 */
int kapi_fields_split(struct kapi_arena *arena, const char *line,
		      int rest_at, const char **fields, const char **err);

/* Append FIELD to OUT, quoted when it needs to be. */
void kapi_fields_put(struct kapi_buf *out, const char *field);

/*
 * A malloc()ed message about a suppression or baseline file, for the
 * caller's *ERR (NULL when memory ran out).
 */
char *kapi_file_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/*
 * Open FILE, a WHAT ("suppression file", "baseline"), for reading. Returns
 * the stream, or NULL with *ERR set when it cannot be opened or is a
 * folder (fopen() opens a folder, and reading it then fails).
 */
FILE *kapi_file_open(const char *file, const char *what, char **err);

#endif /* KAPI_TOOL_FIELDS_H */
