#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Round trip of a kerneldoc spec: "kapi-check kerneldoc" translates the
# kerneldoc tags of roundtrip-kdoc.c into a header, and the file compiled
# with that header force-included must give the same spec facts, the same
# findings and the same audit table as roundtrip-macro.c, the same code
# with the spec written by hand as macros. Source locations differ between
# the two files and are replaced by LOC before the comparison. --compat
# names the folder of <linux/kernel_api_spec.h>: the compat headers or a
# layout of tests/layouts.
#
# Usage: roundtrip.sh --gcc GCC --plugin SO --tool KAPI_CHECK
#                     --include DIR --compat DIR --srcdir DIR

set -euo pipefail

# shellcheck source=../test_args.sh
. "$(dirname "$0")/../test_args.sh"
parse_test_args roundtrip.sh "gcc plugin tool include compat srcdir" "$@"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$srcdir"

flag=$("$tool" kerneldoc -o "$work/kdoc.apispec.h" roundtrip-kdoc.c)
if [ "$flag" != "-include $work/kdoc.apispec.h" ]; then
	echo "FAIL: kapi-check kerneldoc printed '$flag', expected '-include $work/kdoc.apispec.h'"
	exit 1
fi

# Compile SIDE (kdoc or macro) into facts, audit and diagnostics.
compile() {
	local side=$1 source=$2
	shift 2

	mkdir "$work/$side"
	if ! "$gcc" -O2 -c -o /dev/null -fdiagnostics-color=never \
		-fplugin="$plugin" \
		-fplugin-arg-kapi_check-facts-dir="$work/$side" \
		-fplugin-arg-kapi_check-audit="$work/$side.audit" \
		-I "$include" -I "$compat" "$@" "$source" \
		2> "$work/$side.stderr"; then
		echo "FAIL: compiling $source against $compat failed:"
		cat "$work/$side.stderr"
		exit 1
	fi
}

# Replace "FILE:LINE:COL" and the spec's "FILE" LINE COL by LOC.
normalize() {
	sed -E -e 's/[A-Za-z0-9_./-]+\.[ch]:[0-9]+:[0-9]+/LOC/g' \
	       -e 's/^(spec "[^"]*" "[^"]*") "[^"]*" [0-9]+ [0-9]+/\1 LOC/'
}

compile kdoc roundtrip-kdoc.c -include "$work/kdoc.apispec.h"
compile macro roundtrip-macro.c

for side in kdoc macro; do
	sed -n '/^spec /,/^endspec$/p' "$work/$side"/*.kapi-facts | normalize \
		> "$work/$side.spec"
	grep -o '[a-z]*: .*\[kapi-[a-z-]*\]' "$work/$side.stderr" | normalize \
		> "$work/$side.findings" || true
	normalize < "$work/$side.audit" > "$work/$side.table"
done

failed=0
if [ ! -s "$work/macro.spec" ]; then
	echo "FAIL: the macro side wrote no spec facts"
	failed=1
fi
if [ ! -s "$work/macro.findings" ]; then
	echo "FAIL: the macro side has no finding; the comparison would prove little"
	failed=1
fi
for part in spec findings table; do
	if ! diff -u "$work/macro.$part" "$work/kdoc.$part"; then
		echo "FAIL: $part: the kerneldoc spec and the macro spec differ (diff above)"
		failed=1
	fi
done
if [ "$failed" -eq 0 ]; then
	echo "PASS: same spec facts, findings and audit table"
fi
exit "$failed"
