#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# mlock-mutant.sh - run ci/mlock-proof.sh on a mutated mm/mlock.c: a sed
# script edits the pristine Linux 6.12 file before mlock-proof.sh inserts
# the spec, and the findings and audit table are compared with the
# mutant's own expected file
#
# Usage: ci/mlock-mutant.sh --mutation SEDFILE [--expected FILE]
#                           [--seed-from DIR] [--print] [--plugin SO]
#                           [--cc GCC] BUILD_DIR
#
#   BUILD_DIR           a kernel tree for mutants only: its
#                       mm/mlock.c.kapi-orig, the file mlock-proof.sh
#                       starts from, contains the mutated source while
#                       this script runs
#   --mutation SEDFILE  the sed script (sed -f) that mutates the pristine
#                       mm/mlock.c; a script that changes nothing is an
#                       error
#   --expected FILE     the expected output (required unless --print)
#   --seed-from DIR     a tree that mlock-proof.sh has prepared; when
#                       BUILD_DIR is not prepared yet, DIR is copied into
#                       it, which saves the unpacking and the kernel's
#                       "make defconfig prepare"
#   --print, --plugin SO, --cc GCC
#                       passed to ci/mlock-proof.sh (see there)
#
# Steps:
#  1. Copy the seed tree into an empty BUILD_DIR when BUILD_DIR has no
#     stamp file .kapi-prepared and the seed has one. A BUILD_DIR without
#     a kernel tree and no usable seed is unpacked and prepared by a first
#     "mlock-proof.sh --print" run.
#  2. Keep the pristine source as mm/mlock.c.kapi-pristine, taken from
#     mm/mlock.c.kapi-orig the first time.
#  3. Write the mutated source to mm/mlock.c.kapi-orig, run mlock-proof.sh,
#     and put the pristine source back into mm/mlock.c.kapi-orig on exit.
#
# Exit status: that of mlock-proof.sh (0 match or --print, 1 the output
# differs, 2 setup error), or 2 for a setup error here.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
proof=$repo/ci/mlock-proof.sh

mutation=
expected=
seed=
build_dir=
print_only=false
tool_args=()	# --plugin and --cc, for every mlock-proof.sh run

die() {
	echo "mlock-mutant: $*" >&2
	exit 2
}

usage() {
	sed -n '/^# Usage:/,/^#                       passed to/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit "$1"
}

while (($#)); do
	case $1 in
	--mutation) mutation=${2:?--mutation needs a sed script}; shift ;;
	--expected) expected=${2:?--expected needs a file}; shift ;;
	--seed-from) seed=${2:?--seed-from needs a kernel tree}; shift ;;
	--print) print_only=true ;;
	--plugin) tool_args+=(--plugin "${2:?--plugin needs a file}"); shift ;;
	--cc) tool_args+=(--cc "${2:?--cc needs a compiler}"); shift ;;
	-h|--help) usage 0 ;;
	-*) echo "mlock-mutant: unknown option '$1'" >&2; usage 2 ;;
	*) build_dir=$1 ;;
	esac
	shift
done

[[ -n $build_dir ]] || die "missing BUILD_DIR; pass a kernel tree that only mutants use"
[[ -n $mutation ]] || die "missing --mutation SEDFILE"
[[ -f $mutation ]] || die "mutation script '$mutation' not found"
if $print_only; then
	compare_args=(--print)
else
	[[ -n $expected ]] || die "missing --expected FILE (or pass --print)"
	[[ -f $expected ]] || die "expected file '$expected' not found"
	compare_args=(--expected "$expected")
fi

# 1. A tree to work in: copied from the seed, or prepared by mlock-proof.sh.
mkdir -p "$build_dir"
build_dir=$(realpath "$build_dir")
if [[ ! -f $build_dir/.kapi-prepared && -n $seed && -f $seed/.kapi-prepared ]]; then
	seed=$(realpath "$seed")
	[[ $seed != "$build_dir" ]] || die "--seed-from names BUILD_DIR itself"
	[[ -z $(ls -A "$build_dir") ]] ||
		die "$build_dir is neither empty nor a prepared tree; pass another BUILD_DIR"
	echo "mlock-mutant: copying the prepared tree $seed into $build_dir" >&2
	cp -a "$seed/." "$build_dir/"
	# A build in the seed may have been writing these during the copy.
	# mlock-proof.sh makes them again.
	rm -f "$build_dir"/mm/mlock.o "$build_dir"/mm/.mlock.o.cmd \
		"$build_dir"/mm/.mlock.o.d "$build_dir"/kapi-mlock.*
fi

pristine=$build_dir/mm/mlock.c.kapi-pristine
orig=$build_dir/mm/mlock.c.kapi-orig
if [[ ! -f $pristine && ! -f $orig ]]; then
	echo "mlock-mutant: preparing $build_dir with an unmutated mlock-proof.sh run" >&2
	bash "$proof" --print "${tool_args[@]}" "$build_dir" >/dev/null
fi

# 2. The pristine source, which mlock-proof.sh saved as mm/mlock.c.kapi-orig.
if [[ ! -f $pristine ]]; then
	[[ -f $orig ]] || die "no $orig after preparing the tree"
	cp "$orig" "$pristine"
fi
grep -q '^SYSCALL_DEFINE2(mlock,' "$pristine" ||
	die "$pristine has no 'SYSCALL_DEFINE2(mlock,' line; remove it and $orig to start over"
if grep -q 'DEFINE_KERNEL_API_SPEC' "$pristine"; then
	die "$pristine already contains a spec, so it is not the pristine source; remove it and $orig to start over"
fi

# 3. The mutant, in place of the pristine source while mlock-proof.sh runs.
sed -f "$mutation" "$pristine" >"$orig.mutant"
if cmp -s "$pristine" "$orig.mutant"; then
	rm -f "$orig.mutant"
	die "the mutation '$mutation' changes nothing in mm/mlock.c"
fi
echo "mlock-mutant: mm/mlock.c mutated by $mutation:" >&2
diff "$pristine" "$orig.mutant" >&2 || true

trap 'cp "$pristine" "$orig"; rm -f "$orig.mutant"' EXIT
mv "$orig.mutant" "$orig"
bash "$proof" "${tool_args[@]}" "${compare_args[@]}" "$build_dir"
