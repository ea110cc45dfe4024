// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fields of one line of a suppression or baseline file (see fields.h).
 */
#define _GNU_SOURCE /* vasprintf */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

#include "fields.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Read the quoted field at *P (just past its opening quote) into OUT. */
static bool read_quoted(const char **p, struct kapi_buf *out)
{
	const char *s = *p;

	for (; *s && *s != '"'; s++) {
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
			s++;
		kapi_buf_printf(out, "%c", *s);
	}
	if (*s != '"')
		return false;
	*p = s + 1;
	return true;
}

static const char *rest_of_line(struct kapi_arena *arena, const char *p)
{
	size_t len = strlen(p);

	while (len > 0 && is_blank(p[len - 1]))
		len--;
	return kapi_intern_len(arena, p, len);
}

int kapi_fields_split(struct kapi_arena *arena, const char *line,
		      int rest_at, const char **fields, const char **err)
{
	const char *p = line;
	int n = 0;

	for (;;) {
		struct kapi_buf field = { 0 };

		while (is_blank(*p))
			p++;
		if (!*p || *p == '#')
			return n;
		if (n == KAPI_FIELDS_MAX) {
			*err = "too many fields";
			return -1;
		}
		if (n == rest_at) {
			fields[n++] = rest_of_line(arena, p);
			return n;
		}
		if (*p == '"') {
			p++;
			if (!read_quoted(&p, &field)) {
				kapi_buf_release(&field);
				*err = "a quoted field has no closing '\"'";
				return -1;
			}
		} else {
			for (; *p && !is_blank(*p) && *p != '#'; p++)
				kapi_buf_printf(&field, "%c", *p);
		}
		fields[n++] = kapi_intern(arena, kapi_buf_str(&field));
		kapi_buf_release(&field);
	}
}

void kapi_fields_put(struct kapi_buf *out, const char *field)
{
	const char *s;

	if (*field && !strpbrk(field, " \t\r\"#\\")) {
		kapi_buf_puts(out, field);
		return;
	}
	kapi_buf_puts(out, "\"");
	for (s = field; *s; s++) {
		if (*s == '"' || *s == '\\')
			kapi_buf_puts(out, "\\");
		kapi_buf_printf(out, "%c", *s);
	}
	kapi_buf_puts(out, "\"");
}

char *kapi_file_error(const char *fmt, ...)
{
	va_list ap;
	char *text = NULL;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		text = NULL;
	va_end(ap);
	return text;
}

FILE *kapi_file_open(const char *file, const char *what, char **err)
{
	FILE *f = fopen(file, "r");
	struct stat st;

	if (!f) {
		*err = kapi_file_error("cannot open the %s %s: %s", what, file,
				       strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		*err = kapi_file_error("%s is a folder, not a %s; name the file itself",
				       file, what);
		return NULL;
	}
	return f;
}
