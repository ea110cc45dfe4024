/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Source locations as the analysis core sees them.
 */
#ifndef KAPI_LOC_H
#define KAPI_LOC_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A place in the source. FILE is interned (or NULL when unknown) and LINE 0
 * means unknown. COOKIE is the producer's own handle for the same place: the
 * plugin stores GCC's location_t there so that its diagnostics keep macro
 * expansion notes and caret lines. Summaries read back from disk have
 * COOKIE 0.
 */
struct kapi_loc {
	const char *file;
	unsigned int line;
	unsigned int column;
	uint64_t cookie;
};

static inline int kapi_loc_known(const struct kapi_loc *loc)
{
	return loc->file != 0 && loc->line != 0;
}

#ifdef __cplusplus
}
#endif

#endif /* KAPI_LOC_H */
