/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers of the tool tests: collecting what kapi_find_facts() reports,
 * reading it back with kapi_facts_read(), files and temporary folders.
 * Each test program includes this once.
 */
#ifndef KAPI_TESTS_TOOL_TEST_H
#define KAPI_TESTS_TOOL_TEST_H

#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../unit/unit.h"
#include "kapi/arena.h"
#include "kapi/facts.h"
#include "objects.h"

/* Every call of the kapi_facts_found callback, in order. */
struct found_list {
	unsigned int n;
	char **origins;
	unsigned char **bytes;	/* copies, NUL-terminated for printing */
	size_t *lens;
	int stop_after;		/* return 7 after this many calls; 0: never */
};

static inline void *test_xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p)
		abort();
	return p;
}

static inline char *test_xstrdup(const char *str)
{
	char *copy = strdup(str);

	if (!copy)
		abort();
	return copy;
}

/* printf() into a malloc()ed string. */
static inline char *format(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static inline char *format(const char *fmt, ...)
{
	va_list ap;
	char *str;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	str = test_xrealloc(NULL, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(str, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return str;
}

static inline int collect_found(void *data, const char *origin,
				const unsigned char *bytes, size_t len)
{
	struct found_list *list = data;
	unsigned int i = list->n;

	list->origins = test_xrealloc(list->origins,
				      (i + 1) * sizeof(*list->origins));
	list->bytes = test_xrealloc(list->bytes,
				    (i + 1) * sizeof(*list->bytes));
	list->lens = test_xrealloc(list->lens, (i + 1) * sizeof(*list->lens));
	list->origins[i] = test_xstrdup(origin);
	list->bytes[i] = test_xrealloc(NULL, len + 1);
	if (len)
		memcpy(list->bytes[i], bytes, len);
	list->bytes[i][len] = '\0';
	list->lens[i] = len;
	list->n++;
	if (list->stop_after && list->n == (unsigned int)list->stop_after)
		return 7;
	return 0;
}

static inline void found_release(struct found_list *list)
{
	unsigned int i;

	for (i = 0; i < list->n; i++) {
		free(list->origins[i]);
		free(list->bytes[i]);
	}
	free(list->origins);
	free(list->bytes);
	free(list->lens);
	memset(list, 0, sizeof(*list));
}

/* The result of one kapi_find_facts() call. */
struct search_result {
	int rc;
	unsigned int skipped;
	char *err;
	struct found_list found;
};

static inline void search_path(const char *path, struct search_result *r)
{
	memset(r, 0, sizeof(*r));
	r->rc = kapi_find_facts(path, collect_found, &r->found, &r->skipped,
				&r->err);
	if (r->rc != 0)
		fprintf(stderr, "  kapi_find_facts(%s) = %d: %s\n", path, r->rc,
			r->err ? r->err : "(no message)");
}

static inline void search_release(struct search_result *r)
{
	free(r->err);
	found_release(&r->found);
}

static inline bool contains(const char *text, const char *part)
{
	if (!text || !strstr(text, part)) {
		fprintf(stderr, "  expected \"%s\" in: %s\n", part,
			text ? text : "(null)");
		return false;
	}
	return true;
}

static inline bool same_string(const char *got, const char *expected)
{
	if (!got || strcmp(got, expected) != 0) {
		fprintf(stderr, "  expected \"%s\", got \"%s\"\n", expected,
			got ? got : "(null)");
		return false;
	}
	return true;
}

static inline bool same_bytes(const unsigned char *got, size_t got_len,
			      const unsigned char *expected,
			      size_t expected_len)
{
	if (got_len != expected_len) {
		fprintf(stderr, "  expected %zu bytes, got %zu\n",
			expected_len, got_len);
		return false;
	}
	if (got_len && memcmp(got, expected, got_len) != 0) {
		fprintf(stderr, "  the %zu bytes differ from the expected ones\n",
			got_len);
		return false;
	}
	return true;
}

/*
 * Read every block that was found into *UNITS. Returns the number of
 * units, or -1 with the reader's message printed.
 */
static inline int read_found_units(struct kapi_arena *arena,
			    const struct found_list *found,
			    struct kapi_unit_facts **units,
			    unsigned int *nunits)
{
	unsigned int i;

	*units = NULL;
	*nunits = 0;
	for (i = 0; i < found->n; i++) {
		const char *err = NULL;

		if (kapi_facts_read(arena, found->origins[i], found->bytes[i],
				    found->lens[i], units, nunits, &err) < 0) {
			fprintf(stderr, "  kapi_facts_read: %s\n",
				err ? err : "(no message)");
			return -1;
		}
	}
	return (int)*nunits;
}

static inline const struct kapi_unit_facts *
find_unit(const struct kapi_unit_facts *units, unsigned int nunits,
	  const char *unit)
{
	unsigned int i;

	for (i = 0; i < nunits; i++)
		if (units[i].unit && strcmp(units[i].unit, unit) == 0)
			return &units[i];
	fprintf(stderr, "  no facts of unit \"%s\" among %u units\n", unit,
		nunits);
	return NULL;
}

static inline bool has_function(const struct kapi_unit_facts *u,
				const char *name)
{
	unsigned int i;

	for (i = 0; u && i < u->nfns; i++)
		if (strcmp(u->fns[i]->name, name) == 0)
			return true;
	fprintf(stderr, "  no summary of %s in the facts\n", name);
	return false;
}

/* --- files ------------------------------------------------------------- */

static inline bool write_file(const char *path, const void *bytes,
			      size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(bytes, 1, len, f) == len;

	if (f && fclose(f) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "  cannot write %s: %s\n", path,
			strerror(errno));
	return ok;
}

/* The contents of PATH, NUL-terminated, or NULL with a message. */
static inline unsigned char *read_whole_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *bytes = NULL;
	size_t n = 0, cap = 0;

	*len = 0;
	if (!f) {
		fprintf(stderr, "  cannot open %s: %s\n", path,
			strerror(errno));
		return NULL;
	}
	for (;;) {
		size_t got;

		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 65536;
			bytes = test_xrealloc(bytes, cap + 1);
		}
		got = fread(bytes + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	bytes[n] = '\0';
	*len = n;
	return bytes;
}

/* "FOLDER/NAME" in a buffer the caller frees. */
static inline char *path_join(const char *folder, const char *name)
{
	return format("%s/%s", folder, name);
}

static inline bool make_folder(const char *path)
{
	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "  cannot create %s: %s\n", path,
			strerror(errno));
		return false;
	}
	return true;
}

/* A new folder /tmp/kapi-TAG-XXXXXX (under $TMPDIR when set), mode 0755. */
static inline char *make_temp_folder(const char *tag)
{
	const char *base = getenv("TMPDIR");
	char *path;
	size_t len;

	if (!base || !*base)
		base = "/tmp";
	len = strlen(base) + strlen(tag) + 16;
	path = test_xrealloc(NULL, len);
	snprintf(path, len, "%s/kapi-%s-XXXXXX", base, tag);
	if (!mkdtemp(path)) {
		fprintf(stderr, "cannot create a temporary folder %s: %s\n",
			path, strerror(errno));
		exit(1);
	}
	/* Readable by others, for the distccd workers (user "nobody"). */
	chmod(path, 0755);
	return path;
}

static inline int remove_entry(const char *path, const struct stat *st,
			       int flag, struct FTW *ftw)
{
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

/* Remove the temporary folder PATH, or keep it when a check failed. */
static inline void remove_temp_folder(char *path)
{
	if (unit_failures)
		fprintf(stderr, "  kept %s for inspection\n", path);
	else
		nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(path);
}

#endif /* KAPI_TESTS_TOOL_TEST_H */
