/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The compiled spec layout of RFC v2 (2025-06-24) as the framework's own
 * header compiles it: strings in fixed char arrays of packed structs,
 * api_type, lock flags, capability entries and the CONFIG_NET members,
 * no magics. The spec is a static object in section .kapi_specs.
 * (include/kapi-compat holds the same macro language with pointer
 * strings, for trees without the framework.)
 */
#ifndef _LINUX_KERNEL_API_SPEC_H
#define _LINUX_KERNEL_API_SPEC_H

#define KAPI_LAYOUT_NAME "RFC v2"
#define KAPI_LAYOUT_CHAR_ARRAYS 1
#define KAPI_LAYOUT_API_TYPE 1
#define KAPI_LAYOUT_CAPABILITIES 1

#include "../../kapi_layout.h"

#endif
