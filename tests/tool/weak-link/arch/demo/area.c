// SPDX-License-Identifier: GPL-2.0-only
/* The architecture's strong definition of the hook: the one that runs. */
#include <linux/errno.h>

#include "../../area_flags.h"

#define DEMO_AREA_MAX (1UL << 30)

int arch_area_check(unsigned long len)
{
	if (area_flags_valid(len & 1))
		return -EINVAL;
	if (len > DEMO_AREA_MAX)
		return -E2BIG;
	return 0;
}
