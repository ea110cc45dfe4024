// SPDX-License-Identifier: GPL-2.0-only
/*
 * Errno names and numbers of the target (see include/kapi/errno_table.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kapi/errno_table.h"

struct errno_name {
	const char *name;
	int64_t value;
	bool is_alias;
};

struct kapi_errno_table {
	struct kapi_arena *arena;
	unsigned int n;
	unsigned int cap;
	struct errno_name *v;
};

struct kapi_errno_table *kapi_errno_table_new(struct kapi_arena *arena)
{
	struct kapi_errno_table *t = kapi_arena_alloc(arena, sizeof(*t));

	t->arena = arena;
	return t;
}

static struct errno_name *find_name(const struct kapi_errno_table *t,
				    const char *name)
{
	unsigned int i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return &t->v[i];
	return NULL;
}

void kapi_errno_table_add(struct kapi_errno_table *t, const char *name,
			  int64_t value, bool is_alias)
{
	struct errno_name *e = find_name(t, name);

	if (e) {
		e->value = value;
		e->is_alias = is_alias;
		return;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = kapi_arena_grow(t->arena, t->v, sizeof(*t->v), t->n,
				       t->cap);
	}
	e = &t->v[t->n++];
	e->name = kapi_intern(t->arena, name);
	e->value = value;
	e->is_alias = is_alias;
}

int64_t kapi_errno_value(const struct kapi_errno_table *t, const char *name)
{
	const struct errno_name *e;

	if (!t || !name)
		return 0;
	e = find_name(t, name);
	return e ? e->value : 0;
}

const char *kapi_errno_name(const struct kapi_errno_table *t, int64_t value)
{
	const struct errno_name *best = NULL;
	unsigned int i;

	if (!t)
		return NULL;
	/* A primary name wins; among equals, the first defined. */
	for (i = 0; i < t->n; i++) {
		const struct errno_name *e = &t->v[i];

		if (e->value != value)
			continue;
		if (!best || (best->is_alias && !e->is_alias))
			best = e;
	}
	return best ? best->name : NULL;
}

unsigned int kapi_errno_table_size(const struct kapi_errno_table *t)
{
	return t ? t->n : 0;
}

void kapi_errno_table_at(const struct kapi_errno_table *t, unsigned int index,
			 const char **name, int64_t *value, bool *is_alias)
{
	*name = t->v[index].name;
	*value = t->v[index].value;
	*is_alias = t->v[index].is_alias;
}

const char *kapi_errno_format(struct kapi_arena *arena,
			      const struct kapi_errno_table *t, int64_t value)
{
	const char *name = NULL;

	if (value < 0 && value >= -4095)
		name = kapi_errno_name(t, -value);
	if (name)
		return kapi_arena_printf(arena, "-%s", name);
	return kapi_arena_printf(arena, "%lld", (long long)value);
}
