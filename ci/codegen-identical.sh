#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# codegen-identical.sh - check that the plugin does not change the code it
# compiles: build sample objects of a prepared Linux 6.12 tree without the
# plugin, with it, and with it writing facts, then compare every section
# of the three objects except the facts section itself.
#
# Usage: ci/codegen-identical.sh --plugin SO [--cc GCC] BUILD_DIR [OBJECT...]
#        ci/codegen-identical.sh --plugin SO [--cc GCC] [--jobs N]
#                                --build TARGETS BUILD_DIR
#
# BUILD_DIR is a tree prepared by ci/mlock-proof.sh (mm/mlock.c then holds
# the sys_mlock spec, so one sample has a spec). The default objects are
# mm/mlock.o, mm/mmap.o, mm/gup.o, fs/open.o and kernel/sys.o.
#
# With --build, every object of a build is compared instead: TARGETS
# ("mm/ fs/ kernel/", or "vmlinux" for a whole kernel) are built from
# clean without the plugin and with it writing facts. Each object of the
# two builds is then compared byte for byte after removing the facts
# section: code, data, symbols and relocations. Objects that differ are
# named with the sections that differ.
# Exit status: 0 identical, 1 a section differs, 2 setup error.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
plugin=
cc=gcc
tree=
objects=()
build_targets=
jobs=$(nproc)

while (($#)); do
	case $1 in
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--cc) cc=${2:?--cc needs a compiler}; shift ;;
	--build) build_targets=${2:?--build needs targets}; shift ;;
	--jobs) jobs=${2:?--jobs needs a number}; shift ;;
	-*) echo "codegen-identical: unknown option '$1'" >&2; exit 2 ;;
	*) if [[ -z $tree ]]; then tree=$1; else objects+=("$1"); fi ;;
	esac
	shift
done
[[ -f $plugin && -f $tree/Makefile ]] || {
	echo "codegen-identical: pass --plugin SO and a prepared kernel tree" >&2
	exit 2
}
((${#objects[@]})) || objects=(mm/mlock.o mm/mmap.o mm/gup.o fs/open.o kernel/sys.o)
plugin=$(realpath "$plugin")
cc=$(realpath "$(command -v "$cc")")
compat=$repo/include/kapi-compat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Build OBJECT with KCFLAGS $2 and keep a copy as $work/$3/OBJECT.
build() {
	local object=$1 flags=$2 kind=$3

	rm -f "$tree/$object"
	make -C "$tree" CC="$cc" "$object" KCFLAGS="$flags" >"$work/log" 2>&1 || {
		cat "$work/log" >&2
		echo "codegen-identical: building $object ($kind) failed" >&2
		exit 2
	}
	mkdir -p "$work/$kind/$(dirname "$object")"
	cp "$tree/$object" "$work/$kind/$object"
}

# Print the names of OBJECT's sections that have contents.
sections() {
	readelf -S -W "$1" | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\) .*/\1/p' |
		grep -v -e '^$' -e '^\.discard\.kapi_facts$' -e '^NULL$'
}

# Print the sections of objects $1 and $2 whose contents differ; the
# facts section of $2 is left out.
differing_sections() {
	local sec

	for sec in $(sections "$1"); do
		objcopy --dump-section "$sec=$work/a" "$1" "$work/x.o" 2>/dev/null || : >"$work/a"
		objcopy --dump-section "$sec=$work/b" "$2" "$work/x.o" 2>/dev/null || : >"$work/b"
		cmp -s "$work/a" "$work/b" || printf ' %s' "$sec"
	done
}

# Build TARGETS from clean with KCFLAGS $1 and copy their objects (for
# vmlinux: every object of the tree, host tools and vmlinux.o aside) into
# $work/$2.
build_all() {
	local flags=$1 kind=$2 target
	local paths=()

	# shellcheck disable=SC2086 # the target list is split on purpose
	for target in $build_targets; do
		if [[ $target == vmlinux ]]; then
			make -C "$tree" clean >/dev/null
			paths+=(.)
		elif [[ -d $tree/$target ]]; then
			find "$tree/$target" -name '*.o' -delete
			paths+=("./$target")
		fi
	done
	# shellcheck disable=SC2086
	make -C "$tree" CC="$cc" -j"$jobs" $build_targets KCFLAGS="$flags" \
		>"$work/log" 2>&1 || {
		tail -n 30 "$work/log" >&2
		echo "codegen-identical: building $build_targets ($kind) failed" >&2
		exit 2
	}
	mkdir -p "$work/$kind"
	(cd "$tree" && find "${paths[@]}" -name '*.o' ! -name vmlinux.o \
		! -name '*.mod.o' ! -path './scripts/*' ! -path './tools/*' -print0 |
		xargs -0 -r cp --parents -t "$work/$kind")
}

if [[ -n $build_targets ]]; then
	# A whole build stamps its number and date into init/ objects; fix
	# both so that only the plugin could make two builds differ.
	export KBUILD_BUILD_TIMESTAMP="Thu Jan  1 00:00:00 UTC 2026"
	export KBUILD_BUILD_VERSION=1
	build_all "-I$compat" plain
	build_all "-fplugin=$plugin -fplugin-arg-kapi_check-facts -I$compat" facts
	compared=0
	differ=0
	while IFS= read -r -d '' object; do
		[[ -f $work/facts/$object ]] || continue
		compared=$((compared + 1))
		objcopy "$work/plain/$object" "$work/a.o"
		objcopy --remove-section=.discard.kapi_facts "$work/facts/$object" "$work/b.o"
		cmp -s "$work/a.o" "$work/b.o" && continue
		differ=$((differ + 1))
		echo "codegen-identical: $object differs:$(differing_sections "$work/plain/$object" "$work/facts/$object")" >&2
	done < <(cd "$work/plain" && find . -name '*.o' -print0)
	echo "codegen-identical: $compared objects of '$build_targets' compared, $differ differ"
	((differ == 0 && compared > 0))
	exit
fi

status=0
for object in "${objects[@]}"; do
	build "$object" "-I$compat" plain
	build "$object" "-fplugin=$plugin -I$compat" plugin
	build "$object" "-fplugin=$plugin -fplugin-arg-kapi_check-facts -I$compat" facts
	for kind in plugin facts; do
		if [[ $(sections "$work/plain/$object") != $(sections "$work/$kind/$object" | grep -v '^\.discard\.kapi_facts$') ]]; then
			echo "codegen-identical: $object ($kind): the section lists differ" >&2
			status=1
			continue
		fi
		for sec in $(sections "$work/plain/$object"); do
			objcopy --dump-section "$sec=$work/a" "$work/plain/$object" "$work/x.o" 2>/dev/null || : >"$work/a"
			objcopy --dump-section "$sec=$work/b" "$work/$kind/$object" "$work/x.o" 2>/dev/null || : >"$work/b"
			if ! cmp -s "$work/a" "$work/b"; then
				echo "codegen-identical: $object ($kind): section $sec differs" >&2
				status=1
			fi
		done
	done
	echo "codegen-identical: $object: checked"
done
exit $status
