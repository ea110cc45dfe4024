# SPDX-License-Identifier: GPL-2.0-only
#
# Run one rule over its fixture in report mode and compare the report,
# sorted, with the expected file. spatch prints matches in no fixed order.
#
# Variables: SPATCH, RULE (the .cocci file), FIXTURE (the .c file, given
# relative to SRCDIR so the paths in the report do not depend on the
# machine), EXPECTED, SRCDIR.

if(NOT SPATCH)
  message(FATAL_ERROR "spatch not found: install Coccinelle (Debian package coccinelle) and reconfigure")
endif()

execute_process(
  COMMAND ${SPATCH} --sp-file ${RULE} -D report --very-quiet --no-includes
          --include-headers ${FIXTURE}
  WORKING_DIRECTORY ${SRCDIR}
  OUTPUT_VARIABLE report
  ERROR_VARIABLE errors
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "spatch failed with status ${status} on ${RULE}:\n${errors}")
endif()

string(REGEX REPLACE "\n$" "" report "${report}")
string(REPLACE "\n" ";" lines "${report}")
list(SORT lines)
list(JOIN lines "\n" got)

file(READ ${EXPECTED} expected)
string(REGEX REPLACE "\n$" "" expected "${expected}")
if(NOT got STREQUAL expected)
  message(FATAL_ERROR "report of ${RULE} on ${FIXTURE} differs from ${EXPECTED}\n"
                      "expected:\n${expected}\ngot:\n${got}\n${errors}")
endif()
