/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Finding unit facts in build outputs: ELF objects (32 and 64 bit, either
 * byte order), ar archives (regular and thin, as the kernel's built-in.a),
 * "ld -r" outputs such as vmlinux.o, folders of a build tree (searched for
 * *.o and *.kapi-facts files), and facts files written by the plugin's
 * facts-dir argument.
 */
#ifndef KAPI_TOOL_OBJECTS_H
#define KAPI_TOOL_OBJECTS_H

#include <stddef.h>

/*
 * Called once per facts section or facts file found. ORIGIN names it
 * ("mm/mlock.o", "built-in.a(mlock.o)", "out/mm%2Fmlock.c.kapi-facts").
 * BYTES and ORIGIN are valid only during the call. Returns 0 to go on,
 * non-zero to stop the search with that value.
 */
typedef int (*kapi_facts_found)(void *data, const char *origin,
				const unsigned char *bytes, size_t len);

/*
 * Search PATH (file or folder) for facts and call FOUND for each. Objects
 * without a facts section are skipped and counted in *SKIPPED (may be
 * NULL). Returns 0, FOUND's non-zero value, or -1 with a malloc()ed
 * message in *ERR naming the file and what is wrong (unreadable, not an
 * object, truncated or corrupt ELF or archive).
 */
int kapi_find_facts(const char *path, kapi_facts_found found, void *data,
		    unsigned int *skipped, char **err);

/*
 * Search LEN BYTES, the contents of the file ORIGIN, as kapi_find_facts()
 * searches a file; for the fuzz tests and callers that hold a file in
 * memory. The members of a thin archive are read from ORIGIN's folder.
 * The BYTES passed to FOUND point into the input.
 */
int kapi_find_facts_mem(const char *origin, const unsigned char *bytes,
			size_t len, kapi_facts_found found, void *data,
			char **err);

#endif /* KAPI_TOOL_OBJECTS_H */
