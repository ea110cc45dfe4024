# SPDX-License-Identifier: GPL-2.0-only
#
# Fails if a macro defined in one of HEADERS does not appear in SOURCE, so
# that all_macros.c keeps using every macro of the compat headers. Include
# guards (_LINUX_..._H) and internal helpers (names starting with __) are
# not counted. A name that SOURCE mentions only in a comment counts as
# used. Usage:
#   cmake "-DHEADERS=a.h;b.h" -DSOURCE=all_macros.c -P check_macro_coverage.cmake

file(READ ${SOURCE} source_text)
set(missing "")
set(total 0)

foreach(header IN LISTS HEADERS)
  # Matching only the name keeps ';' and '[' of macro bodies, which CMake
  # lists treat specially, out of the list.
  file(READ ${header} header_text)
  string(REGEX MATCHALL "\n#define[ \t]+[A-Za-z_][A-Za-z0-9_]*" defines
         "${header_text}")
  foreach(define IN LISTS defines)
    string(REGEX REPLACE ".*[ \t]" "" name "${define}")
    if(name MATCHES "^__" OR name MATCHES "^_LINUX_.*_H$")
      continue()
    endif()
    math(EXPR total "${total} + 1")
    if(NOT source_text MATCHES "[^A-Za-z0-9_]${name}[^A-Za-z0-9_]")
      list(APPEND missing "${name} (${header})")
    endif()
  endforeach()
endforeach()

if(missing)
  list(JOIN missing "\n  " text)
  message(FATAL_ERROR
    "macros not used in ${SOURCE}; add a use of each:\n  ${text}")
endif()
message(STATUS "all ${total} macros are used in ${SOURCE}")
