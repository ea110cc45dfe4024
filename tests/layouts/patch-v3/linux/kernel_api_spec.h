/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The compiled spec layout of PATCH v3 (2026-04-24) and PATCH v4
 * (2026-05-29): magics, the lock scope enum, every string a const char
 * pointer, no packed structs. The spec is a global const object
 * __kapi_spec_NAME in .rodata, and section .kapi_specs holds only the
 * pointer __kapi_spec_ptr_NAME to it. PATCH v4 force-includes the
 * generated spec at the top of the syscall's file.
 */
#ifndef _LINUX_KERNEL_API_SPEC_H
#define _LINUX_KERNEL_API_SPEC_H

#define KAPI_LAYOUT_NAME "PATCH v3 to v4"
#define KAPI_LAYOUT_CAPABILITIES 1
#define KAPI_LAYOUT_MAGIC 1
#define KAPI_LAYOUT_LOCK_SCOPE 1
#define KAPI_LAYOUT_SPEC_POINTER 1

#include "../../kapi_layout.h"

#endif
