/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A growable text buffer, used for every report the core formats.
 */
#ifndef KAPI_BUF_H
#define KAPI_BUF_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct kapi_buf {
	char *data;	/* NUL-terminated, or NULL while empty */
	size_t len;
	size_t cap;
};

void kapi_buf_printf(struct kapi_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void kapi_buf_puts(struct kapi_buf *buf, const char *str);
void kapi_buf_putn(struct kapi_buf *buf, const char *str, size_t len);
void kapi_buf_putc(struct kapi_buf *buf, char c);

/* Append " VALUE" in decimal: the facts' writers call this per number. */
void kapi_buf_put_num(struct kapi_buf *buf, long long value);

/* Return the text so far; "" for an empty buffer. */
const char *kapi_buf_str(const struct kapi_buf *buf);

void kapi_buf_reset(struct kapi_buf *buf);
void kapi_buf_release(struct kapi_buf *buf);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_BUF_H */
