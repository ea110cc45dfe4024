#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# "kapi-check kerneldoc" on inputs that are not plain spec files: a NUL
# byte, a folder, a path with blanks (the printed -include must stay one
# flag and one path for the shell), and the largest errors array a spec
# holds (32 error: tags are accepted; errors/too-many-errors.c has 33).
#
# Usage: run_inputs.sh --tool KAPI_CHECK --srcdir DIR

set -uo pipefail

tool= srcdir=
while [ $# -gt 0 ]; do
	case "$1" in
	--tool) tool=$2; shift 2 ;;
	--srcdir) srcdir=$2; shift 2 ;;
	*) echo "usage: run_inputs.sh --tool KAPI_CHECK --srcdir DIR" >&2; exit 2 ;;
	esac
done
if [ -z "$tool" ] || [ -z "$srcdir" ]; then
	echo "usage: run_inputs.sh --tool KAPI_CHECK --srcdir DIR" >&2
	exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

fail() {
	echo "FAIL $*"
	failed=1
}

# Run the command on its arguments; sets out, err and status.
run() {
	status=0
	out=$("$tool" kerneldoc "$@" 2>"$work/stderr") || status=$?
	err=$(<"$work/stderr")
}

# A NUL byte inside the kerneldoc comment, on line 4.
printf '/**\n * sys_nap - sleep\n * contexts: process\n * long-desc: a\0b\n */\nSYSCALL_DEFINE0(nap)\n{\n\treturn 0;\n}\n' >"$work/nul.c"
run -o "$work/nul.h" "$work/nul.c"
[ "$status" -eq 2 ] || fail "NUL byte: exit status $status, expected 2"
[[ "$err" == "$work/nul.c:4: error: NUL byte at offset "* ]] ||
	fail "NUL byte: message [$err]"
[ ! -e "$work/nul.h" ] || fail "NUL byte: a header was written"

mkdir "$work/folder.c"
run "$work/folder.c"
[ "$status" -eq 2 ] || fail "folder: exit status $status, expected 2"
[[ "$err" == "kapi-check: $work/folder.c is a folder; name one C file"* ]] ||
	fail "folder: message [$err]"

mkdir "$work/with space"
cp "$srcdir/roundtrip-kdoc.c" "$work/with space/it's.c"
run "$work/with space/it's.c"
[ "$status" -eq 0 ] || fail "path with blanks: exit status $status [$err]"
eval "set -- $out"
[ "$#" -eq 2 ] || fail "path with blanks: the flag [$out] is $# shell words, expected 2"
[ "${1:-}" = "-include" ] || fail "path with blanks: first word [${1:-}]"
[ "${2:-}" = "$work/with space/it's.apispec.h" ] ||
	fail "path with blanks: second word [${2:-}]"
[ -s "$work/with space/it's.apispec.h" ] || fail "path with blanks: no header"

grep -v 'EDOM' "$srcdir/errors/too-many-errors.c" >"$work/max-errors.c"
[ "$(grep -c '^ \* error:' "$work/max-errors.c")" -eq 32 ] ||
	fail "setup: max-errors.c does not have 32 error: tags"
run -o "$work/max-errors.h" "$work/max-errors.c"
[ "$status" -eq 0 ] || fail "32 errors: exit status $status [$err]"
[ "$(grep -c 'KAPI_ERROR(' "$work/max-errors.h")" -eq 32 ] ||
	fail "32 errors: the header does not have 32 KAPI_ERROR entries"

[ "$failed" -eq 0 ] && echo "PASS kerneldoc inputs"
exit "$failed"
