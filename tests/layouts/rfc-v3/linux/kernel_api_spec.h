/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The compiled spec layout of RFC v3 (2025-07-11), the first version
 * whose specs come from kerneldoc through a generator: RFC v2's struct
 * without api_type (the ioctl and sysfs members are gone), still with the
 * CONFIG_NET members, char arrays, lock flags and no magics. The generated
 * specs of all syscalls go into one unit under kernel/api/, apart from
 * the syscalls.
 *
 * NOTE: the structs are taken to stay packed as in RFC v2.
 */
#ifndef _LINUX_KERNEL_API_SPEC_H
#define _LINUX_KERNEL_API_SPEC_H

#define KAPI_LAYOUT_NAME "RFC v3"
#define KAPI_LAYOUT_CHAR_ARRAYS 1
#define KAPI_LAYOUT_NET_MEMBERS 1
#define KAPI_LAYOUT_CAPABILITIES 1

#include "../../kapi_layout.h"

#endif
