// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hook as a __weak alias of a default body, the style of the
 * kernel's older cond_syscall(): the alias has no body of its own, so
 * kapi-check must follow it to area_default_body(). The other aliases
 * are shapes the plugin must pass over or follow without harm: a chain
 * of two aliases, an alias of a static function and one of a varargs
 * function.
 */
#include <linux/compiler.h>
#include <linux/errno.h>

int area_default_body(unsigned long len)
{
	return len ? -EOPNOTSUPP : 0;
}

int arch_area_check(unsigned long len)
	__attribute__((__weak__, __alias__("area_default_body")));

int area_check_again(unsigned long len)
	__attribute__((__alias__("arch_area_check")));

static int area_local(unsigned long len)
{
	return (int)len;
}

int area_local_alias(unsigned long len) __attribute__((__alias__("area_local")));

int area_log(const char *fmt, ...)
{
	return fmt ? 0 : -EINVAL;
}

int area_log_alias(const char *fmt, ...) __attribute__((__alias__("area_log")));
