/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The GCC headers the plugin needs, in the order GCC requires, and the only
 * place that tests GCC versions.
 *
 * gcc-plugin.h must come first: it defines IN_GCC and pulls in config.h,
 * system.h and coretypes.h, which every other GCC header assumes. system.h
 * then poisons malloc, realloc, calloc, strdup and strerror, so plugin code
 * uses libiberty's xmalloc, xstrdup and xstrerror instead.
 *
 * The plugin is written against GCC 12 and tested only there. Each
 * BUILDING_GCC_VERSION test below marks an API that is known to differ in
 * another release.
 */
#ifndef KAPI_GCC_COMMON_H
#define KAPI_GCC_COMMON_H

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "bversion.h"

#if BUILDING_GCC_VERSION < 12000
#error "kapi_check needs the plugin headers of GCC 12 or newer"
#endif

/*
 * c-common.h sets up the format checking of GCC's diagnostic functions and
 * must come before anything that includes diagnostic-core.h.
 */
#include "tree.h"
#include "c-family/c-common.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "cfg.h"
#include "tree-ssa-alias.h"
#include "gimple-expr.h"
#include "gimple.h"
#include "gimple-ssa.h"
#include "value-range.h"
#include "tree-dfa.h"
#include "gimple-iterator.h"
#include "tree-ssa-operands.h"
#include "tree-phinodes.h"
#include "ssa-iterators.h"
#include "stringpool.h"
#include "tree-ssanames.h"
#include "tree-cfg.h"
#include "cfgexpand.h"
#include "gimplify.h"
#include "cgraph.h"
#include "internal-fn.h"
#include "stor-layout.h"
#include "print-tree.h"
#include "tree-pretty-print.h"
#include "gimple-pretty-print.h"
#include "diagnostic.h"
#include "diagnostic-core.h"
#include "intl.h"
#include "input.h"

/*
 * parse_in is the C family front end's preprocessor, defined in cc1 and
 * cc1plus only. f951, gnat1 and lto1 do not define it, and GCC loads
 * plugins with RTLD_NOW, so a strong reference would make the plugin fail
 * to load there. Weak, its address is NULL outside the C family, and
 * that address must be tested before the variable is read.
 */
extern cpp_reader *parse_in __attribute__((weak));

/*
 * The C family's file-scope binding of an identifier (c-family/c-common.h),
 * weak for the same reason: test its address before calling it.
 */
extern tree identifier_global_value(tree) __attribute__((weak));

/*
 * Whether -Werror is in effect. GCC 12 keeps it in the public field
 * diagnostic_context::warning_as_error_requested, which the diagnostic
 * machinery reads for every DK_WARNING to turn it into DK_ERROR. GCC 14
 * made the field private behind the two accessors used below.
 * NOTE: only the GCC 12 branch has been compiled and run.
 */
static inline bool kapi_gcc_werror_requested(void)
{
#if BUILDING_GCC_VERSION >= 14000
	return global_dc->warning_as_error_requested_p();
#else
	return global_dc->warning_as_error_requested;
#endif
}

static inline void kapi_gcc_set_werror_requested(bool value)
{
#if BUILDING_GCC_VERSION >= 14000
	global_dc->set_warning_as_error_requested(value);
#else
	global_dc->warning_as_error_requested = value;
#endif
}

/*
 * The base version the plugin claims to be built for. The test-only module
 * kapi_check_wrongver.so defines KAPI_TEST_BASEVER to prove that a
 * mismatch is rejected; every real build uses plugin-version.h's basever.
 */
#ifdef KAPI_TEST_BASEVER
#define KAPI_BUILT_BASEVER KAPI_TEST_BASEVER
#else
#define KAPI_BUILT_BASEVER basever
#endif

#endif /* KAPI_GCC_COMMON_H */
