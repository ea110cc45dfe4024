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

/* Format into the free space first, and again only when it did not fit. */
void kapi_buf_printf(struct kapi_buf *buf, const char *fmt, ...)
{
	size_t room = buf->cap > buf->len ? buf->cap - buf->len : 0;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(room ? buf->data + buf->len : NULL, room, fmt, ap);
	va_end(ap);
	if (len <= 0)
		return;
	if ((size_t)len >= room) {
		reserve(buf, (size_t)len);
		va_start(ap, fmt);
		vsnprintf(buf->data + buf->len, (size_t)len + 1, fmt, ap);
		va_end(ap);
	}
	buf->len += (size_t)len;
}

void kapi_buf_putn(struct kapi_buf *buf, const char *str, size_t len)
{
	reserve(buf, len);
	memcpy(buf->data + buf->len, str, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void kapi_buf_puts(struct kapi_buf *buf, const char *str)
{
	kapi_buf_putn(buf, str, strlen(str));
}

void kapi_buf_putc(struct kapi_buf *buf, char c)
{
	kapi_buf_putn(buf, &c, 1);
}

void kapi_buf_put_num(struct kapi_buf *buf, long long value)
{
	char digits[24];
	char *p = digits + sizeof(digits);
	/* The magnitude in unsigned arithmetic, so LLONG_MIN has one too. */
	unsigned long long magnitude = value < 0 ?
		0ULL - (unsigned long long)value : (unsigned long long)value;

	do {
		*--p = (char)('0' + magnitude % 10);
		magnitude /= 10;
	} while (magnitude);
	if (value < 0)
		*--p = '-';
	*--p = ' ';
	kapi_buf_putn(buf, p, (size_t)(digits + sizeof(digits) - p));
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
