/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The model between the kerneldoc reader (kerneldoc.c), which splits a
 * comment into tags and keys, and the writer of spec macros
 * (kerneldoc_dsl.c), which judges and translates their values.
 */
#ifndef KAPI_LIB_KERNELDOC_H
#define KAPI_LIB_KERNELDOC_H

#include <stdbool.h>

#include "kapi/arena.h"
#include "kapi/kerneldoc.h"

/* One "key: value" line, a tag at the top level or a key under a tag. */
struct kdoc_item {
	const char *key;
	const char *value;		/* continuation lines joined by ' ' */
	unsigned int line;
	unsigned int nsubs;
	struct kdoc_item *subs;		/* the keys under a tag */
};

/* One "@name: text" line of the comment. */
struct kdoc_param_doc {
	const char *name;
	const char *text;
};

/* One argument of SYSCALL_DEFINEn: its C type and name. */
struct kdoc_arg {
	const char *type;
	const char *name;
};

/* A kerneldoc comment with API-spec tags and the syscall below it. */
struct kdoc_block {
	unsigned int line;		/* of the comment's first line */
	const char *summary;		/* "NAME - SUMMARY" of its first line */
	unsigned int nparam_docs;
	struct kdoc_param_doc *param_docs;
	unsigned int nitems;
	struct kdoc_item *items;
	const char *syscall;		/* "mlock" of SYSCALL_DEFINE2(mlock, ...) */
	unsigned int syscall_line;
	unsigned int nargs;
	struct kdoc_arg *args;
};

/* Set *ERR to LINE and the formatted message; return -1. */
int kdoc_fail(struct kapi_kerneldoc_error *err, unsigned int line,
	      const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The keys allowed under TAG, or NULL when TAG is not a known tag. */
const char *const *kdoc_tag_keys(const char *tag);

/*
 * Append the spec macros of BLOCK to OUT, with #line directives naming
 * FILE. Returns 0, or -1 with *ERR set.
 */
int kdoc_write_spec(struct kapi_arena *arena, const char *file,
		    const struct kdoc_block *block, struct kapi_buf *out,
		    struct kapi_kerneldoc_error *err);

#endif /* KAPI_LIB_KERNELDOC_H */
