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
# kernel's nested make runs. Your own KCFLAGS may come from the
# environment or from make's command line (make ... KCFLAGS=-g mm/). Set
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

# A variable given on make's command line ignores ordinary assignments in
# makefiles and reaches nested make runs (the kernel's O= build runs its
# Makefile again) through MAKEFLAGS. So such a KCFLAGS is overridden here,
# and the new value is appended to MAKEOVERRIDES, the command-line part of
# MAKEFLAGS, where the later of two definitions wins. Blanks in it are
# escaped with a backslash, as make writes them there.
kapi_check_empty :=
kapi_check_space := $(kapi_check_empty) $(kapi_check_empty)

ifeq ($(origin KCFLAGS),command line)
override KCFLAGS := $(strip $(KAPI_CHECK_KCFLAGS) $(KCFLAGS))
MAKEOVERRIDES += KCFLAGS=$(subst $(kapi_check_space),\$(kapi_check_space),$(KCFLAGS))
else
KCFLAGS := $(strip $(KAPI_CHECK_KCFLAGS) $(KCFLAGS))
endif
export KCFLAGS
