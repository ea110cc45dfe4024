# SPDX-License-Identifier: GPL-2.0-only
#
# Run one rule over its fixture through the kernel's own
# "make coccicheck MODE=report COCCI=RULE M=DIR", as kernel developers run
# rules, and compare the report, sorted, with the expected file of the
# spatch run (run_rule.cmake). The fixture is copied alone into WORKDIR,
# the M= folder, so that no other fixture is scanned; its paths in the
# report are turned back into tests/cocci/... before the comparison.
# coccicheck passes the rule's "// Options:" line to spatch. The kernel's
# .cocciconfig selects --use-gitgrep, which finds no file outside a git
# checkout such as WORKDIR, so SPFLAGS selects spatch's own file search.
#
# Variables: SPATCH, RULE (absolute), FIXTURE (absolute), EXPECTED,
# KERNEL_TREE (a configured Linux tree; coccicheck writes nothing in it),
# WORKDIR.

if(NOT SPATCH)
  message(FATAL_ERROR "spatch not found: install Coccinelle (Debian package coccinelle) and reconfigure")
endif()
if(NOT EXISTS ${KERNEL_TREE}/scripts/coccicheck)
  message(FATAL_ERROR "${KERNEL_TREE}/scripts/coccicheck not found: the kernel tree is not prepared yet; run the real_mlock test first")
endif()

file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
get_filename_component(fixture_name ${FIXTURE} NAME)
file(COPY ${FIXTURE} DESTINATION ${WORKDIR})

execute_process(
  COMMAND make -C ${KERNEL_TREE} --no-print-directory coccicheck
          MODE=report COCCI=${RULE} M=${WORKDIR} SPATCH=${SPATCH} J=1
          SPFLAGS=--use-coccigrep
  OUTPUT_VARIABLE output
  ERROR_VARIABLE errors
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "make coccicheck failed with status ${status} on ${RULE}:\n${output}\n${errors}")
endif()

# coccicheck prints the rule's description and the spatch command line
# around the report; keep the report lines only.
string(REPLACE "\n" ";" lines "${output}")
set(report "")
foreach(line IN LISTS lines)
  if(line MATCHES "\\[cocci-[a-z_]+\\]$")
    string(REPLACE "${WORKDIR}/${fixture_name}" "tests/cocci/${fixture_name}" line "${line}")
    list(APPEND report "${line}")
  endif()
endforeach()
list(SORT report)
list(JOIN report "\n" got)

file(READ ${EXPECTED} expected)
string(REGEX REPLACE "\n$" "" expected "${expected}")
if(NOT got STREQUAL expected)
  message(FATAL_ERROR "make coccicheck report of ${RULE} differs from ${EXPECTED}\n"
                      "expected:\n${expected}\ngot:\n${got}\nfull output:\n${output}\n${errors}")
endif()
