// SPDX-License-Identifier: GPL-2.0-only
/*
 * A growable text buffer (see include/kapi/buf.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kapi/buf.h"

static void reserve(struct kapi_buf *buf, size_t extra)
{
	size_t need = buf->len + extra + 1;
	char *p;

	if (need <= buf->cap)
		return;
	while (buf->cap < need)
		buf->cap = buf->cap ? buf->cap * 2 : 256;
	p = realloc(buf->data, buf->cap);
	if (!p) {
		fprintf(stderr, "kapi_check: out of memory (%zu bytes)\n",
			buf->cap);
		abort();
	}
	buf->data = p;
}

void kapi_buf_printf(struct kapi_buf *buf, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len <= 0)
		return;

	reserve(buf, (size_t)len);
	va_start(ap, fmt);
	vsnprintf(buf->data + buf->len, (size_t)len + 1, fmt, ap);
	va_end(ap);
	buf->len += (size_t)len;
}

void kapi_buf_puts(struct kapi_buf *buf, const char *str)
{
	size_t len = strlen(str);

	reserve(buf, len);
	memcpy(buf->data + buf->len, str, len + 1);
	buf->len += len;
}

const char *kapi_buf_str(const struct kapi_buf *buf)
{
	return buf->data ? buf->data : "";
}

void kapi_buf_reset(struct kapi_buf *buf)
{
	buf->len = 0;
	if (buf->data)
		buf->data[0] = '\0';
}

void kapi_buf_release(struct kapi_buf *buf)
{
	free(buf->data);
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
}
