/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GCC locations to struct kapi_loc and back.
 *
 * A kapi_loc carries two views of one place. FILE, LINE and COLUMN are what
 * the core prints in audit tables and summaries. For a location inside a
 * macro expansion they name the outermost expansion point, so a
 * "return -EINVAL;" written in a macro body is reported on the line of the
 * .c file that uses the macro. COOKIE keeps GCC's own location_t, so
 * that the diagnostics built from it still show the "in expansion of
 * macro" notes and the caret line.
 */
#include "kapi_plugin.h"

struct kapi_loc kapi_loc_from_gcc(struct kapi_arena *arena, location_t loc)
{
	struct kapi_loc out = { NULL, 0, 0, 0 };
	expanded_location xloc;

	if (loc == UNKNOWN_LOCATION || loc == BUILTINS_LOCATION)
		return out;

	/*
	 * A location in a macro expansion is virtual: it has no file and line
	 * of its own until the line map resolves it. LRK_MACRO_EXPANSION_POINT
	 * walks out to the place where the outermost macro was used.
	 */
	xloc = expand_location(linemap_resolve_location(line_table, loc,
							LRK_MACRO_EXPANSION_POINT,
							NULL));
	out.file = kapi_intern(arena, xloc.file);
	out.line = xloc.line > 0 ? (unsigned int)xloc.line : 0;
	out.column = xloc.column > 0 ? (unsigned int)xloc.column : 0;

	/*
	 * GCC drops a warning whose location is in a system header, and a
	 * token from a macro defined in one counts as such: "return -EPERM;"
	 * with <errno.h> from /usr/include (C++ places the constant at the
	 * EPERM token) would never be reported. Such locations are kept as
	 * the expansion point instead; all others stay as they are.
	 */
	out.cookie = (uint64_t)expansion_point_location_if_in_system_header(loc);
	return out;
}

/*
 * Return the location_t stored by kapi_loc_from_gcc(). A kapi_loc made
 * elsewhere has cookie 0, which is UNKNOWN_LOCATION.
 */
location_t kapi_loc_to_gcc(const struct kapi_loc *loc)
{
	return (location_t)loc->cookie;
}
