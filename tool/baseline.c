// SPDX-License-Identifier: GPL-2.0-only
/*
 * Baselines of kapi-check (format in baseline.h).
 */
#define _POSIX_C_SOURCE 200809L /* getline, strdup */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "fields.h"

static const char *key_function(const struct kapi_finding *f)
{
	return f->function && *f->function ? f->function : "-";
}

static const char *key_value(const struct kapi_finding *f)
{
	return f->value && *f->value ? f->value : "-";
}

/*
 * A check id a baseline may list: kapi-check's own, and those that
 * "kapi-check merge" gives the findings of other engines (merge.h).
 */
static bool is_check_id(const char *id)
{
	if (kapi_check_lookup(id) != KAPI_CHECK_COUNT)
		return true;
	if (strncmp(id, "cocci-", 6) == 0 && id[6])
		return true;
	return strcmp(id, "sparse") == 0 || strcmp(id, "sparse-context") == 0;
}

/* Check the "kapi-check baseline VERSION" line. */
static char *parse_header(const char *file, const char *line)
{
	unsigned int version;
	char extra;

	if (sscanf(line, "kapi-check baseline %u %c", &version, &extra) != 1)
		return kapi_file_error("%s:1: not a kapi-check baseline: the first line must be 'kapi-check baseline %d'; write one with --write-baseline",
				    file, KAPI_BASELINE_VERSION);
	if (version != KAPI_BASELINE_VERSION)
		return kapi_file_error("%s:1: baseline of version %u, but this kapi-check reads version %d; write it again with --write-baseline",
				    file, version, KAPI_BASELINE_VERSION);
	return NULL;
}

static char *parse_entry(struct kapi_baseline *b, unsigned int lineno,
			 const char *line)
{
	const char *fields[KAPI_FIELDS_MAX], *err = NULL;
	struct kapi_baseline_entry *e;
	int n = kapi_fields_split(b->arena, line, -1, fields, &err);

	if (n < 0)
		return kapi_file_error("%s:%u: %s", b->file, lineno, err);
	if (n == 0)
		return NULL;
	if (n != 3)
		return kapi_file_error("%s:%u: expected 'CHECK-ID FUNCTION VALUE', found %d field%s",
				    b->file, lineno, n, n == 1 ? "" : "s");
	if (!is_check_id(fields[0]))
		return kapi_file_error("%s:%u: '%s' is not a check id of kapi-check, a Coccinelle rule (cocci-RULE) or sparse (sparse-context)",
				    b->file, lineno, fields[0]);

	b->v = kapi_arena_grow(b->arena, b->v, sizeof(*b->v), b->n, b->n + 1);
	e = &b->v[b->n++];
	e->check = fields[0];
	e->function = fields[1];
	e->value = fields[2];
	e->taken = false;
	return NULL;
}

int kapi_baseline_read(struct kapi_baseline *b, const char *file,
		       char **err)
{
	FILE *f = kapi_file_open(file, "baseline", err);
	char *line = NULL;
	size_t cap = 0;
	unsigned int lineno = 0;
	ssize_t len;

	if (!f)
		return -1;
	b->file = kapi_intern(b->arena, file);
	*err = NULL;
	while (!*err && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		*err = lineno == 1 ? parse_header(file, line) :
			parse_entry(b, lineno, line);
	}
	if (!*err && ferror(f))
		*err = kapi_file_error("cannot read the baseline %s: %s", file,
				       strerror(errno));
	if (!*err && lineno == 0)
		*err = kapi_file_error("%s: the baseline is empty; write one with --write-baseline",
				    file);
	free(line);
	fclose(f);
	return *err ? -1 : 0;
}

bool kapi_baseline_take(struct kapi_baseline *b, const char *check,
			const struct kapi_finding *f)
{
	unsigned int i;

	for (i = 0; i < b->n; i++) {
		struct kapi_baseline_entry *e = &b->v[i];

		if (!e->taken && strcmp(e->check, check) == 0 &&
		    strcmp(e->function, key_function(f)) == 0 &&
		    strcmp(e->value, key_value(f)) == 0) {
			e->taken = true;
			return true;
		}
	}
	return false;
}

static int compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int kapi_baseline_write(const char *file, const char *const *checks,
			const struct kapi_finding *const *findings,
			unsigned int n, char **err)
{
	char **lines = calloc(n ? n : 1, sizeof(*lines));
	FILE *f;
	unsigned int i;
	int rc = 0;

	if (!lines)
		abort();
	for (i = 0; i < n; i++) {
		struct kapi_buf line = { 0 };

		kapi_fields_put(&line, checks[i]);
		kapi_buf_puts(&line, " ");
		kapi_fields_put(&line, key_function(findings[i]));
		kapi_buf_puts(&line, " ");
		kapi_fields_put(&line, key_value(findings[i]));
		lines[i] = strdup(kapi_buf_str(&line));
		kapi_buf_release(&line);
		if (!lines[i])
			abort();
	}
	qsort(lines, n, sizeof(*lines), compare_lines);

	f = fopen(file, "w");
	if (!f) {
		*err = kapi_file_error("cannot write the baseline %s: %s", file,
				    strerror(errno));
		rc = -1;
	} else {
		fprintf(f, "kapi-check baseline %d\n# CHECK-ID FUNCTION VALUE\n",
			KAPI_BASELINE_VERSION);
		for (i = 0; i < n; i++)
			fprintf(f, "%s\n", lines[i]);
		if (fclose(f) != 0) {
			*err = kapi_file_error("cannot write the baseline %s: %s",
					    file, strerror(errno));
			rc = -1;
		}
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return rc;
}
