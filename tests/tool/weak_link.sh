#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# A __weak default and the strong definition that replaces it, in other
# units than the syscall that calls them (weak-link/). kapi-check must
# follow the call into the strong definition, as the linker does,
# whatever the order of its inputs.
#
# Checks:
#  - with the weak default read before the strong definition, and after
#    it, the findings equal weak-link/area.expected and stderr holds
#    only the count of findings.
#    The findings name -E2BIG of the strong definition, never the
#    -ENOSYS of the weak one;
#  - --verbose counts one weak definition replaced;
#  - with a second strong definition among the inputs (lib/area_copy.c),
#    kapi-check prints one note naming the function and both units, and
#    follows the definition read first;
#  - a weak unit read twice (an object and an archive) counts once;
#  - of one unit read twice with other contents, the first copy is
#    followed, even when the second is strong;
#  - a __weak alias (lib/area_alias.c) is followed to its target, and the
#    strong definition replaces it.
#
# Usage: weak_link.sh --gcc GCC --plugin SO --tool KAPI_CHECK
#                     --include DIR --compat DIR --srcdir DIR

set -euo pipefail

# shellcheck source=../test_args.sh
. "$(dirname "$0")/../test_args.sh"
parse_test_args weak_link.sh "gcc plugin tool include compat srcdir" "$@"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$srcdir"

fail() {
	echo "FAIL: $*"
	exit 1
}

# Compile UNIT with the facts argument and the other arguments into
# $work/NAME.o; a warning or an error of the plugin fails the test.
compile() {
	local unit=$1 name=$2 output

	shift 2
	output=$("$gcc" -O2 -c -o "$work/$name.o" -fdiagnostics-color=never \
		-fplugin="$plugin" -fplugin-arg-kapi_check-facts \
		-I "$include" -I "$compat" "$@" "$unit" 2>&1) ||
		fail "compiling $unit failed: $output"
	if grep -q -e ': warning: ' -e ': error: ' <<<"$output"; then
		fail "compiling $unit printed: $output"
	fi
}

compile mm/area.c area
compile kernel/area_default.c weak
compile arch/demo/area.c strong
compile lib/area_copy.c copy
compile kernel/area_default.c weak_as_strong -DAREA_DEFAULT_STRONG
compile lib/area_alias.c alias
grep -v '^#' area.expected >"$work/expected.txt"

# Run kapi-check over the objects named; stdout to $work/out, stderr to
# $work/err. Findings are expected, so the exit status must be 1.
run() {
	local status=0

	"$tool" "$@" >"$work/out" 2>"$work/err" || status=$?
	[ "$status" -eq 1 ] ||
		fail "kapi-check $* exited with $status, expected 1: $(cat "$work/err")"
}

for order in "weak strong" "strong weak"; do
	read -r first second <<<"$order"
	run "$work/area.o" "$work/$first.o" "$work/$second.o"
	diff -u "$work/expected.txt" "$work/out" ||
		fail "with the $first definition read first, the findings differ from weak-link/area.expected (diff above)"
	if grep -v '^kapi-check: [0-9]* findings\{0,1\} printed' "$work/err"; then
		fail "with the $first definition read first, kapi-check printed the lines above on stderr"
	fi
done

run --verbose "$work/area.o" "$work/weak.o" "$work/strong.o"
grep -q '^kapi-check: 1 names with a weak definition replaced by a strong one, 0 names with more than one strong definition$' "$work/err" ||
	fail "--verbose did not count one weak definition replaced: $(cat "$work/err")"

run "$work/area.o" "$work/strong.o" "$work/copy.o" "$work/weak.o"
diff -u "$work/expected.txt" "$work/out" ||
	fail "with two strong definitions, the one read first was not followed (diff above)"
grep -q "^kapi-check: note: 1 global function name is defined in more than one unit, such as 'arch_area_check' in arch/demo/area.c and lib/area_copy.c; calls reach the definition read first (arch/demo/area.c)" "$work/err" ||
	fail "no note named the two strong definitions: $(cat "$work/err")"
[ "$(grep -c ': note: ' "$work/err")" -eq 1 ] ||
	fail "expected one note on stderr: $(cat "$work/err")"

# An object and the archive that contains it: the weak unit is read twice,
# and the name still counts once.
ar rcs "$work/hooks.a" "$work/weak.o" "$work/strong.o"
run --verbose "$work/area.o" "$work/weak.o" "$work/hooks.a"
grep -q '^kapi-check: 1 names with a weak definition replaced by a strong one, 0 names with more than one strong definition$' "$work/err" ||
	fail "a weak unit read twice was not counted once: $(cat "$work/err")"

# One unit read twice with other contents, as from two build folders: the
# first copy wins whole, so the weak body is followed, not the strong
# copy of the same unit.
run "$work/area.o" "$work/weak.o" "$work/weak_as_strong.o"
grep -q "^kernel/area_default.c:[0-9]*:[0-9]*: warning: 'sys_area_map' can return -ENOSYS" "$work/out" ||
	fail "the first copy of kernel/area_default.c was not followed: $(cat "$work/out")"

# A __weak alias is followed to the body it names, and a strong
# definition replaces it as it replaces a weak body.
run "$work/area.o" "$work/alias.o"
grep -q "^lib/area_alias.c:[0-9]*:[0-9]*: warning: 'sys_area_map' can return -EOPNOTSUPP" "$work/out" ||
	fail "the call through the weak alias was not followed: $(cat "$work/out")"
run "$work/area.o" "$work/alias.o" "$work/strong.o"
diff -u "$work/expected.txt" "$work/out" ||
	fail "the strong definition did not replace the weak alias (diff above)"

echo "PASS: calls reach the strong definition, and two strong ones are named"
