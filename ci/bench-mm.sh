#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# bench-mm.sh - what the plugin costs on a real folder, and what
# kapi-check costs over it. Builds mm/ of a prepared Linux 6.12 tree from
# clean three ways, alternating: without the plugin, with the plugin (the
# per-unit checks; mm/mlock.c carries a spec when ci/mlock-proof.sh
# prepared the tree), and with the plugin writing unit facts. Then runs
# kapi-check over the facts. Prints wall time, the ratio to the plain
# build and peak memory. A benchmark, not a test: it never fails on a slow
# machine.
#
# Usage: ci/bench-mm.sh [--runs N] [--plugin SO] [--tool EXE] BUILD_DIR

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=1
plugin=$repo/build/plugin/kapi_check.so
tool=$repo/build/tool/kapi-check

while (($#)); do
	case $1 in
	--runs) runs=${2:?--runs needs a number}; shift ;;
	--plugin) plugin=${2:?--plugin needs a file}; shift ;;
	--tool) tool=${2:?--tool needs a program}; shift ;;
	-*) echo "bench-mm: unknown option '$1'" >&2; exit 2 ;;
	*) tree=$1 ;;
	esac
	shift
done
[[ -n ${tree:-} && -f $tree/Makefile ]] || {
	echo "bench-mm: pass a prepared kernel tree (see ci/mlock-proof.sh)" >&2
	exit 2
}
plugin=$(realpath "$plugin")
compat=$repo/include/kapi-compat

echo "machine: $(nproc) cores, $(gcc --version | head -n 1)"
echo "tree: $tree, folder mm/, $runs run(s) of each, alternating"

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

# Build mm/ from clean with KCFLAGS $1; print seconds and the peak KiB of
# the largest process (cc1, in practice).
build() {
	find "$tree/mm" -name '*.o' -delete
	/usr/bin/time -o "$timing" -f '%e %M' make -C "$tree" -j"$(nproc)" mm/ \
		KCFLAGS="$1" >/dev/null 2>&1
	tail -n 1 "$timing"
}

declare -A total
for kind in plain plugin facts; do total[$kind]=0; done
for ((i = 1; i <= runs; i++)); do
	for kind in plain plugin facts; do
		case $kind in
		plain) flags="-I$compat" ;;
		plugin) flags="-fplugin=$plugin -I$compat" ;;
		facts) flags="-fplugin=$plugin -fplugin-arg-kapi_check-facts -I$compat" ;;
		esac
		read -r secs kib <<<"$(build "$flags")"
		echo "run $i $kind: ${secs}s (largest process: ${kib} KiB)"
		total[$kind]=$(echo "${total[$kind]} + $secs" | bc -l)
	done
done
for kind in plugin facts; do
	printf 'ratio %s/plain: %.3f\n' "$kind" \
		"$(echo "${total[$kind]} / ${total[plain]}" | bc -l)"
done

# The facts of the last build are still there.
/usr/bin/time -o "$timing" -f '%e %M' "$tool" explain sys_mlock "$tree/mm" \
	>/dev/null 2>&1 || true
read -r secs kib <"$timing"
echo "kapi-check explain sys_mlock mm/: ${secs}s, peak ${kib} KiB"
