# SPDX-License-Identifier: GPL-2.0-only
#
# Run one libFuzzer harness for a bounded number of iterations over a seed
# corpus made from objects that the plugin compiles.
#
#   cmake -DFUZZER=BIN -DMODE=fuzz_facts_read|fuzz_objects -DRUNS=N
#         -DWORKDIR=DIR -DGCC=GCC -DPLUGIN=SO -DFIXTURES=DIR
#         -DINCLUDES=DIR;DIR -DAR=AR -DLD=LD -DOBJCOPY=OBJCOPY
#         -P run_fuzz.cmake
#   cmake -DPROBLEM=TEXT -P run_fuzz.cmake     fail with TEXT
#
# The seeds of fuzz_objects: two objects, a regular and a thin archive of
# them, their "ld -r" output, the facts in big-endian ELF32 and ELF64
# files, and a facts file. The thin archive's members are read from
# WORKDIR, the fuzzer's working folder. The seeds of fuzz_facts_read: the
# facts sections of one object and of the "ld -r" output.

if(PROBLEM)
  message(FATAL_ERROR "${PROBLEM}")
endif()

foreach(var FUZZER MODE RUNS WORKDIR GCC PLUGIN FIXTURES INCLUDES AR LD OBJCOPY)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzz.cmake: -D${var}= is missing")
  endif()
endforeach()

# Run a command in WORKDIR; stop with its output when it fails.
function(run_step)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORKDIR}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "seed corpus: '${command}' failed (${rc}):\n${out}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR}/corpus)

set(include_args "")
foreach(dir IN LISTS INCLUDES)
  list(APPEND include_args -I${dir})
endforeach()

foreach(unit spec helper)
  run_step(${GCC} -O2 -c -fplugin=${PLUGIN} -fplugin-arg-kapi_check-facts
           ${include_args} ${FIXTURES}/${unit}_unit.c -o ${unit}.o)
  run_step(${OBJCOPY} --dump-section .discard.kapi_facts=${unit}.facts
           ${unit}.o /dev/null)
endforeach()
run_step(${LD} -r spec.o helper.o -o both.o)
run_step(${OBJCOPY} --dump-section .discard.kapi_facts=both.facts
         both.o /dev/null)

if(MODE STREQUAL "fuzz_objects")
  run_step(${AR} rcs regular.a spec.o helper.o)
  run_step(${AR} rcST thin.a spec.o helper.o)
  foreach(target elf32-big elf64-big)
    run_step(${OBJCOPY} -I binary -O ${target}
             --rename-section .data=.discard.kapi_facts,contents,readonly
             helper.facts ${target}.o)
  endforeach()
  set(seeds spec.o helper.o regular.a thin.a both.o elf32-big.o elf64-big.o
      helper.facts)
else()
  set(seeds spec.facts helper.facts both.facts)
endif()
foreach(seed IN LISTS seeds)
  file(COPY ${WORKDIR}/${seed} DESTINATION ${WORKDIR}/corpus)
endforeach()

# -max_total_time bounds a slow machine; -runs is the normal end.
execute_process(
  COMMAND ${FUZZER} -runs=${RUNS} -max_total_time=240 -timeout=20
          -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix=${WORKDIR}/ ${WORKDIR}/corpus
  WORKING_DIRECTORY ${WORKDIR}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(GLOB artifacts ${WORKDIR}/crash-* ${WORKDIR}/leak-* ${WORKDIR}/timeout-*
       ${WORKDIR}/oom-*)
  message(FATAL_ERROR
          "${MODE} failed (exit status ${rc}); the failing input: ${artifacts}. Reproduce with: cd ${WORKDIR} && ${FUZZER} INPUT")
endif()
