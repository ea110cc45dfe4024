#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# mlock-proof.sh - run the kapi_check plugin on the real mm/mlock.c of
# Linux 6.12 with the RFC v2 sys_mlock spec inserted, and compare its
# findings and audit table with tests/real/mlock.expected
#
# Usage: ci/mlock-proof.sh [--print] [--plugin SO] [--cc GCC]
#                          [--expected FILE] [BUILD_DIR]
#
#   BUILD_DIR        where the kernel source is unpacked and prepared
#                    (default: build/linux-6.12 under the current folder)
#   --print          print the findings and the audit table, compare nothing
#   --plugin SO      the plugin (default: build/plugin/kapi_check.so of the
#                    repository, or $KAPI_PLUGIN)
#   --cc GCC         the compiler that builds the kernel and loads the plugin
#                    (default: gcc, or $KAPI_GCC). It must be the GCC that
#                    the plugin was built for.
#   --expected FILE  the expected output (default: tests/real/mlock.expected)
#
# Steps:
#  1. Install linux-source-6.12 when /usr/src/linux-source-6.12.tar.xz is
#     missing (root only).
#  2. Unpack it and run "make defconfig prepare". Both are skipped when the
#     stamp file BUILD_DIR/.kapi-prepared matches the tarball and compiler.
#  3. Insert the spec and its #include into mm/mlock.c. The file is always
#     regenerated from the pristine copy mm/mlock.c.kapi-orig, so running
#     twice changes nothing.
#  4. Rebuild mm/mlock.o through the kernel's own make, with the plugin in
#     KCFLAGS.
#
# The compared text is "[findings]" followed by every [kapi-...] diagnostic
# line of the build, then "[audit]" followed by the audit file. Lines of the
# expected file starting with '#' and empty lines are ignored.
#
# Exit status: 0 the output matches (or --print), 1 it differs, 2 setup
# error (missing plugin, not root, failed kernel build).

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tarball=/usr/src/linux-source-6.12.tar.xz
spec_file=$repo/tests/real/mlock-spec-rfc-v2.h
compat_include=$repo/include/kapi-compat

print_only=false
plugin=${KAPI_PLUGIN:-$repo/build/plugin/kapi_check.so}
cc=${KAPI_GCC:-gcc}
expected=$repo/tests/real/mlock.expected
build_dir=build/linux-6.12

die() {
	echo "mlock-proof: $*" >&2
	exit 2
}

usage() {
	sed -n '/^# Usage:/,/^#   --expected/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit "$1"
}

while (($#)); do
	case $1 in
	--print) print_only=true ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--cc) cc=${2:?--cc needs a compiler}; shift ;;
	--expected) expected=${2:?--expected needs a file}; shift ;;
	-h|--help) usage 0 ;;
	-*) echo "mlock-proof: unknown option '$1'" >&2; usage 2 ;;
	*) build_dir=$1 ;;
	esac
	shift
done

[[ -f $plugin ]] || die "plugin '$plugin' not found; build it first (cmake -S . -B build && cmake --build build) or pass --plugin"
plugin=$(realpath "$plugin")
command -v "$cc" >/dev/null || die "compiler '$cc' not found; pass --cc"
# The resolved path names the same compiler however it was spelled (gcc, cc,
# /usr/bin/cc), so the kernel configuration and the stamp do not change.
cc=$(realpath "$(command -v "$cc")")
[[ -f $spec_file ]] || die "spec file '$spec_file' not found"
$print_only || [[ -f $expected ]] || die "expected file '$expected' not found"

# The kernel source, from Debian's linux-source-6.12 package.
if [[ ! -f $tarball ]]; then
	if ((EUID != 0)); then
		die "$tarball is missing; install it as root: apt-get install linux-source-6.12"
	fi
	echo "mlock-proof: installing linux-source-6.12" >&2
	if ! apt-get install -y linux-source-6.12 >&2; then
		apt-get update >&2
		apt-get install -y linux-source-6.12 >&2
	fi
	[[ -f $tarball ]] || die "linux-source-6.12 did not install $tarball"
fi

# Unpack and prepare, unless the stamp file records that this was done for
# this tarball and compiler. A changed compiler makes kbuild reconfigure anyway.
mkdir -p "$build_dir"
build_dir=$(realpath "$build_dir")
stamp=$build_dir/.kapi-prepared
stamp_text="tarball $(stat -c '%s %Y' "$tarball")
cc $cc: $("$cc" --version | head -n 1)"
jobs=$(nproc)

if [[ ! -f $stamp || $(cat "$stamp") != "$stamp_text" ]]; then
	rm -f "$stamp"
	if [[ ! -f $build_dir/Makefile ]]; then
		if [[ -n $(ls -A "$build_dir") ]]; then
			die "$build_dir is neither empty nor a kernel tree; pass another BUILD_DIR"
		fi
		echo "mlock-proof: unpacking $tarball into $build_dir" >&2
		tar -xf "$tarball" -C "$build_dir" --strip-components=1
	fi
	grep -q '^PATCHLEVEL = 12$' "$build_dir/Makefile" ||
		die "$build_dir is not a Linux 6.12 tree"
	echo "mlock-proof: make defconfig prepare (-j$jobs, log in $build_dir/kapi-prepare.log)" >&2
	if ! make -C "$build_dir" CC="$cc" -j"$jobs" defconfig prepare \
		>"$build_dir/kapi-prepare.log" 2>&1; then
		tail -n 30 "$build_dir/kapi-prepare.log" >&2
		die "kernel 'make defconfig prepare' failed"
	fi
	printf '%s\n' "$stamp_text" >"$stamp"
fi

# Insert the spec and the compat header's #include into mm/mlock.c.
"$repo/ci/insert-mlock-spec.sh" "$build_dir"

# Rebuild mm/mlock.o with the plugin. Removing the object forces the
# compile even when only the plugin changed.
audit=$build_dir/kapi-mlock.audit
log=$build_dir/kapi-mlock.log
rm -f "$build_dir/mm/mlock.o" "$audit"
kcflags="-fplugin=$plugin -fplugin-arg-kapi_check-audit=$audit -I$compat_include"
echo "mlock-proof: make mm/mlock.o with KCFLAGS=\"$kcflags\"" >&2
if ! make -C "$build_dir" CC="$cc" -j"$jobs" mm/mlock.o KCFLAGS="$kcflags" \
	>"$log" 2>&1; then
	cat "$log" >&2
	die "building mm/mlock.o failed"
fi
[[ -f $audit ]] || die "the plugin wrote no audit file $audit"

actual=$build_dir/kapi-mlock.actual
{
	echo "[findings]"
	grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error|note): .*\[kapi-[a-z-]+\]' "$log" || true
	echo "[audit]"
	cat "$audit"
} >"$actual"

if $print_only; then
	cat "$actual"
	exit 0
fi

if diff -u --label expected --label actual \
	<(grep -v -e '^#' -e '^[[:space:]]*$' "$expected") \
	<(grep -v -e '^[[:space:]]*$' "$actual"); then
	echo "mlock-proof: findings and audit table match $expected"
	exit 0
fi
echo "mlock-proof: the output differs from $expected (full output: $actual, build log: $log)" >&2
exit 1
