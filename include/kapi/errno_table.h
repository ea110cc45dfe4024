/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Errno names and numbers of the target being compiled.
 *
 * Errno numbers differ between architectures (alpha, mips, parisc and sparc
 * have their own), so the table is filled from the unit itself: the plugin
 * adds every E* macro that the unit's errno headers define. A name may be an
 * alias of another (EWOULDBLOCK for EAGAIN); the primary name of a number
 * is the one defined by a literal.
 */
#ifndef KAPI_ERRNO_TABLE_H
#define KAPI_ERRNO_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "kapi/arena.h"

#ifdef __cplusplus
extern "C" {
#endif

struct kapi_errno_table;

struct kapi_errno_table *kapi_errno_table_new(struct kapi_arena *arena);

/*
 * Record NAME = VALUE (a positive errno). IS_ALIAS marks a name defined as
 * another macro; a primary name wins over an alias for kapi_errno_name().
 */
void kapi_errno_table_add(struct kapi_errno_table *table, const char *name,
			  int64_t value, bool is_alias);

/* Return the value of NAME, or 0 when the table has no such name. */
int64_t kapi_errno_value(const struct kapi_errno_table *table,
			 const char *name);

/* Return the primary name of VALUE (positive), or NULL. */
const char *kapi_errno_name(const struct kapi_errno_table *table,
			    int64_t value);

unsigned int kapi_errno_table_size(const struct kapi_errno_table *table);

/* The entry at INDEX (below kapi_errno_table_size()), for serialisation. */
void kapi_errno_table_at(const struct kapi_errno_table *table,
			 unsigned int index, const char **name,
			 int64_t *value, bool *is_alias);

/*
 * Format a return value for messages: "-ENOMEM" for a known negative errno,
 * else the number ("-4096", "1").
 */
const char *kapi_errno_format(struct kapi_arena *arena,
			      const struct kapi_errno_table *table,
			      int64_t value);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_ERRNO_TABLE_H */
