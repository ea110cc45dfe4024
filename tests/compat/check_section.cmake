# SPDX-License-Identifier: GPL-2.0-only
#
# Fails unless each ELF file in FILES has a section named .discard.kapi_specs, the
# section DEFINE_KERNEL_API_SPEC places every spec in. Usage:
#   cmake -DREADELF=... "-DFILES=a.o;b" -P check_section.cmake

if(NOT READELF OR NOT EXISTS "${READELF}")
  message(FATAL_ERROR
    "readelf not found (READELF='${READELF}'): install binutils")
endif()

foreach(file IN LISTS FILES)
  execute_process(
    COMMAND ${READELF} -S -W ${file}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "readelf -S failed on ${file}: ${err}")
  endif()
  if(NOT out MATCHES "[ \t]\\.discard\\.kapi_specs[ \t]+PROGBITS")
    message(FATAL_ERROR
      "${file} has no .discard.kapi_specs section; readelf -S shows:\n${out}")
  endif()
endforeach()
