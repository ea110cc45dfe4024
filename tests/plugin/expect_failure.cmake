# SPDX-License-Identifier: GPL-2.0-only
#
# Run run_fixture on a self-test fixture whose expectations are wrong on
# purpose, and pass only when the runner fails it the right way: exit
# status 1, "FAIL <fixture>" printed, and its report matching the regular
# expression of the fixture's "runner-must-report:" comment.
#
# cmake -DRUNNER=... -DGCC=... -DPLUGIN=... -DKERNEL_INCLUDE=...
#       -DCOMPAT_INCLUDE=... -DSRCDIR=... -DFIXTURE=selftest/x.c
#       -P expect_failure.cmake

foreach(var RUNNER GCC PLUGIN KERNEL_INCLUDE COMPAT_INCLUDE SRCDIR FIXTURE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "expect_failure.cmake: -D${var}=... is missing")
  endif()
endforeach()

file(STRINGS ${SRCDIR}/${FIXTURE} reason_lines REGEX "runner-must-report: ")
list(LENGTH reason_lines count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR
    "${FIXTURE}: expected exactly one 'runner-must-report: REGEX' comment, found ${count}")
endif()
string(REGEX REPLACE "^.*runner-must-report: " "" reason "${reason_lines}")
if(reason MATCHES "^(.*[^ ])[ ]*\\*/[ ]*$")
  set(reason "${CMAKE_MATCH_1}")
endif()
string(STRIP "${reason}" reason)

execute_process(
  COMMAND ${RUNNER} --gcc ${GCC} --plugin ${PLUGIN}
          --include ${KERNEL_INCLUDE} --include ${COMPAT_INCLUDE}
          --srcdir ${SRCDIR} ${FIXTURE}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
message("${output}")

if(NOT status EQUAL 1)
  message(FATAL_ERROR "run_fixture exited with ${status}; a wrong expectation must make it exit with 1")
endif()
if(NOT output MATCHES "FAIL ${FIXTURE}")
  message(FATAL_ERROR "run_fixture did not print 'FAIL ${FIXTURE}'")
endif()
if(NOT output MATCHES "${reason}")
  message(FATAL_ERROR "run_fixture's report does not match '${reason}'")
endif()
message("run_fixture failed ${FIXTURE} as it should")
