// SPDX-License-Identifier: GPL-2.0-only
/*
 * Arena allocation and string interning (see include/kapi/arena.h).
 *
 * Memory comes in chunks that are never reallocated, so pointers into the
 * arena stay valid until kapi_arena_free(). Interned strings live in an
 * open-addressing hash table keyed by their text.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/arena.h"

#define CHUNK_SIZE (64 * 1024)

struct chunk {
	struct chunk *next;
	size_t used;
	size_t size;
	_Alignas(max_align_t) unsigned char data[];
};

struct kapi_arena {
	struct chunk *chunks;
	size_t total;		/* bytes of all chunks */
	size_t budget;		/* 0: KAPI_ARENA_BUDGET */
	const char **strings;	/* the intern table */
	size_t nstrings;
	size_t string_slots;	/* a power of two */
};

static void *xmalloc(size_t size)
{
	void *p = calloc(1, size);

	if (!p) {
		fprintf(stderr, "kapi_check: out of memory (%zu bytes)\n", size);
		abort();
	}
	return p;
}

struct kapi_arena *kapi_arena_new(void)
{
	return xmalloc(sizeof(struct kapi_arena));
}

void kapi_arena_free(struct kapi_arena *arena)
{
	struct chunk *c, *next;

	if (!arena)
		return;
	for (c = arena->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(arena->strings);
	free(arena);
}

void *kapi_arena_alloc(struct kapi_arena *arena, size_t size)
{
	struct chunk *c = arena->chunks;
	size_t align = _Alignof(max_align_t);
	void *p;

	size = (size + align - 1) & ~(align - 1);
	if (!c || c->size - c->used < size) {
		size_t chunk = size > CHUNK_SIZE ? size : CHUNK_SIZE;

		c = xmalloc(sizeof(*c) + chunk);
		c->size = chunk;
		arena->total += sizeof(*c) + chunk;
		c->next = arena->chunks;
		arena->chunks = c;
	}
	p = c->data + c->used;
	c->used += size;
	return p;
}

size_t kapi_arena_size(const struct kapi_arena *arena)
{
	return arena->total;
}

int kapi_arena_over_budget(const struct kapi_arena *arena)
{
	return arena->total > (arena->budget ? arena->budget :
			       KAPI_ARENA_BUDGET);
}

void kapi_arena_set_budget(struct kapi_arena *arena, size_t bytes)
{
	arena->budget = bytes;
}

void *kapi_arena_grow(struct kapi_arena *arena, const void *old,
		      size_t elem_size, size_t old_count, size_t new_count)
{
	void *p = kapi_arena_alloc(arena, elem_size * new_count);

	if (old && old_count)
		memcpy(p, old, elem_size * (old_count < new_count ?
					    old_count : new_count));
	return p;
}

/* FNV-1a: short strings, no adversary, and it is tiny. */
static uint64_t hash_text(const char *str, size_t len)
{
	uint64_t h = 14695981039346656037ull;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)str[i];
		h *= 1099511628211ull;
	}
	return h;
}

static void rehash(struct kapi_arena *arena)
{
	size_t slots = arena->string_slots ? arena->string_slots * 2 : 256;
	const char **table = xmalloc(slots * sizeof(*table));
	size_t i;

	for (i = 0; i < arena->string_slots; i++) {
		const char *s = arena->strings[i];
		size_t j;

		if (!s)
			continue;
		j = hash_text(s, strlen(s)) & (slots - 1);
		while (table[j])
			j = (j + 1) & (slots - 1);
		table[j] = s;
	}
	free(arena->strings);
	arena->strings = table;
	arena->string_slots = slots;
}

const char *kapi_intern_len(struct kapi_arena *arena, const char *str,
			    size_t len)
{
	size_t j;
	char *copy;

	if (!str)
		return NULL;
	if ((arena->nstrings + 1) * 2 > arena->string_slots)
		rehash(arena);

	j = hash_text(str, len) & (arena->string_slots - 1);
	while (arena->strings[j]) {
		const char *s = arena->strings[j];

		if (strncmp(s, str, len) == 0 && s[len] == '\0')
			return s;
		j = (j + 1) & (arena->string_slots - 1);
	}

	copy = kapi_arena_alloc(arena, len + 1);
	memcpy(copy, str, len);
	copy[len] = '\0';
	arena->strings[j] = copy;
	arena->nstrings++;
	return copy;
}

const char *kapi_intern(struct kapi_arena *arena, const char *str)
{
	if (!str)
		return NULL;
	return kapi_intern_len(arena, str, strlen(str));
}

const char *kapi_arena_printf(struct kapi_arena *arena, const char *fmt, ...)
{
	va_list ap;
	int len;
	char *p;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return "";

	p = kapi_arena_alloc(arena, (size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return p;
}
