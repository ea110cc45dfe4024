# SPDX-License-Identifier: GPL-2.0-only
#
# Write the malformed spec variants into OUTDIR (emptied first) and check
# them all with run_fixture in one run, so its report lists every variant.
#
# cmake -DGENERATOR=... -DRUNNER=... -DGCC=... -DPLUGIN=...
#       -DKERNEL_INCLUDE=... -DCOMPAT_INCLUDE=... -DOUTDIR=...
#       -P run_malformed.cmake

foreach(var GENERATOR RUNNER GCC PLUGIN KERNEL_INCLUDE COMPAT_INCLUDE OUTDIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_malformed.cmake: -D${var}=... is missing")
  endif()
endforeach()

file(REMOVE_RECURSE ${OUTDIR})
file(MAKE_DIRECTORY ${OUTDIR})
execute_process(
  COMMAND ${GENERATOR} ${OUTDIR}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE written
  ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gen_malformed_specs failed (${status}): ${errors}")
endif()

# The runner takes the names relative to OUTDIR, so reports stay short.
string(REPLACE "\n" ";" written "${written}")
set(variants)
foreach(path IN LISTS written)
  if(path)
    get_filename_component(name ${path} NAME)
    list(APPEND variants ${name})
  endif()
endforeach()
list(LENGTH variants count)
if(count LESS 50)
  message(FATAL_ERROR "gen_malformed_specs wrote ${count} variants; expected more than 50")
endif()

execute_process(
  COMMAND ${RUNNER} --gcc ${GCC} --plugin ${PLUGIN}
          --include ${KERNEL_INCLUDE} --include ${COMPAT_INCLUDE}
          --srcdir ${OUTDIR} ${variants}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
message("${output}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "run_fixture failed on the malformed spec variants (exit status ${status}); see the FAIL lines above")
endif()
message("all ${count} malformed spec variants got their diagnostics")
