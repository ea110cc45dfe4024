#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# A spec compiled in another unit than its syscall, because RFC v3 to v5
# generate every spec into kernel/api/. The plugin writes the facts of
# spec-join/kernel/api/generated_api_specs.c and spec-join/mm/pool.c, and
# kapi-check must join the spec of sys_pool_grow to its body in mm/pool.c.
#
# Checks:
#  - compiling the spec-only unit prints no warning, only one
#    kapi-spec-no-impl note per spec (the plugin leaves its specs to
#    kapi-check), and compiling the syscall unit prints nothing;
#  - kapi-check's findings equal spec-join/pool.expected (the errno and
#    capability findings of the joined spec, the missing body of
#    sys_pool_gone, and no parameter mismatch against __x64_sys_pool_grow);
#  - kapi-check exits with 1 (findings printed).
#
# Usage: spec_join.sh --gcc GCC --plugin SO --tool KAPI_CHECK
#                     --include DIR --layout DIR --srcdir DIR

set -euo pipefail

# shellcheck source=../test_args.sh
. "$(dirname "$0")/../test_args.sh"
parse_test_args spec_join.sh "gcc plugin tool include layout srcdir" "$@"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$srcdir"

# Compile UNIT into OBJECT with the facts argument. Output other than
# NOTES kapi-spec-no-impl notes fails the test.
compile() {
	local unit=$1 object=$2 notes=$3 output count

	output=$("$gcc" -O2 -c -o "$object" -fdiagnostics-color=never \
		-fplugin="$plugin" -fplugin-arg-kapi_check-facts \
		-I "$include" -I "$layout" "$unit" 2>&1)
	count=$(grep -c ': note: .*\[kapi-spec-no-impl\]$' <<<"$output" || true)
	if grep -q -e ': warning: ' -e ': error: ' <<<"$output" ||
	   [ "$count" -ne "$notes" ]; then
		echo "FAIL: compiling $unit printed (expected $notes notes):"
		echo "$output"
		exit 1
	fi
}

compile kernel/api/generated_api_specs.c "$work/specs.o" 2
compile mm/pool.c "$work/pool.o" 0

status=0
"$tool" "$work/specs.o" "$work/pool.o" > "$work/findings.txt" \
	2> "$work/stderr.txt" || status=$?
if [ "$status" -ne 1 ]; then
	echo "FAIL: kapi-check exited with $status, expected 1 (findings printed)"
	cat "$work/stderr.txt"
	exit 1
fi
grep -v "^#" pool.expected > "$work/expected.txt"
if ! diff -u "$work/expected.txt" "$work/findings.txt"; then
	echo "FAIL: kapi-check's findings differ from spec-join/pool.expected (diff above)"
	exit 1
fi
echo "PASS: the spec of sys_pool_grow was joined to mm/pool.c"
