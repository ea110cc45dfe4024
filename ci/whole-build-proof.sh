#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# whole-build-proof.sh - check sys_mlock across units: build all of mm/ of
# Linux 6.12 with the plugin writing unit facts, with the RFC v2 sys_mlock
# spec inserted in mm/mlock.c, then run kapi-check over the objects and
# compare its output with tests/real/mlock-whole.expected.
#
# Usage: ci/whole-build-proof.sh [--print] [--plugin SO] [--tool EXE]
#                                [--cc GCC] [--expected FILE] [BUILD_DIR]
#
# BUILD_DIR is prepared and the spec inserted by ci/mlock-proof.sh (same
# default folder). Every mm/ object is rebuilt, because kbuild does not
# notice a changed plugin. The folder mm/ rather than a list of files: the
# objects the mlock calls reach are found from the facts, and what stays
# outside mm/ shows up as unknown sources in the output.
#
# The compared text is "[findings]" with kapi-check's findings (--all, so
# that findings the build reported too are listed), then "[explain]" with
# 'kapi-check explain sys_mlock'. Lines of the expected file starting with
# '#' and empty lines are ignored.
#
# Exit status: 0 match (or --print), 1 differs, 2 setup error.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
print_only=false
plugin=${KAPI_PLUGIN:-$repo/build/plugin/kapi_check.so}
tool=${KAPI_TOOL:-$repo/build/tool/kapi-check}
cc=${KAPI_GCC:-gcc}
expected=$repo/tests/real/mlock-whole.expected
build_dir=build/linux-6.12

die() {
	echo "whole-build-proof: $*" >&2
	exit 2
}

while (($#)); do
	case $1 in
	--print) print_only=true ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--tool) tool=${2:?--tool needs a program}; shift ;;
	--cc) cc=${2:?--cc needs a compiler}; shift ;;
	--expected) expected=${2:?--expected needs a file}; shift ;;
	-h|--help) sed -n '/^# Usage:/,/^# Exit/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) die "unknown option '$1'" ;;
	*) build_dir=$1 ;;
	esac
	shift
done

[[ -x $tool ]] || die "kapi-check '$tool' not found; build it first or pass --tool"
[[ -f $plugin ]] || die "plugin '$plugin' not found; pass --plugin"
plugin=$(realpath "$plugin")
cc=$(realpath "$(command -v "$cc")")

# Prepare the tree and insert the spec, exactly as the per-unit proof does.
"$repo/ci/mlock-proof.sh" --print --plugin "$plugin" --cc "$cc" \
	"$build_dir" >/dev/null
build_dir=$(realpath "$build_dir")

log=$build_dir/kapi-whole.log
find "$build_dir/mm" -name '*.o' -delete
kcflags="-fplugin=$plugin -fplugin-arg-kapi_check-facts -I$repo/include/kapi-compat"
echo "whole-build-proof: make mm/ with KCFLAGS=\"$kcflags\"" >&2
if ! make -C "$build_dir" CC="$cc" -j"$(nproc)" mm/ KCFLAGS="$kcflags" \
	>"$log" 2>&1; then
	tail -n 40 "$log" >&2
	die "building mm/ failed (log: $log)"
fi

actual=$build_dir/kapi-whole.actual
{
	echo "[findings]"
	(cd "$build_dir" && "$tool" --all mm/ 2>/dev/null) || true
	echo "[explain]"
	(cd "$build_dir" && "$tool" explain sys_mlock mm/)
} >"$actual"

if $print_only; then
	cat "$actual"
	exit 0
fi
if diff -u --label expected --label actual \
	<(grep -v -e '^#' -e '^[[:space:]]*$' "$expected") \
	<(grep -v -e '^[[:space:]]*$' "$actual"); then
	echo "whole-build-proof: kapi-check output matches $expected"
	exit 0
fi
echo "whole-build-proof: the output differs from $expected (full output: $actual)" >&2
exit 1
