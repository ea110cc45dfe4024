/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kerneldoc API specs: the spec language of the framework from RFC v3 on,
 * written as tags in the kerneldoc comment above SYSCALL_DEFINEn. The
 * lines of such a comment, without its opening and closing lines, read
 *
 *	 * sys_mlock - lock pages in memory
 *	 * @start: first address of the range
 *	 * @len: length of the range
 *	 *
 *	 * contexts: process, sleepable
 *	 * error: ENOMEM, Out of memory
 *	 *   desc: The pages could not be locked.
 *	 * lock: mmap_lock
 *	 *   type: rwlock
 *	 *   acquired: true
 *	 *   released: true
 *
 * and SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len) follows.
 *
 * The kernel turns them into spec macros with a Python generator. This
 * C reader writes the equivalent macros itself, so that a tree without the
 * framework or without Python can check kerneldoc specs: the output is a
 * header to force-include (-include) into the compilation of the file.
 */
#ifndef KAPI_KERNELDOC_H
#define KAPI_KERNELDOC_H

#include "kapi/buf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Why a translation failed: LINE of the source (0: none) and a message. */
struct kapi_kerneldoc_error {
	unsigned int line;
	char message[512];
};

/*
 * Translate the kerneldoc API specs above each SYSCALL_DEFINEn of the C
 * source TEXT into spec macros (DEFINE_KERNEL_API_SPEC(sys_NAME) ...),
 * appended to OUT. FILE names the source in the #line directives of the
 * output, so diagnostics about a spec point at its kerneldoc lines.
 * As in kbuild, a file without a contexts:, context-flags: or context:
 * tag has no specs. In other files a comment above SYSCALL_DEFINEn is a
 * spec when it has at least one API-spec tag, and then every other
 * lower-case tag in it must be known too.
 *
 * @return the number of specs written, or -1 with *ERR set (an unknown
 *	   tag or key, a malformed value, a comment without its syscall).
 */
int kapi_kerneldoc_translate(const char *file, const char *text,
			     struct kapi_buf *out,
			     struct kapi_kerneldoc_error *err);

#ifdef __cplusplus
}
#endif

#endif /* KAPI_KERNELDOC_H */
