# SPDX-License-Identifier: GPL-2.0-only
#
# kapi-check.mk - load the kapi-check plugin into a kernel build by adding
# compiler flags only, for CI systems that cannot change the build command
# beyond extra makefiles or variables.
#
# Read it before the kernel's own Makefile:
#
#	make -f /path/to/kapi-check.mk -f Makefile mm/
#
# It puts the flags that 'kapi-check kcflags' prints (the plugin with its
# facts argument, and the compat headers) in front of KCFLAGS, so that
# plugin arguments already in KCFLAGS (-fplugin-arg-kapi_check-verbose)
# follow the -fplugin= that GCC wants first. It exports KCFLAGS for the
# kernel's nested make runs. Give your own KCFLAGS in the environment: a
# KCFLAGS=... on make's command line replaces this file's value. Set
# KAPI_CHECK to the kapi-check binary when it is not in PATH.
#
# The same without this file:
#
#	make KCFLAGS="$(kapi-check kcflags)" mm/

KAPI_CHECK ?= kapi-check
KAPI_CHECK_KCFLAGS := $(shell $(KAPI_CHECK) kcflags)

ifeq ($(KAPI_CHECK_KCFLAGS),)
$(error kapi-check.mk: '$(KAPI_CHECK) kcflags' printed nothing; install kapi-check or set KAPI_CHECK to its path)
endif

KCFLAGS := $(strip $(KAPI_CHECK_KCFLAGS) $(KCFLAGS))
export KCFLAGS
