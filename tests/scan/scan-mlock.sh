#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# scan-mlock.sh - run ci/kapi-scan.sh on a kernel tree whose git history
# changes mm/mlock.c, and check that all three engines report and that the
# merged JSON and SARIF are well formed
#
# Usage: tests/scan/scan-mlock.sh --seed-from DIR --plugin SO --tool PATH
#                                 --cc GCC BUILD_DIR
#
#   BUILD_DIR       a kernel tree for this test only; prepared by copying
#                   the seed the first time
#   --seed-from DIR a tree that ci/mlock-proof.sh has prepared
#   --plugin, --tool, --cc
#                   the plugin, kapi-check and the compiler of the plugin
#
# The change is the one of tests/real/mlock-unlock-skipped.sed (an early
# "return -ENOMEM;" in do_mlock() that leaves mmap_lock held) with the
# RFC v2 sys_mlock spec inserted, written by ci/mlock-mutant.sh. The test
# commits the pristine file and then the changed one into a git repository
# created in BUILD_DIR (only mm/mlock.c is tracked), and scans the range.
# Expected: the plugin's kapi-lock-imbalance on sys_mlock, the rule
# missing_unlock on do_mlock's new return, syscall_without_spec on the four
# other syscalls of the file, and sparse's context warnings, which Linux
# 6.12's mm/mlock.c has without the change.
#
# Exit status: 0 every check passed, 1 a check failed, 2 setup error.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seed= plugin= tool= cc= build_dir=

die() {
	echo "scan-mlock: $*" >&2
	exit 2
}

while (($#)); do
	case $1 in
	--seed-from) seed=${2:?--seed-from needs a tree}; shift ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--tool) tool=${2:?--tool needs a program}; shift ;;
	--cc) cc=${2:?--cc needs a compiler}; shift ;;
	-*) die "unknown option '$1'" ;;
	*) build_dir=$1 ;;
	esac
	shift
done
[[ -n $build_dir && -n $plugin && -n $tool && -n $cc ]] ||
	die "usage: scan-mlock.sh --seed-from DIR --plugin SO --tool PATH --cc GCC BUILD_DIR"
command -v jq >/dev/null || die "jq not found; install it (ci/install-deps.sh)"

# The tree with the spec and the change in mm/mlock.c.
seed_args=()
[[ -n $seed ]] && seed_args=(--seed-from "$seed")
bash "$repo/ci/mlock-mutant.sh" --print \
	--mutation "$repo/tests/real/mlock-unlock-skipped.sed" \
	"${seed_args[@]}" --plugin "$plugin" --cc "$cc" "$build_dir" >/dev/null ||
	die "ci/mlock-mutant.sh could not prepare $build_dir"
build_dir=$(realpath "$build_dir")

# A git history of two commits: the pristine file, then the changed one.
git_do() {
	git -C "$build_dir" -c user.name=kapi-scan-test \
		-c user.email=kapi-scan-test@localhost "$@" >/dev/null
}
changed=$(mktemp)
trap 'rm -f "$changed"' EXIT
cp "$build_dir/mm/mlock.c" "$changed"
rm -rf "$build_dir/.git"
git_do init -q
git_do checkout -q -b scan-test
cp "$build_dir/mm/mlock.c.kapi-pristine" "$build_dir/mm/mlock.c"
# The kernel's own .gitignore would hide the file.
git_do add -f mm/mlock.c
git_do commit -q -m "pristine mm/mlock.c"
cp "$changed" "$build_dir/mm/mlock.c"
git_do add -f mm/mlock.c
git_do commit -q -m "mm/mlock.c with the spec and an early return"

failures=0
check() {
	local what=$1
	shift
	if "$@"; then
		echo "PASS $what"
	else
		echo "FAIL $what"
		failures=$((failures + 1))
	fi
}

# jq -e FILTER FILE: true when the filter's last output is true.
jq_true() {
	jq -e "$1" "$2" >/dev/null
}

scan() {
	local status=0
	bash "$repo/ci/kapi-scan.sh" --tree "$build_dir" --plugin "$plugin" \
		--tool "$tool" "$@" || status=$?
	return "$status"
}

out=$(mktemp -d)
trap 'rm -f "$changed"; rm -rf "$out"' EXIT

# JSON, from the git range.
status=0
scan --format json --range HEAD~1..HEAD >"$out/scan.json" || status=$?
check "json exit status is 1" test "$status" -eq 1
check "json is well formed" jq_true '.version == 1' "$out/scan.json"
check "json has all three engines" \
	jq_true '[.findings[].engine] | unique == ["cocci", "plugin", "sparse"]' "$out/scan.json"
check "json plugin lock imbalance" jq_true \
	'any(.findings[]; .engine == "plugin" and .check == "kapi-lock-imbalance" and .function == "sys_mlock")' \
	"$out/scan.json"
check "json cocci missing unlock" jq_true \
	'any(.findings[]; .engine == "cocci" and .check == "cocci-missing_unlock" and .function == "do_mlock" and .file == "mm/mlock.c" and .line == 636 and (.notes | length) == 1)' \
	"$out/scan.json"
check "json sparse context" jq_true \
	'any(.findings[]; .engine == "sparse" and .check == "sparse-context" and .function == "mlock_pte_range")' \
	"$out/scan.json"
check "json every finding has a function" \
	jq_true 'all(.findings[]; .function != "")' "$out/scan.json"
check "json ids start with the check" \
	jq_true 'all(.findings[]; (.id | split(":") | .[0]) == .check)' "$out/scan.json"
check "json ids are unique" \
	jq_true '[.findings[].id] | length == (unique | length)' "$out/scan.json"

# SARIF, from the file named.
status=0
scan --format sarif mm/mlock.c >"$out/scan.sarif" || status=$?
check "sarif exit status is 1" test "$status" -eq 1
check "sarif is well formed" \
	jq_true '.version == "2.1.0" and (.runs | length) == 1' "$out/scan.sarif"
check "sarif rule indexes match rule ids" jq_true \
	'.runs[0] as $run | all($run.results[]; $run.tool.driver.rules[.ruleIndex].id == .ruleId)' \
	"$out/scan.sarif"
check "sarif has all three engines" jq_true \
	'[.runs[0].results[].properties.engine] | unique == ["cocci", "plugin", "sparse"]' \
	"$out/scan.sarif"
check "sarif locations have a line" jq_true \
	'all(.runs[0].results[]; .locations[0].physicalLocation.region.startLine > 0)' \
	"$out/scan.sarif"
check "sarif and json ids agree" test \
	"$(jq -r '[.runs[0].results[].partialFingerprints.kapiFindingId] | sort | join(" ")' "$out/scan.sarif")" \
	= "$(jq -r '[.findings[].id] | sort | join(" ")' "$out/scan.json")"

# Text from one engine, with the file named by its absolute path.
status=0
scan --engines cocci "$build_dir/mm/mlock.c" >"$out/scan.txt" || status=$?
check "text exit status is 1" test "$status" -eq 1
check "text has the cocci findings and their notes" diff -u - "$out/scan.txt" <<'EOF'
mm/mlock.c:636:11: warning: 'do_mlock' returns -ENOMEM with a lock still held [cocci-missing_unlock]
mm/mlock.c:633:6: note: the lock is taken here [cocci-missing_unlock]
mm/mlock.c:809:1: warning: syscall 'sys_mlock2' has no KAPI spec, but this file defines specs for others [cocci-syscall_without_spec]
mm/mlock.c:664:1: note: the first spec of the file is defined here [cocci-syscall_without_spec]
mm/mlock.c:822:1: warning: syscall 'sys_munlock' has no KAPI spec, but this file defines specs for others [cocci-syscall_without_spec]
mm/mlock.c:664:1: note: the first spec of the file is defined here [cocci-syscall_without_spec]
mm/mlock.c:890:1: warning: syscall 'sys_mlockall' has no KAPI spec, but this file defines specs for others [cocci-syscall_without_spec]
mm/mlock.c:664:1: note: the first spec of the file is defined here [cocci-syscall_without_spec]
mm/mlock.c:919:1: warning: syscall 'sys_munlockall' has no KAPI spec, but this file defines specs for others [cocci-syscall_without_spec]
mm/mlock.c:664:1: note: the first spec of the file is defined here [cocci-syscall_without_spec]
EOF

# The pristine file: no cocci finding, so the exit status is 0.
status=0
git_do checkout -q HEAD~1 -- mm/mlock.c
scan --engines cocci mm/mlock.c >"$out/pristine.txt" || status=$?
git_do checkout -q HEAD -- mm/mlock.c
check "pristine file exit status is 0" test "$status" -eq 0
check "pristine file prints nothing" test ! -s "$out/pristine.txt"

# Bad input is an error.
status=0
scan --format xml mm/mlock.c >/dev/null 2>&1 || status=$?
check "invalid format exit status is 2" test "$status" -eq 2
status=0
scan --engines cocci mm/no-such-file.c >/dev/null 2>&1 || status=$?
check "missing file exit status is 2" test "$status" -eq 2

if ((failures)); then
	trap - EXIT
	rm -f "$changed"
	echo "scan-mlock: $failures checks failed; the outputs are in $out" >&2
	exit 1
fi
echo "scan-mlock: all checks passed"
