# SPDX-License-Identifier: GPL-2.0-only
#
# Runs sparse on SOURCE with the include folders KERNEL_INCLUDE and
# COMPAT_INCLUDE, and fails if sparse is missing, exits nonzero or prints
# anything. EXTRA_FLAGS (a list, optional) is passed to sparse before the
# source. Usage:
#   cmake -DSPARSE=... -DKERNEL_INCLUDE=... -DCOMPAT_INCLUDE=... -DSOURCE=...
#         [-DEXTRA_FLAGS=...] -P run_sparse.cmake

if(NOT SPARSE OR NOT EXISTS "${SPARSE}")
  message(FATAL_ERROR
    "sparse not found (SPARSE='${SPARSE}'): install it, for example with "
    "'apt-get install sparse', then re-run cmake so that find_program "
    "finds it")
endif()

execute_process(
  COMMAND ${SPARSE} -Wsparse-all -Wsparse-error
          -I ${KERNEL_INCLUDE} -I ${COMPAT_INCLUDE} ${EXTRA_FLAGS} ${SOURCE}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE out)

if(NOT status EQUAL 0 OR NOT out STREQUAL "")
  message(FATAL_ERROR
    "sparse failed on ${SOURCE} (exit status ${status}):\n${out}")
endif()
