/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The compiled spec layout of RFC v5 (2025-12-18), PATCH v1 (2026-03-13)
 * and PATCH v2 (2026-03-22): magics, and a lock's role as one scope enum
 * (INTERNAL 0, ACQUIRES 1, RELEASES 2, CALLER_HELD 3) instead of the four
 * flags. The spec is still a static object in section .kapi_specs. RFC v5
 * generates all specs into one unit under kernel/api/; PATCH v1 and v2
 * include the generated spec at the end of the syscall's own file.
 *
 * NOTE: strings are taken to stay char arrays up to PATCH v2.
 */
#ifndef _LINUX_KERNEL_API_SPEC_H
#define _LINUX_KERNEL_API_SPEC_H

#define KAPI_LAYOUT_NAME "RFC v5 to PATCH v2"
#define KAPI_LAYOUT_CHAR_ARRAYS 1
#define KAPI_LAYOUT_CAPABILITIES 1
#define KAPI_LAYOUT_MAGIC 1
#define KAPI_LAYOUT_LOCK_SCOPE 1

#include "../../kapi_layout.h"

#endif
