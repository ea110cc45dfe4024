/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Arena allocation and string interning for the analysis core.
 *
 * Everything the core builds for one unit (IR, summaries, specs, findings)
 * lives in one arena and is released at once, so the plugin never has to
 * track the lifetime of single objects. Interned strings compare equal by
 * pointer. Allocation failure aborts with a message: the core has no way to
 * continue without memory and the compiler would not either.
 */
#ifndef KAPI_ARENA_H
#define KAPI_ARENA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct kapi_arena;

struct kapi_arena *kapi_arena_new(void);
void kapi_arena_free(struct kapi_arena *arena);

/* Bytes ARENA has taken from the system so far. */
size_t kapi_arena_size(const struct kapi_arena *arena);

/*
 * The analysis budget of one arena: past it, analyses stop early and
 * mark their results incomplete, so that no unit's compilation can grow
 * without bound. An estimate sized for kernel builds with -j per core.
 */
#define KAPI_ARENA_BUDGET ((size_t)512 << 20)

/* Whether ARENA has used up its budget (KAPI_ARENA_BUDGET by default). */
int kapi_arena_over_budget(const struct kapi_arena *arena);

/*
 * Set ARENA's budget to BYTES. The whole-build command, whose facts alone
 * can exceed the default, gives the analysis room beyond what it loaded.
 */
void kapi_arena_set_budget(struct kapi_arena *arena, size_t bytes);

/* Allocate SIZE zeroed bytes that live as long as ARENA. */
void *kapi_arena_alloc(struct kapi_arena *arena, size_t size);

/* Copy the array OLD of OLD_COUNT elements into a new one of NEW_COUNT. */
void *kapi_arena_grow(struct kapi_arena *arena, const void *old,
		      size_t elem_size, size_t old_count, size_t new_count);

/* Return the arena's single copy of STR (NULL stays NULL). */
const char *kapi_intern(struct kapi_arena *arena, const char *str);

/* Like kapi_intern() for the first LEN bytes of STR. */
const char *kapi_intern_len(struct kapi_arena *arena, const char *str,
			    size_t len);

/* printf() into a string that lives as long as ARENA. */
const char *kapi_arena_printf(struct kapi_arena *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#ifdef __cplusplus
}
#endif

#endif /* KAPI_ARENA_H */
