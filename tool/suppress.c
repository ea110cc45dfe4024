// SPDX-License-Identifier: GPL-2.0-only
/*
 * Suppression files of kapi-check (format in suppress.h).
 */
#define _POSIX_C_SOURCE 200809L /* getline, strdup */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "kapi/suppress.h"
#include "suppress.h"

/* Parse one line into an entry; returns NULL or a malloc()ed message. */
static char *parse_entry(struct kapi_suppressions *s, const char *file,
			 unsigned int lineno, const char *line)
{
	const char *fields[KAPI_FIELDS_MAX], *err = NULL;
	struct kapi_suppression *e;
	int n = kapi_fields_split(s->arena, line, 3, fields, &err);

	if (n < 0)
		return kapi_file_error("%s:%u: %s", file, lineno, err);
	if (n == 0)
		return NULL;
	if (n < 3)
		return kapi_file_error("%s:%u: expected 'FUNCTION CHECK-ID VALUE REASON', found %d field%s",
				    file, lineno, n, n == 1 ? "" : "s");
	if (kapi_check_lookup(fields[1]) == KAPI_CHECK_COUNT)
		return kapi_file_error("%s:%u: '%s' is not a check id of kapi-check (the README lists them, e.g. kapi-errno-undeclared)",
				    file, lineno, fields[1]);
	if (n < 4 || !*fields[3])
		return kapi_file_error("%s:%u: the suppression of %s for '%s' has no reason; write why the finding is accepted after the value",
				    file, lineno, fields[1], fields[0]);

	s->v = kapi_arena_grow(s->arena, s->v, sizeof(*s->v), s->n, s->n + 1);
	e = &s->v[s->n++];
	memset(e, 0, sizeof(*e));
	e->file = kapi_intern(s->arena, file);
	e->line = lineno;
	e->function = fields[0];
	e->check = kapi_check_lookup(fields[1]);
	e->value = fields[2];
	e->reason = fields[3];
	return NULL;
}

int kapi_suppressions_read(struct kapi_suppressions *s, const char *file,
			   char **err)
{
	FILE *f = kapi_file_open(file, "suppression file", err);
	char *line = NULL;
	size_t cap = 0;
	unsigned int lineno = 0;
	ssize_t len;

	if (!f)
		return -1;
	*err = NULL;
	while (!*err && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		*err = parse_entry(s, file, lineno, line);
	}
	if (!*err && ferror(f))
		*err = kapi_file_error("cannot read the suppression file %s: %s",
				       file, strerror(errno));
	free(line);
	fclose(f);
	return *err ? -1 : 0;
}

struct kapi_suppression *kapi_suppressions_match(struct kapi_suppressions *s,
						 const struct kapi_finding *f)
{
	unsigned int i;

	for (i = 0; i < s->n; i++) {
		struct kapi_suppression *e = &s->v[i];

		if (e->check == f->check &&
		    (strcmp(e->function, "*") == 0 ||
		     (f->function && strcmp(e->function, f->function) == 0)) &&
		    kapi_value_matches(e->value, f->value))
			return e;
	}
	return NULL;
}
