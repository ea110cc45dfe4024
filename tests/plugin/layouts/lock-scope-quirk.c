// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lock scope quirk of the kerneldoc generators of PATCH v1 and v2,
 * compiled against the layouts with a lock scope: a lock given as
 * "acquired: true" and "released: true" becomes KAPI_LOCK_ACQUIRED
 * followed by KAPI_LOCK_RELEASED, and the second initializer of .scope
 * wins, so the compiled scope says RELEASES (held on entry).
 *
 *  - sys_cache_flush: the quirk. Its description says the lock is
 *    acquired and released, which the body does, so the only finding is
 *    the report of the quirk; the lock is checked as acquired and
 *    released inside.
 *  - sys_cache_unlock: a genuine RELEASES entry that the body honours.
 *    No finding.
 *
 * kapi-test-flags: -fplugin-arg-kapi_check-verbose
 */
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/syscalls.h>
#include <linux/kernel_api_spec.h>

static struct {
	struct mutex cache_mutex;
	int dirty;
} cache;

DEFINE_KERNEL_API_SPEC(sys_cache_flush)	/* expect-warning: kapi-spec-malformed "spec 'sys_cache_flush': lock 'cache_mutex' has the compiled scope KAPI_LOCK_RELEASES (held on entry), but its description says that it is acquired and released" */
	KAPI_DESCRIPTION("Flush the cache")
	KAPI_RETURN("long", "0")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_EXACT)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_LOCK(0, "cache_mutex", KAPI_LOCK_MUTEX)
		KAPI_LOCK_ACQUIRED
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Acquired and released around the flush")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE0(cache_flush)
{
	mutex_lock(&cache.cache_mutex);
	cache.dirty = 0;
	mutex_unlock(&cache.cache_mutex);
	return 0;
}

DEFINE_KERNEL_API_SPEC(sys_cache_unlock)
	KAPI_DESCRIPTION("Unlock the cache that the caller locked")
	KAPI_RETURN("long", "0")
		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_EXACT)
		KAPI_RETURN_SUCCESS(0)
	KAPI_RETURN_END
	KAPI_LOCK(0, "cache_mutex", KAPI_LOCK_MUTEX)
		KAPI_LOCK_RELEASED
		KAPI_LOCK_DESC("Held by the caller, dropped before the return")
	KAPI_LOCK_END
	KAPI_LOCK_COUNT(1)
KAPI_END_SPEC;

SYSCALL_DEFINE0(cache_unlock)
{
	mutex_unlock(&cache.cache_mutex);
	return 0;
}
