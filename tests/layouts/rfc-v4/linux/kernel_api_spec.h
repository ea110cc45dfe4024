/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The compiled spec layout of RFC v4 (2025-08-25): a magic member before
 * each section, set by the section's count macro; lock flags still; no
 * CONFIG_NET members. Specs stay in one generated unit under kernel/api/.
 *
 * NOTE: strings are taken to stay char arrays, as the facts name pointer
 * strings only for PATCH v3 and later.
 */
#ifndef _LINUX_KERNEL_API_SPEC_H
#define _LINUX_KERNEL_API_SPEC_H

#define KAPI_LAYOUT_NAME "RFC v4"
#define KAPI_LAYOUT_CHAR_ARRAYS 1
#define KAPI_LAYOUT_CAPABILITIES 1
#define KAPI_LAYOUT_MAGIC 1

#include "../../kapi_layout.h"

#endif
