// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the text buffer: the number and string writers that the
 * facts use must print what printf would, at every edge of the range.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "kapi/buf.h"
#include "unit.h"

static void put_num_matches_printf(void)
{
	static const long long values[] = {
		0, 1, -1, 9, 10, -10, 4095, -4095, INT_MAX, INT_MIN,
		LLONG_MAX, LLONG_MIN, LLONG_MIN + 1,
	};
	unsigned int i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		struct kapi_buf buf = { 0 };
		char want[32];

		snprintf(want, sizeof(want), " %lld", values[i]);
		kapi_buf_put_num(&buf, values[i]);
		CHECK(strcmp(kapi_buf_str(&buf), want) == 0);
		CHECK(buf.len == strlen(want));
		kapi_buf_release(&buf);
	}
}

static void printf_grows_buffer(void)
{
	struct kapi_buf buf = { 0 };
	static char want[8192];
	unsigned int i;

	/* Lines longer than the free space make printf format twice. */
	for (i = 0; i < 40; i++)
		kapi_buf_printf(&buf, "%u:%0*d;", i, (int)(i * 7), 5);
	want[0] = '\0';
	for (i = 0; i < 40; i++) {
		char part[320];

		snprintf(part, sizeof(part), "%u:%0*d;", i, (int)(i * 7), 5);
		strcat(want, part);
	}
	CHECK(strcmp(kapi_buf_str(&buf), want) == 0);
	CHECK(buf.len == strlen(want));
	kapi_buf_release(&buf);
}

static void putn_keeps_terminator(void)
{
	struct kapi_buf buf = { 0 };

	kapi_buf_putn(&buf, "abcdef", 3);
	kapi_buf_putc(&buf, '!');
	CHECK(strcmp(kapi_buf_str(&buf), "abc!") == 0);
	CHECK(buf.len == 4);
	kapi_buf_release(&buf);
}

int main(void)
{
	RUN(put_num_matches_printf);
	RUN(printf_grows_buffer);
	RUN(putn_keeps_terminator);
	return UNIT_EXIT();
}
