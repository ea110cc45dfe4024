#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# kernel-robustness.sh - build a complete kernel with the plugin loaded in
# every unit (writing facts), and count what must stay zero: internal
# compiler errors and plugin errors. Also reports whether the final image
# links, the wall time, the units compiled, the units that carry facts and
# the number of findings. The RFC v2 sys_mlock spec is inserted into
# mm/mlock.c first (ci/insert-mlock-spec.sh); after the build, mm/mlock.o
# is compiled once more and its findings are compared with those of
# tests/real/mlock.expected, which shows that the plugin found the syscall
# body behind the architecture's wrappers (__x64_sys_mlock on x86-64,
# __arm64_sys_mlock on arm64).
#
# Usage: ci/kernel-robustness.sh [--config NAME] [--arch ARCH] [--plugin SO]
#                                [--jobs N] [--resume] TREE
#
#   TREE           kernel tree to build in; an empty or missing folder is
#                  filled from /usr/src/linux-source-6.12.tar.xz
#   --config NAME  the kernel's config target: defconfig (default),
#                  tinyconfig, allnoconfig, ...
#   --arch ARCH    x86_64 (default) or arm64. arm64 is cross-built with
#                  aarch64-linux-gnu-gcc-12 (Debian packages
#                  gcc-12-aarch64-linux-gnu and
#                  gcc-12-plugin-dev-aarch64-linux-gnu), and needs a plugin
#                  built for it: cmake -S . -B build-arm64
#                  -DKAPI_GCC=$(command -v aarch64-linux-gnu-gcc-12), a full
#                  path because CMake reads a bare name as a file in the
#                  current folder (the default --plugin for arm64 is
#                  build-arm64/plugin/kapi_check.so)
#   --plugin SO    the plugin (default: build/plugin/kapi_check.so)
#   --jobs N       make -jN (default: nproc)
#   --resume       go on with an interrupted build of TREE: keep its
#                  config, objects and log (the wall time is then that of
#                  the rest only). Run it from the same checkout with the
#                  same --plugin: both paths are part of the compiler
#                  flags, and make compiles every unit again when they
#                  change.
#
# The targets are vmlinux and the boot image (bzImage, or Image on arm64);
# modules are not built. The build log is TREE/kapi-robustness.log.
# A script, not a test: it never fails because the machine is slow.
# Exit status: 0 no internal compiler error, no plugin error, the image
# linked and the mlock findings matched; 1 otherwise; 2 setup error.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tarball=/usr/src/linux-source-6.12.tar.xz
config=defconfig
arch=x86_64
plugin=
jobs=$(nproc)
tree=
resume=false

die() {
	echo "kernel-robustness: $*" >&2
	exit 2
}

while (($#)); do
	case $1 in
	--config) config=${2:?--config needs a config target}; shift ;;
	--arch) arch=${2:?--arch needs x86_64 or arm64}; shift ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--jobs) jobs=${2:?--jobs needs a number}; shift ;;
	--resume) resume=true ;;
	-h|--help) sed -n '/^# Usage:/,/^# A script/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) die "unknown option '$1'" ;;
	*) tree=$1 ;;
	esac
	shift
done
[[ -n $tree ]] || die "pass the kernel tree to build in (see --help)"

case $arch in
x86_64)
	cc=gcc
	make_arch=(ARCH=x86_64)
	image=arch/x86/boot/bzImage
	image_target=bzImage
	: "${plugin:=$repo/build/plugin/kapi_check.so}"
	;;
arm64)
	cc=aarch64-linux-gnu-gcc-12
	make_arch=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
	image=arch/arm64/boot/Image
	image_target=Image
	: "${plugin:=$repo/build-arm64/plugin/kapi_check.so}"
	;;
*)
	die "unknown --arch '$arch'; use x86_64 or arm64"
	;;
esac
command -v "$cc" >/dev/null ||
	die "compiler '$cc' not found; for arm64 install gcc-12-aarch64-linux-gnu and gcc-12-plugin-dev-aarch64-linux-gnu"
[[ -f $plugin ]] || die "plugin '$plugin' not found; build it first or pass --plugin"
plugin=$(realpath "$plugin")
cc=$(realpath "$(command -v "$cc")")

# Unpack the source into an empty or missing folder.
mkdir -p "$tree"
tree=$(realpath "$tree")
if [[ ! -f $tree/Makefile ]]; then
	[[ -z $(ls -A "$tree") ]] ||
		die "$tree is neither empty nor a kernel tree; pass another folder"
	[[ -f $tarball ]] || die "$tarball is missing; install linux-source-6.12"
	echo "kernel-robustness: unpacking $tarball into $tree" >&2
	tar -xf "$tarball" -C "$tree" --strip-components=1
fi

kmake=(make -C "$tree" "${make_arch[@]}" CC="$cc" -j"$jobs")
log=$tree/kapi-robustness.log
timing=$tree/kapi-robustness.time
kcflags="-fplugin=$plugin -fplugin-arg-kapi_check-facts -I$repo/include/kapi-compat"

echo "machine: $(nproc) cores, $("$cc" --version | head -n 1)"
echo "tree: $tree, $arch $config, make -j$jobs $image_target"

# The whole build, from clean: kbuild does not notice a changed plugin.
if ! $resume; then
	"${kmake[@]}" "$config" >"$log" 2>&1 || {
		tail -n 20 "$log" >&2
		die "make $config failed (log: $log)"
	}
	"$repo/ci/insert-mlock-spec.sh" "$tree"
	"${kmake[@]}" clean >>"$log" 2>&1
fi
build_status=0
/usr/bin/time -o "$timing" -f '%e %M' "${kmake[@]}" vmlinux "$image_target" \
	KCFLAGS="$kcflags" >>"$log" 2>&1 || build_status=$?
read -r secs kib < <(tail -n 1 "$timing")

# Counts from the log and the objects. kbuild prints "  CC      path.o"
# for each C unit of the kernel it compiles (host tools such as objtool
# print absolute paths and are left out). Units whose object has no
# facts section are listed in TREE/kapi-no-facts.txt: code such as
# arch/x86/boot is compiled with its own flags, without KCFLAGS.
ices=$(grep -c -e 'internal compiler error' -e 'confused by earlier errors' \
	"$log" || true)
plugin_errors=$(grep -E -c 'error: .*(kapi|plugin)' "$log" || true)
units=0
with_facts=0
: >"$tree/kapi-no-facts.txt"
while read -r unit; do
	units=$((units + 1))
	# grep -q would stop reading early, and pipefail would count the
	# SIGPIPE of readelf as a missing section.
	if readelf -S -W "$tree/$unit" 2>/dev/null |
		grep '\.discard\.kapi_facts' >/dev/null; then
		with_facts=$((with_facts + 1))
	else
		echo "$unit" >>"$tree/kapi-no-facts.txt"
	fi
done < <(sed -n 's/^  CC \{1,\}\([^/ ][^ ]*\.o\)$/\1/p' "$log" | sort -u)
findings=$(grep -E -c ': (warning|error): .*\[kapi-[a-z-]+\]$' "$log" || true)
linked=no
[[ $build_status -eq 0 && -f $tree/$image ]] && linked=yes

echo "build: exit status $build_status, ${secs}s wall, largest process ${kib} KiB"
echo "units compiled: $units, objects with a facts section: $with_facts"
echo "internal compiler errors: $ices"
echo "plugin errors: $plugin_errors"
echo "findings: $findings"
echo "final image $image linked: $linked"

# mm/mlock.o once more, with an audit file. Its findings must be those of
# tests/real/mlock.expected (x86-64 defconfig): they show that the plugin
# found the syscall body behind this architecture's wrappers. The audit
# table is compared too, but only reported: other configs compile other
# helpers into mm/mlock.c (no per-VMA locks without SMP, for example), so
# the provenances and call counts may differ. Configs without an MMU do
# not build mm/mlock.c.
findings_status=skipped
audit_status=skipped
if [[ -f $tree/mm/mlock.o ]]; then
	audit=$tree/kapi-mlock.audit
	mlock_log=$tree/kapi-mlock.log
	expected=$repo/tests/real/mlock.expected
	rm -f "$tree/mm/mlock.o" "$audit"
	"${kmake[@]}" mm/mlock.o \
		KCFLAGS="$kcflags -fplugin-arg-kapi_check-audit=$audit" \
		>"$mlock_log" 2>&1 || true
	grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error|note): .*\[kapi-[a-z-]+\]' \
		"$mlock_log" >"$tree/kapi-mlock.findings" || true
	findings_status=same
	diff -u --label expected --label actual \
		<(sed -n '/^\[findings\]$/,/^\[audit\]$/p' "$expected" |
			grep -v -e '^\[' -e '^#' -e '^[[:space:]]*$') \
		"$tree/kapi-mlock.findings" || findings_status=different
	audit_status=same
	diff -u --label expected --label actual \
		<(sed -n '/^\[audit\]$/,$p' "$expected" |
			grep -v -e '^\[' -e '^#' -e '^[[:space:]]*$') \
		<(grep -v -e '^[[:space:]]*$' "$audit" 2>/dev/null) ||
		audit_status=different
fi
echo "mm/mlock.c findings against tests/real/mlock.expected: $findings_status"
echo "mm/mlock.c audit table against tests/real/mlock.expected: $audit_status"

[[ $ices -eq 0 && $plugin_errors -eq 0 && $linked == yes &&
	$findings_status != different ]]
