/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tokens of the core's text formats (textio.c). Internal to lib/.
 */
#ifndef KAPI_LIB_TEXTIO_H
#define KAPI_LIB_TEXTIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kapi/arena.h"
#include "kapi/buf.h"
#include "kapi/loc.h"

struct tio_reader {
	struct kapi_arena *arena;
	const char *name;
	const char *p;
	unsigned int line;
	const char *err;
	char *scratch;		/* the current string token, unescaped */
	size_t scratch_cap;
};

void tio_write_string(struct kapi_buf *out, const char *s);
void tio_write_loc(struct kapi_buf *out, const struct kapi_loc *loc);
bool tio_fail(struct tio_reader *r, const char *what);
void tio_skip_blanks(struct tio_reader *r);
bool tio_expect_eol(struct tio_reader *r);
bool tio_accept_word(struct tio_reader *r, const char *word);
bool tio_read_int(struct tio_reader *r, int64_t *out);
/*
 * Read an integer from 0 to MAX into *OUT. FIELD names it in the message
 * otherwise ("the number of parameters").
 */
bool tio_read_uint(struct tio_reader *r, const char *field,
		   unsigned int *out, unsigned int max);
bool tio_read_int32(struct tio_reader *r, int *out);
void tio_scratch_put(struct tio_reader *r, size_t at, char c);
bool tio_read_string(struct tio_reader *r, const char **out);
bool tio_read_loc(struct tio_reader *r, struct kapi_loc *loc);

#endif /* KAPI_LIB_TEXTIO_H */
