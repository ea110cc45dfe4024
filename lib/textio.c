// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tokens shared by the core's text formats (summaries, unit facts):
 * quoted strings, integers, locations, one item per line.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "textio.h"

void tio_write_string(struct kapi_buf *out, const char *s)
{
	if (!s) {
		kapi_buf_puts(out, " -");
		return;
	}
	kapi_buf_puts(out, " \"");
	while (*s) {
		/* Copy the run of characters that need no escape at once. */
		size_t plain = strcspn(s, "\"\\\n");

		kapi_buf_putn(out, s, plain);
		s += plain;
		if (!*s)
			break;
		kapi_buf_puts(out, *s == '\n' ? "\\n" : *s == '"' ? "\\\"" :
			      "\\\\");
		s++;
	}
	kapi_buf_putc(out, '"');
}

void tio_write_loc(struct kapi_buf *out, const struct kapi_loc *loc)
{
	tio_write_string(out, loc->file ? loc->file : "");
	kapi_buf_put_num(out, loc->line);
	kapi_buf_put_num(out, loc->column);
}

bool tio_fail(struct tio_reader *r, const char *what)
{
	if (!r->err) {
		char found[24];
		size_t n = strcspn(r->p, " \t\n");

		if (n >= sizeof(found))
			n = sizeof(found) - 1;
		memcpy(found, r->p, n);
		found[n] = '\0';
		r->err = kapi_arena_printf(r->arena,
					   "%s:%u: expected %s, found '%s'",
					   r->name, r->line, what,
					   *r->p ? found : "end of file");
	}
	return false;
}

void tio_skip_blanks(struct tio_reader *r)
{
	while (*r->p == ' ' || *r->p == '\t')
		r->p++;
}

bool tio_expect_eol(struct tio_reader *r)
{
	tio_skip_blanks(r);
	if (*r->p == '\n') {
		r->p++;
		r->line++;
		return true;
	}
	return tio_fail(r, "end of line");
}

/* Consume WORD when it is the next token. */
bool tio_accept_word(struct tio_reader *r, const char *word)
{
	size_t n = strlen(word);

	tio_skip_blanks(r);
	if (strncmp(r->p, word, n) != 0 ||
	    (r->p[n] != ' ' && r->p[n] != '\t' && r->p[n] != '\n' &&
	     r->p[n] != '\0'))
		return false;
	r->p += n;
	return true;
}

bool tio_read_int(struct tio_reader *r, int64_t *out)
{
	char *end;
	long long v;

	tio_skip_blanks(r);
	errno = 0;
	v = strtoll(r->p, &end, 10);
	if (end == r->p || errno)
		return tio_fail(r, "an integer");
	r->p = end;
	*out = v;
	return true;
}

bool tio_read_uint(struct tio_reader *r, const char *field,
		   unsigned int *out, unsigned int max)
{
	const char *start;
	int64_t v;

	tio_skip_blanks(r);
	start = r->p;
	if (!tio_read_int(r, &v))
		return false;
	if (v < 0 || v > (int64_t)max) {
		/* Point the message at the value, not past it. */
		r->p = start;
		return tio_fail(r, kapi_arena_printf(r->arena, "%s from 0 to %u",
						     field, max));
	}
	*out = (unsigned int)v;
	return true;
}

bool tio_read_int32(struct tio_reader *r, int *out)
{
	const char *start;
	int64_t v;

	tio_skip_blanks(r);
	start = r->p;
	if (!tio_read_int(r, &v))
		return false;
	if (v < -2147483647 - 1 || v > 2147483647) {
		r->p = start;
		return tio_fail(r, "a 32-bit integer");
	}
	*out = (int)v;
	return true;
}

void tio_scratch_put(struct tio_reader *r, size_t at, char c)
{
	if (at + 1 >= r->scratch_cap) {
		r->scratch_cap = r->scratch_cap ? r->scratch_cap * 2 : 128;
		r->scratch = realloc(r->scratch, r->scratch_cap);
		if (!r->scratch)
			abort();
	}
	r->scratch[at] = c;
}

bool tio_read_string(struct tio_reader *r, const char **out)
{
	size_t n = 0;

	tio_skip_blanks(r);
	if (*r->p == '-' && (r->p[1] == ' ' || r->p[1] == '\n')) {
		r->p++;
		*out = NULL;
		return true;
	}
	if (*r->p != '"')
		return tio_fail(r, "a quoted string");
	r->p++;
	while (*r->p != '"') {
		char c = *r->p;

		if (c == '\0' || c == '\n')
			return tio_fail(r, "a closing quote");
		if (c == '\\') {
			c = r->p[1];
			if (c == 'n')
				c = '\n';
			else if (c != '\\' && c != '"')
				return tio_fail(r, "a valid escape");
			r->p++;
		}
		tio_scratch_put(r, n++, c);
		r->p++;
	}
	r->p++;
	tio_scratch_put(r, n, '\0');
	*out = kapi_intern_len(r->arena, r->scratch, n);
	return true;
}

bool tio_read_loc(struct tio_reader *r, struct kapi_loc *loc)
{
	const char *file;

	memset(loc, 0, sizeof(*loc));
	if (!tio_read_string(r, &file) ||
	    !tio_read_uint(r, "a line number", &loc->line, 0x7fffffff) ||
	    !tio_read_uint(r, "a column number", &loc->column,
			   0x7fffffff))
		return false;
	loc->file = file && *file ? file : NULL;
	return true;
}
