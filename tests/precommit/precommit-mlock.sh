#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# precommit-mlock.sh - install the kapi-check pre-commit hook in a git
# checkout of a real kernel tree, stage a change to mm/mlock.c that drops
# an unlock on an error path, and check that "git commit" is rejected with
# exactly that one new finding, then that a second run reuses the cache
#
# Usage: tests/precommit/precommit-mlock.sh --seed-from DIR --plugin SO
#                                           --tool PATH [--times FILE]
#                                           BUILD_DIR
#
#   BUILD_DIR        a kernel tree for this test only: copied from the seed
#                    on the first run, and given a new git history and an
#                    empty cache on every run
#   --seed-from DIR  a tree that ci/mlock-proof.sh has prepared; it is only
#                    read
#   --plugin, --tool the plugin and kapi-check
#   --times FILE     append the wall-clock seconds of both hook runs to FILE
#
# The history: all of mm/ as in Linux 6.12, then a commit that inserts the
# RFC v2 sys_mlock spec (tests/real/mlock-spec-rfc-v2.h) as
# ci/mlock-proof.sh does. The staged change moves do_mlock()'s
#	mmap_write_unlock(current->mm);
# below the "if (error) return error;" that follows it, so the error path
# returns with mmap_lock held. Expected: the hook rejects the commit and
# prints one finding, the plugin's kapi-lock-imbalance of sys_mlock on
# mmap_lock, and none of the findings the tree had before (the
# kapi-signal-uncovered of sys_mlock, sparse's context warnings, the
# rules' reports); then the same hook run again builds nothing and prints
# the same finding.
#
# Exit status: 0 every check passed, 1 a check failed, 2 setup error.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seed= plugin= tool= times= build_dir=
failures=0

die() {
	echo "precommit-mlock: $*" >&2
	exit 2
}

check() {
	local what=$1

	shift
	if "$@"; then
		echo "precommit-mlock: ok: $what"
	else
		echo "precommit-mlock: FAILED: $what" >&2
		failures=$((failures + 1))
	fi
}

while (($#)); do
	case $1 in
	--seed-from) seed=${2:?--seed-from needs a tree}; shift ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--tool) tool=${2:?--tool needs a program}; shift ;;
	--times) times=${2:?--times needs a file}; shift ;;
	-*) die "unknown option '$1'" ;;
	*) build_dir=$1 ;;
	esac
	shift
done
[[ -n $build_dir && -n $seed && -n $plugin && -n $tool ]] ||
	die "usage: precommit-mlock.sh --seed-from DIR --plugin SO --tool PATH [--times FILE] BUILD_DIR"
plugin=$(realpath "$plugin")
tool=$(realpath "$tool")

# The copy. The seed is only read. A copy that exists is reused,
# because copying the 1.7 GB tree takes longer than the rest of the test.
if [[ ! -f $build_dir/.kapi-precommit-copy ]]; then
	[[ -f $seed/.kapi-prepared && -f $seed/mm/mlock.c ]] ||
		die "$seed is not a tree prepared by ci/mlock-proof.sh; run the real_mlock test first"
	rm -rf "$build_dir"
	mkdir -p "$(dirname "$build_dir")"
	echo "precommit-mlock: copying $seed to $build_dir" >&2
	cp -a "$seed" "$build_dir"
	touch "$build_dir/.kapi-precommit-copy"
fi
build_dir=$(realpath "$build_dir")
mlock_c=$build_dir/mm/mlock.c
# mlock-proof.sh keeps the pristine file; an older copy may lack it.
[[ -f $mlock_c.kapi-orig ]] || cp "$mlock_c" "$mlock_c.kapi-orig"
grep -q DEFINE_KERNEL_API_SPEC "$mlock_c.kapi-orig" &&
	die "$mlock_c.kapi-orig already has a spec; copy the tree again from a fresh seed"

git_do() {
	git -C "$build_dir" -c user.name=kapi-precommit-test \
		-c user.email=kapi-precommit-test@localhost "$@"
}

# A new history that tracks the sources of mm/ (about 200 files, so
# "git add" is quick).
rm -rf "$build_dir/.git" "$build_dir/.kapi-precommit"
cp "$mlock_c.kapi-orig" "$mlock_c"
git_do init -q
git_do checkout -q -b precommit-test
printf '%s\n' '*.kapi-orig' '*.kapi-new' >>"$build_dir/.git/info/exclude"
# Debian's .gitignore ignores every top-level folder, so name the
# sources with -f; the objects and .cmd files stay untracked.
(cd "$build_dir" && find mm -type f \( -name '*.[ch]' -o -name Makefile -o -name 'Kconfig*' \) -print0) |
	git_do add -f --pathspec-from-file=- --pathspec-file-nul
git_do ls-files --error-unmatch mm/mlock.c >/dev/null ||
	die "git did not add mm/mlock.c"
git_do commit -q -m "mm/ of Linux 6.12"

# The spec, inserted as ci/mlock-proof.sh inserts it.
spec_body=$(sed -n '/^DEFINE_KERNEL_API_SPEC(/,/^KAPI_END_SPEC;/p' \
	"$repo/tests/real/mlock-spec-rfc-v2.h")
[[ -n $spec_body ]] || die "no spec in tests/real/mlock-spec-rfc-v2.h"
last_include=$(grep -n '^#include <linux/' "$mlock_c.kapi-orig" | tail -n 1 | cut -d: -f1)
awk -v inc="$last_include" '
	{ print }
	NR == inc { print "#include <linux/syscall_api_spec.h>" }
' "$mlock_c.kapi-orig" | SPEC="$spec_body" awk '
	/^SYSCALL_DEFINE2\(mlock,/ { print ENVIRON["SPEC"]; print "" }
	{ print }
' >"$mlock_c"
git_do commit -q -a -m "mm/mlock: add the RFC v2 spec of sys_mlock"

bash "$repo/ci/kapi-install-hook.sh" --tree "$build_dir" -- \
	--plugin "$plugin" --tool "$tool" || die "installing the hook failed"

# The change: do_mlock()'s unlock moves below its error return.
sed -i '/^static __must_check int do_mlock(/,/^}/{
/^\tmmap_write_unlock(current->mm);$/{
N
N
s/^\(\tmmap_write_unlock(current->mm);\)\n\(\tif (error)\)\n\(\t\treturn error;\)$/\2\n\3\n\1/
}
}' "$mlock_c"
git_do diff --quiet && die "the change to do_mlock() did not apply"
git_do diff | grep -q '^-	mmap_write_unlock(current->mm);$' ||
	die "the change to do_mlock() did not move the unlock"
git_do add -f mm/mlock.c
head_before=$(git_do rev-parse HEAD)

# Count the findings of a hook's output: GCC-style warning lines.
findings_of() {
	grep -E '^[^ ]+:[0-9]+(:[0-9]+)?: warning: .* \[[a-z_-]+\]$' "$1" || true
}

# First run, through git commit.
out1=$(mktemp) out2=$(mktemp)
trap 'rm -f "$out1" "$out2"' EXIT
start=$(date +%s.%N)
status1=0
git_do commit -m "mm/mlock: drop an unlock" >"$out1" 2>&1 || status1=$?
time1=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "--- git commit with the hook ($time1 s) ---"
cat "$out1"

check "git commit is rejected" test "$status1" -ne 0
check "HEAD stays where it was" test "$(git_do rev-parse HEAD)" = "$head_before"
check "the first run built both sides" grep -q '^kapi-precommit: 2 of 2 sides built' "$out1"
new1=$(findings_of "$out1")
check "exactly one new finding" test "$(printf '%s' "$new1" | grep -c .)" -eq 1
check "the finding is the lock imbalance of sys_mlock on mmap_lock" \
	grep -qE "^mm/mlock\.c:[0-9]+:[0-9]+: warning: 'sys_mlock' returns with 'mmap_lock' still held .*\[kapi-lock-imbalance\]$" \
	<<<"$new1"
check "no finding the tree had before" \
	bash -c '! grep -qE "kapi-signal-uncovered|sparse-context|cocci-" "$0"' "$out1"
check "the staged change is still staged" \
	bash -c 'git -C "$0" diff --cached --quiet; test $? -eq 1' "$build_dir"
check "mm/mlock.c of the working tree is the staged one" \
	bash -c 'git -C "$0" diff --quiet -- mm/mlock.c' "$build_dir"

# Second run on the unchanged tree: both sides come from the cache.
start=$(date +%s.%N)
status2=0
(cd "$build_dir" && .git/hooks/pre-commit) >"$out2" 2>&1 || status2=$?
time2=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "--- the hook again on the unchanged tree ($time2 s) ---"
cat "$out2"

check "the second run rejects too" test "$status2" -eq 1
check "the second run builds nothing" grep -q '^kapi-precommit: 0 of 2 sides built, 2 reused from the cache' "$out2"
check "both sides come from the cache" test "$(grep -c 'findings reused from the cache' "$out2")" -eq 2
check "the second run prints the same finding" test "$(findings_of "$out2")" = "$new1"

echo "precommit-mlock: first run $time1 s, second run $time2 s"
if [[ -n $times ]]; then
	echo "$(date -u +%FT%TZ) first $time1 s second $time2 s" >>"$times"
fi
if ((failures)); then
	echo "precommit-mlock: $failures check(s) failed" >&2
	exit 1
fi
echo "precommit-mlock: all checks passed"
