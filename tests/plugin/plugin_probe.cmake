# SPDX-License-Identifier: GPL-2.0-only
#
# Tests that look at GCC's whole output rather than at diagnostics of a
# fixture: the plugin's help text, its handling of an unknown argument and
# of a GCC version it was not built for, and its silence on a unit without
# a spec.
#
# cmake -DMODE=help|unknown_arg|wrong_gcc|no_spec_silent -DGCC=...
#       -DPLUGIN=... -DKERNEL_INCLUDE=... -DCOMPAT_INCLUDE=... -DSRCDIR=...
#       -P plugin_probe.cmake

foreach(var MODE GCC PLUGIN KERNEL_INCLUDE COMPAT_INCLUDE SRCDIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "plugin_probe.cmake: -D${var}=... is missing")
  endif()
endforeach()

set(probe_input ${SRCDIR}/probe/no-spec.c)

# Compile PROBE_INPUT with the plugin and ARGN; sets status and output
# (standard output and standard error together).
function(compile_probe)
  execute_process(
    COMMAND ${GCC} -O2 -c -o /dev/null -fdiagnostics-color=never
            -fplugin=${PLUGIN} -I ${KERNEL_INCLUDE} -I ${COMPAT_INCLUDE}
            ${ARGN} ${probe_input}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE out
    ERROR_VARIABLE out)
  message("GCC exit status: ${status}\n--- GCC output ---\n${out}--- end ---")
  if(out MATCHES "internal compiler error")
    message(FATAL_ERROR "GCC reported an internal compiler error")
  endif()
  set(status "${status}" PARENT_SCOPE)
  set(output "${out}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "help")
  compile_probe(-fplugin-arg-kapi_check-help)
  foreach(key help verbose werror audit disable dump-ir)
    if(NOT output MATCHES "(^|[^a-z_-])${key}([^a-z_-]|$)")
      message(FATAL_ERROR "the help text does not name the argument '${key}'")
    endif()
  endforeach()

elseif(MODE STREQUAL "unknown_arg")
  compile_probe(-fplugin-arg-kapi_check-no-such-key)
  if(status EQUAL 0)
    message(FATAL_ERROR "an unknown plugin argument did not fail the compilation")
  endif()
  if(NOT output MATCHES "-fplugin-arg-kapi_check-no-such-key")
    message(FATAL_ERROR "the error does not name -fplugin-arg-kapi_check-no-such-key")
  endif()

elseif(MODE STREQUAL "wrong_gcc")
  compile_probe()
  if(status EQUAL 0)
    message(FATAL_ERROR "a plugin built for another GCC did not fail the compilation")
  endif()
  # A ';' in a line would split it into two list elements.
  string(REPLACE ";" "," flat "${output}")
  string(REGEX MATCHALL "[^\n]*built for GCC 99\\.0\\.0[^\n]*" lines "${flat}")
  list(LENGTH lines count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one line mentioning 'built for GCC 99.0.0', found ${count}")
  endif()

elseif(MODE STREQUAL "no_spec_silent")
  compile_probe()
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "a unit without a spec failed to compile")
  endif()
  if(NOT output STREQUAL "")
    message(FATAL_ERROR "a unit without a spec made GCC print something")
  endif()

else()
  message(FATAL_ERROR "plugin_probe.cmake: unknown MODE '${MODE}'")
endif()
