/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Joining specs to syscall bodies of other units. RFC v3 to v5 of the
 * framework generate the specs of all syscalls into one unit under
 * kernel/api/, so a spec's unit has no function of its syscall, and
 * __do_sys_NAME, a static function, lives in the syscall's own unit.
 */
#ifndef KAPI_TOOL_JOIN_H
#define KAPI_TOOL_JOIN_H

#include <stdio.h>

#include "link.h"

/*
 * Point each spec of B whose unit defines no function of its syscall at
 * the unit that does (spec->unit, which qualifies static names), so the
 * checks find __do_sys_NAME there. A spec whose body no unit defines is
 * left as it is and gets kapi-spec-no-impl. With VERBOSE, print each join
 * to it. Returns the number of specs joined.
 */
unsigned int kapi_build_join_specs(struct kapi_build *b, FILE *verbose);

/*
 * Whether unit U has specs but no function of any of them, as the
 * generated spec unit of RFC v3 to v5. The plugin checks no spec of such
 * a unit, so none of their findings was printed during the build.
 */
bool kapi_unit_holds_specs_only(const struct kapi_unit_facts *u);

#endif /* KAPI_TOOL_JOIN_H */
