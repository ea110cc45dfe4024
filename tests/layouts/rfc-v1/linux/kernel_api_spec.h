/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The compiled spec layout of RFC v1 (2025-06-14): specs written with raw
 * designated initializers beside a few macros, strings in fixed char
 * arrays of packed structs, a lock's role as four flags, no capability
 * entries, no api_type, no magics. The spec is a static object in section
 * .kapi_specs.
 *
 * NOTE: the members that RFC v1 shares with RFC v2 are taken to be those
 * of RFC v2 minus api_type and the capabilities.
 */
#ifndef _LINUX_KERNEL_API_SPEC_H
#define _LINUX_KERNEL_API_SPEC_H

#define KAPI_LAYOUT_NAME "RFC v1"
#define KAPI_LAYOUT_CHAR_ARRAYS 1

#include "../../kapi_layout.h"

#endif
